import { GRAPH_MAX, lineCheck } from '../line-check/line-check.js'
import { scanTuGraph, type CompactGraph } from './compact-graph.js'
import { readWhole } from './raw-accept.js'

const encoder = new TextEncoder()

/**
 * A dump's graph read by the line check's module from its text (LineCheck.graph), or undefined
 * where the module cannot read the whole dump exactly: a character past ASCII (the module's byte
 * offsets would not be the text's), a malformed line, an order past its table, no WebAssembly.
 */
export function moduleGraph(text: string): CompactGraph | undefined {
  const check = lineCheck()
  // Past GRAPH_MAX the module reads no graph: neither encoding nor validating it would pay.
  if (!check || text.length === 0 || text.length > GRAPH_MAX) return undefined
  let view: Uint8Array
  try {
    view = check.input(text.length)
  } catch {
    // The memory could not grow (a RangeError): the line loop needs none.
    return undefined
  }
  // ASCII only: one byte a character, so all of the text and all of the view, or not at all.
  const { read, written } = encoder.encodeInto(text, view)
  if (read !== text.length || written !== text.length) return undefined
  return readWhole({ length: text.length, latin1: () => text, view: () => view }, true)?.graph
}

/**
 * `scanTuGraph` of a dump's text, read by the line check's module where it can (see
 * `moduleGraph`): the same graph (every line well formed and ASCII, the module reads what the line
 * loop would), 4-5x faster. A kept dump that did not fit the set's budget is re-read when a query
 * needs its graph: for a header inline at distribution scale (`explain kzalloc`, 27,000 dumps)
 * the JavaScript line loop over those re-read texts was a third of the run.
 */
export function readTuGraph(text: string): CompactGraph {
  return moduleGraph(text) ?? scanTuGraph(text)
}
