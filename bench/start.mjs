#!/usr/bin/env node
// Start-up and memory benchmark (a benchmark, not a test: it prints numbers and never fails on them).
//
//   trunk build --release && node bench/start.mjs [--runs N] [--memory-only] [--against DIR]
//
// --against DIR: also loads the script-tag page with another build's dist/ (DIR, e.g. a copy of
// dist/ made before a change), interleaved with the others, and prints it beside this build's:
// an A/B on the same machine minute by minute, whose floor moves with the load.
//
// Serves dist/ from its own HTTP server on loopback and drives the system Chromium (headless, the
// flags of playwright.config.mjs). Every run is a fresh browser context: nothing cached, like a
// first visit. It prints:
// - start: navigation start -> the questions painted, median of N runs (default 11), for the
//   widget (one script tag), the widget pre-rendered into the page (`faq-widget render
//   --prerender`; also when it is interactive, i.e. has taken the copy over) and for the floor, a static HTML page with the same FAQ as <details>
//   elements; and their ratio. Then the same with the CPU throttled 4x (CDP).
//   "Painted" = the first question element exists (a MutationObserver, into the open shadow root for
//   the widget), then the next animation frame has run and a task after it (so that frame painted).
// - memory after load: JS heap (CDP Runtime.getHeapUsage after a forced GC) + the wasm memory
//   (the byteLength of the instance's exported memory), on the bundled FAQ and on a generated
//   10,000-question FAQ;
// - opening one question in the 10,000-question FAQ: click -> painted.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { cpus } from "node:os";
import { chromium } from "playwright-core";

const ROOT = new URL("..", import.meta.url).pathname;
const DIST = join(ROOT, "dist");
const argRuns = process.argv.indexOf("--runs");
const RUNS = argRuns > 0 ? Math.max(3, Number(process.argv[argRuns + 1]) || 11) : 11;
const MEMORY_RUNS = 3;
const MEMORY_ONLY = process.argv.includes("--memory-only");
const argAgainst = process.argv.indexOf("--against");
const AGAINST = argAgainst > 0 ? normalize(process.argv[argAgainst + 1] || "") : undefined;
if (AGAINST && !existsSync(join(AGAINST, "embed.js"))) {
  console.error(`bench: --against ${AGAINST}: no embed.js there.`);
  process.exit(1);
}
const TIMEOUT = 30_000;

if (!existsSync(join(DIST, "embed.js"))) {
  console.error("bench: no dist/embed.js; run `trunk build --release` first.");
  process.exit(1);
}

// ---- content ---------------------------------------------------------------------------------

const bundled = readFileSync(join(ROOT, "faq.json"), "utf8");

/** A valid FAQ with `count` questions, answers of a few sentences with a link or a list. */
function generatedFaq(count) {
  const questions = [];
  for (let i = 1; i <= count; i++) {
    const answer =
      i % 3 === 0
        ? `Question ${i} has a list:\n- the first point about item ${i}\n- the second point, with [a link](https://example.org/item/${i})`
        : `This is the answer to question ${i}. It has two sentences so that it looks like a real answer, and [a link](https://example.org/${i}).\n\nA second paragraph for question ${i}.`;
    questions.push({ id: `q${i}`, question: `How does feature number ${i} work?`, answer, category: `Category ${i % 20}` });
  }
  return JSON.stringify({ title: "Generated FAQ", lang: "en", questions });
}
const large = generatedFaq(10_000);

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** The answer markup as HTML: paragraphs, `- ` lists, [text](url) links (the same content). */
function markupHtml(source) {
  const inline = (text) =>
    escapeHtml(text).replace(/\[([^\][]+)\]\(([^)]*)\)/g, (_, label, href) => `<a href="${href.trim()}">${label}</a>`);
  return source
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
      if (lines.length && lines.every((l) => l.startsWith("- "))) {
        return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join("")}</ul>`;
      }
      return `<p>${inline(lines.join(" "))}</p>`;
    })
    .join("");
}
function staticPage(faqText) {
  const faq = JSON.parse(faqText);
  const items = faq.questions
    .map((q) => `<details><summary>${escapeHtml(q.question)}</summary>${markupHtml(q.answer)}</details>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static FAQ</title></head>
<body><main><h1>Host page</h1><section><h2>${escapeHtml(faq.title)}</h2>${faq.intro ? markupHtml(faq.intro) : ""}
${items}</section></main></body></html>`;
}
const widgetPage = (src, dir = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget FAQ</title></head>
<body><main><h1>Host page</h1><script src="${dir}/embed.js" data-src="${src}" data-cookie-notice="off" async></script></main></body></html>`;

// The widget pre-rendered into the page (`faq-widget render --prerender`), relative to this server.
const prerendered = execFileSync("cargo", ["run", "--quiet", "-p", "faq-widget-cli", "--", "render", "--prerender", "/", "--src", "/faq.json", "faq.json"], {
  cwd: ROOT,
  encoding: "utf8",
}).replace("<faq-widget ", '<faq-widget cookie-notice="off" ');
const prerenderedPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pre-rendered FAQ</title></head>
<body><main><h1>Host page</h1>${prerendered}</main></body></html>`;

const pages = {
  "/static.html": staticPage(bundled),
  "/prerendered.html": prerenderedPage,
  "/widget.html": widgetPage("/faq.json"),
  "/widget-10k.html": widgetPage("/faq-10k.json"),
  "/faq-10k.json": large,
  // The other build's files are served under /against/ (see the server).
  "/widget-against.html": widgetPage("/faq.json", "/against"),
};

// ---- server ----------------------------------------------------------------------------------

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  let body = pages[path];
  if (body === undefined) {
    const [dir, rest] = AGAINST && path.startsWith("/against/") ? [AGAINST, path.slice(8)] : [DIST, path];
    const file = normalize(join(dir, rest));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    body = readFileSync(file);
  }
  res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream", "cache-control": "no-store" });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const BASE = `http://127.0.0.1:${server.address().port}`;

// ---- browser ---------------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Runs in every page before its own scripts: marks when the first question is painted, and keeps
// the wasm instance so its memory can be read.
const probe = () => {
  const found = () => {
    if (document.querySelector("summary")) return true;
    const root = document.querySelector("faq-widget")?.shadowRoot;
    return Boolean(root && root.querySelector("button[aria-controls]"));
  };
  const painted = () =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (window.__painted = performance.now());
      channel.port2.postMessage(0);
    });
  let done = false;
  const watched = new WeakSet();
  const check = () => {
    const widget = document.querySelector("faq-widget")?.shadowRoot;
    // Interactive: the widget itself is on screen (a pre-rendered copy has been taken over).
    if (!window.__interactive && widget?.querySelector("[data-faq-widget]") && !widget.querySelector("[data-prerendered]"))
      window.__interactive = performance.now();
    if (done) return;
    const root = document.querySelector("faq-widget")?.shadowRoot;
    if (root && !watched.has(root)) {
      watched.add(root);
      new MutationObserver(check).observe(root, { childList: true, subtree: true });
    }
    if (found()) {
      done = true;
      painted();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  const keep = (result) => ((window.__wasm = result.instance || result), result);
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(keep);
  if (instantiateStreaming) WebAssembly.instantiateStreaming = (...args) => instantiateStreaming.apply(WebAssembly, args).then(keep);
};

async function load(path, { throttle = 1 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  if (throttle !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  await page.goto(BASE + path, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__painted, null, { timeout: TIMEOUT * throttle, polling: 50 });
  if (errors.length) throw new Error(`${path}: ${errors.join("; ")}`);
  const painted = await page.evaluate(() => window.__painted);
  return { context, page, cdp, painted };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function startTimes(throttle) {
  const times = { "/static.html": [], "/widget.html": [], "/prerendered.html": [] };
  if (AGAINST) times["/widget-against.html"] = [];
  const interactive = [];
  for (let i = 0; i < RUNS; i++) {
    for (const path of Object.keys(times)) {
      const { context, page, painted } = await load(path, { throttle });
      times[path].push(painted);
      if (path === "/prerendered.html") {
        await page.waitForFunction(() => window.__interactive, null, { timeout: TIMEOUT * throttle, polling: 50 });
        interactive.push(await page.evaluate(() => window.__interactive));
      }
      await context.close();
    }
  }
  return {
    floor: median(times["/static.html"]),
    widget: median(times["/widget.html"]),
    prerendered: median(times["/prerendered.html"]),
    against: AGAINST && median(times["/widget-against.html"]),
    interactive: median(interactive),
    times,
  };
}

async function memory(path) {
  const samples = [];
  for (let i = 0; i < MEMORY_RUNS; i++) {
    const { context, page, cdp } = await load(path);
    // Let effects and idle work settle: the search index is built 500 ms after the FAQ shows.
    await page.waitForTimeout(1000);
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => {
      const exports = window.__wasm?.exports || {};
      const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
      return memory ? memory.buffer.byteLength : 0;
    });
    samples.push({ js: heap.usedSize, wasm });
    await context.close();
  }
  return { js: median(samples.map((s) => s.js)), wasm: median(samples.map((s) => s.wasm)) };
}

/** Click one question of the 10,000 and wait for the frame after it opened. */
async function openTimes() {
  const { context, page } = await load("/widget-10k.html");
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const index = 5000 + i;
    const ms = await page.evaluate(
      (index) =>
        new Promise((resolve) => {
          const root = document.querySelector("faq-widget").shadowRoot;
          // Only the first page of questions is rendered (20, "Show more" adds more): one of those.
          const buttons = root.querySelectorAll("button[aria-controls]");
          const button = buttons[index % buttons.length];
          const start = performance.now();
          button.click();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () =>
              resolve(button.getAttribute("aria-expanded") === "true" ? performance.now() - start : -1);
            channel.port2.postMessage(0);
          });
        }),
      index,
    );
    if (ms < 0) throw new Error("a question did not open on click");
    times.push(ms);
  }
  await context.close();
  return median(times);
}

// ---- run -------------------------------------------------------------------------------------

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
console.log(`faq-widget start benchmark: ${RUNS} runs each, headless ${browser.version()}, ${cpus().length} CPU cores, ${BASE}`);

const results = {};
for (const throttle of MEMORY_ONLY ? [] : [1, 4]) {
  const r = await startTimes(throttle);
  results[throttle] = r;
  const label = throttle === 1 ? "no throttling" : `CPU throttled ${throttle}x`;
  console.log(`\nstart (${label}): navigation start -> questions painted, median of ${RUNS}`);
  console.log(`  static <details> page (floor)  ${fmt(r.floor).padStart(10)}   [${r.times["/static.html"].map((t) => t.toFixed(0)).join(" ")}]`);
  console.log(`  widget (one script tag)        ${fmt(r.widget).padStart(10)}   [${r.times["/widget.html"].map((t) => t.toFixed(0)).join(" ")}]`);
  console.log(`  ratio widget / floor           ${(r.widget / r.floor).toFixed(2).padStart(10)}   (goal <= 2.0)`);
  if (AGAINST) {
    console.log(`  widget, --against build        ${fmt(r.against).padStart(10)}   [${r.times["/widget-against.html"].map((t) => t.toFixed(0)).join(" ")}]`);
    console.log(`  ratio --against / floor        ${(r.against / r.floor).toFixed(2).padStart(10)}   (this build ${(r.widget - r.against >= 0 ? "+" : "") + fmt(r.widget - r.against)})`);
  }
  console.log(`  pre-rendered widget            ${fmt(r.prerendered).padStart(10)}   [${r.times["/prerendered.html"].map((t) => t.toFixed(0)).join(" ")}]`);
  console.log(`  ratio pre-rendered / floor     ${(r.prerendered / r.floor).toFixed(2).padStart(10)}   (goal <= 1.1)`);
  console.log(`  pre-rendered: interactive at   ${fmt(r.interactive).padStart(10)}   (the widget took the copy over)`);
}

console.log(`\nmemory after load (median of ${MEMORY_RUNS}; JS heap after a forced GC + wasm linear memory)`);
for (const [label, path] of [
  ["static page, bundled FAQ", "/static.html"],
  ["widget, bundled FAQ", "/widget.html"],
  ["widget, 10,000 questions", "/widget-10k.html"],
]) {
  const m = await memory(path);
  const total = m.js + m.wasm;
  const goal = path === "/widget.html" ? `   (goal <= 4 MB: ${total <= 4 * 1048576 ? "met" : "NOT met"})` : "";
  console.log(`  ${label.padEnd(26)} JS ${mb(m.js).padStart(9)} + wasm ${mb(m.wasm).padStart(9)} = ${mb(total).padStart(9)}${goal}`);
}

if (MEMORY_ONLY) {
  await browser.close();
  server.close();
  process.exit(0);
}
const { painted: large10k, context: c10k } = await load("/widget-10k.html");
await c10k.close();
console.log(`\n10,000 questions: start ${fmt(large10k)} (one run); opening one question: ${fmt(await openTimes())} (median of ${RUNS}, click -> painted)`);

await browser.close();
server.close();
