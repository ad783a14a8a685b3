/* yakist — private: the finding collector every scope shares. A file run (run.c), a dataset and
 * the catalog of an audit (audit.c) each hold one: it sets up the enabled rules of its scope as
 * contexts, takes their findings through yk_emit with exact counts and capped examples, and
 * turns them into an ordered list of findings plus per-rule counts. */
#ifndef YK_ENGINE_EMIT_H
#define YK_ENGINE_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/audit.h>
#include <yakist/check.h>

#include "schema_run.h"

struct yk_emitter;

struct yk_rule_ctx {
    struct yk_emitter *em;
    const struct yk_rule *rule;
    size_t index; /* registry index, for ordering */
    enum yk_severity severity;
    void *state;
    const char **params; /* resolved text, by descriptor index */
    uint64_t count, kept;
    uint64_t checked; /* file runs: rows (on_row) or cells (on_cell) given to it, for scores */
};

struct yk_emitter {
    /* Set by the owner before yk_emitter_start. */
    const struct yk_registry *registry;
    const struct yk_profile *profile;
    const struct yk_limits *limits;
    struct yk_arena *arena;
    struct yk_error *err;
    const struct yk_source_info *info; /* what yk_ctx_source returns */
    struct yk_schema_run *schema;      /* what yk_ctx_schema_run returns */
    void *owner;                       /* the file run (run.c), NULL in an audit scope */
    const struct yk_audit_env *audit;  /* dataset and catalog scope of an audit, else NULL */
    struct yk_dataset_result *current; /* dataset scope: the result the setters write */

    /* Filled by yk_emitter_start and yk_emit. */
    struct yk_rule_ctx *ctxs;
    size_t nctx;
    struct yk_finding *findings; /* malloc'ed while collecting */
    uint64_t *seq;               /* emission order, parallel to findings */
    size_t nfindings, cap;
    uint64_t total;
    int rc; /* first hard failure (ENOMEM) from yk_emit */
};

/* What a scope produced, in the emitter's arena. */
struct yk_emitted {
    const struct yk_finding *findings; /* by position, then rule order, then emission order */
    size_t nfindings;
    const struct yk_rule_count *counts; /* rules that fired, in registry order */
    size_t ncounts;
    enum yk_severity worst;
    uint64_t total;
};

/* Make a context for every enabled rule that takes part in the scope (takes_part(rule) is true;
 * registry order) and call the setup callbacks. where names the input in an error. Returns 0
 * or a negative enum yk_err (em->err set). */
int yk_emitter_start(struct yk_emitter *em, bool (*takes_part)(const struct yk_rule *rule),
                     const char *where);

/* Forget the findings and counts collected so far (the contexts and their state stay), so one
 * emitter can collect for one dataset after another. */
void yk_emitter_reset(struct yk_emitter *em);

/* Order the findings and count them per rule; out lives in em->arena. 0 or YK_ENOMEM. */
int yk_emitter_result(struct yk_emitter *em, struct yk_emitted *out);

/* Record that a rule's callback failed (rc < 0) in callback cb and return the error to pass on:
 * the emitter's own failure when yk_emit already had one, else YK_EINTERNAL (YK_ENOMEM kept)
 * naming the rule, with file and line of the input. */
int yk_emitter_fail(struct yk_emitter *em, const struct yk_rule_ctx *ctx, const char *cb, int rc,
                    const char *file, uint64_t line);

/* Call the teardown callbacks and free what the emitter malloc'ed. Accepts a zeroed emitter. */
void yk_emitter_fini(struct yk_emitter *em);

#endif
