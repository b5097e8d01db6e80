# test_tui_ledger.sh - the device ledger and the card on the screens
# through tmux at 80x24: in the wizard, after 「端末・媒体の紛失」, the
# ledger's tablet is picked and its proposed answers confirmed in three
# keys (Tab, its digit, y); before y the answers hold none of the values
# proposed (shown 「台帳より」), after it all of them, signed, with a
# timeline note naming the entry; a value chosen first is kept; the
# device field searches by holder; an empty ledger asks nothing; the home
# screen's l adds a device, edits a value by its digit and records it
# lost in an incident (whose ledger update is then done); x and p write
# the ledger's PDF and the card; d on the incident's ledger update records
# its device lost. Sourced by run.sh.

TM_SOCK="anshin-ledger-$$"

lg_ref() {
	tm_screen | head -1 | grep -o '[0-9]\{4\}-[0-9]\{4\}' | head -1
}
label() { form_label "$1" ja; }
choice() { form_choice "$1" "$2" ja; }

# lg_new_loss: the wizard on a new incident, 「端末・媒体の紛失」 chosen,
# on the discovery time; sets REF.
lg_new_loss() {
	tm_start 80 24 new
	tm_wait "> $(label kind)"
	tm_keys "$(form_digit kind device_loss)"
	tm_wait "> $(label discovered_at)"
	REF=$(lg_ref)
}

# ---- an empty ledger: the device field is not asked ----
lg_new_loss
tm_keys Tab
tm_expect "> $(label device_type)" "with an empty ledger the device is not asked"
tm_keys F10
tm_wait "EXITED-0"

air device add TAB-03 type=tablet owner=facility "holder=訪問看護 田中" \
    carrier=docomo line=090-1111-2222 encryption=strong screen_lock=strong \
    remote_wipe=available mdm=yes browser_saved_login=no network_access=yes \
    approved_until=2027-03-31
expect_rc 0 "a tablet in the ledger"
air device add SP-1 type=smartphone holder=佐藤 screen_lock=none
air device add OLD-1 type=laptop
air device retire OLD-1
PROPOSED="device_type = tablet
device_owner = facility
carrier = docomo 090-1111-2222
encryption = strong
screen_lock = strong
remote_wipe = available
mdm = yes
browser_saved_login = no
network_access = yes"

# ---- the acceptance: pick and confirm in at most four keys ----
lg_new_loss
# the offers: by id, the retired one left out
tm_keys Tab
tm_wait "> $(label device)"
tm_expect "2 ( ) TAB-03  $(choice device_type tablet)  訪問看護 田中" \
    "the ledger's tablet is offered with its type and holder"
tm_expect_no "OLD-1" "a retired device is not offered"
keys=1
tm_keys 2
keys=$((keys + 1))
tm_wait "> $(label device_type)"
tm_expect "$(choice device_type tablet)  ← 台帳より" \
    "the ledger's type is proposed, marked 「台帳より」"
tm_expect "y 台帳の値を確定" "the key bar says y confirms"
air answers "$REF"
expect_out_has "device = TAB-03" "picking stores the device"
for kv in $(printf '%s\n' "$PROPOSED" | tr -d ' '); do
	if printf '%s\n' "$OUT" | tr -d ' ' | grep -qxF "$kv"; then
		fail "before y: '$kv' is stored" "$OUT"; else pass; fi
done
tm_keys y
keys=$((keys + 1))
tm_expect "台帳（TAB-03）の値 9 件を回答として確定しました" "y confirms all nine"
if [ "$keys" -le 4 ]; then pass; else fail "picked and confirmed in $keys keys"; fi
air answers "$REF"
for kv in $(printf '%s\n' "$PROPOSED" | tr -d ' '); do
	if printf '%s\n' "$OUT" | tr -d ' ' | grep -qxF "$kv"; then pass; else
		fail "after y: '$kv' is stored" "$OUT"; fi
done
LOSTREF=$REF
air timeline "$REF" --format tsv
expect_out_has "$(printf 'answer\tencryption\t\tstrong\ttester')" \
    "each confirmed value is an answer signed by the person"
expect_out_has "持ち出し台帳の端末 TAB-03 の記録から確定" \
    "the timeline names the ledger entry"
air checklist "$REF" --format tsv
expect_out_has "$(printf 'mdm_lock\timmediate')" "the checklist: MDM lock"
expect_out_has "$(printf 'remote_wipe\timmediate')" "the checklist: remote wipe"
tm_keys F10
tm_wait "EXITED-0"

# ---- a value chosen first is kept; the holder finds the device ----
lg_new_loss
tm_keys Tab
tm_wait "> $(label device)"
tm_type "田中"
tm_wait_gone "SP-1"
tm_expect "TAB-03" "typing the holder's name finds the device"
tm_keys Enter
tm_wait "> $(label device_type)"
tm_keys "$(form_digit device_type smartphone)"
tm_wait "> $(label device_owner)"
tm_keys y
tm_wait "台帳（TAB-03）の値 8 件を回答として確定しました"
air answers "$REF"
expect_out_has "device_type = smartphone" "the type chosen first is kept"
expect_out_has "mdm = yes" "the rest from the ledger"
tm_keys F10
tm_wait "EXITED-0"

# ---- the home screen: l, a device added, edited, lost; x; p ----
printf 'kind = device_loss\ndevice_type = usb_memory\n' >"$TMP/usb.answers"
new_incident "$TMP/usb.answers"
USBREF=$REF
tm_start 80 24
tm_wait "対応中の事案"
tm_keys l
tm_wait "持ち出し台帳: 3"
tm_expect "TAB-03" "the ledger lists the tablet"
tm_keys Down
tm_expect "SP-1 の不足：" "the selected device's gaps below the list"
tm_expect "画面ロックなし" "the phone's gap in words"
tm_expect "廃棄・返却済み" "the retired laptop stays listed"
tm_keys a
tm_wait "台帳に登録"
tm_type "USB-9"
tm_keys Enter
tm_wait "持ち出し台帳  USB-9"
tm_expect "> $(form_label device_type ja)" "the new device's screen, on its type"
tm_keys Enter
tm_wait "6 $(choice device_type usb_memory)"
tm_keys C-u
tm_type "$(form_digit device_type usb_memory)"
tm_keys Enter
tm_wait "保存しました"
air device list --format tsv
expect_out_has "$(printf 'USB-9\tactive\t\tusb_memory')" \
    "the digit of the choice recorded the type"
tm_keys m
tm_wait "事案番号"
tm_type "$USBREF"
tm_keys Enter
tm_wait "紛失として記録しました"
air device list --format tsv
expect_out_has "$(printf 'USB-9\tlost\t%s' "$USBREF")" \
    "m records the device lost in the incident"
air checklist "$USBREF" --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[] | select(.action == "update_device_ledger") | .status')" \
    done "the incident's ledger update is done"
air device show USB-9
expect_out_has "tester" "each change is signed"
tm_keys Escape
tm_wait "持ち出し台帳: 4"
tm_keys x
tm_wait "保存先"
tm_keys Enter
tm_wait "台帳を保存しました"
if [ -s "$HOME/anshin-ir-ledger.pdf" ]; then pass; else
	fail "x writes the ledger's PDF" "$(ls -l "$HOME")"; fi
tm_keys Escape Escape
tm_wait "対応中の事案"
tm_keys p
tm_wait "保存先"
tm_keys Enter
tm_wait "初動カードを保存しました"
if [ "$(pdf_pages "$HOME/anshin-ir-card.pdf")" = 1 ]; then pass; else
	fail "p writes the one-page card" "$(ls -l "$HOME")"; fi
tm_keys Escape
tm_wait "対応中の事案"

# ---- done on the incident's ledger update records the device lost ----
air checklist "$LOSTREF" --format tsv
pos=$(printf '%s\n' "$OUT" | awk -F'\t' 'NR > 1 { n++ }
    $1 == "update_device_ledger" { print n; exit }')
tm_keys /
tm_type "$LOSTREF"
tm_keys Enter
tm_wait "> $LOSTREF"
tm_keys Enter
tm_wait "[1 概要]"
tm_keys 2
for _ in $(seq $((pos - 1))); do tm_keys Down; done
tm_expect ">[ ] $(rule_title update_device_ledger ja)" \
    "the ledger update selected in the incident's checklist"
tm_keys d
tm_expect "台帳にも TAB-03 をこの事案での紛失として記録します" \
    "the popup says the ledger records the device lost"
tm_keys Enter
tm_expect "[x] $(rule_title update_device_ledger ja)" "the action is done"
air device list --format tsv
expect_out_has "$(printf 'TAB-03\tlost\t%s' "$LOSTREF")" \
    "done from the screen records the device lost, as device lost does"
tm_keys F10
tm_wait "対応中の事案"
tm_keys F10
tm_wait "EXITED-0"
tm_kill_server
