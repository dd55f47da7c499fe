// What the fuzzers found in the foundation, one test per finding; the fuzzer inputs themselves
// are replayed from fuzz/regressions/<harness>/ by the fuzz.replay.* tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "generate.hpp"
#include "imapkit/make.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {

using namespace imapkit;

std::vector<std::string> arg_atoms(const generic_message& m) {
  std::vector<std::string> out;
  for (const generic_value& v : m.args) {
    EXPECT_EQ(v.kind, generic_value::kind_t::atom);
    out.emplace_back(v.text.value);
  }
  return out;
}

// fuzz_generic (fuzz/regressions/generic/unclosed-brackets-quadratic): every token with an
// unclosed "[" looked for its "]" up to the end of the line, so a line of many "[" took
// quadratic time (a 64 KiB line of "~[- " ran for seconds). The search now stops at the next
// "[" too; a section such as BODY[HEADER.FIELDS (A B)] is still one token.
TEST(FuzzFindings, UnclosedBracketEndsAtTheNextBracket) {
  arena mem;
  const auto simple = parse_generic_command("A1 X ~[- ~[- ~[-\r\n", mem);
  ASSERT_TRUE(simple.ok()) << simple.error().message();
  EXPECT_EQ(arg_atoms(*simple), (std::vector<std::string>{"~[-", "~[-", "~[-"}));
  EXPECT_EQ(simple->name, "X");

  const auto section =
      parse_generic_command("A1 FETCH BODY[HEADER.FIELDS (A B)]<0.10> x]\r\n", mem);
  ASSERT_TRUE(section.ok()) << section.error().message();
  EXPECT_EQ(arg_atoms(*section),
            (std::vector<std::string>{"BODY[HEADER.FIELDS (A B)]<0.10>", "x]"}));

  // "a[" cannot reach the "]" of "c]" across the "[" of "b[".
  const auto nested = parse_generic_command("A1 X a[ b[ c]\r\n", mem);
  ASSERT_TRUE(nested.ok()) << nested.error().message();
  EXPECT_EQ(arg_atoms(*nested), (std::vector<std::string>{"a[", "b[ c]"}));

  // The fuzzer's line, 16,384 tokens long: each token read alone.
  std::string line = "A1 X";
  for (int i = 0; i < 16384; ++i) line += " ~[-";
  line += "\r\n";
  const auto many = parse_generic_command(line, mem);
  ASSERT_TRUE(many.ok()) << many.error().message();
  ASSERT_EQ(many->args.size(), 16384u);
  EXPECT_EQ(many->args.back().text.value, "~[-");
}

// fuzz_generic (fuzz/regressions/generic/unclosed-bracket-token-swallows-next-value): the
// writer took a generic atom with an unclosed "[", but the parser reads "[" up to a "]" later on
// the line, so [a[, "]]"] was written `a[ "]]"` and read back as a different message. The
// writer now rejects such a token.
TEST(FuzzFindings, WriterRejectsGenericTokenWithUnclosedBracket) {
  const auto write = [](std::string_view token) {
    buffer_sink out;
    const serialize_options options;
    writer w(out, options);
    const bool ok =
        w.generic_value(generic_value{generic_value::kind_t::atom, string::atom(token), {}});
    if (!ok) {
      EXPECT_EQ(w.error().code, serialize_errc::invalid_atom);
      EXPECT_TRUE(out.bytes().empty());
    }
    return ok;
  };
  EXPECT_FALSE(write("a["));
  EXPECT_FALSE(write("a[b[c]"));
  EXPECT_FALSE(write("a[b]c["));
  EXPECT_TRUE(write("BODY[HEADER.FIELDS (DATE FROM)]<0.10>"));
  EXPECT_TRUE(write("a[b]c[d]"));
  EXPECT_TRUE(write("a]"));

  // The round trip the fuzzer broke: a parsed "a[" (no "]" on its line) followed by a literal.
  arena mem;
  const auto parsed = parse_generic_command("A1 X a[ {2}\r\n]]\r\n", mem);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  ASSERT_EQ(parsed->args.size(), 2u);
  EXPECT_EQ(parsed->args[0].text.value, "a[");
  EXPECT_EQ(parsed->args[1].text.value, "]]");
  buffer_sink out;
  const serialize_options options;
  writer w(out, options);
  EXPECT_FALSE(w.generic_value(parsed->args[0]));
}

// fuzz_generic (fuzz/regressions/generic/literal-first-argument-read-as-name): `TAG "Jürn"`
// written back with a literal, `TAG {5}` CRLF `Jürn`, parsed "{5}" as the message's name and
// then failed, though the framer had read a literal. A name never starts like a literal now.
TEST(FuzzFindings, LiteralAfterTagIsAnArgumentNotAName) {
  arena mem;
  const auto literal = parse_generic_command("LONO22M {5}\r\nJ\xc3\xbcrn\r\n", mem);
  ASSERT_TRUE(literal.ok()) << literal.error().message();
  EXPECT_EQ(literal->tag, "LONO22M");
  EXPECT_EQ(literal->name, "");
  ASSERT_EQ(literal->args.size(), 1u);
  EXPECT_EQ(literal->args[0].kind, generic_value::kind_t::string);
  EXPECT_EQ(literal->args[0].text.value, "J\xc3\xbcrn");

  const auto literal8 = parse_generic_response(std::string_view("* ~{2}\r\na\0\r\n", 12), mem);
  ASSERT_TRUE(literal8.ok()) << literal8.error().message();
  EXPECT_EQ(literal8->name, "");
  ASSERT_EQ(literal8->args.size(), 1u);
  EXPECT_EQ(literal8->args[0].text.kind, string_kind::literal8);

  // A name that merely contains a brace is still a name.
  const auto brace = parse_generic_command("A1 X{5} y\r\n", mem);
  ASSERT_TRUE(brace.ok()) << brace.error().message();
  EXPECT_EQ(brace->name, "X{5}");
}

// fuzz_lexical_writer (fuzz/regressions/lexical_writer/fixed-buffer-sink-empty-write-ubsan): an
// empty value whose view has no data pointer reached memcpy(dst, nullptr, 0) in
// fixed_buffer_sink, and memchr(nullptr, 0, 0) in writer::string and writer::literal: undefined
// behaviour that UBSan reports.
TEST(FuzzFindings, FixedBufferSinkTakesEmptyViews) {
  char buffer[16];
  fixed_buffer_sink out(buffer, sizeof buffer);
  out.write(std::string_view{});
  EXPECT_TRUE(out.bytes().empty());
  EXPECT_FALSE(out.overflowed());

  const serialize_options options;
  writer w(out, options);
  EXPECT_TRUE(w.string(std::string_view{}));
  EXPECT_TRUE(w.sp().ok());
  EXPECT_TRUE(w.literal(std::string_view{}));
  EXPECT_EQ(out.bytes(), "\"\" {0}\r\n");
  EXPECT_FALSE(out.overflowed());
}

// fuzz_ast_roundtrip: once the fuzzer's bytes ran out, byte_entropy gave zeros, for which
// chance() was always true: a THREAD branch whose invalid lone child was again a branch recursed
// until the stack overflowed. An exhausted source now makes every chance() false and every count
// minimal, so each generated tree ends as soon as it can, whatever the options.
TEST(FuzzFindings, GeneratorEndsEveryTreeOnceItsInputRunsOut) {
  for (const bool invalid : {false, true}) {
    for (unsigned depth : {0u, 4u, 64u}) {
      generate::byte_entropy nothing(nullptr, 0);
      arena mem;
      generate::options opts;
      opts.invalid = invalid;
      opts.max_depth = depth;
      generate::builder b(nothing, mem, opts);
      EXPECT_TRUE(nothing.exhausted());
      EXPECT_FALSE(nothing.chance(99));
      const response r = generate::random_response(b);
      const client_message c = generate::random_client_message(b);
      buffer_sink out;
      EXPECT_TRUE(serialize(r, out)) << "depth " << depth;
      EXPECT_TRUE(serialize(c, out)) << "depth " << depth;
    }
  }
}

// fuzz_ast_roundtrip: with max_quoted_length 8, a BADCHARSET charset of more than 8 characters
// that is no atom was refused ("quoted"), since a charset may be an atom or a quoted string but
// never a literal. max_quoted_length is a preference for literals; where none may go, the value
// is quoted whatever its length.
TEST(FuzzFindings, LongCharsetIsQuotedWhateverTheQuotedLengthLimit) {
  arena mem;
  resp_text_code code;
  code.kind = resp_code_kind::badcharset;
  code.name = "BADCHARSET";
  resp_code_charsets& charsets = code.arg.emplace<resp_code_charsets>();
  charsets.charsets.push_back(mem, imapkit::string::quoted("x-long charset name"));
  tagged t{"a1", resp_cond{status_kind::no, resp_text{code, "unsupported"}}};
  serialize_options options;
  options.max_quoted_length = 8;
  buffer_sink out;
  ASSERT_TRUE(serialize(response{t}, out, options));
  EXPECT_EQ(out.bytes(), "a1 NO [BADCHARSET (\"x-long charset name\")] unsupported\r\n");
  const auto back = parse_response(out.bytes(), mem, parse_options::strict());
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, response{t});
}

// fuzz_response: strict parsing took INTERNALDATE "31-Apr-2023 ..." (the ABNF's date-day-fixed is
// any two digits), which the serializer refuses as a date that does not exist, so a strictly
// valid response could not be written back. Strict parsing now takes only days that exist (in
// date and date-time); lenient mode still takes any day 1..31 a server may send.
TEST(FuzzFindings, StrictParsingTakesOnlyDaysThatExist) {
  arena mem;
  const std::string_view april_31 = "* 7 FETCH (INTERNALDATE \"31-Apr-2023 11:30:20 +0000\")\r\n";
  EXPECT_FALSE(parse_response(april_31, mem, parse_options::strict()));
  const auto lenient = parse_response(april_31, mem, parse_options::lenient());
  ASSERT_TRUE(lenient);
  buffer_sink out;
  EXPECT_EQ(serialize(*lenient, out).error().code, serialize_errc::invalid_date);
  EXPECT_TRUE(out.bytes().empty());

  EXPECT_TRUE(parse_response("* 7 FETCH (INTERNALDATE \"30-Apr-2023 11:30:20 +0000\")\r\n", mem,
                             parse_options::strict()));
  EXPECT_FALSE(parse_command("a1 SEARCH BEFORE 29-Feb-2023\r\n", mem));
  EXPECT_TRUE(parse_command("a1 SEARCH BEFORE 29-Feb-2024\r\n", mem));
  EXPECT_FALSE(parse_command("a1 SEARCH SINCE 1-Jan-0000\r\n", mem));
  EXPECT_FALSE(parse_command("a1 APPEND INBOX \"29-Feb-1900 00:00:00 +0000\" {1}\r\nx\r\n", mem));
  EXPECT_TRUE(parse_command("a1 APPEND INBOX \"29-Feb-2000 00:00:00 +0000\" {1}\r\nx\r\n", mem));
}

// fuzz_command: the entry-name of SEARCH MODSEQ (DQUOTE "/flags/" attr-flag DQUOTE) was compared
// case-insensitively with `c | 0x20`, which also turns the control character 0x0F into "/": a
// name the serializer (rightly) refuses parsed strictly.
TEST(FuzzFindings, ModseqEntryNamePrefixIsCaseInsensitiveForLettersOnly) {
  arena mem;
  EXPECT_FALSE(
      parse_command("a SEARCH MODSEQ \"\x0f"
                    "flags/\\\\draft\" all 620\r\n",
                    mem));
  const auto upper = parse_command("a SEARCH MODSEQ \"/FLAGS/\\\\draft\" all 620\r\n", mem);
  ASSERT_TRUE(upper);
  buffer_sink out;
  EXPECT_TRUE(serialize(*upper, out));
}

// fuzz_ast_roundtrip: "PREVIEW (lAzY 0 CHANGEDSINCE 1)" is PREVIEW followed by fetch-modifiers,
// but the action of preview-mod had already set lazy when "(" preview-mod ")" failed at "0" and
// was backtracked over. lazy is now set once the whole group has matched, and the serializer
// refuses the one shape that is ambiguous: a lone PREVIEW with only bare "LAZY" modifiers.
TEST(FuzzFindings, PreviewLazyIsSetOnlyWhenItsGroupMatches) {
  arena mem;
  const auto cmd = parse_command("H/ FETCH 9 PREVIEW (lAzY 0 CHANGEDSINCE 1)\r\n", mem);
  ASSERT_TRUE(cmd);
  const auto& fetch = std::get<fetch_command>(cmd->body);
  ASSERT_EQ(fetch.program.atts.size(), 1u);
  EXPECT_FALSE(fetch.program.atts[0].lazy);
  ASSERT_EQ(fetch.program.modifiers.size(), 2u);
  EXPECT_EQ(fetch.program.modifiers[0].name, "lAzY");
  buffer_sink out;
  ASSERT_TRUE(serialize(*cmd, out));
  EXPECT_EQ(std::string(out.bytes()), "H/ FETCH 9 PREVIEW (lAzY 0 CHANGEDSINCE 1)\r\n");

  const auto lazy = parse_command("a FETCH 9 PREVIEW (LAZY)\r\n", mem);
  ASSERT_TRUE(lazy);
  EXPECT_TRUE(std::get<fetch_command>(lazy->body).program.atts[0].lazy);

  // PREVIEW without LAZY, then a modifier named LAZY: written, it would read back as lazy.
  command ambiguous = *parse_command("a FETCH 9 PREVIEW (X-MOD)\r\n", mem);
  auto& program = std::get<fetch_command>(ambiguous.body).program;
  ASSERT_EQ(program.modifiers.size(), 1u);
  fetch_modifier lazy_named = program.modifiers[0];
  lazy_named.name = "Lazy";
  program.modifiers = make_list<fetch_modifier>(mem, {lazy_named});
  out.clear();
  EXPECT_EQ(serialize(ambiguous, out).error().what, "fetch-modifier");
  EXPECT_TRUE(out.bytes().empty());
}

TEST(FuzzFindings, DamagedValueHoldsALiteralOnlyWhereAnArgumentStarts) {
  // fuzz_response: item recovery skipped "x{0}" CRLF as a literal inside a damaged value, where
  // the framer sees no literal ("x{0}" is an atom) and ends the message at that CRLF: the
  // recovered item's bytes, written back, framed as two messages.
  arena mem;
  EXPECT_FALSE(parse_response("* 1 FETCH (UID 1 BODY[] x{0}\r\n)\r\n", mem).ok());
  // Where an argument starts, it is a literal, as the framer reads it.
  const auto r = parse_response("* 1 FETCH (UID 1 BODY[] ({0}\r\n x) FLAGS ())\r\n", mem);
  ASSERT_TRUE(r.ok()) << r.error().message();
  const auto& items = std::get<fetch_data>(std::get<untagged>(r->value).data).attributes;
  ASSERT_EQ(items.size(), 3u);
  ASSERT_NE(items[1].get<fetch_invalid>(), nullptr);
  EXPECT_EQ(items[1].get<fetch_invalid>()->bytes, "BODY[] ({0}\r\n x)");
  EXPECT_NE(items[2].get<fetch_flags>(), nullptr);
}

}  // namespace
