// Single-page-app hosts (issue 22): embed.js loaded once (in <head>: it only defines
// <faq-widget>), then the page's "router" replaces a view that holds a <faq-widget> again and
// again, moves one, removes one and adds it back. A removed widget is unmounted and releases
// everything it started; a moved one goes on as it was.
import { expect, test } from "@playwright/test";
import { bundledFaq, question, watchConsole } from "./helpers.mjs";

const CDN = `http://127.0.0.1:${process.env.CDN_PORT || Number(process.env.PAGE_PORT || 4301) + 1}`;
const first = bundledFaq.questions[0];
const VIEWS = 40;
// What 39 more views may add after a forced GC (BENCHMARKS.md "Single-page apps"): to the JS
// heap, well under the ~14 KB a view left before removed widgets were unmounted; to the wasm
// memory (which grows by 64 KB pages), 8 KB a view, against 187 KB before the unmount and 33 KB
// while each removed widget's load timer kept its whole FAQ for 10 s; about 3 KB a view stays
// (Yew keeps each destroyed app's event-delegation root by design).
const HEAP_BOUND = 39 * 4 * 1024;
const WASM_BOUND = 39 * 8 * 1024;

async function openHost(page) {
  await page.addInitScript(() => {
    window.__ready = 0;
    window.__opened = 0;
    window.__searched = 0;
    document.addEventListener("faq-widget:ready", () => window.__ready++);
    document.addEventListener("faq-widget:search", () => window.__searched++);
    document.addEventListener("faq-widget:open", () => window.__opened++);
  });
  await page.goto("/host.html?cdn=1&head=1");
}

/** The router's view change: the slot's content replaced by view `n`, which holds a widget. */
const showView = (page, n) =>
  page.evaluate(
    ([n, src]) => {
      const view = document.createElement("section");
      const title = document.createElement("p");
      title.textContent = `View ${n}`;
      const widget = document.createElement("faq-widget");
      widget.setAttribute("src", src);
      view.append(title, widget);
      document.getElementById("slot").replaceChildren(view);
    },
    [n, `${CDN}/faq.json`],
  );
const readyCount = (page) => page.evaluate(() => window.__ready);

/** Listeners on window and document (by type), JS heap after a forced GC, wasm memory. */
async function measure(page, cdp) {
  const listeners = async (expression) => {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
    return listeners.map((l) => l.type).sort();
  };
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  // The glue module is the one embed.js imported; its init hands back the instance's exports.
  const glue = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).find((n) => /\/faq-widget-[0-9a-f]{16}\.js$/.test(n)));
  const wasm = await page.evaluate(async (url) => Object.values(await (await import(url)).default()).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength, glue);
  return { window: await listeners("window"), document: await listeners("document"), heap: usedSize, wasm };
}

test(`${VIEWS} views that each mount a widget: listeners, heap and wasm memory stay as after the first`, async ({ page }) => {
  test.setTimeout(120_000);
  const console = watchConsole(page);
  await openHost(page);
  const cdp = await page.context().newCDPSession(page);
  await showView(page, 1);
  await expect(question(page, first.question)).toBeVisible();
  await expect.poll(() => readyCount(page)).toBe(1);
  const after1 = await measure(page, cdp);
  for (let n = 2; n <= VIEWS; n++) {
    await showView(page, n);
    await expect.poll(() => readyCount(page)).toBe(n);
  }
  await expect(question(page, first.question)).toBeVisible();
  const afterAll = await measure(page, cdp);
  test.info().annotations.push({ type: "measured", description: JSON.stringify({ after1, afterAll }) });
  expect(afterAll.window, "listeners on window").toEqual(after1.window);
  expect(afterAll.document, "listeners on document").toEqual(after1.document);
  expect(afterAll.heap - after1.heap, `heap growth over ${VIEWS - 1} views`).toBeLessThan(HEAP_BOUND);
  expect(afterAll.wasm - after1.wasm, `wasm memory growth over ${VIEWS - 1} views`).toBeLessThan(WASM_BOUND);

  // The last view goes too: what the widgets listened to is quiet now.
  await page.evaluate(() => document.getElementById("slot").replaceChildren());
  const none = await measure(page, cdp);
  await page.evaluate((id) => {
    window.dispatchEvent(new StorageEvent("storage", { key: "faq-widget:consent", newValue: "v1|a|1|0" }));
    window.dispatchEvent(new Event("online"));
    location.hash = `#${id}`;
  }, first.id);
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__opened), "no open event from a removed widget").toBe(0);
  expect(none.window.length, "no widget listener left on window").toBeLessThan(after1.window.length);
  console.expectClean();
});

test("a widget moved within one task goes on as it was: one root, its open question, search", async ({ page }) => {
  const console = watchConsole(page);
  await openHost(page);
  await showView(page, 1);
  const button = question(page, first.question);
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  // Removed and inserted elsewhere in one task, as React or a drag and drop does.
  await page.evaluate(() => {
    const widget = document.querySelector("faq-widget");
    widget.remove();
    document.getElementById("before").before(widget);
  });
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("search")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toHaveCount(1);
  const search = page.getByRole("searchbox", { name: "Search the questions" });
  await search.fill("notice");
  const other = bundledFaq.questions.find((q) => q.id === "join");
  await expect(question(page, other.question)).toHaveCount(0);
  await search.fill("");
  await expect(question(page, other.question)).toBeVisible();
  expect(await readyCount(page), "not mounted again").toBe(1);
  console.expectClean();
});

test("a widget removed and added back later mounts anew and says ready again; removed, it sends nothing", async ({ page }) => {
  const console = watchConsole(page);
  await openHost(page);
  await showView(page, 1);
  await expect(question(page, first.question)).toBeVisible();
  await expect.poll(() => readyCount(page)).toBe(1);
  // A search typed, and the widget removed before the search settles (announces, tells the
  // host): out of the document for a while (another task), unmounted, its shadow root emptied.
  await page.getByRole("searchbox", { name: "Search the questions" }).pressSequentially("notice");
  await page.evaluate(() => {
    window.__kept = document.querySelector("faq-widget");
    window.__kept.remove();
  });
  await expect.poll(() => page.evaluate(() => window.__kept.shadowRoot.childNodes.length)).toBe(0);
  await page.evaluate((id) => (location.hash = `#${id}`), first.id);
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.__opened)).toBe(0);
  expect(await page.evaluate(() => window.__searched), "no search event from a removed widget").toBe(0);
  // Back in the page: a fresh mount, which follows the deep link like any first load.
  await page.evaluate(() => document.getElementById("slot").append(window.__kept));
  await expect.poll(() => readyCount(page)).toBe(2);
  await expect(question(page, first.question)).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("search")).toHaveCount(1);
  console.expectClean();
});

test("a removed widget's own request (its Try again) is aborted, not left in flight", async ({ page }) => {
  const src = `${CDN}/flaky-faq.json`;
  // The first request answered 503; the next held, unanswered.
  const held = [];
  let requests = 0;
  await page.route(src, (route) =>
    requests++ === 0
      ? route.fulfill({ status: 503, headers: { "access-control-allow-origin": "*" }, body: "busy" })
      : held.push(route),
  );
  const aborted = [];
  page.on("requestfailed", (request) => request.url() === src && aborted.push(request.failure()?.errorText));
  await openHost(page);
  await page.evaluate((src) => {
    const widget = document.createElement("faq-widget");
    widget.setAttribute("src", src);
    document.getElementById("slot").replaceChildren(widget);
  }, src);
  // The first answer is a 503: the alert, with "Try again", whose request the widget makes itself.
  await expect(page.getByRole("alert")).toContainText("HTTP 503");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect.poll(() => held.length).toBe(1);
  expect(aborted).toEqual([]);
  await page.evaluate(() => document.querySelector("faq-widget").remove());
  await expect.poll(() => aborted).toEqual([expect.stringMatching(/ABORTED/i)]);
  // Answered late anyway: nothing comes back to life.
  await held[0].fulfill({ headers: { "access-control-allow-origin": "*" }, body: JSON.stringify(bundledFaq) }).catch(() => {});
  await page.waitForTimeout(300);
  await expect(page.getByRole("button", { name: first.question })).toHaveCount(0);
});

// A host whose router owns the URL: the widget reads it (a deep link opens its question) but never
// writes it. The same steps without the option do write it, so the check can fail.
for (const off of [true, false]) {
  test(`data-url-state${off ? '="off"' : " (default)"}: opening, searching and closing ${off ? "leave the URL as the host set it" : "write the URL"}`, async ({ page }) => {
    const console = watchConsole(page);
    await page.addInitScript(() => {
      window.__searched = 0;
      document.addEventListener("faq-widget:search", () => window.__searched++);
    });
    const linked = bundledFaq.questions[1];
    await page.goto(`/host.html?cdn=1${off ? "&url-state=off" : ""}#${linked.id}`);
    await expect(question(page, linked.question)).toHaveAttribute("aria-expanded", "true");
    const start = page.url();
    const button = question(page, first.question);
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const opened = page.url();
    const search = page.getByRole("searchbox", { name: "Search the questions" });
    await search.fill("notice");
    await expect.poll(() => page.evaluate(() => window.__searched)).toBe(1);
    const searched = page.url();
    await search.fill("");
    await expect.poll(() => page.evaluate(() => window.__searched)).toBe(2);
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    if (off) {
      expect([opened, searched, page.url()]).toEqual([start, start, start]);
    } else {
      expect(opened).toMatch(new RegExp(`#${first.id}$`));
      expect(searched).toContain("faq-q=notice");
    }
    console.expectClean();
  });
}
