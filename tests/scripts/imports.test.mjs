// No import cycles between the modules of a crate (issue 24): a type two modules share lives in a
// third that both import (docs/architecture.md). Runs in the `check` tier.
//
// Hand-rolled on purpose: the kept tool for this, `cargo modules dependencies --acyclic`, builds
// on rust-analyzer's crates (many minutes of compiling on a new machine, for one check); the
// module graph of `use crate::...` / `use super::...` paths is a few lines of text.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";

const ROOT = new URL("../..", import.meta.url).pathname;

/** Every module of the crate whose sources are in `dir`, by path (`faq::validate`), with its text. */
function modules(dir) {
  const found = new Map();
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".rs")) {
        const parts = relative(dir, path).slice(0, -3).split("/");
        if (["mod", "lib", "main"].includes(parts.at(-1))) parts.pop();
        found.set(parts.join("::"), readFileSync(path, "utf8"));
      }
    }
  };
  walk(dir);
  return found;
}

/** The module a `crate::`/`super::`/`self::` path names (its longest known prefix). */
function target(mods, from, path) {
  const segs = path.split("::");
  let base = from ? from.split("::") : [];
  if (segs[0] === "crate") base = [];
  else if (segs[0] === "self") base = base.slice();
  else while (segs[0] === "super") (base = base.slice(0, -1)), segs.shift();
  if (["crate", "self"].includes(segs[0])) segs.shift();
  for (let candidate = [...base, ...segs]; candidate.length; candidate.pop()) {
    if (mods.has(candidate.join("::"))) return candidate.join("::");
  }
  return null;
}

/** The cycles among the crate's modules (each as its sorted members), outside tests and comments. */
export function cycles(dir) {
  const mods = modules(dir);
  const edges = new Map();
  for (const [name, text] of mods) {
    const code = text
      .replace(/#\[cfg\(test\)\]\s*mod tests \{[\s\S]*/, "")
      .split("\n")
      .filter((line) => !line.trim().startsWith("//"))
      .join("\n");
    const to = new Set();
    for (const [path] of code.matchAll(/\b(?:crate|super|self)(?:::\w+)+/g)) {
      const t = target(mods, name, path);
      // A module and its own parent or children are one unit (`mod.rs` declares them).
      if (t && t !== name && !name.startsWith(`${t}::`) && !t.startsWith(`${name}::`)) to.add(t);
    }
    edges.set(name, to);
  }
  const found = new Set();
  const visit = (node, stack) => {
    for (const next of edges.get(node)) {
      const at = stack.indexOf(next);
      if (at >= 0) found.add(stack.slice(at).sort().join(" <-> "));
      else if (stack.length < 50) visit(next, [...stack, next]);
    }
  };
  for (const name of mods.keys()) visit(name, [name]);
  return [...found].sort();
}

for (const crate of ["src", "cli/src", "studio/src", "reporter/src"]) {
  test(`no import cycle among the modules of ${crate}`, () => {
    assert.deepEqual(cycles(join(ROOT, crate)), []);
  });
}

test("a cycle through a shared type is found, a one-way import is not", () => {
  const dir = mkdtempSync(join(tmpdir(), "faq-imports-"));
  mkdirSync(join(dir, "components"));
  writeFileSync(join(dir, "lib.rs"), "pub mod components;\npub mod keys;\n");
  writeFileSync(join(dir, "components/mod.rs"), "pub mod accordion;\npub mod question;\n");
  writeFileSync(join(dir, "components/accordion.rs"), "use super::question::Item;\npub enum Move { Up }\n");
  writeFileSync(join(dir, "components/question.rs"), "use super::accordion::Move;\n// use crate::keys::Key; (a comment)\npub struct Item;\n");
  writeFileSync(join(dir, "keys.rs"), "pub struct Key;\n");
  assert.deepEqual(cycles(dir), ["components::accordion <-> components::question"]);
  writeFileSync(join(dir, "components/question.rs"), "use crate::keys::Key;\npub struct Item;\n");
  assert.deepEqual(cycles(dir), []);
});
