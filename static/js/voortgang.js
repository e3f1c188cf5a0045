/*
 * Progress of a background task (a Jaarrapportage generation, a large
 * import), without reloading the page.
 * Polls the JSON status endpoint (data-status-url) every 2 seconds while the
 * task runs, and updates the <progress> element (if the page has one), every
 * [data-veld] element and the status label; when it is done (or failed) it
 * shows the [data-blok] parts the page already holds, hidden.
 * Without JavaScript the page's "Vernieuwen" link does the same by reloading.
 */
(function () {
  "use strict";

  var blok = document.querySelector("[data-status-url]");
  if (!blok || !window.fetch) {
    return;
  }
  var url = blok.getAttribute("data-status-url");
  var balk = blok.querySelector("progress");
  var INTERVAL = 2000;
  var KLASSEN = { mislukt: "label--fout", definitief: "label--gepubliceerd", concept: "label--concept", geslaagd: "label--ok" };

  function zet(element, tekst) {
    if (element.textContent !== tekst) {
      element.textContent = tekst;
    }
  }

  function toon(naam, zichtbaar) {
    document.querySelectorAll('[data-blok="' + naam + '"]').forEach(function (element) {
      element.hidden = !zichtbaar;
    });
  }

  function bijwerken(stand) {
    document.querySelectorAll("[data-veld]").forEach(function (element) {
      var sleutel = element.getAttribute("data-veld");
      if (Object.prototype.hasOwnProperty.call(stand, sleutel) && stand[sleutel] !== null) {
        zet(element, String(stand[sleutel]));
      }
    });
    if (balk && typeof stand.voortgang === "number") {
      balk.value = stand.voortgang;
      zet(balk, stand.voortgang + "%");
    }
    var label = blok.querySelector('[data-veld="status_label"]');
    if (label) {
      label.className = "label " + (KLASSEN[stand.status] || "label--gecontroleerd");
    }
    toon("lopend", stand.lopend);
    toon("gereed", stand.gereed);
    toon("mislukt", stand.mislukt);
  }

  function vraag() {
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (antwoord) {
        if (!antwoord.ok) {
          throw new Error("HTTP " + antwoord.status);
        }
        return antwoord.json();
      })
      .then(function (stand) {
        bijwerken(stand);
        if (stand.lopend) {
          window.setTimeout(vraag, INTERVAL);
        }
      })
      .catch(function () {
        window.setTimeout(vraag, INTERVAL * 2);
      });
  }

  if (blok.getAttribute("data-lopend") === "true") {
    window.setTimeout(vraag, INTERVAL);
  }
})();
