// `imapkit proxy`: sits between an IMAP client and server, forwards the bytes of both directions
// unchanged and as soon as they arrive, and parses both streams on the side: one framer per
// direction, parse_client_message for the client's lines, parse_response for the server's. Each
// message becomes one trace line on stdout (literals shown by their size); a message that does
// not parse is flagged with its offsets and the failing production, and counted. --json writes
// the parsed messages as JSON Lines with the CLI's JSON conversion (docs/cli-json.md).
//
// Forwarding never waits for parsing: a chunk is fed to its framer (a copy), written to the peer,
// and only then framed and parsed. The two directions interact in two ways only:
//  - A client's synchronizing literal {N} waits for the server's "+". If the server refuses it
//    (a tagged NO/BAD for the waiting command instead), the client abandons the command and sends
//    no literal bytes, so the client framer is told with refuse_literal().
//  - After AUTHENTICATE or IDLE the client sends lines that are not commands (SASL data, DONE);
//    the expectation for them ends at the next command, or when the server completes the command.
//  Before the server's bytes are parsed, the client's pending bytes are, so the trace keeps the
//  order in which a command and its responses happened.
#include "proxy.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "imapkit/arena.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/utf8.hpp"
#include "json_command.hpp"
#include "json_response.hpp"
#include "quirks.hpp"
#include "streamed.hpp"

namespace imapkit::cli {

namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

enum exit_code { ok = 0, violations_seen = 1, usage_or_io_error = 2 };

// --- Trace text ----------------------------------------------------------------------------------

// If `segment` (a line segment without its line end) ends in a literal announcement that starts
// an argument (the framer's rule, imapkit::find_literal_announcement), returns the position of its
// "{" (or "~") and N.
std::optional<std::pair<std::size_t, std::uint64_t>> literal_at_end(std::string_view segment,
                                                                    bool first_segment) {
  const imapkit::literal_announcement lit =
      imapkit::find_literal_announcement(segment, first_segment);
  if (!lit.found || !lit.valid) return std::nullopt;
  return std::pair{lit.start, lit.size};
}

// Control bytes and bytes that are not UTF-8 become \xNN; UTF-8 (UTF8=ACCEPT) passes through.
void append_escaped(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x20 && u < 0x7f) {
      out += text[i++];
      continue;
    }
    if (const std::size_t n =
            u >= 0x80 ? imapkit::utf8_sequence_length(text.data() + i, text.data() + text.size())
                      : 0;
        n != 0) {
      out.append(text, i, n);
      i += n;
      continue;
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\x%02X", u);
    out += hex;
    ++i;
  }
}

// The message as one line: line ends dropped, control bytes escaped, every literal replaced by its
// size ("{1234}" + data becomes "{1234 bytes}"), cut after `width` bytes (0: never).
// A streamed literal's data is not in the message (`streamed`: its framer event's literals).
std::string render(std::string_view message, std::size_t width,
                   std::span<const imapkit::streamed_literal> streamed = {}) {
  std::string out;
  std::size_t pos = 0;
  bool first = true;
  while (pos < message.size()) {
    const std::size_t lf = message.find('\n', pos);
    std::string_view segment =
        message.substr(pos, lf == std::string_view::npos ? std::string_view::npos : lf - pos);
    if (!segment.empty() && segment.back() == '\r') segment.remove_suffix(1);
    const auto literal =
        lf == std::string_view::npos ? std::nullopt : literal_at_end(segment, first);
    if (!literal) {
      append_escaped(out, segment);
      if (lf == std::string_view::npos) break;
      pos = lf + 1;
      first = false;
      continue;
    }
    append_escaped(out, segment.substr(0, segment.size() - 1));  // up to the closing "}"
    out += " bytes}";
    const std::size_t data = lf + 1;
    if (imapkit::find_streamed_literal(streamed, data) != nullptr)
      pos = data;
    else if (literal->second >= message.size() - data)
      pos = message.size();
    else
      pos = data + static_cast<std::size_t>(literal->second);
    first = false;
  }
  if (width != 0 && out.size() > width) {
    std::size_t cut = width;
    // Do not split a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) --cut;
    const std::size_t left = out.size() - cut;
    out.resize(cut);
    out += " ...(+" + std::to_string(left) + " chars)";
  }
  return out;
}

// --- JSON: literal data replaced by its size -----------------------------------------------------

std::uint64_t json_bytes_size(const json::value& v) {
  if (const auto* s = v.if_string()) return s->size();
  if (const auto* o = v.if_object()) {
    if (const auto* n = o->if_contains("streamed_bytes"); n && n->is_uint64())
      return n->as_uint64();
    if (const auto* n = o->if_contains("streamed_bytes"); n && n->is_int64())
      return static_cast<std::uint64_t>(n->as_int64());
    if (const auto* b = o->if_contains("base64"); b && b->is_string()) {
      const json::string& text = b->get_string();
      std::size_t padding = 0;
      for (std::size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) ++padding;
      return text.size() / 4 * 3 - padding;
    }
  }
  return 0;
}

// The CLI's JSON marks a string that arrived as a literal with "literal": its bytes are under
// "data" (FETCH items, APPEND messages) or "string" (generic values). Replaces them by
// {"omitted_bytes": N}.
void omit_literal_data(json::value& v) {
  if (auto* array = v.if_array()) {
    for (json::value& item : *array) omit_literal_data(item);
    return;
  }
  auto* object = v.if_object();
  if (object == nullptr) return;
  if (object->contains("literal")) {
    for (const std::string_view key : {"data", "string"})
      if (json::value* data = object->if_contains(key); data && !data->is_null())
        *data = json::object{{"omitted_bytes", json_bytes_size(*data)}};
  }
  for (auto& member : *object) omit_literal_data(member.value());
}

// --- Endpoints -----------------------------------------------------------------------------------

struct host_port {
  std::string host;
  std::uint16_t port = 0;
};

std::optional<host_port> split_host_port(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
  host_port out;
  out.host = text.substr(0, colon);
  if (out.host.size() >= 2 && out.host.front() == '[' && out.host.back() == ']')
    out.host = out.host.substr(1, out.host.size() - 2);
  unsigned long port = 0;
  for (std::size_t i = colon + 1; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    port = port * 10 + static_cast<unsigned long>(text[i] - '0');
    if (port > 65535) return std::nullopt;
  }
  out.port = static_cast<std::uint16_t>(port);
  return out;
}

std::string to_string(const tcp::endpoint& e) {
  const std::string address = e.address().to_string();
  return (e.address().is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(e.port());
}

// --- One direction of one connection -------------------------------------------------------------

struct direction {
  direction(framer_side side, std::string_view arrow) : frame(side, limits(side)), arrow(arrow) {}

  // The side's limits, but streamed literals of any size: the proxy forwards what the server
  // accepts, and its trace shows a literal above the threshold by size and SHA-256.
  static framer_limits limits(framer_side side) {
    framer_limits l = framer_limits::for_side(side);
    l.max_streamed_literal_size = framer_limits::unlimited;
    return l;
  }

  framer frame;
  cli::streamed_literals streamed;
  arena mem;
  std::string_view arrow;  // "C>" or "S<"
  std::uint64_t bytes = 0;
  std::size_t messages = 0;
  std::size_t violations = 0;
  bool ended = false;
  // --record: the file this direction's bytes are written to, closed with the session.
  struct file_closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, file_closer> record;

  // Client side only: the first bytes of the partial command, for its tag (see update_head).
  std::string last_chunk;
  std::uint64_t last_chunk_offset = 0;
  std::string head;
  std::uint64_t head_offset = 0;
  std::uint64_t head_end = 0;
  client_expectation expect = client_expectation::command;
  std::string exchange_tag;  // the AUTHENTICATE / IDLE whose lines are expected

  static constexpr std::size_t head_capacity = 128;

  // Keeps `head` = the first bytes of the message the framer has not handed out yet.
  void update_head() {
    const std::uint64_t start = frame.stream_offset();
    if (start != head_offset) {
      head_offset = head_end = start;
      head.clear();
    }
    const std::uint64_t chunk_end = last_chunk_offset + last_chunk.size();
    if (head.size() < head_capacity && head_end >= last_chunk_offset && head_end < chunk_end) {
      const std::size_t from = static_cast<std::size_t>(head_end - last_chunk_offset);
      const std::size_t n = std::min(head_capacity - head.size(), last_chunk.size() - from);
      head.append(last_chunk, from, n);
      head_end += n;
    }
  }

  std::string_view pending_tag() const {
    const std::string_view h = head;
    return h.substr(0, h.find(' '));
  }
};

struct proxy_state {
  explicit proxy_state(const proxy_options& o)
      : options(o),
        parsing(o.strict ? parse_options::strict() : parse_options::lenient()),
        parsing_responses(
            parse_options::responses(o.strict ? parse_mode::strict : parse_mode::lenient)) {}

  const proxy_options& options;
  parse_options parsing;            // the client's commands
  parse_options parsing_responses;  // the server's responses: a client's limits
  std::FILE* json_out = nullptr;
  std::size_t accepted = 0;
  std::size_t active = 0;
  bool accepting = true;
  std::size_t total_violations = 0;
  std::optional<asio::signal_set> signals;
};

class session {
 public:
  session(proxy_state& state, std::size_t id, tcp::socket client)
      : state_(state), id_(id), client_(std::move(client)), server_(client_.get_executor()) {}

  awaitable<void> run(const tcp::resolver::results_type& upstream) {
    boost::system::error_code ec;
    const tcp::endpoint from = client_.remote_endpoint(ec);
    try {
      co_await asio::async_connect(server_, upstream, use_awaitable);
    } catch (const boost::system::system_error& e) {
      std::printf("#%zu cannot connect to the server: %s\n", id_, e.what());
      client_.close(ec);
      co_return;
    }
    std::printf("#%zu open %s -> %s\n", id_, to_string(from).c_str(),
                to_string(server_.remote_endpoint(ec)).c_str());
    if (!state_.options.record_dir.empty()) {
      // --record: each direction's bytes as received, the capture format of corpus/captures/.
      const std::string base = state_.options.record_dir + "/conn" + std::to_string(id_);
      c2s_.record.reset(std::fopen((base + ".c2s").c_str(), "wb"));
      s2c_.record.reset(std::fopen((base + ".s2c").c_str(), "wb"));
      if (!c2s_.record || !s2c_.record)
        std::printf("#%zu cannot record to %s.c2s / .s2c\n", id_, base.c_str());
    }
    using namespace asio::experimental::awaitable_operators;
    co_await (pump(client_, server_, c2s_) && pump(server_, client_, s2c_));
    client_.close(ec);
    server_.close(ec);
    std::printf(
        "#%zu end: C> %zu messages %llu bytes, S< %zu messages %llu bytes, %zu violations\n", id_,
        c2s_.messages, static_cast<unsigned long long>(c2s_.bytes), s2c_.messages,
        static_cast<unsigned long long>(s2c_.bytes), c2s_.violations + s2c_.violations);
  }

 private:
  // Forwards `from` to `to` until `from` ends; then shuts `to` down for sending (half-close).
  awaitable<void> pump(tcp::socket& from, tcp::socket& to, direction& d) {
    std::array<char, 16384> buffer;
    boost::system::error_code ec;
    for (;;) {
      std::size_t n = 0;
      try {
        n = co_await from.async_read_some(asio::buffer(buffer), use_awaitable);
      } catch (const boost::system::system_error& e) {
        if (e.code() != asio::error::eof && e.code() != asio::error::operation_aborted)
          std::printf("#%zu %.*s read: %s\n", id_, static_cast<int>(d.arrow.size()), d.arrow.data(),
                      e.code().message().c_str());
        break;
      }
      const std::string_view chunk(buffer.data(), n);
      feed(d, chunk);
      try {
        co_await asio::async_write(to, asio::buffer(chunk.data(), chunk.size()), use_awaitable);
      } catch (const boost::system::system_error& e) {
        // The peer is gone: nothing more can be forwarded either way.
        std::printf("#%zu %.*s write: %s\n", id_, static_cast<int>(d.arrow.size()), d.arrow.data(),
                    e.code().message().c_str());
        drain_all(d);
        from.close(ec);
        to.close(ec);
        break;
      }
      drain_all(d);
    }
    drain_all(d);
    end_of_stream(d);
    to.shutdown(tcp::socket::shutdown_send, ec);
  }

  void feed(direction& d, std::string_view chunk) {
    if (&d == &c2s_) {
      d.last_chunk.assign(chunk);
      d.last_chunk_offset = d.bytes;
    }
    d.bytes += chunk.size();
    d.frame.feed(chunk);
    if (d.record && std::fwrite(chunk.data(), 1, chunk.size(), d.record.get()) != chunk.size())
      std::printf("#%zu %.*s record: write failed\n", id_, static_cast<int>(d.arrow.size()),
                  d.arrow.data());
  }

  // The client's bytes first, so that a command is traced before the responses to it.
  void drain_all(direction& d) {
    drain(c2s_);
    if (&d == &s2c_) drain(s2c_);
  }

  void drain(direction& d) {
    for (;;) {
      const framer::event ev = d.frame.next();
      if (ev.kind == framer::status::need_more) break;
      if (ev.kind == framer::status::literal_begin || ev.kind == framer::status::literal_data)
        d.streamed.on_event(ev);
      else if (ev.kind == framer::status::error)
        framer_violation(d, ev);
      else
        message(d, ev);
    }
    if (&d == &c2s_) d.update_head();
  }

  void message(direction& d, const framer::event& ev) {
    const std::string_view bytes = ev.message;
    const std::uint64_t offset = ev.offset;
    ++d.messages;
    d.mem.reset();
    json::object record = envelope(d, offset);
    record["length"] = bytes.size() + streamed_size(ev.literals);
    const cli::streamed_json_scope scope(d.streamed.of(ev), false);
    parse_options parsing = state_.parsing, parsing_responses = state_.parsing_responses;
    parsing.streamed_literals = parsing_responses.streamed_literals = ev.literals;
    std::string text;
    std::optional<parse_error> error;
    quirk_set quirks;
    if (&d == &c2s_) {
      const client_expectation expected = d.expect;
      const auto parsed = parse_client_message(bytes, d.mem, expected, parsing);
      if (parsed) {
        quirks = parsed.quirks();
        d.expect = next_expectation(*parsed, expected);
        if (const auto* c = std::get_if<command>(&*parsed)) {
          if (d.expect != client_expectation::command) d.exchange_tag.assign(c->tag);
        } else if (const auto* sasl = std::get_if<authenticate_data>(&*parsed)) {
          // SASL data are credentials: shown by size only.
          text = sasl->cancel ? "* (AUTHENTICATE cancelled)"
                              : "(AUTHENTICATE data, " + std::to_string(sasl->base64.size()) +
                                    " bytes of base64)";
        }
        record["command"] = to_json(*parsed);
      } else {
        error = parsed.error();
        // As in `imapkit parse --commands`: a rejected AUTHENTICATE line ends the exchange.
        if (expected == client_expectation::authenticate_data)
          d.expect = client_expectation::command;
      }
    } else {
      const auto parsed = parse_response(bytes, d.mem, parsing_responses);
      if (parsed) {
        quirks = parsed.quirks();
        if (const auto* t = std::get_if<tagged>(&parsed->value)) server_completed(t->tag);
        record["response"] = to_json(*parsed);
      } else {
        error = parsed.error();
      }
    }
    if (text.empty()) text = render(bytes, state_.options.width, ev.literals);
    if (error) {
      ++d.violations;
      ++state_.total_violations;
      std::printf("#%zu %.*s !! offset %zu (stream %llu) in %.*s: expected %.*s | %s\n", id_,
                  static_cast<int>(d.arrow.size()), d.arrow.data(), error->offset,
                  static_cast<unsigned long long>(offset +
                                                  offset_with_streamed(error->offset, ev.literals)),
                  static_cast<int>(error->production.size()), error->production.data(),
                  static_cast<int>(error->expected.size()), error->expected.data(), text.c_str());
      record["error"] =
          json::object{{"offset", error->offset},
                       {"stream_offset", offset + offset_with_streamed(error->offset, ev.literals)},
                       {"production", error->production},
                       {"expected", error->expected},
                       {"tag", error->tag},
                       {"message", error->message()}};
      record["text"] = text;
    } else if (!quirks.empty()) {
      // Read only with deviations from the ABNF (lenient mode): which ones, on the line too.
      record["quirks"] = quirks_to_json(quirks);
      std::printf("#%zu %.*s %s [quirks: %s]\n", id_, static_cast<int>(d.arrow.size()),
                  d.arrow.data(), text.c_str(), quirk_names(quirks, ",").c_str());
    } else {
      std::printf("#%zu %.*s %s\n", id_, static_cast<int>(d.arrow.size()), d.arrow.data(),
                  text.c_str());
    }
    write_json(std::move(record));
  }

  // A tagged response completes its command: a synchronizing literal that command still waits
  // for was refused, and AUTHENTICATE / IDLE lines are no longer expected.
  void server_completed(std::string_view tag) {
    drain(c2s_);
    if (c2s_.frame.awaiting_continuation() && c2s_.pending_tag() == tag) refused_literal();
    if (c2s_.expect != client_expectation::command && c2s_.exchange_tag == tag)
      c2s_.expect = client_expectation::command;
  }

  // The server answered the command waiting for "+" with NO/BAD: the client sends no literal
  // bytes and abandons the command, which is traced as it was sent, up to the announcement.
  void refused_literal() {
    direction& d = c2s_;
    const std::uint64_t start = d.frame.stream_offset();
    const std::string text = render(d.head, state_.options.width);
    d.frame.refuse_literal();
    d.update_head();
    ++d.messages;
    std::printf("#%zu %.*s %s [literal refused by the server, not sent]\n", id_,
                static_cast<int>(d.arrow.size()), d.arrow.data(), text.c_str());
    json::object record = envelope(d, start);
    record["length"] = d.frame.stream_offset() - start;
    record["refused_literal"] = true;
    record["text"] = text;
    write_json(std::move(record));
  }

  void framer_violation(direction& d, const framer::event& ev) {
    ++d.violations;
    ++state_.total_violations;
    const std::string_view kind = to_string(ev.error.kind);
    std::printf("#%zu %.*s !! offset 0 (stream %llu) in framer: message exceeds %.*s (%llu)\n", id_,
                static_cast<int>(d.arrow.size()), d.arrow.data(),
                static_cast<unsigned long long>(ev.error.offset),
                static_cast<int>(ev.error.limit_name().size()), ev.error.limit_name().data(),
                static_cast<unsigned long long>(ev.error.limit));
    json::object record = envelope(d, ev.error.offset);
    record["error"] = json::object{
        {"framer", kind}, {"limit_name", ev.error.limit_name()}, {"limit", ev.error.limit}};
    write_json(std::move(record));
  }

  void end_of_stream(direction& d) {
    if (d.ended) return;
    d.ended = true;
    if (d.frame.buffered() == 0 && !d.frame.discarding()) return;
    ++d.violations;
    ++state_.total_violations;
    std::printf("#%zu %.*s !! stream %llu: the stream ends inside a message (%zu bytes unframed)\n",
                id_, static_cast<int>(d.arrow.size()), d.arrow.data(),
                static_cast<unsigned long long>(d.frame.stream_offset()), d.frame.buffered());
    json::object record = envelope(d, d.frame.stream_offset());
    record["length"] = d.frame.buffered();
    record["error"] = json::object{{"incomplete", true}, {"buffered", d.frame.buffered()}};
    write_json(std::move(record));
  }

  json::object envelope(const direction& d, std::uint64_t offset) const {
    return json::object{
        {"connection", id_}, {"direction", &d == &c2s_ ? "client" : "server"}, {"offset", offset}};
  }

  void write_json(json::object record) {
    if (state_.json_out == nullptr) return;
    json::value value = std::move(record);
    if (!state_.options.json_literals) omit_literal_data(value);
    std::string line = json::serialize(value);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), state_.json_out);
    std::fflush(state_.json_out);
  }

  proxy_state& state_;
  std::size_t id_;
  tcp::socket client_;
  tcp::socket server_;
  direction c2s_{framer_side::read_commands, "C>"};
  direction s2c_{framer_side::read_responses, "S<"};
};

void finish_if_done(proxy_state& state) {
  if (!state.accepting && state.active == 0 && state.signals) state.signals->cancel();
}

awaitable<void> accept_loop(tcp::acceptor& acceptor, proxy_state& state,
                            const tcp::resolver::results_type& upstream) {
  const std::size_t limit = state.options.once ? 1 : state.options.connections;
  const auto executor = co_await asio::this_coro::executor;
  while (limit == 0 || state.accepted < limit) {
    tcp::socket client = co_await acceptor.async_accept(use_awaitable);
    const std::size_t id = ++state.accepted;
    ++state.active;
    auto s = std::make_shared<session>(state, id, std::move(client));
    asio::co_spawn(executor, s->run(upstream), [s, &state](std::exception_ptr failure) {
      if (failure) {
        try {
          std::rethrow_exception(failure);
        } catch (const std::exception& e) {
          std::printf("imapkit proxy: connection failed: %s\n", e.what());
        }
      }
      --state.active;
      std::fflush(stdout);
      finish_if_done(state);
    });
  }
  boost::system::error_code ec;
  acceptor.close(ec);
  state.accepting = false;
  finish_if_done(state);
}

}  // namespace

int run_proxy(const proxy_options& options) {
  // One trace line at a time, visible at once (a test reads the "listening" line).
  std::setvbuf(stdout, nullptr, _IOLBF, 0);

  const auto listen = split_host_port(options.listen);
  const auto connect = split_host_port(options.connect);
  if (!listen || !connect || connect->port == 0) {
    std::fprintf(stderr, "imapkit proxy: --listen and --connect take HOST:PORT\n");
    return usage_or_io_error;
  }

  asio::io_context io;
  boost::system::error_code ec;
  const asio::ip::address listen_address = asio::ip::make_address(listen->host, ec);
  if (ec) {
    std::fprintf(stderr, "imapkit proxy: --listen needs an IP address, not %s\n",
                 listen->host.c_str());
    return usage_or_io_error;
  }
  if (!options.allow_remote && !listen_address.is_loopback()) {
    std::fprintf(stderr,
                 "imapkit proxy: refusing to listen on %s, not a loopback address "
                 "(--allow-remote to do it anyway)\n",
                 listen->host.c_str());
    return usage_or_io_error;
  }
  // Without --allow-remote, only an IP literal or "localhost" is resolved: no DNS look-up.
  if (!options.allow_remote && connect->host != "localhost") {
    const asio::ip::address target = asio::ip::make_address(connect->host, ec);
    if (ec || !target.is_loopback()) {
      std::fprintf(stderr,
                   "imapkit proxy: refusing to connect to %s, not a loopback address "
                   "(--allow-remote to do it anyway)\n",
                   connect->host.c_str());
      return usage_or_io_error;
    }
  }
  tcp::resolver resolver(io);
  const tcp::resolver::results_type upstream =
      resolver.resolve(connect->host, std::to_string(connect->port), ec);
  if (ec || upstream.empty()) {
    std::fprintf(stderr, "imapkit proxy: cannot resolve %s: %s\n", connect->host.c_str(),
                 ec.message().c_str());
    return usage_or_io_error;
  }
  if (!options.allow_remote)
    for (const auto& entry : upstream)
      if (!entry.endpoint().address().is_loopback()) {
        std::fprintf(stderr, "imapkit proxy: %s resolves to %s, not a loopback address\n",
                     connect->host.c_str(), entry.endpoint().address().to_string().c_str());
        return usage_or_io_error;
      }

  if (!options.record_dir.empty()) {
    std::error_code fs_ec;
    std::filesystem::create_directories(options.record_dir, fs_ec);
    if (fs_ec || !std::filesystem::is_directory(options.record_dir, fs_ec)) {
      std::fprintf(stderr, "imapkit proxy: cannot record into %s: %s\n", options.record_dir.c_str(),
                   fs_ec ? fs_ec.message().c_str() : "not a directory");
      return usage_or_io_error;
    }
  }
  proxy_state state(options);
  if (!options.json_file.empty()) {
    state.json_out = std::fopen(options.json_file.c_str(), "wb");
    if (state.json_out == nullptr) {
      std::fprintf(stderr, "imapkit proxy: cannot write %s\n", options.json_file.c_str());
      return usage_or_io_error;
    }
  }

  tcp::acceptor acceptor(io);
  const tcp::endpoint listen_endpoint(listen_address, listen->port);
  acceptor.open(listen_endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(listen_endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    std::fprintf(stderr, "imapkit proxy: cannot listen on %s: %s\n", options.listen.c_str(),
                 ec.message().c_str());
    if (state.json_out != nullptr) std::fclose(state.json_out);
    return usage_or_io_error;
  }
  std::printf("listening on %s\n", to_string(acceptor.local_endpoint()).c_str());
  std::fflush(stdout);

  bool interrupted = false;
  state.signals.emplace(io, SIGINT, SIGTERM);
  state.signals->async_wait([&](const boost::system::error_code& error, int signal_number) {
    if (error) return;  // cancelled: every connection was served
    interrupted = true;
    std::printf("signal %d: stopping\n", signal_number);
    io.stop();
  });
  asio::co_spawn(io, accept_loop(acceptor, state, upstream), [](std::exception_ptr failure) {
    if (!failure) return;
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      std::printf("imapkit proxy: accept failed: %s\n", e.what());
    }
  });
  io.run();

  std::printf("total: %zu connections, %zu violations%s\n", state.accepted, state.total_violations,
              interrupted ? " (interrupted)" : "");
  std::fflush(stdout);
  if (state.json_out != nullptr) std::fclose(state.json_out);
  const bool bounded = options.once || options.connections != 0;
  return bounded && state.total_violations != 0 ? violations_seen : ok;
}

}  // namespace imapkit::cli
