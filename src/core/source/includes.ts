import { normalizePath } from '../paths.js'
import type { RepoPath } from '../model.js'

export interface IncludeDirective {
  /** As written: `linux/skbuff.h`, `../locking/w.c`. */
  name: string
  quoted: boolean
}

const INCLUDE = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/gm

/**
 * Every `#include` of a source. Lexical on the raw text: an include inside a comment or a
 * disabled `#if` branch is listed too, which only widens a caller search (never narrows it).
 */
export function includeDirectives(text: string): IncludeDirective[] {
  const found: IncludeDirective[] = []
  for (const m of text.matchAll(INCLUDE)) {
    found.push(m[1] !== undefined ? { name: m[1], quoted: true } : { name: m[2], quoted: false })
  }
  return found
}

/** The one include a line of a text (comments blanked) is, or undefined. */
export function includeOf(line: string): IncludeDirective | undefined {
  const found = includeDirectives(line)
  return found.length === 1 ? found[0] : undefined
}

/** Whether two includes are the same line as written (`<a.h>` is not `"a.h"`). */
export function sameInclude(a: IncludeDirective, b: IncludeDirective): boolean {
  return a.name === b.name && a.quoted === b.quoted
}

/** The folder part of a repository path, with its trailing `/` (`''` at the top). */
export function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1)
}

/**
 * Where kbuild's compiler looks for an include, in order, as repository paths: beside the
 * includer, the TU and the TU's parent folders for a quoted one, then
 * `include/`, `arch/<arch>/include/` and their `uapi/` twins. Generated headers
 * (`include/generated/`, `arch/x86/include/generated/`) are not in a source tree and stay
 * unresolved.
 */
export function includeCandidates(
  inc: IncludeDirective,
  includer: RepoPath,
  tu: RepoPath,
  arches: readonly string[]
): RepoPath[] {
  const out: string[] = []
  // kbuild's `-I$(src)` (29 Makefiles of 6.1, i915's subdir-ccflags among them) makes a quoted
  // include also resolve in the TU's parent folders.
  if (inc.quoted) {
    out.push(dirOf(includer) + inc.name)
    for (let d = dirOf(tu); d !== ''; d = dirOf(d.slice(0, -1))) out.push(d + inc.name)
    // ... and `-I$(srctree)/$(src)/include` (security/selinux/include/avc.h).
    for (let d = dirOf(tu); d !== ''; d = dirOf(d.slice(0, -1))) out.push(`${d}include/${inc.name}`)
  }
  out.push(`include/${inc.name}`)
  for (const a of arches) out.push(`arch/${a}/include/${inc.name}`)
  out.push(`include/uapi/${inc.name}`)
  for (const a of arches) out.push(`arch/${a}/include/uapi/${inc.name}`)
  return [...new Set(out.map(normalizePath))].filter(p => p !== '' && !p.startsWith('..'))
}

/** The architectures whose include folders a TU sees, from the paths its dump names. */
export function archesOf(paths: readonly string[]): string[] {
  const arches = new Set<string>()
  for (const p of paths) {
    // Asked of every TU of a set and of every header a TU's dump names: most are no arch path.
    if (!p.startsWith('arch/')) continue
    const m = /^arch\/([^/]+)\//.exec(p)
    if (m) arches.add(m[1])
  }
  return [...arches].sort()
}
