// Trunk post_build hook: writes the stable-named dist/embed.js that loads the content-hashed
// glue, wasm and stylesheet relative to its own URL, so dist/ can live on any origin.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeServiceWorker } from "./service-worker.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this through `trunk build`.");
  process.exit(1);
}
const files = readdirSync(staging);
const one = (test, what) => {
  const found = files.filter(test);
  if (found.length !== 1) {
    console.error(`post-build: expected one ${what} in ${staging}, found ${found.length}: ${found.join(", ")}`);
    process.exit(1);
  }
  return found[0];
};
const glue = one((f) => /^faq-widget-[0-9a-f]+\.js$/.test(f), "wasm-bindgen glue module");
const wasm = one((f) => /^faq-widget-[0-9a-f]+_bg\.wasm$/.test(f), "wasm binary");

const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

// Comments and indentation cost bytes on every visit; nothing in the stylesheet needs them.
const css = readFileSync("styles/widget.css", "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\s*\n\s*/g, "\n")
  .trim();
const cssName = `faq-widget-${hash(css)}.css`;
writeFileSync(join(staging, cssName), css);

// Every visitor downloads embed.js (short cache): drop its comments and indentation too. It has
// no `//` comments and no "/*" inside strings, so this cannot change what it does.
const embed = readFileSync("web/embed.js", "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\s*\n\s*/g, "\n")
  .trim()
  .replace("__FAQ_WIDGET_GLUE__", glue)
  .replace("__FAQ_WIDGET_WASM__", wasm)
  .replace("__FAQ_WIDGET_CSS__", cssName);
writeFileSync(join(staging, "embed.js"), embed);
console.log(`post-build: embed.js -> ${glue}, ${wasm}, ${cssName}`);

// Last, once every file has its final name: the service worker precaches them.
writeServiceWorker(staging);
