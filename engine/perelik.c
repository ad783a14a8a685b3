/* yakist — the Перелік of Resolution 835 for a city council, read once from the data file
 * compiled into the library (rules/data/perelik-835-city.json) into storage that lives as long
 * as the program, so every audit and rule can hold pointers to its items. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <yakist/catalog.h>

#include "data.h"

#define PERELIK_FILE "data/perelik-835-city.json"
#define PERELIK_MAX_ITEMS 1000u /* the file is the project's own; this only bounds a bad edit */

static pthread_once_t perelik_once = PTHREAD_ONCE_INIT;
static struct yk_perelik perelik;
static const struct yk_perelik *perelik_ready; /* NULL when the embedded file is damaged */

static char *copy(const json_t *v)
{
    const char *s = json_string_value(v);
    return s ? strdup(s) : NULL;
}

static bool read_aliases(const json_t *arr, struct yk_perelik_item *it)
{
    size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
    const char **a = calloc(n ? n : 1, sizeof *a);
    if (!a)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(a[i] = copy(json_array_get(arr, i))))
            return false;
    it->aliases = a;
    it->naliases = n;
    return true;
}

static bool read_item(const json_t *o, struct yk_perelik_item *it)
{
    const char *block = json_string_value(json_object_get(o, "block"));
    json_int_t pos = json_integer_value(json_object_get(o, "position"));
    if (!block || pos < 1 || pos > 9999)
        return false;
    if (strcmp(block, "all") == 0)
        it->block = YK_BLOCK_ALL;
    else if (strcmp(block, "local") == 0)
        it->block = YK_BLOCK_LOCAL;
    else
        return false;
    char key[32];
    snprintf(key, sizeof key, "%s.%d", block, (int)pos);
    const json_t *standard = json_object_get(o, "standard");
    it->key = strdup(key);
    it->position = (unsigned)pos;
    it->title = copy(json_object_get(o, "title"));
    it->standard = json_is_string(standard) ? copy(standard) : NULL;
    it->competence_only = json_is_true(json_object_get(o, "competence_only"));
    return it->key && it->title && (!json_is_string(standard) || it->standard) &&
           read_aliases(json_object_get(o, "aliases"), it);
}

/* Whatever was copied before a failure stays allocated: it is reachable from the static
 * storage, and a damaged embedded file is a build defect, not a run-time condition. */
static void load(void)
{
    const struct yk_blob *blob = yk_data_find(PERELIK_FILE);
    if (!blob)
        return;
    json_t *root = json_loadb((const char *)blob->data, blob->len, 0, NULL);
    const json_t *items = json_object_get(root, "items");
    size_t n = json_is_array(items) ? json_array_size(items) : 0;
    const char *as_of = json_string_value(json_object_get(root, "as_of"));
    struct yk_perelik_item *v = n && n <= PERELIK_MAX_ITEMS ? calloc(n, sizeof *v) : NULL;
    char name[96];
    snprintf(name, sizeof name, "Resolution 835, city council, %s", as_of ? as_of : "?");
    bool ok = v != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = read_item(json_array_get(items, i), &v[i]);
    perelik.name = ok ? strdup(name) : NULL;
    perelik.items = v;
    perelik.nitems = n;
    if (ok && perelik.name)
        perelik_ready = &perelik;
    json_decref(root);
}

const struct yk_perelik *yk_perelik_city(void)
{
    pthread_once(&perelik_once, load);
    return perelik_ready;
}

const struct yk_perelik_item *yk_perelik_find(const struct yk_perelik *p, const char *key)
{
    if (!p || !key)
        return NULL;
    for (size_t i = 0; i < p->nitems; i++)
        if (strcmp(p->items[i].key, key) == 0)
            return &p->items[i];
    return NULL;
}
