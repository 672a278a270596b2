import type { Parser } from 'web-tree-sitter'
import type { FileChange } from '../diff/map.js'
import { imagesOf, type HeaderImages } from './subjects.js'

/**
 * Both images of each changed `.c` file, for its own struct/union/enum changes: a type private to
 * a TU (kernel/sched/fair.c's `struct lb_env`) moves members for every function of that TU and of
 * any `.c` that includes it, exactly as a header's would.
 */
export function sourceImages(parser: Parser, changes: FileChange[]): HeaderImages[] {
  return imagesOf(parser, changes, '.c')
}
