import { defineConfig } from "@playwright/test";

// Two loopback ports make two origins (host pages, and dist/ as a CDN). Override them with
// PAGE_PORT / CDN_PORT to run several checkouts' suites at once.
const PAGE_PORT = Number(process.env.PAGE_PORT || 4301);
process.env.PAGE_PORT = String(PAGE_PORT);
process.env.CDN_PORT = process.env.CDN_PORT || String(PAGE_PORT + 1);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.mjs",
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  reporter: [["list"]],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${PAGE_PORT}`,
    browserName: "chromium",
    launchOptions: {
      // The system Chromium: Playwright's own browser download cannot work here.
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node tests/e2e/server.mjs",
    url: `http://127.0.0.1:${PAGE_PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
  },
});
