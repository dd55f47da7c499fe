// A minimal JSON writer for the client's report: one JSON object per line (JSON Lines), built
// with begin_object() / key() / value() calls. Just enough for this example; it keeps the
// example free of any dependency beyond imapkit and Boost.Asio.
#pragma once

#include <concepts>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/mutf7.hpp"

namespace client {

class json_writer {
 public:
  json_writer& begin_object() { return open('{'); }
  json_writer& end_object() { return close('}'); }
  json_writer& begin_array() { return open('['); }
  json_writer& end_array() { return close(']'); }

  json_writer& key(std::string_view k) {
    separate();
    write_string(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }

  json_writer& value(std::string_view s) {
    separate();
    write_string(s);
    return *this;
  }
  json_writer& value(const char* s) { return value(std::string_view(s)); }
  json_writer& value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
  }
  template <std::integral T>
  requires(!std::same_as<T, bool>) json_writer& value(T n) {
    separate();
    out_ += std::to_string(n);
    return *this;
  }
  json_writer& null() {
    separate();
    out_ += "null";
    return *this;
  }

  // key(k).value(v) in one call.
  template <class T>
  json_writer& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

  // Prints the document as one line on stdout and starts a new one.
  void print_line() {
    out_ += '\n';
    std::fwrite(out_.data(), 1, out_.size(), stdout);
    std::fflush(stdout);
    out_.clear();
    first_.clear();
    after_key_ = false;
  }

 private:
  json_writer& open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
    return *this;
  }
  json_writer& close(char c) {
    out_ += c;
    first_.pop_back();
    return *this;
  }
  // Writes the comma between two members of an object or array (not after a key).
  void separate() {
    if (after_key_) {
      after_key_ = false;
    } else if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  void write_string(std::string_view s) {
    // Servers send what they like (a header with Latin-1 bytes, say): valid UTF-8 goes through
    // as it is, anything else has its 8-bit bytes escaped as the Latin-1 code points they
    // would be, so the report is always valid JSON.
    const bool utf8 = imapkit::mutf7_encoded_size(s).has_value();
    out_ += '"';
    for (char c : s) {
      const auto byte = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (byte < 0x20 || (byte >= 0x80 && !utf8)) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", byte);
        out_ += buf;
      } else {
        out_ += c;
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<bool> first_;  // per open object/array: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace client
