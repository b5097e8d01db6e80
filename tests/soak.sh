#!/usr/bin/env bash
# soak.sh - the long run of the kill and concurrency tests of
# tests/e2e/test_reliability.sh (`make soak`): $SOAK_ITERATIONS commands
# (default 2000) killed at random moments by SIGKILL, SIGTERM and SIGHUP,
# then writers in parallel ($SOAK_WRITER_NOTES notes each, default a
# quarter of the iterations), each followed by the same checks: integrity,
# every acknowledged change present, every hash chain verified.
#
# A rare race or a torn write shows up in thousands of runs, not in the
# hundred `make check` can afford. Prints "soak: N passed, M failed" and
# exits 1 when any check failed; RELIABILITY_SEED repeats a run.
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/e2e/lib.sh

SOAK_ITERATIONS=${SOAK_ITERATIONS:-2000}
SOAK_WRITER_NOTES=${SOAK_WRITER_NOTES:-$((SOAK_ITERATIONS / 4))}

case "$SOAK_ITERATIONS$SOAK_WRITER_NOTES" in
*[!0-9]*) echo "soak: SOAK_ITERATIONS and SOAK_WRITER_NOTES must be numbers" >&2
	exit 64 ;;
esac

TEST_NAME=soak
setup_env
REL_DEFINE_ONLY=1
# shellcheck source=e2e/test_reliability.sh
. tests/e2e/test_reliability.sh
echo "soak: $SOAK_ITERATIONS kills, 2 x $SOAK_WRITER_NOTES concurrent notes (RELIABILITY_SEED=$REL_SEED)"
start=$(date +%s)
rel_kill_test "$SOAK_ITERATIONS"
rel_concurrency_test "$SOAK_WRITER_NOTES"
teardown_env
echo "soak: took $(($(date +%s) - start)) s"
echo "soak: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
