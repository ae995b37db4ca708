# One command each: `make run` serves the app, `make test` runs every test.
# Each target installs only what it needs into .venv: `run` the app itself, `test` the test
# tools, `lint` ruff and mypy, `bench` the benchmark tools; `install` all of them.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HINT := Installed into $(VENV). To type the assistant command in this shell: source $(VENV)/bin/activate (or run $(BIN)/assistant)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run test test-fast lint bench index clean chromium

install: $(VENV)/.runtime $(VENV)/.test $(VENV)/.dev $(VENV)/.bench
	@echo "$(HINT)"

# The app and its runtime dependencies (no test, lint or benchmark tools).
$(VENV)/.runtime: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: on these machines 2.13.0 is the local CPU wheel, not a multi-GB CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $@

# An extra (test, dev or bench) on top of the runtime.
$(VENV)/.%: $(VENV)/.runtime pyproject.toml
	$(BIN)/pip install --quiet -e '.[$*]'
	touch $@

index: $(VENV)/.runtime
	$(BIN)/assistant index build

run: $(VENV)/.runtime
	@echo "$(HINT)"
	$(BIN)/python app.py --host 127.0.0.1 --port 7860

# The browser tests need Debian's Chromium: installed here when we can (root with apt-get),
# otherwise one line saying how, before any test runs.
chromium:
	@sh scripts/ensure-chromium.sh

test: chromium $(VENV)/.test
	$(BIN)/python -m pytest -q

test-fast: $(VENV)/.test
	$(BIN)/python -m pytest -q -m "not integration and not e2e and not slow"

lint: $(VENV)/.dev
	$(BIN)/ruff check assistant tests benchmarks app.py
	$(BIN)/mypy

bench: $(VENV)/.bench
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
