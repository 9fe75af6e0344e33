// Per-keystroke time in headless Chromium, from the input event to the DOM updated, on the release
// build (dist/) with the bundled FAQ and the generated 10,000-question FAQ. Types every query of the
// relevance set one character at a time. Prints p50/p95; asserts nothing.
//   trunk build --release && node bench/gen-faq.mjs && PAGE_PORT=4311 node bench/keystroke.mjs
// In Spanish, Arabic or French: the bundled faq.<lang>.json, the generated FAQ in that language
// and that language's relevance set:
//   node bench/gen-faq.mjs 10000 es && BENCH_LANG=es PAGE_PORT=4311 node bench/keystroke.mjs
//
// "Input event" is the event's own timeStamp (when the key reached the page); "DOM updated" is the
// last MutationObserver callback in the widget's shadow root before the next two animation frames.
import { existsSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { relevanceOf } from "./queries.mjs";

const PAGE_PORT = Number(process.env.PAGE_PORT || 4301);
// The test server's second port, as playwright.config.mjs sets it (read when it is imported).
process.env.CDN_PORT = process.env.CDN_PORT || String(PAGE_PORT + 1);
const { start } = await import("../tests/e2e/server.mjs");
const base = `http://127.0.0.1:${PAGE_PORT}`;
const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];
const LANG = process.env.BENCH_LANG || "en";
const relevance = relevanceOf(LANG);
// The search field's name in each language (the widget's texts: src/i18n.rs, i18n/<lang>.json).
const SEARCH = {
  en: "Search the questions",
  ...Object.fromEntries(
    ["es", "fr", "ar"].map((code) => [code, JSON.parse(readFileSync(new URL(`../i18n/${code}.json`, import.meta.url), "utf8"))["search.label"]]),
  ),
}[LANG];

async function measure(browser, name, url, route) {
  const page = await browser.newPage();
  if (route) await page.route((u) => u.pathname === route.path, (r) => r.fulfill({ body: route.body, contentType: "application/json" }));
  await page.goto(url);
  const box = page.getByRole("searchbox", { name: SEARCH });
  await box.waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const root = document.querySelector("faq-widget").shadowRoot;
    window.__bench = { t0: 0, last: 0, done: 0 };
    window.addEventListener("input", (e) => { window.__bench.t0 = e.timeStamp; window.__bench.last = 0; }, { capture: true });
    // Bubbling reaches the window after the widget's own listener and the render it queues
    // (a microtask, run before the next listener): the whole handling, DOM change or not.
    window.addEventListener("input", () => { window.__bench.done = performance.now(); });
    new MutationObserver(() => { window.__bench.last = performance.now(); }).observe(root, {
      subtree: true, childList: true, characterData: true, attributes: true,
    });
  });
  const twoFrames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const times = [];
  const handled = [];
  let unchanged = 0;
  await box.focus();
  for (const { q } of relevance) {
    for (const ch of q) {
      await page.keyboard.type(ch);
      await twoFrames();
      const { t0, last, done } = await page.evaluate(() => window.__bench);
      handled.push(done - t0);
      if (last > t0) times.push(last - t0);
      else unchanged++;
    }
    await page.keyboard.press("Escape");
    await page.waitForTimeout(600);
  }
  times.sort((a, b) => a - b);
  handled.sort((a, b) => a - b);
  console.log(
    `${name}: ${times.length} keystrokes changed the DOM (${unchanged} did not): input -> DOM updated p50 ${pct(times, 0.5).toFixed(2)} ms, p95 ${pct(times, 0.95).toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms; ` +
      `all ${handled.length} keystrokes, input -> handled: p50 ${pct(handled, 0.5).toFixed(2)} ms, p95 ${pct(handled, 0.95).toFixed(2)} ms`,
  );
  await page.close();
}

const servers = start();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  // BENCH_ONLY=10k skips the bundled FAQ.
  const suffix = LANG === "en" ? "" : `.${LANG}`;
  if (process.env.BENCH_ONLY !== "10k")
    await measure(browser, `bundled faq${suffix}.json`, LANG === "en" ? `${base}/index.html` : `${base}/host.html?lang=${LANG}&src=/faq${suffix}.json`);
  const big = new URL(`../target/bench/faq-10k${suffix}.json`, import.meta.url);
  if (existsSync(big)) {
    await measure(browser, `generated 10k${suffix}`, `${base}/host.html?lang=${LANG}&src=/bench-10k.json`, {
      path: "/bench-10k.json",
      body: readFileSync(big),
    });
  } else {
    console.log(`generated 10k${suffix}: missing; run \`node bench/gen-faq.mjs 10000 ${LANG}\` first`);
  }
} finally {
  await browser.close();
  servers.page.close();
  servers.cdn.close();
}
