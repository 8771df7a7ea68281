// The settled graded quiz's words and marks, decided in the core and checked here without a
// browser: a result view that said "Correct." to a wrong answer would fail this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from './load-core.mjs';

const core = loadCore();

const single = {
  id: 'who', type: 'single',
  options: [{ correct: false }, { correct: true }, { correct: false }, { correct: false }]
};
const multiple = {
  id: 'which', type: 'multiple',
  options: [{ correct: true }, { correct: false }, { correct: true }, { correct: false }]
};
const quiz = { id: 'q', kind: 'graded', questions: [single, multiple] };

function feedbackFor(answers) {
  const result = core.score(quiz, answers);
  assert.equal(result.status, 'ok');
  return [core.gradedFeedback(single, result, answers.who), core.gradedFeedback(multiple, result, answers.which)];
}

test('a right answer is marked right and says "correct"', () => {
  const [who] = feedbackFor({ who: [1], which: [0, 2] });
  assert.deepEqual(who, { state: 'right', textKey: 'correct', marks: ['', 'right', '', ''] });
});

test('a wrong single answer is marked wrong, and the right option as missed', () => {
  const [who] = feedbackFor({ who: [3], which: [0, 2] });
  assert.deepEqual(who, { state: 'wrong', textKey: 'incorrect', marks: ['', 'missed', '', 'wrong'] });
});

test('a multiple answer with one right choice missing is wrong, not half right', () => {
  const [, which] = feedbackFor({ who: [1], which: [0] });
  assert.deepEqual(which, { state: 'wrong', textKey: 'incorrect', marks: ['right', '', 'missed', ''] });
});

test('a multiple answer with every right choice and one extra is wrong', () => {
  const [, which] = feedbackFor({ who: [1], which: [0, 1, 2] });
  assert.deepEqual(which, { state: 'wrong', textKey: 'incorrect', marks: ['right', 'wrong', 'right', ''] });
});

test('the exact set of a multiple question is right', () => {
  const [, which] = feedbackFor({ who: [1], which: [0, 2] });
  assert.deepEqual(which, { state: 'right', textKey: 'correct', marks: ['right', '', 'right', ''] });
});

test('the words shown follow the verdict, in every default language string', () => {
  for (const answers of [{ who: [0], which: [1] }, { who: [1], which: [0, 2] }]) {
    const result = core.score(quiz, answers);
    for (const question of quiz.questions) {
      const feedback = core.gradedFeedback(question, result, answers[question.id]);
      assert.equal(feedback.textKey === 'correct', result.questions[question.id]);
    }
  }
});
