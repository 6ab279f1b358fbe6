import type { MessageTable } from '../types.js';

export const sheetsMessages: MessageTable = {};
