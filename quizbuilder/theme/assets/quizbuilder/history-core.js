// quizbuilder history core: "My results" over time (groups, change between attempts,
// chart geometry, the export file). Pure: never touches the DOM; history.js draws what
// this computes.
((root, factory) => {
  const inNode = typeof module === 'object' && module.exports;
  const common = inNode ? require('./common.js') : root.QuizbuilderCommon;
  const store = inNode ? require('./store.js') : root.QuizbuilderStore;
  const api = factory(common, store);
  if (inNode) module.exports = api;
  else root.QuizbuilderHistoryCore = api;
})(globalThis, (common, store) => {
  'use strict';
  const { isPlainObject, isPercent, percent } = common;
  const { EXPORT_VERSION, LABEL_MAX } = common.CONSTANTS;

  // What an attempt measured, as values 0..100 by series id: a graded score is one series
  // ("score"); anything with dimensions (profiles, the finder) has one per dimension.
  function values(attempt) {
    const result = attempt.result;
    if (result.kind === 'graded') {
      const { correct, total } = result;
      if (!Number.isInteger(correct) || !Number.isInteger(total) || total < 1) return [];
      return [{ id: 'score', value: percent(correct, total), correct, total }];
    }
    return (Array.isArray(result.dimensions) ? result.dimensions : [])
      .filter((dimension) => isPlainObject(dimension) && typeof dimension.id === 'string')
      .filter((dimension) => isPercent(dimension.percent))
      .map((dimension) => ({ id: dimension.id, value: dimension.percent }));
  }

  const byDate = (first, second) => {
    if (first < second) return -1;
    return first > second ? 1 : 0;
  };

  // The store's attempts by quiz: oldest first within a quiz, the quiz with the most
  // recent attempt first. `index` is the attempt's place in the store (for deleting).
  function groups(attempts) {
    const byQuiz = new Map();
    (Array.isArray(attempts) ? attempts : []).forEach((attempt, index) => {
      if (!store.validAttempt(attempt)) return;
      if (!byQuiz.has(attempt.quiz)) byQuiz.set(attempt.quiz, []);
      byQuiz.get(attempt.quiz).push({ attempt, index });
    });
    const found = [...byQuiz.entries()].map(([quiz, items]) => {
      items.sort(
        (first, second) => byDate(first.attempt.date, second.attempt.date) || first.index - second.index
      );
      const latest = items[items.length - 1].attempt;
      const names = {};
      for (const { attempt } of items)
        Object.assign(names, isPlainObject(attempt.names) ? attempt.names : {});
      return {
        quiz,
        kind: String(latest.result.kind || ''),
        title: latest.title || quiz,
        url: latest.url,
        role: latest.role,
        names,
        items
      };
    });
    const latestDate = (group) => group.items[group.items.length - 1].attempt.date;
    return found.sort((first, second) => byDate(latestDate(second), latestDate(first)));
  }

  // Latest attempt against the one before: one row per series the latest attempt has.
  // `before` is null for a series the previous attempt lacked. Null with one attempt.
  function change(group) {
    const count = group.items.length;
    if (count < 2) return null;
    const latest = values(group.items[count - 1].attempt);
    const previous = new Map(values(group.items[count - 2].attempt).map((value) => [value.id, value]));
    return latest.map((after) => {
      const before = previous.get(after.id) || null;
      return { id: after.id, before, after, delta: before ? after.value - before.value : null };
    });
  }

  const oneDecimal = (number) => Math.round(number * 10) / 10;

  // Chart geometry in a width × height box: x spreads the attempts evenly (a single
  // attempt sits in the middle), y maps 0..100 with 100 at the top. One series per id,
  // in the order the ids first appear; a series skips the attempts without it.
  function chart(group, width, height, padding) {
    const pad = padding || { top: 8, right: 8, bottom: 8, left: 8 };
    const count = group.items.length;
    const innerWidth = width - pad.left - pad.right;
    const innerHeight = height - pad.top - pad.bottom;
    const xOf = (position) =>
      oneDecimal(count < 2 ? pad.left + innerWidth / 2 : pad.left + (innerWidth * position) / (count - 1));
    const yOf = (value) => oneDecimal(pad.top + innerHeight - (innerHeight * value) / 100);
    const series = new Map();
    group.items.forEach(({ attempt }, position) => {
      for (const measured of values(attempt)) {
        if (!series.has(measured.id)) series.set(measured.id, { id: measured.id, points: [] });
        const point = {
          x: xOf(position),
          y: yOf(measured.value),
          value: measured.value,
          attempt: position
        };
        series.get(measured.id).points.push(point);
      }
    });
    return {
      width,
      height,
      grid: [0, 50, 100].map((value) => ({ value, y: yOf(value) })),
      xs: group.items.map((item, position) => xOf(position)),
      series: [...series.values()]
    };
  }

  // A signed whole number as shown: "+13", "−4" (a real minus sign), "0".
  function signed(number) {
    if (number > 0) return '+' + number;
    return number < 0 ? '\u2212' + -number : '0';
  }

  // The one export file (format EXPORT_VERSION, schema/results.schema.json): the store's
  // attempts, the site's storage namespace, the time of export and, only when given, a label.
  function exportRecord(saved, site, label, exported) {
    const text = String(label || '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, LABEL_MAX);
    const labelled = text ? { label: text } : {};
    return { version: EXPORT_VERSION, site, exported, ...labelled, attempts: saved.attempts };
  }
  const exportJSON = (...args) => JSON.stringify(exportRecord(...args), null, 2) + '\n';

  return { values, groups, change, chart, signed, exportRecord, exportJSON, LABEL_MAX };
});
