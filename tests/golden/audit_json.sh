#!/bin/sh
# yakist — run `yakist audit ARGS... --out TMP` and print TMP/audit.json on stdout, so run.sh can
# compare the audit result byte for byte (the summary on stdout is dropped; stderr and the exit
# code pass through).
#
# usage: audit_json.sh YAKIST ARGS...
set -u
yakist=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/yakist-audit.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
"$yakist" "$@" --out "$tmp/out" >/dev/null
rc=$?
if [ -f "$tmp/out/audit.json" ]; then
    cat "$tmp/out/audit.json"
fi
exit $rc
