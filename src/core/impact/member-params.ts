import { splitArgs } from '../source/header.js'

/** A function-like macro, as the member-parameter search reads it. */
export interface MacroDefine {
  name: string
  params: readonly string[]
  body: string
}

/**
 * A member read. Not `__entry->f` (a trace event's record field, which no struct of the fix
 * holds), nor the `.f` of a number (`1.f`).
 */
const MEMBER = /(?<!\b__entry\s*)(?:->|(?<!\b\d+)\.)\s*([A-Za-z_]\w*)/g
/** Comments, strings and character constants: no code in them. */
const INERT = /\/\*[^]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g
/**
 * Operators that read only a member's type or size, never its offset (`sizeof_field(T, m)`,
 * `typeof_member(T, m)`, struct_size's array check): a moved member keeps both.
 */
const TYPE_ONLY =
  /\b(?:sizeof|typeof|__typeof__|__typeof|typeof_unqual|alignof|_Alignof|__alignof__|__must_be_array|__same_type)\s*\(/g
const CALL = /\b([A-Za-z_]\w*)\s*\(/g
const NAME = /^[A-Za-z_]\w*$/
/** A chain of forwarding macros longer than this is not followed (each round is one link). */
const ROUNDS = 8

/**
 * Per macro, the argument positions that take a member name: its body reads `->P` or `.P` of its
 * parameter P (`#define ata_port_show_simple(field, ...)` reads `ap->field` in the function it
 * defines), or passes P at such a position of another such macro (`ata_port_simple_attr(field,
 * ...)` calls `ata_port_show_simple(field, ...)`). A call `ata_port_simple_attr(local_port_no,
 * port_no, ...)` reads `ap->local_port_no` with no `->local_port_no` written anywhere. Several
 * definitions of one name (other configurations, other files) add their positions up.
 */
export function memberParams(defines: Iterable<MacroDefine>): Map<string, Set<number>> {
  const found = new Map<string, Set<number>>()
  const forwarding: Array<{ define: MacroDefine; calls: Call[] }> = []
  for (const define of defines) {
    const named = new Set<string>()
    const code = codeOf(define.body)
    for (const m of code.matchAll(MEMBER)) named.add(m[1])
    define.params.forEach((p, i) => {
      if (named.has(p) && NAME.test(p)) at(found, define.name).add(i)
    })
    const calls = callsIn(code).filter(c => c.args.some(a => define.params.includes(a)))
    if (calls.length > 0) forwarding.push({ define, calls })
  }
  for (let round = 0; round < ROUNDS; round++) {
    let grew = false
    for (const { define, calls } of forwarding) {
      for (const call of calls) {
        for (const k of found.get(call.callee) ?? []) {
          const i = define.params.indexOf(call.args[k] ?? '')
          if (i < 0 || found.get(define.name)?.has(i)) continue
          at(found, define.name).add(i)
          grew = true
        }
      }
    }
    if (!grew) break
  }
  return found
}

/** The body with its comments, strings and type-only operands blanked. */
function codeOf(body: string): string {
  let code = body.replace(INERT, m => ' '.repeat(m.length))
  for (const m of code.matchAll(TYPE_ONLY)) {
    let depth = 0
    let i = m.index + m[0].length - 1
    for (; i < code.length; i++) {
      if (code[i] === '(') depth++
      else if (code[i] === ')' && --depth === 0) break
    }
    const from = m.index + m[0].length
    code = code.slice(0, from) + ' '.repeat(Math.max(0, i - from)) + code.slice(i)
  }
  return code
}

function at(found: Map<string, Set<number>>, name: string): Set<number> {
  let set = found.get(name)
  if (!set) found.set(name, (set = new Set()))
  return set
}

interface Call {
  callee: string
  /** Each argument trimmed (an argument that is more than a name never equals a parameter). */
  args: string[]
}

/** The calls a macro body makes, each with its top-level arguments. */
function callsIn(body: string): Call[] {
  const out: Call[] = []
  for (const m of body.matchAll(CALL)) {
    const open = m.index + m[0].length - 1
    let depth = 0
    for (let i = open; i < body.length; i++) {
      const c = body[i]
      if (c === '(' || c === '[' || c === '{') depth++
      else if ((c === ')' || c === ']' || c === '}') && --depth === 0) {
        if (c === ')') out.push({ callee: m[1], args: splitArgs(body.slice(open, i + 1)) })
        break
      }
    }
  }
  return out
}
