import { normalizePath } from '../src/core/paths.js'

describe('normalizePath', () => {
  it('drops ./ and resolves ..', () => {
    expect(normalizePath('./include/linux/skbuff.h')).toBe('include/linux/skbuff.h')
    expect(normalizePath('net/ipv4/../core/dev.c')).toBe('net/core/dev.c')
    expect(normalizePath('a//b/./c.c')).toBe('a/b/c.c')
  })

  it.each([
    ['net/ipv4/route.c', 'net/ipv4/route.c'],
    ['./net/ipv4/route.c', 'net/ipv4/route.c'],
    ['net//ipv4/./route.c', 'net/ipv4/route.c'],
    ['drivers/x/../y.c', 'drivers/y.c'],
    ['../a.c', '../a.c'],
    ['../../a/../b.c', '../../b.c'],
    ['net\\ipv4\\route.c', 'net/ipv4/route.c'],
    ['/abs/tree/a.c', 'abs/tree/a.c'],
    ['net/', 'net'],
    ['net/.', 'net'],
    ['net/..', ''],
    ['', ''],
    ['.', ''],
    ['.config', '.config'],
    ['..x/.y/a..c', '..x/.y/a..c'],
    ['net/.tcp.o.cmd', 'net/.tcp.o.cmd']
  ])('%s -> %s (a path already normal is returned as it is)', (path, normal) => {
    expect(normalizePath(path)).toBe(normal)
  })
})
