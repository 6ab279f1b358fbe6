import { deserialize, serialize } from 'node:v8';
import { append } from '../core/arrays.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { normaliseCode } from '../core/text.js';
import { rankScores } from '../engine/rank.js';
import { bestOfBatch, scoreSubmissions, type AgencyScore, type NodeScore } from '../engine/score.js';
import type { FrameworkModel } from '../framework/model.js';
import type { Lang } from '../i18n/types.js';
import { checkAdjustments } from '../review/check.js';
import type { Adjustment } from '../review/schema.js';
import { SubmissionBatch, type FileRead } from '../submission/read.js';
import type { Submission } from '../submission/schema.js';
import { checkSubmission } from '../validate/checks.js';
import { buildResults, leafJson } from './build.js';
import type { InputFile, LeafJson, ResultsDoc } from './schema.js';
import { Spool } from './spool.js';

export interface FoldOptions {
  readonly lang: Lang;
  readonly toolVersion: string;
  /** The assessment year: when given, each submission is held to it (checkSubmission), as scoreFiles does. */
  readonly year?: number;
  /** Every adjustment of the run (given and read from the review file), checked at the end against all submissions. */
  readonly adjustments: readonly Adjustment[];
  /** Findings that come before the submissions' (side files: the agency list, skipped files). */
  readonly sideIssues: readonly DtiIssue[];
  /** The review file's own findings, listed after the submissions' checks. */
  readonly reviewIssues: readonly DtiIssue[];
  /** The review file, listed among the inputs after the submissions. */
  readonly reviewInput?: InputFile;
}

/** What a run keeps at its end: the document (audit trails read from disk on demand) and the findings. */
export interface CompactRun {
  readonly results: ResultsDoc;
  readonly issues: readonly DtiIssue[];
  /** The appraisal adjustments applied (those that passed the checks). */
  readonly adjustments: readonly Adjustment[];
  /** Frees the disk the audit trails take; the document's leaves cannot be read after it. */
  release(): void;
}

/**
 * A scoring run as a fold over file reads, in file order, whose memory does not grow with the
 * batch: the same results, byte for byte, as scoreFiles, which holds every submission and score.
 *
 * Each submission is checked as it comes and put aside on disk; only what needs the whole batch
 * is kept in memory: the agency and the entries of relative leaves (their best value per scope)
 * and of adjusted leaves (the council's decisions are checked against every agency code). At the
 * end the submissions are scored one at a time against the batch's best values, ranked from
 * compact scores (totals and main indicators), and their audit trails spooled again as JSON,
 * which the results document reads back when a writer asks for an agency's leaves.
 */
export class ScoringFold {
  private readonly batch = new SubmissionBatch();
  private readonly checks: DtiIssue[] = [];
  /** Agencies with only the entries the batch-wide steps read. */
  private readonly reduced: Submission[] = [];
  private readonly submissions = new Spool();
  /** Indicators whose entries the batch-wide steps read: relative leaves and adjusted ones. */
  private readonly batchWide: ReadonlySet<string>;

  constructor(
    private readonly model: FrameworkModel,
    private readonly options: FoldOptions,
  ) {
    const codes = new Set<string>();
    for (const n of model.nodes.values()) if (n.node.rule?.type === 'relative') codes.add(n.code);
    for (const a of options.adjustments) codes.add(normaliseCode(a.indicator));
    this.batchWide = codes;
  }

  /** Folds in one file's read (reads must come in file order for the results to be deterministic). */
  add(read: FileRead): void {
    const kept = this.batch.add(read);
    // The batch lists every submission it kept; here they go to disk instead, so the list is emptied.
    this.batch.submissions.length = 0;
    for (const s of kept) {
      if (this.options.year !== undefined) append(this.checks, checkSubmission(this.model, s, { year: this.options.year }));
      this.reduced.push({ ...s, entries: s.entries.filter((e) => this.batchWide.has(e.indicator)) });
      this.submissions.put(serialize(s));
    }
  }

  /** Scores, ranks and builds the document; the fold cannot be added to after. */
  finish(): CompactRun {
    const { model, options } = this;
    const checked = checkAdjustments(model, this.reduced, options.adjustments);
    const best = bestOfBatch(model, this.reduced, checked.adjustments);
    const byAgency = new Map<string, Adjustment[]>();
    for (const a of checked.adjustments) byAgency.set(a.agency, [...(byAgency.get(a.agency) ?? []), a]);

    const trails = new Spool();
    const slotOf = new Map<AgencyScore, number>();
    const scores: AgencyScore[] = [];
    const scoreIssues: DtiIssue[] = [];
    try {
      for (let n = 0; n < this.submissions.size; n++) {
        const s = deserialize(this.submissions.get(n)) as Submission;
        const score = scoreSubmissions(model, [s], byAgency.get(s.agency.code) ?? [], best)[0]!;
        append(scoreIssues, score.issues as DtiIssue[]);
        const compact = compactScore(model, score);
        slotOf.set(compact, trails.put(Buffer.from(JSON.stringify(score.leaves.map((l) => leafJson(model, l))), 'utf8')));
        scores.push(compact);
      }
    } catch (e) {
      trails.close();
      throw e;
    } finally {
      this.submissions.close();
    }
    const groups = rankScores(model, scores);
    // Writers read an agency's leaves several times in a row (a card, a row of the workbook): the last few are kept.
    const recent = new RecentlyRead<LeafJson[]>(RECENT_TRAILS);
    const inputs = this.batch.inputs.map((i): InputFile => ({ ...i, kind: 'submission' }));
    if (options.reviewInput) inputs.push(options.reviewInput);
    const issues = [...options.sideIssues, ...this.batch.issues, ...this.checks, ...options.reviewIssues, ...checked.issues, ...scoreIssues];
    if (scores.length === 0) issues.push(issue('E_NOTHING_SCORED', {}, {}));
    const results = buildResults(model, groups, issues, {
      lang: options.lang,
      toolVersion: options.toolVersion,
      inputs,
      leaves: (score) => {
        const slot = slotOf.get(score)!;
        return () => recent.get(slot, () => JSON.parse(trails.get(slot).toString('utf8')) as LeafJson[]);
      },
    });
    // The document keeps only what it reads (each agency's record number); the compact scores,
    // with their exact decimals, and the reduced submissions go now rather than with the document.
    slotOf.clear();
    this.reduced.length = 0;
    return { results, issues, adjustments: checked.adjustments, release: () => trails.close() };
  }
}

/** A score without its audit trail and findings, and with only the nodes ranking reads (main indicators). */
function compactScore(model: FrameworkModel, score: AgencyScore): AgencyScore {
  const nodes = new Map<string, NodeScore>();
  for (const m of model.mainFor(score.agency.group)) {
    const node = score.nodes.get(m.code);
    if (node) nodes.set(m.code, node);
  }
  return { ...score, nodes, leaves: [], issues: [] };
}

/** How many agencies' audit trails stay parsed in memory after being read (about 100 leaves each). */
const RECENT_TRAILS = 32;

/** The last few values read, by key: a bounded cache, oldest out first. */
class RecentlyRead<T> {
  private readonly values = new Map<number, T>();
  constructor(private readonly max: number) {}

  get(key: number, read: () => T): T {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = read();
    this.values.set(key, value);
    if (this.values.size > this.max) this.values.delete(this.values.keys().next().value!);
    return value;
  }
}
