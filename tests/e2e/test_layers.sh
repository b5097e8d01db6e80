# test_layers.sh - the layers are proven by the link, not by file names:
# the core library, the core's unit tests and its fuzz targets hold no
# curses, libharu or HarfBuzz symbol; the report's own tests and the
# layout fuzzer none of curses; and no view includes a view that includes
# it back (cli may use tui and report, tui may use report, report neither).

LAYER_CORE_TESTS="test_answers test_contacts test_deadline test_drill test_expr test_form test_form_input test_jtime test_model test_notice test_rules test_store test_text"
LAYER_REPORT_TESTS="test_report test_layout"
layer_bins=$(for t in $LAYER_CORE_TESTS $LAYER_REPORT_TESTS; do printf 'build/tests/%s ' "$t"; done)
layer_fuzz=$(cd "$REPO" && ls tests/fuzz/fuzz_*.c | sed 's|tests/fuzz/|build/asan/replay/|; s|\.c$||' | tr '\n' ' ')
# shellcheck disable=SC2086
make -s -C "$REPO" build/libanshin.a $layer_bins $layer_fuzz >"$TMP/make.out" 2>&1
expect_eq "$?" 0 "the layers build"

# Every symbol the libraries export, as a pattern of whole names.
layer_syms() { nm -D --defined-only "$1" 2>/dev/null | awk '{print $NF}' | sed 's/@.*//' | sort -u; }
curses_lib=$(ldconfig -p | awk '/libncursesw\.so\.[0-9]/ {print $NF; exit}')
hpdf_lib=$(ldconfig -p | awk '/libhpdf.*\.so/ {print $NF; exit}')
hb_lib=$(ldconfig -p | awk '/libharfbuzz\.so\.[0-9]/ {print $NF; exit}')
layer_syms "$curses_lib" >"$TMP/curses.syms"
layer_syms "$hpdf_lib" >"$TMP/hpdf.syms"
layer_syms "$hb_lib" >"$TMP/hb.syms"
if [ -s "$TMP/curses.syms" ] && [ -s "$TMP/hpdf.syms" ] && [ -s "$TMP/hb.syms" ]; then pass; else
	fail "the symbol lists of ncursesw, libhpdf and HarfBuzz" "$curses_lib $hpdf_lib $hb_lib"; fi

# layer_uses FILE SYMS: the symbols of SYMS that FILE refers to.
layer_uses() { nm "$1" 2>/dev/null | awk '{print $NF}' | sed 's/@.*//' | sort -u | comm -12 - "$2"; }

layer_clean() {	# layer_clean FILE LIST-OF-SYMBOL-FILES DESCRIPTION
	local f=$1 s bad=""
	for s in $2; do bad="$bad$(layer_uses "$REPO/$f" "$TMP/$s.syms" | head -3 | tr '\n' ' ')"; done
	expect_eq "$bad" "" "$3: $f"
}

layer_clean build/libanshin.a "curses hpdf hb" "the core library uses no view's library"
for t in $LAYER_CORE_TESTS; do
	layer_clean "build/tests/$t" "curses hpdf hb" "a core unit test links the core alone"
done
for f in $layer_fuzz; do
	case $f in *fuzz_layout) layer_clean "$f" curses "the layout fuzzer draws without curses" ;;
	*) layer_clean "$f" "curses hpdf hb" "a core fuzz target links the core alone" ;; esac
done
for t in $LAYER_REPORT_TESTS; do
	layer_clean "build/tests/$t" curses "a report test links no curses"
done
# The checks can fail: the program itself uses curses, the report tests
# libharu.
layer_some() {	# layer_some FILE SYMS DESCRIPTION
	if [ "$(layer_uses "$REPO/$1" "$TMP/$2.syms" | grep -c .)" -gt 0 ]; then pass; else
		fail "$3: $1 uses no $2 symbol"; fi
}
layer_some build/anshin-ir curses "the program draws with curses"
layer_some build/tests/test_report hpdf "the report's tests draw with libharu"

# Includes between the views: no cycle.
layer_includes() { grep -l "#include \"$2/" "$REPO"/src/$1/*.[ch] 2>/dev/null; }
expect_eq "$(layer_includes report cli; layer_includes report tui)" "" "the report includes neither the CLI nor the TUI"
expect_eq "$(layer_includes tui cli)" "" "the TUI does not include the CLI"
expect_eq "$(grep -l '#include "\(cli\|tui\|report\)/' "$REPO"/src/core/*.[ch] 2>/dev/null)" "" \
    "the core includes no view"
