/* yakist — loading shared-object plugins: dlopen, the ABI version read before anything else
 * of the plugin, then its name and descriptors checked, then its family registered (the
 * registry rejects ids outside the prefix and ids already taken). Every error names the file,
 * and a plugin that fails any step is unloaded again. */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <yakist/plugin.h>

#define MAX_RULES 10000 /* rules in one plugin family */

struct yk_plugin {
    void *handle;
    const struct yk_plugin_info *info;
};

static bool lower_snake(const char *s, size_t n)
{
    if (n == 0 || !(s[0] >= 'a' && s[0] <= 'z'))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
}

/* The descriptor holds what the engine and `yakist rules` rely on. The prefix and duplicates
 * are the registry's to judge. */
static int check_rule(const char *path, const struct yk_rule *r, size_t i, struct yk_error *err)
{
    if (!r || !r->id)
        return yk_error_set(err, YK_EINVAL, path, 0, 0, "plugin rule %zu has no id", i);
    const char *dot = strchr(r->id, '.');
    if (dot &&
        (!lower_snake(r->id, (size_t)(dot - r->id)) || !lower_snake(dot + 1, strlen(dot + 1))))
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "plugin rule id '%s' is not family.name in lower_snake", r->id);
    if (!r->title_uk || !r->title_en)
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "plugin rule %s needs title_uk and "
                            "title_en",
                            r->id);
    if ((unsigned)r->scope > YK_SCOPE_CELL || (unsigned)r->severity > YK_SEV_ERROR ||
        (unsigned)r->dimension >= YK_DIM_COUNT || r->weight > 1000 || (r->nparams && !r->params))
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "plugin rule %s: scope, severity, dimension, weight (0-1000) or "
                            "parameters out of range",
                            r->id);
    return 0;
}

static int check_info(const char *path, const struct yk_plugin_info *info, struct yk_error *err)
{
    const struct yk_family *fam = info->family;
    if (!info->name || !lower_snake(info->name, strlen(info->name)))
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "plugin name must be lower_snake (letters, digits, _)");
    if (strcmp(info->name, "profile") == 0)
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "plugin name 'profile' is reserved for the rules a profile declares");
    if (!fam || !fam->name || strcmp(fam->name, info->name) != 0)
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "plugin '%s' must return a family named '%s'", info->name, info->name);
    if (!fam->title_uk || !fam->title_en)
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "plugin family '%s' needs title_uk and "
                            "title_en",
                            fam->name);
    if (fam->nrules == 0 || fam->nrules > MAX_RULES || !fam->rules)
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "plugin family '%s' must hold 1 to %d rules", fam->name, MAX_RULES);
    for (size_t i = 0; i < fam->nrules; i++) {
        int rc = check_rule(path, fam->rules[i], i, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The entry point, looked up without calling anything. */
static int entry_of(const char *path, void *handle, const struct yk_plugin_info *(**out)(void),
                    struct yk_error *err)
{
    dlerror();
    void *sym = dlsym(handle, YK_PLUGIN_ENTRY);
    if (!sym)
        return yk_error_set(err, YK_EIO, path, 0, 0, "not a yakist plugin: no %s() entry point",
                            YK_PLUGIN_ENTRY);
    /* POSIX guarantees that a function's address survives the trip through void *. */
    memcpy(out, &sym, sizeof *out);
    return 0;
}

int yk_plugin_load(const char *path, struct yk_registry *reg, struct yk_plugin **out,
                   struct yk_error *err)
{
    /* dlopen searches the library path for a bare name; a plugin is always a file. */
    if (!strchr(path, '/'))
        return yk_error_set(err, YK_EINVAL, path, 0, 0,
                            "give a plugin as a path (./%s), not a bare name", path);
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        return yk_error_set(err, YK_EIO, path, 0, 0, "cannot load plugin: %s",
                            why ? why : "unknown reason");
    }
    const struct yk_plugin_info *(*entry)(void) = NULL;
    const struct yk_plugin_info *info = NULL;
    struct yk_plugin *p = NULL;
    struct yk_error reg_err;
    int rc = entry_of(path, handle, &entry, err);
    if (rc < 0)
        goto fail;
    if (!(info = entry())) {
        rc = yk_error_set(err, YK_EINVAL, path, 0, 0, "plugin entry point returned nothing");
        goto fail;
    }
    /* The version first: nothing else of a plugin built for another ABI is read. */
    if (info->abi != YK_PLUGIN_ABI) {
        rc = yk_error_set(err, YK_EUNSUPPORTED, path, 0, 0,
                          "plugin built for ABI version %u; this yakist loads version %d",
                          info->abi, YK_PLUGIN_ABI);
        goto fail;
    }
    if ((rc = check_info(path, info, err)) < 0)
        goto fail;
    if (!(p = calloc(1, sizeof *p))) {
        rc = yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
        goto fail;
    }
    yk_error_clear(&reg_err);
    if ((rc = yk_registry_add_family(reg, info->family, &reg_err)) < 0) {
        yk_error_set(err, (enum yk_err)rc, path, 0, 0, "plugin '%s': %s", info->name,
                     reg_err.message);
        goto fail;
    }
    p->handle = handle;
    p->info = info;
    *out = p;
    return 0;
fail:
    free(p);
    dlclose(handle);
    return rc;
}

void yk_plugin_close(struct yk_plugin *p)
{
    if (!p)
        return;
    if (p->handle)
        dlclose(p->handle);
    free(p);
}

const struct yk_plugin_info *yk_plugin_info(const struct yk_plugin *p)
{
    return p->info;
}
