import { readFileSync } from 'node:fs'
import { ConfigurationError } from './errors.js'

/** The parts of the event payload the action reads; everything else is ignored. */
export interface EventInfo {
  /** PR number from `pull_request`/`pull_request_target`, or the one PR `workflow_run` lists. */
  prNumber?: number
  /**
   * `workflow_run` listing several PRs (one head branch opened against two bases): which one the
   * run built only its `pr.json` can tell.
   */
  prCandidates?: number[]
  /** Base and head commits of a `pull_request` event, for `diff-source: git`. */
  baseSha?: string
  headSha?: string
  /** `workflow_run`: the run that uploaded the artifacts. */
  triggeringRunId?: number
  /** `workflow_run`: the head commit the triggering run built, to check a PR number from `pr.json`. */
  triggeringHeadSha?: string
  /** `pull_request`: whether the head is a fork (`head.repo.fork`); undefined when not told. */
  forkPull?: boolean
}

type Json = Record<string, unknown>

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null ? (value as Json) : undefined
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `head.repo.fork`, else whether head and base are different repositories; undefined if unsaid. */
function forkOf(pr: Json | undefined): boolean | undefined {
  const head = obj(obj(pr?.head)?.repo)
  if (typeof head?.fork === 'boolean') return head.fork
  const headName = str(head?.full_name)
  const baseName = str(obj(obj(pr?.base)?.repo)?.full_name)
  return headName && baseName ? headName !== baseName : undefined
}

/** Reads `GITHUB_EVENT_PATH`; a missing file means a local run with no event (empty info). */
export function readEvent(eventName: string, eventPath: string | undefined): EventInfo {
  if (!eventPath) return {}
  let payload: Json | undefined
  try {
    payload = obj(JSON.parse(readFileSync(eventPath, 'utf8')))
  } catch (error) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH '${eventPath}' is not a readable JSON event: ${String(error)}`
    )
  }
  if (!payload) return {}
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = obj(payload.pull_request)
    return {
      prNumber: num(pr?.number),
      baseSha: str(obj(pr?.base)?.sha),
      headSha: str(obj(pr?.head)?.sha),
      forkPull: forkOf(pr)
    }
  }
  if (eventName === 'workflow_run') {
    const run = obj(payload.workflow_run)
    const prs = Array.isArray(run?.pull_requests) ? (run.pull_requests as unknown[]) : []
    const numbers = prs.map(p => num(obj(p)?.number)).filter((n): n is number => n !== undefined)
    return {
      ...(numbers.length === 1 ? { prNumber: numbers[0] } : {}),
      ...(numbers.length > 1 ? { prCandidates: numbers } : {}),
      triggeringRunId: num(run?.id),
      triggeringHeadSha: str(run?.head_sha)
    }
  }
  return {}
}
