import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readDeclarationFile } from '../../../src/adapters/fs/declaration-file.js'

let ws: string
let outside: string
beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'klp-ws-'))
  outside = mkdtempSync(join(tmpdir(), 'klp-out-'))
  mkdirSync(join(ws, '.git'))
  writeFileSync(join(ws, '.git/config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n')
  writeFileSync(join(ws, 'livepatch.c'), 'static struct klp_func funcs[] = {};\n')
  writeFileSync(join(outside, 'secret.list'), 'vmlinux:x\n')
  symlinkSync(join(ws, '.git/config'), join(ws, 'evil.list'))
  symlinkSync('.git/config', join(ws, 'relative.c'))
  symlinkSync(join(outside, 'secret.list'), join(ws, 'away.list'))
  symlinkSync(join(ws, 'livepatch.c'), join(ws, 'alias.c'))
  execFileSync('mkfifo', [join(ws, 'fifo.list')])
})
afterAll(() => {
  rmSync(ws, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

describe('livepatch declaration files are read as regular files of the workspace', () => {
  it('reads a file, and a symlink to a file, inside the workspace', async () => {
    await expect(readDeclarationFile(join(ws, 'livepatch.c'), ws)).resolves.toContain('klp_func')
    await expect(readDeclarationFile(join(ws, 'alias.c'), ws)).resolves.toContain('klp_func')
  })

  it.each([
    ['evil.list', /inside a \.git directory/],
    ['relative.c', /inside a \.git directory/],
    ['.git/config', /inside a \.git directory/],
    ['away.list', /outside the workspace/],
    ['fifo.list', /not a regular file/],
    ['missing.list', /cannot be read \(ENOENT\)/]
  ])('refuses %s', async (name, why) => {
    await expect(readDeclarationFile(join(ws, name), ws)).rejects.toThrow(why)
  })

  it('without a workspace (the CLI) still refuses .git and special files', async () => {
    await expect(readDeclarationFile(join(outside, 'secret.list'))).resolves.toBe('vmlinux:x\n')
    await expect(readDeclarationFile(join(ws, 'evil.list'))).rejects.toThrow(/\.git/)
    await expect(readDeclarationFile('/dev/zero')).rejects.toThrow(/not a regular file/)
  })
})
