// The JavaScript core against the shared vectors, share-link cases, storage and CSV rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { loadCore } from './load-core.mjs';

const core = loadCore();
const here = new URL('.', import.meta.url);
const vectorDir = new URL('../vectors/', here);
const vectors = readdirSync(vectorDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, vectorDir), 'utf8'))]);
const share = JSON.parse(readFileSync(new URL('fixtures/share-cases.json', here), 'utf8'));
// An empty fixture folder must not pass as zero tests.
if (!vectors.length || !share.rejected.length) throw new Error('scoring vectors or share cases missing');


for (const [name, v] of vectors) {
  test(`vector ${name}`, () => {
    assert.deepEqual(core.score(v.quiz, v.answers), v.expected, v.description);
  });
  if (v.expected.status === 'ok') {
    test(`share round trip ${name}`, () => {
      const back = core.decodeShare(v.quiz, core.encodeShare(v.expected));
      assert.equal(back.quiz, v.quiz.id);
      if (v.expected.kind === 'graded') {
        assert.deepEqual([back.correct, back.total], [v.expected.correct, v.expected.total]);
      } else {
        assert.deepEqual(back.dimensions, v.expected.dimensions.map(({ id, percent, band }) => ({ id, percent, band })));
        assert.deepEqual([back.strongest, back.weakest], [v.expected.strongest, v.expected.weakest]);
      }
    });
  }
}


for (const c of share.rejected) {
  test(`tampered fragment rejected: ${c.name}`, () => {
    assert.throws(() => core.decodeShare(share.quizzes[c.quiz], c.fragment), (e) => {
      assert.ok(e instanceof core.ShareError, 'a ShareError');
      assert.ok(e instanceof Error);
      assert.equal(e.code, c.code);
      return true;
    });
  });
}

for (const c of share.accepted) {
  test(`fragment accepted: ${c.name}`, () => {
    assert.deepEqual(core.decodeShare(share.quizzes[c.quiz], c.fragment), c.expected);
  });
}

test('share payload holds the result only, and non-ASCII ids survive', () => {
  const quiz = { id: 'café-quiz', kind: 'graded', questions: [{}, {}] };
  const result = { status: 'ok', kind: 'graded', quiz: 'café-quiz', correct: 1, total: 2, questions: { a: true } };
  const text = core.encodeShare(result);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(core.sharePayload(result), { v: 1, q: 'café-quiz', k: 'g', c: 1, t: 2 });
  assert.equal(core.decodeShare(quiz, text).correct, 1);
});

test('percent rounds half up', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => core.percent(p, 8)), [0, 13, 25, 38, 50, 63, 75, 88, 100]);
});

const attempt = { quiz: 'q', role: 'r', title: 'T', date: '2026-01-01T00:00:00.000Z', answers: { a: [0] },
  result: { status: 'ok', kind: 'graded', quiz: 'q', correct: 1, total: 1, questions: { a: true } } };

test('storage: empty and missing values give an empty version-1 store', () => {
  for (const raw of [null, undefined, '']) {
    assert.deepEqual(core.readStore(raw), { ok: true, store: { version: 1, attempts: [] } });
  }
});

test('storage: version 1 round trip', () => {
  const store = core.addAttempt({ version: 1, attempts: [] }, attempt);
  const back = core.readStore(JSON.stringify(store));
  assert.equal(back.ok, true);
  assert.deepEqual(back.store, store);
});

test('storage: version 0 (bare array, or attempts without version) is migrated, nothing dropped', () => {
  const legacy = [attempt, { odd: true }];
  for (const raw of [JSON.stringify(legacy), JSON.stringify({ attempts: legacy })]) {
    const r = core.readStore(raw);
    assert.equal(r.ok, true);
    assert.equal(r.migrated, true);
    assert.deepEqual(r.store, { version: 1, attempts: legacy });
  }
});

test('storage: a newer version is readable but not writable, and kept as it is', () => {
  const newer = { version: 2, attempts: [attempt], extra: { keep: 1 } };
  const r = core.readStore(JSON.stringify(newer));
  assert.equal(r.ok, false);
  assert.equal(r.reason, 'newer');
  assert.deepEqual(r.store, newer);
});

test('storage: corrupt values are reported, not replaced', () => {
  for (const raw of ['{', 'null', '42', '"x"', '{"version":1}', '{"version":1,"attempts":{}}', '{"version":"2","attempts":[]}', '{"version":0.5,"attempts":[]}']) {
    assert.deepEqual(core.readStore(raw), { ok: false, reason: 'corrupt' }, raw);
  }
});

test('storage: add and remove do not mutate', () => {
  const s0 = { version: 1, attempts: [] };
  const s1 = core.addAttempt(s0, attempt);
  const s2 = core.addAttempt(s1, { ...attempt, date: 'later' });
  assert.equal(s0.attempts.length, 0);
  assert.deepEqual(core.removeAttempt(s2, 0).attempts.map((a) => a.date), ['later']);
  assert.equal(s2.attempts.length, 2);
  assert.equal(core.storageKey('example.com/site/'), 'quizbuilder:example.com/site/:attempts:v1');
});

test('attempt validity', () => {
  assert.equal(core.validAttempt(attempt), true);
  for (const bad of [null, [], {}, { ...attempt, date: 1 }, { ...attempt, result: { status: 'incomplete' } }]) {
    assert.equal(core.validAttempt(bad), false);
  }
});

test('CSV cells: quotes, separators, newlines and formula injection', () => {
  const cases = [
    ['plain', 'plain'], [3, '3'], [null, ''], [undefined, ''],
    ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'], ['cr\r', '"cr\r"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"], ['+1', "'+1"], ['-1', "'-1"], ['@cmd', "'@cmd"],
    ['\tx', "'\tx"], ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'], ['a=b', 'a=b'],
  ];
  for (const [input, want] of cases) assert.equal(core.csvCell(input), want, JSON.stringify(input));
});

test('CSV export: header, one row per valid attempt, CRLF', () => {
  const profile = { ...attempt, quiz: 'p', title: '=evil, "title"', result: { status: 'ok', kind: 'profile', quiz: 'p',
    dimensions: [{ id: 'own', percent: 78 }, { id: 'comp', percent: 100 }], strongest: 'comp', weakest: 'own' } };
  const csv = core.toCSV([attempt, { broken: true }, profile]);
  assert.equal(csv, [
    'date,quiz,title,role,kind,correct,total,strongest,weakest,dimensions',
    '2026-01-01T00:00:00.000Z,q,T,r,graded,1,1,,,',
    '2026-01-01T00:00:00.000Z,p,"\'=evil, ""title""",r,profile,,,comp,weakest-placeholder,own=78;comp=100',
  ].join('\r\n').replace('weakest-placeholder', 'own') + '\r\n');
});

test('format fills placeholders and leaves unknown ones', () => {
  assert.equal(core.format('{correct} of {total} correct {x}', { correct: 3, total: 5 }), '3 of 5 correct {x}');
  assert.equal(core.format('{constructor}', {}), '{constructor}');
});
