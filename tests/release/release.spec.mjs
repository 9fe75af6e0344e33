// The released npm package in Chromium (issue 21): served from the folder `npm install` unpacked
// it into (one loopback origin, a CDN), embedded with the release's own script tag (embed.html:
// integrity + crossorigin) by host pages on another origin. Then the same with a file of the
// package changed, as a tampered or truncated CDN copy would be: no widget, the alert, nothing
// thrown into the host page, which keeps working. Also under a strict CSP with Trusted Types.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../free-port.mjs";
import { ARTEFACTS, NPM_DIST, WORK, YEW_APP_DIST, VERSION } from "./paths.mjs";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
const ALERT = "The FAQ could not be shown: its program did not load.";
const faq = JSON.parse(readFileSync(join(NPM_DIST, "faq.json"), "utf8"));
const first = faq.questions[0];

/** The release's script tag, as a site owner copies it from embed.html, pointed at `cdn`. */
const releaseTag = () => {
  const tag = /<script [^>]*><\/script>/.exec(readFileSync(join(ARTEFACTS, "embed.html"), "utf8"))[0];
  expect(tag).toContain(`faq-widget@${VERSION}/dist/embed.js`);
  expect(tag).toMatch(/ integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"/);
  return tag;
};

// Copies of the installed dist/ with one file changed (`/<variant>/...` on the CDN origin).
// Per Playwright worker: each worker's beforeAll makes its own copies.
const VARIANTS = join(WORK, `tampered-${process.env.TEST_WORKER_INDEX ?? 0}`);
const named = (suffix) => readdirSync(NPM_DIST).find((name) => new RegExp(`^faq-widget-[0-9a-f]{16}${suffix}$`).test(name));
const variants = {
  good: null,
  // One byte of the wasm changed, in the middle of its code.
  wasm: (dir) => {
    const file = join(dir, named("_bg\\.wasm"));
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] ^= 0x01;
    writeFileSync(file, bytes);
  },
  // The wasm cut short, as an interrupted upload leaves it.
  truncated: (dir) => {
    const file = join(dir, named("_bg\\.wasm"));
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 1000));
  },
  // The glue with a line added that would run in the host page.
  glue: (dir) => {
    const file = join(dir, named("\\.js"));
    writeFileSync(file, `window.__tampered = true;\n${readFileSync(file, "utf8")}`);
  },
  // The stylesheet changed (it could hide or overlay the host page's content).
  css: (dir) => {
    const file = join(dir, named("\\.css"));
    writeFileSync(file, `${readFileSync(file, "utf8")}\n:host{display:none}`);
  },
};
const roots = {};

let cdn;
let pages;
test.beforeAll(async () => {
  expect(existsSync(NPM_DIST), "run tests/release/release.test.mjs first (scripts/test.sh does)").toBe(true);
  rmSync(VARIANTS, { recursive: true, force: true });
  for (const [name, change] of Object.entries(variants)) {
    if (!change) {
      roots[name] = NPM_DIST;
      continue;
    }
    const dir = join(VARIANTS, name);
    mkdirSync(dir, { recursive: true });
    cpSync(NPM_DIST, dir, { recursive: true });
    change(dir);
    roots[name] = dir;
  }
  roots["yew-app"] = YEW_APP_DIST;
  const [cdnPort, pagePort] = [await freePort(), await freePort()];
  cdn = `http://127.0.0.1:${cdnPort}`;
  pages = `http://127.0.0.1:${pagePort}`;
  const serve = (res, root, path, headers) => {
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404, headers);
      return res.end("Not found");
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store", ...headers });
    res.end(readFileSync(file));
  };
  // The CDN: /<variant>/... is that copy of the package's dist/ (CORS, as public CDNs send it).
  const cdnServer = createServer((req, res) => {
    const [, variant, ...rest] = new URL(req.url, cdn).pathname.split("/");
    if (!roots[variant]) {
      res.writeHead(404);
      return res.end();
    }
    serve(res, roots[variant], `/${rest.join("/")}`, { "access-control-allow-origin": "*" });
  });
  // Host pages: /page?variant=...&csp=1, and the Yew app built against the packaged crate.
  const pageServer = createServer((req, res) => {
    const url = new URL(req.url, pages);
    if (url.pathname.startsWith("/yew-app/")) return serve(res, YEW_APP_DIST, url.pathname.slice("/yew-app".length), {});
    if (url.pathname !== "/page") {
      res.writeHead(204);
      return res.end();
    }
    const variant = url.searchParams.get("variant");
    const tag = releaseTag()
      .replace(/src="[^"]*"/, `src="${cdn}/${variant}/embed.js"`)
      .replace(/ data-src="[^"]*"/, ` data-src="${cdn}/${variant}/faq.json"`);
    const headers = { "content-type": "text/html; charset=utf-8" };
    if (url.searchParams.get("csp")) {
      headers["content-security-policy"] =
        `default-src 'self' ${cdn}; script-src ${cdn} 'wasm-unsafe-eval'; style-src ${cdn}; require-trusted-types-for 'script'; base-uri 'none'; object-src 'none'`;
    }
    res.writeHead(200, headers);
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head>
<body><main><h1>Host page</h1><p id="before">Text before the widget.</p>
${tag}
<p id="after">Text after the widget.</p><button type="button" id="own">The host's own button</button></main></body></html>`);
  });
  await Promise.all([
    new Promise((done) => cdnServer.listen(cdnPort, "127.0.0.1", done)),
    new Promise((done) => pageServer.listen(pagePort, "127.0.0.1", done)),
  ]);
});

/** Page errors, CSP violations and the widget's `faq-widget:ready` events, from the first script on. */
async function watch(page) {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    window.__violations = [];
    window.__ready = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    document.addEventListener("faq-widget:ready", (e) => window.__ready.push(e.detail));
  });
  return {
    errors,
    violations: () => page.evaluate(() => window.__violations),
    ready: () => page.evaluate(() => window.__ready),
  };
}

for (const csp of [false, true]) {
  const under = csp ? " under a strict CSP with Trusted Types" : "";
  test(`the installed package, embedded with its SRI tag from another origin: accordion, search, cookie notice${under}`, async ({ page }) => {
    const seen = await watch(page);
    await page.goto(`${pages}/page?variant=good${csp ? "&csp=1" : ""}`);
    await expect(page.getByRole("heading", { level: 2, name: faq.title })).toBeVisible();
    await expect.poll(seen.ready).toEqual([{ questions: faq.questions.length, version: VERSION }]);

    const button = page.getByRole("button", { name: first.question, exact: true });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    // The answer's first words, now shown (the panel is labelled by its button, not a region).
    await expect(page.getByText(first.answer.slice(0, 60))).toBeVisible();

    const search = page.getByRole("searchbox", { name: "Search the questions" });
    await search.fill("notice");
    await expect(page.getByRole("status").filter({ hasText: /question|result/i }).first()).toBeVisible();
    // A question about Red Notices is found; one about joining is filtered out.
    const found = faq.questions.find((q) => q.id === "red-notice-arrest");
    const other = faq.questions.find((q) => q.id === "join");
    await expect(page.getByRole("button", { name: found.question, exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: other.question, exact: true })).toHaveCount(0);
    await search.fill("");
    await expect(page.getByRole("button", { name: other.question, exact: true })).toBeVisible();

    const notice = page.getByRole("region", { name: "Cookie notice", exact: true });
    await notice.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Cookies accepted." })).toHaveCount(1);
    await expect(notice).toBeHidden();

    expect(seen.errors).toEqual([]);
    expect(await seen.violations()).toEqual([]);
  });
}

for (const [variant, what] of [
  ["wasm", "one byte of the wasm changed"],
  ["truncated", "the wasm cut short"],
  ["glue", "the glue module changed"],
  ["css", "the stylesheet changed"],
]) {
  for (const csp of [false, true]) {
    test(`${what}${csp ? " (strict CSP, Trusted Types)" : ""}: refused, the alert, the host page untouched`, async ({ page }) => {
      const seen = await watch(page);
      const warnings = [];
      page.on("console", (message) => {
        if (message.type() === "warning" && message.text().startsWith("faq-widget:")) warnings.push(message.text());
      });
      await page.goto(`${pages}/page?variant=${variant}${csp ? "&csp=1" : ""}`);
      await expect(page.getByRole("alert")).toHaveText(ALERT);
      // No widget: no FAQ heading, no question, no ready event.
      await expect(page.getByRole("heading", { level: 2 })).toHaveCount(0);
      await expect(page.getByRole("button", { name: first.question, exact: true })).toHaveCount(0);
      expect(await seen.ready()).toEqual([]);
      // Why, in the console: the file that did not match.
      await expect.poll(() => warnings.join("\n")).toMatch(/does not match its integrity digest/);
      // The host page as it was: its text, its button, nothing the changed file would have run.
      await expect(page.getByRole("heading", { level: 1, name: "Host page" })).toBeVisible();
      await expect(page.getByText("Text after the widget.")).toBeVisible();
      await page.getByRole("button", { name: "The host's own button" }).click();
      expect(await page.evaluate(() => window.__tampered)).toBeUndefined();
      expect(await page.evaluate(() => document.head.querySelectorAll("link").length)).toBe(0);
      expect(seen.errors).toEqual([]);
      expect(await seen.violations()).toEqual([]);
    });
  }
}

test("an embed.js that is not the release's is refused by the browser: no widget, nothing thrown", async ({ page }) => {
  const dir = join(VARIANTS, "loader");
  mkdirSync(dir, { recursive: true });
  cpSync(NPM_DIST, dir, { recursive: true });
  writeFileSync(join(dir, "embed.js"), `${readFileSync(join(dir, "embed.js"), "utf8")}\nwindow.__tampered = true;`);
  roots.loader = dir;
  const seen = await watch(page);
  await page.goto(`${pages}/page?variant=loader`);
  await expect(page.getByText("Text after the widget.")).toBeVisible();
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => window.__tampered)).toBeUndefined();
  await expect(page.locator("faq-widget")).toHaveCount(0);
  expect(seen.errors).toEqual([]);
});

test("the Yew app built against the packaged crate: its FaqWidgets work and are styled by the adopted stylesheet", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${pages}/yew-app/`);
  const general = page.getByRole("article", { name: "General questions" });
  const button = general.getByRole("button", { name: first.question, exact: true });
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  // One constructed stylesheet for both widgets, and its rules apply (widget.css gives the
  // widget's root `display: block` and its own font family).
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  expect(await page.evaluate(() => document.adoptedStyleSheets[0].cssRules.length)).toBeGreaterThan(20);
  const font = await general.getByRole("heading", { level: 2 }).evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain("system-ui");
  expect(errors).toEqual([]);
});
