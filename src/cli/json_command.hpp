// JSON forms of client commands and the other client lines (schema: docs/cli-json.md, "Commands").
#pragma once

#include <boost/json.hpp>

#include "imapkit/ast/command.hpp"

namespace imapkit::cli {

boost::json::value to_json(const append_message& m);
boost::json::value to_json(const command& c);
boost::json::value to_json(const client_message& m);

}  // namespace imapkit::cli
