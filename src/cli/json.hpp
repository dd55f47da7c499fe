// JSON forms of the AST for the CLI (schema: docs/cli-json.md).
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/error.hpp"
#include "imapkit/options.hpp"

namespace imapkit::cli {

// A byte string as JSON: text when it is valid UTF-8, else {"base64": "..."}.
boost::json::value bytes_to_json(std::string_view bytes);
boost::json::value to_json(const imapkit::string& s);
boost::json::value to_json(const generic_value& v);
boost::json::value to_json(const generic_message& m);
boost::json::value to_json(const sequence_set& s);
boost::json::value to_json(const date& d);
boost::json::value to_json(const date_time& d);
boost::json::value to_json(const mailbox& m);
// {"offset": 12, "production": "flag-list", "expected": "flag", "kind": "syntax", "message": ...}
boost::json::value to_json(const parse_error& e);

// Parses one framed message into its JSON form (none when out is null: --summary only counts);
// on failure fills err and returns false. One of these per direction, each in its own file
// (responses.cpp, commands.cpp).
bool parse_response_to_json(std::string_view message, arena& mem, const parse_options& options,
                            boost::json::object* out, parse_error& err);
bool parse_command_to_json(std::string_view message, arena& mem, const parse_options& options,
                           boost::json::object* out, parse_error& err);

}  // namespace imapkit::cli
