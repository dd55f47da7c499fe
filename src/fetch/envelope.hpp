// envelope and address (RFC 9051 §9; RFC 3501 §9).
#pragma once

#include "imapkit/ast/envelope.hpp"
#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
// addr-name = nstring; addr-adl = nstring; addr-mailbox = nstring; addr-host = nstring
IMAPKIT_RULE(address, "address", imapkit::address);
inline const auto address_rule_def = x3::lit('(') > nstring[set_member<&imapkit::address::name>] >
                                     sp > nstring[set_member<&imapkit::address::adl>] > sp >
                                     nstring[set_member<&imapkit::address::mailbox>] > sp >
                                     nstring[set_member<&imapkit::address::host>] > ')';
IMAPKIT_DEFINE(address_rule)
inline const auto& address = address_rule;

// 1*address; lenient: a SP between addresses (space_between_list_items).
inline const auto addresses = address[push_val] >>
                              *(-(&sp >> if_quirk<quirk::space_between_list_items>[sp]) >>
                                address[push_val]);

// env-from = "(" 1*address ")" / nil   (likewise env-sender, env-reply-to, env-to, env-cc, env-bcc)
// The ABNF puts no SP between addresses and servers send none; lenient mode also takes an SP
// between them, the empty list "()", and NILs (each with a SP after it) before the addresses,
// left out (SmarterMail, MailKit #991; nil_in_address_list), docs/quirks.md. The lenient
// alternatives come after the ABNF's: a hot path of FETCH.
IMAPKIT_RULE(address_list, "address list", imapkit::address_list);
inline const auto address_list_rule_def =
    nil | (x3::lit('(') >>
           ((addresses > x3::lit(')')) | if_quirk<quirk::empty_address_list>[x3::lit(')')] |
            (if_quirk<quirk::nil_in_address_list>[+(nil >> -sp)] >> -addresses > x3::lit(')'))));
IMAPKIT_DEFINE(address_list_rule)
inline const auto& address_list = address_list_rule;

// envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
//            env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
IMAPKIT_RULE(envelope, "envelope", imapkit::envelope);
inline const auto envelope_rule_def = x3::lit('(') > nstring[set_member<&imapkit::envelope::date>] >
                                      sp > nstring[set_member<&imapkit::envelope::subject>] > sp >
                                      address_list[set_member<&imapkit::envelope::from>] > sp >
                                      address_list[set_member<&imapkit::envelope::sender>] > sp >
                                      address_list[set_member<&imapkit::envelope::reply_to>] > sp >
                                      address_list[set_member<&imapkit::envelope::to>] > sp >
                                      address_list[set_member<&imapkit::envelope::cc>] > sp >
                                      address_list[set_member<&imapkit::envelope::bcc>] > sp >
                                      nstring[set_member<&imapkit::envelope::in_reply_to>] > sp >
                                      nstring[set_member<&imapkit::envelope::message_id>] > ')';
IMAPKIT_DEFINE(envelope_rule)
inline const auto& envelope = envelope_rule;

}  // namespace imapkit::grammar
