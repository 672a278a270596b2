import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { headerImpact } from '../../helpers/header-impact.js'

/**
 * A layout change read by tracepoint code, laid out as the kernel's (6.1): TP_fast_assign in a
 * trace header (block/blk-cgroup.h's `struct blkg_policy_data` under iocost's events; libata's
 * `qc->ap->hsm_task_state`), and define_trace.h's template (`struct trace_seq *s = &iter->seq` in
 * every trace_raw_output_<class>, when struct trace_seq grows inside struct trace_iterator).
 * That code sits outside any function of the header: only the TU that defines
 * CREATE_TRACE_POINTS before including the events has the functions it makes.
 */
const header = (extra: string): string =>
  `struct iter {\n\tint flags;\n${extra}\tint seq;\n\tint state;\n};\n`

const PATCH = `--- a/include/linux/iter.h
+++ b/include/linux/iter.h
@@ -1,5 +1,6 @@
 struct iter {
 \tint flags;
+\tint added;
 \tint seq;
 \tint state;
 };
`

const EVENTS = `#include <linux/iter.h>
DECLARE_EVENT_CLASS(iter_class,
\tTP_PROTO(struct iter *it),
\tTP_ARGS(it),
\tTP_STRUCT__entry(__field(int, state)),
\tTP_fast_assign(__entry->state = it->state;),
\tTP_printk("state=%d", __entry->state)
);
DEFINE_EVENT(iter_class, iter_start, TP_PROTO(struct iter *it), TP_ARGS(it));
TRACE_EVENT(iter_flags,
\tTP_PROTO(struct iter *it),
\tTP_ARGS(it),
\tTP_STRUCT__entry(__field(int, flags)),
\tTP_fast_assign(__entry->flags = it->flags;),
\tTP_printk("flags=%d", __entry->flags)
);
`

/** define_trace.h's output stage, as include/trace/trace_events.h writes it. */
const TEMPLATE = `#include <linux/iter.h>
#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)\t\\
static int trace_raw_output_##call(struct iter *iter, int flags)\t\\
{\t\t\t\t\t\t\t\t\\
\tint *s = &iter->seq;\t\t\t\t\t\t\\
\treturn *s;\t\t\t\t\t\t\t\\
}
`

function tree(template: boolean): Map<string, string> {
  const files = new Map<string, string>()
  files.set('include/linux/iter.h', header(''))
  files.set('include/trace/events/iter.h', EVENTS)
  if (template) files.set('include/trace/trace_events.h', TEMPLATE)
  const includes = `${template ? '#include <trace/trace_events.h>\n' : ''}`
  files.set(
    'kernel/iter.c',
    `#define CREATE_TRACE_POINTS\n#include <trace/events/iter.h>\n${includes}int k(void)\n{\n\treturn 0;\n}\n`
  )
  // Includes the events without CREATE_TRACE_POINTS: it only calls them.
  files.set(
    'kernel/user.c',
    `#include <trace/events/iter.h>\n${includes}int u(void)\n{\n\treturn 1;\n}\n`
  )
  return files
}

function layout(parser: Parser, files: Map<string, string>): string[] {
  const change = {
    patch: PATCH,
    path: 'include/linux/iter.h',
    before: header(''),
    after: header('\tint added;\n')
  }
  const result = headerImpact(parser, change, path => files.get(path), [
    'kernel/iter.c',
    'kernel/user.c'
  ])
  return result.layout.map(t => `${t.file} ${t.name}`).sort()
}

describe('layout changes read by tracepoint code', () => {
  let parser: Parser
  beforeAll(async () => {
    parser = await loadCParser()
  })

  it('names the record functions of the events whose TP_fast_assign reads a moved member, in the TU that creates them', () => {
    // iter_class reads `it->state` (moved); iter_flags reads `it->flags` (kept).
    expect(layout(parser, tree(false))).toEqual([
      'kernel/iter.c perf_trace_iter_class',
      'kernel/iter.c trace_event_raw_event_iter_class'
    ])
  })

  it("names every class's output function when define_trace.h's template reads a moved member", () => {
    expect(layout(parser, tree(true))).toEqual([
      'kernel/iter.c perf_trace_iter_class',
      'kernel/iter.c trace_event_raw_event_iter_class',
      'kernel/iter.c trace_raw_output_iter_class',
      'kernel/iter.c trace_raw_output_iter_flags'
    ])
  })
})
