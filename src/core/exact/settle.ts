import type { Finding, FindingKind } from '../model.js'
import type { ObjectComparison } from '../objects/model.js'
import type { ExactSet } from './model.js'

/** A base set as settling needs it: which TUs read a file (kbuild's lists), when known. */
export interface ReadersOf {
  label: string
  /** Every TU compiled from `file`; undefined when the set cannot tell (no or cut lists). */
  readers(file: string): string[] | undefined
  /** The linker scripts made from `file` (src/core/scripts): no object shows what they link. */
  linkers?(file: string): string[]
}

/** Header-level doubts about code: each says "the code of the TUs that read it may change". */
const HEADER_DOUBTS = new Set<FindingKind>([
  'type-change',
  'prototype-change',
  'extern-change',
  'global-change',
  'macro-change',
  'include-change',
  'preprocessor-change',
  'header-out-of-line'
])

/**
 * Doubts about a `.c` file that its readers' objects answer as they answer a header's: an
 * `#include` or an `#if` structure changed between functions. Not lines the mapper could not
 * place (`unmapped-hunk`, in a `.c` or a header): a top-level `asm()` writes into a section with
 * no symbol, which the comparison, symbol by symbol, does not see (a hostile review's case).
 */
const SOURCE_DOUBTS = new Set<FindingKind>(['include-change', 'preprocessor-change'])

/**
 * Source-level doubts that the object comparison answers. The dumps and the source can only say
 * "the code of this TU may change"; the patched build's object of that TU says whether it did.
 * - `no-dump`: a TU built without a dump hides its inlining decisions, but every function of its
 *   object was compared, and each one that changed is an entry (`found` when nobody predicted it).
 * - `global-change` in a `.c` file: its data objects were compared; when none of them differs, the
 *   rewrite (an equivalent initializer, a macro that expands the same) left the data as it was.
 * - a header's type, prototype, macro, global or include change, and a `.c` file's include or
 *   `#if` change: when every TU that reads the file (kbuild's lists) was
 *   recompiled and compared, and none of them changed a function or a data object beyond shifted
 *   line numbers, the change reached no machine code.
 * Only TUs whose objects were compared in every set the finding concerns settle anything: a TU
 * the patched build did not recompile, or a set without objects or lists, keeps its finding. A
 * file no object reads keeps it too: what reads it then (a linker script, a host program, a
 * generated file) leaves no object to compare, and "every reader unchanged" would hold of none.
 */
export function settleByObjects(
  findings: Finding[],
  exact: ExactSet[],
  sets: readonly ReadersOf[]
): Finding[] {
  const compared = new Map<string, Map<string, ObjectComparison>>()
  for (const e of exact)
    if (e.objects) compared.set(e.label, new Map(e.objects.map(o => [o.tu, o])))
  return findings.map(f => {
    if (f.severity !== 'unresolved' || !f.file) return f
    const file = f.file
    const concerned = f.set ? sets.filter(s => s.label === f.set) : sets
    if (concerned.length === 0) return f
    if (file.endsWith('.c')) {
      const pairs = concerned.map(s => compared.get(s.label)?.get(file))
      if (pairs.some(p => p === undefined)) return f
      if (f.kind === 'no-dump')
        return settled(
          f,
          'its object was compared with the patched build’s instead, and every function whose code changed there is listed'
        )
      if (f.kind === 'global-change' && (pairs as ObjectComparison[]).every(sameData))
        return settled(
          f,
          `but every data object of ${file} is identical in the patched build: the change leaves the data as it was`
        )
      if (!SOURCE_DOUBTS.has(f.kind)) return f
    } else if (!HEADER_DOUBTS.has(f.kind)) return f
    // A header a linker script reads (asm/vvar.h, whose lines vmlinux.lds.S includes as script
    // text): no object shows what the link became.
    if (concerned.some(s => (s.linkers?.(file).length ?? 0) > 0)) return f
    let readers = 0
    for (const s of concerned) {
      const tus = s.readers(file)
      const objects = compared.get(s.label)
      if (!tus || !objects) return f
      for (const tu of tus) {
        const o = objects.get(tu)
        if (!o || !sameCode(o)) return f
      }
      readers += tus.length
    }
    if (readers === 0) return f
    return settled(
      f,
      `but all ${readers} TU(s) that read ${file} were recompiled and compared, and none of their functions or data objects changed: the change reaches no machine code`
    )
  })
}

function settled(f: Finding, why: string): Finding {
  return { ...f, severity: 'info', message: `${f.message.replace(/\.$/, '')}; ${why}.` }
}

/** Every data object the kernel keeps reads the same before and after (none added or removed). */
function sameData(o: ObjectComparison): boolean {
  return (
    o.findings.length === 0 &&
    o.symbols.every(
      s => s.kind !== 'data' || s.verdict === 'unchanged' || s.dataClass === 'discarded'
    )
  )
}

/**
 * No function or data object changed beyond shifted line numbers (a `pr_debug` descriptor's line
 * moves with the header's lines as a WARN's does).
 */
function sameCode(o: ObjectComparison): boolean {
  return (
    o.findings.length === 0 &&
    o.symbols.every(
      s =>
        s.verdict === 'unchanged' ||
        s.verdict === 'line-only' ||
        (s.kind === 'data' && s.dataClass === 'discarded')
    )
  )
}
