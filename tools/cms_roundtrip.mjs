// Reads each file given, through the CMS's format, and saves it back: unchanged, and with one value changed.
// Prints one JSON line per file: {file, unchanged, changed} (changed: the text after the edit, when asked).
// Usage: node tools/cms_roundtrip.mjs FILE [JSON-POINTER NEW-VALUE]
import { readFileSync } from "node:fs";
import { markdownFormat, yamlFormat } from "../hooks/plansite/cms/plansite-formats.js";

const [file, pointer, value] = process.argv.slice(2);
const format = file.endsWith(".md") ? markdownFormat : yamlFormat;
const source = readFileSync(file, "utf8");
const data = format.fromFile(source);
const result = { file, unchanged: format.toFile(structuredClone(data)) === source };
if (pointer) {
  const edited = structuredClone(data);
  const keys = pointer.split("/").slice(1);
  const last = keys.pop();
  keys.reduce((node, key) => node[key], edited)[last] = value;
  result.changed = format.toFile(edited);
}
console.log(JSON.stringify(result));
