# test_i18n.sh - every message of the program is translated: the catalog
# has a Japanese text for every string marked in the C sources, and the
# screens a user meets speak one language.
POT="$TMP/anshin-ir.pot"
xgettext --from-code=UTF-8 -k_ -kN_ -ktx:2 -o "$POT" "$REPO"/src/*.[ch] "$REPO"/src/*/*.[ch]
missing=$(msgcmp "$REPO/po/ja.po" "$POT" 2>&1)
if [ -z "$missing" ]; then pass; else fail "po/ja.po lacks messages of the sources (make po-update)" "$missing"; fi
untranslated=$(msgattrib --untranslated --no-obsolete "$REPO/po/ja.po" | grep -c '^msgid' || true)
expect_eq "$untranslated" 0 "every message has a Japanese translation"
if msgfmt --check -o /dev/null "$REPO/po/ja.po" 2>"$TMP/msgfmt.err"; then pass; else
	fail "po/ja.po does not compile" "$(cat "$TMP/msgfmt.err")"; fi

# --help and errors in one language each.
air --help
expect_out_has "使い方" "Japanese help by default"
expect_out_lacks "usage:" "no English usage line in Japanese help"
air --lang en --help
expect_out_has "usage:" "English help"
if printf '%s' "$OUT" | grep -qP '[\x{3040}-\x{30ff}\x{4e00}-\x{9fff}]'; then
	fail "English help contains Japanese" "$OUT"; else pass; fi
LANG=en_US.UTF-8 air nosuch
expect_err_has "unknown command" "English error from LANG"
LANG=ja_JP.UTF-8 air nosuch
expect_err_has "不明なコマンド" "Japanese error from LANG"
