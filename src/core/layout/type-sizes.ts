import { maskCommentsAndStrings } from '../source/mask.js'
import { layoutOf, type Resolve } from './struct-layout.js'

/** One definition of a named type, as found in a file of the TU. */
type Definition =
  | { kind: 'struct' | 'union'; body: string }
  | { kind: 'alias'; type: string }
  /** Laid out with attributes or other text this does not read. */
  | { kind: 'opaque' }

const RECORD = /\b(typedef\s+)?(struct|union)\s+([A-Za-z_]\w*\s*)?\{/g
const ALIAS = /\btypedef\s+([^;{}()#]+?)\s+([A-Za-z_]\w*)\s*;/g
const PLAIN_TRAILER = /^\s*(?:[A-Za-z]\w*\s*(?:,\s*[A-Za-z]\w*\s*)*)?$/

/**
 * Sizes of the named types one TU sees (`struct list_head`, `refcount_t`), read from the TU's
 * files. A name defined more than once with different texts (alternatives under `#ifdef`, a struct
 * of the same tag in two headers) has no size here: only an unambiguous definition is used.
 */
export class TypeSizes {
  private index: Map<string, Definition[]> | undefined
  private readonly sizes = new Map<string, { size: number; align: number } | undefined>()
  private readonly pending = new Set<string>()

  constructor(
    private readonly files: () => readonly string[],
    private readonly textOf: (path: string) => string | undefined | false
  ) {}

  readonly resolve: Resolve = (name, enumSize) => {
    const key = `${enumSize}\u0000${name}`
    if (this.sizes.has(key)) return this.sizes.get(key)
    if (this.pending.has(key)) return undefined
    this.pending.add(key)
    const size = this.measure(name, enumSize)
    this.pending.delete(key)
    this.sizes.set(key, size)
    return size
  }

  private measure(name: string, enumSize: number): { size: number; align: number } | undefined {
    const defs = this.definitions().get(name) ?? []
    const distinct = new Map(defs.map(d => [JSON.stringify(d), d]))
    if (distinct.size !== 1) return undefined
    const [def] = distinct.values()
    if (def.kind === 'opaque') return undefined
    if (def.kind === 'alias') {
      const layout = layoutOf(`${def.type} x;`, 'struct', this.resolve, enumSize)
      return layout && { size: layout.size, align: layout.align }
    }
    const layout = layoutOf(def.body, def.kind, this.resolve, enumSize)
    return layout && { size: layout.size, align: layout.align }
  }

  private definitions(): Map<string, Definition[]> {
    if (this.index) return this.index
    const index = new Map<string, Definition[]>()
    const add = (name: string, d: Definition): void => {
      const list = index.get(name) ?? []
      list.push(d)
      index.set(name, list)
    }
    for (const file of this.files()) {
      const raw = this.textOf(file)
      if (typeof raw !== 'string') continue
      const text = maskCommentsAndStrings(raw)
      for (const m of text.matchAll(RECORD)) {
        const open = (m.index ?? 0) + m[0].length - 1
        const close = matchBrace(text, open)
        if (close < 0) continue
        const semi = text.indexOf(';', close)
        const trailer = semi < 0 ? '' : text.slice(close + 1, semi)
        const kind = m[2] as 'struct' | 'union'
        const plain = PLAIN_TRAILER.test(trailer)
        const body = text.slice(open + 1, close).trim()
        const def: Definition = plain ? { kind, body } : { kind: 'opaque' }
        const tag = m[3]?.trim()
        if (tag) add(`${kind} ${tag}`, def)
        if (m[1]) {
          const names = trailer.match(/[A-Za-z_]\w*/g) ?? []
          for (const n of names) add(n, def)
        }
      }
      for (const m of text.matchAll(ALIAS)) {
        if (/\b(?:struct|union)\s*$/.test(m[1]) || /\{/.test(m[1])) continue
        add(m[2], { kind: 'alias', type: m[1].replace(/\s+/g, ' ').trim() })
      }
    }
    this.index = index
    return index
  }
}

function matchBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}
