// libetpan's IMAP response parser (mailimap_parser.c) on one framed response.
//
// libetpan's installed headers do not declare the parser functions (mailimap_parser.h is not
// installed), but libetpan.so exports them; the declarations below are those of libetpan's
// mailimap_parser.h (1.9.x).
//
// The adapter feeds libetpan the way its own session does (mailimap_read_line, then the
// parser): the response's first line is read into the session's MMAPString, and the parser
// reads each literal and the line after it from the mailstream as it goes. The mailstream
// here is an in-memory one over the framed message (a custom mailstream_low driver).
#include <libetpan/libetpan.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "peer.hpp"

extern "C" {
int mailimap_response_parse(mailstream* fd, MMAPString* buffer,
                            struct mailimap_parser_context* parser_ctx, size_t* indx,
                            struct mailimap_response** result, size_t progr_rate,
                            progress_function* progr_fun);
int mailimap_continue_req_parse(mailstream* fd, MMAPString* buffer,
                                struct mailimap_parser_context* parser_ctx, size_t* indx,
                                struct mailimap_continue_req** result, size_t progr_rate,
                                progress_function* progr_fun);
int mailimap_response_data_parse(mailstream* fd, MMAPString* buffer,
                                 struct mailimap_parser_context* parser_ctx, size_t* indx,
                                 struct mailimap_response_data** result, size_t progr_rate,
                                 progress_function* progr_fun);
}

namespace imapkit::bench {

namespace {

// The bytes of the current message, handed out by the mailstream_low driver below.
struct memory_source {
  std::string_view pending;
};

ssize_t memory_read(mailstream_low* low, void* buffer, size_t count) {
  auto* source = static_cast<memory_source*>(low->data);
  const std::size_t n = std::min(count, source->pending.size());
  std::memcpy(buffer, source->pending.data(), n);
  source->pending.remove_prefix(n);
  return static_cast<ssize_t>(n);  // 0: end of the message
}
ssize_t memory_write(mailstream_low*, const void*, size_t count) {
  return static_cast<ssize_t>(count);
}
int memory_close(mailstream_low*) { return 0; }
int memory_get_fd(mailstream_low*) { return -1; }
void memory_free(mailstream_low* low) { std::free(low); }
void memory_cancel(mailstream_low*) {}
struct mailstream_cancel* memory_get_cancel(mailstream_low*) {
  return nullptr;
}
carray* memory_certificates(mailstream_low*) { return nullptr; }
int memory_idle(mailstream_low*) { return 0; }

mailstream_low_driver memory_driver = {
    memory_read,       memory_write,        memory_close, memory_get_fd, memory_free, memory_cancel,
    memory_get_cancel, memory_certificates, memory_idle,  memory_idle,   memory_idle,
};

class libetpan_parser final : public response_parser {
 public:
  libetpan_parser() {
    mailstream_low* low = mailstream_low_new(&source_, &memory_driver);
    stream_ = low ? mailstream_new(low, 8192) : nullptr;
    buffer_ = mmap_string_new("");
    session_ = mailimap_new(0, nullptr);  // only to make a parser context with its defaults
    context_ = session_ ? mailimap_parser_context_new(session_) : nullptr;
    if (!stream_ || !buffer_ || !context_)
      throw std::runtime_error("libetpan: cannot set up the parser");
  }
  ~libetpan_parser() override {
    mailimap_parser_context_free(context_);
    mailimap_free(session_);
    mmap_string_free(buffer_);
    mailstream_close(stream_);
  }

  bool parse(std::string_view message) override {
    source_.pending = message;
    mmap_string_truncate(buffer_, 0);
    int r = MAILIMAP_ERROR_STREAM;
    if (mailstream_read_line(stream_, buffer_) != nullptr) {
      std::size_t index = 0;
      if (message.starts_with("* ")) {
        // response-data: untagged data or status
        mailimap_response_data* data = nullptr;
        r = mailimap_response_data_parse(stream_, buffer_, context_, &index, &data, 0, nullptr);
        if (r == MAILIMAP_NO_ERROR) mailimap_response_data_free(data);
      } else if (message.starts_with("+")) {
        mailimap_continue_req* req = nullptr;
        r = mailimap_continue_req_parse(stream_, buffer_, context_, &index, &req, 0, nullptr);
        if (r == MAILIMAP_NO_ERROR) mailimap_continue_req_free(req);
      } else {
        // response-done: a tagged status response ends a libetpan "response"
        mailimap_response* response = nullptr;
        r = mailimap_response_parse(stream_, buffer_, context_, &index, &response, 0, nullptr);
        if (r == MAILIMAP_NO_ERROR) mailimap_response_free(response);
      }
    }
    // Whatever a rejected message left unread goes, so the next one starts clean.
    char rest[4096];
    while (mailstream_read(stream_, rest, sizeof rest) > 0) {
    }
    return r == MAILIMAP_NO_ERROR;
  }

 private:
  memory_source source_;
  mailstream* stream_ = nullptr;
  MMAPString* buffer_ = nullptr;
  mailimap* session_ = nullptr;
  mailimap_parser_context* context_ = nullptr;
};

}  // namespace

std::unique_ptr<response_parser> make_libetpan_parser() {
  return std::make_unique<libetpan_parser>();
}

}  // namespace imapkit::bench
