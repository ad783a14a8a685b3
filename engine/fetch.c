/* yakist — downloading a remote resource for an audit run with fetching on (libcurl): http and
 * https only (redirects too), time limits, a size cap, and an optional cache folder so a
 * quarterly re-run does not download everything again. Built without libcurl, fetching says
 * so instead. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit_priv.h"

#define FETCH_MAX_BYTES ((long long)512 << 20) /* a bigger file is not downloaded */
#define FETCH_MAX_TEXT "512 MiB"
#define FETCH_CONNECT_SECONDS 20L
#define FETCH_TOTAL_SECONDS 300L
#define FETCH_REDIRECTS 5L

static bool http_url(const char *url)
{
    return strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0 ||
           strncmp(url, "HTTP://", 7) == 0 || strncmp(url, "HTTPS://", 8) == 0;
}

#if defined(YK_HAVE_CURL)

#include <curl/curl.h>

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_ready = CURLE_FAILED_INIT;

static void curl_setup(void)
{
    curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT);
}

int yk_fetch_init(struct yk_error *err)
{
    pthread_once(&curl_once, curl_setup);
    if (curl_ready != CURLE_OK)
        return yk_error_set(err, YK_EINTERNAL, NULL, 0, 0, "fetch: cannot start libcurl: %s",
                            curl_easy_strerror(curl_ready));
    return 0;
}

struct sink {
    FILE *f;
    long long bytes;
    bool too_big;
};

static size_t on_data(char *data, size_t size, size_t n, void *p)
{
    struct sink *s = p;
    size_t len = size * n;
    if (s->bytes + (long long)len > FETCH_MAX_BYTES) {
        s->too_big = true;
        return 0;
    }
    s->bytes += (long long)len;
    return fwrite(data, 1, len, s->f);
}

/* The file name a URL is kept under: a hash of the URL and the extension of its last path
 * segment (so the content is judged against what the name promises, as for local files). */
static void file_name(const char *url, char *out, size_t cap)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *s = url; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    size_t end = strcspn(url, "?#");
    const char *dot = NULL;
    for (size_t i = end; i-- > 0 && url[i] != '/';)
        if (url[i] == '.') {
            dot = url + i;
            break;
        }
    char ext[12] = "";
    size_t n = 0;
    for (const char *c = dot ? dot + 1 : url + end; c < url + end && n + 1 < sizeof ext; c++) {
        bool alnum =
            (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9');
        if (!alnum) {
            n = 0;
            break;
        }
        ext[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    }
    ext[n] = 0;
    snprintf(out, cap, "%016llx%s%s", (unsigned long long)h, n ? "." : "", ext);
}

static int download(const char *url, FILE *f, struct yk_error *err)
{
    char msg[CURL_ERROR_SIZE] = "";
    struct sink s = {.f = f};
    CURL *c = curl_easy_init();
    if (!c)
        return yk_error_set(err, YK_ENOMEM, url, 0, 0, "out of memory");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, msg);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); /* worker threads */
    curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, FETCH_REDIRECTS);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, FETCH_CONNECT_SECONDS);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, FETCH_TOTAL_SECONDS);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)FETCH_MAX_BYTES);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "yakist (open data audit)");
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    if (s.too_big || rc == CURLE_FILESIZE_EXCEEDED)
        return yk_error_set(err, YK_EIO, url, 0, 0, "download failed: larger than " FETCH_MAX_TEXT);
    if (rc == CURLE_HTTP_RETURNED_ERROR)
        return yk_error_set(err, YK_EIO, url, 0, 0, "download failed: HTTP status %ld", status);
    if (rc != CURLE_OK)
        return yk_error_set(err, YK_EIO, url, 0, 0, "download failed: %s",
                            msg[0] ? msg : curl_easy_strerror(rc));
    if (fflush(f) != 0 || ferror(f))
        return yk_error_set(err, YK_EIO, url, 0, 0, "download failed: cannot write: %s",
                            strerror(errno));
    return 0;
}

/* Download into a fresh file in dir, named name: through a temporary name in the same folder,
 * renamed when complete, so a reader never sees half a file. */
static int download_to(const char *url, const char *dir, const char *name, char *final, size_t cap,
                       struct yk_error *err)
{
    char part[4096];
    if (snprintf(final, cap, "%s/%s", dir, name) >= (int)cap ||
        snprintf(part, sizeof part, "%s/.%s.XXXXXX", dir, name) >= (int)sizeof part)
        return yk_error_set(err, YK_EIO, url, 0, 0, "fetch: the folder name is too long");
    int fd = mkstemp(part);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "wb");
    if (!f) {
        if (fd >= 0)
            close(fd);
        return yk_error_set(err, YK_EIO, dir, 0, 0, "fetch: cannot write in %s: %s", dir,
                            strerror(errno));
    }
    int rc = download(url, f, err);
    if (fclose(f) != 0 && rc == 0)
        rc = yk_error_set(err, YK_EIO, url, 0, 0, "download failed: cannot write");
    if (rc == 0 && rename(part, final) != 0)
        rc = yk_error_set(err, YK_EIO, url, 0, 0, "fetch: cannot rename: %s", strerror(errno));
    if (rc < 0)
        unlink(part);
    return rc;
}

int yk_fetch(const char *url, const char *cache_dir, struct yk_arena *arena, const char **path,
             bool *temporary, struct yk_error *err)
{
    char name[64], final[4096], dir[4096];
    struct stat st;
    if (!http_url(url))
        return yk_error_set(err, YK_EIO, url, 0, 0, "only http and https addresses are fetched");
    file_name(url, name, sizeof name);
    if (cache_dir) {
        if (snprintf(final, sizeof final, "%s/%s", cache_dir, name) < (int)sizeof final &&
            stat(final, &st) == 0 && S_ISREG(st.st_mode)) {
            *temporary = false;
            return (*path = yk_arena_strdup(arena, final)) ? 0 : YK_ENOMEM;
        }
        if (mkdir(cache_dir, 0777) != 0 && errno != EEXIST)
            return yk_error_set(err, YK_EIO, cache_dir, 0, 0, "fetch: cannot make %s: %s",
                                cache_dir, strerror(errno));
        snprintf(dir, sizeof dir, "%s", cache_dir);
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/yakist-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
        if (!mkdtemp(dir))
            return yk_error_set(err, YK_EIO, dir, 0, 0, "fetch: cannot make a temporary folder: %s",
                                strerror(errno));
    }
    int rc = download_to(url, dir, name, final, sizeof final, err);
    if (rc < 0 && !cache_dir)
        rmdir(dir);
    if (rc < 0)
        return rc;
    *temporary = !cache_dir;
    return (*path = yk_arena_strdup(arena, final)) ? 0 : YK_ENOMEM;
}

#else /* no libcurl */

int yk_fetch_init(struct yk_error *err)
{
    return yk_error_set(err, YK_EUNSUPPORTED, NULL, 0, 0,
                        "fetch: this yakist was built without libcurl, so it cannot download");
}

int yk_fetch(const char *url, const char *cache_dir, struct yk_arena *arena, const char **path,
             bool *temporary, struct yk_error *err)
{
    (void)cache_dir, (void)arena, (void)path, (void)temporary, (void)http_url;
    return yk_error_set(err, YK_EUNSUPPORTED, url, 0, 0,
                        "fetch: this yakist was built without libcurl, so it cannot download");
}

#endif
