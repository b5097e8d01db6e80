# test_tui_intake.sh - the intake through tmux at 80x24 (docs/contract.md §7):
# the wizard records only what the person chose (n 1 then Enter x10 stores
# kind and discovered_at alone, a highlighted choice is not an answer,
# Enter on 「未回答」 clears, a prefilled "now" needs Enter, none and the
# other data types untick each other); values typed as people type them
# are stored canonically with no refusal; the first change asks who signs
# and keeps the name for next time; the keys mean the same on every
# screen; the settings screen writes the contacts and the checklist shows
# the number at once; a drill left with F10 continues from the list.
# Sourced by run.sh (lib.sh helpers, $TMP, $BIN, ANSHIN_IR_NOW
# "2026-10-06 09:00", ANSHIN_IR_USER=tester).

TM_SOCK="anshin-in-$$"

in_ref() {
	tm_screen | head -1 | grep -o '[0-9]\{4\}-[0-9]\{4\}' | head -1
}

# in_answers REF: the answers of REF without the header line
in_answers() { air answers "$1"; printf '%s\n' "$OUT" | tail -n +2; }

label() { form_label "$1" ja; }

# ---- n 1 then Enter x10: only kind and discovered_at ----
tm_start 80 24
tm_wait "対応中の事案"
tm_keys n
tm_wait "> $(label kind)"
tm_expect "（未回答）" "an unanswered choice opens on 「未回答」"
tm_expect "Enter 次へ（未回答のまま）" "the bar says Enter leaves it unanswered"
tm_keys 1
tm_wait "> $(label discovered_at)"
tm_expect "Enter 決定" "on the prefilled now the bar says Enter confirms"
REF=$(in_ref)
for _ in $(seq 10); do tm_keys Enter; done
tm_wait "> $(label occurred_at)"
expect_eq "$(in_answers "$REF")" "kind = device_loss
discovered_at = 2026-10-06 09:00" "n 1 Enter x10 stores kind and discovered_at only"
tm_expect "個人情報保護委員会への報告：未確定" "the assessment stays 「未確定」"
air assess "$REF"
expect_out_has "reportable=undetermined" "stored: undetermined"
tm_keys F10
tm_wait "対応中の事案"
tm_keys F10
tm_expect "EXITED-0" "F10 from home quits"

# ... and with the facility's type in contacts.conf, that one as well
mkdir -p "$XDG_CONFIG_HOME/anshin-ir"
printf '# the facility\n[facility]\ntype = clinic\n' \
    >"$XDG_CONFIG_HOME/anshin-ir/contacts.conf"
tm_start 80 24 new
tm_wait "> $(label kind)"
tm_keys 1
tm_wait "> $(label discovered_at)"
REF=$(in_ref)
for _ in $(seq 10); do tm_keys Enter; done
tm_wait "> $(label occurred_at)"
expect_eq "$(in_answers "$REF")" "kind = device_loss
discovered_at = 2026-10-06 09:00
facility_type = clinic" "with contacts.conf's type: facility_type as well"
tm_keys F10
tm_wait "EXITED-0"
rm "$XDG_CONFIG_HOME/anshin-ir/contacts.conf"

# ---- a highlighted choice is not an answer; Enter on 「未回答」 clears ----
tm_start 80 24 new
tm_wait "> $(label kind)"
tm_keys 1
tm_wait "> $(label discovered_at)"
REF=$(in_ref)
# Tab leaves the prefilled now unstored
tm_keys Tab
tm_wait "> $(label device_type)"
expect_eq "$(in_answers "$REF")" "kind = device_loss" \
    "Tab does not store the prefilled now"
tm_keys BTab
tm_wait "> $(label discovered_at)"
tm_keys Enter
tm_wait "> $(label device_type)"
air answers "$REF"
expect_out_has "discovered_at = 2026-10-06 09:00" "Enter stores it"
# ↓ highlights a value; Tab leaves it unanswered
tm_keys Down Down
tm_expect "Enter 決定" "on a highlighted value the bar says Enter confirms"
tm_keys Tab
tm_wait "> $(label device_owner)"
air answers "$REF"
expect_out_lacks "device_type" "Tab after ↓ stores nothing"
tm_keys BTab
tm_wait "> $(label device_type)"
tm_expect "Enter 次へ（未回答のまま）" "still unanswered when back"
tm_keys Down Down Enter
tm_wait "> $(label device_owner)"
air answers "$REF"
expect_out_has "device_type = smartphone" "↓ ↓ Enter stores the second value"
tm_keys BTab
tm_wait "> $(label device_type)"
tm_expect "Enter 次へ" "an answered field: Enter keeps it"
tm_keys Up Up
tm_expect "Enter 回答を消す" "on 「未回答」 of an answered field: Enter clears"
tm_keys Enter
tm_wait "> $(label device_owner)"
air answers "$REF"
expect_out_lacks "device_type" "Enter on 「未回答」 cleared the answer"
air timeline "$REF" --format tsv
expect_out_has "answer	device_type	smartphone		tester" \
    "the clearing is an event with an empty new value"
# multi-choice: nothing ticked until ticked; none and the others
tm_keys NPage NPage
tm_wait "> $(label data_types)"
tm_expect_no "[x]" "nothing ticked before ticking"
tm_keys 1 2
tm_wait_count "[x]" 2
for _ in $(seq 12); do tm_keys Down; done
tm_keys Space
tm_wait_count "[x]" 1
tm_expect "[x] $(form_choice data_types none ja)" "ticking none unticks the others"
tm_keys 3
tm_wait "[x] $(form_choice data_types care ja)"
tm_expect_no "[x] $(form_choice data_types none ja)" \
    "ticking another unticks none"
tm_keys Enter
tm_wait "> $(label persons_count)"
air answers "$REF"
expect_out_has "data_types = care" "the ticked value is stored"
tm_keys F10
tm_wait "EXITED-0"

# ---- values as people type them: stored canonically, none refused ----
rejected=0
# in_enter NEXT: Enter, then the next field must be focused (the value
# was read); else the value was refused.
in_enter() {
	tm_keys Enter
	if tm_wait "> $(label "$1")"; then pass; else
		rejected=$((rejected + 1))
		fail "refused: $2" "$(tm_screen)"
	fi
}
tm_start 80 24 new
tm_wait "> $(label kind)"
tm_keys 1
tm_wait "> $(label discovered_at)"
REF=$(in_ref)
tm_keys C-u
tm_type "２０２６－１０－０５　１８：２０"
in_enter device_type "full-width date with the ideographic space"
tm_keys NPage
tm_wait "> $(label occurred_at)"
tm_type "2026/10/5 17:40"
in_enter reported_at "a date with slashes"
tm_type "08:15"
in_enter place "a bare time of day"
tm_keys NPage
tm_wait "> $(label data_types)"
tm_keys Tab
tm_wait "> $(label persons_count)"
tm_type "４０人"
in_enter persons_basis "full-width digits and 人"
tm_keys Tab
tm_wait "> $(label records_count)"
tm_type "1,200件"
in_enter exposure "thousands separator and 件"
air answers "$REF"
expect_out_has "discovered_at = 2026-10-05 18:20" "stored: the full-width date"
expect_out_has "occurred_at = 2026-10-05 17:40" "stored: 2026/10/5"
expect_out_has "reported_at = 2026-10-06 08:15" "stored: 08:15 is today"
expect_out_has "persons_count = 40" "stored: ４０人"
expect_out_lacks "persons_basis" "40人 leaves the basis unanswered"
expect_out_has "records_count = 1200" "stored: 1,200件"
# about 40: the number, and the basis estimated while it is unanswered
tm_keys BTab BTab BTab
tm_wait "> $(label persons_count)"
tm_keys C-u
tm_type "約40"
in_enter persons_basis "約40"
air answers "$REF"
expect_out_has "persons_count = 40" "stored: 約40 is 40"
expect_out_has "persons_basis = estimated" "約40: the basis is estimated"
tm_keys BTab
tm_wait "> $(label persons_count)"
tm_keys C-u
tm_type "不明"
in_enter persons_basis "不明 in the count"
air answers "$REF"
expect_out_lacks "persons_count" "不明: no number"
expect_out_has "persons_basis = unknown" "不明: the basis is unknown"
# occurred_at: 不明 and わからない where unknown is allowed
tm_keys PPage
tm_wait "> $(label occurred_at)"
tm_keys C-u
tm_type "わからない"
in_enter reported_at "わからない for a time"
air answers "$REF"
expect_out_has "occurred_at = unknown" "stored: わからない is unknown"
expect_eq "$rejected" 0 "no input of these forms was refused"
# a refusal names the label, once, with an example
tm_keys C-u
tm_type "あした"
tm_keys Enter
tm_expect "$(label reported_at)：「あした」は日時として読めません" \
    "the message names the label"
tm_expect "2026-10-06 09:00 の" "with one example"
tm_expect_no "入力例：" "and the format is not repeated under it"
tm_keys C-u
tm_type "23:50"
tm_keys Enter
tm_expect "今日の 23:50 はまだ来ていません" "today's time still to come is refused"
tm_keys C-u Enter
tm_wait "> $(label place)"
tm_keys F10
tm_wait "EXITED-0"

# ---- who: asked at the first change, kept for next time ----
TM_EXTRA="ANSHIN_IR_USER=" tm_start 80 24 new
tm_wait "> $(label kind)"
tm_keys 1
tm_expect "お名前（記録に残ります）" "the first change asks who"
tm_keys Enter
tm_expect "お名前を入力してください" "an empty name is refused"
tm_type "看護師 山田"
tm_keys Enter
tm_wait "> $(label discovered_at)"
REF=$(in_ref)
tm_keys Enter
tm_wait "> $(label device_type)"
tm_keys F10
tm_wait "EXITED-0"
air timeline "$REF" --format tsv
expect_out_has "answer	kind		device_loss	看護師 山田" "the name signs the answer"
expect_out_has "answer	discovered_at		2026-10-06 09:00	看護師 山田" \
    "and every answer of the session, asked once"
expect_out_lacks "	root" "never the login name"
if grep -qx "看護師 山田" "$XDG_CONFIG_HOME/anshin-ir/last-name"; then pass
else fail "the name is kept under \$XDG_CONFIG_HOME/anshin-ir/" \
    "$(ls -la "$XDG_CONFIG_HOME/anshin-ir" 2>&1)"; fi
TM_EXTRA="ANSHIN_IR_USER=" tm_start 80 24 resume "$REF"
tm_wait "> $(label summary)"
tm_type "タブレットを紛失"
tm_keys Enter
tm_expect "お名前（記録に残ります）" "a new session asks again"
tm_expect "看護師 山田" "with the name last used prefilled"
tm_keys Enter
tm_wait "> $(label narrative)"
tm_keys F10
tm_wait "EXITED-0"
TM_EXTRA="ANSHIN_IR_USER=" tm_start 80 24 resume "$REF" --by 佐藤
tm_wait "> $(label data_types)"
tm_keys 1 Enter
tm_wait "> $(label persons_count)"
tm_expect_no "お名前（記録に残ります）" "--by: nothing is asked"
tm_keys F10
tm_wait "EXITED-0"
air timeline "$REF" --format tsv
expect_out_has "answer	summary		タブレットを紛失	看護師 山田" \
    "the prefilled name signs"
expect_out_has "answer	data_types		patient_identity	佐藤" "--by signs"

# ---- one meaning per key: the wizard's checklist, the incident screen,
# an action's detail ----
new_incident "$REPO/tests/fixtures/lost-tablet.answers"
RV=$REF
first=$(rule_title assemble_team ja)
tm_start 80 24 resume "$RV"
tm_wait "F10 閉じる"
tm_keys F2
tm_wait "F2/Esc"
tm_expect "Enter 詳細" "wizard checklist: Enter opens"
tm_keys Enter
tm_expect "d 完了" "Enter opened the detail, with its keys"
tm_expect "$(block_value "$RULES" "action assemble_team" detail.ja | cut -c1-10)" \
    "the detail's text"
air checklist "$RV" --format tsv
expect_out_has "assemble_team	immediate	1	open" "Enter marked nothing done"
tm_keys Escape
tm_wait "Enter 詳細"
tm_keys s
tm_expect "対象外にする" "wizard checklist: s skips (asks the reason)"
tm_keys Escape
tm_wait "Enter 詳細"
tm_keys a
tm_expect "メモ（Enter：改行" "wizard checklist: a adds a memo"
tm_type "電話で報告した"
tm_keys Tab
tm_wait "Enter 詳細"
tm_keys d
tm_expect "完了にする" "wizard checklist: d marks done"
tm_keys Enter
tm_wait "Enter 詳細"
air checklist "$RV" --format tsv
expect_out_has "assemble_team	immediate	1	done" "d stored done"
air timeline "$RV" --format tsv
expect_out_has "	電話で報告した	tester" "a stored the memo"
tm_keys Escape F10
tm_wait "EXITED-0"
tm_start 80 24
rv() { tm_wait "F1/?"; tm_keys / C-u; tm_type "$1"; tm_keys Enter; tm_wait "> $1"; tm_keys Enter; }
rv "$RV"
tm_wait "[1 概要]"
tm_expect "F10/q 閉じる" "the incident screen: F10, the same word"
tm_keys 2
tm_expect "Enter 詳細" "incident checklist: Enter opens"
tm_keys Down Enter
tm_expect "d 完了" "the detail, with its keys"
tm_keys d
tm_expect "完了にする" "d in the detail marks done"
tm_keys Escape
tm_wait "Enter 詳細"
tm_keys s
tm_expect "対象外にする" "incident checklist: s skips"
tm_keys Escape
tm_wait "Enter 詳細"
tm_keys 1 a
tm_expect "メモ（Enter：改行" "a memo from any view"
tm_keys Escape F10
tm_wait "対応中の事案"
tm_expect "F10/q 閉じる" "home: F10, the same word"
tm_keys c
tm_expect_no "事案の終了" "home: c closes nothing"
tm_keys F10
tm_wait "EXITED-0"

# help describes the layout on screen
tm_start 80 24 resume "$RV"
tm_wait "F10 閉じる"
tm_keys F1
tm_expect "入力欄の下のチェックリスト" "80 columns: help says the checklist is below"
tm_keys Escape F10
tm_wait "EXITED-0"
tm_start 100 30 resume "$RV"
tm_wait "F10 閉じる"
tm_keys F1
tm_expect "右側のチェックリスト" "100 columns: help says it is on the right"
tm_keys Escape F10
tm_wait "EXITED-0"

# ---- settings: "enter it now" from an action, the file kept whole ----
mkdir -p "$XDG_CONFIG_HOME/anshin-ir"
printf '# 施設の設定（手で書いたコメント）\n[police]\nname = 中京警察署\n' \
    >"$XDG_CONFIG_HOME/anshin-ir/contacts.conf"
tm_start 80 24 resume "$RV"
tm_wait "F10 閉じる"
tm_expect "電話 未設定" "an unset phone says 未設定"
tm_expect_no "contacts.conf" "never a file path"
tm_keys F2
tm_wait "Enter 詳細"
# the first is the password change, then the ID suspension (support desk)
tm_keys Down
tm_expect ">[ ] $(rule_title suspend_user_id ja)" "the ID suspension selected"
tm_keys Enter
tm_expect "k 今すぐ入力" "the detail offers 「今すぐ入力」 for the unset contact"
tm_keys k
tm_expect "ネットワークのサポートデスク" "k opens that contact's phone"
tm_type "０７５－１２３－４５６７"
tm_keys Enter
tm_expect "保存しました" "saved"
tm_keys F10
tm_wait "Enter 詳細"
tm_keys Escape
tm_expect "電話 075-123-4567" "the checklist shows the number at once"
tm_keys F10
tm_wait "EXITED-0"
f="$XDG_CONFIG_HOME/anshin-ir/contacts.conf"
expect_eq "$(stat -c %a "$f")" 600 "contacts.conf is written 0600"
if grep -qF "# 施設の設定（手で書いたコメント）" "$f" &&
    grep -qF "name = 中京警察署" "$f"; then pass; else
	fail "comments and other lines are kept" "$(cat "$f")"; fi
if awk '/^\[support_desk\]/ { s = 1; next } /^\[/ { s = 0 }
    s && $0 == "phone = 075-123-4567" { f = 1 } END { exit !f }' "$f"; then pass
else fail "the phone is written in its section, folded to ASCII" "$(cat "$f")"; fi
air check-data
expect_rc 0 "the written file passes check-data"

# the corporate number's check digit, from the home screen's k
tm_start 80 24
tm_wait "k 設定"
tm_keys k
tm_expect "設定（施設の情報と連絡先）" "home k opens the settings"
tm_expect "$(printf '施設')" "the facility comes first"
tm_keys Down Down
tm_expect "> 法人番号" "the corporate number"
tm_keys Enter
tm_type "1234567890123"
tm_keys Enter
tm_expect "検査用数字" "a wrong check digit is refused, said plainly"
tm_keys C-u
tm_type "7000012050002"
tm_keys Enter
tm_expect "保存しました" "a valid corporate number is saved"
tm_keys F10
tm_wait "対応中の事案"
tm_keys F10
tm_wait "EXITED-0"
if grep -qx "corporate_number = 7000012050002" "$f"; then pass; else
	fail "the corporate number is written" "$(cat "$f")"; fi
tm_start 80 24 settings
tm_expect "設定（施設の情報と連絡先）" "anshin-ir settings opens the screen"
tm_keys F10
tm_expect "EXITED-0" "F10 quits a screen opened from the command line"

# ---- a drill left with F10 continues from the list ----
DR_FILE="$REPO/data/drills/lost-smartphone.drill"
tm_start 80 24 drill lost-smartphone
tm_wait "Enter 開始"
tm_keys Enter
tm_wait "> $(label kind)"
tm_keys 1
tm_wait "> $(label discovered_at)"
DREF=$(tm_screen | head -1 | grep -o 'D[0-9]\{4\}-[0-9]\{4\}' | head -1)
tm_keys F10
tm_wait "EXITED-0"
tm_start 80 24
tm_wait "d 訓練"
tm_keys d
tm_expect "続きから" "the list offers the unsubmitted run"
tm_expect_no "anshin-ir resume" "the hint names no command"
ls "$REPO"/data/drills/*.drill | grep -n "/lost-smartphone.drill$" >"$TMP/pos"
for _ in $(seq "$(cut -d: -f1 "$TMP/pos")"); do tm_keys Down; done
tm_expect "> " "the continue line is selectable"
tm_keys Enter
tm_expect "$DREF" "continue opens the same run"
tm_expect "> $(label discovered_at)" "where it was left"
tm_keys F10
tm_expect "再開できます" "leaving again says how to go on, on screen"
tm_expect_no "anshin-ir resume" "without a command"
tm_keys Escape
tm_wait "続きから"
tm_keys F10
tm_wait "対応中の事案"
tm_keys F10
tm_wait "EXITED-0"
tm_kill_server
