import { MAX_FIELDS, NINE, SEMI, ZERO } from './dump-line.js'
import type { RawFocus } from './raw-focus.js'

/**
 * A dump's bytes, undecoded. The adapter's Buffer is one: its `indexOf` of a byte is a native
 * memchr, which finding each line's end needs (a plain Uint8Array's is correct, only slower).
 */
export type DumpBytes = Pick<Uint8Array, 'length' | 'indexOf'> & { readonly [i: number]: number }

const NL = 10
const CR = 13
const STAR = 42
const CLONE = 'Callgraph clone;'
const REMOVAL = 'Callgraph removal;'

/**
 * How many non-empty lines `bytes` has when every one of them is a line `scanLine` accepts in its
 * GCC 8+ form and none may name a `focus` symbol or file, else -1. The undecoded fast path of
 * `DumpScanner.scanBytes`, for the dumps a query does not read: decoding 700 MB of text only to
 * validate it cost more than reading it, and searching the bytes for the names apart from this
 * pass cost a third of it again.
 *
 * Stricter than `scanLine`, never laxer, so -1 only sends a dump to the full scan, which words the
 * findings: the prefix is compared whole instead of spot-checked, GCC 7's 14-field lines and
 * carriage returns are left to the full scan. Every test is on an ASCII byte (`;`, digits, `*`)
 * or on a field being empty, and UTF-8 decoding keeps each ASCII byte as that character and
 * turns no other byte into one, so a byte test answers as the same test on the decoded text.
 */
export function acceptRaw(bytes: DumpBytes, cuts: Int32Array, focus?: RawFocus): number {
  const len = bytes.length
  let lines = 0
  let pos = 0
  while (pos < len) {
    let end = bytes.indexOf(NL, pos)
    if (end < 0) end = len
    if (end > pos) {
      if (bytes[end - 1] === CR || !acceptLine(bytes, pos, end, cuts)) return -1
      if (focus && mentions(bytes, cuts, focus, bytes[pos + 10] === 114)) return -1
      lines++
    }
    pos = end + 1
  }
  return lines
}

function acceptLine(b: DumpBytes, start: number, end: number, cuts: Int32Array): boolean {
  const removal = b[start + 10] === 114
  const prefix = removal ? REMOVAL : CLONE
  if (end - start < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (b[start + i] !== prefix.charCodeAt(i)) return false
  let n = 0
  for (let i = start + prefix.length - 1; i < end; i++) {
    if (b[i] !== SEMI) continue
    if (n === MAX_FIELDS) return false
    cuts[n++] = i
  }
  cuts[n] = end
  if (removal) return n === 5 && node(b, cuts, 1)
  // An empty reason (the last field) is malformed.
  return n === 11 && node(b, cuts, 1) && node(b, cuts, 6) && cuts[10] + 1 < end
}

/** A node (fields 1 and, on a clone line, 6) whose name or file may be in the focus. */
function mentions(b: DumpBytes, cuts: Int32Array, focus: RawFocus, removal: boolean): boolean {
  return nodeMentions(b, cuts, focus, 1) || (!removal && nodeMentions(b, cuts, focus, 6))
}

function nodeMentions(b: DumpBytes, cuts: Int32Array, focus: RawFocus, field: number): boolean {
  let name = cuts[field - 1] + 1
  if (b[name] === STAR) name++
  return focus.name(b, name, cuts[field]) || focus.file(b, cuts[field + 1] + 1, cuts[field + 2])
}

/** `name;order;file;line;col` from `field`, checked as `scanLine`'s checkNode does. */
function node(b: DumpBytes, cuts: Int32Array, field: number): boolean {
  let name = cuts[field - 1] + 1
  if (b[name] === STAR) name++
  if (cuts[field] <= name) return false
  const order = cuts[field] + 1
  if (cuts[field + 1] === order) return false
  for (let i = order; i < cuts[field + 1]; i++) if (b[i] < ZERO || b[i] > NINE) return false
  if (cuts[field + 2] === cuts[field + 1] + 1) return false
  return digit(b[cuts[field + 2] + 1]) && digit(b[cuts[field + 3] + 1])
}

function digit(c: number): boolean {
  return c >= ZERO && c <= NINE
}
