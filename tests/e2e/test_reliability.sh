# test_reliability.sh - the record survives what happens to it in real
# life: the CLI killed by SIGKILL, SIGTERM or SIGHUP at random
# moments while writing, two writers at once, a full disk, unsafe
# directories, and answers crafted to take over the terminal.
#
# What is checked is what a regulator would ask: the database passes
# PRAGMA integrity_check, every change the program acknowledged (exit 0)
# is in the timeline, the hash chain still verifies, an answer and its
# timeline event are never split, a failed write leaves earlier data as
# it was, and no escape sequence, C1 control, BEL or bidi override
# reaches a terminal through show, checklist, timeline or list.
#
# Sourced by run.sh (lib.sh helpers, $TMP, $BIN, a fixed clock). With
# REL_DEFINE_ONLY=1 it only defines the rel_* functions: tests/soak.sh
# runs the kill and concurrency parts for many more iterations. Random
# moments come from $RANDOM seeded with RELIABILITY_SEED (printed on a
# failure) so that a failing run can be repeated.

REL_FIX="$REPO/tests/fixtures"
REL_SEED=${RELIABILITY_SEED:-$$}
RANDOM=$REL_SEED

# ---- helpers -----------------------------------------------------------

rel_fail() { fail "$1 (RELIABILITY_SEED=$REL_SEED)" "${2:-}"; }

rel_check() {	# rel_check CONDITION-STATUS DESCRIPTION [DETAIL]
	if [ "$1" = 0 ]; then pass; else rel_fail "$2" "${3:-}"; fi
}

rel_now_ms() { echo $(($(date +%s%N) / 1000000)); }

rel_sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

rel_integrity() {	# rel_integrity WHEN: the database file is sound
	local r
	r=$(sqlite3 "$ANSHIN_IR_DB" 'PRAGMA integrity_check' 2>&1)
	expect_eq "$r" "ok" "integrity_check $1"
	r=$(sqlite3 "$ANSHIN_IR_DB" 'PRAGMA foreign_key_check' 2>&1)
	expect_eq "$r" "" "foreign_key_check $1"
}

rel_refs() {	# every incident reference, one per line
	"$BIN" list --all --format tsv | tail -n +2 | cut -f1
}

rel_verify_all() {	# rel_verify_all WHEN: every hash chain verifies
	local ref bad=""
	for ref in $(rel_refs); do
		"$BIN" verify "$ref" >/dev/null 2>&1 || bad="$bad $ref"
	done
	expect_eq "$bad" "" "verify every incident $1"
}

# rel_timeline_items REF: "note:TEXT" and "answer:KEY:NEW" per event.
rel_timeline_items() {
	"$BIN" timeline "$1" --format tsv | awk -F'\t' 'NR > 1 {
		if ($2 == "note") print "note:" $5
		else if ($2 == "answer") print "answer:" $3 ":" $5 }'
}

# rel_missing EXPECTED-FILE ACTUAL-FILE: expected lines not in actual.
rel_missing() {
	sort -u "$2" >"$2.sorted"
	sort -u "$1" | comm -23 - "$2.sorted"
}

# rel_run_killed SIGNAL DELAY_MS ARGS...: runs the binary and sends it
# SIGNAL after DELAY_MS (it may have finished by then). Sets REL_RC and
# REL_OUT; stderr is in $TMP/rel.err.
rel_run_killed() {
	local sig=$1 delay=$2 pid
	shift 2
	"$BIN" "$@" >"$TMP/rel.out" 2>"$TMP/rel.err" &
	pid=$!
	rel_sleep_ms "$delay"
	kill -s "$sig" "$pid" 2>/dev/null
	# stderr of wait: bash's "Killed" job report, not the program's.
	wait "$pid" 2>/dev/null
	REL_RC=$?
	REL_OUT=$(cat "$TMP/rel.out")
}

# rel_answers_with FILE SUMMARY: the lost-tablet answers, another summary.
rel_answers_with() {
	sed "s/^summary = .*/summary = $2/" "$REL_FIX/lost-tablet.answers" >"$1"
}

# How long one write takes here, so that kills land before, during and
# after the write on a slow machine as on a fast one.
rel_calibrate() {
	local t0 t1 i d=()
	for i in 1 2 3; do
		t0=$(rel_now_ms)
		"$BIN" note "$1" "calibration $i" >/dev/null 2>&1
		t1=$(rel_now_ms)
		d+=($((t1 - t0)))
	done
	mapfile -t d < <(printf '%s\n' "${d[@]}" | sort -n)
	REL_SPAN_MS=$((d[1] * 2 + 5))	# twice the median
}

# ---- (a) kills ---------------------------------------------------------

# rel_kill_step REF I: one command killed at a random moment; appends
# what it acknowledged to $TMP/rel.acked (and new incidents to
# $TMP/rel.acked-new as "REF<TAB>SUMMARY").
rel_kill_step() {
	local ref=$1 i=$2 sigs=(KILL TERM HUP) nums=(9 15 1) s what
	s=$((i % 3))
	case $(((i / 3) % 3)) in
	0) what="note:kill-note-$i"
	   rel_run_killed "${sigs[s]}" $((RANDOM % REL_SPAN_MS)) \
	       note "$ref" "kill-note-$i" ;;
	1) what="answer:summary:kill-set-$i"
	   rel_run_killed "${sigs[s]}" $((RANDOM % REL_SPAN_MS)) \
	       set "$ref" "summary=kill-set-$i" ;;
	*) what="new:kill-new-$i"
	   rel_answers_with "$TMP/rel-new.answers" "kill-new-$i"
	   rel_run_killed "${sigs[s]}" $((RANDOM % REL_SPAN_MS)) \
	       new --answers "$TMP/rel-new.answers" ;;
	esac
	if [ "$REL_RC" = 0 ]; then
		REL_ACKED=$((REL_ACKED + 1))
		case $what in
		new:*) printf '%s\t%s\n' "$REL_OUT" "${what#new:}" \
		    >>"$TMP/rel.acked-new" ;;
		*) printf '%s\n' "$what" >>"$TMP/rel.acked" ;;
		esac
	elif [ "$REL_RC" = $((128 + nums[s])) ]; then
		REL_KILLED=$((REL_KILLED + 1))
	else
		REL_OTHER="$REL_OTHER
step $i ($what, SIG${sigs[s]}): exit $REL_RC: $(cat "$TMP/rel.err")"
	fi
}

# The last summary event of REF is its stored summary, in the answers
# and in the cached list row: an answer and its event are one write.
rel_check_summary_consistent() {
	local ref=$1 last stored cached
	last=$("$BIN" timeline "$ref" --format tsv |
	    awk -F'\t' '$2 == "answer" && $3 == "summary" { v = $5 } END { print v }')
	stored=$("$BIN" answers "$ref" | sed -n 's/^summary = //p')
	cached=$("$BIN" list --all --format tsv |
	    awk -F'\t' -v r="$ref" '$1 == r { print $7 }')
	expect_eq "$stored" "$last" "stored summary is the last summary event"
	expect_eq "$cached" "$stored" "cached list summary is the stored one"
}

# Acknowledged or not, an incident a killed `new` left behind holds all
# of its answers or does not exist: creation is one transaction.
rel_check_acked_new() {
	local missing ref want partial=""
	"$BIN" list --all --format tsv | tail -n +2 |
	    awk -F'\t' '{ print $1 "\t" $7 }' >"$TMP/rel.listed"
	touch "$TMP/rel.acked-new"
	missing=$(rel_missing "$TMP/rel.acked-new" "$TMP/rel.listed")
	expect_eq "$missing" "" "every acknowledged new incident is stored"
	expect_eq "$(rel_refs | sort | uniq -d)" "" "references are unique"
	want=$(grep -c ' = ' "$REL_FIX/lost-tablet.answers")
	for ref in $(awk -F'\t' '$2 ~ /^kill-new-/ { print $1 }' "$TMP/rel.listed"); do
		[ "$("$BIN" answers "$ref" | grep -c ' = ')" = "$want" ] ||
		    partial="$partial $ref"
	done
	expect_eq "$partial" "" "no incident created in part"
}

# rel_kill_test ITERATIONS
rel_kill_test() {
	local n=$1 i ref missing
	new_incident "$REL_FIX/lost-tablet.answers"
	ref=$REF
	rel_calibrate "$ref"
	REL_ACKED=0 REL_KILLED=0 REL_OTHER=""
	: >"$TMP/rel.acked"
	: >"$TMP/rel.acked-new"
	for ((i = 1; i <= n; i++)); do
		rel_kill_step "$ref" "$i"
	done
	expect_eq "$REL_OTHER" "" "every command finished or died of our signal"
	rel_check $((REL_ACKED > 0 && REL_KILLED > 0 ? 0 : 1)) \
	    "kills landed both before and after the write" \
	    "acknowledged $REL_ACKED, killed $REL_KILLED of $n"
	echo "    kill test: $n runs, $REL_KILLED killed, $REL_ACKED acknowledged" >&2
	rel_integrity "after $n kills"
	rel_timeline_items "$ref" >"$TMP/rel.timeline"
	missing=$(rel_missing "$TMP/rel.acked" "$TMP/rel.timeline")
	expect_eq "$missing" "" "every acknowledged note and answer is in the timeline"
	rel_check_acked_new
	rel_check_summary_consistent "$ref"
	rel_verify_all "after kills"
	air note "$ref" "after the kills"
	expect_rc 0 "the database takes writes after the kills"
}

# ---- (b) two writers at once --------------------------------------------

# rel_writer NAME COUNT REF: COUNT notes; failures to $TMP/rel-conc.fail.
rel_writer() {
	local i
	for ((i = 1; i <= $2; i++)); do
		"$BIN" note "$3" "conc-$1-$i" >/dev/null 2>>"$TMP/rel-conc.err" ||
		    echo "$1 $i: exit $?" >>"$TMP/rel-conc.fail"
	done
}

# rel_mixed_writer COUNT REF: answers and new incidents between the notes.
rel_mixed_writer() {
	local i
	for ((i = 1; i <= $1; i++)); do
		"$BIN" set "$2" "place=conc-place-$i" >/dev/null \
		    2>>"$TMP/rel-conc.err" || echo "set $i: exit $?" >>"$TMP/rel-conc.fail"
		"$BIN" new --answers "$REL_FIX/ransomware.answers" >/dev/null \
		    2>>"$TMP/rel-conc.err" || echo "new $i: exit $?" >>"$TMP/rel-conc.fail"
	done
}

rel_reader() {	# lists until the writers are done ($TMP/rel-conc.done)
	while [ ! -e "$TMP/rel-conc.done" ]; do
		"$BIN" list --all >/dev/null 2>>"$TMP/rel-conc.err" ||
		    echo "list: exit $?" >>"$TMP/rel-conc.fail"
	done
}

# rel_concurrency_test NOTES_PER_WRITER
rel_concurrency_test() {
	local n=$1 ref before w i missing pids=()
	new_incident "$REL_FIX/fax-internal.answers"
	ref=$REF
	before=$(rel_refs | wc -l)
	: >"$TMP/rel-conc.err"
	: >"$TMP/rel-conc.fail"
	rm -f "$TMP/rel-conc.done"
	rel_reader &
	local reader=$!
	rel_writer a "$n" "$ref" & pids+=($!)
	rel_writer b "$n" "$ref" & pids+=($!)
	rel_mixed_writer $((n / 5 + 1)) "$ref" & pids+=($!)
	wait "${pids[@]}"
	touch "$TMP/rel-conc.done"
	wait "$reader"
	expect_eq "$(cat "$TMP/rel-conc.fail")" "" "no writer or reader failed"
	expect_eq "$(cat "$TMP/rel-conc.err")" "" "nothing on stderr (no 'database is locked')"
	: >"$TMP/rel-conc.expected"
	for w in a b; do
		for ((i = 1; i <= n; i++)); do
			echo "note:conc-$w-$i" >>"$TMP/rel-conc.expected"
		done
	done
	rel_timeline_items "$ref" >"$TMP/rel-conc.timeline"
	missing=$(rel_missing "$TMP/rel-conc.expected" "$TMP/rel-conc.timeline")
	expect_eq "$missing" "" "every concurrent note is in the timeline"
	expect_eq "$(grep -c '^note:conc-' "$TMP/rel-conc.timeline")" $((2 * n)) \
	    "each concurrent note exactly once"
	expect_eq "$(rel_refs | wc -l)" $((before + n / 5 + 1)) \
	    "every concurrent new incident stored"
	expect_eq "$(rel_refs | sort | uniq -d)" "" "concurrent references unique"
	rel_integrity "after concurrent writers"
	rel_verify_all "after concurrent writers"
}

# ---- (c) full disk ------------------------------------------------------

# rel_limited BLOCKS IGNORE_XFSZ ARGS...: the binary under ulimit -f
# BLOCKS (1 KiB). With IGNORE_XFSZ=1 the signal is ignored, so writes
# fail with EFBIG the way they fail with ENOSPC on a full disk.
rel_limited() {
	local blocks=$1 ignore=$2
	shift 2
	(
		[ "$ignore" = 1 ] && trap '' XFSZ
		ulimit -f "$blocks"
		"$BIN" "$@" >"$TMP/rel.out" 2>"$TMP/rel.err"
	) 2>/dev/null	# bash's own "File size limit exceeded"
	RC=$?
	OUT=$(cat "$TMP/rel.out")
	ERR=$(cat "$TMP/rel.err")
}

# Room for what SQLite rewrites in place, not for what comes. A write
# goes to the WAL (and its 32 KiB index, -shm); the database file grows
# only at a checkpoint, after the commit. So the limit is the larger of
# the WAL and the index, whatever the size of the database file (the
# schema alone is 80 KiB since the ledger and notice tables).
rel_disk_blocks() {
	local size=32768
	if [ -e "$ANSHIN_IR_DB-wal" ] && [ "$(stat -c %s "$ANSHIN_IR_DB-wal")" -gt "$size" ]; then
		size=$(stat -c %s "$ANSHIN_IR_DB-wal")
	fi
	echo $((size / 1024 + 8))
}

rel_expect_full() {	# rel_expect_full WHAT
	if [ "$RC" = 74 ] || [ "$RC" = 73 ]; then pass; else
		rel_fail "$1 under a full disk: exit $RC, expected 74 or 73" "$ERR"; fi
	if printf '%s' "$ERR" | grep -qF "$ANSHIN_IR_DB"; then pass; else
		rel_fail "$1 under a full disk: stderr does not name the database" "$ERR"; fi
}

# On a database of its own, small, so that the limit is tight: the limit
# leaves the WAL room to grow to the size of the largest file.
rel_full_disk_test() {
	local ref answers timeline incidents big blocks db=$ANSHIN_IR_DB
	export ANSHIN_IR_DB="$TMP/full/incidents.db"
	new_incident "$REL_FIX/lost-tablet.answers"
	ref=$REF
	air note "$ref" "before the disk filled"
	answers=$("$BIN" answers "$ref")
	timeline=$("$BIN" timeline "$ref" --format tsv)
	incidents=$(rel_refs)
	# 60 kB is within what one text may hold (64 KiB) and fits in one
	# argument; the limit must leave less room than that or nothing is
	# being tested.
	big=$(head -c 60000 /dev/zero | tr '\0' 'x')
	printf 'kind = device_loss\nnarrative = %s\n' "$big" >"$TMP/rel-big.answers"
	blocks=$(rel_disk_blocks)
	rel_check $((blocks < 58 ? 0 : 1)) "full-disk database small enough" \
	    "limit $blocks KiB leaves room for the 60 kB write"
	rel_limited "$blocks" 1 new --answers "$TMP/rel-big.answers"
	rel_expect_full "new --answers"
	rel_limited "$blocks" 1 set "$ref" "narrative=$big"
	rel_expect_full "set"
	rel_limited "$blocks" 1 note "$ref" "$big"
	rel_expect_full "note"
	# Without the trap a file-size limit sends SIGXFSZ: the program
	# must still end with a message, not die of the signal.
	rel_limited "$blocks" 0 set "$ref" "narrative=$big"
	rel_expect_full "set under ulimit -f (SIGXFSZ not ignored)"
	rel_integrity "after the disk filled"
	expect_eq "$("$BIN" answers "$ref")" "$answers" "answers intact after the full disk"
	expect_eq "$("$BIN" timeline "$ref" --format tsv)" "$timeline" \
	    "no partial event after the full disk"
	expect_eq "$(rel_refs)" "$incidents" "no partial incident after the full disk"
	rel_verify_all "after the full disk"
	air note "$ref" "after the disk was freed"
	expect_rc 0 "writes work again once there is room"
	export ANSHIN_IR_DB=$db
}

# ---- (d) permissions ----------------------------------------------------

rel_mode() { stat -c %a "$1"; }

rel_permission_test() {
	local d f new=(new --answers "$REL_FIX/lost-tablet.answers")
	air list
	expect_eq "$(rel_mode "$ANSHIN_IR_DB")" 600 "database file is 0600"
	expect_eq "$(rel_mode "$(dirname "$ANSHIN_IR_DB")")" 700 "database directory is 0700"
	for f in "$ANSHIN_IR_DB-wal" "$ANSHIN_IR_DB-shm"; do
		[ -e "$f" ] && expect_eq "$(rel_mode "$f")" 600 "$(basename "$f") is 0600"
	done
	# A permissive umask changes nothing.
	(umask 000; "$BIN" --db "$TMP/um/a/b.db" "${new[@]}" >/dev/null 2>&1)
	expect_eq "$(rel_mode "$TMP/um/a/b.db")/$(rel_mode "$TMP/um/a")/$(rel_mode "$TMP/um")" \
	    "600/700/700" "umask 000: file 0600, created directories 0700"
	for d in 777 770 707; do
		mkdir -p "$TMP/perm$d"
		chmod "$d" "$TMP/perm$d"
		air --lang en --db "$TMP/perm$d/x.db" "${new[@]}"
		expect_rc 77 "directory $d refused"
		expect_err_has "$TMP/perm$d" "the message names the directory ($d)"
		expect_err_has "writable" "the message says why ($d)"
		[ ! -e "$TMP/perm$d/x.db" ]
		rel_check $? "no database created in a $d directory"
	done
	mkdir -p "$TMP/sticky"
	chmod 1777 "$TMP/sticky"
	air --db "$TMP/sticky/x.db" "${new[@]}"
	expect_rc 0 "a sticky 1777 directory (like /tmp) is accepted"
	# An existing database whose directory became writable by others.
	mkdir -p "$TMP/later"
	chmod 700 "$TMP/later"
	air --db "$TMP/later/x.db" "${new[@]}"
	chmod 777 "$TMP/later"
	air --db "$TMP/later/x.db" list
	expect_rc 77 "existing database in a directory made 0777 refused"
	chmod 700 "$TMP/later"
	rel_database_file_test
	rel_readonly_commands_test
}

# The database file itself: this user's, private, writable by them.
rel_database_file_test() {
	local db="$TMP/later/x.db" m
	for m in 666 644 640 604; do
		chmod "$m" "$db"
		air --lang en --db "$db" list
		expect_rc 77 "a $m database in a 0700 directory is refused"
		expect_err_has "run chmod 600 $db" "the refusal names the fix ($m)"
		expect_eq "$(rel_mode "$db")" "$m" "the refusal changes nothing ($m)"
	done
	chmod 600 "$db"
	air --db "$db" list
	expect_rc 0 "after chmod 600 the database is used again"
	if [ "$(id -u)" != 0 ]; then return; fi
	# A file planted by another user in a shared sticky directory.
	cp "$db" "$TMP/sticky/planted.db"
	chmod 600 "$TMP/sticky/planted.db"
	chown 65534:65534 "$TMP/sticky/planted.db"
	air --lang en --db "$TMP/sticky/planted.db" list
	expect_rc 77 "a database owned by another user is refused"
	expect_err_has "belongs to another user" "the refusal says whose it is"
	air --lang en --db "$TMP/sticky/planted.db" "${new[@]}"
	expect_rc 77 "new refuses another user's database too"
	rel_readonly_shm_test
}

# As an ordinary user (root reads a 0400 file regardless): a database
# made read-only is refused with the fix before SQLite could leave a
# read-only -shm behind that breaks the writes after chmod 600.
rel_readonly_shm_test() {
	local top dir db run
	command -v setpriv >/dev/null || { rel_fail "setpriv is needed"; return; }
	# $TMP is root's own (0700): the other user works beside it
	top=$(mktemp -d /tmp/anshin-nobody.XXXXXX)
	chmod 755 "$top"
	dir="$top/home"
	mkdir -p "$dir"
	chown 65534:65534 "$dir"
	chmod 700 "$dir"
	db="$dir/x.db"
	run=(setpriv --reuid=65534 --regid=65534 --clear-groups
	    env -u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME="$dir"
	    "$BIN" --lang en --db "$db")
	"${run[@]}" "${new[@]}" >/dev/null 2>&1
	expect_eq "$(stat -c %U "$db")" "$(id -nu 65534)" "the unprivileged user's database"
	chmod 400 "$db"
	rm -f "$db-wal" "$db-shm"
	OUT=$("${run[@]}" list 2>&1)
	RC=$?
	expect_rc 77 "a 0400 database is refused"
	expect_out_has "run chmod 600 $db" "the refusal names the fix"
	[ ! -e "$db-shm" ]
	rel_check $? "no read-only -shm is left behind"
	chmod 600 "$db"
	OUT=$("${run[@]}" note 2026-0001 "after chmod 600" 2>&1)
	RC=$?
	expect_rc 0 "writes work after chmod 600"
	rm -rf "$top"
}

# Commands that only read never create a database: a mistyped --db in a
# cron job is an error, not "nothing overdue".
rel_readonly_commands_test() {
	local cmd
	for cmd in "list" "list --overdue" "show 2026-0001" "answers 2026-0001" \
	    "assess 2026-0001" "checklist 2026-0001" "timeline 2026-0001" \
	    "verify 2026-0001" "score D2026-0001" "drill --history" \
	    "set 2026-0001 place=x" "note 2026-0001 x" "export 2026-0001 -o $TMP/x.pdf"; do
		# shellcheck disable=SC2086
		air --db "$TMP/typo/incidnets.db" $cmd
		expect_rc 66 "$cmd on a missing database"
		[ ! -e "$TMP/typo" ]
		rel_check $? "$cmd created nothing"
	done
	air --db "" list
	expect_rc 64 "an empty --db is a usage error"
	air drill --list
	expect_rc 0 "drill --list needs no database"
}

# ---- (e) terminal injection ---------------------------------------------

# Bytes a terminal acts on: C0 but tab and newline, DEL, C1 (UTF-8
# C2 80-9F), bidi embeddings/overrides U+202A-202E and isolates
# U+2066-2069.
REL_CONTROLS='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'

rel_controls() { printf '%s' "$1" | LC_ALL=C grep -naP "$REL_CONTROLS" | head -3; }

rel_expect_clean() {	# rel_expect_clean DESCRIPTION (checks $OUT)
	local bad
	bad=$(rel_controls "$OUT")
	if [ -z "$bad" ]; then pass; else
		rel_fail "$1: raw control characters reach the terminal" \
		    "$(printf '%s' "$bad" | od -c | head -5)"; fi
}

# Every tsv line has the header's columns.
rel_expect_tsv_shape() {
	local bad
	bad=$(printf '%s\n' "$OUT" | awk -F'\t' 'NR == 1 { n = NF } NF != n { print NR ": " NF " columns, header " n }' | head -3)
	expect_eq "$bad" "" "$1: every line has the header's columns"
}

rel_injection_answers() {
	{
		printf 'kind = device_loss\n'
		printf 'discovered_at = 2026-10-05 18:20\n'
		printf 'summary = A\033[2JB\033]0;pwned\007C\302\2333mD\007E\010F\342\200\256G\n'
		printf 'place = 場所\033[31m赤\033[0m\302\233\342\200\256\n'
		printf 'narrative = 一行目\\n\033]0;title\007二行目\010\007\n'
		printf 'reporter = 田中\tさん\n'
	} >"$1"
}

# sqlite3 SET of one hostile value read from a file (hex-clean SQL).
rel_sql_value() { printf '%s' "$2" >"$TMP/rel-$1"; echo "CAST(readfile('$TMP/rel-$1') AS TEXT)"; }

# Control characters are refused on every way in, with the same words,
# and nothing is stored; what an older version or an edit by hand left in
# the file is still never drawn raw.
rel_injection_test() {
	local ref note fmt cmd timeline bad
	rel_injection_answers "$TMP/rel-inject.answers"
	air --lang en new --answers "$TMP/rel-inject.answers"
	expect_rc 65 "an answers file with control characters is refused"
	expect_err_has "rel-inject.answers:3: summary: control character U+001B" \
	    "the refusal names file, line, key and character"
	grep -v '^summary\|^place\|^narrative' "$TMP/rel-inject.answers" >"$TMP/rel-clean.answers"
	printf 'summary = ABCDEFG\nplace = 場所\nnarrative = 一行目\\n二行目\n' >>"$TMP/rel-clean.answers"
	new_incident "$TMP/rel-clean.answers"
	ref=$REF
	expect_eq "$("$BIN" answers "$ref" | grep '^reporter')" "reporter = 田中	さん" \
	    "a tab is text, kept"
	note=$(printf 'note\033[2J\007\302\233\342\200\256\ttab\\end')
	timeline=$("$BIN" timeline "$ref" --format tsv)
	bad=$(printf 'x\033[2Jy')
	for cmd in "note $ref" "done $ref assemble_team --note" \
	    "skip $ref mdm_lock --reason" "close $ref --measures" "note $ref ok --by"; do
		# shellcheck disable=SC2086
		air --lang en $cmd "$bad"
		expect_rc 65 "$cmd with an escape sequence is refused"
		expect_err_has "control character U+001B" "$cmd: the same words as an answers file"
	done
	air --lang en set "$ref" "place=$bad"
	expect_rc 65 "set with an escape sequence is refused"
	# set names the field by its label, with the same words
	expect_err_has "Place: control character U+001B" "set: the same words as an answers file"
	air note "$ref" "$(printf 'bad \377 byte')"
	expect_rc 65 "a note of invalid UTF-8 is refused"
	air set "$ref" "place=$(printf 'bad \377 byte')"
	expect_rc 65 "set with invalid UTF-8 is refused"
	air set "$ref" 'place=a\qb'
	expect_rc 65 "set with a bad escape is refused, as in an answers file"
	air set "$ref" 'place=一\n二'
	expect_rc 0 "set takes the answers escapes"
	expect_eq "$("$BIN" answers "$ref" | grep '^place')" 'place = 一\n二' "set stored a newline for \\n"
	air set "$ref" "place=場所"
	timeline=$("$BIN" timeline "$ref" --format tsv)
	air note "$ref" "   "
	expect_rc 65 "a note of spaces only is refused"
	expect_eq "$("$BIN" timeline "$ref" --format tsv)" "$timeline" "nothing refused was stored"
	# As an older version could have stored it:
	sqlite3 "$ANSHIN_IR_DB" "
	    UPDATE answer SET value = $(rel_sql_value s "$(printf 'A\033[2JB\033]0;pwned\007C\302\2333mD\007E\010F\342\200\256G')") WHERE incident = (SELECT id FROM incident WHERE ref = '$ref') AND key = 'summary';
	    UPDATE answer SET value = $(rel_sql_value p "$(printf '場所\033[31m赤\033[0m\302\233\342\200\256')") WHERE incident = (SELECT id FROM incident WHERE ref = '$ref') AND key = 'place';
	    UPDATE answer SET value = $(rel_sql_value n "$(printf '一行目\n\033]0;title\007二行目\010\007')") WHERE incident = (SELECT id FROM incident WHERE ref = '$ref') AND key = 'narrative';
	    UPDATE incident SET summary = (SELECT value FROM answer WHERE answer.incident = incident.id AND key = 'summary') WHERE ref = '$ref';
	    INSERT INTO event (incident, at, kind, key, old, new, by) SELECT id, '2026-10-06T09:00:00+09:00', 'note', NULL, NULL, $(rel_sql_value note "$note"), 'tester' FROM incident WHERE ref = '$ref';"
	for cmd in "show $ref" "checklist $ref" "timeline $ref" "list" "list --all"; do
		# shellcheck disable=SC2086
		air $cmd
		expect_rc 0 "$cmd with hostile text"
		rel_expect_clean "$cmd"
	done
	air show "$ref"
	expect_out_has "ABCDEFG" "show keeps the text around the sequences"
	expect_out_lacks "pwned" "show drops an OSC sequence whole"
	air timeline "$ref"
	expect_out_has "note" "timeline text shows the note"
	for cmd in "timeline $ref" "checklist $ref" "list --all"; do
		# shellcheck disable=SC2086
		air $cmd --format tsv
		expect_rc 0 "$cmd --format tsv"
		rel_expect_clean "$cmd --format tsv"
		rel_expect_tsv_shape "$cmd --format tsv"
		# shellcheck disable=SC2086
		air $cmd --format json
		expect_rc 0 "$cmd --format json"
		rel_expect_clean "$cmd --format json"
		if printf '%s' "$OUT" | jq -e . >/dev/null 2>&1; then pass; else
			rel_fail "$cmd --format json is not valid JSON" "$OUT"; fi
	done
	air timeline "$ref" --format tsv
	expect_out_has 'ttab\\end' "tsv escapes tab and backslash in a note"
	expect_out_has '一行目\n' "tsv escapes a newline in an answer"
	air timeline "$ref" --format json
	fmt=$(printf '%s' "$OUT" | jq -r '.[] | select(.kind == "note") | .new' | tail -1)
	expect_eq "$fmt" "$note" "json keeps the note's exact text (escaped, not lost)"
	rel_answers_roundtrip "$ref"
}

# `answers` is an answers file, printed to a terminal as often as saved:
# hostile text leaves no control character in it, and it still reads back.
rel_answers_roundtrip() {
	local ref=$1 assess
	air assess "$ref"
	assess=$OUT
	air answers "$ref"
	expect_rc 0 "answers with hostile text"
	rel_expect_clean "answers $ref"
	expect_out_has "narrative = 一行目\\n]0;title二行目" "answers drops the controls, keeps the text"
	printf '%s\n' "$OUT" >"$TMP/rel-back.answers"
	air new --answers "$TMP/rel-back.answers"
	expect_rc 0 "answers with hostile text read back by new --answers"
	air assess "$OUT"
	expect_eq "$OUT" "$assess" "the read-back incident has the same assessment"
}

# ---- (f) exports killed -------------------------------------------------

# rel_export_kill_test ITERATIONS: exports killed by SIGTERM at random
# moments within an export's time (400 kills had left 54
# temporary copies of patient data beside the report). None is left, and
# the report there is whole or absent.
rel_export_kill_test() {
	local n=$1 i t0 t1 d=() killed=0 finished=0 other="" dir="$TMP/kexp"
	new_incident "$REL_FIX/lost-tablet.answers"
	mkdir -p "$dir"
	for i in 1 2 3; do
		t0=$(rel_now_ms)
		"$BIN" export "$REF" -o "$dir/x.pdf" >/dev/null 2>&1
		t1=$(rel_now_ms)
		d+=($((t1 - t0)))
	done
	mapfile -t d < <(printf '%s\n' "${d[@]}" | sort -n)
	rm -f "$dir/x.pdf"
	for ((i = 1; i <= n; i++)); do
		rel_run_killed TERM $((RANDOM % (d[1] + 1))) \
		    export "$REF" -o "$dir/x.pdf"
		case $REL_RC in
		0) finished=$((finished + 1)) ;;
		143) killed=$((killed + 1)) ;;
		*) other="$other
run $i: exit $REL_RC: $(cat "$TMP/rel.err")" ;;
		esac
	done
	expect_eq "$other" "" "every export finished or died of SIGTERM"
	expect_eq "$(ls -A "$dir" | grep -v '^x\.pdf$')" "" \
	    "no temporary file left by $n exports killed by SIGTERM"
	rel_check $((killed >= n / 4 && finished > 0 ? 0 : 1)) \
	    "kills landed during exports and after them" \
	    "killed $killed, finished $finished of $n"
	echo "    export kill test: $n SIGTERMs, $killed killed an export," \
	    "$finished came after it (export ${d[1]} ms)" >&2
	if [ -e "$dir/x.pdf" ]; then
		tail -c 8 "$dir/x.pdf" | grep -q '%%EOF'
		rel_check $? "the report left is whole"
	fi
}

# ---- run ------------------------------------------------------------------

if [ "${REL_DEFINE_ONLY:-0}" != 1 ]; then
	rel_kill_test "${REL_KILL_ITERATIONS:-100}"
	rel_concurrency_test "${REL_CONC_NOTES:-50}"
	rel_full_disk_test
	rel_permission_test
	rel_injection_test
	rel_export_kill_test "${REL_EXPORT_KILLS:-200}"
fi
