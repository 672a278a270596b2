/**
 * Macros that open a function definition (`SYSCALL_DEFINE3(read, ...) { ... }`): the C name and
 * the symbols GCC emits for the body, as seen in x86_64 ipa-clones dumps of Linux 6.1
 * (`__do_sys_read`, `__se_sys_read`, `__x64_sys_read`, `__ia32_sys_read`; no `__se_` for the
 * zero-argument forms).
 */

export interface DefinerResult {
  name: string
  symbols: string[]
  /** An unknown macro: the name is its first argument, a guess. */
  guessed?: true
}

function syscall(prefix: '' | 'compat_', argc: number, name: string): DefinerResult {
  const wrappers = [`__x64_${prefix}sys_${name}`, `__ia32_${prefix}sys_${name}`]
  const se = argc === 0 ? [] : [`__se_${prefix}sys_${name}`]
  return {
    name: `__do_${prefix}sys_${name}`,
    symbols: [`__do_${prefix}sys_${name}`, ...se, ...wrappers]
  }
}

/**
 * Name and symbols for a definer macro with its arguments; null when `macro` is no definer.
 * Unknown all-caps macros with a body get their first argument as name: a guess, flagged by
 * `generatedBy` on the caller's side.
 */
export function definerNames(macro: string, args: string[]): DefinerResult | null {
  const first = args[0] ?? ''
  if (!/^[A-Za-z_]\w*$/.test(first)) return null
  let m = /^SYSCALL_DEFINE(\d)$/.exec(macro)
  if (m) return syscall('', Number(m[1]), first)
  m = /^COMPAT_SYSCALL_DEFINE(\d)$/.exec(macro)
  if (m) return syscall('compat_', Number(m[1]), first)
  // BPF_CALL_n(name, ...) puts the body in `____name`, which the `name` wrapper inlines.
  if (/^BPF_CALL_\d$/.test(macro)) return { name: `____${first}`, symbols: [`____${first}`, first] }
  if (/^[A-Z][A-Z0-9_]*$/.test(macro)) return { name: first, symbols: [first], guessed: true }
  return null
}
