const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const nodeBabel = {
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript']
};

module.exports = {
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      roots: ['<rootDir>/force-app'],
      modulePathIgnorePatterns: ['<rootDir>/.localdevserver']
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/scripts'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform: { '^.+\\.ts$': ['babel-jest', nodeBabel] }
    }
  ],
  // LWC sources are .ts; the .js next to each one is tsc output for deploy, so it stays out of coverage.
  collectCoverageFrom: ['force-app/**/lwc/**/*.ts', 'scripts/**/*.ts', '!**/__tests__/**', '!**/*.d.ts']
};
