import type { Parser } from 'web-tree-sitter'
import { BuildView, notBuiltMessage } from '../config/build-view.js'
import { DEFINITION, linesMovedInOrOut } from '../config/conditionals.js'
import { fileCompiledOut } from '../config/file-fate.js'
import { kbuildDefines, localHeaderDefines } from '../config/kbuild-defines.js'
import { respacedCalls, stringifies } from './spacing.js'
import type { BuildConfig } from '../config/kconfig.js'
import { type TopLevel, isConditional, topLevelAt, topLevelFinding } from '../decls/top-level.js'
import { type IncludeContext, IncludeJudge } from '../includes/include-change.js'
import type { ChangedFunction, Finding, FindingKind, FindingSeverity, MacroDef } from '../model.js'
import { type Analysis, type LocatedFunction, analyseSource } from '../source/locate.js'
import { maskCommentsAndStrings } from '../source/mask.js'
import { SAME_TYPE_SPELLING, sameTypeSpelling } from '../equivalence/type-spelling.js'
import { addedGlobalFinding } from '../globals/added-global.js'
import { type MacroBodies, makeMacroBodies, ownMacroBodies } from '../globals/macro-bodies.js'
import { sameTextFunctions } from '../unchanged/same-text.js'
import { type CallImage, type EmptyCall, emptyCallAt } from '../unchanged/empty-call.js'
import { type FilePatch, type Hunk, applyHunks, reverseHunks } from './patch.js'
import { restartedStatics } from './static-locals.js'
import { type ReachImage, functionSpells, macroClosure, usesOutside } from './macro-reach.js'
import { append } from '../arrays.js'
import { newCalls, type NewCall } from '../inline-flip/new-calls.js'
import { outsideBuild } from './outside-build.js'
import { forwardDeclaration } from './forward-decl.js'
import { localTypeAddedOrRemoved, type TypeImage } from './local-type.js'
import { arity, sameCallAbi } from '../decls/call-abi.js'
import { declarationShape } from '../decls/signature.js'
import { makeTypeNames } from '../decls/type-names.js'

export interface FileChange {
  patch: FilePatch
  path: string
  oldText: string | null
  newText: string | null
}

type Via = NonNullable<ChangedFunction['via']>['kind']

/** One image of a changed file, analysed once. */
interface Image {
  analysis: Analysis
  /** Lines with comments blanked and strings kept, to tell comment-only edits from code edits. */
  uncommented: string[]
  /** Which lines each dump set's build compiles. */
  view: BuildView
  text: string
  /** Identifiers its code uses, computed on first need. */
  identifiers?: Set<string>
  /** The image as the macro reach reads it, made on first need (its caches key on it). */
  reach?: ReachImage
}

function typeImage(img: Image): TypeImage {
  return {
    declarations: img.analysis.map.declarations,
    uncommented: img.uncommented,
    identifiers: identifiersOf(img)
  }
}

function identifiersOf(img: Image): Set<string> {
  img.identifiers ??= new Set(img.analysis.masked.match(/[A-Za-z_]\w*/g) ?? [])
  return img.identifiers
}

interface Accumulator {
  changed: Map<string, ChangedFunction & { direct: boolean }>
  findings: Finding[]
  preFunctions: Map<string, LocatedFunction[]>
  postFunctions: Map<string, LocatedFunction[]>
  newCalls: NewCall[]
  builds: BuildConfig[]
  /** Judges added and removed includes against the tree, when the tree is given. */
  includes?: IncludeJudge
  tree?: MapOptions['includes']
  /** Hunks of the current file that change `#if` structure between functions. */
  conditionalHunks: Array<{ file: string; line: number }>
  /** Per changed function: the sets that compile every changed line of it out so far. */
  outSets: Map<string, Set<string>>
  /** Functions a hunk changes only in the spacing of a stringified macro argument (file\0name). */
  respaced: Set<string>
  /** Every file of the fix: what another file's hunks add or drop bears on this one's. */
  changes: readonly FileChange[]
  /** The macros a changed file's post-image sees (with the tree only), per file on first need. */
  macroBodies?: (path: string, text: string) => MacroBodies
  /** The typedef names a changed file sees (with the tree only). */
  typeNames?: (path: string, text: string) => Set<string>
  postBodies?: { path: string; bodies: MacroBodies }
  /** The current file's answers of otherHunks and typeNames. */
  otherWords?: { path: string; words: ReadonlySet<string> }
  isType?: { path: string; ask: (name: string) => boolean }
}

/**
 * Prose and metadata can't change the kernel image; anything else outside C may. A `.txt` is
 * prose only under Documentation/: elsewhere kbuild generates code from some (x86's
 * `arch/x86/lib/x86-opcode-map.txt` makes the instruction decoder's tables, `fs/unicode/*.txt`
 * the UTF-8 tables, `scripts/head-object-list.txt` orders vmlinux's objects).
 */
function isDocumentation(path: string): boolean {
  return /^Documentation\//.test(path) || /\.(rst|md)$/.test(path) || /(^|\/)LICENSES\//.test(path)
}

const isC = (path: string): boolean => /\.[ch]$/.test(path)

/** First changed line: in the new image, or in the old one for a deletion-only hunk. */
function hunkLine(h: Hunk): number {
  const add = h.lines.find(l => l.type === 'add')
  if (add?.newLine !== undefined) return add.newLine
  return h.lines.find(l => l.type === 'del')?.oldLine ?? h.newStart
}

function image(
  parser: Parser,
  text: string,
  builds: BuildConfig[],
  kbuildDefined: ReadonlySet<string>
): Image {
  const analysis = analyseSource(parser, text)
  const defines = new Set([...analysis.map.macros.map(m => m.name), ...kbuildDefined])
  return {
    analysis,
    uncommented: maskCommentsAndStrings(text, false).split('\n'),
    view: new BuildView(analysis.masked, defines, builds),
    text
  }
}

/**
 * Lines the diff leaves alone whose code still changes: a comment the fix opens, closes or
 * continues (`// note \` swallows the next line, `/*` left open with `-U0` reaches past the hunk).
 * Each is returned as a one-line hunk of its own, so it is classified like a changed line.
 */
function recodedLines(hunks: Hunk[], pre: Image, post: Image): Hunk[] {
  const out: Hunk[] = []
  const compare = (o: number, n: number): void => {
    const a = pre.uncommented[o - 1] ?? ''
    const b = post.uncommented[n - 1] ?? ''
    if (a === b || normalizeCode(a) === normalizeCode(b)) return
    out.push({
      oldStart: o,
      oldLines: 1,
      newStart: n,
      newLines: 1,
      lines: [
        { type: 'del', text: pre.text.split('\n', o)[o - 1] ?? '', oldLine: o },
        { type: 'add', text: post.text.split('\n', n)[n - 1] ?? '', newLine: n }
      ]
    })
  }
  let o = 1
  let n = 1
  for (const h of hunks) {
    // `@@ -5,0 +6,2 @@` inserts after old line 5: an empty side starts after its start line.
    const oldBefore = h.oldLines === 0 ? h.oldStart : h.oldStart - 1
    for (; o <= oldBefore; o++, n++) compare(o, n)
    for (const l of h.lines) {
      if (l.type === 'ctx' && l.oldLine !== undefined && l.newLine !== undefined) {
        compare(l.oldLine, l.newLine)
      }
    }
    o = oldBefore + h.oldLines + 1
    n = (h.newLines === 0 ? h.newStart : h.newStart - 1) + h.newLines + 1
  }
  for (; o <= pre.uncommented.length && n <= post.uncommented.length; o++, n++) compare(o, n)
  return out
}

/**
 * The uncommented text of `lines` and the lines a backslash joins to them, in order: whitespace
 * inside a string literal spliced over lines is code (`sizeof(MSG)`).
 */
function codeLines(img: Image, lines: number[]): string {
  const spliced = (n: number): boolean => /\\\r?$/.test(img.uncommented[n - 1] ?? '')
  const all = new Set<number>()
  for (const line of lines) {
    let from = line
    while (from > 1 && spliced(from - 1)) from--
    let to = line
    while (to < img.uncommented.length && spliced(to)) to++
    for (let n = from; n <= to; n++) all.add(n)
  }
  const ordered = [...all].sort((a, b) => a - b)
  return ordered.map(n => img.uncommented[n - 1] ?? '').join('\n')
}

// A backslash-newline inside a literal is part of it (the splice joins the lines first).
const LITERAL_OR_SPACE = /"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*'|\s+/g

/** Two characters that start one C token when nothing separates them (`a + ++b` is not `a++ + b`). */
const JOINING = new Set([
  '++',
  '--',
  '->',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '##',
  '..',
  '::'
])

/**
 * Code with layout removed but meaning kept: whitespace inside string and char literals stays, and
 * a space that separates two identifier characters (`return x`, `unsigned int`) or two characters
 * that would otherwise read as one token (`- -x`) stays as one.
 */
export function normalizeCode(text: string): string {
  return text.replace(LITERAL_OR_SPACE, (m, offset: number) => {
    if (!/^\s/.test(m)) return m
    const before = text[offset - 1] ?? ''
    const after = text[offset + m.length] ?? ''
    return (/\w/.test(before) && /\w/.test(after)) || JOINING.has(before + after) ? ' ' : ''
  })
}

function functionsAt(img: Image, line: number): LocatedFunction[] {
  return img.analysis.functions.filter(f => line >= f.startLine && line <= f.endLine)
}

const macroAt = (img: Image, line: number): MacroDef | undefined =>
  img.analysis.map.macros.find(m => line >= m.startLine && line <= m.endLine)

const declarationAt = (
  img: Image,
  line: number
): Analysis['map']['declarations'][number] | undefined =>
  img.analysis.map.declarations.find(d => line >= d.startLine && line <= d.endLine)

function record(
  acc: Accumulator,
  f: LocatedFunction,
  file: string,
  at: { file: string; line: number },
  via?: { kind: Via; macro: string },
  outIn: ReadonlyMap<string, string> = new Map()
): void {
  const key = `${file}\0${f.name}`
  const out = acc.outSets.get(key)
  acc.outSets.set(key, new Set([...(out ?? outIn.keys())].filter(l => outIn.has(l))))
  let entry = acc.changed.get(key)
  if (!entry) {
    entry = {
      name: f.name,
      symbols: f.symbols,
      file,
      line: f.startLine,
      change: 'modified',
      hunks: [],
      direct: false
    }
    acc.changed.set(key, entry)
  }
  if (!via || via.kind === 'macro-invocation') {
    if (!entry.direct) {
      entry.direct = true
      if (via) entry.via = via
      else delete entry.via
    }
  } else if (!entry.direct && !entry.via) {
    entry.via = via
  }
  if (!entry.hunks.some(h => h.file === at.file && h.line === at.line)) entry.hunks.push(at)
}

/** Which finding a change inside each kind of top-level declaration gives ('other': none). */
const DECLARATION_FINDING: Record<string, FindingKind | undefined> = {
  type: 'type-change',
  global: 'global-change',
  include: 'include-change'
}

const DECLARATION_WHY: Partial<Record<FindingKind, string>> = {
  'type-change': 'data layout change: a livepatch cannot apply it directly (shadow variables?)',
  'global-change': 'global data change: a livepatch does not re-initialise data',
  'include-change': 'an include change can change any code of this file'
}

type AddFinding = (
  kind: FindingKind,
  severity: FindingSeverity,
  message: string,
  functions?: string[]
) => void

/** Adds findings at one place of a changed file. */
function findingAt(acc: Accumulator, at: { file: string; line: number }): AddFinding {
  return (kind, severity, message, functions) => {
    const f: Finding = { kind, severity, message, file: at.file, line: at.line }
    if (functions) f.functions = functions
    acc.findings.push(f)
  }
}

/** An image as the macro reach reads it: one object per image, so its line and body caches hold. */
function reachImage(img: Image): ReachImage {
  img.reach ??= {
    masked: img.analysis.masked,
    functions: img.analysis.functions,
    macros: img.analysis.map.macros
  }
  return img.reach
}

/**
 * Of the calls whose arguments' spacing a hunk changes, those that are macros stringifying them,
 * and (without the tree, where a header's macro cannot be seen) those it cannot tell from a
 * function.
 */
function stringifiedSpacing(
  acc: Accumulator,
  path: string,
  post: Image,
  calls: string[]
): { stringified: string[]; unknown: string[] } {
  const out = { stringified: [] as string[], unknown: [] as string[] }
  if (calls.length === 0) return out
  const bodies = postBodies(acc, path, post) ?? ownMacroBodies(post.text)
  for (const name of calls) {
    if (bodies(name) === undefined) {
      if (!acc.macroBodies) out.unknown.push(name)
    } else if (stringifies(name, bodies)) out.stringified.push(name)
  }
  return out
}

/** Classifies every changed line of one hunk and records what it touches. */
function mapHunk(acc: Accumulator, path: string, h: Hunk, pre: Image, post: Image): void {
  const at = { file: path, line: hunkLine(h) }
  const finding = findingAt(acc, at)
  // Whole sides, context included: moving `kfree(x);` past `use(x);` is the classic
  // use-after-free fix, and its deleted and added lines alone compare equal.
  const oldSide = h.lines.filter(l => l.type !== 'add').map(l => l.oldLine ?? 0)
  const newSide = h.lines.filter(l => l.type !== 'del').map(l => l.newLine ?? 0)
  const oldCode = codeLines(pre, oldSide)
  const newCode = codeLines(post, newSide)
  const oldNormal = normalizeCode(oldCode)
  const newNormal = normalizeCode(newCode)
  const sameCode = oldNormal === newNormal
  if (sameCode) {
    const respaced = stringifiedSpacing(acc, path, post, respacedCalls(oldCode, newCode))
    if (respaced.unknown.length > 0) {
      const names = respaced.unknown.join(', ')
      finding(
        'macro-change',
        'unresolved',
        `only whitespace changes, but between two tokens inside ${names}(...): a macro that stringifies its argument (#) would make another string; whether ${names} does is not known without the tree (--source)`
      )
      return
    }
    if (respaced.stringified.length === 0) {
      finding('comment-only', 'info', 'only comments or whitespace change')
      return
    }
    const names = respaced.stringified.join(', ')
    finding(
      'macro-change',
      'warning',
      `only whitespace changes, but inside ${names}(...), which stringifies its argument (#): the string it makes changes`
    )
  }
  if (!sameCode && sameTypeSpelling(oldNormal, newNormal)) {
    finding('same-type-spelling', 'info', SAME_TYPE_SPELLING)
    return
  }
  for (const r of restartedStatics(h, pre, post))
    finding(
      'global-change',
      'unresolved',
      `${r.fn}: its static ${r.name} starts from another value: a livepatch's copy of ${r.fn} keeps using the running kernel's ${r.name} (kpatch and klp-build correlate static locals so that their state survives), so the new initial value never takes effect`,
      [r.fn]
    )
  const macros = new Set<string>()
  const decl = new Map<FindingKind, Set<string>>()
  const named = (kind: FindingKind, name: string): void => {
    decl.set(kind, (decl.get(kind) ?? new Set<string>()).add(name))
  }
  const tops: TopLevel[] = []
  const includes: Array<{ line: string; side: 'add' | 'del' }> = []
  const compiledOut: Array<[string, string]> = []
  const addedGlobals = new Set<Analysis['map']['declarations'][number]>()
  const emptyCalls: Array<{ name: string; call: EmptyCall }> = []
  let outLines = 0
  let unmapped = 0
  const localTypes = new Set<string>()
  const forwards = new Set<string>()
  const visit = (img: Image, line: number): void => {
    // A line whose code is blank only moves comments or whitespace: nothing to classify.
    if ((img.uncommented[line - 1] ?? '').trim() === '') return
    const outIn = img.view.outIn(line)
    if (outIn.size === img.view.builds.length) {
      outLines++
      for (const e of outIn) compiledOut.push(e)
      return
    }
    const fns = functionsAt(img, line)
    if (fns.length > 0) {
      // A #define inside a body holds for the rest of the file: later functions may use it.
      const inner = macroAt(img, line)
      if (inner) macros.add(inner.name)
      for (const f of fns) {
        const call = f.generatedBy ? undefined : emptyCallAt(callImage(img), f, line)
        if (call) {
          emptyCalls.push({ name: f.name, call })
          continue
        }
        const via = f.generatedBy
          ? { kind: 'macro-invocation' as const, macro: f.generatedBy }
          : undefined
        record(acc, f, path, at, via, outIn)
        // Its text reads the same but for a string the preprocessor makes: not to be dropped.
        if (sameCode) acc.respaced.add(`${path}\0${f.name}`)
        if (f.guessed) guessedDefinition(acc, path, f, line)
      }
      return
    }
    const m = macroAt(img, line)
    if (m) {
      macros.add(m.name)
      return
    }
    const top = topLevelAt(img, line)
    if (top) {
      tops.push(top)
      return
    }
    const d = declarationAt(img, line)
    if (d?.kind === 'include' && acc.includes) {
      includes.push({ line: img.uncommented[line - 1] ?? '', side: img === pre ? 'del' : 'add' })
      return
    }
    // A top-level macro call (`module_exit(rng_exit);`, `late_initcall(f);`) is judged by its
    // expansion as a definition is: plain data, a static inline, or an entry placed in a section.
    // Not a line of an X-macro list (`SCHED_FEAT(RT_PUSH_IPI, true)`, no `;`), whose includer's
    // definition decides what it is, nor an attribute macro on the line above a definition.
    const call =
      d?.kind === 'other' &&
      d.name !== undefined &&
      img.uncommented
        .slice(d.startLine - 1, d.endLine)
        .join('\n')
        .trimEnd()
        .endsWith(';')
    if ((d?.kind === 'global' || call) && img === post) {
      addedGlobals.add(d)
      return
    }
    if (call && d.name !== undefined) {
      named('global-change', d.name)
      return
    }
    if (d) {
      const [here, other] = img === pre ? [pre, post] : [post, pre]
      if (localTypeAddedOrRemoved(d, typeImage(here), typeImage(other), otherHunks(acc, path))) {
        localTypes.add(`${d.name ?? 'an anonymous enum'} ${img === pre ? 'removed' : 'added'}`)
        return
      }
    }
    const forward = d ? forwardDeclaration(d, img.uncommented) : undefined
    if (forward) {
      forwards.add(`${forward} ${img === pre ? 'removed' : 'added'}`)
      return
    }
    const kind = d ? DECLARATION_FINDING[d.kind] : undefined
    if (d && kind)
      named(kind, d.kind === 'include' ? `#include ${d.name ?? ''}` : (d.name ?? '(unnamed)'))
    else unmapped++
  }
  for (const l of h.lines) {
    if (l.type === 'del') visit(pre, l.oldLine ?? 0)
    else if (l.type === 'add') visit(post, l.newLine ?? 0)
  }
  const judged = new Set<string>()
  for (const { name, call } of emptyCalls) {
    if (acc.changed.has(`${path}\0${name}`)) continue
    const message = `${name}: the changed call ${call.callee}(...) compiles to nothing: ${call.callee} is a static inline function whose body is empty in every build (line ${call.definitions.join(', ')})`
    if (judged.has(message)) continue
    judged.add(message)
    finding('empty-call', 'info', message, [name])
  }
  const added = new Set(h.lines.flatMap(l => (l.type === 'add' ? [l.newLine ?? 0] : [])))
  for (const d of addedGlobals) {
    const lines = Array.from({ length: d.endLine - d.startLine + 1 }, (_, i) => d.startLine + i)
    const def = {
      code: lines.map(n => post.uncommented[n - 1] ?? '').join('\n'),
      name: d.name,
      whole: lines.every(n => added.has(n) || (post.uncommented[n - 1] ?? '').trim() === '')
    }
    const f = addedGlobalFinding(def, identifiersOf(pre), postBodies(acc, path, post))
    if (f && !judged.has(`${f.kind}\0${f.message}`)) {
      judged.add(`${f.kind}\0${f.message}`)
      finding(f.kind, f.severity, f.message, f.functions)
    } else if (!f) named('global-change', d.name ?? '(unnamed)')
  }
  for (const what of [...localTypes].sort()) {
    finding(
      'type-change',
      'info',
      path.endsWith('.c')
        ? `type ${what} with the code using it: an enum local to this file, its constants used only by its changed functions, lays out no data`
        : // In a header too: code elsewhere that named the constants before they existed (or after
          // they are gone) would not compile, so only the fix's own text uses them.
          `type ${what}: an enum the fix adds or removes whole, whose constants only code the fix writes or drops can name, lays out no data`
    )
  }
  for (const what of [...forwards].sort()) {
    finding(
      'type-change',
      'info',
      `forward declaration ${what}: a tag declared without a body lays out nothing and compiles to nothing (a mismatch it leaves is a compile error, not other code)`
    )
  }
  for (const [kind, names] of [...decl].sort(([a], [b]) => a.localeCompare(b))) {
    finding(kind, 'unresolved', `${[...names].sort().join(', ')} changed: ${DECLARATION_WHY[kind]}`)
  }
  for (const name of [...macros].sort()) macroChange(acc, path, at, name, pre, post, finding)
  for (const top of tops) {
    const f = topLevelFinding(top, pre, post, path.endsWith('.h'), typeNames(acc, path, pre, post))
    if (!f || judged.has(`${f.kind}\0${f.message}`)) continue
    judged.add(`${f.kind}\0${f.message}`)
    finding(f.kind, f.severity, f.message, f.functions)
  }
  if (tops.some(isConditional)) acc.conditionalHunks.push(at)
  for (const { line, side } of includes) {
    const m = /#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/.exec(line)
    const inc =
      m?.[1] !== undefined ? { name: m[1], quoted: true } : { name: m?.[2] ?? '', quoted: false }
    const subject = {
      path,
      preText: pre.text,
      postText: post.text,
      used: identifiersOf(post)
    }
    const f = acc.includes?.judge(subject, inc, side)
    // A moved include is a removal and an addition of one line, judged alike: said once.
    if (!f || judged.has(`${f.kind}\0${f.message}`)) continue
    judged.add(`${f.kind}\0${f.message}`)
    finding(f.kind, f.severity, f.message)
  }
  if (outLines > 0) {
    finding('not-built', 'info', `${outLines} changed line(s) ${notBuiltMessage(compiledOut)}`)
  }
  if (unmapped > 0) {
    finding(
      'unmapped-hunk',
      'unresolved',
      `${unmapped} changed line(s) outside any function, type, global or macro`
    )
  }
}

function callImage(img: Image): CallImage {
  return {
    functions: img.analysis.functions,
    code: img.analysis.code,
    uncommented: img.uncommented,
    builds: img.view.builds.map(b => b.label),
    outIn: line => img.view.outIn(line)
  }
}

/**
 * Entries of `path` whose code reads the same before and after: the diff's alignment only. Only
 * those this change made (not in `earlier`): in a patch series touching the file again, a function
 * an earlier patch changed reads the same across a later one that leaves it alone.
 */
function dropSameText(
  acc: Accumulator,
  path: string,
  pre: Image,
  post: Image,
  earlier: ReadonlySet<string>
): void {
  const names = [...acc.changed]
    .filter(([key, e]) => e.file === path && !earlier.has(key) && !acc.respaced.has(key))
    .map(([, e]) => e.name)
  const image = (img: Image) => ({
    functions: img.analysis.functions,
    macros: img.analysis.map.macros,
    uncommented: img.uncommented,
    outIn: (line: number) => img.view.outIn(line)
  })
  for (const name of sameTextFunctions(image(pre), image(post), names, normalizeCode)) {
    const key = `${path}\0${name}`
    const entry = acc.changed.get(key)
    acc.changed.delete(key)
    acc.outSets.delete(key)
    acc.findings.push({
      kind: 'comment-only',
      severity: 'info',
      message: `${name}: changed lines of the diff fall in it, but its code reads the same before and after the fix (comments, whitespace or the diff's alignment)`,
      file: path,
      line: entry?.hunks[0]?.line ?? entry?.line ?? 1,
      functions: [name]
    })
  }
}

/**
 * Identifiers the fix's other files add or drop: an enum moved from one header to another with
 * another value (a hostile review's case) is neither new nor gone. Read once per changed file.
 */
function otherHunks(acc: Accumulator, path: string): ReadonlySet<string> {
  if (acc.otherWords?.path === path) return acc.otherWords.words
  const words = new Set<string>()
  for (const c of acc.changes) {
    if (c.path === path) continue
    for (const h of c.patch.hunks)
      for (const l of h.lines)
        if (l.type !== 'ctx') for (const w of l.text.match(/[A-Za-z_]\w*/g) ?? []) words.add(w)
  }
  acc.otherWords = { path, words }
  return words
}

/**
 * Whether an identifier is a typedef name of the file (either image) or of its headers, or a
 * macro that is one type; undefined without the tree, where only the C keywords and fixed
 * typedefs are known types. The headers are read on the first question, once per changed file.
 */
function typeNames(
  acc: Accumulator,
  path: string,
  pre: Image,
  post: Image
): ((name: string) => boolean) | undefined {
  const { typeNames: namesOf, macroBodies } = acc
  if (!namesOf || !macroBodies) return undefined
  if (acc.isType?.path !== path) {
    let known: ((name: string) => boolean) | undefined
    const ask = (name: string): boolean => {
      if (!known) {
        const names = namesOf(path, post.text)
        for (const n of namesOf(path, pre.text)) names.add(n)
        const bodies = [postBodies(acc, path, post), macroBodies(path, pre.text)]
        // 6.1's `#define pgoff_t unsigned long` (include/linux/types.h): a macro that is one type.
        const typeMacro = (n: string): boolean => {
          const all = bodies.flatMap(b => b?.(n) ?? [])
          return all.length > 0 && all.every(b => TYPE_ONLY.test(b) && !/,/.test(b))
        }
        known = n => names.has(n) || typeMacro(n)
      }
      return known(name)
    }
    acc.isType = { path, ask }
  }
  return acc.isType.ask
}

/** A macro body that is only type words: `unsigned long`, `struct page`. */
const TYPE_ONLY =
  /^\s+(?:(?:const|volatile|unsigned|signed|char|short|int|long|_Bool|void|(?:struct|union|enum)\s+[A-Za-z_]\w*)\s*)+$/

function postBodies(acc: Accumulator, path: string, post: Image): MacroBodies | undefined {
  if (!acc.macroBodies) return undefined
  if (acc.postBodies?.path !== path)
    acc.postBodies = { path, bodies: acc.macroBodies(path, post.text) }
  return acc.postBodies.bodies
}

function macroChange(
  acc: Accumulator,
  path: string,
  at: { file: string; line: number },
  name: string,
  pre: Image,
  post: Image,
  finding: AddFinding
): void {
  const images = [pre, post].map(reachImage)
  const header = path.endsWith('.h')
  // Through the file's other macros: `FLAGS` defined as `(LIMIT | 0x100)` changes with `LIMIT`.
  // A header's own are the header impact's (core/impact), which follows them into every TU.
  const reach = header ? new Set([name]) : macroClosure(name, images)
  const names = new Set<string>()
  for (const img of images) {
    for (const f of img.functions) {
      if (f.generatedBy !== undefined && reach.has(f.generatedBy)) {
        record(acc, f, path, at, { kind: 'macro-body', macro: f.generatedBy })
        names.add(f.name)
      } else if (functionSpells(img, f, reach)) {
        record(acc, f, path, at, { kind: 'macro-use', macro: name })
        names.add(f.name)
      }
    }
  }
  const functions = [...names].sort()
  if (header) {
    const message = `#define ${name} changed in a header: users in other files are not visible here`
    finding('macro-change', 'unresolved', message, functions)
    return
  }
  // A definition above an #include is read by that header too: `pr_fmt` by printk.h's `pr_err`,
  // `DEBUG` by `pr_debug`, a template's parameters by the `.c` or `.h` it includes. Calls of the
  // header's macros in this file then change without spelling the name.
  const include = includeBelow([pre, post], name)
  if (include !== undefined) {
    const message = `#define ${name} changed above #include ${include}: what the headers included after it make of it (pr_fmt, DEBUG, a template's parameters) is not traced`
    finding('macro-change', 'unresolved', message, functions)
    return
  }
  // Defined on both sides: only its value changed, which `#ifdef` does not read.
  const valueOnly = images.every(img => img.macros.some(m => m.name === name))
  const after = usesOutside(images[1], reach, valueOnly)[0]
  const before = after === undefined ? usesOutside(images[0], reach, valueOnly)[0] : undefined
  const where =
    after !== undefined
      ? `line ${after}`
      : before !== undefined
        ? `line ${before} before the fix`
        : ''
  if (where === '') {
    finding(
      'macro-change',
      'warning',
      `#define ${name} changed: its users in this file count as changed`,
      functions
    )
    return
  }
  const message = `#define ${name} changed: its users in this file count as changed, but it is also used outside functions (${where}: a type, enum, table or #if), where what it changes is not traced`
  finding('macro-change', 'unresolved', message, functions)
}

/**
 * `MACRO(name, ...) { body }` of a macro the engine does not expand: the body's function is named
 * by a guess (the first argument), while the macro decides the real names, how many functions
 * there are and their annotations (DEFINE_IDTENTRY_SYSVEC(x) puts the body in `__x`, inside a
 * `noinstr` `x`; DECLARE_RTL_COND(x) in `x_check` beside a struct `x`).
 */
function guessedDefinition(acc: Accumulator, path: string, f: LocatedFunction, line: number): void {
  if (
    acc.findings.some(
      g => g.kind === 'unmapped-hunk' && g.file === path && g.functions?.[0] === f.name
    )
  )
    return
  acc.findings.push({
    kind: 'unmapped-hunk',
    severity: 'unresolved',
    message: `${f.name} is defined by ${f.generatedBy}(${f.name}, ...) { ... }, which is not expanded here: the functions it generates, their names and annotations are a guess (${f.name}); check the expansion`,
    file: path,
    line,
    functions: [f.name]
  })
}

// Any `#include` line, a computed one (`#include TRACE_INCLUDE(...)`) too, which
// includeDirectives (quoted and angle forms only) leaves out.
const INCLUDE_LINE = /^[ \t]*#[ \t]*include\b[ \t]*(.*?)[ \t]*$/

/** The first `#include` below a definition of `name`, on either side (as written), if any. */
function includeBelow(images: Image[], name: string): string | undefined {
  for (const img of images) {
    let first = Infinity
    for (const m of img.analysis.map.macros)
      if (m.name === name) first = Math.min(first, m.startLine)
    if (first === Infinity) continue
    const lines = img.uncommented
    for (let i = first; i < lines.length; i++) {
      const m = INCLUDE_LINE.exec(lines[i])
      if (m) return m[1] || '(empty)'
    }
  }
  return undefined
}

function perHunk(
  acc: Accumulator,
  change: FileChange,
  kind: FindingKind,
  severity: FindingSeverity,
  message: string
): void {
  for (const h of change.patch.hunks) {
    acc.findings.push({ kind, severity, message, file: change.path, line: hunkLine(h) })
  }
  if (change.patch.hunks.length === 0)
    acc.findings.push({ kind, severity, message, file: change.path })
}

function mapFile(parser: Parser, acc: Accumulator, change: FileChange): void {
  const { patch, path } = change
  const outside = [patch.oldPath, patch.newPath].map(p => (p === null ? '' : outsideBuild(p)))
  if (outside.every(reason => reason !== undefined)) {
    perHunk(acc, change, 'not-built', 'info', outside.find(r => r !== '') ?? 'not built')
    return
  }
  if (!isC(path) || patch.binary) {
    // Both sides of a rename: a C file moved to a `.txt` leaves the build.
    const doc = [patch.oldPath, patch.newPath].every(p => p === null || isDocumentation(p))
    const message = doc ? 'documentation change' : 'non-C file change: it can change the built code'
    perHunk(acc, change, 'non-c-file', doc ? 'info' : 'unresolved', message)
    return
  }
  if (
    change.oldText === null &&
    change.newText === null &&
    (patch.oldPath ?? patch.newPath) !== null
  ) {
    perHunk(acc, change, 'source-missing', 'unresolved', 'source of this file not available')
    return
  }
  const oldText =
    patch.oldPath === null
      ? ''
      : (change.oldText ?? reverseHunks(change.newText ?? '', patch.hunks))
  const newText =
    patch.newPath === null ? '' : oldText === null ? null : applyHunks(oldText, patch.hunks)
  if (
    oldText === null ||
    newText === null ||
    (change.newText !== null &&
      patch.newPath !== null &&
      change.oldText !== null &&
      newText !== change.newText)
  ) {
    perHunk(
      acc,
      change,
      'source-mismatch',
      'unresolved',
      'the diff does not apply to the given source'
    )
    return
  }
  const out = fileCompiledOut(path, acc.builds, acc.tree?.sourceOf)
  if (out !== undefined) {
    perHunk(acc, change, 'not-built', 'info', out)
    return
  }
  const tree = acc.tree
  const kbuild = tree ? kbuildDefines(path, tree.arches, tree.sourceOf) : new Set<string>()
  const defined = (text: string): ReadonlySet<string> =>
    tree ? new Set([...kbuild, ...localHeaderDefines(path, text, tree.sourceOf)]) : kbuild
  const pre = image(parser, oldText, acc.builds, defined(oldText))
  const post = image(parser, newText, acc.builds, defined(newText))
  acc.preFunctions.set(path, pre.analysis.functions)
  acc.postFunctions.set(path, post.analysis.functions)
  acc.conditionalHunks = []
  const earlier = new Set([...acc.changed].filter(([, e]) => e.file === path).map(([k]) => k))
  for (const h of patch.hunks) mapHunk(acc, path, h, pre, post)
  for (const h of recodedLines(patch.hunks, pre, post)) mapHunk(acc, path, h, pre, post)
  dropSameText(acc, path, pre, post, earlier)
  if (acc.conditionalHunks.length > 0) conditionalChange(acc, path, patch.hunks, pre, post)
  // Decide added/removed per function name: present in one image only.
  const preNames = new Set(pre.analysis.functions.map(f => f.name))
  const postNames = new Set(post.analysis.functions.map(f => f.name))
  const added: Array<{ name: string; line: number }> = []
  for (const entry of acc.changed.values()) {
    if (entry.file !== path) continue
    if (!preNames.has(entry.name) && postNames.has(entry.name)) {
      entry.change = 'added'
      entry.line = post.analysis.functions.find(f => f.name === entry.name)?.startLine ?? entry.line
      added.push({ name: entry.name, line: entry.line })
      acc.findings.push({
        kind: 'added-function',
        severity: 'info',
        message: `${entry.name} is new: nothing to patch in the running kernel, its callers are what changed`,
        file: path,
        line: entry.line,
        functions: [entry.name]
      })
    } else if (preNames.has(entry.name) && !postNames.has(entry.name)) {
      entry.change = 'removed'
      acc.findings.push({
        kind: 'removed-function',
        severity: 'warning',
        message: `${entry.name} is removed: its callers must be replaced too`,
        file: path,
        line: entry.line,
        functions: [entry.name]
      })
    } else {
      entry.line = pre.analysis.functions.find(f => f.name === entry.name)?.startLine ?? entry.line
    }
  }
  for (const fn of added) callersOfAdded(acc, path, fn, pre, post)
  callersOfResigned(acc, path, pre, post)
  const callers = [...acc.changed.values()]
    .filter(e => e.file === path && e.change !== 'removed')
    .map(e => e.name)
  append(
    acc.newCalls,
    newCalls(
      path,
      callers,
      { code: pre.analysis.code, functions: pre.analysis.functions },
      { code: post.analysis.code, functions: post.analysis.functions }
    )
  )
}

/** A definition's header (return type, attributes, name, parameters) with spaces normalised. */
function headerOf(img: Image, f: LocatedFunction): string {
  const text = img.uncommented.slice(f.startLine - 1, f.bodyLine).join(' ')
  const cut = text.indexOf('{')
  return (cut < 0 ? text : text.slice(0, cut))
    .replace(/\s+/g, ' ')
    .replace(/ ?([^\w\s]) ?/g, '$1')
    .trim()
}

/**
 * A definition whose header changed (`int` to `bool` parameter, `unsigned` to `int` return,
 * `__noreturn` or `__pure` dropped) changes how its callers call it: they pass, extend or test
 * values differently, or no longer assume it never returns. Its callers in this file count as
 * changed; a function other files can call leaves callers this file does not show.
 */
function callersOfResigned(acc: Accumulator, path: string, pre: Image, post: Image): void {
  const first = (img: Image) => {
    const m = new Map<string, LocatedFunction>()
    for (const f of img.analysis.functions)
      if (f.generatedBy === undefined && !m.has(f.name)) m.set(f.name, f)
    return m
  }
  const before = first(pre)
  const after = first(post)
  const image = reachImage(pre)
  for (const [name, f] of after) {
    const old = before.get(name)
    if (!old || !acc.changed.has(`${path}\0${name}`)) continue
    if (headerOf(pre, old) === headerOf(post, f)) continue
    const spelled = new Set([name])
    const callers: string[] = []
    for (const [caller, g] of after) {
      const was = before.get(caller)
      if (caller === name || !was || !functionSpells(image, was, spelled)) continue
      record(acc, g, path, { file: path, line: f.startLine })
      callers.push(caller)
    }
    const global = !f.isStatic || !old.isStatic
    if (callers.length === 0 && !global) continue
    const here =
      callers.length > 0 ? `its callers here count as changed (${callers.join(', ')})` : ''
    const shapes = [declarationShape(headerOf(pre, old)), declarationShape(headerOf(post, f))]
    const isType = typeNames(acc, path, pre, post)
    const [was, is] = shapes.map(s => arity(s, name, isType))
    // Callers elsewhere that pass the old count no longer compile: the fix's own text changes them.
    const recounted = was !== undefined && is !== undefined && was !== is
    const alike = sameCallAbi(new Set([shapes[0]]), new Set([shapes[1]]))
    // Made global: callers in other files that reached another definition of the name (an
    // arch's `__weak` default) reach this one at the next link, whatever the signature (a hostile
    // review's case: the fix's own text shows no such caller).
    const exported = old.isStatic && !f.isStatic
    const there = !global
      ? ''
      : exported
        ? 'it was static and is global after the fix: callers in other files that reached another definition of this name (a __weak default) reach this one now'
        : recounted
          ? `callers in other files, which cannot pass ${was} arguments to its ${is} parameters (a compile error), change in the fix's own text`
          : alike
            ? 'callers in other files pass and receive alike (x86_64 calling convention)'
            : 'callers in other files are not visible here'
    acc.findings.push({
      kind: 'prototype-change',
      severity: exported || (global && !recounted && !alike) ? 'unresolved' : 'warning',
      message: `${name}: its definition's return type, parameters or attributes changed, so calls to it compile differently: ${[here, there].filter(Boolean).join('; ')}`,
      file: path,
      line: f.startLine,
      functions: callers
    })
  }
}

/**
 * Functions that called `fn` before it was defined in this file (a prototype, an extern): their
 * text is the same, but the call now reaches a definition GCC can inline into them.
 */
function callersOfAdded(
  acc: Accumulator,
  path: string,
  fn: { name: string; line: number },
  pre: Image,
  post: Image
): void {
  const before = reachImage(pre)
  const name = new Set([fn.name])
  // The first definition of each name (an #ifdef pair has two), as a search of the list finds it.
  const preByName = new Map<string, LocatedFunction>()
  for (const f of pre.analysis.functions) if (!preByName.has(f.name)) preByName.set(f.name, f)
  const callers: string[] = []
  for (const f of post.analysis.functions) {
    if (f.name === fn.name || acc.changed.has(`${path}\0${f.name}`)) continue
    const old = preByName.get(f.name)
    if (!old || !functionSpells(before, old, name)) continue
    record(acc, f, path, { file: path, line: fn.line })
    callers.push(f.name)
  }
  if (callers.length === 0) return
  acc.findings.push({
    kind: 'added-function',
    severity: 'warning',
    message: `${fn.name} is now defined here, and ${callers.join(', ')} called it before (declared only): GCC can inline it into them now, so they count as changed`,
    file: path,
    line: fn.line,
    functions: callers
  })
}

/**
 * `#if`/`#endif` lines changed between functions: the functions whose unchanged lines move in or
 * out of a build count as changed; any other such line is a data or declaration change to look at.
 */
function conditionalChange(
  acc: Accumulator,
  path: string,
  hunks: Hunk[],
  pre: Image,
  post: Image
): void {
  const at = acc.conditionalHunks[0]
  const outside: number[] = []
  const moved = linesMovedInOrOut(hunks, pre, post)
  const redefined = new Set<string>()
  for (const { oldLine, newLine } of moved) {
    const fns = [...functionsAt(pre, oldLine), ...functionsAt(post, newLine)]
    for (const f of fns) record(acc, f, path, at)
    // A definition moved in or out of a build: the macro now means something else there.
    const def = DEFINITION.exec(pre.uncommented[oldLine - 1] ?? '')
    if (def) redefined.add(def[1])
    else if (fns.length === 0) outside.push(newLine)
  }
  for (const name of [...redefined].sort())
    macroChange(acc, path, at, name, pre, post, findingAt(acc, at))
  const base = { kind: 'preprocessor-change' as const, file: path, line: at.line }
  if (outside.length > 0) {
    acc.findings.push({
      ...base,
      severity: 'unresolved',
      message: `the #if structure changes which builds compile ${outside.length} unchanged line(s) outside functions (from line ${outside[0]})`
    })
  } else if (moved.length === 0) {
    for (const h of acc.conditionalHunks) {
      acc.findings.push({
        ...base,
        line: h.line,
        severity: 'info',
        message: 'the #if structure changes, but moves no unchanged code in or out of any build'
      })
    }
  }
}

/** Maps every hunk to the changed functions of both images; everything else becomes a finding. */
export interface MappedChanges {
  changed: ChangedFunction[]
  findings: Finding[]
  /** Functions located in each mapped file's pre-image (by path), for later passes to reuse. */
  preFunctions: Map<string, LocatedFunction[]>
  /** The same in each mapped file's post-image. */
  postFunctions: Map<string, LocatedFunction[]>
  /** Calls the changed and added functions make after the fix and did not before. */
  newCalls: NewCall[]
}

export interface MapOptions {
  /** Each dump set's build configuration; without it only `#if 0`-like conditions are decided. */
  builds?: BuildConfig[]
  /** The tree the fix applies to: added and removed includes are judged by what they bring. */
  includes?: Omit<IncludeContext, 'builds'>
}

export function mapChanges(
  parser: Parser,
  changes: FileChange[],
  options: MapOptions = {}
): MappedChanges {
  const acc: Accumulator = {
    changed: new Map(),
    findings: [],
    preFunctions: new Map(),
    postFunctions: new Map(),
    newCalls: [],
    builds: options.builds ?? [],
    ...(options.includes
      ? {
          includes: new IncludeJudge({ ...options.includes, builds: options.builds ?? [] }),
          tree: options.includes,
          macroBodies: makeMacroBodies({ ...options.includes, builds: options.builds ?? [] }),
          typeNames: makeTypeNames({ ...options.includes, builds: options.builds ?? [] })
        }
      : {}),
    conditionalHunks: [],
    outSets: new Map(),
    respaced: new Set(),
    changes
  }
  for (const change of changes) mapFile(parser, acc, change)
  for (const [key, entry] of acc.changed) {
    const out = acc.outSets.get(key)
    if (out && out.size > 0) entry.notBuiltIn = [...out].sort()
  }
  const changed = [...acc.changed.values()]
    .map(({ direct: _d, ...c }) => c)
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.name.localeCompare(b.name))
  for (const c of changed) c.hunks.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  const findings = acc.findings.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.kind.localeCompare(b.kind) ||
      a.message.localeCompare(b.message)
  )
  return {
    changed,
    findings,
    preFunctions: acc.preFunctions,
    postFunctions: acc.postFunctions,
    newCalls: acc.newCalls
  }
}
