/* The executive's experience in the browser: quizzes, progress, self-assessment.
   Everything stays in this browser's localStorage; nothing is sent anywhere.
   Hooked to Material's document$ so it runs again after instant navigation. */
(function () {
  "use strict";

  var KEY = "rm-curriculum-v1";
  var WORDS = {
    en: {
      check: "Check my answer", choose: "Choose an answer first.", right: "✓ Correct.",
      wrong: "✗ Not quite. The right answer: ", score: "You scored {s} out of {n}.", best: "Your best score: {b} out of {n}.",
      again: "Try again", markDone: "Mark this lesson as done", done: "Lesson done",
      doneNote: "Marked as done on this device.", undoneNote: "No longer marked as done.",
      lessonsDone: "{d} of {n} lessons done", quizBest: "best quiz score {b}/{n}", doneMark: "done",
      exportBtn: "Export my progress (JSON)", resetBtn: "Reset my progress",
      resetConfirm: "Erase your progress, quiz scores and self-assessment from this browser?",
      resetDone: "Your progress has been erased from this browser.",
      suggest: "Suggested start: ", suggestWhy: " (your lowest average: {a} out of 4).",
      answerAll: "Answer the statements of at least one path to get a suggestion."
    },
    fr: {
      check: "Vérifier ma réponse", choose: "Choisissez d'abord une réponse.", right: "✓ Bonne réponse.",
      wrong: "✗ Pas tout à fait. La bonne réponse : ", score: "Votre score : {s} sur {n}.", best: "Votre meilleur score : {b} sur {n}.",
      again: "Recommencer", markDone: "Marquer cette leçon comme lue", done: "Leçon lue",
      doneNote: "Marquée comme lue sur cet appareil.", undoneNote: "N'est plus marquée comme lue.",
      lessonsDone: "{d} leçon(s) lue(s) sur {n}", quizBest: "meilleur score au quiz {b}/{n}", doneMark: "lue",
      exportBtn: "Exporter ma progression (JSON)", resetBtn: "Effacer ma progression",
      resetConfirm: "Effacer votre progression, vos scores et votre auto-évaluation de ce navigateur ?",
      resetDone: "Votre progression a été effacée de ce navigateur.",
      suggest: "Nous vous suggérons de commencer par : ", suggestWhy: " (votre moyenne la plus basse : {a} sur 4).",
      answerAll: "Répondez aux affirmations d'au moins un parcours pour obtenir une suggestion."
    }
  };

  function words() {
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    return WORDS[lang] || WORDS.en;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* --- storage --------------------------------------------------------------------------- */

  function emptyState() { return { lessons: {}, quizzes: {}, assessment: {} }; }

  function load() {
    try {
      var state = JSON.parse(window.localStorage.getItem(KEY));
      if (state && typeof state === "object") {
        state.lessons = state.lessons || {};
        state.quizzes = state.quizzes || {};
        state.assessment = state.assessment || {};
        return state;
      }
    } catch (error) { /* no storage, or damaged: start afresh */ }
    return emptyState();
  }

  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (error) { /* private mode */ }
  }

  function button(text, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button " + (className || "");
    element.textContent = text;
    return element;
  }

  /* --- quizzes ----------------------------------------------------------------------------- */

  function setupQuiz(quiz) {
    var w = words();
    var module = quiz.getAttribute("data-module");
    var forms = Array.prototype.slice.call(quiz.querySelectorAll("form.rm-question"));
    var scoreBox = quiz.querySelector(".rm-quiz__score");
    quiz.classList.add("rm-js");

    forms.forEach(function (form) {
      var submit = document.createElement("button");
      submit.type = "submit";
      submit.className = "md-button rm-question__check";
      submit.textContent = w.check;
      form.querySelector("fieldset").appendChild(submit);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        checkQuestion(form);
        showScore();
      });
    });

    function explanation(form, option) {
      var details = form.nextElementSibling;
      while (details && !details.classList.contains("rm-answers")) details = details.nextElementSibling;
      var item = details && details.querySelector('li[data-option="' + option + '"]');
      return item ? item.innerHTML : "";
    }

    function checkQuestion(form) {
      var feedback = form.querySelector(".rm-question__feedback");
      var chosen = Array.prototype.slice.call(form.querySelectorAll("input:checked")).map(function (i) { return i.value; });
      if (!chosen.length) { feedback.textContent = w.choose; return; }
      var answer = form.getAttribute("data-answer").split(" ");
      var right = chosen.length === answer.length && chosen.every(function (c) { return answer.indexOf(c) !== -1; });
      if (!form.hasAttribute("data-result")) form.setAttribute("data-result", right ? "right" : "wrong");
      var shown = right ? chosen : chosen.concat(answer.filter(function (a) { return chosen.indexOf(a) === -1; }));
      feedback.innerHTML = "<p><strong></strong></p><ul></ul>";
      feedback.querySelector("strong").textContent = right ? w.right : w.wrong + answer.join(", ");
      shown.forEach(function (option) {
        var li = document.createElement("li");
        li.innerHTML = explanation(form, option);
        feedback.querySelector("ul").appendChild(li);
      });
      feedback.className = "rm-question__feedback " + (right ? "rm-right" : "rm-wrong");
    }

    function showScore() {
      var answered = forms.filter(function (f) { return f.hasAttribute("data-result"); });
      if (answered.length < forms.length) return;
      var score = answered.filter(function (f) { return f.getAttribute("data-result") === "right"; }).length;
      var state = load();
      var previous = state.quizzes[module];
      if (!previous || score > previous.best) state.quizzes[module] = { best: score, total: forms.length };
      save(state);
      var best = state.quizzes[module].best;
      scoreBox.innerHTML = "<p></p>";
      scoreBox.querySelector("p").textContent = fill(w.score, { s: score, n: forms.length }) + " " +
        fill(w.best, { b: best, n: forms.length });
      var again = button(w.again, "rm-quiz__again");
      again.addEventListener("click", function () {
        forms.forEach(function (form) {
          form.removeAttribute("data-result");
          form.reset();
          var feedback = form.querySelector(".rm-question__feedback");
          feedback.textContent = "";
          feedback.className = "rm-question__feedback";
        });
        scoreBox.textContent = "";
        var first = forms[0] && forms[0].querySelector("input");
        if (first) first.focus();
      });
      scoreBox.appendChild(again);
    }
  }

  /* --- lessons done and progress marks -------------------------------------------------------- */

  function setupLessonDone(box) {
    var w = words();
    var lesson = box.getAttribute("data-lesson");
    var toggle = button("", "rm-lesson-done__button");
    var note = document.createElement("p");
    note.className = "rm-lesson-done__note";
    note.setAttribute("role", "status");
    function paint() {
      var done = !!load().lessons[lesson];
      toggle.setAttribute("aria-pressed", done ? "true" : "false");
      toggle.textContent = done ? "✓ " + w.done : w.markDone;
    }
    toggle.addEventListener("click", function () {
      var state = load();
      if (state.lessons[lesson]) { delete state.lessons[lesson]; note.textContent = w.undoneNote; }
      else { state.lessons[lesson] = new Date().toISOString(); note.textContent = w.doneNote; }
      save(state);
      paint();
    });
    box.textContent = "";
    box.appendChild(toggle);
    box.appendChild(note);
    paint();
  }

  function paintMarks() {
    var w = words();
    var state = load();
    document.querySelectorAll(".rm-lesson-mark").forEach(function (mark) {
      mark.textContent = state.lessons[mark.getAttribute("data-lesson")] ? "✓ " + w.doneMark : "";
    });
    document.querySelectorAll(".rm-quiz-mark").forEach(function (mark) {
      var quiz = state.quizzes[mark.getAttribute("data-module")];
      mark.textContent = quiz ? "✓ " + fill(w.quizBest, { b: quiz.best, n: quiz.total }) : "";
    });
    document.querySelectorAll(".rm-module-progress").forEach(function (mark) {
      var lessons = mark.getAttribute("data-lessons").split(" ").filter(Boolean);
      var done = lessons.filter(function (l) { return state.lessons[l]; }).length;
      var quiz = state.quizzes[mark.getAttribute("data-module")];
      var parts = [];
      if (done) parts.push(fill(w.lessonsDone, { d: done, n: lessons.length }));
      if (quiz) parts.push(fill(w.quizBest, { b: quiz.best, n: quiz.total }));
      mark.textContent = parts.length ? "(" + parts.join(" · ") + ")" : "";
      mark.classList.toggle("rm-complete", done === lessons.length && !!quiz);
    });
  }

  function setupProgressPage(box) {
    var w = words();
    var tools = document.createElement("p");
    tools.className = "rm-progress__tools";
    var exportButton = button(w.exportBtn, "rm-progress__export");
    var resetButton = button(w.resetBtn, "rm-progress__reset");
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    exportButton.addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(load(), null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "curriculum-progress.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
    resetButton.addEventListener("click", function () {
      if (!window.confirm(w.resetConfirm)) return;
      try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing stored */ }
      status.textContent = w.resetDone;
      paintMarks();
    });
    tools.appendChild(exportButton);
    tools.appendChild(document.createTextNode(" "));
    tools.appendChild(resetButton);
    box.insertBefore(tools, box.firstChild);
    box.insertBefore(status, tools.nextSibling);
  }

  /* --- self-assessment -------------------------------------------------------------------------- */

  function setupAssessment(form) {
    var w = words();
    var result = form.querySelector(".rm-assessment__result");
    var state = load();
    form.querySelectorAll("input[type=radio]").forEach(function (input) {
      if (state.assessment[input.name] === input.value) input.checked = true;
    });
    function suggest() {
      var best = null;
      form.querySelectorAll(".rm-assessment__track").forEach(function (track) {
        var values = Array.prototype.slice.call(track.querySelectorAll("input:checked")).map(function (i) { return +i.value; });
        var groups = track.querySelectorAll(".rm-assessment__item").length;
        if (!values.length || values.length < groups) return;
        var average = values.reduce(function (a, b) { return a + b; }, 0) / values.length;
        if (!best || average < best.average) best = { average: average, track: track };
      });
      result.textContent = "";
      if (!best) { result.textContent = w.answerAll; return; }
      var path = best.track.querySelector(".rm-assessment__path a");
      var link = document.createElement("a");
      link.href = path.getAttribute("href");
      link.textContent = path.textContent;
      result.appendChild(document.createTextNode(w.suggest));
      result.appendChild(link);
      result.appendChild(document.createTextNode(fill(w.suggestWhy, { a: best.average.toFixed(1) })));
    }
    form.addEventListener("change", function (event) {
      var s = load();
      s.assessment[event.target.name] = event.target.value;
      save(s);
      suggest();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    suggest();
  }

  /* --- start on every page ---------------------------------------------------------------------- */

  /* The language switcher links straight to this page's twin (both trees share their paths).
     Material's own handler would look the page up in the sitemap and, when the site is served
     under another address than site_url, send the reader to the home page instead. */
  function keepSwitcherLinks() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
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

  function start() {
    document.documentElement.classList.add("rm-has-js");
    keepSwitcherLinks();
    nameSearchDialog();
    document.querySelectorAll(".rm-quiz").forEach(setupQuiz);
    document.querySelectorAll(".rm-lesson-done").forEach(setupLessonDone);
    document.querySelectorAll(".rm-progress").forEach(setupProgressPage);
    document.querySelectorAll(".rm-assessment").forEach(setupAssessment);
    paintMarks();
  }

  /* Printing a quiz shows its answers: open every answer block first. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.rm-answers").forEach(function (d) { d.open = true; });
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
