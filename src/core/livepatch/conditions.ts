import type { DeclaredFunction, Finding } from '../model.js'

/**
 * Decides a declaration's cpp condition for one build: true or false from its `.config`, undefined
 * when it cannot tell. Without one, every condition is undecided.
 */
export type ConditionEvaluator = (condition: string) => boolean | undefined

/**
 * A livepatch entry under `#ifdef CONFIG_ARM64` is compiled only where that holds. When the
 * condition cannot be decided here, the entry still counts as declared (dropping it would fail
 * every build it is meant for) but a warning names the condition, so that an entry meant for
 * another architecture or configuration is never counted silently. A condition the build decides
 * false drops the entry, with an info finding.
 */
export function applyConditions(
  declared: DeclaredFunction[],
  evaluate: ConditionEvaluator = () => undefined
): { declared: DeclaredFunction[]; findings: Finding[] } {
  const out: DeclaredFunction[] = []
  const findings: Finding[] = []
  for (const d of declared) {
    if (d.condition === undefined) {
      out.push(d)
      continue
    }
    const v = evaluate(d.condition)
    const [file, line] = splitSource(d.source)
    if (v === true) out.push(d)
    else if (v === false) {
      findings.push({
        kind: 'declaration-unparsed',
        severity: 'info',
        message: `${d.object}:${d.name} is under #if ${d.condition}, which this build's .config does not satisfy: not compiled in, not counted`,
        file,
        line,
        functions: [d.name]
      })
    } else {
      out.push(d)
      findings.push({
        kind: 'declaration-unparsed',
        severity: 'warning',
        message: `${d.object}:${d.name} is declared only under #if ${d.condition}; without the build's .config that cannot be checked, and it is counted as declared`,
        file,
        line,
        functions: [d.name]
      })
    }
  }
  return { declared: out, findings }
}

function splitSource(source: string): [string, number | undefined] {
  const m = /^(.*):(\d+)$/.exec(source)
  return m ? [m[1], Number(m[2])] : [source, undefined]
}
