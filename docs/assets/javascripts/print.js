/* Print buttons on the print pages. Each is a real <button>, shown only when this script runs
   (without JavaScript the browser's own Print still gives the sheet layout).
   data-print-paper="sheet|card|letter|a4" picks the layout (<html data-print-paper>);
   data-print-card="ID" prints that card alone. Both are cleared once printing is done.
   Runs again on every page swap when Material's instant navigation is on. */
(function () {
  "use strict";
  var root = document.documentElement;

  function clear() {
    root.removeAttribute("data-print-paper");
    var chosen = document.querySelectorAll(".is-print-target");
    for (var i = 0; i < chosen.length; i++) chosen[i].classList.remove("is-print-target");
  }

  function onClick(event) {
    var button = event.currentTarget;
    var paper = button.getAttribute("data-print-paper");
    var card = button.getAttribute("data-print-card");
    clear();
    if (card) {
      var target = document.getElementById(card);
      if (target && target.parentElement) target.parentElement.classList.add("is-print-target");
      paper = "card";
    }
    if (paper) root.setAttribute("data-print-paper", paper);
    window.print();
  }

  function setUp() {
    var buttons = document.querySelectorAll("button.print-button");
    for (var i = 0; i < buttons.length; i++) {
      if (buttons[i].getAttribute("data-print-ready")) continue;
      buttons[i].setAttribute("data-print-ready", "1");
      buttons[i].addEventListener("click", onClick);
      buttons[i].hidden = false;
    }
  }

  window.addEventListener("afterprint", clear);
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
