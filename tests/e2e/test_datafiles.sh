# test_datafiles.sh - data files are read whole or refused: a
# NUL byte used to end a file early without a word, so check-data said ok
# while the support desk's phone read "not set" or a holiday was gone; and
# a FIFO in place of a data file hung the program for good.

D="$TMP/d"
USER_CONTACTS="$XDG_CONFIG_HOME/anshin-ir/contacts.conf"

fresh_data() { data_copy "$D"; }

# put_nul FILE LINE: a NUL byte inside line LINE, the rest kept.
put_nul() {
	local line
	line=$(sed -n "$2p" "$1")
	{
		head -n "$(($2 - 1))" "$1"
		printf '%s\0%s\n' "${line:0:4}" "${line:4}"
		tail -n "+$(($2 + 1))" "$1"
	} >"$1.new" && mv "$1.new" "$1"
}

# expect_nul_refused FILE LINE WHAT: check-data and an ordinary command
# both exit 78 naming FILE:LINE.
expect_nul_refused() {
	expect_data_refused "$D" "NUL in $3" "$1:$2: NUL byte"
}

fresh_data
air --lang en check-data "$D"
expect_rc 0 "the copied data is valid"

for rel in forms/intake.form data/actions.rules data/holidays.tsv \
    data/contacts.conf data/drills/lost-smartphone.drill; do
	fresh_data
	f="$D/$rel"
	n=$(($(wc -l <"$f") / 2))
	put_nul "$f" "$n"
	expect_nul_refused "$f" "$n" "$rel"
done

# The user's own contacts file, where the support desk's phone is kept.
fresh_data
mkdir -p "$(dirname "$USER_CONTACTS")"
printf '[support_desk]\nphone = 0120-000\0-000\n' >"$USER_CONTACTS"
expect_nul_refused "$USER_CONTACTS" 2 "the user's contacts.conf"
rm -f "$USER_CONTACTS"

# An answers file is not a data file, but it is read by the same parser:
# the same message, with the exit status of bad answers.
printf 'kind = device_loss\nsummary = a\0b\n' >"$TMP/nul.answers"
air --lang en new --answers "$TMP/nul.answers"
expect_rc 65 "new --answers: NUL in the answers"
expect_err_has "$TMP/nul.answers:2: NUL byte" "the NUL in the answers named"
air --lang en new --answers - <"$TMP/nul.answers"
expect_rc 65 "new --answers -: NUL on stdin"
expect_err_has "<stdin>:2: NUL byte" "the NUL on stdin named"

# air_limited ARGS...: as air, killed after 10 s (exit 124) should the
# program wait on a FIFO.
air_limited() {
	OUT=$(timeout 10 "$BIN" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
}

# expect_fifo_refused PATH WHAT: check-data and an ordinary command both
# exit 78 at once, naming PATH.
expect_fifo_refused() {
	DATA_RUN=air_limited expect_data_refused "$D" "$2 is a FIFO" \
	    "$1: not a regular file"
}

for rel in forms/intake.form data/actions.rules data/holidays.tsv \
    data/contacts.conf data/drills/lost-smartphone.drill; do
	fresh_data
	rm "$D/$rel"
	mkfifo "$D/$rel"
	expect_fifo_refused "$D/$rel" "$rel"
done

# A FIFO beside the real scenarios: every *.drill is loaded.
fresh_data
mkfifo "$D/data/drills/extra.drill"
expect_fifo_refused "$D/data/drills/extra.drill" "a new drill"

fresh_data
mkfifo "$USER_CONTACTS"
expect_fifo_refused "$USER_CONTACTS" "the user's contacts.conf"
rm -f "$USER_CONTACTS"

# Guards that held from the start: a FIFO for the drills directory is
# refused (opendir never opens it), and answers may still come from a pipe,
# being input, not data.
rm -rf "$D/data/drills"
mkfifo "$D/data/drills"
air_limited --lang en check-data "$D"
expect_rc 78 "check-data: data/drills is a FIFO"
expect_err_has "$D/data/drills" "check-data names the drills directory"

air_limited --lang en new --answers <(cat "$REPO/tests/fixtures/lost-tablet.answers")
expect_rc 0 "new --answers from a pipe"
