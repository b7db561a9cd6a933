#include "http/connection.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio.hpp>

#include "http/access_log.h"
#include "http/json_writer.h"
#include "http/problem.h"
#include "http/router.h"
#include "http/server_impl.h"

namespace zj::http {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

Connection::Connection(tcp::socket socket, Server::Impl& server)
    : stream_(std::move(socket)), server_(server) {
  beast::error_code ec;
  const auto endpoint = stream_.socket().remote_endpoint(ec);
  remote_ = ec ? "unknown" : endpoint.address().to_string();
  std::lock_guard lock(server_.mutex);
  ++server_.active_sessions;
}

Connection::~Connection() {
  std::lock_guard lock(server_.mutex);
  --server_.active_sessions;
  server_.changed.notify_all();
}

void Connection::Expire() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (self->Overdue()) self->Close();
  });
}

bool Connection::Overdue() const {
  return std::chrono::steady_clock::now().time_since_epoch().count() >
         deadline_.load(std::memory_order_relaxed);
}

void Connection::Start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
}

void Connection::Shutdown() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (!self->busy_) {
      beast::error_code ec;
      self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      self->stream_.socket().close(ec);
    }
  });
}

void Connection::Read() {
  if (server_.stopping) return Close();
  upload_parser_.reset();
  parser_.emplace();
  // The header is parsed under the largest limit any route has: Beast checks Content-Length
  // against it while parsing the header, before OnHeader can tell which route it is.
  const Limits& limits = server_.options.limits;
  limit_ = 0;  // the route's, once its header is in
  parser_->body_limit(std::max(limits.body_bytes, limits.upload_bytes));
  parser_->header_limit(static_cast<std::uint32_t>(limits.header_bytes));
  Deadline(first_ ? server_.options.read_timeout : server_.options.idle_timeout);
  beast_http::async_read_header(
      stream_, buffer_, *parser_,
      beast::bind_front_handler(&Connection::OnHeader, shared_from_this()));
}

void Connection::OnHeader(beast::error_code ec, std::size_t bytes) {
  if (ec) return OnRead(ec, bytes);
  const auto& request = parser_->get();
  const std::string_view target = request.target();
  const std::string_view path = target.substr(0, target.find('?'));
  const bool upload = IsUploadRoute(request.method(), path);
  limit_ = RouteLimit(request);
  // A declared length is checked here (Beast checked it against the larger limit); a chunked
  // body is counted against the limit as it arrives.
  if (const auto length = parser_->content_length(); length && *length > limit_) {
    return RejectMalformed(beast_http::error::body_limit);
  }
  parser_->body_limit(limit_);
  // No body to come (a GET): answer now instead of going through the scheduler once more.
  if (parser_->is_done()) return OnRead(ec, bytes);
  if (upload) return BeginUpload();
  beast_http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&Connection::OnRead, shared_from_this()));
}

std::size_t Connection::RouteLimit(const beast_http::request_header<>& request) const {
  const std::string_view target = request.target();
  const bool upload = IsUploadRoute(request.method(), target.substr(0, target.find('?')));
  return upload ? server_.options.limits.upload_bytes : server_.options.limits.body_bytes;
}

void Connection::BeginUpload() {
  if (auto refused = server_.router.RefuseUpload(parser_->get())) {
    busy_ = true;
    refused->response.keep_alive(false);
    return Write(std::move(refused->response));
  }
  auto made = server_.router.app().jobs().NewUpload();
  if (!made) return Reject(made.error(), std::nullopt);
  const bool expects_continue =
      beast::iequals(parser_->get()[beast_http::field::expect], "100-continue");
  upload_parser_.emplace(std::move(*parser_));
  parser_.reset();  // moved from: only the upload's parser is used from here on
  upload_parser_->body_limit(limit_);
  upload_parser_->get().body().upload = std::move(*made);
  if (!expects_continue) return ReadUpload();
  // curl and other clients wait for this before sending a large body (RFC 9110 §10.1.1).
  auto interim = std::make_shared<beast_http::response<beast_http::empty_body>>(
      beast_http::status::continue_, 11);
  beast_http::async_write(stream_, *interim,
                          [self = shared_from_this(), interim](beast::error_code ec, std::size_t) {
                            if (ec) return self->Close();
                            self->ReadUpload();
                          });
}

void Connection::ReadUpload() {
  beast_http::async_read(stream_, buffer_, *upload_parser_,
                         beast::bind_front_handler(&Connection::OnUploadRead, shared_from_this()));
}

void Connection::OnUploadRead(beast::error_code ec, std::size_t bytes) {
  auto& body = upload_parser_->get().body();
  if (ec && body.upload.writer) body.upload.writer->Abandon();  // nothing of it is kept
  if (ec == beast::errc::io_error && body.failure) return Reject(*body.failure, std::nullopt);
  if (ec) return OnRead(ec, bytes);
  if (auto finished = body.upload.writer->Finish(); !finished) {
    return Reject(finished.error(), std::nullopt);
  }
  first_ = false;
  Request header;
  header.base() = upload_parser_->get().base();
  Respond(header, &body.upload);
  // A handler that kept the upload took it; what is left was not wanted.
  if (!body.upload.name.empty()) {
    ::unlink(server_.router.app().jobs().FilePath(body.upload.name).c_str());
  }
}

void Connection::OnRead(beast::error_code ec, std::size_t) {
  first_ = false;
  if (ec == beast_http::error::end_of_stream || ec == net::error::operation_aborted ||
      ec == beast::error::timeout || ec == net::error::connection_reset || ec == net::error::eof ||
      ec == net::error::bad_descriptor) {
    return Close();
  }
  if (ec) return RejectMalformed(ec);
  Respond(parser_->get(), nullptr);
}

void Connection::Respond(const Request& request, app::Upload* upload) {
  busy_ = true;
  // No deadline while the request is handled (an export may take longer than a read may);
  // Write sets the next.
  deadline_.store(kNoDeadline, std::memory_order_relaxed);
  const auto started = std::chrono::steady_clock::now();
  Handled handled = server_.router.Handle(request, Peer{remote_}, upload);
  if (server_.stopping) handled.response.keep_alive(false);
  if (spdlog::should_log(spdlog::level::info)) {  // the access log line, when it is kept
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    spdlog::info("{}", AccessLogLine(request, handled, remote_, ms));
  }
  if (handled.stream) return WriteFile(std::move(handled.response), std::move(*handled.stream));
  Write(std::move(handled.response));
}

void Connection::WriteFile(Response header, beast::file file) {
  auto write = std::make_shared<FileWrite>(std::move(header.base()));
  beast::error_code ec;
  write->res.body().reset(std::move(file), ec);
  if (ec) {
    spdlog::error("download: {}", ec.message());
    return Close();
  }
  write->res.prepare_payload();
  write->serializer.emplace(write->res);
  WriteFilePart(std::move(write));
}

void Connection::WriteFilePart(std::shared_ptr<FileWrite> write) {
  Deadline(server_.options.read_timeout);
  FileWrite& w = *write;
  beast_http::async_write_some(
      stream_, *w.serializer,
      [self = shared_from_this(), write = std::move(write)](beast::error_code ec, std::size_t) {
        if (!ec && !write->serializer->is_done()) return self->WriteFilePart(write);
        self->busy_ = false;
        if (ec || !write->res.keep_alive()) return self->Linger();
        self->Read();
      });
}

void Connection::Reject(const Error& error, std::optional<beast_http::status> status) {
  busy_ = true;
  if (error.code == ErrorCode::kInternal) spdlog::error("upload: {}", error.detail);
  const beast_http::request_header<>& request =
      upload_parser_ ? upload_parser_->get().base() : parser_->get().base();
  const auto locale = i18n::NegotiateLocale(request[beast_http::field::accept_language]);
  Response res = ProblemResponse(error, locale, request.target(), 11, false, status);
  AddSecurityHeaders(res, Answer::kData);
  Write(std::move(res));
}

void Connection::RejectMalformed(beast::error_code ec) {
  busy_ = true;
  Error error{ErrorCode::kInvalidArgument, "error.request.malformed", ec.message(), {}, {}};
  beast_http::status status = beast_http::status::bad_request;
  if (ec == beast_http::error::body_limit) {
    // Beast refuses a declared length over every route's limit while reading the header's
    // fields, before the header is done: the request line (method, target) is in by then, and
    // it names the route.
    if (limit_ == 0 && parser_) limit_ = RouteLimit(parser_->get());
    error = Error{ErrorCode::kResourceExhausted,
                  "error.body_too_large",
                  ec.message(),
                  {},
                  {{"limit", std::to_string(limit_)}}};
    status = beast_http::status::payload_too_large;
  } else if (ec == beast_http::error::header_limit) {
    status = beast_http::status::request_header_fields_too_large;
  }
  const beast_http::request_header<>& request =
      upload_parser_ ? upload_parser_->get().base() : parser_->get().base();
  const auto locale = i18n::NegotiateLocale(request[beast_http::field::accept_language]);
  Response res = ProblemResponse(error, locale, request.target(), 11, false, status);
  AddSecurityHeaders(res, Answer::kData);
  JsonWriter line;
  line.Object().Key("event").Str("rejected").Key("remote").Str(remote_);
  line.Key("status").Int(res.result_int()).Key("reason").Str(ec.message()).EndObject();
  spdlog::info("{}", line.View());
  Write(std::move(res));
}

void Connection::Write(Response response) {
  auto res = std::make_shared<Response>(std::move(response));
  Deadline(server_.options.read_timeout);
  beast_http::async_write(stream_, *res,
                          [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                            self->busy_ = false;
                            if (ec || !res->keep_alive()) return self->Linger();
                            self->Read();
                          });
}

void Connection::Linger() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) return Close();
  stream_.expires_after(std::chrono::seconds(2));
  DrainSome();
}

void Connection::DrainSome() {
  stream_.async_read_some(net::buffer(drain_),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->drained_ += n;
                            if (ec || self->drained_ > std::size_t{8} * 1024 * 1024)
                              return self->Close();
                            self->DrainSome();
                          });
}

void Connection::Deadline(std::chrono::milliseconds within) {
  const auto at = std::chrono::steady_clock::now() + within;
  deadline_.store(at.time_since_epoch().count(), std::memory_order_relaxed);
}

void Connection::Close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.socket().close(ec);
}

}  // namespace zj::http
