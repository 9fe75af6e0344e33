// The documentation's links (issue 24): every relative link in the project's Markdown files names
// a file that exists, and every `#anchor` a heading in its file (GitHub's slugs). Checked by
// remark-validate-links (a kept library; it reads no network, so web addresses are not checked).
// Runs in the `check` tier.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const ROOT = new URL("../..", import.meta.url).pathname;
const REMARK = join(ROOT, "node_modules/.bin/remark");
const RC = join(ROOT, "tests/docs/remarkrc.json");

// Every Markdown file git tracks, but the npm README template: its links are filled in per release.
const tracked = () =>
  spawnSync("git", ["ls-files", "*.md"], { cwd: ROOT, encoding: "utf8" })
    .stdout.split("\n")
    .filter((file) => file && file !== "scripts/release/npm-README.md");

const check = (cwd, files) =>
  spawnSync(REMARK, ["--no-stdout", "--frail", "--no-color", "--rc-path", RC, ...files], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
  });

test("every link between the README, docs/ and the other Markdown files resolves", () => {
  const files = tracked();
  for (const doc of ["README.md", "CONTRIBUTING.md", "docs/embedding.md", "docs/testing.md"]) {
    assert.ok(files.includes(doc), `${doc} is tracked`);
  }
  const result = check(ROOT, files);
  assert.equal(result.status, 0, result.stderr);
});

test("the check fails on a missing file and on a missing heading", () => {
  const dir = mkdtempSync(join(tmpdir(), "faq-docs-links-"));
  mkdirSync(join(dir, "docs"));
  writeFileSync(join(dir, "README.md"), "# Here\n\n[ok](docs/a.md#there) [gone](docs/b.md) [bad](#nowhere)\n");
  writeFileSync(join(dir, "docs/a.md"), "# There\n\n[back](../README.md#here) [wrong](../README.md#elsewhere)\n");
  const result = check(dir, ["README.md", "docs/a.md"]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /Cannot find file `docs\/b\.md`/);
  assert.match(result.stderr, /Cannot find heading for `#nowhere`/);
  assert.match(result.stderr, /Cannot find heading for `#elsewhere` in `\.\.\/README\.md`/);
  assert.doesNotMatch(result.stderr, /#there|#here\b/, "the good links pass");
});
