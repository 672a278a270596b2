import type { Unpatchable } from '../model.js'

export interface Verdict {
  kind: Unpatchable
  /** The annotation that decides, as written (`__init`, `notrace`, `section .noinstr.text`). */
  because: string
}

/**
 * What the kernel's annotations (6.1 `init.h`, `compiler_types.h`) do to a livepatch. A livepatch
 * (and kpatch, through its fentry check) redirects a function through its ftrace call site:
 * - `__init` (`.init.text`) runs at boot and is freed afterwards, with its ftrace records;
 * - `__exit` is `notrace` and runs only at module unload; built in, it never runs (dropped at link
 *   time, or freed with the init sections after boot: x86's vmlinux.lds.S);
 * - `noinstr` is `notrace` in `.noinstr.text`, like the `.entry.text` code, which must not be
 *   instrumented at all;
 * - `notrace`, `__naked` and `__meminit` (which adds `notrace`) have no ftrace call site.
 * `.sched.text`, `.kprobes.text`, `.irqentry.text`, `.cpuidle.text` (6.1) and `.ref.text` keep
 * their mcount records (scripts/recordmcount.c): patchable. `__always_inline` is never a symbol.
 */
export function verdictOf(attributes: readonly string[]): Verdict | undefined {
  const has = (names: string[]): string | undefined => names.find(n => attributes.includes(n))
  const shown = (a: string): string => a.replace(/^section:/, 'section ')
  const rules: Array<[Unpatchable, string[]]> = [
    ['boot-only', ['__init', 'section:.init.text']],
    ['exit', ['__exit', 'section:.exit.text']],
    ['noinstr', ['noinstr', 'section:.noinstr.text', 'section:.entry.text']],
    ['notrace', ['notrace', 'no_instrument_function', '__naked', 'naked', '__meminit']]
  ]
  for (const [kind, names] of rules) {
    const found = has(names)
    if (found) return { kind, because: shown(found) }
  }
  return undefined
}
