/* yakist — `schema` rules about values that must not repeat: a unique column and the primary
 * key (one field or several). Memory grows with distinct values, not with rows: a set keeps a
 * 64-bit hash of each typed value and the first row it was seen in (16 bytes a slot). Two
 * different values collide with a probability of about n²/2⁶⁵ — for ten million distinct
 * values one in ten thousand runs — and a collision can only report a repeat, never hide one.
 * A slot holds the hash and the row together, so an insert touches one cache line, and a
 * unique field that is also the primary key keeps one set for both rules. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "schema_rules.h"

#define SET_MIN 1024 /* slots of a new set */

struct slot {
    uint64_t hash; /* 0: empty (a real hash of 0 is stored as 1) */
    uint64_t row;  /* where the value was first seen */
};

struct hset {
    struct slot *slots;
    size_t mask, used;
};

static void hset_free(void *p)
{
    struct hset *s = p;
    free(s->slots);
}

/* A set whose tables are freed with the arena. NULL when out of memory. */
static struct hset *hset_create(struct yk_arena *arena)
{
    struct hset *s = yk_arena_calloc(arena, 1, sizeof *s);
    if (!s)
        return NULL;
    s->slots = calloc(SET_MIN, sizeof *s->slots);
    s->mask = SET_MIN - 1;
    if (yk_arena_defer(arena, hset_free, s) < 0 || !s->slots)
        return NULL;
    return s;
}

static int hset_grow(struct hset *s)
{
    size_t cap = (s->mask + 1) * 2;
    struct slot *t = calloc(cap, sizeof *t);
    if (!t)
        return YK_ENOMEM;
    for (size_t i = 0; i <= s->mask; i++) {
        if (!s->slots[i].hash)
            continue;
        size_t j = (size_t)s->slots[i].hash & (cap - 1);
        while (t[j].hash)
            j = (j + 1) & (cap - 1);
        t[j] = s->slots[i];
    }
    free(s->slots);
    s->slots = t;
    s->mask = cap - 1;
    return 0;
}

/* The set of a field's values shared by the rules of the run (see struct yk_schema_run). */
static struct hset *field_set(struct yk_rule_ctx *ctx, const struct yk_schema_field *f)
{
    struct yk_schema_run *sr = yk_ctx_schema_run(ctx);
    struct yk_arena *arena = yk_ctx_arena(ctx);
    if (!sr->value_sets &&
        !(sr->value_sets = yk_arena_calloc(arena, sr->use.schema->nfields, sizeof(void *))))
        return NULL;
    if (!sr->value_sets[f->index])
        sr->value_sets[f->index] = hset_create(arena);
    return sr->value_sets[f->index];
}

/* Insert hash seen in row; *first gets the earlier row it was first seen in, or 0 when it is
 * new (or was added by the other rule sharing the set, in this same row). */
static int hset_add(struct hset *s, uint64_t hash, uint64_t row, uint64_t *first)
{
    hash = hash ? hash : 1;
    size_t i = (size_t)hash & s->mask;
    for (; s->slots[i].hash; i = (i + 1) & s->mask) {
        if (s->slots[i].hash == hash) {
            *first = s->slots[i].row == row ? 0 : s->slots[i].row;
            return 0;
        }
    }
    *first = 0;
    s->slots[i] = (struct slot){hash, row};
    if (++s->used * 4 > (s->mask + 1) * 3)
        return hset_grow(s);
    return 0;
}

/* --- schema.unique ------------------------------------------------------------------------ */

static bool want_unique(const struct yk_schema_field *f)
{
    return f->unique;
}

static int unique_prepare(struct yk_rule_ctx *ctx, struct yk_sr_col *col)
{
    col->extra = field_set(ctx, col->f);
    return col->extra ? 0 : YK_ENOMEM;
}

static const struct yk_sr_spec unique_spec = {want_unique, unique_prepare};

static int unique_check(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                        const struct yk_row *row)
{
    const struct yk_cell *c = &row->cells[col->column];
    struct yk_value v;
    uint64_t first;
    if (!yk_sr_typed(ctx, col, row, &v))
        return 0;
    uint64_t h = yk_value_hash(col->parser.type, &v, c->data, c->len, col->f->index);
    int rc = hset_add(col->extra, h, row->number, &first);
    if (rc < 0 || first == 0)
        return rc;
    char text[YK_SR_SNIPPET];
    struct yk_loc loc = yk_sr_cell_loc(row, col->column);
    return yk_emit(ctx, &loc, "стовпець «%s»: «%s» повторює значення рядка %" PRIu64,
                   "column \"%s\": \"%s\" repeats the value of row %" PRIu64, col->label,
                   yk_sr_snippet(text, c->data, c->len), first);
}

static int unique_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_sr_plan_state *st = yk_ctx_state(ctx);
    return yk_sr_plan_build(ctx, &st->plan, &unique_spec, header);
}

static int unique_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t column)
{
    struct yk_sr_plan_state *st = yk_ctx_state(ctx);
    return unique_check(ctx, st->plan.by_col[column], row);
}

static int unique_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct yk_sr_plan_state *st = yk_ctx_state(ctx);
    return yk_sr_plan_headerless(ctx, &st->plan, &unique_spec, row, unique_check);
}

const struct yk_rule yk_rule_schema_unique = {
    .id = "schema.unique",
    .title_uk = "Повторюване значення в унікальному стовпці",
    .title_en = "Repeated value in a unique column",
    .rationale = "An identifier, a registration number or a code that should single out one "
                 "record but appears twice makes the records impossible to tell apart and joins "
                 "with other datasets double-count. Values are compared as their type (1 and 01 "
                 "are the same integer); missing values do not count.",
    .source = "Frictionless Data: Table Schema, constraint `unique` (`unique-error`)",
    .frictionless = "unique-error",
    .example = "schema: id (unique)\nid\n1\n1",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 4,
    .compliance = true,
    .state_size = sizeof(struct yk_sr_plan_state),
    .on_header = unique_header,
    .on_row = unique_row,
    .on_cell = unique_cell,
};

/* --- schema.primary_key ------------------------------------------------------------------- */

struct key_part {
    const struct yk_schema_field *f;
    size_t column; /* YK_NO_COLUMN: the field has no column */
    struct yk_parser parser;
};

struct key_state {
    bool ready;
    struct key_part *parts;
    size_t nparts;
    struct hset *set;
    const char *names; /* "id, name", for messages */
};

static int key_build(struct yk_rule_ctx *ctx, struct key_state *st, const struct yk_row *header)
{
    struct yk_schema_run *sr = yk_ctx_schema_run(ctx);
    const struct yk_schema *s = sr->use.schema;
    struct yk_arena *arena = yk_ctx_arena(ctx);
    st->ready = true;
    if (!s || s->nprimary_key == 0)
        return 0;
    int rc = yk_schema_run_bind(sr, header);
    st->parts = yk_arena_calloc(arena, s->nprimary_key, sizeof *st->parts);
    /* One field: its value set is shared with schema.unique; several: a set of tuples. */
    st->set =
        s->nprimary_key == 1 ? field_set(ctx, &s->fields[s->primary_key[0]]) : hset_create(arena);
    if (rc < 0 || !st->parts || !st->set)
        return YK_ENOMEM;
    size_t len = 1;
    for (size_t i = 0; i < s->nprimary_key; i++)
        len += strlen(s->fields[s->primary_key[i]].name) + 2;
    char *names = yk_arena_alloc(arena, len);
    if (!names)
        return YK_ENOMEM;
    names[0] = '\0';
    for (size_t i = 0; i < s->nprimary_key; i++) {
        struct key_part *p = &st->parts[i];
        char why[160];
        p->f = &s->fields[s->primary_key[i]];
        p->column = sr->field_col[p->f->index];
        if ((rc = yk_parser_init(&p->parser, p->f, arena, why, sizeof why)) < 0)
            return rc == YK_ENOMEM ? rc : YK_EINTERNAL;
        strcat(names, i ? ", " : "");
        strcat(names, p->f->name);
    }
    st->nparts = s->nprimary_key;
    st->names = names;
    return 0;
}

static int key_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    return key_build(ctx, yk_ctx_state(ctx), header);
}

/* Every data row counts, blank ones too: a key of empty cells is itself an error. */
static int key_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct key_state *st = yk_ctx_state(ctx);
    if (row->flags & YK_ROW_PREAMBLE)
        return 0;
    if (!st->ready) {
        if (yk_ctx_header(ctx))
            return 0;
        int rc = key_build(ctx, st, NULL);
        if (rc < 0)
            return rc;
    }
    if (st->nparts == 0)
        return 0;
    uint64_t h = UINT64_C(0x8f1bbcdcca62c1d6);
    bool all_missing = true;
    for (size_t i = 0; i < st->nparts; i++) {
        const struct key_part *p = &st->parts[i];
        const struct yk_cell *c = p->column < row->ncells ? &row->cells[p->column] : NULL;
        /* A one-field key hashes as schema.unique does, so the two can share a set. */
        uint64_t seed = st->nparts == 1 ? p->f->index : i, part;
        struct yk_value v;
        if (!c || yk_sr_missing(p->f, c))
            part = UINT64_C(0x510e527fade682d1); /* null */
        else if (p->parser.parse(&p->parser, c->data, c->len, &v))
            part = yk_value_hash(p->parser.type, &v, c->data, c->len, seed), all_missing = false;
        else
            part = yk_hash_bytes(c->data, c->len, seed), all_missing = false;
        h = st->nparts == 1 ? part : yk_hash_bytes(&part, sizeof part, h);
    }
    struct yk_loc loc = yk_sr_cell_loc(row, 0);
    loc.field = 0;
    if (all_missing)
        return yk_emit(ctx, &loc, "рядок %" PRIu64 ": усі поля первинного ключа (%s) порожні",
                       "row %" PRIu64 ": every field of the primary key (%s) is empty", row->number,
                       st->names);
    uint64_t first;
    int rc = hset_add(st->set, h, row->number, &first);
    if (rc < 0 || first == 0)
        return rc;
    return yk_emit(ctx, &loc, "рядок %" PRIu64 ": первинний ключ (%s) повторює рядок %" PRIu64,
                   "row %" PRIu64 ": the primary key (%s) repeats row %" PRIu64, row->number,
                   st->names, first);
}

const struct yk_rule yk_rule_schema_primary_key = {
    .id = "schema.primary_key",
    .title_uk = "Повторюваний або порожній первинний ключ",
    .title_en = "Repeated or empty primary key",
    .rationale = "The primary key is the field, or the fields together, that identify a record: "
                 "an id, or a code with a date. Two records with the same key, or a record whose "
                 "key is empty, cannot be referred to. Parts are compared as their type.",
    .source = "Frictionless Data: Table Schema, `primaryKey` (`primary-key`)",
    .frictionless = "primary-key",
    .example = "schema: primaryKey [code, date]\ncode,date\n1,2024-01-01\n1,2024-01-01",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 4,
    .compliance = true,
    .state_size = sizeof(struct key_state),
    .on_header = key_header,
    .on_row = key_row,
};
