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
}

export interface ObjectEntry {
  file: string
  line: number
  /** Already normalized; `vmlinux` for `NULL` or absent. */
  object: string
  /** A named `klp_func` array, or entries of an inline compound literal. */
  funcs: { ref: string } | { inline: FuncArray } | null
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
}

/** Upstream `struct klp_func` field order, for positional initializers. */
const FUNC_FIELDS = ['old_name', 'new_func', 'old_sympos']
const OBJECT_FIELDS = ['name', 'funcs']
const MAX_EXPANSION = 8

export function readKlpC(file: string, text: string): CFileResult {
  const { tokens, macros } = lexC(text)
  const out: CFileResult = {
    funcArrays: [],
    objects: [],
    declared: [],
    findings: [],
    recognized: false
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind === 'id' && t.text === 'struct' && tokens[i + 1]?.kind === 'id') {
      const type = tokens[i + 1].text
      if (type !== 'klp_func' && type !== 'klp_object') continue
      const decl = arrayInitializer(tokens, i + 2)
      if (!decl) continue
      out.recognized = true
      if (type === 'klp_func') {
        const arr: FuncArray = { file, name: decl.name, line: t.line, entries: [] }
        readFuncElements(file, decl.body, macros, arr.entries, out.findings)
        out.funcArrays.push(arr)
      } else {
        readObjectElements(file, decl.body, macros, out)
      }
      i = decl.end
      continue
    }
    if (t.kind === 'id' && /^KGR_PATCH/.test(t.text) && tokens[i + 1]?.text === '(') {
      out.recognized = true
      const close = matchClose(tokens, i + 1)
      if (close < 0) {
        out.findings.push(unparsed(file, t.line, `unterminated ${t.text}(`))
        break
      }
      readKgrPatch(file, t, splitTopLevel(tokens.slice(i + 2, close)), macros, out)
      i = close
    }
  }
  return out
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
  let k = closeBracket + 1
  while (k < tokens.length && tokens[k].text !== '=' && tokens[k].text !== ';') k++
  if (tokens[k]?.text !== '=' || tokens[k + 1]?.text !== '{') return undefined
  const close = matchClose(tokens, k + 1)
  if (close < 0) return undefined
  return { name: name.text, body: tokens.slice(k + 2, close), end: close }
}

/** Strips `[3] =` array designators. */
function dropIndexDesignator(el: Token[]): Token[] {
  if (el[0]?.text !== '[') return el
  const close = matchClose(el, 0)
  return close > 0 && el[close + 1]?.text === '=' ? el.slice(close + 2) : el
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
 * Calls `visit` with the fields of every braced element of an initializer list, expanding the
 * file's own macros (`KLP_FUNC(x)`-style helpers) up to MAX_EXPANSION levels; anything else is an
 * `unparsed` finding.
 */
function forEachElement(
  file: string,
  body: Token[],
  macros: Map<string, Macro>,
  what: string,
  known: readonly string[],
  findings: Finding[],
  visit: (f: Map<string, Token[]>, el: Token[], line: number) => void,
  depth = 0
): void {
  for (const raw of splitTopLevel(body)) {
    const el = dropIndexDesignator(raw)
    if (el.length === 0) continue
    const line = el[0].line
    const inner = braced(el)
    if (inner === undefined) {
      const expanded = depth < MAX_EXPANSION ? expandElement(el, macros) : undefined
      if (expanded) {
        forEachElement(file, expanded, macros, what, known, findings, visit, depth + 1)
      } else findings.push(unparsed(file, line, `${what} entry not understood: ${clip(el)}`))
      continue
    }
    if (inner.length === 0) continue
    const f = fields(inner, known)
    if (typeof f === 'string') findings.push(unparsed(file, line, f))
    else visit(f, el, line)
  }
}

function readFuncElements(
  file: string,
  body: Token[],
  macros: Map<string, Macro>,
  entries: FuncEntry[],
  findings: Finding[]
): void {
  forEachElement(file, body, macros, 'klp_func', FUNC_FIELDS, findings, (f, el, line) => {
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
    if (el[0].cond) entry.condition = el[0].cond
    entries.push(entry)
  })
}

function readObjectElements(
  file: string,
  body: Token[],
  macros: Map<string, Macro>,
  out: CFileResult
): void {
  forEachElement(file, body, macros, 'klp_object', OBJECT_FIELDS, out.findings, (f, _el, line) => {
    const nameTokens = f.get('name')
    let object = 'vmlinux'
    if (nameTokens) {
      const v = expandValue(nameTokens, macros)
      if (v.length === 1 && v[0].kind === 'id' && v[0].text === 'NULL') object = 'vmlinux'
      else if (v.length > 0 && v.every(t => t.kind === 'str')) {
        object = normalizeObject(v.map(t => t.text).join(''))
      } else {
        out.findings.push(
          unparsed(file, line, `klp_object name not understood: ${clip(nameTokens)}`)
        )
        return
      }
    }
    out.objects.push({ file, line, object, funcs: objectFuncs(file, f.get('funcs'), macros, out) })
  })
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
      readFuncElements(file, inner, macros, arr.entries, out.findings)
      return { inline: arr }
    }
  }
  out.findings.push(unparsed(file, v[0]?.line ?? 0, `klp_object funcs not understood: ${clip(v)}`))
  return null
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
  out: CFileResult
): void {
  const macro = head.text
  if (macro === 'KGR_PATCH_END') return
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
    decl.object = obj[0].text === 'NULL' ? 'vmlinux' : normalizeObject(obj[0].text)
  }
  if (/POS/.test(macro)) {
    const last = args[args.length - 1]
    const pos = last && last.length === 1 ? parseSympos(last[0].text) : 'invalid'
    if (pos === 'invalid') {
      out.findings.push(unparsed(file, head.line, `${macro} position not understood`))
    } else if (pos !== undefined) decl.sympos = pos
  }
  if (head.cond) decl.condition = head.cond
  out.declared.push(decl)
}

function clip(tokens: Token[]): string {
  const s = tokensText(tokens)
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}
