import { moduleName } from '../kbuild/objects.js'
import { fileName } from '../paths.js'
import type { Finding } from '../model.js'
import { parseNmLines, parseReadelf, SOURCE_RANK, type Sym, type SymSource } from './parse.js'

export interface SymbolLookup {
  /** A function symbol of that exact name is in the object (and, when FILE symbols allow, in that TU). */
  exists: boolean
  /** livepatch `old_sympos`: set only when the name occurs more than once in the object and the TU's symbol is known. */
  sympos?: number
  /** Set when the name is ambiguous: how many same-name function symbols could be the TU's. */
  candidates?: number
  /**
   * Set with `exists: false` when the table is readelf's and names the TU (its FILE symbol) in
   * the object, yet no function of that name is anywhere in the object: a copy the dump keeps was
   * not emitted (GCC inlined every call and wrote no removal line).
   */
  absentFromTu?: boolean
}

export interface SymbolTables {
  mode: 'symbol-tables'
  /** Objects a table was given for (`vmlinux`, module names with `_`). */
  objects: string[]
  /**
   * exists + sympos for a function symbol in an object, optionally restricted to a TU; undefined
   * when no table covers the object.
   */
  lookup(object: string, tu: string, name: string): SymbolLookup | undefined
  /**
   * The function symbols named `name` in the object, each as the basename of its TU when the table
   * says it (readelf FILE symbols, locals) or null; undefined when no table covers the object.
   */
  functionFiles(object: string, name: string): Array<string | null> | undefined
  /** See `SymbolPositions`; undefined when no table covers the object. */
  positions(object: string, tu: string, name: string): SymbolPositions | undefined
}

/** What `old_sympos` can be for one TU's copy of a name. */
export interface SymbolPositions {
  /** Symbols of that name in the object: what the kernel counts (data included) at load time. */
  count: number
  /** 1-based kallsyms positions that may be the TU's function, as far as the table tells. */
  candidates: number[]
}

interface ObjectTable {
  source: SymSource
  path: string
  /** Same-name symbols in kallsyms order, which is what `old_sympos` counts. */
  byName: Map<string, Sym[]>
  /** FILE symbol basenames seen, with their counts (readelf input); empty when locals cannot be attributed to TUs. */
  files: Map<string, number>
}

function kindOf(path: string): { source: SymSource; object?: string } | undefined {
  const base = fileName(path)
  if (base === 'System.map') return { source: 'system-map', object: 'vmlinux' }
  if (base === 'kallsyms' || base.endsWith('.kallsyms')) return { source: 'kallsyms' }
  const m = /^(.+?)(?:\.ko|\.o)?\.(nm|syms)$/.exec(base)
  if (!m) return undefined
  return { source: m[2] === 'nm' ? 'nm' : 'readelf', object: moduleName(m[1]) }
}

/**
 * A table that would judge symbols wrongly is not used at all: the objects it names fall back to
 * the dumps alone, which keeps every copy the dumps cannot rule out.
 */
function refused(path: string, why: string): Finding {
  return {
    kind: 'symbols-mode',
    severity: 'warning',
    message: `${path}: not used as a symbol table: ${why}; its objects are judged from the dumps alone`,
    file: path
  }
}

function index(syms: Sym[], byAddress: boolean): Map<string, Sym[]> {
  // vmlinux kallsyms is sorted by address; a module's kallsyms walks its ELF symtab in order.
  const ordered = byAddress
    ? syms
        .map((s, i) => ({ s, i }))
        .sort((a, b) => (a.s.addr < b.s.addr ? -1 : a.s.addr > b.s.addr ? 1 : a.i - b.i))
        .map(x => x.s)
    : syms
  const byName = new Map<string, Sym[]>()
  for (const s of ordered) {
    const list = byName.get(s.name)
    if (list) list.push(s)
    else byName.set(s.name, [s])
  }
  return byName
}

function lookupIn(table: ObjectTable, tu: string, name: string): SymbolLookup {
  const all = table.byName.get(name) ?? []
  const funcs = all.filter(s => s.func)
  if (funcs.length === 0)
    return (table.files.get(fileName(tu)) ?? 0) > 0
      ? { exists: false, absentFromTu: true }
      : { exists: false }
  // kallsyms counts every symbol of that name, data included, so the position is among `all`.
  const pick = (s: Sym): SymbolLookup =>
    all.length > 1 ? { exists: true, sympos: all.indexOf(s) + 1 } : { exists: true }
  const globals = funcs.filter(s => s.global)
  const file = fileName(tu)
  const sameBase = table.files.get(file) ?? 0
  if (sameBase > 0) {
    const mine = funcs.filter(s => !s.global && s.file === file)
    // FILE symbols carry no directory: with two `core.c` TUs in the object, two `core.c` statics of
    // the name may be either's. One alone is this TU's when it has a copy (the entry's question):
    // the other `core.c` has none. `positionsIn` gives the same single candidate.
    if (mine.length === 1) return pick(mine[0])
    if (mine.length > 1) return { exists: true, candidates: mine.length }
    if (globals.length === 1) return pick(globals[0])
    // Only other TUs' statics carry the name: this TU's copy was inlined away.
    if (globals.length === 0) return { exists: false, absentFromTu: true }
    return { exists: true, candidates: globals.length }
  }
  if (funcs.length === 1) return pick(funcs[0])
  return { exists: true, candidates: funcs.length }
}

/** Same attribution as `lookupIn`; where it cannot pick one copy, every copy it could be. */
function positionsIn(table: ObjectTable, tu: string, name: string): SymbolPositions {
  const all = table.byName.get(name) ?? []
  const funcs = all.filter(s => s.func)
  const at = (list: Sym[]): number[] => list.map(s => all.indexOf(s) + 1)
  const found = lookupIn(table, tu, name)
  if (found.sympos !== undefined) return { count: all.length, candidates: [found.sympos] }
  const file = fileName(tu)
  if ((table.files.get(file) ?? 0) > 0) {
    const mine = funcs.filter(s => !s.global && s.file === file)
    if (mine.length > 0) return { count: all.length, candidates: at(mine) }
    const globals = funcs.filter(s => s.global)
    if (globals.length > 0) return { count: all.length, candidates: at(globals) }
  }
  return { count: all.length, candidates: at(funcs) }
}

/**
 * Accepts `<object>.nm` / `vmlinux.nm` / `System.map` (nm lines), `<object>.syms` (`readelf -sW`,
 * whose FILE symbols attribute locals to their TU) and `kallsyms` (/proc/kallsyms, `[module]`
 * suffixes). For modules, nm must keep symbol-table order (`nm -p`), which is kallsyms order.
 */
export function parseSymbolFiles(files: Map<string, string>): {
  tables: SymbolTables | undefined
  findings: Finding[]
} {
  const findings: Finding[] = []
  const tables = new Map<string, ObjectTable>()
  const offer = (object: string, table: ObjectTable): void => {
    const have = tables.get(object)
    if (!have || SOURCE_RANK[table.source] > SOURCE_RANK[have.source]) tables.set(object, table)
  }

  for (const path of [...files.keys()].sort()) {
    const text = files.get(path) ?? ''
    const kind = kindOf(path)
    if (!kind) {
      findings.push({
        kind: 'symbols-mode',
        severity: 'warning',
        message: `${path}: not a symbol file name this tool reads (System.map, <object>.nm, <object>.syms, kallsyms)`,
        file: path
      })
      continue
    }
    let count: number
    if (kind.source === 'readelf' && kind.object) {
      const { syms, files: tus, truncated } = parseReadelf(text)
      count = syms.length
      if (truncated) {
        findings.push(refused(path, 'names are cut to `...[...]` (readelf -s without -W)'))
        continue
      }
      if (count > 0 && syms.every(s => s.global)) {
        findings.push(refused(path, 'it holds no local symbols (a globals-only listing)'))
        continue
      }
      const byAddress = kind.object === 'vmlinux'
      if (count > 0)
        offer(kind.object, { source: 'readelf', path, byName: index(syms, byAddress), files: tus })
    } else {
      const lines = parseNmLines(text)
      count = lines.length
      const groups = new Map<string, Sym[]>()
      for (const s of lines) {
        const object = kind.object ?? (s.module ? moduleName(s.module) : 'vmlinux')
        const list = groups.get(object)
        if (list) list.push(s)
        else groups.set(object, [s])
      }
      if (count > 0 && lines.every(s => s.global)) {
        findings.push(refused(path, 'it holds no local symbols (`nm -g`?)'))
        continue
      }
      for (const [object, syms] of groups) {
        const byAddress = object === 'vmlinux' && kind.source !== 'kallsyms'
        offer(object, {
          source: kind.source,
          path,
          byName: index(syms, byAddress),
          files: new Map()
        })
      }
    }
    if (count === 0) {
      findings.push({
        kind: 'symbols-mode',
        severity: 'warning',
        message: `${path}: no symbols could be read from it`,
        file: path
      })
    }
  }

  if (tables.size === 0) return { tables: undefined, findings }
  const objects = [...tables.keys()].sort()
  findings.push({
    kind: 'symbols-mode',
    severity: 'info',
    message: `symbol tables given for ${objects.length} object(s): ${objects.slice(0, 10).join(', ')}${objects.length > 10 ? ', ...' : ''}; other objects are judged from the dumps alone`
  })
  return {
    tables: {
      mode: 'symbol-tables',
      objects,
      lookup(object, tu, name) {
        const table = tables.get(object)
        return table ? lookupIn(table, tu, name) : undefined
      },
      functionFiles(object, name) {
        const table = tables.get(object)
        if (!table) return undefined
        // A basename two TUs of the object share attributes nothing (see lookupIn).
        return (table.byName.get(name) ?? [])
          .filter(s => s.func)
          .map(s => (s.file !== undefined && table.files.get(s.file) === 1 ? s.file : null))
      },
      positions(object, tu, name) {
        const table = tables.get(object)
        return table ? positionsIn(table, tu, name) : undefined
      }
    },
    findings
  }
}
