# test_man.sh - the manual pages: both render with man(1) and groff without
# a warning and fit 80 columns; each has the sections a user looks for; and
# anshin-ir.1's COMMANDS, OPTIONS, EXIT STATUS and ENVIRONMENT agree with
# the program (--help, and the variables the sources read), both ways.
#
# Convention (see the head of man/anshin-ir.1): in COMMANDS each command
# entry is ".TP" then ".B NAME" or ".BR NAME ...". An entry for a command
# the program does not have yet is preceded by the line '.\" planned';
# such entries need not be in --help, but a planned mark left on a command
# that --help lists fails, so the mark goes when the command lands.
MAN1="$REPO/man/anshin-ir.1"
MAN5="$REPO/man/anshin-ir.5"

# man_section FILE NAME: the roff source of section NAME, head excluded.
man_section() {
	awk -v want="$2" '
	/^\.SH / { s = substr($0, 5); gsub(/"/, "", s); on = (s == want); next }
	on' "$1"
}

# tp_tags: from a section's source on stdin, the tag line of every ".TP",
# with "\-" as "-"; a '.\" planned' line just before a ".TP" adds the
# field "planned" at the end of its tag.
tp_tags() {
	awk '
	/^\.\\" planned[ \t]*$/ { planned = 1; next }
	/^\.TP/ { tp = 1; next }
	tp { tp = 0; gsub(/\\-/, "-"); print $0 (planned ? " planned" : "") }
	{ planned = 0 }'
}

# rendered FILE: the page as man(1) shows it on an 80-column terminal,
# overstriking removed; man's stderr (groff warnings with -ww) in man.err.
rendered() {
	LANG=C.UTF-8 LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat PAGER=cat \
	    MANROFFOPT=-ww man -l "$1" 2>"$TMP/man.err" | sed 's/.\x08//g'
}

have_man=1
for tool in man groff; do
	if command -v "$tool" >/dev/null; then pass; else
		fail "$tool is installed (make deps installs man-db and groff-base)"
		have_man=0
	fi
done

for page in "$MAN1" "$MAN5"; do
	name=$(basename "$page")
	if [ -f "$page" ]; then pass; else
		fail "$name exists"
		continue
	fi
	# groff without preconv reads bytes as Latin-1: keep the source ASCII.
	if LC_ALL=C grep -n '[^[:print:][:space:]]' "$page" >"$TMP/nonascii"; then
		fail "$name is ASCII (write other characters as \\[uXXXX])" \
		    "$(head -5 "$TMP/nonascii")"
	else pass; fi
	[ "$have_man" = 1 ] || continue
	if LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" >"$TMP/groff.err" 2>&1 &&
	    [ ! -s "$TMP/groff.err" ]; then pass; else
		fail "$name: groff -man -Tutf8 -ww -z warns" "$(head -20 "$TMP/groff.err")"
	fi
	rendered "$page" >"$TMP/page.txt"
	if [ -s "$TMP/man.err" ]; then
		fail "$name: man -l warns" "$(head -20 "$TMP/man.err")"
	else pass; fi
	if grep -qx 'NAME' "$TMP/page.txt" && grep -qx 'SEE ALSO' "$TMP/page.txt"; then
		pass; else fail "$name: man -l renders it" "$(head -20 "$TMP/page.txt")"; fi
	width=$(LC_ALL=C.UTF-8 wc -L <"$TMP/page.txt")
	if [ "$width" -le 80 ]; then pass; else
		fail "$name fits 80 columns (widest line: $width)"; fi
	case $name in
	*.1)
		other='anshin-ir(5)'
		sections='SYNOPSIS|DESCRIPTION|COMMANDS|OPTIONS|THE WIZARD|FILES|ENVIRONMENT|EXIT STATUS|EXAMPLES|SEE ALSO' ;;
	*.5)
		other='anshin-ir(1)'
		sections='COMMON SYNTAX|ANSWERS FILE|INTAKE FORM|RULES|CONDITION LANGUAGE|DRILL FILES|CONTACTS FILES|HOLIDAYS TABLE|EXAMPLES|SEE ALSO' ;;
	esac
	if grep -qF "$other" "$TMP/page.txt"; then pass; else
		fail "$name refers to $other"; fi
	IFS='|' read -r -a want <<<"$sections"
	for s in "${want[@]}"; do
		if grep -qx "$s" "$TMP/page.txt"; then pass; else
			fail "$name has the section $s"; fi
	done
done

# ---- COMMANDS <-> --help, both ways

air --lang en --help
expect_rc 0 "--lang en --help"
HELP=$OUT
# Command lines of --help: "  NAME<spaces>NAME USAGE".
printf '%s\n' "$HELP" | awk '/^  [a-z]/ && $1 == $2 { print $1 }' | sort -u \
    >"$TMP/help.cmds"
n=$(wc -l <"$TMP/help.cmds")
if [ "$n" -ge 15 ]; then pass; else
	fail "--help lists the commands as '  NAME  NAME USAGE' ($n found)" "$HELP"; fi

# One line per entry of COMMANDS: "NAME ready" or "NAME planned".
man_section "$MAN1" COMMANDS | tp_tags | awk '$1 ~ /^\.BR?$/ {
	name = $2; gsub(/"/, "", name)
	print name, ($NF == "planned" ? "planned" : "ready") }' >"$TMP/man.entries"
n=$(wc -l <"$TMP/man.entries")
if [ "$n" -ge 15 ]; then pass; else
	fail "anshin-ir.1 COMMANDS has '.TP' + '.B NAME' entries ($n found)"; fi

while read -r c; do
	if awk -v c="$c" '$1 == c { f = 1 } END { exit !f }' "$TMP/man.entries"; then
		pass; else fail "'$c' of --help has an entry in anshin-ir.1 COMMANDS"; fi
done <"$TMP/help.cmds"

while read -r c state; do
	if grep -qx -- "$c" "$TMP/help.cmds"; then
		if [ "$state" = ready ]; then pass; else
			fail "'$c' is in --help now: remove the '.\\\" planned' line before its entry in man/anshin-ir.1"; fi
	else
		if [ "$state" = planned ]; then pass; else
			fail "anshin-ir.1 COMMANDS documents '$c', which --help does not list (put '.\\\" planned' before its .TP if it is coming)"; fi
	fi
done <"$TMP/man.entries"

# Every option in a command's --help usage shows in that command's entries.
while read -r c usage; do
	man_section "$MAN1" COMMANDS | tp_tags |
	    awk -v c="$c" '$1 ~ /^\.BR?$/ && $2 == c' >"$TMP/tags"
	for o in $(printf '%s\n' "$usage" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		if grep -qF -- "\\fB$o\\fR" "$TMP/tags"; then pass; else
			fail "anshin-ir.1 COMMANDS shows $o of '$c'" "$(cat "$TMP/tags")"; fi
	done
done < <(printf '%s\n' "$HELP" | awk '/^  [a-z]/ && $1 == $2')

# ---- OPTIONS, EXIT STATUS and ENVIRONMENT agree with the program

man_section "$MAN1" OPTIONS | tp_tags >"$TMP/man.opts"
opts=$(printf '%s\n' "$HELP" | grep '^Options:' | grep -oE -- '--?[a-zA-Z][a-z-]*')
if [ -n "$opts" ]; then pass; else fail "--help names the global options" "$HELP"; fi
for o in $opts; do
	if grep -qE -- "(^|[ \"])$o([ \"]|\$)" "$TMP/man.opts"; then pass; else
		fail "global option $o has an entry in anshin-ir.1 OPTIONS" "$(cat "$TMP/man.opts")"; fi
done

printf '%s\n' "$HELP" | grep '^Exit status:' | grep -oE '\b[0-9]+ [A-Za-z]' |
    cut -d' ' -f1 | sort -n | tr '\n' ' ' >"$TMP/help.codes"
man_section "$MAN1" "EXIT STATUS" | tp_tags | awk '$1 == ".B" { print $2 }' |
    sort -n | tr '\n' ' ' >"$TMP/man.codes"
if [ -s "$TMP/help.codes" ]; then pass; else fail "--help states the exit codes" "$HELP"; fi
expect_eq "$(cat "$TMP/man.codes")" "$(cat "$TMP/help.codes")" \
    "anshin-ir.1 EXIT STATUS has the exit codes of --help, no more, no fewer"

# Each variable the sources read (and those docs/contract.md names for code
# still to come) is a tag of ENVIRONMENT.
man_section "$MAN1" ENVIRONMENT | tp_tags >"$TMP/man.env"
grep -rhoE '"(ANSHIN_IR_[A-Z_]+|XDG_[A-Z_]+|NO_COLOR|LC_ALL|LC_MESSAGES|LANG|TERM)"' \
    "$REPO/src" | tr -d '"' | sort -u >"$TMP/src.env"
if grep -qx ANSHIN_IR_DB "$TMP/src.env"; then pass; else
	fail "the environment variables are found in the sources" "$(cat "$TMP/src.env")"; fi
printf '%s\n' ANSHIN_IR_NOW ANSHIN_IR_FONT TERM >>"$TMP/src.env"
while read -r v; do
	if grep -qwF -- "$v" "$TMP/man.env"; then pass; else
		fail "\$$v has an entry in anshin-ir.1 ENVIRONMENT"; fi
done < <(sort -u "$TMP/src.env")

# ---- the key sections are the key table's: one table feeds
# the key bar, F1 and this page; tools/man-keys.sh --update rewrites them

expect_man_keys "$MAN1" en
for s in "Home screen" "Wizard: a choice" "Incident screen" "An action's detail" \
    "Settings screen"; do
	if grep -qx "\.SS $s" "$TMP/keys.man"; then pass; else
		fail "anshin-ir.1 has the keys of '$s'"; fi
done
# F1 shows the same words: the help of a screen lists its keys from the
# same table (checked on the screens by the tmux tests)
air --lang en help keys
expect_rc 0 "help keys"
expect_out_has "== Home screen" "help keys: the home screen"
expect_out_has "  k          fill in the facility profile and contacts (settings)" \
    "help keys: k is the settings, on the home screen"
air help keys
expect_out_has "== ホーム画面" "help keys in Japanese"

# ---- the keys the program reads (anshin-ir.5, INTAKE FORM) are those of
# src/core/contract.h, each with its type

# (lines joined first: an entry may continue on the next line)
tr '\n' ' ' <"$REPO/src/core/contract.h" | sed 's/\\ *//g' |
    grep -oE 'X\(FIELD_[A-Z_]+, "[a-z_]+",[[:space:]]*FORM_[A-Z]+' |
    awk -F'"' '{ t = $3; sub(/.*FORM_/, "", t); print $2, tolower(t) }' |
    sort >"$TMP/contract.keys"
awk '/^\.\\" contract: begin/ { on = 1; next } /^\.\\" contract: end/ { on = 0 }
	on && /^\.TP/ { tp = 1; next }
	on && tp { type = $2; tp = 0; next }
	on && /^\.BR? [a-z_]+/ { print $2, type }' "$MAN5" | sort >"$TMP/man.keys"
n=$(wc -l <"$TMP/contract.keys")
if [ "$n" -ge 20 ]; then pass; else
	fail "the keys of contract.h are found ($n)" "$(cat "$TMP/contract.keys")"; fi
if cmp -s "$TMP/contract.keys" "$TMP/man.keys"; then pass; else
	fail "anshin-ir.5 'Keys the program reads' lists the keys of src/core/contract.h with their types" \
	    "$(diff "$TMP/contract.keys" "$TMP/man.keys")"; fi
