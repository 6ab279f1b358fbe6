import type { FrameworkModel, FrameworkNode } from './model.js';

/**
 * The normalised framework as JSON: every default filled in, every branch's max points
 * written out, `children` on every node. Scripts read it (keep the names stable) and it
 * loads back as a framework file that scores exactly as the original.
 */
export function normaliseFramework(model: FrameworkModel): Record<string, unknown> {
  const fw = model.framework;
  const firstGroup = fw.groups[0]!.id;
  const nodeJson = (n: FrameworkNode): Record<string, unknown> => {
    const node = n.node;
    const out: Record<string, unknown> = { code: node.code, name: node.name };
    if (node.description) out.description = node.description;
    // A branch's max is written for its first applicable group; other groups get maxPointsByGroup where they differ.
    const applicable = fw.groups.map((g) => g.id).filter((g) => model.applies(n, g));
    // A bonus or penalty node's maxPoints is its cap.
    const maxOf = (g: string) => (n.effect === 'score' ? model.maxFor(n, g) : model.capFor(n, g));
    const base = node.maxPoints ?? (n.informational ? 0 : Number(maxOf(applicable[0] ?? firstGroup).toString()));
    out.maxPoints = base;
    const byGroup: Record<string, number> = { ...(node.maxPointsByGroup ?? {}) };
    if (node.maxPoints === undefined && !n.informational) {
      for (const g of applicable) {
        const m = Number(maxOf(g).toString());
        if (m !== base) byGroup[g] = m;
      }
    }
    if (Object.keys(byGroup).length > 0) out.maxPointsByGroup = byGroup;
    if (node.groups) out.groups = node.groups;
    if (node.informational) out.informational = true;
    if (node.evidenceRequired) out.evidenceRequired = true;
    if (node.pillars) out.pillars = node.pillars;
    if (node.onlyFor) out.onlyFor = node.onlyFor;
    if (node.notApplicableAllowed !== undefined) out.notApplicableAllowed = node.notApplicableAllowed;
    if (node.effect) out.effect = node.effect;
    if (node.rule) out.rule = node.rule;
    out.children = n.children.map(nodeJson);
    return out;
  };
  const out: Record<string, unknown> = {
    id: fw.id,
    name: fw.name,
    version: fw.version,
    year: fw.year,
  };
  if (fw.description) out.description = fw.description;
  if (fw.provenance) out.provenance = fw.provenance;
  if (fw.maxPoints !== undefined) out.maxPoints = fw.maxPoints;
  if (fw.maxPointsByGroup !== undefined) out.maxPointsByGroup = fw.maxPointsByGroup;
  // Written only where they differ from the defaults, so that older frameworks print as before.
  if (!fw.indexClamp) out.indexClamp = false;
  Object.assign(out, {
    precision: fw.precision,
    ties: fw.ties,
    missing: fw.missing,
    evidenceMissing: fw.evidenceMissing,
    groups: fw.groups,
    pillars: fw.pillars,
    classes: fw.classes,
    ...(fw.tags.length > 0 ? { tags: fw.tags } : {}),
    indicators: model.roots.map(nodeJson),
  });
  return out;
}
