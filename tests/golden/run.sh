#!/bin/sh
# yakist — one golden test: run the built yakist from the source root (so paths in its output
# are stable), then compare its exit code, stdout and stderr byte for byte with
# tests/golden/expected/NAME.out and NAME.err (no .err file: stderr must be empty).
# YAKIST_GOLDEN_UPDATE=1 rewrites the expected files instead; review the diff before committing.
#
# usage: run.sh YAKIST SOURCE_ROOT NAME EXIT_CODE [--stderr-has TEXT]... -- ARGS...
set -u

if [ $# -lt 5 ]; then
    echo "usage: run.sh YAKIST SOURCE_ROOT NAME EXIT_CODE [--stderr-has TEXT]... -- ARGS..." >&2
    exit 99
fi
yakist=$1 root=$2 name=$3 want_rc=$4
shift 4
case $yakist in
/*) ;;
*) yakist=$(pwd)/$yakist ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/yakist-golden.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
: >"$tmp/has"
while [ $# -gt 0 ]; do
    case $1 in
    --stderr-has)
        printf '%s\n' "$2" >>"$tmp/has"
        shift 2
        ;;
    --)
        shift
        break
        ;;
    *)
        echo "run.sh: unexpected argument '$1'" >&2
        exit 99
        ;;
    esac
done

cd "$root" || exit 99
expected=tests/golden/expected/$name
"$yakist" "$@" >"$tmp/out" 2>"$tmp/err"
rc=$?
failed=0

if [ "$rc" -ne "$want_rc" ]; then
    echo "FAIL $name: exit code $rc, expected $want_rc"
    failed=1
fi
while IFS= read -r text; do
    if ! grep -F -q -e "$text" "$tmp/err"; then
        echo "FAIL $name: stderr does not contain: $text"
        failed=1
    fi
done <"$tmp/has"

if [ "${YAKIST_GOLDEN_UPDATE:-0}" = 1 ]; then
    cp "$tmp/out" "$expected.out" || exit 99
    if [ -s "$tmp/err" ]; then
        cp "$tmp/err" "$expected.err" || exit 99
    else
        rm -f "$expected.err"
    fi
    echo "updated $expected.out"
else
    # compare FILE EXPECTED: show a diff when they differ.
    compare() {
        if ! cmp -s "$1" "$2"; then
            echo "FAIL $name: $3 differs from $2 (YAKIST_GOLDEN_UPDATE=1 rewrites it):"
            diff -u "$2" "$1" | head -n 60
            failed=1
        fi
    }
    if [ -f "$expected.out" ]; then
        compare "$tmp/out" "$expected.out" stdout
    else
        echo "FAIL $name: $expected.out is missing (YAKIST_GOLDEN_UPDATE=1 writes it)"
        failed=1
    fi
    if [ -f "$expected.err" ]; then
        compare "$tmp/err" "$expected.err" stderr
    elif [ -s "$tmp/err" ]; then
        echo "FAIL $name: unexpected output on stderr:"
        head -n 20 "$tmp/err"
        failed=1
    fi
fi

if [ "$failed" -ne 0 ]; then
    echo "command: yakist $*"
    exit 1
fi
echo "ok $name"
exit 0
