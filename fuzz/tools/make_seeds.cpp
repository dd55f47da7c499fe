// make_seeds: builds the seed corpora under OUTPUT_DIR/<harness>/ from the real captures
// (corpus/captures/*.s2c, *.c2s, and the other servers' in corpus/captures/<server>/, split
// into single messages with imapkit::framer) and from the example lines of the RFCs (C: / S:
// lines). Run by `scripts/fuzz.sh seeds` (which compiles it with src/framer.cpp alone) over the
// unpacked seed archives, build/fuzz/seeds/<harness>/, which it then packs again into
// corpus/fuzz/<harness>_seed_corpus.zip (committed). It replaces only its own files (named
// seed-*), never what a campaign added.
//
// To keep the corpora small (< 2 MB in all) messages are deduplicated by shape (tag dropped,
// digits folded), capped per capture file, and long ones are left out.
//
// Usage: make_seeds CAPTURES_DIR RFC_DIR OUTPUT_DIR
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "imapkit/framer.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One harness's seed directory: numbered files, deduplicated by content.
class seed_dir {
 public:
  seed_dir(const fs::path& root, std::string name) : dir_(root / name), name_(std::move(name)) {
    fs::create_directories(dir_);
    for (const auto& entry : fs::directory_iterator(dir_)) {
      if (entry.path().filename().string().starts_with("seed-")) fs::remove(entry.path());
    }
  }

  // Adds a seed named seed-<source>-<n>; false if the same bytes are already there.
  bool add(std::string_view source, std::string_view bytes) {
    if (!contents_.insert(std::string(bytes)).second) return false;
    const std::string file = "seed-" + std::string(source) + "-" +
                             std::to_string(++count_by_source_[std::string(source)]);
    std::ofstream(dir_ / file, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes_ += bytes.size();
    return true;
  }

  ~seed_dir() {
    std::cout << name_ << ": " << contents_.size() << " seeds, " << bytes_ << " bytes\n";
  }

 private:
  fs::path dir_;
  std::string name_;
  std::set<std::string> contents_;
  std::map<std::string, int> count_by_source_;
  std::size_t bytes_ = 0;
};

std::vector<std::string> frame(std::string_view stream, imapkit::framer_side side) {
  std::vector<std::string> out;
  imapkit::framer f(side);
  f.feed(stream);
  for (auto e = f.next(); e.kind != imapkit::framer::status::need_more; e = f.next()) {
    if (e.kind == imapkit::framer::status::message) out.emplace_back(e.message);
  }
  return out;
}

// The shape of a message: no tag, digits folded, at most 48 bytes. Two FETCH responses that
// differ only in numbers are one shape.
std::string shape(std::string_view message) {
  const std::size_t sp = message.find(' ');
  std::string_view rest = sp == std::string_view::npos ? message : message.substr(sp + 1);
  std::string s;
  for (char c : rest.substr(0, 48)) s += (c >= '0' && c <= '9') ? '0' : c;
  return s;
}

// The balanced parenthesised value starting at s[open] ("("), skipping quoted strings and
// literals; empty if it does not close.
std::string_view balanced(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      for (++i; i < s.size() && s[i] != '"'; ++i)
        if (s[i] == '\\') ++i;
    } else if (c == '{') {
      const std::size_t close = s.find('}', i);
      if (close == std::string_view::npos) return {};
      std::uint64_t n = 0;
      for (std::size_t k = i + 1; k < close; ++k)
        if (s[k] >= '0' && s[k] <= '9') n = n * 10 + static_cast<unsigned>(s[k] - '0');
      i = close + 2 + n;  // past "}\r\n" and the literal's bytes
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) return s.substr(open, i + 1 - open);
    }
  }
  return {};
}

std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  s.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i) s.append(unit);
  return s;
}

// Builds the input of fuzz_lexical_writer (see read_program in fuzz/fuzz_lexical_writer.cpp).
struct writer_program {
  std::string bytes;
  std::size_t fields = 0;
  std::string body;

  writer_program(std::uint8_t options, std::uint8_t capacity, std::string_view tag,
                 std::string_view name) {
    bytes += static_cast<char>(options);
    bytes += static_cast<char>(capacity);
    str(bytes, tag);
    str(bytes, name);
  }
  static void str(std::string& out, std::string_view s) {
    out += static_cast<char>(std::min<std::size_t>(s.size(), 0xEF));
    out.append(s.substr(0, 0xEF));
  }
  // kind: the op number of fuzz_lexical_writer (atom 0, astring 1, string 2, nstring 3,
  // literal 4, number 5, nz_number 6, number64 7, flag 8, flag_list 9, mailbox 10,
  // sequence_set 11, date 12, date_time 13, generic 14); 0x80 sets the op's choice bit.
  writer_program& text(std::uint8_t kind, std::string_view s) {
    body += static_cast<char>(kind);
    str(body, s);
    ++fields;
    return *this;
  }
  writer_program& raw(std::uint8_t kind, std::string_view value_bytes) {
    body += static_cast<char>(kind);
    body.append(value_bytes);
    ++fields;
    return *this;
  }
  std::string done() const {
    std::string out = bytes;
    out += static_cast<char>(fields);
    return out + body;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: make_seeds CAPTURES_DIR RFC_DIR OUTPUT_DIR\n";
    return 2;
  }
  const fs::path captures = argv[1], rfcs = argv[2], out = argv[3];

  std::vector<fs::path> files;
  // Dovecot's captures at the top, the other servers' in their folders (cyrus/session.s2c).
  for (const auto& entry : fs::recursive_directory_iterator(captures)) {
    const std::string name = entry.path().filename().string();
    if ((name.ends_with(".s2c") || name.ends_with(".c2s")) &&
        name.find(".raw.") == std::string::npos)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  seed_dir framer_seeds(out, "framer"), generic_seeds(out, "generic"),
      response_seeds(out, "response"), command_seeds(out, "command"),
      body_seeds(out, "bodystructure"), search_seeds(out, "search_key"), mutf7_seeds(out, "mutf7"),
      writer_seeds(out, "lexical_writer");

  constexpr std::size_t max_message = 8 * 1024;   // longer messages are left out
  constexpr std::size_t per_file = 40;            // distinct shapes kept per capture file
  constexpr std::size_t framer_piece = 3 * 1024;  // framer seeds: runs of whole messages
  constexpr std::size_t framer_per_file = 6;

  std::set<std::string> mailbox_names;
  for (const fs::path& file : files) {
    // "imaplib-broad.s2c", or "cyrus-session.s2c" for a server's folder: seed names stay flat.
    std::string name = file.lexically_relative(captures).generic_string();
    std::replace(name.begin(), name.end(), '/', '-');
    const bool commands = name.ends_with(".c2s");
    const std::string stream = read_file(file);
    const std::vector<std::string> messages =
        frame(stream, commands ? imapkit::framer_side::read_commands
                               : imapkit::framer_side::read_responses);
    const std::string source = name.substr(0, name.size() - 4) + (commands ? "-c" : "-s");

    // Single messages, for the parsers.
    std::set<std::string> shapes;
    for (const std::string& m : messages) {
      if (m.size() > max_message || shapes.size() >= per_file) continue;
      if (!shapes.insert(shape(m)).second) continue;
      (commands ? command_seeds : response_seeds).add(source, m);
      // fuzz_generic: byte 0 = direction and mode (commands strict, responses lenient), byte 1
      // = repeat count (unused: bit 4 of byte 0 is clear).
      const std::string header{static_cast<char>(commands ? 0x01 : 0x02), '\0'};
      generic_seeds.add(source, header + m);
    }

    // BODYSTRUCTURE / BODY values and search programs, from every message of the file.
    std::set<std::string> body_shapes;
    for (const std::string& m : messages) {
      if (!commands) {
        for (std::string_view key : {"BODYSTRUCTURE (", "BODY ("}) {
          for (std::size_t at = m.find(key); at != std::string::npos; at = m.find(key, at + 1)) {
            const std::string_view value = balanced(m, at + key.size() - 1);
            if (value.empty() || value.size() > max_message) continue;
            if (body_shapes.size() < 25 && body_shapes.insert(shape(std::string(value))).second)
              body_seeds.add(source, value);
          }
        }
      } else {
        const std::size_t at = m.find(" SEARCH ");
        if (at != std::string::npos && m.size() <= max_message && m.ends_with("\r\n")) {
          std::string_view program = std::string_view(m).substr(at + 8);
          program.remove_suffix(2);
          search_seeds.add(source, program);
        }
      }
      // Mailbox names in modified UTF-7: the token around each "&".
      for (std::size_t amp = m.find('&'); amp != std::string::npos; amp = m.find('&', amp + 1)) {
        std::size_t begin = amp, end = amp;
        while (begin > 0 && m[begin - 1] != ' ' && m[begin - 1] != '"' && m[begin - 1] != '(')
          --begin;
        while (end < m.size() && m[end] != ' ' && m[end] != '"' && m[end] != ')' && m[end] != '\r')
          ++end;
        const std::string token = m.substr(begin, end - begin);
        if (token.size() <= 64 &&
            std::all_of(token.begin(), token.end(), [](char c) { return c >= 0x20 && c <= 0x7e; }))
          mailbox_names.insert(token);
      }
    }

    // Runs of whole messages for the framer, spread over the file, with varied modes: side,
    // limits (default / tight lines / tiny / from the input), chunk pattern.
    std::vector<std::string> pieces;
    std::string piece;
    for (const std::string& m : messages) {
      if (m.size() > max_message) continue;
      piece += m;
      if (piece.size() >= framer_piece) pieces.push_back(std::exchange(piece, {}));
    }
    if (!piece.empty()) pieces.push_back(piece);
    const std::size_t step = std::max<std::size_t>(1, pieces.size() / framer_per_file);
    for (std::size_t i = 0, n = 0; i < pieces.size() && n < framer_per_file; i += step, ++n) {
      const std::uint8_t limits = static_cast<std::uint8_t>(n % 3);
      std::string seed;
      seed += static_cast<char>((commands ? 1 : 0) | (limits << 1) | (1 << 3) |
                                (commands && n % 2 ? 0x40 : 0));  // 2 chunk-size bytes
      seed += static_cast<char>(1 + 7 * n);
      seed += static_cast<char>(n % 2 ? 0 : 255);
      framer_seeds.add(source, seed + pieces[i]);
    }
  }

  // RFC examples: single-line C: and S: lines (multi-line ones, with literals, are left out).
  std::vector<fs::path> rfc_files;
  for (const auto& entry : fs::directory_iterator(rfcs))
    if (entry.path().extension() == ".txt") rfc_files.push_back(entry.path());
  std::sort(rfc_files.begin(), rfc_files.end());
  std::set<std::string> rfc_shapes;
  for (const fs::path& file : rfc_files) {
    const std::string text = read_file(file);
    const std::string source = file.stem().string();
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t eol = text.find('\n', pos);
      if (eol == std::string::npos) eol = text.size();
      std::string_view line = std::string_view(text).substr(pos, eol - pos);
      pos = eol + 1;
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.size() < 4 || (line.substr(0, 3) != "C: " && line.substr(0, 3) != "S: ")) continue;
      const bool command = line[0] == 'C';
      std::string_view body = line.substr(3);
      if (body.empty() || body.find('{') != std::string_view::npos ||
          body.find("...") != std::string_view::npos)
        continue;
      if (command && (body.find(' ') == std::string_view::npos || body.front() == '*')) continue;
      if (!command &&
          !(body.front() == '*' || body.front() == '+' || body.find(' ') != std::string_view::npos))
        continue;
      const std::string message = std::string(body) + "\r\n";
      if (!rfc_shapes.insert(std::string(1, line[0]) + shape(message)).second) continue;
      (command ? command_seeds : response_seeds).add(source, message);
      generic_seeds.add(source,
                        std::string{static_cast<char>(command ? 0x01 : 0x02), '\0'} + message);
      if (command) {
        const std::size_t at = message.find(" SEARCH ");
        if (at != std::string::npos)
          search_seeds.add(source,
                           std::string_view(message).substr(at + 8, message.size() - at - 10));
      }
    }
  }

  // Deep and long inputs: 10,000 levels must fail cleanly at max_depth.
  const std::string deep_list = repeat("(", 10000) + repeat(")", 10000);
  generic_seeds.add("deep", std::string("\x01\0A1 X ", 7) + deep_list + "\r\n");
  generic_seeds.add("deep", std::string("\x02\0* X ", 6) + deep_list + "\r\n");
  generic_seeds.add("deep-repeat", std::string("\x13\x9c(", 3));  // "(" x 10,000 by repetition
  response_seeds.add("deep", "* 1 FETCH (BODYSTRUCTURE " + deep_list + ")\r\n");
  response_seeds.add("deep", "* X " + deep_list + "\r\n");
  command_seeds.add("deep",
                    "A1 SEARCH " + repeat("(", 10000) + "ALL" + repeat(")", 10000) + "\r\n");
  command_seeds.add("deep", "A1 SEARCH " + repeat("NOT ", 10000) + "ALL\r\n");
  body_seeds.add("deep", deep_list);
  body_seeds.add("deep",
                 repeat("(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 ", 2000) + "\"MIXED\")");
  search_seeds.add("deep", repeat("(", 10000) + "ALL" + repeat(")", 10000));
  search_seeds.add("deep", repeat("NOT ", 10000) + "ALL");
  search_seeds.add("deep", repeat("OR ", 5000) + repeat("ALL ", 5000) + "ALL");

  // Modified UTF-7: the names of the captures, RFC 3501's example, UTF-8, and broken forms.
  for (const std::string& n : mailbox_names) mutf7_seeds.add("captures", n);
  for (std::string_view s :
       {"~peter/mail/&U,BTFw-/&ZeVnLIqe-", "Entw&APw-rfe", "Caf&AOk- &- Bar", "&2D3eAA-",
        "Entw\xc3\xbc"
        "rfe",
        "\xe5\x8f\xb0\xe5\x8c\x97", "\xf0\x9f\x98\x80 & \xf0\x9f\x92\xa9", "&AGE-", "&-&-",
        "&U,BTFw", "&A-", "&2D0-", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "a\0b",
        "&AAA-"}) {
    mutf7_seeds.add("examples", s);
  }

  // The lexical writer: hostile values in every kind of slot, for each set of options.
  const std::string nul_literal("x\0y", 3);
  for (std::uint8_t options : {0x00, 0x01, 0x02, 0x04, 0x08, 0x19, 0x21}) {
    writer_program p(options, 0x20, "A1", "APPEND");
    p.text(1, "INBOX")
        .text(9 | 0x80, "")
        .text(2, "hello\r\nworld")
        .text(2 | 0x80, nul_literal)
        .text(1, "a b\"c\\d")
        .text(0, "ATOM")
        .text(4, "{5}\r\nabc")
        .text(8, "\\Seen")
        .text(10, "Caf&AOk-")
        .text(3 | 0x80, "")
        .text(3, "caf\xc3\xa9")
        .raw(13, std::string("\x07\xe6\x0c\x1f\x17\x3b\x3c\xff\xc4", 9))
        .raw(11, std::string("\x02\x01\x05\x01\x00\x01\x09", 7))
        .raw(14, std::string("\x0f\x01\x03NIL\x02\x01)\x00", 10));
    writer_seeds.add("programs", p.done());
  }
  {
    writer_program p(0x00, 0x00, "a+b", "X");  // a tag with "+": rejected first
    p.text(2, "after");
    writer_seeds.add("programs", p.done());
  }
  {
    writer_program p(0x00, 0x10, "A2", "STORE");
    p.raw(5, std::string("\x02\x01", 2))
        .raw(6, std::string("\x01", 1))
        .raw(7, std::string("\x03\x80\0\0\0\0\0\0\0", 9))
        .text(0, "a[")
        .text(1, "b]")
        .text(8, "\\*")
        .text(8 | 0x80, "\\*")
        .raw(12, std::string("\x07\xe4\x02\x1d\0\0\0\0\0", 9));
    writer_seeds.add("programs", p.done());
  }
  {
    writer_program p(0x04, 0xff, "A3", "LOGIN");  // LITERAL-: {N+} up to 4096 octets
    p.raw(2, std::string("\xf1") + "0123456\n")
        .raw(2, std::string("\xfe") + "\r\n\r\n\r\n\r\n")
        .text(1, "")
        .text(1, "NIL")
        .text(0, "nil");
    writer_seeds.add("programs", p.done());
  }
  return 0;
}
