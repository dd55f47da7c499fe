// mime: a small MIME walker for the example server. From the bytes of a stored RFC 5322
// message it computes what FETCH returns: ENVELOPE, BODY / BODYSTRUCTURE, BODY[section] and
// BINARY[part]. Dovecot's answers for the same messages are the reference (tested by
// integration.server_mime_vs_dovecot).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/arena.hpp"
#include "imapkit/ast/body.hpp"
#include "imapkit/ast/envelope.hpp"
#include "imapkit/ast/section.hpp"

namespace server {

class mime_message {
 public:
  // Walks the message's MIME structure. The bytes must outlive this object. Never fails: a part
  // whose MIME headers are missing or malformed gets the RFC 2045 defaults (text/plain;
  // charset=us-ascii, 7bit); a multipart without its boundary holds one empty text/plain part,
  // as Dovecot shows it.
  explicit mime_message(std::string_view bytes);
  ~mime_message();
  mime_message(mime_message&&) noexcept;
  mime_message& operator=(mime_message&&) noexcept;

  std::string_view bytes() const noexcept;
  std::string_view header() const noexcept;  // the top-level header, blank line included
  std::string_view text() const noexcept;    // the top-level body

  // ENVELOPE (RFC 9051 §7.5.2). Strings point into the message or into the arena.
  imapkit::envelope envelope(imapkit::arena& arena) const;

  // BODY (extended == false) or BODYSTRUCTURE (extended == true, with extension data).
  imapkit::body_structure body_structure(imapkit::arena& arena, bool extended) const;

  // The bytes BODY[section] returns (before any <partial>). A section naming no existing part
  // gives std::nullopt (the server sends NIL / an empty string, as it chooses).
  std::optional<std::string> section(const imapkit::section& section) const;

  // BINARY[part] (RFC 3516): the part's content with its Content-Transfer-Encoding undone.
  // std::nullopt when the part does not exist; binary_error::unknown_encoding when the encoding
  // is not 7bit/8bit/binary/base64/quoted-printable (the server answers UNKNOWN-CTE).
  enum class binary_error : std::uint8_t { none, no_such_part, unknown_encoding };
  binary_error binary(std::span<const std::uint32_t> part, std::string& decoded) const;

  // The unfolded values of every header field called `name` (case-insensitive) in the
  // top-level header, in order: for SEARCH HEADER/FROM/SUBJECT/... and SENTBEFORE & co.
  std::vector<std::string> header_values(std::string_view name) const;

 private:
  struct impl;
  impl* impl_;
};

}  // namespace server
