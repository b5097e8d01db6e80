#!/usr/bin/env bash
# run.sh - runs every tests/e2e/test_*.sh (or those named) and prints the
# closing line "e2e: N passed, M failed"; exits 1 when any check failed.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(tests/e2e/test_*.sh)
for f in "${files[@]}"; do
	TEST_NAME=$(basename "$f" .sh)
	if [ ! -f "$f" ]; then
		echo "FAIL $TEST_NAME: no such test file $f"
		FAILED=$((FAILED + 1))
		continue
	fi
	failed_before_file=$FAILED
	setup_env
	# shellcheck disable=SC1090
	. "$f"
	# screens a file left unchecked (it did not end with tm_kill_server)
	[ -d "$TMP/captures" ] && tm_check_captures
	teardown_env
	if [ "$FAILED" = "$failed_before_file" ]; then echo "ok   $TEST_NAME"; else
		echo "FAIL $TEST_NAME"; fi
done
[ "${TM_CHECKED:-0}" -gt 0 ] &&
	echo "e2e: $TM_CHECKED screens checked: no internal id, a title and a label"
echo "e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
