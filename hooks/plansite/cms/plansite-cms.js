// The site's additions to Decap CMS: the formats of plansite-formats.js, the site's own stylesheet in the
// preview, and the start of the CMS with the configuration the build generated (config.yml).
import { parseDocument } from "yaml";
import { markdownFormat, yamlFormat } from "./plansite-formats.js";

window.CMS.registerCustomFormat("plansite-yaml", "yml", yamlFormat);
window.CMS.registerCustomFormat("plansite-markdown", "md", markdownFormat);
for (const href of JSON.parse(document.getElementById("preview-styles").textContent)) {
  window.CMS.registerPreviewStyle(href);
}
const config = parseDocument(await (await fetch("config.yml")).text()).toJS();
window.CMS.init({ config });
