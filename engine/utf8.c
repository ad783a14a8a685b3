/* yakist — UTF-8 validation for the loader's hot path: eight bytes per step while they are
 * ASCII or two-byte sequences (Cyrillic text), a careful decoder for everything else.
 * Invalid input is measured by "maximal subparts" (Unicode ch. 3), as decoders replace it. */
#include <string.h>

#include "utf8.h"

#define HIGH_BITS 0x8080808080808080u

int yk_utf8_next(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2 || c > 0xF4) /* a continuation byte, an overlong two-byte lead, or too high */
        return -1;
    int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    /* The second byte's range excludes overlong forms, surrogates and code points > U+10FFFF. */
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return 0;
        if (s[i] < lo || s[i] > hi)
            return -i;
        lo = 0x80;
        hi = 0xBF;
    }
    return len;
}

/* The byte order decides which way "the next byte" shifts inside a 64-bit word. */
static bool little_endian(void)
{
    const uint16_t one = 1;
    unsigned char first;
    memcpy(&first, &one, 1);
    return first == 1;
}

/* How many of the eight bytes at s can be passed in one step: all ASCII, or ASCII mixed with
 * complete two-byte sequences (Cyrillic text). 0 when the word needs the careful decoder.
 * A lead in the last byte is left for the next step. */
static size_t word_step(const unsigned char *s, bool le)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    uint64_t b7 = w & HIGH_BITS;
    if (!b7)
        return 8;
    if (!le)
        return 0;
    uint64_t b6 = (w << 1) & HIGH_BITS, b5 = (w << 2) & HIGH_BITS;
    uint64_t lead = b7 & b6, cont = b7 & ~b6;
    /* C0 and C1 (overlong leads) have bits 4..1 clear; no byte carries into the next here. */
    uint64_t low = ((w & 0x1E1E1E1E1E1E1E1Eu) + 0x7F7F7F7F7F7F7F7Fu) & HIGH_BITS;
    if ((lead & b5) || (lead & ~low) || cont != (lead << 8))
        return 0;
    return (lead >> 56) ? 7 : 8;
}

size_t yk_utf8_scan(const unsigned char *s, size_t n, size_t *bad)
{
    const bool le = little_endian();
    size_t i = 0;
    while (i < n) {
        size_t step;
        while (n - i >= 8 && (step = word_step(s + i, le)) > 0)
            i += step;
        if (i >= n)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int r = yk_utf8_next(s + i, n - i);
        if (r <= 0) {
            *bad = r < 0 ? (size_t)-r : 0;
            return i;
        }
        i += (size_t)r;
    }
    *bad = 0;
    return n;
}

void yk_utf8_init(struct yk_utf8 *u)
{
    memset(u, 0, sizeof *u);
}

void yk_utf8_hold(struct yk_utf8 *u, const unsigned char *s, size_t n)
{
    if (n > sizeof u->pending - 1)
        n = sizeof u->pending - 1; /* a cut sequence has at most three bytes */
    memcpy(u->pending, s, n);
    u->npending = (uint32_t)n;
}

size_t yk_utf8_resume(struct yk_utf8 *u, const unsigned char *s, size_t n, bool *bad)
{
    *bad = false;
    if (u->npending == 0 || n == 0)
        return 0;
    unsigned char seq[8];
    size_t np = u->npending, take = n < 4 - np ? n : 4 - np;
    memcpy(seq, u->pending, np);
    memcpy(seq + np, s, take);
    int r = yk_utf8_next(seq, np + take);
    if (r == 0) { /* still cut: s was shorter than the rest of the sequence */
        memcpy(u->pending + np, s, take);
        u->npending = (uint32_t)(np + take);
        return take;
    }
    u->npending = 0;
    size_t len = r > 0 ? (size_t)r : (size_t)-r;
    *bad = r < 0;
    /* The held bytes were a valid prefix, so the sequence never ends inside them. */
    return len > np ? len - np : 0;
}

bool yk_utf8_finish(struct yk_utf8 *u)
{
    bool cut = u->npending > 0;
    u->npending = 0;
    return cut;
}

size_t yk_utf8_valid_prefix(const unsigned char *s, size_t n)
{
    size_t bad;
    return yk_utf8_scan(s, n, &bad);
}

size_t yk_utf8_count(const unsigned char *s, size_t n)
{
    size_t i = 0, chars = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            chars++;
            continue;
        }
        int r = yk_utf8_next(s + i, n - i);
        if (r > 0) {
            i += (size_t)r;
            chars++;
        } else {
            size_t k = r < 0 ? (size_t)-r : n - i;
            i += k;
            chars += k;
        }
    }
    return chars;
}

size_t yk_utf8_floor(const unsigned char *s, size_t n, size_t at)
{
    if (at >= n)
        return n;
    size_t i = at;
    while (i > 0 && at - i < 3 && (s[i] & 0xC0) == 0x80)
        i--;
    /* Only step back onto a lead byte whose sequence would have crossed at. */
    if (i == at)
        return at;
    int r = yk_utf8_next(s + i, n - i);
    /* A valid character crossing at, or one cut by the end of s, goes whole. */
    return (r > 0 && i + (size_t)r > at) || r == 0 ? i : at;
}
