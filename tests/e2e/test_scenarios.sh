# test_scenarios.sh - realistic incidents in docs/contract.md §3 vocabulary,
# each with the assessment (the six first lines of `assess`, docs/contract.md
# §5) and the exact set of actions (docs/contract.md §4) worked out by hand from
# the contract (docs/contract.md) tables; and the answers printed by `answers
# REF`, fed back to `new
# --answers`, give the same assessment. Due dates were counted
# from the calendar: day 1 is the day of discovery, the preliminary target
# day 5 as is, the final day 30 or 60 moved past weekends, holidays and
# Dec 29 - Jan 3. Sourced by run.sh (lib.sh helpers, $TMP, $BIN).

# scenario NAME ASSESS ACTIONS, the answers on stdin: ASSESS is the six
# lines joined by ";", ACTIONS the action ids sorted, space-separated.
scenario() {
	local name=$1 want_assess=$2 want_actions=$3 answers got ref2
	answers=$(cat)
	air new --answers - <<<"$answers"
	expect_rc 0 "$name: new --answers"
	REF=$OUT
	air assess "$REF"
	got=$(printf '%s\n' "$OUT" | head -6 | paste -sd';')
	expect_eq "$got" "$want_assess" "$name: assess"
	assess=$OUT
	air checklist "$REF" --format tsv
	got=$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | sort | paste -sd' ')
	expect_eq "$got" "$want_actions" "$name: the actions"
	air answers "$REF"
	air new --answers - <<<"$OUT"
	ref2=$OUT
	air assess "$ref2"
	expect_eq "$OUT" "$assess" "$name: answers REF round-trips"
}

# Times are the scenarios': a clock after all of them.
export ANSHIN_IR_NOW="2026-11-25 09:00"

# 01 ransomware, server disk encrypted, systems down
acts="assemble_team assess_reportability contact_vendor continue_care"
acts="$acts decide_publication isolate_system notify_individuals"
acts="$acts police_cyber_consult ppc_final_report ppc_preliminary_report"
acts="$acts preserve_logs recurrence_prevention report_mhlw"
acts="$acts restore_from_backup staff_education"
want="reportable=yes;grounds=sensitive,unauthorized_purpose,over_1000"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-10;final_due=2026-12-04"
want="$want;report_by=facility"
scenario "01" "$want" "$acts" <<'ANS'
kind = malware
discovered_at = 2026-10-06 08:30
summary = 電子カルテサーバーのランサムウェア感染
systems_down = yes
data_types = patient_identity, medical, contact, insurance_no
persons_count = 12000
persons_basis = estimated
exposure = unknown
encryption = strong
key_exposed = no
ANS

# 02 lost phone, no screen lock, built-in encryption
acts="assemble_team assess_reportability decide_publication"
acts="$acts line_suspension notify_individuals police_lost_report"
acts="$acts ppc_final_report ppc_preliminary_report recurrence_prevention"
acts="$acts remote_wipe search_lost_item staff_education update_device_ledger"
want="reportable=yes;grounds=sensitive"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-09;final_due=2026-11-04"
want="$want;report_by=facility"
scenario "02" "$want" "$acts" <<'ANS'
kind = device_loss
discovered_at = 2026-10-05 18:00
summary = 訪問用スマートフォンを紛失
device_type = smartphone
network_access = no
screen_lock = none
encryption = strong
key_exposed = no
remote_wipe = available
data_types = patient_identity, contact
persons_count = 20
persons_basis = exact
unauthorized_purpose = no
exposure = outside
ANS

# 03 misdirected e-mail, recipient threatens to post it
acts="assemble_team assess_reportability confirm_deletion"
acts="$acts contact_recipient decide_publication notify_individuals"
acts="$acts ppc_final_report ppc_preliminary_report recurrence_prevention"
acts="$acts secondary_damage_response staff_education"
want="reportable=yes;grounds=sensitive"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-11-05"
want="$want;report_by=facility"
scenario "03" "$want" "$acts" <<'ANS'
kind = email_misdelivery
discovered_at = 2026-10-07 10:00
summary = 検査結果を別の患者に誤送信、相手がSNSへの掲載をほのめかす
recipient_kind = external_known
recipient_contacted = yes
deletion_confirmed = no
data_types = patient_identity, medical
persons_count = 1
persons_basis = exact
unauthorized_purpose = no
exposure = outside
secondary_damage = suspected
ANS

# 04 nurse took the list home to finish records
acts="assemble_team assess_reportability decide_publication"
acts="$acts interview_staff notify_individuals ppc_final_report"
acts="$acts ppc_preliminary_report preserve_logs recurrence_prevention"
acts="$acts staff_education"
want="reportable=yes;grounds=sensitive"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-11-05"
want="$want;report_by=facility"
scenario "04" "$want" "$acts" <<'ANS'
kind = insider_misuse
discovered_at = 2026-10-07 10:00
summary = 看護師が記録のため名簿を自宅へ持ち帰った
data_types = patient_identity
persons_count = 40
persons_basis = exact
unauthorized_purpose = no
exposure = outside
ANS

# 05 referral shredded by mistake inside, EHR intact
acts="assemble_team assess_reportability recurrence_prevention"
acts="$acts search_lost_item staff_education"
want="reportable=no;grounds=sensitive"
want="$want;exemption=not_leaked"
want="$want;preliminary_due=;final_due="
want="$want;report_by=facility"
scenario "05" "$want" "$acts" <<'ANS'
kind = paper_loss
discovered_at = 2026-10-07 10:00
summary = 紹介状を院内で誤ってシュレッダー（電子カルテに原本あり）
data_types = patient_identity, medical
persons_count = 1
persons_basis = exact
unauthorized_purpose = no
exposure = inside_only
copy_kept = yes
ANS

# 06 data entry for another business (processor)
acts="assemble_team assess_reportability confirm_deletion"
acts="$acts contact_recipient notify_controller recurrence_prevention"
acts="$acts staff_education"
want="reportable=yes;grounds=sensitive"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-11-05"
want="$want;report_by=controller"
scenario "06" "$want" "$acts" <<'ANS'
kind = email_misdelivery
discovered_at = 2026-10-07 10:00
summary = 受託した健診データを誤送信
facility_role = processor
recipient_kind = external_unknown
data_types = patient_identity, medical
persons_count = 300
persons_basis = exact
unauthorized_purpose = no
exposure = outside
ANS

# 07 lost locked phone, saved login, log unchecked
acts="assemble_team assess_reportability change_password"
acts="$acts check_network_log line_suspension police_lost_report"
acts="$acts recurrence_prevention remote_wipe search_lost_item staff_education"
acts="$acts suspend_user_id update_device_ledger"
want="reportable=undetermined;grounds=sensitive"
want="$want;exemption=encryption"
want="$want;preliminary_due=2026-10-09;final_due=2026-11-04"
want="$want;report_by=facility"
scenario "07" "$want" "$acts" <<'ANS'
kind = device_loss
discovered_at = 2026-10-05 18:00
summary = スマートフォン紛失（ロックあり・ログイン保存）
device_type = smartphone
screen_lock = strong
encryption = strong
key_exposed = no
browser_saved_login = yes
network_access = yes
data_types = patient_identity
persons_count = 30
persons_basis = exact
unauthorized_purpose = no
ANS

# 08 same, access log: no access
acts="assemble_team assess_reportability change_password"
acts="$acts check_network_log line_suspension police_lost_report"
acts="$acts recurrence_prevention remote_wipe search_lost_item staff_education"
acts="$acts suspend_user_id update_device_ledger"
want="reportable=no;grounds=sensitive"
want="$want;exemption=encryption"
want="$want;preliminary_due=;final_due="
want="$want;report_by=facility"
scenario "08" "$want" "$acts" <<'ANS'
kind = device_loss
discovered_at = 2026-10-05 18:00
summary = スマートフォン紛失（ロックあり・ログイン保存）
device_type = smartphone
screen_lock = strong
encryption = strong
key_exposed = no
browser_saved_login = yes
network_access = yes
data_types = patient_identity
persons_count = 30
persons_basis = exact
unauthorized_purpose = no
network_log = no_access
ANS

# 09 same, access log: access found
acts="assemble_team assess_reportability change_password"
acts="$acts check_network_log decide_publication line_suspension"
acts="$acts notify_individuals police_lost_report ppc_final_report"
acts="$acts ppc_preliminary_report recurrence_prevention remote_wipe"
acts="$acts search_lost_item staff_education suspend_user_id"
acts="$acts update_device_ledger"
want="reportable=yes;grounds=sensitive,unauthorized_purpose"
want="$want;exemption=encryption"
want="$want;preliminary_due=2026-10-09;final_due=2026-12-03"
want="$want;report_by=facility"
scenario "09" "$want" "$acts" <<'ANS'
kind = device_loss
discovered_at = 2026-10-05 18:00
summary = スマートフォン紛失（ロックあり・ログイン保存）
device_type = smartphone
screen_lock = strong
encryption = strong
key_exposed = no
browser_saved_login = yes
network_access = yes
data_types = patient_identity
persons_count = 30
persons_basis = exact
unauthorized_purpose = no
network_log = access_found
ANS

# 10 deliberate act unknown (lost paper, contact list)
acts="assemble_team assess_reportability police_lost_report"
acts="$acts recurrence_prevention search_lost_item staff_education"
want="reportable=undetermined;grounds="
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-11-05"
want="$want;report_by=facility"
scenario "10" "$want" "$acts" <<'ANS'
kind = paper_loss
discovered_at = 2026-10-07 10:00
summary = 連絡網の紛失
data_types = contact
persons_count = 25
persons_basis = exact
unauthorized_purpose = unknown
exposure = outside
ANS

# 11 caller posing as family (deception)
acts="assemble_team assess_reportability decide_publication"
acts="$acts notify_individuals ppc_final_report ppc_preliminary_report"
acts="$acts recurrence_prevention secondary_damage_response staff_education"
want="reportable=yes;grounds=sensitive,unauthorized_purpose"
want="$want;exemption=none"
want="$want;preliminary_due=2026-08-25;final_due=2026-10-19"
want="$want;report_by=facility"
scenario "11" "$want" "$acts" <<'ANS'
kind = verbal
discovered_at = 2026-08-21 10:30
summary = 家族を名乗る電話に入院の事実を伝えた
data_types = patient_identity, medical
persons_count = 1
persons_basis = exact
unauthorized_purpose = yes
exposure = outside
secondary_damage = confirmed
ANS

# 12 stolen bag with paper charts
acts="assemble_team assess_reportability decide_publication"
acts="$acts notify_individuals police_theft_report ppc_final_report"
acts="$acts ppc_preliminary_report recurrence_prevention staff_education"
want="reportable=yes;grounds=sensitive,unauthorized_purpose"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-12-07"
want="$want;report_by=facility"
scenario "12" "$want" "$acts" <<'ANS'
kind = device_theft
discovered_at = 2026-10-07 10:00
summary = 車上荒らしで訪問記録（紙）を盗まれた
device_type = paper
encryption = none
data_types = patient_identity, care
persons_count = 8
persons_basis = exact
exposure = outside
ANS

# 13 encrypted USB stick lost, password separate
acts="assemble_team assess_reportability police_lost_report"
acts="$acts recurrence_prevention search_lost_item staff_education"
acts="$acts update_device_ledger"
want="reportable=no;grounds=sensitive,over_1000"
want="$want;exemption=encryption"
want="$want;preliminary_due=;final_due="
want="$want;report_by=facility"
scenario "13" "$want" "$acts" <<'ANS'
kind = device_loss
discovered_at = 2026-10-07 10:00
summary = 暗号化USBメモリの紛失
device_type = usb_memory
network_access = no
encryption = strong
key_exposed = no
data_types = patient_identity, medical
persons_count = 2000
persons_basis = exact
unauthorized_purpose = no
ANS

# 14 patient list open on the web (misconfigured share)
acts="assemble_team assess_reportability contractor_report"
acts="$acts decide_publication notify_individuals ppc_final_report"
acts="$acts ppc_preliminary_report recurrence_prevention staff_education"
acts="$acts take_down_public"
want="reportable=yes;grounds=sensitive"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-11-05"
want="$want;report_by=facility"
scenario "14" "$want" "$acts" <<'ANS'
kind = other
discovered_at = 2026-10-07 10:00
summary = 予約者一覧が公開設定のクラウドに置かれていた
data_types = patient_identity, contact
persons_count = 500
persons_basis = estimated
unauthorized_purpose = no
exposure = public
at_contractor = yes
ANS

# 15 care home fax to the wrong care office (another entity)
acts="assemble_team assess_reportability contact_recipient"
acts="$acts decide_publication notify_individuals ppc_final_report"
acts="$acts ppc_preliminary_report recurrence_prevention report_municipality"
acts="$acts staff_education"
want="reportable=yes;grounds=sensitive"
want="$want;exemption=none"
want="$want;preliminary_due=2026-07-21;final_due=2026-08-17"
want="$want;report_by=facility"
scenario "15" "$want" "$acts" <<'ANS'
kind = fax_misdelivery
discovered_at = 2026-07-17 16:40
summary = 介護サマリーを別法人の事業所へFAX誤送信
facility_type = care
recipient_kind = external_known
recipient_contacted = yes
deletion_confirmed = yes
data_types = patient_identity, care
persons_count = 1
persons_basis = exact
unauthorized_purpose = no
recovered_unviewed = no
ANS

# 16 fax to another ward of the same entity
acts="assemble_team assess_reportability recurrence_prevention"
acts="$acts staff_education"
want="reportable=no;grounds=sensitive"
want="$want;exemption=not_leaked"
want="$want;preliminary_due=;final_due="
want="$want;report_by=facility"
scenario "16" "$want" "$acts" <<'ANS'
kind = fax_misdelivery
discovered_at = 2026-10-01 10:00
summary = 院内の別病棟へ誤送信
recipient_kind = internal
data_types = patient_identity, medical
persons_count = 1
persons_basis = exact
ANS

# 17 My Number forms lost, exposure unknown
acts="assemble_team assess_reportability police_lost_report"
acts="$acts recurrence_prevention search_lost_item staff_education"
want="reportable=undetermined;grounds="
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-11-05"
want="$want;report_by=facility"
scenario "17" "$want" "$acts" <<'ANS'
kind = paper_loss
discovered_at = 2026-10-07 10:00
summary = 職員のマイナンバー提出書類の紛失
data_types = my_number, staff
persons_count = 12
persons_basis = exact
unauthorized_purpose = no
exposure = unknown
ANS

# 18 ransomware at the EHR vendor's cloud, both roles, systems down
acts="assemble_team assess_reportability change_password contact_vendor"
acts="$acts continue_care contractor_report decide_publication"
acts="$acts estimate_persons_count isolate_system notify_controller"
acts="$acts notify_individuals police_cyber_consult ppc_final_report"
acts="$acts ppc_preliminary_report preserve_logs recurrence_prevention"
acts="$acts report_mhlw staff_education suspend_user_id"
want="reportable=yes;grounds=sensitive,unauthorized_purpose"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-12-07"
want="$want;report_by=both"
scenario "18" "$want" "$acts" <<'ANS'
kind = unauthorized_access
discovered_at = 2026-10-07 10:00
summary = クラウド型電子カルテの事業者が不正アクセスを受けた
systems_down = yes
at_contractor = yes
facility_role = both
data_types = patient_identity, medical
persons_basis = unknown
ANS

# 19 staff stress-check results e-mailed to a wrong outside address, recalled unread
acts="assemble_team assess_reportability contact_recipient"
acts="$acts recurrence_prevention staff_education"
want="reportable=no;grounds=sensitive"
want="$want;exemption=not_leaked"
want="$want;preliminary_due=;final_due="
want="$want;report_by=facility"
scenario "19" "$want" "$acts" <<'ANS'
kind = email_misdelivery
discovered_at = 2026-10-07 10:00
summary = ストレスチェック結果を外部へ誤送信、未開封で削除を確認
recipient_kind = external_known
recipient_contacted = yes
deletion_confirmed = yes
recovered_unviewed = yes
data_types = staff, medical
persons_count = 3
persons_basis = exact
unauthorized_purpose = no
ANS

# 20 laptop stolen, BitLocker, strong lock, no saved login
acts="assemble_team assess_reportability change_password mdm_lock"
acts="$acts police_theft_report recurrence_prevention remote_wipe"
acts="$acts staff_education suspend_user_id update_device_ledger"
want="reportable=no;grounds=sensitive,unauthorized_purpose"
want="$want;exemption=encryption"
want="$want;preliminary_due=;final_due="
want="$want;report_by=facility"
scenario "20" "$want" "$acts" <<'ANS'
kind = device_theft
discovered_at = 2026-11-10 13:30
summary = ノートパソコン盗難（全体暗号化）
device_type = laptop
network_access = yes
browser_saved_login = no
screen_lock = strong
encryption = strong
key_exposed = no
remote_wipe = available
mdm = yes
data_types = patient_identity, medical, contact
persons_count = 54
persons_basis = exact
ANS

# 21 malware found, logs show nothing left, backups complete
acts="assemble_team assess_reportability contact_vendor continue_care"
acts="$acts isolate_system police_cyber_consult preserve_logs"
acts="$acts recurrence_prevention report_mhlw restore_from_backup"
acts="$acts staff_education"
want="reportable=no;grounds=sensitive,unauthorized_purpose"
want="$want;exemption=not_leaked"
want="$want;preliminary_due=;final_due="
want="$want;report_by=facility"
scenario "21" "$want" "$acts" <<'ANS'
kind = malware
discovered_at = 2026-10-07 10:00
summary = 受付端末のウイルス感染（外部送信なし・バックアップから復旧）
systems_down = no
data_types = patient_identity
persons_count = 300
persons_basis = exact
exposure = inside_only
copy_kept = yes
ANS

# 22 malware, inside only, copies not yet checked
acts="assemble_team assess_reportability contact_vendor continue_care"
acts="$acts isolate_system police_cyber_consult preserve_logs"
acts="$acts recurrence_prevention report_mhlw restore_from_backup"
acts="$acts staff_education"
want="reportable=undetermined;grounds=sensitive,unauthorized_purpose"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-11;final_due=2026-12-07"
want="$want;report_by=facility"
scenario "22" "$want" "$acts" <<'ANS'
kind = malware
discovered_at = 2026-10-07 10:00
summary = 受付端末のウイルス感染（外部送信なし・バックアップから復旧）
systems_down = no
data_types = patient_identity
persons_count = 300
persons_basis = exact
exposure = inside_only
copy_kept = unknown
ANS

# 23 lost tablet (the shared example)
acts="assemble_team assess_reportability change_password"
acts="$acts check_network_log decide_publication line_suspension mdm_lock"
acts="$acts notify_individuals police_lost_report ppc_final_report"
acts="$acts ppc_preliminary_report recurrence_prevention remote_wipe"
acts="$acts search_lost_item staff_education suspend_user_id"
acts="$acts update_device_ledger"
want="reportable=yes;grounds=sensitive"
want="$want;exemption=none"
want="$want;preliminary_due=2026-10-09;final_due=2026-11-04"
want="$want;report_by=facility"
scenario "23" "$want" "$acts" <<'ANS'
kind = device_loss
discovered_at = 2026-10-05 18:20
occurred_at = 2026-10-05 17:40
place = タクシー車内（京都駅八条口から）
reporter = ケアマネジャー 田中
person_in_charge = 施設長 鈴木
summary = 訪問用タブレットをタクシー内に置き忘れ
narrative = 訪問先からの帰りにタクシーを利用。降車後に紛失に気付き、\nタクシー会社へ連絡済み。
cause = loss
device_type = tablet
device_owner = facility
network_access = yes
network_user_ids = kyo-0123
encryption = unknown
key_exposed = unknown
screen_lock = strong
remote_wipe = available
mdm = yes
browser_saved_login = yes
data_types = patient_identity, care, contact
persons_count = 42
persons_basis = estimated
ANS
