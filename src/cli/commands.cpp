// `imapkit parse --commands`: one framed client message to JSON.
//
// The CLI reads one client->server stream per run, so the expectation for the next line (a
// command, AUTHENTICATE data after AUTHENTICATE, DONE after IDLE) is kept here across calls and
// advanced with next_expectation (docs/commands.md).
#include "imapkit/parse.hpp"
#include "json.hpp"
#include "quirks.hpp"
#include "json_command.hpp"

namespace imapkit::cli {

namespace {
client_expectation expectation = client_expectation::command;
}  // namespace

bool parse_command_to_json(std::string_view message, arena& mem, const parse_options& options,
                           boost::json::object& out, parse_error& err) {
  const auto parsed = parse_client_message(message, mem, expectation, options);
  if (!parsed) {
    err = parsed.error();
    // A rejected AUTHENTICATE line ends the exchange (the server answers BAD); a rejected command
    // leaves the expectation as it was.
    if (expectation == client_expectation::authenticate_data)
      expectation = client_expectation::command;
    return false;
  }
  expectation = next_expectation(*parsed, expectation);
  out["command"] = to_json(*parsed);
  if (!parsed.quirks().empty()) out["quirks"] = quirks_to_json(parsed.quirks());
  return true;
}

}  // namespace imapkit::cli
