#!/bin/sh
# yakist — run `yakist ARGS... --out TMP` and print the file TMP/NAME on stdout (rating.csv,
# findings.csv, dashboard.html ...), so run.sh can compare it byte for byte; the report on stdout
# is dropped, stderr and the exit code pass through.
#
# usage: audit_out.sh NAME YAKIST ARGS...
set -u
name=$1 yakist=$2
shift 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/yakist-out.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
"$yakist" "$@" --out "$tmp/out" >/dev/null
rc=$?
if [ -f "$tmp/out/$name" ]; then
    cat "$tmp/out/$name"
fi
exit $rc
