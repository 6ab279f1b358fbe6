import type { MessageTable } from '../types.js';

export const sheetMessages: MessageTable = {};
