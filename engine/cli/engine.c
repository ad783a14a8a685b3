/* yakist — the rules a command runs with: the built-in families, then the families of the
 * --plugin files, then the profile (checked against all of them) and the column checks it
 * declares. Closing undoes it in the order the lifetimes need: the registry, which borrows
 * the descriptors of the others, first; then the profile; then the plugins' code. */
#include <stdlib.h>

#include "cli.h"

static int fail(struct yk_cli_engine *e, const struct yk_error *err, enum yk_lang lang)
{
    yk_cli_print_error(err, lang);
    yk_cli_engine_close(e);
    return err->code == YK_ENOMEM || err->code == YK_EINTERNAL ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
}

int yk_cli_engine_open(struct yk_cli_engine *e, const char *const *plugins, size_t nplugins,
                       const char *profile, enum yk_lang lang)
{
    struct yk_error err;
    yk_error_clear(&err);
    *e = (struct yk_cli_engine){0};
    if (yk_registry_create(&e->reg, &err) < 0)
        return fail(e, &err, lang);
    if (nplugins && !(e->plugins = calloc(nplugins, sizeof *e->plugins))) {
        yk_error_set(&err, YK_ENOMEM, NULL, 0, 0, "out of memory");
        return fail(e, &err, lang);
    }
    for (size_t i = 0; i < nplugins; i++) {
        if (yk_plugin_load(plugins[i], e->reg, &e->plugins[i], &err) < 0)
            return fail(e, &err, lang);
        e->nplugins++;
    }
    if (profile && (yk_profile_load(profile, e->reg, &e->profile, &err) < 0 ||
                    yk_profile_register(e->profile, e->reg, &err) < 0))
        return fail(e, &err, lang);
    return CLI_EXIT_PASSED;
}

void yk_cli_engine_close(struct yk_cli_engine *e)
{
    yk_registry_destroy(e->reg);
    yk_profile_destroy(e->profile);
    for (size_t i = 0; i < e->nplugins; i++)
        yk_plugin_close(e->plugins[i]);
    free(e->plugins);
    *e = (struct yk_cli_engine){0};
}
