import type { LineShiftTest, ObjectComparison } from '../../core/objects/model.js'

/** Placeholder until the object comparer lands (issue 10, "objects"): replaced by the real module. */
export function compareObjectPairs(
  preRoot: string,
  postRoot: string,
  isLineShift: LineShiftTest
): Promise<ObjectComparison[]> {
  void isLineShift
  return Promise.reject(
    new Error(`object comparison (${preRoot} against ${postRoot}) is not built yet`)
  )
}
