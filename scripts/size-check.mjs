#!/usr/bin/env node
// Size check (part of scripts/test.sh, so CI runs it): every byte one embed downloads before the
// FAQ JSON, i.e. dist/embed.js and the glue module, wasm and stylesheet it names, as raw, gzip -9
// and brotli -q 11 sizes. Fails when a total passes the budget in size-budget.json.
// Usage: node scripts/size-check.mjs [dist-dir]   (default: dist)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotli as brotliBytes, gzip as gzipBytes } from "./compress.mjs";

const root = new URL("..", import.meta.url).pathname;
const dist = process.argv[2] || join(root, "dist");
const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8"));

const fail = (message) => {
  console.error(`size-check: ${message}`);
  process.exit(1);
};

let embed;
try {
  embed = readFileSync(join(dist, "embed.js"), "utf8");
} catch {
  fail(`no ${dist}/embed.js; run \`trunk build --release\` first.`);
}
// The files embed.js loads, by the content-hashed names scripts/post-build.mjs fills in (the
// minified loader has no variable names left to read them by).
const named = (what, suffix) => {
  const found = [...embed.matchAll(new RegExp(`"(faq-widget-[0-9a-f]{16}${suffix.replace(".", "\\.")})"`, "g"))];
  if (found.length !== 1) fail(`embed.js does not name exactly one ${what} file.`);
  return found[0][1];
};
const files = [
  ["embed.js", "embed.js"],
  ["glue JS", named("glue JS", ".js")],
  ["wasm", named("wasm", "_bg.wasm")],
  ["CSS", named("CSS", ".css")],
];

const brotli = (bytes) => brotliBytes(bytes).length;
const gzip = (bytes) => gzipBytes(bytes).length;

const rows = files.map(([what, name]) => {
  let bytes;
  try {
    bytes = readFileSync(join(dist, name));
  } catch {
    fail(`embed.js names ${name}, which is not in ${dist}.`);
  }
  return { what, name, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
});
const total = rows.reduce(
  (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);

const n = (value) => value.toLocaleString("en-US").padStart(9);
console.log(`${"file".padEnd(44)} ${"raw".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`);
for (const row of rows) {
  console.log(`${`${row.what} (${row.name})`.padEnd(44)} ${n(row.raw)} ${n(row.gzip)} ${n(row.brotli)}`);
}
console.log(`${"total".padEnd(44)} ${n(total.raw)} ${n(total.gzip)} ${n(total.brotli)}`);

// Not in the total: the feedback beacon sender (reporter/), which embed.js loads only after a
// visitor accepts the cookie notice on a page with data-report.
const later = [...embed.matchAll(/"(faq-widget-reporter(?:-[0-9a-f]{16})?(?:\.js|_bg\.wasm))"/g)].map((m) => m[1]);
if (later.length !== 2) fail(`embed.js does not name the reporter's glue and wasm (found: ${later.join(", ") || "none"}).`);
let laterBrotli = 0;
for (const name of later) {
  let bytes;
  try {
    bytes = readFileSync(join(dist, name));
  } catch {
    fail(`embed.js names ${name}, which is not in ${dist}.`);
  }
  laterBrotli += brotli(bytes);
  console.log(`${`later: ${name.endsWith(".js") ? "glue" : "wasm"} (${name})`.padEnd(44)} ${n(bytes.length)} ${n(gzip(bytes))} ${n(brotli(bytes))}`);
}
console.log(`  later: the report sender, ${laterBrotli.toLocaleString("en-US")} B brotli, downloaded only after a visitor accepts on a page with data-report`);

// Not in the total either: the language packs (the widget's texts in Arabic, French, Spanish),
// which embed.js fetches only for a page or FAQ in that language, on top of the total.
const packs = [...embed.matchAll(/\b"?([a-z]{2,3})"?:"sha256-[\w+/=]+"/g)].map((m) => m[1]);
if (packs.length === 0) fail("embed.js names no language pack.");
for (const code of packs) {
  const name = `faq-widget-${code}.json`;
  let bytes;
  try {
    bytes = readFileSync(join(dist, name));
  } catch {
    fail(`embed.js names the language pack ${code}, but ${dist} has no ${name}.`);
  }
  console.log(`${`in ${code} only: language pack (${name})`.padEnd(44)} ${n(bytes.length)} ${n(gzip(bytes))} ${n(brotli(bytes))}`);
}

const checks = [
  ["brotli total", total.brotli, budget.brotli_total_max],
  ["gzip total", total.gzip, budget.gzip_total_max],
].filter(([, , max]) => Number.isFinite(max));
if (checks.length === 0) fail("size-budget.json sets no brotli_total_max.");
let over = false;
for (const [what, value, max] of checks) {
  const verdict = value <= max ? "within" : "OVER";
  console.log(`${what}: ${value.toLocaleString("en-US")} B, budget ${max.toLocaleString("en-US")} B: ${verdict}`);
  over ||= value > max;
}
for (const [what, max] of [
  ["goal", budget.goal_brotli_total_max],
  ["aim", budget.aim_brotli_total],
]) {
  if (Number.isFinite(max)) {
    const gap = total.brotli - max;
    console.log(`  ${what} ${max.toLocaleString("en-US")} B brotli: ${gap > 0 ? `${gap.toLocaleString("en-US")} B over` : "met"}`);
  }
}
if (over) fail("the widget is over its size budget (size-budget.json). Cut bytes, or raise the budget on purpose.");
