// Every quirk flag (imapkit::quirk, docs/quirks.md) with the real bytes of its row: refused with
// an offset when the flag is off, accepted with the expected value when it alone is on, and
// reported by the parse as the one quirk the message needed.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>

#include "imapkit/parse.hpp"

namespace imapkit {
namespace {

// Which entry point reads the bytes.
enum class reader { response, command, authenticate_data };

using parsed = std::variant<response, client_message>;

struct outcome {
  bool ok = false;
  parsed value;
  quirk_set quirks;
  parse_error error;
};

outcome read(reader r, std::string_view bytes, arena& mem, const parse_options& options) {
  const auto take = [](const auto& res) {
    outcome o;
    o.ok = res.ok();
    if (res) {
      o.value = *res;
      o.quirks = res.quirks();
    } else {
      o.error = res.error();
    }
    return o;
  };
  switch (r) {
    case reader::response:
      return take(parse_response(bytes, mem, options));
    case reader::command:
      return take(parse_client_message(bytes, mem, client_expectation::command, options));
    case reader::authenticate_data:
      return take(parse_client_message(bytes, mem, client_expectation::authenticate_data, options));
  }
  return {};
}

// The parts of a parsed value the checks look at (a failed expectation and an empty value if the
// value is of another kind).
template <class T>
const T* untagged_as(const outcome& o) {
  const auto* r = std::get_if<response>(&o.value);
  const auto* u = r ? std::get_if<untagged>(&r->value) : nullptr;
  const T* d = u ? std::get_if<T>(&u->data) : nullptr;
  EXPECT_NE(d, nullptr) << "not the untagged data expected";
  return d;
}

template <class T>
const T* fetch_item(const outcome& o, std::size_t index = 0) {
  const auto* f = untagged_as<fetch_data>(o);
  if (!f || f->attributes.size() <= index) {
    ADD_FAILURE() << "no FETCH item " << index;
    return nullptr;
  }
  const T* item = f->attributes[index].template get<T>();
  EXPECT_NE(item, nullptr) << "FETCH item " << index << " of another kind";
  return item;
}

const body_structure* body_of(const outcome& o) {
  const auto* b = fetch_item<fetch_body_structure>(o);
  return b ? &b->value : nullptr;
}

const resp_text_code* code_of(const outcome& o) {
  const auto* c = untagged_as<resp_cond>(o);
  if (!c || !c->text.code) {
    ADD_FAILURE() << "no response code";
    return nullptr;
  }
  return &*c->text.code;
}

// Where strict mode reads the bytes too, differently (rereading_quirks): no offset.
constexpr std::size_t rereads = static_cast<std::size_t>(-1);

struct quirk_case {
  quirk flag;
  reader read;
  std::string_view bytes;
  std::size_t refused_at;  // offset of the error when the flag is off, or rereads
  // Bytes that strict mode reads to the value expected of `bytes`, or "" and a check.
  std::string_view same_as;
  std::function<void(const outcome&)> check = {};
};

using std::string_view_literals::operator""sv;

const quirk_case cases[] = {
    // Responses
    {quirk::status_without_text, reader::response, "a1 OK\r\n", 5, "a1 OK \r\n"},
    {quirk::code_without_space, reader::response, "* OK [READ-WRITE]\r\n", rereads,
     "* OK [READ-WRITE] \r\n"},
    {quirk::bare_continuation, reader::response, "+\r\n", 1, "+ \r\n"},
    {quirk::trailing_spaces, reader::response, "* SEARCH 61 62 63 \r\n", 17,
     "* SEARCH 61 62 63\r\n"},
    {quirk::space_before_close_paren, reader::response, "* STATUS INBOX (MESSAGES 2 UNSEEN 0 )\r\n",
     35, "* STATUS INBOX (MESSAGES 2 UNSEEN 0)\r\n"},
    {quirk::eight_bit_text, reader::response, "* OK Bienvenue \xe0 bord\r\n", 15, "",
     [](const outcome& o) {
       const auto* c = untagged_as<resp_cond>(o);
       ASSERT_NE(c, nullptr);
       EXPECT_EQ(c->text.text, "Bienvenue \xe0 bord");
     }},
    {quirk::brackets_in_flags, reader::response, "* FLAGS (\\Seen [Gmail]Label])\r\n", 21, "",
     [](const outcome& o) {
       const auto* f = untagged_as<flags_data>(o);
       ASSERT_NE(f, nullptr);
       ASSERT_EQ(f->flags.size(), 2u);
       EXPECT_EQ(f->flags[1].name, "[Gmail]Label]");
     }},
    {quirk::single_thread_child, reader::response, "* THREAD (1 (2))\r\n", 15, "",
     [](const outcome& o) {
       // Kept as sent: 1 with one child thread holding 2 (the same messages as "(1 2)").
       const auto* t = untagged_as<thread_data>(o);
       ASSERT_NE(t, nullptr);
       ASSERT_EQ(t->threads.size(), 1u);
       const thread_list& root = t->threads[0];
       ASSERT_EQ(root.members.size(), 1u);
       EXPECT_EQ(root.members[0], 1u);
       ASSERT_EQ(root.children.size(), 1u);
       ASSERT_EQ(root.children[0].members.size(), 1u);
       EXPECT_EQ(root.children[0].members[0], 2u);
     }},
    {quirk::nonexistent_date, reader::response,
     "* 1 FETCH (INTERNALDATE \"31-Apr-2023 11:30:20 +0000\")\r\n", 24, "",
     [](const outcome& o) {
       const auto* d = fetch_item<fetch_internal_date>(o);
       ASSERT_NE(d, nullptr);
       EXPECT_EQ(d->value.date.day, 31);
       EXPECT_EQ(d->value.date.month, 4);
       EXPECT_EQ(d->value.date.year, 2023);
     }},
    {quirk::mod_sequence_zero, reader::response, "* 1 FETCH (MODSEQ (0))\r\n", 19, "",
     [](const outcome& o) {
       const auto* m = fetch_item<fetch_modseq>(o);
       ASSERT_NE(m, nullptr);
       EXPECT_EQ(m->value, 0u);
     }},
    {quirk::unknown_untagged_data, reader::response, "* XFOO bar (1 2) \"baz\"\r\n", 2, "",
     [](const outcome& o) {
       const auto* d = untagged_as<generic_data>(o);
       ASSERT_NE(d, nullptr);
       EXPECT_EQ(d->name, "XFOO");
       ASSERT_EQ(d->values.size(), 3u);
       EXPECT_EQ(d->values[2].text.value, "baz");
     }},
    {quirk::doubled_spaces, reader::response, "*  STATUS INBOX (MESSAGES 1)\r\n", 2,
     "* STATUS INBOX (MESSAGES 1)\r\n"},
    {quirk::space_between_list_items, reader::response,
     "* NAMESPACE ((\"\" \"/\") (\"#shared/\" \"/\")) NIL NIL\r\n", 21,
     "* NAMESPACE ((\"\" \"/\")(\"#shared/\" \"/\")) NIL NIL\r\n"},
    {quirk::wildcard_flag_in_flags, reader::response, "* FLAGS (\\Seen \\*)\r\n", 14, "",
     [](const outcome& o) {
       const auto* f = untagged_as<flags_data>(o);
       ASSERT_NE(f, nullptr);
       ASSERT_EQ(f->flags.size(), 2u);
       EXPECT_EQ(f->flags[1].name, "\\*");
     }},
    {quirk::bare_star_in_permanentflags, reader::response, "* OK [PERMANENTFLAGS (\\Seen *)] x\r\n",
     rereads, "",
     [](const outcome& o) {
       const auto* c = code_of(o);
       ASSERT_NE(c, nullptr);
       EXPECT_EQ(c->kind, resp_code_kind::permanentflags);
       const auto* f = std::get_if<resp_code_flags>(&c->arg);
       ASSERT_NE(f, nullptr);
       ASSERT_EQ(f->flags.size(), 2u);
       EXPECT_EQ(f->flags[1].name, "*");
     }},
    {quirk::empty_delimiter, reader::response, "* LIST () \"\" INBOX\r\n", 10,
     "* LIST () NIL INBOX\r\n"},
    {quirk::empty_fetch, reader::response, "* 3 FETCH ()\r\n", 11, "",
     [](const outcome& o) {
       const auto* f = untagged_as<fetch_data>(o);
       ASSERT_NE(f, nullptr);
       EXPECT_EQ(f->number, 3u);
       EXPECT_TRUE(f->attributes.empty());
     }},
    {quirk::one_digit_day, reader::response,
     "* 1 FETCH (INTERNALDATE \"1-Jan-2020 10:00:00 +0000\")\r\n", 24,
     "* 1 FETCH (INTERNALDATE \" 1-Jan-2020 10:00:00 +0000\")\r\n"},
    {quirk::nul_in_literal, reader::response, "* 1 FETCH (BODY[] {3}\r\na\0b)\r\n"sv, 24, "",
     [](const outcome& o) {
       const auto* b = fetch_item<fetch_body_section>(o);
       ASSERT_NE(b, nullptr);
       EXPECT_EQ(b->data.value, "a\0b"sv);
     }},
    {quirk::eight_bit_mailbox_name, reader::response,
     "* LIST (\\Noselect) \"/\" Entw\xc3\xbcrfe\r\n", 27,
     "* LIST (\\Noselect) \"/\" \"Entw\xc3\xbcrfe\"\r\n"},
    {quirk::quota_without_list, reader::response, "* QUOTA \"ROOT\"\r\n", 14,
     "* QUOTA \"ROOT\" ()\r\n"},
    {quirk::unpadded_base64, reader::authenticate_data, "YWI\r\n", 0, "",
     [](const outcome& o) {
       const auto* m = std::get_if<client_message>(&o.value);
       const auto* d = m ? std::get_if<authenticate_data>(m) : nullptr;
       ASSERT_NE(d, nullptr);
       EXPECT_EQ(d->base64, "YWI");
     }},
    // BODYSTRUCTURE and ENVELOPE
    {quirk::empty_parameter_list, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" () NIL NIL \"7BIT\" 10 1))\r\n", 41,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1))\r\n"},
    {quirk::nil_encoding_and_octets, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"APPLICATION\" \"PDF\" NIL NIL NIL NIL NIL))\r\n", 58, "",
     [](const outcome& o) {
       const auto* b = body_of(o);
       ASSERT_NE(b, nullptr);
       EXPECT_EQ(b->kind, body_structure::kind_t::basic);
       EXPECT_TRUE(b->fields.encoding.is_nil());
       EXPECT_EQ(b->fields.octets, 0u);
     }},
    {quirk::missing_lines, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10))\r\n", 62,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 0))\r\n"},
    {quirk::negative_sizes, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" -1 -1))\r\n", 60,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0))\r\n"},
    {quirk::message_rfc822_without_envelope, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 1234 NIL NIL NIL "
     "NIL))\r\n",
     68, "",
     [](const outcome& o) {
       const auto* b = body_of(o);
       ASSERT_NE(b, nullptr);
       EXPECT_EQ(b->kind, body_structure::kind_t::basic);
       EXPECT_EQ(b->fields.octets, 1234u);
       EXPECT_EQ(b->encapsulated_envelope(), nullptr);
     }},
    {quirk::message_body_without_space, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 505 (NIL \"s\" NIL NIL "
     "NIL NIL NIL NIL NIL NIL)(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 21 1) 19))\r\n",
     109,
     "* 1 FETCH (BODYSTRUCTURE (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 505 (NIL \"s\" NIL NIL "
     "NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 21 1) 19))\r\n"},
    {quirk::disposition_bare_string, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1 NIL \"inline\"))\r\n",
     68,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1 NIL (\"inline\" "
     "NIL)))\r\n"},
    {quirk::nil_parameter_value, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"charset\" NIL) NIL NIL \"7BIT\" 10 1))\r\n",
     52, "",
     [](const outcome& o) {
       const auto* b = body_of(o);
       ASSERT_NE(b, nullptr);
       ASSERT_EQ(b->fields.params.size(), 1u);
       EXPECT_EQ(b->fields.params[0].name.value, "charset");
       EXPECT_TRUE(b->fields.params[0].value.is_nil());
     }},
    {quirk::disposition_nil_type, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1 NIL (NIL NIL)))\r\n",
     70, "",
     [](const outcome& o) {
       const auto* b = body_of(o);
       ASSERT_NE(b, nullptr);
       EXPECT_EQ(b->extension_fields, 2u);
       EXPECT_TRUE(b->disposition.type.is_nil());
       EXPECT_TRUE(b->disposition.params.empty());
     }},
    {quirk::envelope_in_extra_parentheses, reader::response,
     "* 1 FETCH (ENVELOPE ((NIL \"s\" NIL NIL NIL NIL NIL NIL NIL \"<m@x>\")))\r\n", 21,
     "* 1 FETCH (ENVELOPE (NIL \"s\" NIL NIL NIL NIL NIL NIL NIL \"<m@x>\"))\r\n"},
    {quirk::empty_address_list, reader::response,
     "* 1 FETCH (ENVELOPE (NIL \"s\" () NIL NIL NIL NIL NIL NIL \"<m@x>\"))\r\n", 29,
     "* 1 FETCH (ENVELOPE (NIL \"s\" NIL NIL NIL NIL NIL NIL NIL \"<m@x>\"))\r\n"},
    {quirk::nil_in_address_list, reader::response,
     "* 1 FETCH (ENVELOPE (NIL \"s\" (NIL (NIL NIL \"a\" \"x.org\")) NIL NIL NIL NIL NIL NIL "
     "NIL))\r\n",
     29,
     "* 1 FETCH (ENVELOPE (NIL \"s\" ((NIL NIL \"a\" \"x.org\")) NIL NIL NIL NIL NIL NIL "
     "NIL))\r\n"},
    {quirk::multipart_without_parts, reader::response,
     "* 1 FETCH (UID 5 BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL "
     "\"7BIT\" 10 1)(\"ALTERNATIVE\" (\"BOUNDARY\" \"x\") NIL NIL) \"MIXED\" (\"BOUNDARY\" "
     "\"y\") NIL NIL))\r\n",
     103, "",
     [](const outcome& o) {
       const auto* b = fetch_item<fetch_body_structure>(o, 1);
       ASSERT_NE(b, nullptr);
       ASSERT_EQ(b->value.parts.size(), 2u);
       const body_structure& empty = b->value.parts[1];
       EXPECT_EQ(empty.kind, body_structure::kind_t::multipart);
       EXPECT_TRUE(empty.parts.empty());
       EXPECT_TRUE(empty.media_type.is_nil());
       EXPECT_EQ(empty.media_subtype.value, "ALTERNATIVE");
       ASSERT_EQ(empty.multipart_params.size(), 1u);
       EXPECT_EQ(empty.multipart_params[0].value.value, "x");
       EXPECT_EQ(empty.extension_fields, 3u);
     }},
    {quirk::space_after_open_paren, reader::response,
     "* 1 FETCH (BODYSTRUCTURE ( \"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1))\r\n", 26,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1))\r\n"},
    {quirk::nil_media_type, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" NIL (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 10 1))\r\n",
     33, "",
     [](const outcome& o) {
       const auto* b = body_of(o);
       ASSERT_NE(b, nullptr);
       EXPECT_EQ(b->kind, body_structure::kind_t::text);
       EXPECT_TRUE(b->media_subtype.is_nil());
       EXPECT_EQ(b->fields.octets, 10u);
     }},
    {quirk::atoms_in_body_fields, reader::response,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (CHARSET X-UNKNOWN) NIL NIL 7BIT 10 1))\r\n", 41,
     "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"X-UNKNOWN\") NIL NIL \"7BIT\" 10 "
     "1))\r\n"},
    // Command arguments
    {quirk::eight_bit_search_atom, reader::command,
     "a SEARCH CHARSET UTF-8 BODY M\xc3\xbcnchen\r\n", 29,
     "a SEARCH CHARSET UTF-8 BODY \"M\xc3\xbcnchen\"\r\n"},
    {quirk::unknown_quoted_escape, reader::command, "d5 SEARCH SUBJECT \"bad \\q escape\"\r\n", 24,
     "d5 SEARCH SUBJECT \"bad q escape\"\r\n"},
    // Recovery: the example, an unreadable BODYSTRUCTURE between two good items.
    {quirk::item_recovery, reader::response,
     "* 7 FETCH (UID 4242 BODYSTRUCTURE ((\"x\" 42 (((\"y\"))) NIL) 7 7 7) BODY[] "
     "{5}\r\nhello)\r\n",
     40, "",
     [](const outcome& o) {
       const auto* uid = fetch_item<fetch_uid>(o, 0);
       ASSERT_NE(uid, nullptr);
       EXPECT_EQ(uid->value, 4242u);
       const auto* bad = fetch_item<fetch_invalid>(o, 1);
       ASSERT_NE(bad, nullptr);
       EXPECT_EQ(bad->name, "BODYSTRUCTURE");
       EXPECT_EQ(bad->bytes, "BODYSTRUCTURE ((\"x\" 42 (((\"y\"))) NIL) 7 7 7)");
       EXPECT_EQ(bad->error.offset, 20u);
       const auto* body = fetch_item<fetch_body_section>(o, 2);
       ASSERT_NE(body, nullptr);
       EXPECT_EQ(body->data.value, "hello");
     }},
};

// Test names say the flag; a failure prints the bytes.
void PrintTo(const quirk_case& c, std::ostream* os) {
  *os << to_string(c.flag) << ": " << ::testing::PrintToString(std::string(c.bytes));
}

std::string describe(const outcome& o) { return o.ok ? std::string("parsed") : o.error.message(); }

// The value of `c.bytes` a parse with the flag must give: the strict parse of same_as, checked
// there to need no quirk.
class Quirks : public ::testing::TestWithParam<quirk_case> {
 protected:
  arena mem;

  void expect_value(const quirk_case& c, const outcome& o) {
    ASSERT_TRUE(o.ok) << describe(o);
    if (c.check) {
      c.check(o);
      return;
    }
    const outcome expected = read(c.read, c.same_as, mem, parse_options::strict());
    ASSERT_TRUE(expected.ok) << "same_as: " << describe(expected);
    EXPECT_TRUE(expected.quirks.empty());
    EXPECT_TRUE(o.value == expected.value) << "not the value of " << c.same_as;
  }
  bool has_value(const quirk_case& c, const outcome& o) {
    if (!o.ok) return false;
    if (c.check) {
      ::testing::TestPartResultArray failures;
      {
        ::testing::ScopedFakeTestPartResultReporter reporter(
            ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
        c.check(o);
      }
      return failures.size() == 0;
    }
    const outcome expected = read(c.read, c.same_as, mem, parse_options::strict());
    return expected.ok && o.value == expected.value;
  }
};

TEST_P(Quirks, RefusedWithoutTheFlagAcceptedWithIt) {
  const quirk_case& c = GetParam();
  const quirk_set just{c.flag};

  // Off: refused at the deviation (or, for a rereading quirk, read as something else).
  const outcome strict = read(c.read, c.bytes, mem, parse_options::strict());
  if (c.refused_at == rereads) {
    EXPECT_TRUE(rereading_quirks.has(c.flag));
    ASSERT_TRUE(strict.ok) << describe(strict);
    EXPECT_TRUE(strict.quirks.empty());
    EXPECT_FALSE(has_value(c, strict)) << "strict mode reads it the same";
  } else {
    ASSERT_FALSE(strict.ok) << "parsed in strict mode";
    EXPECT_EQ(strict.error.offset, c.refused_at) << strict.error.message();
    EXPECT_FALSE(strict.error.expected.empty()) << strict.error.message();
  }

  // Every other flag on, this one off: still not the value.
  parse_options others = parse_options::lenient();
  others.quirks.remove(c.flag);
  const outcome without = read(c.read, c.bytes, mem, others);
  EXPECT_FALSE(without.quirks.has(c.flag));
  EXPECT_FALSE(has_value(c, without)) << "read without " << to_string(c.flag);

  // This flag alone: the value, and the parse says it needed this flag and no other.
  parse_options alone;
  alone.quirks = just;
  const outcome with = read(c.read, c.bytes, mem, alone);
  expect_value(c, with);
  EXPECT_TRUE(with.quirks == just);

  // Lenient (every flag): the same value, the same one flag reported.
  const outcome lenient = read(c.read, c.bytes, mem, parse_options::lenient());
  expect_value(c, lenient);
  EXPECT_TRUE(lenient.quirks == just);
}

INSTANTIATE_TEST_SUITE_P(EveryFlag, Quirks, ::testing::ValuesIn(cases),
                         [](const ::testing::TestParamInfo<quirk_case>& info) {
                           return std::string(to_string(info.param.flag));
                         });

TEST(QuirkFlags, EveryFlagHasItsBytes) {
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<quirk>>([](auto e) {
    bool found = false;
    for (const auto& c : cases) found = found || c.flag == e.value;
    EXPECT_TRUE(found) << e.name << " has no case in quirks_test.cpp";
  });
}

TEST(QuirkFlags, NamesReadBack) {
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<quirk>>([](auto e) {
    EXPECT_EQ(to_string(e.value), e.name);
    quirk q{};
    ASSERT_TRUE(quirk_from_string(e.name, q));
    EXPECT_EQ(q, e.value);
  });
  quirk q{};
  EXPECT_FALSE(quirk_from_string("no_such_quirk", q));
  EXPECT_EQ(quirk_set::all().size(), quirk_count);
}

TEST(QuirkFlags, StrictMessagesNeedNone) {
  arena mem;
  const auto r = parse_response("* 1 FETCH (UID 7 FLAGS (\\Seen))\r\n", mem);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.quirks().empty());
}

TEST(QuirkFlags, EightBitTextCanBeTurnedOffAlone) {
  // The risky flag off, everything else on: a Latin-1 greeting is refused, a doubled SP is not.
  arena mem;
  parse_options options = parse_options::lenient();
  options.quirks.remove(quirk::eight_bit_text);
  EXPECT_FALSE(parse_response("* OK Bienvenue \xe0 bord\r\n", mem, options).ok());
  const auto r = parse_response("*  OK Bienvenue\r\n", mem, options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.quirks() == quirk_set{quirk::doubled_spaces});
}

}  // namespace
}  // namespace imapkit
