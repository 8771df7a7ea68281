// quizbuilder store: the attempts saved in localStorage ("My results") and their CSV,
// shared by the quiz engine, the finder and the "My results" page. Pure: never touches
// the DOM or the storage itself. Format: ARCHITECTURE.md "Browser storage".
((root, factory) => {
  const common =
    typeof module === 'object' && module.exports ? require('./common.js') : root.QuizbuilderCommon;
  const api = factory(common);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderStore = root.QuizbuilderStore || api;
})(globalThis, (common) => {
  'use strict';
  const { hasOwn, isPlainObject, toCsv } = common;

  const storageKey = (namespace) => 'quizbuilder:' + namespace + ':attempts:v1';

  // Version 0 (before release) was a bare array of attempts or {"attempts": [...]}:
  // migrated. A newer version is left untouched and not written.
  function readStore(raw) {
    if (raw == null || raw === '') return { ok: true, store: { version: 1, attempts: [] } };
    let data;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      return { ok: false, reason: 'corrupt' };
    }
    if (Array.isArray(data)) data = { attempts: data };
    if (!isPlainObject(data) || !Array.isArray(data.attempts)) return { ok: false, reason: 'corrupt' };
    if (!hasOwn(data, 'version')) {
      return { ok: true, migrated: true, store: { version: 1, attempts: data.attempts } };
    }
    if (data.version === 1) return { ok: true, store: data };
    if (Number.isInteger(data.version) && data.version > 1)
      return { ok: false, reason: 'newer', store: data };
    return { ok: false, reason: 'corrupt' };
  }

  // An attempt "My results" lists: any kind (graded, profile, finder or one added later)
  // with a quiz id, a date and a finished result.
  const validAttempt = (attempt) =>
    isPlainObject(attempt) &&
    typeof attempt.quiz === 'string' &&
    typeof attempt.date === 'string' &&
    isPlainObject(attempt.result) &&
    attempt.result.status === 'ok';
  const addAttempt = (store, attempt) => ({ ...store, attempts: [...store.attempts, attempt] });
  const removeAttempt = (store, index) => ({
    ...store,
    attempts: store.attempts.filter((attempt, position) => position !== index)
  });

  const CSV_HEADER = [
    'date',
    'quiz',
    'title',
    'role',
    'kind',
    'correct',
    'total',
    'strongest',
    'weakest',
    'dimensions'
  ];

  function csvRow(attempt) {
    const result = attempt.result;
    const graded = result.kind === 'graded';
    const dimensions = () =>
      (result.dimensions || []).map((dimension) => dimension.id + '=' + dimension.percent).join(';');
    return [
      attempt.date,
      attempt.quiz,
      attempt.title,
      attempt.role,
      result.kind,
      graded ? result.correct : '',
      graded ? result.total : '',
      result.strongest,
      result.weakest,
      graded ? '' : dimensions()
    ];
  }

  const toCSV = (attempts) => toCsv([CSV_HEADER, ...attempts.filter(validAttempt).map(csvRow)]);

  return { storageKey, readStore, validAttempt, addAttempt, removeAttempt, toCSV };
});
