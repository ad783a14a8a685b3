/* yakist — UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF) fast enough for the loader's hot path, and resumable across buffers so a
 * sequence may straddle two chunks of input. */
#ifndef YK_ENGINE_UTF8_H
#define YK_ENGINE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The start of a sequence cut by the end of the previous buffer. */
struct yk_utf8 {
    unsigned char pending[4];
    uint32_t npending; /* 0 between sequences */
};

/* Judge the sequence that starts at s[0] (n >= 1). Returns its length (1..4) when valid;
 * minus the length of its maximal invalid subpart (-1..-3) when not, so the caller skips that
 * many bytes and resumes; 0 when s ends before the sequence could be judged. */
int yk_utf8_next(const unsigned char *s, size_t n);

/* Offset of the first sequence in s[0..n) that is not valid UTF-8, or n when all are.
 * *bad gets the length of the invalid subpart to skip, or 0 when the sequence at the returned
 * offset is only cut by the end of the buffer (valid so far: keep it with yk_utf8_hold). */
size_t yk_utf8_scan(const unsigned char *s, size_t n, size_t *bad);

/* --- streaming: a sequence cut at the end of one buffer and finished in the next ---------- */

void yk_utf8_init(struct yk_utf8 *u);

/* Keep the n (< 4) bytes of a cut sequence, as reported by yk_utf8_scan. */
void yk_utf8_hold(struct yk_utf8 *u, const unsigned char *s, size_t n);

/* Finish a held sequence with the first bytes of the next buffer s[0..n). Returns how many
 * bytes of s belong to it (the caller scans on from there); *bad tells whether the finished
 * sequence was invalid. When s is still too short to judge, every byte is held and n returned.
 * Without a held sequence it returns 0 with *bad false. */
size_t yk_utf8_resume(struct yk_utf8 *u, const unsigned char *s, size_t n, bool *bad);

/* At the end of the input: true when a held sequence was never finished (it is invalid);
 * the state is reset either way. */
bool yk_utf8_finish(struct yk_utf8 *u);

/* --- text measures ------------------------------------------------------------------------ */

/* Length of the longest valid UTF-8 prefix of s (an incomplete last sequence is excluded). */
size_t yk_utf8_valid_prefix(const unsigned char *s, size_t n);

/* Number of characters in s: a valid sequence counts one, and so does each byte of an invalid
 * one (so columns stay meaningful in broken text). */
size_t yk_utf8_count(const unsigned char *s, size_t n);

/* The largest sequence boundary at or before at (at <= n), to cut text without splitting a
 * character (nor a sequence that s ends before it is complete). */
size_t yk_utf8_floor(const unsigned char *s, size_t n, size_t at);

#endif
