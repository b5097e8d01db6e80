# test_pdf_docs.sh - the documents a facility sends, through the
# real binary: export --doc ppc|notice|announcement and --stage; the PPC
# draft carries the reporter from contacts.conf, 速報/確報, the Rules
# Art. 7 item and every action done with its date, and the banner when
# the incident is not reportable; the letter is a letter (拝啓, 敬具, 記,
# 以上), names no file and no 「未設定」, and says "will report" while the
# preliminary report is open; pdftotext has nothing to warn about in any
# export; the metadata is in the document's language; and a 200-event
# report never ends a page with a heading nor starts a line with 、。」）.
# Sourced by run.sh (helpers in lib.sh).
FIX="$REPO/tests/fixtures"

# docs_text FILE: the extracted text, lines joined (a cell wraps its text).
docs_text() { pdftotext "$1" - 2>/dev/null | tr -d '\n'; }

# expect_doc_has TEXT DESCRIPTION / expect_doc_lacks: in $DOC, or in
# $DOCS (lines joined with a space, for English wrapped at a space).
expect_doc_has() {
	if printf '%s' "$DOC" | grep -qF -- "$1" ||
	    printf '%s' "$DOCS" | grep -qF -- "$1"; then pass; else
		fail "$2: lacks '$1'" "$(printf '%s' "$DOC" | head -c 600)"; fi
}
expect_doc_lacks() {
	if printf '%s' "$DOC" | grep -qiF -- "$1"; then
		fail "$2: has '$1'" "$(printf '%s' "$DOC" | grep -oiF -- "$1" |
		    head -3)"; else pass; fi
}

# export_doc FILE ARGS...: exports, then checks the PDF is whole and
# that pdftotext prints nothing on stderr (libharu's CID
# ToUnicode map made poppler warn on every page).
export_doc() {
	local out=$1 warn
	shift
	air export "$REF" -o "$out" "$@"
	expect_rc 0 "export $*"
	warn=$(pdftotext "$out" /dev/null 2>&1)
	expect_eq "$warn" "" "pdftotext is silent on export $*"
	DOC=$(docs_text "$out")
	DOCS=$(pdftotext "$out" - 2>/dev/null | tr '\n' ' ')
}

# ---- without a facility profile: blanks, never a path ------------------

new_incident "$FIX/lost-tablet.answers"
export_doc "$TMP/notice.pdf" --doc notice
for key in "拝啓" "敬具" "記" "以上" "〇〇様" \
    "個人情報の漏えい（おそれ）に関するお詫びとお知らせ" \
    "事案の概要" "対象となる個人情報" "原因" "二次被害" "対応の状況" \
    "お問い合わせ窓口" "受付時間"; do
	expect_doc_has "$key" "the letter"
done
for bad in "contacts.conf" "/home" "/etc" "~/.config" "$HOME" "未設定" \
    "anshin-ir" "訪問用タブレットをタクシー内に置き忘れ"; do
	expect_doc_lacks "$bad" "the letter"
done
# Only what is recorded: no action done yet, and the PPC report is one
# the facility will make.
expect_doc_has "個人情報保護委員会に報告いたします" "the letter: will report"
expect_doc_lacks "報告いたしました" "the letter: no claim of a report"
pages=$(pdfinfo "$TMP/notice.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
expect_eq "$pages" 1 "the letter is one page"
# 10.5 pt, and no page furniture.
sizes=$(pdftotext -bbox "$TMP/notice.pdf" - 2>/dev/null | awk -F'"' '
    /<word/ { h = $8 - $4; if (h < 10.4) small++ }
    END { print small + 0 }')
expect_eq "$sizes" 0 "the letter has no text under 10.5 pt"

export_doc "$TMP/notice-en.pdf" --doc notice --lang en
for key in "Dear Sir or Madam" "What happened" "Enquiries" \
    "We will report this incident to the Personal Information Protection" \
    "Yours sincerely"; do
	expect_doc_has "$key" "the English letter"
done
expect_doc_lacks "have reported" "the English letter while the report is open"
expect_doc_lacks "not set" "the English letter"
expect_doc_lacks "contacts.conf" "the English letter"

export_doc "$TMP/ann.pdf" --doc announcement
for key in "個人情報の漏えいに関するお詫びとご報告" "約42人" "お問い合わせ窓口"; do
	expect_doc_has "$key" "the public notice"
done
expect_doc_lacks "tester" "the public notice names no one"
expect_doc_lacks "田中" "the public notice names no one"

# ---- with the facility profile (contacts.conf of the user) ------------

mkdir -p "$XDG_CONFIG_HOME/anshin-ir"
cat >"$XDG_CONFIG_HOME/anshin-ir/contacts.conf" <<'CONF'
[facility]
name = 医療法人社団あんしん会 あんしんクリニック
type = clinic
corporate_number = 3130005005532
representative = 理事長 山田 一郎
postal_code = 604-8571
address = 京都府京都市中京区寺町通御池上る上本能寺前町488
phone = 075-000-0000

[person_in_charge]
name = 鈴木 花子
title = 事務長
phone = 075-000-0001
email = suzuki@example.jp

[enquiry_desk]
name = 個人情報お問い合わせ窓口
phone = 0120-000-000
hours = 平日 9:00〜17:00
CONF
air done "$REF" remote_wipe --at "2026-10-05 19:00" --by 田中
air done "$REF" suspend_user_id --at "2026-10-05 19:10" --by 鈴木
air done "$REF" police_lost_report --at "2026-10-06 08:30" --by 鈴木
expect_rc 0 "actions done"

export_doc "$TMP/ppc.pdf" --doc ppc
for key in "医療法人社団あんしん会 あんしんクリニック" \
    "京都府京都市中京区寺町通御池上る上本能寺前町488" "604-8571" \
    "法人番号" "3130005005532" "理事長 山田 一郎" "鈴木 花子" \
    "suzuki@example.jp" "速報" "施行規則第7条第1号" "約42人" \
    "報告フォーム冒頭の確認事項" "含むか分からない場合は「はい」と回答" \
    "遠隔消去を指示する：実施 2026-10-05 19:00（田中）" \
    "ユーザーIDの一時停止を依頼する：実施 2026-10-05 19:10（鈴木）" \
    "警察に遺失届を出す：実施 2026-10-06 08:30（鈴木）" \
    "1. 概要" "9. その他参考となる事項"; do
	expect_doc_has "$key" "the PPC draft"
done
expect_doc_lacks "報告対象外と判断" "a reportable incident's draft has no banner"
expect_doc_lacks "確報" "the draft is a preliminary one"
# Item 1 is prose built from the answers, not a list of form fields.
expect_doc_has "タクシー車内（京都駅八条口から）において、職員が業務で使用していたタブレットを紛失した。" \
    "item 1 as prose"
title=$(pdfinfo "$TMP/ppc.pdf" 2>/dev/null | sed -n 's/^Title: *//p')
case $title in *個人情報保護委員会*速報*2026-0001*) pass ;;
*) fail "the PPC draft's title is Japanese with its stage and reference" \
    "$title" ;; esac
author=$(pdfinfo "$TMP/ppc.pdf" 2>/dev/null | sed -n 's/^Author: *//p')
expect_eq "$author" "医療法人社団あんしん会 あんしんクリニック" "Author is the facility"
if grep -aq '/Lang (ja-JP)' "$TMP/ppc.pdf"; then pass; else
	fail "/Lang ja-JP in the catalog"; fi
if grep -aq '/Type /Outlines' "$TMP/ppc.pdf"; then pass; else
	fail "the PPC draft has bookmarks"; fi
# 「取扱注意」 on every page of the draft.
n=$(pdfinfo "$TMP/ppc.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
for p in $(seq 1 "$n"); do
	if pdftotext -f "$p" -l "$p" "$TMP/ppc.pdf" - 2>/dev/null |
	    grep -qF "取扱注意"; then pass; else
		fail "「取扱注意」 on page $p of the PPC draft"; fi
done

# The letter now has its sender, and states the actions with their dates.
export_doc "$TMP/notice2.pdf" --doc notice
# (pdftotext drops the ideographic spaces of 「代表者　…」.)
for key in "医療法人社団あんしん会 あんしんクリニック" "代表者理事長 山田 一郎" \
    "拝啓平素より当院をご利用いただき" "2026年10月5日端末のデータの遠隔消去" \
    "2026年10月6日警察への遺失届の提出" "0120-000-000" "平日 9:00〜17:00" \
    "2026年10月5日端末のデータの遠隔消去、ネットワークのIDの利用停止"; do
	expect_doc_has "$key" "the letter with a profile"
done

# Once the preliminary report is recorded: 確報 with its date, and the
# letters say it was made.
air done "$REF" ppc_preliminary_report --at "2026-10-05 21:00" --by 鈴木
expect_rc 0 "the preliminary report recorded"
export_doc "$TMP/final.pdf" --doc ppc
expect_doc_has "確報（速報は2026年10月5日に報告済み）" "the final draft names the preliminary report's date"
export_doc "$TMP/pre.pdf" --doc ppc --stage preliminary
expect_doc_has "速報" "--stage preliminary"
expect_doc_lacks "確報" "--stage preliminary"
export_doc "$TMP/notice3.pdf" --doc notice --lang en
expect_doc_has "6 October 2026: reported the loss to the police" \
    "the English letter lists what was done"
# A line per day (the letter keeps to one page), days in order: the
# report of the 5th before the police of the 6th.
expect_doc_has "5 October 2026: remotely wiped the device, had the network user IDs suspended, reported to the Personal Information Protection Commission (preliminary report)" \
    "the English letter once the report is made"
order=$(printf '%s' "$DOCS" | grep -o "[56] October 2026: " | head -1)
expect_eq "$order" "5 October 2026: " \
    "the letter lists the actions in the order they were done"
expect_doc_lacks "We will report" "the English letter once the report is made"

# The whole report: the draft right after the cover, Japanese metadata.
export_doc "$TMP/report.pdf"
title=$(pdfinfo "$TMP/report.pdf" 2>/dev/null | sed -n 's/^Title: *//p')
case $title in *事案報告書*2026-0001*) pass ;;
*) fail "the report's title is Japanese" "$title" ;; esac
if pdftotext -f 2 -l 2 "$TMP/report.pdf" - 2>/dev/null |
    grep -qF "個人情報保護委員会への漏えい等報告"; then pass; else
	fail "the PPC draft comes right after the cover"; fi
DOC=$(docs_text "$TMP/report.pdf")
count=$(pdftotext "$TMP/report.pdf" - 2>/dev/null | grep -c "法的助言ではありません")
expect_eq "$count" 1 "the disclaimer once, on the cover"
expect_doc_lacks "このチェックリスト" "the report is not called a checklist"
n=$(pdfinfo "$TMP/report.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
for p in $(seq 1 "$n"); do
	if pdftotext -f "$p" -l "$p" "$TMP/report.pdf" - 2>/dev/null |
	    grep -qF "取扱注意"; then pass; else
		fail "「取扱注意」 on page $p of the report"; fi
done
export_doc "$TMP/report-en.pdf" --lang en
title=$(pdfinfo "$TMP/report-en.pdf" 2>/dev/null | sed -n 's/^Title: *//p')
expect_eq "$title" "Incident report: personal information (incident $REF)" \
    "the English report's title"
if grep -aq '/Lang (en)' "$TMP/report-en.pdf"; then pass; else
	fail "/Lang en in the catalog"; fi

# ---- the timeline as a chronology ----------------------------------------

TEXT=$(pdftotext -layout "$TMP/report.pdf" - 2>/dev/null)
for key in "記録日時" "実施日時" "設定：タブレット"; do
	if printf '%s' "$TEXT" | grep -qF "$key"; then pass; else
		fail "timeline: lacks '$key'"; fi
done
# Recorded at 09:00 on the 6th, done at 19:00 on the 5th: both shown.
if printf '%s\n' "$TEXT" | grep -q "2026-10-06 09:00 *2026-10-05 19:00"; then
	pass; else fail "timeline: the action's done time beside its record"; fi
air set "$REF" place=京都駅
export_doc "$TMP/changed.pdf"
expect_doc_has "変更：タクシー車内（京都駅八条口から） → 京都駅" \
    "timeline: a changed answer"
expect_doc_lacks "$TMP" "the export rows name no folder"
expect_doc_has "PDF を出力：report.pdf" "the export rows name the file"

# ---- not reportable: the banner ------------------------------------------

new_incident "$FIX/fax-internal.answers"
export_doc "$TMP/fax.pdf" --doc ppc
expect_doc_has "報告対象外と判断（任意の報告）" "a non-reportable incident's draft"
export_doc "$TMP/fax-en.pdf" --doc ppc --lang en
expect_doc_has "Not reportable, as decided (a voluntary report)" \
    "a non-reportable incident's English draft"

# ---- a busy incident's letter still fits its page ------------------------

new_incident "$FIX/ransomware.answers"
for a in isolate_system preserve_logs contact_vendor restore_from_backup \
    police_cyber_consult report_mhlw ppc_preliminary_report; do
	air done "$REF" "$a" --at "2026-10-06 08:50"
	expect_rc 0 "done $a"
done
for lang in ja en; do
	export_doc "$TMP/busy-$lang.pdf" --doc notice --lang "$lang"
	pages=$(pdfinfo "$TMP/busy-$lang.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	expect_eq "$pages" 1 "a busy incident's letter is one page ($lang)"
done

# ---- usage --------------------------------------------------------------

air export "$REF" -o "$TMP/x.pdf" --doc letter
expect_rc 64 "--doc letter is not a document"
expect_err_has "--doc" "the error names the option"
air export "$REF" -o "$TMP/x.pdf" --doc notice --stage final
expect_rc 64 "--stage applies to the PPC draft"
air export "$REF" -o "$TMP/x.pdf" --stage draft
expect_rc 64 "--stage draft is not a stage"
if [ -e "$TMP/x.pdf" ]; then fail "nothing written on a usage error"; else pass; fi

# ---- layout: a 200-event report ------------------------------------------
# (Its size is test_pdf.sh's and make bench's, without a profile.) No
# page ends with a heading (a line in 11.5 pt or more: headings are the
# only text that large), and no line starts with 、。」）. Heights are the
# font sizes (pdftotext -bbox-layout); the header and footer lie outside
# the body (54 pt from the top, 76 pt from the bottom of an A4 page).

new_incident "$FIX/lost-tablet.answers"
for i in $(seq 1 200); do
	air note "$REF" "経過メモ $i: 関係先へ連絡し、状況を確認した（受付番号 第2026-10-$i号）。"
done
export_doc "$TMP/long.pdf"
ends=$(pdftotext -bbox-layout "$TMP/long.pdf" - 2>/dev/null | awk -F'"' '
    /<page / { if (n) report(); n = 1; low = 0; h = 0; w = "" }
    /<word / && $4 > 54 && $8 < 841.89 - 76 {
        if ($8 > low) { low = $8; h = $8 - $4; w = $0 } }
    function report() { if (h >= 11.4) { sub(/.*">/, "", w); print page ": " w } }
    /<page / { page++ }
    END { report() }')
if [ -z "$ends" ]; then pass; else
	fail "200 events: a page ends with a heading" "$ends"; fi
bad=$(pdftotext -bbox-layout "$TMP/long.pdf" - 2>/dev/null | tr -d '\n' |
    grep -o '<line[^>]*> *<word[^>]*>[^<]*' | sed 's/.*>//' | grep '^[、。」）]')
expect_eq "$bad" "" "200 events: no line starts with 、。」）"
