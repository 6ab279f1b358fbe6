/**
 * Bounds on a framework file. Far past any real framework (the national DTI has 3 levels,
 * about 110 indicators and 1,000 points; tier tables have a handful of rows), and low enough
 * that everything the schema accepts can be scored, written (workbook columns, results.json)
 * and read back by every command. A file past them is refused with a message at the file.
 */
export const FRAMEWORK_LIMITS = Object.freeze({
  /** Levels of indicators: main indicator 1, sub-indicator 2, criterion 3, … */
  depth: 6,
  /** Indicators at all levels together. */
  nodes: 2_000,
  /** Rows of a tiers rule, options of a choice rule. */
  tiers: 100,
  /** Max points of any indicator, of the framework, and any points a rule gives. */
  points: 100_000,
  /** Agency groups, pillars, classes. */
  groups: 100,
  /** Characters of an indicator code. */
  codeLength: 64,
});
