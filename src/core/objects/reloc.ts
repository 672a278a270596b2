import type { ElfObject, ElfReloc, ElfSection, ElfSymbol } from './elf-text.js'
import { normaliseName } from './names.js'

/** Bytes a relocation patches, by type; the machine's instruction-field relocations patch 4. */
export function relocWidth(type: string): number {
  if (/_NONE$/.test(type)) return 0
  if (/(_64|PC64|GOTOFF64|ABS64|PREL64)$/.test(type)) return 8
  if (/(_16|PC16|ABS16|PREL16)$/.test(type)) return 2
  if (/(_8|PC8)$/.test(type)) return 1
  return 4
}

export function isPcRelative(type: string): boolean {
  return /PC|PLT|PREL/.test(type)
}

/** Immediate bytes after a ModRM memory operand, by one-byte opcode (`reg`: the ModRM's /digit). */
function immediateOf(op: number, reg: number, wide: number): number {
  if (op === 0x80 || op === 0x83 || op === 0xc6 || op === 0x6b || op === 0xc0 || op === 0xc1)
    return 1
  if (op === 0x81 || op === 0xc7 || op === 0x69) return wide
  if (op === 0xf6) return reg < 2 ? 1 : 0
  if (op === 0xf7) return reg < 2 ? wide : 0
  return 0
}

/**
 * Where a RIP-relative operand's target is counted from: the end of its instruction, which is the
 * 4-byte displacement at `at` plus any immediate after it (`cmpb $0x0,x(%rip)` ends one byte past
 * the field, `movl $1,x(%rip)` four). The addend is the target minus that distance, so adding back
 * only 4 lands an instruction with an immediate on the object before its target (a static that a
 * `WARN_ONCE` tests was put on its neighbour).
 */
export function ripTail(code: Uint8Array | undefined, at: number): number {
  if (!code || at < 2) return 4
  const modrm = code[at - 1]
  // mod 00, r/m 101: RIP-relative.
  if ((modrm & 0xc7) !== 0x05) return 4
  const op = code[at - 2]
  const reg = (modrm >> 3) & 7
  if (at >= 3 && code[at - 3] === 0x0f)
    return 4 + (op === 0xba || op === 0xa4 || op === 0xac ? 1 : 0)
  let p = at - 3
  while (p >= 0 && (code[p] & 0xf0) === 0x40) p--
  const wide = p >= 0 && code[p] === 0x66 ? 2 : 4
  return 4 + immediateOf(op, reg, wide)
}

export function isStringSection(s: ElfSection): boolean {
  return s.flags.includes('M') && s.flags.includes('S')
}

function signed(n: number): string {
  return n === 0 ? '' : n > 0 ? `+${n}` : `${n}`
}

/**
 * A string literal's text at `at`, whole: units of the section's entry size (`.rodata.str2.2`
 * holds `u"..."` literals, whose second byte is 0) up to a zero unit.
 */
function stringAt(s: ElfSection, at: number): string | undefined {
  if (!s.bytes || at < 0 || at >= s.bytes.length) return undefined
  const unit = s.entsize > 1 ? s.entsize : 1
  let text = ''
  for (let i = at; i + unit <= s.bytes.length; i += unit) {
    let v = 0
    for (let k = unit - 1; k >= 0; k--) v = v * 256 + s.bytes[i + k]
    if (v === 0) break
    text += unit === 1 ? String.fromCharCode(v) : `\\u{${v.toString(16)}}`
  }
  return text
}

const referenceCache = new WeakMap<ElfObject, Map<number, Set<number>>>()

/**
 * Every offset of each section that a relocation of the object points at through the section's
 * own symbol (a RIP-relative field counted from the end of its instruction): where GCC's
 * anonymous constants (`.LC0`) and a top-level asm()'s unlabelled code start.
 */
export function sectionReferences(obj: ElfObject): Map<number, Set<number>> {
  let out = referenceCache.get(obj)
  if (out) return out
  out = new Map()
  for (const [from, relocs] of obj.relocs) {
    const section = obj.sections[from]
    const code = section?.flags.includes('X') ? section.bytes : undefined
    for (const r of relocs) {
      const sym = obj.symbols[r.symbol]
      if (sym?.type !== 'SECTION' || typeof sym.shndx !== 'number') continue
      const set = out.get(sym.shndx) ?? new Set<number>()
      set.add(r.addend + (code && isPcRelative(r.type) ? ripTail(code, r.offset) : 0))
      out.set(sym.shndx, set)
    }
  }
  referenceCache.set(obj, out)
  return out
}

const boundaryCache = new WeakMap<ElfObject, Map<number, number[]>>()

/**
 * Where anonymous objects of each section can start: every offset a section-relative relocation
 * of the object points at, and every symbol's start. GCC's local constants (`.LC0`: a local
 * array's initial values, a string with a NUL inside) have no symbol; the next such point ends one.
 */
function boundaries(obj: ElfObject, index: number): number[] {
  let all = boundaryCache.get(obj)
  if (!all) {
    const sets = new Map([...sectionReferences(obj)].map(([sec, set]) => [sec, new Set(set)]))
    for (const [sec, symbols] of bySection(obj)) {
      const set = sets.get(sec) ?? new Set<number>()
      for (const s of symbols) set.add(s.value)
      sets.set(sec, set)
    }
    all = new Map([...sets].map(([sec, set]) => [sec, [...set].sort((a, b) => a - b)]))
    boundaryCache.set(obj, all)
  }
  return all.get(index) ?? []
}

/**
 * The bytes (trailing zeros, which alignment varies, left out) and relocation targets of the
 * anonymous read-only object or code at `at`: what a reference to it reads, so that a changed value is a
 * change and the same value at another offset (another constant grew before it) is not.
 */
function anonymousAt(obj: ElfObject, sec: ElfSection, at: number): string | undefined {
  // Code no symbol holds (`static_cpu_has`'s test in `.altinstr_aux`, a `.fixup` stub) is read
  // as a constant is: a function that jumps there runs it, so its bytes are the function's.
  if (!sec.bytes || sec.flags.includes('W')) return undefined
  if (at < 0 || at >= sec.bytes.length) return undefined
  const next = boundaries(obj, sec.index).find(b => b > at) ?? sec.bytes.length
  let end = next
  while (end > at && sec.bytes[end - 1] === 0) end--
  const inner = (obj.relocs.get(sec.index) ?? [])
    .filter(r => r.offset >= at && r.offset < next)
    .map(r => `${r.offset - at}:${relocTarget(obj, r, undefined, 1)}`)
  const hex = Array.from(sec.bytes.subarray(at, end), b => b.toString(16).padStart(2, '0')).join('')
  return inner.length > 0 ? `${hex}{${inner.join(';')}}` : hex
}

/** The sized function or data symbol that covers `at` in section `index`, the latest start first. */
export function symbolAt(obj: ElfObject, index: number, at: number): ElfSymbol | undefined {
  let best: ElfSymbol | undefined
  for (const s of bySection(obj).get(index) ?? []) {
    if (s.value <= at && at < s.value + Math.max(s.size, 1) && (!best || s.value > best.value))
      best = s
  }
  return best
}

const sectionIndex = new WeakMap<ElfObject, Map<number, ElfSymbol[]>>()

/** Function and data symbols by section index. */
export function bySection(obj: ElfObject): Map<number, ElfSymbol[]> {
  let map = sectionIndex.get(obj)
  if (map) return map
  map = new Map()
  for (const s of obj.symbols) {
    if (!s || typeof s.shndx !== 'number' || !/^(FUNC|OBJECT|TLS)$/.test(s.type)) continue
    const list = map.get(s.shndx) ?? []
    list.push(s)
    map.set(s.shndx, list)
  }
  sectionIndex.set(obj, map)
  return map
}

/**
 * What a relocation points at, in terms that survive a rebuild: a symbol by its normalised name
 * and the offset into it, a string literal by its content (GCC merges literals into
 * `.rodata.str1.*` and any added literal moves the others), a section-relative reference by the
 * symbol that covers it. `code`: the bytes of the code section the relocation is in, whose
 * PC-relative fields are relative to the end of their instruction (`ripTail`); in data a field is
 * relative to itself.
 */
export function relocTarget(
  obj: ElfObject,
  r: ElfReloc,
  code: Uint8Array | undefined,
  depth = 0
): string {
  const sym = obj.symbols[r.symbol]
  if (!sym || r.symbol === 0) return `${r.type} ${signed(r.addend) || '0'}`
  const sec = typeof sym.shndx === 'number' ? obj.sections[sym.shndx] : undefined
  const adj = code && isPcRelative(r.type) ? ripTail(code, r.offset) : 0
  const base = sym.type === 'SECTION' ? 0 : sym.value
  if (sec && isStringSection(sec)) {
    const text = stringAt(sec, base + r.addend + adj)
    if (text !== undefined) return `${r.type} ${JSON.stringify(text)}${signed(-adj)}`
  }
  // A constant pool entry (`.rodata.cst16`, `.LC12`): by its bytes, as a string by its text.
  if (sec?.flags.includes('M') && sec.bytes && sec.entsize > 0) {
    const at = Math.floor((base + r.addend + adj) / sec.entsize) * sec.entsize
    const hex = Array.from(sec.bytes.subarray(at, at + sec.entsize), b =>
      b.toString(16).padStart(2, '0')
    ).join('')
    return `${r.type} const:${hex}${signed(base + r.addend - at)}`
  }
  if (sym.type === 'SECTION' && sec) {
    const owner = symbolAt(obj, sec.index, r.addend + adj)
    if (owner) return `${r.type} ${normaliseName(owner.name)}${signed(r.addend - owner.value)}`
    // One level: an anonymous table of pointers to anonymous constants names them by offset.
    const piece = depth === 0 ? anonymousAt(obj, sec, r.addend + adj) : undefined
    if (piece !== undefined) return `${r.type} ${normaliseName(sec.name)}:${piece}${signed(-adj)}`
    return `${r.type} ${normaliseName(sec.name)}${signed(r.addend)}`
  }
  // Named the same, another file's definition is not this file's static one: a fix that drops
  // a local `helper` for an external one leaves `.fn = helper` spelled alike (a hostile review's
  // case), so a symbol the object does not define says so.
  const where = sym.shndx === 'UND' ? 'extern ' : ''
  return `${r.type} ${where}${normaliseName(sym.name)}${signed(r.addend)}`
}
