import type { HeaderDeps } from '../impact/deps.js'
import { Units } from '../impact/units.js'
import type { Finding } from '../model.js'
import { archesOf, includeCandidates } from '../source/includes.js'
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
 * An `#include` a header or a `.c` file gains brings nothing to a TU that already read the included
 * file: kbuild's dependency lists (the compiler's own `-MD` output, `#if` branches decided) say so
 * per TU. When every TU of every set that reads the changed file already read it, the include only
 * moves earlier among each TU's includes, and its include guard keeps the later inclusion empty:
 * info. Anything less (a TU without a list that may read the file, a TU that did not read it, an
 * included file without a guard: a trace header read again under TRACE_HEADER_MULTI_READ, an
 * X-macro list) keeps the mapper's unresolved finding.
 */
export function judgeIncludeByReaders(
  finding: Finding,
  sets: readonly IncludeReaders[],
  sourceOf: SourceOf
): Finding {
  if (finding.kind !== 'include-change' || finding.severity !== 'unresolved') return finding
  const header = finding.file
  const m = ADDED.exec(finding.message)
  if (!m || header === undefined || !/\.[ch]$/.test(header) || sets.length === 0) return finding
  const inc = m[1] !== undefined ? { name: m[1], quoted: false } : { name: m[2], quoted: true }
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
    for (const tu of readers) {
      const target = includeCandidates(inc, header, tu, arches).find(p => sourceOf(p) !== undefined)
      if (target === undefined || !(deps.filesOf(tu) ?? []).includes(target)) return finding
      if (!targets.has(target) && !guarded(sourceOf(target))) return finding
      targets.add(target)
    }
    counts.push(`${readers.length} in set ${set.label}`)
  }
  const written = inc.quoted ? `"${inc.name}"` : `<${inc.name}>`
  return {
    ...finding,
    severity: 'info',
    message: `#include ${written} added: every TU that reads ${header} (${counts.join(', ')}) already read ${[...targets].join(', ') || inc.name} before the fix (kbuild's dependency lists), so nothing new reaches their code; the include only moves earlier among their includes`
  }
}

/**
 * Whether a file's second inclusion makes nothing: all of it inside `#ifndef X` / `#define X` ...
 * `#endif`, or `#pragma once`. Read lexically: the first two directives and nothing but comments
 * outside the pair's `#if` (a nested `#endif` before the last one only narrows what passes).
 */
export function guarded(text: string | undefined | false): boolean {
  if (typeof text !== 'string') return false
  const lines = maskCommentsAndStrings(text)
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '')
  if (lines.length === 0) return false
  if (/^#\s*pragma\s+once\b/.test(lines[0])) return true
  const open = /^#\s*(?:ifndef\s+(\w+)|if\s+!\s*defined\s*\(?\s*(\w+)\s*\)?)\s*$/.exec(lines[0])
  const name = open?.[1] ?? open?.[2]
  if (name === undefined || lines.length < 3) return false
  if (!new RegExp(`^#\\s*define\\s+${name}\\b`).test(lines[1])) return false
  if (!/^#\s*endif\b/.test(lines[lines.length - 1])) return false
  // The #endif that closes the first #ifndef must be the last line.
  let depth = 0
  for (let i = 0; i < lines.length; i++) {
    if (/^#\s*if(?:n?def)?\b/.test(lines[i])) depth++
    else if (/^#\s*endif\b/.test(lines[i]) && --depth === 0) return i === lines.length - 1
  }
  return false
}
