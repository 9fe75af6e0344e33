// Test server: serves dist/ (the release build) and tests/e2e/fixtures/ over real HTTP on loopback.
// Two ports make two origins, as on a real site with the widget on a CDN:
//   PAGE_PORT  host pages (dist/ too, for same-origin tests)
//   CDN_PORT   dist/ only, with CORS, like a CDN
// /host.html?src=...&cdn=1 writes a minimal host page embedding the widget with that data-src;
//   &mode=async|defer|inject|module|shadow|none loads the script that way (shadow: injected into an
//   open shadow root), &vendor=1 adds another vendor's /vendor/embed.js, &target=<selector> renders into #slot
//   (or any selector), &head=1 puts the script tag in <head>, &lang=fr sets <html lang>,
//   &offline=always sets data-offline, &timeout=MS sets data-timeout, &report=<url>, &feedback=off
//   &cookie-notice=off and &langs=en,fr set those data- attributes, &sw=1 registers the host's own service worker
//   fixtures/host-sw.js, which imports dist/sw.js.
// Files are sent as deployed (issue 32): the build's NAME.br or NAME.gz when the request accepts
//   that encoding, with Content-Encoding and Vary, as nginx and Caddy do with deploy/'s configs;
//   FAQ_COMPRESS=off sends every file as it is (a host without compression). FAQ_TLS=h2 serves
//   HTTPS with HTTP/2 under a certificate made at start (the Lighthouse benchmark's default).
// /examples/* serves examples/ with the per-page headers of examples/_headers (the format Netlify
//   and Cloudflare Pages read); there, https://cdn.example.org/faq stands for the CDN port.
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { mkdirSync, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { extname, join, normalize, resolve } from "node:path";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
// FAQ_DIST: serve another copy of dist/ (the offline tests change files in a copy of their own).
const DIST = process.env.FAQ_DIST ? resolve(process.env.FAQ_DIST) : join(ROOT, "dist");
const FIXTURES = join(ROOT, "tests/e2e/fixtures");
const EXAMPLES = join(ROOT, "examples");
// Pages the specs write at run time (e.g. `faq-widget render` output), served like fixtures.
export const GENERATED = join(ROOT, "target/e2e-generated");
export const PAGE_PORT = Number(process.env.PAGE_PORT || 4301);
export const CDN_PORT = Number(process.env.CDN_PORT || 4302);
const COMPRESS = process.env.FAQ_COMPRESS !== "off";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

const escapeAttr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function hostPage(query) {
  const base = query.get("cdn") ? `http://127.0.0.1:${CDN_PORT}` : "";
  const src = query.get("src");
  const target = query.get("target");
  const mode = query.get("mode") || "";
  const data = { ...(src === null ? {} : { src }), ...(target === null ? {} : { target }) };
  for (const name of ["offline", "timeout", "report", "feedback", "cookie-notice", "url-state", "langs"]) {
    if (query.get(name) !== null) data[name] = query.get(name);
  }
  const dataAttrs = Object.entries(data).map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`).join("");
  const script =
    mode === "inject"
      ? `<script>setTimeout(() => { const s = document.createElement("script"); s.src = ${JSON.stringify(`${base}/embed.js`)};
Object.assign(s.dataset, ${JSON.stringify(data).replace(/</g, "\\u003c")}); document.getElementById("after").before(s); }, 100);</script>`
      : mode === "shadow"
        ? `<div id="shadow-host"></div><script>{ const s = document.createElement("script"); s.src = ${JSON.stringify(`${base}/embed.js`)};
Object.assign(s.dataset, ${JSON.stringify(data).replace(/</g, "\\u003c")}); document.getElementById("shadow-host").attachShadow({ mode: "open" }).append(s); }</script>`
        : mode === "none"
        ? ""
        : `<script${mode === "module" ? ' type="module"' : ""} src="${base}/embed.js"${dataAttrs}${mode === "async" ? " async" : ""}${mode === "defer" ? " defer" : ""}></script>`;
  // &vendor=1: another vendor's script whose URL also ends in embed.js (as Disqus' does), before
  // and after the widget's own tag.
  const vendor = query.get("vendor") ? `<script src="/vendor/embed.js" data-vendor="before"></script>` : "";
  const vendorAfter = query.get("vendor") ? `<script src="/vendor/embed.js?after" data-vendor="after" async></script>` : "";
  const head = query.get("head") ? script : "";
  const worker = query.get("sw")
    ? `<script>navigator.serviceWorker.register(${JSON.stringify(`/host-sw.js?base=${encodeURIComponent(`${base || `http://127.0.0.1:${PAGE_PORT}`}/`)}`)});</script>`
    : "";
  const lang = escapeAttr(query.get("lang") || "en");
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host page</title>${head}</head>
<body><main><h1>Host page</h1>${vendor}<p id="before">Text before the widget.</p>
${head ? "" : script}${vendorAfter}
<p id="after">Text after the widget.</p>
<div id="slot"><p>The FAQ loads here.</p></div></main>${worker}</body></html>`;
}

// examples/_headers: "/page.html" lines, then indented "Name: value" lines for that page.
async function exampleHeaders(path) {
  const headers = {};
  let current = null;
  for (const line of (await readFile(join(EXAMPLES, "_headers"), "utf8")).split("\n")) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) current = line.trim();
    else if (current === path) {
      const [name, ...value] = line.trim().split(":");
      headers[name.toLowerCase()] = toCdn(value.join(":").trim());
    }
  }
  return headers;
}

const toCdn = (text) =>
  text.replaceAll("https://cdn.example.org/faq", `http://127.0.0.1:${CDN_PORT}`).replaceAll("https://cdn.example.org", `http://127.0.0.1:${CDN_PORT}`);

async function serveExample(res, path) {
  const file = normalize(join(EXAMPLES, path));
  try {
    if (!file.startsWith(EXAMPLES + "/") || path.includes("_headers")) throw new Error("outside");
    let body = await readFile(file);
    if (extname(file) === ".html") body = toCdn(body.toString("utf8"));
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] || "application/octet-stream",
      "cache-control": "no-cache",
      ...(await exampleHeaders(path)),
    });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
  }
}

// NAME.br / NAME.gz beside a file, if the request accepts it and it holds exactly the file's bytes:
// tests change served files at run time (a tampered wasm), and a stale compressed copy would hide
// the change. Each pair is checked once per version (size and time of both files).
const ENCODINGS = [["br", ".br", brotliDecompressSync], ["gzip", ".gz", gunzipSync]];
const checked = new Map();
async function precompressed(file, body, acceptEncoding = "") {
  const accepted = new Set(
    acceptEncoding
      .split(",")
      .map((part) => part.trim().split(";"))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ""))
      .map(([name]) => name.trim().toLowerCase()),
  );
  for (const [encoding, suffix, decode] of ENCODINGS) {
    if (!accepted.has(encoding)) continue;
    try {
      const [plain, packed] = [await stat(file), await stat(file + suffix)];
      const key = `${file}${suffix} ${plain.size} ${plain.mtimeMs} ${packed.size} ${packed.mtimeMs}`;
      const bytes = await readFile(file + suffix);
      if (!checked.has(key)) checked.set(key, decode(bytes).equals(body));
      if (checked.get(key)) return { encoding, bytes };
    } catch {
      // no such copy: the next encoding, or the file as it is
    }
  }
  return null;
}

async function serveFile(req, res, roots, path, extraHeaders) {
  for (const root of roots) {
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) break;
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, "index.html") : file;
      const body = await readFile(target);
      const encoded = COMPRESS ? await precompressed(target, body, req.headers["accept-encoding"]) : null;
      res.writeHead(200, {
        "content-type": TYPES[extname(target)] || "application/octet-stream",
        "cache-control": "no-cache",
        ...(encoded ? { "content-encoding": encoded.encoding } : {}),
        ...(COMPRESS ? { vary: "Accept-Encoding" } : {}),
        ...extraHeaders,
      });
      res.end(encoded ? encoded.bytes : body);
      return;
    } catch {
      // try the next root
    }
  }
  res.writeHead(404, { "content-type": "text/plain", ...extraHeaders });
  res.end("Not found");
}

function handler(roots, extraHeaders, examples = false) {
  return async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/favicon.ico") {
      // Browsers ask for it on every page; a 404 would be a console error in every test.
      res.writeHead(204, extraHeaders);
      res.end();
      return;
    }
    if (url.pathname === "/host.html") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end(hostPage(url.searchParams));
      return;
    }
    const path = decodeURIComponent(url.pathname);
    if (examples && path.startsWith("/examples/")) return serveExample(res, path.slice("/examples".length));
    await serveFile(req, res, roots, path, extraHeaders);
  };
}

// FAQ_TLS=h2: HTTPS with HTTP/2 (and HTTP/1.1 for clients without it), as Caddy and nginx
// serve a site, under a certificate made for 127.0.0.1 at start (openssl); the browser is told to
// accept it. For benchmarks: one connection carries every request, as deployed.
const TLS = process.env.FAQ_TLS === "h2";
function tlsOptions() {
  const dir = join(GENERATED, "tls");
  mkdirSync(dir, { recursive: true });
  const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
    { stdio: "ignore" });
  return { key: readFileSync(key), cert: readFileSync(cert), allowHTTP1: true };
}
const serve = (h) => (TLS ? createSecureServer(tlsOptions(), h) : createServer(h));

export function start() {
  const page = serve(handler([DIST, FIXTURES, GENERATED], {}, true));
  const cdn = serve(handler([DIST], { "access-control-allow-origin": "*" }));
  page.listen(PAGE_PORT, "127.0.0.1");
  cdn.listen(CDN_PORT, "127.0.0.1");
  console.log(`test server: pages on http://127.0.0.1:${PAGE_PORT}, dist on http://127.0.0.1:${CDN_PORT}`);
  return { page, cdn };
}

/** This server in a process of its own on two free loopback ports, with `env` added (FAQ_DIST,
 *  FAQ_COMPRESS): for specs and benchmarks that need another copy of dist/ or other settings
 *  than the suite's own server. Resolves once both ports answer. */
export async function spawnServer(env = {}) {
  const { freePort } = await import("../free-port.mjs");
  const [port, cdnPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname], {
    env: { ...process.env, ...env, PAGE_PORT: String(port), CDN_PORT: String(cdnPort) },
    stdio: "ignore",
  });
  const exited = new Promise((done) => child.once("exit", () => done("exited")));
  const server = {
    origin: `${env.FAQ_TLS === "h2" ? "https" : "http"}://127.0.0.1:${port}`,
    cdn: `${env.FAQ_TLS === "h2" ? "https" : "http"}://127.0.0.1:${cdnPort}`,
    async stop() {
      child.kill();
      await exited;
    },
  };
  for (let i = 0; i < 200; i++) {
    // A server that exited (its port taken) must not pass for one that answers.
    if ((await Promise.race([exited, new Promise((done) => setTimeout(done, 50, "waited"))])) === "exited") break;
    try {
      if (env.FAQ_TLS === "h2") {
        // Its certificate is its own: a connection that opens is an answer enough.
        const { connect } = await import("node:net");
        const open = (p) => new Promise((ok, no) => connect(p, "127.0.0.1", function () { this.end(); ok(); }).on("error", no));
        await Promise.all([open(port), open(cdnPort)]);
      } else await Promise.all([fetch(`${server.origin}/embed.js`), fetch(`${server.cdn}/embed.js`)]);
      return server;
    } catch {
      // not listening yet
    }
  }
  child.kill();
  throw new Error(`test server on ports ${port} and ${cdnPort} did not start`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  start();
}
