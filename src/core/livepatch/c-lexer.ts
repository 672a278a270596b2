/**
 * Just enough of a C lexer to read livepatch initializers: tokens with lines, the file's own
 * `#define`s (so initializers written through local helper macros can be expanded), and the
 * `#if` conditions guarding each token (SUSE and distro livepatches guard entries per arch/config).
 * It is not a preprocessor: headers are not read. A condition the file alone decides (`#if (0)`,
 * `#if 1`'s `#else`, `#ifdef` of its own macros) is applied; any other is recorded on the tokens it
 * guards, since only the build's `.config` and headers can decide it.
 */
import { evalCondition } from './cpp-expr.js'
import { append } from '../arrays.js'

export interface Token {
  kind: 'id' | 'num' | 'str' | 'char' | 'punct'
  /** For strings: the contents without quotes (escapes kept as written). */
  text: string
  line: number
  /** The `#if` conditions in force that the file alone does not decide, joined with `&&`. */
  cond?: string
}

/**
 * One open `#if` group. `text`: the undecided condition of the current branch; `prior`: undecided
 * conditions of earlier branches (a later branch runs only when they are all false); `taken`:
 * whether an earlier branch is known to have run (then every later one is dead).
 */
interface CondFrame {
  text: string | undefined
  dead: boolean
  prior: string[]
  taken: boolean | undefined
}

export interface Macro {
  name: string
  /** Undefined for object-like macros. */
  params?: string[]
  body: Token[]
  line: number
  /**
   * The undecided `#if` conditions under which the file defines or undefines it (one definition
   * per architecture): the body is only the last one written, so a use cannot be read without
   * knowing the build.
   */
  perBuild?: string[]
}

export interface Lexed {
  tokens: Token[]
  macros: Map<string, Macro>
}

const ID_START = /[A-Za-z_]/
const ID_CHAR = /[A-Za-z0-9_]/

/**
 * `decide` settles the conditions of `#define`s and `#undef`s the file alone cannot (the build's
 * `.config`): a macro spelled once per architecture then reads as the build's.
 */
export function lexC(text: string, decide?: (condition: string) => boolean | undefined): Lexed {
  const macros = new Map<string, Macro>()
  const perBuild = new Map<string, string[]>()
  const tokens: Token[] = []
  const conds: CondFrame[] = []
  // Whether the file's own #define/#undef decide `defined(X)`: undefined when done under a condition.
  const ownDefined = new Map<string, boolean | undefined>()
  let atLineStart = true
  let line = 1
  let i = 0
  const n = text.length

  const pushToken = (t: Token): void => {
    if (conds.some(c => c.dead)) return
    const cond = condText(conds)
    if (cond !== undefined) t.cond = cond
    tokens.push(t)
  }

  while (i < n) {
    const c = text[i]
    if (c === '\n') {
      line++
      i++
      atLineStart = true
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++
      continue
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      const stop = end < 0 ? n : end + 2
      line += countNewlines(text, i, stop)
      i = stop
      continue
    }
    if (c === '/' && text[i + 1] === '/') {
      const end = lineCommentEnd(text, i)
      line += countNewlines(text, i, end)
      i = end
      continue
    }
    if (c === '#' && atLineStart) {
      const startLine = line
      let directive = ''
      i++
      while (i < n && text[i] !== '\n') {
        if (text[i] === '\\' && text[i + 1] === '\n') {
          directive += ' '
          i += 2
          line++
          continue
        }
        if (text[i] === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
          directive += ' '
          i += 3
          line++
          continue
        }
        if (text[i] === '/' && text[i + 1] === '*') {
          const end = text.indexOf('*/', i + 2)
          const stop = end < 0 ? n : end + 2
          line += countNewlines(text, i, stop)
          directive += ' '
          i = stop
          continue
        }
        if (text[i] === '/' && text[i + 1] === '/') {
          const end = lineCommentEnd(text, i)
          line += countNewlines(text, i, end)
          i = end
          break
        }
        directive += text[i]
        i++
      }
      handleDirective(directive, startLine, conds, { macros, ownDefined, perBuild, decide })
      continue
    }
    atLineStart = false
    if (c === '"' || c === "'") {
      const startLine = line
      let j = i + 1
      while (j < n && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1
      const body = text.slice(i + 1, Math.min(j, n))
      line += countNewlines(text, i, Math.min(j, n))
      pushToken({ kind: c === '"' ? 'str' : 'char', text: body, line: startLine })
      i = j < n && text[j] === c ? j + 1 : j
      continue
    }
    if (ID_START.test(c)) {
      let j = i + 1
      while (j < n && ID_CHAR.test(text[j])) j++
      pushToken({ kind: 'id', text: text.slice(i, j), line })
      i = j
      continue
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1
      while (j < n && /[0-9A-Za-z_.]/.test(text[j])) j++
      pushToken({ kind: 'num', text: text.slice(i, j), line })
      i = j
      continue
    }
    const two = text.slice(i, i + 2)
    if (two === '##') {
      pushToken({ kind: 'punct', text: two, line })
      i += 2
      continue
    }
    pushToken({ kind: 'punct', text: c, line })
    i++
  }
  return { tokens, macros }
}

/**
 * Where a `//` comment at `from` ends: at the first newline no backslash splices away (the splice
 * comes before comments in C's translation phases, so `// old \` hides the next line too).
 */
function lineCommentEnd(text: string, from: number): number {
  let i = from
  for (;;) {
    const nl = text.indexOf('\n', i)
    if (nl < 0) return text.length
    const back = text[nl - 1] === '\r' ? nl - 2 : nl - 1
    if (back <= from + 1 || text[back] !== '\\') return nl
    i = nl + 1
  }
}

/** Tokens of a directive or macro body: no directives, one logical line. */
function lexLine(text: string, line: number): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '"' || c === "'") {
      let j = i + 1
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1
      out.push({ kind: c === '"' ? 'str' : 'char', text: text.slice(i + 1, j), line })
      i = j + 1
      continue
    }
    if (ID_START.test(c)) {
      let j = i + 1
      while (j < text.length && ID_CHAR.test(text[j])) j++
      out.push({ kind: 'id', text: text.slice(i, j), line })
      i = j
      continue
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1
      while (j < text.length && /[0-9A-Za-z_.]/.test(text[j])) j++
      out.push({ kind: 'num', text: text.slice(i, j), line })
      i = j
      continue
    }
    if (text.startsWith('##', i)) {
      out.push({ kind: 'punct', text: '##', line })
      i += 2
      continue
    }
    out.push({ kind: 'punct', text: c, line })
    i++
  }
  return out
}

function condText(conds: CondFrame[]): string | undefined {
  const parts = conds.map(c => c.text).filter((t): t is string => t !== undefined)
  return parts.length === 0 ? undefined : parts.join(' && ')
}

/** The condition of a branch reached when every undecided earlier branch was false. */
function branchText(prior: string[], own: string | undefined): string | undefined {
  const parts = prior.map(p => `!(${p})`)
  if (own !== undefined) parts.push(prior.length > 0 ? `(${own})` : own)
  return parts.length === 0 ? undefined : parts.join(' && ')
}

function openBranch(conds: CondFrame[], cond: string, value: boolean | undefined): void {
  conds.push({
    text: value === undefined ? cond : undefined,
    dead: value === false,
    prior: value === undefined ? [cond] : [],
    taken: value
  })
}

/** `#elif` (and `#else`, as `#elif 1`) of the innermost group. */
function nextBranch(frame: CondFrame, cond: string, value: boolean | undefined): void {
  if (frame.taken === true) {
    frame.dead = true
    frame.text = undefined
    return
  }
  frame.dead = value === false
  frame.text = frame.dead
    ? undefined
    : branchText(frame.prior, value === undefined ? cond : undefined)
  if (value === undefined) {
    frame.prior.push(cond)
    frame.taken = undefined
  } else if (value) frame.taken = true
}

interface MacroState {
  macros: Map<string, Macro>
  ownDefined: Map<string, boolean | undefined>
  /** Per macro, the undecided conditions of its definitions and removals so far. */
  perBuild: Map<string, string[]>
  decide?: (condition: string) => boolean | undefined
}

function handleDirective(raw: string, line: number, conds: CondFrame[], state: MacroState): void {
  const { macros, ownDefined } = state
  const m = /^\s*([a-z]+)\s*([\s\S]*)$/.exec(raw)
  if (!m) return
  const [, name, rest] = m
  const arg = rest.trim()
  const decided = conds.every(c => c.text === undefined)
  const evaluate = (expr: string): boolean | undefined =>
    evalCondition(
      expr,
      id => ownDefined.get(id),
      id => {
        const macro = macros.get(id)
        return macro && macro.params === undefined && ownDefined.get(id) === true
          ? tokensText(macro.body)
          : undefined
      }
    )
  switch (name) {
    case 'if':
      openBranch(conds, arg, evaluate(arg))
      return
    case 'ifdef':
      openBranch(conds, `defined(${arg})`, ownDefined.get(arg))
      return
    case 'ifndef': {
      const d = ownDefined.get(arg)
      openBranch(conds, `!defined(${arg})`, d === undefined ? undefined : !d)
      return
    }
    case 'elif': {
      const top = conds[conds.length - 1]
      if (top) nextBranch(top, arg, evaluate(arg))
      return
    }
    case 'else': {
      const top = conds[conds.length - 1]
      if (top) nextBranch(top, '1', true)
      return
    }
    case 'endif':
      conds.pop()
      return
    case 'define': {
      if (conds.some(c => c.dead)) return
      const d = /^([A-Za-z_][A-Za-z0-9_]*)(\(([^)]*)\))?([\s\S]*)$/.exec(arg)
      if (!d) return
      const params =
        d[2] === undefined
          ? undefined
          : d[3]
              .split(',')
              .map(p => p.trim())
              .filter(p => p !== '')
      const macro: Macro = { name: d[1], params, body: lexLine(d[4], line), line }
      const taken = buildTakes(state, conds, d[1])
      if (taken === false) return
      if (taken !== true) macro.perBuild = taken
      macros.set(d[1], macro)
      ownDefined.set(d[1], taken === true && decided ? true : undefined)
      return
    }
    case 'undef': {
      if (conds.some(c => c.dead)) return
      const taken = buildTakes(state, conds, arg)
      if (taken === false) return
      const before = macros.get(arg)
      // Removed in some builds only: the last definition stays readable, marked per build.
      if (taken !== true && before) macros.set(arg, { ...before, perBuild: taken })
      else macros.delete(arg)
      ownDefined.set(arg, taken === true && decided ? false : undefined)
      return
    }
    default:
      return
  }
}

/**
 * Whether the build takes a `#define`/`#undef` of `name` under the open `#if`s: true (always, or
 * so `decide` says), false (never), or else the undecided conditions of the name's definitions so
 * far, this one included. One the build takes forgets them: it comes later, so it wins.
 */
function buildTakes(state: MacroState, conds: CondFrame[], name: string): boolean | string[] {
  const cond = condText(conds)
  const verdict = cond === undefined ? true : state.decide?.(cond)
  if (verdict === true) {
    // Taken, and later than any earlier spelling: it is the one the build reads.
    state.perBuild.delete(name)
    return true
  }
  if (verdict === false) return false
  const list = [...(state.perBuild.get(name) ?? []), cond as string]
  state.perBuild.set(name, list)
  return list
}

function countNewlines(text: string, from: number, to: number): number {
  let k = 0
  for (let i = from; i < to; i++) if (text[i] === '\n') k++
  return k
}

/** Splits a token run at top-level commas (parentheses, brackets and braces nest). */
export function splitTopLevel(tokens: Token[]): Token[][] {
  const parts: Token[][] = []
  let cur: Token[] = []
  let depth = 0
  for (const t of tokens) {
    if (t.kind === 'punct') {
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--
      else if (t.text === ',' && depth === 0) {
        parts.push(cur)
        cur = []
        continue
      }
    }
    cur.push(t)
  }
  parts.push(cur)
  return parts
}

/** Index of the token closing the bracket opened at `open`, or -1. */
export function matchClose(tokens: Token[], open: number): number {
  const o = tokens[open].text
  const c = o === '(' ? ')' : o === '[' ? ']' : '}'
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind !== 'punct') continue
    if (t.text === o) depth++
    else if (t.text === c && --depth === 0) return i
  }
  return -1
}

/**
 * Expands one invocation of a file-local macro. `#param` stringifies and `a ## b` pastes, which is
 * what helper macros such as `#define KLP_FUNC(f) { .old_name = #f, .new_func = klp_##f }` use.
 */
export function expandMacro(macro: Macro, args: Token[][]): Token[] {
  const params = macro.params ?? []
  const argOf = (name: string): Token[] | undefined => {
    const k = params.indexOf(name)
    if (k >= 0) return args[k] ?? []
    if (name === '__VA_ARGS__' && params.includes('...')) {
      const rest = args.slice(params.length - 1)
      const out: Token[] = []
      rest.forEach((a, idx) => {
        if (idx > 0) out.push({ kind: 'punct', text: ',', line: macro.line })
        append(out, a)
      })
      return out
    }
    return undefined
  }
  const out: Token[] = []
  const body = macro.body
  for (let i = 0; i < body.length; i++) {
    const t = body[i]
    if (t.kind === 'punct' && t.text === '#' && body[i + 1]?.kind === 'id') {
      const a = argOf(body[i + 1].text)
      if (a) {
        out.push({ kind: 'str', text: tokensText(a), line: t.line })
        i++
        continue
      }
    }
    if (t.kind === 'punct' && t.text === '##') {
      const prev = out.pop()
      const next = body[i + 1]
      i++
      if (!next) {
        if (prev) out.push(prev)
        continue
      }
      const nextTokens = next.kind === 'id' ? (argOf(next.text) ?? [next]) : [next]
      const glued = (prev?.text ?? '') + (nextTokens[0]?.text ?? '')
      out.push({ kind: /^[0-9]/.test(glued) ? 'num' : 'id', text: glued, line: t.line })
      append(out, nextTokens.slice(1))
      continue
    }
    if (t.kind === 'id') {
      const a = argOf(t.text)
      if (a) {
        append(out, a)
        continue
      }
    }
    out.push(t)
  }
  return out
}

/** Token text joined as the preprocessor's `#` would (one space between tokens). */
export function tokensText(tokens: Token[]): string {
  return tokens
    .map(t => (t.kind === 'str' ? `"${t.text}"` : t.kind === 'char' ? `'${t.text}'` : t.text))
    .join(' ')
}
