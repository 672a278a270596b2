import type { DumpSet } from '../dumps/dump-set.js'
import type { ObjectComparison } from '../objects/model.js'

/**
 * Where an affected function stands once the patched build was compared with the base build:
 * `predicted`: from the pre-fix dumps, no object tells; `confirmed`: its object code changed;
 * `found`: changed, but the pre-fix dumps did not predict it (a prediction miss). Entries whose
 * code is unchanged, or differs only in line numbers the fix shifts, leave the affected list (a
 * `code-unchanged` or `line-shift` info finding); `line-only` is kept for reports' schema.
 */
export type ExactStatus = 'predicted' | 'confirmed' | 'line-only' | 'found'

/** The patched build of one dump set (paired with the base set by label). */
export interface ExactSet {
  label: string
  /** The post-fix dumps (often only the recompiled TUs). */
  post?: DumpSet
  /** The object comparison of each recompiled TU, when objects were given. */
  objects?: ObjectComparison[]
}

/** What exact mode did, for the summary line and the prediction-miss count. */
export interface ExactSummary {
  /** TUs whose pre- and post-fix dumps were compared. */
  graphsCompared: number
  /** TUs whose objects were compared. */
  objectsCompared: number
  confirmed: number
  lineOnly: number
  predicted: number
  /** Changed functions the pre-fix dumps did not predict. */
  found: number
  /** Predicted functions whose code turned out identical (demoted to info). */
  unchanged: number
}
