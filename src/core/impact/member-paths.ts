import type { LocatedFunction } from '../source/locate.js'
import type { UseIndex } from './uses.js'

export interface PathUser {
  file: string
  function: LocatedFunction
  /** The member of another type the function goes through. */
  member: string
  why: 'touches moved members of' | 'uses the size of'
}

/**
 * Functions that reach a changed type through a member of another type without spelling it:
 * `tu->tp.event->filter` (a pointer member), `rb->prb_bdqc.kblk_size` (a member holding it), or
 * `&mbox->chans[i]` (indexing a pointer member scales by the type's size, as does pointer
 * arithmetic on it). Only the member name is lexical; the path must end in a moved member, or
 * index or offset the pointer, so a common member name alone does not match.
 */
export function pathUsers(
  files: readonly string[],
  spellings: readonly string[],
  moved: readonly string[],
  uses: UseIndex
): PathUser[] {
  const pointers = new Set<string>()
  const holders = new Set<string>()
  for (const spelling of spellings) {
    for (const file of files) {
      for (const m of uses.pointerMembers(file, spelling)) pointers.add(m)
      for (const e of uses.typesEmbedding(file, spelling)) holders.add(e.holder)
    }
  }
  const out: PathUser[] = []
  if (pointers.size === 0 && holders.size === 0) return out
  const through = new Set([...pointers, ...holders])
  const any = (names: Iterable<string>): string => [...names].map(escape).join('|')
  const chain =
    moved.length > 0
      ? new RegExp(
          `(?:->|\\.)\\s*(?:${any(through)})\\s*(?:\\[[^\\]]*\\]\\s*)?(?:->|\\.)\\s*(?:${any(moved)})\\b`
        )
      : undefined
  const p = any(pointers)
  const scaled =
    pointers.size > 0
      ? new RegExp(
          `(?:->|\\.)\\s*(?:${p})\\s*(?:\\[|[-+](?![->=+]))|[-+]\\s*(?:[A-Za-z_]\\w*\\s*(?:->|\\.)\\s*)+(?:${p})\\b`
        )
      : undefined
  // File by file, so that one parse of a file answers every member (common member names such as
  // `dev` are spelled by most files of a unit; a moved member must be spelled too for a chain).
  uses.prime(files, new Set([...through, ...moved]))
  for (const file of files) {
    const movedHere = chain !== undefined && moved.some(m => uses.spells(file, m))
    for (const member of through) {
      if (!uses.spells(file, member)) continue
      if (movedHere && chain)
        for (const f of uses.usesWith(file, member, chain))
          out.push({ file, function: f, member, why: 'touches moved members of' })
      if (scaled && pointers.has(member))
        for (const f of uses.usesWith(file, member, scaled))
          out.push({ file, function: f, member, why: 'uses the size of' })
    }
  }
  return out
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
