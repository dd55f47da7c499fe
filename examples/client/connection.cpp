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

awaitable<bool> connection::send(const imapkit::command& c, const untagged_handler& on_untagged) {
  // Serialize the whole command first: a value the serializer refuses (a tag with a space, a
  // flag with a parenthesis...) is refused before a byte of it is sent.
  out_.clear();
  if (const imapkit::serialize_result written = imapkit::serialize(c, out_, options_); !written) {
    const imapkit::serialize_error& err = written.error();
    throw session_error("serialize", std::string(imapkit::command_name(c)) + ": " +
                                         std::string(imapkit::to_string(err.code)) + " in " +
                                         std::string(err.what));
  }
  const auto fragments = out_.fragments();
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    if (i != 0) {
      // The previous fragment ended in "{N}\r\n": the server must say "+" before the literal.
      for (;;) {
        imapkit::response r = co_await read_response();
        if (r.is_continuation()) {
          ++continuations_;
          break;
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
    co_await write(fragments[i]);
  }
  co_return true;
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
    if (ev.kind == imapkit::framer::status::message) {
      mem_.reset();  // the previous response's tree is no longer needed
      auto parsed = imapkit::parse_response(ev.message, mem_);
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
                                               const untagged_handler& on_untagged) {
  co_await send(c, on_untagged);  // false: the tagged answer is replayed below
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
