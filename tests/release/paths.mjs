// Where the release tests find the artefacts (target/release-test/artefacts, written by
// scripts/test.sh) and where they install them: a folder outside the repository, so that neither
// npm (which walks up to the nearest package.json) nor cargo (which walks up to the nearest
// workspace) finds this work tree, as on a site owner's or a Yew developer's machine.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
export const ARTEFACTS = join(ROOT, "target/release-test/artefacts");
export const WORK = join(tmpdir(), "faq-widget-release-test");
export const NPM_DIST = join(WORK, "npm-install/node_modules/faq-widget/dist");
export const YEW_APP_DIST = join(WORK, "yew-app-dist");

/** The release's one version: Cargo.toml's [workspace.package]. */
export const VERSION = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))[1];
