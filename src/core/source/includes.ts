import { normalizePath } from '../paths.js'
import type { RepoPath } from '../model.js'
import { directiveRanges, maskCommentsAndStrings } from './mask.js'

/**
 * The `.c` files a source `#include`s by quoted path (kernel/sched/build_policy.c includes rt.c,
 * deadline.c, ...), as repository paths: their functions are compiled into the including TU and can
 * call its static functions and clones. Headers are left out: they are not searched for callers.
 */
export function includedSources(text: string, path: RepoPath): RepoPath[] {
  const masked = maskCommentsAndStrings(text, false)
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : ''
  const found: RepoPath[] = []
  for (const [from, to] of directiveRanges(masked)) {
    const m = /^[ \t]*#[ \t]*include[ \t]*"([^"\n]+\.c)"/.exec(masked.slice(from, to))
    if (m) found.push(normalizePath(dir + m[1]))
  }
  return [...new Set(found)]
}
