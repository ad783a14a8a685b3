/* yakist — scoring an audit: the additive, explainable model of docs/scoring.md. Every
 * applicable rule earns its weight times its pass ratio; a dataset scores earned / possible,
 * a publisher the mean of its datasets (a missing mandatory dataset counts 0), the council
 * the mean over all of them. Integer arithmetic only: every machine prints the same numbers. */
#ifndef YAKIST_SCORE_H
#define YAKIST_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/error.h>
#include <yakist/profile.h>
#include <yakist/registry.h>
#include <yakist/rule.h>

#ifdef __cplusplus
extern "C" {
#endif

struct yk_audit_result;
struct yk_dataset_result;

/* A pass ratio of 1 in parts per million. */
#define YK_SCORE_UNIT 1000000u

/* A score. For a dataset, earned and possible are points in millionths (weight × pass ratio in
 * parts per million); for a publisher and the council, earned is the sum of the member scores
 * in per mille and possible 1000 per member (a missing mandatory dataset is a member that
 * earned 0). Either way pm = 1000 × earned / possible, rounded down. */
struct yk_score {
    bool scored; /* something applied; false: pm and the dimensions mean nothing */
    unsigned pm; /* 0..1000 */
    uint64_t earned, possible;
    /* The same per dimension (enum yk_dimension); possible 0: nothing of it applied. */
    uint64_t dim_earned[YK_DIM_COUNT], dim_possible[YK_DIM_COUNT];
    size_t members; /* datasets (publisher, council: the missing ones included); rules (dataset) */
};

/* The score of one dimension, 0..1000, or -1 when nothing of it applied. */
int yk_score_dim_pm(const struct yk_score *score, enum yk_dimension dimension);

/* One applicable rule's part in a dataset's score: the explanation behind the number. */
struct yk_score_line {
    const struct yk_rule *rule;
    unsigned weight;    /* after the profile */
    unsigned tolerance; /* per mille (row and cell rules) */
    uint32_t ratio;     /* pass ratio in parts per million (0..YK_SCORE_UNIT) */
    uint64_t earned;    /* weight × ratio */
    uint64_t checked;   /* row and cell rules: rows or cells looked at, over its files */
    uint64_t failed;    /* findings: over its files, or the dataset's own */
    unsigned files;     /* files it applied to (0: a dataset rule) */
};

/* Score one dataset of an audit, with the explanation: lines, when not NULL, has room for
 * yk_registry_count(registry) entries and receives one per applicable rule of non-zero weight,
 * in registry order (*nlines says how many). profile may be NULL (the rules' defaults); it must
 * be the audit's for the numbers to agree with yk_audit_score. Returns 0 or YK_ENOMEM. */
int yk_score_dataset(const struct yk_dataset_result *dataset, const struct yk_registry *registry,
                     const struct yk_profile *profile, struct yk_score *out,
                     struct yk_score_line *lines, size_t *nlines, struct yk_error *err);

/* Score a finished audit: every dataset, every publisher, the council (result->score and
 * result->kpis.score_pm). yk_audit_run calls it with the audit's registry and profile; calling
 * it again (with a profile that differs only in weights or tolerances, say) scores the same
 * result afresh. It reads only the result, so the numbers do not depend on the number of
 * threads. Returns 0 or YK_ENOMEM (err set). */
int yk_audit_score(struct yk_audit_result *result, const struct yk_registry *registry,
                   const struct yk_profile *profile, struct yk_error *err);

/* --- the rating ----------------------------------------------------------------------------- */

/* One publisher in a quarter's rating. */
struct yk_rating_entry {
    const char *key; /* the council's publisher id, or the name when the council does not list it */
    const char *name;
    unsigned rank; /* 1-based; every entry has its own (ties are broken, see below) */
    bool scored;   /* it had a published dataset or a missing mandatory one */
    unsigned score_pm;
    size_t datasets, compliant, missing, overdue;
    unsigned compliant_pm; /* compliant / datasets; 1000 when it has none */
    bool has_previous;     /* it was scored in the previous quarter too */
    unsigned previous_pm;
    int delta_pm; /* score_pm - previous_pm; 0 without a previous score */
};

/* Sort a rating and number it. The order: scored before unscored; higher score; higher
 * compliant share; fewer missing mandatory datasets; name in Ukrainian alphabetical order
 * (yk_collate_uk); key by code point. Deterministic: no two distinct entries compare equal
 * unless key and name both are. */
void yk_rating_sort(struct yk_rating_entry *entries, size_t n);

/* The rating of a scored audit (after yk_audit_score): one entry per publisher, sorted, in
 * arena; previous scores are left empty (the history fills them). Returns 0 or YK_ENOMEM. */
int yk_audit_rating(const struct yk_audit_result *result, struct yk_arena *arena,
                    struct yk_rating_entry **out, size_t *n, struct yk_error *err);

/* Compare two UTF-8 names in Ukrainian alphabetical order (а б в г ґ д е є ж з и і ї й к ...),
 * ignoring case and apostrophes first, then byte by byte (code point order). Other scripts
 * keep their code point order; Latin sorts before Cyrillic. Returns <0, 0 or >0. */
int yk_collate_uk(const char *a, const char *b);

/* The quarter an audit as of this date reports on, "YYYYQn": the quarter of the day before, so
 * an audit as of 2025-10-01 («станом на 01.10.2025») reports on 2025Q3, and one as of
 * 2025-09-15 on the quarter in progress, 2025Q3. buf has room for 7 bytes. Returns 0, or
 * YK_EINVAL when as_of is not a YYYY-MM-DD date. */
int yk_quarter_of(const char *as_of, char buf[7]);

#ifdef __cplusplus
}
#endif
#endif
