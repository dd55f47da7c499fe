// One IMAP connection on Boost.Asio coroutines: commands go out through imapkit::serialize,
// responses come in through imapkit::framer and imapkit::parse_response.
//
//   connection c(executor);
//   co_await c.connect("127.0.0.1", 143);
//   imapkit::response greeting = co_await c.read_response();
//   std::string tag = c.next_tag();
//   imapkit::tagged done = co_await c.execute(imapkit::command{tag, imapkit::noop_command{}},
//                                             [](const imapkit::untagged& u) { ... });
//
// Parsed responses are views: their strings point into the connection's receive buffer and
// their lists into its arena, so nothing is copied. A response stays valid until the next
// read_response() (or send(), execute(), which read too): use it, or copy what you keep,
// before reading on.
//
// Literals above 1 MiB (framer_limits::stream_literals_above: bodies, attachments) are not
// buffered either way: a received one's octets go to the literal_consumer as they arrive, and
// its string in the parsed response has no value, only its stream index (size_of() says its
// size); a sent one (imapkit::string::streamed in a command) is read from a streamed_source
// while it is written. Memory stays bounded whatever the size of a message.
#pragma once

#include <array>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/arena.hpp"
#include "imapkit/ast/command.hpp"
#include "imapkit/ast/response.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/serialize.hpp"

namespace client {

// Something the session cannot go on after. `kind` says what: "parse" (a response the parser
// rejected: where, in which production, and the response's bytes), "framer" (a framer limit),
// "serialize" (a command the serializer refused), "status" (a command that did not end in OK),
// "protocol" (a response that makes no sense here).
class session_error : public std::runtime_error {
 public:
  session_error(std::string kind, const std::string& what) : std::runtime_error(what), kind(kind) {}
  std::string kind;
  // kind "parse": copies, since imapkit::parse_error points into the message and the arena,
  // which belong to the connection.
  std::size_t offset = 0;
  std::string production;
  std::string expected;
  std::string message;
};

// Called for each untagged response that arrives while a command runs.
using untagged_handler = std::function<void(const imapkit::untagged&)>;

// Where the octets of a received streamed literal go, as they arrive: before the response that
// holds the literal is parsed (read_response() returns it once its last line is in).
class literal_consumer {
 public:
  virtual ~literal_consumer() = default;
  // A literal starts; `slot` says which item of which message it is (imapkit::locate_literal:
  // "* 3 FETCH (UID 7 BODY[] {104857600}" is message 3, UID 7, item BODY[]).
  virtual void begin(const imapkit::streamed_literal& literal,
                     const imapkit::literal_slot& slot) = 0;
  // Its next octets (valid during the call only); `last` with its final ones.
  virtual void data(const imapkit::streamed_literal& literal, std::string_view bytes,
                    bool last) = 0;
};

// The streamed literals of a command (imapkit::string::streamed(i) in it: literals[i - 1]) and
// where their octets come from: read(literal, buffer, capacity) puts up to capacity octets of
// the literal in buffer and returns how many, 0 at its end (imapkit::send_streamed_literal).
struct streamed_source {
  std::span<const imapkit::streamed_literal> literals;
  std::function<std::size_t(const imapkit::streamed_literal&, char*, std::size_t)> read;
};

class connection {
 public:
  explicit connection(const boost::asio::any_io_executor& executor) : socket_(executor) {}

  boost::asio::awaitable<void> connect(const std::string& host, std::uint16_t port);

  // A fresh tag for the next command: "a1", "a2", ... Each connection counts on its own.
  std::string next_tag();

  // Serializes `c` and sends it. A synchronizing literal ({N}) ends a fragment of the output:
  // the bytes after it may only be sent once the server has answered "+", so send() sends a
  // fragment, reads responses until that "+" (untagged ones go to `on_untagged`), then sends
  // the next fragment. Returns false if the server answered with something else than "+" (a
  // tagged NO or BAD: it refused the literal); that response is not lost, the next
  // read_response() returns it. A streamed literal's octets come from `streamed` where the
  // serializer left them (after its "+", for a synchronizing one).
  boost::asio::awaitable<bool> send(const imapkit::command& c,
                                    const untagged_handler& on_untagged = {},
                                    const streamed_source* streamed = nullptr);

  // Sends a line that is not a command: IDLE's DONE (or an AUTHENTICATE data line).
  boost::asio::awaitable<void> send(const imapkit::client_message& m);

  // The next response, parsed. Valid until the next read (see the top of this file).
  boost::asio::awaitable<imapkit::response> read_response();

  // Runs one command to its end: send(c), then read until the response tagged with c.tag, which
  // it returns (OK, NO or BAD: the caller decides). Untagged responses go to `on_untagged`.
  boost::asio::awaitable<imapkit::tagged> execute(const imapkit::command& c,
                                                  const untagged_handler& on_untagged = {},
                                                  const streamed_source* streamed = nullptr);

  // Where received streamed literals go (nullptr: nowhere, they are only counted).
  void set_literal_consumer(literal_consumer* consumer) noexcept { consumer_ = consumer; }
  // The size of a string of the last response: its value's, or a streamed literal's.
  std::uint64_t size_of(const imapkit::string& s) const noexcept;
  // Octets of streamed literals received so far.
  std::uint64_t streamed_octets() const noexcept { return streamed_octets_; }

  // What the serializer may use. No LITERAL+ here by default, even when the server has it:
  // this example shows the synchronizing literal and its wait for "+".
  imapkit::serialize_options& options() noexcept { return options_; }

  // How many "+" continuation requests send() waited for so far.
  std::size_t continuations() const noexcept { return continuations_; }

 private:
  boost::asio::awaitable<void> write(std::string_view bytes);
  // Reads responses until the "+" a synchronizing literal waits for; false for a tagged one.
  boost::asio::awaitable<bool> wait_for_continuation(const untagged_handler& on_untagged);
  // A streamed literal's octets from `source`, read and written chunk by chunk.
  boost::asio::awaitable<void> send_literal(const imapkit::streamed_literal& literal,
                                            const streamed_source& source);

  boost::asio::ip::tcp::socket socket_;
  imapkit::serialize_options options_;
  imapkit::buffer_sink out_;  // reused for every command: no allocation once it has grown

  // Responses: the framer cuts the byte stream into whole responses (literals inline); each is
  // parsed into mem_, which is reset for the next one.
  imapkit::framer framer_{imapkit::framer_side::read_responses};
  imapkit::arena mem_;
  std::array<char, 16 * 1024> read_buffer_{};
  // send() stopped at a response that was not "+": read_response() hands it out again.
  bool replay_ = false;
  imapkit::response last_;
  std::vector<imapkit::streamed_literal> last_literals_;  // last_'s streamed literals
  literal_consumer* consumer_ = nullptr;
  std::uint64_t streamed_octets_ = 0;

  unsigned tag_counter_ = 0;
  std::size_t continuations_ = 0;
};

}  // namespace client
