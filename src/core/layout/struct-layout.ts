import { canonicalTypeSpelling } from '../equivalence/type-spelling.js'

/**
 * Offsets of a struct's or union's members under the x86_64 System V ABI (LP64: long and pointers
 * 8 bytes, natural alignment), read from the declaration's text. Whatever this cannot size exactly
 * gives undefined, never a guess: bitfields, attributes (`__packed`, `__aligned`,
 * `____cacheline_aligned`, `__randomize_layout`), preprocessor lines, arrays of non-literal length,
 * and named types the resolver does not know. An enum is an `unsigned int` unless a value needs
 * more (GCC then makes it 8 bytes): layouts are computed both ways and must agree.
 */
export interface Layout {
  size: number
  align: number
  /** Every member reachable by name (members of anonymous structs/unions included). */
  members: Map<string, { offset: number; type: string }>
}

/** Size and alignment of a named type (`struct list_head`, `refcount_t`), or undefined. */
export type Resolve = (
  name: string,
  enumSize: number
) => { size: number; align: number } | undefined

const BASE: Record<string, number> = {
  char: 1,
  'signed char': 1,
  'unsigned char': 1,
  _Bool: 1,
  short: 2,
  'unsigned short': 2,
  int: 4,
  'unsigned int': 4,
  long: 8,
  'unsigned long': 8,
  'long long': 8,
  'unsigned long long': 8,
  float: 4,
  double: 8,
  // LP64 typedefs of the C library's names (include/linux/types.h through posix_types.h, whose
  // 32-bit alternatives sit under #if and so have no single definition to read).
  size_t: 8,
  ssize_t: 8,
  ptrdiff_t: 8,
  uintptr_t: 8,
  loff_t: 8
}

const QUALIFIERS = new Set(['const', 'volatile', 'signed', 'extern', 'static', 'register'])

/** Layout of `{ members }` (the body without braces), or undefined when it cannot be exact. */
export function layoutOf(
  body: string,
  kind: 'struct' | 'union',
  resolve: Resolve,
  enumSize: number
): Layout | undefined {
  const out: Layout = { size: 0, align: 1, members: new Map() }
  let offset = 0
  // A `#define` between members (flag values beside the field) lays out nothing; `#if` stays.
  const members = body.replace(/^[ \t]*#[ \t]*define\b(?:[^\n]*\\\r?\n)*[^\n]*$/gm, '')
  for (const decl of splitTop(members, ';')) {
    const placed = member(decl, resolve, enumSize)
    if (!placed) return undefined
    for (const item of placed) {
      const at = kind === 'union' ? 0 : roundUp(offset, item.align)
      for (const [name, m] of item.names) {
        if (out.members.has(name)) return undefined
        out.members.set(name, { offset: at + m.offset, type: m.type })
      }
      out.align = Math.max(out.align, item.align)
      if (kind === 'union') out.size = Math.max(out.size, item.size)
      else offset = at + item.size
    }
  }
  if (kind === 'struct') out.size = offset
  out.size = roundUp(out.size, out.align)
  return out
}

interface Placed {
  size: number
  align: number
  /** Names it makes reachable, at offsets inside it. */
  names: Map<string, { offset: number; type: string }>
}

/** One member declaration (`int a, *b`, `struct { ... } s`, `union { ... }`). */
function member(decl: string, resolve: Resolve, enumSize: number): Placed[] | undefined {
  // Bitfields share storage units by rules this does not model; `#` is a preprocessor line.
  if (/[#:]/.test(decl)) return undefined
  const brace = decl.indexOf('{')
  if (brace >= 0) {
    const head = /^(struct|union)\s*$/.exec(decl.slice(0, brace).trim())
    const close = decl.lastIndexOf('}')
    if (!head || close < brace) return undefined
    const inner = layoutOf(
      decl.slice(brace + 1, close),
      head[1] as 'struct' | 'union',
      resolve,
      enumSize
    )
    if (!inner) return undefined
    const rest = decl.slice(close + 1).trim()
    const whole = `${head[1]} {${decl.slice(brace + 1, close)}}`
    if (rest === '') return [{ size: inner.size, align: inner.align, names: inner.members }]
    return declarators(rest, { size: inner.size, align: inner.align }, whole)
  }
  const t = decl.trim()
  const star = t.search(/[*(]/)
  let split = star
  if (split < 0) {
    const stop = t.search(/[,[]/)
    const head = stop < 0 ? t : t.slice(0, stop)
    const last = /[A-Za-z_]\w*\s*$/.exec(head)
    if (!last) return undefined
    split = last.index
  }
  const baseText = t
    .slice(0, split)
    .trim()
    .split(/\s+/)
    .filter(w => w !== '' && (!QUALIFIERS.has(w) || w === 'signed'))
    .join(' ')
  if (baseText === '') return undefined
  return declarators(t.slice(split).trim(), sized(baseText, resolve, enumSize), baseText)
}

/** `*p`, `a[4]`, `(*fn)(int)`, `x, y`: each placed with the base type or as a pointer. */
function declarators(
  text: string,
  base: { size: number; align: number } | undefined,
  baseText: string
): Placed[] | undefined {
  const out: Placed[] = []
  for (const d of splitTop(text, ',')) {
    const fn = /^\(\s*\*\s*(?:const\s+)?([A-Za-z_]\w*)\s*\)\s*\(.*\)$/.exec(d)
    if (fn) {
      out.push(one(fn[1], 8, 8, `${baseText} (*)${d.slice(d.indexOf(')') + 1)}`))
      continue
    }
    const p = /^((?:\*\s*(?:const\s+|volatile\s+)?)*)([A-Za-z_]\w*)((?:\s*\[\s*\d+\s*\])*)$/.exec(d)
    if (!p) return undefined
    const dims = [...p[3].matchAll(/\d+/g)].reduce((n, x) => n * Number(x[0]), 1)
    const type = `${baseText} ${p[1].replace(/\s+/g, '')}${p[3].replace(/\s+/g, '')}`
    if (p[1] !== '') out.push(one(p[2], 8 * dims, 8, type))
    else if (!base) return undefined
    else out.push(one(p[2], base.size * dims, base.align, type))
  }
  return out
}

function one(name: string, size: number, align: number, type: string): Placed {
  const canon = (canonicalTypeSpelling(type) ?? type).replace(/\s+/g, ' ').trim()
  return { size, align, names: new Map([[name, { offset: 0, type: canon }]]) }
}

function sized(
  text: string,
  resolve: Resolve,
  enumSize: number
): { size: number; align: number } | undefined {
  const canon = canonicalTypeSpelling(text)?.trim()
  if (canon === undefined) return undefined
  const n = Object.hasOwn(BASE, canon) ? BASE[canon] : undefined
  if (n !== undefined) return { size: n, align: n }
  if (/^enum \w+$/.test(canon)) return { size: enumSize, align: enumSize }
  if (/^(?:struct|union) \w+$/.test(canon) || /^[A-Za-z_]\w*$/.test(canon))
    return resolve(canon, enumSize)
  return undefined
}

function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to
}

/** Splits at `sep` outside parentheses, brackets and braces. */
export function splitTop(body: string, sep: string): string[] {
  const out: string[] = []
  let depth = 0
  let cur = ''
  for (const c of body) {
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    if (c === sep && depth === 0) {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  return out.map(s => s.replace(/\s+/g, ' ').trim()).filter(s => s !== '')
}
