// Parser entry points. Including this header is cheap: the grammar is instantiated in src/.
//
// Every entry point parses exactly one message as the framer hands it out (imapkit/framer.hpp):
// the whole command or response, its literals inline, ending in CRLF. The tree it returns holds
// views into `message` and into `mem`; both must outlive it. Call mem.reset() before the next
// message to reuse the memory.
#pragma once

#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/error.hpp"
#include "imapkit/options.hpp"

namespace imapkit {

// The generic form of a server response: tag, name, values or resp-text. Lenient by default.
result<generic_message> parse_generic_response(std::string_view message, arena& mem,
                                               const parse_options& options = parse_options::lenient());

// The generic form of a client command (or a bare line: SASL data, DONE). Strict by default.
result<generic_message> parse_generic_command(std::string_view message, arena& mem,
                                              const parse_options& options = parse_options::strict());

}  // namespace imapkit
