import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  type Stats
} from 'node:fs'
import { resolve, sep } from 'node:path'
import { normalizePath } from '../../core/paths.js'

/**
 * Over this a file is not read at all: the pipeline refuses to locate functions past 4 MB anyway,
 * and a PR can place anything in the checkout the tree is read from.
 */
export const MAX_READ_BYTES = 64 << 20

/**
 * Reads repo-relative files from a source root; null when absent or not readable as a source.
 * The tree is the PR's checkout in the action, so a path (from the diff or a dump) must not climb
 * out, a symlink must not lead out, and only a regular file is read: a FIFO would hang the run and
 * `/dev/zero` would fill the memory.
 */
export function makeSourceReader(root: string): {
  read(path: string): Promise<string | null>
  /**
   * For the review tier, which asks for files one at a time from inside the (synchronous) core:
   * null when there is no such file, false when there is one it will not read (outside the tree,
   * not a regular file, over `maxBytes`, unreadable).
   */
  readSync(path: string, maxBytes?: number): string | null | false
  /** What readSync would answer, without reading: 'ok' for a text. */
  statusSync(path: string, maxBytes?: number): 'ok' | null | false
  exists(path: string): boolean
} {
  const base = resolve(root)
  let realBase: string | undefined
  const inside = (abs: string): boolean => {
    realBase ??= realpathSync(base)
    return abs.startsWith(realBase + sep)
  }
  const locate = (path: string): string | undefined => {
    const rel = normalizePath(path)
    if (rel === '' || rel === '..' || rel.startsWith('../')) return undefined
    const abs = resolve(base, rel)
    return abs.startsWith(base + sep) ? abs : undefined
  }
  // A header's reach reads thousands of files of a few hundred folders, several times each:
  // resolving every component of every path again (an lstat each) cost more than the reads. A
  // folder the tree lacks is asked for as often (the review tier's lookups of the TUs of a dump
  // set larger than the checkout): its answer is kept too.
  const realDirs = new Map<string, string | Error>()
  const realDir = (dir: string): string => {
    let real = realDirs.get(dir)
    if (real === undefined) {
      try {
        real = realpathSync(dir)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'ENOTDIR') realDirs.set(dir, error as Error)
        throw error
      }
      realDirs.set(dir, real)
    }
    if (typeof real !== 'string') throw real
    return real
  }
  /** `abs` with every symlink resolved, and its status (the target's). */
  const resolved = (abs: string): { real: string; kind: Stats } => {
    const slash = abs.lastIndexOf(sep)
    const dir = realDir(abs.slice(0, slash))
    const candidate = (dir.endsWith(sep) ? dir : dir + sep) + abs.slice(slash + 1)
    const own = lstatSync(candidate)
    if (!own.isSymbolicLink()) return { real: candidate, kind: own }
    const real = realpathSync(candidate)
    return { real, kind: statSync(real) }
  }
  /** Opens `path` as readSync reads it and hands the descriptor to `use`; null or false as readSync. */
  const opened = <T>(path: string, maxBytes: number, use: (fd: number) => T): T | null | false => {
    const abs = locate(path)
    if (!abs) return null
    let fd: number | undefined
    try {
      const { real, kind } = resolved(abs)
      if (!inside(real)) return false
      if (kind.isDirectory()) return null
      if (!kind.isFile() || kind.size > maxBytes) return false
      fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK)
      return use(fd)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return code === 'ENOENT' || code === 'ENOTDIR' ? null : false
    } finally {
      if (fd !== undefined) closeSync(fd)
    }
  }
  const readText = (path: string, maxBytes = MAX_READ_BYTES): string | null | false =>
    opened(path, maxBytes, fd => readFileSync(fd, 'utf8'))
  return {
    // The changed files are a handful: the same checks as the review tier's reads, synchronously.
    read(path) {
      const text = readText(path)
      return Promise.resolve(typeof text === 'string' ? text : null)
    },
    readSync: readText,
    // One byte read: a file that opens but cannot be read (EIO) is no 'ok'.
    statusSync: (path, maxBytes = MAX_READ_BYTES) =>
      opened(path, maxBytes, fd => {
        readSync(fd, Buffer.alloc(1), 0, 1, 0)
        return 'ok' as const
      }),
    exists(path) {
      const abs = locate(path)
      if (!abs || !existsSync(abs)) return false
      try {
        const { real, kind } = resolved(abs)
        return inside(real) && kind.isFile()
      } catch {
        return false
      }
    }
  }
}
