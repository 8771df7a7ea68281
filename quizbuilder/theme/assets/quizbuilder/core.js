// quizbuilder core: scoring, share links, storage records, exports. Never touches the DOM.
// Rules: ARCHITECTURE.md "Scoring rules"; quizbuilder/scoring.py is the reference.
((root, api) => {
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderCore = root.QuizbuilderCore || api;
})(globalThis, (() => {
  'use strict';
  const MAX_SHARE = 2048;
  const has = (o, k) => o != null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);
  const isInt = Number.isInteger;
  const isObj = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  const sum = (a) => a.reduce((x, y) => x + y, 0);
  const percent = (points, max) => Math.floor((200 * points + max) / (2 * max));
  const bandOf = (quiz, pct) => (quiz.bands || []).find((b) => b.min <= pct && pct <= b.max) || null;
  const bandId = (quiz, pct) => (bandOf(quiz, pct) || {}).id || null;
  const pts = (o, d) => (has(o.points, d) ? +o.points[d] : 0);
  const dimIds = (quiz) => (quiz.dimensions || []).map((d) => d.id);

  // The valid, de-duplicated indexes, or null when the answer does not count.
  function chosen(q, given) {
    if (!Array.isArray(given) || !given.length) return null;
    const n = q.type === 'scale' ? q.points : (q.options || []).length;
    if (!given.every((x) => isInt(x) && x >= 0 && x < n)) return null;
    const out = [...new Set(given)];
    return q.type !== 'multiple' && out.length !== 1 ? null : out;
  }

  function scoreMax(quiz) {
    const ids = dimIds(quiz), top = {};
    ids.forEach((d) => { top[d] = 0; });
    for (const q of quiz.questions) {
      if (q.type === 'scale') { if (has(top, q.dimension)) top[q.dimension] += q.points - 1; continue; }
      ids.forEach((d) => {
        const v = q.options.map((o) => pts(o, d));
        top[d] += q.type === 'multiple' ? sum(v) : Math.max(...v);
      });
    }
    return top;
  }

  function profileResult(quiz, dims) {
    let s = null, w = null;
    for (const d of dims) {
      if (!s || d.percent > s.percent) s = d;
      if (!w || d.percent < w.percent) w = d;
    }
    return { status: 'ok', kind: 'profile', quiz: quiz.id, dimensions: dims, strongest: s && s.id, weakest: w && w.id };
  }

  function score(quiz, answers) {
    const pick = {}, missing = [];
    for (const q of quiz.questions) {
      const c = chosen(q, has(answers, q.id) ? answers[q.id] : null);
      if (c) pick[q.id] = c; else missing.push(q.id);
    }
    if (missing.length) return { status: 'incomplete', missing };
    if (quiz.kind === 'graded') {
      const marks = {};
      for (const q of quiz.questions) {
        const want = q.options.flatMap((o, i) => (o.correct ? [i] : [])), got = pick[q.id];
        marks[q.id] = got.length === want.length && want.every((i) => got.includes(i));
      }
      return { status: 'ok', kind: 'graded', quiz: quiz.id, correct: Object.values(marks).filter(Boolean).length,
        total: quiz.questions.length, questions: marks };
    }
    const ids = dimIds(quiz), top = scoreMax(quiz), got = {};
    ids.forEach((d) => { got[d] = 0; });
    for (const q of quiz.questions) {
      const p = pick[q.id];
      if (q.type !== 'scale') ids.forEach((d) => { got[d] += sum(p.map((i) => pts(q.options[i], d))); });
      else if (has(got, q.dimension)) got[q.dimension] += q.reverse ? q.points - 1 - p[0] : p[0];
    }
    return profileResult(quiz, ids.filter((d) => top[d] > 0).map((d) => {
      const pc = percent(got[d], top[d]);
      return { id: d, points: got[d], max: top[d], percent: pc, band: bandId(quiz, pc) };
    }));
  }

  // A seeded generator (mulberry32): the same seed gives the same orders, so tests can
  // replay an attempt; the engine seeds it afresh for every attempt.
  function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // The order to show a question's options in, as source indexes. Pinned options keep
  // their written position; the others are shuffled (Fisher–Yates) over the free
  // positions. Scale questions and questions with shuffle off keep the source order.
  // Answers are always recorded by source index, so the order never changes a score.
  function optionOrder(question, random) {
    const options = question.type === 'scale' ? [] : question.options || [];
    const order = options.map((option, index) => index);
    if (!question.shuffle) return order;
    const free = order.filter((index) => !options[index].pin);
    const moved = [...free];
    for (let last = moved.length - 1; last > 0; last--) {
      const pick = Math.floor(random() * (last + 1));
      [moved[last], moved[pick]] = [moved[pick], moved[last]];
    }
    free.forEach((position, k) => { order[position] = moved[k]; });
    return order;
  }

  // The questions a graded result got wrong, in quiz order.
  const missedQuestions = (quiz, result) => quiz.questions.filter((question) => result.questions[question.id] === false);

  class ShareError extends Error {
    constructor(code) { super('share link: ' + code); this.name = 'ShareError'; this.code = code; }
  }
  const fail = (code) => { throw new ShareError(code); };

  const sharePayload = (r) => (r.kind === 'graded'
    ? { v: 1, q: r.quiz, k: 'g', c: r.correct, t: r.total }
    : { v: 1, q: r.quiz, k: 'p', d: Object.fromEntries(r.dimensions.map((x) => [x.id, x.percent])) });

  function encodeShare(result) {
    const bytes = new TextEncoder().encode(JSON.stringify(sharePayload(result)));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // Decode a fragment payload (after "#qb=") and check every field against the quiz.
  function decodeShare(quiz, text) {
    if (typeof text !== 'string' || !text) fail('empty');
    if (text.length > MAX_SHARE) fail('size');
    if (!/^[\w-]+$/.test(text) || text.length % 4 === 1) fail('encoding');
    let data;
    try {
      const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
      data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    } catch (e) { fail('json'); }
    if (!isObj(data)) fail('shape');
    if (data.v !== 1) fail('version');
    if (data.q !== quiz.id) fail('quiz');
    const kind = has({ g: 1, p: 1 }, data.k) && { g: 'graded', p: 'profile' }[data.k];
    if (kind !== quiz.kind) fail('kind');
    if (Object.keys(data).sort().join() !== (kind === 'graded' ? 'c,k,q,t,v' : 'd,k,q,v')) fail('shape');
    if (kind === 'graded') {
      const { c, t } = data;
      if (!isInt(c) || !isInt(t) || t !== quiz.questions.length || c < 0 || c > t) fail('range');
      return { status: 'ok', kind, quiz: quiz.id, correct: c, total: t };
    }
    const d = data.d, top = scoreMax(quiz), known = dimIds(quiz).filter((x) => top[x] > 0);
    if (!isObj(d)) fail('shape');
    if (Object.keys(d).sort().join('\n') !== [...known].sort().join('\n')) fail('dimension');
    return profileResult(quiz, known.map((x) => {
      const p = d[x];
      if (!isInt(p) || p < 0 || p > 100) fail('range');
      return { id: x, percent: p, band: bandId(quiz, p) };
    }));
  }

  // Storage record. Version 0 (before release) was a bare array of attempts or
  // {"attempts": [...]}: migrated. A newer version is left untouched and not written.
  function readStore(raw) {
    if (raw == null || raw === '') return { ok: true, store: { version: 1, attempts: [] } };
    let data;
    try { data = JSON.parse(raw); } catch (e) { return { ok: false, reason: 'corrupt' }; }
    if (Array.isArray(data)) data = { attempts: data };
    if (!isObj(data) || !Array.isArray(data.attempts)) return { ok: false, reason: 'corrupt' };
    if (!has(data, 'version')) return { ok: true, migrated: true, store: { version: 1, attempts: data.attempts } };
    if (data.version === 1) return { ok: true, store: data };
    if (isInt(data.version) && data.version > 1) return { ok: false, reason: 'newer', store: data };
    return { ok: false, reason: 'corrupt' };
  }

  const validAttempt = (a) => isObj(a) && typeof a.quiz === 'string' && typeof a.date === 'string' &&
    isObj(a.result) && a.result.status === 'ok';
  const addAttempt = (store, attempt) => ({ ...store, attempts: [...store.attempts, attempt] });
  const removeAttempt = (store, index) => ({ ...store, attempts: store.attempts.filter((a, i) => i !== index) });

  // One CSV cell: quoted when needed; text a spreadsheet would run as a formula gets a leading '.
  function csvCell(v) {
    if (v == null) return '';
    if (typeof v !== 'string') return String(v);
    if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  function toCSV(attempts) {
    const rows = [['date', 'quiz', 'title', 'role', 'kind', 'correct', 'total', 'strongest', 'weakest', 'dimensions']];
    for (const a of attempts.filter(validAttempt)) {
      const r = a.result, g = r.kind === 'graded';
      rows.push([a.date, a.quiz, a.title, a.role, r.kind, g ? r.correct : '', g ? r.total : '', r.strongest, r.weakest,
        g ? '' : (r.dimensions || []).map((d) => d.id + '=' + d.percent).join(';')]);
    }
    return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  const toJSON = (store) => JSON.stringify(store, null, 2) + '\n';
  const storageKey = (ns) => 'quizbuilder:' + ns + ':attempts:v1';
  // "{name}" placeholders from vars; unknown names are left as they are.
  const fmt = (s, vars) => String(s).replace(/\{(\w+)\}/g, (m, k) => (has(vars, k) ? String(vars[k]) : m));

  return {
    percent, bandOf, score, scoreMax, seededRandom, optionOrder, missedQuestions, sharePayload, encodeShare, decodeShare, ShareError, MAX_SHARE,
    readStore, validAttempt, addAttempt, removeAttempt, csvCell, toCSV, toJSON, storageKey, fmt
  };
})());
