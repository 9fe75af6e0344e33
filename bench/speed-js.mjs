// Fuse.js and MiniSearch speed on the same corpora and keystrokes as benches/search.rs:
// index build, and search time per keystroke (median, p95). Prints numbers; asserts nothing.
//   node bench/gen-faq.mjs && node bench/speed-js.mjs
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { documents, engines } from "./engines.mjs";
import { keystrokes, loadFaq } from "./queries.mjs";

const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

function run(name, faq, rounds, budgetMs) {
  const docs = documents(faq);
  for (const [engine, make] of Object.entries(engines)) {
    const builds = [];
    let search;
    for (let i = 0; i < Math.max(1, Math.min(rounds, 20)); i++) {
      const t = performance.now();
      search = make(docs);
      builds.push(performance.now() - t);
    }
    builds.sort((a, b) => a - b);
    // Warm up the JIT, then measure; stop early on a time budget (Fuse.js at 10k is slow).
    for (const k of keystrokes.slice(0, 50)) search(k);
    const times = [];
    const start = performance.now();
    outer: for (let r = 0; r < rounds; r++) {
      for (const k of keystrokes) {
        const t = performance.now();
        search(k);
        times.push(performance.now() - t);
        if (performance.now() - start > budgetMs) break outer;
      }
    }
    times.sort((a, b) => a - b);
    console.log(
      `${name} | ${engine} | build ${fmt(pct(builds, 0.5))} | per keystroke median ${fmt(pct(times, 0.5))}, p95 ${fmt(pct(times, 0.95))} (${times.length} searches)`,
    );
  }
}

run("bundled faq.json", loadFaq("faq.json"), 20, 30_000);
if (existsSync(new URL("../target/bench/faq-10k.json", import.meta.url))) {
  run("generated 10k", loadFaq("target/bench/faq-10k.json"), 1, 60_000);
} else {
  console.log("generated 10k: missing; run `node bench/gen-faq.mjs` first");
}
