import type { ChangedFunction, Finding } from '../model.js'
import type { MacroSubject } from './subjects.js'
import type { Units } from './units.js'
import type { UseIndex } from './uses.js'
import { impactTarget } from './target.js'
import { UNFOUND_HINT } from '../source/unfound.js'

export interface MacroImpact {
  /** Functions whose code changes because they spell the macro (directly or through macros). */
  targets: ChangedFunction[]
  findings: Finding[]
  /** False when nothing could be searched: the mapper's own finding then stands. */
  searched: boolean
}

const SHOWN = 100

/** Where one changed `#define` is to be looked for: per TU that sees its header, the files and names. */
export interface MacroSearch {
  subject: MacroSubject
  seeing: ReturnType<Units['seeing']>
  /** TUs with files that could not be read, and those files. */
  lost: Map<string, string[]>
  plan: Array<{ tu: string; files: string[]; needles: string[] }>
}

/** The TUs, files and names (the macro, and the macros of each TU's files that expand to it) to search. */
export function planMacroSearch(subject: MacroSubject, units: Units, uses: UseIndex): MacroSearch {
  const seeing = units.seeing(subject.header)
  const lost = new Map<string, string[]>()
  const plan: MacroSearch['plan'] = []
  if (seeing.tus.length === 0 && seeing.unknown.length > 0) return { subject, seeing, lost, plan }
  for (const tu of seeing.tus) {
    const unit = units.unit(tu)
    if (!unit) continue
    if (unit.lost.length > 0) lost.set(tu, unit.lost)
    plan.push({ tu, files: unit.files, needles: uses.expandMacro(unit.files, [subject.name]) })
  }
  return { subject, seeing, lost, plan }
}

/** Every file and name of several searches, for one `UseIndex.prime` (one read of each file). */
export function searchedFiles(searches: MacroSearch[]): { files: Set<string>; names: Set<string> } {
  const files = new Set<string>()
  const names = new Set<string>()
  for (const s of searches)
    for (const p of s.plan) {
      for (const f of p.files) files.add(f)
      for (const n of p.needles) names.add(n)
    }
  return { files, names }
}

/**
 * What one changed `#define` of a header does to the code: every function, in every TU that sees
 * the header, that spells it or a macro of that TU's files expanding to it. A function of a `.c`
 * is looked up in that TU's dump; a header inline in every dump that has it.
 */
export function macroImpact(
  search: MacroSearch,
  uses: UseIndex,
  set: string,
  /**
   * Whether the fix deletes this line of the old image: a spelling there (the enumerator a
   * compatibility `#define` takes the name of) is the fix's own hunk, judged on its own.
   */
  rewritten: (file: string, line: number) => boolean = () => false
): MacroImpact {
  const { subject, seeing, lost, plan } = search
  const { header, name } = subject
  const findings: Finding[] = []
  const finding = (f: Omit<Finding, 'file' | 'line' | 'set'>): void => {
    findings.push({ ...f, file: header, line: subject.line, set })
  }
  if (seeing.tus.length === 0 && seeing.unknown.length > 0) {
    return { targets: [], findings, searched: false }
  }
  const targets = new Map<string, ChangedFunction>()
  const data = new Set<string>()
  const userTus = new Set<string>()
  const all = new Set(plan.flatMap(p => p.needles))
  // The TUs of a wide header share most of their files, and most files spell none of the
  // needles: asked once per file, not once per TU, file and needle (2,148 TUs of ~300 files
  // each for bitfield.h: 30 million questions). Primed by the caller with every search's names,
  // the answer is the file's hits (see UseIndex.spelledAmong).
  const spelledBy = new Map<string, ReadonlySet<string>>()
  const spelled = (file: string): ReadonlySet<string> => {
    let found = spelledBy.get(file)
    if (!found) spelledBy.set(file, (found = new Set(uses.spelledAmong(file, all))))
    return found
  }
  for (const { tu, files, needles } of plan) {
    const local = localMacros(uses, files, needles, name, spelled)
    for (const file of files) {
      const hits = spelled(file)
      if (hits.size === 0) continue
      // A file that defines the new macro itself, with the same text (libata-scsi.c's
      // ATA_SCSI_RBUF_SIZE, moved to libata.h in 6.1.187): below its own #define, its code
      // expands what it expanded before, whichever definition comes first.
      const own = subject.body === undefined ? undefined : uses.ownDefinition(file, name)
      const alike = own?.text === subject.body ? own?.line : undefined
      for (const needle of needles) {
        if (!hits.has(needle)) continue
        // The TU's own macro reaches only its `.c`, from its #define on.
        const from = local.get(needle)
        if (from !== undefined && file !== files[0]) continue
        const found = uses.uses(file, needle)
        for (const f of found.functions) {
          if (alike !== undefined && f.startLine > alike) continue
          if (from !== undefined && f.endLine < from) continue
          userTus.add(tu)
          const key = `${file}\u0000${f.name}`
          if (targets.has(key)) continue
          const macro = needle === name ? name : `${name} (through ${needle})`
          targets.set(
            key,
            impactTarget(
              file,
              f,
              { kind: 'header-macro', macro },
              { file: header, line: subject.line }
            )
          )
        }
        for (const l of found.data)
          if (
            (alike === undefined || l <= alike) &&
            (from === undefined || l > from) &&
            !rewritten(file, l)
          )
            data.add(`${file}:${l}`)
      }
    }
  }
  const list = [...targets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  const names = [...new Set(list.map(t => t.name))].sort()
  const what =
    subject.status === 'added' ? 'is new' : subject.status === 'removed' ? 'is removed' : 'changed'
  const where = `the ${plural(seeing.tus.length, 'TU')} of set ${set} that see ${header}`
  if (list.length === 0 && data.size === 0) {
    const consequence =
      subject.status === 'changed'
        ? 'its new value changes no compiled code'
        : 'no existing code changes'
    finding({
      kind: 'macro-change',
      severity: 'info',
      message: `#define ${name} ${what}: nothing in ${where} uses or tests it (#if/#ifdef/defined), directly or through other macros: ${consequence}`
    })
  } else if (list.length > 0) {
    finding({
      kind: 'macro-change',
      severity: 'warning',
      message:
        `#define ${name} ${what}: ${plural(list.length, 'function')} in ${userTus.size} of ${where} ` +
        `use or test it (directly or through other macros): each is required, with what inlines it`,
      functions: names.slice(0, SHOWN)
    })
  }
  if (data.size > 0) {
    const spots = [...data].sort()
    finding({
      kind: 'global-change',
      severity: 'unresolved',
      message:
        `#define ${name} ${what}, and is spelled outside functions (initialisers, types, declarations) ` +
        `at ${listed(spots)}: data and layouts of the running kernel keep the old expansion`
    })
  }
  if (lost.size > 0 || seeing.unknown.length > 0) {
    const tus = [...lost.keys(), ...seeing.unknown].sort()
    const files = [...new Set([...lost.values()].flat())].sort()
    finding({
      kind: 'macro-change',
      severity: 'unresolved',
      message:
        `#define ${name} ${what}: ${plural(tus.length, 'TU')} of set ${set} could not be searched for its users (${listed(tus)})` +
        (files.length > 0
          ? `: ${listed(files)} not in the source tree or not readable; ${UNFOUND_HINT}`
          : ': no kbuild dependency list and no source')
    })
  }
  return { targets: list, findings, searched: true }
}

/**
 * Needles (the subject aside) that only the unit's own `.c` (its first file) defines, below its
 * last `#include`, with the line of that definition: text the compiler read before it (every
 * header of the unit, the `.c` above it) cannot expand them. i915's intel_guc.c defines `done`
 * through FIELD_GET after its includes; completion.h's `x->done` is no use of it, and taking it
 * for one listed every container of init_completion in 68 TUs for a bitfield.h fix.
 */
function localMacros(
  uses: UseIndex,
  files: readonly string[],
  needles: readonly string[],
  subject: string,
  spelled: (file: string) => ReadonlySet<string>
): Map<string, number> {
  const out = new Map<string, number>()
  const own = files[0]
  if (own === undefined || !own.endsWith('.c')) return out
  const hits = spelled(own)
  for (const needle of needles) {
    if (needle === subject || !hits.has(needle)) continue
    const line = uses.definedBelowIncludes(own, needle)
    if (line === undefined) continue
    if (files.some(f => f !== own && spelled(f).has(needle) && uses.defines(f, needle))) continue
    out.set(needle, line)
  }
  return out
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`
}

export function listed(items: string[]): string {
  const shown = items.slice(0, 5).join(', ')
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown
}
