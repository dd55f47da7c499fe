// store: the example server's mailboxes. A maildir tree on disk (one directory per mailbox, each
// with cur/ new/ tmp/), indexed in memory: UIDs, flags, INTERNALDATE and the message bytes. Every
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

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace server {

struct stored_message {
  std::uint32_t uid = 0;
  std::int64_t internal_date = 0;  // seconds since the epoch (UTC)
  std::vector<std::string> flags;  // system flags spelled canonically ("\Seen"), then keywords
  std::shared_ptr<const std::string> bytes;  // as served: CRLF line ends
  std::string file_base;                     // maildir unique name (before ":2,")
  std::string file_name;                     // current name in cur/
  bool recent = false;

  bool has_flag(std::string_view flag) const noexcept;
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

  // Stores a message; returns its UID.
  std::uint32_t append(mailbox_state& mailbox, std::string_view bytes,
                       const std::vector<std::string>& flags, std::int64_t internal_date,
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
