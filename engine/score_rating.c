/* yakist — the rating of information holders: its order (score, then the documented tie
 * breaks down to Ukrainian alphabetical order of the names), the rating of one scored audit,
 * and the quarter an audit reports on. */
#include <stdlib.h>
#include <string.h>

#include <yakist/audit.h>
#include <yakist/score.h>

/* --- Ukrainian alphabetical order ----------------------------------------------------------- */

/* The 33 letters of the Ukrainian alphabet, lower case, in order (code points). */
static const unsigned uk_alphabet[] = {
    0x430, 0x431, 0x432, 0x433, 0x491, 0x434, 0x435, 0x454, 0x436, 0x437, 0x438,
    0x456, 0x457, 0x439, 0x43A, 0x43B, 0x43C, 0x43D, 0x43E, 0x43F, 0x440, 0x441,
    0x442, 0x443, 0x444, 0x445, 0x446, 0x447, 0x448, 0x449, 0x44C, 0x44E, 0x44F,
};

/* The next code point of s (advanced); an invalid byte stands for itself. 0 at the end. */
static unsigned next_cp(const unsigned char **s)
{
    const unsigned char *p = *s;
    unsigned c = p[0], n = 0;
    if (!c)
        return 0;
    if (c >= 0xC2 && c <= 0xDF)
        n = 1;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 2;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 3;
    unsigned cp = n ? c & (0x3Fu >> n) : c;
    for (unsigned i = 1; i <= n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *s = p + 1;
            return c;
        }
        cp = cp << 6 | (p[i] & 0x3Fu);
    }
    *s = p + 1 + n;
    return cp;
}

static unsigned fold(unsigned cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    return cp == 0x490 ? 0x491 : cp;
}

static bool apostrophe(unsigned cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2BC;
}

/* The primary key of a code point: Ukrainian letters take consecutive keys in alphabet order
 * where а stands; everything else keeps its code point order around them. */
static uint32_t primary(unsigned cp)
{
    cp = fold(cp);
    if (cp >= 0x430 && cp <= 0x491)
        for (unsigned i = 0; i < sizeof uk_alphabet / sizeof uk_alphabet[0]; i++)
            if (uk_alphabet[i] == cp)
                return (0x430u << 8) | i;
    return (uint32_t)cp << 8;
}

/* The next primary key, apostrophes skipped; 0 at the end. */
static uint32_t next_key(const unsigned char **s)
{
    unsigned cp;
    while ((cp = next_cp(s)) && apostrophe(cp))
        ;
    return cp ? primary(cp) : 0;
}

int yk_collate_uk(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)(a ? a : "");
    const unsigned char *y = (const unsigned char *)(b ? b : "");
    for (;;) {
        uint32_t kx = next_key(&x), ky = next_key(&y);
        if (kx != ky)
            return kx < ky ? -1 : 1;
        if (!kx)
            break;
    }
    int c = strcmp(a ? a : "", b ? b : "");
    return c < 0 ? -1 : c > 0;
}

/* --- the rating ----------------------------------------------------------------------------- */

static int cmp_entry(const void *pa, const void *pb)
{
    const struct yk_rating_entry *a = pa, *b = pb;
    if (a->scored != b->scored)
        return a->scored ? -1 : 1;
    if (a->score_pm != b->score_pm)
        return a->score_pm > b->score_pm ? -1 : 1;
    if (a->compliant_pm != b->compliant_pm)
        return a->compliant_pm > b->compliant_pm ? -1 : 1;
    if (a->missing != b->missing)
        return a->missing < b->missing ? -1 : 1;
    int c = yk_collate_uk(a->name, b->name);
    if (c)
        return c;
    c = strcmp(a->key ? a->key : "", b->key ? b->key : "");
    return c < 0 ? -1 : c > 0;
}

void yk_rating_sort(struct yk_rating_entry *e, size_t n)
{
    if (n > 1)
        qsort(e, n, sizeof *e, cmp_entry);
    for (size_t i = 0; i < n; i++)
        e[i].rank = (unsigned)(i + 1);
}

static unsigned per_mille(size_t part, size_t whole)
{
    return whole ? (unsigned)((uint64_t)part * 1000u / whole) : 1000u;
}

int yk_audit_rating(const struct yk_audit_result *res, struct yk_arena *arena,
                    struct yk_rating_entry **out, size_t *n, struct yk_error *err)
{
    size_t np = res->npublishers;
    struct yk_rating_entry *e = yk_arena_calloc(arena, np ? np : 1, sizeof *e);
    if (!e)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < np; i++) {
        const struct yk_publisher_result *pr = &res->publishers[i];
        const struct yk_publisher *p = pr->publisher;
        e[i] = (struct yk_rating_entry){
            .key = p->id ? p->id : p->name,
            .name = p->name ? p->name : p->id,
            .scored = pr->score.scored,
            .score_pm = pr->score.pm,
            .datasets = pr->ndatasets,
            .compliant = pr->ncompliant,
            .missing = pr->nmissing,
            .overdue = pr->noverdue,
            .compliant_pm = per_mille(pr->ncompliant, pr->ndatasets),
        };
    }
    yk_rating_sort(e, np);
    *out = e;
    *n = np;
    return 0;
}

/* --- quarters ------------------------------------------------------------------------------- */

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

int yk_quarter_of(const char *as_of, char buf[7])
{
    if (!as_of || strlen(as_of) != 10 || !digits(as_of, 4) || as_of[4] != '-' ||
        !digits(as_of + 5, 2) || as_of[7] != '-' || !digits(as_of + 8, 2))
        return YK_EINVAL;
    int year = atoi(as_of), month = atoi(as_of + 5), day = atoi(as_of + 8);
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999)
        return YK_EINVAL;
    int q = (month - 1) / 3 + 1;
    /* The first day of a quarter: the state at its start is the end of the one before. */
    if (day == 1 && (month - 1) % 3 == 0 && --q == 0) {
        q = 4;
        year--;
    }
    if (year < 1)
        return YK_EINVAL;
    buf[0] = (char)('0' + year / 1000);
    buf[1] = (char)('0' + year / 100 % 10);
    buf[2] = (char)('0' + year / 10 % 10);
    buf[3] = (char)('0' + year % 10);
    buf[4] = 'Q';
    buf[5] = (char)('0' + q);
    buf[6] = 0;
    return 0;
}
