# test_tui_notices.sh - view 6 of the incident screen, the notices to the
# individuals, driven through tmux at 80x24 in Japanese and in English:
# the list with its progress, picking one by one and everyone shown, the
# unsent only, marks stored with who and how (checked through the CLI
# and verify), the letters of those shown, an enquiry logged, a corrected
# list imported keeping the marks, a person's detail, F1, the checklist's
# d on notify_individuals answered in words, and the screens' captures
# checked for internal ids. Sourced by run.sh (lib.sh helpers).

TM_SOCK="anshin-tn-$$"
export ANSHIN_IR_NOW="2026-10-12 09:00"


cat >"$TMP/n.answers" <<'EOF'
kind = paper_loss
discovered_at = 2026-10-02 09:00
summary = 外来カルテの写しを院外で紛失
data_types = patient_identity, medical
persons_count = 5
persons_basis = exact
exposure = outside
EOF
new_incident "$TMP/n.answers"
N=$REF
printf 'name,postal_code,address\n山田 一郎,600-0001,京都市下京区1\n佐藤 花子,600-0002,京都市下京区2\n鈴木 健太,600-0003,京都市下京区3\n高橋 美咲,600-0004,京都市下京区4\n' \
    >"$TMP/four.csv"

# ---- an empty view says how to fill it; i imports ----------------------
tm_start 80 24
tm_wait "対応中の事案"
tm_keys Enter
tm_wait "[1 概要]"
tm_keys 6
tm_expect "[6 通知]" "6 opens the notices view"
tm_expect "通知先はまだありません" "an empty view says there is no one yet"
tm_expect "i で CSV ファイル" "and how to import"
tm_keys i
tm_expect "通知先の取り込み" "i asks for the CSV file"
tm_type "$TMP/four.csv"
tm_keys Enter
tm_expect "4人：追加 4、変更 0、削除 0" "the import says what it did"
tm_expect "通知 0／4、未送付 4" "the progress heads the list"
tm_expect "山田 一郎" "the names are shown here"
tm_expect "R004" "with their ids"

# ---- pick, mark --------------------------------------------------------
tm_keys Space
tm_expect "[x] R001" "Space picks the person at the cursor"
tm_keys Space
tm_expect "[x] R002" "and moves on"
tm_keys m
tm_expect "2人：R001、R002" "m marks those picked"
tm_expect "記録：1 送付済み" "the popup names the marks"
tm_keys Enter
tm_expect "1〜4 のどれかを入力してください" "nothing is recorded that was not chosen"
tm_type 1
tm_keys Tab
tm_type 1
tm_keys Enter
tm_expect "2人に「送付済み」を記録しました。" "two marked sent"
tm_expect "送付済み 10-12 郵送" "the list shows the last mark"
tm_expect "通知 2／4、未送付 2" "the progress follows"
# R002 came back: the cursor on it, m, 2
tm_keys Home Down m
tm_expect "1人：R002" "m without picks marks the person at the cursor"
tm_type 2
tm_keys Enter
tm_expect "返送（不着）" "R002 returned"
# the unsent only, everyone shown picked, one mark
tm_keys u
tm_expect "未送付のみ表示：3人" "u shows the unsent"
tm_expect_no "R001" "the sent are hidden"
tm_keys '*'
tm_expect "[x] R004" "* picks everyone shown"
tm_keys '*'
tm_expect_no "[x]" "* again picks no one"
tm_keys '*'
tm_keys x
tm_expect "未送付の人への通知文" "x writes the letters of those shown"
tm_keys Enter
tm_expect "通知文 3 通（1通1ページ）を書き出しました" "three letters"
tm_keys Escape
tm_keys m
tm_expect "3人：R002、R003、R004" "the marks go to everyone shown and picked"
tm_type 4
tm_keys Tab Tab Tab
tm_type "住所不明"
tm_keys Enter
tm_expect "3人に「連絡不能」を記録しました。" "three unreachable"
tm_expect "未送付の人はいません" "no one unsent is left"
tm_keys u
# ---- an enquiry, the detail, F1 -----------------------------------------
tm_keys t
tm_expect "問い合わせを記録" "t logs an enquiry"
tm_type "山田 一郎"
tm_keys Tab
tm_type "届いた通知の内容を知りたい"
tm_keys Tab
tm_type "紛失の経緯を説明した"
tm_keys Tab
tm_type y
tm_keys Enter
tm_expect "問い合わせ 1 を記録しました。" "the enquiry is logged"
tm_expect "問：届いた通知の内容を知りたい" "and listed"
tm_expect "［要対応］" "with its follow-up"
tm_keys Home Enter
tm_expect "山田 一郎 (R001)" "Enter opens the person's detail"
tm_expect "記録（古い順）" "with the marks"
tm_expect "送付済み 郵送  tester" "each with how and who"
tm_keys Escape
tm_keys '?'
tm_expect "経過記録には一覧の番号だけを残し" "F1 explains the view"
tm_keys Escape
# ---- the checklist answers d on notify_individuals in words ----------------
tm_keys 2
tm_expect "[2 チェックリスト]" "2: the checklist"
for i in $(seq 12); do
	tm_shows ">[ ] 本人に通知する" && break
	tm_keys Down
	sleep 0.05
done
tm_keys d
tm_expect "は 6 通知 の記録で完了します" "d on notify_individuals points to view 6"
tm_expect "通知 1／4、連絡不能 3" "with the progress"
tm_quit

air notices "$N" list --format tsv
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1,8,10 | tr '\t\n' ' ')" \
    "R001 sent letter R002 unreachable  R003 unreachable  R004 unreachable  " \
    "the marks are stored with how"
air notices "$N" enquiries --format tsv
expect_eq "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f3,6,7)" "山田 一郎	yes	tester" \
    "the enquiry is stored with who asked and who logged it"
air verify "$N"
expect_rc 0 "the marks made on the screen verify"
air timeline "$N" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | grep -c $'\tnotice\t')" 6 "six marks in the timeline"
if printf '%s' "$OUT" | grep -qF "山田"; then
	fail "the timeline names no one"; else pass; fi
[ -f "$HOME/anshin-ir-$N-unsent.pdf" ] && pass || fail "the letters were written"
expect_eq "$(pdfinfo "$HOME/anshin-ir-$N-unsent.pdf" | awk '/^Pages:/ {print $2}')" 3 \
    "three letters, one a page"

# ---- a corrected list keeps the marks; English at 80x24 --------------------
sed 's/京都市下京区2/京都市下京区2-5/' "$TMP/four.csv" >"$TMP/fixed.csv"
TM_EXTRA="LANG=en_US.UTF-8"
tm_start 80 24 --lang en
tm_wait "Open incidents"
tm_keys Enter
tm_wait "[1 Summary]"
tm_keys 6
tm_expect "[6 Notices]" "6 in English"
tm_expect "notified 1/4, unreachable 3" "the progress in English"
tm_keys i
tm_expect "Import the individuals to notify" "import in English"
tm_type "$TMP/fixed.csv"
tm_keys Enter
tm_expect "4 persons: 0 added, 1 changed, 0 removed." "a corrected file: one row changed"
tm_expect "sent 10-12 by letter" "the marks are kept"
tm_resize_check() { tm resize-window -t "$TM_CUR" -x 79 -y 24; }
tm_resize_check
tm_expect "80x24" "too small below 80 columns"
tm resize-window -t "$TM_CUR" -x 80 -y 24
tm_expect "[6 Notices]" "back at 80x24"
tm_quit
TM_EXTRA=""
tm_kill_server
