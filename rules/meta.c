/* yakist — the `meta` rule family: the «паспорт набору даних», every element of п. 7 of the
 * Положення (Resolution 835) checked for presence and for the limits data.gov.ua applies. The
 * rules live in meta_*.c; this file holds the family table and the helpers the audit families
 * (coverage, meta, time, open) share. */
#include <stdio.h>
#include <string.h>

#include "audit_rules.h"
#include "families.h"

static const struct yk_rule *const meta_rules[] = {
    /* elements 1-5: identifier, title, description, purpose, language */
    &yk_rule_meta_identifier,
    &yk_rule_meta_identifier_form,
    &yk_rule_meta_title,
    &yk_rule_meta_title_length,
    &yk_rule_meta_title_wording,
    &yk_rule_meta_description,
    &yk_rule_meta_description_length,
    &yk_rule_meta_purpose,
    &yk_rule_meta_purpose_length,
    &yk_rule_meta_language,
    &yk_rule_meta_language_code,
    /* elements 6, 8-9, 11-13, 15: formats, dates, frequency, keywords, links, structure */
    &yk_rule_meta_format,
    &yk_rule_meta_dates,
    &yk_rule_meta_date_order,
    &yk_rule_meta_frequency,
    &yk_rule_meta_keywords,
    &yk_rule_meta_link,
    &yk_rule_meta_structure,
    /* elements 16-17 and the licence */
    &yk_rule_meta_publisher,
    &yk_rule_meta_publisher_code,
    &yk_rule_meta_maintainer,
    &yk_rule_meta_maintainer_email,
    &yk_rule_meta_licence,
};

const struct yk_family yk_family_meta = {
    .name = "meta",
    .title_uk = "Метадані: паспорт набору даних (п. 7 Положення) і ліцензія",
    .title_en = "Metadata: the dataset passport (п. 7 of the Regulation) and the licence",
    .rules = meta_rules,
    .nrules = sizeof meta_rules / sizeof meta_rules[0],
};

/* --- helpers shared by the audit families ----------------------------------------------- */

const struct yk_audit_env *yk_audit_dataset_env(const struct yk_rule_ctx *ctx)
{
    const struct yk_audit_env *env = yk_ctx_audit(ctx);
    return env && env->current && env->current->dataset ? env : NULL;
}

struct yk_loc yk_audit_loc(const struct yk_dataset *d)
{
    return (struct yk_loc){.line = d ? d->source_line : 0, .offset = YK_NO_OFFSET};
}

const char *yk_audit_name(const struct yk_dataset *d, char *buf)
{
    const char *s = d->name && *d->name ? d->name : d->id && *d->id ? d->id : NULL;
    if (s)
        return yk_file_snippet(buf, s, strlen(s));
    snprintf(buf, YK_FILE_SNIPPET_SIZE, "#%zu", d->index + 1);
    return buf;
}

const struct yk_file_result *yk_audit_file(const struct yk_audit_env *env, size_t i)
{
    const struct yk_dataset_result *cur = env->current;
    if (!cur->resources || i >= cur->dataset->nresources)
        return NULL;
    return cur->resources[i];
}

const char *yk_audit_resource_name(const struct yk_resource *r, size_t i, char *buf)
{
    const char *s = r->name && *r->name ? r->name : r->url && *r->url ? r->url : NULL;
    if (s)
        return yk_file_snippet(buf, s, strlen(s));
    snprintf(buf, YK_FILE_SNIPPET_SIZE, "#%zu", i + 1);
    return buf;
}

const char *yk_audit_quote(const char *s, char *buf)
{
    return yk_file_snippet(buf, s ? s : "", s ? strlen(s) : 0);
}

const char *yk_audit_cut(const char *s, size_t chars, char *buf, size_t size)
{
    size_t i = 0, n = 0;
    s = s ? s : "";
    while (s[i] && size > 4) {
        size_t k = 1;
        while (((unsigned char)s[i + k] & 0xC0) == 0x80)
            k++;
        if (n == chars || i + k > size - 4)
            break;
        i += k;
        n++;
    }
    memcpy(buf, s, i);
    if (s[i] && size > 4) {
        memcpy(buf + i, "\xE2\x80\xA6", 3); /* … */
        i += 3;
    }
    buf[i] = '\0';
    return buf;
}

bool yk_audit_published(const struct yk_dataset *d)
{
    if (d->is_private)
        return false;
    return !d->state || !*d->state || strcmp(d->state, "active") == 0;
}
