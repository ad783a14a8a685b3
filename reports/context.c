/* yakist — the context an audit report may draw on beyond the audit itself: the history of
 * recorded quarters (trends, the change since the quarter before), read once into the report
 * so every writer sees the same numbers. */
#include <yakist/history.h>

#include "writers.h"

int yk_report_use_history(struct yk_report *rep, const char *path, const char *quarter,
                          struct yk_arena *arena, struct yk_error *err)
{
    struct yk_history *h = NULL;
    struct yk_history_run *runs = NULL;
    struct yk_history_rating rating;
    size_t n = 0;
    int rc = yk_history_open(path, false, &h, err);
    if (rc == YK_ENOTFOUND) {
        yk_error_clear(err);
        return 0;
    }
    if (rc < 0)
        return rc;
    rc = yk_history_runs(h, arena, &runs, &n, err);
    if (rc == 0) {
        rep->history = runs;
        rep->nhistory = n;
        rc = yk_history_rating(h, quarter, arena, &rating, err);
        if (rc == 0) {
            rep->rating = rating.entries;
            rep->nrating = rating.n;
            rep->previous_quarter = rating.previous;
        } else if (rc == YK_ENOTFOUND) {
            yk_error_clear(err);
            rc = 0;
        }
    }
    yk_history_close(h);
    return rc;
}
