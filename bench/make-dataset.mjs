#!/usr/bin/env node
// Makes, once, the datasets `npm run bench` makes for every run, to profile against them:
//   node bench/make-dataset.mjs OUT 10   # OUT/base (the corpus), OUT/x10, OUT/src (the patch's sources)
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeDataset } from './dataset.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const corpus = resolve(root, '../shared/corpus/linux-6.1.192-x86_64-defconfig.tar.xz')
const [out, copiesArg = '10'] = process.argv.slice(2)
if (!out) {
  console.error('usage: node bench/make-dataset.mjs OUT [COPIES]')
  process.exit(2)
}
const copies = Number(copiesArg)
const base = join(out, 'base')
if (!existsSync(base)) {
  mkdirSync(base, { recursive: true })
  execFileSync('tar', ['xJf', corpus, '-C', base])
}
for (const [from, to] of [
  ['examples/route-flow-key/src/net/ipv4/route.c', 'net/ipv4/route.c'],
  ['validation/cases/header-inline/src/include/linux/skbuff.h', 'include/linux/skbuff.h']
]) {
  mkdirSync(dirname(join(out, 'src', to)), { recursive: true })
  copyFileSync(join(root, from), join(out, 'src', to))
}
if (copies > 1) {
  const dir = join(out, `x${copies}`)
  if (!existsSync(dir)) makeDataset(base, dir, copies)
}
console.log(out)
