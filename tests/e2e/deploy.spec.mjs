// dist/ served by a real web server configured as deploy/ says (issue 14, part 2): nginx (Debian
// nginx + brotli_static) with deploy/nginx/faq-widget.conf, and Caddy with deploy/caddy/Caddyfile.
// Each runs unprivileged (as `nobody` when the tests run as root), with its own prefix, pid, logs
// and temp paths in a world-readable folder under the system's temp dir (a checkout may sit in a
// folder only root can enter, as `mktemp -d` makes them), serving a copy of dist/ there, on a
// free loopback port. Checked on the wire: Content-Encoding br
// (and gzip), cache headers, MIME types, CORS, and that the bytes sent are the size check's total;
// then the embed (host page on another origin) and offline journeys run against nginx. README
// command 1 (scripts/serve.sh) is held to the same wire checks (issue 32).
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { request } from "node:http";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { bundledFaq, question, watchConsole } from "./helpers.mjs";
import { GENERATED } from "./server.mjs";
import { freePort } from "../free-port.mjs";

const ROOT = new URL("../..", import.meta.url).pathname;
const DIST = join(ROOT, "dist");
const NGINX = process.env.NGINX || "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const CADDY = process.env.CADDY || "/usr/bin/caddy";
const NOBODY = 65534;

/** This run's folder for the servers: readable by `nobody`, wherever the checkout is. */
const WORK = mkdtempSync(join(tmpdir(), "faq-widget-deploy-"));
chmodSync(WORK, 0o755);
let served;
/** dist/ as the servers see it: a copy in WORK (same bytes). */
function servedDist() {
  if (!served) {
    served = join(WORK, "dist");
    cpSync(DIST, served, { recursive: true });
  }
  return served;
}

test.describe.configure({ mode: "serial", timeout: 90_000 });


/** The size check's own totals (node scripts/size-check.mjs), and the four files it counts. */
function sizeCheck() {
  const out = execFileSync(process.execPath, [join(ROOT, "scripts/size-check.mjs"), DIST], { encoding: "utf8" });
  const total = out.split("\n").find((line) => line.startsWith("total"));
  const [raw, gzip, brotli] = total.trim().split(/\s+/).slice(1).map((n) => Number(n.replace(/,/g, "")));
  const files = [...out.matchAll(/\((embed\.js|faq-widget-[0-9a-f]{16}(?:\.js|_bg\.wasm|\.css))\)/g)].map((m) => m[1]);
  expect(files).toHaveLength(4);
  // The report sender, loaded later (after Accept, with data-report): served like the widget.
  const later = [...out.matchAll(/\((faq-widget-reporter-[0-9a-f]{16}(?:\.js|_bg\.wasm))\)/g)].map((m) => m[1]);
  expect(later).toHaveLength(2);
  return { raw, gzip, brotli, files, later };
}

/** One GET as a client sends it, body bytes as they came over the wire (not decoded). */
const get = (url, encoding = "br, gzip") =>
  new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": encoding, origin: "https://host.example" } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks).length }));
    });
    req.on("error", reject);
    req.end();
  });

/** A server process, as `nobody` when we are root, in its own folder under target/ (`own`: as
 * ourselves, in the checkout, with our environment: README command 1 as a contributor runs it). */
async function daemon(name, command, args, dir, url, own = false) {
  const asNobody = !own && process.getuid?.() === 0;
  if (asNobody) chownSync(dir, NOBODY, NOBODY);
  const child = spawn(command, args, {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
    env: own ? process.env : { PATH: process.env.PATH, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr = (stderr + c).slice(-4000)));
  let exited = false;
  const gone = new Promise((resolve) => child.once("exit", () => resolve((exited = true))));
  for (let i = 0; i < 100; i++) {
    if (exited) throw new Error(`${name} exited at start:\n${stderr}${existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : ""}`);
    try {
      await get(url);
      return {
        async stop() {
          if (exited) return;
          child.kill("SIGTERM");
          await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
          if (!exited) child.kill("SIGKILL");
        },
      };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`${name} did not answer on ${url}:\n${stderr}`);
}

/** nginx with deploy/nginx/faq-widget.conf, serving `root`. */
async function nginx(root) {
  for (const [path, what] of [[NGINX, "nginx"], [BROTLI_MODULE, "libnginx-mod-http-brotli-static"]]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install ${what} (./scripts/test.sh does it as root)`);
  }
  const port = await freePort();
  const dir = join(WORK, "nginx-test", String(port));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "faq-widget.conf"), readFileSync(join(ROOT, "deploy/nginx/faq-widget.conf")));
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `${kind}_temp_path ${dir}/${kind};`).join("\n  ");
  writeFileSync(
    join(dir, "nginx.conf"),
    `load_module ${BROTLI_MODULE};
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  ${temp}
  sendfile on;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include ${join(dir, "faq-widget.conf")};
  }
}
`,
  );
  const origin = `http://127.0.0.1:${port}`;
  const server = await daemon("nginx", NGINX, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], dir, `${origin}/embed.js`);
  return { origin, ...server };
}

/** Caddy with deploy/caddy/Caddyfile: its site address and root replaced, admin API off. */
async function caddy(root) {
  if (!existsSync(CADDY)) throw new Error(`${CADDY} is missing: apt-get install caddy (./scripts/test.sh does it as root)`);
  const port = await freePort();
  const dir = join(WORK, "caddy-test", String(port));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const source = readFileSync(join(ROOT, "deploy/caddy/Caddyfile"), "utf8");
  expect(source.match(/^cdn\.example\.org \{$/gm)).toHaveLength(1);
  expect(source.match(/^\troot \* \/var\/www\/faq$/gm)).toHaveLength(1);
  const config = `{\n\tadmin off\n\tauto_https off\n}\n${source
    .replace(/^cdn\.example\.org \{$/m, `http://127.0.0.1:${port} {`)
    .replace(/^\troot \* \/var\/www\/faq$/m, `\troot * ${root}`)}`;
  writeFileSync(join(dir, "Caddyfile"), config);
  const origin = `http://127.0.0.1:${port}`;
  const server = await daemon("caddy", CADDY, ["run", "--adapter", "caddyfile", "--config", join(dir, "Caddyfile")], dir, `${origin}/embed.js`);
  return { origin, ...server };
}

/** What every server configured by deploy/ must send. */
async function expectOnTheWire(origin, size) {
  const [embed, glue, wasm, css] = size.files;
  const expected = [
    [embed, /^(text|application)\/javascript(; ?charset=utf-8)?$/i, /max-age=300/],
    [glue, /^(text|application)\/javascript(; ?charset=utf-8)?$/i, /^public, max-age=31536000, immutable$/],
    [wasm, /^application\/wasm$/, /^public, max-age=31536000, immutable$/],
    [css, /^text\/css(; ?charset=utf-8)?$/i, /^public, max-age=31536000, immutable$/],
    ...size.later.map((name) => [name, name.endsWith(".js") ? /^(text|application)\/javascript(; ?charset=utf-8)?$/i : /^application\/wasm$/, /^public, max-age=31536000, immutable$/]),
    ["faq.json", /^application\/json(; ?charset=utf-8)?$/i, /max-age=300/],
    // The language packs: embed.js asks for them by their digest, so they keep for a year too.
    ...readdirSync(DIST)
      .filter((name) => /^faq-widget-[a-z]{2,3}\.json$/.test(name))
      .map((name) => [name, /^application\/json(; ?charset=utf-8)?$/i, /^public, max-age=31536000, immutable$/]),
    ["sw.js", /^(text|application)\/javascript(; ?charset=utf-8)?$/i, /^no-cache$/],
    ["index.html", /^text\/html(; ?charset=utf-8)?$/i, /^no-cache$/],
    // The stable stylesheet a pre-rendered page links, where the build writes it.
    ...(existsSync(join(DIST, "faq-widget.css")) ? [["faq-widget.css", /^text\/css(; ?charset=utf-8)?$/i, /max-age=300/]] : []),
  ];
  let brotli = 0;
  let gzip = 0;
  for (const [name, type, cache] of expected) {
    const br = await get(`${origin}/${name}`);
    const what = `${origin}/${name}`;
    expect(br.status, what).toBe(200);
    expect(br.headers["content-encoding"], what).toBe("br");
    expect(br.headers["content-type"], what).toMatch(type);
    expect(br.headers["cache-control"], what).toMatch(cache);
    expect(br.headers.vary ?? "", what).toMatch(/accept-encoding/i);
    if (name !== "sw.js" && name !== "index.html") expect(br.headers["access-control-allow-origin"], what).toBe("*");
    expect(br.headers["service-worker-allowed"], what).toBeUndefined();
    const gz = await get(`${origin}/${name}`, "gzip");
    expect(gz.headers["content-encoding"], what).toBe("gzip");
    const plain = await get(`${origin}/${name}`, "identity");
    expect(plain.headers["content-encoding"], what).toBeUndefined();
    expect(plain.bytes, what).toBe(readFileSync(join(DIST, name)).length);
    if (size.files.includes(name)) {
      brotli += br.bytes;
      gzip += gz.bytes;
    }
  }
  // What one embed downloads is exactly what the size check counts.
  expect({ brotli, gzip }).toEqual({ brotli: size.brotli, gzip: size.gzip });
}

test.describe("nginx (deploy/nginx/faq-widget.conf)", () => {
  let server;
  let size;
  test.beforeAll(async () => {
    size = sizeCheck();
    server = await nginx(servedDist());
  });
  test.afterAll(async () => server?.stop());

  test("on the wire: br and gzip, cache lifetimes, MIME types, CORS; bytes = the size check's total", async () => {
    await expectOnTheWire(server.origin, size);
    const missing = await get(`${server.origin}/faq-widget-0000000000000000.js`);
    expect(missing.status).toBe(404);
  });

  test("embed from another origin: the widget works, and the browser downloads the size check's bytes", async ({ page }) => {
    const console = watchConsole(page);
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(
      join(GENERATED, "nginx-host.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,"></head>
<body><main><h1>Host page</h1><script src="${server.origin}/embed.js" async></script><p id="after">After.</p></main></body></html>`,
    );
    const responses = [];
    page.on("response", (r) => r.url().startsWith(server.origin) && responses.push(r));
    await page.goto("/nginx-host.html");
    await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toBeVisible();
    await question(page, bundledFaq.questions[0].question).click();
    await expect(question(page, bundledFaq.questions[0].question)).toHaveAttribute("aria-expanded", "true");
    console.expectClean();
    // What the browser received for the four files, encoded, as it came over the wire.
    const got = {};
    for (const r of responses) {
      const name = new URL(r.url()).pathname.slice(1);
      if (!size.files.includes(name)) continue;
      const headers = await r.allHeaders();
      got[name] = { encoding: headers["content-encoding"], bytes: (await r.request().sizes()).responseBodySize };
    }
    expect(Object.keys(got).sort()).toEqual([...size.files].sort());
    const encodings = [...new Set(Object.values(got).map((g) => g.encoding))];
    expect(encodings).toHaveLength(1);
    // Chromium offers br on http://127.0.0.1 too; were it only gzip, the gzip total must match.
    const total = Object.values(got).reduce((sum, g) => sum + g.bytes, 0);
    expect(total).toBe(encodings[0] === "br" ? size.brotli : size.gzip);
    test.info().annotations.push({ type: "wire", description: `${encodings[0]}: ${total} B` });
  });

  test("offline: the demo page served by nginx reloads with nginx stopped, after one visit with consent", async ({ page }) => {
    // Its own nginx on its own copy of dist/: stopping it must not disturb the other tests.
    const copy = join(WORK, "dist-offline");
    rmSync(copy, { recursive: true, force: true });
    cpSync(DIST, copy, { recursive: true });
    const own = await nginx(copy);
    try {
      const console = watchConsole(page);
      await page.goto(`${own.origin}/index.html`);
      await page.getByRole("region", { name: "Cookie notice", exact: true }).getByRole("button", { name: "Accept", exact: true }).click();
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);
      await expect
        .poll(
          () =>
            page.evaluate(async (url) => {
              const names = await caches.keys();
              const data = names.includes("faq-widget-data") && !!(await (await caches.open("faq-widget-data")).match(url));
              return { app: names.filter((n) => n.startsWith("faq-widget-app-")).length, data };
            }, `${own.origin}/faq.json`),
          { timeout: 20_000 },
        )
        .toEqual({ app: 1, data: true });
      await own.stop();
      await page.reload();
      const join_ = bundledFaq.questions.find((q) => q.id === "join");
      await question(page, join_.question).click();
      await expect(question(page, join_.question)).toHaveAttribute("aria-expanded", "true");
      console.expectClean();
    } finally {
      await own.stop();
    }
  });
});

test.describe("Caddy (deploy/caddy/Caddyfile)", () => {
  test("on the wire: br and gzip, cache lifetimes, MIME types, CORS; bytes = the size check's total", async () => {
    const size = sizeCheck();
    const server = await caddy(servedDist());
    try {
      await expectOnTheWire(server.origin, size);
    } finally {
      await server.stop();
    }
  });
});

test.describe("README command 1 (scripts/serve.sh)", () => {
  test("serves dist/ as deployed: br and gzip, cache lifetimes, MIME types; the demo works", async ({ page }) => {
    const size = sizeCheck();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await daemon("scripts/serve.sh", "bash", ["scripts/serve.sh", "--no-build", "--port", String(port)], ROOT, `${origin}/embed.js`, true);
    try {
      await expectOnTheWire(origin, size);
      const console = watchConsole(page);
      await page.goto(`${origin}/`);
      await expect(page.getByRole("heading", { level: 2, name: bundledFaq.title })).toBeVisible();
      await question(page, bundledFaq.questions[0].question).click();
      await expect(question(page, bundledFaq.questions[0].question)).toHaveAttribute("aria-expanded", "true");
      console.expectClean();
    } finally {
      await server.stop();
    }
  });

  test("--uncompressed sends every file as it is, as a host without compression does", async () => {
    const { files } = sizeCheck();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await daemon("scripts/serve.sh", "bash", ["scripts/serve.sh", "--no-build", "--uncompressed", "--port", String(port)], ROOT, `${origin}/embed.js`, true);
    try {
      for (const name of files) {
        const got = await get(`${origin}/${name}`);
        expect(got.headers["content-encoding"], name).toBeUndefined();
        expect(got.bytes, name).toBe(readFileSync(join(DIST, name)).length);
      }
    } finally {
      await server.stop();
    }
  });
});
