/* yakist — the `xml` rule family: what is wrong with an XML resource as a table. Fed by the XML
 * loader's events: well-formedness, records whose fields differ from the first record's, mixed
 * content, the depth limit. The DTD rules (entities, external references) are in xml_dtd.c.
 * Per-field problems are counted and reported once per field, at the first record. */
#include <inttypes.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "families.h"
#include "xml_rules.h"

/* Distinct extra fields remembered by name; the rest are counted together. */
#define EXTRA_NAMES 64

static const struct yk_rule *const xml_rules[] = {
    &yk_rule_xml_not_well_formed,    &yk_rule_xml_missing_field,    &yk_rule_xml_extra_field,
    &yk_rule_xml_repeated_field,     &yk_rule_xml_mixed_content,    &yk_rule_xml_depth_limit,
    &yk_rule_xml_external_reference, &yk_rule_xml_entity_expansion, &yk_rule_xml_entity_declaration,
    &yk_rule_xml_entity_reference,
};

const struct yk_family yk_family_xml = {
    .name = "xml",
    .title_uk = "XML: правильність і структура записів",
    .title_en = "XML: well-formedness and record structure",
    .rules = xml_rules,
    .nrules = sizeof xml_rules / sizeof xml_rules[0],
    .only_format = "xml",
};

int yk_xml_name_len(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n <= YK_XML_NAME_BYTES)
        return (int)n;
    n = YK_XML_NAME_BYTES;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

const char *yk_xml_detail(const struct yk_event *ev)
{
    return ev->detail ? ev->detail : "";
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

/* --- xml.not_well_formed ---------------------------------------------------------------- */

static int not_well_formed_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_MALFORMED)
        return 0;
    return yk_emit(ctx, &ev->loc, "XML-документ не є правильно сформованим: %s",
                   "the XML document is not well-formed: %s", yk_xml_detail(ev));
}

const struct yk_rule yk_rule_xml_not_well_formed = {
    .id = "xml.not_well_formed",
    .title_uk = "XML не є правильно сформованим",
    .title_en = "XML not well-formed",
    .rationale =
        "An XML document must be well-formed: every element closed and properly nested, "
        "one root element, attribute values quoted, '&' and '<' escaped in text, bytes "
        "valid in the declared encoding. A conforming parser must stop at the first such "
        "error, so portals and tools get nothing after it, often nothing at all. The "
        "finding gives libxml2's message with its line and column; the records read before "
        "the error are checked, the rest of the file is not.",
    .source = "W3C XML 1.0 (Fifth Edition) §1.2 and §2.1 (well-formed documents, fatal errors); "
              "Frictionless Data: task error `source-error`",
    .frictionless = "source-error",
    .example = "<депутати><депутат><піб>Іваненко</депутат></депутати>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .compliance = true,
    .on_event = not_well_formed_event,
};

/* --- xml.missing_field ------------------------------------------------------------------ */

/* Per header field: the records that lack it. */
struct missing_state {
    struct tally *cols;
    size_t ncols;
};

static int missing_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct missing_state *st = yk_ctx_state(ctx);
    st->ncols = header->ncells;
    st->cols = yk_arena_calloc(yk_ctx_arena(ctx), st->ncols ? st->ncols : 1, sizeof *st->cols);
    return st->cols ? 0 : YK_ENOMEM;
}

static int missing_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    struct missing_state *st = yk_ctx_state(ctx);
    if (ev->kind == YK_EV_XML_FIELD_MISSING && ev->loc.field > 0 && ev->loc.field <= st->ncols)
        tally_add(&st->cols[ev->loc.field - 1], &ev->loc);
    return 0;
}

static int missing_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct missing_state *st = yk_ctx_state(ctx);
    const struct yk_row *h = yk_ctx_header(ctx);
    uint64_t records = info->records > 0 ? info->records - 1 : 0;
    for (size_t i = 0; h && i < st->ncols; i++) {
        const struct tally *t = &st->cols[i];
        const char *name = h->cells[i].data;
        if (t->count && yk_emit(ctx, &t->first,
                                "поля «%.*s» немає в %" PRIu64 " з %" PRIu64
                                " записів (уперше в рядку %" PRIu64 ")",
                                "field '%.*s' is missing from %" PRIu64 " of %" PRIu64
                                " records (first at row %" PRIu64 ")",
                                yk_xml_name_len(name), name, t->count, records, t->first.row) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

const struct yk_rule yk_rule_xml_missing_field = {
    .id = "xml.missing_field",
    .title_uk = "У записах бракує полів",
    .title_en = "Fields missing from records",
    .rationale =
        "All records of a dataset carry the same fields; a value that is not known is an "
        "empty element, not a left-out one. The table's columns are the first record's "
        "child elements and attributes (nested ones as `адреса.вулиця`); a record without "
        "one of them gets an empty cell, and tools that build the columns from another "
        "record, or from an XSD, disagree about the table. One finding per field gives the "
        "number of records without it.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): опис структури "
              "набору; Frictionless Data: row error `missing-cell`",
    .frictionless = "missing-cell",
    .example = "<депутати><депутат><піб>Іваненко І. І.</піб><округ>3</округ></депутат>"
               "<депутат><піб>Петренко П. П.</піб></депутат></депутати>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .state_size = sizeof(struct missing_state),
    .on_header = missing_header,
    .on_event = missing_event,
    .on_finish = missing_finish,
};

/* --- xml.extra_field -------------------------------------------------------------------- */

struct extra_state {
    struct {
        const char *name; /* in the arena */
        struct tally t;
    } fields[EXTRA_NAMES];
    size_t nfields;
    struct tally other; /* fields beyond EXTRA_NAMES distinct ones */
};

static int extra_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_FIELD_EXTRA)
        return 0;
    struct extra_state *st = yk_ctx_state(ctx);
    const char *name = yk_xml_detail(ev);
    for (size_t i = 0; i < st->nfields; i++) {
        if (strcmp(st->fields[i].name, name) == 0) {
            tally_add(&st->fields[i].t, &ev->loc);
            return 0;
        }
    }
    if (st->nfields == EXTRA_NAMES) {
        tally_add(&st->other, &ev->loc);
        return 0;
    }
    const char *copy = yk_arena_strdup(yk_ctx_arena(ctx), name);
    if (!copy)
        return YK_ENOMEM;
    st->fields[st->nfields].name = copy;
    tally_add(&st->fields[st->nfields++].t, &ev->loc);
    return 0;
}

static int extra_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct extra_state *st = yk_ctx_state(ctx);
    uint64_t records = info->records > 0 ? info->records - 1 : 0;
    for (size_t i = 0; i < st->nfields; i++) {
        const struct tally *t = &st->fields[i].t;
        const char *name = st->fields[i].name;
        if (yk_emit(ctx, &t->first,
                    "поле «%.*s», якого немає в першому записі, є в %" PRIu64 " з %" PRIu64
                    " записів (уперше в рядку %" PRIu64 "); його значення не перевірено",
                    "field '%.*s', absent from the first record, appears in %" PRIu64 " of %" PRIu64
                    " records (first at row %" PRIu64 "); its values were not "
                    "checked",
                    yk_xml_name_len(name), name, t->count, records, t->first.row) < 0)
            return YK_ENOMEM;
    }
    if (st->other.count &&
        yk_emit(ctx, &st->other.first,
                "ще поля поза заголовком: %" PRIu64 " випадків (уперше в рядку %" PRIu64 ")",
                "more fields outside the header: %" PRIu64 " occurrences (first at row %" PRIu64
                ")",
                st->other.count, st->other.first.row) < 0)
        return YK_ENOMEM;
    return 0;
}

const struct yk_rule yk_rule_xml_extra_field = {
    .id = "xml.extra_field",
    .title_uk = "Зайві поля в записах",
    .title_en = "Fields added in some records",
    .rationale = "The table's columns are the fields of the first record. A child element or "
                 "attribute that appears only in later records has no column: tools that take the "
                 "structure from the first record drop its values, and the dataset's structure "
                 "description does not cover it. Usually it is a misspelt element name or a field "
                 "added midway through the year; give every record the same fields.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): опис структури "
              "набору; Frictionless Data: row error `extra-cell`",
    .frictionless = "extra-cell",
    .example = "<дозволи><дозвіл><номер>12</номер></дозвіл>"
               "<дозвіл><номер>13</номер><телефон>0355221234</телефон></дозвіл></дозволи>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .state_size = sizeof(struct extra_state),
    .on_event = extra_event,
    .on_finish = extra_finish,
};

/* --- xml.repeated_field ----------------------------------------------------------------- */

static int repeated_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_FIELD_REPEATED)
        return 0;
    const char *name = yk_xml_detail(ev);
    return yk_emit(ctx, &ev->loc,
                   "поле «%.*s» повторюється в записі; значення об'єднано через «; »",
                   "field '%.*s' occurs more than once in the record; the values were joined "
                   "with \"; \"",
                   yk_xml_name_len(name), name);
}

const struct yk_rule yk_rule_xml_repeated_field = {
    .id = "xml.repeated_field",
    .title_uk = "Поле повторюється в записі",
    .title_en = "Field repeated in a record",
    .rationale = "A table has one value per cell. An element repeated inside one record (two "
                 "<телефон> elements, several <засновник>) is a list, which has no place in a "
                 "flat table: some tools keep the first value, some the last, some fail. yakist "
                 "joins the values with \"; \" and reports the record. Publish such lists as a "
                 "separate table linked by the record's identifier.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): одне значення в "
              "одній клітинці",
    .frictionless = NULL,
    .example = "<депутати><депутат><телефон>0355221234</телефон><телефон>0671234567</телефон>"
               "</депутат></депутати>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .on_event = repeated_event,
};

/* --- xml.mixed_content ------------------------------------------------------------------ */

static int mixed_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_MIXED)
        return 0;
    const char *name = yk_xml_detail(ev);
    return yk_emit(ctx, &ev->loc,
                   "у «%.*s» текст змішано з вкладеними елементами; текст узято як окреме поле",
                   "'%.*s' mixes text with child elements; the text was taken as a field of its "
                   "own",
                   yk_xml_name_len(name), name);
}

const struct yk_rule yk_rule_xml_mixed_content = {
    .id = "xml.mixed_content",
    .title_uk = "Змішаний вміст",
    .title_en = "Mixed content",
    .rationale =
        "In a data file an element holds either a value (text) or other elements, never "
        "both. Text beside child elements, as in <адреса>м. Чортків<вулиця>Шевченка"
        "</вулиця></адреса>, is document markup, not data: its parts have no field names, "
        "and tools that map XML to tables drop the text or glue it to a neighbour. Put the "
        "text in an element of its own.",
    .source = "W3C XML 1.0 §3.2.2 (mixed content); Мінцифри, методичні рекомендації щодо "
              "наборів даних (2019): машинозчитувана структура",
    .frictionless = NULL,
    .example = "<депутати><депутат>Іваненко<округ>3</округ></депутат></депутати>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .on_event = mixed_event,
};

/* --- xml.depth_limit -------------------------------------------------------------------- */

static int depth_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_DEPTH)
        return 0;
    const char *name = yk_xml_detail(ev);
    return yk_emit(ctx, &ev->loc,
                   "елементи вкладено глибше за дозволене (%.*s); далі файл не прочитано",
                   "elements are nested deeper than allowed (%.*s); the rest of the file was not "
                   "read",
                   yk_xml_name_len(name), name);
}

const struct yk_rule yk_rule_xml_depth_limit = {
    .id = "xml.depth_limit",
    .title_uk = "Надто глибока вкладеність",
    .title_en = "Nesting too deep",
    .rationale = "A table flattened from XML needs only a few levels: the root, the records, their "
                 "fields and perhaps one level of grouping. Elements nested dozens of levels deep "
                 "are no data layout: they come from a broken export or from a file built to "
                 "exhaust a parser's stack. yakist stops reading at the depth limit (64 by "
                 "default, `max_depth`), reports it and checks the records read before it.",
    .source = "yakist limits (`struct yk_limits`, max_depth); OWASP XML Security Cheat Sheet "
              "(deeply nested elements)",
    .frictionless = NULL,
    .example = "(an element nested 65 levels deep)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = true,
    .on_event = depth_event,
};
