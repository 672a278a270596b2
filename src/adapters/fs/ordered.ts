export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown }

/**
 * Runs `work` over `items` with at most `width` in flight and hands results back in input order,
 * so what is fed downstream (and every finding) does not depend on disk timing.
 */
export async function inOrder<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>,
  each: (item: T, result: Settled<R>) => void
): Promise<void> {
  // Settled, never rejected: a rejection waiting in the queue would be reported as unhandled.
  const start = (item: T): Promise<Settled<R>> =>
    work(item).then(
      value => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error })
    )
  const queue: Array<Promise<Settled<R>>> = []
  let next = 0
  for (const item of items) {
    while (next < items.length && queue.length < width) queue.push(start(items[next++]))
    const head = queue.shift()
    if (!head) break
    each(item, await head)
  }
}
