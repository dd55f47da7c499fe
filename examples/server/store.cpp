#include "store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace server {

namespace fs = std::filesystem;

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The maildir info letters (in the ASCII order maildir wants) of the system flags.
constexpr std::pair<char, std::string_view> maildir_letters[] = {
    {'D', "\\Draft"}, {'F', "\\Flagged"}, {'R', "\\Answered"}, {'S', "\\Seen"}, {'T', "\\Deleted"}};

std::string info_of(const std::vector<std::string>& flags) {
  std::string info = ":2,";
  for (const auto& [letter, flag] : maildir_letters)
    if (std::find(flags.begin(), flags.end(), flag) != flags.end()) info += letter;
  return info;
}

std::vector<std::string> flags_of_info(std::string_view file_name) {
  std::vector<std::string> flags;
  const auto pos = file_name.rfind(":2,");
  if (pos == std::string_view::npos) return flags;
  const std::string_view letters = file_name.substr(pos + 3);
  for (const auto& [letter, flag] : maildir_letters)
    if (letters.find(letter) != std::string_view::npos) flags.emplace_back(flag);
  return flags;
}

// IMAP serves messages with CRLF line ends: a bare LF (as maildir files written by other tools
// often have, or an APPEND from a careless client) becomes CRLF in what is served; the file
// keeps its bytes.
std::string with_crlf(std::string bytes) {
  if (bytes.find('\n') == std::string::npos) return bytes;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 32);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) out += '\r';
    out += bytes[i];
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

constexpr std::size_t file_chunk = 64 * 1024;

// A large message file counted in chunks (never read whole).
message_scan scan_file(const fs::path& p) {
  message_scan scan;
  std::ifstream in(p, std::ios::binary);
  std::vector<char> chunk(file_chunk);
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
    scan.add(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
  return scan;
}

// The index entry's view of the message: its bytes held if it is small, its size and what
// serving it needs either way.
void describe(stored_message& m, std::shared_ptr<const std::string> served,
              const message_scan& scan) {
  m.size = scan.served_size;
  m.file_bare_lf = scan.bare_lf;
  m.holds_nul = scan.nul;
  if (m.size <= store::held_in_memory) m.bytes = std::move(served);
}

std::int64_t mtime_of(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return std::time(nullptr);
  return st.st_mtime;
}

void set_mtime(const fs::path& p, std::int64_t seconds) {
  struct timespec times[2];
  times[0].tv_sec = times[1].tv_sec = static_cast<time_t>(seconds);
  times[0].tv_nsec = times[1].tv_nsec = 0;
  ::utimensat(AT_FDCWD, p.c_str(), times, 0);
}

bool is_maildir_subdir(const fs::path& p) {
  const auto n = p.filename().string();
  return n == "cur" || n == "new" || n == "tmp";
}

// A mailbox name must not escape the root or collide with the maildir's own directories.
bool valid_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    auto end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == ".." || part == "cur" || part == "new" ||
        part == "tmp" || part.front() == '.')
      return false;
    start = end + 1;
  }
  return name.find('\0') == std::string_view::npos;
}

}  // namespace

void message_scan::add(std::string_view chunk) noexcept {
  served_size += chunk.size();
  for (const char c : chunk) {
    if (c == '\n' && previous_ != '\r') {
      ++served_size;  // served as CRLF
      bare_lf = true;
    }
    nul = nul || c == '\0';
    previous_ = c;
  }
}

message_reader::message_reader(const fs::path& file, bool add_cr)
    : file_(std::fopen(file.c_str(), "rb")), add_cr_(add_cr), chunk_(file_chunk) {}

message_reader::~message_reader() {
  if (file_) std::fclose(file_);
}

std::size_t message_reader::read(char* buffer, std::size_t capacity) {
  if (!file_) return 0;
  if (!add_cr_) return std::fread(buffer, 1, capacity, file_);
  std::size_t out = 0;
  while (out < capacity) {
    if (lf_pending_) {
      buffer[out++] = '\n';
      lf_pending_ = false;
      continue;
    }
    if (position_ == end_) {
      end_ = std::fread(chunk_.data(), 1, chunk_.size(), file_);
      position_ = 0;
      if (end_ == 0) break;
    }
    const char c = chunk_[position_++];
    if (c == '\n' && previous_ != '\r') {
      buffer[out++] = '\r';
      lf_pending_ = true;
    } else {
      buffer[out++] = c;
    }
    previous_ = c;
  }
  return out;
}

bool stored_message::has_flag(std::string_view flag) const noexcept {
  for (const auto& f : flags)
    if (iequals(f, flag)) return true;
  return false;
}

stored_message* mailbox_state::find(std::uint32_t uid) noexcept {
  auto it = std::lower_bound(messages.begin(), messages.end(), uid,
                             [](const stored_message& m, std::uint32_t u) { return m.uid < u; });
  return it != messages.end() && it->uid == uid ? &*it : nullptr;
}

std::uint32_t mailbox_state::count_without(std::string_view flag) const noexcept {
  std::uint32_t n = 0;
  for (const auto& m : messages) n += m.has_flag(flag) ? 0 : 1;
  return n;
}

std::uint32_t mailbox_state::count_recent() const noexcept {
  std::uint32_t n = 0;
  for (const auto& m : messages) n += m.recent ? 1 : 0;
  return n;
}

std::string canonical_flag(std::string_view flag) {
  for (std::string_view system :
       {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft", "\\Recent"})
    if (iequals(flag, system)) return std::string(system);
  return std::string(flag);
}

std::string store::normalize(std::string_view name) {
  if (iequals(name, "INBOX")) return "INBOX";
  return std::string(name);
}

store::store(fs::path root) : root_(std::move(root)) {
  next_uidvalidity_ = static_cast<std::uint32_t>(std::time(nullptr));
  for (const char* sub : {"cur", "new", "tmp"}) fs::create_directories(root_ / sub);
  load("INBOX", root_);
  // Every other directory holding cur/ is a mailbox; its name is its path below the root.
  for (auto it = fs::recursive_directory_iterator(root_); it != fs::recursive_directory_iterator();
       ++it) {
    if (!it->is_directory()) continue;
    if (is_maildir_subdir(it->path()) || it->path().filename().string().front() == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (fs::is_directory(it->path() / "cur"))
      load(fs::relative(it->path(), root_).generic_string(), it->path());
  }
  for (const auto& [name, box] : mailboxes_) subscriptions_.insert(name);
}

void store::load(const std::string& name, const fs::path& dir) {
  auto box = std::make_unique<mailbox_state>();
  box->name = name;
  box->dir = dir;
  box->uidvalidity = next_uidvalidity_++;
  for (const char* sub : {"cur", "new", "tmp"}) fs::create_directories(dir / sub);

  // The UIDs given out before (uid_file_name): kept for the files still there.
  std::map<std::string, std::uint32_t> known_uids;
  {
    std::ifstream in(dir / uid_file_name);
    std::uint32_t uidvalidity = 0, uidnext = 0;
    if (in >> uidvalidity >> uidnext && uidvalidity != 0 && uidnext != 0) {
      box->uidvalidity = uidvalidity;
      box->uidnext = uidnext;
      // A mailbox created later must not get a UIDVALIDITY some mailbox had.
      next_uidvalidity_ = std::max(next_uidvalidity_, uidvalidity + 1);
      std::uint32_t uid = 0;
      std::string base;
      while (in >> uid >> base)
        if (uid != 0 && uid < uidnext) known_uids[base] = uid;
    }
  }

  struct found {
    fs::path path;
    std::int64_t mtime;
    bool is_new;
  };
  std::vector<found> files;
  for (const char* sub : {"cur", "new"})
    for (const auto& entry : fs::directory_iterator(dir / sub))
      if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
        files.push_back({entry.path(), mtime_of(entry.path()), std::string_view(sub) == "new"});
  // Oldest first, then by name: the UIDs follow the order the messages arrived in.
  std::sort(files.begin(), files.end(), [](const found& a, const found& b) {
    return a.mtime != b.mtime ? a.mtime < b.mtime : a.path.filename() < b.path.filename();
  });
  for (const auto& f : files) {
    stored_message m;
    m.internal_date = f.mtime;
    const std::string file_name = f.path.filename().string();
    m.file_base = file_name.substr(0, file_name.find(':'));
    const auto known = known_uids.find(m.file_base);
    if (known != known_uids.end()) {
      m.uid = known->second;
      known_uids.erase(known);  // one file per UID, even if a name shows up in cur/ and new/
    } else {
      m.uid = box->uidnext++;
    }
    m.flags = flags_of_info(file_name);
    std::error_code ec;
    if (fs::file_size(f.path, ec) > held_in_memory) {
      describe(m, nullptr, scan_file(f.path));  // served from its file
    } else {
      std::string data = read_file(f.path);
      message_scan scan;
      scan.add(data);
      describe(m, std::make_shared<const std::string>(with_crlf(std::move(data))), scan);
    }
    m.file_name = m.file_base + info_of(m.flags);
    if (f.is_new) m.recent = true;
    if (f.path != dir / "cur" / m.file_name) fs::rename(f.path, dir / "cur" / m.file_name);
    box->messages.push_back(std::move(m));
  }
  std::sort(box->messages.begin(), box->messages.end(),
            [](const stored_message& a, const stored_message& b) { return a.uid < b.uid; });
  save_uids(*box);
  mailboxes_[name] = std::move(box);
}

void store::save_uids(const mailbox_state& box) {
  // Written next to the file and renamed over it: a crash leaves the old list or the new one.
  const fs::path path = box.dir / uid_file_name;
  const fs::path tmp = box.dir / (std::string(uid_file_name) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << box.uidvalidity << ' ' << box.uidnext << '\n';
    for (const auto& m : box.messages) out << m.uid << ' ' << m.file_base << '\n';
    if (!out) return;  // not fatal: the UIDs are then new at the next start
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
}

mailbox_state* store::find(std::string_view name) {
  auto it = mailboxes_.find(normalize(name));
  return it == mailboxes_.end() ? nullptr : it->second.get();
}

std::vector<const mailbox_state*> store::mailboxes() const {
  std::vector<const mailbox_state*> out;
  for (const auto& [name, box] : mailboxes_) out.push_back(box.get());
  return out;
}

bool store::has_children(std::string_view name) const {
  const std::string prefix = normalize(name) + "/";
  for (const auto& [other, box] : mailboxes_)
    if (other.starts_with(prefix)) return true;
  return false;
}

fs::path store::directory_of(std::string_view name) const {
  return normalize(name) == "INBOX" ? root_ : root_ / fs::path(std::string(name));
}

std::string store::create(std::string_view wire_name) {
  std::string name = normalize(wire_name);
  while (!name.empty() && name.back() == '/') name.pop_back();  // "foo/" creates "foo"
  if (find(name)) return "Mailbox exists";
  if (name.starts_with("INBOX/")) return "INBOX has no inferiors here";
  if (!valid_name(name)) return "Invalid mailbox name";
  // Superiors are created too (RFC 9051 §6.3.4).
  std::size_t slash = 0;
  while ((slash = name.find('/', slash)) != std::string::npos) {
    const std::string parent = name.substr(0, slash++);
    if (!find(parent)) load(parent, directory_of(parent));
  }
  load(name, directory_of(name));
  subscriptions_.insert(name);
  return {};
}

std::string store::remove(std::string_view wire_name) {
  const std::string name = normalize(wire_name);
  if (name == "INBOX") return "INBOX cannot be deleted";
  auto it = mailboxes_.find(name);
  if (it == mailboxes_.end()) return "No such mailbox";
  if (has_children(name)) return "Mailbox has inferiors";
  std::error_code ec;
  fs::remove_all(it->second->dir, ec);
  if (ec) return "Cannot remove the mailbox: " + ec.message();
  it->second->deleted = true;
  deleted_.push_back(std::move(it->second));
  mailboxes_.erase(it);
  subscriptions_.erase(name);
  return {};
}

std::string store::rename(std::string_view wire_from, std::string_view wire_to) {
  const std::string from = normalize(wire_from), to = normalize(wire_to);
  if (from == "INBOX") return "Renaming INBOX is not supported by this server";
  if (!find(from)) return "No such mailbox";
  if (find(to)) return "Mailbox exists";
  if (!valid_name(to) || to.starts_with("INBOX/")) return "Invalid mailbox name";
  if (to.starts_with(from + "/")) return "Cannot move a mailbox into itself";
  const fs::path target = directory_of(to);
  fs::create_directories(target.parent_path());
  std::error_code ec;
  fs::rename(directory_of(from), target, ec);
  if (ec) return "Cannot rename: " + ec.message();
  // The mailbox and its inferiors change name; their objects (and selections) stay.
  std::vector<std::string> moved;
  for (const auto& [name, box] : mailboxes_)
    if (name == from || name.starts_with(from + "/")) moved.push_back(name);
  for (const auto& old_name : moved) {
    auto node = mailboxes_.extract(old_name);
    const std::string new_name = to + old_name.substr(from.size());
    node.key() = new_name;
    node.mapped()->name = new_name;
    node.mapped()->dir = directory_of(new_name);
    mailboxes_.insert(std::move(node));
    if (subscriptions_.erase(old_name)) subscriptions_.insert(new_name);
  }
  // Superiors of the new name exist as mailboxes too.
  std::size_t slash = 0;
  while ((slash = to.find('/', slash)) != std::string::npos) {
    const std::string parent = to.substr(0, slash++);
    if (!find(parent)) load(parent, directory_of(parent));
  }
  return {};
}

std::string store::unique_name() {
  return std::to_string(std::time(nullptr)) + ".M" + std::to_string(++unique_counter_) + "P" +
         std::to_string(::getpid()) + ".imapkit";
}

std::uint32_t store::append(mailbox_state& box, std::string_view bytes,
                            const std::vector<std::string>& flags, std::int64_t internal_date,
                            const store_listener* origin) {
  stored_message m;
  m.uid = box.uidnext++;
  m.internal_date = internal_date;
  m.flags = flags;
  // Served as it would be after a restart (load): with CRLF, and RFC822.SIZE counting the CRs.
  message_scan scan;
  scan.add(bytes);
  describe(m, std::make_shared<const std::string>(with_crlf(std::string(bytes))), scan);
  m.file_base = unique_name();
  m.file_name = m.file_base + info_of(m.flags);
  m.recent = true;
  // Written to tmp/ and renamed into cur/: a reader of the maildir never sees half a message.
  const fs::path tmp = box.dir / "tmp" / m.file_base;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  return deliver(box, std::move(m), tmp, origin);
}

std::uint32_t store::deliver(mailbox_state& box, stored_message m, const fs::path& written,
                             const store_listener* origin) {
  set_mtime(written, m.internal_date);
  // Every mailbox lives under the root, on its file system: a rename, as maildir wants.
  fs::rename(written, box.dir / "cur" / m.file_name);
  const std::uint32_t uid = m.uid;
  box.messages.push_back(std::move(m));
  save_uids(box);
  notify(box, {mailbox_change::kind_t::added, uid}, origin);
  return uid;
}

fs::path store::temp_path() { return root_ / "tmp" / unique_name(); }

std::uint32_t store::append_file(mailbox_state& box, const fs::path& written,
                                 const message_scan& scan, const std::vector<std::string>& flags,
                                 std::int64_t internal_date, const store_listener* origin) {
  stored_message m;
  m.uid = box.uidnext++;
  m.internal_date = internal_date;
  m.flags = flags;
  m.file_base = written.filename().string();
  m.file_name = m.file_base + info_of(m.flags);
  m.recent = true;
  describe(m,
           scan.served_size <= held_in_memory
               ? std::make_shared<const std::string>(with_crlf(read_file(written)))
               : nullptr,
           scan);
  return deliver(box, std::move(m), written, origin);
}

std::uint32_t store::copy(const mailbox_state& source, const stored_message& m,
                          mailbox_state& target, const store_listener* origin) {
  // Copies of what the message holds now: appending may grow the vector m lives in.
  const std::vector<std::string> flags = m.flags;
  const std::int64_t date = m.internal_date;
  if (const std::shared_ptr<const std::string> held = m.bytes)
    return append(target, *held, flags, date, origin);
  const fs::path tmp = temp_path();
  fs::copy_file(source.file_of(m), tmp);
  message_scan scan;
  scan.served_size = m.size;
  scan.bare_lf = m.file_bare_lf;
  scan.nul = m.holds_nul;
  return append_file(target, tmp, scan, flags, date, origin);
}

std::shared_ptr<const std::string> store::contents(const mailbox_state& box,
                                                   const stored_message& m) const {
  if (m.bytes) return m.bytes;
  return std::make_shared<const std::string>(with_crlf(read_file(box.file_of(m))));
}

void store::set_flags(mailbox_state& box, std::uint32_t uid, std::vector<std::string> flags,
                      const store_listener* origin) {
  stored_message* m = box.find(uid);
  if (!m) return;
  std::vector<std::string> system, keywords;
  for (auto& f : flags) {
    f = canonical_flag(f);
    if (f == "\\Recent") continue;  // not settable (RFC 3501 §2.3.2)
    auto& into = f.front() == '\\' ? system : keywords;
    if (std::find(into.begin(), into.end(), f) == into.end()) into.push_back(f);
  }
  std::sort(system.begin(), system.end());
  system.insert(system.end(), keywords.begin(), keywords.end());
  if (system == m->flags) return;
  m->flags = std::move(system);
  const std::string new_name = m->file_base + info_of(m->flags);
  if (new_name != m->file_name) {
    std::error_code ec;
    fs::rename(box.dir / "cur" / m->file_name, box.dir / "cur" / new_name, ec);
    if (!ec) m->file_name = new_name;
  }
  notify(box, {mailbox_change::kind_t::flags, uid}, origin);
}

void store::expunge(mailbox_state& box, const std::vector<std::uint32_t>& uids,
                    const store_listener* origin) {
  for (std::uint32_t uid : uids) {
    stored_message* m = box.find(uid);
    if (!m) continue;
    std::error_code ec;
    fs::remove(box.dir / "cur" / m->file_name, ec);
    box.messages.erase(box.messages.begin() + (m - box.messages.data()));
    notify(box, {mailbox_change::kind_t::expunged, uid}, origin);
  }
  save_uids(box);
}

void store::notify(const mailbox_state& box, const mailbox_change& change,
                   const store_listener* origin) {
  // A listener may unregister while being told (a session closing): iterate over a copy.
  const std::vector<store_listener*> listeners(listeners_.begin(), listeners_.end());
  for (store_listener* l : listeners) l->on_change(box, change, origin);
}

}  // namespace server
