/* yakist — byte input from a file descriptor or a memory buffer, read in large chunks,
 * with a look-ahead window so sniffers can see the head of the input before loading. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"

int yk_input_open_file(struct yk_input *in, const char *path, struct yk_error *err)
{
    memset(in, 0, sizeof *in);
    in->name = path;
    in->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (in->fd < 0)
        return yk_error_set(err, YK_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
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

/* Append more bytes from the file behind the unread window; sets eof at the end. */
static int fill(struct yk_input *in, struct yk_error *err)
{
    if (in->start > 0) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->end -= in->start;
        in->start = 0;
    }
    while (in->end < YK_INPUT_CHUNK && !in->eof) {
        ssize_t r = read(in->fd, in->buf + in->end, YK_INPUT_CHUNK - in->end);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return yk_error_set(err, YK_EIO, in->name, 0, 0, "cannot read: %s", strerror(errno));
        }
        if (r == 0)
            in->eof = true;
        in->end += (size_t)r;
        if (r > 0)
            break;
    }
    return 0;
}

int yk_input_peek(struct yk_input *in, size_t want, const unsigned char **p, size_t *n,
                  struct yk_error *err)
{
    if (want > YK_INPUT_CHUNK)
        want = YK_INPUT_CHUNK;
    if (in->fd < 0) {
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
    if (in->fd < 0) {
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
        int rc = fill(in, err);
        if (rc < 0)
            return rc;
    }
    *p = in->buf + in->start;
    *n = in->end - in->start;
    in->consumed += *n;
    in->start = in->end;
    return 0;
}

void yk_input_skip(struct yk_input *in, size_t n)
{
    if (in->fd < 0) {
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

void yk_input_close(struct yk_input *in)
{
    if (!in)
        return;
    if (in->fd >= 0)
        close(in->fd);
    free(in->buf);
    in->fd = -1;
    in->buf = NULL;
}
