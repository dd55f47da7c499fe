// A server's side of the exchange: the framer (framer_side::read_commands) cuts the client's bytes
// into messages and says when a synchronizing literal waits for "+"; parse_client_message parses
// each message, and next_expectation tells AUTHENTICATE data and IDLE's DONE from commands.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"

namespace {

using namespace imapkit;

// A minimal server loop: feeds client bytes, answers "+ OK" to synchronizing literals, parses
// every message and records what it would answer.
class server_loop {
 public:
  // Feeds bytes; returns the lines the server sent back while handling them.
  std::vector<std::string> feed(std::string_view bytes) {
    std::vector<std::string> sent;
    frame.feed(bytes);
    for (;;) {
      const framer::event ev = frame.next();
      if (ev.kind == framer::status::need_more) {
        if (frame.take_continuation_request()) sent.push_back("+ OK");
        break;
      }
      if (ev.kind == framer::status::error) {
        sent.push_back("* BAD " + std::string(ev.error.limit_name()));
        continue;
      }
      mem.reset();
      auto parsed = parse_client_message(ev.message, mem, expect);
      if (!parsed) {
        const parse_error& e = parsed.error();
        sent.push_back((e.tag.empty() ? std::string("*") : std::string(e.tag)) + " BAD " +
                       e.message());
        if (expect == client_expectation::authenticate_data) expect = client_expectation::command;
        continue;
      }
      expect = next_expectation(*parsed, expect);
      if (const auto* c = std::get_if<command>(&*parsed)) {
        names.push_back(std::string(command_name(*c)));
        if (const auto* a = std::get_if<append_command>(&c->body))
          appended.push_back(std::string(a->messages[0].data.value));
        if (std::holds_alternative<idle_command>(c->body)) sent.push_back("+ idling");
        if (const auto* auth = std::get_if<authenticate_command>(&c->body)) {
          if (!auth->initial_response) sent.push_back("+ ");
        }
        if (!std::holds_alternative<idle_command>(c->body) &&
            !std::holds_alternative<authenticate_command>(c->body))
          sent.push_back(std::string(c->tag) + " OK");
      } else if (std::holds_alternative<idle_done>(*parsed)) {
        names.push_back("DONE");
      } else {
        const auto& data = std::get<authenticate_data>(*parsed);
        names.push_back(data.cancel ? "SASL *" : "SASL " + std::string(data.base64));
      }
    }
    return sent;
  }

  framer frame{framer_side::read_commands};
  arena mem;
  client_expectation expect = client_expectation::command;
  std::vector<std::string> names;
  std::vector<std::string> appended;
};

TEST(ServerExchange, SynchronizingLiteralGetsContinuation) {
  server_loop server;
  // RFC 9051 §7.5: the client sends the command up to the literal's CRLF and waits for "+".
  auto sent = server.feed("A003 APPEND saved-messages (\\Seen) {10}\r\n");
  ASSERT_EQ(sent, std::vector<std::string>{"+ OK"});
  EXPECT_TRUE(server.names.empty());
  sent = server.feed("0123456789\r\n");
  ASSERT_EQ(sent, std::vector<std::string>{"A003 OK"});
  ASSERT_EQ(server.appended.size(), 1u);
  EXPECT_EQ(server.appended[0], "0123456789");
}

TEST(ServerExchange, NonSynchronizingLiteralNeedsNone) {
  server_loop server;
  // RFC 7888 LITERAL+: no "+" before the bytes; the literal arrives in the same feed or later.
  auto sent = server.feed("A004 APPEND INBOX {5+}\r\n");
  EXPECT_TRUE(sent.empty());
  sent = server.feed("hello\r\n");
  ASSERT_EQ(sent, std::vector<std::string>{"A004 OK"});
  EXPECT_EQ(server.appended.at(0), "hello");
}

TEST(ServerExchange, TwoLiteralsTwoContinuations) {
  server_loop server;
  // imaplib-auth: LOGIN {7} labuser {7} labpass
  EXPECT_EQ(server.feed("GJMO2 LOGIN {7}\r\n"), std::vector<std::string>{"+ OK"});
  EXPECT_EQ(server.feed("labuser {7}\r\n"), std::vector<std::string>{"+ OK"});
  EXPECT_EQ(server.feed("labpass\r\n"), std::vector<std::string>{"GJMO2 OK"});
  EXPECT_EQ(server.names, std::vector<std::string>{"LOGIN"});
}

TEST(ServerExchange, RefusedLiteralDropsTheCommand) {
  server_loop server;
  // The server answers NO instead of "+" (imaplib-errors-conn2: APPEND over quota); the client
  // abandons the command and sends the next one.
  EXPECT_EQ(server.feed("d3 APPEND INBOX {20}\r\n"), std::vector<std::string>{"+ OK"});
  EXPECT_TRUE(server.frame.refuse_literal());
  EXPECT_EQ(server.feed("d4 NOOP\r\n"), std::vector<std::string>{"d4 OK"});
  EXPECT_EQ(server.names, std::vector<std::string>{"NOOP"});
}

TEST(ServerExchange, BadCommandIsAnsweredWithItsTag) {
  server_loop server;
  auto sent = server.feed("b2 FETCH 1:x FLAGS\r\nb3 NOOP\r\n* NOOP\r\n");
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].substr(0, 7), "b2 BAD ");
  EXPECT_EQ(sent[1], "b3 OK");
  EXPECT_EQ(sent[2].substr(0, 6), "* BAD ");  // no readable tag
}

TEST(ServerExchange, IdleAndDone) {
  server_loop server;
  EXPECT_EQ(server.feed("FNPK4 IDLE\r\n"), std::vector<std::string>{"+ idling"});
  EXPECT_EQ(server.expect, client_expectation::idle_done);
  EXPECT_TRUE(server.feed("DONE\r\n").empty());
  EXPECT_EQ(server.expect, client_expectation::command);
  EXPECT_EQ(server.feed("FNPK5 NOOP\r\n"), std::vector<std::string>{"FNPK5 OK"});
  EXPECT_EQ(server.names, (std::vector<std::string>{"IDLE", "DONE", "NOOP"}));
}

TEST(ServerExchange, AuthenticateExchange) {
  server_loop server;
  // imaplib-auth-conn4: AUTHENTICATE LOGIN, two base64 lines, then a command.
  EXPECT_EQ(server.feed("KEHB2 AUTHENTICATE LOGIN\r\n"), std::vector<std::string>{"+ "});
  EXPECT_TRUE(server.feed("bGFidXNlcg==\r\n").empty());
  EXPECT_TRUE(server.feed("bGFicGFzcw==\r\n").empty());
  EXPECT_EQ(server.feed("KEHB3 LOGOUT\r\n"), std::vector<std::string>{"KEHB3 OK"});
  EXPECT_EQ(server.names, (std::vector<std::string>{
                              "AUTHENTICATE", "SASL bGFidXNlcg==", "SASL bGFicGFzcw==", "LOGOUT"}));
  // imaplib-auth-conn3: "*" cancels.
  server_loop cancel;
  cancel.feed("EHPI1 AUTHENTICATE PLAIN\r\n");
  cancel.feed("*\r\n");
  EXPECT_EQ(cancel.expect, client_expectation::command);
  EXPECT_EQ(cancel.names.back(), "SASL *");
  // Invalid base64 is a BAD (RFC 9051 §6.2.2) and ends the exchange.
  server_loop bad;
  bad.feed("KEHB1 AUTHENTICATE LOGIN\r\n");
  auto sent = bad.feed("!!notbase64!!\r\n");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].substr(0, 6), "* BAD ");
  EXPECT_EQ(bad.expect, client_expectation::command);
}

TEST(ServerExchange, ByteAtATime) {
  // The same stream fed one byte at a time gives the same messages and continuations.
  const std::string stream =
      "a1 LOGIN {3}\r\nabc {3}\r\ndef\r\na2 IDLE\r\nDONE\r\na3 APPEND INBOX {2+}\r\nxy\r\n";
  server_loop whole;
  whole.feed(stream);
  server_loop bytes;
  std::size_t continuations = 0;
  for (char c : stream)
    for (const std::string& line : bytes.feed(std::string_view(&c, 1)))
      if (line == "+ OK") ++continuations;
  EXPECT_EQ(bytes.names, whole.names);
  EXPECT_EQ(bytes.names, (std::vector<std::string>{"LOGIN", "IDLE", "DONE", "APPEND"}));
  EXPECT_EQ(continuations, 2u);  // {3} and {3}; not {2+}
}

}  // namespace
