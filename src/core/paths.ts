import type { RepoPath } from './model.js'

/**
 * Turns a path as GCC or an archive spelled it (`./include/linux/skbuff.h`, `a/b/../c.c`) into a
 * repository-relative one. Absolute paths and build-dir prefixes are stripped by the caller, which
 * knows the prefix (see dumps); this only removes `.`/`..` segments and duplicate slashes.
 */
export function normalizePath(path: string): RepoPath {
  // Most paths are already normal; the loader asks for every file of 27,000-dump sets.
  if (isNormal(path)) return path
  const out: string[] = []
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else out.push('..')
      continue
    }
    out.push(seg)
  }
  return out.join('/')
}

/** The last segment of a path: what a FILE symbol names a TU by (`net/core/dev.c` is `dev.c`). */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

const SLASH = 47
const DOT = 46
const BACKSLASH = 92

/** No `\\`, no empty, `.` or `..` segment: what the loop above would return unchanged. */
function isNormal(path: string): boolean {
  let segStart = 0
  for (let i = 0; i <= path.length; i++) {
    const c = i < path.length ? path.charCodeAt(i) : SLASH
    if (c === BACKSLASH) return false
    if (c !== SLASH) continue
    const len = i - segStart
    if (len === 0) return false
    if (
      path.charCodeAt(segStart) === DOT &&
      (len === 1 || (len === 2 && path.charCodeAt(segStart + 1) === DOT))
    )
      return false
    segStart = i + 1
  }
  return true
}
