import { LINE_CHECK_WASM } from './line-check-wasm.js'

/** Bloom filter sizes, as powers of two bits: ~1,000 bits per name keeps false positives rare. */
const MIN_BITS = 12
const MAX_BITS = 20
const BITS_PER_NAME_LOG = 10
/** Where a dump starts in the module's memory: past the largest pair of filters. */
const OFF = (2 << MAX_BITS) / 8 + 16
/** Room after a dump: vector loads read past its end, and a newline may be written there. */
const ROOM = 32
const PAGE = 65536

const M64 = (1n << 64n) - 1n
const K1 = 0x9e3779b97f4a7c15n
const K2 = 0xd6e8feb86659fd93n

/** line-check.wat's `$hash`. */
function lineHash(a: bigint, b: bigint, len: number): bigint {
  const rot = ((b << 29n) | (b >> 35n)) & M64
  return ((((a * K1) & M64) ^ rot ^ BigInt(len)) * K2) & M64
}

/** `n` bytes of `s` from `from` as a little-endian number, as an i64 load reads them. */
function le(s: string, from: number, n: number): bigint {
  let v = 0n
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(s.charCodeAt(from + i) & 0xff)
  return v
}

/**
 * A focus as the module tests it: bloom filters of its names and of its file base names' last
 * (up to eight) bytes, and which tail lengths occur. Names and bases are latin1 strings (see
 * RawFocus: the test is only used for ASCII ones).
 */
export class LineFocus {
  readonly bits: number
  readonly tables: Uint8Array
  readonly names: boolean
  readonly tails: number

  constructor(names: readonly string[], bases: readonly string[]) {
    const most = Math.max(names.length, bases.length, 1)
    this.bits = Math.min(
      MAX_BITS,
      Math.max(MIN_BITS, Math.ceil(Math.log2(most)) + BITS_PER_NAME_LOG)
    )
    const half = (1 << this.bits) / 8
    this.tables = new Uint8Array(2 * half)
    let tails = 0
    for (const name of names) {
      const n = name.length
      if (n === 0) continue
      const a = le(name, 0, Math.min(n, 8))
      this.add(0, lineHash(a, n > 8 ? le(name, n - 8, 8) : 0n, n))
    }
    for (const base of bases) {
      const t = Math.min(base.length, 8)
      if (t === 0) continue
      tails |= 1 << t
      this.add(half, lineHash(le(base, base.length - t, t), 0n, t))
    }
    this.names = names.length > 0
    // A focus with bases also refuses files ending with a separator or dot (raw-focus.ts), which
    // the module does whenever `tails` is set: an empty base (none is) would still turn it on.
    this.tails = bases.length > 0 ? tails || 1 : 0
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
  check(off: number, len: number, names: number, tails: number, bits: number): number
}

/**
 * The compiled line check (line-check.wat) and its memory: dumps are read into `input` and
 * checked where they lie. One per thread (`lineCheck`).
 */
export class LineCheck {
  private loaded: LineFocus | undefined

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
   * the next call.
   */
  input(capacity: number): Uint8Array {
    const memory = this.wasm.memory
    const need = OFF + capacity + ROOM
    if (memory.buffer.byteLength < need)
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE))
    return new Uint8Array(memory.buffer, OFF, capacity)
  }

  /**
   * `acceptRaw` of these bytes with `focus` (see raw-accept.ts): non-empty lines, or -1. Bytes
   * that are not the `input` view are copied there first.
   */
  check(bytes: Uint8Array, focus: LineFocus = NO_FOCUS): number {
    const memory = this.wasm.memory
    if (bytes.buffer !== memory.buffer || bytes.byteOffset !== OFF)
      this.input(bytes.length).set(bytes)
    if (this.loaded !== focus) {
      new Uint8Array(memory.buffer, 0, focus.tables.length).set(focus.tables)
      this.loaded = focus
    }
    const names = focus.names ? 1 : 0
    return this.wasm.check(OFF, bytes.length, names, focus.tails, focus.bits)
  }
}

let shared: LineCheck | undefined | null = null

/** This thread's line check, made on first use; undefined without WebAssembly. */
export function lineCheck(): LineCheck | undefined {
  if (shared === null) shared = LineCheck.create()
  return shared
}
