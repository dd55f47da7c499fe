// Limits of the response parser (docs/limits.md): nesting depth of THREAD lists and generic
// values, and the number of list items. Past a limit the parse fails cleanly at a known offset.
#include <string>

#include "response_test_helpers.hpp"

namespace {

using namespace imapkit;
using ResponseLimits = imapkit::test::ResponseTest;

std::string nested_thread(std::size_t depth) {
  // (1 (2 ... ) (x)) would need two children per level; "((...))" nests thread-nested lists,
  // which lenient mode takes with one child.
  return "* THREAD " + std::string(depth, '(') + "1" + std::string(depth, ')') + "\r\n";
}

TEST_F(ResponseLimits, ThreadDepthWithinDefaultLimit) {
  const response r = lenient_only(nested_thread(100));
  const auto d = data<thread_data>(r);
  ASSERT_EQ(d.threads.size(), 1u);
  const thread_list* node = &d.threads[0];
  std::size_t depth = 1;
  while (!node->children.empty()) node = &node->children[0], ++depth;
  EXPECT_EQ(depth, 100u);
  EXPECT_EQ(joined(node->members), "1");
}

TEST_F(ResponseLimits, ThreadDepthPastDefaultLimitFailsCleanly) {
  const std::string input = nested_thread(10000);
  const auto r = parse(input, parse_mode::lenient);
  ASSERT_FALSE(r.ok());
  // "* THREAD " is 9 bytes; level 257 opens at offset 9 + 256 and fails right after its "(".
  EXPECT_EQ(r.error().offset, 9u + 257u);
  EXPECT_EQ(r.error().expected, "nesting depth within max_depth");
}

TEST_F(ResponseLimits, DepthIsConfigurable) {
  parse_options options = parse_options::lenient();
  options.max_depth = 3;
  EXPECT_TRUE(parse_response(nested_thread(3), mem, options).ok());
  mem.reset();
  const auto r = parse_response(nested_thread(4), mem, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 9u + 4u);
}

TEST_F(ResponseLimits, GenericValueDepth) {
  // Unknown untagged data (lenient) and LIST extended items hold generic values.
  const std::string deep = "* XDATA " + std::string(10000, '(') + std::string(10000, ')') + "\r\n";
  const auto r = parse(deep, parse_mode::lenient);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().expected, "nesting depth within max_depth");
  const std::string list_ext =
      "* LIST () \"/\" x (X " + std::string(5000, '(') + std::string(5000, ')') + ")\r\n";
  const auto l = parse(list_ext, parse_mode::strict);
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.error().expected, "nesting depth within max_depth");
}

TEST_F(ResponseLimits, ListItems) {
  parse_options options = parse_options::strict();
  options.max_list_items = 5;
  EXPECT_TRUE(parse_response("* SEARCH 1 2 3 4 5\r\n", mem, options).ok());
  mem.reset();
  auto r = parse_response("* SEARCH 1 2 3 4 5 6\r\n", mem, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().expected, "list items within max_list_items");
  mem.reset();
  r = parse_response("* FLAGS (a b c d e f)\r\n", mem, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().expected, "list items within max_list_items");
  mem.reset();
  r = parse_response("* OK [CAPABILITY A B C D E F] x\r\n", mem, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().expected, "list items within max_list_items");
}

TEST_F(ResponseLimits, LargeSearchResult) {
  std::string input = "* SEARCH";
  for (int i = 1; i <= 100000; ++i) input += " " + std::to_string(i);
  input += "\r\n";
  const auto d = data<search_data>(input);
  ASSERT_EQ(d.numbers.size(), 100000u);
  EXPECT_EQ(d.numbers.back(), 100000u);
}

}  // namespace
