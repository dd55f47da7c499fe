// Builds three commands — a FETCH, a SEARCH with a string a user typed, an APPEND with a literal —
// and prints the bytes the serializer writes for them, fragment by fragment: a client sends a
// fragment, then waits for the server's "+" before the next one (a synchronizing literal).
// The README shows this program and its output (examples/build_commands.expected).
#include <cstdio>
#include <string>
#include <string_view>

#include "imapkit/make.hpp"
#include "imapkit/serialize.hpp"

using namespace imapkit;

// Prints a fragment on one line, CR and LF made visible: a literal's line breaks are its data.
void show(std::string_view bytes) {
  for (char c : bytes) {
    if (c == '\r')
      std::fputs("\\r", stdout);
    else if (c == '\n')
      std::fputs("\\n", stdout);
    else
      std::fputc(c, stdout);
  }
  std::fputc('\n', stdout);
}

void send(const command& c, const serialize_options& options) {
  buffer_sink out;
  if (const serialize_result written = serialize(c, out, options); !written) {
    const serialize_error& err = written.error();
    std::printf("refused: %s in %s\n", std::string(to_string(err.code)).c_str(),
                std::string(err.what).c_str());
    return;
  }
  const auto fragments = out.fragments();
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    if (i != 0) std::puts("    (wait for \"+\")");
    show(fragments[i]);
  }
}

int main() {
  arena mem;
  serialize_options options;  // the strictest peer: no LITERAL+, no UTF-8

  // a1 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (From Subject)])
  fetch_att flags;
  flags.kind = fetch_att_kind::flags;
  fetch_att headers;
  headers.kind = fetch_att_kind::body_section;
  headers.peek = true;
  headers.section.text = section_text::header_fields;
  headers.section.header_fields =
      make_list(mem, {imapkit::string::atom("From"), imapkit::string::atom("Subject")});
  fetch_command fetch;
  fetch.uid = true;
  fetch.program.set = *make_sequence_set(mem, "1:*");
  fetch.program.atts = make_list(mem, {flags, headers});
  fetch.program.parenthesized = true;
  send(command{*make_tag("a1"), fetch}, options);

  // SEARCH for what a user typed: quotes, a line break and an attempt at a second command.
  // The string cannot be quoted, so it goes as a literal: its bytes cannot end the command.
  const std::string_view typed = "Re: \"budget\"\r\na3 DELETE INBOX";
  search_key subject;
  subject.kind = search_key_kind::subject;
  subject.arg = search_astring{imapkit::string::quoted(typed)};
  search_key unseen;
  unseen.kind = search_key_kind::unseen;
  search_command search;
  search.program.keys = make_list(mem, {subject, unseen});
  send(command{*make_tag("a2"), search}, options);

  // APPEND a message to "Entwürfe" (a UTF-8 name: modified UTF-7 on the wire) with a flag and a
  // date: the message is a literal.
  append_message message;
  message.has_flags = true;
  message.flags = make_list(mem, {*make_flag("\\Seen")});
  message.date_time = make_date_time(2026, 11, 23, 9, 30, 0, 60);
  message.data = imapkit::string::literal("Subject: hi\r\n\r\nHello\r\n");
  append_command append;
  append.mailbox = *make_mailbox(mem, "Entw\xc3\xbcrfe", options);
  append.messages = make_list(mem, {message});
  send(command{*make_tag("a4"), append}, options);

  // The same APPEND to a server that advertises LITERAL+: one fragment, no wait.
  serialize_options literal_plus = options;
  literal_plus.literal_plus = true;
  send(command{*make_tag("a5"), append}, literal_plus);

  // What cannot be sent is refused where it is made, and again by the serializer.
  std::printf("make_tag(\"a+1\") %s\n", make_tag("a+1") ? "accepted" : "refused");
  std::printf("make_date(2026, 2, 30) %s\n", make_date(2026, 2, 30) ? "accepted" : "refused");
  send(command{"a 6", noop_command{}}, options);
}
