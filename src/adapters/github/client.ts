import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
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
    retry,
    throttling
  )
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
