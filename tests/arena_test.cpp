#include <gtest/gtest.h>

#include "imapkit/arena.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace {

using namespace imapkit;

TEST(Arena, SmallAllocationsStayInTheInlineBlock) {
  arena mem;
  for (int i = 0; i < 100; ++i) mem.allocate(64, 8);
  EXPECT_EQ(mem.heap_allocations(), 0u);
  EXPECT_EQ(mem.bytes_used(), 6400u);
}

TEST(Arena, ResetReusesTheBlocksItGrewInto) {
  arena mem;
  const auto fill = [&] {
    for (int i = 0; i < 1000; ++i) mem.allocate(1024, 8);  // ~1 MB: well past the inline block
  };
  fill();
  const std::size_t after_first = mem.heap_allocations();
  EXPECT_GT(after_first, 0u);
  for (int round = 0; round < 5; ++round) {
    mem.reset();
    EXPECT_EQ(mem.bytes_used(), 0u);
    fill();
  }
  EXPECT_EQ(mem.heap_allocations(), after_first);
}

TEST(Arena, CopyIsIndependentOfTheSource) {
  arena mem;
  std::string source = "hello";
  const std::string_view copy = mem.copy(source);
  source[0] = 'j';
  EXPECT_EQ(copy, "hello");
  EXPECT_TRUE(mem.copy("").empty());
}

TEST(List, GrowsInTheArenaAndComparesByValue) {
  arena mem;
  list<int> a, b;
  for (int i = 0; i < 1000; ++i) a.push_back(mem, i);
  for (int i = 0; i < 1000; ++i) b.push_back(mem, i);
  EXPECT_EQ(a.size(), 1000u);
  EXPECT_EQ(a[999], 999);
  EXPECT_EQ(a, b);
  b.mutable_back() = 0;
  EXPECT_NE(a, b);
  EXPECT_EQ(mem.heap_allocations(), 0u);  // 1000 ints fit the inline block (with growth)
}

TEST(String, EqualityIsOfValueNotRepresentation) {
  EXPECT_EQ(string::atom("abc"), string::quoted("abc"));
  EXPECT_EQ(string::literal("abc"), string::quoted("abc"));
  EXPECT_NE(string::nil(), string::quoted(""));
  EXPECT_NE(string::quoted("NIL"), string::nil());
  EXPECT_EQ(string::nil(), string::nil());
  EXPECT_EQ(to_string(string_kind::literal8), "literal8");
}

}  // namespace
