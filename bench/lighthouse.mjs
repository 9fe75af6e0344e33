#!/usr/bin/env node
// Lighthouse on the demo page (a benchmark, not a test: it prints the four category scores and
// never fails on them). Mobile (Lighthouse's default form factor and simulated throttling), the
// system Chromium, offline: dist/ is served by tests/e2e/server.mjs on a free loopback port.
//
//   trunk build --release && node bench/lighthouse.mjs [--runs N] [--json FILE]
//
// Prints each run's Performance, Accessibility, Best Practices and SEO scores (0-100) and, for a
// category under 100, the audits that cost it points.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { freePort } from "../tests/free-port.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(arg("--runs", 3)) || 3);
const JSON_OUT = arg("--json", null);


const [page, cdn] = [await freePort(), await freePort()];
const server = spawn(process.execPath, [`${ROOT}tests/e2e/server.mjs`], {
  env: { ...process.env, PAGE_PORT: String(page), CDN_PORT: String(cdn) },
  stdio: "ignore",
});
const url = `http://127.0.0.1:${page}/index.html`;
let chrome;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (i > 100) throw new Error("the test server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results = [];
  for (let run = 1; run <= RUNS; run++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
    const scores = Object.fromEntries(Object.values(lhr.categories).map((c) => [c.title, Math.round(c.score * 100)]));
    results.push(scores);
    console.log(`run ${run}: ${Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    for (const category of Object.values(lhr.categories)) {
      if (category.score === 1) continue;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`  ${category.title}: ${audit.id} (${audit.score}): ${audit.title}${audit.displayValue ? ` [${audit.displayValue}]` : ""}`);
        }
      }
    }
    if (run === 1) {
      const m = (id) => lhr.audits[id]?.displayValue;
      console.log(`  FCP ${m("first-contentful-paint")}, LCP ${m("largest-contentful-paint")}, TBT ${m("total-blocking-time")}, CLS ${m("cumulative-layout-shift")}, SI ${m("speed-index")}`);
    }
    if (JSON_OUT && run === RUNS) writeFileSync(JSON_OUT, JSON.stringify(lhr, null, 1));
  }
  console.log(`lighthouse ${results.length} runs, ${url}, mobile, Chromium ${(await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()).Browser}`);
} finally {
  await chrome?.kill();
  server.kill();
}
