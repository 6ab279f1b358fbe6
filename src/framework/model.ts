import { Decimal, ZERO, sum } from '../core/decimal.js';
import type { AgencyGroup, Effect, Framework, IndicatorNode, Pillar, ScoreClass } from './schema.js';

/**
 * A loaded framework with its tree indexed: parents, paths in the file, and the answers
 * every layer asks (does this node apply to that group, what is its max there).
 */
export interface FrameworkNode {
  readonly node: IndicatorNode;
  readonly code: string;
  readonly parent: FrameworkNode | undefined;
  readonly children: readonly FrameworkNode[];
  /** 0 for main indicators. */
  readonly depth: number;
  /** Path in the framework file, e.g. indicators[2].children[0]. */
  readonly path: string;
  readonly isLeaf: boolean;
  /** Informational itself or under an informational node. */
  readonly informational: boolean;
  /** The node's effect, inherited: 'score' counts in the maximum, 'bonus'/'penalty' outside it. */
  readonly effect: Effect;
  /** Every tag set the node needs, its own and its ancestors' `onlyFor` (each: at least one of). */
  readonly onlyFor: readonly (readonly string[])[];
  /** Whether the agency may declare the node not applicable (set on it or on an ancestor). */
  readonly notApplicableAllowed: boolean;
}

export interface FrameworkModel {
  readonly framework: Framework;
  readonly roots: readonly FrameworkNode[];
  /** Every node by code, in document order. */
  readonly nodes: ReadonlyMap<string, FrameworkNode>;
  group(id: string): AgencyGroup | undefined;
  applies(node: FrameworkNode, group: string): boolean;
  /** Max points of a node for a group (0 for informational nodes and bonus/penalty nodes, which count outside the max). */
  maxFor(node: FrameworkNode, group: string): Decimal;
  /** What a bonus or penalty node can add or take off at most (its declared max, or its children's caps). */
  capFor(node: FrameworkNode, group: string): Decimal;
  /** Whether an agency carrying these tags meets every `onlyFor` of the node (and its ancestors). */
  tagsAllow(node: FrameworkNode, tags: readonly string[] | undefined): boolean;
  /** The `onlyFor` the agency's tags fail, for the reason shown ("not applicable (tag …)"). */
  missingTags(node: FrameworkNode, tags: readonly string[] | undefined): readonly string[] | undefined;
  /** Class thresholds of a group: its own, else the framework's. */
  classesFor(group: string): readonly ScoreClass[];
  /** Whether the framework has any bonus or penalty node. */
  readonly hasBonusPenalty: boolean;
  /** Scored leaves that apply to the group, in document order. */
  leavesFor(group: string): readonly FrameworkNode[];
  /** Main indicators that apply to the group and are scored. */
  mainFor(group: string): readonly FrameworkNode[];
  /** Pillars with their main indicators that apply to the group. */
  pillarsFor(group: string): readonly { readonly pillar: Pillar; readonly mains: readonly FrameworkNode[] }[];
  totalFor(group: string): Decimal;
}

export function buildModel(framework: Framework): FrameworkModel {
  const nodes = new Map<string, FrameworkNode>();
  const build = (node: IndicatorNode, parent: FrameworkNode | undefined, path: string, depth: number): FrameworkNode => {
    const children: FrameworkNode[] = [];
    const built: FrameworkNode = {
      node,
      code: node.code,
      parent,
      children,
      depth,
      path,
      isLeaf: node.children.length === 0,
      informational: node.informational || (parent?.informational ?? false),
      effect: node.effect ?? parent?.effect ?? 'score',
      onlyFor: [...(parent?.onlyFor ?? []), ...(node.onlyFor ? [node.onlyFor] : [])],
      notApplicableAllowed: node.notApplicableAllowed ?? parent?.notApplicableAllowed ?? false,
    };
    // First definition wins; duplicates are reported by validateFramework.
    if (!nodes.has(node.code)) nodes.set(node.code, built);
    node.children.forEach((child, i) => children.push(build(child, built, `${path}.children[${i}]`, depth + 1)));
    return built;
  };
  const roots = framework.indicators.map((n, i) => build(n, undefined, `indicators[${i}]`, 0));

  // Asked for every node of every agency: answered once per group and node (by node object, so
  // that a look-up builds no key string).
  const byGroup = <T>() => {
    const caches = new Map<string, Map<FrameworkNode, T>>();
    return (group: string): Map<FrameworkNode, T> => {
      let cache = caches.get(group);
      if (!cache) caches.set(group, (cache = new Map()));
      return cache;
    };
  };
  const appliesCache = byGroup<boolean>();
  const applies = (n: FrameworkNode, group: string): boolean => {
    const cache = appliesCache(group);
    let answer = cache.get(n);
    if (answer === undefined) {
      answer = (n.node.groups === undefined || n.node.groups.includes(group)) && (n.parent === undefined || applies(n.parent, group));
      cache.set(n, answer);
    }
    return answer;
  };

  const maxCache = byGroup<Decimal>();
  const maxFor = (n: FrameworkNode, group: string): Decimal => {
    if (n.informational || n.effect !== 'score' || !applies(n, group)) return ZERO;
    const cache = maxCache(group);
    const cached = cache.get(n);
    if (cached) return cached;
    const declared = n.node.maxPointsByGroup?.[group] ?? n.node.maxPoints;
    const value =
      declared !== undefined ? new Decimal(declared) : sum(n.children.map((c) => maxFor(c, group)));
    cache.set(n, value);
    return value;
  };

  const capFor = (n: FrameworkNode, group: string): Decimal => {
    if (n.informational || !applies(n, group)) return ZERO;
    const declared = n.node.maxPointsByGroup?.[group] ?? n.node.maxPoints;
    return declared !== undefined ? new Decimal(declared) : sum(n.children.map((c) => capFor(c, group)));
  };
  const missingTags = (n: FrameworkNode, tags: readonly string[] | undefined) =>
    n.onlyFor.find((needed) => !needed.some((t) => tags?.includes(t)));

  const all = [...nodes.values()];
  const perGroup = <T>(compute: (group: string) => T) => {
    const cache = new Map<string, T>();
    return (group: string): T => {
      if (!cache.has(group)) cache.set(group, compute(group));
      return cache.get(group)!;
    };
  };
  const mainFor = perGroup((group: string) => roots.filter((r) => !r.informational && applies(r, group)));
  return {
    framework,
    roots,
    nodes,
    group: (id) => framework.groups.find((g) => g.id === id),
    applies,
    maxFor,
    capFor,
    tagsAllow: (n, tags) => missingTags(n, tags) === undefined,
    missingTags,
    classesFor: (id) => framework.groups.find((g) => g.id === id)?.classes ?? framework.classes,
    hasBonusPenalty: all.some((n) => n.effect !== 'score'),
    leavesFor: perGroup((group) => all.filter((n) => n.isLeaf && !n.informational && applies(n, group))),
    mainFor,
    pillarsFor: perGroup((group) =>
      framework.pillars.map((pillar) => ({
        pillar,
        mains: mainFor(group).filter((m) => m.node.pillars?.includes(pillar.code)),
      })),
    ),
    totalFor: perGroup((group) => sum(mainFor(group).map((m) => maxFor(m, group)))),
  };
}
