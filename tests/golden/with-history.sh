#!/bin/sh
# yakist — a golden test on the history of the demo council: audits fixtures/chortkiv as of
# 2025-07-01 and 2025-10-01 (the quarters 2025Q2 and 2025Q3) into a fresh history file, puts
# its path where the arguments say @DB@, then compares through run.sh (same arguments).
#
# usage: with-history.sh YAKIST SOURCE_ROOT NAME EXIT_CODE [--stderr-has TEXT]... -- ARGS...
set -u

if [ $# -lt 5 ]; then
    echo "usage: with-history.sh YAKIST SOURCE_ROOT NAME EXIT_CODE [...] -- ARGS..." >&2
    exit 99
fi
yakist=$1 root=$2
case $yakist in
/*) ;;
*) yakist=$(pwd)/$yakist ;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 99

tmp=$(mktemp -d "${TMPDIR:-/tmp}/yakist-history.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/yakist.db
for date in 2025-07-01 2025-10-01; do
    if ! (cd "$root" && "$yakist" audit fixtures/chortkiv --as-of "$date" --no-timing \
        --history "$db" >"$tmp/audit.out" 2>&1); then
        echo "with-history.sh: the audit as of $date failed:"
        head -n 20 "$tmp/audit.out"
        exit 99
    fi
done

first=1
for arg do
    if [ "$first" = 1 ]; then
        set --
        first=0
    fi
    [ "$arg" = @DB@ ] && arg=$db
    set -- "$@" "$arg"
done
sh "$here/run.sh" "$@"
