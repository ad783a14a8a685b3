/* yakist — the JSON report: versioned, keys in a fixed order, two-space indentation, written
 * as a stream so memory does not depend on the number of files. The format is documented key
 * by key in docs/report-format.md; change both together and bump YK_REPORT_FORMAT_VERSION when
 * a key changes meaning or disappears. */
#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "writers.h"

#define MAX_DEPTH 16

/* A pretty-printer for one JSON document: it knows the nesting depth and whether the current
 * container already holds a member, so callers only name keys and values. */
struct jw {
    FILE *out;
    int depth;
    bool empty[MAX_DEPTH]; /* nothing written yet in the container at this depth */
};

struct json_state {
    struct jw w;
    uint64_t passed, failed, unreadable;
};

/* A JSON string: valid UTF-8 passes through, the characters JSON reserves are escaped and
 * bytes that are not UTF-8 become U+FFFD, so the document is always well-formed. */
static void put_string(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p);
    fputc('"', out);
    while (n > 0) {
        uint32_t cp;
        size_t len = yk_report_utf8_decode(p, n, &cp);
        if (len == 0) {
            fputs("\xEF\xBF\xBD", out);
            len = 1;
        } else if (cp == '"' || cp == '\\') {
            fputc('\\', out);
            fputc((int)cp, out);
        } else if (cp == '\n') {
            fputs("\\n", out);
        } else if (cp == '\r') {
            fputs("\\r", out);
        } else if (cp == '\t') {
            fputs("\\t", out);
        } else if (cp == '\b') {
            fputs("\\b", out);
        } else if (cp == '\f') {
            fputs("\\f", out);
        } else if (cp < 0x20 || cp == 0x7F) {
            fprintf(out, "\\u%04" PRIx32, cp);
        } else {
            fwrite(p, 1, len, out);
        }
        p += len;
        n -= len;
    }
    fputc('"', out);
}

/* Start a member (key may be NULL inside arrays and at the top). */
static void jw_member(struct jw *w, const char *key)
{
    if (w->depth > 0) {
        if (!w->empty[w->depth])
            fputc(',', w->out);
        w->empty[w->depth] = false;
        fprintf(w->out, "\n%*s", 2 * w->depth, "");
    }
    if (key) {
        put_string(w->out, key);
        fputs(": ", w->out);
    }
}

static void jw_open(struct jw *w, const char *key, char bracket)
{
    jw_member(w, key);
    fputc(bracket, w->out);
    /* The nesting is fixed by this file, never by the input. */
    assert(w->depth + 1 < MAX_DEPTH);
    w->depth++;
    w->empty[w->depth] = true;
}

static void jw_close(struct jw *w, char bracket)
{
    bool empty = w->empty[w->depth];
    w->depth--;
    if (!empty)
        fprintf(w->out, "\n%*s", 2 * w->depth, "");
    fputc(bracket, w->out);
}

static void jw_string(struct jw *w, const char *key, const char *value)
{
    jw_member(w, key);
    if (value)
        put_string(w->out, value);
    else
        fputs("null", w->out);
}

static void jw_u64(struct jw *w, const char *key, uint64_t value)
{
    jw_member(w, key);
    fprintf(w->out, "%" PRIu64, value);
}

/* A position that is 0 when unknown. */
static void jw_pos(struct jw *w, const char *key, uint64_t value)
{
    jw_member(w, key);
    if (value > 0)
        fprintf(w->out, "%" PRIu64, value);
    else
        fputs("null", w->out);
}

static void jw_bool(struct jw *w, const char *key, bool value)
{
    jw_member(w, key);
    fputs(value ? "true" : "false", w->out);
}

static void jw_null(struct jw *w, const char *key)
{
    jw_member(w, key);
    fputs("null", w->out);
}

/* Seconds with a fixed three decimals; the C locale is assumed (the CLI never changes it). */
static void jw_seconds(struct jw *w, const char *key, double value)
{
    jw_member(w, key);
    fprintf(w->out, "%.3f", value >= 0 && value < 1e12 ? value : 0.0);
}

/* One character as a string ("," "\t"), or null when there is none. */
static void jw_char(struct jw *w, const char *key, char c)
{
    char s[2] = {c, 0};
    if (c)
        jw_string(w, key, s);
    else
        jw_null(w, key);
}

/* Stable machine names of the error codes, as the enum spells them. */
static const char *err_code_name(enum yk_err code)
{
    switch (code) {
    case YK_OK:
        return "OK";
    case YK_ENOMEM:
        return "ENOMEM";
    case YK_EIO:
        return "EIO";
    case YK_EPARSE:
        return "EPARSE";
    case YK_EINVAL:
        return "EINVAL";
    case YK_ELIMIT:
        return "ELIMIT";
    case YK_ENOTFOUND:
        return "ENOTFOUND";
    case YK_EUNSUPPORTED:
        return "EUNSUPPORTED";
    case YK_EINTERNAL:
        return "EINTERNAL";
    }
    return "EINTERNAL";
}

/* The Frictionless error type of a file that could not be read: a file that does not exist is
 * a scheme error (the location cannot be reached), one that exists but cannot be read is a
 * source error, a format no loader reads is a format error; yakist's own failures have none. */
static const char *err_type(enum yk_err code)
{
    switch (code) {
    case YK_ENOTFOUND:
        return "scheme-error";
    case YK_EIO:
    case YK_EPARSE:
    case YK_ELIMIT:
        return "source-error";
    case YK_EUNSUPPORTED:
        return "format-error";
    default:
        return NULL;
    }
}

static const char *content_kind_name(enum yk_content_kind kind)
{
    switch (kind) {
    case YK_CONTENT_TABLE:
        return "table";
    case YK_CONTENT_SPREADSHEET:
        return "spreadsheet";
    case YK_CONTENT_DOCUMENT:
        return "document";
    case YK_CONTENT_IMAGE:
        return "image";
    case YK_CONTENT_ARCHIVE:
        return "archive";
    case YK_CONTENT_BINARY:
        return "binary";
    }
    return NULL;
}

static const char *severity_or_null(enum yk_severity sev)
{
    return sev == YK_SEV_OFF ? NULL : yk_severity_name(sev);
}

static void put_dialect(struct jw *w, const struct yk_source_info *info)
{
    const struct yk_dialect *d = &info->dialect;
    jw_open(w, "dialect", '{');
    jw_char(w, "delimiter", d->delimiter);
    jw_char(w, "quote", d->quote);
    jw_bool(w, "header", d->header);
    jw_pos(w, "headerRow", d->header ? d->header_row : 0);
    jw_bool(w, "bom", info->bom);
    jw_close(w, '}');
}

/* How the bytes reached the loader: what the content is, the container, the decoding. */
static void put_input(struct jw *w, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    jw_open(w, "input", '{');
    jw_string(w, "contentFormat", in->content_format);
    jw_string(w, "contentKind", in->content_format ? content_kind_name(in->content_kind) : NULL);
    jw_string(w, "extension", in->extension);
    jw_bool(w, "extensionMismatch", in->extension_mismatch);
    jw_string(w, "container", in->container);
    jw_string(w, "member", in->member);
    if (in->container)
        jw_u64(w, "compressedBytes", in->compressed_bytes);
    else
        jw_null(w, "compressedBytes");
    jw_u64(w, "encodingConfidence", info->encoding_confidence);
    jw_u64(w, "undecodable", in->undecodable);
    jw_bool(w, "loaded", in->loaded);
    jw_close(w, '}');
}

/* The structure file checked against, or null. */
static void put_schema(struct jw *w, const struct yk_file_result *r)
{
    if (!r->schema) {
        jw_null(w, "schema");
        return;
    }
    jw_open(w, "schema", '{');
    jw_string(w, "path", r->schema);
    jw_bool(w, "discovered", r->schema_discovered);
    jw_close(w, '}');
}

static void put_counts(struct jw *w, const struct yk_file_result *r)
{
    jw_open(w, "counts", '[');
    for (size_t i = 0; i < r->ncounts; i++) {
        const struct yk_rule_count *c = &r->counts[i];
        jw_open(w, NULL, '{');
        jw_string(w, "rule", c->rule ? c->rule->id : NULL);
        jw_string(w, "severity", severity_or_null(c->severity));
        jw_u64(w, "count", c->count);
        jw_u64(w, "kept", c->kept);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static void put_finding(struct jw *w, const struct yk_finding *f, enum yk_lang lang)
{
    jw_open(w, NULL, '{');
    jw_string(w, "rule", f->rule ? f->rule->id : NULL);
    jw_string(w, "type", f->rule ? f->rule->frictionless : NULL);
    jw_string(w, "severity", severity_or_null(f->severity));
    jw_pos(w, "rowNumber", f->loc.row);
    jw_pos(w, "fieldNumber", f->loc.field);
    jw_pos(w, "line", f->loc.line);
    jw_pos(w, "column", f->loc.column);
    if (f->loc.offset == YK_NO_OFFSET)
        jw_null(w, "offset");
    else
        jw_u64(w, "offset", f->loc.offset);
    jw_string(w, "message", yk_finding_message(f, lang));
    jw_close(w, '}');
}

static void put_readable(struct jw *w, const struct yk_report *rep, const struct yk_file_result *r)
{
    jw_string(w, "format", r->info.format);
    jw_string(w, "encoding", r->info.encoding);
    put_input(w, &r->info);
    jw_open(w, "stats", '{');
    jw_u64(w, "rows", r->rows);
    jw_u64(w, "columns", r->columns);
    jw_u64(w, "bytes", r->info.bytes);
    jw_seconds(w, "seconds", r->seconds);
    jw_close(w, '}');
    put_dialect(w, &r->info);
    put_schema(w, r);
    jw_string(w, "worst", severity_or_null(r->worst));
    jw_u64(w, "total", r->total);
    put_counts(w, r);
    jw_open(w, "findings", '[');
    if (!rep->opt->quiet)
        for (size_t i = 0; i < r->nfindings; i++)
            put_finding(w, &r->findings[i], rep->opt->lang);
    jw_close(w, ']');
}

static int json_begin(struct yk_report *rep)
{
    struct json_state *st = calloc(1, sizeof *st);
    if (!st)
        return YK_ENOMEM;
    rep->state = st;
    st->w.out = rep->out;
    jw_open(&st->w, NULL, '{');
    jw_string(&st->w, "reportVersion", YK_REPORT_FORMAT_VERSION);
    jw_open(&st->w, "tool", '{');
    jw_string(&st->w, "name", "yakist");
    jw_string(&st->w, "version", rep->opt->tool_version);
    jw_close(&st->w, '}');
    jw_string(&st->w, "lang", rep->opt->lang == YK_LANG_EN ? "en" : "uk");
    jw_string(&st->w, "failOn", yk_severity_name(rep->opt->fail_on));
    jw_open(&st->w, "files", '[');
    return ferror(rep->out) ? YK_EIO : 0;
}

static int json_file(struct yk_report *rep, const struct yk_file_result *r)
{
    struct json_state *st = rep->state;
    struct jw *w = &st->w;
    bool valid = r->readable && yk_file_result_passes(r, rep->opt->fail_on);
    if (!r->readable)
        st->unreadable++;
    else if (valid)
        st->passed++;
    else
        st->failed++;
    jw_open(w, NULL, '{');
    jw_string(w, "path", r->path);
    jw_bool(w, "readable", r->readable);
    jw_bool(w, "valid", valid);
    if (r->readable) {
        put_readable(w, rep, r);
    } else {
        jw_open(w, "error", '{');
        jw_string(w, "code", err_code_name(r->error.code));
        jw_string(w, "type", err_type(r->error.code));
        jw_string(w, "message", r->error.message);
        jw_close(w, '}');
    }
    jw_close(w, '}');
    return ferror(rep->out) ? YK_EIO : 0;
}

static int json_end(struct yk_report *rep)
{
    struct json_state *st = rep->state;
    if (!st)
        return 0;
    struct jw *w = &st->w;
    jw_close(w, ']');
    jw_open(w, "summary", '{');
    jw_u64(w, "files", st->passed + st->failed + st->unreadable);
    jw_u64(w, "passed", st->passed);
    jw_u64(w, "failed", st->failed);
    jw_u64(w, "unreadable", st->unreadable);
    jw_close(w, '}');
    jw_close(w, '}');
    fputc('\n', rep->out);
    free(st);
    rep->state = NULL;
    return ferror(rep->out) ? YK_EIO : 0;
}

const struct yk_report_writer yk_report_json = {
    .name = "json",
    .description = "one versioned JSON document (docs/report-format.md)",
    .begin = json_begin,
    .file = json_file,
    .end = json_end,
};
