// File formats for Decap CMS that change only what the editor changed: an unchanged save gives the file back
// byte for byte, a changed value changes its own line, and comments stay where they are.
// Browser and Node alike (tests/site/test_cms_site.py runs it in Node on every data file).
import { CST, Composer, Parser, isMap, isScalar, isSeq, parseDocument, stringify } from "yaml";

// Every file the CMS has read, by a number that travels in the entry's data (SOURCE, never written): a save
// edits exactly the file its data was read from, never another that looks alike (the Vietnamese half of an
// article is not the English one). Data without it is a new file.
export const SOURCE = "plansite_source";
const readFiles = new Map();
let lastId = 0;

// The document and the source tokens its nodes point into (keepSourceTokens): a scalar is changed in its
// token (CST.setScalarValue) and the tokens printed back (CST.stringify), the rest of the file untouched.
function parse(source) {
  const tokens = [...new Parser().parse(source)];
  const [doc = parseDocument(source)] = new Composer({ keepSourceTokens: true }).compose(tokens, true, source.length);
  if (doc.errors.length) throw doc.errors[0];
  return { doc, tokens };
}

const same = (a, b) => a === b || (a != null && b != null && String(a) === String(b));

// Empty values the form adds for fields the file leaves out: the models' defaults, so not written.
const empty = (value) => value === undefined || value === null || value === "" ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && !Array.isArray(value) && Object.values(value).every(empty));

// A number stays a number when the form gives it back as text (a year typed in a date-or-year field).
function typed(value, before) {
  if (typeof before === "number" && typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

// Scalars only changed in place: the source tokens are edited and the rest of the file is kept byte for byte.
function scalarEdits(node, value, edits) {
  if (isScalar(node)) {
    if (value === null || typeof value === "object") return false;
    if (!same(node.value, value)) edits.push([node, typed(value, node.value)]);
    return true;
  }
  if (isMap(node) && value && typeof value === "object" && !Array.isArray(value)) {
    const keys = new Set(node.items.map((pair) => String(pair.key.value)));
    for (const [key, item] of Object.entries(value)) if (!keys.has(key) && !empty(item)) return false;
    return node.items.every((pair) => {
      const key = String(pair.key.value);
      return !(key in value) || value[key] === undefined || scalarEdits(pair.value, value[key], edits);
    });
  }
  if (isSeq(node) && Array.isArray(value)) {
    return node.items.length === value.length && node.items.every((item, i) => scalarEdits(item, value[i], edits));
  }
  return false;
}

// Any other change: the document is changed node by node, so comments and styles around it stay.
function merge(doc, node, value) {
  if (isMap(node) && value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const pair = node.items.find((p) => String(p.key.value) === key);
      if (pair) pair.value = merge(doc, pair.value, item);
      else if (!empty(item)) node.items.push(doc.createPair(key, item));
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items = value.map((item, i) => (i < node.items.length ? merge(doc, node.items[i], item) : doc.createNode(item)));
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== "object")) {
    if (!same(node.value, value)) node.value = typed(value, node.value);
    return node;
  }
  return doc.createNode(value);
}

// A new file: its keys in the order of the form's fields (Decap's sortedKeys).
function create(data, sortedKeys = []) {
  const order = (key) => (sortedKeys.includes(key) ? sortedKeys.indexOf(key) : sortedKeys.length);
  const keys = Object.keys(withoutEmpty(data)).sort((a, b) => order(a) - order(b));
  return stringify(Object.fromEntries(keys.map((key) => [key, data[key]])), { lineWidth: 0 });
}

// Keys of the form (sortedKeys) that the editor emptied: taken out of the file, not written as "" or [].
function cleared(file, data, sortedKeys = []) {
  return sortedKeys.filter((key) => key in file.data && !empty(file.data[key]) && empty(data[key]));
}

function save(file, data, sortedKeys) {
  if (!file) return create(data, sortedKeys);
  const removed = cleared(file, data, sortedKeys);
  const edits = [];
  if (!removed.length && scalarEdits(file.doc.contents, data, edits)) {
    if (!edits.length) return file.source;
    const { doc, tokens } = parse(file.source);
    const nodes = new Map(edits.map(([node, value]) => [node.range[0], value]));
    for (const node of scalars(doc.contents)) {
      if (!nodes.has(node.range[0])) continue;
      const value = nodes.get(node.range[0]);
      const quoted = node.srcToken.type === "scalar" && !plainSafe(value);
      CST.setScalarValue(node.srcToken, String(value), quoted ? { type: "QUOTE_DOUBLE" } : {});
    }
    return replace(file, tokens.map((token) => CST.stringify(token)).join(""));
  }
  const { doc } = parse(file.source);
  doc.contents = merge(doc, doc.contents, data);
  for (const key of removed) doc.delete(key);
  return replace(file, doc.toString({ lineWidth: 0 }));
}

function* scalars(node) {
  if (isScalar(node)) yield node;
  else if (isMap(node)) for (const pair of node.items) yield* scalars(pair.value);
  else if (isSeq(node)) for (const item of node.items) yield* scalars(item);
}

function plainSafe(value) {
  return stringify(value).trimEnd() === String(value);
}

function withoutEmpty(data) {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !empty(value)));
}

function remember(source, id = ++lastId) {
  const { doc } = parse(source);
  const file = { id, source, doc, data: doc.toJS() ?? {} };
  readFiles.set(id, file);
  return file;
}

// The saved text becomes what the CMS has read, under the same number, so a second save starts from it.
function replace(file, source) {
  remember(source, file.id);
  return source;
}

export const yamlFormat = {
  fromFile(content) {
    const file = remember(content);
    return { ...file.data, [SOURCE]: file.id };
  },
  toFile(data, sortedKeys) {
    const { [SOURCE]: id, ...values } = data;
    return save(readFiles.get(id), values, sortedKeys);
  },
};

// Markdown with YAML front matter: the front matter as above, the body as the editor left it. An article's
// lead, above the `<!-- more -->` marker the blog needs (the excerpt in lists and feeds), is a field of its
// own: the marker is written for the editor, with the blank lines around it the file had.
export const KIND = "plansite_kind";
export const MARKER = "<!-- more -->";
const FRONT = /^---\n([\s\S]*?\n)?---\n/;
const NEW_ARTICLE = { before: "\n", after: "\n\n", below: "\n\n" };
const layouts = new Map();

function splitLead(body) {
  const at = body.indexOf(MARKER);
  if (at < 0) return { lead: "", body, layout: { ...NEW_ARTICLE, below: body.startsWith("\n") ? "" : "\n\n" } };
  const above = body.slice(0, at);
  const below = body.slice(at + MARKER.length);
  const lead = above.trim();
  const before = lead ? above.slice(0, above.indexOf(lead)) : "";
  const rest = below.replace(/^\s*/, "");
  return { lead, body: rest, layout: { before, after: above.slice(before.length + lead.length), below: below.slice(0, below.length - rest.length) } };
}

function joinLead(lead, body, layout = NEW_ARTICLE) {
  const text = lead.trim();
  const rest = body.replace(/^\s*/, "");
  const below = rest ? layout.below || "\n\n" : layout.below.replace(/\n+$/, "\n") || "\n";
  return `${layout.before || (text ? "\n" : "")}${text}${text ? layout.after || "\n\n" : ""}${MARKER}${below}${rest}`;
}

// What an article means when its front matter leaves a key out (the model's defaults), shown so in the form;
// a save leaves the key out again while the value stays the default.
const IMPLIED = { translated: true };

function withoutImplied(meta, file) {
  const kept = { ...meta };
  for (const [key, value] of Object.entries(IMPLIED)) {
    if (kept[key] === value && !(file && key in file.data)) delete kept[key];
  }
  return kept;
}

// A language left empty in the form (no title, summary, lead or text): no file is written for it, rather
// than a file of the fields copied from the other language.
const blank = (meta, lead, body) => !meta.title && !meta.description && !(lead || "").trim() && !body.trim();

export const markdownFormat = {
  fromFile(content) {
    const match = content.match(FRONT);
    const front = match ? match[1] || "" : "";
    const text = match ? content.slice(match[0].length) : content;
    const file = remember(front);
    const meta = file.data;
    // What the file is, for the news collection's filter (docs/ holds pages and articles): never written.
    const kind = "slug" in meta && "date" in meta ? "article" : "page";
    // A page's text stays whole; an article's lead is split off (also from a draft the browser kept, which
    // may not have its date and address yet, but has the marker).
    if (kind === "page" && !text.includes(MARKER)) return { ...meta, [KIND]: kind, [SOURCE]: file.id, body: text };
    const { lead, body, layout } = splitLead(text);
    layouts.set(file.id, layout);
    return { ...IMPLIED, ...meta, [KIND]: kind, [SOURCE]: file.id, lead, body };
  },
  toFile(data, sortedKeys) {
    const { body = "", lead, [KIND]: _kind, [SOURCE]: id, ...meta } = data;
    if (blank(meta, lead, body)) return "";
    const file = readFiles.get(id);
    const front = save(file, lead === undefined ? meta : withoutImplied(meta, file), sortedKeys);
    const text = lead === undefined ? body : joinLead(lead, body, layouts.get(id));
    return `---\n${front}---\n${text}`;
  },
};
