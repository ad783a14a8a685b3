/* yakist — the `json` rule family: what is wrong with a JSON resource as a table. Fed by the
 * JSON loader's events (syntax, records, keys, nested values) and, for mixed value types, by the
 * cells themselves: the loader marks JSON strings as quoted, so a cell's JSON type is known.
 * Per-key and per-column problems are counted and reported once each, at their first record. */
#include <inttypes.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "families.h"

/* Bytes of a key or label a message quotes, cut at a character boundary. */
#define NAME_MAX_BYTES 80
/* Distinct extra keys remembered by name; the rest are counted together. */
#define EXTRA_NAMES 64

static bool is_json(struct yk_rule_ctx *ctx)
{
    const char *f = yk_ctx_source(ctx)->format;
    return f && strcmp(f, "json") == 0;
}

/* Length of s to quote in a message: at most NAME_MAX_BYTES, not splitting a character. */
static int name_len(const char *s)
{
    size_t n = strlen(s);
    if (n <= NAME_MAX_BYTES)
        return (int)n;
    n = NAME_MAX_BYTES;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

/* The header label of 0-based column col, or "" when there is none. */
static const char *label(struct yk_rule_ctx *ctx, size_t col)
{
    const struct yk_row *h = yk_ctx_header(ctx);
    return h && col < h->ncells ? h->cells[col].data : "";
}

/* How many records show a problem, and the first of them. */
struct tally {
    uint64_t count;
    struct yk_loc first;
};

static void tally_add(struct tally *t, const struct yk_loc *loc)
{
    if (t->count++ == 0)
        t->first = *loc;
}

/* Per-column tallies, sized by the header. */
struct column_tallies {
    struct tally *cols;
    size_t ncols;
};

static int tallies_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct column_tallies *st = yk_ctx_state(ctx);
    st->ncols = header->ncells;
    st->cols = yk_arena_calloc(yk_ctx_arena(ctx), st->ncols ? st->ncols : 1, sizeof *st->cols);
    return st->cols ? 0 : YK_ENOMEM;
}

/* Count an event of this kind against its column. Returns true for one of the kind that has no
 * column to count against. */
static bool tallies_event(struct yk_rule_ctx *ctx, const struct yk_event *ev,
                          enum yk_event_kind kind)
{
    struct column_tallies *st = yk_ctx_state(ctx);
    if (ev->kind != kind)
        return false;
    if (ev->loc.field == 0 || ev->loc.field > st->ncols)
        return true;
    tally_add(&st->cols[ev->loc.field - 1], &ev->loc);
    return false;
}

/* English and Ukrainian names of the JSON types the loader puts in event details. */
static void type_names(const char *type, const char **uk, const char **en)
{
    static const char *const names[][3] = {
        {"object", "об'єкт", "an object"}, {"array", "масив", "an array"},
        {"string", "рядок", "a string"},   {"number", "число", "a number"},
        {"boolean", "логічне значення", "a boolean"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (type && strcmp(type, names[i][0]) == 0) {
            *uk = names[i][1];
            *en = names[i][2];
            return;
        }
    }
    *uk = *en = "null";
}

/* --- json.invalid ------------------------------------------------------------------------ */

static int invalid_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_JSON_SYNTAX)
        return 0;
    const char *d = ev->detail ? ev->detail : "";
    return yk_emit(ctx, &ev->loc, "файл не є коректним JSON: %s; далі файл не прочитано",
                   "the file is not valid JSON: %s; the rest of the file was not read", d);
}

static const struct yk_rule rule_invalid = {
    .id = "json.invalid",
    .title_uk = "Некоректний JSON",
    .title_en = "Invalid JSON",
    .rationale = "A JSON file with a syntax error (a missing comma or bracket, a trailing comma, an "
                 "unquoted key, a file cut short by an interrupted upload) cannot be read by any "
                 "conforming program: most refuse the whole file, so none of its data reaches "
                 "users. yakist reports the line and column of the first error and checks the "
                 "records read before it; everything after it is unchecked.",
    .source = "RFC 8259 (the JSON grammar); Frictionless Data: task error `source-error`",
    .frictionless = "source-error",
    .example = "[{\"назва\": \"Укриття №1\",}]",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .compliance = true,
    .on_event = invalid_event,
};

/* --- json.no_records --------------------------------------------------------------------- */

static int no_records_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_JSON_NO_RECORDS)
        return 0;
    const char *d = ev->detail ? ev->detail : "";
    return yk_emit(ctx, &ev->loc, "у JSON не знайдено масиву записів (%s)",
                   "no array of records in the JSON (%s)", d);
}

static const struct yk_rule rule_no_records = {
    .id = "json.no_records",
    .title_uk = "Немає масиву записів",
    .title_en = "No array of records",
    .rationale = "A dataset is a table: in JSON, an array of records (objects), either at the top "
                 "of the document or under a key such as `data` or `records`. A document that is a "
                 "single object of settings, a bare value, or records hidden under an unexpected "
                 "key cannot be read as a table by portals and tools. If the records sit under "
                 "another key, name it with --record-path.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): одна таблиця в "
              "одному файлі, один запис — одна сутність",
    .frictionless = NULL,
    .example = "{\"назва\": \"Чортківська міська рада\", \"код\": \"04058367\"}",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .compliance = true,
    .on_event = no_records_event,
};

/* --- json.not_record --------------------------------------------------------------------- */

static int not_record_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_JSON_NOT_RECORD)
        return 0;
    const char *uk, *en;
    type_names(ev->detail, &uk, &en);
    /* Both formats read both names; "%.0s" consumes the other language's one unprinted. */
    return yk_emit(ctx, &ev->loc, "елемент масиву записів — %s%.0s, а не запис",
                   "an element of the records array is %.0s%s, not a record", uk, en);
}

static const struct yk_rule rule_not_record = {
    .id = "json.not_record",
    .title_uk = "Елемент масиву не є записом",
    .title_en = "Array element is not a record",
    .rationale = "Every element of the records array must be a record of the same kind as the "
                 "others: an object (or, in the array-of-rows layout, an array of cells). A bare "
                 "string, number or null among the records, or an object among rows, is usually a "
                 "leftover from hand editing or a join of two exports; tools either drop it "
                 "silently or fail on it. yakist skips the element and keeps its row number.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): один запис — одна "
              "сутність",
    .frictionless = NULL,
    .example = "[{\"назва\": \"Укриття №1\"}, \"Укриття №2\"]",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = true,
    .on_event = not_record_event,
};

/* --- json.missing_key -------------------------------------------------------------------- */

static int missing_key_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    tallies_event(ctx, ev, YK_EV_JSON_KEY_MISSING);
    return 0;
}

static int missing_key_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct column_tallies *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < st->ncols; i++) {
        const struct tally *t = &st->cols[i];
        const char *name = label(ctx, i);
        if (t->count && yk_emit(ctx, &t->first,
                                "ключа «%.*s» немає в записах: %" PRIu64 " (уперше в рядку %" PRIu64
                                "); пропущене значення записують як null",
                                "key '%.*s' is missing from records: %" PRIu64 " (first at row %" PRIu64
                                "); a missing value is written as null",
                                name_len(name), name, t->count, t->first.row) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

static const struct yk_rule rule_missing_key = {
    .id = "json.missing_key",
    .title_uk = "У записах бракує ключів",
    .title_en = "Keys missing from records",
    .rationale = "All records of a dataset carry the same fields; a value that is not known is "
                 "written as null, not left out. Records that drop keys make the table's columns "
                 "depend on which record a tool reads first, and hide whether a value is unknown "
                 "or the field was forgotten. The header is the first record's keys (or the "
                 "DataStore `fields`); one finding per key gives the number of records without it.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): відсутні значення "
              "позначають null; Frictionless Data: row error `missing-cell`",
    .frictionless = "missing-cell",
    .example = "[{\"назва\": \"Укриття №1\", \"місткість\": 50}, {\"назва\": \"Укриття №2\"}]",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .state_size = sizeof(struct column_tallies),
    .on_header = tallies_header,
    .on_event = missing_key_event,
    .on_finish = missing_key_finish,
};

/* --- json.extra_key ---------------------------------------------------------------------- */

struct extra_state {
    struct {
        const char *name; /* in the arena */
        struct tally t;
    } keys[EXTRA_NAMES];
    size_t nkeys;
    struct tally other; /* keys beyond EXTRA_NAMES distinct ones */
};

static int extra_key_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_JSON_KEY_EXTRA)
        return 0;
    struct extra_state *st = yk_ctx_state(ctx);
    const char *key = ev->detail ? ev->detail : "";
    for (size_t i = 0; i < st->nkeys; i++) {
        if (strcmp(st->keys[i].name, key) == 0) {
            tally_add(&st->keys[i].t, &ev->loc);
            return 0;
        }
    }
    if (st->nkeys == EXTRA_NAMES) {
        tally_add(&st->other, &ev->loc);
        return 0;
    }
    int n = name_len(key);
    if (!(st->keys[st->nkeys].name = yk_arena_strndup(yk_ctx_arena(ctx), key, (size_t)n)))
        return YK_ENOMEM;
    tally_add(&st->keys[st->nkeys++].t, &ev->loc);
    return 0;
}

static int extra_key_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct extra_state *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < st->nkeys; i++) {
        const struct tally *t = &st->keys[i].t;
        if (yk_emit(ctx, &t->first,
                    "ключа «%s» немає в заголовку, але він є в записах: %" PRIu64
                    " (уперше в рядку %" PRIu64 "); його значення не перевірено",
                    "key '%s' is not in the header but appears in records: %" PRIu64
                    " (first at row %" PRIu64 "); its values were not checked",
                    st->keys[i].name, t->count, t->first.row) < 0)
            return YK_ENOMEM;
    }
    if (st->other.count &&
        yk_emit(ctx, &st->other.first,
                "ще ключі поза заголовком: %" PRIu64 " випадків (уперше в рядку %" PRIu64 ")",
                "more keys outside the header: %" PRIu64 " occurrences (first at row %" PRIu64 ")",
                st->other.count, st->other.first.row) < 0)
        return YK_ENOMEM;
    return 0;
}

static const struct yk_rule rule_extra_key = {
    .id = "json.extra_key",
    .title_uk = "Зайві ключі в записах",
    .title_en = "Keys added in some records",
    .rationale = "The table's columns are the first record's keys (or the DataStore `fields`). A "
                 "key that appears only in later records has no column: tools that take the "
                 "columns from the first record drop its values, and the dataset's structure "
                 "description cannot cover it. Usually it is a misspelt key or a field added "
                 "midway through the year; give every record the same keys.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): опис структури "
              "набору; Frictionless Data: row error `extra-cell`",
    .frictionless = "extra-cell",
    .example = "[{\"назва\": \"Укриття №1\"}, {\"назва\": \"Укриття №2\", \"телефон\": "
               "\"+380355221234\"}]",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .state_size = sizeof(struct extra_state),
    .on_event = extra_key_event,
    .on_finish = extra_key_finish,
};

/* --- json.mixed_types -------------------------------------------------------------------- */

enum { T_NUMBER, T_STRING, T_BOOLEAN, T_COUNT };

struct mixed_state {
    struct tally (*cols)[T_COUNT];
    size_t ncols;
};

static int mixed_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct mixed_state *st = yk_ctx_state(ctx);
    if (!is_json(ctx) || header->ncells == 0)
        return 0;
    st->cols = yk_arena_calloc(yk_ctx_arena(ctx), header->ncells, sizeof *st->cols);
    if (!st->cols)
        return YK_ENOMEM;
    st->ncols = header->ncells;
    for (size_t i = 0; i < st->ncols; i++) {
        int rc = yk_ctx_watch_column(ctx, i);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The JSON type of a cell: strings are quoted, null and missing values empty, nested values
 * start with a bracket (json.nested_value reports those). */
static int cell_type(const struct yk_cell *c)
{
    if (c->quoted)
        return T_STRING;
    if (c->len == 0 || c->data[0] == '[' || c->data[0] == '{')
        return -1;
    if ((c->len == 4 && memcmp(c->data, "true", 4) == 0) ||
        (c->len == 5 && memcmp(c->data, "false", 5) == 0))
        return T_BOOLEAN;
    return T_NUMBER;
}

static int mixed_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    struct mixed_state *st = yk_ctx_state(ctx);
    int type = cell_type(&row->cells[col]);
    if (type < 0 || col >= st->ncols)
        return 0;
    struct yk_loc loc = {.row = row->number, .field = (uint32_t)(col + 1), .line = row->line,
                         .offset = row->offset};
    tally_add(&st->cols[col][type], &loc);
    return 0;
}

static int mixed_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct mixed_state *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < st->ncols; i++) {
        const struct tally *t = st->cols[i];
        int kinds = 0, rare = -1;
        for (int k = 0; k < T_COUNT; k++) {
            if (!t[k].count)
                continue;
            kinds++;
            if (rare < 0 || t[k].count < t[rare].count)
                rare = k;
        }
        if (kinds < 2)
            continue;
        const char *name = label(ctx, i);
        /* The finding points at the first value of the rarest type: most likely the odd one. */
        if (yk_emit(ctx, &t[rare].first,
                    "стовпець «%.*s» має значення різних типів: чисел — %" PRIu64
                    ", рядків — %" PRIu64 ", логічних — %" PRIu64,
                    "column '%.*s' mixes value types: numbers %" PRIu64 ", strings %" PRIu64
                    ", booleans %" PRIu64,
                    name_len(name), name, t[T_NUMBER].count, t[T_STRING].count,
                    t[T_BOOLEAN].count) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

static const struct yk_rule rule_mixed_types = {
    .id = "json.mixed_types",
    .title_uk = "Різні типи значень у стовпці",
    .title_en = "Mixed value types in a column",
    .rationale = "Each column of a dataset has one data type in its structure description. In "
                 "JSON the type is visible: 50 and \"50\" differ, and so do true and \"так\". A "
                 "column that holds numbers in some records and strings in others breaks typed "
                 "imports and sums, and often hides units or comments typed into a numeric field "
                 "(\"50 місць\"). The finding counts each type and points at the first value of the "
                 "rarest one. Null values are not counted.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): опис структури — "
              "тип даних (datatype) для кожного стовпця",
    .frictionless = NULL,
    .example = "[{\"місткість\": 50}, {\"місткість\": \"120 осіб\"}]",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .state_size = sizeof(struct mixed_state),
    .on_header = mixed_header,
    .on_cell = mixed_cell,
    .on_finish = mixed_finish,
};

/* --- json.nested_value ------------------------------------------------------------------- */

static int nested_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (!tallies_event(ctx, ev, YK_EV_JSON_NESTED))
        return 0;
    /* A cell beyond the header (array-of-rows layout) has no column to count against. */
    const char *uk, *en;
    type_names(ev->detail, &uk, &en);
    return yk_emit(ctx, &ev->loc, "вкладене значення (%s%.0s) замість простого",
                   "a nested value (%.0s%s) instead of a plain one", uk, en);
}

static int nested_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct column_tallies *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < st->ncols; i++) {
        const struct tally *t = &st->cols[i];
        const char *name = label(ctx, i);
        if (t->count &&
            yk_emit(ctx, &t->first,
                    "стовпець «%.*s» містить вкладений масив чи об'єкт замість простого значення "
                    "в записах: %" PRIu64 " (уперше в рядку %" PRIu64 ")",
                    "column '%.*s' holds a nested array or object instead of a plain value in "
                    "records: %" PRIu64 " (first at row %" PRIu64 ")",
                    name_len(name), name, t->count, t->first.row) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

static const struct yk_rule rule_nested_value = {
    .id = "json.nested_value",
    .title_uk = "Вкладений масив замість значення",
    .title_en = "Nested value where a scalar is expected",
    .rationale = "A dataset's cells hold single values: the structure description gives each "
                 "column a scalar type (string, number, date). yakist flattens nested objects into "
                 "dotted columns (`адреса.вулиця`), but an array inside a record — several phones, "
                 "a list of services — has no place in a table: CSV exports and portals show it as "
                 "raw text. It is kept as compact JSON in its cell and counted per column; put "
                 "the items into separate columns or a related table.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): одна сутність на "
              "запис, значення стовпця відповідає його типу даних",
    .frictionless = NULL,
    .example = "[{\"назва\": \"Укриття №1\", \"телефони\": [\"+380355221234\", "
               "\"+380355225678\"]}]",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct column_tallies),
    .on_header = tallies_header,
    .on_event = nested_event,
    .on_finish = nested_finish,
};

/* --- the family -------------------------------------------------------------------------- */

static const struct yk_rule *const json_rules[] = {
    &rule_invalid,     &rule_no_records,  &rule_not_record,   &rule_missing_key,
    &rule_extra_key,   &rule_mixed_types, &rule_nested_value,
};

const struct yk_family yk_family_json = {
    .name = "json",
    .title_uk = "JSON: записи, ключі й типи значень",
    .title_en = "JSON: records, keys and value types",
    .rules = json_rules,
    .nrules = sizeof json_rules / sizeof json_rules[0],
};
