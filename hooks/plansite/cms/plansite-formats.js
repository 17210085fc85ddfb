// File formats for Decap CMS that change only what the editor changed: an unchanged save gives the file back
// byte for byte, a changed value changes its own line, and comments stay where they are.
// Browser and Node alike (tests/site/test_cms_site.py runs it in Node on every data file).
import { CST, Composer, Parser, isMap, isScalar, isSeq, parseDocument, stringify } from "yaml";

// Every file the CMS has read, as parsed: its text, its YAML document with the source tokens, its data.
const readFiles = [];

// The document and the source tokens its nodes point into (keepSourceTokens): a scalar is changed in its
// token (CST.setScalarValue) and the tokens printed back (CST.stringify), the rest of the file untouched.
function parse(source) {
  const tokens = [...new Parser().parse(source)];
  const [doc = parseDocument(source)] = new Composer({ keepSourceTokens: true }).compose(tokens, true, source.length);
  if (doc.errors.length) throw doc.errors[0];
  return { doc, tokens };
}

function leaves(value, prefix = "", out = new Map()) {
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) leaves(item, `${prefix}/${key}`, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const same = (a, b) => a === b || (a != null && b != null && String(a) === String(b));

// What names an entry: a new article or plan is never merged into another file that happens to look alike.
const IDENTITY = ["slug", "id"];

// The file the editor opened: among the read files with the same slug or id, the one whose data shares the
// most values with what is saved; none (a new file) when no file shares half of them.
function closest(data) {
  const wanted = leaves(data);
  let best = null;
  let bestScore = 0.5;
  for (const file of readFiles) {
    if (IDENTITY.some((key) => key in data && key in file.data && !same(data[key], file.data[key]))) continue;
    const had = leaves(file.data);
    let shared = 0;
    for (const [path, value] of wanted) if (had.has(path) && same(had.get(path), value)) shared += 1;
    const score = shared / Math.max(wanted.size, had.size);
    if (score > bestScore) [best, bestScore] = [file, score];
  }
  return best;
}

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

function save(file, data, sortedKeys) {
  if (!file) return create(data, sortedKeys);
  const edits = [];
  if (scalarEdits(file.doc.contents, data, edits)) {
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

function remember(source) {
  const { doc } = parse(source);
  const file = { source, doc, data: doc.toJS() ?? {} };
  readFiles.push(file);
  return file;
}

// The saved text becomes what the CMS has read, so a second save starts from it.
function replace(file, source) {
  readFiles.splice(readFiles.indexOf(file), 1);
  remember(source);
  return source;
}

export const yamlFormat = {
  fromFile(content) {
    return remember(content).data;
  },
  toFile(data, sortedKeys) {
    return save(closest(data), data, sortedKeys);
  },
};

// Markdown with YAML front matter: the front matter as above, the body as the editor left it.
export const KIND = "plansite_kind";
const FRONT = /^---\n([\s\S]*?\n)?---\n/;

export const markdownFormat = {
  fromFile(content) {
    const match = content.match(FRONT);
    const front = match ? match[1] || "" : "";
    const body = match ? content.slice(match[0].length) : content;
    const meta = remember(front).data;
    // What the file is, for the news collection's filter (docs/ holds pages and articles): never written.
    const kind = "slug" in meta && "date" in meta ? "article" : "page";
    return { ...meta, [KIND]: kind, body };
  },
  toFile(data, sortedKeys) {
    const { body = "", [KIND]: _kind, ...meta } = data;
    const front = save(closest(meta), meta, sortedKeys);
    return `---\n${front}---\n${body}`;
  },
};
