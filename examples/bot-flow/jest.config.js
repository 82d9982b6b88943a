// The example's own jest setup, as a user's project would have it. To register the matchers
// for every test file instead of importing 'warm-handoff/jest' in each, add:
//   setupFilesAfterEnv: ['warm-handoff/jest'],
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'example: bot-flow',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../../tsconfig.json' }],
  },
};
