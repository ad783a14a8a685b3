/* yakist — where a resource's URL points: a web address (not read here), a file inside the
 * catalog's folder, a file that is not there, or a path that leaves the folder. The last is
 * decided from the text first (`..` above the folder, an absolute path elsewhere) and then with
 * realpath for symbolic links; such a file is never opened. */
/* realpath is an XSI function. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "catalog_priv.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

enum norm { NORM_OK, NORM_ESCAPES, NORM_EMPTY, NORM_TOO_LONG };

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Length of the URL scheme s starts with ("https" in "https://..."), 0 when none. */
static size_t scheme_len(const char *s)
{
    if (!is_alpha(s[0]))
        return 0;
    size_t i = 1;
    while (is_alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
           s[i] == '.')
        i++;
    return s[i] == ':' ? i : 0;
}

static int hex(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* Percent-decode s in place. false for a broken escape or one that decodes to NUL or '/'
 * (which would change the path's shape after it was checked). */
static bool pct_decode(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r != '%') {
            *w++ = *r;
            continue;
        }
        int hi = hex(r[1]), lo = hi < 0 ? -1 : hex(r[2]);
        if (lo < 0 || (hi == 0 && lo == 0) || (hi == 2 && lo == 15))
            return false;
        *w++ = (char)(hi * 16 + lo);
        r += 2;
    }
    *w = '\0';
    return true;
}

/* Normalise a path by its text: drop empty and "." segments and fold "..". For a relative
 * path, ".." above the start escapes; an absolute one stays at "/". out gets no leading '/'. */
static enum norm normalise(const char *in, bool absolute, char *out, size_t cap)
{
    size_t len = 0;
    const char *p = in;
    while (*p) {
        while (*p == '/')
            p++;
        const char *seg = p;
        while (*p && *p != '/')
            p++;
        size_t n = (size_t)(p - seg);
        if (n == 0 || (n == 1 && seg[0] == '.'))
            continue;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            if (len == 0) {
                if (!absolute)
                    return NORM_ESCAPES;
                continue;
            }
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--; /* the separator before the dropped segment */
            continue;
        }
        if (len + 1 + n + 1 > cap)
            return NORM_TOO_LONG;
        if (len > 0)
            out[len++] = '/';
        memcpy(out + len, seg, n);
        len += n;
    }
    out[len] = '\0';
    return len ? NORM_OK : NORM_EMPTY;
}

/* Is the resolved path real inside the catalog's folder (or the folder itself)? */
static bool inside(const struct yk_cat *c, const char *real)
{
    size_t n = c->root_real_len;
    if (strcmp(c->root_real, "/") == 0)
        return true;
    return strncmp(real, c->root_real, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

/* full is inside the folder by its text: follow symbolic links, then look at what is there. */
static void settle(struct yk_cat *c, struct yk_resource *r, const char *full, const char *file,
                   uint64_t line)
{
    char *real = realpath(full, NULL);
    if (!real) {
        r->location = YK_RES_MISSING;
        if (errno != ENOENT && errno != ENOTDIR)
            yk_cat_note(c, file, line, "resource %s: %s", r->url, strerror(errno));
        return;
    }
    struct stat st;
    if (!inside(c, real)) {
        r->location = YK_RES_ESCAPES;
    } else if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
        r->location = YK_RES_MISSING;
        yk_cat_note(c, file, line, "resource %s: not a regular file", r->url);
    } else {
        r->location = YK_RES_LOCAL;
        r->path = yk_arena_strdup(c->arena, full);
        if (!r->path)
            c->rc = YK_ENOMEM;
    }
    free(real);
}

static void local_relative(struct yk_cat *c, struct yk_resource *r, char *rel, bool decoded,
                           const char *file, uint64_t line)
{
    char norm[PATH_MAX], full[PATH_MAX];
    enum norm k = normalise(rel, false, norm, sizeof norm);
    if (k == NORM_ESCAPES) {
        r->location = YK_RES_ESCAPES;
        return;
    }
    if (k != NORM_OK) {
        r->location = YK_RES_INVALID;
        yk_cat_note(c, file, line, "resource %s: %s", r->url,
                    k == NORM_EMPTY ? "names the catalog folder, not a file" : "path too long");
        return;
    }
    const char *root = c->root;
    int n = strcmp(root, ".") == 0 ? snprintf(full, sizeof full, "%s", norm)
                                   : snprintf(full, sizeof full, "%s/%s", root, norm);
    if (n < 0 || (size_t)n >= sizeof full) {
        r->location = YK_RES_INVALID;
        yk_cat_note(c, file, line, "resource %s: path too long", r->url);
        return;
    }
    settle(c, r, full, file, line);
    /* "data/%D0%B1.csv" may name a file whose name holds the decoded letters. */
    if (!decoded && r->location == YK_RES_MISSING && strchr(rel, '%') && pct_decode(rel))
        local_relative(c, r, rel, true, file, line);
}

static void local_absolute(struct yk_cat *c, struct yk_resource *r, const char *abs,
                           const char *file, uint64_t line)
{
    char norm[PATH_MAX], full[PATH_MAX];
    if (normalise(abs, true, norm, sizeof norm - 1) != NORM_OK) {
        r->location = YK_RES_ESCAPES; /* "/" itself, or too long to be inside anything */
        return;
    }
    full[0] = '/';
    memcpy(full + 1, norm, strlen(norm) + 1);
    char *real = realpath(full, NULL);
    bool in = real ? inside(c, real) : inside(c, full);
    free(real);
    if (!in) {
        r->location = YK_RES_ESCAPES;
        return;
    }
    settle(c, r, full, file, line);
}

void yk_cat_locate(struct yk_cat *c, struct yk_resource *r, const char *file, uint64_t line)
{
    char buf[PATH_MAX];
    r->path = NULL;
    r->location = YK_RES_INVALID;
    if (!r->url)
        return;
    const char *u = r->url;
    while (is_space(*u))
        u++;
    size_t n = strlen(u);
    while (n > 0 && is_space(u[n - 1]))
        n--;
    if (n == 0)
        return;
    if (n >= sizeof buf) {
        yk_cat_note(c, file, line, "resource URL longer than %zu bytes", sizeof buf - 1);
        return;
    }
    memcpy(buf, u, n);
    buf[n] = '\0';
    size_t sl = scheme_len(buf);
    if (sl >= 2) {
        bool web = (sl == 4 && strncasecmp(buf, "http", 4) == 0) ||
                   (sl == 5 && strncasecmp(buf, "https", 5) == 0);
        if (web && buf[sl + 1] == '/' && buf[sl + 2] == '/' && buf[sl + 3]) {
            r->location = YK_RES_REMOTE;
            return;
        }
        if (sl == 4 && strncasecmp(buf, "file", 4) == 0 && strncmp(buf + 5, "//", 2) == 0) {
            char *p = buf + 7;
            if (strncasecmp(p, "localhost/", 10) == 0)
                p += 9;
            if (*p == '/' && pct_decode(p) && c->root_real)
                local_absolute(c, r, p, file, line);
            return;
        }
        return; /* ftp:, mailto:, data:, a web address without a host ... */
    }
    if (sl == 1 || (buf[0] == '/' && buf[1] == '/') || buf[0] == '\\')
        return; /* a drive letter, a URL without its scheme, a Windows path */
    if (!c->root_real) {
        r->location = YK_RES_MISSING;
        return;
    }
    if (buf[0] == '/')
        local_absolute(c, r, buf, file, line);
    else
        local_relative(c, r, buf, false, file, line);
}
