#include "http/server.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>

#include "http/access_log.h"
#include "http/json_writer.h"
#include "http/problem.h"
#include "http/router.h"
#include "http/upload_body.h"

namespace zj::http {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {

class Session;

}  // namespace

struct Server::Impl {
  Impl(app::Application& app, ServerOptions opts)
      : options(std::move(opts)),
        router(app, options),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM),
        sweeper(ioc) {}

  void Accept();
  void BeginStop();
  void Sweep();

  ServerOptions options;
  Router router;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::signal_set signals;
  //! Closes the connections past their deadline (see Session::deadline_).
  net::steady_timer sweeper;

  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::condition_variable changed;
  bool stop_requested = false;
  int active_sessions = 0;
  std::vector<std::weak_ptr<Session>> sessions;
};

namespace {

// One connection: read a request, answer it, repeat while keep-alive; all on one strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? "unknown" : endpoint.address().to_string();
    std::lock_guard lock(server_.mutex);
    ++server_.active_sessions;
  }

  ~Session() {
    std::lock_guard lock(server_.mutex);
    --server_.active_sessions;
    server_.changed.notify_all();
  }

  //! Called by the sweeper: closes the connection if its deadline has passed (checked again on
  //! the connection's strand, where the deadline is moved).
  void Expire() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->Overdue()) self->Close();
    });
  }

  bool Overdue() const {
    return std::chrono::steady_clock::now().time_since_epoch().count() >
           deadline_.load(std::memory_order_relaxed);
  }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

  //! Called on stop: an idle connection closes now; a busy one closes after its response.
  void Shutdown() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.socket().close(ec);
      }
    });
  }

 private:
  void Read() {
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
        beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  //! The header is in: the route decides the body's limit, and an upload's body goes to a
  //! sealed file as it arrives instead of into memory.
  void OnHeader(beast::error_code ec, std::size_t bytes) {
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
                           beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  //! The body limit of the request's route.
  std::size_t RouteLimit(const beast_http::request_header<>& request) const {
    const std::string_view target = request.target();
    const bool upload = IsUploadRoute(request.method(), target.substr(0, target.find('?')));
    return upload ? server_.options.limits.upload_bytes : server_.options.limits.body_bytes;
  }

  //! An upload's body: refused before a byte of it is stored when the caller may not send it;
  //! else sealed into the files folder as it arrives.
  void BeginUpload() {
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
    beast_http::async_write(
        stream_, *interim, [self = shared_from_this(), interim](beast::error_code ec, std::size_t) {
          if (ec) return self->Close();
          self->ReadUpload();
        });
  }

  void ReadUpload() {
    beast_http::async_read(stream_, buffer_, *upload_parser_,
                           beast::bind_front_handler(&Session::OnUploadRead, shared_from_this()));
  }

  void OnUploadRead(beast::error_code ec, std::size_t bytes) {
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

  void OnRead(beast::error_code ec, std::size_t) {
    first_ = false;
    if (ec == beast_http::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == beast::error::timeout || ec == net::error::connection_reset ||
        ec == net::error::eof || ec == net::error::bad_descriptor) {
      return Close();
    }
    if (ec) return RejectMalformed(ec);
    Respond(parser_->get(), nullptr);
  }

  void Respond(const Request& request, app::Upload* upload) {
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

  //! A response whose body is a file, read and sent piece by piece (Beast's file_body), so a
  //! large download never sits in memory; the deadline is renewed by each piece sent (a slow
  //! client may take long over hundreds of megabytes, a stalled one is closed).
  struct FileWrite {
    explicit FileWrite(beast_http::response_header<> header) : res(std::move(header)) {}
    beast_http::response<beast_http::file_body> res;
    //! Made once the body holds the file: the serializer's writer takes the body's size then.
    std::optional<beast_http::response_serializer<beast_http::file_body>> serializer;
  };
  void WriteFile(Response header, beast::file file) {
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
  void WriteFilePart(std::shared_ptr<FileWrite> write) {
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

  //! Answers a request whose body could not be taken with a problem, and closes afterwards.
  void Reject(const Error& error, std::optional<beast_http::status> status) {
    busy_ = true;
    if (error.code == ErrorCode::kInternal) spdlog::error("upload: {}", error.detail);
    const beast_http::request_header<>& request =
        upload_parser_ ? upload_parser_->get().base() : parser_->get().base();
    const auto locale = i18n::NegotiateLocale(request[beast_http::field::accept_language]);
    Response res = ProblemResponse(error, locale, request.target(), 11, false, status);
    AddSecurityHeaders(res, Answer::kData);
    Write(std::move(res));
  }

  // A request the parser refused: answer with a problem and close, since the stream is unusable.
  void RejectMalformed(beast::error_code ec) {
    busy_ = true;
    Error error{ErrorCode::kInvalidArgument, "error.request.malformed", ec.message(), {}, {}};
    beast_http::status status = beast_http::status::bad_request;
    if (ec == beast_http::error::body_limit) {
      // Beast refuses a declared length over every route's limit while reading the header.
      if (limit_ == 0 && parser_ && parser_->is_header_done()) limit_ = RouteLimit(parser_->get());
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

  void Write(Response response) {
    auto res = std::make_shared<Response>(std::move(response));
    Deadline(server_.options.read_timeout);
    beast_http::async_write(stream_, *res,
                            [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                              self->busy_ = false;
                              if (ec || !res->keep_alive()) return self->Linger();
                              self->Read();
                            });
  }

  // Closing a socket with unread input makes the kernel send RST, which can destroy the response
  // still in flight (e.g. a 413 sent before the client finished its body). So: shut down our
  // side, read and drop what the client still sends for a short while, then close.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    stream_.expires_after(std::chrono::seconds(2));
    DrainSome();
  }

  void DrainSome() {
    stream_.async_read_some(net::buffer(drain_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > std::size_t{8} * 1024 * 1024)
                                return self->Close();
                              self->DrainSome();
                            });
  }

  // Timeouts are a deadline per connection that the server's sweeper checks a few times per
  // timeout, not Beast's timer per operation: arming and cancelling a timer twice per request
  // goes through the reactor's one timer queue and its mutex, which the server threads met on
  // at every request (measured: the member GET's requests/s against the bare server's rose
  // from about 0.50 to 0.53 without them).
  void Deadline(std::chrono::milliseconds within) {
    const auto at = std::chrono::steady_clock::now() + within;
    deadline_.store(at.time_since_epoch().count(), std::memory_order_relaxed);
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
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

}  // namespace

void Server::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || stopping) return;
      spdlog::warn("accept failed: {}", ec.message());
    } else {
      auto session = std::make_shared<Session>(std::move(socket), *this);
      {
        std::lock_guard lock(mutex);
        std::erase_if(sessions, [](const auto& w) { return w.expired(); });
        sessions.push_back(session);
      }
      session->Start();
    }
    if (!stopping) Accept();
  });
}

void Server::Impl::Sweep() {
  // A few checks per timeout, so a connection overstays by at most a quarter of it (and never
  // less often than once a second).
  const auto period = std::clamp(std::min(options.read_timeout, options.idle_timeout) / 4,
                                 std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
  sweeper.expires_after(period);
  sweeper.async_wait([this](beast::error_code ec) {
    if (ec || stopping) return;
    std::vector<std::shared_ptr<Session>> overdue;
    {
      std::lock_guard lock(mutex);
      std::erase_if(sessions, [](const auto& w) { return w.expired(); });
      for (const auto& w : sessions) {
        if (auto s = w.lock(); s && s->Overdue()) overdue.push_back(std::move(s));
      }
    }
    for (auto& s : overdue) s->Expire();
    Sweep();
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  net::post(ioc, [this] {
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    sweeper.cancel();
    std::vector<std::shared_ptr<Session>> live;
    {
      std::lock_guard lock(mutex);
      for (auto& w : sessions) {
        if (auto s = w.lock()) live.push_back(std::move(s));
      }
    }
    for (auto& s : live) s->Shutdown();
  });
  std::lock_guard lock(mutex);
  stop_requested = true;
  changed.notify_all();
}

Server::Server(app::Application& app, ServerOptions options)
    : impl_(std::make_unique<Impl>(app, std::move(options))) {}

Server::~Server() = default;

Result<void> Server::Bind() {
  beast::error_code ec;
  const auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec) {
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "error.listen_address",
                      "",
                      {},
                      {{"value", impl_->options.host}}});
  }
  const tcp::endpoint endpoint{address, impl_->options.port};
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Fail(Error{ErrorCode::kUnavailable,
                      "error.listen",
                      "",
                      {},
                      {{"address", impl_->options.host + ":" + std::to_string(impl_->options.port)},
                       {"reason", ec.message()}}});
  }
  return {};
}

unsigned short Server::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void Server::Run(const std::function<void()>& on_ready) {
  Impl& s = *impl_;
  s.signals.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("received signal {}, stopping gracefully", signal);
    impl_->BeginStop();
  });
  s.Accept();
  s.Sweep();
  std::vector<std::thread> threads;
  const int n = std::max(1, s.options.threads);
  threads.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  if (on_ready) on_ready();

  std::unique_lock lock(s.mutex);
  s.changed.wait(lock, [&] { return s.stop_requested; });
  const auto deadline = std::chrono::steady_clock::now() + s.options.shutdown_grace;
  if (!s.changed.wait_until(lock, deadline, [&] { return s.active_sessions == 0; })) {
    spdlog::warn("{} connection(s) still open after the grace period; closing them",
                 s.active_sessions);
  }
  lock.unlock();
  s.ioc.stop();
  for (auto& t : threads) t.join();
  spdlog::info("server stopped");
}

void Server::Stop() { impl_->BeginStop(); }

}  // namespace zj::http
