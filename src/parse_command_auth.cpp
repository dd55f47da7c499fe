// Instantiates the authenticated-state command grammar
// (grammar/imapkit/grammar/command_auth_def.hpp), called from the command grammar in
// src/parse_command.cpp.
#include "imapkit/grammar/command_auth_def.hpp"

namespace imapkit::grammar::cmd {
BOOST_SPIRIT_INSTANTIATE(decltype(command_auth_rule), iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decltype(replace_args_rule), iterator_type, context_type)
}  // namespace imapkit::grammar::cmd
