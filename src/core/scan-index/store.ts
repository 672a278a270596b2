import type { IndexedDump } from './entry.js'

/**
 * The entries of one dump set's index, by the dump's root-relative path. An entry is only a
 * candidate: the reader compares its digest with the bytes it read before using it. What the run
 * looked up or made is what gets saved, so dumps that left the set leave the index too.
 */
export class ScanIndex {
  private readonly entries: Map<string, IndexedDump>
  private readonly next = new Map<string, IndexedDump>()
  private changed = false

  constructor(entries: Iterable<[string, IndexedDump]> = []) {
    this.entries = new Map(entries)
  }

  /** The entry recorded for `path`, to be checked against the bytes read now. */
  lookup(path: string): IndexedDump | undefined {
    const entry = this.entries.get(path)
    if (entry) this.next.set(path, entry)
    return entry
  }

  /** A fresh entry for `path` (its bytes were validated in this run). */
  record(path: string, entry: IndexedDump): void {
    this.next.set(path, entry)
    this.changed = true
  }

  /** The index to save after this run: the dumps it met, each with its latest entry. */
  get saved(): Map<string, IndexedDump> {
    return this.next
  }

  /** Whether saving would change the file this index was read from. */
  get dirty(): boolean {
    return this.changed || this.next.size !== this.entries.size
  }

  get size(): number {
    return this.entries.size
  }
}
