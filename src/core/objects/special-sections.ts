import type { ElfObject, ElfReloc, ElfSection } from './elf-text.js'
import { normaliseName } from './names.js'
import { relocTarget, relocWidth, symbolAt } from './reloc.js'

/**
 * Tables whose entries say what a function's code does without being in its bytes, by entry size
 * (x86-64, Linux 6.1): a static branch's key and target (`struct jump_entry`: code, target, key),
 * an exception fixup and its type (`struct exception_table_entry`: insn, fixup, data), an
 * alternative's feature and replacement (`struct alt_instr`: instr, replacement, cpuid, lengths),
 * a paravirt site's type, a static call's key. kpatch and klp-build compare these per function
 * too: a fix that switches a static branch to another key changes no byte of the function.
 */
const TABLES = new Map<string, number>([
  ['__jump_table', 16],
  ['__ex_table', 12],
  ['.altinstructions', 12],
  ['.parainstructions', 16],
  ['.static_call_sites', 8]
])

/** Per function (by symbol name), its entries of each table, in the order of the code they mark. */
export type SpecialEntries = Map<string, string[]>

function inFunction(obj: ElfObject, r: ElfReloc): { name: string; at: number } | undefined {
  const sym = obj.symbols[r.symbol]
  if (!sym || typeof sym.shndx !== 'number') return undefined
  const section = obj.sections[sym.shndx]
  if (!section?.flags.includes('X')) return undefined
  // A data field's PC-relative value is relative to the field itself: the target is S + A.
  const target = (sym.type === 'SECTION' ? 0 : sym.value) + r.addend
  const fn = symbolAt(obj, sym.shndx, target)
  return fn?.type === 'FUNC' ? { name: fn.name, at: target - fn.value } : undefined
}

/** The code a target points at in a section without symbols (`.altinstr_replacement`). */
function replacement(obj: ElfObject, r: ElfReloc, length: number): string | undefined {
  const sym = obj.symbols[r.symbol]
  if (sym?.type !== 'SECTION' || typeof sym.shndx !== 'number') return undefined
  const section: ElfSection | undefined = obj.sections[sym.shndx]
  if (!section?.bytes || !section.flags.includes('X')) return undefined
  const at = r.addend
  const inside = (obj.relocs.get(section.index) ?? [])
    .filter(x => x.offset >= at && x.offset < at + length)
    .map(x => `${x.offset - at}:${relocTarget(obj, x, section.bytes)}`)
  const bytes = Array.from(section.bytes.subarray(at, at + length), b =>
    b.toString(16).padStart(2, '0')
  )
  return `${bytes.join('')}${inside.length > 0 ? `{${inside.join(';')}}` : ''}`
}

/**
 * Every entry of the object's tables, put on the function whose code its first field points
 * into, written so that two builds compare: targets inside the owner as offsets into it, other
 * functions by name, keys and strings as `relocTarget` names them, the rest of the entry's bytes
 * as they are. Entries no function owns go under `''`.
 */
export function specialEntries(obj: ElfObject): SpecialEntries {
  const out: SpecialEntries = new Map()
  for (const section of obj.sections) {
    const size = section ? TABLES.get(section.name) : undefined
    if (!section || size === undefined || !section.bytes) continue
    const relocs = [...(obj.relocs.get(section.index) ?? [])].sort((a, b) => a.offset - b.offset)
    const entries: Array<{ owner: string; at: number; text: string }> = []
    for (let e = 0; e + size <= section.bytes.length; e += size) {
      const fields = relocs.filter(r => r.offset >= e && r.offset < e + size)
      const bytes = section.bytes.slice(e, e + size)
      for (const r of fields) bytes.fill(0, r.offset - e, r.offset - e + relocWidth(r.type))
      const wheres = fields.map(r => inFunction(obj, r))
      const first = wheres[0]
      const owner = first?.name ?? ''
      const parts = fields.map((r, f) => {
        const where = wheres[f]
        if (where) return where.name === owner ? `+${where.at}` : `${where.name}+${where.at}`
        // .altinstructions: the replacement's length is the entry's last byte.
        const code = replacement(obj, r, section.name === '.altinstructions' ? bytes[size - 1] : 0)
        return code ?? relocTarget(obj, r, undefined)
      })
      const raw = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
      entries.push({
        owner,
        at: first?.at ?? e,
        text: `${normaliseName(section.name)} ${parts.join(',')} ${raw}`
      })
    }
    entries.sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : a.at - b.at))
    for (const { owner, text } of entries) {
      const list = out.get(owner) ?? []
      list.push(text)
      out.set(owner, list)
    }
  }
  return out
}

/** What differs between a function's entries before and after, or undefined when nothing does. */
export function specialDifference(
  pre: SpecialEntries,
  post: SpecialEntries,
  name: string
): string | undefined {
  const a = pre.get(name) ?? []
  const b = post.get(name) ?? []
  if (a.length === b.length && a.every((x, i) => x === b[i])) return undefined
  const section = (b.find((x, i) => x !== a[i]) ?? a.find((x, i) => x !== b[i]) ?? '').split(' ')[0]
  return a.length === b.length
    ? `its ${section} entries differ`
    : `${a.length} → ${b.length} ${section} entries`
}
