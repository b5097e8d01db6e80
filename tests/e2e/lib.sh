# lib.sh - helpers for the end-to-end tests: each test file runs the real
# binary in a fresh temporary home with its own database and a fixed clock.
# Sourced by run.sh; every check counts as passed or failed.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN="${ANSHIN_IR_BIN:-$REPO/build/anshin-ir}"
PASSED=${PASSED:-0}
FAILED=${FAILED:-0}

# A fresh, private environment for one test file.
setup_env() {
	TMP=$(mktemp -d /tmp/anshin-e2e.XXXXXX)
	chmod 700 "$TMP"
	export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" \
	    XDG_DATA_HOME="$TMP/data"
	mkdir -p "$HOME" "$XDG_CONFIG_HOME"
	export ANSHIN_IR_DB="$TMP/db/incidents.db"
	export ANSHIN_IR_DATA="$REPO"
	export ANSHIN_IR_USER=tester
	export ANSHIN_IR_NOW="2026-10-06 09:00"
	export LANG=C.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE=
	unset NO_COLOR
}

# KEEP_TMP=1 keeps it, to look at what a failing test wrote.
# The programs a test file left running, found by the database it gave
# them: a sanitizer's leak check can spin for ever in a program whose
# pane was closed under it, and would slow every test after it.
reap_env() {
	local p pid
	for p in /proc/[0-9]*; do
		pid=${p#/proc/}
		[ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] && continue
		grep -qzF "ANSHIN_IR_DB=$TMP/" "$p/environ" 2>/dev/null ||
			continue
		echo "    $TEST_NAME left $(tr '\0' ' ' <"$p/cmdline" 2>/dev/null)running: killed"
		kill -9 "$pid" 2>/dev/null
	done
	return 0
}

teardown_env() {
	[ -n "${TMP:-}" ] && reap_env
	[ -n "${KEEP_TMP:-}" ] && { echo "kept $TMP"; return; }
	[ -n "${TMP:-}" ] && rm -rf "$TMP"
}

# air ARGS...: runs the binary (under valgrind when VALGRIND=1); output in
# $OUT, errors in $ERR, status in $RC.
air() {
	local pre=()
	if [ "${VALGRIND:-0}" = 1 ]; then
		pre=(valgrind -q --error-exitcode=99 --leak-check=full
		    --errors-for-leak-kinds=definite --show-leak-kinds=definite)
	fi
	OUT=$("${pre[@]}" "$BIN" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
	if [ "$RC" = 99 ]; then
		fail "valgrind reported errors: $*" "$ERR"
	fi
}

pass() { PASSED=$((PASSED + 1)); }

fail() {
	FAILED=$((FAILED + 1))
	printf 'FAIL %s: %s\n' "${TEST_NAME:-?}" "$1" >&2
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /' >&2
	return 0
}

# expect_rc CODE DESCRIPTION
expect_rc() {
	if [ "$RC" = "$1" ]; then pass; else
		fail "$2: exit $RC, expected $1" "stdout: $OUT
stderr: $ERR"; fi
}

# expect_out_has TEXT DESCRIPTION (fixed string in stdout)
expect_out_has() {
	if printf '%s' "$OUT" | grep -qF -- "$1"; then pass; else
		fail "$2: stdout lacks '$1'" "$OUT"; fi
}

expect_out_lacks() {
	if printf '%s' "$OUT" | grep -qF -- "$1"; then
		fail "$2: stdout has '$1'" "$OUT"; else pass; fi
}

expect_err_has() {
	if printf '%s' "$ERR" | grep -qF -- "$1"; then pass; else
		fail "$2: stderr lacks '$1'" "$ERR"; fi
}

# expect_eq ACTUAL EXPECTED DESCRIPTION
expect_eq() {
	if [ "$1" = "$2" ]; then pass; else
		fail "$3" "got:      $1
expected: $2"; fi
}

# new_incident FILE: creates an incident, sets $REF.
new_incident() {
	air new --answers "$1"
	REF=$OUT
	if [ "$RC" != 0 ]; then fail "new --answers $1 failed ($RC)" "$ERR"; fi
}

# pane_env: the test environment spelled out for a tmux pane's command
# line (a tmux server does not inherit it).
pane_env() {
	local v out=""
	for v in HOME XDG_CONFIG_HOME XDG_DATA_HOME ANSHIN_IR_DB ANSHIN_IR_DATA \
	    ANSHIN_IR_USER ANSHIN_IR_NOW LANG; do
		out="$out $v=$(printf '%q' "${!v}")"
	done
	printf '%s LC_ALL= LC_MESSAGES= LANGUAGE=' "$out"
}

# poll COMMAND...: runs it every 50 ms until it succeeds, 5 s at most.
poll() {
	local i
	for i in $(seq 100); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

# data_joined FILE: a data file with each value's continuation lines
# joined onto its key line, as the program reads them (anshin-ir(5),
# COMMON SYNTAX): one space between two narrow characters, nothing next
# to a wide one or a line break (\n). Bytes, not characters: a wide
# character is taken to be one of U+3000-U+9FFF or U+FF01-U+FF60, as the
# program's width table has them, which covers every wide character of
# the shipped data (the C locale keeps awk to bytes).
data_joined() {
	LC_ALL=C awk '
	function wide_end(s) {
		return s ~ /[\343-\351][\200-\277][\200-\277]$/ ||
		    s ~ /\357\274[\200-\277]$/ || s ~ /\357\275[\200-\240]$/
	}
	function wide_start(s) {
		return s ~ /^[\343-\351]/ || s ~ /^\357\274/ ||
		    s ~ /^\357\275[\200-\240]/
	}
	# nothing yet (a key line "key ="), a wide character or \n at the join
	function no_space(a, b) {
		return a ~ /^[^=]*=$/ || wide_end(a) ||
		    a ~ /(^|[^\\])(\\\\)*\\n$/ || wide_start(b) || b ~ /^\\n/
	}
	{ sub(/\r$/, "") }
	have && /^[ \t]+[^ \t#]/ {
		piece = $0
		sub(/^[ \t]+/, "", piece)
		sub(/[ \t]+$/, "", piece)
		line = line (no_space(line, piece) ? "" : " ") piece
		next
	}
	have { print line; have = 0 }
	/^[ \t]*(#|\[|$)/ { print; next }
	/=/ { line = $0; sub(/[ \t]+$/, "", line); have = 1; next }
	{ print }
	END { if (have) print line }' "$1"
}

# data_copy DIR: a private copy of the shipped forms/ and data/ in DIR.
data_copy() {
	rm -rf "$1"
	mkdir -p "$1"
	cp -R "$REPO/forms" "$REPO/data" "$1/"
}

# expect_data_refused DIR WHAT MESSAGE: check-data DIR and an ordinary
# command over it (list) both exit 78 with MESSAGE on stderr. Run by
# $DATA_RUN (a function like air) when set.
expect_data_refused() {
	"${DATA_RUN:-air}" --lang en check-data "$1"
	expect_rc 78 "check-data: $2"
	expect_err_has "$3" "check-data: $2, named"
	"${DATA_RUN:-air}" --lang en --data-dir "$1" list
	expect_rc 78 "list: $2"
	expect_err_has "$3" "list: $2, named"
}

# block_value FILE SECTION KEY: the text of KEY in the [SECTION] block of
# a data file (forms, rules, drills, contacts), continuation lines joined.
block_value() {
	data_joined "$1" | awk -v sec="[$2]" -v key="$3" '
	    $0 == sec { inside = 1; next }
	    /^\[/ { inside = 0 }
	    inside && index($0, key " = ") == 1 {
	        print substr($0, length(key) + 4); exit }'
}

# ---- PDFs ----

# The ToUnicode map is the program's own (docs/pdf.md §3): poppler has nothing
# to warn about, and test_pdf_docs.sh checks that it says nothing.
pdf_text() { pdftotext "$1" - 2>/dev/null; }
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# expect_pdf FILE DESCRIPTION: a whole PDF, readable by its owner only.
expect_pdf() {
	if [ -s "$1" ] && [ "$(head -c 5 "$1")" = "%PDF-" ] &&
	    tail -c 8 "$1" | grep -q '%%EOF'; then pass; else
		fail "$2: not a whole PDF" "$(ls -l "$1" 2>&1)"; fi
	expect_eq "$(stat -c %a "$1" 2>/dev/null)" 600 "$2: mode 0600"
}

# expect_text_has TEXT DESCRIPTION (in $TEXT, the extracted text; a text
# the layout wrapped inside a table cell is found joined, without the
# line break or with a space for it)
expect_text_has() {
	if printf '%s' "$TEXT" | grep -qF -- "$1" ||
	    printf '%s' "$TEXT" | tr -d '\n' | grep -qF -- "$1" ||
	    printf '%s' "$TEXT" | tr '\n' ' ' | grep -qF -- "$1"; then pass; else
		fail "$2: PDF text lacks '$1'" "$(printf '%s\n' "$TEXT" | head -40)"; fi
}

# man_keys_block PAGE: the key sections of a man page, between the
# '.\" keys:' marker comments that tools/man-keys.sh writes.
man_keys_block() {
	awk '/^\.\\" keys: generated/ { on = 1 } on { print }
	    /^\.\\" keys: end/ { on = 0 }' "$1"
}

# expect_man_keys PAGE LANG: PAGE's key sections are what tools/man-keys.sh
# generates from the key table in LANG; leaves them in $TMP/keys.man.
expect_man_keys() {
	"$REPO/tools/man-keys.sh" "$BIN" --lang "$2" >"$TMP/keys.generated"
	man_keys_block "$1" >"$TMP/keys.man"
	if [ -s "$TMP/keys.man" ] && cmp -s "$TMP/keys.generated" "$TMP/keys.man"
	then pass; else
		fail "${1#"$REPO"/}: the key sections are the key table's in '$2' (run tools/man-keys.sh build/anshin-ir --update)" \
		    "$(diff "$TMP/keys.man" "$TMP/keys.generated" | head -20)"; fi
}

FORM="$REPO/forms/intake.form"
RULES="$REPO/data/actions.rules"

# form_digit FIELD VALUE: the key that picks VALUE in FIELD (1-9, 0 = 10th).
form_digit() {
	block_value "$FORM" "field $1" choices | tr -d ' ' | tr ',' '\n' |
	    awk -v v="$2" '$0 == v { print (NR == 10 ? 0 : NR); exit }'
}

form_label() { block_value "$FORM" "field $1" "label.$2"; }
# form_choice FIELD VALUE LANG
form_choice() { block_value "$FORM" "field $1" "choice.$2.$3"; }
rule_title() { block_value "$RULES" "action $1" "title.$2"; }

# ---- the TUI in tmux: each test file sets TM_SOCK (unique, with $$) for
# its own server and ends with tm_kill_server. ----

tm() { tmux -L "$TM_SOCK" -f /dev/null "$@"; }

# tm_lang ARGS...: the language the pane's screens are in (--lang, else
# the locale of the test environment, which is not English).
tm_lang() {
	case " $* ${TM_EXTRA:-} " in
	*" --lang en "* | *" --lang=en "* | *" LANG=en"* | *" LC_ALL=en"*)
		echo en ;;
	*) echo ja ;;
	esac
}

# tm_start COLS ROWS ARGS...: a fresh session TM_CUR running the binary
# with the test environment plus $TM_EXTRA, stderr in $TMP/tm.err; when it
# exits the pane prints EXITED-<status> and stays open. The new session
# starts before the old one is killed, so the server never exits between.
tm_start() {
	local cols=$1 rows=$2 old=${TM_CUR:-} cmd
	shift 2
	cmd="env $(pane_env) ${TM_EXTRA:-} $(printf '%q ' "$BIN" "$@")"
	TM_N=$((${TM_N:-0} + 1))
	TM_CUR="s$TM_N"
	TM_LANG=$(tm_lang "$@")
	tm new-session -d -s "$TM_CUR" -x "$cols" -y "$rows" \
	    "$cmd 2>$(printf '%q' "$TMP/tm.err"); echo EXITED-\$?; sleep 600"
	[ -n "$old" ] && tm kill-session -t "$old"
}

# tm_screen [-e]: the pane's text (-e: with its colour escapes). Every
# capture is also kept once, with its language, for tm_check_captures.
tm_screen() {
	local f="$TMP/capture.now" h
	tm capture-pane -p -t "$TM_CUR" "$@" >"$f"
	if [ $# -eq 0 ]; then
		h=$(md5sum <"$f" | cut -c1-16)
		if [ ! -e "$TMP/captures/$h.$TM_LANG" ]; then
			mkdir -p "$TMP/captures"
			cp "$f" "$TMP/captures/$h.$TM_LANG"
		fi
	fi
	cat "$f"
}
tm_fmt() { tm display -p -t "$TM_CUR" "#{$1}"; }

# Keys queue up in the pane in order; each check waits for what it expects
# to see instead of for time to pass.
tm_keys() { tm send-keys -t "$TM_CUR" "$@"; }
tm_type() { tm send-keys -t "$TM_CUR" -l "$1"; }

# tm_shows TEXT: the screen shows TEXT (a fixed string) now.
tm_shows() { tm_screen | grep -qF -- "$1"; }
tm_shows_not() { ! tm_shows "$1"; }
# tm_shows_count TEXT N: TEXT is on N lines of the screen now.
tm_shows_count() { [ "$(tm_screen | grep -cF -- "$1")" = "$2" ]; }

tm_wait() { poll tm_shows "$1"; }
tm_wait_gone() { poll tm_shows_not "$1"; }
tm_wait_count() { poll tm_shows_count "$1" "$2"; }

# tm_expect TEXT DESCRIPTION: waits for TEXT; tm_expect_no: TEXT is not
# on the screen now.
tm_expect() {
	if tm_wait "$1"; then pass; else fail "$2: screen lacks '$1'" \
	    "$(tm_screen)"; fi
}
tm_expect_no() {
	if tm_shows "$1"; then fail "$2: screen has '$1'" "$(tm_screen)"
	else pass; fi
}

# tm_expect_no_colour DESCRIPTION: no colour escapes (NO_COLOR).
tm_expect_no_colour() {
	if tm_screen -e | grep -q $'\e\\[[0-9;]*[34][0-7]m'; then
		fail "$1" "$(tm_screen -e | cat -v | head)"; else pass; fi
}

# tm_quit: q until the program has left (from the incident screen or
# home), then the database is the CLI's alone.
tm_top_moved() { [ "$(tm_screen | head -1)" != "$1" ]; }
tm_quit() {
	local i top
	for i in 1 2 3; do
		tm_shows "EXITED-" && break
		top=$(tm_screen | head -1)
		tm_keys q
		poll tm_top_moved "$top"
	done
	tm_expect "EXITED-0" "q leaves with 0"
}

# tm_kill_server: the end of a file's sessions (quiet when the server has
# already gone); the next tm_start begins afresh. Then every screen the
# file saw goes through tm_check_captures.
tm_kill_server() {
	tm kill-server 2>/dev/null
	TM_CUR=""
	tm_check_captures
}

# ---- no internal vocabulary on any screen ----

# The ids a person must never read on a screen: action ids, answer keys
# and phase ids, from the data files.
tm_ids() {
	{
		sed -n 's/^\[action \([a-z0-9_]*\)\]$/\1/p' "$RULES"
		sed -n 's/^\[field \([a-z0-9_]*\)\]$/\1/p' "$FORM"
		printf '%s\n' immediate investigate report followup
	} | sort -u
}

# The words each screen must show besides its title, so that an empty or
# broken screen cannot pass: any question's label or page title of the
# form, or a word of the screen's own.
tm_labels() {
	{
		data_joined "$FORM" | grep -E '^(label|title)\.(ja|en) = ' |
		    sed 's/^[^=]*= //'
		printf '%s\n' 番号 REF チェックリスト Checklist 施設 Facility \
		    状況説明 Briefing 質問 Questions 採点と解説 \
		    "Score and debrief" 訓練の一覧 "List of drills" 管理番号 \
		    "Device ledger"
	} | grep -v '^$' | sort -u
}

# tm_screen_kind FILE: which screen a capture shows, by its title bar
# (and the line under it), or "exited" / "unknown".
tm_screen_kind() {
	local top second
	top=$(sed -n 1p "$1")
	second=$(sed -n 2p "$1")
	if grep -q 'EXITED-' "$1"; then echo exited
	elif grep -qE '小さすぎ|too small' "$1"; then echo small
	elif [ -z "$(tr -d ' ' <"$1")" ]; then echo blank
	else case $top in
		*"対応中の事案"* | *"終了済みの事案"* | *"Open incidents"* | \
		    *"Closed incidents"*) echo home ;;
		*"設定（施設の情報と連絡先）"* | *"Settings: facility and contacts"*)
			echo settings ;;
		*"持ち出し台帳"* | *"Device ledger"*) echo ledger ;;
		*"訓練 / TRAINING"*) echo drill ;;
		*[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]* | *"新規事案"* | \
		    *"new incident"*)
			case $second in
			*"1 概要"* | *"1 Summary"*) echo incident ;;
			*) echo wizard ;;
			esac ;;
		*) echo unknown ;;
		esac
	fi
}

# tm_check_captures: each kept capture names no id (Japanese: any id;
# English: the ids with "_", whole words, case-sensitive), has no double
# colon, and shows what its screen must show: its title bar and at least
# one label.
tm_check_captures() {
	local f ids_ja="$TMP/ids.ja" ids_en="$TMP/ids.en" kind hit n=0
	[ -d "$TMP/captures" ] || return 0
	tm_ids >"$ids_ja"
	grep _ "$ids_ja" >"$ids_en"
	tm_labels >"$TMP/labels"
	for f in "$TMP"/captures/*; do
		kind=$(tm_screen_kind "$f")
		case $kind in exited | blank) continue ;; esac
		n=$((n + 1))
		hit=$(LC_ALL=C grep -owF -f "$TMP/ids.${f##*.}" "$f" | sort -u |
		    tr '\n' ' ')
		if [ -n "$hit" ]; then
			fail "no internal id on a screen ($kind, ${f##*.}): $hit" \
			    "$(cat "$f")"
		else pass; fi
		# one colon at a time (「出典：：」 and the like)
		if grep -qE '(:|：) ?(:|：)' "$f"; then
			fail "no double colon on a screen ($kind)" "$(cat "$f")"
		else pass; fi
		case $kind in
		unknown)
			fail "a screen with no known title bar" "$(cat "$f")" ;;
		small)
			if grep -q 80x24 "$f"; then pass; else
				fail "the too-small screen names the size" "$(cat "$f")"; fi ;;
		*)
			if grep -qF -f "$TMP/labels" "$f"; then pass; else
				fail "the $kind screen shows a label" "$(cat "$f")"; fi ;;
		esac
	done
	rm -rf "$TMP/captures"
	[ "$n" -gt 0 ] || return 0
	TM_CHECKED=$((${TM_CHECKED:-0} + n))
}
