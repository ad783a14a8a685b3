/* yakist — unit tests of the history file: schema creation and the migration of a version 1
 * file made by hand, recording and replacing a quarter, the rating with its changes, two
 * processes writing at once, and a writer killed halfway through a replacement. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include <yakist/yakist.h>

static char dir[256];

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/yakist-history.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A fresh path in the test folder: its own name per test. */
static const char *db_path(const char *name)
{
    static char path[400];
    snprintf(path, sizeof path, "%s/%s.db", dir, name);
    remove(path);
    return path;
}

/* --- a hand-built, scored audit result -------------------------------------------------------- */

static const struct yk_rule rule_a = {.id = "meta.title"};
static const struct yk_rule rule_b = {.id = "file.blank_row"};

#define MAXP 4

struct fake {
    struct yk_audit_result res;
    struct yk_catalog cat;
    struct yk_council co;
    struct yk_dataset *ds;
    struct yk_dataset_result *drs;
    char (*ids)[24];
    struct yk_publisher pubs[MAXP];
    struct yk_publisher_result prs[MAXP];
    struct yk_rule_count counts[2];
    struct yk_rule_count dcounts[2];
};

static void score_set(struct yk_score *s, unsigned pm)
{
    memset(s, 0, sizeof *s);
    s->scored = true;
    s->pm = pm;
    s->earned = pm;
    s->possible = 1000;
    s->dim_earned[YK_DIM_METADATA] = pm;
    s->dim_possible[YK_DIM_METADATA] = 1000;
    s->members = 1;
}

/* n datasets spread over the publishers; pm[i] the score of publisher i (0: not scored). */
static void fake_init(struct fake *f, const char *as_of, size_t n, const unsigned pm[MAXP],
                      unsigned council_pm)
{
    static const char *const keys[MAXP] = {"finance", "education", "water", "archive"};
    static const char *const names[MAXP] = {"Фінансове управління", "Управління освіти",
                                            "КП «Водоканал»", "Архівний відділ"};
    memset(f, 0, sizeof *f);
    f->ds = calloc(n ? n : 1, sizeof *f->ds);
    f->drs = calloc(n ? n : 1, sizeof *f->drs);
    f->ids = calloc(n ? n : 1, sizeof *f->ids);
    assert_non_null(f->ds);
    assert_non_null(f->drs);
    assert_non_null(f->ids);
    for (int i = 0; i < MAXP; i++) {
        f->pubs[i] = (struct yk_publisher){.id = keys[i], .name = names[i]};
        f->prs[i].publisher = &f->pubs[i];
        if (pm[i])
            score_set(&f->prs[i].score, pm[i]);
    }
    f->dcounts[0] = (struct yk_rule_count){&rule_a, YK_SEV_ERROR, 2, 2};
    f->dcounts[1] = (struct yk_rule_count){&rule_b, YK_SEV_WARNING, 5, 5};
    for (size_t i = 0; i < n; i++) {
        snprintf(f->ids[i], sizeof f->ids[i], "dataset-%zu", i);
        f->ds[i].id = f->ids[i];
        f->ds[i].title = "Набір даних";
        struct yk_dataset_result *d = &f->drs[i];
        d->dataset = &f->ds[i];
        d->publisher = &f->pubs[i % 3];
        d->published = true;
        d->compliant = i % 2 == 0;
        d->stars = 3;
        d->counts = f->dcounts;
        d->ncounts = 2;
        score_set(&d->score, (unsigned)(500 + i % 500));
        f->prs[i % 3].ndatasets++;
        f->prs[i % 3].ncompliant += d->compliant;
    }
    f->counts[0] = (struct yk_rule_count){&rule_a, YK_SEV_ERROR, 2 * n, 2 * n};
    f->counts[1] = (struct yk_rule_count){&rule_b, YK_SEV_WARNING, 5 * n, 5 * n};
    f->cat.digest = "0123456789abcdef";
    f->co.name = "Чортківська міська рада";
    f->res = (struct yk_audit_result){
        .as_of = as_of,
        .catalog = &f->cat,
        .council = &f->co,
        .datasets = f->drs,
        .ndatasets = n,
        .publishers = f->prs,
        .npublishers = MAXP,
        .counts = f->counts,
        .ncounts = 2,
    };
    f->res.kpis.datasets = n;
    f->res.kpis.compliant = (n + 1) / 2;
    f->res.kpis.compliant_pm = n ? (unsigned)(f->res.kpis.compliant * 1000 / n) : 1000;
    f->res.kpis.coverage_pm = 420;
    score_set(&f->res.score, council_pm);
    f->res.kpis.score_pm = council_pm;
}

static void fake_fini(struct fake *f)
{
    free(f->ds);
    free(f->drs);
    free(f->ids);
}

static void record(const char *path, const struct yk_audit_result *res, const char *quarter)
{
    struct yk_history *h = NULL;
    struct yk_error err;
    struct yk_history_record_options opt = {.quarter = quarter, .profile = "test"};
    assert_int_equal(yk_history_open(path, true, &h, &err), 0);
    assert_int_equal(yk_history_record(h, res, &opt, &err), 0);
    yk_history_close(h);
}

static int64_t query_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void assert_intact(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* --- schema ------------------------------------------------------------------------------------
 */

static void creates_schema(void **state)
{
    (void)state;
    const char *path = db_path("create");
    struct yk_history *h = NULL;
    struct yk_error err;
    assert_int_equal(yk_history_open(path, false, &h, &err), YK_ENOTFOUND);
    assert_null(h);
    assert_int_equal(yk_history_open(path, true, &h, &err), 0);
    assert_int_equal(yk_history_schema(h), YK_HISTORY_SCHEMA);
    yk_history_close(h);
    yk_history_close(NULL);
    assert_int_equal(query_int(path, "PRAGMA user_version"), YK_HISTORY_SCHEMA);
    assert_int_equal(query_int(path, "PRAGMA application_id"), 0x79616B69);
    assert_int_equal(query_int(path, "SELECT count(*) FROM pragma_journal_mode"
                                     " WHERE journal_mode = 'wal'"),
                     1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                     " AND name IN ('run', 'publisher_result', 'dataset_result',"
                                     " 'rule_count', 'dimension_score')"),
                     5);
    /* Opening again changes nothing. */
    assert_int_equal(yk_history_open(path, false, &h, &err), 0);
    yk_history_close(h);
    assert_int_equal(query_int(path, "PRAGMA user_version"), YK_HISTORY_SCHEMA);
}

/* The version 1 schema as it shipped, written out here so the test does not depend on the
 * migrations it checks. */
static const char v1_schema[] =
    "PRAGMA application_id = 2036427625;"
    "CREATE TABLE run (id INTEGER PRIMARY KEY, quarter TEXT NOT NULL UNIQUE,"
    " as_of TEXT NOT NULL, profile TEXT NOT NULL, version TEXT NOT NULL,"
    " catalog_digest TEXT NOT NULL, council TEXT NOT NULL, recorded_at TEXT,"
    " datasets INTEGER NOT NULL, compliant INTEGER NOT NULL, compliant_pm INTEGER NOT NULL,"
    " on_time INTEGER NOT NULL, on_time_pm INTEGER NOT NULL,"
    " items_applicable INTEGER NOT NULL, items_covered INTEGER NOT NULL,"
    " coverage_pm INTEGER NOT NULL, extra_datasets INTEGER NOT NULL,"
    " scored INTEGER NOT NULL, score_pm INTEGER NOT NULL);"
    "CREATE TABLE publisher_result (run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL,"
    " scored INTEGER NOT NULL, score_pm INTEGER NOT NULL, datasets INTEGER NOT NULL,"
    " compliant INTEGER NOT NULL, missing INTEGER NOT NULL, overdue INTEGER NOT NULL,"
    " PRIMARY KEY (run_id, position));"
    "CREATE INDEX publisher_result_key ON publisher_result (run_id, key);"
    "CREATE TABLE dataset_result (run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL, publisher TEXT,"
    " item TEXT, published INTEGER NOT NULL, scored INTEGER NOT NULL,"
    " score_pm INTEGER NOT NULL, compliant INTEGER NOT NULL, overdue INTEGER NOT NULL,"
    " stars INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,"
    " infos INTEGER NOT NULL, PRIMARY KEY (run_id, position));"
    "CREATE TABLE rule_count (run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
    " rule TEXT NOT NULL, severity TEXT NOT NULL, count INTEGER NOT NULL,"
    " PRIMARY KEY (run_id, rule));"
    "INSERT INTO run VALUES (1, '2025Q1', '2025-04-01', 'default', '0.0.9', 'feedbeef', "
    " 'Чортківська міська рада', NULL, 30, 9, 300, 20, 666, 69, 25, 362, 1, 1, 310);"
    "INSERT INTO publisher_result VALUES (1, 0, 'finance', 'Фінансове управління', 1, 640,"
    " 4, 2, 0, 1);"
    "INSERT INTO publisher_result VALUES (1, 1, 'education', 'Управління освіти', 1, 900,"
    " 2, 2, 0, 0);"
    "INSERT INTO dataset_result VALUES (1, 0, 'budget', 'Бюджет', 'finance', 'local.49', 1, 1,"
    " 640, 0, 1, 3, 2, 1, 0);"
    "INSERT INTO rule_count VALUES (1, 'meta.title', 'error', 2);"
    "PRAGMA user_version = 1;";

static void migrates_v1(void **state)
{
    (void)state;
    const char *path = db_path("v1");
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, v1_schema, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(query_int(path, "PRAGMA user_version"), 1);

    struct yk_history *h = NULL;
    struct yk_error err;
    struct yk_arena *arena = yk_arena_create(0);
    assert_int_equal(yk_history_open(path, false, &h, &err), 0);
    assert_int_equal(yk_history_schema(h), YK_HISTORY_SCHEMA);
    struct yk_history_run *runs = NULL;
    size_t n = 0;
    assert_int_equal(yk_history_runs(h, arena, &runs, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_string_equal(runs[0].quarter, "2025Q1");
    assert_string_equal(runs[0].version, "0.0.9");
    assert_int_equal(runs[0].score_pm, 310);
    assert_int_equal(runs[0].datasets, 30);
    yk_history_close(h);
    assert_int_equal(query_int(path, "PRAGMA user_version"), YK_HISTORY_SCHEMA);
    assert_int_equal(query_int(path, "SELECT count(*) FROM dimension_score"), 0);
    assert_int_equal(query_int(path, "SELECT count(*) FROM dataset_result"), 1);
    /* Columns added by migration 2 read 0 in the old rows. */
    assert_int_equal(query_int(path, "SELECT count(*) FROM publisher_result WHERE errors = 0"
                                     " AND warnings = 0 AND infos = 0"),
                     2);

    /* The old quarter is the previous one of a new run. */
    struct fake f;
    static const unsigned pm[MAXP] = {700, 850, 0, 0};
    fake_init(&f, "2025-07-01", 6, pm, 500);
    record(path, &f.res, NULL);
    fake_fini(&f);
    struct yk_history_rating r;
    assert_int_equal(yk_history_open(path, false, &h, &err), 0);
    assert_int_equal(yk_history_rating(h, "2025Q2", arena, &r, &err), 0);
    assert_string_equal(r.previous, "2025Q1");
    assert_string_equal(r.entries[0].key, "education");
    assert_int_equal(r.entries[0].delta_pm, -50);
    assert_string_equal(r.entries[1].key, "finance");
    assert_int_equal(r.entries[1].delta_pm, 60);
    yk_history_close(h);
    yk_arena_destroy(arena);
    assert_intact(path);
}

static void rejects_strangers(void **state)
{
    (void)state;
    struct yk_history *h = NULL;
    struct yk_error err;
    const char *path = db_path("foreign");
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(yk_history_open(path, false, &h, &err), YK_EINVAL);
    assert_non_null(strstr(err.message, "not a yakist history"));
    assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_master"), 1); /* untouched */

    path = db_path("newer");
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "PRAGMA application_id = 2036427625; CREATE TABLE run (x);"
                                  "PRAGMA user_version = 99;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(yk_history_open(path, false, &h, &err), YK_EINVAL);
    assert_non_null(strstr(err.message, "newer"));

    path = db_path("text");
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("quarter,score\n2025Q3,71.3\n", fp);
    fclose(fp);
    assert_int_equal(yk_history_open(path, false, &h, &err), YK_EIO);
    assert_null(h);
}

/* --- recording ---------------------------------------------------------------------------------
 */

static void records_and_replaces(void **state)
{
    (void)state;
    const char *path = db_path("replace");
    struct fake f;
    static const unsigned pm1[MAXP] = {700, 500, 0, 0};
    fake_init(&f, "2025-10-01", 5, pm1, 600);
    record(path, &f.res, NULL);
    fake_fini(&f);
    assert_int_equal(query_int(path, "SELECT count(*) FROM run WHERE quarter = '2025Q3'"), 1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM dataset_result"), 5);
    assert_int_equal(query_int(path, "SELECT errors FROM dataset_result WHERE position = 0"), 2);
    assert_int_equal(query_int(path, "SELECT warnings FROM dataset_result WHERE position = 0"), 5);
    assert_int_equal(query_int(path, "SELECT count FROM rule_count WHERE rule = 'meta.title'"), 10);
    /* finance holds datasets 0 and 3: 2 errors and 5 warnings each */
    assert_int_equal(query_int(path, "SELECT errors FROM publisher_result WHERE key = 'finance'"),
                     4);
    assert_int_equal(query_int(path, "SELECT warnings FROM publisher_result WHERE key = 'finance'"),
                     10);
    assert_int_equal(query_int(path, "SELECT errors FROM publisher_result WHERE key = 'archive'"),
                     0);
    /* council + 2 scored publishers + 5 datasets, one dimension each */
    assert_int_equal(query_int(path, "SELECT count(*) FROM dimension_score"), 8);
    assert_int_equal(query_int(path, "SELECT count(*) FROM run WHERE recorded_at IS NULL"), 1);

    /* The same quarter again: replaced, not added. */
    static const unsigned pm2[MAXP] = {710, 520, 300, 0};
    fake_init(&f, "2025-09-30", 3, pm2, 650);
    record(path, &f.res, NULL);
    fake_fini(&f);
    assert_int_equal(query_int(path, "SELECT count(*) FROM run"), 1);
    assert_int_equal(query_int(path, "SELECT score_pm FROM run"), 650);
    assert_int_equal(query_int(path, "SELECT count(*) FROM dataset_result"), 3);
    assert_int_equal(query_int(path, "SELECT count(*) FROM publisher_result"), MAXP);
    assert_int_equal(query_int(path, "SELECT count(*) FROM dimension_score"), 7);
    assert_int_equal(query_int(path, "SELECT count FROM rule_count WHERE rule = 'meta.title'"), 6);

    /* Timestamps only when asked; a bad quarter is refused before anything is written. */
    struct yk_history *h = NULL;
    struct yk_error err;
    struct yk_history_record_options opt = {.quarter = "2025Q2", .timestamps = true};
    fake_init(&f, "2025-07-01", 1, pm2, 400);
    assert_int_equal(yk_history_open(path, false, &h, &err), 0);
    assert_int_equal(yk_history_record(h, &f.res, &opt, &err), 0);
    opt.quarter = "2025Q5";
    assert_int_equal(yk_history_record(h, &f.res, &opt, &err), YK_EINVAL);
    f.res.as_of = "1 October";
    assert_int_equal(yk_history_record(h, &f.res, NULL, &err), YK_EINVAL);
    yk_history_close(h);
    fake_fini(&f);
    assert_int_equal(query_int(path, "SELECT count(*) FROM run"), 2);
    assert_int_equal(query_int(path, "SELECT count(*) FROM run WHERE recorded_at LIKE '20%Z'"), 1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM run WHERE profile = 'default'"), 1);
    assert_intact(path);
}

static void rating_with_changes(void **state)
{
    (void)state;
    const char *path = db_path("rating");
    struct fake f;
    static const unsigned q2[MAXP] = {700, 500, 0, 0};
    static const unsigned q3[MAXP] = {750, 450, 900, 0};
    fake_init(&f, "2025-07-01", 4, q2, 550);
    record(path, &f.res, NULL);
    fake_fini(&f);
    fake_init(&f, "2025-10-01", 6, q3, 640);
    record(path, &f.res, NULL);
    fake_fini(&f);

    struct yk_history *h = NULL;
    struct yk_error err;
    struct yk_history_rating r;
    struct yk_arena *arena = yk_arena_create(0);
    assert_int_equal(yk_history_open(path, false, &h, &err), 0);
    assert_int_equal(yk_history_rating(h, NULL, arena, &r, &err), 0);
    assert_string_equal(r.run.quarter, "2025Q3");
    assert_string_equal(r.run.as_of, "2025-10-01");
    assert_string_equal(r.run.council, "Чортківська міська рада");
    assert_int_equal(r.run.score_pm, 640);
    assert_null(r.run.recorded_at);
    assert_string_equal(r.previous, "2025Q2");
    assert_int_equal(r.n, MAXP);
    assert_string_equal(r.entries[0].key, "water");
    assert_false(r.entries[0].has_previous); /* new */
    assert_string_equal(r.entries[1].key, "finance");
    assert_true(r.entries[1].has_previous);
    assert_int_equal(r.entries[1].previous_pm, 700);
    assert_int_equal(r.entries[1].delta_pm, 50);
    assert_string_equal(r.entries[2].key, "education");
    assert_int_equal(r.entries[2].delta_pm, -50);
    assert_string_equal(r.entries[3].key, "archive");
    assert_false(r.entries[3].scored);
    assert_int_equal(r.entries[3].rank, 4);
    assert_int_equal(r.entries[1].datasets, 2);
    assert_int_equal(r.entries[1].compliant, 1);
    assert_int_equal(r.entries[1].compliant_pm, 500);

    assert_int_equal(yk_history_rating(h, "2025Q2", arena, &r, &err), 0);
    assert_null(r.previous);
    assert_false(r.entries[0].has_previous);
    assert_int_equal(yk_history_rating(h, "2024Q1", arena, &r, &err), YK_ENOTFOUND);
    assert_non_null(strstr(err.message, "2024Q1"));
    assert_int_equal(yk_history_rating(h, "2024-Q1", arena, &r, &err), YK_EINVAL);

    struct yk_history_run *runs = NULL;
    size_t n = 0;
    assert_int_equal(yk_history_runs(h, arena, &runs, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(runs[0].quarter, "2025Q2");
    assert_string_equal(runs[1].quarter, "2025Q3");
    assert_string_equal(runs[1].catalog_digest, "0123456789abcdef");
    assert_string_equal(runs[1].profile, "test");
    assert_string_equal(runs[1].version, yk_version());
    yk_history_close(h);

    /* An empty history has no rating. */
    assert_int_equal(yk_history_open(db_path("empty"), true, &h, &err), 0);
    assert_int_equal(yk_history_rating(h, NULL, arena, &r, &err), YK_ENOTFOUND);
    assert_int_equal(yk_history_runs(h, arena, &runs, &n, &err), 0);
    assert_int_equal(n, 0);
    yk_history_close(h);
    yk_arena_destroy(arena);
}

/* --- processes ---------------------------------------------------------------------------------
 */

#define BIG 3000 /* datasets: enough for transactions that overlap */

/* In a child: record quarter `rounds` times; exit 0 when every one succeeded. */
static void writer(const char *path, const char *quarter, unsigned council_pm, int rounds)
{
    struct fake f;
    static const unsigned pm[MAXP] = {700, 500, 300, 0};
    fake_init(&f, "2025-10-01", BIG, pm, council_pm);
    struct yk_history_record_options opt = {.quarter = quarter};
    struct yk_error err;
    int failed = 0;
    for (int i = 0; i < rounds; i++) {
        struct yk_history *h = NULL;
        if (yk_history_open(path, true, &h, &err) < 0 ||
            yk_history_record(h, &f.res, &opt, &err) < 0) {
            fprintf(stderr, "writer %s: %s\n", quarter, err.message);
            failed = 1;
        }
        yk_history_close(h);
    }
    fake_fini(&f);
    _exit(failed);
}

static void concurrent_writers(void **state)
{
    (void)state;
    const char *p = db_path("concurrent");
    char path[400];
    snprintf(path, sizeof path, "%s", p);
    pid_t a = fork();
    assert_true(a >= 0);
    if (a == 0)
        writer(path, "2025Q2", 410, 8);
    pid_t b = fork();
    assert_true(b >= 0);
    if (b == 0)
        writer(path, "2025Q3", 420, 8);
    int sa = 0, sb = 0;
    assert_int_equal(waitpid(a, &sa, 0), a);
    assert_int_equal(waitpid(b, &sb, 0), b);
    assert_true(WIFEXITED(sa) && WEXITSTATUS(sa) == 0);
    assert_true(WIFEXITED(sb) && WEXITSTATUS(sb) == 0);
    assert_int_equal(query_int(path, "SELECT count(*) FROM run"), 2);
    assert_int_equal(query_int(path, "SELECT score_pm FROM run WHERE quarter = '2025Q2'"), 410);
    assert_int_equal(query_int(path, "SELECT score_pm FROM run WHERE quarter = '2025Q3'"), 420);
    assert_int_equal(query_int(path, "SELECT count(*) FROM dataset_result"), 2 * BIG);
    assert_intact(path);
}

static void die_halfway(void *ctx, size_t done, size_t total)
{
    (void)ctx;
    if (done == total / 2)
        raise(SIGKILL);
}

/* In a child: start recording quarter with BIG datasets and die halfway through. */
static void killed_writer(const char *path, const char *quarter)
{
    struct fake f;
    static const unsigned pm[MAXP] = {100, 100, 100, 100};
    fake_init(&f, "2025-10-01", BIG, pm, 111);
    struct yk_history_record_options opt = {.quarter = quarter, .progress = die_halfway};
    struct yk_history *h = NULL;
    struct yk_error err;
    if (yk_history_open(path, false, &h, &err) == 0)
        yk_history_record(h, &f.res, &opt, &err);
    _exit(3); /* not reached when the kill worked */
}

static void killed_halfway(void **state)
{
    (void)state;
    const char *p = db_path("killed");
    char path[400];
    snprintf(path, sizeof path, "%s", p);
    struct fake f;
    static const unsigned pm[MAXP] = {700, 500, 0, 0};
    fake_init(&f, "2025-10-01", 7, pm, 640);
    record(path, &f.res, NULL);
    fake_fini(&f);

    static const char *const quarters[] = {"2025Q3", "2025Q4"}; /* replaced; new */
    for (int i = 0; i < 2; i++) {
        pid_t c = fork();
        assert_true(c >= 0);
        if (c == 0)
            killed_writer(path, quarters[i]);
        int st = 0;
        assert_int_equal(waitpid(c, &st, 0), c);
        assert_true(WIFSIGNALED(st));
        assert_int_equal(WTERMSIG(st), SIGKILL);

        /* The file opens cleanly and holds exactly what it held before. */
        struct yk_history *h = NULL;
        struct yk_error err;
        struct yk_arena *arena = yk_arena_create(0);
        struct yk_history_rating r;
        assert_int_equal(yk_history_open(path, false, &h, &err), 0);
        assert_int_equal(yk_history_rating(h, NULL, arena, &r, &err), 0);
        assert_string_equal(r.run.quarter, "2025Q3");
        assert_int_equal(r.run.score_pm, 640);
        assert_int_equal(r.run.datasets, 7);
        assert_string_equal(r.entries[0].key, "finance");
        assert_int_equal(r.entries[0].score_pm, 700);
        yk_history_close(h);
        yk_arena_destroy(arena);
        assert_int_equal(query_int(path, "SELECT count(*) FROM run"), 1);
        assert_int_equal(query_int(path, "SELECT count(*) FROM dataset_result"), 7);
        assert_int_equal(query_int(path, "SELECT count(*) FROM publisher_result"), MAXP);
        assert_intact(path);
    }
    /* And the next writer is not locked out. */
    fake_init(&f, "2025-10-01", 2, pm, 650);
    record(path, &f.res, NULL);
    fake_fini(&f);
    assert_int_equal(query_int(path, "SELECT score_pm FROM run"), 650);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(creates_schema),      cmocka_unit_test(migrates_v1),
        cmocka_unit_test(rejects_strangers),   cmocka_unit_test(records_and_replaces),
        cmocka_unit_test(rating_with_changes), cmocka_unit_test(concurrent_writers),
        cmocka_unit_test(killed_halfway),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
