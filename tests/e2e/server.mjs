// Test server: serves dist/ (the release build) and tests/e2e/fixtures/ over real HTTP on loopback.
// Two ports make two origins, as on a real site with the widget on a CDN:
//   PAGE_PORT  host pages (dist/ too, for same-origin tests)
//   CDN_PORT   dist/ only, with CORS, like a CDN
// /host.html?src=...&cdn=1 writes a minimal host page embedding the widget with that data-src.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const DIST = join(ROOT, "dist");
const FIXTURES = join(ROOT, "tests/e2e/fixtures");
// Pages the specs write at run time (e.g. `faq-widget render` output), served like fixtures.
export const GENERATED = join(ROOT, "target/e2e-generated");
export const PAGE_PORT = Number(process.env.PAGE_PORT || 4301);
export const CDN_PORT = Number(process.env.CDN_PORT || 4302);

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
  const srcAttr = src === null ? "" : ` data-src="${escapeAttr(src)}"`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head>
<body><main><h1>Host page</h1><p id="before">Text before the widget.</p>
<script src="${base}/embed.js"${srcAttr}></script>
<p id="after">Text after the widget.</p></main></body></html>`;
}

async function serveFile(res, roots, path, extraHeaders) {
  for (const root of roots) {
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) break;
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, "index.html") : file;
      const body = await readFile(target);
      res.writeHead(200, {
        "content-type": TYPES[extname(target)] || "application/octet-stream",
        "cache-control": "no-cache",
        ...extraHeaders,
      });
      res.end(body);
      return;
    } catch {
      // try the next root
    }
  }
  res.writeHead(404, { "content-type": "text/plain", ...extraHeaders });
  res.end("Not found");
}

function handler(roots, extraHeaders) {
  return async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/host.html") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end(hostPage(url.searchParams));
      return;
    }
    await serveFile(res, roots, decodeURIComponent(url.pathname), extraHeaders);
  };
}

export function start() {
  const page = createServer(handler([DIST, FIXTURES, GENERATED], {}));
  const cdn = createServer(handler([DIST], { "access-control-allow-origin": "*" }));
  page.listen(PAGE_PORT, "127.0.0.1");
  cdn.listen(CDN_PORT, "127.0.0.1");
  console.log(`test server: pages on http://127.0.0.1:${PAGE_PORT}, dist on http://127.0.0.1:${CDN_PORT}`);
  return { page, cdn };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  start();
}
