// After a failed form post the error summary gets the focus, so that a screen reader reads it and a
// keyboard user starts there (WCAG 2.1 3.3.1, GOV.UK / NL Design System pattern). A link in the summary
// moves the focus to its field, not only the scroll position.
(function () {
  "use strict";
  function start() {
    var overzicht = document.querySelector(".foutoverzicht");
    if (!overzicht) {
      return;
    }
    overzicht.focus();
    overzicht.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) {
        return;
      }
      var veld = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!veld) {
        return;
      }
      event.preventDefault();
      var kader = veld.closest(".veld, fieldset") || veld;
      kader.scrollIntoView();
      veld.focus({ preventScroll: true });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
