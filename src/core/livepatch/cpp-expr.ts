/**
 * Three-valued evaluation of a `#if` expression as far as one livepatch file can tell: integer
 * constants, operators, `defined` of macros the file itself defines or undefines, and its own
 * object-like macros. Anything else (CONFIG_ options, LINUX_VERSION_CODE, macros of headers) is
 * unknown, because the preprocessor would take it from headers or the build's `.config`, which a
 * livepatch file alone does not show: `undefined` means "depends on the build", never "false".
 * The expression grammar is the one the changed-file reader uses (`config/expr.ts`).
 */
import { evaluateCondition, type CppEnv } from '../config/expr.js'

export type Defined = (name: string) => boolean | undefined
export type ObjectMacro = (name: string) => string | undefined

/** `#define A B`, `#define B A`: a cycle the preprocessor would leave unexpanded. */
const MAX_EXPANSION = 8

export function evalCondition(
  text: string,
  defined: Defined,
  objectMacro: ObjectMacro = () => undefined
): boolean | undefined {
  const env = (depth: number): CppEnv => ({
    defined: name => defined(name) ?? null,
    value(name) {
      if (defined(name) === false) return 0
      const body = objectMacro(name)
      if (body === undefined || depth >= MAX_EXPANSION) return null
      // An empty object-like macro in `#if` is a syntax error for GCC: unknown here.
      return body.trim() === '' ? null : evaluateCondition(body, env(depth + 1))
    }
  })
  const v = evaluateCondition(text, env(0))
  return v === null ? undefined : v !== 0
}
