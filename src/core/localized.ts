import { z } from 'zod';

/**
 * A name in Vietnamese and English. Files may give one string (used for both); the
 * normalised form always has both, so scripts can rely on `name.vi` and `name.en`.
 */
export const localizedSchema = z.union([
  z.string().min(1).transform((s) => ({ vi: s, en: s })),
  z.object({ vi: z.string().min(1), en: z.string().min(1).optional() }).transform((o) => ({ vi: o.vi, en: o.en ?? o.vi })),
]);
export type Localized = z.output<typeof localizedSchema>;
