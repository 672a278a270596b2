import { NONE } from '../arrays.js'
import type { CompactGraph } from '../dumps/compact-graph.js'
import { classifyDumpPath } from '../dumps/dump-path.js'
import { FocusMatcher, type DumpFocus } from '../dumps/focus.js'
import {
  graphFocusNames,
  graphMentions,
  PREFIX_SAMPLE,
  wantsWhole,
  type ScannedDump
} from '../dumps/scanner.js'
import { searchFocus } from '../dumps/focus-search.js'
import { acceptOrRead, type DumpBytes } from '../dumps/raw-accept.js'
import { RawFocus } from '../dumps/raw-focus.js'
import { entryFindings, type KeepMode } from './derive.js'
import { recordDump, type IndexedDump } from './entry.js'
import { RawPrefilter, rawNeedles, type RawBytes } from '../dumps/raw-prefilter.js'
import { summaryKey, summaryMayHold } from './name-summary.js'

/**
 * DumpScanner's answers, given from an index entry where the run has one for the dump's bytes: the
 * same `ScannedDump` (findings, kept text, line count, path-prefix sample) as `DumpScanner.scan`
 * with the same label and focus, fed the same dumps in the same order. Where there is no entry,
 * the dump is validated completely and the entry made. Like DumpScanner, one per thread, fed its
 * dumps in path order (the prefix samples count across dumps).
 */
export class IndexedScanner {
  private readonly focus: FocusMatcher | undefined
  private readonly prefilter: RawPrefilter | undefined
  private readonly rawFocus: RawFocus | undefined
  private samples = 0
  /** What `ruledOut` looks for (`summaryKey`s); undefined when a summary cannot rule a dump out. */
  private readonly summaryKeys: number[] | undefined

  constructor(
    readonly label: string,
    focus?: DumpFocus
  ) {
    this.focus = focus && new FocusMatcher(focus)
    this.prefilter = this.focus && new RawPrefilter(this.focus)
    this.rawFocus = this.focus && new RawFocus(this.focus)
    if (this.focus) {
      const { names, bases } = rawNeedles(this.focus)
      // A file with no base name (never a TU's) matches fields the summary has no key for.
      if (bases.every(b => b !== '')) this.summaryKeys = names.concat(bases).map(k => summaryKey(k))
    }
  }

  /**
   * True when this dump, with a valid entry, must still be decoded: the focus wants all of it (no
   * focus, a link-stage dump, the dump of a focus file) or its bytes may name a focus symbol or
   * file. False: `fromEntry` answers from the entry alone.
   */
  needsText(path: string, entry: IndexedDump, bytes: RawBytes): boolean {
    if (entry.empty || wantsWhole(this.focus, path)) return true
    return (this.prefilter as RawPrefilter).mayMention(bytes)
  }

  /**
   * True when the entry alone says what the focus makes of this dump: it is empty (kept, with no
   * text: nothing to read), or its summary holds none of the focus names and file base names (not
   * kept). The adapter may then skip reading it, when it knows the file is unchanged since the
   * entry was made, and answer `fromEntry`. False whenever reading could tell otherwise.
   */
  ruledOut(path: string, entry: IndexedDump): boolean {
    if (!this.summaryKeys || wantsWhole(this.focus, path)) return false
    return entry.empty === true || !this.summaryKeys.some(k => summaryMayHold(entry.summary, k))
  }

  /**
   * `scan` of a dump with an entry for these bytes, answered on the undecoded bytes by the line
   * check's module where it can (see LineCheck.checkOrGraph), as DumpScanner.scanBytes answers a
   * dump without one: no line may name the focus (the entry answers), or, with `graph`, the
   * module reads the dump's graph in the same call and the graph says whether the focus is in it
   * (kept: the text is the bytes' latin1, every byte being ASCII). Decoding and searching a kept
   * dump, then decoding its stored graph, took a warm `analyze` ~400 ms at 10x. Undefined: the
   * module cannot tell (a malformed line, a byte past ASCII, a line that names the focus without
   * `graph`...): `needsText` and `scan` decide.
   */
  scanBytes(
    path: string,
    entry: IndexedDump,
    bytes: DumpBytes,
    graph: boolean
  ): { scanned: ScannedDump; graph?: CompactGraph } | undefined {
    const { focus, rawFocus } = this
    if (!focus || !rawFocus?.active || entry.empty || bytes.length === 0) return undefined
    if (wantsWhole(focus, path)) return undefined
    const answer = acceptOrRead(bytes, rawFocus, graph)
    if (typeof answer === 'number')
      return answer < 0 ? undefined : { scanned: this.fromEntry(path, entry) }
    const read = answer.graph
    if (!graphMentions(focus, read)) return { scanned: this.fromEntry(path, entry) }
    const names = graphFocusNames(focus, read)
    return { scanned: this.answer(path, entry, 'mentioned', answer.text, names), graph: read }
  }

  /**
   * A dump `needsText` or `ruledOut` ruled out: not kept (an empty one kept, with no text), its
   * malformed lines from the entry.
   */
  fromEntry(path: string, entry: IndexedDump): ScannedDump {
    return this.answer(path, entry, 'none', '')
  }

  /**
   * A dump read as text (`input` as decoded, byte-order mark included). `entry`: the index's entry
   * for these very bytes, if any; else one is made (returned) from a complete validation.
   */
  scan(
    path: string,
    input: string,
    hash: string,
    entry?: IndexedDump
  ): { scanned: ScannedDump; made?: IndexedDump } {
    // Editors and some archivers prepend a byte-order mark; GCC never writes one (as DumpScanner).
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    const wanted = wantsWhole(this.focus, path) || text.length === 0
    const focus = wanted ? undefined : this.focus
    let made: IndexedDump | undefined
    let mentions: boolean
    // With an entry the lines are known valid: the focus is searched for, not read line by line.
    const found = entry && this.focus ? searchFocus(this.focus, text) : undefined
    if (entry) mentions = focus !== undefined && (found?.mentions ?? false)
    else ({ entry: made, mentions } = recordDump(path, text, hash, focus))
    const mode: KeepMode = wanted ? 'wanted' : mentions ? 'mentioned' : 'none'
    const scanned = this.answer(path, (entry ?? made) as IndexedDump, mode, text, found?.names)
    return made ? { scanned, made } : { scanned }
  }

  private answer(
    path: string,
    entry: IndexedDump,
    mode: KeepMode,
    text: string,
    names?: string[]
  ): ScannedDump {
    const kept = mode !== 'none' || entry.empty
    const out: ScannedDump = {
      path,
      text: kept ? text : '',
      kept,
      lines: entry.lines,
      findings: entryFindings(entry, path, this.label, mode),
      sampled: false
    }
    // Not kept for its names: none of them is in it.
    if (this.focus)
      out.names = mode === 'none' ? NONE : (names ?? searchFocus(this.focus, text).names)
    if (this.samples < PREFIX_SAMPLE && classifyDumpPath(path).stage === 'tu' && !entry.empty) {
      out.sampled = true
      if (entry.rename) {
        out.rename = entry.rename
        this.samples++
      }
    }
    return out
  }
}
