const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const lwcRecommendedTs = require('@salesforce/eslint-config-lwc/recommended-ts');
const globals = require('globals');

module.exports = defineConfig([
  {
    // tsc output of the LWC sources, and everything that is not ours
    ignores: [
      '**/lwc/**/*.js',
      'node_modules/**',
      'tools/*/node_modules/**',
      'build/**',
      'coverage/**',
      '_local/**',
      'force-app/**/staticresources/**'
    ]
  },
  {
    files: ['force-app/**/lwc/**/*.ts'],
    extends: [lwcRecommendedTs, tseslint.configs.recommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: false, sourceType: 'module', ecmaVersion: 'latest' }
    },
    rules: {
      'no-undef': 'off',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': 'error',
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.ts'],
    rules: {
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
      '@lwc/lwc/no-async-operation': 'off'
    },
    languageOptions: { globals: { ...globals.node, ...jestPlugin.environments.globals.globals } }
  },
  {
    files: ['scripts/**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: false, sourceType: 'module', ecmaVersion: 'latest' },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['scripts/**/__tests__/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...jestPlugin.environments.globals.globals } }
  },
  {
    files: ['scripts/**/*.mjs', 'tools/*/*.mjs'],
    languageOptions: { sourceType: 'module', ecmaVersion: 'latest', globals: { ...globals.node } }
  },
  {
    files: ['*.js', 'scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 'latest', globals: { ...globals.node } }
  }
]);
