import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Says which of pandoc, LibreOffice and poppler is missing and how to install it, before any test runs;
    // then a cache folder and a copy of data/2021 of the run's own (tests never touch ~/.cache/danvan or data/).
    globalSetup: ["tests/setup/preflight.ts", "tests/setup/isolation.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
