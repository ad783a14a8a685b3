/* yakist — the `json` rule family, private: the descriptors its files define (json.c lists them
 * in the family table) and the helpers they share for counting problems per key or column. */
#ifndef YK_RULES_JSON_RULES_H
#define YK_RULES_JSON_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/rule.h>
#include <yakist/table.h>

/* json.c: the document and its records array. */
extern const struct yk_rule yk_rule_json_invalid;
extern const struct yk_rule yk_rule_json_no_records;
extern const struct yk_rule yk_rule_json_not_record;

/* json_keys.c: keys that differ between records. */
extern const struct yk_rule yk_rule_json_missing_key;
extern const struct yk_rule yk_rule_json_extra_key;

/* json_values.c: values that do not fit a column. */
extern const struct yk_rule yk_rule_json_mixed_types;
extern const struct yk_rule yk_rule_json_nested_value;

/* How many records show a problem, and the first of them. */
struct yk_json_tally {
    uint64_t count;
    struct yk_loc first;
};

/* Per-column tallies, sized by the header: a rule's state. */
struct yk_json_tallies {
    struct yk_json_tally *cols;
    size_t ncols;
};

/* Was the source read by the JSON loader? */
bool yk_json_source_is_json(struct yk_rule_ctx *ctx);

/* Bytes of s a message quotes: at most 80, not splitting a character. */
int yk_json_name_len(const char *s);

/* The header label of 0-based column col, or "" when there is none. */
const char *yk_json_label(struct yk_rule_ctx *ctx, size_t col);

void yk_json_tally_add(struct yk_json_tally *t, const struct yk_loc *loc);

/* on_header for rules whose state is struct yk_json_tallies. */
int yk_json_tallies_header(struct yk_rule_ctx *ctx, const struct yk_row *header);

/* Count an event of this kind against its column. Returns true for one of the kind that has no
 * column to count against (the caller reports it alone). */
bool yk_json_tallies_event(struct yk_rule_ctx *ctx, const struct yk_event *ev,
                           enum yk_event_kind kind);

/* Ukrainian and English names ("рядок", "a string") of a JSON type the loader names in an event
 * detail ("string"); "null" for anything else. */
void yk_json_type_names(const char *type, const char **uk, const char **en);

#endif
