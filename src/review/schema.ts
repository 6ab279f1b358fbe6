/**
 * The decisions the review reader produces are the engine's input type (src/engine/adjustment.ts),
 * so that the engine never imports src/review. Re-exported here for the review modules.
 */
export * from '../engine/adjustment.js';
