/* yakist — the `json` rule family: what is wrong with a JSON resource as a table. It is fed by
 * the JSON loader's events and, for mixed value types, by the cells themselves: the loader marks
 * JSON strings as quoted, so a cell's JSON type is known. This file holds the family table, the
 * shared helpers and the rules about the document and its records array. */
#include <inttypes.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "families.h"
#include "json_rules.h"

/* Bytes of a key or label a message quotes, cut at a character boundary. */
#define NAME_MAX_BYTES 80

static const struct yk_rule *const json_rules[] = {
    &yk_rule_json_invalid,      &yk_rule_json_no_records, &yk_rule_json_not_record,
    &yk_rule_json_missing_key,  &yk_rule_json_extra_key,  &yk_rule_json_mixed_types,
    &yk_rule_json_nested_value,
};

const struct yk_family yk_family_json = {
    .name = "json",
    .title_uk = "JSON: записи, ключі й типи значень",
    .title_en = "JSON: records, keys and value types",
    .rules = json_rules,
    .nrules = sizeof json_rules / sizeof json_rules[0],
    .only_format = "json",
};

/* --- helpers ----------------------------------------------------------------------------- */

bool yk_json_source_is_json(struct yk_rule_ctx *ctx)
{
    const char *f = yk_ctx_source(ctx)->format;
    return f && strcmp(f, "json") == 0;
}

int yk_json_name_len(const char *s)
{
    size_t n = strlen(s);
    if (n <= NAME_MAX_BYTES)
        return (int)n;
    n = NAME_MAX_BYTES;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

const char *yk_json_label(struct yk_rule_ctx *ctx, size_t col)
{
    const struct yk_row *h = yk_ctx_header(ctx);
    return h && col < h->ncells ? h->cells[col].data : "";
}

void yk_json_tally_add(struct yk_json_tally *t, const struct yk_loc *loc)
{
    if (t->count++ == 0)
        t->first = *loc;
}

int yk_json_tallies_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_json_tallies *st = yk_ctx_state(ctx);
    st->ncols = header->ncells;
    st->cols = yk_arena_calloc(yk_ctx_arena(ctx), st->ncols ? st->ncols : 1, sizeof *st->cols);
    return st->cols ? 0 : YK_ENOMEM;
}

bool yk_json_tallies_event(struct yk_rule_ctx *ctx, const struct yk_event *ev,
                           enum yk_event_kind kind)
{
    struct yk_json_tallies *st = yk_ctx_state(ctx);
    if (ev->kind != kind)
        return false;
    if (ev->loc.field == 0 || ev->loc.field > st->ncols)
        return true;
    yk_json_tally_add(&st->cols[ev->loc.field - 1], &ev->loc);
    return false;
}

void yk_json_type_names(const char *type, const char **uk, const char **en)
{
    static const char *const names[][3] = {
        {"object", "об'єкт", "an object"},
        {"array", "масив", "an array"},
        {"string", "рядок", "a string"},
        {"number", "число", "a number"},
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

const struct yk_rule yk_rule_json_invalid = {
    .id = "json.invalid",
    .title_uk = "Некоректний JSON",
    .title_en = "Invalid JSON",
    .rationale =
        "A JSON file with a syntax error (a missing comma or bracket, a trailing comma, an "
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

const struct yk_rule yk_rule_json_no_records = {
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
    yk_json_type_names(ev->detail, &uk, &en);
    /* Both formats read both names; "%.0s" consumes the other language's one unprinted. */
    return yk_emit(ctx, &ev->loc, "елемент масиву записів — %s%.0s, а не запис",
                   "an element of the records array is %.0s%s, not a record", uk, en);
}

const struct yk_rule yk_rule_json_not_record = {
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
