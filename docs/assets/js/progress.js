/* What the reader has done: lessons marked done, marks on the module and path pages, the last
   module page opened ("resume where I left off" on the home page), and the progress page: export,
   import (checked, merged, asking before anything is replaced), a link or code that carries the
   progress to another device, reset. */
(function (RM) {
  "use strict";

  function button(text, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button " + (className || "");
    element.textContent = text;
    return element;
  }
  RM.button = button;

  /* --- where the page sits: the language's root, as Material's configuration gives it ------------ */

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  /* "modules/x/lesson" for .../modules/x/lesson/ online and .../modules/x/lesson.html from disk. */
  function pageId() {
    var path = location.href.split(/[?#]/)[0];
    var root = siteRoot().href;
    if (path.indexOf(root) !== 0) return "";
    return decodeURIComponent(path.slice(root.length)).replace(/(\/index)?\.html$/, "").replace(/\/$/, "");
  }

  /* The address of a page id in this edition: directory URLs online, .html files from disk. */
  function pageHref(id) {
    var fromDisk = /\.html$/.test(location.pathname) || location.protocol === "file:";
    return new URL(id + (fromDisk ? ".html" : "/"), siteRoot()).href;
  }

  function recordVisit() {
    var id = pageId();
    var heading = document.querySelector("article h1");
    if (!/^modules\//.test(id) || !heading) return;
    RM.store.update(function (state) {
      var titles = state.last && state.last.page === id ? state.last.titles : {};
      titles[RM.lang()] = heading.textContent.trim().slice(0, 300);
      state.last = { page: id, at: new Date().toISOString(), titles: titles };
    }, true);  // quiet: the reader only opened a page
  }

  function paintResume(box) {
    var last = RM.store.read().state.last;
    box.textContent = "";
    box.hidden = !last;
    if (!last) return;
    var w = RM.words();
    var link = document.createElement("a");
    link.href = pageHref(last.page);
    link.textContent = last.titles[RM.lang()] || w.lastPage;  // the title is known in the language it was read in
    RM.fillInto(box, w.resume, { label: box.getAttribute("data-label") || "", link: link, date: RM.date(last.at) });
  }

  /* --- lessons done and the marks on overview pages ------------------------------------------------ */

  function setupLessonDone(box) {
    var w = RM.words();
    var lesson = box.getAttribute("data-lesson");
    var toggle = button("", "rm-lesson-done__button");
    var note = document.createElement("p");
    note.className = "rm-lesson-done__note";
    note.setAttribute("role", "status");
    function paint() {
      var done = RM.store.read().state.lessons[lesson] !== undefined;
      toggle.setAttribute("aria-pressed", done ? "true" : "false");
      toggle.textContent = done ? "✓ " + w.done : w.markDone;
    }
    toggle.addEventListener("click", function () {
      var done;
      RM.store.update(function (state) {
        done = state.lessons[lesson] === undefined;
        if (done) state.lessons[lesson] = new Date().toISOString();
        else delete state.lessons[lesson];
      });
      note.textContent = done ? w.doneNote : w.undoneNote;
      paint();
    });
    box.textContent = "";
    box.appendChild(toggle);
    box.appendChild(note);
    paint();
  }

  function paintMarks() {
    var w = RM.words();
    var state = RM.store.read().state;
    function quizText(quiz) { return RM.fill(w.quizBest, { b: quiz.best, n: quiz.total }); }
    document.querySelectorAll(".rm-lesson-mark").forEach(function (mark) {
      mark.textContent = state.lessons[mark.getAttribute("data-lesson")] !== undefined ? "✓ " + w.doneMark : "";
    });
    document.querySelectorAll(".rm-quiz-mark").forEach(function (mark) {
      var quiz = state.quizzes[mark.getAttribute("data-module")];
      mark.textContent = quiz ? "✓ " + quizText(quiz) : "";
    });
    document.querySelectorAll(".rm-module-progress").forEach(function (mark) {
      var lessons = mark.getAttribute("data-lessons").split(" ").filter(Boolean);
      var done = lessons.filter(function (l) { return state.lessons[l] !== undefined; }).length;
      var quiz = state.quizzes[mark.getAttribute("data-module")];
      var parts = [];
      if (done) parts.push(RM.fill(RM.plural(w.lessonsDone, done), { d: done, n: lessons.length }));
      if (quiz) parts.push(quizText(quiz));
      mark.textContent = parts.length ? "(" + parts.join(" · ") + ")" : "";
      mark.classList.toggle("rm-complete", done === lessons.length && !!quiz);
    });
    document.querySelectorAll(".rm-resume").forEach(paintResume);
  }

  /* --- the progress page ---------------------------------------------------------------------------- */

  function download(text, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function copyText(field, status, w) {
    field.select();
    var done = function () { status.textContent = w.copied; };
    var failed = function () { status.textContent = w.copyFailed; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(field.value).then(done, failed);
    else {
      try { if (document.execCommand("copy")) done(); else failed(); } catch (error) { failed(); }
    }
  }

  function setupProgressPage(box) {
    var w = RM.words();
    var status = document.createElement("p");
    status.className = "rm-progress__status";
    status.setAttribute("role", "status");
    var tools = document.createElement("div");
    tools.className = "rm-progress__tools";

    function refused(key, error) {
      var why = error instanceof RM.store.Refusal ? RM.fill(w[error.key], error.values) : w.whyNotProgress;
      status.textContent = RM.fill(w[key], { why: why });
    }

    /* Merges what was read into this browser's progress, asking before any answer is replaced. */
    function take(incoming) {
      var current = RM.store.read().state;
      var merged = RM.store.merge(current, incoming);
      var conflicts = merged.conflicts.length;
      if (conflicts && window.confirm(RM.fill(RM.plural(w.conflicts, conflicts), { n: conflicts }))) {
        RM.store.takeAnswers(merged, incoming);
      }
      var added = merged.added;
      if (!added.lessons && !added.quizzes && !added.answers && JSON.stringify(merged.state.last) === JSON.stringify(current.last)) {
        status.textContent = w.nothingNew;
        return;
      }
      if (RM.store.save(merged.state)) status.textContent = RM.fill(w.imported, { summary: RM.summary(added) });
      paintMarks();
    }

    var exportButton = button(w.exportBtn, "rm-progress__export");
    exportButton.addEventListener("click", function () { download(RM.store.exportText(), "curriculum-progress.json"); });

    var fileInput = document.createElement("input");
    fileInput.type = "file";
    fileInput.accept = ".json,application/json";
    fileInput.hidden = true;
    fileInput.className = "rm-progress__file";
    var importButton = button(w.importBtn, "rm-progress__import");
    importButton.addEventListener("click", function () { fileInput.click(); });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      fileInput.value = "";
      if (!file) return;
      if (file.size > 1000000) { refused("fileRefused", new RM.store.Refusal("whyTooBig")); return; }
      file.text().then(function (text) {
        try { take(RM.store.parseProgress(text)); } catch (error) { refused("fileRefused", error); }
      }, function (error) { refused("fileRefused", error); });
    });

    var resetButton = button(w.resetBtn, "rm-progress__reset");
    resetButton.addEventListener("click", function () {
      if (!window.confirm(w.resetConfirm)) return;
      RM.store.erase();
      status.textContent = w.resetDone;
      paintMarks();
      paintUnreadable();
    });

    [exportButton, importButton, resetButton].forEach(function (element) {
      tools.appendChild(element);
      tools.appendChild(document.createTextNode(" "));
    });
    tools.appendChild(fileInput);

    var unreadable = document.createElement("p");
    unreadable.className = "rm-progress__unreadable";
    function paintUnreadable() {
      var copies = RM.store.unreadable();
      unreadable.textContent = copies.length ? RM.fill(w.unreadable, { date: RM.date(copies[0].found) }) : "";
    }

    /* Below the lists, in the place the page keeps for them: added above, they would push the
       lists down after the first paint. */
    var place = box.querySelector(".rm-progress__manage");
    [tools, status, unreadable, shareSection(w, status, refused, take)].forEach(function (element) {
      place.appendChild(element);
    });
    paintUnreadable();
    offerLinkedProgress(w, status, refused, take);
  }

  /* "Continue on another device": make a link (or, from disk, a code), or paste one. */
  function shareSection(w, status, refused, take) {
    var fromDisk = location.protocol === "file:";
    var section = document.createElement("section");
    section.className = "rm-share";
    section.setAttribute("aria-labelledby", "rm-share-title");
    var title = section.appendChild(document.createElement("h3"));
    title.id = "rm-share-title";
    title.textContent = w.shareTitle;
    section.appendChild(document.createElement("p")).textContent = fromDisk ? w.shareIntroOffline : w.shareIntro;

    var make = section.appendChild(button(fromDisk ? w.codeBtn : w.shareBtn, "rm-share__make"));
    var made = section.appendChild(document.createElement("p"));
    made.className = "rm-share__made";
    made.hidden = true;
    var label = made.appendChild(document.createElement("label"));
    label.htmlFor = "rm-share-out";
    label.textContent = fromDisk ? w.codeLabel : w.linkLabel;
    var out = made.appendChild(document.createElement("textarea"));
    out.id = "rm-share-out";
    out.readOnly = true;
    out.rows = 3;
    var copy = made.appendChild(button(w.copyBtn, "rm-share__copy"));
    make.addEventListener("click", function () {
      RM.store.encode(RM.store.read().state).then(function (code) {
        out.value = fromDisk ? code : location.href.split("#")[0] + "#import=" + code;
        made.hidden = false;
        out.focus();
        out.select();
      });
    });
    copy.addEventListener("click", function () { copyText(out, status, w); });

    var paste = section.appendChild(document.createElement("p"));
    paste.className = "rm-share__paste";
    var pasteLabel = paste.appendChild(document.createElement("label"));
    pasteLabel.htmlFor = "rm-share-in";
    pasteLabel.textContent = w.pasteLabel;
    var input = paste.appendChild(document.createElement("input"));
    input.id = "rm-share-in";
    input.type = "text";
    input.autocomplete = "off";
    input.spellcheck = false;
    var go = paste.appendChild(button(w.pasteBtn, "rm-share__import"));
    go.addEventListener("click", function () {
      RM.store.decode(input.value).then(function (incoming) { input.value = ""; take(incoming); },
                                       function (error) { refused("codeRefused", error); });
    });
    return section;
  }

  /* Opened from a link that carries progress: say what it holds and add it only if the reader agrees. */
  function offerLinkedProgress(w, status, refused, take) {
    if (location.hash.indexOf("#import=") !== 0) return;
    var code = location.hash;
    history.replaceState(null, "", location.href.split("#")[0]);
    RM.store.decode(code).then(function (incoming) {
      var offer = document.createElement("div");
      offer.className = "rm-share__offer admonition";
      var text = offer.appendChild(document.createElement("p"));
      text.textContent = RM.fill(w.linkOffer, { summary: RM.summary(RM.store.summary(incoming)) });
      var accept = offer.appendChild(button(w.linkAccept, "md-button--primary rm-share__accept"));
      offer.appendChild(document.createTextNode(" "));
      var ignore = offer.appendChild(button(w.linkIgnore, "rm-share__ignore"));
      accept.addEventListener("click", function () { offer.remove(); take(incoming); });
      ignore.addEventListener("click", function () { offer.remove(); });
      status.parentNode.insertBefore(offer, status);
      accept.focus();
    }, function (error) { refused("codeRefused", error); });
  }

  RM.recordVisit = recordVisit;
  RM.setupLessonDone = setupLessonDone;
  RM.paintMarks = paintMarks;
  RM.setupProgressPage = setupProgressPage;
})(window.rmCurriculum = window.rmCurriculum || {});
