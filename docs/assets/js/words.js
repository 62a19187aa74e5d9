/* The browser script's own words in each language, and numbers and dates by locale (Intl).
   French typography: U+202F (narrow no-break space) before ; ! ? and U+00A0 (no-break space)
   before : and inside « ». Loaded first: the other scripts read window.rmCurriculum. */
(function (RM) {
  "use strict";

  var NNBSP = "\u202f";
  var NBSP = "\u00a0";

  RM.WORDS = {
    en: {
      choose: "Choose an answer first.",
      right: "✓ Right.", wrong: "✗ Wrong. The right answer: {answer}.",
      firstCounts: "Your score keeps your first answer to this question ({verdict}).",
      verdictRight: "right", verdictWrong: "wrong",
      answered: "Answered: {a} of {n}.", unanswered: "Still unanswered: ", questionN: "question {n}",
      stillUnanswered: "Still unanswered: {list}.",
      score: "You scored {s} out of {n}.", best: "Your best score: {b} out of {n}.", newBest: "This is your best score so far.",
      previousBest: "Your best score on this quiz: {b} out of {n}, on {date}.",
      again: "Try again",
      notSaved: "Your progress could not be saved on this device: {why} Export it from the progress page to keep it.",
      whyFull: "the browser's storage is full.",
      whyBlocked: "this browser does not let pages keep data (private browsing, or its settings).",
      dismiss: "Close",
      markDone: "Mark this lesson as done", done: "Lesson done",
      doneNote: "Marked as done on this device.", undoneNote: "No longer marked as done.",
      lessonsDone: { one: "{d} of {n} lessons done", other: "{d} of {n} lessons done" },
      quizBest: "best quiz score {b}/{n}", doneMark: "done",
      exportBtn: "Export my progress (file)", importBtn: "Import a progress file", resetBtn: "Reset my progress",
      resetConfirm: "Erase your progress, quiz scores and self-assessment from this browser?",
      resetDone: "Your progress has been erased from this browser.",
      fileRefused: "This file was not imported: {why}", codeRefused: "This link or code was not imported: {why}",
      whyNotJson: "it is not a progress file from this site (it cannot be read as JSON).",
      whyNotProgress: "it is not a progress file from this site.",
      whyTooBig: "it is too large to be a progress file.",
      whyVersion: "it was saved by another version of this site (format {v}).",
      whyEntry: "one of its entries is not valid ({entry}).",
      whyTooMany: "it holds too many entries.",
      whyCode: "the code is incomplete or damaged; copy it again in full.",
      whyNoDecompression: "this browser cannot read compressed codes; use the export file instead.",
      imported: "Imported: {summary}. Nothing this browser held was removed.",
      nothingNew: "Nothing new to import: this browser already holds all of it.",
      lessonsCount: { one: "{n} lesson done", other: "{n} lessons done" },
      quizzesCount: { one: "{n} quiz score", other: "{n} quiz scores" },
      answersCount: { one: "{n} self-assessment answer", other: "{n} self-assessment answers" },
      nothing: "nothing yet",
      conflicts: { one: "The import has another self-assessment answer for {n} statement. Replace this browser's answer with the imported one? (Cancel keeps this browser's answer.)",
                   other: "The import has other self-assessment answers for {n} statements. Replace this browser's answers with the imported ones? (Cancel keeps this browser's answers.)" },
      shareTitle: "Continue on another device",
      shareIntro: "Make a link that carries your progress: nothing is sent anywhere, the progress is inside the link. Open it on your other device, on this site or in its offline edition.",
      shareIntroOffline: "Make a code that carries your progress: nothing is sent anywhere, the progress is inside the code. Paste it on the progress page of your other device.",
      shareBtn: "Make a link", codeBtn: "Make a code", copyBtn: "Copy", copied: "Copied.",
      copyFailed: "Select the text and copy it yourself.",
      linkLabel: "Link to open on your other device", codeLabel: "Code to paste on your other device",
      pasteLabel: "A link or code from your other device", pasteBtn: "Import",
      linkOffer: "This link carries progress from another device: {summary}. Add it to what this browser holds?",
      linkAccept: "Add it", linkIgnore: "Ignore",
      unreadable: "This browser held progress data that this version of the site could not fully read (found on {date}). It is kept, and your export includes it.",
      suggest: "Suggested start: the path “{track}”, beginning with its first module, “{module}” (your lowest average: {a} out of 4).",
      answerAll: "Rate every statement of at least one path that has modules to get a suggestion.",
      resume: "{label}: {link} (last opened on {date}).", lastPage: "the page you opened last",
      tableScrolls: "Scroll sideways to see the whole table"
    },
    fr: {
      choose: "Choisissez d'abord une réponse.",
      right: "✓ Juste.", wrong: "✗ Faux. La bonne réponse" + NBSP + ": {answer}.",
      firstCounts: "Votre score retient votre première réponse à cette question ({verdict}).",
      verdictRight: "juste", verdictWrong: "fausse",
      answered: "Réponses" + NBSP + ": {a} sur {n}.", unanswered: "Sans réponse pour l'instant" + NBSP + ": ",
      questionN: "question {n}",
      stillUnanswered: "Sans réponse pour l'instant" + NBSP + ": {list}.",
      score: "Votre score" + NBSP + ": {s} sur {n}.", best: "Votre meilleur score" + NBSP + ": {b} sur {n}.",
      newBest: "C'est votre meilleur score jusqu'ici.",
      previousBest: "Votre meilleur score à ce quiz" + NBSP + ": {b} sur {n}, le {date}.",
      again: "Recommencer",
      notSaved: "Votre progression n'a pas pu être enregistrée sur cet appareil" + NBSP + ": {why} Exportez-la depuis la page de progression pour la conserver.",
      whyFull: "l'espace de stockage du navigateur est plein.",
      whyBlocked: "ce navigateur ne permet pas aux pages de conserver des données (navigation privée, ou ses réglages).",
      dismiss: "Fermer",
      markDone: "Marquer cette leçon comme lue", done: "Leçon lue",
      doneNote: "Marquée comme lue sur cet appareil.", undoneNote: "N'est plus marquée comme lue.",
      lessonsDone: { one: "{d} leçon lue sur {n}", other: "{d} leçons lues sur {n}" },
      quizBest: "meilleur score au quiz {b}/{n}", doneMark: "lue",
      exportBtn: "Exporter ma progression (fichier)", importBtn: "Importer un fichier de progression",
      resetBtn: "Effacer ma progression",
      resetConfirm: "Effacer votre progression, vos scores et votre auto-évaluation de ce navigateur" + NNBSP + "?",
      resetDone: "Votre progression a été effacée de ce navigateur.",
      fileRefused: "Ce fichier n'a pas été importé" + NBSP + ": {why}",
      codeRefused: "Ce lien ou ce code n'a pas été importé" + NBSP + ": {why}",
      whyNotJson: "ce n'est pas un fichier de progression de ce site (il ne se lit pas comme du JSON).",
      whyNotProgress: "ce n'est pas un fichier de progression de ce site.",
      whyTooBig: "il est trop volumineux pour être un fichier de progression.",
      whyVersion: "il a été enregistré par une autre version de ce site (format {v}).",
      whyEntry: "une de ses entrées n'est pas valide ({entry}).",
      whyTooMany: "il contient trop d'entrées.",
      whyCode: "le code est incomplet ou abîmé" + NNBSP + "; copiez-le de nouveau en entier.",
      whyNoDecompression: "ce navigateur ne sait pas lire les codes compressés" + NNBSP + "; utilisez plutôt le fichier d'export.",
      imported: "Importé" + NBSP + ": {summary}. Rien de ce que contenait ce navigateur n'a été supprimé.",
      nothingNew: "Rien de nouveau à importer" + NBSP + ": ce navigateur contient déjà tout.",
      lessonsCount: { one: "{n} leçon lue", other: "{n} leçons lues" },
      quizzesCount: { one: "{n} score de quiz", other: "{n} scores de quiz" },
      answersCount: { one: "{n} réponse d'auto-évaluation", other: "{n} réponses d'auto-évaluation" },
      nothing: "rien pour l'instant",
      conflicts: { one: "L'import contient une autre réponse d'auto-évaluation pour {n} affirmation. Remplacer la réponse de ce navigateur par celle de l'import" + NNBSP + "? (Annuler garde celle de ce navigateur.)",
                   other: "L'import contient d'autres réponses d'auto-évaluation pour {n} affirmations. Remplacer les réponses de ce navigateur par celles de l'import" + NNBSP + "? (Annuler garde celles de ce navigateur.)" },
      shareTitle: "Continuer sur un autre appareil",
      shareIntro: "Créez un lien qui contient votre progression" + NBSP + ": rien n'est envoyé nulle part, la progression est dans le lien. Ouvrez-le sur votre autre appareil, sur ce site ou dans son édition hors connexion.",
      shareIntroOffline: "Créez un code qui contient votre progression" + NBSP + ": rien n'est envoyé nulle part, la progression est dans le code. Collez-le dans la page de progression de votre autre appareil.",
      shareBtn: "Créer un lien", codeBtn: "Créer un code", copyBtn: "Copier", copied: "Copié.",
      copyFailed: "Sélectionnez le texte et copiez-le vous-même.",
      linkLabel: "Lien à ouvrir sur votre autre appareil", codeLabel: "Code à coller sur votre autre appareil",
      pasteLabel: "Un lien ou un code venu de votre autre appareil", pasteBtn: "Importer",
      linkOffer: "Ce lien contient une progression venue d'un autre appareil" + NBSP + ": {summary}. L'ajouter à ce que contient ce navigateur" + NNBSP + "?",
      linkAccept: "L'ajouter", linkIgnore: "Ignorer",
      unreadable: "Ce navigateur contenait des données de progression que cette version du site n'a pas pu lire entièrement (trouvées le {date}). Elles sont conservées, et votre export les inclut.",
      suggest: "Nous vous suggérons de commencer par le parcours «" + NBSP + "{track}" + NBSP + "», avec son premier module, «" + NBSP + "{module}" + NBSP + "» (votre moyenne la plus basse" + NBSP + ": {a} sur 4).",
      answerAll: "Notez toutes les affirmations d'au moins un parcours qui a des modules pour obtenir une suggestion.",
      resume: "{label}" + NBSP + ": {link} (ouverte pour la dernière fois le {date}).",
      lastPage: "la dernière page que vous avez ouverte",
      tableScrolls: "Faites défiler de côté pour voir tout le tableau"
    }
  };

  RM.lang = function () {
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    return RM.WORDS[lang] ? lang : "en";
  };

  RM.words = function () { return RM.WORDS[RM.lang()]; };

  /* The locale of numbers and dates: the site writes British English ("29 November 2026"). */
  var LOCALES = { en: "en-GB", fr: "fr-FR" };

  /* "{s} out of {n}" with its values; numbers are written the locale's way. */
  RM.fill = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      if (!(key in values)) return whole;
      return typeof values[key] === "number" ? RM.number(values[key]) : String(values[key]);
    });
  };

  /* The same, into an element: values that are nodes (links) are placed as nodes, never as HTML. */
  RM.fillInto = function (element, text, values) {
    element.textContent = "";
    text.split(/(\{\w+\})/).forEach(function (part) {
      var key = /^\{(\w+)\}$/.exec(part);
      var value = key && key[1] in values ? values[key[1]] : part;
      if (value && value.nodeType) element.appendChild(value);
      else if (part) element.appendChild(document.createTextNode(key ? RM.fill(part, values) : part));
    });
    return element;
  };

  /* The form of `forms` ({one, other}) that the count `n` takes in the page's language. */
  RM.plural = function (forms, n) {
    var rule = "other";
    try { rule = new Intl.PluralRules(LOCALES[RM.lang()]).select(n); } catch (error) { rule = n === 1 ? "one" : "other"; }
    return forms[rule] || forms.other;
  };

  /* "2 lessons done, 1 quiz score": what a progress record holds, leaving out what it does not. */
  RM.summary = function (counts) {
    var w = RM.words();
    var parts = [["lessons", w.lessonsCount], ["quizzes", w.quizzesCount], ["answers", w.answersCount]]
      .filter(function (part) { return counts[part[0]] > 0; })
      .map(function (part) { return RM.fill(RM.plural(part[1], counts[part[0]]), { n: counts[part[0]] }); });
    return parts.length ? parts.join(", ") : w.nothing;
  };

  RM.number = function (value, fractionDigits) {
    try {
      return new Intl.NumberFormat(LOCALES[RM.lang()], { maximumFractionDigits: fractionDigits || 0 }).format(value);
    } catch (error) { return String(value); }
  };

  /* "29 November 2026", « 1er décembre 2026 ». An unreadable date gives "". */
  RM.date = function (iso) {
    var day = new Date(iso);
    if (!iso || isNaN(day.getTime())) return "";
    try {
      var parts = new Intl.DateTimeFormat(LOCALES[RM.lang()], { day: "numeric", month: "long", year: "numeric" }).formatToParts(day);
      return parts.map(function (part) {
        return part.type === "day" && part.value === "1" && RM.lang() === "fr" ? "1er" : part.value;
      }).join("").replace(/ /g, NBSP);
    } catch (error) { return day.toISOString().slice(0, 10); }
  };
})(window.rmCurriculum = window.rmCurriculum || {});
