import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * How dti knows which files of an output folder it wrote: a small manifest, written last into the
 * folder, listing every file of the run with its SHA-256. A file in the folder that the manifest
 * does not list, or whose bytes no longer match (a ranked workbook someone annotated), is not
 * dti's to replace.
 */
export const MANIFEST_NAME = '.dti-manifest.json';

const manifestSchema = z.object({
  tool: z.literal('dti'),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest's text, from each file's name and SHA-256: names in a fixed order, so the same outputs give the same bytes. */
export function manifestText(files: readonly { name: string; sha256: string }[]): string {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const doc: Manifest = { tool: 'dti', files: Object.fromEntries(sorted.map((f) => [f.name, f.sha256])) };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The files a manifest lists with their hashes; none when it is missing or not dti's. */
export function parseManifest(text: string): ReadonlyMap<string, string> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? new Map(Object.entries(parsed.data.files)) : new Map();
  } catch {
    return new Map();
  }
}
