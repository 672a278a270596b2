import type { ElfObject } from './elf-text.js'
import type { LineShiftTest } from './model.js'
import { normaliseName } from './names.js'
import { symbolAt } from './reloc.js'

/** Maximal runs [from, to) of offsets where two equally long byte arrays differ. */
export function diffRuns(a: Uint8Array, b: Uint8Array): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue
    let j = i
    while (j < a.length && a[j] !== b[j]) j++
    runs.push([i, j])
    i = j
  }
  return runs
}

function readLe(bytes: Uint8Array, at: number, width: number): number {
  let v = 0
  for (let i = width - 1; i >= 0; i--) v = v * 256 + bytes[at + i]
  return v
}

/** Starts of the `width`-byte windows inside [0, size) that cover the run [from, to). */
function windows(from: number, to: number, width: number, size: number): number[] {
  const out: number[] = []
  for (let s = Math.max(0, to - width); s <= from && s + width <= size; s++) out.push(s)
  return out
}

/** One side of a comparison: the object, the section and where the symbol starts in it. */
export interface Side {
  obj: ElfObject
  section: number
  start: number
  /** The symbol's bytes as the section holds them (relocation fields not masked). */
  raw: Uint8Array
}

function branchTarget(side: Side, s: number): string | undefined {
  const b = side.raw
  const call = b[s - 1] === 0xe8 || b[s - 1] === 0xe9
  const jcc = s >= 2 && b[s - 2] === 0x0f && (b[s - 1] & 0xf0) === 0x80
  if (!call && !jcc) return undefined
  const disp = readLe(b, s, 4) | 0
  const target = side.start + s + 4 + disp
  const sym = symbolAt(side.obj, side.section, target)
  if (!sym || (sym.value <= side.start && side.start < sym.value + sym.size)) return undefined
  return `${normaliseName(sym.name)}+${target - sym.value}`
}

/**
 * A call or jump to another function of the same section (`.init.text`, `.noinstr.text`, or
 * `.text` without -ffunction-sections) carries no relocation: the assembler resolves it, so its
 * displacement moves with the layout. Such a difference is no change when both displacements
 * (x86 `call`/`jmp`/`jcc` rel32) land on the same function at the same offset.
 */
export function sameBranchTarget(
  pre: Side,
  post: Side,
  from: number,
  to: number
): string | undefined {
  for (const s of windows(from, to, 4, pre.raw.length)) {
    if (s < 1) continue
    const a = branchTarget(pre, s)
    if (a !== undefined && a === branchTarget(post, s)) return a
  }
  return undefined
}

/**
 * No kernel source reaches this line (dynamic debug keeps lines in 18 bits): a larger immediate
 * that moved by the fix's line delta is a hash or a mask that changed, not a line.
 */
const MAX_LINE = 0x3ffff

/**
 * A `__LINE__` immediate (might_sleep(), lockdep, dynamic-debug descriptors' 18-bit line field):
 * a little-endian 4- or 2-byte window over the differing bytes whose two values are a line the
 * fix shifted. Returns `pre→post`.
 */
export function lineImmediate(
  pre: Uint8Array,
  post: Uint8Array,
  from: number,
  to: number,
  isLineShift: LineShiftTest
): string | undefined {
  for (const width of [4, 2]) {
    for (const s of windows(from, to, width, pre.length)) {
      const a = readLe(pre, s, width)
      const b = readLe(post, s, width)
      if (a !== b && a <= MAX_LINE && b <= MAX_LINE && isLineShift(a, b))
        return `line ${a}→${b} at +0x${s.toString(16)}`
    }
  }
  return undefined
}
