// After htmx swaps in the next screen, move focus to its error summary or heading, as a page load
// would for a screen reader user. Autosave's "Saved" and help panel swap into a live region instead
// and leave focus where it is.
document.addEventListener("htmx:afterSettle", function (event) {
  if (event.detail.target && event.detail.target.id !== "main-content") {
    return;
  }
  var target = document.querySelector("#main-content .govuk-error-summary") ||
    document.querySelector("#main-content h1");
  if (target) {
    target.setAttribute("tabindex", "-1");
    target.focus();
  }
});
