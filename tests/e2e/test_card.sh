# test_card.sh - the first-response card (`anshin-ir card`): one A4 page;
# with a full contacts file every contact's phone is on it, and each
# kind's first steps are the ones the checklist of a new incident of
# that kind lists first, in its order; with the shipped contacts alone it
# shows blanks, never a path or a number of its own; a rule's title
# changed in a copy of the data changes the card. Sourced by run.sh.

CARD_CONTACTS="$XDG_CONFIG_HOME/anshin-ir/contacts.conf"
mkdir -p "$(dirname "$CARD_CONTACTS")"

# ---- errors ----
air card
expect_rc 64 "card without -o"
expect_err_has "-o FILE.pdf" "card without -o names the option"
air card -o "$TMP/nodir/card.pdf"
expect_rc 73 "card into a missing directory"
air card -o "$TMP/x.pdf" --format tsv
expect_rc 64 "card refuses an option of another command"

# ---- the shipped contacts only: blanks, no path, no number of ours ----
air card -o "$TMP/empty.pdf"
expect_rc 0 "card with the shipped contacts"
expect_pdf "$TMP/empty.pdf" "card"
expect_eq "$(pdf_pages "$TMP/empty.pdf")" 1 "the card is one page"
TEXT=$(pdf_text "$TMP/empty.pdf")
expect_text_has "＿＿＿＿" "an unset contact is a blank to fill in"
if printf '%s' "$TEXT" | grep -qE 'contacts\.conf|/etc/|/home|/tmp|\.config'; then
	fail "the card shows a path" "$TEXT"; else pass; fi
if printf '%s' "$TEXT" | grep -qE '[0-9]{2,4}-[0-9]{2,4}-[0-9]{3,4}'; then
	fail "the card shows a number no file gave" "$TEXT"; else pass; fi
expect_text_has "個人情報保護委員会" "the PPC's shipped name"
expect_text_has "https://www.ppc.go.jp/" "the PPC's route (its web form)"
# the day printed, and when the contacts last changed
expect_text_has "印刷 2026年10月6日" "the day printed"
expect_text_has "連絡先の更新 $(date -r "$REPO/data/contacts.conf" +%Y年%-m月%-d日)" \
    "the contacts file's last change"

# ---- a full contacts file: every phone ----
cat >"$CARD_CONTACTS" <<'EOF'
[facility]
name = 医療法人 安心会 あんしんクリニック
type = clinic
phone = 075-000-1000
[person_in_charge]
name = 山田 太郎
title = 院長
phone = 075-000-1001
[deputy]
name = 鈴木 花子
title = 事務長
phone = 090-0000-1002
[support_desk]
phone = 0120-000-103
hours = 平日 9:00〜18:00
[vendor]
name = 京都メディカルシステム株式会社
phone = 075-000-1004
hours = 24時間
[carrier]
name = NTTドコモ 紛失・盗難窓口
phone = 0120-000-105
hours = 24時間
[police]
name = 中京警察署
phone = 075-000-1006
hours = 24時間
[municipality]
name = 京都市 介護保険課
phone = 075-000-1007
hours = 平日 8:45〜17:30
[ppc]
phone = 03-0000-1008
hours = 平日 9:30〜17:30
[mhlw]
phone = 03-0000-1009
hours = 平日 9:30〜18:15
url = https://www.mhlw.go.jp/
EOF
# newer than the shipped file: the newest file merged is the last change
touch -d "2030-01-15 12:00" "$CARD_CONTACTS"
for lang in ja en; do
	air --lang "$lang" card -o "$TMP/full-$lang.pdf"
	expect_rc 0 "card, full contacts, $lang"
	expect_eq "$(pdf_pages "$TMP/full-$lang.pdf")" 1 \
	    "one page with every contact filled in, $lang"
done
TEXT=$(pdf_text "$TMP/full-ja.pdf")
for phone in 075-000-1000 075-000-1001 090-0000-1002 0120-000-103 \
    0120-000-105 075-000-1004 075-000-1006 03-0000-1008 03-0000-1009; do
	expect_text_has "$phone" "the card has the phone $phone"
done
expect_text_has "あんしんクリニック" "the facility's name"
expect_text_has "山田 太郎" "the person in charge"
expect_text_has "平日 9:00〜18:00" "the support desk's hours"
expect_text_has "連絡先の更新 2030年1月15日" "the contacts file's last change"
# a clinic does not report accidents to the municipality
if printf '%s' "$TEXT" | grep -qF "075-000-1007"; then
	fail "a clinic's card lists the municipality" "$TEXT"; else pass; fi
sed -i 's/^type = clinic/type = care/' "$CARD_CONTACTS"
air card -o "$TMP/care.pdf"
TEXT=$(pdf_text "$TMP/care.pdf")
expect_text_has "075-000-1007" "a care provider's card lists the municipality"
expect_eq "$(pdf_pages "$TMP/care.pdf")" 1 "a care provider's card is one page"

# ---- the first steps: the checklist's first items, in its order ----
# card_steps KIND: "N. title" lines as the card must show them: the
# immediate actions of a new incident of KIND (at most 5), topped up to 3
# with the next ones.
card_steps() {
	printf 'kind = %s\n' "$1" >"$TMP/kind.answers"
	new_incident "$TMP/kind.answers"
	air checklist "$REF" --format tsv
	printf '%s\n' "$OUT" | awk -F'\t' 'NR > 1 {
	    if (n >= 5 || ($2 != "immediate" && n >= 3)) exit
	    printf "%d. %s\n", ++n, $6 }'
}
TEXT=$(pdf_text "$TMP/care.pdf")
for kind in device_loss email_misdelivery paper_loss malware verbal; do
	steps=$(card_steps "$kind")
	n=$(printf '%s\n' "$steps" | grep -c .)
	if [ "$n" -ge 3 ] && [ "$n" -le 5 ]; then pass; else
		fail "$kind: $n steps" "$steps"; fi
	while IFS= read -r step; do
		expect_text_has "$step" "$kind: the card lists '$step'"
	done <<<"$steps"
	expect_text_has "$(form_choice kind "$kind" ja)" "$kind: its heading"
done
# in the checklist's order: the device section reads 1 to 5 in sequence
expect_text_has "$(card_steps device_loss | tr -d '\n')" \
    "the device section's steps in the checklist's order"

# ---- built from the data: a rule's title changed in a copy ----
cp -r "$REPO/forms" "$REPO/data" "$TMP/home/"
sed -i 's/^title.ja = パスワードを変更する$/title.ja = パスワードをすぐ変える/' \
    "$TMP/home/data/actions.rules"
air --data-dir "$TMP/home" card -o "$TMP/changed.pdf"
expect_rc 0 "card from a copy of the data"
TEXT=$(pdf_text "$TMP/changed.pdf")
expect_text_has "2. パスワードをすぐ変える" "the changed title is on the card"
if printf '%s' "$TEXT" | grep -qF "パスワードを変更する"; then
	fail "the old title is still on the card" "$TEXT"; else pass; fi

# ---- English ----
TEXT=$(pdf_text "$TMP/full-en.pdf")
expect_text_has "First response" "the English card's title"
expect_text_has "$(rule_title change_password en)" "an English step title"
expect_text_has "Printed 6 October 2026" "the English day printed"
