# Two commands for a new machine: `make serve` (build and preview the whole site) and
# `make test` (every test). Only python3 and make are assumed; the rest is installed here.
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(VENV)/bin/mkdocs
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test schemas article share-image clean

serve: $(VENV)/.installed
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed
	$(MKDOCS) build --strict

# Every source check (data, front matter, links, anchors, images, unsafe HTML, translations, files), no build.
check: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m plansite.check

test: $(VENV)/.installed $(CHROMIUM)
	$(PY) -m pytest

schemas: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m plansite.schemas data/schemas

# Start a news article in both languages: make article TITLE="Tiêu đề bài viết"
article: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m plansite.new_article "$(TITLE)"

# Redraw the default share picture (PNG, which Facebook and Zalo show) from its SVG source.
share-image: $(CHROMIUM)
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,630 \
	  --screenshot=docs/assets/images/share.png "file://$(CURDIR)/docs/assets/images/share.svg"

$(VENV)/.installed: requirements.txt requirements-test.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Debian's Chromium drives the browser tests; Playwright cannot download its own here.
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

clean:
	rm -rf site .site-building-* .site-previous-* .cache .pytest_cache .hypothesis
