import { Units } from '../impact/units.js'
import { archesOf } from '../source/includes.js'
import { knownScripts, type BuildScript, type ScriptList } from './targets.js'

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
  /** A file's include closure over the source tree (Units.closure); null: not in the tree. */
  closure: (path: string) => { files: string[]; lost: string[] } | null
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
    this.units ??= this.input.lists
      ? this.input.lists.map(l => ({
          target: l.target,
          source: l.source,
          kind: l.kind,
          files: l.files,
          lost: l.complete ? [] : [`the rest of ${l.target}'s dependency list (cut short)`]
        }))
      : knownScripts(this.input.arches).flatMap(s => {
          const walked = this.input.closure(s.source)
          return walked ? [{ ...s, files: walked.files, lost: walked.lost }] : []
        })
    return this.units
  }

  /** The scripts made from `file` or from a file that includes it. */
  seeing(file: string): ScriptUnit[] {
    return this.all().filter(u => u.files.includes(file))
  }
}

/**
 * The files of a script whose text is the script's own: its source, another non-header file it
 * includes (`asm-offsets_64.c`), a linker script's header (`vmlinux.lds.h`). Any other header
 * reaches the script only through the macros those files spell (and `#if` tests of them).
 */
export function ownFiles(unit: ScriptUnit): string[] {
  return unit.files.filter((f, i) => i === 0 || !f.endsWith('.h') || f.endsWith('.lds.h'))
}

/** A set's scripts, walked over `textOf`'s tree when the set carries no lists. */
export function scriptUnitsOf(
  set: { tus: readonly string[]; scripts?: readonly ScriptList[] },
  textOf: (path: string) => string | undefined | false
): ScriptUnits {
  // No kbuild lists here: the objects' lists say nothing of the scripts' includes.
  const units = new Units({ tus: set.tus, textOf })
  return new ScriptUnits({
    lists: set.scripts,
    arches: archesOf(set.tus),
    closure: path => units.closure(path)
  })
}
