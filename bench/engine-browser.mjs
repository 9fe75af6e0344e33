// The engines alone, side by side in headless Chromium: our engine (compiled to wasm with the
// shipping release profile, examples/search_wasm.rs), Fuse.js and MiniSearch, on the same corpora
// (bundled faq.json, generated 10k) and the same keystrokes (every prefix of every relevance-set
// query). Index build and per-keystroke search time; prints numbers, asserts nothing.
//   node bench/gen-faq.mjs
//   cargo build --release --target wasm32-unknown-unknown --example search_wasm
//   wasm-bindgen --target web --out-dir target/bench/wasm target/wasm32-unknown-unknown/release/examples/search_wasm.wasm
//   node bench/engine-browser.mjs
// The page is cross-origin isolated so performance.now() has 5 µs resolution; the mean (a whole
// pass timed at once) is exact, the per-keystroke median and p95 are to that resolution.
import { existsSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { keystrokes } from "./queries.mjs";

const root = new URL("..", import.meta.url);
const files = {
  "/index.html": ["text/html", `<!doctype html><html lang="en"><head><title>engines</title>
<script type="importmap">{"imports": {"fuse.js": "/fuse.mjs", "minisearch": "/minisearch.mjs"}}</script>
</head><body></body></html>`],
  "/fuse.mjs": ["text/javascript", "node_modules/fuse.js/dist/fuse.mjs"],
  "/minisearch.mjs": ["text/javascript", "node_modules/minisearch/dist/es/index.js"],
  "/engines.mjs": ["text/javascript", "bench/engines.mjs"],
  "/wasm/search_wasm.js": ["text/javascript", "target/bench/wasm/search_wasm.js"],
  "/wasm/search_wasm_bg.wasm": ["application/wasm", "target/bench/wasm/search_wasm_bg.wasm"],
  "/faq.json": ["application/json", "faq.json"],
  "/faq-10k.json": ["application/json", "target/bench/faq-10k.json"],
};
for (const [path, [, file]] of Object.entries(files)) {
  if (path !== "/index.html" && !existsSync(new URL(file, root))) {
    console.error(`missing ${file}: see the commands at the top of bench/engine-browser.mjs`);
    process.exit(1);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage();
page.on("crash", () => console.error("page crashed"));
page.on("console", (m) => console.log(m.text()));
await page.route("http://bench.localhost/**", (route) => {
  const path = new URL(route.request().url()).pathname;
  const [type, source] = files[path] || [];
  if (!type) return route.fulfill({ status: 404, body: "" });
  route.fulfill({
    status: 200,
    contentType: type,
    body: path === "/index.html" ? source : readFileSync(new URL(source, root)),
    headers: { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" },
  });
});
await page.goto("http://bench.localhost/index.html");

await page.evaluate(async (keystrokes) => {
  const { documents, engines } = await import("/engines.mjs");
  const wasm = await import("/wasm/search_wasm.js");
  await wasm.default({ module_or_path: "/wasm/search_wasm_bg.wasm" });
  const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];
  // Each line is printed as soon as it is measured (a crash keeps what came before).
  const out = { push: (line) => console.log(line) };
  out.push(`crossOriginIsolated: ${self.crossOriginIsolated}`);
  for (const [corpus, url, builds, passes, budget] of [
    ["bundled faq.json", "/faq.json", 20, 10, 20000],
    ["generated 10k", "/faq-10k.json", 3, 1, 30000],
  ]) {
    const text = await (await fetch(url)).text();
    const faq = JSON.parse(text);
    const docs = documents(faq);
    const all = {
      "ours (wasm, release profile)": () => {
        const t = performance.now();
        wasm.Engine.load(text);
        out.push(`${corpus} | faq::load (read + validate the JSON, before any search) ${(performance.now() - t).toFixed(0)} ms`);
        const engine = new wasm.Engine(text);
        return { search: (q) => engine.search(q), rebuild: () => engine.rebuild() };
      },
      ...Object.fromEntries(
        Object.entries(engines).map(([name, make]) => [name, () => {
          const search = make(docs);
          return { search, rebuild: () => make(docs) };
        }]),
      ),
    };
    for (const [name, make] of Object.entries(all)) {
      // Fuse.js with ignoreLocation takes seconds per search at 10k and has crashed the tab here.
      if (name.includes("ignoreLocation") && corpus !== "bundled faq.json") continue;
      const engine = make();
      // Build time: the index alone, from the loaded FAQ (ours) or the documents (JS).
      const buildTimes = [];
      for (let i = 0; i < builds; i++) {
        const t = performance.now();
        engine.rebuild();
        buildTimes.push(performance.now() - t);
      }
      buildTimes.sort((a, b) => a - b);
      for (const k of keystrokes.slice(0, 100)) engine.search(k);
      const times = [];
      let total = 0;
      let count = 0;
      const start = performance.now();
      outer: for (let p = 0; p < passes; p++) {
        const passStart = performance.now();
        let n = 0;
        for (const k of keystrokes) {
          const t = performance.now();
          engine.search(k);
          times.push(performance.now() - t);
          n++;
          if (performance.now() - start > budget) {
            total += performance.now() - passStart;
            count += n;
            break outer;
          }
        }
        total += performance.now() - passStart;
        count += n;
      }
      times.sort((a, b) => a - b);
      const f = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
      if (name.includes("ignoreLocation") && corpus !== "bundled faq.json") continue;
      out.push(
        `${corpus} | ${name} | build ${f(pct(buildTimes, 0.5))} | per keystroke mean ${f(total / count)}, median ${f(pct(times, 0.5))}, p95 ${f(pct(times, 0.95))} (${count} searches)`,
      );
    }
  }
}, keystrokes);
await browser.close();
