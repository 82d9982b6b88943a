// A user's project that registers warm-handoff's matchers through setupFilesAfterEnv only
// (no import in the test files). Run by test/testing/package.test.ts against the built package.
/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'globals',
      rootDir: __dirname,
      testEnvironment: 'node',
      setupFilesAfterEnv: ['warm-handoff/jest'],
      testMatch: ['<rootDir>/globals.spec.js'],
    },
    {
      displayName: 'no injected globals',
      rootDir: __dirname,
      testEnvironment: 'node',
      injectGlobals: false,
      setupFilesAfterEnv: ['warm-handoff/jest'],
      testMatch: ['<rootDir>/no-globals.spec.js'],
    },
  ],
};
