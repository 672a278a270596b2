import {
  LINE_CLONE,
  MAX_FIELDS,
  nameStart,
  scanLine,
  someWellFormedLine,
  type LineLayout,
  type ScanResult
} from './dump-line.js'
import { detach } from './detach.js'
import type { FocusMatcher } from './focus.js'
import { rawNeedles } from './raw-prefilter.js'
import { focusNames, mentionsFocus } from './scanner.js'

/** What a focus finds in one decoded dump (see `searchFocus`). */
export interface FocusFound {
  /** The focus names a well-formed line has a node of, in the order `focusNames` lists them. */
  names: string[]
  /** Some well-formed line has a node of a focus name or in a focus file (`mentionsFocus`). */
  mentions: boolean
}

const CR = 13

/**
 * `focusNames` and whether a line mentions the focus, for a dump whose validation is already known
 * (a scan index entry for its bytes): found by searching the text for the focus names and file base
 * names and reading only the lines they occur in, where the line-by-line pass read every line (a
 * header inline's 960 dumps at 10x: twice over 77 MB). Every field the matcher accepts holds its
 * needle: a name field is a focus name (past its `*`), and a file field that matches ends with a
 * focus file's base name or normalizes to a path ending with it, and normalizing only drops
 * characters (see raw-prefilter.ts). A needle met on more lines than a pass would read is left to
 * the pass.
 */
export function searchFocus(focus: FocusMatcher, text: string): FocusFound {
  const { names, bases } = rawNeedles(focus)
  const cuts = new Int32Array(MAX_FIELDS + 1)
  const res: ScanResult = { kind: 0, layout: undefined as unknown as LineLayout, error: '' }
  // About half a dump's lines (~150 bytes each): past it, one pass costs less.
  let budget = Math.max(16, Math.floor(text.length / 300))
  const firstAt = new Map<string, number>()
  let mentions = false
  for (const needle of names.concat(bases)) {
    if (needle === '') return pass(focus, text)
    for (let at = text.indexOf(needle); at >= 0;) {
      if (--budget < 0) return pass(focus, text)
      const start = text.lastIndexOf('\n', at) + 1
      let next = text.indexOf('\n', at)
      if (next < 0) next = text.length
      let end = next
      if (end > start && text.charCodeAt(end - 1) === CR) end--
      if (end > start && scanLine(text, start, end, cuts, res).kind !== 0) {
        if (mentionsFocus(focus, text, start, cuts, res)) mentions = true
        note(focus, firstAt, text, nameStart(text, start, cuts, 1), cuts[1])
        if (res.kind === LINE_CLONE) {
          const f = res.layout.newName
          note(focus, firstAt, text, nameStart(text, start, cuts, f), cuts[f])
        }
      }
      at = next < text.length ? text.indexOf(needle, next + 1) : -1
    }
  }
  const found = [...firstAt].sort((a, b) => a[1] - b[1]).map(([name]) => name)
  return { names: found, mentions }
}

/** Records the name field `text[s, e)` when it is a focus name, at its first offset. */
function note(
  focus: FocusMatcher,
  firstAt: Map<string, number>,
  text: string,
  s: number,
  e: number
): void {
  if (!focus.name(text, s, e)) return
  const name = text.slice(s, e)
  const known = firstAt.get(name)
  if (known === undefined) firstAt.set(detach(name), s)
  else if (s < known) firstAt.set(name, s)
}

function pass(focus: FocusMatcher, text: string): FocusFound {
  const names = focusNames(focus, text)
  return { names, mentions: names.length > 0 || textMentions(text, focus) }
}

/** Whether a well-formed line of `text` names a focus symbol or file (no validation). */
export function textMentions(text: string, focus: FocusMatcher): boolean {
  const cuts = new Int32Array(MAX_FIELDS + 1)
  const res: ScanResult = { kind: 0, layout: undefined as unknown as LineLayout, error: '' }
  return someWellFormedLine(text, cuts, res, pos => mentionsFocus(focus, text, pos, cuts, res))
}
