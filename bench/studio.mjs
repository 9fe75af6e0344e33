// Typing in the studio's text view with a 10,000-question faq.json (the release build, dist/studio/):
// per keystroke, from the input event to (1) the studio's handling done, (2) the checker's problems
// and the live preview updated. Prints p50/p95; asserts nothing.
//   trunk build --release && node bench/gen-faq.mjs && PAGE_PORT=4811 node bench/studio.mjs
//
// The keystrokes edit the first question's text, so every one changes the preview (its first
// question button). "Handled" is a bubbling window listener after the studio's own (the reducer
// and the render it runs); "updated" is the moment the preview shows the new text, polled every
// millisecond.
import { existsSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const PAGE_PORT = Number(process.env.PAGE_PORT || 4301);
process.env.CDN_PORT = process.env.CDN_PORT || String(PAGE_PORT + 1);
const { start } = await import("../tests/e2e/server.mjs");
const base = `http://127.0.0.1:${PAGE_PORT}`;
const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];
const KEYS = Number(process.env.KEYS || 40);

async function measure(browser, name, text) {
  const page = await browser.newPage();
  await page.goto(`${base}/studio/`);
  await page.getByLabel("Open a file").setInputFiles({ name: "faq.json", mimeType: "application/json", buffer: Buffer.from(text) });
  const firstQuestion = JSON.parse(text).questions[0].question;
  await page.getByRole("button", { name: firstQuestion, exact: true }).waitFor({ timeout: 120_000 });
  const area = page.getByLabel("faq.json as text");
  // The caret right after the first question's opening quote.
  const at = text.indexOf(`"question": ${JSON.stringify(firstQuestion)}`) + `"question": "`.length;
  if (at < `"question": "`.length) throw new Error("the first question is not written as \"question\": \"...\"");
  await area.evaluate((a, units) => {
    a.focus();
    a.setSelectionRange(units, units);
  }, [...text.slice(0, at)].reduce((n, c) => n + c.length, 0));
  await page.evaluate(() => {
    window.__bench = { t0: 0, done: 0 };
    window.addEventListener("input", (e) => (window.__bench.t0 = e.timeStamp), { capture: true });
    window.addEventListener("input", () => (window.__bench.done = performance.now()));
  });
  const handled = [];
  const updated = [];
  let typed = "";
  for (let i = 0; i < KEYS; i++) {
    const ch = "abcdefghij"[i % 10];
    typed += ch;
    await page.keyboard.type(ch);
    const end = await page.evaluate(
      (expected) =>
        new Promise((resolve) => {
          const poll = () => {
            const button = [...document.querySelectorAll(".preview-frame button")].find((b) => b.textContent.startsWith(expected));
            if (button) resolve(performance.now());
            else setTimeout(poll, 1);
          };
          poll();
        }),
      typed,
    );
    const { t0, done } = await page.evaluate(() => window.__bench);
    handled.push(done - t0);
    updated.push(end - t0);
  }
  handled.sort((a, b) => a - b);
  updated.sort((a, b) => a - b);
  console.log(
    `${name} (${(text.length / 1e6).toFixed(2)} MB, ${KEYS} keystrokes): input -> handled p50 ${pct(handled, 0.5).toFixed(1)} ms, p95 ${pct(handled, 0.95).toFixed(1)} ms; ` +
      `input -> problems and preview updated p50 ${pct(updated, 0.5).toFixed(1)} ms, p95 ${pct(updated, 0.95).toFixed(1)} ms, max ${updated.at(-1).toFixed(1)} ms`,
  );
  await page.close();
}

const servers = start();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  // BENCH_ONLY=10k or BENCH_ONLY=bundled runs one of the two.
  if (process.env.BENCH_ONLY !== "10k") await measure(browser, "bundled faq.json", readFileSync(new URL("../faq.json", import.meta.url), "utf8"));
  const big = new URL("../target/bench/faq-10k.json", import.meta.url);
  if (process.env.BENCH_ONLY === "bundled") console.log("generated 10k: skipped");
  // gen-faq.mjs writes one line; a file an owner edits (and the studio's download) is pretty printed.
  else if (existsSync(big)) await measure(browser, "generated 10k", JSON.stringify(JSON.parse(readFileSync(big, "utf8")), null, 2));
  else console.log("generated 10k: missing; run `node bench/gen-faq.mjs` first");
} finally {
  await browser.close();
  servers.page.close();
  servers.cdn.close();
}
