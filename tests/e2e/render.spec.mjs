// `faq-widget render`: the static FAQ a host puts in its page (here inside <noscript> after the
// embed script, as docs/authoring.md shows) is complete, works without script, and passes axe-core.
// The HTML comes from the real tool, run once; the test server serves it from target/.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, watchConsole } from "./helpers.mjs";
import { GENERATED } from "./server.mjs";

test.describe.configure({ mode: "serial" });

const ROOT = new URL("../..", import.meta.url).pathname;

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
}

test.beforeAll(() => {
  const rendered = execFileSync(
    "cargo",
    ["run", "--quiet", "-p", "faq-widget-cli", "--", "render", "--json-ld", "faq.json"],
    { cwd: ROOT, encoding: "utf8" },
  );
  mkdirSync(GENERATED, { recursive: true });
  // The static FAQ as the page's own content.
  writeFileSync(join(GENERATED, "render-static.html"), page("Static FAQ", rendered));
  // docs/authoring.md's recipe: the widget, with the static FAQ for visitors without script.
  writeFileSync(
    join(GENERATED, "render-noscript.html"),
    page("Host page", `<script src="embed.js" data-src="faq.json"></script>\n<noscript>${rendered}</noscript>`),
  );
});

/** Every question is a disclosure (a group) whose heading opens the full answer. Role locators
 *  only: Playwright's text engine skips text inside <noscript>, its role engine does not. */
async function expectEveryQuestionAndAnswer(page) {
  await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toBeVisible();
  const groups = page.getByRole("group");
  await expect(groups).toHaveCount(bundledFaq.questions.length);
  for (const [index, item] of bundledFaq.questions.entries()) {
    const group = groups.nth(index);
    const question = group.getByRole("heading", { level: 3, name: item.question, exact: true });
    await expect(question).toBeVisible();
    const answer = group.getByRole("paragraph").first();
    await expect(answer).toBeHidden();
    await question.click();
    await expect(group).toHaveJSProperty("open", true);
    await expect(answer).toBeVisible();
    // The first sentence of the answer (markup aside).
    await expect(answer).toContainText(item.answer.split(/\n|\[/)[0].trim());
    for (const link of item.links ?? []) {
      await expect(group.getByRole("link", { name: link.text, exact: true }).first()).toBeVisible();
    }
  }
}

test("the rendered FAQ shows every question and answer and passes axe-core", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/render-static.html");
  await expectNoAxeViolations(page);
  await expectEveryQuestionAndAnswer(page);
  // All open: still no violations.
  await expectNoAxeViolations(page);
  // The JSON-LD is there and parses, with every question.
  const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  expect(data["@type"]).toBe("FAQPage");
  expect(data.mainEntity.map((q) => q.name)).toEqual(bundledFaq.questions.map((q) => q.question));
  console.expectClean();
});

test.describe("without script", () => {
  test.use({ javaScriptEnabled: false });

  test("the <noscript> copy is the FAQ, and a deep link opens its question", async ({ page }) => {
    await page.goto("/render-noscript.html");
    await expectEveryQuestionAndAnswer(page);
    const linked = bundledFaq.questions[3];
    await page.goto(`/render-noscript.html#${linked.id}`);
    await expect(page.getByRole("group").nth(3)).toHaveJSProperty("open", true);
  });
});

test("with script, the widget shows and the <noscript> copy does not", async ({ page }) => {
  await page.goto("/render-noscript.html");
  await expect(page.getByRole("button", { name: bundledFaq.questions[0].question, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toHaveCount(1);
  await expect(page.getByRole("group")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
