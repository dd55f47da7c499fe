// Shared by the tests/response_*_test.cpp files: parse one response and get at its parts.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <variant>

#include "imapkit/parse.hpp"

namespace imapkit::test {

class ResponseTest : public ::testing::Test {
 protected:
  result<response> parse(std::string_view input, parse_mode mode = parse_mode::strict) {
    parse_options options;
    options.quirks = parse_options::of(mode).quirks;
    return parse_response(input, mem, options);
  }

  // Parses in strict mode, and checks lenient mode gives the same tree.
  response ok(std::string_view input) {
    auto strict = parse(input, parse_mode::strict);
    EXPECT_TRUE(strict.ok()) << "input: " << input
                             << " error: " << (strict ? "" : strict.error().message());
    auto lenient = parse(input, parse_mode::lenient);
    EXPECT_TRUE(lenient.ok()) << "input: " << input
                              << " (lenient) error: " << (lenient ? "" : lenient.error().message());
    if (strict && lenient) {
      EXPECT_TRUE(*strict == *lenient) << "input: " << input;
    }
    return strict ? *strict : response{};
  }

  // Parses in lenient mode only, and checks strict mode rejects it.
  response lenient_only(std::string_view input) {
    auto strict = parse(input, parse_mode::strict);
    EXPECT_FALSE(strict.ok()) << "input: " << input << " parsed in strict mode";
    auto lenient = parse(input, parse_mode::lenient);
    EXPECT_TRUE(lenient.ok()) << "input: " << input
                              << " (lenient) error: " << (lenient ? "" : lenient.error().message());
    return lenient ? *lenient : response{};
  }

  // Expects a failure at `offset` (in both modes unless one is given).
  parse_error fails(std::string_view input, std::size_t offset,
                    parse_mode mode = parse_mode::strict) {
    auto r = parse(input, mode);
    EXPECT_FALSE(r.ok()) << "input: " << input << " unexpectedly parsed";
    if (r) return {};
    EXPECT_EQ(r.error().offset, offset) << "input: " << input << " " << r.error().message();
    return r.error();
  }

  // The untagged data of r as T (a failed expectation and a default T if it is something else).
  template <class T>
  T data(const response& r) {
    const auto* u = std::get_if<untagged>(&r.value);
    EXPECT_NE(u, nullptr) << "not an untagged response";
    if (!u) return T{};
    const T* d = std::get_if<T>(&u->data);
    EXPECT_NE(d, nullptr) << "untagged data of another kind (index " << u->data.index() << ")";
    return d ? *d : T{};
  }

  template <class T>
  T data(std::string_view input) {
    return data<T>(ok(input));
  }

  static tagged as_tagged(const response& r) {
    const auto* t = std::get_if<tagged>(&r.value);
    EXPECT_NE(t, nullptr) << "not a tagged response";
    return t ? *t : tagged{};
  }

  static continue_req as_continue(const response& r) {
    const auto* c = std::get_if<continue_req>(&r.value);
    EXPECT_NE(c, nullptr) << "not a continuation request";
    return c ? *c : continue_req{};
  }

  // The resp-text-code of a status response (tagged or untagged).
  resp_text_code code(std::string_view input) {
    const response r = ok(input);
    const resp_text* text = nullptr;
    if (const auto* t = std::get_if<tagged>(&r.value)) text = &t->state.text;
    if (const auto* u = std::get_if<untagged>(&r.value))
      if (const auto* c = std::get_if<resp_cond>(&u->data)) text = &c->text;
    EXPECT_TRUE(text && text->code) << "input: " << input << " has no resp-text-code";
    return text && text->code ? *text->code : resp_text_code{};
  }

  // The argument of a code as Payload (a failed expectation and a default Payload if the code
  // holds another alternative).
  template <class Payload>
  static Payload code_arg(const resp_text_code& c) {
    const Payload* p = std::get_if<Payload>(&c.arg);
    EXPECT_NE(p, nullptr) << "code " << c.name << " holds argument alternative " << c.arg.index();
    return p ? *p : Payload{};
  }

  // True when a code holds no argument (std::monostate).
  static bool has_no_arg(const resp_text_code& c) {
    return std::holds_alternative<std::monostate>(c.arg);
  }

  static std::string set_string(const sequence_set& s) {
    std::string out;
    for (const seq_range& r : s.ranges) {
      if (!out.empty()) out += ',';
      out += r.first == seq_range::star ? "*" : std::to_string(r.first);
      if (!r.is_single()) out += ':' + (r.last == seq_range::star ? "*" : std::to_string(r.last));
    }
    return out;
  }

  static std::string joined(const list<std::string_view>& items) {
    std::string out;
    for (std::string_view s : items) (out.empty() ? out : out += ' ') += s;
    return out;
  }
  static std::string joined(const list<imapkit::string>& items) {
    std::string out;
    for (const imapkit::string& s : items) (out.empty() ? out : out += ' ') += s.value;
    return out;
  }
  static std::string joined(const list<flag>& items) {
    std::string out;
    for (const flag& f : items) (out.empty() ? out : out += ' ') += f.name;
    return out;
  }
  template <class N>
  static std::string joined(const list<N>& items) requires std::is_integral_v<N> {
    std::string out;
    for (N n : items) (out.empty() ? out : out += ' ') += std::to_string(n);
    return out;
  }

  arena mem;
};

}  // namespace imapkit::test
