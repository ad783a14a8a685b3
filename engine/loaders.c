/* yakist — the table of loaders, looked up by format name. */
#include <string.h>

#include "loader.h"

static const struct yk_loader *const loaders[] = {
    &yk_loader_csv,
    &yk_loader_json,
    &yk_loader_xml,
};

const struct yk_loader *yk_loader_find(const char *format)
{
    for (size_t i = 0; i < sizeof loaders / sizeof loaders[0]; i++)
        if (strcmp(loaders[i]->format, format) == 0)
            return loaders[i];
    return NULL;
}
