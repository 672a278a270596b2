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
  let macro: string | undefined
  if (call && bodies(call[1]) !== undefined) {
    macro = call[1]
    const args = callArguments(text, call[0].length - 1) ?? []
    // The defined object is named by a bare argument that is no macro (`DEFINE_MUTEX(lock)`).
    names = args.filter(a => /^[A-Za-z_]\w*$/.test(a) && bodies(a) === undefined)
  } else if (call) {
    // `FOO(x);` at top level with FOO no macro of the file or its headers (a generated header).
    if (preIdentifiers.has(call[1])) return undefined
    const reason = `${call[1]} is no macro of the file or its headers: what it expands to is unknown`
    return { kind: 'unknown', names: [call[1]], label: `${call[1]}(...)`, reason }
  } else names = name !== undefined ? [name] : []
  const fresh = names.filter(n => !preIdentifiers.has(n))
  if (fresh.length === 0) return undefined
  const label = macro !== undefined ? `${macro}(${fresh.join(', ')})` : fresh.join(', ')

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
