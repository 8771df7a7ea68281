// The team view's arithmetic (team-core.js) against the vectors shared with
// quizbuilder/reference/aggregate.py, and its CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { requireAsset } from './load-core.mjs';

const T = requireAsset('team-core.js');
const dir = new URL('../vectors/aggregate/', import.meta.url);
const vectors = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]);

test('there are aggregate vectors', () => assert.ok(vectors.length >= 5));

for (const [name, v] of vectors) {
  test(`aggregate vector ${name}`, () => {
    assert.deepEqual(T.aggregate(v.catalogue, v.site, v.files), v.expected, v.description);
  });
}

test('every refusal code appears in the vectors', () => {
  const codes = new Set(vectors.flatMap(([, v]) => v.expected.files.map((f) => f.code)));
  for (const code of ['json', 'shape', 'site', 'newer', 'large', 'duplicate', 'unknown', 'empty']) assert.ok(codes.has(code), code);
});

test('a file over the limit is refused by size alone', () => {
  assert.deepEqual(T.readExport('[]', T.MAX_BYTES + 1, 's'), { ok: false, code: 'large' });
  assert.equal(T.readExport('[]', T.MAX_BYTES, 's').ok, true);
});

test('CSV: one row per score, question and dimension; formulas defused', () => {
  const [, v] = vectors.find(([n]) => n.startsWith('01'));
  const rows = T.toCSV(v.expected).trimEnd().split('\r\n');
  assert.equal(rows[0], 'quiz,title,kind,measure,name,people,percent,correct,distribution');
  assert.equal(rows[1], 'g,Who are the customers?,graded,score,,3,67,,review=1;close=1;known=1');
  assert.equal(rows[2], 'g,Who are the customers?,graded,question:q3,Third,3,33,1,');
  assert.equal(rows.length, 1 + 1 + 3 + 2);
  const evil = { quizzes: [{ id: 'x', title: '=HYPERLINK("a")', kind: 'profile', dimensions: [{ id: 'd', name: '+1', people: 1, average: 5, bands: [] }] }] };
  assert.equal(T.toCSV(evil).split('\r\n')[1], 'x,"\'=HYPERLINK(""a"")",profile,dimension:d,\'+1,1,5,,');
});
