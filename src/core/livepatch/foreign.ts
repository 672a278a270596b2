import type { DeclarationFile } from './read.js'

/** The declaration formats the readers understand, as an input error names them. */
export const KNOWN_FORMATS =
  'a C file with klp_func/klp_object arrays or KGR_PATCH entries (.c, .h, .inc), ' +
  "SUSE's patched_funcs.csv (obj func[,sympos] new_func per line), or a plain list " +
  '([object:]function[,sympos] per line)'

/**
 * Names the format of a declaration file that is none of the known ones, by its shape: JSON,
 * YAML or a patch would otherwise be read as a plain list, every line an unparsed entry or, worse,
 * a junk `extra` declaration. Undefined when the file may be one of the known formats.
 */
export function foreignFormat(file: DeclarationFile): string | undefined {
  const p = file.path.toLowerCase()
  const text = file.text.replace(/^\uFEFF/, '')
  // C is judged by its own reader (a label line `out:` is no YAML key).
  if (/\.(c|h|inc)$/.test(p) || /\bstruct\s+klp_(func|object)\b|\bKGR_PATCH\w*\s*\(/.test(text))
    return undefined
  const first = text.trimStart()
  if (/\.json$/.test(p) || (/^[[{]/.test(first) && parsesAsJson(first))) return 'JSON'
  if (
    /\.ya?ml$/.test(p) ||
    /^---\s*$/m.test(text.split('\n', 1)[0]) ||
    /^\s*[\w.-]+:\s*$/m.test(text)
  )
    return 'YAML'
  if (/\.(patch|diff)$/.test(p) || /^(diff --git |--- \S|\+\+\+ \S|@@ -\d)/m.test(text))
    return 'a patch'
  return undefined
}

/** A leading `[` is also an INI section (`[http]` of a git config): only real JSON is JSON. */
function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

export function foreignFormatMessage(file: DeclarationFile, format: string): string {
  return `livepatch '${file.path}' looks like ${format}, which is no declaration format: use ${KNOWN_FORMATS}`
}
