// Instantiates the authenticated-state command grammar
// (src/command/command_auth_def.hpp), called from the command grammar in
// src/command/parse_command.cpp.
#include "command/command_auth_def.hpp"

namespace imapkit::grammar::cmd {
BOOST_SPIRIT_INSTANTIATE(decltype(command_auth_rule), iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decltype(replace_args_rule), iterator_type, context_type)
}  // namespace imapkit::grammar::cmd
