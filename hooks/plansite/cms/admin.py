"""/admin/: the CMS's page, its generated configuration, the pinned Decap bundle and our small script.

Everything /admin/ loads is copied here from node_modules (package-lock.json pins the versions), so the
CMS makes no request to another host. While the site owner has set no sign-in (data/site.yml,
repository.cms) /admin/ is only a page that says what to set, with no script."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from plansite.model import LANGUAGES
from plansite.render.catalogue import section, text
from plansite.render.templates import render
from plansite.validate.problems import say

SCRIPTS = [Path(__file__).with_name(name)
           for name in ("plansite-cms.js", "plansite-formats.js", "plansite-dates.js", "plansite-cms.css")]
DECAP = Path("decap-cms") / "dist"
YAML_MODULE = Path("yaml") / "browser" / "dist"


class MissingBundle(RuntimeError):
    def __str__(self) -> str:
        return f"{say('problems.cms_bundle_missing', shown=self.args[0])} — {say('fixes.cms_bundle_missing')}"


def bundle_files(node_modules: Path) -> list[Path]:
    """decap-cms.js and the chunks it loads on demand (same folder); not the source maps or the cms.js copy."""
    folder = node_modules / DECAP
    if not (folder / "decap-cms.js").is_file():
        raise MissingBundle(folder / "decap-cms.js")
    return [path for path in folder.iterdir()
            if path.name.endswith("decap-cms.js") or path.suffix == ".wasm"]


# The second column's fields checked, or (an article in one language) their errors of an earlier check cleared.
SECOND_PANE = ('(window.plansiteChecksSecondLanguage?.(this.props.entry)?this.plansiteSecondPane?.validate():'
               'Object.values(this.plansiteSecondPane?.childRefs||{}).forEach(w=>w.props.onValidate?.([])))')

# Changes to Decap 3.16.3's minified bundle as it is copied, each checked on every build: an upgrade that
# changes the code stops the build (ChangedBundle) instead of silently losing the change.
BUNDLE_CHANGES = [
    # Its multiple_folders layout reads the language from the folder just before the file name
    # (<folder>/<language>/<file>); our news is docs/<language>/tin-tuc/posts/<file>. Writing already puts
    # the language where we need it (after the collection's folder); reading is taught to find it anywhere.
    ('case Ph.MULTIPLE_FOLDERS:{const e=n.split("/");return e.pop(),e.pop()}',
     'case Ph.MULTIPLE_FOLDERS:{const e=n.split("/");return e.find(s=>' + json.dumps(list(LANGUAGES)) + '.includes(s))}',
     1),
    # Its default address for a local backend (used only with `local_backend: true`, which the generated
    # configuration never writes: make cms and the tests give the address) names this machine, which a
    # published build may not (plansite.output.publishing).
    ('"http://localhost:8081/api/v1"', '""', 2),
    # It checks required fields in the first language's column only: an article saved with its English
    # column empty. The second column is checked too, unless plansite-cms.js says the entry has no second
    # language (an article marked as Vietnamese only).
    ('Rn(cT,{...B,locale:M?.[1],t:P})', 'Rn(cT,{...B,ref:e=>this.plansiteSecondPane=e,locale:M?.[1],t:P})', 1),
    ('this.controlPaneRef.validate(),this.props.onPersist(',
     'this.controlPaneRef.validate(),' + SECOND_PANE + ',this.props.onPersist(', 1),
    ('this.controlPaneRef.validate(),this.props.onPublish(',
     'this.controlPaneRef.validate(),' + SECOND_PANE + ',this.props.onPublish(', 1),
    # It ends every file it writes with a newline, so a language left empty, which our format writes as no
    # text at all (Decap then writes no file for it), became a file holding one line break.
    ('let o=n.toFile(t.get("data").toJS(),r,i);return"\\n"!=o.slice(-1)&&(o+="\\n"),o}',
     'let o=n.toFile(t.get("data").toJS(),r,i);return o&&"\\n"!=o.slice(-1)&&(o+="\\n"),o}', 1),
    # It offers what was typed but not saved (kept in the browser) as soon as it finds it, often before the
    # entry has loaded, and the loaded entry then replaces what the editor chose to restore: typing lost
    # after a reload. Asked once the entry is there.
    ('if(!e.localBackup&&this.props.localBackup&&(window.confirm(',
     'if(this.props.localBackup&&!this.plansiteAsked&&this.props.entryDraft.getIn(["entry","data"])&&'
     '(this.plansiteAsked=!0)&&(window.confirm(', 1),
    # A commit status that is not a success (the check found problems, or is still running) shows only a
    # button to ask again; it also gets a link to its address, where the check's problems are listed.
    ('children:"SUCCESS"!==o||a?Dn($A,{onClick:n,disabled:a,$spinning:a,children:[Rn("span",{children:'
     'r("editor.editorToolbar.deployPreviewPendingButtonLabel")}),Rn(Yw,{type:"refresh",size:"xsmall"})]}):',
     'children:"SUCCESS"!==o||a?[i&&!a&&Dn(VA,{key:"report",rel:"noopener noreferrer",target:"_blank",href:i,'
     'children:[Rn("span",{children:r("editor.editorToolbar.deployPreviewPendingButtonLabel")}),'
     'Rn(Yw,{type:"new-tab",size:"xsmall"})]}),Dn($A,{key:"again",onClick:n,disabled:a,$spinning:a,'
     'children:[Rn("span",{children:i&&!a?r("plansite.check.again"):'
     'r("editor.editorToolbar.deployPreviewPendingButtonLabel")}),Rn(Yw,{type:"refresh",size:"xsmall"})]})]:', 1),
]


class ChangedBundle(MissingBundle):
    def __str__(self) -> str:
        return f"{say('problems.cms_bundle_changed', shown=self.args[0])} — {say('fixes.cms_bundle_changed')}"


def copy_bundle(node_modules: Path, admin: Path) -> None:
    for path in bundle_files(node_modules):
        if path.name != "decap-cms.js":
            shutil.copy2(path, admin / path.name)
            continue
        code = path.read_text(encoding="utf-8")
        for old, new, count in BUNDLE_CHANGES:
            if code.count(old) != count:
                raise ChangedBundle(path)
            code = code.replace(old, new)
        (admin / path.name).write_text(code, encoding="utf-8")


def interface_phrases(language: str) -> dict:
    """Decap's own texts as locales/ words them (cms.interface), nested as Decap's phrase keys; plansite-cms.js
    lays them over Decap's translation with CMS.registerLocale."""
    phrases: dict = {}
    for key in section(language, "cms.interface"):
        *path, last = key.split(".")
        node = phrases
        for part in path:
            node = node.setdefault(part, {})
        node[last] = text(language, f"cms.interface.{key}")
    return phrases


def write_admin(site_dir: Path, config: dict | None, node_modules: Path) -> Path:
    admin = site_dir / "admin"
    if admin.exists():
        shutil.rmtree(admin)
    admin.mkdir(parents=True)
    styles = sorted("/" + path.relative_to(site_dir).as_posix()
                    for path in (site_dir / "assets" / "stylesheets").rglob("*.css"))
    (admin / "index.html").write_text(
        render("admin/index.html", "vi", configured=config is not None, preview_styles=styles,
               english=lambda key: text("en", key)),
        encoding="utf-8")
    if config is None:
        return admin
    (admin / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (admin / "phrases.json").write_text(json.dumps(interface_phrases(config["locale"]), ensure_ascii=False),
                                        encoding="utf-8")
    copy_bundle(node_modules, admin)
    if not (node_modules / YAML_MODULE).is_dir():
        raise MissingBundle(node_modules / YAML_MODULE)
    shutil.copytree(node_modules / YAML_MODULE, admin / "yaml")
    for script in SCRIPTS:
        shutil.copy2(script, admin / script.name)
    return admin
