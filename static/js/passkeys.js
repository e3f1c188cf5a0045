/*
 * After django-otp-webauthn's own script registered a passkey
 * (its event otp_webauthn.register_complete), go on to the page named by
 * data-passkey-na-registratie: the list of passkeys again, or at the first
 * log-in the recovery codes. The ceremony itself is the library's
 * (django_otp_webauthn/otp_webauthn_register.js).
 */
(function () {
  "use strict";

  var blok = document.querySelector("[data-passkey-na-registratie]");
  if (!blok) {
    return;
  }
  document.addEventListener("otp_webauthn.register_complete", function () {
    window.location.assign(blok.getAttribute("data-passkey-na-registratie"));
  });
})();
