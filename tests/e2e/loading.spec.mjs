import { expect, test } from "@playwright/test";
import { bundledFaq, question, watchConsole } from "./helpers.mjs";

// embed.js requests the glue, the wasm and the FAQ at once and hands the FAQ request to the
// widget (src/browser/fetch.rs), so the FAQ downloads while the wasm does, and only once.
test("the FAQ is requested once, together with the wasm, and shown", async ({ page }) => {
  const console = watchConsole(page);
  const events = [];
  page.on("request", (request) => events.push(`request ${new URL(request.url()).pathname}`));
  page.on("requestfinished", (request) => events.push(`finished ${new URL(request.url()).pathname}`));
  const failed = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (!response.ok() && path !== "/favicon.ico") failed.push(`${response.status()} ${path}`);
  });
  await page.goto("/host.html?src=/faq.json");
  await expect(question(page, bundledFaq.questions[0].question)).toBeVisible();
  expect(events.filter((event) => event === "request /faq.json")).toHaveLength(1);
  expect(failed).toEqual([]);
  // Both were asked for before the glue module had even arrived (the glue used to fetch the wasm).
  const glueDone = events.findIndex((event) => /^finished \/faq-widget-[0-9a-f]+\.js$/.test(event));
  const wasm = events.findIndex((event) => /^request \/faq-widget-[0-9a-f]+_bg\.wasm$/.test(event));
  expect(glueDone, events.join("\n")).toBeGreaterThan(-1);
  expect(wasm, events.join("\n")).toBeGreaterThan(-1);
  expect(wasm, events.join("\n")).toBeLessThan(glueDone);
  expect(events.indexOf("request /faq.json"), events.join("\n")).toBeLessThan(glueDone);
  // host.html has no icon, so the browser's own /favicon.ico request may 404; nothing else may fail.
  const ours = console.problems.filter((p) => !p.includes("Failed to load resource"));
  expect(ours, ours.join("\n")).toEqual([]);
});

test("after a failed prefetched request, Try again fetches the FAQ anew", async ({ page }) => {
  let calls = 0;
  await page.route(
    (url) => url.pathname === "/flaky-faq.json",
    (route) => (++calls === 1 ? route.fulfill({ status: 503, body: "busy" }) : route.fulfill({ path: "faq.json" })),
  );
  await page.goto("/host.html?src=/flaky-faq.json");
  await expect(page.getByRole("alert")).toContainText("HTTP 503");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(question(page, bundledFaq.questions[0].question)).toBeVisible();
  expect(calls).toBe(2);
});

test("a slow FAQ request: after data-timeout the message with Try again, then the FAQ when it comes", async ({ page }) => {
  const console = watchConsole(page);
  let answer;
  const late = new Promise((resolve) => (answer = resolve));
  await page.route(
    (url) => url.pathname === "/slow-faq.json",
    async (route) => {
      await late;
      await route.fulfill({ path: "faq.json" });
    },
  );
  await page.goto("/host.html?src=/slow-faq.json&timeout=2000");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("the server did not answer within 2 seconds", { timeout: 10_000 });
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  // The answer that was on its way still shows, by itself.
  answer();
  await expect(question(page, bundledFaq.questions[0].question)).toBeVisible();
  await expect(alert).toHaveCount(0);
  console.expectClean();
});
