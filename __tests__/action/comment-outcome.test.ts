import { readEvent } from '../../src/action/event.js'
import { commentNotice } from '../../src/action/comment-outcome.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const forbidden = { kind: 'forbidden' as const, message: 'HTTP 403: Resource not accessible' }

describe('commentNotice', () => {
  it('tells a fork PR from a workflow lacking pull-requests: write', () => {
    const fork = commentNotice(forbidden, { name: 'pull_request', forkPull: true })
    expect(fork.log).toMatch(/from a fork.*workflow_run/)
    const own = commentNotice(forbidden, { name: 'pull_request', forkPull: false })
    expect(own.log).toMatch(/not from a fork.*lacks `pull-requests: write`/)
    expect(own.log).not.toMatch(/comes from a fork/)
    // workflow_run's token is the base repository's: a 403 there is a permission, never a fork.
    const run = commentNotice(forbidden, { name: 'workflow_run', forkPull: true })
    expect(run.log).toBe(own.log)
    const unknown = commentNotice(forbidden, { name: 'pull_request' })
    expect(unknown.log).toMatch(/either .*fork.* or .*pull-requests: write/)
  })

  it('names the stale comment in the log and the summary', () => {
    const n = commentNotice(
      { kind: 'failed', message: 'GitHub API error (HTTP 502): bad gateway', stale: 'https://x/1' },
      { name: 'pull_request' }
    )
    expect(n.level).toBe('warning')
    expect(n.log).toMatch(/could not be written: .*502.*The comment https:\/\/x\/1 .* stale/)
    expect(n.summary).toMatch(/^> \[!WARNING\]\n> .*https:\/\/x\/1.*stale/)
  })

  it('is an info line when the comment was written', () => {
    expect(commentNotice({ kind: 'updated', url: 'u' }, { name: 'pull_request' })).toEqual({
      level: 'info',
      log: 'comment updated: u'
    })
  })
})

describe('readEvent fork', () => {
  function event(payload: object) {
    const dir = mkdtempSync(join(tmpdir(), 'klp-event-'))
    try {
      writeFileSync(join(dir, 'e.json'), JSON.stringify(payload))
      return readEvent('pull_request', join(dir, 'e.json')).forkPull
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  it('reads head.repo.fork, else compares the repositories, else leaves it unknown', () => {
    expect(event({ pull_request: { head: { repo: { fork: true } } } })).toBe(true)
    const repos = (h: string) => ({
      pull_request: { head: { repo: { full_name: h } }, base: { repo: { full_name: 'o/r' } } }
    })
    expect(event(repos('o/r'))).toBe(false)
    expect(event(repos('x/r'))).toBe(true)
    expect(event({ pull_request: { number: 1 } })).toBeUndefined()
  })
})
