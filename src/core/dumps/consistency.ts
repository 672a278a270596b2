import { LINE_CLONE, fieldInt, fieldStart, nameStart, type ScanResult } from './dump-line.js'

/**
 * What a graph being read from the same lines knows of the line just read (see GraphReader): its
 * nodes' orders, and whether a node is its order's first node by name and file spelling.
 */
export interface LineNodes {
  order(k: number): number
  asFirst(k: number, fileStart: number, fileEnd: number): boolean
}

const INLINE_REASON = 'inlining to'
const MAX_INDEXED = 1 << 20
const REPLACEMENT_CHAR = 0xfffd

/**
 * Checks across the lines of one dump what a single line cannot show. GCC gives every cgraph node
 * of a TU its own `order` (symtab_node::order), so one order names one symbol in one file; and a
 * clone line (reason other than `inlining to`, whose second node is the existing caller) creates
 * its clone, so the clone's order appears nowhere before it. Both held on every line of the 2,711
 * dumps of a Debian 6.1 build. A dump edited by hand, damaged or reordered breaks them while every
 * line still parses, and reading it anyway would drop or misjoin edges silently. Text decoded from
 * invalid UTF-8 carries U+FFFD, which GCC never writes. Works on offsets into the dump's text, like
 * the line scanner, so a clean line allocates nothing.
 */
export class DumpConsistency {
  private text = ''
  /**
   * Orders are small (a TU's symbol count), so the nodes seen are indexed by order in typed arrays:
   * `stamp[order] === dump` marks one seen in the current dump, without clearing between dumps.
   */
  private stamp = new Int32Array(1024)
  /** Per order: name start, name end, file start, file end, first line. */
  private data = new Int32Array(5 * 1024)
  /** Orders too large to index (never seen from GCC, but a damaged dump may have them). */
  private readonly large = new Map<number, Int32Array>()
  private dump = 0
  private nextBad = -1
  /**
   * No line of this dump has failed a check yet: then every node of every well-formed line so far
   * was recorded here, as a graph reader of the same lines records them, and the first node of an
   * order is the same to both.
   */
  private clean = true

  /** Starts a new dump. */
  reset(text: string): void {
    this.text = text
    this.dump++
    this.large.clear()
    this.nextBad = text.indexOf(String.fromCharCode(REPLACEMENT_CHAR))
    this.clean = true
  }

  /**
   * The error of a line that scanned well but contradicts the dump (or its encoding), or ''.
   * `read`: a graph reader read this line just before; its answers spare comparing the line's
   * nodes to their first lines character by character while the dump is clean.
   */
  check(
    start: number,
    end: number,
    cuts: Int32Array,
    res: ScanResult,
    lineNo: number,
    read?: LineNodes
  ): string {
    const error = this.lineError(start, end, cuts, res, lineNo, read)
    if (error !== '') this.clean = false
    return error
  }

  private lineError(
    start: number,
    end: number,
    cuts: Int32Array,
    res: ScanResult,
    lineNo: number,
    read: LineNodes | undefined
  ): string {
    const { text } = this
    if (this.nextBad >= 0 && this.nextBad < start)
      this.nextBad = text.indexOf(String.fromCharCode(REPLACEMENT_CHAR), start)
    if (this.nextBad >= start && this.nextBad < end)
      return 'invalid UTF-8 (decoded as U+FFFD), which GCC never writes'
    const fast = this.clean ? read : undefined
    if (res.kind !== LINE_CLONE) return this.node(start, cuts, 1, lineNo, false, fast, 0)
    const l = res.layout
    const rs = fieldStart(start, cuts, l.reason)
    const inline =
      cuts[l.reason] - rs === INLINE_REASON.length && text.startsWith(INLINE_REASON, rs)
    return (
      this.node(start, cuts, l.origName, lineNo, false, fast, 0) ||
      this.node(start, cuts, l.newName, lineNo, !inline, fast, 1)
    )
  }

  private node(
    start: number,
    cuts: Int32Array,
    field: number,
    lineNo: number,
    creates: boolean,
    read: LineNodes | undefined,
    k: number
  ): string {
    const { text } = this
    const order = read ? read.order(k) : fieldInt(text, start, cuts, field + 1)
    const fs = cuts[field + 1] + 1
    const fe = cuts[field + 2]
    let d: Int32Array = this.data
    let at = order * 5
    if (order >= MAX_INDEXED) {
      const big = this.large.get(order)
      if (big === undefined) {
        this.add(order, nameStart(text, start, cuts, field), cuts[field], fs, fe, lineNo)
        return ''
      }
      d = big
      at = 0
    } else if (order >= this.stamp.length || this.stamp[order] !== this.dump) {
      this.add(order, nameStart(text, start, cuts, field), cuts[field], fs, fe, lineNo)
      return ''
    }
    // The reader compared name and file to its first node of this order, which is this one's.
    if (!creates && read?.asFirst(k, fs, fe)) return ''
    const ns = nameStart(text, start, cuts, field)
    const ne = cuts[field]
    if (creates)
      return (
        `clone ${text.slice(ns, ne)} (order ${order}) is created here but already used at line ` +
        `${d[at + 4]}: lines out of order`
      )
    // `name;order;file` is one run of text and the orders are equal: one compare for the common case.
    if (same(text, d[at], d[at + 3], ns, fe)) return ''
    if (!same(text, d[at], d[at + 1], ns, ne))
      return (
        `order ${order} names ${text.slice(ns, ne)} here but ${text.slice(d[at], d[at + 1])} at ` +
        `line ${d[at + 4]}: one order is one symbol in a dump`
      )
    if (!same(text, d[at + 2], d[at + 3], fs, fe))
      return (
        `order ${order} (${text.slice(ns, ne)}) is in ${text.slice(fs, fe)} here but in ` +
        `${text.slice(d[at + 2], d[at + 3])} at line ${d[at + 4]}: one order is one file in a dump`
      )
    return ''
  }

  private add(order: number, ns: number, ne: number, fs: number, fe: number, line: number): void {
    let d: Int32Array
    let at = 0
    if (order >= MAX_INDEXED) {
      d = new Int32Array(5)
      this.large.set(order, d)
    } else {
      if (order >= this.stamp.length) this.grow(order)
      this.stamp[order] = this.dump
      d = this.data
      at = order * 5
    }
    d[at] = ns
    d[at + 1] = ne
    d[at + 2] = fs
    d[at + 3] = fe
    d[at + 4] = line
  }

  private grow(order: number): void {
    let size = this.stamp.length
    while (size <= order) size *= 2
    const stamp = new Int32Array(size)
    stamp.set(this.stamp)
    const data = new Int32Array(size * 5)
    data.set(this.data)
    this.stamp = stamp
    this.data = data
  }
}

function same(text: string, as: number, ae: number, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false
  for (let i = 0; i < ae - as; i++)
    if (text.charCodeAt(as + i) !== text.charCodeAt(bs + i)) return false
  return true
}
