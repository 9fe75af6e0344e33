// The studio's service worker (scope: the studio's folder): the studio works offline once loaded.
// Network first, so a new deployment shows at once; without network, the last copy of each file.
// It caches only the studio's own files (and the bundled faq.json beside it), nothing of the
// widget's embed, whose own service worker (dist/sw.js) is the host page's business.
const CACHE = "faq-studio-v1";

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch("./", { cache: "no-cache" });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put("./", page);
  // The content-hashed glue, wasm and stylesheets Trunk wrote into index.html.
  const files = new Set([...html.matchAll(/["'](\.\/[^"'?#]+\.(?:js|wasm|css))["']/g)].map((m) => m[1]));
  files.add("../faq.json");
  await Promise.all(
    [...files].map(async (file) => {
      try {
        const response = await fetch(file, { cache: "no-cache" });
        if (response.ok) await cache.put(file, response);
      } catch {
        // Offline at install time: the fetch handler caches it on the next visit.
      }
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("faq-studio-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
