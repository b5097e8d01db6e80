# anshin-ir - build, dependencies, tests and benchmarks.
# `make run` and `make check` install missing Debian packages first (deps).

PREFIX      ?= /usr/local
SYSCONFDIR  ?= /etc
DESTDIR     ?=
BINDIR      = $(PREFIX)/bin
DATADIR     = $(PREFIX)/share/anshin-ir
LOCALEDIR   = $(PREFIX)/share/locale
MANDIR      = $(PREFIX)/share/man
VERSION     = 0.1.0

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wpedantic -Werror
DEFS     = -std=c11 -D_GNU_SOURCE \
	-DVERSION='"$(VERSION)"' -DSYSCONFDIR='"$(SYSCONFDIR)"' \
	-DDATADIR='"$(DATADIR)"' -DLOCALEDIR='"$(LOCALEDIR)"'

# Each layer links only what it may use, so the link proves the layering:
# the core (libanshin.a) needs SQLite and libcrypto, the PDF views add
# HarfBuzz and libharu, the TUI adds ncursesw. A module pkg-config does not
# know stops the build with its name (expanded only when compiling, so
# `make deps` can still install it first). libharu has no .pc file.
CORE_PKGS   = sqlite3 libcrypto
REPORT_PKGS = harfbuzz harfbuzz-subset
TUI_PKGS    = ncursesw
pkg_known = $(foreach m,$(1),$(if $(shell pkg-config --exists $(m) && echo y),,\
	$(error pkg-config does not know '$(m)': install its -dev package \
	(make deps))))
pkg = $(call pkg_known,$(2))$(shell pkg-config --$(1) $(2))
CORE_LIBS   = $(call pkg,libs,$(CORE_PKGS)) -lm
REPORT_LIBS = $(call pkg,libs,$(REPORT_PKGS)) -lhpdf
TUI_LIBS    = $(call pkg,libs,$(TUI_PKGS))
ALL_CFLAGS  = $(call pkg,cflags,$(CORE_PKGS) $(REPORT_PKGS) $(TUI_PKGS))

# The core sees its own headers only: an #include of a view from it does
# not compile. The views see the core and each other by folder
# ("tui/keys.h", "report/report.h").
CORE_INC = -Isrc/core
VIEW_INC = -Isrc -Isrc/core

# Debian packages the project needs to build, test and run. DEB_BUILD is
# what building needs besides build-essential: debian/control's
# Build-Depends lists the same (tests/e2e/test_deb.sh compares them).
# debhelper, dpkg-dev and lintian build and check the package (make deb);
# fakeroot lets its test install into a scratch root when not root.
DEB_BUILD = pkg-config libncurses-dev libsqlite3-dev libhpdf-dev \
	libharfbuzz-dev libssl-dev gettext
DEB_PACKAGES = build-essential $(DEB_BUILD) libcmocka-dev \
	fonts-ipaexfont-gothic poppler-utils tmux sqlite3 valgrind clang \
	man-db groff-base jq bc debhelper dpkg-dev fakeroot lintian python3

CORE_SRC   = $(wildcard src/core/*.c)
REPORT_SRC = $(wildcard src/report/*.c)
VIEW_SRC   = src/main.c src/app.c $(wildcard src/cli/*.c) $(wildcard src/tui/*.c)
CORE_OBJ   = $(CORE_SRC:src/%.c=build/obj/%.o)
REPORT_OBJ = $(REPORT_SRC:src/%.c=build/obj/%.o)
VIEW_OBJ   = $(VIEW_SRC:src/%.c=build/obj/%.o)
ASAN_CORE_OBJ   = $(CORE_SRC:src/%.c=build/asan/obj/%.o)
ASAN_REPORT_OBJ = $(REPORT_SRC:src/%.c=build/asan/obj/%.o)
ASAN_VIEW_OBJ   = $(VIEW_SRC:src/%.c=build/asan/obj/%.o)
LIB_CORE   = build/libanshin.a
LIB_REPORT = build/libanshin-report.a
ASAN_LIB_CORE   = build/asan/libanshin.a
ASAN_LIB_REPORT = build/asan/libanshin-report.a

# Unit tests of the core link libanshin.a alone; these also draw PDFs.
REPORT_TESTS = test_report test_layout
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%)
ASAN_BIN = $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
PO       = $(wildcard po/*.po)
MO       = $(PO:po/%.po=build/locale/%/LC_MESSAGES/anshin-ir.mo)
# Manual pages: English in man/, Japanese in man/ja/ (installed to
# $(MANDIR)/ja/manN, where man -L ja and a ja_JP locale find them).
MAN_EN   = $(wildcard man/anshin-ir.[15])
MAN_JA   = $(wildcard man/ja/anshin-ir.[15])
# The machine-wide contacts file the Debian package ships as a conffile.
ETC_CONTACTS = build/etc/contacts.conf
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)
DEB_FILE = build/anshin-ir_$(VERSION)_$(DEB_ARCH).deb

FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_REPLAY = $(FUZZ_SRC:tests/fuzz/%.c=build/asan/replay/%)
FUZZ_SECONDS ?= 60

.PHONY: all deps run check unit asan e2e e2e-asan bench valgrind clean install \
	uninstall fuzz fuzz-replay soak po-update deb

# Objects stay between runs: `make asan` after `make asan` compiles
# nothing.
.SECONDARY: $(ASAN_CORE_OBJ) $(ASAN_REPORT_OBJ) $(ASAN_VIEW_OBJ)

all: build/anshin-ir $(MO) $(ETC_CONTACTS)

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q \
	    --no-install-recommends $$missing; \
	fi

$(CORE_OBJ) $(ASAN_CORE_OBJ): INC = $(CORE_INC) \
	$(call pkg,cflags,$(CORE_PKGS))
$(REPORT_OBJ) $(VIEW_OBJ) $(ASAN_REPORT_OBJ) $(ASAN_VIEW_OBJ): INC = $(VIEW_INC) \
	$(ALL_CFLAGS)

build/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(DEFS) $(INC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c $< -o $@

build/asan/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(DEFS) $(INC) $(CPPFLAGS) $(ASAN_FLAGS) $(WARN) -MMD -MP \
	  -c $< -o $@

$(LIB_CORE): $(CORE_OBJ)
$(LIB_REPORT): $(REPORT_OBJ)
$(ASAN_LIB_CORE): $(ASAN_CORE_OBJ)
$(ASAN_LIB_REPORT): $(ASAN_REPORT_OBJ)
$(LIB_CORE) $(LIB_REPORT) $(ASAN_LIB_CORE) $(ASAN_LIB_REPORT):
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# CPPFLAGS and LDFLAGS are empty unless given: dpkg-buildflags sets them
# for the package (fortify, relro, bindnow).
build/anshin-ir: $(VIEW_OBJ) $(LIB_REPORT) $(LIB_CORE)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(VIEW_OBJ) $(LIB_REPORT) $(LIB_CORE) \
	  $(TUI_LIBS) $(REPORT_LIBS) $(CORE_LIBS)

# The same program under ASan and UBSan, which the end-to-end tests run in
# `make check`; it finds the catalogs beside it, as build/anshin-ir does.
build/asan/anshin-ir: $(ASAN_VIEW_OBJ) $(ASAN_LIB_REPORT) $(ASAN_LIB_CORE) $(MO)
	$(CC) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $(ASAN_VIEW_OBJ) $(ASAN_LIB_REPORT) \
	  $(ASAN_LIB_CORE) $(TUI_LIBS) $(REPORT_LIBS) $(CORE_LIBS)
	ln -sfn ../locale build/asan/locale

build/locale/%/LC_MESSAGES/anshin-ir.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# Generated, never kept by hand, so that it lists every key of the shipped
# file (all commented out: the shipped values stay in force until the
# administrator sets one).
$(ETC_CONTACTS): data/contacts.conf tools/etc-contacts.sh
	@mkdir -p $(dir $@)
	tools/etc-contacts.sh data/contacts.conf $(DATADIR) $(SYSCONFDIR) >$@.tmp
	mv $@.tmp $@

# A test links only the layers it tests: the link fails if the core ever
# calls into a view.
test_libs = $(if $(filter $(1),$(REPORT_TESTS)),$(2) $(3) $(REPORT_LIBS),$(3)) \
	$(CORE_LIBS) -lcmocka

build/tests/%: tests/unit/%.c $(LIB_CORE) $(LIB_REPORT)
	@mkdir -p $(dir $@)
	$(CC) $(DEFS) $(VIEW_INC) $(CPPFLAGS) $(ALL_CFLAGS) $(CFLAGS) $(WARN) \
	  -MMD -MP $(LDFLAGS) -o $@ $< \
	  $(call test_libs,$*,$(LIB_REPORT),$(LIB_CORE))

build/asan/tests/%: tests/unit/%.c $(ASAN_LIB_CORE) $(ASAN_LIB_REPORT)
	@mkdir -p $(dir $@)
	$(CC) $(DEFS) $(VIEW_INC) $(CPPFLAGS) $(ALL_CFLAGS) $(ASAN_FLAGS) $(WARN) \
	  -MMD -MP $(LDFLAGS) -o $@ $< \
	  $(call test_libs,$*,$(ASAN_LIB_REPORT),$(ASAN_LIB_CORE))

# libFuzzer targets (clang); each tests/fuzz/fuzz_NAME.c defines
# LLVMFuzzerTestOneInput and has a seed corpus in tests/fuzz/corpus/NAME.
# They compile the core's sources with the fuzzer's instrumentation and
# link the core's libraries only.
build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(CORE_SRC)
	@mkdir -p $(dir $@)
	clang $(DEFS) $(CORE_INC) $(ALL_CFLAGS) -g -O1 \
	  -fsanitize=fuzzer,address,undefined -o $@ $< $(CORE_SRC) $(CORE_LIBS)

# The same targets replayed over their corpus (seeds and every crash kept
# as a regression input) without libFuzzer, under ASan and UBSan.
build/asan/replay/%: tests/fuzz/%.c tests/fuzz/fuzz.h tests/fuzz/replay.c \
    $(ASAN_LIB_CORE)
	@mkdir -p $(dir $@)
	$(CC) $(DEFS) $(CORE_INC) $(ALL_CFLAGS) $(ASAN_FLAGS) $(WARN) -o $@ $< \
	  tests/fuzz/replay.c $(ASAN_LIB_CORE) $(CORE_LIBS)

# The layout fuzzer draws: it adds the report views, libharu and HarfBuzz,
# but never ncurses.
build/fuzz/fuzz_layout: tests/fuzz/fuzz_layout.c tests/fuzz/fuzz.h \
    $(CORE_SRC) $(REPORT_SRC)
	@mkdir -p $(dir $@)
	clang $(DEFS) $(VIEW_INC) $(ALL_CFLAGS) -g -O1 \
	  -fsanitize=fuzzer,address,undefined -o $@ $< $(CORE_SRC) \
	  $(REPORT_SRC) $(REPORT_LIBS) $(CORE_LIBS)

build/asan/replay/fuzz_layout: tests/fuzz/fuzz_layout.c tests/fuzz/fuzz.h \
    tests/fuzz/replay.c $(ASAN_LIB_CORE) $(ASAN_LIB_REPORT)
	@mkdir -p $(dir $@)
	$(CC) $(DEFS) $(VIEW_INC) $(ALL_CFLAGS) $(ASAN_FLAGS) $(WARN) -o $@ $< \
	  tests/fuzz/replay.c $(ASAN_LIB_REPORT) $(ASAN_LIB_CORE) \
	  $(REPORT_LIBS) $(CORE_LIBS)

fuzz: deps $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do n=$$(basename $$f); \
	  mkdir -p build/fuzz/corpus/$$n; echo "== $$n ($(FUZZ_SECONDS) s)"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build/fuzz/$$n- \
	    build/fuzz/corpus/$$n tests/fuzz/corpus/$$n || exit 1; done

fuzz-replay: $(FUZZ_REPLAY)
	@for f in $(FUZZ_REPLAY); do n=$$(basename $$f); \
	  $$f tests/fuzz/corpus/$$n/* || exit 1; done

# After changing messages in C: refresh the template and merge it into
# the catalogs, then translate what msgattrib --untranslated lists.
po-update:
	xgettext --from-code=UTF-8 -k_ -kN_ -ktx:2 --add-comments=TRANSLATORS \
	  -o po/anshin-ir.pot src/*.[ch] src/*/*.[ch]
	for po in $(PO); do msgmerge -q -U --backup=none "$$po" po/anshin-ir.pot; done

soak: deps all
	@tests/soak.sh

run: deps all
	build/anshin-ir

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

asan: $(ASAN_BIN)
	@for t in $(ASAN_BIN); do echo "== $$t (ASan+UBSan)"; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $$t || exit 1; done

e2e: all
	@tests/e2e/run.sh

# The end-to-end tests against the ASan+UBSan build: the program's own
# memory errors fail the run (a TUI that dies shows no EXITED-0).
e2e-asan: all build/asan/anshin-ir
	@ANSHIN_IR_BIN=$(CURDIR)/build/asan/anshin-ir ASAN_OPTIONS=detect_leaks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1 tests/e2e/run.sh

check: deps
	$(MAKE) all
	$(MAKE) unit
	$(MAKE) asan
	$(MAKE) fuzz-replay
	$(MAKE) e2e-asan

bench: deps all
	@tests/bench.sh

valgrind: deps all
	@VALGRIND=1 tests/e2e/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/forms \
	  $(DESTDIR)$(DATADIR)/data/drills $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man5
	install -m 755 build/anshin-ir $(DESTDIR)$(BINDIR)/anshin-ir
	install -m 644 forms/intake.form $(DESTDIR)$(DATADIR)/forms/
	install -m 644 data/actions.rules data/holidays.tsv data/contacts.conf \
	  $(DESTDIR)$(DATADIR)/data/
	for f in data/drills/*.drill; do [ -f "$$f" ] || continue; \
	  install -m 644 "$$f" $(DESTDIR)$(DATADIR)/data/drills/; done
	for f in $(MAN_EN); do \
	  install -m 644 "$$f" $(DESTDIR)$(MANDIR)/man$${f##*.}/; done
	for f in $(MAN_JA); do \
	  install -d $(DESTDIR)$(MANDIR)/ja/man$${f##*.}; \
	  install -m 644 "$$f" $(DESTDIR)$(MANDIR)/ja/man$${f##*.}/; done
	for mo in $(MO); do l=$$(echo "$$mo" | cut -d/ -f3); \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 "$$mo" $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/anshin-ir \
	  $(DESTDIR)$(MANDIR)/man1/anshin-ir.1 $(DESTDIR)$(MANDIR)/man5/anshin-ir.5 \
	  $(DESTDIR)$(MANDIR)/ja/man1/anshin-ir.1 \
	  $(DESTDIR)$(MANDIR)/ja/man5/anshin-ir.5
	rm -rf $(DESTDIR)$(DATADIR)
	for po in $(PO); do l=$$(basename "$$po" .po); \
	  rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/anshin-ir.mo; done

# The Debian package, built from a `git archive` copy of HEAD (committed
# work only) under build/deb/, so that dpkg-buildpackage's clean never
# touches this tree; the .deb lands in build/. The make variables of this
# run are kept out of the package build, which sets its own.
deb: deps
	@git rev-parse --verify -q HEAD >/dev/null || \
	  { echo "make deb: needs a git checkout with a commit" >&2; exit 1; }
	@git diff --quiet HEAD -- || \
	  echo "make deb: warning: uncommitted changes are not in the package" >&2
	rm -rf build/deb
	mkdir -p build/deb/anshin-ir-$(VERSION)
	git archive --format=tar HEAD | tar -x -C build/deb/anshin-ir-$(VERSION)
	cd build/deb/anshin-ir-$(VERSION) && env -u MAKEFLAGS -u MFLAGS \
	  -u MAKELEVEL -u MAKEOVERRIDES dpkg-buildpackage -us -uc -b -jauto
	cp build/deb/$(notdir $(DEB_FILE)) $(DEB_FILE)
	@echo "make deb: $(DEB_FILE)"

clean:
	rm -rf build

-include $(CORE_OBJ:.o=.d) $(REPORT_OBJ:.o=.d) $(VIEW_OBJ:.o=.d) \
	$(ASAN_CORE_OBJ:.o=.d) $(ASAN_REPORT_OBJ:.o=.d) $(ASAN_VIEW_OBJ:.o=.d) \
	$(UNIT_BIN:=.d) $(ASAN_BIN:=.d)
