# tui.sh (sourced by bench.sh) - the wizard's budgets, measured by the
# program itself (ANSHIN_IR_BENCH=1) while tmux types an intake.
SOCK="anshin-bench-$$"
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
wait_for() { # TEXT: up to 5 s
	local i
	for ((i = 0; i < 100; i++)); do
		tm capture-pane -p -t b 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
starts=() redraws=()
for ((run = 0; run < 5; run++)); do
	rm -f "$TMP/tui.bench"
	tm new-session -d -s b -x 100 -y 30 \
	    "ANSHIN_IR_BENCH=1 $BIN new 2>$TMP/tui.bench; sleep 0.2"
	wait_for "F10" || break
	tm send-keys -t b 1 Enter 2 1 1 1 2 1 Tab
	tm send-keys -t b -l kyo-0123
	tm send-keys -t b Enter F10
	for ((i = 0; i < 100; i++)); do
		grep -q answer_to_redraw_ms_median "$TMP/tui.bench" 2>/dev/null && break
		sleep 0.05
	done
	tm kill-server 2>/dev/null
	starts+=("$(sed -n 's/^bench: start_to_first_screen_ms=//p' "$TMP/tui.bench")")
	redraws+=("$(sed -n 's/^bench: answer_to_redraw_ms_median=//p' "$TMP/tui.bench")")
done
med() { printf '%s\n' "$@" | grep . | sort -g | sed -n "$((($# + 1) / 2))p"; }
report "TUI start to first screen (median of 5)" "$(med "${starts[@]}")" 30 ms
report "TUI answer to checklist redraw (median)" "$(med "${redraws[@]}")" 5 ms
