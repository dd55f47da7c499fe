// The real captures of corpus/captures/, for the tests that replay them: Dovecot 2.3's at the
// top, and each other server's in a folder of its own (cyrus/, courier/, mailutils/) whose file
// `quirks` names, comma-separated on one line, the quirk flags its responses need in strict mode
// (empty: none). corpus/captures/README.md describes them; tests/integration/servers.cmake
// reads the same files for the live sessions.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/options.hpp"

#ifndef IMAPKIT_CORPUS_DIR
#error "IMAPKIT_CORPUS_DIR must be defined as the absolute path of the corpus directory"
#endif

namespace imapkit::test {

struct capture_file {
  std::filesystem::path path;
  std::string name;    // relative to corpus/captures: "imaplib-broad.s2c", "cyrus/session.s2c"
  std::string server;  // "dovecot", or the folder's name
  quirk_set quirks;    // the flags the server's responses need (its folder's `quirks`)

  bool is_dovecot() const { return server == "dovecot"; }
  // Strict mode plus the server's flags: what every response of the capture parses with.
  parse_options strict_options() const {
    parse_options options = parse_options::of(parse_mode::strict);
    options.quirks |= quirks;
    return options;
  }
};

inline const std::filesystem::path& captures_dir() {
  static const std::filesystem::path dir = std::filesystem::path(IMAPKIT_CORPUS_DIR) / "captures";
  return dir;
}

// The flags listed in FOLDER/quirks; a name the library does not know fails loudly.
inline quirk_set folder_quirks(const std::filesystem::path& folder) {
  std::ifstream in(folder / "quirks", std::ios::binary);
  if (!in) throw std::runtime_error(folder.string() + "/quirks is missing");
  const std::string list((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  quirk_set out;
  std::string_view unknown;
  if (!quirks_from_string(list, out, unknown))
    throw std::runtime_error(folder.string() + "/quirks: unknown flag " + std::string(unknown));
  return out;
}

// Every capture with this extension (".s2c" or ".c2s"), the raw deflate ones (".raw.") left
// out, sorted by name; Dovecot's first.
inline std::vector<capture_file> capture_files(std::string_view extension) {
  std::vector<capture_file> files;
  auto add = [&](const std::filesystem::path& dir, const std::string& server, quirk_set quirks) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string file = entry.path().filename().string();
      if (!entry.is_regular_file() || entry.path().extension() != extension ||
          file.find(".raw.") != std::string::npos)
        continue;
      const std::string name = server == "dovecot" ? file : server + "/" + file;
      files.push_back({entry.path(), name, server, quirks});
    }
  };
  add(captures_dir(), "dovecot", {});
  std::vector<std::filesystem::path> folders;
  for (const auto& entry : std::filesystem::directory_iterator(captures_dir()))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "quirks"))
      folders.push_back(entry.path());
  for (const auto& folder : folders) add(folder, folder.filename().string(), folder_quirks(folder));
  std::sort(files.begin(), files.end(), [](const capture_file& a, const capture_file& b) {
    return std::pair(!a.is_dovecot(), a.name) < std::pair(!b.is_dovecot(), b.name);
  });
  return files;
}

inline std::string read_capture(const capture_file& file) {
  std::ifstream in(file.path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace imapkit::test
