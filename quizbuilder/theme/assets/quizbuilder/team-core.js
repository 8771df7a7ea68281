// quizbuilder team core: reads exported "My results" files and aggregates them per quiz.
// Pure: never touches the DOM. quizbuilder/reference/aggregate.py is the reference; the vectors in
// tests/vectors/aggregate/ hold both to the same numbers.
((root, factory) => {
  const common =
    typeof module === 'object' && module.exports ? require('./common.js') : root.QuizbuilderCommon;
  const api = factory(common);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderTeamCore = api;
})(globalThis, (common) => {
  'use strict';
  const { hasOwn, isPlainObject, isPercent, percent, toCsv } = common;
  const { EXPORT_MAX_BYTES: MAX_BYTES, EXPORT_VERSION: VERSION, LABEL_MAX } = common.CONSTANTS;
  const isInteger = Number.isInteger;
  // `total / count` as a whole number, halves up (aggregate.py's mean).
  const mean = (total, count) => Math.floor((2 * total + count) / (2 * count));
  const sum = (numbers) => numbers.reduce((total, number) => total + number, 0);
  const inBand = (band, value) => band.min <= value && value <= band.max;

  // One file's text as an export: { ok, version, label, attempts } or { ok: false, code }
  // with code one of large, json, shape, site, newer. Versions 0 (a bare list or
  // {attempts}) and 1 (the store as it was downloaded) carry no site and are accepted.
  function readExport(text, size, site) {
    if (size > MAX_BYTES) return { ok: false, code: 'large' };
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { ok: false, code: 'json' };
    }
    if (Array.isArray(data)) data = { attempts: data };
    if (!isPlainObject(data)) return { ok: false, code: 'shape' };
    const version = hasOwn(data, 'version') ? data.version : 0;
    if (isInteger(version) && version > VERSION) return { ok: false, code: 'newer', version };
    const known = isInteger(version) && version >= 0 && version <= VERSION;
    if (!known || !Array.isArray(data.attempts)) return { ok: false, code: 'shape' };
    if (version === VERSION && typeof data.site !== 'string') return { ok: false, code: 'shape' };
    if (version === VERSION && data.site !== site) return { ok: false, code: 'site', site: data.site };
    const labelled = version === VERSION && typeof data.label === 'string';
    const label = labelled ? data.label.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX) : '';
    return { ok: true, version, label, attempts: data.attempts };
  }

  // A finished attempt's usable numbers for a catalogue quiz, or null.
  function usable(quiz, result) {
    if (!isPlainObject(result) || result.status !== 'ok' || result.kind !== quiz.kind) return null;
    if (quiz.kind === 'graded') {
      const { correct, total } = result;
      if (!isInteger(correct) || !isInteger(total) || total < 1 || correct < 0 || correct > total)
        return null;
      const marks = isPlainObject(result.questions) ? result.questions : {};
      return { score: percent(correct, total), marks };
    }
    if (!Array.isArray(result.dimensions)) return null;
    const dimensions = {};
    for (const dimension of result.dimensions) {
      if (isPlainObject(dimension) && typeof dimension.id === 'string' && isPercent(dimension.percent)) {
        dimensions[dimension.id] = dimension.percent;
      }
    }
    return { dimensions };
  }

  const finished = (attempt) =>
    isPlainObject(attempt) &&
    typeof attempt.quiz === 'string' &&
    typeof attempt.date === 'string' &&
    isPlainObject(attempt.result) &&
    attempt.result.status === 'ok';

  // One readable file's latest usable attempt per quiz, and the quizzes the site lacks.
  function latestPerQuiz(quizzes, attempts) {
    const mine = new Map();
    const unknown = [];
    for (const attempt of attempts) {
      if (!finished(attempt)) continue;
      const quiz = quizzes.get(attempt.quiz);
      if (!quiz) {
        // Finder attempts are skipped quietly.
        if (attempt.result.kind !== 'finder' && !unknown.includes(attempt.quiz)) unknown.push(attempt.quiz);
        continue;
      }
      const numbers = usable(quiz, attempt.result);
      const before = mine.get(attempt.quiz);
      if (numbers && (!before || attempt.date >= before.date)) {
        mine.set(attempt.quiz, { date: attempt.date, numbers });
      }
    }
    return { mine, unknown };
  }

  // What one file says about itself in the report, and its people's numbers (or none).
  function readFile(file, site, quizzes, seen) {
    const entry = { name: file.name };
    const read = readExport(file.text, file.size, site);
    if (!read.ok) {
      Object.assign(entry, { status: 'error', code: read.code });
      if (read.site != null) entry.site = read.site;
      if (read.version != null) entry.version = read.version;
      return { entry, mine: null };
    }
    if (seen.has(file.text)) {
      Object.assign(entry, { status: 'error', code: 'duplicate', other: seen.get(file.text) });
      return { entry, mine: null };
    }
    seen.set(file.text, file.name);
    const { mine, unknown } = latestPerQuiz(quizzes, read.attempts);
    if (!mine.size) {
      Object.assign(entry, { status: 'error', code: unknown.length ? 'unknown' : 'empty' });
      if (unknown.length) entry.quizzes = unknown;
      return { entry, mine: null };
    }
    Object.assign(entry, {
      status: unknown.length ? 'partial' : 'ok',
      label: read.label,
      count: mine.size
    });
    if (unknown.length) Object.assign(entry, { code: 'unknown', quizzes: unknown });
    return { entry, mine };
  }

  const bandCounts = (quiz, values) =>
    (quiz.bands || []).map((band) => ({
      id: band.id,
      label: band.label,
      count: values.filter((value) => inBand(band, value)).length
    }));

  // Unanswered questions last; then the lowest percent first, quiz order on ties.
  const byPercent = (first, second) =>
    (first.percent == null) - (second.percent == null) ||
    first.percent - second.percent ||
    first.order - second.order;

  function gradedQuiz(quiz, people) {
    const scores = people.map((person) => person.score);
    const questions = quiz.questions
      .map((question, order) => {
        const marks = people
          .map((person) => person.marks[question.id])
          .filter((mark) => typeof mark === 'boolean');
        const correct = marks.filter(Boolean).length;
        const shown = marks.length ? percent(correct, marks.length) : null;
        return {
          id: question.id,
          text: question.text,
          answered: marks.length,
          correct,
          percent: shown,
          order
        };
      })
      .sort(byPercent)
      .map(({ order, ...question }) => question);
    return {
      id: quiz.id,
      title: quiz.title,
      kind: 'graded',
      people: people.length,
      average: mean(sum(scores), scores.length),
      bands: bandCounts(quiz, scores),
      questions
    };
  }

  function profileQuiz(quiz, people) {
    const dimensions = (quiz.dimensions || []).flatMap((dimension) => {
      const values = people
        .map((person) => person.dimensions[dimension.id])
        .filter((value) => value != null);
      if (!values.length) return [];
      return [
        {
          id: dimension.id,
          name: dimension.name,
          people: values.length,
          average: mean(sum(values), values.length),
          bands: bandCounts(quiz, values)
        }
      ];
    });
    return { id: quiz.id, title: quiz.title, kind: 'profile', people: people.length, dimensions };
  }

  // The files, in the order given ({ name, size, text }), aggregated against the site's
  // catalogue of quizzes. Each file is one person; their latest attempt at a quiz counts.
  function aggregate(catalogue, site, files) {
    const quizzes = new Map(catalogue.map((quiz) => [quiz.id, quiz]));
    const seen = new Map();
    const latest = new Map();
    const report = [];
    for (const file of files) {
      const { entry, mine } = readFile(file, site, quizzes, seen);
      report.push(entry);
      for (const [id, attempt] of mine || []) {
        if (!latest.has(id)) latest.set(id, []);
        latest.get(id).push(attempt.numbers);
      }
    }
    const summaries = catalogue
      .filter((quiz) => latest.has(quiz.id))
      .map((quiz) => (quiz.kind === 'graded' ? gradedQuiz : profileQuiz)(quiz, latest.get(quiz.id)));
    const counted = report.filter((entry) => entry.status !== 'error');
    return { files: report, people: counted.length, quizzes: summaries };
  }

  // The aggregate as CSV: one row per quiz score, dimension or question.
  function toCSV(result) {
    const rows = [
      ['quiz', 'title', 'kind', 'measure', 'name', 'people', 'percent', 'correct', 'distribution']
    ];
    const distribution = (bands) => bands.map((band) => band.id + '=' + band.count).join(';');
    for (const quiz of result.quizzes) {
      const start = [quiz.id, quiz.title, quiz.kind];
      if (quiz.kind === 'graded') {
        rows.push([...start, 'score', '', quiz.people, quiz.average, '', distribution(quiz.bands)]);
        for (const question of quiz.questions) {
          const measure = 'question:' + question.id;
          rows.push([
            ...start,
            measure,
            question.text,
            question.answered,
            question.percent,
            question.correct,
            ''
          ]);
        }
      } else {
        for (const dimension of quiz.dimensions) {
          const measure = 'dimension:' + dimension.id;
          const numbers = [dimension.people, dimension.average, '', distribution(dimension.bands)];
          rows.push([...start, measure, dimension.name, ...numbers]);
        }
      }
    }
    return toCsv(rows);
  }

  return { MAX_BYTES, VERSION, LABEL_MAX, readExport, aggregate, toCSV, mean };
});
