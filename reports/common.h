/* yakist — private to reports/: what the writers of the CI, spreadsheet, Markdown and HTML
 * formats share: words in both languages, numbers in the reader's convention, where a finding
 * of an audit points, the walk over every finding of an audit, totals per rule, which rules
 * ran on a file, and the stable fingerprint of a finding. */
#ifndef YK_REPORTS_COMMON_H
#define YK_REPORTS_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/audit.h>

#include "escape.h"
#include "writers.h"

/* --- words and numbers ------------------------------------------------------------------- */

/* "помилка", "попередження", "зауваження" or "error", "warning", "info". */
const char *yk_rep_severity_word(enum yk_severity sev, enum yk_lang lang);

/* The plural form for n: forms[0] one, [1] few, [2] many (Ukrainian rules; English uses [0]
 * for 1 and [2] otherwise). */
const char *yk_rep_plural(enum yk_lang lang, uint64_t n, const char *const forms[3]);

/* A per mille share as "42,0" (uk) or "42.0" (en), rounded down, into buf; returns buf. */
const char *yk_rep_pm(char buf[24], unsigned pm, enum yk_lang lang);

/* The rule's title in lang (the other language when one is missing), never NULL. */
const char *yk_rep_rule_title(const struct yk_rule *rule, enum yk_lang lang);

/* The rule's documentation page in the yakist source tree, by family ("docs/rules.md"). */
const char *yk_rep_rule_doc(const struct yk_rule *rule);

/* How the audit refers to a publisher (its id, or its name when the council file does not list
 * it) and to a dataset (its id, or its slug). */
const char *yk_rep_publisher_ref(const struct yk_publisher *p);
const char *yk_rep_dataset_ref(const struct yk_dataset *d);

/* --- an audit's findings ----------------------------------------------------------------- */

/* Where one group of findings of an audit belongs. */
struct yk_rep_site {
    const struct yk_dataset_result *dataset; /* NULL: the catalog's own findings */
    const struct yk_file_result *file;       /* NULL: the dataset's (or catalog's) own */
    size_t resource;                         /* index in dataset->resources when file is set */
};

/* Called for every group: its findings and exact counts. A non-zero return stops the walk and
 * is returned. */
typedef int (*yk_rep_site_fn)(void *ctx, const struct yk_rep_site *site,
                              const struct yk_finding *findings, size_t nfindings,
                              const struct yk_rule_count *counts, size_t ncounts);

/* Catalog first, then each dataset in catalog order: its own findings, then each checked,
 * readable resource in order. Groups without counts are skipped. */
int yk_rep_walk_audit(const struct yk_audit_result *a, yk_rep_site_fn fn, void *ctx);

/* The file and position a finding of an audit points at: a resource's path and the finding's
 * line and column; for a dataset, the catalog file and the line of its record; for the
 * catalog, the council file or else the catalog's folder. line and column 0: not known. */
void yk_rep_where(const struct yk_audit_result *a, const struct yk_rep_site *site,
                  const struct yk_finding *f, const char **path, uint64_t *line, uint64_t *column);

/* What a fingerprint names as the subject of a finding: the file's path, "dataset:ID", or
 * "catalog". Written into buf (size bytes); returns buf. */
const char *yk_rep_subject(const struct yk_rep_site *site, char *buf, size_t size);

/* --- totals per rule ------------------------------------------------------------------------ */

struct yk_rep_total {
    const struct yk_rule *rule;
    enum yk_severity severity; /* the highest it was reported with */
    uint64_t count;            /* findings, exact */
    size_t places;             /* files (check) or datasets (audit) where it fired */
};

/* A growing table of totals, one entry per rule. */
struct yk_rep_totals {
    struct yk_rep_total *v;
    size_t n, cap;
};

/* Add one place's counts. Returns 0 or YK_ENOMEM. */
int yk_rep_totals_add(struct yk_rep_totals *t, const struct yk_rule_count *counts, size_t n);
/* Most findings first; then more places, then rule id. */
void yk_rep_totals_sort(struct yk_rep_totals *t);
void yk_rep_totals_fini(struct yk_rep_totals *t);

/* The totals over a whole audit, places counted in datasets (0 for catalog-only rules). */
int yk_rep_audit_totals(const struct yk_audit_result *a, struct yk_rep_totals *t);

/* Findings per severity over counts, indexed by enum yk_severity. */
void yk_rep_severity_sum(const struct yk_rule_count *counts, size_t n, uint64_t totals[4]);

/* --- rules that ran --------------------------------------------------------------------- */

/* Did a file-level rule (scope resource, row or cell) run on this file? When the profile keeps
 * it on and: it reported; or it was handed rows or cells; or, for a whole-file rule, the file
 * was read as a table (any file for the `format` family), is in the format a `csv`, `json` or
 * `xml` rule is named after, and was checked against a structure for a `schema` rule on the
 * data. The same notion the score uses (docs/scoring.md). */
bool yk_rep_rule_ran(const struct yk_rule *rule, const struct yk_profile *profile,
                     const struct yk_file_result *f);

/* --- fingerprints ------------------------------------------------------------------------ */

/* The stable fingerprint of a finding, 32 lowercase hex digits and a NUL: SHA-256 over the
 * rule id, the subject, the field number, the English message with every run of digits
 * replaced by "#" (its template) and the occurrence (1 for the first finding with the same
 * other parts in this subject, 2 for the next ...). Line and row numbers are left out on
 * purpose, so inserting rows above a finding does not change it. */
void yk_rep_fingerprint(const char *rule_id, const char *subject, uint32_t field,
                        const char *message, unsigned occurrence, char hex[33]);

/* Counts occurrences of the same fingerprint base within a run, so equal findings get
 * distinct fingerprints. */
struct yk_rep_occurrences {
    uint64_t *keys;
    unsigned *counts;
    size_t n, cap; /* cap: a power of two, or 0 */
};

/* The occurrence number (1, 2 ...) of this base; 0 when out of memory. */
unsigned yk_rep_occurrence(struct yk_rep_occurrences *o, const char *rule_id, const char *subject,
                           uint32_t field, const char *message);
void yk_rep_occurrences_fini(struct yk_rep_occurrences *o);

/* SHA-256 of n bytes into digest (fingerprint.c). */
void yk_rep_sha256(const void *data, size_t n, unsigned char digest[32]);

#endif
