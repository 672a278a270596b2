import type { RepoPath } from './model.js'

/**
 * Turns a path as GCC or an archive spelled it (`./include/linux/skbuff.h`, `a/b/../c.c`) into a
 * repository-relative one. Absolute paths and build-dir prefixes are stripped by the caller, which
 * knows the prefix (see dumps); this only removes `.`/`..` segments and duplicate slashes.
 */
/** The last segment of a path: what a FILE symbol names a TU by (`net/core/dev.c` is `dev.c`). */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function normalizePath(path: string): RepoPath {
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
