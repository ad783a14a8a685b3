/* yakist — the words of a title, for matching it to the Перелік: UTF-8 read leniently, case
 * folded (Latin, Ukrainian, Russian), apostrophes dropped inside words, quotes, numbers and
 * punctuation split off, Latin look-alikes in Cyrillic words made Cyrillic, stop words and the
 * place name after «м.» dropped, common endings cut (docs/audit.md). */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "match.h"
#include "match_text.h"

/* --- letters ----------------------------------------------------------------------------- */

static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    size_t len;
    uint32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, v = c & 0x1Fu;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, v = c & 0x0Fu;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, v = c & 0x07u;
    else
        return *cp = 0xFFFD, 1;
    if (n < len)
        return *cp = 0xFFFD, 1;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0u) != 0x80u)
            return *cp = 0xFFFD, 1;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    *cp = v;
    return len;
}

static size_t utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Lower case for Latin, Ukrainian and Russian letters; ё reads as е. */
static uint32_t fold(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0x410 && c <= 0x42F) /* А..Я */
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) /* Ѐ..Џ: Ё Є І Ї Ў ... */
        c += 0x50;
    if (c == 0x490) /* Ґ */
        return 0x491;
    return c == 0x451 ? 0x435 : c;
}

/* ' ` ´ ʹ ʼ ‘ ’ ′: all spell the Ukrainian apostrophe somewhere; dropped inside words. */
static bool apostrophe(uint32_t c)
{
    return c == 0x27 || c == 0x60 || c == 0xB4 || c == 0x2B9 || c == 0x2BC || c == 0x2018 ||
           c == 0x2019 || c == 0x2032;
}

static bool cyrillic(uint32_t c)
{
    return (c >= 0x430 && c <= 0x45F) || c == 0x491;
}

static bool word_char(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || cyrillic(c);
}

/* Latin letters that look like Cyrillic ones, typed into Cyrillic words. */
static uint32_t homoglyph(uint32_t c)
{
    static const char latin[] = "aceiopxykmthb";
    static const uint32_t cyr[] = {0x430, 0x441, 0x435, 0x456, 0x43E, 0x440, 0x445,
                                   0x443, 0x43A, 0x43C, 0x442, 0x43D, 0x432};
    for (size_t i = 0; latin[i]; i++)
        if ((uint32_t)latin[i] == c)
            return cyr[i];
    return 0;
}

/* --- words --------------------------------------------------------------------------------- */

/* Words that carry no meaning of their own in a title. */
static const char *const stop_words[] = {
    "та",   "і",     "й",    "в",     "у",    "з",   "із",   "зі",    "зо",     "до",      "на",
    "про",  "що",    "для",  "за",    "по",   "від", "щодо", "тощо",  "їх",     "його",    "її",
    "тому", "числі", "а",    "також", "або",  "чи",  "як",   "які",   "яких",   "який",    "яка",
    "яке",  "якими", "яким", "це",    "при",  "між", "під",  "над",   "через",  "без",     "п",
    "пп",   "рік",   "року", "роки",  "році", "р",   "рр",   "набір", "набору", "наборів", "набори",
    "and",  "of",    "the",  "in",    "on",   "for"};

/* Words after which the next word is a place name: «м. Чортків». */
static const char *const place_words[] = {"м", "місто", "міста", "місті"};

/* Endings cut from a word, longest first; a stem keeps at least three letters. */
static const char *const endings[] = {
    "остями", "ості", "ість", "істю", "ями", "ами", "ого", "ому", "ими", "іми", "ові", "еві", "ах",
    "ях",     "ів",   "їв",   "ей",   "ою",  "ею",  "єю",  "ий",  "ій",  "ої",  "ом",  "ем",  "им",
    "их",     "ім",   "ам",   "ям",   "ую",  "юю",  "ая",  "яя",  "ое",  "ые",  "ый",  "ых",  "а",
    "я",      "о",    "е",    "є",    "и",   "і",   "ї",   "у",   "ю",   "ь",   "й"};

/* How place adjectives end once stemmed («Чортківської» -> «чортківськ»). */
static const char *const adjective_endings[] = {"ськ", "цьк", "зьк"};

#define NSTOP (sizeof stop_words / sizeof stop_words[0])
#define NPLACE (sizeof place_words / sizeof place_words[0])
#define NENDINGS (sizeof endings / sizeof endings[0])
#define NADJ (sizeof adjective_endings / sizeof adjective_endings[0])

/* The lists above as code points, decoded once. */
struct word {
    uint32_t cp[8];
    unsigned len;
};

static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static struct word stop_cp[NSTOP], place_cp[NPLACE], ending_cp[NENDINGS], adjective_cp[NADJ];

static void decode_list(const char *const *list, size_t n, struct word *out)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)list[i];
        size_t left = strlen(list[i]);
        out[i].len = 0;
        while (left && out[i].len < 8) {
            size_t k = utf8_next(p, left, &out[i].cp[out[i].len++]);
            p += k;
            left -= k;
        }
    }
}

static void decode_words(void)
{
    decode_list(stop_words, NSTOP, stop_cp);
    decode_list(place_words, NPLACE, place_cp);
    decode_list(endings, NENDINGS, ending_cp);
    decode_list(adjective_endings, NADJ, adjective_cp);
}

/* Does the token spell w exactly (or, with suffix, end with it)? */
static bool token_is(const struct yk_match_token *t, const struct word *w, bool suffix)
{
    if (w->len > t->len || (!suffix && w->len != t->len))
        return false;
    return memcmp(t->cp + t->len - w->len, w->cp, w->len * sizeof *w->cp) == 0;
}

static bool in_list(const struct yk_match_token *t, const struct word *list, size_t n, bool suffix)
{
    for (size_t i = 0; i < n; i++)
        if (token_is(t, &list[i], suffix))
            return true;
    return false;
}

static void stem_word(struct yk_match_token *t)
{
    for (size_t i = 0; i < NENDINGS; i++)
        if (t->len >= ending_cp[i].len + 3 && token_is(t, &ending_cp[i], true)) {
            t->len -= ending_cp[i].len;
            return;
        }
}

/* A word just read: Latin look-alikes inside a Cyrillic word become Cyrillic; numbers go. */
static bool finish_word(struct yk_match_token *t)
{
    bool has_cyr = false, digits = true, fixable = true;
    for (unsigned i = 0; i < t->len; i++) {
        has_cyr |= cyrillic(t->cp[i]);
        digits &= t->cp[i] >= '0' && t->cp[i] <= '9';
        if (t->cp[i] >= 'a' && t->cp[i] <= 'z' && !homoglyph(t->cp[i]))
            fixable = false;
    }
    if (digits)
        return false;
    if (has_cyr && fixable)
        for (unsigned i = 0; i < t->len; i++)
            if (t->cp[i] >= 'a' && t->cp[i] <= 'z')
                t->cp[i] = homoglyph(t->cp[i]);
    return true;
}

/* Split text into stems, in order; at most max. Bytes past YK_MATCH_TITLE_MAX are ignored. */
size_t yk_match_tokenize(const char *text, struct yk_match_token *out, size_t max)
{
    const unsigned char *p = (const unsigned char *)(text ? text : "");
    size_t left = strnlen((const char *)p, YK_MATCH_TITLE_MAX), n = 0;
    bool skip_place = false;
    struct yk_match_token cur = {.len = 0};
    pthread_once(&words_once, decode_words);
    while (n < max) {
        uint32_t c = 0;
        if (left) {
            size_t k = utf8_next(p, left, &c);
            p += k;
            left -= k;
            c = fold(c);
            if (apostrophe(c))
                continue;
            if (word_char(c)) {
                if (cur.len < YK_MATCH_WORD_MAX)
                    cur.cp[cur.len++] = c;
                continue;
            }
        }
        if (cur.len && finish_word(&cur)) {
            bool place = in_list(&cur, place_cp, NPLACE, false);
            if (!place && !skip_place && !in_list(&cur, stop_cp, NSTOP, false)) {
                stem_word(&cur);
                out[n++] = cur;
            }
            skip_place = place;
        }
        cur.len = 0;
        if (!left)
            break;
    }
    return n;
}

size_t yk_match_fold_name(const char *s, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t left = strlen((const char *)p), o = 0;
    bool space = false;
    while (left && o + 4 < cap) {
        uint32_t c;
        size_t k = utf8_next(p, left, &c);
        p += k;
        left -= k;
        c = fold(c);
        if (apostrophe(c))
            continue;
        if (!word_char(c)) {
            space = o > 0;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        o += utf8_put(c > 0xFFFF ? 0xFFFD : c, out + o);
    }
    out[o] = 0;
    return o;
}

bool yk_match_place_adjective(const struct yk_match_token *t)
{
    pthread_once(&words_once, decode_words);
    return t->len > 4 && in_list(t, adjective_cp, NADJ, true);
}
