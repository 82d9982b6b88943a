/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'warm-handoff',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
      },
      testMatch: ['**/*.test.ts'],
    },
    // The worked example, with its own jest config, run against the built package (npm test builds first).
    '<rootDir>/examples/bot-flow',
  ],
};
