import { modeLine } from './mode-line.js'
import { cmp } from '../coverage/match.js'
import type { AffectedFunction, Finding, Report } from '../model.js'
import { chainLines } from './chain-line.js'
import { codeSpan, escapeText } from './escape.js'
import { verdictSentence } from './verdict.js'
import { isDecision } from '../coverage/decisions.js'
import { coverageCounts, plural, viewOf, type ReportView } from './view.js'
import {
  SNIPPET_LABEL,
  declarationFormat,
  declarationSnippet,
  type SnippetFormat
} from './snippet.js'
import { fitSections, type Section } from './fit.js'
import { groupFindings, holderLabel, placeOf, type FindingGroup } from './finding-groups.js'

export interface MarkdownOptions {
  /** Hidden comment that lets the action find and update its own PR comment: full or inner text. */
  marker?: string
  /** Upper bound in UTF-8 bytes (which also bounds characters). GitHub comments: 65,536 chars. */
  maxLength?: number
  /** Plain text shown when sections had to be left out: where the whole report is. */
  fullReportHint?: string
  /** Link for the hint (the run whose job summary holds the whole report). */
  fullReportUrl?: string
  title?: string
  /** Commit the dumps and the diff came from, for the footer. */
  commit?: string
  /** The workflow run, for the footer. */
  runUrl?: string
  /** Snippet format; by default the one the declarations were read from. */
  declarationFormat?: SnippetFormat
}

/** More rows than this, from several changed functions: one table per changed function. */
const GROUP_OVER = 10

/**
 * PR comment / job summary body: the verdict and what to do first, the missing functions with
 * their chains, a declaration snippet, then collapsed sections. Untrusted values (kernel names,
 * paths, messages) go into code spans or through `escapeText`. Under `maxLength` the least
 * important sections go first, and the comment says which and where the whole report is.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const view = viewOf(report)
  const head = [
    ...(options.marker ? [markerComment(options.marker)] : []),
    `### ${escapeText(options.title ?? 'klp-affected')}`,
    summary(report, view)
  ]
  const sections = [...mainSections(report, view, options), ...restSections(report, view)]
  return fitSections({
    head,
    sections,
    footer: footer(report, options),
    dropped: names => droppedNote(names, options),
    max: options.maxLength
  })
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
  const counts = c
    ? coverageCounts(c)
    : ['report only', `${view.toPatch.length} to patch`, `${view.reviewOnly.length} review`]
  counts.push(
    `${unresolved} unresolved`,
    `${view.affectedCount} affected in ${plural(report.sets.length, 'dump set')}`
  )
  const lines = [verdictSentence(report, view), '', counts.join(' · ')]
  const mode = modeLine(report)
  if (mode) lines.push('', escapeText(mode))
  const reasons = report.reasons.filter(r => !/required functions? (is|are) not declared/.test(r))
  if (reasons.length > 0) {
    lines.push('')
    for (const r of reasons) lines.push(`- ${escapeText(r)}`)
  }
  return lines.join('\n')
}

function mainSections(report: Report, view: ReportView, options: MarkdownOptions): Section[] {
  const c = report.coverage
  const list = c ? c.missing : view.toPatch
  if (list.length === 0) return []
  const heading = c ? `#### Missing (${list.length})` : `#### To patch (${list.length})`
  const sections: Section[] = [
    functionSection(c ? 'Missing' : 'To patch', heading, list, view, { open: true })
  ]
  const format = options.declarationFormat ?? declarationFormat(c)
  const snippet = declarationSnippet(list, format)
  if (snippet.text !== '') {
    const fence = '`'.repeat(Math.max(3, longestRun(snippet.text, '`') + 1))
    const skipped =
      snippet.skipped > 0 ? `\n\n${plural(snippet.skipped, 'name')} left out: not C symbols.` : ''
    sections.push({
      name: 'Declarations to add',
      blocks: () => [
        `<details><summary>Declarations to add (${SNIPPET_LABEL[format]})</summary>`,
        `${fence}${snippet.language}\n${snippet.text}\n${fence}${skipped}`,
        '</details>'
      ]
    })
  }
  return sections
}

function longestRun(text: string, ch: string): number {
  let best = 0
  let run = 0
  for (const c of text) {
    run = c === ch ? run + 1 : 0
    best = Math.max(best, run)
  }
  return best
}

/**
 * A narrow table per function list: function, object, and the chain back to the changed
 * function. Sympos and set get a column only when some row needs one; notes go below the table
 * so a caveat cannot make a row tall. Grouped by changed function when there are many rows.
 */
function functionSection(
  name: string,
  heading: string,
  list: AffectedFunction[],
  view: ReportView,
  opts: { open: boolean; intro?: string }
): Section {
  const withSympos = list.some(a => a.sympos !== undefined)
  const withSet = view.multiSet
  const header = [
    'Function',
    'Object',
    ...(withSympos ? ['Sympos'] : []),
    ...(withSet ? ['Set'] : []),
    'Why'
  ]
  const headerRow = `| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`
  const row = (a: AffectedFunction): string => {
    const cells = [
      codeSpan(a.name),
      codeSpan(a.object ?? 'unknown'),
      ...(withSympos ? [a.sympos === undefined ? ' ' : String(a.sympos)] : []),
      ...(withSet ? [codeSpan(a.set)] : []),
      chainLines(view.sameFunction(a), false).join('<br>')
    ]
    return `| ${cells.join(' | ')} |`
  }
  const groups = list.length > GROUP_OVER ? byOrigin(list) : [{ title: undefined, rows: list }]
  const notes = list
    .filter(a => a.note)
    .map(a => `- ${codeSpan(a.name)}: ${escapeText(a.note ?? '')}`)
  const body = (rows: number): string[] => {
    const out: string[] = []
    let left = rows
    for (const g of groups) {
      if (left <= 0) break
      const shown = g.rows.slice(0, left)
      left -= shown.length
      if (g.title !== undefined) out.push(`${g.title} (${g.rows.length}):`)
      out.push(`${headerRow}\n${shown.map(row).join('\n')}`)
    }
    if (rows < list.length) out.push(`_… and ${list.length - rows} more not shown._`)
    if (notes.length > 0) out.push(`Notes:\n${notes.join('\n')}`)
    return out
  }
  if (opts.open) {
    return {
      name: `${name} (${list.length})`,
      rows: list.length,
      blocks: rows => [heading, ...(opts.intro ? [opts.intro] : []), ...body(rows ?? list.length)]
    }
  }
  return {
    name: `${name} (${list.length})`,
    rows: list.length,
    blocks: rows => [
      `<details><summary>${name} (${list.length})</summary>`,
      ...(opts.intro ? [opts.intro] : []),
      ...body(rows ?? list.length),
      '</details>'
    ]
  }
}

/**
 * Rows grouped by the changed function they come from. Origins with one row each (a layout
 * change's hundreds of functions, each changed itself) share one table: a table per row made the
 * comment of a header's layout change half headings; each row's Why still names its origin.
 */
function byOrigin(list: AffectedFunction[]): Array<{ title?: string; rows: AffectedFunction[] }> {
  const rows = new Map<string, AffectedFunction[]>()
  for (const a of list) {
    const at = rows.get(a.origin)
    if (at) at.push(a)
    else rows.set(a.origin, [a])
  }
  const origins = [...rows.keys()].sort(cmp)
  const shared = origins.filter(o => rows.get(o)!.length > 1)
  if (shared.length === 0 || origins.length === 1) return [{ rows: list }]
  const single = origins.filter(o => rows.get(o)!.length === 1).map(o => rows.get(o)![0])
  return [
    ...shared.map(o => ({ title: `From ${codeSpan(o)}`, rows: rows.get(o)! })),
    ...(single.length > 0 ? [{ title: 'From other functions, one each', rows: single }] : [])
  ]
}

function collapsed(name: string, count: number, intro: string, body: string): Section {
  return {
    name: `${name} (${count})`,
    blocks: () => [`<details><summary>${name} (${count})</summary>`, intro, body, '</details>']
  }
}

/** In order of importance: the fitting drops from the end. */
function restSections(report: Report, view: ReportView): Section[] {
  const c = report.coverage
  const out: Section[] = []
  const ambiguous = c?.ambiguous ?? []
  if (ambiguous.length > 0) {
    out.push({
      name: `Ambiguous old_sympos (${ambiguous.length})`,
      blocks: () => [
        `#### Ambiguous \`old_sympos\` (${ambiguous.length})`,
        'Several symbols of one name in the object: as declared, the kernel would refuse to load the livepatch.',
        ambiguous
          .map(
            x =>
              `- ${codeSpan(x.declared.name)} in ${codeSpan(x.declared.object)}, declared at ` +
              `${codeSpan(x.declared.source)}: ${escapeText(x.message)}`
          )
          .join('\n')
      ]
    })
  }
  const unresolved = report.findings.filter(f => f.severity === 'unresolved')
  if (unresolved.length > 0) {
    out.push(
      collapsed(
        'Unresolved',
        unresolved.length,
        unresolvedIntro(unresolved),
        groupFindings(unresolved)
          .map(g => `- ${groupItem(g)}`)
          .join('\n')
      )
    )
  }
  if (view.layout.length > 0) {
    const perObject = new Map<string, number>()
    for (const a of view.layout)
      perObject.set(a.object ?? 'unknown', (perObject.get(a.object ?? 'unknown') ?? 0) + 1)
    const objects = [...perObject]
      .sort(([a], [b]) => cmp(a, b))
      .map(([o, n]) => `${codeSpan(o)}: ${n}`)
      .join(', ')
    out.push(
      functionSection('Layout', '', view.layout, view, {
        open: false,
        intro: `They touch a struct member or size the fix moves (${objects}): not livepatchable as it is; see the type-change findings.`
      })
    )
  }
  const reviewList = c ? c.review : view.reviewOnly
  if (reviewList.length > 0) {
    out.push(
      functionSection('Review', '', reviewList, view, {
        open: false,
        intro:
          'Reached through calls or macro uses the dumps cannot settle: check whether each needs patching.'
      })
    )
  }
  const removed = c?.declaredRemoved ?? []
  if (removed.length > 0) {
    out.push(
      collapsed(
        'Declared but inlined away',
        removed.length,
        'GCC removed these symbols (fully inlined): the livepatch cannot find them by name.',
        removed
          .map(
            x =>
              `- ${codeSpan(x.declared.name)} in ${codeSpan(x.declared.object)}, declared at ` +
              codeSpan(x.declared.source)
          )
          .join('\n')
      )
    )
  }
  if (c && c.extra.length > 0) {
    out.push(
      collapsed(
        'Extra',
        c.extra.length,
        'Declared by the livepatch but affected in no dump set: stale, or patched for another reason.',
        c.extra
          .map(
            d =>
              `- ${codeSpan(d.name)} in ${codeSpan(d.object)}` +
              `${d.sympos ? `, sympos ${d.sympos}` : ''}, declared at ${codeSpan(d.source)}`
          )
          .join('\n')
      )
    )
  }
  const other = report.findings.filter(f => f.severity !== 'unresolved')
  if (other.length > 0) {
    const warnings = other.filter(f => f.severity === 'warning').length
    out.push({
      name: `Other findings (${other.length})`,
      blocks: () => [
        `<details><summary>Other findings (${plural(warnings, 'warning')}, ${other.length - warnings} info)</summary>`,
        groupFindings(other)
          .map(g => `- ${g.finding.severity === 'warning' ? '⚠️' : 'ℹ️'} ${groupItem(g)}`)
          .join('\n'),
        '</details>'
      ]
    })
  }
  if (c && c.covered.length > 0) {
    const set = (a: AffectedFunction): string => (view.multiSet ? ` (set ${codeSpan(a.set)})` : '')
    out.push(
      collapsed(
        'Covered',
        c.covered.length,
        'Required and declared.',
        c.covered
          .map(
            x =>
              `- ${codeSpan(x.affected.name)} in ${codeSpan(x.affected.object ?? 'unknown')}, ` +
              `declared at ${codeSpan(x.declared.source)}${set(x.affected)}`
          )
          .join('\n')
      )
    )
  }
  return out
}

/** What the unresolved findings are: changes a human must carry, inputs not covered, or both. */
function unresolvedIntro(list: Finding[]): string {
  const decisions = list.filter(isDecision).length
  if (decisions === list.length)
    return 'The fix changes what no function replacement carries: a human decides how (shadow variables, a callback, a reworked fix).'
  if (decisions === 0)
    return 'The analysis could not cover these inputs: the lists above may be incomplete.'
  return 'Some are changes no function replacement carries (a human decides how), the others inputs the analysis could not cover: the lists above may be incomplete.'
}

/** A finding, and the files of the findings that say the same of theirs (see groupFindings). */
function groupItem(g: FindingGroup): string {
  if (g.holders) return holdersItem(g.holders)
  const item = findingItem(g.finding, placeOf(g))
  if (g.alike.length === 0) return item
  return `${item} — the same for ${g.alike.length} more: ${g.alike.map(f => codeSpan(f)).join(', ')}`
}

function holdersItem(list: readonly Finding[]): string {
  const names = list.slice(0, HOLDERS_SHOWN).map(f => codeSpan(holderLabel(f)))
  const more = list.length > HOLDERS_SHOWN ? ` and ${list.length - HOLDERS_SHOWN} more` : ''
  return (
    `**type-change** ${list.length} types hold a reshaped type by value, so their layouts change ` +
    `with it (unresolved, each): ${names.join(', ')}${more}. Their readers are in the Layout list; ` +
    'the JSON report has each finding.'
  )
}

// Holders named on their line: past these, a count.
const HOLDERS_SHOWN = 12

function findingItem(f: Finding, place: string | undefined): string {
  const where = place ? ` ${codeSpan(place)}` : ''
  const set = f.set ? ` (set ${codeSpan(f.set)})` : ''
  return `**${escapeText(f.kind)}**${where}${set}: ${escapeText(f.message)}`
}

const URL = /^https:\/\/[^\s()<>[\]"'`]+$/

function link(text: string, url: string | undefined): string {
  return url && URL.test(url) ? `[${text}](${url})` : text
}

function footer(report: Report, options: MarkdownOptions): string {
  const parts = [`${escapeText(report.tool.name)} ${escapeText(report.tool.version)}`]
  if (options.commit && /^[0-9a-f]{7,64}$/i.test(options.commit)) {
    parts.push(`dumps and diff of ${codeSpan(options.commit.slice(0, 12))}`)
  }
  if (options.runUrl && URL.test(options.runUrl)) {
    parts.push(`${link('run', options.runUrl)} (its job summary has the whole report)`)
  }
  return `<sub>${parts.join(' · ')}</sub>`
}

function droppedNote(names: string[], options: MarkdownOptions): string {
  const hint = options.fullReportHint
    ? options.fullReportUrl
      ? link(escapeText(options.fullReportHint), options.fullReportUrl)
      : escapeText(options.fullReportHint)
    : 'The whole report is in the job summary and the report artifact.'
  return `_Left out for length: ${names.join(', ')}. ${hint}_`
}
