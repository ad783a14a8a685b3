/* yakist — the fuzz driver for compilers without libFuzzer: runs a target on every file of the
 * folders (or files) it is given, then on deterministic mutations of them, until a number of
 * runs or a time budget is used up. It takes libFuzzer's flags that matter here, so the tests
 * pass the same arguments to either build, and ignores the others.
 *
 *   replay [-runs=N] [-max_total_time=S] [-max_len=N] [-timeout=S] [-dict=FILE]
 *          [-artifact_prefix=P] [-seed=N] DIR_OR_FILE...
 *
 * The mutations depend only on the seed and the inputs, so a failure is reproduced by running
 * the same command again; with -artifact_prefix the input being run is kept in P + "input"
 * while it runs, so the one that crashed or hung is left there. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"

#define MAX_INPUTS 4096
#define MAX_TOKENS 512
#define MAX_FILE (1u << 20) /* corpus files are small; a larger one is cut */

struct blob {
    unsigned char *data;
    size_t len;
};

struct options {
    unsigned long runs;    /* mutated inputs */
    unsigned long seconds; /* time budget for the mutations */
    unsigned long max_len; /* mutated inputs are cut to this */
    unsigned long timeout; /* seconds one input may take */
    unsigned long seed;
    const char *dict;
    const char *artifact_prefix;
};

struct state {
    struct blob inputs[MAX_INPUTS];
    size_t ninputs;
    struct blob tokens[MAX_TOKENS];
    size_t ntokens;
    uint64_t rng;
    char artifact[4096]; /* "" when inputs are not kept */
};

/* splitmix64: the same stream on every platform. */
static uint64_t next(struct state *st)
{
    uint64_t z = (st->rng += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static size_t below(struct state *st, size_t n)
{
    return n ? (size_t)(next(st) % n) : 0;
}

static bool read_file(const char *path, struct blob *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    b->data = malloc(MAX_FILE);
    b->len = b->data ? fread(b->data, 1, MAX_FILE, f) : 0;
    fclose(f);
    return b->data != NULL;
}

static void add_input(struct state *st, const char *path)
{
    if (st->ninputs == MAX_INPUTS) {
        fprintf(stderr, "replay: more than %d inputs, %s left out\n", MAX_INPUTS, path);
        return;
    }
    if (read_file(path, &st->inputs[st->ninputs]))
        st->ninputs++;
    else
        fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files of a folder, in name order so that every run sees the same sequence. */
static void add_folder(struct state *st, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;
    if (!d)
        return;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **more = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof *names);
            if (!more)
                break;
            names = more;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(len)))
            break;
        snprintf(names[n++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        struct stat s;
        if (stat(names[i], &s) == 0 && S_ISREG(s.st_mode))
            add_input(st, names[i]);
        free(names[i]);
    }
    free(names);
}

static int hex(int c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* One dictionary line in libFuzzer's form: [name=]"text" with \\, \" and \xHH escapes. */
static void add_token(struct state *st, const char *line)
{
    const char *p = strchr(line, '"');
    unsigned char buf[256];
    size_t n = 0;
    if (!p || line[0] == '#' || st->ntokens == MAX_TOKENS)
        return;
    for (p++; *p && *p != '"' && n < sizeof buf; p++) {
        if (*p == '\\' && p[1] == 'x' && hex(p[2]) >= 0 && hex(p[3]) >= 0) {
            buf[n++] = (unsigned char)(hex(p[2]) * 16 + hex(p[3]));
            p += 3;
        } else if (*p == '\\' && p[1]) {
            buf[n++] = (unsigned char)*++p;
        } else {
            buf[n++] = (unsigned char)*p;
        }
    }
    struct blob *t = &st->tokens[st->ntokens];
    if (n == 0 || !(t->data = malloc(n)))
        return;
    memcpy(t->data, buf, n);
    t->len = n;
    st->ntokens++;
}

static void load_dict(struct state *st, const char *path)
{
    char line[1024];
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "replay: cannot read the dictionary %s: %s\n", path, strerror(errno));
        return;
    }
    while (fgets(line, sizeof line, f))
        add_token(st, line);
    fclose(f);
}

/* --- mutations ------------------------------------------------------------------------- */

/* Bytes the loaders treat specially, tried more often than chance would. */
static const unsigned char special[] = {0,   '\n', '\r', '"',  '\'', ',',  ';',  '\t', '|',  '{',
                                        '}', '[',  ']',  ':',  '<',  '>',  '&',  '/',  '=',  '\\',
                                        '.', '-',  '0',  0x7F, 0x80, 0xBF, 0xC0, 0xD0, 0xEF, 0xFF};

/* Insert n bytes (src may be NULL for zeros) at pos; keeps len <= cap. */
static void insert(unsigned char *buf, size_t *len, size_t cap, size_t pos,
                   const unsigned char *src, size_t n)
{
    if (*len + n > cap)
        n = cap - *len;
    memmove(buf + pos + n, buf + pos, *len - pos);
    if (src)
        memcpy(buf + pos, src, n);
    else
        memset(buf + pos, 0, n);
    *len += n;
}

static void mutate_once(struct state *st, unsigned char *buf, size_t *len, size_t cap)
{
    size_t pos = below(st, *len + 1), n;
    unsigned char tmp[64];
    switch (below(st, 8)) {
    case 0: /* flip a bit */
        if (*len)
            buf[below(st, *len)] ^= (unsigned char)(1u << below(st, 8));
        break;
    case 1: /* a special byte, over one or in between */
        if (*len && below(st, 2))
            buf[below(st, *len)] = special[below(st, sizeof special)];
        else
            insert(buf, len, cap, pos, &special[below(st, sizeof special)], 1);
        break;
    case 2: /* random bytes */
        n = 1 + below(st, 8);
        for (size_t i = 0; i < n; i++)
            tmp[i] = (unsigned char)next(st);
        insert(buf, len, cap, pos, tmp, n);
        break;
    case 3: /* drop a range */
        if (*len) {
            pos = below(st, *len);
            n = 1 + below(st, *len - pos < 64 ? *len - pos : 64);
            memmove(buf + pos, buf + pos + n, *len - pos - n);
            *len -= n;
        }
        break;
    case 4: /* repeat a range, many times now and then: deep nesting, long cells, wide rows */
        if (*len) {
            size_t from = below(st, *len);
            n = 1 + below(st, *len - from < 64 ? *len - from : 64);
            memcpy(tmp, buf + from, n);
            for (size_t k = below(st, 4) ? 1 : 1 + below(st, 200); k > 0 && *len < cap; k--)
                insert(buf, len, cap, pos, tmp, n);
        }
        break;
    case 5: /* a dictionary token */
        if (st->ntokens) {
            const struct blob *t = &st->tokens[below(st, st->ntokens)];
            insert(buf, len, cap, pos, t->data, t->len);
        }
        break;
    case 6: /* splice: this input's head with another one's tail */
        if (st->ninputs) {
            const struct blob *o = &st->inputs[below(st, st->ninputs)];
            size_t from = below(st, o->len + 1);
            *len = pos;
            insert(buf, len, cap, pos, o->data + from, o->len - from);
        }
        break;
    default: /* cut the end */
        *len = pos;
        break;
    }
}

/* --- running --------------------------------------------------------------------------- */

/* Keep the input about to run where a crash or a hang leaves it. */
static void keep(const struct state *st, const unsigned char *data, size_t len)
{
    if (!st->artifact[0])
        return;
    FILE *f = fopen(st->artifact, "wb");
    if (!f)
        return;
    fwrite(data, 1, len, f);
    fclose(f);
}

static void run_one(const struct state *st, const struct options *o, const unsigned char *data,
                    size_t len)
{
    keep(st, data, len);
    alarm((unsigned)o->timeout); /* a hang ends the process with SIGALRM: a failure */
    LLVMFuzzerTestOneInput(data, len);
    alarm(0);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The given inputs as they are, then mutations; returns the number of mutated runs. */
static unsigned long fuzz(struct state *st, const struct options *o)
{
    static const unsigned char empty[1];
    size_t cap = o->max_len;
    unsigned char *buf = malloc(cap + 1);
    unsigned long runs = 0;
    double start = now();
    if (!buf)
        return 0;
    run_one(st, o, empty, 0);
    for (size_t i = 0; i < st->ninputs; i++)
        run_one(st, o, st->inputs[i].data, st->inputs[i].len);
    for (; runs < o->runs && now() - start < (double)o->seconds; runs++) {
        size_t len = 0;
        if (st->ninputs) {
            const struct blob *b = &st->inputs[below(st, st->ninputs)];
            len = b->len < cap ? b->len : cap;
            memcpy(buf, b->data, len);
        }
        for (size_t k = 1 + below(st, 4); k > 0; k--)
            mutate_once(st, buf, &len, cap);
        run_one(st, o, buf, len);
    }
    free(buf);
    return runs;
}

static bool flag(const char *arg, const char *name, const char **value)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0 || arg[n] != '=')
        return false;
    *value = arg + n + 1;
    return true;
}

static bool number(const char *s, unsigned long *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end)
        return false;
    *out = v;
    return true;
}

/* libFuzzer-style flags; an unknown one is ignored with a note. Returns false on a bad value. */
static bool parse_flag(const char *arg, struct options *o)
{
    const char *v;
    if (flag(arg, "-runs", &v))
        return number(v, &o->runs);
    if (flag(arg, "-max_total_time", &v))
        return number(v, &o->seconds);
    if (flag(arg, "-max_len", &v))
        return number(v, &o->max_len) && o->max_len > 0;
    if (flag(arg, "-timeout", &v))
        return number(v, &o->timeout) && o->timeout > 0;
    if (flag(arg, "-seed", &v))
        return number(v, &o->seed);
    if (flag(arg, "-dict", &v))
        return (o->dict = v) != NULL;
    if (flag(arg, "-artifact_prefix", &v))
        return (o->artifact_prefix = v) != NULL;
    fprintf(stderr, "replay: ignoring %s (a libFuzzer option)\n", arg);
    return true;
}

int main(int argc, char **argv)
{
    struct options o = {.runs = 4000, .seconds = 10, .max_len = 65536, .timeout = 10, .seed = 1};
    static struct state st;
    for (int i = 1; i < argc; i++)
        if (argv[i][0] == '-' && !parse_flag(argv[i], &o)) {
            fprintf(stderr, "replay: bad value in %s\n", argv[i]);
            return 2;
        }
    st.rng = o.seed;
    if (o.dict)
        load_dict(&st, o.dict);
    for (int i = 1; i < argc; i++) {
        struct stat s;
        if (argv[i][0] == '-')
            continue;
        if (stat(argv[i], &s) != 0)
            fprintf(stderr, "replay: %s does not exist, skipped\n", argv[i]);
        else if (S_ISDIR(s.st_mode))
            add_folder(&st, argv[i]);
        else
            add_input(&st, argv[i]);
    }
    if (o.artifact_prefix)
        snprintf(st.artifact, sizeof st.artifact, "%sinput", o.artifact_prefix);
    double start = now();
    unsigned long runs = fuzz(&st, &o);
    printf("replay: %zu inputs and %lu mutations in %.1f s, seed %lu: no failure\n", st.ninputs,
           runs, now() - start, o.seed);
    if (st.artifact[0])
        remove(st.artifact);
    for (size_t i = 0; i < st.ninputs; i++)
        free(st.inputs[i].data);
    for (size_t i = 0; i < st.ntokens; i++)
        free(st.tokens[i].data);
    return 0;
}
