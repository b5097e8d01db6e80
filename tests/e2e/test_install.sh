# test_install.sh - `make install` with DESTDIR and PREFIX puts the binary,
# data, man pages (English, and Japanese under man/ja) and catalogs in
# place; the installed binary finds its own data from any directory;
# `man -L ja` shows the installed Japanese pages; `make uninstall` removes
# what install put.
STAGE="$TMP/stage"
if make -s -C "$REPO" install DESTDIR="$STAGE" PREFIX=/usr/local >"$TMP/install.log" 2>&1; then
	pass; else fail "make install" "$(cat "$TMP/install.log")"; fi
for f in bin/anshin-ir share/anshin-ir/forms/intake.form \
    share/anshin-ir/data/actions.rules share/anshin-ir/data/holidays.tsv \
    share/anshin-ir/data/contacts.conf share/locale/ja/LC_MESSAGES/anshin-ir.mo; do
	if [ -f "$STAGE/usr/local/$f" ]; then pass; else fail "installed $f"; fi
done
# The Japanese pages (man/ja/) go to man/ja/manN.
for f in "$REPO"/man/*.[15] "$REPO"/man/ja/*.[15]; do
	[ -f "$f" ] || continue
	sec=${f##*.}
	case $f in */man/ja/*) dir=share/man/ja ;; *) dir=share/man ;; esac
	if [ -f "$STAGE/usr/local/$dir/man$sec/$(basename "$f")" ]; then pass; else
		fail "installed man page $dir/man$sec/$(basename "$f")"; fi
done
# man -L ja finds them there and shows their Japanese headings.
for sec in 1 5; do
	[ -f "$REPO/man/ja/anshin-ir.$sec" ] || continue
	where=$(MANPATH="$STAGE/usr/local/share/man" man -w -L ja "$sec" anshin-ir 2>&1)
	expect_eq "$where" "$STAGE/usr/local/share/man/ja/man$sec/anshin-ir.$sec" \
	    "man -L ja finds the installed Japanese anshin-ir($sec)"
	case $sec in 1) head=コマンド ;; 5) head=回答ファイル ;; esac
	OUT=$(MANPATH="$STAGE/usr/local/share/man" LANG=C.UTF-8 LC_ALL= MANWIDTH=80 \
	    MANPAGER=cat PAGER=cat timeout 20 man -L ja "$sec" anshin-ir 2>&1 |
	    sed 's/.\x08//g')
	if printf '%s\n' "$OUT" | grep -qx "$head"; then pass; else
		fail "man -L ja $sec anshin-ir shows the heading $head" "$(printf '%s\n' "$OUT" | head -20)"; fi
done
if [ -d "$REPO/data/drills" ] && ls "$REPO"/data/drills/*.drill >/dev/null 2>&1; then
	n_src=$(ls "$REPO"/data/drills/*.drill | wc -l)
	n_dst=$(ls "$STAGE"/usr/local/share/anshin-ir/data/drills/*.drill | wc -l)
	expect_eq "$n_dst" "$n_src" "drills installed"
fi
OUT=$(cd / && env -u ANSHIN_IR_DATA "$STAGE/usr/local/bin/anshin-ir" check-data 2>&1)
RC=$?
expect_rc 0 "installed binary validates its installed data from /"
expect_out_has "$STAGE/usr/local/share/anshin-ir" "installed data directory found"
OUT=$(cd / && env -u ANSHIN_IR_DATA "$STAGE/usr/local/bin/anshin-ir" frob 2>&1)
expect_out_has "不明なコマンド" "installed catalog gives Japanese messages"
make -s -C "$REPO" uninstall DESTDIR="$STAGE" PREFIX=/usr/local >/dev/null 2>&1
left=$(find "$STAGE" -type f | wc -l)
expect_eq "$left" 0 "make uninstall removes every installed file"
