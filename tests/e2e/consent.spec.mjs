import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, question, watchConsole } from "./helpers.mjs";

// The cookie notice (issue 4). The demo page (/index.html) embeds the bundled faq.json, whose
// notice has revision 1; fixtures/consent-revision-2.json has revision 2.
const KEY = "faq-widget:consent";
const DAY = 24 * 60 * 60 * 1000;
const first = bundledFaq.questions[0];

const notice = (page) => page.getByRole("region", { name: "Cookie notice", exact: true });
const settings = (page) => page.getByRole("button", { name: "Cookie settings" });
const accept = (page) => notice(page).getByRole("button", { name: "Accept", exact: true });
const reject = (page) => notice(page).getByRole("button", { name: "Reject", exact: true });
const announced = (page, text) => page.getByRole("status").filter({ hasText: text });

/** Every faq-widget:consent event the page receives, in `window.__consent` (reset per load). */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__consent = [];
    document.addEventListener("faq-widget:consent", (e) => window.__consent.push({ ...e.detail }));
  });
}
const events = (page) => page.evaluate(() => window.__consent);
const storage = (page) => page.evaluate(() => ({ ...localStorage }));

/** Storage that throws like Safari's private mode or a sandboxed frame. */
async function blockStorage(page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
}

/** Serves `body` as an HTML page on the test origin (same origin as dist/, so embed.js loads). */
async function servePage(page, path, body) {
  await page.route(`**${path}`, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body }),
  );
}
const hostPage = (scripts) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Host page</title></head><body><main><h1>Host page</h1>${scripts}</main></body></html>`;

async function openDemo(page) {
  await page.goto("/index.html");
  await expect(question(page, first.question)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

test("shown on first visit, in the widget, with the text, the link and both choices", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page);
  await expect(notice(page)).toBeVisible();
  await expect(notice(page)).toContainText(bundledFaq.cookie_notice.text);
  await expect(notice(page).getByRole("link", { name: "Tell me more" })).toHaveAttribute(
    "href",
    bundledFaq.cookie_notice.more.href,
  );
  await expect(accept(page)).toBeVisible();
  await expect(reject(page)).toBeVisible();
  await expect(settings(page)).toHaveAttribute("aria-expanded", "true");
  // Not an overlay: it sits in the page flow, and the FAQ is usable around it.
  expect(await notice(page).evaluate((el) => getComputedStyle(el).position)).toBe("static");
  await question(page, first.question).click();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
  expect(await events(page)).toEqual([]);
  console.expectClean();
});

test("keyboard: reachable with Tab, and focus lands on Cookie settings after a choice", async ({ page }) => {
  await openDemo(page);
  // The demo page's own link (above the widget) comes first; the widget's controls next.
  await page.locator("body").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "The same FAQ in English, French, Spanish and Arabic" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(settings(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(notice(page).getByRole("link", { name: "Tell me more" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(accept(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(reject(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(notice(page)).toBeHidden();
  await expect(settings(page)).toBeFocused();
  await expect(settings(page)).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Space");
  await expect(notice(page)).toBeVisible();
  await expect(settings(page)).toBeFocused();
});

test("Accept: stored, announced once, the host is told; after a reload not shown", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page);
  await accept(page).click();
  await expect(notice(page)).toBeHidden();
  await expect(settings(page)).toBeFocused();
  await expect(announced(page, "Cookies accepted.")).toHaveCount(1);
  await expect(announced(page, "Cookies")).toHaveText("Cookies accepted.");
  expect(await events(page)).toEqual([{ accepted: true, revision: 1 }]);
  const stored = await storage(page);
  // The record, and the FAQ saved for offline use now that storage is allowed (issue 6).
  expect(Object.keys(stored).sort()).toEqual([KEY, `faq-widget:offline:${new URL("/faq.json", page.url()).href}`]);
  expect(stored[KEY]).toMatch(/^v1\|a\|1\|\d{13}$/);
  const time = Number(stored[KEY].split("|")[3]);
  expect(Math.abs(time - Date.now())).toBeLessThan(60_000);

  await page.reload();
  await expect(question(page, first.question)).toBeVisible();
  await expect(settings(page)).toHaveAttribute("aria-expanded", "false");
  await expect(notice(page)).toBeHidden();
  // Once at start, because a stored choice exists.
  await expect.poll(() => events(page)).toEqual([{ accepted: true, revision: 1 }]);
  console.expectClean();
});

test("Reject: stored, announced, the host is told; after a reload not shown", async ({ page }) => {
  await openDemo(page);
  await reject(page).click();
  await expect(notice(page)).toBeHidden();
  await expect(settings(page)).toBeFocused();
  await expect(announced(page, "Cookies")).toHaveText("Cookies rejected.");
  expect(await events(page)).toEqual([{ accepted: false, revision: 1 }]);
  expect((await storage(page))[KEY]).toMatch(/^v1\|r\|1\|\d+$/);

  await page.reload();
  await expect(question(page, first.question)).toBeVisible();
  await expect(notice(page)).toBeHidden();
  await expect.poll(() => events(page)).toEqual([{ accepted: false, revision: 1 }]);
});

test("a higher revision in faq.json asks again; a lower one does not", async ({ page }) => {
  await openDemo(page);
  await accept(page).click();
  await expect(notice(page)).toBeHidden();

  await page.goto("/host.html?src=/consent-revision-2.json");
  await expect(notice(page)).toBeVisible();
  await expect(notice(page)).toContainText("We now also use cookies");
  // The stored acceptance answered revision 1: it no longer counts, so nothing is announced.
  await page.waitForTimeout(100);
  expect(await events(page)).toEqual([]);
  await accept(page).click();
  expect(await events(page)).toEqual([{ accepted: true, revision: 2 }]);
  expect((await storage(page))[KEY]).toMatch(/^v1\|a\|2\|/);

  await openDemo(page);
  await expect(notice(page)).toBeHidden();
  await expect.poll(() => events(page)).toEqual([{ accepted: true, revision: 2 }]);
});

test("an expired (12 months) or unreadable record asks again", async ({ page }) => {
  const console = watchConsole(page);
  await openDemo(page);
  for (const record of [`v1|a|1|${Date.now() - 366 * DAY}`, "garbage", `v1|a|1|${Date.now() + 30 * DAY}`]) {
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, record]);
    await page.reload();
    await expect(question(page, first.question)).toBeVisible();
    await expect(notice(page), record).toBeVisible();
    expect(await events(page)).toEqual([]);
  }
  // 11 months old still counts.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, `v1|r|1|${Date.now() - 330 * DAY}`]);
  await page.reload();
  await expect(question(page, first.question)).toBeVisible();
  await expect(notice(page)).toBeHidden();
  console.expectClean();
});

test("Cookie settings reopens the notice and a change is honoured", async ({ page }) => {
  await openDemo(page);
  await accept(page).click();
  await settings(page).click();
  await expect(notice(page)).toBeVisible();
  await expect(settings(page)).toHaveAttribute("aria-expanded", "true");
  await expect(notice(page)).toContainText("Your current choice: accepted.");
  // Withdrawing is one click, like giving.
  await reject(page).click();
  await expect(notice(page)).toBeHidden();
  await expect(settings(page)).toBeFocused();
  await expect(announced(page, "Cookies")).toHaveText("Cookies rejected.");
  expect(await events(page)).toEqual([
    { accepted: true, revision: 1 },
    { accepted: false, revision: 1 },
  ]);
  expect((await storage(page))[KEY]).toMatch(/^v1\|r\|1\|/);
  await page.reload();
  await expect(question(page, first.question)).toBeVisible();
  await expect(notice(page)).toBeHidden();
  await settings(page).click();
  await expect(notice(page)).toContainText("Your current choice: rejected.");
  // Cookie settings also hides it again without choosing.
  await settings(page).click();
  await expect(notice(page)).toBeHidden();
  expect((await storage(page))[KEY]).toMatch(/^v1\|r\|1\|/);
});

test("Accept and Reject have equal weight: same size, font and colours", async ({ page }) => {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 700 });
    await openDemo(page);
    const style = (locator) =>
      locator.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.fontWeight, s.fontSize, s.fontFamily, s.color, s.backgroundColor, s.borderTopWidth, s.borderTopColor, s.paddingTop, s.textDecorationLine];
      });
    const [a, r] = [await accept(page).boundingBox(), await reject(page).boundingBox()];
    expect(a.width).toBeGreaterThan(40);
    expect(a.width).toBeCloseTo(r.width, 1);
    expect(a.height).toBeCloseTo(r.height, 1);
    expect(a.y).toBeCloseTo(r.y, 1);
    expect(await style(accept(page))).toEqual(await style(reject(page)));
    // At 320 px both fit, nothing scrolls sideways, and the questions stay reachable.
    expect(r.x + r.width).toBeLessThanOrEqual(width);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test("nothing but the consent record is stored before consent; Reject deletes the widget's data", async ({ page }) => {
  await openDemo(page);
  // Use the FAQ: open answers, show all, follow a deep link. None of it may be stored.
  await question(page, first.question).click();
  await page.getByRole("button", { name: "Show all answers" }).click();
  await page.goto(`/index.html#${bundledFaq.questions[2].id}`);
  await expect(question(page, bundledFaq.questions[2].question)).toHaveAttribute("aria-expanded", "true");
  expect(await storage(page)).toEqual({});

  // Left-over widget data without a current acceptance is deleted at start; the host's keys stay.
  await page.evaluate(() => {
    localStorage.setItem("faq-widget:open", "1,2");
    localStorage.setItem("host-analytics", "keep me");
  });
  await page.reload();
  await expect(notice(page)).toBeVisible();
  expect(await storage(page)).toEqual({ "host-analytics": "keep me" });

  await accept(page).click();
  // After Accept: the record, and the FAQ saved for offline use (issue 6).
  const saved = `faq-widget:offline:${new URL("/faq.json", page.url()).href}`;
  await expect.poll(async () => Object.keys(await storage(page)).sort()).toEqual([KEY, saved, "host-analytics"]);
  // What a feature may store after Accept (simulated), then Reject removes it.
  await page.evaluate(() => localStorage.setItem("faq-widget:offline", "{}"));
  await page.reload();
  await expect(question(page, first.question)).toBeVisible();
  expect((await storage(page))["faq-widget:offline"]).toBe("{}");
  await settings(page).click();
  await reject(page).click();
  const after = await storage(page);
  expect(Object.keys(after).sort()).toEqual([KEY, "host-analytics"]);
  expect(after[KEY]).toMatch(/^v1\|r\|1\|/);
});

test("storage blocked: the notice works for this page view, no console errors", async ({ page }) => {
  const console = watchConsole(page);
  await blockStorage(page);
  await openDemo(page);
  await expect(notice(page)).toBeVisible();
  await accept(page).click();
  await expect(notice(page)).toBeHidden();
  await expect(settings(page)).toBeFocused();
  await expect(announced(page, "Cookies")).toHaveText("Cookies accepted for this visit.");
  expect(await events(page)).toEqual([{ accepted: true, revision: 1 }]);
  await settings(page).click();
  await reject(page).click();
  await expect(announced(page, "Cookies")).toHaveText("Cookies rejected for this visit.");
  await question(page, first.question).click();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
  // Nothing was remembered: the next page view asks again.
  await page.reload();
  await expect(notice(page)).toBeVisible();
  console.expectClean();
});

test("storage full (QuotaExceededError): the choice holds for this page view, no console errors", async ({ page }) => {
  const console = watchConsole(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await openDemo(page);
  await reject(page).click();
  await expect(notice(page)).toBeHidden();
  await expect(announced(page, "Cookies")).toHaveText("Cookies rejected for this visit.");
  expect(await storage(page)).toEqual({});
  console.expectClean();
});

test('data-cookie-notice="off": no notice, no settings, no event, nothing read or stored', async ({ page }) => {
  const console = watchConsole(page);
  await servePage(page, "/off.html", hostPage('<script src="/embed.js" data-cookie-notice="off"></script>'));
  await page.goto("/off.html");
  await expect(question(page, first.question)).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
  await expect(settings(page)).toHaveCount(0);
  await question(page, first.question).click();
  expect(await storage(page)).toEqual({});
  // A record left by a visit with the notice on is neither read nor announced.
  await page.evaluate((key) => localStorage.setItem(key, `v1|a|1|${Date.now()}`), KEY);
  await page.reload();
  await expect(question(page, first.question)).toBeVisible();
  await page.waitForTimeout(100);
  expect(await events(page)).toEqual([]);
  console.expectClean();
});

test("two widgets on one page share one choice, even with storage blocked", async ({ page }) => {
  await blockStorage(page);
  const script = '<script src="/embed.js"></script>';
  await servePage(page, "/two.html", hostPage(`${script}<p>Between the widgets.</p>${script}`));
  await page.goto("/two.html");
  const notices = notice(page);
  await expect(notices).toHaveCount(2);
  await accept(page).first().click();
  await expect(notices).toHaveCount(0);
  await expect(settings(page).nth(1)).toHaveAttribute("aria-expanded", "false");
  // The host hears it once, from the widget where the visitor chose.
  expect(await events(page)).toEqual([{ accepted: true, revision: 1 }]);
  await settings(page).nth(1).click();
  await expect(notice(page)).toContainText("Your current choice: accepted.");
  await reject(page).click();
  await settings(page).first().click();
  await expect(notice(page)).toContainText("Your current choice: rejected.");
});

test("a choice made in another tab reaches this one (storage event)", async ({ page, context }) => {
  await openDemo(page);
  const other = await context.newPage();
  await recordEvents(other);
  await other.goto("/index.html");
  await expect(notice(other)).toBeVisible();
  await accept(page).click();
  await expect(notice(other)).toBeHidden();
  await expect.poll(() => events(other)).toEqual([{ accepted: true, revision: 1 }]);
  await settings(page).click();
  await reject(page).click();
  await expect.poll(() => events(other)).toEqual([
    { accepted: true, revision: 1 },
    { accepted: false, revision: 1 },
  ]);
  await settings(other).click();
  await expect(notice(other)).toContainText("Your current choice: rejected.");
});

test("axe-core: no violations with the notice open, reopened, in dark mode and at 320 px", async ({ page }) => {
  await openDemo(page);
  await expect(notice(page)).toBeVisible();
  await expectNoAxeViolations(page);
  await accept(page).click();
  await expectNoAxeViolations(page);
  await settings(page).click();
  await expect(notice(page)).toContainText("Your current choice");
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoAxeViolations(page);
});
