// envelope and address (RFC 9051 §7.5.2 FETCH ENVELOPE, §9; group syntax RFC 3501 §7.4.2).
#pragma once

#include <boost/describe/class.hpp>

#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
//
// RFC 2822 group syntax is carried by address entries too (RFC 3501 §7.4.2, RFC 9051 §7.5.2):
// a NIL addr-host with a mailbox name starts a group (the mailbox is the group's name), and
// NIL host and NIL mailbox end it. Entries between are the group's members.
struct address {
  imapkit::string name;     // addr-name: the phrase ("display name"), RFC 2047 still encoded
  imapkit::string adl;      // addr-adl: source route, obsolete, almost always NIL
  imapkit::string mailbox;  // addr-mailbox: local part, or the group name at a group start
  imapkit::string host;     // addr-host: domain; NIL marks a group start or end

  // (NIL NIL "Team A" NIL): the members that follow belong to group "Team A".
  constexpr bool is_group_start() const noexcept { return host.is_nil() && !mailbox.is_nil(); }
  // (NIL NIL NIL NIL): the end of the current group.
  constexpr bool is_group_end() const noexcept { return host.is_nil() && mailbox.is_nil(); }
  constexpr bool is_group_marker() const noexcept { return host.is_nil(); }

  friend bool operator==(const address&, const address&) = default;
};
BOOST_DESCRIBE_STRUCT(address, (), (name, adl, mailbox, host))

// env-from / env-sender / ... = "(" 1*address ")" / nil. NIL is the empty list (in lenient mode
// "()" is accepted and is the empty list as well, see docs/quirks.md).
using address_list = list<address>;

// envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
//            env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
// Header values as the server sent them: the date is not parsed (servers pass it through raw,
// "garbage date string" included) and RFC 2047 encoded words are not decoded.
struct envelope {
  imapkit::string date;         // env-date
  imapkit::string subject;      // env-subject
  address_list from;            // env-from
  address_list sender;          // env-sender
  address_list reply_to;        // env-reply-to
  address_list to;              // env-to
  address_list cc;              // env-cc
  address_list bcc;             // env-bcc
  imapkit::string in_reply_to;  // env-in-reply-to
  imapkit::string message_id;   // env-message-id

  friend bool operator==(const envelope&, const envelope&) = default;
};
BOOST_DESCRIBE_STRUCT(envelope, (),
                      (date, subject, from, sender, reply_to, to, cc, bcc, in_reply_to, message_id))

}  // namespace imapkit
