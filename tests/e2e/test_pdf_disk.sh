# test_pdf_disk.sh - exporting onto a full disk: the write fails
# with a clear message and exit 74 or 73, an existing report is not
# replaced by a partial one, and no temporary file is left behind. Under a
# file-size limit the font subset (about 100 KB before compression) is the
# first file to hit it; a report larger than that hits it when the report
# itself is written, which is how a full disk fails.
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

# Issue 12: when the report itself did not fit, the message was only
# "libharu error 0x1066". Notes that do not compress make the report far
# larger than the font subset, and the limit falls between the two: the
# report's own write fails, and the message names the file and says why.
for i in $(seq 1 60); do
	air note "$REF" "$(head -c 1500 /dev/urandom | base64 -w0)"
done
for lang in ja en; do
	air --lang "$lang" export "$REF" -o "$TMP/out/big.pdf"
	expect_rc 0 "export of the large report ($lang)"
	size=$(stat -c %s "$TMP/out/big.pdf")
	if [ "$size" -gt 180000 ]; then pass; else
		fail "the large report is larger than the limit by far ($size bytes)"; fi
done
OUT=$(ulimit -f 140; "$BIN" --lang en export "$REF" -o "$TMP/out/big.pdf" \
    2>"$TMP/err")
RC=$?
ERR=$(cat "$TMP/err")
expect_rc 74 "export of a report larger than the file-size limit"
expect_err_has "cannot write $TMP/out/big.pdf: File too large" \
    "the message names the report and the reason"
if printf '%s' "$ERR" | grep -q libharu; then
	fail "no libharu error code in the message" "$ERR"; else pass; fi
OUT=$(ulimit -f 140; "$BIN" export "$REF" -o "$TMP/out/big.pdf" 2>"$TMP/err")
ERR=$(cat "$TMP/err")
expect_err_has "$TMP/out/big.pdf に書き込めません: " "the message in Japanese"
expect_eq "$(ls -A "$TMP/out" | grep -c '^\.')" 0 "no temporary file left"
