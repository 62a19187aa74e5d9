/* Quizzes: each answer is checked on its own, with the explanations the page already holds.
   The first check of each question counts for the score (the page says so); the reader may then
   try the other options to read their explanations. The score is announced once every question
   has an answer; until then the page says which ones are still unanswered. */
(function (RM) {
  "use strict";

  function optionsChosen(form) {
    return Array.prototype.map.call(form.querySelectorAll("input:checked"), function (input) { return input.value; });
  }

  /* The explanation of one option, from the answers block that follows the form. */
  function explanation(form, option) {
    var answers = form.nextElementSibling;
    while (answers && !answers.classList.contains("rm-answers")) answers = answers.nextElementSibling;
    var item = answers && answers.querySelector('li[data-option="' + CSS.escape(option) + '"]');
    var copy = document.createElement("li");
    if (item) Array.prototype.forEach.call(item.childNodes, function (node) { copy.appendChild(node.cloneNode(true)); });
    return copy;
  }

  function setupQuiz(quiz) {
    var w = RM.words();
    var module = quiz.getAttribute("data-module");
    var forms = Array.prototype.slice.call(quiz.querySelectorAll("form.rm-question"));
    var bestLine = quiz.querySelector(".rm-quiz__best");
    var progressLine = quiz.querySelector(".rm-quiz__progress");
    var scoreBox = quiz.querySelector(".rm-quiz__score");

    forms.forEach(function (form) {
      form.querySelector(".rm-question__check").disabled = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (checkQuestion(form)) afterCheck(form);
      });
    });

    function checkQuestion(form) {
      var feedback = form.querySelector(".rm-question__feedback");
      var chosen = optionsChosen(form);
      if (!chosen.length) {
        feedback.className = "rm-question__feedback";
        feedback.textContent = w.choose;
        return false;
      }
      var answer = form.getAttribute("data-answer").split(" ");
      var right = chosen.length === answer.length && chosen.every(function (c) { return answer.indexOf(c) !== -1; });
      var first = !form.hasAttribute("data-result");
      if (first) form.setAttribute("data-result", right ? "right" : "wrong");
      var shown = right ? chosen : chosen.concat(answer.filter(function (a) { return chosen.indexOf(a) === -1; }));
      var verdict = document.createElement("p");
      var strong = verdict.appendChild(document.createElement("strong"));
      strong.textContent = right ? w.right : RM.fill(w.wrong, { answer: answer.join(", ") });
      var list = document.createElement("ul");
      shown.forEach(function (option) { list.appendChild(explanation(form, option)); });
      feedback.textContent = "";
      feedback.appendChild(verdict);
      if (!first) {
        var counted = form.getAttribute("data-result") === "right" ? w.verdictRight : w.verdictWrong;
        var note = feedback.appendChild(document.createElement("p"));
        note.className = "rm-question__counted";
        note.textContent = RM.fill(w.firstCounts, { verdict: counted });
      }
      feedback.appendChild(list);
      feedback.className = "rm-question__feedback " + (right ? "rm-right" : "rm-wrong");
      return true;
    }

    function unanswered() {
      return forms.filter(function (form) { return !form.hasAttribute("data-result"); });
    }

    function paintProgress() {
      var missing = unanswered();
      progressLine.textContent = "";
      if (!missing.length || missing.length === forms.length) return;
      progressLine.appendChild(document.createTextNode(
        RM.fill(w.answered, { a: forms.length - missing.length, n: forms.length }) + " " + w.unanswered));
      missing.forEach(function (form, index) {
        var link = document.createElement("a");
        link.href = "#" + form.id;
        link.textContent = RM.fill(w.questionN, { n: +form.getAttribute("data-number") });
        if (index) progressLine.appendChild(document.createTextNode(", "));
        progressLine.appendChild(link);
      });
      progressLine.appendChild(document.createTextNode("."));
    }

    function afterCheck(form) {
      paintProgress();
      var missing = unanswered();
      if (!missing.length) { showScore(); return; }
      // checking the last question with others still open: say which (the score box is announced)
      if (form === forms[forms.length - 1]) {
        scoreBox.textContent = RM.fill(w.stillUnanswered, { list: missing.map(function (f) {
          return RM.fill(w.questionN, { n: +f.getAttribute("data-number") });
        }).join(", ") });
      }
    }

    function paintBest() {
      var entry = RM.store.read().state.quizzes[module];
      bestLine.textContent = entry && entry.total === forms.length
        ? RM.fill(entry.at ? w.previousBest : w.best, { b: entry.best, n: entry.total, date: RM.date(entry.at) }) : "";
    }

    function showScore() {
      if (scoreBox.querySelector(".rm-quiz__again")) return;  // shown already: later checks change nothing
      var score = forms.filter(function (f) { return f.getAttribute("data-result") === "right"; }).length;
      var previous = RM.store.read().state.quizzes[module];
      var better = !previous || previous.total !== forms.length || score > previous.best;
      if (better) {
        RM.store.update(function (state) {
          state.quizzes[module] = { best: score, total: forms.length, at: new Date().toISOString() };
        });
      }
      var line = document.createElement("p");
      line.textContent = RM.fill(w.score, { s: score, n: forms.length }) + " " +
        (better ? w.newBest : RM.fill(w.best, { b: previous.best, n: forms.length }));
      var again = document.createElement("button");
      again.type = "button";
      again.className = "md-button rm-quiz__again";
      again.textContent = w.again;
      again.addEventListener("click", tryAgain);
      scoreBox.textContent = "";
      scoreBox.appendChild(line);
      scoreBox.appendChild(again);
      paintBest();
    }

    function tryAgain() {
      forms.forEach(function (form) {
        form.removeAttribute("data-result");
        form.reset();
        var feedback = form.querySelector(".rm-question__feedback");
        feedback.textContent = "";
        feedback.className = "rm-question__feedback";
      });
      scoreBox.textContent = "";
      paintProgress();
      var first = forms[0] && forms[0].querySelector("input");
      if (first) first.focus();
    }

    paintBest();
  }

  RM.setupQuiz = setupQuiz;
})(window.rmCurriculum = window.rmCurriculum || {});
