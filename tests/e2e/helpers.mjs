import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";

export const bundledFaq = JSON.parse(readFileSync(new URL("../../faq.json", import.meta.url), "utf8"));

/** The release's version (Cargo.toml's [workspace.package]): the `faq-widget:ready` event says it. */
export const VERSION = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(
  readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8"),
)[1];

/** Fails the test on any uncaught exception or console error: the widget must never cause one. */
export function watchConsole(page) {
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  return {
    problems,
    expectClean: () => expect(problems, problems.join("\n")).toEqual([]),
  };
}

export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

export const question = (page, text) => page.getByRole("button", { name: text, exact: true });

/** Starts `faq-widget collect` (the built tool `bin`) on a free loopback port, writing to `db` and
 *  accepting `origin`; resolves once it listens, with the process, its port and its exit. */
export function startCollector(bin, db, origin, extra = []) {
  const child = spawn(bin, ["collect", "--db", db, "--allow-origin", origin, "--port", "0", "--bind", "127.0.0.1", ...extra], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the collector did not start")), 20_000);
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const port = /127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, port: Number(port), exited: new Promise((done) => child.on("exit", done)) });
      }
    });
    child.on("exit", (code) => reject(new Error(`the collector exited (${code})`)));
  });
}

/** Whether a pre-rendered widget has been taken over: its copy is gone from the shadow root. */
export const takenOver = (page) =>
  page.evaluate(() => {
    const shadow = document.querySelector("faq-widget")?.shadowRoot;
    return !!shadow && !shadow.querySelector("[data-prerendered]") && !!shadow.querySelector("[data-faq-widget]");
  });

/** Holds the wasm back until the returned `release()` (the visitor meets a pre-rendered copy
 * first), and sums the page's layout shifts as CLS counts them into `window.__shift` (shifts
 * within 500 ms of the visitor's input are theirs, not the page's). */
export async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  return release;
}
