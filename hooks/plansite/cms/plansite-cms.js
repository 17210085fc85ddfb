// The site's additions to Decap CMS, registered before it starts with the configuration the build generated
// (config.yml): Decap's texts as locales/ words them (phrases.json), the file formats of plansite-formats.js,
// a date field that reads and shows day/month/year, a picture field a keyboard can use, previews drawn with
// the site's own stylesheets, and what Decap leaves to the site around saving (the second language's
// required fields, where the keyboard's focus goes).
import { parseDocument } from "yaml";
import { iso, readDate, showDate } from "./plansite-dates.js";
import { markdownFormat, yamlFormat } from "./plansite-formats.js";

const { CMS, h, createClass } = window;

// ---- Decap's texts: its Vietnamese, with what locales/vi.yml (cms.interface) adds or rewords laid over it.
function overlay(base, extra) {
  for (const [key, value] of Object.entries(extra)) {
    base[key] = value && typeof value === "object" ? overlay({ ...(base[key] || {}) }, value) : value;
  }
  return base;
}
const config = parseDocument(await (await fetch("config.yml")).text()).toJS();
const phrases = overlay(structuredClone(CMS.getLocale(config.locale) || {}), await (await fetch("phrases.json")).json());
CMS.registerLocale(config.locale, phrases);

function say(path, values = {}) {
  const text = path.split(".").reduce((node, key) => node?.[key], phrases) ?? path;
  return text.replace(/%\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

CMS.registerCustomFormat("plansite-yaml", "yml", yamlFormat);
CMS.registerCustomFormat("plansite-markdown", "md", markdownFormat);

// ---- Dates: typed and shown as day/month/year, stored as YYYY-MM-DD (or a year alone, where allowed).
function spelled(value) {
  if (typeof value === "number") return String(value);
  const parts = String(value || "").match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!parts) return "";
  const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  return new Intl.DateTimeFormat(config.locale, { dateStyle: "full", timeZone: "UTC" }).format(date);
}

function today(yearsAhead = 0) {
  const now = new Date();
  return iso(now.getFullYear() + yearsAhead, now.getMonth() + 1, now.getDate());
}

// The earliest or latest day a date field takes: a bound's year alone counts from its first or last day.
const earliest = (value) => (typeof value === "number" ? `${value}-01-01` : value);
const latest = (value) => (typeof value === "number" ? `${value}-12-31` : value);

const DateControl = createClass({
  getInitialState() {
    return { text: showDate(this.props.value) };
  },
  componentDidUpdate(previous) {
    // A value set from outside (the other language's column, a restored draft): shown as it now is.
    if (previous.value !== this.props.value && readDate(this.state.text, this.yearAllowed()).value !== this.props.value) {
      this.setState({ text: showDate(this.props.value) });
    }
  },
  yearAllowed() {
    return Boolean(this.props.field.get("year"));
  },
  change(event) {
    const text = event.target.value;
    this.setState({ text });
    const { value, error } = readDate(text, this.yearAllowed());
    this.props.onChange(error ? text : value);
  },
  isValid() {
    const field = this.props.field;
    const label = field.get("label", field.get("name"));
    const { value, error } = readDate(this.state.text, this.yearAllowed());
    const fail = (key, values = {}) => ({ error: { type: "CUSTOM", message: say(`plansite.date.${key}`, { fieldLabel: label, ...values }) } });
    if (error) return fail(error, { date: this.state.text });
    if (value === "") return true;
    const min = field.get("min");
    const max = field.get("years_ahead") !== undefined ? today(field.get("years_ahead")) : field.get("max");
    if (min && latest(value) < min) return fail("too_early", { date: showDate(earliest(value)), min: showDate(min), why: field.get("why_early") });
    if (max && earliest(value) > max) return fail("too_late", { date: showDate(latest(value)), max: showDate(max), why: field.get("why_late") });
    return true;
  },
  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle, isDisabled } = this.props;
    const { value } = readDate(this.state.text, this.yearAllowed());
    const echo = spelled(value);
    return h("div", null,
      h("input", {
        id: forID, type: "text", inputMode: "numeric", autoComplete: "off", className: classNameWrapper,
        value: this.state.text, disabled: Boolean(isDisabled), onChange: this.change, onFocus: setActiveStyle,
        onBlur: setInactiveStyle, "aria-describedby": echo ? `${forID}-echo` : undefined,
        placeholder: say(this.yearAllowed() ? "plansite.date.placeholder_year" : "plansite.date.placeholder"),
      }),
      echo ? h("p", { id: `${forID}-echo`, className: "plansite-echo" }, say("plansite.date.shown", { date: echo })) : null);
  },
});

const DatePreview = createClass({
  render() {
    return h("span", null, showDate(this.props.value));
  },
});

CMS.registerWidget("plansite-date", DateControl, DatePreview);

// ---- The cover picture: the browser's own file field, refusing in the form what `make check` refuses.
// The same allowlist as make check's (plansite.check.svg): SVG elements it names, no element of a namespace
// a browser makes live (HTML, MathML, XInclude, XSLT), no handler or script address.
function svgProblem(source, rules) {
  const doc = new DOMParser().parseFromString(source, "image/svg+xml");
  if (doc.getElementsByTagName("parsererror").length) return { unreadable: true };
  for (const element of doc.getElementsByTagName("*")) {
    const tag = element.localName;
    if (rules.live.includes(element.namespaceURI) || (element.namespaceURI === rules.namespace && !rules.elements.includes(tag))) {
      return { what: `<${tag}>` };
    }
    for (const attribute of element.attributes) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.localName.toLowerCase().startsWith("on") || value.startsWith("javascript:") || value.startsWith("data:text")) {
        return { what: attribute.localName };
      }
    }
  }
  return null;
}

const PictureControl = createClass({
  getInitialState() {
    return { problem: "", busy: false };
  },
  componentDidUpdate() {
    // A picture chosen in Decap's media library arrives as the control's inserted media.
    const { mediaPaths, forID, value, onChange, onRemoveInsertedMedia } = this.props;
    if (mediaPaths.has(forID)) {
      const chosen = mediaPaths.get(forID);
      if (chosen !== value) onChange(chosen);
      onRemoveInsertedMedia(forID);
    }
  },
  async choose(event) {
    const input = event.target;
    const file = input.files && input.files[0];
    if (!file) return;
    const field = this.props.field;
    const types = field.get("file_types").toJS();
    const name = file.name;
    const suffix = name.includes(".") ? name.slice(name.lastIndexOf(".")).toLowerCase() : "";
    const refuse = (key, values) => {
      input.value = "";
      this.setState({ problem: say(`plansite.picture.${key}`, { name, ...values }) });
    };
    if (!types.includes(suffix)) {
      return refuse("wrong_type", { types: types.map((type) => type.slice(1).toUpperCase()).join(", ") });
    }
    const max = field.get("max_bytes");
    if (file.size > max) {
      return refuse("too_large", { size: (file.size / 1048576).toFixed(1), max: Math.floor(max / 1048576) });
    }
    if (suffix === ".svg") {
      const problem = svgProblem(await file.text(), { elements: field.get("svg_elements").toJS(),
        namespace: field.get("svg_namespace"), live: field.get("svg_live_namespaces").toJS() });
      if (problem) return problem.unreadable ? refuse("unreadable_svg", {}) : refuse("unsafe_svg", { what: problem.what });
    }
    this.setState({ problem: "", busy: true });
    try {
      const added = await this.props.onPersistMedia(file, { field });
      const saved = added && added.payload && (added.payload.name || added.payload.file?.name);
      if (saved) this.props.onChange(`${field.get("public_folder")}/${saved}`);
    } finally {
      this.setState({ busy: false });
      input.value = "";
    }
  },
  library() {
    const { forID, field, value, onOpenMediaLibrary } = this.props;
    onOpenMediaLibrary({ controlID: forID, forImage: true, privateUpload: false, value, allowMultiple: false,
                         config: field.get("media_library")?.get("config"), field });
  },
  render() {
    const { forID, value, field, getAsset, isDisabled } = this.props;
    const asset = value ? getAsset(value, field) : null;
    const name = value ? String(value).split("/").pop() : "";
    return h("div", { className: "plansite-picture" },
      value
        ? h("figure", null, h("img", { src: asset ? String(asset) : "", alt: "" }),
            h("figcaption", null, say("plansite.picture.current", { name })))
        : h("p", null, say("plansite.picture.none")),
      // The browser's file field does the choosing; the button that opens it speaks the site's language
      // (the field's own button and "no file chosen" speak the browser's).
      h("input", { type: "file", hidden: true,
                   accept: field.get("file_types").toJS().join(","), onChange: this.choose, ref: (e) => { this.input = e; } }),
      h("div", { className: "plansite-buttons" },
        h("button", { id: forID, type: "button", onClick: () => this.input.click(),
                      "aria-label": `${field.get("label", field.get("name"))}: ${say("plansite.picture.choose")}`,
                      disabled: Boolean(isDisabled) || this.state.busy }, say("plansite.picture.choose")),
        h("button", { type: "button", onClick: this.library, disabled: Boolean(isDisabled) }, say("plansite.picture.library")),
        value ? h("button", { type: "button", onClick: () => this.props.onChange(""), disabled: Boolean(isDisabled) },
                  say("plansite.picture.remove")) : null),
      this.state.busy ? h("p", { role: "status" }, say("plansite.picture.saving")) : null,
      this.state.problem ? h("p", { role: "alert", className: "plansite-problem" }, this.state.problem) : null);
  },
});

const PicturePreview = createClass({
  render() {
    const { value, getAsset, field } = this.props;
    return value ? h("img", { src: String(getAsset(value, field)), alt: "" }) : null;
  },
});

CMS.registerWidget("plansite-picture", PictureControl, PicturePreview);

// ---- The second language: checked like the first (a bundle change in admin.py asks this), unless the
// article says it has none; and refused at saving when its column was not on screen to be checked.
function secondLanguageExpected(entry) {
  return entry.getIn(["data", "translated"]) !== false;
}
window.plansiteChecksSecondLanguage = secondLanguageExpected;

function missingInSecondLanguage(entry) {
  const collection = config.collections.find((c) => c.name === entry.get("collection"));
  if (!collection || !collection.i18n || !secondLanguageExpected(entry)) return [];
  const second = config.i18n.locales.find((locale) => locale !== config.i18n.default_locale);
  const data = entry.getIn(["i18n", second, "data"]);
  const blank = (value) => value === undefined || value === null || String(value).trim() === "";
  return collection.fields
    .filter((field) => field.i18n === true && field.required !== false && ["string", "text", "markdown"].includes(field.widget))
    .filter((field) => blank(data && data.get(field.name)))
    .map((field) => field.label);
}

// A cover picture needs its description and credit in every language written (Decap cannot make a field
// required only when another is filled in).
function coverWithoutWords(entry) {
  if (!entry.getIn(["data", "cover", "image"])) return [];
  const second = config.i18n.locales.find((locale) => locale !== config.i18n.default_locale);
  const columns = [entry.get("data"), secondLanguageExpected(entry) ? entry.getIn(["i18n", second, "data"]) : null];
  const collection = config.collections.find((c) => c.name === entry.get("collection"));
  const cover = collection && collection.fields.find((field) => field.name === "cover");
  if (!cover) return [];
  return cover.fields.filter((field) => field.name !== "image")
    .filter((field) => columns.some((data) => data && !String(data.getIn(["cover", field.name]) || "").trim()))
    .map((field) => field.label);
}

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const words = coverWithoutWords(entry);
    if (words.length) throw new Error(say("plansite.picture.needs", { fields: words.join(", ") }));
    const missing = missingInSecondLanguage(entry);
    if (missing.length) {
      const collection = config.collections.find((c) => c.name === entry.get("collection"));
      const translated = collection.fields.find((field) => field.name === "translated");
      throw new Error(say("plansite.english.missing", { fields: missing.join(", "), translated: translated ? translated.label : "" }));
    }
  },
});

// ---- After saving, Decap redraws the editor and the keyboard's focus falls to the page: it is put back on
// the toolbar's next step (the entry's status), or on Save.
const statusPrefix = say("editor.editorToolbar.status").split("%{")[0].trim();
const saveLabel = say("editor.editorToolbar.save");

function refocus(deadline = Date.now() + 8000) {
  const lost = !document.activeElement || document.activeElement === document.body;
  const buttons = [...document.querySelectorAll("button:not([disabled]), [role=button][tabindex='0']")];
  const target = buttons.find((b) => b.textContent.trim().startsWith(statusPrefix)) ||
                 buttons.find((b) => b.textContent.trim() === saveLabel);
  if (lost && target && !document.querySelector("[class*='isPersisting'], [aria-busy='true']")) {
    target.focus();
    if (document.activeElement === target) return;
  }
  if (Date.now() < deadline && (lost || !target)) setTimeout(() => refocus(deadline), 100);
}

CMS.registerEventListener({ name: "postSave", handler: () => { setTimeout(refocus, 50); } });

// ---- Previews drawn with the site's stylesheets (admin/index.html registers them), naming authors and
// groups as the site does.
for (const href of JSON.parse(document.getElementById("preview-styles").textContent)) {
  CMS.registerPreviewStyle(href);
}

function labels(collection, name) {
  const field = collection.get("fields").find((f) => f.get("name") === name);
  const options = field && field.get("options");
  return new Map(options ? options.toJS().map((option) => [option.value, option.label]) : []);
}

function named(data, collection, name) {
  const names = labels(collection, name);
  const ids = data.get(name);
  return ids ? ids.toJS().map((id) => names.get(id) || id).join(", ") : "";
}

function longDate(value) {
  const parts = String(value || "").match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!parts) return String(value || "");
  const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  return new Intl.DateTimeFormat(config.locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

const ArticlePreview = createClass({
  render() {
    const { entry, collection, widgetFor, getAsset } = this.props;
    const data = entry.get("data");
    const cover = data.get("cover");
    const image = cover && cover.get("image");
    const meta = [longDate(data.get("date")), named(data, collection, "authors") && `${say("plansite.preview.by")}: ${named(data, collection, "authors")}`,
                  named(data, collection, "categories") && `${say("plansite.preview.in")}: ${named(data, collection, "categories")}`];
    return h("div", { className: "md-container" }, h("main", { className: "md-main" }, h("div", { className: "md-main__inner md-grid" },
      h("div", { className: "md-content" }, h("article", { className: "md-content__inner md-typeset" },
        data.get("draft") ? h("p", { className: "admonition warning" }, say("plansite.preview.draft")) : null,
        h("h1", null, data.get("title")),
        h("p", { className: "md-source-file" }, meta.filter(Boolean).join(" · ")),
        image ? h("figure", null, h("img", { src: String(getAsset(image, null)), alt: cover.get("alt") || "" }),
                  cover.get("credit") ? h("figcaption", null, cover.get("credit")) : null) : null,
        data.get("lead") ? h("p", null, data.get("lead")) : null,
        widgetFor("body"))))));
  },
});

const PagePreview = createClass({
  render() {
    const { entry, widgetFor } = this.props;
    const data = entry.get("data");
    return h("div", { className: "md-container" }, h("main", { className: "md-main" }, h("div", { className: "md-main__inner md-grid" },
      h("div", { className: "md-content" }, h("article", { className: "md-content__inner md-typeset" },
        data.get("title") ? h("h1", null, data.get("title")) : null,
        widgetFor("body"))))));
  },
});

CMS.registerPreviewTemplate("news", ArticlePreview);
CMS.registerPreviewTemplate("pages", PagePreview);

CMS.init({ config });
