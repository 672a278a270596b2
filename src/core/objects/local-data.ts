import { coldParent } from './cold-parts.js'
import type { ElfObject } from './elf-text.js'
import type { SymbolComparison } from './model.js'
import { isPcRelative, ripTail, symbolAt } from './reloc.js'

/**
 * The functions whose code references each data symbol, by the data symbol's name. The assembler
 * turns a reference to a local symbol into one to its section plus an offset, so a section-relative
 * relocation counts for the data symbol that covers it. A `.cold` part counts as its parent.
 */
export function referrers(obj: ElfObject): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const fn of obj.symbols) {
    if (!fn || fn.type !== 'FUNC' || fn.size === 0 || typeof fn.shndx !== 'number') continue
    const owner = coldParent(fn.name) ?? fn.name
    for (const r of obj.relocs.get(fn.shndx) ?? []) {
      if (r.offset < fn.value || r.offset >= fn.value + fn.size) continue
      const sym = obj.symbols[r.symbol]
      if (!sym || typeof sym.shndx !== 'number') continue
      const adj = isPcRelative(r.type) ? ripTail(obj.sections[fn.shndx]?.bytes, r.offset) : 0
      const data = sym.type === 'SECTION' ? symbolAt(obj, sym.shndx, r.addend + adj) : sym
      if (!data || !/^(OBJECT|TLS)$/.test(data.type)) continue
      const set = out.get(data.name) ?? new Set<string>()
      set.add(owner)
      out.set(data.name, set)
    }
  }
  return out
}

const OWNED = new Set(['function-local', 'call-site'])

/**
 * A function-scope static (`static DEFINE_RATELIMIT_STATE(_rs, ...)`) or a `pr_debug` call site's
 * descriptor belongs to the functions that use it: when its initial value changes, those
 * functions must be replaced (a livepatch's copy of them carries the new value), even when their
 * instructions are identical. The change is folded into theirs; one that no function uses stays a
 * data change of its own (`global`).
 */
export function foldLocalData(
  symbols: SymbolComparison[],
  users: [Map<string, Set<string>>, Map<string, Set<string>>]
): SymbolComparison[] {
  const functions = new Map<string, number>()
  symbols.forEach((s, i) => {
    if (s.kind === 'function') functions.set(s.name, i)
  })
  const out = [...symbols]
  for (let i = 0; i < out.length; i++) {
    const s = out[i]
    if (s.kind !== 'data' || !OWNED.has(s.dataClass ?? '')) continue
    if (s.verdict !== 'changed' && s.verdict !== 'line-only') continue
    const owners = [...(users[1].get(s.name) ?? users[0].get(s.name) ?? [])].filter(n =>
      functions.has(n)
    )
    if (owners.length === 0) {
      if (s.verdict === 'changed') out[i] = { ...s, dataClass: 'global' }
      continue
    }
    out[i] = { ...s, owners: owners.sort() }
    for (const name of owners) {
      const at = functions.get(name) as number
      const fn = out[at]
      const what = `${s.dataClass === 'call-site' ? 'its call-site descriptor' : 'its static'} ${s.name}`
      if (s.verdict === 'changed' && (fn.verdict === 'unchanged' || fn.verdict === 'line-only'))
        out[at] = { ...fn, verdict: 'changed', detail: `${what} changed: ${s.detail ?? ''}` }
      else if (s.verdict === 'line-only' && fn.verdict === 'unchanged')
        out[at] = { ...fn, verdict: 'line-only', detail: `${s.detail ?? ''} (in ${what})` }
    }
  }
  return out
}
