/* Appended by the build (build_tools/publish/search_accents.py) to lunr's language plugin: every
   word with accents is indexed twice, as written and without its accents, so that a word typed
   either way is found ("referencement" finds "référencement"). Material's search adds a trailing
   wildcard to each word typed, which skips lunr's query pipeline: folding the index is what works. */
(function (lunr) {
  "use strict";
  var language = lunr && lunr.LANGUAGE;
  if (!language || language.rmFoldsAccents) return;
  function withoutAccents(token) {
    var folded = token.toString().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (folded === token.toString()) return token;
    return [token, token.clone(function () { return folded; })];
  }
  lunr.Pipeline.registerFunction(withoutAccents, "rm-without-accents-LANGUAGE");
  function withFolding() {
    language.apply(this, arguments);
    [this.pipeline, this.searchPipeline].forEach(function (pipeline) {
      try { pipeline.before(language.stemmer, withoutAccents); } catch (error) { pipeline.add(withoutAccents); }
    });
  }
  Object.keys(language).forEach(function (name) { withFolding[name] = language[name]; });
  withFolding.rmFoldsAccents = true;
  lunr.LANGUAGE = withFolding;
})(typeof lunr !== "undefined" ? lunr : undefined);
