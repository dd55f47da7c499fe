// imapkit::framer — cuts a byte stream into whole IMAP commands or responses.
//
// IMAP is line based, but a line may end in a literal announcement ({N}, {N+}, {N-}, ~{N},
// ~{N+}), after which exactly N raw bytes follow and then the line continues. The framer knows
// only that much of the grammar: it hands out each message (one command, or one response) as one
// contiguous byte range from its first byte up to and including the line end of its last line,
// literals inline, so that a parser can work on it without copying.
//
// Rules:
//  - A line ends at LF. The LF is normally preceded by CR; a bare LF (no CR) outside a literal is
//    accepted as a line end too (lenient: nothing else could be meant by it).
//  - "{" (or the "~" of "~{") starts a literal announcement only when it begins an argument: the
//    byte before it is SP or "(", or it is the first byte of the message. `SELECT INBOX{3}` is an
//    (invalid) atom, not a literal: Dovecot agrees, and its client sent no literal bytes. The
//    check never looks back into literal data ("{3}\r\nab {4}\r\n" announces one literal).
//  - N is 1 to 19 decimal digits and at most 2^63-1 (number64); more digits or a larger value
//    inside otherwise valid braces is a bad literal, reported as literal_too_large.
//  - Every limit violation is reported once, as an error event in stream order (as soon as it
//    is certain: an over-long line is reported before its line end arrives), and the rest of the
//    offending message is dropped without being buffered, then framing resumes:
//      * a synchronizing literal of a command ends the message at its announcing line (the
//        server refuses it instead of sending "+", so the client sends no bytes);
//      * the bytes of any other literal (non-synchronizing, or in a response) will arrive: they
//        are counted down and dropped, and so is the rest of the message, whose further literal
//        announcements are still followed;
//      * a bad N cannot be counted: the message ends at its announcing line.
//    Memory stays bounded by max_message_size plus the size of one feed().
//  - Streamed literals: a literal whose N is above limits.stream_literals_above is not buffered.
//    A literal_begin event hands out the message's bytes up to its announcement (so that the
//    caller knows which item the literal fills: locate_literal() says), then its bytes are handed
//    out as literal_data events as they arrive (views into the bytes fed: no copy where they sat in
//    one feed() after the announcement's line), and the message event that follows holds every
//    other byte of the message, each streamed literal's data left out, with the list of streamed
//    literals (where each one's data would have been, and its size) for the parser
//    (parse_options::streamed_literals). Limits apply to the buffered bytes; a streamed literal's
//    N has its own limit, max_streamed_literal_size.
//
// Use (server side):
//   framer f(framer_side::read_commands);
//   f.feed(bytes_read);
//   for (auto e = f.next(); e.kind != framer::status::need_more; e = f.next()) handle(e);
//   if (f.take_continuation_request()) send("+ OK\r\n");  // or f.refuse_literal() after a NO
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/string.hpp"

namespace imapkit {

// Which peer's bytes are framed. It matters for synchronizing literals: a client waits for the
// server's "+" before sending the bytes of {N}; a server never waits for its client.
enum class framer_side {
  read_commands,   // client -> server bytes (we are the server)
  read_responses,  // server -> client bytes (we are the client)
};

// The defaults are a server's, reading its clients' commands; a client reading its server's
// responses trusts it more (for_side(read_responses): lines up to the message limit, for the
// SEARCH / VANISHED / THREAD answers of large mailboxes). docs/limits.md says why.
struct framer_limits {
  // Bytes of one line segment (a line, or the part of it between two literals), excluding the
  // CRLF; literal data is not counted.
  std::size_t max_line_length = 64 * 1024;
  // Largest N accepted in one literal announcement.
  std::uint64_t max_literal_size = 64ull << 20;
  // Largest whole message, literals and line ends included.
  std::uint64_t max_message_size = 128ull << 20;

  // Literals with more than this many octets are streamed (literal_begin, literal_data events)
  // rather than buffered; never_stream turns streaming off. 1 MiB: above it a literal is message
  // data (a body or an attachment, which a client writes to disk and a server to its store),
  // below it the few header and text sections a client shows at once, which it wants in one
  // piece; and the copy into the buffer, which streaming saves, starts to cost (docs/limits.md).
  std::uint64_t stream_literals_above = 1u << 20;
  // Largest N accepted in a streamed literal; nothing of it is buffered, so this is about what
  // the reader will store, not about memory: unlimited (up to number64) reading responses, the
  // buffered literal's 64 MiB reading commands (what a server lets a client APPEND).
  std::uint64_t max_streamed_literal_size = 64ull << 20;

  static constexpr std::uint64_t never_stream = ~std::uint64_t{0};
  static constexpr std::uint64_t unlimited = (std::uint64_t{1} << 63) - 1;  // number64's max

  // The defaults of the side a framer reads: read_commands the above; read_responses lines of up
  // to 128 MiB (a `* SEARCH` of 5,000,000 UIDs is 39 MB) and streamed literals of any size.
  static constexpr framer_limits for_side(framer_side side) noexcept {
    framer_limits limits;
    if (side == framer_side::read_responses) {
      limits.max_line_length = 128u << 20;
      limits.max_streamed_literal_size = unlimited;
    }
    return limits;
  }
  // for_side(side) with streaming off: every message whole in one buffer, literals up to
  // max_literal_size, for a reader that wants whole messages (a test, a benchmark, a round trip).
  static constexpr framer_limits whole_messages(framer_side side) noexcept {
    framer_limits limits = for_side(side);
    limits.stream_literals_above = never_stream;
    return limits;
  }
};

// A literal announcement ({N}, {N+}, {N-}, ~{N}, ~{N+}, ~{N-}) at the end of a line segment, as
// the framer reads it (the rules above). The one definition of that rule: the serializer asks it
// whether a text would be read as one, the proxy where a literal's bytes start.
struct literal_announcement {
  bool found = false;          // the segment ends in an announcement that starts an argument
  bool valid = false;          // N is a valid number64 (otherwise: a bad literal)
  bool synchronizing = false;  // {N} / ~{N}, as opposed to {N+} / {N-}
  std::uint64_t size = 0;      // N, when valid
  std::size_t start = 0;       // where the announcement starts: its "{", or the "~" before it
};

// Looks for a literal announcement at the end of `segment` (a line segment without its line
// end). `starts_message`: the segment's first byte is the first byte of a message, so an
// announcement there starts an argument; elsewhere only one after SP or "(" does.
literal_announcement find_literal_announcement(std::string_view segment,
                                               bool starts_message) noexcept;

// The streamed literal whose data would start at byte `offset` of its message (the list is in
// message order), or null: where the parser, item recovery, locate_literal and the proxy's trace
// learn that a literal's octets are not in the message.
const streamed_literal* find_streamed_literal(std::span<const streamed_literal> literals,
                                              std::size_t offset) noexcept;

// The octets of a message's streamed literals, which its message event leaves out.
std::uint64_t streamed_size(std::span<const streamed_literal> literals) noexcept;

// Where byte `offset` of a message handed out without its streamed literals' data is in the
// message as it was on the wire: a parse error's offset, say, to a stream offset.
std::uint64_t offset_with_streamed(std::size_t offset,
                                   std::span<const streamed_literal> literals) noexcept;

// Which slot of its message a streamed literal fills, read from the bytes before it (a
// literal_begin event's `message`, with the event's `literals`: the earlier streamed ones, whose
// data is not in those bytes). Enough to send the data where it belongs before the rest of the
// message has arrived: `* 12 FETCH (UID 7 BODY[1.2]<0> {N}` is message 12, UID 7, item
// BODY[1.2]<0>; `a1 APPEND INBOX (\Seen) {N}` is command APPEND, message 0 of its MULTIAPPEND.
struct literal_slot {
  std::string_view tag;      // the tag, or "*" (responses), "+" (a continuation request)
  std::string_view name;     // the command's name (after UID, so FETCH for UID FETCH); the
                             // response's keyword (FETCH after its number, LIST, ...)
  bool uid = false;          // the command is UID FETCH, UID SEARCH, ...
  std::uint32_t number = 0;  // "* N FETCH": N (0 otherwise)
  // A FETCH response: its UID item, when it came before the literal.
  std::uint32_t fetch_uid = 0;
  // A FETCH response: the item the literal belongs to, as sent ("BODY[1.2]<0>", "BINARY[2]",
  // "RFC822", "ENVELOPE" for a literal inside the envelope). Elsewhere: the atom before the
  // literal in its list, if any ("TEXT" in CATENATE, "SUBJECT" in SEARCH).
  std::string_view item;
  unsigned depth = 0;        // parentheses open around the literal
  std::size_t argument = 0;  // which argument after the name it is (or is inside), from 0
  std::size_t appended = 0;  // APPEND: which message of a MULTIAPPEND it is (or is in), from 0
};
literal_slot locate_literal(std::string_view before,
                            std::span<const streamed_literal> earlier = {}) noexcept;

enum class framer_error_kind {
  line_too_long,      // a line segment exceeded max_line_length
  literal_too_large,  // a literal's N exceeded max_literal_size, or was not a valid number64
  message_too_large,  // the message (with its announced literals) exceeded max_message_size
  streamed_literal_too_large,  // a streamed literal's N exceeded max_streamed_literal_size
};

// Name of the kind, e.g. "line_too_long".
std::string_view to_string(framer_error_kind kind) noexcept;

struct framer_error {
  framer_error_kind kind{};  // which limit was exceeded
  std::uint64_t offset = 0;  // stream offset where the offending message starts
  std::uint64_t limit = 0;   // the value of the limit that was exceeded
  // Name of the framer_limits member that was exceeded: "max_line_length", etc.
  std::string_view limit_name() const noexcept;
  friend bool operator==(const framer_error&, const framer_error&) = default;
};

class framer {
 public:
  // With the side's default limits (framer_limits::for_side), or with the limits given.
  explicit framer(framer_side side = framer_side::read_responses);
  framer(framer_side side, framer_limits limits);

  // Appends bytes to the stream. They are copied into the framer's buffer, except bytes that are
  // discarded after an error (or that make a line certainly too long), which are counted and
  // dropped right away, and bytes of a streamed literal whose announcement was handed out before
  // this feed: those are handed out as views of `bytes`, so `bytes` must stay valid until next()
  // returns need_more (the usual loop: feed, then next() until need_more). Invalidates the views
  // returned by next().
  void feed(std::string_view bytes);

  enum class status {
    message,        // `message` holds one complete command/response
    need_more,      // every buffered byte is framed; feed() more
    error,          // `error` describes a limit violation; call next() again to continue
    literal_begin,  // a streamed literal starts: `literal` says which, `message` the bytes before
    literal_data,   // `message` holds the next bytes of the streamed literal `literal`
  };

  struct event {
    status kind = status::need_more;  // what happened
    // message: the message's bytes (streamed literals' data left out). literal_begin: the
    // message's bytes so far, up to and including the announcement's line end. literal_data:
    // the literal's bytes.
    std::string_view message;
    std::uint64_t offset = 0;  // stream offset of message / error's message / data / next byte
    framer_error error;        // the violation (status::error only)
    // literal_begin, literal_data: the literal; literal_data: also where the bytes are in it
    // (literal_position) and whether they are its last (literal_end).
    streamed_literal literal;
    std::uint64_t literal_position = 0;
    bool literal_end = false;
    // message, literal_begin: the message's streamed literals so far (for a message, all of
    // them: give them to the parser as parse_options::streamed_literals). Valid until the next
    // literal_begin or message event.
    std::span<const streamed_literal> literals;
  };

  // The next event, in stream order, or need_more. A message view stays valid until the next
  // call to feed(); a literal_begin or literal_data view until the next call to next() or feed().
  event next();

  // True when the bytes fed so far end right after a synchronizing literal announcement "{N}\r\n"
  // (not {N+}/{N-}) of a command, i.e. the client now waits for a "+" continuation request
  // before it sends the N bytes. Meaningful after next() returned need_more; always false for
  // framer_side::read_responses, whose literals nobody waits for.
  bool awaiting_continuation() const noexcept;

  // Like awaiting_continuation(), but returns true only once per literal: a server calls it after
  // each need_more and sends "+ ..." whenever it returns true.
  bool take_continuation_request() noexcept;

  // Server side: the latest synchronizing literal of the partial command was refused (the server
  // answered NO/BAD instead of "+"), so the client will not send its bytes and abandons the
  // command. Drops the partial command up to and including the announcing line; framing resumes
  // at the next byte. Returns false (and does nothing) if there is no such literal.
  bool refuse_literal() noexcept;

  // Stream offset of the first byte not yet handed out in a message or discarded.
  std::uint64_t stream_offset() const noexcept { return base_offset_ + begin_ - shift_; }
  // Bytes held in the buffer that are not yet handed out (a partial message, or unframed bytes).
  std::size_t buffered() const noexcept { return buffer_.size() - begin_; }
  // True while the rest of a message is being dropped after an error.
  bool discarding() const noexcept { return discarding_; }

  framer_side side() const noexcept { return side_; }
  const framer_limits& limits() const noexcept { return limits_; }

 private:
  using literal_info = literal_announcement;

  // After fail() at the end of a segment whose literal announcement is `lit`: decides whether
  // the rest of the offending message must be discarded (and its literal skipped).
  void abandon_at_line_end(const literal_info& lit);
  // Consumes discarded bytes; returns how many belonged to the discarded message. Clears
  // discarding_ when its end was found.
  std::size_t discard(const char* data, std::size_t size);
  // Remembers the last bytes of a discarded line segment, enough to spot a literal announcement.
  void remember_tail(const char* data, std::size_t size);
  // Makes the error event for the current message and drops its bytes scanned so far.
  event fail(framer_error_kind kind, std::uint64_t limit);
  // Called by feed() before copying: if `bytes` make the current line segment certainly too
  // long, records the error, switches to discarding and drops the bytes examined.
  bool spot_long_line(std::string_view& bytes);
  // Moves the bytes not yet handed out to the front of the buffer.
  void compact();
  // The current message ends (or is dropped) at buffer position pos: the next one starts there.
  void start_message_at(std::size_t pos) noexcept;
  // Drops the streamed literal bytes handed out by the previous literal_data event from the
  // buffer (deferred so that the event's view stays valid until the next call).
  void drop_streamed_bytes();
  event literal_data_event(std::string_view bytes, std::uint64_t offset);
  // A literal's announcement ended the line at scanned_ (buffered or streamed): where its octets
  // start, and whether a client waits for "+" there.
  void literal_announced(const literal_info& lit) noexcept;
  bool continuation_wanted() const noexcept;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  // Longest tail that can hold "(~{" + 19 digits + "+}" + CR, rounded up.
  static constexpr std::size_t tail_capacity = 32;

  framer_side side_;
  framer_limits limits_;

  std::string buffer_;              // stream bytes from base_offset_ on
  std::uint64_t base_offset_ = 0;   // stream offset of buffer_[0]
  std::size_t begin_ = 0;           // start of the current (partial) message in buffer_
  std::size_t segment_ = 0;         // start of the current line segment in buffer_
  std::size_t scanned_ = 0;         // bytes of buffer_ already examined
  std::uint64_t literal_left_ = 0;  // literal bytes still to come in the current message
  // Buffer position right after the latest "{N}\r\n" (synchronizing, read_commands) of the
  // current message, or npos; and whether its continuation request was already taken.
  std::size_t sync_literal_end_ = npos;
  bool continuation_taken_ = false;

  // Streaming: bytes of the current streamed literal still to come; those of them fed but not
  // yet handed out, as the caller's view (pending_) or at buffer_[scanned_] (buffered ones);
  // bytes handed out from buffer_ to drop at the next call; the message's streamed literals
  // (stale_literals_: they belong to the message handed out last, cleared when the next starts).
  std::uint64_t stream_left_ = 0;
  std::string_view pending_;
  std::uint64_t pending_offset_ = 0;
  std::size_t drop_ = 0;
  // Streamed bytes left out of the current message, and how many of them were dropped from the
  // buffer by moving the message's bytes before them forward: a buffered byte at p >= scanned_
  // is at stream offset base_offset_ + p + removed_ - shift_, the message at base_offset_ +
  // begin_ - shift_.
  std::uint64_t removed_ = 0;
  std::uint64_t shift_ = 0;
  std::vector<streamed_literal> literals_;
  bool stale_literals_ = false;

  // An error found by feed(), to be returned by the next call to next().
  bool error_pending_ = false;
  framer_error pending_error_;

  // Discard state: the rest of a message that hit a limit is dropped without being buffered.
  bool discarding_ = false;
  std::uint64_t discard_literal_left_ = 0;  // literal bytes of the discarded message to skip
  bool discard_first_segment_ = false;      // the discarded segment starts its message
  bool tail_whole_ = true;                  // tail_ holds the whole discarded segment so far
  std::size_t tail_size_ = 0;
  char tail_[tail_capacity] = {};
};

}  // namespace imapkit
