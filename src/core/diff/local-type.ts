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
 * A type defined in a `.c` (`here`, the image `d` is in) that the other image neither defines nor
 * names: the fix adds or removes it. Only this file can use it, and what uses it is the file's
 * changed code (a removed type's users were rewritten, or the file would not compile; an added
 * one's are new): it leaves no layout in data that outlives the patch, unlike a type that changes.
 * Lines a diff shares between the two (a `};` closing both) do not matter: the names decide. An
 * anonymous type counts only as an `enum` whose enumerators are all new (or all gone).
 */
export function localTypeAddedOrRemoved(
  d: Declaration,
  here: TypeImage,
  other: TypeImage
): boolean {
  if (d.kind !== 'type') return false
  if (d.name !== undefined)
    return (
      !other.identifiers.has(d.name) &&
      !other.declarations.some(o => o.kind === 'type' && o.name === d.name)
    )
  const text = here.uncommented.slice(d.startLine - 1, d.endLine).join('\n')
  const names = enumerators(text)
  return names !== undefined && names.length > 0 && names.every(n => !other.identifiers.has(n))
}
