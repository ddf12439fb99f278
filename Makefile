# make                         release build, man page and shell completions
# make install PREFIX=… DESTDIR=…   (PREFIX defaults to /usr/local)
# make uninstall PREFIX=… DESTDIR=… removes exactly the files install wrote; no build needed.
#
# The man page and completions come from the built tm's own argument parser, so they list
# whatever subcommands and options it has.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# SwiftPM's scratch directory (swift build --scratch-path).
BUILD_DIR ?= .build

release := $(BUILD_DIR)/release
generated := $(release)/tm-install
# tm loads its resources through Bundle.module, which on Linux looks for this folder beside
# the executable (and otherwise in the build folder, which an installed tm must not need).
bundle := tm_TranslationMemory.resources

bindir := $(DESTDIR)$(PREFIX)/bin
man1dir := $(DESTDIR)$(PREFIX)/share/man/man1
bashdir := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
zshdir := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
fishdir := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

# The man page carries the date of the last commit, not of the build, so rebuilds agree.
man_date := $(shell git log -1 --format=%cs 2>/dev/null)

# Rebuilt only when a source changed, so `make && sudo make install` runs no Swift build as root.
sources := Package.swift $(wildcard Package.resolved) $(shell find Sources -type f) scripts/tm-ascii-help.sh Makefile
stamp := $(generated)/built

.PHONY: all build install uninstall

all: build

build: $(stamp)

$(stamp): $(sources)
	$(SWIFT) build -c release --scratch-path "$(BUILD_DIR)"
	$(SWIFT) build -c release --scratch-path "$(BUILD_DIR)" --product generate-manual
	rm -rf "$(generated)"
	mkdir -p "$(generated)"
	TM_BINARY="$(release)/tm" "$(release)/generate-manual" scripts/tm-ascii-help.sh \
		$(if $(man_date),--date $(man_date)) --output-directory "$(generated)"
	"$(release)/tm" --generate-completion-script bash > "$(generated)/tm.bash"
	"$(release)/tm" --generate-completion-script zsh > "$(generated)/_tm"
	"$(release)/tm" --generate-completion-script fish > "$(generated)/tm.fish"
	touch "$@"

install: build
	install -d "$(bindir)" "$(man1dir)" "$(bashdir)" "$(zshdir)" "$(fishdir)"
	install -m 755 "$(release)/tm" "$(bindir)/tm"
	rm -rf "$(bindir)/$(bundle)"
	cp -R "$(release)/$(bundle)" "$(bindir)/$(bundle)"
	chmod -R a+rX "$(bindir)/$(bundle)"
	install -m 644 "$(generated)/tm.1" "$(man1dir)/tm.1"
	install -m 644 "$(generated)/tm.bash" "$(bashdir)/tm"
	install -m 644 "$(generated)/_tm" "$(zshdir)/_tm"
	install -m 644 "$(generated)/tm.fish" "$(fishdir)/tm.fish"

uninstall:
	rm -f "$(bindir)/tm" "$(man1dir)/tm.1" "$(bashdir)/tm" "$(zshdir)/_tm" "$(fishdir)/tm.fish"
	rm -rf "$(bindir)/$(bundle)"
