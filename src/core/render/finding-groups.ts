import { isLayout } from '../coverage/decisions.js'
import type { Finding } from '../model.js'

/** One finding as the reader sees it, with the files of the findings that say the same of theirs. */
export interface FindingGroup {
  finding: Finding
  /** Files of the later findings whose message is this one's with their own file in it. */
  alike: string[]
  /**
   * Lines of the later findings that say the same of the same file (`finding` has the first): a
   * fix of three hunks in a file the configuration does not build says so once, at three lines.
   */
  lines?: number[]
  /**
   * Layout findings of types that hold a reshaped type by value (`finding` is the first): one
   * line for all of them, whose readers the Layout list names.
   */
  holders?: Finding[]
}

/** `struct x: dev (holds struct device) ...`: a type whose layout changes with one it holds. */
const HOLDER =
  /^((?:struct|union) [A-Za-z_]\w*): [A-Za-z_]\w* \(holds (?:struct|union) [A-Za-z_]\w*\)/

export function isHolder(f: Finding): boolean {
  return isLayout(f) && HOLDER.test(f.message)
}

/** The type a holder finding is about (`struct x`). */
export function holderLabel(f: Finding): string {
  return HOLDER.exec(f.message)?.[1] ?? f.message.slice(0, f.message.indexOf(':'))
}

/**
 * Fewer alike findings are each shown: the grouped line names the first finding's file in full
 * and lists the others, which only pays past a couple.
 */
const MIN_GROUP = 3

/**
 * The findings of a list that differ only in the file they are about, as one entry each: a header
 * fix lists every object the build compiled without a dump (the real-mode code and the EFI stub:
 * 23 objects of a 6.1 defconfig), each in the same words, in every report. A finding with a line
 * or functions says something of its own and stands alone, as does one whose message does not
 * name its file (nothing shows the messages are alike). Order: each entry where its first finding
 * was; the JSON report keeps every finding.
 */
export function groupFindings(all: readonly Finding[]): FindingGroup[] {
  // `struct device` grows: 105 types that hold one by value say so each (6.1.176's device.h).
  const holders = all.filter(isHolder)
  const folded = holders.length >= MIN_GROUP
  const list = folded ? all.filter(f => !isHolder(f)) : all
  const out = alikeGroups(list)
  if (!folded) return out
  // After the last layout finding of its own (the type that holders hold), else first.
  let at = 0
  out.forEach((g, i) => {
    if (isLayout(g.finding)) at = i + 1
  })
  out.splice(at, 0, { finding: holders[0], alike: [], holders })
  return out
}

function alikeGroups(list: readonly Finding[]): FindingGroup[] {
  const shapes = list.map(shapeOf)
  const counts = new Map<string, number>()
  for (const s of shapes) if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1)
  const groups = new Map<string, FindingGroup>()
  const lined = new Map<string, FindingGroup>()
  const out: FindingGroup[] = []
  list.forEach((finding, i) => {
    const at = lineShapeOf(finding)
    if (at !== undefined) {
      const first = lined.get(at)
      if (first) (first.lines ??= []).push(finding.line as number)
      else {
        const entry: FindingGroup = { finding, alike: [] }
        lined.set(at, entry)
        out.push(entry)
      }
      return
    }
    const shape = shapes[i]
    const grouped = shape !== undefined && (counts.get(shape) as number) >= MIN_GROUP
    const group = grouped ? groups.get(shape) : undefined
    if (group) {
      group.alike.push(finding.file as string)
      return
    }
    const entry: FindingGroup = { finding, alike: [] }
    if (grouped) groups.set(shape, entry)
    out.push(entry)
  })
  return out
}

/** What a finding at a line says, with the line taken out: same words, same file. */
function lineShapeOf(f: Finding): string | undefined {
  if (!f.file || !f.line || (f.functions?.length ?? 0) > 0) return undefined
  return [f.kind, f.severity, f.set ?? '', f.file, f.message].join('\u0000')
}

/** `file:12, 40, 77`: where a finding and its alike lines are. */
export function placeOf(g: FindingGroup): string | undefined {
  const f = g.finding
  if (!f.file) return undefined
  const lines = f.line ? [f.line, ...(g.lines ?? [])] : []
  return lines.length > 0 ? `${f.file}:${lines.join(', ')}` : f.file
}

/**
 * What a finding says with its own file taken out: the path without its extension, so that the
 * object (`x.o`), the source (`x.c`) and the dump (`x.c.000i.ipa-clones`) all go.
 */
function shapeOf(f: Finding): string | undefined {
  if (!f.file || f.line !== undefined || (f.functions?.length ?? 0) > 0) return undefined
  const dot = f.file.lastIndexOf('.')
  const stem = dot > f.file.lastIndexOf('/') + 1 ? f.file.slice(0, dot) : f.file
  const parts = f.message.split(stem)
  if (parts.length < 2) return undefined
  return [f.kind, f.severity, f.set ?? '', ...parts].join('\u0000')
}
