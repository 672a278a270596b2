/**
 * `into.push(...from)` passes every element as an argument: V8 throws RangeError (call stack size)
 * somewhere past ~120,000 of them, which a distribution-scale report reaches. A loop has no limit.
 */
export function append<T>(into: T[], from: readonly T[]): T[] {
  for (let i = 0; i < from.length; i++) into.push(from[i])
  return into
}

/**
 * An empty list to share where most answers have none (a clean dump's findings, its focus names,
 * an entry's error lists): at 27,000 dumps, fresh empty arrays outlived the young generation by
 * the tens of thousands. Frozen: whoever pushes to it throws.
 */
export const NONE = Object.freeze([]) as unknown as never[]

/** `Math.max(...values)` without the argument limit; `empty` when there is no value. */
export function maxOf(values: readonly number[], empty = -Infinity): number {
  let m = empty
  for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i]
  return m
}

/**
 * The first index in [0, `length`) where `before(i)` is false, for a `before` true on a prefix
 * and false after it (a binary search); `length` when it is true throughout.
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** `f` of every item, as a set; undefined as soon as `f` has no answer for one. */
export function mapEvery<T, U>(
  items: Iterable<T>,
  f: (item: T) => U | undefined
): Set<U> | undefined {
  const out = new Set<U>()
  for (const item of items) {
    const v = f(item)
    if (v === undefined) return undefined
    out.add(v)
  }
  return out
}
