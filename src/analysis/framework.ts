import { scopeKey } from '../engine/scope.js';
import type { FrameworkModel } from '../framework/model.js';
import type { CardOptions, ClassBand } from './card.js';
import type { ScopeOf } from './scope.js';

/**
 * What the analyses take from the framework when it is at hand: the class thresholds, the rank
 * scope (group or parent unit), and each leaf's name and main indicator.
 */
export function frameworkContext(model: FrameworkModel): { classes: readonly ClassBand[]; scopeOf: ScopeOf; leaf: NonNullable<CardOptions['leaf']> } {
  return {
    classes: model.framework.classes,
    scopeOf: (a) => scopeKey(model, a),
    leaf: (code) => {
      const node = model.nodes.get(code);
      if (!node) return undefined;
      let root = node;
      while (root.parent) root = root.parent;
      return { name: node.node.name, main: root.code };
    },
  };
}
