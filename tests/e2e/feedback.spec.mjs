// "Was this helpful?" and missed searches (issue 16, the widget's side): the buttons and their
// pressed state, the host events, and the beacons to data-report, which reach a real
// `faq-widget collect` (started here on a port the OS picks) only after the visitor accepted the
// cookie notice, and never after Reject; `faq-widget report` then shows what arrived. The sender
// is a module of its own (reporter/), downloaded only after Accept on a page with data-report.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, question, watchConsole, startCollector } from "./helpers.mjs";
import { GENERATED, PAGE_PORT } from "./server.mjs";

test.describe.configure({ mode: "serial" });

const ROOT = new URL("../..", import.meta.url).pathname;
const BIN = join(ROOT, "target/debug/faq-widget");
const ORIGIN = `http://127.0.0.1:${PAGE_PORT}`;
// The widget sends what waits this long after the last event (src/feedback_state.rs, IDLE_MS).
const IDLE_MS = 3_000;
const first = bundledFaq.questions[0];

const helpful = (page) => page.getByRole("group", { name: "Was this helpful?" });
const yes = (page) => helpful(page).getByRole("button", { name: "Yes", exact: true });
const no = (page) => helpful(page).getByRole("button", { name: "No", exact: true });
const notice = (page) => page.getByRole("region", { name: "Cookie notice", exact: true });
const searchbox = (page) => page.getByRole("searchbox", { name: "Search the questions" });

let collector;
let db;

const report = () => execFileSync(BIN, ["report", "--db", db, "--since", "all"], { cwd: ROOT, encoding: "utf8" });
const beacons = () => Number(/(\d+) beacons?/.exec(report())?.[1] ?? 0);

test.beforeAll(async () => {
  test.setTimeout(300_000); // the first `cargo build` of the tool, or one waiting for a lock
  execFileSync("cargo", ["build", "--quiet", "-p", "faq-widget-cli", "--bin", "faq-widget"], { cwd: ROOT });
  mkdirSync(GENERATED, { recursive: true });
  db = join(mkdtempSync(join(GENERATED, "widget-feedback-")), "feedback.sqlite");
  // With the bundled FAQ as the one it serves: the widget's votes name questions that exist.
  collector = await startCollector(BIN, db, ORIGIN, ["--faq", join(ROOT, "faq.json")]);
});

test.afterAll(async () => {
  if (!collector) return;
  collector.child.kill("SIGTERM");
  await collector.exited;
});

/** Every faq-widget:feedback and faq-widget:search detail, in `window.__events`. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["faq-widget:feedback", "faq-widget:search"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, ...e.detail }));
    }
  });
}
const events = (page, type) =>
  page.evaluate((type) => window.__events.filter((e) => e.type === type).map(({ type, ...detail }) => detail), type);

/** Requests to the collector, counted in the browser (the collector's count is checked too). */
function countBeacons(page) {
  const sent = [];
  page.on("request", (request) => {
    if (request.url().startsWith(`http://127.0.0.1:${collector.port}/`)) sent.push(request.postData());
  });
  return sent;
}

/** Requests for the report sender's own module (reporter/: its glue and wasm), which embed.js
 *  loads only after a visitor accepts on a page with data-report. */
function countSenderDownloads(page) {
  const loaded = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.split("/").pop();
    if (name.startsWith("faq-widget-reporter")) loaded.push(name.endsWith(".js") ? "glue" : name.endsWith(".wasm") ? "wasm" : name);
  });
  return loaded;
}

/** Gives the widget every chance to send: the idle time passes, and the page says it is hidden. */
async function everyChanceToSend(page) {
  await page.waitForTimeout(IDLE_MS + 500);
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await page.waitForTimeout(300);
}

/** Opens the first question unless it is open already. */
async function openFirst(page) {
  const button = question(page, first.question);
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect(helpful(page)).toBeVisible();
}

async function missedSearch(page, query) {
  await searchbox(page).fill(query);
  await expect(page.getByText(`No questions match “${query}”.`)).toBeVisible();
  await expect.poll(async () => (await events(page, "faq-widget:search")).at(-1)).toEqual({
    query,
    results: 0,
    missed: true,
  });
  await searchbox(page).fill("");
}

test("votes: events and pressed state; beacons only after Accept, redacted, none after Reject; report shows them", async ({ page }) => {
  const console = watchConsole(page);
  await recordEvents(page);
  const sent = countBeacons(page);
  const senderLoaded = countSenderDownloads(page);
  await page.goto(`/host.html?report=${encodeURIComponent(`http://127.0.0.1:${collector.port}/beacon`)}`);
  await question(page, first.question).click();
  await expect(helpful(page)).toBeVisible();
  await expect(yes(page)).toHaveAttribute("aria-pressed", "false");
  await expect(no(page)).toHaveAttribute("aria-pressed", "false");

  // Before any consent: Yes, then No. The buttons and events work; nothing leaves.
  await yes(page).click();
  await expect(yes(page)).toHaveAttribute("aria-pressed", "true");
  await expect(no(page)).toHaveAttribute("aria-pressed", "false");
  await expect(helpful(page).getByText("Thanks for your feedback.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Thanks for your feedback." })).toHaveCount(1);
  await no(page).click();
  await expect(no(page)).toHaveAttribute("aria-pressed", "true");
  await expect(yes(page)).toHaveAttribute("aria-pressed", "false");
  // Pressing the pressed one again changes nothing.
  await no(page).click();
  expect(await events(page, "faq-widget:feedback")).toEqual([
    { id: first.id, helpful: true },
    { id: first.id, helpful: false },
  ]);
  await missedSearch(page, "zyxwv qqvb before 1234");
  await everyChanceToSend(page);
  expect(sent).toEqual([]);
  expect(beacons()).toBe(0);
  // Nor is the sender downloaded before the visitor accepts.
  expect(senderLoaded).toEqual([]);

  // Accept: from now on, votes and missed searches go to the collector.
  await notice(page).getByRole("button", { name: "Accept", exact: true }).click();
  await expect.poll(() => [...senderLoaded].sort()).toEqual(["glue", "wasm"]);
  await openFirst(page);
  await expect(no(page)).toHaveAttribute("aria-pressed", "true"); // the vote stays for the page view
  await yes(page).click();
  await missedSearch(page, "Zyxwv Qqvb 4411-2233 zq@xq.zz");
  await expect.poll(beacons, { timeout: 10_000 }).toBe(1);
  expect(sent).toHaveLength(1);
  expect(JSON.parse(sent[0])).toEqual({
    v: 1,
    faq: `${ORIGIN}/faq.json`,
    events: [
      { type: "vote", question: first.id, helpful: true, at: expect.any(Number) },
      { type: "missed", query: "zyxwv qqvb [number] [email]", at: expect.any(Number) },
    ],
  });

  // Reject: nothing more leaves, whatever the visitor does.
  await page.getByRole("button", { name: "Cookie settings" }).click();
  await notice(page).getByRole("button", { name: "Reject", exact: true }).click();
  await openFirst(page);
  await no(page).click();
  await missedSearch(page, "zyxwv qqvb rejected");
  await everyChanceToSend(page);
  expect(sent).toHaveLength(1);
  expect(beacons()).toBe(1);

  const text = report();
  expect(text).toMatch(new RegExp(`${first.id}\\s+100%\\s+1\\s+0`));
  expect(text).toMatch(/1\s+zyxwv qqvb \[number\] \[email\]/);
  expect(text).not.toContain("before");
  expect(text).not.toContain("rejected");
  // One download of the sender for the page view.
  expect([...senderLoaded].sort()).toEqual(["glue", "wasm"]);
  console.expectClean();
});

test("a returning visitor who accepted: the sender loads with the widget and the first vote is sent", async ({ page }) => {
  const console = watchConsole(page);
  const report = encodeURIComponent(`http://127.0.0.1:${collector.port}/beacon`);
  const firstVisit = countSenderDownloads(page);
  await page.goto(`/host.html?report=${report}`);
  await notice(page).getByRole("button", { name: "Accept", exact: true }).click();
  // The first visit's Accept loads the sender: let it finish before counting the second visit.
  await expect.poll(() => [...firstVisit].sort()).toEqual(["glue", "wasm"]);
  const sent = countBeacons(page);
  const senderLoaded = countSenderDownloads(page);
  const before = beacons();
  await page.goto(`/host.html?report=${report}`);
  await expect(question(page, first.question)).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
  await expect.poll(() => [...senderLoaded].sort()).toEqual(["glue", "wasm"]);
  await openFirst(page);
  await no(page).click();
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect.poll(beacons, { timeout: 10_000 }).toBe(before + 1);
  expect(sent).toHaveLength(1);
  expect(JSON.parse(sent[0]).events).toEqual([{ type: "vote", question: first.id, helpful: false, at: expect.any(Number) }]);
  console.expectClean();
});

test("two widgets with data-report: one Accept covers both, one download of the sender, a beacon each", async ({ page }) => {
  const console = watchConsole(page);
  const sent = countBeacons(page);
  const senderLoaded = countSenderDownloads(page);
  const report = `http://127.0.0.1:${collector.port}/beacon`;
  // Served by the test server, not page.route: Chromium lets only a page with a loopback address
  // send to the loopback collector (Local Network Access), as host.html does.
  writeFileSync(join(GENERATED, "second-faq.json"), JSON.stringify({ ...bundledFaq, title: "Second FAQ" }));
  writeFileSync(
    join(GENERATED, "two-reporting-widgets.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title>
<script src="/embed.js" async></script></head><body><main><h1>Two widgets</h1>
<faq-widget id="a" src="/faq.json" report="${report}"></faq-widget>
<faq-widget id="b" src="/second-faq.json" report="${report}"></faq-widget></main></body></html>`,
  );
  await page.goto("/two-reporting-widgets.html");
  const a = page.locator("#a");
  const b = page.locator("#b");
  await expect(b.getByRole("heading", { name: "Second FAQ" })).toBeVisible();
  await a.getByRole("region", { name: "Cookie notice", exact: true }).getByRole("button", { name: "Accept", exact: true }).click();
  await expect(b.getByRole("region", { name: "Cookie notice", exact: true })).toHaveCount(0);
  for (const [widget, answer] of [
    [a, "Yes"],
    [b, "No"],
  ]) {
    await widget.getByRole("button", { name: first.question, exact: true }).click();
    await widget.getByRole("group", { name: "Was this helpful?" }).getByRole("button", { name: answer, exact: true }).click();
  }
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(2);
  const batches = sent.map((body) => JSON.parse(body)).sort((x, y) => x.faq.localeCompare(y.faq));
  expect(batches.map((batch) => [batch.faq, batch.events.map((e) => `${e.type} ${e.question} ${e.helpful}`)])).toEqual([
    [`${ORIGIN}/faq.json`, [`vote ${first.id} true`]],
    [`${ORIGIN}/second-faq.json`, [`vote ${first.id} false`]],
  ]);
  expect([...senderLoaded].sort()).toEqual(["glue", "wasm"]);
  console.expectClean();
});

test("without data-report the sender is never downloaded, even after Accept", async ({ page }) => {
  const senderLoaded = countSenderDownloads(page);
  await page.goto("/host.html");
  await notice(page).getByRole("button", { name: "Accept", exact: true }).click();
  await openFirst(page);
  await yes(page).click();
  await expect(yes(page)).toHaveAttribute("aria-pressed", "true");
  await page.waitForTimeout(500);
  expect(senderLoaded).toEqual([]);
});

test("a sender that cannot load costs the visitor nothing: the widget keeps working, with a warning", async ({ page }) => {
  const console = watchConsole(page);
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  await recordEvents(page);
  await page.route(/faq-widget-reporter/, (route) => route.abort("connectionrefused"));
  await page.goto(`/host.html?report=${encodeURIComponent(`http://127.0.0.1:${collector.port}/beacon`)}`);
  await notice(page).getByRole("button", { name: "Accept", exact: true }).click();
  await openFirst(page);
  await yes(page).click();
  await expect(yes(page)).toHaveAttribute("aria-pressed", "true");
  await expect(helpful(page).getByText("Thanks for your feedback.")).toBeVisible();
  await missedSearch(page, "zyxwv unreachable");
  await expect.poll(() => warnings.some((w) => w.startsWith("faq-widget: "))).toBe(true);
  await question(page, bundledFaq.questions[1].question).click();
  await expect(question(page, bundledFaq.questions[1].question)).toHaveAttribute("aria-expanded", "true");
  // The browser's own line for the refused request is the only error: no exception, nothing else.
  expect(console.problems.filter((p) => !p.includes("Failed to load resource"))).toEqual([]);
});

test("without a cookie notice nothing is sent (no consent is known)", async ({ page }) => {
  await recordEvents(page);
  const sent = countBeacons(page);
  const senderLoaded = countSenderDownloads(page);
  const before = beacons();
  await page.goto(
    `/host.html?cookie-notice=off&report=${encodeURIComponent(`http://127.0.0.1:${collector.port}/beacon`)}`,
  );
  await question(page, first.question).click();
  await yes(page).click();
  await expect(yes(page)).toHaveAttribute("aria-pressed", "true");
  await missedSearch(page, "zyxwv qqvb quiet");
  await everyChanceToSend(page);
  expect(sent).toEqual([]);
  expect(beacons()).toBe(before);
  expect(senderLoaded).toEqual([]);
});

test("the feedback buttons pass axe-core, and their labels and the thanks are reachable", async ({ page }) => {
  await page.goto("/host.html");
  await question(page, first.question).click();
  await expectNoAxeViolations(page);
  await yes(page).focus();
  await page.keyboard.press("Enter");
  await expect(yes(page)).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Tab");
  await expect(no(page)).toBeFocused();
  await expectNoAxeViolations(page);
});

test('data-feedback="off" and feedback="off" on the element: no buttons', async ({ page }) => {
  await page.goto("/host.html?feedback=off");
  await question(page, first.question).click();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "Copy link to this question" })).toBeVisible();
  await expect(helpful(page)).toHaveCount(0);

  await page.route("**/two-widgets.html", (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title>
<script src="/embed.js" async></script></head><body><main><h1>Two widgets</h1>
<faq-widget id="off" feedback="off"></faq-widget><faq-widget id="on"></faq-widget></main></body></html>`,
    }),
  );
  await page.goto("/two-widgets.html");
  for (const id of ["off", "on"]) {
    await page.locator(`#${id}`).getByRole("button", { name: first.question, exact: true }).click();
    await expect(page.locator(`#${id}`).getByRole("button", { name: "Copy link to this question" })).toBeVisible();
  }
  await expect(page.locator("#on").getByRole("group", { name: "Was this helpful?" })).toBeVisible();
  await expect(page.locator("#off").getByRole("group", { name: "Was this helpful?" })).toHaveCount(0);
});

test('"feedback": false in faq.json: no buttons, whatever the page says', async ({ page }) => {
  await page.route("**/faq.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...bundledFaq, feedback: false }) }),
  );
  await page.goto("/host.html");
  await question(page, first.question).click();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "Copy link to this question" })).toBeVisible();
  await expect(helpful(page)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
