import { DEFINE } from '../impact/uses.js'
import { maskCommentsAndStrings } from '../source/mask.js'
import { generatedBy, RECORD_FIELD, type TraceEvent } from './events.js'

/** A function define_trace.h generates in a TU from an event whose code reaches a changed type. */
export interface GeneratedUse {
  name: string
  /** The trace header and the line of the invocation. */
  header: string
  line: number
}

/**
 * The functions a TU that defines CREATE_TRACE_POINTS generates from the `events` of `header`
 * (`masked`: its text, comments and strings blanked) whose TP_fast_assign, TP_printk or record
 * code matches `access` while the invocation reaches the type (`reaches`: its spelling, a pointer
 * member to it...): `__entry->state = qc->ap->hsm_task_state` is code of
 * trace_event_raw_event_<class> and perf_trace_<class>, written outside any function of the header.
 */
export function generatedUses(
  header: string,
  masked: string,
  events: TraceEvent[],
  access: RegExp,
  reaches: (invocation: string) => boolean
): GeneratedUse[] {
  if (events.length === 0) return []
  const lines = masked.split('\n')
  const slice = (from: number, to: number): string => lines.slice(from - 1, to).join('\n')
  const out = new Map<string, GeneratedUse>()
  for (const ev of events) {
    if (!reaches(slice(ev.startLine, ev.endLine))) continue
    const members = classEvents(events, ev)
    for (const section of ev.sections) {
      if (section.name === 'TP_PROTO' || section.name === 'TP_ARGS') continue
      const code = slice(section.startLine, section.endLine).replace(RECORD_FIELD, '')
      if (!access.test(code)) continue
      for (const name of generatedBy(ev, section.name, members).tu)
        if (!out.has(name)) out.set(name, { name, header, line: ev.startLine })
    }
  }
  return [...out.values()]
}

/** The events DEFINE_EVENT* makes of `ev`'s class (wrappers named after them). */
function classEvents(events: TraceEvent[], ev: TraceEvent): string[] {
  return events
    .filter(e => e.macro.startsWith('DEFINE_EVENT') && e.className === ev.className)
    .flatMap(e => (e.event ? [e.event] : []))
}

/** What define_trace.h's templates name each generated function (`trace_raw_output_##call`). */
const PREFIXES: ReadonlyArray<readonly [string, 'TP_printk' | 'TP_fast_assign']> = [
  ['trace_raw_output_', 'TP_printk'],
  ['trace_event_raw_event_', 'TP_fast_assign'],
  ['perf_trace_', 'TP_fast_assign']
]

/** A define_trace.h template: the `#define` body that pastes `prefix##call` into a function name. */
export interface TemplateBody {
  prefix: string
  body: string
}

/** The function templates of a file (include/trace/trace_events.h, perf.h), read once per file. */
export function templateBodies(text: string): TemplateBody[] {
  const out: TemplateBody[] = []
  for (const m of maskCommentsAndStrings(text).matchAll(DEFINE)) {
    const hit = PREFIXES.find(([p]) => new RegExp(`\\b${p}\\s*##`).test(m[2]))
    if (hit) out.push({ prefix: hit[0], body: m[2] })
  }
  return out
}

/**
 * The prefixes of the functions whose template touches the changed type itself: `struct
 * trace_seq *s = &iter->seq;` is in every trace_raw_output_<class> of every TU that defines
 * CREATE_TRACE_POINTS, whatever its events say.
 */
export function templatePrefixes(
  templates: readonly TemplateBody[],
  access: RegExp,
  reaches: (body: string) => boolean
): string[] {
  const out = new Set<string>()
  for (const t of templates) if (access.test(t.body) && reaches(t.body)) out.add(t.prefix)
  return [...out]
}

/** The functions `prefixes` name for the `events` of one trace header `header`. */
export function generatedFrom(
  header: string,
  events: TraceEvent[],
  prefixes: string[]
): GeneratedUse[] {
  const out = new Map<string, GeneratedUse>()
  for (const ev of events) {
    for (const prefix of prefixes) {
      const section = PREFIXES.find(([p]) => p === prefix)?.[1]
      for (const name of generatedBy(ev, section, classEvents(events, ev)).tu)
        if (name.startsWith(prefix) && !out.has(name))
          out.set(name, { name, header, line: ev.startLine })
    }
  }
  return [...out.values()]
}
