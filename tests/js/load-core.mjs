// The shipped scripts as the tests see them. From the sources: each file is run as a
// CommonJS module whose `require('./x.js')` loads its sibling the same way, and common.js
// gets Python's constants (tests/vectors/constants/browser.json, kept current by
// tests/test_assets.py) at its marker, as quizbuilder/assets.py builds them in.
// Or, when QB_BUNDLE names a file, the engine bundle exactly as served (minified), run as
// a classic script the way a browser runs it: tests/test_assets.py runs the unit tests
// both ways, so a minifier fault cannot pass unseen.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const ASSETS = new URL('../../quizbuilder/theme/assets/quizbuilder/', import.meta.url);
const CONSTANTS_MARKER = '/*CONSTANTS*/{}';
const constants = readFileSync(new URL('../vectors/constants/browser.json', import.meta.url), 'utf8');
const loaded = new Map();

export function requireAsset(name) {
  const file = name.replace(/^\.\//, '');
  if (loaded.has(file)) return loaded.get(file).exports;
  const url = new URL(file, ASSETS);
  let source = readFileSync(url, 'utf8');
  if (file === 'common.js') source = source.replace(CONSTANTS_MARKER, constants.trim());
  const module = { exports: {} };
  loaded.set(file, module);
  const run = vm.compileFunction(source, ['module', 'exports', 'require'], { filename: url.pathname });
  run(module, module.exports, requireAsset);
  return module.exports;
}

// Runs a file once more, as instant navigation re-runs a script (its own state is new).
export function runAssetAgain(name) {
  const url = new URL(name, ASSETS);
  const module = { exports: {} };
  const run = vm.compileFunction(readFileSync(url, 'utf8'), ['module', 'exports', 'require'], { filename: url.pathname });
  run(module, module.exports, requireAsset);
  return module.exports;
}

export function loadCore() {
  const bundle = process.env.QB_BUNDLE;
  if (!bundle) {
    return { ...requireAsset('common.js'), ...requireAsset('store.js'), ...requireAsset('core.js') };
  }
  const noop = () => {};
  // Just enough of a page for engine.js to load and wait for DOMContentLoaded.
  globalThis.window = globalThis;
  globalThis.addEventListener ??= noop;
  globalThis.document = { readyState: 'loading', addEventListener: noop, currentScript: null };
  globalThis.location ??= new URL('http://localhost/');
  new vm.Script(readFileSync(bundle, 'utf8'), { filename: bundle }).runInThisContext();
  if (!globalThis.QuizbuilderCore || !globalThis.QuizbuilderEngine) throw new Error('the bundle did not load');
  return { ...globalThis.QuizbuilderCommon, ...globalThis.QuizbuilderStore, ...globalThis.QuizbuilderCore };
}
