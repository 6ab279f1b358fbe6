import type { MessageTable } from '../types.js';

export const cliMessages: MessageTable = {};
