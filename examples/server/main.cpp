// imapkit_example_server: a minimal IMAP4rev1 / IMAP4rev2 server on imapkit and Boost.Asio (C++20
// coroutines, one thread, any number of connections), serving a maildir.
//
//   imapkit_example_server --listen 127.0.0.1:PORT --maildir DIR --user NAME --password PW
//                          [--max-append-size BYTES] [--log] [--allow-non-loopback]
//
// Port 0 picks a free port. Once listening it prints "listening on ADDRESS:PORT" on stdout.
// See README.md next to this file.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "session.hpp"
#include "store.hpp"

namespace asio = boost::asio;

namespace {

struct settings {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;
  std::string maildir;
  server::config session;
  bool allow_non_loopback = false;
};

int usage(const char* why) {
  std::cerr << "imapkit_example_server: " << why
            << "\nusage: imapkit_example_server --listen ADDRESS:PORT --maildir DIR --user NAME "
               "--password PW [--max-append-size BYTES] [--log] [--allow-non-loopback]\n";
  return 2;
}

asio::awaitable<void> accept_loop(asio::ip::tcp::acceptor& acceptor, server::store& mailboxes,
                                  const server::config& config) {
  unsigned next_id = 0;
  for (;;) {
    asio::ip::tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    auto s = std::make_shared<server::session>(std::move(socket), mailboxes, config, ++next_id);
    // The coroutine holds the session alive until the connection ends.
    asio::co_spawn(
        acceptor.get_executor(), [s]() { return s->run(); }, asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  settings cfg;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--listen") {
      const char* v = value();
      if (!v) return usage("--listen needs ADDRESS:PORT");
      const std::string_view text = v;
      const auto colon = text.rfind(':');
      if (colon == std::string_view::npos) return usage("--listen needs ADDRESS:PORT");
      cfg.address = std::string(text.substr(0, colon));
      cfg.port = static_cast<std::uint16_t>(std::atoi(std::string(text.substr(colon + 1)).c_str()));
    } else if (arg == "--maildir") {
      const char* v = value();
      if (!v) return usage("--maildir needs a directory");
      cfg.maildir = v;
    } else if (arg == "--user") {
      const char* v = value();
      if (!v) return usage("--user needs a name");
      cfg.session.user = v;
    } else if (arg == "--password") {
      const char* v = value();
      if (!v) return usage("--password needs a value");
      cfg.session.password = v;
    } else if (arg == "--max-append-size") {
      const char* v = value();
      char* end = nullptr;
      const unsigned long long size = v ? std::strtoull(v, &end, 10) : 0;
      if (!v || *end != '\0' || size == 0)
        return usage("--max-append-size needs a number of octets");
      cfg.session.max_append_size = size;
    } else if (arg == "--log") {
      cfg.session.log = true;
    } else if (arg == "--allow-non-loopback") {
      cfg.allow_non_loopback = true;
    } else {
      return usage(("unknown argument " + std::string(arg)).c_str());
    }
  }
  if (cfg.maildir.empty() || cfg.session.user.empty() || cfg.session.password.empty())
    return usage("--maildir, --user and --password are required");

  try {
    boost::system::error_code ec;
    const asio::ip::address address = asio::ip::make_address(cfg.address, ec);
    if (ec) return usage(("not an IP address: " + cfg.address).c_str());
    // Passwords travel in clear text (no TLS): only loopback unless explicitly allowed.
    if (!address.is_loopback() && !cfg.allow_non_loopback)
      return usage("refusing a non-loopback address without --allow-non-loopback");

    server::store mailboxes(cfg.maildir);
    asio::io_context io;
    asio::ip::tcp::acceptor acceptor(io, {address, cfg.port});
    const auto local = acceptor.local_endpoint();
    std::cout << "listening on " << local.address().to_string() << ':' << local.port() << std::endl;

    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { io.stop(); });
    asio::co_spawn(io, accept_loop(acceptor, mailboxes, cfg.session), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
    io.run();
  } catch (const std::exception& e) {
    std::cerr << "imapkit_example_server: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
