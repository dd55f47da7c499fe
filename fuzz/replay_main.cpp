// The main() of a harness built without libFuzzer: runs LLVMFuzzerTestOneInput over files and
// directories (recursively, in name order, skipping dot files), the way `harness FILE...` does
// in a libFuzzer build. ctest uses it to replay the seed corpora and the crash reproducers as
// regression tests in the ordinary builds (see fuzz/replay.cmake). A failing check aborts.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

namespace {

void collect(const fs::path& p, std::vector<fs::path>& files) {
  if (p.filename().string().starts_with(".")) return;
  if (fs::is_directory(p)) {
    for (const auto& entry : fs::directory_iterator(p)) collect(entry.path(), files);
  } else if (fs::is_regular_file(p)) {
    files.push_back(p);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path p = argv[i];
    if (!fs::exists(p)) {
      std::printf("%s: not there, nothing to replay\n", argv[i]);
      continue;
    }
    collect(p, files);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // A copy of exactly the input's size, so that ASan sees a read past its end.
    std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
    std::fprintf(stderr, "%s\n", file.c_str());  // the last name printed is the culprit
    LLVMFuzzerTestOneInput(input.data(), input.size());
  }
  std::printf("replayed %zu inputs\n", files.size());
  return 0;
}
