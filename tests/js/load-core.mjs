// The core as the tests see it: core.js from the sources, or, when QB_BUNDLE names a
// file, the bundle exactly as served (minified core + engine), run as a classic script
// the way a browser runs it. tests/test_assets.py runs the unit tests both ways, so a
// minifier fault cannot pass unseen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

export function loadCore() {
  const bundle = process.env.QB_BUNDLE;
  if (!bundle) return createRequire(import.meta.url)('../../quizbuilder/theme/assets/quizbuilder/core.js');
  const noop = () => {};
  // Just enough of a page for engine.js to load and wait for DOMContentLoaded.
  globalThis.window = globalThis;
  globalThis.addEventListener ??= noop;
  globalThis.document = { readyState: 'loading', addEventListener: noop, currentScript: null };
  globalThis.location ??= new URL('http://localhost/');
  new vm.Script(readFileSync(bundle, 'utf8'), { filename: bundle }).runInThisContext();
  if (!globalThis.QuizbuilderCore || !globalThis.QuizbuilderEngine) throw new Error('the bundle did not load');
  return globalThis.QuizbuilderCore;
}
