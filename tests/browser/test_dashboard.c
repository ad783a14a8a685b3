/* yakist — the browser test of the HTML dashboard: audits the demo council over two quarters
 * (so trends and changes show), opens DIR/dashboard.html in headless Chromium, fails on any
 * console message (a script error, a blocked load, a Content-Security-Policy violation), checks
 * that every KPI number in the rendered page equals the one in DIR/audit.json, saves a
 * screenshot into the build folder, and does the same for the hostile catalog, whose page must
 * hold no script element. Exit 77 (skipped) only when no Chromium can be found.
 *
 * usage: test_dashboard YAKIST SOURCE_ROOT OUTPUT_DIR */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#define SKIP 77
#define TIMEOUT_S 120

static const char *chromium(void)
{
    static const char *const candidates[] = {"/usr/bin/chromium", "/usr/bin/chromium-browser",
                                             "/usr/bin/google-chrome", "/snap/bin/chromium"};
    const char *env = getenv("YAKIST_CHROMIUM");
    if (env && env[0])
        return access(env, X_OK) == 0 ? env : NULL;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++)
        if (access(candidates[i], X_OK) == 0)
            return candidates[i];
    return NULL;
}

/* Run argv in dir with stdout and stderr to files (NULL: /dev/null), in its own process group
 * so a browser that hangs is stopped with all its helpers. Returns the exit status, or -1. */
static int run(const char *dir, char *const argv[], const char *out, const char *err)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        setpgid(0, 0);
        if ((dir && chdir(dir) != 0) || !freopen(out ? out : "/dev/null", "w", stdout) ||
            !freopen(err ? err : "/dev/null", "w", stderr))
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    setpgid(pid, pid);
    struct timespec tick = {0, 100 * 1000 * 1000};
    for (int waited = 0; waited < TIMEOUT_S * 10; waited++) {
        int status;
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (r < 0 && errno != EINTR)
            return -1;
        nanosleep(&tick, NULL);
    }
    fprintf(stderr, "%s did not finish in %d s: stopped\n", argv[0], TIMEOUT_S);
    kill(-pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return -1;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            char *p = realloc(buf, cap = (cap + 4096) * 2);
            if (!p) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = 0;
    if (len)
        *len = n;
    return buf;
}

/* Open a page in the browser: the rendered DOM into dom, the browser's log into log, and a
 * screenshot when shot is not NULL. Returns 0 or -1. */
static int browse(const char *browser, const char *tmp, const char *page, const char *dom,
                  const char *log, const char *shot)
{
    char profile[4096], url[4096], arg[4200];
    snprintf(profile, sizeof profile, "--user-data-dir=%s/profile", tmp);
    snprintf(url, sizeof url, "file://%s", page);
    char *common[] = {(char *)browser,
                      "--headless",
                      "--no-sandbox",
                      "--disable-gpu",
                      "--disable-background-networking",
                      "--disable-component-update",
                      "--disable-sync",
                      "--no-first-run",
                      "--hide-scrollbars",
                      profile,
                      "--enable-logging=stderr",
                      "--v=0",
                      NULL,
                      NULL,
                      NULL,
                      NULL};
    size_t n = 12;
    common[n] = "--dump-dom";
    common[n + 1] = url;
    if (run(NULL, common, dom, log) != 0) {
        fprintf(stderr, "%s could not open %s (log: %s)\n", browser, url, log);
        return -1;
    }
    if (!shot)
        return 0;
    snprintf(arg, sizeof arg, "--screenshot=%s", shot);
    common[n] = "--window-size=1280,2200";
    common[n + 1] = arg;
    common[n + 2] = url;
    char shot_log[4200];
    snprintf(shot_log, sizeof shot_log, "%s.screenshot", log);
    if (run(NULL, common, NULL, shot_log) != 0) {
        fprintf(stderr, "%s could not take a screenshot of %s\n", browser, url);
        return -1;
    }
    return 0;
}

/* Console messages the page caused: script errors, blocked loads, CSP violations. */
static int console_errors(const char *log)
{
    char *text = slurp(log, NULL);
    int bad = 0;
    if (!text) {
        fprintf(stderr, "no browser log at %s\n", log);
        return 1;
    }
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
        if (strstr(line, ":CONSOLE") || strstr(line, "Uncaught") ||
            strstr(line, "Content Security Policy")) {
            fprintf(stderr, "console: %s\n", line);
            bad++;
        }
    free(text);
    return bad;
}

/* --- the DOM ---------------------------------------------------------------------------------- */

static char *prop(xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static xmlNode *find_class(xmlNode *n, const char *cls)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        char *c = prop(n, "class");
        bool hit = c && strcmp(c, cls) == 0;
        xmlFree(c);
        if (hit)
            return n;
        xmlNode *in = find_class(n->children, cls);
        if (in)
            return in;
    }
    return NULL;
}

struct kpi {
    const char *key;
    const char *object, *member; /* in audit.json: kpis.OBJECT.MEMBER */
    bool share;                  /* shown as a per mille share, else a count */
    bool found;
};

/* "42,0 %" for 420 in Ukrainian. */
static void share_text(char *buf, size_t size, long pm)
{
    snprintf(buf, size, "%ld,%ld %%", pm / 10, pm % 10);
}

static int check_tile(xmlNode *tile, struct kpi *k, json_t *kpis)
{
    char *value = prop(tile, "data-value"), *met = prop(tile, "data-met");
    xmlNode *shown = find_class(tile->children, "value");
    xmlChar *text = shown ? xmlNodeGetContent(shown) : NULL;
    json_t *obj = json_object_get(kpis, k->object);
    json_t *want = json_object_get(obj, k->member);
    int bad = 0;
    k->found = true;
    if (!value || !json_is_integer(want) || atol(value) != (long)json_integer_value(want)) {
        fprintf(stderr, "KPI %s: page %s, audit.json %lld\n", k->key, value ? value : "(none)",
                json_is_integer(want) ? (long long)json_integer_value(want) : -1LL);
        bad++;
    } else {
        char expect[64];
        if (k->share)
            share_text(expect, sizeof expect, atol(value));
        else
            snprintf(expect, sizeof expect, "%s", value);
        if (!text || strcmp((const char *)text, expect) != 0) {
            fprintf(stderr, "KPI %s: the page shows '%s', expected '%s'\n", k->key,
                    text ? (const char *)text : "", expect);
            bad++;
        }
    }
    json_t *jmet = json_object_get(obj, "met");
    if (json_is_boolean(jmet) && (!met || strcmp(met, json_is_true(jmet) ? "true" : "false"))) {
        fprintf(stderr, "KPI %s: met is %s in the page, %s in audit.json\n", k->key,
                met ? met : "(none)", json_is_true(jmet) ? "true" : "false");
        bad++;
    }
    xmlFree(value);
    xmlFree(met);
    xmlFree(text);
    return bad;
}

static int walk_tiles(xmlNode *n, struct kpi *kpis, size_t nk, json_t *jk)
{
    int bad = 0;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        char *key = prop(n, "data-kpi");
        if (key) {
            bool known = false;
            for (size_t i = 0; i < nk; i++)
                if (strcmp(kpis[i].key, key) == 0) {
                    bad += check_tile(n, &kpis[i], jk);
                    known = true;
                }
            if (!known && strcmp(key, "score") != 0) {
                fprintf(stderr, "unknown KPI tile '%s'\n", key);
                bad++;
            }
            xmlFree(key);
            continue;
        }
        bad += walk_tiles(n->children, kpis, nk, jk);
    }
    return bad;
}

static int count_elements(xmlNode *n, const char *name)
{
    int c = 0;
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            c += (strcmp((const char *)n->name, name) == 0) + count_elements(n->children, name);
    return c;
}

static xmlNode *find_kpi(xmlNode *n, const char *key)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        char *k = prop(n, "data-kpi");
        bool hit = k && strcmp(k, key) == 0;
        xmlFree(k);
        if (hit)
            return n;
        xmlNode *in = find_kpi(n->children, key);
        if (in)
            return in;
    }
    return NULL;
}

/* The council's score, where audit.json gives it (scores.perMille, or kpis.score.perMille). */
static int check_score(xmlNode *root, json_t *doc)
{
    json_t *pm = json_object_get(json_object_get(doc, "scores"), "perMille");
    if (!pm)
        pm = json_object_get(json_object_get(json_object_get(doc, "kpis"), "score"), "perMille");
    xmlNode *tile = find_kpi(root, "score");
    if (!json_is_integer(pm))
        return 0; /* not in this version of audit.json */
    char *value = tile ? prop(tile, "data-value") : NULL;
    int bad = !value || atol(value) != (long)json_integer_value(pm);
    if (bad)
        fprintf(stderr, "KPI score: page %s, audit.json %lld\n", value ? value : "(none)",
                (long long)json_integer_value(pm));
    xmlFree(value);
    return bad;
}

static htmlDocPtr read_dom(const char *path)
{
    return htmlReadFile(path, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
}

/* The KPI tiles of the rendered page against audit.json. */
static int check_kpis(const char *dom_path, const char *json_path)
{
    struct kpi kpis[] = {
        {"coverage", "coverage", "perMille", true, false},
        {"beyond", "beyondPerelik", "datasets", false, false},
        {"compliance", "compliance", "perMille", true, false},
        {"on-time", "onTime", "perMille", true, false},
    };
    json_error_t jerr;
    json_t *doc = json_load_file(json_path, 0, &jerr);
    htmlDocPtr dom = read_dom(dom_path);
    int bad = 0;
    if (!doc || !dom) {
        fprintf(stderr, "cannot read %s or %s\n", json_path, dom_path);
        bad = 1;
        goto out;
    }
    bad += walk_tiles(xmlDocGetRootElement(dom), kpis, sizeof kpis / sizeof kpis[0],
                      json_object_get(doc, "kpis"));
    bad += check_score(xmlDocGetRootElement(dom), doc);
    for (size_t i = 0; i < sizeof kpis / sizeof kpis[0]; i++)
        if (!kpis[i].found) {
            fprintf(stderr, "the page has no KPI tile '%s'\n", kpis[i].key);
            bad++;
        }
    if (count_elements(xmlDocGetRootElement(dom), "script")) {
        fprintf(stderr, "the dashboard holds a script element\n");
        bad++;
    }
out:
    json_decref(doc);
    if (dom)
        xmlFreeDoc(dom);
    return bad;
}

/* --- main ---------------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: test_dashboard YAKIST SOURCE_ROOT OUTPUT_DIR\n", stderr);
        return 99;
    }
    const char *yakist = argv[1], *root = argv[2], *outdir = argv[3];
    const char *browser = chromium();
    if (!browser) {
        puts("SKIP: no Chromium found (install Debian's chromium package, or set "
             "YAKIST_CHROMIUM)");
        return SKIP;
    }
    char tmp[] = "/tmp/yakist-browser-XXXXXX", p[8][4300];
    if (!mkdtemp(tmp))
        return 99;
    snprintf(p[0], sizeof p[0], "%s/yakist.db", tmp);
    snprintf(p[1], sizeof p[1], "%s/out", tmp);
    char *q2[] = {(char *)yakist, "audit",      "fixtures/chortkiv",
                  "--as-of",      "2025-07-01", "--no-timing",
                  "--history",    p[0],         NULL};
    char *q3[] = {(char *)yakist, "audit",      "fixtures/chortkiv",
                  "--as-of",      "2025-10-01", "--no-timing",
                  "--history",    p[0],         "--out",
                  p[1],           NULL};
    snprintf(p[2], sizeof p[2], "%s/hostile.html", tmp);
    char *hostile[] = {(char *)yakist, "audit",      "fixtures/hostile",
                       "--as-of",      "2025-10-01", "--no-timing",
                       "--format",     "html",       NULL};
    if (run(root, q2, NULL, NULL) != 0 || run(root, q3, NULL, NULL) != 0 ||
        run(root, hostile, p[2], NULL) != 0) {
        fprintf(stderr, "yakist audit failed (in %s)\n", tmp);
        return 1;
    }
    int bad = 0;
    snprintf(p[3], sizeof p[3], "%s/out/dashboard.html", tmp);
    snprintf(p[4], sizeof p[4], "%s/dom.html", tmp);
    snprintf(p[5], sizeof p[5], "%s/browser.log", tmp);
    snprintf(p[6], sizeof p[6], "%s/dashboard.png", outdir);
    if (browse(browser, tmp, p[3], p[4], p[5], p[6]) < 0)
        return 1;
    bad += console_errors(p[5]);
    snprintf(p[7], sizeof p[7], "%s/out/audit.json", tmp);
    bad += check_kpis(p[4], p[7]);
    /* The hostile catalog: nothing from its data may run or load. */
    snprintf(p[4], sizeof p[4], "%s/hostile-dom.html", tmp);
    snprintf(p[5], sizeof p[5], "%s/hostile.log", tmp);
    snprintf(p[6], sizeof p[6], "%s/hostile.png", outdir);
    if (browse(browser, tmp, p[2], p[4], p[5], p[6]) < 0)
        return 1;
    bad += console_errors(p[5]);
    htmlDocPtr dom = read_dom(p[4]);
    if (!dom || count_elements(xmlDocGetRootElement(dom), "script") ||
        count_elements(xmlDocGetRootElement(dom), "img")) {
        fprintf(stderr, "the hostile page holds a script or img element\n");
        bad++;
    }
    if (dom)
        xmlFreeDoc(dom);
    xmlCleanupParser();
    if (bad) {
        fprintf(stderr, "%d problems; the pages and logs are in %s\n", bad, tmp);
        return 1;
    }
    printf("ok: the dashboard renders without console messages, its KPIs match audit.json;\n"
           "screenshots: %s/dashboard.png, %s/hostile.png\n",
           outdir, outdir);
    char *rm[] = {"/bin/rm", "-rf", tmp, NULL};
    run(NULL, rm, NULL, NULL);
    return 0;
}
