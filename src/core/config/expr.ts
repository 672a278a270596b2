import type { Kconfig } from './kconfig.js'

/**
 * What the preprocessor knows of a name in an `#if`: a number, `null` for unknown (a macro of some
 * header, an include guard), or for `defined`, whether it is defined.
 */
export interface CppEnv {
  value(name: string): number | null
  defined(name: string): boolean | null
}

/**
 * Compile-context macros every kernel C file is built with (kbuild passes `-D__KERNEL__`; C, not
 * assembly; not sparse or genksyms): decided, so that `#ifndef __ASSEMBLY__` does not hide a branch.
 */
const CONTEXT: Record<string, boolean> = {
  __KERNEL__: true,
  __ASSEMBLY__: false,
  __CHECKER__: false,
  __GENKSYMS__: false
}

/**
 * Names as a `.config` defines them. `=m` defines `CONFIG_X_MODULE`, not `CONFIG_X`. Without a
 * config every CONFIG_ name is unknown; a name the file itself `#define`s is unknown either way.
 */
export function kconfigEnv(config: Kconfig | undefined, localDefines: ReadonlySet<string>): CppEnv {
  const defined = (name: string): boolean | null => {
    if (localDefines.has(name)) return null
    if (name in CONTEXT) return CONTEXT[name]
    if (!name.startsWith('CONFIG_') || !config) return null
    const v = config.get(name)
    if (v !== undefined) return v !== 'm'
    const base = /^(CONFIG_\w+)_MODULE$/.exec(name)
    return base !== null && config.get(base[1]) === 'm'
  }
  return {
    defined,
    value(name) {
      const d = defined(name)
      if (d !== true) return d === false ? 0 : null
      const v = name.startsWith('CONFIG_') ? config?.get(name) : undefined
      if (v === undefined) return name in CONTEXT ? 1 : null
      if (v === 'y' || v === 'm') return 1
      const n = Number(v)
      return Number.isFinite(n) && /^(0x[0-9a-f]+|-?\d+)$/i.test(v) ? n : null
    }
  }
}

type Value = number | null

const TOKEN =
  /\s*(?:([A-Za-z_]\w*)|(0[xX][0-9a-fA-F]+|\d+)([uUlL]*)|('(?:\\.|[^'\\])')|(&&|\|\||==|!=|<=|>=|<<|>>|[-+*/%!~<>&|^()?:,]))/y

/** Tokens of one directive's expression, or null when it holds something this reader does not know. */
function tokenize(text: string): string[] | null {
  const out: string[] = []
  const src = text.trim()
  let pos = 0
  let unsigned = false
  while (pos < src.length) {
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(src)
    if (!m) return null
    pos = TOKEN.lastIndex
    if (m[4] !== undefined) out.push(String(m[4].charCodeAt(1)))
    else if (m[2] !== undefined) {
      if (/[uU]/.test(m[3])) unsigned = true
      // C reads a leading 0 as octal (`010` is 8).
      out.push(String(/^0\d/.test(m[2]) ? parseInt(m[2], 8) : Number(m[2])))
    } else out.push(m[1] ?? m[5])
  }
  // An unsigned constant makes arithmetic unsigned (`-1 > 0u` holds), which is not modelled here:
  // with one, an expression that can go negative is not decided.
  if (unsigned && out.some(t => t === '-' || t === '~')) return null
  return out
}

/**
 * Evaluates an `#if`/`#elif` expression in three values: a number, or null when it depends on
 * something unknown. `&&`/`||`/`?:` short-circuit over unknowns, so `0 && FOO` is still 0.
 */
export function evaluateCondition(expr: string, env: CppEnv): Value {
  const tokens = tokenize(expr)
  if (!tokens) return null
  let i = 0
  const peek = (): string | undefined => tokens[i]
  const take = (): string | undefined => tokens[i++]
  const fail = (): never => {
    throw new SyntaxError(expr)
  }
  const expect = (t: string): void => {
    if (take() !== t) fail()
  }
  /** `IS_ENABLED(CONFIG_X)` and kin from include/linux/kconfig.h. */
  const kconfigMacro = (macro: string, name: string): Value => {
    const y = env.defined(name)
    const m = env.defined(`${name}_MODULE`)
    if (macro === 'IS_BUILTIN') return y === null ? null : Number(y)
    if (macro === 'IS_MODULE') return m === null ? null : Number(m)
    if (y === true) return 1
    // IS_REACHABLE of an =m symbol depends on whether this file is built into a module.
    if (macro === 'IS_REACHABLE') return m === true || y === null || m === null ? null : 0
    if (m === true) return 1
    return y === null || m === null ? null : 0
  }
  const primary = (): Value => {
    const t = take()
    if (t === undefined) return fail()
    if (t === '(') {
      const v = ternary()
      expect(')')
      return v
    }
    if (t === '!') return not(primary())
    if (t === '~') {
      const v = primary()
      return v === null || !INT32(v) ? null : ~v
    }
    if (t === '-') return map1(primary(), v => -v)
    if (t === '+') return primary()
    if (/^\d/.test(t)) return Number(t)
    if (t === 'defined') {
      const paren = peek() === '('
      if (paren) take()
      const name = take() ?? fail()
      if (paren) expect(')')
      const d = env.defined(name)
      return d === null ? null : Number(d)
    }
    if (/^IS_(ENABLED|BUILTIN|MODULE|REACHABLE)$/.test(t) && peek() === '(') {
      take()
      const name = take() ?? fail()
      expect(')')
      return kconfigMacro(t, name)
    }
    if (peek() === '(') {
      // A function-like macro this reader cannot expand (__has_attribute, a header's helper).
      let depth = 0
      do {
        const u = take() ?? fail()
        if (u === '(') depth++
        else if (u === ')') depth--
      } while (depth > 0)
      return null
    }
    return env.value(t)
  }
  const binary = (level: number): Value => {
    if (level >= LEVELS.length) return primary()
    let left = binary(level + 1)
    for (;;) {
      const op = peek()
      if (op === undefined || !LEVELS[level].includes(op)) return left
      take()
      const right = binary(level + 1)
      left = apply(op, left, right)
    }
  }
  const ternary = (): Value => {
    const cond = binary(0)
    if (peek() !== '?') return cond
    take()
    const a = ternary()
    expect(':')
    const b = ternary()
    if (cond === null) return a === b ? a : null
    return cond !== 0 ? a : b
  }
  try {
    const v = ternary()
    return i === tokens.length ? v : null
  } catch {
    return null
  }
}

const LEVELS = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%']
]

const not = (v: Value): Value => (v === null ? null : Number(v === 0))
const map1 = (v: Value, f: (n: number) => number): Value => (v === null ? null : f(v))

/** The preprocessor computes in 64 bits; JavaScript's bitwise operators in 32. */
const INT32 = (n: number): boolean => n >= -(2 ** 31) && n < 2 ** 31

function apply(op: string, a: Value, b: Value): Value {
  if (op === '&&') return a === 0 || b === 0 ? 0 : a === null || b === null ? null : 1
  if (op === '||') {
    if ((a !== null && a !== 0) || (b !== null && b !== 0)) return 1
    return a === null || b === null ? null : 0
  }
  if (a === null || b === null) return null
  const r = arithmetic(op, a, b)
  // Past what this reader computes exactly (`1 << 33`, a product past 2^53): not decided.
  if (r === null || !Number.isSafeInteger(r)) return null
  if ('|^&'.includes(op) && !(INT32(a) && INT32(b))) return null
  return r
}

function arithmetic(op: string, a: number, b: number): Value {
  switch (op) {
    case '|':
      return a | b
    case '^':
      return a ^ b
    case '&':
      return a & b
    case '==':
      return Number(a === b)
    case '!=':
      return Number(a !== b)
    case '<':
      return Number(a < b)
    case '>':
      return Number(a > b)
    case '<=':
      return Number(a <= b)
    case '>=':
      return Number(a >= b)
    case '<<':
      return b < 0 || b > 62 ? null : a * 2 ** b
    case '>>':
      return b < 0 || b > 62 ? null : Math.floor(a / 2 ** b)
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return b === 0 ? null : Math.trunc(a / b)
    default:
      return b === 0 ? null : a % b
  }
}
