// A user's program: frames a response and parses it through the installed package.
#include <imapkit/framer.hpp>
#include <imapkit/parse.hpp>

#include <cstdio>
#include <variant>

int main() {
  imapkit::framer framer(imapkit::framer_side::read_responses);
  framer.feed("* 3 FETCH (UID 17 BODY[] {5}\r\nhello)\r\n");
  const auto event = framer.next();
  if (event.kind != imapkit::framer::status::message) return 1;
  imapkit::arena mem;
  const auto parsed = imapkit::parse_response(event.message, mem);
  if (!parsed || !parsed->is_untagged()) return 2;
  const auto& data = std::get<imapkit::untagged>(parsed->value).data;
  const auto* fetch = std::get_if<imapkit::fetch_data>(&data);
  if (fetch == nullptr || fetch->number != 3 || fetch->attributes.size() != 2) return 3;
  std::printf("consumer ok: FETCH %u with %zu items\n", fetch->number, fetch->attributes.size());
  return 0;
}
