/* Applies the saved text size before first paint, so pages do not jump. Loaded
   synchronously in <head>; everything else lives in site.js (deferred). */
(function () {
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  try {
    var size = window.localStorage.getItem("zp-text-size");
    if (size === "115" || size === "130") root.setAttribute("data-text-size", size);
  } catch (e) { /* storage blocked: keep 100 % */ }
})();
