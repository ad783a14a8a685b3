/* yakist — evaluating an assessment card: each indicator's value from the audit, the history
 * of the year or the council's policy facts, its points by the template's rule, and a short
 * evidence text saying which number it was and how it scored. Integers only. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <yakist/audit.h>
#include <yakist/card.h>
#include <yakist/history.h>
#include <yakist/rule.h>

#define POLICY_VALUE_MAX INT64_C(1000000000000) /* |policy numbers| are clamped to this */
#define SHOWN_TEXT_MAX 60                       /* bytes of a policy string shown */
#define TEXT_MAX 512

/* A growing text of fixed room; what does not fit is cut (evidence is short by design). */
struct text {
    char s[TEXT_MAX];
    size_t n;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = t->n < sizeof t->s ? vsnprintf(t->s + t->n, sizeof t->s - t->n, fmt, ap) : 0;
    va_end(ap);
    if (w > 0)
        t->n = t->n + (size_t)w < sizeof t->s ? t->n + (size_t)w : sizeof t->s - 1;
}

struct eval {
    const struct yk_card_input *in;
    const struct yk_audit_result *audit;
    const struct yk_history_run *first, *last; /* runs of the year, NULL when none */
    size_t nyear;                              /* runs of the year */
    json_t *policy;                            /* NULL: the council has no policy block */
    bool have_council;
    unsigned year;
    bool uk;
};

/* What an indicator's source gave: a number, how to show it, and where it came from. */
struct got {
    bool ok;
    int64_t value;
    struct text shown;
    struct text from; /* without the scoring part */
};

static const char *L(const struct eval *e, const char *uk, const char *en)
{
    return e->uk ? uk : en;
}

static void show_pm(const struct eval *e, struct text *t, int64_t pm)
{
    add(t, "%" PRId64 "%s%" PRId64 " %%", pm / 10, e->uk ? "," : ".", (pm < 0 ? -pm : pm) % 10);
}

/* --- the audit ----------------------------------------------------------------------------- */

static size_t count_rule(const struct yk_audit_result *a, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < a->ncounts; i++)
        if (a->counts[i].rule && strcmp(a->counts[i].rule->id, id) == 0)
            n += (size_t)a->counts[i].count;
    return n;
}

/* Published datasets at stars or more, per mille of the published ones (1000 of none). */
static bool stars_pm(const struct eval *e, unsigned stars, struct got *g)
{
    size_t n = 0, at = 0;
    for (size_t i = 0; i < e->audit->ndatasets; i++) {
        const struct yk_dataset_result *d = &e->audit->datasets[i];
        n += d->published;
        at += d->published && d->stars >= stars;
    }
    g->value = n ? (int64_t)(at * 1000 / n) : 1000;
    add(&g->from, " (%zu %s %zu)", at, L(e, "з", "of"), n);
    return true;
}

static bool register_state(const struct eval *e, struct got *g)
{
    const struct yk_item_status *st = NULL;
    for (size_t i = 0; i < e->audit->nitems && !st; i++) {
        const char *std = e->audit->items[i].item ? e->audit->items[i].item->standard : NULL;
        if (std && strcmp(std, "register_of_datasets") == 0)
            st = &e->audit->items[i];
    }
    if (!st || st->state == YK_ITEM_NOT_APPLICABLE)
        return false;
    size_t mismatch = count_rule(e->audit, "coverage.register_mismatch") +
                      count_rule(e->audit, "coverage.register_unchecked") +
                      count_rule(e->audit, "coverage.register_missing");
    g->value = st->state != YK_ITEM_COVERED ? 0 : mismatch ? 1 : 2;
    add(&g->shown, "%s",
        g->value == 0 ? L(e, "не оприлюднено", "not published")
        : g->value == 1 ? L(e, "оприлюднено, є розбіжності", "published, differs")
                        : L(e, "оприлюднено, відповідає", "published, matches"));
    add(&g->from, " (%s %s, coverage.register_*: %zu)", st->item->key,
        st->state == YK_ITEM_COVERED ? L(e, "покрито", "covered") : L(e, "відсутній", "missing"),
        mismatch);
    return true;
}

enum akey {
    K_COVERAGE,
    K_EXTRA,
    K_COMPLIANT,
    K_ON_TIME,
    K_SCORE,
    K_COVERED,
    K_DATASETS,
    K_MACHINE,
    K_OPEN,
    K_REGISTER
};

static const struct audit_key {
    const char *name;
    bool pm;
    bool in_history; /* also kept for each run in the history */
} audit_keys[] = {
    [K_COVERAGE] = {"kpis.coverage_pm", true, true},
    [K_EXTRA] = {"kpis.extra_datasets", false, true},
    [K_COMPLIANT] = {"kpis.compliant_pm", true, true},
    [K_ON_TIME] = {"kpis.on_time_pm", true, true},
    [K_SCORE] = {"kpis.score_pm", true, true},
    [K_COVERED] = {"kpis.items_covered", false, true},
    [K_DATASETS] = {"kpis.datasets", false, true},
    [K_MACHINE] = {"datasets.machine_readable_pm", true, false},
    [K_OPEN] = {"datasets.open_format_pm", true, false},
    [K_REGISTER] = {"register.state", false, false},
};

#define NAUDIT_KEYS (sizeof audit_keys / sizeof audit_keys[0])

const char *yk_card_audit_key(size_t index, bool *unit_pm)
{
    if (index >= NAUDIT_KEYS)
        return NULL;
    if (unit_pm)
        *unit_pm = audit_keys[index].pm;
    return audit_keys[index].name;
}

static void of_text(const struct eval *e, struct got *g, size_t num, size_t den)
{
    add(&g->from, " (%zu %s %zu)", num, L(e, "з", "of"), den);
}

static bool from_audit(const struct eval *e, enum akey k, struct got *g)
{
    const struct yk_kpis *p = &e->audit->kpis;
    switch (k) {
    case K_COVERAGE:
        g->value = p->coverage_pm;
        of_text(e, g, p->items_covered, p->items_applicable);
        break;
    case K_EXTRA:
        g->value = (int64_t)p->extra_datasets;
        break;
    case K_COMPLIANT:
        g->value = p->compliant_pm;
        of_text(e, g, p->compliant, p->datasets);
        break;
    case K_ON_TIME:
        g->value = p->on_time_pm;
        of_text(e, g, p->on_time, p->datasets);
        break;
    case K_SCORE:
        if (!e->audit->score.scored)
            return false;
        g->value = p->score_pm;
        break;
    case K_COVERED:
        g->value = (int64_t)p->items_covered;
        break;
    case K_DATASETS:
        g->value = (int64_t)p->datasets;
        break;
    case K_MACHINE:
        return stars_pm(e, 2, g);
    case K_OPEN:
        return stars_pm(e, 3, g);
    case K_REGISTER:
        return register_state(e, g);
    }
    return true;
}

static bool from_run(const struct eval *e, enum akey k, struct got *g)
{
    const struct yk_history_run *r = e->last;
    switch (k) {
    case K_COVERAGE:
        g->value = r->coverage_pm;
        of_text(e, g, r->items_covered, r->items_applicable);
        break;
    case K_EXTRA:
        g->value = (int64_t)r->extra_datasets;
        break;
    case K_COMPLIANT:
        g->value = r->compliant_pm;
        of_text(e, g, r->compliant, r->datasets);
        break;
    case K_ON_TIME:
        g->value = r->on_time_pm;
        of_text(e, g, r->on_time, r->datasets);
        break;
    case K_SCORE:
        if (!r->scored)
            return false;
        g->value = r->score_pm;
        break;
    case K_COVERED:
        g->value = (int64_t)r->items_covered;
        break;
    case K_DATASETS:
        g->value = (int64_t)r->datasets;
        break;
    default:
        return false;
    }
    return true;
}

static void get_audit(const struct eval *e, const char *key, struct got *g, struct text *why)
{
    size_t k = 0;
    while (k < NAUDIT_KEYS && strcmp(audit_keys[k].name, key) != 0)
        k++;
    if (k == NAUDIT_KEYS) /* validated when the template was read */
        return;
    struct text tail = {0};
    if (e->audit) {
        g->ok = from_audit(e, (enum akey)k, g);
        add(&tail, "%s", g->from.s);
        g->from.n = 0;
        add(&g->from, "%s %s: %s = %" PRId64 "%s", L(e, "аудит станом на", "audit as of"),
            e->audit->as_of, key, g->value, tail.s);
    } else if (e->last && audit_keys[k].in_history) {
        g->ok = from_run(e, (enum akey)k, g);
        add(&tail, "%s", g->from.s);
        g->from.n = 0;
        add(&g->from, "%s %s: %s = %" PRId64 "%s", L(e, "історія, аудит", "history, audit"),
            e->last->quarter, key, g->value, tail.s);
    }
    if (!g->ok)
        add(why, "%s",
            e->audit || e->last
                ? L(e, "аудит не дав цього значення", "the audit gave no such value")
                : L(e, "немає аудиту за рік", "no audit for the year"));
    else if (g->shown.n == 0 && audit_keys[k].pm)
        show_pm(e, &g->shown, g->value);
    else if (g->shown.n == 0)
        add(&g->shown, "%" PRId64, g->value);
}

/* --- the history ----------------------------------------------------------------------------- */

static void get_history(const struct eval *e, const char *key, struct got *g, struct text *why)
{
    if (!e->in->have_history) {
        add(why, "%s", L(e, "немає історії (--history FILE)", "no history (--history FILE)"));
        return;
    }
    if (strcmp(key, "history.runs") == 0) {
        g->ok = true;
        g->value = (int64_t)e->nyear;
        add(&g->shown, "%zu", e->nyear);
        add(&g->from, "%s %u: %zu", L(e, "історія, аудитів за", "history, audits in"), e->year,
            e->nyear);
        if (e->first)
            add(&g->from, " (%s–%s)", e->first->quarter, e->last->quarter);
        return;
    }
    bool score = strcmp(key, "history.score_delta_pm") == 0;
    if (e->nyear < 2 || (score && !(e->first->scored && e->last->scored))) {
        add(why, "%s %u",
            L(e, "менше двох аудитів в історії за", "fewer than two audits recorded in"), e->year);
        return;
    }
    int64_t a = score ? e->first->score_pm : e->first->compliant_pm;
    int64_t b = score ? e->last->score_pm : e->last->compliant_pm;
    g->ok = true;
    g->value = b - a;
    add(&g->shown, "%s", g->value >= 0 ? "+" : "−");
    show_pm(e, &g->shown, g->value < 0 ? -g->value : g->value);
    add(&g->from, "%s: %s %s %" PRId64 " → %s %" PRId64, L(e, "історія", "history"),
        score ? "score_pm" : "compliant_pm", e->first->quarter, a, e->last->quarter, b);
}

/* --- the policy facts ------------------------------------------------------------------------ */

static bool truthy(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_TRUE:
        return true;
    case JSON_INTEGER:
        return json_integer_value(v) != 0;
    case JSON_REAL:
        return json_real_value(v) != 0.0;
    case JSON_STRING:
        return json_string_length(v) > 0;
    case JSON_ARRAY:
        return json_array_size(v) > 0;
    case JSON_OBJECT:
        return json_object_size(v) > 0;
    default:
        return false;
    }
}

/* key with "{year}" replaced by the card's year. */
static void expand(const struct eval *e, const char *key, char *buf, size_t size)
{
    struct text t = {0};
    for (const char *p = key; *p;) {
        if (strncmp(p, "{year}", 6) == 0) {
            add(&t, "%u", e->year);
            p += 6;
        } else {
            add(&t, "%c", *p++);
        }
    }
    /* Keys are short; a longer expansion is cut, and the lookup then finds nothing. */
    size_t n = strnlen(t.s, size - 1);
    memcpy(buf, t.s, n);
    buf[n] = '\0';
}

static const json_t *lookup(const struct eval *e, const char *key, char *path, size_t size)
{
    expand(e, key, path, size);
    const json_t *v = e->policy;
    char part[TEXT_MAX];
    for (const char *p = path; v && *p;) {
        size_t n = strcspn(p, ".");
        snprintf(part, sizeof part, "%.*s", (int)n, p);
        v = json_is_object(v) ? json_object_get(v, part) : NULL;
        p += n + (p[n] == '.');
    }
    return json_is_null(v) ? NULL : v;
}

static bool counted(const struct yk_card_indicator *ind, const char *prefix, const char *name,
                    const json_t *v)
{
    if (!prefix)
        return truthy(v);
    if (ind->count_field)
        name = json_string_value(json_object_get(v, ind->count_field));
    else if (!name)
        name = json_string_value(v);
    return name && strncmp(name, prefix, strlen(prefix)) == 0 && truthy(v);
}

/* A list counts its members, an object its members that are true or non-zero. */
static int64_t count_members(const struct eval *e, const struct yk_card_indicator *ind,
                             const json_t *v, struct text *note)
{
    char prefix[64];
    const char *k;
    const json_t *m;
    int64_t n = 0;
    if (ind->count_prefix)
        expand(e, ind->count_prefix, prefix, sizeof prefix);
    const char *pre = ind->count_prefix ? prefix : NULL;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++)
            n += counted(ind, pre, NULL, json_array_get(v, i));
    } else {
        json_object_foreach((json_t *)v, k, m) n += counted(ind, pre, k, m);
    }
    if (pre)
        add(note, ", %s%s%s «%s…»", L(e, "враховано", "counted"), ind->count_field ? " " : "",
            ind->count_field ? ind->count_field : "", pre);
    return n;
}

static int64_t clamp(int64_t v)
{
    return v > POLICY_VALUE_MAX ? POLICY_VALUE_MAX : v < -POLICY_VALUE_MAX ? -POLICY_VALUE_MAX : v;
}

/* The policy value as a number: true 1, a non-empty string 1, a list or object its count. */
static void policy_value(const struct eval *e, const struct yk_card_indicator *ind,
                         const char *path, const json_t *v, struct got *g)
{
    struct text note = {0};
    g->ok = true;
    switch (json_typeof(v)) {
    case JSON_TRUE:
    case JSON_FALSE:
        g->value = json_is_true(v);
        add(&g->shown, "%s", g->value ? L(e, "так", "yes") : L(e, "ні", "no"));
        break;
    case JSON_INTEGER:
        g->value = clamp(json_integer_value(v));
        add(&g->shown, "%" PRId64, g->value);
        break;
    case JSON_REAL:
        g->value = clamp((int64_t)json_real_value(v));
        add(&g->shown, "%" PRId64, g->value);
        break;
    case JSON_STRING: {
        const char *s = json_string_value(v);
        size_t n = strlen(s) > SHOWN_TEXT_MAX ? SHOWN_TEXT_MAX : strlen(s);
        while (n < strlen(s) && n > 0 && ((unsigned char)s[n] & 0xC0u) == 0x80u)
            n--; /* cut at a character boundary */
        g->value = s[0] != '\0';
        add(&g->shown, "«%.*s%s»", (int)n, s, n < strlen(s) ? "…" : "");
        break;
    }
    default:
        g->value = count_members(e, ind, v, &note);
        add(&g->shown, "%" PRId64, g->value);
        break;
    }
    add(&g->from, "policy.%s = %s%s", path, g->shown.s, note.s);
}

static void get_policy(const struct eval *e, const struct yk_card_indicator *ind, struct got *g,
                       struct text *why)
{
    char path[TEXT_MAX];
    if (!e->policy) {
        add(why, "%s",
            e->have_council
                ? L(e, "у council.json немає блоку policy", "council.json has no policy block")
                : L(e, "немає файлу ради (--council FILE)", "no council file (--council FILE)"));
        return;
    }
    const json_t *v = lookup(e, ind->key, path, sizeof path);
    if (!v) {
        add(why, "%s policy.%s", L(e, "немає ключа", "no key"), path);
        return;
    }
    policy_value(e, ind, path, v, g);
}

/* --- scoring ------------------------------------------------------------------------------- */

static void get_value(const struct eval *e, const struct yk_card_indicator *ind, struct got *g,
                      struct text *why)
{
    switch (ind->source) {
    case YK_CARD_AUDIT:
        get_audit(e, ind->key, g, why);
        break;
    case YK_CARD_HISTORY:
        get_history(e, ind->key, g, why);
        break;
    case YK_CARD_POLICY:
        get_policy(e, ind, g, why);
        break;
    }
}

/* The denominator of a ratio: fixed, or another key of the same source. */
static bool ratio_of(const struct eval *e, const struct yk_card_indicator *ind, int64_t *of,
                     struct text *why, struct text *from)
{
    if (!ind->of_key) {
        *of = ind->of;
        return true;
    }
    struct yk_card_indicator other = *ind;
    struct got d = {0};
    other.key = ind->of_key;
    other.count_prefix = NULL;
    get_value(e, &other, &d, why);
    if (d.ok && d.value <= 0) {
        add(why, "%s = 0", d.from.s);
        d.ok = false;
    }
    if (d.ok) {
        *of = d.value;
        add(from, "; %s", d.from.s);
    }
    return d.ok;
}

static void score(const struct eval *e, struct yk_card_value *out, struct got *g, struct text *why)
{
    const struct yk_card_indicator *ind = out->indicator;
    struct text rule = {0};
    if (g->ok && ind->rule == YK_CARD_RATIO && !ratio_of(e, ind, &out->of, why, &g->from))
        g->ok = false;
    if (!g->ok)
        return;
    unsigned pts = 0;
    if (ind->rule == YK_CARD_BOOLEAN) {
        pts = g->value != 0 ? ind->points : 0;
        add(&rule, "%s → %u", g->value ? L(e, "так", "yes") : L(e, "ні", "no"), pts);
    } else if (ind->rule == YK_CARD_THRESHOLDS) {
        const struct yk_card_step *best = NULL, *lowest = &ind->steps[0];
        for (size_t i = 0; i < ind->nsteps; i++) {
            if (g->value >= ind->steps[i].min && (!best || ind->steps[i].points > best->points))
                best = &ind->steps[i];
            if (ind->steps[i].min < lowest->min)
                lowest = &ind->steps[i];
        }
        pts = best ? best->points : 0;
        if (best)
            add(&rule, "≥ %" PRId64 " → %u", best->min, pts);
        else
            add(&rule, "< %" PRId64 " → 0", lowest->min);
    } else {
        int64_t v = g->value < 0 ? 0 : g->value > out->of ? out->of : g->value;
        pts = (unsigned)(v * (int64_t)ind->points / out->of);
        add(&rule, "%" PRId64 " × %u / %" PRId64 " → %u", v, ind->points, out->of, pts);
    }
    out->has_value = true;
    out->value = g->value;
    out->points = pts;
    add(&g->from, "; %s", rule.s);
}

static int evaluate_one(const struct eval *e, struct yk_arena *arena, struct yk_card_value *out)
{
    struct got g = {0};
    struct text why = {0};
    get_value(e, out->indicator, &g, &why);
    score(e, out, &g, &why);
    out->max = out->indicator->points;
    if (!out->has_value) {
        g.shown.n = 0;
        add(&g.shown, "—");
        g.from.n = 0;
        add(&g.from, "%s: %s → 0", L(e, "немає даних", "no data"), why.s);
    }
    out->shown = yk_arena_strdup(arena, g.shown.s);
    out->evidence = yk_arena_strdup(arena, g.from.s);
    return out->shown && out->evidence ? 0 : YK_ENOMEM;
}

/* --- the card ------------------------------------------------------------------------------ */

static int setup(struct eval *e, const struct yk_card_input *in, struct yk_error *err)
{
    char q[7];
    e->in = in;
    e->audit = in->audit;
    e->uk = in->lang == YK_LANG_UK;
    const struct yk_council *co = in->council ? in->council : in->audit ? in->audit->council : NULL;
    e->have_council = co != NULL;
    e->year = in->year;
    if (!e->year && in->audit && yk_quarter_of(in->audit->as_of, q) == 0)
        e->year = (unsigned)atoi(q);
    if (!e->year && in->nruns)
        e->year = (unsigned)atoi(in->runs[in->nruns - 1].quarter);
    if (!e->year)
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0,
                            "the card needs a year, an audit or a history");
    for (size_t i = 0; i < in->nruns; i++) {
        const char *rq = in->runs[i].quarter;
        if (rq && (unsigned)atoi(rq) == e->year) {
            e->first = e->first ? e->first : &in->runs[i];
            e->last = &in->runs[i];
            e->nyear++;
        }
    }
    if (co && co->policy_json) {
        e->policy = json_loads(co->policy_json, 0, NULL);
        if (!e->policy)
            return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    }
    return 0;
}

static int evaluate(const struct eval *e, const struct yk_card_template *card,
                    struct yk_arena *arena, struct yk_card_result *r)
{
    r->criteria = yk_arena_calloc(arena, card->ncriteria, sizeof *r->criteria);
    if (!r->criteria)
        return YK_ENOMEM;
    r->ncriteria = card->ncriteria;
    for (size_t c = 0; c < card->ncriteria; c++) {
        const struct yk_card_criterion *cr = &card->criteria[c];
        struct yk_card_criterion_result *cres = &r->criteria[c];
        cres->criterion = cr;
        cres->max = cr->max;
        cres->values = yk_arena_calloc(arena, cr->nindicators, sizeof *cres->values);
        if (!cres->values)
            return YK_ENOMEM;
        cres->nvalues = cr->nindicators;
        for (size_t i = 0; i < cr->nindicators; i++) {
            cres->values[i].indicator = &cr->indicators[i];
            if (evaluate_one(e, arena, &cres->values[i]) < 0)
                return YK_ENOMEM;
            cres->points += cres->values[i].points;
            r->no_data += !cres->values[i].has_value;
        }
        r->points += cres->points;
        r->max += cres->max;
    }
    return 0;
}

int yk_card_evaluate(const struct yk_card_template *card, const struct yk_card_input *in,
                     struct yk_arena *arena, struct yk_card_result **out, struct yk_error *err)
{
    struct eval e = {0};
    int rc = setup(&e, in, err);
    struct yk_card_result *r = rc == 0 ? yk_arena_calloc(arena, 1, sizeof *r) : NULL;
    if (rc == 0 && !r)
        rc = yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == 0) {
        const struct yk_council *co = in->council ? in->council
                                      : in->audit ? in->audit->council
                                                  : NULL;
        r->card = card;
        r->year = e.year;
        r->as_of = in->audit ? in->audit->as_of : e.last ? e.last->as_of : NULL;
        r->council = co ? co->name : e.last && e.last->council[0] ? e.last->council : NULL;
        if (evaluate(&e, card, arena, r) < 0)
            rc = yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    }
    json_decref(e.policy);
    if (rc == 0)
        *out = r;
    return rc;
}
