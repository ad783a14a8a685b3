/* yakist — reading an assessment card template (rules/card/ or --template FILE) into
 * the model of <yakist/card.h>, checking every key so that a mistake in a replacement template
 * is an error naming the key, never a silently wrong card. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <yakist/card.h>

#include "data.h"

#define PATH_MAX_LEN 160 /* "criteria[31].indicators[63].rule.steps[31].points" fits */

struct reader {
    struct yk_arena *arena;
    const char *origin;
    struct yk_error *err;
};

/* A key path for messages; a path too long for the buffer is cut (limits keep them short). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
pathf(char *dst, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, size, fmt, ap);
    va_end(ap);
}

static int bad(const struct reader *r, const char *path, const char *what)
{
    return yk_error_set(r->err, YK_EINVAL, r->origin, 0, 0, "%s: %s", path, what);
}

/* Unknown keys are errors (a typo must not silently score 0); keys starting with '$' or '_'
 * are comments. */
static int only_keys(const struct reader *r, const json_t *o, const char *path,
                     const char *const *known)
{
    const char *k;
    const json_t *v;
    json_object_foreach((json_t *)o, k, v)
    {
        (void)v;
        if (k[0] == '$' || k[0] == '_')
            continue;
        bool ok = false;
        for (size_t i = 0; known[i] && !ok; i++)
            ok = strcmp(k, known[i]) == 0;
        if (!ok) {
            char where[PATH_MAX_LEN + 64];
            pathf(where, sizeof where, "%s%s%.60s", path, path[0] ? "." : "", k);
            return bad(r, where, "unknown key");
        }
    }
    return 0;
}

/* A required (or optional) string member, copied into the arena. */
static int get_string(const struct reader *r, const json_t *o, const char *path, const char *key,
                      bool required, const char **out)
{
    char where[PATH_MAX_LEN + 32];
    const json_t *v = json_object_get(o, key);
    pathf(where, sizeof where, "%s%s%s", path, path[0] ? "." : "", key);
    if (!v && !required) {
        *out = NULL;
        return 0;
    }
    if (!json_is_string(v) || json_string_length(v) == 0)
        return bad(r, where, v ? "expected a non-empty string" : "missing");
    if (json_string_length(v) > 4096)
        return yk_error_set(r->err, YK_ELIMIT, r->origin, 0, 0, "%s: longer than 4096 bytes",
                            where);
    *out = yk_arena_strdup(r->arena, json_string_value(v));
    return *out ? 0 : yk_error_set(r->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
}

/* {"uk": ..., "en": ...}: uk required, en falls back to uk. */
static int get_title(const struct reader *r, const json_t *o, const char *path, const char *key,
                     bool required, const char **uk, const char **en)
{
    static const char *const known[] = {"uk", "en", NULL};
    char where[PATH_MAX_LEN + 32];
    const json_t *v = json_object_get(o, key);
    pathf(where, sizeof where, "%s%s%s", path, path[0] ? "." : "", key);
    *uk = *en = NULL;
    if (!v && !required)
        return 0;
    if (!json_is_object(v))
        return bad(r, where, v ? "expected an object {\"uk\": ..., \"en\": ...}" : "missing");
    int rc = only_keys(r, v, where, known);
    if (rc == 0)
        rc = get_string(r, v, where, "uk", true, uk);
    if (rc == 0)
        rc = get_string(r, v, where, "en", false, en);
    if (rc == 0 && !*en)
        *en = *uk;
    return rc;
}

static int get_int(const struct reader *r, const json_t *o, const char *path, const char *key,
                   int64_t lo, int64_t hi, int64_t *out)
{
    char where[PATH_MAX_LEN + 32];
    const json_t *v = json_object_get(o, key);
    pathf(where, sizeof where, "%s%s%s", path, path[0] ? "." : "", key);
    if (!json_is_integer(v))
        return bad(r, where, v ? "expected an integer" : "missing");
    json_int_t n = json_integer_value(v);
    if (n < lo || n > hi) {
        char what[96];
        snprintf(what, sizeof what, "%lld is out of range %lld..%lld", (long long)n, (long long)lo,
                 (long long)hi);
        return bad(r, where, what);
    }
    *out = n;
    return 0;
}

static int read_steps(const struct reader *r, const json_t *rule, const char *path,
                      struct yk_card_indicator *ind)
{
    static const char *const known[] = {"min", "points", NULL};
    char where[PATH_MAX_LEN], sw[PATH_MAX_LEN + 16];
    const json_t *steps = json_object_get(rule, "steps");
    size_t n = json_array_size(steps);
    pathf(where, sizeof where, "%s.steps", path);
    if (!json_is_array(steps) || n == 0)
        return bad(r, where, "expected a non-empty list of {\"min\": N, \"points\": P}");
    if (n > YK_CARD_MAX_STEPS)
        return yk_error_set(r->err, YK_ELIMIT, r->origin, 0, 0, "%s: more than %u steps", where,
                            YK_CARD_MAX_STEPS);
    struct yk_card_step *v = yk_arena_calloc(r->arena, n, sizeof *v);
    if (!v)
        return yk_error_set(r->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const json_t *s = json_array_get(steps, i);
        int64_t min, pts;
        pathf(sw, sizeof sw, "%s[%zu]", where, i);
        if (!json_is_object(s))
            return bad(r, sw, "expected an object {\"min\": N, \"points\": P}");
        int rc = only_keys(r, s, sw, known);
        if (rc == 0)
            rc = get_int(r, s, sw, "min", -1000000000, 1000000000, &min);
        if (rc == 0)
            rc = get_int(r, s, sw, "points", 0, ind->points, &pts);
        if (rc < 0)
            return rc;
        v[i] = (struct yk_card_step){.min = min, .points = (unsigned)pts};
    }
    ind->steps = v;
    ind->nsteps = n;
    return 0;
}

static int read_rule(const struct reader *r, const json_t *ind_json, const char *path,
                     struct yk_card_indicator *ind)
{
    static const char *const known[] = {"type", "steps", "of", "of_key", NULL};
    char where[PATH_MAX_LEN];
    const char *type = NULL;
    const json_t *rule = json_object_get(ind_json, "rule");
    pathf(where, sizeof where, "%s.rule", path);
    if (!json_is_object(rule))
        return bad(r, where, rule ? "expected an object" : "missing");
    int rc = only_keys(r, rule, where, known);
    if (rc == 0)
        rc = get_string(r, rule, where, "type", true, &type);
    if (rc < 0)
        return rc;
    if (strcmp(type, "boolean") == 0) {
        ind->rule = YK_CARD_BOOLEAN;
    } else if (strcmp(type, "thresholds") == 0) {
        ind->rule = YK_CARD_THRESHOLDS;
        return read_steps(r, rule, where, ind);
    } else if (strcmp(type, "ratio") == 0) {
        ind->rule = YK_CARD_RATIO;
        bool has_of = json_object_get(rule, "of") != NULL;
        if (has_of == (json_object_get(rule, "of_key") != NULL))
            return bad(r, where, "a ratio takes either \"of\" (a number) or \"of_key\"");
        if (has_of)
            return get_int(r, rule, where, "of", 1, 1000000000, &ind->of);
        return get_string(r, rule, where, "of_key", true, &ind->of_key);
    } else {
        pathf(where, sizeof where, "%s.rule.type", path);
        return bad(r, where, "expected boolean, thresholds or ratio");
    }
    return 0;
}

/* The key must be one the source can answer. */
static int check_key(const struct reader *r, const char *path, const char *key,
                     enum yk_card_source source)
{
    char where[PATH_MAX_LEN + 8];
    pathf(where, sizeof where, "%s.key", path);
    if (source == YK_CARD_AUDIT) {
        for (size_t i = 0; yk_card_audit_key(i, NULL); i++)
            if (strcmp(yk_card_audit_key(i, NULL), key) == 0)
                return 0;
        return bad(r, where, "not an audit key (docs/card.md lists them)");
    }
    if (source == YK_CARD_HISTORY) {
        if (strcmp(key, "history.runs") == 0 || strcmp(key, "history.score_delta_pm") == 0 ||
            strcmp(key, "history.compliant_delta_pm") == 0)
            return 0;
        return bad(r, where, "not a history key (docs/card.md lists them)");
    }
    size_t parts = 1;
    for (const char *p = key; *p; p++)
        parts += *p == '.';
    if (parts > YK_CARD_MAX_KEY_DEPTH || key[0] == '.' || strstr(key, "..") ||
        key[strlen(key) - 1] == '.')
        return bad(r, where, "expected a dotted path of at most 8 non-empty parts");
    return 0;
}

static int read_source(const struct reader *r, const json_t *o, const char *path,
                       struct yk_card_indicator *ind)
{
    const char *src = NULL;
    char where[PATH_MAX_LEN + 8];
    int rc = get_string(r, o, path, "source", true, &src);
    if (rc < 0)
        return rc;
    if (strcmp(src, "audit") == 0)
        ind->source = YK_CARD_AUDIT;
    else if (strcmp(src, "history") == 0)
        ind->source = YK_CARD_HISTORY;
    else if (strcmp(src, "policy") == 0)
        ind->source = YK_CARD_POLICY;
    else {
        pathf(where, sizeof where, "%s.source", path);
        return bad(r, where, "expected audit, history or policy");
    }
    rc = get_string(r, o, path, "key", true, &ind->key);
    if (rc == 0)
        rc = check_key(r, path, ind->key, ind->source);
    return rc;
}

static int read_count(const struct reader *r, const json_t *o, const char *path,
                      struct yk_card_indicator *ind)
{
    static const char *const known[] = {"prefix", "field", NULL};
    char where[PATH_MAX_LEN + 8];
    const json_t *c = json_object_get(o, "count");
    pathf(where, sizeof where, "%s.count", path);
    if (!c)
        return 0;
    if (!json_is_object(c) || ind->source != YK_CARD_POLICY)
        return bad(r, where, "expected an object, and only for a policy source");
    int rc = only_keys(r, c, where, known);
    if (rc == 0)
        rc = get_string(r, c, where, "prefix", true, &ind->count_prefix);
    if (rc == 0)
        rc = get_string(r, c, where, "field", false, &ind->count_field);
    return rc;
}

static int read_indicator(const struct reader *r, const json_t *o, const char *path,
                          struct yk_card_indicator *ind)
{
    static const char *const known[] = {"id",  "title", "plan", "points", "source",
                                        "key", "count", "rule", NULL};
    int64_t pts = 0;
    if (!json_is_object(o))
        return bad(r, path, "expected an object");
    int rc = only_keys(r, o, path, known);
    if (rc == 0)
        rc = get_string(r, o, path, "id", true, &ind->id);
    if (rc == 0)
        rc = get_title(r, o, path, "title", true, &ind->title_uk, &ind->title_en);
    if (rc == 0)
        rc = get_string(r, o, path, "plan", false, &ind->plan);
    if (rc == 0)
        rc = get_int(r, o, path, "points", 0, YK_CARD_MAX_POINTS, &pts);
    ind->points = (unsigned)pts;
    if (rc == 0)
        rc = read_source(r, o, path, ind);
    if (rc == 0)
        rc = read_count(r, o, path, ind);
    if (rc == 0)
        rc = read_rule(r, o, path, ind);
    return rc;
}

/* Indicator ids are unique over the whole card: reports and history refer to them. */
static int check_unique(const struct reader *r, const struct yk_card_criterion *crit, size_t n,
                        const char *id, const char *path)
{
    for (size_t c = 0; c < n; c++)
        for (size_t i = 0; i < crit[c].nindicators; i++)
            if (crit[c].indicators[i].id && strcmp(crit[c].indicators[i].id, id) == 0)
                return bad(r, path, "this id is used twice");
    return 0;
}

static int read_criterion(const struct reader *r, const json_t *o, const char *path,
                          struct yk_card_criterion *all, size_t index)
{
    static const char *const known[] = {"id", "title", "max", "indicators", NULL};
    struct yk_card_criterion *c = &all[index];
    char where[PATH_MAX_LEN];
    int64_t max = 0;
    if (!json_is_object(o))
        return bad(r, path, "expected an object");
    int rc = only_keys(r, o, path, known);
    if (rc == 0)
        rc = get_string(r, o, path, "id", true, &c->id);
    if (rc == 0)
        rc = get_title(r, o, path, "title", true, &c->title_uk, &c->title_en);
    if (rc == 0)
        rc = get_int(r, o, path, "max", 0, YK_CARD_MAX_POINTS * YK_CARD_MAX_INDICATORS, &max);
    if (rc < 0)
        return rc;
    const json_t *inds = json_object_get(o, "indicators");
    size_t n = json_array_size(inds);
    pathf(where, sizeof where, "%s.indicators", path);
    if (!json_is_array(inds) || n == 0)
        return bad(r, where, "expected a non-empty list");
    if (n > YK_CARD_MAX_INDICATORS)
        return yk_error_set(r->err, YK_ELIMIT, r->origin, 0, 0, "%s: more than %u indicators",
                            where, YK_CARD_MAX_INDICATORS);
    struct yk_card_indicator *v = yk_arena_calloc(r->arena, n, sizeof *v);
    if (!v)
        return yk_error_set(r->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    c->indicators = v;
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++) {
        char iw[PATH_MAX_LEN];
        pathf(iw, sizeof iw, "%s[%zu]", where, i);
        if ((rc = read_indicator(r, json_array_get(inds, i), iw, &v[i])) < 0)
            return rc;
        strncat(iw, ".id", sizeof iw - strlen(iw) - 1);
        if ((rc = check_unique(r, all, index + 1, v[i].id, iw)) < 0)
            return rc;
        c->nindicators = i + 1;
        sum += v[i].points;
    }
    c->max = (unsigned)max;
    if (sum != c->max) {
        char what[96];
        snprintf(what, sizeof what, "%u, but its indicators' points add up to %u", c->max, sum);
        pathf(where, sizeof where, "%s.max", path);
        return bad(r, where, what);
    }
    return 0;
}

static int read_card(const struct reader *r, const json_t *root, struct yk_card_template *t)
{
    static const char *const known[] = {"id", "version", "title", "note", "criteria", NULL};
    if (!json_is_object(root))
        return bad(r, "(top)", "expected an object");
    int rc = only_keys(r, root, "", known);
    if (rc == 0)
        rc = get_string(r, root, "", "id", true, &t->id);
    if (rc == 0)
        rc = get_string(r, root, "", "version", true, &t->version);
    if (rc == 0)
        rc = get_title(r, root, "", "title", true, &t->title_uk, &t->title_en);
    if (rc == 0)
        rc = get_title(r, root, "", "note", false, &t->note_uk, &t->note_en);
    if (rc < 0)
        return rc;
    const json_t *crit = json_object_get(root, "criteria");
    size_t n = json_array_size(crit);
    if (!json_is_array(crit) || n == 0)
        return bad(r, "criteria", "expected a non-empty list");
    if (n > YK_CARD_MAX_CRITERIA)
        return yk_error_set(r->err, YK_ELIMIT, r->origin, 0, 0, "criteria: more than %u",
                            YK_CARD_MAX_CRITERIA);
    struct yk_card_criterion *v = yk_arena_calloc(r->arena, n, sizeof *v);
    if (!v)
        return yk_error_set(r->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        char where[PATH_MAX_LEN];
        pathf(where, sizeof where, "criteria[%zu]", i);
        if ((rc = read_criterion(r, json_array_get(crit, i), where, v, i)) < 0)
            return rc;
        for (size_t j = 0; j < i; j++)
            if (strcmp(v[j].id, v[i].id) == 0)
                return bad(r, strncat(where, ".id", sizeof where - strlen(where) - 1),
                           "this id is used twice");
        t->max += v[i].max;
    }
    t->criteria = v;
    t->ncriteria = n;
    return 0;
}

int yk_card_template_parse(const char *text, size_t len, const char *origin, struct yk_arena *arena,
                           const struct yk_card_template **out, struct yk_error *err)
{
    json_error_t je;
    struct reader r = {.arena = arena, .origin = origin ? origin : "", .err = err};
    if (len > YK_CARD_MAX_BYTES)
        return yk_error_set(err, YK_ELIMIT, r.origin, 0, 0,
                            "the card template is larger than %u bytes", YK_CARD_MAX_BYTES);
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return yk_error_set(err, YK_EPARSE, r.origin, (uint64_t)(je.line > 0 ? je.line : 0),
                            (uint64_t)(je.column > 0 ? je.column : 0), "%s", je.text);
    struct yk_card_template *t = yk_arena_calloc(arena, 1, sizeof *t);
    int rc = t ? 0 : yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == 0 && !(t->origin = yk_arena_strdup(arena, r.origin)))
        rc = yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == 0)
        rc = read_card(&r, root, t);
    json_decref(root);
    if (rc == 0)
        *out = t;
    return rc;
}

/* The whole file, NUL-terminated, within the size limit. */
static int slurp(const char *path, char **out, size_t *len, struct yk_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return yk_error_set(err, YK_EIO, path, 0, 0, "cannot open the card template");
    char *buf = malloc(YK_CARD_MAX_BYTES + 2);
    size_t n = buf ? fread(buf, 1, YK_CARD_MAX_BYTES + 1, f) : 0;
    int rc = 0;
    if (!buf)
        rc = yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    else if (ferror(f))
        rc = yk_error_set(err, YK_EIO, path, 0, 0, "cannot read the card template");
    else if (n > YK_CARD_MAX_BYTES)
        rc = yk_error_set(err, YK_ELIMIT, path, 0, 0, "the card template is larger than %u bytes",
                          YK_CARD_MAX_BYTES);
    fclose(f);
    if (rc < 0) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

int yk_card_template_load(const char *path, struct yk_arena *arena,
                          const struct yk_card_template **out, struct yk_error *err)
{
    if (!path) {
        const struct yk_blob *blob = yk_data_find(YK_CARD_DEFAULT);
        if (!blob)
            return yk_error_set(err, YK_EINTERNAL, NULL, 0, 0,
                                "the card template %s is not compiled in", YK_CARD_DEFAULT);
        return yk_card_template_parse((const char *)blob->data, blob->len,
                                      "embedded:" YK_CARD_DEFAULT, arena, out, err);
    }
    char *text = NULL;
    size_t len = 0;
    int rc = slurp(path, &text, &len, err);
    if (rc == 0)
        rc = yk_card_template_parse(text, len, path, arena, out, err);
    free(text);
    return rc;
}
