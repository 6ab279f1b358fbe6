#!/usr/bin/env node
// Launcher only: the program lives in dist/cli, bundled in dist/cli-bundle (built by `npm install` through `prepare`).

// A reader that stops early (`dti score … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const args = process.argv.slice(2);
const lang = (process.env.DTI_LANG || 'vi').toLowerCase();
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V') && (lang === 'vi' || lang === 'en')) {
  // `dti --version` alone prints what commander would print, without loading the program and its
  // catalogue; with a DTI_LANG the program refuses, the program runs and says so.
  const { toolVersion } = await import('../dist/version.js');
  process.stdout.write(toolVersion() + '\n');
} else {
  process.exitCode = await (await program()).run(process.argv);
}

/** The bundled CLI (scripts/bundle-cli.mjs, made by `npm run build`), else the modules tsc wrote. */
async function program() {
  try {
    return await import('../dist/cli-bundle/main.js');
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('cli-bundle')) throw e;
    return import('../dist/cli/main.js');
  }
}
