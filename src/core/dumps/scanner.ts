import { NONE } from '../arrays.js'
import type { Finding } from '../model.js'
import {
  LINE_CLONE,
  MAX_FIELDS,
  nameStart,
  scanLine,
  someWellFormedLine,
  type LineLayout,
  type ScanResult
} from './dump-line.js'
import { GraphReader, type CompactGraph } from './compact-graph.js'
import { DumpConsistency } from './consistency.js'
import { detach } from './detach.js'
import { classifyDumpPath, type DumpPathInfo } from './dump-path.js'
import { FocusMatcher, type DumpFocus } from './focus.js'
import { ownRename, type TuRename } from './own-path.js'
import {
  acceptOrRead,
  readWhole,
  type DumpBytes,
  type ReadDump,
  type WholeDump
} from './raw-accept.js'
import { RawFocus } from './raw-focus.js'

/** Malformed lines reported one by one per dump before a single summary finding takes over. */
export const MALFORMED_DETAIL_LIMIT = 20

/** Non-empty dumps sampled to learn a foreign leading folder of the dump paths (see DumpSet). */
export const PREFIX_SAMPLE = 64

/**
 * One dump validated: what the set needs of it, with the text only when kept. Plain data, so a
 * worker thread can scan and hand it over; `findings` are the dump's malformed lines, in order.
 */
export interface ScannedDump {
  path: string
  /** The text (byte-order mark dropped) when kept, else ''. */
  text: string
  kept: boolean
  /** Non-empty lines. */
  lines: number
  findings: Finding[]
  /**
   * With a focus: the focus names this dump has a node of, in a name field of a well-formed line
   * (what NameIndex finds in its text), so the set answers `tusMentioning` without reading the
   * text again. Undefined: not known (read the text).
   */
  names?: string[]
  /** `ownRename` of a non-empty TU dump, once `sampled` is set (see `DumpScanner.sample`). */
  rename?: TuRename
  sampled: boolean
  /** A kept dump's graph, read in the same pass when the scan was asked for it. */
  graph?: CompactGraph
}

/**
 * A dump that is not kept, has `lines` lines and no finding, and was no path sample: most dumps
 * of a query. `focused`: the scan had a focus (it lists the focus names a dump holds: none).
 */
export function unreadDump(path: string, lines: number, focused: boolean): ScannedDump {
  const out: ScannedDump = { path, text: '', kept: false, lines, findings: NONE, sampled: false }
  if (focused) out.names = NONE
  return out
}

/**
 * Validates every line of a dump and tells whether the focus wants its text. Holds no state across
 * dumps but scratch space and how many prefix samples it took, so scanners on several threads,
 * each fed its dumps in path order, give the same answers as one (see DumpSet.addScanned).
 */
export class DumpScanner {
  private readonly focus: FocusMatcher | undefined
  private readonly rawFocus: RawFocus | undefined
  private readonly cuts = new Int32Array(MAX_FIELDS + 1)
  private readonly consistency = new DumpConsistency()
  private readonly res: ScanResult = {
    kind: 0,
    layout: undefined as unknown as LineLayout,
    error: ''
  }
  private samples = 0

  constructor(
    readonly label: string,
    focus?: DumpFocus
  ) {
    this.focus = focus && new FocusMatcher(focus)
    this.rawFocus = this.focus && new RawFocus(this.focus)
  }

  /**
   * `scan` of a dump read as bytes. A dump the focus cannot want, whose lines all pass `acceptBytes`
   * and none of which may name a focus symbol or file, is answered undecoded, as `scan` would: not
   * kept, no finding; a path-prefix sample among them is decoded for `ownRename` alone. Any other
   * is decoded and scanned.
   */
  scanBytes(path: string, bytes: DumpBytes, decode: () => string, graph = false): ScannedDump {
    const { focus, rawFocus } = this
    // No focus (`explain --all`, a header change that keeps every dump): every dump is kept whole,
    // and one the module reads as a graph needs no line loop (36 ns a byte in JavaScript, a fifth
    // of a kernel's `explain --all`).
    if (!focus && bytes.length > 0) {
      const whole = readWhole(bytes, graph)
      if (whole) return this.fromRead(path, whole, true)
    }
    let likelyKept = false
    if (focus && rawFocus?.active && bytes.length > 0) {
      const answer = wantsWhole(focus, path) ? -1 : acceptOrRead(bytes, rawFocus, graph)
      if (typeof answer !== 'number') return this.recorded(path, focus, answer)
      if (answer >= 0) {
        const out = unreadDump(path, answer, true)
        if (this.samples < PREFIX_SAMPLE) this.sample(out, classifyDumpPath(path), decode())
        return out
      }
      // Refused: nearly always because a line names the focus (a malformed line or a filter's
      // false positive are rare), so the cross-line checks go in the same pass (see `lines`).
      likelyKept = true
    }
    return this.scan(path, decode(), graph, likelyKept)
  }

  /**
   * `scan` of a dump the line check read whole (see LineCheck.graph): then every line is well
   * formed and agrees with the rest, so there is no finding. `kept`: the query wants it (its text,
   * and its graph when read).
   */
  private fromRead(path: string, read: WholeDump, kept: boolean): ScannedDump {
    const out: ScannedDump = {
      path,
      text: kept ? read.text : '',
      kept,
      lines: read.lines,
      findings: [],
      sampled: false
    }
    if (this.samples < PREFIX_SAMPLE) this.sample(out, classifyDumpPath(path), read.text)
    if (kept && read.graph) out.graph = read.graph
    return out
  }

  /**
   * `fromRead` of a dump the line check read with its graph because a line may name the focus:
   * kept exactly when a node does (each occurrence of a node spells its first one's name and
   * file). In JavaScript the kept dumps' line loop was most of a focused load's time at
   * distribution scale (~575 µs a kept dump, 960 of them for the bench patch at 10x). Where the
   * check cannot read the graph, the full scan reads the dump.
   */
  private recorded(path: string, focus: FocusMatcher, read: ReadDump): ScannedDump {
    const kept = graphMentions(focus, read.graph)
    const out = this.fromRead(path, read, kept)
    out.names = kept ? graphFocusNames(focus, read.graph) : []
    return out
  }

  /**
   * path: relative to the dump-set root (e.g. 'net/ipv4/tcp.c.000i.ipa-clones'). `graph`: a kept
   * dump's compact graph is read in the same pass (`ScannedDump.graph`). `likelyKept`: the dump
   * probably is kept, so its cross-line checks run in the validating pass (their findings held
   * back until it is), instead of in a second pass once a focus name made it kept.
   */
  scan(path: string, input: string, graph = false, likelyKept = false): ScannedDump {
    // Editors and some archivers prepend a byte-order mark; GCC never writes one.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    const info = classifyDumpPath(path)
    const out: ScannedDump = { path, text: '', kept: false, lines: 0, findings: [], sampled: false }
    if (this.focus) out.names = []
    // The first PREFIX_SAMPLE non-empty TU dumps with an answer vote; this scanner's first ones
    // include every one of them it was given.
    if (this.samples < PREFIX_SAMPLE) this.sample(out, info, text)
    const wanted = wantsWhole(this.focus, path)
    // An empty dump has nothing to drop: its (empty) graph is a true answer.
    const reader = graph ? new GraphReader(text) : undefined
    out.kept = this.lines(out, text, wanted || text.length === 0, likelyKept, reader)
    if (out.kept) out.text = text
    if (out.kept && reader) {
      out.graph = reader.done()
      if (out.names) out.names = graphFocusNames(this.focus as FocusMatcher, out.graph)
    }
    return out
  }

  private sample(out: ScannedDump, info: DumpPathInfo, text: string): void {
    if (info.stage !== 'tu' || text.length === 0) return
    out.sampled = true
    out.rename = ownRename(info.name, text)
    if (out.rename !== undefined) this.samples++
  }

  /**
   * Counts and validates every line, reporting malformed ones; true when the dump is `wanted` or
   * one of its lines names a focus symbol or file.
   */
  private lines(
    out: ScannedDump,
    text: string,
    wanted: boolean,
    likelyKept: boolean,
    reader?: GraphReader
  ): boolean {
    const { cuts, res, focus, consistency } = this
    let keep = wanted
    const len = text.length
    let pos = 0
    let lineNo = 0
    let bad = 0
    // With a graph read, the focus names come from its node names once (see graphFocusNames).
    const names = reader ? undefined : out.names
    // Cross-line errors of a dump not known to be kept yet: reported after its own malformed
    // lines, as the second pass would, and only if it is kept.
    const held = !wanted && likelyKept ? new HeldErrors() : undefined
    if (wanted || held) consistency.reset(text)
    while (pos < len) {
      let end = text.indexOf('\n', pos)
      if (end < 0) end = len
      const next = end + 1
      if (end > pos && text.charCodeAt(end - 1) === 13) end--
      lineNo++
      if (end > pos) {
        out.lines++
        if (scanLine(text, pos, end, cuts, res).kind !== 0) {
          reader?.line(pos, cuts, res, lineNo)
          if (names) noteNames(focus as FocusMatcher, names, text, pos, cuts, res)
          if (wanted) res.error = consistency.check(pos, end, cuts, res, lineNo, reader)
          else {
            if (held)
              held.add(consistency.check(pos, end, cuts, res, lineNo, reader), lineNo, pos, end)
            if (!keep) keep = mentionsFocus(focus as FocusMatcher, text, pos, cuts, res)
          }
          if (res.error !== '' && ++bad <= MALFORMED_DETAIL_LIMIT)
            this.malformed(out, lineNo, text, pos, end)
        } else if (++bad <= MALFORMED_DETAIL_LIMIT) this.malformed(out, lineNo, text, pos, end)
      }
      pos = next
    }
    // Only a dump whose text is kept is ever read into a graph: the cross-line checks are spent on
    // those, and one that a focus name made kept halfway is checked in a second pass.
    if (keep && held) bad += this.reportHeld(out, text, held, bad)
    else if (keep && !wanted) bad += this.checkConsistency(out, text, bad)
    if (bad > MALFORMED_DETAIL_LIMIT)
      out.findings.push({
        kind: 'dump-malformed-line',
        severity: 'unresolved',
        set: this.label,
        file: out.path,
        message:
          `${out.path}: ${bad} malformed lines in all; the first ${MALFORMED_DETAIL_LIMIT} are ` +
          `reported one by one, ${bad - MALFORMED_DETAIL_LIMIT} more are not`
      })
    return keep
  }

  private malformed(
    out: ScannedDump,
    lineNo: number,
    text: string,
    pos: number,
    end: number,
    error = this.res.error
  ): void {
    out.findings.push({
      kind: 'dump-malformed-line',
      severity: 'unresolved',
      set: this.label,
      file: out.path,
      line: lineNo,
      message: `${out.path}:${lineNo}: ${error}: ${clip(text.slice(pos, end))}`
    })
  }

  /** Cross-line errors' findings, after the `before` malformed lines reported; their count. */
  private reportHeld(out: ScannedDump, text: string, held: HeldErrors, before: number): number {
    const shown = Math.max(0, Math.min(held.errors.length, MALFORMED_DETAIL_LIMIT - before))
    for (let i = 0; i < shown; i++) {
      const at = i * 3
      this.malformed(out, held.at[at], text, held.at[at + 1], held.at[at + 2], held.errors[i])
    }
    return held.count
  }

  /**
   * Lines that parse alone but contradict the rest of the dump (see DumpConsistency) are malformed
   * too: reordered lines, one order naming two symbols or files, invalid UTF-8. Returns how many;
   * `before` malformed lines were already reported one by one.
   */
  private checkConsistency(out: ScannedDump, text: string, before: number): number {
    const { cuts, res, consistency } = this
    consistency.reset(text)
    const held = new HeldErrors()
    someWellFormedLine(text, cuts, res, (pos, end, lineNo) => {
      held.add(consistency.check(pos, end, cuts, res, lineNo), lineNo, pos, end)
    })
    return this.reportHeld(out, text, held, before)
  }
}

/**
 * Cross-line errors met in a validating pass: all counted, the first MALFORMED_DETAIL_LIMIT kept
 * with their line number, start and end (no more can be reported one by one).
 */
class HeldErrors {
  count = 0
  readonly errors: string[] = []
  readonly at: number[] = []

  add(error: string, lineNo: number, pos: number, end: number): void {
    if (error === '') return
    if (++this.count > MALFORMED_DETAIL_LIMIT) return
    this.errors.push(error)
    this.at.push(lineNo, pos, end)
  }
}

/**
 * Whether a line of the graph's dump names a focus symbol or file (`mentionsFocus`): each
 * occurrence of a node spells its first one's name and file, so one test per node.
 */
export function graphMentions(focus: FocusMatcher, graph: CompactGraph): boolean {
  return (
    graph.names.some(n => focus.name(n, 0, n.length)) ||
    graph.files.some(f => focus.file(f, 0, f.length))
  )
}

/**
 * The focus names of a graph's nodes, in the order its lines first name them: what `noteNames`
 * lists line by line, from one test per node instead of per line.
 */
export function graphFocusNames(focus: FocusMatcher, graph: CompactGraph): string[] {
  const names: string[] = []
  for (const name of graph.names)
    if (focus.name(name, 0, name.length) && !names.includes(name)) names.push(name)
  return names
}

/** The focus names `text`'s well-formed lines have a node of, as `DumpScanner.scan` lists them. */
export function focusNames(focus: FocusMatcher, text: string): string[] {
  const cuts = new Int32Array(MAX_FIELDS + 1)
  const res: ScanResult = { kind: 0, layout: undefined as unknown as LineLayout, error: '' }
  const names: string[] = []
  someWellFormedLine(text, cuts, res, pos => noteNames(focus, names, text, pos, cuts, res))
  return names
}

/** Adds to `names` the focus names of a well-formed line's nodes (field 1, and a clone's new node). */
function noteNames(
  focus: FocusMatcher,
  names: string[],
  text: string,
  pos: number,
  cuts: Int32Array,
  res: ScanResult
): void {
  noteName(focus, names, text, nameStart(text, pos, cuts, 1), cuts[1])
  if (res.kind === LINE_CLONE) {
    const f = res.layout.newName
    noteName(focus, names, text, nameStart(text, pos, cuts, f), cuts[f])
  }
}

function noteName(focus: FocusMatcher, names: string[], text: string, s: number, e: number): void {
  if (!focus.name(text, s, e)) return
  const name = text.slice(s, e)
  // A handful per dump at most (the focus's own names): a list beats a set.
  if (!names.includes(name)) names.push(detach(name))
}

/**
 * The query reads this dump whole (its text kept, its cross-line checks run): no focus, a
 * link-stage dump (few, and every LTO query walks them all), or the dump of a focus file. Without
 * focus files no path matches, and normalizing every dump's path to learn it costs more.
 */
export function wantsWhole(focus: FocusMatcher | undefined, path: string): boolean {
  const info = classifyDumpPath(path)
  if (!focus || info.stage !== 'tu') return true
  return focus.files.size > 0 && focus.path(info.name)
}

/** Removal lines name their node in field 1, like the origin of a clone line. */
export function mentionsFocus(
  focus: FocusMatcher,
  text: string,
  pos: number,
  cuts: Int32Array,
  res: ScanResult
): boolean {
  if (nodeInFocus(focus, text, pos, cuts, 1)) return true
  return res.kind === LINE_CLONE && nodeInFocus(focus, text, pos, cuts, res.layout.newName)
}

/** A node is `name;order;file;...` from field `f`. */
function nodeInFocus(
  focus: FocusMatcher,
  text: string,
  pos: number,
  cuts: Int32Array,
  f: number
): boolean {
  return (
    focus.name(text, nameStart(text, pos, cuts, f), cuts[f]) ||
    focus.file(text, cuts[f + 1] + 1, cuts[f + 2])
  )
}

export function clip(line: string): string {
  return line.length > 120 ? `${line.slice(0, 120)}...` : line
}
