// Trunk post_build hook: writes the stable-named dist/embed.js that loads the content-hashed
// glue, wasm and stylesheet relative to its own URL, so dist/ can live on any origin.
//
// In release builds it also shrinks what every visitor downloads (BENCHMARKS.md has the numbers):
// - the wasm's import and export names (`__wbg_addEventListener_f2d27251d333a631`, ...) become one or
//   two letters (binaryen's minify-imports-and-exports-and-modules), and the glue is rewritten to match
//   through its syntax tree (acorn), never by text search: each renamed import is one key of the
//   imports object, each export a `wasm.NAME` member read, and anything else fails the build;
// - the glue and embed.js are minified with terser (Trunk's `minify` leaves the wasm-bindgen glue alone);
// - the glue and wasm get new content hashes, since their content changed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { transform as transformCss } from "lightningcss";
import { brotli, precompress } from "./compress.mjs";
import { writeServiceWorker } from "./service-worker.mjs";

const root = new URL("..", import.meta.url).pathname;
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this through `trunk build`.");
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === "release";
const die = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};
const files = readdirSync(staging);
const one = (test, what) => {
  const found = files.filter(test);
  if (found.length !== 1) die(`expected one ${what} in ${staging}, found ${found.length}: ${found.join(", ")}`);
  return found[0];
};
let glue = one((f) => /^faq-widget-[0-9a-f]+\.js$/.test(f), "wasm-bindgen glue module");
let wasm = one((f) => /^faq-widget-[0-9a-f]+_bg\.wasm$/.test(f), "wasm binary");

/** The module name of the first import of a wasm binary (all of ours share one). */
function importModule(bytes) {
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[p++];
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return result >>> 0;
  };
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = leb();
    const start = p;
    if (id === 2 && leb() > 0) {
      const length = leb();
      return bytes.subarray(p, p + length).toString("utf8");
    }
    p = start + size;
  }
  die("the minified wasm has no imports");
}

const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** Every node of an acorn syntax tree, parents before children. */
function* nodes(node) {
  if (!node || typeof node.type !== "string") return;
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" || key === "range") continue;
    if (Array.isArray(value)) for (const child of value) yield* nodes(child);
    else if (value && typeof value === "object") yield* nodes(value);
  }
}

/**
 * The glue with binaryen's short import/export names (`map` = its JSON: imports [module, name,
 * short], exports [name, short]) and the short import module name, found through the syntax tree:
 * an import is a key of the imports object (`name: function (...) {...}`), the import module the
 * key of the object that holds it, an export a member read `wasm.name`. Also drops `initSync` from
 * the export list. Dies on anything else: a name found twice or not at all, a shorthand property,
 * a computed read of `wasm`.
 */
function renameInGlue(js, map, shortModule) {
  const ast = parse(js, { ecmaVersion: "latest", sourceType: "module" });
  const imports = new Map(map.imports.map(([, name, short]) => [name, short]));
  const modules = new Set(map.imports.map(([module]) => module));
  if (modules.size !== 1) die(`expected one import module, found ${[...modules].join(", ")}`);
  const [module] = modules;
  // binaryen lists a re-exported name twice: the first is the one it kept.
  const exports = new Map();
  for (const [name, short] of map.exports) if (!exports.has(name)) exports.set(name, short);
  const identifier = /^[A-Za-z_$][\w$]*$/;
  const key = (short) => (identifier.test(short) ? short : JSON.stringify(short));
  const edits = [];
  const found = new Map();
  const seen = (name) => found.set(name, (found.get(name) || 0) + 1);
  let exportList = 0;
  for (const node of nodes(ast)) {
    if (node.type === "Property" && !node.computed) {
      const name = node.key.type === "Identifier" ? node.key.name : node.key.value;
      if (imports.has(name) || name === module) {
        if (node.shorthand) die(`import ${name} is a shorthand property in the glue`);
        seen(name);
        edits.push([node.key.start, node.key.end, name === module ? JSON.stringify(shortModule) : key(imports.get(name))]);
      }
    } else if (node.type === "MemberExpression" && node.object.type === "Identifier" && node.object.name === "wasm") {
      if (node.computed) die(`the glue reads wasm[...] (at ${node.start}): cannot rename its exports safely`);
      const name = node.property.name;
      if (!exports.has(name)) die(`the glue reads wasm.${name}, which binaryen did not list as an export`);
      const short = exports.get(name);
      edits.push([node.property.start, node.property.end, identifier.test(short) ? short : null]);
      if (!identifier.test(short)) die(`export ${name} became ${short}, not an identifier`);
    } else if (node.type === "ExportNamedDeclaration" && !node.declaration && !node.source) {
      const kept = node.specifiers.filter((s) => s.local.name !== "initSync");
      if (kept.length !== node.specifiers.length - 1) die("the glue's export list has no initSync");
      exportList++;
      edits.push([node.start, node.end, `export { ${kept.map((s) => js.slice(s.start, s.end)).join(", ")} };`]);
    }
  }
  if (exportList !== 1) die(`expected one export list in the glue, found ${exportList}`);
  if (found.get(module) !== 1) die(`the glue names import module ${module} ${found.get(module) || 0} times, not once`);
  for (const name of imports.keys()) {
    if (found.get(name) !== 1) die(`import ${name} is ${found.get(name) || 0} keys in the glue, not one`);
  }
  edits.sort((x, y) => y[0] - x[0]);
  for (const [start, end, text] of edits) js = js.slice(0, start) + text + js.slice(end);
  return js;
}

/**
 * Release builds: short import/export names in the wasm `wasmName` and its glue `glueName`, the
 * glue minified, both renamed `${prefix}-<content hash>`. Returns the new [glue, wasm] names.
 */
async function shrink(glueName, wasmName, prefix) {
  const { minify } = await import("terser");
  const glueIn = join(staging, glueName);
  const wasmIn = join(staging, wasmName);
  let js = readFileSync(glueIn, "utf8");

  // 1. Short import/export names in the wasm; binaryen prints the old -> new mapping as JSON.
  const wasmOpt = join(root, "node_modules/.bin/wasm-opt");
  const minified = join(staging, `${prefix}.minified.wasm`);
  const run = spawnSync(
    wasmOpt,
    [wasmIn, "--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features", "-o", minified],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) die(`wasm-opt failed on ${wasmName} (${run.error || run.stderr})`);
  let map;
  try {
    map = JSON.parse(run.stdout.slice(run.stdout.indexOf("{")));
  } catch {
    die(`could not read wasm-opt's name mapping for ${wasmName}:\n${run.stdout.slice(0, 500)}`);
  }
  const wasmBytes = readFileSync(minified);
  js = renameInGlue(js, map, importModule(wasmBytes));

  // 2. Minify the glue. embed.js only calls the default export (asynchronous instantiation):
  //    without its export, terser drops the synchronous `initSync`.
  //    `unsafe_methods`: the glue's import functions (`{ __wbg_x: function (a) {...} }`) become
  //    methods (`{ __wbg_x(a) {...} }`): wasm calls them as plain functions and nothing constructs
  //    them with `new`, the one thing a method cannot do (-50 B brotli, BENCHMARKS.md).
  const out = await minify(js, { module: true, ecma: 2020, compress: { passes: 2, unsafe_methods: true }, mangle: true });
  if (!out.code) die(`terser produced no glue for ${glueName}`);

  // 3. New content hashes.
  const newGlue = `${prefix}-${hash(out.code)}.js`;
  const newWasm = `${prefix}-${hash(wasmBytes)}_bg.wasm`;
  writeFileSync(join(staging, newGlue), out.code);
  renameSync(minified, join(staging, newWasm));
  for (const [old, now] of [
    [glueName, newGlue],
    [wasmName, newWasm],
  ]) {
    if (old !== now) rmSync(join(staging, old), { force: true });
  }
  return [newGlue, newWasm];
}

// The feedback beacon sender (reporter/, a `data-type="worker"` link: Trunk names it after the
// package, without a hash).
let reporterGlue = one((f) => f === "faq-widget-reporter.js", "reporter glue module (reporter/)");
let reporterWasm = one((f) => f === "faq-widget-reporter_bg.wasm", "reporter wasm (reporter/)");

if (release) {
  [glue, wasm] = await shrink(glue, wasm, "faq-widget");
  [reporterGlue, reporterWasm] = await shrink(reporterGlue, reporterWasm, "faq-widget-reporter");
}

// Minified by lightningcss (a kept library, issue 24), which also parses it: a syntax error
// fails the build instead of reaching visitors. No browser targets, so nothing is rewritten for
// older engines; 15 B brotli fewer than the regex minifier it replaced (BENCHMARKS.md).
const css = (() => {
  const source = readFileSync("styles/widget.css");
  try {
    const { code, warnings } = transformCss({ filename: "styles/widget.css", code: source, minify: true });
    if (warnings.length) die(`styles/widget.css: ${warnings.map((w) => `${w.loc.line}:${w.loc.column} ${w.message}`).join("; ")}`);
    return code.toString();
  } catch (error) {
    die(`styles/widget.css: ${error.message}${error.loc ? ` at ${error.loc.line}:${error.loc.column}` : ""}`);
  }
})();
const cssName = `faq-widget-${hash(css)}.css`;
writeFileSync(join(staging, cssName), css);
// The same stylesheet under a stable name, for pre-rendered pages (`faq-widget render
// --prerender`): their markup is pasted once, so it cannot follow the content hash.
writeFileSync(join(staging, "faq-widget.css"), css);

// Language packs (i18n/<code>.json, src/language_pack.rs): parsed (a broken one fails the build)
// and written without spaces as faq-widget-<code>.json; embed.js fetches one by its digest.
const packs = {};
for (const name of readdirSync("i18n").sort()) {
  const code = /^([a-z]{2,3})\.json$/.exec(name)?.[1];
  if (!code) die(`i18n/${name}: a language pack is named <language code>.json`);
  let json;
  try {
    json = JSON.stringify(JSON.parse(readFileSync(join("i18n", name), "utf8")));
  } catch (error) {
    die(`i18n/${name}: ${error.message}`);
  }
  writeFileSync(join(staging, `faq-widget-${code}.json`), json);
  packs[code] = `sha256-${createHash("sha256").update(json).digest("base64")}`;
}

// Subresource Integrity digests of the final files: embed.js refuses any file that does not
// match (a CDN that serves a tampered or truncated copy), and the demo page's preloads carry the
// same digests, which the browser requires before it reuses a preload for a checked request.
// sha256 inside embed.js: 20 characters of digest fewer per file than sha384, with the same
// guarantee against a changed file; the public tag (embed.js's own digest) uses sha384, as SRI
// guidance recommends.
const integrity = (name, algorithm) =>
  `${algorithm}-${createHash(algorithm).update(readFileSync(join(staging, name))).digest("base64")}`;
const placeholders = [
  ["__FAQ_WIDGET_GLUE_SRI__", integrity(glue, "sha256")],
  ["__FAQ_WIDGET_WASM_SRI__", integrity(wasm, "sha256")],
  ["__FAQ_WIDGET_CSS_SRI__", integrity(cssName, "sha256")],
  ["__FAQ_WIDGET_REPORTER_GLUE_SRI__", integrity(reporterGlue, "sha256")],
  ["__FAQ_WIDGET_REPORTER_WASM_SRI__", integrity(reporterWasm, "sha256")],
  ["__FAQ_WIDGET_GLUE__", glue],
  ["__FAQ_WIDGET_WASM__", wasm],
  ["__FAQ_WIDGET_CSS__", cssName],
  ["__FAQ_WIDGET_REPORTER_GLUE__", reporterGlue],
  ["__FAQ_WIDGET_REPORTER_WASM__", reporterWasm],
  ["__FAQ_WIDGET_TEXTS__", JSON.stringify(packs)],
  // The wasm's bytes as its .br (release builds; a development build is never deployed).
  ["__FAQ_WIDGET_WASM_BR__", String(release ? brotli(readFileSync(join(staging, wasm))).length : 0)],
];
const fill = (text, what) => {
  for (const [placeholder, value] of placeholders) text = text.replaceAll(placeholder, value);
  const left = /__FAQ_WIDGET_[A-Z_]+__/.exec(text);
  if (left) die(`${what} still has ${left[0]} after the build filled in its names and digests`);
  return text;
};
let embed = fill(readFileSync("web/embed.js", "utf8"), "web/embed.js");
if (release) {
  const { minify } = await import("terser");
  // Fully minified (names too): it is the first file every visit waits for.
  const out = await minify(embed, { ecma: 2015, compress: {}, mangle: true, format: { comments: false } });
  if (!out.code) die("terser produced no embed.js");
  embed = out.code;
}
writeFileSync(join(staging, "embed.js"), embed);
// The script tag a site owner pastes checks embed.js by this Subresource Integrity digest
// (sha384, as SRI guidance recommends); scripts/release.sh writes it into the release's tag.
const embedIntegrity = `sha384-${createHash("sha384").update(embed).digest("base64")}`;
writeFileSync(join(staging, "embed.js.integrity"), `${embedIntegrity}\n`);
// The demo page preloads the same files by their hashed names and digests.
writeFileSync(join(staging, "index.html"), fill(readFileSync(join(staging, "index.html"), "utf8"), "index.html"));
// The demo's English FAQ under its language's name too, beside faq.fr.json, faq.es.json and
// faq.ar.json: a page can embed all four as `data-src="faq.{lang}.json"` (docs/embedding.md).
if (files.includes("faq.json")) writeFileSync(join(staging, "faq.en.json"), readFileSync(join(staging, "faq.json")));
console.log(`post-build: embed.js -> ${glue}, ${wasm}, ${cssName}; after Accept with data-report: ${reporterGlue}, ${reporterWasm}`);

// Last, once every file has its final name: the service worker precaches them.
writeServiceWorker(staging, packs);

// Release builds: `.br` and `.gz` beside each file, for servers that send precompressed files
// (deploy/: nginx brotli_static + gzip_static, Caddy `precompressed br gzip`). The same brotli
// settings as scripts/size-check.mjs, so what a visitor downloads is what the size check counts.
if (release) console.log(`post-build: precompressed ${precompress(staging).length} files (.br, .gz)`);
