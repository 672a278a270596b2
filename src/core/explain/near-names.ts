import { editDistance } from '../text/edit-distance.js'

const NL = 10
const SEMI = 59
const STAR = 42
const ASCII_END = 128

/**
 * Collects, from dumps fed one at a time, the symbol names closest to a name no dump mentions: a
 * mistyped `explain` target gets "did you mean". GCC's dump lines are
 * `Callgraph clone;NAME;ORDER;FILE;LINE;COL;NAME2;...` and `Callgraph removal;NAME;...`: the names
 * are fields 1 and 6 (of any line, split at `;`). Clone suffixes count, so `foo.constprop.0` is
 * offered for `foo.constprop`.
 *
 * The dumps are read undecoded: at distribution scale (27,000 dumps, 700 MB) decoding every text
 * and cutting every line into strings took 9 s, for names nearly all of which are far from the
 * query. A name is decoded only when its bytes cannot rule it out (see `ruledOut`).
 */
export class NearNames {
  private readonly seen = new Set<string>()
  private readonly best = new Map<string, number>()
  private readonly limit: number
  /** The query's ASCII codes, or undefined when it has other characters (no byte shortcut). */
  private readonly codes: Uint8Array | undefined
  /** Per ASCII code: the query's count of it, less the name's being matched (see `ruledOut`). */
  private readonly counts = new Int32Array(ASCII_END)
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  private readonly encoder = new TextEncoder()

  constructor(private readonly query: string) {
    // A third of the name, at least 2 edits: kernel names differ by `__` prefixes and `_` parts.
    this.limit = Math.max(2, Math.floor(query.length / 3))
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(query)) {
      this.codes = this.encoder.encode(query)
      for (const c of this.codes) this.counts[c]++
    }
  }

  /** A dump's text (an archive's entries come decoded). */
  addDump(_path: string, text: string): void {
    this.addBytes(this.encoder.encode(text))
  }

  /** A dump's bytes, as UTF-8. */
  addBytes(b: Pick<Uint8Array, 'length' | 'indexOf'> & { readonly [i: number]: number }): void {
    const len = b.length
    let pos = 0
    while (pos < len) {
      let end = b.indexOf(NL, pos)
      if (end < 0) end = len
      let field = 0
      let start = pos
      for (let i = pos; i <= end; i++) {
        if (i < end && b[i] !== SEMI) continue
        if (field === 1 || field === 6) this.considerBytes(b, start, i)
        if (++field > 6) break
        start = i + 1
      }
      pos = end + 1
    }
  }

  /** What another collector for the same query found (its dumps' share): the result is the same. */
  absorb(found: Array<[name: string, distance: number]>): void {
    for (const [name, distance] of found) this.best.set(name, distance)
  }

  /** Every name near enough, with its distance (for `absorb`). */
  found(): Array<[name: string, distance: number]> {
    return [...this.best]
  }

  /** Closest first, at most `n`. */
  names(n = 5): string[] {
    return [...this.best]
      .sort(([a, da], [b, db]) => da - db || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, n)
      .map(([name]) => name)
  }

  private considerBytes(b: { readonly [i: number]: number }, start: number, end: number): void {
    if (b[start] === STAR) start++
    if (end <= start || this.ruledOut(b, start, end)) return
    this.consider(this.decoder.decode((b as Uint8Array).subarray(start, end)))
  }

  /**
   * True when the ASCII name at [start, end) is neither a superstring of the query nor within
   * `limit` edits of it, told from its bytes: the bag distance (characters of either left over
   * once the two are matched as multisets) never exceeds the edit distance, since each edit,
   * a swap included, changes it by at most one.
   */
  private ruledOut(b: { readonly [i: number]: number }, start: number, end: number): boolean {
    const codes = this.codes
    if (!codes) return false
    const counts = this.counts
    let extra = 0
    let matched = 0
    let i = start
    let out = false
    for (; i < end; i++) {
      const c = b[i]
      if (c >= ASCII_END) break
      if (counts[c]-- > 0) matched++
      else if (++extra > this.limit) {
        i++
        out = true
        break
      }
    }
    const scanned = i
    for (let j = start; j < scanned; j++) counts[b[j]]++
    if (scanned < end && !out) return false
    if (!out) out = codes.length - matched > this.limit
    return out && !this.contains(b, start, end, codes)
  }

  private contains(
    b: { readonly [i: number]: number },
    start: number,
    end: number,
    codes: Uint8Array
  ): boolean {
    const last = end - codes.length
    outer: for (let i = start; i <= last; i++) {
      for (let k = 0; k < codes.length; k++) if (b[i + k] !== codes[k]) continue outer
      return true
    }
    return false
  }

  private consider(name: string): void {
    if (this.seen.has(name)) return
    this.seen.add(name)
    if (Math.abs(name.length - this.query.length) > this.limit && !name.includes(this.query)) return
    const distance = name.includes(this.query) ? 1 : editDistance(this.query, name)
    if (distance <= this.limit) this.best.set(name, distance)
  }
}
