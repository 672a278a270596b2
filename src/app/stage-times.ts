/**
 * Wall time per stage of one run, for the benchmark (`KLP_AFFECTED_TIMINGS=1` prints it on
 * stderr): the review tier's source search reads and parses TUs and headers from the tree, which
 * the dump scan's floor does not cover, so the benchmark reports it apart. Never part of a report.
 */
export class StageTimes {
  private readonly ms = new Map<string, number>()

  add(stage: string, ms: number): void {
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms)
  }

  sync<T>(stage: string, run: () => T): T {
    const start = performance.now()
    try {
      return run()
    } finally {
      this.add(stage, performance.now() - start)
    }
  }

  async time<T>(stage: string, run: () => Promise<T>): Promise<T> {
    const start = performance.now()
    try {
      return await run()
    } finally {
      this.add(stage, performance.now() - start)
    }
  }

  /** `map=120 load=900 ...`: stages in the order first timed, whole milliseconds. */
  line(): string {
    return [...this.ms].map(([stage, ms]) => `${stage}=${Math.round(ms)}`).join(' ')
  }
}
