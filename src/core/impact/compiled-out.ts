import type { ScriptKind } from '../scripts/targets.js'
import type { MacroSubject } from './subjects.js'

/** Both images of the changed headers, by path. */
export type HeaderTexts = ReadonlyMap<string, { pre: string; post: string }>

/**
 * Whether every changed line of a macro's definitions is one that `kind`'s preprocessor drops: a
 * definition the build's `.config` compiles out (`#ifdef CONFIG_X86_VSMP` unset:
 * `__cacheline_aligned_in_smp` is linux/cache.h's there), or, for a linker script, one under
 * `#ifndef __ASSEMBLY__`. Its users then expand another definition, which the fix does not
 * touch. `view` keeps the line count and blanks what the preprocessor drops; a line that was blank
 * already (a comment) does not decide. Each header's view is made once per kind and side: a
 * header's macros are asked about for every script that reads it.
 */
export function compiledOutTest(
  texts: HeaderTexts,
  view: (kind: ScriptKind, text: string) => string
): (subject: MacroSubject, kind: ScriptKind) => boolean {
  const views = new Map<string, string[]>()
  const raws = new Map<string, string[]>()
  const linesOf = (cache: Map<string, string[]>, key: string, make: () => string): string[] => {
    let lines = cache.get(key)
    if (!lines) cache.set(key, (lines = make().split('\n')))
    return lines
  }
  return (subject, kind) => {
    const t = texts.get(subject.header)
    if (!t || subject.changed.length === 0) return false
    let decided = false
    for (const { side, line } of subject.changed) {
      const key = `${subject.header}\u0000${side}`
      const raw = linesOf(raws, key, () => t[side])
      if ((raw[line - 1] ?? '').trim() === '') continue
      const viewed = linesOf(views, `${kind}\u0000${key}`, () => view(kind, t[side]))
      if ((viewed[line - 1] ?? '').trim() !== '') return false
      decided = true
    }
    return decided
  }
}
