import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/**
 * A path as the file system sees it: symlinks followed, `..` resolved. A path that does not
 * exist yet is its nearest existing ancestor's real path plus the rest, so an output that is a
 * symlink into the input folder, or a folder reached two ways, compares equal to itself.
 */
export function realPath(path: string, depth = 0): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    // A dangling symlink (an --out link to a folder not made yet) leads where it points.
    try {
      if (depth < 40 && lstatSync(abs).isSymbolicLink()) return realPath(resolve(dirname(abs), readlinkSync(abs)), depth + 1);
    } catch {
      // Not there at all: fall through.
    }
    const parent = dirname(abs);
    return parent === abs ? abs : join(realPath(parent, depth), basename(abs));
  }
}

/** Whether `inner` is `outer` or lies inside it (both real paths). */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** Whether a process id names a live process on this machine (EPERM: alive, not ours). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
