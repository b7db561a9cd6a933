// The reverse proxies whose word on the client's address is taken (`serve --trust-proxy`), and
// the client's address read from X-Forwarded-For the way only a proxy can vouch for it.
//
// Every proxy appends the address it saw to X-Forwarded-For; what stands left of the entries
// trusted proxies appended was written by the client and proves nothing (a client that could
// pick its address would escape every per-address throttle). So the header is believed only
// when the connection itself comes from a trusted proxy, and read from the right: the first
// entry that is not a trusted proxy is the client (OWASP; MDN "X-Forwarded-For", "Selecting an
// IP address"). Entries are addresses as proxies write them (IPv4, IPv6, either with a port).
#pragma once

#include <boost/asio/ip/address.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace zj::http {

class TrustedProxies {
 public:
  //! Trusts nobody: X-Forwarded-* headers are ignored.
  TrustedProxies() = default;
  //! Loopback only (127.0.0.0/8 and ::1): a proxy on the same machine.
  static TrustedProxies Loopback();
  //! A comma-separated list of addresses and CIDR networks ("127.0.0.1,10.0.0.0/8,fd00::/8");
  //! "loopback" stands for Loopback(). kInvalidArgument "error.trust_proxy" {value} naming an
  //! entry that is neither.
  static Result<TrustedProxies> Parse(std::string_view list);

  bool empty() const { return networks_.empty(); }
  //! Whether `address` (any textual form; IPv4-mapped IPv6 counts as IPv4) is a trusted proxy.
  bool Contains(std::string_view address) const;

  //! The client's address of a request that came from `peer` carrying the X-Forwarded-For
  //! values `forwarded` (each header line, in order): `peer` unless it is a trusted proxy;
  //! then the rightmost entry that is not a trusted proxy, or the leftmost entry when all are
  //! trusted. An entry that is no address ends the walk at the trusted hop right of it.
  std::string ClientAddress(std::string_view peer,
                            const std::vector<std::string_view>& forwarded) const;

 private:
  struct Network {
    boost::asio::ip::address base;  //!< masked to its prefix
    unsigned prefix = 0;
  };
  void Add(const boost::asio::ip::address& address, unsigned prefix);
  std::vector<Network> networks_;
};

}  // namespace zj::http
