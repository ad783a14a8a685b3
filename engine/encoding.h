/* yakist — text encodings: detection (byte-order marks, UTF-8 validity, UTF-16 without a BOM,
 * and letter statistics to tell the Cyrillic code pages apart) and streaming conversion to
 * UTF-8 with iconv, stacked on an input, so every loader and rule sees UTF-8. */
#ifndef YK_ENGINE_ENCODING_H
#define YK_ENGINE_ENCODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/error.h>

#include "input.h"

struct yk_encoding_guess {
    const char *name;   /* display and iconv name: "UTF-8", "UTF-16LE", "windows-1251" ... */
    uint8_t confidence; /* 0-100; 100 for a BOM or valid UTF-8 */
    uint8_t bom;        /* length of the byte-order mark at the start, 0 when none */
    uint8_t unit;       /* bytes per code unit: 1, 2 or 4 */
};

/* Guess the encoding of sample (the head of the input; complete: it is the whole input, so a
 * sequence cut at its end is an error, not the edge of the window). Never fails. */
void yk_encoding_detect(const unsigned char *sample, size_t n, bool complete,
                        struct yk_encoding_guess *out);

/* The guess for an encoding the user named ("cp1251", "KOI8U", "utf-16" ...): the canonical
 * name, confidence 100, the BOM when sample starts with the one that name allows.
 * YK_EINVAL when iconv does not know the name. */
int yk_encoding_named(const char *name, const unsigned char *sample, size_t n,
                      struct yk_encoding_guess *out, struct yk_error *err);

/* Is it UTF-8 (or plain ASCII), so that no conversion is needed? */
bool yk_encoding_is_utf8(const char *name);

/* What the converter met; the caller owns it and it must outlive the input. */
struct yk_decode_stats {
    uint64_t in;                /* source bytes converted */
    uint64_t undecodable;       /* code units not valid in the source encoding (now U+FFFD) */
    uint64_t first_undecodable; /* source offset of the first, from the converter's start */
};

/* Stack a converter from the guessed encoding to UTF-8 on in. The BOM, if any, must already
 * have been skipped. Invalid units become U+FFFD and are counted. 0, YK_EINVAL, YK_ENOMEM. */
int yk_encoding_push(struct yk_input *in, const struct yk_encoding_guess *enc,
                     struct yk_decode_stats *stats, struct yk_error *err);

/* Convert a sample (not the stream) to UTF-8 for sniffing: as much of src as fits in dst,
 * invalid units as U+FFFD, a sequence cut at the end dropped. Returns the bytes written. */
size_t yk_encoding_convert_sample(const struct yk_encoding_guess *enc, const unsigned char *src,
                                  size_t n, unsigned char *dst, size_t cap);

#endif
