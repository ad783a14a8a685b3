/* yakist — the assessment card («Картка оцінки стану оприлюднення і оновлення відкритих
 * даних»): a template that is data (criteria, indicators, points and where each value comes
 * from: the audit, the history or the council's policy facts), evaluated into points with the
 * evidence behind every number. Integer arithmetic only (docs/card.md). */
#ifndef YAKIST_CARD_H
#define YAKIST_CARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/error.h>
#include <yakist/report.h>

#ifdef __cplusplus
extern "C" {
#endif

struct yk_audit_result;
struct yk_council;
struct yk_history_run;

/* The template shipped with yakist, compiled in from rules/card/. */
#define YK_CARD_DEFAULT "card/assessment-card.json"

/* Limits on a template: it is input. */
#define YK_CARD_MAX_BYTES (1u << 20)
#define YK_CARD_MAX_CRITERIA 32u
#define YK_CARD_MAX_INDICATORS 64u /* per criterion */
#define YK_CARD_MAX_STEPS 32u
#define YK_CARD_MAX_POINTS 1000u /* per indicator */
#define YK_CARD_MAX_KEY_DEPTH 8u /* dotted parts of a policy key */

enum yk_card_source {
    YK_CARD_AUDIT = 0, /* a KPI or count of the audit (its names: yk_card_audit_key) */
    YK_CARD_HISTORY,   /* the runs recorded for the year */
    YK_CARD_POLICY     /* a dotted key path into the council's `policy` object */
};

enum yk_card_rule {
    YK_CARD_BOOLEAN = 0, /* all points when the value is there and true (non-empty, non-zero) */
    YK_CARD_THRESHOLDS,  /* the points of the best step whose min the value reaches */
    YK_CARD_RATIO        /* points × value / of, rounded down, within 0..points */
};

struct yk_card_step {
    int64_t min;
    unsigned points;
};

struct yk_card_indicator {
    const char *id; /* unique in the card ("policy.local_act") */
    const char *title_uk, *title_en;
    const char *plan; /* item of the action plan it measures, or NULL */
    unsigned points;  /* the most it can earn */
    enum yk_card_source source;
    const char *key; /* "{year}" stands for the card's year */
    enum yk_card_rule rule;
    const struct yk_card_step *steps; /* THRESHOLDS, best first as written */
    size_t nsteps;
    int64_t of;         /* RATIO: a fixed denominator (1000 for a share per mille), or 0 */
    const char *of_key; /* RATIO: the denominator's key in the same source, or NULL */
    /* Policy lists and objects count their members: only those whose name (object) or whose
     * field `count_field` (list of objects) starts with count_prefix, when it is set. */
    const char *count_prefix;
    const char *count_field;
};

struct yk_card_criterion {
    const char *id;
    const char *title_uk, *title_en;
    unsigned max; /* the sum of its indicators' points (checked) */
    const struct yk_card_indicator *indicators;
    size_t nindicators;
};

struct yk_card_template {
    const char *origin; /* the file it was read from, or "embedded:" YK_CARD_DEFAULT */
    const char *id, *version;
    const char *title_uk, *title_en;
    const char *note_uk, *note_en; /* NULL when none */
    const struct yk_card_criterion *criteria;
    size_t ncriteria;
    unsigned max;
};

/* Parse and validate a template from text (len bytes); origin names it in errors. Everything
 * lives in arena. A malformed or invalid template is YK_EPARSE or YK_EINVAL with the message
 * naming the key at fault ("criteria[1].indicators[0].rule.steps[2].points: ..."); over a
 * limit, YK_ELIMIT. */
int yk_card_template_parse(const char *text, size_t len, const char *origin, struct yk_arena *arena,
                           const struct yk_card_template **out, struct yk_error *err);

/* Read a template from path, or the embedded default when path is NULL. As above, plus
 * YK_EIO for a file that cannot be read. */
int yk_card_template_load(const char *path, struct yk_arena *arena,
                          const struct yk_card_template **out, struct yk_error *err);

/* The audit keys a template may name, in a fixed order: index 0.. until NULL. unit_pm tells
 * a share per mille from a count. */
const char *yk_card_audit_key(size_t index, bool *unit_pm);

/* What the card is evaluated against; every part may be missing, and an indicator whose
 * source is missing earns 0 points with a "no data" note. */
struct yk_card_input {
    const struct yk_audit_result *audit; /* scored (yk_audit_score has run), or NULL */
    const struct yk_council *council;    /* NULL: the audit's council */
    const struct yk_history_run *runs;   /* every recorded run (yk_history_runs), or NULL */
    size_t nruns;
    bool have_history; /* a history was given (an empty one means no run, not no data) */
    unsigned year;     /* 0: the year of the quarter the audit reports on */
    enum yk_lang lang; /* of the value and evidence texts */
};

struct yk_card_value {
    const struct yk_card_indicator *indicator;
    bool has_value; /* false: no data, 0 points */
    int64_t value;  /* what the rule was applied to (a share in per mille) */
    int64_t of;     /* RATIO: the denominator used, else 0 */
    unsigned points, max;
    const char *shown;    /* the value for a person ("42,0 %", "3", "так"), "—" without */
    const char *evidence; /* where it came from and how it scored */
};

struct yk_card_criterion_result {
    const struct yk_card_criterion *criterion;
    struct yk_card_value *values; /* parallel to criterion->indicators */
    size_t nvalues;
    unsigned points, max;
};

struct yk_card_result {
    const struct yk_card_template *card;
    unsigned year;
    const char *as_of;   /* the audit's, or the latest run's of the year, or NULL */
    const char *council; /* its name, or NULL */
    struct yk_card_criterion_result *criteria;
    size_t ncriteria;
    unsigned points, max;
    size_t no_data; /* indicators without a value */
};

/* Evaluate a card. Everything it makes lives in arena; the template and input are borrowed
 * and must outlive the result. The same input gives the same result on every machine.
 * Returns 0, YK_EINVAL (no audit, no history and no year: nothing says which year), or
 * YK_ENOMEM. */
int yk_card_evaluate(const struct yk_card_template *card, const struct yk_card_input *in,
                     struct yk_arena *arena, struct yk_card_result **out, struct yk_error *err);

#ifdef __cplusplus
}
#endif
#endif
