#include "connection.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include "imapkit/parse.hpp"

namespace client {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

awaitable<void> connection::connect(const std::string& host, std::uint16_t port) {
  asio::ip::tcp::resolver resolver(socket_.get_executor());
  auto endpoints = co_await resolver.async_resolve(host, std::to_string(port), use_awaitable);
  co_await asio::async_connect(socket_, endpoints, use_awaitable);
}

std::string connection::next_tag() { return "a" + std::to_string(++tag_counter_); }

awaitable<void> connection::write(std::string_view bytes) {
  co_await asio::async_write(socket_, asio::buffer(bytes.data(), bytes.size()), use_awaitable);
}

awaitable<bool> connection::send(const imapkit::command& c, const untagged_handler& on_untagged,
                                 const streamed_source* streamed) {
  // Serialize the whole command first: a value the serializer refuses (a tag with a space, a
  // flag with a parenthesis...) is refused before a byte of it is sent.
  out_.clear();
  imapkit::serialize_options options = options_;
  if (streamed) options.streamed_literals = streamed->literals;
  if (const imapkit::serialize_result written = imapkit::serialize(c, out_, options); !written) {
    const imapkit::serialize_error& err = written.error();
    throw session_error("serialize", std::string(imapkit::command_name(c)) + ": " +
                                         std::string(imapkit::to_string(err.code)) + " in " +
                                         std::string(err.what));
  }
  // The bytes go out up to each place where the server's "+" is awaited (after a synchronizing
  // literal's "{N}\r\n") or a streamed literal's octets go (after its announcement, and after
  // its "+" when both are at one place), in the order of the output.
  const std::string_view bytes = out_.bytes();
  const std::vector<std::size_t>& waits = out_.continuation_points();
  const std::vector<imapkit::buffer_sink::stream_point>& streams = out_.stream_points();
  std::size_t sent = 0, wait = 0, stream = 0;
  while (wait < waits.size() || stream < streams.size()) {
    const bool wait_first =
        wait < waits.size() && (stream == streams.size() || waits[wait] <= streams[stream].offset);
    const std::size_t at = wait_first ? waits[wait] : streams[stream].offset;
    co_await write(bytes.substr(sent, at - sent));
    sent = at;
    if (wait_first) {
      ++wait;
      if (!co_await wait_for_continuation(on_untagged)) co_return false;
    } else {
      co_await send_literal(streams[stream++].literal, *streamed);
    }
  }
  co_await write(bytes.substr(sent));
  co_return true;
}

awaitable<bool> connection::wait_for_continuation(const untagged_handler& on_untagged) {
  for (;;) {
    imapkit::response r = co_await read_response();
    if (r.is_continuation()) {
      ++continuations_;
      co_return true;
    }
    if (r.is_tagged()) {
      // The server refused the literal (or the command): the rest is not sent. Keep the
      // response for the caller's next read_response().
      replay_ = true;
      co_return false;
    }
    if (on_untagged) on_untagged(std::get<imapkit::untagged>(r.value));
  }
}

// The octets are read from the source and written chunk by chunk (64 KiB), never held whole;
// streamed_literal_reader checks that the source holds exactly the announced size.
awaitable<void> connection::send_literal(const imapkit::streamed_literal& literal,
                                         const streamed_source& source) {
  imapkit::streamed_literal_reader reader(literal);
  const auto read = [&](char* buffer, std::size_t capacity) {
    return source.read(literal, buffer, capacity);
  };
  for (std::string_view chunk = reader.next(read); !chunk.empty(); chunk = reader.next(read))
    co_await write(chunk);
  // The announced size is a promise the server reads by: a source that broke it leaves the
  // connection unusable.
  if (!reader.ok())
    throw session_error("protocol", "the streamed literal's source did not hold " +
                                        std::to_string(literal.size) + " octets");
}

std::uint64_t connection::size_of(const imapkit::string& s) const noexcept {
  if (s.is_streamed() && s.stream <= last_literals_.size())
    return last_literals_[s.stream - 1].size;
  return s.value.size();
}

awaitable<void> connection::send(const imapkit::client_message& m) {
  out_.clear();
  if (const imapkit::serialize_result written = imapkit::serialize(m, out_, options_); !written)
    throw session_error("serialize", std::string(imapkit::to_string(written.error().code)) +
                                         " in " + std::string(written.error().what));
  co_await write(out_.bytes());
}

awaitable<imapkit::response> connection::read_response() {
  if (replay_) {
    replay_ = false;
    co_return last_;
  }
  for (;;) {
    // A message the framer already holds needs no read. Its bytes stay where they are until the
    // next feed(), which happens only in a later call: the parsed views stay valid until then.
    const imapkit::framer::event ev = framer_.next();
    if (ev.kind == imapkit::framer::status::error) {
      throw session_error("framer", "response at offset " + std::to_string(ev.error.offset) +
                                        " exceeds " + std::string(ev.error.limit_name()));
    }
    if (ev.kind == imapkit::framer::status::literal_begin) {
      if (consumer_) consumer_->begin(ev.literal, imapkit::locate_literal(ev.message, ev.literals));
      continue;
    }
    if (ev.kind == imapkit::framer::status::literal_data) {
      // Straight from the bytes read to the consumer: the literal is never held.
      streamed_octets_ += ev.message.size();
      if (consumer_) consumer_->data(ev.literal, ev.message, ev.literal_end);
      continue;
    }
    if (ev.kind == imapkit::framer::status::message) {
      mem_.reset();  // the previous response's tree is no longer needed
      imapkit::parse_options options = imapkit::parse_options::responses();
      options.streamed_literals = ev.literals;
      last_literals_.assign(ev.literals.begin(), ev.literals.end());
      auto parsed = imapkit::parse_response(ev.message, mem_, options);
      if (!parsed) {
        session_error e("parse", parsed.error().message());
        e.offset = parsed.error().offset;
        e.production = parsed.error().production;
        e.expected = parsed.error().expected;
        e.message = ev.message;
        throw e;
      }
      last_ = *parsed;
      co_return last_;
    }
    // need_more: read what the server has sent so far, however it is chunked.
    const std::size_t n =
        co_await socket_.async_read_some(asio::buffer(read_buffer_), use_awaitable);
    framer_.feed(std::string_view(read_buffer_.data(), n));
  }
}

awaitable<imapkit::tagged> connection::execute(const imapkit::command& c,
                                               const untagged_handler& on_untagged,
                                               const streamed_source* streamed) {
  co_await send(c, on_untagged, streamed);  // false: the tagged answer is replayed below
  for (;;) {
    imapkit::response r = co_await read_response();
    if (r.is_untagged()) {
      if (on_untagged) on_untagged(std::get<imapkit::untagged>(r.value));
    } else if (r.is_tagged()) {
      const auto& t = std::get<imapkit::tagged>(r.value);
      if (t.tag != c.tag)
        throw session_error("protocol", "tagged response for " + std::string(t.tag) +
                                            " while waiting for " + std::string(c.tag));
      co_return t;
    } else {
      throw session_error("protocol", "unexpected continuation request during " +
                                          std::string(imapkit::command_name(c)));
    }
  }
}

}  // namespace client
