/* yakist — shared-object plugins: a library that adds one rule family through one versioned
 * entry point. The host reads the ABI version before anything else of the plugin, then checks
 * the family (its name is the plugin's name and the prefix of every rule id) and registers it;
 * the registry rejects ids that are already taken. See docs/plugins.md. */
#ifndef YAKIST_PLUGIN_H
#define YAKIST_PLUGIN_H

#include <yakist/error.h>
#include <yakist/registry.h>
#include <yakist/rule.h>
#include <yakist/version.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a plugin's entry point returns; static data of the plugin. abi comes first and stays
 * first in every ABI version, so a host can read it from a plugin of any version. */
struct yk_plugin_info {
    unsigned abi;        /* YK_PLUGIN_ABI of the headers the plugin was built with */
    const char *name;    /* lower_snake; the family's name and the prefix of its rule ids */
    const char *version; /* the plugin's own version, for people */
    const struct yk_family *family;
};

/* The symbol every plugin exports (see YK_PLUGIN_DEFINE). */
#define YK_PLUGIN_ENTRY "yakist_plugin"
const struct yk_plugin_info *yakist_plugin(void);

/* Define the entry point of a plugin whose family is the static object family_. */
#define YK_PLUGIN_DEFINE(name_, version_, family_)                                                 \
    const struct yk_plugin_info *yakist_plugin(void)                                               \
    {                                                                                              \
        static const struct yk_plugin_info info = {YK_PLUGIN_ABI, name_, version_, &family_};      \
        return &info;                                                                              \
    }

struct yk_plugin;

/* Open the shared object at path (dlopen, RTLD_NOW | RTLD_LOCAL), check its ABI version, its
 * name and its descriptors, and add its family to reg. On success *out is the handle that
 * keeps the code loaded: reg borrows the plugin's descriptors, so close the handle only after
 * reg is destroyed. Errors name the file: YK_EIO (cannot be opened, no entry point),
 * YK_EUNSUPPORTED (another ABI version), YK_EINVAL (a bad name or descriptor, an id outside
 * the prefix or already registered). On error nothing stays loaded. */
int yk_plugin_load(const char *path, struct yk_registry *reg, struct yk_plugin **out,
                   struct yk_error *err);

/* Unload a plugin; accepts NULL. Its registry must be destroyed already. */
void yk_plugin_close(struct yk_plugin *plugin);

/* What the plugin said about itself. */
const struct yk_plugin_info *yk_plugin_info(const struct yk_plugin *plugin);

#ifdef __cplusplus
}
#endif
#endif
