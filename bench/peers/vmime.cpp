// vmime's IMAP response parser (vmime::net::imap::IMAPParser) on one framed response.
//
// IMAPParser reads from a vmime::net::socket; the adapter gives it an in-memory socket that
// hands out the current message and then has nothing more (asking for more then throws, which
// counts as a rejection: the message was complete). Each message is parsed as vmime's
// IMAPConnection does, by the productions vmime's own response loop uses:
// continue_req_or_response_data for "*" and "+" lines, response_tagged's parts for tagged ones.
#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vmime/net/imap/IMAPParser.hpp>
#include <vmime/net/socket.hpp>

#include "peer.hpp"

namespace imapkit::bench {

namespace {

class memory_socket final : public vmime::net::socket {
 public:
  void set(std::string_view bytes) { pending_ = bytes; }

  void receive(vmime::string& buffer) override {
    buffer.assign(pending_.data(), pending_.size());
    pending_ = {};
  }
  std::size_t receiveRaw(vmime::byte_t* buffer, const std::size_t count) override {
    const std::size_t n = std::min(count, pending_.size());
    std::copy_n(pending_.data(), n, reinterpret_cast<char*>(buffer));
    pending_.remove_prefix(n);
    return n;
  }
  // Called by the parser only when it wants bytes past the end of the message.
  bool waitForRead(const int) override { throw end_of_message(); }
  bool waitForWrite(const int) override { throw end_of_message(); }

  void connect(const vmime::string&, const vmime::port_t) override {}
  void disconnect() override {}
  bool isConnected() const override { return true; }
  void send(const vmime::string&) override {}
  void send(const char*) override {}
  void sendRaw(const vmime::byte_t*, const std::size_t) override {}
  std::size_t sendRawNonBlocking(const vmime::byte_t*, const std::size_t count) override {
    return count;
  }
  std::size_t getBlockSize() const override { return 65536; }
  unsigned int getStatus() const override { return 0; }
  const vmime::string getPeerName() const override { return "memory"; }
  const vmime::string getPeerAddress() const override { return "memory"; }
  vmime::shared_ptr<vmime::net::timeoutHandler> getTimeoutHandler() override { return nullptr; }
  void setTracer(vmime::shared_ptr<vmime::net::tracer>) override {}
  vmime::shared_ptr<vmime::net::tracer> getTracer() override { return nullptr; }

  struct end_of_message : std::exception {};

 private:
  std::string_view pending_;
};

class vmime_parser final : public response_parser {
 public:
  vmime_parser() : socket_(std::make_shared<memory_socket>()) { reset(); }

  bool parse(std::string_view message) override {
    using vmime::net::imap::IMAPParser;
    socket_->set(message);
    bool ok = false;
    try {
      vmime::string line = parser_->readLine();
      std::size_t pos = 0;
      if (message.starts_with("* ") || message.starts_with("+")) {
        std::unique_ptr<IMAPParser::continue_req_or_response_data> data(
            parser_->get<IMAPParser::continue_req_or_response_data>(line, &pos));
        ok = data != nullptr;
      } else {
        // response_tagged, less its xtag check: vmime accepts only the tag of the command it
        // sent itself (an IMAPTag it generates), so the adapter skips the tag and parses the
        // rest as response_tagged does: SPACE resp_cond_state *SPACE CRLF.
        pos = line.find(' ');
        if (pos != vmime::string::npos) {
          ++pos;
          std::unique_ptr<IMAPParser::resp_cond_state> state(
              parser_->get<IMAPParser::resp_cond_state>(line, &pos));
          while (state && parser_->check<IMAPParser::SPACE>(line, &pos)) {
          }
          ok = state != nullptr && parser_->check<IMAPParser::CRLF>(line, &pos);
        }
      }
    } catch (...) {
      ok = false;  // vmime throws on some malformed input, and on reading past the message
    }
    // A rejected message may leave bytes in the parser's buffer: start afresh.
    if (!ok) reset();
    return ok;
  }

 private:
  void reset() {
    parser_ = std::make_shared<vmime::net::imap::IMAPParser>();
    parser_->setSocket(socket_);
  }

  std::shared_ptr<memory_socket> socket_;
  std::shared_ptr<vmime::net::imap::IMAPParser> parser_;
};

}  // namespace

std::unique_ptr<response_parser> make_vmime_parser() { return std::make_unique<vmime_parser>(); }

}  // namespace imapkit::bench
