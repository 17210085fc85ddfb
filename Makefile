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

.PHONY: serve preview build publish views check test test-quick bench audit screenshots csp-hashes schemas article share-image cms cms-screenshots check-report clean

serve: $(VENV)/.installed
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

# Faster for editors on a site with many articles: after the first build only the changed pages are
# rebuilt (menus and news listings may lag until `make serve`), and search is not indexed. Not strict:
# MkDocs warns that a dirty build is one; the checks still stop it on a real problem.
preview: $(VENV)/.installed
	$(MKDOCS) serve --dirty --no-strict --dev-addr 127.0.0.1:8000

# Once data/site.yml sets a CMS sign-in, /admin/ copies the pinned CMS from node_modules: run `npm ci` first
# (the build says so when it is missing).
build: $(VENV)/.installed
	$(MKDOCS) build --strict

# The site as it goes live: refused unless SITE_URL is its public https address; no page, feed, sitemap,
# calendar or data file may then name a loopback address (hooks/publishing.py). `make build` stays local (noindex).
publish: $(VENV)/.installed
	@PYTHONPATH=hooks $(PY) -m plansite.output.publishing
	PLANSITE_PUBLISH=1 $(MKDOCS) build --strict

# View counts per page and month from nginx's access log, for the next build: make views LOG="/var/log/nginx/plansite.access.log*"
views: $(GOACCESS)
	python3 -m tools.views $(LOG) --out data/views.json

# Every source check (data, front matter, links, anchors, images, unsafe HTML, translations, files), no build.
check: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m plansite.check

test: $(VENV)/.installed $(CHROMIUM) $(NGINX) $(BROTLI) $(GOACCESS) $(RSYNC) $(RCLONE) node_modules/.installed
	$(PY) -m pytest

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
	$(PY) -m tools.csp site

schemas: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m plansite.schemas data/schemas

# The CMS on this machine, without a forge: http://127.0.0.1:8000/admin/ edits this repository through
# decap-server's Git backend; each save is a branch cms/..., as a pull request would be (EDITORS.md).
CMS_API_PORT := 8081
cms: $(VENV)/.installed node_modules/.installed
	GIT_REPO_DIRECTORY=$(CURDIR) MODE=git BIND_HOST=127.0.0.1 PORT=$(CMS_API_PORT) $(NODE) node_modules/decap-server/dist/index.js & \
	  trap "kill $$!" EXIT; \
	  PLANSITE_CMS_BACKEND=http://127.0.0.1:$(CMS_API_PORT)/api/v1 $(MKDOCS) serve --dev-addr 127.0.0.1:8000

# The screenshots of EDITORS.md, taken in Chromium against a throwaway copy of the repository.
cms-screenshots: $(VENV)/.installed node_modules/.installed $(CHROMIUM)
	$(PY) -m tools.cms_screenshots editors

# In CI, on a pull request: `make check`'s messages as a job summary / merge request note (EDITORS.md).
check-report: $(VENV)/.installed
	PYTHONPATH=hooks $(PY) -m plansite.check > check.txt 2>&1; status=$$?; \
	  $(PY) -m tools.check_report check.txt; exit $$status

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
