// Gmail's labels (X-GM-EXT-1, developers.google.com/gmail/imap/imap-extensions): the one label
// rule that FETCH's X-GM-LABELS item and STORE's X-GM-LABELS both read.
#pragma once

#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// label = "NIL" / "\" atom / astring. System labels keep their backslash ("\Inbox",
// "\Important"); Gmail also sends them quoted ("\\Important"). NIL, which real Gmail puts among
// the labels of a message (MailKit issue 244), is a NIL string: a label named NIL comes quoted.
IMAPKIT_RULE(gmail_label, "X-GM-LABELS label", imapkit::string);
inline const auto gmail_label_rule_def =
    nil[([](auto& ctx) { x3::_val(ctx) = imapkit::string{}; })] |
    x3::raw[x3::lit('\\') >> atom]
           [([](auto& ctx) { x3::_val(ctx) = imapkit::string::atom(as_view(x3::_attr(ctx))); })] |
    astring[set_val];
IMAPKIT_DEFINE(gmail_label_rule)
inline const auto& gmail_label = gmail_label_rule;

}  // namespace imapkit::grammar
