/**
 * An ELF relocatable object as binutils' `readelf -W -S -s -r` and `readelf -W -x N...` print it.
 * Text, not bytes: every runner that builds a kernel has binutils, and readelf already decodes the
 * header fields, the symbol index of each relocation and the relocation names of every
 * architecture, so nothing here depends on the ELF class or the machine.
 */

export interface ElfSection {
  index: number
  name: string
  /** `PROGBITS`, `NOBITS`, `RELA`, `SYMTAB`, ... */
  type: string
  offset: number
  size: number
  entsize: number
  /** readelf's letters: `AX` code, `WA` data, `AMS` mergeable strings, `AM` mergeable constants. */
  flags: string
  info: number
  /** Filled from the hex dump for the sections `sectionsToDump` names. */
  bytes?: Uint8Array
}

export interface ElfSymbol {
  index: number
  value: number
  size: number
  /** `FUNC`, `OBJECT`, `SECTION`, `NOTYPE`, `FILE`, `TLS`, ... */
  type: string
  bind: string
  /** Section index, or `UND` / `ABS` / `COM`. */
  shndx: number | string
  name: string
}

export interface ElfReloc {
  offset: number
  type: string
  /** Index into the symbol table (0: none). */
  symbol: number
  addend: number
}

export interface ElfObject {
  sections: ElfSection[]
  symbols: ElfSymbol[]
  /** Relocations by the index of the section they patch. */
  relocs: Map<number, ElfReloc[]>
}

const SECTION = /^\s*\[\s*(\d+)\]\s(.*)$/
const SYMBOL =
  /^\s*(\d+):\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+\[[^\]]*\])?\s+(\S+)(?: (.*))?$/
const RELOC_HEAD = /^Relocation section '.*' at offset 0x([0-9a-f]+) contains/
const RELOC =
  /^([0-9a-f]+)\s+([0-9a-f]+)\s+(\S+)(?:\s+[0-9a-f]+\s+.*?\s([+-])\s([0-9a-f]+)|\s+([0-9a-f]+))?\s*$/

function parseSection(index: number, rest: string): ElfSection | undefined {
  const t = rest.trim().split(/\s+/)
  // Section 0 has an empty name; every other row: name type addr off size es [flags] lk inf al.
  if (index === 0 && t[0] === 'NULL') t.unshift('')
  if (t.length !== 9 && t.length !== 10) return undefined
  return {
    index,
    name: t[0],
    type: t[1],
    offset: parseInt(t[3], 16),
    size: parseInt(t[4], 16),
    entsize: parseInt(t[5], 16),
    flags: t.length === 10 ? t[6] : '',
    info: Number(t[t.length - 2])
  }
}

/** The symbol index of a relocation's info word: the upper half of r_info (ELF64) or 24 bits (ELF32). */
function symbolOfInfo(info: string): number {
  return info.length > 8 ? parseInt(info.slice(0, info.length - 8), 16) : parseInt(info, 16) >>> 8
}

/** Parses `readelf -W -S -s -r` of one object. Throws on text that is not that output. */
export function parseReadelf(text: string): ElfObject {
  const sections: ElfSection[] = []
  const symbols: ElfSymbol[] = []
  const relocs = new Map<number, ElfReloc[]>()
  let mode: 'none' | 'sections' | 'symbols' | 'relocs' = 'none'
  let inSymtab = false
  let current: ElfReloc[] | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith('Section Headers:')) {
      mode = 'sections'
      continue
    }
    if (line.startsWith("Symbol table '")) {
      mode = 'symbols'
      inSymtab = line.startsWith("Symbol table '.symtab'")
      continue
    }
    const head = RELOC_HEAD.exec(line)
    if (head) {
      mode = 'relocs'
      const offset = parseInt(head[1], 16)
      const rela = sections.find(s => s.offset === offset && /^(RELA|REL)$/.test(s.type))
      if (!rela)
        throw new Error(`relocation section at offset 0x${head[1]} not in the section headers`)
      current = relocs.get(rela.info) ?? []
      relocs.set(rela.info, current)
      continue
    }
    if (mode === 'sections') {
      const m = SECTION.exec(line)
      if (m) {
        const s = parseSection(Number(m[1]), m[2])
        if (!s) throw new Error(`unreadable section header: ${line.trim()}`)
        sections[s.index] = s
      } else if (line.startsWith('Key to Flags')) mode = 'none'
    } else if (mode === 'symbols' && inSymtab) {
      const m = SYMBOL.exec(line)
      if (!m) continue
      const ndx = m[7]
      symbols[Number(m[1])] = {
        index: Number(m[1]),
        value: parseInt(m[2], 16),
        size: m[3].startsWith('0x') ? parseInt(m[3], 16) : Number(m[3]),
        type: m[4],
        bind: m[5],
        shndx: /^\d+$/.test(ndx) ? Number(ndx) : ndx,
        name: m[8] ?? ''
      }
    } else if (mode === 'relocs' && current) {
      const m = RELOC.exec(line)
      if (!m) continue
      const addend =
        m[5] !== undefined
          ? parseInt(m[5], 16) * (m[4] === '-' ? -1 : 1)
          : m[6] !== undefined
            ? parseInt(m[6], 16)
            : 0
      current.push({ offset: parseInt(m[1], 16), type: m[3], symbol: symbolOfInfo(m[2]), addend })
    }
  }
  if (sections.length === 0) throw new Error('no section headers in the readelf output')
  return { sections, symbols, relocs }
}

/** Sections with bytes: constructors' tables (`.init_array`) hold pointers as data does. */
const DUMPED = /^(PROGBITS|INIT_ARRAY|FINI_ARRAY|PREINIT_ARRAY)$/

/** The sections whose bytes the comparison reads: every allocated section with contents. */
export function sectionsToDump(obj: ElfObject): number[] {
  return obj.sections
    .filter(s => s !== undefined && DUMPED.test(s.type) && s.size > 0 && s.flags.includes('A'))
    .map(s => s.index)
}

const DUMP_HEAD = /^Hex dump of section '(.*)':$/

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : c - 87
}

/**
 * Fills `bytes` of the sections `sectionsToDump` names from readelf's hex dump (`-x N` of those
 * sections, or of every section: the others are skipped). readelf prints the dumps in index
 * order, and names repeat, so each dump goes to the next wanted section of that name.
 */
export function parseHexDump(text: string, obj: ElfObject): void {
  const wanted = sectionsToDump(obj)
  let k = 0
  let bytes: Uint8Array | undefined
  let size = 0
  for (const line of text.split('\n')) {
    if (line.startsWith('Hex dump of section ')) {
      const name = DUMP_HEAD.exec(line)?.[1]
      let j = k
      while (j < wanted.length && obj.sections[wanted[j]].name !== name) j++
      const section = j < wanted.length ? obj.sections[wanted[j]] : undefined
      if (section) k = j + 1
      bytes = section ? new Uint8Array(section.size) : undefined
      if (section) section.bytes = bytes
      size = section?.size ?? 0
      continue
    }
    // `  0x00000010 00e80000 0000eb89 ...  ........`: 16 bytes a row in four words, then ASCII.
    if (!bytes || !line.startsWith('  0x')) continue
    const at = parseInt(line.slice(4, 12), 16)
    const n = Math.min(16, size - at)
    for (let i = 0, p = 13; i < n; i++, p += 2) {
      if (line.charCodeAt(p) === 32) p++
      bytes[at + i] = hexValue(line.charCodeAt(p)) * 16 + hexValue(line.charCodeAt(p + 1))
    }
  }
  for (const i of wanted) {
    if (!obj.sections[i].bytes) throw new Error(`no hex dump of section ${obj.sections[i].name}`)
  }
}
