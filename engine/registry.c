/* yakist — the rule registry: built-in families first, then families added at run time.
 * Lookup by id is a binary search over a sorted index rebuilt when a family is added. */
#include <stdlib.h>
#include <string.h>

#include <yakist/registry.h>

#include "families.h"

struct yk_registry {
    const struct yk_family **families;
    size_t nfamilies;
    const struct yk_rule **rules; /* registration order */
    size_t *family;               /* parallel to rules: index into families */
    const struct yk_rule **by_id; /* sorted by id */
    size_t nrules;
};

static int cmp_id(const void *a, const void *b)
{
    const struct yk_rule *const *x = a, *const *y = b;
    return strcmp((*x)->id, (*y)->id);
}

int yk_registry_create(struct yk_registry **out, struct yk_error *err)
{
    struct yk_registry *reg = calloc(1, sizeof *reg);
    if (!reg)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < yk_builtin_family_count; i++) {
        int rc = yk_registry_add_family(reg, yk_builtin_families[i], err);
        if (rc < 0) {
            yk_registry_destroy(reg);
            return rc;
        }
    }
    *out = reg;
    return 0;
}

void yk_registry_destroy(struct yk_registry *reg)
{
    if (!reg)
        return;
    free(reg->families);
    free(reg->rules);
    free(reg->family);
    free(reg->by_id);
    free(reg);
}

static int check_family(const struct yk_registry *reg, const struct yk_family *fam,
                        struct yk_error *err)
{
    size_t plen = strlen(fam->name);
    for (size_t i = 0; i < fam->nrules; i++) {
        const char *id = fam->rules[i]->id;
        if (strncmp(id, fam->name, plen) != 0 || id[plen] != '.' || id[plen + 1] == '\0')
            return yk_error_set(err, YK_EINVAL, NULL, 0, 0,
                                "rule id '%s' does not start with its family prefix '%s.'", id,
                                fam->name);
        for (size_t j = 0; j < i; j++)
            if (strcmp(fam->rules[j]->id, id) == 0)
                return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "rule id '%s' appears twice", id);
        if (yk_registry_find(reg, id))
            return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "rule id '%s' is already registered",
                                id);
    }
    for (size_t i = 0; i < reg->nfamilies; i++)
        if (strcmp(reg->families[i]->name, fam->name) == 0)
            return yk_error_set(err, YK_EINVAL, NULL, 0, 0,
                                "rule family '%s' is already registered", fam->name);
    return 0;
}

int yk_registry_add_family(struct yk_registry *reg, const struct yk_family *fam,
                           struct yk_error *err)
{
    int rc = check_family(reg, fam, err);
    if (rc < 0)
        return rc;
    const struct yk_family **fams = realloc(reg->families, (reg->nfamilies + 1) * sizeof *fams);
    if (!fams)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    reg->families = fams;
    size_t n = reg->nrules + fam->nrules;
    const struct yk_rule **rules = realloc(reg->rules, (n ? n : 1) * sizeof *rules);
    if (!rules)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    reg->rules = rules;
    size_t *family = realloc(reg->family, (n ? n : 1) * sizeof *family);
    if (!family)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    reg->family = family;
    const struct yk_rule **by_id = realloc(reg->by_id, (n ? n : 1) * sizeof *by_id);
    if (!by_id)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    reg->by_id = by_id;
    reg->families[reg->nfamilies++] = fam;
    for (size_t i = 0; i < fam->nrules; i++) {
        reg->rules[reg->nrules] = fam->rules[i];
        reg->family[reg->nrules] = reg->nfamilies - 1;
        reg->by_id[reg->nrules] = fam->rules[i];
        reg->nrules++;
    }
    qsort(reg->by_id, reg->nrules, sizeof *reg->by_id, cmp_id);
    return 0;
}

size_t yk_registry_count(const struct yk_registry *reg)
{
    return reg->nrules;
}

const struct yk_rule *yk_registry_rule(const struct yk_registry *reg, size_t index)
{
    return index < reg->nrules ? reg->rules[index] : NULL;
}

size_t yk_registry_family_count(const struct yk_registry *reg)
{
    return reg->nfamilies;
}

const struct yk_family *yk_registry_family(const struct yk_registry *reg, size_t index)
{
    return index < reg->nfamilies ? reg->families[index] : NULL;
}

const struct yk_rule *yk_registry_find(const struct yk_registry *reg, const char *id)
{
    size_t lo = 0, hi = reg->nrules;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(reg->by_id[mid]->id, id);
        if (c == 0)
            return reg->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct yk_family *yk_registry_family_of(const struct yk_registry *reg,
                                              const struct yk_rule *rule)
{
    size_t i = yk_registry_index(reg, rule);
    return i == (size_t)-1 ? NULL : reg->families[reg->family[i]];
}

size_t yk_registry_index(const struct yk_registry *reg, const struct yk_rule *rule)
{
    for (size_t i = 0; i < reg->nrules; i++)
        if (reg->rules[i] == rule)
            return i;
    return (size_t)-1;
}
