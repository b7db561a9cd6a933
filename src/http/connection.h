// One connection of the HTTP server (server.h): reads a request under its route's limits (an
// upload's body sealed into a file as it arrives), answers it through the router (a file body
// piece by piece), repeats while keep-alive, and closes when the server's sweeper finds it past
// its deadline or the server stops. Internal to http/: the server owns and sweeps these.
#pragma once

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <limits>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "http/server.h"
#include "http/types.h"
#include "http/upload_body.h"

namespace zj::http {

//! One connection: read a request, answer it, repeat while keep-alive; all on one strand.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(boost::asio::ip::tcp::socket socket, Server::Impl& server);
  ~Connection();

  //! Called by the sweeper: closes the connection if its deadline has passed (checked again on
  //! the connection's strand, where the deadline is moved).
  void Expire();
  bool Overdue() const;
  void Start();

  //! Called on stop: an idle connection closes now; a busy one closes after its response.
  void Shutdown();

 private:
  void Read();

  //! The header is in: the route decides the body's limit, and an upload's body goes to a
  //! sealed file as it arrives instead of into memory.
  void OnHeader(boost::beast::error_code ec, std::size_t bytes);

  //! The body limit of the request's route.
  std::size_t RouteLimit(const beast_http::request_header<>& request) const;

  //! An upload's body: refused before a byte of it is stored when the caller may not send it;
  //! else sealed into the files folder as it arrives.
  void BeginUpload();

  void ReadUpload();

  void OnUploadRead(boost::beast::error_code ec, std::size_t bytes);

  void OnRead(boost::beast::error_code ec, std::size_t);

  void Respond(const Request& request, app::Upload* upload);

  //! A response whose body is a file, read and sent piece by piece (Beast's file_body), so a
  //! large download never sits in memory; the deadline is renewed by each piece sent (a slow
  //! client may take long over hundreds of megabytes, a stalled one is closed).
  struct FileWrite {
    explicit FileWrite(beast_http::response_header<> header) : res(std::move(header)) {}
    beast_http::response<beast_http::file_body> res;
    //! Made once the body holds the file: the serializer's writer takes the body's size then.
    std::optional<beast_http::response_serializer<beast_http::file_body>> serializer;
  };
  void WriteFile(Response header, boost::beast::file file);
  void WriteFilePart(std::shared_ptr<FileWrite> write);

  //! Answers a request whose body could not be taken with a problem, and closes afterwards.
  void Reject(const Error& error, std::optional<beast_http::status> status);

  // A request the parser refused: answer with a problem and close, since the stream is unusable.
  void RejectMalformed(boost::beast::error_code ec);

  void Write(Response response);

  // Closing a socket with unread input makes the kernel send RST, which can destroy the response
  // still in flight (e.g. a 413 sent before the client finished its body). So: shut down our
  // side, read and drop what the client still sends for a short while, then close.
  void Linger();

  void DrainSome();

  // Timeouts are a deadline per connection that the server's sweeper checks a few times per
  // timeout, not Beast's timer per operation: arming and cancelling a timer twice per request
  // goes through the reactor's one timer queue and its mutex, which the server threads met on
  // at every request (measured: the member GET's requests/s against the bare server's rose
  // from about 0.50 to 0.53 without them).
  void Deadline(std::chrono::milliseconds within);

  void Close();

  boost::beast::tcp_stream stream_;
  Server::Impl& server_;
  boost::beast::flat_buffer buffer_;
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  //! The parser of an upload's body, made from parser_ once its header is in.
  std::optional<beast_http::request_parser<SealedUploadBody>> upload_parser_;
  //! The body limit of the request being read (its route's).
  std::size_t limit_ = 0;
  std::string remote_;
  bool first_ = true;
  bool busy_ = false;
  std::array<char, 16384> drain_{};
  std::size_t drained_ = 0;
  static constexpr auto kNoDeadline = std::numeric_limits<std::chrono::steady_clock::rep>::max();
  //! steady_clock ticks after which the sweeper closes the connection.
  std::atomic<std::chrono::steady_clock::rep> deadline_{kNoDeadline};
};

}  // namespace zj::http
