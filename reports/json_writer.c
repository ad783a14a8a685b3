/* yakist — the JSON report: versioned, keys in a fixed order, two-space indentation, written
 * as a stream so memory does not depend on the number of files. The format is documented key
 * by key in docs/report-format.md; change both together and bump YK_REPORT_FORMAT_VERSION when
 * a key changes meaning or disappears. This file holds the writing primitives and the object of
 * one checked file, which the check report (json.c) and the audit result (audit_json.c) share. */
#include <assert.h>
#include <inttypes.h>
#include <string.h>

#include "json_writer.h"

/* A JSON string: valid UTF-8 passes through, the characters JSON reserves are escaped and
 * bytes that are not UTF-8 become U+FFFD, so the document is always well-formed. Runs of
 * characters that need nothing are written in one go (an audit writes millions of strings). */
static void put_string(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p), run = 0;
    fputc('"', out);
    while (run < n) {
        uint32_t cp = p[run];
        size_t len = cp < 0x80 ? 1 : yk_report_utf8_decode(p + run, n - run, &cp);
        bool plain = len > 1 || (len == 1 && cp >= 0x20 && cp != 0x7F && cp != '"' && cp != '\\');
        if (plain) {
            run += len;
            continue;
        }
        fwrite(p, 1, run, out);
        p += run;
        n -= run;
        run = 0;
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
        } else {
            fprintf(out, "\\u%04" PRIx32, cp);
        }
        p += len;
        n -= len;
    }
    fwrite(p, 1, run, out);
    fputc('"', out);
}

/* A line break and the indentation of the current depth (written often: no printf). */
static void newline(const struct yk_jw *w)
{
    static const char spaces[2 * YK_JW_MAX_DEPTH + 2] = "\n                                ";
    fwrite(spaces, 1, 1 + 2 * (size_t)w->depth, w->out);
}

static void put_u64(FILE *out, uint64_t v)
{
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    fwrite(buf + i, 1, sizeof buf - i, out);
}

/* Start a member (key may be NULL inside arrays and at the top). */
void yk_jw_member(struct yk_jw *w, const char *key)
{
    if (w->depth > 0) {
        if (!w->empty[w->depth])
            fputc(',', w->out);
        w->empty[w->depth] = false;
        newline(w);
    }
    if (key) {
        put_string(w->out, key);
        fputs(": ", w->out);
    }
}

void yk_jw_open(struct yk_jw *w, const char *key, char bracket)
{
    yk_jw_member(w, key);
    fputc(bracket, w->out);
    /* The nesting is fixed by this file, never by the input. */
    assert(w->depth + 1 < YK_JW_MAX_DEPTH);
    w->depth++;
    w->empty[w->depth] = true;
}

void yk_jw_close(struct yk_jw *w, char bracket)
{
    bool empty = w->empty[w->depth];
    w->depth--;
    if (!empty)
        newline(w);
    fputc(bracket, w->out);
}

void yk_jw_string(struct yk_jw *w, const char *key, const char *value)
{
    yk_jw_member(w, key);
    if (value)
        put_string(w->out, value);
    else
        fputs("null", w->out);
}

void yk_jw_u64(struct yk_jw *w, const char *key, uint64_t value)
{
    yk_jw_member(w, key);
    put_u64(w->out, value);
}

/* A position that is 0 when unknown. */
void yk_jw_pos(struct yk_jw *w, const char *key, uint64_t value)
{
    yk_jw_member(w, key);
    if (value > 0)
        put_u64(w->out, value);
    else
        fputs("null", w->out);
}

void yk_jw_bool(struct yk_jw *w, const char *key, bool value)
{
    yk_jw_member(w, key);
    fputs(value ? "true" : "false", w->out);
}

void yk_jw_null(struct yk_jw *w, const char *key)
{
    yk_jw_member(w, key);
    fputs("null", w->out);
}

/* Seconds with a fixed three decimals; the C locale is assumed (the CLI never changes it). */
void yk_jw_seconds(struct yk_jw *w, const char *key, double value)
{
    yk_jw_member(w, key);
    fprintf(w->out, "%.3f", value >= 0 && value < 1e12 ? value : 0.0);
}

/* One character as a string ("," "\t"), or null when there is none. */
static void jw_char(struct yk_jw *w, const char *key, char c)
{
    char s[2] = {c, 0};
    if (c)
        yk_jw_string(w, key, s);
    else
        yk_jw_null(w, key);
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

const char *yk_jw_severity(enum yk_severity sev)
{
    return sev == YK_SEV_OFF ? NULL : yk_severity_name(sev);
}

static void put_dialect(struct yk_jw *w, const struct yk_source_info *info)
{
    const struct yk_dialect *d = &info->dialect;
    yk_jw_open(w, "dialect", '{');
    jw_char(w, "delimiter", d->delimiter);
    jw_char(w, "quote", d->quote);
    yk_jw_bool(w, "header", d->header);
    yk_jw_pos(w, "headerRow", d->header ? d->header_row : 0);
    yk_jw_bool(w, "bom", info->bom);
    yk_jw_close(w, '}');
}

/* How the bytes reached the loader: what the content is, the container, the decoding. */
static void put_input(struct yk_jw *w, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    yk_jw_open(w, "input", '{');
    yk_jw_string(w, "contentFormat", in->content_format);
    yk_jw_string(w, "contentKind", in->content_format ? content_kind_name(in->content_kind) : NULL);
    yk_jw_string(w, "extension", in->extension);
    yk_jw_bool(w, "extensionMismatch", in->extension_mismatch);
    yk_jw_string(w, "container", in->container);
    yk_jw_string(w, "member", in->member);
    if (in->container)
        yk_jw_u64(w, "compressedBytes", in->compressed_bytes);
    else
        yk_jw_null(w, "compressedBytes");
    yk_jw_u64(w, "encodingConfidence", info->encoding_confidence);
    yk_jw_u64(w, "undecodable", in->undecodable);
    yk_jw_bool(w, "loaded", in->loaded);
    yk_jw_close(w, '}');
}

/* The structure file checked against, or null. */
static void put_schema(struct yk_jw *w, const struct yk_file_result *r)
{
    if (!r->schema) {
        yk_jw_null(w, "schema");
        return;
    }
    yk_jw_open(w, "schema", '{');
    yk_jw_string(w, "path", r->schema);
    yk_jw_bool(w, "discovered", r->schema_discovered);
    yk_jw_close(w, '}');
}

void yk_jw_counts(struct yk_jw *w, const struct yk_rule_count *counts, size_t n)
{
    yk_jw_open(w, "counts", '[');
    for (size_t i = 0; i < n; i++) {
        const struct yk_rule_count *c = &counts[i];
        yk_jw_open(w, NULL, '{');
        yk_jw_string(w, "rule", c->rule ? c->rule->id : NULL);
        yk_jw_string(w, "severity", yk_jw_severity(c->severity));
        yk_jw_u64(w, "count", c->count);
        yk_jw_u64(w, "kept", c->kept);
        yk_jw_close(w, '}');
    }
    yk_jw_close(w, ']');
}

void yk_jw_finding(struct yk_jw *w, const struct yk_finding *f, enum yk_lang lang)
{
    yk_jw_open(w, NULL, '{');
    yk_jw_string(w, "rule", f->rule ? f->rule->id : NULL);
    yk_jw_string(w, "type", f->rule ? f->rule->frictionless : NULL);
    yk_jw_string(w, "severity", yk_jw_severity(f->severity));
    yk_jw_pos(w, "rowNumber", f->loc.row);
    yk_jw_pos(w, "fieldNumber", f->loc.field);
    yk_jw_pos(w, "line", f->loc.line);
    yk_jw_pos(w, "column", f->loc.column);
    if (f->loc.offset == YK_NO_OFFSET)
        yk_jw_null(w, "offset");
    else
        yk_jw_u64(w, "offset", f->loc.offset);
    yk_jw_string(w, "message", yk_finding_message(f, lang));
    yk_jw_close(w, '}');
}

static void put_readable(struct yk_jw *w, const struct yk_report *rep,
                         const struct yk_file_result *r)
{
    yk_jw_string(w, "format", r->info.format);
    yk_jw_string(w, "encoding", r->info.encoding);
    put_input(w, &r->info);
    yk_jw_open(w, "stats", '{');
    yk_jw_u64(w, "rows", r->rows);
    yk_jw_u64(w, "columns", r->columns);
    yk_jw_u64(w, "bytes", r->info.bytes);
    yk_jw_seconds(w, "seconds", r->seconds);
    yk_jw_close(w, '}');
    put_dialect(w, &r->info);
    put_schema(w, r);
    yk_jw_string(w, "worst", yk_jw_severity(r->worst));
    yk_jw_u64(w, "total", r->total);
    yk_jw_counts(w, r->counts, r->ncounts);
    yk_jw_open(w, "findings", '[');
    if (!rep->opt->quiet)
        for (size_t i = 0; i < r->nfindings; i++)
            yk_jw_finding(w, &r->findings[i], rep->opt->lang);
    yk_jw_close(w, ']');
}

/* One checked file as an object: path, readable, valid against the gate, then the details or
 * the error. */
void yk_jw_file(struct yk_jw *w, const char *key, const struct yk_report *rep,
                const struct yk_file_result *r)
{
    bool valid = r->readable && yk_file_result_passes(r, rep->opt->fail_on);
    yk_jw_open(w, key, '{');
    yk_jw_string(w, "path", r->path);
    yk_jw_bool(w, "readable", r->readable);
    yk_jw_bool(w, "valid", valid);
    if (r->readable) {
        put_readable(w, rep, r);
    } else {
        yk_jw_open(w, "error", '{');
        yk_jw_string(w, "code", err_code_name(r->error.code));
        yk_jw_string(w, "type", err_type(r->error.code));
        yk_jw_string(w, "message", r->error.message);
        yk_jw_close(w, '}');
    }
    yk_jw_close(w, '}');
}
