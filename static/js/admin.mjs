// Small accessibility fixes to the Django admin's own scripts, run once they have.
//
// The two-box "filter horizontal" widget (SelectFilter2.js) adds a search icon: a <span>
// with aria-label and no role, which ARIA does not allow. As an image, its name is allowed.
window.addEventListener("load", () => {
  for (const icon of document.querySelectorAll(".help-tooltip[aria-label]:not([role])")) {
    icon.setAttribute("role", "img");
  }
});
