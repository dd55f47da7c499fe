// store: the example server's mailboxes. A maildir tree on disk (one directory per mailbox, each
// with cur/ new/ tmp/), indexed in memory: UIDs, flags, INTERNALDATE and the bytes of the
// messages up to store::held_in_memory octets (larger ones stay in their files). Every
// change is written through to the files (APPEND writes a file, a flag change renames it, an
// expunge removes it) and announced to the registered listeners, so that a session idling on a
// mailbox sees what another session did.
//
// Layout under the root directory: INBOX is the root itself, any other mailbox "a/b" is the
// directory root/a/b (the hierarchy delimiter is "/"). Flags \Seen \Answered \Flagged \Deleted
// \Draft are kept in the file name (maildir ":2,SRFTD" info); keywords are kept in memory only.
// UIDVALIDITY, UIDNEXT and each file's UID are kept in a file of each mailbox directory
// (uid_file_name: "uidvalidity uidnext" then "uid file-base" lines), so that they survive a
// restart; files that appeared meanwhile get new UIDs, in the order of their modification times
// (a file whose name holds white space is not remembered: it gets a new UID at each start).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace server {

// What a message file holds, counted chunk by chunk as it is read or written: its size as served
// (a bare LF is served as CRLF) and whether it holds NUL (BINARY[] is then a literal8).
struct message_scan {
  std::uint64_t served_size = 0;
  bool bare_lf = false;
  bool nul = false;
  void add(std::string_view chunk) noexcept;

 private:
  char previous_ = 0;
};

struct stored_message {
  std::uint32_t uid = 0;
  std::int64_t internal_date = 0;  // seconds since the epoch (UTC)
  std::vector<std::string> flags;  // system flags spelled canonically ("\Seen"), then keywords
  // As served (CRLF line ends) for a message of at most store::held_in_memory octets; null for a
  // larger one, which is read from its file when needed (store::contents, message_reader).
  std::shared_ptr<const std::string> bytes;
  std::uint64_t size = 0;     // octets as served (RFC822.SIZE)
  bool file_bare_lf = false;  // the file has bare LF line ends: served with CRLF
  bool holds_nul = false;     // the message holds NUL: BINARY[] is a literal8
  std::string file_base;      // maildir unique name (before ":2,")
  std::string file_name;      // current name in cur/
  bool recent = false;

  bool has_flag(std::string_view flag) const noexcept;
};

// A message file read in chunks as it is served: bare LF become CRLF when `add_cr`. A large
// message goes out through it to the client, never held whole.
class message_reader {
 public:
  message_reader(const std::filesystem::path& file, bool add_cr);
  ~message_reader();
  message_reader(const message_reader&) = delete;
  message_reader& operator=(const message_reader&) = delete;

  bool is_open() const noexcept { return file_ != nullptr; }
  // Up to `capacity` octets as served into `buffer`; 0 at the end of the file (or on an error).
  std::size_t read(char* buffer, std::size_t capacity);

 private:
  std::FILE* file_ = nullptr;
  bool add_cr_;
  std::vector<char> chunk_;
  std::size_t position_ = 0, end_ = 0;
  char previous_ = 0;        // the file's octet before chunk_[position_]
  bool lf_pending_ = false;  // a CR was served for a bare LF: the LF comes next
};

struct mailbox_state {
  std::string name;  // wire name (modified UTF-7 as the client sent it); "INBOX" for the inbox
  std::filesystem::path dir;
  std::uint32_t uidvalidity = 1;
  std::uint32_t uidnext = 1;
  std::vector<stored_message> messages;  // ascending UID
  bool deleted = false;                  // DELETEd while a session may still have it selected

  stored_message* find(std::uint32_t uid) noexcept;
  std::uint32_t count_without(std::string_view flag) const noexcept;
  std::uint32_t count_recent() const noexcept;
  std::filesystem::path file_of(const stored_message& m) const { return dir / "cur" / m.file_name; }
};

// What happened in a mailbox, for the sessions that have it selected.
struct mailbox_change {
  enum class kind_t : std::uint8_t { added, expunged, flags } kind = kind_t::added;
  std::uint32_t uid = 0;
};

class store_listener {
 public:
  virtual ~store_listener() = default;
  // `origin` is the listener that made the change (nullptr: none).
  virtual void on_change(const mailbox_state& mailbox, const mailbox_change& change,
                         const store_listener* origin) = 0;
};

// The canonical spelling of a system flag ("\seen" -> "\Seen"); other flags unchanged.
std::string canonical_flag(std::string_view flag);

class store {
 public:
  // Loads every mailbox under `root` (creating the INBOX directories if needed). Messages found
  // in new/ are moved to cur/ and are \Recent.
  explicit store(std::filesystem::path root);

  mailbox_state* find(std::string_view name);
  std::vector<const mailbox_state*> mailboxes() const;
  bool has_children(std::string_view name) const;

  // Each returns an empty string on success, else why not (for a NO response).
  std::string create(std::string_view name);
  std::string remove(std::string_view name);
  std::string rename(std::string_view from, std::string_view to);

  void subscribe(std::string_view name) { subscriptions_.insert(normalize(name)); }
  void unsubscribe(std::string_view name) { subscriptions_.erase(normalize(name)); }
  bool is_subscribed(std::string_view name) const {
    return subscriptions_.count(normalize(name)) != 0;
  }

  // Messages larger than this stay in their files rather than in memory: 1 MiB, the size above
  // which the framer streams an APPEND's literal to a file (and a client a body to disk).
  static constexpr std::uint64_t held_in_memory = 1u << 20;

  // The whole message as served: the bytes held, or its file read, for what needs all of it at
  // once (ENVELOPE, BODYSTRUCTURE, a section, SEARCH). Empty if the file cannot be read.
  std::shared_ptr<const std::string> contents(const mailbox_state& mailbox,
                                              const stored_message& m) const;

  // Stores a message; returns its UID.
  std::uint32_t append(mailbox_state& mailbox, std::string_view bytes,
                       const std::vector<std::string>& flags, std::int64_t internal_date,
                       const store_listener* origin);
  // A fresh path in the root maildir's tmp/, for a message that arrives in chunks.
  std::filesystem::path temp_path();
  // Stores the message written to `written` (a temp_path(), `scan` counted as it was written):
  // the file is renamed into the mailbox's cur/. Returns its UID.
  std::uint32_t append_file(mailbox_state& mailbox, const std::filesystem::path& written,
                            const message_scan& scan, const std::vector<std::string>& flags,
                            std::int64_t internal_date, const store_listener* origin);
  // COPY / MOVE of one message into `target`, its file copied (a large one is never read whole).
  std::uint32_t copy(const mailbox_state& source, const stored_message& m, mailbox_state& target,
                     const store_listener* origin);
  // Replaces a message's flags (system flags and keywords).
  void set_flags(mailbox_state& mailbox, std::uint32_t uid, std::vector<std::string> flags,
                 const store_listener* origin);
  // Removes the messages with these UIDs.
  void expunge(mailbox_state& mailbox, const std::vector<std::uint32_t>& uids,
               const store_listener* origin);

  void add_listener(store_listener* l) { listeners_.insert(l); }
  void remove_listener(store_listener* l) { listeners_.erase(l); }

  // "INBOX" in any case is INBOX.
  static std::string normalize(std::string_view name);

  static constexpr const char* uid_file_name = ".imapkit-uids";

 private:
  // Moves a new message's file (written in tmp/) into the mailbox's cur/ and adds the message:
  // the end of every way a message comes in. Returns its UID.
  std::uint32_t deliver(mailbox_state& mailbox, stored_message m,
                        const std::filesystem::path& written, const store_listener* origin);
  void load(const std::string& name, const std::filesystem::path& dir);
  void save_uids(const mailbox_state& mailbox);
  void notify(const mailbox_state& mailbox, const mailbox_change& change,
              const store_listener* origin);
  std::filesystem::path directory_of(std::string_view name) const;
  std::string unique_name();

  std::filesystem::path root_;
  std::map<std::string, std::unique_ptr<mailbox_state>> mailboxes_;
  // Deleted mailboxes stay allocated: a session that has one selected keeps a valid pointer.
  std::vector<std::unique_ptr<mailbox_state>> deleted_;
  std::set<std::string> subscriptions_;
  std::set<store_listener*> listeners_;
  std::uint32_t next_uidvalidity_ = 1;
  std::uint64_t unique_counter_ = 0;
};

}  // namespace server
