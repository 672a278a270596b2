import type { HeaderDeps } from '../impact/deps.js'
import { Units } from '../impact/units.js'
import type { Finding } from '../model.js'
import { archesOf, includeCandidates } from '../source/includes.js'
import type { SourceOf } from './closure.js'

/** One dump set as this judgement reads it: its TUs and kbuild's dependency lists. */
export interface IncludeReaders {
  label: string
  tus: readonly string[]
  deps: HeaderDeps | undefined
}

const ADDED = /^#include (?:<([^>]+)>|"([^"]+)") added: it brings/

/**
 * An `#include` a header gains brings nothing to a TU that already read the included file: kbuild's
 * dependency lists (the compiler's own `-MD` output, `#if` branches decided) say so per TU. When
 * every TU of every set that reads the changed header already read it, the include only moves
 * earlier among each TU's includes (include guards keep the second inclusion empty): info. Anything
 * less (a TU without a list that may read the header, a TU that did not read it) keeps the mapper's unresolved finding.
 */
export function judgeIncludeByReaders(
  finding: Finding,
  sets: readonly IncludeReaders[],
  sourceOf: SourceOf
): Finding {
  if (finding.kind !== 'include-change' || finding.severity !== 'unresolved') return finding
  const header = finding.file
  const m = ADDED.exec(finding.message)
  if (!m || header === undefined || !header.endsWith('.h') || sets.length === 0) return finding
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
