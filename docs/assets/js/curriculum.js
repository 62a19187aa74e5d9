/* The executive's experience in the browser: quizzes, progress, self-assessment, glossary terms.
   Everything stays in this browser's localStorage; nothing is sent anywhere. The parts live in
   words.js, store.js, quiz.js, progress.js, assessment.js and page-aids.js; this file starts them
   on every page.

   Material's instant navigation swaps pages without reloading and announces each one on its
   `document$` stream. From disk (the offline edition) that stream may never announce anything, so
   the page's own DOMContentLoaded starts the script too: each part marks what it has set up
   (data-rm-ready) and starting twice does nothing twice. */
(function (RM) {
  "use strict";

  function once(selector, setup) {
    document.querySelectorAll(selector).forEach(function (element) {
      if (element.hasAttribute("data-rm-ready")) return;
      element.setAttribute("data-rm-ready", "");
      setup(element);
    });
  }

  function start() {
    // rm-has-js is set in the head already (overrides/main.html); rm-started says this script ran.
    document.documentElement.classList.add("rm-has-js", "rm-started");
    RM.setupPageAids();
    once(".rm-quiz", RM.setupQuiz);
    once(".rm-lesson-done", RM.setupLessonDone);
    once(".rm-progress", RM.setupProgressPage);
    once(".rm-assessment", RM.setupAssessment);
    RM.recordVisit();
    RM.paintMarks();
  }

  /* Printing a quiz shows its answers: open every answer block first. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.rm-answers").forEach(function (d) { d.open = true; });
  });

  RM.store.onOtherTab(function () { RM.paintMarks(); });

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window.rmCurriculum = window.rmCurriculum || {});
