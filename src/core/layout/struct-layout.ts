import { canonicalTypeSpelling } from '../equivalence/type-spelling.js'

/**
 * Offsets of a struct's or union's members under the x86_64 System V ABI (LP64: long and pointers
 * 8 bytes, natural alignment), read from the declaration's text. Whatever this cannot size exactly
 * gives undefined, never a guess: attributes (`__packed`, `__aligned`, `____cacheline_aligned`,
 * `__randomize_layout`), preprocessor lines, arrays of non-literal length, bitfields in unions, and named types the resolver does not know. An enum is an
 * `unsigned int` unless a value needs more (GCC then makes it 8 bytes): layouts are computed both
 * ways and must agree.
 */
export interface Layout {
  size: number
  align: number
  /** Every member reachable by name (members of anonymous structs/unions included). */
  members: Map<string, MemberPlace>
}

export interface MemberPlace {
  /** Byte offset (of the byte holding its first bit, for a bitfield). */
  offset: number
  /** Canonical type; a typedef the resolver knows is spelled as what it names. */
  type: string
  /** Bit offset from the start and width in bits: what a bitfield occupies. */
  bit: number
  bits: number
}

/**
 * Size and alignment of a named type (`struct list_head`, `refcount_t`), or undefined. `type`:
 * for a typedef of a scalar or pointer, the canonical type it names (`__kernel_long_t` is `long`).
 */
export type Resolve = ((
  name: string,
  enumSize: number
) => { size: number; align: number; type?: string } | undefined) & {
  /** The value of an array length that is not a literal (a macro), or undefined. */
  constant?: (expr: string) => number | undefined
}

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
  // Next free bit of a struct: bitfields pack into the bits an earlier member left.
  let bit = 0
  const members = withoutDefines(body)
  for (const decl of splitTop(members, ';')) {
    const placed = member(decl, resolve, enumSize)
    if (!placed) return undefined
    for (const item of placed) {
      let at: number
      if (item.width !== undefined) {
        if (kind === 'union') return undefined
        // GCC's x86_64 rule: a bitfield does not cross a boundary of its declared type's unit; it
        // starts the next unit instead, and gives the struct that type's alignment.
        const unit = item.size * 8
        if (item.width === 0) bit = roundUp(bit, unit)
        else if (Math.floor(bit / unit) !== Math.floor((bit + item.width - 1) / unit))
          bit = roundUp(bit, unit)
        at = bit
        bit += item.width
      } else {
        at = kind === 'union' ? 0 : roundUp(Math.ceil(bit / 8), item.align) * 8
        if (kind === 'union') out.size = Math.max(out.size, item.size)
        else bit = at + item.size * 8
      }
      for (const [name, m] of item.names) {
        if (out.members.has(name)) return undefined
        const abs = at + m.bit
        out.members.set(name, { offset: Math.floor(abs / 8), type: m.type, bit: abs, bits: m.bits })
      }
      // An unnamed bitfield's type does not align the struct (the x86_64 psABI; GCC 12 agrees:
      // `struct { char c; int :4; }` is 2 bytes, aligned 1).
      if (!item.unnamed) out.align = Math.max(out.align, item.align)
    }
  }
  if (kind === 'struct') out.size = Math.ceil(bit / 8)
  out.size = roundUp(out.size, out.align)
  return out
}

/** A `#define` between members (flag values beside the field) lays out nothing; `#if` stays. */
export function withoutDefines(body: string): string {
  return body.replace(/^[ \t]*#[ \t]*define\b(?:[^\n]*\\\r?\n)*[^\n]*$/gm, '')
}

interface Placed {
  size: number
  align: number
  /** Width in bits of a bitfield (`size`/`align` are then its declared type's). */
  width?: number
  /** A bitfield without a name (`__u32 :32`, `int :0`): padding only. */
  unnamed?: boolean
  /** Names it makes reachable, at offsets inside it. */
  names: Map<string, { type: string; bit: number; bits: number }>
}

/** One member declaration (`int a, *b`, `struct { ... } s`, `union { ... }`, `u8 a:1, b:2`). */
function member(decl: string, resolve: Resolve, enumSize: number): Placed[] | undefined {
  if (/#/.test(decl)) return undefined
  // include/uapi/linux/stddef.h: `struct { struct { } __empty_NAME; TYPE NAME[]; }`, an empty
  // struct taking no room in GNU C: laid out as `TYPE NAME[]` (uapi kvm.h's flexible arrays in
  // 6.1.176 became these).
  const flex = /^\s*(?:__)?DECLARE_FLEX_ARRAY\s*\(\s*([^,()]+?)\s*,\s*([A-Za-z_]\w*)\s*\)\s*$/.exec(
    decl
  )
  if (flex) return member(`${flex[1]} ${flex[2]}[]`, resolve, enumSize)
  const brace = decl.indexOf('{')
  if (brace >= 0) {
    const head = /^(struct|union|enum)\s*$/.exec(decl.slice(0, brace).trim())
    const close = decl.lastIndexOf('}')
    if (!head || close < brace) return undefined
    const rest = decl.slice(close + 1).trim()
    const inside = decl.slice(brace + 1, close)
    if (head[1] === 'enum') {
      const e = anonymousEnum(inside)
      if (!e || rest === '') return undefined
      return declarators(rest, e, `enum {${inside}}`, resolve)
    }
    const inner = layoutOf(inside, head[1] as 'struct' | 'union', resolve, enumSize)
    if (!inner) return undefined
    const whole = `${head[1]} {${inside}}`
    if (rest === '') return [{ size: inner.size, align: inner.align, names: inner.members }]
    if (rest.includes(':')) return undefined
    return declarators(rest, { size: inner.size, align: inner.align }, whole, resolve)
  }
  const t = decl.trim()
  const pad = unnamedBitfield(t, resolve, enumSize)
  if (pad !== undefined) return pad ? [pad] : undefined
  const star = t.search(/[*(]/)
  let split = star
  if (split < 0) {
    const stop = t.search(/[,[:]/)
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
  const placed = declarators(
    t.slice(split).trim(),
    sized(baseText, resolve, enumSize),
    baseText,
    resolve
  )
  // `volatile` sizes nothing but compiles every access differently (sock's `skc_state` without
  // it lets GCC merge 47 functions' reloads in 5 TUs): a member gaining or losing it is retyped.
  if (!placed || !/\bvolatile\b/.test(t.slice(0, split))) return placed
  for (const item of placed) for (const m of item.names.values()) m.type = `volatile ${m.type}`
  return placed
}

const TYPE_WORD = /^(?:char|short|int|long|signed|unsigned|_Bool)$/

/**
 * `__u32 :32`, `unsigned int :4`, `int :0`: a type and a width, no name. Undefined when `t` is
 * no such member (a named one goes on), false when it is one this cannot size.
 */
function unnamedBitfield(
  t: string,
  resolve: Resolve,
  enumSize: number
): Placed | false | undefined {
  const m = /^([A-Za-z_][\w\s]*?)\s*:\s*(\d+)$/.exec(t)
  if (!m) return undefined
  const words = m[1].trim().split(/\s+/)
  const last = words[words.length - 1]
  const typeOnly =
    words.length === 1 ||
    TYPE_WORD.test(last) ||
    (words.length === 2 && /^(?:struct|union|enum)$/.test(words[0]))
  if (!typeOnly) return undefined
  const base = sized(
    words.filter(w => !QUALIFIERS.has(w) || w === 'signed').join(' '),
    resolve,
    enumSize
  )
  const width = Number(m[2])
  if (!base || base.unsigned === undefined || width > base.size * 8) return false
  return { size: base.size, align: base.align, width, unnamed: true, names: new Map() }
}

interface Base {
  size: number
  align: number
  /** The canonical type a typedef names. */
  type?: string
  /** For an integer or enum type: whether its values are unsigned (what a bitfield of it holds). */
  unsigned?: boolean
}

/** `*p`, `a[4]`, `(*fn)(int)`, `x, y`, `f : 3`: each placed with the base type or as a pointer. */
function declarators(
  text: string,
  base: Base | undefined,
  baseText: string,
  resolve: Resolve
): Placed[] | undefined {
  const out: Placed[] = []
  const spelled = base?.type ?? baseText
  for (const d of splitTop(text, ',')) {
    // A function pointer, returning a pointer or not (`struct sock *(*syn_recv_sock)(...)`).
    const fn =
      /^((?:\*\s*(?:const\s+)?)*)\(\s*\*\s*(?:const\s+)?([A-Za-z_]\w*)\s*\)\s*\(.*\)$/.exec(d)
    if (fn) {
      const returns = fn[1].replace(/\s+/g, '')
      out.push(one(fn[2], 8, 8, `${spelled} ${returns}(*)${d.slice(d.indexOf(')') + 1)}`))
      continue
    }
    const field = /^([A-Za-z_]\w*)\s*:\s*(\d+)$/.exec(d)
    if (field) {
      const width = Number(field[2])
      if (!base || width === 0 || width > base.size * 8) return undefined
      const type = bitfieldType(spelled, base, width)
      if (type === undefined) return undefined
      out.push({
        size: base.size,
        align: base.align,
        width,
        names: new Map([[field[1], { type, bit: 0, bits: width }]])
      })
      continue
    }
    const p = /^((?:\*\s*(?:const\s+|volatile\s+)?)*)([A-Za-z_]\w*)((?:\s*\[[^\]]*\])*)$/.exec(d)
    if (!p) return undefined
    const lengths: number[] = []
    for (const x of p[3].matchAll(/\[([^\]]*)\]/g)) {
      // A flexible array member (`u8 data[]`) takes no room, only its alignment.
      const n = /^\s*$/.test(x[1])
        ? 0
        : /^\s*\d+\s*$/.test(x[1])
          ? Number(x[1])
          : resolve.constant?.(x[1])
      if (n === undefined) return undefined
      lengths.push(n)
    }
    const dims = lengths.reduce((n, x) => n * x, 1)
    const type = `${spelled} ${p[1].replace(/\s+/g, '')}${lengths.map(n => `[${n}]`).join('')}`
    if (p[1] !== '') out.push(one(p[2], 8 * dims, 8, type))
    else if (!base) return undefined
    else out.push(one(p[2], base.size * dims, base.align, type))
  }
  return out
}

const UNSIGNED_OF_WIDTH: Record<number, string> = {
  8: 'unsigned char',
  16: 'unsigned short',
  32: 'unsigned int'
}
const SIGNED_OF_WIDTH: Record<number, string> = { 8: 'signed char', 16: 'short', 32: 'int' }

/**
 * A bitfield's type as code sees it: its signedness and width. One as wide as a byte, short or
 * int reads and writes like that integer (`enum {...} reg_state:8` and `u8 reg_state` at the same
 * byte compile alike): it is spelled so, and equal positions then compare equal.
 */
function bitfieldType(spelled: string, base: Base, width: number): string | undefined {
  const canon = (canonicalTypeSpelling(spelled) ?? spelled).trim()
  if (canon === '_Bool') return `_Bool:${width}`
  if (base.unsigned === undefined) return undefined
  const named = (base.unsigned ? UNSIGNED_OF_WIDTH : SIGNED_OF_WIDTH)[width]
  return named ?? `${base.unsigned ? 'unsigned' : 'signed'}:${width}`
}

function one(name: string, size: number, align: number, type: string): Placed {
  const canon = (canonicalTypeSpelling(type) ?? type).replace(/\s+/g, ' ').trim()
  return { size, align, names: new Map([[name, { type: canon, bit: 0, bits: size * 8 }]]) }
}

function sized(text: string, resolve: Resolve, enumSize: number): Base | undefined {
  const canon = canonicalTypeSpelling(text)?.trim()
  if (canon === undefined) return undefined
  const n = Object.hasOwn(BASE, canon) ? BASE[canon] : undefined
  // Plain char is signed on x86_64, as are int and long without `unsigned`.
  if (n !== undefined)
    return { size: n, align: n, unsigned: /^unsigned\b|^(?:size_t|uintptr_t)$/.test(canon) }
  if (/^enum \w+$/.test(canon)) return { size: enumSize, align: enumSize }
  if (/^(?:struct|union) \w+$/.test(canon) || /^[A-Za-z_]\w*$/.test(canon)) {
    const r = resolve(canon, enumSize)
    if (!r) return undefined
    const under = r.type === undefined ? undefined : sized(r.type, resolve, enumSize)
    return { ...r, ...(under?.unsigned === undefined ? {} : { unsigned: under.unsigned }) }
  }
  return undefined
}

/**
 * An enum declared inside the struct (`enum { A = 0, B } state:8`): 4 bytes, unsigned, when every
 * value is a literal or counts on from one and none is negative or needs more than 32 bits (GCC
 * then gives it `unsigned int`). Anything else (a value from a macro) is undefined.
 */
function anonymousEnum(body: string): Base | undefined {
  let next = 0
  for (const item of splitTop(body, ',')) {
    const m = /^[A-Za-z_]\w*\s*(?:=\s*(0[xX][0-9a-fA-F]+|\d+)[uUlL]*)?$/.exec(item)
    if (!m) return undefined
    const v = m[1] === undefined ? next : /^0\d/.test(m[1]) ? parseInt(m[1], 8) : Number(m[1])
    if (!Number.isSafeInteger(v) || v > 0xffffffff) return undefined
    next = v + 1
  }
  return { size: 4, align: 4, unsigned: true }
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
