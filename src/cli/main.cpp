// imapkit — command-line tool. See `imapkit --help` and README.md.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "input.hpp"
#include "json.hpp"
#include "lint.hpp"
#include "proxy.hpp"
#include "quirks.hpp"
#include "roundtrip.hpp"
#include "streamed.hpp"

namespace {

using namespace imapkit;

enum exit_code { all_parsed = 0, some_failed = 1, usage_or_io_error = 2 };

struct parse_command_options {
  bool responses = false;
  bool commands = false;
  bool strict = false;
  bool lenient = false;
  std::string quirks;  // --quirks: a list of quirk names, or empty for the direction's preset
  bool quirks_given = false;
  std::size_t chunk_size = 65536;
  bool summary = false;
  std::string file = "-";
  // Literals above this are streamed (docs/cli-json.md); of any size unless limited.
  std::uint64_t stream_literals_above = framer_limits{}.stream_literals_above;
  std::uint64_t max_streamed_literal = framer_limits::unlimited;
  bool streamed_literal_bytes = false;
};

int run_parse(const parse_command_options& opt) {
  const std::string display_name = opt.file == "-" ? "<stdin>" : opt.file;

  // Responses: lenient by default, with a client's limits; commands: strict (docs/limits.md).
  parse_mode mode = opt.responses ? parse_mode::lenient : parse_mode::strict;
  if (opt.strict) mode = parse_mode::strict;
  if (opt.lenient) mode = parse_mode::lenient;
  parse_options options = opt.responses ? parse_options::responses(mode) : parse_options::of(mode);
  if (opt.quirks_given) {
    std::string bad;
    if (!cli::parse_quirk_list(opt.quirks, options.quirks, bad)) {
      std::fprintf(stderr, "imapkit: unknown quirk '%s' (docs/quirks.md lists them)\n",
                   bad.c_str());
      return usage_or_io_error;
    }
  }

  // The side's limits, but streamed literals of any size: the CLI reads captures, it does not
  // store what it reads.
  const framer_side side = opt.responses ? framer_side::read_responses : framer_side::read_commands;
  framer_limits limits = framer_limits::for_side(side);
  limits.stream_literals_above = opt.stream_literals_above;
  limits.max_streamed_literal_size = opt.max_streamed_literal;
  framer frame(side, limits);
  cli::streamed_literals streamed(opt.streamed_literal_bytes);
  arena mem;
  std::size_t messages = 0, errors = 0;
  std::string line;

  const auto report = [&](const framer::event& ev) {
    if (ev.kind == framer::status::literal_begin || ev.kind == framer::status::literal_data) {
      streamed.on_event(ev);
      return;
    }
    if (ev.kind == framer::status::error) {
      ++errors;
      std::fprintf(stderr, "%s:%llu: error: message exceeds %.*s (%llu)\n", display_name.c_str(),
                   static_cast<unsigned long long>(ev.error.offset),
                   static_cast<int>(ev.error.limit_name().size()), ev.error.limit_name().data(),
                   static_cast<unsigned long long>(ev.error.limit));
      return;
    }
    ++messages;
    mem.reset();
    boost::json::object out;
    out["offset"] = ev.offset;
    out["length"] = ev.message.size() + streamed_size(ev.literals);
    parse_error err;
    options.streamed_literals = ev.literals;
    const cli::streamed_json_scope scope(streamed.of(ev), streamed.keep_bytes());
    boost::json::object* json = opt.summary ? nullptr : &out;
    const bool ok = opt.responses ? cli::parse_response_to_json(ev.message, mem, options, json, err)
                                  : cli::parse_command_to_json(ev.message, mem, options, json, err);
    if (!ok) {
      ++errors;
      std::fprintf(stderr, "%s:%llu: error: %s\n", display_name.c_str(),
                   static_cast<unsigned long long>(ev.offset +
                                                   offset_with_streamed(err.offset, ev.literals)),
                   err.message().c_str());
      return;
    }
    if (!opt.summary) {
      line = boost::json::serialize(out);
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
  };

  const std::size_t chunk = opt.chunk_size == 0 ? 1 : opt.chunk_size;
  std::uint64_t total = 0;
  const bool read = cli::read_in_chunks(opt.file, chunk, total, [&](std::string_view block) {
    frame.feed(block);
    for (;;) {
      const framer::event ev = frame.next();
      if (ev.kind == framer::status::need_more) break;
      report(ev);
    }
  });
  if (!read) {
    std::fprintf(stderr, "imapkit: cannot read %s\n", opt.file.c_str());
    return usage_or_io_error;
  }
  if (frame.buffered() != 0 || frame.discarding()) {
    ++errors;
    std::fprintf(stderr, "%s:%llu: error: input ends inside a message (%zu bytes unframed)\n",
                 display_name.c_str(), static_cast<unsigned long long>(frame.stream_offset()),
                 frame.buffered());
  }
  if (opt.summary)
    std::printf("messages=%zu errors=%zu bytes=%llu\n", messages, errors,
                static_cast<unsigned long long>(total));
  return errors == 0 ? all_parsed : some_failed;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"imapkit: parse and serialize IMAP (RFC 9051 / RFC 3501) wire traffic"};
  app.require_subcommand(1);

  parse_command_options parse_opt;
  CLI::App* parse = app.add_subcommand(
      "parse", "Frame a raw IMAP stream and print every message as JSON Lines on stdout");
  auto* direction = parse->add_option_group("direction", "which side of the connection");
  direction->add_flag("--responses", parse_opt.responses,
                      "server->client bytes (lenient by default)");
  direction->add_flag("--commands", parse_opt.commands, "client->server bytes (strict by default)");
  direction->require_option(1);
  parse->add_flag("--strict", parse_opt.strict, "follow the ABNF only (default for commands)");
  parse
      ->add_flag("--lenient", parse_opt.lenient,
                 "also accept documented server quirks (default for responses)")
      ->excludes("--strict");
  parse
      ->add_option("--quirks", parse_opt.quirks,
                   "accept exactly these quirks of docs/quirks.md: a comma-separated list of "
                   "names, or all (--strict is --quirks '', --lenient is --quirks all)")
      ->each([&](const std::string&) { parse_opt.quirks_given = true; })
      ->excludes("--strict")
      ->excludes("--lenient");
  parse
      ->add_option("--chunk-size", parse_opt.chunk_size,
                   "feed the framer N bytes at a time (the output does not depend on it)")
      ->check(CLI::PositiveNumber);
  parse->add_flag("--summary", parse_opt.summary, "print only messages=N errors=M bytes=B");
  parse
      ->add_option("--stream-literals-above", parse_opt.stream_literals_above,
                   "stream literals of more than N bytes instead of holding them: the JSON shows "
                   "their size and SHA-256")
      ->capture_default_str();
  parse->add_option("--max-streamed-literal", parse_opt.max_streamed_literal,
                    "refuse streamed literals of more than N bytes, as a server would (default: "
                    "no limit)");
  parse->add_flag("--streamed-literal-bytes", parse_opt.streamed_literal_bytes,
                  "show streamed literals' bytes in the JSON as buffered ones are (holds them: "
                  "for comparing the two ways)");
  parse->add_option("file", parse_opt.file, "capture to read, or - for stdin")
      ->capture_default_str();

  cli::roundtrip_options rt_opt;
  CLI::App* roundtrip = app.add_subcommand(
      "roundtrip",
      "Parse a raw IMAP stream, serialize every message again and write the bytes to stdout; "
      "with --check, report per message whether they parse back to an equal value");
  auto* rt_direction = roundtrip->add_option_group("direction", "which side of the connection");
  rt_direction->add_flag("--responses", rt_opt.responses, "server->client bytes");
  rt_direction->add_flag("--commands", rt_opt.commands, "client->server bytes");
  rt_direction->require_option(1);
  roundtrip->add_flag("--strict", rt_opt.strict, "parse following the ABNF only");
  roundtrip->add_flag("--lenient", rt_opt.lenient, "parse accepting documented server quirks")
      ->excludes("--strict");
  roundtrip->add_flag("--check", rt_opt.check,
                      "print one JSON line per message (equal / different / unreadable / "
                      "rejected / unparsed) instead of the bytes; exit 1 if any is not equal");
  roundtrip->add_flag("--summary", rt_opt.summary,
                      "with --check: print only messages=N failures=M identical=K");
  roundtrip->add_flag("--utf8", rt_opt.utf8,
                      "write as with UTF8=ACCEPT (RFC 6855) or IMAP4rev2 in effect");
  roundtrip->add_flag("--literal-plus", rt_opt.literal_plus,
                      "commands: write non-synchronizing literals {N+} (LITERAL+)");
  roundtrip
      ->add_option("--chunk-size", rt_opt.chunk_size,
                   "read and feed the framer N bytes at a time (the output does not depend on it)")
      ->check(CLI::PositiveNumber);
  roundtrip->add_option("file", rt_opt.file, "capture to read, or - for stdin")
      ->capture_default_str();

  cli::proxy_options proxy_opt;
  CLI::App* proxy = app.add_subcommand(
      "proxy",
      "Forward live IMAP connections unchanged between clients and a server, and trace both "
      "streams parsed: one line per message on stdout, violations flagged with '!!' "
      "(docs/cli-json.md). Runs until SIGINT/SIGTERM (exit 0), or --once / --connections. "
      "Targets loopback addresses only, unless --allow-remote");
  proxy->add_option("--listen", proxy_opt.listen, "HOST:PORT to accept clients on (port 0: any)")
      ->required();
  proxy->add_option("--connect", proxy_opt.connect, "HOST:PORT of the IMAP server")->required();
  proxy->add_option("--json", proxy_opt.json_file,
                    "also write every message as JSON Lines to FILE (docs/cli-json.md)");
  proxy->add_option("--record", proxy_opt.record_dir,
                    "write the exact bytes of connection N to DIR/connN.c2s and DIR/connN.s2c "
                    "(the capture format of corpus/captures/)");
  proxy->add_flag("--json-literals", proxy_opt.json_literals,
                  "write literal data into the JSON (default: their sizes only)");
  auto* proxy_once =
      proxy->add_flag("--once", proxy_opt.once,
                      "serve one connection, then exit (status 1 if a violation was seen)");
  proxy
      ->add_option("--connections", proxy_opt.connections,
                   "serve N connections, then exit (status 1 if a violation was seen)")
      ->check(CLI::PositiveNumber)
      ->excludes(proxy_once);
  proxy->add_flag("--strict", proxy_opt.strict,
                  "parse following the ABNF only (default: lenient, accepting documented quirks)");
  proxy
      ->add_option("--width", proxy_opt.width,
                   "cut message text on trace lines after N characters (0: never)")
      ->capture_default_str();
  proxy->add_flag("--allow-remote", proxy_opt.allow_remote,
                  "allow non-loopback --listen / --connect addresses (imapkit's tools target "
                  "loopback only by default)");

  cli::lint_options lint_opt;
  CLI::App* lint = app.add_subcommand(
      "lint",
      "Conformance report of captures: for each file, the quirks of docs/quirks.md its messages "
      "needed (how many messages, first offsets), every message nothing could read with its "
      "error, and a verdict (conforms / needs_quirks / fails). Exit 0 when every file conforms");
  auto* lint_direction =
      lint->add_option_group("direction", "default: *.s2c are responses, *.c2s commands");
  lint_direction->add_flag("--responses", lint_opt.responses, "read every FILE as server->client");
  lint_direction->add_flag("--commands", lint_opt.commands, "read every FILE as client->server");
  lint_direction->require_option(0, 1);
  lint->add_option("--allow", lint_opt.allow,
                   "quirks that do not count against the verdict (comma-separated names, or "
                   "all); they are still reported");
  lint->add_flag("--json", lint_opt.json, "one JSON object per file (docs/cli-json.md)");
  lint->add_option("files", lint_opt.files, "captures to read, - for stdin")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : usage_or_io_error;
  }
  if (parse->parsed()) return run_parse(parse_opt);
  if (proxy->parsed()) return cli::run_proxy(proxy_opt);
  if (lint->parsed()) return cli::run_lint(lint_opt);
  if (roundtrip->parsed()) {
    const int status = cli::run_roundtrip(rt_opt, rt_opt.file == "-" ? "<stdin>" : rt_opt.file);
    if (status == cli::roundtrip_unreadable) {
      std::fprintf(stderr, "imapkit: cannot read %s\n", rt_opt.file.c_str());
      return usage_or_io_error;
    }
    return status;
  }
  return usage_or_io_error;
}
