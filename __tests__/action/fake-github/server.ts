import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A localhost stand-in for the REST API, the artifact blob store and the Actions results service
 * (Twirp), playing just the routes the action uses. Every request is recorded for assertions.
 */

export interface RecordedRequest {
  method: string
  /** Path and query. */
  url: string
  accept: string
  body: string
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
  html_url: string
}

export interface FakePull {
  /** Diff text; `undefined` answers 406 (too large) like GitHub. */
  diff?: string
  /** A JSON body in place of the diff text (a proxy or API change the action must not misread). */
  diffJson?: unknown
  files?: Array<{ filename: string; status: string; changes: number; patch?: string }>
  headSha?: string
}

export interface FakeArtifact {
  id: number
  name: string
  /** The run that owns it; same-run artifacts are served through Twirp as well. */
  runId: number
  zip: Uint8Array
}

/** Answers `status` to the first `times` requests whose method and path match. */
export interface Failure {
  method: string
  path: RegExp
  status: number
  times: number
}

export interface FakeState {
  pulls: Record<number, FakePull>
  comments: Record<number, FakeComment[]>
  artifacts: FakeArtifact[]
  failures: Failure[]
  /** Login the token acts as when it writes. */
  login: string
}

export interface FakeGitHub {
  url: string
  state: FakeState
  requests: RecordedRequest[]
  close(): Promise<void>
}

export const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService'
export const RUN_BACKEND = 'run-backend-id'
export const JOB_BACKEND = 'job-backend-id'

/** An unsigned JWT carrying the scope @actions/artifact reads its backend ids from. */
export function runtimeToken(): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.Results:${RUN_BACKEND}:${JOB_BACKEND}` })}.sig`
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function json(
  res: ServerResponse,
  status: number,
  data: unknown,
  headers: Record<string, string> = {}
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(data))
}

function page<T>(res: ServerResponse, base: string, url: URL, items: T[]): void {
  const perPage = Number(url.searchParams.get('per_page') ?? 30)
  const n = Number(url.searchParams.get('page') ?? 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const headers: Record<string, string> = {}
  if (n < last) {
    const next = new URL(url.toString())
    next.searchParams.set('page', String(n + 1))
    headers.link = `<${base}${next.pathname}${next.search}>; rel="next"`
  }
  json(res, 200, items.slice((n - 1) * perPage, n * perPage), headers)
}

export async function startFakeGitHub(initial: Partial<FakeState> = {}): Promise<FakeGitHub> {
  const state: FakeState = {
    pulls: {},
    comments: {},
    artifacts: [],
    failures: [],
    login: 'github-actions[bot]',
    ...initial
  }
  const requests: RecordedRequest[] = []
  let nextCommentId = 1000
  let base = ''

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', base)
    const path = url.pathname
    requests.push({ method, url: `${path}${url.search}`, accept: req.headers.accept ?? '', body })

    const failure = state.failures.find(
      f => f.times > 0 && f.method === method && f.path.test(path)
    )
    if (failure) {
      failure.times--
      return json(res, failure.status, { message: `injected ${failure.status}` })
    }

    let m: RegExpExecArray | null
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(path)) && method === 'GET') {
      const pull = state.pulls[Number(m[1])]
      if (!pull) return json(res, 404, { message: 'Not Found' })
      if ((req.headers.accept ?? '').includes('diff')) {
        if (pull.diffJson !== undefined) return json(res, 200, pull.diffJson)
        if (pull.diff === undefined) return json(res, 406, { message: 'diff too large' })
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        return void res.end(pull.diff)
      }
      return json(res, 200, { number: Number(m[1]), head: { sha: pull.headSha ?? 'head' } })
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(path))) {
      return page(res, base, url, state.pulls[Number(m[1])]?.files ?? [])
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
      const list = (state.comments[Number(m[1])] ??= [])
      if (method === 'GET') return page(res, base, url, list)
      const id = nextCommentId++
      const comment: FakeComment = {
        id,
        body: (JSON.parse(body) as { body: string }).body,
        user: { login: state.login, type: 'Bot' },
        html_url: `https://github.com/o/r/pull/${m[1]}#issuecomment-${id}`
      }
      list.push(comment)
      return json(res, 201, comment)
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const comment = Object.values(state.comments)
        .flat()
        .find(c => c.id === Number(m![1]))
      if (!comment) return json(res, 404, { message: 'Not Found' })
      comment.body = (JSON.parse(body) as { body: string }).body
      return json(res, 200, comment)
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)\/artifacts$/.exec(path))) {
      const list = state.artifacts
        .filter(a => a.runId === Number(m![1]))
        .map(a => ({ id: a.id, name: a.name, size_in_bytes: a.zip.length, created_at: null }))
      return json(res, 200, { total_count: list.length, artifacts: list })
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/.exec(path))) {
      res.writeHead(302, { location: `${base}/blob/${m[1]}?sig=secret` })
      return void res.end()
    }
    if ((m = /^\/blob\/(\d+)$/.exec(path))) {
      const artifact = state.artifacts.find(a => a.id === Number(m![1]))
      if (!artifact) return json(res, 404, { message: 'no blob' })
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename=${artifact.name}.zip`
      })
      return void res.end(Buffer.from(artifact.zip))
    }
    if (path === `${TWIRP}/ListArtifacts`) {
      // The client sends proto field names (`id_filter`); an Int64Value wrapper is a bare string.
      const { id_filter: idFilter } = JSON.parse(body) as { id_filter?: string }
      const list = state.artifacts
        .filter(a => a.runId === 0 && (idFilter === undefined || String(a.id) === idFilter))
        .map(a => ({
          workflowRunBackendId: RUN_BACKEND,
          workflowJobRunBackendId: JOB_BACKEND,
          databaseId: String(a.id),
          name: a.name,
          size: String(a.zip.length)
        }))
      return json(res, 200, { artifacts: list })
    }
    if (path === `${TWIRP}/GetSignedArtifactURL`) {
      const { name } = JSON.parse(body) as { name: string }
      const artifact = state.artifacts.find(a => a.runId === 0 && a.name === name)
      if (!artifact) return json(res, 404, { code: 'not_found', msg: 'no artifact' })
      return json(res, 200, { signedUrl: `${base}/blob/${artifact.id}?sig=secret` })
    }
    json(res, 404, { message: `fake GitHub has no route for ${method} ${path}` })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 500, { message: String(error) }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    state,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}
