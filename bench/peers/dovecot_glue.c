/* Dovecot's lib-imap on one framed response, the way Dovecot's own IMAP client (imapc) reads
 * server responses: imap_parser_read_word() for "*", "+" or the tag, then for a
 * continuation the rest of the line, otherwise imap_parser_read_args() with the flags of a
 * server reply (the text after OK/NO/BAD/BYE as one atom, literal8 allowed). Literals are read
 * into the argument tree (no LITERAL_SIZE streaming: the whole response is in memory).
 *
 * The parser is made once and pointed at an in-memory istream over each message
 * (i_stream_create_from_data), as imapc points its parser at the connection's istream. */
// Dovecot's lib.h must come first: every other Dovecot header relies on it.
// clang-format off
#include "lib.h"
#include "dovecot_glue.h"
#include "imap-arg.h"
#include "imap-bodystructure.h"
#include "imap-parser.h"
#include "istream.h"
// clang-format on

struct bench_dovecot {
  struct imap_parser* parser;
  struct istream* input;
  pool_t pool; /* for the BODYSTRUCTURE trees, cleared after each message */
  int parse_bodystructure;
};

/* Big enough for the largest response of the streams: a literal counts against it. */
#define BENCH_MAX_LINE_SIZE (256u * 1024 * 1024)

static int lib_ready = 0;

struct bench_dovecot* bench_dovecot_new(int parse_bodystructure) {
  struct bench_dovecot* d;

  if (!lib_ready) {
    lib_init();
    lib_ready = 1;
  }
  d = i_new(struct bench_dovecot, 1);
  d->input = i_stream_create_from_data("", 0);
  d->parser = imap_parser_create(d->input, NULL, BENCH_MAX_LINE_SIZE, NULL);
  d->pool = pool_alloconly_create("bench bodystructure", 16384);
  d->parse_bodystructure = parse_bodystructure;
  return d;
}

/* BODYSTRUCTURE items of "* n FETCH (...)": every one must parse. */
static int parse_bodystructures(struct bench_dovecot* d, const struct imap_arg* args) {
  const struct imap_arg *items, *structure;
  struct message_part* parts;
  const char* error;
  unsigned int i;

  if (!imap_arg_atom_equals(&args[1], "FETCH") || !imap_arg_get_list(&args[2], &items)) return 1;
  for (i = 0; !IMAP_ARG_IS_EOL(&items[i]) && !IMAP_ARG_IS_EOL(&items[i + 1]); i += 2) {
    if (!imap_arg_atom_equals(&items[i], "BODYSTRUCTURE")) continue;
    if (!imap_arg_get_list(&items[i + 1], &structure)) return 0;
    parts = NULL;
    if (imap_bodystructure_parse_args(structure, d->pool, &parts, &error) < 0) return 0;
  }
  return 1;
}

int bench_dovecot_parse(struct bench_dovecot* d, const char* data, size_t size) {
  const struct imap_arg* args;
  const char* tag;
  int ok = 0;

  i_stream_unref(&d->input);
  d->input = i_stream_create_from_data(data, size);
  imap_parser_set_streams(d->parser, d->input, NULL);
  imap_parser_reset(d->parser);
  (void)i_stream_read(d->input);

  tag = imap_parser_read_word(d->parser);
  if (tag != NULL) {
    if (strcmp(tag, "+") == 0) {
      ok = i_stream_next_line(d->input) != NULL;
    } else if (imap_parser_read_args(d->parser, 0,
                                     IMAP_PARSE_FLAG_LITERAL8 | IMAP_PARSE_FLAG_SERVER_TEXT,
                                     &args) >= 0) {
      ok = 1;
      if (d->parse_bodystructure && strcmp(tag, "*") == 0) ok = parse_bodystructures(d, args);
    }
  }
  p_clear(d->pool);
  return ok;
}

void bench_dovecot_free(struct bench_dovecot* d) {
  imap_parser_unref(&d->parser);
  i_stream_unref(&d->input);
  pool_unref(&d->pool);
  i_free(d);
}
