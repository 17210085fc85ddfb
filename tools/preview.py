"""`make preview`: the whole site served at http://127.0.0.1:8000/, and a saved page shown again in seconds.

`mkdocs serve` builds the whole site again on every save (both languages, the blog's listings, the search
index): about a minute at 1,000 articles per language. This builds it once, keeps each language's MkDocs
objects (files, menu, templates: hooks/preview.py), and on a save renders again only what the saved file
makes:

- an article or a hand-written page: its own page;
- a data file: the pages made from the data (plans, tracker, agencies, campaigns...) and the hand-written
  pages, whose `{{ facts }}` it may hold, in both languages, and the data files of the site (open data,
  calendars);
- an image or download under docs/: the file itself.

The news listings (index, categories, archive), the home page's newest articles, the feeds and the search
index are not made again: a note on every page says so. Anything else (an added or removed file, the menu in
data/site.yml, authors, templates, overrides, locales, hooks, mkdocs.yml) builds the whole site again. The
checks of `make check` run on the changed files and on the pages that link to them, and print their
problems as `make check` does; the page is shown as it now is. As in a build, a symbolic link under a folder
the build reads is refused before anything is read, and no file is copied from outside the repository."""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

WATCHED = ("docs", "data", "templates", "locales", "overrides", "hooks", "mkdocs.yml")
# Data files whose change reaches every page (the menu, the site's name, authors on every article): a whole build.
WHOLE_SITE_DATA = ("data/site.yml", "data/authors.yml")
log = logging.getLogger("mkdocs.preview")


def snapshot(root: Path) -> dict[str, int]:
    """Every watched file and its modification time."""
    found = {}
    for name in WATCHED:
        path = root / name
        paths = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in paths:
            if "__pycache__" not in file.parts:
                found[file.relative_to(root).as_posix()] = file.stat().st_mtime_ns
    return found


@dataclass
class Plan:
    """What a set of changed files needs: a whole build, or pages rendered again and files copied."""

    whole: bool = False
    pages: set[tuple[str, str]] = field(default_factory=set)   # (language, source path below docs/<language>/)
    data: bool = False                                         # every page made from the data, both languages
    assets: set[str] = field(default_factory=set)              # paths below docs/


def plan(changed: set[str], added_or_removed: set[str], languages: tuple[str, ...]) -> Plan:
    """Sort the changed files (repository paths) into what each needs rendered again."""
    result = Plan()
    for path in sorted(changed | added_or_removed):
        parts = path.split("/")
        # An added or removed file changes the menus, the build's list of files or the pages made from the data.
        if path in added_or_removed or path in WHOLE_SITE_DATA:
            result.whole = True
        elif parts[0] == "docs" and len(parts) > 2 and parts[1] in languages and path.endswith(".md"):
            result.pages.add((parts[1], "/".join(parts[2:])))
        elif parts[0] == "docs" and len(parts) > 1:
            result.assets.add("/".join(parts[1:]))
        elif parts[0] == "data":
            result.data = True
        else:
            result.whole = True   # templates, overrides, locales, hooks, mkdocs.yml
    return result


class Preview:
    def __init__(self, root: Path, host: str, port: int):
        self.root, self.host, self.port = root, host, port
        self.url = f"http://{host}:{port}/"
        self.site = Path(tempfile.mkdtemp(prefix="plansite-preview-"))
        self.seen: dict[str, int] = {}
        self.project = None   # what the checks read, kept between saves
        sys.path.insert(0, str(root / "hooks"))
        import adapter  # the module the hooks import, so that the command is theirs too
        self.adapter = adapter

    # ---- building

    def build_whole(self) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        self.seen, self.project = snapshot(self.root), None
        started = time.perf_counter()
        config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site), site_url=self.url,
                             strict=False)
        config.plugins.on_startup(command="serve", dirty=False)
        self.adapter.record_command(self.adapter.PREVIEW)
        try:
            build(config, serve_url=self.url)
        except Exception as error:  # the build has said what is wrong; the previous pages stay served
            log.error(f"{error}")
            return
        self.config = config
        log.info(f"Built the whole site in {time.perf_counter() - started:.1f} s")

    def refuse_links(self) -> bool:
        """A symbolic link under a folder the build reads, or anything but files and folders there, is refused
        before anything is read, as `make check` and a build refuse it; once it is gone, the whole site is
        built again, the changes made meanwhile with it."""
        from plansite.check.repository_files import link_problems
        from plansite.validate.problems import SourceError

        problems = link_problems(self.root)
        if problems:
            log.error(SourceError(problems).report())
            self.seen = {}   # the next save finds every file new: a whole build
        return bool(problems)

    def hook(self, name: str):
        return self.config.plugins[f"hooks/{name}.py"]

    def rebuild(self) -> None:
        """The LiveReloadServer's builder: called after a change under a watched folder."""
        now = snapshot(self.root)
        changed = {path for path, mtime in now.items() if self.seen.get(path) not in (None, mtime)}
        added_or_removed = set(now) ^ set(self.seen)
        self.seen = now
        if not changed and not added_or_removed:
            return
        if self.refuse_links():
            return
        started = time.perf_counter()
        languages = tuple(self.hook("preview").builds)
        todo = plan(changed, added_or_removed, languages)
        if todo.whole or not hasattr(self, "config"):
            self.build_whole()
            return
        try:
            rendered = self.render_again(todo)
        except Exception as error:  # an editor's mistake is reported, not raised: the server goes on
            log.error(f"{error}")
            return
        log.info(f"Rendered {rendered} page(s) again in {time.perf_counter() - started:.1f} s")

    def render_again(self, todo: Plan) -> int:
        from plansite.check.repository_files import published_outside
        from plansite.load.articles import POSTS_DIR
        from plansite.validate.problems import SourceError

        builds = self.hook("preview").builds
        # Data and articles are read again (both cached by the files' times): a problem stops here, as in a build.
        for built in builds.values():
            self.adapter.site_data(built.config)
            self.adapter.site_articles(built.config)
        pages = set(todo.pages)
        if todo.data:
            pages |= self.data_pages(builds)
        for path in todo.assets:
            for built in builds.values():
                file = built.files.get_file_from_path(path)
                if file is not None and not published_outside(self.root, [file.abs_src_path]):
                    file.copy_file()
        project = self.project_after(todo)
        checks = self.hook("source_checks")
        linked = {(language, uri) for language, target in pages
                  for uri in checks._Build.linked_from.get((language, target), ())}
        in_scope = pages | linked

        def render_pages() -> None:
            for language, src_uri in sorted(pages):
                built = builds[language]
                file = built.files.get_file_from_path(src_uri)
                if file is None or file.page is None:
                    continue
                if src_uri.startswith(POSTS_DIR + "/"):
                    reread_post(file, built.config)
                render_page(file.page, built)

        problems = checks.check_again(project, render_pages,
                                      lambda page: (page.language, page.src_uri) in in_scope)
        if problems:
            log.error(SourceError(problems).report())
        return len(pages)

    def project_after(self, todo: Plan):
        """What the checks read: loaded again after a data file changed, else the saved pages read again."""
        from plansite.check.checks import load_project
        from plansite.load.pages import read_page

        if todo.data or self.project is None:
            self.project = load_project(self.root)
            return self.project
        for language, src_uri in todo.pages:
            path = self.root / "docs" / language / src_uri
            self.project.pages[language][src_uri] = read_page(
                language, src_uri, path.read_text(encoding="utf-8", errors="replace"), f"docs/{language}/{src_uri}")
            self.project._rendered.pop((language, src_uri), None)
        return self.project

    def data_pages(self, builds) -> set[tuple[str, str]]:
        """After a data file changed: every page made from the data whose text changed, and the hand-written
        pages (their facts); the data's other files (open data, calendars) are written again."""
        from plansite.output.content_policy import policy_for, with_policy

        pages = set()
        for language, built in builds.items():
            config = built.config
            for name, hook in config.plugins.items():   # the hooks' settings from the data (facts, labels)
                if name.startswith("hooks/") and hasattr(hook, "on_config"):
                    hook.on_config(config)
            made, other = self.hook("generated_content").made_from_data(config)
            for src_uri, markdown in made.items():
                file = built.files.get_file_from_path(src_uri)
                if file is None or file.abs_src_path is None:
                    continue
                source = Path(file.abs_src_path)
                if source.read_text(encoding="utf-8") != markdown:
                    source.write_text(markdown, encoding="utf-8")
                    pages.add((language, src_uri))
            for path, content in other.items():
                target = Path(config.site_dir) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                written = content.encode("utf-8") if isinstance(content, str) else content
                if target.suffix == ".html":   # a page the theme does not render (a leaflet): its policy too
                    policy = policy_for(config.extra["content_policies"], "/" + target.relative_to(self.site).as_posix())
                    written = with_policy(written, policy) or written
                target.write_bytes(written)
            docs = self.root / "docs" / language
            pages |= {(language, p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")
                      if "tin-tuc/posts" not in p.relative_to(docs).as_posix()}
        return pages

    def serve(self) -> None:
        from mkdocs.livereload import LiveReloadServer

        self.build_whole()
        server = LiveReloadServer(builder=self.rebuild, host=self.host, port=self.port, root=str(self.site))
        if hasattr(self, "config"):   # as `mkdocs serve` does: the hooks may adapt the server (hooks/safety.py)
            self.config.plugins.on_serve(server, config=self.config, builder=self.rebuild)
        for name in WATCHED:
            if (self.root / name).exists():
                server.watch(str(self.root / name))
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            shutil.rmtree(self.site, ignore_errors=True)


def reread_post(file, config) -> None:
    """An article's text and front matter as saved: the blog reads them once, when the build starts."""
    from material.plugins.blog.structure import Post

    post, fresh = file.page, Post(file, config)
    post.markdown, post.meta, post.config = fresh.markdown, fresh.meta, fresh.config
    post.authors = []   # the blog plugin adds them again from the front matter


def render_page(page, built) -> None:
    """One page through MkDocs as a build renders it (its plugins' events, its template), written to the site."""
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.structure.files import InclusionLevel

    _populate_page(page, built.config, built.files)
    pages = built.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    _build_page(page, built.config, pages, built.nav, built.env)


def stop(signum, frame) -> None:
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address and port to serve at")
    args = parser.parse_args()
    host, _, port = args.dev_addr.rpartition(":")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    signal.signal(signal.SIGTERM, stop)   # stopped as by Ctrl+C: the temporary site is removed
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    Preview(Path.cwd(), host or "127.0.0.1", int(port)).serve()


if __name__ == "__main__":
    main()
