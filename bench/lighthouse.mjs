#!/usr/bin/env node
// Lighthouse, first paint on a phone as deployed (issue 32). A benchmark, not a test: it prints
// medians and never fails on them. Mobile (Lighthouse's default form factor and simulated
// throttling), the system Chromium, offline: dist/ is served by tests/e2e/server.mjs on loopback,
// over HTTPS and HTTP/2 (FAQ_TLS=h2, a certificate of its own that the browser is told to
// accept), sending the build's .br/.gz as nginx and Caddy do (FAQ_COMPRESS=off for the
// uncompressed row).
//
//   trunk build --release && node bench/lighthouse.mjs [--runs N] [--only ROW,ROW] [--json DIR]
//                                                      [--method simulate|devtools] [--h1]
//
// Rows, the same host page around each (a heading, then the FAQ), the bundled faq.json:
//   static        `faq-widget render` (<details>, no script) linking the widget's stylesheet: the floor
//   prerendered   `faq-widget render --prerender` (the widget's copy, then embed.js)
//   copy          the same copy without its script tag: what the copy alone costs
//   static-script the static page plus one async script that does nothing: what the simulation
//                 charges any page for having a script (see BENCHMARKS.md, issue 32)
//   script        the one script tag, files compressed (brotli)
//   script-plain  the one script tag, every file uncompressed (a host without compression)
//   demo          the demo page (index.html), with its four category scores
// Each row: the median of N runs (default 5) of Performance, FCP, LCP, TBT, CLS, and the wasm's
// bytes on the wire.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { spawnServer } from "../tests/e2e/server.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const GENERATED = join(ROOT, "target/e2e-generated");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(arg("--runs", 5)) || 5);
const ONLY = arg("--only", null)?.split(",");
const JSON_DIR = arg("--json", null);
// simulate: Lighthouse's default (Lantern estimates each metric from an unthrottled trace);
// devtools: the page is loaded under the same throttling and the metrics are measured.
const METHOD = arg("--method", "simulate");

// ---- the pages ---------------------------------------------------------------------------------

const cli = (...args) => execFileSync("cargo", ["run", "--quiet", "-p", "faq-widget-cli", "--", ...args], { cwd: ROOT, encoding: "utf8" });
const hostPage = (title, head, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><meta name="description" content="Questions and answers.">${head}<link rel="icon" href="data:,"></head>
<body><main><h1>Help centre</h1>
${body}
</main></body></html>
`;
mkdirSync(GENERATED, { recursive: true });
// Each page also as PAGE.br and PAGE.gz, which the server sends as it sends dist/'s files: a host
// compresses its pages (the rows without compression send none). Uncompressed, the pre-rendered
// page (17 KB, the widget's markup) outgrows the first round trip's window where the static
// page (11 KB) does not: about 0.15 s of simulated first paint that no deployed site pays.
const page = (name, html) => {
  writeFileSync(join(GENERATED, name), html);
  writeFileSync(join(GENERATED, `${name}.br`), brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(GENERATED, `${name}.gz`), gzipSync(html, { level: 9 }));
};
page("lh-static.html", hostPage("Static FAQ", '<link rel="stylesheet" href="/faq-widget.css">', cli("render", "faq.json")));
const prerendered = cli("render", "--prerender", "/", "--src", "/faq.json", "faq.json");
page("lh-prerendered.html", hostPage("Pre-rendered FAQ", "", prerendered));
page("lh-copy.html", hostPage("Pre-rendered FAQ", "", prerendered.replace(/<script[^>]*><\/script>/, "")));
// A script that does nothing, beside the static page: Lantern links a script's request to the main-
// thread task that sent it, and the preload scanner sends it from the navigation's commit task
// (V8's context, the parser's creation: 13-30 ms unthrottled, 4x simulated), which then counts
// toward the page's paint; a page without a script leaves that task out of its estimate.
writeFileSync(join(GENERATED, "lh-noop.js"), "// does nothing: issue 32's control row\n");
page("lh-static-script.html", hostPage("Static FAQ", '<link rel="stylesheet" href="/faq-widget.css"><script src="/lh-noop.js" async></script>', cli("render", "faq.json")));
page("lh-script.html", hostPage("Widget FAQ", "", '<script src="/embed.js" data-src="/faq.json" async></script>'));

const ROWS = [
  { name: "static", what: "static <details> page + stylesheet", page: "lh-static.html", compress: true },
  { name: "prerendered", what: "pre-rendered widget", page: "lh-prerendered.html", compress: true },
  { name: "copy", what: "the same copy without embed.js", page: "lh-copy.html", compress: true },
  { name: "static-script", what: "static page + a script doing nothing", page: "lh-static-script.html", compress: true },
  { name: "script", what: "script tag, brotli", page: "lh-script.html", compress: true },
  { name: "script-plain", what: "script tag, uncompressed", page: "lh-script.html", compress: false },
  { name: "demo", what: "demo page (index.html), brotli", page: "index.html", compress: true },
].filter((row) => !ONLY || ONLY.includes(row.name));

// ---- servers and browser -----------------------------------------------------------------------

const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// HTTPS with HTTP/2, as a site is served (Caddy always, nginx with `http2 on`, every CDN): one
// connection carries every request. --h1: plain HTTP/1.1, where each request made in parallel
// opens a connection of its own (in Lighthouse's simulation, a round trip of slow 4G each).
const H2 = !process.argv.includes("--h1");
const tls = H2 ? { FAQ_TLS: "h2" } : {};
const servers = { true: await spawnServer({ FAQ_COMPRESS: "on", ...tls }), false: await spawnServer({ FAQ_COMPRESS: "off", ...tls }) };
let chrome;
try {
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: [...(H2 ? ["--ignore-certificate-errors"] : []), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const version = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()).Browser;
  const results = [];
  for (const row of ROWS) {
    const url = `${servers[row.compress].origin}/${row.page}`;
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", throttlingMethod: METHOD });
      const audit = (id) => lhr.audits[id]?.numericValue;
      const wasm = (lhr.audits["network-requests"]?.details?.items ?? []).find((item) => /faq-widget-[0-9a-f]{16}_bg\.wasm$/.test(item.url));
      const scores = Object.fromEntries(Object.values(lhr.categories).map((c) => [c.title, Math.round(c.score * 100)]));
      runs.push({ scores, fcp: audit("first-contentful-paint"), lcp: audit("largest-contentful-paint"), tbt: audit("total-blocking-time"), cls: audit("cumulative-layout-shift"), wasm: wasm?.transferSize });
      const r = runs.at(-1);
      console.log(`${row.name} run ${run}: Performance ${scores.Performance}, FCP ${(r.fcp / 1000).toFixed(2)} s, LCP ${(r.lcp / 1000).toFixed(2)} s, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}${r.wasm ? `, wasm ${r.wasm} B on the wire` : ""}`);
      if (JSON_DIR && run === RUNS) {
        mkdirSync(JSON_DIR, { recursive: true });
        writeFileSync(join(JSON_DIR, `${row.name}.json`), JSON.stringify(lhr));
      }
      if (run === 1) {
        for (const category of Object.values(lhr.categories)) {
          if (category.score === 1 || (row.name !== "demo" && category.title !== "Performance")) continue;
          for (const ref of category.auditRefs) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`  ${category.title}: ${a.id} (${a.score})${a.displayValue ? ` [${a.displayValue}]` : ""}`);
          }
        }
      }
    }
    const categories = Object.keys(runs[0].scores).map((title) => `${title} ${median(runs.map((r) => r.scores[title]))}`);
    results.push({
      row,
      performance: median(runs.map((r) => r.scores.Performance)),
      fcp: median(runs.map((r) => r.fcp)),
      lcp: median(runs.map((r) => r.lcp)),
      tbt: median(runs.map((r) => r.tbt)),
      cls: median(runs.map((r) => r.cls)),
      wasm: median(runs.map((r) => r.wasm)),
      categories: row.name === "demo" ? categories.join(", ") : "",
    });
  }

  console.log(`\nLighthouse ${RUNS} runs per row (medians), mobile, ${METHOD === "simulate" ? "simulated" : "applied (devtools)"} throttling, ${version}`);
  console.log("row                                   Perf   FCP s   LCP s  TBT ms    CLS  wasm on the wire");
  for (const r of results) {
    const wasm = Number.isNaN(r.wasm) ? "-" : `${r.wasm} B`;
    console.log(`${r.row.what.padEnd(36)} ${String(r.performance).padStart(5)} ${(r.fcp / 1000).toFixed(2).padStart(7)} ${(r.lcp / 1000).toFixed(2).padStart(7)} ${String(Math.round(r.tbt)).padStart(7)} ${r.cls.toFixed(3).padStart(6)}  ${wasm}${r.categories ? `  (${r.categories})` : ""}`);
  }
  const by = Object.fromEntries(results.map((r) => [r.row.name, r]));
  if (by.static && by.prerendered) console.log(`pre-rendered LCP / static LCP: ${(by.prerendered.lcp / by.static.lcp).toFixed(2)} (goal <= 1.10)`);
  if (by["static-script"] && by.prerendered) console.log(`pre-rendered LCP / static page with a script: ${(by.prerendered.lcp / by["static-script"].lcp).toFixed(2)}`);
  if (by.script) console.log(`script tag LCP (brotli): ${(by.script.lcp / 1000).toFixed(2)} s (goal <= 2.50 s)`);
} finally {
  await chrome?.kill();
  for (const s of Object.values(servers)) await s.stop();
}
