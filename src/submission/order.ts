import type { Location } from '../core/issues.js';
import type { Submission, SubmissionEntry } from './schema.js';

/**
 * A submission's values with their keys in the schema's order (src/engine/input.ts), as results.json
 * and the engine's findings have always listed them: the readers build locations in another order
 * (file, row, then sheet…), and parsing the whole submission with zod used to reorder them as a
 * side effect. This copy does only that, without zod's cost per entry (a tenth of parsing a form);
 * the pinned outputs (test/cli/pinned-outputs.test.ts) hold it to the same bytes.
 */
export function locationInOrder(l: Location): Location {
  const o: Location = {};
  if ('file' in l) o.file = l.file;
  if ('sheet' in l) o.sheet = l.sheet;
  if ('row' in l) o.row = l.row;
  if ('column' in l) o.column = l.column;
  if ('cell' in l) o.cell = l.cell;
  if ('path' in l) o.path = l.path;
  return o;
}

type SourcedValue = NonNullable<SubmissionEntry['value']>;
type SourcedText = NonNullable<SubmissionEntry['evidence']>;

export function valueInOrder(v: SourcedValue): SourcedValue {
  return { raw: v.raw, loc: locationInOrder(v.loc) };
}

function textInOrder(t: SourcedText): SourcedText {
  return 'link' in t ? { text: t.text, link: t.link, loc: locationInOrder(t.loc) } : { text: t.text, loc: locationInOrder(t.loc) };
}

const CELL_KEYS = ['value', 'numerator', 'denominator', 'points', 'evidence', 'note'] as const;
const VALUE_KEYS = ['value', 'numerator', 'denominator', 'points'] as const;

export function entryInOrder(e: SubmissionEntry): SubmissionEntry {
  const o: SubmissionEntry = { indicator: e.indicator, loc: locationInOrder(e.loc) };
  for (const k of VALUE_KEYS) if (k in e) o[k] = valueInOrder(e[k]!);
  if ('evidence' in e) o.evidence = textInOrder(e.evidence!);
  if ('note' in e) o.note = textInOrder(e.note!);
  if ('cells' in e) {
    const cells: NonNullable<SubmissionEntry['cells']> = {};
    for (const k of CELL_KEYS) if (k in e.cells!) cells[k] = locationInOrder(e.cells![k]!);
    o.cells = cells;
  }
  return o;
}

export function submissionInOrder(s: Submission): Submission {
  const o: Submission = { agency: s.agency, loc: locationInOrder(s.loc), file: s.file, sha256: s.sha256, entries: s.entries.map(entryInOrder) };
  if ('total' in s) o.total = valueInOrder(s.total!);
  return o;
}
