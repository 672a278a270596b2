import { append } from '../arrays.js'
import type { DumpSet } from '../dumps/dump-set.js'
import { symbolRemoved, walkForward } from '../graph/walk.js'
import type { AffectedFunction, ChainStep, Finding } from '../model.js'
import type { SymbolComparison } from '../objects/model.js'
import { absentFinding } from './absent.js'
import { dataFinding } from './data-findings.js'
import { diffGraphs, type CloneChange } from './graph-diff.js'
import { lineOnlyFinding } from './line-only.js'
import type { ExactSet, ExactSummary } from './model.js'

/** A base-build dump set, as analyze has it. */
export interface BaseSet {
  set: DumpSet
  objectOf?: (tu: string) => string
}

export interface ExactResult {
  affected: AffectedFunction[]
  findings: Finding[]
  summary: ExactSummary
}

const key = (set: string, tu: string, name: string): string => `${set}\0${tu}\0${name}`

/**
 * Turns the predicted affected set into the exact one: adds what the post-fix dumps show GCC
 * decided differently, then lets the object comparison confirm, demote or add entries. Coverage and
 * the policy then run on the result, so an identical function no longer fails the gate and a
 * changed one nobody predicted does.
 */
export function mergeExact(
  predicted: AffectedFunction[],
  exact: ExactSet[],
  bases: BaseSet[],
  /** Names of functions the fix adds: new code, never a flip of an existing symbol. */
  added: ReadonlySet<string>
): ExactResult {
  // A function reached from two changed functions is two entries: both keep their chains.
  const entries = new Map<string, AffectedFunction[]>()
  for (const a of predicted) {
    const k = key(a.set, a.tu, a.name)
    entries.set(k, [...(entries.get(k) ?? []), { ...a, exact: 'predicted' }])
  }
  const findings: Finding[] = []
  const summary: ExactSummary = {
    graphsCompared: 0,
    objectsCompared: 0,
    confirmed: 0,
    lineOnly: 0,
    predicted: 0,
    found: 0,
    unchanged: 0
  }
  const add = (a: AffectedFunction): void => {
    const k = key(a.set, a.tu, a.name)
    const known = entries.get(k)
    // A prediction put up for review (a caller GCC may stop inlining into) that the patched build
    // shows happened is required, for the reason that build gives.
    if (!known || (a.tier === 'required' && known.every(e => e.tier === 'review')))
      entries.set(k, [a])
  }
  for (const e of exact) {
    const base = bases.find(b => b.set.label === e.label)
    if (!base) continue
    const objectOf = (tu: string): string | null => base.objectOf?.(tu) ?? null
    const withObjects = new Set((e.objects ?? []).map(o => o.tu))
    if (e.post) {
      for (const tu of e.post.tus()) {
        const pre = base.set.hasTu(tu) ? base.set.graph(tu) : undefined
        const post = e.post.graph(tu)
        if (!pre || !post) continue
        summary.graphsCompared++
        const diff = diffGraphs(pre, post)
        for (const flip of diff.flips) {
          if (added.has(flip.name)) continue
          const step: ChainStep = { kind: 'gcc-decision', name: flip.name, reason: flip.reason }
          // A function nothing is inlined into after the fix has no node in the post-fix dump.
          const reached = walkForward(post, post.byName.get(flip.name) ?? [], () => [step])
          const found = [
            { name: flip.name, chain: [step] },
            ...[...reached].map(([id, chain]) => ({ name: post.nodes[id].name, chain }))
          ]
          for (const { name, chain } of found) {
            if (added.has(name)) continue
            add({
              set: e.label,
              name,
              tu,
              object: objectOf(tu),
              tier: 'required',
              symbol: post.byName.has(name) && symbolRemoved(post, name) ? 'removed' : 'present',
              origin: flip.name,
              chain,
              exact: 'found'
            })
          }
        }
        for (const c of diff.clones)
          findings.push(cloneFinding(c, e.label, tu, withObjects.has(tu)))
      }
    }
    // A function the fix moves to another file: removed from one object, added to another.
    const addedIn = new Map<string, string>()
    for (const cmp of e.objects ?? [])
      for (const s of cmp.symbols)
        if (s.kind === 'function' && s.verdict === 'added') addedIn.set(s.name, cmp.tu)
    for (const cmp of e.objects ?? []) {
      summary.objectsCompared++
      append(
        findings,
        cmp.findings.map(f => ({ ...f, set: f.set ?? e.label }))
      )
      for (const s of cmp.symbols) {
        const k = key(e.label, cmp.tu, s.name)
        const known = entries.get(k)
        if (s.kind === 'data') {
          const finding = dataFinding(s, e.label, cmp)
          if (finding) findings.push(finding)
          continue
        }
        if (s.verdict === 'changed') {
          if (!known) add(foundEntry(s, e.label, cmp.tu, objectOf(cmp.tu)))
          for (const a of known ?? []) if (a.exact === 'predicted') confirm(a, s)
        } else if (s.verdict === 'line-only' && known) {
          entries.delete(k)
          summary.lineOnly++
          findings.push(lineOnlyFinding(known[0], s, e.label, cmp.tu))
        } else if (s.verdict === 'unchanged' && known) {
          entries.delete(k)
          summary.unchanged++
          findings.push(unchangedFinding(known[0], e.label, cmp.tu))
        }
      }
      for (const [k, list] of entries) {
        if (!k.startsWith(key(e.label, cmp.tu, ''))) continue
        const finding =
          list.every(a => a.exact === 'predicted' || a.exact === 'found') &&
          absentFinding(list[0], cmp, e.label)
        if (!finding) continue
        const movedTo = addedIn.get(list[0].name)
        if (movedTo !== undefined && movedTo !== cmp.tu) {
          // Callers in other files reach it by name: the running kernel's copy is this file's,
          // and what the new one does is not compared with it here.
          findings.push({
            kind: 'removed-function',
            severity: 'warning',
            set: e.label,
            file: cmp.tu,
            functions: [list[0].name],
            message: `${list[0].name} leaves ${cmp.tu} and is defined in ${movedTo} after the fix: the running kernel's copy is ${cmp.tu}'s, so it stays required`
          })
          continue
        }
        entries.delete(k)
        summary.unchanged++
        findings.push(finding)
      }
    }
  }
  const affected = [...entries.values()].flat()
  for (const a of affected) {
    if (a.exact === 'confirmed') summary.confirmed++
    else if (a.exact === 'line-only') summary.lineOnly++
    else if (a.exact === 'found') summary.found++
    else summary.predicted++
  }
  return { affected, findings, summary }
}

/**
 * A predicted entry whose code changed. One the dumps only put up for review (a caller of a clone
 * whose signature changed, a user of a changed layout) is required now: the object shows it changed.
 */
function confirm(a: AffectedFunction, s: SymbolComparison): void {
  a.exact = 'confirmed'
  if (a.tier === 'required') return
  a.tier = 'required'
  a.chain = [...a.chain, objectStep(s)]
}

function objectStep(s: SymbolComparison): ChainStep {
  return {
    kind: 'object-diff',
    name: s.name,
    reason: `its machine code changed in the patched build${s.detail ? `: ${s.detail}` : ''}`
  }
}

function foundEntry(
  s: SymbolComparison,
  set: string,
  tu: string,
  object: string | null
): AffectedFunction {
  return {
    set,
    name: s.name,
    tu,
    object,
    tier: 'required',
    symbol: 'present',
    origin: s.name,
    chain: [objectStep(s)],
    exact: 'found'
  }
}

function unchangedFinding(a: AffectedFunction, set: string, tu: string): Finding {
  return {
    kind: 'code-unchanged',
    severity: 'info',
    set,
    file: tu,
    functions: [a.name],
    message: `${a.name}: predicted from the dumps (from ${a.origin}), but its machine code is identical in the patched build: nothing to patch`
  }
}

/**
 * A clone made or dropped is a symbol of one build only: nothing to patch by its name, but its
 * callers now call another symbol. The dumps do not name callers; the object comparison does
 * (as `found` entries), so with objects this is only information.
 */
function cloneFinding(c: CloneChange, set: string, tu: string, objects: boolean): Finding {
  const what =
    c.change === 'made'
      ? `after the fix GCC makes ${c.name}, a ${c.reason} clone of ${c.origin}`
      : `after the fix GCC no longer makes ${c.name} (${c.reason} clone of ${c.origin})`
  return {
    kind: 'gcc-decision',
    severity: objects ? 'info' : 'warning',
    set,
    file: tu,
    functions: [c.name],
    message: objects
      ? `${what}: its callers changed, and the object comparison lists them`
      : `${what}: its callers call another symbol now; without the objects they are not named`
  }
}
