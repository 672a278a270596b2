/**
 * Spellings of one C type that GCC compiles identically in an x86_64 kernel build: the fixed-width
 * typedefs of include/uapi/asm-generic/int-ll64.h and include/linux/types.h, the optional words of
 * a base type (`unsigned` for `unsigned int`, `long int` for `long`), and the sparse annotations
 * that include/linux/compiler_types.h defines to nothing (or to a BTF type tag, debug info only)
 * when the compiler is not sparse. A fix that only swaps such spellings (`const unsigned char *` to
 * `const u8 *` in a tty write op) changes no machine code.
 *
 * `__user` is left alone: with the structleak GCC plugin it becomes an attribute that changes which
 * locals the plugin zeroes. `char` is not `signed char` (distinct types, `_Generic` tells them
 * apart), nor is `u64` `unsigned long` (same size, different type).
 */
const TYPEDEFS: Record<string, string> = {
  __u8: 'unsigned char',
  u8: 'unsigned char',
  uint8_t: 'unsigned char',
  u_int8_t: 'unsigned char',
  __s8: 'signed char',
  s8: 'signed char',
  int8_t: 'signed char',
  __u16: 'unsigned short',
  u16: 'unsigned short',
  uint16_t: 'unsigned short',
  u_int16_t: 'unsigned short',
  __s16: 'short',
  s16: 'short',
  int16_t: 'short',
  __u32: 'unsigned int',
  u32: 'unsigned int',
  uint32_t: 'unsigned int',
  u_int32_t: 'unsigned int',
  __s32: 'int',
  s32: 'int',
  int32_t: 'int',
  __u64: 'unsigned long long',
  u64: 'unsigned long long',
  uint64_t: 'unsigned long long',
  u_int64_t: 'unsigned long long',
  __s64: 'long long',
  s64: 'long long',
  int64_t: 'long long',
  // __bitwise is empty for GCC: the endian types are their plain integers.
  __le16: 'unsigned short',
  __be16: 'unsigned short',
  __le32: 'unsigned int',
  __be32: 'unsigned int',
  __le64: 'unsigned long long',
  __be64: 'unsigned long long',
  bool: '_Bool',
  u_char: 'unsigned char',
  unchar: 'unsigned char',
  u_short: 'unsigned short',
  ushort: 'unsigned short',
  u_int: 'unsigned int',
  uint: 'unsigned int',
  u_long: 'unsigned long',
  ulong: 'unsigned long',
  __signed__: 'signed'
}

/** Empty for GCC outside sparse (compiler_types.h, uapi/linux/types.h). */
const NO_CODE = new Set([
  '__rcu',
  '__iomem',
  '__kernel',
  '__force',
  '__nocast',
  '__safe',
  '__private',
  '__bitwise',
  '__percpu'
])

/** C's tokens, punctuators of several characters whole: `a + ++b` is not `a++ + b`. */
const TOKEN =
  /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|[A-Za-z_]\w*|\s+|\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|##|[\s\S]/g

/**
 * One canonical spelling of `code` (comments already removed): equal results compile to the same
 * machine code. Literals are kept as written. Returns undefined for text this cannot judge: the
 * preprocessor's `#` and `##` turn spellings into strings and identifiers.
 */
/** Whether `name` is one of the typedefs above (`u64`, `__le32`, `bool`): a type, never a macro. */
export function isFixedTypedef(name: string): boolean {
  return Object.hasOwn(TYPEDEFS, name)
}

export function canonicalTypeSpelling(code: string): string | undefined {
  const words: string[] = []
  // Lines a backslash splices are one line (a directive runs on; a literal's spaces stay inside it).
  for (const line of code.replace(/\\\r?\n/g, '').split('\n')) {
    const directive = /^\s*#\s*(\w+)/.exec(line)
    if (directive?.[1] === 'include') {
      words.push(line.trim(), '\n')
      continue
    }
    const body = directive ? line.slice(directive[0].length) : line
    for (const m of body.match(TOKEN) ?? []) {
      if (m === '#' || m === '##') return undefined
      if (/^\s+$/.test(m)) continue
      if (NO_CODE.has(m)) continue
      // Own keys only: `constructor` or `toString` in code must not reach Object's prototype.
      const spelled = Object.hasOwn(TYPEDEFS, m) ? TYPEDEFS[m] : m
      for (const w of spelled.split(' ')) words.push(w)
    }
    // A directive ends at its line; code does not.
    if (directive) words.push(directive[1], '\n')
  }
  return baseTypes(words).join(' ')
}

const SIZE = new Set(['char', 'short', 'int', 'long'])

/** `unsigned` alone is `unsigned int`; `signed int` is `int`; `long int`, `short int` drop `int`. */
function baseTypes(words: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    const next = words[i + 1]
    if (w === 'signed' && next !== 'char') {
      if (!SIZE.has(next ?? '')) out.push('int')
      continue
    }
    if (w === 'unsigned' && !SIZE.has(next ?? '')) {
      out.push('unsigned', 'int')
      continue
    }
    if (w === 'int' && (out[out.length - 1] === 'long' || out[out.length - 1] === 'short')) continue
    out.push(w)
  }
  return out
}

export const SAME_TYPE_SPELLING =
  'only type spellings that compile alike change (fixed-width typedefs, sparse annotations): no code changes'

/** Whether two code texts differ only in spellings of the same types. */
export function sameTypeSpelling(before: string, after: string): boolean {
  const a = canonicalTypeSpelling(before)
  return a !== undefined && a === canonicalTypeSpelling(after)
}
