import type { Policy, Report } from '../core/model.js'

/** One dump set: directories and/or archives of one kernel build, labelled (e.g. `x86_64`). */
export interface DumpSource {
  label: string
  /** Directories or archives (`.zip`, `.tar.gz`, `.tgz`, `.tar.xz`). */
  paths: string[]
}

export interface PipelineOptions {
  dumps: DumpSource[]
  /** Unified diff text of the fix. */
  diff: string
  /** `-p` strip level of the diff's paths; detected against the source tree when undefined. */
  strip?: number
  /** Kernel tree (or the changed files alone, at their tree paths) the diff applies to. */
  source?: string
  /** `pre` (default): `source` is the tree before the fix; `post`: after it. */
  sourceSide?: 'pre' | 'post'
  /** Livepatch declaration files (C, patched_funcs.csv, KGR_PATCH, plain list); empty: report only. */
  livepatch: string[]
  policy: Policy
  /** Progress for long loads (the CLI prints it on stderr). */
  progress?: (message: string) => void
}

/** Runs the whole analysis from files on disk: the one entry the CLI and the action share. */
export async function runPipeline(_options: PipelineOptions): Promise<Report> {
  return Promise.reject(new Error('runPipeline: not implemented yet'))
}
