import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";

export const bundledFaq = JSON.parse(readFileSync(new URL("../../faq.json", import.meta.url), "utf8"));

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
