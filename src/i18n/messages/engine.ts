import type { MessageTable } from '../types.js';

export const engineMessages: MessageTable = {};
