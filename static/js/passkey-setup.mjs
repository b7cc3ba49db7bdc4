// The second-factor set-up page: once a passkey is registered (django-otp-webauthn's script
// announces it), go on to the recovery codes, at the address the page gives.
const setup = document.querySelector("[data-passkey-next]");
if (setup) {
  document.addEventListener("otp_webauthn.register_complete", () => {
    window.location.assign(setup.dataset.passkeyNext);
  });
}
