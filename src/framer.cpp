#include "imapkit/framer.hpp"

#include <algorithm>
#include <cstring>

#include "abnf/ascii.hpp"

namespace imapkit {

namespace {

// number64 (RFC 9051): 0 .. 2^63-1, at most 19 digits.
constexpr std::size_t max_literal_digits = 19;
constexpr std::uint64_t max_number64 = (std::uint64_t{1} << 63) - 1;

using abnf::is_digit;

}  // namespace

std::string_view to_string(framer_error_kind kind) noexcept {
  switch (kind) {
    case framer_error_kind::line_too_long:
      return "line_too_long";
    case framer_error_kind::literal_too_large:
      return "literal_too_large";
    case framer_error_kind::message_too_large:
      return "message_too_large";
    case framer_error_kind::streamed_literal_too_large:
      return "streamed_literal_too_large";
  }
  return "unknown";
}

std::string_view framer_error::limit_name() const noexcept {
  switch (kind) {
    case framer_error_kind::line_too_long:
      return "max_line_length";
    case framer_error_kind::literal_too_large:
      return "max_literal_size";
    case framer_error_kind::message_too_large:
      return "max_message_size";
    case framer_error_kind::streamed_literal_too_large:
      return "max_streamed_literal_size";
  }
  return "unknown";
}

const streamed_literal* find_streamed_literal(std::span<const streamed_literal> literals,
                                              std::size_t offset) noexcept {
  const auto it =
      std::lower_bound(literals.begin(), literals.end(), offset,
                       [](const streamed_literal& l, std::size_t o) { return l.offset < o; });
  return it != literals.end() && it->offset == offset ? &*it : nullptr;
}

std::uint64_t streamed_size(std::span<const streamed_literal> literals) noexcept {
  std::uint64_t total = 0;
  for (const streamed_literal& l : literals) total += l.size;
  return total;
}

std::uint64_t offset_with_streamed(std::size_t offset,
                                   std::span<const streamed_literal> literals) noexcept {
  std::uint64_t result = offset;
  for (const streamed_literal& l : literals)
    if (l.offset <= offset) result += l.size;
  return result;
}

framer::framer(framer_side side) : framer(side, framer_limits::for_side(side)) {}

framer::framer(framer_side side, framer_limits limits) : side_(side), limits_(limits) {}

literal_announcement find_literal_announcement(std::string_view line,
                                               bool starts_message) noexcept {
  literal_announcement lit;
  std::size_t i = line.size();
  if (i < 3 || line[i - 1] != '}') return lit;
  --i;
  bool synchronizing = true;
  if (line[i - 1] == '+' || line[i - 1] == '-') {
    synchronizing = false;
    --i;
  }
  const std::size_t digits_end = i;
  while (i > 0 && is_digit(line[i - 1])) --i;
  const std::size_t digits = digits_end - i;
  if (digits == 0 || i == 0 || line[i - 1] != '{') return lit;
  std::size_t start = i - 1;  // the '{'
  if (start > 0 && line[start - 1] == '~') --start;
  // Only an argument can be a literal: `INBOX{3}` is an atom (Dovecot agrees). At the segment
  // start, the byte before would be literal data, which says nothing about arguments.
  const bool argument_start =
      start == 0 ? starts_message : (line[start - 1] == ' ' || line[start - 1] == '(');
  if (!argument_start) return lit;

  lit.found = true;
  lit.start = start;
  lit.synchronizing = synchronizing;
  if (digits > max_literal_digits) return lit;  // not a number64: a bad literal
  std::uint64_t n = 0;
  for (std::size_t d = i; d < digits_end; ++d) n = n * 10 + static_cast<unsigned>(line[d] - '0');
  if (n > max_number64) return lit;  // 19 digits fit in uint64, but not in number64
  lit.valid = true;
  lit.size = n;
  return lit;
}

framer::event framer::fail(framer_error_kind kind, std::uint64_t limit) {
  event e;
  e.kind = status::error;
  e.offset = stream_offset();
  e.error = framer_error{kind, e.offset, limit};
  // The message's bytes scanned so far are dropped; the caller decides about the rest.
  start_message_at(scanned_);
  literal_left_ = 0;
  sync_literal_end_ = npos;
  stale_literals_ = true;
  return e;
}

void framer::start_message_at(std::size_t pos) noexcept {
  begin_ = segment_ = pos;
  base_offset_ += removed_ - shift_;
  removed_ = shift_ = 0;
}

void framer::drop_streamed_bytes() {
  if (drop_ == 0) return;
  // Moving the message's bytes forward over the dropped ones costs the message's buffered part,
  // not the rest of the feed behind them.
  std::memmove(buffer_.data() + begin_ + drop_, buffer_.data() + begin_, scanned_ - begin_);
  begin_ += drop_;
  segment_ += drop_;
  scanned_ += drop_;
  removed_ += drop_;
  shift_ += drop_;
  drop_ = 0;
}

framer::event framer::literal_data_event(std::string_view bytes, std::uint64_t offset) {
  event e;
  e.kind = status::literal_data;
  e.message = bytes;
  e.offset = offset;
  e.literal = literals_.back();
  e.literal_position = e.literal.size - stream_left_;
  stream_left_ -= bytes.size();
  e.literal_end = stream_left_ == 0;
  // The segment after the literal starts at scanned_ (bytes dropped from the buffer move it
  // forward with everything else).
  if (e.literal_end) segment_ = scanned_;
  sync_literal_end_ = npos;  // the bytes came: nothing to refuse or to wait for any more
  return e;
}

void framer::abandon_at_line_end(const literal_info& lit) {
  // A client whose synchronizing literal is refused sends no bytes and drops the command, and a
  // bad N cannot be counted: either way the message ends here. The bytes of other literals are
  // not waited for, so they are coming: skip them and the rest of the message.
  if (!lit.found || !lit.valid || (lit.synchronizing && side_ == framer_side::read_commands)) {
    return;
  }
  discarding_ = true;
  discard_literal_left_ = lit.size;
  discard_first_segment_ = false;
  tail_size_ = 0;
  tail_whole_ = true;
}

void framer::remember_tail(const char* data, std::size_t size) {
  if (tail_size_ + size > tail_capacity) tail_whole_ = false;
  if (size >= tail_capacity) {
    std::memcpy(tail_, data + size - tail_capacity, tail_capacity);
    tail_size_ = tail_capacity;
  } else if (tail_size_ + size <= tail_capacity) {
    std::memcpy(tail_ + tail_size_, data, size);
    tail_size_ += size;
  } else {
    const std::size_t keep = tail_capacity - size;
    std::memmove(tail_, tail_ + tail_size_ - keep, keep);
    std::memcpy(tail_ + keep, data, size);
    tail_size_ = tail_capacity;
  }
}

std::size_t framer::discard(const char* data, std::size_t size) {
  std::size_t i = 0;
  while (i < size) {
    if (discard_literal_left_ > 0) {
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(size - i, discard_literal_left_));
      i += take;
      discard_literal_left_ -= take;
      continue;  // the segment after the literal starts with an empty tail
    }
    const auto* lf = static_cast<const char*>(std::memchr(data + i, '\n', size - i));
    if (lf == nullptr) {
      remember_tail(data + i, size - i);
      return size;
    }
    const auto lf_pos = static_cast<std::size_t>(lf - data);
    remember_tail(data + i, lf_pos - i);
    i = lf_pos + 1;
    std::string_view line(tail_, tail_size_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const literal_info lit = find_literal_announcement(line, tail_whole_ && discard_first_segment_);
    tail_size_ = 0;
    tail_whole_ = true;
    discard_first_segment_ = false;
    if (!lit.found || !lit.valid || (lit.synchronizing && side_ == framer_side::read_commands)) {
      discarding_ = false;  // end of the discarded message
      return i;
    }
    discard_literal_left_ = lit.size;
  }
  return i;
}

void framer::compact() {
  if (begin_ == 0) return;
  buffer_.erase(0, begin_);  // keeps the capacity: no allocation in steady state
  base_offset_ += begin_;
  scanned_ -= begin_;
  segment_ -= begin_;
  if (sync_literal_end_ != npos) sync_literal_end_ -= begin_;
  begin_ = 0;
}

bool framer::spot_long_line(std::string_view& bytes) {
  // Only when every buffered byte is framed and we are inside a line segment: then the next
  // event is about these bytes, and deciding it now changes nothing but the cost.
  if (discarding_ || error_pending_ || literal_left_ > 0 || stream_left_ > 0 ||
      scanned_ != buffer_.size() || limits_.max_line_length > static_cast<std::size_t>(-1) - 2) {
    return false;
  }
  const std::size_t seen = buffer_.size() - segment_;  // < max_line_length + 2, or next() failed
  const std::size_t needed = limits_.max_line_length + 2 - seen;
  if (bytes.size() < needed || std::memchr(bytes.data(), '\n', needed) != nullptr) return false;

  discard_first_segment_ = segment_ == begin_;
  tail_size_ = 0;
  tail_whole_ = true;
  remember_tail(buffer_.data() + segment_, seen);
  remember_tail(bytes.data(), needed);
  scanned_ = buffer_.size();
  const event e = fail(framer_error_kind::line_too_long, limits_.max_line_length);
  pending_error_ = e.error;
  error_pending_ = true;
  discarding_ = true;
  discard_literal_left_ = 0;
  compact();
  base_offset_ += needed;
  bytes.remove_prefix(needed);
  return true;
}

void framer::feed(std::string_view bytes) {
  drop_streamed_bytes();
  if (!pending_.empty()) {
    // Fed again before the last feed's literal bytes were handed out: they go before the bytes
    // buffered behind them (that feed is still valid: the caller has not drained it).
    buffer_.insert(scanned_, pending_);
    removed_ -= pending_.size();
    pending_ = {};
  }
  // An over-long line is never copied: once it is certain, its bytes are counted and dropped.
  if (bytes.size() > limits_.max_line_length / 2) spot_long_line(bytes);
  if (discarding_ && scanned_ == buffer_.size()) {
    // Nothing is buffered ahead of these bytes, so the discarded part never needs copying.
    const std::size_t dropped = discard(bytes.data(), bytes.size());
    compact();
    base_offset_ += dropped;
    bytes.remove_prefix(dropped);
  }
  if (stream_left_ > 0 && scanned_ == buffer_.size() && !bytes.empty()) {
    // A streamed literal's bytes with nothing buffered ahead of them: handed out where they are.
    const std::size_t take =
        static_cast<std::size_t>(std::min<std::uint64_t>(bytes.size(), stream_left_));
    pending_ = bytes.substr(0, take);
    pending_offset_ = base_offset_ + buffer_.size() + removed_ - shift_;
    removed_ += take;
    sync_literal_end_ = npos;
    bytes.remove_prefix(take);
  }
  if (bytes.empty()) return;
  // Move the partial message to the front when it is no longer than what was handed out before
  // it (so each byte handed out pays for at most one byte moved, and the buffer's hot part stays
  // small), or when the new bytes would not fit behind it (instead of growing the buffer).
  if (begin_ >= buffered() || buffer_.size() + bytes.size() > buffer_.capacity()) compact();
  buffer_.append(bytes);
}

framer::event framer::next() {
  drop_streamed_bytes();
  if (error_pending_) {
    error_pending_ = false;
    event e;
    e.kind = status::error;
    e.offset = pending_error_.offset;
    e.error = pending_error_;
    return e;
  }
  for (;;) {
    if (discarding_) {
      scanned_ += discard(buffer_.data() + scanned_, buffer_.size() - scanned_);
      start_message_at(scanned_);
      if (discarding_) break;
      continue;
    }

    if (stream_left_ > 0) {
      if (!pending_.empty()) {
        const std::string_view bytes = pending_;
        pending_ = {};
        return literal_data_event(bytes, pending_offset_);
      }
      const std::size_t available = buffer_.size() - scanned_;
      if (available == 0) break;
      drop_ = static_cast<std::size_t>(std::min<std::uint64_t>(available, stream_left_));
      return literal_data_event(std::string_view(buffer_.data() + scanned_, drop_),
                                base_offset_ + scanned_ + removed_ - shift_);
    }

    if (literal_left_ > 0) {
      // Literal bytes are never looked at: skipping them costs O(1) per call.
      const std::size_t take = static_cast<std::size_t>(
          std::min<std::uint64_t>(buffer_.size() - scanned_, literal_left_));
      scanned_ += take;
      literal_left_ -= take;
      if (literal_left_ > 0) break;
      segment_ = scanned_;
    }

    const char* base = buffer_.data();
    const auto* lf =
        static_cast<const char*>(std::memchr(base + scanned_, '\n', buffer_.size() - scanned_));
    if (lf == nullptr) {
      scanned_ = buffer_.size();
      // Report as soon as the segment cannot end within the limit (a CR may still be the
      // terminator, hence +2), and stop buffering it.
      const std::size_t seen = scanned_ - segment_;
      if (seen > limits_.max_line_length && seen - limits_.max_line_length >= 2) {
        discarding_ = true;
        discard_literal_left_ = 0;
        discard_first_segment_ = segment_ == begin_;
        tail_size_ = 0;
        tail_whole_ = true;
        remember_tail(base + segment_, seen);
        return fail(framer_error_kind::line_too_long, limits_.max_line_length);
      }
      break;
    }

    scanned_ = static_cast<std::size_t>(lf - base) + 1;
    std::size_t line_end = scanned_ - 1;  // a bare LF ends a line too
    if (line_end > segment_ && base[line_end - 1] == '\r') --line_end;
    const std::string_view line(base + segment_, line_end - segment_);
    const literal_info lit = !line.empty() && line.back() == '}'
                                 ? find_literal_announcement(line, segment_ == begin_)
                                 : literal_info{};
    const std::uint64_t message_size = scanned_ - begin_;

    if (line.size() > limits_.max_line_length) {
      event e = fail(framer_error_kind::line_too_long, limits_.max_line_length);
      abandon_at_line_end(lit);
      return e;
    }
    if (message_size > limits_.max_message_size) {
      event e = fail(framer_error_kind::message_too_large, limits_.max_message_size);
      abandon_at_line_end(lit);
      return e;
    }
    if (!lit.found) {
      event e;
      e.kind = status::message;
      e.message = std::string_view(base + begin_, scanned_ - begin_);
      e.offset = stream_offset();
      if (stale_literals_) literals_.clear();
      e.literals = literals_;
      stale_literals_ = true;
      start_message_at(scanned_);
      sync_literal_end_ = npos;
      return e;
    }
    if (lit.valid && lit.size > limits_.stream_literals_above) {
      if (lit.size > limits_.max_streamed_literal_size) {
        event e =
            fail(framer_error_kind::streamed_literal_too_large, limits_.max_streamed_literal_size);
        abandon_at_line_end(lit);
        return e;
      }
      if (stale_literals_) literals_.clear();
      stale_literals_ = false;
      streamed_literal literal;
      literal.size = lit.size;
      literal.offset = scanned_ - begin_;
      literal.index = static_cast<std::uint32_t>(literals_.size() + 1);
      literal.binary = line[lit.start] == '~';
      literals_.push_back(literal);
      stream_left_ = lit.size;
      literal_announced(lit);
      event e;
      e.kind = status::literal_begin;
      e.message = std::string_view(base + begin_, scanned_ - begin_);
      e.offset = stream_offset();
      e.literal = literal;
      e.literals = literals_;
      return e;
    }
    if (!lit.valid || lit.size > limits_.max_literal_size) {
      event e = fail(framer_error_kind::literal_too_large, limits_.max_literal_size);
      abandon_at_line_end(lit);
      return e;
    }
    if (lit.size > limits_.max_message_size - message_size) {
      event e = fail(framer_error_kind::message_too_large, limits_.max_message_size);
      abandon_at_line_end(lit);
      return e;
    }

    literal_left_ = lit.size;
    literal_announced(lit);
  }
  event e;
  e.kind = status::need_more;
  e.offset = stream_offset();
  return e;
}

void framer::literal_announced(const literal_info& lit) noexcept {
  segment_ = scanned_;  // the segment after the literal starts after its octets
  if (lit.synchronizing && side_ == framer_side::read_commands) {
    sync_literal_end_ = scanned_;
    continuation_taken_ = false;
  } else {
    sync_literal_end_ = npos;  // refuse_literal() applies to the latest literal only
  }
}

bool framer::continuation_wanted() const noexcept {
  return side_ == framer_side::read_commands && !discarding_ && sync_literal_end_ == buffer_.size();
}

bool framer::awaiting_continuation() const noexcept { return continuation_wanted(); }

bool framer::take_continuation_request() noexcept {
  if (!continuation_wanted() || continuation_taken_) return false;
  continuation_taken_ = true;
  return true;
}

bool framer::refuse_literal() noexcept {
  if (side_ != framer_side::read_commands || discarding_ || sync_literal_end_ == npos) {
    return false;
  }
  // Bytes after the announcement (if any were scanned as literal data) are the next command.
  scanned_ = sync_literal_end_;
  start_message_at(scanned_);
  literal_left_ = 0;
  stream_left_ = 0;
  stale_literals_ = true;
  sync_literal_end_ = npos;
  return true;
}

}  // namespace imapkit
