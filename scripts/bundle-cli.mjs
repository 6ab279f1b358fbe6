// Build step (npm run build): the CLI bundled into a few files (dist/cli-bundle/), which bin/dti.js
// loads instead of dist/cli/main.js. Node resolves, reads and links each ES module on its own:
// the CLI's ~220 modules (95 of them zod's) cost a start-up a bundle of a few chunks does not.
// Commands and the workbook writer stay split out (loaded only when used); exceljs, echarts and
// playwright-core stay in node_modules. dist/ itself is unchanged: the library API and worker
// scripts still load from it.
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist/cli-bundle');

/**
 * Each module keeps the import.meta.url it has in dist/ (relative to the chunk it lands in), so the
 * paths made from it — the bundled frameworks, package.json, a worker's script, require() of a
 * package — are the same from the bundle as from dist/.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [join(root, 'dist/cli/main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'echarts', 'playwright-core'],
  // CommonJS packages bundled into ES modules (commander) call require() for node: built-ins.
  banner: { js: "import { createRequire as __dtiRequire } from 'node:module'; const require = __dtiRequire(import.meta.url);" },
  plugins: [keepModuleUrls],
  logLevel: 'warning',
});
