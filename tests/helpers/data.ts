/**
 * The tests' data root: a copy of the repository's data/2021 made once per run by tests/setup/isolation.ts. Tests
 * read it, never the live data/ folder; a test that changes data copies this root to a folder of its own.
 */
export const DATA_ROOT: string = (() => {
  const root = process.env.DANVAN_TEST_DATA;
  if (!root) throw new Error("DANVAN_TEST_DATA is not set: run the tests through vitest.config.ts (npm test, npx vitest)");
  return root;
})();
