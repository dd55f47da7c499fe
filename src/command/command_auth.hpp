// Commands of the authenticated state (RFC 9051 §6.3, §9 command-auth) and their extensions:
// SELECT / EXAMINE with RFC 4466 parameters (RFC 7162 CONDSTORE, QRESYNC), CREATE (RFC 6154 USE),
// DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, LIST (RFC 5258, RFC 5819, RFC 6154), LSUB (RFC 3501),
// NAMESPACE, STATUS, APPEND (RFC 3502 MULTIAPPEND, RFC 3516 literal8, RFC 6855 UTF8), IDLE, the
// QUOTA (RFC 9208), METADATA (RFC 5464) and ACL (RFC 4314) commands.
//
// Declarations here; the definitions are in command_auth_def.hpp, instantiated in
// src/command/parse_command_auth.cpp. The parser of the whole command calls command_auth through
// separately_compiled[command_auth_rule][action].
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "imapkit/ast/command.hpp"
#include "x3/expect.hpp"

// The command grammar lives in its own namespace, so that its rule names (the ABNF names:
// "select", "status", "capability", ...) cannot clash with rules of other areas.
namespace imapkit::grammar::cmd {

// command-auth = append / create / delete / enable / examine / list / namespace-command /
//                rename / select / status / subscribe / unsubscribe / idle     (RFC 9051 §9)
//                and the extensions above. Its value is the command's body (the tag is not
//                part of it).
IMAPKIT_RULE(command_auth, "command-auth", imapkit::command);

// What follows "REPLACE" SP (RFC 8508): seq-number SP mailbox append-message. Also the UID form,
// where the number is a uniqueid.
IMAPKIT_RULE(replace_args, "replace", imapkit::replace_command);

BOOST_SPIRIT_DECLARE(decltype(command_auth_rule), decltype(replace_args_rule))

}  // namespace imapkit::grammar::cmd
