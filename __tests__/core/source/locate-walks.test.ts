import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Node, Parser, Tree } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { definitionStart } from '../../../src/core/source/header.js'
import type { SourceMap } from '../../../src/core/model.js'
import {
  type AttributeView,
  type LocatedFunction,
  analyseSource,
  classify,
  collectBodies,
  collectDeclarations,
  firstIdentifier,
  functionAt
} from '../../../src/core/source/locate.js'
import {
  type LineIndex,
  attributeRanges,
  blankAttributes,
  blankDirectives,
  directiveRanges,
  isAttributeMacro,
  matchParen
} from '../../../src/core/source/mask.js'

/*
 * The locator walks the tree with a cursor and skips what cannot hold a body; the views are built
 * from slices. These references are the plain versions they replaced (a recursion over
 * `node.children`, a per-character regex, a scan of every identifier): the output must not move.
 */

type Declaration = SourceMap['declarations'][number]

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

function referenceBodies(
  root: Node,
  code: string,
  lines: LineIndex,
  attrs: AttributeView
): LocatedFunction[] {
  const found: LocatedFunction[] = []
  let floor = 0
  const visit = (node: Node): void => {
    const body =
      node.type === 'compound_statement' || (node.type === '{' && node.parent?.type === 'ERROR')
    if (body && node.startIndex >= floor) {
      const f = functionAt(node, code, lines, attrs)
      if (f) {
        found.push(f)
        floor = f.bodyEnd
        if (node.endIndex <= floor) return
      }
    }
    for (const child of node.children) if (child && child.endIndex > floor) visit(child)
  }
  visit(root)
  return found
}

function lastLine(node: Node): number {
  const end = node.endPosition
  return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1
}

function referenceDeclarations(root: Node, functions: LocatedFunction[]): Declaration[] {
  const out: Declaration[] = []
  const overlapsFunction = (d: Declaration): boolean =>
    functions.some(f => d.startLine <= f.endLine && d.endLine >= f.startLine)
  const outlives = (node: Node): boolean => {
    const start = node.startPosition.row + 1
    const end = lastLine(node)
    const owners = functions.filter(f => start >= f.startLine && start <= f.endLine)
    return owners.length > 0 && owners.every(f => f.endLine < end)
  }
  const visit = (node: Node): void => {
    for (const child of node.children) {
      if (!child) continue
      if (CONTAINERS.has(child.type) || outlives(child)) {
        visit(child)
        continue
      }
      const d = classify(child)
      if (d && !overlapsFunction(d)) {
        if (d.name === undefined) delete d.name
        out.push(d)
      }
    }
  }
  visit(root)
  return out
}

/** The walk back definitionStart replaced, and the walk back over blanks that followed it. */
function referenceStart(code: string, from: number, floor: number): [number, number] {
  let depth = 0
  let i = from - 1
  for (; i >= floor; i--) {
    const c = code[i]
    if (c === ')') depth++
    else if (c === '(') depth--
    else if (depth <= 0 && (c === ';' || c === '{' || c === '}')) break
  }
  i++
  while (i < from && /\s/.test(code[i])) i++
  let head = i
  while (head > 0 && /\s/.test(code[head - 1])) head--
  return [head, i]
}

function referenceBlank(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text
  const out: string[] = []
  let last = 0
  for (const [from, to] of ranges) {
    if (to <= from) continue
    out.push(text.slice(last, from), text.slice(from, to).replace(/[^\n]/g, ' '))
    last = to
  }
  out.push(text.slice(last))
  return out.join('')
}

function referenceAttributeRanges(
  masked: string,
  directives: Array<[number, number]>
): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const re = /\b[A-Za-z_]\w*\b/g
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
    if (!isAttributeMacro(word)) continue
    if (!CALL_LIKE.has(word)) {
      ranges.push([at, at + word.length])
      continue
    }
    let j = at + word.length
    while (j < masked.length && /\s/.test(masked[j])) j++
    const end = masked[j] === '(' ? matchParen(masked, j) : -1
    const stop = end < 0 ? at + word.length : end
    ranges.push([at, stop])
    re.lastIndex = stop
  }
  return ranges
}

const CALL_LIKE = new Set([
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
])

const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const FIXTURES = resolve(TEST_DIR, '../../../fixtures')

/** Every C source and header under fixtures/, sorted. */
function sources(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...sources(p))
    else if (/\.[ch]$/.test(e.name)) out.push(p)
  }
  return out.sort()
}

/** Inputs tree-sitter recovers from: unclosed bodies, loop macros, braces split by #if. */
const BROKEN = [
  // kernel/sched/fair.c set_skip_buddy: the body is left open to the end of the file.
  'static void set_skip_buddy(struct sched_entity *se)\n{\n\tfor_each_sched_entity(se)\n\t\tcfs_rq_of(se)->skip = se;\n}\n\nstruct env {\n\tint a;\n};\n\nstatic int after(int a)\n{\n\treturn a + 1;\n}\n',
  'static struct page *\ngrab_page(struct foo *f) __acquires(f->lock)\n{\n\tfor_each_cpu(i)\n\t\tf->n += i;\n\treturn NULL;\n}\nint (*pick_handler(int x))(int)\n{\n\treturn NULL;\n}\n',
  'static int f(void)\n{\n\tint x = 1;\n\treturn x;\n\nint g(void)\n{\n\treturn 2;\n}\n',
  'void f(struct list_head *h)\n{\n\tstruct x *p;\n\tlist_for_each_entry(p, h, node)\n\t\tp->a = 1;\n}\nint g(void) { return 0; }\n',
  'int f(int a)\n{\n#ifdef X\n\tif (a) {\n#else\n\tif (!a) {\n#endif\n\t\ta++;\n\t}\n\treturn a;\n}\nstatic int y = 3;\n',
  'int a = ;\n{ int b; }\nvoid h(void)\n{\n}\n}\nint k;\n',
  'static const struct ops o = { .f = f, .g = ({ int z = 1; z; }) };\nint main(void)\n{\n\treturn 0;\n}\n'
]

let parser: Parser

beforeAll(async () => {
  parser = await loadCParser()
})

/** The locator's inputs, rebuilt from its views as analyseSource builds them. */
function prepare(text: string): {
  tree: Tree
  code: string
  lines: LineIndex
  attrs: AttributeView
  functions: LocatedFunction[]
  map: SourceMap
} {
  const a = analyseSource(parser, text)
  const directives = directiveRanges(a.masked)
  const tree = parser.parse(blankAttributes(text, a.masked, directives))
  if (!tree) throw new Error('no tree')
  const attrs = { view: blankDirectives(a.masked, directives), text }
  return { tree, code: a.code, lines: a.lines, attrs, functions: a.functions, map: a.map }
}

const files = sources(FIXTURES)
const cases: Array<[string, string]> = [
  ...files.map((f): [string, string] => [f.slice(FIXTURES.length + 1), readFileSync(f, 'utf8')]),
  ...BROKEN.map((t, i): [string, string] => [`broken input ${i}`, t])
]

describe('the locator walks against a plain recursion over node.children', () => {
  it('covers the C fixtures', () => {
    expect(files.length).toBeGreaterThan(50)
  })

  it.each(cases)('%s: same bodies and declarations', (_name, text) => {
    const { tree, code, lines, attrs, functions, map } = prepare(text)
    try {
      const bodies = collectBodies(tree, code, lines, attrs)
      expect(bodies).toEqual(referenceBodies(tree.rootNode, code, lines, attrs))
      const declarations = referenceDeclarations(tree.rootNode, functions)
      expect(collectDeclarations(tree, functions)).toEqual(declarations)
      expect(map.declarations).toEqual(declarations)
      // Each top-level item and its parts: the first identifier as descendantsOfType finds it.
      for (const top of tree.rootNode.children) {
        for (const node of [top, ...(top?.namedChildren ?? [])]) {
          if (!node) continue
          for (const t of ['identifier', 'type_identifier']) {
            expect(firstIdentifier(node, [t])).toBe(node.descendantsOfType(t)[0]?.text)
          }
        }
      }
    } finally {
      tree.delete()
    }
  })
})

describe('the views against per-character blanking', () => {
  it.each(cases)('%s: same attribute ranges and blanked views', (_name, text) => {
    const a = analyseSource(parser, text)
    const directives = directiveRanges(a.masked)
    const attributes = attributeRanges(a.masked, directives)
    expect(attributes).toEqual(referenceAttributeRanges(a.masked, directives))
    expect(blankAttributes(text, a.masked, directives)).toBe(referenceBlank(text, attributes))
    expect(blankDirectives(a.masked, directives)).toBe(referenceBlank(a.masked, directives))
    // Ranges over several lines, across a `\n` at either end, and empty ones.
    const spans: Array<[number, number]> = []
    for (let at = 0; at + 700 < text.length; at += 1500)
      spans.push([at, at + 700], [at + 900, at + 900])
    expect(blankDirectives(text, spans)).toBe(referenceBlank(text, spans))
  })
})

describe('definitionStart against a walk back', () => {
  it.each(cases)('%s: same start and preceding boundary', (_name, text) => {
    const { code } = analyseSource(parser, text)
    const froms: number[] = []
    for (let at = code.indexOf('('); at >= 0; at = code.indexOf('(', at + 1)) froms.push(at)
    for (let at = 0; at <= code.length; at += 97) froms.push(at)
    for (const from of froms) {
      for (const floor of [0, Math.max(0, from - 300), from, from + 5]) {
        const { after, start } = definitionStart(code, from, floor)
        const [head, ref] = referenceStart(code, from, floor)
        expect(start).toBe(ref)
        // functionAt reads annotations from the previous boundary on (the scan always starts at 0).
        if (floor === 0) expect(after).toBe(head)
      }
    }
  })
})
