/* faq-widget loader. One script tag puts the widget right after itself:
   <script src=".../embed.js" data-src=".../faq.json" async></script>
   The build writes this file to dist/ with the content-hashed names filled in. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var GLUE = "__FAQ_WIDGET_GLUE__";
  var WASM = "__FAQ_WIDGET_WASM__";
  var CSS = "__FAQ_WIDGET_CSS__";
  var own = script.src;
  var dataSrc = script.getAttribute("data-src");
  var src = dataSrc ? new URL(dataSrc, document.baseURI).href : new URL("faq.json", own).href;

  var host = document.createElement("faq-widget");
  script.parentNode.insertBefore(host, script.nextSibling);
  var shadow = host.attachShadow({ mode: "open" });
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL(CSS, own).href;
  shadow.appendChild(style);
  var root = document.createElement("div");
  shadow.appendChild(root);

  function fail() {
    root.setAttribute("role", "alert");
    root.textContent = "The FAQ could not be shown: its program did not load.";
  }
  try {
    // The glue, the wasm and the FAQ are requested at once, not one after the other: the wasm
    // compiles while it downloads, and the widget takes the FAQ response from `prefetch` instead of
    // fetching it again (src/browser/fetch.rs). The catches only mark a failed request as handled
    // here; the glue and the widget still report it.
    var wasm = fetch(new URL(WASM, own).href);
    var prefetch = fetch(src);
    wasm.catch(function () {});
    prefetch.catch(function () {});
    import(new URL(GLUE, own).href)
      .then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          glue.mount(host, root, src, {
            cookieNotice: script.getAttribute("data-cookie-notice") !== "off",
            offline: script.getAttribute("data-offline") || undefined,
            prefetch: prefetch,
          });
        });
      })
      .catch(fail);
  } catch (e) {
    fail();
  }
})();
