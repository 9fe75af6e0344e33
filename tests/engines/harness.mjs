// Drives the system's Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver + MiniBrowser under
// Xvfb) through WebDriver (selenium-webdriver), for tests/engines/journeys.test.mjs. Everything is
// started and stopped here, on free loopback ports; nothing downloads a browser or a driver.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { Builder } from "selenium-webdriver";
export { freePort } from "../free-port.mjs";
import { freePort } from "../free-port.mjs";

export const ROOT = new URL("../..", import.meta.url).pathname;
const SERVER = join(ROOT, "tests/e2e/server.mjs");


const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value (returned), or throws `what` after `timeout` ms. */
export async function until(what, check, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)})`);
    await sleep(100);
  }
}

/** A child process that must answer on `url` within 20 s; stop() ends it (and only it). */
async function daemon(name, command, args, options, ready) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  let exited = false;
  const gone = new Promise((resolve) => child.once("exit", () => resolve((exited = true))));
  const stop = async () => {
    if (exited) return;
    child.kill();
    await Promise.race([gone, sleep(5000)]);
    if (!exited) child.kill("SIGKILL");
  };
  try {
    await until(`${name} to start`, async () => {
      if (exited) throw new Error(`${name} exited: ${stderr}`);
      return ready();
    }, 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop, get exited() { return exited; } };
}

const answers = (url) => async () => {
  try {
    return (await fetch(url)).status < 500;
  } catch {
    return false;
  }
};

/** tests/e2e/server.mjs on two free ports: host pages (PAGE) and dist/ with CORS (CDN). */
export async function testServer(env = {}) {
  const [page, cdn] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${page}`;
  const cdnOrigin = `http://127.0.0.1:${cdn}`;
  const start = () =>
    daemon("the test server", process.execPath, [SERVER], { env: { ...process.env, ...env, PAGE_PORT: String(page), CDN_PORT: String(cdn) } }, async () =>
      (await answers(`${origin}/faq.json`)()) && (await answers(`${cdnOrigin}/faq.json`)()),
    );
  let running = await start();
  return {
    origin,
    cdn: cdnOrigin,
    async stop() {
      await running?.stop();
      running = null;
    },
    async restart() {
      running = await start();
    },
  };
}

export const GECKODRIVER = process.env.GECKODRIVER || join(homedir(), ".cargo/bin/geckodriver");
const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** What each engine needs on this machine, or null when it is all there. */
export function missing(engine) {
  const need = engine === "firefox" ? [GECKODRIVER, FIREFOX] : [WEBKIT_DRIVER, MINIBROWSER, "/usr/bin/Xvfb"];
  const absent = need.filter((path) => !existsSync(path));
  return absent.length ? absent.join(", ") : null;
}

/** Starts the engine's WebDriver server and a session; quit() ends the session and every process. */
export async function browser(engine) {
  const stops = [];
  const quitAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    const port = await freePort();
    const server = `http://127.0.0.1:${port}`;
    const status = async () => {
      try {
        return (await (await fetch(`${server}/status`)).json()).value?.ready !== undefined;
      } catch {
        return false;
      }
    };
    let capabilities;
    if (engine === "firefox") {
      const driver = await daemon("geckodriver", GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port)], {}, status);
      stops.push(driver.stop);
      capabilities = {
        browserName: "firefox",
        "moz:firefoxOptions": { binary: FIREFOX, args: ["-headless"], prefs: { "devtools.console.stdout.content": true } },
      };
    } else {
      // MiniBrowser has no headless mode: a virtual display of its own, on a free display number.
      let display = null;
      for (let n = 90 + (process.pid % 50); n < 200 && !display; n++) {
        if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
        try {
          const xvfb = await daemon("Xvfb", "/usr/bin/Xvfb", [`:${n}`, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {}, async () => existsSync(`/tmp/.X11-unix/X${n}`));
          stops.push(xvfb.stop);
          display = `:${n}`;
        } catch {
          // taken meanwhile: try the next number
        }
      }
      if (!display) throw new Error("no free X display for Xvfb");
      const driver = await daemon("WebKitWebDriver", WEBKIT_DRIVER, [`--port=${port}`, "--host=127.0.0.1"], { env: { ...process.env, DISPLAY: display } }, status);
      stops.push(driver.stop);
      capabilities = {
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
      };
    }
    const driver = await new Builder().usingServer(server).withCapabilities(capabilities).build();
    stops.push(() => driver.quit());
    await driver.manage().setTimeouts({ script: 15_000, pageLoad: 30_000 });
    return { driver, quit: quitAll };
  } catch (error) {
    await quitAll();
    throw error;
  }
}

/* ---- In the page: elements by role and accessible name, through open shadow roots ---------- */

// Runs in the browser (serialised): a small subset of the ARIA role and name rules, enough for
// the widget's controls (buttons, links, headings, search box, regions, status, alert, mark).
function inPage() {
  const all = (root, out = []) => {
    for (const el of root.querySelectorAll("*")) {
      out.push(el);
      if (el.shadowRoot) all(el.shadowRoot, out);
    }
    return out;
  };
  const hiddenFromAT = (el) => {
    for (let n = el; n; n = n.parentElement || n.getRootNode().host) {
      if (n.getAttribute?.("aria-hidden") === "true" || n.hidden === true) return true;
    }
    return false;
  };
  const role = (el) => {
    const explicit = el.getAttribute("role");
    if (explicit) return explicit.split(/\s+/)[0];
    const tag = el.localName;
    if (tag === "button") return "button";
    if (tag === "a" && el.hasAttribute("href")) return "link";
    if (/^h[1-6]$/.test(tag)) return "heading";
    if (tag === "input") {
      const type = (el.getAttribute("type") || "text").toLowerCase();
      if (type === "search") return "searchbox";
      if (["button", "submit", "reset"].includes(type)) return "button";
      if (type === "checkbox") return "checkbox";
      return "textbox";
    }
    if (tag === "textarea") return "textbox";
    if (tag === "p") return "paragraph";
    if (tag === "mark") return "mark";
    if (tag === "output") return "status";
    if (tag === "ul" || tag === "ol") return "list";
    if (tag === "li") return "listitem";
    if (tag === "section" && (el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby"))) return "region";
    if (tag === "details") return "group";
    return null;
  };
  const text = (node) => {
    if (node.nodeType === 3) return node.data;
    if (node.nodeType !== 1 || node.getAttribute("aria-hidden") === "true") return "";
    if (node.hasAttribute("aria-label")) return node.getAttribute("aria-label");
    if (node.localName === "img") return node.getAttribute("alt") || "";
    return [...(node.shadowRoot || node).childNodes].map(text).join("");
  };
  const clean = (s) => s.replace(/\s+/g, " ").trim();
  const name = (el) => {
    const root = el.getRootNode();
    const by = el.getAttribute("aria-labelledby");
    if (by) return clean(by.split(/\s+/).map((id) => root.getElementById(id)).filter(Boolean).map(text).join(" "));
    if (el.hasAttribute("aria-label")) return clean(el.getAttribute("aria-label"));
    if (el.localName === "input" || el.localName === "textarea") {
      const label = (el.id && root.querySelector(`label[for="${el.id}"]`)) || el.closest("label");
      if (label) return clean(text(label));
      return clean(el.getAttribute("title") || el.getAttribute("placeholder") || "");
    }
    if (["button", "link", "heading", "mark", "paragraph", "listitem", "status", "alert"].includes(role(el))) return clean(text(el));
    return clean(el.getAttribute("title") || "");
  };
  // As Playwright's isVisible: a box, not visibility:hidden, and not inside skipped content
  // (content-visibility: hidden, which is how engines with hidden="until-found" hide it).
  const visible = (el) =>
    el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== "hidden" &&
    (!el.checkVisibility || el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }));
  const matches = (el, r, n, exact) => {
    if (role(el) !== r || hiddenFromAT(el)) return false;
    if (n === undefined || n === null) return true;
    const actual = name(el);
    return exact ? actual === n : actual.includes(n);
  };
  // The deepest focused element, through shadow roots.
  const focused = () => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  return { all, role, name, visible, matches, focused, text: (el) => clean(text(el)) };
}
const LIB = `const lib = (${inPage})();`;

/** Page helpers bound to one WebDriver session. */
export function page(driver, engine) {
  const run = (body, ...args) => driver.executeScript(`${LIB}\n${body}`, ...args);
  const api = {
    engine,
    driver,
    run,
    get: (url) => driver.get(url),
    /** Elements with that role and accessible name (exact unless {exact: false}), inside `within`. */
    all: (r, n, { exact = true, within = null } = {}) =>
      run(`const [r, n, exact, within] = arguments; return lib.all(within && within.shadowRoot ? within.shadowRoot : within || document, within ? [within] : []).filter((el) => lib.matches(el, r, n, exact));`, r, n ?? null, exact, within),
    /** Waits for exactly one such element and returns it. */
    one: async (r, n, options = {}) => {
      const what = `one ${r} named ${JSON.stringify(n)}`;
      return until(what, async () => {
        const found = await api.all(r, n, options);
        if (found.length > 1) throw new Error(`${found.length} matches`);
        return found[0];
      }, options.timeout ?? 15_000);
    },
    /** Waits until there is no visible element with that role and name. */
    none: (r, n, options = {}) =>
      until(`no visible ${r} named ${JSON.stringify(n)}`, async () => {
        const found = await api.all(r, n, options);
        for (const el of found) if (await api.visible(el)) return false;
        return true;
      }, options.timeout ?? 10_000),
    visible: (el) => run("return lib.visible(arguments[0]);", el),
    attr: (el, name) => run("return arguments[0].getAttribute(arguments[1]);", el, name),
    text: (el) => run("return lib.text(arguments[0]);", el),
    /** Role and name of the focused element (through shadow roots). */
    focused: () => run("const el = lib.focused(); return el ? { role: lib.role(el), name: lib.name(el) } : null;"),
    /** Waits until `check(value)` holds for `read()`, and says what it last saw. */
    expect: async (what, read, check, timeout = 10_000) => {
      let seen;
      try {
        await until(what, async () => check((seen = await read())), timeout);
      } catch {
        throw new Error(`[${engine}] expected ${what}, last saw ${JSON.stringify(seen)}`);
      }
    },
  };
  return api;
}
