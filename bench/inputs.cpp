#include "inputs.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>

namespace imapkit::bench {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "imapkit_bench: %s\n", what.c_str());
  std::exit(2);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail("cannot read " + path.string() +
         " (the generated streams are made by the imapkit_bench_streams target, or by "
         "bench/make_streams.py --captures corpus/captures --out-dir DIR with "
         "IMAPKIT_BENCH_STREAMS=DIR)");
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path stream_dir() {
  if (const char* dir = std::getenv("IMAPKIT_BENCH_STREAMS")) return dir;
  return IMAPKIT_BENCH_STREAM_DIR;
}

// Every capture of one direction, sorted by name, concatenated. Each capture ends at a message
// boundary, so the concatenation frames like the files one by one.
std::string read_captures(std::string_view extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(IMAPKIT_CORPUS_DIR) / "captures")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == extension && name.find(".raw.") == std::string::npos)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::string bytes;
  for (const auto& file : files) bytes += read_file(file);
  return bytes;
}

// The other servers' captures (corpus/captures/<server>/, each folder with its `quirks` file),
// concatenated in name order, and the union of their flags.
void read_server_captures(input& in) {
  std::vector<fs::path> folders, files;
  for (const auto& entry : fs::directory_iterator(fs::path(IMAPKIT_CORPUS_DIR) / "captures"))
    if (entry.is_directory() && fs::exists(entry.path() / "quirks"))
      folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    quirk_set flags;
    std::string_view unknown;
    if (!quirks_from_string(read_file(folder / "quirks"), flags, unknown))
      fail((folder / "quirks").string() + ": unknown quirk " + std::string(unknown));
    in.options.quirks |= flags;
    std::vector<fs::path> here;
    for (const auto& entry : fs::directory_iterator(folder))
      if (entry.path().extension() == ".s2c") here.push_back(entry.path());
    std::sort(here.begin(), here.end());
    for (const auto& file : here) in.bytes += read_file(file);
  }
}

void frame(input& in) {
  framer f(in.side, framer_limits::whole_messages(in.side));
  // One feed of the whole stream: the views then point into the framer's buffer, which holds
  // the same bytes as in.bytes; rebase them onto in.bytes so they outlive the framer.
  f.feed(in.bytes);
  for (auto ev = f.next(); ev.kind != framer::status::need_more; ev = f.next()) {
    if (ev.kind == framer::status::error) {
      ++in.framer_errors;
      continue;
    }
    in.messages.emplace_back(in.bytes.data() + ev.offset, ev.message.size());
  }
}

// The responses of one type, picked from every server capture: the per-type benchmarks.
bool has(std::string_view message, std::string_view part) {
  return message.find(part) != std::string_view::npos;
}
bool is_fetch(std::string_view m) {
  return m.starts_with("* ") && has(m.substr(0, 16), " FETCH (");
}
bool is_tagged(std::string_view m) { return !m.starts_with("* ") && !m.starts_with("+"); }

bool of_type(std::string_view type, std::string_view m) {
  if (type == "fetch_bodystructure") return is_fetch(m) && has(m, "BODYSTRUCTURE (");
  if (type == "fetch_envelope")
    return is_fetch(m) && has(m, "ENVELOPE (") && !has(m, "BODYSTRUCTURE (");
  if (type == "list") return m.starts_with("* LIST ");
  if (type == "status") return m.starts_with("* STATUS ");
  if (type == "tagged_ok_code") return is_tagged(m) && has(m, " OK [");
  fail("unknown response type " + std::string(type));
}

void pick(input& in, const input& from, std::string_view type) {
  for (std::string_view m : from.messages)
    if (of_type(type, m)) in.bytes += m;
}

// "* SEARCH" with `count` numbers: the UIDs of a large mailbox with a few gaps.
std::string search_response(std::size_t count) {
  std::string bytes = "* SEARCH";
  std::size_t uid = 1000;
  for (std::size_t i = 0; i < count; ++i) {
    uid += 1 + (i % 7 == 0 ? 3 : 0);
    bytes += ' ';
    bytes += std::to_string(uid);
  }
  return bytes + "\r\n";
}

std::unique_ptr<input> load(std::string_view name) {
  auto in = std::make_unique<input>();
  in->name = name;
  // Responses are parsed with a client's limits, commands with a server's (docs/limits.md).
  in->options = parse_options::responses(parse_mode::strict);
  if (name.starts_with("type_")) {
    if (name == "type_search_10000") {
      in->bytes = search_response(10000);
    } else if (name == "type_search_5000000") {
      in->bytes = search_response(5000000);  // 39 MB: the long-line case of docs/limits.md
    } else {
      pick(*in, get_input("captures_s2c"), name.substr(5));
    }
  } else if (name == "metadata" || name == "literal") {
    in->bytes = read_file(stream_dir() / (std::string(name) + ".s2c"));
  } else if (name == "commands") {
    in->side = framer_side::read_commands;
    in->options = parse_options::strict();
    in->bytes = read_file(stream_dir() / "commands.c2s");
  } else if (name == "captures_s2c") {
    in->bytes = read_captures(".s2c");
  } else if (name == "servers_s2c") {
    read_server_captures(*in);
  } else if (name == "captures_c2s") {
    in->side = framer_side::read_commands;
    in->options = parse_options::strict();
    in->bytes = read_captures(".c2s");
  } else {
    fail("unknown input " + std::string(name));
  }
  frame(*in);
  return in;
}

}  // namespace

const input& get_input(std::string_view name) {
  static std::map<std::string, std::unique_ptr<input>, std::less<>> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end()) it = loaded.emplace(std::string(name), load(name)).first;
  return *it->second;
}

const std::vector<std::string>& response_input_names() {
  static const std::vector<std::string> names{"metadata", "literal", "captures_s2c", "servers_s2c"};
  return names;
}

const std::vector<std::string>& response_type_input_names() {
  static const std::vector<std::string> names{
      "type_fetch_bodystructure", "type_fetch_envelope", "type_list", "type_status",
      "type_search_10000",        "type_tagged_ok_code"};
  return names;
}

const std::vector<std::string>& long_line_input_names() {
  static const std::vector<std::string> names{"type_search_5000000"};
  return names;
}

const std::vector<std::string>& command_input_names() {
  static const std::vector<std::string> names{"commands", "captures_c2s"};
  return names;
}

}  // namespace imapkit::bench
