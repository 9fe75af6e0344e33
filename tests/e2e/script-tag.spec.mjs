// embed.js finds its own script tag without guessing by file name (issue 14, "Small things"):
// another vendor's ".../embed.js" on the page (Disqus serves NAME.disqus.com/embed.js) must not be
// taken for it, in a module script (no document.currentScript), a classic one, or a script tag
// inside another component's shadow root (no currentScript either).
import { expect, test } from "@playwright/test";
import { bundledFaq, question, watchConsole } from "./helpers.mjs";

const CDN = `http://127.0.0.1:${process.env.CDN_PORT || Number(process.env.PAGE_PORT || 4301) + 1}`;
const first = bundledFaq.questions[0];
const title = (page) => page.getByRole("heading", { level: 2, name: bundledFaq.title });

/** Every request the page makes for a widget file, and every failed response. */
function watchRequests(page) {
  const seen = { widget: [], failed: [] };
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (/\/(faq-widget-[0-9a-f]+[^/]*|embed\.js)$/.test(url.pathname)) seen.widget.push(r.url());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) seen.failed.push(`${r.status()} ${r.url()}`);
  });
  return seen;
}

const marked = (page) =>
  page.evaluate(() => {
    const all = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.localName === "script" && el.hasAttribute("data-faq-widget")) all.push(el.src);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return all;
  });

for (const mode of ["module", "classic", "async", "defer"]) {
  test(`${mode} script tag beside another vendor's embed.js: renders from its own origin`, async ({ page }) => {
    const console = watchConsole(page);
    const seen = watchRequests(page);
    await page.goto(`/host.html?cdn=1&vendor=1&mode=${mode === "classic" ? "" : mode}`);
    await expect(title(page)).toBeVisible();
    await question(page, first.question).click();
    await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
    // Right after its own script tag, its own tag marked, the vendor's scripts ran and untouched.
    const where = await page.locator("faq-widget").evaluate((h) => [h.previousElementSibling.getAttribute("src"), h.getAttribute("src")]);
    expect(where).toEqual([`${CDN}/embed.js`, `${CDN}/faq.json`]);
    expect(await marked(page)).toEqual([`${CDN}/embed.js`]);
    expect(await page.evaluate(() => window.vendorEmbeds.sort())).toEqual(["after", "before"]);
    // The glue, wasm and stylesheet came from the widget's origin, never from the vendor's.
    expect(seen.widget.filter((url) => !url.startsWith(CDN) && !url.includes("/vendor/"))).toEqual([]);
    expect(seen.widget.filter((url) => url.startsWith(CDN))).toHaveLength(4);
    expect(seen.failed).toEqual([]);
    console.expectClean();
  });
}

test("a script tag inside another component's open shadow root renders right after itself there", async ({ page }) => {
  const console = watchConsole(page);
  const seen = watchRequests(page);
  await page.goto("/host.html?cdn=1&vendor=1&mode=shadow");
  await expect(title(page)).toBeVisible();
  const where = await page.evaluate(() => {
    const root = document.getElementById("shadow-host").shadowRoot;
    const host = root.querySelector("faq-widget");
    return host && [host.previousElementSibling.localName, host.previousElementSibling.src, host.getAttribute("src")];
  });
  expect(where).toEqual(["script", `${CDN}/embed.js`, `${CDN}/faq.json`]);
  expect(await marked(page)).toEqual([`${CDN}/embed.js`]);
  await question(page, first.question).click();
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
  expect(seen.failed).toEqual([]);
  console.expectClean();
});

test("a module script in <head> beside another vendor's embed.js makes <faq-widget> elements work", async ({ page }) => {
  const console = watchConsole(page);
  const seen = watchRequests(page);
  await page.goto("/host.html?cdn=1&vendor=1&mode=module&head=1");
  // In <head> without data-target it renders nothing itself.
  await expect.poll(() => marked(page)).toEqual([`${CDN}/embed.js`]);
  await expect.poll(() => page.evaluate(() => !!customElements.get("faq-widget"))).toBe(true);
  await expect(page.locator("faq-widget")).toHaveCount(0);
  await page.evaluate((src) => {
    const el = document.createElement("faq-widget");
    el.setAttribute("src", src);
    document.getElementById("slot").replaceChildren(el);
  }, `${CDN}/faq.json`);
  await expect(title(page)).toBeVisible();
  expect(seen.failed).toEqual([]);
  console.expectClean();
});
