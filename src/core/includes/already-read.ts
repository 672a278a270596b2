import type { HeaderDeps } from '../impact/deps.js'
import { Units } from '../impact/units.js'
import type { Finding } from '../model.js'
import {
  archesOf,
  includeCandidates,
  includeOf,
  sameInclude,
  type IncludeDirective
} from '../source/includes.js'
import type { SourceOf } from './closure.js'
import { maskCommentsAndStrings } from '../source/mask.js'

/** One dump set as this judgement reads it: its TUs and kbuild's dependency lists. */
export interface IncludeReaders {
  label: string
  tus: readonly string[]
  deps: HeaderDeps | undefined
}

const ADDED = /^#include (?:<([^>]+)>|"([^"]+)") added: it brings/

/**
 * An `#include` a header or a `.c` file gains brings nothing to a TU that had read the included
 * file before reaching the new line: its include guard keeps the new inclusion empty. kbuild's
 * dependency lists (the compiler's own `-MD` output, `#if` branches decided) list each TU's files
 * in the order the compiler first opened them, so per TU: the included file came before the
 * changed header itself, or before a file an unconditional `#include` above the new line names.
 * When that holds in every TU of every set that reads the changed file: info. Anything less keeps
 * the mapper's unresolved finding: a TU without a list that may read the file, a TU that read the
 * included file only further down (the new line reads it first, with what is defined above it in
 * force: `#define DEBUG` above `printk.h`), an included file without a guard (a trace header read
 * again under TRACE_HEADER_MULTI_READ, an X-macro list), a changed file whose fixed text is not at
 * hand.
 */
export function judgeIncludeByReaders(
  finding: Finding,
  sets: readonly IncludeReaders[],
  sourceOf: SourceOf,
  postOf: (path: string) => string | null | undefined = () => undefined
): Finding {
  if (finding.kind !== 'include-change' || finding.severity !== 'unresolved') return finding
  const header = finding.file
  const m = ADDED.exec(finding.message)
  if (!m || header === undefined || !/\.[ch]$/.test(header) || sets.length === 0) return finding
  const inc = m[1] !== undefined ? { name: m[1], quoted: false } : { name: m[2], quoted: true }
  const post = postOf(header)
  if (typeof post !== 'string') return finding
  const above = includesAbove(post, inc)
  if (!above) return finding
  const counts: string[] = []
  const targets = new Set<string>()
  for (const set of sets) {
    const { deps } = set
    if (!deps) return finding
    // A TU without a list (asm-offsets.c, bounds.c: kbuild writes none) must be shown not to read
    // the header at all, by its include closure over the tree (every #if branch: it only widens).
    const listless = set.tus.filter(tu => !deps.has(tu))
    if (listless.length > 0) {
      const units = new Units({ tus: set.tus, deps, textOf: sourceOf })
      for (const tu of listless) {
        const unit = units.unit(tu)
        if (!unit || unit.lost.length > 0 || unit.files.includes(header)) return finding
      }
    }
    const readers = deps.tusSeeing(header)
    const arches = archesOf(set.tus)
    const resolve = (d: IncludeDirective, tu: string): string | undefined =>
      includeCandidates(d, header, tu, arches).find(p => sourceOf(p) !== undefined)
    for (const tu of readers) {
      const order = new Map((deps.filesOf(tu) ?? []).map((f, i) => [f, i]))
      const target = resolve(inc, tu)
      const at = target === undefined ? undefined : order.get(target)
      if (target === undefined || at === undefined) return finding
      const first = (f: string | undefined): boolean => {
        const i = f === undefined ? undefined : order.get(f)
        return i !== undefined && at < i
      }
      const before =
        (header.endsWith('.h') && first(header)) || above.some(d => first(resolve(d, tu)))
      if (!before) return finding
      if (!targets.has(target) && !guarded(sourceOf(target))) return finding
      targets.add(target)
    }
    counts.push(`${readers.length} in set ${set.label}`)
  }
  const written = inc.quoted ? `"${inc.name}"` : `<${inc.name}>`
  return {
    ...finding,
    severity: 'info',
    message: `#include ${written} added: every TU that reads ${header} (${counts.join(', ')}) had read ${[...targets].join(', ') || inc.name} before reaching that line (kbuild's dependency lists, in the compiler's order), so its include guard leaves the line empty`
  }
}

/**
 * The `#include`s above the first line that is `inc` in `text`, outside any `#if` but an include
 * guard's (those always read); undefined when no line is `inc`.
 */
function includesAbove(text: string, inc: IncludeDirective): IncludeDirective[] | undefined {
  const lines = maskCommentsAndStrings(text, false).split('\n')
  // Under an #ifndef guard, includes one level in are read whenever the file is; `#pragma once`
  // opens no level (a hostile review's case: its `#ifdef CONFIG_Y` include counted as read).
  const open = guardOf(text) === 'ifndef' ? 1 : 0
  const out: IncludeDirective[] = []
  let depth = 0
  for (const line of lines) {
    const d = /^[ \t]*#[ \t]*(\w+)/.exec(line)
    if (!d) continue
    if (/^if/.test(d[1])) depth++
    else if (d[1] === 'endif') depth--
    const found = includeOf(line)
    if (!found) continue
    if (sameInclude(found, inc)) return out
    if (depth <= open) out.push(found)
  }
  return undefined
}

/**
 * Whether a file's second inclusion makes nothing: all of it inside `#ifndef X` / `#define X` ...
 * `#endif`, or `#pragma once`. Read lexically: the first two directives and nothing but comments
 * outside the pair's `#if` (a nested `#endif` before the last one only narrows what passes).
 */
export function guarded(text: string | undefined | false): boolean {
  return guardOf(text) !== undefined
}

/** How a file keeps its second inclusion empty (see guarded), if it does. */
function guardOf(text: string | undefined | false): 'ifndef' | 'pragma' | undefined {
  if (typeof text !== 'string') return undefined
  const lines = maskCommentsAndStrings(text)
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '')
  if (lines.length === 0) return undefined
  if (/^#\s*pragma\s+once\b/.test(lines[0])) return 'pragma'
  const open = /^#\s*(?:ifndef\s+(\w+)|if\s+!\s*defined\s*\(?\s*(\w+)\s*\)?)\s*$/.exec(lines[0])
  const name = open?.[1] ?? open?.[2]
  if (name === undefined || lines.length < 3) return undefined
  if (!new RegExp(`^#\\s*define\\s+${name}\\b`).test(lines[1])) return undefined
  if (!/^#\s*endif\b/.test(lines[lines.length - 1])) return undefined
  // The #endif that closes the first #ifndef must be the last line, with no #else or #elif of
  // its own (read again, the file would make that branch: a hostile review's case) and no
  // #undef of the guard.
  let depth = 0
  const undef = new RegExp(`^#\\s*undef\\s+${name}\\b`)
  for (let i = 0; i < lines.length; i++) {
    if (/^#\s*if(?:n?def)?\b/.test(lines[i])) depth++
    else if (/^#\s*endif\b/.test(lines[i]) && --depth === 0)
      return i === lines.length - 1 ? 'ifndef' : undefined
    else if (depth === 1 && /^#\s*el(?:se|if|ifdef|ifndef)\b/.test(lines[i])) return undefined
    else if (undef.test(lines[i])) return undefined
  }
  return undefined
}
