import * as core from '@actions/core'
import { join } from 'node:path'
import type { DumpSource } from '../app/load-sets.js'
import {
  downloadArtifact,
  listArtifacts,
  readPrNumber,
  type ArtifactScope,
  type DownloadedArtifact
} from '../adapters/artifacts/download.js'
import { ConfigurationError } from './errors.js'
import { expandInput, globToRegExp } from './glob.js'
import type { Settings } from './settings.js'
import { pairArtifacts } from './pair-artifacts.js'

export interface ResolvedDumps {
  sets: DumpSource[]
  /** Exact mode: the patched build's sets, labelled like the base sets they pair with. */
  post: DumpSource[]
  /** The PR number from `pr.json` when the settings asked for it. */
  prNumber?: number
}

function scopeOf(settings: Settings): ArtifactScope {
  return {
    runId: settings.artifactRunId,
    token: settings.token,
    owner: settings.owner,
    repo: settings.repo
  }
}

function describeRun(settings: Settings): string {
  return settings.artifactRunId === undefined ? 'this run' : `run ${settings.artifactRunId}`
}

/** Downloads the dump artifacts (one set each) and expands `dumps-path` (one set per line). */
export async function resolveDumps(settings: Settings): Promise<ResolvedDumps> {
  const sets: DumpSource[] = []
  const downloaded: DownloadedArtifact[] = []
  const wanted = [
    settings.dumpsArtifact,
    settings.prNumberArtifact,
    settings.postDumpsArtifact
  ].filter((p): p is string => p !== undefined)
  if (wanted.length > 0) {
    const scope = scopeOf(settings)
    const all = await listArtifacts(scope)
    const into = join(settings.tempDir, 'klp-affected', 'artifacts')
    for (const pattern of new Set(wanted)) {
      const re = globToRegExp(pattern)
      const matching = all.filter(a => re.test(a.name))
      if (matching.length === 0) {
        const names = all.map(a => a.name).join(', ') || 'none'
        throw new ConfigurationError(
          `no artifact of ${describeRun(settings)} matches '${pattern}' (artifacts: ${names}). Was the job that uploads it successful?`
        )
      }
      for (const artifact of matching) {
        if (downloaded.some(d => d.name === artifact.name)) continue
        core.info(`downloading artifact '${artifact.name}' (${artifact.size} bytes)`)
        downloaded.push(await downloadArtifact(scope, artifact, into))
      }
    }
  }
  if (settings.dumpsArtifact) {
    const re = globToRegExp(settings.dumpsArtifact)
    for (const a of downloaded) if (re.test(a.name)) sets.push({ label: a.name, paths: [a.path] })
  }
  for (const line of settings.dumpPaths) {
    sets.push({
      label: line.label,
      paths: await expandInput('dumps-path', settings.workspace, line.patterns)
    })
  }
  const post: DumpSource[] = []
  if (settings.postDumpsArtifact && settings.dumpsArtifact) {
    const names = (pattern: string): string[] =>
      downloaded.filter(a => globToRegExp(pattern).test(a.name)).map(a => a.name)
    for (const pair of pairArtifacts(
      settings.dumpsArtifact,
      names(settings.dumpsArtifact),
      settings.postDumpsArtifact,
      names(settings.postDumpsArtifact)
    )) {
      const artifact = downloaded.find(a => a.name === pair.post)
      if (artifact) post.push({ label: pair.label, paths: [artifact.path] })
    }
  }
  for (const line of settings.postDumpPaths) {
    post.push({
      label: line.label,
      paths: await expandInput('post-dumps-path', settings.workspace, line.patterns)
    })
  }
  let prNumber: number | undefined
  if (settings.prNumberArtifact) {
    const re = globToRegExp(settings.prNumberArtifact)
    for (const a of downloaded) {
      if (prNumber === undefined && re.test(a.name)) prNumber = await readPrNumber(a.path)
    }
  }
  return { sets, post, prNumber }
}
