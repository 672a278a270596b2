/** One symbol as kallsyms will list it. */
export interface Sym {
  name: string
  addr: bigint
  func: boolean
  global: boolean
  /** Basename of the preceding FILE symbol (`tcp.c`), readelf input only, locals only. */
  file?: string
}

/** Which input a table came from; a richer one replaces a poorer one for the same object. */
export type SymSource = 'system-map' | 'nm' | 'kallsyms' | 'readelf'

export const SOURCE_RANK: Record<SymSource, number> = {
  'system-map': 0,
  nm: 1,
  kallsyms: 2,
  readelf: 3
}

/**
 * nm letters kallsyms keeps: undefined (U, v/w without address), absolute (a/A) and debug (N)
 * symbols never reach the kernel's symbol table, so they do not count for `old_sympos`.
 */
const KALLSYMS_TYPES = /^[tTwWdDbBrRvVgGsSiu]$/

/** `[addr [size]] type name` as `nm`, `nm -S`, System.map and /proc/kallsyms print it. */
export function parseNmLines(text: string): Array<Sym & { module?: string }> {
  const out: Array<Sym & { module?: string }> = []
  for (const line of text.split('\n')) {
    const m =
      /^([0-9a-fA-F]+)(?:\s+[0-9a-fA-F]+)?\s+([A-Za-z?-])\s+(\S+)(?:\s+\[(\S+)\])?\s*$/.exec(line)
    if (!m) continue
    const type = m[2]
    if (!KALLSYMS_TYPES.test(type)) continue
    out.push({
      name: m[3],
      addr: BigInt(`0x${m[1]}`),
      func: /^[tTwW]$/.test(type),
      global: type === type.toUpperCase(),
      module: m[4]
    })
  }
  return out
}

/**
 * `readelf -sW` of the `.symtab`. Symbol-table order is what module kallsyms walks, and the FILE
 * symbol opening each run of locals says which TU they came from.
 */
export function parseReadelf(text: string): {
  syms: Sym[]
  /** FILE symbol basenames with how many times each occurs (two `core.c` TUs in one vmlinux). */
  files: Map<string, number>
  /** Names cut to `xxx[...]`: `readelf -s` without `-W` truncates them, which makes the table unusable. */
  truncated: boolean
} {
  const out: Sym[] = []
  const files = new Map<string, number>()
  let truncated = false
  let inSymtab = false
  let file: string | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith('Symbol table ')) {
      inSymtab = line.includes("'.symtab'")
      file = undefined
      continue
    }
    if (!inSymtab) continue
    const m =
      /^\s*\d+:\s+([0-9a-fA-F]+)\s+(?:0x)?[0-9a-fA-F]+\s+(\w+)\s+(\w+)\s+\S+\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(
        line
      )
    if (!m) continue
    const [, value, type, bind, ndx, rawName] = m
    const name = rawName.replace(/@.*$/, '')
    if (name.endsWith('[...]')) truncated = true
    if (type === 'FILE') {
      file = name
      files.set(name, (files.get(name) ?? 0) + 1)
      continue
    }
    // The kernel drops undefined, absolute and unnamed (section) symbols from kallsyms.
    if (ndx === 'UND' || ndx === 'ABS' || type === 'SECTION') continue
    const global = bind !== 'LOCAL'
    out.push({
      name,
      addr: BigInt(`0x${value}`),
      func: type === 'FUNC' || type === 'IFUNC',
      global,
      file: global ? undefined : file
    })
  }
  return { syms: out, files, truncated }
}
