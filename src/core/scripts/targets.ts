import { parseTargetDeps } from '../impact/deps.js'

/**
 * kbuild targets made from the tree by the preprocessor or the compiler without an object: the
 * linker scripts (`vmlinux.lds` from `vmlinux.lds.S`: the section layout of the kernel image, of
 * the modules, of the vDSO) and the offset generators (`asm-offsets.s` from `asm-offsets.c`,
 * `bounds.s`: kbuild turns their output into `include/generated/*.h`, which assembler code
 * reads). No dump shows what a header change does to them, and no object shows a link. Objects
 * assembled from a `.S` (entry code, `head_64.S`) are preprocessed alike and have no dump either.
 */
export type ScriptKind = 'linker-script' | 'offsets' | 'assembler'

export interface BuildScript {
  /** The kbuild target, tree-relative: `arch/x86/kernel/vmlinux.lds`. */
  target: string
  /** The file it is made from: `arch/x86/kernel/vmlinux.lds.S`. */
  source: string
  kind: ScriptKind
}

/** A script with kbuild's dependency list (`.vmlinux.lds.cmd`): every file it was made from. */
export interface ScriptList extends BuildScript {
  /** The source first, then every file it includes. */
  files: string[]
  /** False when the list stops mid-way. */
  complete: boolean
}

export function scriptKind(target: string, source = ''): ScriptKind | undefined {
  if (target.endsWith('.o')) return source.endsWith('.S') ? 'assembler' : undefined
  if (target.endsWith('.lds')) return 'linker-script'
  // `scripts/mod/devicetable-offsets.s` feeds modpost, a host program: its offsets name module
  // aliases, never code of the running kernel.
  if (target.endsWith('.s') && !target.startsWith('scripts/')) return 'offsets'
  return undefined
}

/** One `.<target>.cmd` file of a script, or undefined (an object's, or no list). */
export function parseScriptList(text: string): ScriptList | undefined {
  const parsed = parseTargetDeps(text)
  const kind = parsed && scriptKind(parsed.target, parsed.source)
  return parsed && kind ? { ...parsed, kind } : undefined
}

/**
 * The running kernel's scripts by kbuild's fixed names (the top Makefile's `vmlinux.lds`,
 * `scripts/module.lds`, `asm-offsets.s` and `bounds.s` of `prepare`), for a set whose upload
 * carries no script lists: their includes are then walked over the source tree.
 */
export function knownScripts(arches: readonly string[]): BuildScript[] {
  return [
    ...arches.flatMap((a): BuildScript[] => [
      {
        target: `arch/${a}/kernel/vmlinux.lds`,
        source: `arch/${a}/kernel/vmlinux.lds.S`,
        kind: 'linker-script'
      },
      {
        target: `arch/${a}/kernel/asm-offsets.s`,
        source: `arch/${a}/kernel/asm-offsets.c`,
        kind: 'offsets'
      }
    ]),
    { target: 'scripts/module.lds', source: 'scripts/module.lds.S', kind: 'linker-script' },
    { target: 'kernel/bounds.s', source: 'kernel/bounds.c', kind: 'offsets' }
  ]
}
