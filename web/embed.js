/* faq-widget loader (README: "Embedding"). One script tag puts the widget on a page:
     <script src=".../embed.js" data-src=".../faq.json" async></script>
   and every <faq-widget src="..."> element on the page becomes a widget. The build writes this file
   to dist/ with the content-hashed names filled in; the glue, wasm and stylesheet load relative to
   this script's own URL, so dist/ can live on another origin. It defines no global: the custom
   element's class holds the one shared wasm instance. Classic script, no innerHTML, no inline style,
   so it runs under a strict CSP with Trusted Types. */
(function () {
  "use strict";
  var GLUE = "__FAQ_WIDGET_GLUE__";
  var WASM = "__FAQ_WIDGET_WASM__";
  var CSS = "__FAQ_WIDGET_CSS__";
  var REPORTER_GLUE = "__FAQ_WIDGET_REPORTER_GLUE__";
  var REPORTER_WASM = "__FAQ_WIDGET_REPORTER_WASM__";
  /* Subresource Integrity: the digests of those files, fixed by the build (scripts/post-build.mjs).
     A file that does not match (tampered with on a CDN, cut short) is refused, and the widget
     shows its alert instead (docs/deploying.md "Integrity"). */
  var GLUE_SRI = "__FAQ_WIDGET_GLUE_SRI__";
  var WASM_SRI = "__FAQ_WIDGET_WASM_SRI__";
  var CSS_SRI = "__FAQ_WIDGET_CSS_SRI__";
  var REPORTER_GLUE_SRI = "__FAQ_WIDGET_REPORTER_GLUE_SRI__";
  var REPORTER_WASM_SRI = "__FAQ_WIDGET_REPORTER_WASM_SRI__";
  /* The language packs (src/language_pack.rs): each language's digest, by its code. */
  var TEXTS = __FAQ_WIDGET_TEXTS__;
  /* The wasm's size as the build's .br file, for the warning to a host that sends it uncompressed. */
  var WASM_BR = __FAQ_WIDGET_WASM_BR__;
  var doc = document;
  var warn = function (message) {
    if (window.console) console.warn("faq-widget: " + message);
  };
  try {
    /* Its own script element, never guessed by file name (another vendor's ".../embed.js" may be
       on the page). currentScript is null in a module script and in a shadow root: then this
       file's own URL, which every engine writes into an Error's stack, picks the unmarked script
       tags with exactly that src, in the document and in open shadow roots. Each run marks its
       element. Without any, `<faq-widget>` elements still work (closed shadow root). */
    var script = doc.currentScript;
    var url = !script && (/(\w+:\/\/[^\s()@]+?):\d+:\d+\)?$/m.exec(new Error().stack) || [])[1];
    var own = function (root) {
      [].forEach.call(root.querySelectorAll("*"), function (el) {
        if (!script && el.localName == "script" && el.src === url && !el.hasAttribute("data-faq-widget")) script = el;
        if (el.shadowRoot) own(el.shadowRoot);
      });
    };
    if (url) own(doc);
    var base = script ? script.src : url;
    if (!base) return warn("cannot find its script element");
    if (script) script.setAttribute("data-faq-widget", "");

    if (!customElements.get("faq-widget")) {
      var ready; /* the glue imported and the wasm instantiated once, shared by every widget */
      /* The glue, the wasm and each widget's FAQ are requested at once, not one after the other:
         the wasm compiles while it downloads, and the widget takes its FAQ response from
         `prefetch` instead of fetching it again (src/browser/fetch.rs). The empty catches only
         mark a failed request as handled here; the glue and the widget still report it. */
      var refused = function (name) {
        return new Error(name + " did not load, or does not match its integrity digest");
      };
      /* A module and its wasm, both checked. The wasm is compiled from the bytes a fetch with
         `integrity` verified. import() takes no integrity, but a modulepreload link does:
         Chromium and Firefox refuse a wrong digest, and import() then takes the checked module
         from the page's module map (the link goes once it has done its work). WebKit ignores a
         modulepreload's digest (../shared/notes.md, "Subresource Integrity"), and Safari before 17
         has no modulepreload: there a fetch with `integrity`, which WebKit enforces, checks the
         glue first, and import() takes it from the HTTP cache. */
      var program = function (glueName, glueIntegrity, wasmName, wasmIntegrity) {
        var href = new URL(glueName, base).href;
        var wasm = fetch(new URL(wasmName, base).href, { integrity: wasmIntegrity });
        wasm.catch(function () {});
        var link = doc.createElement("link");
        return (
          link.relList.supports("modulepreload") && !/^Apple/.test(navigator.vendor)
            ? new Promise(function (resolve, reject) {
                link.rel = "modulepreload";
                link.integrity = glueIntegrity;
                link.onload = link.onerror = function (event) {
                  link.remove();
                  (event.type == "load" ? resolve : reject)();
                };
                link.href = href;
                doc.head.appendChild(link);
              })
            : fetch(href, { integrity: glueIntegrity })
        )
          .then(
            function () {
              return import(href);
            },
            function () {
              throw refused(glueName);
            },
          )
          .then(function (glue) {
            return glue
              .default({
                module_or_path: wasm.catch(function () {
                  throw refused(wasmName);
                }),
              })
              .then(function () {
                return glue;
              });
          });
      };
      /* A host that sends the wasm uncompressed costs every visitor about three times its bytes
         (1.4 s more to the first paint on a phone, BENCHMARKS.md "First paint on a phone"): said
         once, in the console, when the browser knows it. Resource Timing gives no sizes for a
         file from another origin without Timing-Allow-Origin, nor a transfer for one from a
         cache or a service worker: then nothing is said. */
      var load = function () {
        return (
          ready ||
          (ready = program(GLUE, GLUE_SRI, WASM, WASM_SRI).then(function (glue) {
            var got = performance.getEntriesByName(new URL(WASM, base).href)[0] || {};
            if (got.transferSize && !got.workerStart && got.encodedBodySize >= got.decodedBodySize)
              warn(
                "its wasm came uncompressed (" + Math.round(got.decodedBodySize / 1e3) + " KB; " + Math.round(WASM_BR / 1e3) +
                  " KB as its .br file): https://www.npmjs.com/package/faq-widget#embed-from-your-own-server",
              );
            return glue;
          }))
        );
      };
      /* The feedback beacon sender (reporter/, docs/feedback.md): a module of its own, loaded
         once per page the first time a widget with data-report says its visitor accepted the
         cookie notice; visitors who never accept never download it. Each widget gets a relay:
         the widget calls relay(kind, a, b) ("allow", "vote", "missed"; src/entry.rs) and the
         calls reach its sender in order. */
      var reporter;
      var relay = function (report, src) {
        var sender;
        return function (kind, a, b) {
          if (!sender && kind === "allow" && a) {
            reporter = reporter || program(REPORTER_GLUE, REPORTER_GLUE_SRI, REPORTER_WASM, REPORTER_WASM_SRI);
            sender = reporter.then(function (glue) {
              return new glue.ReportSender(report, src);
            });
            sender.catch(warn);
          }
          if (sender)
            sender
              .then(function (to) {
                to[kind](a, b);
              })
              .catch(function () {});
        };
      };
      /* A language pack (the widget's texts in a language other than English), fetched once
         per page when a widget needs it. Its digest is in its URL, so a CDN may keep it for
         good, and checks it: a file that does not match (or does not come) leaves the widget in
         English, said here. The widget gets keys and texts joined by NUL (src/language_pack.rs:
         reading the JSON in wasm costs more); `now`: those texts if they are there, else
         undefined. */
      var packs = {};
      var got = {};
      var texts = function (code, now) {
        return now
          ? got[code]
          : packs[code] ||
              (packs[code] = fetch(new URL("faq-widget-" + code + ".json?" + TEXTS[code], base).href, { integrity: TEXTS[code] })
                .then(function (response) {
                  if (!response.ok) throw "HTTP " + response.status;
                  return response.json();
                })
                .then(function (pack) {
                  return (got[code] = Object.entries(pack).flat().join("\0"));
                })
                .catch(function (error) {
                  warn("its " + code + " texts did not load (" + error + "); English instead");
                  return "";
                }));
      };
      /* The widget's service worker (docs/embedding.md "Offline"). The widget decides when (consent); this
         does it, in a few lines of JS rather than many more bytes of wasm. keep: register sw.js
         if this page lies in its folder (same origin), and on the first registration ask it to
         keep the FAQ at `src` now. Otherwise: unregister it and delete its caches; without it,
         only the FAQ copies (a host's own worker that imports sw.js keeps the app's files). */
      var scope = new URL(".", base).href;
      var url = scope + "sw.js";
      /* The visitor's language choice (a widget of several `langs`): kept in the page origin's
         storage under the widget's namespace only once the widget says consent allows it
         (keep 2); a rejection deletes it with the widget's other data (src/browser/storage.rs). */
      var LANG = "faq-widget:lang";
      var chosen;
      var storage = function (value) {
        try {
          return value ? localStorage.setItem(LANG, value) : localStorage.getItem(LANG);
        } catch (error) {}
      };
      var controlled = function () {
        var sw = navigator.serviceWorker;
        return sw && sw.controller && sw.controller.scriptURL === url;
      };
      var worker = function (keep, src) {
        var sw = navigator.serviceWorker;
        var ours = controlled();
        if (keep > 1 && chosen) storage(chosen);
        if (keep && sw && location.href.indexOf(scope) === 0) {
          sw.register(url)
            .then(function () {
              return ours || sw.ready.then(function (registration) {
                registration.active.postMessage({ type: "faq-widget:keep", url: src });
              });
            })
            .catch(warn);
        } else if (!keep && self.caches) {
          /* getRegistration rejects another origin's URL: from a CDN, there is no own worker. */
          (sw && new URL(base).origin === location.origin ? sw.getRegistration(scope) : Promise.resolve())
            .then(function (registration) {
              var own = registration && registration.scope === scope;
              if (own) registration.unregister();
              return caches.keys().then(function (names) {
                names.forEach(function (name) {
                  if (name === "faq-widget-data" || (own && name.indexOf("faq-widget-") === 0)) caches.delete(name);
                });
              });
            })
            .catch(warn);
        }
      };
      customElements.define(
        "faq-widget",
        class extends HTMLElement {
          connectedCallback() {
            var host = this;
            /* Mounted already, and now moved (removed and inserted again within one task, as
               React and drag and drop do): the widget goes on as it was. */
            if (host.__faqWidget) return;
            /* This mount: its root element; `app`, the program, once it has rendered the widget;
               `request`, its FAQ's request; `gone` once the page removed the element
               (disconnectedCallback). */
            var widget = (host.__faqWidget = {});
            /* A pre-rendered copy of the widget (`faq-widget render --prerender`: a declarative
               shadow root) is taken over. */
            var copy = host.shadowRoot && host.shadowRoot.querySelector(".faq-root[data-prerendered]");
            var root = (widget.root = doc.createElement("div"));
            var fail = function (error) {
              warn(error);
              /* A pre-rendered copy stays, and keeps working: better than an error. */
              if (copy && copy.isConnected) return;
              root.hidden = false;
              root.className = "faq-root faq-error";
              root.setAttribute("role", "alert");
              root.setAttribute("part", "error");
              /* The FAQ (and its language) never arrived: the page's language, French or English
                 (the widget's other texts are in packs its program would have fetched). */
              var fr = /^fr\b/i.test(doc.documentElement.lang);
              root.lang = fr ? "fr" : "en";
              root.textContent = fr
                ? "La FAQ n’a pas pu être affichée : son programme ne s’est pas chargé."
                : "The FAQ could not be shown: its program did not load.";
            };
            try {
              root.className = "faq-root";
              root.hidden = true;
              var shadow = host.shadowRoot;
              if (copy) {
                /* Until the widget takes over (it shows itself then), the copy's questions open
                   and close: attributes only, as the widget sets them. */
                copy.addEventListener("click", function (event) {
                  var button = event.target.closest && event.target.closest(".faq-question-button");
                  var panel = button && shadow.getElementById(button.getAttribute("aria-controls"));
                  if (!panel) return;
                  var open = button.getAttribute("aria-expanded") !== "true";
                  button.setAttribute("aria-expanded", open);
                  button.closest(".faq-item").classList.toggle("faq-item-open", open);
                  if (open) panel.removeAttribute("hidden");
                  else panel.setAttribute("hidden", "until-found");
                });
              } else {
                /* A widget removed earlier and now added again keeps its (emptied) shadow root. */
                shadow = shadow || host.attachShadow({ mode: "open" });
                var link = doc.createElement("link");
                link.rel = "stylesheet";
                link.crossOrigin = "anonymous";
                link.integrity = CSS_SRI;
                /* Hidden until the stylesheet applies: no flash of unstyled content. The widget
                   mounts once it has. */
                var styled = new Promise(function (resolve, reject) {
                  link.onload = function () {
                    root.hidden = false;
                    resolve();
                  };
                  link.onerror = function () {
                    reject(refused(CSS));
                  };
                });
                link.href = new URL(CSS, base).href;
                shadow.appendChild(link);
              }
              shadow.appendChild(root);
              /* One FAQ in several languages (docs/embedding.md "Several languages"): `langs`
                 lists them and `{lang}` in `src` stands for the one shown: the visitor's stored
                 choice, else the page's language, else the browser's, else the first. A switch
                 above the widget mounts it again with another file; the URL's fragment keeps the
                 open question. Codes match by their first subtag (fr-CA is fr). */
              var langs = (host.getAttribute("langs") || "").split(/[\s,]+/).filter(Boolean);
              var primary = function (code) {
                return code.split(/[-_]/)[0].toLowerCase();
              };
              var lang;
              /* Storage read only for a widget of several languages: a page's first read waits
                 for the browser to load its origin's storage (2-10 ms on the main thread, before
                 a pre-rendered copy's paint, measured). */
              [langs[0] && storage(), doc.documentElement.lang].concat(navigator.languages).some(function (want) {
                return (lang = want && langs.find(function (code) {
                  return primary(code) == primary(want);
                }));
              });
              lang = lang || langs[0];
              var given = host.getAttribute("src");
              /* A copy pre-rendered with its languages (`render --langs`) has the switch already,
                 where it stays: nothing moves. */
              var group = copy && shadow.querySelector(".faq-languages");
              if (langs[1] && !group) {
                /* role=group, labelled by the widget's word for "Language"; each button named in
                   its own language, and marked so (lang), pressed when shown. */
                group = doc.createElement("div");
                group.className = "faq-languages";
                group.hidden = true; /* until the widget's first mount, with it */
                group.setAttribute("role", "group");
                group.setAttribute("part", "languages");
                langs.forEach(function (code) {
                  var button = group.appendChild(doc.createElement("button"));
                  var name = code;
                  try {
                    name = new Intl.DisplayNames([code], { type: "language" }).of(code);
                  } catch (error) {}
                  button.lang = code;
                  button.textContent = name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
                });
                shadow.insertBefore(group, copy || root);
              }
              /* A switch mounts the widget again with the other file, at once (a copy waiting
                 for its paint starts now). */
              if (group)
                [].forEach.call(group.children, function (button) {
                  button.onclick = function () {
                    if (button.lang == lang) return;
                    chosen = lang = button.lang;
                    wait = 0;
                    if (widget.request) widget.request.abort();
                    if (widget.app) widget.app.unmount(root);
                    start();
                  };
                });
              /* Not under the widget's own worker: it answers the widget's request from its
                 cache at once, and a request started before the widget listens would lose the
                 worker's "updated" message (docs/embedding.md "Offline"). */
              /* Feedback beacons' address (docs/feedback.md), relative to the page. */
              var report = host.getAttribute("report");
              try {
                report = report ? new URL(report, doc.baseURI).href : undefined;
              } catch (error) {
                report = undefined;
              }
              report = report && /^https?:/.test(report) && report;
              var start = function () {
                var src = new URL(given ? given.replace("{lang}", lang) : "faq.json", given ? doc.baseURI : base).href;
                var run = (widget.run = {});
                if (lang) root.lang = lang;
                if (group)
                  [].forEach.call(group.children, function (button) {
                    button.setAttribute("aria-pressed", button.lang == lang);
                  });
                /* The body is read here too: by the time the wasm is ready the FAQ is a string,
                   and the widget shows it in the task that mounts it, without painting its
                   "Loading" state first (BENCHMARKS.md "Start"). A refused answer stays a Response
                   (the widget reads its status). A widget removed before it arrives aborts it. */
                widget.request = window.AbortController && new AbortController();
                var prefetch = controlled()
                  ? undefined
                  : fetch(src, widget.request && { signal: widget.request.signal }).then(function (response) {
                      return response.ok ? response.text() : response;
                    });
                if (prefetch) prefetch.catch(function () {});
                /* The page's (or the picked) language's pack, if it has one, downloads beside
                   the wasm: the widget shows its texts before the FAQ (and its language) is known. */
                var code = primary(lang || doc.documentElement.lang);
                Promise.all([load(), styled, TEXTS.hasOwnProperty(code) && texts(code)])
                  .then(function (loaded) {
                    if (widget.gone || widget.run != run) return;
                    if (group) {
                      group.hidden = false;
                      var words = (loaded[2] || "").split("\0");
                      var at = words.indexOf("language");
                      group.setAttribute("aria-label", at % 2 ? "Language" : words[at + 1]);
                    }
                    var glue = loaded[0];
                    widget.app = glue;
                    /* A language picked in the copy whose file does not come (missing, offline):
                       the widget takes the copy over only with a FAQ, so its error would stay
                       hidden behind a copy in the other language. The error takes the copy's
                       place as it renders (a mutation callback runs before the next paint). */
                    var other = copy && copy.isConnected && copy.querySelector(".faq[lang]");
                    if (other && lang && primary(other.lang) != primary(lang))
                      new MutationObserver(function (records, observer) {
                        if (widget.run != run || !copy.isConnected) observer.disconnect();
                        else if (root.querySelector("[role=alert]")) {
                          observer.disconnect();
                          copy.remove();
                          root.hidden = false;
                        }
                      }).observe(root, { childList: true, subtree: true });
                    glue.mount(host, root, src, {
                      cookieNotice: host.getAttribute("cookie-notice") !== "off",
                      offline: host.getAttribute("offline") || undefined,
                      prefetch: prefetch,
                      worker: worker,
                      texts: texts,
                      /* Gone once taken over: a switch after that mounts afresh. */
                      prerendered: copy && copy.isConnected ? copy : undefined,
                      timeout: host.hasAttribute("timeout") ? Number(host.getAttribute("timeout")) : undefined,
                      feedback: host.getAttribute("feedback") !== "off",
                      report: report && relay(report, src),
                    });
                  })
                  .catch(fail);
              };
              /* A pre-rendered copy paints first: its program's downloads would compete with the
                 copy's stylesheet and hold its largest paint back (BENCHMARKS.md "Lighthouse").
                 They start once the page reports the copy's paint as its largest so far: an entry
                 without an element, which the shadow root keeps from the page (measured: a frame
                 after the stylesheet's load is too early, as is the page's own first paint; a
                 request started before the paint is counted against it). Where the browser
                 reports no such paints (WebKit), the next frame. The timer covers a tab in the
                 background, and a page whose largest paint is not the copy's. */
              var wait = copy;
              if (copy) {
                var once = function () {
                  if (wait) setTimeout(start, 0);
                  wait = 0;
                };
                if ((PerformanceObserver.supportedEntryTypes || []).indexOf("largest-contentful-paint") < 0)
                  requestAnimationFrame(once);
                else
                  new PerformanceObserver(function (entries, observer) {
                    if (
                      entries.getEntries().some(function (entry) {
                        return !entry.element;
                      })
                    ) {
                      observer.disconnect();
                      once();
                    }
                  }).observe({ type: "largest-contentful-paint", buffered: true });
                setTimeout(once, 1000);
              } else start();
            } catch (error) {
              fail(error);
            }
          }
          /* Removed from the page (a single-page app leaving the view): in the next task, once
             this task's other DOM changes are done (a microtask is too early in WebKit, which
             runs one between the removal and the insertion of a move), a widget still out of
             the document is unmounted, which
             releases every listener, timer and request it started, and its shadow root is
             emptied; added again later, it mounts anew (and says `faq-widget:ready` again). */
          disconnectedCallback() {
            var host = this;
            var widget = host.__faqWidget;
            if (!widget) return;
            setTimeout(function () {
              if (host.isConnected || host.__faqWidget !== widget) return;
              host.__faqWidget = null;
              widget.gone = true;
              if (widget.request) widget.request.abort();
              if (widget.app) widget.app.unmount(widget.root);
              var shadow = host.shadowRoot;
              while (shadow && shadow.firstChild) shadow.removeChild(shadow.firstChild);
            });
          }
        }
      );
    }

    /* The script tag's own widget: after the script, or in place of data-target's content. In
       <head> without data-target, the script only defines <faq-widget>. */
    if (!script) return warn("cannot find its script element");
    var target = script.getAttribute("data-target");
    /* data-prerendered: the page already has its <faq-widget> (`faq-widget render --prerender`). */
    if (script.hasAttribute("data-prerendered")) return;
    if (!target && (!script.isConnected || (doc.head && doc.head.contains(script)))) return;
    var host = doc.createElement("faq-widget");
    var dataSrc = script.getAttribute("data-src");
    /* Absolute, with a `{lang}` kept as it is (URL writes it as %7Blang%7D). */
    host.setAttribute("src", new URL(dataSrc || "faq.json", dataSrc ? doc.baseURI : base).href.replace("%7Blang%7D", "{lang}"));
    ["cookie-notice", "offline", "timeout", "feedback", "report", "url-state", "langs"].forEach(function (name) {
      var value = script.getAttribute("data-" + name);
      if (value !== null) host.setAttribute(name, value);
    });
    var place = function () {
      var into = target && doc.querySelector(target);
      if (!target) script.parentNode.insertBefore(host, script.nextSibling);
      else if (into) into.replaceChildren(host);
      else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", place);
      else warn('data-target "' + target + '" matches no element');
    };
    place();
  } catch (error) {
    warn(error);
  }
})();
