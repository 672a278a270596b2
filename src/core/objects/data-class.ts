import { isNumbered } from './names.js'

/**
 * What a data object of a kernel object file is, for what a changed one means to a livepatch:
 *
 * - `discarded`: `.discard.*` (`__ADDRESSABLE`'s `__UNIQUE_ID___addressable_*`) and a built-in
 *   object's `.exitcall.exit` (module_exit's entry): the linker drops
 *   it, it is never in the image.
 * - `module-info`: `.modinfo` (`MODULE_LICENSE`, `MODULE_ALIAS`, parameter descriptions): read from
 *   the `.ko` by modprobe and modinfo, never by running code.
 * - `export`: the export table (`__ksymtab_*`, `__kstrtab_*`, `__kstrtabns_*`, `__crc_*`):
 *   other modules resolve against the running kernel's table, which a livepatch cannot change.
 * - `module-param`: `__param_*` (a `kernel_param` and its strings): registered at load, with a
 *   sysfs file.
 * - `trace-event`: a trace event's definition (`__tracepoint_*`, `__event_*`, `event_*`,
 *   `print_fmt_*`, `trace_event_fields_*`...): registered at boot, its format and fields are what
 *   tracefs, perf and BPF read; a livepatch cannot redefine it.
 * - `init-only`: `__initdata`/`__initconst`/`__exitdata` (`.init.data`, `.init.rodata`,
 *   `.exit.data`) and the initcall tables (`.initcall6.init`): read only while booting, loading
 *   or unloading, then freed: the running kernel has consumed it, a livepatch can neither change
 *   it nor needs to.
 * - `call-site`: a dynamic-debug descriptor (`__dyndbg`): one per `pr_debug` call site, it belongs
 *   to the function that makes the call.
 * - `function-local`: a function-scope static, which GCC numbers (`_rs.2`, `__already_done.12`,
 *   `__func__.3`, `__key.5`, `CSWTCH.7`): it belongs to the functions that use it, and a livepatch
 *   that replaces them brings its own copy, initialised as the fix says.
 * - `global`: any other variable: the running kernel's copy keeps its value, a livepatch does not
 *   re-initialise it.
 */
export type DataClass =
  | 'discarded'
  | 'module-info'
  | 'export'
  | 'module-param'
  | 'trace-event'
  | 'init-only'
  | 'call-site'
  | 'function-local'
  | 'global'

/** The objects TRACE_EVENT and DEFINE_EVENT generate (include/trace/trace_events.h, tracepoint.h). */
const TRACE_EVENT =
  /^(__tracepoint_|__tpstrtab_|__event_|__bpf_trace_tp_map_|print_fmt_|trace_event_fields_|trace_event_type_funcs_|event_class_|__trace_event_)|^str__\w+__trace_system_name$/
const TRACE_SECTION =
  /^(_ftrace_events|__tracepoints|__tracepoints_strings|__tracepoints_ptrs|__bpf_raw_tp_map|_ftrace_eval_map)$/
const EXPORT = /^__(ksymtab|kstrtab|kstrtabns|crc)_/
const INIT_ONLY = /^\.(init|exit|meminit|memexit)\.(data|rodata|bss)(\.|$)/
/** The initcall tables (`.initcall6.init`, `.con_initcall.init`): run at boot, then freed. */
const INITCALL = /^\.(\w*initcall\w*)\.init$/

/**
 * `names`: every symbol of the object, to tell `event_foo` (a trace event's `trace_event_call`,
 * with its `__event_foo` pointer beside it) from a variable that is merely called `event_foo`.
 */
export function dataClass(name: string, section: string, names: ReadonlySet<string>): DataClass {
  // vmlinux.lds.h's DISCARDS drops a built-in object's exitcalls (module_exit's entry: built-in
  // code is never unloaded); a module's module_exit is an alias, not an entry.
  if (section.startsWith('.discard') || section === '.exitcall.exit') return 'discarded'
  if (section === '.modinfo') return 'module-info'
  if (EXPORT.test(name) || /^_{2,3}ksymtab/.test(section)) return 'export'
  if (name.startsWith('__param_') || section === '__param') return 'module-param'
  if (TRACE_EVENT.test(name) || TRACE_SECTION.test(section)) return 'trace-event'
  if (name.startsWith('event_') && names.has(`__${name}`)) return 'trace-event'
  if (INIT_ONLY.test(section) || INITCALL.test(section)) return 'init-only'
  if (section === '__dyndbg') return 'call-site'
  if (isNumbered(name) && !name.startsWith('__UNIQUE_ID_')) return 'function-local'
  return 'global'
}
