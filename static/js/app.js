// htmx swaps a 422 (the form again, with its error summary) and a 503 (try again) as well as 2xx and
// 3xx; set here rather than in every page's htmx-config meta tag, to keep each page small. htmx
// merges the meta tag's settings when the page is ready, after this script has run.
htmx.config.responseHandling = [
  {code: "204", swap: false},
  {code: "[23]..", swap: true},
  {code: "422", swap: true},
  {code: "503", swap: true, error: true},
  {code: "[45]..", swap: false, error: true},
];

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

// Quick exit: the button, or Shift pressed three times within five seconds, hides the page at once,
// signs out (the answers so far are already saved) and replaces this page in the history with a
// neutral site, so Back does not come straight back here.
(function () {
  var exit = document.querySelector("[data-quick-exit]");
  if (!exit) {
    return;
  }
  var link = exit.querySelector("a");
  var status = null;  // a live region, added at the first press of Shift (nothing to say before)
  var presses = 0;
  var timer = null;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    var signOut = document.querySelector("form[action='/sign-out']");
    if (signOut && navigator.sendBeacon) {
      navigator.sendBeacon(signOut.action, new FormData(signOut));
    }
    document.body.classList.add("govuk-exit-this-page-hide-content");
    var overlay = document.createElement("div");
    overlay.className = "govuk-exit-this-page-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = exit.dataset.loading;
    document.body.appendChild(overlay);
    window.location.replace(link.href);
  }

  function say(text) {
    if (!status) {
      status = document.createElement("span");
      status.className = "govuk-visually-hidden";
      status.setAttribute("role", "status");
      exit.appendChild(status);
    }
    status.textContent = text;
  }

  function forget() {
    presses = 0;
    say("");
  }

  link.addEventListener("click", leave);
  // Only Shift on its own counts: typing a capital letter (Shift held with another key) or any
  // other key starts the count again, so writing "Hi Mum And Dad" never leaves the page.
  var lastKeyWasShifted = false;
  document.addEventListener("keyup", function (event) {
    var shiftedBefore = lastKeyWasShifted;
    lastKeyWasShifted = event.shiftKey;
    if (event.key !== "Shift" || shiftedBefore) {
      if (presses > 0) {
        window.clearTimeout(timer);
        forget();
      }
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= 3) {
      leave();
      return;
    }
    say(presses === 1 ? exit.dataset.press2 : exit.dataset.press1);
    timer = window.setTimeout(forget, 5000);
  }, true);
})();
