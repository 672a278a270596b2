import { Units } from '../impact/units.js'
import { archesOf } from '../source/includes.js'
import { knownScripts, type BuildScript, type ScriptKind, type ScriptList } from './targets.js'
import { scriptView } from './spellings.js'
import type { Kconfig } from '../config/kconfig.js'

/** One script and the files it is made from. */
export interface ScriptUnit extends BuildScript {
  /** The source first, then every file it includes. */
  files: string[]
  /** Files it reads that could not be (outside the source tree, a list cut short). */
  lost: string[]
}

export interface ScriptUnitsInput {
  /** kbuild's lists of the set's scripts; undefined when its upload carries none. */
  lists?: readonly ScriptList[]
  /** The set's architectures (`arch/x86/...` TUs): which fixed scripts to walk without lists. */
  arches: readonly string[]
  /**
   * A script source's include closure over the source tree, as its kind's preprocessor follows
   * it (see scriptUnitsOf); null: not in the tree.
   */
  closure: (path: string, kind: ScriptKind) => { files: string[]; lost: string[] } | null
}

/**
 * The set's scripts, and which of them read a file. kbuild's lists are exact; without them the
 * fixed scripts of the running kernel are walked over the source tree (every `#include`, taken
 * or not: only wider), and a script whose source is not in the tree is another architecture's.
 */
export class ScriptUnits {
  private units: ScriptUnit[] | undefined

  constructor(private readonly input: ScriptUnitsInput) {}

  all(): ScriptUnit[] {
    if (this.units) return this.units
    const lists = this.input.lists ?? []
    const listed = lists.map(l => ({
      target: l.target,
      source: l.source,
      kind: l.kind,
      files: l.files,
      lost: l.complete ? [] : [`the rest of ${l.target}'s dependency list (cut short)`]
    }))
    // `.o.cmd` lists bring the `.S` objects; only an upload that packed `.*.lds.cmd`/`.*.s.cmd`
    // lists its linker scripts and offset generators.
    const walked = lists.some(l => l.kind !== 'assembler')
      ? []
      : knownScripts(this.input.arches).flatMap(s => {
          const w = this.input.closure(s.source, s.kind)
          return w ? [{ ...s, files: w.files, lost: w.lost }] : []
        })
    this.units = [...listed, ...walked]
    return this.units
  }

  /** The scripts made from `file` or from a file that includes it. */
  seeing(file: string): ScriptUnit[] {
    return this.all().filter(u => u.files.includes(file))
  }
}

/**
 * The files of a script whose text is the script's own. A linker script is every file it reads:
 * what a header holds outside `#ifndef __ASSEMBLY__` is script text (`asm/vvar.h`'s
 * `DECLARE_VVAR` lines, which vmlinux.lds.S includes to lay out the vvar page). An offset
 * generator is compiled as C, and only what its source and the non-header files it includes
 * (`asm-offsets_64.c`) spell reaches the constants: a header's C reaches them through the macros
 * those files spell.
 */
export function ownFiles(unit: ScriptUnit): string[] {
  if (unit.kind !== 'offsets') return unit.files
  return unit.files.filter((f, i) => i === 0 || !f.endsWith('.h'))
}

/**
 * A set's scripts, walked over `textOf`'s tree when the set carries no lists: an offset
 * generator as C, a linker script as assembly (the includes under `#ifndef __ASSEMBLY__` are not
 * followed: a lexical walk would bring kcsan-checks.h's C into vmlinux.lds).
 */
export function scriptUnitsOf(
  set: { tus: readonly string[]; scripts?: readonly ScriptList[]; config?: Kconfig },
  textOf: (path: string) => string | undefined | false,
  /** The set's own units, when the caller has them: their directives are read already. */
  units?: Units
): ScriptUnits {
  // Walks only: the objects' kbuild lists say nothing of the scripts' includes.
  const asC = units ?? new Units({ tus: set.tus, textOf })
  const asAssembly = new Units({
    tus: set.tus,
    textOf: path => {
      const text = textOf(path)
      return typeof text === 'string' ? scriptView('linker-script', set.config, text) : text
    }
  })
  return new ScriptUnits({
    lists: set.scripts,
    arches: archesOf(set.tus),
    closure: (path, kind) => (kind === 'offsets' ? asC : asAssembly).closure(path)
  })
}
