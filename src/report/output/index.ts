export { openOutputFolder, writeOutputFolder, type OpenOutputFolder, type OutputFile, type OutputFolderOptions, type OutputFolderResult } from './folder.js';
export { checkSingleOutput, writeSingleOutput, type SingleOutputOptions } from './single.js';
export { MANIFEST_NAME } from './manifest.js';
export { OutputRefused } from './refused.js';
export { realPath, isWithin } from './paths.js';
