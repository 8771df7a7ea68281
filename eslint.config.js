// ESLint for the shipped scripts and the Node tests: @eslint/js's recommended rules, plus
// the two layout rules the code review asked for (no style plugins).
const js = require('@eslint/js');
const globals = require('globals');

const layout = {
  'max-len': ['error', { code: 110, ignoreRegExpLiterals: true }],
  'max-statements-per-line': ['error', { max: 1 }],
  // Full names: one letter only for loop indexes.
  'id-length': ['error', { min: 2, exceptions: ['i', 'j'], properties: 'never' }],
  'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }]
};

module.exports = [
  {
    files: ['quizbuilder/theme/assets/quizbuilder/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser, module: 'readonly', require: 'readonly' }
    },
    rules: { ...js.configs.recommended.rules, ...layout }
  },
  {
    files: ['tests/js/**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: { ...js.configs.recommended.rules, 'no-unused-vars': layout['no-unused-vars'] }
  },
  { files: ['eslint.config.js'], languageOptions: { sourceType: 'commonjs', globals: globals.node } }
];
