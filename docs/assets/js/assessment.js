/* The self-assessment: each statement rated 1 to 4, kept in this browser. The page suggests the
   path with the lowest average among the paths that have published modules (data-published), and
   names its first module (data-first-module, and the link the page renders beside the path's). */
(function (RM) {
  "use strict";

  function average(track) {
    var items = track.querySelectorAll(".rm-assessment__item").length;
    var values = Array.prototype.map.call(track.querySelectorAll("input:checked"), function (input) { return +input.value; });
    if (!items || values.length < items) return null;
    return values.reduce(function (a, b) { return a + b; }, 0) / values.length;
  }

  function copyLink(link, text) {
    var copy = document.createElement("a");
    copy.href = link.getAttribute("href");
    copy.textContent = text || link.textContent;
    return copy;
  }

  function setupAssessment(form) {
    var w = RM.words();
    var result = form.querySelector(".rm-assessment__result");
    var saved = RM.store.read().state.assessment;
    form.querySelectorAll("input[type=radio]").forEach(function (input) {
      if (saved[input.name] === input.value) input.checked = true;
    });

    function suggest(onLoad) {
      var best = null;
      form.querySelectorAll('.rm-assessment__track[data-published="true"]').forEach(function (track) {
        var value = average(track);
        if (value !== null && (!best || value < best.average)) best = { average: value, track: track };
      });
      if (!best) { result.textContent = onLoad ? "" : w.answerAll; return; }
      var path = best.track.querySelector(".rm-assessment__path a");
      var first = best.track.querySelector(".rm-assessment__first");
      RM.fillInto(result, w.suggest, {
        track: copyLink(path, best.track.querySelector("legend").textContent),
        module: copyLink(first, best.track.getAttribute("data-first-module")),
        a: RM.number(best.average, 1)
      });
    }

    form.addEventListener("change", function (event) {
      if (event.target.type !== "radio") return;
      RM.store.update(function (state) { state.assessment[event.target.name] = event.target.value; });
      suggest(false);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    suggest(true);
  }

  RM.setupAssessment = setupAssessment;
})(window.rmCurriculum = window.rmCurriculum || {});
