/* The reader's progress in this browser's localStorage: read whatever is there without breaking,
   save or say that saving failed, never drop what the reader had without keeping a copy; export,
   check and merge imported progress; pack it into a code for another device. Nothing is sent anywhere.

   The state: { version: 1, lessons: {"module/lesson": ISO date}, quizzes: {module: {best, total, at}},
                assessment: {"track-n": "1".."4"}, last: {page, at, titles: {lang: title}} } */
(function (RM) {
  "use strict";

  var KEY = "rm-curriculum-v1";
  var UNREADABLE_KEY = "rm-curriculum-v1-unreadable";  // copies of what could not be read, kept for export
  var FORMAT = "rm-curriculum-progress";
  var MAX_TEXT = 1000000;      // characters in a file, a code or what is stored
  var MAX_ENTRIES = 5000;
  var ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
  var LESSON = /^[a-z0-9][a-z0-9-]{0,99}\/[A-Za-z0-9][A-Za-z0-9._-]{0,149}$/;
  var STATEMENT = /^[a-z0-9][a-z0-9-]{0,99}-[0-9]{1,3}$/;
  var PAGE = /^modules(\/[A-Za-z0-9][A-Za-z0-9._-]{0,149}){1,3}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
  var SCORES = ["1", "2", "3", "4"];

  var memory = null;        // what this page holds when storage refuses it
  var pendingCopy = null;   // stored text that could not be fully read: copied aside before the next save
  var listeners = [];

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function isDate(value) { return typeof value === "string" && DATE.test(value) && !isNaN(new Date(value).getTime()); }

  function emptyState() { return { version: 1, lessons: {}, quizzes: {}, assessment: {}, last: null }; }

  /* One reason why data is refused: a message key of RM.WORDS and what to put in it. */
  function Refusal(key, values) { this.key = key; this.values = values || {}; }

  /* Checks data against the state's shape. Strict: refuses at the first wrong entry (imports).
     Lenient: keeps what is right and reports whether anything was left out (what is stored). */
  function readState(data, strict) {
    var state = emptyState();
    var complete = true;
    var count = 0;
    function wrong(entry) {
      if (strict) throw new Refusal("whyEntry", { entry: String(entry).slice(0, 80) });
      complete = false;
    }
    function counted() {
      count += 1;
      if (count > MAX_ENTRIES) throw new Refusal("whyTooMany");
    }
    if (!isObject(data)) throw new Refusal("whyNotProgress");
    Object.keys(data).forEach(function (key) {
      if (["version", "lessons", "quizzes", "assessment", "last"].indexOf(key) === -1) wrong(key);
    });
    if (own(data, "version") && data.version !== 1) {
      if (strict) throw new Refusal("whyVersion", { v: String(data.version).slice(0, 20) });
      complete = false;
    }
    var lessons = own(data, "lessons") ? data.lessons : {};
    if (Array.isArray(lessons) && !strict) {  // an early format: the list of lessons done
      complete = false;
      lessons.forEach(function (key) { counted(); if (typeof key === "string" && LESSON.test(key)) state.lessons[key] = ""; });
    } else if (isObject(lessons)) {
      Object.keys(lessons).forEach(function (key) {
        counted();
        var value = lessons[key];
        if (!LESSON.test(key)) return wrong("lessons: " + key);
        if (isDate(value) || value === "") state.lessons[key] = value;
        else if (value === true && !strict) { state.lessons[key] = ""; complete = false; }
        else wrong("lessons: " + key);
      });
    } else wrong("lessons");
    var quizzes = own(data, "quizzes") ? data.quizzes : {};
    if (isObject(quizzes)) {
      Object.keys(quizzes).forEach(function (key) {
        counted();
        var quiz = quizzes[key];
        var fine = ID.test(key) && isObject(quiz) && Number.isInteger(quiz.best) && Number.isInteger(quiz.total) &&
          quiz.best >= 0 && quiz.total > 0 && quiz.best <= quiz.total && quiz.total <= 1000 &&
          (!own(quiz, "at") || isDate(quiz.at));
        if (!fine) return wrong("quizzes: " + key);
        state.quizzes[key] = { best: quiz.best, total: quiz.total };
        if (quiz.at) state.quizzes[key].at = quiz.at;
      });
    } else wrong("quizzes");
    var assessment = own(data, "assessment") ? data.assessment : {};
    if (isObject(assessment)) {
      Object.keys(assessment).forEach(function (key) {
        counted();
        var value = String(assessment[key]);
        if (!STATEMENT.test(key) || SCORES.indexOf(value) === -1 ||
            ["string", "number"].indexOf(typeof assessment[key]) === -1) return wrong("assessment: " + key);
        state.assessment[key] = value;
      });
    } else wrong("assessment");
    var last = own(data, "last") ? data.last : null;
    if (last !== null) {
      var titles = isObject(last) && isObject(last.titles) ? last.titles : null;
      var fine = titles && typeof last.page === "string" && PAGE.test(last.page) && isDate(last.at) &&
        Object.keys(titles).every(function (lang) {
          return /^[a-z]{2}$/.test(lang) && typeof titles[lang] === "string" && titles[lang].length <= 300;
        });
      if (fine) {
        state.last = { page: last.page, at: last.at, titles: {} };
        Object.keys(titles).forEach(function (lang) { state.last.titles[lang] = titles[lang]; });
      } else wrong("last");
    }
    return { state: state, complete: complete };
  }

  /* --- this browser's storage ------------------------------------------------------------------ */

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }  // refused by settings
  }

  function readUnreadable() {
    try {
      var copies = JSON.parse(storage().getItem(UNREADABLE_KEY));
      return Array.isArray(copies) ? copies.filter(function (copy) {
        return isObject(copy) && typeof copy.data === "string" && isDate(copy.found);
      }) : [];
    } catch (error) { return []; }
  }

  /* What this browser holds, as a valid state, whatever is stored. */
  function read() {
    if (memory) return { state: memory, problem: null };
    var store = storage();
    var text = null;
    try { text = store ? store.getItem(KEY) : null; } catch (error) { store = null; }
    if (!store) return { state: emptyState(), problem: "whyBlocked" };
    if (text === null) return { state: emptyState(), problem: null };
    var result;
    try {
      if (text.length > MAX_TEXT) throw new Refusal("whyTooBig");
      result = readState(JSON.parse(text), false);
    } catch (error) {
      result = { state: emptyState(), complete: false };
    }
    pendingCopy = result.complete ? null : text;
    return { state: result.state, problem: null };
  }

  function problemOf(error) {
    var full = error && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22);
    return full ? "whyFull" : "whyBlocked";
  }

  /* Saves the state; true when it is stored. On failure, this page keeps it and, unless `quiet`
     (a save the reader did not ask for), listeners hear why. */
  function save(state, quiet) {
    var store = storage();
    try {
      if (!store) throw new Error("no storage");
      if (pendingCopy !== null) {  // keep what could not be read before replacing it
        var copies = readUnreadable();
        if (!copies.some(function (copy) { return copy.data === pendingCopy; })) {
          copies.push({ found: new Date().toISOString(), data: pendingCopy });
          store.setItem(UNREADABLE_KEY, JSON.stringify(copies));
        }
        pendingCopy = null;
      }
      store.setItem(KEY, JSON.stringify(state));
      memory = null;
      return true;
    } catch (error) {
      memory = state;
      var problem = problemOf(error);
      if (!quiet) listeners.forEach(function (listener) { listener(problem); });
      return false;
    }
  }

  /* Reads, changes and saves: `change` receives the state. Returns whether it was saved. */
  function update(change, quiet) {
    var state = read().state;
    change(state);
    return save(state, quiet);
  }

  function erase() {
    var store = storage();
    memory = null;
    pendingCopy = null;
    try {
      store.removeItem(KEY);
      store.removeItem(UNREADABLE_KEY);
      return true;
    } catch (error) { return false; }
  }

  /* --- export, import, merge ------------------------------------------------------------------- */

  /* What could not be read: the copies kept aside, and what is stored now if it is unreadable. */
  function unreadable() {
    var pending = pendingCopy !== null ? [{ found: new Date().toISOString(), data: pendingCopy }] : [];
    return (storage() ? readUnreadable() : []).concat(pending);
  }

  /* The export file: always written, whatever storage allows; it carries what could not be read. */
  function exportText() {
    var data = { format: FORMAT, version: 1, exported: new Date().toISOString(), progress: read().state };
    var copies = unreadable();
    if (copies.length) data.unreadable = copies;
    return JSON.stringify(data, null, 2);
  }

  /* An exported file's text (or an early export: the bare state) as a state; throws a Refusal. */
  function parseProgress(text) {
    if (typeof text !== "string" || text.length > MAX_TEXT) throw new Refusal("whyTooBig");
    var data;
    try { data = JSON.parse(text); } catch (error) { throw new Refusal("whyNotJson"); }
    if (!isObject(data)) throw new Refusal("whyNotProgress");
    if (own(data, "format")) {
      if (data.format !== FORMAT) throw new Refusal("whyNotProgress");
      if (data.version !== 1) throw new Refusal("whyVersion", { v: String(data.version).slice(0, 20) });
      return readState(data.progress, true).state;
    }
    if (!["lessons", "quizzes", "assessment"].some(function (key) { return own(data, key); })) {
      throw new Refusal("whyNotProgress");
    }
    return readState(data, true).state;
  }

  function summary(state) {
    return { lessons: Object.keys(state.lessons).length, quizzes: Object.keys(state.quizzes).length,
             answers: Object.keys(state.assessment).length };
  }

  /* Adds `incoming` to `current` without removing anything: lessons and answers that are new,
     the better quiz score, the latest page. Self-assessment answers that differ are `conflicts`,
     left as they are until the reader chooses (`takeAnswers`). */
  function merge(current, incoming) {
    var state = JSON.parse(JSON.stringify(current));
    var added = { lessons: 0, quizzes: 0, answers: 0 };
    var conflicts = [];
    Object.keys(incoming.lessons).forEach(function (key) {
      if (!own(state.lessons, key)) { state.lessons[key] = incoming.lessons[key]; added.lessons += 1; }
    });
    Object.keys(incoming.quizzes).forEach(function (key) {
      var mine = state.quizzes[key];
      var theirs = incoming.quizzes[key];
      if (!mine || theirs.best / theirs.total > mine.best / mine.total) { state.quizzes[key] = theirs; added.quizzes += 1; }
    });
    Object.keys(incoming.assessment).forEach(function (key) {
      if (!own(state.assessment, key)) { state.assessment[key] = incoming.assessment[key]; added.answers += 1; }
      else if (state.assessment[key] !== incoming.assessment[key]) conflicts.push(key);
    });
    if (incoming.last && (!state.last || incoming.last.at > state.last.at)) state.last = incoming.last;
    return { state: state, added: added, conflicts: conflicts };
  }

  function takeAnswers(merged, incoming) {
    merged.conflicts.forEach(function (key) { merged.state.assessment[key] = incoming.assessment[key]; });
    merged.added.answers += merged.conflicts.length;
    merged.conflicts = [];
    return merged;
  }

  /* --- codes for another device: "z" + deflated JSON, or "j" + JSON, in base64url ------------- */

  function toBase64Url(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Refusal("whyCode");
    var binary;
    try { binary = atob(text.replace(/-/g, "+").replace(/_/g, "/")); } catch (error) { throw new Refusal("whyCode"); }
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /* Reads a stream, refusing more than MAX_TEXT bytes (a small code must not inflate to gigabytes). */
  function readLimited(stream) {
    var reader = stream.getReader();
    var chunks = [];
    var size = 0;
    function next() {
      return reader.read().then(function (step) {
        if (step.done) return chunks;
        size += step.value.length;
        if (size > MAX_TEXT) { reader.cancel(); throw new Refusal("whyTooBig"); }
        chunks.push(step.value);
        return next();
      });
    }
    return next().then(function () {
      var bytes = new Uint8Array(size);
      var offset = 0;
      chunks.forEach(function (chunk) { bytes.set(chunk, offset); offset += chunk.length; });
      return bytes;
    });
  }

  function transform(bytes, Stream, mode) {
    return readLimited(new Blob([bytes]).stream().pipeThrough(new Stream(mode)));
  }

  /* A promise of the code that carries the state. */
  function encode(state) {
    var json = new TextEncoder().encode(JSON.stringify({ format: FORMAT, version: 1, progress: state }));
    if (typeof CompressionStream === "undefined") return Promise.resolve("j" + toBase64Url(json));
    return transform(json, CompressionStream, "deflate-raw").then(function (bytes) { return "z" + toBase64Url(bytes); });
  }

  /* A promise of the state a code (or a link that ends with #import=<code>) carries; rejects with a Refusal. */
  function decode(text) {
    return Promise.resolve().then(function () {
      var code = String(text || "").trim();
      var at = code.indexOf("#import=");
      if (at !== -1) code = code.slice(at + "#import=".length);
      if (!code || code.length > MAX_TEXT) throw new Refusal(code ? "whyTooBig" : "whyCode");
      var bytes = fromBase64Url(code.slice(1));
      if (code[0] === "j") return bytes;
      if (code[0] !== "z") throw new Refusal("whyCode");
      if (typeof DecompressionStream === "undefined") throw new Refusal("whyNoDecompression");
      return transform(bytes, DecompressionStream, "deflate-raw").catch(function (error) {
        throw error instanceof Refusal ? error : new Refusal("whyCode");
      });
    }).then(function (bytes) {
      var json;
      try { json = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (error) { throw new Refusal("whyCode"); }
      return parseProgress(json);
    });
  }

  /* Other tabs change the progress too: pages repaint when they do. */
  function onOtherTab(callback) {
    window.addEventListener("storage", function (event) { if (event.key === KEY) callback(); });
  }

  RM.store = {
    read: read, save: save, update: update, erase: erase,
    exportText: exportText, parseProgress: parseProgress, merge: merge, takeAnswers: takeAnswers,
    summary: summary, encode: encode, decode: decode, Refusal: Refusal,
    unreadable: unreadable,
    onSaveFailed: function (listener) { listeners.push(listener); },
    onOtherTab: onOtherTab
  };
})(window.rmCurriculum = window.rmCurriculum || {});
