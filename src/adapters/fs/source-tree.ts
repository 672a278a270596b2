import { existsSync, readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { normalizePath } from '../../core/paths.js'

/** Reads repo-relative files from a source root; null when absent. */
export function makeSourceReader(root: string): {
  read(path: string): Promise<string | null>
  /** For the review tier, which asks for files one at a time from inside the (synchronous) core. */
  readSync(path: string): string | null
  exists(path: string): boolean
} {
  const base = resolve(root)
  // Diff paths come from the PR: one that climbs out of the tree must not read the runner's files.
  const locate = (path: string): string | undefined => {
    const rel = normalizePath(path)
    if (rel === '' || rel === '..' || rel.startsWith('../')) return undefined
    const abs = resolve(base, rel)
    return abs.startsWith(base + sep) ? abs : undefined
  }
  const absent = (abs: string, error: unknown): null => {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null
    throw new Error(`${abs}: ${(error as Error).message}`, { cause: error })
  }
  return {
    async read(path) {
      const abs = locate(path)
      if (!abs) return null
      try {
        return await readFile(abs, 'utf8')
      } catch (error) {
        return absent(abs, error)
      }
    },
    readSync(path) {
      const abs = locate(path)
      if (!abs) return null
      try {
        return readFileSync(abs, 'utf8')
      } catch (error) {
        return absent(abs, error)
      }
    },
    exists(path) {
      const abs = locate(path)
      if (!abs || !existsSync(abs)) return false
      return statSync(abs).isFile()
    }
  }
}
