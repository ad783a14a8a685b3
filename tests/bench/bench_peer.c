/* The benchmark's JavaScript peer (bench_peer.h): installs tableschema from npm into a temporary
 * folder and writes the Node script bench.c times. Any missing piece (node, npm, the registry)
 * turns into a reason to skip, never into a failure. */
#define _XOPEN_SOURCE 700 /* nftw(), mkdtemp() */
#include "bench_peer.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Casts every row (types and constraints, unique included) and counts the rows that fail:
 * forceCast hands back the error in place of the row instead of stopping at the first one. */
static const char script_text[] =
    "// Written by yakist-bench: validates a CSV against a Table Schema with tableschema.\n"
    "const fs = require('fs')\n"
    "const {Table} = require('tableschema')\n"
    "async function main () {\n"
    "  const [source, schemaPath] = process.argv.slice(2)\n"
    "  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'))\n"
    "  const table = await Table.load(source, {schema})\n"
    "  let rows = 0, errors = 0\n"
    "  for await (const row of await table.iter({forceCast: true})) {\n"
    "    rows++\n"
    "    if (row instanceof Error) errors += row.errors ? row.errors.length : 1\n"
    "  }\n"
    "  console.log(`rows ${rows} errors ${errors}`)\n"
    "}\n"
    "main().catch((e) => { console.error(e && e.stack ? e.stack : String(e)); process.exit(2) })\n";

/* The first executable NAME in a PATH directory, into buf. */
static bool find_in_path(const char *name, char *buf, size_t n)
{
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        if (len > 0 && (size_t)snprintf(buf, n, "%.*s/%s", (int)len, path, name) < n &&
            access(buf, X_OK) == 0)
            return true;
        path = end ? end + 1 : NULL;
    }
    return false;
}

/* Runs argv (a shebang script is fine) with stdout into out (or /dev/null) and stderr into
 * err; true when it exits with status 0. */
static bool run_quiet(char *const argv[], const char *out, const char *err)
{
    pid_t pid = fork();
    int status;
    if (pid < 0)
        return false;
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        int o = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || o < 0 || e < 0 || dup2(in, 0) < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0)
            _exit(126);
        execv(argv[0], argv);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0)
        ;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* `npm view tableschema version`: the version to install, so the report can name it. */
static bool npm_version(struct bench_peer *p, char *npm, char *why, size_t why_n)
{
    char out[4200], err[4200];
    snprintf(out, sizeof out, "%s/npm-view.out", p->dir);
    snprintf(err, sizeof err, "%s/npm-view.err", p->dir);
    char *argv[] = {npm, "view", "tableschema", "version", NULL};
    FILE *f = NULL;
    if (!run_quiet(argv, out, err) || (f = fopen(out, "r")) == NULL ||
        fscanf(f, "%63s", p->version) != 1) {
        snprintf(why, why_n, "`npm view tableschema version` failed (no registry?), see %s", err);
        if (f)
            fclose(f);
        return false;
    }
    fclose(f);
    return true;
}

static bool npm_install(struct bench_peer *p, char *npm, char *why, size_t why_n)
{
    char spec[128], err[4200];
    snprintf(spec, sizeof spec, "tableschema@%s", p->version);
    snprintf(err, sizeof err, "%s/npm-install.err", p->dir);
    char *argv[] = {npm,       "install", "--prefix", p->dir, "--no-audit", "--no-fund",
                    "--silent", spec,     NULL};
    if (!run_quiet(argv, NULL, err)) {
        snprintf(why, why_n, "`npm install %s` failed, see %s", spec, err);
        return false;
    }
    return true;
}

int bench_peer_init(struct bench_peer *p, const char *tmp_base, char *why, size_t why_n)
{
    char npm[4096];
    memset(p, 0, sizeof *p);
    if (!find_in_path("node", p->node, sizeof p->node)) {
        snprintf(why, why_n, "node is not on PATH");
        return -1;
    }
    if (!find_in_path("npm", npm, sizeof npm)) {
        snprintf(why, why_n, "npm is not on PATH");
        return -1;
    }
    snprintf(p->dir, sizeof p->dir, "%s/yakist-bench-js-XXXXXX", tmp_base);
    if (mkdtemp(p->dir) == NULL) {
        snprintf(why, why_n, "cannot make a temporary folder under %s", tmp_base);
        p->dir[0] = '\0';
        return -1;
    }
    if (!npm_version(p, npm, why, why_n) || !npm_install(p, npm, why, why_n))
        return -1;
    snprintf(p->script, sizeof p->script, "%s/validate.js", p->dir);
    FILE *f = fopen(p->script, "w");
    if (f == NULL || fputs(script_text, f) == EOF || fclose(f) != 0) {
        snprintf(why, why_n, "cannot write %s", p->script);
        return -1;
    }
    p->ready = true;
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

void bench_peer_fini(struct bench_peer *p, bool keep)
{
    if (p == NULL || p->dir[0] == '\0')
        return;
    if (keep)
        printf("tableschema kept in %s\n", p->dir);
    else
        nftw(p->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    p->dir[0] = '\0';
}
