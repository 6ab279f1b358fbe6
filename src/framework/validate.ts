import { Decimal, sum } from '../core/decimal.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { buildModel, type FrameworkModel, type FrameworkNode } from './model.js';
import type { Framework } from './schema.js';
import { maxOf } from '../core/arrays.js';

/**
 * Checks a schema-valid framework for what a schema cannot see: unique codes, references to
 * groups and pillars, a rule on every scored leaf, max points that add up for every group,
 * and rules whose points fit within their indicator's max. Pure: returns issues with paths.
 */
export function validateFramework(framework: Framework, file?: string): DtiIssue[] {
  const model = buildModel(framework);
  const issues: DtiIssue[] = [];
  const at = (path: string) => (file === undefined ? { path } : { file, path });
  const groupIds = new Set(framework.groups.map((g) => g.id));
  const pillarCodes = new Set(framework.pillars.map((p) => p.code));
  const tagIds = new Set(framework.tags.map((t) => t.id));

  duplicates(framework.groups.map((g) => g.id)).forEach((id) =>
    issues.push(issue('E_FW_DUPLICATE_GROUP', at('groups'), { group: id })),
  );
  duplicates(framework.pillars.map((p) => p.code)).forEach((code) =>
    issues.push(issue('E_FW_DUPLICATE_PILLAR', at('pillars'), { pillar: code })),
  );
  duplicates(framework.tags.map((t) => t.id)).forEach((id) => issues.push(issue('E_FW_DUPLICATE_TAG', at('tags'), { tag: id })));
  for (const g of Object.keys(framework.maxPointsByGroup ?? {})) {
    if (!groupIds.has(g)) issues.push(issue('E_FW_UNKNOWN_GROUP', at('maxPointsByGroup'), { code: framework.id, group: g }));
  }

  const seen = new Set<string>();
  const visit = (n: FrameworkNode) => {
    const { node, path } = n;
    if (seen.has(n.code)) issues.push(issue('E_FW_DUPLICATE_CODE', at(`${path}.code`), { code: n.code }));
    seen.add(n.code);
    for (const g of node.groups ?? []) {
      if (!groupIds.has(g)) issues.push(issue('E_FW_UNKNOWN_GROUP', at(`${path}.groups`), { code: n.code, group: g }));
      else if (n.parent && !model.applies(n.parent, g)) {
        issues.push(issue('E_FW_GROUP_NOT_IN_PARENT', at(`${path}.groups`), { code: n.code, group: g, parent: n.parent.code }));
      }
    }
    for (const g of Object.keys(node.maxPointsByGroup ?? {})) {
      if (!groupIds.has(g)) issues.push(issue('E_FW_UNKNOWN_GROUP', at(`${path}.maxPointsByGroup`), { code: n.code, group: g }));
    }
    for (const tag of node.onlyFor ?? []) {
      if (!tagIds.has(tag)) issues.push(issue('E_FW_UNKNOWN_TAG', at(`${path}.onlyFor`), { code: n.code, tag, tags: [...tagIds].join(', ') || '—' }));
    }
    if (node.pillars !== undefined) {
      if (n.depth > 0) issues.push(issue('E_FW_PILLAR_NOT_MAIN', at(`${path}.pillars`), { code: n.code }));
      for (const p of node.pillars) {
        if (!pillarCodes.has(p)) issues.push(issue('E_FW_UNKNOWN_PILLAR', at(`${path}.pillars`), { code: n.code, pillar: p }));
      }
    }
    if (n.isLeaf) {
      if (!n.informational && node.rule === undefined) issues.push(issue('E_FW_NO_RULE', at(path), { code: n.code }));
      if (!n.informational && node.maxPoints === undefined && node.maxPointsByGroup === undefined) {
        issues.push(issue('E_FW_NO_MAX', at(path), { code: n.code }));
      }
    } else if (node.rule !== undefined) {
      issues.push(issue('E_FW_RULE_ON_BRANCH', at(`${path}.rule`), { code: n.code }));
    }
    n.children.forEach(visit);
  };
  model.roots.forEach(visit);
  if (issues.length > 0) return issues; // sums are meaningless over a broken tree

  for (const group of framework.groups) {
    const g = group.id;
    if (model.leavesFor(g).length === 0) issues.push(issue('E_FW_EMPTY_GROUP', at('groups'), { group: g }));
    for (const n of model.nodes.values()) {
      if (n.informational || !model.applies(n, g)) continue;
      // A bonus or penalty leaf's rule is held to its cap, as a scored leaf's to its max.
      const max = n.effect === 'score' ? model.maxFor(n, g) : model.capFor(n, g);
      if (!n.isLeaf) {
        const declared = n.node.maxPointsByGroup?.[g] ?? n.node.maxPoints;
        const children = sum(n.children.map((c) => model.maxFor(c, g)));
        if (declared !== undefined && !children.equals(declared)) {
          issues.push(
            issue('E_FW_SUM_MISMATCH', at(`${n.path}.maxPoints`), {
              code: n.code,
              group: g,
              declared: String(declared),
              sum: children.toString(),
            }),
          );
        }
      } else if (n.node.rule) {
        const over = rulePointsOverMax(n.node.rule, max);
        if (over !== undefined) {
          issues.push(issue('E_FW_RULE_POINTS_OVER_MAX', at(`${n.path}.rule`), { code: n.code, group: g, points: over, max: max.toString() }));
        }
        const top = ruleTopPoints(n.node.rule);
        if (top !== undefined && max.greaterThan(top)) {
          issues.push(issue('W_FW_RULE_NEVER_MAX', at(`${n.path}.rule`), { code: n.code, group: g, points: top, max: max.toString() }));
        }
      }
    }
    const declaredTotal = framework.maxPointsByGroup?.[g] ?? framework.maxPoints;
    if (declaredTotal !== undefined) {
      const total = model.totalFor(g);
      if (!total.equals(declaredTotal)) {
        const where = framework.maxPointsByGroup?.[g] !== undefined ? `maxPointsByGroup.${g}` : 'maxPoints';
        issues.push(issue('E_FW_SUM_MISMATCH', at(where), { code: framework.id, group: g, declared: String(declaredTotal), sum: total.toString() }));
      }
    }
  }
  for (const p of framework.pillars) {
    if (!framework.indicators.some((i) => i.pillars?.includes(p.code))) {
      issues.push(issue('E_FW_EMPTY_PILLAR', at('pillars'), { pillar: p.code }));
    }
  }
  return issues;
}

function rulePointsOverMax(rule: NonNullable<FrameworkNode['node']['rule']>, max: Decimal): string | undefined {
  const points =
    rule.type === 'tiers' ? rule.tiers.map((t) => t.points) : rule.type === 'choice' ? rule.options.map((o) => o.points) : [];
  const over = points.find((p) => max.lessThan(p));
  return over === undefined ? undefined : String(over);
}

/** The most a tiers or choice rule can give (undefined for rules that scale to the max). */
function ruleTopPoints(rule: NonNullable<FrameworkNode['node']['rule']>): string | undefined {
  const points = rule.type === 'tiers' ? rule.tiers.map((t) => t.points) : rule.type === 'choice' ? rule.options.map((o) => o.points) : [];
  return points.length === 0 ? undefined : String(maxOf(points, -Infinity));
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export type { FrameworkModel };
