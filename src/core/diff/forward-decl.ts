/** A top-level declaration of a changed file, as the locator places it. */
interface Declaration {
  kind: string
  name?: string
  startLine: number
  endLine: number
}

const FORWARD = /^\s*(struct|union|enum)\s+([A-Za-z_]\w*)\s*;?\s*$/

/**
 * `struct pt_regs;` as the fix adds or removes it: a tag declared without a body names an
 * incomplete type and lays out nothing. At most it changes which declaration a later
 * `struct pt_regs *` in a parameter list refers to, and a mismatch there is a compile error
 * (kbuild's -Werror=incompatible-pointer-types), never other code. Undefined for anything else.
 */
export function forwardDeclaration(
  d: Declaration,
  uncommented: readonly string[]
): string | undefined {
  if (d.kind !== 'type') return undefined
  const m = FORWARD.exec(uncommented.slice(d.startLine - 1, d.endLine).join(' '))
  return m ? `${m[1]} ${m[2]}` : undefined
}
