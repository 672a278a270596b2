import type { FindingKind, FindingSeverity } from '../model.js'
import type { Analysis } from '../source/locate.js'
import { declarationShape } from './signature.js'
import { firstArgument, statementRole } from './statements.js'
import { sameCallAbi, sharedArity } from './call-abi.js'
import { canonicalTypeSpelling } from '../equivalence/type-spelling.js'
import { mapEvery } from '../arrays.js'

/** The parts of one analysed image of a changed file this module reads. */
export interface ImageView {
  analysis: Analysis
  /** Lines with comments blanked (strings kept). */
  uncommented: string[]
}

/** A changed line between functions that is neither data nor a type. */
export type TopLevel =
  | { kind: 'export' | 'modinfo' | 'param'; callee: string; name?: string }
  | { kind: 'prototype' | 'extern'; name: string }
  | { kind: 'directive'; word: string; name?: string }

const DIRECTIVE = /^[ \t]*#[ \t]*(\w*)[ \t]*([A-Za-z_]\w*)?/

/** What the 1-based `line` of `img` is, when it is one of the declarations this module judges. */
export function topLevelAt(img: ImageView, line: number): TopLevel | undefined {
  const first = directiveStart(img, line)
  if (first !== undefined) {
    const m = DIRECTIVE.exec(img.uncommented[first - 1] ?? '')
    // #include and #define have their own findings.
    if (m && m[1] !== 'include' && m[1] !== 'define') {
      const t: TopLevel = { kind: 'directive', word: m[1] }
      if (m[2] !== undefined) t.name = m[2]
      return t
    }
    return undefined
  }
  const d = img.analysis.map.declarations.find(x => line >= x.startLine && line <= x.endLine)
  if (!d || d.name === undefined) return undefined
  if (d.kind === 'prototype' || d.kind === 'extern') return { kind: d.kind, name: d.name }
  const role = d.kind === 'other' ? statementRole(d.name) : undefined
  if (!role) return undefined
  const t: TopLevel = { kind: role, callee: d.name }
  const name = firstArgument(textOf(img, d.startLine, d.endLine))
  if (name !== undefined) t.name = name
  return t
}

/** First line of the directive `line` belongs to (continuations included), if it is one. */
function directiveStart(img: ImageView, line: number): number | undefined {
  let n = line
  while (n > 1 && /\\\r?$/.test(img.uncommented[n - 2] ?? '')) n--
  return /^[ \t]*#/.test(img.uncommented[n - 1] ?? '') ? n : undefined
}

function textOf(img: ImageView, from: number, to: number): string {
  return img.uncommented
    .slice(from - 1, to)
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([^\w\s])\s*/g, '$1')
    .trim()
}

export interface TopLevelFinding {
  kind: FindingKind
  severity: FindingSeverity
  message: string
  functions?: string[]
}

/** Declarations named `name` of one kind in a whole image, each as its normalized text or shape. */
function forms(img: ImageView, item: TopLevel): Set<string> {
  const out = new Set<string>()
  for (const d of img.analysis.map.declarations) {
    if (item.kind === 'prototype' || item.kind === 'extern') {
      if (d.kind === item.kind && d.name === item.name)
        out.add(declarationShape(textOf(img, d.startLine, d.endLine)))
    } else if (d.kind === 'other' && d.name !== undefined && statementRole(d.name) === item.kind) {
      const text = textOf(img, d.startLine, d.endLine)
      if ('name' in item && firstArgument(text) === item.name) out.add(text)
    }
  }
  return out
}

const same = (a: Set<string>, b: Set<string>): boolean =>
  a.size === b.size && [...a].every(x => b.has(x))

/** Whether the pre-image defines or declares `name` at all (a function, a variable, a prototype). */
function known(img: ImageView, name: string): boolean {
  return (
    img.analysis.functions.some(f => f.name === name || f.symbols.includes(name)) ||
    img.analysis.map.declarations.some(d => d.name === name && d.kind !== 'other')
  )
}

/**
 * One finding per changed declaration: info where the compiled code cannot change, unresolved
 * where it can, with the reason. Conditional directives (`#if` ... `#endif`) are not judged here:
 * their effect is on the lines they enclose.
 */
export function topLevelFinding(
  item: TopLevel,
  pre: ImageView,
  post: ImageView,
  header = false,
  /** Whether an identifier is a typedef name of the file or its headers (absent: unknown). */
  isType?: (identifier: string) => boolean
): TopLevelFinding | undefined {
  switch (item.kind) {
    case 'modinfo':
      return {
        kind: 'module-info-change',
        severity: 'info',
        message: `${item.callee} changes module metadata (.modinfo) only: no code or data`
      }
    case 'export': {
      const name = item.name ?? '(unnamed)'
      const before = forms(pre, item)
      const after = forms(post, item)
      if (same(before, after))
        return {
          kind: 'export-change',
          severity: 'info',
          message: `the export of ${name} only moves`
        }
      if (item.name !== undefined && before.size === 0 && !known(pre, item.name)) {
        return {
          kind: 'export-change',
          severity: 'info',
          message: `${item.callee}(${name}) exports a symbol the fix adds: no existing export changes`,
          functions: [name]
        }
      }
      const what = before.size === 0 ? 'added' : after.size === 0 ? 'removed' : 'changed'
      return {
        kind: 'export-change',
        severity: 'unresolved',
        message: `the export of existing symbol ${name} is ${what}: it changes the kernel's symbol table (__ksymtab), and a livepatch cannot add, remove or change exports`,
        functions: [name]
      }
    }
    case 'param': {
      const name = item.name ?? '(unnamed)'
      if (same(forms(pre, item), forms(post, item)))
        return {
          kind: 'module-param-change',
          severity: 'info',
          message: `${item.callee}(${name}) only moves`
        }
      return {
        kind: 'module-param-change',
        severity: 'unresolved',
        message: `${item.callee}(${name}) changes a module parameter (a kernel_param in __param, its variable and sysfs file): a livepatch cannot add, remove or change module parameters`
      }
    }
    case 'prototype':
    case 'extern': {
      const kind = item.kind === 'prototype' ? 'prototype-change' : 'extern-change'
      const before = forms(pre, item)
      const after = forms(post, item)
      const what = item.kind === 'prototype' ? 'prototype of' : 'extern declaration of'
      if (
        item.kind === 'prototype' &&
        before.size > 0 &&
        after.size > 0 &&
        !same(before, after) &&
        sameCallAbi(before, after)
      ) {
        return {
          kind,
          severity: 'info',
          message: `the prototype of ${item.name} changes only types its callers pass alike (pointers, qualifiers; x86_64 calling convention): ${[...before].join(' / ')} -> ${[...after].join(' / ')}`,
          functions: [item.name]
        }
      }
      if (before.size > 0 && after.size > 0 && !same(before, after)) {
        // `unsigned x[]` respelled `unsigned int x[]` (audit_arch.h): one type, one code.
        const a = mapEvery(before, canonicalTypeSpelling)
        const b = mapEvery(after, canonicalTypeSpelling)
        if (a && b && same(a, b))
          return {
            kind,
            severity: 'info',
            message: `the ${what} ${item.name} changes only how its types are spelled (${[...before].join(' / ')} -> ${[...after].join(' / ')}): they are the same types, compiled alike`,
            functions: [item.name]
          }
        const was = item.kind === 'prototype' ? sharedArity(before, item.name, isType) : undefined
        const is = item.kind === 'prototype' ? sharedArity(after, item.name, isType) : undefined
        // A call with the old count, a definition with the old list and a pointer to the old type
        // (-Werror=incompatible-pointer-types, kbuild's) no longer compile: every user of the
        // function changes in the fix's own text, where the diff maps it.
        if (was !== undefined && is !== undefined && was !== is)
          return {
            kind,
            severity: 'info',
            message: `the prototype of ${item.name} takes ${is} parameter${is === 1 ? '' : 's'}, not ${was} (${[...before].join(' / ')} -> ${[...after].join(' / ')}): no call, definition or function pointer written for the old list compiles against the new one, so every user of ${item.name} changes in the fix's own text, and those are its changed functions`,
            functions: [item.name]
          }
        return {
          kind,
          severity: 'unresolved',
          message: `the ${what} ${item.name} changes its types or attributes (${[...before].join(' / ')} -> ${[...after].join(' / ')}): code using ${item.name} is compiled against it`,
          functions: [item.name]
        }
      }
      const how = before.size === 0 ? 'added' : after.size === 0 ? 'removed' : 'moved or reworded'
      return {
        kind,
        severity: 'info',
        message: `${what} ${item.name} ${how}: a declaration compiles to nothing`
      }
    }
    case 'directive':
      return directiveFinding(item, pre, post, header)
  }
}

const CONDITIONAL = new Set(['if', 'ifdef', 'ifndef', 'elif', 'else', 'endif'])

export const isConditional = (item: TopLevel): boolean =>
  item.kind === 'directive' && CONDITIONAL.has(item.word)

function directiveFinding(
  item: TopLevel & { kind: 'directive' },
  pre: ImageView,
  post: ImageView,
  header: boolean
): TopLevelFinding | undefined {
  if (CONDITIONAL.has(item.word)) return undefined
  if (item.word === 'undef' && item.name !== undefined) {
    // A header's #undef holds in every file that includes it, for the code after the include.
    if (header)
      return {
        kind: 'preprocessor-change',
        severity: 'unresolved',
        message: `#undef ${item.name} changes in a header: files that include it may now see ${item.name} otherwise (#ifdef ${item.name} in them is not traced here)`
      }
    // `#ifdef NAME` is a use too: directives count, but not the name's own #define and #undef.
    const used = new RegExp(`\\b${item.name}\\b`)
    const own = new RegExp(`^[ \\t]*#[ \\t]*(?:define|undef)[ \\t]+${item.name}\\b.*$`, 'gm')
    const users = [pre, post].some(img => used.test(img.analysis.masked.replace(own, '')))
    return users
      ? {
          kind: 'preprocessor-change',
          severity: 'unresolved',
          message: `#undef ${item.name} changes: code of this file uses ${item.name} and may now see another definition`
        }
      : {
          kind: 'preprocessor-change',
          severity: 'info',
          message: `#undef ${item.name} changes: nothing in this file uses ${item.name}`
        }
  }
  if (item.word === 'error' || item.word === 'warning' || item.word === '') {
    return {
      kind: 'preprocessor-change',
      severity: 'info',
      message: `#${item.word} changes: it emits no code`
    }
  }
  return {
    kind: 'preprocessor-change',
    severity: 'unresolved',
    message: `#${item.word} changes: it can change how the code below is compiled`
  }
}
