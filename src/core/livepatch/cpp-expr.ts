/**
 * Three-valued evaluation of a `#if` expression as far as one file can tell: integer constants,
 * operators, `defined` of macros the file itself defines or undefines, and its own object-like
 * macros. Anything else (CONFIG_ options, LINUX_VERSION_CODE, macros of headers) is unknown, because
 * the preprocessor would take it from headers or the build's `.config`, which a livepatch file alone
 * does not show: `undefined` means "depends on the build", never "false".
 */

import { append } from '../arrays.js'

export type Defined = (name: string) => boolean | undefined
export type ObjectMacro = (name: string) => string | undefined

type Tok = { t: 'num'; v: bigint } | { t: 'id'; v: string } | { t: 'op'; v: string }

const OPS = ['<<', '>>', '<=', '>=', '==', '!=', '&&', '||']
const MAX_EXPANSION = 8

export function evalCondition(
  text: string,
  defined: Defined,
  objectMacro: ObjectMacro = () => undefined
): boolean | undefined {
  const toks = tokenize(text, defined, objectMacro, 0)
  if (!toks) return undefined
  const p = new Parser(toks)
  const v = p.ternary()
  if (!p.done()) return undefined
  return v === undefined ? undefined : v !== 0n
}

/** Tokens with `defined X` already resolved (to 1, 0 or an unknown id) and local macros expanded. */
function tokenize(
  text: string,
  defined: Defined,
  objectMacro: ObjectMacro,
  depth: number
): Tok[] | undefined {
  const out: Tok[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))
    if (id) {
      i += id[0].length
      if (id[0] === 'defined') {
        const m = /^\s*(\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)|([A-Za-z_][A-Za-z0-9_]*))/.exec(
          text.slice(i)
        )
        if (!m) return undefined
        i += m[0].length
        const d = defined(m[2] ?? m[3])
        out.push(d === undefined ? { t: 'id', v: m[2] ?? m[3] } : { t: 'num', v: d ? 1n : 0n })
        continue
      }
      const body = depth < MAX_EXPANSION ? objectMacro(id[0]) : undefined
      if (body !== undefined) {
        const inner = tokenize(body, defined, objectMacro, depth + 1)
        if (!inner) return undefined
        out.push({ t: 'op', v: '(' })
        append(out, inner).push({ t: 'op', v: ')' })
      } else out.push({ t: 'id', v: id[0] })
      continue
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*(?![A-Za-z0-9_.])/.exec(text.slice(i))
    if (num) {
      const digits = num[1]
      const v = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits)
      out.push({ t: 'num', v })
      i += num[0].length
      continue
    }
    const two = text.slice(i, i + 2)
    if (OPS.includes(two)) {
      out.push({ t: 'op', v: two })
      i += 2
      continue
    }
    if ('()!~+-*/%<>&^|?:'.includes(c)) {
      out.push({ t: 'op', v: c })
      i++
      continue
    }
    return undefined
  }
  return out
}

type V = bigint | undefined

const BINARY: Array<string[]> = [
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

class Parser {
  private i = 0
  constructor(private readonly toks: Tok[]) {}

  done(): boolean {
    return this.i === this.toks.length
  }

  private peekOp(): string | undefined {
    const t = this.toks[this.i]
    return t?.t === 'op' ? t.v : undefined
  }

  private expect(op: string): void {
    if (this.peekOp() !== op) throw new SyntaxError(op)
    this.i++
  }

  ternary(): V {
    try {
      return this.cond()
    } catch {
      this.i = -1
      return undefined
    }
  }

  private cond(): V {
    const c = this.binary(0)
    if (this.peekOp() !== '?') return c
    this.i++
    const a = this.cond()
    this.expect(':')
    const b = this.cond()
    if (c === undefined) return a !== undefined && a === b ? a : undefined
    return c !== 0n ? a : b
  }

  private binary(level: number): V {
    if (level === BINARY.length) return this.unary()
    let left = this.binary(level + 1)
    for (;;) {
      const op = this.peekOp()
      if (op === undefined || !BINARY[level].includes(op)) return left
      this.i++
      const right = this.binary(level + 1)
      left = apply(op, left, right)
    }
  }

  private unary(): V {
    const op = this.peekOp()
    if (op === '!' || op === '~' || op === '-' || op === '+') {
      this.i++
      const v = this.unary()
      if (v === undefined) return undefined
      return op === '!' ? (v === 0n ? 1n : 0n) : op === '~' ? ~v : op === '-' ? -v : v
    }
    if (op === '(') {
      this.i++
      const v = this.cond()
      this.expect(')')
      return v
    }
    const t = this.toks[this.i++]
    if (t === undefined) throw new SyntaxError('end')
    if (t.t === 'num') return t.v
    if (t.t === 'id') {
      // A function-like use (`IS_ENABLED(CONFIG_X)`) is one unknown operand.
      if (this.peekOp() === '(') {
        let depth = 0
        do {
          const o = this.peekOp()
          if (o === '(') depth++
          else if (o === ')') depth--
          this.i++
          if (this.i > this.toks.length) throw new SyntaxError('(')
        } while (depth > 0)
      }
      return undefined
    }
    throw new SyntaxError(t.v)
  }
}

/** `&&` and `||` decide on one known side, as the preprocessor's short circuit would. */
function apply(op: string, a: V, b: V): V {
  if (op === '&&') {
    if (a === 0n || b === 0n) return 0n
    return a === undefined || b === undefined ? undefined : 1n
  }
  if (op === '||') {
    if ((a !== undefined && a !== 0n) || (b !== undefined && b !== 0n)) return 1n
    return a === undefined || b === undefined ? undefined : 0n
  }
  if (a === undefined || b === undefined) return undefined
  switch (op) {
    case '|':
      return a | b
    case '^':
      return a ^ b
    case '&':
      return a & b
    case '==':
      return a === b ? 1n : 0n
    case '!=':
      return a !== b ? 1n : 0n
    case '<':
      return a < b ? 1n : 0n
    case '>':
      return a > b ? 1n : 0n
    case '<=':
      return a <= b ? 1n : 0n
    case '>=':
      return a >= b ? 1n : 0n
    case '<<':
      return b < 0n || b > 63n ? undefined : a << b
    case '>>':
      return b < 0n || b > 63n ? undefined : a >> b
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return b === 0n ? undefined : a / b
    case '%':
      return b === 0n ? undefined : a % b
    default:
      return undefined
  }
}
