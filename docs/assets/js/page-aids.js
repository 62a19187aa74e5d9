/* Help on every page: glossary definitions that the keyboard and touch reach (not only the mouse),
   wide tables that say they scroll, a notice when progress could not be saved, and two fixes to
   Material (the search dialog's name, the language switcher's links). */
(function (RM) {
  "use strict";

  /* --- glossary definitions: abbr[title] from the glossary, shown in one tooltip ----------------- */
  /* Focus or hover shows it; it stays while the pointer is on the term or on the tooltip; Escape,
     blur or leaving closes it (WCAG 1.4.13). The text is read out as the term's description. */

  var tip = null;
  var shownFor = null;
  var hideTimer = null;

  function tooltip() {
    if (tip && document.body.contains(tip)) return tip;
    tip = document.createElement("div");
    tip.id = "rm-tooltip";
    tip.className = "rm-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", cancelHide);
    tip.addEventListener("mouseleave", function () { hideSoon(); });
    document.body.appendChild(tip);
    return tip;
  }

  function place() {
    if (!shownFor) return;
    var box = shownFor.getBoundingClientRect();
    var gap = 6;
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var top = box.bottom + gap + height > window.innerHeight && box.top - gap - height > 0 ? box.top - gap - height : box.bottom + gap;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tip.style.top = Math.round(top) + "px";
    tip.style.left = Math.round(left) + "px";
  }

  /* A pending close is marked (data-closing) until it happens or is called off. */
  function cancelHide() {
    clearTimeout(hideTimer);
    if (tip) tip.removeAttribute("data-closing");
  }

  function show(term) {
    cancelHide();
    if (shownFor && shownFor !== term) shownFor.removeAttribute("aria-describedby");
    tooltip().textContent = term.getAttribute("data-definition");
    tip.hidden = false;
    shownFor = term;
    term.setAttribute("aria-describedby", tip.id);
    place();
  }

  function hide() {
    cancelHide();
    if (tip) tip.hidden = true;
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  function hideSoon() {
    cancelHide();
    if (!tip || tip.hidden) return;
    // time to move the pointer from the term onto the tooltip; a focused term keeps it open
    tip.setAttribute("data-closing", "");
    hideTimer = setTimeout(function () {
      if (shownFor !== document.activeElement) hide();
      else cancelHide();
    }, 300);
  }

  function setupGlossaryTerm(term) {
    term.setAttribute("data-definition", term.getAttribute("title"));
    term.removeAttribute("title");  // no second, native tooltip
    term.tabIndex = 0;
    term.classList.add("rm-term");
    term.addEventListener("mouseenter", function () { show(term); });
    term.addEventListener("mouseleave", hideSoon);
    term.addEventListener("focus", function () { show(term); });
    term.addEventListener("blur", hide);
    term.addEventListener("click", function () { show(term); });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shownFor) hide();
  });
  window.addEventListener("scroll", place, { passive: true });
  window.addEventListener("resize", place);

  /* --- wide tables on small screens ------------------------------------------------------------ */

  function markScrollingTables() {
    var w = RM.words();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      var hint = wrap.previousElementSibling && wrap.previousElementSibling.classList.contains("rm-scroll-hint")
        ? wrap.previousElementSibling : null;
      wrap.classList.toggle("rm-scrolls", scrolls);
      if (scrolls) {
        wrap.tabIndex = 0;  // the keyboard scrolls it too
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", w.tableScrolls);
        if (!hint) {
          hint = document.createElement("p");
          hint.className = "rm-scroll-hint";
          hint.setAttribute("aria-hidden", "true");
          hint.textContent = "↔ " + w.tableScrolls;
          wrap.parentNode.insertBefore(hint, wrap);
        }
      } else {
        ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
        if (hint) hint.remove();
      }
    });
  }

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(markScrollingTables, 200);
  });

  /* --- when progress could not be saved: one notice, announced, on every page ----------------- */

  function saveAlert() {
    var box = document.querySelector(".rm-alert");
    if (!box) {
      box = document.createElement("div");
      box.className = "rm-alert";
      box.setAttribute("role", "alert");
      document.body.appendChild(box);
    }
    return box;
  }

  RM.store.onSaveFailed(function (problem) {
    var w = RM.words();
    var box = saveAlert();
    box.textContent = "";
    box.appendChild(document.createElement("p")).textContent = RM.fill(w.notSaved, { why: w[problem] });
    var close = box.appendChild(RM.button(w.dismiss, "rm-alert__close"));
    close.addEventListener("click", function () { box.textContent = ""; });
  });

  /* --- Material ------------------------------------------------------------------------------- */

  /* The language switcher links straight to this page's twin (both trees share their paths).
     Material's own handler would look the page up in the sitemap and, when the site is served
     under another address than site_url (or from disk), send the reader to the home page instead. */
  function keepSwitcherLinks() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
      if (link.hasAttribute("data-rm-ready")) return;
      link.setAttribute("data-rm-ready", "");
      link.addEventListener("click", function (event) { event.stopPropagation(); });
    });
  }

  /* Material's search is a dialog without a name; screen readers announce it by its field's label. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var field = document.querySelector(".md-search__input");
    if (dialog && field && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", field.getAttribute("aria-label") || "Search");
    }
  }

  RM.setupPageAids = function () {
    hide();
    saveAlert();
    keepSwitcherLinks();
    nameSearchDialog();
    document.querySelectorAll(".md-content abbr[title]").forEach(setupGlossaryTerm);
    markScrollingTables();
  };
})(window.rmCurriculum = window.rmCurriculum || {});
