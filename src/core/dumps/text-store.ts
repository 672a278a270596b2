import type { CompactGraph } from './compact-graph.js'

/**
 * Gives a dump's text back later. Made by the adapter for a dump it can read again (a file in a
 * directory), from the text it first read; throws when the file no longer holds that text, so a
 * graph is never built from other text than the one validated.
 */
export type Reread = () => string

/** Asked by the set only for a dump whose text it would otherwise keep past its budget. */
export type MakeReread = (text: string) => Reread

/**
 * A kept dump's text still as the bytes a thread read, outside the JS heap: the set keeps these
 * instead of the decoded text (at distribution scale the garbage collector spent a second copying
 * kept texts between its spaces), and decodes them when a graph is read. `spill` gives a re-read
 * from disk instead, as `MakeReread` does for text past the budget; without `read`, the thread
 * already spent its share of the budget (`keptTextBudget` split between the threads) and sent no
 * bytes.
 */
export interface HeldText {
  /** Bytes held: what counts against the budget. */
  size: number
  read?: Reread
  spill: () => Reread
  /**
   * The graph the thread read from the dump in the pass that validated it, kept instead of the
   * text (`size` is then the graph's, and `spill` re-reads the text if a question needs it: few
   * do once the graph is there). At 27,000 dumps the main thread parsed a header inline's 960
   * kept dumps alone (0.7 s) while the scan threads idled, and held their 81 MB of text.
   */
  graph?: CompactGraph
}

/**
 * Text kept in memory per dump set before kept dumps are re-read instead. A header inline is named
 * in half the dumps of a distribution build: keeping their text was ~600 MB at 27,000 dumps, while a
 * query reads each of them once (TU-major), so re-reading costs one more read of those files.
 */
export const KEPT_TEXT_BUDGET = 96 * 1024 * 1024
