// `faq-widget collect` and `faq-widget report` end to end: beacons posted to a real collector
// (started here on a port the OS picks), then the HTML report it makes: every chart has a name and
// its data in a table, nothing loads from the network, it reads the same without script, and it
// passes axe-core. The test server serves the page from target/e2e-generated/.
import { execFileSync, spawn } from "node:child_process";
import { request } from "node:http";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, watchConsole, startCollector } from "./helpers.mjs";
import { GENERATED } from "./server.mjs";

test.describe.configure({ mode: "serial" });

const ROOT = new URL("../..", import.meta.url).pathname;
const BIN = join(ROOT, "target/debug/faq-widget");
const ORIGIN = "https://www.example.org";
const REPORT = "feedback-report.html";

function post(port, batch) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(batch);
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "text/plain;charset=UTF-8", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const vote = (question, helpful) => ({ type: "vote", question, helpful, at: Date.now() });
const missed = (query) => ({ type: "missed", query, at: Date.now() });
const batch = (...events) => ({ v: 1, faq: `${ORIGIN}/faq.json`, events });

test.beforeAll(async () => {
  execFileSync("cargo", ["build", "--quiet", "-p", "faq-widget-cli", "--bin", "faq-widget"], { cwd: ROOT });
  mkdirSync(GENERATED, { recursive: true });
  const db = join(mkdtempSync(join(GENERATED, "feedback-")), "feedback.sqlite");
  const { child, port } = await startCollector(BIN, db, ORIGIN);
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    const statuses = [
      await post(port, batch(vote("shipping", false), vote("returns", true), missed("Refund for order 12345"))),
      await post(port, batch(vote("shipping", false), vote("shipping", true), missed("gift <b>card</b>"))),
      await post(port, batch(vote("returns", true), missed("refund for order 999"))),
    ];
    expect(statuses).toEqual([204, 204, 204]);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
  execFileSync(BIN, ["report", "--db", db, "--html", join(GENERATED, REPORT)], { cwd: ROOT });
});

async function expectReport(page) {
  await expect(page.getByRole("heading", { level: 1, name: "FAQ feedback report" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(3);
  for (const name of ["share of helpful votes per question", "most frequent searches", "votes and missed searches per day"]) {
    await expect(page.getByRole("img", { name: new RegExp(name) })).toBeVisible();
  }
  const votes = page.getByRole("table", { name: "Votes per question, worst first" });
  await expect(votes.getByRole("row")).toHaveCount(3);
  // The second beacon changed its mind on shipping: one vote per question per beacon, its last.
  await expect(votes.getByRole("row").nth(1)).toHaveText(/shipping\s*50%\s*1\s*1/);
  const searches = page.getByRole("table", { name: "Missed searches, most frequent first" });
  await expect(searches.getByRole("row").nth(1)).toHaveText(/refund for order \[number\]\s*2/);
  // Visitors' text is text, never markup.
  await expect(searches.getByRole("rowheader", { name: "gift <b>card</b>" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Feedback per day (UTC)" }).getByRole("row")).toHaveCount(2);
}

test("the feedback report names each chart, has its data in tables, loads nothing and passes axe-core", async ({ page }) => {
  const console = watchConsole(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`/${REPORT}`);
  await expectReport(page);
  expect(requests).toEqual([new URL(`/${REPORT}`, page.url()).href]);
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("the feedback report reads the same without script", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/${REPORT}`);
  await expectReport(page);
  await context.close();
});
