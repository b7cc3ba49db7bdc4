import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

// The site's one script: start the NHS.UK frontend components (skip link, header menu,
// error summary focus, checkboxes and radios with conditional content, and so on).
//
// initAll() starts nothing unless <body> has the class "nhsuk-frontend-supported", which
// NHS.UK's page template sets from an inline script: meaning "this browser runs ES modules".
// A module script running here proves that, so it sets the class itself; under the strict
// CSP an inline script would need the nonce.
//
// collectstatic rewrites the relative path above to the hashed file name
// (core.storage.StaticFilesStorage). The import statement stays first: Django's rewriting
// rule can begin a match at the word "import" in a comment above it, and then skips it.
document.body.classList.add("nhsuk-frontend-supported");
initAll();

// An answer the page was asked for (the postcode finder's card) takes focus when the page
// loads, so a screen reader reads it first: the element has tabindex="-1" and this attribute.
// The error summary takes focus instead when the form has errors (initAll, above).
const answer = document.querySelector("[data-focus-on-load]");
if (answer && !document.querySelector(".nhsuk-error-summary")) {
  answer.focus();
}
