/* yakist — `schema` rules about the structure description itself: none published next to the
 * data, one that cannot be read, and the quirks the reader tolerated in the one that was used. */
#include <inttypes.h>
#include <stdio.h>

#include "schema_rules.h"

/* --- schema.no_structure ------------------------------------------------------------------ */

static int no_structure_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_schema_use *use = yk_ctx_schema_use(ctx);
    (void)info;
    if (use->origin == YK_SCHEMA_ORIGIN_NOT_FOUND)
        return yk_emit(ctx, NULL,
                       "поруч із даними немає опису структури (наприклад, ІМ'Я.schema.json, "
                       "Structure.json або Structure.csv)",
                       "no structure description is published next to the data (such as "
                       "NAME.schema.json, Structure.json or Structure.csv)");
    if (use->origin == YK_SCHEMA_ORIGIN_AMBIGUOUS)
        return yk_emit(ctx, NULL,
                       "опис структури не вдалося зіставити з даними: поруч лежить %s, але "
                       "назва не відповідає файлу даних, а в теці кілька файлів даних або "
                       "описів; назвіть опис ІМ'Я.schema.json або вкажіть через --schema",
                       "no structure description can be matched to the data: %s lies next to "
                       "it, but is not named after the data file and the folder holds several "
                       "data files or descriptions; name it NAME.schema.json or give it with "
                       "--schema",
                       use->path);
    return 0;
}

const struct yk_rule yk_rule_schema_no_structure = {
    .id = "schema.no_structure",
    .title_uk = "Немає опису структури",
    .title_en = "No structure description",
    .rationale = "A dataset is published with a description of its structure: one row per "
                 "column with its machine name, title, description, data type and whether it is "
                 "required. Without it users guess what columns mean and programs cannot check "
                 "the data. yakist looks next to the data for a file named after it "
                 "(NAME.schema.json, NAME-structure.csv ...), then for Structure.json, "
                 "Structure.csv or schema.json, then for any one file with structure, schema or "
                 "«структура» in its name. Only files checked from disk are looked at.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): "
              "a structure description accompanies every dataset",
    .frictionless = NULL,
    .example = "budget-2025.csv with no budget-2025.schema.json or Structure.json beside it",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = false,
    .on_finish = no_structure_finish,
};

/* --- schema.structure_invalid ------------------------------------------------------------- */

static int structure_invalid_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_schema_use *use = yk_ctx_schema_use(ctx);
    const struct yk_error *e = &use->error;
    (void)info;
    if (use->origin != YK_SCHEMA_ORIGIN_UNUSABLE)
        return 0;
    if (e->line > 0)
        return yk_emit(ctx, NULL,
                       "опис структури %s не вдалося використати (рядок %" PRIu64 ", позиція "
                       "%" PRIu64 "): %s",
                       "the structure description %s cannot be used (line %" PRIu64
                       ", column %" PRIu64 "): %s",
                       use->path, e->line, e->column, e->message);
    return yk_emit(ctx, NULL, "опис структури %s не вдалося використати: %s",
                   "the structure description %s cannot be used: %s", use->path, e->message);
}

const struct yk_rule yk_rule_schema_structure_invalid = {
    .id = "schema.structure_invalid",
    .title_uk = "Опис структури не читається",
    .title_en = "Unusable structure description",
    .rationale = "A structure description published next to the data is only useful when "
                 "programs can read it: valid JSON (or CSV) in UTF-8, a list of fields with "
                 "names, known types, bounds of the right type and patterns that compile. The "
                 "data is then checked without it. The message names the key at fault.",
    .source = "Frictionless Data: Table Schema; W3C: Metadata Vocabulary for Tabular Data (CSVW)",
    .frictionless = NULL,
    .example = "Structure.json: {\"tableSchema\": {\"columns\": [{\"name\": \"id\", "
               "\"required\": \"maybe\"}]}}",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = false,
    .on_finish = structure_invalid_finish,
};

/* --- schema.quirk ------------------------------------------------------------------------- */

static int quirk_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_schema_use *use = yk_ctx_schema_use(ctx);
    (void)info;
    if (!use->schema)
        return 0;
    for (size_t i = 0; i < use->schema->nwarnings; i++) {
        const struct yk_schema_warning *w = &use->schema->warnings[i];
        /* Where: a line of a CSV description, else the JSON Pointer of the key. */
        char at[64];
        if (w->line > 0)
            snprintf(at, sizeof at, ":%" PRIu64, w->line);
        else
            snprintf(at, sizeof at, "%s", w->path[0] ? ", " : "");
        const char *key = w->line > 0 ? "" : w->path;
        /* Both messages go to both formats; "%.0s" prints the other language's as nothing. */
        int rc = w->count > 1 ? yk_emit(ctx, NULL, "%s%s%s: %s%.0s (таких місць ще: %" PRIu64 ")",
                                        "%s%s%s: %.0s%s (and %" PRIu64 " more like it)", use->path,
                                        at, key, w->message_uk, w->message_en, w->count - 1)
                              : yk_emit(ctx, NULL, "%s%s%s: %s%.0s", "%s%s%s: %.0s%s", use->path,
                                        at, key, w->message_uk, w->message_en);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_schema_quirk = {
    .id = "schema.quirk",
    .title_uk = "Вада опису структури, яку прочитано попри все",
    .title_en = "Tolerated defect of the structure description",
    .rationale = "The Ukrainian structure descriptions in circulation depart from the standards "
                 "they follow: the 2019 files repeat the header of the structure table as a first "
                 "column, the 2025 draft wraps the CSVW context in a key \"context\", misspells "
                 "anyURI as anyURL, puts the primary key outside the table schema and leaves "
                 "spaces and tabs around column names. yakist reads them anyway and says, once "
                 "per kind of defect, what it tolerated and where, so the description can be "
                 "fixed at its source.",
    .source = "W3C: Metadata Vocabulary for Tabular Data (CSVW); Frictionless Data: Table Schema; "
              "Мінцифри, структури наборів даних (2019, проєкт 2025)",
    .frictionless = NULL,
    .example = "{\"context\": {\"@context\": \"http://www.w3.org/ns/csvw\"}, \"tableSchema\": "
               "{\"columns\": [{\"name\": \"url\", \"datatype\": \"anyURL\"}]}}",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_METADATA,
    .weight = 1,
    .compliance = false,
    .on_finish = quirk_finish,
};
