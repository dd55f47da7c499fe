// imapkit_example_client: an IMAP session on imapkit and Boost.Asio (C++20 coroutines).
//
//   imapkit_example_client [session] --host 127.0.0.1 --port 143 --user U --password P
//                          [--search-subject TEXT] [--timeout SECONDS] [--idle-wait SECONDS]
//   imapkit_example_client fetch --to FILE [--uid UID] [--mailbox NAME] --host ... (as above)
//   imapkit_example_client append --file FILE [--mailbox NAME] [--literal-plus] --host ...
//
// The session logs in, lists the mailboxes, selects INBOX, fetches every message's metadata and
// the first one's whole body, searches, sets a flag, appends a message, waits in IDLE while a
// second connection appends another one, and logs out. `fetch` writes the body (BODY.PEEK[]) of
// the message with that UID (default: the newest) to FILE as it arrives; `append` APPENDs FILE
// read from disk as it is sent ({N+} with --literal-plus when the server offers LITERAL+). Both
// hold a message of any size in bounded memory: its literal is streamed. Every command is an
// imapkit AST written by imapkit::serialize; every response goes through imapkit::framer and
// imapkit::parse_response. What it parsed is printed on stdout, one JSON object per step
// (JSON Lines); the last line is {"step":"done",...} or {"step":"error",...}. Exit status 0
// when every step succeeded, 1 otherwise, 2 for bad usage.
#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/system_error.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "connection.hpp"
#include "imapkit/make.hpp"
#include "imapkit/mutf7.hpp"
#include "json_writer.hpp"

namespace asio = boost::asio;
using asio::awaitable;
using namespace imapkit;
using client::connection;
using client::json_writer;
using client::session_error;

namespace {

struct settings {
  std::string command = "session";  // session, fetch or append
  std::string host;
  std::uint16_t port = 0;
  std::string user;
  std::string password;
  std::string search_subject = "hello";
  int timeout_seconds = 60;
  // How long IDLE waits for the update the second connection's APPEND causes (a server that
  // pushes nothing during IDLE, as Mailutils, is then caught up with after DONE).
  int idle_wait_seconds = 10;
  // fetch and append.
  std::string mailbox = "INBOX";
  std::string to_file;    // fetch --to
  std::uint32_t uid = 0;  // fetch --uid (0: the newest message)
  std::string from_file;  // append --file
  bool literal_plus = false;
};

// --- Describing what was parsed, as JSON --------------------------------------------------------

std::string format_date_time(const date_time& d) {
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int zone = d.zone_minutes < 0 ? -d.zone_minutes : d.zone_minutes;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02d-%s-%04d %02d:%02d:%02d %c%02d%02d", d.date.day,
                months[(d.date.month + 11) % 12], d.date.year, d.hour, d.minute, d.second,
                d.zone_minutes < 0 ? '-' : '+', zone / 60, zone % 60);
  return buf;
}

void write_flags(json_writer& j, const list<flag>& flags) {
  j.begin_array();
  for (const flag& f : flags) j.value(f.name);
  j.end_array();
}

void write_status(json_writer& j, const tagged& t) {
  j.field("tag", t.tag).field("status", to_string(t.state.status)).field("text", t.state.text.text);
}

// Addresses as {name, address}: the display name as the server sent it (RFC 2047 encoded words
// are not decoded: that is MIME, not IMAP), mailbox@host. Group markers are left out.
void write_addresses(json_writer& j, const address_list& addresses) {
  j.begin_array();
  for (const address& a : addresses) {
    if (a.is_group_marker()) continue;
    j.begin_object();
    if (a.name.is_nil())
      j.key("name").null();
    else
      j.field("name", a.name.value);
    j.field("address", std::string(a.mailbox.value) + "@" + std::string(a.host.value));
    j.end_object();
  }
  j.end_array();
}

void write_nstring(json_writer& j, std::string_view key, const imapkit::string& s) {
  if (s.is_nil())
    j.key(key).null();
  else
    j.field(key, s.value);
}

// The MIME tree as nested {type, subtype, parts}; a multipart's type is "multipart" (the
// protocol does not send it), a MESSAGE/RFC822 part has the encapsulated message as its one part.
void write_body(json_writer& j, const body_structure& b) {
  j.begin_object();
  j.field("type", b.is_multipart() ? std::string_view("multipart") : b.media_type.value);
  j.field("subtype", b.media_subtype.value);
  if (!b.is_multipart()) {
    j.field("size", b.fields.octets);
    write_nstring(j, "encoding", b.fields.encoding);
  }
  if (const envelope* e = b.encapsulated_envelope()) write_nstring(j, "subject", e->subject);
  // Content-Disposition comes with BODYSTRUCTURE's extension data.
  if (b.extension_fields >= 2 && !b.disposition.is_nil()) {
    j.field("disposition", b.disposition.type.value);
    for (const body_param& p : b.disposition.params)
      if (p.name.value == "filename" || p.name.value == "FILENAME")
        j.field("filename", p.value.value);
  }
  j.key("parts").begin_array();
  for (const body_structure& part : b.parts) write_body(j, part);
  j.end_array();
  j.end_object();
}

void write_envelope(json_writer& j, const envelope& e) {
  j.begin_object();
  write_nstring(j, "subject", e.subject);
  j.key("from");
  write_addresses(j, e.from);
  j.key("to");
  write_addresses(j, e.to);
  write_nstring(j, "message_id", e.message_id);
  j.end_object();
}

// Throws unless the command completed with OK: this example stops at the first failure.
void expect_ok(const tagged& t, std::string_view step) {
  if (t.state.status != status_kind::ok)
    throw session_error("status", std::string(step) + ": " + std::string(t.tag) + " " +
                                      std::string(to_string(t.state.status)) + " " +
                                      std::string(t.state.text.text));
}

// --- The session ------------------------------------------------------------------------------

// Greeting: "* OK [CAPABILITY ...] Dovecot ready." (or PREAUTH, or BYE when the server is busy).
awaitable<void> read_greeting(connection& c, json_writer& j, std::string_view step) {
  const response r = co_await c.read_response();
  const auto* u = std::get_if<untagged>(&r.value);
  const auto* cond = u ? std::get_if<resp_cond>(&u->data) : nullptr;
  if (!cond) throw session_error("protocol", "the greeting is not an untagged status response");
  j.begin_object().field("step", step).field("status", to_string(cond->status));
  j.field("text", cond->text.text);
  const auto* caps =
      cond->text.code ? std::get_if<resp_code_capabilities>(&cond->text.code->arg) : nullptr;
  if (caps) {
    j.key("capabilities").begin_array();
    for (std::string_view cap : caps->capabilities) j.value(cap);
    j.end_array();
  }
  j.end_object().print_line();
  if (cond->status == status_kind::bye) throw session_error("status", "the server said BYE");
}

awaitable<void> login(connection& c, json_writer& j, const settings& s, std::string_view step) {
  // userid and password are astrings: the serializer quotes them, or sends a literal when they
  // hold what a quoted string cannot (a line break, 8-bit text): nothing a user types can end
  // the command early.
  login_command login{imapkit::string::quoted(s.user), imapkit::string::quoted(s.password)};
  const std::string tag = c.next_tag();
  const tagged t = co_await c.execute(command{tag, login});
  j.begin_object().field("step", step);
  write_status(j, t);
  j.end_object().print_line();
  expect_ok(t, step);
}

// APPEND mailbox (flags) {N}: the message is a synchronizing literal, so connection::send()
// sends "tag APPEND INBOX (\Seen) {N}\r\n", waits for the server's "+", then sends the bytes.
// Returns the new message's UID (0 without UIDPLUS); `exists` follows the untagged EXISTS.
awaitable<std::uint32_t> append(connection& c, json_writer& j, arena& mem, std::string_view step,
                                std::string_view message, std::optional<flag> with_flag,
                                std::uint32_t& exists) {
  append_message m;
  if (with_flag) {
    m.has_flags = true;
    m.flags = make_list(mem, {*with_flag});
  }
  m.data = imapkit::string::literal(message);
  append_command cmd;
  cmd.mailbox = *make_mailbox(mem, "INBOX");
  cmd.messages = make_list(mem, {m});

  const std::size_t waits_before = c.continuations();
  std::uint32_t uid = 0;
  const std::string tag = c.next_tag();
  const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
    if (const auto* e = std::get_if<exists_data>(&u.data)) exists = e->count;
  });
  j.begin_object().field("step", step);
  write_status(j, t);
  j.field("size", message.size());
  j.field("waited_for_continuation", c.continuations() > waits_before);
  // UIDPLUS (RFC 4315): OK [APPENDUID uidvalidity uid] names the new message.
  const auto* appenduid =
      t.state.text.code ? std::get_if<resp_code_appenduid>(&t.state.text.code->arg) : nullptr;
  if (appenduid && !appenduid->uids.ranges.empty()) {
    j.field("uidvalidity", appenduid->uidvalidity);
    j.field("uid", uid = appenduid->uids.ranges[0].first);
  }
  j.end_object().print_line();
  expect_ok(t, step);
  co_return uid;
}

// The second connection of the IDLE step: logs in, appends a message to INBOX, logs out.
awaitable<void> deliver_during_idle(const settings& s, json_writer& j) {
  connection c(co_await asio::this_coro::executor);
  co_await c.connect(s.host, s.port);
  co_await read_greeting(c, j, "second.greeting");
  co_await login(c, j, s, "second.login");
  arena mem;
  const std::string message =
      "From: Second Connection <second@example.org>\r\n"
      "To: imapkit <imapkit@example.org>\r\n"
      "Subject: Delivered during IDLE\r\n"
      "\r\n"
      "The first connection should see this one arrive.\r\n";
  std::uint32_t exists = 0;  // not selected: no EXISTS comes
  co_await append(c, j, mem, "second.append", message, std::nullopt, exists);
  const std::string tag = c.next_tag();
  const tagged t = co_await c.execute(command{tag, logout_command{}});
  expect_ok(t, "second.logout");
}

// While in IDLE the server sends untagged updates whenever it likes: wait for an EXISTS that
// says the mailbox grew.
awaitable<void> wait_for_exists(connection& c, std::uint32_t known, std::uint32_t& seen) {
  for (;;) {
    const response r = co_await c.read_response();
    if (const auto* u = std::get_if<untagged>(&r.value)) {
      if (const auto* e = std::get_if<exists_data>(&u->data); e && e->count > known) {
        seen = e->count;
        co_return;
      }
    } else {
      throw session_error("protocol", "a tagged response or continuation during IDLE");
    }
  }
}

// A server need not push updates during IDLE (GNU Mailutils 3.15 looks at the mailbox only when
// the client sends a line): wait at most `quiet` for the EXISTS, then let the caller end IDLE.
awaitable<void> wait_for_exists_at_most(connection& c, std::uint32_t known, std::uint32_t& seen,
                                        std::chrono::seconds quiet) {
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(co_await asio::this_coro::executor, quiet);
  co_await (wait_for_exists(c, known, seen) || timer.async_wait(asio::use_awaitable));
}

// NOOP, which asks the server for the mailbox's news: `exists` becomes the count of each
// EXISTS above `above` it sends; the step is reported with that count.
awaitable<void> noop_for_news(connection& c, json_writer& j, std::string_view step,
                              std::uint32_t above, std::uint32_t& exists) {
  const std::string tag = c.next_tag();
  const tagged t = co_await c.execute(command{tag, noop_command{}}, [&](const untagged& u) {
    if (const auto* e = std::get_if<exists_data>(&u.data); e && e->count > above) exists = e->count;
  });
  j.begin_object().field("step", step).field("exists", exists);
  write_status(j, t);
  j.end_object().print_line();
  expect_ok(t, step);
}

// LOGOUT: an untagged BYE, then the tagged OK.
awaitable<void> logout(connection& c, json_writer& j) {
  bool bye = false;
  const std::string tag = c.next_tag();
  const tagged t = co_await c.execute(command{tag, logout_command{}}, [&](const untagged& u) {
    if (const auto* cond = std::get_if<resp_cond>(&u.data))
      bye = bye || cond->status == status_kind::bye;
  });
  j.begin_object().field("step", "logout").field("bye", bye);
  write_status(j, t);
  j.end_object().print_line();
  expect_ok(t, "logout");
  if (!bye) throw session_error("protocol", "no BYE before LOGOUT's OK");
}

awaitable<void> run_session(const settings& s, json_writer& j) {
  connection c(co_await asio::this_coro::executor);
  co_await c.connect(s.host, s.port);
  co_await read_greeting(c, j, "greeting");

  // Values the commands point to (lists, sequence sets, encoded names) live in this arena.
  arena mem;

  // CAPABILITY
  {
    const std::string tag = c.next_tag();
    j.begin_object().field("step", "capability").key("capabilities").begin_array();
    const tagged t = co_await c.execute(command{tag, capability_command{}}, [&](const untagged& u) {
      if (const auto* cap = std::get_if<capability_data>(&u.data))
        for (std::string_view name : cap->capabilities) j.value(name);
    });
    j.end_array();
    write_status(j, t);
    j.end_object().print_line();
    expect_ok(t, "capability");
  }

  co_await login(c, j, s, "login");

  // LIST "" "*": every mailbox. Names arrive in modified UTF-7 ("Entw&APw-rfe"); users read
  // them in UTF-8 ("Entwürfe").
  {
    list_command cmd;
    cmd.reference = mailbox{imapkit::string::quoted("")};
    cmd.patterns = make_list(mem, {imapkit::string::quoted("*")});
    const std::string tag = c.next_tag();
    j.begin_object().field("step", "list").key("mailboxes").begin_array();
    const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
      const auto* l = std::get_if<mailbox_list>(&u.data);
      if (!l) return;
      const std::string_view wire = l->mailbox.name.value;
      std::optional<std::string> name =
          l->mailbox.is_inbox() ? std::optional<std::string>("INBOX") : from_mutf7(wire);
      j.begin_object();
      j.field("name", name ? *name : std::string(wire));  // undecodable: shown as sent
      j.field("wire_name", wire);
      if (l->delimiter)
        j.field("delimiter", std::string_view(&*l->delimiter, 1));
      else
        j.key("delimiter").null();
      j.key("flags");
      write_flags(j, l->flags);
      j.end_object();
    });
    j.end_array();
    write_status(j, t);
    j.end_object().print_line();
    expect_ok(t, "list");
  }

  // SELECT INBOX: the untagged EXISTS, and OK [UIDVALIDITY n] / OK [UIDNEXT n] codes.
  std::uint32_t exists = 0;
  {
    select_command cmd;
    cmd.mailbox = *make_mailbox(mem, "INBOX");
    std::uint64_t uidvalidity = 0, uidnext = 0;
    list<flag> flags;
    const std::string tag = c.next_tag();
    const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
      if (const auto* e = std::get_if<exists_data>(&u.data)) exists = e->count;
      if (const auto* cond = std::get_if<resp_cond>(&u.data); cond && cond->text.code) {
        const auto* n = std::get_if<resp_code_number>(&cond->text.code->arg);
        if (n && cond->text.code->kind == resp_code_kind::uidvalidity) uidvalidity = n->number;
        if (n && cond->text.code->kind == resp_code_kind::uidnext) uidnext = n->number;
      }
    });
    j.begin_object().field("step", "select");
    j.field("exists", exists).field("uidvalidity", uidvalidity).field("uidnext", uidnext);
    j.field("read_write",
            t.state.text.code && t.state.text.code->kind == resp_code_kind::read_write);
    write_status(j, t);
    j.end_object().print_line();
    expect_ok(t, "select");
  }

  // UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE BODY.PEEK[HEADER])
  struct summary {
    std::uint32_t uid = 0;
    std::uint64_t size = 0;
  };
  std::vector<summary> messages;
  {
    auto att = [](fetch_att_kind kind) {
      fetch_att a;
      a.kind = kind;
      return a;
    };
    fetch_att header = att(fetch_att_kind::body_section);
    header.peek = true;  // BODY.PEEK: reading the header must not set \Seen
    header.section.text = section_text::header;
    fetch_command cmd;
    cmd.uid = true;
    cmd.program.set = *make_sequence_set(mem, "1:*");
    cmd.program.atts = make_list(
        mem, {att(fetch_att_kind::uid), att(fetch_att_kind::flags),
              att(fetch_att_kind::internal_date), att(fetch_att_kind::rfc822_size),
              att(fetch_att_kind::envelope), att(fetch_att_kind::body_structure), header});
    cmd.program.parenthesized = true;

    const std::string tag = c.next_tag();
    j.begin_object().field("step", "fetch").key("messages").begin_array();
    const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
      const auto* f = std::get_if<fetch_data>(&u.data);
      if (!f) return;
      // The items come in the server's order; find_item picks each one out.
      summary m;
      j.begin_object().field("seq", f->number);
      if (const auto* uid = find_item<fetch_uid>(f->attributes)) j.field("uid", m.uid = uid->value);
      if (const auto* flags = find_item<fetch_flags>(f->attributes)) {
        j.key("flags");
        write_flags(j, flags->flags);
      }
      if (const auto* date = find_item<fetch_internal_date>(f->attributes))
        j.field("internaldate", format_date_time(date->value));
      if (const auto* size = find_item<fetch_rfc822_size>(f->attributes))
        j.field("size", m.size = size->value);
      if (const auto* env = find_item<fetch_envelope>(f->attributes)) {
        j.key("envelope");
        write_envelope(j, env->value);
      }
      if (const auto* body = find_item<fetch_body_structure>(f->attributes)) {
        j.key("body");
        write_body(j, body->value);
      }
      if (const auto* hdr = find_item<fetch_body_section>(f->attributes))
        j.field("header_size", c.size_of(hdr->data));
      j.end_object();
      messages.push_back(m);
    });
    j.end_array();
    write_status(j, t);
    j.end_object().print_line();
    expect_ok(t, "fetch");
  }
  if (messages.empty()) throw session_error("protocol", "INBOX is empty: nothing to fetch");

  // UID FETCH <first uid> BODY.PEEK[]: the whole message as one literal, which the framer hands
  // over inline. Its size must be the RFC822.SIZE the server announced.
  const summary first = messages.front();
  {
    fetch_att whole;
    whole.kind = fetch_att_kind::body_section;  // an empty section: BODY[]
    whole.peek = true;
    fetch_command cmd;
    cmd.uid = true;
    cmd.program.set = *make_sequence_set(mem, {seq_range{first.uid, first.uid}});
    cmd.program.atts = make_list(mem, {whole});
    std::optional<std::uint64_t> size;
    const std::string tag = c.next_tag();
    const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
      if (const auto* f = std::get_if<fetch_data>(&u.data))
        if (const auto* body = find_item<fetch_body_section>(f->attributes))
          size = c.size_of(body->data);  // a body above 1 MiB was streamed: counted
    });
    j.begin_object().field("step", "fetch_body").field("uid", first.uid);
    if (size)
      j.field("size", *size);
    else
      j.key("size").null();
    j.field("rfc822_size", first.size).field("size_matches", size == first.size);
    write_status(j, t);
    j.end_object().print_line();
    expect_ok(t, "fetch_body");
    if (size != first.size) throw session_error("protocol", "BODY[] size differs from RFC822.SIZE");
  }

  // UID SEARCH: a subject a user typed, then the unseen messages. Non-ASCII text needs
  // CHARSET UTF-8 and goes as a literal (a quoted string may not hold 8-bit text here), so that
  // SEARCH also waits for "+".
  auto search = [&](std::string_view criteria, search_key key) -> awaitable<void> {
    search_command cmd;
    cmd.uid = true;
    cmd.program.keys = make_list(mem, {key});
    const auto* text = std::get_if<search_astring>(&key.arg);
    if (text && !is_mutf7_identity(text->value.value) && text->value.kind != string_kind::nil)
      cmd.program.charset = imapkit::string::atom("UTF-8");
    const std::size_t waits_before = c.continuations();
    const std::string tag = c.next_tag();
    j.begin_object().field("step", "search").field("criteria", criteria);
    j.key("uids").begin_array();
    const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
      if (const auto* found = std::get_if<search_data>(&u.data))
        for (std::uint32_t uid : found->numbers) j.value(uid);
    });
    j.end_array();
    j.field("waited_for_continuation", c.continuations() > waits_before);
    write_status(j, t);
    j.end_object().print_line();
    expect_ok(t, "search");
  };
  {
    search_key subject;
    subject.kind = search_key_kind::subject;
    subject.arg = search_astring{imapkit::string::quoted(s.search_subject)};
    co_await search("SUBJECT " + s.search_subject, subject);
    search_key unseen;
    unseen.kind = search_key_kind::unseen;
    co_await search("UNSEEN", unseen);
  }

  // UID STORE <first uid> +FLAGS (\Flagged): the server answers with the new FLAGS.
  {
    store_command cmd;
    cmd.uid = true;
    cmd.program.set = *make_sequence_set(mem, {seq_range{first.uid, first.uid}});
    cmd.program.operation = store_operation::add;
    cmd.program.flags = make_list(mem, {*make_flag("\\Flagged")});
    cmd.program.parenthesized = true;
    const std::string tag = c.next_tag();
    j.begin_object().field("step", "store").field("uid", first.uid).key("flags");
    bool got_flags = false;
    const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
      if (const auto* f = std::get_if<fetch_data>(&u.data))
        if (const auto* flags = find_item<fetch_flags>(f->attributes); flags && !got_flags) {
          write_flags(j, flags->flags);
          got_flags = true;
        }
    });
    if (!got_flags) j.null();
    write_status(j, t);
    j.end_object().print_line();
    expect_ok(t, "store");
  }

  // APPEND INBOX (\Seen) {N}, then fetch the new message by the UID the server gave it.
  {
    const std::string message =
        "From: imapkit example <client@example.org>\r\n"
        "To: imapkit <imapkit@example.org>\r\n"
        "Subject: Appended by imapkit_example_client\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "Sent with a synchronizing literal: the client waited for \"+\" first.\r\n";
    const std::uint32_t exists_before_append = exists;
    std::uint32_t uid = co_await append(c, j, mem, "append", message, make_flag("\\Seen"), exists);
    if (exists == exists_before_append) {
      // The server SHOULD announce the new message at once (RFC 9051 §6.3.12); Courier does so
      // only when asked again: NOOP, so that the message and the count are known below.
      co_await noop_for_news(c, j, "noop_after_append", 0, exists);
    }
    if (uid == 0) {
      // No UIDPLUS (no APPENDUID): the newest message with the subject just appended.
      search_key by_subject;
      by_subject.kind = search_key_kind::subject;
      by_subject.arg =
          search_astring{imapkit::string::quoted("Appended by imapkit_example_client")};
      search_command cmd;
      cmd.uid = true;
      cmd.program.keys = make_list(mem, {by_subject});
      const std::string tag = c.next_tag();
      const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
        if (const auto* e = std::get_if<exists_data>(&u.data)) exists = e->count;
        if (const auto* found = std::get_if<search_data>(&u.data))
          for (std::uint32_t n : found->numbers) uid = std::max(uid, n);
      });
      j.begin_object().field("step", "append_uid").field("by", "search").field("uid", uid);
      write_status(j, t);
      j.end_object().print_line();
      expect_ok(t, "append_uid");
      if (uid == 0) throw session_error("protocol", "the appended message is not found");
    }

    fetch_att flags, envelope_att;
    flags.kind = fetch_att_kind::flags;
    envelope_att.kind = fetch_att_kind::envelope;
    fetch_command cmd;
    cmd.uid = true;
    cmd.program.set = *make_sequence_set(mem, {seq_range{uid, uid}});
    cmd.program.atts = make_list(mem, {flags, envelope_att});
    cmd.program.parenthesized = true;
    const std::string tag = c.next_tag();
    j.begin_object().field("step", "fetch_appended").field("uid", uid);
    bool found = false;
    const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
      if (const auto* e = std::get_if<exists_data>(&u.data)) exists = e->count;
      const auto* f = std::get_if<fetch_data>(&u.data);
      if (!f || found) return;
      found = true;
      if (const auto* fl = find_item<fetch_flags>(f->attributes)) {
        j.key("flags");
        write_flags(j, fl->flags);
      }
      if (const auto* env = find_item<fetch_envelope>(f->attributes))
        write_nstring(j, "subject", env->value.subject);
    });
    j.field("found", found);
    write_status(j, t);
    j.end_object().print_line();
    expect_ok(t, "fetch_appended");
  }

  // IDLE: wait for "+ idling", then let a second connection append a message while this one
  // waits for the untagged EXISTS it causes; then DONE, and IDLE's tagged OK.
  {
    // The mailbox size as last announced (the APPEND above sent an EXISTS): IDLE waits for more.
    std::uint32_t known = exists;
    const std::string tag = c.next_tag();
    co_await c.send(command{tag, idle_command{}});
    for (;;) {
      const response r = co_await c.read_response();
      if (r.is_continuation()) break;  // "+ idling"
      if (r.is_tagged()) throw session_error("status", "IDLE was refused");
      // An update may come before the "+": it is not the one we wait for.
      if (const auto* e = std::get_if<exists_data>(&std::get<untagged>(r.value).data))
        known = e->count;
    }
    std::uint32_t seen = 0;
    using namespace asio::experimental::awaitable_operators;
    // Both run at once on this thread; && waits for both (and cancels the other if one fails).
    co_await (wait_for_exists_at_most(c, known, seen, std::chrono::seconds(s.idle_wait_seconds)) &&
              deliver_during_idle(s, j));
    const bool pushed = seen != 0;

    co_await c.send(client_message{idle_done{}});
    std::optional<tagged> done;
    while (!done) {
      const response r = co_await c.read_response();
      if (const auto* t = std::get_if<tagged>(&r.value)) {
        if (t->tag != tag) throw session_error("protocol", "IDLE ended with another tag");
        done = *t;
      } else if (const auto* u = std::get_if<untagged>(&r.value)) {
        if (const auto* e = std::get_if<exists_data>(&u->data); e && e->count > known)
          seen = std::max(seen, e->count);
      }
    }
    j.begin_object().field("step", "idle").field("exists_before", known);
    j.field("exists", seen).field("pushed_during_idle", pushed);
    write_status(j, *done);
    j.end_object().print_line();
    expect_ok(*done, "idle");
    if (seen == 0)  // not even after DONE: NOOP asks for the mailbox's news
      co_await noop_for_news(c, j, "noop_after_idle", known, seen);
  }

  co_await logout(c, j);
}

// --- fetch --to FILE and append --file FILE ---------------------------------------------------

// Writes the body of the fetched message to a file: a streamed one (above 1 MiB) chunk by chunk
// as it arrives, a small one from the parsed response. Other streamed literals are only counted
// by the connection.
class body_to_file final : public client::literal_consumer {
 public:
  explicit body_to_file(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) throw session_error("file", "cannot write " + path);
  }
  void begin(const streamed_literal& literal, const literal_slot& slot) override {
    writing_ = !done_ && (slot.item == "BODY[]" || slot.item == "RFC822");
    if (writing_) streamed_index_ = literal.index;
  }
  void data(const streamed_literal&, std::string_view bytes, bool last) override {
    if (!writing_) return;
    write(bytes);
    if (last) writing_ = false, done_ = true;
  }
  // The body of a FETCH response, unless it was streamed here already.
  void whole(std::string_view bytes) {
    if (done_) return;
    write(bytes);
    done_ = true;
  }
  // Flushes the file; false if a write failed.
  bool finish() { return static_cast<bool>(out_.flush()); }
  std::uint64_t written() const noexcept { return written_; }
  bool streamed() const noexcept { return streamed_index_ != 0; }

 private:
  void write(std::string_view bytes) {
    out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    written_ += bytes.size();
  }
  std::ofstream out_;
  bool writing_ = false;
  bool done_ = false;
  std::uint32_t streamed_index_ = 0;
  std::uint64_t written_ = 0;
};

// Greeting, LOGIN and SELECT (EXAMINE when only reading) of the mailbox the command names.
awaitable<void> open_mailbox(connection& c, json_writer& j, arena& mem, const settings& s,
                             bool read_only) {
  co_await read_greeting(c, j, "greeting");
  co_await login(c, j, s, "login");
  select_command cmd;
  cmd.mailbox = *make_mailbox(mem, s.mailbox);
  cmd.read_only = read_only;
  std::uint32_t exists = 0;
  const std::string tag = c.next_tag();
  const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
    if (const auto* e = std::get_if<exists_data>(&u.data)) exists = e->count;
  });
  j.begin_object().field("step", "select").field("mailbox", s.mailbox).field("exists", exists);
  write_status(j, t);
  j.end_object().print_line();
  expect_ok(t, "select");
}

// UID FETCH uid (UID RFC822.SIZE BODY.PEEK[]) with the body going to s.to_file as it arrives.
awaitable<void> run_fetch(const settings& s, json_writer& j) {
  connection c(co_await asio::this_coro::executor);
  co_await c.connect(s.host, s.port);
  arena mem;
  co_await open_mailbox(c, j, mem, s, true);

  body_to_file body(s.to_file);
  c.set_literal_consumer(&body);
  fetch_att uid_att, size_att, whole;
  uid_att.kind = fetch_att_kind::uid;
  size_att.kind = fetch_att_kind::rfc822_size;
  whole.kind = fetch_att_kind::body_section;  // an empty section: BODY[]
  whole.peek = true;
  fetch_command cmd;
  cmd.uid = true;
  cmd.program.set = s.uid != 0 ? *make_sequence_set(mem, {seq_range{s.uid, s.uid}})
                               : *make_sequence_set(mem, "*");
  cmd.program.atts = make_list(mem, {uid_att, size_att, whole});
  cmd.program.parenthesized = true;
  std::uint32_t uid = 0;
  std::optional<std::uint64_t> rfc822_size;
  const std::string tag = c.next_tag();
  const tagged t = co_await c.execute(command{tag, cmd}, [&](const untagged& u) {
    const auto* f = std::get_if<fetch_data>(&u.data);
    if (!f || uid != 0) return;  // the first message answered: "*" names one
    if (const auto* found = find_item<fetch_uid>(f->attributes)) uid = found->value;
    if (const auto* size = find_item<fetch_rfc822_size>(f->attributes)) rfc822_size = size->value;
    if (const auto* b = find_item<fetch_body_section>(f->attributes); b && !b->data.is_streamed())
      body.whole(b->data.value);
  });
  c.set_literal_consumer(nullptr);
  const bool written = body.finish();
  j.begin_object().field("step", "fetch").field("uid", uid).field("to", s.to_file);
  j.field("size", body.written()).field("streamed", body.streamed());
  if (rfc822_size)
    j.field("rfc822_size", *rfc822_size);
  else
    j.key("rfc822_size").null();
  j.field("size_matches", rfc822_size == body.written());
  write_status(j, t);
  j.end_object().print_line();
  expect_ok(t, "fetch");
  if (uid == 0) throw session_error("protocol", "no such message");
  if (!written) throw session_error("file", "cannot write " + s.to_file);
  if (rfc822_size != body.written())
    throw session_error("protocol", "BODY[] size differs from RFC822.SIZE");
  co_await logout(c, j);
}

// APPEND mailbox {N}: the message is s.from_file, sent from disk in chunks as a streamed literal
// (string::streamed(1), its size in serialize_options::streamed_literals); a synchronizing
// literal waits for "+" first, {N+} with --literal-plus when the server offers LITERAL+.
awaitable<void> run_append(const settings& s, json_writer& j) {
  std::error_code size_error;
  const std::uint64_t size = std::filesystem::file_size(s.from_file, size_error);
  std::ifstream file(s.from_file, std::ios::binary);
  if (size_error || !file) throw session_error("file", "cannot read " + s.from_file);

  connection c(co_await asio::this_coro::executor);
  co_await c.connect(s.host, s.port);
  arena mem;
  co_await read_greeting(c, j, "greeting");
  co_await login(c, j, s, "login");
  if (s.literal_plus) {
    bool offered = false;
    const std::string tag = c.next_tag();
    const tagged t = co_await c.execute(command{tag, capability_command{}}, [&](const untagged& u) {
      if (const auto* cap = std::get_if<capability_data>(&u.data))
        for (std::string_view name : cap->capabilities) offered = offered || name == "LITERAL+";
    });
    expect_ok(t, "capability");
    c.options().literal_plus = offered;
  }

  const streamed_literal literal{size, 0, 1, false};
  append_message m;
  m.data = imapkit::string::streamed(literal.index);
  append_command cmd;
  cmd.mailbox = *make_mailbox(mem, s.mailbox);
  cmd.messages = make_list(mem, {m});
  const client::streamed_source source{
      {&literal, 1}, [&](const streamed_literal&, char* buffer, std::size_t capacity) {
        file.read(buffer, static_cast<std::streamsize>(capacity));
        return static_cast<std::size_t>(file.gcount());
      }};

  const std::size_t waits_before = c.continuations();
  const std::string tag = c.next_tag();
  const tagged t = co_await c.execute(command{tag, cmd}, {}, &source);
  j.begin_object().field("step", "append").field("file", s.from_file).field("size", size);
  j.field("literal_plus", c.options().literal_plus);
  j.field("waited_for_continuation", c.continuations() > waits_before);
  write_status(j, t);
  const auto* appenduid =
      t.state.text.code ? std::get_if<resp_code_appenduid>(&t.state.text.code->arg) : nullptr;
  if (appenduid && !appenduid->uids.ranges.empty()) {
    j.field("uidvalidity", appenduid->uidvalidity);
    j.field("uid", appenduid->uids.ranges[0].first);
  }
  j.end_object().print_line();
  expect_ok(t, "append");
  co_await logout(c, j);
}

awaitable<void> run(const settings& s, json_writer& j) {
  if (s.command == "fetch") return run_fetch(s, j);
  if (s.command == "append") return run_append(s, j);
  return run_session(s, j);
}

// The last line of the report when the session failed.
void report_failure(std::exception_ptr failure) {
  json_writer j;
  j.begin_object().field("step", "error");
  try {
    std::rethrow_exception(failure);
  } catch (const session_error& e) {
    j.field("kind", e.kind).field("message", e.what());
    if (e.kind == "parse") {
      j.field("offset", e.offset).field("production", e.production);
      j.field("expected", e.expected).field("response", e.message);
    }
    std::fprintf(stderr, "imapkit_example_client: %s error: %s\n", e.kind.c_str(), e.what());
  } catch (const boost::system::system_error& e) {
    j.field("kind", "network").field("message", e.what());
    std::fprintf(stderr, "imapkit_example_client: network error: %s\n", e.what());
  } catch (const std::exception& e) {
    j.field("kind", "other").field("message", e.what());
    std::fprintf(stderr, "imapkit_example_client: %s\n", e.what());
  }
  j.end_object().print_line();
}

std::optional<settings> parse_arguments(int argc, char** argv) {
  settings s;
  int i = 1;
  if (i < argc && !std::string_view(argv[i]).starts_with("--")) s.command = argv[i++];
  if (s.command != "session" && s.command != "fetch" && s.command != "append") return std::nullopt;
  for (; i < argc; ++i) {
    const std::string_view name = argv[i];
    if (name == "--literal-plus") {  // the one option without a value
      s.literal_plus = true;
      continue;
    }
    if (i + 1 == argc) return std::nullopt;
    const std::string value = argv[++i];
    if (name == "--host")
      s.host = value;
    else if (name == "--port")
      s.port = static_cast<std::uint16_t>(std::atoi(value.c_str()));
    else if (name == "--user")
      s.user = value;
    else if (name == "--password")
      s.password = value;
    else if (name == "--search-subject")
      s.search_subject = value;
    else if (name == "--timeout")
      s.timeout_seconds = std::atoi(value.c_str());
    else if (name == "--idle-wait")
      s.idle_wait_seconds = std::atoi(value.c_str());
    else if (name == "--mailbox")
      s.mailbox = value;
    else if (name == "--to")
      s.to_file = value;
    else if (name == "--uid")
      s.uid = static_cast<std::uint32_t>(std::strtoul(value.c_str(), nullptr, 10));
    else if (name == "--file")
      s.from_file = value;
    else
      return std::nullopt;
  }
  if (s.host.empty() || s.port == 0 || s.user.empty() || s.timeout_seconds <= 0 ||
      s.idle_wait_seconds <= 0 || (s.command == "fetch") != !s.to_file.empty() ||
      (s.command == "append") != !s.from_file.empty())
    return std::nullopt;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<settings> s = parse_arguments(argc, argv);
  if (!s) {
    std::fprintf(stderr,
                 "usage: imapkit_example_client [session] --host HOST --port PORT --user USER "
                 "--password PASSWORD [--search-subject TEXT] [--timeout SECONDS] "
                 "[--idle-wait SECONDS]\n"
                 "       imapkit_example_client fetch --to FILE [--uid UID] [--mailbox NAME] "
                 "--host ... (connection options as above)\n"
                 "       imapkit_example_client append --file FILE [--mailbox NAME] "
                 "[--literal-plus] --host ...\n");
    return 2;
  }

  // One thread, one io_context: the two connections of the IDLE step are coroutines on it.
  asio::io_context io;
  json_writer report;
  bool finished = false;
  int status = 1;
  asio::co_spawn(io, run(*s, report), [&](std::exception_ptr failure) {
    finished = true;
    if (failure) {
      report_failure(failure);
      return;
    }
    status = 0;
    json_writer done;
    done.begin_object().field("step", "done").field("ok", true).end_object().print_line();
  });
  // A server that stops answering must not hang the client (or a test) forever.
  io.run_for(std::chrono::seconds(s->timeout_seconds));
  if (!finished) {
    json_writer timeout;
    timeout.begin_object().field("step", "error").field("kind", "timeout");
    timeout.field("message", "no answer within " + std::to_string(s->timeout_seconds) + " s");
    timeout.end_object().print_line();
    std::fprintf(stderr, "imapkit_example_client: timed out\n");
  }
  return status;
}
