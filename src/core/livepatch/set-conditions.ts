import { evaluateCondition, kconfigEnv } from '../config/expr.js'
import type { Kconfig } from '../config/kconfig.js'
import type { ConditionEvaluator } from './conditions.js'

const NO_LOCAL_DEFINES: ReadonlySet<string> = new Set()

/**
 * Decides a livepatch entry's `#if` against the `.config` of every dump set: declared only when
 * each build compiles it in, dropped when none does. One declaration list serves all sets, so a
 * set without a `.config`, or builds that disagree, leave it undecided (counted, with a warning).
 * Undefined when no set has a `.config`.
 */
export function setsConditionEvaluator(
  configs: ReadonlyArray<Kconfig | undefined>
): ConditionEvaluator | undefined {
  if (configs.length === 0 || configs.some(c => c === undefined)) return undefined
  const envs = configs.map(c => kconfigEnv(c, NO_LOCAL_DEFINES))
  return condition => {
    let yes = 0
    let no = 0
    for (const env of envs) {
      let v: number | null
      try {
        v = evaluateCondition(condition, env)
      } catch {
        v = null
      }
      if (v === null) return undefined
      if (v !== 0) yes++
      else no++
    }
    return no === 0 ? true : yes === 0 ? false : undefined
  }
}
