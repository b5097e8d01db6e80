# test_ja_docs.sh - the Japanese documentation says what the English says.
# man/ja/anshin-ir.1 and .5 have the sections of man/anshin-ir.1 and .5 in
# the same order; in each section the same entries (the ".TP" tags: every
# command with its options, the options, files, variables, exit codes, the
# keys of the data files) and the same words in bold (answer keys, choice
# values, action ids, commands); the key sections of the key table in
# Japanese. Both pages render with man(1) and groff without a warning in
# 80 columns, and end at 40 (groff 1.22's Japanese line breaking loops for
# ever on a run it cannot break that is longer than the line). README.ja.md
# has README.md's sections, commands and code, is linked from the top of
# README.md and says how to generate the Japanese locale.
#
# Conventions (see the head of man/ja/anshin-ir.1): before each .SH and .SS
# of a Japanese page (outside the generated key sections) a line
# '.\" en: HEADING' names the English heading it translates; an entry whose
# tag is translated has '.\" en-tag: TAG' (the English tag line) before its
# .TP; '.\" en-only HEADING: WORD...' lists the English screen words that section
# of the English page shows in bold and the Japanese page says in Japanese.
EN_PAGES=("$REPO"/man/anshin-ir.[15])

# sectioned PAGE en|ja: every line outside the key sections as
# "HEADING<TAB>LINE", HEADING the English heading of the section it is in
# (named by the '.\" en:' line before a Japanese heading, "MISSING: ..."
# without one); each .SH and .SS line itself as "HEADING<TAB>.SH".
sectioned() {
	awk -v lang="$2" '
	/^\.\\" keys: generated/ { k = 1 } /^\.\\" keys: end/ { k = 0; next }
	k { next }
	/^\.\\" en: / { en = substr($0, 9); next }
	/^\.S[HS] / { sec = substr($0, 5); gsub(/"/, "", sec)
	    if (lang == "ja") sec = (en != "" ? en : "MISSING: " sec)
	    en = ""; print sec "\t.SH"; next }
	{ print sec "\t" $0 }' "$1"
}

# The awk programs below read sectioned's lines: HEADING is before the
# first tab, the line after it (which may hold tabs of its own).
SPLIT='{ t = index($0, "\t"); sec = substr($0, 1, t - 1); line = substr($0, t + 1) }'

# heads PAGE en|ja: the headings, in order.
heads() {
	sectioned "$1" "$2" | awk "$SPLIT"' line == ".SH" { print sec }'
}

# entries PAGE en|ja: "HEADING<TAB>TAG" for every .TP/.TQ entry; a
# '.\" planned' line before the .TP adds " planned" to the tag, a
# '.\" en-tag: TAG' line gives the English tag of a translated one.
entries() {
	sectioned "$1" "$2" | awk "$SPLIT"'
	line ~ /^\.\\" planned[ \t]*$/ { planned = 1; next }
	line ~ /^\.\\" en-tag: / { entag = substr(line, 13); next }
	line ~ /^\.T[PQ]/ { tp = 1; next }
	tp { tp = 0; tag = (entag != "" ? entag : line)
	    print sec "\t" tag (planned ? " planned" : ""); entag = "" }
	{ planned = 0 }'
}

# marked PAGE en|ja: the page's source, key sections left out, with each
# heading replaced by a marker ".SH @@ENGLISH HEADING@@", for bold_words.
marked() {
	sectioned "$1" "$2" | awk "$SPLIT"'
	{ print (line == ".SH" ? ".SH \"@@" sec "@@\"" : line) }'
}

# bold_words PAGE en|ja: "HEADING<TAB>WORD" for every ASCII word the page
# shows in bold (rendered by groff on one long line per paragraph, with
# overstriking: "X\bX" is bold, "_\bX" italic), the English heading first.
bold_words() {
	marked "$1" "$2" >"$TMP/marked.roff"
	LC_ALL=C.UTF-8 timeout 20 groff -k -man -Tutf8 -P-c -rLL=2000n \
	    "$TMP/marked.roff" 2>/dev/null | perl -CSD -ne '
	chomp;
	(my $plain = $_) =~ s/.\x08//g;
	if ($plain =~ /^\s*@@(.*)@@\s*$/) { $sec = $1; next }
	s/_\x08(?=(.)\x08\1)//g;         # bold italic: keep the bold
	s/(.)\x08\1/\x01$1\x02/g;        # bold
	s/.\x08//g;                      # italic and the rest: plain
	s/\x02\x01//g;
	while (/\x01([^\x02]*)\x02/g) {
		for my $w ($1 =~ /[-A-Za-z0-9_\$.\/:=+{}<>]+/g) {
			$w =~ s/[.:,]+$//;
			print "$sec\t$w\n" if $w =~ /[A-Za-z0-9]/;
		}
	}' | sort -u
}

# en_only PAGE: "HEADING<TAB>WORD" for the words of its
# '.\" en-only HEADING: WORD...' lines, and for every word of an English
# .SH heading (a reference to a section, which the Japanese page names in
# Japanese) in every section.
en_only() {
	sed -n 's/^\.\\" en-only \([^:]*\): /\1\t/p' "$1" |
	    awk -F '\t' '{ n = split($2, w, " "); for (i = 1; i <= n; i++)
	        print $1 "\t" w[i] }'
	heads "$2" en | grep -x '[A-Z ]*' | tr ' ' '\n' | sed '/^$/d' |
	    sort -u >"$TMP/headwords"
	heads "$2" en | awk 'NR == FNR { w[++n] = $0; next }
	    { for (i = 1; i <= n; i++) print $0 "\t" w[i] }' "$TMP/headwords" -
}

# key_names BLOCK: the keys of each .SS of a generated key block, as
# "HEADING-NUMBER KEY" (the headings are in two languages, their order is
# the table's).
key_names() {
	awk '/^\.SS / { n++ } /^\.B / { print n, substr($0, 4) }' "$1"
}

# rendered PAGE WIDTH: what man(1) shows at WIDTH columns, overstriking
# removed; man's stderr (groff's warnings, -ww) in man.err, man's status
# (124 when it did not end within 20 s) in man.rc.
rendered() {
	LANG=C.UTF-8 LC_ALL=C.UTF-8 MANWIDTH=$2 MANPAGER=cat PAGER=cat \
	    MANROFFOPT=-ww MANROFFSEQ='' timeout 20 man -l -E UTF-8 "$1" \
	    2>"$TMP/man.err" >"$TMP/man.out"
	echo $? >"$TMP/man.rc"
	sed 's/.\x08//g' "$TMP/man.out"
}

for tool in man groff perl timeout; do
	if command -v "$tool" >/dev/null; then pass; else
		fail "$tool is installed (make deps installs man-db and groff-base)"; fi
done

for en_page in "${EN_PAGES[@]}"; do
	name=$(basename "$en_page")
	page="$REPO/man/ja/$name"
	EN="man/$name"
	JA="man/ja/$name"
	if [ -f "$page" ]; then pass; else
		fail "$JA exists: the Japanese translation of $EN"
		continue
	fi

	# ---- the same sections, in the same order
	if iconv -f UTF-8 -t UTF-8 "$page" >/dev/null 2>&1; then pass; else
		fail "$JA is UTF-8"; fi
	heads "$en_page" en >"$TMP/heads.en"
	heads "$page" ja >"$TMP/heads.ja"
	if grep '^MISSING: ' "$TMP/heads.ja" >"$TMP/heads.bad"; then
		fail "$JA: every .SH and .SS has a '.\\\" en: HEADING' line before it naming the English heading" \
		    "$(sed 's/^MISSING: /no en: line before /' "$TMP/heads.bad")"
	else pass; fi
	while read -r h; do
		if grep -qxF -- "$h" "$TMP/heads.ja"; then pass; else
			fail "$JA lacks the section '$h' of $EN (translate it, with '.\\\" en: $h' before its heading)"; fi
	done <"$TMP/heads.en"
	while read -r h; do
		case $h in MISSING:*) continue ;; esac
		if grep -qxF -- "$h" "$TMP/heads.en"; then pass; else
			fail "$JA has the section '$h', which $EN does not have"; fi
	done <"$TMP/heads.ja"
	if cmp -s "$TMP/heads.en" "$TMP/heads.ja"; then pass; else
		fail "$JA has the sections of $EN in the same order" \
		    "$(diff "$TMP/heads.en" "$TMP/heads.ja")"; fi

	# ---- the same entries: commands and their options, options, files,
	# variables, exit codes, keys of the data files
	entries "$en_page" en | sort >"$TMP/entries.en"
	entries "$page" ja | sort >"$TMP/entries.ja"
	n=$(wc -l <"$TMP/entries.en")
	if [ "$n" -ge 20 ]; then pass; else
		fail "$EN has .TP entries ($n found)"; fi
	comm -23 "$TMP/entries.en" "$TMP/entries.ja" >"$TMP/entries.missing"
	while IFS=$'\t' read -r sec tag; do
		fail "$JA lacks the entry '$tag' of $EN section '$sec' (translate it there, with the same .TP tag line)"
	done <"$TMP/entries.missing"
	[ -s "$TMP/entries.missing" ] || pass
	comm -13 "$TMP/entries.en" "$TMP/entries.ja" >"$TMP/entries.extra"
	while IFS=$'\t' read -r sec tag; do
		fail "$JA has the entry '$tag' in section '$sec', which $EN does not have there (add it to $EN, or make the tag line the English one)"
	done <"$TMP/entries.extra"
	[ -s "$TMP/entries.extra" ] || pass

	# ---- the same identifiers in bold, section by section
	bold_words "$en_page" en >"$TMP/bold.en"
	bold_words "$page" ja >"$TMP/bold.ja"
	en_only "$page" "$en_page" | sort -u >"$TMP/en_only"
	n=$(wc -l <"$TMP/bold.en")
	if [ "$n" -ge 50 ]; then pass; else
		fail "the bold words of $EN are found ($n)"; fi
	# (in the sections both pages have: a missing one is reported above)
	comm -23 "$TMP/bold.en" "$TMP/bold.ja" | comm -23 - "$TMP/en_only" |
	    awk -F '\t' 'NR == FNR { have[$0] = 1; next } $1 in have' \
	    "$TMP/heads.ja" - >"$TMP/bold.missing"
	while IFS=$'\t' read -r sec w; do
		fail "$JA section '$sec' lacks '$w' in bold, which $EN shows there (a key, value, id, command or option: write it in bold; an English screen word said in Japanese: add it to the en-only line)"
	done <"$TMP/bold.missing"
	[ -s "$TMP/bold.missing" ] || pass
	# an en-only word no longer bold in that English section goes
	sed -n 's/^\.\\" en-only \([^:]*\): /\1\t/p' "$page" |
	    awk -F '\t' '{ n = split($2, w, " "); for (i = 1; i <= n; i++)
	        print $1 "\t" w[i] }' | sort -u |
	    comm -23 - "$TMP/bold.en" >"$TMP/en_only.stale"
	while IFS=$'\t' read -r sec w; do
		fail "$JA: '$w' is not bold in section '$sec' of $EN any more: remove it from the en-only line of '$sec'"
	done <"$TMP/en_only.stale"
	[ -s "$TMP/en_only.stale" ] || pass

	# ---- it renders: no warning from groff or man, 80 columns, ends at 40
	if LC_ALL=C.UTF-8 timeout 20 groff -k -man -Tutf8 -ww -z "$page" \
	    >"$TMP/groff.err" 2>&1 && [ ! -s "$TMP/groff.err" ]; then pass; else
		fail "$JA: groff -k -man -Tutf8 -ww -z warns or does not end" \
		    "$(head -20 "$TMP/groff.err")"; fi
	rendered "$page" 80 >"$TMP/page.txt"
	expect_eq "$(cat "$TMP/man.rc")" 0 "$JA: man -l renders it at 80 columns"
	if [ -s "$TMP/man.err" ]; then
		fail "$JA: man -l warns" "$(head -20 "$TMP/man.err")"
	else pass; fi
	width=$(LC_ALL=C.UTF-8 wc -L <"$TMP/page.txt")
	if [ "$width" -le 80 ]; then pass; else
		fail "$JA fits 80 columns (widest line: $width)"; fi
	# headings in Japanese, as many as the English page's
	grep -v '^$' "$TMP/page.txt" | sed '1d;$d' | grep '^[^ ]' >"$TMP/ja.heads"
	if LC_ALL=C grep -v '[^[:print:]]' "$TMP/ja.heads" >"$TMP/ascii.heads"
	then fail "$JA has Japanese section headings only" "$(cat "$TMP/ascii.heads")"
	else pass; fi
	n_ja=$(wc -l <"$TMP/ja.heads")
	n_en=$(grep -c '^\.SH ' "$en_page")
	expect_eq "$n_ja" "$n_en" "$JA shows as many sections as $EN"
	case $name in
	*.1) other='anshin-ir(5)' ;;
	*.5) other='anshin-ir(1)' ;;
	esac
	if grep -qF "$other" "$TMP/page.txt"; then pass; else
		fail "$JA refers to $other"; fi
	rendered "$page" 40 >/dev/null
	expect_eq "$(cat "$TMP/man.rc")" 0 \
	    "$JA: man -l ends at 40 columns (an ASCII run glued to Japanese text and longer than the line makes groff loop: put \\: after 、 or a space before it)"
done

# ---- the key sections: the key table's, in Japanese, with the same keys

MAN1_JA="$REPO/man/ja/anshin-ir.1"
if [ -f "$MAN1_JA" ]; then
	expect_man_keys "$MAN1_JA" ja
	mv "$TMP/keys.man" "$TMP/keys.ja"
	man_keys_block "$REPO/man/anshin-ir.1" >"$TMP/keys.en"
	key_names "$TMP/keys.en" >"$TMP/keynames.en"
	key_names "$TMP/keys.ja" >"$TMP/keynames.ja"
	if [ -s "$TMP/keynames.en" ] && cmp -s "$TMP/keynames.en" "$TMP/keynames.ja"
	then pass; else
		fail "the key sections of man/anshin-ir.1 and man/ja/anshin-ir.1 list the same keys (screen number, key)" \
		    "$(diff "$TMP/keynames.en" "$TMP/keynames.ja" | head -20)"; fi
	if grep -qx '\.SS ホーム画面' "$TMP/keys.ja"; then pass; else
		fail "man/ja/anshin-ir.1 has the keys of the home screen under a Japanese heading"; fi
fi

# ---- README.ja.md: README.md's content for a Japanese facility manager

README="$REPO/README.md"
README_JA="$REPO/README.ja.md"
if [ -f "$README_JA" ]; then pass; else
	fail "README.ja.md exists"
	README_JA=/dev/null
fi
line=$(grep -n 'README\.ja\.md' "$README" | head -1 | cut -d: -f1)
if [ -n "$line" ] && [ "$line" -le 5 ]; then pass; else
	fail "README.md links README.ja.md in its first 5 lines (line: ${line:-none})"; fi
if grep -qF '(README.md)' "$README_JA"; then pass; else
	fail "README.ja.md links README.md back"; fi
n_en=$(grep -c '^## ' "$README")
n_ja=$(grep -c '^## ' "$README_JA")
expect_eq "$n_ja" "$n_en" "README.ja.md has as many sections (## headings) as README.md"

# code_lines FILE: the indented code lines, quoted, comments and runs of
# spaces dropped; code_spans FILE: the `code spans` that are ASCII.
code_lines() {
	awk '/^    [^ ]/ || /^\t/' "$1" | sed 's/ \{2,\}#.*//; s/^[ \t]*//; s/[ \t]*$//; s/  */ /g' |
	    sed "/^\$/d; s/.*/'&'/" | sort -u
}
code_spans() {
	perl -0777 -ne 'while (/`([^`]+)`/g) { (my $s = $1) =~ s/\s+/ /g;
	    print "`$s`\n" }' "$1" | LC_ALL=C grep -v '[^ -~]' | sort -u
}
for what in code_lines code_spans; do
	"$what" "$README" >"$TMP/$what.en"
	"$what" "$README_JA" >"$TMP/$what.ja"
	comm -23 "$TMP/$what.en" "$TMP/$what.ja" >"$TMP/$what.missing"
	label=${what%s}
	while read -r l; do
		fail "README.ja.md lacks the ${label/_/ } $l, which README.md has"
	done <"$TMP/$what.missing"
	[ -s "$TMP/$what.missing" ] || pass
done
# the Japanese locale on Debian, and the Japanese manual
for want in 'apt install locales' 'dpkg-reconfigure locales' 'ja_JP.UTF-8' \
    'man -L ja anshin-ir' '法的助言ではありません' '個人情報保護委員会' '施設責任者'; do
	if grep -qF -- "$want" "$README_JA"; then pass; else
		fail "README.ja.md says '$want'"; fi
done
