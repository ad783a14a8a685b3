/* yakist — private to the matcher (match.c, match_text.c): a title as a sequence of word
 * stems. */
#ifndef YK_ENGINE_MATCH_TEXT_H
#define YK_ENGINE_MATCH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define YK_MATCH_WORD_MAX 48u /* code points kept of one word */

struct yk_match_token {
    uint32_t cp[YK_MATCH_WORD_MAX]; /* the stem, folded */
    unsigned len;
    bool removed; /* part of the holder's name (match.c) */
};

/* The stems of text, in order, at most max; bytes past YK_MATCH_TITLE_MAX are ignored and
 * bytes that are not UTF-8 split words. Thread-safe. */
size_t yk_match_tokenize(const char *text, struct yk_match_token *out, size_t max);

/* Is the stem a place adjective («чортківськ» from «Чортківської»)? */
bool yk_match_place_adjective(const struct yk_match_token *t);

#endif
