/* yakist — the built-in report writers, private to the reports directory.
 * writers.c lists them in one table and holds the helpers they share. */
#ifndef YK_REPORTS_WRITERS_H
#define YK_REPORTS_WRITERS_H

#include <stddef.h>
#include <stdint.h>

#include <yakist/report.h>

extern const struct yk_report_writer yk_report_text;
extern const struct yk_report_writer yk_report_json;
extern const struct yk_report_writer yk_report_csv;
extern const struct yk_report_writer yk_report_markdown;
extern const struct yk_report_writer yk_report_html;
extern const struct yk_report_writer yk_report_sarif;
extern const struct yk_report_writer yk_report_junit;
extern const struct yk_report_writer yk_report_github;

/* Length of the well-formed UTF-8 sequence at s (n bytes available, n > 0) with its code point
 * in *cp, or 0 when the bytes there are not UTF-8 (overlong forms and surrogates included). */
size_t yk_report_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Findings of each severity in a result, from the exact per-rule counts; indexed by
 * enum yk_severity. */
void yk_report_severity_totals(const struct yk_file_result *result, uint64_t totals[4]);

/* Data ends up in messages, titles and names, so one line of a text report must stay one line
 * and must not carry escape sequences: write s with line breaks, tabs, other controls, DEL, C1
 * controls and bidirectional overrides as visible escapes, bytes that are not UTF-8 as \xFF. */
void yk_report_put_text(FILE *out, const char *s);

/* The audit result in each format (audit_text.c, audit_json.c): the writers' audit callbacks. */
struct yk_audit_result;
int yk_report_text_audit(struct yk_report *rep, const struct yk_audit_result *audit);
int yk_report_json_audit(struct yk_report *rep, const struct yk_audit_result *audit);

#endif
