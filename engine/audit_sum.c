/* yakist — summing up an audit: whose dataset is whose (the council's publishers by ЄДРПОУ,
 * name or alias, normalised), the state of every Перелік item and who answers for it, the
 * per-publisher results, the KPIs against the plan's targets and the audit-wide counts. */
#include <stdlib.h>
#include <string.h>

#include "audit_priv.h"
#include "match.h"

#define NAME_MAX_BYTES 1024u /* of a holder's name, compared after normalising */

/* --- a small string map: normalised name -> publisher index --------------------------------- */

struct name_map {
    const char **key;
    size_t *value;
    size_t nslots; /* a power of two, at least twice the entries */
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static int map_init(struct name_map *m, size_t entries, struct yk_arena *arena)
{
    m->nslots = 16;
    while (m->nslots < 2 * entries + 2)
        m->nslots *= 2;
    m->key = yk_arena_calloc(arena, m->nslots, sizeof *m->key);
    m->value = yk_arena_calloc(arena, m->nslots, sizeof *m->value);
    return m->key && m->value ? 0 : YK_ENOMEM;
}

/* The slot of key: where it is, or the empty one where it would go. */
static size_t map_slot(const struct name_map *m, const char *key)
{
    size_t mask = m->nslots - 1;
    size_t i = (size_t)hash_str(key) & mask;
    while (m->key[i] && strcmp(m->key[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

/* The first holder to claim a name keeps it. */
static void map_put(struct name_map *m, const char *key, size_t value)
{
    size_t i = map_slot(m, key);
    if (!m->key[i]) {
        m->key[i] = key;
        m->value[i] = value;
    }
}

static bool map_get(const struct name_map *m, const char *key, size_t *value)
{
    size_t i = map_slot(m, key);
    if (m->key[i])
        *value = m->value[i];
    return m->key[i] != NULL;
}

/* --- publishers ------------------------------------------------------------------------------ */

/* A name normalised into the arena; NULL when empty (or out of memory: *rc set). */
static const char *norm_name(struct yk_arena *arena, const char *name, int *rc)
{
    char buf[NAME_MAX_BYTES];
    if (!name || !yk_match_fold_name(name, buf, sizeof buf))
        return NULL;
    char *s = yk_arena_strdup(arena, buf);
    if (!s)
        *rc = YK_ENOMEM;
    return s;
}

/* An ЄДРПОУ with spaces dropped: "ed:" + digits, so it never meets a name in the map. */
static const char *norm_code(struct yk_arena *arena, const char *code, int *rc)
{
    char buf[32] = "ed:";
    size_t n = 3;
    for (; code && *code && n + 1 < sizeof buf; code++)
        if (*code >= '0' && *code <= '9')
            buf[n++] = *code;
        else if (*code != ' ')
            return NULL;
    if (n == 3)
        return NULL;
    buf[n] = 0;
    char *s = yk_arena_strdup(arena, buf);
    if (!s)
        *rc = YK_ENOMEM;
    return s;
}

static int council_names(struct audit *a, struct name_map *map)
{
    const struct yk_council *co = a->res->council;
    int rc = 0;
    for (size_t i = 0; co && i < co->npublishers; i++) {
        const struct yk_publisher *p = &co->publishers[i];
        const char *k;
        if ((k = norm_code(a->arena, p->edrpou, &rc)))
            map_put(map, k, i);
        if ((k = norm_name(a->arena, p->name, &rc)))
            map_put(map, k, i);
        for (size_t j = 0; j < p->naliases; j++)
            if ((k = norm_name(a->arena, p->aliases[j], &rc)))
                map_put(map, k, i);
        if (rc < 0)
            return rc;
    }
    return rc;
}

/* The publisher index of dataset d, adding a holder of its own when the council does not list
 * it; SIZE_MAX when the catalog names none. */
static int resolve_one(struct audit *a, struct name_map *map, const struct yk_dataset *d,
                       struct yk_publisher *own, size_t *nown, size_t base, size_t *out)
{
    int rc = 0;
    const char *code = norm_code(a->arena, d->publisher_edrpou, &rc);
    const char *name = norm_name(a->arena, d->publisher_name, &rc);
    *out = SIZE_MAX;
    if (rc < 0)
        return rc;
    if ((code && map_get(map, code, out)) || (name && map_get(map, name, out)))
        return 0;
    if (!name)
        return 0;
    *out = base + *nown;
    own[(*nown)++] =
        (struct yk_publisher){.name = d->publisher_name, .edrpou = d->publisher_edrpou};
    map_put(map, name, *out);
    if (code)
        map_put(map, code, *out);
    return 0;
}

int yk_audit_resolve_publishers(struct audit *a)
{
    struct yk_audit_result *res = a->res;
    const struct yk_council *co = res->council;
    size_t base = co ? co->npublishers : 0, nown = 0, names = 0;
    for (size_t i = 0; co && i < co->npublishers; i++)
        names += 2 + co->publishers[i].naliases;
    struct name_map map;
    struct yk_publisher *own = malloc((res->ndatasets ? res->ndatasets : 1) * sizeof *own);
    size_t *idx = yk_arena_calloc(a->arena, res->ndatasets ? res->ndatasets : 1, sizeof *idx);
    int rc = !own || !idx ? YK_ENOMEM : map_init(&map, names + 2 * res->ndatasets, a->arena);
    if (rc == 0)
        rc = council_names(a, &map);
    for (size_t i = 0; rc == 0 && i < res->ndatasets; i++)
        rc = resolve_one(a, &map, res->datasets[i].dataset, own, &nown, base, &idx[i]);
    res->npublishers = base + nown;
    res->publishers = rc < 0 ? NULL
                             : yk_arena_calloc(a->arena, res->npublishers ? res->npublishers : 1,
                                               sizeof *res->publishers);
    struct yk_publisher *copy =
        rc < 0 ? NULL : yk_arena_calloc(a->arena, nown ? nown : 1, sizeof *copy);
    if (rc == 0 && (!res->publishers || !copy))
        rc = YK_ENOMEM;
    if (rc == 0) {
        memcpy(copy, own, nown * sizeof *copy);
        for (size_t i = 0; i < res->npublishers; i++)
            res->publishers[i].publisher = i < base ? &co->publishers[i] : &copy[i - base];
        for (size_t i = 0; i < res->ndatasets; i++)
            res->datasets[i].publisher =
                idx[i] == SIZE_MAX ? NULL : res->publishers[idx[i]].publisher;
        a->publisher_of = idx;
    }
    free(own);
    return rc < 0 ? yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory") : 0;
}

/* --- Перелік items --------------------------------------------------------------------------- */

static const struct yk_publisher *publisher_by_id(const struct yk_council *co, const char *id)
{
    for (size_t i = 0; co && id && i < co->npublishers; i++)
        if (co->publishers[i].id && strcmp(co->publishers[i].id, id) == 0)
            return &co->publishers[i];
    return NULL;
}

static const struct yk_publisher *responsible(const struct yk_council *co, const char *key)
{
    for (size_t i = 0; co && i < co->nresponsibilities; i++)
        if (strcmp(co->responsibilities[i].item, key) == 0)
            return publisher_by_id(co, co->responsibilities[i].publisher);
    return NULL;
}

static const char *not_applicable(const struct yk_council *co, const char *key)
{
    for (size_t i = 0; co && i < co->nnot_applicable; i++)
        if (strcmp(co->not_applicable[i].item, key) == 0)
            return co->not_applicable[i].reason ? co->not_applicable[i].reason : "";
    return NULL;
}

/* A published dataset covers its item, even one the council declared not applicable. */
int yk_audit_item_states(struct audit *a)
{
    struct yk_audit_result *res = a->res;
    const struct yk_perelik *p = res->perelik;
    res->nitems = p->nitems;
    res->items = yk_arena_calloc(a->arena, p->nitems ? p->nitems : 1, sizeof *res->items);
    if (!res->items)
        return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < res->ndatasets; i++) {
        const struct yk_dataset_result *dr = &res->datasets[i];
        if (!dr->published || !dr->match.item)
            continue;
        struct yk_item_status *st = &res->items[dr->match.item - p->items];
        if (!st->ndatasets++)
            st->publisher = dr->publisher;
    }
    for (size_t i = 0; i < p->nitems; i++) {
        struct yk_item_status *st = &res->items[i];
        const struct yk_publisher *who = responsible(res->council, p->items[i].key);
        st->item = &p->items[i];
        st->publisher = who ? who : st->publisher;
        st->reason = st->ndatasets ? NULL : not_applicable(res->council, p->items[i].key);
        st->state = st->ndatasets ? YK_ITEM_COVERED
                    : st->reason  ? YK_ITEM_NOT_APPLICABLE
                                  : YK_ITEM_MISSING;
    }
    return 0;
}

/* --- counts, publishers, KPIs ---------------------------------------------------------------- */

void yk_audit_add_counts(struct audit *a, const struct yk_rule_count *counts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = yk_registry_index(a->opt->registry, counts[i].rule);
        if (k == (size_t)-1)
            continue;
        a->count[k] += counts[i].count;
        a->kept[k] += counts[i].kept;
    }
}

static int audit_counts(struct audit *a)
{
    const struct yk_registry *reg = a->opt->registry;
    size_t n = yk_registry_count(reg), nc = 0;
    for (size_t i = 0; i < n; i++)
        nc += a->count[i] > 0;
    struct yk_rule_count *c = yk_arena_calloc(a->arena, nc ? nc : 1, sizeof *c);
    if (!c)
        return YK_ENOMEM;
    nc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!a->count[i])
            continue;
        const struct yk_rule *r = yk_registry_rule(reg, i);
        c[nc++] = (struct yk_rule_count){r, yk_profile_severity(a->opt->profile, r), a->count[i],
                                         a->kept[i]};
    }
    a->res->counts = c;
    a->res->ncounts = nc;
    return 0;
}

/* The index of a council publisher in res->publishers (they come first, in council order). */
static size_t council_index(const struct yk_audit_result *res, const struct yk_publisher *p)
{
    const struct yk_council *co = res->council;
    if (p && co && p >= co->publishers && p < co->publishers + co->npublishers)
        return (size_t)(p - co->publishers);
    return SIZE_MAX;
}

static unsigned per_mille(size_t part, size_t whole)
{
    return whole ? (unsigned)((uint64_t)part * 1000u / whole) : 1000u;
}

int yk_audit_summarise(struct audit *a)
{
    struct yk_audit_result *res = a->res;
    struct yk_kpis *k = &res->kpis;
    for (size_t i = 0; i < res->ndatasets; i++) {
        const struct yk_dataset_result *dr = &res->datasets[i];
        if (!dr->published)
            continue;
        k->datasets++;
        k->compliant += dr->compliant;
        k->on_time += !dr->overdue;
        k->extra_datasets += dr->match.item == NULL;
        if (a->publisher_of[i] == SIZE_MAX)
            continue;
        struct yk_publisher_result *pr = &res->publishers[a->publisher_of[i]];
        pr->ndatasets++;
        pr->ncompliant += dr->compliant;
        pr->noverdue += dr->overdue;
    }
    k->items_total = res->nitems;
    for (size_t i = 0; i < res->nitems; i++) {
        const struct yk_item_status *st = &res->items[i];
        k->items_applicable += st->state != YK_ITEM_NOT_APPLICABLE;
        k->items_covered += st->state == YK_ITEM_COVERED;
        size_t p = st->state == YK_ITEM_MISSING ? council_index(res, st->publisher) : SIZE_MAX;
        if (p != SIZE_MAX)
            res->publishers[p].nmissing++;
    }
    k->coverage_pm = per_mille(k->items_covered, k->items_applicable);
    k->compliant_pm = per_mille(k->compliant, k->datasets);
    k->on_time_pm = per_mille(k->on_time, k->datasets);
    if (audit_counts(a) < 0)
        return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    return 0;
}
