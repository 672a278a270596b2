import { LINE_CHECK_WASM } from './line-check-wasm.js'

/** Bloom filter sizes, as powers of two bits: ~1,000 bits per name keeps false positives rare. */
const MIN_BITS = 12
const MAX_BITS = 20
const BITS_PER_NAME_LOG = 10
/** Where the base name lengths go: past the largest pair of filters. */
const LENGTHS = (2 << MAX_BITS) / 8
/** Distinct base name lengths the module tries at each file field; more refuse every file. */
const MAX_LENGTHS = 64
/** A base name's last bytes hashed at most (a file ending with it ends with those). */
const MAX_LENGTH = 255
/** Where the bitmap of the names' lengths goes (a bit per length, 255 for 255 or more). */
const NAME_LENGTHS = LENGTHS + MAX_LENGTHS
/** Where the bitmap of the bases' third-last bytes goes (see LineFocus.tails). */
const TAILS = NAME_LENGTHS + 32
/** Where `graph` keeps, per order, the dump that last met it and its node (8 bytes each). */
const ORDERS = TAILS + 32
/** Orders `graph` indexes (line-check.wat's `$node`): GCC's reach 12,860 in a 6.1 kernel's TUs. */
const MAX_ORDER = 131072
/** Where `graph` numbers a dump's files (line-check.wat's `$file`: 8,192 entries of 32 bytes). */
const FILES = ORDERS + MAX_ORDER * 8
/** Where a dump starts in the module's memory: past the bitmaps and tables, and 16 bytes more. */
const OFF = FILES + 8192 * 32 + 16
/**
 * Room after a dump: the module's vector loads read up to 63 bytes past its end (a block of 64
 * is read at its last byte), and a newline may be written there.
 */
export const ROOM = 64
const PAGE = 65536
/**
 * A dump's graph needs at most this many bytes of records per dump byte: a non-empty line is 27
 * bytes at least, and makes at most two nodes (32 bytes each) and an edge (24).
 */
const GRAPH_BYTES_PER_LINE = 88
const MIN_LINE = 27
/** Dumps up to this size have room for their graph's records (`input`); larger ones go without. */
export const GRAPH_MAX = 4 << 20

/** Lines a `len`-byte dump has at most: its graph's records are a header, nodes, then edges. */
function graphLines(len: number): number {
  return Math.floor(len / MIN_LINE) + 2
}

/** Bytes of records for a graph of at most `lines` lines. */
function graphRoom(lines: number): number {
  return 16 + GRAPH_BYTES_PER_LINE * lines
}

const M64 = (1n << 64n) - 1n
const K1 = 0x9e3779b97f4a7c15n
const K2 = 0xd6e8feb86659fd93n

/** line-check.wat's `$hash` of `n` latin1 characters of `s` from `from`. */
function stringHash(s: string, from: number, n: number): bigint {
  let x = BigInt(n)
  for (let i = 0; i < n; i += 8) {
    let c = 0n
    for (let k = Math.min(8, n - i) - 1; k >= 0; k--)
      c = (c << 8n) | BigInt(s.charCodeAt(from + i + k) & 0xff)
    const m = ((x ^ c) * K1) & M64
    x = ((m << 31n) | (m >> 33n)) & M64
  }
  return ((x ^ (x >> 29n)) * K2) & M64
}

/**
 * A focus as the module tests it: bloom filters of its names and of its file base names, and the
 * base names' lengths. Names and bases are latin1 strings (see RawFocus: the test is only used
 * for ASCII ones) that hold no `;` or newline (RawLineTest drops those: no field can be one).
 */
export class LineFocus {
  readonly bits: number
  readonly tables: Uint8Array
  readonly names: boolean
  /** A bit per name length (255 for 255 or more): a name field of no such length skips the hash. */
  readonly nameLengths = new Uint8Array(32)
  /** Distinct base name lengths (capped at MAX_LENGTH). */
  readonly lengths: Uint8Array
  /**
   * A bit per byte that is some base's third-last: a file field ending otherwise is hashed for no
   * length. Every bit when a base is shorter than three bytes (the field's bytes before it count).
   */
  readonly tails = new Uint8Array(32)
  /**
   * Every file field refused: an empty base name (every file ends with it), or more distinct
   * lengths than the module tries.
   */
  readonly everyFile: boolean

  constructor(names: readonly string[], bases: readonly string[]) {
    const most = Math.max(names.length, bases.length, 1)
    this.bits = Math.min(
      MAX_BITS,
      Math.max(MIN_BITS, Math.ceil(Math.log2(most)) + BITS_PER_NAME_LOG)
    )
    const half = (1 << this.bits) / 8
    this.tables = new Uint8Array(2 * half)
    for (const name of names) {
      if (name.length === 0) continue
      this.add(0, stringHash(name, 0, name.length))
      const l = Math.min(name.length, 255)
      this.nameLengths[l >> 3] |= 1 << (l & 7)
    }
    const lengths = new Set<number>()
    for (const base of bases) {
      const l = Math.min(base.length, MAX_LENGTH)
      lengths.add(l)
      if (l > 0) this.add(half, stringHash(base, base.length - l, l))
      if (base.length < 3) this.tails.fill(0xff)
      else {
        const c = base.charCodeAt(base.length - 3) & 0xff
        this.tails[c >> 3] |= 1 << (c & 7)
      }
    }
    this.names = names.length > 0
    this.everyFile = lengths.has(0) || lengths.size > MAX_LENGTHS
    this.lengths = Uint8Array.from([...lengths].sort((x, y) => x - y))
  }

  private add(at: number, x: bigint): void {
    const bits = BigInt(this.bits)
    const mask = (1n << bits) - 1n
    for (const h of [x >> (64n - bits), (x >> (64n - 2n * bits)) & mask]) {
      const i = Number(h)
      this.tables[at + (i >> 3)] |= 1 << (i & 7)
    }
  }
}

const NO_FOCUS = new LineFocus([], [])

interface Exports {
  memory: WebAssembly.Memory
  check(
    off: number,
    len: number,
    names: number,
    lengths: number,
    count: number,
    bits: number,
    tails: number,
    out?: number,
    edges?: number,
    cap?: number,
    orders?: number,
    stamp?: number,
    files?: number
  ): number
}

/**
 * A dump's clone graph as the module read it (see `LineCheck.graph`): views of its memory, valid
 * until the next call. Offsets are the dump's byte offsets plus `base`, which are its text's
 * (every byte is ASCII). Per node (NODE_RECORD numbers, in the order its lines first name them):
 * order, name start and end, file start and end, line, removed (1) or not (0), and the number of
 * its file (files are numbered in the order nodes first name them). Per edge
 * (EDGE_RECORD, in line order): from and to (node indexes), the reason's start or 0 for
 * `inlining to`, its end, the 1-based line.
 */
export interface GraphRecords {
  /** Non-empty lines, as `check` counts them. */
  lines: number
  base: number
  nodes: Int32Array
  edges: Int32Array
}

export const NODE_RECORD = 8
export const EDGE_RECORD = 6

/**
 * The compiled line check (line-check.wat) and its memory: dumps are read into `input` and
 * checked where they lie. One per thread (`lineCheck`).
 */
export class LineCheck {
  private loaded: LineFocus | undefined
  /** The last dump `graph` read: its orders' entries are current when stamped with this. */
  private stamp = 0
  /** The module's memory as 32-bit words, while its buffer is current (growing replaces it). */
  private words: Int32Array | undefined

  private constructor(private readonly wasm: Exports) {}

  static create(): LineCheck | undefined {
    // WebAssembly is missing under `node --jitless`, and V8 refuses SIMD on an x86 without
    // SSE4.1: the regular expression does the work then.
    if (typeof WebAssembly !== 'object') return undefined
    const bytes = Uint8Array.from(atob(LINE_CHECK_WASM), c => c.charCodeAt(0))
    try {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes))
      return new LineCheck(instance.exports as unknown as Exports)
    } catch {
      return undefined
    }
  }

  /**
   * `capacity` bytes of the module's memory to read a dump into, keeping the bytes an earlier
   * `input` view held (growing the memory moves them to a new buffer, not away). Valid until
   * the next use of the module's memory on this thread: another `input`, a check of bytes from
   * elsewhere (copied in), or a graph read from a text (core/dumps/read-graph.ts).
   */
  input(capacity: number): Uint8Array {
    const memory = this.wasm.memory
    // With room for a graph's records after it: `graph` must not grow the memory under a view
    // of the dump the caller still holds.
    const need =
      OFF + capacity + ROOM + 8 + (capacity <= GRAPH_MAX ? graphRoom(graphLines(capacity)) : 0)
    if (memory.buffer.byteLength < need)
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE))
    return new Uint8Array(memory.buffer, OFF, capacity)
  }

  /**
   * `acceptRaw` of these bytes with `focus` (see raw-accept.ts): non-empty lines, or -1. Bytes
   * that are not the `input` view are copied there first.
   */
  check(bytes: Uint8Array, focus: LineFocus = NO_FOCUS): number {
    return this.run(bytes, focus, false) as number
  }

  /**
   * The graph of a dump every line of which `check` accepts without a focus, when the module can
   * read it alone: every byte ASCII, every number in nine digits, orders under MAX_ORDER, each
   * order with one name and one file, at most 6,144 files, each clone created before any line uses
   * it, and room for the records (see `input`). Else undefined: the full scan reads the dump (and
   * words what is wrong with it). Bytes that are not the `input` view are copied there first.
   */
  graph(bytes: Uint8Array): GraphRecords | undefined {
    const answer = this.run(bytes, NO_FOCUS, true)
    return typeof answer === 'number' ? undefined : answer
  }

  /**
   * `check`, and where a line names the focus, `graph` in the same call: the check reads the dump
   * again from its start as a graph (a kept dump's focused pass stopped at its first mention and
   * was read again whole anyway). A number is `check`'s answer (-1 also where the graph cannot
   * be read).
   */
  checkOrGraph(bytes: Uint8Array, focus: LineFocus): number | GraphRecords {
    // Without names or bases nothing can be refused for the focus: the module would read every
    // dump as a graph from its start (that is how `graph` asks for one).
    const empty = !focus.names && focus.lengths.length === 0
    return this.run(bytes, focus, !empty)
  }

  private run(bytes: Uint8Array, focus: LineFocus, graph: boolean): number | GraphRecords {
    const len = bytes.length
    // Every line of a dump has file fields: none can pass (blank lines alone would, as 0).
    if (focus.everyFile) return len === 0 ? 0 : -1
    if (!this.holds(bytes) || bytes.byteOffset !== OFF) this.input(len).set(bytes)
    const { buffer } = this.wasm.memory
    if (this.loaded !== focus) {
      new Uint8Array(buffer, 0, focus.tables.length).set(focus.tables)
      new Uint8Array(buffer, LENGTHS, focus.lengths.length).set(focus.lengths)
      new Uint8Array(buffer, NAME_LENGTHS, 32).set(focus.nameLengths)
      new Uint8Array(buffer, TAILS, 32).set(focus.tails)
      this.loaded = focus
    }
    const names = focus.names ? NAME_LENGTHS : 0
    const count = focus.lengths.length
    const out = (OFF + len + ROOM + 7) & ~7
    const lines = graphLines(len)
    const cap = out + graphRoom(lines)
    // No graph for an empty dump (nothing to read) or one without room for its records.
    if (!graph || len === 0 || len > GRAPH_MAX || cap > buffer.byteLength)
      return this.wasm.check(OFF, len, names, LENGTHS, count, focus.bits, TAILS)
    const edges = out + 16 + 64 * lines
    // A stamp is an i32 in the tables: before it would wrap, the tables start afresh.
    if (++this.stamp > 0x7fffffff) {
      new Uint8Array(buffer, ORDERS, OFF - ORDERS).fill(0)
      this.stamp = 1
    }
    const answer = this.wasm.check(
      OFF,
      len,
      names,
      LENGTHS,
      count,
      focus.bits,
      TAILS,
      out,
      edges,
      cap,
      ORDERS,
      this.stamp,
      FILES
    )
    // The header read through one view of the memory: most calls are a dump with no focus name,
    // and a view made per call was an allocation per dump.
    if (this.words?.buffer !== buffer) this.words = new Int32Array(buffer)
    const header = out >> 2
    if (answer < 0 || this.words[header + 3] === 0) return answer
    return {
      lines: answer,
      base: OFF,
      nodes: new Int32Array(buffer, out + 16, NODE_RECORD * this.words[header]),
      edges: new Int32Array(buffer, edges, EDGE_RECORD * this.words[header + 1])
    }
  }

  /** Whether `view` is of the module's memory as it is now (growing it detaches older views). */
  holds(view: Uint8Array): boolean {
    return view.buffer === this.wasm.memory.buffer
  }
}

let shared: LineCheck | undefined | null = null

/** This thread's line check, made on first use; undefined without WebAssembly. */
export function lineCheck(): LineCheck | undefined {
  if (shared === null) shared = LineCheck.create()
  return shared
}
