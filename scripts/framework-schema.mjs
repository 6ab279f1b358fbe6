#!/usr/bin/env node
// Writes frameworks/framework.schema.json from the zod schema (npm run build first).
// test/framework/json-schema.test.ts fails when the file is out of step with the schema.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const { frameworkJsonSchema, FRAMEWORK_SCHEMA_FILE } = await import(join(root, 'dist/framework/json-schema.js'));
writeFileSync(join(root, 'frameworks', FRAMEWORK_SCHEMA_FILE), frameworkJsonSchema());
console.log(`frameworks/${FRAMEWORK_SCHEMA_FILE} written`);
