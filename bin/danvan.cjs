#!/usr/bin/env node
"use strict";
// The CLI handles its own errors; this catches only a failure to start it (a broken install).
require("../dist/launch.cjs")
  .run(process.argv)
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
