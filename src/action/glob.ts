import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ConfigurationError } from './errors.js'

const MAGIC = /[*?[]/

/** `*`, `?`, `[...]` within a segment, `**` across segments; matched against `/` paths. */
export function globToRegExp(glob: string): RegExp {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2)
      if (end < 0) out += '\\['
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')
        out += `[${body}]`
        i = end
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

async function walk(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    out.push(path)
    if (entry.isDirectory()) await walk(path, out)
  }
}

/** Absolute paths matching `pattern` (relative to `root`), sorted; a plain path must exist. */
export async function expandGlob(root: string, pattern: string): Promise<string[]> {
  const full = isAbsolute(pattern) ? pattern : resolve(root, pattern)
  if (!MAGIC.test(pattern)) return existsSync(full) ? [full] : []
  const segments = full.split(sep)
  const firstMagic = segments.findIndex(s => MAGIC.test(s))
  const base = segments.slice(0, firstMagic).join(sep) || sep
  if (!existsSync(base)) return []
  const re = globToRegExp(segments.slice(firstMagic).join('/'))
  const all: string[] = []
  await walk(base, all)
  return all.filter(p => re.test(relative(base, p).split(sep).join('/'))).sort()
}

/**
 * Expands every pattern of an input; one matching nothing is a mistake worth stopping for. Paths
 * inside `root` come back relative to it: the report quotes them, and the runner's workspace path
 * would make every comment differ from the last.
 */
export async function expandInput(
  input: string,
  root: string,
  patterns: string[]
): Promise<string[]> {
  const out: string[] = []
  for (const pattern of patterns) {
    const found = await expandGlob(root, pattern)
    if (found.length === 0) {
      throw new ConfigurationError(`input '${input}': '${pattern}' matches nothing in ${root}`)
    }
    for (const abs of found) {
      const rel = relative(root, abs)
      const p = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel
      if (!out.includes(p)) out.push(p)
    }
  }
  return out
}
