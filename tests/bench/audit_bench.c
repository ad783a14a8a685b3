/* yakist-audit-bench: writes a deterministic national-scale catalog (CKAN package_search JSON,
 * metadata only: one remote resource per dataset), then times `yakist audit` on it (best wall
 * time of N runs, peak RSS from wait4), with and without writing audit.json, checks that the
 * result parses and holds every dataset, and prints the numbers against the targets
 * (docs/benchmark.md). It never fails on speed: only a crash or a malformed result do. */
#define _DEFAULT_SOURCE /* wait4() */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#ifndef YK_BENCH_YAKIST
#define YK_BENCH_YAKIST "yakist"
#endif
#ifndef YK_BENCH_PERELIK
#define YK_BENCH_PERELIK "rules/data/perelik-835-city.json"
#endif

#define TARGET_SECONDS 5.0
#define TARGET_RSS_MIB 1024.0
#define PUBLISHERS 2000u

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

/* xorshift64*: the same catalog on every machine. */
static uint32_t rng_below(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ull) >> 33) % n;
}

/* Titles people give datasets: the Перелік's wordings and aliases, and some of their own. */
static const char *const own_titles[] = {
    "Паспорти бюджетних програм", "Штатний розпис",     "Мережа закладів освіти",
    "Перелік вулиць громади",     "Звернення громадян", "Енергоспоживання будівель",
};
static const char *const frequencies[] = {"once a month",
                                          "once a quarter",
                                          "once a year",
                                          "Щороку",
                                          "immediately after making changes",
                                          "no longer updated"};
static const char *const regions[] = {"Чортківської", "Тернопільської", "Житомирської",
                                      "Полтавської",  "Ужгородської",   "Конотопської"};

struct titles {
    const char **v;
    size_t n;
};

static int load_titles(const char *path, struct titles *t)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err), *items = json_object_get(root, "items"), *it;
    size_t i, n = sizeof own_titles / sizeof own_titles[0];
    if (!json_is_array(items)) {
        fprintf(stderr, "yakist-audit-bench: cannot read %s\n", path);
        json_decref(root);
        return -1;
    }
    json_array_foreach(items, i, it) n += 1 + json_array_size(json_object_get(it, "aliases"));
    t->v = calloc(n, sizeof *t->v);
    json_array_foreach(items, i, it)
    {
        size_t k;
        json_t *a;
        t->v[t->n++] = strdup(json_string_value(json_object_get(it, "title")));
        json_array_foreach(json_object_get(it, "aliases"), k, a) t->v[t->n++] =
            strdup(json_string_value(a));
    }
    for (i = 0; i < sizeof own_titles / sizeof own_titles[0]; i++)
        t->v[t->n++] = strdup(own_titles[i]);
    json_decref(root);
    return 0;
}

/* A JSON string of text with no characters to escape (all the texts here are plain). */
static void dataset(FILE *f, const struct titles *t, unsigned i)
{
    const char *title = t->v[rng_below((uint32_t)t->n)];
    unsigned pub = rng_below(PUBLISHERS), month = 1 + rng_below(12);
    char prefix[24] = "", holder[96] = "";
    if (rng_below(4) == 0)
        snprintf(prefix, sizeof prefix, "2.%u. ", 1 + rng_below(57));
    if (rng_below(4) == 0)
        snprintf(holder, sizeof holder, " %s міської ради", regions[pub % 6]);
    fprintf(
        f,
        "%s{\"id\": \"d%u\", \"name\": \"dataset-%u\", \"title\": \"%s%s%s\",\n"
        " \"notes\": \"Набір даних %u розпорядника %u.\", \"license_id\": \"cc-by\",\n"
        " \"state\": \"active\", \"private\": false, \"language\": \"uk\",\n"
        " \"organization\": {\"title\": \"Розпорядник %u %s міської ради\"},\n"
        " \"purpose_of_collecting_information\": \"Постанова КМУ № 835\",\n"
        " \"update_frequency\": \"%s\", \"metadata_created\": \"2020-01-15T09:00:00\",\n"
        " \"metadata_modified\": \"2025-%02u-10T12:00:00\", \"maintainer\": \"Олена Коваль\",\n"
        " \"maintainer_email\": \"opendata@example.gov.ua\", \"tags\": [{\"name\": \"дані\"}],\n"
        " \"resources\": [{\"id\": \"r%u\", \"name\": \"Дані\", \"format\": \"CSV\",\n"
        "   \"url\": \"https://data.example.gov.ua/dataset/d%u/data.csv\"}]}",
        i ? ",\n" : "", i, i, prefix, title, holder, i, pub, pub, regions[pub % 6],
        frequencies[rng_below(6)], month > 9 ? 9 : month, i, i);
}

static int write_catalog(const char *path, const struct titles *t, unsigned n)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f,
            "{\"help\": \"package_search\", \"success\": true,\n"
            " \"result\": {\"count\": %u, \"results\": [\n",
            n);
    for (unsigned i = 0; i < n; i++)
        dataset(f, t, i);
    fputs("]}}\n", f);
    return fclose(f) == 0 ? 0 : -1;
}

struct run_stat {
    int status;
    double wall_s;
    long maxrss_kib;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int run(char *const argv[], struct run_stat *st)
{
    double t0 = now_s();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int nul = open("/dev/null", O_RDWR);
        if (nul < 0 || dup2(nul, STDIN_FILENO) < 0 || dup2(nul, STDOUT_FILENO) < 0)
            _exit(126);
        execv(argv[0], argv);
        _exit(127);
    }
    struct rusage ru;
    while (wait4(pid, &st->status, 0, &ru) < 0)
        if (errno != EINTR)
            return -1;
    st->wall_s = now_s() - t0;
    st->maxrss_kib = ru.ru_maxrss;
    return 0;
}

struct options {
    unsigned datasets, runs;
    const char *yakist, *perelik, *dir;
};

/* Best wall time and highest RSS over the runs; false when a run failed. */
static bool time_audit(const struct options *o, char *const argv[], const char *name)
{
    double best = 0;
    long rss = 0;
    for (unsigned r = 0; r < o->runs; r++) {
        struct run_stat st;
        if (run(argv, &st) != 0 || !WIFEXITED(st.status) || WEXITSTATUS(st.status) != 0) {
            fprintf(stderr, "yakist-audit-bench: %s: the audit failed (status 0x%x)\n", name,
                    (unsigned)st.status);
            return false;
        }
        best = r == 0 || st.wall_s < best ? st.wall_s : best;
        rss = st.maxrss_kib > rss ? st.maxrss_kib : rss;
    }
    double mib = (double)rss / 1024.0;
    printf("%-14s %8.3f s %10.0f datasets/s %8.1f MiB   target < %.0f s: %s, < %.0f MiB: %s\n",
           name, best, best > 0 ? o->datasets / best : 0.0, mib, TARGET_SECONDS,
           best < TARGET_SECONDS ? "met" : "NOT met", TARGET_RSS_MIB,
           mib < TARGET_RSS_MIB ? "met" : "NOT met");
    return true;
}

static bool check_result(const char *path, unsigned n)
{
    json_error_t err;
    json_t *r = json_load_file(path, 0, &err);
    size_t got = json_array_size(json_object_get(r, "datasets"));
    bool ok = r && got == n;
    if (!ok)
        fprintf(stderr, "yakist-audit-bench: %s: %s\n", path,
                r ? "wrong number of datasets" : err.text);
    else
        printf("audit.json: well-formed, %zu datasets\n", got);
    json_decref(r);
    return ok;
}

static int usage(void)
{
    fputs("usage: yakist-audit-bench [--datasets N] [--runs N] [--dir DIR] [--yakist PATH]\n"
          "                          [--perelik FILE]\n"
          "Writes a CKAN catalog of N datasets (default 40000, metadata only) and times\n"
          "`yakist audit` on it, best of N runs (default 3). --dir keeps the files.\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    struct options o = {
        .datasets = 40000, .runs = 3, .yakist = YK_BENCH_YAKIST, .perelik = YK_BENCH_PERELIK};
    struct titles t = {0};
    char dir[4096], catalog[4200], out[4200], result[4300];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--datasets") == 0 && v && atoi(v) > 0)
            o.datasets = (unsigned)atoi(argv[++i]);
        else if (strcmp(a, "--runs") == 0 && v && atoi(v) > 0)
            o.runs = (unsigned)atoi(argv[++i]);
        else if (strcmp(a, "--dir") == 0 && v)
            o.dir = argv[++i];
        else if (strcmp(a, "--yakist") == 0 && v)
            o.yakist = argv[++i];
        else if (strcmp(a, "--perelik") == 0 && v)
            o.perelik = argv[++i];
        else
            return usage();
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s", o.dir ? o.dir : "");
    if (!o.dir)
        snprintf(dir, sizeof dir, "%s/yakist-audit-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if ((o.dir ? mkdir(dir, 0755) != 0 && errno != EEXIST : !mkdtemp(dir)) ||
        load_titles(o.perelik, &t) < 0)
        return 1;
    snprintf(catalog, sizeof catalog, "%s/catalog.json", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(result, sizeof result, "%s/audit.json", out);
    double t0 = now_s();
    if (write_catalog(catalog, &t, o.datasets) != 0) {
        fprintf(stderr, "yakist-audit-bench: cannot write %s\n", catalog);
        return 1;
    }
    struct stat st;
    stat(catalog, &st);
    printf("generated %s: %u datasets, %.1f MB in %.2f s\n", catalog, o.datasets,
           (double)st.st_size / 1e6, now_s() - t0);
    char *plain[] = {(char *)o.yakist, "audit", "--no-timing", "--as-of",
                     "2025-10-01",     catalog, NULL};
    char *with_json[] = {(char *)o.yakist, "audit", "--no-timing", "--as-of", "2025-10-01",
                         "--out",          out,     catalog,       NULL};
    bool ok = time_audit(&o, plain, "audit") && time_audit(&o, with_json, "audit --out") &&
              check_result(result, o.datasets);
    if (!o.dir) {
        char db[4300];
        snprintf(db, sizeof db, "%s/yakist.db", out);
        unlink(db);
        unlink(result);
        rmdir(out);
        unlink(catalog);
        rmdir(dir);
    }
    for (size_t i = 0; i < t.n; i++)
        free((char *)t.v[i]);
    free(t.v);
    printf("audit bench: %s\n", ok ? "ok" : "FAILED (a run crashed or its result was malformed)");
    return ok ? 0 : 1;
}
