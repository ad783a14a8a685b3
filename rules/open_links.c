/* yakist — `open` rules on whether the links to the data work: local files that are missing or
 * unreadable, failed downloads, links yakist cannot follow, and paths that leave the catalog's
 * folder (never opened). Remote links that were not fetched are reported as not checked, never
 * as broken. */
#include <string.h>

#include "audit_rules.h"
#include "passport.h"

enum yk_res_state yk_audit_res_state(const struct yk_resource *r, const struct yk_file_result *f)
{
    switch (r->location) {
    case YK_RES_ESCAPES:
        return YK_RES_OUTSIDE;
    case YK_RES_MISSING:
        return YK_RES_BROKEN;
    case YK_RES_INVALID:
        return YK_RES_NO_LINK;
    case YK_RES_REMOTE:
        return !f ? YK_RES_UNCHECKED : f->readable ? YK_RES_WORKING : YK_RES_BROKEN;
    default:
        return f && !f->readable ? YK_RES_BROKEN : YK_RES_WORKING;
    }
}

/* --- open.broken, open.escapes, open.not_checked -------------------------------------------- */

static int broken_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    int rc = 0;
    if (!env)
        return 0;
    for (size_t i = 0; i < d->nresources && rc == 0; i++) {
        const struct yk_resource *r = &d->resources[i];
        const struct yk_file_result *f = yk_audit_file(env, i);
        enum yk_res_state s = yk_audit_res_state(r, f);
        char name[YK_FILE_SNIPPET_SIZE], url[YK_FILE_SNIPPET_SIZE], why[YK_FILE_SNIPPET_SIZE];
        struct yk_loc loc = yk_audit_loc(d);
        if (s != YK_RES_BROKEN && (s != YK_RES_NO_LINK || yk_text_blank(r->url)))
            continue;
        yk_audit_resource_name(r, i, name);
        yk_audit_quote(r->url, url);
        if (s == YK_RES_NO_LINK)
            rc =
                yk_emit(ctx, &loc, "ресурс «%s»: `url` «%s» — не адреса http(s) і не файл каталогу",
                        "resource \"%s\": `url` \"%s\" is neither an http(s) address nor a file "
                        "of the catalog",
                        name, url);
        else if (r->location == YK_RES_MISSING)
            rc = yk_emit(ctx, &loc, "ресурс «%s»: файлу «%s» немає в каталозі",
                         "resource \"%s\": the file \"%s\" is not in the catalog", name, url);
        else
            rc = yk_emit(ctx, &loc, "ресурс «%s»: «%s» не вдалося %s%.0s: %s",
                         "resource \"%s\": \"%s\" could not be %.0s%s: %s", name, url,
                         r->location == YK_RES_REMOTE ? "завантажити" : "прочитати",
                         r->location == YK_RES_REMOTE ? "downloaded" : "read",
                         yk_audit_quote(f ? f->error.message : "", why));
    }
    return rc;
}

const struct yk_rule yk_rule_open_broken = {
    .id = "open.broken",
    .title_uk = "Ресурс недоступний",
    .title_en = "Resource not available",
    .rationale = "The link to the data must resolve (п. 7, element 13). A local file that is "
                 "missing or cannot be read, a download that failed (with --fetch), or a link "
                 "that is neither http(s) nor a file of the catalog leaves users with nothing, "
                 "and a broken resource scores no star. Remote links that were not fetched are "
                 "not called broken: see open.not_checked.",
    .source = "Постанова КМУ № 835, Положення, п. 7, елемент 13; ckanext-qa: broken link = 0 ★",
    .example = "{\"url\": \"data/missing.csv\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_OPENNESS,
    .weight = 5,
    .compliance = true,
    .on_dataset = broken_dataset,
};

static int escapes_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    int rc = 0;
    if (!env)
        return 0;
    for (size_t i = 0; i < d->nresources && rc == 0; i++) {
        const struct yk_resource *r = &d->resources[i];
        char name[YK_FILE_SNIPPET_SIZE], url[YK_FILE_SNIPPET_SIZE];
        struct yk_loc loc = yk_audit_loc(d);
        if (r->location == YK_RES_ESCAPES)
            rc =
                yk_emit(ctx, &loc, "ресурс «%s»: шлях «%s» виходить за теку каталогу; не прочитано",
                        "resource \"%s\": the path \"%s\" leaves the catalog's folder; not read",
                        yk_audit_resource_name(r, i, name), yk_audit_quote(r->url, url));
    }
    return rc;
}

const struct yk_rule yk_rule_open_escapes = {
    .id = "open.escapes",
    .title_uk = "Шлях ресурсу виходить за каталог",
    .title_en = "Resource path leaves the catalog",
    .rationale = "A resource given as ../../etc/passwd or an absolute path outside the catalog's "
                 "folder (or a symbolic link leading out) is never opened: an audit must not "
                 "read files it was not given. For the publisher it is a broken link.",
    .source = "yakist: безпечне читання каталогу; Постанова КМУ № 835, Положення, п. 7, елемент 13",
    .example = "{\"url\": \"../../secret.csv\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_OPENNESS,
    .weight = 5,
    .compliance = true,
    .on_dataset = escapes_dataset,
};

static int not_checked_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    size_t n = 0;
    if (!env)
        return 0;
    for (size_t i = 0; i < d->nresources; i++)
        n += yk_audit_res_state(&d->resources[i], yk_audit_file(env, i)) == YK_RES_UNCHECKED;
    if (n == 0)
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc,
                   "віддалених ресурсів не перевірено: %zu (завантаження вимкнено, "
                   "див. --fetch)",
                   "remote resources not checked: %zu (downloads are off, see --fetch)", n);
}

const struct yk_rule yk_rule_open_not_checked = {
    .id = "open.not_checked",
    .title_uk = "Віддалені ресурси не перевірено",
    .title_en = "Remote resources not checked",
    .rationale = "Resources on other servers are downloaded only with --fetch. Without it their "
                 "content, format and availability are unknown: they are neither passed nor "
                 "failed, and their declared format stands in for the sniffed one.",
    .source = "yakist: аудит без завантаження (--fetch вимкнено)",
    .example = "{\"url\": \"https://data.gov.ua/dataset/…/resource.csv\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_OPENNESS,
    .weight = 0,
    .on_dataset = not_checked_dataset,
};
