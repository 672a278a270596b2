import type { Node, Parser, Tree } from 'web-tree-sitter'
import type { FunctionDef, SourceMap } from '../model.js'
import { attributesIn } from './attributes.js'
import { definerNames } from './definers.js'
import { readHeader, splitArgs } from './header.js'
import { recall } from './recent.js'
import { partitionPoint } from '../arrays.js'
import { parseStoreOf } from '../parse-cache/store.js'
import { decodeParse, encodeParse, type StoredParse } from '../parse-cache/stored-parse.js'
import { collectMacros, generatedFunctions, type Template } from './macros.js'
import {
  LineIndex,
  attributeRanges,
  blankAttributes,
  blankDirectives,
  directiveRanges,
  maskCommentsAndStrings
} from './mask.js'

type Declaration = SourceMap['declarations'][number]

/** A located function with the offsets the diff mapper and findCallers need. */
export interface LocatedFunction extends FunctionDef {
  /** Offsets of the body `{` and just past its `}` (the invocation for generated functions). */
  bodyStart: number
  bodyEnd: number
}

export interface Analysis {
  map: SourceMap
  functions: LocatedFunction[]
  /** Comments, strings, directives and attribute macros blanked; offsets as in the text. */
  code: string
  /** Comments and strings blanked only (directives kept). */
  masked: string
  lines: LineIndex
}

/** Nodes whose children are top-level items (conditional branches, error recovery). */
const CONTAINERS = new Set([
  'translation_unit',
  'preproc_if',
  'preproc_ifdef',
  'preproc_else',
  'preproc_elif',
  'preproc_elifdef',
  'linkage_specification',
  'declaration_list',
  'ERROR'
])

function lastLine(node: Node): number {
  const end = node.endPosition
  return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1
}

/** Offset just past the `}` matching the `{` at `open` in `code`, or -1. */
function matchBrace(code: string, open: number): number {
  let depth = 0
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++
    else if (code[i] === '}' && --depth === 0) return i + 1
  }
  return -1
}

/** The source and its view with attributes kept, to read the annotations of each definition. */
export interface AttributeView {
  view: string
  text: string
}

/** Ascending offsets of every `{` in `code`: only a node holding one can be a body or hold one. */
function braceOffsets(code: string): number[] {
  const out: number[] = []
  for (let i = code.indexOf('{'); i >= 0; i = code.indexOf('{', i + 1)) out.push(i)
  return out
}

/** The first of the ascending `offsets` at or after `from`, or -1. */
function nextOffset(offsets: number[], from: number): number {
  const i = partitionPoint(offsets.length, k => offsets[k] < from)
  return i < offsets.length ? offsets[i] : -1
}

/**
 * Walks with a cursor rather than `node.children`: each child Node costs an allocation and several
 * wasm calls, and most of a kernel file's nodes are declarations, initializers and struct members
 * holding no `{` at all, skipped here from their offsets alone. A Node is built only for a body.
 * The walks, functionAt and classify are exported for the test that holds the walks to a plain
 * recursion over `node.children`.
 */
export function collectBodies(
  tree: Tree,
  code: string,
  lines: LineIndex,
  attrs: AttributeView
): LocatedFunction[] {
  const found: LocatedFunction[] = []
  const braces = braceOffsets(code)
  let floor = 0
  const cursor = tree.walk()
  // Types and ends of the cursor's ancestors: a bare `{` counts only under an ERROR node; a node
  // starts no earlier than its parent starts or its previous sibling (or an ancestor's) ends.
  const parents: string[] = []
  const ends: number[] = []
  let type = ''
  let start = 0
  /** Reads the node under the cursor; true when its children are to be visited. */
  const visit = (low: number, end: number): boolean => {
    // functionAt needs a `{` at the body's start in `code`; a zero-width node starts at one too.
    // Most nodes hold none even from `low` on, and their start is then never read.
    const first = nextOffset(braces, low)
    if (first < 0 || first > end) return false
    start = cursor.startIndex
    const brace = first >= start ? first : nextOffset(braces, start)
    if (brace < 0 || (brace >= end && brace !== start)) return false
    type = cursor.nodeType
    // A bare `{` is a body whose statements error recovery spread out (e.g. after a
    // `for_each_...(i)` loop macro); its end is then matched lexically.
    const body =
      type === 'compound_statement' || (type === '{' && parents[parents.length - 1] === 'ERROR')
    if (body && start >= floor) {
      const f = functionAt(cursor.currentNode, code, lines, attrs)
      if (f) {
        found.push(f)
        floor = f.bodyEnd
        // Error recovery can leave a body unclosed to the end of the file: the functions after
        // its lexical end are still in it.
        if (end <= floor) return false
      }
    }
    return true
  }
  try {
    let end = cursor.endIndex
    let descend = visit(0, end)
    for (;;) {
      let low = end
      if (descend && cursor.gotoFirstChild()) {
        parents.push(type)
        ends.push(end)
        low = start
      } else {
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return found
          parents.pop()
          low = ends.pop() ?? 0
        }
      }
      end = cursor.endIndex
      descend = end > floor && visit(low, end)
    }
  } finally {
    cursor.delete()
  }
}

export function functionAt(
  body: Node,
  code: string,
  lines: LineIndex,
  attrs: AttributeView
): LocatedFunction | null {
  const brace = body.startIndex
  if (code[brace] !== '{') return null
  const h = readHeader(code, brace)
  if (!h) return null
  const word = h.pieces.join('')
  let name = word
  let symbols = [word]
  let generatedBy: string | undefined
  const definer = /^[A-Z][A-Z0-9_]*$/.test(word)
    ? definerNames(word, splitArgs(code.slice(h.paramsOpen, h.paramsEnd)))
    : null
  if (definer) {
    ;({ name, symbols } = definer)
    if (!/SYSCALL_DEFINE\d$/.test(word)) generatedBy = word
  }
  // A body tree-sitter closed early (unbalanced braces across #if branches) is re-matched here.
  const last = body.type === 'compound_statement' ? body.lastChild : null
  const closed = last?.type === '}' && !last.isMissing
  // One tree-sitter left open (a `for_each_...(x) stmt;` loop macro without braces) can run to the
  // end of the file: the lexical match is then the end.
  const lexical = closed ? -1 : matchBrace(code, brace)
  const bodyEnd = closed ? body.endIndex : lexical > 0 ? lexical : body.endIndex
  const f: LocatedFunction = {
    name,
    symbols,
    startLine: lines.lineOf(h.startOffset),
    endLine: lines.lineOf(bodyEnd - 1),
    bodyLine: lines.lineOf(brace),
    isStatic: h.isStatic || /SYSCALL_DEFINE\d$/.test(word),
    bodyStart: brace,
    bodyEnd
  }
  if (generatedBy) f.generatedBy = generatedBy
  if (definer?.guessed) f.guessed = true
  // Leading annotations are blanked in `code`, so the head starts at the previous `;`, `{` or `}`.
  const head = h.afterPrevious
  const attributes = attributesIn(attrs.view, attrs.text, head, brace, h.paramsOpen, h.paramsEnd)
  if (attributes.length > 0) f.attributes = attributes
  return f
}

/**
 * The text of the first node of the first of `types` found in `node` (itself included), in document
 * order: `descendantsOfType(t)[0]` without building a Node for every match (a table's initializer
 * holds thousands of identifiers). Like it, skips a zero-width node at the very start of the file.
 */
export function firstIdentifier(node: Node, types: string[]): string | undefined {
  for (const t of types) {
    const cursor = node.walk()
    try {
      for (;;) {
        if (cursor.nodeType === t && cursor.endIndex !== 0) return cursor.nodeText
        if (cursor.gotoFirstChild()) continue
        let moved = cursor.gotoNextSibling()
        while (!moved && cursor.gotoParent()) moved = cursor.gotoNextSibling()
        if (!moved) break
      }
    } finally {
      cursor.delete()
    }
  }
  return undefined
}

/**
 * `f(void)` or `*f(void)` (a function returning a pointer); not `(*fp)(void)`, which is a variable
 * holding a function pointer.
 */
function isFunctionDeclarator(d: Node): boolean {
  let node: Node | null = d
  while (node?.type === 'pointer_declarator') node = node.childForFieldName('declarator')
  return (
    node?.type === 'function_declarator' &&
    node.childForFieldName('declarator')?.type === 'identifier'
  )
}

export function classify(node: Node): Declaration | null {
  const base = { startLine: node.startPosition.row + 1, endLine: lastLine(node) }
  switch (node.type) {
    case 'comment':
    case 'preproc_def':
    case 'preproc_function_def':
    case ';':
    case '#if':
    case '#ifdef':
    case '#ifndef':
    case '#endif':
    case '#else':
    case '#elif':
      return null
    case 'preproc_include':
      return { kind: 'include', name: node.childForFieldName('path')?.text, ...base }
    case 'type_definition':
      return { kind: 'type', name: firstIdentifier(node, ['type_identifier']), ...base }
    case 'struct_specifier':
    case 'union_specifier':
    case 'enum_specifier':
      return { kind: 'type', name: node.childForFieldName('name')?.text, ...base }
    case 'declaration': {
      const type = node.childForFieldName('type')
      if (
        type &&
        /^(struct|union|enum)_specifier$/.test(type.type) &&
        type.childForFieldName('body')
      ) {
        return { kind: 'type', name: type.childForFieldName('name')?.text, ...base }
      }
      const decls = node.childrenForFieldName('declarator').filter(d => d !== null)
      const prototype = decls.length > 0 && decls.every(isFunctionDeclarator)
      const name = decls[0] ? firstIdentifier(decls[0], ['identifier']) : undefined
      const extern = node.children.some(
        c => c?.type === 'storage_class_specifier' && c.text === 'extern'
      )
      const defines = decls.some(d => d.type === 'init_declarator')
      const kind = prototype ? 'prototype' : extern && !defines ? 'extern' : 'global'
      return { kind, name, ...base }
    }
    case 'expression_statement': {
      const callee = node.firstChild?.childForFieldName('function')?.text
      const global = callee !== undefined && /^(DEFINE_|DECLARE_|LIST_HEAD$)/.test(callee)
      return { kind: global ? 'global' : 'other', name: callee, ...base }
    }
    default:
      return { kind: 'other', ...base }
  }
}

/** Types classify never records, skipped before their lines are read. */
const SKIPPED = new Set([
  'comment',
  'preproc_def',
  'preproc_function_def',
  ';',
  '#if',
  '#ifdef',
  '#ifndef',
  '#endif',
  '#else',
  '#elif'
])

/**
 * For `functions` in startLine order: the last endLine among those starting at or before a line.
 * A line range overlaps a function exactly when that figure for its last line reaches its first.
 */
function reachBefore(functions: LocatedFunction[]): (line: number) => number {
  const reach: number[] = []
  for (const f of functions) reach.push(Math.max(f.endLine, reach[reach.length - 1] ?? -Infinity))
  return line => {
    const n = partitionPoint(functions.length, k => functions[k].startLine <= line)
    return n > 0 ? reach[n - 1] : -Infinity
  }
}

export function collectDeclarations(tree: Tree, functions: LocatedFunction[]): Declaration[] {
  const out: Declaration[] = []
  const reach = reachBefore(functions)
  const cursor = tree.walk()
  try {
    if (!cursor.gotoFirstChild()) return out
    for (;;) {
      const type = cursor.nodeType
      let descend = CONTAINERS.has(type)
      if (!descend) {
        const startRow = cursor.startPosition.row
        const endPosition = cursor.endPosition
        const start = startRow + 1
        const end =
          endPosition.column === 0 && endPosition.row > startRow
            ? endPosition.row
            : endPosition.row + 1
        // A node that runs past the end of the function it starts in holds top-level items that
        // error recovery put inside a body left open (see functionAt): they are read from inside
        // it. The functions it starts in are those before it that reach it: all end before it
        // ends when the furthest does.
        const owner = reach(start)
        descend = owner >= start && owner < end
        if (!descend && !SKIPPED.has(type) && reach(end) < start) {
          const d = classify(cursor.currentNode)
          if (d) {
            if (d.name === undefined) delete d.name
            out.push(d)
          }
        }
      }
      if (descend && cursor.gotoFirstChild()) continue
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return out
      }
    }
  } finally {
    cursor.delete()
  }
}

/** Runs the locator and keeps the views the diff mapper reuses (read-only: shared by callers). */
export function analyseSource(parser: Parser, text: string): Analysis {
  return recall(parser, text, () => analyseFresh(parser, text))
}

function analyseFresh(parser: Parser, text: string): Analysis {
  const masked = maskCommentsAndStrings(text)
  const directives = directiveRanges(masked)
  const lines = new LineIndex(text)
  const attributes = attributeRanges(masked, directives)
  const code = blankDirectives(blankAttributes(masked, masked, directives, attributes), directives)
  const { macros, templates } = collectMacros(masked, directives, lines)
  const store = parseStoreOf(parser)
  const stored = store?.get(text)
  const kept = stored === undefined ? undefined : decodeParse(stored)
  let parsed: StoredParse
  let functions: LocatedFunction[]
  if (kept) {
    parsed = kept
    functions = withGenerated(kept.bodies, code, templates, lines)
  } else {
    const parseText = blankAttributes(text, masked, directives, attributes)
    const view = blankDirectives(masked, directives)
    ;({ parsed, functions } = parseTree(parser, parseText, tree => {
      const bodies = collectBodies(tree, code, lines, { view, text })
      const all = withGenerated(bodies, code, templates, lines)
      return { parsed: { bodies, declarations: collectDeclarations(tree, all) }, functions: all }
    }))
    store?.set(text, encodeParse(parsed))
  }
  const map: SourceMap = {
    functions: functions.map(({ bodyStart: _s, bodyEnd: _e, ...f }) => f),
    macros,
    declarations: parsed.declarations
  }
  return { map, functions, code, masked, lines }
}

function parseTree<T>(parser: Parser, text: string, read: (tree: Tree) => T): T {
  const tree: Tree | null = parser.parse(text)
  if (!tree) throw new Error('tree-sitter returned no tree')
  try {
    return read(tree)
  } finally {
    tree.delete()
  }
}

/** The bodies tree-sitter found and the functions macro invocations define, in line order. */
function withGenerated(
  bodies: LocatedFunction[],
  code: string,
  templates: Template[],
  lines: LineIndex
): LocatedFunction[] {
  const ranges = bodies.map((f): [number, number] => [f.bodyStart, f.bodyEnd])
  const generated = generatedFunctions(code, templates, ranges, lines)
  // A generator called with no `;` after it (`SHOW(cnt, long, nr)` then `int f(...) {`) is read
  // by tree-sitter as the head of the next definition: that function starts after the call.
  const starts = generated.map(g => g.startLine).sort((a, b) => a - b)
  const heads = bodies.map(f => {
    let end = -1
    const first = partitionPoint(starts.length, k => starts[k] < f.startLine)
    for (let i = first; i < starts.length; i++) {
      if (starts[i] >= f.bodyLine) break
      for (const g of generated)
        if (g.startLine === starts[i] && g.endLine < f.bodyLine) end = Math.max(end, g.endLine)
    }
    return end < 0 ? f : { ...f, startLine: end + 1 }
  })
  return [...heads, ...generated].sort(
    (a, b) => a.startLine - b.startLine || a.name.localeCompare(b.name)
  )
}

/** Every function definition, `#define` and other top-level declaration of one source image. */
export function locateSource(parser: Parser, text: string): SourceMap {
  return analyseSource(parser, text).map
}
