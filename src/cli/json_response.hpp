// JSON forms of server responses for `imapkit parse --responses` (schema: docs/cli-json.md).
#pragma once

#include <boost/json.hpp>

#include "imapkit/ast/response.hpp"

namespace imapkit::cli {

boost::json::value to_json(const resp_text_code& code);
boost::json::value to_json(const list_extended_item& item);
boost::json::value to_json(const search_return_data& d);
// Adds "code" (when present) and "text" of a resp-text to o.
void add_resp_text(boost::json::object& o, const resp_text& text);
boost::json::value to_json(const untagged_data& data);
boost::json::value to_json(const response& r);

}  // namespace imapkit::cli
