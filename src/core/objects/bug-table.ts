import type { ElfObject } from './elf-text.js'
import { relocTarget, symbolAt } from './reloc.js'

/** One WARN/BUG site: where in its function, and the file and line it reports. */
export interface BugEntry {
  at: number
  file: string
  line: number
  flags: number
}

/**
 * The kernel's `__bug_table` (CONFIG_GENERIC_BUG_RELATIVE_POINTERS with BUGVERBOSE, as on x86-64
 * and arm64): 12-byte entries `{ s32 bug_addr_disp; s32 file_disp; u16 line; u16 flags; }`, the
 * two displacements relocated. The entries live outside the functions they describe, so a WARN
 * whose line moved changes no byte of its function: each entry is given to the function its
 * address points into. Returns undefined when the section has another layout.
 */
export function bugEntries(obj: ElfObject): Map<string, BugEntry[]> | undefined {
  const out = new Map<string, BugEntry[]>()
  const table = obj.sections.find(s => s?.name === '__bug_table')
  if (!table) return out
  const relocs = obj.relocs.get(table.index) ?? []
  if (!table.bytes || relocs.length * 6 !== table.size) return undefined
  const byOffset = new Map(relocs.map(r => [r.offset, r]))
  const view = new DataView(table.bytes.buffer, table.bytes.byteOffset, table.bytes.byteLength)
  for (let e = 0; e + 12 <= table.size; e += 12) {
    const addr = byOffset.get(e)
    const file = byOffset.get(e + 4)
    if (!addr || !file) return undefined
    const sym = obj.symbols[addr.symbol]
    if (!sym || typeof sym.shndx !== 'number') continue
    const pos = (sym.type === 'SECTION' ? 0 : sym.value) + addr.addend
    const fn = symbolAt(obj, sym.shndx, pos)
    if (!fn) continue
    const list = out.get(fn.name) ?? []
    list.push({
      at: pos - fn.value,
      file: relocTarget(obj, file, undefined),
      line: view.getUint16(e + 8, true),
      flags: view.getUint16(e + 10, true)
    })
    out.set(fn.name, list)
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at)
  return out
}
