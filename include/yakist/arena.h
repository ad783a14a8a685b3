/* yakist — the run arena: a chunked bump allocator whose chunks never move.
 * Strings, findings and interned names of one run live here and are freed together;
 * foreign objects (pcre2 code, json_t, xmlDoc ...) are tied to it with yk_arena_defer. */
#ifndef YAKIST_ARENA_H
#define YAKIST_ARENA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct yk_arena;

/* Create an arena whose chunks are at least chunk_size bytes (0 picks 64 KiB).
 * Returns NULL when out of memory. */
struct yk_arena *yk_arena_create(size_t chunk_size);

/* Run the deferred destructors (last registered first), then free every chunk. Accepts NULL. */
void yk_arena_destroy(struct yk_arena *arena);

/* size bytes aligned for any object, or NULL when out of memory. The memory is not zeroed. */
void *yk_arena_alloc(struct yk_arena *arena, size_t size);

/* Like yk_arena_alloc, zero-filled; n * size overflow gives NULL. */
void *yk_arena_calloc(struct yk_arena *arena, size_t n, size_t size);

/* NUL-terminated copies; NULL when out of memory (or when s is NULL for strdup). */
char *yk_arena_strdup(struct yk_arena *arena, const char *s);
char *yk_arena_strndup(struct yk_arena *arena, const char *s, size_t n);

/* printf into the arena; NULL when out of memory. */
char *yk_arena_printf(struct yk_arena *arena, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Call fn(ptr) when the arena is destroyed. Returns 0 or YK_ENOMEM (then fn is called at once,
 * so the object never leaks). */
int yk_arena_defer(struct yk_arena *arena, void (*fn)(void *), void *ptr);

/* Bytes handed out so far (for statistics and tests). */
size_t yk_arena_used(const struct yk_arena *arena);

#ifdef __cplusplus
}
#endif
#endif
