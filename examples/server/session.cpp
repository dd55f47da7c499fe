#include "session.hpp"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <numeric>

#include "imapkit/make.hpp"
#include "mime.hpp"
#include "util.hpp"

namespace server {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using namespace imapkit;

namespace {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

constexpr std::string_view system_flags[] = {"\\Answered", "\\Flagged", "\\Deleted", "\\Seen",
                                             "\\Draft"};

std::string name_of(const imapkit::mailbox& m) {
  return m.is_inbox() ? std::string("INBOX") : std::string(m.name.value);
}

imapkit::mailbox wire_mailbox(std::string_view name) {
  return imapkit::mailbox{imapkit::string::quoted(name)};
}

// A code of this kind with its argument (the alternative resp_code_names says the kind takes).
resp_text_code code_of(resp_code_kind kind, resp_code_argument arg = {}) {
  resp_text_code c;
  c.kind = kind;
  c.arg = arg;
  return c;
}

// A sequence set of ascending numbers, consecutive ones joined into ranges (APPENDUID, COPYUID,
// ESEARCH ALL).
sequence_set compress(arena& mem, const std::vector<std::uint32_t>& values) {
  sequence_set set;
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j + 1 < values.size() && values[j + 1] == values[j] + 1) ++j;
    set.ranges.push_back(mem, seq_range{values[i], values[j]});
    i = j + 1;
  }
  return set;
}

// Whether `value` is in `set`, "*" standing for `largest`.
bool in_set(const sequence_set& set, std::uint32_t value, std::uint32_t largest) {
  for (const seq_range& r : set.ranges) {
    const std::uint32_t a = r.first == seq_range::star ? largest : r.first;
    const std::uint32_t b = r.last == seq_range::star ? largest : r.last;
    if (value >= std::min(a, b) && value <= std::max(a, b)) return true;
  }
  return false;
}

std::string_view substring(std::string_view data, const std::optional<fetch_partial>& partial) {
  if (!partial) return data;
  if (partial->offset >= data.size()) return {};
  return data.substr(partial->offset, partial->length);
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// A client's literals above 1 MiB are streamed (to a file, for APPEND), up to what the server
// takes: the framer drops a literal only past the larger of its default and --max-append-size,
// so that up to there a synchronizing one gets a tagged NO [TOOBIG] rather than "* BAD [LIMIT]".
framer_limits command_limits(const config& settings) {
  framer_limits limits = framer_limits::for_side(framer_side::read_commands);
  limits.max_streamed_literal_size =
      std::max(limits.max_streamed_literal_size, settings.max_append_size);
  return limits;
}

// A whole message, a streamed literal from its file: BODY[], RFC822, BINARY[] (no partial).
bool whole_message(const fetch_att& a) {
  return a.section.part.empty() && a.section.text == section_text::none && !a.partial;
}

}  // namespace

session::session(asio::ip::tcp::socket socket, store& mailboxes, const config& settings,
                 unsigned id)
    : socket_(std::move(socket)),
      wake_(socket_.get_executor(), std::chrono::steady_clock::time_point::max()),
      store_(mailboxes),
      config_(settings),
      id_(id),
      framer_(framer_side::read_commands, command_limits(settings)) {
  options_.writer = serialize_options::role::server;
}

session::~session() {
  store_.remove_listener(this);
  discard_incoming();
}

// --- Output ---------------------------------------------------------------------------------

void session::send(const response& r, std::span<const streamed_literal> streamed,
                   std::span<const outgoing_file> files) {
  serialize_options options = options_;
  options.streamed_literals = streamed;
  const std::size_t points_before = out_.stream_points().size();
  const serialize_result written = serialize(r, out_, options);
  for (std::size_t i = points_before; i < out_.stream_points().size(); ++i)
    outgoing_.push_back(files[out_.stream_points()[i].literal.index - 1]);
  if (!written) {
    const serialize_error& err = written.error();
    // A value the serializer refuses (say NUL in a BODY[] string): the response is dropped and
    // the client told, with a response the serializer can always write.
    std::cerr << "session " << id_ << ": cannot serialize a response: " << to_string(err.code)
              << " in " << err.what << '\n';
    // A tagged response keeps its tag: the client is waiting for it.
    const resp_cond fallback{status_kind::no, {std::nullopt, "Server cannot represent a response"}};
    if (const auto* t = std::get_if<tagged>(&r.value))
      serialize(response{tagged{t->tag, fallback}}, out_, options_);
    else
      serialize(response{untagged{fallback}}, out_, options_);
  }
}

void session::send_untagged(untagged_data data) { send(response{untagged{std::move(data)}}); }

void session::send_status(std::string_view tag, status_kind status, std::string_view text,
                          std::optional<resp_text_code> code) {
  resp_cond cond{status, resp_text{std::move(code), text}};
  if (tag.empty())
    send(response{untagged{cond}});
  else
    send(response{tagged{tag, cond}});
}

void session::send_continuation(std::string_view text) {
  send(response{continue_req{resp_text{std::nullopt, text}, is_valid_base64(text)}});
}

list<std::string_view> session::capabilities() {
  list<std::string_view> caps;
  for (std::string_view c :
       {"IMAP4rev1", "IMAP4rev2", "LITERAL+", "SASL-IR", "AUTH=PLAIN", "IDLE", "UIDPLUS", "MOVE",
        "ENABLE", "UNSELECT", "BINARY", "ESEARCH", "ID", "NAMESPACE", "CHILDREN"})
    caps.push_back(out_mem_, c);
  return caps;
}

awaitable<void> session::flush() {
  if (out_.bytes().empty()) co_return;
  if (config_.log) std::cerr << "S" << id_ << "> " << out_.bytes();
  const std::string_view bytes = out_.bytes();
  std::size_t sent = 0;
  for (std::size_t i = 0; i < out_.stream_points().size(); ++i) {
    const buffer_sink::stream_point& point = out_.stream_points()[i];
    co_await asio::async_write(socket_, asio::buffer(bytes.data() + sent, point.offset - sent),
                               use_awaitable);
    sent = point.offset;
    co_await send_file(outgoing_[i], point.literal);
  }
  co_await asio::async_write(socket_, asio::buffer(bytes.data() + sent, bytes.size() - sent),
                             use_awaitable);
  out_.clear();
  outgoing_.clear();
  out_mem_.reset();
}

// The file goes out chunk by chunk (64 KiB), never held; other sessions go on meanwhile.
awaitable<void> session::send_file(const outgoing_file& source, const streamed_literal& literal) {
  message_reader file(source.file, source.add_cr);
  if (config_.log)
    std::cerr << "S" << id_ << "> [" << literal.size << " octets from " << source.file << "]\n";
  streamed_literal_reader reader(literal);
  const auto read = [&](char* buffer, std::size_t capacity) { return file.read(buffer, capacity); };
  for (std::string_view chunk = reader.next(read); !chunk.empty(); chunk = reader.next(read))
    co_await asio::async_write(socket_, asio::buffer(chunk.data(), chunk.size()), use_awaitable);
  // The announced size is a promise: a file that changed under the server breaks it, and the
  // client would misread what follows. Only closing the connection is safe.
  if (!reader.ok())
    throw std::runtime_error("message file changed while it was sent: " + source.file.string());
}

// --- The connection -------------------------------------------------------------------------

awaitable<void> session::run() {
  using namespace asio::experimental::awaitable_operators;
  store_.add_listener(this);
  resp_text_code caps = code_of(resp_code_kind::capability, resp_code_capabilities{capabilities()});
  send_status("", status_kind::ok, "imapkit example server ready", caps);
  std::vector<char> buffer(64 * 1024);
  try {
    co_await flush();
    while (!logout_) {
      if (!idle_tag_.empty()) {
        report_updates(true);
        co_await flush();
      }
      // Reads, or wakes up when another session changed the mailbox this one idles on.
      auto event =
          co_await (socket_.async_read_some(asio::buffer(buffer), asio::as_tuple(use_awaitable)) ||
                    wake_.async_wait(asio::as_tuple(use_awaitable)));
      if (event.index() == 1) continue;
      auto [ec, n] = std::get<0>(event);
      if (ec) break;
      if (config_.log) std::cerr << "C" << id_ << "< " << std::string_view(buffer.data(), n);
      const std::string_view chunk(buffer.data(), n);
      framer_.feed(chunk);
      fed_ += n;
      tail_.append(chunk.substr(chunk.size() > 32 ? chunk.size() - 32 : 0));
      if (tail_.size() > 32) tail_.erase(0, tail_.size() - 32);
      process_framed(chunk);
      co_await flush();
    }
  } catch (const std::exception& e) {
    if (config_.log) std::cerr << "session " << id_ << " ends: " << e.what() << '\n';
  }
  store_.remove_listener(this);
  boost::system::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
}

void session::on_change(const mailbox_state& mailbox, const mailbox_change& change,
                        const store_listener* origin) {
  if (&mailbox != selected_) return;
  switch (change.kind) {
    case mailbox_change::kind_t::added:
      // Own APPEND / COPY into the selected mailbox too: reported as EXISTS.
      pending_added_.push_back(change.uid);
      break;
    case mailbox_change::kind_t::expunged:
      if (origin != this) pending_expunged_.push_back(change.uid);
      break;
    case mailbox_change::kind_t::flags:
      if (origin != this) pending_flags_.insert(change.uid);
      break;
  }
  if (!idle_tag_.empty()) wake_.cancel();
}

void session::process_framed(std::string_view chunk) {
  while (!logout_) {
    const framer::event ev = framer_.next();
    if (ev.kind == framer::status::need_more) {
      // Remember how the message being framed starts (its tag), unless it started in an
      // earlier chunk (then message_head_ already holds its start).
      const std::uint64_t chunk_start = fed_ - chunk.size();
      if (framer_.stream_offset() >= chunk_start)
        message_head_ = chunk.substr(framer_.stream_offset() - chunk_start, 64);
      // A synchronizing literal {N} waits for "+"; a non-synchronizing one {N+} does not.
      if (framer_.take_continuation_request()) {
        if (announced_ && !refusal_.empty())
          refuse_streamed_literal();
        else if (announced_ || literal_acceptable())
          send_continuation("Ready for literal data");
      }
      announced_.reset();
      return;
    }
    if (ev.kind == framer::status::literal_begin) {
      begin_streamed_literal(ev);
      continue;
    }
    if (ev.kind == framer::status::literal_data) {
      // Straight from the bytes read to the file: the message is never held.
      if (const auto it = incoming_.find(ev.literal.index); it != incoming_.end()) {
        it->second.out.write(ev.message.data(), static_cast<std::streamsize>(ev.message.size()));
        it->second.scan.add(ev.message);
      }
      continue;
    }
    if (ev.kind == framer::status::error) {
      // The framer dropped the message (a synchronizing literal over the limit is never sent by
      // the client: it gets this answer instead of "+"). Its tag is gone with it.
      resp_text_code limit = code_of(resp_code_kind::limit);
      send_status("", status_kind::bad,
                  "Command dropped: exceeds " + std::string(ev.error.limit_name()), limit);
      discard_incoming();
      continue;
    }
    handle_message(ev.message, ev.literals);
    discard_incoming();  // what the command did not store
  }
}

void session::begin_streamed_literal(const framer::event& ev) {
  if (ev.literal.index == 1) discard_incoming();  // the first of a new command
  announced_ = ev.literal;
  message_head_ = ev.message.substr(0, 64);
  const std::string size = std::to_string(ev.literal.size);
  refusal_.clear();
  if (state_ == state::not_authenticated)
    refusal_ = "Literal of " + size + " octets refused before authentication";
  else if (!iequals(locate_literal(ev.message, ev.literals).name, "APPEND"))
    refusal_ = "Literal of " + size + " octets refused: only APPEND takes more than 1 MiB";
  else if (ev.literal.size > config_.max_append_size)
    refusal_ = "Literal of " + size + " octets refused (limit " +
               std::to_string(config_.max_append_size) + ")";
  if (!refusal_.empty()) return;  // its octets, if any come, are dropped
  incoming_message& in = incoming_[ev.literal.index];
  in.file = store_.temp_path();
  in.out.open(in.file, std::ios::binary | std::ios::trunc);
}

void session::refuse_streamed_literal() {
  framer_.refuse_literal();
  incoming_.erase(announced_->index);
  const std::string tag = message_head_.substr(0, message_head_.find(' '));
  send_status(is_valid_tag(tag) ? std::string_view(tag) : std::string_view(), status_kind::no,
              refusal_, code_of(resp_code_kind::toobig));
}

void session::discard_incoming() {
  for (auto& [index, in] : incoming_) {
    in.out.close();
    std::error_code ignored;
    std::filesystem::remove(in.file, ignored);
  }
  incoming_.clear();
}

// Before a "+": a literal larger than this session may send is refused instead (RFC 9051
// §7.5: the client then abandons the command). Before authentication only LOGIN-sized
// literals are welcome; after it, messages up to max_append_size. Larger ones the framer's own
// limits (framer_limits) refuse.
bool session::literal_acceptable() {
  constexpr std::uint64_t max_unauthenticated = 8 * 1024;
  const std::uint64_t max_append_size = config_.max_append_size;
  std::uint64_t size = 0;
  const auto close = tail_.rfind('}');
  const auto open = tail_.rfind('{');
  if (close == std::string::npos || open == std::string::npos || open > close) return true;
  for (std::size_t i = open + 1; i < close; ++i)
    if (tail_[i] >= '0' && tail_[i] <= '9')
      size = size * 10 + static_cast<unsigned>(tail_[i] - '0');
  const std::uint64_t limit =
      state_ == state::not_authenticated ? max_unauthenticated : max_append_size;
  if (size <= limit) return true;
  framer_.refuse_literal();
  const std::string tag = message_head_.substr(0, message_head_.find(' '));
  // RFC 4469's (and RFC 7889's) TOOBIG.
  send_status(is_valid_tag(tag) ? std::string_view(tag) : std::string_view(), status_kind::no,
              "Literal of " + std::to_string(size) + " octets refused (limit " +
                  std::to_string(limit) + ")",
              code_of(resp_code_kind::toobig));
  return false;
}

void session::handle_message(std::string_view message, std::span<const streamed_literal> streamed) {
  mem_.reset();
  parse_options options = parse_options::strict();
  options.streamed_literals = streamed;
  auto parsed = parse_client_message(message, mem_, expect_, options);
  if (!parsed) {
    const parse_error& e = parsed.error();
    const std::string text = e.message();
    if (expect_ == client_expectation::authenticate_data) {
      expect_ = client_expectation::command;
      send_status(auth_tag_, status_kind::bad, text);
      auth_tag_.clear();
      return;
    }
    send_status(e.tag, status_kind::bad, text);
    return;
  }
  std::visit(overloaded{
                 [&](const command& c) {
                   if (expect_ == client_expectation::authenticate_data) {
                     // RFC 9051 §6.2.2: the data line was expected; a command ends the exchange.
                     send_status(auth_tag_, status_kind::bad, "Authentication exchange aborted");
                     auth_tag_.clear();
                     expect_ = client_expectation::command;
                   }
                   if (expect_ == client_expectation::idle_done) {
                     send_status(c.tag, status_kind::bad, "Expected DONE to end IDLE");
                     return;
                   }
                   if (!streamed.empty() && !std::holds_alternative<append_command>(c.body)) {
                     // A {N+} literal above 1 MiB outside APPEND: its octets were dropped.
                     send_status(c.tag, status_kind::no,
                                 "Literals above 1 MiB are taken by APPEND only",
                                 code_of(resp_code_kind::toobig));
                     return;
                   }
                   try {
                     handle_command(c);
                   } catch (const std::exception& e) {
                     // The maildir failed under the command (a file that cannot be written, a
                     // directory removed behind the server's back): the command fails, the
                     // connection goes on.
                     send_status(c.tag, status_kind::no, std::string("Server error: ") + e.what(),
                                 code_of(resp_code_kind::serverbug));
                   }
                 },
                 [&](const authenticate_data& d) {
                   expect_ = client_expectation::command;
                   if (d.cancel) {
                     send_status(auth_tag_, status_kind::bad, "Authentication cancelled");
                   } else {
                     finish_authenticate(d.base64);
                   }
                   auth_tag_.clear();
                 },
                 [&](const idle_done&) {
                   expect_ = client_expectation::command;
                   report_updates(true);
                   send_status(idle_tag_, status_kind::ok, "IDLE terminated");
                   idle_tag_.clear();
                 },
             },
             *parsed);
}

void session::finish_authenticate(std::string_view base64) {
  // PLAIN (RFC 4616): [authzid] NUL authcid NUL passwd.
  const auto decoded = base64 == "=" ? std::optional<std::string>("") : base64_decode(base64);
  if (!decoded) {
    send_status(auth_tag_, status_kind::bad, "Invalid base64");
    return;
  }
  const auto first = decoded->find('\0');
  const auto second = first == std::string::npos ? first : decoded->find('\0', first + 1);
  if (second == std::string::npos) {
    send_status(auth_tag_, status_kind::bad, "Malformed PLAIN response");
    return;
  }
  const std::string authzid = decoded->substr(0, first);
  const std::string user = decoded->substr(first + 1, second - first - 1);
  if (!authzid.empty() && authzid != user) {
    send_status(auth_tag_, status_kind::no, "Authorization identity refused",
                code_of(resp_code_kind::authorizationfailed));
    return;
  }
  do_login(auth_tag_, user, decoded->substr(second + 1));
}

void session::do_login(std::string_view tag, std::string_view user, std::string_view password) {
  if (user != config_.user || password != config_.password) {
    send_status(tag, status_kind::no, "Invalid credentials",
                code_of(resp_code_kind::authenticationfailed));
    return;
  }
  state_ = state::authenticated;
  resp_text_code caps = code_of(resp_code_kind::capability, resp_code_capabilities{capabilities()});
  send_status(tag, status_kind::ok, "Logged in", caps);
}

void session::handle_command(const command& c) {
  const std::string_view tag = c.tag;
  const bool authenticated = state_ != state::not_authenticated;
  const bool selected = state_ == state::selected;
  auto wrong_state = [&] {
    send_status(tag, status_kind::bad,
                std::string(command_name(c)) +
                    (authenticated ? " needs a selected mailbox" : " needs authentication first"));
  };
  auto need_auth = [&] {
    if (authenticated) return true;
    wrong_state();
    return false;
  };
  auto need_selected = [&] {
    if (selected) return true;
    wrong_state();
    return false;
  };
  auto ok = [&](std::string_view text) {
    if (selected) report_updates(true);
    send_status(tag, status_kind::ok, text);
  };

  std::visit(
      overloaded{
          [&](const capability_command&) {
            capability_data d;
            d.capabilities = capabilities();
            send_untagged(d);
            ok("CAPABILITY completed");
          },
          [&](const noop_command&) { ok("NOOP completed"); },
          [&](const check_command&) {
            if (need_selected()) ok("CHECK completed");
          },
          [&](const logout_command&) {
            send_status("", status_kind::bye, "Logging out");
            send_status(tag, status_kind::ok, "LOGOUT completed");
            logout_ = true;
          },
          [&](const id_command&) {
            id_data d;
            d.params.push_back(out_mem_, {string::quoted("name"), string::quoted("imapkit")});
            send_untagged(d);
            ok("ID completed");
          },
          [&](const login_command& l) {
            if (authenticated)
              send_status(tag, status_kind::bad, "Already authenticated");
            else
              do_login(tag, l.userid.value, l.password.value);
          },
          [&](const authenticate_command& a) {
            if (authenticated) {
              send_status(tag, status_kind::bad, "Already authenticated");
            } else if (!iequals(a.mechanism, "PLAIN")) {
              send_status(tag, status_kind::no, "Only AUTHENTICATE PLAIN is supported");
            } else {
              auth_tag_ = std::string(tag);
              if (a.initial_response && !a.initial_response->empty()) {
                finish_authenticate(*a.initial_response);
                auth_tag_.clear();
              } else {
                // An empty challenge; the client answers on a line of its own.
                expect_ = client_expectation::authenticate_data;
                send_continuation("");
              }
            }
          },
          [&](const enable_command& e) {
            // IMAP4rev2 (RFC 9051 §6.3.1) is the one thing that can be enabled: no \Recent and
            // RECENT, no [UNSEEN] at SELECT, ESEARCH answers SEARCH, UTF-8 in quoted strings.
            // Anything else (CONDSTORE, UTF8=ACCEPT, ...) is not listed in ENABLED (RFC 5161).
            if (!need_auth()) return;
            enable_data enabled;
            for (std::string_view capability : e.capabilities)
              if (iequals(capability, "IMAP4rev2") && !rev2_) {
                rev2_ = true;
                options_.utf8 = true;
                enabled.capabilities.push_back(out_mem_, "IMAP4rev2");
              }
            send_untagged(enabled);
            ok("ENABLE completed");
          },
          [&](const namespace_command&) {
            if (!need_auth()) return;
            namespace_data d;
            d.personal.push_back(out_mem_, namespace_descr{string::quoted(""), '/', {}});
            send_untagged(d);
            ok("NAMESPACE completed");
          },
          [&](const select_command& s) {
            if (need_auth()) do_select(tag, s);
          },
          [&](const create_command& cr) {
            if (!need_auth()) return;
            const std::string error = store_.create(name_of(cr.mailbox));
            if (error.empty())
              ok("CREATE completed");
            else
              send_status(tag, status_kind::no, error,
                          error == "Mailbox exists"
                              ? std::optional(code_of(resp_code_kind::alreadyexists))
                              : std::nullopt);
          },
          [&](const delete_command& d) {
            if (!need_auth()) return;
            const std::string name = name_of(d.mailbox);
            if (selected_ && store::normalize(name) == selected_->name) deselect();
            const std::string error = store_.remove(name);
            if (error.empty())
              ok("DELETE completed");
            else
              send_status(tag, status_kind::no, error,
                          error == "No such mailbox"
                              ? std::optional(code_of(resp_code_kind::nonexistent))
                              : std::nullopt);
          },
          [&](const rename_command& r) {
            if (!need_auth()) return;
            const std::string error = store_.rename(name_of(r.from), name_of(r.to));
            if (error.empty())
              ok("RENAME completed");
            else
              send_status(tag, status_kind::no, error);
          },
          [&](const subscribe_command& s) {
            if (!need_auth()) return;
            store_.subscribe(name_of(s.mailbox));
            ok("SUBSCRIBE completed");
          },
          [&](const unsubscribe_command& s) {
            if (!need_auth()) return;
            store_.unsubscribe(name_of(s.mailbox));
            ok("UNSUBSCRIBE completed");
          },
          [&](const list_command& l) {
            if (need_auth()) do_list(tag, l);
          },
          [&](const lsub_command& l) {
            if (need_auth()) do_lsub(tag, l);
          },
          [&](const status_command& s) {
            if (need_auth()) do_status(tag, s);
          },
          [&](const append_command& a) {
            if (need_auth()) do_append(tag, a);
          },
          [&](const idle_command&) {
            if (!need_auth()) return;
            idle_tag_ = std::string(tag);
            expect_ = client_expectation::idle_done;
            send_continuation("idling");
            if (selected) report_updates(true);
          },
          [&](const close_command&) {
            if (!need_selected()) return;
            if (!read_only_) {
              std::vector<std::uint32_t> deleted;
              for (const auto& m : selected_->messages)
                if (m.has_flag("\\Deleted")) deleted.push_back(m.uid);
              store_.expunge(*selected_, deleted, this);
            }
            deselect();
            send_status(tag, status_kind::ok, "CLOSE completed");
          },
          [&](const unselect_command&) {
            if (!need_selected()) return;
            deselect();
            send_status(tag, status_kind::ok, "UNSELECT completed");
          },
          [&](const expunge_command&) {
            if (need_selected()) do_expunge(tag, nullptr);
          },
          [&](const uid_expunge_command& e) {
            if (need_selected()) do_expunge(tag, &e.uids);
          },
          [&](const copy_command& cp) {
            if (need_selected()) do_copy(tag, cp.uid, cp.set, cp.mailbox, false);
          },
          [&](const move_command& mv) {
            if (need_selected()) do_copy(tag, mv.uid, mv.set, mv.mailbox, true);
          },
          [&](const search_command& s) {
            if (need_selected()) do_search(tag, s);
          },
          [&](const fetch_command& f) {
            if (need_selected()) do_fetch(tag, f);
          },
          [&](const store_command& s) {
            if (need_selected()) do_store(tag, s);
          },
          [&](const starttls_command&) {
            send_status(tag, status_kind::bad, "STARTTLS is not offered by this server");
          },
          [&](const auto&) {
            send_status(tag, status_kind::bad,
                        "Command not implemented: " + std::string(command_name(c)));
          },
      },
      c.body);
}

// --- Mailboxes ------------------------------------------------------------------------------

void session::deselect() {
  selected_ = nullptr;
  view_.clear();
  recent_.clear();
  pending_added_.clear();
  pending_expunged_.clear();
  pending_flags_.clear();
  state_ = state::authenticated;
}

list<flag> session::flags_of(const stored_message& m) {
  list<flag> flags;
  for (const auto& f : m.flags) flags.push_back(out_mem_, flag{f});
  if (!rev2_ && recent_.count(m.uid)) flags.push_back(out_mem_, flag{"\\Recent"});
  return flags;
}

void session::do_select(std::string_view tag, const select_command& s) {
  if (selected_) deselect();
  mailbox_state* box = store_.find(name_of(s.mailbox));
  if (!box) {
    send_status(tag, status_kind::no, "No such mailbox", code_of(resp_code_kind::nonexistent));
    return;
  }
  selected_ = box;
  read_only_ = s.read_only;
  state_ = state::selected;
  for (auto& m : box->messages) {
    view_.push_back(m.uid);
    if (m.recent) {
      recent_.insert(m.uid);
      if (!read_only_) m.recent = false;  // only one session sees a message as \Recent
    }
  }

  flags_data flags;
  std::set<std::string_view> keywords;
  for (std::string_view f : system_flags) flags.flags.push_back(out_mem_, flag{f});
  for (const auto& m : box->messages)
    for (const auto& f : m.flags)
      if (f.front() != '\\' && keywords.insert(f).second) flags.flags.push_back(out_mem_, flag{f});
  send_untagged(flags);
  send_untagged(exists_data{static_cast<std::uint32_t>(view_.size())});
  if (!rev2_) send_untagged(recent_data{static_cast<std::uint32_t>(recent_.size())});
  for (std::size_t i = 0; i < box->messages.size() && !rev2_; ++i)
    if (!box->messages[i].has_flag("\\Seen")) {
      send_status("", status_kind::ok, "First unseen",
                  code_of(resp_code_kind::unseen, resp_code_number{i + 1}));
      break;
    }
  send_status("", status_kind::ok, "UIDs valid",
              code_of(resp_code_kind::uidvalidity, resp_code_number{box->uidvalidity}));
  send_status("", status_kind::ok, "Predicted next UID",
              code_of(resp_code_kind::uidnext, resp_code_number{box->uidnext}));
  resp_code_flags permanent_flags;
  if (!read_only_) {
    for (std::string_view f : system_flags) permanent_flags.flags.push_back(out_mem_, flag{f});
    permanent_flags.flags.push_back(out_mem_, flag{"\\*"});
  }
  resp_text_code permanent = code_of(resp_code_kind::permanentflags, permanent_flags);
  send_status("", status_kind::ok, read_only_ ? "No permanent flags" : "Flags permitted",
              permanent);
  send_status(tag, status_kind::ok, read_only_ ? "EXAMINE completed" : "SELECT completed",
              code_of(read_only_ ? resp_code_kind::read_only : resp_code_kind::read_write));
}

void session::do_list(std::string_view tag, const list_command& l) {
  bool subscribed_only = false;
  for (const auto& option : l.selection_options)
    if (iequals(option.name, "SUBSCRIBED")) subscribed_only = true;
  for (const imapkit::string& pattern_string : l.patterns) {
    const std::string pattern =
        std::string(l.reference.name.value) + std::string(pattern_string.value);
    if (pattern_string.value.empty()) {
      // LIST "" "": the hierarchy delimiter and the root (RFC 9051 §6.3.9).
      mailbox_list root;
      root.flags.push_back(out_mem_, flag{"\\Noselect"});
      root.delimiter = '/';
      root.mailbox = wire_mailbox("");
      send_untagged(root);
      continue;
    }
    for (const mailbox_state* box : store_.mailboxes()) {
      // INBOX is case-insensitive: match it against the pattern in upper case.
      std::string candidate_pattern = pattern;
      if (box->name == "INBOX" || box->name.starts_with("INBOX/"))
        for (std::size_t i = 0; i < candidate_pattern.size() && i < 5; ++i)
          candidate_pattern[i] = static_cast<char>(std::toupper(candidate_pattern[i]));
      if (!wildcard_match(candidate_pattern, box->name)) continue;
      if (subscribed_only && !store_.is_subscribed(box->name)) continue;
      mailbox_list item;
      item.flags.push_back(
          out_mem_, flag{store_.has_children(box->name) ? "\\HasChildren" : "\\HasNoChildren"});
      if (subscribed_only) item.flags.push_back(out_mem_, flag{"\\Subscribed"});
      item.delimiter = '/';
      item.mailbox = wire_mailbox(box->name);
      send_untagged(item);
    }
  }
  send_status(tag, status_kind::ok, "LIST completed");
}

void session::do_lsub(std::string_view tag, const lsub_command& l) {
  const std::string pattern = std::string(l.reference.name.value) + std::string(l.pattern.value);
  for (const mailbox_state* box : store_.mailboxes()) {
    if (!store_.is_subscribed(box->name) || !wildcard_match(pattern, box->name)) continue;
    mailbox_list item;
    item.lsub = true;
    item.delimiter = '/';
    item.mailbox = wire_mailbox(box->name);
    send_untagged(item);
  }
  send_status(tag, status_kind::ok, "LSUB completed");
}

void session::do_status(std::string_view tag, const status_command& s) {
  const mailbox_state* box = store_.find(name_of(s.mailbox));
  if (!box) {
    send_status(tag, status_kind::no, "No such mailbox", code_of(resp_code_kind::nonexistent));
    return;
  }
  status_data d;
  d.mailbox = wire_mailbox(box->name);
  for (status_att att : s.attributes) {
    status_att_val v;
    v.att = att;
    v.name = to_string(att);
    switch (att) {
      case status_att::messages:
        v.number = box->messages.size();
        break;
      case status_att::recent:
        v.number = box->count_recent();
        break;
      case status_att::uidnext:
        v.number = box->uidnext;
        break;
      case status_att::uidvalidity:
        v.number = box->uidvalidity;
        break;
      case status_att::unseen:
        v.number = box->count_without("\\Seen");
        break;
      case status_att::deleted:
        v.number = box->messages.size() - box->count_without("\\Deleted");
        break;
      case status_att::size:
        for (const auto& m : box->messages) v.number += m.size;
        break;
      default:
        continue;  // HIGHESTMODSEQ, MAILBOXID, ...: not kept by this server
    }
    d.attributes.push_back(out_mem_, v);
  }
  send_untagged(d);
  if (state_ == state::selected) report_updates(true);
  send_status(tag, status_kind::ok, "STATUS completed");
}

void session::do_append(std::string_view tag, const append_command& a) {
  // CATENATE (RFC 4469) is not advertised: its URL parts would need IMAP URLs resolved.
  for (const append_message& m : a.messages)
    if (!m.catenate.empty() || !m.annotations.empty()) {
      send_status(tag, status_kind::bad, "CATENATE and ANNOTATION are not supported");
      return;
    }
  mailbox_state* box = store_.find(name_of(a.mailbox));
  if (!box) {
    send_status(tag, status_kind::no, "No such mailbox", code_of(resp_code_kind::trycreate));
    return;
  }
  // A streamed message is in its file in tmp/, unless it was refused (a {N+} literal over the
  // limit, whose octets were dropped): then none of the messages is stored.
  for (const append_message& m : a.messages) {
    if (!m.data.is_streamed()) continue;
    const auto in = incoming_.find(m.data.stream);
    if (in == incoming_.end()) {
      send_status(tag, status_kind::no,
                  "Message refused (limit " + std::to_string(config_.max_append_size) + ")",
                  code_of(resp_code_kind::toobig));
      return;
    }
    in->second.out.close();
    if (in->second.out.fail()) throw std::runtime_error("cannot write " + in->second.file.string());
  }
  std::vector<std::uint32_t> uids;
  for (const append_message& m : a.messages) {
    std::vector<std::string> flags;
    for (const flag& f : m.flags) flags.push_back(canonical_flag(f.name));
    const std::int64_t date = m.date_time ? to_epoch(*m.date_time) : now();
    if (m.data.is_streamed()) {
      auto in = incoming_.extract(m.data.stream);
      uids.push_back(
          store_.append_file(*box, in.mapped().file, in.mapped().scan, flags, date, this));
    } else {
      uids.push_back(store_.append(*box, m.data.value, flags, date, this));
    }
  }
  if (state_ == state::selected) report_updates(true);
  resp_text_code code = code_of(resp_code_kind::appenduid,
                                resp_code_appenduid{box->uidvalidity, compress(out_mem_, uids)});
  send_status(tag, status_kind::ok, "APPEND completed", code);
}

// --- Messages -------------------------------------------------------------------------------

bool session::resolve(const sequence_set& set, bool uid, std::vector<std::size_t>& out) const {
  out.clear();
  if (set.last_command) return true;  // "$" (SEARCHRES) is not supported: names nothing
  if (uid) {
    const std::uint32_t largest = view_.empty() ? 0 : view_.back();
    for (std::size_t i = 0; i < view_.size(); ++i)
      if (in_set(set, view_[i], largest)) out.push_back(i);
    return true;
  }
  const auto count = static_cast<std::uint32_t>(view_.size());
  for (const seq_range& r : set.ranges)
    if ((r.first != seq_range::star && r.first > count) ||
        (r.last != seq_range::star && r.last > count))
      return false;
  for (std::uint32_t seq = 1; seq <= count; ++seq)
    if (in_set(set, seq, count)) out.push_back(seq - 1);
  return true;
}

void session::report_updates(bool allow_expunge) {
  if (!selected_) return;
  if (allow_expunge) {
    for (std::uint32_t uid : pending_expunged_) {
      const auto it = std::find(view_.begin(), view_.end(), uid);
      if (it == view_.end()) continue;
      send_untagged(expunge_data{static_cast<std::uint32_t>(it - view_.begin() + 1)});
      view_.erase(it);
      recent_.erase(uid);
    }
    pending_expunged_.clear();
  }
  for (std::uint32_t uid : pending_flags_) {
    const auto it = std::find(view_.begin(), view_.end(), uid);
    const stored_message* m = selected_->find(uid);
    if (it == view_.end() || !m) continue;
    fetch_data d;
    d.number = static_cast<std::uint32_t>(it - view_.begin() + 1);
    d.attributes.push_back(out_mem_, msg_att{fetch_uid{uid}});
    d.attributes.push_back(out_mem_, msg_att{fetch_flags{flags_of(*m)}});
    send_untagged(d);
  }
  pending_flags_.clear();
  if (!pending_added_.empty()) {
    for (std::uint32_t uid : pending_added_) {
      stored_message* m = selected_->find(uid);
      if (!m || std::find(view_.begin(), view_.end(), uid) != view_.end()) continue;
      view_.push_back(uid);
      if (m->recent) {
        recent_.insert(uid);
        if (!read_only_) m->recent = false;
      }
    }
    pending_added_.clear();
    send_untagged(exists_data{static_cast<std::uint32_t>(view_.size())});
    if (!rev2_) send_untagged(recent_data{static_cast<std::uint32_t>(recent_.size())});
  }
}

void session::do_fetch(std::string_view tag, const fetch_command& f) {
  std::vector<std::size_t> indexes;
  if (!resolve(f.program.set, f.uid, indexes)) {
    send_status(tag, status_kind::bad, "Invalid message sequence number");
    return;
  }
  // The items, macros expanded (RFC 9051 §6.4.5).
  std::vector<fetch_att> atts;
  auto add = [&](fetch_att_kind kind) {
    fetch_att a;
    a.kind = kind;
    atts.push_back(a);
  };
  if (f.uid) add(fetch_att_kind::uid);
  switch (f.program.macro) {
    case fetch_macro::all:
    case fetch_macro::full:
    case fetch_macro::fast:
      add(fetch_att_kind::flags);
      add(fetch_att_kind::internal_date);
      add(fetch_att_kind::rfc822_size);
      if (f.program.macro != fetch_macro::fast) add(fetch_att_kind::envelope);
      if (f.program.macro == fetch_macro::full) add(fetch_att_kind::body);
      break;
    case fetch_macro::none:
      for (const fetch_att& a : f.program.atts)
        if (!(f.uid && a.kind == fetch_att_kind::uid)) atts.push_back(a);
      break;
  }
  for (const fetch_att& a : atts) {
    switch (a.kind) {
      case fetch_att_kind::modseq:
      case fetch_att_kind::email_id:
      case fetch_att_kind::thread_id:
      case fetch_att_kind::preview:
      case fetch_att_kind::save_date:
      case fetch_att_kind::extension:
        send_status(tag, status_kind::bad, "FETCH item not supported by this server");
        return;
      default:
        break;
    }
  }
  if (!f.program.modifiers.empty()) {
    send_status(tag, status_kind::bad, "FETCH modifiers are not supported by this server");
    return;
  }

  bool unknown_cte = false;
  for (std::size_t index : indexes) {
    stored_message* m = selected_->find(view_[index]);
    if (!m) continue;  // expunged by another session, not yet reported
    // The message's bytes are read (a large one from its file) and its MIME structure walked
    // only when an item needs them (not for FLAGS, UID, RFC822.SIZE or a large BODY[]).
    std::shared_ptr<const std::string> bytes;
    auto whole = [&]() -> const std::string& {
      if (!bytes) bytes = store_.contents(*selected_, *m);
      return *bytes;
    };
    std::optional<mime_message> walked;
    auto mime = [&]() -> const mime_message& {
      if (!walked) walked.emplace(whole());
      return *walked;
    };
    // A large message's BODY[] / RFC822 / BINARY[] is a streamed literal sent from its file.
    const bool from_file = !m->bytes;
    std::vector<streamed_literal> streamed;
    std::vector<outgoing_file> files;
    auto stream_file = [&](bool binary) {
      streamed_literal literal;
      literal.size = m->size;
      literal.index = static_cast<std::uint32_t>(streamed.size() + 1);
      literal.binary = binary;
      streamed.push_back(literal);
      files.push_back({selected_->file_of(*m), m->file_bare_lf});
      return string::streamed(literal.index, binary);
    };
    fetch_data d;
    d.number = static_cast<std::uint32_t>(index + 1);
    bool set_seen = false;
    std::optional<std::size_t> flags_position;
    for (const fetch_att& a : atts) {
      switch (a.kind) {
        case fetch_att_kind::uid:
          d.attributes.push_back(out_mem_, msg_att{fetch_uid{m->uid}});
          break;
        case fetch_att_kind::flags:
          flags_position = d.attributes.size();
          d.attributes.push_back(out_mem_, msg_att{fetch_flags{}});
          break;
        case fetch_att_kind::internal_date:
          d.attributes.push_back(out_mem_,
                                 msg_att{fetch_internal_date{to_date_time(m->internal_date)}});
          break;
        case fetch_att_kind::rfc822_size:
          d.attributes.push_back(out_mem_, msg_att{fetch_rfc822_size{m->size}});
          break;
        case fetch_att_kind::envelope:
          d.attributes.push_back(out_mem_, msg_att{fetch_envelope{mime().envelope(out_mem_)}});
          break;
        case fetch_att_kind::body:
        case fetch_att_kind::body_structure: {
          const bool extended = a.kind == fetch_att_kind::body_structure;
          d.attributes.push_back(
              out_mem_,
              msg_att{fetch_body_structure{mime().body_structure(out_mem_, extended), extended}});
          break;
        }
        case fetch_att_kind::rfc822:
          set_seen = true;
          d.attributes.push_back(
              out_mem_,
              msg_att{fetch_rfc822{fetch_rfc822::part_t::whole,
                                   from_file ? stream_file(false) : string::literal(whole())}});
          break;
        case fetch_att_kind::rfc822_header:
          d.attributes.push_back(out_mem_, msg_att{fetch_rfc822{fetch_rfc822::part_t::header,
                                                                string::literal(mime().header())}});
          break;
        case fetch_att_kind::rfc822_text:
          set_seen = true;
          d.attributes.push_back(out_mem_, msg_att{fetch_rfc822{fetch_rfc822::part_t::text,
                                                                string::literal(mime().text())}});
          break;
        case fetch_att_kind::body_section: {
          if (!a.peek) set_seen = true;
          fetch_body_section item;
          item.section = a.section;
          if (a.partial) item.origin = a.partial->offset;
          if (from_file && whole_message(a)) {
            item.data = stream_file(false);
            d.attributes.push_back(out_mem_, msg_att{item});
            break;
          }
          const std::optional<std::string> data = mime().section(a.section);
          if (data)
            item.data = string::literal(out_mem_.copy(substring(*data, a.partial)));
          else
            item.data = string::quoted("");  // a part that does not exist: an empty string
          d.attributes.push_back(out_mem_, msg_att{item});
          break;
        }
        case fetch_att_kind::binary:
        case fetch_att_kind::binary_size: {
          if (from_file && whole_message(a)) {  // BINARY[] is the message as it is
            if (!a.peek && a.kind == fetch_att_kind::binary) set_seen = true;
            if (a.kind == fetch_att_kind::binary_size) {
              d.attributes.push_back(
                  out_mem_,
                  msg_att{fetch_binary_size{a.section, static_cast<std::uint32_t>(m->size)}});
            } else {
              fetch_binary item;
              item.section = a.section;
              item.data = stream_file(m->holds_nul);
              d.attributes.push_back(out_mem_, msg_att{item});
            }
            break;
          }
          std::string decoded;
          const auto error = mime().binary(a.section.part.span(), decoded);
          if (error == mime_message::binary_error::unknown_encoding) {
            unknown_cte = true;
            break;
          }
          if (a.kind == fetch_att_kind::binary_size) {
            d.attributes.push_back(
                out_mem_,
                msg_att{fetch_binary_size{a.section, static_cast<std::uint32_t>(decoded.size())}});
            break;
          }
          if (!a.peek) set_seen = true;
          fetch_binary item;
          item.section = a.section;
          if (a.partial) item.origin = a.partial->offset;
          if (error == mime_message::binary_error::no_such_part) {
            item.data = string::nil();
          } else {
            const std::string_view value = out_mem_.copy(substring(decoded, a.partial));
            item.data = value.find('\0') == std::string_view::npos ? string::literal(value)
                                                                   : string::literal8(value);
          }
          d.attributes.push_back(out_mem_, msg_att{item});
          break;
        }
        default:
          break;
      }
    }
    if (set_seen && !read_only_ && !m->has_flag("\\Seen")) {
      std::vector<std::string> flags = m->flags;
      flags.push_back("\\Seen");
      store_.set_flags(*selected_, m->uid, flags, this);
      // The implicit change is announced with the data (RFC 9051 §6.4.5).
      if (!flags_position) {
        flags_position = d.attributes.size();
        d.attributes.push_back(out_mem_, msg_att{fetch_flags{}});
      }
    }
    if (flags_position)
      d.attributes.mutable_data()[*flags_position] = msg_att{fetch_flags{flags_of(*m)}};
    send(response{untagged{d}}, streamed, files);
    out_mem_.reset();  // each FETCH response is written before the next one is built
  }
  report_updates(f.uid);
  if (unknown_cte)
    send_status(tag, status_kind::no, "Unknown Content-Transfer-Encoding",
                code_of(resp_code_kind::unknown_cte));
  else
    send_status(tag, status_kind::ok, "FETCH completed");
}

void session::do_store(std::string_view tag, const store_command& s) {
  std::vector<std::size_t> indexes;
  if (!resolve(s.program.set, s.uid, indexes)) {
    send_status(tag, status_kind::bad, "Invalid message sequence number");
    return;
  }
  if (!s.program.modifiers.empty()) {
    send_status(tag, status_kind::bad, "STORE modifiers are not supported by this server");
    return;
  }
  if (s.program.item != store_item::flags) {  // Gmail's X-GM-LABELS: not advertised
    send_status(tag, status_kind::bad, "Only FLAGS can be stored");
    return;
  }
  if (read_only_) {
    send_status(tag, status_kind::no, "Mailbox is read-only");
    return;
  }
  for (std::size_t index : indexes) {
    stored_message* m = selected_->find(view_[index]);
    if (!m) continue;
    std::vector<std::string> flags;
    if (s.program.operation != store_operation::replace) flags = m->flags;
    for (const flag& f : s.program.flags) {
      const std::string name = canonical_flag(f.name);
      auto same = [&](const std::string& existing) { return iequals(existing, name); };
      if (s.program.operation == store_operation::remove)
        flags.erase(std::remove_if(flags.begin(), flags.end(), same), flags.end());
      else if (std::none_of(flags.begin(), flags.end(), same))
        flags.push_back(name);
    }
    store_.set_flags(*selected_, m->uid, flags, this);
    if (s.program.silent) continue;
    fetch_data d;
    d.number = static_cast<std::uint32_t>(index + 1);
    if (s.uid) d.attributes.push_back(out_mem_, msg_att{fetch_uid{m->uid}});
    d.attributes.push_back(out_mem_, msg_att{fetch_flags{flags_of(*m)}});
    send_untagged(d);
  }
  report_updates(s.uid);
  send_status(tag, status_kind::ok, "STORE completed");
}

bool session::matches(const search_key& key, const stored_message& m, std::uint32_t seq,
                      const mime_message& mime) const {
  auto header_contains = [&](std::string_view field, std::string_view value) {
    const auto values = mime.header_values(field);
    if (value.empty()) return !values.empty();
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& v) { return icontains(v, value); });
  };
  auto internal_day = [&] { return day_number(to_date_time(m.internal_date).date); };
  auto sent_day = [&]() -> std::optional<std::int64_t> {
    const auto values = mime.header_values("Date");
    if (values.empty()) return std::nullopt;
    const auto d = parse_header_date(values.front());
    if (!d) return std::nullopt;
    return day_number(*d);
  };
  // The key's argument, by its form (search_key_names says which kind holds which).
  const auto* astring = std::get_if<search_astring>(&key.arg);
  const std::string_view value = astring ? astring->value.value : std::string_view{};
  const auto* atom = std::get_if<search_atom>(&key.arg);
  const std::string_view keyword = atom ? atom->value : std::string_view{};
  const auto* date_arg = std::get_if<search_date>(&key.arg);
  const std::int64_t key_day = date_arg ? day_number(date_arg->date) : 0;
  const auto* number = std::get_if<search_number>(&key.arg);
  const std::uint64_t key_number = number ? number->number : 0;
  const auto* set = std::get_if<search_set>(&key.arg);
  const auto* operands = std::get_if<search_operands>(&key.arg);
  const list<search_key> no_keys;
  const list<search_key>& children = operands ? operands->keys : no_keys;
  switch (key.kind) {
    case search_key_kind::all:
      return true;
    case search_key_kind::answered:
      return m.has_flag("\\Answered");
    case search_key_kind::deleted:
      return m.has_flag("\\Deleted");
    case search_key_kind::draft:
      return m.has_flag("\\Draft");
    case search_key_kind::flagged:
      return m.has_flag("\\Flagged");
    case search_key_kind::seen:
      return m.has_flag("\\Seen");
    case search_key_kind::unanswered:
      return !m.has_flag("\\Answered");
    case search_key_kind::undeleted:
      return !m.has_flag("\\Deleted");
    case search_key_kind::undraft:
      return !m.has_flag("\\Draft");
    case search_key_kind::unflagged:
      return !m.has_flag("\\Flagged");
    case search_key_kind::unseen:
      return !m.has_flag("\\Seen");
    case search_key_kind::keyword:
      return m.has_flag(keyword);
    case search_key_kind::unkeyword:
      return !m.has_flag(keyword);
    case search_key_kind::recent:
      return recent_.count(m.uid) != 0;
    case search_key_kind::new_:
      return recent_.count(m.uid) != 0 && !m.has_flag("\\Seen");
    case search_key_kind::old:
      return recent_.count(m.uid) == 0;
    case search_key_kind::bcc:
      return header_contains("Bcc", value);
    case search_key_kind::cc:
      return header_contains("Cc", value);
    case search_key_kind::from:
      return header_contains("From", value);
    case search_key_kind::to:
      return header_contains("To", value);
    case search_key_kind::subject:
      return header_contains("Subject", value);
    case search_key_kind::header: {
      const search_header& h = std::get<search_header>(key.arg);
      return header_contains(h.field.value, h.value.value);
    }
    case search_key_kind::body:
      return icontains(mime.text(), value);
    case search_key_kind::text:
      return icontains(mime.bytes(), value);
    case search_key_kind::before:
      return internal_day() < key_day;
    case search_key_kind::on:
      return internal_day() == key_day;
    case search_key_kind::since:
      return internal_day() >= key_day;
    case search_key_kind::sent_before: {
      const auto d = sent_day();
      return d && *d < key_day;
    }
    case search_key_kind::sent_on: {
      const auto d = sent_day();
      return d && *d == key_day;
    }
    case search_key_kind::sent_since: {
      const auto d = sent_day();
      return d && *d >= key_day;
    }
    case search_key_kind::larger:
      return m.size > key_number;
    case search_key_kind::smaller:
      return m.size < key_number;
    case search_key_kind::uid:
      return in_set(set->set, m.uid, view_.empty() ? 0 : view_.back());
    case search_key_kind::sequence_set:
      return in_set(set->set, seq, static_cast<std::uint32_t>(view_.size()));
    case search_key_kind::not_:
      return !matches(children[0], m, seq, mime);
    case search_key_kind::or_:
      return matches(children[0], m, seq, mime) || matches(children[1], m, seq, mime);
    case search_key_kind::list:
      return std::all_of(children.begin(), children.end(),
                         [&](const search_key& k) { return matches(k, m, seq, mime); });
    default:
      return false;  // checked before the search starts (supported_key)
  }
}

namespace {

// The keys this server evaluates; others (MODSEQ, OLDER, FUZZY, X-GM-RAW, ...) get BAD.
bool supported_key(const search_key& key) {
  switch (key.kind) {
    case search_key_kind::modseq:
    case search_key_kind::older:
    case search_key_kind::younger:
    case search_key_kind::email_id:
    case search_key_kind::thread_id:
    case search_key_kind::saved_before:
    case search_key_kind::saved_on:
    case search_key_kind::saved_since:
    case search_key_kind::savedate_supported:
    case search_key_kind::fuzzy:
    case search_key_kind::extension:
      return false;
    default:
      if (const auto* operands = std::get_if<search_operands>(&key.arg))
        return std::all_of(operands->keys.begin(), operands->keys.end(), supported_key);
      return true;
  }
}

}  // namespace

void session::do_search(std::string_view tag, const search_command& s) {
  const search_program& p = s.program;
  if (p.charset && !iequals(p.charset->value, "US-ASCII") && !iequals(p.charset->value, "UTF-8")) {
    resp_code_charsets charsets;
    charsets.charsets.push_back(out_mem_, string::atom("US-ASCII"));
    charsets.charsets.push_back(out_mem_, string::atom("UTF-8"));
    resp_text_code code = code_of(resp_code_kind::badcharset, charsets);
    send_status(tag, status_kind::no, "Unsupported charset", code);
    return;
  }
  if (!std::all_of(p.keys.begin(), p.keys.end(), supported_key)) {
    send_status(tag, status_kind::bad, "SEARCH key not supported by this server");
    return;
  }
  std::vector<std::uint32_t> found;
  for (std::size_t i = 0; i < view_.size(); ++i) {
    const stored_message* m = selected_->find(view_[i]);
    if (!m) continue;
    const std::shared_ptr<const std::string> bytes = store_.contents(*selected_, *m);
    const mime_message mime(*bytes);
    const auto seq = static_cast<std::uint32_t>(i + 1);
    if (std::all_of(p.keys.begin(), p.keys.end(),
                    [&](const search_key& k) { return matches(k, *m, seq, mime); }))
      found.push_back(s.uid ? m->uid : seq);
  }
  if (p.returns.present || rev2_) {
    // ESEARCH (RFC 4731): MIN MAX COUNT ALL; RETURN () means ALL.
    esearch_data d;
    d.correlator = string::quoted(tag);
    d.uid = s.uid;
    bool all = p.returns.options.empty();
    for (const search_return_opt& o : p.returns.options) {
      search_return_data item;
      switch (o.kind) {
        case search_return_opt_kind::min:
        case search_return_opt_kind::max:
          if (found.empty()) continue;
          item.kind = o.kind == search_return_opt_kind::min ? search_return_data_kind::min
                                                            : search_return_data_kind::max;
          item.name = o.kind == search_return_opt_kind::min ? "MIN" : "MAX";
          item.number = o.kind == search_return_opt_kind::min ? found.front() : found.back();
          d.items.push_back(out_mem_, item);
          break;
        case search_return_opt_kind::count:
          item.kind = search_return_data_kind::count;
          item.name = "COUNT";
          item.number = found.size();
          d.items.push_back(out_mem_, item);
          break;
        case search_return_opt_kind::all:
          all = true;
          break;
        default:
          send_status(tag, status_kind::bad, "SEARCH RETURN option not supported");
          return;
      }
    }
    if (all && !found.empty()) {
      search_return_data item;
      item.kind = search_return_data_kind::all;
      item.name = "ALL";
      item.set = compress(out_mem_, found);
      d.items.push_back(out_mem_, item);
    }
    send_untagged(d);
  } else {
    search_data d;
    for (std::uint32_t n : found) d.numbers.push_back(out_mem_, n);
    send_untagged(d);
  }
  report_updates(s.uid);
  send_status(tag, status_kind::ok, "SEARCH completed");
}

void session::do_copy(std::string_view tag, bool uid, const sequence_set& set,
                      const imapkit::mailbox& target_name, bool move) {
  std::vector<std::size_t> indexes;
  if (!resolve(set, uid, indexes)) {
    send_status(tag, status_kind::bad, "Invalid message sequence number");
    return;
  }
  mailbox_state* target = store_.find(name_of(target_name));
  if (!target) {
    send_status(tag, status_kind::no, "No such mailbox", code_of(resp_code_kind::trycreate));
    return;
  }
  if (move && read_only_) {
    send_status(tag, status_kind::no, "Mailbox is read-only");
    return;
  }
  std::vector<std::uint32_t> source_uids, target_uids;
  for (std::size_t index : indexes) {
    const stored_message* m = selected_->find(view_[index]);
    if (!m) continue;
    const std::uint32_t source_uid = m->uid;  // copy() may grow the vector m lives in
    target_uids.push_back(store_.copy(*selected_, *m, *target, this));
    source_uids.push_back(source_uid);
  }
  if (source_uids.empty()) {
    report_updates(true);
    send_status(tag, status_kind::ok,
                move ? "MOVE completed: no messages" : "COPY completed: no messages");
    return;
  }
  resp_text_code code =
      code_of(resp_code_kind::copyuid,
              resp_code_copyuid{target->uidvalidity, compress(out_mem_, source_uids),
                                compress(out_mem_, target_uids)});
  if (!move) {
    report_updates(true);
    send_status(tag, status_kind::ok, "COPY completed", code);
    return;
  }
  // MOVE (RFC 6851 §4.3): COPYUID in an untagged OK before the EXPUNGE responses.
  send_status("", status_kind::ok, "Moved", code);
  expunge_uids(source_uids, false);
  report_updates(true);
  send_status(tag, status_kind::ok, "MOVE completed");
}

void session::expunge_uids(const std::vector<std::uint32_t>& uids, bool silent) {
  store_.expunge(*selected_, uids, this);
  for (std::uint32_t uid : uids) {
    const auto it = std::find(view_.begin(), view_.end(), uid);
    if (it == view_.end()) continue;
    if (!silent) send_untagged(expunge_data{static_cast<std::uint32_t>(it - view_.begin() + 1)});
    view_.erase(it);
    recent_.erase(uid);
  }
}

void session::do_expunge(std::string_view tag, const sequence_set* uids) {
  if (read_only_) {
    send_status(tag, status_kind::no, "Mailbox is read-only");
    return;
  }
  // New messages first, so that only messages the client knows are expunged.
  report_updates(true);
  std::vector<std::size_t> indexes;
  if (uids) {
    resolve(*uids, true, indexes);
  } else {
    indexes.resize(view_.size());
    std::iota(indexes.begin(), indexes.end(), 0);
  }
  std::vector<std::uint32_t> deleted;
  for (std::size_t index : indexes) {
    const stored_message* m = selected_->find(view_[index]);
    if (m && m->has_flag("\\Deleted")) deleted.push_back(m->uid);
  }
  expunge_uids(deleted, false);
  send_status(tag, status_kind::ok, "EXPUNGE completed");
}

}  // namespace server
