#!/usr/bin/env node
// README command 1 serves dist/ as a deploy does (issue 32): the build's precompressed NAME.br or
// NAME.gz when the browser accepts it (Content-Encoding, Vary: Accept-Encoding), as nginx's
// brotli_static and Caddy's `precompressed` do with deploy/'s configs, and their cache headers.
// Trunk's own server sends every file uncompressed (the wasm 3x larger on the wire), so a newcomer
// measuring the demo saw a slower widget than the one site owners deploy. sirv (a kept library)
// does the serving; this file only picks the headers.
//
//   node scripts/serve-dist.mjs [--port 8080] [--dir dist] [--uncompressed]
import { createServer } from "node:http";
import { resolve } from "node:path";
import sirv from "sirv";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const PORT = Number(arg("--port", process.env.PORT || 8080));
const DIR = resolve(arg("--dir", new URL("../dist", import.meta.url).pathname));
const COMPRESSED = !process.argv.includes("--uncompressed");

// The same rules as deploy/nginx/faq-widget.conf and deploy/caddy/Caddyfile.
// The language packs (faq-widget-<language>.json) too: embed.js asks for them by their digest.
const HASHED = /\/faq-widget-((reporter-)?[0-9a-f]{16}(\.js|_bg\.wasm|\.css)|[a-z]{2,3}\.json)$/;
const SHORT = /\/(embed\.js|faq\.json|faq-widget\.css)$/;
const cacheControl = (path) =>
  HASHED.test(path) ? "public, max-age=31536000, immutable" : SHORT.test(path) ? "public, max-age=300, must-revalidate" : "no-cache";

const files = sirv(DIR, {
  // dev: files are looked up on each request, so a rebuild (./scripts/serve.sh --watch) shows at once.
  dev: true,
  etag: true,
  brotli: COMPRESSED,
  gzip: COMPRESSED,
  setHeaders(res, path) {
    res.setHeader("Cache-Control", cacheControl(path));
    res.setHeader("Access-Control-Allow-Origin", "*");
  },
});

const server = createServer((req, res) =>
  files(req, res, () => {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end("Not found\n");
  }),
);
server.listen(PORT, "127.0.0.1", () => {
  const how = COMPRESSED ? "brotli/gzip as deployed" : "uncompressed";
  console.log(`serving ${DIR} on http://127.0.0.1:${PORT}/ (${how}); the studio at /studio/`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
