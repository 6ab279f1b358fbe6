#!/usr/bin/env node
// Launcher only: the program lives in dist/cli (built by `npm install` through `prepare`).
import { run } from '../dist/cli/main.js';

// A reader that stops early (`dti score … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await run(process.argv);
