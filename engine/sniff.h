/* yakist — sniffing a delimited text sample: delimiter, quote character, whether the first
 * record is a header, and preamble (title) rows above the real header. */
#ifndef YK_ENGINE_SNIFF_H
#define YK_ENGINE_SNIFF_H

#include <stddef.h>

#include <yakist/table.h>

/* Fill out from a sample (BOM already removed). Fields the caller forced (the *_forced flags
 * in out on entry, with their values) are kept. Never fails: the fallback is ',' '"' header. */
void yk_sniff_dialect(const unsigned char *sample, size_t len, struct yk_dialect *out);

#endif
