import { editDistance } from '../text/edit-distance.js'

/**
 * Collects, from dump texts fed one at a time, the symbol names closest to a name no dump
 * mentions: a mistyped `explain` target gets "did you mean". GCC's dump lines are
 * `Callgraph clone;NAME;ORDER;FILE;LINE;COL;NAME2;...` and `Callgraph removal;NAME;...`: the names
 * are fields 1 and 6. Clone suffixes count, so `foo.constprop.0` is offered for `foo.constprop`.
 */
export class NearNames {
  private readonly seen = new Set<string>()
  private readonly best = new Map<string, number>()
  private readonly limit: number

  constructor(private readonly query: string) {
    // A third of the name, at least 2 edits: kernel names differ by `__` prefixes and `_` parts.
    this.limit = Math.max(2, Math.floor(query.length / 3))
  }

  addDump(_path: string, text: string): void {
    let start = 0
    while (start < text.length) {
      let end = text.indexOf('\n', start)
      if (end < 0) end = text.length
      const fields = text.slice(start, end).split(';')
      this.consider(fields[1])
      this.consider(fields[6])
      start = end + 1
    }
  }

  private consider(raw: string | undefined): void {
    if (!raw) return
    const name = raw.startsWith('*') ? raw.slice(1) : raw
    if (this.seen.has(name)) return
    this.seen.add(name)
    if (Math.abs(name.length - this.query.length) > this.limit && !name.includes(this.query)) return
    const distance = name.includes(this.query) ? 1 : editDistance(this.query, name)
    if (distance <= this.limit) this.best.set(name, distance)
  }

  /** Closest first, at most `n`. */
  names(n = 5): string[] {
    return [...this.best]
      .sort(([a, da], [b, db]) => da - db || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, n)
      .map(([name]) => name)
  }
}
