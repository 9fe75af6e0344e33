// Embedding: host pages on PAGE_PORT, dist/ on CDN_PORT (another origin, like a CDN).
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, question, VERSION, watchConsole } from "./helpers.mjs";

const CDN = `http://127.0.0.1:${process.env.CDN_PORT || Number(process.env.PAGE_PORT || 4301) + 1}`;
const library = JSON.parse(readFileSync(new URL("../../examples/library-faq.json", import.meta.url), "utf8"));
const first = bundledFaq.questions[0];
const firstAnswer = "Any arrests are made by national law enforcement";
const dist = readdirSync(new URL("../../dist/", import.meta.url));
const GLUE = dist.find((f) => /^faq-widget-[0-9a-f]+\.js$/.test(f));
const WASM = dist.find((f) => f.endsWith("_bg.wasm"));

const mainTitle = (page) => page.getByRole("heading", { level: 2, name: bundledFaq.title });
const libraryTitle = (page) => page.getByRole("heading", { level: 2, name: library.title });
const host = (query) => `/host.html?cdn=1&${query}`;

/** Records every faq-widget:* event that reaches the document, and the page's globals at start. */
async function watchEvents(page) {
  await page.addInitScript(() => {
    window.__globals = Object.getOwnPropertyNames(window);
    window.__events = [];
    for (const type of ["faq-widget:ready", "faq-widget:open", "faq-widget:search", "faq-widget:consent"]) {
      document.addEventListener(type, (e) => {
        window.__events.push({
          type,
          detail: JSON.parse(JSON.stringify(e.detail)),
          target: e.target.localName,
          src: e.target.getAttribute("src"),
          bubbles: e.bubbles,
          composed: e.composed,
        });
      });
    }
  });
  return () => page.evaluate(() => window.__events);
}

/** The CDN files a page fetched, in order. */
function watchCdn(page) {
  const files = [];
  page.on("request", (request) => {
    if (request.url().startsWith(CDN)) files.push(new URL(request.url()).pathname.slice(1));
  });
  return files;
}

/** Where the widget host sits: the element before it and after it, and its src. */
const placement = (page) =>
  page.locator("faq-widget").evaluateAll((hosts) =>
    hosts.map((h) => ({
      before: h.previousElementSibling && (h.previousElementSibling.id || h.previousElementSibling.localName),
      after: h.nextElementSibling && h.nextElementSibling.id,
      parent: h.parentElement.id || h.parentElement.localName,
      src: h.getAttribute("src"),
    })),
  );

test("one script tag from another origin renders right after itself, with no global", async ({ page }) => {
  const events = await watchEvents(page);
  const console = watchConsole(page);
  await page.goto(host(""));
  await expect(mainTitle(page)).toBeVisible();
  // Without data-src the widget shows the faq.json beside embed.js.
  expect(await placement(page)).toEqual([{ before: "script", after: "after", parent: "main", src: `${CDN}/faq.json` }]);
  const added = await page.evaluate(() =>
    Object.getOwnPropertyNames(window).filter((name) => !window.__globals.includes(name) && !name.startsWith("__")),
  );
  expect(added).toEqual([]);
  expect(await events()).toEqual([
    {
      type: "faq-widget:ready",
      detail: { questions: bundledFaq.questions.length, version: VERSION },
      target: "faq-widget",
      src: `${CDN}/faq.json`,
      bubbles: true,
      composed: true,
    },
  ]);
  console.expectClean();
  await expectNoAxeViolations(page);
});

for (const mode of ["async", "defer", "inject", "module"]) {
  test(`works loaded ${mode === "inject" ? "by another script, later" : `as ${mode}`}`, async ({ page }) => {
    const console = watchConsole(page);
    await page.goto(host(`mode=${mode}&src=${encodeURIComponent("/faq.json")}`));
    await expect(mainTitle(page)).toBeVisible();
    const expected = { before: "script", after: "after", parent: "main", src: `${new URL(page.url()).origin}/faq.json` };
    expect(await placement(page)).toEqual([expected]);
    await question(page, first.question).click();
    await expect(page.getByText(firstAnswer)).toBeVisible();
    console.expectClean();
  });
}

test("data-target renders into that element in place of its fallback, even from <head>", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(host("head=1&target=%23slot"));
  await expect(mainTitle(page)).toBeVisible();
  await expect(page.getByText("The FAQ loads here.")).toHaveCount(0);
  expect(await placement(page)).toEqual([{ before: null, after: null, parent: "slot", src: `${CDN}/faq.json` }]);
  console.expectClean();
});

test("a data-target that matches nothing warns and leaves the page alone", async ({ page }) => {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const console = watchConsole(page);
  await page.goto(host("target=%23nowhere"));
  await expect.poll(() => warnings).toContainEqual('faq-widget: data-target "#nowhere" matches no element');
  await expect(page.locator("faq-widget")).toHaveCount(0);
  console.expectClean();
});

test("two <faq-widget src> elements: two FAQs, independent, one wasm download", async ({ page }) => {
  const events = await watchEvents(page);
  const files = watchCdn(page);
  const console = watchConsole(page);
  await page.goto("/examples/two-widgets.html");
  await expect(mainTitle(page)).toBeVisible();
  await expect(libraryTitle(page)).toBeVisible();
  await expect.poll(async () => (await events()).length).toBe(2);
  expect(new Set((await events()).map((e) => `${e.src} ${e.detail.questions}`))).toEqual(
    new Set([`${CDN}/faq.json ${bundledFaq.questions.length}`, `library-faq.json ${library.questions.length}`]),
  );

  const libraryQuestion = question(page, library.questions[0].question);
  await libraryQuestion.click();
  await expect(libraryQuestion).toHaveAttribute("aria-expanded", "true");
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "false");
  await question(page, first.question).click();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
  await expect(libraryQuestion).toHaveAttribute("aria-expanded", "true");
  // "Show all" in one widget leaves the other alone.
  await page.getByRole("button", { name: "Show all answers" }).last().click();
  for (const q of library.questions) await expect(question(page, q.question)).toHaveAttribute("aria-expanded", "true");
  await expect(question(page, bundledFaq.questions[1].question)).toHaveAttribute("aria-expanded", "false");

  expect(files.filter((f) => f === WASM)).toEqual([WASM]);
  expect(files.filter((f) => f === GLUE)).toEqual([GLUE]);
  console.expectClean();
  await expectNoAxeViolations(page);
});

test("two copies of embed.js and a host's own wasm-bindgen app do not collide", async ({ page }) => {
  const files = watchCdn(page);
  const console = watchConsole(page);
  await page.goto(host(""));
  await expect(mainTitle(page)).toBeVisible();
  // A second copy of the loader (another URL, so the browser runs it again) with another FAQ.
  await page.evaluate((cdn) => {
    const script = document.createElement("script");
    script.src = `${cdn}/embed.js?copy=2`;
    script.dataset.src = "/examples/library-faq.json";
    document.getElementById("slot").append(script);
  }, CDN);
  await expect(libraryTitle(page)).toBeVisible();
  expect(files.filter((f) => f === WASM)).toEqual([WASM]);
  // The host's own wasm-bindgen app: a separate module instance with its own memory, rendering
  // into the page itself.
  await page.evaluate(
    async ({ glue, wasm }) => {
      const app = await import(`${glue}?host-app`);
      await app.default({ module_or_path: wasm });
      const root = document.createElement("div");
      root.id = "host-app";
      document.body.append(root);
      app.mount(root, root, "/examples/library-faq.json", {});
    },
    { glue: `${CDN}/${GLUE}`, wasm: `${CDN}/${WASM}` },
  );
  await expect(libraryTitle(page)).toHaveCount(2);
  const hostAppQuestion = page.locator("#host-app").getByRole("button", { name: library.questions[1].question });
  await hostAppQuestion.click();
  await expect(hostAppQuestion).toHaveAttribute("aria-expanded", "true");
  const widgetQuestion = page.locator("faq-widget").last().getByRole("button", { name: library.questions[1].question });
  await expect(widgetQuestion).toHaveAttribute("aria-expanded", "false");
  await widgetQuestion.click();
  await expect(widgetQuestion).toHaveAttribute("aria-expanded", "true");
  await question(page, first.question).click();
  await expect(page.getByText(firstAnswer)).toBeVisible();
  console.expectClean();
});

// Computed styles that any host rule could change if it got in.
const STYLE_PROPS = [
  "font-family", "font-size", "font-style", "font-weight", "line-height", "letter-spacing", "word-spacing",
  "text-transform", "text-align", "text-indent", "text-shadow", "white-space", "color", "background-color",
  "margin-top", "margin-bottom", "margin-left", "padding-top", "padding-left", "border-top-width",
  "border-top-style", "border-top-color", "box-sizing", "display", "cursor", "text-decoration-line",
  "min-height", "visibility",
];
const computed = (locator) =>
  locator.evaluate((el, props) => {
    const style = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  }, STYLE_PROPS);

async function widgetStyles(page) {
  await question(page, first.question).click();
  await expect(page.getByText(firstAnswer)).toBeVisible();
  return {
    title: await computed(mainTitle(page)),
    question: await computed(question(page, first.question)),
    showAll: await computed(page.getByRole("button", { name: "Show all answers" })),
    answer: await computed(page.getByText(firstAnswer)),
    link: await computed(page.getByRole("link", { name: "send an email to the General Secretariat", exact: true })),
    copy: await computed(page.getByRole("button", { name: "Copy link to this question" })),
  };
}

test("an aggressive host reset with !important does not change the widget", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/examples/plain.html");
  const plain = await widgetStyles(page);
  // Sanity: the widget's own sizes follow the visitor's default font size (16px), not html's.
  expect(plain.title["font-size"]).toBe("24px");
  await page.goto("/examples/reset.html");
  // The reset is really there: it changes the page's own elements.
  expect(await computed(page.getByRole("heading", { level: 1 }))).toMatchObject({ "text-transform": "uppercase" });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("10px");
  expect(await widgetStyles(page)).toEqual(plain);
  console.expectClean();
});

test("the widget's CSS does not leak out to the host page", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(host("mode=none"));
  // Host elements that share the widget's tag names, class names and part names.
  await page.evaluate(() => {
    const add = (tag, className, text) => {
      const el = document.createElement(tag);
      el.className = className;
      el.setAttribute("part", "question");
      el.textContent = text;
      document.querySelector("main").append(el);
    };
    add("h2", "faq-title", "Host heading");
    add("button", "faq-question-button", "Host button");
    add("div", "faq-root", "Host div");
    add("p", "faq-panel", "Host paragraph");
    add("a", "faq-contact", "Host link");
  });
  const hostElements = ["Host heading", "Host button", "Host div", "Host paragraph", "Host link"];
  const snapshot = async () => {
    const styles = {};
    for (const text of hostElements) styles[text] = await computed(page.getByText(text, { exact: true }));
    styles.body = await computed(page.locator("body"));
    return styles;
  };
  const before = await snapshot();
  await page.evaluate((cdn) => {
    const script = document.createElement("script");
    script.src = `${cdn}/embed.js`;
    document.querySelector("main").append(script);
  }, CDN);
  await expect(mainTitle(page)).toBeVisible();
  expect(await snapshot()).toEqual(before);
  console.expectClean();
});

test("CSS custom properties and ::part() theme the widget", async ({ page }) => {
  await page.goto(host(""));
  await expect(mainTitle(page)).toBeVisible();
  const showAll = page.getByRole("button", { name: "Show all answers" });
  const before = await computed(showAll);
  await page.addStyleTag({
    content: `faq-widget {
      --faq-accent: rgb(200, 0, 0); --faq-text: rgb(0, 80, 0); --faq-background: rgb(250, 250, 200);
      --faq-font: Georgia, serif; --faq-font-size: 20px; }
    faq-widget::part(question) { background-color: rgb(1, 2, 3); }
    faq-widget::part(title) { text-transform: uppercase; }`,
  });
  expect(before.color).not.toBe("rgb(200, 0, 0)");
  const after = await computed(showAll);
  expect(after.color).toBe("rgb(200, 0, 0)");
  expect(after["font-family"]).toBe("Georgia, serif");
  const title = await computed(mainTitle(page));
  expect(title).toMatchObject({ color: "rgb(0, 80, 0)", "font-size": "30px", "text-transform": "uppercase" });
  expect(await computed(question(page, first.question))).toMatchObject({ "background-color": "rgb(1, 2, 3)" });
  const section = page.getByRole("region", { name: bundledFaq.title });
  expect(await computed(section)).toMatchObject({ "background-color": "rgb(250, 250, 200)" });
});

test("the widget stays hidden until its stylesheet has loaded (no flash of unstyled content)", async ({ page }) => {
  const events = await watchEvents(page);
  let release;
  const cssHeld = new Promise((resolve) => (release = resolve));
  await page.route(/faq-widget-[0-9a-f]+\.css$/, async (route) => {
    await cssHeld;
    await route.continue();
  });
  await page.goto(host(""), { waitUntil: "commit" });
  // The program is in (its wasm and the FAQ downloaded meanwhile), but the widget waits for its
  // stylesheet, which must also pass its integrity check (docs/deploying.md "Releases"): nothing shown yet.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("_bg.wasm")))).toBe(true);
  await expect(mainTitle(page)).toBeHidden();
  expect(await events()).toEqual([]);
  release();
  await expect(mainTitle(page)).toBeVisible();
  await expect.poll(async () => (await events()).length).toBe(1);
});

test("a widget that cannot load its program says so, and the page goes on", async ({ page }) => {
  const console = watchConsole(page);
  await page.route(/faq-widget-[0-9a-f]+\.js$/, (route) => route.abort("connectionrefused"));
  await page.goto(host(""));
  await expect(page.getByRole("alert")).toHaveText("The FAQ could not be shown: its program did not load.");
  await expect(page.locator("#after")).toHaveText("Text after the widget.");
  const ours = console.problems.filter((p) => !p.includes("Failed to load resource"));
  expect(ours, ours.join("\n")).toEqual([]);
  await expectNoAxeViolations(page);
});

test("on a French page, the message that the program did not load is in French", async ({ page }) => {
  await page.route(/faq-widget-[0-9a-f]+\.js$/, (route) => route.abort("connectionrefused"));
  await page.goto(host("lang=fr-CA"));
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("La FAQ n’a pas pu être affichée : son programme ne s’est pas chargé.");
  await expect(alert).toHaveAttribute("lang", "fr");
  await expectNoAxeViolations(page);
});

test("strict CSP + Trusted Types host: no violation, no console error, and it runs", async ({ page }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const events = await watchEvents(page);
  const console = watchConsole(page);
  const response = await page.goto("/examples/strict-csp.html");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toContain(`script-src ${CDN} 'wasm-unsafe-eval'`);
  expect(csp).toContain(`style-src ${CDN};`);
  expect(csp).toContain("require-trusted-types-for 'script'");
  await expect(mainTitle(page)).toBeVisible();
  const button = question(page, first.question);
  await button.click();
  await expect(page.getByText(firstAnswer)).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(question(page, bundledFaq.questions[1].question)).toBeFocused();
  expect((await events()).map((e) => e.type)).toEqual(["faq-widget:ready", "faq-widget:open"]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  console.expectClean();
  // The policy is enforced: innerHTML, which the widget never uses, is refused and reported.
  const refused = await page.evaluate(() => {
    try {
      document.createElement("div").innerHTML = "<b>x</b>";
      return false;
    } catch {
      return true;
    }
  });
  expect(refused).toBe(true);
  await expect.poll(() => page.evaluate(() => window.__violations)).toEqual([expect.stringMatching(/^require-trusted-types-for /)]);
  // Last: axe-core itself adds an inline <style>, which this page rightly refuses.
  await expectNoAxeViolations(page);
});

test("host events: ready, then open with the question's id, bubbling and composed", async ({ page }) => {
  const events = await watchEvents(page);
  await page.goto(host(""));
  await expect(mainTitle(page)).toBeVisible();
  await question(page, first.question).click(); // opens
  await question(page, first.question).click(); // closes: no event
  await page.getByRole("button", { name: "Show all answers" }).click(); // not one question: no event
  await page.getByRole("button", { name: "Hide all answers" }).click();
  const second = question(page, bundledFaq.questions[1].question);
  await second.focus();
  await page.keyboard.press("Enter");
  await expect(second).toHaveAttribute("aria-expanded", "true");
  const common = { target: "faq-widget", src: `${CDN}/faq.json`, bubbles: true, composed: true };
  await expect
    .poll(events)
    .toEqual([
      { type: "faq-widget:ready", detail: { questions: bundledFaq.questions.length, version: VERSION }, ...common },
      { type: "faq-widget:open", detail: { id: first.id }, ...common },
      { type: "faq-widget:open", detail: { id: bundledFaq.questions[1].id }, ...common },
    ]);
});

test("bytes one embed downloads before the FAQ JSON (printed)", async ({ page }) => {
  const sizes = [];
  let faqRequested = false;
  page.on("request", (request) => {
    if (request.url().endsWith("/faq.json")) faqRequested = true;
  });
  page.on("response", async (response) => {
    const url = response.url();
    if (!url.startsWith(CDN) || url.endsWith("/faq.json")) return;
    const beforeFaq = !faqRequested;
    const body = await response.body();
    const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    sizes.push({ file: new URL(url).pathname.slice(1), raw: body.length, brotli, beforeFaq });
  });
  await page.goto(host(""));
  await expect(mainTitle(page)).toBeVisible();
  await expect.poll(() => sizes.length).toBe(4);
  const files = sizes.map((s) => s.file).sort();
  expect(files).toEqual(["embed.js", GLUE, WASM, dist.find((f) => /^faq-widget-[0-9a-f]+\.css$/.test(f))].sort());
  // embed.js requests the FAQ in parallel with the glue and the wasm (a start-time lever, see
  // BENCHMARKS.md), so these four are what one embed downloads besides the FAQ JSON, not before it.
  const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, brotli: sum.brotli + s.brotli }), { raw: 0, brotli: 0 });
  for (const s of [...sizes, { file: "total", ...total }]) {
    process.stdout.write(`embed bytes: ${s.file.padEnd(40)} raw ${String(s.raw).padStart(7)}  brotli-11 ${String(s.brotli).padStart(6)}\n`);
  }
});
