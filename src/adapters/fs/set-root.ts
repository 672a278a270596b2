import { normalizePath } from '../../core/paths.js'

/** Top-level directories of a kernel tree: the first one on a path marks where the tree starts. */
export const KERNEL_TOP_DIRS = new Set(
  'arch block certs crypto drivers fs include init io_uring ipc kernel lib mm net rust samples scripts security sound tools usr virt'.split(
    ' '
  )
)

/** Leading folders before the first kernel top-level directory of a file's folder part. */
export function prefixOf(parts: string[]): string[] | undefined {
  for (let i = 0; i < parts.length - 1; i++) {
    if (KERNEL_TOP_DIRS.has(parts[i])) return parts.slice(0, i)
  }
  return undefined
}

function startsWith(parts: string[], prefix: string[]): boolean {
  return prefix.length <= parts.length && prefix.every((p, i) => parts[i] === p)
}

/**
 * Finds where the kernel tree starts inside one directory or archive (`build/linux/` in
 * `build/linux/net/ipv4/tcp.c.000i.ipa-clones`). Archives stream, so the root is decided by the
 * first file under a kernel top-level directory; files seen before that (root-level `.config`,
 * `modules.order`) wait in `pending`. A build folder itself named like a kernel directory
 * (`/home/kernel/obj`) would be taken for the tree: the documented limit of this heuristic.
 */
export class RootDetector<T> {
  private prefix: string[] | undefined
  /** The prefix as a path with its trailing `/` ('' for none), once known. */
  private under: string | undefined
  private readonly pending: Array<{ parts: string[]; item: T }> = []

  /** Returns the files (possibly earlier ones) whose root-relative path is now known. */
  offer(path: string, item: T): Array<{ path: string; item: T }> {
    const normal = normalizePath(path)
    // Once the root is known, most paths are under it: a string test, not a split and join per
    // file (the loader offers every file of a 27,000-dump set twice).
    if (this.under !== undefined && normal.startsWith(this.under))
      return [{ path: normal.slice(this.under.length), item }]
    const parts = normal.split('/')
    if (this.prefix === undefined) {
      const found = prefixOf(parts)
      if (found === undefined) {
        this.pending.push({ parts, item })
        return []
      }
      this.prefix = found
      this.under = found.length === 0 ? '' : `${found.join('/')}/`
      const out = this.pending.map(p => ({ path: this.strip(p.parts), item: p.item }))
      this.pending.length = 0
      out.push({ path: this.strip(parts), item })
      return out
    }
    return [{ path: this.strip(parts), item }]
  }

  /**
   * No file under a kernel directory: not a kernel tree (an out-of-tree module, a build folder).
   * Paths stay relative to the input: stripping their common folder would turn
   * `build/src/net.c.000i.ipa-clones` into `net.c`, which nothing names; the dumps' own lines
   * tell the TU paths (the dump set renames by them).
   */
  finish(): Array<{ path: string; item: T }> {
    if (this.prefix === undefined) {
      this.prefix = []
      this.under = ''
    }
    const out = this.pending.map(p => ({ path: this.strip(p.parts), item: p.item }))
    this.pending.length = 0
    return out
  }

  get root(): string | undefined {
    return this.prefix?.join('/')
  }

  private strip(parts: string[]): string {
    const prefix = this.prefix ?? []
    if (startsWith(parts, prefix)) return parts.slice(prefix.length).join('/')
    // A second tree in the same input: place it by its own kernel directories.
    const own = prefixOf(parts)
    return parts.slice(own?.length ?? 0).join('/')
  }
}
