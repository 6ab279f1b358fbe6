// Build step (npm run build): compiles each bundled YAML framework (frameworks/*.yaml) to
// dist/frameworks/<id>.json, so that loading one by id is a JSON.parse instead of a YAML parse,
// the schema and the checks (src/framework/compiled.ts). Stops the build on a framework that does not load.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { bundledFrameworkIds, frameworkPath, COMPILED_DIR } = await import(join(root, 'dist/framework/load.js'));
const { compileFramework } = await import(join(root, 'dist/framework/compiled.js'));

mkdirSync(COMPILED_DIR, { recursive: true });
for (const id of bundledFrameworkIds()) {
  const path = frameworkPath(id);
  if (extname(path) === '.json') continue;
  writeFileSync(join(COMPILED_DIR, id + '.json'), compileFramework(readFileSync(path, 'utf8'), id));
}
