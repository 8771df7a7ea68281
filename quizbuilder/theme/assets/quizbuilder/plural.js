// quizbuilder plural forms: which form of a count-bearing text to show.
// A text with a count has one key per plural category ("team_people_one",
// "team_people_other"); Intl.PluralRules picks the category for the page's language.
// quizbuilder/strings.py's plural_key is the same rule for English, and the tests hold
// the two to the same answers (tests/vectors/strings/plural.json).
((root, api) => {
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderPlural = root.QuizbuilderPlural || api;
})(globalThis, (() => {
  'use strict';
  const rules = new Map();

  function category(count, locale) {
    const language = locale
      || (typeof document === 'object' && document.documentElement.lang)
      || 'en';
    if (!rules.has(language)) {
      let rule;
      try {
        rule = new Intl.PluralRules(language);
      } catch (error) {
        rule = new Intl.PluralRules('en');
      }
      rules.set(language, rule);
    }
    return rules.get(language).select(count);
  }

  // The key of the form to use: the count's category if the texts have it, else the
  // "other" form, else the key itself (a text written before plural forms existed).
  function pluralKey(texts, key, count, locale) {
    const exact = key + '_' + category(count, locale);
    if (texts[exact] !== undefined) return exact;
    const other = key + '_other';
    return texts[other] !== undefined ? other : key;
  }

  return { category, pluralKey };
})());
