import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, question, watchConsole } from "./helpers.mjs";

async function expectAlert(page, src, ...sentences) {
  const console = watchConsole(page);
  await page.goto(`/host.html?src=${encodeURIComponent(src)}`);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The FAQ could not be shown.");
  for (const sentence of sentences) await expect(alert).toContainText(sentence);
  // The page around the widget is untouched.
  await expect(page.locator("#before")).toHaveText("Text before the widget.");
  await expect(page.locator("#after")).toHaveText("Text after the widget.");
  // A 404 is logged by the browser itself as a failed resource; nothing else may be.
  const ours = console.problems.filter((p) => !p.includes("Failed to load resource"));
  expect(ours, ours.join("\n")).toEqual([]);
  await expectNoAxeViolations(page);
}

test("a missing faq.json shows a clear alert", async ({ page }) => {
  await expectAlert(page, "/missing.json", "the FAQ file was not found (HTTP 404)");
});

test("text that is not JSON shows a clear alert", async ({ page }) => {
  await expectAlert(page, "/not-json.json", "This is not valid JSON", "line 1, column 1");
});

test("a contract violation names the question and the field", async ({ page }) => {
  await expectAlert(page, "/contract-violation.json", 'Question 3: "answer" is missing.');
});

test("an unreachable server shows a clear alert with a retry", async ({ page }) => {
  const faqUrl = (url) => url.pathname === "/offline-faq.json";
  await page.route(faqUrl, (route) => route.abort("internetdisconnected"));
  await page.goto("/host.html?src=/offline-faq.json");
  // Never loaded on this device, so no saved copy to fall back on (offline.spec.mjs has the rest).
  await expect(page.getByRole("alert")).toContainText("You are offline and this FAQ has not been saved on this device yet.");
  await page.unroute(faqUrl);
  await page.route(faqUrl, (route) => route.fulfill({ path: "faq.json" }));
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Frequently asked questions" })).toBeVisible();
});

test("XSS attempts in content and links stay inert text", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/host.html?src=/hostile.json");
  const button = question(page, "<script>window.__pwned=1</script> Is this safe?");
  await expect(button).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText('Hostile <img src=x onerror="window.__pwned=1">');
  await button.click();
  await expect(page.getByText("Bold? <b>no</b>. Image: <img src=x")).toBeVisible();
  await expect(page.getByRole("link", { name: "safe" })).toHaveAttribute("href", "https://example.org/");
  await expect(page.getByRole("link", { name: "here" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "there" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Evil link" })).toHaveCount(0);
  await expect(page.getByText("Evil link")).toBeVisible();
  // Nothing ran, and no element was created from the content.
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  const injected = await page.locator("faq-widget").evaluate((host) => host.shadowRoot.querySelectorAll("script, img, b, iframe").length);
  expect(injected).toBe(0);
  await page.waitForTimeout(200); // an onerror handler would have fired by now
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  console.expectClean();
});
