# test_drill.sh - scripted drills (docs/contract.md §1, §8): every shipped
# scenario's true answers with all its expected actions score 100, an empty
# answers file scores low, drills stay out of the normal lists, and a drill's
# PDF carries 「訓練 / TRAINING」 on every page.
export ANSHIN_IR_NOW="2026-11-25 10:00"
air drill --list
expect_rc 0 "drill --list"
LIST=$OUT
n=$(printf '%s\n' "$OUT" | grep -c .)
if [ "$n" -ge 8 ]; then pass; else fail "at least 8 scenarios, got $n" "$OUT"; fi
for f in "$REPO"/data/drills/*.drill; do
	name=$(basename "$f" .drill)
	if printf '%s\n' "$LIST" | grep -q "^$name	."; then pass; else
		fail "drill --list names $name with its title" "$LIST"; fi
	# the truth as an answers file: one line per answer
	data_joined "$f" | sed -n '/^\[truth\]/,/^\[/p' | grep -v '^\[' \
	    >"$TMP/$name.truth"
	actions=$(data_joined "$f" | sed -n 's/^actions *= *//p' | tr -d ' ')
	air drill "$name" --answers "$TMP/$name.truth" --actions "$actions" --by 研修生
	expect_rc 0 "scripted drill $name"
	ref=$OUT
	case "$ref" in D2026-*) pass ;; *) fail "drill reference starts with D: '$ref'" ;; esac
	air score "$ref"
	expect_eq "$(printf '%s\n' "$OUT" | head -1)" "score=100" "$name: truth and all actions score 100"
	expect_out_lacks "missed=" "$name: nothing missed"
	expect_out_lacks "wrong=" "$name: nothing wrong"
done

# A scenario's dates are its own: played months before them, its truth is
# not "in the future", and a real incident's still is.
LATE_TRUTH="$TMP/laptop-stolen-from-car.truth"
ANSHIN_IR_NOW="2026-01-05 09:00" air drill laptop-stolen-from-car \
    --answers "$LATE_TRUTH" --actions "$(data_joined \
    "$REPO/data/drills/laptop-stolen-from-car.drill" |
    sed -n 's/^actions *= *//p' | tr -d ' ')"
expect_rc 0 "a drill played before its scenario's dates"
air score "$OUT"
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "score=100" \
    "played before its dates, the truth still scores 100"
ANSHIN_IR_NOW="2026-01-05 09:00" air --lang en new --answers "$LATE_TRUTH"
expect_rc 65 "the same answers as a real incident are in the future"
expect_err_has "in the future" "the future check names the problem"
printf 'kind = other\n' >"$TMP/empty.answers"
air drill lost-smartphone --answers "$TMP/empty.answers"
EMPTY=$OUT
air score "$EMPTY"
score=$(printf '%s\n' "$OUT" | sed -n 's/^score=//p')
if [ -n "$score" ] && [ "$score" -lt 30 ]; then pass; else fail "an empty run scores low, got '$score'" "$OUT"; fi
expect_out_has "missed=suspend_user_id" "empty run lists missed actions"
expect_out_has "wrong=kind" "empty run lists wrong answers"
air drill lost-smartphone --answers "$TMP/empty.answers" --actions isolate_system
expect_rc 65 "an action that does not apply to the answers"
air drill no-such-scenario --answers "$TMP/empty.answers"
expect_rc 66 "unknown scenario"
air drill lost-smartphone --actions change_password
expect_rc 64 "--actions without --answers"
air drill --answers "$TMP/empty.answers"
expect_rc 64 "--answers without a scenario"
expect_err_has "drill --list" "--answers without a scenario points to the list"

# Drills never mix with real incidents.
new_incident "$REPO/tests/fixtures/lost-tablet.answers"
REAL=$REF
air list --all --format tsv
expect_out_has "$REAL	" "real incident listed"
expect_out_lacks "D2026-" "drills stay out of list"
air list --drills --all --format tsv
expect_out_has "$EMPTY	" "list --drills shows the drill runs"
if printf '%s\n' "$OUT" | grep -q "^$REAL	"; then
	fail "list --drills shows no real incident" "$OUT"; else pass; fi
air score "$REAL"
expect_rc 65 "score of a real incident"
air drill --history
expect_out_has "研修生" "history names the trainee"
expect_out_has "lost-smartphone" "history names the scenario"
air drill --history verbal-leak
expect_out_lacks "lost-smartphone" "history filtered by scenario"

# The training watermark on every page of a drill's report, none on a real one.
air export "$EMPTY" -o "$TMP/drill.pdf"
expect_rc 0 "export a drill"
pages=$(pdfinfo "$TMP/drill.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "$pages"); do
	# rotated text comes out a character per line in -raw mode
	if pdftotext -raw -f "$p" -l "$p" "$TMP/drill.pdf" - 2>/dev/null | tr -d '\n ' |
	    grep -q '訓練/TRAINING'; then pass; else fail "watermark on page $p of $pages"; fi
done
air export "$REAL" -o "$TMP/real.pdf"
if pdftotext -raw "$TMP/real.pdf" - 2>/dev/null | tr -d '\n ' | grep -q 'TRAINING'; then
	fail "a real incident's report has no training watermark"; else pass; fi
