// The journeys that matter most, in Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver +
// MiniBrowser), against the release build in dist/ served by tests/e2e/server.mjs (host pages on
// one loopback origin, dist/ as a CDN on another). Chromium runs the full suite through Playwright
// (tests/e2e). Elements are found by role and accessible name inside the widget's open shadow root;
// every failure starts with the engine's name.
//   node --test tests/engines/            (FAQ_ENGINES=firefox or webkit to run one)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import { Key } from "selenium-webdriver";
import { browser, missing, page as pageOf, ROOT, testServer, until } from "./harness.mjs";
import { GENERATED } from "../e2e/server.mjs";

const faq = JSON.parse(readFileSync(`${ROOT}/faq.json`, "utf8"));
const library = JSON.parse(readFileSync(`${ROOT}/examples/library-faq.json`, "utf8"));
const q = (id) => faq.questions.find((item) => item.id === id);
const [first, second] = faq.questions;
const last = faq.questions.at(-1);
const FR = { first: "INTERPOL envoie-t-il des agents dans le monde pour arrêter des personnes ?", search: "Rechercher dans les questions", notice: "Avis sur les cookies" };
const AR = { first: "هل يرسل الإنتربول عملاء حول العالم لاعتقال الأشخاص؟", search: "البحث في الأسئلة" };
// `faq-widget render --prerender` (a declarative shadow root), where this checkout's tool has it.
const cli = (...args) => execFileSync("cargo", ["run", "--quiet", "-p", "faq-widget-cli", "--", ...args], { cwd: ROOT, encoding: "utf8" });
const PRERENDER = /--prerender/.test(cli("--help"));
// Copies of dist/'s widget files with one changed, as a tampered or truncated CDN copy would be,
// and a host page for each: embed.js must refuse the file in every engine (WebKit ignores a
// modulepreload's integrity, so the glue is also checked by a fetch; web/embed.js).
const ALERT = "The FAQ could not be shown: its program did not load.";
const TAMPERED = join(GENERATED, "tampered");
const tamper = {
  glue: (bytes) => Buffer.concat([Buffer.from("window.__tampered = true;\n"), bytes]),
  wasm: (bytes) => {
    const changed = Buffer.from(bytes);
    changed[changed.length >> 1] ^= 0x01;
    return changed;
  },
  css: (bytes) => Buffer.concat([bytes, Buffer.from("\n:host{display:none}")]),
};
const widgetFile = { glue: /^faq-widget-[0-9a-f]{16}\.js$/, wasm: /^faq-widget-[0-9a-f]{16}_bg\.wasm$/, css: /^faq-widget-[0-9a-f]{16}\.css$/ };
const writeTampered = () => {
  rmSync(TAMPERED, { recursive: true, force: true });
  const dist = join(ROOT, "dist");
  for (const [variant, change] of Object.entries(tamper)) {
    const dir = join(TAMPERED, variant);
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dist)) {
      if (!statSync(join(dist, name)).isFile() || /\.(br|gz)$/.test(name)) continue;
      if (widgetFile[variant].test(name)) writeFileSync(join(dir, name), change(readFileSync(join(dist, name))));
      else copyFileSync(join(dist, name), join(dir, name));
    }
    writeFileSync(
      join(TAMPERED, `${variant}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body><main><h1>Host page</h1>
<script src="${variant}/embed.js" async></script><p id="after">Text after the widget.</p></main></body></html>`,
    );
  }
};

const ENGINES = (process.env.FAQ_ENGINES || "firefox,webkit").split(",").map((e) => e.trim()).filter(Boolean);

for (const engine of ENGINES) {
  describe(engine, { timeout: 600_000 }, () => {
    let session;
    let server;
    let p;
    /** Fails with the engine's name in front (node --test prints the message). */
    const check = async (what, body) => {
      try {
        await body();
      } catch (error) {
        error.message = `[${engine}] ${what}: ${error.message.replace(`[${engine}] `, "")}`;
        throw error;
      }
    };
    const it = (name, body, options = {}) => test(`${engine}: ${name}`, { timeout: 120_000, ...options }, () => check(name, body));

    before(async () => {
      const absent = missing(engine);
      if (absent) throw new Error(`[${engine}] not installed: ${absent} (./scripts/test.sh installs it when run as root)`);
      server = await testServer();
      session = await browser(engine);
      p = pageOf(session.driver, engine);
    });
    after(async () => {
      await session?.quit();
      await server?.stop();
    });
    // Every test starts as a first visit: no stored choice, no saved copy.
    beforeEach(async () => {
      await p.get(`${server.origin}/host.html?mode=none`);
      await p.run("localStorage.clear();");
    });

    const expanded = (el) => p.attr(el, "aria-expanded");
    const expectExpanded = (what, el, value) => p.expect(`${what} aria-expanded=${value}`, () => expanded(el), (v) => v === value);
    const answerPanel = async (button) => {
      const id = await p.attr(button, "aria-controls");
      // The answer's first paragraph: what the visitor reads (the panel's own box may exist while
      // its content is skipped, as with hidden="until-found").
      return p.run("const panel = arguments[0].getRootNode().getElementById(arguments[1]); return panel.querySelector('p') || panel;", button, id);
    };
    const expectFocus = (name) => p.expect(`focus on ${JSON.stringify(name)}`, () => p.focused(), (f) => f && f.name === name);
    const press = (key) => session.driver.actions().sendKeys(key).perform();
    const focus = (el) => p.run("arguments[0].focus();", el);

    it("mouse: a question opens and closes, its answer shown and hidden", async () => {
      await p.get(`${server.origin}/index.html`);
      const button = await p.one("button", first.question);
      assert.equal(await expanded(button), "false");
      const panel = await answerPanel(button);
      assert.equal(await p.visible(panel), false, "a closed answer is not rendered");
      await button.click();
      await expectExpanded("after a click,", button, "true");
      await p.expect("the answer visible", () => p.visible(panel), (v) => v === true);
      await button.click();
      await expectExpanded("after a second click,", button, "false");
      await p.expect("the answer hidden again", () => p.visible(panel), (v) => v === false);
    });

    it("keyboard: Enter and Space toggle; arrows, Home and End move between questions", async () => {
      await p.get(`${server.origin}/index.html`);
      const button = await p.one("button", first.question);
      await focus(button);
      await expectFocus(first.question);
      await press(Key.ENTER);
      await expectExpanded("Enter:", button, "true");
      await press(Key.SPACE);
      await expectExpanded("Space:", button, "false");
      await press(Key.ARROW_DOWN);
      await expectFocus(second.question);
      await press(Key.END);
      await expectFocus(last.question);
      await press(Key.ARROW_DOWN);
      await expectFocus(first.question);
      await press(Key.ARROW_UP);
      await expectFocus(last.question);
      await press(Key.HOME);
      await expectFocus(first.question);
    });

    it("a deep link #id opens that question only", async () => {
      await p.get(`${server.origin}/index.html#${last.id}`);
      await expectExpanded("the linked question", await p.one("button", last.question), "true");
      assert.equal(await expanded(await p.one("button", first.question)), "false");
    });

    it("search: a typo still finds the question, matches are marked, no results says so", async () => {
      await p.get(`${server.origin}/index.html`);
      const box = await p.one("searchbox", "Search the questions");
      // As a person replaces a query: Escape (the widget clears it), then type. WebDriver's clear()
      // fires no input event, so the widget would not hear it; each step checks what the box holds.
      const search = async (text) => {
        await box.sendKeys(Key.ESCAPE);
        await p.expect("Escape to empty the search box", () => p.run("return arguments[0].value", box), (value) => value === "");
        await box.sendKeys(text);
        await p.expect(`the search box to hold ${JSON.stringify(text)}`, () => p.run("return arguments[0].value", box), (value) => value === text);
      };
      const results = async () => {
        const level3 = [];
        for (const h of await p.all("heading", null)) if ((await p.run("return arguments[0].localName", h)) === "h3") level3.push(await p.text(h));
        return level3;
      };
      await search("statistcs");
      await p.expect("the first result to be the crime statistics question", results, (texts) => texts[0] === q("crime-statistics").question);
      await search("notice");
      await p.expect("the red notice question among the results", results, (texts) => texts.includes(q("red-notice-arrest").question));
      const result = await p.one("button", q("red-notice-arrest").question);
      await p.expect("<mark>Notice</mark> in the result", async () => Promise.all((await p.all("mark", null, { within: result })).map((m) => p.text(m))), (marks) => marks.join() === "Notice");
      await search("xylophone");
      await p.one("paragraph", "No questions match “xylophone”.", { exact: false });
      await p.expect("the polite status to announce it", async () => Promise.all((await p.all("status", "No questions match", { exact: false })).map((s) => p.attr(s, "aria-live"))), (live) => live.length === 1 && live[0] === "polite");
    });

    it("languages: Spanish from the page, searched without accents; the switch to Arabic, right to left, searched without hamza", async () => {
      const es = JSON.parse(readFileSync(`${ROOT}/faq.es.json`, "utf8"));
      const ar = JSON.parse(readFileSync(`${ROOT}/faq.ar.json`, "utf8"));
      const titleOf = (file, id) => file.questions.find((item) => item.id === id).question;
      await p.get(`${server.origin}/host.html?lang=es&src=${encodeURIComponent("/faq.{lang}.json")}&langs=en,fr,es,ar`);
      await p.one("heading", es.title);
      await p.one("group", "Idioma");
      const results = async () => {
        const level3 = [];
        for (const h of await p.all("heading", null)) if ((await p.run("return arguments[0].localName", h)) === "h3") level3.push(await p.text(h));
        return level3;
      };
      await (await p.one("searchbox", "Buscar en las preguntas")).sendKeys("detencion");
      await p.expect("the arrests question first for “detencion”", results, (texts) => texts[0] === titleOf(es, "arrests"));
      const arabic = await p.one("button", "العربية");
      assert.equal(await p.attr(arabic, "aria-pressed"), "false");
      await arabic.click();
      const heading = await p.one("heading", ar.title);
      await p.one("group", "اللغة");
      assert.equal(await p.attr(arabic, "aria-pressed"), "true");
      assert.equal(await p.run("return arguments[0].closest('section').dir", heading), "rtl");
      await (await p.one("searchbox", "البحث في الأسئلة")).sendKeys("امر اعتقال");
      await p.expect("the wanted question first for “امر اعتقال”", results, (texts) => texts[0] === titleOf(ar, "wanted"));
    });

    it("cookie notice: Reject closes it and a reload keeps the choice; Accept from the settings", async () => {
      await p.get(`${server.origin}/index.html`);
      const notice = await p.one("region", "Cookie notice");
      await (await p.one("button", "Reject", { within: notice })).click();
      await p.one("status", "Cookies rejected.");
      await p.none("region", "Cookie notice");
      await p.get(`${server.origin}/index.html`);
      const settings = await p.one("button", "Cookie settings");
      await p.one("button", first.question);
      await p.none("region", "Cookie notice");
      assert.equal(await expanded(settings), "false");
      await settings.click();
      const again = await p.one("region", "Cookie notice");
      await (await p.one("button", "Accept", { within: again })).click();
      await p.one("status", "Cookies accepted.");
      await p.expect("focus to stay on Cookie settings", () => p.focused(), (f) => f && f.name === "Cookie settings");
      await p.get(`${server.origin}/index.html`);
      await p.one("button", first.question);
      await p.none("region", "Cookie notice");
      const stored = await p.run("return localStorage.getItem('faq-widget:consent');");
      assert.match(stored, /^v1\|a\|1\|\d+$/);
    });

    it("cross-origin embed: the script from the CDN origin renders right after itself", async () => {
      await p.get(`${server.origin}/host.html?cdn=1&mode=async`);
      await p.one("heading", faq.title);
      const where = await p.run("const h = document.querySelector('faq-widget'); return [h.previousElementSibling.localName, h.nextElementSibling.id, h.getAttribute('src')];");
      assert.deepEqual(where, ["script", "after", `${server.cdn}/faq.json`]);
      const button = await p.one("button", first.question);
      await button.click();
      await expectExpanded("a question on the embedded widget", button, "true");
    });

    it("module script tag beside another vendor's embed.js: the widget finds its own script", async () => {
      await p.get(`${server.origin}/host.html?cdn=1&mode=module&vendor=1`);
      await p.one("heading", faq.title);
      const marked = await p.run("return [...document.querySelectorAll('script[data-faq-widget]')].map((s) => s.src);");
      assert.deepEqual(marked, [`${server.cdn}/embed.js`]);
    });

    it("strict CSP page (Trusted Types where the engine has them): it runs", async () => {
      await p.get(`${server.origin}/examples/strict-csp.html`);
      const button = await p.one("button", first.question);
      await button.click();
      await expectExpanded("a question under the strict CSP", button, "true");
      const trustedTypes = await p.run("return typeof window.trustedTypes === 'object';");
      console.log(`# ${engine}: Trusted Types ${trustedTypes ? "supported" : "not supported (the CSP directive is ignored; nothing else changes)"}`);
    });

    it("integrity: a changed glue, wasm or stylesheet is refused with the alert, and none of it runs", async () => {
      writeTampered();
      for (const variant of Object.keys(tamper)) {
        await check(variant, async () => {
          await p.get(`${server.origin}/tampered/${variant}.html`);
          await p.one("alert", ALERT);
          assert.equal((await p.all("heading", faq.title)).length, 0, "no FAQ");
          assert.equal(await p.run("return window.__tampered === undefined;"), true, "the changed glue did not run");
          assert.equal(await p.run("return document.getElementById('after').textContent;"), "Text after the widget.");
        });
      }
    });

    it("single-page app: a moved widget goes on, a removed one is emptied, added back it mounts anew", async () => {
      await p.get(`${server.origin}/host.html?cdn=1&head=1`);
      await p.run(
        `window.__ready = 0; document.addEventListener("faq-widget:ready", () => window.__ready++);
        const widget = document.createElement("faq-widget"); widget.setAttribute("src", arguments[0]);
        document.getElementById("slot").replaceChildren(widget);`,
        `${server.cdn}/faq.json`,
      );
      const button = await p.one("button", first.question);
      await button.click();
      await expectExpanded("before the move", button, "true");
      await p.run(`const widget = document.querySelector("faq-widget"); widget.remove(); document.getElementById("before").before(widget);`);
      // Found again (WebKit's driver loses an element reference inside a moved shadow host):
      // still open, and not mounted a second time.
      await expectExpanded("after a move within one task, the same", await p.one("button", first.question), "true");
      assert.equal(await p.run("return window.__ready;"), 1, "one mount, kept through the move");
      await p.run(`window.__kept = document.querySelector("faq-widget"); window.__kept.remove();`);
      await p.expect("the removed widget's shadow root emptied", () => p.run("return window.__kept.shadowRoot.childNodes.length;"), (n) => n === 0);
      await p.run(`document.getElementById("slot").append(window.__kept);`);
      // Mounted anew: like any first load it follows the URL's deep link, which the first click
      // wrote; and it works.
      const again = await p.one("button", first.question);
      await p.expect("a second ready event", () => p.run("return window.__ready;"), (n) => n === 2);
      await expectExpanded("the widget added back, from the deep link", again, "true");
      await again.click();
      await expectExpanded("the widget added back, after a click", again, "false");
    });

    it("two widgets on one page, each with its own FAQ", async () => {
      await p.get(`${server.origin}/examples/two-widgets.html`);
      await p.one("heading", faq.title);
      await p.one("heading", library.title);
      const a = await p.one("button", first.question);
      const b = await p.one("button", library.questions[0].question);
      await b.click();
      await expectExpanded("the library widget's question", b, "true");
      assert.equal(await expanded(a), "false", "the other widget is not affected");
    });

    it("French and Arabic: translated controls; Arabic lays out right to left", async () => {
      await p.get(`${server.origin}/host.html?lang=fr&src=${encodeURIComponent("/examples/faq.fr.json")}`);
      await p.one("button", FR.first);
      await p.one("searchbox", FR.search);
      await p.one("region", FR.notice);
      await p.get(`${server.origin}/host.html?lang=ar&src=${encodeURIComponent("/examples/faq.ar.json")}`);
      const button = await p.one("button", AR.first);
      await p.one("searchbox", AR.search);
      const layout = await p.run(
        `const b = arguments[0]; const r = b.getBoundingClientRect();
         const range = document.createRange(); range.selectNodeContents(b); const t = range.getBoundingClientRect();
         return { direction: getComputedStyle(b).direction, rightGap: r.right - t.right, leftGap: t.left - r.left };`,
        button,
      );
      assert.equal(layout.direction, "rtl");
      assert.ok(layout.rightGap < layout.leftGap, `text starts at the right edge: ${JSON.stringify(layout)}`);
    });

    it("find-in-page fallback: closed answers are hidden (hidden=until-found or plain hidden) and Show all reveals them", async () => {
      await p.get(`${server.origin}/index.html`);
      const beforematch = await p.run("return 'onbeforematch' in document.body;");
      console.log(`# ${engine}: hidden="until-found"/beforematch ${beforematch ? "supported" : "not supported: closed answers are plain hidden, not found by find-in-page"}`);
      const button = await p.one("button", last.question);
      const panel = await answerPanel(button);
      assert.equal(await p.visible(panel), false);
      assert.equal(await p.run("return arguments[0].closest('[hidden]') !== null;", panel), true, "a closed answer is hidden, not only visually");
      await (await p.one("button", "Show all answers")).click();
      await expectExpanded("Show all:", button, "true");
      await p.expect("the last answer visible", () => p.visible(panel), (v) => v === true);
    });

    it(":focus-visible: keyboard focus on a question draws a visible ring", async () => {
      await p.get(`${server.origin}/index.html`);
      const box = await p.one("searchbox", "Search the questions");
      await focus(box);
      // Tab from the search box, as a keyboard user would: focus-visible applies.
      let ring = null;
      for (let i = 0; i < 6 && !ring; i++) {
        await press(Key.TAB);
        const f = await p.focused();
        if (f && f.role === "button" && f.name === first.question) {
          ring = await p.run("const el = lib.focused(); const s = getComputedStyle(el); return { outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow, focusVisible: el.matches(':focus-visible') };");
        }
      }
      assert.ok(ring, "Tab reaches the first question");
      assert.ok(ring.focusVisible, `:focus-visible matches after Tab: ${JSON.stringify(ring)}`);
      assert.ok(ring.outline.split(" ")[0] !== "none" || (ring.shadow && ring.shadow !== "none"), `a focus ring: ${JSON.stringify(ring)}`);
      // A mouse click on another question: no keyboard ring for mouse users.
      const second_ = await p.one("button", second.question);
      await second_.click();
      await expectExpanded("the clicked question", second_, "true");
      const after = await p.run("const el = arguments[0]; const s = getComputedStyle(el); return { focused: lib.focused() === el, focusVisible: el.matches(':focus-visible'), outline: s.outlineStyle };", second_);
      console.log(`# ${engine}: after a click the question is ${after.focused ? "focused" : "not focused"}, :focus-visible ${after.focusVisible}, outline ${after.outline}`);
      assert.ok(!after.focusVisible, `no :focus-visible after a mouse click: ${JSON.stringify(after)}`);
    });

    it(
      "declarative shadow DOM: a pre-rendered page works and the widget takes the copy over",
      async () => {
        const dsd = await p.run("return HTMLTemplateElement.prototype.hasOwnProperty('shadowRootMode');");
        console.log(`# ${engine}: declarative shadow DOM ${dsd ? "supported" : "not supported: the copy stays inert and the widget renders as without it"}`);
        const snippet = cli("render", "--prerender", `${server.origin}/`, "faq.json");
        mkdirSync(GENERATED, { recursive: true });
        writeFileSync(
          join(GENERATED, "prerendered-engines.html"),
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pre-rendered FAQ</title><link rel="icon" href="data:,"></head>
<body><main><h1>Pre-rendered FAQ</h1>${snippet}<p id="after">Text after the widget.</p></main></body></html>`,
        );
        await p.get(`${server.origin}/prerendered-engines.html`);
        await p.one("heading", faq.title);
        await p.expect("the widget to take the copy over", () =>
          p.run("const s = document.querySelector('faq-widget').shadowRoot; return !!s && !s.querySelector('[data-prerendered]') && !!s.querySelector('[data-faq-widget]');"), (v) => v === true, 15_000);
        const button = await p.one("button", last.question);
        await button.click();
        await expectExpanded("a question after the takeover", button, "true");
        await p.one("searchbox", "Search the questions");

        // The fallback, as an engine without declarative shadow DOM parses the page: the attribute
        // means nothing, the copy stays an inert <template>, and embed.js renders the widget anew.
        assert.match(snippet, /<template shadowrootmode="open"/);
        writeFileSync(
          join(GENERATED, "prerendered-engines-no-dsd.html"),
          readFileSync(join(GENERATED, "prerendered-engines.html"), "utf8").replace(/<template shadowrootmode=/g, "<template data-no-shadowrootmode="),
        );
        await p.get(`${server.origin}/prerendered-engines-no-dsd.html`);
        const fresh = await p.one("button", last.question);
        // No copy in the widget's shadow root; the inert template is still in the light DOM (unslotted, unseen).
        const state = await p.run("const h = document.querySelector('faq-widget'); return [!!h.shadowRoot.querySelector('[data-prerendered]'), h.querySelector(':scope > template') !== null];");
        assert.deepEqual(state, [false, true]);
        await fresh.click();
        await expectExpanded("without declarative shadow DOM, a question", fresh, "true");
        await p.one("searchbox", "Search the questions");
      },
      PRERENDER ? {} : { skip: "this checkout's faq-widget has no render --prerender (main has it)" },
    );

    it("offline: after one visit with consent the demo reloads with the server stopped", async () => {
      const own = await testServer();
      try {
        await p.get(`${own.origin}/index.html`);
        const notice = await p.one("region", "Cookie notice");
        await (await p.one("button", "Accept", { within: notice })).click();
        const worker = await p.run("return 'serviceWorker' in navigator;");
        assert.ok(worker, "service workers are available under automation");
        await until(`the service worker to control the page and keep the app and the FAQ`, () =>
          session.driver.executeAsyncScript(
            `const done = arguments[arguments.length - 1];
            (async () => !!navigator.serviceWorker.controller &&
              (await caches.keys()).some((n) => n.startsWith("faq-widget-app-")) &&
              !!(await (await caches.open("faq-widget-data")).match(arguments[0])))().then(done, () => done(false));`,
            `${own.origin}/faq.json`,
          ),
        20_000);
        await own.stop();
        // A navigation, as a visitor coming back (WebDriver's refresh in Firefox ESR 153 showed the
        // network error page here instead of the worker's cached page).
        await p.get(`${own.origin}/index.html`);
        await p.one("button", first.question);
        const button = await p.one("button", q("join").question);
        await button.click();
        await expectExpanded("offline, a question", button, "true");
      } finally {
        await own.stop();
      }
    });
  });
}
