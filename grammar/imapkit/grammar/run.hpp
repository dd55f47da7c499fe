// Running a rule over one whole message: the context, the error translation, the result.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/error.hpp"
#include "imapkit/grammar/context.hpp"
#include "imapkit/options.hpp"

namespace imapkit::grammar {

// Parses all of message with rule into a T built in mem. The rule must consume every byte.
// production_name names the entry point in errors that happen outside any named rule.
template <class T, class Rule>
result<T> run(const Rule& rule, std::string_view message, imapkit::arena& mem,
              const parse_options& options, std::string_view production_name) {
  parse_state st{mem, options, message.data(), 0, {}, {}};
  const auto ctx = x3::make_context<state_tag>(st);
  const char* first = message.data();
  const char* const last = message.data() + message.size();
  T value{};
  try {
    if (rule.parse(first, last, ctx, x3::unused, value) && first == last) return value;
    parse_error err;
    err.offset = static_cast<std::size_t>(first - message.data());
    err.production = production_name;
    err.expected = first == last || first == message.data() ? production_name : "end of message";
    err.tag = st.tag;
    return err;
  } catch (const x3::expectation_failure<const char*>& failure) {
    parse_error err;
    err.offset = static_cast<std::size_t>(failure.where() - message.data());
    err.production = st.failed_production.empty() ? production_name : st.failed_production;
    // X3 names a composite parser by its mangled type; say which production wanted it instead.
    const std::string& which = failure.which();
    err.expected = which.size() > 80 || which.find("boost") != std::string::npos
                       ? err.production
                       : mem.copy(which);  // the message's arena outlives the result
    err.tag = st.tag;
    return err;
  }
}

}  // namespace imapkit::grammar
