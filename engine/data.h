/* yakist — data files compiled into the library (see engine/embed/embed.c): the Перелік,
 * the shipped standards and other tables, looked up by their path under rules/. */
#ifndef YK_ENGINE_DATA_H
#define YK_ENGINE_DATA_H

#include <stddef.h>

struct yk_blob {
    const char *name; /* e.g. "data/perelik-835-city.json", "standards/shelters.json" */
    const unsigned char *data; /* NUL-terminated */
    size_t len;
};

extern const struct yk_blob yk_blobs[];
extern const unsigned long yk_blob_count;

/* The embedded file with this name, or NULL. */
const struct yk_blob *yk_data_find(const char *name);

#endif
