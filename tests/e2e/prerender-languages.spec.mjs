// A FAQ in several languages, pre-rendered (`faq-widget render --prerender --langs`, issue 23):
// the copy, in the page's language, carries the language switch embed.js would add, so nothing
// moves when the widget takes it over, and a switch pressed before the program arrives starts
// it in that language at once, keeping the open question.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, holdWasm, question, takenOver, watchConsole } from "./helpers.mjs";
import { GENERATED } from "./server.mjs";

test.describe.configure({ mode: "serial" });

const ROOT = new URL("../..", import.meta.url).pathname;
const PAGE = "/prerendered-languages.html";
const faq = (code) => JSON.parse(readFileSync(join(ROOT, code === "en" ? "faq.json" : `faq.${code}.json`), "utf8"));
const FAQS = { en: faq("en"), fr: faq("fr"), es: faq("es") };
const asked = (code, id) => FAQS[code].questions.find((item) => (item.id ?? "") === id)?.question;
// The question every file has under the same id.
const ID = "wanted";
const NAMES = { en: "English", fr: "Français", es: "Español", ar: "العربية" };

test.beforeAll(() => {
  const base = `http://127.0.0.1:${process.env.PAGE_PORT || 4301}/`;
  const rendered = execFileSync(
    "cargo",
    ["run", "--quiet", "-p", "faq-widget-cli", "--", "render", "--prerender", base, "--langs", "en,fr,es,ar", "faq.fr.json"],
    { cwd: ROOT, encoding: "utf8" },
  );
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(
    join(GENERATED, PAGE.slice(1)),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>FAQ pré-rendue</title><link rel="icon" href="data:,"></head>
<body><main><h1>FAQ pré-rendue</h1>${rendered}<p>Après le widget.</p></main></body></html>`,
  );
});

const title = (page, code) => page.getByRole("heading", { level: 2, name: FAQS[code].title, exact: true });
const languageButton = (page, code) => page.getByRole("button", { name: NAMES[code], exact: true });

async function expectPressed(page, code) {
  for (const other of Object.keys(NAMES)) {
    await expect(languageButton(page, other)).toHaveAttribute("aria-pressed", String(other === code));
    await expect(languageButton(page, other)).toHaveAttribute("lang", other);
  }
}

test.describe("without script", () => {
  test.use({ javaScriptEnabled: false });

  test("the questions show; the switch, which needs the program, is not offered", async ({ page }) => {
    await page.goto(PAGE);
    await expect(title(page, "fr")).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: asked("fr", ID), exact: true })).toBeVisible();
    await expect(page.getByRole("group", { name: "Langue" })).toBeHidden();
  });
});

test("the copy has the switch before the program; the takeover moves nothing; then it switches", async ({ page }) => {
  const console = watchConsole(page);
  const release = await holdWasm(page);
  await page.goto(PAGE);
  const group = page.getByRole("group", { name: "Langue", exact: true });
  await expect(group).toBeVisible();
  await expectPressed(page, "fr");
  expect(await takenOver(page)).toBe(false);
  await expectNoAxeViolations(page);
  const before = await group.boundingBox();

  release();
  await expect.poll(() => takenOver(page)).toBe(true);
  await expect(title(page, "fr")).toBeVisible();
  await expectPressed(page, "fr");
  expect(await group.boundingBox()).toEqual(before);
  expect(await page.evaluate(() => window.__shift)).toBe(0);
  await expect(page.getByRole("group")).toHaveCount(1);

  // The copy's switch is the widget's: by keyboard, focus kept.
  await question(page, asked("fr", ID)).click();
  await languageButton(page, "es").focus();
  await page.keyboard.press("Enter");
  await expect(title(page, "es")).toBeVisible();
  await expectPressed(page, "es");
  await expect(page.getByRole("group", { name: "Idioma", exact: true })).toBeVisible();
  await expect(question(page, asked("es", ID))).toHaveAttribute("aria-expanded", "true");
  await expect(languageButton(page, "es")).toBeFocused();
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("a language picked in the copy, before the program, is the one it starts in, the open question kept", async ({ page }) => {
  const console = watchConsole(page);
  const release = await holdWasm(page);
  await page.goto(PAGE);
  await question(page, asked("fr", ID)).click();
  await expect(question(page, asked("fr", ID))).toHaveAttribute("aria-expanded", "true");
  await languageButton(page, "en").click();
  await expectPressed(page, "en");

  release();
  await expect.poll(() => takenOver(page)).toBe(true);
  await expect(title(page, "en")).toBeVisible();
  await expect(title(page, "fr")).toHaveCount(0);
  await expect(question(page, asked("en", ID))).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("group", { name: "Language", exact: true })).toBeVisible();
  // Each FAQ file requested once at most: the switch did not start the program twice.
  const requested = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /^\/faq\.[a-z]+\.json$/.test(path)),
  );
  expect(requested.filter((path) => path === "/faq.en.json")).toHaveLength(1);
  console.expectClean();
});

test("a language picked in the copy whose file does not come: its error takes the copy's place", async ({ page }) => {
  const console = watchConsole(page);
  // The server fails (503): the widget says so, and trying again may help.
  await page.route("**/faq.es.json", (route) => route.fulfill({ status: 503, contentType: "text/plain", body: "busy" }));
  const release = await holdWasm(page);
  await page.goto(PAGE);
  await languageButton(page, "es").click();
  await expectPressed(page, "es");

  release();
  // Not the French copy under a switch that says Spanish: the error, in Spanish, with its retry.
  const alert = page.getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("No se pudieron mostrar las preguntas frecuentes.");
  await expect(alert).toContainText("503");
  await expect(title(page, "fr")).toHaveCount(0);
  await expectPressed(page, "es");
  await expectNoAxeViolations(page);

  await page.unroute("**/faq.es.json");
  await alert.getByRole("button", { name: "Reintentar", exact: true }).click();
  await expect(title(page, "es")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);

  // The page's language again: its FAQ.
  await languageButton(page, "fr").click();
  await expect(title(page, "fr")).toBeVisible();
  await expectPressed(page, "fr");
  // The only console error is the browser's own line for the failed request.
  expect(console.problems.filter((line) => !/503/.test(line))).toEqual([]);
});
