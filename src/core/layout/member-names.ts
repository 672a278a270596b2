import { append } from '../arrays.js'
import { blankAttributes } from '../source/mask.js'
import { matchBrace, matchingParen } from '../text/parens.js'
import { splitTop } from './struct-layout.js'

const IDENT = /[A-Za-z_]\w*/g

/**
 * The kernel's macros that declare one member, and which argument is its name:
 * `DECLARE_BITMAP(flags, DEV_FLAG_COUNT)` declares `flags` (6.1.176's struct device).
 */
const DECLARING: Record<string, number> = {
  DECLARE_BITMAP: 0,
  DECLARE_HASHTABLE: 0,
  DECLARE_KFIFO: 0,
  DECLARE_KFIFO_PTR: 0,
  DECLARE_FLEX_ARRAY: 1,
  __DECLARE_FLEX_ARRAY: 1
}

const CALL = /^\s*([A-Za-z_]\w*)\s*\(/

/** `int a, b[4]`, `int (*fn)(int)`, `unsigned f : 3`, `union { int x; long y; } u`. */
export function memberNames(text: string): string[] {
  const call = CALL.exec(text)
  // One call and nothing else: `int (*fn)(int x)` is no macro's.
  const open = call ? text.indexOf('(') : -1
  if (call && matchingParen(text, open) === text.trimEnd().length - 1)
    return macroMemberNames(call[1], text.slice(open + 1, text.trimEnd().length - 1))
  const names: string[] = []
  const brace = text.indexOf('{')
  if (brace >= 0) {
    const close = matchBrace(text, brace)
    for (const m of splitTop(text.slice(brace + 1, close), ';')) append(names, memberNames(m))
    const rest = text.slice(close + 1)
    for (const d of splitTop(rest, ',')) append(names, declaratorName(d))
    return names
  }
  // Only the first declarator carries the type: `u32 band:3, ack_frame_id:13` names both.
  splitTop(text, ',').forEach((d, i) => append(names, i === 0 ? firstName(d) : declaratorName(d)))
  return names
}

const TYPE_WORDS = new Set(['char', 'short', 'int', 'long', 'signed', 'unsigned', '_Bool', 'bool'])

/** The first declarator, with the type: an unnamed bitfield (`u16 :4`) declares nothing. */
function firstName(text: string): string[] {
  const bits = /^\s*([\w\s]+?)\s*:\s*\w+\s*$/.exec(text)
  if (bits) {
    const words = bits[1].split(/\s+/)
    if (words.length === 1 || words.every(w => TYPE_WORDS.has(w))) return []
  }
  return declaratorName(text)
}

function declaratorName(text: string): string[] {
  // Attributes follow the declarator (`hostdata[] __attribute__((aligned(8)))`, `lock
  // ____cacheline_aligned_in_smp`): read as the last identifier, they hid the member's name.
  const decl = blankAttributes(text, text, [])
  const pointer = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(decl)
  if (pointer) return [pointer[1]]
  const bare = decl
    .replace(/\[[^\]]*\]/g, '')
    .replace(/:[^:]*$/, '')
    .replace(/\([^)]*\)/g, '')
  const ids = bare.match(IDENT)
  return ids ? [ids[ids.length - 1]] : []
}

/**
 * A member a macro writes: the argument a known macro names it by; for another, every argument
 * that is a bare name (`BITS3(f)`), and the members an argument declares (`struct_group(stats,
 * u64 rx; u64 tx;)`): which one it declares is not read, and a name too many only widens a search.
 */
function macroMemberNames(macro: string, args: string): string[] {
  const list = splitTop(args, ',').map(a => a.trim())
  const at = DECLARING[macro]
  if (at !== undefined && /^[A-Za-z_]\w*$/.test(list[at] ?? '')) return [list[at]]
  const names: string[] = []
  for (const arg of list) {
    if (/^[A-Za-z_]\w*$/.test(arg)) names.push(arg)
    else if (arg.includes(';')) for (const m of splitTop(arg, ';')) append(names, memberNames(m))
  }
  return names.length > 0 ? names : [macro]
}
