export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown }

/**
 * Runs `work` over `items` with at most `width` in flight and hands results back in input order,
 * so what is fed downstream (and every finding) does not depend on disk timing. A result `work`
 * gives synchronously is handed on without a turn of the microtask queue: at a kernel's 3,400
 * files, the promises and awaits of sync reads cost more than the reads.
 */
export async function inOrder<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => R | Promise<R>,
  each: (item: T, result: Settled<R>) => void
): Promise<void> {
  // Settled, never rejected: a rejection waiting in the queue would be reported as unhandled.
  // A synchronous throw is not settled but thrown, as a promise-returning `work` would have
  // thrown: an error of `work` itself (say a string too long for V8, a dump scanned here with no
  // scan threads) stops the run. A scan that throws on a scan thread (or in this thread's share
  // of a pool, see ScanPool.lend) comes back as that dump's rejection: a finding of the set.
  const start = (item: T): Settled<R> | Promise<Settled<R>> => {
    const r = work(item)
    if (!(r instanceof Promise)) return { ok: true, value: r }
    return r.then(
      value => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error })
    )
  }
  const queue: Array<Settled<R> | Promise<Settled<R>>> = []
  let next = 0
  for (const item of items) {
    while (next < items.length && queue.length < width) queue.push(start(items[next++]))
    const head = queue.shift()
    if (!head) break
    each(item, head instanceof Promise ? await head : head)
  }
}
