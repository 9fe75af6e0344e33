import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, question, watchConsole } from "./helpers.mjs";

const byId = (id) => bundledFaq.questions.find((q) => q.id === id);
const searchbox = (page) => page.getByRole("searchbox", { name: "Search the questions" });
const status = (page) => page.getByRole("status").filter({ hasText: /question/ });

test.beforeEach(async ({ page }) => {
  await page.goto("/index.html");
  await expect(question(page, bundledFaq.questions[0].question)).toBeVisible();
});

test("typing filters the questions, in relevance order, and marks the matches", async ({ page }) => {
  const console = watchConsole(page);
  await searchbox(page).pressSequentially("notice", { delay: 30 });
  const buttons = page.getByRole("heading", { level: 3 }).getByRole("button");
  await expect(buttons).toHaveCount(3);
  await expect(question(page, byId("join").question)).toHaveCount(0);
  // The questions that say "notice(s)" themselves come first.
  const first = await buttons.first().textContent();
  expect(first).toMatch(/notices?/i);
  const marks = question(page, byId("red-notice-arrest").question).locator("mark");
  await expect(marks).toHaveText(["Notice"]);
  // Opening a result marks the answer too.
  await question(page, byId("wanted").question).click();
  await expect(page.locator(`#a-wanted mark`).first()).toBeVisible();
  console.expectClean();
});

test("a typo and a missing accent still find the question", async ({ page }) => {
  await searchbox(page).fill("statistcs");
  await expect(page.getByRole("heading", { level: 3 }).first()).toHaveText(byId("crime-statistics").question);
  await searchbox(page).fill("europól");
  await expect(page.getByRole("heading", { level: 3 }).first()).toHaveText(byId("europol").question);
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
});

test("a question found through its answer shows why", async ({ page }) => {
  await searchbox(page).fill("lyon");
  const join = question(page, byId("join").question);
  await expect(join).toBeVisible();
  await expect(join).toHaveAttribute("aria-expanded", "false");
  // A short piece of the answer under the closed question (the hidden answer does not count).
  const snippet = page.getByRole("paragraph").filter({ hasText: /headquarters in Lyon/ });
  await expect(snippet).toBeVisible();
  await expect(snippet.locator("mark")).toHaveText("Lyon");
});

test("the count is announced once the query settles, singular and plural", async ({ page }) => {
  await searchbox(page).pressSequentially("notice", { delay: 40 });
  await expect(status(page)).toHaveText("3 questions match “notice”");
  await searchbox(page).fill("europol");
  await expect(status(page)).toHaveText("1 question matches “europol”");
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveAttribute("aria-live", "polite");
});

test("one faq-widget:search event per settled query, not per keystroke", async ({ page }) => {
  await page.evaluate(() => {
    window.searchEvents = [];
    document.addEventListener("faq-widget:search", (e) => window.searchEvents.push(e.detail));
  });
  await searchbox(page).pressSequentially("notice", { delay: 40 });
  await expect(status(page)).toHaveText("3 questions match “notice”");
  await page.waitForTimeout(700);
  expect(await page.evaluate(() => window.searchEvents)).toEqual([{ query: "notice", results: 3, missed: false }]);
});

test("/ focuses the search box, Escape clears it", async ({ page }) => {
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("/");
  await expect(searchbox(page)).toBeFocused();
  await expect(searchbox(page)).toHaveValue("");
  await page.keyboard.type("jobs");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(searchbox(page)).toHaveValue("");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(bundledFaq.questions.length);
  await expect(status(page)).toHaveText(`Showing all ${bundledFaq.questions.length} questions`);
  // In a text field "/" is just a character; on a question button it jumps to the search.
  await page.keyboard.type("a/b");
  await expect(searchbox(page)).toHaveValue("a/b");
  await page.keyboard.press("Escape");
  await question(page, bundledFaq.questions[0].question).focus();
  await page.keyboard.press("/");
  await expect(searchbox(page)).toBeFocused();
});

test("/ does not steal a host page text field", async ({ page }) => {
  await page.goto("/host.html?src=/faq.json");
  await expect(searchbox(page)).toBeVisible();
  await page.evaluate(() => {
    const input = document.createElement("input");
    input.setAttribute("aria-label", "Host field");
    document.querySelector("main").prepend(input);
  });
  await page.getByRole("textbox", { name: "Host field" }).click();
  await page.keyboard.type("1/2");
  await expect(page.getByRole("textbox", { name: "Host field" })).toHaveValue("1/2");
  await expect(searchbox(page)).toHaveValue("");
});

test("no results: says so, offers the closest questions and the contact with the query as subject", async ({ page }) => {
  await page.goto("/host.html?src=/search-mailto.json");
  await searchbox(page).fill("parkign garage");
  // "parkign" is a typo of "parking": found. "xylophone" is nothing like anything.
  await expect(question(page, "Is there parking?")).toBeVisible();
  await searchbox(page).fill("xylophone");
  await expect(page.getByText("No questions match “xylophone”.")).toBeVisible();
  await expect(status(page)).toHaveText(/^No questions match “xylophone”/);
  const contact = page.getByRole("link", { name: "Email the help desk" }).first();
  await expect(contact).toHaveAttribute("href", "mailto:help@example.org?subject=FAQ%3A%20xylophone");
  await expectNoAxeViolations(page);
});

test("no results on the bundled FAQ still shows the closest questions", async ({ page }) => {
  await searchbox(page).fill("eurapal");
  await expect(page.getByText("No questions match “eurapal”.")).toBeVisible();
  await expect(page.getByText("This question comes close:")).toBeVisible();
  await expect(question(page, byId("europol").question)).toBeVisible();
  // The bundled contact is a web page: linked as it is.
  await expect(page.getByRole("link", { name: bundledFaq.contact.text }).first()).toHaveAttribute(
    "href",
    bundledFaq.contact.href,
  );
  await expectNoAxeViolations(page);
});

test("the query lives in the URL without history entries and is restored on load", async ({ page }) => {
  const historyLength = await page.evaluate(() => history.length);
  await searchbox(page).pressSequentially("red notice", { delay: 30 });
  await expect(page).toHaveURL(/[?&]faq-q=red\+notice(&|#|$)/);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  // Opening a result keeps the query and adds the question fragment.
  await question(page, byId("red-notice-arrest").question).click();
  await expect(page).toHaveURL(/faq-q=red\+notice#red-notice-arrest$/);
  await page.goto("about:blank");
  await page.goto("/index.html?faq-q=red+notice#red-notice-arrest");
  await expect(searchbox(page)).toHaveValue("red notice");
  await expect(question(page, byId("red-notice-arrest").question)).toHaveAttribute("aria-expanded", "true");
  await expect(question(page, byId("join").question)).toHaveCount(0);
  await expect(status(page)).toHaveText(/questions? match/);
});

test("a link to a question the search hides clears the search", async ({ page }) => {
  await searchbox(page).fill("europol");
  await expect(question(page, byId("join").question)).toHaveCount(0);
  await page.evaluate(() => (location.hash = "join"));
  await expect(question(page, byId("join").question)).toHaveAttribute("aria-expanded", "true");
  await expect(searchbox(page)).toHaveValue("");
});

test("axe-core: no violations while searching, with marks and a snippet", async ({ page }) => {
  await searchbox(page).fill("lyon notices");
  await expect(page.locator("mark").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
});

test("long result lists are capped with a Show more button that moves focus", async ({ page }) => {
  const faq = {
    title: "Many",
    questions: Array.from({ length: 120 }, (_, i) => ({
      id: `q${i}`,
      question: `Question number ${i} about parcels`,
      answer: `Answer ${i}.`,
    })),
  };
  await page.route((url) => url.pathname === "/many.json", (route) => route.fulfill({ json: faq }));
  await page.goto("/host.html?src=/many.json");
  await expect(question(page, "Question number 0 about parcels")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(20);
  await searchbox(page).fill("parcel");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(20);
  const more = page.getByRole("button", { name: "Show more questions (100 more)" });
  await more.click();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(40);
  await expect(question(page, "Question number 20 about parcels")).toBeFocused();
  await expect(page.getByRole("button", { name: "Show more questions (80 more)" })).toBeVisible();
});
