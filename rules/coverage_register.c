/* yakist — `coverage` rules on the register of datasets (п. 19 of the Положення, plan item 5.2):
 * it must be published, and it must list what the catalog holds. The register's CSV resource is
 * read with the catalog reader for registers (both the 2019 and the 2025 column sets), and its
 * rows are matched to the catalog's datasets by identifier, then by folded title, with sorted
 * keys so a national-scale catalog costs n log n. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yakist/arena.h>

#include "audit_rules.h"
#include "formats.h"
#include "passport.h"

#define SOURCE_REGISTER "Постанова КМУ № 835, Положення про набори даних, п. 19 (реєстр наборів)"
#define REGISTER_TRIES 16 /* resources of a register dataset tried as the register file */

static const struct yk_audit_env *register_env(const struct yk_rule_ctx *ctx,
                                               const struct yk_item_status **status)
{
    const struct yk_audit_env *env = yk_ctx_audit(ctx);
    const struct yk_perelik_item *reg = env ? yk_audit_register_item(env->perelik) : NULL;
    if (!env || !env->audit || !reg)
        return NULL;
    for (size_t i = 0; i < env->audit->nitems; i++)
        if (env->audit->items[i].item == reg) {
            *status = &env->audit->items[i];
            return env;
        }
    return NULL;
}

/* --- coverage.register_missing ------------------------------------------------------------ */

static int missing_catalog(struct yk_rule_ctx *ctx, const struct yk_catalog *cat)
{
    const struct yk_item_status *st;
    const struct yk_audit_env *env = register_env(ctx, &st);
    (void)cat;
    if (!env || st->state != YK_ITEM_MISSING)
        return 0;
    if (st->publisher && st->publisher->name)
        return yk_emit(ctx, NULL, "реєстр наборів даних (%s) не оприлюднено; відповідає: %s",
                       "the register of datasets (%s) is not published; it is due from: %s",
                       st->item->key, st->publisher->name);
    return yk_emit(ctx, NULL, "реєстр наборів даних (%s) не оприлюднено",
                   "the register of datasets (%s) is not published", st->item->key);
}

const struct yk_rule yk_rule_coverage_register_missing = {
    .id = "coverage.register_missing",
    .title_uk = "Реєстр наборів даних не оприлюднено",
    .title_en = "Register of datasets not published",
    .rationale = "Every holder keeps and publishes, machine-readable, a register of its datasets "
                 "with at least the identifier, title, formats and link of each (п. 19; the "
                 "Перелік item «Реєстр наборів даних»). It is how users and the Ministry see "
                 "what exists, and the plan asks for it to be complete and current (5.2).",
    .source = SOURCE_REGISTER "; Перелік (додаток), «Реєстр наборів даних»; план, п. 5.2",
    .example = "(no dataset matches «Реєстр наборів даних»)",
    .scope = YK_SCOPE_CATALOG,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_COVERAGE,
    .weight = 5,
    .on_catalog = missing_catalog,
};

/* --- reading the register ------------------------------------------------------------------- */

/* The first local resource of the register dataset that reads as a register, or NULL. */
static const struct yk_catalog *load_register(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    size_t tries = 0;
    for (size_t i = 0; i < d->nresources && tries < REGISTER_TRIES; i++) {
        const struct yk_resource *r = &d->resources[i];
        struct yk_catalog *cat = NULL;
        struct yk_error err;
        if (r->location != YK_RES_LOCAL || !r->path || yk_audit_is_structure(r))
            continue;
        tries++;
        if (yk_catalog_load(r->path, yk_ctx_arena(ctx), &cat, &err) == 0 && cat->kind &&
            strcmp(cat->kind, "register") == 0)
            return cat;
    }
    return NULL;
}

/* Does dataset result i belong to the register of result reg? With one register in the
 * catalog it covers every published dataset; with several, each its own holder's. */
static bool in_scope(const struct yk_audit_result *a, size_t i, size_t reg, size_t nregs)
{
    const struct yk_dataset_result *d = &a->datasets[i];
    return d->published && (nregs == 1 || d->publisher == a->datasets[reg].publisher);
}

/* --- coverage.register_unchecked ---------------------------------------------------------- */

static int unchecked_catalog(struct yk_rule_ctx *ctx, const struct yk_catalog *cat)
{
    const struct yk_item_status *st;
    const struct yk_audit_env *env = register_env(ctx, &st);
    int rc = 0;
    (void)cat;
    for (size_t i = 0; env && i < env->audit->ndatasets && rc == 0; i++) {
        const struct yk_dataset_result *dr = &env->audit->datasets[i];
        char name[YK_FILE_SNIPPET_SIZE];
        struct yk_loc loc = yk_audit_loc(dr->dataset);
        if (!dr->published || dr->match.item != st->item || load_register(ctx, dr->dataset))
            continue;
        rc = yk_emit(ctx, &loc,
                     "реєстр «%s» не має локального CSV-ресурсу, що читається як "
                     "реєстр: з каталогом не звірено",
                     "the register \"%s\" has no local CSV resource that reads as a register: "
                     "not compared with the catalog",
                     yk_audit_name(dr->dataset, name));
    }
    return rc;
}

const struct yk_rule yk_rule_coverage_register_unchecked = {
    .id = "coverage.register_unchecked",
    .title_uk = "Реєстр не звірено з каталогом",
    .title_en = "Register not compared with the catalog",
    .rationale = "The register can be compared with the catalog only when one of its resources "
                 "is a local CSV file with the register's columns (identifier or uid, title, "
                 "distributionFormat, landingPage or url). A register published only online, or "
                 "in another shape, is reported as not compared, which is neither a pass nor a "
                 "failure.",
    .source = SOURCE_REGISTER "; Мінцифри, структура реєстру наборів даних (2019, 2025)",
    .example = "(the register dataset offers only a PDF)",
    .scope = YK_SCOPE_CATALOG,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_COVERAGE,
    .weight = 0,
    .on_catalog = unchecked_catalog,
};

/* --- coverage.register_mismatch ----------------------------------------------------------- */

struct key {
    const char *text;
    size_t dataset; /* index into the audit's datasets */
};

static int by_id(const void *a, const void *b)
{
    return strcasecmp(((const struct key *)a)->text, ((const struct key *)b)->text);
}

static int by_title(const void *a, const void *b)
{
    return strcmp(((const struct key *)a)->text, ((const struct key *)b)->text);
}

static const char *folded(struct yk_arena *arena, const char *title)
{
    size_t n = title ? strlen(title) : 0;
    char *buf = yk_arena_alloc(arena, n + 1);
    if (buf)
        yk_title_fold(title, buf, n + 1);
    return buf;
}

#define FORMATS_MAX 16

struct fmt_set {
    const struct yk_fmt *f[FORMATS_MAX]; /* sorted by name, no repeats */
    size_t n;
};

/* The known formats of a set of resources; with data_only, structure files are left out. */
static void format_set(const struct yk_resource *rs, size_t n, bool data_only, struct fmt_set *s)
{
    s->n = 0;
    for (size_t i = 0; i < n; i++) {
        struct yk_fmt_reading fr;
        if (data_only && yk_audit_is_structure(&rs[i]))
            continue;
        yk_fmt_read(rs[i].format, &fr);
        for (size_t j = 0; j < fr.n && s->n < FORMATS_MAX; j++) {
            size_t at = 0;
            while (at < s->n && strcmp(s->f[at]->name, fr.fmt[j]->name) < 0)
                at++;
            if (at < s->n && s->f[at] == fr.fmt[j])
                continue;
            memmove(s->f + at + 1, s->f + at, (s->n - at) * sizeof *s->f);
            s->f[at] = fr.fmt[j];
            s->n++;
        }
    }
}

static bool set_has(const struct fmt_set *s, const struct yk_fmt *f)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->f[i] == f)
            return true;
    return false;
}

/* Every format of a is in b. */
static bool subset(const struct fmt_set *a, const struct fmt_set *b)
{
    for (size_t i = 0; i < a->n; i++)
        if (!set_has(b, a->f[i]))
            return false;
    return true;
}

static char *set_text(const struct fmt_set *s, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = 0; i < s->n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? ", " : "", s->f[i]->name);
    return out;
}

static bool link_leads(const struct yk_dataset *d, const char *url)
{
    for (size_t i = 0; i < d->nresources; i++)
        if (d->resources[i].url && strcmp(d->resources[i].url, url) == 0)
            return true;
    const char *ids[] = {d->name, d->id};
    for (size_t i = 0; i < 2; i++) {
        size_t n = ids[i] ? strlen(ids[i]) : 0;
        for (const char *p = url; n && *p; p++)
            if (strncasecmp(p, ids[i], n) == 0)
                return true;
    }
    return false;
}

/* A row of the register matched to a catalog dataset: title, formats and link agree? */
static int compare_pair(struct yk_rule_ctx *ctx, const struct yk_dataset *row,
                        const struct yk_dataset *d, const char *row_title, const char *cat_title)
{
    char name[YK_FILE_SNIPPET_SIZE], a[64], b[64], url[YK_FILE_SNIPPET_SIZE];
    unsigned long long line = (unsigned long long)row->source_line;
    struct yk_loc loc = yk_audit_loc(d);
    const struct yk_resource *link = row->nresources ? &row->resources[0] : NULL;
    int rc = 0;
    yk_audit_name(d, name);
    if (strcmp(row_title, cat_title) != 0)
        rc = yk_emit(ctx, &loc, "«%s»: назва в реєстрі (рядок %llu) відрізняється від каталогу",
                     "\"%s\": the title in the register (line %llu) differs from the catalog's",
                     name, line);
    /* The register may list the structure file's format or not; the data's it must. */
    struct fmt_set listed, all, data;
    format_set(link, link ? 1 : 0, false, &listed);
    format_set(d->resources, d->nresources, false, &all);
    format_set(d->resources, d->nresources, true, &data);
    if (rc == 0 && all.n && (!subset(&listed, &all) || !subset(&data, &listed)))
        rc = yk_emit(ctx, &loc, "«%s»: формати в реєстрі (рядок %llu) — «%s», у каталозі — «%s»",
                     "\"%s\": the formats in the register (line %llu) are \"%s\", the catalog's "
                     "\"%s\"",
                     name, line, set_text(&listed, a, sizeof a), set_text(&all, b, sizeof b));
    if (rc == 0 && (!link || yk_text_blank(link->url)))
        rc = yk_emit(ctx, &loc, "«%s»: у реєстрі (рядок %llu) немає посилання",
                     "\"%s\": the register (line %llu) gives no link", name, line);
    else if (rc == 0 && !link_leads(d, link->url))
        rc = yk_emit(ctx, &loc, "«%s»: посилання в реєстрі (рядок %llu) «%s» не веде до набору",
                     "\"%s\": the link in the register (line %llu) \"%s\" does not lead to the "
                     "dataset",
                     name, line, yk_audit_quote(link->url, url));
    return rc;
}

/* Compare one register (the catalog `reg` read from dataset result `ri`) with its scope. */
static int compare(struct yk_rule_ctx *ctx, const struct yk_audit_result *a, size_t ri,
                   size_t nregs, const struct yk_catalog *reg)
{
    struct yk_arena *arena = yk_ctx_arena(ctx);
    size_t n = a->ndatasets, nids = 0, ntitles = 0;
    struct key *ids = yk_arena_calloc(arena, 2 * n + 1, sizeof *ids);
    struct key *titles = yk_arena_calloc(arena, n + 1, sizeof *titles);
    bool *listed = yk_arena_calloc(arena, n + 1, sizeof *listed);
    const char **ftitle = yk_arena_calloc(arena, n + 1, sizeof *ftitle); /* by dataset */
    if (!ids || !titles || !listed || !ftitle)
        return YK_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const struct yk_dataset *d = a->datasets[i].dataset;
        if (!in_scope(a, i, ri, nregs))
            continue;
        if (!yk_text_blank(d->name))
            ids[nids++] = (struct key){d->name, i};
        if (!yk_text_blank(d->id) && (!d->name || strcasecmp(d->id, d->name) != 0))
            ids[nids++] = (struct key){d->id, i};
        if (!(ftitle[i] = folded(arena, d->title)))
            return YK_ENOMEM;
        titles[ntitles++] = (struct key){ftitle[i], i};
    }
    qsort(ids, nids, sizeof *ids, by_id);
    qsort(titles, ntitles, sizeof *titles, by_title);
    char regname[YK_FILE_SNIPPET_SIZE], id[YK_FILE_SNIPPET_SIZE];
    yk_audit_name(a->datasets[ri].dataset, regname);
    int rc = 0;
    for (size_t r = 0; r < reg->ndatasets && rc == 0; r++) {
        const struct yk_dataset *row = &reg->datasets[r];
        const char *rid = !yk_text_blank(row->id) ? row->id : row->name;
        struct key probe = {rid, 0}, *hit = NULL;
        const char *t = folded(arena, row->title);
        if (!t)
            return YK_ENOMEM;
        if (rid)
            hit = bsearch(&probe, ids, nids, sizeof *ids, by_id);
        probe.text = t;
        if (!hit && *t)
            hit = bsearch(&probe, titles, ntitles, sizeof *titles, by_title);
        if (!hit) {
            rc = yk_emit(ctx, NULL, "реєстр «%s», рядок %llu: набору «%s» немає в каталозі",
                         "register \"%s\", line %llu: the dataset \"%s\" is not in the catalog",
                         regname, (unsigned long long)row->source_line,
                         yk_audit_quote(rid ? rid : row->title, id));
            continue;
        }
        const struct yk_dataset *d = a->datasets[hit->dataset].dataset;
        listed[hit->dataset] = true;
        rc = compare_pair(ctx, row, d, t, ftitle[hit->dataset]);
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        const struct yk_dataset *d = a->datasets[i].dataset;
        struct yk_loc loc = yk_audit_loc(d);
        if (in_scope(a, i, ri, nregs) && !listed[i] && i != ri)
            rc = yk_emit(ctx, &loc, "набору «%s» немає в реєстрі «%s»",
                         "the dataset \"%s\" is missing from the register \"%s\"",
                         yk_audit_name(d, id), regname);
    }
    return rc;
}

static int mismatch_catalog(struct yk_rule_ctx *ctx, const struct yk_catalog *cat)
{
    const struct yk_item_status *st;
    const struct yk_audit_env *env = register_env(ctx, &st);
    size_t nregs = 0;
    int rc = 0;
    (void)cat;
    if (!env || st->state != YK_ITEM_COVERED)
        return 0;
    for (size_t i = 0; i < env->audit->ndatasets; i++)
        nregs +=
            env->audit->datasets[i].published && env->audit->datasets[i].match.item == st->item;
    for (size_t i = 0; i < env->audit->ndatasets && rc == 0; i++) {
        const struct yk_dataset_result *dr = &env->audit->datasets[i];
        const struct yk_catalog *reg;
        if (dr->published && dr->match.item == st->item &&
            (reg = load_register(ctx, dr->dataset)) != NULL)
            rc = compare(ctx, env->audit, i, nregs, reg);
    }
    return rc;
}

const struct yk_rule yk_rule_coverage_register_mismatch = {
    .id = "coverage.register_mismatch",
    .title_uk = "Реєстр не відповідає каталогу",
    .title_en = "Register inconsistent with the catalog",
    .rationale = "A register that lists datasets the catalog lacks, omits published ones, or "
                 "gives other titles, formats or links misleads users and the Ministry (plan "
                 "item 5.2: complete and current). Rows are matched by identifier (uid), then by "
                 "title; formats are compared after normalisation (the structure file's format "
                 "may be listed or not); a "
                 "link must name the dataset's slug or id or be one of its resources' links. "
                 "With several registers in a catalog, each is compared with its holder's "
                 "datasets.",
    .source = SOURCE_REGISTER "; план заходів, п. 5.2",
    .example = "identifier,title,distributionFormat,landingPage\nold-budget,Бюджет,CSV,https://…\n",
    .scope = YK_SCOPE_CATALOG,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_COVERAGE,
    .weight = 3,
    .on_catalog = mismatch_catalog,
};
