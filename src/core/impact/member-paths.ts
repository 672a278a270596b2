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
  const search = (names: Set<string>, re: RegExp, why: PathUser['why']): void => {
    for (const member of names) {
      for (const file of files) {
        if (!uses.spells(file, member)) continue
        for (const f of uses.usesWith(file, member, re))
          out.push({ file, function: f, member, why })
      }
    }
  }
  const any = (names: Iterable<string>): string => [...names].map(escape).join('|')
  if (moved.length > 0) {
    const through = new Set([...pointers, ...holders])
    if (through.size > 0)
      search(
        through,
        new RegExp(
          `(?:->|\\.)\\s*(?:${any(through)})\\s*(?:\\[[^\\]]*\\]\\s*)?(?:->|\\.)\\s*(?:${any(moved)})\\b`
        ),
        'touches moved members of'
      )
  }
  if (pointers.size > 0) {
    const p = any(pointers)
    search(
      pointers,
      new RegExp(
        `(?:->|\\.)\\s*(?:${p})\\s*(?:\\[|[-+](?![->=+]))|[-+]\\s*(?:[A-Za-z_]\\w*\\s*(?:->|\\.)\\s*)+(?:${p})\\b`
      ),
      'uses the size of'
    )
  }
  return out
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
