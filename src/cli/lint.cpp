// imapkit lint: frames each capture, parses every message with every quirk of docs/quirks.md
// accepted, and reports which quirks the stream needed (how many messages, where), which
// messages nothing could read (with their errors) and a verdict per file.
#include "lint.hpp"

#include <array>
#include <boost/describe/enum.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/json.hpp>
#include <cstdio>
#include <string_view>

#include "client_lines.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "json.hpp"
#include "quirks.hpp"

namespace imapkit::cli {

namespace {

struct quirk_stat {
  std::size_t messages = 0;
  std::vector<std::uint64_t> first_offsets;  // stream offsets where the deviation is
};

struct failure {
  std::uint64_t offset = 0;          // stream offset of the error
  std::uint64_t message_offset = 0;  // stream offset of the message
  std::uint64_t length = 0;          // bytes of the message (0 when the input ended inside it)
  boost::json::object error;         // the parse_error (docs/cli-json.md), or the framing error
  std::string text;                  // the error as one line of text
};

struct file_report {
  std::string name;
  bool responses = true;
  std::uint64_t bytes = 0;
  std::size_t messages = 0;
  std::size_t conforming = 0;  // messages that needed no quirk at all
  std::array<quirk_stat, quirk_count> quirks{};
  std::vector<failure> failures;
  quirk_set needed;  // every quirk some message needed
};

// The names are the JSON's (docs/cli-json.md).
enum class verdict { conforms, needs_quirks, fails };
BOOST_DESCRIBE_ENUM(verdict, conforms, needs_quirks, fails)

std::string_view to_string(verdict v) { return boost::describe::enum_to_string(v, "?"); }

verdict verdict_of(const file_report& r, quirk_set allowed) {
  if (!r.failures.empty()) return verdict::fails;
  bool disallowed = false;
  r.needed.for_each([&](quirk q) { disallowed = disallowed || !allowed.has(q); });
  return disallowed ? verdict::needs_quirks : verdict::conforms;
}

// Reads one file in chunks and fills the report. False if it cannot be read.
bool lint_file(const lint_options& opt, const std::string& path, file_report& report) {
  std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (in == nullptr) return false;

  parse_options options = report.responses ? parse_options::responses() : parse_options::lenient();
  // Literals above the default threshold are streamed, and of any size, as `imapkit parse` reads
  // them: nothing of the message data is looked at here.
  const framer_side side =
      report.responses ? framer_side::read_responses : framer_side::read_commands;
  framer_limits limits = framer_limits::for_side(side);
  limits.max_streamed_literal_size = framer_limits::unlimited;
  framer frame(side, limits);
  client_line_reader lines;
  arena mem, probe;

  const auto note_failure = [&](std::uint64_t offset, std::uint64_t message_offset,
                                std::uint64_t length, boost::json::object error, std::string text) {
    report.failures.push_back({offset, message_offset, length, std::move(error), std::move(text)});
  };

  const auto handle = [&](const framer::event& ev) {
    if (ev.kind == framer::status::literal_begin || ev.kind == framer::status::literal_data) return;
    if (ev.kind == framer::status::error) {
      ++report.messages;
      std::string text = "message exceeds " + std::string(ev.error.limit_name()) + " (" +
                         std::to_string(ev.error.limit) + ")";
      boost::json::object error{{"kind", "framing"},
                                {"limit", ev.error.limit_name()},
                                {"value", ev.error.limit},
                                {"message", text}};
      note_failure(ev.error.offset, ev.offset, 0, std::move(error), std::move(text));
      return;
    }
    ++report.messages;
    mem.reset();
    options.streamed_literals = ev.literals;
    const client_expectation expect = lines.expectation();
    // Where a parse of the message with options o stops, or 0 when it parses.
    const auto stops_at = [&](const parse_options& o) -> std::uint64_t {
      probe.reset();
      const auto offset_of = [&](const auto& r) {
        return r ? std::uint64_t{0} : offset_with_streamed(r.error().offset, ev.literals);
      };
      return report.responses ? offset_of(parse_response(ev.message, probe, o))
                              : offset_of(parse_client_message(ev.message, probe, expect, o));
    };
    quirk_set used;
    parse_error error;
    bool ok = false;
    const auto take = [&](const auto& r) {
      ok = r.ok();
      if (ok)
        used = r.quirks();
      else
        error = r.error();
    };
    if (report.responses)
      take(parse_response(ev.message, mem, options));
    else
      take(lines.read(ev.message, mem, options));
    if (!ok) {
      // Offsets count from the stream's start; message() counts from the message's, so its
      // "offset N: " prefix is left out.
      std::string text = error.message();
      if (const auto colon = text.find(": "); text.starts_with("offset ") && colon != text.npos)
        text.erase(0, colon + 2);
      boost::json::object e = to_json(error).as_object();
      const std::uint64_t at = ev.offset + offset_with_streamed(error.offset, ev.literals);
      e["offset"] = at;
      e["message"] = text;
      note_failure(at, ev.offset, ev.message.size() + streamed_size(ev.literals), std::move(e),
                   std::move(text));
      return;
    }
    if (used.empty()) {
      ++report.conforming;
      return;
    }
    report.needed |= used;
    used.for_each([&](quirk q) {
      quirk_stat& s = report.quirks[static_cast<std::size_t>(q)];
      ++s.messages;
      if (s.first_offsets.size() >= opt.first_offsets) return;
      // The deviation is where a parse with every quirk the message needed but q stops; a
      // rereading quirk (rereading_quirks) makes no such stop: then the message's start.
      parse_options without;
      without.streamed_literals = ev.literals;
      without.quirks = used;
      without.quirks.remove(q);
      s.first_offsets.push_back(ev.offset + stops_at(without));
    });
  };

  std::vector<char> buffer(opt.chunk_size == 0 ? 1 : opt.chunk_size);
  bool read_error = false;
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in);
    if (n == 0) {
      read_error = std::ferror(in) != 0;
      break;
    }
    report.bytes += n;
    frame.feed(std::string_view(buffer.data(), n));
    for (framer::event ev = frame.next(); ev.kind != framer::status::need_more; ev = frame.next())
      handle(ev);
  }
  if (in != stdin) std::fclose(in);
  if (read_error) return false;

  if (frame.buffered() != 0 || frame.discarding()) {
    ++report.messages;
    std::string text =
        "input ends inside a message (" + std::to_string(frame.buffered()) + " bytes unframed)";
    boost::json::object error{{"kind", "truncated"}, {"message", text}};
    note_failure(frame.stream_offset(), frame.stream_offset(), 0, std::move(error),
                 std::move(text));
  }
  return true;
}

boost::json::object to_json(const file_report& r, quirk_set allowed) {
  boost::json::array quirks;
  r.needed.for_each([&](quirk q) {
    const quirk_stat& s = r.quirks[static_cast<std::size_t>(q)];
    boost::json::array offsets;
    for (const auto o : s.first_offsets) offsets.emplace_back(o);
    quirks.emplace_back(boost::json::object{{"name", imapkit::to_string(q)},
                                            {"messages", s.messages},
                                            {"allowed", allowed.has(q)},
                                            {"first_offsets", std::move(offsets)}});
  });
  boost::json::array failures;
  for (const auto& f : r.failures)
    failures.emplace_back(boost::json::object{{"offset", f.offset},
                                              {"message_offset", f.message_offset},
                                              {"length", f.length},
                                              {"error", f.error}});
  return {{"file", r.name},
          {"direction", r.responses ? "responses" : "commands"},
          {"bytes", r.bytes},
          {"messages", r.messages},
          {"conforming", r.conforming},
          {"verdict", to_string(verdict_of(r, allowed))},
          {"quirks", std::move(quirks)},
          {"failures", std::move(failures)}};
}

void print_text(const file_report& r, quirk_set allowed) {
  const char* name = r.name.c_str();
  r.needed.for_each([&](quirk q) {
    const quirk_stat& s = r.quirks[static_cast<std::size_t>(q)];
    std::string offsets;
    for (const auto o : s.first_offsets) {
      if (!offsets.empty()) offsets += ", ";
      offsets += std::to_string(o);
    }
    const std::string_view qn = imapkit::to_string(q);
    std::printf("%s: quirk %.*s%s: %zu message%s, first at %s\n", name, static_cast<int>(qn.size()),
                qn.data(), allowed.has(q) ? " (allowed)" : "", s.messages,
                s.messages == 1 ? "" : "s", offsets.c_str());
  });
  for (const auto& f : r.failures)
    std::printf("%s:%llu: error: %s (message at %llu)\n", name,
                static_cast<unsigned long long>(f.offset), f.text.c_str(),
                static_cast<unsigned long long>(f.message_offset));

  const std::size_t with_quirks = r.messages - r.conforming - r.failures.size();
  const std::string names = quirk_names(r.needed, ", ");
  const verdict v = verdict_of(r, allowed);
  std::printf("%s: %s (%s, %zu messages", name, to_string(v).data(),
              r.responses ? "responses" : "commands", r.messages);
  if (!r.failures.empty()) std::printf("; %zu unreadable", r.failures.size());
  if (with_quirks != 0) std::printf("; %zu needing quirks: %s", with_quirks, names.c_str());
  std::printf(")\n");
}

// *.s2c: responses, *.c2s: commands (corpus/captures' names); false when the name says neither.
bool direction_of(const std::string& path, bool& responses) {
  const auto ends = [&](std::string_view s) {
    return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(".s2c"))
    responses = true;
  else if (ends(".c2s"))
    responses = false;
  else
    return false;
  return true;
}

}  // namespace

int run_lint(const lint_options& opt) {
  quirk_set allowed;
  std::string bad;
  if (!parse_quirk_list(opt.allow, allowed, bad)) {
    std::fprintf(stderr, "imapkit: unknown quirk '%s' (docs/quirks.md lists them)\n", bad.c_str());
    return 2;
  }
  int status = 0;
  for (const auto& path : opt.files) {
    file_report report;
    report.name = path == "-" ? "<stdin>" : path;
    if (opt.responses || opt.commands) {
      report.responses = opt.responses;
    } else if (!direction_of(path, report.responses)) {
      std::fprintf(stderr,
                   "imapkit: %s: which direction? name it *.s2c (responses) or *.c2s "
                   "(commands), or give --responses or --commands\n",
                   report.name.c_str());
      status = 2;
      continue;
    }
    if (!lint_file(opt, path, report)) {
      std::fprintf(stderr, "imapkit: cannot read %s\n", report.name.c_str());
      status = 2;
      continue;
    }
    if (opt.json) {
      const std::string line = boost::json::serialize(to_json(report, allowed)) + "\n";
      std::fwrite(line.data(), 1, line.size(), stdout);
    } else {
      print_text(report, allowed);
    }
    if (verdict_of(report, allowed) != verdict::conforms && status == 0) status = 1;
  }
  return status;
}

}  // namespace imapkit::cli
