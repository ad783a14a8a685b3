/* yakist — the resource checks of an audit, in parallel: every local resource (and, with
 * fetching, every remote one) is one job; opt->jobs threads take jobs in catalog order, each
 * checking into its own arena (arenas are not thread-safe), and store each result at its
 * job's index, so the results are the same whatever the number of threads. The calling thread
 * only waits and reports progress. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit_priv.h"

struct job {
    struct yk_dataset_result *dr;
    size_t resource;
};

struct pool {
    struct audit *a;
    struct job *jobs;
    size_t njobs;
    struct yk_file_result **out; /* by job */
    pthread_mutex_t lock;
    pthread_cond_t done_cond;
    size_t next;   /* the next job to take */
    size_t *order; /* jobs in the order they were done */
    size_t ndone, running;
    /* The failure of the lowest-numbered job that failed, so the error does not depend on
     * the threads either. */
    size_t failed;
    struct yk_error fail;
};

struct worker {
    struct pool *pool;
    struct yk_arena *arena;
    pthread_t thread;
};

static bool wanted(const struct audit *a, const struct yk_resource *r)
{
    return (r->location == YK_RES_LOCAL && r->path) ||
           (r->location == YK_RES_REMOTE && a->opt->fetch && r->url);
}

/* A result for a download that failed: unreadable, with the reason, under the URL. */
static int unreadable(const char *url, const struct yk_error *why, struct yk_arena *arena,
                      struct yk_file_result **out)
{
    struct yk_file_result *r = yk_arena_calloc(arena, 1, sizeof *r);
    if (!r || !(r->path = yk_arena_strdup(arena, url)))
        return YK_ENOMEM;
    r->info.path = r->path;
    r->error = *why;
    r->readable = false;
    *out = r;
    return 0;
}

static int check_remote(const struct audit *a, const struct yk_check_options *opt,
                        const struct yk_resource *r, struct yk_arena *arena,
                        struct yk_file_result **out, struct yk_error *err)
{
    const char *path = NULL;
    bool temporary = false;
    int rc = yk_fetch(r->url, a->opt->cache_dir, arena, &path, &temporary, err);
    if (rc == YK_EIO)
        return unreadable(r->url, err, arena, out);
    if (rc < 0)
        return rc;
    rc = yk_check_file(path, opt, arena, out, err);
    if (temporary) {
        unlink(path);
        char *dir = yk_arena_strdup(arena, path), *slash = dir ? strrchr(dir, '/') : NULL;
        if (slash) {
            *slash = 0;
            rmdir(dir);
        }
    }
    if ((rc == 0 || rc == YK_EIO || rc == YK_ENOTFOUND) && *out) {
        char *shown = yk_arena_strdup(arena, r->url);
        if (!shown)
            return YK_ENOMEM;
        (*out)->path = (*out)->info.path = shown;
    }
    return rc;
}

/* A structure description of its dataset is read as one (audit_schema.c), not checked as
 * data: a readable file without findings. */
static int structure_result(const struct yk_resource *r, struct yk_arena *arena,
                            struct yk_file_result **out)
{
    struct yk_file_result *f = yk_arena_calloc(arena, 1, sizeof *f);
    if (!f || !(f->path = yk_arena_strdup(arena, r->path)))
        return YK_ENOMEM;
    f->info.path = f->path;
    f->readable = true;
    f->worst = YK_SEV_OFF;
    *out = f;
    return 0;
}

/* One job: 0 with *out, or a failure of yakist itself (err set). */
static int run_job(const struct audit *a, const struct job *j, struct yk_arena *arena,
                   struct yk_file_result **out, struct yk_error *err)
{
    const struct yk_resource *r = &j->dr->dataset->resources[j->resource];
    const struct yk_audit_plan *plan = &a->plans[j->dr - a->res->datasets][j->resource];
    struct yk_check_options opt = a->check;
    int rc;
    yk_error_clear(err);
    *out = NULL;
    opt.schema = NULL;
    opt.schema_discover = plan->discover;
    opt.schema_use = plan->use.origin != YK_SCHEMA_ORIGIN_NONE ? &plan->use : NULL;
    if (plan->structure)
        rc = structure_result(r, arena, out);
    else if (r->location == YK_RES_LOCAL)
        rc = yk_check_file(r->path, &opt, arena, out, err);
    else
        rc = check_remote(a, &opt, r, arena, out, err);
    /* A file that is gone or cannot be read is described by its result (readable false). */
    if ((rc == YK_EIO || rc == YK_ENOTFOUND) && *out)
        rc = 0;
    if (rc == YK_ENOMEM && !err->message[0])
        yk_error_set(err, YK_ENOMEM, r->path ? r->path : r->url, 0, 0, "out of memory");
    return rc;
}

static void *work(void *arg)
{
    struct worker *w = arg;
    struct pool *p = w->pool;
    struct yk_error err;
    pthread_mutex_lock(&p->lock);
    while (p->next < p->njobs && p->failed == SIZE_MAX) {
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        struct yk_file_result *res = NULL;
        int rc = run_job(p->a, &p->jobs[i], w->arena, &res, &err);
        pthread_mutex_lock(&p->lock);
        p->out[i] = res;
        if (rc < 0 && i < p->failed) {
            p->failed = i;
            p->fail = err;
        }
        p->order[p->ndone++] = i;
        pthread_cond_signal(&p->done_cond);
    }
    p->running--;
    pthread_cond_signal(&p->done_cond);
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static void progress(const struct pool *p, size_t done, size_t job)
{
    const struct yk_audit_options *opt = p->a->opt;
    const struct yk_resource *r = &p->jobs[job].dr->dataset->resources[p->jobs[job].resource];
    if (opt->progress)
        opt->progress(opt->progress_ctx, done, p->njobs, r->path ? r->path : r->url);
}

static void run_inline(struct pool *p, struct yk_arena *arena)
{
    struct yk_error err;
    for (size_t i = 0; i < p->njobs; i++) {
        int rc = run_job(p->a, &p->jobs[i], arena, &p->out[i], &err);
        if (rc < 0) {
            p->failed = i;
            p->fail = err;
            return;
        }
        progress(p, i + 1, i);
    }
}

/* Wait for the workers, reporting each job done from this thread. */
static void wait_workers(struct pool *p)
{
    size_t reported = 0;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (reported == p->ndone && p->running > 0)
            pthread_cond_wait(&p->done_cond, &p->lock);
        size_t upto = p->ndone;
        bool finished = p->running == 0;
        pthread_mutex_unlock(&p->lock);
        for (; reported < upto; reported++)
            progress(p, reported + 1, p->order[reported]);
        pthread_mutex_lock(&p->lock);
        if (finished && reported == p->ndone)
            break;
    }
    pthread_mutex_unlock(&p->lock);
}

/* Every worker arena is tied to the audit's arena before any result lands in it. */
static int make_workers(struct pool *p, struct worker *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        w[i].pool = p;
        w[i].arena = yk_arena_create(0);
        if (!w[i].arena ||
            yk_arena_defer(p->a->arena, (void (*)(void *))yk_arena_destroy, w[i].arena) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

static int run_threads(struct pool *p, size_t nthreads)
{
    struct worker *w = calloc(nthreads, sizeof *w);
    size_t started = 0;
    int rc = 0;
    if (!w || make_workers(p, w, nthreads) < 0) {
        free(w);
        return yk_error_set(p->a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (nthreads == 1) {
        run_inline(p, w[0].arena);
        free(w);
        return 0;
    }
    pthread_mutex_lock(&p->lock);
    for (; started < nthreads; started++) {
        if (pthread_create(&w[started].thread, NULL, work, &w[started]) != 0)
            break;
        p->running++;
    }
    pthread_mutex_unlock(&p->lock);
    if (started == 0)
        rc = yk_error_set(p->a->err, YK_EINTERNAL, NULL, 0, 0, "cannot start a thread");
    else
        wait_workers(p);
    for (size_t i = 0; i < started; i++)
        pthread_join(w[i].thread, NULL);
    free(w);
    return rc;
}

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1u : n > (long)YK_AUDIT_JOBS_MAX ? YK_AUDIT_JOBS_MAX : (unsigned)n;
}

static int list_jobs(struct pool *p)
{
    struct yk_audit_result *res = p->a->res;
    size_t n = 0;
    for (size_t i = 0; i < res->ndatasets; i++)
        for (size_t j = 0; j < res->datasets[i].dataset->nresources; j++)
            n += wanted(p->a, &res->datasets[i].dataset->resources[j]);
    p->jobs = calloc(n ? n : 1, sizeof *p->jobs);
    p->out = calloc(n ? n : 1, sizeof *p->out);
    p->order = calloc(n ? n : 1, sizeof *p->order);
    if (!p->jobs || !p->out || !p->order)
        return YK_ENOMEM;
    for (size_t i = 0; i < res->ndatasets; i++)
        for (size_t j = 0; j < res->datasets[i].dataset->nresources; j++)
            if (wanted(p->a, &res->datasets[i].dataset->resources[j]))
                p->jobs[p->njobs++] = (struct job){&res->datasets[i], j};
    return 0;
}

int yk_audit_check_resources(struct audit *a)
{
    struct pool p = {.a = a, .failed = SIZE_MAX};
    int rc = 0;
    if (list_jobs(&p) < 0) {
        rc = yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    if (a->opt->fetch && (rc = yk_fetch_init(a->err)) < 0)
        goto out;
    unsigned jobs = a->opt->jobs ? a->opt->jobs : default_jobs();
    size_t nthreads = p.njobs < jobs ? p.njobs : jobs;
    if (nthreads && pthread_mutex_init(&p.lock, NULL) != 0) {
        rc = yk_error_set(a->err, YK_EINTERNAL, NULL, 0, 0, "cannot set up the threads");
    } else if (nthreads) {
        if (pthread_cond_init(&p.done_cond, NULL) == 0) {
            rc = run_threads(&p, nthreads);
            pthread_cond_destroy(&p.done_cond);
        } else {
            rc = yk_error_set(a->err, YK_EINTERNAL, NULL, 0, 0, "cannot set up the threads");
        }
        pthread_mutex_destroy(&p.lock);
    }
    if (rc == 0 && p.failed != SIZE_MAX) {
        *a->err = p.fail;
        rc = p.fail.code < 0 ? (int)p.fail.code : YK_EINTERNAL;
    }
    for (size_t i = 0; rc == 0 && i < p.njobs; i++) {
        const struct yk_file_result *r = p.out[i];
        /* The array is the audit's own (audit.c allocates it); only readers see it const. */
        ((struct yk_file_result **)p.jobs[i].dr->resources)[p.jobs[i].resource] = p.out[i];
        if (r)
            yk_audit_add_counts(a, r->counts, r->ncounts);
    }
out:
    free(p.jobs);
    free(p.out);
    free(p.order);
    return rc;
}
