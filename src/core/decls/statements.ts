/**
 * Top-level statements of kernel C that are macro invocations with a known effect on the object
 * (include/linux/export.h, include/linux/module.h, include/linux/moduleparam.h): what each does
 * to the built module decides whether a livepatch can carry its change.
 */
export type StatementRole =
  /** A `__ksymtab` entry: the kernel's export table. */
  | 'export'
  /** A `.modinfo` string (or modpost's device-table alias): module metadata, no code or data. */
  | 'modinfo'
  /** A `kernel_param` in `__param` and its variable: data, and a sysfs file. */
  | 'param'

const EXPORT = /^EXPORT_(?:PER_CPU_)?SYMBOL(?:_NS)?(?:_GPL)?$/
/** MODULE_ALIAS_FS, MODULE_ALIAS_CRYPTO, ... expand to MODULE_ALIAS. */
const MODINFO =
  /^(?:MODULE_(?:LICENSE|AUTHOR|DESCRIPTION|ALIAS\w*|DEVICE_TABLE|VERSION|SOFTDEP|FIRMWARE|IMPORT_NS|INFO|PARM_DESC)|__MODULE_INFO)$/
const PARAM = /^(?:module_param\w*|core_param\w*)$/

export function statementRole(callee: string | undefined): StatementRole | undefined {
  if (callee === undefined) return undefined
  if (EXPORT.test(callee)) return 'export'
  if (MODINFO.test(callee)) return 'modinfo'
  if (PARAM.test(callee)) return 'param'
  return undefined
}

/** The symbol an export or parameter statement names: its first argument. */
export function firstArgument(code: string): string | undefined {
  return /^\s*\w+\s*\(\s*([A-Za-z_]\w*)/.exec(code)?.[1]
}
