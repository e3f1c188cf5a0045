// Panels that start folded on a narrow screen: a <details open data-vouwen-smal="<max-width>"> (default 63.99em).
// In the HTML they are open, so without JavaScript everything is there and works; on a narrow screen this folds
// them (issue 18: at 375 px the main navigation and the list's filters pushed the first result 1,900 px down),
// and a screen that becomes wide opens them again (the main navigation hides its "Menu" summary there).
(function () {
  "use strict";
  function start() {
    // Marks that the panels can fold, so a skip link that only helps with an open panel can go (.js in the CSS).
    document.documentElement.classList.add("js");
    document.querySelectorAll("details[data-vouwen-smal]").forEach(function (paneel) {
      var smal = window.matchMedia("(max-width: " + (paneel.getAttribute("data-vouwen-smal") || "63.99em") + ")");
      function toepassen() {
        paneel.open = !smal.matches;
      }
      toepassen();
      if (smal.addEventListener) {
        smal.addEventListener("change", toepassen);
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
