// quizbuilder core: scoring and share links. Never touches the DOM.
// Rules: ARCHITECTURE.md "Scoring rules"; quizbuilder/reference/scoring.py is the reference.
((root, factory) => {
  const common =
    typeof module === 'object' && module.exports ? require('./common.js') : root.QuizbuilderCommon;
  const api = factory(common);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderCore = root.QuizbuilderCore || api;
})(globalThis, (common) => {
  'use strict';
  const { hasOwn, isPlainObject, percent, ShareError, encodeSharePayload, decodeSharePayload } = common;
  const fail = common.failShare;
  const MAX_SHARE = common.CONSTANTS.SHARE_MAX_CHARS;
  const isInteger = Number.isInteger;
  const sum = (numbers) => numbers.reduce((total, number) => total + number, 0);
  const bandOf = (quiz, pct) =>
    (quiz.bands || []).find((band) => band.min <= pct && pct <= band.max) || null;
  const bandId = (quiz, pct) => (bandOf(quiz, pct) || {}).id || null;
  const optionPoints = (option, dimension) =>
    hasOwn(option.points, dimension) ? +option.points[dimension] : 0;
  const dimensionIds = (quiz) => (quiz.dimensions || []).map((dimension) => dimension.id);

  function zeroPerDimension(ids) {
    const totals = {};
    for (const id of ids) totals[id] = 0;
    return totals;
  }

  // The valid, de-duplicated indexes, or null when the answer does not count.
  function chosen(question, given) {
    if (!Array.isArray(given) || !given.length) return null;
    const choiceCount = question.type === 'scale' ? question.points : (question.options || []).length;
    const inRange = (index) => isInteger(index) && index >= 0 && index < choiceCount;
    if (!given.every(inRange)) return null;
    const unique = [...new Set(given)];
    if (question.type !== 'multiple' && unique.length !== 1) return null;
    return unique;
  }

  function scoreMax(quiz) {
    const ids = dimensionIds(quiz);
    const maxima = zeroPerDimension(ids);
    for (const question of quiz.questions) {
      if (question.type === 'scale') {
        if (hasOwn(maxima, question.dimension)) maxima[question.dimension] += question.points - 1;
        continue;
      }
      for (const id of ids) {
        const values = question.options.map((option) => optionPoints(option, id));
        maxima[id] += question.type === 'multiple' ? sum(values) : Math.max(...values);
      }
    }
    return maxima;
  }

  function profileResult(quiz, dimensions) {
    let strongest = null;
    let weakest = null;
    for (const dimension of dimensions) {
      if (!strongest || dimension.percent > strongest.percent) strongest = dimension;
      if (!weakest || dimension.percent < weakest.percent) weakest = dimension;
    }
    return {
      status: 'ok',
      kind: 'profile',
      quiz: quiz.id,
      dimensions,
      strongest: strongest && strongest.id,
      weakest: weakest && weakest.id
    };
  }

  function gradedResult(quiz, picks) {
    const marks = {};
    for (const question of quiz.questions) {
      const wanted = question.options.flatMap((option, index) => (option.correct ? [index] : []));
      const got = picks[question.id];
      marks[question.id] = got.length === wanted.length && wanted.every((index) => got.includes(index));
    }
    return {
      status: 'ok',
      kind: 'graded',
      quiz: quiz.id,
      correct: Object.values(marks).filter(Boolean).length,
      total: quiz.questions.length,
      questions: marks
    };
  }

  function profileScore(quiz, picks) {
    const ids = dimensionIds(quiz);
    const maxima = scoreMax(quiz);
    const points = zeroPerDimension(ids);
    for (const question of quiz.questions) {
      const picked = picks[question.id];
      if (question.type !== 'scale') {
        for (const id of ids)
          points[id] += sum(picked.map((index) => optionPoints(question.options[index], id)));
      } else if (hasOwn(points, question.dimension)) {
        points[question.dimension] += question.reverse ? question.points - 1 - picked[0] : picked[0];
      }
    }
    // A dimension no question can score is left out.
    const scored = ids
      .filter((id) => maxima[id] > 0)
      .map((id) => {
        const pct = percent(points[id], maxima[id]);
        return { id, points: points[id], max: maxima[id], percent: pct, band: bandId(quiz, pct) };
      });
    return profileResult(quiz, scored);
  }

  function score(quiz, answers) {
    const picks = {};
    const missing = [];
    for (const question of quiz.questions) {
      const picked = chosen(question, hasOwn(answers, question.id) ? answers[question.id] : null);
      if (picked) picks[question.id] = picked;
      else missing.push(question.id);
    }
    if (missing.length) return { status: 'incomplete', missing };
    if (quiz.kind === 'graded') return gradedResult(quiz, picks);
    return profileScore(quiz, picks);
  }

  // A seeded generator (mulberry32): the same seed gives the same orders, so tests can
  // replay an attempt; the engine seeds it afresh for every attempt.
  function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), state | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
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
    free.forEach((position, i) => {
      order[position] = moved[i];
    });
    return order;
  }

  // The questions a graded result got wrong, in quiz order.
  const missedQuestions = (quiz, result) =>
    quiz.questions.filter((question) => result.questions[question.id] === false);

  // What a settled graded question says: its verdict ('right' or 'wrong', with the text
  // key of its feedback) and each option's mark by source index: 'right' (chosen and
  // correct), 'wrong' (chosen, not correct), 'missed' (correct, not chosen) or ''.
  function gradedFeedback(question, result, chosen) {
    const right = result.questions[question.id] === true;
    const marks = question.options.map((option, index) => {
      const picked = chosen.includes(index);
      if (picked) return option.correct ? 'right' : 'wrong';
      return option.correct ? 'missed' : '';
    });
    return { state: right ? 'right' : 'wrong', textKey: right ? 'correct' : 'incorrect', marks };
  }

  // The share format: short keys keep links short (v version, q quiz, k kind,
  // c correct, t total, d percent per dimension).
  function sharePayload(result) {
    if (result.kind === 'graded')
      return { v: 1, q: result.quiz, k: 'g', c: result.correct, t: result.total };
    const percents = Object.fromEntries(
      result.dimensions.map((dimension) => [dimension.id, dimension.percent])
    );
    return { v: 1, q: result.quiz, k: 'p', d: percents };
  }

  const encodeShare = (result) => encodeSharePayload(sharePayload(result));

  function decodeGraded(quiz, data) {
    const { c: correct, t: total } = data;
    if (
      !isInteger(correct) ||
      !isInteger(total) ||
      total !== quiz.questions.length ||
      correct < 0 ||
      correct > total
    ) {
      fail('range');
    }
    return { status: 'ok', kind: 'graded', quiz: quiz.id, correct, total };
  }

  function decodeProfile(quiz, data) {
    const percents = data.d;
    const maxima = scoreMax(quiz);
    const known = dimensionIds(quiz).filter((id) => maxima[id] > 0);
    if (!isPlainObject(percents)) fail('shape');
    if (Object.keys(percents).sort().join('\n') !== [...known].sort().join('\n')) fail('dimension');
    return profileResult(
      quiz,
      known.map((id) => {
        const pct = percents[id];
        if (!isInteger(pct) || pct < 0 || pct > 100) fail('range');
        return { id, percent: pct, band: bandId(quiz, pct) };
      })
    );
  }

  // Decode a fragment payload (after "#qb=") and check every field against the quiz.
  function decodeShare(quiz, text) {
    const data = decodeSharePayload(text, MAX_SHARE);
    if (!isPlainObject(data)) fail('shape');
    if (data.v !== 1) fail('version');
    if (data.q !== quiz.id) fail('quiz');
    const kind = hasOwn({ g: 1, p: 1 }, data.k) && { g: 'graded', p: 'profile' }[data.k];
    if (kind !== quiz.kind) fail('kind');
    const expectedKeys = kind === 'graded' ? 'c,k,q,t,v' : 'd,k,q,v';
    if (Object.keys(data).sort().join() !== expectedKeys) fail('shape');
    return kind === 'graded' ? decodeGraded(quiz, data) : decodeProfile(quiz, data);
  }

  return {
    percent,
    bandOf,
    score,
    scoreMax,
    seededRandom,
    optionOrder,
    missedQuestions,
    gradedFeedback,
    sharePayload,
    encodeShare,
    decodeShare,
    ShareError,
    MAX_SHARE
  };
});
