/**
 * The tracepoint definitions of a trace header (`TRACE_EVENT(name, TP_PROTO(...), ...)`), read
 * lexically from its text (comments and strings blanked). The kernel's define_trace.h expands each
 * into functions of the TU that defines CREATE_TRACE_POINTS, named after the event or its class.
 */

import { matchingParen } from '../text/parens.js'
export interface TraceEvent {
  macro: string
  /** The class whose record and output functions it uses (its own name for TRACE_EVENT*). */
  className: string
  /** The event's own name; absent for DECLARE_EVENT_CLASS. */
  event?: string
  /** 1-based lines of the invocation. */
  startLine: number
  endLine: number
  /** Argument sections (`TP_fast_assign`, ...) with their 1-based line ranges. */
  sections: Array<{ name: Section; startLine: number; endLine: number }>
}

export type Section =
  'TP_PROTO' | 'TP_ARGS' | 'TP_CONDITION' | 'TP_STRUCT__entry' | 'TP_fast_assign' | 'TP_printk'

/**
 * A trace event's record field (`__entry->state`, declared by TP_STRUCT__entry): never a member
 * of a struct a fix changes, whatever its name.
 */
export const RECORD_FIELD = /\b__entry\s*->\s*\w+/g

/** The macros that define events (what a trace header spells). */
export const EVENT_MACROS = [
  'TRACE_EVENT',
  'TRACE_EVENT_CONDITION',
  'TRACE_EVENT_FN',
  'TRACE_EVENT_FN_COND',
  'DECLARE_EVENT_CLASS',
  'DEFINE_EVENT',
  'DEFINE_EVENT_PRINT',
  'DEFINE_EVENT_CONDITION'
]

const INVOCATION = new RegExp(
  `^[ \\t]*(${EVENT_MACROS.join('|')})[ \\t]*\\(\\s*([A-Za-z_]\\w*)(?:\\s*,\\s*([A-Za-z_]\\w*))?`,
  'gm'
)
const SECTION = /\b(TP_PROTO|TP_ARGS|TP_CONDITION|TP_STRUCT__entry|TP_fast_assign|TP_printk)\s*\(/g

export function traceEvents(masked: string): TraceEvent[] {
  const lineAt = lineIndex(masked)
  const out: TraceEvent[] = []
  for (const m of masked.matchAll(INVOCATION)) {
    const open = masked.indexOf('(', m.index)
    const close = matchingParen(masked, open)
    if (close < 0) continue
    // DEFINE_EVENT*(class, event, ...) name the class first; the others name the event.
    const definesOne = m[1].startsWith('DEFINE_EVENT')
    if (definesOne && m[3] === undefined) continue
    const body = masked.slice(open, close)
    const sections: TraceEvent['sections'] = []
    for (const s of body.matchAll(SECTION)) {
      const at = open + s.index
      const end = matchingParen(masked, masked.indexOf('(', at))
      if (end < 0) continue
      sections.push({ name: s[1] as Section, startLine: lineAt(at), endLine: lineAt(end) })
    }
    out.push({
      macro: m[1],
      className: m[2],
      ...(m[1] === 'DECLARE_EVENT_CLASS' ? {} : { event: definesOne ? m[3] : m[2] }),
      startLine: lineAt(m.index + m[0].length - m[0].trimStart().length),
      endLine: lineAt(close),
      sections
    })
  }
  return out
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return offset => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

/**
 * The functions define_trace.h generates that a change to `section` of `ev` changes. The record
 * (`TP_STRUCT__entry`) is filled by trace_event_raw_event_<class> and perf_trace_<class> and read
 * by trace_raw_output_<class>; TP_fast_assign runs in the first two, TP_printk only in the output
 * (DEFINE_EVENT_PRINT has its own, named after the event); the prototype reaches every one of
 * them and each event's __traceiter_ and trace_ wrappers (`events`: the class's events).
 */
export function generatedBy(
  ev: TraceEvent,
  section: Section | undefined,
  events: string[]
): { tu: string[]; header: string[] } {
  const c = ev.className
  const record = [`trace_event_raw_event_${c}`, `perf_trace_${c}`]
  const output =
    ev.macro === 'DEFINE_EVENT_PRINT' ? `trace_raw_output_${ev.event}` : `trace_raw_output_${c}`
  const wrappers = (ev.event !== undefined ? [ev.event] : events).flatMap(e => [`__traceiter_${e}`])
  const inline = (ev.event !== undefined ? [ev.event] : events).map(e => `trace_${e}`)
  switch (section) {
    case 'TP_fast_assign':
      return { tu: record, header: [] }
    case 'TP_printk':
      return { tu: [output], header: [] }
    case 'TP_STRUCT__entry':
      return { tu: [...record, output], header: [] }
    case 'TP_CONDITION':
      return { tu: [], header: inline }
    default:
      // The prototype, or a line between sections: everything the invocation generates.
      if (ev.macro.startsWith('DEFINE_EVENT') && ev.macro !== 'DEFINE_EVENT_PRINT')
        return { tu: wrappers, header: inline }
      return { tu: [...record, output, ...wrappers], header: inline }
  }
}
