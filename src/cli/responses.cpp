// `imapkit parse --responses`: one framed server response to JSON (docs/cli-json.md).
#include "imapkit/parse.hpp"
#include "json.hpp"
#include "json_response.hpp"
#include "quirks.hpp"

namespace imapkit::cli {

bool parse_response_to_json(std::string_view message, arena& mem, const parse_options& options,
                            boost::json::object* out, parse_error& err) {
  const auto parsed = parse_response(message, mem, options);
  if (!parsed) {
    err = parsed.error();
    return false;
  }
  if (out == nullptr) return true;  // --summary: nothing to write
  (*out)["response"] = to_json(*parsed);
  if (!parsed.quirks().empty()) (*out)["quirks"] = quirks_to_json(parsed.quirks());
  return true;
}

}  // namespace imapkit::cli
