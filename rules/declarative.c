/* yakist — the `profile` rule family: column checks a profile declares, run per column.
 * on_header finds the columns a rule names and watches them; on_cell runs the check compiled
 * at load time with this run's own match data, so the cell path allocates nothing (a unique
 * check's set grows with distinct values, 16 bytes a slot, like schema.unique's). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "declarative.h"
#include "file_rules.h"
#include "schema_value.h"
#include "utf8.h"
#include "values.h"

#define SET_MIN 1024
#define MESSAGE_MAX 2048 /* an expanded message; longer ones are cut at a character */

struct slot {
    uint64_t hash; /* 0: empty (a real hash of 0 is stored as 1) */
    uint64_t line; /* where the value was first seen */
};

struct state {
    pcre2_match_data *md; /* pattern and columnPattern, created at the header */
    struct slot *slots;   /* unique: every column's values, the column mixed into the hash */
    size_t mask, used;
};

const size_t yk_decl_state_size = sizeof(struct state);

/* The descriptor is the first member of its struct yk_decl (engine/profile_columns.c). */
static const struct yk_decl *decl_of(const struct yk_rule_ctx *ctx)
{
    return (const struct yk_decl *)yk_ctx_rule(ctx);
}

/* --- messages ---------------------------------------------------------------------------- */

/* tpl with {value} and {column} replaced, into buf[MESSAGE_MAX]; a substitution that does not
 * fit is left out and literal text is cut at a character. */
static const char *expand(char *buf, const char *tpl, const char *column, const char *value)
{
    size_t o = 0;
    const char *p = tpl;
    while (*p && o + 1 < MESSAGE_MAX) {
        const char *sub = strncmp(p, "{value}", 7) == 0    ? value
                          : strncmp(p, "{column}", 8) == 0 ? column
                                                           : NULL;
        if (!sub) {
            buf[o++] = *p++;
            continue;
        }
        size_t n = strlen(sub);
        if (n < MESSAGE_MAX - o) {
            memcpy(buf + o, sub, n);
            o += n;
        }
        p += sub == value ? 7 : 8;
    }
    if (*p)
        o = yk_utf8_floor((const unsigned char *)buf, o, o);
    buf[o] = '\0';
    return buf;
}

static const char *label_of(struct yk_rule_ctx *ctx, size_t column, char *buf)
{
    const struct yk_row *h = yk_ctx_header(ctx);
    if (!h || column >= h->ncells)
        return "?";
    return yk_file_snippet(buf, h->cells[column].data, h->cells[column].len);
}

/* Emit the rule's message for a failing cell; first: the line a repeated value was first
 * seen on (unique), else 0. */
static int fail(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t column,
                enum yk_decl_fail how, uint64_t first)
{
    const struct yk_decl *d = decl_of(ctx);
    const struct yk_cell *c = &row->cells[column];
    char name[YK_FILE_SNIPPET_SIZE], value[YK_FILE_SNIPPET_SIZE], uk[MESSAGE_MAX], en[MESSAGE_MAX];
    label_of(ctx, column, name);
    yk_file_snippet(value, c->data, c->len);
    expand(uk, d->msg[how][0], name, value);
    expand(en, d->msg[how][1], name, value);
    struct yk_loc loc = yk_file_row_loc(row, column + 1);
    if (first)
        return yk_emit(ctx, &loc, "%s%.0s (уперше в рядку %" PRIu64 ")",
                       "%.0s%s (first on line %" PRIu64 ")", uk, en, first);
    return yk_emit(ctx, &loc, "%s%.0s", "%.0s%s", uk, en);
}

/* --- the header -------------------------------------------------------------------------- */

static bool names_column(const struct yk_decl *d, const struct yk_cell *label, pcre2_match_data *md)
{
    if (d->column)
        return strlen(d->column) == label->len && memcmp(d->column, label->data, label->len) == 0;
    return pcre2_match(d->column_re, (PCRE2_SPTR)label->data, label->len, 0, 0, md, NULL) >= 0;
}

int yk_decl_on_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    const struct yk_decl *d = decl_of(ctx);
    struct state *st = yk_ctx_state(ctx);
    if ((d->re || d->column_re) && !st->md && !(st->md = pcre2_match_data_create(1, NULL)))
        return YK_ENOMEM;
    if (d->check == YK_DECL_UNIQUE && !st->slots) {
        if (!(st->slots = calloc(SET_MIN, sizeof *st->slots)))
            return YK_ENOMEM;
        st->mask = SET_MIN - 1;
    }
    bool found = false;
    for (size_t i = 0; i < header->ncells; i++) {
        if (!names_column(d, &header->cells[i], st->md))
            continue;
        int rc = yk_ctx_watch_column(ctx, i);
        if (rc < 0)
            return rc;
        found = true;
    }
    /* A required column that is not there at all fails every row at once. */
    if (!found && d->check == YK_DECL_REQUIRED && d->column)
        return yk_emit(ctx, NULL, "немає обов’язкового стовпця «%s»",
                       "the required column \"%s\" is missing", d->column);
    return 0;
}

/* --- the checks -------------------------------------------------------------------------- */

static bool matches(const struct yk_decl *d, pcre2_match_data *md, const struct yk_cell *c)
{
    int rc = d->jit ? pcre2_jit_match(d->re, (PCRE2_SPTR)c->data, c->len, 0, 0, md, NULL)
                    : pcre2_match(d->re, (PCRE2_SPTR)c->data, c->len, 0, 0, md, NULL);
    return rc != PCRE2_ERROR_NOMATCH; /* a match limit is not a finding */
}

static bool listed(const struct yk_decl *d, const struct yk_cell *c)
{
    uint64_t h = yk_hash_bytes(c->data, c->len, 0);
    for (size_t i = (size_t)h & d->vmask; d->vitem[i]; i = (i + 1) & d->vmask) {
        const char *v = d->values[d->vitem[i] - 1];
        if (d->vhash[i] == h && strncmp(v, c->data, c->len) == 0 && v[c->len] == '\0')
            return true;
    }
    return false;
}

/* A number with a point or a comma, grouped by thousands or not, without a unit. */
static bool number_of(const struct yk_cell *c, double *v)
{
    size_t start, n = yk_file_trim(c->data, c->len, &start);
    const char *s = c->data + start;
    char mark;
    struct yk_number num;
    if (yk_decimal_parse(s, n, v, &mark))
        return true;
    if (!yk_number_scan(s, n, &num) || num.unit_len != 0)
        return false;
    *v = num.value;
    return true;
}

static enum yk_decl_fail out_of_range(const struct yk_decl *d, const struct yk_cell *c)
{
    double v;
    if (!number_of(c, &v))
        return YK_DECL_FAIL;
    if (d->has_min && v < d->min)
        return YK_DECL_LOW;
    if (d->has_max && v > d->max)
        return YK_DECL_HIGH;
    return YK_DECL_FAIL_COUNT;
}

static enum yk_decl_fail bad_length(const struct yk_decl *d, const struct yk_cell *c)
{
    /* A character is 1 to 4 bytes: most values are settled by their byte length alone. */
    int64_t bytes = (int64_t)c->len;
    if ((d->min_len < 0 || bytes / 4 >= d->min_len) && (d->max_len < 0 || bytes <= d->max_len))
        return YK_DECL_FAIL_COUNT;
    int64_t n = (int64_t)yk_utf8_chars(c->data, c->len);
    if (d->min_len >= 0 && n < d->min_len)
        return YK_DECL_LOW;
    if (d->max_len >= 0 && n > d->max_len)
        return YK_DECL_HIGH;
    return YK_DECL_FAIL_COUNT;
}

static int set_grow(struct state *st)
{
    size_t cap = (st->mask + 1) * 2;
    struct slot *t = calloc(cap, sizeof *t);
    if (!t)
        return YK_ENOMEM;
    for (size_t i = 0; i <= st->mask; i++) {
        if (!st->slots[i].hash)
            continue;
        size_t j = (size_t)st->slots[i].hash & (cap - 1);
        while (t[j].hash)
            j = (j + 1) & (cap - 1);
        t[j] = st->slots[i];
    }
    free(st->slots);
    st->slots = t;
    st->mask = cap - 1;
    return 0;
}

/* Record the value; *first gets the line it was first seen on, 0 when it is new. */
static int seen(struct state *st, const struct yk_cell *c, size_t column, uint64_t line,
                uint64_t *first)
{
    uint64_t h = yk_hash_bytes(c->data, c->len, (uint64_t)column + 1);
    h = h ? h : 1;
    size_t i = (size_t)h & st->mask;
    for (; st->slots[i].hash; i = (i + 1) & st->mask) {
        if (st->slots[i].hash == h) {
            *first = st->slots[i].line;
            return 0;
        }
    }
    *first = 0;
    st->slots[i] = (struct slot){h, line};
    if (++st->used * 4 > (st->mask + 1) * 3)
        return set_grow(st);
    return 0;
}

int yk_decl_on_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t column)
{
    const struct yk_decl *d = decl_of(ctx);
    struct state *st = yk_ctx_state(ctx);
    const struct yk_cell *c = &row->cells[column];
    size_t start;
    if (d->check == YK_DECL_REQUIRED)
        return yk_file_trim(c->data, c->len, &start) ? 0 : fail(ctx, row, column, YK_DECL_FAIL, 0);
    if (c->len == 0)
        return 0; /* an empty value is for a required check to judge */
    enum yk_decl_fail how = YK_DECL_FAIL_COUNT;
    uint64_t first = 0;
    int rc;
    switch (d->check) {
    case YK_DECL_PATTERN:
        how = matches(d, st->md, c) ? YK_DECL_FAIL_COUNT : YK_DECL_FAIL;
        break;
    case YK_DECL_ENUM:
        how = listed(d, c) ? YK_DECL_FAIL_COUNT : YK_DECL_FAIL;
        break;
    case YK_DECL_RANGE:
        how = out_of_range(d, c);
        break;
    case YK_DECL_LENGTH:
        how = bad_length(d, c);
        break;
    case YK_DECL_UNIQUE:
        if ((rc = seen(st, c, column, row->line, &first)) < 0)
            return rc;
        how = first ? YK_DECL_FAIL : YK_DECL_FAIL_COUNT;
        break;
    case YK_DECL_REQUIRED:
    case YK_DECL_CHECK_COUNT:
        break;
    }
    return how == YK_DECL_FAIL_COUNT ? 0 : fail(ctx, row, column, how, first);
}

void yk_decl_teardown(struct yk_rule_ctx *ctx)
{
    struct state *st = yk_ctx_state(ctx);
    pcre2_match_data_free(st->md);
    free(st->slots);
    st->md = NULL;
    st->slots = NULL;
}
