# test_device.sh - the device ledger (`anshin-ir device`): entries added
# and changed as typed, refused with the allowed values, listed with the
# gaps of the facility guide's §1-2 and the approvals that ran out (text,
# tsv, json), each change an event of the ledger's own chain (`device
# verify`, which sees an edited row); an answers file's `device = ID`
# answering from the ledger with its own keys winning, the checklist then
# offering the MDM lock and the wipe; `device lost` recording the
# incident's reference and marking its update_device_ledger done; the
# entry in `show` and in the incident's PDF; the ledger's PDF for the
# periodic check. Sourced by run.sh (helpers in lib.sh).

# ---- before any database: reading needs one, adding makes one ----
air device list
expect_rc 66 "device list without a database"
air device
expect_rc 64 "device without a subcommand"
air device frobnicate
expect_rc 64 "an unknown device subcommand"
expect_err_has "retire" "it names the subcommands"

TABLET=(type=tablet owner=facility "holder=訪問看護 田中" carrier=docomo
    line=090-1111-2222 encryption=strong screen_lock=strong
    remote_wipe=available mdm=yes browser_saved_login=no network_access=yes
    approved_until=2027/3/31)
air device add TAB-03 "${TABLET[@]}" --by 鈴木
expect_rc 0 "device add creates the database and the entry"
air device add TAB-03 type=tablet
expect_rc 65 "the same id twice"
expect_err_has "device set TAB-03" "the refusal says how to change it"
air device add SP-1 type=phone
expect_rc 65 "a type that is not a device_type value"
expect_err_has "smartphone" "the allowed values are named"
air device list
expect_out_lacks "SP-1" "a refused add stores nothing"
air device add "TAB 04"
expect_rc 65 "an id with a space"
air device add SP-1 colour=red
expect_rc 65 "an unknown key"
expect_err_has "screen_lock" "the known keys are named"
air device add SP-1 screen_lock
expect_rc 64 "a key without ="
air device add SP-1 approved_until=2026-02-30
expect_rc 65 "an impossible date"
air device set NOPE mdm=yes
expect_rc 66 "set on a device the ledger lacks"
air device show NOPE
expect_rc 66 "show a device the ledger lacks"
air device list --incident 2026-0001
expect_rc 64 "an option of another subcommand"
air device add SP-1 type=smartphone screen_lock=none remote_wipe=unavailable \
    mdm=no approved_until=2026-09-30 holder=佐藤
expect_rc 0 "a phone with gaps"
air device add USB-1 type=usb_memory encryption=none
expect_rc 0 "a USB stick"

# ---- the list: tsv, json, text with gaps and expired approvals ----
air device list --format tsv
expect_rc 0 "device list --format tsv"
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'id\tstate\tincident\ttype\towner\tholder\tcarrier\tline\tencryption\tscreen_lock\tremote_wipe\tmdm\tbrowser_saved_login\tnetwork_access\tapproved_until\tnote\tgaps')" \
    "the tsv header"
expect_out_has "$(printf 'TAB-03\tactive\t\ttablet\tfacility\t訪問看護 田中\tdocomo\t090-1111-2222\tstrong\tstrong\tavailable\tyes\tno\tyes\t2027-03-31\t\t')" \
    "the tablet's row, the date read as typed, no gaps"
expect_out_has "no_screen_lock,no_remote_wipe,no_mdm" "the phone's gaps"
expect_out_has "approval_expired" "the phone's approval ran out"
expect_out_has "$(printf 'usb_memory\t\t\t\t\tnone\t\t\t\t\t\t\t\tno_encryption')" \
    "a USB stick is checked for encryption only"
air device list --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[] | select(.id == "SP-1") | .gaps | join(",")')" \
    "encryption_unknown,no_screen_lock,no_remote_wipe,no_mdm,saved_login_unknown,approval_expired" \
    "json: the gaps by id"
expect_eq "$(printf '%s' "$OUT" | jq -r '.[0].id, .[1].id, .[2].id' | tr '\n' ' ')" \
    "SP-1 TAB-03 USB-1 " "json: by id"
air device list
expect_out_has "画面ロックなし" "text: the gaps in words"
expect_out_has "遠隔消去未契約" "text: no remote wipe contract"
expect_out_has "持ち出し承認の期限切れ" "text: the expired approvals"
air device list --format xml
expect_rc 64 "an unknown format"

# ---- every change is a chained event of the ledger ----
air device set SP-1 screen_lock=strong "note=ロックを設定した" --by 佐藤
expect_rc 0 "device set"
air device show SP-1
expect_out_has "value    screen_lock  none -> strong  佐藤" \
    "the change is in the ledger's timeline, with who"
expect_out_has "ロックを設定した" "the note"
air device verify
expect_rc 0 "device verify"
expect_out_has "ok" "the ledger's chain is intact"
events=$(printf '%s\n' "$OUT" | sed -n 's/^events=//p')
# added + 12 values, added + 6, added + 2, then 2 changes
expect_eq "$events" 25 "one event per change"
sqlite3 "$ANSHIN_IR_DB" "UPDATE device_value SET value = 'no' WHERE device = 'TAB-03' AND key = 'mdm'"
air device verify
expect_rc 1 "an edited value breaks verify"
expect_out_has "mdm" "verify names what was edited"
sqlite3 "$ANSHIN_IR_DB" "UPDATE device_value SET value = 'yes' WHERE device = 'TAB-03' AND key = 'mdm'"
air device verify
expect_rc 0 "verify again once it is put back"

# ---- intake from the ledger: device = ID ----
cat >"$TMP/lost.answers" <<'EOF'
kind = device_loss
discovered_at = 2026-10-06 08:30
summary = 訪問看護のタブレットを紛失
device = TAB-03
EOF
new_incident "$TMP/lost.answers"
LOST=$REF
air answers "$LOST"
for kv in "device = TAB-03" "device_type = tablet" "device_owner = facility" \
    "carrier = docomo 090-1111-2222" "encryption = strong" \
    "screen_lock = strong" "remote_wipe = available" "mdm = yes" \
    "browser_saved_login = no" "network_access = yes"; do
	expect_out_has "$kv" "device = TAB-03 answers $kv"
done
air checklist "$LOST" --format tsv
expect_out_has "$(printf 'mdm_lock\timmediate')" "the checklist offers the MDM lock"
expect_out_has "$(printf 'remote_wipe\timmediate')" "the checklist offers the remote wipe"
expect_out_has "$(printf 'update_device_ledger\t')" "and the ledger update"
# keys given explicitly win, a blank one too
cat >"$TMP/explicit.answers" <<'EOF'
kind = device_loss
device = TAB-03
screen_lock = weak
mdm =
EOF
new_incident "$TMP/explicit.answers"
air answers "$REF"
expect_out_has "screen_lock = weak" "the file's own value wins"
expect_out_lacks "mdm" "a key left blank in the file stays unanswered"
expect_out_has "encryption = strong" "the rest from the ledger"
printf 'kind = device_loss\n# comment\ndevice = TAB-99\n' >"$TMP/bad.answers"
air new --answers "$TMP/bad.answers"
expect_rc 65 "a device the ledger lacks"
expect_err_has "$TMP/bad.answers:3: " "the error names the file and line"
air set "$LOST" device=TAB-99
expect_rc 65 "set device= to an id the ledger lacks"

# ---- device lost ----
air device lost TAB-03
expect_rc 64 "lost without --incident"
air device lost TAB-03 --incident 2026-0999
expect_rc 66 "lost in an incident that does not exist"
printf 'kind = paper_loss\n' >"$TMP/paper.answers"
new_incident "$TMP/paper.answers"
air device lost TAB-03 --incident "$REF"
expect_rc 65 "lost in an incident whose checklist has no ledger update"
air device lost TAB-03 --incident "$LOST" --by 鈴木
expect_rc 0 "device lost"
air device list --format tsv
expect_out_has "$(printf 'TAB-03\tlost\t%s\t' "$LOST")" \
    "the ledger records the incident's reference"
air checklist "$LOST" --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[] | select(.action == "update_device_ledger") | .status')" \
    done "update_device_ledger is done"
air timeline "$LOST" --format tsv
expect_out_has "$(printf 'action\tupdate_device_ledger\topen\tdone\t鈴木')" \
    "the incident's timeline: done by who marked it lost"
expect_out_has "持ち出し台帳：TAB-03" "the action's note names the entry"
air device lost TAB-03 --incident "$LOST"
expect_rc 0 "lost again in the same incident is no change"
air device verify
expect_out_has "events=26" "no change, no event"
air verify "$LOST"
expect_rc 0 "the incident's own chain holds"

# ---- the entry in show and in the incident's PDF ----
air show "$LOST"
expect_out_has "== 持ち出し台帳 ==" "show: the ledger section"
expect_out_has "台帳の記録（2026-10-06T09:00 時点）" \
    "show: the ledger as recorded when it was marked lost"
expect_out_has "紛失 $LOST" "show: its state"
air export "$LOST" -o "$TMP/lost.pdf"
expect_rc 0 "export the incident"
TEXT=$(pdf_text "$TMP/lost.pdf")
expect_text_has "持ち出し台帳" "the report's ledger section"
expect_text_has "TAB-03" "the report names the entry"
expect_text_has "2026-10-06 09:00" "the report says when it was recorded so"

# ---- retire ----
air device retire USB-1
expect_rc 0 "retire"
air device list --format tsv
expect_out_has "$(printf 'USB-1\tretired\t')" "retired"
air device lost USB-1 --incident "$LOST"
expect_rc 1 "a retired device cannot be lost"

# ---- the ledger's PDF for the periodic check ----
air device export
expect_rc 64 "device export without -o"
air device export -o "$TMP/ledger.pdf"
expect_rc 0 "device export"
expect_pdf "$TMP/ledger.pdf" "device export"
TEXT=$(pdf_text "$TMP/ledger.pdf")
for t in "持ち出し台帳" "不足" "遠隔消去未契約" "TAB-03" "SP-1" "$LOST" \
    "持ち出し承認の期限切れ" "確認日" "確認者" "署名・印" "device verify"; do
	expect_text_has "$t" "the ledger's PDF has '$t'"
done
air --lang en device export -o "$TMP/ledger-en.pdf"
TEXT=$(pdf_text "$TMP/ledger-en.pdf")
expect_text_has "Gaps" "the English ledger has the gaps column"
expect_text_has "Checked by" "and the line to sign the check"
