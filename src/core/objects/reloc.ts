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

export function isStringSection(s: ElfSection): boolean {
  return s.flags.includes('M') && s.flags.includes('S')
}

function signed(n: number): string {
  return n === 0 ? '' : n > 0 ? `+${n}` : `${n}`
}

function stringAt(s: ElfSection, at: number): string | undefined {
  if (!s.bytes || at < 0 || at >= s.bytes.length) return undefined
  let end = at
  while (end < s.bytes.length && end - at < 4096 && s.bytes[end] !== 0) end++
  let text = ''
  for (let i = at; i < end; i++) text += String.fromCharCode(s.bytes[i])
  return text
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
 * symbol that covers it. `inCode`: a PC-relative field in an instruction is relative to the end
 * of the 4-byte field (addend -4); in data it is relative to the field itself.
 */
export function relocTarget(obj: ElfObject, r: ElfReloc, inCode: boolean): string {
  const sym = obj.symbols[r.symbol]
  if (!sym || r.symbol === 0) return `${r.type} ${signed(r.addend) || '0'}`
  const sec = typeof sym.shndx === 'number' ? obj.sections[sym.shndx] : undefined
  const adj = inCode && isPcRelative(r.type) ? 4 : 0
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
    return `${r.type} ${normaliseName(sec.name)}${signed(r.addend)}`
  }
  return `${r.type} ${normaliseName(sym.name)}${signed(r.addend)}`
}
