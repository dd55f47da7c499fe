// JSON forms of the FETCH response AST (schema: docs/ast-fetch.md).
#pragma once

#include <boost/json.hpp>

#include "imapkit/ast/fetch.hpp"

namespace imapkit::cli {

boost::json::value to_json(const address& a);
boost::json::value to_json(const body_structure& b);
boost::json::value to_json(const msg_att& item);
boost::json::value to_json(const msg_att_list& items);
// "1.2.HEADER.FIELDS (DATE FROM)": the section as it is written between the brackets.
std::string section_to_string(const section& s);

}  // namespace imapkit::cli
