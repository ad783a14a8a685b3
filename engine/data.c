/* yakist — lookup of the data files compiled into the library. */
#include <string.h>

#include "data.h"

const struct yk_blob *yk_data_find(const char *name)
{
    for (unsigned long i = 0; i < yk_blob_count; i++)
        if (strcmp(yk_blobs[i].name, name) == 0)
            return &yk_blobs[i];
    return NULL;
}
