/**
 * Text views of one C source with every offset and line kept: blanked regions become spaces and
 * newlines survive, so a position in a view is the same position in the original.
 */

/** A run of spaces, sliced from one string grown on demand. */
let SPACES = ' '.repeat(1024)
function spaces(n: number): string {
  while (SPACES.length < n) SPACES += SPACES
  return SPACES.slice(0, n)
}

/**
 * `text` with the `[from, to)` ranges (ascending, disjoint) turned into spaces, newlines kept. Built
 * from slices: splitting a 300 KB source into single characters cost ~30 ms a view, and so did a
 * regex replacing each character of the ranges (a kernel header is mostly comments).
 */
function blankRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text
  const out: string[] = []
  let last = 0
  for (const [from, to] of ranges) {
    if (to <= from) continue
    out.push(text.slice(last, from))
    for (let at = from; ;) {
      const nl = text.indexOf('\n', at)
      if (nl < 0 || nl >= to) {
        out.push(spaces(to - at))
        break
      }
      out.push(spaces(nl - at), '\n')
      at = nl + 1
    }
    last = to
  }
  out.push(text.slice(last))
  return out.join('')
}

/**
 * Comments and (unless `strings` is false) the contents of string and character literals become
 * spaces (quotes stay), so braces, parentheses and identifiers in them can't confuse the scans.
 */
export function maskCommentsAndStrings(text: string, strings = true): string {
  const ranges: Array<[number, number]> = []
  const n = text.length
  const start = /[/"']/g
  let i = 0
  while (i < n) {
    start.lastIndex = i
    const m = start.exec(text)
    if (m === null) break
    i = m.index
    const c = text[i]
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      const stop = end < 0 ? n : end + 2
      ranges.push([i, stop])
      i = stop
    } else if (c === '/' && text[i + 1] === '/') {
      let end = text.indexOf('\n', i)
      // A backslash-newline continues a line comment, as cpp sees it.
      while (end > 0 && text[end - 1] === '\\') end = text.indexOf('\n', end + 1)
      const stop = end < 0 ? n : end
      ranges.push([i, stop])
      i = stop
    } else if (c === '"' || c === "'") {
      let j = i + 1
      let from = i + 1
      while (j < n && text[j] !== c && text[j] !== '\n') {
        if (text[j] === '\\' && (text[j + 1] === '\n' || text[j + 1] === '\r')) {
          // A literal spliced over lines keeps its backslash: directives and macros run on.
          if (strings) ranges.push([from, j])
          from = j + 1
        }
        j += text[j] !== '\\' ? 1 : text[j + 1] === '\r' && text[j + 2] === '\n' ? 3 : 2
      }
      if (strings) ranges.push([from, Math.min(j, n)])
      i = j + 1
    } else {
      i++
    }
  }
  return blankRanges(text, ranges)
}

/** [start, end) offsets of every preprocessor directive, continuation lines included. */
export function directiveRanges(masked: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const re = /^[ \t]*#/gm
  let m: RegExpExecArray | null
  while ((m = re.exec(masked)) !== null) {
    let end = masked.indexOf('\n', m.index)
    while (end > 0 && /\\[ \t]*$/.test(masked.slice(Math.max(0, end - 8), end))) {
      end = masked.indexOf('\n', end + 1)
    }
    if (end < 0) end = masked.length
    ranges.push([m.index, end])
    re.lastIndex = end
  }
  return ranges
}

/** Preprocessor directives become spaces. */
export function blankDirectives(masked: string, ranges: Array<[number, number]>): string {
  return blankRanges(masked, ranges)
}

/**
 * Kernel annotations that expand to GCC attributes or to nothing. tree-sitter reads them as type
 * names or declarators and then mis-parses the definition, so they are blanked before parsing.
 */
const BARE_ATTRIBUTES = [
  '__init',
  '__exit',
  '__initdata',
  '__initconst',
  '__exitdata',
  '__meminit',
  '__meminitdata',
  '__meminitconst',
  '__ref',
  '__refdata',
  '__refconst',
  '__init_or_module',
  '__net_init',
  '__net_exit',
  '__net_initdata',
  '__always_inline',
  '__inline',
  '__inline__',
  'noinline',
  '__noinline',
  'noinline_for_stack',
  'notrace',
  '__weak',
  '__cold',
  '__hot',
  '__maybe_unused',
  '__always_unused',
  '__used',
  '__must_check',
  'asmlinkage',
  '__visible',
  '__sched',
  '__noreturn',
  '__latent_entropy',
  '__cpuidle',
  'noinstr',
  '__kprobes',
  'nokprobe_inline',
  '__pure',
  // `u64 __attribute_const__ efivar_reserved_space(void);` (6.1.187's efi.h): after a typedef
  // name, tree-sitter took the annotation for the declarator and the prototype for a call.
  '__attribute_const__',
  '__gnu_inline',
  '__flatten',
  '__malloc',
  '__noclone',
  '__naked',
  '__nocfi',
  '__noendbr',
  '__irq_entry',
  '__softirq_entry',
  '__read_mostly',
  '__ro_after_init',
  '__lsm_ro_after_init',
  '__initdata_or_module',
  '__cacheline_aligned',
  '__cacheline_aligned_in_smp',
  '____cacheline_aligned',
  '____cacheline_aligned_in_smp',
  '____cacheline_internodealigned_in_smp',
  '__page_aligned_data',
  '__page_aligned_bss',
  '__packed',
  '__randomize_layout',
  '__no_randomize_layout',
  '__designated_init',
  '__user',
  '__kernel',
  '__iomem',
  '__rcu',
  '__percpu',
  '__force',
  '__bitwise',
  '__private',
  '__safe',
  '__nocast',
  '__no_kcsan',
  '__no_sanitize_address',
  '__no_kasan_or_inline',
  '__no_sanitize_or_inline',
  '__no_stack_protector',
  '__nostackprotector',
  '__fix_address',
  '__ftrace_invalid_address___'
]

/** Annotations that take a parenthesised argument list, blanked together with it. */
const CALL_ATTRIBUTES = [
  '__attribute__',
  '__attribute',
  '__printf',
  '__scanf',
  '__aligned',
  '__section',
  '__acquires',
  '__releases',
  '__must_hold',
  '__alloc_size',
  '__assume_aligned',
  '__counted_by',
  '__no_sanitize_coverage',
  '__diag_ignore',
  '__nonstring',
  '__realloc_size'
]

const BARE = new Set(BARE_ATTRIBUTES)
const CALL = new Set(CALL_ATTRIBUTES)

/** Attribute macro names (both kinds), for callers that skip them while reading tokens. */
export function isAttributeMacro(name: string): boolean {
  return BARE.has(name) || CALL.has(name)
}

/** Offset just past the `)` matching the `(` at `open`, or -1. */
export function matchParen(masked: string, open: number): number {
  let depth = 0
  for (let i = open; i < masked.length; i++) {
    const c = masked[i]
    if (c === '(') depth++
    else if (c === ')') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return -1
}

/**
 * Every attribute name as one alternation: the engine finds the few annotations itself instead of
 * handing back each of a file's tens of thousands of identifiers to be looked up. `\b` on both sides
 * makes a match a whole identifier, as a lookup of each would.
 */
const ATTRIBUTE_WORD = new RegExp(
  `\\b(?:${[...BARE_ATTRIBUTES, ...CALL_ATTRIBUTES].join('|')})\\b`,
  'g'
)

/**
 * The `[from, to)` ranges of attribute annotations in `masked` (a text through
 * maskCommentsAndStrings) outside preprocessor directives (a `#define __init ...` must keep its
 * name): a call-like one with its argument list.
 */
export function attributeRanges(
  masked: string,
  directives: Array<[number, number]>
): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const re = new RegExp(ATTRIBUTE_WORD)
  let d = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(masked)) !== null) {
    const at = m.index
    while (d < directives.length && directives[d][1] <= at) d++
    if (d < directives.length && directives[d][0] <= at) {
      re.lastIndex = directives[d][1]
      continue
    }
    const word = m[0]
    if (BARE.has(word)) {
      ranges.push([at, at + word.length])
    } else if (CALL.has(word)) {
      let j = at + word.length
      while (j < masked.length && /\s/.test(masked[j])) j++
      const end = masked[j] === '(' ? matchParen(masked, j) : -1
      const stop = end < 0 ? at + word.length : end
      ranges.push([at, stop])
      re.lastIndex = stop
    }
  }
  return ranges
}

/**
 * Blanks attribute annotations in `text` outside preprocessor directives. `masked` is `text`
 * through maskCommentsAndStrings; `ranges` its attributeRanges when already known.
 */
export function blankAttributes(
  text: string,
  masked: string,
  directives: Array<[number, number]>,
  ranges = attributeRanges(masked, directives)
): string {
  return blankRanges(text, ranges)
}

/** Offsets where each line starts; line numbers are 1-based. */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }

  lineOf(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  get lineCount(): number {
    return this.starts.length
  }
}
