#!/usr/bin/env node
"use strict";
// Node 22.1 and later keep what they compile between runs (in the system temp folder, or NODE_COMPILE_CACHE);
// Node 20 has no such cache and starts the same way without it.
const { enableCompileCache } = require("node:module");
if (typeof enableCompileCache === "function") enableCompileCache();
// The CLI handles its own errors; this catches only a failure to start it (a broken install).
import("../dist/cli.js")
  .then((cli) => cli.run(process.argv))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      const detail = process.argv.includes("--debug") ? err.stack : err.message;
      process.stderr.write(`danvan: không khởi động được (hãy chạy lại npm install): ${detail}\n`);
      process.exitCode = 70;
    },
  );
