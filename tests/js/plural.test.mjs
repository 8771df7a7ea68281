// plural.js (the browser's plural forms) against quizbuilder/strings.py's plural_key:
// the same category for every count, and every count-bearing text rendered with 0, 1
// and 2 exactly as Python renders it (tests/vectors/strings/plural.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { requireAsset } from './load-core.mjs';

const P = requireAsset('plural.js');
const vectors = JSON.parse(readFileSync(new URL('../vectors/strings/plural.json', import.meta.url), 'utf8'));
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, name) => String(values[name]));

test('Intl.PluralRules gives English the categories Python gives', () => {
  for (const [count, category] of Object.entries(vectors.categories)) {
    assert.equal(P.category(Number(count), 'en'), category, count);
  }
});

for (const [key, entry] of Object.entries(vectors.texts)) {
  test(`${key} reads the same as in Python with 0, 1 and 2`, () => {
    for (const [count, rendered] of Object.entries(entry.rendered)) {
      const chosen = P.pluralKey(entry.texts, key, Number(count), 'en');
      assert.equal(fill(entry.texts[chosen], entry.values[count]), rendered);
    }
  });
}

test('a text without forms is used as it is; a missing form falls back to other', () => {
  assert.equal(P.pluralKey({ x: '{count} things' }, 'x', 1, 'en'), 'x');
  assert.equal(P.pluralKey({ x_other: '{count} things' }, 'x', 1, 'en'), 'x_other');
  assert.equal(P.pluralKey({ x_one: 'a thing', x_other: '{count} things' }, 'x', 1, 'en'), 'x_one');
});

test('an unknown language falls back to English', () => {
  assert.equal(P.category(1, 'not a language tag!'), 'one');
});
