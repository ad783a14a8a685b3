/* yakist — the schema of one run: chosen before the rules are set up (given in the options or
 * found next to the data), bound to the file's header on first use, and reported in the
 * result. The yk_ctx_schema* calls of <yakist/schema.h> live here. */
#include <string.h>

#include "schema_priv.h"
#include "schema_run.h"

int yk_schema_run_init(struct yk_schema_run *sr, const char *path, bool on_disk,
                       const struct yk_check_options *opt, struct yk_arena *arena,
                       struct yk_error *err)
{
    memset(sr, 0, sizeof *sr);
    sr->arena = arena;
    sr->ignore_case = opt->header_ignore_case;
    if (opt->schema_use) {
        sr->use = *opt->schema_use;
    } else if (opt->schema) {
        sr->use.origin = YK_SCHEMA_ORIGIN_GIVEN;
        sr->use.schema = opt->schema;
        sr->use.path = opt->schema->source;
    } else if (opt->schema_discover && on_disk) {
        enum yk_schema_found found;
        const char *p;
        if (yk_schema_discover(path, arena, &found, &p) < 0)
            return yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
        sr->use.path = p;
        if (found == YK_SCHEMA_FOUND_NONE)
            sr->use.origin = YK_SCHEMA_ORIGIN_NOT_FOUND;
        else if (found == YK_SCHEMA_FOUND_AMBIGUOUS)
            sr->use.origin = YK_SCHEMA_ORIGIN_AMBIGUOUS;
        else if (found == YK_SCHEMA_FOUND_ONE) {
            int rc = yk_schema_load(p, arena, &sr->use.schema, &sr->use.error);
            if (rc == YK_ENOMEM)
                return yk_error_set(err, YK_ENOMEM, p, 0, 0, "out of memory");
            sr->use.origin = rc == 0 ? YK_SCHEMA_ORIGIN_DISCOVERED : YK_SCHEMA_ORIGIN_UNUSABLE;
        }
    }
    sr->mode = (enum yk_fields_match)opt->fields_match;
    if (sr->mode == YK_FIELDS_MATCH_DEFAULT && sr->use.schema)
        sr->mode = sr->use.schema->fields_match;
    if (sr->mode == YK_FIELDS_MATCH_DEFAULT)
        sr->mode = YK_FIELDS_MATCH_EXACT;
    return 0;
}

void yk_schema_run_result(const struct yk_schema_run *sr, struct yk_file_result *res)
{
    res->schema = sr->use.schema ? sr->use.path : NULL;
    res->schema_discovered = sr->use.origin == YK_SCHEMA_ORIGIN_DISCOVERED;
    res->schema_standard = sr->use.schema && sr->use.origin == YK_SCHEMA_ORIGIN_STANDARD;
}

/* Exactly equal, or equal after folding case when the run ignores it. */
static bool label_is(const struct yk_schema_run *sr, const struct yk_cell *label,
                     const struct yk_schema_field *f)
{
    struct yk_schema one = {.fields = f, .nfields = 1};
    return yk_schema_field_find(&one, label->data, label->len, sr->ignore_case) != NULL;
}

const char *yk_schema_run_alias(const struct yk_schema_run *sr, const struct yk_cell *label,
                                const struct yk_schema_field *f)
{
    if (f->aliases.n == 0 || label_is(sr, label, f))
        return NULL;
    return yk_schema_field_alias(f, label->data, label->len, sr->ignore_case);
}

int yk_schema_run_bind(struct yk_schema_run *sr, const struct yk_row *header)
{
    const struct yk_schema *s = sr->use.schema;
    if (sr->bound || !s)
        return 0;
    size_t ncols = header ? header->ncells : s->nfields;
    sr->col_field = yk_arena_calloc(sr->arena, ncols ? ncols : 1, sizeof *sr->col_field);
    sr->field_col = yk_arena_alloc(sr->arena, s->nfields * sizeof *sr->field_col);
    sr->parsed = yk_arena_calloc(sr->arena, ncols ? ncols : 1, sizeof *sr->parsed);
    if (!sr->col_field || !sr->field_col || !sr->parsed)
        return YK_ENOMEM;
    for (size_t f = 0; f < s->nfields; f++)
        sr->field_col[f] = YK_NO_COLUMN;
    sr->ncols = ncols;
    bool by_position = !header || sr->mode == YK_FIELDS_MATCH_EXACT;
    for (size_t c = 0; c < ncols && by_position; c++) {
        if (c < s->nfields) {
            sr->col_field[c] = &s->fields[c];
            sr->field_col[c] = c;
        }
    }
    /* By name: names first, then the aliases of the fields no name claimed, so a label that
     * is one field's name and another's alias goes to the field it names. */
    for (int pass = 0; pass < 2 && !by_position; pass++) {
        for (size_t c = 0; c < ncols; c++) {
            for (size_t k = 0; k < s->nfields && !sr->col_field[c]; k++) {
                const struct yk_cell *label = &header->cells[c];
                bool is = pass == 0 ? label_is(sr, label, &s->fields[k])
                                    : yk_schema_run_alias(sr, label, &s->fields[k]) != NULL;
                if (is && sr->field_col[k] == YK_NO_COLUMN) {
                    sr->col_field[c] = &s->fields[k];
                    sr->field_col[k] = c;
                }
            }
        }
    }
    sr->bound = true;
    return 0;
}

/* --- the public calls ------------------------------------------------------------------- */

const struct yk_schema *yk_ctx_schema(struct yk_rule_ctx *ctx)
{
    return yk_ctx_schema_run(ctx)->use.schema;
}

const struct yk_schema_use *yk_ctx_schema_use(struct yk_rule_ctx *ctx)
{
    return &yk_ctx_schema_run(ctx)->use;
}

const struct yk_schema_field *yk_ctx_schema_field(struct yk_rule_ctx *ctx, size_t column)
{
    struct yk_schema_run *sr = yk_ctx_schema_run(ctx);
    if (!sr->use.schema)
        return NULL;
    if (!sr->bound) {
        const struct yk_row *header = yk_ctx_header(ctx);
        const struct yk_source_info *info = yk_ctx_source(ctx);
        if (!header && (info->dialect.header || info->records == 0))
            return NULL; /* the header is still to come, or nothing is known yet */
        if (yk_schema_run_bind(sr, header) < 0)
            return NULL;
    }
    return column < sr->ncols ? sr->col_field[column] : NULL;
}

enum yk_fields_match yk_ctx_fields_match(struct yk_rule_ctx *ctx)
{
    return yk_ctx_schema_run(ctx)->mode;
}

bool yk_ctx_header_ignore_case(struct yk_rule_ctx *ctx)
{
    return yk_ctx_schema_run(ctx)->ignore_case;
}
