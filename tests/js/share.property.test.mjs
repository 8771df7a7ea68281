// Property tests of core.js's share-link decoder (fast-check; `npm install` first).
// For any input, decodeShare either returns a result that passes an independent check
// against the quiz, or throws a ShareError: never any other exception. Encoding a valid
// result and decoding it gives the result back. Runs >= 10,000 cases and prints the count.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCore } from './load-core.mjs';
import fc from 'fast-check';

const core = loadCore();
const share = JSON.parse(readFileSync(new URL('fixtures/share-cases.json', import.meta.url), 'utf8'));
const RUNS = 2500;
let iterations = 0;

// A third quiz: non-ASCII ids, a dimension id that is an Object.prototype name.
const unicode = {
  v: 1, id: 'café-quiz', role: 'tester', title: 'Café', kind: 'profile',
  questions: [
    { id: 's', type: 'scale', dimension: 'constructor', reverse: false, points: 5 },
    { id: 'p', type: 'single', options: [{ points: {} }, { points: { 'ünï': 2, constructor: 1 } }] },
  ],
  dimensions: [{ id: 'constructor', name: 'C' }, { id: 'ünï', name: 'U' }],
  bands: share.quizzes.profile.bands,
};
const QUIZZES = [share.quizzes.graded, share.quizzes.profile, unicode];
const scored = (quiz) => {
  const top = core.scoreMax(quiz);
  return (quiz.dimensions || []).map((d) => d.id).filter((d) => top[d] > 0);
};

const b64url = (text) => Buffer.from(text, 'utf8').toString('base64url');

// The independent check of a decoded result (ARCHITECTURE.md, share links).
function assertValid(quiz, r) {
  assert.equal(r.status, 'ok');
  assert.equal(r.quiz, quiz.id);
  assert.equal(r.kind, quiz.kind);
  if (quiz.kind === 'graded') {
    assert.deepEqual(Object.keys(r).sort(), ['correct', 'kind', 'quiz', 'status', 'total']);
    assert.equal(r.total, quiz.questions.length);
    assert.ok(Number.isInteger(r.correct) && r.correct >= 0 && r.correct <= r.total, String(r.correct));
    return;
  }
  const ids = scored(quiz);
  assert.deepEqual(r.dimensions.map((d) => d.id), ids);
  for (const d of r.dimensions) {
    assert.deepEqual(Object.keys(d).sort(), ['band', 'id', 'percent']);
    assert.ok(Number.isInteger(d.percent) && d.percent >= 0 && d.percent <= 100, String(d.percent));
    const band = quiz.bands.find((b) => b.min <= d.percent && d.percent <= b.max);
    assert.equal(d.band, band ? band.id : null);
  }
  const pc = r.dimensions.map((d) => d.percent);
  assert.equal(r.strongest, r.dimensions[pc.indexOf(Math.max(...pc))].id);
  assert.equal(r.weakest, r.dimensions[pc.indexOf(Math.min(...pc))].id);
}

// Decode; the only allowed exception is a ShareError with a code.
function decodeOrShareError(quiz, text) {
  iterations += 1;
  let r;
  try {
    r = core.decodeShare(quiz, text);
  } catch (e) {
    if (!(e instanceof core.ShareError) || typeof e.code !== 'string') {
      throw new Error(`not a ShareError for ${JSON.stringify(text).slice(0, 200)}: ${e && e.stack}`, { cause: e });
    }
    return null;
  }
  assertValid(quiz, r);
  return r;
}

const quizArb = fc.constantFrom(...QUIZZES);
const keyArb = (quiz) => fc.oneof(
  fc.constantFrom('v', 'q', 'k', 'c', 't', 'd', '__proto__', 'constructor', 'prototype', 'toString', ...scored(quiz)),
  fc.string({ maxLength: 6 }),
);
const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(1, 0, -0, -1, 1.5, 100, 101, 1e308, 2 ** 53, 2 ** 64, 'g', 'p', 1, null, true, [], {}),
);
// JSON object text from entries, so "__proto__" and duplicate keys are own keys in the text.
const objText = (entries) => '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + JSON.stringify(v)).join(',') + '}';
const validPayload = (quiz) => (quiz.kind === 'graded'
  ? fc.nat(quiz.questions.length).map((c) => ({ v: 1, q: quiz.id, k: 'g', c, t: quiz.questions.length }))
  : fc.tuple(...scored(quiz).map(() => fc.integer({ min: 0, max: 100 })))
    .map((ps) => ({ v: 1, q: quiz.id, k: 'p', d: Object.fromEntries(scored(quiz).map((d, i) => [d, ps[i]])) })));

test('arbitrary strings: a valid result or a ShareError', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.fullUnicodeString({ maxLength: 40 }),
    fc.stringOf(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/'), { maxLength: 120 }),
  );
  fc.assert(fc.property(quizArb, text, (quiz, s) => { decodeOrShareError(quiz, s); }), { numRuns: RUNS });
});

test('arbitrary JSON values, base64url-encoded: a valid result or a ShareError', () => {
  fc.assert(fc.property(quizArb, fc.jsonValue({ maxDepth: 4 }), (quiz, value) => {
    decodeOrShareError(quiz, b64url(JSON.stringify(value) ?? 'null'));
  }), { numRuns: RUNS });
});

test('arbitrary objects with payload-like keys: a valid result or a ShareError', () => {
  const arb = quizArb.chain((quiz) => fc.tuple(fc.constant(quiz),
    fc.array(fc.tuple(keyArb(quiz), valueArb), { maxLength: 7 }),
    fc.array(fc.tuple(keyArb(quiz), valueArb), { maxLength: 4 })));
  fc.assert(fc.property(arb, ([quiz, top, d]) => {
    decodeOrShareError(quiz, b64url(objText(top)));
    decodeOrShareError(quiz, b64url(objText([['v', 1], ['q', quiz.id], ['k', 'p']]).slice(0, -1) + ',"d":' + objText(d) + '}'));
  }), { numRuns: RUNS });
});

test('mutations of valid payloads: a valid result or a ShareError', () => {
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('set'), key: fc.constantFrom('v', 'q', 'k', 'c', 't', 'd', 'x', '__proto__'), value: valueArb }),
    fc.record({ op: fc.constant('drop'), key: fc.constantFrom('v', 'q', 'k', 'c', 't', 'd') }),
    fc.record({ op: fc.constant('dim'), key: fc.string({ maxLength: 5 }), value: valueArb }),
    fc.record({ op: fc.constant('char'), at: fc.nat(), ch: fc.char() }),
    fc.record({ op: fc.constant('cut'), at: fc.nat() }),
  );
  const arb = quizArb.chain((quiz) => fc.tuple(fc.constant(quiz), validPayload(quiz), fc.array(mutation, { minLength: 1, maxLength: 3 })));
  fc.assert(fc.property(arb, ([quiz, payload, muts]) => {
    let entries = Object.entries(payload), text;
    for (const m of muts) {
      if (m.op === 'set') entries = [...entries.filter(([k]) => k !== m.key), [m.key, m.value]];
      if (m.op === 'drop') entries = entries.filter(([k]) => k !== m.key);
      if (m.op === 'dim') entries = entries.map(([k, v]) => [k, k === 'd' && v && typeof v === 'object' ? { ...v, [m.key]: m.value } : v]);
    }
    text = b64url(objText(entries));
    for (const m of muts) {
      if (m.op === 'char') { const i = m.at % (text.length + 1); text = text.slice(0, i) + m.ch + text.slice(i + 1); }
      if (m.op === 'cut') text = text.slice(0, m.at % (text.length + 1));
    }
    decodeOrShareError(quiz, text);
  }), { numRuns: RUNS });
});

test('round trip: encode then decode gives the result back', () => {
  const arb = quizArb.chain((quiz) => fc.tuple(fc.constant(quiz), validPayload(quiz)));
  fc.assert(fc.property(arb, ([quiz, p]) => {
    const result = quiz.kind === 'graded'
      ? { status: 'ok', kind: 'graded', quiz: quiz.id, correct: p.c, total: p.t, questions: {} }
      : { status: 'ok', kind: 'profile', quiz: quiz.id, dimensions: scored(quiz).map((id) => ({ id, points: 0, max: 1, percent: p.d[id] })) };
    const text = core.encodeShare(result);
    assert.match(text, /^[A-Za-z0-9_-]*$/);
    const back = decodeOrShareError(quiz, text);
    assert.ok(back, 'a valid result must decode');
    if (quiz.kind === 'graded') assert.deepEqual([back.correct, back.total], [p.c, p.t]);
    else assert.deepEqual(Object.fromEntries(back.dimensions.map((d) => [d.id, d.percent])), p.d);
    assert.deepEqual(core.sharePayload(back), p);
  }), { numRuns: RUNS });
});

test('accepted fixture fragments stay accepted, rejected stay rejected', () => {
  for (const c of share.accepted) assert.ok(decodeOrShareError(share.quizzes[c.quiz], c.fragment));
  for (const c of share.rejected) assert.equal(decodeOrShareError(share.quizzes[c.quiz], c.fragment), null);
});

after(() => {
  console.log(`share.property: ${iterations} decodeShare calls checked`);
  assert.ok(iterations >= 10000, `only ${iterations} iterations`);
});
