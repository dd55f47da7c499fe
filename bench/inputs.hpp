// The byte streams every benchmark runs on, and the messages imapkit::framer cuts them into.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/options.hpp"

namespace imapkit::bench {

struct input {
  std::string name;  // "metadata", "literal", "captures_s2c", ...
  framer_side side = framer_side::read_responses;
  std::string bytes;                       // the whole stream
  std::vector<std::string_view> messages;  // views into `bytes`, as the framer hands them out
  std::size_t framer_errors = 0;           // limit violations the framer reported (expected 0)
  // What the parse benchmarks parse it with: strict, with a client's limits for responses
  // (parse_options::responses) and the flags the servers' captures need (servers_s2c).
  parse_options options{};
};

// The inputs, loaded on first use:
//  - metadata, literal (responses) and commands (commands): the streams bench/make_streams.py
//    writes into the build directory (IMAPKIT_BENCH_STREAM_DIR, or $IMAPKIT_BENCH_STREAMS);
//  - captures_s2c / captures_c2s: every server / client capture of Dovecot at the top of
//    corpus/captures/ (except the raw deflate bytes of the COMPRESS session), one after the other;
//  - servers_s2c: the server captures of Cyrus, Courier and Mailutils (corpus/captures/<server>/),
//    parsed with the quirk flags their folders' `quirks` files name;
//  - type_fetch_bodystructure, type_fetch_envelope, type_list, type_status, type_tagged_ok_code:
//    the responses of that type in captures_s2c; type_search_10000 and type_search_5000000:
//    one "* SEARCH" response with 10,000 numbers, and one of 5,000,000 (a 39 MB line).
// A missing file is a fatal error with a message saying how to make it.
const input& get_input(std::string_view name);

// The names above, responses first.
const std::vector<std::string>& response_input_names();
const std::vector<std::string>& response_type_input_names();
const std::vector<std::string>& command_input_names();
// type_search_5000000 alone: the typed response parse runs it; the peers, the generic parse and
// the serializer, which take seconds and a gigabyte on it, do not (the CI smoke runs them all).
const std::vector<std::string>& long_line_input_names();

}  // namespace imapkit::bench
