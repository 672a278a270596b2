import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import type { Octokit } from '@octokit/core'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

/** plugin-retry waits (n+1)² × this per attempt; tests set a tiny value through the environment. */
function retryBaseMs(): number {
  const value = Number(process.env.KLP_AFFECTED_RETRY_BASE_MS ?? '')
  return process.env.KLP_AFFECTED_RETRY_BASE_MS && Number.isFinite(value) && value >= 0
    ? value
    : 1000
}

const MAX_RATE_LIMIT_RETRIES = 2

/** An Octokit that retries 5xx and network errors and waits out rate limits (twice at most). */
export function makeClient(token: string): GitHubClient {
  const retryAfterBaseValue = retryBaseMs()
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method: string; url: string },
      _octokit: unknown,
      retryCount: number
    ) => {
      core.warning(
        `GitHub ${kind} rate limit on ${options.method} ${options.url}; retry after ${retryAfter}s`
      )
      return retryCount < MAX_RATE_LIMIT_RETRIES
    }
  return getOctokit(
    token,
    {
      // 406 is the "diff too large" answer: retrying cannot help, the caller falls back to the file list.
      retry: { retryAfterBaseValue, doNotRetry: [400, 401, 403, 404, 406, 410, 422, 451] },
      throttle: {
        retryAfterBaseValue,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary')
      }
    },
    logRetries,
    retry,
    throttling
  )
}

interface HookOptions {
  method?: string
  url?: string
  request?: { retryCount?: number }
  [key: string]: unknown
}

/**
 * Logs each retry at info level: a step that sat silent for half a minute of back-off looks hung.
 * Installed before plugin-retry, so its hooks run inside the retry loop, once per attempt; the
 * retry plugin keeps the same options object across attempts and counts them in `retryCount`.
 */
function logRetries(octokit: Octokit): void {
  const lastStatus = new WeakMap<object, string>()
  octokit.hook.error('request', (error, raw) => {
    const options = raw as unknown as HookOptions
    const status = httpStatus(error)
    lastStatus.set(
      options,
      status ? `HTTP ${status}` : error instanceof Error ? error.message : 'error'
    )
    throw error
  })
  octokit.hook.before('request', raw => {
    const options = raw as unknown as HookOptions
    const n = options.request?.retryCount ?? 0
    if (n === 0) return
    const path = (options.url ?? '').replace(/\{(\w+)\}/g, (_, k: string) => {
      const value = options[k]
      return typeof value === 'string' || typeof value === 'number' ? String(value) : k
    })
    const why = lastStatus.get(options)
    core.info(`retry ${n} of ${options.method ?? 'GET'} ${path}${why ? ` after ${why}` : ''}`)
  })
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = error.status
    if (typeof status === 'number') return status
  }
  return undefined
}

/** Turns an API failure into an error that says what the action was doing. */
export function apiError(error: unknown, doing: string): Error {
  const status = httpStatus(error)
  const message = error instanceof Error ? error.message : String(error)
  return new Error(
    `GitHub API error while ${doing}${status ? ` (HTTP ${status})` : ''}: ${message}`,
    { cause: error }
  )
}
