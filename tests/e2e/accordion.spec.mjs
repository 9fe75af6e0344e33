import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, question, watchConsole } from "./helpers.mjs";

const first = bundledFaq.questions[0];
const second = bundledFaq.questions[1];
const last = bundledFaq.questions.at(-1);

test.beforeEach(async ({ page }) => {
  // The demo page's cookie notice is not part of these tests.
  await page.goto("/index.html");
  await expect(question(page, first.question)).toBeVisible();
});

test("every question of faq.json is a button, closed at first", async ({ page }) => {
  for (const q of bundledFaq.questions) {
    await expect(question(page, q.question)).toHaveAttribute("aria-expanded", "false");
  }
  await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(bundledFaq.questions.length);
});

test("clicking opens and closes a question, aria-expanded in sync", async ({ page }) => {
  const console = watchConsole(page);
  const button = question(page, first.question);
  const answer = page.getByText("Any arrests are made by national law enforcement");
  await expect(answer).toBeHidden();
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(answer).toBeVisible();
  const panelId = await button.getAttribute("aria-controls");
  await expect(page.locator(`#${panelId}`)).toBeVisible();
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(answer).toBeHidden();
  console.expectClean();
});

test("keyboard: Enter and Space toggle, arrows Home and End move focus", async ({ page }) => {
  const firstButton = question(page, first.question);
  await firstButton.focus();
  await page.keyboard.press("Enter");
  await expect(firstButton).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Space");
  await expect(firstButton).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowDown");
  await expect(question(page, second.question)).toBeFocused();
  await page.keyboard.press("End");
  await expect(question(page, last.question)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(firstButton).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(question(page, last.question)).toBeFocused();
  await page.keyboard.press("Home");
  await expect(firstButton).toBeFocused();
});

test("show all and hide all", async ({ page }) => {
  await page.getByRole("button", { name: "Show all answers" }).click();
  for (const q of bundledFaq.questions) {
    await expect(question(page, q.question)).toHaveAttribute("aria-expanded", "true");
  }
  const hideAll = page.getByRole("button", { name: "Hide all answers" });
  await expect(hideAll).toHaveAttribute("aria-expanded", "true");
  await hideAll.click();
  for (const q of bundledFaq.questions) {
    await expect(question(page, q.question)).toHaveAttribute("aria-expanded", "false");
  }
});

test("the URL follows the open question without adding history entries", async ({ page }) => {
  const historyLength = await page.evaluate(() => history.length);
  await question(page, second.question).click();
  await expect(page).toHaveURL(new RegExp(`#${second.id}$`));
  await question(page, first.question).click();
  await expect(page).toHaveURL(new RegExp(`#${first.id}$`));
  await question(page, first.question).click();
  await expect(page).toHaveURL(/index\.html$/);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
});

test("a copied link opens its question after a reload", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await question(page, last.question).click();
  await page.getByRole("button", { name: "Copy link to this question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toHaveCount(1);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`/index\\.html#${last.id}$`));

  // Opened fresh, as a visitor following the shared link would.
  await page.goto("about:blank");
  await page.goto(link);
  const button = question(page, last.question);
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(button).toBeInViewport();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "false");
  await page.reload();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "false");
});

test("find-in-page (beforematch) opens a closed answer and keeps state in sync", async ({ page }) => {
  // A text fragment runs the browser's own find-in-page matching: it fires `beforematch` on the
  // closed (hidden="until-found") answer and reveals it, as Ctrl+F does.
  // (Navigated to once the widget is on the page, so the match cannot race its first render.)
  await page.goto("/index.html#:~:text=seconded%20from%20their%20national%20agencies");
  const button = question(page, "How do I join INTERPOL?");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const panel = page.locator(`#${await button.getAttribute("aria-controls")}`);
  await expect(panel).toBeVisible();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toHaveAttribute("hidden", "until-found");
});

test("prints every answer", async ({ page }) => {
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("Any arrests are made by national law enforcement")).toBeVisible();
  await expect(page.getByRole("button", { name: "Show all answers" })).toBeHidden();
});

test("axe-core: no violations with all closed and all open", async ({ page }) => {
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Show all answers" }).click();
  await expect(question(page, last.question)).toHaveAttribute("aria-expanded", "true");
  await expectNoAxeViolations(page);
});

test("axe-core: no violations in dark mode and at 320 px", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByRole("button", { name: "Show all answers" }).click();
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
