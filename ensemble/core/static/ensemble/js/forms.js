/* Forms: a live character counter under every limited text field.
   The server renders "0 / 200 characters" and the field's `data-maxlength` (no
   `maxlength`: browsers cut pasted text at it without a word). This script keeps the
   count up to date, warns in a polite live region when the limit comes near, is
   reached or passed, and says so when a paste makes the text too long. Nothing is
   cut: the server refuses a text over the limit, naming the field. */
(function () {
  "use strict";

  var NEAR = 0.9; // warn from 90 % of the limit

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function level(length, max) {
    if (length > max) return "over";
    if (length === max) return "full";
    if (length >= Math.floor(max * NEAR)) return "near";
    return "";
  }

  function setUp(counter) {
    if (counter.dataset.ready) return;
    var field = document.getElementById(counter.dataset.counterFor);
    if (!field || !field.dataset.maxlength) return;
    counter.dataset.ready = "1";
    var max = parseInt(field.dataset.maxlength, 10);
    var count = counter.querySelector(".char-counter__count");
    var announce = document.getElementById(counter.dataset.counterFor + "_announce");
    var messages = counter.dataset;
    var lastLevel = level(field.value.length, max);
    var pasting = false;

    function say(text) {
      if (!announce) return;
      // Emptied first, so that the same sentence twice is announced twice.
      announce.textContent = "";
      window.setTimeout(function () { announce.textContent = text; }, 50);
    }

    function update() {
      var length = field.value.length;
      var values = { count: length, max: max, left: max - length, over: length - max };
      var now = level(length, max);
      count.textContent = fill(messages.msgCount, values);
      counter.classList.toggle("char-counter--near", now === "near");
      counter.classList.toggle("char-counter--full", now === "full");
      counter.classList.toggle("char-counter--over", now === "over");
      if (now === "over") {
        field.setAttribute("aria-invalid", "true");
      } else if (!field.closest(".field--error")) {
        field.removeAttribute("aria-invalid");
      }
      if (pasting && length > max) {
        say(fill(messages.msgPaste, values));
      } else if (now !== lastLevel && now) {
        say(fill(now === "near" ? messages.msgNear : now === "full" ? messages.msgFull
          : messages.msgOver, values));
      }
      pasting = false;
      lastLevel = now;
    }

    field.addEventListener("paste", function () { pasting = true; });
    field.addEventListener("input", update);
    update();
  }

  /* Fields shown only for some values of another field (a need's details by its kind):
     `data-show-field="kind" data-show-for="volunteers skills"`. A hidden field is also
     disabled, so that what it held is not sent. Without JavaScript all are shown. */
  function setUpShowFor(form) {
    if (form.dataset.showForReady) return;
    var dependants = form.querySelectorAll("[data-show-for][data-show-field]");
    if (!dependants.length) return;
    form.dataset.showForReady = "1";
    var controller = form.elements[dependants[0].dataset.showField];
    if (!controller) return;
    function apply() {
      Array.prototype.forEach.call(dependants, function (input) {
        var shown = !controller.value || input.dataset.showFor.split(" ").indexOf(controller.value) !== -1;
        var wrapper = input.closest(".field") || input;
        wrapper.hidden = !shown;
        input.disabled = !shown;
      });
      Array.prototype.forEach.call(form.querySelectorAll(".form-section"), function (section) {
        if (section.querySelector("[data-show-for]")) {
          section.hidden = !section.querySelector(".field:not([hidden])");
        }
      });
    }
    controller.addEventListener("change", apply);
    apply();
  }

  function setUpAll(root) {
    var counters = (root || document).querySelectorAll(".char-counter[data-counter-for]");
    Array.prototype.forEach.call(counters, setUp);
    Array.prototype.forEach.call((root || document).querySelectorAll("form"), setUpShowFor);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUpAll(); });
  } else {
    setUpAll();
  }
  // Forms that htmx swaps in get their counters too.
  document.addEventListener("htmx:afterSwap", function (event) { setUpAll(event.target); });
})();
