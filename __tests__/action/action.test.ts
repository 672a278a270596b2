import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { startFakeGitHub, TWIRP, type FakeGitHub, type FakeState } from './fake-github/server.js'
import {
  chainDump,
  FIX,
  makeWorkspace,
  removeWorkspaces,
  ROOT,
  runAction,
  type ActionRun
} from './fake-github/run-action.js'

/**
 * The committed bundle, run as the runner runs it: INPUT_* variables, event file, output and summary
 * files, and a localhost GitHub. `.ci/run` checks that dist/ equals a fresh build before the tests.
 */
const BUNDLE = join(ROOT, 'dist/index.js')

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error('dist/index.js is missing: run npm run package')
})

const MARKER = '<!-- klp-affected:default -->'
const PR_EVENT = {
  pull_request: { number: 7, base: { sha: 'base' }, head: { sha: 'head7' } }
}

let gh: FakeGitHub
afterEach(async () => gh?.close())
afterAll(removeWorkspaces)

async function scenario(
  state: Partial<FakeState>,
  inputs: Record<string, string>,
  event = 'pull_request',
  payload: object = PR_EVENT,
  workspace = makeWorkspace()
): Promise<ActionRun> {
  gh = await startFakeGitHub({ pulls: { 7: { diff: FIX, headSha: 'head7' } }, ...state })
  return runAction({ bundle: BUNDLE, apiUrl: gh.url, workspace, event, payload, inputs })
}

const calls = () => gh.requests.map(r => `${r.method} ${r.url.replace(/\?.*/, '')}`)
const comments = (pr = 7) => gh.state.comments[pr] ?? []

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {}
  for (const [name, data] of Object.entries(files)) {
    entries[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data
  }
  return zipSync(entries)
}

describe('pull_request', () => {
  it('passes a clean PR and creates the sticky comment', async () => {
    const run = await scenario({}, { 'dumps-path': 'dumps', livepatch: 'covered.txt' })
    expect(run.stdout).not.toContain('::error::')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'pass', 'missing-count': '0' })
    expect(Number(run.outputs['affected-count'])).toBeGreaterThan(0)
    expect(JSON.parse(readFileSync(run.outputs['report-json'], 'utf8'))).toMatchObject({
      schemaVersion: 1,
      result: 'pass'
    })
    // The head before and after the diff: the diff read is the built commit's.
    expect(calls()).toEqual([
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/issues/7/comments',
      'POST /repos/o/r/issues/7/comments'
    ])
    expect(gh.requests.map(r => r.accept.includes('diff'))).toEqual([
      false,
      true,
      false,
      false,
      false
    ])
    expect(comments()).toHaveLength(1)
    expect(comments()[0].body).toContain(MARKER)
    expect(run.summary).toContain('pass')
  })

  it('fails on missing functions, annotates the change and says so in the comment', async () => {
    const run = await scenario({}, { 'dumps-path': 'dumps', livepatch: 'partial.txt' })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(Number(run.outputs['missing-count'])).toBeGreaterThan(0)
    expect(run.stdout).toMatch(/::error title=.*,file=chain\.c,line=\d+::a changed; .*\bc\b/)
    expect(run.stdout).toMatch(/::error::klp-affected: /)
    expect(comments()[0].body).toMatch(/\bc\b/)
    expect(run.summary).toMatch(/\bc\b/)
  })

  it('updates its own comment in place, and leaves an identical one alone', async () => {
    const own = { login: 'github-actions[bot]', type: 'Bot' }
    const state = {
      comments: { 7: [{ id: 5, body: `${MARKER}\nold`, user: own, html_url: 'u' }] }
    }
    const workspace = makeWorkspace()
    await scenario(
      state,
      { 'dumps-path': 'dumps', livepatch: 'covered.txt' },
      undefined,
      undefined,
      workspace
    )
    expect(calls()).toContain('PATCH /repos/o/r/issues/comments/5')
    expect(calls()).not.toContain('POST /repos/o/r/issues/7/comments')
    const body = comments()[0].body
    expect(body).not.toContain('old')

    const again = { comments: { 7: [{ id: 5, body, user: own, html_url: 'u' }] } }
    await gh.close()
    await scenario(
      again,
      { 'dumps-path': 'dumps', livepatch: 'covered.txt' },
      undefined,
      undefined,
      workspace
    )
    expect(calls().filter(c => !c.startsWith('GET'))).toEqual([])
  })

  it('finds its own comment whatever the case of comment-author (logins ignore case)', async () => {
    const own = { login: 'github-actions[bot]', type: 'Bot' }
    const state = {
      comments: { 7: [{ id: 5, body: `${MARKER}\nold`, user: own, html_url: 'u' }] }
    }
    await scenario(state, {
      'dumps-path': 'dumps',
      livepatch: 'covered.txt',
      'comment-author': 'GitHub-Actions[bot]'
    })
    expect(calls()).toContain('PATCH /repos/o/r/issues/comments/5')
    expect(comments()).toHaveLength(1)
  })

  it('does not touch a comment by someone else that carries the marker', async () => {
    const state = {
      comments: {
        7: [
          {
            id: 9,
            body: `${MARKER}\nquoted`,
            user: { login: 'mallory', type: 'User' },
            html_url: 'u'
          }
        ]
      }
    }
    await scenario(state, { 'dumps-path': 'dumps', livepatch: 'covered.txt' })
    expect(calls()).toContain('POST /repos/o/r/issues/7/comments')
    expect(calls().some(c => c.startsWith('PATCH'))).toBe(false)
    expect(comments()[0].body).toContain('quoted')
  })

  it('on a fork PR (403 on comment) warns, still writes the summary and sets the result', async () => {
    const failures = [{ method: 'POST', path: /\/comments$/, status: 403, times: 1 }]
    const payload = {
      pull_request: { ...PR_EVENT.pull_request, head: { sha: 'head7', repo: { fork: true } } }
    }
    const run = await scenario(
      { failures },
      { 'dumps-path': 'dumps', livepatch: 'partial.txt' },
      'pull_request',
      payload
    )
    expect(run.stdout).toMatch(/::warning::The token cannot comment.*from a fork.*workflow_run/)
    expect(run.summary).toContain('from a fork')
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toMatch(/::error::klp-affected: /)
    expect(run.code).toBe(1)
  })

  it('on a same-repository PR, blames the missing pull-requests: write, not forks', async () => {
    const failures = [{ method: 'POST', path: /\/comments$/, status: 403, times: 1 }]
    const payload = {
      pull_request: { ...PR_EVENT.pull_request, head: { sha: 'head7', repo: { fork: false } } }
    }
    const run = await scenario(
      { failures },
      { 'dumps-path': 'dumps', livepatch: 'covered.txt' },
      'pull_request',
      payload
    )
    expect(run.stdout).toMatch(
      /::warning::The token cannot comment.*not from a fork.*`pull-requests: write`/
    )
    expect(run.stdout).not.toMatch(/comes from a fork/)
    expect(run.code).toBe(0)
  })

  it('says the old comment is stale when updating it fails, and still gives the verdict', async () => {
    const own = { login: 'github-actions[bot]', type: 'Bot' }
    const url = 'https://github.com/o/r/pull/7#issuecomment-5'
    const state = {
      comments: { 7: [{ id: 5, body: `${MARKER}\n5 missing`, user: own, html_url: url }] },
      failures: [{ method: 'PATCH', path: /\/comments\/5$/, status: 502, times: 10 }]
    }
    const run = await scenario(state, { 'dumps-path': 'dumps', livepatch: 'partial.txt' })
    // plugin-retry's three retries, each logged at info level with its cause.
    expect(calls().filter(c => c === 'PATCH /repos/o/r/issues/comments/5')).toHaveLength(4)
    expect(run.stdout).toMatch(
      /^retry 1 of PATCH \/repos\/o\/r\/issues\/comments\/5 after HTTP 502$/m
    )
    expect(run.stdout).toMatch(/^retry 3 of PATCH /m)
    expect(comments()[0].body).toBe(`${MARKER}\n5 missing`)
    expect(run.stdout).toMatch(
      new RegExp(
        `::warning::The PR comment could not be written: .*HTTP 502.*The comment ${url.replace(/[.#/]/g, '\\$&')} still shows the report of an earlier run: it is stale`
      )
    )
    expect(run.summary).toMatch(/> \[!WARNING\]\n> The PR comment could not be written.*stale/)
    expect(run.stdout).toMatch(/::error::klp-affected: /)
    expect(run.outputs.result).toBe('fail')
    expect(run.code).toBe(1)
  })

  it('writes the verdict when creating the comment keeps failing', async () => {
    const failures = [{ method: 'POST', path: /\/comments$/, status: 500, times: 10 }]
    const run = await scenario({ failures }, { 'dumps-path': 'dumps', livepatch: 'partial.txt' })
    expect(run.stdout).toMatch(
      /::warning::The PR comment could not be written: .*creating.*HTTP 500/
    )
    expect(run.stdout).not.toMatch(/stale/)
    expect(run.stdout).toMatch(/::error::klp-affected: /)
    expect(run.code).toBe(1)
  })

  it('refuses to judge a PR whose head moved past the commit the run built', async () => {
    const run = await scenario(
      { pulls: { 7: { diff: FIX, headSha: 'head8' } } },
      { 'dumps-path': 'dumps', livepatch: 'covered.txt' }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::PR #7 moved on: its head is head8, this run built head7/)
    expect(run.outputs.result).toBe('error')
    expect(calls()).toEqual(['GET /repos/o/r/pulls/7'])
  })

  it('says what GitHub sent when it is no diff text, or no file list it can read', async () => {
    const json = await scenario(
      { pulls: { 7: { diffJson: { message: 'moved' }, headSha: 'head7' } } },
      { 'dumps-path': 'dumps', livepatch: 'covered.txt' }
    )
    expect(json.code).toBe(1)
    expect(json.stdout).toMatch(
      /::error::GitHub API error while fetching the diff of PR #7: the answer is object, not diff text/
    )
    await gh.close()
    const files = [{ name: 'chain.c', status: 'modified', changes: 2 }] as unknown as Array<{
      filename: string
      status: string
      changes: number
    }>
    const listed = await scenario(
      { pulls: { 7: { files, headSha: 'head7' } } },
      { 'dumps-path': 'dumps', livepatch: 'covered.txt' }
    )
    expect(listed.code).toBe(1)
    expect(listed.stdout).toMatch(/::error::GitHub listed the files of PR #7 in a form/)
    expect(listed.outputs.result).toBe('error')
  })

  it('retries a 500 from the API', async () => {
    const failures = [{ method: 'GET', path: /\/pulls\/7$/, status: 500, times: 1 }]
    const run = await scenario({ failures }, { 'dumps-path': 'dumps', livepatch: 'covered.txt' })
    expect(run.code).toBe(0)
    expect(calls().filter(c => c === 'GET /repos/o/r/pulls/7')).toHaveLength(4)
    expect(run.stdout).toMatch(/^retry 1 of GET \/repos\/o\/r\/pulls\/7 after HTTP 500$/m)
  })

  it('fails clearly when the API keeps failing, never passes silently', async () => {
    const failures = [{ method: 'GET', path: /\/pulls\/7$/, status: 502, times: 10 }]
    const run = await scenario({ failures }, { 'dumps-path': 'dumps', livepatch: 'covered.txt' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::GitHub API error while reading PR #7 \(HTTP 502\)/)
    expect(run.outputs.result).toBe('error')
    expect(run.summary).toMatch(/no verdict[\s\S]*GitHub API error while reading PR .*HTTP 502/)
  })

  it('falls back to the file list when the diff is too large (406)', async () => {
    const patch = FIX.split('\n').slice(3).join('\n')
    const files = [
      { filename: 'chain.c', status: 'modified', changes: 2, patch },
      { filename: 'big.bin', status: 'modified', changes: 0 },
      // A large file's patch GitHub leaves out: its lines were never seen.
      { filename: 'huge.c', status: 'modified', changes: 9000 }
    ]
    const run = await scenario(
      { pulls: { 7: { files, headSha: 'head7' } } },
      { 'dumps-path': 'dumps', livepatch: 'covered.txt', policy: 'missing' }
    )
    expect(calls().slice(0, 4)).toEqual([
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/pulls/7/files',
      'GET /repos/o/r/pulls/7'
    ])
    const report = JSON.parse(readFileSync(run.outputs['report-json'], 'utf8')) as {
      findings: Array<{ kind: string; file?: string; message: string }>
    }
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        kind: 'unmapped-hunk',
        file: 'huge.c',
        message: 'GitHub did not return a patch for this file'
      })
    )
    // A binary file (no line changed) is judged by its path, as on the direct diff.
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'non-c-file', severity: 'unresolved', file: 'big.bin' })
    )
    expect(Number(run.outputs['unresolved-count'])).toBeGreaterThan(0)
    expect(run.outputs.result).toBe('pass')
  })

  it('reads a matrix of two dump artifacts of this run as two labelled sets', async () => {
    const artifacts = ['dumps-x86_64', 'dumps-arm64', 'logs'].map((name, i) => ({
      id: 10 + i,
      name,
      runId: 0,
      zip: zip({ 'chain.c.000i.ipa-clones': chainDump() })
    }))
    const run = await scenario(
      { artifacts },
      { 'dumps-artifact': 'dumps-*', livepatch: 'covered.txt' }
    )
    expect(run.stdout).not.toContain('::error::')
    expect(calls()).toContain(`POST ${TWIRP}/ListArtifacts`)
    expect(calls()).toContain(`POST ${TWIRP}/GetSignedArtifactURL`)
    expect(calls()).toContain('GET /blob/10')
    expect(calls()).toContain('GET /blob/11')
    expect(calls()).not.toContain('GET /blob/12')
    const report = JSON.parse(readFileSync(run.outputs['report-json'], 'utf8')) as {
      sets: Array<{ label: string }>
    }
    expect(report.sets.map(s => s.label).sort()).toEqual(['dumps-arm64', 'dumps-x86_64'])
  })

  it('pairs the patched build artifacts with the base ones by label (exact mode)', async () => {
    // After the fix GCC inlines d into e, which the base build did not: e's code changed.
    const post = Buffer.concat([
      chainDump(),
      Buffer.from('Callgraph clone;d;5;chain.c;20;5;e;6;chain.c;25;5;inlining to\n')
    ])
    const artifacts = [
      ...['dumps-x86_64', 'dumps-arm64'].map((name, i) => ({
        id: 30 + i,
        name,
        runId: 0,
        zip: zip({ 'chain.c.000i.ipa-clones': chainDump() })
      })),
      ...['post-dumps-x86_64', 'post-dumps-arm64'].map((name, i) => ({
        id: 40 + i,
        name,
        runId: 0,
        zip: zip({ 'chain.c.000i.ipa-clones': i === 0 ? post : chainDump() })
      }))
    ]
    const run = await scenario(
      { artifacts },
      {
        'dumps-artifact': 'dumps-*',
        'post-dumps-artifact': 'post-dumps-*',
        livepatch: 'covered.txt'
      }
    )
    expect(run.stdout).toContain('::error::klp-affected: 1 required function is not declared')
    const report = JSON.parse(readFileSync(run.outputs['report-json'], 'utf8')) as {
      affected: Array<{ set: string; name: string; exact?: string }>
      exact?: { graphsCompared: number; found: number }
    }
    expect(report.exact).toMatchObject({ graphsCompared: 2, found: 1 })
    expect(report.affected.filter(a => a.exact === 'found')).toEqual([
      expect.objectContaining({ set: 'dumps-x86_64', name: 'e' })
    ])
    expect(run.code).toBe(1)
    expect(comments()[0].body).toContain('exact: post-fix dumps of 2 TUs compared')
  })

  it('names the input when the patched build artifact is the base one', async () => {
    const run = await scenario(
      {},
      { 'dumps-artifact': 'dumps-*', 'post-dumps-artifact': 'dumps-*', livepatch: 'covered.txt' }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "input 'post-dumps-artifact': 'dumps-*' is not allowed; name the patched build's artifact(s), not the base build's ('dumps-artifact')"
    )
  })

  it('refuses a zip-slip entry in an artifact and reports it', async () => {
    const artifacts = [
      {
        id: 20,
        name: 'dumps',
        runId: 0,
        zip: zip({
          'chain.c.000i.ipa-clones': chainDump(),
          '../../escaped.c.000i.ipa-clones': 'Callgraph removal;x;0;x.c;1;1\n'
        })
      }
    ]
    const run = await scenario({ artifacts }, { 'dumps-artifact': 'dumps', policy: 'unresolved' })
    const report = JSON.parse(readFileSync(run.outputs['report-json'], 'utf8')) as {
      findings: Array<{ kind: string }>
    }
    expect(report.findings.map(f => f.kind)).toContain('archive-refused')
    const temp = join(run.outputs['report-json'], '../../..')
    expect(readdirSync(temp).some(n => n.includes('escaped'))).toBe(false)
    expect(run.code).toBe(1)
  })
})

describe('workflow_run', () => {
  it('takes the dumps and pr.json from the triggering run and comments on that PR', async () => {
    const artifacts = [
      {
        id: 31,
        name: 'klp-dumps',
        runId: 777,
        zip: zip({ 'chain.c.000i.ipa-clones': chainDump(), 'pr.json': '{"number": 7}' })
      }
    ]
    const payload = { workflow_run: { id: 777, head_sha: 'head7', pull_requests: [] } }
    const run = await scenario(
      { artifacts },
      { 'dumps-artifact': 'klp-dumps', livepatch: 'covered.txt' },
      'workflow_run',
      payload
    )
    expect(run.stdout).not.toContain('::error::')
    expect(calls()).toEqual([
      'GET /repos/o/r/actions/runs/777/artifacts',
      'GET /repos/o/r/actions/artifacts/31/zip',
      'GET /blob/31',
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/issues/7/comments',
      'POST /repos/o/r/issues/7/comments'
    ])
    expect(run.outputs.result).toBe('pass')
  })

  it('refuses a pr.json naming a PR whose head is not the commit the run built', async () => {
    const artifacts = [
      {
        id: 32,
        name: 'klp-dumps',
        runId: 777,
        zip: zip({ 'chain.c.000i.ipa-clones': chainDump(), 'pr.json': '{"number": 7}' })
      }
    ]
    const payload = { workflow_run: { id: 777, head_sha: 'other', pull_requests: [] } }
    const run = await scenario(
      { artifacts },
      { 'dumps-artifact': 'klp-dumps' },
      'workflow_run',
      payload
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::pr\.json names PR #7/)
    expect(calls().some(c => c.startsWith('POST'))).toBe(false)
  })
})

describe('workflow_run listing two PRs of one head branch (into main and into stable)', () => {
  // One head commit, two PRs: only pr.json says which one the triggering run built.
  const artifacts = (pr?: number) => [
    {
      id: 33,
      name: 'klp-dumps',
      runId: 777,
      zip: zip({
        'chain.c.000i.ipa-clones': chainDump(),
        ...(pr === undefined ? {} : { 'pr.json': `{"number": ${pr}}` })
      })
    }
  ]
  const payload = {
    workflow_run: { id: 777, head_sha: 'head7', pull_requests: [{ number: 7 }, { number: 8 }] }
  }
  const pulls = { 7: { diff: FIX, headSha: 'head7' }, 8: { diff: FIX, headSha: 'head7' } }
  const inputs = { 'dumps-artifact': 'klp-dumps', livepatch: 'covered.txt' }

  it('reports on the PR pr.json names, not on the first one listed', async () => {
    const run = await scenario({ artifacts: artifacts(8), pulls }, inputs, 'workflow_run', payload)
    expect(run.stdout).not.toContain('::error::')
    expect(calls().filter(c => c.startsWith('POST'))).toEqual(['POST /repos/o/r/issues/8/comments'])
  })

  it('stops without pr.json', async () => {
    const run = await scenario({ artifacts: artifacts(), pulls }, inputs, 'workflow_run', payload)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::the workflow_run event names several pull requests \(#7, #8\) and no pr\.json/
    )
    expect(calls().some(c => c.startsWith('POST'))).toBe(false)
  })

  it('stops when pr.json names a PR the event does not list', async () => {
    const run = await scenario({ artifacts: artifacts(9), pulls }, inputs, 'workflow_run', payload)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::pr\.json names PR #9, which the workflow_run event does not list \(#7, #8\)/
    )
    expect(calls().some(c => c.startsWith('POST'))).toBe(false)
  })
})

describe('workflow_dispatch', () => {
  it("posts a manual report on a PR as a comment of its own, never over the gate's", async () => {
    const own = { login: 'github-actions[bot]', type: 'Bot' }
    const gate = { id: 5, body: `${MARKER}\n❌ **fail**`, user: own, html_url: 'u' }
    const run = await scenario(
      { comments: { 7: [gate] } },
      { 'pr-number': '7', 'dumps-path': 'x86_64=dumps', livepatch: 'partial.txt', policy: 'none' },
      'workflow_dispatch',
      { inputs: {} }
    )
    expect(run.code).toBe(0)
    expect(calls().filter(c => !c.startsWith('GET'))).toEqual(['POST /repos/o/r/issues/7/comments'])
    expect(comments()[0].body).toBe(gate.body)
    expect(comments()[1].body).toMatch(/^<!-- klp-affected:manual -->/)
    expect(comments()[1].body).toContain('klp-affected (manual)')
  })

  it('names the patch input when it is given a folder', async () => {
    const run = await scenario({}, { patch: 'dumps', 'dumps-path': 'dumps' }, 'workflow_dispatch', {
      inputs: {}
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::input 'patch': 'dumps' is a folder; give the patch files/)
    expect(run.outputs.result).toBe('error')
  })

  it('analyses a patch file and reports to the job summary only', async () => {
    const run = await scenario(
      {},
      { patch: '*.patch', 'dumps-path': 'x86_64=dumps', livepatch: 'partial.txt', policy: 'none' },
      'workflow_dispatch',
      { inputs: {} }
    )
    expect(run.code).toBe(0)
    expect(gh.requests).toEqual([])
    expect(run.outputs.result).toBe('pass')
    expect(Number(run.outputs['missing-count'])).toBeGreaterThan(0)
    // A patch file's paths are not this repository's: no file annotations.
    expect(run.stdout).not.toMatch(/::error file=/)
    // Under policy none the missing functions are warnings, and the summary is no green pass.
    expect(run.stdout).not.toContain('::error')
    expect(run.stdout).toMatch(/::warning title=klp-affected%3A \d+ function\(s\) missing/)
    expect(run.summary).toContain('⚠️ **pass** (policy: none)')
    expect(run.summary).not.toContain('✅')
  })
})

describe('configuration errors', () => {
  it('fails cleanly with no inputs', async () => {
    const run = await scenario({}, {})
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::no dumps: set 'dumps-artifact'/)
    expect(run.stderr).toBe('')
  })

  it('names the input, the value and what is allowed', async () => {
    const run = await scenario({}, { 'dumps-path': 'dumps', policy: 'missing,fast' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "::error::input 'policy': 'missing,fast' is not allowed; use a comma list of missing, review, unresolved, or none"
    )
    expect(gh.requests).toEqual([])
  })
})
