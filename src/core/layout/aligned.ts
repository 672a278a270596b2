import type { Resolve } from './struct-layout.js'

/** `} __aligned(8)` or `} __attribute__((aligned(sizeof(void *))))` (include/linux/types.h). */
export const ALIGNED =
  /^\s*(?:__aligned\s*\(((?:[^()]|\([^()]*\))+)\)|__attribute__\s*\(\(\s*(?:__)?aligned(?:__)?\s*\(((?:[^()]|\([^()]*\))+)\)\s*\)\))/

const SIZEOF = /\bsizeof\s*\(([^()]*)\)/g
const SIZEOF_OF: Record<string, number> = {
  'void *': 8,
  long: 8,
  'unsigned long': 8,
  int: 4,
  'unsigned int': 4
}

/**
 * The N of an `aligned(N)` after a struct's body: literals, `sizeof` of the LP64 basics and the
 * macros `constant` reads. Undefined unless it is a power of two.
 */
export function alignedValue(expr: string, constant: Resolve['constant']): number | undefined {
  const text = expr.replace(SIZEOF, (_, t: string) =>
    String(SIZEOF_OF[t.replace(/\s+/g, ' ').trim()] ?? 'x')
  )
  const n = constant ? constant(text) : /^\s*\d+\s*$/.test(text) ? Number(text) : undefined
  return n === undefined || n === 0 || (n & (n - 1)) !== 0 ? undefined : n
}

/** GCC raises the type's alignment (never lowers it without `packed`) and pads the size to it. */
export function raised(
  layout: { size: number; align: number },
  n: number
): { size: number; align: number } {
  const align = Math.max(layout.align, n)
  return { size: Math.ceil(layout.size / align) * align, align }
}
