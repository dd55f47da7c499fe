// resp-text and resp-text-code (RFC 9051 §7.1 / §9, RFC 3501 §7.1, RFC 5530, RFC 4315 UIDPLUS,
// RFC 7162 CONDSTORE/QRESYNC, RFC 8474 OBJECTID, RFC 5464 METADATA, RFC 4978 COMPRESS).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "imapkit/ast/lexical.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// Which resp-text-code a resp_text_code is. Codes without data carry only their kind; `other` is
// the generic form `atom [SP 1*<any TEXT-CHAR except "]">]` for codes the grammar does not know.
enum class resp_code_kind : std::uint8_t {
  // RFC 9051 / RFC 3501
  alert,
  badcharset,  // charsets (may be empty)
  capability,  // capabilities
  parse,
  permanentflags,  // flags (flag-perm, "\*" included)
  read_only,
  read_write,
  trycreate,
  uidnext,      // number
  uidvalidity,  // number
  unseen,       // number (RFC 3501 only)
  closed,       // RFC 9051 / RFC 7162 QRESYNC
  unknown_cte,  // RFC 3516 / RFC 9051
  // RFC 4315 UIDPLUS
  appenduid,  // number = uidvalidity, uids = the appended UIDs
  copyuid,    // number = uidvalidity, source_uids, uids = destination UIDs
  uidnotsticky,
  // RFC 5530
  unavailable,
  authenticationfailed,
  authorizationfailed,
  expired,
  privacyrequired,
  contactadmin,
  noperm,
  inuse,
  expungeissued,
  corruption,
  serverbug,
  clientbug,
  cannot,
  limit,
  overquota,
  alreadyexists,
  nonexistent,
  // RFC 9051 additions
  notsaved,
  haschildren,
  // RFC 7162 CONDSTORE / QRESYNC
  highestmodseq,  // number
  nomodseq,
  modified,  // uids (a sequence-set: message numbers or UIDs)
  // RFC 8474 OBJECTID
  mailboxid,  // text = objectid
  // RFC 5464 METADATA: [METADATA LONGENTRIES n] / [METADATA MAXSIZE n] / TOOMANY / NOPRIVATE
  metadata_longentries,  // number
  metadata_maxsize,      // number
  metadata_toomany,
  metadata_noprivate,
  // RFC 4978 COMPRESS
  compressionactive,
  // RFC 6154 SPECIAL-USE
  useattr,
  // anything else: name and text
  other,
};

// resp-text-code. One aggregate for every code: `kind` says which members hold data.
struct resp_text_code {
  resp_code_kind kind = resp_code_kind::other;
  std::string_view name;                // the code's atom as it arrived ("ALERT", "X-FOO", ...)
  std::uint64_t number = 0;             // UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ, APPENDUID /
                                        // COPYUID uidvalidity, METADATA LONGENTRIES / MAXSIZE
  list<imapkit::string> charsets;       // BADCHARSET (charset = atom / quoted)
  list<std::string_view> capabilities;  // CAPABILITY
  list<imapkit::flag> flags;            // PERMANENTFLAGS
  sequence_set source_uids;             // COPYUID source uid-set
  sequence_set uids;                    // APPENDUID / COPYUID destination uid-set, MODIFIED set
  std::string_view text;                // MAILBOXID objectid; the text of an unknown code

  friend bool operator==(const resp_text_code&, const resp_text_code&) = default;
};

// resp-text = ["[" resp-text-code "]" SP] [text]   (RFC 9051: the text may be empty)
struct resp_text {
  std::optional<resp_text_code> code;
  std::string_view text;

  friend bool operator==(const resp_text&, const resp_text&) = default;
};

// The upper-case name of a code kind ("READ-ONLY", "METADATA LONGENTRIES"); "" for other.
std::string_view to_string(resp_code_kind kind) noexcept;

}  // namespace imapkit
