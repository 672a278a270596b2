/**
 * Scanner for the lines of a GCC `-fdump-ipa-clones` dump, written for speed: it works on offsets into
 * the dump's text and fills a caller-owned array, so scanning a 700 MB dump set allocates nothing per
 * line beyond the names the index keeps.
 *
 * GCC 8+ (cgraphclones.cc `dump_callgraph_transformation`, cgraph.cc `cgraph_node::remove`) writes
 *   Callgraph clone;<orig>;<order>;<file>;<line>;<col>;<new>;<order>;<file>;<line>;<col>;<reason>
 *   Callgraph removal;<name>;<order>;<file>;<line>;<col>
 * and the GCC 7 patches that introduced the dump wrote the clone line with two extra marker fields:
 *   Callgraph clone;<orig>;<order>;<file>;<line>;<col>;<-;<new>;<order>;<file>;<line>;<col>;optimization:;<reason>
 * Both are accepted; the markers are checked, not assumed.
 */

export const LINE_CLONE = 1
export const LINE_REMOVAL = 2

/** Field indexes of a scanned line, whatever the GCC version (see `fieldStart`; a field ends at `cuts[field]`). */
export interface LineLayout {
  origName: number
  origOrder: number
  origFile: number
  origLine: number
  newName: number
  newOrder: number
  newFile: number
  newLine: number
  reason: number
}

export const LAYOUT_12: LineLayout = {
  origName: 1,
  origOrder: 2,
  origFile: 3,
  origLine: 4,
  newName: 6,
  newOrder: 7,
  newFile: 8,
  newLine: 9,
  reason: 11
}

export const LAYOUT_14: LineLayout = {
  origName: 1,
  origOrder: 2,
  origFile: 3,
  origLine: 4,
  newName: 7,
  newOrder: 8,
  newFile: 9,
  newLine: 10,
  reason: 13
}

const CLONE_PREFIX_LEN = 'Callgraph clone;'.length
const REMOVAL_PREFIX_LEN = 'Callgraph removal;'.length
const C_UPPER = 67
const C_LOWER = 99
const R_LOWER = 114
const SPACE = 32
/** Character codes both line readers (this one and raw-accept.ts on bytes) test. */
export const SEMI = 59
export const ZERO = 48
export const NINE = 57

/** Largest field count any accepted line has; a `cuts` array must hold this many entries. */
export const MAX_FIELDS = 14

/**
 * Result of `scanLine`: the kind of line and, for clone lines, its layout. `error` is set (and the
 * rest meaningless) when the line is malformed.
 */
export interface ScanResult {
  kind: typeof LINE_CLONE | typeof LINE_REMOVAL | 0
  layout: LineLayout
  error: string
}

/**
 * Scans `text[start, end)` (one line, without its newline). `cuts[i]` receives the offset of the
 * `;` that ends field i (the last field ends at `end`). Reuses `out` to avoid an allocation per line.
 */
export function scanLine(
  text: string,
  start: number,
  end: number,
  cuts: Int32Array,
  out: ScanResult
): ScanResult {
  out.kind = 0
  out.error = ''
  // Spot checks of the prefix instead of a full compare: this runs once per line of every dump.
  let expected: number
  const kindChar = text.charCodeAt(start + 10)
  if (text.charCodeAt(start) !== C_UPPER || text.charCodeAt(start + 9) !== SPACE) expected = 0
  else if (kindChar === C_LOWER && text.charCodeAt(start + CLONE_PREFIX_LEN - 1) === SEMI)
    expected = 12
  else if (kindChar === R_LOWER && text.charCodeAt(start + REMOVAL_PREFIX_LEN - 1) === SEMI)
    expected = 6
  else expected = 0
  if (expected === 0) {
    out.error = 'not a "Callgraph clone" or "Callgraph removal" line'
    return out
  }
  let n = 0
  let p = start
  for (;;) {
    const q = text.indexOf(';', p)
    if (q < 0 || q >= end) break
    if (n === MAX_FIELDS) {
      out.error = `more than ${MAX_FIELDS} fields`
      return out
    }
    cuts[n++] = q
    p = q + 1
  }
  cuts[n] = end
  const fields = n + 1
  if (expected === 6) {
    if (fields !== 6) return fail(out, `removal line has ${fields} fields, expected 6`)
    if (!checkNode(text, start, cuts, 1, out)) return out
    out.kind = LINE_REMOVAL
    out.layout = LAYOUT_12
    return out
  }
  let layout = LAYOUT_12
  if (fields === 14) {
    if (!fieldIs(text, start, cuts, 6, '<-') || !fieldIs(text, start, cuts, 12, 'optimization:'))
      return fail(
        out,
        'clone line has 14 fields but not the GCC 7 "<-" and "optimization:" markers'
      )
    layout = LAYOUT_14
  } else if (fields !== 12) return fail(out, `clone line has ${fields} fields, expected 12`)
  if (!checkNode(text, start, cuts, layout.origName, out)) return out
  if (!checkNode(text, start, cuts, layout.newName, out)) return out
  if (cuts[layout.reason] === fieldStart(start, cuts, layout.reason))
    return fail(out, 'empty clone reason')
  out.kind = LINE_CLONE
  out.layout = layout
  return out
}

export function fieldStart(lineStart: number, cuts: Int32Array, field: number): number {
  return field === 0 ? lineStart : cuts[field - 1] + 1
}

/** Start offset of a symbol name field, past the `*` GCC prints for asm names. */
export function nameStart(
  text: string,
  lineStart: number,
  cuts: Int32Array,
  field: number
): number {
  const s = fieldStart(lineStart, cuts, field)
  return text.charCodeAt(s) === 42 ? s + 1 : s
}

/** Parses the leading decimal digits of a field (a line or column may carry garbage after them). */
export function fieldInt(text: string, lineStart: number, cuts: Int32Array, field: number): number {
  let v = 0
  for (let i = fieldStart(lineStart, cuts, field); i < cuts[field]; i++) {
    const c = text.charCodeAt(i)
    if (c < ZERO || c > NINE) break
    v = v * 10 + c - ZERO
  }
  return v
}

function fail(out: ScanResult, error: string): ScanResult {
  out.error = error
  return out
}

function fieldIs(
  text: string,
  lineStart: number,
  cuts: Int32Array,
  field: number,
  value: string
): boolean {
  const s = fieldStart(lineStart, cuts, field)
  return cuts[field] - s === value.length && text.startsWith(value, s)
}

/**
 * A node is `name;order;file;line;col` starting at `field`. The order (the node's identity) must be
 * all digits; line and column only need to start with one: checking every character of every field
 * would cost more than reading the dump, and a damaged line or column does not change the graph.
 */
function checkNode(
  text: string,
  lineStart: number,
  cuts: Int32Array,
  field: number,
  out: ScanResult
): boolean {
  const nameS = nameStart(text, lineStart, cuts, field)
  if (cuts[field] <= nameS) return !fail(out, `empty symbol name in field ${field + 1}`)
  const orderS = cuts[field] + 1
  if (cuts[field + 1] === orderS) return !fail(out, `empty order in field ${field + 2}`)
  for (let i = orderS; i < cuts[field + 1]; i++) {
    const c = text.charCodeAt(i)
    if (c < ZERO || c > NINE) return !fail(out, `order in field ${field + 2} is not a number`)
  }
  if (cuts[field + 2] === cuts[field + 1] + 1)
    return !fail(out, `empty file name in field ${field + 3}`)
  if (!isDigit(text.charCodeAt(cuts[field + 2] + 1)))
    return !fail(out, `line in field ${field + 4} is not a number`)
  if (!isDigit(text.charCodeAt(cuts[field + 3] + 1)))
    return !fail(out, `column in field ${field + 5} is not a number`)
  return true
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE
}

/**
 * Calls `visit` with the start, end and 1-based number of each line of `text` that `scanLine`
 * accepts (its fields in `cuts`, its kind in `res`), until `visit` returns true; returns whether
 * one did. For the occasional pass over a decoded dump; the load's hot loop keeps its own.
 */
export function someWellFormedLine(
  text: string,
  cuts: Int32Array,
  res: ScanResult,
  visit: (pos: number, end: number, lineNo: number) => boolean | void
): boolean {
  let pos = 0
  let lineNo = 0
  while (pos < text.length) {
    let end = text.indexOf('\n', pos)
    if (end < 0) end = text.length
    const next = end + 1
    if (end > pos && text.charCodeAt(end - 1) === 13) end--
    lineNo++
    if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0 && visit(pos, end, lineNo))
      return true
    pos = next
  }
  return false
}
