// quizbuilder history core: "My results" over time (groups, change between attempts,
// chart geometry). Pure: never touches the DOM; history.js draws what this computes.
((root, api) => {
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderHistoryCore = api;
})(globalThis, (() => {
  'use strict';
  const isObj = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  const isPct = (x) => Number.isInteger(x) && x >= 0 && x <= 100;
  const percent = (points, max) => Math.floor((200 * points + max) / (2 * max));

  // An attempt the page can list: any kind (graded, profile, finder or one added later)
  // with a quiz id, a date and a finished result.
  const listable = (a) => isObj(a) && typeof a.quiz === 'string' && typeof a.date === 'string' &&
    isObj(a.result) && a.result.status === 'ok';

  // What an attempt measured, as values 0..100 by series id: a graded score is one series
  // ("score"); anything with dimensions (profiles, the finder) has one per dimension.
  function values(attempt) {
    const r = attempt.result;
    if (r.kind === 'graded') {
      if (!Number.isInteger(r.correct) || !Number.isInteger(r.total) || r.total < 1) return [];
      return [{ id: 'score', value: percent(r.correct, r.total), correct: r.correct, total: r.total }];
    }
    return (Array.isArray(r.dimensions) ? r.dimensions : [])
      .filter((x) => isObj(x) && typeof x.id === 'string' && isPct(x.percent))
      .map((x) => ({ id: x.id, value: x.percent }));
  }

  // The store's attempts by quiz: oldest first within a quiz, the quiz with the most
  // recent attempt first. `index` is the attempt's place in the store (for deleting).
  function groups(attempts) {
    const byQuiz = new Map();
    (Array.isArray(attempts) ? attempts : []).forEach((attempt, index) => {
      if (!listable(attempt)) return;
      if (!byQuiz.has(attempt.quiz)) byQuiz.set(attempt.quiz, []);
      byQuiz.get(attempt.quiz).push({ attempt, index });
    });
    const out = [...byQuiz.entries()].map(([quiz, items]) => {
      items.sort((a, b) => (a.attempt.date < b.attempt.date ? -1 : a.attempt.date > b.attempt.date ? 1 : a.index - b.index));
      const latest = items[items.length - 1].attempt;
      const names = {};
      for (const { attempt } of items) Object.assign(names, isObj(attempt.names) ? attempt.names : {});
      return { quiz, kind: String(latest.result.kind || ''), title: latest.title || quiz, url: latest.url, role: latest.role, names, items };
    });
    return out.sort((a, b) => {
      const x = a.items[a.items.length - 1].attempt.date, y = b.items[b.items.length - 1].attempt.date;
      return x < y ? 1 : x > y ? -1 : 0;
    });
  }

  // Latest attempt against the one before: one row per series the latest attempt has.
  // `before` is null for a series the previous attempt lacked. Null with one attempt.
  function change(group) {
    const n = group.items.length;
    if (n < 2) return null;
    const last = values(group.items[n - 1].attempt), prev = values(group.items[n - 2].attempt);
    const old = new Map(prev.map((x) => [x.id, x]));
    return last.map((x) => {
      const p = old.get(x.id) || null;
      return { id: x.id, before: p, after: x, delta: p ? x.value - p.value : null };
    });
  }

  // Chart geometry in a width × height box: x spreads the attempts evenly (a single
  // attempt sits in the middle), y maps 0..100 with 100 at the top. One series per id,
  // in the order the ids first appear; a series skips the attempts without it.
  function chart(group, width, height, pad) {
    const p = pad || { top: 8, right: 8, bottom: 8, left: 8 };
    const n = group.items.length, w = width - p.left - p.right, h = height - p.top - p.bottom;
    const x = (i) => Math.round((n < 2 ? p.left + w / 2 : p.left + (w * i) / (n - 1)) * 10) / 10;
    const y = (v) => Math.round((p.top + h - (h * v) / 100) * 10) / 10;
    const series = new Map();
    group.items.forEach(({ attempt }, i) => {
      for (const v of values(attempt)) {
        if (!series.has(v.id)) series.set(v.id, { id: v.id, points: [] });
        series.get(v.id).points.push({ x: x(i), y: y(v.value), value: v.value, attempt: i });
      }
    });
    return { width, height, grid: [0, 50, 100].map((v) => ({ value: v, y: y(v) })), xs: group.items.map((_, i) => x(i)), series: [...series.values()] };
  }

  // A signed whole number as shown: "+13", "−4" (a real minus sign), "0".
  const signed = (n) => (n > 0 ? '+' + n : n < 0 ? '\u2212' + -n : '0');

  // The export file (format version 2, schema/results.schema.json): the store's attempts,
  // the site's storage namespace, the time of export and, only when given, a label.
  const VERSION = 2, LABEL_MAX = 60;
  function exportRecord(store, site, label, exported) {
    const text = String(label || '').replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX);
    return { version: VERSION, site, exported, ...(text ? { label: text } : {}), attempts: store.attempts };
  }
  const exportJSON = (...args) => JSON.stringify(exportRecord(...args), null, 2) + '\n';

  return { listable, values, groups, change, chart, signed, exportRecord, exportJSON, VERSION, LABEL_MAX };
})());
