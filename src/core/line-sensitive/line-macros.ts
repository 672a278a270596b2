import { archesOf, includeCandidates, includeDirectives } from '../source/includes.js'
import { maskCommentsAndStrings } from '../source/mask.js'

/** A file of the tree on demand, as the review tier reads it (see `CallerSearchInput.sourceOf`). */
export type SourceOf = (path: string) => string | undefined | false

/** A kernel TU pulls in 300 to 1,500 headers; the walk stops here. */
const CLOSURE_MAX = 8000

// GCC takes `\` before CRLF as a continuation too.
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm
const IDENT = /[A-Za-z_]\w*/g
/** `a##b` between two tokens; `, ## __VA_ARGS__` only drops a comma. */
const PASTES = /\w\s*##\s*\w/

/** What puts the source line into the object: `__LINE__` itself, and macros that expand to it. */
export interface LineMacros {
  /** Macro names whose expansion holds `__LINE__` (through other macros too), `__LINE__` included. */
  names: Set<string>
  /** Some header of the file's includes defines a line macro: false when no header could be read. */
  fromHeaders: boolean
  /** Macros that paste their arguments into a name (`__PASTE`, `__UNIQUE_ID`). */
  pasting: Set<string>
}

interface Define {
  name: string
  body: string
}

/**
 * Whether `code` names one of `needles` where the line ends up in the code: an argument
 * (`__might_sleep(__FILE__, __LINE__)`, a bug-table `asm` operand), a `__stringify`d message.
 * Not a designated initializer of static data (`.line = __LINE__`: printk index, dynamic debug
 * descriptors live in their own sections, the function's code does not change), and not a pasted
 * name (`__PASTE(__UNIQUE_ID_, __LINE__)` names a variable: `min()` would count otherwise).
 */
export function namesLine(
  code: string,
  needles: ReadonlySet<string>,
  pasting: ReadonlySet<string>
): boolean {
  for (const m of code.matchAll(IDENT)) {
    if (!needles.has(m[0])) continue
    const before = code.slice(Math.max(0, m.index - 64), m.index)
    const after = code.slice(m.index + m[0].length, m.index + m[0].length + 4)
    if (/\.\s*\w+\s*=\s*$/.test(before) || /##\s*$/.test(before) || /^\s*##/.test(after)) continue
    if (insidePasting(code, m.index, pasting)) continue
    return true
  }
  return false
}

/** Whether position `at` is inside the arguments of an invocation of a pasting macro. */
function insidePasting(code: string, at: number, pasting: ReadonlySet<string>): boolean {
  let depth = 0
  for (let i = at - 1; i >= 0 && at - i < 4096; i--) {
    const c = code[i]
    if (c === ')') depth++
    else if (c === '(') {
      if (depth > 0) {
        depth--
        continue
      }
      const name = /([A-Za-z_]\w*)\s*$/.exec(code.slice(Math.max(0, i - 64), i))?.[1]
      if (name !== undefined && pasting.has(name)) return true
    } else if (c === ';' || c === '{' || c === '}') return false
  }
  return false
}

/**
 * Which macros embed the line they are invoked on, for a changed file: every `#define` of the file
 * and of the headers it includes (followed as kbuild's compiler would, read through `sourceOf`) is
 * expanded, all its definitions at once (a `#ifdef CONFIG_...` twin counts too), and a macro is a
 * line macro when its body names `__LINE__` or another line macro (see `namesLine`). WARN_ON,
 * BUG_ON, might_sleep, lockdep asserts and a file's own `EXT4_ERROR_INODE` are found this way;
 * BUILD_BUG_ON (whose `__COUNTER__` names no line) is not. Files are read and indexed once, for
 * every changed file.
 */
export function makeLineMacros(
  changed: ReadonlyMap<string, string>,
  sourceOf: SourceOf
): (path: string) => LineMacros {
  const texts = new Map<string, string | undefined>()
  const textOf = (path: string): string | undefined => {
    const own = changed.get(path)
    if (own !== undefined) return own
    if (!texts.has(path)) {
      const text = sourceOf(path)
      texts.set(path, typeof text === 'string' ? text : undefined)
    }
    return texts.get(path)
  }
  // Per file: its defines, and identifier -> the defines whose body names it.
  const indexes = new Map<string, { defines: Define[]; uses: Map<string, number[]> }>()
  const indexOf = (
    path: string,
    text: string
  ): { defines: Define[]; uses: Map<string, number[]> } => {
    let index = indexes.get(path)
    if (!index) {
      index = { defines: [], uses: new Map() }
      for (const m of maskCommentsAndStrings(text).matchAll(DEFINE)) {
        const at = index.defines.push({ name: m[1], body: m[2] }) - 1
        for (const id of new Set(m[2].match(IDENT) ?? [])) {
          const list = index.uses.get(id)
          if (list) list.push(at)
          else index.uses.set(id, [at])
        }
      }
      indexes.set(path, index)
    }
    return index
  }
  const results = new Map<string, LineMacros>()
  return path => {
    let result = results.get(path)
    if (result) return result
    const files = closure(path, textOf).flatMap(file => {
      const text = textOf(file)
      return text === undefined ? [] : [{ file, index: indexOf(file, text) }]
    })
    // `__PASTE(a, b)` forwards to `___PASTE(a, b)`, `__UNIQUE_ID(p)` to `__PASTE(...)`: a macro that
    // is one invocation of a pasting macro pastes too (not one that merely uses one: `min()`).
    const pasting = spread(
      files,
      d => PASTES.test(d.body),
      (d, _file, needle) => firstCall(d.body) === needle
    )
    const names = new Set(['__LINE__'])
    let fromHeaders = false
    spread(
      files,
      () => false,
      (d, file) => {
        const named = namesLine(d.body, names, pasting)
        if (named) {
          names.add(d.name)
          if (file !== path) fromHeaders = true
        }
        return named
      },
      ['__LINE__']
    )
    result = { names, fromHeaders, pasting }
    results.set(path, result)
    return result
  }
}

/**
 * Macros closed under "names a macro of the set": the seeds (`seed`), then every define whose body
 * names a member and that `accept` takes, until nothing is added.
 */
function spread(
  files: Array<{ file: string; index: { defines: Define[]; uses: Map<string, number[]> } }>,
  seed: (d: Define) => boolean,
  accept: (d: Define, file: string, needle: string) => boolean,
  start: string[] = []
): Set<string> {
  const set = new Set<string>()
  const queue = [...start]
  for (const { index } of files)
    for (const d of index.defines)
      if (!set.has(d.name) && seed(d)) {
        set.add(d.name)
        queue.push(d.name)
      }
  for (let i = 0; i < queue.length; i++) {
    for (const { file, index } of files) {
      for (const at of index.uses.get(queue[i]) ?? []) {
        const d = index.defines[at]
        if (set.has(d.name) || !accept(d, file, queue[i])) continue
        set.add(d.name)
        queue.push(d.name)
      }
    }
  }
  return set
}

/** The file and every file its includes reach that can be read. */
function closure(path: string, textOf: (path: string) => string | undefined): string[] {
  const arches = archesOf([path])
  const files = [path]
  const seen = new Set(files)
  for (let i = 0; i < files.length && files.length < CLOSURE_MAX; i++) {
    const text = textOf(files[i])
    if (text === undefined) continue
    for (const inc of includeDirectives(text)) {
      const found = [...includeCandidates(inc, files[i], path, arches), ...generic(inc.name)].find(
        p => textOf(p) !== undefined
      )
      if (found === undefined || seen.has(found)) continue
      seen.add(found)
      files.push(found)
    }
  }
  return files
}

/**
 * Before the dumps are read the architecture is not known, so `<asm/bug.h>` resolves nowhere; the
 * generic header is what every architecture's own one builds on (x86's asm/bug.h includes
 * asm-generic/bug.h, others get it through kbuild's generated wrappers), and its definitions of
 * WARN/BUG are the ones that name the line.
 */
function generic(name: string): string[] {
  return name.startsWith('asm/') ? [`include/asm-generic/${name.slice(4)}`] : []
}

/** The macro a define's replacement starts by invoking (`__PASTE` in `__UNIQUE_ID`'s), if any. */
function firstCall(body: string): string | undefined {
  const replacement = body.replace(/^\([^)]*\)/, '')
  return /^[\s(]*([A-Za-z_]\w*)\s*\(/.exec(replacement)?.[1]
}
