/* yakist — the rule registry: the built-in families plus any added at run time (plugins).
 * Rules are looked up by id; iteration follows registration order, which is stable. */
#ifndef YAKIST_REGISTRY_H
#define YAKIST_REGISTRY_H

#include <stddef.h>

#include <yakist/error.h>
#include <yakist/rule.h>

#ifdef __cplusplus
extern "C" {
#endif

struct yk_registry;

/* A registry holding every built-in family. 0 or a negative enum yk_err. */
int yk_registry_create(struct yk_registry **out, struct yk_error *err);
void yk_registry_destroy(struct yk_registry *reg);

/* Add a family (borrowed; it must outlive the registry). Rejects ids outside the family's
 * prefix and ids already registered (YK_EINVAL, naming the id). */
int yk_registry_add_family(struct yk_registry *reg, const struct yk_family *family,
                           struct yk_error *err);

size_t yk_registry_count(const struct yk_registry *reg);
const struct yk_rule *yk_registry_rule(const struct yk_registry *reg, size_t index);
size_t yk_registry_family_count(const struct yk_registry *reg);
const struct yk_family *yk_registry_family(const struct yk_registry *reg, size_t index);

/* The family a registered rule belongs to, or NULL when it is not registered. */
const struct yk_family *yk_registry_family_of(const struct yk_registry *reg,
                                              const struct yk_rule *rule);

/* The rule with this id, or NULL. */
const struct yk_rule *yk_registry_find(const struct yk_registry *reg, const char *id);

/* Its position in registration order, or (size_t)-1 when not registered. */
size_t yk_registry_index(const struct yk_registry *reg, const struct yk_rule *rule);

#ifdef __cplusplus
}
#endif
#endif
