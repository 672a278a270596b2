import type { MacroSubject } from './subjects.js'

/** Both images of the changed headers, by path. */
export type HeaderTexts = ReadonlyMap<string, { pre: string; post: string }>

/**
 * Whether every changed line of a macro's definitions is one that `view` drops: a definition the
 * build's `.config` compiles out (`#ifdef CONFIG_X86_VSMP` unset: `__cacheline_aligned_in_smp`
 * is linux/cache.h's there), or, for a linker script's view, one under `#ifndef __ASSEMBLY__`.
 * Its users then expand another definition, which the fix does not touch. `view` keeps the line
 * count and blanks what the preprocessor drops; a line that was blank already (a comment) does
 * not decide.
 */
export function definitionCompiledOut(
  subject: MacroSubject,
  texts: HeaderTexts,
  view: (text: string) => string
): boolean {
  const t = texts.get(subject.header)
  if (!t || subject.changed.length === 0) return false
  const viewed = { pre: view(t.pre).split('\n'), post: view(t.post).split('\n') }
  const raw = { pre: t.pre.split('\n'), post: t.post.split('\n') }
  let decided = false
  for (const { side, line } of subject.changed) {
    if ((raw[side][line - 1] ?? '').trim() === '') continue
    if ((viewed[side][line - 1] ?? '').trim() !== '') return false
    decided = true
  }
  return decided
}
