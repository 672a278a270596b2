import type { DeclaredFunction, Finding } from '../model.js'
import {
  expandMacro,
  lexC,
  matchClose,
  splitTopLevel,
  tokensText,
  type Macro,
  type Token
} from './c-lexer.js'
import { FUNC_WALKED, OBJECT_WALKED, isSentinel, objectNameProblem } from './kernel-rules.js'
import { isSymbolName, normalizeObject, parseSympos, unparsed } from './names.js'

/** One `klp_func` entry before its object is known. */
export interface FuncEntry {
  name: string
  sympos?: number
  newName?: string
  line: number
  condition?: string
}

export interface FuncArray {
  file: string
  name: string
  line: number
  entries: FuncEntry[]
  /** Entries after an unconditional sentinel: the kernel never reaches them. */
  unreached?: FuncEntry[]
  /** Line of the sentinel that ends the array early. */
  endLine?: number
  /** What ends it there: an all-zero entry, or a slot an index designator skipped. */
  endWhat?: string
}

export interface ObjectEntry {
  file: string
  line: number
  /** Already normalized; `vmlinux` for `NULL` or absent. */
  object: string
  /** A named `klp_func` array, or entries of an inline compound literal. */
  funcs: { ref: string } | { inline: FuncArray } | null
  /** Undecided `#if` condition guarding the element. */
  condition?: string
  /** Why the kernel never finds the object named (`"foo-mod"`, `"vmlinux"`): nothing is patched. */
  unmatched?: string
  /** Line of the sentinel before this element: the kernel never reaches it. */
  afterEnd?: number
  /** What ends the array there, when not an all-zero entry. */
  afterEndWhat?: string
  /** The `klp_object` array it is an element of. */
  array: string
}

/** What one C file contributes; objects are resolved across files by the caller. */
export interface CFileResult {
  funcArrays: FuncArray[]
  objects: ObjectEntry[]
  /** kGraft entries know their object already. */
  declared: DeclaredFunction[]
  findings: Finding[]
  /** Whether anything livepatch-shaped was seen at all. */
  recognized: boolean
  /** `klp_object` arrays named by a `struct klp_patch`'s `.objs`, when the file defines one. */
  registered: string[]
  /** Whether the file defines a `struct klp_patch` (then its `.objs` is what the kernel walks). */
  hasPatch: boolean
}

/** Upstream `struct klp_func` field order, for positional initializers. */
const FUNC_FIELDS = ['old_name', 'new_func', 'old_sympos']
const OBJECT_FIELDS = ['name', 'funcs']
const MAX_EXPANSION = 8

/** `decide` settles `#if` conditions for the build (its `.config`), see lexC. */
export function readKlpC(
  file: string,
  text: string,
  decide?: (condition: string) => boolean | undefined
): CFileResult {
  const { tokens, macros } = lexC(text, decide)
  const out: CFileResult = {
    funcArrays: [],
    objects: [],
    declared: [],
    findings: [],
    recognized: false,
    registered: [],
    hasPatch: false
  }
  const kgrEnd: KgrEnd = { until: -1, conds: [] }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind === 'id' && t.text === 'struct' && tokens[i + 1]?.text === 'klp_patch') {
      const objs = patchObjects(tokens, i + 2)
      if (objs !== undefined) {
        out.hasPatch = true
        if (objs !== '') out.registered.push(objs)
      }
      continue
    }
    if (t.kind === 'id' && t.text === 'struct' && tokens[i + 1]?.kind === 'id') {
      const type = tokens[i + 1].text
      if (type !== 'klp_func' && type !== 'klp_object') continue
      const decl = arrayInitializer(tokens, i + 2)
      if (!decl) continue
      out.recognized = true
      if (type === 'klp_func') {
        const arr: FuncArray = { file, name: decl.name, line: t.line, entries: [] }
        readFuncElements(file, decl.body, macros, arr, out.findings)
        unreachedFinding(arr, out.findings)
        out.funcArrays.push(arr)
      } else {
        readObjectElements(file, t.line, decl.name, decl.body, macros, out)
      }
      i = decl.end
      continue
    }
    if (t.kind === 'id' && t.text === 'KGR_PATCH_END') {
      // Written without parentheses: `{ }`, the entry kGraft stops at.
      out.recognized = true
      if (i > kgrEnd.until) {
        kgrEnd.line = undefined
        kgrEnd.conds = []
      }
      noteKgrEnd(tokens, i, t, kgrEnd)
      continue
    }
    if (t.kind === 'id' && /^KGR_PATCH/.test(t.text) && tokens[i + 1]?.text === '(') {
      out.recognized = true
      const close = matchClose(tokens, i + 1)
      if (close < 0) {
        out.findings.push(unparsed(file, t.line, `unterminated ${t.text}(`))
        break
      }
      if (i > kgrEnd.until) {
        kgrEnd.line = undefined
        kgrEnd.conds = []
      }
      readKgrPatch(file, t, splitTopLevel(tokens.slice(i + 2, close)), macros, out, kgrEnd)
      i = close
    }
  }
  return out
}

/**
 * The array a `struct klp_patch NAME = { ... .objs = ARRAY ... }` definition registers: its name,
 * '' when `.objs` is something else (a compound literal), undefined when this is no definition
 * (a declaration, a pointer, a parameter).
 */
function patchObjects(tokens: Token[], at: number): string | undefined {
  if (tokens[at]?.kind !== 'id') return undefined
  const init = initializer(tokens, at + 1, ')')
  if (!init) return undefined
  const { open, close } = init
  for (let j = open + 1; j < close; j++) {
    if (tokens[j].text !== '.' || tokens[j + 1]?.text !== 'objs' || tokens[j + 2]?.text !== '=')
      continue
    const v = tokens[j + 3]
    const end = tokens[j + 4]?.text
    return v?.kind === 'id' && (end === ',' || end === '}' || j + 4 === close) ? v.text : ''
  }
  return ''
}

/**
 * The `= { ... }` that follows `from` before a `;` (or `stop`): the braces' token indexes, or
 * undefined when the declaration has no initializer.
 */
function initializer(
  tokens: Token[],
  from: number,
  stop = ';'
): { open: number; close: number } | undefined {
  let k = from
  while (
    k < tokens.length &&
    tokens[k].text !== '=' &&
    tokens[k].text !== ';' &&
    tokens[k].text !== stop
  )
    k++
  if (tokens[k]?.text !== '=' || tokens[k + 1]?.text !== '{') return undefined
  const close = matchClose(tokens, k + 1)
  return close < 0 ? undefined : { open: k + 1, close }
}

/** `NAME [ ... ] <attributes> = { ... }` after `struct klp_xxx`. */
function arrayInitializer(
  tokens: Token[],
  at: number
): { name: string; body: Token[]; end: number } | undefined {
  const name = tokens[at]
  if (name?.kind !== 'id' || tokens[at + 1]?.text !== '[') return undefined
  const closeBracket = matchClose(tokens, at + 1)
  if (closeBracket < 0) return undefined
  const init = initializer(tokens, closeBracket + 1)
  if (!init) return undefined
  return { name: name.text, body: tokens.slice(init.open + 1, init.close), end: init.close }
}

/**
 * An element's `[3] =` designator: the slot it fills (NaN when the index is not a plain number),
 * and the element without it.
 */
function indexDesignator(el: Token[]): { slot: number; rest: Token[] } | undefined {
  if (el[0]?.text !== '[') return undefined
  const close = matchClose(el, 0)
  if (close < 0 || el[close + 1]?.text !== '=') return undefined
  const index = el.slice(1, close)
  const text = index.length === 1 && index[0].kind === 'num' ? index[0].text : ''
  const slot = /^(0x[0-9a-f]+|[1-9][0-9]*|0[0-7]*)u?l{0,2}u?$/i.test(text)
    ? Number.parseInt(text, /^0x/i.test(text) ? 16 : /^0[0-7]/.test(text) ? 8 : 10)
    : Number.NaN
  return { slot, rest: el.slice(close + 2) }
}

/** Expands an element that is a file-local macro use; undefined when it is not one. */
function expandElement(el: Token[], macros: Map<string, Macro>): Token[] | undefined {
  const head = el[0]
  if (head?.kind !== 'id') return undefined
  const macro = macros.get(head.text)
  if (!macro) return undefined
  if (macro.params === undefined) return el.length === 1 ? macro.body : undefined
  if (el[1]?.text !== '(' || matchClose(el, 1) !== el.length - 1) return undefined
  const args = el.length === 3 ? [] : splitTopLevel(el.slice(2, -1))
  return expandMacro(macro, args).map(t => ({ ...t, line: head.line, cond: head.cond }))
}

function braced(el: Token[]): Token[] | undefined {
  if (el[0]?.text !== '{' || matchClose(el, 0) !== el.length - 1) return undefined
  return el.slice(1, -1)
}

/** Splits an initializer into `field -> tokens`, by designator or by position. */
function fields(inner: Token[], order: readonly string[]): Map<string, Token[]> | string {
  const map = new Map<string, Token[]>()
  let pos = 0
  for (const part of splitTopLevel(inner)) {
    if (part.length === 0) continue
    if (part[0].text === '.' && part[1]?.kind === 'id' && part[2]?.text === '=') {
      map.set(part[1].text, part.slice(3))
      continue
    }
    if (part[0].text === '.') return `unsupported designator ${tokensText(part)}`
    const field = order[pos++]
    if (field) map.set(field, part)
  }
  return map
}

/**
 * Where the kernel stops walking an array: `ended` is the line of an unconditional sentinel
 * (`endWhat` says what it is); `endConds` are the conditions of conditional ones (later elements
 * run only when they are false). `slot` is the next element's index, and `guarded` whether an
 * element so far was under an undecided `#if` (then the slots of later ones are not known).
 */
interface WalkState {
  ended?: number
  endWhat?: string
  endConds: string[]
  slot: number
  guarded: boolean
}

const ALL_ZERO = 'an all-zero entry'

function walkState(): WalkState {
  return { endConds: [], slot: 0, guarded: false }
}

/** Elements seen after a sentinel carry the line it ended at, or the conditions it left them. */
type Visit = (f: Map<string, Token[]>, line: number, walk: ElementWalk) => void

interface ElementWalk {
  afterEnd?: number
  endWhat?: string
  /** The element's undecided condition, with the negated conditions of earlier sentinels. */
  condition?: string
}

function elementWalk(state: WalkState, cond: string | undefined): ElementWalk {
  const parts = state.endConds.map(c => `!(${c})`)
  if (cond !== undefined) parts.push(parts.length > 0 ? `(${cond})` : cond)
  const w: ElementWalk = {}
  if (state.ended !== undefined) {
    w.afterEnd = state.ended
    w.endWhat = state.endWhat ?? ALL_ZERO
  }
  if (parts.length > 0) w.condition = parts.join(' && ')
  return w
}

/**
 * Calls `visit` with the fields of every braced element of an initializer list, expanding the
 * file's own macros (`KLP_FUNC(x)`-style helpers) up to MAX_EXPANSION levels; anything else is an
 * `unparsed` finding. A sentinel (`{ }`, `{ NULL }`) ends the array for the kernel: later elements
 * are still visited, marked `afterEnd`, so that they can be named.
 */
function forEachElement(
  file: string,
  body: Token[],
  macros: Map<string, Macro>,
  what: string,
  known: readonly string[],
  findings: Finding[],
  visit: Visit,
  walked: readonly string[],
  state: WalkState = walkState(),
  depth = 0
): void {
  for (const raw of splitTopLevel(body)) {
    const designated = indexDesignator(raw)
    const el = designated?.rest ?? raw
    if (el.length === 0) continue
    const line = el[0].line
    if (designated !== undefined) {
      const why = placeBySlot(state, designated.slot, line)
      if (why !== undefined) {
        findings.push(unparsed(file, line, `${what} entry ${why}`))
        continue
      }
    }
    if (el[0].cond !== undefined) state.guarded = true
    const spelled = perBuildUse(el, macros)
    if (spelled !== undefined) {
      findings.push(unparsed(file, line, `${what} entry ${spelled}`))
      state.slot++
      continue
    }
    const inner = braced(el)
    if (inner === undefined) {
      const expanded = depth < MAX_EXPANSION ? expandElement(el, macros) : undefined
      if (expanded) {
        const next = depth + 1
        forEachElement(file, expanded, macros, what, known, findings, visit, walked, state, next)
      } else {
        findings.push(unparsed(file, line, `${what} entry not understood: ${clip(el)}`))
        state.slot++
      }
      continue
    }
    state.slot++
    // An #if inside the braces (`.old_name` spelled per architecture): the lexer keeps both
    // branches and the last spelling would win; which one the build takes is not decided here.
    const split = inner.find(t => t.cond !== el[0].cond)
    if (split !== undefined) {
      findings.push(
        unparsed(
          file,
          split.line,
          `${what} entry has an #if inside it (${split.cond ?? 'its #else'}): which fields the build compiles is not decided here`
        )
      )
      continue
    }
    const f = fields(inner, known)
    if (typeof f === 'string') findings.push(unparsed(file, line, f))
    else if (isSentinel(f, walked)) {
      if (state.ended !== undefined) continue
      if (el[0].cond === undefined) state.ended = line
      else state.endConds.push(el[0].cond)
    } else visit(f, line, elementWalk(state, el[0].cond))
  }
}

/**
 * Places a `[slot] =` element. Slots it skips are zero, and the kernel's walk stops at the first
 * of them (the element itself is then never reached). Undefined when placed; else why not: an
 * index that is not a number, a slot behind the walk (it fills a skipped slot or overrides one:
 * read in order, the array's end would be guessed), or slots that depend on earlier `#if`-guarded
 * elements.
 */
function placeBySlot(state: WalkState, slot: number, line: number): string | undefined {
  if (Number.isNaN(slot)) return 'has an index designator that is not a plain number'
  if (state.guarded) {
    return `is placed by [${slot}] = after #if-guarded entries: its slot depends on the build`
  }
  if (slot < state.slot) {
    return `is placed by [${slot}] = behind entries already given (index designators out of order): which entries the kernel walks is not decided here`
  }
  if (slot > state.slot && state.ended === undefined) {
    state.ended = line
    state.endWhat = `slot ${state.slot}, left all-zero by [${slot}] =`
  }
  state.slot = slot
  return undefined
}

function readFuncElements(
  file: string,
  body: Token[],
  macros: Map<string, Macro>,
  arr: FuncArray,
  findings: Finding[]
): void {
  const visit: Visit = (f, line, walk) => {
    const oldName = f.get('old_name')
    const name = oldName ? symbolValue(oldName, macros) : undefined
    if (!name) {
      const shown = oldName ? clip(oldName) : '(none)'
      findings.push(unparsed(file, line, `klp_func old_name not understood: ${shown}`))
      return
    }
    const entry: FuncEntry = { name, line: oldName?.[0]?.line ?? line }
    const newFunc = f.get('new_func')?.filter(t => t.kind === 'id')
    if (newFunc && newFunc.length > 0) entry.newName = newFunc[newFunc.length - 1].text
    const posTokens = f.get('old_sympos')
    if (posTokens) {
      const expanded = expandValue(posTokens, macros)
      const pos = parseSympos(tokensText(expanded))
      if (pos === 'invalid') {
        findings.push(
          unparsed(file, line, `old_sympos of ${name} not understood: ${clip(posTokens)}`)
        )
      } else if (pos !== undefined) entry.sympos = pos
    }
    if (walk.condition !== undefined) entry.condition = walk.condition
    if (walk.afterEnd === undefined) arr.entries.push(entry)
    else {
      arr.endLine = walk.afterEnd
      arr.endWhat = walk.endWhat
      ;(arr.unreached ??= []).push(entry)
    }
  }
  const state = walkState()
  forEachElement(file, body, macros, 'klp_func', FUNC_FIELDS, findings, visit, FUNC_WALKED, state)
  unterminated(
    file,
    arr.line,
    `klp_func array ${arr.name || '(compound literal)'}`,
    state,
    findings
  )
}

/**
 * Nothing stops the kernel's walk of an array without an all-zero entry: it reads past the end
 * (`klp_for_each_func_static`), so what it patches is not what the file says.
 */
function unterminated(
  file: string,
  line: number,
  what: string,
  state: WalkState,
  findings: Finding[]
): void {
  if (state.ended !== undefined) return
  const how =
    state.endConds.length > 0
      ? `ends with an all-zero entry only under #if ${state.endConds.join(' || ')}`
      : 'has no all-zero last entry ({ })'
  findings.push(unparsed(file, line, `${what} ${how}: the kernel walks past its end`, 'warning'))
}

function readObjectElements(
  file: string,
  arrayLine: number,
  array: string,
  body: Token[],
  macros: Map<string, Macro>,
  out: CFileResult
): void {
  const state = walkState()
  const visit: Visit = (f, line, walk) => {
    const nameTokens = f.get('name')
    let object = 'vmlinux'
    let unmatched: string | undefined
    if (nameTokens) {
      const v = expandValue(nameTokens, macros)
      if (v.length === 1 && v[0].kind === 'id' && v[0].text === 'NULL') object = 'vmlinux'
      else if (v.length > 0 && v.every(t => t.kind === 'str')) {
        // The kernel compares the name as written: it is kept, not normalised into a match.
        object = v.map(t => t.text).join('')
        unmatched = objectNameProblem(object)
      } else {
        out.findings.push(
          unparsed(file, line, `klp_object name not understood: ${clip(nameTokens)}`)
        )
        return
      }
    }
    const funcs = objectFuncs(file, f.get('funcs'), macros, out)
    const entry: ObjectEntry = { file, line, object, funcs, array }
    if (walk.condition !== undefined) entry.condition = walk.condition
    if (unmatched !== undefined) entry.unmatched = unmatched
    if (walk.afterEnd !== undefined) {
      entry.afterEnd = walk.afterEnd
      if (walk.endWhat !== ALL_ZERO) entry.afterEndWhat = walk.endWhat
    }
    out.objects.push(entry)
  }
  forEachElement(
    file,
    body,
    macros,
    'klp_object',
    OBJECT_FIELDS,
    out.findings,
    visit,
    OBJECT_WALKED,
    state
  )
  unterminated(file, arrayLine, 'klp_object array', state, out.findings)
}

function objectFuncs(
  file: string,
  tokens: Token[] | undefined,
  macros: Map<string, Macro>,
  out: CFileResult
): ObjectEntry['funcs'] {
  if (!tokens || tokens.length === 0) return null
  const v = expandValue(tokens, macros)
  if (v.length === 1 && v[0].kind === 'id') return v[0].text === 'NULL' ? null : { ref: v[0].text }
  // `(struct klp_func[]) { ... }`: a compound literal written in place.
  if (v[0]?.text === '(') {
    const close = matchClose(v, 0)
    const rest = close > 0 ? v.slice(close + 1) : []
    const inner = braced(rest)
    if (inner) {
      const arr: FuncArray = { file, name: '', line: v[0].line, entries: [] }
      readFuncElements(file, inner, macros, arr, out.findings)
      unreachedFinding(arr, out.findings)
      return { inline: arr }
    }
  }
  out.findings.push(unparsed(file, v[0]?.line ?? 0, `klp_object funcs not understood: ${clip(v)}`))
  return null
}

/**
 * Why `tokens` cannot be read without the build: they use, directly or through the file's other
 * macros, one that the file spells per `#if` it cannot decide (the lexer keeps only the last
 * spelling). Undefined when they do not.
 */
function perBuildUse(
  tokens: Token[],
  macros: Map<string, Macro>,
  seen = new Set<string>()
): string | undefined {
  for (const t of tokens) {
    const m = t.kind === 'id' && !seen.has(t.text) ? macros.get(t.text) : undefined
    if (m === undefined) continue
    seen.add(m.name)
    if (m.perBuild !== undefined) {
      const where = m.perBuild.map(c => `#if ${c}`).join('; ')
      return `uses ${m.name}, which the file defines per build (${where}): which definition the build reads is not decided here (the build's .config decides it)`
    }
    const inner = perBuildUse(m.body, macros, seen)
    if (inner !== undefined) return inner
  }
  return undefined
}

/** Object-like macros used as values (`.old_sympos = FOO_POS`) are expanded once or twice. */
function expandValue(tokens: Token[], macros: Map<string, Macro>): Token[] {
  let cur = tokens
  for (let d = 0; d < MAX_EXPANSION; d++) {
    const next = expandElement(cur, macros)
    if (!next) return cur
    cur = next
  }
  return cur
}

/** A symbol written as a string, as `__stringify(sym)`, or through a local macro. */
function symbolValue(tokens: Token[], macros: Map<string, Macro>): string | undefined {
  const v = expandValue(tokens, macros)
  if (v.length > 0 && v.every(t => t.kind === 'str')) {
    const s = v.map(t => t.text).join('')
    return isSymbolName(s) ? s : undefined
  }
  if (v[0]?.kind === 'id' && (v[0].text === '__stringify' || v[0].text === 'stringify')) {
    if (v[1]?.text !== '(' || matchClose(v, 1) !== v.length - 1) return undefined
    // __stringify expands its argument first, so a local macro naming the symbol works too.
    const arg = expandValue(v.slice(2, -1), macros)
    const s = arg.map(t => t.text).join('')
    return arg.every(t => t.kind === 'id' || t.kind === 'num' || t.text === '.') && isSymbolName(s)
      ? s
      : undefined
  }
  return undefined
}

/**
 * kGraft (SLE 12): `KGR_PATCH(sym, new_fn)` patches vmlinux; early versions had a third
 * `abort_if_missing` bool; `KGR_PATCH_OBJ(sym, new_fn, "module")` names the object; SUSE trees also
 * carry position variants (`KGR_PATCH_POS`, `KGR_PATCH_OBJPOS`) whose last numeric argument is the
 * sympos. Read leniently: the first argument is the symbol, an `OBJ` macro's third is the object.
 */
function readKgrPatch(
  file: string,
  head: Token,
  args: Token[][],
  macros: Map<string, Macro>,
  out: CFileResult,
  end: KgrEnd
): void {
  const macro = head.text
  const spelled = perBuildUse(args.flat(), macros)
  if (spelled !== undefined) {
    out.findings.push(unparsed(file, head.line, `${macro} ${spelled}`))
    return
  }
  const first = expandValue(args[0], macros)
  const name =
    first.length === 1 && (first[0].kind === 'id' || first[0].kind === 'str')
      ? first[0].text
      : symbolValue(first, macros)
  if (!name || !isSymbolName(name)) {
    out.findings.push(unparsed(file, head.line, `${macro} symbol not understood: ${clip(args[0])}`))
    return
  }
  const decl: DeclaredFunction = { object: 'vmlinux', name, source: `${file}:${head.line}` }
  const newFn = args[1]?.filter(t => t.kind === 'id')
  if (newFn && newFn.length > 0) decl.newName = newFn[newFn.length - 1].text
  if (/OBJ/.test(macro)) {
    const obj = args[2] ? expandValue(args[2], macros) : []
    if (obj.length !== 1 || (obj[0].kind !== 'str' && obj[0].kind !== 'id')) {
      out.findings.push(unparsed(file, head.line, `${macro} object not understood: ${clip(obj)}`))
      return
    }
    if (obj[0].kind === 'str') {
      // kGraft hands a quoted object name to find_module as klp does: it is matched as written.
      const problem = objectNameProblem(obj[0].text)
      if (problem !== undefined) {
        out.findings.push({
          ...unparsed(
            file,
            head.line,
            `${macro} object "${obj[0].text}" names no module the kernel can find (${problem}): ${name} is not patched`
          ),
          functions: [name]
        })
        return
      }
      decl.object = obj[0].text
    } else decl.object = obj[0].text === 'NULL' ? 'vmlinux' : normalizeObject(obj[0].text)
  }
  if (/POS/.test(macro)) {
    const last = args[args.length - 1]
    const pos = last && last.length === 1 ? parseSympos(last[0].text) : 'invalid'
    if (pos === 'invalid') {
      out.findings.push(unparsed(file, head.line, `${macro} position not understood`))
    } else if (pos !== undefined) decl.sympos = pos
  }
  const condition = [...end.conds.map(c => `!(${c})`), ...(head.cond ? [head.cond] : [])]
  if (condition.length > 0) decl.condition = condition.join(' && ')
  if (end.line !== undefined) {
    out.findings.push({
      kind: 'declaration-unparsed',
      severity: 'warning',
      message: `${macro}(${name}) comes after KGR_PATCH_END at line ${end.line}: kGraft stops at the end marker, so ${name} is not patched`,
      file,
      line: head.line,
      functions: [name]
    })
    return
  }
  out.declared.push(decl)
}

/** A `KGR_PATCH_END` and the last token of the list it ends. */
interface KgrEnd {
  until: number
  line?: number
  conds: string[]
}

function noteKgrEnd(tokens: Token[], at: number, head: Token, end: KgrEnd): void {
  let depth = 0
  let k = at
  for (; k < tokens.length; k++) {
    const x = tokens[k].text
    if (tokens[k].kind !== 'punct') continue
    if (x === '(' || x === '[' || x === '{') depth++
    else if (x === ')' || x === ']' || x === '}') {
      if (depth === 0) break
      depth--
    }
  }
  end.until = Math.max(end.until, k)
  if (head.cond === undefined) end.line ??= head.line
  else end.conds.push(head.cond)
}

/** Entries after a sentinel, named in one finding per array. */
function unreachedFinding(arr: FuncArray, findings: Finding[]): void {
  if (!arr.unreached || arr.unreached.length === 0) return
  const names = arr.unreached.map(e => e.name)
  const list = arr.unreached.map(e => `${e.name} (line ${e.line})`).join(', ')
  findings.push({
    kind: 'declaration-unparsed',
    severity: 'warning',
    message: `klp_func array ${arr.name || '(compound literal)'} ends at line ${arr.endLine} (${arr.endWhat ?? ALL_ZERO}): the kernel stops there and does not patch ${list}`,
    file: arr.file,
    line: arr.endLine,
    functions: names
  })
}

function clip(tokens: Token[]): string {
  const s = tokensText(tokens)
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}
