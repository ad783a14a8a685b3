/* yakist — byte input: a file or a memory buffer read in large chunks, with a look-ahead
 * window for sniffing. Decoders (gzip, iconv) stack behind the same interface later. */
#ifndef YK_ENGINE_INPUT_H
#define YK_ENGINE_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/error.h>

#define YK_INPUT_CHUNK (256u * 1024u)

struct yk_input {
    const char *name; /* for messages */
    int fd;           /* -1 for memory input */
    const unsigned char *mem;
    size_t memlen;
    size_t mempos;
    unsigned char *buf; /* owned, YK_INPUT_CHUNK bytes (file input only) */
    size_t start, end;  /* unread bytes are buf[start..end) */
    uint64_t consumed;  /* bytes handed out by yk_input_read so far */
    bool eof;
};

/* Open a file for reading. 0, or YK_EIO / YK_ENOMEM with err naming the file. */
int yk_input_open_file(struct yk_input *in, const char *path, struct yk_error *err);

/* Read from memory (borrowed; must outlive the input). */
void yk_input_open_memory(struct yk_input *in, const void *data, size_t len, const char *name);

/* Make at least want bytes (or all that remain) available without consuming them. *p and *n
 * describe the window; want is capped at YK_INPUT_CHUNK. */
int yk_input_peek(struct yk_input *in, size_t want, const unsigned char **p, size_t *n,
                  struct yk_error *err);

/* Consume the next chunk: *n is 0 at end of input. The bytes stay valid until the next call. */
int yk_input_read(struct yk_input *in, const unsigned char **p, size_t *n, struct yk_error *err);

/* Drop n bytes of what peek showed (a BOM, say). */
void yk_input_skip(struct yk_input *in, size_t n);

void yk_input_close(struct yk_input *in);

#endif
