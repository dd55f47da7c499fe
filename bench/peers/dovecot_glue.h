/* A C interface to Dovecot's lib-imap for the benchmark: Dovecot's headers are C, not C++. */
#ifndef IMAPKIT_BENCH_DOVECOT_GLUE_H
#define IMAPKIT_BENCH_DOVECOT_GLUE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bench_dovecot;

/* A parser; parse_bodystructure != 0 also runs imap_bodystructure_parse_args() on every
   BODYSTRUCTURE of a FETCH response. NULL when it cannot be made. */
struct bench_dovecot* bench_dovecot_new(int parse_bodystructure);
/* Parses one whole response (literals inline, ending in CRLF): 1 when Dovecot accepts it. */
int bench_dovecot_parse(struct bench_dovecot* d, const char* data, size_t size);
void bench_dovecot_free(struct bench_dovecot* d);

#ifdef __cplusplus
}
#endif

#endif
