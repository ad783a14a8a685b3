/* yakist — the run arena: chunks are never moved or freed before the arena, so pointers into
 * it stay valid for the whole run; deferred destructors release foreign objects in one place. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#define ALIGN 16u

struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

struct deferred {
    struct deferred *next;
    void (*fn)(void *);
    void *ptr;
};

struct yk_arena {
    struct chunk *head;
    struct deferred *defers;
    size_t chunk_size;
    size_t used;
};

struct yk_arena *yk_arena_create(size_t chunk_size)
{
    struct yk_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->chunk_size = chunk_size ? chunk_size : 64u * 1024u;
    return a;
}

void yk_arena_destroy(struct yk_arena *a)
{
    if (!a)
        return;
    for (struct deferred *d = a->defers, *next; d; d = next) {
        next = d->next;
        d->fn(d->ptr);
        free(d);
    }
    for (struct chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

static struct chunk *chunk_new(size_t size)
{
    struct chunk *c = malloc(sizeof *c + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

void *yk_arena_alloc(struct yk_arena *a, size_t size)
{
    size_t need = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (need < size)
        return NULL;
    struct chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        /* Big requests get a chunk of their own, placed behind the current one so the
         * current chunk's free space is not wasted. */
        size_t sz = need > a->chunk_size / 4 ? need : a->chunk_size;
        struct chunk *n = chunk_new(sz);
        if (!n)
            return NULL;
        if (c && sz != a->chunk_size) {
            n->next = c->next;
            c->next = n;
            c = n;
        } else {
            n->next = c;
            a->head = c = n;
        }
    }
    void *p = c->data + c->used;
    c->used += need;
    a->used += need;
    return p;
}

void *yk_arena_calloc(struct yk_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = yk_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *yk_arena_strndup(struct yk_arena *a, const char *s, size_t n)
{
    char *p = yk_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *yk_arena_strdup(struct yk_arena *a, const char *s)
{
    return s ? yk_arena_strndup(a, s, strlen(s)) : NULL;
}

char *yk_arena_printf(struct yk_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n < 0 ? NULL : yk_arena_alloc(a, (size_t)n + 1);
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

int yk_arena_defer(struct yk_arena *a, void (*fn)(void *), void *ptr)
{
    struct deferred *d = malloc(sizeof *d);
    if (!d) {
        fn(ptr);
        return YK_ENOMEM;
    }
    d->fn = fn;
    d->ptr = ptr;
    d->next = a->defers;
    a->defers = d;
    return 0;
}

size_t yk_arena_used(const struct yk_arena *a)
{
    return a->used;
}
