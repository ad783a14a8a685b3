/* yakist — byte input from a file descriptor, a memory buffer or a stacked source (a decoder
 * reading another input), read in large chunks, with a look-ahead window so sniffers can see
 * the head of the input before loading. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"

/* Memory input hands out the caller's bytes directly; the others go through buf. */
static bool is_memory(const struct yk_input *in)
{
    return in->buf == NULL;
}

int yk_input_open_file(struct yk_input *in, const char *path, struct yk_error *err)
{
    memset(in, 0, sizeof *in);
    in->name = path;
    in->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (in->fd < 0) {
        /* A missing file is told apart from one that exists but cannot be read: reports call
         * the first a scheme error and the second a source error, as Frictionless does. */
        int code = errno == ENOENT ? YK_ENOTFOUND : YK_EIO;
        return yk_error_set(err, code, path, 0, 0, "cannot open: %s", strerror(errno));
    }
    struct stat st;
    if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(in->fd);
        in->fd = -1;
        return yk_error_set(err, YK_EIO, path, 0, 0, "cannot read: is a directory");
    }
    in->buf = malloc(YK_INPUT_CHUNK);
    if (!in->buf) {
        close(in->fd);
        in->fd = -1;
        return yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
    }
    return 0;
}

void yk_input_open_memory(struct yk_input *in, const void *data, size_t len, const char *name)
{
    memset(in, 0, sizeof *in);
    in->name = name;
    in->fd = -1;
    in->mem = data;
    in->memlen = len;
}

int yk_input_open_source_take(struct yk_input *in, const struct yk_source *src, const char *name,
                              struct yk_error *err)
{
    memset(in, 0, sizeof *in);
    in->name = name;
    in->fd = -1;
    in->buf = malloc(YK_INPUT_CHUNK);
    if (!in->buf) {
        if (src->close)
            src->close(src->ctx);
        return yk_error_set(err, YK_ENOMEM, name, 0, 0, "out of memory");
    }
    in->src = *src;
    return 0;
}

void yk_input_move(struct yk_input *to, struct yk_input *from)
{
    *to = *from;
    memset(from, 0, sizeof *from);
    from->fd = -1;
}

/* Pull bytes from the file or the source into buf[end..CHUNK). */
static int pull(struct yk_input *in, size_t *got, struct yk_error *err)
{
    if (in->src.read)
        return in->src.read(in->src.ctx, in->buf + in->end, YK_INPUT_CHUNK - in->end, got, err);
    for (;;) {
        ssize_t r = read(in->fd, in->buf + in->end, YK_INPUT_CHUNK - in->end);
        if (r >= 0) {
            *got = (size_t)r;
            return 0;
        }
        if (errno != EINTR)
            return yk_error_set(err, YK_EIO, in->name, 0, 0, "cannot read: %s", strerror(errno));
    }
}

/* Append more bytes behind the unread window; sets eof at the end. */
static int fill(struct yk_input *in, struct yk_error *err)
{
    if (in->start > 0) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->end -= in->start;
        in->start = 0;
    }
    if (in->end < YK_INPUT_CHUNK && !in->eof) {
        size_t got = 0;
        int rc = pull(in, &got, err);
        if (rc < 0)
            return rc;
        if (got == 0)
            in->eof = true;
        in->end += got;
    }
    return 0;
}

int yk_input_peek(struct yk_input *in, size_t want, const unsigned char **p, size_t *n,
                  struct yk_error *err)
{
    if (want > YK_INPUT_CHUNK)
        want = YK_INPUT_CHUNK;
    if (is_memory(in)) {
        size_t left = in->memlen - in->mempos;
        *p = in->mem + in->mempos;
        *n = left < want ? left : want;
        return 0;
    }
    while (in->end - in->start < want && !in->eof) {
        int rc = fill(in, err);
        if (rc < 0)
            return rc;
    }
    *p = in->buf + in->start;
    *n = in->end - in->start < want ? in->end - in->start : want;
    return 0;
}

int yk_input_read(struct yk_input *in, const unsigned char **p, size_t *n, struct yk_error *err)
{
    if (is_memory(in)) {
        size_t left = in->memlen - in->mempos;
        size_t take = left < YK_INPUT_CHUNK ? left : YK_INPUT_CHUNK;
        *p = in->mem + in->mempos;
        *n = take;
        in->mempos += take;
        in->consumed += take;
        return 0;
    }
    if (in->start == in->end) {
        in->start = in->end = 0;
        /* A source may hand out a few bytes at a time; read until a chunk is worth passing on
         * or the input ends, so loaders still see large chunks. */
        while (in->end < YK_INPUT_CHUNK / 2 && !in->eof) {
            int rc = fill(in, err);
            if (rc < 0)
                return rc;
        }
    }
    *p = in->buf + in->start;
    *n = in->end - in->start;
    in->consumed += *n;
    in->start = in->end;
    return 0;
}

void yk_input_skip(struct yk_input *in, size_t n)
{
    if (is_memory(in)) {
        size_t left = in->memlen - in->mempos;
        n = n < left ? n : left;
        in->mempos += n;
    } else {
        size_t left = in->end - in->start;
        n = n < left ? n : left;
        in->start += n;
    }
    in->consumed += n;
}

int yk_input_size(const struct yk_input *in, uint64_t *size, struct yk_error *err)
{
    if (is_memory(in)) {
        *size = in->memlen;
        return 0;
    }
    if (in->src.read || in->fd < 0)
        return yk_error_set(err, YK_EUNSUPPORTED, in->name, 0, 0, "not a seekable input");
    struct stat st;
    if (fstat(in->fd, &st) < 0)
        return yk_error_set(err, YK_EIO, in->name, 0, 0, "cannot stat: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return yk_error_set(err, YK_EUNSUPPORTED, in->name, 0, 0, "not a regular file");
    *size = (uint64_t)st.st_size;
    return 0;
}

int yk_input_pread(struct yk_input *in, uint64_t offset, unsigned char *dst, size_t len,
                   size_t *got, struct yk_error *err)
{
    if (is_memory(in)) {
        size_t n = 0;
        if (offset < in->memlen) {
            n = in->memlen - (size_t)offset;
            n = n < len ? n : len;
            memcpy(dst, in->mem + offset, n);
        }
        *got = n;
        return 0;
    }
    if (in->src.read || in->fd < 0)
        return yk_error_set(err, YK_EUNSUPPORTED, in->name, 0, 0, "not a seekable input");
    size_t done = 0;
    while (done < len) {
        ssize_t r = pread(in->fd, dst + done, len - done, (off_t)(offset + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return yk_error_set(err, YK_EIO, in->name, 0, 0, "cannot read: %s", strerror(errno));
        if (r == 0)
            break;
        done += (size_t)r;
    }
    *got = done;
    return 0;
}

void yk_input_close(struct yk_input *in)
{
    if (!in)
        return;
    if (in->fd >= 0)
        close(in->fd);
    if (in->src.close)
        in->src.close(in->src.ctx);
    free(in->buf);
    in->fd = -1;
    in->buf = NULL;
    in->src = (struct yk_source){0};
}
