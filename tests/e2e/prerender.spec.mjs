// A page that carries the widget pre-rendered (`faq-widget render --prerender`): every question
// and answer is there before the wasm arrives and with scripts off; the widget takes the copy
// over without moving anything and keeps what the visitor already did.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, holdWasm, question, takenOver, watchConsole } from "./helpers.mjs";
import { GENERATED } from "./server.mjs";

test.describe.configure({ mode: "serial" });

const ROOT = new URL("../..", import.meta.url).pathname;
const PAGE = "/prerendered.html";

test.beforeAll(() => {
  const base = `http://127.0.0.1:${process.env.PAGE_PORT || 4301}/`;
  const rendered = execFileSync(
    "cargo",
    ["run", "--quiet", "-p", "faq-widget-cli", "--", "render", "--prerender", base, "faq.json"],
    { cwd: ROOT, encoding: "utf8" },
  );
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(
    join(GENERATED, PAGE.slice(1)),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pre-rendered FAQ</title><link rel="icon" href="data:,"></head>
<body><main><h1>Pre-rendered FAQ</h1>${rendered}<p id="after">Text after the widget.</p></main></body></html>`,
  );
});


test.describe("without script", () => {
  test.use({ javaScriptEnabled: false });

  test("every question and its answer show", async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toBeVisible();
    for (const item of bundledFaq.questions) {
      await expect(page.getByRole("heading", { level: 3, name: item.question, exact: true })).toBeVisible();
      const firstSentence = item.answer.split(/\n|\[/)[0].trim();
      await expect(page.getByText(firstSentence, { exact: false }).first()).toBeVisible();
    }
    // Controls that need the program are not offered. (axe-core needs script: it audits the
    // copy in the next test, before the widget takes over.)
    await expect(page.getByRole("searchbox")).toBeHidden();
  });
});

test("a question opened before the widget starts stays open; then everything works, nothing moves", async ({ page }) => {
  const console = watchConsole(page);
  // Hold the wasm back so the visitor uses the pre-rendered copy first.
  const release = await holdWasm(page);
  await page.goto(PAGE);
  const [first, second] = bundledFaq.questions;
  // Before the wasm: the copy is on screen, and its questions open (embed.js).
  await expect(question(page, first.question)).toBeVisible();
  expect(await takenOver(page)).toBe(false);
  await question(page, second.question).click();
  await expect(question(page, second.question)).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText(second.answer.split(/\n|\[/)[0].trim()).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await question(page, second.question).focus();
  // Past the 500 ms after the click during which shifts would count as the visitor's own.
  await page.waitForTimeout(600);

  release();
  await expect.poll(() => takenOver(page)).toBe(true);
  // Kept: the open question, and focus on it.
  await expect(question(page, second.question)).toHaveAttribute("aria-expanded", "true");
  await expect(question(page, second.question)).toBeFocused();
  await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toHaveCount(1);
  // Nothing moved when the widget took over.
  expect(await page.evaluate(() => window.__shift)).toBe(0);

  // The widget works: open, search, consent.
  await question(page, first.question).click();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("searchbox").fill("notice");
  await expect(page.getByRole("heading", { level: 3 }).getByRole("button")).toHaveCount(3);
  await expect(page.getByRole("status").filter({ hasText: "3 questions match “notice”" })).toHaveCount(1);
  const notice = page.getByRole("region", { name: "Cookie notice", exact: true });
  await notice.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(notice).toBeHidden();
  await page.getByRole("searchbox").fill("");

  expect(await page.evaluate(() => window.__shift)).toBe(0);
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("the program's downloads wait for the copy's own largest paint, even when its stylesheet is slow", async ({ page }) => {
  const console = watchConsole(page);
  // The copy's stylesheet late: the page paints its heading first, the copy well after.
  await page.route("**/faq-widget.css", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__paints = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__paints.push({ at: entry.startTime, inPage: !!entry.element });
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  await page.goto(PAGE);
  await expect.poll(() => takenOver(page)).toBe(true);
  const { paints, requests } = await page.evaluate(() => ({
    paints: window.__paints,
    requests: performance
      .getEntriesByType("resource")
      .filter((entry) => /_bg\.wasm$|\/faq\.json$/.test(entry.name))
      .map((entry) => entry.startTime),
  }));
  // The page's heading painted first; the copy's paint (an entry whose element the shadow root
  // keeps from the page) came later, and every download of the program after it.
  expect(paints[0].inPage).toBe(true);
  const copy = paints.find((paint) => !paint.inPage);
  expect(copy, JSON.stringify(paints)).toBeTruthy();
  expect(requests).toHaveLength(2);
  for (const start of requests) expect(start).toBeGreaterThan(copy.at);
  console.expectClean();
});
