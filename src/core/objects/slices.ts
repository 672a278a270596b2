import type { ElfObject, ElfSection, ElfSymbol } from './elf-text.js'
import { relocTarget, relocWidth } from './reloc.js'

/** One function or data object cut out of its section: bytes with relocation fields zeroed. */
export interface SymbolSlice {
  symbol: ElfSymbol
  section: ElfSection
  kind: 'function' | 'data'
  /** Masked bytes; undefined for `NOBITS` (`.bss`) and common symbols, which have only a size. */
  bytes?: Uint8Array
  /** Relocations inside the slice: offset from the symbol's start, and what they point at. */
  relocs: Array<{ at: number; target: string }>
}

/** Bytes of a section's `[start, end)` with relocation fields zeroed, and the relocations there. */
export interface Slice {
  /** Undefined for `NOBITS` (`.bss`). */
  bytes?: Uint8Array
  relocs: Array<{ at: number; target: string }>
}

export function sliceOf(obj: ElfObject, section: ElfSection, start: number, end: number): Slice {
  const inCode = section.flags.includes('X')
  const code = section.bytes ?? new Uint8Array(0)
  const bytes = section.bytes ? section.bytes.slice(start, end) : undefined
  const relocs: Slice['relocs'] = []
  for (const r of obj.relocs.get(section.index) ?? []) {
    if (r.offset < start || r.offset >= end) continue
    const at = r.offset - start
    if (bytes) bytes.fill(0, at, Math.min(bytes.length, at + relocWidth(r.type)))
    relocs.push({ at, target: relocTarget(obj, r, inCode ? code : undefined) })
  }
  relocs.sort((a, b) => a.at - b.at)
  return { bytes, relocs }
}

/** Every sized function and data object of the object, with its bytes and relocations. */
export function symbolSlices(obj: ElfObject): SymbolSlice[] {
  const out: SymbolSlice[] = []
  for (const symbol of obj.symbols) {
    if (!symbol || typeof symbol.shndx !== 'number') continue
    const kind =
      symbol.type === 'FUNC' ? 'function' : /^(OBJECT|TLS)$/.test(symbol.type) ? 'data' : undefined
    // Unsized, it is a label (labels.ts).
    if (!kind || symbol.size === 0) continue
    const section = obj.sections[symbol.shndx]
    if (!section) continue
    out.push({
      symbol,
      section,
      kind,
      ...sliceOf(obj, section, symbol.value, symbol.value + symbol.size)
    })
  }
  return out
}
