import type { Finding, FindingKind } from '../model.js'
import type { ObjectComparison } from '../objects/model.js'
import type { ExactSet } from './model.js'
import { dataFinding } from './data-findings.js'

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
 *   line numbers, the change reached no machine code. An added or removed `#include` (a header's
 *   or a `.c` file's) settles too when readers changed, each comparison accounting for every
 *   difference and every changed function one the fix's lines predicted: what it did is then in
 *   the entries and the data findings.
 * Only TUs whose objects were compared in every set the finding concerns settle anything: a TU
 * the patched build did not recompile, or a set without objects or lists, keeps its finding. A
 * file no object reads keeps it too: what reads it then (a linker script, a host program, a
 * generated file) leaves no object to compare, and "every reader unchanged" would hold of none.
 */
export function settleByObjects(
  findings: Finding[],
  exact: ExactSet[],
  sets: readonly ReadersOf[],
  /** Functions the diff itself defines or deletes: their objects' symbols come and go with it. */
  own: ReadonlySet<string> = new Set(),
  /** `set\0tu` of the TUs where a function changed that nothing predicted (exact: `found`). */
  unpredicted: ReadonlySet<string> = new Set()
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
          `but every data object of ${file} that the linked kernel keeps is identical in the patched build: the change leaves the data as it was`
        )
      if (!SOURCE_DOUBTS.has(f.kind)) return f
    } else if (!HEADER_DOUBTS.has(f.kind)) return f
    // A header a linker script reads (asm/vvar.h, whose lines vmlinux.lds.S includes as script
    // text): no object shows what the link became.
    if (concerned.some(s => (s.linkers?.(file).length ?? 0) > 0)) return f
    // An added #include does nothing to the code beyond what the comparison of every reader
    // shows, when that comparison accounts for everything: each function whose code changed is
    // an entry, each data object that changed has its own finding, and what a top-level asm()
    // writes (labels, bytes no symbol holds) was compared too (see accounted). And only when
    // every function that changed is one the fix's own lines predicted: an include that changes
    // other functions' code may have re-laid out a type (a macro it defines sizes a struct:
    // `ctx_new` allocates more, `ctx_b` reads another offset), which no function replacement
    // carries for the objects the running kernel holds (a hostile review's case). Any other
    // doubt (a layout, a macro a table spells) says more than "the code may change", and
    // settles only when nothing changed.
    const shown = f.kind === 'include-change'
    let readers = 0
    let changed = 0
    for (const s of concerned) {
      const tus = s.readers(file)
      const objects = compared.get(s.label)
      if (!tus || !objects) return f
      for (const tu of tus) {
        const o = objects.get(tu)
        if (!o) return f
        if (sameCode(o)) continue
        if (!shown || unpredicted.has(`${s.label}\0${tu}`) || !accounted(o, s.label, own)) return f
        changed++
      }
      readers += tus.length
    }
    if (readers === 0) return f
    if (changed > 0)
      return settled(
        f,
        `but all ${readers} TU(s) that read ${file} were recompiled and compared: each function of theirs whose code changed is one the fix's own lines predicted, and listed; each data object that changed has its own finding`
      )
    return settled(
      f,
      `but all ${readers} TU(s) that read ${file} were recompiled and compared, and none of their functions or data objects changed: the change reaches no machine code`
    )
  })
}

function settled(f: Finding, why: string): Finding {
  return { ...f, severity: 'info', message: `${f.message.replace(/\.$/, '')}; ${why}.` }
}

/**
 * Every difference of the comparison has a voice in the report: no comparison finding of its own
 * (a section it could not read, code a label without a type holds, bytes no symbol holds, a
 * definition turned weak or global), and each data object changed, added or removed either goes
 * with the functions that use it or has its own finding (an initcall entry, a label's, has one:
 * the `__init` function only it calls would otherwise pass unseen; an export entry has one, or
 * comes with a function the fix adds). A function only one build has is its changed callers' (a
 * static one GCC stops inlining), or a changed data object's, which this checks; not one other
 * files reach by name: a global definition an `#if` adds or drops overrides or uncovers another
 * file's `__weak` default, whose callers changed in no object (a hostile review's case), unless
 * the diff itself writes or deletes it.
 */
function accounted(o: ObjectComparison, set: string, own: ReadonlySet<string>): boolean {
  if (o.findings.length > 0) return false
  return o.symbols.every(s => {
    if (s.verdict === 'unchanged' || s.verdict === 'line-only') return true
    if (s.kind === 'function')
      return s.verdict === 'changed' || s.bind === undefined || own.has(s.name)
    return (
      s.dataClass === 'discarded' ||
      s.dataClass === 'function-local' ||
      s.dataClass === 'call-site' ||
      s.dataClass === 'export' ||
      dataFinding(s, set, o) !== undefined
    )
  })
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
