// `zhijia_bare_server PORT BODY_BYTES [THREADS]`: the limit the API read benchmark is measured
// against. The same Boost.Beast/Asio stack, connection handling and thread count as
// `zhijia serve`, but every request is answered at once with a fixed JSON body of BODY_BYTES:
// no routing, no session, no store, no JSON encoding. The ratio of Zhijia's requests/s to this
// server's is what the API costs on top of the network stack.
// clang-format off
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
// clang-format on
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const std::string& body) : stream_(std::move(socket)), body_(body) {}
  void Start() { Read(); }

 private:
  void Read() {
    request_ = {};
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return;
                       self->Write();
                     });
  }

  void Write() {
    auto res =
        std::make_shared<http::response<http::string_body>>(http::status::ok, request_.version());
    res->set(http::field::content_type, "application/json");
    res->keep_alive(request_.keep_alive());
    res->body() = body_;
    res->prepare_payload();
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                        if (ec || !res->keep_alive()) return;
                        self->Read();
                      });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  const std::string& body_;
};

void Accept(tcp::acceptor& acceptor, const std::string& body) {
  acceptor.async_accept(net::make_strand(acceptor.get_executor()),
                        [&acceptor, &body](beast::error_code ec, tcp::socket socket) {
                          if (!ec) std::make_shared<Session>(std::move(socket), body)->Start();
                          Accept(acceptor, body);
                        });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: zhijia_bare_server PORT BODY_BYTES [THREADS]\n";
    return 2;
  }
  const auto port = static_cast<unsigned short>(std::atoi(argv[1]));
  const auto bytes = static_cast<std::size_t>(std::atol(argv[2]));
  const int threads = argc > 3 ? std::atoi(argv[3]) : 4;
  // A JSON object padded to exactly BODY_BYTES: {"pad":"xxxx…"}.
  std::string body = R"({"pad":")";
  while (body.size() + 2 < bytes) body += 'x';
  body += "\"}";

  net::io_context ioc(threads);
  tcp::acceptor acceptor(ioc, {net::ip::make_address("127.0.0.1"), port});
  Accept(acceptor, body);
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&ioc](beast::error_code, int) { ioc.stop(); });
  std::cout << "listening on 127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  return 0;
}
