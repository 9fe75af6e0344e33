// scripts/test.sh's arguments (issue 31): the tiers are listed, a bad name stops everything
// before any install or tier runs, with the list and exit 2. Runs in the `check` tier.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const SCRIPT = new URL("../../scripts/test.sh", import.meta.url).pathname;
const TIERS = ["lint", "native", "check", "wasm-chromium", "wasm-firefox", "build", "size", "e2e", "engines", "release"];
const run = (...args) => spawnSync("bash", [SCRIPT, ...args], { encoding: "utf8", timeout: 30_000 });

test("--list names every tier in the suite's order, with what it covers and its time", () => {
  const listed = run("--list");
  assert.equal(listed.status, 0, listed.stderr);
  const rows = listed.stdout.split("\n").filter((line) => /^ {2}\S+ +\d+ s {2}\S/.test(line));
  assert.deepEqual(rows.map((line) => line.trim().split(/\s+/)[0]), TIERS);
});

for (const args of [["bogus"], ["lint", "bogus"], ["native", "lint", "e2e-all"], ["--frobnicate"]]) {
  test(`an unknown tier (${args.join(" ")}) prints the list and exits 2, and nothing runs`, () => {
    const result = run(...args);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`unknown tier "${args.find((a) => !TIERS.includes(a))}"`));
    for (const tier of TIERS) assert.match(result.stderr, new RegExp(`^ {2}${tier} `, "m"));
    assert.doesNotMatch(result.stdout + result.stderr, /==>/, "no install and no tier started");
  });
}
