// finder.js against the vectors tests/test_finder.py also runs (node --test tests/js/).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { requireAsset, runAssetAgain } from "./load-core.mjs";

const root = new URL("../../", import.meta.url);
const Finder = requireAsset("finder.js");
const vectors = new URL("tests/vectors/finder/", root);

function load(name) {
  const vector = JSON.parse(readFileSync(new URL(name, vectors), "utf8"));
  if (typeof vector.data === "string") vector.data = load(vector.data);
  return vector;
}

const data = load("data.json");

test("exports the pure functions and attaches to globalThis once", () => {
  assert.equal(globalThis.QuizbuilderFinder, Finder);
  for (const name of ["normalise", "editDistance", "matchRoles", "customerProfile", "searchRoles"]) {
    assert.equal(typeof Finder[name], "function", name);
  }
});

for (const c of load("normalise.json").cases) {
  test(`normalise ${JSON.stringify(c.input)}`, () => {
    assert.equal(Finder.normalise(c.input), c.expected);
  });
}

for (const c of load("edit_distance.json").cases) {
  test(`editDistance ${c.a} ${c.b} ${c.limit}`, () => {
    assert.equal(Finder.editDistance(c.a, c.b, c.limit), c.expected);
  });
}

for (const c of load("match.json").cases) {
  test(`matchRoles: ${c.name}`, () => {
    if (c.error) {
      assert.throws(() => Finder.matchRoles(data, c.answers, c.k), RangeError);
    } else {
      assert.deepEqual(Finder.matchRoles(data, c.answers, c.k), c.expected);
    }
  });
}

for (const c of load("profile.json").cases) {
  test(`customerProfile: ${c.name}`, () => {
    assert.deepEqual(Finder.customerProfile(c.data || data, c.answers), c.expected);
  });
}

for (const c of load("search.json").cases) {
  test(`searchRoles: ${c.name}`, () => {
    assert.deepEqual(Finder.searchRoles(data, c.query, c.limit), c.expected);
  });
}

test("search tolerates the typos people make", () => {
  const first = (query) => (Finder.searchRoles(data, query)[0] || {}).slug;
  assert.equal(first("recepcionist"), "receptionist");
  assert.equal(first("toll booth"), "toll-booth-operator");
  assert.equal(first("Toll Colector"), "toll-booth-operator");
  assert.equal(first("REGISTERED NURSE"), "registered-nurse");
  assert.equal(first("hepl desk"), undefined); // four letters: no typo allowed
  assert.equal(first("sofware enginer"), "software-developer");
  assert.equal(first("zzzz"), undefined);
});

test("every role is reachable from its own answers", () => {
  for (const role of data.roles) {
    const twins = data.roles.filter((r) => r.v.join() === role.v.join()).map((r) => r.slug);
    const found = Finder.matchRoles(data, role.v, twins.length).map((m) => m.slug);
    assert.ok(found.includes(role.slug), role.slug);
  }
});

// Speed at 1,000 roles is measured by benchmarks/build.py ("match 1000 ms"); this
// test only proves that a big site gives the same, bounded answers.
test("a thousand roles: search and match answer within their limits", () => {
  const many = { ...data, roles: [] };
  for (let i = 0; i < 1000; i++) {
    const base = data.roles[i % data.roles.length];
    many.roles.push({ ...base, slug: `${base.slug}-${i}`, title: `${base.title} ${i}` });
  }
  const guesses = Finder.searchRoles(many, "recepcionist");
  assert.equal(guesses.length, 8);
  assert.ok(guesses.every((g) => g.slug.startsWith("receptionist-")));
  assert.ok(guesses.every((g) => g.match === guesses[0].match));
  const matched = Finder.matchRoles(many, [2, 2, 2, 2, 2, 2, 2, 2]);
  assert.equal(matched.length, 3);
});

test("loading the file again keeps the first API", () => {
  const again = runAssetAgain("finder.js");
  assert.equal(again, Finder);
});

const share = load("share.json");
for (const c of share.encode) {
  test(`encodeShare ${JSON.stringify(c.job)}`, () => {
    assert.equal(Finder.encodeShare(c.answers, c.job), c.expected);
  });
}
for (const c of share.decode) {
  test(`decodeShare ${c.text.slice(0, 40)}`, () => {
    if (c.error) {
      assert.throws(() => Finder.decodeShare(data, c.text), (e) => e instanceof Finder.ShareError && e.code === c.error);
    } else {
      assert.deepEqual(Finder.decodeShare(data, c.text), c.expected);
    }
  });
}
