#!/usr/bin/env node
// Launcher only: the program lives in dist/cli (built by `npm install` through `prepare`).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv);
