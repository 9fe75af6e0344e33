// Writes dist/sw.js (the widget's service worker) from web/sw.js, for the post-build hook. The
// precache list is what the build put in the staging folder, never a hand-written list:
//   FILES  the widget: embed.js and the content-hashed glue, wasm and stylesheet (all required);
//          and the language packs, by the URL embed.js asks for (faq-widget-<code>.json?<digest>);
//   PAGES  the other pages and styles beside them, e.g. the demo page (kept where deployed).
// The version is a hash of those files' names and content and of the template, so every
// build that changes what visitors run changes sw.js, and the browser installs the new worker.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const WIDGET = /^faq-widget-[0-9a-f]+(\.js|_bg\.wasm|\.css)$/;

export function writeServiceWorker(staging, packs) {
  const names = readdirSync(staging).sort();
  const files = names.filter((name) => name === "embed.js" || WIDGET.test(name));
  const kinds = files.map((name) => name.replace(/^faq-widget-[0-9a-f]+/, "")).sort().join(" ");
  if (kinds !== ".css .js _bg.wasm embed.js") {
    console.error(`service-worker: expected embed.js and one glue, wasm and stylesheet in ${staging}, found: ${files.join(", ")}`);
    process.exit(1);
  }
  const pages = names.filter((name) => /\.(html|css)$/.test(name) && !files.includes(name));
  const template = readFileSync("web/sw.js", "utf8");
  const languages = Object.entries(packs).map(([code, digest]) => `faq-widget-${code}.json?${digest}`);
  const hash = createHash("sha256").update(template);
  for (const name of [...files, ...pages]) hash.update(`\0${name}\0`).update(readFileSync(join(staging, name)));
  for (const name of languages) hash.update(`\0${name}`);
  const version = hash.digest("hex").slice(0, 16);
  // Like embed.js: no `//` comments and no "/*" inside strings, so stripping cannot change it.
  const sw = template
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s*\n\s*/g, "\n")
    .trim()
    .replace("__FAQ_WIDGET_VERSION__", version)
    .replace("__FAQ_WIDGET_FILES__", JSON.stringify([...files, ...languages]))
    .replace("__FAQ_WIDGET_PAGES__", JSON.stringify(pages));
  writeFileSync(join(staging, "sw.js"), sw);
  console.log(`post-build: sw.js ${version} precaches ${[...files, ...languages.map((l) => l.split("?")[0])].join(", ")}; pages ${pages.join(", ")}`);
}
