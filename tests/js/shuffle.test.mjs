// Option shuffling (core.optionOrder) and the result decisions that follow from a score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from './load-core.mjs';

const core = loadCore();
const options = (n, pinned = []) => Array.from({ length: n }, (_, i) => ({ correct: i === 0, pin: pinned.includes(i) }));
const question = (n, extra = {}) => ({ id: 'q', type: 'single', shuffle: true, options: options(n), ...extra });
const isPermutation = (order, n) => [...order].sort((a, b) => a - b).join() === [...Array(n).keys()].join();

test('the same seed gives the same order; different seeds give different orders', () => {
  const q = question(6);
  const a = core.optionOrder(q, core.seededRandom(42));
  assert.deepEqual(core.optionOrder(q, core.seededRandom(42)), a);
  const seen = new Set();
  for (let seed = 0; seed < 50; seed++) seen.add(core.optionOrder(q, core.seededRandom(seed)).join());
  assert.ok(seen.size > 40, `only ${seen.size} distinct orders from 50 seeds`);
});

test('every order is a permutation of the source indexes', () => {
  for (let seed = 0; seed < 200; seed++) {
    for (const n of [1, 2, 3, 5, 8]) assert.ok(isPermutation(core.optionOrder(question(n), core.seededRandom(seed)), n));
  }
});

test('all permutations of four options are reachable, about equally often (unbiased)', () => {
  const counts = new Map();
  const random = core.seededRandom(7);
  const runs = 24000;
  for (let i = 0; i < runs; i++) {
    const key = core.optionOrder(question(4), random).join();
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  assert.equal(counts.size, 24);
  // Each of 24 orders expects 1000; a fair shuffle stays well within ±20%.
  for (const [key, count] of counts) assert.ok(count > 800 && count < 1200, `${key}: ${count}`);
});

test('pinned options keep their written position; the others still move', () => {
  const q = question(5, { options: options(5, [4, 1]) });
  const seen = new Set();
  for (let seed = 0; seed < 300; seed++) {
    const order = core.optionOrder(q, core.seededRandom(seed));
    assert.equal(order[4], 4);
    assert.equal(order[1], 1);
    assert.ok(isPermutation(order, 5));
    seen.add(order.join());
  }
  assert.equal(seen.size, 6, 'the three free options take all 3! orders');
});

test('shuffle off, scale questions and a missing flag keep the source order', () => {
  const random = core.seededRandom(1);
  for (let i = 0; i < 50; i++) {
    assert.deepEqual(core.optionOrder(question(4, { shuffle: false }), random), [0, 1, 2, 3]);
    assert.deepEqual(core.optionOrder({ id: 'q', type: 'single', options: options(3) }, random), [0, 1, 2]);
    assert.deepEqual(core.optionOrder({ id: 's', type: 'scale', shuffle: true, points: 5 }, random), []);
  }
});

test('scores do not depend on the order shown: answers are source indexes', () => {
  const quiz = { v: 1, id: 'x', kind: 'graded', questions: [question(4), question(3, { id: 'r', type: 'multiple', options: [{ correct: true }, { correct: true }, { correct: false }] })] };
  const answers = { q: [0], r: [1, 0] };
  const expected = core.score(quiz, answers);
  for (let seed = 0; seed < 20; seed++) {
    const random = core.seededRandom(seed);
    quiz.questions.forEach((q) => core.optionOrder(q, random));
    assert.deepEqual(core.score(quiz, answers), expected);
  }
  assert.equal(expected.correct, 2);
});

test('missedQuestions lists the wrong answers in quiz order', () => {
  const quiz = { questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
  assert.deepEqual(core.missedQuestions(quiz, { questions: { c: false, a: false, b: true } }).map((q) => q.id), ['a', 'c']);
  assert.deepEqual(core.missedQuestions(quiz, { questions: { a: true, b: true, c: true } }), []);
});
