/* yakist — the CSV loader: libcsv fed at most one physical line per call, so every record knows
 * the line and byte offset where it starts; UTF-8 is validated on the raw bytes in the same pass,
 * and quoting errors are found by reading the parser's state right after each quote character. */
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "sniff.h"
#include "utf8.h"

/* libcsv's parser states (libcsv.c, stable across 3.x). The loader reads them between calls to
 * csv_parse, when struct csv_parser holds the parser's whole state. */
enum { ROW_NOT_BEGUN = 0, FIELD_NOT_BEGUN = 1, FIELD_BEGUN = 2, FIELD_MIGHT_HAVE_ENDED = 3 };

/* Bytes per csv_parse call at most, so an endless cell is cut before it grows far past the
 * max_cell_bytes limit. */
#define FEED_MAX (64u * 1024u)

/* libcsv's own buffer grows by this much at a time. */
#define ENTRY_BLOCK (64u * 1024u)

/* The quote byte libcsv gets when quoting is off. The loader hands libcsv line ends as "\n" and
 * a carriage return only inside a quoted field, which cannot exist then, so '\r' never reaches
 * the parser in a position where it would open a quote. */
#define NO_QUOTE '\r'

/* Bytes kept beyond max_cell_bytes in a field being cut: the rest of a UTF-8 sequence. */
#define CUT_SLACK 3u

#define DEFAULT_MAX_CELL (1u << 20)
#define DEFAULT_MAX_COLUMNS 4096u
#define DEFAULT_SNIFF (64u * 1024u)

static const unsigned char utf8_bom[3] = {0xEF, 0xBB, 0xBF};

struct loader {
    const struct yk_sink *sink;
    struct yk_source_info *info;
    struct yk_error *err;
    struct csv_parser parser;
    unsigned char delim, quote;
    bool quoting;
    size_t max_cell, max_columns;
    int rc; /* the first failure: a sink's error or out of memory */

    /* The chunk being read: p[0..n) starts at file offset base. Search results are cached
     * (SIZE_MAX: not searched yet; n: none left in the chunk). */
    const unsigned char *p;
    size_t n;
    uint64_t base;
    size_t next_lf, next_cr, next_q, next_bad, bad_len;

    /* The physical line, and a cursor for character columns on it: col_chars characters of
     * the line lie before chunk position col_pos. The cursor only moves forward. */
    uint64_t line;
    size_t col_pos;
    uint64_t col_chars;

    /* The record being parsed: its cells are copied into text, NUL-terminated; cell data
     * pointers are set from text_off when the record is complete (text may move meanwhile). */
    uint64_t rec_line, rec_offset;
    struct yk_cell *cells;
    size_t *text_off;
    size_t ncells, cells_cap;
    char *text;
    size_t text_len, text_cap;
    size_t dropped; /* cells beyond max_columns */
    bool row_cut;   /* a limit cut this record */
    bool columns_set;

    /* The csv_parse call in progress. A call holds at most one quote character, as its last
     * byte, so of the fields it completes only the first (begun before the call) can be quoted. */
    bool first_field, first_quoted;
    bool stray_reported; /* one stray-quote event per field is enough */

    /* Quoting: a closing quote ended the last piece fed (what follows must be a delimiter,
     * a quote or a line end); where the open quoted field started (its column is worked out
     * from a saved column cursor by the end of the chunk, while its bytes are still there). */
    bool after_close;
    uint64_t qline, qcol, qoffset;
    bool qcol_pending;
    size_t qpos, qcur_pos;
    uint64_t qcur_chars;

    /* A carriage return ended the last chunk: whether an LF follows is seen in the next one. */
    bool pending_cr, pending_cr_data;

    /* A UTF-8 sequence cut by the end of a chunk, and where it started. */
    struct yk_utf8 u8;
    size_t hold_pos; /* in this chunk, SIZE_MAX when nothing was held in it */
    uint64_t u8_line, u8_col, u8_offset;
};

static int never_space(unsigned char c)
{
    (void)c;
    return 0; /* keep every space: leading and trailing whitespace is something rules report */
}

/* --- events ------------------------------------------------------------------------------- */

static void emit(struct loader *ld, enum yk_event_kind kind, uint32_t field, uint64_t line,
                 uint64_t column, uint64_t offset, const char *detail)
{
    if (ld->rc < 0 || !ld->sink->on_event)
        return;
    struct yk_event ev = {
        .kind = kind,
        .loc = {.row = ld->info->records + 1, /* the record being parsed */
                .field = field,
                .line = line,
                .column = column,
                .offset = offset},
        .detail = detail,
    };
    int rc = ld->sink->on_event(ld->sink->ctx, &ev);
    if (rc < 0)
        ld->rc = rc;
}

/* Character column (1-based) of chunk position pos on the current line. */
static uint64_t column_at(struct loader *ld, size_t pos)
{
    if (pos > ld->col_pos) {
        ld->col_chars += yk_utf8_count(ld->p + ld->col_pos, pos - ld->col_pos);
        ld->col_pos = pos;
    }
    return ld->col_chars + 1;
}

/* One event per invalid sequence; the bytes stay in the cell as they are (rules see the raw
 * bytes and info->invalid_utf8 says the file is not clean UTF-8). */
static void bad_utf8(struct loader *ld, uint64_t line, uint64_t column, uint64_t offset,
                     const unsigned char *bytes, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    char detail[32] = "byte";
    size_t len = 4;
    if (n > 1)
        detail[len++] = 's';
    for (size_t i = 0; i < n && i < 4; i++) { /* " 0xE2 0x82": no printf on this path */
        memcpy(detail + len, " 0x", 3);
        detail[len + 3] = hex[bytes[i] >> 4];
        detail[len + 4] = hex[bytes[i] & 15];
        len += 5;
    }
    detail[len] = '\0';
    ld->info->invalid_utf8++;
    emit(ld, YK_EV_INVALID_UTF8, 0, line, column, offset, detail);
}

/* Find the next invalid sequence from chunk position from; a sequence cut by the chunk's end is
 * held for the next chunk instead. */
static void scan_utf8(struct loader *ld, size_t from)
{
    size_t bad;
    size_t at = from + yk_utf8_scan(ld->p + from, ld->n - from, &bad);
    if (at < ld->n && bad == 0) {
        yk_utf8_hold(&ld->u8, ld->p + at, ld->n - at);
        ld->hold_pos = at;
        at = ld->n;
    }
    ld->next_bad = at;
    ld->bad_len = bad;
}

/* Report the invalid sequences that start before chunk position end. */
static void report_utf8(struct loader *ld, size_t end)
{
    while (ld->next_bad < end && ld->rc == 0) {
        size_t at = ld->next_bad;
        bad_utf8(ld, ld->line, column_at(ld, at), ld->base + at, ld->p + at, ld->bad_len);
        scan_utf8(ld, at + ld->bad_len);
    }
}

/* --- the record ---------------------------------------------------------------------------- */

static int grow_cells(struct loader *ld)
{
    size_t cap = ld->cells_cap ? ld->cells_cap * 2 : 16;
    if (cap > ld->max_columns)
        cap = ld->max_columns;
    struct yk_cell *c = realloc(ld->cells, cap * sizeof *c);
    if (!c)
        return YK_ENOMEM;
    ld->cells = c;
    size_t *o = realloc(ld->text_off, cap * sizeof *o);
    if (!o)
        return YK_ENOMEM;
    ld->text_off = o;
    ld->cells_cap = cap;
    return 0;
}

static int grow_text(struct loader *ld, size_t need)
{
    size_t cap = ld->text_cap ? ld->text_cap : 4096;
    while (cap < need)
        cap *= 2;
    char *t = realloc(ld->text, cap);
    if (!t)
        return YK_ENOMEM;
    ld->text = t;
    ld->text_cap = cap;
    return 0;
}

static void fail_nomem(struct loader *ld)
{
    if (ld->rc == 0)
        ld->rc = yk_error_set(ld->err, YK_ENOMEM, ld->info->path, ld->line, 0, "out of memory");
}

/* libcsv: a field is complete. */
static void on_field(void *buf, size_t len, void *data)
{
    struct loader *ld = data;
    bool quoted = ld->first_field && ld->first_quoted, cut = false;
    ld->first_field = false;
    ld->stray_reported = false;
    if (ld->rc < 0)
        return;
    if (ld->ncells >= ld->max_columns) {
        ld->dropped++;
        return;
    }
    if (len > ld->max_cell) {
        len = yk_utf8_floor(buf, len, ld->max_cell);
        cut = true;
    }
    if (cut) {
        char detail[80];
        snprintf(detail, sizeof detail, "a cell longer than %zu bytes was cut", ld->max_cell);
        ld->row_cut = true;
        ld->info->truncated = true;
        emit(ld, YK_EV_LIMIT, (uint32_t)(ld->ncells + 1), ld->rec_line, 0, ld->rec_offset, detail);
    }
    if ((ld->ncells == ld->cells_cap && grow_cells(ld) < 0) ||
        (ld->text_len + len + 1 > ld->text_cap && grow_text(ld, ld->text_len + len + 1) < 0)) {
        fail_nomem(ld);
        return;
    }
    memcpy(ld->text + ld->text_len, buf, len);
    ld->text[ld->text_len + len] = '\0';
    ld->cells[ld->ncells] = (struct yk_cell){.data = NULL, .len = len, .quoted = quoted};
    ld->text_off[ld->ncells++] = ld->text_len;
    ld->text_len += len + 1;
}

static void reset_record(struct loader *ld)
{
    ld->ncells = ld->text_len = ld->dropped = 0;
    ld->row_cut = false;
}

/* Hand a complete record to the sink as the header, a preamble row or a data row. */
static int deliver(struct loader *ld, struct yk_row *row)
{
    struct yk_source_info *info = ld->info;
    const struct yk_dialect *d = &info->dialect;
    if (d->header && row->number == d->header_row) {
        info->columns = (uint32_t)row->ncells;
        ld->columns_set = true;
        return ld->sink->on_header ? ld->sink->on_header(ld->sink->ctx, row) : 0;
    }
    if (d->header && row->number < d->header_row)
        row->flags |= YK_ROW_PREAMBLE;
    else if (!d->header && !ld->columns_set && !(row->flags & YK_ROW_BLANK)) {
        info->columns = (uint32_t)row->ncells;
        ld->columns_set = true;
    }
    return ld->sink->on_row ? ld->sink->on_row(ld->sink->ctx, row) : 0;
}

/* libcsv: a record is complete. */
static void on_record(int c, void *data)
{
    struct loader *ld = data;
    (void)c;
    ld->stray_reported = false;
    if (ld->rc < 0) {
        reset_record(ld);
        return;
    }
    if (ld->dropped) {
        char detail[96];
        snprintf(detail, sizeof detail, "a row of more than %zu cells: %zu cells were dropped",
                 ld->max_columns, ld->dropped);
        ld->row_cut = true;
        ld->info->truncated = true;
        emit(ld, YK_EV_LIMIT, (uint32_t)(ld->max_columns + 1), ld->rec_line, 0, ld->rec_offset,
             detail);
    }
    bool blank = true;
    for (size_t i = 0; i < ld->ncells; i++) {
        ld->cells[i].data = ld->text + ld->text_off[i];
        blank = blank && ld->cells[i].len == 0;
    }
    struct yk_row row = {
        .number = ld->info->records + 1,
        .line = ld->rec_line,
        .offset = ld->rec_offset,
        .flags = (blank ? YK_ROW_BLANK : 0u) | (ld->row_cut ? YK_ROW_TRUNCATED : 0u),
        .ncells = ld->ncells,
        .cells = ld->cells,
    };
    ld->info->records = row.number;
    int rc = ld->rc < 0 ? ld->rc : deliver(ld, &row);
    if (rc < 0 && ld->rc == 0)
        ld->rc = rc;
    reset_record(ld);
}

/* --- feeding libcsv ------------------------------------------------------------------------ */

static void parse(struct loader *ld, const unsigned char *s, size_t len)
{
    struct csv_parser *cp = &ld->parser;
    ld->first_field = true;
    ld->first_quoted =
        (cp->pstate == FIELD_BEGUN || cp->pstate == FIELD_MIGHT_HAVE_ENDED) && cp->quoted;
    if (csv_parse(cp, s, len, on_field, on_record, ld) != len)
        fail_nomem(ld);
    /* Cut an overlong field in progress now, so the parser's buffer stays bounded. The bytes
     * kept are always the field's first ones; three more than the limit are kept so on_field
     * can still see whether a character crosses the limit. */
    if (cp->pstate == FIELD_BEGUN && cp->entry_pos > ld->max_cell + CUT_SLACK)
        cp->entry_pos = ld->max_cell + CUT_SLACK;
}

/* Text right after a closing quote: report the quote, then read on the way Python's csv module
 * (and so Frictionless) does: the quoted part is kept and the field continues unquoted. */
static void text_after_quote(struct loader *ld, size_t pos)
{
    if (!ld->stray_reported)
        emit(ld, YK_EV_QUOTE_STRAY, 0, ld->line, column_at(ld, pos) - 1, ld->base + pos - 1,
             "text after a closing quote");
    ld->stray_reported = true;
    struct csv_parser *cp = &ld->parser;
    cp->entry_pos -= 1; /* the closing quote libcsv kept in case the field went on */
    cp->pstate = FIELD_BEGUN;
    cp->quoted = 0;
}

/* The piece just fed ended with a quote character at qpos; pre and len describe the piece. */
static void after_quote(struct loader *ld, int pre, size_t len, size_t qpos)
{
    const struct csv_parser *cp = &ld->parser;
    if (cp->pstate == FIELD_MIGHT_HAVE_ENDED) {
        ld->after_close = true;
    } else if (cp->pstate == FIELD_BEGUN && !cp->quoted) {
        if (!ld->stray_reported)
            emit(ld, YK_EV_QUOTE_STRAY, 0, ld->line, column_at(ld, qpos), ld->base + qpos,
                 "a quote inside an unquoted field");
        ld->stray_reported = true;
    } else if (cp->pstate == FIELD_BEGUN && !(pre == FIELD_MIGHT_HAVE_ENDED && len == 1)) {
        /* An opening quote (a doubled one would have come from FIELD_MIGHT_HAVE_ENDED). */
        ld->qline = ld->line;
        ld->qoffset = ld->base + qpos;
        ld->qpos = qpos;
        ld->qcur_pos = ld->col_pos;
        ld->qcur_chars = ld->col_chars;
        ld->qcol_pending = true;
    }
}

/* Feed the line content p[a..b) (no line-end bytes in it), one piece per quote character. */
static void feed_content(struct loader *ld, size_t a, size_t b)
{
    const unsigned char *p = ld->p;
    while (a < b && ld->rc == 0) {
        if (ld->after_close) {
            ld->after_close = false;
            if (p[a] != ld->delim && p[a] != ld->quote)
                text_after_quote(ld, a);
        }
        size_t end = b;
        bool at_quote = false;
        if (ld->quoting) {
            if (ld->next_q == SIZE_MAX || ld->next_q < a) {
                const unsigned char *q = memchr(p + a, ld->quote, ld->n - a);
                ld->next_q = q ? (size_t)(q - p) : ld->n;
            }
            if (ld->next_q < b) {
                end = ld->next_q + 1;
                at_quote = true;
            }
        }
        if (end - a > FEED_MAX) {
            end = a + FEED_MAX;
            at_quote = false;
        }
        /* An invalid sequence is reported just before its bytes go to the parser, so events
         * keep the order of the bytes whatever the chunking. */
        report_utf8(ld, a + 1);
        if (ld->next_bad < end) {
            end = ld->next_bad;
            at_quote = false;
        }
        int pre = ld->parser.pstate;
        parse(ld, p + a, end - a);
        if (at_quote)
            after_quote(ld, pre, end - a, end - 1);
        a = end;
    }
}

/* A new physical line starts at chunk position pos; a record not yet begun starts with it. */
static void start_line(struct loader *ld, size_t pos)
{
    ld->col_pos = pos;
    ld->col_chars = 0;
    if (ld->parser.pstate == ROW_NOT_BEGUN) {
        ld->rec_line = ld->line;
        ld->rec_offset = ld->base + pos;
    }
}

/* Chunk position of the next line end (LF or CR) at or after pos, or n. */
static size_t find_eol(struct loader *ld, size_t pos)
{
    if (ld->next_lf == SIZE_MAX || ld->next_lf < pos) {
        const unsigned char *q = memchr(ld->p + pos, '\n', ld->n - pos);
        ld->next_lf = q ? (size_t)(q - ld->p) : ld->n;
    }
    if (ld->next_cr == SIZE_MAX || ld->next_cr < pos) {
        const unsigned char *q = memchr(ld->p + pos, '\r', ld->n - pos);
        ld->next_cr = q ? (size_t)(q - ld->p) : ld->n;
    }
    return ld->next_lf < ld->next_cr ? ld->next_lf : ld->next_cr;
}

/* The line end at chunk position eol: count it, hand libcsv either a record end ("\n") or,
 * inside a quoted field, the bytes themselves. Returns the position after it. */
static size_t end_line(struct loader *ld, size_t eol)
{
    const unsigned char *p = ld->p;
    uint64_t *eols = ld->info->eol_count;
    bool in_quotes = ld->parser.pstate == FIELD_BEGUN && ld->parser.quoted;
    size_t next = eol + 1;
    ld->after_close = false;
    if (p[eol] == '\n') {
        eols[YK_EOL_LF]++;
    } else if (eol + 1 == ld->n) {
        ld->pending_cr = true; /* CR or CRLF: the next chunk tells */
        ld->pending_cr_data = in_quotes;
    } else if (p[eol + 1] == '\n') {
        eols[YK_EOL_CRLF]++;
        next = eol + 2;
    } else {
        eols[YK_EOL_CR]++;
    }
    if (in_quotes)
        parse(ld, p + eol, next - eol);
    else
        parse(ld, (const unsigned char *)"\n", 1);
    ld->line++;
    if (!ld->pending_cr)
        start_line(ld, next);
    return next;
}

/* Chunk start: settle a carriage return or a UTF-8 sequence left open by the last chunk.
 * Returns the position where line processing starts. */
static size_t resume_chunk(struct loader *ld)
{
    const unsigned char *p = ld->p;
    size_t pos = 0;
    ld->col_pos = 0;
    if (ld->pending_cr) {
        ld->pending_cr = false;
        if (p[0] == '\n') {
            ld->info->eol_count[YK_EOL_CRLF]++;
            if (ld->pending_cr_data)
                parse(ld, p, 1);
            pos = 1;
        } else {
            ld->info->eol_count[YK_EOL_CR]++;
        }
        start_line(ld, pos);
    }
    size_t from = pos;
    if (ld->u8.npending) {
        unsigned char held[4];
        size_t nheld = ld->u8.npending;
        bool bad;
        memcpy(held, ld->u8.pending, nheld);
        size_t k = yk_utf8_resume(&ld->u8, p, ld->n, &bad);
        if (bad) {
            unsigned char seq[8];
            memcpy(seq, held, nheld);
            memcpy(seq + nheld, p, k);
            bad_utf8(ld, ld->u8_line, ld->u8_col, ld->u8_offset, seq, nheld + k);
        }
        from = k;
        ld->col_pos = k; /* those bytes finish a character counted in the last chunk */
        if (bad)
            ld->col_chars += nheld + k - 1; /* broken, it is one column per byte */
    }
    scan_utf8(ld, from);
    return pos;
}

/* Chunk end: remember what the next chunk needs of this one before its bytes go away. */
static void finish_chunk(struct loader *ld)
{
    size_t stop = ld->n;
    uint64_t held = 0;
    if (ld->hold_pos != SIZE_MAX) {
        stop = ld->hold_pos;
        held = 1;
        ld->u8_line = ld->line;
        ld->u8_col = column_at(ld, stop);
        ld->u8_offset = ld->base + stop;
    }
    if (ld->qcol_pending) {
        ld->qcol =
            ld->qcur_chars + yk_utf8_count(ld->p + ld->qcur_pos, ld->qpos - ld->qcur_pos) + 1;
        ld->qcol_pending = false;
    }
    if (!ld->pending_cr) {
        column_at(ld, stop);
        ld->col_chars += held; /* characters of this line before the next chunk */
    }
}

static void process_chunk(struct loader *ld, const unsigned char *p, size_t n)
{
    ld->p = p;
    ld->n = n;
    ld->next_lf = ld->next_cr = ld->next_q = SIZE_MAX;
    ld->hold_pos = SIZE_MAX;
    size_t pos = resume_chunk(ld);
    while (pos < n && ld->rc == 0) {
        size_t eol = find_eol(ld, pos);
        feed_content(ld, pos, eol);
        if (eol == n || ld->rc < 0)
            break;
        pos = end_line(ld, eol);
    }
    finish_chunk(ld);
}

/* End of input: the open ends become findings, and libcsv hands over its last record. */
static void finish_input(struct loader *ld)
{
    if (ld->pending_cr) {
        ld->info->eol_count[YK_EOL_CR]++;
        ld->pending_cr = false;
    }
    if (ld->u8.npending) {
        unsigned char held[4];
        size_t nheld = ld->u8.npending;
        memcpy(held, ld->u8.pending, nheld);
        yk_utf8_finish(&ld->u8);
        bad_utf8(ld, ld->u8_line, ld->u8_col, ld->u8_offset, held, nheld);
    }
    struct csv_parser *cp = &ld->parser;
    if (ld->quoting && cp->pstate == FIELD_BEGUN && cp->quoted)
        emit(ld, YK_EV_QUOTE_UNCLOSED, 0, ld->qline, ld->qcol, ld->qoffset, NULL);
    if (ld->rc < 0)
        return;
    ld->first_field = true;
    ld->first_quoted =
        (cp->pstate == FIELD_BEGUN || cp->pstate == FIELD_MIGHT_HAVE_ENDED) && cp->quoted;
    csv_fini(cp, on_field, on_record, ld);
}

/* --- setup --------------------------------------------------------------------------------- */

/* Look at the head of the input: skip a BOM, then sniff the dialect (forced parts kept). */
static int sniff(struct loader *ld, struct yk_input *in, const struct yk_check_options *opt)
{
    struct yk_source_info *info = ld->info;
    struct yk_dialect *d = &info->dialect;
    size_t want = opt->limits.sniff_bytes ? opt->limits.sniff_bytes : DEFAULT_SNIFF;
    const unsigned char *w;
    size_t n;
    int rc = yk_input_peek(in, want, &w, &n, ld->err);
    if (rc < 0)
        return rc;
    bool more = n == (want < YK_INPUT_CHUNK ? want : YK_INPUT_CHUNK); /* the file may go on */
    if (n >= sizeof utf8_bom && memcmp(w, utf8_bom, sizeof utf8_bom) == 0) {
        info->bom = true;
        yk_input_skip(in, sizeof utf8_bom);
        w += sizeof utf8_bom;
        n -= sizeof utf8_bom;
        ld->base = sizeof utf8_bom;
    }
    /* A sample cut short by the window ends with a partial record: leave it out. */
    if (more) {
        const unsigned char *last = NULL;
        for (size_t i = n; i > 0 && !last; i--)
            if (w[i - 1] == '\n' || w[i - 1] == '\r')
                last = w + i;
        if (last)
            n = (size_t)(last - w);
    }
    memset(d, 0, sizeof *d);
    if (opt->delimiter) {
        d->delimiter = opt->delimiter;
        d->delimiter_forced = true;
    }
    if (opt->quote) {
        d->quote = opt->quote == YK_QUOTE_NONE ? 0 : opt->quote;
        d->quote_forced = true;
    }
    if (opt->header >= 0) {
        d->header = opt->header != 0;
        d->header_forced = true;
    }
    yk_sniff_dialect(w, n, d);
    return 0;
}

static int setup_parser(struct loader *ld)
{
    const struct yk_dialect *d = &ld->info->dialect;
    if (csv_init(&ld->parser, CSV_REPALL_NL) != 0)
        return yk_error_set(ld->err, YK_ENOMEM, ld->info->path, 0, 0, "out of memory");
    ld->delim = (unsigned char)d->delimiter;
    ld->quoting = d->quote != 0;
    ld->quote = ld->quoting ? (unsigned char)d->quote : NO_QUOTE;
    csv_set_delim(&ld->parser, ld->delim);
    csv_set_quote(&ld->parser, ld->quote);
    csv_set_space_func(&ld->parser, never_space);
    csv_set_blk_size(&ld->parser, ENTRY_BLOCK);
    if (grow_cells(ld) < 0 || grow_text(ld, 4096) < 0)
        return yk_error_set(ld->err, YK_ENOMEM, ld->info->path, 0, 0, "out of memory");
    return 0;
}

static int load_csv(struct yk_input *in, const struct yk_check_options *opt,
                    struct yk_source_info *info, const struct yk_sink *sink, struct yk_arena *arena,
                    struct yk_error *err)
{
    (void)arena; /* the loader's memory is bounded by the limits and freed here */
    struct loader ld = {
        .sink = sink,
        .info = info,
        .err = err,
        .max_cell = opt->limits.max_cell_bytes ? opt->limits.max_cell_bytes : DEFAULT_MAX_CELL,
        .max_columns = opt->limits.max_columns ? opt->limits.max_columns : DEFAULT_MAX_COLUMNS,
        .line = 1,
        .rec_line = 1,
        .hold_pos = SIZE_MAX,
    };
    if (!info->format)
        info->format = "csv";
    if (!info->encoding)
        info->encoding = "UTF-8"; /* the input stack names what it decoded from */
    yk_utf8_init(&ld.u8);
    int rc = sniff(&ld, in, opt);
    if (rc < 0)
        return rc;
    ld.rec_offset = ld.base;
    info->bytes = ld.base;
    if ((rc = setup_parser(&ld)) < 0)
        goto done;
    for (;;) {
        const unsigned char *p;
        size_t n;
        if ((rc = yk_input_read(in, &p, &n, err)) < 0)
            goto done;
        if (n == 0)
            break;
        process_chunk(&ld, p, n);
        ld.base += n;
        info->bytes = ld.base;
        if ((rc = ld.rc) < 0)
            goto done;
    }
    finish_input(&ld);
    rc = ld.rc;
done:
    csv_free(&ld.parser);
    free(ld.cells);
    free(ld.text_off);
    free(ld.text);
    return rc;
}

const struct yk_loader yk_loader_csv = {
    .format = "csv",
    .load = load_csv,
};
