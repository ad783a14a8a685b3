/* yakist — the shipped standards on the command line: `yakist rules --standards [ID]` lists
 * them or shows one table by table, and `yakist check --standard ID` loads one as its schema.
 * Everything shown comes from the embedded index and schemas, so it cannot drift from them. */
#include <stdlib.h>
#include <string.h>

#include <yakist/standard.h>

#include "cli.h"

#define SUMMARY_MAX 480 /* bytes of a constraints summary */
#define ENUM_SHOWN 80   /* characters; an enum longer than this is shown by its count */

enum label {
    L_HEAD_ID,
    L_HEAD_ITEM,
    L_HEAD_BASIS,
    L_HEAD_TITLE,
    L_HEAD_FIELD,
    L_HEAD_TYPE,
    L_HEAD_REQUIRED,
    L_HEAD_ROLE,
    L_HEAD_CONSTRAINTS,
    L_OTHER_TITLE,
    L_ITEM,
    L_BASIS,
    L_TABLES,
    L_TABLE,
    L_FIELDS,
    L_KEY,
    L_FOREIGN,
    L_YES,
    L_NO,
    L_ALIASES,
    L_BLOCK_ALL,
    L_BLOCK_LOCAL,
    L_THIS_TABLE,
    L_COUNT
};

static const char *const labels[L_COUNT][2] = {
    [L_HEAD_ID] = {"СТАНДАРТ", "STANDARD"},
    [L_HEAD_ITEM] = {"ПЕРЕЛІК", "PERELIK"},
    [L_HEAD_BASIS] = {"ОСНОВА", "BASIS"},
    [L_HEAD_TITLE] = {"НАЗВА", "TITLE"},
    [L_HEAD_FIELD] = {"ПОЛЕ", "FIELD"},
    [L_HEAD_TYPE] = {"ТИП", "TYPE"},
    [L_HEAD_REQUIRED] = {"ОБОВ'ЯЗКОВЕ", "REQUIRED"},
    [L_HEAD_ROLE] = {"РОЛЬ", "ROLE"},
    [L_HEAD_CONSTRAINTS] = {"ОБМЕЖЕННЯ", "CONSTRAINTS"},
    [L_OTHER_TITLE] = {"англійською", "in Ukrainian"},
    [L_ITEM] = {"пункт Переліку", "Perelik item"},
    [L_BASIS] = {"основа", "basis"},
    [L_TABLES] = {"таблиці", "tables"},
    [L_TABLE] = {"Таблиця", "Table"},
    [L_FIELDS] = {"полів", "fields"},
    [L_KEY] = {"первинний ключ", "primary key"},
    [L_FOREIGN] = {"зовнішній ключ (описано, yakist не перевіряє)",
                   "foreign key (documented, not checked by yakist)"},
    [L_YES] = {"так", "yes"},
    [L_NO] = {"ні", "no"},
    [L_ALIASES] = {"інші назви", "aliases"},
    [L_BLOCK_ALL] = {"усі", "all"},
    [L_BLOCK_LOCAL] = {"ОМС", "local"},
    [L_THIS_TABLE] = {"ця сама таблиця", "this table"},
};

static const char *label(enum label l, enum yk_lang lang)
{
    return labels[l][lang == YK_LANG_EN];
}

/* Characters on the screen: UTF-8 continuation bytes take no column. */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0u) != 0x80u;
    return n;
}

static void pad(const char *s, size_t to)
{
    fputs(s, stdout);
    for (size_t w = width(s); w < to; w++)
        putchar(' ');
}

static size_t wider(size_t w, const char *s)
{
    size_t n = width(s);
    return n > w ? n : w;
}

/* "ОМС 55" / "local 55" from the key "local.55". */
static const char *item_of(const struct yk_standard *st, enum yk_lang lang, char *buf, size_t size)
{
    const char *dot = strchr(st->perelik, '.');
    bool all = strncmp(st->perelik, "all.", 4) == 0;
    snprintf(buf, size, "%s %s", label(all ? L_BLOCK_ALL : L_BLOCK_LOCAL, lang),
             dot ? dot + 1 : st->perelik);
    return buf;
}

static const char *title_of(const struct yk_standard *st, enum yk_lang lang)
{
    return lang == YK_LANG_EN ? st->title_en : st->title_uk;
}

/* An unknown name: a close one suggested on stderr, as `yakist rules` does for rule ids;
 * `yakist check` adds the pointer to its help, as for its other usage errors. */
static int unknown(const char *cmd, const char *name)
{
    const char *near = yk_standard_suggest(name);
    bool check = strcmp(cmd, "check") == 0;
    if (near && check)
        return yk_cli_usage(cmd, "no standard '%s'; did you mean '%s'?", name, near);
    if (check)
        return yk_cli_usage(cmd, "no standard '%s'; 'yakist rules --standards' lists them", name);
    if (near)
        fprintf(stderr, "yakist %s: no standard '%s'; did you mean '%s'?\n", cmd, name, near);
    else
        fprintf(stderr, "yakist %s: no standard '%s'; 'yakist rules --standards' lists them\n", cmd,
                name);
    return CLI_EXIT_USAGE;
}

/* --- the list ----------------------------------------------------------------------------- */

int yk_cli_standards_list(enum yk_lang lang)
{
    size_t n = yk_standard_count(), ntables = 0;
    size_t wid = width(label(L_HEAD_ID, lang)), witem = width(label(L_HEAD_ITEM, lang));
    size_t wbasis = width(label(L_HEAD_BASIS, lang));
    char item[32];
    if (n == 0) {
        fputs("yakist: error: the index of the shipped standards is damaged\n", stderr);
        return CLI_EXIT_INTERNAL;
    }
    for (size_t i = 0; i < n; i++) {
        const struct yk_standard *st = yk_standard_at(i);
        wid = wider(wid, st->id);
        witem = wider(witem, item_of(st, lang, item, sizeof item));
        wbasis = wider(wbasis, st->basis);
        ntables += st->ntables;
    }
    pad(label(L_HEAD_ID, lang), wid + 2);
    pad(label(L_HEAD_ITEM, lang), witem + 2);
    pad(label(L_HEAD_BASIS, lang), wbasis + 2);
    puts(label(L_HEAD_TITLE, lang));
    for (size_t i = 0; i < n; i++) {
        const struct yk_standard *st = yk_standard_at(i);
        pad(st->id, wid + 2);
        pad(item_of(st, lang, item, sizeof item), witem + 2);
        pad(st->basis, wbasis + 2);
        fputs(title_of(st, lang), stdout);
        for (size_t k = 0; k < st->ntables && st->ntables > 1; k++)
            printf("%s%s%s", k ? ", " : " [", st->tables[k].name, k + 1 == st->ntables ? "]" : "");
        putchar('\n');
    }
    if (lang == YK_LANG_EN)
        printf("\n%zu standards, %zu tables. 'yakist rules --standards ID' shows one; "
               "'yakist check --standard ID FILE' checks a file against it.\n",
               n, ntables);
    else
        printf("\nСтандартів: %zu, таблиць: %zu. 'yakist rules --standards ID' показує один; "
               "'yakist check --standard ID ФАЙЛ' перевіряє за ним файл.\n",
               n, ntables);
    return CLI_EXIT_PASSED;
}

/* --- one standard ------------------------------------------------------------------------- */

/* Append to a summary of at most SUMMARY_MAX bytes, "; " between the parts. */
static void add(char *buf, const char *fmt, const char *a, const char *b)
{
    size_t o = strlen(buf);
    if (o + 3 >= SUMMARY_MAX)
        return;
    if (o)
        o += (size_t)snprintf(buf + o, SUMMARY_MAX - o, "; ");
    snprintf(buf + o, SUMMARY_MAX - o, fmt, a, b);
}

static void add_list(char *buf, const char *head, const struct yk_strings *list, const char *sep,
                     enum yk_lang lang)
{
    size_t total = 0;
    for (size_t i = 0; i < list->n; i++)
        total += width(list->v[i]) + strlen(sep);
    if (total > ENUM_SHOWN) {
        char count[48];
        snprintf(count, sizeof count, lang == YK_LANG_EN ? "%zu values" : "значень: %zu", list->n);
        add(buf, "%s: %s", head, count);
        return;
    }
    add(buf, "%s%s", head, ": ");
    for (size_t i = 0; i < list->n; i++) {
        size_t o = strlen(buf);
        snprintf(buf + o, SUMMARY_MAX - o, "%s%s", i ? sep : "", list->v[i]);
    }
}

static const char *summary(const struct yk_schema_field *f, enum yk_lang lang, char *buf)
{
    char num[32];
    buf[0] = '\0';
    if (f->unique)
        add(buf, "%s%s", "unique", "");
    if (f->minimum)
        add(buf, "%s %s", f->exclusive_minimum ? ">" : ">=", f->minimum);
    if (f->maximum)
        add(buf, "%s %s", f->exclusive_maximum ? "<" : "<=", f->maximum);
    if (f->min_length >= 0) {
        snprintf(num, sizeof num, "%lld", (long long)f->min_length);
        add(buf, "minLength %s%s", num, "");
    }
    if (f->max_length >= 0) {
        snprintf(num, sizeof num, "%lld", (long long)f->max_length);
        add(buf, "maxLength %s%s", num, "");
    }
    if (f->pattern)
        add(buf, "pattern %s%s", f->pattern, "");
    if (f->format && f->type != YK_TYPE_URL && f->type != YK_TYPE_EMAIL)
        add(buf, "format %s%s", f->format, "");
    if (f->enum_values.n)
        add_list(buf, "enum", &f->enum_values, " | ", lang);
    if (f->aliases.n)
        add_list(buf, label(L_ALIASES, lang), &f->aliases, ", ", lang);
    if (!buf[0])
        snprintf(buf, SUMMARY_MAX, "—");
    return buf;
}

static void put_fields(const struct yk_schema *s, enum yk_lang lang)
{
    enum label heads[] = {L_HEAD_FIELD, L_HEAD_TYPE, L_HEAD_REQUIRED, L_HEAD_ROLE};
    size_t w[4];
    char buf[SUMMARY_MAX];
    for (size_t k = 0; k < 4; k++)
        w[k] = width(label(heads[k], lang));
    for (size_t i = 0; i < s->nfields; i++) {
        const struct yk_schema_field *f = &s->fields[i];
        w[0] = wider(w[0], f->name);
        w[1] = wider(w[1], yk_field_type_name(f->type));
        w[3] = wider(w[3], f->role ? f->role : "—");
    }
    fputs("  ", stdout);
    for (size_t k = 0; k < 4; k++)
        pad(label(heads[k], lang), w[k] + 2);
    puts(label(L_HEAD_CONSTRAINTS, lang));
    for (size_t i = 0; i < s->nfields; i++) {
        const struct yk_schema_field *f = &s->fields[i];
        fputs("  ", stdout);
        pad(f->name, w[0] + 2);
        pad(yk_field_type_name(f->type), w[1] + 2);
        pad(label(f->required ? L_YES : L_NO, lang), w[2] + 2);
        pad(f->role ? f->role : "—", w[3] + 2);
        puts(summary(f, lang, buf));
    }
}

static void put_names(const struct yk_strings *names)
{
    for (size_t i = 0; i < names->n; i++)
        printf("%s%s", i ? ", " : "", names->v[i]);
}

static void put_keys(const struct yk_schema *s, enum yk_lang lang)
{
    if (s->nprimary_key) {
        printf("  %s: ", label(L_KEY, lang));
        for (size_t i = 0; i < s->nprimary_key; i++)
            printf("%s%s", i ? ", " : "", s->fields[s->primary_key[i]].name);
        putchar('\n');
    }
    for (size_t i = 0; i < s->nforeign_keys; i++) {
        const struct yk_schema_foreign_key *fk = &s->foreign_keys[i];
        printf("  %s: ", label(L_FOREIGN, lang));
        put_names(&fk->fields);
        printf(" → %s (", fk->resource[0] ? fk->resource : label(L_THIS_TABLE, lang));
        put_names(&fk->ref_fields);
        puts(")");
    }
}

/* One table: its title, fields and keys. 0 or an exit code. */
static int show_table(const struct yk_standard_table *t, enum yk_lang lang)
{
    struct yk_arena *arena = yk_arena_create(0);
    const struct yk_schema *s = NULL;
    struct yk_error err;
    yk_error_clear(&err);
    int rc = arena ? yk_standard_load(t->ref, arena, &s, &err)
                   : yk_error_set(&err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc < 0) {
        yk_cli_print_error(&err, lang);
        yk_arena_destroy(arena);
        return CLI_EXIT_INTERNAL;
    }
    printf("\n%s %s — %s (%s: %zu)\n", label(L_TABLE, lang), t->ref, t->title_uk,
           label(L_FIELDS, lang), s->nfields);
    put_fields(s, lang);
    put_keys(s, lang);
    yk_arena_destroy(arena);
    return CLI_EXIT_PASSED;
}

static void line(const char *name, const char *value)
{
    fputs("  ", stdout);
    pad(name, 18);
    puts(value);
}

int yk_cli_standards_show(const char *name, enum yk_lang lang)
{
    const struct yk_standard *st = yk_standard_find(name);
    const struct yk_standard_table *only = NULL;
    char buf[512];
    if (!st && yk_standard_resolve(name, &st, &only, NULL) < 0)
        return unknown("rules", name);
    printf("%s — %s\n\n", st->id, title_of(st, lang));
    line(label(L_OTHER_TITLE, lang), lang == YK_LANG_EN ? st->title_uk : st->title_en);
    const struct yk_perelik_item *it = yk_perelik_find(yk_perelik_city(), st->perelik);
    char item[32];
    snprintf(buf, sizeof buf, "%s%s%s", item_of(st, lang, item, sizeof item), it ? " — " : "",
             it ? it->title : "");
    line(label(L_ITEM, lang), buf);
    line(label(L_BASIS, lang), st->basis);
    buf[0] = '\0';
    for (size_t k = 0, o = 0; k < st->ntables && o < sizeof buf; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", k ? ", " : "", st->tables[k].ref);
    line(label(L_TABLES, lang), buf);
    int code = CLI_EXIT_PASSED;
    for (size_t k = 0; k < st->ntables && code == CLI_EXIT_PASSED; k++)
        if (!only || only == &st->tables[k])
            code = show_table(&st->tables[k], lang);
    return code;
}

/* --- yakist check --standard ---------------------------------------------------------------- */

int yk_cli_standard_load(const char *name, enum yk_lang lang, struct yk_arena **arena,
                         const struct yk_schema **out)
{
    struct yk_error err;
    yk_error_clear(&err);
    *arena = yk_arena_create(0);
    int rc = *arena ? yk_standard_load(name, *arena, out, &err)
                    : yk_error_set(&err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == 0)
        return CLI_EXIT_PASSED;
    if (rc == YK_ENOTFOUND)
        return unknown("check", name);
    if (rc == YK_EINVAL)
        return yk_cli_usage("check", "%s", err.message);
    yk_cli_print_error(&err, lang);
    return CLI_EXIT_INTERNAL;
}
