// After htmx swaps in the next screen, move focus to its error summary or heading, as a page load
// would for a screen reader user.
document.addEventListener("htmx:afterSettle", function () {
  var target = document.querySelector("#main-content .govuk-error-summary") ||
    document.querySelector("#main-content h1");
  if (target) {
    target.setAttribute("tabindex", "-1");
    target.focus();
  }
});
