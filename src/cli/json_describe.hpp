// JSON of the AST from its descriptions (BOOST_DESCRIBE_STRUCT / _ENUM beside each type in
// include/imapkit/ast/): a described struct is an object of its members, each under the name its
// struct declares and in declaration order; a member that is absent (an empty std::optional, an
// enumerator without keyword) or a flag that is off (false) is left out; a list is an array; an
// enumerator is its keyword when its enum has a keyword table (include/imapkit/ast/keywords.hpp),
// else its name. A type with a JSON form of its own (a `to_json` taking exactly that type, declared
// in the headers included here: strings, mailboxes, sequence-sets, dates, FETCH items, ...) is
// written by it. docs/cli-json.md gives the forms.
#pragma once

#include <boost/describe/enum.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>

#include "imapkit/list.hpp"
#include "json.hpp"
#include "json_command.hpp"
#include "json_fetch.hpp"
#include "json_response.hpp"
#include "json_search.hpp"

namespace imapkit::cli {

// True when T has a JSON form of its own: a to_json overload taking exactly `const T&` (an
// exact match, so that no conversion, such as a payload into the variant holding it, counts).
template <class T>
concept has_own_json_form = requires {
  static_cast<boost::json::value (*)(const T&)>(&to_json);
};

template <class T>
boost::json::value member_to_json(const T& v);

// Adds every public described member of `payload` to `o`, but for an empty std::optional, a
// false bool and an enumerator whose keyword is empty (GETMETADATA's unset DEPTH).
template <class T>
void add_members(boost::json::object& o, const T& payload) {
  using members = boost::describe::describe_members<T, boost::describe::mod_public>;
  boost::mp11::mp_for_each<members>([&](auto d) {
    const auto& m = payload.*d.pointer;
    if constexpr (requires { m.has_value(); }) {
      if (m) o[d.name] = member_to_json(*m);
    } else if constexpr (std::is_same_v<std::decay_t<decltype(m)>, bool>) {
      if (m) o[d.name] = true;
    } else if constexpr (std::is_enum_v<std::decay_t<decltype(m)>> && requires { to_string(m); }) {
      if (!to_string(m).empty()) o[d.name] = member_to_json(m);  // "": a kind with no keyword
    } else {
      o[d.name] = member_to_json(m);
    }
  });
}

// Adds the members of whichever payload a variant holds (nothing for std::monostate).
template <class... Ts>
void add_members(boost::json::object& o, const std::variant<Ts...>& payload) {
  std::visit(
      [&](const auto& p) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(p)>, std::monostate>) add_members(o, p);
      },
      payload);
}

template <class T>
boost::json::value member_to_json(const T& v) {
  if constexpr (std::is_same_v<T, char>) {  // a hierarchy delimiter
    return bytes_to_json(std::string_view(&v, 1));
  } else if constexpr (std::is_arithmetic_v<T>) {  // bool included
    return boost::json::value(v);
  } else if constexpr (std::is_same_v<T, std::string_view>) {
    return bytes_to_json(v);
  } else if constexpr (std::is_same_v<T, flag>) {
    return bytes_to_json(v.name);
  } else if constexpr (std::is_enum_v<T> && requires { to_string(v); }) {  // a keyword table
    return boost::json::string(to_string(v));
  } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
    return boost::json::string(boost::describe::enum_to_string(v, "?"));
  } else if constexpr (has_own_json_form<T>) {
    return to_json(v);
  } else if constexpr (boost::describe::has_describe_members<T>::value) {
    boost::json::object o;
    add_members(o, v);
    return o;
  } else {
    static_assert(
        requires { v.span(); }, "a described type, a list, or a type with its own form");
    boost::json::array out;
    out.reserve(v.size());
    for (const auto& item : v) out.push_back(member_to_json(item));
    return out;
  }
}

}  // namespace imapkit::cli
