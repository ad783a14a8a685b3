/* yakist unit tests — line tracking across chunk boundaries: a generated file of about 1 MiB
 * whose records, UTF-8 sequences, CRLF pairs and quoted line breaks straddle the loader's
 * 256 KiB chunks (from memory and from a file, with and without a BOM), and a sweep that puts
 * every byte of a tricky sample at a chunk boundary in turn. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/resource.h>
#include <unistd.h>

#include <cmocka.h>

#include "recorder.h"

#define CHUNK ((size_t)YK_INPUT_CHUNK)

/* What the generator knows about each record it wrote. */
struct expect {
    uint64_t line, offset;
    size_t ncells, total_len;
    bool blank;
};

struct gen {
    char *buf;
    size_t len, cap;
    uint64_t line; /* line where the next record starts */
    struct expect *rec;
    size_t nrec, reccap;
    uint64_t eol[4];
    uint64_t bad_offset, bad_line, bad_column; /* the one invalid sequence */
};

static void put(struct gen *g, const void *s, size_t n)
{
    if (g->len + n > g->cap) {
        g->cap = (g->len + n) * 2;
        g->buf = realloc(g->buf, g->cap);
        assert_non_null(g->buf);
    }
    memcpy(g->buf + g->len, s, n);
    g->len += n;
}

static void puts_(struct gen *g, const char *s)
{
    put(g, s, strlen(s));
}

/* Start a record: remember where. */
static struct expect *begin(struct gen *g, size_t ncells, size_t total_len)
{
    if (g->nrec == g->reccap) {
        g->reccap = g->reccap ? g->reccap * 2 : 1024;
        g->rec = realloc(g->rec, g->reccap * sizeof *g->rec);
        assert_non_null(g->rec);
    }
    struct expect *e = &g->rec[g->nrec++];
    *e = (struct expect){g->line, g->len, ncells, total_len, ncells == 0};
    return e;
}

/* End a line: LF, CRLF or CR. */
static void eol(struct gen *g, enum yk_line_ending kind)
{
    puts_(g, kind == YK_EOL_LF ? "\n" : kind == YK_EOL_CRLF ? "\r\n" : "\r");
    g->eol[kind]++;
    g->line++;
}

static void pad(struct gen *g, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put(g, "p", 1);
}

/* An ordinary record, one of a few shapes. */
static void ordinary(struct gen *g, size_t i)
{
    char num[32];
    int nl = snprintf(num, sizeof num, "%zu", i);
    switch (i % 10) {
    case 0: /* an empty line */
        begin(g, 0, 0);
        eol(g, YK_EOL_LF);
        break;
    case 3: /* a quoted field over two lines, CRLF at the end */
        begin(g, 3, (size_t)nl + strlen("Ім'я-ї") + strlen("рядок один\nрядок два"));
        puts_(g, num);
        puts_(g, ",Ім'я-ї,\"рядок один\n");
        g->line++;
        g->eol[YK_EOL_LF]++;
        puts_(g, "рядок два\"");
        eol(g, YK_EOL_CRLF);
        break;
    case 5: /* escaped quotes */
        begin(g, 3, (size_t)nl + strlen("€") + strlen("ТОВ \"Зоря\""));
        puts_(g, num);
        puts_(g, ",€,\"ТОВ \"\"Зоря\"\"\"");
        eol(g, YK_EOL_LF);
        break;
    default:
        begin(g, 3, (size_t)nl + strlen("Київ-ї") + strlen("текст-"));
        puts_(g, num);
        puts_(g, ",Київ-ї,текст-");
        eol(g, YK_EOL_LF);
        break;
    }
}

/* The features that land on chunk boundary k (file offset b). */
static void feature(struct gen *g, int k, size_t b)
{
    size_t start = g->len;
    switch (k) {
    case 1: { /* "€" (3 bytes) starting one byte before the boundary */
        size_t n = b - 1 - (start + 3);
        begin(g, 3, 2 + n + 3 + 4 + 1);
        puts_(g, "f1,");
        pad(g, n);
        puts_(g, "€tail,x");
        eol(g, YK_EOL_LF);
        break;
    }
    case 2: { /* an invalid sequence E2 82 cut by an 'A' right at the boundary */
        size_t n = b - 2 - (start + 3);
        begin(g, 3, 2 + n + 3 + 1);
        puts_(g, "f2,");
        pad(g, n);
        g->bad_offset = g->len;
        g->bad_line = g->line;
        g->bad_column = 3 + n + 1;
        put(g, "\xE2\x82\x41,x", 5);
        eol(g, YK_EOL_LF);
        break;
    }
    case 3: { /* CRLF with the CR before the boundary and the LF after it */
        size_t n = b - 1 - (start + 6);
        begin(g, 3, 2 + 1 + n + 1);
        puts_(g, "f3,y,");
        pad(g, n);
        puts_(g, "z");
        eol(g, YK_EOL_CRLF);
        break;
    }
    case 4: { /* a quoted field whose line break is the first byte after the boundary */
        size_t n = b - (start + 4);
        begin(g, 3, 2 + n + 1 + 4 + 1);
        puts_(g, "f4,\"");
        pad(g, n);
        puts_(g, "\n");
        g->line++;
        g->eol[YK_EOL_LF]++;
        puts_(g, "rest\",w");
        eol(g, YK_EOL_CRLF);
        break;
    }
    default: { /* a lone CR right before the boundary */
        size_t n = b - 1 - (start + 5);
        begin(g, 3, 2 + n + 1);
        puts_(g, "f5,u,");
        pad(g, n);
        eol(g, YK_EOL_CR);
        begin(g, 3, 3);
        puts_(g, "a,b,c");
        eol(g, YK_EOL_LF);
        break;
    }
    }
}

/* About 1.3 MiB; boundaries at shift + k * CHUNK. */
static void generate(struct gen *g, bool bom, size_t shift)
{
    memset(g, 0, sizeof *g);
    g->line = 1;
    if (bom)
        put(g, "\xEF\xBB\xBF", 3);
    begin(g, 3, strlen("id") + strlen("назва") + strlen("примітка"));
    puts_(g, "id,назва,примітка");
    eol(g, YK_EOL_LF);
    size_t i = 1;
    for (int k = 1; k <= 5; k++) {
        size_t b = shift + (size_t)k * CHUNK;
        while (g->len + 300 < b)
            ordinary(g, i++);
        feature(g, k, b);
    }
    for (int j = 0; j < 100; j++)
        ordinary(g, i++);
}

static void gen_free(struct gen *g)
{
    free(g->buf);
    free(g->rec);
}

static void compare(const struct gen *g, const struct recorder *rec,
                    const struct yk_source_info *info)
{
    assert_int_equal(rec->nrows, g->nrec);
    for (size_t i = 0; i < g->nrec; i++) {
        const struct rec_row *r = &rec->rows[i];
        const struct expect *e = &g->rec[i];
        if (r->number != i + 1 || r->line != e->line || r->offset != e->offset ||
            r->ncells != e->ncells || r->total_len != e->total_len ||
            ((r->flags & YK_ROW_BLANK) != 0) != e->blank)
            fail_msg("record %zu: got number %llu line %llu offset %llu cells %zu len %zu; "
                     "want line %llu offset %llu cells %zu len %zu",
                     i + 1, (unsigned long long)r->number, (unsigned long long)r->line,
                     (unsigned long long)r->offset, r->ncells, r->total_len,
                     (unsigned long long)e->line, (unsigned long long)e->offset, e->ncells,
                     e->total_len);
    }
    assert_true(rec->rows[0].header);
    assert_int_equal(info->records, g->nrec);
    assert_int_equal(info->bytes, g->len);
    for (int k = 1; k < 4; k++)
        assert_int_equal(info->eol_count[k], g->eol[k]);
    /* The only invalid sequence is the one cut by the boundary; the "€" split there is fine. */
    assert_int_equal(info->invalid_utf8, 1);
    assert_int_equal(rec->nevents, 1);
    const struct rec_event *e = &rec->events[0];
    assert_int_equal(e->kind, YK_EV_INVALID_UTF8);
    assert_int_equal(e->loc.offset, g->bad_offset);
    assert_int_equal(e->loc.line, g->bad_line);
    assert_int_equal(e->loc.column, g->bad_column);
    assert_string_equal(e->detail, "bytes 0xE2 0x82");
}

static void run_memory(bool bom, size_t shift)
{
    struct gen g;
    generate(&g, bom, shift);
    struct recorder rec;
    memset(&rec, 0, sizeof rec);
    rec.check_nul = true;
    struct yk_check_options opt;
    struct yk_source_info info;
    struct yk_error err;
    recorder_options(&opt);
    assert_int_equal(recorder_load_memory(&rec, g.buf, g.len, &opt, &info, &err), 0);
    assert_int_equal(info.bom, bom);
    compare(&g, &rec, &info);
    assert_true(rec.nul_ok);
    recorder_free(&rec);
    gen_free(&g);
}

/* Memory input hands out CHUNK bytes at a time from where the BOM ends. */
static void memory_chunks(void **state)
{
    (void)state;
    run_memory(false, 0);
    run_memory(true, 3);
}

static void run_file(bool bom)
{
    struct gen g;
    generate(&g, bom, 0);
    char path[] = "/tmp/yakist-test-lines-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, g.buf, g.len), (ssize_t)g.len);
    close(fd);
    struct recorder rec;
    memset(&rec, 0, sizeof rec);
    struct yk_check_options opt;
    struct yk_source_info info;
    struct yk_error err;
    recorder_options(&opt);
    int rc = recorder_load_file(&rec, path, &opt, &info, &err);
    unlink(path);
    assert_int_equal(rc, 0);
    compare(&g, &rec, &info);
    recorder_free(&rec);
    gen_free(&g);
}

/* File input reads whole chunks from the start of the file, BOM or not. */
static void file_chunks(void **state)
{
    (void)state;
    run_file(false);
    run_file(true);
}

/* --- the sweep ------------------------------------------------------------------------------ */

static const char tricky[] = "id,name,note\r\n"
                             "1,\"Ки\r\nїв\",\"a\"\"b\"\n"
                             "2,ТОВ \"Зоря\",\xE2\x82x\r\n"
                             "\r\n"
                             "3,\"ab\"c,€\r"
                             "4,𝄞,\xF0\x9F\x98\r\n"
                             "5,\"unclosed\xD0\x9F\x65nd";

static void load_padded(size_t padlen, struct recorder *rec, struct yk_source_info *info)
{
    /* One line of padlen bytes ("p...p\n"), then the sample. */
    size_t len = padlen + sizeof tricky - 1;
    char *buf = malloc(len);
    assert_non_null(buf);
    memset(buf, 'p', padlen - 1);
    buf[padlen - 1] = '\n';
    memcpy(buf + padlen, tricky, sizeof tricky - 1);
    struct yk_check_options opt;
    struct yk_error err;
    recorder_options(&opt);
    opt.delimiter = ',';
    opt.quote = '"';
    opt.header = 0;
    memset(rec, 0, sizeof *rec);
    assert_int_equal(recorder_load_memory(rec, buf, len, &opt, info, &err), 0);
    free(buf);
}

/* Every byte of the sample at a chunk boundary in turn gives the same rows and events as the
 * sample read in one piece, shifted by the padding. */
static void boundary_sweep(void **state)
{
    (void)state;
    struct recorder base;
    struct yk_source_info binfo;
    load_padded(2, &base, &binfo);
    /* Sanity of the reference itself. */
    assert_int_equal(base.nrows, 8);
    assert_int_equal(recorder_count(&base, YK_EV_QUOTE_STRAY), 2);
    assert_int_equal(recorder_count(&base, YK_EV_QUOTE_UNCLOSED), 1);
    assert_int_equal(recorder_count(&base, YK_EV_INVALID_UTF8), 2);
    assert_int_equal(base.rows[2].line, 3);
    assert_int_equal(base.rows[3].line, 5);
    assert_string_equal(base.rows[5].text, "3|abc|€");

    for (size_t j = 0; j <= sizeof tricky - 1; j++) {
        size_t padlen = CHUNK - j;
        uint64_t shift = padlen - 2;
        struct recorder rec;
        struct yk_source_info info;
        load_padded(padlen, &rec, &info);
        assert_int_equal(rec.nrows, base.nrows);
        for (size_t i = 0; i < base.nrows; i++) {
            const struct rec_row *a = &base.rows[i], *b = &rec.rows[i];
            if (a->number != b->number || a->line != b->line ||
                a->offset + (i ? shift : 0) != b->offset || a->flags != b->flags ||
                (i && strcmp(a->text, b->text) != 0) || strcmp(a->quoted, b->quoted) != 0)
                fail_msg("boundary at sample byte %zu: row %zu differs", j, i + 1);
        }
        assert_int_equal(rec.nevents, base.nevents);
        for (size_t i = 0; i < base.nevents; i++) {
            const struct rec_event *a = &base.events[i], *b = &rec.events[i];
            if (a->kind != b->kind || a->loc.row != b->loc.row || a->loc.line != b->loc.line ||
                a->loc.column != b->loc.column || a->loc.offset + shift != b->loc.offset ||
                strcmp(a->detail, b->detail) != 0)
                fail_msg("boundary at sample byte %zu: event %zu (kind %d) differs: line %llu "
                         "column %llu offset %llu, want line %llu column %llu",
                         j, i, (int)b->kind, (unsigned long long)b->loc.line,
                         (unsigned long long)b->loc.column, (unsigned long long)b->loc.offset,
                         (unsigned long long)a->loc.line, (unsigned long long)a->loc.column);
        }
        for (int k = 1; k < 4; k++)
            assert_int_equal(info.eol_count[k], binfo.eol_count[k]);
        assert_int_equal(info.invalid_utf8, binfo.invalid_utf8);
        recorder_free(&rec);
    }
    recorder_free(&base);
}

/* --- random inputs ------------------------------------------------------------------------- */

static uint32_t next_random(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

/* Compare a run of the sample alone with a run of the same sample after a padding line. */
static void same_apart_from_shift(const struct recorder *a, const struct recorder *b,
                                  uint64_t shift, int round)
{
    /* b's padding row was cut at the cell limit: skip that event. */
    const struct rec_event *be = b->events;
    size_t nb = b->nevents;
    if (nb > 0 && be[0].kind == YK_EV_LIMIT && be[0].loc.row == 1)
        be++, nb--;
    if (a->nrows != b->nrows || a->nevents != nb)
        fail_msg("round %d: %zu rows %zu events, padded %zu rows %zu events", round, a->nrows,
                 a->nevents, b->nrows, nb);
    for (size_t i = 1; i < a->nrows; i++)
        if (a->rows[i].line != b->rows[i].line || a->rows[i].offset + shift != b->rows[i].offset ||
            strcmp(a->rows[i].text, b->rows[i].text) != 0 || a->rows[i].flags != b->rows[i].flags)
            fail_msg("round %d: row %zu differs", round, i + 1);
    for (size_t i = 0; i < a->nevents; i++)
        if (a->events[i].kind != be[i].kind || a->events[i].loc.line != be[i].loc.line ||
            a->events[i].loc.column != be[i].loc.column ||
            a->events[i].loc.offset + shift != be[i].loc.offset ||
            strcmp(a->events[i].detail, be[i].detail) != 0)
            fail_msg("round %d: event %zu differs", round, i);
}

/* Random bytes from the characters that matter to the loader: rows stay numbered from 1 with
 * lines and offsets in order, cells stay NUL-terminated, and a chunk boundary anywhere in the
 * sample changes nothing. */
static void random_inputs(void **state)
{
    (void)state;
    static const char *const alphabet[] = {",", ";", "\"", "\"", "\n", "\r", "\r\n", "a", " ",
                                           "ї", "€", "\xFF", "\xE2\x82", "\xD0", "'"};
    const size_t nalpha = sizeof alphabet / sizeof alphabet[0];
    uint32_t seed = 2024;
    char sample[256];
    char *padded = malloc(CHUNK + sizeof sample);
    assert_non_null(padded);
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.limits.max_cell_bytes = 8;
    opt.limits.max_columns = 5;
    opt.delimiter = ',';
    opt.quote = '"';
    opt.header = 0;
    for (int round = 0; round < 3000; round++) {
        size_t n = 2; /* a first line "p" stands for the padding line */
        sample[0] = 'p';
        sample[1] = '\n';
        size_t want = 3 + next_random(&seed) % 200;
        while (n < want) {
            const char *piece = alphabet[next_random(&seed) % nalpha];
            size_t len = strlen(piece);
            memcpy(sample + n, piece, len);
            n += len;
        }
        struct recorder a;
        struct yk_source_info info;
        struct yk_error err;
        memset(&a, 0, sizeof a);
        a.check_nul = true;
        assert_int_equal(recorder_load_memory(&a, sample, n, &opt, &info, &err), 0);
        assert_true(a.nul_ok);
        for (size_t i = 0; i < a.nrows; i++) {
            assert_int_equal(a.rows[i].number, i + 1);
            assert_true(a.rows[i].ncells <= opt.limits.max_columns);
            if (i > 0 && (a.rows[i].line <= a.rows[i - 1].line ||
                          a.rows[i].offset <= a.rows[i - 1].offset))
                fail_msg("round %d: row %zu out of order", round, i + 1);
        }
        if (round % 15 == 0) {
            /* The same sample with its byte j on the first byte of the second chunk. */
            size_t j = 2 + next_random(&seed) % (n - 2);
            size_t padlen = CHUNK - j + 2;
            memset(padded, 'p', padlen - 1);
            padded[padlen - 1] = '\n';
            memcpy(padded + padlen, sample + 2, n - 2);
            struct recorder b;
            memset(&b, 0, sizeof b);
            assert_int_equal(recorder_load_memory(&b, padded, padlen + n - 2, &opt, &info, &err),
                             0);
            same_apart_from_shift(&a, &b, padlen - 2, round);
            recorder_free(&b);
        }
        recorder_free(&a);
    }
    free(padded);
}

/* --- memory ---------------------------------------------------------------------------------- */

static long peak_rss_kib(void)
{
    struct rusage ru;
    assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
    return ru.ru_maxrss;
}

/* A quoted field left open over 64 MiB is cut at the cell limit while it is read: the loader's
 * memory does not follow the file. (Runs first, while the peak is still low.) */
static void memory_bounded(void **state)
{
    (void)state;
    char path[] = "/tmp/yakist-test-memory-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "a,b\n1,\"", 7), 7);
    size_t piece = 1u << 20;
    char *buf = malloc(piece);
    assert_non_null(buf);
    memset(buf, 'y', piece);
    for (int i = 0; i < 64; i++)
        assert_int_equal(write(fd, buf, piece), (ssize_t)piece);
    free(buf);
    close(fd);

    long before = peak_rss_kib();
    struct recorder rec;
    memset(&rec, 0, sizeof rec);
    struct yk_check_options opt;
    struct yk_source_info info;
    struct yk_error err;
    recorder_options(&opt);
    int rc = recorder_load_file(&rec, path, &opt, &info, &err);
    unlink(path);
    assert_int_equal(rc, 0);
    long grown = peak_rss_kib() - before;
    assert_true(grown < 24 * 1024);
    assert_int_equal(rec.nrows, 2);
    assert_int_equal(rec.rows[1].total_len, 1 + opt.limits.max_cell_bytes);
    assert_int_equal(recorder_count(&rec, YK_EV_QUOTE_UNCLOSED), 1);
    assert_int_equal(recorder_count(&rec, YK_EV_LIMIT), 1);
    recorder_free(&rec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(memory_bounded),
        cmocka_unit_test(memory_chunks),
        cmocka_unit_test(file_chunks),
        cmocka_unit_test(boundary_sweep),
        cmocka_unit_test(random_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
