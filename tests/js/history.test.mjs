// "My results" over time: grouping, change between the last two attempts, chart geometry,
// the export record (history-core.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireAsset } from './load-core.mjs';

const H = requireAsset('history-core.js');

const profile = (date, own, com, extra) => ({ quiz: 'p', title: 'Profile', date, names: { ownership: 'Ownership', composure: 'Composure' },
  result: { status: 'ok', kind: 'profile', dimensions: [{ id: 'ownership', percent: own }, ...(com == null ? [] : [{ id: 'composure', percent: com }])], ...extra } });
const graded = (date, correct, total) => ({ quiz: 'g', title: 'Graded', date, result: { status: 'ok', kind: 'graded', correct, total, questions: {} } });
const finder = (date) => ({ quiz: 'finder', title: 'Finder', date, names: { external: 'External' },
  result: { status: 'ok', kind: 'finder', job: 'Chef', dimensions: [{ id: 'external', percent: 80 }], closest: [{ title: 'Cook' }] } });

test('groups by quiz, oldest first inside, the most recent quiz first; broken attempts skipped', () => {
  const attempts = [profile('2026-01-02T00:00:00Z', 58, 40), graded('2026-01-05T00:00:00Z', 3, 5), profile('2026-01-01T00:00:00Z', 50, 30),
    null, { quiz: 'x' }, { quiz: 'y', date: 'z', result: { status: 'incomplete' } }, finder('2026-01-03T00:00:00Z')];
  const groups = H.groups(attempts);
  assert.deepEqual(groups.map((g) => g.quiz), ['g', 'finder', 'p']);
  assert.deepEqual(groups[2].items.map((x) => x.index), [2, 0]);
  assert.equal(groups[1].kind, 'finder');
  assert.deepEqual(groups[2].names, { ownership: 'Ownership', composure: 'Composure' });
});

test('same date: store order decides', () => {
  const g = H.groups([graded('2026-01-01T00:00:00Z', 1, 5), graded('2026-01-01T00:00:00Z', 2, 5)])[0];
  assert.deepEqual(g.items.map((x) => x.attempt.result.correct), [1, 2]);
});

test('change per dimension: latest against the previous, new dimensions have no before', () => {
  const g = H.groups([profile('2026-01-01T00:00:00Z', 58), profile('2026-01-02T00:00:00Z', 71, 40), profile('2026-01-03T00:00:00Z', 60, 45)])[0];
  const rows = H.change(g);
  assert.deepEqual(rows.map((r) => [r.id, r.before && r.before.value, r.after.value, r.delta]), [['ownership', 71, 60, -11], ['composure', 40, 45, 5]]);
  const two = H.groups([profile('2026-01-01T00:00:00Z', 58), profile('2026-01-02T00:00:00Z', 71, 40)])[0];
  assert.deepEqual(H.change(two).map((r) => [r.id, r.delta]), [['ownership', 13], ['composure', null]]);
});

test('change in a graded score carries counts and percents; one attempt has no change', () => {
  const g = H.groups([graded('2026-01-01T00:00:00Z', 3, 5), graded('2026-01-02T00:00:00Z', 5, 5)])[0];
  const [row] = H.change(g);
  assert.deepEqual([row.before.correct, row.after.correct, row.before.value, row.after.value, row.delta], [3, 5, 60, 100, 40]);
  assert.equal(H.change(H.groups([graded('2026-01-01T00:00:00Z', 3, 5)])[0]), null);
});

test('finder attempts have values from their dimensions', () => {
  assert.deepEqual(H.values(finder('2026-01-01T00:00:00Z')), [{ id: 'external', value: 80 }]);
  assert.deepEqual(H.values({ result: { status: 'ok', kind: 'other' } }), []);
  assert.deepEqual(H.values({ result: { status: 'ok', kind: 'profile', dimensions: [{ id: 'a', percent: 101 }, { id: 'b', percent: 2.5 }, 'x'] } }), []);
});

test('chart geometry: even x, 100 at the top, 0 at the bottom, series skip missing values', () => {
  const g = H.groups([profile('2026-01-01T00:00:00Z', 0), profile('2026-01-02T00:00:00Z', 50, 100), profile('2026-01-03T00:00:00Z', 100, 0)])[0];
  const c = H.chart(g, 120, 110, { top: 5, right: 10, bottom: 5, left: 10 });
  assert.deepEqual(c.xs, [10, 60, 110]);
  assert.deepEqual(c.grid.map((x) => x.y), [105, 55, 5]);
  assert.deepEqual(c.series.map((s) => s.id), ['ownership', 'composure']);
  assert.deepEqual(c.series[0].points.map((p) => [p.x, p.y]), [[10, 105], [60, 55], [110, 5]]);
  assert.deepEqual(c.series[1].points.map((p) => [p.x, p.y, p.attempt]), [[60, 5, 1], [110, 105, 2]]);
  const one = H.chart(H.groups([graded('2026-01-01T00:00:00Z', 1, 2)])[0], 100, 100, { top: 0, right: 0, bottom: 0, left: 0 });
  assert.deepEqual(one.series[0].points.map((p) => [p.x, p.y]), [[50, 50]]);
});

test('signed numbers use a real minus sign', () => {
  assert.deepEqual([H.signed(13), H.signed(-4), H.signed(0)], ['+13', '\u22124', '0']);
});

test('export record: version 2, site, time, a label only when given (trimmed, at most 60 characters)', () => {
  const store = { version: 1, attempts: [graded('2026-01-01T00:00:00Z', 1, 2)] };
  assert.deepEqual(H.exportRecord(store, 'example.org', '', 'T'), { version: 2, site: 'example.org', exported: 'T', attempts: store.attempts });
  assert.equal(H.exportRecord(store, 's', '  Ann \n  B  ', 'T').label, 'Ann B');
  assert.equal(H.exportRecord(store, 's', 'x'.repeat(80), 'T').label.length, 60);
  assert.ok(!('label' in H.exportRecord(store, 's', '   ', 'T')));
  assert.ok(H.exportJSON(store, 's', '', 'T').endsWith('\n'));
});
