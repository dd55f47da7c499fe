// The fixture shared by the command tests: parse one command, expect success with a body of a
// given type, or a failure at a given offset.
#pragma once

#include <gtest/gtest.h>

#include <string_view>
#include <variant>

#include "imapkit/parse.hpp"

namespace imapkit::test_support {

class CommandTest : public ::testing::Test {
 protected:
  // Parses a command that must be valid and returns its body as T.
  template <class T>
  T ok(std::string_view input, std::string_view expected_tag = {}) {
    mem.reset();
    auto r = parse_command(input, mem);
    EXPECT_TRUE(r.ok()) << "input: " << input << " error: " << (r ? "" : r.error().message());
    if (!r) return T{};
    if (!expected_tag.empty()) {
      EXPECT_EQ(r->tag, expected_tag);
    }
    const T* body = std::get_if<T>(&r->body);
    EXPECT_NE(body, nullptr) << "input: " << input << " parsed as " << command_name(*r);
    return body ? *body : T{};
  }

  // Parses a command that must be rejected at `offset`.
  parse_error fails(std::string_view input, std::size_t offset) {
    mem.reset();
    auto r = parse_command(input, mem);
    EXPECT_FALSE(r.ok()) << "input: " << input << " unexpectedly parsed";
    if (r) return {};
    EXPECT_EQ(r.error().offset, offset) << "input: " << input << " " << r.error().message();
    return r.error();
  }

  arena mem;
};

}  // namespace imapkit::test_support
