// Running a rule over one whole message: the context, the error translation, the result.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/error.hpp"
#include "imapkit/options.hpp"
#include "x3/context.hpp"

namespace imapkit::grammar {

// Parses all of message with rule into a T built in mem. The rule must consume every byte.
// production_name names the entry point in errors that happen outside any named rule.
template <class T, class Rule>
result<T> run(const Rule& rule, std::string_view message, imapkit::arena& mem,
              const parse_options& options, std::string_view production_name) {
  parse_state st{.mem = mem, .options = options, .begin = message.data()};
  const auto ctx = x3::make_context<state_tag>(st);
  const char* first = message.data();
  const char* const last = message.data() + message.size();
  T value{};
  const bool matched = rule.parse(first, last, ctx, x3::unused, value);
  if (matched && first == last && !st.failed()) return result<T>(std::move(value), st.quirks_used);
  parse_error err;
  err.tag = st.tag;
  if (st.failed()) {  // an expectation failed: where and what it recorded
    err.offset = static_cast<std::size_t>(st.failed_at - message.data());
    err.production = st.failed_production.empty() ? production_name : st.failed_production;
    err.expected = st.failed_expected.empty() ? err.production : st.failed_expected;
    err.kind = failure_kind(st);
  } else {
    err.offset = static_cast<std::size_t>(first - message.data());
    err.production = production_name;
    err.expected = first == last || first == message.data() ? production_name : "end of message";
  }
  return err;
}

}  // namespace imapkit::grammar
