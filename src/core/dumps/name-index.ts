import {
  LINE_CLONE,
  MAX_FIELDS,
  nameStart,
  scanLine,
  type LineLayout,
  type ScanResult
} from './dump-line.js'
import { detach } from './detach.js'

/**
 * Answers "which dumps mention symbol X" without paying for an index at load time: indexing every
 * name of every line costs about twice as much as reading the dumps, while a query for one name is a
 * native substring search. After `FULL_INDEX_AFTER` distinct names the whole index is built once,
 * so a query about hundreds of functions (a changed macro) stays linear.
 */
export const FULL_INDEX_AFTER = 8

export class NameIndex {
  private readonly memo = new Map<string, number[]>()
  private full: Map<string, number[]> | undefined
  private readonly cuts = new Int32Array(MAX_FIELDS + 1)
  private readonly res: ScanResult = {
    kind: 0,
    layout: undefined as unknown as LineLayout,
    error: ''
  }

  /**
   * `texts[i]` is dump i's text; only dumps for which `include(i)` holds are answered. `textAt`,
   * when given, is asked instead (a set that re-reads dumps it did not keep in memory). `known(i)`:
   * the names dump i was found to hold when it was scanned, if listed (every name a lookup can be
   * asked for is among what the scan looked for); its text is then not read.
   */
  constructor(
    private readonly texts: readonly string[],
    private readonly include: (i: number) => boolean,
    private readonly textAt: (i: number) => string = i => texts[i],
    private readonly known: (i: number) => readonly string[] | undefined = () => undefined
  ) {}

  /**
   * The caller is about to look up `names`: when that is more than FULL_INDEX_AFTER new ones, the
   * full index is built now rather than after as many passes over every text (each a decode of
   * every kept dump: a changed header macro asks for hundreds of functions).
   */
  expect(names: Iterable<string>): void {
    if (this.full) return
    const fresh = new Set<string>()
    for (const n of names) if (!this.memo.has(n)) fresh.add(n)
    if (this.memo.size + fresh.size > FULL_INDEX_AFTER) this.full = this.buildFull()
  }

  /** Indexes (ascending) of the dumps that have a node named `name` (without `*`). */
  lookup(name: string): number[] {
    if (this.full) return this.full.get(name) ?? []
    let hit = this.memo.get(name)
    if (hit) return hit
    if (this.memo.size >= FULL_INDEX_AFTER) {
      this.full = this.buildFull()
      return this.full.get(name) ?? []
    }
    hit = []
    for (let i = 0; i < this.texts.length; i++) {
      if (!this.include(i)) continue
      const known = this.known(i)
      if (known ? known.includes(name) : this.mentions(this.textAt(i), name)) hit.push(i)
    }
    this.memo.set(name, hit)
    return hit
  }

  /**
   * `;name;` can only be a name field (names are never digits, files have a `/` or an extension),
   * but each hit is still checked to sit in a name field of a well-formed line.
   */
  private mentions(text: string, name: string): boolean {
    for (const pat of [`;${name};`, `;*${name};`]) {
      let at = text.indexOf(pat)
      while (at >= 0) {
        const start = text.lastIndexOf('\n', at) + 1
        let end = text.indexOf('\n', at)
        if (end < 0) end = text.length
        if (end > start && text.charCodeAt(end - 1) === 13) end--
        const r = scanLine(text, start, end, this.cuts, this.res)
        if (r.kind !== 0) {
          if (this.cuts[r.layout.origName - 1] === at) return true
          if (r.kind === LINE_CLONE && this.cuts[r.layout.newName - 1] === at) return true
        }
        at = text.indexOf(pat, at + 1)
      }
    }
    return false
  }

  private buildFull(): Map<string, number[]> {
    const names = new Map<string, number[]>()
    const { cuts, res } = this
    for (let idx = 0; idx < this.texts.length; idx++) {
      if (!this.include(idx)) continue
      const known = this.known(idx)
      if (known) {
        for (const name of known) add(names, name, idx)
        continue
      }
      const text = this.textAt(idx)
      const len = text.length
      let pos = 0
      while (pos < len) {
        let end = text.indexOf('\n', pos)
        if (end < 0) end = len
        const next = end + 1
        if (end > pos && text.charCodeAt(end - 1) === 13) end--
        if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0) {
          const f = res.layout.origName
          add(names, text.slice(nameStart(text, pos, cuts, f), cuts[f]), idx)
          if (res.kind === LINE_CLONE) {
            const n = res.layout.newName
            add(names, text.slice(nameStart(text, pos, cuts, n), cuts[n]), idx)
          }
        }
        pos = next
      }
    }
    return names
  }
}

function add(names: Map<string, number[]>, name: string, idx: number): void {
  const list = names.get(name)
  // A slice would keep its dump's text alive for as long as the index lives.
  if (list === undefined) names.set(detach(name), [idx])
  else if (list[list.length - 1] !== idx) list.push(idx)
}
