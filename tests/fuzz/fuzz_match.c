/* yakist — fuzz target for matching dataset titles to the Перелік: the first line of the input
 * is a holder's name (it becomes the council's name and a publisher's alias, so it is stripped
 * from titles), the second an explicit Перелік field, the rest a dataset title. Titles come
 * from catalogs, so any bytes must give a match or none, never a crash or a read out of
 * bounds. */
#include <stdlib.h>
#include <string.h>

#include <yakist/yakist.h>

#include "fuzz.h"
#include "match.h"

/* The next line of [*p, end) as a NUL-terminated copy; *p moves past it. */
static char *next_line(const uint8_t **p, const uint8_t *end)
{
    const uint8_t *nl = memchr(*p, '\n', (size_t)(end - *p));
    size_t n = (size_t)((nl ? nl : end) - *p);
    char *s = malloc(n + 1);
    if (!s)
        abort();
    memcpy(s, *p, n);
    s[n] = 0;
    *p = nl ? nl + 1 : end;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *p = data, *end = data + size;
    char *holder = next_line(&p, end), *field = next_line(&p, end);
    char *title = malloc((size_t)(end - p) + 1);
    if (!title)
        abort();
    memcpy(title, p, (size_t)(end - p));
    title[end - p] = 0;
    const char *aliases[] = {holder};
    struct yk_publisher pub = {.id = "p", .name = "Відділ", .aliases = aliases, .naliases = 1};
    struct yk_mapping map = {.dataset = "d", .item = field};
    struct yk_council council = {
        .name = holder, .publishers = &pub, .npublishers = 1, .mappings = &map, .nmappings = 1};
    struct yk_dataset d = {.id = title, .name = "d", .title = title, .perelik_item = field};
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_matcher *m = NULL;
    struct yk_item_match out;
    if (arena && yk_matcher_create(yk_perelik_city(), &council, arena, &m) == 0) {
        yk_matcher_dataset(m, &d, &out);
        if (out.score > 1000 || out.runner_up_score > 1000 ||
            (out.item && out.item == out.runner_up))
            abort();
        yk_matcher_title(m, title, &out);
        if (out.how == YK_MATCH_TITLE && (!out.item || out.score < YK_MATCH_THRESHOLD))
            abort();
    }
    char folded[64];
    if (yk_match_fold_name(title, folded, sizeof folded) >= sizeof folded)
        abort();
    yk_arena_destroy(arena);
    free(holder);
    free(field);
    free(title);
    return 0;
}
