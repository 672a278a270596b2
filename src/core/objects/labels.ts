import type { Finding } from '../model.js'
import { dataClass } from './data-class.js'
import type { ElfObject, ElfSection, ElfSymbol } from './elf-text.js'
import type { SymbolComparison } from './model.js'
import { normaliseName } from './names.js'
import { sliceOf, type Slice } from './slices.js'

/**
 * A label without a symbol type (`NOTYPE`) in an allocated section, outside every function and
 * data object: what a top-level `asm()` defines. The kernel writes some of its tables so (x86_64's
 * initcall entries, `__initcall__kmod_vt__325_4335_vtconsole_class_init2`, and the export table's
 * `__ksymtab_*`), and a C file may define a thunk. The comparison by function and data object
 * never saw them: a fix that adds an initcall, or changes such a thunk through an `#if` or a
 * macro, changed nothing it could tell. A label's extent runs to the next symbol of its section.
 */
interface LabelSlice extends Slice {
  symbol: ElfSymbol
  section: ElfSection
  /** What pairs it with its counterpart: the name without the numbers a rebuild moves. */
  key: string
}

/**
 * `__initcall_id` pastes `__COUNTER__` and `__LINE__` between the module name and the function
 * (`__initcall__kmod_vt__325_4335_vtconsole_class_init2`): a line added above renames it.
 */
const INITCALL_ID = /^(__initcall__kmod_\w+?__)\d+_\d+_/

function keyOf(name: string): string {
  return normaliseName(name.replace(INITCALL_ID, '$1'))
}

/** A NOTYPE symbol, or a function or data object a top-level asm() typed but did not size. */
function isLabel(s: ElfSymbol): boolean {
  return s.type === 'NOTYPE' || ((s.type === 'FUNC' || s.type === 'OBJECT') && s.size === 0)
}

function labelKind(s: ElfSymbol): string {
  return s.type === 'NOTYPE' ? 'a label without a symbol type' : 'a label without a size'
}

function labelSlices(obj: ElfObject): LabelSlice[] {
  const bySection = new Map<number, ElfSymbol[]>()
  for (const s of obj.symbols) {
    if (!s || typeof s.shndx !== 'number' || s.type === 'SECTION' || s.type === 'FILE') continue
    const list = bySection.get(s.shndx)
    if (list) list.push(s)
    else bySection.set(s.shndx, [s])
  }
  const out: LabelSlice[] = []
  for (const [index, symbols] of bySection) {
    const section = obj.sections[index]
    if (!section?.flags.includes('A')) continue
    const sized = symbols.filter(s => s.type !== 'NOTYPE' && s.size > 0)
    const starts = [...new Set(symbols.map(s => s.value))].sort((a, b) => a - b)
    for (const symbol of symbols) {
      // Assembler-local names (`.LC3`) are GCC's own: what points at them is compared. A typed
      // symbol without a size (`.type thunk,@function` and no `.size`) holds what a label holds.
      if (!isLabel(symbol) || symbol.name === '' || symbol.name.startsWith('.L')) continue
      const inside = sized.some(s => symbol.value >= s.value && symbol.value < s.value + s.size)
      if (inside) continue
      const next = starts.find(v => v > symbol.value) ?? section.size
      out.push({
        symbol,
        section,
        key: keyOf(symbol.name),
        ...sliceOf(obj, section, symbol.value, next)
      })
    }
  }
  return out
}

function byKey(labels: LabelSlice[]): Map<string, LabelSlice[]> {
  const map = new Map<string, LabelSlice[]>()
  for (const l of labels) {
    const list = map.get(l.key)
    if (list) list.push(l)
    else map.set(l.key, [l])
  }
  return map
}

function sameSlice(a: LabelSlice, b: LabelSlice): boolean {
  if (a.bytes?.length !== b.bytes?.length || a.relocs.length !== b.relocs.length) return false
  if (a.bytes && b.bytes && a.bytes.some((x, i) => x !== b.bytes?.[i])) return false
  return a.relocs.every((r, i) => r.at === b.relocs[i].at && r.target === b.relocs[i].target)
}

/**
 * The labels of one TU's object before and after a fix, paired by key: those of data sections as
 * data objects (an initcall entry is boot-time data, an export entry the export table's: see
 * dataClass), those of code sections as findings, since no function replacement carries code
 * that no function holds.
 */
export function compareLabels(
  pre: ElfObject,
  post: ElfObject,
  file: string,
  /** Every symbol name of both objects (see dataClass). */
  names: ReadonlySet<string>
): { symbols: SymbolComparison[]; findings: Finding[] } {
  const before = byKey(labelSlices(pre))
  const after = byKey(labelSlices(post))
  const symbols: SymbolComparison[] = []
  const findings: Finding[] = []
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const left = before.get(key) ?? []
    const right = after.get(key) ?? []
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const [x, y] = [left[i], right[i]]
      const s = y ?? x
      const verdict = !x ? 'added' : !y ? 'removed' : sameSlice(x, y) ? 'unchanged' : 'changed'
      if (verdict === 'unchanged') continue
      const where = `${s.symbol.name} in ${s.section.name}`
      if (s.section.flags.includes('X')) {
        const how = verdict === 'added' ? 'is new' : verdict === 'removed' ? 'is gone' : 'differs'
        findings.push({
          kind: 'object-compare',
          severity: 'unresolved',
          file,
          message: `${file}: code at ${where}, ${labelKind(s.symbol)} (a top-level asm()), ${how} in the patched build: no function holds it, so no function replacement carries it`
        })
        continue
      }
      symbols.push({
        name: s.symbol.name,
        kind: 'data',
        verdict,
        detail: `${labelKind(s.symbol)}, in ${s.section.name}`,
        dataClass: dataClass(s.symbol.name, s.section.name, names)
      })
    }
  }
  for (const f of absoluteFindings(pre, post, file)) findings.push(f)
  return { symbols, findings }
}

/**
 * Symbols a top-level asm() sets to a value (`.set limit, 2`) hold no bytes: code that reads
 * `(long)&limit` gets the value at link time, through a relocation naming the symbol alike.
 */
function absoluteFindings(pre: ElfObject, post: ElfObject, file: string): Finding[] {
  const values = (obj: ElfObject): Map<string, number> =>
    new Map(
      obj.symbols
        // A module version CRC (`__crc_*`, kbuild's `ld -r` before 5.19) follows the types an
        // export's prototype names, not the code: the running kernel keeps its own.
        .filter(
          s =>
            s !== undefined &&
            s.shndx === 'ABS' &&
            s.type !== 'FILE' &&
            s.name !== '' &&
            !s.name.startsWith('__crc_')
        )
        .map(s => [s.name, s.value])
    )
  const [a, b] = [values(pre), values(post)]
  const out: Finding[] = []
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const [x, y] = [a.get(name), b.get(name)]
    if (x === y) continue
    const hex = (v: number | undefined): string =>
      v === undefined ? 'none' : `0x${v.toString(16)}`
    out.push({
      kind: 'object-compare',
      severity: 'unresolved',
      file,
      message: `${file}: absolute symbol ${name} (a value a top-level asm() sets) is ${hex(y)} in the patched build (${hex(x)} before): code reading it gets it at link time, and no function replacement carries that`
    })
  }
  return out
}
