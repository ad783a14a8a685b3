/* yakist — the history of audits: one run per quarter in an SQLite file (per-dataset,
 * per-publisher and per-rule results), from which the quarterly rating and its changes are
 * read. The file is safe to share: WAL, a busy timeout, and every write one transaction, so a
 * run killed halfway leaves the previous state as it was. */
#ifndef YAKIST_HISTORY_H
#define YAKIST_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include <yakist/arena.h>
#include <yakist/error.h>
#include <yakist/score.h>

#ifdef __cplusplus
extern "C" {
#endif

struct yk_audit_result;
struct yk_history;

/* The schema this yakist writes (PRAGMA user_version); older files are migrated on open. */
#define YK_HISTORY_SCHEMA 2

/* How long a writer waits for another one before giving up, in milliseconds. */
#define YK_HISTORY_BUSY_MS 30000

/* Open a history file, creating it when create is true (else a missing file is YK_ENOTFOUND),
 * and bring its schema up to YK_HISTORY_SCHEMA, every missing migration in order in one
 * transaction. A file from a newer yakist, or one that is not a yakist history, is YK_EINVAL;
 * an SQLite failure is YK_EIO; err names the file. */
int yk_history_open(const char *path, bool create, struct yk_history **out, struct yk_error *err);

/* Close; accepts NULL. */
void yk_history_close(struct yk_history *history);

/* The schema version of the open file (YK_HISTORY_SCHEMA once opened). */
int yk_history_schema(const struct yk_history *history);

struct yk_history_record_options {
    const char *quarter; /* "YYYYQn"; NULL: yk_quarter_of(result->as_of) */
    const char *profile; /* the profile's name; NULL: "default" */
    bool timestamps;     /* record when the run was recorded (off: files compare equal) */
    /* Called after each dataset written; may be NULL. */
    void (*progress)(void *ctx, size_t done, size_t total);
    void *progress_ctx;
};

/* Record a scored audit (yk_audit_score has run) as the run of its quarter, replacing any run
 * of that quarter, all in one transaction: a failure or a killed process leaves the file as
 * it was. opt may be NULL. Returns 0, YK_EINVAL (a bad quarter), YK_EIO (SQLite; err says). */
int yk_history_record(struct yk_history *history, const struct yk_audit_result *result,
                      const struct yk_history_record_options *opt, struct yk_error *err);

/* One recorded run. */
struct yk_history_run {
    const char *quarter;
    const char *as_of;
    const char *profile;
    const char *version;        /* of yakist */
    const char *catalog_digest; /* "" when the catalog gave none */
    const char *council;        /* the council's name, "" when none */
    const char *recorded_at;    /* UTC, ISO 8601; NULL unless timestamps were asked for */
    size_t datasets, compliant, on_time, extra_datasets;
    size_t items_applicable, items_covered;
    unsigned compliant_pm, coverage_pm, on_time_pm, score_pm;
    bool scored; /* the council's score means something */
};

/* Every run, oldest quarter first, in arena. */
int yk_history_runs(struct yk_history *history, struct yk_arena *arena, struct yk_history_run **out,
                    size_t *n, struct yk_error *err);

/* A quarter's rating with the change since the quarter recorded before it. */
struct yk_history_rating {
    struct yk_history_run run;
    const char *previous;            /* the latest quarter recorded before it, NULL when none */
    struct yk_rating_entry *entries; /* sorted by yk_rating_sort */
    size_t n;
};

/* The rating of quarter ("YYYYQn"; NULL: the latest recorded), in arena. A quarter with no
 * run, or an empty history, is YK_ENOTFOUND. */
int yk_history_rating(struct yk_history *history, const char *quarter, struct yk_arena *arena,
                      struct yk_history_rating *out, struct yk_error *err);

#ifdef __cplusplus
}
#endif
#endif
