// A user's program: frames a response and parses it through the installed package.
#include <imapkit/framer.hpp>
#include <imapkit/parse.hpp>

#include <cstdio>

int main() {
  imapkit::framer framer(imapkit::framer_side::read_responses);
  framer.feed("* 3 FETCH (BODY[] {5}\r\nhello)\r\n");
  const auto event = framer.next();
  if (event.kind != imapkit::framer::status::message) return 1;
  imapkit::arena mem;
  const auto parsed = imapkit::parse_generic_response(event.message, mem);
  if (!parsed || parsed->name != "3" || parsed->args.size() != 2) return 2;
  std::printf("consumer ok: %zu args\n", parsed->args.size());
  return 0;
}
