/**
 * Words C puts before `(` that are no function or macro: `if (a>b)`, `sizeof(x)`, `asm volatile(`.
 * A call site's or a definition's name is never one of them (`__builtin_expect` is GCC's own).
 */
export const NOT_CALLEES: ReadonlySet<string> = new Set([
  'if',
  'while',
  'for',
  'switch',
  'return',
  'sizeof',
  'typeof',
  '__typeof__',
  '__typeof',
  'do',
  'else',
  'case',
  'goto',
  'alignof',
  '_Alignof',
  '__alignof__',
  '_Generic',
  'defined',
  '__attribute__',
  'asm',
  '__asm__',
  'volatile',
  '__volatile__',
  '__builtin_expect'
])
