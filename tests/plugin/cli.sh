#!/bin/sh
# yakist — run the CLI from the source root and check only its exit code and that stderr holds
# each given text (for outputs that name files in the build directory).
#
# usage: cli.sh YAKIST SOURCE_ROOT EXIT_CODE TEXT... -- ARGS...
set -u
yakist=$1 root=$2 want_rc=$3
shift 3
case $yakist in
/*) ;;
*) yakist=$(pwd)/$yakist ;;
esac
tmp=$(mktemp "${TMPDIR:-/tmp}/yakist-cli.XXXXXX") || exit 99
trap 'rm -f "$tmp"' EXIT INT TERM
texts=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
    texts="$texts$1
"
    shift
done
shift
cd "$root" || exit 99
"$yakist" "$@" >/dev/null 2>"$tmp"
rc=$?
failed=0
if [ "$rc" -ne "$want_rc" ]; then
    echo "FAIL: exit code $rc, expected $want_rc"
    failed=1
fi
printf '%s' "$texts" | while IFS= read -r text; do
    if ! grep -F -q -e "$text" "$tmp"; then
        echo "FAIL: stderr does not contain: $text"
        exit 1
    fi
done || failed=1
if [ $failed -ne 0 ]; then
    echo "stderr was:"
    cat "$tmp"
fi
exit $failed
