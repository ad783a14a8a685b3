/* yakist — the `open` rule family: are the data really open and machine-readable? The declared
 * format of every resource is normalised (look-alike letters, aliases, media types), compared
 * with what its bytes turned out to be when the file was checked, and ranked on the five-star
 * scale. Links that do not work are open_links.c's. */
#include <stdio.h>
#include <string.h>

#include "audit_rules.h"
#include "families.h"
#include "formats.h"
#include "passport.h"

#define SOURCE_OPEN "Мінцифри, методичні рекомендації: машиночитні формати (CSV, JSON, XML)"

/* --- what each resource is -------------------------------------------------------------- */

static bool usable(enum yk_res_state s)
{
    return s == YK_RES_WORKING || s == YK_RES_UNCHECKED;
}

/* A resource of the current dataset with what is known about it. */
struct res {
    const struct yk_resource *r;
    const struct yk_file_result *f; /* NULL: not checked */
    struct yk_fmt_reading fr;       /* its declared format */
    enum yk_res_state s;
    bool skip; /* a structure description beside data resources: not the data */
};

/* Does the dataset hold a resource besides its structure description? */
static bool has_data(const struct yk_dataset *d)
{
    for (size_t i = 0; i < d->nresources; i++)
        if (!yk_audit_is_structure(&d->resources[i]))
            return true;
    return false;
}

static void res_at(const struct yk_audit_env *env, const struct yk_dataset *d, size_t i, bool data,
                   struct res *out)
{
    out->skip = data && yk_audit_is_structure(&d->resources[i]);
    out->r = &d->resources[i];
    out->f = yk_audit_file(env, i);
    yk_fmt_read(out->r->format, &out->fr);
    out->s = yk_audit_res_state(out->r, out->f);
}

/* The format a resource really has: the declared one when the checked content fits it (it is
 * the more specific: GeoJSON, RDF), else the sniffed one; the declared one when unchecked. */
static const struct yk_fmt *effective(const struct res *x)
{
    const struct yk_file_result *f = x->f;
    const struct yk_fmt_reading *fr = &x->fr;
    if (!f || !f->readable || !f->info.input.content_format)
        return yk_fmt_best(fr);
    const char *cf = f->info.input.content_format, *box = f->info.input.container;
    for (size_t k = 0; k < fr->n; k++)
        if (fr->fmt[k]->family && fr->fmt[k]->cls != YK_FCLASS_ARCHIVE &&
            yk_fmt_fits(fr->fmt[k], cf, box))
            return fr->fmt[k];
    return yk_fmt_of_content(cf);
}

static unsigned resource_stars(enum yk_res_state s, const struct yk_fmt *fmt)
{
    return !usable(s) ? 0 : fmt ? fmt->stars : 1;
}

static bool structured(const struct yk_fmt *fmt)
{
    return fmt && (fmt->cls == YK_FCLASS_OPEN || fmt->cls == YK_FCLASS_SPREADSHEET);
}

/* --- open.format_declared ------------------------------------------------------------------- */

static void describe(unsigned flags, char *uk, char *en, size_t cap)
{
    static const struct {
        unsigned flag;
        const char *uk, *en;
    } words[] = {
        {YK_FMT_HOMOGLYPH, "кирилична літера, схожа на латинську", "a Cyrillic look-alike letter"},
        {YK_FMT_DOT, "крапка на початку", "a leading dot"},
        {YK_FMT_MIME, "тип MIME замість назви формату", "a media type instead of a format name"},
        {YK_FMT_URI, "URI замість назви формату", "a URI instead of a format name"},
        {YK_FMT_ALIAS, "інша назва чи описка", "another name or a typo"},
        {YK_FMT_SEVERAL, "кілька форматів в одному полі", "several formats in one field"},
    };
    uk[0] = en[0] = '\0';
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!(flags & words[i].flag))
            continue;
        size_t u = strlen(uk), e = strlen(en);
        snprintf(uk + u, cap - u, "%s%s", u ? ", " : "", words[i].uk);
        snprintf(en + e, cap - e, "%s%s", e ? ", " : "", words[i].en);
    }
}

static int declared_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    const unsigned minor = YK_FMT_CASE | YK_FMT_SPACE; /* meta.format's */
    const bool data = false;                           /* every resource's format field is judged */
    int rc = 0;
    if (!env)
        return 0;
    for (size_t i = 0; i < d->nresources && rc == 0; i++) {
        char name[YK_FILE_SNIPPET_SIZE], given[YK_FILE_SNIPPET_SIZE], uk[200], en[200];
        char norm[64] = "";
        struct yk_loc loc = yk_audit_loc(d);
        struct res x;
        res_at(env, d, i, data, &x);
        const struct yk_fmt_reading fr = x.fr;
        if (fr.empty || (!fr.unknown && !(fr.flags & ~minor)))
            continue;
        yk_audit_resource_name(x.r, i, name);
        yk_audit_quote(x.r->format, given);
        if (fr.n == 0) {
            rc = yk_emit(ctx, &loc, "ресурс «%s»: `format` «%s» не називає відомого формату",
                         "resource \"%s\": `format` \"%s\" names no known format", name, given);
            continue;
        }
        for (size_t k = 0; k < fr.n; k++)
            snprintf(norm + strlen(norm), sizeof norm - strlen(norm), "%s%s", k ? ", " : "",
                     fr.fmt[k]->name);
        describe(fr.flags, uk, en, sizeof uk);
        rc = yk_emit(ctx, &loc, "ресурс «%s»: `format` «%s» (%s%.0s) — має бути %s",
                     "resource \"%s\": `format` \"%s\" (%.0s%s) should be %s", name, given, uk, en,
                     norm);
    }
    return rc;
}

static const struct yk_rule format_declared = {
    .id = "open.format_declared",
    .title_uk = "Формат ресурсу записано з вадами",
    .title_en = "Resource format written wrongly",
    .rationale = "Portals count and filter resources by the format field, and the openness "
                 "assessment reads it. Real catalogs hold «.сsv» with a Cyrillic «с», "
                 "\"xls xlsx\", \"xlxs\", \"text/csv\" and EU file-type URIs: a person sees CSV, "
                 "a program sees nothing it knows. yakist normalises the field and gives the "
                 "name to write; an unknown name is reported as such.",
    .source = SOURCE_OPEN "; Постанова КМУ № 835, Положення, п. 7, елемент 6 (формат)",
    .example = "{\"format\": \".сsv\"} (Cyrillic «с»)",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_OPENNESS,
    .weight = 2,
    .compliance = true,
    .on_dataset = declared_dataset,
};

/* --- open.machine_readable ------------------------------------------------------------------ */

static int machine_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    char seen[64] = "";
    bool any = false, xls = false, archive = false, other = false;
    if (!env)
        return 0;
    const bool data = has_data(d);
    for (size_t i = 0; i < d->nresources; i++) {
        struct res x;
        res_at(env, d, i, data, &x);
        const struct yk_fmt *fmt = effective(&x);
        if (!usable(x.s) || x.skip)
            continue;
        if (structured(fmt))
            return 0;
        any = true;
        xls |= fmt && fmt->cls == YK_FCLASS_PROPRIETARY;
        /* An archive that was not opened (remote, or holding no table) says nothing of its
         * content: it is not called a document or an image. */
        if (fmt && fmt->cls == YK_FCLASS_ARCHIVE)
            archive = true;
        else
            other = true;
        const char *nm = fmt ? fmt->name : "?";
        if (!strstr(seen, nm) && strlen(seen) + strlen(nm) + 3 < sizeof seen)
            snprintf(seen + strlen(seen), sizeof seen - strlen(seen), "%s%s", *seen ? ", " : "",
                     nm);
    }
    if (!any)
        return 0; /* no resources (meta.link) or none that works (open.broken) */
    struct yk_loc loc = yk_audit_loc(d);
    if (xls)
        return yk_emit(ctx, &loc, "немає відкритого машиночитного ресурсу: лише %s; додайте CSV",
                       "no open machine-readable resource: only %s; add CSV", seen);
    if (archive)
        return yk_emit(
            ctx, &loc, "немає машиночитного ресурсу: лише %s (%s%.0sархів, вміст якого невідомий)",
            "no machine-readable resource: only %s (%.0s%san archive whose content is "
            "unknown)",
            seen, other ? "документи, зображення, " : "", other ? "documents, images, " : "");
    return yk_emit(ctx, &loc, "немає машиночитного ресурсу: лише %s (документи, зображення)",
                   "no machine-readable resource: only %s (documents, images)", seen);
}

static const struct yk_rule machine_readable = {
    .id = "open.machine_readable",
    .title_uk = "Немає машиночитного ресурсу",
    .title_en = "No machine-readable resource",
    .rationale = "Open data is published in structured, machine-readable, open formats: CSV, "
                 "JSON, XML, GeoJSON, KML, RDF, and XLSX or ODS with one table per sheet. A "
                 "dataset offered only as PDF, Word, HTML, scans or the closed XLS cannot be "
                 "processed by a program and fails the Ministry's requirements. The format is "
                 "the one sniffed from the file when it was checked, else the declared one.",
    .source = SOURCE_OPEN "; Постанова КМУ № 835: набори даних у машиночитному форматі",
    .example = "{\"resources\": [{\"format\": \"PDF\"}]}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_OPENNESS,
    .weight = 10,
    .compliance = true,
    .on_dataset = machine_dataset,
};

/* --- open.format_mismatch ------------------------------------------------------------------- */

static int mismatch_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    const bool data = false;
    int rc = 0;
    if (!env)
        return 0;
    for (size_t i = 0; i < d->nresources && rc == 0; i++) {
        struct res x;
        res_at(env, d, i, data, &x);
        const struct yk_file_result *f = x.f;
        const struct yk_fmt_reading fr = x.fr;
        if (!f || !f->readable || !f->info.input.content_format || fr.n == 0)
            continue;
        const char *cf = f->info.input.content_format, *box = f->info.input.container;
        bool fits = false;
        for (size_t k = 0; k < fr.n; k++)
            fits |= yk_fmt_fits(fr.fmt[k], cf, box);
        if (fits)
            continue;
        char name[YK_FILE_SNIPPET_SIZE];
        const struct yk_fmt *c = yk_fmt_of_content(cf);
        struct yk_loc loc = yk_audit_loc(d);
        rc = yk_emit(ctx, &loc, "ресурс «%s»: `format` каже %s, а вміст файлу — %s",
                     "resource \"%s\": `format` says %s, but the file's content is %s",
                     yk_audit_resource_name(x.r, i, name), fr.fmt[0]->name, c ? c->name : cf);
    }
    return rc;
}

static const struct yk_rule format_mismatch = {
    .id = "open.format_mismatch",
    .title_uk = "Заявлений формат не відповідає вмісту",
    .title_en = "Declared format differs from the content",
    .rationale = "The catalog says CSV but the file is a PDF, an HTML page or an Excel "
                 "workbook: users and harvesters are misled, and the openness of the dataset is "
                 "overstated. Only checked local files (or downloads) are compared; a compressed "
                 "file is judged by what it holds, and ZIP or GZIP may name the container.",
    .source = SOURCE_OPEN "; Постанова КМУ № 835, Положення, п. 7, елементи 6-7",
    .example = "{\"format\": \"CSV\", \"url\": \"report.pdf\"} (a PDF)",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_OPENNESS,
    .weight = 3,
    .compliance = true,
    .on_dataset = mismatch_dataset,
};

/* --- open.stars ----------------------------------------------------------------------------- */

static int stars_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    unsigned best = 0;
    const struct yk_fmt *top = NULL;
    if (!env)
        return 0;
    const bool data = has_data(d);
    for (size_t i = 0; i < d->nresources; i++) {
        struct res x;
        res_at(env, d, i, data, &x);
        const struct yk_fmt *fmt = effective(&x);
        unsigned s = x.skip ? 0 : resource_stars(x.s, fmt);
        if (s > best)
            best = s, top = fmt;
    }
    if (yk_licence_classify(d->license_id, d->license_title, NULL) != YK_LICENCE_OPEN)
        best = 0; /* meta.licence reports it */
    yk_ctx_set_stars(ctx, best);
    if (best != 2 || !structured(top))
        return 0; /* 0-1: meta.licence, open.broken, open.machine_readable say why; XLS alone is
                     open.machine_readable's too */
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc,
                   "★★: найкращий ресурс — %s (структурований, але закритий формат); "
                   "CSV чи JSON дали б ★★★",
                   "★★: the best resource is %s (structured, but a proprietary format); CSV or "
                   "JSON would give ★★★",
                   top->name);
}

static const struct yk_rule stars = {
    .id = "open.stars",
    .title_uk = "Дві зірки з п'яти: закритий структурований формат",
    .title_en = "Two stars of five: a proprietary structured format",
    .rationale = "The five-star scheme ranks a dataset by its best resource: ★ an open licence, "
                 "★★ structured data (XLS, XLSX), ★★★ a non-proprietary format (CSV, JSON, XML, "
                 "ODS), ★★★★ RDF and URIs, ★★★★★ linked data. A broken resource scores 0, and so "
                 "does everything without an open licence. yakist records the level of every "
                 "dataset; ★★★★ is rare and ★★★★★ is never awarded, since links to other data "
                 "cannot be judged from a format; a structure description beside the data does "
                 "not count. This rule speaks only when an accepted spreadsheet (XLSX) is the "
                 "best resource; lower levels, and XLS alone, are explained by meta.licence, "
                 "open.broken and open.machine_readable.",
    .source = "ckanext-qa five-star scheme (5stardata.info); " SOURCE_OPEN,
    .example = "{\"license_id\": \"cc-by\", \"resources\": [{\"format\": \"XLSX\"}]}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_OPENNESS,
    .weight = 3,
    .on_dataset = stars_dataset,
};

static const struct yk_rule *const open_rules[] = {
    &format_declared,     &machine_readable,     &format_mismatch,          &stars,
    &yk_rule_open_broken, &yk_rule_open_escapes, &yk_rule_open_not_checked,
};

const struct yk_family yk_family_open = {
    .name = "open",
    .title_uk = "Відкритість: формати, машиночитність, п'ять зірок, доступність",
    .title_en = "Openness: formats, machine-readability, five stars, availability",
    .rules = open_rules,
    .nrules = sizeof open_rules / sizeof open_rules[0],
};
