# test_notices.sh - the notices to the individuals through the real
# binary: a 43-row CP932 CSV with one bad row refused with its line and
# nothing stored, then the corrected file; 40 sent, 2 returned, 1
# unreachable, with the checklist's progress, notify_individuals open and
# a manual done refused; the PPC final draft's item 6 with the counts and
# dates; 43 letters one a page and the next batch with --only unsent; the
# labels; enquiries; the public notice recorded and the rest marked, then
# notify_individuals done; re-import keeping marks; verify replaying the
# marks and finding one altered; every error path; and the patients'
# names in no output but notices list, notices enquiries, the letters and
# the labels. Sourced by run.sh (helpers in lib.sh).

# A week on: the letters went out on the 5th and came back on the 8th.
export ANSHIN_IR_NOW="2026-10-12 09:00"
# An incident that must notify: paper records of 43 patients lost outside.
cat >"$TMP/n.answers" <<'EOF'
kind = paper_loss
discovered_at = 2026-10-02 09:00
summary = 外来カルテの写しを院外で紛失
data_types = patient_identity, medical, contact
persons_count = 43
persons_basis = exact
exposure = outside
cause = loss
EOF
new_incident "$TMP/n.answers"
N=$REF

# 43 names, each unique and none a substring of another.
surnames=(山田 佐藤 鈴木 高橋 田中 伊藤 渡辺 中村 小林 加藤 吉田)
givens=(一郎 花子 健太 美咲)
: >"$TMP/names"
printf 'name,postal_code,address,phone\n' >"$TMP/p.utf8.csv"
i=0
for s in "${surnames[@]}"; do
	for g in "${givens[@]}"; do
		i=$((i + 1))
		[ "$i" -gt 43 ] && break
		printf '%s %s\n' "$s" "$g" >>"$TMP/names"
		printf '%s %s,600-%04d,京都市下京区四条通%d番地,075-000-%04d\n' \
		    "$s" "$g" "$i" "$i" "$i" >>"$TMP/p.utf8.csv"
	done
done
expect_eq "$(wc -l <"$TMP/names")" 43 "43 recipients in the fixture"
# The bad row: line 20 (the 19th person) with a postal code of 5 digits.
sed '20s/,600-0019,/,60-019,/' "$TMP/p.utf8.csv" >"$TMP/bad.utf8.csv"
iconv -f UTF-8 -t CP932 "$TMP/bad.utf8.csv" >"$TMP/patients.csv"
iconv -f UTF-8 -t CP932 "$TMP/p.utf8.csv" >"$TMP/fixed.csv"
if ! iconv -f UTF-8 -t UTF-8 "$TMP/fixed.csv" >/dev/null 2>&1; then pass; else
	fail "the fixture is CP932, not UTF-8"; fi

# names_in TEXT: how many of the 43 names TEXT holds.
names_in() { printf '%s' "$1" | grep -oF -f "$TMP/names" | sort -u | wc -l; }
# no_names WHAT TEXT: none of the names in an output that must not show them.
no_names() {
	local n
	n=$(names_in "$2")
	expect_eq "$n" 0 "no patient name in $1"
}
ALLOWED=""

# ---- the bad file: its line, nothing stored --------------------------------
air notices "$N" import "$TMP/patients.csv"
expect_rc 65 "a bad row refuses the import"
expect_err_has "patients.csv:20: postal_code:" "the error names the file, the line and the column"
no_names "the import's error" "$ERR"
air notices "$N" list --format tsv
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" 1 "nothing stored after the refusal (the header alone)"
air timeline "$N" --format tsv
if printf '%s' "$OUT" | grep -q $'\trecipients\t'; then
	fail "no recipients event after the refusal"; else pass; fi

# ---- the corrected file -------------------------------------------------
air --lang en notices "$N" import "$TMP/fixed.csv"
expect_rc 0 "the corrected file imports"
expect_out_has "fixed.csv: 43 recipients (Shift_JIS): 43 added, 0 changed, 0 removed" \
    "the import says what it read"
air --lang en notices "$N" import "$TMP/fixed.csv"
expect_out_has "43 recipients (Shift_JIS): 0 added, 0 changed, 0 removed" \
    "the same file again changes nothing"
no_names "the import's output" "$OUT"
air notices "$N" list
expect_rc 0 "notices list"
ALLOWED="$OUT"
expect_eq "$(names_in "$OUT")" 43 "notices list shows every name"
expect_out_has "R043" "the rows are numbered R001... in file order"
air notices "$N" list --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[18] | .id + " " + .postal_code')" \
    "R019 600-0019" "json: the 19th row as corrected"
expect_eq "$(printf '%s' "$OUT" | jq -r '.[0].name')" "山田 一郎" "json: the first name"

# ---- the marks -------------------------------------------------------------
ids=$(seq -f 'R%03g' 1 42 | tr '\n' ' ')
# shellcheck disable=SC2086
air notices "$N" mark $ids sent --via letter --at "2026-10-05 10:00" --by 鈴木
expect_rc 0 "42 letters marked sent at once"
no_names "mark's output" "$OUT$ERR"
air notices "$N" mark R041 R042 returned --at "2026-10-08 11:00" --note "宛所不明で返送"
expect_rc 0 "two letters came back"
air --lang en checklist "$N"
expect_out_has "notified 40/43, returned 2, not yet sent 1" "the checklist's progress before the last mark"
# the next batch: the two returned and the one not sent yet
air export "$N" --doc notice --only unsent -o "$TMP/next.pdf"
expect_rc 0 "export --only unsent"
expect_out_has "通知文 3 通" "the command says how many letters"
expect_eq "$(pdfinfo "$TMP/next.pdf" | awk '/^Pages:/ {print $2}')" 3 "--only unsent: 3 letters"
air notices "$N" mark R043 unreachable --at "2026-10-09 09:30" --note "住所不明" --via letter
expect_rc 0 "one unreachable"
air checklist "$N"
expect_out_has "通知 40／43、返送 2、連絡不能 1" "the checklist shows the progress in Japanese"
no_names "checklist" "$OUT"
air checklist "$N" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 == "notify_individuals" {print $4}')" \
    open "notify_individuals is open"
air checklist "$N" --format json
expect_eq "$(printf '%s' "$OUT" | jq -c '.[] | select(.action == "notify_individuals") | .progress | [.total, .sent, .returned, .reached, .unreachable, .not_sent, .unsent]')" \
    "[43,40,2,0,1,0,2]" "checklist json: progress"
no_names "checklist json" "$OUT"
air --lang en done "$N" notify_individuals --by 鈴木
expect_rc 1 "a manual done is refused"
expect_err_has "notified 40/43, returned 2, unreachable 1" "the refusal gives the progress"
air skip "$N" notify_individuals --reason "x"
expect_rc 1 "a skip is refused too"

# ---- what the documents say ---------------------------------------------
air export "$N" --doc ppc --stage final -o "$TMP/ppc.pdf"
expect_rc 0 "the PPC final draft"
PPC=$(pdftotext "$TMP/ppc.pdf" - 2>/dev/null | tr -d '\n ')
for want in "通知の対象：43人" "送付済み：40人（2026年10月5日）" \
    "返送（不着）：2人（2026年10月8日）" "連絡不能：1人（2026年10月9日）" \
    "通知40／43、返送2、連絡不能1"; do
	if printf '%s' "$PPC" | grep -qF "$want"; then pass; else
		fail "item 6 of the final draft states '$want'" "$PPC"; fi
done
no_names "the PPC draft" "$PPC"

air export "$N" --doc notice -o "$TMP/letters.pdf"
expect_rc 0 "the letters"
expect_out_has "通知文 43 通（1通1ページ）" "the command prints how many letters it wrote"
expect_eq "$(pdfinfo "$TMP/letters.pdf" | awk '/^Pages:/ {print $2}')" 43 "43 letters, one a page"
L1=$(pdftotext -f 1 -l 1 "$TMP/letters.pdf" - 2>/dev/null)
L43=$(pdftotext -f 43 -l 43 "$TMP/letters.pdf" - 2>/dev/null)
if printf '%s' "$L1" | grep -qF "山田 一郎様" && printf '%s' "$L1" | grep -qF "〒600-0001" &&
    printf '%s' "$L1" | grep -qF "京都市下京区四条通1番地" &&
    printf '%s' "$L1" | grep -qF "R001"; then pass; else
	fail "letter 1 is addressed to R001: postal code, address, name 様, id" "$L1"; fi
expect_eq "$(names_in "$L1")" 1 "letter 1 names one person"
if printf '%s' "$L43" | grep -qF "吉田 健太様"; then pass; else
	fail "letter 43 is R043's (id order)" "$L43"; fi
if printf '%s' "$L1" | grep -qE '[0-9]+ / [0-9]+'; then
	fail "no page numbers across letters to different people" "$L1"; else pass; fi
expect_eq "$(names_in "$(pdftotext "$TMP/letters.pdf" - 2>/dev/null)")" 43 "the letters show every name"
air export "$N" --doc notice --only unsent -o "$TMP/next2.pdf"
expect_eq "$(pdfinfo "$TMP/next2.pdf" | awk '/^Pages:/ {print $2}')" 2 \
    "--only unsent: the returned two (an unreachable mark is not unsent)"

air export "$N" --doc labels -o "$TMP/labels.pdf"
expect_rc 0 "labels"
expect_out_has "宛名ラベル 43 枚（1シート 12 面）" "the command prints how many labels"
expect_eq "$(pdfinfo "$TMP/labels.pdf" | awk '/^Pages:/ {print $2}')" 4 "43 labels, 12 a sheet: 4 sheets"
expect_eq "$(names_in "$(pdftotext "$TMP/labels.pdf" - 2>/dev/null)")" 43 "the labels show every name"
air export "$N" --doc labels --sheet 24 --only unsent -o "$TMP/labels24.pdf"
expect_rc 0 "labels, 24 a sheet, the next batch"
expect_eq "$(pdfinfo "$TMP/labels24.pdf" | awk '/^Pages:/ {print $2}')" 1 "2 labels on one sheet"

# ---- enquiries ------------------------------------------------------------
air notices "$N" enquiry "通知の内容について詳しく知りたい" --from "山田 一郎" \
    --answer "紛失の経緯を説明した" --at "2026-10-07 14:00"
expect_rc 0 "an enquiry"
expect_out_has "問い合わせ 1 を記録しました" "its number"
air notices "$N" enquiry "補償はあるのか" --from "佐藤 花子" --follow-up
expect_rc 0 "an enquiry with a follow-up"
no_names "enquiry's output" "$OUT"
air notices "$N" enquiries
expect_rc 0 "notices enquiries"
ALLOWED="$ALLOWED$OUT"
expect_eq "$(names_in "$OUT")" 2 "notices enquiries shows who asked"
expect_out_has "［要対応］" "the follow-up shows"
air notices "$N" enquiries --format tsv
expect_eq "$(printf '%s\n' "$OUT" | sed -n 3p | cut -f 1,6)" "2	yes" "tsv: number and follow-up"

air export "$N" -o "$TMP/report.pdf"
expect_rc 0 "the report"
REP=$(pdftotext "$TMP/report.pdf" - 2>/dev/null | tr -d '\n ')
for want in "付録：通知後の問い合わせ" "通知の内容について詳しく知りたい" \
    "紛失の経緯を説明した" "通知後の問い合わせ：2件（要対応1件）" \
    "R041：送付済み→返送（不着）" "通知先を取り込み：43人" "問い合わせ2を記録（要対応）"; do
	if printf '%s' "$REP" | grep -qF "$want"; then pass; else
		fail "the report has '$want'" "$(printf '%s' "$REP" | head -c 400)"; fi
done
no_names "the report (appendix without who asked, timeline by id)" "$REP"
if printf '%s' "$REP" | grep -qE '1/[0-9]+'; then pass; else
	fail "the report keeps its page numbers with recipients stored"; fi

# ---- the public notice and the rest: done -----------------------------------
air notices "$N" mark R041 R042 unreachable --note "再送も不着"
air checklist "$N" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 == "notify_individuals" {print $4}')" \
    open "unreachable without the public notice: still open"
air set "$N" publication=published
expect_rc 0 "the public notice recorded"
air checklist "$N" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 == "notify_individuals" {print $4}')" \
    done "published and the rest unreachable: notify_individuals done"
air done "$N" notify_individuals
expect_rc 0 "done once the marks made it done is no change"

# ---- re-import keeps the marks ------------------------------------------
sed '6s/四条通5番地/四条通5番地 コーポ101/' "$TMP/p.utf8.csv" >"$TMP/moved.csv"
air --lang en notices "$N" import "$TMP/moved.csv"
expect_rc 0 "a corrected address"
expect_out_has "0 added, 1 changed, 0 removed" "one row changed"
air notices "$N" list --format tsv
expect_eq "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 == "R005" {print $4 "|" $8}')" \
    "京都市下京区四条通5番地 コーポ101|sent" "the address changed and the mark kept"
head -43 "$TMP/p.utf8.csv" >"$TMP/short.csv"
air --lang en notices "$N" import "$TMP/short.csv"
expect_rc 65 "a marked recipient cannot be removed"
expect_err_has "R043 is not in the file, but its notice is marked (unreachable)" "it says which and why"

# ---- verify replays the marks ---------------------------------------------
air verify "$N"
expect_rc 0 "verify passes with recipients, marks and enquiries"
air timeline "$N"
no_names "the timeline" "$OUT"
expect_out_has "R043: - -> unreachable (letter, 2026-10-09T09:30)" "a mark in the timeline names the id"
air timeline "$N" --format json
no_names "the timeline (json)" "$OUT"
cp "$ANSHIN_IR_DB" "$TMP/orig.db"
sqlite3 "$ANSHIN_IR_DB" "DROP TRIGGER recipient_mark_no_update;
    UPDATE recipient_mark SET mark = 'reached' WHERE recipient = 'R043';"
air --lang en verify "$N"
expect_rc 1 "verify finds an altered mark"
expect_out_has "broken: state: mark 1 of R043 is 'reached' but the timeline gives 'unreachable'" \
    "verify names the mark"
cp "$TMP/orig.db" "$ANSHIN_IR_DB"
rm -f "$ANSHIN_IR_DB-wal" "$ANSHIN_IR_DB-shm"
sqlite3 "$ANSHIN_IR_DB" "UPDATE recipient SET address = '別の住所' WHERE id = 'R001';"
air verify "$N"
expect_rc 1 "verify finds an address changed behind its back"
cp "$TMP/orig.db" "$ANSHIN_IR_DB"
rm -f "$ANSHIN_IR_DB-wal" "$ANSHIN_IR_DB-shm"
air verify "$N"
expect_rc 0 "the restored copy verifies"

# ---- no name anywhere else ----------------------------------------------
for args in "show $N" "--lang en show $N" "answers $N" "assess $N" \
    "list --all" "list --all --format json" "timeline $N --format tsv" \
    "checklist $N" "verify $N"; do
	# shellcheck disable=SC2086
	air $args
	no_names "$args" "$OUT$ERR"
done
air show "$N"
expect_out_has "本人への通知" "show has the notices section"
expect_out_has "問い合わせ：2 件（要対応：1 件）" "show counts the enquiries"
for doc in announcement ppc; do
	air export "$N" --doc "$doc" -o "$TMP/$doc.pdf"
	no_names "the $doc PDF" "$(pdftotext "$TMP/$doc.pdf" - 2>/dev/null)"
done
expect_eq "$(names_in "$ALLOWED")" 43 "the allowed outputs do show the names"

# ---- errors ------------------------------------------------------------------
air notices "$N" mark R999 sent
expect_rc 65 "an unknown id"
expect_err_has "R999" "it names the id"
air notices "$N" mark R001 delivered
expect_rc 65 "an unknown mark"
air notices "$N" mark R001 sent --via fax
expect_rc 65 "an unknown way"
air notices "$N" mark R001 R001 sent
expect_rc 65 "an id twice"
air notices "$N" mark R001 sent --at "2026-13-01 10:00"
expect_rc 65 "an impossible time"
air notices "$N" mark R001 sent --at "2030-01-01 10:00"
expect_rc 65 "a time in the future"
air notices "$N" list --via letter
expect_rc 64 "an option of another subcommand"
air notices "$N" mark sent
expect_rc 64 "mark without an id"
air notices "$N" frobnicate
expect_rc 64 "an unknown subcommand"
air notices 2026-0999 list
expect_rc 66 "no such incident"
air notices "$N" import "$TMP/missing.csv"
expect_rc 66 "no such file"
air notices "$N" enquiry "   "
expect_rc 65 "an empty enquiry"
air export "$N" --doc notice --only sent -o "$TMP/x.pdf"
expect_rc 64 "--only takes unsent"
air export "$N" --doc ppc --only unsent -o "$TMP/x.pdf"
expect_rc 64 "--only goes with notice or labels"
air export "$N" --doc notice --sheet 24 -o "$TMP/x.pdf"
expect_rc 64 "--sheet goes with labels"
new_incident "$TMP/n.answers"
air export "$REF" --doc labels -o "$TMP/none.pdf"
expect_rc 1 "labels without recipients"
[ -e "$TMP/none.pdf" ] && fail "no file for labels without recipients" || pass
air export "$REF" --doc notice -o "$TMP/one.pdf"
expect_rc 0 "a letter without recipients"
expect_eq "$OUT" "" "a single blank letter prints no count"
air --db "$TMP/none.db" notices 2026-0001 list
expect_rc 66 "notices list needs a database"
[ -e "$TMP/none.db" ] && fail "notices list never creates a database" || pass
air checklist "$N" --format tsv
for a in $(printf '%s\n' "$OUT" | awk -F'\t' '$4 == "open" && $2 != "followup" {print $1}'); do
	air done "$N" "$a"
done
air close "$N" --measures "保管方法を見直した"
expect_rc 0 "close once every other action is done"
air notices "$N" mark R001 reached
expect_rc 1 "a closed incident refuses marks"

# ---- UTF-8 with a BOM and Japanese column names, and tab-separated -------
printf '\xEF\xBB\xBF番号,氏名,住所,メールアドレス\r\nA-1,テスト 太郎,"東京都\r\n港区",t@example.jp\r\n' >"$TMP/bom.csv"
air --lang en notices "$REF" import "$TMP/bom.csv"
expect_rc 0 "UTF-8 with BOM and 番号/氏名/住所/メールアドレス"
expect_out_has "1 recipients (UTF-8)" "UTF-8 detected"
air notices "$REF" list --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[0] | .id + "|" + .address + "|" + .email')" \
    "A-1|東京都
港区|t@example.jp" "the id column, a line break in quotes, the e-mail"
