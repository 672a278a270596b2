import { kconfigEnv, type CppEnv } from './expr.js'
import { lineGuards, lineState, type LineGuards } from './guards.js'
import type { BuildConfig } from './kconfig.js'

/** Without any dump set's `.config`, only literal conditions (`#if 0`) are decided. */
const NO_CONFIG: BuildConfig[] = [{ label: '' }]

/** Which lines of one source image each build compiles, by its `#if` blocks and `.config`. */
export class BuildView {
  readonly builds: BuildConfig[]
  private readonly guards: LineGuards
  private readonly envs: CppEnv[]
  private readonly cache = new Map<number, Map<string, string>>()

  /** `masked`: the text with comments blanked; `localDefines`: names the file `#define`s itself. */
  constructor(masked: string, localDefines: ReadonlySet<string>, builds: BuildConfig[]) {
    this.builds = builds.length > 0 ? builds : NO_CONFIG
    this.guards = lineGuards(masked)
    this.envs = this.builds.map(b => kconfigEnv(b.config, localDefines))
  }

  /** Set label -> why that build compiles the 1-based line out; empty when every build may build it. */
  outIn(line: number): Map<string, string> {
    let out = this.cache.get(line)
    if (!out) {
      out = new Map()
      const guard = this.guards[line - 1] ?? []
      for (let i = 0; i < this.builds.length && guard.length > 0; i++) {
        const s = lineState(guard, this.envs[i], this.builds[i])
        if (s.state === 'out') out.set(this.builds[i].label, s.reason)
      }
      this.cache.set(line, out)
    }
    return out
  }

  outEverywhere(line: number): boolean {
    return this.outIn(line).size === this.builds.length
  }

  /**
   * What decides whether the line is built, per build: `out`, or the conditions still unknown.
   * Equal keys on both sides of a fix mean the line's fate did not change.
   */
  key(line: number): string {
    const guard = this.guards[line - 1] ?? []
    const out = this.outIn(line)
    return this.builds
      .map((b, i) => {
        if (out.has(b.label)) return 'out'
        return guard
          .filter(t => lineState([t], this.envs[i], b).state === 'unknown')
          .map(t => `${t.positive ? '' : '!'}(${t.expr.replace(/\s+/g, '')})`)
          .sort()
          .join('&&')
      })
      .join('|')
  }
}

/** `compiled out: CONFIG_X is not set in sets x86_64, arm64` for a line every build drops. */
export function notBuiltMessage(reasons: Iterable<[label: string, why: string]>): string {
  const byReason = new Map<string, string[]>()
  for (const [label, why] of reasons) {
    const labels = byReason.get(why) ?? []
    if (!labels.includes(label)) byReason.set(why, [...labels, label])
  }
  const parts = [...byReason].map(([why, labels]) => {
    const named = labels.filter(l => l !== '')
    if (named.length === 0) return why
    return `${why} in set${named.length > 1 ? 's' : ''} ${named.join(', ')}`
  })
  return `compiled out: ${parts.join('; ')}`
}
