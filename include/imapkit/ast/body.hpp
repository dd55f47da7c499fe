// body_structure: the MIME structure of a message, FETCH BODY / BODYSTRUCTURE (RFC 9051 §7.5.2,
// §9 "body" and its productions; RFC 3501 §7.4.2).
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>

#include "imapkit/ast/envelope.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// One attribute/value pair of body-fld-param = "(" string SP string *(SP string SP string) ")"
// / nil. Values are as sent: RFC 2231 continuations (name*0*, name*1*) are not joined.
struct body_param {
  imapkit::string name;
  imapkit::string value;

  friend bool operator==(const body_param&, const body_param&) = default;
};
BOOST_DESCRIBE_STRUCT(body_param, (), (name, value))

// body-fld-param; NIL is the empty list.
using body_params = list<body_param>;

// body-fld-dsp = "(" string SP body-fld-param ")" / nil   (Content-Disposition)
struct body_disposition {
  imapkit::string type;  // "attachment", "inline", ...; NIL when the field was NIL
  body_params params;    // "filename", ...

  constexpr bool is_nil() const noexcept { return type.is_nil(); }
  friend bool operator==(const body_disposition&, const body_disposition&) = default;
};
BOOST_DESCRIBE_STRUCT(body_disposition, (), (type, params))

// body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"
// Data a future revision may append after body-fld-loc; clients must accept and may ignore it.
struct body_extension {
  enum class kind_t : std::uint8_t { nstring, number, list };
  BOOST_DESCRIBE_NESTED_ENUM(kind_t, nstring, number, list)
  kind_t kind = kind_t::nstring;
  imapkit::string text;        // nstring (NIL included)
  std::uint64_t number = 0;    // number / number64
  list<body_extension> items;  // list

  friend bool operator==(const body_extension&, const body_extension&) = default;
};
BOOST_DESCRIBE_STRUCT(body_extension, (), (kind, text, number, items))

// body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
struct body_fields {
  body_params params;           // body-fld-param: Content-Type parameters ("charset", ...)
  imapkit::string id;           // body-fld-id: Content-ID
  imapkit::string description;  // body-fld-desc: Content-Description
  imapkit::string encoding;     // body-fld-enc: Content-Transfer-Encoding ("7BIT", "base64")
  std::uint32_t octets = 0;     // body-fld-octets: size of the body in its transfer encoding

  friend bool operator==(const body_fields&, const body_fields&) = default;
};
BOOST_DESCRIBE_STRUCT(body_fields, (), (params, id, description, encoding, octets))

// body = "(" (body-type-1part / body-type-mpart) ")"
//
// One node of the MIME tree. Which members mean something depends on kind:
//   basic     body-type-basic: media_type/media_subtype, fields
//   text      body-type-text:  + lines
//   message   body-type-msg (MESSAGE/RFC822, MESSAGE/GLOBAL): + lines, the encapsulated
//             message's envelope (encapsulated_envelope()) and body (parts[0])
//   multipart body-type-mpart: parts, media_subtype ("mixed", ...); media_type is NIL
// Extension data (BODYSTRUCTURE only, never BODY) is present as far as extension_fields says.
struct body_structure {
  enum class kind_t : std::uint8_t { basic, text, message, multipart };
  BOOST_DESCRIBE_NESTED_ENUM(kind_t, basic, text, message, multipart)
  kind_t kind = kind_t::basic;

  imapkit::string media_type;                // "TEXT", "IMAGE", "MESSAGE", ... (case as sent)
  imapkit::string media_subtype;             // media-subtype: "PLAIN", "RFC822", "MIXED", ...
  body_fields fields;                        // not for multipart
  std::uint64_t lines = 0;                   // body-fld-lines: text and message
  list<imapkit::envelope> message_envelope;  // message: exactly one
  list<body_structure> parts;  // multipart: 1*body; message: the one encapsulated body

  // How many of the optional extension fields were sent: 0 none (BODY, or a BODYSTRUCTURE
  // without extension data), 1 md5 (single part) / params (multipart), 2 + disposition,
  // 3 + language, 4 + location (and then any body-extension that follows).
  std::uint8_t extension_fields = 0;
  imapkit::string md5;              // body-fld-md5 (single part)
  body_params multipart_params;     // body-ext-mpart's body-fld-param (multipart)
  body_disposition disposition;     // body-fld-dsp
  list<imapkit::string> language;   // body-fld-lang: one string or a list; NIL is the empty list
  imapkit::string location;         // body-fld-loc: Content-Location
  list<body_extension> extensions;  // *(SP body-extension) after body-fld-loc

  constexpr bool is_multipart() const noexcept { return kind == kind_t::multipart; }
  // The envelope of a MESSAGE/RFC822 or MESSAGE/GLOBAL part, nullptr for other kinds.
  const imapkit::envelope* encapsulated_envelope() const noexcept {
    return message_envelope.empty() ? nullptr : &message_envelope.front();
  }
  // The body of a MESSAGE/RFC822 or MESSAGE/GLOBAL part, nullptr for other kinds.
  const body_structure* encapsulated_body() const noexcept {
    return kind == kind_t::message && !parts.empty() ? &parts.front() : nullptr;
  }

  friend bool operator==(const body_structure&, const body_structure&) = default;
};
BOOST_DESCRIBE_STRUCT(body_structure, (),
                      (kind, media_type, media_subtype, fields, lines, message_envelope, parts,
                       extension_fields, md5, multipart_params, disposition, language, location,
                       extensions))

}  // namespace imapkit
