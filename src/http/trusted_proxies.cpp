#include "http/trusted_proxies.h"

#include <algorithm>
#include <optional>

namespace zj::http {

namespace {

namespace ip = boost::asio::ip;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

//! An IPv4-mapped IPv6 address (::ffff:10.0.0.1, as a dual-stack socket reports IPv4 peers)
//! as the IPv4 address it is.
ip::address Plain(const ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

std::optional<ip::address> Address(std::string_view text) {
  boost::system::error_code ec;
  const ip::address a = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  return Plain(a);
}

//! An address as proxies write it into X-Forwarded-For: bare, "[v6]", "[v6]:port" or
//! "v4:port".
std::optional<ip::address> ForwardedAddress(std::string_view text) {
  text = Trim(text);
  if (auto a = Address(text)) return a;
  if (text.starts_with('[')) {
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return Address(text.substr(1, close - 1));
  }
  const std::size_t colon = text.find(':');
  if (colon != std::string_view::npos && text.rfind(':') == colon) {
    auto a = Address(text.substr(0, colon));
    if (a && a->is_v4()) return a;
  }
  return std::nullopt;
}

template <typename Bytes>
void Mask(Bytes& bytes, unsigned prefix) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const unsigned bit = static_cast<unsigned>(8 * i);
    const unsigned keep = prefix > bit ? std::min(8U, prefix - bit) : 0U;
    bytes[i] &= static_cast<unsigned char>(keep == 0 ? 0U : 0xFFU << (8 - keep));
  }
}

ip::address Masked(const ip::address& a, unsigned prefix) {
  if (a.is_v4()) {
    auto bytes = a.to_v4().to_bytes();
    Mask(bytes, prefix);
    return ip::address_v4(bytes);
  }
  auto bytes = a.to_v6().to_bytes();
  Mask(bytes, prefix);
  return ip::address_v6(bytes);
}

Error BadEntry(std::string_view entry) {
  return Error{ErrorCode::kInvalidArgument,
               "error.trust_proxy",
               "--trust-proxy: not an address or network: " + std::string(entry),
               {},
               {{"value", std::string(entry)}}};
}

}  // namespace

void TrustedProxies::Add(const ip::address& address, unsigned prefix) {
  networks_.push_back({Masked(address, prefix), prefix});
}

TrustedProxies TrustedProxies::Loopback() {
  TrustedProxies out;
  out.Add(ip::make_address("127.0.0.0"), 8);
  out.Add(ip::make_address("::1"), 128);
  return out;
}

Result<TrustedProxies> TrustedProxies::Parse(std::string_view list) {
  TrustedProxies out;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view entry = Trim(list.substr(0, comma));
    if (entry == "loopback") {
      for (const Network& n : Loopback().networks_) out.networks_.push_back(n);
    } else {
      const std::size_t slash = entry.find('/');
      const auto address = Address(entry.substr(0, slash));
      if (!address) return Fail(BadEntry(entry));
      const unsigned bits = address->is_v4() ? 32 : 128;
      unsigned prefix = bits;
      if (slash != std::string_view::npos) {
        const std::string_view digits = entry.substr(slash + 1);
        if (digits.empty() || digits.size() > 3 ||
            !std::all_of(digits.begin(), digits.end(),
                         [](char c) { return c >= '0' && c <= '9'; })) {
          return Fail(BadEntry(entry));
        }
        prefix = static_cast<unsigned>(std::stoul(std::string(digits)));
        if (prefix > bits) return Fail(BadEntry(entry));
      }
      out.Add(*address, prefix);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

bool TrustedProxies::Contains(std::string_view address) const {
  const auto a = ForwardedAddress(address);
  if (!a) return false;
  return std::any_of(networks_.begin(), networks_.end(), [&](const Network& n) {
    return n.base.is_v4() == a->is_v4() && Masked(*a, n.prefix) == n.base;
  });
}

std::string TrustedProxies::ClientAddress(std::string_view peer,
                                          const std::vector<std::string_view>& forwarded) const {
  if (!Contains(peer)) return std::string(peer);
  std::vector<std::string_view> entries;
  for (std::string_view line : forwarded) {
    while (true) {
      const std::size_t comma = line.find(',');
      if (const std::string_view entry = Trim(line.substr(0, comma)); !entry.empty()) {
        entries.push_back(entry);
      }
      if (comma == std::string_view::npos) break;
      line.remove_prefix(comma + 1);
    }
  }
  std::string client(peer);  // the nearest hop whose word is taken so far
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    const auto a = ForwardedAddress(*it);
    if (!a) return client;  // garbage: the trusted hop that passed it on is all we know
    client = a->to_string();
    if (!Contains(client)) return client;
  }
  return client;
}

}  // namespace zj::http
