import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Says which of pandoc, LibreOffice and poppler is missing and how to install it, before any test runs.
    globalSetup: ["tests/setup/preflight.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
