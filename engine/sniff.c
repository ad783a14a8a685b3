/* yakist — the dialect sniffer: reads the head of a delimited file several ways and keeps the
 * reading that is most regular. Delimiter by how consistent the cell count per record is,
 * quote character by how fields open and close, preamble rows and header by cell shapes. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "sniff.h"

#define MAX_RECORDS 256  /* records of the sample that are looked at */
#define TYPED_RECORDS 64 /* records whose cells are classified for the header decision */
#define TYPED_COLUMNS 64 /* columns classified per record */
#define MAX_PREAMBLE 10  /* title rows above a header, at most */

static const char candidates[] = {',', ';', '\t', '|'};
#define NCANDIDATES (sizeof candidates / sizeof candidates[0])

enum kind { K_EMPTY = 0, K_TEXT, K_NUMBER, K_DATE, K_YEAR };

struct record {
    uint32_t ncells;   /* 0 for an empty line, as the loader counts it */
    uint32_t nonempty; /* cells with something but spaces */
    unsigned char kind[TYPED_COLUMNS];
};

/* One reading of the sample with a given delimiter and quote character. */
struct reading {
    char delimiter;
    char quote; /* 0: no quoting */
    size_t nrec;
    struct record rec[MAX_RECORDS];
    uint32_t between_digits; /* delimiters with a digit on both sides ("1,5") */
    uint32_t delimiters;
};

/* --- cell classification ------------------------------------------------------------------ */

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* A number as people write them: sign, digits grouped by spaces, a decimal point or comma,
 * a percent sign. */
static bool looks_number(const unsigned char *s, size_t n)
{
    size_t i = 0, digits = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    for (; i < n; i++) {
        if (is_digit(s[i]))
            digits++;
        else if (s[i] == ' ' && digits && i + 1 < n && is_digit(s[i + 1]))
            continue;
        else if (s[i] == 0xC2 && i + 2 < n && s[i + 1] == 0xA0 && digits && is_digit(s[i + 2]))
            i++; /* a no-break space between digit groups */
        else
            break;
    }
    if (i < n && (s[i] == '.' || s[i] == ',') && i + 1 < n && is_digit(s[i + 1]))
        for (i++; i < n && is_digit(s[i]); i++)
            digits++;
    if (i < n && s[i] == '%')
        i++;
    return digits > 0 && i == n;
}

/* Dates and times: digits with at least two separators (2024-01-31, 31.01.2024, 10:15:00). */
static bool looks_date(const unsigned char *s, size_t n)
{
    size_t digits = 0, seps = 0;
    if (n == 0 || !is_digit(s[0]))
        return false;
    for (size_t i = 0; i < n; i++) {
        if (is_digit(s[i]))
            digits++;
        else if (s[i] == '.' || s[i] == '-' || s[i] == '/' || s[i] == ':' || s[i] == ' ' ||
                 s[i] == 'T')
            seps++;
        else
            return false;
    }
    return seps >= 2 && digits >= 3 && is_digit(s[n - 1]);
}

static enum kind classify(const unsigned char *s, size_t n)
{
    while (n && (s[0] == ' ' || s[0] == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0)
        return K_EMPTY;
    if (n == 4 && looks_number(s, n) && (s[0] == '1' || s[0] == '2') &&
        (memcmp(s, "1900", 4) >= 0 && memcmp(s, "2100", 4) <= 0))
        return K_YEAR;
    if (looks_number(s, n))
        return K_NUMBER;
    if (looks_date(s, n))
        return K_DATE;
    return K_TEXT;
}

/* --- reading the sample ------------------------------------------------------------------- */

struct cursor {
    const unsigned char *s;
    size_t n, pos;
};

static bool is_eol(unsigned char c)
{
    return c == '\n' || c == '\r';
}

/* Read one cell at the cursor the way the loader does: a quoted cell runs to its closing
 * quote (doubled quotes are literal) and text after it joins the cell; an unquoted cell runs
 * to the delimiter or the line end. [*a, *b) is the text, without quotes. */
static void read_cell(struct cursor *c, char d, char q, size_t *a, size_t *b)
{
    const unsigned char *s = c->s;
    size_t i = c->pos;
    if (q && i < c->n && s[i] == (unsigned char)q) {
        *a = ++i;
        while (i < c->n) {
            if (s[i] == (unsigned char)q) {
                if (i + 1 < c->n && s[i + 1] == (unsigned char)q) {
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        *b = i;
        if (i < c->n)
            i++;
    } else {
        *a = i;
    }
    while (i < c->n && s[i] != (unsigned char)d && !is_eol(s[i]))
        i++;
    if (!(q && *a > c->pos))
        *b = i;
    c->pos = i;
}

/* Read the next record into r; false at the end of the sample. */
static bool read_record(struct cursor *c, struct reading *rd, struct record *r)
{
    if (c->pos >= c->n)
        return false;
    memset(r, 0, sizeof *r);
    const unsigned char *s = c->s;
    size_t start = c->pos;
    for (;;) {
        size_t a, b;
        read_cell(c, rd->delimiter, rd->quote, &a, &b);
        enum kind k = classify(s + a, b - a);
        if (r->ncells < TYPED_COLUMNS)
            r->kind[r->ncells] = (unsigned char)k;
        r->ncells++;
        r->nonempty += k != K_EMPTY;
        if (c->pos >= c->n)
            break;
        unsigned char ch = s[c->pos];
        if (ch == (unsigned char)rd->delimiter) {
            rd->delimiters++;
            if (c->pos > 0 && is_digit(s[c->pos - 1]) && c->pos + 1 < c->n &&
                is_digit(s[c->pos + 1]))
                rd->between_digits++;
            c->pos++;
            continue;
        }
        /* A line end: CRLF is one. */
        c->pos += (ch == '\r' && c->pos + 1 < c->n && s[c->pos + 1] == '\n') ? 2 : 1;
        break;
    }
    if (r->ncells == 1 && (start >= c->n || is_eol(s[start])))
        r->ncells = 0; /* an empty line is a record without cells */
    return true;
}

static void read_sample(const unsigned char *s, size_t n, struct reading *rd)
{
    struct cursor c = {s, n, 0};
    rd->nrec = 0;
    rd->between_digits = rd->delimiters = 0;
    while (rd->nrec < MAX_RECORDS && read_record(&c, rd, &rd->rec[rd->nrec]))
        rd->nrec++;
}

/* --- the delimiter ------------------------------------------------------------------------ */

/* The most frequent cell count among non-empty records (the wider one on a tie), and how many
 * records have it. */
static uint32_t modal_width(const struct reading *rd, size_t *hits, size_t *total)
{
    uint32_t best = 0;
    size_t best_hits = 0, all = 0;
    for (size_t i = 0; i < rd->nrec; i++) {
        uint32_t w = rd->rec[i].ncells;
        if (w == 0)
            continue;
        all++;
        size_t h = 0;
        for (size_t j = 0; j < rd->nrec; j++)
            h += rd->rec[j].ncells == w;
        if (h > best_hits || (h == best_hits && w > best)) {
            best = w;
            best_hits = h;
        }
    }
    if (hits)
        *hits = best_hits;
    if (total)
        *total = all;
    return best;
}

/* Is reading a better than reading b? Most consistent cell count first, then more columns,
 * then fewer delimiters between digits (a decimal comma is no delimiter). */
static bool better(const struct reading *a, const struct reading *b)
{
    size_t ha, ta, hb, tb;
    uint32_t wa = modal_width(a, &ha, &ta), wb = modal_width(b, &hb, &tb);
    if ((wa >= 2) != (wb >= 2))
        return wa >= 2;
    if (wa < 2)
        return false;
    uint64_t ca = (uint64_t)ha * (tb ? tb : 1), cb = (uint64_t)hb * (ta ? ta : 1);
    if (ca != cb)
        return ca > cb;
    if (wa != wb)
        return wa > wb;
    uint64_t da = (uint64_t)a->between_digits * (b->delimiters ? b->delimiters : 1);
    uint64_t db = (uint64_t)b->between_digits * (a->delimiters ? a->delimiters : 1);
    return da < db;
}

static char pick_delimiter(const unsigned char *s, size_t n, char quote, struct reading *best,
                           struct reading *tmp)
{
    char chosen = candidates[0];
    for (size_t i = 0; i < NCANDIDATES; i++) {
        tmp->delimiter = candidates[i];
        tmp->quote = quote;
        read_sample(s, n, tmp);
        if (i == 0 || better(tmp, best)) {
            *best = *tmp;
            chosen = candidates[i];
        }
    }
    return chosen; /* with one column whatever the delimiter, the comma stays */
}

/* --- the quote character ------------------------------------------------------------------ */

/* Fields of the raw (unquoted) split that open and that close with q. */
static size_t quote_score(const unsigned char *s, size_t n, char d, char q)
{
    size_t opens = 0, closes = 0, i = 0;
    while (i < n) {
        size_t a = i;
        while (i < n && s[i] != (unsigned char)d && !is_eol(s[i]))
            i++;
        if (i - a >= 1 && s[a] == (unsigned char)q)
            opens++;
        if (i - a >= 1 && s[i - 1] == (unsigned char)q)
            closes++;
        i++;
    }
    return opens < closes ? opens : closes;
}

/* '"' unless apostrophes clearly wrap fields and double quotes never do. Apostrophes inside
 * words (м'ясо, п'ять) neither open nor close a field, so Ukrainian text does not count. */
static char pick_quote(const unsigned char *s, size_t n, char d)
{
    size_t dq = quote_score(s, n, d, '"'), sq = quote_score(s, n, d, '\'');
    return sq >= 2 && dq == 0 ? '\'' : '"';
}

/* --- preamble and header ------------------------------------------------------------------ */

/* A record that cannot be a header of a table width wide: empty, or one value at most. */
static bool is_short(const struct record *r, uint32_t width)
{
    return r->ncells == 0 || r->nonempty <= 1 || r->ncells * 2 <= width;
}

/* Leading title rows: records before the first one that has the modal width. */
static uint32_t count_preamble(const struct reading *rd)
{
    uint32_t width = modal_width(rd, NULL, NULL);
    if (width < 2 || rd->nrec < 2)
        return 0;
    size_t i = 0;
    while (i < rd->nrec - 1 && i < MAX_PREAMBLE && is_short(&rd->rec[i], width))
        i++;
    if (i == 0 || rd->rec[i].ncells != width || rd->rec[i].nonempty < 2)
        return 0;
    return (uint32_t)i;
}

static bool is_numeric(unsigned char k)
{
    return k == K_NUMBER || k == K_DATE || k == K_YEAR;
}

/* Does record h look like a header over the records after it? Evidence for: a text label
 * above a column of numbers or dates. Evidence against: a number or date above a column of
 * them (a year above other numbers stays neutral: years are common labels). Without evidence
 * either way the record is a header, as most published tables have one. */
static bool looks_header(const struct reading *rd, size_t h)
{
    const struct record *hr = &rd->rec[h];
    size_t last = rd->nrec < h + 1 + TYPED_RECORDS ? rd->nrec : h + 1 + TYPED_RECORDS;
    uint32_t ncols = hr->ncells < TYPED_COLUMNS ? hr->ncells : TYPED_COLUMNS;
    unsigned votes_for = 0, votes_against = 0;
    for (uint32_t j = 0; j < ncols; j++) {
        size_t filled = 0, numeric = 0, years = 0;
        for (size_t i = h + 1; i < last; i++) {
            const struct record *r = &rd->rec[i];
            if (j >= r->ncells || r->kind[j] == K_EMPTY)
                continue;
            filled++;
            numeric += is_numeric(r->kind[j]);
            years += r->kind[j] == K_YEAR;
        }
        if (filled == 0 || numeric * 3 < filled * 2)
            continue; /* not a numeric column: no evidence */
        unsigned char k = hr->kind[j];
        if (k == K_TEXT)
            votes_for++;
        else if (k == K_YEAR && years < filled)
            continue;
        else if (is_numeric(k))
            votes_against++;
    }
    return votes_for >= votes_against;
}

/* --- the entry point ---------------------------------------------------------------------- */

void yk_sniff_dialect(const unsigned char *sample, size_t len, struct yk_dialect *out)
{
    struct reading best, tmp; /* about 20 KiB each */
    char quote = out->quote_forced ? out->quote : '"';

    if (!out->delimiter_forced)
        out->delimiter = pick_delimiter(sample, len, quote, &best, &tmp);
    if (!out->quote_forced) {
        out->quote = pick_quote(sample, len, out->delimiter);
        if (out->quote != quote && !out->delimiter_forced)
            out->delimiter = pick_delimiter(sample, len, out->quote, &best, &tmp);
    }
    best.delimiter = out->delimiter;
    best.quote = out->quote;
    read_sample(sample, len, &best);

    bool forced_header = out->header_forced;
    bool want_header = forced_header ? out->header : true;
    if (!want_header) {
        out->header = false;
        out->header_row = 0;
        return;
    }
    uint32_t pre = count_preamble(&best);
    if (!forced_header && best.nrec > 0)
        want_header = looks_header(&best, pre);
    if (!want_header) {
        out->header = false;
        out->header_row = 0;
        return;
    }
    out->header = true;
    out->header_row = pre + 1;
}
