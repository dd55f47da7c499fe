// The lines of one client->server stream: what the next line is expected to be (a command,
// AUTHENTICATE data after AUTHENTICATE, DONE after IDLE) kept across its messages
// (docs/commands.md). `imapkit parse --commands` and `imapkit lint` read captures with it.
#pragma once

#include <string_view>

#include "imapkit/parse.hpp"

namespace imapkit::cli {

class client_line_reader {
 public:
  result<client_message> read(std::string_view message, arena& mem, const parse_options& options) {
    const client_expectation current = expect_;
    auto parsed = parse_client_message(message, mem, current, options);
    if (parsed) {
      expect_ = next_expectation(*parsed, current);
    } else if (current == client_expectation::authenticate_data) {
      // A rejected AUTHENTICATE line ends the exchange (the server answers BAD); a rejected
      // command leaves the expectation as it was.
      expect_ = client_expectation::command;
    }
    return parsed;
  }
  client_expectation expectation() const noexcept { return expect_; }

 private:
  client_expectation expect_ = client_expectation::command;
};

}  // namespace imapkit::cli
