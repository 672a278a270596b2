import type { Finding, RepoPath } from '../model.js'
import { bugEntries, type BugEntry } from './bug-table.js'
import { foldColdParts } from './cold-parts.js'
import { dataClass } from './data-class.js'
import { foldLocalData, referrers } from './local-data.js'
import { compareLabels } from './labels.js'
import type { ElfObject } from './elf-text.js'
import {
  diffRuns,
  lineImmediate,
  otherNeighbour,
  sameBranchTarget,
  type LineFields,
  type Side
} from './explain.js'
import type { CodeVerdict, LineShiftTest, ObjectComparison, SymbolComparison } from './model.js'
import { isNumbered, normaliseName } from './names.js'
import { bySection } from './reloc.js'
import { symbolSlices, type SymbolSlice } from './slices.js'
import { specialDifference, specialEntries } from './special-sections.js'
import { unownedDifferences } from './unowned.js'

interface Verdict {
  verdict: CodeVerdict
  detail?: string
}

const hex = (n: number): string => `+0x${n.toString(16)}`
const target = (t: string): string => t.slice(t.indexOf(' ') + 1)

/** The section a symbol lives in, without its own name: `.text.*`, `.text.unlikely.*`, `.init.text`. */
function placement(s: SymbolSlice): string {
  const own = `.${s.symbol.name}`
  const name = s.section.name
  return normaliseName(name.endsWith(own) ? `${name.slice(0, -own.length)}.*` : name)
}

function rawOf(s: SymbolSlice): Uint8Array | undefined {
  return s.section.bytes?.subarray(s.symbol.value, s.symbol.value + s.symbol.size)
}

function compareBytes(
  pre: SymbolSlice,
  post: SymbolSlice,
  objs: [ElfObject, ElfObject],
  isLineShift: LineShiftTest,
  fields: LineFields,
  lines: string[]
): string | undefined {
  if (pre.symbol.size !== post.symbol.size) {
    return `size ${pre.symbol.size} → ${post.symbol.size} bytes`
  }
  if (!pre.bytes !== !post.bytes) return pre.bytes ? 'now zero-initialised' : 'now initialised'
  for (let i = 0; i < Math.max(pre.relocs.length, post.relocs.length); i++) {
    const a = pre.relocs[i]
    const b = post.relocs[i]
    if (a?.at === b?.at && a?.target === b?.target) continue
    if (a && b && a.at === b.at)
      return `references ${target(b.target)} instead of ${target(a.target)} at ${hex(a.at)}`
    return `relocations differ from ${hex(Math.min(a?.at ?? Infinity, b?.at ?? Infinity))}`
  }
  if (!pre.bytes || !post.bytes) return undefined
  const rawPre = rawOf(pre)
  const rawPost = rawOf(post)
  const sides: [Side, Side] | undefined =
    pre.kind === 'function' && rawPre && rawPost
      ? [
          { obj: objs[0], section: pre.section.index, start: pre.symbol.value, raw: rawPre },
          { obj: objs[1], section: post.section.index, start: post.symbol.value, raw: rawPost }
        ]
      : undefined
  const runs = diffRuns(pre.bytes, post.bytes)
  // In a section shared with other functions a call to one of them has no relocation: the same
  // bytes may call another function, when the fix put another of the same size at that place.
  if (runs.length === 0 && sides && shares(objs, pre, post))
    return otherNeighbour(sides[0], sides[1])
  for (const [from, to] of runs) {
    if (sides && sameBranchTarget(sides[0], sides[1], from, to) !== undefined) continue
    const line = lineImmediate(pre.bytes, post.bytes, from, to, isLineShift, fields)
    if (line === undefined) return `bytes differ at ${hex(from)}`
    lines.push(line)
  }
  return undefined
}

/** Whether either side's section holds other functions than this one. */
function shares(objs: [ElfObject, ElfObject], pre: SymbolSlice, post: SymbolSlice): boolean {
  const many = (obj: ElfObject, s: SymbolSlice): boolean =>
    (bySection(obj).get(s.section.index) ?? []).some(
      x => x !== s.symbol && x.type === 'FUNC' && x.size > 0
    )
  return many(objs[0], pre) || many(objs[1], post)
}

function compareBugs(
  pre: BugEntry[],
  post: BugEntry[],
  isLineShift: LineShiftTest,
  lines: string[]
): string | undefined {
  if (pre.length !== post.length) return `${pre.length} → ${post.length} WARN/BUG sites`
  for (let i = 0; i < pre.length; i++) {
    const [a, b] = [pre[i], post[i]]
    if (a.at !== b.at || a.flags !== b.flags || a.file !== b.file)
      return `WARN/BUG site at ${hex(a.at)} differs`
    if (a.line === b.line) continue
    if (!isLineShift(a.line, b.line))
      return `WARN/BUG at ${hex(a.at)} reports line ${b.line} instead of ${a.line}`
    lines.push(`WARN/BUG line ${a.line}→${b.line}`)
  }
  return undefined
}

function compareSlices(
  pre: SymbolSlice,
  post: SymbolSlice,
  objs: [ElfObject, ElfObject],
  bugs: [BugEntry[], BugEntry[]],
  isLineShift: LineShiftTest,
  fields: LineFields
): Verdict {
  const lines: string[] = []
  const changed =
    compareBytes(pre, post, objs, isLineShift, fields, lines) ??
    compareBugs(bugs[0], bugs[1], isLineShift, lines)
  if (changed !== undefined) return { verdict: 'changed', detail: changed }
  if (placement(pre) !== placement(post)) {
    return { verdict: 'changed', detail: `moved from ${pre.section.name} to ${post.section.name}` }
  }
  if (lines.length > 0)
    return { verdict: 'line-only', detail: `line numbers only: ${lines.join(', ')}` }
  return { verdict: 'unchanged' }
}

/** The subsections GCC writes without -ffunction-sections: not a function's own section. */
const SUBSECTIONS = new Set(['.text.unlikely', '.text.hot', '.text.startup', '.text.exit'])

/**
 * Built without -ffunction-sections, every function shares `.text` and references between them
 * are resolved by the assembler: a difference cannot be pinned to a function. A `.cold` part in
 * `.text.unlikely` does not make an object built with them.
 */
function sharedText(obj: ElfObject): boolean {
  const fns = obj.symbols.filter(
    s => s?.type === 'FUNC' && s.size > 0 && typeof s.shndx === 'number'
  )
  const names = fns.map(s => obj.sections[s.shndx as number]?.name ?? '')
  return names.includes('.text') && !names.some(n => n.startsWith('.text.') && !SUBSECTIONS.has(n))
}

/** Pairs numbered data (`__func__.3`, `__key.12`) by content first, then by order. */
function pairNumbered(
  pre: SymbolSlice[],
  post: SymbolSlice[]
): Array<[SymbolSlice?, SymbolSlice?]> {
  const sig = (s: SymbolSlice): string =>
    `${s.symbol.size}|${s.bytes?.join(',') ?? 'bss'}|${s.relocs.map(r => `${r.at}:${r.target}`).join(';')}`
  const waiting = new Map<string, SymbolSlice[]>()
  for (const b of post) {
    const k = sig(b)
    waiting.set(k, [...(waiting.get(k) ?? []), b])
  }
  const pairs: Array<[SymbolSlice?, SymbolSlice?]> = []
  const left: SymbolSlice[] = []
  const matched = new Set<SymbolSlice>()
  for (const a of pre) {
    const b = waiting.get(sig(a))?.shift()
    if (b) {
      pairs.push([a, b])
      matched.add(b)
    } else left.push(a)
  }
  const rest = post.filter(b => !matched.has(b))
  for (let i = 0; i < Math.max(left.length, rest.length); i++) pairs.push([left[i], rest[i]])
  return pairs
}

/**
 * Numbered data (`_rs.1`, `__func__.3`) by its name without the number and the functions that use
 * it: two functions' rate limits are told apart by whose they are, not by their contents (paired
 * by content, two statics whose values the fix swapped read as unchanged, and a changed one was
 * put on the other function).
 */
function keyOf(s: SymbolSlice, users: Map<string, Set<string>>): string {
  if (s.kind !== 'data' || !isNumbered(s.symbol.name)) return s.symbol.name
  return `#${normaliseName(s.symbol.name)}@${[...(users.get(s.symbol.name) ?? [])].sort().join(',')}`
}

function groups(
  slices: SymbolSlice[],
  users: Map<string, Set<string>>
): Map<string, SymbolSlice[]> {
  const map = new Map<string, SymbolSlice[]>()
  for (const s of slices) {
    const key = `${s.kind}:${keyOf(s, users)}`
    const list = map.get(key)
    if (list) list.push(s)
    else map.set(key, [s])
  }
  return map
}

/** A function-scope static the function writes (`_rs`, a ratelimit state; not a `const` table). */
function stateful(s: SymbolSlice, cls: string | undefined): boolean {
  return cls === 'function-local' && s.section.flags.includes('W')
}

/**
 * Its initial value changed. kpatch and klp-build correlate a function's static locals with the
 * running kernel's, so that a replaced function keeps their state (kpatch's patch author guide):
 * the copy uses the old variable, whose value the new initializer never reaches.
 */
function restarted(file: string, name: string, owners: Set<string> | undefined): Finding {
  const of = owners && owners.size > 0 ? ` of ${[...owners].sort().join(', ')}` : ''
  return {
    kind: 'global-change',
    severity: 'unresolved',
    file,
    ...(owners && owners.size > 0 ? { functions: [...owners].sort() } : {}),
    message: `${file}: the function-local static ${name}${of} starts from another value in the patched build: a livepatch's copy of the function keeps using the running kernel's variable (kpatch and klp-build correlate static locals so that their state survives), so the new initial value never takes effect`
  }
}

/**
 * A definition that turns weak, strong, local or global: which definition the link picks (a
 * `__weak` default against another file's strong one) or who can reach it changes, and no
 * function replacement carries that. The kernel's prototypes have spelled `__weak` by mistake.
 */
function rebound(file: string, pre: SymbolSlice, post: SymbolSlice): Finding {
  const what = `${pre.kind === 'function' ? 'function' : 'data object'} ${post.symbol.name}`
  const [was, now] = [pre.symbol.bind, post.symbol.bind]
  const why =
    was === 'LOCAL'
      ? `is ${now} in the patched build (static before): other files can reach it by name, while the running kernel has it as a local symbol (a livepatch reaches that only through a klp relocation), and it may override a __weak definition at the next link`
      : now === 'LOCAL'
        ? `is static in the patched build (${was} before): other files no longer reach it, and another definition of the name may take their calls at the next link`
        : `is ${now} in the patched build (${was} before): which definition the link picks changes`
  return {
    kind: 'object-compare',
    severity: 'unresolved',
    file,
    message: `${file}: ${what} ${why}; no function replacement carries that`
  }
}

/**
 * Compares one TU's object built before and after a fix, function by function and data object by
 * data object (kpatch's create-diff-object and klp-build do the same per section; here per symbol,
 * so that functions sharing `.init.text` are told apart).
 */
export function compareObjects(
  tu: RepoPath,
  pre: ElfObject,
  post: ElfObject,
  isLineShift: LineShiftTest
): ObjectComparison {
  const findings: Finding[] = []
  const file = tu.replace(/\.c$/, '.o')
  const shared = sharedText(pre) || sharedText(post)
  const bugPre = bugEntries(pre)
  const bugPost = bugEntries(post)
  if (!bugPre || !bugPost) {
    findings.push({
      kind: 'object-compare',
      severity: 'unresolved',
      file,
      message: `${file}: __bug_table is not in the 12-byte relative layout: WARN/BUG lines were not compared`
    })
  }
  const objs: [ElfObject, ElfObject] = [pre, post]
  const users: [Map<string, Set<string>>, Map<string, Set<string>>] = [
    referrers(pre),
    referrers(post)
  ]
  const a = groups(symbolSlices(pre), users[0])
  const b = groups(symbolSlices(post), users[1])
  const symbols: SymbolComparison[] = []
  const names = new Set([...pre.symbols, ...post.symbols].map(x => x?.name ?? ''))
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(key) ?? []
    const right = b.get(key) ?? []
    const pairs: Array<[SymbolSlice?, SymbolSlice?]> =
      left.length === 1 && right.length <= 1 ? [[left[0], right[0]]] : pairNumbered(left, right)
    for (const [x, y] of pairs) {
      const s = (y ?? x) as SymbolSlice
      const bind = s.symbol.bind
      const base: Omit<SymbolComparison, 'verdict'> = {
        name: s.symbol.name,
        kind: s.kind,
        ...(bind === 'GLOBAL' || bind === 'WEAK' ? { bind } : {}),
        ...(s.kind === 'data' ? { dataClass: dataClass(s.symbol.name, s.section.name, names) } : {})
      }
      if (x && y && x.symbol.bind !== y.symbol.bind) findings.push(rebound(file, x, y))
      if (!x)
        symbols.push({
          ...base,
          verdict: 'added',
          detail: `only after the fix, in ${s.section.name}`
        })
      else if (!y)
        symbols.push({
          ...base,
          verdict: 'removed',
          detail: `only before the fix, in ${s.section.name}`
        })
      else {
        const bugs: [BugEntry[], BugEntry[]] =
          s.kind === 'function'
            ? [bugPre?.get(x.symbol.name) ?? [], bugPost?.get(y.symbol.name) ?? []]
            : [[], []]
        const fields: LineFields =
          s.kind === 'function' ? 'code' : base.dataClass === 'call-site' ? 'descriptor' : 'none'
        const compared = { ...base, ...compareSlices(x, y, objs, bugs, isLineShift, fields) }
        symbols.push(compared)
        if (compared.verdict === 'changed' && stateful(y, base.dataClass))
          findings.push(restarted(file, y.symbol.name, users[1].get(y.symbol.name)))
      }
    }
  }
  // A function whose bytes are the same may still be marked differently by the tables beside it.
  const special = [specialEntries(pre), specialEntries(post)] as const
  symbols.forEach((s, i) => {
    if (s.kind !== 'function' || (s.verdict !== 'unchanged' && s.verdict !== 'line-only')) return
    const detail = specialDifference(special[0], special[1], s.name)
    if (detail !== undefined) symbols[i] = { ...s, verdict: 'changed', detail }
  })
  const unowned = specialDifference(special[0], special[1], '')
  if (unowned !== undefined) {
    findings.push({
      kind: 'object-compare',
      severity: 'unresolved',
      file,
      message: `${file}: ${unowned.replace(/^its /, '')} in entries that point into no function: what they change is not pinned to one`
    })
  }
  symbols.sort((p, q) =>
    p.kind === q.kind
      ? p.name < q.name
        ? -1
        : p.name > q.name
          ? 1
          : 0
      : p.kind === 'function'
        ? -1
        : 1
  )
  const labels = compareLabels(pre, post, file, names)
  for (const f of labels.findings) findings.push(f)
  const pieces = unownedDifferences(pre, post)
  if (pieces.length > 0) {
    findings.push({
      kind: 'object-compare',
      severity: 'unresolved',
      file,
      message: `${file}: bytes that no symbol holds differ in ${pieces.join(', ')}: entries of a table the kernel walks by its bounds (a PCI fixup, a constructor) or code after an assembler-local label, which a top-level asm() or an attribute writes; no function or data object holds them, so no function replacement carries them`
    })
  }
  const folded = [...foldLocalData(foldColdParts(symbols), users), ...labels.symbols]
  const differing = folded.filter(s => s.kind === 'function' && s.verdict !== 'unchanged')
  if (shared && differing.length > 0) {
    findings.push({
      kind: 'object-compare',
      severity: 'unresolved',
      file,
      functions: differing.map(s => s.name),
      message: `${file}: all functions are in .text (built without -ffunction-sections) and its code differs: the per-function verdicts are a guess`
    })
  }
  return { tu, symbols: folded, findings }
}
