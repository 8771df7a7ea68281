// quizbuilder team core: reads exported "My results" files and aggregates them per quiz.
// Pure: never touches the DOM. quizbuilder/aggregate.py is the reference; the vectors in
// tests/vectors/aggregate/ hold both to the same numbers.
((root, api) => {
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderTeamCore = api;
})(globalThis, (() => {
  'use strict';
  const MAX_BYTES = 1024 * 1024, VERSION = 2, LABEL_MAX = 60;
  const isObj = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  const isInt = Number.isInteger;
  const isPct = (x) => isInt(x) && x >= 0 && x <= 100;
  const percent = (points, max) => Math.floor((200 * points + max) / (2 * max));
  const mean = (total, n) => Math.floor((2 * total + n) / (2 * n));
  const bandOf = (bands, pct) => (bands || []).find((b) => b.min <= pct && pct <= b.max) || null;

  // One file's text as an export: { ok, version, site, label, attempts } or { ok: false,
  // code } with code one of large, json, shape, site, newer. Versions 0 (a bare list or
  // {attempts}) and 1 (the store as it was downloaded) carry no site and are accepted.
  function readExport(text, size, site) {
    if (size > MAX_BYTES) return { ok: false, code: 'large' };
    let data;
    try { data = JSON.parse(text); } catch (e) { return { ok: false, code: 'json' }; }
    if (Array.isArray(data)) data = { attempts: data };
    if (!isObj(data)) return { ok: false, code: 'shape' };
    const version = Object.prototype.hasOwnProperty.call(data, 'version') ? data.version : 0;
    if (isInt(version) && version > VERSION) return { ok: false, code: 'newer', version };
    if (![0, 1, 2].includes(version) || !Array.isArray(data.attempts)) return { ok: false, code: 'shape' };
    if (version === 2 && typeof data.site !== 'string') return { ok: false, code: 'shape' };
    if (version === 2 && data.site !== site) return { ok: false, code: 'site', site: data.site };
    const label = version === 2 && typeof data.label === 'string' ? data.label.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX) : '';
    return { ok: true, version, label, attempts: data.attempts };
  }

  // A finished attempt's usable numbers for a catalogue quiz, or null.
  function usable(quiz, result) {
    if (!isObj(result) || result.status !== 'ok' || result.kind !== quiz.kind) return null;
    if (quiz.kind === 'graded') {
      const { correct, total } = result;
      if (!isInt(correct) || !isInt(total) || total < 1 || correct < 0 || correct > total) return null;
      const marks = isObj(result.questions) ? result.questions : {};
      return { score: percent(correct, total), marks };
    }
    if (!Array.isArray(result.dimensions)) return null;
    const dims = {};
    for (const x of result.dimensions) if (isObj(x) && typeof x.id === 'string' && isPct(x.percent)) dims[x.id] = x.percent;
    return { dims };
  }

  // The files, in the order given ({ name, size, text }), aggregated against the site's
  // catalogue of quizzes. Each file is one person; their latest attempt at a quiz counts.
  function aggregate(catalogue, site, files) {
    const quizzes = new Map(catalogue.map((q) => [q.id, q]));
    const seen = new Map(), latest = new Map(), report = [];
    for (const file of files) {
      const entry = { name: file.name };
      report.push(entry);
      const read = readExport(file.text, file.size, site);
      if (!read.ok) { Object.assign(entry, { status: 'error', code: read.code }, read.site != null ? { site: read.site } : {}, read.version != null ? { version: read.version } : {}); continue; }
      if (seen.has(file.text)) { Object.assign(entry, { status: 'error', code: 'duplicate', other: seen.get(file.text) }); continue; }
      seen.set(file.text, file.name);
      const mine = new Map(), unknown = [];
      read.attempts.forEach((a, index) => {
        if (!isObj(a) || typeof a.quiz !== 'string' || typeof a.date !== 'string' || !isObj(a.result) || a.result.status !== 'ok') return;
        const quiz = quizzes.get(a.quiz);
        if (!quiz) { if (a.result.kind !== 'finder' && !unknown.includes(a.quiz)) unknown.push(a.quiz); return; }
        const got = usable(quiz, a.result);
        const before = mine.get(a.quiz);
        if (got && (!before || a.date >= before.date)) mine.set(a.quiz, { date: a.date, got });
      });
      if (!mine.size) { Object.assign(entry, { status: 'error', code: unknown.length ? 'unknown' : 'empty' }, unknown.length ? { quizzes: unknown } : {}); continue; }
      Object.assign(entry, { status: unknown.length ? 'partial' : 'ok', label: read.label, count: mine.size }, unknown.length ? { code: 'unknown', quizzes: unknown } : {});
      for (const [id, x] of mine) {
        if (!latest.has(id)) latest.set(id, []);
        latest.get(id).push(x.got);
      }
    }
    const out = [];
    for (const quiz of catalogue) {
      const people = latest.get(quiz.id);
      if (!people) continue;
      const bands = (values) => (quiz.bands || []).map((b) => ({ id: b.id, label: b.label, count: values.filter((v) => bandOf([b], v)).length }));
      if (quiz.kind === 'graded') {
        const scores = people.map((p) => p.score);
        const questions = quiz.questions.map((q, order) => {
          const marks = people.map((p) => p.marks[q.id]).filter((m) => typeof m === 'boolean');
          const correct = marks.filter(Boolean).length;
          return { id: q.id, text: q.text, answered: marks.length, correct, percent: marks.length ? percent(correct, marks.length) : null, order };
        }).sort((a, b) => (a.percent == null) - (b.percent == null) || a.percent - b.percent || a.order - b.order)
          .map(({ order, ...q }) => q);
        out.push({ id: quiz.id, title: quiz.title, kind: 'graded', people: people.length,
          average: mean(scores.reduce((x, y) => x + y, 0), scores.length), bands: bands(scores), questions });
      } else {
        const dimensions = (quiz.dimensions || []).flatMap((x) => {
          const v = people.map((p) => p.dims[x.id]).filter((p) => p != null);
          return v.length ? [{ id: x.id, name: x.name, people: v.length, average: mean(v.reduce((a, b) => a + b, 0), v.length), bands: bands(v) }] : [];
        });
        out.push({ id: quiz.id, title: quiz.title, kind: 'profile', people: people.length, dimensions });
      }
    }
    const counted = report.filter((f) => f.status !== 'error');
    return { files: report, people: counted.length, quizzes: out };
  }

  // One CSV cell, as core.js writes them (a leading ' stops spreadsheet formulas).
  function csvCell(v) {
    if (v == null) return '';
    if (typeof v !== 'string') return String(v);
    if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  // The aggregate as CSV: one row per quiz score, dimension or question.
  function toCSV(result) {
    const rows = [['quiz', 'title', 'kind', 'measure', 'name', 'people', 'percent', 'correct', 'distribution']];
    const dist = (bands) => bands.map((b) => b.id + '=' + b.count).join(';');
    for (const q of result.quizzes) {
      if (q.kind === 'graded') {
        rows.push([q.id, q.title, q.kind, 'score', '', q.people, q.average, '', dist(q.bands)]);
        for (const x of q.questions) rows.push([q.id, q.title, q.kind, 'question:' + x.id, x.text, x.answered, x.percent, x.correct, '']);
      } else {
        for (const x of q.dimensions) rows.push([q.id, q.title, q.kind, 'dimension:' + x.id, x.name, x.people, x.average, '', dist(x.bands)]);
      }
    }
    return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  return { MAX_BYTES, VERSION, LABEL_MAX, readExport, aggregate, toCSV, mean };
})());
