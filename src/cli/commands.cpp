// `imapkit parse --commands`: one framed client command to JSON.
#include "imapkit/parse.hpp"
#include "json.hpp"

namespace imapkit::cli {

bool parse_command_to_json(std::string_view message, arena& mem, const parse_options& options,
                           boost::json::object& out, parse_error& err) {
  const auto parsed = parse_generic_command(message, mem, options);
  if (!parsed) {
    err = parsed.error();
    return false;
  }
  out["command"] = to_json(*parsed);
  return true;
}

}  // namespace imapkit::cli
