// The release as someone outside this repository gets it (issue 21): scripts/release.sh's
// artefacts, installed into empty folders, never from the work tree. scripts/test.sh runs
// `scripts/release.sh --no-build --out target/release-test/artefacts` first; this file checks the
// artefacts and installs them, and leaves in target/release-test/ what tests/release/release.spec.mjs
// serves to a browser: the npm package as `npm install` unpacked it, and the Yew-app example built
// against the packaged crate.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTEFACTS, NPM_DIST, ROOT, WORK, YEW_APP_DIST, VERSION } from "./paths.mjs";

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 << 20, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
};
const files = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => relative(dir, join(dir, name)))
    .sort();
const sri = (file) => `sha384-${createHash("sha384").update(readFileSync(file)).digest("base64")}`;
const integrity = () => /integrity="(sha384-[A-Za-z0-9+/=]+)"/.exec(readFileSync(join(ARTEFACTS, "embed.html"), "utf8"))[1];
const fresh = (name) => {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

test("the release folder holds each artefact, and SHA256SUMS verifies them", () => {
  assert.deepEqual(readdirSync(ARTEFACTS).sort(), [
    "SHA256SUMS",
    "embed.html",
    `faq-widget-${VERSION}.crate`,
    `faq-widget-${VERSION}.tar.gz`,
    `faq-widget-${VERSION}.tgz`,
    `faq-widget-cli-${VERSION}.crate`,
  ]);
  const checked = run("sha256sum", ["-c", "SHA256SUMS"], { cwd: ARTEFACTS });
  assert.equal(checked.trim().split("\n").length, 5, checked);
  // A changed artefact fails the check: the sums are not decoration.
  const copy = mkdtempSync(join(tmpdir(), "faq-release-"));
  cpSync(ARTEFACTS, copy, { recursive: true });
  writeFileSync(join(copy, "embed.html"), readFileSync(join(copy, "embed.html"), "utf8").replace("async", "defer"));
  assert.notEqual(spawnSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: copy }).status, 0);
  rmSync(copy, { recursive: true, force: true });
});

test("the tar.gz is dist/ as faq-widget-X.Y.Z/, with SHA256SUMS that verify", () => {
  const out = fresh("tarball");
  run("tar", ["-xzf", join(ARTEFACTS, `faq-widget-${VERSION}.tar.gz`), "-C", out]);
  assert.deepEqual(readdirSync(out), [`faq-widget-${VERSION}`]);
  const folder = join(out, `faq-widget-${VERSION}`);
  const checked = run("sha256sum", ["-c", "SHA256SUMS"], { cwd: folder });
  const listed = files(folder).filter((name) => name !== "SHA256SUMS");
  assert.equal(checked.trim().split("\n").length, listed.length);
  assert.deepEqual(listed, files(join(ROOT, "dist")));
  for (const name of ["embed.js", "sw.js", "faq.schema.json", "studio/index.html", "embed.js.br", "embed.js.gz"]) {
    assert.ok(listed.includes(name), `${name} is in the tarball`);
  }
  assert.ok(listed.some((name) => /^faq-widget-[0-9a-f]{16}_bg\.wasm\.br$/.test(name)), "the wasm's .br is in the tarball");
});

test("npm install of the tarball into an empty folder gives dist/ and a README with this release's tag", () => {
  const out = fresh("npm-install");
  run("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--offline", join(ARTEFACTS, `faq-widget-${VERSION}.tgz`)], { cwd: out });
  const pkg = join(out, "node_modules/faq-widget");
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(manifest.name, "faq-widget");
  assert.equal(manifest.version, VERSION);
  assert.equal(manifest.license, "MIT");
  assert.deepEqual(files(join(pkg, "dist")), files(join(ROOT, "dist")));
  assert.equal(sri(join(pkg, "dist/embed.js")), integrity(), "embed.html's digest is the packed embed.js's");
  const readme = readFileSync(join(pkg, "README.md"), "utf8");
  assert.ok(readme.includes(`faq-widget@${VERSION}/dist/embed.js`), "the README's CDN URL names this version");
  assert.ok(readme.includes(`integrity="${integrity()}"`), "the README's tag carries the digest");
  assert.ok(!/\{\{[A-Z]+\}\}/.test(readme), "the README has no placeholder left");
  assert.ok(existsSync(join(pkg, "LICENSE")));
  assert.equal(NPM_DIST, join(pkg, "dist"));
});

test("the version is the same everywhere it appears", () => {
  assert.match(VERSION, /^\d+\.\d+\.\d+$/);
  const changelog = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
  assert.equal(/^## \[(\d+\.\d+\.\d+)\]/m.exec(changelog)[1], VERSION, "the newest CHANGELOG section is this version");
  const metadata = JSON.parse(run("cargo", ["metadata", "--no-deps", "--format-version", "1", "--offline"], { cwd: ROOT }));
  for (const name of ["faq-widget", "faq-widget-cli", "faq-widget-reporter", "faq-studio", "faq-widget-yew-app"]) {
    assert.equal(metadata.packages.find((p) => p.name === name).version, VERSION, name);
  }
  assert.ok(readFileSync(join(ARTEFACTS, "embed.html"), "utf8").includes(`faq-widget@${VERSION}/`));
  // The wasm says it too (the `faq-widget:ready` event's version, checked in the browser).
  const wasm = readdirSync(join(ROOT, "dist")).find((name) => /^faq-widget-[0-9a-f]{16}_bg\.wasm$/.test(name));
  assert.ok(readFileSync(join(ROOT, "dist", wasm)).includes(Buffer.from(VERSION)), "the wasm holds its version");
});

/** A .crate is a tar.gz of `<name>-<version>/`: unpacked where cargo would put a registry's. */
const unpackCrates = () => {
  const out = fresh("crates");
  for (const crate of ["faq-widget", "faq-widget-cli"]) {
    run("tar", ["-xzf", join(ARTEFACTS, `${crate}-${VERSION}.crate`), "-C", out]);
  }
  for (const crate of ["faq-widget", "faq-widget-cli"]) {
    const manifest = readFileSync(join(out, `${crate}-${VERSION}`, "Cargo.toml"), "utf8");
    // Each dependency is a `[...dependencies.NAME]` table in a packed manifest.
    const dependencies = manifest.split(/^(?=\[)/m).filter((table) => /^\[[^\]]*dependencies\./.test(table));
    assert.ok(dependencies.length > 0, `${crate}'s packed manifest lists its dependencies`);
    for (const table of dependencies) assert.ok(!/^path\s*=/m.test(table), `${crate}: no path dependency left in\n${table}`);
  }
  return out;
};

test("the tool installs from its packaged crate into an empty root, and checks a faq.json", { timeout: 40 * 60_000 }, () => {
  const crates = unpackCrates();
  // The packed faq-widget-cli depends on `faq-widget = "X.Y.Z"` from the registry. Until that
  // release is published, the registry's name is pointed at the packed library beside it: the
  // same [patch] a user would write, in the config `cargo install --path` reads from there.
  mkdirSync(join(crates, ".cargo"));
  writeFileSync(join(crates, ".cargo/config.toml"), `[patch.crates-io]\nfaq-widget = { path = "faq-widget-${VERSION}" }\n`);
  const root = fresh("cli-root");
  // --debug: the test proves the packaged crate builds and runs; a release profile would only
  // make CI wait longer for the same answer. Its own target folder, kept between local runs.
  run("cargo", ["install", "--debug", "--locked", "--path", `faq-widget-cli-${VERSION}`, "--root", root], {
    cwd: crates,
    env: { ...process.env, CARGO_TARGET_DIR: join(WORK, "cli-target") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const bin = join(root, "bin/faq-widget");
  assert.equal(run(bin, ["--version"]).trim(), `faq-widget ${VERSION}`);
  const checked = spawnSync(bin, ["check", join(ROOT, "faq.json")], { encoding: "utf8" });
  assert.equal(checked.status, 0, checked.stderr + checked.stdout);
  const broken = join(WORK, "broken-faq.json");
  writeFileSync(broken, '{ "title": "Help", "questions": [ { "question": "Why?" } ] }');
  const refused = spawnSync(bin, ["check", broken], { encoding: "utf8" });
  assert.equal(refused.status, 1, "a broken faq.json is reported");
  assert.match(refused.stdout + refused.stderr, /broken-faq\.json:1:\d+/);
});

test("the Yew-app example builds from the packaged library with one dependency line", { timeout: 30 * 60_000 }, () => {
  const crates = existsSync(join(WORK, "crates", `faq-widget-${VERSION}`)) ? join(WORK, "crates") : unpackCrates();
  const app = fresh("yew-app");
  cpSync(join(ROOT, "examples/yew-app/src"), join(app, "src"), { recursive: true });
  cpSync(join(ROOT, "examples/yew-app/app.css"), join(app, "app.css"));
  cpSync(join(ROOT, "examples/yew-app/Trunk.toml"), join(app, "Trunk.toml"));
  cpSync(join(ROOT, "faq.json"), join(app, "faq.json"));
  cpSync(join(ROOT, "examples/library-faq.json"), join(app, "library-faq.json"));
  const page = readFileSync(join(ROOT, "examples/yew-app/index.html"), "utf8")
    .replace('href="../../faq.json"', 'href="faq.json"')
    .replace('href="../library-faq.json"', 'href="library-faq.json"');
  assert.ok(!page.includes("../"), "the example's page reaches into no other folder");
  writeFileSync(join(app, "index.html"), page);
  // The example's manifest as a newcomer writes it: the README's one line for the widget.
  writeFileSync(
    join(app, "Cargo.toml"),
    `[package]
name = "faq-widget-yew-app"
version = "${VERSION}"
edition = "2021"
publish = false

[dependencies]
faq-widget = "${VERSION.replace(/\.\d+$/, "")}"
yew = { version = "0.23", features = ["csr"] }

# Until faq-widget ${VERSION} is on the registry: its packed crate (scripts/release.sh).
[patch.crates-io]
faq-widget = { path = "${join(crates, `faq-widget-${VERSION}`)}" }
`,
  );
  const trunk = join(ROOT, "node_modules/.bin");
  run("trunk", ["build", "--offline", "--dist", YEW_APP_DIST], {
    cwd: app,
    env: { ...process.env, PATH: `${trunk}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`, CARGO_TARGET_DIR: join(WORK, "yew-app-target"), TRUNK_OFFLINE: "true" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  assert.ok(readdirSync(YEW_APP_DIST).some((name) => name.endsWith("_bg.wasm")), "trunk wrote the app's wasm");
  const lock = readFileSync(join(app, "Cargo.lock"), "utf8");
  assert.match(lock, new RegExp(`name = "faq-widget"\\nversion = "${VERSION.replace(/\./g, "\\.")}"`));
  assert.ok(!execFileSync("ls", [YEW_APP_DIST]).toString().includes("widget.css"), "no stylesheet copied out of the crate");
});
