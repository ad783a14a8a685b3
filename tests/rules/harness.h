/* yakist — the shared harness of the table-driven rule tests: what a case expects (counts per
 * rule, findings by row, field and line with a piece of the English message), running a text
 * through yk_check_memory, and the checks of a result against a case. Every check prints what
 * differs (cmocka's print_error) and returns the number of mismatches, so a case reports all. */
#ifndef YK_TESTS_RULES_HARNESS_H
#define YK_TESTS_RULES_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/yakist.h>

#define HARNESS_MAX_COUNTS 8
#define HARNESS_MAX_LOCS 12

struct want_count {
    const char *rule;
    uint64_t n;
};

/* One expected finding; row and field 0 mean "none", as in struct yk_loc. */
struct want_loc {
    const char *rule;
    uint64_t row;
    uint32_t field;
    uint64_t line;
    const char *en; /* a substring of the English message, or NULL */
};

/* The expectations of a case, as members of the test file's own case struct; both lists end
 * at the first NULL rule. */
#define HARNESS_WANT                                                                               \
    struct want_count counts[HARNESS_MAX_COUNTS];                                                  \
    struct want_loc locs[HARNESS_MAX_LOCS]

/* How a family's cases are checked. */
struct harness {
    struct yk_registry *registry;   /* borrowed; every listed rule must be in it */
    const struct yk_family *family; /* the count of each of its rules is asserted exactly */
    bool other_counts;              /* also assert listed counts of rules of other families */
    const char *prefix;             /* check_messages and dump: only rules with this id prefix */
    size_t max_message;             /* bytes a message may have */
};

/* The count a case lists for a rule, 0 when it lists none. */
uint64_t harness_wanted(const struct want_count *counts, const char *rule);

/* The count of a rule in a result (all findings, kept or not). */
uint64_t harness_count(const struct yk_file_result *res, const char *rule);

/* The findings of a rule a result kept. */
size_t harness_kept(const struct yk_file_result *res, const char *rule);

/* The k-th kept finding of a rule, in report order, or NULL. */
const struct yk_finding *harness_nth(const struct yk_file_result *res, const char *rule, size_t k);

/* head, then word repeated while it fits in bytes, then tail: a large input built in memory
 * (malloc'ed; *len is its length). NULL when out of memory. */
char *harness_repeat(const char *head, const char *word, size_t bytes, const char *tail,
                     size_t *len);

/* Options with the registry and no timing, the rest at the defaults. */
void harness_options(struct yk_check_options *opt, struct yk_registry *registry);

/* Run a text through yk_check_memory into arena; fails the test when the run fails. */
struct yk_file_result *harness_run(const char *name, const void *data, size_t len,
                                   const struct yk_check_options *opt, struct yk_arena *arena);

/* Print the findings of a result (with h->prefix, when h is not NULL and has one). */
void harness_dump(const struct harness *h, const struct yk_file_result *res);

/* Every rule of the family exactly as listed (0 when not listed); listed rules must exist. */
int harness_check_counts(const struct harness *h, const char *name, const struct want_count *counts,
                         const struct yk_file_result *res);

/* Listed findings, in order per rule; a rule with listed findings must have no other kept. */
int harness_check_locs(const char *name, const struct want_loc *locs,
                       const struct yk_file_result *res);

/* Listed findings, each somewhere among the kept ones, in any order. */
int harness_find_locs(const char *name, const struct want_loc *locs,
                      const struct yk_file_result *res);

/* Every message of h->prefix in both languages, different, at most h->max_message bytes, and
 * free of forbid (when not NULL). */
int harness_check_messages(const struct harness *h, const char *name, const char *forbid,
                           const struct yk_file_result *res);

#endif
