/* yakist — fuzz target for the profile parser: the bytes are parsed as a profile and, when one
 * is accepted, it drives a check of a small fixed table, so every parameter value a profile can
 * carry reaches the rules that read it. */
#include <stdio.h>
#include <stdlib.h>

#include <yakist/yakist.h>

#include "fuzz.h"

static const char table[] = "id,назва,код,дата,сума\n"
                            "1,Школа № 5,12345678,2024-01-31,1000.50\n"
                            "2, Ліцей ,1234567,31.01.2024,\n"
                            "3,,,,\n";

static const struct yk_registry *registry(void)
{
    static struct yk_registry *reg;
    struct yk_error err;
    if (!reg && yk_registry_create(&reg, &err) < 0) {
        fprintf(stderr, "fuzz: cannot build the registry: %s\n", err.message);
        abort();
    }
    return reg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct yk_profile *profile = NULL;
    struct yk_error err;
    if (yk_profile_parse((const char *)data, size, "fuzz.json", registry(), &profile, &err) < 0)
        return 0; /* rejected, with a message: what a bad profile should get */
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_check_options opt;
    struct yk_file_result *res = NULL;
    yk_check_options_init(&opt, registry());
    opt.profile = profile;
    opt.timing = false;
    int rc =
        arena ? yk_check_memory(table, sizeof table - 1, "fuzz.csv", &opt, arena, &res, &err) : 0;
    if (rc < 0 && rc != YK_ENOMEM) {
        fprintf(stderr, "fuzz: an accepted profile broke the check: %s: %s\n", yk_err_name(rc),
                err.message);
        abort();
    }
    yk_arena_destroy(arena);
    yk_profile_destroy(profile);
    return 0;
}
