const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const path = require('node:path');
const tsconfig = require('./tsconfig.json');

// Node-side code imports the service components as `c/<bundle>`, like the components do; map each one to its source.
const componentModules = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [
    `^${name}$`,
    path.join('<rootDir>', target)
  ])
);

const nodeBabel = {
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript']
};

module.exports = {
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      roots: ['<rootDir>/force-app'],
      setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/scripts/jest/setup-lwc.js'],
      modulePathIgnorePatterns: ['<rootDir>/.localdevserver']
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/scripts'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      // Browser tests need Chromium and a running cockpit; they run in their own project and gate.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/scripts/cockpit/browser/'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper: componentModules,
      transform: { '^.+\\.ts$': ['babel-jest', nodeBabel] }
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/scripts'],
      testMatch: ['**/scripts/cockpit/browser/__tests__/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper: componentModules,
      transform: { '^.+\\.ts$': ['babel-jest', nodeBabel] }
    }
  ],
  // LWC sources are .ts; the .js next to each one is tsc output for deploy, so it stays out of coverage.
  collectCoverageFrom: ['force-app/**/lwc/**/*.ts', 'scripts/**/*.ts', '!**/__tests__/**', '!**/*.d.ts']
};
