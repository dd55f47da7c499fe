// body: the MIME structure of FETCH BODY / BODYSTRUCTURE (RFC 9051 §9; RFC 3501 §9).
//
// Recursive: multipart bodies hold bodies, message/rfc822 and message/global hold an envelope and
// a body. Every opening parenthesis of the recursion goes through nest[], so a deeply nested
// input stops at options.max_depth instead of exhausting the stack.
//
// Every rule here is defined with IMAPKIT_DEFINE and referenced by its rule object, never by
// its definition: a definition embedded in another one repeats its whole type, and nested this
// deep that made parse_fetch.cpp a 2.3 GB object file.
#pragma once

#include "abnf/ascii.hpp"
#include "fetch/envelope.hpp"
#include "imapkit/ast/body.hpp"
#include "lexical/lexical.hpp"
#include "lexical/recover.hpp"

namespace imapkit::grammar {

namespace body_detail {

// media-text = DQUOTE "TEXT" DQUOTE SP media-subtype
constexpr bool is_media_text(const imapkit::body_structure& b) noexcept {
  return abnf::iequals_upper(b.media_type.value, "TEXT");
}

// media-message = DQUOTE "MESSAGE" DQUOTE SP DQUOTE ("RFC822" / "GLOBAL") DQUOTE
constexpr bool is_media_message(const imapkit::body_structure& b) noexcept {
  return abnf::iequals_upper(b.media_type.value, "MESSAGE") &&
         (abnf::iequals_upper(b.media_subtype.value, "RFC822") ||
          abnf::iequals_upper(b.media_subtype.value, "GLOBAL"));
}

template <imapkit::body_structure::kind_t Kind>
inline constexpr auto set_kind = [](auto& ctx) { x3::_val(ctx).kind = Kind; };

// string = quoted / literal, told apart by the first byte ('"' or '{').
template <class Context, class RContext, class Attribute>
inline bool quoted_or_literal(const char*& first, const char* last, const Context& ctx,
                              RContext& rctx, Attribute& attr) {
  if (*first == '"') return primitives::quoted_parser{}.parse(first, last, ctx, rctx, attr);
  return primitives::literal_parser<false>{}.parse(first, last, ctx, rctx, attr);
}

// string = quoted / literal, told apart by the first byte; lenient (atoms_in_body_fields): an
// atom other than NIL, (CHARSET X-UNKNOWN) and an unquoted 7BIT (vmime's and libetpan's
// fixtures; docs/quirks.md), yielded as a string. One primitive, so that the string fields of
// a body cost no more than `string` did.
struct body_string_parser : x3::parser<body_string_parser> {
  using attribute_type = imapkit::string;
  static bool const has_attribute = true;
  static constexpr std::string_view expected_name = "string";

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    if (first == last) return false;
    if (*first == '"' || *first == '{') return quoted_or_literal(first, last, ctx, rctx, attr);
    const char* p = first;
    while (p != last && chars::is(chars::atom_char, *p)) ++p;
    const std::string_view run(first, static_cast<std::size_t>(p - first));
    if (run.empty() || abnf::iequals_upper(run, "NIL") ||
        !state(ctx).take(quirk::atoms_in_body_fields))
      return false;
    primitives::assign(imapkit::string::atom(run), attr);
    first = p;
    return true;
  }
};
inline constexpr body_string_parser body_string{};

// Lenient (multipart_without_parts): a multipart that has lost its parts, its subtype where a
// part's media type is and its body-ext-mpart after it (next to no body-extension): Gmail's,
// Yandex's and QQMail's ("ALTERNATIVE" ("BOUNDARY" "x") NIL NIL) (docs/quirks.md).
inline constexpr auto as_multipart_without_parts = [](auto& ctx) {
  auto& b = x3::_val(ctx);
  b.kind = imapkit::body_structure::kind_t::multipart;
  b.media_subtype = b.media_type;
  b.media_type = imapkit::string::nil();
};
inline constexpr auto no_body_extension = [](auto& ctx) {
  x3::_pass(ctx) = x3::_val(ctx).extensions.empty();
};

// Lenient (nil_media_type): NIL where a part's media type or subtype is, Office 365's
// ("TEXT" NIL ...) (docs/quirks.md). A part is told from a multipart that lost its parts
// (multipart_without_parts), which starts the same way, by how many values follow before its
// ")": a part has at least body-fields' five after its subtype, such a multipart at most
// body-ext-mpart's four after its subtype.
//
// Whether at least n values follow at p, each after a SP, delimited as item recovery delimits
// them (end_of_damaged_value); reads nothing.
inline bool values_follow(const char* p, const char* last, unsigned n, const parse_state& st) {
  for (unsigned count = 0; count < n; ++count) {
    if (p == last || *p != ' ') return false;
    const char* const value = p + 1;
    p = end_of_damaged_value(value, last, st);
    if (p == nullptr || p == value) return false;
  }
  return true;
}

// media-type / media-subtype of a part: string, told apart by the first byte (as
// body_string_parser); lenient (nil_media_type, above): NIL followed by ValuesAfter values.
// One primitive, so that the lenient form costs the common one nothing.
template <unsigned ValuesAfter>
struct media_string_parser : x3::parser<media_string_parser<ValuesAfter>> {
  using attribute_type = imapkit::string;
  static bool const has_attribute = true;
  static constexpr std::string_view expected_name = "string";

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    if (first == last) return false;
    if (*first == '"' || *first == '{') return quoted_or_literal(first, last, ctx, rctx, attr);
    const char* after_nil = first;
    x3::unused_type unused;
    if (!primitives::whole_kw("NIL").parse(after_nil, last, ctx, rctx, unused) ||
        !values_follow(after_nil, last, ValuesAfter, state(ctx)) ||
        !state(ctx).take(quirk::nil_media_type))
      return false;
    primitives::assign(imapkit::string::nil(), attr);
    first = after_nil;
    return true;
  }
};
// A part's media type: NIL is followed by its subtype and body-fields' five values. Rules named
// "string", as the string rule they replace, so that errors inside read as before.
IMAPKIT_RULE(media_type_string, "string", imapkit::string);
inline const auto media_type_string = media_type_string_rule = media_string_parser<6>{};
// A part's media subtype: NIL is followed by body-fields' five values.
IMAPKIT_RULE(media_subtype_string, "string", imapkit::string);
inline const auto media_subtype_string = media_subtype_string_rule = media_string_parser<5>{};

}  // namespace body_detail

// string (body_string) into _val.*Member; lenient: NIL as well (a parameter's value, mail.ru's
// and Exchange's ("charset" NIL); a disposition's type, Exchange's (NIL NIL)), docs/quirks.md. A
// function, not a variable template: `nil` is no constant, and a variable template's dynamic
// initialization is unordered (docs/grammar-conventions.md); called from a rule's definition
// below, it copies `nil` after `nil` is initialized.
template <auto Member, quirk Quirk>
inline auto string_or_lenient_nil() {
  return body_detail::body_string[set_member<Member>] |
         if_quirk<Quirk>[nil][([](auto& ctx) { x3::_val(ctx).*Member = imapkit::string::nil(); })];
}

// body-fld-param's "string SP string" pair
IMAPKIT_RULE(body_fld_param_pair, "body-fld-param", imapkit::body_param);
inline const auto body_fld_param_pair_rule_def =
    body_detail::body_string[set_member<&imapkit::body_param::name>] > sp >
    string_or_lenient_nil<&imapkit::body_param::value, quirk::nil_parameter_value>();
IMAPKIT_DEFINE(body_fld_param_pair_rule)
inline const auto& body_fld_param_pair = body_fld_param_pair_rule;

// body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
// Lenient: "()" is the empty list, like NIL (docs/quirks.md).
IMAPKIT_RULE(body_fld_param, "body-fld-param", imapkit::body_params);
inline const auto body_fld_param_rule_def =
    nil | (x3::lit('(') >> (if_quirk<quirk::empty_parameter_list>[x3::lit(')')] |
                            (body_fld_param_pair[push_val] > *(sp > body_fld_param_pair[push_val]) >
                             x3::lit(')'))));
IMAPKIT_DEFINE(body_fld_param_rule)
inline const auto& body_fld_param = body_fld_param_rule;

// body-fld-enc = (DQUOTE ("7BIT" / "8BIT" / "BINARY" / "BASE64"/ "QUOTED-PRINTABLE") DQUOTE) /
//                string
// Lenient: NIL (docs/quirks.md).
IMAPKIT_RULE(body_fld_enc, "body-fld-enc", imapkit::string);
inline const auto body_fld_enc_rule_def =
    body_detail::body_string[set_val] |
    if_quirk<quirk::nil_encoding_and_octets>[nil][(
        [](auto& ctx) { x3::_val(ctx) = imapkit::string::nil(); })];
IMAPKIT_DEFINE(body_fld_enc_rule)
inline const auto& body_fld_enc = body_fld_enc_rule;

// body-fld-octets = number
// Lenient: NIL, "" or a negative number for an unknown size, read as 0 (docs/quirks.md).
IMAPKIT_RULE(size_number, "number", std::uint32_t);
inline const auto size_number = size_number_rule =
    primitives::size_parser<std::uint32_t, primitives::number_kind::number>{};
IMAPKIT_RULE(body_fld_octets, "body-fld-octets", std::uint32_t);
inline const auto body_fld_octets_rule_def =
    size_number[set_val] |
    if_quirk<quirk::nil_encoding_and_octets>[nil | x3::lit("\"\"")]
                                            [([](auto& ctx) { x3::_val(ctx) = 0; })];
IMAPKIT_DEFINE(body_fld_octets_rule)
inline const auto& body_fld_octets = body_fld_octets_rule;

// body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
// body-fld-id = nstring; body-fld-desc = nstring
IMAPKIT_RULE(body_fields, "body-fields", imapkit::body_fields);
inline const auto body_fields_rule_def =
    body_fld_param[set_member<&imapkit::body_fields::params>] > sp >
    nstring[set_member<&imapkit::body_fields::id>] > sp >
    nstring[set_member<&imapkit::body_fields::description>] > sp >
    body_fld_enc[set_member<&imapkit::body_fields::encoding>] > sp >
    body_fld_octets[set_member<&imapkit::body_fields::octets>];
IMAPKIT_DEFINE(body_fields_rule)
inline const auto& body_fields = body_fields_rule;

// SP body-fld-lines; body-fld-lines = number64 (RFC 3501: number)
// Lenient: the field may be missing, or a negative number (docs/quirks.md); the count is then 0.
// (Both in the one lenient branch: a branch more cost the metadata benchmark 8% of its
// instructions through the compiler's inlining, callgrind.)
// The lenient part, one primitive: SP "-" 1*DIGIT (negative_sizes), or nothing where no
// SP DIGIT follows (missing_lines).
struct lenient_lines_parser : x3::parser<lenient_lines_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext&,
             Attribute&) const {
    const bool sp_then = last - first >= 2 && first[0] == ' ';
    if (sp_then && first[1] == '-') {
      const char* p = first + 2;
      while (p != last && chars::is(chars::digit, *p)) ++p;
      if (p != first + 2 && state(ctx).take(quirk::negative_sizes)) {
        first = p;
        return true;
      }
    }
    if (sp_then && chars::is(chars::digit, first[1])) return false;
    return state(ctx).take(quirk::missing_lines);
  }
};
inline constexpr lenient_lines_parser lenient_lines{};
IMAPKIT_RULE(sp_body_fld_lines, "body-fld-lines", std::uint64_t);
inline const auto sp_body_fld_lines_rule_def = (sp >> number64)[set_val] | lenient_lines;
IMAPKIT_DEFINE(sp_body_fld_lines_rule)
inline const auto& sp_body_fld_lines = sp_body_fld_lines_rule;

// body-fld-dsp = "(" string SP body-fld-param ")" / nil
// Lenient: a bare string, the disposition type without parameters; NIL for the type, Exchange's
// "(NIL NIL)" (docs/quirks.md).
IMAPKIT_RULE(body_fld_dsp, "body-fld-dsp", imapkit::body_disposition);
inline const auto body_fld_dsp_rule_def =
    nil |
    (x3::lit('(') >
     string_or_lenient_nil<&imapkit::body_disposition::type, quirk::disposition_nil_type>() > sp >
     body_fld_param[set_member<&imapkit::body_disposition::params>] > ')') |
    if_quirk<quirk::disposition_bare_string>[string[set_member<&imapkit::body_disposition::type>]];
IMAPKIT_DEFINE(body_fld_dsp_rule)
inline const auto& body_fld_dsp = body_fld_dsp_rule;

// body-fld-lang = nstring / "(" string *(SP string) ")"
IMAPKIT_RULE(body_fld_lang, "body-fld-lang", list<imapkit::string>);
inline const auto body_fld_lang_rule_def =
    nil | string[push_val] | (x3::lit('(') > string[push_val] > *(sp > string[push_val]) > ')');
IMAPKIT_DEFINE(body_fld_lang_rule)
inline const auto& body_fld_lang = body_fld_lang_rule;

// body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"
IMAPKIT_RULE(body_extension, "body-extension", imapkit::body_extension);
inline const auto body_extension_rule_def =
    nstring[([](auto& ctx) {
      x3::_val(ctx).kind = imapkit::body_extension::kind_t::nstring;
      x3::_val(ctx).text = x3::_attr(ctx);
    })] |
    number64[([](auto& ctx) {
      x3::_val(ctx).kind = imapkit::body_extension::kind_t::number;
      x3::_val(ctx).number = x3::_attr(ctx);
    })] |
    (x3::lit('(')[([](auto& ctx) { x3::_val(ctx).kind = imapkit::body_extension::kind_t::list; })] >
     nest[body_extension_rule[push_member<&imapkit::body_extension::items>] % sp] > ')');
IMAPKIT_DEFINE(body_extension_rule)
inline const auto& body_extension = body_extension_rule;

// The part of body-ext-1part and body-ext-mpart after their first field:
//   [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
// body-fld-loc = nstring
inline const auto body_ext_after_first =
    -(sp >> body_fld_dsp[([](auto& ctx) {
        x3::_val(ctx).disposition = x3::_attr(ctx);
        x3::_val(ctx).extension_fields = 2;
      })] >>
      -(sp >> body_fld_lang[([](auto& ctx) {
          x3::_val(ctx).language = x3::_attr(ctx);
          x3::_val(ctx).extension_fields = 3;
        })] >>
        -(sp >> nstring[([](auto& ctx) {
            x3::_val(ctx).location = x3::_attr(ctx);
            x3::_val(ctx).extension_fields = 4;
          })] >>
          *(sp >> body_extension[push_member<&imapkit::body_structure::extensions>]))));

// body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc
//                  *(SP body-extension)]]]
// body-fld-md5 = nstring
inline const auto body_ext_1part = nstring[([](auto& ctx) {
                                     x3::_val(ctx).md5 = x3::_attr(ctx);
                                     x3::_val(ctx).extension_fields = 1;
                                   })] >>
                                   body_ext_after_first;

// body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc
//                  *(SP body-extension)]]]
inline const auto body_ext_mpart = body_fld_param[([](auto& ctx) {
                                     x3::_val(ctx).multipart_params = x3::_attr(ctx);
                                     x3::_val(ctx).extension_fields = 1;
                                   })] >>
                                   body_ext_after_first;

IMAPKIT_RULE(body, "body", imapkit::body_structure);

namespace body_detail {
// The SP between body-type-msg's envelope and body; lenient (message_body_without_space):
// nothing, where the body's "(" follows the envelope's ")" at once (GNU Mailutils 3.15 writes
// them so; docs/quirks.md).
struct body_glued_to_envelope {
  template <class Context>
  static bool allowed(const char*, const Context& ctx) {
    return state(ctx).take(quirk::message_body_without_space);
  }
};
inline constexpr primitives::sp_or_glued_paren_parser<body_glued_to_envelope> sp_before_body{};
}  // namespace body_detail

// The rest of body-type-msg after body-fields: SP envelope SP body SP body-fld-lines; or
// nothing for MESSAGE/GLOBAL, which RFC 3501's grammar has as body-type-basic (its
// media-message is MESSAGE/RFC822 alone; RFC 9051 added GLOBAL): IMAP4rev1 servers send it so
// (Dovecot 2.3, Mailutils 3.15), and it is told from the RFC 9051 form by the "(" of the
// envelope. Lenient: a MESSAGE/RFC822 part sent without them, i.e. as body-type-basic; no SP
// between the envelope and the body (docs/quirks.md).
inline const auto body_type_msg_rest =
    ((sp >> &x3::lit('(') >> envelope[push_member<&imapkit::body_structure::message_envelope>]) >
     body_detail::sp_before_body > body_rule[push_member<&imapkit::body_structure::parts>] >
     sp_body_fld_lines[set_member<&imapkit::body_structure::lines>]) |
    x3::eps[([](auto& ctx) {
      x3::_val(ctx).kind = imapkit::body_structure::kind_t::basic;
      x3::_pass(ctx) = abnf::iequals_upper(x3::_val(ctx).media_subtype.value, "GLOBAL");
    })] |
    if_quirk<quirk::message_rfc822_without_envelope>[x3::eps[body_detail::set_kind<
        imapkit::body_structure::kind_t::basic>]];

// body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
// body-type-basic = media-basic SP body-fields
// body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
// body-type-text  = media-text SP body-fields SP body-fld-lines
// media-basic = string SP media-subtype (the type is one of the listed ones or any string);
// media-subtype = string. Which of the three it is follows from the type and subtype.
// Lenient: a multipart without parts in its place (multipart_without_parts, above), told apart
// by what follows the first string: a part's media-subtype is a string, a multipart's
// body-fld-param a list or NIL; a NIL media type or subtype (nil_media_type, above), told from
// such a multipart by the number of values that follow.
IMAPKIT_RULE(body_type_1part, "body-type-1part", imapkit::body_structure);
inline const auto body_type_1part_rule_def =
    body_detail::media_type_string[set_member<&imapkit::body_structure::media_type>] > sp >
    named("media-subtype")[(
        (body_detail::media_subtype_string[set_member<&imapkit::body_structure::media_subtype>] >
         sp > body_fields[set_member<&imapkit::body_structure::fields>] >
         ((x3::eps[([](auto& ctx) {
             x3::_val(ctx).kind = imapkit::body_structure::kind_t::text;
             x3::_pass(ctx) = body_detail::is_media_text(x3::_val(ctx));
           })] > sp_body_fld_lines[set_member<&imapkit::body_structure::lines>]) |
          (x3::eps[([](auto& ctx) {
             x3::_val(ctx).kind = imapkit::body_structure::kind_t::message;
             x3::_pass(ctx) = body_detail::is_media_message(x3::_val(ctx));
           })] > body_type_msg_rest) |
          x3::eps[body_detail::set_kind<imapkit::body_structure::kind_t::basic>]) >>
         -(sp >> body_ext_1part)) |
        if_quirk<quirk::multipart_without_parts>[&(x3::lit('(') | nil) >>
                                                 x3::eps[body_detail::as_multipart_without_parts] >>
                                                 body_ext_mpart >>
                                                 x3::eps[body_detail::no_body_extension]])];
IMAPKIT_DEFINE(body_type_1part_rule)
inline const auto& body_type_1part = body_type_1part_rule;

// body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
// Lenient: an SP between the parts; NIL as the subtype (nil_media_type) (docs/quirks.md).
IMAPKIT_RULE(body_type_mpart, "body-type-mpart", imapkit::body_structure);
inline const auto body_type_mpart_rule_def =
    ((x3::eps[body_detail::set_kind<imapkit::body_structure::kind_t::multipart>] >>
      body_rule[push_member<&imapkit::body_structure::parts>] >>
      *(-(&sp >> if_quirk<quirk::space_between_list_items>[sp >> &x3::lit('(')]) >>
        body_rule[push_member<&imapkit::body_structure::parts>])) > sp >
     (string[set_member<&imapkit::body_structure::media_subtype>] |
      if_quirk<quirk::nil_media_type>[nil][([](auto& ctx) {
        x3::_val(ctx).media_subtype = imapkit::string::nil();
      })])) >>
    -(sp >> body_ext_mpart);
IMAPKIT_DEFINE(body_type_mpart_rule)
inline const auto& body_type_mpart = body_type_mpart_rule;

// Lenient (multipart_without_parts): a multipart whose parts are NIL, then its subtype and its
// body-ext-mpart: Dovecot's (NIL "alternative" ("boundary" "x") NIL NIL) (MailKit #1393,
// catalogue row 27), read as the other form of that flag reads Gmail's.
IMAPKIT_RULE(body_type_mpart_nil_parts, "body-type-mpart", imapkit::body_structure);
inline const auto body_type_mpart_nil_parts_rule_def =
    nil >> sp >> string[set_member<&imapkit::body_structure::media_subtype>] >>
    x3::eps[body_detail::set_kind<imapkit::body_structure::kind_t::multipart>] >>
    -(sp >> body_ext_mpart) >> x3::eps[body_detail::no_body_extension];
IMAPKIT_DEFINE(body_type_mpart_nil_parts_rule)

// body = "(" (body-type-1part / body-type-mpart) ")"
// Lenient: spaces after the "(" (space_after_open_paren, MailKit #371; docs/quirks.md); a
// multipart whose parts are NIL (multipart_without_parts, above).
inline const auto body_rule_def =
    x3::lit('(') >> -(&sp >> if_quirk<quirk::space_after_open_paren>[+sp]) >
    nest[(&x3::lit('(') > body_type_mpart[set_val]) | body_type_1part[set_val] |
         if_quirk<quirk::multipart_without_parts>[body_type_mpart_nil_parts_rule[set_val]]] > ')';
IMAPKIT_DEFINE(body_rule)
inline const auto& body = body_rule;

}  // namespace imapkit::grammar
