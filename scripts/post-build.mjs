// Trunk post_build hook: writes the stable-named dist/embed.js that loads the content-hashed
// glue, wasm and stylesheet relative to its own URL, so dist/ can live on any origin.
//
// In release builds it also shrinks what every visitor downloads (BENCHMARKS.md has the numbers):
// - the wasm's import and export names (`__wbg_addEventListener_f2d27251d333a631`, ...) become one or
//   two letters (binaryen's minify-imports-and-exports-and-modules), and the glue is rewritten to match;
// - the glue and embed.js are minified with terser (Trunk's `minify` leaves the wasm-bindgen glue alone);
// - the glue and wasm get new content hashes, since their content changed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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

if (release) {
  const { minify } = await import("terser");
  const glueIn = join(staging, glue);
  const wasmIn = join(staging, wasm);
  let js = readFileSync(glueIn, "utf8");

  // 1. Short import/export names in the wasm; binaryen prints the old -> new mapping as JSON.
  const wasmOpt = join(root, "node_modules/.bin/wasm-opt");
  const minified = join(staging, "minified.wasm");
  const run = spawnSync(
    wasmOpt,
    [wasmIn, "--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features", "-o", minified],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) die(`wasm-opt failed (${run.error || run.stderr})`);
  let map;
  try {
    map = JSON.parse(run.stdout.slice(run.stdout.indexOf("{")));
  } catch {
    die(`could not read wasm-opt's name mapping:\n${run.stdout.slice(0, 500)}`);
  }
  const count = (text, needle) => text.split(needle).length - 1;
  const modules = new Set();
  for (const [module, name, short] of map.imports) {
    // In the glue every import is a key of the imports object: `name: function(...`.
    const key = new RegExp(`(^|[\\s{,])${name}:`, "g");
    if (count(js, name) !== 1 || !key.test(js)) die(`import ${name} is not exactly one object key in the glue`);
    js = js.replace(key, (_, before) => `${before}${short}:`);
    modules.add(module);
  }
  if (modules.size !== 1) die(`expected one import module, found ${[...modules].join(", ")}`);
  const [module] = modules;
  const wasmBytes = readFileSync(minified);
  const shortModule = importModule(wasmBytes);
  if (count(js, `"${module}": import0`) !== 1) die(`the glue does not name import module ${module} once`);
  js = js.replace(`"${module}": import0`, () => `${JSON.stringify(shortModule)}: import0`);
  const seenExports = new Set();
  for (const [name, short] of map.exports) {
    if (seenExports.has(name)) continue; // binaryen lists re-exports twice
    seenExports.add(name);
    // The glue reads exports as `wasm.name`; any other mention is a JS function of the same name.
    js = js.replace(new RegExp(`\\bwasm\\.${name}\\b`, "g"), () => `wasm.${short}`);
  }
  for (const name of seenExports) {
    if (new RegExp(`\\bwasm\\.${name}\\b|\\[["'\`]${name}["'\`]\\]`).test(js)) die(`export ${name} is still used by its old name`);
  }

  // 2. Minify the glue. embed.js only calls the default export (asynchronous instantiation):
  //    without its export, terser drops the synchronous `initSync`.
  const exports = "export { initSync, __wbg_init as default };";
  if (count(js, exports) !== 1) die("the glue's export list is not the one expected");
  js = js.replace(exports, "export { __wbg_init as default };");
  const out = await minify(js, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) die("terser produced no glue");

  // 3. New content hashes.
  const newGlue = `faq-widget-${hash(out.code)}.js`;
  const newWasm = `faq-widget-${hash(wasmBytes)}_bg.wasm`;
  writeFileSync(join(staging, newGlue), out.code);
  renameSync(minified, join(staging, newWasm));
  for (const [old, now] of [
    [glue, newGlue],
    [wasm, newWasm],
  ]) {
    if (old !== now) rmSync(join(staging, old), { force: true });
  }
  glue = newGlue;
  wasm = newWasm;
}

// Comments and whitespace cost bytes on every visit; nothing in the stylesheet needs them.
// Quoted strings are kept as written; outside them, whitespace next to { } ; and after a colon
// goes (a colon followed by a space is a declaration or media feature, never a selector).
const css = readFileSync("styles/widget.css", "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|\s*([{};])\s*|(:)\s+|\s+/g, (all, quoted, punct, colon) =>
    quoted ?? punct ?? colon ?? " ",
  )
  .replace(/;}/g, "}")
  .trim();
const cssName = `faq-widget-${hash(css)}.css`;
writeFileSync(join(staging, cssName), css);
// The same stylesheet under a stable name, for pre-rendered pages (`faq-widget render
// --prerender`): their markup is pasted once, so it cannot follow the content hash.
writeFileSync(join(staging, "faq-widget.css"), css);

let embed = readFileSync("web/embed.js", "utf8")
  .replace("__FAQ_WIDGET_GLUE__", glue)
  .replace("__FAQ_WIDGET_WASM__", wasm)
  .replace("__FAQ_WIDGET_CSS__", cssName);
if (release) {
  const { minify } = await import("terser");
  // Fully minified (names too): it is the first file every visit waits for.
  const out = await minify(embed, { ecma: 2015, compress: {}, mangle: true, format: { comments: false } });
  if (!out.code) die("terser produced no embed.js");
  embed = out.code;
}
writeFileSync(join(staging, "embed.js"), embed);
console.log(`post-build: embed.js -> ${glue}, ${wasm}, ${cssName}`);

// Last, once every file has its final name: the service worker precaches them.
writeServiceWorker(staging);
