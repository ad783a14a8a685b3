/* yakist — unit tests of the audit runner on a tiny catalog written by the test: publishers
 * resolved, items matched and their states, resources checked in parallel (the same result
 * whatever the number of threads), dataset and catalog rules with exact counts and capped
 * examples, the setters, compliance, the KPIs, progress, and failures that stop the run. The
 * built-in families are turned off by a profile, so only the test's own rules speak. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <yakist/yakist.h>

/* --- the test's own rules ------------------------------------------------------------------- */

/* Each dataset: one finding per resource (capped by the limits), stars from the number of
 * resources, overdue when the title says so; a failure on demand. */
static int per_resource(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_ctx_audit(ctx);
    if (!env || !env->current || env->current->dataset != d || !env->as_of)
        return YK_EINTERNAL;
    if (d->title && strstr(d->title, "FAIL"))
        return YK_EINVAL;
    for (size_t i = 0; i < d->nresources; i++)
        if (yk_emit(ctx, NULL, "ресурс %zu", "resource %zu", i + 1) < 0)
            return YK_ENOMEM;
    yk_ctx_set_stars(ctx, (unsigned)d->nresources + 4); /* clipped to 5 */
    yk_ctx_set_overdue(ctx, d->title && strstr(d->title, "старий") != NULL);
    return 0;
}

/* An error that breaks compliance for datasets whose slug starts with "bad". */
static int bad_slug(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (d->name && strncmp(d->name, "bad", 3) == 0)
        return yk_emit(ctx, NULL, "поганий", "bad");
    return 0;
}

/* A warning for every dataset: never breaks compliance. */
static int always_warn(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    (void)d;
    return yk_emit(ctx, NULL, "увага", "note");
}

/* Once: how many items are missing, and the setters refuse outside a dataset. */
static int missing_items(struct yk_rule_ctx *ctx, const struct yk_catalog *c)
{
    const struct yk_audit_env *env = yk_ctx_audit(ctx);
    if (!env || env->current || env->catalog != c || !env->audit)
        return YK_EINTERNAL;
    if (yk_ctx_set_stars(ctx, 3) != YK_EINVAL || yk_ctx_set_overdue(ctx, true) != YK_EINVAL)
        return YK_EINTERNAL;
    for (size_t i = 0; i < env->audit->nitems; i++)
        if (env->audit->items[i].state == YK_ITEM_MISSING &&
            yk_emit(ctx, NULL, "бракує %s", "missing %s", env->audit->items[i].item->key) < 0)
            return YK_ENOMEM;
    return 0;
}

/* A resource rule: an error in a file whose name holds "bad"; outside an audit's scopes. */
static int bad_file(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    if (yk_ctx_audit(ctx) || yk_ctx_set_stars(ctx, 1) != YK_EINVAL)
        return YK_EINTERNAL;
    if (info->path && strstr(info->path, "bad"))
        return yk_emit(ctx, NULL, "поганий файл", "bad file");
    return 0;
}

static const struct yk_rule rule_per_resource = {.id = "t.per_resource",
                                                 .title_uk = "т",
                                                 .title_en = "t",
                                                 .scope = YK_SCOPE_DATASET,
                                                 .severity = YK_SEV_INFO,
                                                 .on_dataset = per_resource};
static const struct yk_rule rule_bad_slug = {.id = "t.bad_slug",
                                             .title_uk = "т",
                                             .title_en = "t",
                                             .scope = YK_SCOPE_DATASET,
                                             .severity = YK_SEV_ERROR,
                                             .compliance = true,
                                             .on_dataset = bad_slug};
static const struct yk_rule rule_always_warn = {.id = "t.always_warn",
                                                .title_uk = "т",
                                                .title_en = "t",
                                                .scope = YK_SCOPE_DATASET,
                                                .severity = YK_SEV_WARNING,
                                                .compliance = true,
                                                .on_dataset = always_warn};
static const struct yk_rule rule_missing = {.id = "t.missing",
                                            .title_uk = "т",
                                            .title_en = "t",
                                            .scope = YK_SCOPE_CATALOG,
                                            .severity = YK_SEV_ERROR,
                                            .compliance = true,
                                            .on_catalog = missing_items};
static const struct yk_rule rule_bad_file = {.id = "t.bad_file",
                                             .title_uk = "т",
                                             .title_en = "t",
                                             .scope = YK_SCOPE_RESOURCE,
                                             .severity = YK_SEV_ERROR,
                                             .compliance = true,
                                             .on_finish = bad_file};
static const struct yk_rule *const test_rules[] = {
    &rule_per_resource, &rule_bad_slug, &rule_always_warn, &rule_missing, &rule_bad_file};
static const struct yk_family test_family = {
    .name = "t", .title_uk = "тест", .title_en = "test", .rules = test_rules, .nrules = 5};

/* --- the catalog ---------------------------------------------------------------------------- */

static const char catalog_json[] =
    "{\"success\": true, \"result\": {\"count\": 7, \"results\": [\n"
    " {\"id\": \"a1\", \"name\": \"rozklad\", \"title\": \"Розклад руху громадського транспорту\","
    "  \"organization\": {\"title\": \"Відділ транспорту\"},"
    "  \"resources\": [{\"id\": \"r1\", \"format\": \"CSV\", \"url\": \"data/a.csv\"},"
    "                 {\"id\": \"r2\", \"format\": \"CSV\", \"url\": \"data/b.csv\"},"
    "                 {\"id\": \"r3\", \"format\": \"CSV\", \"url\": \"data/c.csv\"}]},\n"
    " {\"id\": \"a2\", \"name\": \"bad-vidkhody\", \"title\": \"2.49. Комунальні об’єкти "
    "управління відходами старий\","
    "  \"organization\": {\"title\": \"Інша назва\", \"edrpou\": \"03353845\"},"
    "  \"resources\": [{\"id\": \"r4\", \"format\": \"CSV\", \"url\": \"data/d.csv\"},"
    "                 {\"id\": \"r5\", \"format\": \"PDF\", \"url\": "
    "\"https://example.org/x.pdf\"}]},\n"
    " {\"id\": \"a3\", \"name\": \"vulytsi\", \"title\": \"Перелік вулиць\","
    "  \"organization\": {\"title\": \"Управління економіки\"},"
    "  \"resources\": [{\"id\": \"r6\", \"format\": \"CSV\", \"url\": \"data/bad.csv\"},"
    "                 {\"id\": \"r7\", \"format\": \"CSV\", \"url\": \"data/nema.csv\"},"
    "                 {\"id\": \"r8\", \"format\": \"CSV\", \"url\": \"../../poza.csv\"}]},\n"
    " {\"id\": \"a4\", \"name\": \"ukryttia\", \"title\": \"Мапа\","
    "  \"organization\": {\"title\": \"ЦЗ\"}, \"resources\": []},\n"
    " {\"id\": \"a5\", \"name\": \"chernetka\", \"title\": \"Розклад руху\", \"private\": true,"
    "  \"organization\": {\"title\": \"Відділ транспорту\"}, \"resources\": []},\n"
    " {\"id\": \"a6\", \"name\": \"bez-vlasnyka\", \"title\": \"Штатний розпис\","
    "  \"resources\": []},\n"
    " {\"id\": \"a7\", \"name\": \"ekonomika-2\", \"title\": \"Звернення громадян\","
    "  \"organization\": {\"title\": \" УПРАВЛІННЯ   економіки \"}, \"resources\": []}\n"
    "]}}\n";

static const char council_json[] =
    "{\"name\": \"Чортківська міська рада\", \"edrpou\": \"04058623\",\n"
    " \"publishers\": [\n"
    "  {\"id\": \"transport\", \"name\": \"Відділ транспорту та зв’язку\","
    "   \"aliases\": [\"Відділ транспорту\"]},\n"
    "  {\"id\": \"water\", \"name\": \"КП «Чортківське ВУВКГ»\", \"edrpou\": \"03353845\"},\n"
    "  {\"id\": \"civil\", \"name\": \"ЦЗ\"}],\n"
    " \"responsibilities\": [{\"item\": \"local.10\", \"publisher\": \"transport\"},"
    "                        {\"item\": \"local.39\", \"publisher\": \"transport\"}],\n"
    " \"not_applicable\": [{\"item\": \"local.11\", \"reason\": \"немає компетенції\"},"
    "                      {\"item\": \"local.39\", \"reason\": \"опубліковано все одно\"}],\n"
    " \"mappings\": [{\"dataset\": \"ukryttia\", \"item\": \"local.55\"}]}\n";

static char root[256];

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int make_catalog(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    char data[300];
    snprintf(root, sizeof root, "%s/yakist-audit-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(root))
        return -1;
    snprintf(data, sizeof data, "%s/data", root);
    mkdir(data, 0777);
    write_file("catalog.json", catalog_json);
    write_file("council.json", council_json);
    write_file("data/a.csv", "a,b\n1,2\n");
    write_file("data/b.csv", "a,b\n3,4\n");
    write_file("data/c.csv", "a,b\n5,6\n");
    write_file("data/d.csv", "a,b\n7,8\n");
    write_file("data/bad.csv", "a,b\n9,9\n");
    return 0;
}

static int remove_catalog(void **state)
{
    (void)state;
    static const char *const files[] = {"catalog.json", "council.json", "data/a.csv",
                                        "data/b.csv",   "data/c.csv",   "data/d.csv",
                                        "data/bad.csv", "broken.json",  "data"};
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        remove(path);
    }
    rmdir(root);
    return 0;
}

/* A registry with the test family and a profile that turns every built-in family off. */
struct setup {
    struct yk_registry *reg;
    struct yk_profile *profile;
};

static void make_setup(struct setup *s)
{
    char text[4096] = "{\"rules\": {";
    assert_int_equal(yk_registry_create(&s->reg, NULL), 0);
    assert_int_equal(yk_registry_add_family(s->reg, &test_family, NULL), 0);
    for (size_t i = 0, n = 0; i < yk_registry_family_count(s->reg); i++) {
        const struct yk_family *f = yk_registry_family(s->reg, i);
        if (strcmp(f->name, "t") == 0)
            continue;
        size_t len = strlen(text);
        snprintf(text + len, sizeof text - len, "%s\"%s.*\": false", n++ ? ", " : "", f->name);
    }
    strcat(text, "}}");
    assert_int_equal(yk_profile_parse(text, strlen(text), "off.json", s->reg, &s->profile, NULL),
                     0);
}

static void free_setup(struct setup *s)
{
    yk_profile_destroy(s->profile);
    yk_registry_destroy(s->reg);
}

struct progress_log {
    size_t calls, last_done, total;
    pthread_t thread;
    bool wrong_thread, not_increasing;
};

static void on_progress(void *p, size_t done, size_t total, const char *current)
{
    struct progress_log *log = p;
    if (!pthread_equal(log->thread, pthread_self()))
        log->wrong_thread = true;
    if (done != log->last_done + 1 || !current)
        log->not_increasing = true;
    log->last_done = done;
    log->total = total;
    log->calls++;
}

static int audit(const struct setup *s, unsigned jobs, struct yk_arena *arena,
                 struct yk_audit_result **out, struct progress_log *log, struct yk_error *err)
{
    struct yk_audit_options opt;
    char path[512];
    yk_audit_options_init(&opt, s->reg);
    opt.profile = s->profile;
    opt.check.profile = s->profile;
    opt.check.timing = false;
    opt.check.limits.max_findings = 2;
    opt.as_of = "2025-10-01";
    opt.jobs = jobs;
    if (log) {
        log->thread = pthread_self();
        opt.progress = on_progress;
        opt.progress_ctx = log;
    }
    snprintf(path, sizeof path, "%s/catalog.json", root);
    return yk_audit_run(path, &opt, arena, out, err);
}

static const struct yk_rule_count *count_of(const struct yk_rule_count *c, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(c[i].rule->id, id) == 0)
            return &c[i];
    return NULL;
}

/* --- the tests ------------------------------------------------------------------------------ */

static void runs_the_catalog(void **state)
{
    (void)state;
    struct setup s;
    struct yk_error err;
    struct yk_audit_result *r = NULL;
    struct progress_log log = {0};
    make_setup(&s);
    struct yk_arena *arena = yk_arena_create(0);
    assert_int_equal(audit(&s, 3, arena, &r, &log, &err), 0);
    assert_string_equal(r->as_of, "2025-10-01");
    assert_non_null(r->council);
    assert_int_equal(r->ndatasets, 7);

    /* Matches: title, numbered title, beyond, council mapping. */
    const struct yk_dataset_result *d = r->datasets;
    assert_string_equal(d[0].match.item->key, "local.39");
    assert_string_equal(d[1].match.item->key, "local.49");
    assert_null(d[2].match.item);
    assert_int_equal(d[3].match.how, YK_MATCH_COUNCIL);
    assert_string_equal(d[3].match.item->key, "local.55");
    assert_false(d[4].published);
    assert_true(d[0].published);

    /* Publishers: by alias, by ЄДРПОУ whatever the name, by name; one of its own (twice under
     * differently written names), and none. */
    assert_string_equal(d[0].publisher->id, "transport");
    assert_string_equal(d[1].publisher->id, "water");
    assert_string_equal(d[3].publisher->id, "civil");
    assert_null(d[2].publisher->id);
    assert_string_equal(d[2].publisher->name, "Управління економіки");
    assert_ptr_equal(d[6].publisher, d[2].publisher);
    assert_null(d[5].publisher);
    assert_int_equal(r->npublishers, 4);

    /* Resources: local ones checked (a missing file too: unreadable), the rest not. */
    assert_non_null(d[0].resources[2]);
    assert_true(d[0].resources[2]->readable);
    assert_null(d[1].resources[1]); /* remote, not fetched */
    assert_non_null(d[2].resources[0]);
    assert_null(d[2].resources[2]); /* outside the catalog's folder: never read */
    assert_int_equal(log.calls, 5 + (d[2].resources[1] != NULL));
    assert_int_equal(log.total, log.calls);
    assert_false(log.wrong_thread);
    assert_false(log.not_increasing);

    /* Dataset rules: exact counts, capped examples, the setters. */
    const struct yk_rule_count *c = count_of(d[0].counts, d[0].ncounts, "t.per_resource");
    assert_non_null(c);
    assert_int_equal(c->count, 3);
    assert_int_equal(c->kept, 2);
    assert_int_equal(d[0].nfindings, 3); /* two kept of per_resource, one warning */
    assert_int_equal(d[0].stars, 5);
    assert_false(d[0].overdue);
    assert_true(d[1].overdue);
    assert_int_equal(d[5].stars, 4);

    /* Compliance: an error of a compliance rule in the dataset or in one of its files. */
    assert_true(d[0].compliant);
    assert_int_equal(d[0].worst, YK_SEV_WARNING);
    assert_false(d[1].compliant); /* its slug */
    assert_false(d[2].compliant); /* its file data/bad.csv */
    assert_int_equal(d[2].worst, YK_SEV_ERROR);
    assert_true(d[3].compliant);

    /* Items: covered (even one declared not applicable), not applicable, missing and charged. */
    const struct yk_perelik *p = r->perelik;
    const struct yk_item_status *st39 = &r->items[yk_perelik_find(p, "local.39") - p->items];
    const struct yk_item_status *st11 = &r->items[yk_perelik_find(p, "local.11") - p->items];
    const struct yk_item_status *st10 = &r->items[yk_perelik_find(p, "local.10") - p->items];
    assert_int_equal(st39->state, YK_ITEM_COVERED);
    assert_int_equal(st39->ndatasets, 1); /* the private draft does not count */
    assert_int_equal(st11->state, YK_ITEM_NOT_APPLICABLE);
    assert_string_equal(st11->reason, "немає компетенції");
    assert_int_equal(st10->state, YK_ITEM_MISSING);
    assert_string_equal(st10->publisher->id, "transport");

    /* Publisher results and KPIs over the six published datasets. */
    assert_int_equal(r->publishers[0].ndatasets, 1);
    assert_int_equal(r->publishers[0].nmissing, 1);
    assert_int_equal(r->publishers[1].noverdue, 1);
    assert_int_equal(r->publishers[3].ndatasets, 2);
    const struct yk_kpis *k = &r->kpis;
    assert_int_equal(k->items_total, 73);
    assert_int_equal(k->items_applicable, 72);
    assert_int_equal(k->items_covered, 3);
    assert_int_equal(k->coverage_pm, 3 * 1000 / 72); /* rounded down */
    assert_int_equal(k->datasets, 6);
    assert_int_equal(k->extra_datasets, 3);
    assert_int_equal(k->compliant, 4);
    assert_int_equal(k->compliant_pm, 666);
    assert_int_equal(k->on_time, 5);
    assert_int_equal(k->on_time_pm, 833);

    /* The catalog rule: once, one finding per missing item, capped; audit-wide counts. */
    c = count_of(r->counts, r->ncounts, "t.missing");
    assert_int_equal(c->count, 73 - 3 - 1);
    assert_int_equal(c->kept, 2);
    assert_int_equal(r->nfindings, 2);
    c = count_of(r->counts, r->ncounts, "t.per_resource");
    assert_int_equal(c->count, 3 + 2 + 3);
    c = count_of(r->counts, r->ncounts, "t.bad_file");
    assert_int_equal(c->count, 1);

    yk_arena_destroy(arena);
    free_setup(&s);
}

/* The JSON result of an audit, in memory. */
static char *audit_json(const struct setup *s, unsigned jobs, size_t *len)
{
    struct yk_error err;
    struct yk_audit_result *r = NULL;
    struct yk_arena *arena = yk_arena_create(0);
    char *buf = NULL;
    assert_int_equal(audit(s, jobs, arena, &r, NULL, &err), 0);
    FILE *f = open_memstream(&buf, len);
    struct yk_report_options ropt = {.fail_on = YK_SEV_ERROR, .tool_version = "test"};
    struct yk_report rep = {.out = f, .opt = &ropt, .registry = s->reg};
    assert_int_equal(yk_report_writer_find("json")->audit(&rep, r), 0);
    fclose(f);
    yk_arena_destroy(arena);
    return buf;
}

static void same_whatever_the_jobs(void **state)
{
    (void)state;
    struct setup s;
    size_t n1, n4, n0;
    make_setup(&s);
    char *one = audit_json(&s, 1, &n1), *four = audit_json(&s, 4, &n4),
         *cores = audit_json(&s, 0, &n0);
    assert_true(n1 > 1000);
    assert_int_equal(n1, n4);
    assert_memory_equal(one, four, n1);
    assert_int_equal(n1, n0);
    assert_memory_equal(one, cores, n1);
    free(one);
    free(four);
    free(cores);
    free_setup(&s);
}

static void failures_stop_the_run(void **state)
{
    (void)state;
    struct setup s;
    struct yk_error err;
    struct yk_audit_result *r = NULL;
    struct yk_audit_options opt;
    char path[512], council[512];
    make_setup(&s);
    struct yk_arena *arena = yk_arena_create(0);

    /* Options are checked before anything is read. */
    yk_audit_options_init(&opt, s.reg);
    opt.as_of = "2025-02-29";
    assert_int_equal(yk_audit_run("nowhere", &opt, arena, &r, &err), YK_EINVAL);
    assert_non_null(strstr(err.message, "as-of"));
    opt.as_of = NULL;
    opt.jobs = 100000;
    assert_int_equal(yk_audit_run("nowhere", &opt, arena, &r, &err), YK_EINVAL);
    yk_audit_options_init(&opt, NULL);
    assert_int_equal(yk_audit_run("nowhere", &opt, arena, &r, &err), YK_EINVAL);

    /* An unreadable catalog or council. */
    yk_audit_options_init(&opt, s.reg);
    opt.as_of = "2024-02-29";
    snprintf(path, sizeof path, "%s/no-such.json", root);
    assert_true(yk_audit_run(path, &opt, arena, &r, &err) < 0);
    write_file("broken.json", "{\"name\": ");
    snprintf(council, sizeof council, "%s/broken.json", root);
    opt.council_path = council;
    snprintf(path, sizeof path, "%s/catalog.json", root);
    assert_true(yk_audit_run(path, &opt, arena, &r, &err) < 0);
    assert_non_null(strstr(err.file, "broken.json"));

    /* A rule that cannot run names itself and the dataset's catalog file. */
    write_file(
        "broken.json",
        "{\"success\": true, \"result\": {\"results\": [{\"id\": \"x\", \"title\": \"FAIL\"}]}}");
    opt.council_path = NULL;
    opt.profile = s.profile;
    snprintf(path, sizeof path, "%s/broken.json", root);
    assert_int_equal(yk_audit_run(path, &opt, arena, &r, &err), YK_EINTERNAL);
    assert_non_null(strstr(err.message, "t.per_resource"));
    assert_non_null(strstr(err.file, "broken.json"));
    assert_null(r);
    yk_arena_destroy(arena);
    free_setup(&s);
}

/* No council next to the catalog: holders are the catalog's own, nothing is charged. */
static void without_a_council(void **state)
{
    (void)state;
    struct setup s;
    struct yk_error err;
    struct yk_audit_result *r = NULL;
    char path[512], moved[512];
    make_setup(&s);
    snprintf(path, sizeof path, "%s/council.json", root);
    snprintf(moved, sizeof moved, "%s/broken.json", root);
    assert_int_equal(rename(path, moved), 0);
    struct yk_arena *arena = yk_arena_create(0);
    assert_int_equal(audit(&s, 2, arena, &r, NULL, &err), 0);
    assert_null(r->council);
    assert_null(r->datasets[0].publisher->id);
    assert_string_equal(r->datasets[0].publisher->name, "Відділ транспорту");
    assert_null(r->datasets[3].match.item); /* no mapping without the council */
    for (size_t i = 0; i < r->nitems; i++)
        assert_true(r->items[i].state != YK_ITEM_NOT_APPLICABLE);
    yk_arena_destroy(arena);
    assert_int_equal(rename(moved, path), 0);
    free_setup(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(runs_the_catalog),
        cmocka_unit_test(same_whatever_the_jobs),
        cmocka_unit_test(without_a_council),
        cmocka_unit_test(failures_stop_the_run),
    };
    return cmocka_run_group_tests(tests, make_catalog, remove_catalog);
}
