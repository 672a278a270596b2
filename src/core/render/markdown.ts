import { modeLine } from './mode-line.js'
import { cmp } from '../coverage/match.js'
import type { AffectedFunction, DeclaredFunction, Finding, Report } from '../model.js'
import { byteLength, code, escapeMarkdown } from './escape.js'
import { plural, stepWords, viewOf, type ReportView } from './view.js'

export interface MarkdownOptions {
  /** Hidden comment that lets the action find and update its own PR comment: full or inner text. */
  marker?: string
  /** Upper bound in UTF-8 bytes (which also bounds characters). GitHub comments: 65,536 chars. */
  maxLength?: number
  /** Shown when the body had to be cut, e.g. where the full report is. */
  fullReportHint?: string
  title?: string
}

const DEFAULT_HINT =
  'Report truncated: the full report is in the job summary and the report artifact.'

interface Table {
  heading: string
  intro?: string
  header: string
  rows: string[]
  noun: string
}

/**
 * PR comment / job summary body. Every value from the kernel, the diff or the livepatch goes
 * through `escapeMarkdown`: function names and messages are untrusted and must not inject HTML or
 * break the table. When `maxLength` is exceeded the verdict and as much of the main table as fits
 * are kept, whole rows only.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const view = viewOf(report)
  const head = [
    ...(options.marker ? [markerComment(options.marker)] : []),
    `### ${escapeMarkdown(options.title ?? 'klp-affected')}`,
    summary(report, view)
  ]
  const main = mainTable(report, view)
  const rest = restBlocks(report, view)
  const full = join([...head, ...tableBlocks(main, main?.rows.length ?? 0), ...rest])
  const max = options.maxLength
  if (max === undefined || byteLength(full) <= max) return full
  return truncated(head, main, options.fullReportHint ?? DEFAULT_HINT, max)
}

function join(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`
}

function markerComment(marker: string): string {
  const m = /^<!--([\s\S]*)-->$/.exec(marker.trim())
  const inner = (m ? m[1] : marker)
    .trim()
    .replace(/-{2,}/g, '-')
    .replace(/[<>\r\n]/g, '')
  return `<!-- ${inner} -->`
}

function summary(report: Report, view: ReportView): string {
  const c = report.coverage
  const unresolved = report.findings.filter(f => f.severity === 'unresolved').length
  // A pass under a policy that does not judge what was found (`none` with 5 missing) is no
  // green tick: it sits next to warnings about those very functions.
  const unjudged = report.result === 'pass' && ((c?.missing.length ?? 0) > 0 || unresolved > 0)
  const icon = report.result === 'pass' ? (unjudged ? '⚠️' : '✅') : '❌'
  const parts = [
    `${icon} **${report.result}**${unjudged ? ` (policy: ${report.policy.join(', ') || 'none'})` : ''}`
  ]
  if (c) {
    parts.push(
      `${c.missing.length} missing`,
      `${c.review.length} review`,
      `${c.covered.length} covered`,
      `${c.extra.length} extra`
    )
    if (c.ambiguous) parts.push(`${c.ambiguous.length} ambiguous`)
  } else {
    parts.push('report only', `${view.toPatch.length} to patch`, `${view.reviewOnly.length} review`)
  }
  parts.push(
    `${unresolved} unresolved`,
    `${view.affectedCount} affected`,
    plural(report.sets.length, 'set')
  )
  const lines = [parts.join(' · ')]
  const mode = modeLine(report)
  if (mode) lines.push('', escapeMarkdown(mode))
  if (!c) {
    lines.push(
      '',
      'No livepatch declaration was given: the table lists what the livepatch must replace;' +
        ' <code>missing</code> and <code>review</code> are not judged.'
    )
  }
  if (report.reasons.length > 0) {
    lines.push('')
    for (const r of report.reasons) lines.push(`- ${escapeMarkdown(r)}`)
  }
  return lines.join('\n')
}

const FUNCTION_HEADER =
  '| Function | Object | Sympos | Set | TU | From changed function | Chain |\n' +
  '|---|---|---|---|---|---|---|'

function mainTable(report: Report, view: ReportView): Table | undefined {
  const c = report.coverage
  const list = c ? c.missing : view.toPatch
  if (list.length === 0) return undefined
  return {
    heading: c
      ? `#### Missing functions (${list.length})`
      : `#### Functions to patch (${list.length})`,
    intro: c ? 'Required, present as symbols, and not declared by the livepatch.' : undefined,
    header: FUNCTION_HEADER,
    rows: list.map(a => functionRow(a, view)),
    noun: c ? 'missing function' : 'function to patch'
  }
}

function tableBlocks(t: Table | undefined, rows: number): string[] {
  if (!t || rows === 0) return []
  return [
    t.heading,
    ...(t.intro ? [t.intro] : []),
    `${t.header}\n${t.rows.slice(0, rows).join('\n')}`
  ]
}

function cell(text: string | number | undefined | null): string {
  return text === undefined || text === null || text === '' ? ' ' : escapeMarkdown(String(text))
}

function functionRow(a: AffectedFunction, view: ReportView): string {
  const same = view.sameFunction(a)
  const origins = [...new Set(same.map(x => x.origin))].sort(cmp)
  return (
    `| ${code(a.name)} | ${cell(a.object ?? 'unknown')} | ${cell(a.sympos)} | ${cell(a.set)} ` +
    `| ${code(a.tu)} | ${origins.map(code).join(', ')} | ${chains(same)}` +
    `${a.note ? `<br>${escapeMarkdown(a.note)}` : ''} |`
  )
}

/** The chains of one function, in a collapsed `<details>` so the table stays scannable. */
function chains(entries: AffectedFunction[]): string {
  const seen = new Set<string>()
  const rendered: string[] = []
  for (const e of entries) {
    const html = e.chain
      .map((step, i) => {
        const w = stepWords(step)
        if (i === 0) return `${code(w.name)}${w.note ? ` (${escapeMarkdown(w.note)})` : ''}`
        return `${w.verb} ${code(w.name)}${w.note ? ` (${escapeMarkdown(w.note)})` : ''}`
      })
      .join(' → ')
    if (!seen.has(html)) {
      seen.add(html)
      rendered.push(html)
    }
  }
  const label =
    rendered.length === 1
      ? plural(Math.max(0, entries[0].chain.length - 1), 'step')
      : `${rendered.length} chains`
  return `<details><summary>${label}</summary>${rendered.join('<br>')}</details>`
}

function restBlocks(report: Report, view: ReportView): string[] {
  const c = report.coverage
  const blocks: string[] = []
  const reviewList = c ? c.review : view.reviewOnly
  if (reviewList.length > 0) {
    blocks.push(
      `#### Review (${reviewList.length})`,
      'Reached through calls or macro uses the dumps cannot settle: check whether each needs patching.',
      `${FUNCTION_HEADER}\n${reviewList.map(a => functionRow(a, view)).join('\n')}`
    )
  }
  if (view.layout.length > 0) {
    const perObject = new Map<string, number>()
    for (const a of view.layout)
      perObject.set(a.object ?? 'unknown', (perObject.get(a.object ?? 'unknown') ?? 0) + 1)
    blocks.push(
      `#### Layout (${view.layout.length})`,
      'They touch a struct member or size the fix moves (' +
        [...perObject]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([o, n]) => `${cell(o)}: ${n}`)
          .join(', ') +
        '): not livepatchable as it is; see the type-change findings.',
      `${FUNCTION_HEADER}\n${view.layout.map(a => functionRow(a, view)).join('\n')}`
    )
  }
  const unresolved = report.findings.filter(f => f.severity === 'unresolved')
  if (unresolved.length > 0) {
    blocks.push(
      `#### Unresolved (${unresolved.length})`,
      'The analysis could not cover these inputs: the lists above may be incomplete.',
      unresolved.map(f => `- ${findingItem(f)}`).join('\n')
    )
  }
  const removed = c?.declaredRemoved ?? []
  if (removed.length > 0) {
    blocks.push(
      `#### Declared but inlined away (${removed.length})`,
      'GCC removed these symbols (fully inlined): the livepatch cannot find them by name.',
      removed
        .map(
          x =>
            `- ${code(x.declared.name)} (${cell(x.declared.object)}, set ${cell(x.affected.set)})` +
            ` declared at ${code(x.declared.source)}`
        )
        .join('\n')
    )
  }
  const ambiguous = c?.ambiguous ?? []
  if (ambiguous.length > 0) {
    blocks.push(
      `#### Ambiguous old_sympos (${ambiguous.length})`,
      'Several symbols of one name in the object: as declared, the kernel would refuse to load the livepatch.',
      ambiguous
        .map(
          x =>
            `- ${code(x.declared.name)} (${cell(x.declared.object)}, set ${cell(x.affected.set)})` +
            ` declared at ${code(x.declared.source)}: ${escapeMarkdown(x.message)}`
        )
        .join('\n')
    )
  }
  if (c && c.extra.length > 0) {
    blocks.push(
      `#### Extra declarations (${c.extra.length})`,
      'Declared by the livepatch but not affected in any dump set: stale, or patched for another reason.',
      '| Function | Object | Sympos | Declared at |\n|---|---|---|---|\n' +
        c.extra.map(declRow).join('\n')
    )
  }
  if (c && c.covered.length > 0) {
    blocks.push(
      `<details><summary>Covered (${c.covered.length})</summary>`,
      '| Function | Object | Sympos | Set | Declared at |\n|---|---|---|---|---|\n' +
        c.covered
          .map(
            x =>
              `| ${code(x.affected.name)} | ${cell(x.affected.object ?? 'unknown')} ` +
              `| ${cell(x.affected.sympos)} | ${cell(x.affected.set)} | ${code(x.declared.source)} |`
          )
          .join('\n'),
      '</details>'
    )
  }
  const other = report.findings.filter(f => f.severity !== 'unresolved')
  if (other.length > 0) {
    const warnings = other.filter(f => f.severity === 'warning').length
    blocks.push(
      `<details><summary>Other findings (${plural(warnings, 'warning')}, ${other.length - warnings} info)</summary>`,
      other.map(f => `- ${f.severity === 'warning' ? '⚠️' : 'ℹ️'} ${findingItem(f)}`).join('\n'),
      '</details>'
    )
  }
  return blocks
}

function declRow(d: DeclaredFunction): string {
  return `| ${code(d.name)} | ${cell(d.object)} | ${cell(d.sympos)} | ${code(d.source)} |`
}

function findingItem(f: Finding): string {
  const where = f.file ? ` ${code(`${f.file}${f.line ? `:${f.line}` : ''}`)}` : ''
  const set = f.set ? ` (set ${escapeMarkdown(f.set)})` : ''
  return `**${escapeMarkdown(f.kind)}**${where}${set}: ${escapeMarkdown(f.message)}`
}

/**
 * Keeps the head and as many whole rows of the main table as fit, then says where the rest is.
 * Sizes are summed per block rather than re-joining the body for every row, so a table of
 * thousands of rows is cut in linear time.
 */
function truncated(head: string[], main: Table | undefined, hintText: string, max: number): string {
  const hint = `_${escapeMarkdown(hintText)}_`
  const more = (n: number): string => `_… and ${plural(n, main?.noun ?? 'row')} not shown._`
  const size = (blocks: string[]): number =>
    blocks.reduce((s, b) => s + byteLength(b), 0) + 2 * Math.max(0, blocks.length - 1) + 1

  if (main) {
    const total = main.rows.length
    const fixed = [...head, ...tableBlocks(main, 1).slice(0, -1), main.header, more(total), hint]
    let used = size(fixed)
    let rows = 0
    while (rows < total) {
      const extra = byteLength(main.rows[rows]) + 1
      if (used + extra > max) break
      used += extra
      rows++
    }
    for (; rows > 0; rows--) {
      const omitted = total - rows
      const body = join([
        ...head,
        ...tableBlocks(main, rows),
        ...(omitted > 0 ? [more(omitted)] : []),
        hint
      ])
      if (byteLength(body) <= max) return body
    }
    const body = join([...head, more(total), hint])
    if (byteLength(body) <= max) return body
  }
  // Degrade further rather than exceed the limit: the verdict line matters most after the marker.
  const marker = head[0]?.startsWith('<!--') ? [head[0]] : []
  const candidates = [
    [...head, hint],
    [...marker, ...head.slice(marker.length, marker.length + 1), hint],
    [...marker, hint],
    marker
  ]
  for (const blocks of candidates) {
    const body = blocks.length > 0 ? join(blocks) : ''
    if (byteLength(body) <= max) return body
  }
  return ''
}
