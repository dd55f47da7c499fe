// Parser entry points. Including this header is cheap: the grammar is instantiated in src/.
//
// Every entry point parses exactly one message as the framer hands it out (imapkit/framer.hpp):
// the whole command or response, its literals inline, ending in CRLF. The tree it returns holds
// views into `message` and into `mem`; both must outlive it. Call mem.reset() before the next
// message to reuse the memory.
#pragma once

#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/ast/command.hpp"
#include "imapkit/ast/fetch.hpp"
#include "imapkit/ast/fetch_command.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/response.hpp"
#include "imapkit/ast/search.hpp"
#include "imapkit/error.hpp"
#include "imapkit/options.hpp"

namespace imapkit {

// The generic form of a server response: tag, name, values or resp-text. Lenient by default.
result<generic_message> parse_generic_response(
    std::string_view message, arena& mem,
    const parse_options& options = parse_options::responses());

// One server response (RFC 9051 §7 / §9): a continuation request, untagged data or a tagged
// status response, ending in CRLF. Lenient by default (docs/quirks.md).
// src/response/parse_response.cpp.
result<response> parse_response(std::string_view message, arena& mem,
                                const parse_options& options = parse_options::responses());

// The generic form of a client command (or a bare line: SASL data, DONE). Strict by default.
result<generic_message> parse_generic_command(std::string_view message, arena& mem,
                                              const parse_options& options = parse_options::strict());

// One client command (RFC 9051 §9 `command`): tag SP command-body CRLF. Strict by default. A
// command name the grammar does not know parses into generic_command. On error, parse_error::tag
// holds the tag when it was readable, so a server can answer "tag BAD".
// src/command/parse_command.cpp.
result<command> parse_command(std::string_view message, arena& mem,
                              const parse_options& options = parse_options::strict());

// What the connection expects of the client's next line (docs/commands.md). A line holding a SP
// is always a command; a line without one is AUTHENTICATE data in `authenticate_data`, DONE in
// `idle_done`, and an error in `command` (no command lacks a SP).
enum class client_expectation : unsigned char { command, authenticate_data, idle_done };

// Any line a client sends: a command, an AUTHENTICATE continuation line (base64 or "*"), or IDLE's
// DONE, told apart by `expect` (see next_expectation). Strict by default.
result<client_message> parse_client_message(std::string_view message, arena& mem,
                                            client_expectation expect,
                                            const parse_options& options = parse_options::strict());

// What to expect after `message` was parsed while expecting `current`: authenticate_data after
// AUTHENTICATE and its data lines (until "*" or a command), idle_done after IDLE, else command.
client_expectation next_expectation(const client_message& message, client_expectation current) noexcept;

// The data items of one FETCH response, from its "(" to its ")" (msg-att, RFC 9051 §9):
// (UID 7 FLAGS (\Seen) BODY[] {12}CRLF...). Lenient by default.
result<msg_att_list> parse_fetch_items(std::string_view text, arena& mem,
                                       const parse_options& options = parse_options::lenient());

// One body production alone (FETCH BODY / BODYSTRUCTURE's value): ("TEXT" "PLAIN" ...).
result<body_structure> parse_body_structure(std::string_view text, arena& mem,
                                            const parse_options& options = parse_options::lenient());

// One envelope production alone (FETCH ENVELOPE's value): ("date" "subject" ...).
result<envelope> parse_envelope(std::string_view text, arena& mem,
                                const parse_options& options = parse_options::lenient());

// Command arguments alone, without tag, command name or CRLF (for tests, fuzzers and tools; a
// whole command goes through parse_command). Strict by default. src/search/parse_search.cpp,
// src/fetch/parse_fetch_command.cpp.
// One search-key: FROM alice, OR (SEEN) NOT DRAFT, 1:5, ...
result<search_key> parse_search_key(std::string_view text, arena& mem,
                                    const parse_options& options = parse_options::strict());
// What follows "SEARCH " / "UID SEARCH ": [RETURN (...) SP] [CHARSET x SP] search-key *(SP search-key)
result<search_program> parse_search_program(std::string_view text, arena& mem,
                                            const parse_options& options = parse_options::strict());
// What follows "SORT ": [RETURN (...) SP] (sort-criteria) charset search-key *(SP search-key)
result<sort_program> parse_sort_program(std::string_view text, arena& mem,
                                        const parse_options& options = parse_options::strict());
// What follows "THREAD ": thread-alg SP charset search-key *(SP search-key)
result<thread_program> parse_thread_program(std::string_view text, arena& mem,
                                            const parse_options& options = parse_options::strict());
// What follows "FETCH ": sequence-set SP items [SP (fetch-modifiers)]
result<fetch_program> parse_fetch_program(std::string_view text, arena& mem,
                                          const parse_options& options = parse_options::strict());
// What follows "STORE ": sequence-set [SP (store-modifiers)] SP store-att-flags
result<store_program> parse_store_program(std::string_view text, arena& mem,
                                          const parse_options& options = parse_options::strict());

}  // namespace imapkit
