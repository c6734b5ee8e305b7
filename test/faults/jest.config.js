/** `npm run test:faults`: the fault suite, on a stack of its own (scripts/faults/stack.ts), not the e2e harness. */
const base = require('../../jest.config.js');
const e2e = base.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  rootDir: '../..',
  displayName: 'faults',
  testEnvironment: 'node',
  transform: e2e.transform,
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  testTimeout: 900000,
};
