/* yakist — `json` rules about keys that differ between records: keys of the header missing from
 * some records, and keys some records add. Counted per key, reported once each at the first
 * record that shows it. */
#include <inttypes.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "json_rules.h"

/* Distinct extra keys remembered by name; the rest are counted together. */
#define EXTRA_NAMES 64

/* --- json.missing_key -------------------------------------------------------------------- */

static int missing_key_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    yk_json_tallies_event(ctx, ev, YK_EV_JSON_KEY_MISSING);
    return 0;
}

static int missing_key_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct yk_json_tallies *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < st->ncols; i++) {
        const struct yk_json_tally *t = &st->cols[i];
        const char *name = yk_json_label(ctx, i);
        if (t->count && yk_emit(ctx, &t->first,
                                "ключа «%.*s» немає в записах: %" PRIu64 " (уперше в рядку %" PRIu64
                                "); пропущене значення записують як null",
                                "key '%.*s' is missing from records: %" PRIu64
                                " (first at row %" PRIu64 "); a missing value is written as null",
                                yk_json_name_len(name), name, t->count, t->first.row) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

const struct yk_rule yk_rule_json_missing_key = {
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
    .state_size = sizeof(struct yk_json_tallies),
    .on_header = yk_json_tallies_header,
    .on_event = missing_key_event,
    .on_finish = missing_key_finish,
};

/* --- json.extra_key ---------------------------------------------------------------------- */

struct extra_state {
    struct {
        const char *name; /* in the arena */
        struct yk_json_tally t;
    } keys[EXTRA_NAMES];
    size_t nkeys;
    struct yk_json_tally other; /* keys beyond EXTRA_NAMES distinct ones */
};

static int extra_key_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_JSON_KEY_EXTRA)
        return 0;
    struct extra_state *st = yk_ctx_state(ctx);
    const char *key = ev->detail ? ev->detail : "";
    for (size_t i = 0; i < st->nkeys; i++) {
        if (strcmp(st->keys[i].name, key) == 0) {
            yk_json_tally_add(&st->keys[i].t, &ev->loc);
            return 0;
        }
    }
    if (st->nkeys == EXTRA_NAMES) {
        yk_json_tally_add(&st->other, &ev->loc);
        return 0;
    }
    int n = yk_json_name_len(key);
    if (!(st->keys[st->nkeys].name = yk_arena_strndup(yk_ctx_arena(ctx), key, (size_t)n)))
        return YK_ENOMEM;
    yk_json_tally_add(&st->keys[st->nkeys++].t, &ev->loc);
    return 0;
}

static int extra_key_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct extra_state *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < st->nkeys; i++) {
        const struct yk_json_tally *t = &st->keys[i].t;
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

const struct yk_rule yk_rule_json_extra_key = {
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
