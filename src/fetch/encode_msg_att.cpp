// The FETCH response's encoders: msg-att with every item, ENVELOPE and BODY / BODYSTRUCTURE with
// extension data. Each writes exactly the form its rule (fetch/fetch_def.hpp, bodystructure.hpp,
// envelope.hpp) reads back into an equal AST; a value the parser could not give back is an error
// naming the production.
#include <string>
#include <string_view>

#include "fetch/encode.hpp"
#include "imapkit/ast/fetch_command.hpp"
#include "imapkit/parse.hpp"
#include "lexical/encode.hpp"

namespace imapkit::encode {

namespace {

// ---------------------------------------------------------------------------------------------
// envelope, body

// address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
bool address(writer& w, const imapkit::address& a) {
  w.raw("(");
  w.nstring(a.name);
  w.sp();
  w.nstring(a.adl);
  w.sp();
  w.nstring(a.mailbox);
  w.sp();
  w.nstring(a.host);
  w.raw(")");
  return w.ok();
}

// env-from (and the other address lists) = "(" 1*address ")" / nil
bool address_list(writer& w, const imapkit::address_list& l) {
  if (l.empty()) {
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  for (const auto& a : l)
    if (!address(w, a)) return false;
  w.raw(")");
  return w.ok();
}

// envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
//            env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
bool envelope(writer& w, const imapkit::envelope& e) {
  w.raw("(");
  w.nstring(e.date);
  w.sp();
  w.nstring(e.subject);
  for (const imapkit::address_list* l : {&e.from, &e.sender, &e.reply_to, &e.to, &e.cc, &e.bcc}) {
    w.sp();
    if (!address_list(w, *l)) return false;
  }
  w.sp();
  w.nstring(e.in_reply_to);
  w.sp();
  w.nstring(e.message_id);
  w.raw(")");
  return w.ok();
}

// A string slot that cannot be NIL (media types, body-fld-param pairs, body-fld-enc ...).
bool string_value(writer& w, const imapkit::string& s, std::string_view what) {
  if (s.is_nil()) return w.fail(serialize_errc::invalid_value, what);
  return w.string(s);
}

// body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
bool body_fld_param(writer& w, const imapkit::body_params& p) {
  if (p.empty()) {
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  if (!sp_separated(w, p, [&](const imapkit::body_param& pair) {
        string_value(w, pair.name, "body-fld-param");
        w.sp();
        return string_value(w, pair.value, "body-fld-param");
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
bool body_fields(writer& w, const imapkit::body_fields& f) {
  body_fld_param(w, f.params);
  w.sp();
  w.nstring(f.id);
  w.sp();
  w.nstring(f.description);
  w.sp();
  string_value(w, f.encoding, "body-fld-enc");
  w.sp();
  return w.number(f.octets);
}

// body-fld-dsp = "(" string SP body-fld-param ")" / nil
bool body_fld_dsp(writer& w, const imapkit::body_disposition& d) {
  if (d.is_nil()) {
    if (!d.params.empty()) return w.fail(serialize_errc::invalid_value, "body-fld-dsp");
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  w.string(d.type);
  w.sp();
  body_fld_param(w, d.params);
  w.raw(")");
  return w.ok();
}

// body-fld-lang = nstring / "(" string *(SP string) ")"   (NIL: the empty list)
bool body_fld_lang(writer& w, const list<imapkit::string>& l) {
  if (l.empty()) {
    w.raw("NIL");
    return w.ok();
  }
  if (l.size() == 1) return string_value(w, l[0], "body-fld-lang");
  w.raw("(");
  if (!sp_separated(w, l,
                    [&](const imapkit::string& s) { return string_value(w, s, "body-fld-lang"); }))
    return false;
  w.raw(")");
  return w.ok();
}

// body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"
bool body_extension(writer& w, const imapkit::body_extension& e) {
  if (!w.ok()) return false;
  switch (e.kind) {
    case imapkit::body_extension::kind_t::nstring:
      if (e.number != 0 || !e.items.empty())
        return w.fail(serialize_errc::invalid_value, "body-extension");
      return w.nstring(e.text);
    case imapkit::body_extension::kind_t::number:
      if (!(e.text == imapkit::string{}) || !e.items.empty())
        return w.fail(serialize_errc::invalid_value, "body-extension");
      return w.number64(e.number);
    case imapkit::body_extension::kind_t::list:
      if (e.items.empty() || !(e.text == imapkit::string{}) || e.number != 0)
        return w.fail(serialize_errc::invalid_value, "body-extension");
      w.raw("(");
      if (!sp_separated(w, e.items, [&](const auto& i) { return body_extension(w, i); }))
        return false;
      w.raw(")");
      return w.ok();
  }
  return w.fail(serialize_errc::invalid_value, "body-extension");
}

// [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]], as far as
// extension_fields says; the fields past it must be empty, or they would not come back.
bool body_ext_after_first(writer& w, const imapkit::body_structure& b) {
  const unsigned n = b.extension_fields;
  if ((n < 2 && !(b.disposition == imapkit::body_disposition{})) ||
      (n < 3 && !b.language.empty()) ||
      (n < 4 && (!(b.location == imapkit::string{}) || !b.extensions.empty())))
    return w.fail(serialize_errc::invalid_value, "body-extension");
  if (n >= 2) {
    w.sp();
    if (!body_fld_dsp(w, b.disposition)) return false;
  }
  if (n >= 3) {
    w.sp();
    if (!body_fld_lang(w, b.language)) return false;
  }
  if (n >= 4) {
    w.sp();
    w.nstring(b.location);
    for (const auto& e : b.extensions) {
      w.sp();
      if (!body_extension(w, e)) return false;
    }
  }
  return w.ok();
}

bool is_media(const imapkit::string& s, std::string_view word) {
  return !s.is_nil() && iequals(s.value, word);
}

bool body(writer& w, const imapkit::body_structure& b);

// body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
// body-type-basic = media-basic SP body-fields
// body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
// body-type-text  = media-text SP body-fields SP body-fld-lines
// body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc ...]]]
bool body_type_1part(writer& w, const imapkit::body_structure& b) {
  using kind_t = imapkit::body_structure::kind_t;
  // The parser tells the kinds apart by the media type, and MESSAGE/GLOBAL by the envelope:
  // RFC 3501's grammar has it as body-type-basic, RFC 9051's as body-type-msg.
  const bool text = is_media(b.media_type, "TEXT");
  const bool message = is_media(b.media_type, "MESSAGE") &&
                       (is_media(b.media_subtype, "RFC822") || is_media(b.media_subtype, "GLOBAL"));
  const kind_t expected = text ? kind_t::text : message ? kind_t::message : kind_t::basic;
  const bool global_as_basic =
      b.kind == kind_t::basic && message && is_media(b.media_subtype, "GLOBAL");
  if ((b.kind != expected && !global_as_basic) || !b.multipart_params.empty() ||
      (b.kind != kind_t::message && (!b.parts.empty() || !b.message_envelope.empty())) ||
      (b.kind == kind_t::basic && b.lines != 0) ||
      (b.kind == kind_t::message && (b.parts.size() != 1 || b.message_envelope.size() != 1)) ||
      b.extension_fields > 4 || (b.extension_fields == 0 && !(b.md5 == imapkit::string{})))
    return w.fail(serialize_errc::invalid_value, "body-type-1part");
  string_value(w, b.media_type, "media-type");
  w.sp();
  string_value(w, b.media_subtype, "media-subtype");
  w.sp();
  if (!body_fields(w, b.fields)) return false;
  if (b.kind == kind_t::message) {
    w.sp();
    if (!envelope(w, b.message_envelope[0])) return false;
    w.sp();
    if (!body(w, b.parts[0])) return false;
  }
  if (b.kind != kind_t::basic) {
    w.sp();
    w.number64(b.lines);
  }
  if (b.extension_fields == 0) return w.ok();
  w.sp();
  w.nstring(b.md5);
  return body_ext_after_first(w, b);
}

// body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
// body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc ...]]]
bool body_type_mpart(writer& w, const imapkit::body_structure& b) {
  if (b.parts.empty() || !b.media_type.is_nil() || !(b.fields == imapkit::body_fields{}) ||
      b.lines != 0 || !b.message_envelope.empty() || !(b.md5 == imapkit::string{}) ||
      b.extension_fields > 4 || (b.extension_fields == 0 && !b.multipart_params.empty()))
    return w.fail(serialize_errc::invalid_value, "body-type-mpart");
  for (const auto& part : b.parts)
    if (!body(w, part)) return false;
  w.sp();
  string_value(w, b.media_subtype, "media-subtype");
  if (b.extension_fields == 0) return w.ok();
  w.sp();
  body_fld_param(w, b.multipart_params);
  return body_ext_after_first(w, b);
}

// body = "(" (body-type-1part / body-type-mpart) ")"
bool body(writer& w, const imapkit::body_structure& b) {
  if (!w.ok()) return false;
  w.raw("(");
  if (b.kind == imapkit::body_structure::kind_t::multipart) {
    if (!body_type_mpart(w, b)) return false;
  } else if (!body_type_1part(w, b)) {
    return false;
  }
  w.raw(")");
  return w.ok();
}

// ---------------------------------------------------------------------------------------------
// msg-att

// "<" number ">"
void origin_octet(writer& w, const std::optional<std::uint32_t>& origin) {
  if (!origin) return;
  w.raw("<");
  w.number(*origin);
  w.raw(">");
}

// The name of an unknown FETCH item must not be read as a known one.
bool is_known_fetch_name(std::string_view name) {
  for (const keyword_row<fetch_att_kind>& row : fetch_att_names)
    if (row.is_keyword && starts_with_keyword(name, row.keyword)) return true;
  for (const keyword_row<vendor_item>& row : vendor_item_names)
    if (starts_with_keyword(name, row.keyword)) return true;
  return istarts_with(name, "BODY[") || istarts_with(name, "BINARY[") ||
         istarts_with(name, "BINARY.SIZE[");
}

struct msg_att_encoder {
  writer& w;

  // "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
  bool operator()(const fetch_flags& f) {
    w.raw(to_string(fetch_att_kind::flags)).sp();
    return w.flag_list(f.flags);
  }
  // "MODSEQ" SP "(" permsg-modsequence ")"
  bool operator()(const fetch_modseq& m) {
    w.raw(to_string(fetch_att_kind::modseq)).raw(" (");
    if (!mod_sequence_value(w, m.value)) return false;
    w.raw(")");
    return w.ok();
  }
  // "ENVELOPE" SP envelope
  bool operator()(const fetch_envelope& e) {
    w.raw(to_string(fetch_att_kind::envelope)).sp();
    return envelope(w, e.value);
  }
  // "INTERNALDATE" SP date-time
  bool operator()(const fetch_internal_date& d) {
    w.raw(to_string(fetch_att_kind::internal_date)).sp();
    return w.date_time(d.value);
  }
  // "RFC822.SIZE" SP number64
  bool operator()(const fetch_rfc822_size& s) {
    w.raw(to_string(fetch_att_kind::rfc822_size)).sp();
    return w.number64(s.value);
  }
  // "RFC822" [".HEADER" / ".TEXT"] SP nstring
  bool operator()(const fetch_rfc822& r) {
    switch (r.part) {
      case fetch_rfc822::part_t::whole:
        w.raw(to_string(fetch_att_kind::rfc822)).sp();
        break;
      case fetch_rfc822::part_t::header:
        w.raw(to_string(fetch_att_kind::rfc822_header)).sp();
        break;
      case fetch_rfc822::part_t::text:
        w.raw(to_string(fetch_att_kind::rfc822_text)).sp();
        break;
      default:
        return w.fail(serialize_errc::invalid_value, "msg-att-static");
    }
    return w.message_data(r.data);
  }
  // "BODY" SP body / "BODYSTRUCTURE" SP body
  bool operator()(const fetch_body_structure& b) {
    w.raw(to_string(b.extensible ? fetch_att_kind::body_structure : fetch_att_kind::body)).sp();
    return body(w, b.value);
  }
  // "BODY" section ["<" number ">"] SP nstring
  bool operator()(const fetch_body_section& b) {
    w.raw("BODY");
    if (!section(w, b.section)) return false;
    origin_octet(w, b.origin);
    w.sp();
    return w.message_data(b.data);
  }
  // "BINARY" section-binary ["<" number ">"] SP (nstring / literal8)
  bool operator()(const fetch_binary& b) {
    w.raw("BINARY");
    if (!section_binary(w, b.section)) return false;
    origin_octet(w, b.origin);
    w.sp();
    return w.message_data(b.data, true);
  }
  // "BINARY.SIZE" section-binary SP number
  bool operator()(const fetch_binary_size& b) {
    w.raw("BINARY.SIZE");
    if (!section_binary(w, b.section)) return false;
    w.sp();
    return w.number(b.size);
  }
  // "UID" SP uniqueid
  bool operator()(const fetch_uid& u) {
    w.raw(to_string(fetch_att_kind::uid)).sp();
    return w.nz_number(u.value);
  }
  // "EMAILID" SP "(" objectid ")" / "THREADID" SP ("(" objectid ")" / nil)
  bool operator()(const fetch_object_id& o) {
    const bool thread = o.which == fetch_object_id::which_t::thread_id;
    if (!thread && o.which != fetch_object_id::which_t::email_id)
      return w.fail(serialize_errc::invalid_value, "msg-att");
    if (o.is_nil) {
      if (!thread || !o.id.empty()) return w.fail(serialize_errc::invalid_value, "THREADID");
      w.raw(to_string(fetch_att_kind::thread_id)).raw(" NIL");
      return w.ok();
    }
    w.raw(to_string(thread ? fetch_att_kind::thread_id : fetch_att_kind::email_id)).raw(" (");
    objectid(w, o.id);
    w.raw(")");
    return w.ok();
  }
  // "PREVIEW" SP nstring
  bool operator()(const fetch_preview& p) {
    w.raw(to_string(fetch_att_kind::preview)).sp();
    return w.nstring(p.text);
  }
  // "SAVEDATE" SP (date-time / nil)
  bool operator()(const fetch_save_date& s) {
    w.raw(to_string(fetch_att_kind::save_date)).sp();
    if (!s.value) {
      w.raw("NIL");
      return w.ok();
    }
    return w.date_time(*s.value);
  }
  // "X-GM-MSGID" SP number64 / "X-GM-THRID" SP number64
  bool operator()(const fetch_gmail_id& g) {
    if (g.which == fetch_gmail_id::which_t::message_id)
      w.raw(to_string(vendor_item::gmail_msgid));
    else if (g.which == fetch_gmail_id::which_t::thread_id)
      w.raw(to_string(vendor_item::gmail_thrid));
    else
      return w.fail(serialize_errc::invalid_value, "msg-att");
    w.sp();
    return w.number64(g.value);
  }
  // "X-GM-LABELS" SP "(" [label *(SP label)] ")"
  bool operator()(const fetch_gmail_labels& g) {
    w.raw(to_string(vendor_item::gmail_labels)).raw(" (");
    if (!sp_separated(w, g.labels, [&](const imapkit::string& l) { return gmail_label(w, l); }))
      return false;
    w.raw(")");
    return w.ok();
  }
  // "SNIPPET" SP "(" atom SP nstring ")"
  bool operator()(const fetch_snippet& s) {
    w.raw(to_string(vendor_item::snippet)).raw(" (");
    if (!is_valid_atom(s.algorithm)) return w.fail(serialize_errc::invalid_atom, "SNIPPET");
    w.raw(s.algorithm).sp();
    w.nstring(s.text);
    w.raw(")");
    return w.ok();
  }
  // "X-GUID" SP astring
  bool operator()(const fetch_x_guid& g) {
    w.raw(to_string(vendor_item::x_guid)).sp();
    return astring_value(w, g.guid, "X-GUID");
  }
  // "X-MAILBOX" SP mailbox
  bool operator()(const fetch_x_mailbox& m) {
    w.raw(to_string(vendor_item::x_mailbox)).sp();
    return w.mailbox(m.mailbox);
  }
  // "ANNOTATION" SP ("(" entry-att *(SP entry-att) ")" / "(" entry *(SP entry) ")")   (RFC 5257)
  bool operator()(const fetch_annotation& a) {
    if (a.entries.empty() == a.changed.empty())
      return w.fail(serialize_errc::invalid_value, "ANNOTATION");
    w.raw(to_string(fetch_att_kind::annotation)).raw(" (");
    const bool written =
        a.changed.empty()
            ? sp_separated(w, a.entries, [&](const annotation_entry& e) { return entry_att(w, e); })
            : sp_separated(w, a.changed,
                           [&](const imapkit::string& e) { return astring_value(w, e, "entry"); });
    if (!written) return false;
    w.raw(")");
    return w.ok();
  }
  // Any other item: a name (a token, "[section]<n>" included) SP a generic value.
  bool operator()(const fetch_other& o) {
    if (is_known_fetch_name(o.name)) return w.fail(serialize_errc::invalid_value, "msg-att");
    // The name is a token like a generic value's atom: generic_value checks and writes it.
    imapkit::generic_value name;
    name.kind = imapkit::generic_value::kind_t::atom;
    name.text = imapkit::string::atom(o.name);
    if (!w.generic_value(name)) return false;
    w.sp();
    return w.generic_value(o.value);
  }
  // An item kept as sent (quirk::item_recovery): its bytes as they are, once the grammar has read
  // them back as this very item, so they can hold nothing that leaves the item's slot (an
  // unbalanced ")", a literal whose size lies). Rare, so the allocation of the check is fine.
  bool operator()(const fetch_invalid& i) {
    std::string items = "(";
    items += i.bytes;
    items += ')';
    arena mem;
    parse_options reading;
    reading.quirks = {quirk::item_recovery};
    const result<msg_att_list> back = parse_fetch_items(items, mem, reading);
    const fetch_invalid* same =
        back && back->size() == 1 ? (*back)[0].get<fetch_invalid>() : nullptr;
    if (same == nullptr || !(*same == i)) return w.fail(serialize_errc::invalid_value, "msg-att");
    w.raw(i.bytes);
    return w.ok();
  }
};

}  // namespace

// X-GM-LABELS' label = "NIL" / "\" atom / astring (lexical/gmail.hpp); FETCH's and STORE's.
bool gmail_label(writer& w, const imapkit::string& l) {
  if (l.is_nil()) {
    w.raw("NIL");
    return w.ok();
  }
  if (!l.value.empty() && l.value.front() == '\\' && is_valid_atom(l.value.substr(1))) {
    w.raw(l.value);
    return w.ok();
  }
  // A label named NIL is quoted, or it would come back as NIL; astring quotes anything with a
  // backslash.
  if (iequals(l.value, "NIL")) return w.quoted(l.value);
  return w.astring(l);
}

// msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
bool msg_att(writer& w, const msg_att_list& items) {
  if (items.empty()) return w.fail(serialize_errc::invalid_value, "msg-att");
  w.raw("(");
  if (!sp_separated(w, items, [&](const imapkit::msg_att& a) {
        return std::visit(msg_att_encoder{w}, a.value);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

}  // namespace imapkit::encode
