/* yakist — reading a JSON structure file: a Frictionless Table Schema (`fields`), CSVW metadata
 * (`tableSchema.columns`), a resource descriptor holding either, and the Ukrainian variants:
 * the 2019 files (`titles`, `dc:description`, a first pseudo-column repeating the header) and
 * the 2025 draft (`title`, `description`, a `context` wrapper, `anyURL`, a primary key outside
 * the table schema, names with stray whitespace). Quirks are reported through yk_sb_warn. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "schema_priv.h"

#define PATH_MAX_LEN 256

static void append(char *buf, size_t *o, const char *s)
{
    while (*s && *o + 1 < PATH_MAX_LEN)
        buf[(*o)++] = *s++;
    buf[*o] = '\0';
}

/* path + "/" + key, cut to fit (the path is only for messages). */
static const char *join(char *buf, const char *base, const char *key)
{
    size_t o = 0;
    append(buf, &o, base);
    append(buf, &o, "/");
    append(buf, &o, key);
    return buf;
}

static const char *join_index(char *buf, const char *base, const char *key, size_t i)
{
    char num[24];
    size_t o = strlen(join(buf, base, key));
    snprintf(num, sizeof num, "/%zu", i);
    append(buf, &o, num);
    return buf;
}

static int nomem(struct yk_sb *b)
{
    return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
}

/* A scalar as the text a cell would hold; NULL for null, arrays and objects. The shortest
 * form that reads back the same is used for reals. */
static const char *scalar_text(struct yk_sb *b, json_t *v)
{
    char buf[64];
    if (json_is_string(v))
        return yk_arena_strdup(b->arena, json_string_value(v));
    if (json_is_integer(v)) {
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    } else if (json_is_real(v)) {
        double d = json_real_value(v);
        snprintf(buf, sizeof buf, "%.15g", d);
        if (strtod(buf, NULL) != d)
            snprintf(buf, sizeof buf, "%.17g", d);
    } else if (json_is_boolean(v)) {
        snprintf(buf, sizeof buf, "%s", json_is_true(v) ? "true" : "false");
    } else {
        return NULL;
    }
    return yk_arena_strdup(b->arena, buf);
}

/* A list of scalars; a lone string is a list of one (reported unless the vocabulary allows
 * it, as CSVW does for "null"). NULL items are skipped. Returns 0 or a negative code. */
static int strings(struct yk_sb *b, json_t *v, const char *path, bool lone_ok,
                   struct yk_strings *out)
{
    if (json_is_string(v)) {
        int rc = lone_ok ? 0
                         : yk_sb_warn(b, "list-as-string", path, 0,
                                      "очікувався список, а записано один рядок: прочитано як "
                                      "список з одного значення",
                                      "a list was expected, a single string was given: read as a "
                                      "list of one value");
        const char **one = yk_arena_alloc(b->arena, sizeof *one);
        if (rc < 0 || !one || !(one[0] = scalar_text(b, v)))
            return nomem(b);
        *out = (struct yk_strings){one, 1};
        return 0;
    }
    if (!json_is_array(v))
        return yk_sb_fail(b, YK_EINVAL, path, 0, "expected a list of values");
    size_t n = json_array_size(v), k = 0;
    if (n > YK_SCHEMA_MAX_VALUES)
        return yk_sb_fail(b, YK_ELIMIT, path, 0, "more than %d values", YK_SCHEMA_MAX_VALUES);
    const char **items = yk_arena_alloc(b->arena, (n ? n : 1) * sizeof *items);
    if (!items)
        return nomem(b);
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_array_get(v, i);
        if (json_is_null(item))
            continue;
        if (json_is_array(item) || json_is_object(item))
            return yk_sb_fail(b, YK_EINVAL, path, 0, "item %zu is not a single value", i);
        if (!(items[k++] = scalar_text(b, item)))
            return nomem(b);
    }
    *out = (struct yk_strings){items, k};
    return 0;
}

static int string_list(struct yk_sb *b, json_t *v, const char *path, struct yk_strings *out)
{
    return strings(b, v, path, false, out);
}

static const char *opt_string(struct yk_sb *b, json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? yk_arena_strdup(b->arena, json_string_value(v)) : NULL;
}

/* required: true/false, or (reported) the strings "true"/"false". */
static int read_required(struct yk_sb *b, json_t *v, const char *path, bool *out)
{
    if (json_is_boolean(v)) {
        *out = json_is_true(v);
        return 0;
    }
    const char *s = json_string_value(v);
    if (s && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0 || strcmp(s, "True") == 0 ||
              strcmp(s, "False") == 0)) {
        *out = (s[0] | 0x20) == 't';
        return yk_sb_warn(b, "required-text", path, 0,
                          "«required» записано рядком «%s», а не логічним значенням",
                          "\"required\" is the string \"%s\", not a boolean", s) < 0
                   ? nomem(b)
                   : 0;
    }
    return yk_sb_fail(b, YK_EINVAL, path, 0, "\"required\" must be true or false");
}

/* What yakist adds to a field: its role for the content rules and the other names a header
 * may give it. */
static int read_role(struct yk_sb *b, struct yk_schema_field *f, json_t *obj, const char *path)
{
    char p[PATH_MAX_LEN];
    json_t *v = json_object_get(obj, "yakist:role");
    if (!v)
        v = json_object_get(obj, "role");
    if (v && json_is_string(v) && !(f->role = yk_arena_strdup(b->arena, json_string_value(v))))
        return nomem(b);
    if ((v = json_object_get(obj, "yakist:aliases")))
        return string_list(b, v, join(p, path, "yakist:aliases"), &f->aliases);
    return 0;
}

static int read_length(struct yk_sb *b, json_t *v, const char *path, int64_t *out)
{
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return yk_sb_fail(b, YK_EINVAL, path, 0, "expected a whole number of characters");
    *out = (int64_t)json_integer_value(v);
    return 0;
}

/* --- Frictionless Table Schema ----------------------------------------------------------- */

static int read_constraints(struct yk_sb *b, struct yk_schema_field *f, json_t *c, const char *path)
{
    char p[PATH_MAX_LEN];
    json_t *v;
    int rc = 0;
    if (!json_is_object(c))
        return yk_sb_fail(b, YK_EINVAL, path, 0, "\"constraints\" must be an object");
    if ((v = json_object_get(c, "required")))
        rc = read_required(b, v, join(p, path, "required"), &f->required);
    if (rc == 0 && (v = json_object_get(c, "unique")))
        f->unique = json_is_true(v);
    if (rc == 0 && (v = json_object_get(c, "minimum")) && !(f->minimum = scalar_text(b, v)))
        rc = yk_sb_fail(b, YK_EINVAL, join(p, path, "minimum"), 0, "expected a value");
    if (rc == 0 && (v = json_object_get(c, "maximum")) && !(f->maximum = scalar_text(b, v)))
        rc = yk_sb_fail(b, YK_EINVAL, join(p, path, "maximum"), 0, "expected a value");
    if (rc == 0 && (v = json_object_get(c, "exclusiveMinimum"))) {
        f->exclusive_minimum = true;
        if (!(f->minimum = scalar_text(b, v)))
            rc = yk_sb_fail(b, YK_EINVAL, join(p, path, "exclusiveMinimum"), 0, "expected a value");
    }
    if (rc == 0 && (v = json_object_get(c, "exclusiveMaximum"))) {
        f->exclusive_maximum = true;
        if (!(f->maximum = scalar_text(b, v)))
            rc = yk_sb_fail(b, YK_EINVAL, join(p, path, "exclusiveMaximum"), 0, "expected a value");
    }
    if (rc == 0 && (v = json_object_get(c, "minLength")))
        rc = read_length(b, v, join(p, path, "minLength"), &f->min_length);
    if (rc == 0 && (v = json_object_get(c, "maxLength")))
        rc = read_length(b, v, join(p, path, "maxLength"), &f->max_length);
    if (rc == 0 && (v = json_object_get(c, "pattern"))) {
        if (!json_is_string(v))
            rc = yk_sb_fail(b, YK_EINVAL, join(p, path, "pattern"), 0, "expected a string");
        else if (!(f->pattern = yk_arena_strdup(b->arena, json_string_value(v))))
            rc = nomem(b);
    }
    if (rc == 0 && (v = json_object_get(c, "enum")))
        rc = string_list(b, v, join(p, path, "enum"), &f->enum_values);
    return rc;
}

static int read_ts_field(struct yk_sb *b, json_t *j, const char *path)
{
    char p[PATH_MAX_LEN];
    json_t *v;
    int rc = 0;
    if (!json_is_object(j))
        return yk_sb_fail(b, YK_EINVAL, path, 0, "a field must be an object");
    struct yk_schema_field *f = yk_sb_field(b, path);
    if (!f)
        return b->err ? (int)b->err->code : YK_ENOMEM;
    const char *name = json_string_value(json_object_get(j, "name"));
    if (!name)
        return yk_sb_fail(b, YK_EINVAL, join(p, path, "name"), 0, "a field without a name");
    if ((rc = yk_sb_name(b, f, name, join(p, path, "name"), 0)) < 0)
        return rc;
    f->title = opt_string(b, j, "title");
    f->description = opt_string(b, j, "description");
    if (!f->title && (v = json_object_get(j, "titles")) && json_is_string(v)) {
        f->title = yk_arena_strdup(b->arena, json_string_value(v));
        rc = yk_sb_warn(b, "titles-key", join(p, path, "titles"), 0,
                        "ключ CSVW «titles» у Table Schema: прочитано як «title»",
                        "the CSVW key \"titles\" in a Table Schema: read as \"title\"");
    }
    const char *type = json_string_value(json_object_get(j, "type"));
    if (rc == 0 && !type && (type = json_string_value(json_object_get(j, "datatype"))))
        rc = yk_sb_warn(b, "datatype-key", join(p, path, "datatype"), 0,
                        "ключ CSVW «datatype» у Table Schema: прочитано як «type»",
                        "the CSVW key \"datatype\" in a Table Schema: read as \"type\"");
    if (rc == 0 && type)
        rc = yk_sb_type(b, f, type, join(p, path, "type"), 0);
    f->format = opt_string(b, j, "format");
    if (f->format && strcmp(f->format, "default") == 0)
        f->format = NULL;
    if (rc == 0 && f->type == YK_TYPE_STRING && f->format) {
        if (strcmp(f->format, "email") == 0)
            f->type = YK_TYPE_EMAIL;
        else if (strcmp(f->format, "uri") == 0)
            f->type = YK_TYPE_URL;
    }
    if (rc == 0 && (v = json_object_get(j, "constraints")))
        rc = read_constraints(b, f, v, join(p, path, "constraints"));
    if (rc == 0 && (v = json_object_get(j, "required"))) {
        rc = read_required(b, v, join(p, path, "required"), &f->required);
        if (rc == 0 && yk_sb_warn(b, "required-outside", join(p, path, "required"), 0,
                                  "«required» записано просто в полі, а не в «constraints»",
                                  "\"required\" is written on the field, not in "
                                  "\"constraints\"") < 0)
            rc = nomem(b);
    }
    struct yk_strings tv = {0}, fv = {0}, mv = {0};
    if (rc == 0 && (v = json_object_get(j, "trueValues")))
        rc = string_list(b, v, join(p, path, "trueValues"), &tv);
    if (rc == 0 && (v = json_object_get(j, "falseValues")))
        rc = string_list(b, v, join(p, path, "falseValues"), &fv);
    if (rc == 0 && (tv.n || fv.n))
        yk_sb_field_bools(b, f, tv, fv);
    if (rc == 0 && (v = json_object_get(j, "missingValues")) &&
        (rc = string_list(b, v, join(p, path, "missingValues"), &mv)) == 0)
        yk_sb_field_missing(b, f, mv);
    if (rc == 0 && (v = json_object_get(j, "decimalChar")))
        f->decimal_char = opt_string(b, j, "decimalChar");
    if (rc == 0 && (v = json_object_get(j, "groupChar")))
        f->group_char = opt_string(b, j, "groupChar");
    if (rc == 0 && (v = json_object_get(j, "bareNumber")))
        f->bare_number = !json_is_false(v);
    return rc == 0 ? read_role(b, f, j, path) : rc;
}

static int read_key(struct yk_sb *b, json_t *v, const char *path)
{
    if (json_is_string(v)) {
        b->pk = yk_arena_alloc(b->arena, sizeof *b->pk);
        if (!b->pk || !(b->pk[0] = yk_arena_strdup(b->arena, json_string_value(v))))
            return nomem(b);
        b->npk = 1;
    } else if (json_is_array(v)) {
        struct yk_strings names;
        int rc = string_list(b, v, path, &names);
        if (rc < 0)
            return rc;
        b->pk = (const char **)names.v;
        b->npk = names.n;
    } else {
        return yk_sb_fail(b, YK_EINVAL, path, 0, "\"primaryKey\" must be a name or a list");
    }
    if (!(b->pk_path = yk_arena_strdup(b->arena, path)))
        return nomem(b);
    return 0;
}

/* Names of a foreign key: Frictionless "fields" or CSVW "columnReference", a name or a list. */
static bool fk_names(struct yk_sb *b, json_t *obj, struct yk_strings *out)
{
    json_t *v = json_object_get(obj, "fields");
    if (!v)
        v = json_object_get(obj, "columnReference");
    if (json_is_string(v) || json_is_array(v)) {
        size_t n = json_is_array(v) ? json_array_size(v) : 1;
        const char **names = yk_arena_alloc(b->arena, (n ? n : 1) * sizeof *names);
        if (!names)
            return false;
        for (size_t i = 0; i < n; i++) {
            json_t *item = json_is_array(v) ? json_array_get(v, i) : v;
            if (!json_is_string(item) ||
                !(names[i] = yk_arena_strdup(b->arena, json_string_value(item))))
                return false;
        }
        *out = (struct yk_strings){names, n};
        return n > 0;
    }
    return false;
}

/* Foreign keys are kept for what they document (`yakist rules --standards` shows them); a
 * check sees one table and does not check them, which is said once in the documentation, not
 * on every run. A declaration that cannot be read is a defect of the description. */
static int read_foreign_keys(struct yk_sb *b, json_t *v, const char *path)
{
    size_t n = json_is_array(v) ? json_array_size(v) : 0;
    bool ok = json_is_array(v) && n <= YK_SCHEMA_MAX_FIELDS;
    struct yk_schema_foreign_key *fks = ok && n ? yk_arena_calloc(b->arena, n, sizeof *fks) : NULL;
    if (ok && n && !fks)
        return nomem(b);
    for (size_t i = 0; ok && i < n; i++) {
        json_t *fk = json_array_get(v, i), *ref = json_object_get(fk, "reference");
        json_t *res = json_object_get(ref, "resource");
        ok = json_is_object(fk) && json_is_object(ref) && fk_names(b, fk, &fks[i].fields) &&
             fk_names(b, ref, &fks[i].ref_fields) &&
             (fks[i].resource = yk_arena_strdup(
                  b->arena, json_is_string(res) ? json_string_value(res) : "")) != NULL;
    }
    if (ok) {
        b->fks = fks;
        b->nfks = n;
        return 0;
    }
    return yk_sb_warn(b, "foreign-keys", path, 0,
                      "зовнішні ключі («foreignKeys») записано не за специфікацією: пропущено",
                      "the foreign keys (\"foreignKeys\") do not follow the specification: "
                      "ignored") < 0
               ? nomem(b)
               : 0;
}

static int read_unchecked_keys(struct yk_sb *b, json_t *j, const char *path)
{
    char p[PATH_MAX_LEN];
    json_t *v;
    if ((v = json_object_get(j, "foreignKeys")) &&
        read_foreign_keys(b, v, join(p, path, "foreignKeys")) < 0)
        return b->err ? (int)b->err->code : YK_ENOMEM;
    if (json_object_get(j, "uniqueKeys") &&
        yk_sb_warn(b, "unique-keys", join(p, path, "uniqueKeys"), 0,
                   "складені унікальні ключі («uniqueKeys») yakist не перевіряє",
                   "yakist does not check composite unique keys (\"uniqueKeys\")") < 0)
        return nomem(b);
    return 0;
}

static int read_table_schema_fs(struct yk_sb *b, json_t *j, const char *path)
{
    char p[PATH_MAX_LEN];
    json_t *fields = json_object_get(j, "fields"), *v;
    int rc = 0;
    b->form = YK_SCHEMA_FORM_TABLE_SCHEMA;
    if (!json_is_array(fields))
        return yk_sb_fail(b, YK_EINVAL, join(p, path, "fields"), 0, "\"fields\" must be a list");
    if ((v = json_object_get(j, "missingValues"))) {
        if ((rc = string_list(b, v, join(p, path, "missingValues"), &b->missing)) < 0)
            return rc;
        b->has_missing = true;
    }
    for (size_t i = 0; i < json_array_size(fields) && rc == 0; i++)
        rc = read_ts_field(b, json_array_get(fields, i), join_index(p, path, "fields", i));
    if (rc == 0 && (v = json_object_get(j, "primaryKey")))
        rc = read_key(b, v, join(p, path, "primaryKey"));
    if (rc == 0 && (v = json_object_get(j, "fieldsMatch"))) {
        const char *s = json_string_value(v);
        if (!s || yk_fields_match_parse(s, &b->fields_match) < 0)
            rc = yk_sb_fail(b, YK_EINVAL, join(p, path, "fieldsMatch"), 0,
                            "\"fieldsMatch\" must be exact, equal, subset, superset or partial");
    }
    return rc == 0 ? read_unchecked_keys(b, j, path) : rc;
}

/* --- CSVW ------------------------------------------------------------------------------- */

/* CSVW titles: a string, a list (the first) or a language map (Ukrainian, else the first). */
static const char *csvw_title(struct yk_sb *b, json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v)) {
        json_t *uk = json_object_get(v, "uk");
        if (!uk)
            uk = json_object_iter_value(json_object_iter(v));
        v = json_is_array(uk) ? json_array_get(uk, 0) : uk;
    }
    return json_is_string(v) ? yk_arena_strdup(b->arena, json_string_value(v)) : NULL;
}

/* A CSVW datatype object: base, format and the bounds. */
static int read_datatype_object(struct yk_sb *b, struct yk_schema_field *f, json_t *d,
                                const char *path)
{
    char p[PATH_MAX_LEN];
    const char *base = json_string_value(json_object_get(d, "base"));
    int rc = yk_sb_type(b, f, base ? base : "string", join(p, path, "base"), 0);
    json_t *fmt = json_object_get(d, "format"), *v;
    if (rc == 0 && json_is_string(fmt)) {
        const char *s = json_string_value(fmt);
        if (f->type == YK_TYPE_STRING || f->type == YK_TYPE_URL || f->type == YK_TYPE_EMAIL) {
            f->pattern = yk_arena_strdup(b->arena, s);
        } else if (f->type == YK_TYPE_BOOLEAN && strchr(s, '|')) {
            const char *bar = strchr(s, '|');
            const char **t = yk_arena_alloc(b->arena, sizeof *t);
            const char **fl = yk_arena_alloc(b->arena, sizeof *fl);
            if (!t || !fl || !(t[0] = yk_arena_strndup(b->arena, s, (size_t)(bar - s))) ||
                !(fl[0] = yk_arena_strdup(b->arena, bar + 1)))
                return nomem(b);
            yk_sb_field_bools(b, f, (struct yk_strings){t, 1}, (struct yk_strings){fl, 1});
        } else if (f->type == YK_TYPE_DATE || f->type == YK_TYPE_DATETIME ||
                   f->type == YK_TYPE_TIME) {
            f->format = yk_arena_strdup(b->arena, s);
        } else {
            rc = yk_sb_warn(b, "number-format", join(p, path, "format"), 0,
                            "формат чисел «%s» не перевіряється",
                            "the number format \"%s\" is not checked", s);
        }
    } else if (rc == 0 && json_is_object(fmt)) {
        f->decimal_char = opt_string(b, fmt, "decimalChar");
        f->group_char = opt_string(b, fmt, "groupChar");
    }
    static const struct {
        const char *key;
        bool max, exclusive;
    } bounds[] = {{"minimum", false, false},     {"minInclusive", false, false},
                  {"minExclusive", false, true}, {"maximum", true, false},
                  {"maxInclusive", true, false}, {"maxExclusive", true, true}};
    for (size_t i = 0; rc == 0 && i < sizeof bounds / sizeof bounds[0]; i++) {
        if (!(v = json_object_get(d, bounds[i].key)))
            continue;
        const char *t = scalar_text(b, v);
        if (!t)
            return yk_sb_fail(b, YK_EINVAL, join(p, path, bounds[i].key), 0, "expected a value");
        if (bounds[i].max)
            f->maximum = t, f->exclusive_maximum = bounds[i].exclusive;
        else
            f->minimum = t, f->exclusive_minimum = bounds[i].exclusive;
    }
    if (rc == 0 && (v = json_object_get(d, "length"))) {
        rc = read_length(b, v, join(p, path, "length"), &f->min_length);
        f->max_length = f->min_length;
    }
    if (rc == 0 && (v = json_object_get(d, "minLength")))
        rc = read_length(b, v, join(p, path, "minLength"), &f->min_length);
    if (rc == 0 && (v = json_object_get(d, "maxLength")))
        rc = read_length(b, v, join(p, path, "maxLength"), &f->max_length);
    return rc;
}

/* The 2019 files start with a "column" whose values are the CSV header of the structure table:
 * name "name", titles "title", datatype "datatype", required "required". */
static bool pseudo_column(json_t *c)
{
    const char *name = json_string_value(json_object_get(c, "name"));
    const char *type = json_string_value(json_object_get(c, "datatype"));
    return name && type && strcmp(name, "name") == 0 && strcmp(type, "datatype") == 0;
}

static int read_csvw_column(struct yk_sb *b, json_t *c, const char *path)
{
    char p[PATH_MAX_LEN];
    json_t *v;
    int rc = 0;
    struct yk_schema_field *f = yk_sb_field(b, path);
    if (!f)
        return b->err ? (int)b->err->code : YK_ENOMEM;
    const char *name = json_string_value(json_object_get(c, "name"));
    const char *title = csvw_title(b, json_object_get(c, "titles"));
    if (!title && (title = opt_string(b, c, "title")) != NULL)
        rc = yk_sb_warn(b, "title-key", join(p, path, "title"), 0,
                        "ключ «title» замість ключа CSVW «titles»",
                        "the key \"title\" instead of the CSVW key \"titles\"");
    f->title = title;
    if (rc == 0 && !name && title) {
        name = title;
        rc = yk_sb_warn(b, "name-from-title", path, 0,
                        "стовпець без «name»: назвою стала його назва для людей «%s»",
                        "a column without \"name\": its title \"%s\" is used as the name", title);
    }
    if (rc == 0 && !name)
        return yk_sb_fail(b, YK_EINVAL, path, 0, "a column without a name");
    if (rc == 0)
        rc = yk_sb_name(b, f, name, join(p, path, "name"), 0);
    f->description = opt_string(b, c, "dc:description");
    if (rc == 0 && !f->description && (f->description = opt_string(b, c, "description")))
        rc = yk_sb_warn(b, "description-key", join(p, path, "description"), 0,
                        "ключ «description» замість ключа CSVW «dc:description»",
                        "the key \"description\" instead of the CSVW key \"dc:description\"");
    v = json_object_get(c, "datatype");
    if (rc == 0 && json_is_string(v))
        rc = yk_sb_type(b, f, json_string_value(v), join(p, path, "datatype"), 0);
    else if (rc == 0 && json_is_object(v))
        rc = read_datatype_object(b, f, v, join(p, path, "datatype"));
    else if (rc == 0 && v)
        rc = yk_sb_fail(b, YK_EINVAL, join(p, path, "datatype"), 0,
                        "\"datatype\" must be a name or an object");
    if (rc == 0 && (v = json_object_get(c, "required")))
        rc = read_required(b, v, join(p, path, "required"), &f->required);
    struct yk_strings mv;
    if (rc == 0 && (v = json_object_get(c, "null")) &&
        (rc = strings(b, v, join(p, path, "null"), true, &mv)) == 0)
        yk_sb_field_missing(b, f, mv);
    return rc == 0 ? read_role(b, f, c, path) : rc;
}

static int read_columns(struct yk_sb *b, json_t *cols, const char *path)
{
    char p[PATH_MAX_LEN];
    int rc = 0;
    for (size_t i = 0; i < json_array_size(cols) && rc == 0; i++) {
        json_t *c = json_array_get(cols, i);
        const char *cp = join_index(p, path, "columns", i);
        if (!json_is_object(c))
            return yk_sb_fail(b, YK_EINVAL, cp, 0, "a column must be an object");
        if (i == 0 && pseudo_column(c)) {
            rc = yk_sb_warn(b, "pseudo-column", cp, 0,
                            "перший «стовпець» лише повторює заголовок таблиці структури "
                            "(name, title, datatype …): пропущено",
                            "the first \"column\" only repeats the header of the structure "
                            "table (name, title, datatype …): skipped");
            continue;
        }
        if (json_is_true(json_object_get(c, "virtual")))
            continue; /* not in the data */
        rc = read_csvw_column(b, c, cp);
    }
    return rc;
}

static int read_csvw_table(struct yk_sb *b, json_t *ts, const char *path, json_t *root,
                           const char *root_path)
{
    char p[PATH_MAX_LEN];
    json_t *cols = json_object_get(ts, "columns"), *v;
    int rc = 0;
    b->form = YK_SCHEMA_FORM_CSVW;
    if (!json_is_array(cols))
        return yk_sb_fail(b, YK_EINVAL, join(p, path, "columns"), 0, "\"columns\" must be a list");
    json_t *null = json_object_get(ts, "null");
    if (!null && root)
        null = json_object_get(root, "null");
    if (null) {
        if ((rc = strings(b, null, join(p, path, "null"), true, &b->missing)) < 0)
            return rc;
        b->has_missing = true;
    }
    if ((rc = read_columns(b, cols, path)) < 0)
        return rc;
    if ((v = json_object_get(ts, "primaryKey")))
        rc = read_key(b, v, join(p, path, "primaryKey"));
    else if (root && (v = json_object_get(root, "primaryKey"))) {
        rc = read_key(b, v, join(p, root_path, "primaryKey"));
        if (rc == 0 &&
            yk_sb_warn(b, "key-outside", b->pk_path, 0, "«primaryKey» стоїть поза «tableSchema»",
                       "\"primaryKey\" is outside \"tableSchema\"") < 0)
            rc = nomem(b);
    }
    return rc == 0 ? read_unchecked_keys(b, ts, path) : rc;
}

static int read_csvw(struct yk_sb *b, json_t *j, const char *path)
{
    char p[PATH_MAX_LEN];
    json_t *ts = json_object_get(j, "tableSchema");
    if (!json_object_get(j, "@context") && json_is_object(json_object_get(j, "context")) &&
        yk_sb_warn(b, "context-wrapper", join(p, path, "context"), 0,
                   "контекст CSVW загорнуто в ключ «context» замість «@context»",
                   "the CSVW context is wrapped in a key \"context\" instead of "
                   "\"@context\"") < 0)
        return nomem(b);
    if (json_is_string(ts))
        return yk_sb_fail(b, YK_EUNSUPPORTED, join(p, path, "tableSchema"), 0,
                          "the table schema is in another file (%s): give that file",
                          json_string_value(ts));
    if (!json_is_object(ts))
        return yk_sb_fail(b, YK_EINVAL, join(p, path, "tableSchema"), 0,
                          "\"tableSchema\" must be an object");
    return read_csvw_table(b, ts, join(p, path, "tableSchema"), j, path);
}

/* --- the document ----------------------------------------------------------------------- */

/* The one element of a list of objects that holds `key`, for a package or a table group. */
static json_t *only_with(json_t *list, const char *key, size_t *index, size_t *count)
{
    json_t *found = NULL;
    *count = 0;
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *r = json_array_get(list, i);
        if (json_is_object(r) && json_object_get(r, key)) {
            found = r;
            *index = i;
            (*count)++;
        }
    }
    return *count == 1 ? found : NULL;
}

static int read_root(struct yk_sb *b, json_t *j, const char *path, int depth)
{
    char p[PATH_MAX_LEN];
    json_t *v;
    size_t idx = 0, count;
    if (json_is_array(j)) {
        b->form = YK_SCHEMA_FORM_CSVW;
        if (yk_sb_warn(b, "bare-columns", "", 0,
                       "документ — голий список стовпців без «tableSchema»",
                       "the document is a bare list of columns without \"tableSchema\"") < 0)
            return nomem(b);
        return read_columns(b, j, path);
    }
    if (!json_is_object(j))
        return yk_sb_fail(b, YK_EINVAL, path, 0, "the document is not a JSON object");
    if (json_object_get(j, "fields"))
        return read_table_schema_fs(b, j, path);
    if (json_object_get(j, "tableSchema"))
        return read_csvw(b, j, path);
    if (json_object_get(j, "columns"))
        return read_csvw_table(b, j, path, NULL, path);
    if (depth < 2 && json_is_object(v = json_object_get(j, "schema")))
        return read_root(b, v, join(p, path, "schema"), depth + 1);
    if (depth < 2 && json_is_array(v = json_object_get(j, "resources"))) {
        json_t *r = only_with(v, "schema", &idx, &count);
        if (!r)
            return yk_sb_fail(b, YK_EINVAL, join(p, path, "resources"), 0,
                              "a data package with %zu schemas: give the schema of the resource",
                              count);
        return read_root(b, r, join_index(p, path, "resources", idx), depth + 1);
    }
    if (depth < 2 && json_is_array(v = json_object_get(j, "tables"))) {
        json_t *t = only_with(v, "tableSchema", &idx, &count);
        if (!t)
            return yk_sb_fail(b, YK_EINVAL, join(p, path, "tables"), 0,
                              "a CSVW table group with %zu table schemas: give one of them", count);
        return read_root(b, t, join_index(p, path, "tables", idx), depth + 1);
    }
    return yk_sb_fail(b, YK_EINVAL, path, 0,
                      "not a structure description: no \"fields\" (Table Schema) or "
                      "\"tableSchema\" (CSVW)");
}

int yk_schema_read_json(struct yk_sb *b, const char *text, size_t len)
{
    size_t skip = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        skip = 3;
        if (yk_sb_warn(b, "bom", "", 1,
                       "файл структури починається з позначки порядку байтів (BOM)",
                       "the structure file starts with a byte-order mark (BOM)") < 0)
            return nomem(b);
    }
    json_error_t je;
    json_t *root = json_loadb(text + skip, len - skip, JSON_DECODE_ANY, &je);
    if (!root)
        return yk_error_set(b->err, YK_EPARSE, b->name, je.line > 0 ? (uint64_t)je.line : 0,
                            je.column > 0 ? (uint64_t)je.column : 0, "not valid JSON: %s", je.text);
    int rc = read_root(b, root, "", 0);
    json_decref(root);
    return rc;
}
