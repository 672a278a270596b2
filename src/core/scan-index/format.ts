import { NONE } from '../arrays.js'
import type { TuRename } from '../dumps/own-path.js'
import { MALFORMED_DETAIL_LIMIT } from '../dumps/scanner.js'
import type { IndexedDump, LineError } from './entry.js'
import { isSummary } from './name-summary.js'
import { ScanIndex } from './store.js'

/**
 * What the validator checks and how it words its findings. An entry holds the validator's answer,
 * so a change to the dump scanner (scanner.ts, dump-line.ts, consistency.ts, own-path.ts), or to
 * what its summary's keys are (entry.ts, name-summary.ts, focus.ts, paths.ts), must bump this: a
 * test pins it to those files' digest and fails until it is bumped.
 */
export const SCAN_INDEX_SCHEMA = 16

const MAGIC = 'klp-affected scan index'

interface Header {
  schema: number
  engine: string
  entries: number
  length: number
  digest: string
}

/** A check of the entries' text (the adapter's CRC-32): catches a truncated or damaged file. */
export type Digest = (text: string) => string

/** Serialised entry: short keys, fields at their default left out (27,000 of them at 10x). */
interface Stored {
  p: string
  h: string
  n: number
  e?: 1
  r?: [number, string] | null
  lc?: number
  le?: LineError[]
  cc?: number
  ce?: LineError[]
  b: string
  s?: string
}

/**
 * The index file: a magic line, a header line (schema, engine version, entry count, the body's
 * length and checksum), then the entries as one JSON array. `engine` is the tool's version: an
 * index written by another version is foreign, whatever its schema.
 */
export function encodeScanIndex(
  entries: Map<string, IndexedDump>,
  engine: string,
  digest: Digest
): string {
  const rows: Stored[] = []
  for (const [p, d] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const s: Stored = { p, h: d.hash, n: d.lines, b: d.summary }
    if (d.stat !== undefined) s.s = d.stat
    if (d.empty) s.e = 1
    if (d.rename !== undefined) s.r = d.rename && [d.rename.drop, d.rename.prepend]
    if (d.lineErrorCount > 0) [s.lc, s.le] = [d.lineErrorCount, d.lineErrors]
    if (d.crossErrorCount > 0) [s.cc, s.ce] = [d.crossErrorCount, d.crossErrors]
    rows.push(s)
  }
  const body = JSON.stringify(rows)
  const header: Header = {
    schema: SCAN_INDEX_SCHEMA,
    engine,
    entries: rows.length,
    length: body.length,
    digest: digest(body)
  }
  return `${MAGIC}\n${JSON.stringify(header)}\n${body}`
}

export type ParsedScanIndex =
  | { ok: true; index: ScanIndex }
  /** `foreign`: another tool, version or schema wrote it; `corrupt`: it does not check out. */
  | { ok: false; problem: 'foreign' | 'corrupt'; reason: string }

/** Never trusts the file: any doubt and the whole index is refused. */
export function parseScanIndex(text: string, engine: string, digest: Digest): ParsedScanIndex {
  const nl1 = text.indexOf('\n')
  const nl2 = nl1 < 0 ? -1 : text.indexOf('\n', nl1 + 1)
  if (nl2 < 0 || text.slice(0, nl1) !== MAGIC)
    return { ok: false, problem: 'foreign', reason: 'not a klp-affected scan index' }
  let header: Header
  try {
    header = JSON.parse(text.slice(nl1 + 1, nl2)) as Header
  } catch {
    return { ok: false, problem: 'corrupt', reason: 'its header is not JSON' }
  }
  if (typeof header !== 'object' || header === null)
    return { ok: false, problem: 'corrupt', reason: 'its header is not an object' }
  if (header.schema !== SCAN_INDEX_SCHEMA || header.engine !== engine)
    return {
      ok: false,
      problem: 'foreign',
      reason: `written by klp-affected ${String(header.engine)} (scan schema ${String(header.schema)}), this is ${engine} (schema ${SCAN_INDEX_SCHEMA})`
    }
  const body = text.slice(nl2 + 1)
  if (body.length !== header.length || digest(body) !== header.digest)
    return { ok: false, problem: 'corrupt', reason: 'its entries do not match their checksum' }
  let rows: unknown
  try {
    rows = JSON.parse(body)
  } catch {
    return { ok: false, problem: 'corrupt', reason: 'its entries are not JSON' }
  }
  if (!Array.isArray(rows) || rows.length !== header.entries)
    return { ok: false, problem: 'corrupt', reason: 'its entry count is wrong' }
  const entries: Array<[string, IndexedDump]> = []
  for (const row of rows) {
    const entry = entryOf(row)
    if (!entry) return { ok: false, problem: 'corrupt', reason: 'an entry is malformed' }
    entries.push(entry)
  }
  return { ok: true, index: new ScanIndex(entries) }
}

function entryOf(row: unknown): [string, IndexedDump] | undefined {
  if (typeof row !== 'object' || row === null) return undefined
  const s = row as Partial<Stored>
  if (typeof s.p !== 'string' || typeof s.h !== 'string' || s.h === '' || !count(s.n))
    return undefined
  if (s.e !== undefined && s.e !== 1) return undefined
  if (typeof s.b !== 'string' || !isSummary(s.b)) return undefined
  if (s.s !== undefined && (typeof s.s !== 'string' || s.s === '')) return undefined
  let rename: TuRename | null | undefined
  if (s.r === null) rename = null
  else if (s.r !== undefined) {
    if (!Array.isArray(s.r) || s.r.length !== 2 || !count(s.r[0]) || typeof s.r[1] !== 'string')
      return undefined
    rename = { drop: s.r[0], prepend: s.r[1] }
  }
  const lineErrors = errors(s.lc, s.le)
  const crossErrors = errors(s.cc, s.ce)
  if (!lineErrors || !crossErrors) return undefined
  const entry: IndexedDump = {
    hash: s.h,
    lines: s.n,
    empty: s.e === 1,
    lineErrors,
    lineErrorCount: s.lc ?? 0,
    crossErrors,
    crossErrorCount: s.cc ?? 0,
    summary: s.b
  }
  if (s.s !== undefined) entry.stat = s.s
  if (rename !== undefined) entry.rename = rename
  return [s.p, entry]
}

/** A count and its first MALFORMED_DETAIL_LIMIT lines, ascending, as the scanner records them. */
function errors(n: unknown, list: unknown): LineError[] | undefined {
  if (n === undefined && list === undefined) return NONE
  if (!count(n) || n === 0 || !Array.isArray(list)) return undefined
  if (list.length !== Math.min(n, MALFORMED_DETAIL_LIMIT)) return undefined
  let last = 0
  for (const e of list as unknown[]) {
    if (!Array.isArray(e) || e.length !== 2 || !count(e[0]) || typeof e[1] !== 'string')
      return undefined
    if (e[0] <= last) return undefined
    last = e[0]
  }
  return list as LineError[]
}

function count(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
}
