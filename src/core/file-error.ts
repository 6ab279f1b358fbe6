/**
 * A failure no reader foresaw while reading a file (a bug, or an input of a kind nobody thought
 * of): it carries the file, so that the CLI names it instead of printing "Internal dti error".
 */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'FileReadError';
  }
}

/** Runs a read of `file`; whatever it throws comes out as a FileReadError naming the file (the innermost file wins). */
export function withFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError(file, e);
  }
}
