# pdf.sh (sourced by bench.sh) - the PDF budget: an incident with 200
# timeline events, export in process < 50 ms, file < 100 KB.
PREF=$("$BIN" new --answers tests/fixtures/lost-tablet.answers)
for i in $(seq 1 200); do
	"$BIN" note "$PREF" "経過メモ $i: 関係先へ連絡し、状況を確認した。" >/dev/null
done
times=()
for ((i = 0; i < RUNS; i++)); do
	t=$(ANSHIN_IR_BENCH=1 timeout 60 "$BIN" export "$PREF" -o "$TMP/r.pdf" 2>&1 >/dev/null |
	    sed -n 's/^bench: export_ms=//p')
	times+=("$t")
done
report "PDF export, 200+ events (in process, median)" \
    "$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")" 50 ms
report "PDF size, 200+ events" "$(echo "$(stat -c %s "$TMP/r.pdf") / 1024" | bc -l | xargs printf '%.1f')" 100 KB
