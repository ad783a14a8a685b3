/* yakist — the shipped data standards: the project's own Table Schemas for the datasets of the
 * Перелік (rules/standards/, compiled into the library), listed from their index and loaded by
 * name like a structure file. docs/standards.md describes them. */
#ifndef YAKIST_STANDARD_H
#define YAKIST_STANDARD_H

#include <stddef.h>

#include <yakist/arena.h>
#include <yakist/error.h>
#include <yakist/schema.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One table of a standard: one schema file. */
struct yk_standard_table {
    const char *ref;      /* what names it: "voting_results.votes", or "shelters" alone */
    const char *name;     /* "votes"; NULL for the only table of a one-table standard */
    const char *file;     /* "voting_results.votes.json", under rules/standards/ */
    const char *title_uk; /* the table's title; the standard's for a one-table standard */
};

struct yk_standard {
    const char *id;       /* "shelters", "voting_results" */
    const char *title_uk; /* the dataset's title */
    const char *title_en;
    const char *perelik; /* the key of its Перелік item ("local.55"), as yk_perelik_find takes */
    const char *basis;                      /* "2019", "2025-draft" or "derived" */
    const struct yk_standard_table *tables; /* at least one, in the index's order */
    size_t ntables;
};

/* The shipped standards, in the order of the index (the Перелік's). They are read once from
 * the embedded index and live as long as the program; safe to call from several threads.
 * yk_standard_count is 0 when the embedded index is damaged (a build defect). */
size_t yk_standard_count(void);
const struct yk_standard *yk_standard_at(size_t i); /* NULL when i is out of range */

/* The standard whose id is id, or NULL. */
const struct yk_standard *yk_standard_find(const char *id);

/* The standard and table a name denotes: "shelters" (a one-table standard) or "ID.TABLE"
 * ("voting_results.votes", the schema's file name without ".json"). Returns 0, YK_ENOTFOUND
 * (no such standard or table) or YK_EINVAL (a standard of several tables named without its
 * table; the message lists them). *std and *table are written only on success. */
int yk_standard_resolve(const char *name, const struct yk_standard **std,
                        const struct yk_standard_table **table, struct yk_error *err);

/* Read the schema of a standard's table (named as for yk_standard_resolve) into arena, as
 * yk_schema_load reads a file; schema->source is "standard:NAME". Returns 0, the errors of
 * yk_standard_resolve, YK_ENOMEM, or YK_EINTERNAL when the embedded schema is damaged. *out
 * is written only on success. */
int yk_standard_load(const char *name, struct yk_arena *arena, const struct yk_schema **out,
                     struct yk_error *err);

/* The table name (a yk_standard_table ref) or standard id closest to a mistyped one, for a "did you
 * mean"; NULL when none is close. Standard ids alone count too ("voting_result" gives
 * "voting_results"). */
const char *yk_standard_suggest(const char *name);

#ifdef __cplusplus
}
#endif
#endif
