/* Progressive enhancements for the public site. Without JavaScript every feature
   still works: the navigation is shown, carousel slides are a list. */
(function () {
  "use strict";
  var STORAGE_KEY = "zp-text-size";

  function initZoom() {
    var button = document.getElementById("zoom-button");
    var status = document.getElementById("zoom-status");
    if (!button) return;
    var sizes = button.getAttribute("data-sizes").split(",");
    var root = document.documentElement;
    function current() { return root.getAttribute("data-text-size") || "100"; }
    function announce(size) {
      if (status) status.textContent = status.getAttribute("data-template").replace("%(size)s", size);
      button.setAttribute("aria-label", button.textContent.trim() + " " + size + "%");
    }
    button.hidden = false;
    announce(current());
    status.textContent = "";
    button.addEventListener("click", function () {
      var next = sizes[(sizes.indexOf(current()) + 1) % sizes.length];
      if (next === "100") root.removeAttribute("data-text-size");
      else root.setAttribute("data-text-size", next);
      try { window.localStorage.setItem(STORAGE_KEY, next); } catch (e) { /* ignore */ }
      announce(next);
    });
  }

  function initMenu() {
    var button = document.getElementById("menu-button");
    var nav = document.getElementById("primary-nav");
    if (!button || !nav) return;
    /* The button is shown by CSS on narrow screens only (see site.css). */
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        nav.classList.remove("is-open");
        button.focus();
      }
    });
  }

  function initCarousel(carousel) {
    var slides = carousel.querySelectorAll(".carousel__slide");
    if (slides.length < 2) return;
    var controls = carousel.querySelector(".carousel__controls");
    var toggle = carousel.querySelector("[data-carousel-toggle]");
    var list = carousel.querySelector(".carousel__slides");
    var interval = parseInt(carousel.getAttribute("data-interval"), 10) || 7000;
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var index = 0, timer = null, userPaused = reduceMotion;
    controls.hidden = false;
    function show(i) {
      index = (i + slides.length) % slides.length;
      /* site.css hides every slide but .is-current (visibility, so heights never
         change) and loads only the images of .is-loaded slides: the current one and
         the next, ahead of its turn. */
      slides.forEach(function (slide, n) {
        slide.classList.toggle("is-current", n === index);
        if (n === index || n === (index + 1) % slides.length) slide.classList.add("is-loaded");
      });
    }
    function play() { stop(); if (!userPaused) timer = window.setInterval(function () { show(index + 1); }, interval); }
    function stop() { if (timer) window.clearInterval(timer); timer = null; }
    function label() {
      toggle.textContent = carousel.getAttribute(userPaused ? "data-label-play" : "data-label-pause");
      list.setAttribute("aria-live", userPaused ? "polite" : "off");
    }
    carousel.querySelector("[data-carousel-next]").addEventListener("click", function () { show(index + 1); });
    carousel.querySelector("[data-carousel-prev]").addEventListener("click", function () { show(index - 1); });
    toggle.addEventListener("click", function () { userPaused = !userPaused; label(); play(); });
    carousel.addEventListener("focusin", stop);
    carousel.addEventListener("mouseenter", stop);
    carousel.addEventListener("focusout", play);
    carousel.addEventListener("mouseleave", play);
    show(0); label(); play();
  }

  initZoom();
  initMenu();
  document.querySelectorAll("[data-carousel]").forEach(initCarousel);
})();
