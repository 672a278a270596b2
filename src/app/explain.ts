import { summarize } from '../core/analysis-set.js'
import { explainSymbol } from '../core/graph/affected.js'
import { evaluatePolicy } from '../core/coverage/policy.js'
import type { AffectedFunction, Finding, Policy, Report } from '../core/model.js'
import { VERSION } from '../version.js'
import { loadSets, type DumpSource } from './load-sets.js'
import { append } from '../core/arrays.js'
import { nearDumpNames } from '../adapters/fs/dump-names.js'
import { normalizePath } from '../core/paths.js'

/** `explain` of a name no dump mentions: an input error (exit 2), with the closest dump names. */
export class NameNotFound extends Error {
  constructor(
    readonly symbol: string,
    readonly suggestions: string[]
  ) {
    super(
      `${symbol}: not found in any dump` +
        (suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.') +
        ' (A function GCC neither inlined nor cloned is in no dump either: then it is its own' +
        ' only copy, and the livepatch replaces it alone.)'
    )
    this.name = 'NameNotFound'
  }
}

export interface ExplainOptions {
  dumps: DumpSource[]
  /** Symbol name as in the dumps (`tcp_v4_rcv`, `skb_put`). */
  name: string
  /** Restrict to the definition in this file (a static name exists in many files). */
  file?: string
  /** `unresolved` fails the run when some dump could not be read; the rest cannot trip here. */
  policy?: Policy
  progress?: (message: string) => void
}

/** Every function affected by one symbol, in every dump set: the engine seen from a function, not a diff. */
export async function runExplain(given: ExplainOptions): Promise<Report> {
  // `--file ./a/s.c` (as a shell completes it) is the dumps' `a/s.c`.
  const options =
    given.file === undefined || given.file.startsWith('/')
      ? given
      : { ...given, file: normalizePath(given.file) }
  const focus = {
    names: [options.name.replace(/^\*/, '')],
    files: options.file?.endsWith('.c') ? [options.file] : []
  }
  const sets = await loadSets(options.dumps, { progress: options.progress, focus, config: false })
  const affected: AffectedFunction[] = []
  const findings: Finding[] = []
  for (const entry of sets) {
    append(findings, entry.set.findings)
    append(findings, entry.findings)
    const result = explainSymbol(entry.set, options.name, options.file, {
      objectOf: entry.objectOf,
      symbolInfo: entry.symbols ? (o, tu, n) => entry.symbols?.lookup(o, tu, n) : undefined,
      tusReading: entry.deps ? file => entry.deps?.tusSeeing(file) ?? [] : undefined
    })
    append(affected, result.affected)
    append(findings, result.findings)
  }
  const bare = options.name.replace(/^\*/, '')
  // A `.c` that other TUs #include (kbuild's dependency lists say so) has a copy in each even when
  // no dump names it: that is an answer, not a name to look for.
  const copies = new Map<string, number>()
  for (const a of affected) copies.set(a.set, (copies.get(a.set) ?? 0) + 1)
  if (
    sets.every(entry => entry.set.tusMentioning(bare).length === 0) &&
    [...copies.values()].every(n => n < 2)
  ) {
    // Only on this error path are the dumps read a second time, for their names: the focused
    // load kept no text of the dumps that do not mention the name.
    throw new NameNotFound(bare, await nearDumpNames(bare, options.dumps))
  }
  const policy = options.policy ?? []
  const verdict = evaluatePolicy(policy, affected, null, findings)
  return {
    schemaVersion: 1,
    tool: { name: 'klp-affected', version: VERSION },
    sets: sets.map(summarize),
    changed: [
      {
        name: options.name,
        symbols: [options.name],
        file: options.file ?? '',
        line: 0,
        change: 'modified',
        hunks: []
      }
    ],
    affected,
    coverage: null,
    findings,
    policy,
    result: verdict.result,
    reasons: verdict.reasons
  }
}
