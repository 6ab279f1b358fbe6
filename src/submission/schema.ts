/**
 * The submission the readers build is the engine's input: its zod schemas live with the engine
 * (src/engine/input.ts) so that the engine never imports a reader. Re-exported here for readers.
 */
export * from '../engine/input.js';
