/* yakist — profiles: JSON that enables, disables and tunes rules. Everything is validated
 * against the registry at load time so a typo never silently turns a check off. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <yakist/profile.h>

#include "declarative.h"

struct param_value {
    const char *name; /* the descriptor's name (static) */
    char *value;      /* owned text */
};

struct setting {
    bool has_enabled, enabled;
    bool has_severity;
    enum yk_severity severity;
    bool has_weight;
    unsigned weight;
    bool has_tolerance;
    unsigned tolerance; /* per mille of failing rows or cells with full points (scoring) */
    struct param_value *params;
    size_t nparams;
};

struct yk_profile {
    char *name;
    const struct yk_registry *reg; /* borrowed; only for lookups, never when destroying */
    struct setting *settings;      /* one per rule registered at load, by registry index */
    size_t nsettings;
    struct yk_arena *arena;   /* the declared rules ("columns"), their patterns and texts */
    struct yk_decl_set *decl; /* NULL when the profile declares none */
};

void yk_profile_destroy(struct yk_profile *p)
{
    if (!p)
        return;
    if (p->settings) {
        for (size_t i = 0; i < p->nsettings; i++) {
            for (size_t j = 0; j < p->settings[i].nparams; j++)
                free(p->settings[i].params[j].value);
            free(p->settings[i].params);
        }
    }
    free(p->settings);
    free(p->name);
    yk_arena_destroy(p->arena);
    free(p);
}

static const struct yk_param_desc *find_param(const struct yk_rule *rule, const char *name)
{
    for (size_t i = 0; i < rule->nparams; i++)
        if (strcmp(rule->params[i].name, name) == 0)
            return &rule->params[i];
    return NULL;
}

/* Check one parameter value against its descriptor and keep its text form. */
static int set_param(struct setting *s, const struct yk_param_desc *pd, json_t *v, const char *file,
                     const char *key, struct yk_error *err)
{
    char buf[64];
    const char *text = NULL;
    switch (pd->type) {
    case YK_PARAM_INT:
        if (!json_is_integer(v))
            return yk_error_set(err, YK_EINVAL, file, 0, 0, "%s: expected an integer", key);
        if (json_integer_value(v) < pd->min || json_integer_value(v) > pd->max)
            return yk_error_set(err, YK_EINVAL, file, 0, 0,
                                "%s: %" JSON_INTEGER_FORMAT " is outside %" PRId64 "..%" PRId64,
                                key, json_integer_value(v), pd->min, pd->max);
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        text = buf;
        break;
    case YK_PARAM_BOOL:
        if (!json_is_boolean(v))
            return yk_error_set(err, YK_EINVAL, file, 0, 0, "%s: expected true or false", key);
        text = json_is_true(v) ? "true" : "false";
        break;
    case YK_PARAM_STRING:
        if (!json_is_string(v))
            return yk_error_set(err, YK_EINVAL, file, 0, 0, "%s: expected a string", key);
        text = json_string_value(v);
        break;
    }
    for (size_t i = 0; i < s->nparams; i++) {
        if (s->params[i].name == pd->name) {
            char *copy = strdup(text);
            if (!copy)
                return yk_error_set(err, YK_ENOMEM, file, 0, 0, "out of memory");
            free(s->params[i].value);
            s->params[i].value = copy;
            return 0;
        }
    }
    struct param_value *pv = realloc(s->params, (s->nparams + 1) * sizeof *pv);
    if (!pv)
        return yk_error_set(err, YK_ENOMEM, file, 0, 0, "out of memory");
    s->params = pv;
    pv[s->nparams].name = pd->name;
    pv[s->nparams].value = strdup(text);
    if (!pv[s->nparams].value)
        return yk_error_set(err, YK_ENOMEM, file, 0, 0, "out of memory");
    s->nparams++;
    return 0;
}

/* Apply one rule's entry: "off"/"error"/... , true/false, or an object. */
static int apply_entry(struct setting *s, const struct yk_rule *rule, json_t *v, const char *file,
                       const char *id, struct yk_error *err)
{
    char key[512];
    if (json_is_boolean(v)) {
        s->has_enabled = true;
        s->enabled = json_is_true(v);
        return 0;
    }
    if (json_is_string(v)) {
        enum yk_severity sev;
        if (yk_severity_parse(json_string_value(v), &sev) < 0)
            return yk_error_set(err, YK_EINVAL, file, 0, 0,
                                "rules.%s: '%s' is not one of off, info, warning, error", id,
                                json_string_value(v));
        s->has_enabled = true;
        s->enabled = sev != YK_SEV_OFF;
        if (sev != YK_SEV_OFF) {
            s->has_severity = true;
            s->severity = sev;
        }
        return 0;
    }
    if (!json_is_object(v))
        return yk_error_set(err, YK_EINVAL, file, 0, 0,
                            "rules.%s: expected an object, a severity or true/false", id);
    const char *k;
    json_t *x;
    json_object_foreach(v, k, x) {
        snprintf(key, sizeof key, "rules.%s.%s", id, k);
        if (strcmp(k, "enabled") == 0) {
            if (!json_is_boolean(x))
                return yk_error_set(err, YK_EINVAL, file, 0, 0, "%s: expected true or false", key);
            s->has_enabled = true;
            s->enabled = json_is_true(x);
        } else if (strcmp(k, "severity") == 0) {
            enum yk_severity sev;
            if (!json_is_string(x) || yk_severity_parse(json_string_value(x), &sev) < 0)
                return yk_error_set(err, YK_EINVAL, file, 0, 0,
                                    "%s: expected one of off, info, warning, error", key);
            s->has_severity = sev != YK_SEV_OFF;
            s->severity = sev;
            if (sev == YK_SEV_OFF) {
                s->has_enabled = true;
                s->enabled = false;
            }
        } else if (strcmp(k, "weight") == 0) {
            if (!json_is_integer(x) || json_integer_value(x) < 0 || json_integer_value(x) > 1000)
                return yk_error_set(err, YK_EINVAL, file, 0, 0,
                                    "%s: expected an integer from 0 to 1000", key);
            s->has_weight = true;
            s->weight = (unsigned)json_integer_value(x);
        } else if (strcmp(k, "tolerance") == 0) {
            if (!json_is_integer(x) || json_integer_value(x) < 0 || json_integer_value(x) > 1000)
                return yk_error_set(err, YK_EINVAL, file, 0, 0,
                                    "%s: expected an integer from 0 to 1000 (per mille)", key);
            s->has_tolerance = true;
            s->tolerance = (unsigned)json_integer_value(x);
        } else if (strcmp(k, "params") == 0) {
            if (!json_is_object(x))
                return yk_error_set(err, YK_EINVAL, file, 0, 0, "%s: expected an object", key);
            const char *pk;
            json_t *pvv;
            json_object_foreach(x, pk, pvv) {
                char pkey[600];
                snprintf(pkey, sizeof pkey, "%s.%s", key, pk);
                const struct yk_param_desc *pd = find_param(rule, pk);
                if (!pd)
                    return yk_error_set(err, YK_EINVAL, file, 0, 0,
                                        "%s: rule %s has no parameter '%s'", pkey, rule->id, pk);
                int rc = set_param(s, pd, pvv, file, pkey, err);
                if (rc < 0)
                    return rc;
            }
        } else {
            return yk_error_set(err, YK_EINVAL, file, 0, 0,
                                "%s: unknown key (expected enabled, severity, weight, tolerance, "
                                "params)",
                                key);
        }
    }
    return 0;
}

/* "family.*" entries apply to every rule of the family, before entries naming one rule. */
static int apply_rules(struct yk_profile *p, json_t *rules, const char *file, struct yk_error *err)
{
    if (!json_is_object(rules))
        return yk_error_set(err, YK_EINVAL, file, 0, 0, "rules: expected an object keyed by rule id");
    for (int pass = 0; pass < 2; pass++) {
        const char *id;
        json_t *v;
        json_object_foreach(rules, id, v) {
            size_t len = strlen(id);
            bool wildcard = len > 2 && strcmp(id + len - 2, ".*") == 0;
            if (wildcard != (pass == 0))
                continue;
            bool matched = false;
            for (size_t i = 0; i < yk_registry_count(p->reg); i++) {
                const struct yk_rule *r = yk_registry_rule(p->reg, i);
                if (wildcard ? strncmp(r->id, id, len - 1) != 0 : strcmp(r->id, id) != 0)
                    continue;
                matched = true;
                if (wildcard && json_is_object(v) && json_object_get(v, "params"))
                    return yk_error_set(err, YK_EINVAL, file, 0, 0,
                                        "rules.%s.params: parameters must name one rule", id);
                int rc = apply_entry(&p->settings[i], r, v, file, id, err);
                if (rc < 0)
                    return rc;
            }
            if (!matched)
                return yk_error_set(err, YK_ENOTFOUND, file, 0, 0,
                                    "rules.%s: no such rule (see `yakist rules`)", id);
        }
    }
    return 0;
}

/* The "columns" array: declared rules, compiled into the profile's own arena. */
static int parse_columns(struct yk_profile *p, json_t *columns, const char *file,
                         struct yk_error *err)
{
    if (!(p->arena = yk_arena_create(0)))
        return yk_error_set(err, YK_ENOMEM, file, 0, 0, "out of memory");
    return yk_decl_parse(columns, file, p->arena, &p->decl, err);
}

int yk_profile_parse(const char *text, size_t len, const char *name, const struct yk_registry *reg,
                     struct yk_profile **out, struct yk_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return yk_error_set(err, YK_EINVAL, name, (uint64_t)(jerr.line > 0 ? jerr.line : 0),
                            (uint64_t)(jerr.column > 0 ? jerr.column : 0), "not a valid profile: %s",
                            jerr.text);
    int rc = 0;
    struct yk_profile *p = calloc(1, sizeof *p);
    if (!p || !(p->settings = calloc(yk_registry_count(reg) + 1, sizeof *p->settings))) {
        rc = yk_error_set(err, YK_ENOMEM, name, 0, 0, "out of memory");
        goto fail;
    }
    p->reg = reg;
    p->nsettings = yk_registry_count(reg);
    if (!json_is_object(root)) {
        rc = yk_error_set(err, YK_EINVAL, name, 0, 0, "a profile is a JSON object");
        goto fail;
    }
    const char *k;
    json_t *v;
    json_object_foreach(root, k, v) {
        if (strcmp(k, "name") == 0) {
            if (!json_is_string(v)) {
                rc = yk_error_set(err, YK_EINVAL, name, 0, 0, "name: expected a string");
                goto fail;
            }
            free(p->name);
            p->name = strdup(json_string_value(v));
        } else if (strcmp(k, "description") == 0) {
            if (!json_is_string(v)) {
                rc = yk_error_set(err, YK_EINVAL, name, 0, 0, "description: expected a string");
                goto fail;
            }
        } else if (strcmp(k, "version") == 0) {
            if (!json_is_integer(v) || json_integer_value(v) != 1) {
                rc = yk_error_set(err, YK_EINVAL, name, 0, 0,
                                  "version: this yakist reads profile version 1");
                goto fail;
            }
        } else if (strcmp(k, "rules") == 0) {
            if ((rc = apply_rules(p, v, name, err)) < 0)
                goto fail;
        } else if (strcmp(k, "columns") == 0) {
            if ((rc = parse_columns(p, v, name, err)) < 0)
                goto fail;
        } else {
            rc = yk_error_set(err, YK_EINVAL, name, 0, 0,
                              "%s: unknown key (expected name, description, version, rules, "
                              "columns)",
                              k);
            goto fail;
        }
    }
    json_decref(root);
    *out = p;
    return 0;
fail:
    json_decref(root);
    yk_profile_destroy(p);
    return rc;
}

int yk_profile_load(const char *path, const struct yk_registry *reg, struct yk_profile **out,
                    struct yk_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return yk_error_set(err, YK_EIO, path, 0, 0, "cannot open profile");
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    int rc = 0;
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        if (cap >= (16u << 20)) {
            rc = yk_error_set(err, YK_ELIMIT, path, 0, 0, "profile larger than 16 MiB");
            break;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    if (!buf)
        rc = yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
    else if (rc == 0 && ferror(f))
        rc = yk_error_set(err, YK_EIO, path, 0, 0, "cannot read profile");
    fclose(f);
    if (rc == 0)
        rc = yk_profile_parse(buf, len, path, reg, out, err);
    free(buf);
    return rc;
}

const char *yk_profile_name(const struct yk_profile *p)
{
    return p ? p->name : NULL;
}

static const struct setting *setting_of(const struct yk_profile *p, const struct yk_rule *rule)
{
    if (!p)
        return NULL;
    size_t i = yk_registry_index(p->reg, rule);
    return i < p->nsettings ? &p->settings[i] : NULL;
}

const struct yk_family *yk_profile_family(const struct yk_profile *p)
{
    return p && p->decl && p->decl->n ? &p->decl->family : NULL;
}

int yk_profile_register(const struct yk_profile *p, struct yk_registry *reg,
                        struct yk_error *err)
{
    const struct yk_family *fam = yk_profile_family(p);
    return fam ? yk_registry_add_family(reg, fam, err) : 0;
}

bool yk_profile_enabled(const struct yk_profile *p, const struct yk_rule *rule)
{
    const struct setting *s = setting_of(p, rule);
    if (s && s->has_enabled)
        return s->enabled;
    return rule->severity != YK_SEV_OFF;
}

enum yk_severity yk_profile_severity(const struct yk_profile *p, const struct yk_rule *rule)
{
    const struct setting *s = setting_of(p, rule);
    return s && s->has_severity ? s->severity : rule->severity;
}

unsigned yk_profile_weight(const struct yk_profile *p, const struct yk_rule *rule)
{
    const struct setting *s = setting_of(p, rule);
    return s && s->has_weight ? s->weight : rule->weight;
}

unsigned yk_profile_tolerance(const struct yk_profile *p, const struct yk_rule *rule)
{
    const struct setting *s = setting_of(p, rule);
    if (s && s->has_tolerance)
        return s->tolerance;
    const struct yk_param_desc *pd = find_param(rule, "tolerance");
    if (pd && pd->type == YK_PARAM_INT) {
        const char *text = yk_profile_param(p, rule, "tolerance");
        long long v = text ? strtoll(text, NULL, 10) : 0;
        return v < 0 ? 0u : v > 1000 ? 1000u : (unsigned)v;
    }
    return rule->scope == YK_SCOPE_ROW || rule->scope == YK_SCOPE_CELL ? YK_PROFILE_TOLERANCE
                                                                         : 0u;
}

const char *yk_profile_param(const struct yk_profile *p, const struct yk_rule *rule,
                             const char *name)
{
    const struct yk_param_desc *pd = find_param(rule, name);
    if (!pd)
        return NULL;
    const struct setting *s = setting_of(p, rule);
    for (size_t i = 0; s && i < s->nparams; i++)
        if (s->params[i].name == pd->name)
            return s->params[i].value;
    return pd->default_value;
}
