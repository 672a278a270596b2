import type { MacroBodies } from './macro-bodies.js'

/**
 * What a definition between functions that the fix adds does to the kernel. A new variable (or a
 * `DEFINE_MUTEX(x)`-style macro that expands to one) is data no old code references: a livepatch
 * module carries its own copy, and the code that uses it changes (and is listed) on its own. Data
 * placed in a section is different: initcalls, PCI fixups, `__setup` and `__param` entries are
 * tables the kernel walks in its own image, and a livepatch module cannot add to them; `asm` at
 * top level and constructors run or emit what no declaration shows.
 */
export type NewGlobal = { names: string[]; label: string } & (
  | { kind: 'new-data' }
  /** The macro's expansion is a static inline function: nothing is emitted until code calls it. */
  | { kind: 'new-inline' }
  | { kind: 'placed'; via: string[]; what: string }
  | { kind: 'unknown'; reason: string }
)

const IDENT = /[A-Za-z_]\w*/g
const STRINGS = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g
/** Words whose presence in an expansion means the object is more than plain data. */
const PLACED = /\b(?:__section__|section|constructor|destructor|asm|__asm__|__asm)\b/
/** Reach cap: kernel initializer macros reach a few dozen others. */
const REACH_MAX = 3000
/** Parenthesised words that are not calls of an unknown macro. */
const BUILTIN =
  /^(?:sizeof|typeof|__typeof__|__typeof|__attribute__|__attribute|_Alignof|__alignof__|_Static_assert|__builtin_\w+|__extension__)$/

const MACRO_CALL = /^\s*(?:static\s+)?([A-Za-z_]\w*)\s*\(/
const NAME = /^[A-Za-z_]\w*$/
/** A function-like macro whose body is a static inline function's definition. */
const INLINE_DEFINITION =
  /^\([^)]*\)\s*static\s+(?:inline|__inline|__inline__|__always_inline)\b[^;{}=]*\([^;{}]*\)\s*\{/

/**
 * The identifiers a function-like macro's bodies paste from the call's bare-name arguments:
 * cleanup.h's `DEFINE_FREE(_name, ...)` defines `__free_##_name`, so `DEFINE_FREE(fput, ...)`
 * defines `__free_fput` (fput itself is an old function). `bodies` as MacroBodies keeps them: the
 * parameter list first.
 */
function pastedNames(bodies: readonly string[], args: readonly string[]): string[] {
  const out = new Set<string>()
  for (const body of bodies) {
    const head = /^\(([^)]*)\)/.exec(body)
    if (!head) continue
    const params = head[1].split(',').map(p => p.trim())
    const text = body.slice(head[0].length)
    // A pasted piece may be another parameter: its argument then.
    const piece = (w: string | undefined): string | undefined => {
      if (w === undefined) return ''
      const i = params.indexOf(w)
      return i < 0 ? w : NAME.test(args[i] ?? '') ? args[i] : undefined
    }
    params.forEach((p, i) => {
      const arg = args[i]
      if (!NAME.test(p) || arg === undefined || !NAME.test(arg)) return
      const paste = new RegExp(`(?:(\\w+)\\s*##\\s*)?\\b${p}\\b(?:\\s*##\\s*(\\w+))?`, 'g')
      for (const m of text.matchAll(paste)) {
        if (m[1] === undefined && m[2] === undefined) continue
        const [before, after] = [piece(m[1]), piece(m[2])]
        if (before !== undefined && after !== undefined) out.add(`${before}${arg}${after}`)
      }
    })
  }
  return [...out].filter(n => NAME.test(n))
}

/** Top-level comma-separated arguments of the call whose `(` is at `open`. */
function callArguments(code: string, open: number): string[] | undefined {
  const args: string[] = []
  let depth = 0
  let start = open + 1
  for (let i = open; i < code.length; i++) {
    const c = code[i]
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      depth--
      if (depth === 0) {
        args.push(code.slice(start, i).trim())
        return args
      }
    } else if (c === ',' && depth === 1) {
      args.push(code.slice(start, i).trim())
      start = i + 1
    }
  }
  return undefined
}

/**
 * Judges one declaration the fix adds whole. `code`: its text with comments blanked; `name`: the
 * locator's name for it (the declarator, or the callee of a top-level macro invocation);
 * `preIdentifiers`: identifiers the file's pre-image uses. Undefined when nothing it defines is
 * new to the file (a moved or reworded definition is judged as a change).
 */
export function judgeNewGlobal(
  code: string,
  name: string | undefined,
  preIdentifiers: ReadonlySet<string>,
  bodies: MacroBodies
): NewGlobal | undefined {
  const text = code.replace(STRINGS, '""')
  const call = MACRO_CALL.exec(text)
  let names: string[]
  let pasted: string[] = []
  let macro: string | undefined
  if (call && bodies(call[1]) !== undefined) {
    macro = call[1]
    const args = callArguments(text, call[0].length - 1) ?? []
    // The defined object is named by a bare argument that is no macro (`DEFINE_MUTEX(lock)`), or
    // pasted from one (`DEFINE_FREE(fput, ...)` defines `__free_fput`).
    names = args.filter(a => NAME.test(a) && bodies(a) === undefined)
    pasted = pastedNames(bodies(macro) ?? [], args).filter(n => !names.includes(n))
  } else if (call) {
    // `FOO(x);` at top level with FOO no macro of the file or its headers (a generated header).
    if (preIdentifiers.has(call[1])) return undefined
    const reason = `${call[1]} is no macro of the file or its headers: what it expands to is unknown`
    return { kind: 'unknown', names: [call[1]], label: `${call[1]}(...)`, reason }
  } else names = name !== undefined ? [name] : []
  const named = names.filter(n => !preIdentifiers.has(n))
  const fresh = [...named, ...pasted.filter(n => !preIdentifiers.has(n))]
  if (fresh.length === 0) return undefined
  // Named by its arguments where they are new (`DEFINE_CLASS(snd_hda_power)`), else by what the
  // expansion pastes (`DEFINE_FREE(__free_fput)`: fput is an old function).
  const shown = named.length > 0 ? named : fresh
  const label = macro !== undefined ? `${macro}(${shown.join(', ')})` : shown.join(', ')

  // `static inline void __free_fput(void *p) { ... }`: what its body places (a branch-profiling
  // `if` puts data in a section) is emitted only where a caller inlines it, and no old code does.
  if (macro !== undefined && (bodies(macro) ?? []).every(b => INLINE_DEFINITION.test(b)))
    return { kind: 'new-inline', names: fresh, label }
  const own = PLACED.exec(text)
  if (own) return { kind: 'placed', names: fresh, label, via: [], what: own[0] }
  // In a plain definition a call is only valid as a macro; a macro's arguments are its business.
  for (const m of macro === undefined ? text.matchAll(/([A-Za-z_]\w*)\s*\(/g) : []) {
    if (BUILTIN.test(m[1]) || bodies(m[1]) !== undefined) continue
    if (names.includes(m[1])) continue
    return {
      kind: 'unknown',
      names: fresh,
      label,
      reason: `${m[1]}(...) is no macro of the file or its headers: what it expands to is unknown`
    }
  }
  // Every macro the definition may expand to, through every body each has (all #if branches).
  const parent = new Map<string, string | null>()
  const queue: string[] = []
  for (const id of new Set(text.match(IDENT) ?? [])) {
    if (bodies(id) === undefined) continue
    parent.set(id, null)
    queue.push(id)
  }
  for (let i = 0; i < queue.length; i++) {
    if (parent.size > REACH_MAX)
      return { kind: 'unknown', names: fresh, label, reason: 'its macros reach too far to follow' }
    const macro = queue[i]
    for (const body of bodies(macro) ?? []) {
      const hit = PLACED.exec(body.replace(STRINGS, '""'))
      if (hit) {
        const via: string[] = []
        for (let m: string | null | undefined = macro; m; m = parent.get(m)) via.unshift(m)
        return { kind: 'placed', names: fresh, label, via, what: hit[0] }
      }
      for (const id of body.match(IDENT) ?? []) {
        if (parent.has(id) || bodies(id) === undefined) continue
        parent.set(id, macro)
        queue.push(id)
      }
    }
  }
  return { kind: 'new-data', names: fresh, label }
}
