// Test support for search_test.cpp, fetch_command_test.cpp and search_corpus_test.cpp: a compact,
// canonical text form of the SEARCH / SORT / THREAD / FETCH / STORE argument trees, so that a test
// can state the whole parsed value in one string. Every field the form shows comes from the tree.
//
//   keys      FROM{alice}  HEADER{List-Id}{}  SINCE{2021-01-01}  LARGER{5000}  UID{1:10,30:*}
//             SET{$}  NOT(SEEN)  OR(SEEN FLAGGED)  (SEEN FLAGGED)  MODSEQ{/flags/\draft all 5}
//   programs  RETURN(MIN PARTIAL{-1:-100}) CHARSET{UTF-8} key key ...
#pragma once

#include <gtest/gtest.h>

#include <boost/describe/enum_to_string.hpp>
#include <initializer_list>
#include <iterator>
#include <string>

#include "imapkit/ast/fetch_command.hpp"
#include "imapkit/ast/search.hpp"
#include "imapkit/parse.hpp"

namespace imapkit::test {

inline std::string describe(const sequence_set& s) {
  if (s.last_command) return "$";
  std::string out;
  const auto num = [](std::uint32_t n) {
    return n == seq_range::star ? std::string("*") : std::to_string(n);
  };
  for (const seq_range& r : s.ranges) {
    if (!out.empty()) out += ',';
    out += num(r.first);
    if (!r.is_single()) out += ':' + num(r.last);
  }
  return out;
}

inline std::string describe(const date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

inline std::string braces(std::string_view v) { return "{" + std::string(v) + "}"; }

// The key's word in a description: the library's name, but "SET" for a sequence set and nothing
// for a parenthesised list or an extension key (whose own name follows).
inline std::string key_word(search_key_kind k) {
  switch (k) {
    case search_key_kind::sequence_set:
      return "SET";
    case search_key_kind::list:
    case search_key_kind::extension:
      return "";
    default:
      return std::string(to_string(k));
  }
}

inline std::string describe(const search_key& k);

inline std::string describe(const list<search_key>& keys) {
  std::string out;
  for (const search_key& k : keys) out += (out.empty() ? "" : " ") + describe(k);
  return out;
}

// One overload per argument form, chosen by the alternative the key holds.
inline std::string describe_arg(std::monostate) { return ""; }
inline std::string describe_arg(const search_astring& a) { return braces(a.value.value); }
inline std::string describe_arg(const search_atom& a) { return braces(a.value); }
inline std::string describe_arg(const search_header& h) {
  return braces(h.field.value) + braces(h.value.value);
}
inline std::string describe_arg(const search_date& d) { return braces(describe(d.date)); }
inline std::string describe_arg(const search_number& n) { return braces(std::to_string(n.number)); }
inline std::string describe_arg(const search_set& s) { return braces(describe(s.set)); }
inline std::string describe_arg(const search_modseq& m) {
  if (!m.entry) return braces(std::to_string(m.number));
  return "{" + std::string(m.entry->name.value) + " " +
         boost::describe::enum_to_string(m.entry->type, "?") + " " + std::to_string(m.number) + "}";
}
inline std::string describe_arg(const search_operands& o) { return "(" + describe(o.keys) + ")"; }
inline std::string describe_arg(const search_extension& e) {
  return std::string(e.name) + braces(e.value.value);
}

inline std::string describe_arg(const search_annotation& a) {
  return braces(a.entry) + braces(to_string(a.attribute)) +
         braces(a.value.is_nil() ? "NIL" : a.value.value);
}

inline std::string describe(const search_key& k) {
  return key_word(k.kind) + std::visit([](const auto& a) { return describe_arg(a); }, k.arg);
}

inline std::string describe(const partial_range& r) {
  const std::string sign = r.from_end ? "-" : "";
  return sign + std::to_string(r.first) + ":" + sign + std::to_string(r.last);
}

inline std::string describe(const generic_value& v) {
  switch (v.kind) {
    case generic_value::kind_t::nil:
      return "NIL";
    case generic_value::kind_t::atom:
      return std::string(v.text.value);
    case generic_value::kind_t::string:
      return "\"" + std::string(v.text.value) + "\"";
    case generic_value::kind_t::list: {
      std::string out = "(";
      for (std::size_t i = 0; i < v.items.size(); ++i) out += (i ? " " : "") + describe(v.items[i]);
      return out + ")";
    }
  }
  return "?";
}

inline std::string describe(const search_return_opts& r) {
  if (!r.present) return "";
  std::string out = "RETURN(";
  bool first = true;
  for (const search_return_opt& o : r.options) {
    if (!first) out += ' ';
    first = false;
    switch (o.kind) {
      case search_return_opt_kind::min:
        out += "MIN";
        break;
      case search_return_opt_kind::max:
        out += "MAX";
        break;
      case search_return_opt_kind::all:
        out += "ALL";
        break;
      case search_return_opt_kind::count:
        out += "COUNT";
        break;
      case search_return_opt_kind::save:
        out += "SAVE";
        break;
      case search_return_opt_kind::context:
        out += "CONTEXT";
        break;
      case search_return_opt_kind::update:
        out += "UPDATE";
        break;
      case search_return_opt_kind::relevancy:
        out += "RELEVANCY";
        break;
      case search_return_opt_kind::partial:
        out += "PARTIAL" + braces(describe(o.range));
        break;
      case search_return_opt_kind::extension:
        out += "ext:" + std::string(o.name);
        if (o.value) out += braces(describe(*o.value));
        break;
    }
  }
  return out + ") ";
}

inline std::string describe(const search_program& p) {
  return describe(p.returns) + (p.charset ? "CHARSET" + braces(p.charset->value) + " " : "") +
         describe(p.keys);
}

inline std::string describe(const sort_program& p) {
  std::string out = describe(p.returns) + "(";
  bool first = true;
  for (const sort_criterion& c : p.criteria) {
    if (!first) out += ' ';
    first = false;
    if (c.reverse) out += "REVERSE ";
    static constexpr const char* names[] = {"ARRIVAL",   "CC",        "DATE",       "FROM",
                                            "SIZE",      "SUBJECT",   "TO",         "DISPLAYFROM",
                                            "DISPLAYTO", "RELEVANCY", "ANNOTATION", "ext:"};
    static_assert(std::size(names) == static_cast<std::size_t>(sort_key_kind::extension) + 1);
    out += names[static_cast<int>(c.key)];
    if (c.key == sort_key_kind::extension) out += c.name;
    if (c.key == sort_key_kind::annotation)
      out += " " + std::string(c.entry.value) + " " + std::string(to_string(c.attribute));
  }
  return out + ") " + std::string(p.charset.value) + " " + describe(p.keys);
}

inline std::string describe(const thread_program& p) {
  const char* alg = p.algorithm == thread_algorithm::ordered_subject ? "ORDEREDSUBJECT"
                    : p.algorithm == thread_algorithm::references    ? "REFERENCES"
                                                                     : "other:";
  return alg + std::string(p.algorithm == thread_algorithm::other ? p.name : "") + " " +
         std::string(p.charset.value) + " " + describe(p.keys);
}

inline std::string describe(const section& s) {
  std::string out;
  for (std::uint32_t p : s.part) out += (out.empty() ? "" : ".") + std::to_string(p);
  const auto dot = [&] { return out.empty() ? "" : "."; };
  switch (s.text) {
    case section_text::none:
      break;
    case section_text::header:
      out += dot() + std::string("HEADER");
      break;
    case section_text::text:
      out += dot() + std::string("TEXT");
      break;
    case section_text::mime:
      out += dot() + std::string("MIME");
      break;
    case section_text::header_fields:
    case section_text::header_fields_not: {
      out += dot() + std::string(s.text == section_text::header_fields ? "HEADER.FIELDS ("
                                                                       : "HEADER.FIELDS.NOT (");
      for (std::size_t i = 0; i < s.header_fields.size(); ++i)
        out += (i ? " " : "") + std::string(s.header_fields[i].value);
      out += ")";
      break;
    }
  }
  return "[" + out + "]";
}

inline std::string describe(const fetch_att& a) {
  static constexpr const char* names[] = {
      "ENVELOPE",    "FLAGS",       "INTERNALDATE", "RFC822",        "RFC822.HEADER",
      "RFC822.SIZE", "RFC822.TEXT", "BODY",         "BODYSTRUCTURE", "UID",
      "BODY",        "BINARY",      "BINARY.SIZE",  "MODSEQ",        "EMAILID",
      "THREADID",    "PREVIEW",     "SAVEDATE",     "ANNOTATION",    ""};
  static_assert(std::size(names) == static_cast<std::size_t>(fetch_att_kind::extension) + 1);
  std::string out = names[static_cast<int>(a.kind)];
  if (a.kind == fetch_att_kind::extension) out = "ext:" + std::string(a.name);
  if (a.peek) out += ".PEEK";
  if (a.kind == fetch_att_kind::body_section || a.kind == fetch_att_kind::binary ||
      a.kind == fetch_att_kind::binary_size)
    out += describe(a.section);
  if (a.partial)
    out += "<" + std::to_string(a.partial->offset) + "." + std::to_string(a.partial->length) + ">";
  if (a.lazy) out += " (LAZY)";
  if (a.params) out += " " + describe(*a.params);
  if (a.kind == fetch_att_kind::annotation && a.annotation) {
    const auto group = [](const list<imapkit::string>& values, bool parenthesized) {
      std::string g;
      for (const imapkit::string& v : values) g += (g.empty() ? "" : " ") + std::string(v.value);
      return parenthesized ? "(" + g + ")" : g;
    };
    out += " (" + group(a.annotation->entries, a.annotation->entries_parenthesized) + " " +
           group(a.annotation->attributes, a.annotation->attributes_parenthesized) + ")";
  }
  return out;
}

inline std::string describe(const fetch_program& p) {
  std::string out = describe(p.set) + " ";
  switch (p.macro) {
    case fetch_macro::all:
      out += "ALL";
      break;
    case fetch_macro::full:
      out += "FULL";
      break;
    case fetch_macro::fast:
      out += "FAST";
      break;
    case fetch_macro::none: {
      std::string items;
      for (const fetch_att& a : p.atts) items += (items.empty() ? "" : " ") + describe(a);
      out += p.parenthesized ? "(" + items + ")" : items;
      break;
    }
  }
  if (!p.modifiers.empty()) {
    out += " mod(";
    bool first = true;
    for (const fetch_modifier& m : p.modifiers) {
      if (!first) out += ' ';
      first = false;
      switch (m.kind) {
        case fetch_modifier_kind::changed_since:
          out += "CHANGEDSINCE" + braces(std::to_string(m.mod_sequence));
          break;
        case fetch_modifier_kind::vanished:
          out += "VANISHED";
          break;
        case fetch_modifier_kind::partial:
          out += "PARTIAL" + braces(describe(m.range));
          break;
        case fetch_modifier_kind::extension:
          out += "ext:" + std::string(m.name);
          if (m.value) out += braces(describe(*m.value));
          break;
      }
    }
    out += ")";
  }
  return out;
}

inline std::string describe(const store_program& p) {
  std::string out = describe(p.set);
  if (!p.modifiers.empty()) {
    out += " mod(";
    bool first = true;
    for (const store_modifier& m : p.modifiers) {
      if (!first) out += ' ';
      first = false;
      if (m.kind == store_modifier_kind::unchanged_since)
        out += "UNCHANGEDSINCE" + braces(std::to_string(m.mod_sequence));
      else
        out += "ext:" + std::string(m.name) + (m.value ? braces(describe(*m.value)) : "");
    }
    out += ")";
  }
  out += p.operation == store_operation::add      ? " +FLAGS"
         : p.operation == store_operation::remove ? " -FLAGS"
                                                  : " FLAGS";
  if (p.silent) out += ".SILENT";
  std::string flags;
  for (const flag& f : p.flags) flags += (flags.empty() ? "" : " ") + std::string(f.name);
  out += p.parenthesized ? " (" + flags + ")" : " " + flags;
  return out;
}

// A parse that must succeed, with describe() of its tree: an RFC example or a case of our own.
struct example {
  const char* rfc;
  std::string_view text;      // the arguments: what follows "SEARCH ", "FETCH ", ...
  std::string_view expected;  // describe() of the parsed tree
};

template <class Parse>
void expect_examples(Parse parse, std::initializer_list<example> examples,
                     parse_options options = parse_options::strict()) {
  for (const example& e : examples) {
    SCOPED_TRACE(std::string(e.rfc) + ": " + std::string(e.text));
    arena mem;
    const auto r = parse(e.text, mem, options);
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(describe(*r), e.expected);
  }
}

// A parse that must fail: at this offset, in this production, expecting this.
struct failure {
  std::string_view text;
  std::size_t offset;
  std::string_view production;
  std::string_view expected;
};

template <class Parse>
void expect_failures(Parse parse, std::initializer_list<failure> failures,
                     parse_options options = parse_options::strict()) {
  for (const failure& f : failures) {
    SCOPED_TRACE(std::string(f.text));
    arena mem;
    const auto r = parse(f.text, mem, options);
    ASSERT_FALSE(r.ok()) << describe(*r);
    EXPECT_EQ(r.error().offset, f.offset) << r.error().message();
    EXPECT_EQ(r.error().production, f.production) << r.error().message();
    EXPECT_EQ(r.error().expected, f.expected) << r.error().message();
  }
}

}  // namespace imapkit::test
