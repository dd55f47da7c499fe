// JSON forms of the SEARCH / SORT / THREAD / FETCH / STORE command arguments (docs/ast-search.md).
#pragma once

#include <boost/json.hpp>

#include "imapkit/ast/fetch_command.hpp"
#include "imapkit/ast/search.hpp"

namespace imapkit::cli {

boost::json::value to_json(const search_key& key);
boost::json::value to_json(const search_program& program);
boost::json::value to_json(const sort_program& program);
boost::json::value to_json(const thread_program& program);
boost::json::value to_json(const fetch_att& att);
boost::json::value to_json(const fetch_program& program);
boost::json::value to_json(const store_program& program);

}  // namespace imapkit::cli
