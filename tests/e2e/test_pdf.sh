# test_pdf.sh - the PDF report through the real binary: each
# section's key text in Japanese and in English (pdftotext), the font
# embedded and subset (pdffonts), more pages for a long timeline (pdfinfo),
# Japanese line breaking, exit 73 and 78 leaving no file, and the export on
# the timeline. Sourced by run.sh (helpers in lib.sh).
FIX="$REPO/tests/fixtures"

# No line of any text block starts with 、。」）(kinsoku): the first word
# of each line pdftotext finds, cell by cell.
expect_kinsoku() {
	local bad
	bad=$(pdftotext -bbox-layout "$1" - 2>/dev/null | tr -d '\n' |
	    grep -o '<line[^>]*> *<word[^>]*>[^<]*' | sed 's/.*>//' |
	    grep '^[、。」）]')
	if [ -z "$bad" ]; then pass; else
		fail "$2: lines start with a closing mark" "$bad"; fi
}

new_incident "$FIX/lost-tablet.answers"

# Japanese (the default language).
air export "$REF" -o "$TMP/r.pdf"
expect_rc 0 "export"
expect_pdf "$TMP/r.pdf" "export"
TEXT=$(pdf_text "$TMP/r.pdf")
pages=$(pdf_pages "$TMP/r.pdf")
for key in "個人情報の漏えい等 事案報告書" "$REF" "端末・媒体の紛失" \
    "訪問用タブレットをタクシー内に置き忘れ" "報告義務" "要配慮個人情報" \
    "速報の目安（5日目）" "2026-10-09" "2026-11-04" \
    "事実関係（5W1H・漏えいした情報・保護の状態）" \
    "いつ・どこで・だれが（5W1H）" "タクシー車内（京都駅八条口から）" \
    "チェックリスト" "ユーザーIDの一時停止を依頼する" \
    "経過記録（タイムライン）" \
    "個人情報保護委員会への漏えい等報告（速報）下書き" \
    "報告フォーム冒頭の確認事項" \
    "個人番号（マイナンバー）を含むか" "1. 概要" "4. 原因" \
    "9. その他参考となる事項" "暗号化：不明" \
    "付録：本人への通知文" "お問い合わせ窓口" \
    "確認・署名" "署名・印" "施設が判断するためのもの" \
    "報告する者" "当院（施設）" "出典：施設ガイド §3-2"; do
	expect_text_has "$key" "Japanese report"
done
# Issue 15: an unset profile value is a blank on paper, never 「未設定」.
if printf '%s' "$TEXT" | grep -qF "未設定"; then
	fail "Japanese report: 「未設定」 printed for an unset contact"; else pass; fi
# "n / N" on every page (pdftotext may drop the spaces).
numbered=$(printf '%s\n' "$TEXT" | grep -Ec "^[0-9]+ ?/ ?$pages\$")
expect_eq "$numbered" "$pages" "every page numbered n / N"
expect_kinsoku "$TMP/r.pdf" "Japanese report"

# The font: embedded, and a subset (a "ABCDEF+" tag before its name).
FONTS=$(pdffonts "$TMP/r.pdf" 2>/dev/null)
if printf '%s\n' "$FONTS" | grep -Eq '^[A-Z]{6}\+[^ ]+ .* yes +yes +yes'; then
	pass; else fail "pdffonts: font embedded and subset" "$FONTS"; fi
expect_eq "$(printf '%s\n' "$FONTS" | tail -n +3 | wc -l)" 1 "one font"

# English.
air --lang en export "$REF" -o "$TMP/en.pdf"
expect_rc 0 "export --lang en"
expect_pdf "$TMP/en.pdf" "English export"
TEXT=$(pdf_text "$TMP/en.pdf")
for key in "Incident report: personal information" "Lost device or media" \
    "Reportable" "Preliminary report (target, day 5)" \
    "5W1H, data affected and protection" "Checklist" "Appendix: timeline" \
    "Draft report to the Personal Information Protection Commission" \
    "the form's first questions" \
    "Is My Number (the individual number) involved?" "4. Cause" \
    "Encryption: unknown" "Appendix: draft letter to the individuals" \
    "Enquiries" "Signatures" "Signature or seal" \
    "to support the facility's decisions" \
    "Who reports" "the facility" "Source: Facility guide §3-2"; do
	expect_text_has "$key" "English report"
done
# English citations on English pages: no Japanese source.
if printf '%s' "$TEXT" | grep -qF "出典"; then
	fail "English report: a Japanese citation"; else pass; fi
expect_kinsoku "$TMP/en.pdf" "English report"

# The export is on the timeline.
air timeline "$REF" --format tsv
if printf '%s\n' "$OUT" | cut -f2 | grep -qx export; then pass; else
	fail "timeline has an export event" "$OUT"; fi

# A long timeline takes more pages; tables repeat their header.
for i in $(seq 1 200); do
	air note "$REF" "経過メモ $i: 関係者へ連絡し、状況を記録した。"
done
expect_rc 0 "200 notes"
air export "$REF" -o "$TMP/long.pdf"
expect_rc 0 "export with 200 notes"
long=$(pdf_pages "$TMP/long.pdf")
if [ "${long:-0}" -gt "${pages:-0}" ]; then pass; else
	fail "page count grows with the timeline: $pages -> $long"; fi
heads=$(pdf_text "$TMP/long.pdf" | grep -c '^種別$')
if [ "$heads" -ge 3 ]; then pass; else
	fail "timeline header repeated on each page ($heads)"; fi
expect_kinsoku "$TMP/long.pdf" "long report"
if [ "$(stat -c %s "$TMP/long.pdf")" -lt 102400 ]; then pass; else
	fail "200 events: file under 100 KB" "$(ls -l "$TMP/long.pdf")"; fi

# Closed: the measures are printed; not reportable: no notice draft.
new_incident "$FIX/fax-internal.answers"
air done "$REF" assemble_team
air done "$REF" assess_reportability --note "院内のみ：報告不要"
air close "$REF" --measures "送信前に番号を二人で確認する。"
expect_rc 0 "close the fax incident"
air export "$REF" -o "$TMP/closed.pdf"
expect_rc 0 "export a closed incident"
TEXT=$(pdf_text "$TMP/closed.pdf")
expect_text_has "再発防止策" "closed report"
expect_text_has "送信前に番号を二人で確認する。" "closed report"
expect_text_has "終了" "closed report"
if printf '%s' "$TEXT" | grep -qF "付録：本人への通知文"; then
	fail "no notice draft when no report is required"; else pass; fi
# A "no" is the facility's decision, with its grounds and facts
# (docs/contract.md §5).
for key in "報告不要と判断（根拠を記録してください）" "報告不要とした理由" \
    "同一法人内のみ" "もとにした事実" "誤送信先の区分：同一法人内"; do
	expect_text_has "$key" "not reportable: a decision to record"
done

# Output that cannot be created: 73, the path named, nothing left.
air export "$REF" -o "$TMP/no/such/dir/r.pdf"
expect_rc 73 "export into a missing directory"
expect_err_has "$TMP/no/such/dir/r.pdf" "the path is named"
mkdir "$TMP/ro"
chmod 500 "$TMP/ro"
if [ "$(id -u)" != 0 ]; then	# root writes anyway
	air export "$REF" -o "$TMP/ro/r.pdf"
	expect_rc 73 "export into a read-only directory"
	expect_eq "$(ls -A "$TMP/ro")" "" "read-only directory left empty"
fi
chmod 700 "$TMP/ro"
air export "$REF" -o "$TMP/ro"
expect_rc 73 "export onto a directory"
expect_eq "$(ls -A "$TMP/ro")" "" "no temporary file left beside it"

# No usable font: 78, the paths and ANSHIN_IR_FONT named, nothing written.
ANSHIN_IR_FONT=/nonexistent/font.ttf air export "$REF" -o "$TMP/nofont.pdf"
expect_rc 78 "export without a usable font"
expect_err_has "ANSHIN_IR_FONT" "the font error names ANSHIN_IR_FONT"
expect_err_has "/nonexistent/font.ttf" "the font error names the path"
if [ -e "$TMP/nofont.pdf" ]; then fail "no file without a font"; else pass; fi

# Issue 12: after the ninth note the signature table began where its
# header and two lines fitted but not its first row's minimum height, and
# the layout added pages without end. Every export ends, and the
# signature heading stays with its whole table (the timeline
# now follows the signatures, as an appendix).
new_incident "$FIX/lost-tablet.answers"
mkdir "$TMP/nine"
for i in $(seq 1 9); do
	air note "$REF" "note $i 事象の記録を追加"
	timeout 10 "$BIN" export "$REF" -o "$TMP/nine/x.pdf" 2>"$TMP/stderr"
	RC=$? ERR=$(cat "$TMP/stderr") OUT=""
	expect_rc 0 "export after note $i ends within 10 s"
done
expect_pdf "$TMP/nine/x.pdf" "export after nine notes"
last=$(pdf_pages "$TMP/nine/x.pdf")
sig=""
for p in $(seq 1 "$last"); do
	pdftotext -f "$p" -l "$p" "$TMP/nine/x.pdf" - 2>/dev/null |
	    grep -qF "確認・署名" && sig=$p
done
TEXT=$(pdftotext -f "${sig:-1}" -l "${sig:-1}" "$TMP/nine/x.pdf" - 2>/dev/null)
expect_text_has "確認・署名" "the signature page"
expect_text_has "署名・印" "the signature page"
expect_text_has "施設長・管理者" "the signature page"

# Issue 12: combining marks take no room (IPAex Gothic draws them as
# spacing glyphs); a note of nothing else ran off the page.
air note "$REF" "$(printf '%0.s\xcc\x81' $(seq 300))"
air note "$REF" "$(printf '%0.s\xe3\x82\x99' $(seq 100))"
air note "$REF" "$(printf 'か\xe3\x82\x99き cafe\xcc\x81')"
air export "$REF" -o "$TMP/marks.pdf"
expect_rc 0 "export with notes of combining marks"
outside=$(pdftotext -bbox "$TMP/marks.pdf" - 2>/dev/null | awk -F'"' '
    /<word/ && ($2 < 49.9 || $6 > 545.4) { print }')
if [ -z "$outside" ]; then pass; else
	fail "combining marks stay inside the margins" "$outside"; fi
TEXT=$(pdf_text "$TMP/marks.pdf")
expect_text_has "cafe" "marks beside text"

# Issue 12: the rename replaced whatever was at the target; as root,
# `export -o /dev/null` turned the device into a PDF. Only a regular file
# or a new name is written: a FIFO and a device node (made here, never in
# /dev; root only) stay as they were, exit 73 naming them; a report
# rewritten in place keeps its mode, and its owner where allowed.
mkdir "$TMP/nodes"
mkfifo "$TMP/nodes/fifo.pdf"
air export "$REF" -o "$TMP/nodes/fifo.pdf"
expect_rc 73 "export onto a FIFO"
expect_err_has "$TMP/nodes/fifo.pdf" "the FIFO is named"
expect_err_has "通常のファイルではない" "the message says why, translated"
if [ -p "$TMP/nodes/fifo.pdf" ]; then pass; else
	fail "the FIFO is still a FIFO" "$(ls -l "$TMP/nodes")"; fi
air --lang en export "$REF" -o "$TMP/nodes/fifo.pdf"
expect_err_has "not a regular file" "the message in English"
if [ "$(id -u)" = 0 ] && mknod "$TMP/nodes/null.pdf" c 1 3 2>/dev/null; then
	air export "$REF" -o "$TMP/nodes/null.pdf"
	expect_rc 73 "export onto a device node"
	expect_err_has "$TMP/nodes/null.pdf" "the device node is named"
	expect_eq "$(stat -c '%F %t:%T %a' "$TMP/nodes/null.pdf")" \
	    "character special file 1:3 644" "the device node is unchanged"
fi
expect_eq "$(ls -A "$TMP/nodes" | grep -c '^\.')" 0 "no temporary file left"
printf 'old\n' >"$TMP/nodes/keep.pdf"
chmod 640 "$TMP/nodes/keep.pdf"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$TMP/nodes/keep.pdf"
owner=$(stat -c %u:%g "$TMP/nodes/keep.pdf")
air export "$REF" -o "$TMP/nodes/keep.pdf"
expect_rc 0 "export over an existing 0640 file"
if [ "$(head -c 5 "$TMP/nodes/keep.pdf")" = "%PDF-" ]; then pass; else
	fail "the existing file is replaced by the report"; fi
expect_eq "$(stat -c %a "$TMP/nodes/keep.pdf")" 640 "the file keeps its mode"
expect_eq "$(stat -c %u:%g "$TMP/nodes/keep.pdf")" "$owner" \
    "the file keeps its owner"

# Issue 12: HarfBuzz read a FIFO named as the font and waited for ever.
# A font path that is not a regular file is refused at once: 78, named.
mkfifo "$TMP/font.fifo"
ANSHIN_IR_FONT="$TMP/font.fifo" timeout 10 "$BIN" export "$REF" \
    -o "$TMP/fifofont.pdf" 2>"$TMP/stderr"
RC=$? ERR=$(cat "$TMP/stderr") OUT=""
expect_rc 78 "ANSHIN_IR_FONT naming a FIFO: refused within 10 s"
expect_err_has "$TMP/font.fifo" "the font error names the FIFO"
expect_err_has "通常のファイルではありません" "the font error says why, translated"
if [ -e "$TMP/fifofont.pdf" ]; then fail "no file without a font"; else pass; fi
