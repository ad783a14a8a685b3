#!/bin/sh
# yakist — the audit result must not depend on the number of threads: audit a catalog with
# --jobs 1, 2, 4 and 8 and compare the JSON results (and the summaries) byte for byte.
#
# usage: audit_jobs.sh YAKIST SOURCE_ROOT CATALOG [ARGS...]
set -u
yakist=$1 root=$2 catalog=$3
shift 3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/yakist-jobs.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$root" || exit 99
failed=0
for jobs in 1 2 4 8; do
    "$yakist" audit --no-timing --jobs $jobs --out "$tmp/j$jobs" "$@" "$catalog" >"$tmp/j$jobs.txt"
    rc=$?
    if [ "$rc" -ne 0 ] || [ ! -s "$tmp/j$jobs/audit.json" ]; then
        echo "FAIL: --jobs $jobs: exit code $rc, or no audit.json"
        failed=1
    elif [ "$jobs" -ne 1 ]; then
        for f in j$jobs/audit.json j$jobs.txt; do
            base=$(echo "$f" | sed "s/^j$jobs/j1/")
            if ! cmp -s "$tmp/$base" "$tmp/$f"; then
                echo "FAIL: --jobs $jobs gives another $f than --jobs 1:"
                diff -u "$tmp/$base" "$tmp/$f" | head -n 40
                failed=1
            fi
        done
    fi
done
[ "$failed" -eq 0 ] && echo "ok: $catalog gives the same result with --jobs 1, 2, 4 and 8"
exit $failed
