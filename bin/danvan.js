#!/usr/bin/env node
import { installSignalHandlers, main } from "../dist/cli.js";

installSignalHandlers();
process.exitCode = await main(process.argv);
