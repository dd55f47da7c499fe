// Pieces shared by the command grammars (command.hpp, command_auth_def.hpp): the actions that fill
// a command's body and RFC 4466's parameter shape. Included only by those two.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "imapkit/ast/command.hpp"
#include "lexical/generic.hpp"
#include "lexical/lexical.hpp"
#include "lexical/modifiers.hpp"

namespace imapkit::grammar::cmd {

// _val.body = _attr (the sub-rule built one command body)
inline constexpr auto set_body = [](auto& ctx) { x3::_val(ctx).body = x3::_attr(ctx); };

// _val.body = _attr.body (the sub-rule parsed a whole command-any / command-auth / ...)
inline constexpr auto merge_body = [](auto& ctx) { x3::_val(ctx).body = x3::_attr(ctx).body; };

// _val.body = T{} (a command without arguments)
template <class T>
inline constexpr auto emplace_body = [](auto& ctx) { x3::_val(ctx).body = T{}; };

// _val.body = _attr with uid = true (the UID form of COPY, MOVE, FETCH, ...)
inline constexpr auto set_uid_body = [](auto& ctx) {
  auto body = x3::_attr(ctx);
  body.uid = true;
  x3::_val(ctx).body = body;
};

// select-param / create-param = tagged-ext-label [SP tagged-ext-val]   (RFC 4466)
// tagged-ext-label = tagged-label-fchar *tagged-label-char (read as an atom here)
// tagged-ext-val is the one rule of lexical/modifiers.hpp: its lookahead keeps a following
// parameter name from being taken as the value ("(CONDSTORE QRESYNC ...)").
IMAPKIT_RULE(tagged_ext_param, "tagged-ext", imapkit::tagged_ext_param);
inline const auto tagged_ext_param_rule_def =
    atom[set_member<&imapkit::tagged_ext_param::name>] >>
    -(sp >> tagged_ext_val_rule[([](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); })]);
IMAPKIT_DEFINE(tagged_ext_param_rule)
inline const auto& tagged_ext_param = tagged_ext_param_rule;

// option-extension = (option-standard-tag / option-vendor-tag) [SP option-value]   (RFC 5258)
// option-value = "(" option-val-comp ")"
IMAPKIT_RULE(option_extension, "option-extension", imapkit::tagged_ext_param);
inline const auto option_extension_rule_def =
    atom[set_member<&imapkit::tagged_ext_param::name>] >>
    -(sp >> &x3::lit('(') >>
      generic_value[([](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); })]);
IMAPKIT_DEFINE(option_extension_rule)
inline const auto& option_extension = option_extension_rule;

}  // namespace imapkit::grammar::cmd
