# Two commands for a new machine: `make serve` (build and preview the whole site) and
# `make test` (every test). Only python3 and make are assumed; the rest is installed here.
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(VENV)/bin/mkdocs
CHROMIUM := /usr/bin/chromium
NGINX := /usr/sbin/nginx
BROTLI := /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so
NODE := /usr/bin/node
GOACCESS := /usr/bin/goaccess
RSYNC := /usr/bin/rsync
RCLONE := /usr/bin/rclone
export NO_MKDOCS_2_WARNING := 1
# Builds and checks read what contributors wrote: they run with only the variables they need (.ci/scrubbed),
# never with the tokens and keys a CI job holds.
SCRUBBED := .ci/scrubbed

.PHONY: serve preview build publish views check test test-quick bench audit screenshots csp-hashes schemas article share-image cms cms-screenshots check-report new-site clean

serve: $(VENV)/.installed
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

# For editors once the site holds many articles: built once, then a saved article or page is shown again in
# seconds, a saved data file's pages in a few more (tools/preview.py); news listings, feeds and search are
# remade when it is started again (each page says so). The checks run on what changed.
preview: $(VENV)/.installed
	$(PY) -m tools.preview --dev-addr 127.0.0.1:8000

# Once data/site.yml sets a CMS sign-in, /admin/ copies the pinned CMS from node_modules: run `npm ci` first
# (the build says so when it is missing).
build: $(VENV)/.installed
	$(SCRUBBED) $(MKDOCS) build --strict

# The site as it goes live: refused unless SITE_URL is its public https address; no page, feed, sitemap,
# calendar or data file may then name a loopback address (hooks/publishing.py). `make build` stays local (noindex).
publish: $(VENV)/.installed
	@PYTHONPATH=hooks $(PY) -m plansite.output.publishing
	$(SCRUBBED) env PLANSITE_PUBLISH=1 $(MKDOCS) build --strict

# View counts per page and month from nginx's access log, for the next build: make views LOG="/var/log/nginx/plansite.access.log*"
views: $(GOACCESS)
	python3 -m tools.views $(LOG) --out data/views.json

# Every source check (data, front matter, links, anchors, images, unsafe HTML, translations, files), no build.
check: $(VENV)/.installed
	$(SCRUBBED) env PYTHONPATH=hooks $(PY) -m plansite.check

test: $(VENV)/.installed $(CHROMIUM) $(NGINX) $(BROTLI) $(GOACCESS) $(RSYNC) $(RCLONE) node_modules/.installed
	$(SCRUBBED) $(PY) -m pytest

# For editors: every test that needs no browser, web server or `mkdocs serve` (marked `browser`, tests/conftest.py).
test-quick: $(VENV)/.installed
	$(PY) -m pytest -m "not browser"

# The performance budget on a synthetic site of 1,000 articles per language (see README).
bench: $(VENV)/.installed $(CHROMIUM) $(NGINX) $(BROTLI)
	$(PY) -m tools.bench

# Lighthouse (mobile) over nginx; scores into the README.
audit: $(VENV)/.installed $(CHROMIUM) $(NGINX) $(BROTLI) node_modules/.installed
	$(PY) -m tools.audit

# Pictures of the built site for the README (home, a group page, the tracker; phone and desktop; both
# languages) into screenshots/. Builds nothing: run `make build` first.
screenshots: $(VENV)/.installed $(CHROMIUM)
	$(PY) -m tools.screenshots

# The CSP hashes of Material's inline scripts, for deploy/nginx/http.conf after a Material upgrade.
csp-hashes: build
	PYTHONPATH=hooks $(PY) -m tools.csp site

schemas: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m plansite.schemas data/schemas

# The CMS on this machine, without a forge: http://127.0.0.1:8000/admin/ edits this repository's branches
# (each save is a branch cms/..., as a pull request would be) and shows the site as main has it, built in
# .cms/ (tools/cms_local.py; editors/GUIDE.md). Another port: make cms CMS_PORT=8010.
CMS_PORT ?= 8000
cms: $(VENV)/.installed node_modules/.installed
	$(PY) -m tools.cms_local --port $(CMS_PORT)

# The screenshots of editors/GUIDE.md, taken in Chromium against a throwaway copy of the repository.
cms-screenshots: $(VENV)/.installed node_modules/.installed $(CHROMIUM)
	$(PY) -m tools.cms_screenshots editors

# In CI, on a pull request: `make check`'s messages as a job summary / merge request note (editors/GUIDE.md).
check-report: $(VENV)/.installed
	$(SCRUBBED) env PYTHONPATH=hooks $(PY) -m plansite.check > check.txt 2>&1; status=$$?; \
	  $(PY) -m tools.check_report check.txt; exit $$status

# Start a news article in both languages: make article TITLE="Tiêu đề bài viết"
article: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m plansite.new_article "$(TITLE)"

# Start a new province's site in DIR: the engine and an empty plan skeleton (README: "Starting a new site")
new-site: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m tools.new_site "$(DIR)"

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

# Debian's nginx serves the site in the browser tests, with the brotli module that
# deploy/nginx/http.conf uses (pinned: the one bookworm ships). Only root installs it.
$(NGINX) $(BROTLI):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-filter=1.0.0~rc-3

# GoAccess counts the views (tools/views.py); rsync and rclone deploy the site (tools/deploy.py).
$(GOACCESS) $(RSYNC) $(RCLONE):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq goaccess rsync rclone

# axe-core (accessibility rules) and Lighthouse, at the versions in package-lock.json.
$(NODE):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm

node_modules/.installed: package.json package-lock.json | $(NODE)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .site-building-* .site-previous-* .cache .pytest_cache .hypothesis node_modules
	if [ -d .cms ]; then git worktree remove --force .cms/worktrees/main 2>/dev/null; rm -rf .cms; git worktree prune; fi
