import { DefaultArtifactClient, type Artifact } from '@actions/artifact'
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync } from 'fflate'

export interface ArtifactScope {
  /** Another run's artifacts (the triggering run under `workflow_run`); absent: this run's. */
  runId?: number
  token: string
  owner: string
  repo: string
}

export interface DownloadedArtifact {
  name: string
  /** The artifact as downloaded: a `.zip` archive (or the single file of an unzipped upload). */
  path: string
}

function findBy(scope: ArtifactScope) {
  return scope.runId === undefined
    ? undefined
    : {
        token: scope.token,
        workflowRunId: scope.runId,
        repositoryOwner: scope.owner,
        repositoryName: scope.repo
      }
}

export async function listArtifacts(scope: ArtifactScope): Promise<Artifact[]> {
  const client = new DefaultArtifactClient()
  const by = findBy(scope)
  const { artifacts } = await client.listArtifacts({ latest: true, ...(by ? { findBy: by } : {}) })
  return artifacts
}

/**
 * Downloads without extracting: the toolkit's extractor writes entries wherever their names point
 * (`../x` included), so archives are left to the dump loader, which refuses such entries.
 */
export async function downloadArtifact(
  scope: ArtifactScope,
  artifact: Artifact,
  into: string
): Promise<DownloadedArtifact> {
  const dir = join(into, String(artifact.id))
  await mkdir(dir, { recursive: true })
  const by = findBy(scope)
  await new DefaultArtifactClient().downloadArtifact(artifact.id, {
    path: dir,
    skipDecompress: true,
    ...(by ? { findBy: by } : {})
  })
  const [file] = await readdir(dir)
  if (file === undefined) throw new Error(`artifact '${artifact.name}' downloaded as nothing`)
  let path = join(dir, file)
  if (!file.endsWith('.zip') && (await isZip(path))) {
    await rename(path, `${path}.zip`)
    path = `${path}.zip`
  }
  return { name: artifact.name, path }
}

async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4)
    await handle.read(head, 0, 4, 0)
    return head.readUInt32LE(0) === 0x04034b50
  } finally {
    await handle.close()
  }
}

/** `pr.json` is written by an untrusted run: only a small file and a positive integer are accepted. */
export async function readPrNumber(zipPath: string): Promise<number | undefined> {
  if (!zipPath.endsWith('.zip')) return undefined
  const entries = unzipSync(await readFile(zipPath), {
    filter: f => f.name === 'pr.json' && f.originalSize <= 4096
  })
  const text = entries['pr.json']
  if (!text) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(text))
  } catch {
    throw new Error(`pr.json in ${zipPath} is not JSON`)
  }
  const n =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as { number?: unknown }).number
      : undefined
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n
  throw new Error(
    `pr.json must be {"number": <pull request number>}; got ${JSON.stringify(parsed)}`
  )
}
