// The studio (dist/studio/, issue 15): open, edit as text and form, the checker's problems, the
// live preview, theme contrast, the embed snippet in a host page on another origin, the draft.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, watchConsole } from "./helpers.mjs";
import { GENERATED } from "./server.mjs";

const PAGE_PORT = Number(process.env.PAGE_PORT || 4301);
const CDN = `http://127.0.0.1:${process.env.CDN_PORT || PAGE_PORT + 1}`;
const ROOT = new URL("../../", import.meta.url).pathname;
const DIST = join(ROOT, "dist");
// The studio is a larger app than the widget, and its tests run many steps each.
test.setTimeout(120_000);

const bundledText = readFileSync(join(ROOT, "faq.json"), "utf8");
const first = bundledFaq.questions[0];

const text = (page) => page.getByLabel("faq.json as text");
const previewTitle = (page, title = bundledFaq.title) => page.getByRole("heading", { level: 2, name: title, exact: true });
const problems = (page) => page.getByRole("region", { name: "Problems" });

/** What `faq-widget check` says about a text: its problems as line, column and message. */
function checker(source) {
  const run = spawnSync("cargo", ["run", "--quiet", "--offline", "-p", "faq-widget-cli", "--", "check", "--format", "json", "-"], {
    cwd: ROOT,
    input: source,
    encoding: "utf8",
  });
  const report = JSON.parse(run.stdout);
  return report.files[0].problems.map((p) => ({ line: p.line, column: p.column, message: p.message }));
}

async function openStudio(page) {
  await page.goto("/studio/");
  await expect(page.getByRole("heading", { level: 1, name: "faq-widget studio" })).toBeVisible();
}

async function openBundled(page) {
  await page.getByRole("button", { name: "Open the bundled FAQ" }).click();
  await expect(text(page)).toHaveValue(bundledText);
  await expect(previewTitle(page)).toBeVisible();
}

test("open the bundled FAQ, rename a question in the form: the text and the preview show it", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  await expectNoAxeViolations(page);
  await openBundled(page);
  await expect(page.getByRole("status").filter({ hasText: "No problems" })).toBeVisible();
  const question = page.getByLabel("Question 1", { exact: true });
  await expect(question).toHaveValue(first.question);
  await question.fill("Can INTERPOL agents arrest people?");
  await expect(text(page)).toHaveValue(/"question": "Can INTERPOL agents arrest people\?"/);
  const renamed = page.getByRole("button", { name: "Can INTERPOL agents arrest people?", exact: true });
  await expect(renamed).toBeVisible();
  // Questions open in the preview, and search works there.
  await renamed.click();
  await expect(renamed).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("searchbox").fill("red notice");
  await expect(page.getByRole("button", { name: bundledFaq.questions[1].question, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("a broken JSON text: the problem with line and column, the cursor goes there, the preview keeps the last valid FAQ", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  await openBundled(page);
  // Delete the quote that opens the title's value.
  const broken = bundledText.replace('"title": "Frequently', '"title": Frequently');
  await text(page).fill(broken);
  const [expected] = checker(broken);
  const problem = problems(page).getByRole("button", { name: `Line ${expected.line}, column ${expected.column}` });
  await expect(problem).toContainText(expected.message);
  await expect(problem).toContainText("Blocking error");
  await expect(page.getByText("the preview shows the last valid version")).toBeVisible();
  await expect(previewTitle(page)).toBeVisible();
  await expectNoAxeViolations(page);
  // The form waits for valid JSON.
  await expect(page.getByLabel("Title", { exact: true })).toBeDisabled();

  await problem.click();
  await expect(text(page)).toBeFocused();
  const caret = await text(page).evaluate((area) => {
    const before = area.value.slice(0, area.selectionStart).split("\n");
    return { line: before.length, column: [...before.at(-1)].length + 1 };
  });
  expect(caret).toEqual({ line: expected.line, column: expected.column });
  await expect(page.getByText(`Cursor: line ${expected.line}, column ${expected.column}`, { exact: true })).toBeVisible();

  // Enter on a problem does the same.
  await text(page).evaluate((area) => area.setSelectionRange(0, 0));
  await problem.focus();
  await page.keyboard.press("Enter");
  await expect(text(page)).toBeFocused();
  expect(await text(page).evaluate((area) => area.selectionStart)).toBeGreaterThan(0);

  await text(page).fill(bundledText);
  await expect(problems(page).getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "No problems" })).toBeVisible();
  await expect(page.getByText("the preview shows the last valid version")).toHaveCount(0);
  await expect(page.getByLabel("Title", { exact: true })).toBeEnabled();
  console.expectClean();
});

/** Puts the text cursor (or a selection) at JS string offsets of the text view. */
async function select(page, from, to = from) {
  await text(page).evaluate((area, [a, b]) => {
    area.focus();
    area.setSelectionRange(a, b);
  }, [from, to]);
}

test("typing in the text view: every keystroke updates the problems, the form and the preview", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  await openBundled(page);
  const second = bundledFaq.questions[1];
  // In a question's text: the preview and the form follow each keystroke.
  await select(page, bundledText.indexOf(second.question));
  await page.keyboard.type("So, ");
  await expect(page.getByRole("button", { name: `So, ${second.question}`, exact: true })).toBeVisible();
  await expect(page.getByLabel("Question 2", { exact: true })).toHaveValue(`So, ${second.question}`);
  // A javascript: link typed into an answer: the checker's message, where the checker puts it.
  let current = await text(page).inputValue();
  const answerEnd = current.indexOf('",', current.indexOf('"answer": "'));
  await select(page, answerEnd);
  await page.keyboard.type(" [x](javascript:y)");
  current = await text(page).inputValue();
  const [link] = checker(current);
  expect(link.message).toContain("javascript:y");
  await expect(problems(page).getByRole("button", { name: `Line ${link.line}, column ${link.column}` })).toContainText(link.message);
  // Deleted again, key by key.
  for (let i = 0; i < " [x](javascript:y)".length; i++) await page.keyboard.press("Backspace");
  await expect(page.getByRole("status").filter({ hasText: "No problems" })).toBeVisible();
  // A selection replaced by typing: question 2 takes question 1's id.
  current = await text(page).inputValue();
  const id = current.indexOf(`"${second.id}"`) + 1;
  await select(page, id, id + second.id.length);
  await page.keyboard.type(first.id);
  current = await text(page).inputValue();
  const [duplicate] = checker(current);
  expect(duplicate.message).toContain("already used");
  await expect(problems(page).getByRole("button", { name: `Line ${duplicate.line}, column ${duplicate.column}` })).toContainText(duplicate.message);
  // Outside the questions (the title): checked whole.
  await select(page, current.indexOf("Frequently"));
  await page.keyboard.type("Our ");
  await expect(previewTitle(page, `Our ${bundledFaq.title}`)).toBeVisible();
  // What the studio holds is what the text view shows.
  current = await text(page).inputValue();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download faq.json" }).click();
  expect(JSON.parse(readFileSync(await (await download).path(), "utf8"))).toEqual(JSON.parse(current));
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("a long file is edited through a window of its lines that follows the cursor and scrolling", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  const long = {
    title: "A long FAQ",
    questions: Array.from({ length: 400 }, (_, i) => ({
      id: `q${i}`,
      question: `Question number ${i}?`,
      answer: i === 399 ? "See [this](javascript:alert(1))." : `Answer ${i}.`,
      keywords: ["one", "two"],
      links: [{ text: "More", href: `https://www.example.org/${i}` }],
    })),
  };
  const source = JSON.stringify(long, null, 2);
  const lines = source.split("\n");
  await page.getByLabel("Open a file").setInputFiles({ name: "long.json", mimeType: "application/json", buffer: Buffer.from(source) });
  await expect(previewTitle(page, "A long FAQ")).toBeVisible();
  const windowNote = page.getByText(/the text box holds lines/);
  await expect(windowNote).toHaveText(`This file is long: the text box holds lines 1–1000 of ${lines.length}, and moves with the cursor and scrolling.`);
  await expect(text(page)).toHaveValue(lines.slice(0, 1000).join("\n"));
  // Typing at the top: the preview follows.
  await select(page, source.indexOf("Question number 0?"));
  await page.keyboard.type("First ");
  await expect(page.getByRole("button", { name: "First Question number 0?", exact: true })).toBeVisible();
  let current = source.replace("Question number 0?", "First Question number 0?");
  // The keyboard goes past the window's edge; Ctrl+End goes to the end of the whole text.
  await select(page, current.split("\n").slice(0, 994).join("\n").length + 1);
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByText("Cursor: line 1005, column 1", { exact: true })).toBeVisible();
  await expect(windowNote).not.toHaveText(/holds lines 1–1000 /);
  await page.keyboard.press("Control+End");
  await expect(page.getByText(`Cursor: line ${lines.length}, column 2`, { exact: true })).toBeVisible();
  await expect(windowNote).toHaveText(new RegExp(`holds lines \\d+–${lines.length} of ${lines.length}`));
  // The problem in the last question, far below the window: choosing it brings its line in.
  const [problem] = checker(current);
  expect(problem.line).toBeGreaterThan(1000);
  await problems(page).getByRole("button", { name: `Line ${problem.line}, column ${problem.column}` }).click();
  await expect(text(page)).toBeFocused();
  await expect(page.getByText(`Cursor: line ${problem.line}, column ${problem.column}`, { exact: true })).toBeVisible();
  const caret = await text(page).evaluate((area) => {
    const before = area.value.slice(0, area.selectionStart).split("\n");
    const line = area.value.split("\n")[before.length - 1];
    return { line, column: [...before.at(-1)].length + 1 };
  });
  expect(caret).toEqual({ line: current.split("\n")[problem.line - 1], column: problem.column });
  const [, first, last] = /holds lines (\d+)–(\d+)/.exec(await windowNote.textContent()).map(Number);
  expect(first).toBeLessThan(problem.line);
  expect(last).toBeGreaterThan(problem.line);
  // Typing there lands there in the whole text.
  await page.keyboard.type("https://www.example.org/ok) (");
  current = current.replace("[this](javascript:", "[this](https://www.example.org/ok) (javascript:");
  await expect(page.getByRole("status").filter({ hasText: "No problems" })).toBeVisible();
  // Scrolling to the top of the text box moves the window up.
  await text(page).evaluate((area) => (area.scrollTop = 0));
  await expect(windowNote).not.toHaveText(new RegExp(`holds lines ${first}–`));
  const [, above] = /holds lines (\d+)–/.exec(await windowNote.textContent()).map(Number);
  expect(above).toBeLessThan(first);
  // What the studio holds is the whole text, as typed, under the file's own name.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download long.json" }).click();
  expect(JSON.parse(readFileSync(await (await download).path(), "utf8"))).toEqual(JSON.parse(current));
  await expectNoAxeViolations(page);
  console.expectClean();
});

for (const [name, edit] of [
  ["a duplicate id", (faq) => (faq.questions[1].id = faq.questions[0].id)],
  ["a javascript: link", (faq) => (faq.questions[0].answer = "See [this](javascript:alert(1)).")],
  ["a blank answer", (faq) => (faq.questions[2].answer = "  ")],
]) {
  test(`${name} gives the checker's message`, async ({ page }) => {
    await openStudio(page);
    const faq = structuredClone(bundledFaq);
    edit(faq);
    const source = JSON.stringify(faq, null, 2);
    await text(page).fill(source);
    const expected = checker(source);
    expect(expected.length).toBeGreaterThan(0);
    for (const p of expected) {
      await expect(problems(page).getByRole("button", { name: `Line ${p.line}, column ${p.column}` }).first()).toContainText(p.message);
    }
    await expectNoAxeViolations(page);
  });
}

test("the language and the interface texts (ui) in the form: the text view and the preview use them", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  await openBundled(page);
  const preview = page.getByRole("region", { name: "Preview" });
  await page.getByText("Interface texts (ui)").click();
  const label = page.getByLabel("search.label", { exact: true });
  // Empty: the built-in text, in the FAQ's language.
  await expect(label).toHaveValue("");
  await expect(label).toHaveAttribute("placeholder", "Search the questions");
  await label.fill("Find a question");
  await expect(text(page)).toHaveValue(/"ui": \{\n {4}"search\.label": "Find a question"\n {2}\}\n\}\n$/);
  await expect(preview.getByRole("searchbox", { name: "Find a question" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "No problems" })).toBeVisible();
  // Typed in the text view, it shows in the form.
  const current = await text(page).inputValue();
  await text(page).fill(current.replace('"search.label": "Find a question"', '"search.label": "Find a question", "retry": "Again"'));
  await expect(page.getByLabel("retry", { exact: true })).toHaveValue("Again");
  // Another language: the form says which texts to write; French has its own.
  const language = page.getByLabel("Language (BCP 47, e.g. en, fr-CA)");
  await language.fill("de");
  await expect(page.getByText("exist in English and French. For another language")).toBeVisible();
  await expect(preview.getByRole("region", { name: bundledFaq.title })).toHaveAttribute("lang", "de");
  await language.fill("fr");
  await expect(page.getByText("exist in English and French. For another language")).toHaveCount(0);
  await expect(page.getByLabel("show_all", { exact: true })).toHaveAttribute("placeholder", "Afficher toutes les réponses");
  await expect(preview.getByRole("button", { name: "Afficher toutes les réponses" })).toBeVisible();
  await expect(preview.getByRole("searchbox", { name: "Find a question" })).toBeVisible();
  // Emptied, an interface text goes from the file.
  await page.getByLabel("search.label", { exact: true }).fill("");
  await expect(text(page)).not.toHaveValue(/search\.label/);
  await expect(preview.getByRole("searchbox", { name: "Rechercher dans les questions" })).toBeVisible();
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("an accent colour with poor contrast shows a warning; a good one removes it", async ({ page }) => {
  await openStudio(page);
  const accent = page.getByLabel("--faq-accent");
  const warning = page.getByText("below 4.5:1, hard to read");
  await expect(warning).toHaveCount(0);
  await accent.fill("#ffff00");
  await expect(warning.first()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "--faq-accent on --faq-background" })).toContainText("1.07:1");
  // The studio itself stays clean; the preview shows the poor colour the owner chose, on purpose
  // (that is what the warning is about), so only it is left out of this audit.
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .exclude(".preview-frame")
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await accent.fill("#1e40af");
  await expect(warning).toHaveCount(0);
  // The preview uses it, through the CSSOM.
  const link = page.locator(".preview-frame a").first();
  await expect(link).toHaveCSS("color", "rgb(30, 64, 175)");
});

test("the copied snippet and the downloaded faq.json work in a host page on another origin", async ({ page, context, browser }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openStudio(page);
  await openBundled(page);
  await page.getByLabel("Question 1", { exact: true }).fill("Renamed in the studio?");
  await page.getByLabel("Address of embed.js").fill(`${CDN}/embed.js`);
  // The build's digest of embed.js, filled in from dist/embed.js.integrity: the tag is checked.
  const digest = readFileSync(join(DIST, "embed.js.integrity"), "utf8").trim();
  await expect(page.getByLabel("Integrity digest of that embed.js (empty: none)")).toHaveValue(digest);
  await page.getByLabel(/^Address of your faq\.json/).fill("faq.json");
  await page.getByLabel("Show the FAQ's cookie notice").uncheck();
  await page.getByLabel("--faq-accent").fill("#7c3aed");
  await expect(page.getByLabel("The snippet")).toHaveValue(/data-cookie-notice="off"/);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download faq.json" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("faq.json");
  const downloaded = readFileSync(await file.path(), "utf8");
  expect(JSON.parse(downloaded).questions[0].question).toBe("Renamed in the studio?");
  expect(downloaded).toMatch(/^\{\n {2}"\$schema"/);

  await page.getByRole("button", { name: "Copy the snippet" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain(
    `<script src="${CDN}/embed.js" integrity="${digest}" crossorigin="anonymous" data-src="faq.json" data-cookie-notice="off" async></script>`,
  );

  const dir = join(GENERATED, "studio-host");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "faq.json"), downloaded);
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main><h1>Host</h1>\n${snippet}\n</main></body></html>`,
  );
  // localhost is another origin than the studio's 127.0.0.1, and embed.js comes from a third.
  const host = await browser.newPage();
  const console = watchConsole(host);
  await host.goto(`http://localhost:${PAGE_PORT}/studio-host/index.html`);
  await expect(host.getByRole("heading", { level: 2, name: bundledFaq.title })).toBeVisible();
  await expect(host.getByRole("button", { name: "Renamed in the studio?", exact: true })).toBeVisible();
  await expect(host.getByRole("button", { name: /accept|refuse/i })).toHaveCount(0);
  const accent = await host.locator("faq-widget").evaluate((el) => getComputedStyle(el).getPropertyValue("--faq-accent").trim());
  expect(accent).toBe("#7c3aed");
  console.expectClean();
  await host.close();
});

test("the draft survives a reload; Discard draft clears it", async ({ page }) => {
  await openStudio(page);
  await expect(page.getByText("Edits are kept in this browser")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("My own FAQ");
  await expect(previewTitle(page, "My own FAQ")).toBeVisible();
  await expect(page.getByText("Your draft is kept in this browser (localStorage)")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("My own FAQ");
  await expect(text(page)).toHaveValue(/"title": "My own FAQ"/);
  await expect(previewTitle(page, "My own FAQ")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Frequently asked questions");
  await page.reload();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Frequently asked questions");
  await expect(page.getByRole("button", { name: "Discard draft" })).toBeDisabled();
});

test("questions are added, reordered with the keyboard and removed", async ({ page }) => {
  await openStudio(page);
  await openBundled(page);
  await page.getByRole("button", { name: "Move down, Question 1", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Question 1", { exact: true })).toHaveValue(bundledFaq.questions[1].question);
  await expect(page.getByLabel("Question 2", { exact: true })).toHaveValue(first.question);
  // Focus follows the moved question.
  await expect(page.locator("#studio-q1-up")).toBeFocused();
  await page.getByRole("button", { name: "Add a question" }).click();
  const n = bundledFaq.questions.length + 1;
  await expect(page.getByLabel(`Question ${n}`, { exact: true })).toHaveValue(`New question ${n}?`);
  await expect(page.getByRole("button", { name: `New question ${n}?`, exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Remove, Question ${n}`, exact: true }).click();
  await expect(page.getByLabel(`Question ${n}`, { exact: true })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "No problems" })).toBeVisible();
});

test("a question dragged above another by its title moves there: the text view and the preview follow", async ({ page }) => {
  const console = watchConsole(page);
  // Tall enough for three questions of the form at once: a drag does not scroll the page.
  await page.setViewportSize({ width: 1280, height: 2200 });
  await openStudio(page);
  await openBundled(page);
  const [q1, q2, q3] = bundledFaq.questions;
  const group = (n, q) => page.getByRole("group", { name: `Question ${n}: ${q.question}`, exact: true });
  await group(1, q1).evaluate((box) => box.scrollIntoView({ block: "start" }));
  // By its title (the top of the question's box), onto the top half of question 1.
  await group(3, q3).dragTo(group(1, q1), { sourcePosition: { x: 24, y: 6 }, targetPosition: { x: 24, y: 6 } });
  await expect(page.getByLabel("Question 1", { exact: true })).toHaveValue(q3.question);
  const rest = bundledFaq.questions.slice(3).map((q) => q.id);
  const ids = async () => JSON.parse(await text(page).inputValue()).questions.map((q) => q.id);
  expect(await ids()).toEqual([q3.id, q1.id, q2.id, ...rest]);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 3 }).first()).toHaveText(q3.question);
  expect((await preview.getByRole("heading", { level: 3 }).allTextContents()).slice(0, 3)).toEqual([q3.question, q1.question, q2.question]);
  // Onto the bottom half of the next question: it goes after it.
  const box = await group(2, q1).boundingBox();
  await group(1, q3).dragTo(group(2, q1), { sourcePosition: { x: 24, y: 6 }, targetPosition: { x: 24, y: box.height - 12 } });
  await expect(page.getByLabel("Question 2", { exact: true })).toHaveValue(q3.question);
  expect(await ids()).toEqual([q1.id, q3.id, q2.id, ...rest]);
  await expect(preview.getByRole("heading", { level: 3 }).first()).toHaveText(q1.question);
  await expect(page.getByRole("status").filter({ hasText: "No problems" })).toBeVisible();
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("open a file from disk, or a URL; a URL the browser may not read says why", async ({ page }) => {
  await openStudio(page);
  const faq = structuredClone(bundledFaq);
  faq.title = "From a file";
  await page.getByLabel("Open a file").setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(faq)) });
  await expect(previewTitle(page, "From a file")).toBeVisible();
  await expect(page.getByLabel("The faq-widget render command", { exact: false }).or(page.getByLabel(/Pre-rendered HTML/))).toHaveValue(
    "faq-widget render --json-ld mine.json > mine.html",
  );
  await page.getByLabel("FAQ address (URL)").fill(`${CDN}/faq.json`);
  await page.getByRole("button", { name: "Open URL" }).click();
  await expect(previewTitle(page)).toBeVisible();
  // The page server sends no CORS header: from the studio's origin, localhost is another one.
  await page.getByLabel("FAQ address (URL)").fill(`http://localhost:${PAGE_PORT}/faq.json`);
  await page.getByRole("button", { name: "Open URL" }).click();
  await expect(page.getByText(/could not be read\. Its server does not allow this page to read it \(CORS\)/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a file dropped on the page opens", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  const faq = structuredClone(bundledFaq);
  faq.title = "Dropped on the page";
  // What the browser hands the page when a file from disk is dropped on it.
  const dataTransfer = await page.evaluateHandle((json) => {
    const data = new DataTransfer();
    data.items.add(new File([json], "dropped.json", { type: "application/json" }));
    return data;
  }, JSON.stringify(faq, null, 2));
  const main = page.getByRole("main");
  await main.dispatchEvent("dragover", { dataTransfer });
  await main.dispatchEvent("drop", { dataTransfer });
  await expect(previewTitle(page, "Dropped on the page")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Opened dropped.json" })).toBeVisible();
  await expect(text(page)).toHaveValue(JSON.stringify(faq, null, 2));
  await expect(page.getByLabel("The faq-widget render command", { exact: false }).or(page.getByLabel(/Pre-rendered HTML/))).toHaveValue(
    "faq-widget render --json-ld dropped.json > dropped.html",
  );
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("the preview at 320 px, dark, and the French interface", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  await openBundled(page);
  await page.getByLabel("320 px").check();
  await page.getByLabel("Dark").check();
  const frame = page.locator(".preview-frame");
  expect((await frame.boundingBox()).width).toBeLessThanOrEqual(320);
  await expect(page.locator(".preview-frame .faq")).toHaveCSS("background-color", "rgb(13, 17, 23)");
  await expectNoAxeViolations(page);
  // Every language the widget has texts for: Spanish and Arabic (right to left) from their packs.
  await page.getByLabel("Language of the widget").selectOption("es");
  await expect(page.locator(".preview-frame .faq")).toHaveAttribute("lang", "es");
  await expect(page.locator(".preview-frame").getByRole("button", { name: "Mostrar todas las respuestas" })).toBeVisible();
  await page.getByLabel("Language of the widget").selectOption("ar");
  await expect(page.locator(".preview-frame .faq")).toHaveAttribute("dir", "rtl");
  await expect(page.locator(".preview-frame").getByRole("button", { name: "عرض كل الإجابات" })).toBeVisible();
  await page.getByLabel("Language of the widget").selectOption("fr");
  await expect(page.locator(".preview-frame .faq")).toHaveAttribute("lang", "fr");
  await expect(page.locator(".preview-frame").getByRole("button", { name: "Afficher toutes les réponses" })).toBeVisible();
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Atelier faq-widget" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("button", { name: "Supprimer le brouillon" })).toBeVisible();
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("the studio in Spanish and in Arabic: right to left, the JSON left to right, axe clean, the choice kept", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  await openBundled(page);
  await page.getByRole("navigation", { name: "Interface language" }).getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Estudio faq-widget" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("button", { name: "Descartar el borrador" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("navigation", { name: "Idioma de la interfaz" }).getByRole("button", { name: "العربية" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "استوديو faq-widget" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const json = page.getByLabel("faq.json نصًّا");
  expect(await json.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  await expect(page.getByRole("button", { name: "تجاهل المسودة" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "استوديو faq-widget" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("navigation", { name: "لغة الواجهة" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  console.expectClean();
});

test("once loaded, the studio works offline", async ({ page, context }) => {
  await openStudio(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await openBundled(page);
  await page.getByLabel("Title", { exact: true }).fill("Edited offline");
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "faq-widget studio" })).toBeVisible();
  await expect(previewTitle(page, "Edited offline")).toBeVisible();
  await page.getByRole("button", { name: "Open the bundled FAQ" }).click();
  await expect(previewTitle(page)).toBeVisible();
  await context.setOffline(false);
});
