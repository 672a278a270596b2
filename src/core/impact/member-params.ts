import { splitArgs } from '../source/header.js'
import { maskCommentsAndStrings } from '../source/mask.js'
import { matchingParen } from '../text/parens.js'
import { RECORD_FIELD } from '../trace-events/events.js'

/** A function-like macro, as the member-parameter search reads it. */
export interface MacroDefine {
  name: string
  params: readonly string[]
  body: string
}

/** A member read; not the `.f` of a number (`1.f`). */
const MEMBER = /(?:->|(?<!\b\d+)\.)\s*([A-Za-z_]\w*)/g
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
  return propagate([...defines].map(macroFacts))
}

/** What one definition says by itself: the positions it reads as members, the calls it passes them to. */
export interface MacroFacts {
  define: MacroDefine
  direct: number[]
  /** Its calls that pass one of its parameters on as a whole argument. */
  calls: Call[]
}

/** One definition's own facts (kept per file by UseIndex: a header's types ask again and again). */
export function macroFacts(define: MacroDefine): MacroFacts {
  const code = codeOf(define.body)
  const named = new Set<string>()
  for (const m of code.matchAll(MEMBER)) named.add(m[1])
  const direct: number[] = []
  define.params.forEach((p, i) => {
    if (named.has(p) && NAME.test(p)) direct.push(i)
  })
  const calls = callsIn(code).filter(c => c.args.some(a => define.params.includes(a)))
  return { define, direct, calls }
}

/** memberParams over facts already made: the direct positions, then forwarding, link by link. */
export function propagate(facts: Iterable<MacroFacts>): Map<string, Set<number>> {
  const found = new Map<string, Set<number>>()
  const forwarding: MacroFacts[] = []
  for (const f of facts) {
    for (const i of f.direct) at(found, f.define.name).add(i)
    if (f.calls.length > 0) forwarding.push(f)
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

/**
 * The body with its comments, strings, type-only operands and trace record fields (`__entry->f`,
 * which no struct of the fix holds) blanked.
 */
function codeOf(body: string): string {
  let code = maskCommentsAndStrings(body).replace(RECORD_FIELD, m => ' '.repeat(m.length))
  for (const m of code.matchAll(TYPE_ONLY)) {
    const from = m.index + m[0].length
    const close = matchingParen(code, from - 1)
    const to = close < 0 ? code.length : close
    code = code.slice(0, from) + ' '.repeat(to - from) + code.slice(to)
  }
  return code
}

function at(found: Map<string, Set<number>>, name: string): Set<number> {
  let set = found.get(name)
  if (!set) found.set(name, (set = new Set()))
  return set
}

export interface Call {
  callee: string
  /** Each argument trimmed (an argument that is more than a name never equals a parameter). */
  args: string[]
}

/** The calls a macro body makes, each with its top-level arguments. */
function callsIn(body: string): Call[] {
  const out: Call[] = []
  for (const m of body.matchAll(CALL)) {
    const open = m.index + m[0].length - 1
    const close = matchingParen(body, open)
    if (close >= 0) out.push({ callee: m[1], args: splitArgs(body.slice(open, close + 1)) })
  }
  return out
}
