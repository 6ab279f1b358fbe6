import { z } from 'zod';
import { frameworkSchema } from './schema.js';

/** The file name of the JSON Schema shipped next to the bundled frameworks (frameworks/). */
export const FRAMEWORK_SCHEMA_FILE = 'framework.schema.json';

/**
 * The JSON Schema of a framework file, generated from the zod schema (one source of truth), so an
 * editor checks and completes a framework as it is written. It describes what a file may hold
 * (zod's input side: fields with defaults are optional); the semantic checks stay in validate.ts.
 */
export function frameworkJsonSchema(): string {
  const schema = z.toJSONSchema(frameworkSchema, { io: 'input', target: 'draft-2020-12' });
  const described = {
    ...schema,
    $id: 'https://github.com/dti/dti/frameworks/framework.schema.json',
    title: 'dti framework (bộ chỉ số DTI)',
  };
  return JSON.stringify(described, null, 2) + '\n';
}
