import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { bundledFaq, expectNoAxeViolations, question, watchConsole } from "./helpers.mjs";
import { freePort } from "../free-port.mjs";

// Offline after the first load (issue 6). Each test runs its own test server on two free ports
// (the system picks them: other checkouts run their suites at the same time), serving its own copy
// of dist/, so it can stop the server (the honest "no network": context.setOffline and service
// workers do not mix well), restart it on the same ports (the same origin), and change faq.json or
// sw.js, without touching the shared server the other tests use.
const DIST = new URL("../../dist", import.meta.url).pathname;
const SERVER = new URL("./server.mjs", import.meta.url).pathname;

// Service workers, several loads and axe audits per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });


const join_ = bundledFaq.questions.find((q) => q.id === "join");
const report = bundledFaq.questions.find((q) => q.id === "report-crime");
const notice = (page) => page.getByRole("region", { name: "Cookie notice", exact: true });
const accept = (page) => notice(page).getByRole("button", { name: "Accept", exact: true });
const reject = (page) => notice(page).getByRole("button", { name: "Reject", exact: true });
const searchbox = (page) => page.getByRole("searchbox", { name: "Search the questions" });
const note = (page, text) => page.getByRole("paragraph").filter({ hasText: text });
const announced = (page, text) => page.getByRole("status").filter({ hasText: text });

/** A test server (tests/e2e/server.mjs: pages, and dist/ with CORS) serving a fresh copy of dist/. */
async function ownServer() {
  const dist = mkdtempSync(join(tmpdir(), "faq-offline-"));
  cpSync(DIST, dist, { recursive: true });
  const [port, cdnPort] = [await freePort(), await freePort()];
  let child = null;
  const server = {
    dist,
    origin: `http://127.0.0.1:${port}`,
    cdn: `http://127.0.0.1:${cdnPort}`,
    async start() {
      child = spawn(process.execPath, [SERVER], {
        env: { ...process.env, PAGE_PORT: String(port), CDN_PORT: String(cdnPort), FAQ_DIST: dist },
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.once("exit", () => resolve("exited")));
      for (let i = 0; i < 100; i++) {
        // A server that exited (its port taken) must not pass for one that answers.
        const wait = new Promise((resolve) => setTimeout(resolve, 50, "waited"));
        if ((await Promise.race([exited, wait])) === "exited") break;
        try {
          await Promise.all([fetch(`${server.origin}/faq.json`), fetch(`${server.cdn}/faq.json`)]);
          return;
        } catch {
          // not listening yet
        }
      }
      throw new Error(`test server on ports ${port} and ${cdnPort} did not start`);
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
      child = null;
    },
    edit(file, change) {
      const path = join(dist, file);
      writeFileSync(path, change(readFileSync(path, "utf8")));
    },
    async close() {
      await server.stop();
      rmSync(dist, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("faq-widget-")).sort());

/** Waits until the widget's worker controls the page and holds the app and the FAQ. */
async function workerReady(page, faqUrl) {
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async (url) => {
          const names = await caches.keys();
          const app = names.filter((n) => n.startsWith("faq-widget-app-"));
          const data = names.includes("faq-widget-data") && !!(await (await caches.open("faq-widget-data")).match(url));
          return { app: app.length, data };
        }, faqUrl),
      { timeout: 15_000 },
    )
    .toEqual({ app: 1, data: true });
}

/** faq.json with a new first question and a changed answer for "join". */
function newerFaq(text, marker) {
  const faq = JSON.parse(text);
  faq.questions = [
    { id: `new-${marker}`, question: `Is this ${marker} question new?`, answer: `Yes, added in ${marker}.` },
    ...faq.questions.map((q) => (q.id === "join" ? { ...q, answer: `${q.answer}\n\nChanged in ${marker}.` } : q)),
  ];
  return JSON.stringify(faq, null, 2);
}

test.describe("same origin: the demo page with the widget's service worker", () => {
  test("after one visit with consent, the demo works with the server stopped: questions and deep links", async ({ page }) => {
    const server = await ownServer();
    try {
      const console = watchConsole(page);
      await page.goto(`${server.origin}/index.html`);
      await accept(page).click();
      await workerReady(page, `${server.origin}/faq.json`);

      await server.stop();
      await page.reload();
      await expect(question(page, join_.question)).toBeVisible();
      // The worker answered from its cache: the FAQ is current, no offline note.
      await expect(note(page, /^Offline:/)).toHaveCount(0);
      // The language packs too, at the very URLs embed.js asks for (their digest in the query).
      const embed = readFileSync(join(server.dist, "embed.js"), "utf8");
      for (const [code, showAll] of [["es", "Mostrar todas las respuestas"], ["ar", "عرض كل الإجابات"], ["fr", "Afficher toutes les réponses"]]) {
        const digest = new RegExp(`\\b"?${code}"?:"(sha256-[\\w+/=]+)"`).exec(embed)?.[1];
        expect(digest, `embed.js names the ${code} pack`).toBeTruthy();
        const pack = await page.evaluate((url) => fetch(url).then((r) => r.json()), `faq-widget-${code}.json?${digest}`);
        expect(pack.show_all).toBe(showAll);
      }
      await question(page, report.question).click();
      await expect(question(page, report.question)).toHaveAttribute("aria-expanded", "true");
      await expect(page).toHaveURL(/#report-crime$/);
      // Search.
      await searchbox(page).fill("notice");
      await expect(question(page, bundledFaq.questions.find((q) => q.id === "red-notice-arrest").question)).toBeVisible();
      await expect(question(page, join_.question)).toHaveCount(0);
      await searchbox(page).fill("");
      await expect(question(page, join_.question)).toBeVisible();
      // A deep link to another question, loaded with no server at all.
      await page.goto("about:blank");
      await page.goto(`${server.origin}/index.html#join`);
      await expect(question(page, join_.question)).toHaveAttribute("aria-expanded", "true");
      await expect(page.getByText("Vacancies at the General Secretariat")).toBeVisible();
      // The folder URL is the demo page too.
      await page.goto(`${server.origin}/#wanted`);
      await expect(question(page, bundledFaq.questions[1].question)).toHaveAttribute("aria-expanded", "true");
      await expectNoAxeViolations(page);
      console.expectClean();
    } finally {
      await server.close();
    }
  });

  test("a changed faq.json: the next load shows it and says so, keeping the open question; the one after shows it plainly", async ({ page, context }) => {
    const server = await ownServer();
    try {
      await page.goto(`${server.origin}/index.html`);
      await accept(page).click();
      await workerReady(page, `${server.origin}/faq.json`);

      await question(page, join_.question).click();
      await expect(page).toHaveURL(/#join$/);
      server.edit("faq.json", (text) => newerFaq(text, "v2"));
      // Reload 1, the URL naming the "join" question: the worker answers from its cache at once
      // and fetches behind it; the newer FAQ replaces the old in place.
      await page.reload();
      await expect(question(page, "Is this v2 question new?")).toBeVisible();
      await expect(note(page, "This FAQ was updated")).toBeVisible();
      await expect(announced(page, "This FAQ was updated")).toHaveCount(1);
      await expect(question(page, join_.question)).toHaveAttribute("aria-expanded", "true");
      await expect(page.getByText("Changed in v2.")).toBeVisible();
      await expect(question(page, "Is this v2 question new?")).toHaveAttribute("aria-expanded", "false");
      await expectNoAxeViolations(page);

      // Reload 2: the newer FAQ straight away, nothing to announce.
      await page.reload();
      await expect(question(page, "Is this v2 question new?")).toBeVisible();
      await expect(note(page, "This FAQ was updated")).toHaveCount(0);

      // While the visitor reads (a question opened by a click, the URL naming it, a search), a
      // newer FAQ arrives because another tab loads it: it updates this page in place too.
      await question(page, report.question).click();
      await searchbox(page).fill("crime");
      await expect(question(page, join_.question)).toHaveCount(0);
      server.edit("faq.json", (text) => newerFaq(text, "v3").replace("Changed in v3.", "Changed in v3: crime."));
      const other = await context.newPage();
      await other.goto(`${server.origin}/index.html`);
      await expect(note(page, "This FAQ was updated")).toBeVisible();
      // The search stays, over the new FAQ: "join" now mentions a crime, the new question does not.
      await expect(searchbox(page)).toHaveValue("crime");
      await expect(question(page, join_.question)).toBeVisible();
      await expect(question(page, "Is this v3 question new?")).toHaveCount(0);
      await searchbox(page).fill("");
      await expect(question(page, "Is this v3 question new?")).toBeVisible();
      // Open by question, not by position: one question more on top shifts every position.
      await expect(question(page, report.question)).toHaveAttribute("aria-expanded", "true");
      await expect(question(page, join_.question)).toHaveAttribute("aria-expanded", "true");
      const before = bundledFaq.questions[bundledFaq.questions.indexOf(join_) - 1];
      await expect(question(page, before.question)).toHaveAttribute("aria-expanded", "false");
      await expect(question(page, "Is this v3 question new?")).toHaveAttribute("aria-expanded", "false");
      await expect(page).toHaveURL(/#report-crime$/);
    } finally {
      await server.close();
    }
  });

  test("a new build takes over after one reload and deletes the old caches", async ({ page }) => {
    const server = await ownServer();
    try {
      await page.goto(`${server.origin}/index.html`);
      await accept(page).click();
      await workerReady(page, `${server.origin}/faq.json`);
      const [oldApp] = (await cacheNames(page)).filter((n) => n.startsWith("faq-widget-app-"));

      // A new build: another embed.js, so another precache version in sw.js.
      server.edit("embed.js", (text) => `${text}\n/* build 2 */`);
      const version = readFileSync(join(server.dist, "sw.js"), "utf8").match(/var VERSION = "([0-9a-f]+)"/)[1];
      server.edit("sw.js", (text) => text.replace(version, "b2b2b2b2b2b2b2b2"));
      // The old worker serves this load the new embed.js (network first) and the old build's
      // cached hashed files; the browser installs the new worker, which takes over and deletes
      // the old caches.
      await page.reload();
      await expect.poll(() => cacheNames(page), { timeout: 15_000 }).toEqual(["faq-widget-app-b2b2b2b2b2b2b2b2", "faq-widget-data"]);
      expect(oldApp).not.toBe("faq-widget-app-b2b2b2b2b2b2b2b2");

      // The next load runs the new build, and works offline from the new cache.
      await server.stop();
      await page.reload();
      await expect(question(page, join_.question)).toBeVisible();
      const embed = await page.evaluate(async () => (await fetch("embed.js")).text());
      expect(embed).toContain("build 2");
    } finally {
      await server.close();
    }
  });

  test("upgrade: a host tag with the new release's integrity digest gets the new embed.js, not the worker's old copy", async ({ page }) => {
    const server = await ownServer();
    // The site owner's page: the release's tag, with embed.js's digest (docs/deploying.md "Releases").
    const pasteTag = () => {
      const digest = createHash("sha384").update(readFileSync(join(server.dist, "embed.js"))).digest("base64");
      writeFileSync(
        join(server.dist, "release.html"),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Help</title></head><body><main><h1>Help</h1>
<script src="embed.js" integrity="sha384-${digest}" crossorigin="anonymous" data-src="faq.json" async></script></main></body></html>`,
      );
    };
    try {
      const console = watchConsole(page);
      pasteTag();
      await page.goto(`${server.origin}/release.html`);
      await accept(page).click();
      await workerReady(page, `${server.origin}/faq.json`);

      // The next release: another embed.js and sw.js, and the owner pastes its tag.
      server.edit("embed.js", (text) => `${text}
/* release 2 */`);
      const version = readFileSync(join(server.dist, "sw.js"), "utf8").match(/var VERSION = "([0-9a-f]+)"/)[1];
      server.edit("sw.js", (text) => text.replace(version, "c3c3c3c3c3c3c3c3"));
      pasteTag();
      // The old worker still controls this load: it must not answer with the old embed.js,
      // which the new digest would refuse (no widget at all).
      await page.reload();
      await expect(question(page, join_.question)).toBeVisible();
      await expect.poll(() => cacheNames(page), { timeout: 15_000 }).toEqual(["faq-widget-app-c3c3c3c3c3c3c3c3", "faq-widget-data"]);
      // Offline, the new worker has the new release (and, from this load on, the page).
      await page.reload();
      await expect(question(page, join_.question)).toBeVisible();
      await server.stop();
      await page.reload();
      await expect(question(page, join_.question)).toBeVisible();
      console.expectClean();
    } finally {
      await server.close();
    }
  });

  test("a FAQ in several languages: each language seen is kept; offline, the stored choice and the switch still work", async ({ page }) => {
    const server = await ownServer();
    try {
      const console = watchConsole(page);
      const title = (name) => page.getByRole("heading", { level: 2, name, exact: true });
      const language = (name) => page.getByRole("button", { name, exact: true });
      await page.goto(`${server.origin}/languages.html`);
      await accept(page).click();
      await workerReady(page, `${server.origin}/faq.en.json`);
      // Arabic, seen once, under the worker: kept too.
      await language("العربية").click();
      await expect(title("الأسئلة المتكررة")).toBeVisible();
      await expect
        .poll(() => page.evaluate(async (url) => !!(await (await caches.open("faq-widget-data")).match(url)), `${server.origin}/faq.ar.json`))
        .toBe(true);
      await page.reload();
      await expect(title("الأسئلة المتكررة")).toBeVisible();

      await server.stop();
      // The visitor's choice (stored with consent) and its file, with no server at all.
      await page.reload();
      await expect(title("الأسئلة المتكررة")).toBeVisible();
      await expect(page.locator("faq-widget section.faq")).toHaveAttribute("dir", "rtl");
      await expect(note(page, /^Offline:|^غير متصل/)).toHaveCount(0);
      // Back to English, the first language seen: from the cache too.
      await language("English").click();
      await expect(title(bundledFaq.title)).toBeVisible();
      await expect(question(page, join_.question)).toBeVisible();
      console.expectClean();
      // Spanish was never seen: its file cannot come, and the widget says so under the switch.
      await language("Español").click();
      await expect(page.getByRole("alert")).toBeVisible();
      await language("English").click();
      await expect(title(bundledFaq.title)).toBeVisible();
    } finally {
      await server.close();
    }
  });

  test("Reject unregisters the worker and deletes its caches and the saved copy", async ({ page }) => {
    const server = await ownServer();
    try {
      await page.goto(`${server.origin}/index.html`);
      await accept(page).click();
      await workerReady(page, `${server.origin}/faq.json`);
      expect(Object.keys(await page.evaluate(() => ({ ...localStorage })))).toContain(`faq-widget:offline:${server.origin}/faq.json`);

      await page.getByRole("button", { name: "Cookie settings" }).click();
      await reject(page).click();
      await expect.poll(() => cacheNames(page)).toEqual([]);
      await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
      expect(Object.keys(await page.evaluate(() => ({ ...localStorage })))).toEqual(["faq-widget:consent"]);
    } finally {
      await server.close();
    }
  });
});

test.describe("cross origin: the widget from a CDN on a host page, its FAQ server down", () => {
  // The host page and dist/ come from the shared test server (they stay up); the FAQ comes from
  // this test's own server, which the test stops.
  const hostPage = (server, extra = "") => `/host.html?cdn=1&src=${encodeURIComponent(`${server.cdn}/faq.json`)}${extra}`;
  const savedKey = (server) => `faq-widget:offline:${server.cdn}/faq.json`;

  test("with consent: the saved copy shows, dated, with a visible note", async ({ page }) => {
    const server = await ownServer();
    try {
      const console = watchConsole(page);
      await page.goto(hostPage(server));
      await accept(page).click();
      await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), savedKey(server))).toMatch(/^v1\|\d+\|\{/);

      await server.stop();
      await page.reload();
      const today = await page.evaluate(() => new Date().toLocaleDateString("en", { dateStyle: "long" }));
      await expect(note(page, `Offline: showing the copy saved on ${today}`)).toBeVisible();
      await question(page, join_.question).click();
      await expect(question(page, join_.question)).toHaveAttribute("aria-expanded", "true");
      await expectNoAxeViolations(page);
      // The failed FAQ request is the browser's own console error; nothing else.
      expect(console.problems.filter((p) => !p.includes("Failed to load resource"))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test("without consent: the clear offline message with Try again; back online, the FAQ comes by itself", async ({ page, context }) => {
    const server = await ownServer();
    try {
      const warnings = [];
      page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
      await page.goto(hostPage(server));
      await reject(page).click();
      await server.stop();
      await page.reload();
      const alert = page.getByRole("alert");
      await expect(alert).toContainText("The FAQ could not be shown.");
      await expect(alert).toContainText("You are offline and this FAQ has not been saved on this device yet.");
      expect(Object.keys(await page.evaluate(() => ({ ...localStorage })))).toEqual(["faq-widget:consent"]);
      await expectNoAxeViolations(page);
      // Forgetting the offline copies from another origin than embed.js's is quiet.
      expect(warnings.filter((w) => w.startsWith("faq-widget"))).toEqual([]);

      await server.start();
      await page.getByRole("button", { name: "Try again" }).click();
      await expect(question(page, join_.question)).toBeVisible();

      // The browser reports being back online: the widget tries again without a click.
      await server.stop();
      await page.reload();
      await expect(alert).toContainText("You are offline");
      await server.start();
      await context.setOffline(true);
      await context.setOffline(false);
      await expect(question(page, join_.question)).toBeVisible();
    } finally {
      await server.close();
    }
  });

  test('data-offline="always": the copy is kept without consent and survives a reject', async ({ page }) => {
    const server = await ownServer();
    try {
      await page.goto(hostPage(server, "&offline=always"));
      await expect(notice(page)).toBeVisible();
      await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), savedKey(server))).toMatch(/^v1\|/);
      await reject(page).click();
      await page.reload();
      await expect(question(page, join_.question)).toBeVisible();
      expect(await page.evaluate((key) => localStorage.getItem(key), savedKey(server))).toMatch(/^v1\|/);

      await server.stop();
      await page.reload();
      await expect(note(page, /^Offline: showing the copy saved on /)).toBeVisible();
      await expect(question(page, join_.question)).toBeVisible();
    } finally {
      await server.close();
    }
  });
});

test.describe("a host's own service worker with the one line from docs/embedding.md", () => {
  test("importScripts(sw.js) makes the whole widget work offline from its caches", async ({ page }) => {
    // Host page and host worker on this server's page port, dist/ on its CDN port: both stop.
    const server = await ownServer();
    try {
      await page.goto(`${server.origin}/host.html?cdn=1&sw=1`);
      await accept(page).click();
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
      // The widget registers nothing itself here (other origin than embed.js): one worker, the host's.
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope))).toEqual([
        `${server.origin}/`,
      ]);
      // The next load fetches the FAQ through the host's worker, which keeps it.
      await page.reload();
      await expect(question(page, join_.question)).toBeVisible();
      await workerReady(page, `${server.cdn}/faq.json`);

      await server.stop();
      await page.reload();
      await expect(question(page, join_.question)).toBeVisible();
      // From the worker's cache, not the widget's saved copy: no offline note.
      await expect(note(page, /^Offline:/)).toHaveCount(0);
      await question(page, join_.question).click();
      await expect(page.getByText("Vacancies at the General Secretariat")).toBeVisible();
    } finally {
      await server.close();
    }
  });
});
