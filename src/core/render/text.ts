import { modeLine } from './mode-line.js'
import { cmp } from '../coverage/match.js'
import type { AffectedFunction, ChainStep, DeclaredFunction, Finding, Report } from '../model.js'
import { coverageCounts, plural, stepWords, viewOf, type ReportView, type Status } from './view.js'
import { append } from '../arrays.js'
import { groupFindings, holderLabel, placeOf } from './finding-groups.js'

const STATUS_TEXT: Record<Status, string> = {
  missing: 'MISSING',
  review: 'REVIEW',
  covered: 'covered',
  removed: 'inlined away (no symbol)',
  'declared-removed': 'DECLARED, NO SYMBOL',
  required: 'must patch',
  'review-only': 'review',
  'not-patchable': 'not patchable (see findings)',
  ambiguous: 'AMBIGUOUS SYMPOS',
  layout: 'layout'
}

/** Labels wider than this do not push every status of the tree further right. */
const MAX_LABEL = 64

interface Node {
  step: ChainStep
  entries: AffectedFunction[]
  /** Made with the first child: most nodes of a header inline's tree are leaves. */
  children?: Map<string, Node>
}

/** Pieces below V8's large-object size (see renderJsonPieces). */
const PIECE = 1 << 16

/**
 * Terminal report: verdict, then one tree per changed function following the old
 * kgraft-analysis-tool layout (each step indented under the function it came from, status at the
 * right), then findings by severity and the coverage lists.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  let out = ''
  for (const piece of renderTextPieces(report, options)) out += piece
  return out
}

/**
 * `renderText`'s text in pieces of about `size` characters, each section built only when the one
 * before it is written: a header inline's report at distribution scale is 20 MB of text, which
 * whole (joined, blank runs squeezed, trimmed, made terminal-safe) was five copies at once. The
 * lines are joined by newlines, runs of three or more newlines become two and trailing whitespace
 * is dropped, as on the whole text: whitespace at a piece's end waits for what follows it.
 */
export function* renderTextPieces(
  report: Report,
  options: TextOptions = {},
  size = PIECE
): Generator<string> {
  const view = viewOf(report)
  const sections: Array<() => Iterable<string>> = [
    () => [...(options.explain ? explainSummary(report, view) : summary(report, view)), ''],
    () => [...sets(report), ''],
    () => trees(report, view, options.explain === true),
    () => findings(report.findings),
    () => coverageLists(report, view)
  ]
  let out = ''
  let first = true
  let carry = ''
  const squeeze = (text: string): string => {
    const all = carry + text
    let end = all.length
    while (end > 0 && /\s/.test(all[end - 1])) end--
    carry = all.slice(end)
    return all.slice(0, end).replace(/\n{3,}/g, '\n\n')
  }
  for (const section of sections) {
    for (const line of section()) {
      out += first ? line : `\n${line}`
      first = false
      if (out.length >= size) {
        const piece = squeeze(out)
        out = ''
        if (piece !== '') yield piece
      }
    }
  }
  const piece = squeeze(out)
  yield `${piece}\n`
}

export interface TextOptions {
  /**
   * An `explain` report: one function's reach, not a fix. No policy or declaration boilerplate,
   * and its root is the function asked about, not a change.
   */
  explain?: boolean
}

function explainSummary(report: Report, view: ReportView): string[] {
  const name = report.changed[0]?.name ?? '?'
  const file = report.changed[0]?.file
  const lines = [
    `${report.tool.name} ${report.tool.version}: explain ${name}${file ? ` (${file})` : ''}`
  ]
  lines.push(
    `  ${plural(view.toPatch.length, 'function')} to patch if ${name} changes` +
      `${view.reviewOnly.length > 0 ? `, ${view.reviewOnly.length} to review` : ''}; ` +
      `${plural(view.affectedCount, 'affected function')} in ${plural(report.sets.length, 'dump set')}`
  )
  for (const r of report.reasons) lines.push(`  - ${r}`)
  return lines
}

function summary(report: Report, view: ReportView): string[] {
  const c = report.coverage
  const unresolved = report.findings.filter(f => f.severity === 'unresolved').length
  const lines = [`${report.tool.name} ${report.tool.version}: ${report.result.toUpperCase()}`]
  const counts = c
    ? coverageCounts(c)
    : [`${view.toPatch.length} to patch`, `${view.reviewOnly.length} review`]
  counts.push(`${unresolved} unresolved`)
  const setCount = report.sets.length
  lines.push(
    `  ${counts.join(', ')}; ${plural(view.affectedCount, 'affected function')} in ${plural(setCount, 'dump set')}`
  )
  const mode = modeLine(report)
  if (mode) lines.push(`  ${mode}`)
  lines.push(
    `  policy: ${report.policy.length > 0 ? report.policy.join(', ') : 'none (report only)'}`
  )
  if (!c) {
    lines.push(
      '  no livepatch declaration given: the functions below are what the livepatch must replace;',
      '  missing and review are not judged'
    )
  }
  for (const r of report.reasons) lines.push(`  - ${r}`)
  return lines
}

function sets(report: Report): string[] {
  if (report.sets.length === 0) return []
  return [
    'Dump sets:',
    ...report.sets.map(
      s =>
        `  ${s.label}: ${plural(s.dumps, 'dump')}, ${plural(s.lines, 'line')}, symbols ${s.symbolsMode}` +
        `${s.objectsKnown ? '' : ', objects unknown'}${s.lto ? ', LTO' : ''}`
    )
  ]
}

/**
 * Lines as they are written: each tree is walked twice (its label width first, then its lines),
 * so a header inline's 230,000 rows never exist at once.
 */
function* trees(report: Report, view: ReportView, explain: boolean): Generator<string> {
  const roots = new Map<string, Node>()
  for (const a of report.affected) {
    let node: Node | undefined = roots.get(a.origin)
    if (!node) {
      node = { step: { kind: 'changed', name: a.origin }, entries: [] }
      roots.set(a.origin, node)
    }
    for (const step of a.chain.slice(1)) {
      const key = `${step.name}\0${step.kind}\0${step.reason ?? ''}`
      node.children ??= new Map()
      let child: Node | undefined = node.children.get(key)
      if (!child) {
        child = { step, entries: [] }
        node.children.set(key, child)
      }
      node = child
    }
    node.entries.push(a)
  }
  const changedNames = [...new Set(report.changed.map(c => c.name))]
  const origins = [...new Set([...changedNames, ...roots.keys()])].sort(cmp)
  if (origins.length === 0) return
  yield explain
    ? `Functions that contain ${changedNames.join(', ')}'s code:`
    : `Changed functions (${changedNames.length}):`
  for (const origin of origins) {
    const defs = report.changed.filter(c => c.name === origin)
    const files = [...new Set(defs.map(d => d.file).filter(f => f !== ''))].sort(cmp)
    const where = files.length > 0 ? ` (${files.join(', ')})` : ''
    const change = explain ? '' : [...new Set(defs.map(d => d.change))].join('/')
    const via = defs.find(d => d.via)?.via
    const root = roots.get(origin)
    const head = `${origin}${where}${change ? ` ${change}` : ''}${via ? ` via ${via.kind} ${via.macro}` : ''}`
    function* rows(): Generator<Row> {
      yield { label: head, entries: root?.entries ?? [] }
      if (root) yield* walk(root, 1)
      else yield { label: '  (no affected function in any dump set)', entries: [] }
    }
    let widest = 0
    for (const { label } of rows()) widest = Math.max(widest, label.length)
    const width = Math.min(MAX_LABEL, widest)
    for (const { label, entries } of rows()) {
      const status = statusText(entries, view, report)
      yield status ? `${label.padEnd(width)} ${status}` : label
    }
    yield ''
  }
}

interface Row {
  label: string
  /** The entries the row's status is of (none: no status). */
  entries: AffectedFunction[]
}

function* walk(node: Node, depth: number): Generator<Row> {
  const children = [...(node.children?.values() ?? [])].sort(
    (a, b) => cmp(a.step.name, b.step.name) || cmp(a.step.kind, b.step.kind)
  )
  for (const child of children) {
    const w = stepWords(child.step)
    const objects = [...new Set(child.entries.map(e => e.object ?? '?'))].sort(cmp)
    const sympos = [...new Set(child.entries.flatMap(e => (e.sympos ? [e.sympos] : [])))]
    const where =
      objects.length > 0
        ? ` [${objects.join(', ')}${sympos.length > 0 ? `, sympos ${sympos.join('/')}` : ''}]`
        : ''
    const indent = ' '.repeat(2 + 3 * (depth - 1))
    yield {
      label: `${indent}-> ${w.verb} ${w.name}${w.note ? ` (${w.note})` : ''}${where}`,
      entries: child.entries
    }
    yield* walk(child, depth + 1)
  }
}

/** One status, or per set when the sets disagree or only some of them reach this function. */
function statusText(entries: AffectedFunction[], view: ReportView, report: Report): string {
  if (entries.length === 0) return ''
  const bySet = new Map<string, Status>()
  for (const e of entries) if (!bySet.has(e.set)) bySet.set(e.set, view.statusOf(e))
  const statuses = [...new Set(bySet.values())]
  if (!view.multiSet || (statuses.length === 1 && bySet.size >= report.sets.length)) {
    return STATUS_TEXT[statuses[0]]
  }
  return statuses
    .map(s => {
      const labels = [...bySet].filter(([, v]) => v === s).map(([k]) => k)
      return `${STATUS_TEXT[s]} (${labels.sort(cmp).join(', ')})`
    })
    .join(', ')
}

const SEVERITY_TITLES: Array<[Finding['severity'], string]> = [
  ['unresolved', 'Unresolved'],
  ['warning', 'Warnings'],
  ['info', 'Info']
]

function findings(all: Finding[]): string[] {
  const out: string[] = []
  for (const [severity, title] of SEVERITY_TITLES) {
    const list = all.filter(f => f.severity === severity)
    if (list.length === 0) continue
    out.push(`${title} (${list.length}):`)
    for (const g of groupFindings(list)) {
      if (g.holders) {
        out.push(
          `  type-change: ${g.holders.length} types hold a reshaped type by value, so their layouts change with it: ` +
            g.holders.map(holderLabel).join(', ')
        )
        continue
      }
      out.push(`  ${findingLine(g.finding, placeOf(g))}`)
      if (g.alike.length > 0)
        out.push(`    the same for ${g.alike.length} more: ${g.alike.join(', ')}`)
    }
    out.push('')
  }
  return out
}

export function findingLine(f: Finding, place = placeOf({ finding: f, alike: [] })): string {
  const where = place ? `${place}: ` : ''
  const set = f.set ? ` [${f.set}]` : ''
  return `${where}${f.kind}: ${f.message}${set}`
}

function coverageLists(report: Report, view: ReportView): string[] {
  const c = report.coverage
  const out: string[] = []
  const list = (title: string, rows: string[]): void => {
    if (rows.length === 0) return
    out.push(`${title} (${rows.length}):`)
    append(
      out,
      rows.map(r => `  ${r}`)
    ).push('')
  }
  const fn = (a: AffectedFunction): string => {
    const origins = [...new Set(view.sameFunction(a).map(x => x.origin))].sort(cmp)
    const sympos = a.sympos ? `,${a.sympos}` : ''
    const note = a.note ? `\n      note: ${a.note}` : ''
    return `${a.object ?? '?'}:${a.name}${sympos} [${a.set}] ${a.tu}, from ${origins.join(', ')}${note}`
  }
  const decl = (d: DeclaredFunction): string =>
    `${d.object}:${d.name}${d.sympos ? `,${d.sympos}` : ''} (${d.source})`
  const layout = (): void =>
    list(
      'Layout (touch what a type change moves; see the type-change findings)',
      view.layout.map(fn)
    )
  if (!c) {
    list('Must patch', view.toPatch.map(fn))
    list('Review', view.reviewOnly.map(fn))
    layout()
    return out
  }
  list('Missing', c.missing.map(fn))
  list('Review', c.review.map(fn))
  list(
    'Covered',
    c.covered.map(x => `${fn(x.affected)} <- ${x.declared.source}`)
  )
  layout()
  list('Extra declarations, not affected in any dump set', c.extra.map(decl))
  list(
    'Declared but inlined away, no symbol to patch',
    (c.declaredRemoved ?? []).map(x => `${decl(x.declared)} [${x.affected.set}]`)
  )
  list(
    'Ambiguous: declared without the right old_sympos, the livepatch would not load or would replace another function',
    (c.ambiguous ?? []).map(x => `${fn(x.affected)} <- ${x.declared.source}\n      ${x.message}`)
  )
  return out
}
