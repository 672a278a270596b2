import type { ChangedFunction, Finding } from '../model.js'
import type { HeaderImages } from '../impact/subjects.js'
import type { Units } from '../impact/units.js'
import { generatedBy, traceEvents, type Section, type TraceEvent } from './events.js'

export interface TraceEventImpact {
  targets: ChangedFunction[]
  findings: Finding[]
  /** The mapper's findings on the invocations answered here (unmapped lines, "global data"). */
  superseded: Set<Finding>
}

const CREATE = /^[ \t]*#[ \t]*define[ \t]+CREATE_TRACE_POINTS\b/m
const INCLUDE = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/gm

/**
 * What a fix's hunks inside tracepoint definitions (TRACE_EVENT, DECLARE_EVENT_CLASS, ...) do to
 * the code: the functions define_trace.h generates from the changed section, in each TU that
 * defines CREATE_TRACE_POINTS before including the header (the only TU that emits them), and the
 * inline trace_<event>() wrappers in every TU when the prototype or condition changes.
 */
export function traceEventImpact(
  img: HeaderImages,
  units: Units,
  textOf: (path: string) => string | undefined | false,
  set: string,
  mapped: readonly Finding[]
): TraceEventImpact {
  const result: TraceEventImpact = { targets: [], findings: [], superseded: new Set() }
  const pre = traceEvents(img.pre.masked)
  const post = traceEvents(img.post.masked)
  if (pre.length === 0 && post.length === 0) return result
  const touched = new Map<string, { ev: TraceEvent; section?: Section; line: number }>()
  for (const h of img.change.patch.hunks) {
    for (const l of h.lines) {
      const [events, n] =
        l.type === 'del' ? [pre, l.oldLine] : l.type === 'add' ? [post, l.newLine] : []
      if (!events || n === undefined) continue
      const ev = events.find(e => n >= e.startLine && n <= e.endLine)
      if (!ev) continue
      const section = ev.sections.find(s => n >= s.startLine && n <= s.endLine)?.name
      const key = `${ev.macro}\u0000${ev.className}\u0000${ev.event ?? ''}\u0000${section ?? ''}`
      if (!touched.has(key)) touched.set(key, { ev, section, line: n })
    }
  }
  if (touched.size === 0) return result
  const homes = units.seeing(img.path).tus.filter(tu => createsTracepoints(textOf(tu), img.path))
  if (homes.length === 0) return result
  const seen = new Set<string>()
  for (const { ev, section, line } of touched.values()) {
    const events = pre
      .filter(e => e.macro.startsWith('DEFINE_EVENT') && e.className === ev.className)
      .flatMap(e => (e.event ? [e.event] : []))
    const names = generatedBy(ev, section, events)
    const what = `${ev.macro}(${ev.event ?? ev.className}) ${section ?? 'invocation'} changed`
    const add = (file: string, name: string): void => {
      const key = `${file}\u0000${name}`
      if (seen.has(key)) return
      seen.add(key)
      result.targets.push({
        name,
        symbols: [name],
        file,
        line: ev.startLine,
        change: 'modified',
        via: { kind: 'trace-event', macro: what },
        hunks: [{ file: img.path, line }]
      })
    }
    for (const tu of homes) for (const n of names.tu) add(tu, n)
    for (const n of names.header) add(img.path, n)
    const record = section === undefined || section === 'TP_STRUCT__entry'
    result.findings.push({
      kind: 'trace-event',
      severity: record ? 'unresolved' : 'warning',
      file: img.path,
      line,
      set,
      functions: [...names.tu, ...names.header].slice(0, 100),
      message:
        `${what}: define_trace.h generates ${[...names.tu, ...names.header].join(', ')} from it ` +
        `(in ${homes.join(', ')}, which define CREATE_TRACE_POINTS): each is required` +
        (record
          ? '. The record layout changes too: the event format user space reads (tracefs, perf) is data a livepatch keeps as it was.'
          : section === 'TP_printk'
            ? '; the format text tracefs shows (print_fmt) is data and keeps the old text.'
            : '')
    })
  }
  const within = (n: number): boolean =>
    [...pre, ...post].some(e => n >= e.startLine && n <= e.endLine)
  for (const f of mapped) {
    if (f.file !== img.path || f.line === undefined) continue
    if ((f.kind === 'unmapped-hunk' || f.kind === 'global-change') && within(f.line))
      result.superseded.add(f)
  }
  return result
}

/** Whether a changed header defines tracepoints (its reach is then per dump set). */
export function hasTraceEvents(img: HeaderImages): boolean {
  return traceEvents(img.pre.masked).length > 0 || traceEvents(img.post.masked).length > 0
}

/** Whether a TU's source defines CREATE_TRACE_POINTS and then includes `header`. */
export function createsTracepoints(text: string | undefined | false, header: string): boolean {
  if (typeof text !== 'string') return false
  const at = CREATE.exec(text)
  if (!at) return false
  for (const m of text.slice(at.index).matchAll(INCLUDE)) {
    const inc = m[1] ?? m[2]
    if (header === inc || header.endsWith(`/${inc}`)) return true
  }
  return false
}
