# The two commands: `make site` builds the example site into site/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every Python dependency at the version the tests ran with, with its hashes (`make lock`).
LOCK := requirements.lock
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml requirements-build.in --generate-hashes \
	--universal --python-version 3.11 --index-url https://pypi.org/simple \
	--custom-compile-command "make lock" --quiet
# In CI, say which tests took longest.
PYTEST_FLAGS := $(if $(filter true,$(CI)),--durations=20)

.PHONY: site serve test lint typecheck lock bench clean

$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/jrs-site build
	@echo "Site built: open site/index.html (Dutch) or site/fr/index.html (French), or run 'make serve'."

# `make serve DRAFTS=1` also shows draft testimonies, each with a "not published" banner.
serve: $(STAMP)
	$(BIN)/jrs-site serve $(if $(DRAFTS),--drafts)

# First one message naming any missing system tool and its Debian package (a failure in CI).
test: $(STAMP)
	$(BIN)/python -m tests.tools
	$(BIN)/python -m pytest $(PYTEST_FLAGS)

lint: typecheck
	$(BIN)/ruff check src tests bench scripts

# mypy over src/ (its settings: [tool.mypy] in pyproject.toml); CI runs it before the tests.
typecheck: $(STAMP)
	$(BIN)/mypy

# Re-resolve every dependency within the ranges of pyproject.toml (newest allowed versions).
# (Needs only the venv's Python: the installed packages may be those of the old lock.)
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv>=0.9,<1'
	$(UV_COMPILE) --extra test -o $(LOCK)
	$(UV_COMPILE) --extra test --extra bench -o bench/requirements.lock

$(VENV)/.bench-installed: $(STAMP) bench/requirements.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r bench/requirements.lock
	touch $@

# This build beside plain MkDocs and Hugo on 250 and 500 testimonies (BENCHMARKS.md has the
# full run, up to 2,000); ends with the site/Hugo time ratio and the growth per doubling.
bench: $(VENV)/.bench-installed
	$(BIN)/python bench/site.py --sizes 250 500 --quick

clean:
	rm -rf site .cache .pytest_cache test-artifacts
