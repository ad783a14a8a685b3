/* yakist — byte input: a file, a memory buffer or a decoder (gzip, zip member, iconv) read in
 * large chunks, with a look-ahead window for sniffing. Decoders stack: each reads the input
 * below it through the same peek/read/skip calls, so memory stays constant whatever the file. */
#ifndef YK_ENGINE_INPUT_H
#define YK_ENGINE_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/error.h>

#define YK_INPUT_CHUNK (256u * 1024u)

/* A byte source behind an input: a decoder over another input, or anything else that streams. */
struct yk_source {
    /* Write between 1 and cap bytes (cap >= 1) into dst and set *got; *got = 0 only at the
     * end. Returns 0 or a negative enum yk_err with err filled. */
    int (*read)(void *ctx, unsigned char *dst, size_t cap, size_t *got, struct yk_error *err);
    void (*close)(void *ctx); /* frees ctx and whatever it owns; may be NULL */
    void *ctx;
};

struct yk_input {
    const char *name; /* for messages */
    int fd;           /* -1 for memory and source input */
    const unsigned char *mem;
    size_t memlen;
    size_t mempos;
    unsigned char *buf; /* owned, YK_INPUT_CHUNK bytes (file and source input); NULL: memory */
    size_t start, end;  /* unread bytes are buf[start..end) */
    uint64_t consumed;  /* bytes handed out by yk_input_read or dropped by skip so far */
    bool eof;
    struct yk_source src; /* source input: bytes come from src.read instead of fd */
};

/* Open a file for reading. 0; YK_ENOTFOUND when it does not exist, YK_EIO when it cannot be
 * opened or is a directory, YK_ENOMEM; err names the file. */
int yk_input_open_file(struct yk_input *in, const char *path, struct yk_error *err);

/* Read from memory (borrowed; must outlive the input). */
void yk_input_open_memory(struct yk_input *in, const void *data, size_t len, const char *name);

/* Read from src, taking ownership of it: src->close runs at yk_input_close, or here when this
 * fails (YK_ENOMEM). name is borrowed. */
int yk_input_open_source_take(struct yk_input *in, const struct yk_source *src, const char *name,
                              struct yk_error *err);

/* Move an input to new storage (a decoder's context, say): *to takes over everything *from
 * owned, and *from is left closed. */
void yk_input_move(struct yk_input *to, struct yk_input *from);

/* Make at least want bytes (or all that remain) available without consuming them. *p and *n
 * describe the window; want is capped at YK_INPUT_CHUNK. */
int yk_input_peek(struct yk_input *in, size_t want, const unsigned char **p, size_t *n,
                  struct yk_error *err);

/* Consume the next chunk: *n is 0 at end of input. The bytes stay valid until the next call. */
int yk_input_read(struct yk_input *in, const unsigned char **p, size_t *n, struct yk_error *err);

/* Drop n bytes of what peek showed (a BOM, say). */
void yk_input_skip(struct yk_input *in, size_t n);

/* Random access, for archives whose directory sits at the end: the size of a file or memory
 * input, and up to len bytes at offset into dst (*got short only at the end). Neither moves the
 * stream position. YK_EUNSUPPORTED for source input; YK_EIO when the file cannot be read. */
int yk_input_size(const struct yk_input *in, uint64_t *size, struct yk_error *err);
int yk_input_pread(struct yk_input *in, uint64_t offset, unsigned char *dst, size_t len,
                   size_t *got, struct yk_error *err);

/* Release what the input owns (a source's close runs, which closes the inputs below it).
 * Accepts NULL and an input already closed or moved from. */
void yk_input_close(struct yk_input *in);

#endif
