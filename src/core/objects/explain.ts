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

/**
 * Where a branch whose displacement starts at `s` lands, for x86 rel32 and rel8 forms. Not one
 * whose displacement a relocation patches (a tail call `jmp nid_of` assembles to `e9 00 00 00 00`:
 * read as it stands, it lands on the next function of a shared section); the relocations are
 * compared on their own.
 */
function branchAt(side: Side, s: number, width: 4 | 1): number | undefined {
  const b = side.raw
  if (s < 1 || s + width > b.length) return undefined
  if (relocatedAt(side, side.start + s)) return undefined
  if (width === 4) {
    const call = b[s - 1] === 0xe8 || b[s - 1] === 0xe9
    const jcc = s >= 2 && b[s - 2] === 0x0f && (b[s - 1] & 0xf0) === 0x80
    if (!call && !jcc) return undefined
    return side.start + s + 4 + (readLe(b, s, 4) | 0)
  }
  // jmp rel8 (EB), jcc rel8 (70-7F): a short tail jump to a neighbour in a shared section.
  if (b[s - 1] !== 0xeb && (b[s - 1] & 0xf0) !== 0x70) return undefined
  return side.start + s + 1 + ((b[s] << 24) >> 24)
}

const patched = new WeakMap<ElfObject, Map<number, Set<number>>>()

/** Whether a relocation of the side's section patches the field at `offset`. */
function relocatedAt(side: Side, offset: number): boolean {
  let bySection = patched.get(side.obj)
  if (!bySection) patched.set(side.obj, (bySection = new Map<number, Set<number>>()))
  let offsets = bySection.get(side.section)
  if (!offsets) {
    offsets = new Set((side.obj.relocs.get(side.section) ?? []).map(r => r.offset))
    bySection.set(side.section, offsets)
  }
  return offsets.has(offset)
}

function branchTarget(side: Side, s: number, width: 4 | 1 = 4): string | undefined {
  const target = branchAt(side, s, width)
  if (target === undefined) return undefined
  const sym = symbolAt(side.obj, side.section, target)
  if (!sym || (sym.value <= side.start && side.start < sym.value + sym.size)) return undefined
  return `${normaliseName(sym.name)}+${target - sym.value}`
}

/**
 * A call or jump to another function of the same section (`.init.text`, `.noinstr.text`,
 * `.sched.text`, or `.text` without -ffunction-sections) carries no relocation: the assembler
 * resolves it, so its displacement moves with the layout. Such a difference is no change when
 * both displacements (x86 `call`/`jmp`/`jcc`, rel32 or rel8) land on the same function at the
 * same offset.
 */
export function sameBranchTarget(
  pre: Side,
  post: Side,
  from: number,
  to: number
): string | undefined {
  for (const s of windows(from, to, 4, pre.raw.length)) {
    const a = branchTarget(pre, s)
    if (a !== undefined && a === branchTarget(post, s)) return a
  }
  for (let s = from; s < to; s++) {
    const a = branchTarget(pre, s, 1)
    if (a !== undefined && a === branchTarget(post, s, 1)) return a
  }
  return undefined
}

/**
 * Calls and jumps of a function in a shared section whose target is the start of another
 * function there, by offset: with the same bytes on both sides, a neighbour of another name at
 * that start (a helper the fix replaced by one of the same size) is another callee.
 */
function neighbourCalls(side: Side): Map<number, string> {
  const out = new Map<number, string>()
  for (let s = 1; s < side.raw.length; s++) {
    for (const width of [4, 1] as const) {
      const target = branchAt(side, s, width)
      if (target === undefined) continue
      const sym = symbolAt(side.obj, side.section, target)
      if (sym?.type === 'FUNC' && sym.value === target && sym.value !== side.start)
        out.set(s, normaliseName(sym.name))
    }
  }
  return out
}

/** The first call whose neighbour differs between two same-byte sides, as the report says it. */
export function otherNeighbour(pre: Side, post: Side): string | undefined {
  const a = neighbourCalls(pre)
  const b = neighbourCalls(post)
  for (const s of [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)) {
    if (a.get(s) !== b.get(s))
      return `calls ${b.get(s) ?? 'another address'} instead of ${a.get(s) ?? 'another address'} at +0x${(s - 1).toString(16)}`
  }
  return undefined
}

/**
 * No kernel source reaches this line (dynamic debug keeps lines in 18 bits): a larger immediate
 * that moved by the fix's line delta is a hash or a mask that changed, not a line.
 */
const MAX_LINE = 0x3ffff

/** Bytes a `C7 /0` instruction's ModRM (and SIB, displacement) take before its immediate. */
function modrmLength(modrm: number, sib: number | undefined): number {
  const mod = modrm >> 6
  const rm = modrm & 7
  if (mod === 3) return 1
  const withSib = rm === 4 ? 1 : 0
  if (mod === 1) return 1 + withSib + 1
  if (mod === 2) return 1 + withSib + 4
  if (rm === 5) return 1 + 4
  return rm === 4 && sib !== undefined && (sib & 7) === 5 ? 1 + 1 + 4 : 1 + withSib
}

/**
 * Whether the 4 bytes at `s` are the immediate of a `mov $imm32` into a register or a memory slot,
 * or of a `push $imm32`: how GCC passes a `__LINE__` (`mov $0x1a2,%edx` before `__might_sleep`,
 * ext4's `__ext4_error`, `movl $0x1a2,0x8(%rsp)` or `push $0xb43` for an argument on the stack).
 * Any other changed 4-byte window, the operand of a `cmp`, a `jcc` opcode with the byte after
 * it, a displacement, is no line.
 */
export function isLineOperand(code: Uint8Array, s: number): boolean {
  const op = code[s - 1]
  // 68: push $imm32, an argument past the sixth (ext4's __ext4_new_inode takes __LINE__ so).
  if (op === 0x68) return true
  // B8+r: mov $imm32, %r32 (a REX.B before it selects r8d-r15d); 0F B8-BF are other opcodes
  // (popcnt, bsf, movsx).
  if (op !== undefined && op >= 0xb8 && op <= 0xbf) return s < 2 || code[s - 2] !== 0x0f
  // C7 /0: mov $imm32, r/m32 (or r/m64 sign-extended with REX.W).
  for (let k = 2; k <= 7 && k <= s; k++) {
    const at = s - k
    if (code[at] !== 0xc7) continue
    const modrm = code[at + 1]
    if (((modrm >> 3) & 7) === 0 && 1 + modrmLength(modrm, code[at + 2]) === k) return true
  }
  return false
}

/**
 * Where a `__LINE__` can sit in a symbol's bytes: in a function, the immediate of a `mov`
 * or `push` (`isLineOperand`); in a dynamic-debug descriptor (`__dyndbg`), the 18-bit `lineno` field of an
 * aligned 32-bit word whose other bits (class, flags) are the same. No other data holds lines a
 * fix shifts (`__bug_table` is compared apart): a rate limit's burst of 10 that became 11 is a
 * value.
 */
export type LineFields = 'code' | 'descriptor' | 'none'

/**
 * A `__LINE__` the fix shifted, inside the differing run [from, to): a 4-byte window where the
 * symbol's kind keeps lines (`LineFields`) whose two values are a line and its place after the
 * fix. Returns `pre→post`.
 */
export function lineImmediate(
  pre: Uint8Array,
  post: Uint8Array,
  from: number,
  to: number,
  isLineShift: LineShiftTest,
  fields: LineFields
): string | undefined {
  if (fields === 'none') return undefined
  for (const s of windows(from, to, 4, pre.length)) {
    let a = readLe(pre, s, 4)
    let b = readLe(post, s, 4)
    if (fields === 'code') {
      if (!isLineOperand(pre, s) || !isLineOperand(post, s)) continue
    } else {
      if (s % 4 !== 0 || (a ^ b) >>> 0 > MAX_LINE) continue
      a &= MAX_LINE
      b &= MAX_LINE
    }
    if (a !== b && a <= MAX_LINE && b <= MAX_LINE && isLineShift(a, b))
      return `line ${a}→${b} at +0x${s.toString(16)}`
  }
  return undefined
}
