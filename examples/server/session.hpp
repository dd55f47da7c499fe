// session: one client connection of the example server, on Boost.Asio C++20 coroutines.
//
// Bytes from the client go through imapkit::framer (server side: it says when a synchronizing
// literal waits for "+"), each whole message through imapkit::parse_client_message into an arena
// reset per message; every answer is an imapkit::response AST written by imapkit::serialize into
// a buffer_sink, which is sent once the bytes read so far are handled.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/arena.hpp"
#include "imapkit/ast/command.hpp"
#include "imapkit/ast/response.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"
#include "store.hpp"

namespace server {

struct config {
  std::string user;
  std::string password;
  bool log = false;
  // The largest message a client may APPEND (--max-append-size): a larger literal is refused
  // with NO [TOOBIG] (before its "+", when it is a synchronizing one).
  std::uint64_t max_append_size = 32ull << 20;
};

class mime_message;

class session final : public store_listener, public std::enable_shared_from_this<session> {
 public:
  session(boost::asio::ip::tcp::socket socket, store& mailboxes, const config& settings,
          unsigned id);
  ~session() override;

  // Greets the client and serves it until LOGOUT or until the connection closes.
  boost::asio::awaitable<void> run();

  void on_change(const mailbox_state& mailbox, const mailbox_change& change,
                 const store_listener* origin) override;

 private:
  enum class state : std::uint8_t { not_authenticated, authenticated, selected };

  // --- Output: every response is an AST, serialized into out_ ---------------------------------
  // A large message's file whose octets go where the serializer left a streamed literal.
  struct outgoing_file {
    std::filesystem::path file;
    bool add_cr = false;  // the file has bare LF line ends: served with CRLF
  };
  boost::asio::awaitable<void> flush();
  // Sends the octets of a streamed literal from its file, chunk by chunk.
  boost::asio::awaitable<void> send_file(const outgoing_file& source,
                                         const imapkit::streamed_literal& literal);
  // `streamed`: the response's streamed literals, each sent from files[index - 1].
  void send(const imapkit::response& r, std::span<const imapkit::streamed_literal> streamed = {},
            std::span<const outgoing_file> files = {});
  void send_untagged(imapkit::untagged_data data);
  void send_status(std::string_view tag, imapkit::status_kind status, std::string_view text,
                   std::optional<imapkit::resp_text_code> code = std::nullopt);
  void send_continuation(std::string_view text);
  imapkit::list<std::string_view> capabilities();

  // --- Input --------------------------------------------------------------------------------
  void process_framed(std::string_view chunk);
  bool literal_acceptable();
  // A streamed literal (above framer_limits::stream_literals_above) starts: an APPEND's goes to
  // a file in the maildir's tmp/ as it arrives; any other is dropped (and refused).
  void begin_streamed_literal(const imapkit::framer::event& ev);
  void refuse_streamed_literal();
  void discard_incoming();
  void handle_message(std::string_view message,
                      std::span<const imapkit::streamed_literal> streamed = {});
  void handle_command(const imapkit::command& c);
  void finish_authenticate(std::string_view base64);

  // --- Commands -----------------------------------------------------------------------------
  void do_login(std::string_view tag, std::string_view user, std::string_view password);
  void do_select(std::string_view tag, const imapkit::select_command& c);
  void do_list(std::string_view tag, const imapkit::list_command& c);
  void do_lsub(std::string_view tag, const imapkit::lsub_command& c);
  void do_status(std::string_view tag, const imapkit::status_command& c);
  void do_append(std::string_view tag, const imapkit::append_command& c);
  void do_fetch(std::string_view tag, const imapkit::fetch_command& c);
  void do_store(std::string_view tag, const imapkit::store_command& c);
  void do_search(std::string_view tag, const imapkit::search_command& c);
  void do_copy(std::string_view tag, bool uid, const imapkit::sequence_set& set,
               const imapkit::mailbox& target, bool move);
  void do_expunge(std::string_view tag, const imapkit::sequence_set* uids);
  void deselect();

  // The indexes into view_ a sequence set names; false when it names a message number that does
  // not exist (message numbers only: UIDs that do not exist are ignored).
  bool resolve(const imapkit::sequence_set& set, bool uid, std::vector<std::size_t>& out) const;
  bool matches(const imapkit::search_key& key, const stored_message& m, std::uint32_t seq,
               const mime_message& mime) const;
  imapkit::list<imapkit::flag> flags_of(const stored_message& m);
  // Expunges own messages and tells the client (EXPUNGE responses) unless `silent`.
  void expunge_uids(const std::vector<std::uint32_t>& uids, bool silent);
  // Sends what other sessions changed in the selected mailbox. EXPUNGE responses are held back
  // while `allow_expunge` is false (during FETCH, STORE and SEARCH, RFC 9051 §7.5.1).
  void report_updates(bool allow_expunge);

  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer wake_;  // cancelled to wake an idling session up
  store& store_;
  const config& config_;
  unsigned id_;

  imapkit::framer framer_;
  imapkit::arena mem_;        // the parse tree of the current message
  imapkit::arena out_mem_;    // response trees (reset after each FETCH response is written)
  imapkit::buffer_sink out_;  // responses not sent yet
  imapkit::serialize_options options_;
  imapkit::client_expectation expect_ = imapkit::client_expectation::command;
  // What the framer does not say about a synchronizing literal waiting for "+": its size N (in
  // the last bytes fed, which end in "{N}\r\n") and the command's tag (the first bytes of the
  // message being framed).
  std::uint64_t fed_ = 0;
  std::string tail_;
  std::string message_head_;

  // The streamed APPEND literals of the command being framed, by stream index, each written to a
  // file in the maildir's tmp/ as it arrives; a literal that is not accepted has none (its
  // octets are dropped).
  struct incoming_message {
    std::filesystem::path file;
    std::ofstream out;
    message_scan scan;
  };
  std::map<std::uint32_t, incoming_message> incoming_;
  // The streamed literal announced last, until its "+" is sent or refused; why it is refused.
  std::optional<imapkit::streamed_literal> announced_;
  std::string refusal_;
  // The files of the streamed literals in out_, in the order of out_.stream_points().
  std::vector<outgoing_file> outgoing_;

  state state_ = state::not_authenticated;
  bool rev2_ = false;  // ENABLE IMAP4rev2 was sent
  bool logout_ = false;
  std::string auth_tag_;  // AUTHENTICATE waiting for its data line
  std::string idle_tag_;  // IDLE waiting for DONE

  mailbox_state* selected_ = nullptr;
  bool read_only_ = false;
  std::vector<std::uint32_t> view_;  // UIDs by message number, as the client knows them
  std::set<std::uint32_t> recent_;   // \Recent for this session
  std::vector<std::uint32_t> pending_added_;
  std::vector<std::uint32_t> pending_expunged_;
  std::set<std::uint32_t> pending_flags_;
};

}  // namespace server
