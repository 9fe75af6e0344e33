#!/usr/bin/env node
// Single-page-app benchmark (issue 22; prints numbers, never fails on them): a host page loads
// embed.js once, then replaces a view that holds a <faq-widget> again and again, as a router does.
// After 1, 10 and 100 views it prints the listeners on window and document, the JS heap after a
// forced GC (CDP) and the wasm memory (the instance's exported memory).
//
//   trunk build --release && node bench/spa.mjs
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const ROOT = new URL("..", import.meta.url).pathname;
const DIST = join(ROOT, "dist");
if (!existsSync(join(DIST, "embed.js"))) {
  console.error("bench: no dist/embed.js; run `trunk build --release` first.");
  process.exit(1);
}
const CHECKPOINTS = [1, 10, 100];

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA host</title>
<script src="/embed.js" async></script></head><body><main><h1>SPA host</h1><div id="slot"></div></main></body></html>`;
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  let body = path === "/spa.html" ? page : undefined;
  if (body === undefined) {
    const file = normalize(join(DIST, path));
    if (!file.startsWith(DIST) || !existsSync(file)) return res.writeHead(404).end();
    body = readFileSync(file);
  }
  res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream", "cache-control": "no-store" });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const BASE = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    window.__ready = 0;
    document.addEventListener("faq-widget:ready", () => window.__ready++);
  });
  await tab.goto(`${BASE}/spa.html`);
  const cdp = await context.newCDPSession(tab);
  const listeners = async (expression) => {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
    return listeners.length;
  };
  const glue = `${BASE}/${readFileSync(join(DIST, "embed.js"), "utf8").match(/faq-widget-[0-9a-f]{16}\.js/)[0]}`;
  const rows = [];
  for (let view = 1; view <= CHECKPOINTS.at(-1); view++) {
    await tab.evaluate((n) => {
      const section = document.createElement("section");
      const widget = document.createElement("faq-widget");
      widget.setAttribute("src", "/faq.json");
      section.append(`View ${n}`, widget);
      document.getElementById("slot").replaceChildren(section);
    }, view);
    await tab.waitForFunction((n) => window.__ready === n, view, { timeout: 30_000 });
    if (!CHECKPOINTS.includes(view)) continue;
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const wasm = await tab.evaluate(async (url) => Object.values(await (await import(url)).default()).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength, glue);
    rows.push({ view, window: await listeners("window"), document: await listeners("document"), heap: usedSize, wasm });
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log("views  listeners(window)  listeners(document)  JS heap KB  wasm memory KB");
  for (const r of rows) {
    console.log(`${String(r.view).padStart(5)}  ${String(r.window).padStart(17)}  ${String(r.document).padStart(19)}  ${kb(r.heap).padStart(10)}  ${kb(r.wasm).padStart(14)}`);
  }
  const [a, , c] = rows;
  console.log(`per view, views 1 -> ${c.view}: JS heap ${((c.heap - a.heap) / (c.view - a.view) / 1024).toFixed(2)} KB, wasm memory ${((c.wasm - a.wasm) / (c.view - a.view) / 1024).toFixed(2)} KB`);
} finally {
  await browser.close();
  server.close();
}
