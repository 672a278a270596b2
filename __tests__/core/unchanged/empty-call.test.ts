import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'
import { kinds, mapPair } from '../decls/helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** kernel/time/timer.c of Linux 6.1.187, trimmed: the debug-objects hooks and their #else stubs. */
const BEFORE = `#ifdef CONFIG_DEBUG_OBJECTS_TIMERS
static inline void debug_timer_activate(struct timer_list *timer)
{
	debug_object_activate(timer, &timer_debug_descr);
}
#else
static inline void debug_timer_activate(struct timer_list *timer) { }
#endif

static void migrate_timer_list(struct timer_base *new_base, struct hlist_head *head)
{
	struct timer_list *timer;
	int cpu = new_base->cpu;

	while (!hlist_empty(head)) {
		timer = hlist_entry(head->first, struct timer_list, entry);
		detach_timer(timer, false);
		timer->flags = (timer->flags & ~TIMER_BASEMASK) | cpu;
		internal_add_timer(new_base, timer);
	}
}
`
/** The 6.1.190 fix. */
const AFTER = BEFORE.replace(
  '| cpu;\n\t\tinternal_add_timer',
  '| cpu;\n\t\tdebug_timer_activate(timer);\n\t\tinternal_add_timer'
)
const build = (config: string) => ({ builds: [{ label: 'x86_64', config: parseKconfig(config) }] })
const UNSET = build('CONFIG_HOTPLUG_CPU=y\n')

describe('a changed call to a function whose built body is empty', () => {
  it('changes no code when the .config picks the empty stub (kernel/time/timer.c, 6.1.190)', () => {
    const m = mapPair(parser, 'kernel/time/timer.c', BEFORE, AFTER, UNSET)
    expect(m.changed).toEqual([])
    expect(kinds(m)).toEqual(['empty-call info'])
    expect(m.findings[0].message).toContain(
      'debug_timer_activate is a static inline function whose body is empty'
    )
    expect(m.findings[0].functions).toEqual(['migrate_timer_list'])
  })

  it('changes the caller when the .config builds the real hook', () => {
    const m = mapPair(
      parser,
      'kernel/time/timer.c',
      BEFORE,
      AFTER,
      build('CONFIG_DEBUG_OBJECTS_TIMERS=y\n')
    )
    expect(m.changed.map(c => c.name)).toEqual(['migrate_timer_list'])
  })

  it('changes the caller without a .config (either definition may be built)', () => {
    const m = mapPair(parser, 'kernel/time/timer.c', BEFORE, AFTER)
    expect(m.changed.map(c => c.name)).toEqual(['migrate_timer_list'])
  })

  it('changes the caller when an argument has a side effect', () => {
    const after = AFTER.replace('debug_timer_activate(timer);', 'debug_timer_activate(timer++);')
    const m = mapPair(parser, 'kernel/time/timer.c', BEFORE, after, UNSET)
    expect(m.changed.map(c => c.name)).toEqual(['migrate_timer_list'])
    const call = AFTER.replace('debug_timer_activate(timer);', 'debug_timer_activate(next(timer));')
    expect(mapPair(parser, 'kernel/time/timer.c', BEFORE, call, UNSET).changed).toHaveLength(1)
  })

  it('changes the caller when an argument reads what may be volatile: a global, or through a pointer', () => {
    for (const arg of ['jiffies', '*head', 'head->first', 'timers[cpu]', '&new_base->cpu', 'cpu']) {
      const after = AFTER.replace('debug_timer_activate(timer);', `debug_timer_activate(${arg});`)
      const m = mapPair(parser, 'kernel/time/timer.c', BEFORE, after, UNSET)
      // Parameters and locals (cpu, new_base) may be read, addresses taken; what they point to is memory.
      expect([arg, m.changed.map(c => c.name)]).toEqual([
        arg,
        ['jiffies', '*head', 'head->first', 'timers[cpu]'].includes(arg)
          ? ['migrate_timer_list']
          : []
      ])
    }
  })

  it('changes the caller when other lines of it change too', () => {
    const after = AFTER.replace('detach_timer(timer, false);', 'detach_timer(timer, true);')
    const m = mapPair(parser, 'kernel/time/timer.c', BEFORE, after, UNSET)
    expect(m.changed.map(c => c.name)).toEqual(['migrate_timer_list'])
    expect(kinds(m)).not.toContain('empty-call info')
  })
})
