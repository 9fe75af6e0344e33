// A host that sends the wasm uncompressed is told (issue 32): embed.js compares the wasm's
// encoded and decoded sizes (Resource Timing) and logs one console warning with both sizes and
// where the deploy docs are; served compressed, or where the browser cannot know (a CDN without
// Timing-Allow-Origin), it says nothing.
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { bundledFaq, watchConsole } from "./helpers.mjs";
import { GENERATED, spawnServer } from "./server.mjs";

const DIST = new URL("../../dist", import.meta.url).pathname;
const WASM = readdirSync(DIST).find((name) => /^faq-widget-[0-9a-f]{16}_bg\.wasm$/.test(name));
const kb = (file) => Math.round(statSync(join(DIST, file)).size / 1e3);
const WARNING = /^faq-widget: its wasm came uncompressed \((\d+) KB; (\d+) KB as its \.br file\): (https:\/\/\S+)$/;

/** A host page with two widgets (one wasm for both), embed.js from `origin`; `name`: its own
 *  file, since the tests run in parallel. */
function twoWidgets(name, origin) {
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(
    join(GENERATED, `compression-${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title><link rel="icon" href="data:,">
<script src="${origin}/embed.js" async></script></head>
<body><main><h1>Host page</h1><faq-widget src="/faq.json"></faq-widget><faq-widget src="/faq.json"></faq-widget></main></body></html>`,
  );
  return `/compression-${name}.html`;
}

/** Opens `url`, waits until both widgets are ready, returns the widget's console warnings. */
async function warningsOn(page, url) {
  const console = watchConsole(page);
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && /faq-widget/.test(message.text()) && warnings.push(message.text()));
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toHaveCount(2);
  // The warning follows the wasm's instantiation, before the first widget renders; a moment for
  // a second one that must not come.
  await page.waitForTimeout(300);
  console.expectClean();
  return warnings;
}

test.describe("served uncompressed", () => {
  let server;
  test.beforeAll(async () => {
    server = await spawnServer({ FAQ_COMPRESS: "off" });
  });
  test.afterAll(async () => server?.stop());

  test("one warning for two widgets, with the wasm's size as sent and as its .br, and the deploy docs", async ({ page }) => {
    const warnings = await warningsOn(page, server.origin + twoWidgets("plain", server.origin));
    expect(warnings).toHaveLength(1);
    const [, sent, br, link] = WARNING.exec(warnings[0]) ?? [];
    expect(warnings[0]).toMatch(WARNING);
    expect(Number(sent)).toBe(kb(WASM));
    expect(Number(br)).toBe(kb(`${WASM}.br`));
    expect(Number(sent)).toBeGreaterThan(2 * Number(br));
    expect(link).toContain("faq-widget");
  });

  test("from another origin without Timing-Allow-Origin the browser gives no sizes: nothing is said", async ({ page }) => {
    expect(await warningsOn(page, server.origin + twoWidgets("plain-cdn", server.cdn))).toEqual([]);
  });
});

test("served compressed (brotli, as deployed): no warning", async ({ page }) => {
  const responses = [];
  page.on("response", (response) => response.url().endsWith(WASM) && responses.push(response));
  expect(await warningsOn(page, twoWidgets("brotli", ""))).toEqual([]);
  expect(responses).toHaveLength(1);
  expect((await responses[0].allHeaders())["content-encoding"]).toBe("br");
});
