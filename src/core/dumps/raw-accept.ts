import { LineFocus, lineCheck, type GraphRecords } from '../line-check/line-check.js'
import { escapeRegExp } from '../text/escape-regexp.js'
import type { CompactGraph } from './compact-graph.js'
import { recordedGraph } from './recorded-graph.js'

/**
 * A dump's bytes, undecoded: its length, and the bytes as a string of one character per byte
 * (latin1), which is what a regular expression can read. The adapter's Buffer gives both without
 * decoding UTF-8.
 */
export interface DumpBytes {
  readonly length: number
  latin1(): string
  /** The bytes themselves (see LineCheck.input: read there, they are checked in place). */
  view(): Uint8Array
}

/**
 * `acceptRaw` of a dump's bytes: by the compiled line check (core/line-check) where WebAssembly
 * runs, which needs no latin1 copy and validates twice as fast, else by the regular expression.
 * Both accept the same lines (a test compares them on fuzzed dumps); the check's focus filters
 * may refuse a line the expression accepts, which only costs a full scan.
 */
export function acceptBytes(bytes: DumpBytes, focus: RawLineTest = PLAIN): number {
  const check = lineCheck()
  return check ? check.check(bytes.view(), focus.lineFocus()) : acceptRaw(bytes.latin1(), focus)
}

/** A dump the line check read as its graph: its non-empty lines, its text and its graph. */
export interface ReadDump {
  lines: number
  text: string
  graph: CompactGraph
}

/**
 * `acceptBytes`, and with `graph`, where the check refuses a dump for naming the focus, the dump
 * read as its graph in the same call where the line check can (see LineCheck.checkOrGraph): a
 * kept dump is then read once more, not twice, and not by the JavaScript scan. The text is the
 * bytes' latin1, which is their UTF-8 decoding (the module reads only ASCII), 5x faster.
 */
export function acceptOrRead(
  bytes: DumpBytes,
  focus: RawLineTest,
  graph: boolean
): number | ReadDump {
  if (!graph) return acceptBytes(bytes, focus)
  const check = lineCheck()
  if (!check) return acceptRaw(bytes.latin1(), focus)
  const answer = check.checkOrGraph(bytes.view(), focus.lineFocus())
  return typeof answer === 'number' ? answer : readOf(bytes, answer, true)
}

/** A dump `readWhole` read: its non-empty lines, its text, its graph when asked for. */
export type WholeDump = Omit<ReadDump, 'graph'> & Partial<Pick<ReadDump, 'graph'>>

/** The bytes the module read as `records`: every byte is ASCII, so latin1 is their decoding. */
function readOf(bytes: DumpBytes, records: GraphRecords, graph: true): ReadDump
function readOf(bytes: DumpBytes, records: GraphRecords, graph: boolean): WholeDump
function readOf(bytes: DumpBytes, records: GraphRecords, graph: boolean): WholeDump {
  const text = bytes.latin1()
  return graph
    ? { lines: records.lines, text, graph: recordedGraph(text, records) }
    : { lines: records.lines, text }
}

/**
 * A dump every line of which the line check's module accepts and reads as its graph, with no
 * focus (LineCheck.graph): then no line is malformed and every line agrees with the rest (the
 * module reads only what GraphReader and DumpConsistency would accept alike), so a scan of it
 * has no finding. Its graph is made only when asked for. Undefined where the module cannot tell
 * (see LineCheck.graph): the full scan reads the dump and words what is wrong with it.
 */
export function readWhole(bytes: DumpBytes, graph: boolean): WholeDump | undefined {
  const records = lineCheck()?.graph(bytes.view())
  return records && readOf(bytes, records, graph)
}

const NL = 10

/**
 * How many non-empty lines `latin1` (a dump's bytes, see DumpBytes) has when every one of them is
 * a line `scanLine` accepts in its GCC 8+ form and, with a `focus`, none names a focus symbol or
 * file; else -1. The undecoded fast path of `DumpScanner.scanBytes`, for the dumps a query does
 * not read: decoding 700 MB of text only to validate it cost more than reading it.
 *
 * One regular expression per line (see `rawLinePattern`): V8 compiles it to machine code, which
 * validates twice as fast as a loop over the bytes in JavaScript did (1.1 against 2.3 ns a byte on
 * the 6.1 corpus, the copy to latin1 included). Stricter than `scanLine`, never laxer, so -1 only
 * sends a dump to the full scan, which words the findings: GCC 7's 14-field lines and carriage
 * returns are left to it. Every test is on an ASCII character (`;`, digits, `*`) or on a field
 * being empty, and UTF-8 decoding keeps each ASCII byte as that character and turns no other byte
 * into one, so a test on the latin1 text answers as the same test on the decoded text.
 */
export function acceptRaw(latin1: string, focus: RawLineTest = PLAIN): number {
  const line = focus.line
  const len = latin1.length
  let lines = 0
  let pos = 0
  while (pos < len) {
    if (latin1.charCodeAt(pos) === NL) {
      pos++
      continue
    }
    line.lastIndex = pos
    if (!line.test(latin1)) return -1
    pos = line.lastIndex
    if (pos < len && latin1.charCodeAt(pos) !== NL) return -1
    pos++
    lines++
  }
  return lines
}

/** A compiled line test: the plain one, or one that also refuses a focus's names and files. */
export class RawLineTest {
  private expression: RegExp | undefined
  private filters: LineFocus | undefined

  private readonly names: readonly string[]
  private readonly bases: readonly string[]

  /**
   * `names`: symbol names a name field may not be (past its `*`); `bases`: base names a file
   * field may not end with. Any strings: they are escaped. One holding a `;` or a newline is
   * dropped: no field holds one (the expression would refuse a line that merely continued the
   * name in the next field). Each form is made on first use.
   */
  constructor(names: readonly string[] = [], bases: readonly string[] = []) {
    this.names = names.filter(fieldLike)
    this.bases = bases.filter(fieldLike)
  }

  get line(): RegExp {
    return (this.expression ??= new RegExp(rawLinePattern(this.names, this.bases), 'y'))
  }

  lineFocus(): LineFocus {
    return (this.filters ??= new LineFocus(this.names, this.bases))
  }
}

function fieldLike(s: string): boolean {
  return !s.includes(';') && !s.includes('\n')
}

const PLAIN = new RawLineTest()

/**
 * One line as `scanLine` accepts it (dump-line.ts; `F` is a field's character):
 *   Callgraph clone;NODE;NODE;REASON     Callgraph removal;NODE
 * where a NODE is `name;order;file;line;col`: a name that is not empty past one leading `*`, an
 * order of digits only, a file that is not empty, a line and a column that start with a digit.
 * The reason is not empty. A carriage return ending the line is refused (GCC never writes one;
 * the full scan says how such a line reads). A name equal to a focus name, or a file that ends
 * with a focus file's base name or with what normalizing drops after one (`route.c/`,
 * `route.c/.`, `route.c/x/..`), is refused, so a dump that may mention the focus is decoded.
 */
function rawLinePattern(names: readonly string[], bases: readonly string[]): string {
  const F = '[^;\\n]'
  const last = '[^;\\n\\r]'
  const notFocus = names.length > 0 ? `(?!(?:${names.map(escapeRegExp).join('|')});)` : ''
  const name = `(?:\\*${notFocus}${F}|${notFocus}[^;\\n*])${F}*`
  const fileEnd =
    bases.length > 0
      ? `(?<!${[...bases.map(escapeRegExp), '/', '\\\\', '[/\\\\.]\\.'].join('|')})`
      : ''
  const node = (end: string): string => `${name};\\d+;${F}+${fileEnd};\\d${F}*;\\d${end}`
  return (
    `(?:Callgraph clone;${node(`${F}*`)};${node(`${F}*`)};${F}*${last}` +
    `|Callgraph removal;${node(`(?:${F}*${last})?`)})`
  )
}
