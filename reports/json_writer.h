/* yakist — private to reports/: the JSON writing primitives every JSON document of yakist uses
 * (a pretty-printer that knows its nesting, so callers only name keys and values: two-space
 * indentation, one member per line, keys in the order they are written) and the pieces of the
 * check report that the audit result repeats. */
#ifndef YK_REPORTS_JSON_WRITER_H
#define YK_REPORTS_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "writers.h"

#define YK_JW_MAX_DEPTH 16 /* the nesting is fixed by the writers, never by the input */

struct yk_jw {
    FILE *out;
    int depth;
    bool empty[YK_JW_MAX_DEPTH]; /* nothing written yet in the container at this depth */
};

/* Start a member (key may be NULL inside arrays and at the top). */
void yk_jw_member(struct yk_jw *w, const char *key);
void yk_jw_open(struct yk_jw *w, const char *key, char bracket);
void yk_jw_close(struct yk_jw *w, char bracket);
/* value NULL writes null. */
void yk_jw_string(struct yk_jw *w, const char *key, const char *value);
void yk_jw_u64(struct yk_jw *w, const char *key, uint64_t value);
/* A position that is 0 when unknown: null then. */
void yk_jw_pos(struct yk_jw *w, const char *key, uint64_t value);
void yk_jw_bool(struct yk_jw *w, const char *key, bool value);
void yk_jw_null(struct yk_jw *w, const char *key);
/* Seconds with a fixed three decimals. */
void yk_jw_seconds(struct yk_jw *w, const char *key, double value);

/* "error", "warning", "info", or NULL for YK_SEV_OFF. */
const char *yk_jw_severity(enum yk_severity sev);

/* "counts": [{rule, severity, count, kept}] */
void yk_jw_counts(struct yk_jw *w, const struct yk_rule_count *counts, size_t n);

/* One finding: {rule, type, severity, rowNumber, fieldNumber, line, column, offset, message}. */
void yk_jw_finding(struct yk_jw *w, const struct yk_finding *f, enum yk_lang lang);

/* One checked file, as in the "files" array of the check report (key NULL inside an array). */
void yk_jw_file(struct yk_jw *w, const char *key, const struct yk_report *rep,
                const struct yk_file_result *r);

#endif
