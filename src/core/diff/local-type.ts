/** A top-level declaration of a changed file, as the locator places it. */
interface Declaration {
  kind: string
  name?: string
  startLine: number
  endLine: number
}

/** One image of the file: its declarations, its lines with comments blanked, its identifiers. */
export interface TypeImage {
  declarations: readonly Declaration[]
  uncommented: readonly string[]
  identifiers: ReadonlySet<string>
}

const ENUMERATOR = /([A-Za-z_]\w*)\s*(?:=[^,}]*)?(?=[,}])/g

/** The enumerators of an `enum { ... }` definition's text, or undefined when it is none. */
function enumerators(text: string): string[] | undefined {
  const m = /^\s*(?:typedef\s+)?enum\b[^{]*\{([\s\S]*)\}/.exec(text)
  return m ? [...(m[1] + ',').matchAll(ENUMERATOR)].map(e => e[1]) : undefined
}

/**
 * An `enum` defined in a `.c` (`here`, the image `d` is in) that the other image neither defines
 * nor names, nor any of its enumerators: the fix adds or removes it. Its constants are new (or
 * gone with the code that used them), and an enum lays out no data but an integer. A struct or
 * union added or removed stays a type change: old data may be read through the new type (the benchmark's
 * `arch/x86/events/amd/uncore.c` replaced `struct amd_uncore` by two new structs over per-CPU data). Lines a diff
 * shares between two definitions (a `};` closing both) do not matter: the names decide.
 */
export function localTypeAddedOrRemoved(
  d: Declaration,
  here: TypeImage,
  other: TypeImage,
  /** Identifiers the fix's other files add or drop (an enum moved between headers). */
  elsewhere: ReadonlySet<string> = new Set()
): boolean {
  if (d.kind !== 'type') return false
  const text = here.uncommented.slice(d.startLine - 1, d.endLine).join('\n')
  const names = enumerators(text)
  if (names === undefined || names.length === 0) return false
  if (d.name !== undefined && (other.identifiers.has(d.name) || defines(other, d.name)))
    return false
  return names.every(n => !other.identifiers.has(n) && !elsewhere.has(n))
}

function defines(img: TypeImage, name: string): boolean {
  return img.declarations.some(o => o.kind === 'type' && o.name === name)
}
