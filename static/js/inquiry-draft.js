/* Inquiry form: keep a draft of what the visitor typed in this browser
   (localStorage), so nothing is lost even if sending fails hard; clear it on the
   thank-you page. Also move focus to the error summary or problem notice.
   Progressive: the form works the same without this file. */
(function () {
  "use strict";

  var SKIP = { csrfmiddlewaretoken: true, form_key: true, website: true, consent: true };

  function storage() {
    try {
      var probe = "__zp_probe__";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !SKIP[el.name] && el.type !== "hidden" && el.type !== "submit";
    });
  }

  function read(form) {
    var data = {};
    fields(form).forEach(function (el) {
      if (el.type === "radio") {
        if (el.checked) data[el.name] = el.value;
      } else {
        data[el.name] = el.value;
      }
    });
    return data;
  }

  function restore(form, data) {
    fields(form).forEach(function (el) {
      if (!(el.name in data)) return;
      if (el.type === "radio") {
        var group = form.querySelectorAll('input[type="radio"][name="' + el.name + '"]:checked');
        if (!group.length && el.value === data[el.name]) el.checked = true;
      } else if (!el.value) {
        el.value = data[el.name];
      }
    });
  }

  function init() {
    var store = storage();
    var cleared = document.querySelector("[data-draft-clear]");
    if (store && cleared) store.removeItem(cleared.getAttribute("data-draft-clear"));

    var form = document.querySelector("form[data-draft-key]");
    if (store && form) {
      var key = form.getAttribute("data-draft-key");
      try {
        var saved = JSON.parse(store.getItem(key) || "null");
        if (saved && typeof saved === "object") restore(form, saved);
      } catch (e) {
        store.removeItem(key);
      }
      var timer = null;
      var save = function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          try { store.setItem(key, JSON.stringify(read(form))); } catch (e) { /* full or blocked */ }
        }, 300);
      };
      form.addEventListener("input", save);
      form.addEventListener("change", save);
      form.addEventListener("submit", function () {
        try { store.setItem(key, JSON.stringify(read(form))); } catch (e) { /* ignore */ }
      });
    }

    var alertBox = document.querySelector("[data-focus-on-load]");
    if (alertBox) alertBox.focus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
