// The studio with a FAQ in several languages (issue 23): one file per language, edited in turn,
// compared as `faq-widget check --translations` compares them, kept between visits, and an embed
// snippet that loads each language from its file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, watchConsole } from "./helpers.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const file = (name) => readFileSync(join(ROOT, name), "utf8");
test.setTimeout(120_000);

const text = (page) => page.getByLabel("faq.json as text");
const panel = (page) => page.getByRole("region", { name: "Languages of this FAQ" });
const fileButton = (page, name, code) => panel(page).getByRole("button", { name: `${name} (${code})`, exact: true });
const TITLES = { en: "Frequently asked questions", fr: "Questions fréquentes", es: "Preguntas frecuentes" };

async function openStudio(page) {
  await page.goto("/studio/");
  await expect(page.getByRole("heading", { level: 1, name: "faq-widget studio" })).toBeVisible();
}

test("the bundled FAQ in four languages: each file edited in turn, compared with the others, kept, and one snippet for all", async ({ page }) => {
  const console = watchConsole(page);
  await openStudio(page);
  await expect(panel(page)).toContainText("One file.");
  await panel(page).getByRole("button", { name: "Open all four languages of the bundled FAQ" }).click();

  const files = panel(page).getByRole("list", { name: "Files (the first is the reference)" });
  await expect(files.getByRole("button")).toHaveText(["faq.en.json (en)", "faq.fr.json (fr)", "faq.es.json (es)", "faq.ar.json (ar)"]);
  await expect(fileButton(page, "faq.en.json", "en")).toHaveAttribute("aria-pressed", "true");
  await expect(panel(page).getByText("This file agrees with the others")).toBeVisible();
  await expectNoAxeViolations(page);

  // The Spanish file: its text, its preview, its download.
  await fileButton(page, "faq.es.json", "es").click();
  await expect(fileButton(page, "faq.es.json", "es")).toHaveAttribute("aria-pressed", "true");
  await expect(text(page)).toHaveValue(file("faq.es.json"));
  await expect(page.getByRole("heading", { level: 2, name: TITLES.es, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download faq.es.json" })).toBeVisible();

  // A translated id: the comparison says what the English reference has and this file lacks.
  await text(page).fill(file("faq.es.json").replace('"id": "wanted"', '"id": "buscada"'));
  const across = panel(page).getByRole("list").last();
  await expect(across.getByRole("button")).toHaveCount(2);
  await expect(across).toContainText('the question "wanted" of faq.en.json is missing here');
  await expect(across).toContainText(/Question \d+: the id "buscada" is not in faq\.en\.json/);
  // Choosing one puts the cursor in the text.
  await across.getByRole("button", { name: /the id "buscada"/ }).click();
  await expect(text(page)).toBeFocused();

  // Another file and back: the edit is kept.
  await fileButton(page, "faq.fr.json", "fr").click();
  await expect(page.getByRole("heading", { level: 2, name: TITLES.fr, exact: true })).toBeVisible();
  await expect(panel(page).getByText("This file agrees with the others")).toBeVisible();
  await fileButton(page, "faq.es.json", "es").click();
  await expect(text(page)).toHaveValue(/"id": "buscada"/);

  // One snippet for the four: each language from its file.
  await page.getByLabel("Address of embed.js").fill("https://cdn.example.org/faq/embed.js");
  await expect(page.getByLabel("The snippet")).toHaveValue(
    /data-src="https:\/\/cdn\.example\.org\/faq\/faq\.\{lang\}\.json" data-langs="en,fr,es,ar"/,
  );

  // Kept between visits, the edited file too.
  await page.reload();
  await expect(files.getByRole("button")).toHaveCount(4);
  await expect(fileButton(page, "faq.es.json", "es")).toHaveAttribute("aria-pressed", "true");
  await expect(text(page)).toHaveValue(/"id": "buscada"/);
  await expect(across.getByRole("button")).toHaveCount(2);

  // Taken out of the set: the reference is edited next.
  await panel(page).getByRole("button", { name: "Remove this file from the set" }).click();
  await expect(files.getByRole("button")).toHaveText(["faq.en.json (en)", "faq.fr.json (fr)", "faq.ar.json (ar)"]);
  await expect(text(page)).toHaveValue(file("faq.json"));
  await expectNoAxeViolations(page);
  console.expectClean();
});

test("files opened together are one FAQ; translations are added; a single file opened alone is an ordinary FAQ again", async ({ page }) => {
  await openStudio(page);
  const payload = (name, source) => ({ name, mimeType: "application/json", buffer: Buffer.from(file(source)) });
  await page.getByLabel("Open a file").setInputFiles([payload("faq.en.json", "faq.json"), payload("faq.fr.json", "faq.fr.json")]);
  const files = panel(page).getByRole("list", { name: "Files (the first is the reference)" });
  await expect(files.getByRole("button")).toHaveText(["faq.en.json (en)", "faq.fr.json (fr)"]);
  await expect(text(page)).toHaveValue(file("faq.json"));

  await panel(page).getByLabel("Add translations (files)").setInputFiles([payload("faq.es.json", "faq.es.json")]);
  await expect(files.getByRole("button")).toHaveText(["faq.en.json (en)", "faq.fr.json (fr)", "faq.es.json (es)"]);
  await expect(fileButton(page, "faq.en.json", "en")).toHaveAttribute("aria-pressed", "true");

  // Files not named after their language: the snippet cannot name them, and the panel says so.
  await panel(page).getByLabel("Add translations (files)").setInputFiles([payload("arabe.json", "faq.ar.json")]);
  await expect(panel(page).getByText("Name each file after its language the same way")).toBeVisible();
  await expect(page.getByLabel("The snippet")).not.toHaveValue(/data-langs/);

  await page.getByLabel("Open a file").setInputFiles([payload("faq.json", "faq.json")]);
  await expect(panel(page)).toContainText("One file.");
  await expect(page.getByRole("button", { name: "Download faq.json" })).toBeVisible();
  await page.reload();
  await expect(panel(page)).toContainText("One file.");
});
