// Meridian's interface: small progressive enhancements over pages that work without script.
// - The postMessage contract with the partner's page, sent only to the partner's configured origins
//   (<meta name="meridian-frame-origins">): meridian:ready, meridian:resize {height}, meridian:changed {change},
//   meridian:session-expired.
// - Record forms show the parts of the chosen type; the location picker and the records table filter as one types.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="meridian-frame-origins"]');
  var origins = meta && meta.content ? meta.content.split(" ").filter(Boolean) : [];
  var framed = window.parent && window.parent !== window;

  function post(type, detail) {
    if (!framed) return;
    var message = Object.assign({ type: type }, detail || {});
    // postMessage drops a message whose target origin is not the parent's, so only a configured origin receives it.
    origins.forEach(function (origin) { window.parent.postMessage(message, origin); });
  }

  function start() {
    var event = document.querySelector('meta[name="meridian-event"]');
    if (event && event.content === "session-expired") post("meridian:session-expired");
    else post("meridian:ready", { path: location.pathname });
    document.querySelectorAll("[data-meridian-changed]").forEach(function (node) {
      post("meridian:changed", { change: node.getAttribute("data-meridian-changed") });
    });

    var lastHeight = -1;
    function reportHeight() {
      var height = Math.ceil(document.documentElement.scrollHeight);
      if (height !== lastHeight) { lastHeight = height; post("meridian:resize", { height: height }); }
    }
    reportHeight();
    if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);

    // Type-aware record form: enable only the chosen type's parts (disabled fields are not posted).
    document.querySelectorAll("select.record-type").forEach(function (select) {
      var form = select.form;
      function show() {
        form.querySelectorAll("fieldset.type-parts").forEach(function (set) {
          var on = set.getAttribute("data-types").split(" ").indexOf(select.value) >= 0;
          set.hidden = !on;
          set.querySelectorAll("input, select, textarea").forEach(function (field) { field.disabled = !on; });
        });
      }
      select.addEventListener("change", show);
    });

    // Location picker search: hide the choices that do not match.
    document.querySelectorAll("input.geo-search").forEach(function (search) {
      var options = search.parentElement.querySelectorAll(".geo-choice");
      search.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
      search.addEventListener("input", function () {
        var term = search.value.trim().toLowerCase();
        options.forEach(function (label) { label.hidden = term !== "" && label.textContent.toLowerCase().indexOf(term) < 0; });
      });
    });

    // Records search: filter this page of the table while typing (submitting the form searches the whole zone on the server).
    document.querySelectorAll("input[data-live-filter]").forEach(function (search) {
      var table = document.getElementById(search.getAttribute("data-live-filter"));
      if (!table) return;
      search.addEventListener("input", function () {
        var term = search.value.trim().toLowerCase();
        table.querySelectorAll("tbody.record-set").forEach(function (set) {
          set.hidden = term !== "" && set.textContent.toLowerCase().indexOf(term) < 0;
        });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
