import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, question, watchConsole } from "./helpers.mjs";

// Issue 23: one embed, several languages. The bundled FAQ in four files (dist/faq.en.json,
// faq.fr.json, faq.es.json, faq.ar.json: the same question ids), one script tag with
// data-src="faq.{lang}.json" data-langs="en,fr,es,ar".

const TITLES = {
  en: "Frequently asked questions",
  fr: "Questions fréquentes",
  es: "Preguntas frecuentes",
  ar: "الأسئلة المتكررة",
};
// Each language named in itself (Intl.DisplayNames), capitalised as a menu item.
const NAMES = { en: "English", fr: "Français", es: "Español", ar: "العربية" };
const LABELS = { en: "Language", fr: "Langue", es: "Idioma", ar: "اللغة" };
const ARRESTS = {
  en: "Does INTERPOL send agents around the world to arrest people?",
  ar: "هل يرسل الإنتربول عملاء إلى جميع أنحاء العالم لاعتقال الأشخاص؟",
  es: "¿Envía INTERPOL agentes por todo el mundo para detener a personas?",
};

const open = (page, lang, langs = "en,fr,es,ar") =>
  page.goto(`/host.html?lang=${lang}&src=${encodeURIComponent("/faq.{lang}.json")}&langs=${langs}`);
const title = (page, code) => page.getByRole("heading", { name: TITLES[code], exact: true });
const languageButton = (page, code) => page.getByRole("button", { name: NAMES[code], exact: true });
const stored = (page) => page.evaluate(() => localStorage.getItem("faq-widget:lang"));

async function expectShown(page, code, label) {
  await expect(title(page, code)).toBeVisible();
  await expect(page.getByRole("group", { name: label, exact: true })).toBeVisible();
  for (const other of Object.keys(NAMES)) {
    await expect(languageButton(page, other)).toHaveAttribute("aria-pressed", String(other === code));
    await expect(languageButton(page, other)).toHaveAttribute("lang", other);
  }
}

test("the page's language picks the file; the switch names each language in itself", async ({ page }) => {
  const console = watchConsole(page);
  await open(page, "es-MX");
  await expectShown(page, "es", "Idioma");
  await expect(page.getByRole("searchbox", { name: "Buscar en las preguntas" })).toBeVisible();
  await expectNoAxeViolations(page);
  console.expectClean();
});

test.describe("no file for the page's language", () => {
  test.use({ locale: "fr-CA" });
  test("the browser's languages pick the file", async ({ page }) => {
    await open(page, "de");
    await expectShown(page, "fr", "Langue");
  });
});

test.describe("neither the page's nor the browser's language", () => {
  test.use({ locale: "de-DE" });
  test("the first of langs", async ({ page }) => {
    await open(page, "de", "ar,en");
    await expect(title(page, "ar")).toBeVisible();
    await expect(page.locator("faq-widget section.faq")).toHaveAttribute("dir", "rtl");
    await expect(languageButton(page, "ar")).toHaveAttribute("aria-pressed", "true");
  });
});

test("switching by keyboard keeps the open question and the focus; Arabic right to left", async ({ page }) => {
  const console = watchConsole(page);
  await open(page, "en");
  await expectShown(page, "en", "Language");
  await question(page, ARRESTS.en).click();
  await expect(question(page, ARRESTS.en)).toHaveAttribute("aria-expanded", "true");

  await languageButton(page, "ar").focus();
  await page.keyboard.press("Enter");
  await expectShown(page, "ar", "اللغة");
  await expect(page.locator("faq-widget section.faq")).toHaveAttribute("dir", "rtl");
  await expect(question(page, ARRESTS.ar)).toHaveAttribute("aria-expanded", "true");
  await expect(languageButton(page, "ar")).toBeFocused();
  await expectNoAxeViolations(page);

  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expectShown(page, "es", "Idioma");
  await expect(question(page, ARRESTS.es)).toHaveAttribute("aria-expanded", "true");
  console.expectClean();
});

test("the choice is stored only with consent, and a rejection forgets it", async ({ page }) => {
  await open(page, "en");
  await languageButton(page, "es").click();
  await expect(title(page, "es")).toBeVisible();
  expect(await stored(page)).toBe(null);
  await page.reload();
  await expectShown(page, "en", "Language");

  await languageButton(page, "es").click();
  await page.getByRole("button", { name: "Aceptar", exact: true }).click();
  await expect.poll(() => stored(page)).toBe("es");
  await page.reload();
  await expectShown(page, "es", "Idioma");

  await page.getByRole("button", { name: "Configuración de cookies" }).click();
  await page.getByRole("button", { name: "Rechazar", exact: true }).click();
  await expect.poll(() => stored(page)).toBe(null);
  await page.reload();
  await expectShown(page, "en", "Language");
});

test("a language whose file is missing shows the error, and the switch still leads back", async ({ page }) => {
  await open(page, "de", "en,de");
  await expect(page.getByRole("alert")).toContainText("HTTP 404");
  await languageButton(page, "en").click();
  await expect(title(page, "en")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("the demo's four-language page: each language from its button, axe clean in each", async ({ page }) => {
  await page.goto("/languages.html");
  await expectShown(page, "en", LABELS.en);
  for (const code of ["fr", "es", "ar"]) {
    await languageButton(page, code).click();
    await expectShown(page, code, LABELS[code]);
    await expectNoAxeViolations(page);
  }
});
