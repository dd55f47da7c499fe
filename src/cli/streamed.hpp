// What the CLI keeps of a message's streamed literals (framer_limits::stream_literals_above):
// their size and SHA-256, computed as their bytes go by, so that a literal of any size is shown
// in the JSON without being held (docs/cli-json.md). With keep_bytes (`--streamed-literal-bytes`,
// for comparing with the buffered output) it also holds their bytes and the JSON shows them as a
// buffered literal's.
#pragma once

#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/string.hpp"

namespace imapkit::cli {

struct streamed_literal_summary {
  std::uint64_t size = 0;
  std::string sha256;  // lower-case hex, once the literal is complete
  std::string bytes;   // with keep_bytes only
};

class streamed_literals {
 public:
  explicit streamed_literals(bool keep_bytes = false) : keep_bytes_(keep_bytes) {}

  // Feeds a framer event; literal_begin and literal_data are taken, the rest ignored.
  void on_event(const framer::event& ev) {
    if (ev.kind == framer::status::literal_begin) {
      if (ev.literal.index == 1) summaries_.clear();
      summaries_.push_back({ev.literal.size, {}, {}});
      digest_.reset(EVP_MD_CTX_new());
      EVP_DigestInit_ex(digest_.get(), EVP_sha256(), nullptr);
    } else if (ev.kind == framer::status::literal_data) {
      EVP_DigestUpdate(digest_.get(), ev.message.data(), ev.message.size());
      if (keep_bytes_) summaries_.back().bytes.append(ev.message);
      if (ev.literal_end) {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        EVP_DigestFinal_ex(digest_.get(), md, &n);
        static constexpr char hex[] = "0123456789abcdef";
        std::string& out = summaries_.back().sha256;
        for (unsigned int i = 0; i < n; ++i) {
          out += hex[md[i] >> 4];
          out += hex[md[i] & 15];
        }
      }
    }
  }

  // The summaries of the message event `ev` (none when it streamed nothing).
  std::span<const streamed_literal_summary> of(const framer::event& ev) const {
    if (ev.literals.empty()) return {};
    return summaries_;
  }
  bool keep_bytes() const noexcept { return keep_bytes_; }

 private:
  struct digest_free {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
  };
  bool keep_bytes_;
  std::vector<streamed_literal_summary> summaries_;
  std::unique_ptr<EVP_MD_CTX, digest_free> digest_;
};

// The streamed literals of the message being written as JSON, which to_json(imapkit::string)
// reads for a string with stream != 0 (set around each message; empty otherwise).
// Scopes nest (the proxy writes a command's JSON while it writes a response's): each restores
// what it found.
class streamed_json_scope {
 public:
  streamed_json_scope(std::span<const streamed_literal_summary> summaries, bool show_bytes);
  ~streamed_json_scope();
  streamed_json_scope(const streamed_json_scope&) = delete;
  streamed_json_scope& operator=(const streamed_json_scope&) = delete;

 private:
  std::span<const streamed_literal_summary> saved_;
  bool saved_show_bytes_;
};

// The size of a string's value: its bytes, or a streamed literal's size.
std::uint64_t string_size(const imapkit::string& s);

}  // namespace imapkit::cli
