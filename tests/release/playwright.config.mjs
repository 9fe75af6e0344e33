import { defineConfig } from "@playwright/test";
import base from "../../playwright.config.mjs";

// The release in a browser (tests/release/release.spec.mjs): the npm package as `npm install` left
// it in target/release-test/ (tests/release/release.test.mjs installs it first), served by servers
// the spec starts itself on free loopback ports; none of the e2e suite's server.
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "release.spec.mjs",
  webServer: undefined,
  use: { ...base.use, baseURL: undefined },
});
