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
