import { editDistance } from '../core/text/edit-distance.js'

export { editDistance }

/**
 * The known word a mistyped one most likely meant: the closest within a third of its length (at
 * least 1), or the only word it is a prefix of (`--live` for `--livepatch`); none when unsure.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const k of known) {
    const distance = editDistance(word, k)
    if (distance < bestDistance) {
      best = k
      bestDistance = distance
    }
  }
  if (best !== undefined) return best
  const prefixed = known.filter(k => word.length >= 2 && k.startsWith(word))
  return prefixed.length === 1 ? prefixed[0] : undefined
}
