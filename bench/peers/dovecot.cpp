// Dovecot's lib-imap (imap_parser, imap_bodystructure_parse_args) behind the peer interface;
// the work is in dovecot_glue.c, because Dovecot's headers are C.
#include <memory>
#include <stdexcept>

#include "dovecot_glue.h"
#include "peer.hpp"

namespace imapkit::bench {

namespace {

class dovecot_parser final : public response_parser {
 public:
  explicit dovecot_parser(bool bodystructure) : d_(bench_dovecot_new(bodystructure ? 1 : 0)) {
    if (!d_) throw std::runtime_error("dovecot: cannot make a parser");
  }
  ~dovecot_parser() override { bench_dovecot_free(d_); }

  bool parse(std::string_view message) override {
    return bench_dovecot_parse(d_, message.data(), message.size()) == 1;
  }

 private:
  bench_dovecot* d_;
};

}  // namespace

std::unique_ptr<response_parser> make_dovecot_parser() {
  return std::make_unique<dovecot_parser>(false);
}

std::unique_ptr<response_parser> make_dovecot_bodystructure_parser() {
  return std::make_unique<dovecot_parser>(true);
}

}  // namespace imapkit::bench
