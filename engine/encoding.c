/* yakist — encoding detection and streaming conversion to UTF-8.
 * Detection order: a byte-order mark; UTF-16/32 without one (the zero and 0x04 high bytes of
 * Latin and Cyrillic text); valid UTF-8 over the sample; else the single-byte Cyrillic code page
 * whose decoding reads most like Ukrainian or Russian text: frequent letters score high,
 * box-drawing and undefined bytes score low, and a capital right after a small letter (what a
 * wrong code page makes of ordinary words) is penalised. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"

/* --- byte-order marks and UTF-8 ------------------------------------------------------------ */

struct bom {
    const char *bytes;
    uint8_t len;
    const char *name;
    uint8_t unit;
};

/* UTF-32LE before UTF-16LE: its mark starts with the same two bytes. */
static const struct bom boms[] = {
    {"\xEF\xBB\xBF", 3, "UTF-8", 1},        {"\xFF\xFE\x00\x00", 4, "UTF-32LE", 4},
    {"\x00\x00\xFE\xFF", 4, "UTF-32BE", 4}, {"\xFF\xFE", 2, "UTF-16LE", 2},
    {"\xFE\xFF", 2, "UTF-16BE", 2},
};

static const struct bom *find_bom(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++)
        if (n >= boms[i].len && memcmp(p, boms[i].bytes, boms[i].len) == 0)
            return &boms[i];
    return NULL;
}

/* Length of the valid UTF-8 sequence at p[0..n); 0 when invalid; (size_t)-1 when p ends inside
 * what could still become a valid sequence. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    unsigned char c = p[0], lo = 0x80, hi = 0xBF;
    size_t len;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4;
    else
        return 0;
    /* The second byte's range excludes overlong forms, surrogates and code points > U+10FFFF. */
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    for (size_t i = 1; i < len; i++) {
        if (i >= n)
            return (size_t)-1;
        if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF))
            return 0;
    }
    return len;
}

/* Count multi-byte sequences and invalid bytes over the sample. */
static void utf8_census(const unsigned char *p, size_t n, bool complete, size_t *multi, size_t *bad)
{
    *multi = *bad = 0;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_len(p + i, n - i);
        if (k == (size_t)-1) {
            *bad += complete;
            break;
        }
        if (k == 0) {
            (*bad)++;
            i++;
            continue;
        }
        *multi += k > 1;
        i += k;
    }
}

/* UTF-16 or UTF-32 without a mark: the high bytes of Latin and Cyrillic text are 0x00 and 0x04,
 * which ordinary 8-bit text hardly ever holds. Returns the guess or NULL. */
static const char *wide_guess(const unsigned char *p, size_t n, uint8_t *unit)
{
    if (n > 4096)
        n = 4096;
    if (n < 8)
        return NULL;
    size_t quads = n / 4, z32le = 0, z32be = 0;
    for (size_t i = 0; i < quads; i++) {
        const unsigned char *q = p + 4 * i;
        z32le += q[2] == 0 && q[3] == 0 && (q[1] == 0 || q[1] == 4) && q[0] != 0;
        z32be += q[0] == 0 && q[1] == 0 && (q[2] == 0 || q[2] == 4) && q[3] != 0;
    }
    *unit = 4;
    if (z32le * 10 >= quads * 9)
        return "UTF-32LE";
    if (z32be * 10 >= quads * 9)
        return "UTF-32BE";
    size_t pairs = n / 2, le = 0, be = 0, zle = 0, zbe = 0;
    for (size_t i = 0; i < pairs; i++) {
        unsigned char a = p[2 * i], b = p[2 * i + 1];
        le += (b == 0 || b == 4) && a != 0;
        be += (a == 0 || a == 4) && b != 0;
        zle += b == 0;
        zbe += a == 0;
    }
    *unit = 2;
    if (le * 10 >= pairs * 9 && zle > 0)
        return "UTF-16LE";
    if (be * 10 >= pairs * 9 && zbe > 0)
        return "UTF-16BE";
    return NULL;
}

/* --- single-byte Cyrillic code pages ------------------------------------------------------- */

struct codepage {
    const char *name;
    int family; /* code pages that differ only in rare letters share one */
};

/* In order of preference when two read equally well. CP1125 is CP866 with і, ї, є and ґ, the
 * Ukrainian DOS code page. */
static const struct codepage codepages[] = {
    {"windows-1251", 0},
    {"KOI8-U", 1},
    {"CP866", 2},
    {"CP1125", 2},
};
#define NCODEPAGES (sizeof codepages / sizeof codepages[0])

/* Weights of lower-case letters by how common they are in Ukrainian and Russian text. */
static const int8_t basic_weight[32] = {
    /* а б в г д е ж з и й к л м н о п */
    10,
    5,
    10,
    5,
    7,
    10,
    5,
    5,
    10,
    5,
    7,
    7,
    7,
    10,
    10,
    7,
    /* р с т у ф х ц ч ш щ ъ ы ь э ю я */
    10,
    10,
    10,
    7,
    3,
    5,
    5,
    5,
    5,
    3,
    1,
    5,
    5,
    3,
    5,
    5,
};

#define WEIGHT_FOREIGN (-2) /* a Cyrillic letter neither language uses */
#define WEIGHT_SYMBOL (-6)  /* box drawing, control, undefined ... */
#define PENALTY_CASE 8      /* a capital right after a small letter */

/* Punctuation found in Cyrillic text in every code page that has it: neither for nor against. */
static bool neutral_symbol(uint32_t cp)
{
    static const uint32_t list[] = {0x00A0, 0x00A9, 0x00AB, 0x00AE, 0x00B0, 0x00B1, 0x00B7,
                                    0x00BB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C,
                                    0x201D, 0x201E, 0x2026, 0x2030, 0x20AC, 0x2116, 0x2122};
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        if (list[i] == cp)
            return true;
    return false;
}

/* The small letter for a Cyrillic letter (itself when small), or 0 when cp is none. */
static uint32_t cyrillic_lower(uint32_t cp, bool *upper)
{
    *upper = (cp >= 0x0400 && cp <= 0x042F) || cp == 0x0490;
    if (cp >= 0x0410 && cp <= 0x042F)
        return cp + 0x20;
    if (cp >= 0x0400 && cp <= 0x040F)
        return cp + 0x50;
    if (cp == 0x0490)
        return 0x0491;
    if ((cp >= 0x0430 && cp <= 0x045F) || cp == 0x0491)
        return cp;
    return 0;
}

static int letter_weight(uint32_t lower)
{
    if (lower >= 0x0430 && lower <= 0x044F)
        return basic_weight[lower - 0x0430];
    switch (lower) {
    case 0x0456: /* і */
        return 10;
    case 0x0457: /* ї */
    case 0x0454: /* є */
        return 5;
    case 0x0451: /* ё */
        return 3;
    case 0x0491: /* ґ */
    case 0x045E: /* ў */
        return 1;
    default:
        return WEIGHT_FOREIGN;
    }
}

struct cell {
    int8_t weight;
    bool letter, upper;
};

/* Decode the upper half of a code page with iconv and weigh each byte. */
static bool build_table(const char *name, struct cell *t)
{
    iconv_t cd = iconv_open("UTF-32LE", name);
    if (cd == (iconv_t)-1)
        return false;
    for (unsigned b = 0x80; b < 0x100; b++) {
        char in = (char)b;
        unsigned char out[8];
        char *ip = &in, *op = (char *)out;
        size_t il = 1, ol = sizeof out;
        struct cell *c = &t[b - 0x80];
        *c = (struct cell){.weight = WEIGHT_SYMBOL};
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || ol != sizeof out - 4) {
            iconv(cd, NULL, NULL, NULL, NULL);
            continue;
        }
        uint32_t cp = out[0] | (uint32_t)out[1] << 8 | (uint32_t)out[2] << 16;
        uint32_t lower = cyrillic_lower(cp, &c->upper);
        if (lower) {
            c->letter = true;
            c->weight = (int8_t)letter_weight(lower);
        } else if (neutral_symbol(cp)) {
            c->weight = 0;
        }
    }
    iconv_close(cd);
    return true;
}

static long score_codepage(const struct cell *t, const unsigned char *p, size_t n)
{
    long score = 0;
    bool prev_lower = false;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x80) {
            prev_lower = false;
            continue;
        }
        const struct cell *c = &t[p[i] - 0x80];
        score += c->weight;
        if (c->letter && c->upper && prev_lower)
            score -= PENALTY_CASE;
        prev_lower = c->letter && !c->upper;
    }
    return score;
}

/* A margin of 30 points (about three common letters) gives half confidence; 99 at most, since
 * statistics are never certain; little at all when no decoding looks like text. */
static uint8_t margin_confidence(long best, long margin)
{
    long conf = margin <= 0 ? 0 : 99 * margin / (margin + 30);
    if (best <= 0 && conf > 30)
        conf = 30;
    return (uint8_t)conf;
}

static void guess_codepage(const unsigned char *p, size_t n, struct yk_encoding_guess *out)
{
    struct cell table[128];
    long score[NCODEPAGES];
    bool have[NCODEPAGES];
    size_t best = 0;
    for (size_t i = 0; i < NCODEPAGES; i++) {
        have[i] = build_table(codepages[i].name, table);
        score[i] = have[i] ? score_codepage(table, p, n) : 0;
        if (have[i] && (!have[best] || score[i] > score[best]))
            best = i;
    }
    long second = 0;
    bool any = false;
    for (size_t i = 0; i < NCODEPAGES; i++) {
        if (!have[i] || codepages[i].family == codepages[best].family)
            continue;
        if (!any || score[i] > second)
            second = score[i];
        any = true;
    }
    out->name = codepages[best].name;
    out->confidence = any ? margin_confidence(score[best], score[best] - second) : 0;
    out->bom = 0;
    out->unit = 1;
}

void yk_encoding_detect(const unsigned char *p, size_t n, bool complete,
                        struct yk_encoding_guess *out)
{
    const struct bom *bom = find_bom(p, n);
    if (bom) {
        *out = (struct yk_encoding_guess){bom->name, 100, bom->len, bom->unit};
        return;
    }
    uint8_t unit;
    const char *wide = wide_guess(p, n, &unit);
    if (wide) {
        *out = (struct yk_encoding_guess){wide, 90, 0, unit};
        return;
    }
    size_t multi, bad;
    utf8_census(p, n, complete, &multi, &bad);
    /* A few bad bytes among many good sequences: UTF-8 with errors, which the loader reports;
     * converting it from a code page would garble every good sequence. */
    if (bad == 0 || (multi > 0 && multi >= 4 * bad)) {
        uint8_t conf = (uint8_t)(bad == 0 ? 100 : 100 * multi / (multi + bad));
        *out = (struct yk_encoding_guess){"UTF-8", conf, 0, 1};
        return;
    }
    guess_codepage(p, n, out);
}

/* --- names ----------------------------------------------------------------------------------- */

struct alias {
    const char *canonical;
    const char *names; /* folded spellings, separated by '|' */
};

static const struct alias aliases[] = {
    {"UTF-8", "utf8|unicode11utf8"},
    {"UTF-16LE", "utf16le"},
    {"UTF-16BE", "utf16be"},
    {"UTF-16", "utf16|ucs2|unicode"},
    {"UTF-32LE", "utf32le"},
    {"UTF-32BE", "utf32be"},
    {"UTF-32", "utf32|ucs4"},
    {"windows-1251", "windows1251|cp1251|win1251|1251|xcp1251|mscyrl"},
    {"KOI8-U", "koi8u"},
    {"KOI8-R", "koi8r|koi8"},
    {"CP866", "cp866|ibm866|866|dos866|cspc866"},
    {"CP1125", "cp1125|ruscii|ibm1125"},
    {"ISO-8859-5", "iso88595|cyrillic|latincyrillic"},
    {"US-ASCII", "usascii|ascii|ansix3.41968"},
};

/* Lower case without '-', '_' and spaces, so "Windows_1251" and "cp-1251" compare alike. */
static void fold(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (; *s && o + 1 < cap; s++) {
        if (*s == '-' || *s == '_' || *s == ' ')
            continue;
        out[o++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    }
    out[o] = '\0';
}

static const char *canonical_name(const char *name)
{
    char f[64];
    fold(name, f, sizeof f);
    size_t len = strlen(f);
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        for (const char *a = aliases[i].names; *a;) {
            size_t k = strcspn(a, "|");
            if (k == len && memcmp(a, f, k) == 0)
                return aliases[i].canonical;
            a += k + (a[k] == '|');
        }
    }
    return NULL;
}

bool yk_encoding_is_utf8(const char *name)
{
    const char *c = canonical_name(name);
    return c && (strcmp(c, "UTF-8") == 0 || strcmp(c, "US-ASCII") == 0);
}

int yk_encoding_named(const char *name, const unsigned char *p, size_t n,
                      struct yk_encoding_guess *out, struct yk_error *err)
{
    const char *c = canonical_name(name);
    const char *use = c ? c : name;
    iconv_t cd = iconv_open("UTF-8", use);
    if (cd == (iconv_t)-1)
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "unknown encoding '%s'", name);
    iconv_close(cd);
    struct yk_encoding_guess g = {use, 100, 0, 1};
    const struct bom *bom = find_bom(p, n);
    bool utf16 = strncmp(use, "UTF-16", 6) == 0, utf32 = strncmp(use, "UTF-32", 6) == 0;
    if (utf16 || utf32) {
        g.unit = utf16 ? 2 : 4;
        /* Without a byte order the mark decides, then the text; big-endian is the default. */
        if (!use[6]) {
            uint8_t unit;
            const char *wide = wide_guess(p, n, &unit);
            if (bom && bom->unit == g.unit)
                g.name = bom->name;
            else if (wide && unit == g.unit)
                g.name = wide;
            else
                g.name = utf16 ? "UTF-16BE" : "UTF-32BE";
        }
        if (bom && strcmp(bom->name, g.name) == 0)
            g.bom = bom->len;
    } else if (bom && strcmp(use, "UTF-8") == 0 && strcmp(bom->name, "UTF-8") == 0) {
        g.bom = bom->len;
    }
    *out = g;
    return 0;
}

/* --- conversion --------------------------------------------------------------------------------
 */

struct pass {
    uint64_t bad;
    size_t first_bad; /* offset in this pass's input of the first bad unit */
};

/* Convert from *src[0..*n) into dst[0..cap); advance *src and *n past what was consumed and
 * return the bytes written. Stops when dst is full, the input is used up, or an incomplete
 * sequence ends it and more may come (!at_end). Invalid units become U+FFFD. */
static size_t convert_buffer(iconv_t cd, size_t unit, const unsigned char **src, size_t *n,
                             unsigned char *dst, size_t cap, bool at_end, struct pass *pass)
{
    const unsigned char *start = *src;
    char *ip = (char *)*src, *op = (char *)dst;
    size_t il = *n, ol = cap;
    while (il > 0) {
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
            break;
        if (errno == E2BIG || (errno == EINVAL && !at_end) || ol < 3)
            break;
        memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3;
        ol -= 3;
        if (pass->bad++ == 0)
            pass->first_bad = (size_t)((const unsigned char *)ip - start);
        size_t k = unit < il ? unit : il;
        ip += k;
        il -= k;
    }
    *src = (const unsigned char *)ip;
    *n = il;
    return cap - ol;
}

struct converter {
    struct yk_input lower;
    iconv_t cd;
    size_t unit;
    struct yk_decode_stats *stats;
    unsigned char spill[16]; /* for readers that ask for fewer bytes than a character needs */
    size_t spill_pos, spill_len;
};

static int convert_stream(struct converter *c, unsigned char *out, size_t cap, size_t *got,
                          struct yk_error *err)
{
    size_t produced = 0;
    bool force_end = false;
    while (produced == 0) {
        const unsigned char *p;
        size_t avail;
        int rc = yk_input_peek(&c->lower, YK_INPUT_CHUNK, &p, &avail, err);
        if (rc < 0)
            return rc;
        if (avail == 0)
            break;
        /* A short window means the input below has ended: a cut sequence is then an error. */
        bool at_end = force_end || avail < YK_INPUT_CHUNK;
        const unsigned char *q = p;
        size_t left = avail;
        struct pass ps = {0};
        produced = convert_buffer(c->cd, c->unit, &q, &left, out, cap, at_end, &ps);
        if (ps.bad) {
            if (c->stats->undecodable == 0)
                c->stats->first_undecodable = c->stats->in + ps.first_bad;
            c->stats->undecodable += ps.bad;
        }
        yk_input_skip(&c->lower, avail - left);
        c->stats->in += avail - left;
        /* Nothing moved with a full window: only a sequence longer than the window could do
         * that; count it as undecodable rather than loop. */
        force_end = left == avail && produced == 0;
    }
    *got = produced;
    return 0;
}

static int converter_read(void *p, unsigned char *dst, size_t cap, size_t *got,
                          struct yk_error *err)
{
    struct converter *c = p;
    if (c->spill_pos == c->spill_len && cap >= sizeof c->spill)
        return convert_stream(c, dst, cap, got, err);
    if (c->spill_pos == c->spill_len) {
        c->spill_pos = c->spill_len = 0;
        int rc = convert_stream(c, c->spill, sizeof c->spill, &c->spill_len, err);
        if (rc < 0)
            return rc;
    }
    size_t k = c->spill_len - c->spill_pos;
    k = k < cap ? k : cap;
    memcpy(dst, c->spill + c->spill_pos, k);
    c->spill_pos += k;
    *got = k;
    return 0;
}

static void converter_close(void *p)
{
    struct converter *c = p;
    if (!c)
        return;
    if (c->cd != (iconv_t)-1)
        iconv_close(c->cd);
    yk_input_close(&c->lower);
    free(c);
}

int yk_encoding_push(struct yk_input *in, const struct yk_encoding_guess *enc,
                     struct yk_decode_stats *stats, struct yk_error *err)
{
    struct converter *c = calloc(1, sizeof *c);
    if (!c)
        return yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory");
    c->cd = iconv_open("UTF-8", enc->name);
    if (c->cd == (iconv_t)-1) {
        free(c);
        return yk_error_set(err, YK_EINVAL, in->name, 0, 0, "cannot convert from %s", enc->name);
    }
    c->unit = enc->unit ? enc->unit : 1;
    c->stats = stats;
    *stats = (struct yk_decode_stats){0};
    const char *name = in->name;
    yk_input_move(&c->lower, in);
    struct yk_source src = {converter_read, converter_close, c};
    return yk_input_open_source_take(in, &src, name, err);
}

size_t yk_encoding_convert_sample(const struct yk_encoding_guess *enc, const unsigned char *src,
                                  size_t n, unsigned char *dst, size_t cap)
{
    iconv_t cd = iconv_open("UTF-8", enc->name);
    if (cd == (iconv_t)-1)
        return 0;
    struct pass ps = {0};
    size_t w = convert_buffer(cd, enc->unit ? enc->unit : 1, &src, &n, dst, cap, false, &ps);
    iconv_close(cd);
    return w;
}
