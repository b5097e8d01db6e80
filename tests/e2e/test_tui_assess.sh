# test_tui_assess.sh - the v2 questions in the wizard and the assessment
# they drive, at 80x24 in Japanese through tmux: systems_down
# right after discovered_at for malware; for a lost smartphone with a
# strong lock, strong encryption, its key safe, a saved login to the
# regional network, patient names of 30 persons and no deliberate act, the
# assessment is 「未確定」 with the access-log action on the checklist,
# becomes 報告不要 (encryption) with network_log = no_access and 報告が必要
# with 60 days with access_found. At 80x24 the verdict and the access-log
# action are both on the checklist strip without pressing F2 (every open
# urgent action stays on screen). Choices are picked with
# digits. Sourced by run.sh (lib.sh helpers, $TMP, $BIN, ANSHIN_IR_NOW
# 2026-10-06 09:00).

TM_SOCK="anshin-as-$$"

screen_ref() {
	tm_screen | head -1 | grep -o '[0-9]\{4\}-[0-9]\{4\}' | head -1
}

# ---- malware: systems_down is asked right after discovered_at ----
tm_start 80 24 new
tm_wait "> $(form_label kind ja)"
tm_keys "$(form_digit kind malware)"
tm_wait "> $(form_label discovered_at ja)"
tm_keys Enter
tm_expect "> $(form_label systems_down ja)" \
    "malware: systems_down comes right after discovered_at"
tm_keys "$(form_digit systems_down yes)"
tm_expect "$(rule_title continue_care ja)" \
    "systems down: keeping care going is on the checklist at once"
tm_keys F10
tm_expect "EXITED-0" "F10 leaves the malware intake"

# ---- the lost smartphone ----
tm_start 80 24 new
tm_wait "> $(form_label kind ja)"
tm_keys "$(form_digit kind device_loss)"
tm_wait "> $(form_label discovered_at ja)"
tm_expect_no "$(form_label systems_down ja)" \
    "a lost device is not asked whether systems are down"
tm_keys Enter "$(form_digit device_type smartphone)" \
    "$(form_digit device_owner facility)" \
    "$(form_digit network_access yes)" \
    "$(form_digit browser_saved_login yes)" Tab Tab Tab Tab
# after the network questions, on the first page
tm_expect "> $(form_label network_log ja)" \
    "network_log is asked after the network questions"
tm_expect "$(form_choice network_log no_access ja)" "with its answers"
REF=$(screen_ref)
# the data page: patient names, 30 persons exact, no deliberate act
tm_keys NPage NPage
tm_wait "> $(form_label data_types ja)"
tm_keys "$(form_digit data_types patient_identity)" Enter
tm_wait "> $(form_label persons_count ja)"
tm_type "30"
tm_keys Enter "$(form_digit persons_basis exact)" Tab
tm_expect "> $(form_label exposure ja)" "exposure is on the data page"
tm_keys Tab
tm_wait "> $(form_label unauthorized_purpose ja)"
tm_expect "$(form_choice unauthorized_purpose no ja)" \
    "the deliberate-act question reads 'no' as the facility's own error"
tm_keys "$(form_digit unauthorized_purpose no)"
tm_wait "> $(form_label recovered_unviewed ja)"
# the protection page: strong encryption, key safe, strong lock
tm_keys NPage
tm_wait "> $(form_label encryption ja)"
tm_keys "$(form_digit encryption strong)" "$(form_digit key_exposed no)" \
    "$(form_digit screen_lock strong)"
tm_wait "> $(form_label facility_type ja)"
tm_keys Tab
tm_expect "> $(form_label facility_role ja)" "facility_role on the facility page"
tm_keys Tab
tm_expect "> $(form_label at_contractor ja)" "at_contractor on the facility page"
air assess "$REF"
expect_out_has "reportable=undetermined" "stored: undetermined"
expect_out_has "exemption=encryption" "stored: the phone's own data is exempt"
# undetermined, and why: the access log; the verdict and the access-log
# action on one screen, without F2
tm_expect "個人情報保護委員会への報告：未確定" "80x24: 「未確定」"
tm_expect "未確定の理由: ネットワークのアクセスログが未確認" \
    "80x24: the access log is why"
tm_expect "$(rule_title check_network_log ja)" \
    "80x24: the access-log action is on the strip without F2"
if tm_shows "個人情報保護委員会への報告：未確定" &&
    tm_shows "$(rule_title check_network_log ja)"; then pass; else
	fail "80x24: both on the same screen" "$(tm_screen)"; fi
tm_expect_no "F2/Esc" "the checklist was not focused"

# network_log = no_access: 報告不要 (encryption), a decision to record
tm_keys PPage PPage PPage PPage
tm_wait "> $(form_label kind ja)"
for _ in $(seq 10); do tm_keys Tab; done
tm_wait "> $(form_label network_log ja)"
tm_keys "$(form_digit network_log no_access)"
tm_expect "報告不要と判断（根拠を記録してください）" \
    "no_access: 報告不要, as the facility's decision"
tm_expect "報告不要とした理由: 外に出た端末・媒体・ファイルが高度な暗号化" \
    "no_access: it rests on the encryption"
air assess "$REF"
expect_out_has "reportable=no" "stored: no"
air checklist "$REF" --format tsv
expect_out_has "check_network_log	immediate	1	done" \
    "the access-log action is done by the answer"

# network_log = access_found: 報告が必要, 60 days
tm_keys BTab
tm_wait "> $(form_label network_log ja)"
tm_keys "$(form_digit network_log access_found)"
tm_expect "個人情報保護委員会への報告が必要" "access_found: 報告が必要"
tm_expect "（60日）" "access_found: the final report in 60 days"
tm_expect "2026-12-04" "access_found: day 60 from 2026-10-06"
air assess "$REF"
expect_out_has "reportable=yes" "stored: yes"
expect_out_has "grounds=sensitive,unauthorized_purpose" \
    "stored: someone used the IDs"
expect_out_has "final_due=2026-12-04" "stored: day 60"
tm_keys F10
tm_expect "EXITED-0" "F10 leaves"
tm_kill_server
