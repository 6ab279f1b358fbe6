import { issue } from '../../core/issues.js';
import type { FileRead } from '../read.js';

/** A file whose read threw in a worker (or whose read could not be posted back): as readSubmissionFile reports a throw in-process. */
export function fileFailed(file: string, error: unknown): FileRead {
  return { file, submissions: [], issues: [issue('E_FILE_FAILED', { file }, { detail: error instanceof Error ? error.message : String(error) })] };
}

/** A file whose worker stopped while reading it: reported, and the other files go on without it. */
export function threadDied(file: string, exitCode: number): FileRead {
  return { file, submissions: [], issues: [issue('E_FILE_THREAD_DIED', { file }, { exitCode })] };
}
