import type { ElfObject, ElfSection } from './elf-text.js'
import { sectionReferences } from './reloc.js'
import { normaliseName } from './names.js'
import { sliceOf } from './slices.js'

/**
 * Sections whose contents mirror the code of the functions beside them, compared with those
 * functions or not kept at all: the tables special-sections and bug-table read per function, the
 * lists objtool and GCC make of call sites, returns, lock prefixes and fentry calls (each entry
 * points into a function, and moves when that function's code does), ORC unwind data, and the
 * out-of-line code of alternatives and exception fixups (`.altinstr_replacement`, read through
 * `.altinstructions`; `static_cpu_has`'s test in `.altinstr_aux` and a `.fixup` stub, read
 * through the function that jumps there or the `__ex_table` entry that names them: relocTarget
 * writes such code by its bytes; each jumps back into its function, so it moves when that
 * function's code does). kpatch's create-diff-object treats the same list as metadata of the
 * functions it patches.
 */
const MIRRORS = new Set([
  '__jump_table',
  '__ex_table',
  '.altinstructions',
  '.parainstructions',
  '.static_call_sites',
  '__bug_table',
  '__mcount_loc',
  '__patchable_function_entries',
  '.smp_locks',
  '.retpoline_sites',
  '.return_sites',
  '.call_sites',
  '.ibt_endbr_seal',
  '.kcfi_traps',
  '.orc_unwind',
  '.orc_unwind_ip',
  '.orc_header',
  '.altinstr_replacement',
  '.altinstr_aux',
  '.fixup'
])

function compared(section: ElfSection | undefined): section is ElfSection {
  if (!section?.bytes || !section.flags.includes('A')) return false
  // Mergeable strings and constants are read through what points at them (relocTarget).
  if (section.flags.includes('M')) return false
  if (/^\.(discard|note|eh_frame)/.test(section.name)) return false
  return !MIRRORS.has(section.name)
}

/** `[start, end)` ranges of each section that a named symbol holds (a label: to the next symbol). */
function covered(obj: ElfObject): Map<number, Array<[number, number]>> {
  const starts = new Map<number, number[]>()
  const named = obj.symbols.filter(
    s =>
      s !== undefined &&
      typeof s.shndx === 'number' &&
      s.type !== 'SECTION' &&
      s.type !== 'FILE' &&
      s.name !== '' &&
      !s.name.startsWith('.L')
  )
  for (const s of named) {
    const list = starts.get(s.shndx as number) ?? []
    list.push(s.value)
    starts.set(s.shndx as number, list)
  }
  for (const list of starts.values()) list.sort((a, b) => a - b)
  const out = new Map<number, Array<[number, number]>>()
  for (const s of named) {
    const index = s.shndx as number
    const end =
      s.size > 0
        ? s.value + s.size
        : (starts.get(index)?.find(v => v > s.value) ?? obj.sections[index]?.size ?? s.value)
    const list = out.get(index) ?? []
    list.push([s.value, end])
    out.set(index, list)
  }
  return out
}

/** GCC's and gas's padding between functions (nops of every length, int3) and between data. */
const PADDING = new Set([0x00, 0x90, 0xcc, 0x66, 0x0f, 0x1f, 0x2e, 0x40, 0x44, 0x80, 0x84])

function isPadding(bytes: Uint8Array, code: boolean): boolean {
  return code ? bytes.length < 64 && bytes.every(b => PADDING.has(b)) : bytes.every(b => b === 0)
}

/**
 * The pieces of each section that no symbol holds and nothing compares through a reference,
 * written so that two builds compare (bytes with relocation fields zeroed, then what each
 * relocation points at), by section name. What a top-level `asm()` writes after an assembler-local
 * label only (`.Lthunk: ret`), or into a table no label names, is nowhere else: a fix that changes
 * it through an `#if` or a macro changes no function and no data object. A read-only anonymous
 * object that something points at (a switch table, a local array's initial values) is compared
 * as part of what points at it (relocTarget); one in code or writable data only by its offset,
 * so it is compared here too.
 */
export function unownedPieces(obj: ElfObject): Map<string, string[]> {
  const refs = sectionReferences(obj)
  const cover = covered(obj)
  const out = new Map<string, string[]>()
  for (const section of obj.sections) {
    if (!compared(section)) continue
    const ranges = (cover.get(section.index) ?? []).sort((a, b) => a[0] - b[0])
    const points = [...(refs.get(section.index) ?? [])]
    const cuts = [...new Set([...points, ...ranges.map(r => r[0])])].sort((a, b) => a - b)
    const readOnly = !section.flags.includes('X') && !section.flags.includes('W')
    const pointed = new Set(points)
    const code = section.flags.includes('X')
    let at = 0
    const gaps: Array<[number, number]> = []
    for (const [start, end] of [...ranges, [section.size, section.size] as [number, number]]) {
      if (start > at) gaps.push([at, start])
      at = Math.max(at, end)
    }
    for (const [gapStart, gapEnd] of gaps) {
      let from = gapStart
      while (from < gapEnd) {
        const to = Math.min(gapEnd, cuts.find(c => c > from) ?? gapEnd)
        if (!(readOnly && pointed.has(from))) {
          const slice = sliceOf(obj, section, from, to)
          const bytes = slice.bytes ?? new Uint8Array(0)
          if (slice.relocs.length > 0 || !isPadding(bytes, code)) {
            const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
            const inner = slice.relocs.map(r => `${r.at}:${r.target}`).join(';')
            const name = normaliseName(section.name)
            const list = out.get(name) ?? []
            list.push(inner ? `${hex}{${inner}}` : hex)
            out.set(name, list)
          }
        }
        from = to
      }
    }
  }
  return out
}

/**
 * The sections whose unowned pieces differ between the builds (as multisets: a piece that moved
 * is the same piece), each with how many pieces only one build has.
 */
export function unownedDifferences(pre: ElfObject, post: ElfObject): string[] {
  const a = unownedPieces(pre)
  const b = unownedPieces(post)
  const out: string[] = []
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const left = new Map<string, number>()
    for (const p of a.get(name) ?? []) left.set(p, (left.get(p) ?? 0) + 1)
    let added = 0
    for (const p of b.get(name) ?? []) {
      const n = left.get(p) ?? 0
      if (n > 0) left.set(p, n - 1)
      else added++
    }
    const removed = [...left.values()].reduce((s, n) => s + n, 0)
    if (added + removed === 0) continue
    const counts = [
      removed > 0 ? `${removed} only before` : '',
      added > 0 ? `${added} only after` : ''
    ]
    out.push(`${name} (piece(s): ${counts.filter(Boolean).join(', ')})`)
  }
  return out
}
