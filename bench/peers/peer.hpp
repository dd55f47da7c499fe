// The common interface of the peers: other IMAP response parsers run on the same framed bytes
// as imapkit, each building its own data structures.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace imapkit::bench {

class response_parser {
 public:
  virtual ~response_parser() = default;
  // Parses one whole response as imapkit::framer hands it out (literals inline, ending in CRLF)
  // into the peer's own structures, then frees them as the peer's user would after handling
  // the response. Returns false when the peer rejects the response.
  virtual bool parse(std::string_view message) = 0;
};

struct peer {
  std::string_view name;  // benchmark name prefix: "libetpan", "vmime", "dovecot", ...
  std::unique_ptr<response_parser> (*make)();
};

// Each peer's factory, defined in peers/<peer>.cpp when that peer is built.
std::unique_ptr<response_parser> make_libetpan_parser();
std::unique_ptr<response_parser> make_vmime_parser();
std::unique_ptr<response_parser> make_dovecot_parser();
// Dovecot's lib-imap as its IMAP client would use it on FETCH: the generic argument tree, then
// imap_bodystructure_parse_args() on every BODYSTRUCTURE.
std::unique_ptr<response_parser> make_dovecot_bodystructure_parser();

// The peers compiled into this binary (CMake options IMAPKIT_BENCH_<PEER>).
std::vector<peer> available_peers();

}  // namespace imapkit::bench
