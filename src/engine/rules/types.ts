import type { Decimal } from '../../core/decimal.js';
import type { CellValue } from '../../core/grid.js';
import type { DtiIssue, Location } from '../../core/issues.js';

/** A value read from a submission, with the cell it came from. */
export interface SourcedValue {
  readonly raw: CellValue;
  readonly loc: Location;
}

/** What an agency gave for one indicator. */
export interface RuleInput {
  readonly value?: SourcedValue;
  readonly numerator?: SourcedValue;
  readonly denominator?: SourcedValue;
  readonly points?: SourcedValue;
}

export interface RuleContext {
  readonly indicator: string;
  readonly maxPoints: Decimal;
  /** Best value in the ranking scope, for rules that score relative to it. */
  readonly best?: Decimal;
  /** Where to point when the input has no cell of its own. */
  readonly fallbackLocation: Location;
}

export type RuleOutcome =
  | { readonly status: 'missing' }
  | {
      readonly status: 'scored';
      /** Unrounded points; the engine rounds them at the framework's precision. */
      readonly points: Decimal;
      /** The inputs as read, for the audit trail (name → text). */
      readonly inputs: Readonly<Record<string, string>>;
      readonly issues: readonly DtiIssue[];
    };
