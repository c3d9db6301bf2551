/* Ensemble: small enhancements of disclosures that already work without JavaScript.
   - On wide screens the header menu and the filter drawers are open (browsers without
     ::details-content would otherwise show them closed).
   - Escape or a click outside closes an open popover (search, account menu) or the phone menu. */
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 64rem)");
  var drawerWide = window.matchMedia("(min-width: 48.01rem)");
  function sync() {
    document.querySelectorAll("details[data-menu]").forEach(function (menu) {
      if (wide.matches) { menu.open = true; } else if (!menu.dataset.touched) { menu.open = false; }
    });
    document.querySelectorAll("details.filter-drawer").forEach(function (drawer) {
      if (drawerWide.matches) { drawer.open = true; }
    });
  }
  function closeAll(except) {
    document.querySelectorAll("details[data-popover][open]" + (wide.matches ? "" : ", details[data-menu][open]")).forEach(function (d) {
      if (d !== except && !d.contains(except)) { d.open = false; }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    sync();
    wide.addEventListener("change", sync);
    drawerWide.addEventListener("change", sync);
    document.querySelectorAll("details[data-menu] > summary").forEach(function (s) {
      s.addEventListener("click", function () { s.parentNode.dataset.touched = "1"; });
    });
    document.querySelectorAll("details[data-popover]").forEach(function (d) {
      d.addEventListener("toggle", function () {
        if (d.open) {
          closeAll(d);
          var field = d.querySelector("input[type=search]");
          if (field) { field.focus(); }
        }
      });
    });
    document.addEventListener("click", function (event) {
      var inside = event.target.closest("details[data-popover], details[data-menu]");
      closeAll(inside);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var open = document.activeElement && document.activeElement.closest("details[open]");
      if (open && (open.hasAttribute("data-popover") || (open.hasAttribute("data-menu") && !wide.matches))) {
        open.open = false;
        open.querySelector("summary").focus();
      }
    });
  });
})();
