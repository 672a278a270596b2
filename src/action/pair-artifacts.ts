import { ConfigurationError } from './errors.js'

/**
 * Pairs the patched build's artifacts with the base build's, as a matrix build names them:
 * `dumps-x86_64` with `post-dumps-x86_64` for the inputs `dumps-*` and `post-dumps-*`. The part
 * the wildcards matched is the key; one artifact on each side pairs whatever the names. The
 * label is the base set's (the report's sets are the base build's).
 */
export function pairArtifacts(
  prePattern: string,
  preNames: string[],
  postPattern: string,
  postNames: string[]
): Array<{ label: string; post: string }> {
  if (postNames.length === 0) {
    throw new ConfigurationError(
      `input 'post-dumps-artifact': no artifact matches '${postPattern}'; was the patched build's job successful?`
    )
  }
  if (preNames.length === 1 && postNames.length === 1)
    return [{ label: preNames[0], post: postNames[0] }]
  const preKeys = new Map(preNames.map(n => [stem(prePattern, n), n]))
  return postNames.map(post => {
    const label = preKeys.get(stem(postPattern, post))
    if (label === undefined) {
      throw new ConfigurationError(
        `input 'post-dumps-artifact': '${post}' pairs with no artifact of 'dumps-artifact' (${preNames.join(', ')}); name them alike apart from the pattern's fixed text (dumps-x86_64, post-dumps-x86_64)`
      )
    }
    return { label, post }
  })
}

/** The name without the pattern's fixed text before its first and after its last wildcard. */
function stem(pattern: string, name: string): string {
  const first = pattern.search(/[*?[]/)
  if (first < 0) return ''
  const tail =
    pattern.length -
    1 -
    Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'), pattern.lastIndexOf(']'))
  return name.slice(first, name.length - tail)
}
