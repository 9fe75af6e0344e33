import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, watchConsole } from "./helpers.mjs";

// Issue 9: every visitor. Translated controls (English, French, Arabic), right to left, axe in
// every state, keyboard journeys, forced colours, zoom, reduced motion, announcements once each.

const FAQS = {
  en: {
    src: "/faq.json",
    lang: "en",
    first: bundledFaq.questions[0].question,
    showAll: "Show all answers",
    hideAll: "Hide all answers",
    search: "Search the questions",
    settings: "Cookie settings",
    notice: "Cookie notice",
    reject: "Reject",
    rejected: "Cookies rejected.",
    copy: "Copy link to this question",
    hits: "notice",
    none: "xylophone",
    error: "The FAQ could not be shown.",
  },
  fr: {
    src: "/examples/faq.fr.json",
    lang: "fr",
    first: "INTERPOL envoie-t-il des agents dans le monde pour arrêter des personnes ?",
    showAll: "Afficher toutes les réponses",
    hideAll: "Masquer toutes les réponses",
    search: "Rechercher dans les questions",
    settings: "Paramètres des cookies",
    notice: "Avis sur les cookies",
    reject: "Refuser",
    rejected: "Cookies refusés.",
    copy: "Copier le lien vers cette question",
    hits: "fraude",
    none: "xylophone",
    error: "La FAQ n’a pas pu être affichée.",
  },
  ar: {
    src: "/examples/faq.ar.json",
    lang: "ar",
    first: "هل يرسل الإنتربول عملاء حول العالم لاعتقال الأشخاص؟",
    showAll: "عرض كل الإجابات",
    hideAll: "إخفاء كل الإجابات",
    search: "البحث في الأسئلة",
    settings: "إعدادات ملفات تعريف الارتباط",
    notice: "إشعار ملفات تعريف الارتباط",
    reject: "رفض",
    rejected: "تم رفض ملفات تعريف الارتباط",
    copy: "نسخ رابط هذا السؤال",
    hits: "الإنتربول",
    none: "xylophone",
    // Before the FAQ loads, an Arabic host page gets Arabic (the pack embed.js fetched for it).
    error: "تعذّر عرض الأسئلة المتكررة.",
  },
};

// The Accept button and the start of the offline note ("offline.saved") in each language.
const OFFLINE = {
  en: { accept: "Accept", note: /^Offline: showing the copy saved on / },
  fr: { accept: "Accepter", note: /^Hors ligne : copie enregistrée le / },
  ar: { accept: "قبول", note: /^غير متصل: عرض النسخة المحفوظة بتاريخ / },
};

const load = (page, faq, extra = "") => page.goto(`/host.html?lang=${faq.lang}&src=${encodeURIComponent(faq.src)}${extra}`);
const searchStatus = (page) => page.locator("faq-widget .faq-search-status");
/** The focused element, through shadow roots: never <body> after a keyboard step. */
const focusedTag = (page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.tagName : "NONE";
  });
async function expectFocusKept(page) {
  expect(await focusedTag(page)).not.toBe("BODY");
  expect(await focusedTag(page)).not.toBe("NONE");
}

/** Every state in both colour schemes and at both widths, on one page load. */
async function auditAllWays(page, state) {
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await test.step(`${state}, ${colorScheme}, ${width} px`, () => expectNoAxeViolations(page));
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

for (const [code, faq] of Object.entries(FAQS)) {
  test(`${code}: translated controls and axe clean in every state, scheme and width`, async ({ page }) => {
    test.setTimeout(120_000);
    const console = watchConsole(page);
    await load(page, faq);
    const widget = page.locator("faq-widget section.faq");
    await expect(page.getByRole("button", { name: faq.first, exact: true })).toBeVisible();
    await expect(widget).toHaveAttribute("lang", faq.lang === "en" ? /^en/ : faq.lang);
    await expect(widget).toHaveAttribute("dir", code === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("searchbox", { name: faq.search })).toBeVisible();
    // Initial state: the cookie notice is open on a first visit.
    await expect(page.getByRole("region", { name: faq.notice, exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: faq.settings })).toHaveAttribute("aria-expanded", "true");
    await auditAllWays(page, "initial, cookie notice open");

    await page.getByRole("button", { name: faq.showAll }).click();
    await expect(page.getByRole("button", { name: faq.hideAll })).toBeVisible();
    await expect(page.getByRole("button", { name: faq.copy }).first()).toBeVisible();
    await auditAllWays(page, "all open");

    await page.getByRole("searchbox", { name: faq.search }).fill(faq.hits);
    await expect(searchStatus(page)).toContainText(faq.hits);
    await auditAllWays(page, "searching");

    await page.getByRole("searchbox", { name: faq.search }).fill(faq.none);
    await expect(searchStatus(page)).toContainText(faq.none);
    await auditAllWays(page, "no results");

    await page.getByRole("searchbox", { name: faq.search }).fill("");
    await page.getByRole("region", { name: faq.notice, exact: true }).getByRole("button", { name: faq.reject, exact: true }).click();
    await expect(page.locator("faq-widget [role=status][aria-live]").last()).toHaveText(faq.rejected);
    await auditAllWays(page, "cookie notice closed");
    console.expectClean();
  });

  test(`${code}: the offline note in the FAQ's language, axe clean in every scheme and width`, async ({ page }) => {
    test.setTimeout(60_000);
    // Cross-origin embed (dist/ on the other port): the widget keeps its own saved copy.
    await load(page, faq, "&cdn=1");
    await page.getByRole("region", { name: faq.notice, exact: true }).getByRole("button", { name: OFFLINE[code].accept, exact: true }).click();
    await page.route((url) => url.pathname === faq.src, (route) => route.abort("internetdisconnected"));
    await page.reload();
    await expect(page.getByRole("button", { name: faq.first, exact: true })).toBeVisible();
    await expect(page.locator("faq-widget").getByText(OFFLINE[code].note)).toBeVisible();
    await auditAllWays(page, "offline note");
  });

  test(`${code}: a 404 FAQ shows the error in the host page's language, axe clean`, async ({ page }) => {
    await page.goto(`/host.html?lang=${faq.lang}&src=/missing-${code}.json`);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText(faq.error);
    await expect(alert).toContainText("HTTP 404");
    await expect(page.locator("faq-widget .faq")).toHaveAttribute("lang", code);
    await expect(page.locator("faq-widget .faq")).toHaveAttribute("dir", code === "ar" ? "rtl" : "ltr");
    await auditAllWays(page, "error");
  });
}

// Issue 23: the widget's own texts in Arabic, French and Spanish are language packs that embed.js
// fetches (by their digest) for a FAQ in that language; the bundled translations have no `ui`.
const PACKED = {
  es: {
    src: "/faq.es.json",
    first: "¿Envía INTERPOL agentes por todo el mundo para detener a personas?",
    showAll: "Mostrar todas las respuestas",
    search: "Buscar en las preguntas",
    reject: "Rechazar",
    query: "fraude",
    status: /^(1 pregunta coincide|\d+ preguntas coinciden) con «fraude»$/,
  },
  ar: {
    src: "/faq.ar.json",
    first: null,
    showAll: "عرض كل الإجابات",
    search: "البحث في الأسئلة",
    reject: "رفض",
    query: "هل",
    status: /^\d+ أسئلة تطابق «هل»$|^سؤالان يطابقان «هل»$/,
  },
};

for (const [code, faq] of Object.entries(PACKED)) {
  test(`${code}: a FAQ without ui texts on an English page gets every control from its language pack`, async ({ page }) => {
    const console = watchConsole(page);
    await page.goto(`/host.html?lang=en&src=${encodeURIComponent(faq.src)}`);
    await expect(page.getByRole("button", { name: faq.showAll })).toBeVisible();
    if (faq.first) await expect(page.getByRole("button", { name: faq.first, exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: faq.reject, exact: true })).toBeVisible();
    await expect(page.locator("faq-widget section.faq")).toHaveAttribute("lang", code);
    await expect(page.locator("faq-widget section.faq")).toHaveAttribute("dir", code === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("button", { name: "Show all answers" })).toHaveCount(0);
    await page.getByRole("searchbox", { name: faq.search }).fill(faq.query);
    await expect(searchStatus(page)).toHaveText(faq.status);
    await expectNoAxeViolations(page);
    console.expectClean();
  });
}

test("a tampered language pack is refused: the FAQ shows with English controls and the console says why", async ({ page }) => {
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  await page.route(/\/faq-widget-es\.json\?/, async (route) => {
    const response = await route.fetch();
    const pack = await response.json();
    pack.show_all = "Llame al 555 0100 para ver las respuestas";
    await route.fulfill({ response, body: JSON.stringify(pack) });
  });
  await page.goto(`/host.html?lang=en&src=${encodeURIComponent("/faq.es.json")}`);
  await expect(page.getByRole("button", { name: PACKED.es.first, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Show all answers" })).toBeVisible();
  await expect(page.getByText("555 0100")).toHaveCount(0);
  await expect.poll(() => warnings.join("\n")).toContain("faq-widget: its es texts did not load");
  // Still a working widget: a question opens.
  await page.getByRole("button", { name: PACKED.es.first, exact: true }).click();
  await expect(page.getByRole("button", { name: PACKED.es.first, exact: true })).toHaveAttribute("aria-expanded", "true");
});

test("French plurals: 0 and 1 are singular, 5 plural", async ({ page }) => {
  await load(page, FAQS.fr);
  const box = page.getByRole("searchbox", { name: FAQS.fr.search });
  await box.fill("fraude");
  await expect(searchStatus(page)).toHaveText("1 question correspond à « fraude »");
  await box.fill("INTERPOL");
  await expect(searchStatus(page)).toHaveText(/^\d+ questions correspondent à « INTERPOL »$/);
  await box.fill("xylophone");
  await expect(searchStatus(page)).toHaveText(/^Aucune question ne correspond à « xylophone »\. /);
  await expect(page.getByText("Aucune question ne correspond à « xylophone ».", { exact: true })).toBeVisible();
});

test("Arabic plurals (two, few) from the FAQ's ui texts", async ({ page }) => {
  await load(page, FAQS.ar);
  const box = page.getByRole("searchbox", { name: FAQS.ar.search });
  // Every Arabic question names INTERPOL: 5 results, the "few" form (3–10).
  await box.fill("الإنتربول");
  await expect(searchStatus(page)).toHaveText("5 أسئلة تطابق «الإنتربول»");
  await box.fill("هل");
  await expect(searchStatus(page)).toHaveText("سؤالان يطابقان «هل»");
  await box.fill("كيف");
  await expect(searchStatus(page)).toHaveText("3 أسئلة تطابق «كيف»");
  await box.fill("اعتقال");
  await expect(searchStatus(page)).toHaveText("سؤال واحد يطابق «اعتقال»");
});

test("Arabic lays out right to left: question text from the right edge, chevron on the left", async ({ page }) => {
  await load(page, FAQS.ar);
  const button = page.getByRole("button", { name: FAQS.ar.first, exact: true });
  await expect(button).toBeVisible();
  const boxOf = (selector) => button.locator(selector).boundingBox();
  const buttonBox = await button.boundingBox();
  const text = await boxOf(".faq-question-text");
  const icon = await boxOf(".faq-question-icon");
  const rightGap = buttonBox.x + buttonBox.width - (text.x + text.width);
  expect(rightGap).toBeLessThan(8);
  expect(icon.x + icon.width).toBeLessThan(text.x);
  expect(icon.x - buttonBox.x).toBeLessThan(16);
  // The search label starts at the right too.
  const section = await page.locator("faq-widget section.faq").boundingBox();
  const label = await page.locator("faq-widget .faq-search-label").boundingBox();
  expect(section.x + section.width - (label.x + label.width)).toBeLessThan(8);
});

test("keyboard only (French): search, open, arrows, copy link; focus never lost", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const faq = FAQS.fr;
  await load(page, faq);
  await expect(page.getByRole("button", { name: faq.first, exact: true })).toBeVisible();
  await page.locator("#before").click(); // a neutral start on the host page, no widget focus
  await page.keyboard.press("/");
  const box = page.getByRole("searchbox", { name: faq.search });
  await expect(box).toBeFocused();
  await page.keyboard.type("fraude");
  await expect(searchStatus(page)).toHaveText("1 question correspond à « fraude »");
  await expectFocusKept(page);
  const result = page.getByRole("button", { name: "Suis-je victime d’une fraude en ligne ?", exact: true });
  for (let i = 0; i < 6 && !(await result.evaluate((el) => el.getRootNode().activeElement === el)); i++) {
    await page.keyboard.press("Tab");
    await expectFocusKept(page);
  }
  await expect(result).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(result).toHaveAttribute("aria-expanded", "true");
  await expectFocusKept(page);

  // Back to every question: Escape in the field, then arrows between questions.
  await box.focus();
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
  const first = page.getByRole("button", { name: faq.first, exact: true });
  await first.focus();
  await page.keyboard.press("ArrowDown");
  const second = page.getByRole("button", { name: "Comment savoir si une personne est recherchée par INTERPOL ?", exact: true });
  await expect(second).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(second).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowUp");
  await expect(first).toBeFocused();
  await page.keyboard.press("End");
  await expectFocusKept(page);
  await second.focus();
  await page.keyboard.press("Enter");
  await expect(second).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(second).toHaveAttribute("aria-expanded", "true");

  // Copy link: Tab into the open answer, Enter on the copy button, hear it once.
  const copy = page.locator("faq-widget #a-recherche").getByRole("button", { name: faq.copy });
  for (let i = 0; i < 8 && !(await copy.evaluate((el) => el.getRootNode().activeElement === el)); i++) {
    await page.keyboard.press("Tab");
    await expectFocusKept(page);
  }
  await expect(copy).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("faq-widget [role=status][aria-atomic]")).toHaveText("Lien copié");
  await expect(copy).toBeFocused();
});

test("keyboard only (French): Tab to Refuser, Enter; focus on the settings button", async ({ page }) => {
  const faq = FAQS.fr;
  await load(page, faq);
  await expect(page.getByRole("button", { name: faq.first, exact: true })).toBeVisible();
  await page.locator("#before").click();
  const reject = page.getByRole("button", { name: faq.reject, exact: true });
  for (let i = 0; i < 10 && !(await reject.evaluate((el) => el.getRootNode().activeElement === el)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(reject).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: faq.settings })).toBeFocused();
  await expect(page.getByRole("button", { name: faq.settings })).toHaveAttribute("aria-expanded", "false");
  await expectFocusKept(page);
  await expect(page.locator("faq-widget [role=status][aria-atomic]")).toHaveText("Cookies refusés.");
});

test("forced colours: focus outline and chevron stay visible, axe clean", async ({ page }) => {
  await page.emulateMedia({ forcedColors: "active" });
  await load(page, FAQS.en);
  const first = page.getByRole("button", { name: FAQS.en.first, exact: true });
  await expect(first).toBeVisible();
  await page.locator("#before").click();
  await page.getByRole("searchbox", { name: FAQS.en.search }).focus();
  await page.keyboard.press("Tab"); // keyboard focus, so :focus-visible applies
  const outline = await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const style = getComputedStyle(active);
    return { tag: active.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.tag).toBe("BUTTON");
  expect(outline.style).toBe("solid");
  expect(outline.width).toBeGreaterThanOrEqual(2);
  const chevron = await first.locator(".faq-question-icon").evaluate((el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return { right: style.borderRightStyle, width: parseFloat(style.borderRightWidth), display: style.display, size: box.width };
  });
  expect(chevron).toMatchObject({ right: "solid", display: "block" });
  expect(chevron.width).toBeGreaterThan(0);
  expect(chevron.size).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
});

test("200% zoom (320 CSS px wide): nothing overflows horizontally", async ({ page }) => {
  for (const faq of [FAQS.en, FAQS.ar]) {
    await page.setViewportSize({ width: 640, height: 800 });
    await load(page, faq);
    await page.addStyleTag({ content: "html { zoom: 2 }" });
    await page.getByRole("button", { name: faq.showAll }).click();
    await page.getByRole("searchbox", { name: faq.search }).fill(faq.none);
    await expect(searchStatus(page)).toContainText(faq.none);
    await page.getByRole("searchbox", { name: faq.search }).fill("");
    const overflow = await page.evaluate(() => {
      const root = document.querySelector("faq-widget").shadowRoot;
      const widest = [...root.querySelectorAll("*")]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
        .map((el) => el.className);
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, widest };
    });
    expect(overflow).toEqual({ page: 0, widest: [] });
  }
});

test("reduced motion: no transition or animation in the widget", async ({ page }) => {
  const durations = () =>
    page.evaluate(() => {
      const root = document.querySelector("faq-widget").shadowRoot;
      return [...root.querySelectorAll("*")]
        .map((el) => getComputedStyle(el))
        .flatMap((s) => [...s.transitionDuration.split(","), ...s.animationDuration.split(",")])
        .map((d) => parseFloat(d))
        .filter((d) => d > 0);
    });
  await load(page, FAQS.en);
  await expect(page.getByRole("button", { name: FAQS.en.first, exact: true })).toBeVisible();
  expect((await durations()).length, "the chevron animates without the preference").toBeGreaterThan(0);
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await durations()).toEqual([]);
});

test("each action is announced once: search count (debounced), copied, consent saved", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const faq = FAQS.en;
  await load(page, faq);
  await expect(page.getByRole("button", { name: faq.first, exact: true })).toBeVisible();
  // Every text each live region shows, once per change (batched like a screen reader hears it).
  await page.evaluate(() => {
    const root = document.querySelector("faq-widget").shadowRoot;
    window.__said = [];
    const last = new Map();
    new MutationObserver(() => {
      for (const region of root.querySelectorAll("[aria-live]")) {
        const text = region.textContent.trim();
        if (text && last.get(region) !== text) window.__said.push(text);
        last.set(region, text);
      }
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const said = () => page.evaluate(() => window.__said.splice(0));

  await page.getByRole("searchbox", { name: faq.search }).pressSequentially("notice", { delay: 60 });
  await expect(searchStatus(page)).toHaveText(/questions? match/);
  await page.waitForTimeout(700);
  expect(await said()).toEqual([await searchStatus(page).textContent()]);

  await page.getByRole("searchbox", { name: faq.search }).fill("");
  await expect(searchStatus(page)).toHaveText(/^Showing all/);
  await said();
  await page.getByRole("button", { name: faq.first, exact: true }).click();
  await page.getByRole("button", { name: faq.copy }).first().click();
  await expect(page.locator("faq-widget [role=status][aria-atomic]")).toHaveText("Link copied");
  await page.waitForTimeout(700);
  expect(await said(), "expanding is told by aria-expanded, not the live region").toEqual(["Link copied"]);

  await page.getByRole("button", { name: faq.reject, exact: true }).click();
  await expect(page.locator("faq-widget [role=status][aria-atomic]")).toHaveText(faq.rejected);
  await page.waitForTimeout(700);
  expect(await said()).toEqual([faq.rejected]);
});
