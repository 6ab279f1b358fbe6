import type { FrameworkModel } from '../framework/model.js';

/** The ranking scope of an agency: its group, or its parent unit within the group where the framework says so. */
export function scopeKey(model: FrameworkModel, agency: { group?: string; parent?: string }): string {
  const group = agency.group ?? '';
  const scope = model.group(group)?.rankScope ?? 'group';
  return scope === 'parent' ? `${group}/${agency.parent ?? ''}` : group;
}
