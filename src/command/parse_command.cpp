// Instantiates the command grammar (src/command/command.hpp) and its entry points.
#include <algorithm>

#include "command/command.hpp"
#include "imapkit/parse.hpp"
#include "x3/run.hpp"

namespace imapkit {

result<command> parse_command(std::string_view message, arena& mem, const parse_options& options) {
  return grammar::run<command>(grammar::cmd::command, message, mem, options, "command");
}

namespace {

// True when the line holds no SP before its CRLF: it cannot be a command (tag SP ...), so it is
// AUTHENTICATE data or DONE when the connection expects one of those.
bool is_bare_line(std::string_view message) {
  return std::find(message.begin(), message.end(), ' ') == message.end();
}

template <class T, class Rule>
result<client_message> run_line(const Rule& rule, std::string_view message, arena& mem,
                                const parse_options& options, std::string_view name) {
  auto parsed = grammar::run<T>(rule, message, mem, options, name);
  if (!parsed) return parsed.error();
  return result<client_message>(client_message(*parsed), parsed.quirks());
}

}  // namespace

result<client_message> parse_client_message(std::string_view message, arena& mem,
                                            client_expectation expect,
                                            const parse_options& options) {
  if (expect == client_expectation::authenticate_data && is_bare_line(message))
    return run_line<authenticate_data>(grammar::cmd::authenticate_data, message, mem, options,
                                       "base64");
  if (expect == client_expectation::idle_done && is_bare_line(message))
    return run_line<idle_done>(grammar::cmd::idle_done, message, mem, options, "idle-done");
  return run_line<command>(grammar::cmd::command, message, mem, options, "command");
}

client_expectation next_expectation(const client_message& message,
                                    client_expectation current) noexcept {
  if (const auto* c = std::get_if<command>(&message)) {
    if (std::holds_alternative<idle_command>(c->body)) return client_expectation::idle_done;
    if (std::holds_alternative<authenticate_command>(c->body))
      return client_expectation::authenticate_data;
    return client_expectation::command;
  }
  if (const auto* data = std::get_if<authenticate_data>(&message))
    return data->cancel ? client_expectation::command : current;
  return client_expectation::command;  // idle_done
}

}  // namespace imapkit
