import {
  LINE_CLONE,
  MAX_FIELDS,
  nameStart,
  scanLine,
  type LineLayout,
  type ScanResult
} from '../dumps/dump-line.js'
import { DumpConsistency } from '../dumps/consistency.js'
import { classifyDumpPath } from '../dumps/dump-path.js'
import type { FocusMatcher } from '../dumps/focus.js'
import { ownRename, type TuRename } from '../dumps/own-path.js'
import { clip, MALFORMED_DETAIL_LIMIT, mentionsFocus } from '../dumps/scanner.js'
import { normalizePath } from '../paths.js'
import { SummaryBuilder } from './name-summary.js'

/** A malformed line: its 1-based number and `<error>: <the line, clipped>`. */
export type LineError = [line: number, text: string]

/**
 * What validating one dump file taught, kept so that a later run over the same bytes need not
 * validate it again: everything `DumpScanner.scan` derives from the text, for any focus. The two
 * kinds of malformed lines are kept apart because the scanner reports them in different orders
 * depending on why it keeps a dump (see `derive.ts`).
 */
export interface IndexedDump {
  /** Digest of the file's bytes (the adapter's choice, compared as an opaque string). */
  hash: string
  /** Non-empty lines. */
  lines: number
  /** The text is empty once a byte-order mark is dropped. */
  empty: boolean
  /** `ownRename` of a non-empty TU dump under its path (null: the dump names no file of its own). */
  rename?: TuRename | null
  /** Lines that do not scan, the first MALFORMED_DETAIL_LIMIT of them. */
  lineErrors: LineError[]
  lineErrorCount: number
  /** Lines that scan but contradict the dump (DumpConsistency), the first MALFORMED_DETAIL_LIMIT. */
  crossErrors: LineError[]
  crossErrorCount: number
  /**
   * The names and file base names of its well-formed lines, as a filter (name-summary.ts): what
   * lets a later run rule the dump out for a focus without reading it.
   */
  summary: string
  /**
   * The file's device, inode, size and times when its bytes were read, where a later change must
   * show in them (the adapter's rule, see stat-key.ts; compared as a string).
   */
  stat?: string
}

/**
 * Validates every line of `text` (byte-order mark already dropped) completely, cross-line checks
 * included, whatever the focus: an entry must serve every later query. `focus`, when given, is also
 * asked whether a well-formed line names one of its symbols or files (one pass for both).
 */
export function recordDump(
  path: string,
  text: string,
  hash: string,
  focus?: FocusMatcher
): { entry: IndexedDump; mentions: boolean } {
  const cuts = new Int32Array(MAX_FIELDS + 1)
  const res: ScanResult = { kind: 0, layout: undefined as unknown as LineLayout, error: '' }
  consistency.reset(text)
  const info = classifyDumpPath(path)
  const entry: IndexedDump = {
    hash,
    lines: 0,
    empty: text.length === 0,
    lineErrors: [],
    lineErrorCount: 0,
    crossErrors: [],
    crossErrorCount: 0,
    summary: ''
  }
  if (info.stage === 'tu' && text.length > 0) entry.rename = ownRename(info.name, text) ?? null
  let mentions = false
  const len = text.length
  let pos = 0
  let lineNo = 0
  while (pos < len) {
    let end = text.indexOf('\n', pos)
    if (end < 0) end = len
    const next = end + 1
    if (end > pos && text.charCodeAt(end - 1) === 13) end--
    lineNo++
    if (end > pos) {
      entry.lines++
      if (scanLine(text, pos, end, cuts, res).kind === 0) {
        if (++entry.lineErrorCount <= MALFORMED_DETAIL_LIMIT)
          entry.lineErrors.push([lineNo, `${res.error}: ${clip(text.slice(pos, end))}`])
      } else {
        if (focus && !mentions) mentions = mentionsFocus(focus, text, pos, cuts, res)
        addNodeKeys(keys, text, pos, cuts, 1)
        if (res.kind === LINE_CLONE) addNodeKeys(keys, text, pos, cuts, res.layout.newName)
        const error = consistency.check(pos, end, cuts, res, lineNo)
        if (error !== '' && ++entry.crossErrorCount <= MALFORMED_DETAIL_LIMIT)
          entry.crossErrors.push([lineNo, `${error}: ${clip(text.slice(pos, end))}`])
      }
    }
    pos = next
  }
  entry.summary = keys.finish()
  return { entry, mentions }
}

/** One per thread: its table grows to the largest dump. */
const keys = new SummaryBuilder()
/**
 * One per thread too: its tables, indexed by order, grow to the largest dump's orders and serve
 * every later dump uncleared. Made per dump, they were allocated, zeroed and doubled up to that
 * size 27,000 times at 10x (0.5 s of each thread's first indexed run, and the GC of it).
 */
const consistency = new DumpConsistency()
const SLASH = 47
const DOT = 46
const DASH = 45

/**
 * The keys FocusMatcher can match a node by (`name;order;file;...` from field `f`): its name; the
 * base name of its file field, which a matching focus file shares; and, for a field FocusMatcher
 * normalizes (a `/.` in it), the normalized base name and each tail after a `-` in it (a one-shot
 * LTO build's `prog-a.c` matches `a.c`).
 */
function addNodeKeys(
  into: SummaryBuilder,
  text: string,
  pos: number,
  cuts: Int32Array,
  f: number
): void {
  into.add(text, nameStart(text, pos, cuts, f), cuts[f])
  const s = cuts[f + 1] + 1
  const e = cuts[f + 2]
  let base = s
  let dotted = false
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i)
    if (c === SLASH) base = i + 1
    else if (c === DOT && i > s && text.charCodeAt(i - 1) === SLASH) dotted = true
  }
  into.add(text, base, e)
  if (!dotted) return
  const n = normalizePath(text.slice(s, e))
  const b = n.lastIndexOf('/') + 1
  into.add(n, b, n.length)
  for (let i = b; i < n.length; i++) if (n.charCodeAt(i) === DASH) into.add(n, i + 1, n.length)
}
