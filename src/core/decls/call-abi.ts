import { canonicalTypeSpelling, isFixedTypedef } from '../equivalence/type-spelling.js'
import { splitTop } from './signature.js'
import { mapEvery } from '../arrays.js'

/**
 * What callers compiled against a prototype pass and expect, under the x86_64 System V calling
 * convention: every data pointer is one 8-byte INTEGER argument whatever it points to (`int *` and
 * `u32 *`, `struct x *` and `const struct x *`), an array parameter is a pointer, a function
 * pointer is a pointer, and qualifiers of the parameter itself change nothing. Scalars and structs
 * by value keep their canonical spelling (`int` and `unsigned int` stay apart: sign extension is
 * the caller's), but for a `long long` argument, passed as `long`. Undefined for text this does
 * not read (a function returning a function pointer).
 *
 * `shape` is declarationShape's form: `ret name(type,type)` without parameter names.
 */
export function callAbi(shape: string): string | undefined {
  const open = shape.indexOf('(')
  const close = shape.lastIndexOf(')')
  if (open < 0 || close < open || shape.slice(close + 1).trim() !== '') return undefined
  const head = /^(.*?)([A-Za-z_]\w*)\s*$/.exec(shape.slice(0, open))
  if (!head) return undefined
  const ret = passed(head[1], false)
  const params = splitTrimmed(shape.slice(open + 1, close)).map(p => passed(p, true))
  if (ret === undefined || params.some(p => p === undefined)) return undefined
  return `${ret} ${head[2]}(${params.join(',')})`
}

function passed(type: string, argument: boolean): string | undefined {
  if (/\(\s*\*/.test(type) || /[*[]/.test(type)) return 'pointer'
  if (/[()]/.test(type)) return undefined
  const canon = canonicalTypeSpelling(type)
  if (canon === undefined) return undefined
  const plain = canon
    .split(' ')
    .filter(w => w !== '' && w !== 'const' && w !== 'volatile')
    .join(' ')
  // LP64: `long long` and `long` are one 8-byte INTEGER argument, converted alike (audit.h's
  // `unsigned long` inode numbers made `u64` in 6.1.187). Not a result: the caller may dispatch
  // on its type (`_Generic(f(x), unsigned long: ...)`).
  return argument ? (LP64_SAME[plain] ?? plain) : plain
}

const LP64_SAME: Record<string, string> = {
  'long long': 'long',
  'unsigned long long': 'unsigned long'
}

function splitTrimmed(s: string): string[] {
  return splitTop(s).map(p => p.trim())
}

/** Whether every form of a declaration before and after passes and returns the same. */
export function sameCallAbi(before: ReadonlySet<string>, after: ReadonlySet<string>): boolean {
  const a = mapEvery(before, callAbi)
  const b = mapEvery(after, callAbi)
  return (
    a !== undefined && b !== undefined && a.size === 1 && b.size === 1 && [...a][0] === [...b][0]
  )
}

/**
 * How many arguments a call to `name` passes under the prototype `shape` (declarationShape's
 * form). Undefined where the count is not fixed or not read: `(...)` (variadic), `()` (no
 * prototype: any call compiles), a function returning a function pointer.
 */
export function arity(
  shape: string,
  name: string,
  /** Whether an identifier is a typedef name the file or its headers declare. */
  isType?: (identifier: string) => boolean
): number | undefined {
  const close = shape.lastIndexOf(')')
  if (close < 0 || shape.slice(close + 1).trim() !== '') return undefined
  let depth = 0
  let open = -1
  for (let i = close; i >= 0; i--) {
    if (shape[i] === ')') depth++
    else if (shape[i] === '(' && --depth === 0) {
      open = i
      break
    }
  }
  if (open < 0 || !new RegExp(`(?:^|[^\\w])${name}\\s*$`).test(shape.slice(0, open)))
    return undefined
  const params = splitTrimmed(shape.slice(open + 1, close))
  if (params.length === 1 && params[0] === '') return undefined
  if (params.some(p => p === '...')) return undefined
  // `int f_read(F_ARGS)` with `#define F_ARGS int fd, long off`: one parameter in the text, two
  // in the code, and old calls still compile against a list spelled out.
  // A function pointer's own parameters (`void (*)(struct sock *newsk)`) are not this list's:
  // only what each parameter spells outside parentheses is read.
  const ids = params.flatMap(p => outsideParens(p).match(/[A-Za-z_]\w*/g) ?? [])
  const tag = new Set(
    params.flatMap(p => [...p.matchAll(/\b(?:struct|union|enum)\s+(\w+)/g)].map(m => m[1]))
  )
  // Every name must be known to be a type: a macro of that name may be defined by any file
  // that includes the header, before it (a hostile review's case).
  const unsure = (id: string): boolean =>
    !C_TYPE_WORD.test(id) && !isFixedTypedef(id) && !tag.has(id) && !isType?.(id)
  if (ids.some(unsure)) return undefined
  return params.length === 1 && params[0] === 'void' ? 0 : params.length
}

const C_TYPE_WORD =
  /^(?:void|char|short|int|long|float|double|signed|unsigned|_Bool|const|volatile|restrict|struct|union|enum|__user)$/

/** The one argument count every form of a prototype shares, if there is one. */
export function sharedArity(
  forms: ReadonlySet<string>,
  name: string,
  isType?: (identifier: string) => boolean
): number | undefined {
  const counts = mapEvery(forms, f => arity(f, name, isType))
  return counts?.size === 1 ? [...counts][0] : undefined
}

/** `p` without its parenthesised groups' contents (`int(*)(long x)` -> `int(*)()`). */
function outsideParens(p: string): string {
  let depth = 0
  let out = ''
  for (const c of p) {
    if (c === '(') depth++
    if (depth === 0 || (depth === 1 && c === '(')) out += c
    if (c === ')') depth--
  }
  return out
}
