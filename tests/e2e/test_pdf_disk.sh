# test_pdf_disk.sh - exporting onto a full disk (issue 8): the write fails
# with a clear message and exit 74 or 73, an existing report is not
# replaced by a partial one, and no temporary file is left behind. Under a
# file-size limit the font subset (about 70 KB before compression) is the
# first file to hit it; the report itself goes through the same temporary
# file and rename.
new_incident "$REPO/tests/fixtures/lost-tablet.answers"
mkdir -p "$TMP/out"
air export "$REF" -o "$TMP/out/report.pdf"
expect_rc 0 "first export"
before=$(sha256sum "$TMP/out/report.pdf" | cut -d' ' -f1)
air note "$REF" "追加のメモ：報告書を作り直す"
OUT=$(ulimit -f 48; "$BIN" export "$REF" -o "$TMP/out/report.pdf" 2>"$TMP/err")
RC=$?
ERR=$(cat "$TMP/err")
case "$RC" in 73|74) pass ;; *) fail "export over the file-size limit: exit $RC, expected 73 or 74" "$ERR" ;; esac
expect_err_has "anshin-ir: " "a message on stderr"
if [ "$(printf '%s\n' "$ERR" | wc -l)" -le 3 ]; then pass; else fail "a short, clear message" "$ERR"; fi
after=$(sha256sum "$TMP/out/report.pdf" | cut -d' ' -f1)
expect_eq "$after" "$before" "the existing report is untouched"
expect_eq "$(ls -A "$TMP/out" | wc -l)" 1 "no temporary file left"
expect_eq "$(stat -c %a "$TMP/out/report.pdf")" 600 "reports are created 0600"
air timeline "$REF" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | grep -c '	export	')" 1 "a failed export is not recorded"
