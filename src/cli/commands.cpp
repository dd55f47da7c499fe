// `imapkit parse --commands`: one framed client message to JSON.
//
// The CLI reads one client->server stream per run, so the expectation for the next line is kept
// here across calls (client_lines.hpp).
#include "client_lines.hpp"
#include "imapkit/parse.hpp"
#include "json.hpp"
#include "json_command.hpp"
#include "quirks.hpp"

namespace imapkit::cli {

namespace {
client_line_reader lines;
}  // namespace

bool parse_command_to_json(std::string_view message, arena& mem, const parse_options& options,
                           boost::json::object* out, parse_error& err) {
  const auto parsed = lines.read(message, mem, options);
  if (!parsed) {
    err = parsed.error();
    return false;
  }
  if (out == nullptr) return true;  // --summary: nothing to write
  (*out)["command"] = to_json(*parsed);
  if (!parsed.quirks().empty()) (*out)["quirks"] = quirks_to_json(parsed.quirks());
  return true;
}

}  // namespace imapkit::cli
