/* faq-widget service worker (README: "Offline"). The build (scripts/service-worker.mjs) writes it
   to dist/sw.js with the app's content-hashed files and a version derived from their content.

   Registered by the widget for pages in its folder (same origin as embed.js) once storage is
   allowed; or imported by a host's own worker, after `self.FAQ_WIDGET_BASE = "<dist URL>/"`:
   then it only caches the widget's files and FAQ and leaves the lifecycle and the pages to the
   host's worker.
   - install: the app's files into "faq-widget-app-<version>" (the demo page too, when present);
   - activate: every other "faq-widget-app-" cache deleted, then this worker takes the open pages;
   - the app's hashed files cache-first; embed.js and the pages in its folder network-first, the
     cached copy offline;
   - the FAQ (requests the widget marks with the fragment "#faq-widget") stale-while-revalidate
     in "faq-widget-data": the cached copy at once, the network behind it; a different body is
     stored and every page hears {type: "faq-widget:updated", url};
   - message {type: "faq-widget:keep", url}: fetch and keep that FAQ now (first registration).
   Only block comments here: the build strips them. */
(function () {
  "use strict";
  var VERSION = "__FAQ_WIDGET_VERSION__";
  var FILES = __FAQ_WIDGET_FILES__;
  var PAGES = __FAQ_WIDGET_PAGES__;
  var PREFIX = "faq-widget-app-";
  var APP = PREFIX + VERSION;
  var DATA = "faq-widget-data";
  var MARKER = "#faq-widget";
  var imported = typeof self.FAQ_WIDGET_BASE === "string";
  var base = new URL(imported ? self.FAQ_WIDGET_BASE.replace(/\/?$/, "/") : "./", self.location.href).href;
  var absolute = function (name) {
    return new URL(name, base).href;
  };
  var app = FILES.map(absolute);
  var loader = absolute("embed.js");
  var pages = PAGES.map(absolute);
  var has = function (list, url) {
    return list.indexOf(url) >= 0;
  };
  var fresh = function (url) {
    return new Request(url, { cache: "no-cache" });
  };

  self.addEventListener("install", function (event) {
    event.waitUntil(
      caches
        .open(APP)
        .then(function (cache) {
          /* The widget's own files must all be there; the demo page only where it is deployed. */
          var required = cache.addAll(app.map(fresh));
          return Promise.all([
            imported ? required.catch(function () {}) : required,
            Promise.all(
              pages.map(function (page) {
                return cache.add(fresh(page)).catch(function () {});
              })
            ),
          ]);
        })
        .then(function () {
          if (!imported) return self.skipWaiting();
        })
    );
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(
      caches
        .keys()
        .then(function (names) {
          return Promise.all(
            names
              .filter(function (name) {
                return name.indexOf(PREFIX) === 0 && name !== APP;
              })
              .map(function (name) {
                return caches.delete(name);
              })
          );
        })
        .then(function () {
          if (!imported) return self.clients.claim();
        })
    );
  });

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") return;
    var url = request.url;
    var plain = url.split("#")[0];
    if (url.slice(-MARKER.length) === MARKER) {
      event.respondWith(faq(event, plain));
    } else if (plain === loader) {
      /* The loader network first: a host's script tag may carry a new release's integrity
         digest, which an old cached embed.js would fail. Offline, the cached one. */
      event.respondWith(networkFirst(event, plain));
    } else if (has(app, plain)) {
      event.respondWith(cacheFirst(request, plain));
    } else if (!imported && (has(pages, plain) || (request.mode === "navigate" && plain.indexOf(base) === 0))) {
      event.respondWith(networkFirst(event, plain));
    }
  });

  self.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "faq-widget:keep" || typeof data.url !== "string") return;
    event.waitUntil(
      caches
        .open(DATA)
        .then(function (cache) {
          return cache.match(data.url).then(function (hit) {
            return revalidate(cache, data.url, hit, data.url);
          });
        })
        .catch(function () {})
    );
  });

  function cacheFirst(request, plain) {
    return caches
      .open(APP)
      .then(function (cache) {
        return cache.match(plain);
      })
      .then(function (hit) {
        return hit || fetch(request);
      });
  }

  function networkFirst(event, plain) {
    return fetch(event.request).then(
      function (response) {
        if (response.ok && response.type === "basic") {
          var copy = response.clone();
          event.waitUntil(
            caches.open(APP).then(function (cache) {
              return cache.put(plain, copy);
            })
          );
        }
        return response;
      },
      function (error) {
        return caches
          .open(APP)
          .then(function (cache) {
            return cache.match(plain).then(function (hit) {
              if (hit) return hit;
              /* "/faq/" is "/faq/index.html"; "?faq-q=..." is the same page. */
              var page = plain.split("?")[0];
              if (page.slice(-1) === "/") page += "index.html";
              return cache.match(page, { ignoreSearch: true });
            });
          })
          .then(function (hit) {
            if (hit) return hit;
            throw error;
          });
      }
    );
  }

  function faq(event, plain) {
    return caches.open(DATA).then(function (cache) {
      return cache.match(plain).then(function (hit) {
        var network = revalidate(cache, plain, hit, event.request);
        if (!hit) return network;
        event.waitUntil(network.catch(function () {}));
        return hit;
      });
    });
  }

  /* Fetches the FAQ; stores a body that differs from the cached one and, when there was one,
     tells every page. Resolves to the network response (rejects offline). */
  function revalidate(cache, plain, hit, request) {
    var before = hit ? hit.clone().text() : Promise.resolve(null);
    return fetch(request).then(function (response) {
      if (!response.ok) return response;
      var stored = response.clone();
      var compared = response.clone();
      return Promise.all([compared.text(), before])
        .then(function (texts) {
          if (texts[0] === texts[1]) return;
          return cache.put(plain, stored).then(function () {
            if (texts[1] !== null) return notify(plain);
          });
        })
        .then(function () {
          return response;
        });
    });
  }

  function notify(plain) {
    return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (clients) {
      clients.forEach(function (client) {
        client.postMessage({ type: "faq-widget:updated", url: plain });
      });
    });
  }
})();
