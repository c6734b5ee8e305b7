/** Two projects: fast unit specs beside the code, and end-to-end tests under test/ that share one real
 * Temporal dev server (and the real worker + API) started by test/setup/global-setup.ts. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      testMatch: ['<rootDir>/{apps,workflows,activities,libs,scripts}/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Tests that read Temporal's PostgreSQL rows run where there is one: `npm run test:cluster` says where.
      testPathIgnorePatterns: process.env.ACCORD_E2E_POSTGRES
        ? ['/node_modules/']
        : ['/node_modules/', '<rootDir>/test/cluster/postgres/'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      testTimeout: 120000,
    },
  ],
};
