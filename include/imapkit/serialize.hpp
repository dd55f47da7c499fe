// The serializer's foundation: sinks, options, and the writer of the lexical layer.
//
// The writer picks each value's representation: an atom where the value is a valid atom for its
// slot, a quoted string where it may be quoted, a literal where it must be (CR, LF, 8-bit the
// peer cannot take quoted, or longer than a threshold), a literal8 where it holds NUL and the
// slot allows it. No value can break out of its slot: a value that cannot be represented in its
// slot (an atom with a space, a tag with "+", NUL where no literal8 is allowed) is an error, and
// nothing of the message is written past it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/ast/command.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/response.hpp"

namespace imapkit {

// Where serialized bytes go. The output is a sequence of fragments: after a fragment that ends
// in a synchronizing literal's "{N}\r\n", the writer of a command must wait for the server's
// "+" continuation request before sending the next fragment.
class sink {
 public:
  virtual ~sink() = default;
  // Appends bytes to the current fragment.
  virtual void write(std::string_view bytes) = 0;
  // Ends the current fragment: the peer must send "+" before the bytes that follow are sent.
  virtual void wait_for_continuation() = 0;
  // serialize() brackets each message with these: a message that cannot be written (a value
  // its slot cannot hold) is abandoned, and a sink that buffers drops what was written of it.
  // A sink that streams straight to a socket must buffer a message until it is ended.
  virtual void begin_message() {}
  virtual void abandon_message() {}
  // A streamed literal's octets go here, after its announcement (and after the wait for "+" of
  // a synchronizing one): the sender copies literal.size octets from its source
  // (send_streamed_literal). A sink that holds only bytes returns false, and the message fails
  // with serialize_errc::streamed_literal.
  virtual bool streamed_literal(const imapkit::streamed_literal& /*literal*/) { return false; }
};

// A growable buffer. bytes() is the whole output; continuation_points() are the offsets where a
// fragment ends and the writer must wait for "+".
class buffer_sink final : public sink {
 public:
  void write(std::string_view bytes) override { data_.append(bytes); }
  void wait_for_continuation() override { waits_.push_back(data_.size()); }
  void begin_message() override {
    message_start_ = data_.size();
    message_waits_ = waits_.size();
    message_streams_ = streams_.size();
  }
  void abandon_message() override {
    data_.resize(message_start_);
    waits_.resize(message_waits_);
    streams_.resize(message_streams_);
  }
  bool streamed_literal(const imapkit::streamed_literal& literal) override {
    streams_.push_back({data_.size(), literal});
    return true;
  }

  // Where a streamed literal's octets go: before bytes()[offset] (they are not in bytes()).
  struct stream_point {
    std::size_t offset = 0;
    imapkit::streamed_literal literal;
  };

  std::string_view bytes() const noexcept { return data_; }
  const std::vector<std::size_t>& continuation_points() const noexcept { return waits_; }
  const std::vector<stream_point>& stream_points() const noexcept { return streams_; }
  // The fragments between continuation points.
  std::vector<std::string_view> fragments() const;
  void clear() noexcept {
    data_.clear();
    waits_.clear();
    streams_.clear();
    message_start_ = message_waits_ = message_streams_ = 0;
  }

 private:
  std::string data_;
  std::vector<std::size_t> waits_;
  std::vector<stream_point> streams_;
  std::size_t message_start_ = 0;
  std::size_t message_waits_ = 0;
  std::size_t message_streams_ = 0;
};

// A caller's fixed buffer: never allocates; past its capacity it records the overflow and
// drops the rest, so the caller can retry with a bigger buffer.
class fixed_buffer_sink final : public sink {
 public:
  fixed_buffer_sink(char* buffer, std::size_t capacity) noexcept
      : buffer_(buffer), capacity_(capacity) {}

  void write(std::string_view bytes) override;
  void wait_for_continuation() override {
    if (wait_count_ < max_waits) waits_[wait_count_] = size_;
    ++wait_count_;
  }
  void begin_message() override {
    message_start_ = size_;
    message_waits_ = wait_count_;
  }
  void abandon_message() override {
    size_ = message_start_;
    wait_count_ = message_waits_;
  }

  std::string_view bytes() const noexcept { return {buffer_, size_}; }
  bool overflowed() const noexcept { return overflowed_; }
  std::size_t continuation_count() const noexcept { return wait_count_; }
  // The first max_waits continuation points.
  std::size_t continuation_point(std::size_t i) const noexcept { return waits_[i]; }
  static constexpr std::size_t max_waits = 16;

 private:
  char* buffer_;
  std::size_t capacity_;
  std::size_t size_ = 0;
  bool overflowed_ = false;
  std::size_t waits_[max_waits] = {};
  std::size_t wait_count_ = 0;
  std::size_t message_start_ = 0;
  std::size_t message_waits_ = 0;
};

struct serialize_options {
  // Who is writing: a client's synchronizing literals wait for "+"; a server's never do.
  enum class role : std::uint8_t { client, server } writer = role::client;
  bool literal_plus = false;   // the server advertises LITERAL+ (RFC 7888): every literal is {N+}
  bool literal_minus = false;  // the server advertises LITERAL-: {N+} for literals <= 4096 octets
  // UTF8=ACCEPT is in effect (RFC 6855), or both ends speak IMAP4rev2 (RFC 9051): quoted
  // strings may hold UTF-8, and mailbox names are UTF-8 rather than modified UTF-7.
  bool utf8 = false;
  // Strings longer than this go as literals even when they could be quoted.
  std::size_t max_quoted_length = 1000;
  // The streamed literals of the message (a string with stream == i is streamed_literals[i-1]):
  // their octets are not in the AST but come from the caller's source as they are sent, so a
  // message of any size is never held; each is announced with its size. Parsed messages carry
  // their framer event's `literals` here to be written back.
  std::span<const streamed_literal> streamed_literals{};
};

enum class serialize_errc : std::uint8_t {
  ok,
  invalid_atom,    // not a valid atom for its slot (empty, SP, CTL, specials, 8-bit)
  invalid_tag,     // a tag must be 1*<ASTRING-CHAR except "+">
  invalid_flag,    // a flag must be ["\"] atom (or "\*" where flag-perm is allowed)
  invalid_number,  // out of the slot's range (nz-number 0, number64 > 2^63-1)
  invalid_sequence_set,
  invalid_date,     // a date or time that does not exist
  invalid_text,     // resp-text with CR, LF or NUL; or 8-bit where UTF-8 is not allowed
  nul_in_string,    // NUL in a slot that allows no literal8
  invalid_mailbox,  // a mailbox name that is not valid UTF-8 (for modified UTF-7)
  invalid_value,    // a value the slot cannot hold (e.g. NIL where a string is needed)
  // a streamed literal (string::stream) that serialize_options::streamed_literals does not
  // list, in a slot that takes no literal, or written to a sink that holds only bytes
  streamed_literal,
};

std::string_view to_string(serialize_errc e) noexcept;

// Why a value could not be written. It converts to nothing: ask a serialize_result (or a
// writer's ok()) whether writing succeeded.
struct serialize_error {
  serialize_errc code = serialize_errc::ok;
  std::string_view what;  // the production whose value was rejected, e.g. "tag"

  friend bool operator==(const serialize_error&, const serialize_error&) = default;
};

// What serialize() returns: success, or the error that stopped the message. Its truth means
// success, as result<T>'s and mutf7_result's do: `if (!serialize(c, out)) report(r.error())`.
class serialize_result {
 public:
  constexpr serialize_result() noexcept = default;
  constexpr serialize_result(serialize_error error) noexcept : error_(error) {}

  constexpr bool ok() const noexcept { return error_.code == serialize_errc::ok; }
  constexpr explicit operator bool() const noexcept { return ok(); }
  constexpr const serialize_error& error() const noexcept { return error_; }
  friend bool operator==(const serialize_result&, const serialize_result&) = default;

 private:
  serialize_error error_;
};

// Checks for constrained values, for callers building an AST and for the writer itself.
bool is_valid_atom(std::string_view s) noexcept;
bool is_valid_astring_atom(std::string_view s) noexcept;  // 1*ASTRING-CHAR
bool is_valid_tag(std::string_view s) noexcept;
bool is_valid_flag(std::string_view s, bool allow_wildcard = false) noexcept;
bool is_valid_date(const date& d) noexcept;  // a day that exists in the calendar
bool is_valid_date_time(const date_time& d) noexcept;
bool is_valid_sequence_set(const sequence_set& s, bool allow_star = true) noexcept;
// base64 = *(4base64-char) [base64-terminal]: the whole of s, possibly empty. A continuation
// request's is_base64 must be exactly this of its text (a server writing "+ Ready" or a SASL
// challenge sets it so), since that is what the parser reads back.
bool is_valid_base64(std::string_view s) noexcept;

// Writes the lexical productions of RFC 9051 §9 to a sink. Each method writes one value in the
// representation its slot allows and returns false (recording error()) if the value cannot be
// written; after the first error nothing more is written, so a rejected value never leaves a
// half-written message that could be misread.
class writer {
 public:
  writer(sink& out, const serialize_options& options) noexcept : out_(out), options_(options) {}

  // Protocol punctuation and keywords, written as they are (the caller's constants).
  writer& raw(std::string_view bytes);
  writer& sp() { return raw(" "); }
  writer& crlf() { return raw("\r\n"); }

  bool tag(std::string_view t);
  bool atom(std::string_view a);
  bool number(std::uint64_t n);
  bool nz_number(std::uint64_t n);
  bool number64(std::uint64_t n);
  // string = quoted / literal. allow_literal8: the slot also takes literal8 (values with NUL).
  bool string(std::string_view value, bool allow_literal8 = false);
  // astring: an atom when the value is 1*ASTRING-CHAR (and not NIL-looking where that matters).
  bool astring(std::string_view value);
  // nstring: NIL for a nil value, else a string.
  bool nstring(const imapkit::string& value, bool allow_literal8 = false);
  // The nstring of message data (BODY[section], BINARY[section], RFC822, RFC822.HEADER,
  // RFC822.TEXT): NIL, else always a literal, however short. A quoted string is valid there, but
  // real servers (Dovecot, Cyrus, Courier, Mailutils) send literals, and clients read only
  // those (curl's IMAP, Perl's Mail::IMAPClient bodypart_string).
  bool message_data(const imapkit::string& value, bool allow_literal8 = false);
  bool literal(std::string_view value, bool binary = false);
  // The value's literal: a streamed one (value.stream != 0) announced with its size, its octets
  // left to the sink (sink::streamed_literal); else literal(value.value, binary).
  bool literal(const imapkit::string& value, bool binary = false);
  // string / astring of a string value that may be a streamed literal (then written as one).
  bool string(const imapkit::string& value, bool allow_literal8 = false);
  bool astring(const imapkit::string& value);
  // mailbox: INBOX, else the wire name as an astring. The name is already in its wire form
  // (modified UTF-7 unless UTF-8 is in effect): see encode_mailbox_name.
  bool mailbox(const imapkit::mailbox& m);
  bool flag(const imapkit::flag& f, bool allow_wildcard = false);
  bool flag_list(const list<imapkit::flag>& flags);
  bool sequence_set(const imapkit::sequence_set& s, bool allow_star = true);
  bool date(const imapkit::date& d);            // d-Mon-yyyy
  bool date_time(const imapkit::date_time& d);  // "dd-Mon-yyyy hh:mm:ss +zzzz"
  // text (resp-text): CR, LF and NUL can never be written; 8-bit only where UTF-8 is allowed.
  bool text(std::string_view t);
  bool generic_value(const imapkit::generic_value& v);
  // A slot that takes an atom or a quoted string but no literal (charset, a resp-text-code's
  // data): the atom when the value is one, else quoted, whatever max_quoted_length says; an
  // error when it cannot be quoted (CR, LF, NUL, 8-bit without UTF-8).
  bool atom_or_quoted(std::string_view value);
  // A slot that takes only a quoted string (an entry-name, a charset where no literal may go):
  // quoted whatever max_quoted_length says; an error named `what` when it cannot be quoted.
  bool quoted(std::string_view value, std::string_view what = "quoted");
  // A slot that takes an atom or any string (charset in SEARCH, tag-string): atom, else string.
  bool atom_or_string(std::string_view value);
  // DQUOTE QUOTED-CHAR DQUOTE: a hierarchy delimiter ("/", "\\" for a backslash).
  bool quoted_char(char c);

  bool ok() const noexcept { return error_.code == serialize_errc::ok; }
  const serialize_error& error() const noexcept { return error_; }
  const serialize_options& options() const noexcept { return options_; }
  bool fail(serialize_errc code, std::string_view what);

 private:
  bool quoted_allowed(std::string_view value) const noexcept;  // quotable and not too long
  bool quotable(std::string_view value) const noexcept;
  void write_quoted(std::string_view value);
  // A literal, or literal8 when the value holds NUL and the slot takes one (else an error).
  bool literal_or_literal8(std::string_view value, bool allow_literal8);
  // "{N}\r\n" (or ~{N}, {N+}), and the wait for "+" where the client must wait.
  void literal_head(std::uint64_t size, bool binary);
  bool streamed(const imapkit::string& value, bool allow_literal8);

  sink& out_;
  // A copy: callers write `writer w(out, {})`, and a reference would dangle (ASan:
  // stack-use-after-scope in Writer.NulNeedsLiteral8).
  serialize_options options_;
  serialize_error error_;
};

// Whole messages. Each writes one message, CRLF included, to `out`, choosing for every value the
// representation its slot allows (src/response/encode_response.cpp, src/command/encode_command.cpp
// and the areas' encoders they call; one encoder per production, named like the parser rule it
// mirrors). On error nothing of the
// message stays in a buffering sink (see sink::abandon_message) and the error names the
// production whose value was rejected.
//
// A response is written by a server: literals never wait for "+", and options.writer is ignored.
serialize_result serialize(const response& r, sink& out, const serialize_options& options = {});
// A command is written by a client: a synchronizing literal ends a fragment (the sink is told to
// wait for "+") unless options allow LITERAL+ / LITERAL-; options.writer is ignored.
serialize_result serialize(const command& c, sink& out, const serialize_options& options = {});
// Any client line: a command, an AUTHENTICATE data line (base64 or "*"), or DONE.
serialize_result serialize(const client_message& m, sink& out,
                           const serialize_options& options = {});

// Reads a streamed literal's octets from the caller's source, chunk by chunk, for a sender that
// writes each chunk its own way (a coroutine's async_write, a blocking write): `read` is called
// as read(buffer, capacity) and returns how many octets it put there, 0 at the end of its data.
// next() returns the next chunk (a view of the reader's buffer, valid until the next call), or
// an empty view when the literal's size was read or the source broke the size; ok() then says
// whether the source held exactly the announced size. It did not: the receiver would misread
// what follows, so the sender must close the connection.
class streamed_literal_reader {
 public:
  explicit streamed_literal_reader(const streamed_literal& literal, std::size_t chunk = 64 * 1024)
      : left_(literal.size), buffer_(chunk == 0 ? 1 : chunk) {}

  template <class Read>
  std::string_view next(Read&& read) {
    if (finished_) return {};
    if (left_ == 0) {
      // The announced size was read: the source must be at its end, or it changed under us.
      char extra;
      ok_ = read(&extra, 1) == 0;
      finished_ = true;
      return {};
    }
    const std::size_t want =
        left_ < buffer_.size() ? static_cast<std::size_t>(left_) : buffer_.size();
    const std::size_t got = read(buffer_.data(), want);
    if (got == 0 || got > want) {
      finished_ = true;  // the source ended early (or overran the buffer): the size is broken
      return {};
    }
    left_ -= got;
    return {buffer_.data(), got};
  }

  bool ok() const noexcept { return finished_ && ok_; }

 private:
  std::uint64_t left_;
  std::vector<char> buffer_;
  bool finished_ = false;
  bool ok_ = false;
};

// Sends a streamed literal's octets: exactly literal.size of them from `read` (as above) to
// `write` (called as write(std::string_view)), through a buffer of `chunk` octets; false when
// the source did not hold exactly that many (then close the connection).
template <class Read, class Write>
bool send_streamed_literal(const streamed_literal& literal, Read&& read, Write&& write,
                           std::size_t chunk = 64 * 1024) {
  streamed_literal_reader reader(literal, chunk);
  for (std::string_view bytes = reader.next(read); !bytes.empty(); bytes = reader.next(read))
    write(bytes);
  return reader.ok();
}

// A mailbox name as a user writes it (UTF-8) to its wire form: modified UTF-7 (RFC 3501 §5.1.3)
// unless options.utf8. INBOX in any case becomes "INBOX". Returns false for invalid UTF-8.
bool encode_mailbox_name(std::string_view utf8_name, const serialize_options& options,
                         std::string& wire_name);

}  // namespace imapkit
