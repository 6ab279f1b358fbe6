import type { MessageTable } from '../types.js';

export const submissionMessages: MessageTable = {};
