# make run   - set up a virtualenv and start the HTTP service on 127.0.0.1:8000
# make test  - set up a virtualenv and run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test quality bench docker bench-http bench-batch score

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/cleaner serve

test: $(STAMP)
	$(PY) -m pytest

quality: $(STAMP)
	$(VENV)/bin/ruff check cleaner tests benchmarks
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) benchmarks/speed_vs_ftfy.py
	$(PY) benchmarks/boilerplate_speed.py
	$(PY) benchmarks/linearity.py

# dev benchmark scorers (the shared benchmark folder sits beside the checkout)
score: $(STAMP)
	$(PY) ../shared/bench/encoding/score.py --cases ../shared/bench/encoding/dev.jsonl --system project --project .
	$(PY) ../shared/bench/boilerplate/score.py --cases ../shared/bench/boilerplate/dev.jsonl --system project --project .

bench-batch: $(STAMP)
	$(PY) benchmarks/batch_throughput.py

bench-http: $(STAMP)
	$(PY) benchmarks/http_load.py

docker:
	docker build -t cleaner .
