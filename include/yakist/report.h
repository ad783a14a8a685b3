/* yakist — the report-writer interface. Every output format is one static writer descriptor
 * fed by the same result model; a writer writes to the stream it is given and never decides
 * exit codes. Later result kinds (audit, rating, card) get their own optional callbacks. */
#ifndef YAKIST_REPORT_H
#define YAKIST_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include <yakist/check.h>
#include <yakist/registry.h>

#ifdef __cplusplus
extern "C" {
#endif

#define YK_REPORT_FORMAT_VERSION "1.0"
#define YK_AUDIT_FORMAT_VERSION "1.0" /* the audit result (audit.json) */

enum yk_lang { YK_LANG_UK = 0, YK_LANG_EN };

struct yk_report_options {
    enum yk_lang lang;
    bool color;               /* ANSI colours (only ever true on a terminal) */
    bool quiet;               /* summaries only, no individual findings */
    enum yk_severity fail_on; /* the gate, so summaries can say passed/failed */
    const char *tool_version;
};

struct yk_profile;
struct yk_history_run;
struct yk_rating_entry;

struct yk_report {
    FILE *out; /* borrowed */
    const struct yk_report_options *opt;
    const struct yk_registry *registry;
    unsigned files; /* files written so far */
    void *state;    /* the writer's own */
    /* Optional context, borrowed; NULL (0) when not known. The profile of the run tells which
     * rules were turned off (the JUnit writer lists the rules that ran). For an audit, the runs
     * of its history, oldest quarter first, and the rating of its quarter with the change since
     * the quarter before (yk_report_use_history fills both), give trends and deltas. */
    const struct yk_profile *profile;
    const struct yk_history_run *history;
    size_t nhistory;
    const struct yk_rating_entry *rating;
    size_t nrating;
    const char *previous_quarter; /* the quarter the rating compares with, NULL: none */
};

struct yk_audit_result; /* defined by the audit interface */
struct yk_arena;
struct yk_error;

struct yk_report_writer {
    const char *name;        /* --format value */
    const char *description; /* one English line for --help */
    int (*begin)(struct yk_report *rep);
    int (*file)(struct yk_report *rep, const struct yk_file_result *result);
    /* Optional: a whole audit as one document, called on its own (without begin and end). */
    int (*audit)(struct yk_report *rep, const struct yk_audit_result *audit);
    int (*end)(struct yk_report *rep);
};

/* The writer for a format name, or NULL. */
const struct yk_report_writer *yk_report_writer_find(const char *name);
size_t yk_report_writer_count(void);
const struct yk_report_writer *yk_report_writer_at(size_t index);

/* The finding's message in the report's language. */
const char *yk_finding_message(const struct yk_finding *f, enum yk_lang lang);

/* Read the history file at path into rep (history, rating, previous_quarter) for an audit
 * report: every recorded run, and the rating of quarter ("YYYYQn"; NULL: the latest recorded).
 * Everything lives in arena. A missing file, or one without that quarter, leaves rep without
 * history and returns 0; an unreadable one returns YK_EIO or YK_EINVAL (err says why). */
int yk_report_use_history(struct yk_report *rep, const char *path, const char *quarter,
                          struct yk_arena *arena, struct yk_error *err);

/* The rating of an audit's publishers as CSV, with the columns of `yakist rating --format
 * csv` (RFC 4180, CRLF, formulas neutralised): from rep->rating when the history gave one,
 * else from the audit itself without previous scores. Returns 0 or a negative enum yk_err. */
int yk_report_rating_csv(struct yk_report *rep, const struct yk_audit_result *audit);

#ifdef __cplusplus
}
#endif
#endif
