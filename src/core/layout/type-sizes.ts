import { maskCommentsAndStrings } from '../source/mask.js'
import { evaluateCondition } from '../config/expr.js'
import { layoutOf, type Resolve } from './struct-layout.js'
import { matchBrace } from '../text/parens.js'
import { ALIGNED, alignedValue, raised } from './aligned.js'

/** One definition of a named type, as found in a file of the TU. */
type Definition =
  /** `aligned`: the expression of an `__aligned(N)` after the body, which raises the alignment. */
  | { kind: 'struct' | 'union'; body: string; aligned?: string }
  | { kind: 'alias'; type: string }
  /** A typedef of a function pointer (`work_func_t`): a pointer. */
  | { kind: 'function-pointer' }
  /** Laid out with attributes or other text this does not read. */
  | { kind: 'opaque' }

const RECORD = /\b(typedef\s+)?(struct|union)\s+([A-Za-z_]\w*\s*)?\{/g
const ALIAS = /\btypedef\s+([^;{}()#]+?)\s+([A-Za-z_]\w*)\s*;/g
const FUNCTION_POINTER = /\btypedef\s+[^;{}#]*?\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\([^;{}]*\)\s*;/g
/** An object-like macro on one line (`#define MAX_PHYS_ITEM_ID_LEN 32`). */
const CONSTANT = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(?:[ \t]+([^\n\\]*?))?[ \t]*$/gm
const PLAIN_TRAILER = /^\s*(?:[A-Za-z]\w*\s*(?:,\s*[A-Za-z]\w*\s*)*)?$/

/**
 * Sizes of the named types one TU sees (`struct list_head`, `refcount_t`), read from the TU's
 * files. A name defined more than once with different texts (alternatives under `#ifdef`, a struct
 * of the same tag in two headers) has no size here: only an unambiguous definition is used.
 */
export class TypeSizes {
  private index: Map<string, Definition[]> | undefined
  private macros: Map<string, Set<string>> | undefined
  private readonly constants = new Map<string, number | null>()
  private readonly sizes = new Map<
    string,
    { size: number; align: number; type?: string } | undefined
  >()
  private readonly pending = new Set<string>()

  constructor(
    private readonly files: () => readonly string[],
    private readonly textOf: (path: string) => string | undefined | false,
    /**
     * A file (its text with comments blanked) as the build's `.config` keeps it (configuredText):
     * a definition in the other branch of an `#ifdef` is not one this build sees, nor a member.
     */
    private readonly configure?: (masked: string) => string
  ) {}

  readonly resolve: Resolve = Object.assign(
    (name: string, enumSize: number) => this.sized(name, enumSize),
    { constant: (expr: string) => this.constant(expr) }
  )

  /**
   * The value of an array length (`MAX_PHYS_ITEM_ID_LEN`, `NFS4_MAX_MINOR_VERSION + 1`): literals
   * and object-like macros the TU's files define once, to one value, as the `.config` keeps them.
   */
  private constant(expr: string): number | undefined {
    this.definitions()
    const v = evaluateCondition(expr, {
      value: name => this.macroValue(name),
      defined: () => null
    })
    return v !== null && Number.isSafeInteger(v) && v >= 0 ? v : undefined
  }

  private macroValue(name: string): number | null {
    if (this.constants.has(name)) return this.constants.get(name) ?? null
    this.constants.set(name, null)
    const bodies = this.macros?.get(name)
    const v =
      bodies?.size === 1
        ? evaluateCondition([...bodies][0], {
            value: n => this.macroValue(n),
            defined: () => null
          })
        : null
    this.constants.set(name, v)
    return v
  }

  private sized(
    name: string,
    enumSize: number
  ): { size: number; align: number; type?: string } | undefined {
    const key = `${enumSize}\u0000${name}`
    if (this.sizes.has(key)) return this.sizes.get(key)
    if (this.pending.has(key)) return undefined
    this.pending.add(key)
    const size = this.measure(name, enumSize)
    this.pending.delete(key)
    this.sizes.set(key, size)
    return size
  }

  private measure(
    name: string,
    enumSize: number
  ): { size: number; align: number; type?: string } | undefined {
    const defs = this.definitions().get(name) ?? []
    // A tag renamed by a macro (`#define rcu_head callback_head`, include/linux/types.h).
    const tag = /^(struct|union) (\w+)$/.exec(name)
    const renamed = tag && defs.length === 0 ? this.macros?.get(tag[2]) : undefined
    if (renamed?.size === 1) {
      const [to] = renamed
      if (/^[A-Za-z_]\w*$/.test(to) && to !== tag?.[2])
        return this.resolve(`${tag?.[1]} ${to}`, enumSize)
    }
    const distinct = new Map(defs.map(d => [JSON.stringify(d), d]))
    if (distinct.size === 0)
      return defs.length === 0 ? this.alignedMacro(name, enumSize) : undefined
    // Alternatives (another arch's header, the other branch of an `#if` the .config does not
    // decide) may stand: whichever the TU compiles, they must all measure alike.
    const measured = [...distinct.values()].map(d => this.measureOne(d, enumSize))
    const [first] = measured
    if (!first) return undefined
    const same = measured.every(
      m => m && m.size === first.size && m.align === first.align && m.type === first.type
    )
    return same ? first : undefined
  }

  /**
   * A type spelled through an object-like macro that adds an alignment (`#define __aligned_u64
   * __u64 __attribute__((aligned(8)))`, include/uapi/linux/types.h): the member is the type,
   * aligned to N, its size kept. Only where N is at least the type's own alignment (see below).
   */
  private alignedMacro(
    name: string,
    enumSize: number
  ): { size: number; align: number; type?: string } | undefined {
    const bodies = /^[A-Za-z_]\w*$/.test(name) ? this.macros?.get(name) : undefined
    if (bodies?.size !== 1) return undefined
    const [body] = bodies
    const at = body.search(/\s(?:__aligned\s*\(|__attribute__\s*\(\()/)
    if (at < 0) return undefined
    const aligned = ALIGNED.exec(body.slice(at))
    if (!aligned || body.slice(at + aligned[0].length).trim() !== '') return undefined
    const n = alignedValue(aligned[1] ?? aligned[2], expr => this.constant(expr))
    const layout = n && layoutOf(`${body.slice(0, at).trim()} x;`, 'struct', this.resolve, enumSize)
    const type = layout ? layout.members.get('x')?.type : undefined
    // Below the type's own alignment the attribute lowers it through a typedef (the kernel's
    // `compat_u64`) but not on a member: which one a use is, this does not tell.
    if (!n || !layout || type === undefined || n < layout.align) return undefined
    return { size: layout.size, align: n, type }
  }

  private measureOne(
    def: Definition,
    enumSize: number
  ): { size: number; align: number; type?: string } | undefined {
    if (def.kind === 'opaque') return undefined
    if (def.kind === 'function-pointer') return { size: 8, align: 8 }
    if (def.kind === 'alias') {
      const layout = layoutOf(`${def.type} x;`, 'struct', this.resolve, enumSize)
      const type = layout?.members.get('x')?.type
      return layout && { size: layout.size, align: layout.align, ...(type ? { type } : {}) }
    }
    const layout = layoutOf(def.body, def.kind, this.resolve, enumSize)
    if (!layout) return undefined
    if (def.aligned === undefined) return { size: layout.size, align: layout.align }
    const n = alignedValue(def.aligned, expr => this.constant(expr))
    return n === undefined ? undefined : raised(layout, n)
  }

  private definitions(): Map<string, Definition[]> {
    if (this.index) return this.index
    const index = new Map<string, Definition[]>()
    const macros = new Map<string, Set<string>>()
    const add = (name: string, d: Definition): void => {
      const list = index.get(name) ?? []
      list.push(d)
      index.set(name, list)
    }
    for (const file of this.files()) {
      const raw = this.textOf(file)
      if (typeof raw !== 'string') continue
      const masked = maskCommentsAndStrings(raw)
      const text = this.configure ? this.configure(masked) : masked
      for (const m of text.matchAll(RECORD)) {
        const open = (m.index ?? 0) + m[0].length - 1
        const close = matchBrace(text, open)
        if (close < 0) continue
        const semi = text.indexOf(';', close)
        const trailer = semi < 0 ? '' : text.slice(close + 1, semi)
        const kind = m[2] as 'struct' | 'union'
        const aligned = ALIGNED.exec(trailer)
        const rest = aligned ? trailer.slice(aligned[0].length) : trailer
        const plain = PLAIN_TRAILER.test(rest)
        const body = text.slice(open + 1, close).trim()
        const def: Definition = !plain
          ? { kind: 'opaque' }
          : aligned
            ? { kind, body, aligned: aligned[1] ?? aligned[2] }
            : { kind, body }
        const tag = m[3]?.trim()
        if (tag) add(`${kind} ${tag}`, def)
        if (m[1]) {
          const names = rest.match(/[A-Za-z_]\w*/g) ?? []
          for (const n of names) add(n, def)
        }
      }
      for (const m of text.matchAll(FUNCTION_POINTER)) add(m[1], { kind: 'function-pointer' })
      for (const m of text.matchAll(CONSTANT)) {
        const bodies = macros.get(m[1]) ?? new Set<string>()
        bodies.add((m[2] ?? '').replace(/\s+/g, ' '))
        macros.set(m[1], bodies)
      }
      for (const m of text.matchAll(ALIAS)) {
        if (/\b(?:struct|union)\s*$/.test(m[1]) || /\{/.test(m[1])) continue
        add(m[2], { kind: 'alias', type: m[1].replace(/\s+/g, ' ').trim() })
      }
    }
    this.index = index
    this.macros = macros
    return index
  }
}
