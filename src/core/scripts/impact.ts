import type { Finding } from '../model.js'
import type { MacroSubject } from '../impact/subjects.js'
import type { UseIndex } from '../impact/uses.js'
import { listed } from '../impact/macro-impact.js'
import type { Kconfig } from '../config/kconfig.js'
import { scriptEnv, scriptSpellings, scriptText, type ScriptText } from './spellings.js'
import { ownFiles, type ScriptUnits } from './units.js'
import type { ScriptKind } from './targets.js'

const WHAT: Record<ScriptKind, (target: string, source: string) => string> = {
  'linker-script': target => `the linker script ${target}`,
  offsets: target => target,
  assembler: (target, source) => `the assembler code of ${target} (${source})`
}

const EFFECT: Record<ScriptKind, string> = {
  'linker-script':
    'the layout of what it links changes, which no function and no livepatch carries',
  offsets:
    'the constants kbuild generates from it for assembler code may change, and no dump shows that code',
  assembler: 'its code may change, and no dump describes assembler code'
}

/**
 * What one changed `#define` of a header does to the set's scripts: a linker script, an offset
 * generator or a `.S` that expands it (directly, through the macros of its files, or in an `#if`)
 * makes something no dump shows: a link, the constants assembler code reads, assembler code. Each
 * is unresolved, named with the lines that spell it. `texts`: files prepared once per run.
 */
export function scriptImpact(
  subject: MacroSubject,
  scripts: ScriptUnits,
  uses: UseIndex,
  set: string,
  config?: Kconfig,
  texts = new Map<string, ScriptText | null>(),
  compiledOut: (kind: ScriptKind) => boolean = () => false
): Finding[] {
  const prepared = (file: string): ScriptText | null => {
    let t = texts.get(file)
    if (t === undefined) {
      const text = uses.read(file)
      t = typeof text === 'string' ? scriptText(text) : null
      texts.set(file, t)
    }
    return t
  }
  const { header, name } = subject
  const what =
    subject.status === 'added' ? 'is new' : subject.status === 'removed' ? 'is removed' : 'changed'
  const findings: Finding[] = []
  for (const unit of scripts.seeing(header)) {
    // A definition this script's preprocessor drops (`CONFIG_ARCH_USES_CFI_TRAPS` unset around
    // vmlinux.lds.h's KCFI_TRAPS): the script expands the other one.
    if (compiledOut(unit.kind)) continue
    const needles = new Set(uses.expandMacro(unit.files, [name]))
    const spots: string[] = []
    for (const file of ownFiles(unit)) {
      if (uses.spelledAmong(file, needles).length === 0) continue
      const text = prepared(file)
      if (!text) continue
      const env = scriptEnv(unit.kind, config, text)
      for (const s of scriptSpellings(text, needles, env)) spots.push(`${file}:${s.line}`)
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
      message: `#define ${name} ${what}: ${WHAT[unit.kind](unit.target, unit.source)} ${through}${lost}: ${EFFECT[unit.kind]}`
    })
  }
  return findings
}
