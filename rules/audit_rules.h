/* yakist — what the audit families share (`coverage`, `meta`, `time`, `open`): the descriptors
 * the `meta` sub-files define, and small helpers for reading the audit environment and naming
 * a dataset in a message. Private to rules/. */
#ifndef YK_RULES_AUDIT_RULES_H
#define YK_RULES_AUDIT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include <yakist/audit.h>
#include <yakist/catalog.h>
#include <yakist/check.h>
#include <yakist/rule.h>

#include "file_rules.h"

/* meta_text.c: identifier, title, description, purpose. */
extern const struct yk_rule yk_rule_meta_identifier;
extern const struct yk_rule yk_rule_meta_identifier_form;
extern const struct yk_rule yk_rule_meta_title;
extern const struct yk_rule yk_rule_meta_title_length;
extern const struct yk_rule yk_rule_meta_title_wording;
extern const struct yk_rule yk_rule_meta_description;
extern const struct yk_rule yk_rule_meta_description_length;
extern const struct yk_rule yk_rule_meta_purpose;
extern const struct yk_rule yk_rule_meta_purpose_length;

/* meta_resources.c: language, formats, links, the structure resource, keywords and dates. */
extern const struct yk_rule yk_rule_meta_language;
extern const struct yk_rule yk_rule_meta_language_code;
extern const struct yk_rule yk_rule_meta_format;
extern const struct yk_rule yk_rule_meta_link;
extern const struct yk_rule yk_rule_meta_structure;
extern const struct yk_rule yk_rule_meta_keywords;
extern const struct yk_rule yk_rule_meta_frequency;
extern const struct yk_rule yk_rule_meta_dates;
extern const struct yk_rule yk_rule_meta_date_order;

/* meta_holder.c: the holder, the responsible person and the licence. */
extern const struct yk_rule yk_rule_meta_publisher;
extern const struct yk_rule yk_rule_meta_publisher_code;
extern const struct yk_rule yk_rule_meta_maintainer;
extern const struct yk_rule yk_rule_meta_maintainer_email;
extern const struct yk_rule yk_rule_meta_licence;

/* coverage_register.c: the register of datasets (п. 19) against the catalog. */
extern const struct yk_rule yk_rule_coverage_register_missing;
extern const struct yk_rule yk_rule_coverage_register_unchecked;
extern const struct yk_rule yk_rule_coverage_register_mismatch;

/* The Перелік item the register of datasets answers to (its standard is
 * "register_of_datasets"), or NULL. */
const struct yk_perelik_item *yk_audit_register_item(const struct yk_perelik *perelik);

/* Does a resource describe the structure of its dataset rather than hold data (its name,
 * description or link says «Структура», structure or schema)? */
bool yk_audit_is_structure(const struct yk_resource *r);

/* open_links.c: links that do not work, and what every resource's link is worth. */
extern const struct yk_rule yk_rule_open_broken;
extern const struct yk_rule yk_rule_open_escapes;
extern const struct yk_rule yk_rule_open_not_checked;

enum yk_res_state {
    YK_RES_WORKING = 0, /* a readable local file (or download), or a local one not checked */
    YK_RES_UNCHECKED,   /* remote and not fetched: neither passed nor broken */
    YK_RES_BROKEN,      /* missing or unreadable, or a failed download */
    YK_RES_OUTSIDE,     /* a path that leaves the catalog's folder: never read */
    YK_RES_NO_LINK      /* no link, or one yakist cannot follow (ftp:, file:) */
};

/* The state of a resource from its location and its checked file (NULL: not checked). */
enum yk_res_state yk_audit_res_state(const struct yk_resource *r, const struct yk_file_result *f);

/* The audit environment of a dataset rule, or NULL outside an audit or without a current
 * dataset (the rule then has nothing to judge). */
const struct yk_audit_env *yk_audit_dataset_env(const struct yk_rule_ctx *ctx);

/* Where a finding about a dataset points: the line of its record in the catalog, when known. */
struct yk_loc yk_audit_loc(const struct yk_dataset *d);

/* How a message names a dataset: its slug, else its id, else «#N» (its position, 1-based). buf
 * holds YK_FILE_SNIPPET_SIZE bytes; the name is cut like any quoted value. */
const char *yk_audit_name(const struct yk_dataset *d, char *buf);

/* The checked file of resource i of the current dataset, or NULL when it was not checked. */
const struct yk_file_result *yk_audit_file(const struct yk_audit_env *env, size_t i);

/* How a message names a resource: its name, else its URL, else «#N». */
const char *yk_audit_resource_name(const struct yk_resource *r, size_t i, char *buf);

/* A quoted, cut value for a message (YK_FILE_SNIPPET_SIZE bytes). */
const char *yk_audit_quote(const char *s, char *buf);

/* At most `chars` characters of s into buf (size bytes), with "…" when cut: for the official
 * wording of a Перелік item, which a message may quote longer than a value. */
#define YK_AUDIT_WORDING_CHARS 160
#define YK_AUDIT_WORDING_SIZE (YK_AUDIT_WORDING_CHARS * 4 + 4)
const char *yk_audit_cut(const char *s, size_t chars, char *buf, size_t size);

/* Does the dataset count in the audit: not deleted, not a draft, not private? */
bool yk_audit_published(const struct yk_dataset *d);

#endif
