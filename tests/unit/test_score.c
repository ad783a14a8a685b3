/* yakist — unit tests of scoring: the additive model on hand-built audit results (pass ratios,
 * tolerance, which rules apply to which file, means with missing datasets counting 0), the
 * rating order with its tie breaks, Ukrainian collation, quarters, and determinism. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <yakist/yakist.h>

/* --- a family of test rules, scored under a profile that turns every other family off -------- */

static int on_dataset(struct yk_rule_ctx *c, const struct yk_dataset *d)
{
    (void)c;
    (void)d;
    return 0;
}

static int on_row(struct yk_rule_ctx *c, const struct yk_row *r)
{
    (void)c;
    (void)r;
    return 0;
}

static int on_cell(struct yk_rule_ctx *c, const struct yk_row *r, size_t col)
{
    (void)c;
    (void)r;
    (void)col;
    return 0;
}

static int on_finish(struct yk_rule_ctx *c, const struct yk_source_info *i)
{
    (void)c;
    (void)i;
    return 0;
}

static int on_catalog(struct yk_rule_ctx *c, const struct yk_catalog *cat)
{
    (void)c;
    (void)cat;
    return 0;
}

#define RULE(ID, SCOPE, DIM, W, ...)                                                               \
    static const struct yk_rule ID = {.id = "tst." #ID,                                            \
                                      .title_uk = #ID,                                             \
                                      .title_en = #ID,                                             \
                                      .rationale = "test",                                         \
                                      .source = "test",                                            \
                                      .scope = SCOPE,                                              \
                                      .severity = YK_SEV_ERROR,                                    \
                                      .dimension = DIM,                                            \
                                      .weight = W,                                                 \
                                      __VA_ARGS__}

RULE(meta, YK_SCOPE_DATASET, YK_DIM_METADATA, 4, .on_dataset = on_dataset);
RULE(late, YK_SCOPE_DATASET, YK_DIM_TIMELINESS, 2, .on_dataset = on_dataset);
RULE(rows, YK_SCOPE_ROW, YK_DIM_STRUCTURE, 3, .on_row = on_row);
RULE(cells, YK_SCOPE_CELL, YK_DIM_CONTENT, 5, .on_cell = on_cell);
RULE(file, YK_SCOPE_RESOURCE, YK_DIM_STRUCTURE, 2, .on_finish = on_finish);
RULE(whole, YK_SCOPE_CATALOG, YK_DIM_COVERAGE, 10, .on_catalog = on_catalog);
RULE(nought, YK_SCOPE_DATASET, YK_DIM_METADATA, 0, .on_dataset = on_dataset);
static const struct yk_param_desc tol_params[] = {
    {.name = "tolerance",
     .type = YK_PARAM_INT,
     .default_value = "50",
     .min = 0,
     .max = 1000,
     .help = "per mille"},
};
RULE(lenient, YK_SCOPE_CELL, YK_DIM_CONTENT, 1, .on_cell = on_cell, .params = tol_params,
     .nparams = 1);

static const struct yk_rule *const test_rules[] = {&meta, &late,  &rows,   &cells,
                                                   &file, &whole, &nought, &lenient};
static const struct yk_family test_family = {
    .name = "tst", .title_uk = "тест", .title_en = "test", .rules = test_rules, .nrules = 8};

struct fx {
    struct yk_registry *reg;
    struct yk_profile *profile; /* only the tst family */
    struct yk_arena *arena;
};

/* {"rules": {"file.*": false, ...}} for every family but tst, plus extra entries. */
static struct yk_profile *profile_with(const struct yk_registry *reg, const char *extra)
{
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "{\"name\": \"test\", \"rules\": {");
    for (size_t i = 0; i < yk_registry_family_count(reg); i++) {
        const struct yk_family *f = yk_registry_family(reg, i);
        if (strcmp(f->name, "tst") != 0)
            n += (size_t)snprintf(text + n, sizeof text - n, "\"%s.*\": false, ", f->name);
    }
    snprintf(text + n, sizeof text - n, "%s\"tst.nought\": true}}", extra ? extra : "");
    struct yk_profile *p = NULL;
    struct yk_error err;
    assert_int_equal(yk_profile_parse(text, strlen(text), "test", reg, &p, &err), 0);
    return p;
}

static int setup(void **state)
{
    static struct fx fx;
    struct yk_error err;
    assert_int_equal(yk_registry_create(&fx.reg, &err), 0);
    assert_int_equal(yk_registry_add_family(fx.reg, &test_family, &err), 0);
    fx.profile = profile_with(fx.reg, NULL);
    fx.arena = yk_arena_create(0);
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    struct fx *fx = *state;
    yk_profile_destroy(fx->profile);
    yk_registry_destroy(fx->reg);
    yk_arena_destroy(fx->arena);
    return 0;
}

/* --- hand-built results ------------------------------------------------------------------- */

#define MAXC 8

struct file_fx {
    struct yk_file_result r;
    struct yk_rule_count counts[MAXC];
    struct yk_rule_checked checked[MAXC];
};

static void file_init(struct file_fx *f, const char *format)
{
    memset(f, 0, sizeof *f);
    f->r.readable = true;
    f->r.info.format = format;
    f->r.info.input.loaded = true;
    f->r.counts = f->counts;
    f->r.checked = f->checked;
}

static void file_fail(struct file_fx *f, const struct yk_rule *r, uint64_t n)
{
    f->counts[f->r.ncounts++] = (struct yk_rule_count){r, YK_SEV_ERROR, n, n};
}

static void file_checked(struct file_fx *f, const struct yk_rule *r, uint64_t n)
{
    f->checked[f->r.nchecked++] = (struct yk_rule_checked){r, n};
}

struct ds_fx {
    struct yk_dataset d;
    struct yk_resource res[4];
    struct yk_file_result *files[4];
    struct yk_rule_count counts[MAXC];
    struct yk_dataset_result dr;
};

static void ds_init(struct ds_fx *x, const char *name, size_t nfiles)
{
    memset(x, 0, sizeof *x);
    x->d.name = name;
    x->d.title = name;
    x->d.resources = x->res;
    x->d.nresources = nfiles;
    x->dr.dataset = &x->d;
    x->dr.resources = x->files;
    x->dr.counts = x->counts;
    x->dr.published = true;
}

static void ds_fail(struct ds_fx *x, const struct yk_rule *r)
{
    x->counts[x->dr.ncounts++] = (struct yk_rule_count){r, YK_SEV_ERROR, 1, 1};
}

static struct yk_score score_of(const struct fx *fx, const struct yk_profile *p,
                                const struct yk_dataset_result *dr)
{
    struct yk_score s;
    struct yk_error err;
    assert_int_equal(yk_score_dataset(dr, fx->reg, p, &s, NULL, NULL, &err), 0);
    return s;
}

/* --- datasets ------------------------------------------------------------------------------ */

static void dataset_rules_only(void **state)
{
    struct fx *fx = *state;
    struct ds_fx x;
    ds_init(&x, "a", 0);
    struct yk_score s = score_of(fx, fx->profile, &x.dr);
    /* meta 4 + late 2 apply; the catalog rule and the weight-0 rule do not; no file rules. */
    assert_true(s.scored);
    assert_int_equal(s.members, 2);
    assert_int_equal(s.possible, 6u * YK_SCORE_UNIT);
    assert_int_equal(s.pm, 1000);
    ds_fail(&x, &late);
    s = score_of(fx, fx->profile, &x.dr);
    assert_int_equal(s.earned, 4u * YK_SCORE_UNIT);
    assert_int_equal(s.pm, 666); /* 4/6, rounded down */
    assert_int_equal(yk_score_dim_pm(&s, YK_DIM_METADATA), 1000);
    assert_int_equal(yk_score_dim_pm(&s, YK_DIM_TIMELINESS), 0);
    assert_int_equal(yk_score_dim_pm(&s, YK_DIM_CONTENT), -1);
    assert_int_equal(yk_score_dim_pm(&s, YK_DIM_COVERAGE), -1);
}

static void cell_share_and_tolerance(void **state)
{
    struct fx *fx = *state;
    struct ds_fx x;
    struct file_fx f;
    struct yk_score_line lines[256];
    size_t nl = 0;
    struct yk_error err;
    ds_init(&x, "a", 1);
    file_init(&f, "csv");
    x.files[0] = &f.r;
    file_checked(&f, &rows, 100);
    file_checked(&f, &cells, 1000);
    file_fail(&f, &cells, 10); /* 1 %: within the default tolerance of 10 per mille */
    struct yk_score s = score_of(fx, fx->profile, &x.dr);
    /* meta 4, late 2, rows 3, cells 5, file 2; lenient watched nothing: not applicable. */
    assert_int_equal(s.members, 5);
    assert_int_equal(s.possible, 16u * YK_SCORE_UNIT);
    assert_int_equal(s.pm, 1000);
    f.counts[0].count = 11; /* 1.1 %: beyond it, the plain share of passing cells */
    assert_int_equal(yk_score_dataset(&x.dr, fx->reg, fx->profile, &s, lines, &nl, &err), 0);
    assert_int_equal(nl, 5);
    const struct yk_score_line *cl = NULL;
    for (size_t i = 0; i < nl; i++)
        if (lines[i].rule == &cells)
            cl = &lines[i];
    assert_non_null(cl);
    assert_int_equal(cl->ratio, 989000);
    assert_int_equal(cl->earned, 5u * 989000u);
    assert_int_equal(cl->checked, 1000);
    assert_int_equal(cl->failed, 11);
    assert_int_equal(cl->tolerance, 10);
    assert_int_equal(cl->files, 1);
    assert_int_equal(s.earned, 11u * YK_SCORE_UNIT + 5u * 989000u);
    assert_int_equal(s.pm, 996); /* 15.945 / 16 */
    /* More findings than cells (a rule that reports twice) is no pass at all, not negative. */
    f.counts[0].count = 5000;
    s = score_of(fx, fx->profile, &x.dr);
    assert_int_equal(s.earned, 11u * YK_SCORE_UNIT);
}

static void tolerance_from_profile_and_param(void **state)
{
    struct fx *fx = *state;
    struct ds_fx x;
    struct file_fx f;
    ds_init(&x, "a", 1);
    file_init(&f, "csv");
    x.files[0] = &f.r;
    file_checked(&f, &cells, 1000);
    file_checked(&f, &lenient, 1000);
    file_fail(&f, &cells, 10);
    file_fail(&f, &lenient, 50); /* 5 %: within its own parameter's 50 per mille */
    struct yk_score s = score_of(fx, fx->profile, &x.dr);
    assert_int_equal(s.pm, 1000);
    struct yk_profile *strict =
        profile_with(fx->reg, "\"tst.cells\": {\"tolerance\": 0}, "
                              "\"tst.lenient\": {\"params\": {\"tolerance\": 10}}, ");
    assert_int_equal(yk_profile_tolerance(strict, &cells), 0);
    assert_int_equal(yk_profile_tolerance(strict, &lenient), 10);
    assert_int_equal(yk_profile_tolerance(NULL, &meta), 0);
    assert_int_equal(yk_profile_tolerance(NULL, &rows), YK_PROFILE_TOLERANCE);
    s = score_of(fx, strict, &x.dr);
    /* meta 4 + late 2 + file 2 + cells 5 × 0.99 + lenient 1 × 0.95 = 13.9 of 14 */
    assert_int_equal(s.earned, 8u * YK_SCORE_UNIT + 5u * 990000u + 950000u);
    assert_int_equal(s.pm, 992);
    yk_profile_destroy(strict);
    /* Out of range: rejected naming the key. */
    struct yk_profile *bad = NULL;
    struct yk_error err;
    const char *text = "{\"rules\": {\"tst.cells\": {\"tolerance\": 1001}}}";
    assert_int_equal(yk_profile_parse(text, strlen(text), "p.json", fx->reg, &bad, &err),
                     YK_EINVAL);
    assert_non_null(strstr(err.message, "rules.tst.cells.tolerance"));
    assert_null(bad);
}

static void files_averaged_and_applicability(void **state)
{
    struct fx *fx = *state;
    struct ds_fx x;
    struct file_fx a, b, broken, pdf;
    ds_init(&x, "a", 4);
    file_init(&a, "csv");
    file_init(&b, "csv");
    file_init(&broken, "csv");
    file_init(&pdf, "pdf");
    broken.r.readable = false; /* a broken link: the dataset rules judge it, file rules do not */
    pdf.r.info.input.loaded = false;
    x.files[0] = &a.r;
    x.files[1] = &b.r;
    x.files[2] = &broken.r;
    x.files[3] = NULL; /* a remote resource not fetched */
    file_checked(&a, &rows, 10);
    file_checked(&b, &rows, 10);
    file_fail(&b, &rows, 5); /* half the rows: 0.5 */
    file_fail(&b, &file, 1); /* a resource rule that fired: 0 for that file */
    file_fail(&broken, &file, 1);
    struct yk_score_line lines[256];
    size_t nl = 0;
    struct yk_score s;
    struct yk_error err;
    assert_int_equal(yk_score_dataset(&x.dr, fx->reg, fx->profile, &s, lines, &nl, &err), 0);
    for (size_t i = 0; i < nl; i++) {
        if (lines[i].rule == &rows) {
            assert_int_equal(lines[i].ratio, 750000); /* (1 + 0.5) / 2 */
            assert_int_equal(lines[i].files, 2);
            assert_int_equal(lines[i].checked, 20);
            assert_int_equal(lines[i].failed, 5);
        }
        if (lines[i].rule == &file) {
            assert_int_equal(lines[i].ratio, 500000); /* broken file not counted */
            assert_int_equal(lines[i].files, 2);
        }
    }
    /* A document no loader read: only the format family judges it; file rules do not apply. */
    x.files[0] = &pdf.r;
    x.files[1] = NULL;
    x.files[2] = NULL;
    s = score_of(fx, fx->profile, &x.dr);
    assert_int_equal(s.members, 2);
    struct yk_profile *p = profile_with(fx->reg, "\"format.not_tabular\": true, ");
    const struct yk_rule *nt = yk_registry_find(fx->reg, "format.not_tabular");
    file_fail(&pdf, nt, 1);
    s = score_of(fx, p, &x.dr);
    assert_int_equal(s.members, 3);
    assert_int_equal(s.earned, 6u * YK_SCORE_UNIT);
    yk_profile_destroy(p);
}

static void format_and_schema_families(void **state)
{
    struct fx *fx = *state;
    struct ds_fx x;
    struct file_fx f;
    ds_init(&x, "a", 1);
    file_init(&f, "csv");
    x.files[0] = &f.r;
    struct yk_profile *p = profile_with(fx->reg, "\"json.invalid\": true, "
                                                 "\"schema.missing_label\": true, "
                                                 "\"schema.no_structure\": true, ");
    /* CSV without a structure: json.* and schema rules on the data do not apply; the rule on
     * the structure file itself (metadata) does. */
    struct yk_score s = score_of(fx, p, &x.dr);
    assert_int_equal(s.members, 4); /* meta, late, file, schema.no_structure */
    f.r.schema = "structure.json";
    s = score_of(fx, p, &x.dr);
    assert_int_equal(s.members, 5);
    f.r.info.format = "json";
    s = score_of(fx, p, &x.dr);
    assert_int_equal(s.members, 6);
    yk_profile_destroy(p);
}

static void big_counts(void **state)
{
    struct fx *fx = *state;
    struct ds_fx x;
    struct file_fx f;
    ds_init(&x, "a", 1);
    file_init(&f, "csv");
    x.files[0] = &f.r;
    file_checked(&f, &cells, 1000000000000000ull); /* 10^15 cells */
    file_fail(&f, &cells, 10000000000000ull);      /* exactly 1 % */
    struct yk_score s = score_of(fx, fx->profile, &x.dr);
    assert_int_equal(s.pm, 1000);
    f.counts[0].count = 20000000000000ull; /* 2 % */
    s = score_of(fx, fx->profile, &x.dr);
    assert_int_equal(s.earned, 8u * YK_SCORE_UNIT + 5u * 980000u);
}

/* --- publishers, council, rating ---------------------------------------------------------- */

struct audit_fx {
    struct yk_audit_result res;
    struct ds_fx ds[4];
    struct yk_dataset_result drs[4];
    struct yk_publisher pubs[3];
    struct yk_publisher_result prs[3];
    struct yk_item_status items[3];
};

/* Three publishers: "Ґ" has a perfect dataset and a 2/3 one plus one missing item; "Г" has a
 * perfect dataset; "Є" has nothing. A fourth dataset, unpublished, belongs to "Г". */
static void audit_build(struct audit_fx *a)
{
    memset(a, 0, sizeof *a);
    static const char *const names[] = {"Ґудзикова служба", "Гідрометцентр", "Єдиний офіс"};
    static const char *const ids[] = {"g2", "g1", "ye"};
    for (int i = 0; i < 3; i++) {
        a->pubs[i] = (struct yk_publisher){.id = ids[i], .name = names[i]};
        a->prs[i].publisher = &a->pubs[i];
    }
    for (int i = 0; i < 4; i++) {
        ds_init(&a->ds[i], "d", 0);
        a->ds[i].dr.publisher = &a->pubs[i == 0 || i == 1 ? 0 : 1];
        a->drs[i] = a->ds[i].dr;
    }
    a->drs[1].ncounts = 1;
    a->ds[1].counts[0] = (struct yk_rule_count){&late, YK_SEV_ERROR, 1, 1};
    a->drs[1].counts = a->ds[1].counts;
    a->drs[3].published = false;
    a->drs[3].ncounts = 1;
    a->drs[3].counts = a->ds[1].counts;
    a->prs[0].ndatasets = 2;
    a->prs[0].ncompliant = 1;
    a->prs[0].nmissing = 1;
    a->prs[1].ndatasets = 1;
    a->prs[1].ncompliant = 1;
    a->items[0].state = YK_ITEM_MISSING;
    a->items[0].publisher = &a->pubs[0];
    a->items[1].state = YK_ITEM_COVERED;
    a->items[2].state = YK_ITEM_MISSING; /* answered for by nobody: counts for the council */
    a->res.datasets = a->drs;
    a->res.ndatasets = 4;
    a->res.publishers = a->prs;
    a->res.npublishers = 3;
    a->res.items = a->items;
    a->res.nitems = 3;
    a->res.as_of = "2025-10-01";
}

static void publisher_and_council_means(void **state)
{
    struct fx *fx = *state;
    struct audit_fx a;
    struct yk_error err;
    audit_build(&a);
    assert_int_equal(yk_audit_score(&a.res, fx->reg, fx->profile, &err), 0);
    assert_int_equal(a.drs[0].score.pm, 1000);
    assert_int_equal(a.drs[1].score.pm, 666);
    assert_int_equal(a.drs[3].score.pm, 666); /* scored, but not in any mean */
    /* Ґ: (1000 + 666 + 0) / 3 */
    assert_true(a.prs[0].score.scored);
    assert_int_equal(a.prs[0].score.members, 3);
    assert_int_equal(a.prs[0].score.pm, 555);
    /* Missing counts 0 in every dimension too: metadata (1000 + 1000 + 0) / 3. */
    assert_int_equal(yk_score_dim_pm(&a.prs[0].score, YK_DIM_METADATA), 666);
    assert_int_equal(yk_score_dim_pm(&a.prs[0].score, YK_DIM_TIMELINESS), 333);
    assert_int_equal(a.prs[1].score.pm, 1000);
    assert_false(a.prs[2].score.scored);
    /* Council: 3 published datasets + 2 missing items = (1000 + 666 + 1000) / 5. */
    assert_int_equal(a.res.score.members, 5);
    assert_int_equal(a.res.score.pm, 533);
    assert_int_equal(a.res.kpis.score_pm, 533);
    /* The rating: Г (1000) first, Ґ, then Є unscored. */
    struct yk_rating_entry *e = NULL;
    size_t n = 0;
    assert_int_equal(yk_audit_rating(&a.res, fx->arena, &e, &n, &err), 0);
    assert_int_equal(n, 3);
    assert_string_equal(e[0].key, "g1");
    assert_int_equal(e[0].rank, 1);
    assert_string_equal(e[1].key, "g2");
    assert_int_equal(e[1].compliant_pm, 500);
    assert_int_equal(e[1].missing, 1);
    assert_string_equal(e[2].key, "ye");
    assert_false(e[2].scored);
    assert_int_equal(e[2].compliant_pm, 1000);
}

static void deterministic(void **state)
{
    struct fx *fx = *state;
    struct audit_fx a, b;
    struct yk_error err;
    audit_build(&a);
    audit_build(&b);
    assert_int_equal(yk_audit_score(&a.res, fx->reg, fx->profile, &err), 0);
    assert_int_equal(yk_audit_score(&b.res, fx->reg, fx->profile, &err), 0);
    /* Scored again: the same numbers (nothing accumulates). */
    assert_int_equal(yk_audit_score(&b.res, fx->reg, fx->profile, &err), 0);
    assert_memory_equal(&a.res.score, &b.res.score, sizeof a.res.score);
    for (int i = 0; i < 3; i++)
        assert_memory_equal(&a.prs[i].score, &b.prs[i].score, sizeof a.prs[i].score);
    for (int i = 0; i < 4; i++)
        assert_memory_equal(&a.drs[i].score, &b.drs[i].score, sizeof a.drs[i].score);
}

static void rating_tie_breaks(void **state)
{
    (void)state;
    struct yk_rating_entry e[] = {
        {.key = "z", .name = "Яблуневий сад", .scored = true, .score_pm = 800, .compliant_pm = 900},
        {.key = "y",
         .name = "Їжакова служба",
         .scored = true,
         .score_pm = 800,
         .compliant_pm = 900},
        {.key = "x",
         .name = "Архів",
         .scored = true,
         .score_pm = 800,
         .compliant_pm = 900,
         .missing = 2},
        {.key = "w", .name = "Бюро", .scored = true, .score_pm = 800, .compliant_pm = 950},
        {.key = "v", .name = "Вода", .scored = false, .score_pm = 0},
        {.key = "u", .name = "Газ", .scored = true, .score_pm = 801, .compliant_pm = 0},
        {.key = "t",
         .name = "Їжакова служба",
         .scored = true,
         .score_pm = 800,
         .compliant_pm = 900},
    };
    yk_rating_sort(e, 7);
    /* Score, then compliant share, then fewer missing, then the name (ї before я), then key. */
    const char *want[] = {"u", "w", "t", "y", "z", "x", "v"};
    for (int i = 0; i < 7; i++) {
        assert_string_equal(e[i].key, want[i]);
        assert_int_equal(e[i].rank, i + 1);
    }
}

static void ukrainian_collation(void **state)
{
    (void)state;
    /* Code point order would put я (U+044F) before є, і, ї and ґ; the alphabet does not. */
    assert_true(yk_collate_uk("Їжак", "Яблуко") < 0);
    assert_true(yk_collate_uk("Єва", "Жук") < 0);
    assert_true(yk_collate_uk("Ера", "Єва") < 0); /* е before є */
    assert_true(yk_collate_uk("Иван", "Ірина") < 0);
    assert_true(yk_collate_uk("Ірина", "Їжак") < 0);
    assert_true(yk_collate_uk("гора", "ґанок") < 0);
    assert_true(yk_collate_uk("ґанок", "дім") < 0);
    assert_true(yk_collate_uk("ьо", "юнь") < 0);
    /* Case and apostrophes only break ties. */
    assert_true(yk_collate_uk("Об'єкт", "обєднання") > 0); /* обєк > обєд */
    assert_true(yk_collate_uk("м’ясо", "мясо") != 0);
    assert_true(yk_collate_uk("Абв", "абв") < 0); /* bytes: А (D0 90) before а (D0 B0) */
    assert_int_equal(yk_collate_uk("Чортків", "Чортків"), 0);
    /* Latin before Cyrillic; invalid UTF-8 does not crash. */
    assert_true(yk_collate_uk("Zoo", "Аптека") < 0);
    assert_true(yk_collate_uk("\xff\xfe", "a") != 0);
    assert_true(yk_collate_uk(NULL, "a") < 0);
}

static void quarters(void **state)
{
    (void)state;
    char q[7];
    static const char *const cases[][2] = {
        {"2025-10-01", "2025Q3"}, {"2025-09-15", "2025Q3"}, {"2025-07-01", "2025Q2"},
        {"2025-07-02", "2025Q3"}, {"2026-01-01", "2025Q4"}, {"2025-01-02", "2025Q1"},
        {"2025-12-31", "2025Q4"}, {"2025-04-01", "2025Q1"}, {"2025-05-01", "2025Q2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(yk_quarter_of(cases[i][0], q), 0);
        assert_string_equal(q, cases[i][1]);
    }
    static const char *const bad[] = {"2025-13-01",    "2025-00-10", "2025-1-01",  "20251001",
                                      "2025-10-01T00", "",           "abcd-ef-gh", "2025-10-32"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(yk_quarter_of(bad[i], q), YK_EINVAL);
    assert_int_equal(yk_quarter_of(NULL, q), YK_EINVAL);
}

/* --- the demo council, through the real audit ---------------------------------------------------
 */

static struct yk_audit_result *audit_demo(const struct fx *fx, struct yk_arena *arena,
                                          unsigned jobs)
{
    struct yk_audit_options opt;
    struct yk_audit_result *res = NULL;
    struct yk_error err;
    yk_audit_options_init(&opt, fx->reg);
    opt.as_of = "2025-10-01";
    opt.jobs = jobs;
    opt.check.timing = false;
    if (yk_audit_run(YK_DEMO_COUNCIL, &opt, arena, &res, &err) < 0)
        fail_msg("audit of %s: %s", YK_DEMO_COUNCIL, err.message);
    return res;
}

/* The same scores whatever the number of threads, and every dataset's lines add up to its
 * score (the explanation is the number). */
static void demo_council_deterministic(void **state)
{
    struct fx *fx = *state;
    struct stat st;
    if (stat(YK_DEMO_COUNCIL, &st) != 0)
        skip();
    struct yk_arena *a1 = yk_arena_create(0), *a2 = yk_arena_create(0);
    const struct yk_audit_result *r1 = audit_demo(fx, a1, 1), *r2 = audit_demo(fx, a2, 3);
    assert_int_equal(r1->ndatasets, r2->ndatasets);
    assert_int_equal(r1->npublishers, r2->npublishers);
    assert_memory_equal(&r1->score, &r2->score, sizeof r1->score);
    assert_int_equal(r1->kpis.score_pm, r1->score.pm);
    assert_true(r1->score.scored);
    static struct yk_score_line lines[1024];
    assert_true(yk_registry_count(fx->reg) <= 1024);
    for (size_t i = 0; i < r1->ndatasets; i++) {
        const struct yk_dataset_result *d = &r1->datasets[i];
        assert_memory_equal(&d->score, &r2->datasets[i].score, sizeof d->score);
        struct yk_score s;
        size_t nl = 0;
        struct yk_error err;
        assert_int_equal(yk_score_dataset(d, fx->reg, NULL, &s, lines, &nl, &err), 0);
        assert_memory_equal(&s, &d->score, sizeof s);
        uint64_t earned = 0, possible = 0;
        for (size_t k = 0; k < nl; k++) {
            earned += lines[k].earned;
            possible += (uint64_t)lines[k].weight * YK_SCORE_UNIT;
            assert_true(lines[k].ratio <= YK_SCORE_UNIT);
        }
        assert_int_equal(earned, d->score.earned);
        assert_int_equal(possible, d->score.possible);
        assert_int_equal(nl, d->score.members);
        assert_true(d->score.pm <= 1000);
    }
    for (size_t i = 0; i < r1->npublishers; i++)
        assert_memory_equal(&r1->publishers[i].score, &r2->publishers[i].score,
                            sizeof r1->publishers[i].score);
    yk_arena_destroy(a1);
    yk_arena_destroy(a2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dataset_rules_only),
        cmocka_unit_test(cell_share_and_tolerance),
        cmocka_unit_test(tolerance_from_profile_and_param),
        cmocka_unit_test(files_averaged_and_applicability),
        cmocka_unit_test(format_and_schema_families),
        cmocka_unit_test(big_counts),
        cmocka_unit_test(publisher_and_council_means),
        cmocka_unit_test(deterministic),
        cmocka_unit_test(rating_tie_breaks),
        cmocka_unit_test(ukrainian_collation),
        cmocka_unit_test(quarters),
        cmocka_unit_test(demo_council_deterministic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
