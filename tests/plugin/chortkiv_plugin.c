/* yakist — an example plugin: the `chortkiv` family with one rule, chortkiv.street_prefix (a
 * column named "street" holds the street's name alone, without «вул.»). The tests build it
 * from this one file in several variants (-D): the good plugin, one built for another ABI
 * version, one whose rule id lacks its prefix, one that repeats a built-in id, one without
 * the entry point. It includes public headers only, as every plugin must. */
#include <string.h>

#include <yakist/plugin.h>

#if defined(YK_TEST_BAD_PREFIX)
#define NAME "chortkiv"
#define RULE_ID "chortkov.street_prefix"
#elif defined(YK_TEST_DUPLICATE)
#define NAME "file"
#define RULE_ID "file.bom"
#else
#define NAME "chortkiv"
#define RULE_ID "chortkiv.street_prefix"
#endif

static int street_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    for (size_t i = 0; i < header->ncells; i++)
        if (header->cells[i].len == 6 && memcmp(header->cells[i].data, "street", 6) == 0)
            return yk_ctx_watch_column(ctx, i);
    return 0;
}

static int street_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t column)
{
    static const char prefix[] = "вул.";
    const struct yk_cell *c = &row->cells[column];
    if (c->len < sizeof prefix - 1 || memcmp(c->data, prefix, sizeof prefix - 1) != 0)
        return 0;
    struct yk_loc loc = {
        .row = row->number,
        .field = (uint32_t)column + 1,
        .line = row->line,
        .offset = row->offset,
    };
    return yk_emit(ctx, &loc, "назва вулиці починається з «вул.»: залиште лише назву",
                   "the street name starts with «вул.»: keep the name alone");
}

static const struct yk_rule street_prefix = {
    .id = RULE_ID,
    .title_uk = "Назва вулиці з префіксом «вул.»",
    .title_en = "Street name with the prefix «вул.»",
    .rationale = "Chortkiv's address register keeps the kind of a street in a column of its "
                 "own; a name written as «вул. Шевченка» does not match «Шевченка» when "
                 "datasets are joined by address.",
    .source = "Chortkiv city council, address register conventions (example plugin)",
    .example = "street\nвул. Шевченка",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 2,
    .on_header = street_header,
    .on_cell = street_cell,
};

static const struct yk_rule *const rules[] = {&street_prefix};

static const struct yk_family family = {
    .name = NAME,
    .title_uk = "Чортків: домовленості міської ради",
    .title_en = "Chortkiv: the city council's conventions",
    .rules = rules,
    .nrules = sizeof rules / sizeof rules[0],
};

#if defined(YK_TEST_ABI)
/* Claims another ABI version: the host must stop after reading abi. */
const struct yk_plugin_info *yakist_plugin(void)
{
    static const struct yk_plugin_info info = {YK_TEST_ABI, NAME, "0.1", &family};
    return &info;
}
#elif defined(YK_TEST_NO_ENTRY)
const struct yk_family *chortkiv_family(void);
const struct yk_family *chortkiv_family(void)
{
    return &family;
}
#else
YK_PLUGIN_DEFINE(NAME, "0.1", family)
#endif
