/* yakist — the rule model: static descriptors grouped in families, the context the engine
 * hands to a rule, and the one way a finding leaves a rule (yk_emit).
 * The engine iterates the input; rules never loop over a file themselves. A callback's return
 * value means only "could not run" (negative enum yk_err); problems in the data are emitted. */
#ifndef YAKIST_RULE_H
#define YAKIST_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/table.h>

#ifdef __cplusplus
extern "C" {
#endif

struct yk_arena;
struct yk_catalog; /* catalog model: defined by the audit interface */
struct yk_dataset;

/* Ordered: a gate fails on findings at or above its threshold. */
enum yk_severity { YK_SEV_OFF = 0, YK_SEV_INFO = 1, YK_SEV_WARNING = 2, YK_SEV_ERROR = 3 };

enum yk_scope {
    YK_SCOPE_CATALOG = 0, /* once per catalog */
    YK_SCOPE_DATASET,     /* once per dataset (metadata) */
    YK_SCOPE_RESOURCE,    /* once per file: events and the finish callback */
    YK_SCOPE_ROW,         /* every row */
    YK_SCOPE_CELL         /* the cells of the columns it watches */
};

enum yk_dimension {
    YK_DIM_COVERAGE = 0,
    YK_DIM_METADATA,
    YK_DIM_TIMELINESS,
    YK_DIM_OPENNESS,
    YK_DIM_STRUCTURE,
    YK_DIM_CONTENT,
    YK_DIM_COUNT
};

enum yk_param_type { YK_PARAM_INT = 0, YK_PARAM_BOOL, YK_PARAM_STRING };

/* A rule parameter; a profile may override its value. */
struct yk_param_desc {
    const char *name;
    enum yk_param_type type;
    const char *default_value; /* as text: "10", "true", "abc" */
    int64_t min, max;          /* bounds for YK_PARAM_INT */
    const char *help;          /* English, one line */
};

struct yk_rule_ctx;

struct yk_rule {
    const char *id;        /* family.name, lower_snake, stable forever */
    const char *title_uk;  /* short Ukrainian title */
    const char *title_en;  /* short English title */
    const char *rationale; /* one English paragraph: why it matters */
    const char *source;    /* Resolution 835 paragraph, Ministry recommendation, standard ... */
    const char *frictionless; /* the Frictionless error type for the same problem, or NULL */
    const char *example;   /* a small input that triggers it, as text */
    enum yk_scope scope;
    enum yk_severity severity; /* default; a profile may override */
    enum yk_dimension dimension;
    unsigned weight;   /* points in the scoring model */
    bool compliance;   /* an error from this rule makes a dataset non-compliant */
    const struct yk_param_desc *params;
    size_t nparams;
    size_t state_size; /* bytes of zeroed per-run state, see yk_ctx_state */

    /* Every callback is optional. */
    int (*setup)(struct yk_rule_ctx *ctx);
    int (*on_header)(struct yk_rule_ctx *ctx, const struct yk_row *header);
    int (*on_row)(struct yk_rule_ctx *ctx, const struct yk_row *row);
    int (*on_cell)(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t column);
    int (*on_event)(struct yk_rule_ctx *ctx, const struct yk_event *event);
    int (*on_finish)(struct yk_rule_ctx *ctx, const struct yk_source_info *info);
    int (*on_dataset)(struct yk_rule_ctx *ctx, const struct yk_dataset *dataset);
    int (*on_catalog)(struct yk_rule_ctx *ctx, const struct yk_catalog *catalog);
    void (*teardown)(struct yk_rule_ctx *ctx);
};

struct yk_family {
    const char *name; /* the id prefix before the dot */
    const char *title_uk;
    const char *title_en;
    const struct yk_rule *const *rules;
    size_t nrules;
    /* Where the family's rules apply; zero (a plugin's default) means every loaded table. */
    bool without_rows;       /* also on a file that was not loaded as a table (PDF, scan ...) */
    const char *only_format; /* only on files of this input format ("json"), or NULL */
    bool needs_schema;       /* its data rules count in scores only when a structure applied */
};

/* --- what a rule may ask of its context ------------------------------------------------ */

/* The rule's zeroed state of rule->state_size bytes, private to this run. */
void *yk_ctx_state(struct yk_rule_ctx *ctx);

/* The run arena, for memory that lives until the run ends. */
struct yk_arena *yk_ctx_arena(struct yk_rule_ctx *ctx);

const struct yk_rule *yk_ctx_rule(const struct yk_rule_ctx *ctx);

/* The source facts known so far (dialect, format, encoding; counts grow while reading). In
 * the dataset and catalog scopes of an audit there is no file: an empty one. */
const struct yk_source_info *yk_ctx_source(const struct yk_rule_ctx *ctx);

/* The header row, or NULL before it was read or when the table has none. */
const struct yk_row *yk_ctx_header(const struct yk_rule_ctx *ctx);

/* Parameter values after the profile is applied. A name the descriptor does not declare is a
 * programmer error (asserted). */
int64_t yk_ctx_param_int(const struct yk_rule_ctx *ctx, const char *name);
bool yk_ctx_param_bool(const struct yk_rule_ctx *ctx, const char *name);
const char *yk_ctx_param_str(const struct yk_rule_ctx *ctx, const char *name);

/* From on_header: have on_cell called for this 0-based column of every later row. */
int yk_ctx_watch_column(struct yk_rule_ctx *ctx, size_t column);

/* Record a finding at loc (NULL: the file as a whole). Two printf formats with the same
 * arguments in the same order: Ukrainian first, English second. Counts stay exact even when
 * the number of kept examples is capped. Returns 0 or YK_ENOMEM. */
int yk_emit(struct yk_rule_ctx *ctx, const struct yk_loc *loc, const char *fmt_uk,
            const char *fmt_en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 5)))
#endif
    ;

/* --- names ------------------------------------------------------------------------------ */

const char *yk_severity_name(enum yk_severity severity);     /* "error", "warning", "info", "off" */
int yk_severity_parse(const char *text, enum yk_severity *out); /* 0 or YK_EINVAL */
const char *yk_scope_name(enum yk_scope scope);              /* "catalog" ... "cell" */
const char *yk_dimension_name(enum yk_dimension dimension);  /* "coverage" ... "content" */

#ifdef __cplusplus
}
#endif
#endif
