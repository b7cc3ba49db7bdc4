// The NHS.UK frontend styles its enhanced components (the header's menu, for one) under the
// class "nhsuk-frontend-supported", meaning "this browser runs ES modules". NHS.UK's page
// template sets it from an inline script as the body opens; under the strict CSP this site
// keeps, a small classic script in <head> sets it on <html> instead, before the page is first
// drawn, so the header does not move when main.mjs starts the components (a layout shift).
if ("noModule" in HTMLScriptElement.prototype) {
  document.documentElement.classList.add("nhsuk-frontend-supported");
}
