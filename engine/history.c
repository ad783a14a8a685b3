/* yakist — the history file (SQLite): the versioned schema and its migrations, recording a
 * scored audit as the run of its quarter (replacing one in a single transaction), and reading
 * the runs and a quarter's rating back. WAL and a busy timeout let several runs share it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include <yakist/audit.h>
#include <yakist/history.h>
#include <yakist/version.h>

/* "yaki" in the file header, so a stranger's database is not taken for a history. */
#define APPLICATION_ID 0x79616B69

struct yk_history {
    sqlite3 *db;
    char *path;
    int schema;
};

/* --- the schema: migration N brings version N-1 to N; never edit one that shipped --------- */

static const char *const migrations[] = {
    /* 1: runs, per-publisher, per-dataset and per-rule results. */
    "PRAGMA application_id = 2036427625;"
    "CREATE TABLE run ("
    " id INTEGER PRIMARY KEY,"
    " quarter TEXT NOT NULL UNIQUE,"
    " as_of TEXT NOT NULL,"
    " profile TEXT NOT NULL,"
    " version TEXT NOT NULL,"
    " catalog_digest TEXT NOT NULL,"
    " council TEXT NOT NULL,"
    " recorded_at TEXT,"
    " datasets INTEGER NOT NULL, compliant INTEGER NOT NULL, compliant_pm INTEGER NOT NULL,"
    " on_time INTEGER NOT NULL, on_time_pm INTEGER NOT NULL,"
    " items_applicable INTEGER NOT NULL, items_covered INTEGER NOT NULL,"
    " coverage_pm INTEGER NOT NULL, extra_datasets INTEGER NOT NULL,"
    " scored INTEGER NOT NULL, score_pm INTEGER NOT NULL);"
    "CREATE TABLE publisher_result ("
    " run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " key TEXT NOT NULL, name TEXT NOT NULL,"
    " scored INTEGER NOT NULL, score_pm INTEGER NOT NULL,"
    " datasets INTEGER NOT NULL, compliant INTEGER NOT NULL,"
    " missing INTEGER NOT NULL, overdue INTEGER NOT NULL,"
    " PRIMARY KEY (run_id, position));"
    "CREATE INDEX publisher_result_key ON publisher_result (run_id, key);"
    "CREATE TABLE dataset_result ("
    " run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " key TEXT NOT NULL, title TEXT NOT NULL, publisher TEXT, item TEXT,"
    " published INTEGER NOT NULL, scored INTEGER NOT NULL, score_pm INTEGER NOT NULL,"
    " compliant INTEGER NOT NULL, overdue INTEGER NOT NULL, stars INTEGER NOT NULL,"
    " errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL,"
    " PRIMARY KEY (run_id, position));"
    "CREATE TABLE rule_count ("
    " run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
    " rule TEXT NOT NULL, severity TEXT NOT NULL, count INTEGER NOT NULL,"
    " PRIMARY KEY (run_id, rule));",
    /* 2: the score per dimension of the council, each publisher and each dataset; each
     * publisher's findings by severity (0 in runs recorded before); datasets by publisher. */
    "ALTER TABLE publisher_result ADD COLUMN errors INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE publisher_result ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE publisher_result ADD COLUMN infos INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE dimension_score ("
    " run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
    " scope TEXT NOT NULL CHECK (scope IN ('council', 'publisher', 'dataset')),"
    " position INTEGER NOT NULL,"
    " dimension TEXT NOT NULL, pm INTEGER NOT NULL,"
    " PRIMARY KEY (run_id, scope, position, dimension));"
    "CREATE INDEX dataset_result_publisher ON dataset_result (run_id, publisher);",
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(sizeof migrations / sizeof migrations[0] == YK_HISTORY_SCHEMA,
               "one migration per schema version");

/* --- small helpers -------------------------------------------------------------------------- */

static int db_fail(struct yk_history *h, struct yk_error *err, const char *what)
{
    return yk_error_set(err, YK_EIO, h->path, 0, 0, "%s: %s", what, sqlite3_errmsg(h->db));
}

static int exec(struct yk_history *h, const char *sql, struct yk_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(h->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return 0;
    int rc = yk_error_set(err, YK_EIO, h->path, 0, 0, "%s", msg ? msg : sqlite3_errmsg(h->db));
    sqlite3_free(msg);
    return rc;
}

/* Switching a new file to WAL needs a moment when no other connection is in it, and SQLite does
 * not always wait for that through the busy handler: retry while the busy timeout allows. */
static int set_wal(struct yk_history *h, struct yk_error *err)
{
    const struct timespec pause = {0, 10 * 1000 * 1000};
    for (int waited = 0; waited < YK_HISTORY_BUSY_MS; waited += 10) {
        int rc = sqlite3_exec(h->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) & 0xff;
        if (rc == SQLITE_OK)
            return 0;
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        nanosleep(&pause, NULL);
    }
    return exec(h, "PRAGMA journal_mode = WAL", err);
}

static void rollback(struct yk_history *h)
{
    sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Bind the parameters in order: 'i' an int64_t, 't' a text (NULL binds NULL). */
static int vbind(sqlite3_stmt *st, const char *types, va_list ap)
{
    int rc = sqlite3_reset(st) == SQLITE_OK ? SQLITE_OK : SQLITE_ERROR;
    for (int i = 0; types[i] && rc == SQLITE_OK; i++) {
        if (types[i] == 'i') {
            rc = sqlite3_bind_int64(st, i + 1, (sqlite3_int64)va_arg(ap, int64_t));
        } else {
            const char *s = va_arg(ap, const char *);
            rc = s ? sqlite3_bind_text(st, i + 1, s, -1, SQLITE_TRANSIENT)
                   : sqlite3_bind_null(st, i + 1);
        }
    }
    return rc;
}

static int bind(sqlite3_stmt *st, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = vbind(st, types, ap);
    va_end(ap);
    return rc;
}

/* Bind and run a statement that returns no rows. */
static int put(struct yk_history *h, sqlite3_stmt *st, struct yk_error *err, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = vbind(st, types, ap);
    va_end(ap);
    if (rc != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE)
        return db_fail(h, err, "cannot write");
    return 0;
}

static int64_t pragma_int(struct yk_history *h, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* --- opening and migrating ------------------------------------------------------------------ */

/* Inside the migration transaction: is this file ours (or empty), and at which version? */
static int current_version(struct yk_history *h, int *version, struct yk_error *err)
{
    int64_t v = pragma_int(h, "PRAGMA user_version");
    int64_t app = pragma_int(h, "PRAGMA application_id");
    int64_t tables = pragma_int(h, "SELECT count(*) FROM sqlite_master");
    if (v < 0 || app < 0 || tables < 0)
        return db_fail(h, err, "cannot read the schema");
    if ((v == 0 && tables > 0) || (v > 0 && app != APPLICATION_ID))
        return yk_error_set(err, YK_EINVAL, h->path, 0, 0, "not a yakist history file");
    if (v > YK_HISTORY_SCHEMA)
        return yk_error_set(err, YK_EINVAL, h->path, 0, 0,
                            "history schema %d is newer than this yakist reads (%d)", (int)v,
                            YK_HISTORY_SCHEMA);
    *version = (int)v;
    return 0;
}

static int migrate(struct yk_history *h, struct yk_error *err)
{
    int version = 0, rc;
    char sql[64];
    /* Up to date: no write lock, so readers never wait for each other. */
    if (pragma_int(h, "PRAGMA user_version") == NMIGRATIONS &&
        pragma_int(h, "PRAGMA application_id") == APPLICATION_ID) {
        h->schema = NMIGRATIONS;
        return 0;
    }
    if ((rc = exec(h, "BEGIN IMMEDIATE", err)) < 0)
        return rc;
    if ((rc = current_version(h, &version, err)) < 0)
        goto fail;
    for (int v = version + 1; v <= NMIGRATIONS; v++) {
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
        if ((rc = exec(h, migrations[v - 1], err)) < 0 || (rc = exec(h, sql, err)) < 0)
            goto fail;
    }
    if ((rc = exec(h, "COMMIT", err)) < 0)
        goto fail;
    h->schema = NMIGRATIONS;
    return 0;
fail:
    rollback(h);
    return rc;
}

void yk_history_close(struct yk_history *h)
{
    if (!h)
        return;
    sqlite3_close(h->db);
    free(h->path);
    free(h);
}

int yk_history_open(const char *path, bool create, struct yk_history **out, struct yk_error *err)
{
    struct stat st;
    if (!create && stat(path, &st) != 0)
        return yk_error_set(err, YK_ENOTFOUND, path, 0, 0, "no history file");
    struct yk_history *h = calloc(1, sizeof *h);
    if (!h || !(h->path = strdup(path))) {
        free(h);
        return yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
    }
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = 0;
    if (sqlite3_open_v2(path, &h->db, flags, NULL) != SQLITE_OK) {
        rc = h->db ? db_fail(h, err, "cannot open")
                   : yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
        goto fail;
    }
    sqlite3_busy_timeout(h->db, YK_HISTORY_BUSY_MS);
    if ((rc = set_wal(h, err)) < 0 ||
        (rc = exec(h, "PRAGMA foreign_keys = ON", err)) < 0 || (rc = migrate(h, err)) < 0)
        goto fail;
    *out = h;
    return 0;
fail:
    yk_history_close(h);
    return rc;
}

int yk_history_schema(const struct yk_history *h)
{
    return h->schema;
}

/* --- recording -------------------------------------------------------------------------------- */

enum stmt { S_RUN, S_PUBLISHER, S_DATASET, S_DIMENSION, S_RULE, S_COUNT };

static const char *const insert_sql[S_COUNT] = {
    ("INSERT INTO run (quarter, as_of, profile, version, catalog_digest, council, recorded_at,"
    " datasets, compliant, compliant_pm, on_time, on_time_pm, items_applicable, items_covered,"
    " coverage_pm, extra_datasets, scored, score_pm)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    ("INSERT INTO publisher_result (run_id, position, key, name, scored, score_pm, datasets,"
    " compliant, missing, overdue, errors, warnings, infos)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    ("INSERT INTO dataset_result (run_id, position, key, title, publisher, item, published,"
    " scored, score_pm, compliant, overdue, stars, errors, warnings, infos)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    ("INSERT INTO dimension_score (run_id, scope, position, dimension, pm)"
    " VALUES (?, ?, ?, ?, ?)"),
    "INSERT INTO rule_count (run_id, rule, severity, count) VALUES (?, ?, ?, ?)",
};

struct writer {
    struct yk_history *h;
    const struct yk_audit_result *res;
    const struct yk_history_record_options *opt;
    sqlite3_stmt *st[S_COUNT];
    int64_t run;
    struct yk_error *err;
};

static const char *publisher_key(const struct yk_publisher *p)
{
    return !p ? NULL : p->id ? p->id : p->name;
}

static const char *dataset_key(const struct yk_dataset *d)
{
    return d->id ? d->id : d->name ? d->name : "";
}

static int put_dimensions(struct writer *w, const char *scope, size_t position,
                          const struct yk_score *s)
{
    for (int d = 0; s->scored && d < YK_DIM_COUNT; d++) {
        int pm = yk_score_dim_pm(s, (enum yk_dimension)d);
        int rc = pm < 0
                     ? 0
                     : put(w->h, w->st[S_DIMENSION], w->err, "ititi", w->run, scope,
                           (int64_t)position, yk_dimension_name((enum yk_dimension)d), (int64_t)pm);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static void now_utc(char buf[32])
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
        buf[0] = 0;
}

static int put_run(struct writer *w, const char *quarter)
{
    const struct yk_audit_result *r = w->res;
    const struct yk_kpis *k = &r->kpis;
    char when[32] = "";
    if (w->opt->timestamps)
        now_utc(when);
    int rc = put(w->h, w->st[S_RUN], w->err, "tttttttiiiiiiiiiii", quarter, r->as_of,
                 w->opt->profile ? w->opt->profile : "default", yk_version(),
                 r->catalog && r->catalog->digest ? r->catalog->digest : "",
                 r->council && r->council->name ? r->council->name : "", when[0] ? when : NULL,
                 (int64_t)k->datasets, (int64_t)k->compliant, (int64_t)k->compliant_pm,
                 (int64_t)k->on_time, (int64_t)k->on_time_pm, (int64_t)k->items_applicable,
                 (int64_t)k->items_covered, (int64_t)k->coverage_pm, (int64_t)k->extra_datasets,
                 (int64_t)r->score.scored, (int64_t)r->score.pm);
    if (rc < 0)
        return rc;
    w->run = sqlite3_last_insert_rowid(w->h->db);
    return put_dimensions(w, "council", 0, &r->score);
}

/* Findings of a dataset, its resources' included, by severity. */
static void severities(const struct yk_dataset_result *d, int64_t by[4])
{
    memset(by, 0, 4 * sizeof *by);
    for (size_t i = 0; i < d->ncounts; i++)
        by[d->counts[i].severity & 3] += (int64_t)d->counts[i].count;
    for (size_t j = 0; d->resources && j < d->dataset->nresources; j++) {
        const struct yk_file_result *f = d->resources[j];
        for (size_t i = 0; f && i < f->ncounts; i++)
            by[f->counts[i].severity & 3] += (int64_t)f->counts[i].count;
    }
}

struct pub_ref {
    uintptr_t ptr;
    size_t index;
};

static int cmp_ref(const void *a, const void *b)
{
    uintptr_t x = ((const struct pub_ref *)a)->ptr, y = ((const struct pub_ref *)b)->ptr;
    return x < y ? -1 : x > y;
}

/* Findings by severity of each publisher's published datasets: by[4 * publisher + severity].
 * NULL when out of memory. */
static int64_t *publisher_findings(const struct yk_audit_result *res)
{
    size_t np = res->npublishers;
    int64_t *by = calloc(4 * (np ? np : 1), sizeof *by);
    struct pub_ref *idx = calloc(np ? np : 1, sizeof *idx);
    for (size_t i = 0; by && idx && i < np; i++)
        idx[i] = (struct pub_ref){(uintptr_t)res->publishers[i].publisher, i};
    if (by && idx)
        qsort(idx, np, sizeof *idx, cmp_ref);
    for (size_t i = 0; by && idx && i < res->ndatasets; i++) {
        const struct yk_dataset_result *d = &res->datasets[i];
        struct pub_ref key = {(uintptr_t)d->publisher, 0}, *hit;
        int64_t one[4];
        if (!d->published || !d->publisher || !(hit = bsearch(&key, idx, np, sizeof *idx, cmp_ref)))
            continue;
        severities(d, one);
        for (int k = 0; k < 4; k++)
            by[4 * hit->index + (size_t)k] += one[k];
    }
    free(idx);
    if (!idx) {
        free(by);
        return NULL;
    }
    return by;
}

static int put_publishers(struct writer *w)
{
    int64_t *by = publisher_findings(w->res);
    int rc = by ? 0 : yk_error_set(w->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; rc == 0 && i < w->res->npublishers; i++) {
        const struct yk_publisher_result *p = &w->res->publishers[i];
        const char *key = publisher_key(p->publisher);
        const int64_t *f = &by[4 * i];
        rc = put(w->h, w->st[S_PUBLISHER], w->err, "iittiiiiiiiii", w->run, (int64_t)i,
                 key ? key : "", p->publisher->name ? p->publisher->name : (key ? key : ""),
                 (int64_t)p->score.scored, (int64_t)p->score.pm, (int64_t)p->ndatasets,
                 (int64_t)p->ncompliant, (int64_t)p->nmissing, (int64_t)p->noverdue,
                 f[YK_SEV_ERROR], f[YK_SEV_WARNING], f[YK_SEV_INFO]);
        if (rc == 0)
            rc = put_dimensions(w, "publisher", i, &p->score);
    }
    free(by);
    return rc;
}

static int put_datasets(struct writer *w)
{
    size_t n = w->res->ndatasets;
    for (size_t i = 0; i < n; i++) {
        const struct yk_dataset_result *d = &w->res->datasets[i];
        int64_t by[4];
        severities(d, by);
        int rc = put(w->h, w->st[S_DATASET], w->err, "iitttiiiiiiiiii", w->run, (int64_t)i,
                     dataset_key(d->dataset), d->dataset->title ? d->dataset->title : "",
                     publisher_key(d->publisher), d->match.item ? d->match.item->key : NULL,
                     (int64_t)d->published, (int64_t)d->score.scored, (int64_t)d->score.pm,
                     (int64_t)d->compliant, (int64_t)d->overdue, (int64_t)d->stars,
                     by[YK_SEV_ERROR], by[YK_SEV_WARNING], by[YK_SEV_INFO]);
        if (rc < 0 || (rc = put_dimensions(w, "dataset", i, &d->score)) < 0)
            return rc;
        if (w->opt->progress)
            w->opt->progress(w->opt->progress_ctx, i + 1, n);
    }
    return 0;
}

static int put_rules(struct writer *w)
{
    for (size_t i = 0; i < w->res->ncounts; i++) {
        const struct yk_rule_count *c = &w->res->counts[i];
        int rc = put(w->h, w->st[S_RULE], w->err, "itti", w->run, c->rule->id,
                     yk_severity_name(c->severity), (int64_t)c->count);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int replace_quarter(struct writer *w, const char *quarter)
{
    static const char *const drop[] = {
        "DELETE FROM dimension_score WHERE run_id IN (SELECT id FROM run WHERE quarter = ?)",
        "DELETE FROM rule_count WHERE run_id IN (SELECT id FROM run WHERE quarter = ?)",
        "DELETE FROM dataset_result WHERE run_id IN (SELECT id FROM run WHERE quarter = ?)",
        "DELETE FROM publisher_result WHERE run_id IN (SELECT id FROM run WHERE quarter = ?)",
        "DELETE FROM run WHERE quarter = ?",
    };
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) {
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(w->h->db, drop[i], -1, &st, NULL) == SQLITE_OK
                     ? put(w->h, st, w->err, "t", quarter)
                     : db_fail(w->h, w->err, "cannot prepare");
        sqlite3_finalize(st);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static bool valid_quarter(const char *q)
{
    return q && strlen(q) == 6 && q[0] >= '0' && q[0] <= '9' && q[1] >= '0' && q[1] <= '9' &&
           q[2] >= '0' && q[2] <= '9' && q[3] >= '0' && q[3] <= '9' && q[4] == 'Q' && q[5] >= '1' &&
           q[5] <= '4';
}

int yk_history_record(struct yk_history *h, const struct yk_audit_result *res,
                      const struct yk_history_record_options *opt, struct yk_error *err)
{
    static const struct yk_history_record_options none = {0};
    struct writer w = {.h = h, .res = res, .opt = opt ? opt : &none, .err = err};
    char quarter[7];
    int rc = 0;
    if (w.opt->quarter) {
        if (!valid_quarter(w.opt->quarter))
            return yk_error_set(err, YK_EINVAL, NULL, 0, 0,
                                "quarter: \"%s\" is not of the form 2025Q3", w.opt->quarter);
        memcpy(quarter, w.opt->quarter, sizeof quarter);
    } else if (yk_quarter_of(res->as_of, quarter) < 0) {
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "as-of: \"%s\" is not a date",
                            res->as_of ? res->as_of : "");
    }
    for (int i = 0; i < S_COUNT; i++)
        if (sqlite3_prepare_v2(h->db, insert_sql[i], -1, &w.st[i], NULL) != SQLITE_OK) {
            rc = db_fail(h, err, "cannot prepare");
            goto done;
        }
    if ((rc = exec(h, "BEGIN IMMEDIATE", err)) < 0)
        goto done;
    if ((rc = replace_quarter(&w, quarter)) < 0 || (rc = put_run(&w, quarter)) < 0 ||
        (rc = put_publishers(&w)) < 0 || (rc = put_datasets(&w)) < 0 || (rc = put_rules(&w)) < 0 ||
        (rc = exec(h, "COMMIT", err)) < 0)
        rollback(h);
done:
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(w.st[i]);
    return rc;
}

/* --- reading ---------------------------------------------------------------------------------- */

static const char *col_text(sqlite3_stmt *st, int i, struct yk_arena *arena, bool *oom)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    if (!s)
        return NULL;
    char *copy = yk_arena_strdup(arena, (const char *)s);
    *oom |= copy == NULL;
    return copy;
}

static size_t col_size(sqlite3_stmt *st, int i)
{
    sqlite3_int64 v = sqlite3_column_int64(st, i);
    return v < 0 ? 0 : (size_t)v;
}

static unsigned col_pm(sqlite3_stmt *st, int i)
{
    sqlite3_int64 v = sqlite3_column_int64(st, i);
    return v < 0 ? 0u : v > 1000 ? 1000u : (unsigned)v;
}

#define RUN_COLUMNS                                                                                \
    "quarter, as_of, profile, version, catalog_digest, council, recorded_at, datasets,"            \
    " compliant, on_time, extra_datasets, items_applicable, items_covered, compliant_pm,"          \
    " coverage_pm, on_time_pm, score_pm, scored, id"

static bool read_run(sqlite3_stmt *st, struct yk_arena *arena, struct yk_history_run *r)
{
    bool oom = false;
    *r = (struct yk_history_run){
        .quarter = col_text(st, 0, arena, &oom),
        .as_of = col_text(st, 1, arena, &oom),
        .profile = col_text(st, 2, arena, &oom),
        .version = col_text(st, 3, arena, &oom),
        .catalog_digest = col_text(st, 4, arena, &oom),
        .council = col_text(st, 5, arena, &oom),
        .recorded_at = col_text(st, 6, arena, &oom),
        .datasets = col_size(st, 7),
        .compliant = col_size(st, 8),
        .on_time = col_size(st, 9),
        .extra_datasets = col_size(st, 10),
        .items_applicable = col_size(st, 11),
        .items_covered = col_size(st, 12),
        .compliant_pm = col_pm(st, 13),
        .coverage_pm = col_pm(st, 14),
        .on_time_pm = col_pm(st, 15),
        .score_pm = col_pm(st, 16),
        .scored = sqlite3_column_int(st, 17) != 0,
    };
    return !oom;
}

int yk_history_runs(struct yk_history *h, struct yk_arena *arena, struct yk_history_run **out,
                    size_t *n, struct yk_error *err)
{
    /* One read transaction, so the count holds for the rows. */
    int rc = exec(h, "BEGIN", err);
    if (rc < 0)
        return rc;
    int64_t count = pragma_int(h, "SELECT count(*) FROM run");
    sqlite3_stmt *st = NULL;
    if (count < 0 || sqlite3_prepare_v2(h->db, "SELECT " RUN_COLUMNS " FROM run ORDER BY quarter",
                                        -1, &st, NULL) != SQLITE_OK) {
        rollback(h);
        return db_fail(h, err, "cannot read the runs");
    }
    struct yk_history_run *runs = yk_arena_calloc(arena, count ? (size_t)count : 1, sizeof *runs);
    size_t got = 0;
    rc = runs ? 0 : yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    while (rc == 0 && got < (size_t)count && sqlite3_step(st) == SQLITE_ROW)
        if (!read_run(st, arena, &runs[got++]))
            rc = yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    sqlite3_finalize(st);
    rollback(h);
    if (rc == 0) {
        *out = runs;
        *n = got;
    }
    return rc;
}

/* The run of quarter (NULL: the latest) and the one recorded before it. */
static int find_runs(struct yk_history *h, const char *quarter, struct yk_arena *arena,
                     struct yk_history_rating *out, int64_t *id, int64_t *prev,
                     struct yk_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *sql = quarter ? "SELECT " RUN_COLUMNS " FROM run WHERE quarter = ?"
                              : "SELECT " RUN_COLUMNS " FROM run ORDER BY quarter DESC LIMIT 1";
    if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK ||
        (quarter && bind(st, "t", quarter) != SQLITE_OK))
        goto db;
    int step = sqlite3_step(st);
    if (step == SQLITE_DONE) {
        sqlite3_finalize(st);
        return quarter ? yk_error_set(err, YK_ENOTFOUND, h->path, 0, 0,
                                      "no run recorded for quarter %s", quarter)
                       : yk_error_set(err, YK_ENOTFOUND, h->path, 0, 0, "no run recorded yet");
    }
    if (step != SQLITE_ROW)
        goto db;
    if (!read_run(st, arena, &out->run)) {
        sqlite3_finalize(st);
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *id = sqlite3_column_int64(st, 18);
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(h->db,
                           "SELECT id, quarter FROM run WHERE quarter < ? ORDER BY quarter DESC"
                           " LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK ||
        bind(st, "t", out->run.quarter) != SQLITE_OK)
        goto db;
    step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        bool oom = false;
        *prev = sqlite3_column_int64(st, 0);
        out->previous = col_text(st, 1, arena, &oom);
        if (oom) {
            sqlite3_finalize(st);
            return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
        }
    } else if (step != SQLITE_DONE) {
        goto db;
    }
    sqlite3_finalize(st);
    return 0;
db:
    sqlite3_finalize(st);
    return db_fail(h, err, "cannot read the runs");
}

static unsigned share_pm(size_t part, size_t whole)
{
    return whole ? (unsigned)((uint64_t)part * 1000u / whole) : 1000u;
}

static int read_entries(struct yk_history *h, int64_t id, int64_t prev, struct yk_arena *arena,
                        struct yk_history_rating *out, struct yk_error *err)
{
    static const char sql[] =
        "SELECT key, name, scored, score_pm, datasets, compliant, missing, overdue,"
        " (SELECT q.score_pm FROM publisher_result q WHERE q.run_id = ? AND q.key = p.key"
        "  AND q.scored ORDER BY q.position LIMIT 1)"
        " FROM publisher_result p WHERE p.run_id = ? ORDER BY p.position";
    int64_t count = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(h->db, "SELECT count(*) FROM publisher_result WHERE run_id = ?", -1, &st,
                           NULL) != SQLITE_OK ||
        bind(st, "i", id) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
        goto db;
    count = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    st = NULL;
    out->entries = yk_arena_calloc(arena, count > 0 ? (size_t)count : 1, sizeof *out->entries);
    if (!out->entries)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK ||
        bind(st, "ii", prev, id) != SQLITE_OK)
        goto db;
    bool oom = false;
    int step;
    while (out->n < (size_t)count && (step = sqlite3_step(st)) == SQLITE_ROW) {
        struct yk_rating_entry *e = &out->entries[out->n++];
        *e = (struct yk_rating_entry){
            .key = col_text(st, 0, arena, &oom),
            .name = col_text(st, 1, arena, &oom),
            .scored = sqlite3_column_int(st, 2) != 0,
            .score_pm = col_pm(st, 3),
            .datasets = col_size(st, 4),
            .compliant = col_size(st, 5),
            .missing = col_size(st, 6),
            .overdue = col_size(st, 7),
            .has_previous = sqlite3_column_type(st, 8) != SQLITE_NULL,
            .previous_pm = col_pm(st, 8),
        };
        e->compliant_pm = share_pm(e->compliant, e->datasets);
        e->has_previous &= e->scored;
        e->delta_pm = e->has_previous ? (int)e->score_pm - (int)e->previous_pm : 0;
    }
    sqlite3_finalize(st);
    if (oom)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    yk_rating_sort(out->entries, out->n);
    return 0;
db:
    sqlite3_finalize(st);
    return db_fail(h, err, "cannot read the rating");
}

int yk_history_rating(struct yk_history *h, const char *quarter, struct yk_arena *arena,
                      struct yk_history_rating *out, struct yk_error *err)
{
    struct yk_history_rating r = {0};
    int64_t id = 0, prev = -1;
    int rc;
    if (quarter && !valid_quarter(quarter))
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "quarter: \"%s\" is not of the form 2025Q3",
                            quarter);
    /* One read transaction, so a writer cannot slip in between the queries. */
    if ((rc = exec(h, "BEGIN", err)) < 0)
        return rc;
    if ((rc = find_runs(h, quarter, arena, &r, &id, &prev, err)) == 0)
        rc = read_entries(h, id, prev, arena, &r, err);
    rollback(h);
    if (rc == 0)
        *out = r;
    return rc;
}
