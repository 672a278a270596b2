import type { Token } from './c-lexer.js'

/**
 * kernel/livepatch/core.c's `klp_init_object`: a name of MODULE_NAME_LEN (64 - sizeof(long)) or
 * more makes the patch fail to load.
 */
const MODULE_NAME_LEN = 56

/**
 * Why the kernel would never match `klp_object.name` as written, or undefined when it can.
 * `klp_find_object_module` hands the string to `find_module`, which compares it byte for byte with
 * `module->name`: kbuild's KBUILD_MODNAME, where every `-` of the file name is already `_` and
 * there is no `.ko`. So `"foo-mod"`, `"foo_mod.ko"` or `" foo_mod "` name no module, and the
 * livepatch waits forever for it to load. vmlinux is `.name = NULL`; `"vmlinux"` is a module name
 * no module has.
 */
export function objectNameProblem(name: string): string | undefined {
  if (name === 'vmlinux') return 'vmlinux is written .name = NULL; "vmlinux" names a module'
  if (name.length === 0) return 'an empty name names no module (vmlinux is .name = NULL)'
  if (name.length >= MODULE_NAME_LEN)
    return `a name of ${MODULE_NAME_LEN} characters or more makes klp_init_object refuse the patch`
  const bad = /[^A-Za-z0-9_]/.exec(name)
  if (!bad) return undefined
  const hint = name.trim().replace(/\.ko$/, '').replace(/-/g, '_')
  const suggestion =
    /^[A-Za-z0-9_]+$/.test(hint) && hint !== 'vmlinux' ? ` (the module is "${hint}")` : ''
  return `module names have no ${JSON.stringify(bad[0])}: kbuild writes '-' as '_' and no .ko${suggestion}`
}

function isZero(tokens: Token[]): boolean {
  const text = tokens.map(t => t.text).join('')
  return /^(NULL|false|\(\w*\*?\)0|\(void\*\)0|0+[uUlL]*|0[xX]0+[uUlL]*)$/.test(text)
}

/**
 * The kernel walks `klp_func[]` while `old_name || new_func || old_sympos` and `klp_object[]` while
 * `funcs || name` (`klp_for_each_func_static`, `klp_for_each_object_static`): an element whose
 * fields are all zero ends the array wherever it stands.
 */
export function isSentinel(fields: Map<string, Token[]>, walked: readonly string[]): boolean {
  for (const f of walked) {
    const v = fields.get(f)
    if (v !== undefined && v.length > 0 && !isZero(v)) return false
  }
  return true
}

export const FUNC_WALKED = ['old_name', 'new_func', 'old_sympos']
export const OBJECT_WALKED = ['name', 'funcs']
