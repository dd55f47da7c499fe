// A client receiving a large body: the framer streams a literal above its threshold (1 MiB by
// default) as literal_data events, so the body goes to a file as it arrives and is never held;
// the rest of the FETCH is parsed typed — UID, FLAGS, the section — once it is complete.
// The bytes come from memory here, fed in 64 KiB reads as a socket would give them. The README
// quotes this program (examples/receive_body.expected holds its output).
#include <cstdio>
#include <string>
#include <string_view>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"

using namespace imapkit;

// What the server sends: a 3 MB message, then the tagged OK.
std::string server_bytes() {
  std::string body;
  while (body.size() < 3'000'000) body += "Lorem ipsum dolor sit amet.\r\n";
  return "* 7 FETCH (UID 1042 FLAGS (\\Seen) BODY[] {" + std::to_string(body.size()) + "}\r\n" +
         body + ")\r\na5 OK Fetch completed\r\n";
}

int main() {
  const std::string wire = server_bytes();
  framer frame(framer_side::read_responses);  // a client's limits: streams literals > 1 MiB
  arena mem;
  std::FILE* file = nullptr;
  std::uint64_t written = 0;

  const auto handle = [&](const framer::event& ev) {
    switch (ev.kind) {
      case framer::status::literal_begin: {
        // Known before any octet of the body: which message and item it is.
        const literal_slot slot = locate_literal(ev.message, ev.literals);
        std::printf("message %u (UID %u): %.*s, %llu bytes, to body.eml\n", slot.number,
                    slot.fetch_uid, static_cast<int>(slot.item.size()), slot.item.data(),
                    static_cast<unsigned long long>(ev.literal.size));
        file = std::fopen("body.eml", "wb");
        break;
      }
      case framer::status::literal_data:  // a view of the bytes fed: written as they arrive
        written += std::fwrite(ev.message.data(), 1, ev.message.size(), file);
        if (ev.literal_end) std::fclose(file);
        break;
      case framer::status::message: {
        mem.reset();
        parse_options options = parse_options::responses();
        options.streamed_literals = ev.literals;  // the body is a string with no value here
        const auto parsed = parse_response(ev.message, mem, options);
        if (!parsed) {
          std::printf("error: %s\n", parsed.error().message().c_str());
          break;
        }
        if (const auto* u = std::get_if<untagged>(&parsed->value)) {
          const auto& fetch = std::get<fetch_data>(u->data);
          const auto* body = find_item<fetch_body_section>(fetch.attributes);
          std::printf("FETCH %u: %zu items; BODY[] is streamed literal #%u, %llu bytes written\n",
                      fetch.number, fetch.attributes.size(), body->data.stream,
                      static_cast<unsigned long long>(written));
        } else {
          std::printf("%.*s", static_cast<int>(ev.message.size()), ev.message.data());
        }
        break;
      }
      case framer::status::error:
        std::printf("framing error: %.*s\n", static_cast<int>(ev.error.limit_name().size()),
                    ev.error.limit_name().data());
        break;
      case framer::status::need_more:
        break;
    }
  };

  for (std::size_t at = 0; at < wire.size(); at += 65536) {
    frame.feed(std::string_view(wire).substr(at, 65536));  // valid until need_more
    for (auto ev = frame.next(); ev.kind != framer::status::need_more; ev = frame.next())
      handle(ev);
  }
  std::remove("body.eml");
  return 0;
}
