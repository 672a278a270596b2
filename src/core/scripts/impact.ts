import type { Finding } from '../model.js'
import type { MacroSubject } from '../impact/subjects.js'
import type { UseIndex } from '../impact/uses.js'
import { listed } from '../impact/macro-impact.js'
import { scriptSpellings } from './spellings.js'
import { ownFiles, type ScriptUnits } from './units.js'

/**
 * What one changed `#define` of a header does to the set's scripts: a linker script or an offset
 * generator that expands it (directly, through the macros of its files, or in an `#if`) makes
 * something no dump and no object shows: a link, or the constants assembler code reads. Each is
 * unresolved, named with the lines that spell it.
 */
export function scriptImpact(
  subject: MacroSubject,
  scripts: ScriptUnits,
  uses: UseIndex,
  set: string
): Finding[] {
  const { header, name } = subject
  const what =
    subject.status === 'added' ? 'is new' : subject.status === 'removed' ? 'is removed' : 'changed'
  const findings: Finding[] = []
  for (const unit of scripts.seeing(header)) {
    const needles = new Set(uses.expand(unit.files, [name]))
    const spots: string[] = []
    for (const file of ownFiles(unit)) {
      if (uses.spelledAmong(file, needles).length === 0) continue
      const text = uses.read(file)
      if (typeof text !== 'string') continue
      for (const s of scriptSpellings(text, needles)) spots.push(`${file}:${s.line}`)
    }
    const lost = unit.lost.length > 0 ? `; ${listed(unit.lost)} could not be read` : ''
    if (spots.length === 0 && lost === '') continue
    const through = spots.length > 0 ? `spells it at ${listed(spots)}` : 'may spell it'
    findings.push({
      kind: 'script-change',
      severity: 'unresolved',
      file: header,
      line: subject.line,
      set,
      message:
        unit.kind === 'linker-script'
          ? `#define ${name} ${what}: the linker script ${unit.target} ${through}${lost}: the layout of what it links changes, which no function and no livepatch carries`
          : `#define ${name} ${what}: ${unit.target} ${through}${lost}: the constants kbuild generates from it for assembler code may change, and no dump shows that code`
    })
  }
  return findings
}
