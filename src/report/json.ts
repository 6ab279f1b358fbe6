import type { ResultsDoc } from '../results/schema.js';

/** The results document as text: two-space indentation, key order as built, a final newline. */
export function resultsJson(doc: ResultsDoc): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
