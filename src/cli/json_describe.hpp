// JSON of the AST's described payload structs (BOOST_DESCRIBE_STRUCT beside each in
// include/imapkit/ast/): each member becomes "its name": its value, so a member's JSON name is
// the one its struct declares. Used for the arguments of search keys and response codes
// (docs/cli-json.md).
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
#include "json_search.hpp"  // to_json(search_key), for NOT / OR / list operands

namespace imapkit::cli {

template <class T>
boost::json::value member_to_json(const T& v);

// Adds every public described member of `payload` to `o`; an empty std::optional is left out.
template <class T>
void add_members(boost::json::object& o, const T& payload) {
  using members = boost::describe::describe_members<T, boost::describe::mod_public>;
  boost::mp11::mp_for_each<members>([&](auto d) {
    const auto& m = payload.*d.pointer;
    if constexpr (requires { m.has_value(); }) {
      if (m) o[d.name] = member_to_json(*m);
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
  if constexpr (std::is_arithmetic_v<T>) {  // bool included
    return boost::json::value(v);
  } else if constexpr (std::is_same_v<T, std::string_view>) {
    return bytes_to_json(v);
  } else if constexpr (std::is_same_v<T, flag>) {
    return bytes_to_json(v.name);
  } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
    return boost::json::string(boost::describe::enum_to_string(v, "?"));
  } else if constexpr (boost::describe::has_describe_members<T>::value) {
    boost::json::object o;
    add_members(o, v);
    return o;
  } else if constexpr (requires { v.span(); }) {  // imapkit::list
    boost::json::array out;
    out.reserve(v.size());
    for (const auto& item : v) out.push_back(member_to_json(item));
    return out;
  } else {
    return to_json(v);
  }
}

}  // namespace imapkit::cli
