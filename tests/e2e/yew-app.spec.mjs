import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, watchConsole } from "./helpers.mjs";

// examples/yew-app: a Yew app that renders two FaqWidget components beside its own content (no
// embed.js, no shadow root). scripts/test.sh builds it with Trunk into target/e2e-generated/yew-app,
// which the test server serves as /yew-app/.
const general = (page) => page.getByRole("article", { name: "General questions" });
const library = (page) => page.getByRole("article", { name: "Library questions" });
const first = bundledFaq.questions[0];

test("two FaqWidgets in a Yew app: both open, search and share one consent", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/yew-app/");
  await expect(page.getByRole("heading", { level: 1, name: "Acme help centre" })).toBeVisible();

  // Styled, though the app's page links no stylesheet of the widget's: both widgets share one
  // constructed sheet that the crate adopted into the document (no <style>, no file copied).
  const question = general(page).getByRole("button", { name: first.question, exact: true });
  await expect(question).toHaveCSS("display", "flex");
  await expect(question).toHaveCSS("cursor", "pointer");
  expect(
    await page.evaluate(() => ({
      adopted: document.adoptedStyleSheets.length,
      widgetRules: [...document.adoptedStyleSheets[0].cssRules].some((rule) => rule.cssText.includes("faq-question-button")),
      styleElements: document.querySelectorAll("style").length,
      widgetLinks: [...document.querySelectorAll('link[rel="stylesheet"]')].filter((link) => /widget/.test(link.href)).length,
    })),
  ).toEqual({ adopted: 1, widgetRules: true, styleElements: 0, widgetLinks: 0 });

  // Open: one question in each widget, each independent of the other.
  const mine = general(page).getByRole("button", { name: first.question, exact: true });
  await mine.click();
  await expect(mine).toHaveAttribute("aria-expanded", "true");
  const hours = library(page).getByRole("button", { name: "When is the library open?" });
  await expect(hours).toHaveAttribute("aria-expanded", "false");
  await hours.click();
  await expect(hours).toHaveAttribute("aria-expanded", "true");
  await expect(library(page).getByText("Monday to Friday from 9:00 to 20:00")).toBeVisible();

  // Search: each widget has its own search landmark, named by its FAQ's title.
  const search = library(page).getByRole("searchbox");
  await search.fill("renew");
  await expect(library(page).getByRole("button", { name: "Can I renew a loan?" })).toBeVisible();
  await expect(library(page).getByRole("button", { name: "How do I get a library card?" })).toBeHidden();
  await expect(general(page).getByRole("button", { name: first.question, exact: true })).toBeVisible();
  await expect(page.getByRole("search", { name: bundledFaq.title })).toHaveCount(1);
  await expect(page.getByRole("search", { name: "Library questions" })).toHaveCount(1);

  // Consent: the bundled FAQ has a cookie notice; Accept stores the one record of the origin.
  const notice = general(page).getByRole("region", { name: "Cookie notice", exact: true });
  await notice.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(general(page).getByRole("status").filter({ hasText: "Cookies accepted." })).toHaveCount(1);
  await expect(notice).toBeHidden();
  await expect(general(page).getByRole("button", { name: "Cookie settings" })).toHaveAttribute("aria-expanded", "false");
  const record = await page.evaluate(() => localStorage.getItem("faq-widget:consent"));
  expect(record).toMatch(/^v1\|a\|1\|/);

  // The app around the widgets still works, and nothing threw.
  await page.getByRole("button", { name: /App button pressed 0 times/ }).click();
  await expect(page.getByRole("button", { name: /App button pressed 1 times/ })).toBeVisible();
  // Ids are unique in the document: two widgets, no clashes.
  const duplicates = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  expect(duplicates).toEqual([]);
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("a route that stops rendering a FaqWidget leaves no listener behind, and coming back mounts it anew", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/yew-app/");
  const cdp = await page.context().newCDPSession(page);
  const listeners = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const count = async (expression) => {
      const { result } = await cdp.send("Runtime.evaluate", { expression });
      const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
      await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
      return listeners.map((l) => l.type).sort();
    };
    return { window: await count("window"), document: await count("document") };
  };
  const pages = page.getByRole("navigation", { name: "Library pages" });
  const hoursQuestion = library(page).getByRole("button", { name: "When is the library open?" });
  await expect(hoursQuestion).toBeVisible();
  const first = await listeners();
  for (let i = 0; i < 20; i++) {
    await pages.getByRole("button", { name: "Opening hours" }).click();
    await expect(library(page)).toHaveCount(0);
    await expect(page.getByText("Monday to Friday from 9:00 to 20:00, Saturday")).toBeVisible();
    await pages.getByRole("button", { name: "Library questions" }).click();
    await expect(hoursQuestion).toBeVisible();
  }
  expect(await listeners()).toEqual(first);
  await expect(pages.getByRole("button", { name: "Library questions" })).toHaveAttribute("aria-current", "page");
  // Mounted anew: closed, and it works.
  await expect(hoursQuestion).toHaveAttribute("aria-expanded", "false");
  await hoursQuestion.click();
  await expect(hoursQuestion).toHaveAttribute("aria-expanded", "true");
  console.expectClean();
});
