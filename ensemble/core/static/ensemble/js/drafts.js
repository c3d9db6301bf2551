/* Drafts of long texts, kept in this browser until the form is sent and accepted (issue 17).
 *
 * Only enhances: every page works without it. What a person types in a textarea of a POST
 * form is saved in localStorage (per page and field); an empty field gets its draft back
 * when the page opens again, e.g. after an expired session. A draft is dropped once the
 * form was sent and the next page shows no error; logging out drops them all.
 * Never a password: only textareas are kept. */
(function () {
  "use strict";
  var PREFIX = "ensemble:draft:";
  var MAX_AGE = 7 * 24 * 3600 * 1000;
  var store;
  try { store = window.localStorage; store.getItem(PREFIX); } catch (e) { return; }

  function keyOf(form, field) {
    var action = form.getAttribute("action") || window.location.pathname;
    return PREFIX + window.location.pathname + "|" + action + "|" + field.name;
  }
  function read(key) {
    try { return JSON.parse(store.getItem(key)); } catch (e) { return null; }
  }
  function eachKey(callback) {
    for (var i = store.length - 1; i >= 0; i -= 1) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) { callback(key, read(key)); }
    }
  }

  // The page after a sending: keep the drafts sent if it refused them, else drop them.
  var refused = document.querySelector("[data-keep-drafts], .error-summary, .errorlist");
  eachKey(function (key, draft) {
    if (!draft || Date.now() - draft.at > MAX_AGE || (draft.sent && !refused)) {
      store.removeItem(key);
    } else if (draft.sent) {
      draft.sent = false;
      store.setItem(key, JSON.stringify(draft));
    }
  });

  var forms = document.querySelectorAll("form[method=post], form[method=POST]");
  Array.prototype.forEach.call(forms, function (form) {
    if (/\/accounts\/logout\//.test(form.getAttribute("action") || "")) {
      form.addEventListener("submit", function () {
        eachKey(function (key) { store.removeItem(key); });
      });
      return;
    }
    var fields = form.querySelectorAll("textarea[name]:not([readonly])");
    Array.prototype.forEach.call(fields, function (field) {
      var key = keyOf(form, field);
      var draft = read(key);
      if (draft && draft.text && !field.value) {
        field.value = draft.text;
        field.setAttribute("data-draft-restored", "");
      }
      field.addEventListener("input", function () {
        if (field.value) {
          store.setItem(key, JSON.stringify({ text: field.value, at: Date.now(), sent: false }));
        } else {
          store.removeItem(key);
        }
      });
    });
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(fields, function (field) {
        var draft = read(keyOf(form, field));
        if (draft) {
          draft.sent = true;
          store.setItem(keyOf(form, field), JSON.stringify(draft));
        }
      });
    });
  });
}());
