import { realpath, stat, readFile, open, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { readFileSync, existsSync, readdirSync, mkdirSync, writeFileSync, renameSync, rmSync, openSync, constants, fstatSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { h as compareAffected, o as compareDeclared, i as functionKey, p as declares, n as normalizePath, U as UNFOUND_HINT, b as append, q as partitionPoint, t as escapeRegExp, u as describeSymbol, v as knownScripts, x as computeAffected, y as baseName, z as maxOf, A as symbolRemoved, B as walkForward, f as evaluatePolicy, g as summarize, e as explainSymbol, V as VERSION, G as GRAPH_CACHE_SCHEMA, D as getDefaultExportFromCjs, E as mapEvery, F as loadDumpSet, H as makeSourceReader, I as prewarmScanThread, S as StageTimes, l as loadSets, J as generatedOf } from './cli-shared.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import 'node:zlib';
import 'node:os';
import 'node:worker_threads';

var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// src/constants.ts
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;

// src/lookahead_iterator.ts
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  language;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
  }
  /** Get the current symbol of the lookahead iterator. */
  get currentTypeId() {
    return C._ts_lookahead_iterator_current_symbol(this[0]);
  }
  /** Get the current symbol name of the lookahead iterator. */
  get currentType() {
    return this.language.types[this.currentTypeId] || "ERROR";
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    return Boolean(C._ts_lookahead_iterator_reset_state(this[0], stateId));
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        if (C._ts_lookahead_iterator_next(this[0])) {
          return { done: false, value: this.currentType };
        }
        return { done: true, value: "" };
      }, "next")
    };
  }
};

// src/tree.ts
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};

// src/tree_cursor.ts
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [2] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [3] = 0;
  // Internal handle for Wasm
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    const copy = new _TreeCursor(INTERNAL, this.tree);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    unmarshalTreeCursor(copy);
    return copy;
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this[0] = this[1] = this[2] = 0;
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns the index of the child node if one was found, and returns
   * `null` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
  }
};

// src/node.ts
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (const node_type of types) {
      if (node_type == "ERROR") {
        symbols.push(65535);
      }
    }
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    if (this.startIndex >= edit.oldEndIndex) {
      this.startIndex = edit.newEndIndex + (this.startIndex - edit.oldEndIndex);
      let subbedPointRow;
      let subbedPointColumn;
      if (this.startPosition.row > edit.oldEndPosition.row) {
        subbedPointRow = this.startPosition.row - edit.oldEndPosition.row;
        subbedPointColumn = this.startPosition.column;
      } else {
        subbedPointRow = 0;
        subbedPointColumn = this.startPosition.column;
        if (this.startPosition.column >= edit.oldEndPosition.column) {
          subbedPointColumn = this.startPosition.column - edit.oldEndPosition.column;
        }
      }
      if (subbedPointRow > 0) {
        this.startPosition.row += subbedPointRow;
        this.startPosition.column = subbedPointColumn;
      } else {
        this.startPosition.column += subbedPointColumn;
      }
    } else if (this.startIndex > edit.startIndex) {
      this.startIndex = edit.newEndIndex;
      this.startPosition.row = edit.newEndPosition.row;
      this.startPosition.column = edit.newEndPosition.column;
    }
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};

// src/marshal.ts
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor(cursor, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, cursor[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, cursor[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, cursor[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, cursor[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor(cursor) {
  cursor[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  cursor[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  cursor[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  cursor[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");

// src/query.ts
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
  }
  /** Delete the query, freeing its resources. */
  delete() {
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { pattern: patternIndex, patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the byte offset where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_start_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the byte offset where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_end_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if a given step in a query is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(byteIndex) {
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteIndex) === 1;
  }
};

// src/language.ts
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * @deprecated since version 0.25.0, use {@link Language#abiVersion} instead
   * Gets the version of the language.
   */
  get version() {
    return C._ts_language_version(this[0]);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    const address = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(address);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. Newly created lookahead iterators will return the `ERROR`
   * symbol from {@link LookaheadIterator#currentType}.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * @deprecated since version 0.25.0, call `new` on a {@link Query} instead
   *
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  query(source) {
    console.warn("Language.query is deprecated. Use new Query(language, source) instead.");
    return new Query(this, source);
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file or as a buffer.
   */
  static async load(input) {
    let bytes;
    if (input instanceof Uint8Array) {
      bytes = Promise.resolve(input);
    } else {
      if (globalThis.process?.versions.node) {
        const fs2 = await import('fs/promises');
        bytes = fs2.readFile(input);
      } else {
        bytes = fetch(input).then((response) => response.arrayBuffer().then((buffer) => {
          if (response.ok) {
            return new Uint8Array(buffer);
          } else {
            const body2 = new TextDecoder("utf-8").decode(buffer);
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
        }));
      }
    }
    const mod = await C.loadWebAssemblyModule(await bytes, { loadAsync: true });
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in WASM file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error("Language.load failed: no language function found in WASM file");
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
};

// lib/tree-sitter.mjs
var Module2 = (() => {
  var _scriptName = import.meta.url;
  return async function(moduleArg = {}) {
    var moduleRtn;
    var Module = moduleArg;
    var readyPromiseResolve, readyPromiseReject;
    var readyPromise = new Promise((resolve, reject) => {
      readyPromiseResolve = resolve;
      readyPromiseReject = reject;
    });
    var ENVIRONMENT_IS_WEB = typeof window == "object";
    var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
    var ENVIRONMENT_IS_NODE = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string" && process.type != "renderer";
    if (ENVIRONMENT_IS_NODE) {
      const { createRequire } = await import('module');
      var require = createRequire(import.meta.url);
    }
    Module.currentQueryProgressCallback = null;
    Module.currentProgressCallback = null;
    Module.currentLogCallback = null;
    Module.currentParseCallback = null;
    var moduleOverrides = Object.assign({}, Module);
    var arguments_ = [];
    var thisProgram = "./this.program";
    var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      throw toThrow;
    }, "quit_");
    var scriptDirectory = "";
    function locateFile(path) {
      if (Module["locateFile"]) {
        return Module["locateFile"](path, scriptDirectory);
      }
      return scriptDirectory + path;
    }
    __name(locateFile, "locateFile");
    var readAsync, readBinary;
    if (ENVIRONMENT_IS_NODE) {
      var fs = require("fs");
      var nodePath = require("path");
      if (!import.meta.url.startsWith("data:")) {
        scriptDirectory = nodePath.dirname(require("url").fileURLToPath(import.meta.url)) + "/";
      }
      readBinary = /* @__PURE__ */ __name((filename) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename);
        return ret;
      }, "readBinary");
      readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
        return ret;
      }, "readAsync");
      if (!Module["thisProgram"] && process.argv.length > 1) {
        thisProgram = process.argv[1].replace(/\\/g, "/");
      }
      arguments_ = process.argv.slice(2);
      quit_ = /* @__PURE__ */ __name((status, toThrow) => {
        process.exitCode = status;
        throw toThrow;
      }, "quit_");
    } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
      if (ENVIRONMENT_IS_WORKER) {
        scriptDirectory = self.location.href;
      } else if (typeof document != "undefined" && document.currentScript) {
        scriptDirectory = document.currentScript.src;
      }
      if (_scriptName) {
        scriptDirectory = _scriptName;
      }
      if (scriptDirectory.startsWith("blob:")) {
        scriptDirectory = "";
      } else {
        scriptDirectory = scriptDirectory.slice(0, scriptDirectory.replace(/[?#].*/, "").lastIndexOf("/") + 1);
      }
      {
        if (ENVIRONMENT_IS_WORKER) {
          readBinary = /* @__PURE__ */ __name((url) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, false);
            xhr.responseType = "arraybuffer";
            xhr.send(null);
            return new Uint8Array(
              /** @type{!ArrayBuffer} */
              xhr.response
            );
          }, "readBinary");
        }
        readAsync = /* @__PURE__ */ __name(async (url) => {
          if (isFileURI(url)) {
            return new Promise((resolve, reject) => {
              var xhr = new XMLHttpRequest();
              xhr.open("GET", url, true);
              xhr.responseType = "arraybuffer";
              xhr.onload = () => {
                if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                  resolve(xhr.response);
                  return;
                }
                reject(xhr.status);
              };
              xhr.onerror = reject;
              xhr.send(null);
            });
          }
          var response = await fetch(url, {
            credentials: "same-origin"
          });
          if (response.ok) {
            return response.arrayBuffer();
          }
          throw new Error(response.status + " : " + response.url);
        }, "readAsync");
      }
    } else ;
    var out = Module["print"] || console.log.bind(console);
    var err = Module["printErr"] || console.error.bind(console);
    Object.assign(Module, moduleOverrides);
    moduleOverrides = null;
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    var dynamicLibraries = Module["dynamicLibraries"] || [];
    var wasmBinary = Module["wasmBinary"];
    var wasmMemory;
    var ABORT = false;
    var EXITSTATUS;
    function assert(condition, text) {
      if (!condition) {
        abort(text);
      }
    }
    __name(assert, "assert");
    var HEAP8, HEAPU8, HEAP64;
    var HEAP_DATA_VIEW;
    var runtimeInitialized = false;
    var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
    function updateMemoryViews() {
      var b = wasmMemory.buffer;
      Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
      Module["HEAP8"] = HEAP8 = new Int8Array(b);
      Module["HEAP16"] = new Int16Array(b);
      Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
      Module["HEAPU16"] = new Uint16Array(b);
      Module["HEAP32"] = new Int32Array(b);
      Module["HEAPU32"] = new Uint32Array(b);
      Module["HEAPF32"] = new Float32Array(b);
      Module["HEAPF64"] = new Float64Array(b);
      Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
      Module["HEAPU64"] = new BigUint64Array(b);
    }
    __name(updateMemoryViews, "updateMemoryViews");
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
    var __RELOC_FUNCS__ = [];
    function preRun() {
      if (Module["preRun"]) {
        if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
        while (Module["preRun"].length) {
          addOnPreRun(Module["preRun"].shift());
        }
      }
      callRuntimeCallbacks(onPreRuns);
    }
    __name(preRun, "preRun");
    function initRuntime() {
      runtimeInitialized = true;
      callRuntimeCallbacks(__RELOC_FUNCS__);
      wasmExports["__wasm_call_ctors"]();
      callRuntimeCallbacks(onPostCtors);
    }
    __name(initRuntime, "initRuntime");
    function preMain() {
    }
    __name(preMain, "preMain");
    function postRun() {
      if (Module["postRun"]) {
        if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
        while (Module["postRun"].length) {
          addOnPostRun(Module["postRun"].shift());
        }
      }
      callRuntimeCallbacks(onPostRuns);
    }
    __name(postRun, "postRun");
    var runDependencies = 0;
    var dependenciesFulfilled = null;
    function getUniqueRunDependency(id) {
      return id;
    }
    __name(getUniqueRunDependency, "getUniqueRunDependency");
    function addRunDependency(id) {
      runDependencies++;
      Module["monitorRunDependencies"]?.(runDependencies);
    }
    __name(addRunDependency, "addRunDependency");
    function removeRunDependency(id) {
      runDependencies--;
      Module["monitorRunDependencies"]?.(runDependencies);
      if (runDependencies == 0) {
        if (dependenciesFulfilled) {
          var callback = dependenciesFulfilled;
          dependenciesFulfilled = null;
          callback();
        }
      }
    }
    __name(removeRunDependency, "removeRunDependency");
    function abort(what) {
      Module["onAbort"]?.(what);
      what = "Aborted(" + what + ")";
      err(what);
      ABORT = true;
      what += ". Build with -sASSERTIONS for more info.";
      var e = new WebAssembly.RuntimeError(what);
      readyPromiseReject(e);
      throw e;
    }
    __name(abort, "abort");
    var wasmBinaryFile;
    function findWasmBinary() {
      if (Module["locateFile"]) {
        return locateFile("tree-sitter.wasm");
      }
      return new URL("tree-sitter.wasm", import.meta.url).href;
    }
    __name(findWasmBinary, "findWasmBinary");
    function getBinarySync(file) {
      if (file == wasmBinaryFile && wasmBinary) {
        return new Uint8Array(wasmBinary);
      }
      if (readBinary) {
        return readBinary(file);
      }
      throw "both async and sync fetching of the wasm failed";
    }
    __name(getBinarySync, "getBinarySync");
    async function getWasmBinary(binaryFile) {
      if (!wasmBinary) {
        try {
          var response = await readAsync(binaryFile);
          return new Uint8Array(response);
        } catch {
        }
      }
      return getBinarySync(binaryFile);
    }
    __name(getWasmBinary, "getWasmBinary");
    async function instantiateArrayBuffer(binaryFile, imports) {
      try {
        var binary2 = await getWasmBinary(binaryFile);
        var instance2 = await WebAssembly.instantiate(binary2, imports);
        return instance2;
      } catch (reason) {
        err(`failed to asynchronously prepare wasm: ${reason}`);
        abort(reason);
      }
    }
    __name(instantiateArrayBuffer, "instantiateArrayBuffer");
    async function instantiateAsync(binary2, binaryFile, imports) {
      if (!binary2 && typeof WebAssembly.instantiateStreaming == "function" && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
        try {
          var response = fetch(binaryFile, {
            credentials: "same-origin"
          });
          var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
          return instantiationResult;
        } catch (reason) {
          err(`wasm streaming compile failed: ${reason}`);
          err("falling back to ArrayBuffer instantiation");
        }
      }
      return instantiateArrayBuffer(binaryFile, imports);
    }
    __name(instantiateAsync, "instantiateAsync");
    function getWasmImports() {
      return {
        "env": wasmImports,
        "wasi_snapshot_preview1": wasmImports,
        "GOT.mem": new Proxy(wasmImports, GOTHandler),
        "GOT.func": new Proxy(wasmImports, GOTHandler)
      };
    }
    __name(getWasmImports, "getWasmImports");
    async function createWasm() {
      function receiveInstance(instance2, module2) {
        wasmExports = instance2.exports;
        wasmExports = relocateExports(wasmExports, 1024);
        var metadata2 = getDylinkMetadata(module2);
        if (metadata2.neededDynlibs) {
          dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
        }
        mergeLibSymbols(wasmExports, "main");
        LDSO.init();
        loadDylibs();
        __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
        removeRunDependency();
        return wasmExports;
      }
      __name(receiveInstance, "receiveInstance");
      addRunDependency();
      function receiveInstantiationResult(result2) {
        return receiveInstance(result2["instance"], result2["module"]);
      }
      __name(receiveInstantiationResult, "receiveInstantiationResult");
      var info2 = getWasmImports();
      if (Module["instantiateWasm"]) {
        return new Promise((resolve, reject) => {
          Module["instantiateWasm"](info2, (mod, inst) => {
            receiveInstance(mod, inst);
            resolve(mod.exports);
          });
        });
      }
      wasmBinaryFile ??= findWasmBinary();
      try {
        var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
        var exports = receiveInstantiationResult(result);
        return exports;
      } catch (e) {
        readyPromiseReject(e);
        return Promise.reject(e);
      }
    }
    __name(createWasm, "createWasm");
    class ExitStatus {
      static {
        __name(this, "ExitStatus");
      }
      name = "ExitStatus";
      constructor(status) {
        this.message = `Program terminated with exit(${status})`;
        this.status = status;
      }
    }
    var GOT = {};
    var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
    var GOTHandler = {
      get(obj, symName) {
        var rtn = GOT[symName];
        if (!rtn) {
          rtn = GOT[symName] = new WebAssembly.Global({
            "value": "i32",
            "mutable": true
          });
        }
        if (!currentModuleWeakSymbols.has(symName)) {
          rtn.required = true;
        }
        return rtn;
      }
    };
    var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
    var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
    var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
    var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
    var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
    var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
    var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
    var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
    var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
    var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
    var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
      while (callbacks.length > 0) {
        callbacks.shift()(Module);
      }
    }, "callRuntimeCallbacks");
    var onPostRuns = [];
    var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.unshift(cb), "addOnPostRun");
    var onPreRuns = [];
    var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.unshift(cb), "addOnPreRun");
    var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
    var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead = NaN) => {
      var endIdx = idx + maxBytesToRead;
      var endPtr = idx;
      while (heapOrArray[endPtr] && !(endPtr >= endIdx)) ++endPtr;
      if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
        return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
      }
      var str = "";
      while (idx < endPtr) {
        var u0 = heapOrArray[idx++];
        if (!(u0 & 128)) {
          str += String.fromCharCode(u0);
          continue;
        }
        var u1 = heapOrArray[idx++] & 63;
        if ((u0 & 224) == 192) {
          str += String.fromCharCode((u0 & 31) << 6 | u1);
          continue;
        }
        var u2 = heapOrArray[idx++] & 63;
        if ((u0 & 240) == 224) {
          u0 = (u0 & 15) << 12 | u1 << 6 | u2;
        } else {
          u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
        }
        if (u0 < 65536) {
          str += String.fromCharCode(u0);
        } else {
          var ch = u0 - 65536;
          str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
        }
      }
      return str;
    }, "UTF8ArrayToString");
    var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
      var offset = 0;
      var end = 0;
      function getU8() {
        return binary2[offset++];
      }
      __name(getU8, "getU8");
      function getLEB() {
        var ret = 0;
        var mul = 1;
        while (1) {
          var byte = binary2[offset++];
          ret += (byte & 127) * mul;
          mul *= 128;
          if (!(byte & 128)) break;
        }
        return ret;
      }
      __name(getLEB, "getLEB");
      function getString() {
        var len = getLEB();
        offset += len;
        return UTF8ArrayToString(binary2, offset - len, len);
      }
      __name(getString, "getString");
      function failIf(condition, message) {
        if (condition) throw new Error(message);
      }
      __name(failIf, "failIf");
      var name2 = "dylink.0";
      if (binary2 instanceof WebAssembly.Module) {
        var dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        if (dylinkSection.length === 0) {
          name2 = "dylink";
          dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        }
        failIf(dylinkSection.length === 0, "need dylink section");
        binary2 = new Uint8Array(dylinkSection[0]);
        end = binary2.length;
      } else {
        var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
        var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
        failIf(!magicNumberFound, "need to see wasm magic number");
        failIf(binary2[8] !== 0, "need the dylink section to be first");
        offset = 9;
        var section_size = getLEB();
        end = offset + section_size;
        name2 = getString();
      }
      var customSection = {
        neededDynlibs: [],
        tlsExports: /* @__PURE__ */ new Set(),
        weakImports: /* @__PURE__ */ new Set()
      };
      if (name2 == "dylink") {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
        var neededDynlibsCount = getLEB();
        for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
          var libname = getString();
          customSection.neededDynlibs.push(libname);
        }
      } else {
        failIf(name2 !== "dylink.0");
        var WASM_DYLINK_MEM_INFO = 1;
        var WASM_DYLINK_NEEDED = 2;
        var WASM_DYLINK_EXPORT_INFO = 3;
        var WASM_DYLINK_IMPORT_INFO = 4;
        var WASM_SYMBOL_TLS = 256;
        var WASM_SYMBOL_BINDING_MASK = 3;
        var WASM_SYMBOL_BINDING_WEAK = 1;
        while (offset < end) {
          var subsectionType = getU8();
          var subsectionSize = getLEB();
          if (subsectionType === WASM_DYLINK_MEM_INFO) {
            customSection.memorySize = getLEB();
            customSection.memoryAlign = getLEB();
            customSection.tableSize = getLEB();
            customSection.tableAlign = getLEB();
          } else if (subsectionType === WASM_DYLINK_NEEDED) {
            var neededDynlibsCount = getLEB();
            for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
              libname = getString();
              customSection.neededDynlibs.push(libname);
            }
          } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var symname = getString();
              var flags2 = getLEB();
              if (flags2 & WASM_SYMBOL_TLS) {
                customSection.tlsExports.add(symname);
              }
            }
          } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
            var count = getLEB();
            while (count--) {
              getString();
              var symname = getString();
              var flags2 = getLEB();
              if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                customSection.weakImports.add(symname);
              }
            }
          } else {
            offset += subsectionSize;
          }
        }
      }
      return customSection;
    }, "getDylinkMetadata");
    function getValue(ptr, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          return HEAP8[ptr];
        case "i8":
          return HEAP8[ptr];
        case "i16":
          return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
        case "i32":
          return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
        case "i64":
          return HEAP64[ptr >> 3];
        case "float":
          return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
        case "double":
          return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
        case "*":
          return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
        default:
          abort(`invalid type for getValue: ${type}`);
      }
    }
    __name(getValue, "getValue");
    var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
      var dso = {
        refcount: Infinity,
        name: name2,
        exports: syms,
        global: true
      };
      LDSO.loadedLibsByName[name2] = dso;
      if (handle2 != void 0) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return dso;
    }, "newDSO");
    var LDSO = {
      loadedLibsByName: {},
      loadedLibsByHandle: {},
      init() {
        newDSO("__main__", 0, wasmImports);
      }
    };
    var ___heap_base = 78224;
    var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
    var getMemory = /* @__PURE__ */ __name((size) => {
      if (runtimeInitialized) {
        return _calloc(size, 1);
      }
      var ret = ___heap_base;
      var end = ret + alignMemory(size, 16);
      ___heap_base = end;
      GOT["__heap_base"].value = end;
      return ret;
    }, "getMemory");
    var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
    var uleb128Encode = /* @__PURE__ */ __name((n, target) => {
      if (n < 128) {
        target.push(n);
      } else {
        target.push(n % 128 | 128, n >> 7);
      }
    }, "uleb128Encode");
    var sigToWasmTypes = /* @__PURE__ */ __name((sig) => {
      var typeNames = {
        "i": "i32",
        "j": "i64",
        "f": "f32",
        "d": "f64",
        "e": "externref",
        "p": "i32"
      };
      var type = {
        parameters: [],
        results: sig[0] == "v" ? [] : [typeNames[sig[0]]]
      };
      for (var i2 = 1; i2 < sig.length; ++i2) {
        type.parameters.push(typeNames[sig[i2]]);
      }
      return type;
    }, "sigToWasmTypes");
    var generateFuncType = /* @__PURE__ */ __name((sig, target) => {
      var sigRet = sig.slice(0, 1);
      var sigParam = sig.slice(1);
      var typeCodes = {
        "i": 127,
        // i32
        "p": 127,
        // i32
        "j": 126,
        // i64
        "f": 125,
        // f32
        "d": 124,
        // f64
        "e": 111
      };
      target.push(96);
      uleb128Encode(sigParam.length, target);
      for (var i2 = 0; i2 < sigParam.length; ++i2) {
        target.push(typeCodes[sigParam[i2]]);
      }
      if (sigRet == "v") {
        target.push(0);
      } else {
        target.push(1, typeCodes[sigRet]);
      }
    }, "generateFuncType");
    var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
      if (typeof WebAssembly.Function == "function") {
        return new WebAssembly.Function(sigToWasmTypes(sig), func2);
      }
      var typeSectionBody = [1];
      generateFuncType(sig, typeSectionBody);
      var bytes = [
        0,
        97,
        115,
        109,
        // magic ("\0asm")
        1,
        0,
        0,
        0,
        // version: 1
        1
      ];
      uleb128Encode(typeSectionBody.length, bytes);
      bytes.push(...typeSectionBody);
      bytes.push(
        2,
        7,
        // import section
        // (import "e" "f" (func 0 (type 0)))
        1,
        1,
        101,
        1,
        102,
        0,
        0,
        7,
        5,
        // export section
        // (export "f" (func 0 (type 0)))
        1,
        1,
        102,
        0,
        0
      );
      var module2 = new WebAssembly.Module(new Uint8Array(bytes));
      var instance2 = new WebAssembly.Instance(module2, {
        "e": {
          "f": func2
        }
      });
      var wrappedFunc = instance2.exports["f"];
      return wrappedFunc;
    }, "convertJsFunctionToWasm");
    var wasmTableMirror = [];
    var wasmTable = new WebAssembly.Table({
      "initial": 31,
      "element": "anyfunc"
    });
    var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
      var func2 = wasmTableMirror[funcPtr];
      if (!func2) {
        if (funcPtr >= wasmTableMirror.length) wasmTableMirror.length = funcPtr + 1;
        wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
      }
      return func2;
    }, "getWasmTableEntry");
    var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
      if (functionsInTableMap) {
        for (var i2 = offset; i2 < offset + count; i2++) {
          var item = getWasmTableEntry(i2);
          if (item) {
            functionsInTableMap.set(item, i2);
          }
        }
      }
    }, "updateTableMap");
    var functionsInTableMap;
    var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
      if (!functionsInTableMap) {
        functionsInTableMap = /* @__PURE__ */ new WeakMap();
        updateTableMap(0, wasmTable.length);
      }
      return functionsInTableMap.get(func2) || 0;
    }, "getFunctionAddress");
    var freeTableIndexes = [];
    var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
      if (freeTableIndexes.length) {
        return freeTableIndexes.pop();
      }
      try {
        wasmTable.grow(1);
      } catch (err2) {
        if (!(err2 instanceof RangeError)) {
          throw err2;
        }
        throw "Unable to grow wasm table. Set ALLOW_TABLE_GROWTH.";
      }
      return wasmTable.length - 1;
    }, "getEmptyTableSlot");
    var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
      wasmTable.set(idx, func2);
      wasmTableMirror[idx] = wasmTable.get(idx);
    }, "setWasmTableEntry");
    var addFunction = /* @__PURE__ */ __name((func2, sig) => {
      var rtn = getFunctionAddress(func2);
      if (rtn) {
        return rtn;
      }
      var ret = getEmptyTableSlot();
      try {
        setWasmTableEntry(ret, func2);
      } catch (err2) {
        if (!(err2 instanceof TypeError)) {
          throw err2;
        }
        var wrapped = convertJsFunctionToWasm(func2, sig);
        setWasmTableEntry(ret, wrapped);
      }
      functionsInTableMap.set(func2, ret);
      return ret;
    }, "addFunction");
    var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
      for (var symName in exports) {
        if (isInternalSym(symName)) {
          continue;
        }
        var value = exports[symName];
        GOT[symName] ||= new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
        if (replace || GOT[symName].value == 0) {
          if (typeof value == "function") {
            GOT[symName].value = addFunction(value);
          } else if (typeof value == "number") {
            GOT[symName].value = value;
          } else {
            err(`unhandled export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "updateGOT");
    var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
      var relocated = {};
      for (var e in exports) {
        var value = exports[e];
        if (typeof value == "object") {
          value = value.value;
        }
        if (typeof value == "number") {
          value += memoryBase2;
        }
        relocated[e] = value;
      }
      updateGOT(relocated, replace);
      return relocated;
    }, "relocateExports");
    var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
      var existing = wasmImports[symName];
      if (!existing || existing.stub) {
        return false;
      }
      return true;
    }, "isSymbolDefined");
    var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = []) => {
      var rtn = getWasmTableEntry(ptr)(...args2);
      return rtn;
    }, "dynCall");
    var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
    var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
    var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
      var sp = stackSave();
      try {
        return dynCall(sig, ptr, args2);
      } catch (e) {
        stackRestore(sp);
        if (e !== e + 0) throw e;
        _setThrew(1, 0);
        if (sig[0] == "j") return 0n;
      }
    }, "createInvokeFunction");
    var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
      var sym;
      if (isSymbolDefined(symName)) {
        sym = wasmImports[symName];
      } else if (symName.startsWith("invoke_")) {
        sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
      }
      return {
        sym,
        name: symName
      };
    }, "resolveGlobalSymbol");
    var onPostCtors = [];
    var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.unshift(cb), "addOnPostCtor");
    var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead) : "", "UTF8ToString");
    var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
      var metadata = getDylinkMetadata(binary);
      currentModuleWeakSymbols = metadata.weakImports;
      function loadModule() {
        var memAlign = Math.pow(2, metadata.memoryAlign);
        var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
        var tableBase = metadata.tableSize ? wasmTable.length : 0;
        if (handle) {
          HEAP8[handle + 8] = 1;
          LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
          LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
          LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
          LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
        }
        if (metadata.tableSize) {
          wasmTable.grow(metadata.tableSize);
        }
        var moduleExports;
        function resolveSymbol(sym) {
          var resolved = resolveGlobalSymbol(sym).sym;
          if (!resolved && localScope) {
            resolved = localScope[sym];
          }
          if (!resolved) {
            resolved = moduleExports[sym];
          }
          return resolved;
        }
        __name(resolveSymbol, "resolveSymbol");
        var proxyHandler = {
          get(stubs, prop) {
            switch (prop) {
              case "__memory_base":
                return memoryBase;
              case "__table_base":
                return tableBase;
            }
            if (prop in wasmImports && !wasmImports[prop].stub) {
              var res = wasmImports[prop];
              return res;
            }
            if (!(prop in stubs)) {
              var resolved;
              stubs[prop] = (...args2) => {
                resolved ||= resolveSymbol(prop);
                return resolved(...args2);
              };
            }
            return stubs[prop];
          }
        };
        var proxy = new Proxy({}, proxyHandler);
        var info = {
          "GOT.mem": new Proxy({}, GOTHandler),
          "GOT.func": new Proxy({}, GOTHandler),
          "env": proxy,
          "wasi_snapshot_preview1": proxy
        };
        function postInstantiation(module, instance) {
          updateTableMap(tableBase, metadata.tableSize);
          moduleExports = relocateExports(instance.exports, memoryBase);
          if (!flags.allowUndefined) {
            reportUndefinedSymbols();
          }
          function addEmAsm(addr, body) {
            var args = [];
            var arity = 0;
            for (; arity < 16; arity++) {
              if (body.indexOf("$" + arity) != -1) {
                args.push("$" + arity);
              } else {
                break;
              }
            }
            args = args.join(",");
            var func = `(${args}) => { ${body} };`;
            eval(func);
          }
          __name(addEmAsm, "addEmAsm");
          if ("__start_em_asm" in moduleExports) {
            var start = moduleExports["__start_em_asm"];
            var stop = moduleExports["__stop_em_asm"];
            while (start < stop) {
              var jsString = UTF8ToString(start);
              addEmAsm(start, jsString);
              start = HEAPU8.indexOf(0, start) + 1;
            }
          }
          function addEmJs(name, cSig, body) {
            var jsArgs = [];
            cSig = cSig.slice(1, -1);
            if (cSig != "void") {
              cSig = cSig.split(",");
              for (var i in cSig) {
                var jsArg = cSig[i].split(" ").pop();
                jsArgs.push(jsArg.replace("*", ""));
              }
            }
            var func = `(${jsArgs}) => ${body};`;
            moduleExports[name] = eval(func);
          }
          __name(addEmJs, "addEmJs");
          for (var name in moduleExports) {
            if (name.startsWith("__em_js__")) {
              var start = moduleExports[name];
              var jsString = UTF8ToString(start);
              var parts = jsString.split("<::>");
              addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
              delete moduleExports[name];
            }
          }
          var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
          if (applyRelocs) {
            if (runtimeInitialized) {
              applyRelocs();
            } else {
              __RELOC_FUNCS__.push(applyRelocs);
            }
          }
          var init = moduleExports["__wasm_call_ctors"];
          if (init) {
            if (runtimeInitialized) {
              init();
            } else {
              addOnPostCtor(init);
            }
          }
          return moduleExports;
        }
        __name(postInstantiation, "postInstantiation");
        if (flags.loadAsync) {
          if (binary instanceof WebAssembly.Module) {
            var instance = new WebAssembly.Instance(binary, info);
            return Promise.resolve(postInstantiation(binary, instance));
          }
          return WebAssembly.instantiate(binary, info).then((result) => postInstantiation(result.module, result.instance));
        }
        var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
        var instance = new WebAssembly.Instance(module, info);
        return postInstantiation(module, instance);
      }
      __name(loadModule, "loadModule");
      if (flags.loadAsync) {
        return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
      }
      metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
      return loadModule();
    }, "loadWebAssemblyModule");
    var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
      for (var [sym, exp] of Object.entries(exports)) {
        const setImport = /* @__PURE__ */ __name((target) => {
          if (!isSymbolDefined(target)) {
            wasmImports[target] = exp;
          }
        }, "setImport");
        setImport(sym);
        const main_alias = "__main_argc_argv";
        if (sym == "main") {
          setImport(main_alias);
        }
        if (sym == main_alias) {
          setImport("main");
        }
      }
    }, "mergeLibSymbols");
    var asyncLoad = /* @__PURE__ */ __name(async (url) => {
      var arrayBuffer = await readAsync(url);
      return new Uint8Array(arrayBuffer);
    }, "asyncLoad");
    function loadDynamicLibrary(libName2, flags2 = {
      global: true,
      nodelete: true
    }, localScope2, handle2) {
      var dso = LDSO.loadedLibsByName[libName2];
      if (dso) {
        if (!flags2.global) {
          if (localScope2) {
            Object.assign(localScope2, dso.exports);
          }
        } else if (!dso.global) {
          dso.global = true;
          mergeLibSymbols(dso.exports, libName2);
        }
        if (flags2.nodelete && dso.refcount !== Infinity) {
          dso.refcount = Infinity;
        }
        dso.refcount++;
        if (handle2) {
          LDSO.loadedLibsByHandle[handle2] = dso;
        }
        return flags2.loadAsync ? Promise.resolve(true) : true;
      }
      dso = newDSO(libName2, handle2, "loading");
      dso.refcount = flags2.nodelete ? Infinity : 1;
      dso.global = flags2.global;
      function loadLibData() {
        if (handle2) {
          var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
          var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
          if (data && dataSize) {
            var libData = HEAP8.slice(data, data + dataSize);
            return flags2.loadAsync ? Promise.resolve(libData) : libData;
          }
        }
        var libFile = locateFile(libName2);
        if (flags2.loadAsync) {
          return asyncLoad(libFile);
        }
        if (!readBinary) {
          throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
        }
        return readBinary(libFile);
      }
      __name(loadLibData, "loadLibData");
      function getExports() {
        if (flags2.loadAsync) {
          return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
        }
        return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
      }
      __name(getExports, "getExports");
      function moduleLoaded(exports) {
        if (dso.global) {
          mergeLibSymbols(exports, libName2);
        } else if (localScope2) {
          Object.assign(localScope2, exports);
        }
        dso.exports = exports;
      }
      __name(moduleLoaded, "moduleLoaded");
      if (flags2.loadAsync) {
        return getExports().then((exports) => {
          moduleLoaded(exports);
          return true;
        });
      }
      moduleLoaded(getExports());
      return true;
    }
    __name(loadDynamicLibrary, "loadDynamicLibrary");
    var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
      for (var [symName, entry] of Object.entries(GOT)) {
        if (entry.value == 0) {
          var value = resolveGlobalSymbol(symName, true).sym;
          if (!value && !entry.required) {
            continue;
          }
          if (typeof value == "function") {
            entry.value = addFunction(value, value.sig);
          } else if (typeof value == "number") {
            entry.value = value;
          } else {
            throw new Error(`bad export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "reportUndefinedSymbols");
    var loadDylibs = /* @__PURE__ */ __name(() => {
      if (!dynamicLibraries.length) {
        reportUndefinedSymbols();
        return;
      }
      addRunDependency();
      dynamicLibraries.reduce((chain, lib) => chain.then(() => loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      })), Promise.resolve()).then(() => {
        reportUndefinedSymbols();
        removeRunDependency();
      });
    }, "loadDylibs");
    var noExitRuntime = Module["noExitRuntime"] || true;
    function setValue(ptr, value, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          HEAP8[ptr] = value;
          break;
        case "i8":
          HEAP8[ptr] = value;
          break;
        case "i16":
          LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
          break;
        case "i32":
          LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
          break;
        case "i64":
          HEAP64[ptr >> 3] = BigInt(value);
          break;
        case "float":
          LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
          break;
        case "double":
          LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
          break;
        case "*":
          LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
          break;
        default:
          abort(`invalid type for setValue: ${type}`);
      }
    }
    __name(setValue, "setValue");
    var ___memory_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1024);
    var ___stack_pointer = new WebAssembly.Global({
      "value": "i32",
      "mutable": true
    }, 78224);
    var ___table_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1);
    var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
    __abort_js.sig = "v";
    var _emscripten_get_now = /* @__PURE__ */ __name(() => performance.now(), "_emscripten_get_now");
    _emscripten_get_now.sig = "d";
    var _emscripten_date_now = /* @__PURE__ */ __name(() => Date.now(), "_emscripten_date_now");
    _emscripten_date_now.sig = "d";
    var checkWasiClock = /* @__PURE__ */ __name((clock_id) => clock_id >= 0 && clock_id <= 3, "checkWasiClock");
    var INT53_MAX = 9007199254740992;
    var INT53_MIN = -9007199254740992;
    var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
    function _clock_time_get(clk_id, ignored_precision, ptime) {
      ignored_precision = bigintToI53Checked(ignored_precision);
      if (!checkWasiClock(clk_id)) {
        return 28;
      }
      var now;
      if (clk_id === 0) {
        now = _emscripten_date_now();
      } else {
        now = _emscripten_get_now();
      }
      var nsec = Math.round(now * 1e3 * 1e3);
      HEAP64[ptime >> 3] = BigInt(nsec);
      return 0;
    }
    __name(_clock_time_get, "_clock_time_get");
    _clock_time_get.sig = "iijp";
    var getHeapMax = /* @__PURE__ */ __name(() => (
      // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
      // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
      // for any code that deals with heap sizes, which would require special
      // casing all heap size related code to treat 0 specially.
      2147483648
    ), "getHeapMax");
    var growMemory = /* @__PURE__ */ __name((size) => {
      var b = wasmMemory.buffer;
      var pages = (size - b.byteLength + 65535) / 65536 | 0;
      try {
        wasmMemory.grow(pages);
        updateMemoryViews();
        return 1;
      } catch (e) {
      }
    }, "growMemory");
    var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
      var oldSize = HEAPU8.length;
      requestedSize >>>= 0;
      var maxHeapSize = getHeapMax();
      if (requestedSize > maxHeapSize) {
        return false;
      }
      for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
        var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
        overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
        var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
        var replacement = growMemory(newSize);
        if (replacement) {
          return true;
        }
      }
      return false;
    }, "_emscripten_resize_heap");
    _emscripten_resize_heap.sig = "ip";
    var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
    _fd_close.sig = "ii";
    function _fd_seek(fd, offset, whence, newOffset) {
      offset = bigintToI53Checked(offset);
      return 70;
    }
    __name(_fd_seek, "_fd_seek");
    _fd_seek.sig = "iijip";
    var printCharBuffers = [null, [], []];
    var printChar = /* @__PURE__ */ __name((stream, curr) => {
      var buffer = printCharBuffers[stream];
      if (curr === 0 || curr === 10) {
        (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
        buffer.length = 0;
      } else {
        buffer.push(curr);
      }
    }, "printChar");
    var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
      var num = 0;
      for (var i2 = 0; i2 < iovcnt; i2++) {
        var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
        var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
        iov += 8;
        for (var j = 0; j < len; j++) {
          printChar(fd, HEAPU8[ptr + j]);
        }
        num += len;
      }
      LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
      return 0;
    }, "_fd_write");
    _fd_write.sig = "iippp";
    function _tree_sitter_log_callback(isLexMessage, messageAddress) {
      if (Module.currentLogCallback) {
        const message = UTF8ToString(messageAddress);
        Module.currentLogCallback(message, isLexMessage !== 0);
      }
    }
    __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
    function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
      const INPUT_BUFFER_SIZE = 10 * 1024;
      const string = Module.currentParseCallback(index, {
        row,
        column
      });
      if (typeof string === "string") {
        setValue(lengthAddress, string.length, "i32");
        stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
      } else {
        setValue(lengthAddress, 0, "i32");
      }
    }
    __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
    function _tree_sitter_progress_callback(currentOffset, hasError) {
      if (Module.currentProgressCallback) {
        return Module.currentProgressCallback({
          currentOffset,
          hasError
        });
      }
      return false;
    }
    __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
    function _tree_sitter_query_progress_callback(currentOffset) {
      if (Module.currentQueryProgressCallback) {
        return Module.currentQueryProgressCallback({
          currentOffset
        });
      }
      return false;
    }
    __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
    var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime, "keepRuntimeAlive");
    var _proc_exit = /* @__PURE__ */ __name((code) => {
      EXITSTATUS = code;
      if (!keepRuntimeAlive()) {
        Module["onExit"]?.(code);
        ABORT = true;
      }
      quit_(code, new ExitStatus(code));
    }, "_proc_exit");
    _proc_exit.sig = "vi";
    var exitJS = /* @__PURE__ */ __name((status, implicit) => {
      EXITSTATUS = status;
      _proc_exit(status);
    }, "exitJS");
    var handleException = /* @__PURE__ */ __name((e) => {
      if (e instanceof ExitStatus || e == "unwind") {
        return EXITSTATUS;
      }
      quit_(1, e);
    }, "handleException");
    var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
      var len = 0;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var c = str.charCodeAt(i2);
        if (c <= 127) {
          len++;
        } else if (c <= 2047) {
          len += 2;
        } else if (c >= 55296 && c <= 57343) {
          len += 4;
          ++i2;
        } else {
          len += 3;
        }
      }
      return len;
    }, "lengthBytesUTF8");
    var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
      if (!(maxBytesToWrite > 0)) return 0;
      var startIdx = outIdx;
      var endIdx = outIdx + maxBytesToWrite - 1;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var u = str.charCodeAt(i2);
        if (u >= 55296 && u <= 57343) {
          var u1 = str.charCodeAt(++i2);
          u = 65536 + ((u & 1023) << 10) | u1 & 1023;
        }
        if (u <= 127) {
          if (outIdx >= endIdx) break;
          heap[outIdx++] = u;
        } else if (u <= 2047) {
          if (outIdx + 1 >= endIdx) break;
          heap[outIdx++] = 192 | u >> 6;
          heap[outIdx++] = 128 | u & 63;
        } else if (u <= 65535) {
          if (outIdx + 2 >= endIdx) break;
          heap[outIdx++] = 224 | u >> 12;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        } else {
          if (outIdx + 3 >= endIdx) break;
          heap[outIdx++] = 240 | u >> 18;
          heap[outIdx++] = 128 | u >> 12 & 63;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        }
      }
      heap[outIdx] = 0;
      return outIdx - startIdx;
    }, "stringToUTF8Array");
    var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
    var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
    var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
      var size = lengthBytesUTF8(str) + 1;
      var ret = stackAlloc(size);
      stringToUTF8(str, ret, size);
      return ret;
    }, "stringToUTF8OnStack");
    var AsciiToString = /* @__PURE__ */ __name((ptr) => {
      var str = "";
      while (1) {
        var ch = HEAPU8[ptr++];
        if (!ch) return str;
        str += String.fromCharCode(ch);
      }
    }, "AsciiToString");
    var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
      maxBytesToWrite ??= 2147483647;
      if (maxBytesToWrite < 2) return 0;
      maxBytesToWrite -= 2;
      var startPtr = outPtr;
      var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
      for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
        var codeUnit = str.charCodeAt(i2);
        LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
        outPtr += 2;
      }
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
      return outPtr - startPtr;
    }, "stringToUTF16");
    var wasmImports = {
      /** @export */
      __heap_base: ___heap_base,
      /** @export */
      __indirect_function_table: wasmTable,
      /** @export */
      __memory_base: ___memory_base,
      /** @export */
      __stack_pointer: ___stack_pointer,
      /** @export */
      __table_base: ___table_base,
      /** @export */
      _abort_js: __abort_js,
      /** @export */
      clock_time_get: _clock_time_get,
      /** @export */
      emscripten_resize_heap: _emscripten_resize_heap,
      /** @export */
      fd_close: _fd_close,
      /** @export */
      fd_seek: _fd_seek,
      /** @export */
      fd_write: _fd_write,
      /** @export */
      memory: wasmMemory,
      /** @export */
      tree_sitter_log_callback: _tree_sitter_log_callback,
      /** @export */
      tree_sitter_parse_callback: _tree_sitter_parse_callback,
      /** @export */
      tree_sitter_progress_callback: _tree_sitter_progress_callback,
      /** @export */
      tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
    };
    var wasmExports = await createWasm();
    wasmExports["__wasm_call_ctors"];
    Module["_malloc"] = wasmExports["malloc"];
    var _calloc = Module["_calloc"] = wasmExports["calloc"];
    Module["_realloc"] = wasmExports["realloc"];
    Module["_free"] = wasmExports["free"];
    Module["_memcmp"] = wasmExports["memcmp"];
    Module["_ts_language_symbol_count"] = wasmExports["ts_language_symbol_count"];
    Module["_ts_language_state_count"] = wasmExports["ts_language_state_count"];
    Module["_ts_language_version"] = wasmExports["ts_language_version"];
    Module["_ts_language_abi_version"] = wasmExports["ts_language_abi_version"];
    Module["_ts_language_metadata"] = wasmExports["ts_language_metadata"];
    Module["_ts_language_name"] = wasmExports["ts_language_name"];
    Module["_ts_language_field_count"] = wasmExports["ts_language_field_count"];
    Module["_ts_language_next_state"] = wasmExports["ts_language_next_state"];
    Module["_ts_language_symbol_name"] = wasmExports["ts_language_symbol_name"];
    Module["_ts_language_symbol_for_name"] = wasmExports["ts_language_symbol_for_name"];
    Module["_strncmp"] = wasmExports["strncmp"];
    Module["_ts_language_symbol_type"] = wasmExports["ts_language_symbol_type"];
    Module["_ts_language_field_name_for_id"] = wasmExports["ts_language_field_name_for_id"];
    Module["_ts_lookahead_iterator_new"] = wasmExports["ts_lookahead_iterator_new"];
    Module["_ts_lookahead_iterator_delete"] = wasmExports["ts_lookahead_iterator_delete"];
    Module["_ts_lookahead_iterator_reset_state"] = wasmExports["ts_lookahead_iterator_reset_state"];
    Module["_ts_lookahead_iterator_reset"] = wasmExports["ts_lookahead_iterator_reset"];
    Module["_ts_lookahead_iterator_next"] = wasmExports["ts_lookahead_iterator_next"];
    Module["_ts_lookahead_iterator_current_symbol"] = wasmExports["ts_lookahead_iterator_current_symbol"];
    Module["_ts_parser_delete"] = wasmExports["ts_parser_delete"];
    Module["_ts_parser_reset"] = wasmExports["ts_parser_reset"];
    Module["_ts_parser_set_language"] = wasmExports["ts_parser_set_language"];
    Module["_ts_parser_timeout_micros"] = wasmExports["ts_parser_timeout_micros"];
    Module["_ts_parser_set_timeout_micros"] = wasmExports["ts_parser_set_timeout_micros"];
    Module["_ts_parser_set_included_ranges"] = wasmExports["ts_parser_set_included_ranges"];
    Module["_ts_query_new"] = wasmExports["ts_query_new"];
    Module["_ts_query_delete"] = wasmExports["ts_query_delete"];
    Module["_iswspace"] = wasmExports["iswspace"];
    Module["_iswalnum"] = wasmExports["iswalnum"];
    Module["_ts_query_pattern_count"] = wasmExports["ts_query_pattern_count"];
    Module["_ts_query_capture_count"] = wasmExports["ts_query_capture_count"];
    Module["_ts_query_string_count"] = wasmExports["ts_query_string_count"];
    Module["_ts_query_capture_name_for_id"] = wasmExports["ts_query_capture_name_for_id"];
    Module["_ts_query_capture_quantifier_for_id"] = wasmExports["ts_query_capture_quantifier_for_id"];
    Module["_ts_query_string_value_for_id"] = wasmExports["ts_query_string_value_for_id"];
    Module["_ts_query_predicates_for_pattern"] = wasmExports["ts_query_predicates_for_pattern"];
    Module["_ts_query_start_byte_for_pattern"] = wasmExports["ts_query_start_byte_for_pattern"];
    Module["_ts_query_end_byte_for_pattern"] = wasmExports["ts_query_end_byte_for_pattern"];
    Module["_ts_query_is_pattern_rooted"] = wasmExports["ts_query_is_pattern_rooted"];
    Module["_ts_query_is_pattern_non_local"] = wasmExports["ts_query_is_pattern_non_local"];
    Module["_ts_query_is_pattern_guaranteed_at_step"] = wasmExports["ts_query_is_pattern_guaranteed_at_step"];
    Module["_ts_query_disable_capture"] = wasmExports["ts_query_disable_capture"];
    Module["_ts_query_disable_pattern"] = wasmExports["ts_query_disable_pattern"];
    Module["_ts_tree_copy"] = wasmExports["ts_tree_copy"];
    Module["_ts_tree_delete"] = wasmExports["ts_tree_delete"];
    Module["_ts_init"] = wasmExports["ts_init"];
    Module["_ts_parser_new_wasm"] = wasmExports["ts_parser_new_wasm"];
    Module["_ts_parser_enable_logger_wasm"] = wasmExports["ts_parser_enable_logger_wasm"];
    Module["_ts_parser_parse_wasm"] = wasmExports["ts_parser_parse_wasm"];
    Module["_ts_parser_included_ranges_wasm"] = wasmExports["ts_parser_included_ranges_wasm"];
    Module["_ts_language_type_is_named_wasm"] = wasmExports["ts_language_type_is_named_wasm"];
    Module["_ts_language_type_is_visible_wasm"] = wasmExports["ts_language_type_is_visible_wasm"];
    Module["_ts_language_supertypes_wasm"] = wasmExports["ts_language_supertypes_wasm"];
    Module["_ts_language_subtypes_wasm"] = wasmExports["ts_language_subtypes_wasm"];
    Module["_ts_tree_root_node_wasm"] = wasmExports["ts_tree_root_node_wasm"];
    Module["_ts_tree_root_node_with_offset_wasm"] = wasmExports["ts_tree_root_node_with_offset_wasm"];
    Module["_ts_tree_edit_wasm"] = wasmExports["ts_tree_edit_wasm"];
    Module["_ts_tree_included_ranges_wasm"] = wasmExports["ts_tree_included_ranges_wasm"];
    Module["_ts_tree_get_changed_ranges_wasm"] = wasmExports["ts_tree_get_changed_ranges_wasm"];
    Module["_ts_tree_cursor_new_wasm"] = wasmExports["ts_tree_cursor_new_wasm"];
    Module["_ts_tree_cursor_copy_wasm"] = wasmExports["ts_tree_cursor_copy_wasm"];
    Module["_ts_tree_cursor_delete_wasm"] = wasmExports["ts_tree_cursor_delete_wasm"];
    Module["_ts_tree_cursor_reset_wasm"] = wasmExports["ts_tree_cursor_reset_wasm"];
    Module["_ts_tree_cursor_reset_to_wasm"] = wasmExports["ts_tree_cursor_reset_to_wasm"];
    Module["_ts_tree_cursor_goto_first_child_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_wasm"];
    Module["_ts_tree_cursor_goto_last_child_wasm"] = wasmExports["ts_tree_cursor_goto_last_child_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_index_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_position_wasm"];
    Module["_ts_tree_cursor_goto_next_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_next_sibling_wasm"];
    Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_previous_sibling_wasm"];
    Module["_ts_tree_cursor_goto_descendant_wasm"] = wasmExports["ts_tree_cursor_goto_descendant_wasm"];
    Module["_ts_tree_cursor_goto_parent_wasm"] = wasmExports["ts_tree_cursor_goto_parent_wasm"];
    Module["_ts_tree_cursor_current_node_type_id_wasm"] = wasmExports["ts_tree_cursor_current_node_type_id_wasm"];
    Module["_ts_tree_cursor_current_node_state_id_wasm"] = wasmExports["ts_tree_cursor_current_node_state_id_wasm"];
    Module["_ts_tree_cursor_current_node_is_named_wasm"] = wasmExports["ts_tree_cursor_current_node_is_named_wasm"];
    Module["_ts_tree_cursor_current_node_is_missing_wasm"] = wasmExports["ts_tree_cursor_current_node_is_missing_wasm"];
    Module["_ts_tree_cursor_current_node_id_wasm"] = wasmExports["ts_tree_cursor_current_node_id_wasm"];
    Module["_ts_tree_cursor_start_position_wasm"] = wasmExports["ts_tree_cursor_start_position_wasm"];
    Module["_ts_tree_cursor_end_position_wasm"] = wasmExports["ts_tree_cursor_end_position_wasm"];
    Module["_ts_tree_cursor_start_index_wasm"] = wasmExports["ts_tree_cursor_start_index_wasm"];
    Module["_ts_tree_cursor_end_index_wasm"] = wasmExports["ts_tree_cursor_end_index_wasm"];
    Module["_ts_tree_cursor_current_field_id_wasm"] = wasmExports["ts_tree_cursor_current_field_id_wasm"];
    Module["_ts_tree_cursor_current_depth_wasm"] = wasmExports["ts_tree_cursor_current_depth_wasm"];
    Module["_ts_tree_cursor_current_descendant_index_wasm"] = wasmExports["ts_tree_cursor_current_descendant_index_wasm"];
    Module["_ts_tree_cursor_current_node_wasm"] = wasmExports["ts_tree_cursor_current_node_wasm"];
    Module["_ts_node_symbol_wasm"] = wasmExports["ts_node_symbol_wasm"];
    Module["_ts_node_field_name_for_child_wasm"] = wasmExports["ts_node_field_name_for_child_wasm"];
    Module["_ts_node_field_name_for_named_child_wasm"] = wasmExports["ts_node_field_name_for_named_child_wasm"];
    Module["_ts_node_children_by_field_id_wasm"] = wasmExports["ts_node_children_by_field_id_wasm"];
    Module["_ts_node_first_child_for_byte_wasm"] = wasmExports["ts_node_first_child_for_byte_wasm"];
    Module["_ts_node_first_named_child_for_byte_wasm"] = wasmExports["ts_node_first_named_child_for_byte_wasm"];
    Module["_ts_node_grammar_symbol_wasm"] = wasmExports["ts_node_grammar_symbol_wasm"];
    Module["_ts_node_child_count_wasm"] = wasmExports["ts_node_child_count_wasm"];
    Module["_ts_node_named_child_count_wasm"] = wasmExports["ts_node_named_child_count_wasm"];
    Module["_ts_node_child_wasm"] = wasmExports["ts_node_child_wasm"];
    Module["_ts_node_named_child_wasm"] = wasmExports["ts_node_named_child_wasm"];
    Module["_ts_node_child_by_field_id_wasm"] = wasmExports["ts_node_child_by_field_id_wasm"];
    Module["_ts_node_next_sibling_wasm"] = wasmExports["ts_node_next_sibling_wasm"];
    Module["_ts_node_prev_sibling_wasm"] = wasmExports["ts_node_prev_sibling_wasm"];
    Module["_ts_node_next_named_sibling_wasm"] = wasmExports["ts_node_next_named_sibling_wasm"];
    Module["_ts_node_prev_named_sibling_wasm"] = wasmExports["ts_node_prev_named_sibling_wasm"];
    Module["_ts_node_descendant_count_wasm"] = wasmExports["ts_node_descendant_count_wasm"];
    Module["_ts_node_parent_wasm"] = wasmExports["ts_node_parent_wasm"];
    Module["_ts_node_child_with_descendant_wasm"] = wasmExports["ts_node_child_with_descendant_wasm"];
    Module["_ts_node_descendant_for_index_wasm"] = wasmExports["ts_node_descendant_for_index_wasm"];
    Module["_ts_node_named_descendant_for_index_wasm"] = wasmExports["ts_node_named_descendant_for_index_wasm"];
    Module["_ts_node_descendant_for_position_wasm"] = wasmExports["ts_node_descendant_for_position_wasm"];
    Module["_ts_node_named_descendant_for_position_wasm"] = wasmExports["ts_node_named_descendant_for_position_wasm"];
    Module["_ts_node_start_point_wasm"] = wasmExports["ts_node_start_point_wasm"];
    Module["_ts_node_end_point_wasm"] = wasmExports["ts_node_end_point_wasm"];
    Module["_ts_node_start_index_wasm"] = wasmExports["ts_node_start_index_wasm"];
    Module["_ts_node_end_index_wasm"] = wasmExports["ts_node_end_index_wasm"];
    Module["_ts_node_to_string_wasm"] = wasmExports["ts_node_to_string_wasm"];
    Module["_ts_node_children_wasm"] = wasmExports["ts_node_children_wasm"];
    Module["_ts_node_named_children_wasm"] = wasmExports["ts_node_named_children_wasm"];
    Module["_ts_node_descendants_of_type_wasm"] = wasmExports["ts_node_descendants_of_type_wasm"];
    Module["_ts_node_is_named_wasm"] = wasmExports["ts_node_is_named_wasm"];
    Module["_ts_node_has_changes_wasm"] = wasmExports["ts_node_has_changes_wasm"];
    Module["_ts_node_has_error_wasm"] = wasmExports["ts_node_has_error_wasm"];
    Module["_ts_node_is_error_wasm"] = wasmExports["ts_node_is_error_wasm"];
    Module["_ts_node_is_missing_wasm"] = wasmExports["ts_node_is_missing_wasm"];
    Module["_ts_node_is_extra_wasm"] = wasmExports["ts_node_is_extra_wasm"];
    Module["_ts_node_parse_state_wasm"] = wasmExports["ts_node_parse_state_wasm"];
    Module["_ts_node_next_parse_state_wasm"] = wasmExports["ts_node_next_parse_state_wasm"];
    Module["_ts_query_matches_wasm"] = wasmExports["ts_query_matches_wasm"];
    Module["_ts_query_captures_wasm"] = wasmExports["ts_query_captures_wasm"];
    Module["_memset"] = wasmExports["memset"];
    Module["_memcpy"] = wasmExports["memcpy"];
    Module["_memmove"] = wasmExports["memmove"];
    Module["_iswalpha"] = wasmExports["iswalpha"];
    Module["_iswblank"] = wasmExports["iswblank"];
    Module["_iswdigit"] = wasmExports["iswdigit"];
    Module["_iswlower"] = wasmExports["iswlower"];
    Module["_iswupper"] = wasmExports["iswupper"];
    Module["_iswxdigit"] = wasmExports["iswxdigit"];
    Module["_memchr"] = wasmExports["memchr"];
    Module["_strlen"] = wasmExports["strlen"];
    Module["_strcmp"] = wasmExports["strcmp"];
    Module["_strncat"] = wasmExports["strncat"];
    Module["_strncpy"] = wasmExports["strncpy"];
    Module["_towlower"] = wasmExports["towlower"];
    Module["_towupper"] = wasmExports["towupper"];
    var _setThrew = wasmExports["setThrew"];
    var __emscripten_stack_restore = wasmExports["_emscripten_stack_restore"];
    var __emscripten_stack_alloc = wasmExports["_emscripten_stack_alloc"];
    var _emscripten_stack_get_current = wasmExports["emscripten_stack_get_current"];
    wasmExports["__wasm_apply_data_relocs"];
    Module["setValue"] = setValue;
    Module["getValue"] = getValue;
    Module["UTF8ToString"] = UTF8ToString;
    Module["stringToUTF8"] = stringToUTF8;
    Module["lengthBytesUTF8"] = lengthBytesUTF8;
    Module["AsciiToString"] = AsciiToString;
    Module["stringToUTF16"] = stringToUTF16;
    Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
    function callMain(args2 = []) {
      var entryFunction = resolveGlobalSymbol("main").sym;
      if (!entryFunction) return;
      args2.unshift(thisProgram);
      var argc = args2.length;
      var argv = stackAlloc((argc + 1) * 4);
      var argv_ptr = argv;
      args2.forEach((arg) => {
        LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
        argv_ptr += 4;
      });
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
      try {
        var ret = entryFunction(argc, argv);
        exitJS(
          ret,
          /* implicit = */
          true
        );
        return ret;
      } catch (e) {
        return handleException(e);
      }
    }
    __name(callMain, "callMain");
    function run(args2 = arguments_) {
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      preRun();
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      function doRun() {
        Module["calledRun"] = true;
        if (ABORT) return;
        initRuntime();
        readyPromiseResolve(Module);
        Module["onRuntimeInitialized"]?.();
        var noInitialRun = Module["noInitialRun"];
        if (!noInitialRun) callMain(args2);
        postRun();
      }
      __name(doRun, "doRun");
      if (Module["setStatus"]) {
        Module["setStatus"]("Running...");
        setTimeout(() => {
          setTimeout(() => Module["setStatus"](""), 1);
          doRun();
        }, 1);
      } else {
        doRun();
      }
    }
    __name(run, "run");
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].pop()();
      }
    }
    run();
    moduleRtn = readyPromise;
    return moduleRtn;
  };
})();
var tree_sitter_default = Module2;

// src/bindings.ts
var Module3 = null;
async function initializeBinding(moduleOptions) {
  if (!Module3) {
    Module3 = await tree_sitter_default(moduleOptions);
  }
  return Module3;
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");

// src/parser.ts
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  [1] = 0;
  // Internal handle for WASM
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the WASM module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a timeout, cancellation,
   * or callback, then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Get the duration in microseconds that parsing is allowed to take.
   *
   * This is set via {@link Parser#setTimeoutMicros}.
   */
  getTimeoutMicros() {
    return C._ts_parser_timeout_micros(this[0]);
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Set the maximum duration in microseconds that parsing should be allowed
   * to take before halting.
   *
   * If parsing takes longer than this, it will halt early, returning `null`.
   * See {@link Parser#parse} for more information.
   */
  setTimeoutMicros(timeout) {
    C._ts_parser_set_timeout_micros(this[0], 0, timeout);
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};

let cached;
/**
 * The bundle ships both .wasm files next to dist/*.js; from the source tree (tests, tsc output)
 * they are only reachable through node_modules, so try the bundle location first.
 */
function findWasm(file, pkgSpecifier) {
    const beside = fileURLToPath(new URL(`./${file}`, import.meta.url));
    if (existsSync(beside))
        return beside;
    try {
        const resolved = createRequire(import.meta.url).resolve(pkgSpecifier);
        if (existsSync(resolved))
            return resolved;
    }
    catch {
        // Packages without an `exports` entry for the wasm: fall through to walking up.
    }
    let dir = dirname(beside);
    for (;;) {
        const candidate = join(dir, 'node_modules', pkgSpecifier);
        if (existsSync(candidate))
            return candidate;
        const parent = dirname(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    throw new Error(`cannot find ${file} (looked beside the bundle and in node_modules)`);
}
const runtimeWasmFile = () => findWasm('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
const cWasmFile = () => findWasm('tree-sitter-c.wasm', 'tree-sitter-c/tree-sitter-c.wasm');
let digest;
/**
 * SHA-256 of what turns a text into a parse: the tree-sitter runtime and grammar, and, when running
 * from the bundle, every script of it (the locator and web-tree-sitter's JavaScript live there; the
 * version number does not change between builds). From the sources (tests) the scripts are not
 * hashed: the parse cache's schema, pinned to the locator's sources, stands for them.
 */
function parserDigest() {
    if (digest === undefined) {
        const hash = createHash('sha256');
        for (const file of [runtimeWasmFile(), cWasmFile()])
            hash.update(readFileSync(file));
        const here = dirname(fileURLToPath(import.meta.url));
        if (existsSync(join(here, 'tree-sitter-c.wasm')))
            for (const script of readdirSync(here)
                .filter(f => f.endsWith('.js'))
                .sort())
                hash.update(script).update(readFileSync(join(here, script)));
        digest = hash.digest('hex');
    }
    return digest;
}
/** A C parser of its own (tests: each parser has its own in-run and persistent parse caches). */
async function newCParser() {
    const language = await loadLanguage();
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
}
let runtime;
/** The runtime is one per process: initialising it again would strand the parsers made before. */
function loadLanguage() {
    runtime ??= (async () => {
        const runtimeWasm = runtimeWasmFile();
        // Emscripten looks for its wasm relative to its own script; after bundling that script is gone.
        await Parser.init({ locateFile: () => runtimeWasm });
        // Bytes rather than a path: Language.load's path branch depends on how the runtime was bundled.
        return Language.load(new Uint8Array(readFileSync(cWasmFile())));
    })().catch((err) => {
        runtime = undefined;
        throw err;
    });
    return runtime;
}
/** The C parser, loaded once per process. */
function loadCParser() {
    cached ??= newCParser().catch((err) => {
        cached = undefined;
        throw err;
    });
    return cached;
}

/** The largest real livepatch declaration files are a few tens of KB. */
const MAX_DECLARATION_BYTES = 16 << 20;
/**
 * Reads a livepatch declaration file (`--livepatch`, the action's `livepatch:` globs) the way
 * source files are read. The PR controls the checkout: a symlink named `livepatch.c` pointing at
 * `.git/config` (where actions/checkout leaves the token's header) would have its lines quoted into
 * findings and the PR comment; a FIFO would hang the run and `/dev/zero` fill the memory. So only
 * a regular file is read, never one inside a `.git` directory, and with `workspace` only one whose
 * real path is inside it. Throws an input error naming the path otherwise.
 */
async function readDeclarationFile(path, workspace) {
    const refuse = (why) => {
        throw new Error(`livepatch '${path}' ${why}`);
    };
    let real;
    try {
        real = await realpath(path);
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        return refuse(`cannot be read (${code})`);
    }
    if (real.split(sep).includes('.git'))
        refuse(`resolves to ${real}, inside a .git directory: not read`);
    if (workspace !== undefined) {
        const root = await realpath(resolve(workspace)).catch(() => resolve(workspace));
        if (!real.startsWith(root + sep))
            refuse(`resolves to ${real}, outside the workspace: not read`);
    }
    const info = await stat(real);
    if (info.isDirectory())
        refuse('cannot be read (a directory)');
    if (!info.isFile())
        refuse('is not a regular file: not read');
    if (info.size > MAX_DECLARATION_BYTES)
        refuse(`is ${info.size} bytes, over the ${MAX_DECLARATION_BYTES}-byte limit: not read`);
    return readFile(real, 'utf8');
}

/**
 * Whether a declaration that matches `a` by name would make the kernel load the right function.
 * klp_find_object_symbol counts every kallsyms symbol of the name in the object: with
 * `old_sympos` 0 (or a format without the field) it fails on a second one ("unresolvable
 * ambiguity"), and a position past the last one is "not found". Both refuse the whole livepatch.
 */
function judgeSympos(a, d, copies) {
    if (!copies)
        return undefined;
    const pos = d.sympos ?? 0;
    const where = a.object ?? '?';
    const seen = copies.from === 'symbol-tables'
        ? `the symbol tables of ${where} list ${copies.count} symbols named ${a.name}`
        : `the dumps show ${copies.count} copies of ${a.name} in ${where} (TUs whose dump keeps one: ${listed$1(copies.tus ?? [])})`;
    const which = copies.candidates && copies.candidates.length > 0
        ? `old_sympos of the copy in ${a.tu}: ${copies.candidates.join(' or ')} (kallsyms order)`
        : 'give symbol tables of the build (System.map, <object>.syms) to learn its old_sympos (kallsyms order)';
    const base = { affected: a, declared: d, copies: copies.count, candidates: copies.candidates };
    if (pos === 0) {
        if (copies.count <= 1)
            return undefined;
        return {
            ...base,
            reason: 'no-sympos',
            message: `${d.name} is declared without old_sympos, but ${seen}: the kernel refuses to load the ` +
                `livepatch (unresolvable ambiguity); ${which}.`
        };
    }
    if (copies.from !== 'symbol-tables') {
        if (copies.count <= 1)
            return undefined;
        return {
            ...base,
            reason: 'unverified',
            message: `${d.name} is declared with old_sympos ${pos}, but ${seen}, and the dumps do not tell ` +
                `their kallsyms order: position ${pos} may be another function; ${which}.`
        };
    }
    if (pos > copies.count) {
        return {
            ...base,
            reason: 'out-of-range',
            message: `${d.name} is declared with old_sympos ${pos}, but ${seen}: the kernel refuses to load ` +
                `the livepatch (symbol position not found); ${which}.`
        };
    }
    if (copies.candidates && copies.candidates.length > 1 && copies.candidates.includes(pos)) {
        return {
            ...base,
            reason: 'unverified',
            message: `${d.name} is declared with old_sympos ${pos}, but ${seen} and they do not say which is ` +
                `the copy in ${a.tu} (no FILE symbols: System.map or nm): it may be another function; ` +
                `give <object>.syms (readelf -sW) to check it.`
        };
    }
    if (copies.candidates && !copies.candidates.includes(pos)) {
        return {
            ...base,
            reason: 'other-copy',
            message: `${d.name} is declared with old_sympos ${pos}, which is another copy than the changed one: ` +
                `${which}.`
        };
    }
    return undefined;
}
/**
 * A declaration of a changed copy that has no symbol (GCC inlined it everywhere, or never emitted
 * it): where the object holds other symbols of the name, the kernel resolves the declaration to
 * one of those, another TU's function, and replaces it with this code. Undefined when no other
 * symbol is known (the kernel then refuses to load the livepatch: "not found").
 */
function judgeRemoved(a, d, copies) {
    if (!copies || copies.count === 0)
        return undefined;
    const where = a.object ?? '?';
    const others = copies.from === 'symbol-tables'
        ? `the symbol tables of ${where} list ${copies.count} symbol${copies.count > 1 ? 's' : ''} named ${a.name}`
        : `the dumps show ${copies.count} other cop${copies.count > 1 ? 'ies' : 'y'} in ${where} (${listed$1(copies.tus ?? [])})`;
    return {
        affected: a,
        declared: d,
        copies: copies.count,
        reason: 'other-copy',
        message: `${d.name}: the changed copy in ${a.tu} has no symbol (GCC inlined it everywhere), but ` +
            `${others}: the declaration resolves to another function, which the livepatch would ` +
            `replace with this code. Patch the functions it was inlined into instead.`
    };
}
function listed$1(xs) {
    return xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', ');
}

/**
 * Compares what must be replaced with what the livepatch declares, per dump set. An entry is kept
 * once per set and symbol even when several changed functions reach it (the renderers look the
 * other chains up in `report.affected`); a symbol required through one chain and review through
 * another is required. `extra` is judged across all sets: a declaration needed by one
 * architecture only is not stale.
 */
function computeCoverage(affected, declared, findings, copiesOf) {
    const sorted = [...affected].sort(
    // A present copy must be judged before a removed one of the same name (a header inline can be
    // inlined away in one TU and kept out of line in another).
    (a, b) => tierRank(a) - tierRank(b) || symbolRank(a) - symbolRank(b) || compareAffected(a, b));
    const decls = [...declared].sort(compareDeclared);
    const seen = new Set();
    const used = new Set();
    const claimed = new Set();
    const coverage = { missing: [], review: [], covered: [], extra: [], unresolved: [] };
    const declaredRemoved = [];
    const ambiguous = [];
    for (const a of sorted) {
        const key = functionKey(a);
        if (seen.has(key))
            continue;
        seen.add(key);
        // Declaring it cannot help (see the not-patchable finding); a declaration of it is extra.
        if (a.unpatchable)
            continue;
        // A declaration with an old_sympos names one copy: when the copies' positions are unknown it
        // covers the first copy judged, not every same-name static of the object.
        const onlyOne = (d) => a.sympos === undefined && d.sympos !== undefined;
        const matches = decls.filter(d => declares(d, a) && !(onlyOne(d) && claimed.has(d)));
        if (a.symbol === 'removed') {
            // This TU's copy has no symbol: a declaration of it cannot resolve to it at load time. One
            // that covers no kept copy of the change (judged first) resolves to another function where
            // the object has one of that name.
            const copies = matches.length > 0 ? copiesOf?.(a) : undefined;
            for (const d of matches) {
                const wrong = used.has(d) ? undefined : judgeRemoved(a, d, copies);
                if (wrong) {
                    ambiguous.push(wrong);
                    used.add(d);
                }
                else
                    declaredRemoved.push({ declared: d, affected: a });
            }
            continue;
        }
        if (matches.length > 0) {
            for (const d of matches)
                used.add(d);
            // A name with several symbols in the object needs the right old_sympos to load at all.
            const copies = copiesOf?.(a);
            const problems = matches.map(d => judgeSympos(a, d, copies));
            const ok = problems.findIndex(p => p === undefined);
            if (ok >= 0) {
                coverage.covered.push({ affected: a, declared: matches[ok] });
                if (onlyOne(matches[ok]))
                    claimed.add(matches[ok]);
            }
            else if (problems[0])
                ambiguous.push(problems[0]);
        }
        else if (a.tier === 'required')
            coverage.missing.push(a);
        else if (a.tier === 'review')
            coverage.review.push(a);
        // A layout entry undeclared is not "missing": the type-change finding is what fails.
    }
    coverage.missing.sort(compareAffected);
    coverage.review.sort(compareAffected);
    coverage.covered.sort((x, y) => compareAffected(x.affected, y.affected));
    coverage.extra = decls.filter(d => !used.has(d));
    coverage.unresolved = findings.filter(f => f.severity === 'unresolved');
    if (declaredRemoved.length > 0) {
        coverage.declaredRemoved = declaredRemoved.sort((x, y) => compareDeclared(x.declared, y.declared) || compareAffected(x.affected, y.affected));
    }
    if (ambiguous.length > 0) {
        coverage.ambiguous = ambiguous.sort((x, y) => compareAffected(x.affected, y.affected) || compareDeclared(x.declared, y.declared));
    }
    return coverage;
}
function symbolRank(a) {
    return a.symbol === 'present' ? 0 : 1;
}
function tierRank(a) {
    return a.tier === 'required' ? 0 : a.tier === 'review' ? 1 : 2;
}

const INCLUDE$2 = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/gm;
/**
 * Every `#include` of a source. Lexical on the raw text: an include inside a comment or a
 * disabled `#if` branch is listed too, which only widens a caller search (never narrows it).
 */
function includeDirectives(text) {
    const found = [];
    for (const m of text.matchAll(INCLUDE$2)) {
        found.push(m[1] !== undefined ? { name: m[1], quoted: true } : { name: m[2], quoted: false });
    }
    return found;
}
/** The one include a line of a text (comments blanked) is, or undefined. */
function includeOf(line) {
    const found = includeDirectives(line);
    return found.length === 1 ? found[0] : undefined;
}
/** Whether two includes are the same line as written (`<a.h>` is not `"a.h"`). */
function sameInclude(a, b) {
    return a.name === b.name && a.quoted === b.quoted;
}
/** The folder part of a repository path, with its trailing `/` (`''` at the top). */
function dirOf(path) {
    return path.slice(0, path.lastIndexOf('/') + 1);
}
/**
 * Where kbuild's compiler looks for an include, in order, as repository paths: beside the
 * includer, the TU and the TU's parent folders for a quoted one, then
 * `include/`, `arch/<arch>/include/` and their `uapi/` twins. Generated headers
 * (`include/generated/`, `arch/x86/include/generated/`) are not in a source tree and stay
 * unresolved.
 */
function includeCandidates(inc, includer, tu, arches) {
    const out = [];
    // kbuild's `-I$(src)` (29 Makefiles of 6.1, i915's subdir-ccflags among them) makes a quoted
    // include also resolve in the TU's parent folders.
    if (inc.quoted) {
        out.push(dirOf(includer) + inc.name);
        for (let d = dirOf(tu); d !== ''; d = dirOf(d.slice(0, -1)))
            out.push(d + inc.name);
        // ... and `-I$(srctree)/$(src)/include` (security/selinux/include/avc.h).
        for (let d = dirOf(tu); d !== ''; d = dirOf(d.slice(0, -1)))
            out.push(`${d}include/${inc.name}`);
    }
    out.push(`include/${inc.name}`);
    for (const a of arches)
        out.push(`arch/${a}/include/${inc.name}`);
    out.push(`include/uapi/${inc.name}`);
    for (const a of arches)
        out.push(`arch/${a}/include/uapi/${inc.name}`);
    return [...new Set(out.map(normalizePath))].filter(p => p !== '' && !p.startsWith('..'));
}
/** The architectures whose include folders a TU sees, from the paths its dump names. */
function archesOf(paths) {
    const arches = new Set();
    for (const p of paths) {
        // Asked of every TU of a set and of every header a TU's dump names: most are no arch path.
        if (!p.startsWith('arch/'))
            continue;
        const m = /^arch\/([^/]+)\//.exec(p);
        if (m)
            arches.add(m[1]);
    }
    return [...arches].sort();
}

/**
 * Text views of one C source with every offset and line kept: blanked regions become spaces and
 * newlines survive, so a position in a view is the same position in the original.
 */
/** A run of spaces, sliced from one string grown on demand. */
let SPACES = ' '.repeat(1024);
function spaces(n) {
    while (SPACES.length < n)
        SPACES += SPACES;
    return SPACES.slice(0, n);
}
/**
 * `text` with the `[from, to)` ranges (ascending, disjoint) turned into spaces, newlines kept. Built
 * from slices: splitting a 300 KB source into single characters cost ~30 ms a view, and so did a
 * regex replacing each character of the ranges (a kernel header is mostly comments).
 */
function blankRanges(text, ranges) {
    if (ranges.length === 0)
        return text;
    const out = [];
    let last = 0;
    for (const [from, to] of ranges) {
        if (to <= from)
            continue;
        out.push(text.slice(last, from));
        for (let at = from;;) {
            const nl = text.indexOf('\n', at);
            if (nl < 0 || nl >= to) {
                out.push(spaces(to - at));
                break;
            }
            out.push(spaces(nl - at), '\n');
            at = nl + 1;
        }
        last = to;
    }
    out.push(text.slice(last));
    return out.join('');
}
/**
 * Comments and (unless `strings` is false) the contents of string and character literals become
 * spaces (quotes stay), so braces, parentheses and identifiers in them can't confuse the scans.
 */
function maskCommentsAndStrings(text, strings = true) {
    const ranges = [];
    const n = text.length;
    const start = /[/"']/g;
    let i = 0;
    while (i < n) {
        start.lastIndex = i;
        const m = start.exec(text);
        if (m === null)
            break;
        i = m.index;
        const c = text[i];
        if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? n : end + 2;
            ranges.push([i, stop]);
            i = stop;
        }
        else if (c === '/' && text[i + 1] === '/') {
            let end = text.indexOf('\n', i);
            // A backslash-newline continues a line comment, as cpp sees it.
            while (end > 0 && text[end - 1] === '\\')
                end = text.indexOf('\n', end + 1);
            const stop = end < 0 ? n : end;
            ranges.push([i, stop]);
            i = stop;
        }
        else if (c === '"' || c === "'") {
            let j = i + 1;
            let from = i + 1;
            while (j < n && text[j] !== c && text[j] !== '\n') {
                if (text[j] === '\\' && (text[j + 1] === '\n' || text[j + 1] === '\r')) {
                    // A literal spliced over lines keeps its backslash: directives and macros run on.
                    if (strings)
                        ranges.push([from, j]);
                    from = j + 1;
                }
                j += text[j] !== '\\' ? 1 : text[j + 1] === '\r' && text[j + 2] === '\n' ? 3 : 2;
            }
            if (strings)
                ranges.push([from, Math.min(j, n)]);
            i = j + 1;
        }
        else {
            i++;
        }
    }
    return blankRanges(text, ranges);
}
/** [start, end) offsets of every preprocessor directive, continuation lines included. */
function directiveRanges(masked) {
    const ranges = [];
    const re = /^[ \t]*#/gm;
    let m;
    while ((m = re.exec(masked)) !== null) {
        let end = masked.indexOf('\n', m.index);
        while (end > 0 && /\\[ \t]*$/.test(masked.slice(Math.max(0, end - 8), end))) {
            end = masked.indexOf('\n', end + 1);
        }
        if (end < 0)
            end = masked.length;
        ranges.push([m.index, end]);
        re.lastIndex = end;
    }
    return ranges;
}
/** Preprocessor directives become spaces. */
function blankDirectives(masked, ranges) {
    return blankRanges(masked, ranges);
}
/**
 * Kernel annotations that expand to GCC attributes or to nothing. tree-sitter reads them as type
 * names or declarators and then mis-parses the definition, so they are blanked before parsing.
 */
const BARE_ATTRIBUTES = [
    '__init',
    '__exit',
    '__initdata',
    '__initconst',
    '__exitdata',
    '__meminit',
    '__meminitdata',
    '__meminitconst',
    '__ref',
    '__refdata',
    '__refconst',
    '__init_or_module',
    '__net_init',
    '__net_exit',
    '__net_initdata',
    '__always_inline',
    '__inline',
    '__inline__',
    'noinline',
    '__noinline',
    'noinline_for_stack',
    'notrace',
    '__weak',
    '__cold',
    '__hot',
    '__maybe_unused',
    '__always_unused',
    '__used',
    '__must_check',
    'asmlinkage',
    '__visible',
    '__sched',
    '__noreturn',
    '__latent_entropy',
    '__cpuidle',
    'noinstr',
    '__kprobes',
    'nokprobe_inline',
    '__pure',
    // `u64 __attribute_const__ efivar_reserved_space(void);` (6.1.187's efi.h): after a typedef
    // name, tree-sitter took the annotation for the declarator and the prototype for a call.
    '__attribute_const__',
    '__gnu_inline',
    '__flatten',
    '__malloc',
    '__noclone',
    '__naked',
    '__nocfi',
    '__noendbr',
    '__irq_entry',
    '__softirq_entry',
    '__read_mostly',
    '__ro_after_init',
    '__lsm_ro_after_init',
    '__initdata_or_module',
    '__cacheline_aligned',
    '__cacheline_aligned_in_smp',
    '____cacheline_aligned',
    '____cacheline_aligned_in_smp',
    '____cacheline_internodealigned_in_smp',
    '__page_aligned_data',
    '__page_aligned_bss',
    '__packed',
    '__randomize_layout',
    '__no_randomize_layout',
    '__designated_init',
    '__user',
    '__kernel',
    '__iomem',
    '__rcu',
    '__percpu',
    '__force',
    '__bitwise',
    '__private',
    '__safe',
    '__nocast',
    '__no_kcsan',
    '__no_sanitize_address',
    '__no_kasan_or_inline',
    '__no_sanitize_or_inline',
    '__no_stack_protector',
    '__nostackprotector',
    '__fix_address',
    '__ftrace_invalid_address___'
];
/** Annotations that take a parenthesised argument list, blanked together with it. */
const CALL_ATTRIBUTES = [
    '__attribute__',
    '__attribute',
    '__printf',
    '__scanf',
    '__aligned',
    '__section',
    '__acquires',
    '__releases',
    '__must_hold',
    '__alloc_size',
    '__assume_aligned',
    '__counted_by',
    '__no_sanitize_coverage',
    '__diag_ignore',
    '__nonstring',
    '__realloc_size'
];
const BARE = new Set(BARE_ATTRIBUTES);
const CALL$4 = new Set(CALL_ATTRIBUTES);
/** Attribute macro names (both kinds), for callers that skip them while reading tokens. */
function isAttributeMacro(name) {
    return BARE.has(name) || CALL$4.has(name);
}
/** Offset just past the `)` matching the `(` at `open`, or -1. */
function matchParen(masked, open) {
    let depth = 0;
    for (let i = open; i < masked.length; i++) {
        const c = masked[i];
        if (c === '(')
            depth++;
        else if (c === ')') {
            depth--;
            if (depth === 0)
                return i + 1;
        }
    }
    return -1;
}
/**
 * Every attribute name as one alternation: the engine finds the few annotations itself instead of
 * handing back each of a file's tens of thousands of identifiers to be looked up. `\b` on both sides
 * makes a match a whole identifier, as a lookup of each would.
 */
const ATTRIBUTE_WORD = new RegExp(`\\b(?:${[...BARE_ATTRIBUTES, ...CALL_ATTRIBUTES].join('|')})\\b`, 'g');
/**
 * The `[from, to)` ranges of attribute annotations in `masked` (a text through
 * maskCommentsAndStrings) outside preprocessor directives (a `#define __init ...` must keep its
 * name): a call-like one with its argument list.
 */
function attributeRanges(masked, directives) {
    const ranges = [];
    const re = new RegExp(ATTRIBUTE_WORD);
    let d = 0;
    let m;
    while ((m = re.exec(masked)) !== null) {
        const at = m.index;
        while (d < directives.length && directives[d][1] <= at)
            d++;
        if (d < directives.length && directives[d][0] <= at) {
            re.lastIndex = directives[d][1];
            continue;
        }
        const word = m[0];
        if (BARE.has(word)) {
            ranges.push([at, at + word.length]);
        }
        else if (CALL$4.has(word)) {
            let j = at + word.length;
            while (j < masked.length && /\s/.test(masked[j]))
                j++;
            const end = masked[j] === '(' ? matchParen(masked, j) : -1;
            const stop = end < 0 ? at + word.length : end;
            ranges.push([at, stop]);
            re.lastIndex = stop;
        }
    }
    return ranges;
}
/**
 * Blanks attribute annotations in `text` outside preprocessor directives. `masked` is `text`
 * through maskCommentsAndStrings; `ranges` its attributeRanges when already known.
 */
function blankAttributes(text, masked, directives, ranges = attributeRanges(masked, directives)) {
    return blankRanges(text, ranges);
}
/** Offsets where each line starts; line numbers are 1-based. */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    lineOf(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    get lineCount() {
        return this.starts.length;
    }
}

/** A kernel TU pulls in 300 to 1,500 headers; the walk stops here. */
const CLOSURE_MAX$3 = 8000;
// GCC takes `\` before CRLF as a continuation too.
const DEFINE$5 = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm;
const IDENT$7 = /[A-Za-z_]\w*/g;
/** `a##b` between two tokens; `, ## __VA_ARGS__` only drops a comma. */
const PASTES = /\w\s*##\s*\w/;
/**
 * Whether `code` names one of `needles` where the line ends up in the code: an argument
 * (`__might_sleep(__FILE__, __LINE__)`, a bug-table `asm` operand), a `__stringify`d message.
 * Not a designated initializer of static data (`.line = __LINE__`: printk index, dynamic debug
 * descriptors live in their own sections, the function's code does not change), and not a pasted
 * name (`__PASTE(__UNIQUE_ID_, __LINE__)` names a variable: `min()` would count otherwise).
 */
function namesLine(code, needles, pasting) {
    for (const m of code.matchAll(IDENT$7)) {
        if (!needles.has(m[0]))
            continue;
        const before = code.slice(Math.max(0, m.index - 64), m.index);
        const after = code.slice(m.index + m[0].length, m.index + m[0].length + 4);
        if (/\.\s*\w+\s*=\s*$/.test(before) || /##\s*$/.test(before) || /^\s*##/.test(after))
            continue;
        if (insidePasting(code, m.index, pasting))
            continue;
        return true;
    }
    return false;
}
/** Whether position `at` is inside the arguments of an invocation of a pasting macro. */
function insidePasting(code, at, pasting) {
    let depth = 0;
    for (let i = at - 1; i >= 0 && at - i < 4096; i--) {
        const c = code[i];
        if (c === ')')
            depth++;
        else if (c === '(') {
            if (depth > 0) {
                depth--;
                continue;
            }
            const name = /([A-Za-z_]\w*)\s*$/.exec(code.slice(Math.max(0, i - 64), i))?.[1];
            if (name !== undefined && pasting.has(name))
                return true;
        }
        else if (c === ';' || c === '{' || c === '}')
            return false;
    }
    return false;
}
/**
 * Which macros embed the line they are invoked on, for a changed file: every `#define` of the file
 * and of the headers it includes (followed as kbuild's compiler would, read through `sourceOf`) is
 * expanded, all its definitions at once (a `#ifdef CONFIG_...` twin counts too), and a macro is a
 * line macro when its body names `__LINE__` or another line macro (see `namesLine`). WARN_ON,
 * BUG_ON, might_sleep, lockdep asserts and a file's own `EXT4_ERROR_INODE` are found this way;
 * BUILD_BUG_ON (whose `__COUNTER__` names no line) is not. Files are read and indexed once, for
 * every changed file.
 */
function makeLineMacros(changed, sourceOf) {
    const texts = new Map();
    const textOf = (path) => {
        const own = changed.get(path);
        if (own !== undefined)
            return own;
        if (!texts.has(path)) {
            const text = sourceOf(path);
            texts.set(path, typeof text === 'string' ? text : undefined);
        }
        return texts.get(path);
    };
    // Per file: its defines, and identifier -> the defines whose body names it.
    const indexes = new Map();
    const indexOf = (path, text) => {
        let index = indexes.get(path);
        if (!index) {
            index = { defines: [], uses: new Map() };
            for (const m of maskCommentsAndStrings(text).matchAll(DEFINE$5)) {
                const at = index.defines.push({ name: m[1], body: m[2] }) - 1;
                for (const id of new Set(m[2].match(IDENT$7) ?? [])) {
                    const list = index.uses.get(id);
                    if (list)
                        list.push(at);
                    else
                        index.uses.set(id, [at]);
                }
            }
            indexes.set(path, index);
        }
        return index;
    };
    const results = new Map();
    return path => {
        let result = results.get(path);
        if (result)
            return result;
        const files = closure(path, textOf).flatMap(file => {
            const text = textOf(file);
            return text === undefined ? [] : [{ file, index: indexOf(file, text) }];
        });
        // `__PASTE(a, b)` forwards to `___PASTE(a, b)`, `__UNIQUE_ID(p)` to `__PASTE(...)`: a macro that
        // is one invocation of a pasting macro pastes too (not one that merely uses one: `min()`).
        const pasting = spread(files, d => PASTES.test(d.body), (d, _file, needle) => firstCall(d.body) === needle);
        const names = new Set(['__LINE__']);
        let fromHeaders = false;
        spread(files, () => false, (d, file) => {
            const named = namesLine(d.body, names, pasting);
            if (named) {
                names.add(d.name);
                if (file !== path)
                    fromHeaders = true;
            }
            return named;
        }, ['__LINE__']);
        result = { names, fromHeaders, pasting };
        results.set(path, result);
        return result;
    };
}
/**
 * Macros closed under "names a macro of the set": the seeds (`seed`), then every define whose body
 * names a member and that `accept` takes, until nothing is added.
 */
function spread(files, seed, accept, start = []) {
    const set = new Set();
    const queue = [...start];
    for (const { index } of files)
        for (const d of index.defines)
            if (!set.has(d.name) && seed(d)) {
                set.add(d.name);
                queue.push(d.name);
            }
    for (let i = 0; i < queue.length; i++) {
        for (const { file, index } of files) {
            for (const at of index.uses.get(queue[i]) ?? []) {
                const d = index.defines[at];
                if (set.has(d.name) || !accept(d, file, queue[i]))
                    continue;
                set.add(d.name);
                queue.push(d.name);
            }
        }
    }
    return set;
}
/** The file and every file its includes reach that can be read. */
function closure(path, textOf) {
    const arches = archesOf([path]);
    const files = [path];
    const seen = new Set(files);
    for (let i = 0; i < files.length && files.length < CLOSURE_MAX$3; i++) {
        const text = textOf(files[i]);
        if (text === undefined)
            continue;
        for (const inc of includeDirectives(text)) {
            const found = [...includeCandidates(inc, files[i], path, arches), ...generic(inc.name)].find(p => textOf(p) !== undefined);
            if (found === undefined || seen.has(found))
                continue;
            seen.add(found);
            files.push(found);
        }
    }
    return files;
}
/**
 * Before the dumps are read the architecture is not known, so `<asm/bug.h>` resolves nowhere; the
 * generic header is what every architecture's own one builds on (x86's asm/bug.h includes
 * asm-generic/bug.h, others get it through kbuild's generated wrappers), and its definitions of
 * WARN/BUG are the ones that name the line.
 */
function generic(name) {
    return name.startsWith('asm/') ? [`include/asm-generic/${name.slice(4)}`] : [];
}
/** The macro a define's replacement starts by invoking (`__PASTE` in `__UNIQUE_ID`'s), if any. */
function firstCall(body) {
    const replacement = body.replace(/^\([^)]*\)/, '');
    return /^[\s(]*([A-Za-z_]\w*)\s*\(/.exec(replacement)?.[1];
}

/**
 * Macros that put the source line into the object: WARN/BUG (bug-table entries, `__LINE__`
 * immediates), ASSERT_RTNL-style wrappers around WARN_ONCE, might_sleep() and friends. A fix that
 * adds or removes lines shifts these in every later function of the file (seen in the validation
 * builds: `ipmr_seq_read`, `vfs_read`), although their logic is unchanged. Only a fallback: with
 * the headers at hand, the line macros are derived from their bodies (`makeLineMacros`).
 */
const LINE_SENSITIVE$1 = /\b[A-Z_]*(?:WARN|BUG|ASSERT)[A-Z_]*\s*\(|__LINE__|\bmight_(?:sleep|resched|fault)\b|\bcant_(?:sleep|migrate)\b/;
const IDENT$6 = /[A-Za-z_]\w*/g;
/** The focus and the analysis ask for the same changes: their headers are read and expanded once. */
const cache = new WeakMap();
function lineMacrosFor(changes, mapped, sourceOf) {
    const hit = cache.get(mapped);
    if (hit && hit.sourceOf === sourceOf)
        return hit.macros;
    const texts = new Map();
    for (const c of changes)
        if (c.oldText !== null)
            texts.set(c.path, c.oldText);
    const macros = makeLineMacros(texts, sourceOf ?? (() => undefined));
    cache.set(mapped, { sourceOf, macros });
    return macros;
}
/**
 * Functions whose machine code differs only in line numbers: not changed, but listed so that a
 * code-comparing tool's result can be reconciled with the report. `sourceOf` reads the headers
 * the changed files include, whose macros tell which invocations embed a line.
 */
function lineShiftFindings(changes, mapped, sourceOf) {
    const findings = [];
    const lineMacros = lineMacrosFor(changes, mapped, sourceOf);
    for (const change of changes) {
        const functions = mapped.preFunctions.get(change.path);
        if (change.oldText === null || change.newText === null || functions === undefined)
            continue;
        const first = firstShiftingLine(change);
        if (first === undefined)
            continue;
        const already = new Set(mapped.changed.filter(c => c.file === change.path).map(c => c.name));
        const code = maskCommentsAndStrings(change.oldText).split('\n');
        const macros = lineMacros(change.path);
        const through = new Set();
        const shifted = functions
            .filter(f => f.startLine > first && !already.has(f.name))
            .filter(f => {
            const body = code.slice(f.startLine - 1, f.endLine).join('\n');
            const used = (body.match(IDENT$6) ?? []).filter(id => macros.names.has(id));
            for (const id of used)
                through.add(id);
            if (used.length > 0 && namesLine(body, macros.names, macros.pasting))
                return true;
            // No header was there to tell (only the changed files given): the usual names.
            return !macros.fromHeaders && LINE_SENSITIVE$1.test(body);
        })
            .map(f => f.name);
        if (shifted.length === 0)
            continue;
        const named = [...through].sort();
        const via = named.length === 0
            ? 'WARN/BUG/ASSERT tables, __LINE__, might_sleep'
            : named.slice(0, 6).join(', ') + (named.length > 6 ? `, ${named.length - 6} more` : '');
        findings.push({
            kind: 'line-shift',
            severity: 'info',
            file: change.path,
            line: first,
            functions: [...new Set(shifted)].sort(),
            message: `the fix moves the lines below ${change.path}:${first}: ${shifted.length} later ` +
                `function(s) embed line numbers (${via}), so their ` +
                `machine code differs in line numbers only; livepatch tools treat this as a line-only ` +
                `change (no need to replace them)`
        });
    }
    return findings;
}
/** Old-image line of the first hunk that adds or removes lines, if any. */
function firstShiftingLine(change) {
    for (const hunk of change.patch.hunks) {
        if (hunk.oldLines !== hunk.newLines)
            return hunk.oldStart;
    }
    return undefined;
}

/** A function a header change reaches without a hunk in it: a target of the affected walk. */
function impactTarget(file, f, via, hunk) {
    return {
        name: f.name,
        symbols: f.symbols,
        file,
        line: f.startLine,
        change: 'modified',
        via,
        hunks: [hunk]
    };
}
/**
 * Targets keyed by file and function, the first reason kept: a function reached through several
 * members or spellings of one change is one target, with the reason it was found by first.
 */
function targetCollector(kind, hunk) {
    const targets = new Map();
    return {
        targets,
        add: (file, f, via) => {
            const key = `${file}\u0000${f.name}`;
            if (!targets.has(key))
                targets.set(key, impactTarget(file, f, { kind, macro: via }, hunk));
        }
    };
}

const SHOWN$2 = 100;
/** The TUs, files and names (the macro, and the macros of each TU's files that expand to it) to search. */
function planMacroSearch(subject, units, uses) {
    const seeing = units.seeing(subject.header);
    const lost = new Map();
    const plan = [];
    if (seeing.tus.length === 0 && seeing.unknown.length > 0)
        return { subject, seeing, lost, plan };
    for (const tu of seeing.tus) {
        const unit = units.unit(tu);
        if (!unit)
            continue;
        if (unit.lost.length > 0)
            lost.set(tu, unit.lost);
        plan.push({ tu, files: unit.files, needles: uses.expandMacro(unit.files, [subject.name]) });
    }
    return { subject, seeing, lost, plan };
}
/** Every file and name of several searches, for one `UseIndex.prime` (one read of each file). */
function searchedFiles(searches) {
    const files = new Set();
    const names = new Set();
    for (const s of searches)
        for (const p of s.plan) {
            for (const f of p.files)
                files.add(f);
            for (const n of p.needles)
                names.add(n);
        }
    return { files, names };
}
/**
 * What one changed `#define` of a header does to the code: every function, in every TU that sees
 * the header, that spells it or a macro of that TU's files expanding to it. A function of a `.c`
 * is looked up in that TU's dump; a header inline in every dump that has it.
 */
function macroImpact(search, uses, set, 
/**
 * Whether the fix deletes this line of the old image: a spelling there (the enumerator a
 * compatibility `#define` takes the name of) is the fix's own hunk, judged on its own.
 */
rewritten = () => false) {
    const { subject, seeing, lost, plan } = search;
    const { header, name } = subject;
    const findings = [];
    const finding = (f) => {
        findings.push({ ...f, file: header, line: subject.line, set });
    };
    if (seeing.tus.length === 0 && seeing.unknown.length > 0) {
        return { targets: [], findings, searched: false };
    }
    const targets = new Map();
    const data = new Set();
    const userTus = new Set();
    const all = new Set(plan.flatMap(p => p.needles));
    // The TUs of a wide header share most of their files, and most files spell none of the
    // needles: asked once per file, not once per TU, file and needle (2,148 TUs of ~300 files
    // each for bitfield.h: 30 million questions). Primed by the caller with every search's names,
    // the answer is the file's hits (see UseIndex.spelledAmong).
    const spelledBy = new Map();
    const spelled = (file) => {
        let found = spelledBy.get(file);
        if (!found)
            spelledBy.set(file, (found = new Set(uses.spelledAmong(file, all))));
        return found;
    };
    for (const { tu, files, needles } of plan) {
        const local = localMacros(uses, files, needles, name, spelled);
        for (const file of files) {
            const hits = spelled(file);
            if (hits.size === 0)
                continue;
            // A file that defines the new macro itself, with the same text (libata-scsi.c's
            // ATA_SCSI_RBUF_SIZE, moved to libata.h in 6.1.187): below its own #define, its code
            // expands what it expanded before, whichever definition comes first.
            const own = subject.body === undefined ? undefined : uses.ownDefinition(file, name);
            const alike = own?.text === subject.body ? own?.line : undefined;
            for (const needle of needles) {
                if (!hits.has(needle))
                    continue;
                // The TU's own macro reaches only its `.c`, from its #define on.
                const from = local.get(needle);
                if (from !== undefined && file !== files[0])
                    continue;
                const found = uses.uses(file, needle);
                for (const f of found.functions) {
                    if (alike !== undefined && f.startLine > alike)
                        continue;
                    if (from !== undefined && f.endLine < from)
                        continue;
                    userTus.add(tu);
                    const key = `${file}\u0000${f.name}`;
                    if (targets.has(key))
                        continue;
                    const macro = needle === name ? name : `${name} (through ${needle})`;
                    targets.set(key, impactTarget(file, f, { kind: 'header-macro', macro }, { file: header, line: subject.line }));
                }
                for (const l of found.data)
                    if ((alike === undefined || l <= alike) &&
                        (from === undefined || l > from) &&
                        !rewritten(file, l))
                        data.add(`${file}:${l}`);
            }
        }
    }
    const list = [...targets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const names = [...new Set(list.map(t => t.name))].sort();
    const what = subject.status === 'added' ? 'is new' : subject.status === 'removed' ? 'is removed' : 'changed';
    const where = `the ${plural$1(seeing.tus.length, 'TU')} of set ${set} that see ${header}`;
    if (list.length === 0 && data.size === 0) {
        const consequence = subject.status === 'changed'
            ? 'its new value changes no compiled code'
            : 'no existing code changes';
        finding({
            kind: 'macro-change',
            severity: 'info',
            message: `#define ${name} ${what}: nothing in ${where} uses or tests it (#if/#ifdef/defined), directly or through other macros: ${consequence}`
        });
    }
    else if (list.length > 0) {
        finding({
            kind: 'macro-change',
            severity: 'warning',
            message: `#define ${name} ${what}: ${plural$1(list.length, 'function')} in ${userTus.size} of ${where} ` +
                `use or test it (directly or through other macros): each is required, with what inlines it`,
            functions: names.slice(0, SHOWN$2)
        });
    }
    if (data.size > 0) {
        const spots = [...data].sort();
        finding({
            kind: 'global-change',
            severity: 'unresolved',
            message: `#define ${name} ${what}, and is spelled outside functions (initialisers, types, declarations) ` +
                `at ${listed(spots)}: data and layouts of the running kernel keep the old expansion`
        });
    }
    if (lost.size > 0 || seeing.unknown.length > 0) {
        const tus = [...lost.keys(), ...seeing.unknown].sort();
        const files = [...new Set([...lost.values()].flat())].sort();
        finding({
            kind: 'macro-change',
            severity: 'unresolved',
            message: `#define ${name} ${what}: ${plural$1(tus.length, 'TU')} of set ${set} could not be searched for its users (${listed(tus)})` +
                (files.length > 0
                    ? `: ${listed(files)} not in the source tree or not readable; ${UNFOUND_HINT}`
                    : ': no kbuild dependency list and no source')
        });
    }
    return { targets: list, findings, searched: true };
}
/**
 * Needles (the subject aside) that only the unit's own `.c` (its first file) defines, below its
 * last `#include`, with the line of that definition: text the compiler read before it (every
 * header of the unit, the `.c` above it) cannot expand them. i915's intel_guc.c defines `done`
 * through FIELD_GET after its includes; completion.h's `x->done` is no use of it, and taking it
 * for one listed every container of init_completion in 68 TUs for a bitfield.h fix.
 */
function localMacros(uses, files, needles, subject, spelled) {
    const out = new Map();
    const own = files[0];
    if (own === undefined || !own.endsWith('.c'))
        return out;
    const hits = spelled(own);
    for (const needle of needles) {
        if (needle === subject || !hits.has(needle))
            continue;
        const line = uses.definedBelowIncludes(own, needle);
        if (line === undefined)
            continue;
        if (files.some(f => f !== own && spelled(f).has(needle) && uses.defines(f, needle)))
            continue;
        out.set(needle, line);
    }
    return out;
}
function plural$1(n, one) {
    return `${n} ${one}${n === 1 ? '' : 's'}`;
}
function listed(items) {
    const shown = items.slice(0, 5).join(', ');
    return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}

/**
 * The annotations written on one function definition, as the locator otherwise blanks them: kernel
 * attribute macros by name (`__init`, `notrace`, `noinstr`), a section as `section:<name>` (from
 * `__section("...")` or `__attribute__((section("...")))`), and the GCC attributes inside
 * `__attribute__((...))` that decide whether ftrace can hook the function (`no_instrument_function`,
 * `naked`), without their underscores.
 *
 * `view` is the source with comments, string contents and directives blanked (attributes kept);
 * `text` the source itself, read for section names. `[from, to)` is the definition's head with
 * `[skipFrom, skipTo)`, its parameter list, left out.
 */
function attributesIn(view, text, from, to, skipFrom, skipTo) {
    const out = [];
    const re = /\b[A-Za-z_]\w*\b/g;
    re.lastIndex = from;
    let m;
    while ((m = re.exec(view)) !== null && m.index < to) {
        if (m.index >= skipFrom && m.index < skipTo) {
            re.lastIndex = skipTo;
            continue;
        }
        const word = m[0];
        if (!isAttributeMacro(word))
            continue;
        let j = m.index + word.length;
        while (j < to && /\s/.test(view[j]))
            j++;
        const end = view[j] === '(' ? matchParen(view, j) : -1;
        if (end < 0) {
            out.push(word);
            continue;
        }
        re.lastIndex = end;
        const group = text.slice(j, end);
        if (word === '__section') {
            const name = /"([^"]*)"/.exec(group)?.[1];
            if (name !== undefined)
                out.push(`section:${name}`);
        }
        else if (word === '__attribute__' || word === '__attribute') {
            for (const a of /section__|section/.test(group) ? sections(group) : [])
                out.push(a);
            for (const a of group.matchAll(/\b(?:__)?(no_instrument_function|naked)(?:__)?\b/g))
                out.push(a[1]);
        }
        else
            out.push(word);
    }
    return [...new Set(out)];
}
function sections(group) {
    return [...group.matchAll(/\b(?:__)?section(?:__)?\s*\(\s*"([^"]*)"/g)].map(m => `section:${m[1]}`);
}

/**
 * Macros that open a function definition (`SYSCALL_DEFINE3(read, ...) { ... }`): the C name and
 * the symbols GCC emits for the body, as seen in x86_64 ipa-clones dumps of Linux 6.1
 * (`__do_sys_read`, `__se_sys_read`, `__x64_sys_read`, `__ia32_sys_read`; no `__se_` for the
 * zero-argument forms).
 */
function syscall(prefix, argc, name) {
    const wrappers = [`__x64_${prefix}sys_${name}`, `__ia32_${prefix}sys_${name}`];
    const se = argc === 0 ? [] : [`__se_${prefix}sys_${name}`];
    return {
        name: `__do_${prefix}sys_${name}`,
        symbols: [`__do_${prefix}sys_${name}`, ...se, ...wrappers]
    };
}
/**
 * Name and symbols for a definer macro with its arguments; null when `macro` is no definer.
 * Unknown all-caps macros with a body get their first argument as name: a guess, flagged by
 * `generatedBy` on the caller's side.
 */
function definerNames(macro, args) {
    const first = args[0] ?? '';
    if (!/^[A-Za-z_]\w*$/.test(first))
        return null;
    let m = /^SYSCALL_DEFINE(\d)$/.exec(macro);
    if (m)
        return syscall('', Number(m[1]), first);
    m = /^COMPAT_SYSCALL_DEFINE(\d)$/.exec(macro);
    if (m)
        return syscall('compat_', Number(m[1]), first);
    // BPF_CALL_n(name, ...) puts the body in `____name`, which the `name` wrapper inlines.
    if (/^BPF_CALL_\d$/.test(macro))
        return { name: `____${first}`, symbols: [`____${first}`, first] };
    if (/^[A-Z][A-Z0-9_]*$/.test(macro))
        return { name: first, symbols: [first], guessed: true };
    return null;
}

/**
 * Words C puts before `(` that are no function or macro: `if (a>b)`, `sizeof(x)`, `asm volatile(`.
 * A call site's or a definition's name is never one of them (`__builtin_expect` is GCC's own).
 */
const NOT_CALLEES = new Set([
    'if',
    'while',
    'for',
    'switch',
    'return',
    'sizeof',
    'typeof',
    '__typeof__',
    '__typeof',
    'do',
    'else',
    'case',
    'goto',
    'alignof',
    '_Alignof',
    '__alignof__',
    '_Generic',
    'defined',
    '__attribute__',
    'asm',
    '__asm__',
    'volatile',
    '__volatile__',
    '__builtin_expect'
]);

/**
 * Reads a function definition's header backwards from its body's `{`, on a view where comments,
 * strings, directives and attribute macros are blanked. tree-sitter finds the bodies; the header is
 * read here because tree-sitter mis-parses kernel headers (macro declarators, unknown annotations).
 */
/** `/\w/` on one character, by its code: a regex a character costs most of a header's reading. */
function isIdentChar(c) {
    if (c === undefined)
        return false;
    const k = c.charCodeAt(0);
    return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95;
}
/** `/\s/` on one character: ASCII by its code, the Unicode spaces by the regex. */
function isSpace(c) {
    if (c === undefined)
        return false;
    const k = c.charCodeAt(0);
    return k === 32 || (k >= 9 && k <= 13) || (k > 127 && /\s/.test(c));
}
function skipSpaceBack(code, i) {
    while (i >= 0 && isSpace(code[i]))
        i--;
    return i;
}
/** Offset of the `(` matching the `)` at `close`, or -1. */
function matchParenBack(code, close) {
    let depth = 0;
    for (let i = close; i >= 0; i--) {
        const c = code[i];
        if (c === ')')
            depth++;
        else if (c === '(') {
            depth--;
            if (depth === 0)
                return i;
        }
        else if (c === ';' || c === '{' || c === '}')
            return -1;
    }
    return -1;
}
/** The identifier (or `a ## b` paste chain when `pasting`) ending at `end`. */
function nameBack(code, end, pasting) {
    const pieces = [];
    let i = end;
    for (;;) {
        let s = i;
        while (s > 0 && isIdentChar(code[s - 1]))
            s--;
        pieces.unshift(code.slice(s, i + 1));
        if (!pasting)
            return { pieces, start: s };
        const k = skipSpaceBack(code, s - 1);
        if (k < 1 || code[k] !== '#' || code[k - 1] !== '#')
            return { pieces, start: s };
        const prev = skipSpaceBack(code, k - 2);
        if (!isIdentChar(code[prev]))
            return { pieces, start: s };
        i = prev;
    }
}
const BOUNDS = [';', '{', '}', '(', ')'];
const NON_SPACE = /\S/g;
/**
 * Start of the definition: just after the previous `;`, `{` or `}` outside parentheses (`after`),
 * then past the blanks. The scan jumps between those characters (a kernel definition is often
 * preceded by a long comment, blanked): it sees the same ones, in the same order, as a walk back.
 * Exported for the test that holds it to that walk.
 */
function definitionStart(code, from, floor) {
    const last = BOUNDS.map(c => (from > 0 ? code.lastIndexOf(c, from - 1) : -1));
    let depth = 0;
    let i = Math.min(from, floor) - 1;
    for (;;) {
        let k = 0;
        for (let j = 1; j < last.length; j++)
            if (last[j] > last[k])
                k = j;
        const at = last[k];
        if (at < floor)
            break;
        const c = BOUNDS[k];
        if (c === ')')
            depth++;
        else if (c === '(')
            depth--;
        else if (depth <= 0) {
            i = at;
            break;
        }
        last[k] = at > 0 ? code.lastIndexOf(c, at - 1) : -1;
    }
    const after = i + 1;
    NON_SPACE.lastIndex = after;
    const next = after < from ? NON_SPACE.exec(code) : null;
    return { after, start: next && next.index < from ? next.index : from };
}
/**
 * The header of the definition whose body starts at `brace`, or null when the `{` does not follow
 * a parameter list (struct bodies, initialisers, statement blocks). `floor` bounds the backward
 * scan (the start of a macro body).
 */
function readHeader(code, brace, pasting = false, floor = 0) {
    let i = skipSpaceBack(code, brace - 1);
    for (;;) {
        if (i < floor || code[i] !== ')')
            return null;
        const open = matchParenBack(code, i);
        if (open < floor)
            return null;
        const j = skipSpaceBack(code, open - 1);
        if (j >= floor && isIdentChar(code[j])) {
            const { pieces, start } = nameBack(code, j, pasting);
            const word = pieces.join('');
            if (NOT_CALLEES.has(word) || /^\d/.test(word))
                return null;
            const k = skipSpaceBack(code, start - 1);
            // `f(args) __unknown_annotation(x) {`: the group just read was an annotation.
            if (k >= floor && code[k] === ')' && !/^[A-Z0-9_]+$/.test(word)) {
                i = k;
                continue;
            }
            const { after, start: startOffset } = definitionStart(code, start, floor);
            return {
                pieces,
                nameOffset: start,
                paramsOpen: open,
                paramsEnd: i + 1,
                startOffset,
                afterPrevious: after,
                isStatic: /\bstatic\b/.test(code.slice(startOffset, start))
            };
        }
        if (j >= floor && code[j] === ')') {
            // `int (*f(void))(int) {`: a function returning a function pointer; its name is the first
            // identifier followed by a parameter list inside the parenthesised declarator.
            const innerOpen = matchParenBack(code, j);
            if (innerOpen < floor)
                return null;
            const inner = code.slice(innerOpen, j + 1);
            const m = /([A-Za-z_]\w*)\s*\(/.exec(inner.slice(1));
            if (!m)
                return null;
            const nameOffset = innerOpen + 1 + m.index;
            const { after, start: startOffset } = definitionStart(code, innerOpen, floor);
            return {
                pieces: [m[1]],
                nameOffset,
                paramsOpen: open,
                paramsEnd: i + 1,
                startOffset,
                afterPrevious: after,
                isStatic: /\bstatic\b/.test(code.slice(startOffset, innerOpen))
            };
        }
        return null;
    }
}
/** Top-level comma-separated arguments of the group `(`...`)` (trimmed, parentheses excluded). */
function splitArgs(group) {
    const inner = group.slice(1, -1);
    const args = [];
    let depth = 0;
    let cur = '';
    for (const c of inner) {
        if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}')
            depth--;
        if (c === ',' && depth === 0) {
            args.push(cur.trim());
            cur = '';
        }
        else
            cur += c;
    }
    if (cur.trim() !== '' || args.length > 0)
        args.push(cur.trim());
    return args;
}

/**
 * The recent analyses of each parser, by text, up to KEPT_CHARS of text. One run analyses the
 * same image many times: the diff mapper twice (before the dumps are loaded, then again with each
 * set's .config), the header impact, the review tier's caller search, which on a wide header
 * parse the same few hundred `.c` files and headers each (tree-sitter: 0.3-0.7 s on `skbuff.h`).
 * An analysis is read-only data derived from the text alone, so equal text gives an equal answer;
 * the key is the whole text, never a path (an image differs from the file on disk).
 */
const KEPT_CHARS = 16_000_000;
const byParser = new WeakMap();
function recall(parser, text, compute) {
    let cache = byParser.get(parser);
    if (!cache)
        byParser.set(parser, (cache = { recent: new Map(), chars: 0 }));
    const { recent } = cache;
    let value = recent.get(text);
    if (value === undefined) {
        value = compute();
        cache.chars += text.length;
        // Map order is the LRU order: the least recently used goes first; the newest always stays.
        for (const old of recent.keys()) {
            if (cache.chars <= KEPT_CHARS)
                break;
            recent.delete(old);
            cache.chars -= old.length;
        }
    }
    else
        recent.delete(text);
    recent.set(text, value);
    return value;
}

const stores = new WeakMap();
/**
 * Parses of `parser` are looked up in and added to `store` until `forgetParses`. Keyed by the
 * parser like the in-run cache (recent.ts): one process has one C parser, which every caller of the
 * locator shares, so the run's entry registers the store once rather than pass it down each path.
 */
function keepParses(parser, store) {
    stores.set(parser, store);
}
function forgetParses(parser) {
    stores.delete(parser);
}
function parseStoreOf(parser) {
    return stores.get(parser);
}

/**
 * What the locator computes and how. A stored parse holds its answer, so a change to the files
 * that make it (locate.ts, attributes.ts, definers.ts, header.ts, mask.ts) must bump this: a test
 * pins it to those files' digest and fails until it is bumped. The grammar and the tree-sitter
 * runtime are part of the store's key (the adapter hashes their wasm), not of this number.
 */
const PARSE_CACHE_SCHEMA = 6;
function encodeParse(parse) {
    return JSON.stringify({ b: parse.bodies, d: parse.declarations });
}
/**
 * The stored parse, or undefined when `stored` is not one this code wrote (then the text is
 * parsed again). The store checked its digest; the shape is checked here field by field, since
 * a wrong field would become a wrong function name or line in a report.
 */
function decodeParse(stored) {
    let value;
    try {
        value = JSON.parse(stored);
    }
    catch {
        return undefined;
    }
    if (!isRecord(value) || !Array.isArray(value.b) || !Array.isArray(value.d))
        return undefined;
    const bodies = value.b;
    const declarations = value.d;
    if (!bodies.every(isBody) || !declarations.every(isDeclaration))
        return undefined;
    return { bodies, declarations };
}
const DECLARATION_KINDS = new Set([
    'type',
    'global',
    'include',
    'prototype',
    'extern',
    'other'
]);
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isLine(v) {
    return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
function isStrings(v) {
    return Array.isArray(v) && v.every(s => typeof s === 'string');
}
function isBody(v) {
    return (isRecord(v) &&
        typeof v.name === 'string' &&
        isStrings(v.symbols) &&
        isLine(v.startLine) &&
        isLine(v.endLine) &&
        isLine(v.bodyLine) &&
        typeof v.isStatic === 'boolean' &&
        (v.generatedBy === undefined || typeof v.generatedBy === 'string') &&
        (v.guessed === undefined || v.guessed === true) &&
        (v.attributes === undefined || isStrings(v.attributes)) &&
        isLine(v.bodyStart) &&
        isLine(v.bodyEnd));
}
function isDeclaration(v) {
    return (isRecord(v) &&
        typeof v.kind === 'string' &&
        DECLARATION_KINDS.has(v.kind) &&
        (v.name === undefined || typeof v.name === 'string') &&
        isLine(v.startLine) &&
        isLine(v.endLine));
}

/** Every `#define`, read from the directive ranges (inside `#if` branches and bodies too). */
function collectMacros(masked, directives, lines) {
    const macros = [];
    const templates = [];
    const bodies = [];
    for (const [from, to] of directives) {
        const d = masked.slice(from, to);
        const m = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\()?/.exec(d);
        if (!m)
            continue;
        const def = {
            name: m[1],
            startLine: lines.lineOf(from),
            endLine: lines.lineOf(Math.max(from, to - 1))
        };
        if (m[2]) {
            const open = m[0].length - 1;
            const close = matchParen(d, open);
            if (close < 0)
                continue;
            def.params = splitArgs(d.slice(open, close))
                .filter(p => p !== '')
                .map(p => (p === '...' ? '__VA_ARGS__' : p.replace(/\.\.\.$/, '')));
            const body = d.slice(close).replace(/\\(?=[ \t]*\n)/g, ' ');
            const functions = templateFunctions(body);
            if (functions.length > 0)
                templates.push({ macro: m[1], params: def.params, functions });
            else
                bodies.push({ macro: m[1], params: def.params, body });
        }
        macros.push(def);
    }
    return { macros, templates: [...templates, ...nestedTemplates(templates, bodies)] };
}
/**
 * Macros that generate functions by invoking a template (`NETDEVICE_SHOW_RO(f, x)` expanding to
 * `NETDEVICE_SHOW(f, x)`), a few levels deep: the template's name pieces are rewritten in terms
 * of the outer macro's parameters.
 */
function nestedTemplates(known, candidates) {
    const found = [];
    let frontier = known;
    for (let round = 0; round < 3 && frontier.length > 0; round++) {
        const next = [];
        for (const c of candidates) {
            if (found.some(t => t.macro === c.macro))
                continue;
            const functions = [];
            for (const t of frontier) {
                const re = new RegExp(`\\b${t.macro}\\s*\\(`, 'g');
                let m;
                while ((m = re.exec(c.body)) !== null) {
                    const open = m.index + m[0].length - 1;
                    const close = matchParen(c.body, open);
                    if (close < 0)
                        break;
                    const args = splitArgs(c.body.slice(open, close));
                    const bind = new Map(t.params.map((p, i) => [p, args[i] ?? '']));
                    for (const f of t.functions) {
                        const pieces = f.pieces.flatMap(p => {
                            const arg = bind.get(p);
                            return arg === undefined ? [p] : arg.split('##').map(a => a.trim());
                        });
                        functions.push({ pieces, isStatic: f.isStatic });
                    }
                    re.lastIndex = close;
                }
            }
            if (functions.length > 0)
                next.push({ macro: c.macro, params: c.params, functions });
        }
        append(found, next);
        frontier = next;
    }
    return found;
}
/** Functions a macro body defines: every depth-0 `{` that follows a parameter list. */
function templateFunctions(body) {
    const found = [];
    let depth = 0;
    let paren = 0;
    let floor = 0;
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === '(')
            paren++;
        else if (c === ')')
            paren--;
        else if (c === '{') {
            if (depth === 0 && paren === 0) {
                const h = readHeader(body, i, true, floor);
                if (h)
                    found.push({ pieces: h.pieces, isStatic: h.isStatic });
            }
            depth++;
        }
        else if (c === '}') {
            depth--;
            if (depth === 0)
                floor = i + 1;
        }
        else if (c === ';' && depth === 0)
            floor = i + 1;
    }
    return found;
}
/**
 * Functions generated by invocations of templates at top level. GCC locates such a function at
 * its invocation, so the invocation's lines are its range.
 */
function generatedFunctions(code, templates, bodies, lines) {
    const out = [];
    const inBody = (at) => bodies.some(([s, e]) => at >= s && at < e);
    for (const t of templates) {
        const re = new RegExp(`\\b${t.macro}\\s*\\(`, 'g');
        let m;
        while ((m = re.exec(code)) !== null) {
            if (inBody(m.index))
                continue;
            const open = m.index + m[0].length - 1;
            const close = matchParen(code, open);
            if (close < 0)
                continue;
            const args = splitArgs(code.slice(open, close));
            const bind = new Map(t.params.map((p, i) => [p, args[i] ?? '']));
            for (const f of t.functions) {
                const name = f.pieces.map(p => bind.get(p) ?? p).join('');
                if (!/^[A-Za-z_]\w*$/.test(name))
                    continue;
                const line = lines.lineOf(m.index);
                out.push({
                    name,
                    symbols: [name],
                    startLine: line,
                    endLine: lines.lineOf(close - 1),
                    bodyLine: line,
                    isStatic: f.isStatic,
                    generatedBy: t.macro,
                    bodyStart: m.index,
                    bodyEnd: close
                });
            }
            re.lastIndex = close;
        }
    }
    return out;
}

/** Nodes whose children are top-level items (conditional branches, error recovery). */
const CONTAINERS = new Set([
    'translation_unit',
    'preproc_if',
    'preproc_ifdef',
    'preproc_else',
    'preproc_elif',
    'preproc_elifdef',
    'linkage_specification',
    'declaration_list',
    'ERROR'
]);
function lastLine(node) {
    const end = node.endPosition;
    return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
}
/** Offset just past the `}` matching the `{` at `open` in `code`, or -1. */
function matchBrace$1(code, open) {
    let depth = 0;
    for (let i = open; i < code.length; i++) {
        if (code[i] === '{')
            depth++;
        else if (code[i] === '}' && --depth === 0)
            return i + 1;
    }
    return -1;
}
/** Ascending offsets of every `{` in `code`: only a node holding one can be a body or hold one. */
function braceOffsets(code) {
    const out = [];
    for (let i = code.indexOf('{'); i >= 0; i = code.indexOf('{', i + 1))
        out.push(i);
    return out;
}
/** The first of the ascending `offsets` at or after `from`, or -1. */
function nextOffset(offsets, from) {
    const i = partitionPoint(offsets.length, k => offsets[k] < from);
    return i < offsets.length ? offsets[i] : -1;
}
/**
 * Walks with a cursor rather than `node.children`: each child Node costs an allocation and several
 * wasm calls, and most of a kernel file's nodes are declarations, initializers and struct members
 * holding no `{` at all, skipped here from their offsets alone. A Node is built only for a body.
 * The walks, functionAt and classify are exported for the test that holds the walks to a plain
 * recursion over `node.children`.
 */
function collectBodies(tree, code, lines, attrs) {
    const found = [];
    const braces = braceOffsets(code);
    let floor = 0;
    const cursor = tree.walk();
    // Types and ends of the cursor's ancestors: a bare `{` counts only under an ERROR node; a node
    // starts no earlier than its parent starts or its previous sibling (or an ancestor's) ends.
    const parents = [];
    const ends = [];
    let type = '';
    let start = 0;
    /** Reads the node under the cursor; true when its children are to be visited. */
    const visit = (low, end) => {
        // functionAt needs a `{` at the body's start in `code`; a zero-width node starts at one too.
        // Most nodes hold none even from `low` on, and their start is then never read.
        const first = nextOffset(braces, low);
        if (first < 0 || first > end)
            return false;
        start = cursor.startIndex;
        const brace = first >= start ? first : nextOffset(braces, start);
        if (brace < 0 || (brace >= end && brace !== start))
            return false;
        type = cursor.nodeType;
        // A bare `{` is a body whose statements error recovery spread out (e.g. after a
        // `for_each_...(i)` loop macro); its end is then matched lexically.
        const body = type === 'compound_statement' || (type === '{' && parents[parents.length - 1] === 'ERROR');
        if (body && start >= floor) {
            const f = functionAt(cursor.currentNode, code, lines, attrs);
            if (f) {
                found.push(f);
                floor = f.bodyEnd;
                // Error recovery can leave a body unclosed to the end of the file: the functions after
                // its lexical end are still in it.
                if (end <= floor)
                    return false;
            }
        }
        return true;
    };
    try {
        let end = cursor.endIndex;
        let descend = visit(0, end);
        for (;;) {
            let low = end;
            if (descend && cursor.gotoFirstChild()) {
                parents.push(type);
                ends.push(end);
                low = start;
            }
            else {
                while (!cursor.gotoNextSibling()) {
                    if (!cursor.gotoParent())
                        return found;
                    parents.pop();
                    low = ends.pop() ?? 0;
                }
            }
            end = cursor.endIndex;
            descend = end > floor && visit(low, end);
        }
    }
    finally {
        cursor.delete();
    }
}
function functionAt(body, code, lines, attrs) {
    const brace = body.startIndex;
    if (code[brace] !== '{')
        return null;
    const h = readHeader(code, brace);
    if (!h)
        return null;
    const word = h.pieces.join('');
    let name = word;
    let symbols = [word];
    let generatedBy;
    const definer = /^[A-Z][A-Z0-9_]*$/.test(word)
        ? definerNames(word, splitArgs(code.slice(h.paramsOpen, h.paramsEnd)))
        : null;
    if (definer) {
        ({ name, symbols } = definer);
        if (!/SYSCALL_DEFINE\d$/.test(word))
            generatedBy = word;
    }
    // A body tree-sitter closed early (unbalanced braces across #if branches) is re-matched here.
    const last = body.type === 'compound_statement' ? body.lastChild : null;
    const closed = last?.type === '}' && !last.isMissing;
    // One tree-sitter left open (a `for_each_...(x) stmt;` loop macro without braces) can run to the
    // end of the file: the lexical match is then the end.
    const lexical = closed ? -1 : matchBrace$1(code, brace);
    const bodyEnd = closed ? body.endIndex : lexical > 0 ? lexical : body.endIndex;
    const f = {
        name,
        symbols,
        startLine: lines.lineOf(h.startOffset),
        endLine: lines.lineOf(bodyEnd - 1),
        bodyLine: lines.lineOf(brace),
        isStatic: h.isStatic || /SYSCALL_DEFINE\d$/.test(word),
        bodyStart: brace,
        bodyEnd
    };
    if (generatedBy)
        f.generatedBy = generatedBy;
    if (definer?.guessed)
        f.guessed = true;
    // Leading annotations are blanked in `code`, so the head starts at the previous `;`, `{` or `}`.
    const head = h.afterPrevious;
    const attributes = attributesIn(attrs.view, attrs.text, head, brace, h.paramsOpen, h.paramsEnd);
    if (attributes.length > 0)
        f.attributes = attributes;
    return f;
}
/**
 * The text of the first node of the first of `types` found in `node` (itself included), in document
 * order: `descendantsOfType(t)[0]` without building a Node for every match (a table's initializer
 * holds thousands of identifiers). Like it, skips a zero-width node at the very start of the file.
 */
function firstIdentifier(node, types) {
    for (const t of types) {
        const cursor = node.walk();
        try {
            for (;;) {
                if (cursor.nodeType === t && cursor.endIndex !== 0)
                    return cursor.nodeText;
                if (cursor.gotoFirstChild())
                    continue;
                let moved = cursor.gotoNextSibling();
                while (!moved && cursor.gotoParent())
                    moved = cursor.gotoNextSibling();
                if (!moved)
                    break;
            }
        }
        finally {
            cursor.delete();
        }
    }
    return undefined;
}
/**
 * `f(void)` or `*f(void)` (a function returning a pointer); not `(*fp)(void)`, which is a variable
 * holding a function pointer.
 */
function isFunctionDeclarator(d) {
    let node = d;
    while (node?.type === 'pointer_declarator')
        node = node.childForFieldName('declarator');
    return (node?.type === 'function_declarator' &&
        node.childForFieldName('declarator')?.type === 'identifier');
}
function classify(node) {
    const base = { startLine: node.startPosition.row + 1, endLine: lastLine(node) };
    switch (node.type) {
        case 'comment':
        case 'preproc_def':
        case 'preproc_function_def':
        case ';':
        case '#if':
        case '#ifdef':
        case '#ifndef':
        case '#endif':
        case '#else':
        case '#elif':
            return null;
        case 'preproc_include':
            return { kind: 'include', name: node.childForFieldName('path')?.text, ...base };
        case 'type_definition':
            return { kind: 'type', name: firstIdentifier(node, ['type_identifier']), ...base };
        case 'struct_specifier':
        case 'union_specifier':
        case 'enum_specifier':
            return { kind: 'type', name: node.childForFieldName('name')?.text, ...base };
        case 'declaration': {
            const type = node.childForFieldName('type');
            if (type &&
                /^(struct|union|enum)_specifier$/.test(type.type) &&
                type.childForFieldName('body')) {
                return { kind: 'type', name: type.childForFieldName('name')?.text, ...base };
            }
            const decls = node.childrenForFieldName('declarator').filter(d => d !== null);
            const prototype = decls.length > 0 && decls.every(isFunctionDeclarator);
            const name = decls[0] ? firstIdentifier(decls[0], ['identifier']) : undefined;
            const extern = node.children.some(c => c?.type === 'storage_class_specifier' && c.text === 'extern');
            const defines = decls.some(d => d.type === 'init_declarator');
            const kind = prototype ? 'prototype' : extern && !defines ? 'extern' : 'global';
            return { kind, name, ...base };
        }
        case 'expression_statement': {
            const callee = node.firstChild?.childForFieldName('function')?.text;
            const global = callee !== undefined && /^(DEFINE_|DECLARE_|LIST_HEAD$)/.test(callee);
            return { kind: global ? 'global' : 'other', name: callee, ...base };
        }
        default:
            return { kind: 'other', ...base };
    }
}
/** Types classify never records, skipped before their lines are read. */
const SKIPPED = new Set([
    'comment',
    'preproc_def',
    'preproc_function_def',
    ';',
    '#if',
    '#ifdef',
    '#ifndef',
    '#endif',
    '#else',
    '#elif'
]);
/**
 * For `functions` in startLine order: the last endLine among those starting at or before a line.
 * A line range overlaps a function exactly when that figure for its last line reaches its first.
 */
function reachBefore(functions) {
    const reach = [];
    for (const f of functions)
        reach.push(Math.max(f.endLine, reach[reach.length - 1] ?? -Infinity));
    return line => {
        const n = partitionPoint(functions.length, k => functions[k].startLine <= line);
        return n > 0 ? reach[n - 1] : -Infinity;
    };
}
function collectDeclarations(tree, functions) {
    const out = [];
    const reach = reachBefore(functions);
    const cursor = tree.walk();
    try {
        if (!cursor.gotoFirstChild())
            return out;
        for (;;) {
            const type = cursor.nodeType;
            let descend = CONTAINERS.has(type);
            if (!descend) {
                const startRow = cursor.startPosition.row;
                const endPosition = cursor.endPosition;
                const start = startRow + 1;
                const end = endPosition.column === 0 && endPosition.row > startRow
                    ? endPosition.row
                    : endPosition.row + 1;
                // A node that runs past the end of the function it starts in holds top-level items that
                // error recovery put inside a body left open (see functionAt): they are read from inside
                // it. The functions it starts in are those before it that reach it: all end before it
                // ends when the furthest does.
                const owner = reach(start);
                descend = owner >= start && owner < end;
                if (!descend && !SKIPPED.has(type) && reach(end) < start) {
                    const d = classify(cursor.currentNode);
                    if (d) {
                        if (d.name === undefined)
                            delete d.name;
                        out.push(d);
                    }
                }
            }
            if (descend && cursor.gotoFirstChild())
                continue;
            while (!cursor.gotoNextSibling()) {
                if (!cursor.gotoParent())
                    return out;
            }
        }
    }
    finally {
        cursor.delete();
    }
}
/** Runs the locator and keeps the views the diff mapper reuses (read-only: shared by callers). */
function analyseSource(parser, text) {
    return recall(parser, text, () => analyseFresh(parser, text));
}
function analyseFresh(parser, text) {
    const masked = maskCommentsAndStrings(text);
    const directives = directiveRanges(masked);
    const lines = new LineIndex(text);
    const attributes = attributeRanges(masked, directives);
    const code = blankDirectives(blankAttributes(masked, masked, directives, attributes), directives);
    const { macros, templates } = collectMacros(masked, directives, lines);
    const store = parseStoreOf(parser);
    const stored = store?.get(text);
    const kept = stored === undefined ? undefined : decodeParse(stored);
    let parsed;
    let functions;
    if (kept) {
        parsed = kept;
        functions = withGenerated(kept.bodies, code, templates, lines);
    }
    else {
        const parseText = blankAttributes(text, masked, directives, attributes);
        const view = blankDirectives(masked, directives);
        ({ parsed, functions } = parseTree(parser, parseText, tree => {
            const bodies = collectBodies(tree, code, lines, { view, text });
            const all = withGenerated(bodies, code, templates, lines);
            return { parsed: { bodies, declarations: collectDeclarations(tree, all) }, functions: all };
        }));
        store?.set(text, encodeParse(parsed));
    }
    const map = {
        functions: functions.map(({ bodyStart: _s, bodyEnd: _e, ...f }) => f),
        macros,
        declarations: parsed.declarations
    };
    return { map, functions, code, masked, lines };
}
function parseTree(parser, text, read) {
    const tree = parser.parse(text);
    if (!tree)
        throw new Error('tree-sitter returned no tree');
    try {
        return read(tree);
    }
    finally {
        tree.delete();
    }
}
/** The bodies tree-sitter found and the functions macro invocations define, in line order. */
function withGenerated(bodies, code, templates, lines) {
    const ranges = bodies.map((f) => [f.bodyStart, f.bodyEnd]);
    const generated = generatedFunctions(code, templates, ranges, lines);
    // A generator called with no `;` after it (`SHOW(cnt, long, nr)` then `int f(...) {`) is read
    // by tree-sitter as the head of the next definition: that function starts after the call.
    const starts = generated.map(g => g.startLine).sort((a, b) => a - b);
    const heads = bodies.map(f => {
        let end = -1;
        const first = partitionPoint(starts.length, k => starts[k] < f.startLine);
        for (let i = first; i < starts.length; i++) {
            if (starts[i] >= f.bodyLine)
                break;
            for (const g of generated)
                if (g.startLine === starts[i] && g.endLine < f.bodyLine)
                    end = Math.max(end, g.endLine);
        }
        return end < 0 ? f : { ...f, startLine: end + 1 };
    });
    return [...heads, ...generated].sort((a, b) => a.startLine - b.startLine || a.name.localeCompare(b.name));
}
/** Every function definition, `#define` and other top-level declaration of one source image. */
function locateSource(parser, text) {
    return analyseSource(parser, text).map;
}

/** Headers of the fix with both images (a new header is seen by no existing code). */
function headerImages(parser, changes) {
    return imagesOf(parser, changes, '.h');
}
/** Both images of each changed file whose name ends in `ext` and that the fix does not create. */
function imagesOf(parser, changes, ext) {
    const out = [];
    for (const change of changes) {
        if (!change.path.endsWith(ext) || change.oldText === null || change.newText === null)
            continue;
        if (change.patch.oldPath === null)
            continue;
        out.push({
            path: change.path,
            pre: analyseSource(parser, change.oldText),
            post: analyseSource(parser, change.newText),
            change
        });
    }
    return out;
}
function hunkLine$1(h) {
    const add = h.lines.find(l => l.type === 'add');
    if (add?.newLine !== undefined)
        return add.newLine;
    return h.lines.find(l => l.type === 'del')?.oldLine ?? h.newStart;
}
/** Text of every definition of `name` in one image, comments and layout gone. */
function macroDefinitions(a, name) {
    const lines = a.masked.split('\n');
    return a.map.macros
        .filter(m => m.name === name)
        .map(m => lines
        .slice(m.startLine - 1, m.endLine)
        .join('\n')
        .replace(/\\\r?\n/g, ' ')
        .replace(/\s+/g, ' ')
        .trim())
        .join('\n');
}
/** The macros whose definition lines a hunk touches, and whether the fix adds, removes or changes them. */
function macroSubjects(img) {
    const found = new Map();
    for (const h of img.change.patch.hunks) {
        const line = hunkLine$1(h);
        const names = new Map();
        for (const l of h.lines) {
            const [a, n] = l.type === 'del' ? [img.pre, l.oldLine] : l.type === 'add' ? [img.post, l.newLine] : [];
            if (!a || n === undefined)
                continue;
            const side = l.type === 'del' ? 'pre' : 'post';
            for (const m of a.map.macros)
                if (n >= m.startLine && n <= m.endLine)
                    names.set(m.name, [...(names.get(m.name) ?? []), { side, line: n }]);
        }
        for (const [name, changed] of names) {
            const known = found.get(name);
            if (known) {
                append(known.changed, changed);
                continue;
            }
            const before = macroDefinitions(img.pre, name);
            const after = macroDefinitions(img.post, name);
            if (before === after)
                continue;
            const status = before === '' ? 'added' : after === '' ? 'removed' : 'changed';
            found.set(name, {
                header: img.path,
                name,
                status,
                line,
                changed,
                ...(status === 'added' ? { body: after } : {})
            });
        }
    }
    return [...found.values()].sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
}

/**
 * Spellings of one C type that GCC compiles identically in an x86_64 kernel build: the fixed-width
 * typedefs of include/uapi/asm-generic/int-ll64.h and include/linux/types.h, the optional words of
 * a base type (`unsigned` for `unsigned int`, `long int` for `long`), and the sparse annotations
 * that include/linux/compiler_types.h defines to nothing (or to a BTF type tag, debug info only)
 * when the compiler is not sparse. A fix that only swaps such spellings (`const unsigned char *` to
 * `const u8 *` in a tty write op) changes no machine code.
 *
 * `__user` is left alone: with the structleak GCC plugin it becomes an attribute that changes which
 * locals the plugin zeroes. `char` is not `signed char` (distinct types, `_Generic` tells them
 * apart), nor is `u64` `unsigned long` (same size, different type).
 */
const TYPEDEFS = {
    __u8: 'unsigned char',
    u8: 'unsigned char',
    uint8_t: 'unsigned char',
    u_int8_t: 'unsigned char',
    __s8: 'signed char',
    s8: 'signed char',
    int8_t: 'signed char',
    __u16: 'unsigned short',
    u16: 'unsigned short',
    uint16_t: 'unsigned short',
    u_int16_t: 'unsigned short',
    __s16: 'short',
    s16: 'short',
    int16_t: 'short',
    __u32: 'unsigned int',
    u32: 'unsigned int',
    uint32_t: 'unsigned int',
    u_int32_t: 'unsigned int',
    __s32: 'int',
    s32: 'int',
    int32_t: 'int',
    __u64: 'unsigned long long',
    u64: 'unsigned long long',
    uint64_t: 'unsigned long long',
    u_int64_t: 'unsigned long long',
    __s64: 'long long',
    s64: 'long long',
    int64_t: 'long long',
    // __bitwise is empty for GCC: the endian types are their plain integers.
    __le16: 'unsigned short',
    __be16: 'unsigned short',
    __le32: 'unsigned int',
    __be32: 'unsigned int',
    __le64: 'unsigned long long',
    __be64: 'unsigned long long',
    bool: '_Bool',
    u_char: 'unsigned char',
    unchar: 'unsigned char',
    u_short: 'unsigned short',
    ushort: 'unsigned short',
    u_int: 'unsigned int',
    uint: 'unsigned int',
    u_long: 'unsigned long',
    ulong: 'unsigned long',
    __signed__: 'signed'
};
/** Empty for GCC outside sparse (compiler_types.h, uapi/linux/types.h). */
const NO_CODE = new Set([
    '__rcu',
    '__iomem',
    '__kernel',
    '__force',
    '__nocast',
    '__safe',
    '__private',
    '__bitwise',
    '__percpu'
]);
/** C's tokens, punctuators of several characters whole: `a + ++b` is not `a++ + b`. */
const TOKEN$2 = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|[A-Za-z_]\w*|\s+|\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|##|[\s\S]/g;
/**
 * One canonical spelling of `code` (comments already removed): equal results compile to the same
 * machine code. Literals are kept as written. Returns undefined for text this cannot judge: the
 * preprocessor's `#` and `##` turn spellings into strings and identifiers.
 */
/** Whether `name` is one of the typedefs above (`u64`, `__le32`, `bool`): a type, never a macro. */
function isFixedTypedef(name) {
    return Object.hasOwn(TYPEDEFS, name);
}
function canonicalTypeSpelling(code) {
    const words = [];
    // Lines a backslash splices are one line (a directive runs on; a literal's spaces stay inside it).
    for (const line of code.replace(/\\\r?\n/g, '').split('\n')) {
        const directive = /^\s*#\s*(\w+)/.exec(line);
        if (directive?.[1] === 'include') {
            words.push(line.trim(), '\n');
            continue;
        }
        const body = directive ? line.slice(directive[0].length) : line;
        for (const m of body.match(TOKEN$2) ?? []) {
            if (m === '#' || m === '##')
                return undefined;
            if (/^\s+$/.test(m))
                continue;
            if (NO_CODE.has(m))
                continue;
            // Own keys only: `constructor` or `toString` in code must not reach Object's prototype.
            const spelled = Object.hasOwn(TYPEDEFS, m) ? TYPEDEFS[m] : m;
            for (const w of spelled.split(' '))
                words.push(w);
        }
        // A directive ends at its line; code does not.
        if (directive)
            words.push(directive[1], '\n');
    }
    return baseTypes(words).join(' ');
}
const SIZE = new Set(['char', 'short', 'int', 'long']);
/** `unsigned` alone is `unsigned int`; `signed int` is `int`; `long int`, `short int` drop `int`. */
function baseTypes(words) {
    const out = [];
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        const next = words[i + 1];
        if (w === 'signed' && next !== 'char') {
            if (!SIZE.has(next ?? ''))
                out.push('int');
            continue;
        }
        if (w === 'unsigned' && !SIZE.has(next ?? '')) {
            out.push('unsigned', 'int');
            continue;
        }
        if (w === 'int' && (out[out.length - 1] === 'long' || out[out.length - 1] === 'short'))
            continue;
        out.push(w);
    }
    return out;
}
const SAME_TYPE_SPELLING = 'only type spellings that compile alike change (fixed-width typedefs, sparse annotations): no code changes';
/** Whether two code texts differ only in spellings of the same types. */
function sameTypeSpelling(before, after) {
    const a = canonicalTypeSpelling(before);
    return a !== undefined && a === canonicalTypeSpelling(after);
}

const BASE = {
    char: 1,
    'signed char': 1,
    'unsigned char': 1,
    _Bool: 1,
    short: 2,
    'unsigned short': 2,
    int: 4,
    'unsigned int': 4,
    long: 8,
    'unsigned long': 8,
    'long long': 8,
    'unsigned long long': 8,
    float: 4,
    double: 8,
    // LP64 typedefs of the C library's names (include/linux/types.h through posix_types.h, whose
    // 32-bit alternatives sit under #if and so have no single definition to read).
    size_t: 8,
    ssize_t: 8,
    ptrdiff_t: 8,
    uintptr_t: 8,
    loff_t: 8
};
const QUALIFIERS = new Set(['const', 'volatile', 'signed', 'extern', 'static', 'register']);
/** Layout of `{ members }` (the body without braces), or undefined when it cannot be exact. */
function layoutOf(body, kind, resolve, enumSize) {
    const out = { size: 0, align: 1, members: new Map() };
    // Next free bit of a struct: bitfields pack into the bits an earlier member left.
    let bit = 0;
    const members = withoutDefines(body);
    for (const decl of splitTop$1(members, ';')) {
        const placed = member(decl, resolve, enumSize);
        if (!placed)
            return undefined;
        for (const item of placed) {
            let at;
            if (item.width !== undefined) {
                if (kind === 'union')
                    return undefined;
                // GCC's x86_64 rule: a bitfield does not cross a boundary of its declared type's unit; it
                // starts the next unit instead, and gives the struct that type's alignment.
                const unit = item.size * 8;
                if (item.width === 0)
                    bit = roundUp(bit, unit);
                else if (Math.floor(bit / unit) !== Math.floor((bit + item.width - 1) / unit))
                    bit = roundUp(bit, unit);
                at = bit;
                bit += item.width;
            }
            else {
                at = kind === 'union' ? 0 : roundUp(Math.ceil(bit / 8), item.align) * 8;
                if (kind === 'union')
                    out.size = Math.max(out.size, item.size);
                else
                    bit = at + item.size * 8;
            }
            for (const [name, m] of item.names) {
                if (out.members.has(name))
                    return undefined;
                const abs = at + m.bit;
                out.members.set(name, { offset: Math.floor(abs / 8), type: m.type, bit: abs, bits: m.bits });
            }
            // An unnamed bitfield's type does not align the struct (the x86_64 psABI; GCC 12 agrees:
            // `struct { char c; int :4; }` is 2 bytes, aligned 1).
            if (!item.unnamed)
                out.align = Math.max(out.align, item.align);
        }
    }
    if (kind === 'struct')
        out.size = Math.ceil(bit / 8);
    out.size = roundUp(out.size, out.align);
    return out;
}
/** A `#define` between members (flag values beside the field) lays out nothing; `#if` stays. */
function withoutDefines(body) {
    return body.replace(/^[ \t]*#[ \t]*define\b(?:[^\n]*\\\r?\n)*[^\n]*$/gm, '');
}
/** One member declaration (`int a, *b`, `struct { ... } s`, `union { ... }`, `u8 a:1, b:2`). */
function member(decl, resolve, enumSize) {
    if (/#/.test(decl))
        return undefined;
    // include/uapi/linux/stddef.h: `struct { struct { } __empty_NAME; TYPE NAME[]; }`, an empty
    // struct taking no room in GNU C: laid out as `TYPE NAME[]` (uapi kvm.h's flexible arrays in
    // 6.1.176 became these).
    const flex = /^\s*(?:__)?DECLARE_FLEX_ARRAY\s*\(\s*([^,()]+?)\s*,\s*([A-Za-z_]\w*)\s*\)\s*$/.exec(decl);
    if (flex)
        return member(`${flex[1]} ${flex[2]}[]`, resolve, enumSize);
    const brace = decl.indexOf('{');
    if (brace >= 0) {
        const head = /^(struct|union|enum)\s*$/.exec(decl.slice(0, brace).trim());
        const close = decl.lastIndexOf('}');
        if (!head || close < brace)
            return undefined;
        const rest = decl.slice(close + 1).trim();
        const inside = decl.slice(brace + 1, close);
        if (head[1] === 'enum') {
            const e = anonymousEnum(inside);
            if (!e || rest === '')
                return undefined;
            return declarators(rest, e, `enum {${inside}}`, resolve);
        }
        const inner = layoutOf(inside, head[1], resolve, enumSize);
        if (!inner)
            return undefined;
        const whole = `${head[1]} {${inside}}`;
        if (rest === '')
            return [{ size: inner.size, align: inner.align, names: inner.members }];
        if (rest.includes(':'))
            return undefined;
        return declarators(rest, { size: inner.size, align: inner.align }, whole, resolve);
    }
    const t = decl.trim();
    const pad = unnamedBitfield(t, resolve, enumSize);
    if (pad !== undefined)
        return pad ? [pad] : undefined;
    const star = t.search(/[*(]/);
    let split = star;
    if (split < 0) {
        const stop = t.search(/[,[:]/);
        const head = stop < 0 ? t : t.slice(0, stop);
        const last = /[A-Za-z_]\w*\s*$/.exec(head);
        if (!last)
            return undefined;
        split = last.index;
    }
    const baseText = t
        .slice(0, split)
        .trim()
        .split(/\s+/)
        .filter(w => w !== '' && (!QUALIFIERS.has(w) || w === 'signed'))
        .join(' ');
    if (baseText === '')
        return undefined;
    const placed = declarators(t.slice(split).trim(), sized(baseText, resolve, enumSize), baseText, resolve);
    // `volatile` sizes nothing but compiles every access differently (sock's `skc_state` without
    // it lets GCC merge 47 functions' reloads in 5 TUs): a member gaining or losing it is retyped.
    if (!placed || !/\bvolatile\b/.test(t.slice(0, split)))
        return placed;
    for (const item of placed)
        for (const m of item.names.values())
            m.type = `volatile ${m.type}`;
    return placed;
}
const TYPE_WORD = /^(?:char|short|int|long|signed|unsigned|_Bool)$/;
/**
 * `__u32 :32`, `unsigned int :4`, `int :0`: a type and a width, no name. Undefined when `t` is
 * no such member (a named one goes on), false when it is one this cannot size.
 */
function unnamedBitfield(t, resolve, enumSize) {
    const m = /^([A-Za-z_][\w\s]*?)\s*:\s*(\d+)$/.exec(t);
    if (!m)
        return undefined;
    const words = m[1].trim().split(/\s+/);
    const last = words[words.length - 1];
    const typeOnly = words.length === 1 ||
        TYPE_WORD.test(last) ||
        (words.length === 2 && /^(?:struct|union|enum)$/.test(words[0]));
    if (!typeOnly)
        return undefined;
    const base = sized(words.filter(w => !QUALIFIERS.has(w) || w === 'signed').join(' '), resolve, enumSize);
    const width = Number(m[2]);
    if (!base || base.unsigned === undefined || width > base.size * 8)
        return false;
    return { size: base.size, align: base.align, width, unnamed: true, names: new Map() };
}
/** `*p`, `a[4]`, `(*fn)(int)`, `x, y`, `f : 3`: each placed with the base type or as a pointer. */
function declarators(text, base, baseText, resolve) {
    const out = [];
    const spelled = base?.type ?? baseText;
    for (const d of splitTop$1(text, ',')) {
        // A function pointer, returning a pointer or not (`struct sock *(*syn_recv_sock)(...)`).
        const fn = /^((?:\*\s*(?:const\s+)?)*)\(\s*\*\s*(?:const\s+)?([A-Za-z_]\w*)\s*\)\s*\(.*\)$/.exec(d);
        if (fn) {
            const returns = fn[1].replace(/\s+/g, '');
            out.push(one(fn[2], 8, 8, `${spelled} ${returns}(*)${d.slice(d.indexOf(')') + 1)}`));
            continue;
        }
        const field = /^([A-Za-z_]\w*)\s*:\s*(\d+)$/.exec(d);
        if (field) {
            const width = Number(field[2]);
            if (!base || width === 0 || width > base.size * 8)
                return undefined;
            const type = bitfieldType(spelled, base, width);
            if (type === undefined)
                return undefined;
            out.push({
                size: base.size,
                align: base.align,
                width,
                names: new Map([[field[1], { type, bit: 0, bits: width }]])
            });
            continue;
        }
        const p = /^((?:\*\s*(?:const\s+|volatile\s+)?)*)([A-Za-z_]\w*)((?:\s*\[[^\]]*\])*)$/.exec(d);
        if (!p)
            return undefined;
        const lengths = [];
        for (const x of p[3].matchAll(/\[([^\]]*)\]/g)) {
            // A flexible array member (`u8 data[]`) takes no room, only its alignment.
            const n = /^\s*$/.test(x[1])
                ? 0
                : /^\s*\d+\s*$/.test(x[1])
                    ? Number(x[1])
                    : resolve.constant?.(x[1]);
            if (n === undefined)
                return undefined;
            lengths.push(n);
        }
        const dims = lengths.reduce((n, x) => n * x, 1);
        const type = `${spelled} ${p[1].replace(/\s+/g, '')}${lengths.map(n => `[${n}]`).join('')}`;
        if (p[1] !== '')
            out.push(one(p[2], 8 * dims, 8, type));
        else if (!base)
            return undefined;
        else
            out.push(one(p[2], base.size * dims, base.align, type));
    }
    return out;
}
const UNSIGNED_OF_WIDTH = {
    8: 'unsigned char',
    16: 'unsigned short',
    32: 'unsigned int'
};
const SIGNED_OF_WIDTH = { 8: 'signed char', 16: 'short', 32: 'int' };
/**
 * A bitfield's type as code sees it: its signedness and width. One as wide as a byte, short or
 * int reads and writes like that integer (`enum {...} reg_state:8` and `u8 reg_state` at the same
 * byte compile alike): it is spelled so, and equal positions then compare equal.
 */
function bitfieldType(spelled, base, width) {
    const canon = (canonicalTypeSpelling(spelled) ?? spelled).trim();
    if (canon === '_Bool')
        return `_Bool:${width}`;
    if (base.unsigned === undefined)
        return undefined;
    const named = (base.unsigned ? UNSIGNED_OF_WIDTH : SIGNED_OF_WIDTH)[width];
    return named ?? `${base.unsigned ? 'unsigned' : 'signed'}:${width}`;
}
function one(name, size, align, type) {
    const canon = (canonicalTypeSpelling(type) ?? type).replace(/\s+/g, ' ').trim();
    return { size, align, names: new Map([[name, { type: canon, bit: 0, bits: size * 8 }]]) };
}
function sized(text, resolve, enumSize) {
    const canon = canonicalTypeSpelling(text)?.trim();
    if (canon === undefined)
        return undefined;
    const n = Object.hasOwn(BASE, canon) ? BASE[canon] : undefined;
    // Plain char is signed on x86_64, as are int and long without `unsigned`.
    if (n !== undefined)
        return { size: n, align: n, unsigned: /^unsigned\b|^(?:size_t|uintptr_t)$/.test(canon) };
    if (/^enum \w+$/.test(canon))
        return { size: enumSize, align: enumSize };
    if (/^(?:struct|union) \w+$/.test(canon) || /^[A-Za-z_]\w*$/.test(canon)) {
        const r = resolve(canon, enumSize);
        if (!r)
            return undefined;
        const under = r.type === undefined ? undefined : sized(r.type, resolve, enumSize);
        return { ...r, ...(under?.unsigned === undefined ? {} : { unsigned: under.unsigned }) };
    }
    return undefined;
}
/**
 * An enum declared inside the struct (`enum { A = 0, B } state:8`): 4 bytes, unsigned, when every
 * value is a literal or counts on from one and none is negative or needs more than 32 bits (GCC
 * then gives it `unsigned int`). Anything else (a value from a macro) is undefined.
 */
function anonymousEnum(body) {
    let next = 0;
    for (const item of splitTop$1(body, ',')) {
        const m = /^[A-Za-z_]\w*\s*(?:=\s*(0[xX][0-9a-fA-F]+|\d+)[uUlL]*)?$/.exec(item);
        if (!m)
            return undefined;
        const v = m[1] === undefined ? next : /^0\d/.test(m[1]) ? parseInt(m[1], 8) : Number(m[1]);
        if (!Number.isSafeInteger(v) || v > 0xffffffff)
            return undefined;
        next = v + 1;
    }
    return { size: 4, align: 4, unsigned: true };
}
function roundUp(n, to) {
    return Math.ceil(n / to) * to;
}
/** Splits at `sep` outside parentheses, brackets and braces. */
function splitTop$1(body, sep) {
    const out = [];
    let depth = 0;
    let cur = '';
    for (const c of body) {
        if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}')
            depth--;
        if (c === sep && depth === 0) {
            out.push(cur);
            cur = '';
        }
        else
            cur += c;
    }
    out.push(cur);
    return out.map(s => s.replace(/\s+/g, ' ').trim()).filter(s => s !== '');
}

/** Index of the `close` matching the `open` character at `at` (nested pairs skipped), or -1. */
function matching(text, at, open, close) {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
        if (text[i] === open)
            depth++;
        else if (text[i] === close && --depth === 0)
            return i;
    }
    return -1;
}
/** Index of the `)` closing the `(` at `open` (nested pairs skipped), or -1. */
function matchingParen(text, open) {
    return matching(text, open, '(', ')');
}
/** Offset of the `}` matching the `{` at `open`, or -1 (callers mask comments and strings first). */
function matchBrace(text, open) {
    return matching(text, open, '{', '}');
}

const IDENT$5 = /[A-Za-z_]\w*/g;
/**
 * The kernel's macros that declare one member, and which argument is its name:
 * `DECLARE_BITMAP(flags, DEV_FLAG_COUNT)` declares `flags` (6.1.176's struct device).
 */
const DECLARING = {
    DECLARE_BITMAP: 0,
    DECLARE_HASHTABLE: 0,
    DECLARE_KFIFO: 0,
    DECLARE_KFIFO_PTR: 0,
    DECLARE_FLEX_ARRAY: 1,
    __DECLARE_FLEX_ARRAY: 1
};
const CALL$3 = /^\s*([A-Za-z_]\w*)\s*\(/;
/** `int a, b[4]`, `int (*fn)(int)`, `unsigned f : 3`, `union { int x; long y; } u`. */
function memberNames(text) {
    const call = CALL$3.exec(text);
    // One call and nothing else: `int (*fn)(int x)` is no macro's.
    const open = call ? text.indexOf('(') : -1;
    if (call && matchingParen(text, open) === text.trimEnd().length - 1)
        return macroMemberNames(call[1], text.slice(open + 1, text.trimEnd().length - 1));
    const names = [];
    const brace = text.indexOf('{');
    if (brace >= 0) {
        const close = matchBrace(text, brace);
        for (const m of splitTop$1(text.slice(brace + 1, close), ';'))
            append(names, memberNames(m));
        const rest = text.slice(close + 1);
        for (const d of splitTop$1(rest, ','))
            append(names, declaratorName(d));
        return names;
    }
    // Only the first declarator carries the type: `u32 band:3, ack_frame_id:13` names both.
    splitTop$1(text, ',').forEach((d, i) => append(names, i === 0 ? firstName(d) : declaratorName(d)));
    return names;
}
const TYPE_WORDS = new Set(['char', 'short', 'int', 'long', 'signed', 'unsigned', '_Bool', 'bool']);
/** The first declarator, with the type: an unnamed bitfield (`u16 :4`) declares nothing. */
function firstName(text) {
    const bits = /^\s*([\w\s]+?)\s*:\s*\w+\s*$/.exec(text);
    if (bits) {
        const words = bits[1].split(/\s+/);
        if (words.length === 1 || words.every(w => TYPE_WORDS.has(w)))
            return [];
    }
    return declaratorName(text);
}
function declaratorName(text) {
    // Attributes follow the declarator (`hostdata[] __attribute__((aligned(8)))`, `lock
    // ____cacheline_aligned_in_smp`): read as the last identifier, they hid the member's name.
    const decl = blankAttributes(text, text, []);
    const pointer = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(decl);
    if (pointer)
        return [pointer[1]];
    const bare = decl
        .replace(/\[[^\]]*\]/g, '')
        .replace(/:[^:]*$/, '')
        .replace(/\([^)]*\)/g, '');
    const ids = bare.match(IDENT$5);
    return ids ? [ids[ids.length - 1]] : [];
}
/**
 * A member a macro writes: the argument a known macro names it by; for another, every argument
 * that is a bare name (`BITS3(f)`), and the members an argument declares (`struct_group(stats,
 * u64 rx; u64 tx;)`): which one it declares is not read, and a name too many only widens a search.
 */
function macroMemberNames(macro, args) {
    const list = splitTop$1(args, ',').map(a => a.trim());
    const at = DECLARING[macro];
    if (at !== undefined && /^[A-Za-z_]\w*$/.test(list[at] ?? ''))
        return [list[at]];
    const names = [];
    for (const arg of list) {
        if (/^[A-Za-z_]\w*$/.test(arg))
            names.push(arg);
        else if (arg.includes(';'))
            for (const m of splitTop$1(arg, ';'))
                append(names, memberNames(m));
    }
    return names.length > 0 ? names : [macro];
}

function shapeOf(text) {
    const open = text.indexOf('{');
    if (open < 0) {
        const fn = /\btypedef\b[^;]*?\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\(|\btypedef\b[^;(]*?\b([A-Za-z_]\w*)\s*\(/.exec(text);
        return fn ? { kind: 'function-typedef', name: fn[1] ?? fn[2] } : { kind: 'other' };
    }
    const head = /\b(struct|union|enum)\b\s*([A-Za-z_]\w*)?\s*$/.exec(text.slice(0, open));
    if (!head)
        return { kind: 'other' };
    const close = matchBrace(text, open);
    if (close < 0)
        return { kind: 'other' };
    const body = text.slice(open + 1, close);
    const kind = head[1];
    if (kind === 'enum')
        return { kind, tag: head[2], enumerators: enumerators$1(body) };
    return { kind, tag: head[2], members: members$1(body) };
}
function members$1(body) {
    // Members compare by canonical spelling: `u8` for `unsigned char`, `__rcu` dropped, lay out alike.
    return splitTop$1(body, ';').map(text => ({
        text: canonicalTypeSpelling(text) ?? text,
        names: memberNames(text)
    }));
}
/** Whether an enumerator's value is an integer in [0, 2^31): a literal without suffix, counted on. */
function smallValue(e) {
    const m = /^(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9]\d*))$/.exec(e.base);
    if (!m)
        return false;
    const value = m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2], 8) : Number(m[3]);
    return value + e.offset < 2 ** 31;
}
function enumerators$1(body) {
    const out = [];
    let base = '0';
    let offset = 0;
    for (const item of splitTop$1(body, ',')) {
        const m = /^([A-Za-z_]\w*)\s*(?:=\s*([\s\S]+))?$/.exec(item);
        if (!m)
            continue;
        if (m[2] !== undefined) {
            base = m[2].replace(/\s+/g, ' ').trim();
            offset = 0;
        }
        out.push({ name: m[1], base, offset });
        offset++;
    }
    return out;
}
/** What going from `before` to `after` does to existing code. */
function compareShapes(before, after) {
    if (before.kind === 'function-typedef' && after.kind === 'function-typedef')
        return { kind: 'function-typedef', moved: [] };
    if (before.kind === 'enum' && after.kind === 'enum') {
        const now = new Map(after.enumerators.map(e => [e.name, e]));
        const moved = before.enumerators
            .filter(e => {
            const n = now.get(e.name);
            return !n || n.base !== e.base || n.offset !== e.offset;
        })
            .map(e => e.name);
        if (moved.length > 0) {
            const i = after.enumerators.findIndex((e, k) => before.enumerators[k]?.name !== e.name);
            const change = {
                kind: 'renumbered',
                moved,
                at: after.enumerators[i]?.name ?? moved[0]
            };
            const was = new Set(before.enumerators.map(e => e.name));
            const renamed = before.enumerators.flatMap((e, k) => {
                const n = after.enumerators[k];
                // Gone from the enum (so among `moved`), its place taken by a new name at its value.
                return !now.has(e.name) &&
                    n &&
                    !was.has(n.name) &&
                    n.base === e.base &&
                    n.offset === e.offset
                    ? [{ from: e.name, to: n.name }]
                    : [];
            });
            if (renamed.length === moved.length)
                change.renamed = renamed;
            return change;
        }
        if (after.enumerators.length === before.enumerators.length)
            return { kind: 'same', moved: [] };
        // An enum's type is the smallest that holds every value: one appended past int's range
        // (`0x100000000ULL`) or below zero (`-1`) changes it, and so every member of that type, every
        // comparison. Only values known to be small keep the old code as it was.
        const small = after.enumerators.slice(before.enumerators.length).every(smallValue);
        return small ? { kind: 'appended', moved: [] } : { kind: 'unknown', moved: [] };
    }
    if ((before.kind === 'struct' || before.kind === 'union') &&
        (after.kind === 'struct' || after.kind === 'union') &&
        before.kind === after.kind) {
        const a = before.members;
        const b = after.members;
        let i = 0;
        while (i < a.length && i < b.length && a[i].text === b[i].text)
            i++;
        if (i === a.length && i === b.length)
            return { kind: 'same', moved: [] };
        if (i === a.length)
            return { kind: 'appended', moved: [], at: b[i].names[0] };
        // In a union every member stays at offset 0: only the members whose declaration changes move.
        const changed = before.kind === 'union' ? a.filter(m => !b.some(n => n.text === m.text)) : a.slice(i);
        return {
            kind: 'moved',
            moved: [...new Set(changed.flatMap(m => m.names))],
            at: (b[i] ?? a[i]).names[0]
        };
    }
    return { kind: 'unknown', moved: [] };
}

/**
 * Functions that reach a changed type through a member of another type without spelling it:
 * `tu->tp.event->filter` (a pointer member), `rb->prb_bdqc.kblk_size` (a member holding it), or
 * `&mbox->chans[i]` (indexing a pointer member scales by the type's size, as does pointer
 * arithmetic on it). Only the member name is lexical; the path must end in a moved member, or
 * index or offset the pointer, so a common member name alone does not match.
 *
 * One search serves every TU that sees the type's header: a wide header is seen by thousands of
 * TUs sharing most files, and each TU's own types add member names. The patterns are therefore
 * one per member (a function matches the alternation over a TU's members exactly when it matches
 * one member's pattern), so that each file's answer for a member is found once for the whole run.
 */
class PathSearch {
    spellings;
    moved;
    uses;
    macros;
    chains = new Map();
    scales = new Map();
    movedIn = new Map();
    movedPattern;
    macroPattern;
    /** viaMacros: the files and macros whose users were given already. */
    viaAnswered = new Set();
    constructor(spellings, moved, uses, 
    /**
     * Macros that read a moved member of what they are given (`GRAPHICS_VER(i915)` reads
     * `i915->__runtime` through RUNTIME_INFO): a path passed to one (`GRAPHICS_VER(engine->i915)`)
     * reaches the moved member with none written.
     */
    macros = []) {
        this.spellings = spellings;
        this.moved = moved;
        this.uses = uses;
        this.macros = macros;
        this.movedPattern = moved.map(escapeRegExp).join('|');
        this.macroPattern = macros.map(escapeRegExp).join('|');
    }
    /** Members of the types of `files` that point to or hold the type. */
    members(files) {
        const pointers = new Set();
        const holders = new Set();
        for (const spelling of this.spellings) {
            for (const file of files) {
                for (const m of this.uses.pointerMembers(file, spelling))
                    pointers.add(m);
                for (const e of this.uses.typesEmbedding(file, spelling))
                    holders.add(e.holder);
            }
        }
        return { pointers, holders };
    }
    /** The names `users` asks files about, for one read of each file beforehand (UseIndex.prime). */
    names(found) {
        return [...found.pointers, ...found.holders, ...this.moved, ...this.macros];
    }
    users(files, found = this.members(files)) {
        const { pointers, holders } = found;
        const out = [];
        if (pointers.size === 0 && holders.size === 0)
            return out;
        const through = [...new Set([...pointers, ...holders])];
        // File by file: one parse of a file answers every member (common member names such as `dev`
        // are spelled by most files of a unit; a moved member must be spelled too for a chain).
        const spelledIn = (file) => through.filter(m => this.uses.spells(file, m));
        for (const file of files) {
            const here = spelledIn(file);
            if (here.length > 0)
                append(out, this.usersIn(file, here, pointers));
        }
        return append(out, this.viaMacros(files, spelledIn));
    }
    /**
     * Functions of `files` using a macro of theirs whose body goes through one of the members to a
     * moved member, through other macros too: `intel_atomic_get_old_cdclk_state(state)` expands to
     * `&to_i915(state->base.dev)->display.cdclk.obj`, and its users spell neither. `spelledIn`: the
     * members a file spells.
     */
    viaMacros(files, spelledIn) {
        if (this.moved.length === 0)
            return [];
        const member = new Map();
        for (const file of files) {
            if (!this.movesIn(file))
                continue;
            for (const m of spelledIn(file)) {
                let re = this.chains.get(m);
                if (!re)
                    this.chains.set(m, (re = this.chain(m)));
                for (const name of this.uses.accessMacros(file, re))
                    if (!member.has(name))
                        member.set(name, m);
            }
        }
        if (member.size === 0)
            return [];
        const out = [];
        // A macro using one goes through the same member (expand lists callees before callers).
        const names = this.uses.expand(files, [...member.keys()]);
        for (const name of names) {
            const via = member.get(name) ?? member.values().next().value;
            for (const file of files) {
                // Every unit of a wide header asks again about the files it shares: each is answered once.
                const key = `${file}\u0000${name}`;
                if (this.viaAnswered.has(key) || !this.uses.spells(file, name))
                    continue;
                this.viaAnswered.add(key);
                for (const f of this.uses.uses(file, name).functions)
                    out.push({ file, function: f, member: via, why: 'touches moved members of' });
            }
        }
        return out;
    }
    /** The users of one file through `here`, the members of a unit it spells (in the unit's order). */
    usersIn(file, here, pointers) {
        const out = [];
        const chained = this.moved.length > 0 && this.movesIn(file)
            ? this.matching(file, here, this.chains, m => this.chain(m))
            : undefined;
        const scaledHere = here.filter(m => pointers.has(m));
        const scaled = scaledHere.length > 0
            ? this.matching(file, scaledHere, this.scales, m => this.scaled(m))
            : undefined;
        for (const member of here) {
            const spelling = this.uses.uses(file, member).functions;
            if (chained)
                for (const f of spelling)
                    if (chained.has(keyOf$2(f)))
                        out.push({ file, function: f, member, why: 'touches moved members of' });
            if (scaled && pointers.has(member))
                for (const f of spelling)
                    if (scaled.has(keyOf$2(f)))
                        out.push({ file, function: f, member, why: 'uses the size of' });
        }
        return out;
    }
    movesIn(file) {
        let found = this.movedIn.get(file);
        if (found === undefined) {
            const spells = (m) => this.uses.spells(file, m);
            this.movedIn.set(file, (found = this.moved.some(spells) || this.macros.some(spells)));
        }
        return found;
    }
    /** Functions of `file` that match the pattern of any of `members`. */
    matching(file, members, patterns, make) {
        const out = new Set();
        for (const m of members) {
            let re = patterns.get(m);
            if (!re)
                patterns.set(m, (re = make(m)));
            for (const f of this.uses.usesWith(file, m, re))
                out.add(keyOf$2(f));
        }
        return out;
    }
    /**
     * `->member.moved`, `.member[i]->moved`, or `->member` ending an argument of a macro that reads
     * a moved member (`GRAPHICS_VER(engine->i915)`; earlier arguments may hold parentheses one deep).
     */
    chain(member) {
        const m = escapeRegExp(member);
        const chained = `(?:->|\\.)\\s*(?:${m})\\s*(?:\\[[^\\]]*\\]\\s*)?(?:->|\\.)\\s*(?:${this.movedPattern})\\b`;
        if (this.macroPattern === '')
            return new RegExp(chained);
        const arg = '(?:[^;{}()]|\\([^;{}()]*\\))*';
        return new RegExp(`${chained}|(?:->|\\.)\\s*(?:${m})\\s*(?=[,)])(?<=\\b(?:${this.macroPattern})\\s*\\(${arg})`);
    }
    /** `->member[i]`, `->member + n`, `n - a->member`: scaled by the type's size. */
    scaled(member) {
        const p = escapeRegExp(member);
        return new RegExp(`(?:->|\\.)\\s*(?:${p})\\s*(?:\\[|[-+](?![->=+]))|[-+]\\s*(?:[A-Za-z_]\\w*\\s*(?:->|\\.)\\s*)+(?:${p})\\b`);
    }
}
/** A function of a file, the same whichever parse of the file found it. */
function keyOf$2(f) {
    return `${f.startLine}:${f.endLine}:${f.bodyStart}:${f.name}`;
}
/** The users of one unit's files (see PathSearch; a search per call). */
function pathUsers(files, spellings, moved, uses) {
    const search = new PathSearch(spellings, moved, uses);
    const found = search.members(files);
    uses.prime(files, new Set(search.names(found)));
    return search.users(files, found);
}

/**
 * What is left to search in each unit of a wide header: its thousands of TUs share most files,
 * and a question about a file (does it spell `name`, which functions match) has the same answer in
 * every unit, so a unit's search repeats the earlier units' answers, whose targets are known. Here
 * a unit only walks what no earlier unit asked, in the order the unit's own search would have
 * (the first reason found for a function is the one reported).
 */
/** (name, file) pairs, each handed out once per search. */
class PairsOnce {
    done = new Map();
    first(name, file) {
        let files = this.done.get(name);
        if (!files)
            this.done.set(name, (files = new Set()));
        if (files.has(file))
            return false;
        files.add(file);
        return true;
    }
}
/**
 * Pairs of (needle, file) a unit's search over its needles and files still has to answer: per
 * file the needles of all units it spells, not asked yet. A file shared by every unit is done by
 * the first, so later units cost their own files, not names times files.
 */
class NeedlesOnce {
    among;
    pending = new Map();
    all;
    constructor(
    /** Every needle any unit asks about. */
    all, 
    /** The names of a set that a file spells (UseIndex.spelledAmong). */
    among) {
        this.among = among;
        this.all = new Set(all);
    }
    /** Needle-major, in the order of `needles`, then in the order of `files`. */
    take(files, needles) {
        const rank = new Map();
        needles.forEach((n, i) => {
            if (!rank.has(n))
                rank.set(n, i);
        });
        const found = [];
        for (let f = 0; f < files.length; f++) {
            const file = files[f];
            const open = this.openIn(file);
            if (open.size === 0)
                continue;
            for (const needle of open) {
                const n = rank.get(needle);
                if (n === undefined)
                    continue;
                open.delete(needle);
                found.push({ needle, file, n, f });
            }
        }
        found.sort((a, b) => a.n - b.n || a.f - b.f);
        return found.map(p => [p.needle, p.file]);
    }
    openIn(file) {
        let open = this.pending.get(file);
        if (!open)
            this.pending.set(file, (open = new Set(this.among(file, this.all))));
        return open;
    }
}
/**
 * PathSearch.users for unit after unit: a file is searched again only when the unit's members it
 * spells differ from every earlier unit's (each TU's own types add member names).
 */
class PathUsersOnce {
    search;
    all;
    spells;
    /** Per file: the members of any unit it spells. */
    spelled = new Map();
    searched = new Map();
    constructor(search, 
    /** The members of every unit. */
    all, spells) {
        this.search = search;
        this.all = all;
        this.spells = spells;
    }
    users(files, found) {
        const { pointers, holders } = found;
        const out = [];
        if (pointers.size === 0 && holders.size === 0)
            return out;
        const rank = new Map();
        for (const m of pointers)
            if (!rank.has(m))
                rank.set(m, rank.size);
        for (const m of holders)
            if (!rank.has(m))
                rank.set(m, rank.size);
        for (const file of files) {
            const here = this.spelledIn(file).filter(m => rank.has(m));
            if (here.length === 0)
                continue;
            here.sort((a, b) => rank.get(a) - rank.get(b));
            const key = here.map(m => (pointers.has(m) ? `*${m}` : m)).join(' ');
            let keys = this.searched.get(file);
            if (!keys)
                this.searched.set(file, (keys = new Set()));
            if (keys.has(key))
                continue;
            keys.add(key);
            append(out, this.search.usersIn(file, here, pointers));
        }
        return append(out, this.search.viaMacros(files, file => this.spelledIn(file).filter(m => rank.has(m))));
    }
    spelledIn(file) {
        let found = this.spelled.get(file);
        if (!found)
            this.spelled.set(file, (found = this.all.filter(m => this.spells(file, m))));
        return found;
    }
}

// x86_64's largest scalar alignment: a run whose members need more is not judged here.
const MAX_ALIGN = 8;
const PAD = '__klp_run_pad';
const END = '__klp_run_end';
/**
 * Some structs cannot be laid out whole (`struct net_device`: cacheline-aligned groups, members
 * that macros generate), yet a fix rewrites a few members in the middle (`enum {...} reg_state:8`
 * becomes `u8 reg_state`). The members before the rewritten run are the same text on both sides,
 * so the run starts at the same offset S; the members after it are the same text, so they keep
 * their places when the run ends at the same bit. Where S falls is unknown, but it is byte-aligned
 * when a plain member precedes the run, and only S modulo the run's alignment matters: the run is
 * laid out at each of the 8 byte residues, old and new, and must place every old member and its
 * end alike in all of them. If the run's alignment changes, another member must already give the
 * struct at least the larger one.
 *
 * A member put into padding (`bool sk_use_task_frag` between `struct sock`'s u8 bitfields and a
 * pointer) ends the run one byte later; only the pointer after it shows that nothing moves, and
 * only the members before it show how much padding there is (after an `atomic_t` the bitfield byte
 * sits at 1 modulo 4, so at least two bytes pad up to the pointer). So the run is widened by up to
 * WIDEN unchanged neighbours on each side, and laid out with them at every residue: a member keeps
 * its alignment wherever the struct starts, so the residues the widened window cannot take are
 * the ones its first member's alignment rules out.
 *
 * A fix may rewrite several places of one struct (6.1.192's `struct sock`: `sk_timer` into a
 * union, a bool into padding further down, members between them that cannot be sized): each run
 * of changed members is judged on its own, in order. Everything before a run is unchanged members
 * or earlier runs shown to end at the same bit, so each run starts at the same offset on both
 * sides. A member name that leaves one run and comes back in another has moved: not judged.
 * Undefined when a run cannot be shown: the caller keeps its conservative verdict.
 */
function compareRuns(before, after, resolve, enumSize) {
    const a = members(before);
    const b = members(after);
    const runs = changedRuns(a, b);
    // Runs that only show together (what one moves, the next puts back): as one run, as before.
    const first = judgeRuns(a, b, runs, resolve, enumSize);
    if (first || runs.length < 2)
        return first;
    const whole = { ...runs[0], a1: runs[runs.length - 1].a1, b1: runs[runs.length - 1].b1 };
    return judgeRuns(a, b, [whole], resolve, enumSize);
}
function judgeRuns(a, b, runs, resolve, enumSize) {
    const inRun = new Set(runs.flatMap(r => a.slice(r.a0, r.a1)));
    const others = a.filter(m => !inRun.has(m));
    const out = { retyped: [], removed: [], added: [] };
    let neighbours = 0;
    for (const [k, run] of runs.entries()) {
        const room = {
            back: run.a0 - (runs[k - 1]?.a1 ?? 0),
            ahead: (runs[k + 1]?.a0 ?? a.length) - run.a1
        };
        const judged = widened(room, (back, ahead) => compareWindow(a.slice(run.a0 - back, run.a1 + ahead), b.slice(run.b0 - back, run.b1 + ahead), a[run.a0 - back - 1], others, resolve, enumSize));
        if (!judged)
            return undefined;
        append(out.retyped, judged.v.retyped);
        append(out.removed, judged.v.removed);
        append(out.added, judged.v.added);
        neighbours += judged.neighbours;
    }
    if (out.removed.some(n => out.added.includes(n)))
        return undefined;
    return neighbours > 0 ? { ...out, neighbours } : out;
}
// How many unchanged members on each side a window may take: enough for a padding byte's context.
const WIDEN = 3;
/** The narrowest window around a run that `judge` accepts, trying fewer neighbours first. */
function widened(room, judge) {
    for (let back = 0; back <= Math.min(room.back, WIDEN); back++)
        for (let ahead = 0; ahead <= Math.min(room.ahead, WIDEN); ahead++) {
            const v = judge(back, ahead);
            if (v)
                return { v, neighbours: back + ahead };
        }
    return undefined;
}
/**
 * The runs of members that differ, by a longest common subsequence of the members' keys: between
 * two runs (and around them) the members are the same text on both sides.
 */
function changedRuns(a, b) {
    const n = a.length;
    const m = b.length;
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--)
        for (let j = m - 1; j >= 0; j--)
            lcs[i][j] =
                a[i].key === b[j].key ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const runs = [];
    let i = 0;
    let j = 0;
    let open;
    while (i < n || j < m) {
        if (i < n && j < m && a[i].key === b[j].key && lcs[i][j] === lcs[i + 1][j + 1] + 1) {
            if (open)
                runs.push(open);
            open = undefined;
            i++;
            j++;
            continue;
        }
        open ??= { a0: i, a1: i, b0: j, b1: j };
        if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j]))
            open.b1 = ++j;
        else
            open.a1 = ++i;
    }
    if (open)
        runs.push(open);
    return runs;
}
/**
 * One window of old members against new, laid out at every byte residue: every old member must
 * keep its bit and the window must end at the same bit. `prev`: the member before the window.
 */
function compareWindow(winA, winB, prev, others, resolve, enumSize) {
    const runA = winA.map(m => m.text);
    const runB = winB.map(m => m.text);
    let verdict;
    for (const r of residues(prev)) {
        const la = laidOut(runA, r, resolve, enumSize);
        const lb = laidOut(runB, r, resolve, enumSize);
        if (!la || !lb || la.align > MAX_ALIGN || lb.align > MAX_ALIGN)
            return undefined;
        if (la.members.get(END)?.bit !== lb.members.get(END)?.bit)
            return undefined;
        const v = { retyped: [], removed: [], added: [] };
        for (const [name, m] of la.members) {
            if (name === PAD || name === END)
                continue;
            const n = lb.members.get(name);
            if (!n)
                v.removed.push(name);
            else if (n.bit !== m.bit || n.bits !== m.bits)
                return undefined;
            else if (n.type !== m.type)
                v.retyped.push(name);
        }
        for (const name of lb.members.keys())
            if (!la.members.has(name))
                v.added.push(name);
        if (la.align !== lb.align) {
            const need = Math.max(la.align, lb.align);
            if (!others.some(m => (layoutOf(m.text, 'struct', resolve, enumSize)?.align ?? 0) >= need))
                return undefined;
        }
        if (verdict && JSON.stringify(verdict) !== JSON.stringify(v))
            return undefined;
        verdict ??= v;
    }
    return verdict;
}
/** Member declarations of a body, each with a key that ignores comments and spacing. */
function members(body) {
    const bare = withoutDefines(maskCommentsAndStrings(body, false));
    return splitTop$1(bare, ';')
        .filter(text => text.trim() !== '')
        .map(text => ({ text, key: text.replace(/\s+/g, ' ').trim() }));
}
/** How many members both sides start with (`p`) and end with (`q`), by key, not overlapping. */
function commonEnds(a, b) {
    let p = 0;
    while (p < a.length && p < b.length && a[p].key === b[p].key)
        p++;
    let q = 0;
    while (q < a.length - p &&
        q < b.length - p &&
        a[a.length - 1 - q].key === b[b.length - 1 - q].key)
        q++;
    return { p, q };
}
/**
 * Whether the `#define`s inside two bodies leave the members alike: one changed there (an array
 * length, a member's type, an alignment) changes the members that spell it while their text
 * stays, and members are compared by their text. A `#define` no member spells (directly or
 * through another of the body's) changes nothing.
 */
function sameDirectives(before, after) {
    const a = defines$1(before);
    const b = defines$1(after);
    const changed = new Set([...new Set([...a.keys(), ...b.keys()])].filter(name => a.get(name) !== b.get(name)));
    if (changed.size === 0)
        return true;
    // Macros of either body that spell a changed one change with it.
    for (let grew = true; grew;) {
        grew = false;
        for (const [name, text] of [...a, ...b])
            if (!changed.has(name) && spellsAny$1(text, changed)) {
                changed.add(name);
                grew = true;
            }
    }
    const code = (body) => withoutDefines(maskCommentsAndStrings(body, false));
    return !spellsAny$1(code(before), changed) && !spellsAny$1(code(after), changed);
}
function defines$1(body) {
    const out = new Map();
    const text = maskCommentsAndStrings(body, false).replace(/\\\r?\n/g, ' ');
    for (const m of text.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(.*)$/gm))
        out.set(m[1], m[2].replace(/\s+/g, ' ').trim());
    return out;
}
function spellsAny$1(text, names) {
    return (text.match(/[A-Za-z_]\w*/g) ?? []).some(w => names.has(w));
}
/** A bitfield declaration: a `:` outside braces and brackets (its next member may share bits). */
function isBitfield(decl) {
    return /(?<!:):(?!:)/.test(decl.replace(/\{[^]*\}/g, '').replace(/\[[^\]]*\]/g, ''));
}
/**
 * Whether a member may end mid-byte: a bitfield, or anything that is not plainly a declaration
 * (type words, then its name): a member a macro writes, `BITS3(f)` for `unsigned int f:3` or
 * `OBJFLAGS` for `unsigned int objf:5` (a hostile review's case), shows no `:`.
 */
function mayEndMidByte(key) {
    if (isBitfield(key))
        return true;
    const flat = key.replace(/\{[^]*\}/g, '{}');
    if (/^[^()]*\(\s*\*\s*[A-Za-z_]\w*\s*\)\s*\([^:]*\)$/.test(flat))
        return false;
    return !/^[^():]*[\s*}][A-Za-z_]\w*(?:\s*\[[^\]]*\])*$/.test(flat);
}
/**
 * The bits, modulo the largest alignment, where a window after `prev` may start: any byte after a
 * plain member; any bit after one that may end mid-byte (see mayEndMidByte). Where a bitfield
 * goes depends only on the bit it would start at (GCC's x86_64 rule, see layoutOf), so these are
 * all the cases.
 */
function residues(prev) {
    const mid = prev !== undefined && mayEndMidByte(prev.key);
    return Array.from({ length: mid ? MAX_ALIGN * 8 : MAX_ALIGN }, (_, i) => (mid ? i : i * 8));
}
/** `run` laid out from bit `pad`, with a one-bit END after it (where the next member may start). */
function laidOut(run, pad, resolve, enumSize) {
    // A one-bit bitfield after the run lands on the run's first free bit: where the next member starts.
    const body = [
        ...(pad >= 8 ? [`char ${PAD}[${pad >> 3}]`] : []),
        // An unnamed bitfield takes bits without aligning anything (layoutOf, GCC 12 agrees).
        ...(pad % 8 > 0 ? [`unsigned char :${pad % 8}`] : []),
        ...run,
        `unsigned char ${END}:1`
    ];
    return layoutOf(body.join('; ') + ';', 'struct', resolve, enumSize);
}

/** `} __aligned(8)` or `} __attribute__((aligned(sizeof(void *))))` (include/linux/types.h). */
const ALIGNED = /^\s*(?:__aligned\s*\(((?:[^()]|\([^()]*\))+)\)|__attribute__\s*\(\(\s*(?:__)?aligned(?:__)?\s*\(((?:[^()]|\([^()]*\))+)\)\s*\)\))/;
const SIZEOF = /\bsizeof\s*\(([^()]*)\)/g;
const SIZEOF_OF = {
    'void *': 8,
    long: 8,
    'unsigned long': 8,
    int: 4,
    'unsigned int': 4
};
/**
 * The N of an `aligned(N)` after a struct's body: literals, `sizeof` of the LP64 basics and the
 * macros `constant` reads. Undefined unless it is a power of two.
 */
function alignedValue(expr, constant) {
    const text = expr.replace(SIZEOF, (_, t) => String(SIZEOF_OF[t.replace(/\s+/g, ' ').trim()] ?? 'x'));
    const n = constant ? constant(text) : /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
    return n === undefined || n === 0 || (n & (n - 1)) !== 0 ? undefined : n;
}
/** GCC raises the type's alignment (never lowers it without `packed`) and pads the size to it. */
function raised(layout, n) {
    const align = Math.max(layout.align, n);
    return { size: Math.ceil(layout.size / align) * align, align };
}

/**
 * Compares the exact layouts of two images of one struct or union declaration (`struct x { ... };`
 * with its head and trailer). Undefined when either cannot be laid out exactly (see layoutOf), or
 * when the head or trailer carries attributes (`__packed`, `__randomize_layout`) this does not read
 * (an `aligned(N)` it reads).
 */
function compareLayouts(before, after, resolve) {
    let verdict;
    // Enums are 4 bytes unless a value needs 8: both must give the same verdict.
    const a = parts(before);
    const b = parts(after);
    if (!a || !b || a.kind !== b.kind || !sameDirectives(a.body, b.body))
        return undefined;
    const na = ownAlignment(a, resolve);
    const nb = ownAlignment(b, resolve);
    if (na === undefined || nb === undefined)
        return undefined;
    for (const enumSize of [4, 8]) {
        const la = layoutOf(a.body, a.kind, resolve, enumSize);
        const lb = layoutOf(b.body, b.kind, resolve, enumSize);
        if (!la || !lb) {
            // A rewritten run keeps the size only as far as the rest does: one attribute on both sides.
            const run = a.kind === 'struct' && na === nb
                ? compareRuns(a.body, b.body, resolve, enumSize)
                : undefined;
            if (!run)
                return undefined;
            const v = { kept: true, moved: [], ...run };
            if (verdict && sameMoves(verdict) !== sameMoves(v))
                return undefined;
            verdict ??= v;
            continue;
        }
        const moved = [];
        const retyped = [];
        const removed = [];
        for (const [name, m] of la.members) {
            const n = lb.members.get(name);
            if (!n)
                removed.push(name);
            else if (n.bit !== m.bit || n.bits !== m.bits)
                moved.push(name);
            else if (n.type !== m.type)
                retyped.push(name);
        }
        const sa = raised(la, na);
        const sb = raised(lb, nb);
        const kept = moved.length === 0 && sa.size === sb.size && sa.align === sb.align;
        const v = {
            kept,
            before: sa,
            after: sb,
            moved,
            retyped,
            removed,
            added: [...lb.members.keys()].filter(n => !la.members.has(n))
        };
        if (verdict && sameMoves(verdict) !== sameMoves(v))
            return undefined;
        verdict ??= v;
    }
    return verdict;
}
/** Sizes may differ with the enum size; what moves must not. */
function sameMoves(x) {
    return JSON.stringify([x.kept, x.moved, x.retyped, x.removed, x.added]);
}
function parts(text) {
    const open = text.indexOf('{');
    const close = text.lastIndexOf('}');
    if (open < 0 || close < open)
        return undefined;
    const head = /^\s*(?:typedef\s+)?(struct|union)(?:\s+[A-Za-z_]\w*)?\s*$/.exec(text.slice(0, open));
    if (!head)
        return undefined;
    const trailer = text.slice(close + 1);
    const aligned = ALIGNED.exec(trailer);
    // Then only names (a typedef name, a variable): no other attribute that changes the layout.
    const rest = aligned ? trailer.slice(aligned[0].length) : trailer;
    if (!/^\s*(?:[A-Za-z]\w*\s*(?:,\s*[A-Za-z]\w*\s*)*)?;?\s*$/.test(rest))
        return undefined;
    const out = { kind: head[1], body: text.slice(open + 1, close) };
    if (aligned)
        out.aligned = aligned[1] ?? aligned[2];
    return out;
}
/**
 * The alignment a struct's own `aligned(N)` raises it to (1: none), undefined when N is not read:
 * `struct bpf_prog_info { ... } __attribute__((aligned(8)))` keeps its size when a `__u32 :32`
 * fills the padding that the attribute already added (6.1.187's uapi/linux/bpf.h).
 */
function ownAlignment(p, resolve) {
    return p.aligned === undefined ? 1 : alignedValue(p.aligned, resolve.constant);
}

/**
 * Many structs cannot be laid out whole (`struct xhci_hcd` ends in a flexible array with
 * `__aligned`), yet a fix inserts a member in the middle, often into padding: `dma_mask_bits`
 * after `page_size` moves `page_shift` and `msix_count`, and `clk`, 8-aligned, starts where it
 * did. The members before the change are the same text on both sides and are laid out exactly;
 * the rewritten run and the members after it are laid out one by one, old and new, until a member
 * that is the same text starts at the same bit on both sides: every member after it keeps its
 * place too, whatever it is. Undefined when a member up to that point cannot be sized exactly, or
 * when the offsets never meet and the rest cannot be laid out (the caller keeps every member
 * after the change for moved).
 */
function movedMembers(before, after, resolve, 
/** The alignment the struct's own `aligned(N)` raises both sides to (1: none). */
raise = 1) {
    let verdict;
    // Enums are 4 bytes unless a value needs 8: both must give the same answer.
    for (const enumSize of [4, 8]) {
        const v = movedWith(before, after, resolve, enumSize, raise);
        if (!v || (verdict && JSON.stringify(verdict) !== JSON.stringify(v)))
            return undefined;
        verdict ??= v;
    }
    return verdict;
}
function movedWith(before, after, resolve, enumSize, raise) {
    const a = members(before);
    const b = members(after);
    const { q } = commonEnds(a, b);
    const suffix = a.slice(a.length - q);
    const head = (list, rest) => layoutOf([...list.slice(0, list.length - q), ...suffix.slice(0, rest)].map(m => `${m.text};`).join(''), 'struct', resolve, enumSize);
    // Each suffix member alone: the first one that cannot be sized ends what can be laid out, and
    // its names tell where it starts. One layout up to there, then one up to the member that meets.
    const own = suffix.map(m => layoutOf(`${m.text};`, 'struct', resolve, enumSize));
    const sized = own.findIndex(o => o === undefined);
    const end = sized < 0 ? q : sized;
    const fa = head(a, end);
    const fb = head(b, end);
    if (!fa || !fb)
        return undefined;
    const at = own.slice(0, end).findIndex(o => sameStart(fa, fb, [...(o?.members.keys() ?? [])]));
    const met = at >= 0;
    if (!met && end < q)
        return undefined;
    const la = met ? head(a, at + 1) : fa;
    const lb = met ? head(b, at + 1) : fb;
    if (!la || !lb)
        return undefined;
    const moved = new Set();
    for (const [name, m] of la.members) {
        const n = lb.members.get(name);
        if (n && (n.bit !== m.bit || n.bits !== m.bits || n.type !== m.type))
            moved.add(name);
    }
    // Met: the members after are the same and in the same places, so the size stays unless the
    // alignment does not (it is the largest of every member's, those not laid out included).
    // Not met: the whole struct was laid out.
    const sa = raised(la, raise);
    const sb = raised(lb, raise);
    const sizeKept = sa.align === sb.align && (met || sa.size === sb.size);
    const removed = [...la.members.keys()].filter(n => !lb.members.has(n)).sort();
    const added = [...lb.members.keys()].filter(n => !la.members.has(n)).sort();
    return { moved: [...moved].sort(), sizeKept, removed, added };
}
/** Whether a member (its `names`) starts at the same bit in both layouts. */
function sameStart(la, lb, names) {
    if (names.length === 0)
        return false;
    return names.every(n => {
        const x = la.members.get(n);
        return x !== undefined && x.bit === lb.members.get(n)?.bit;
    });
}

/**
 * What a struct change moves when the struct cannot be laid out from its start (struct
 * task_struct: hundreds of members, some of them sized by other headers' macros), judged change
 * by change. Each run of rewritten members is laid out with the unchanged members after it, old
 * and new, from every bit the run may start at (see residues): the first unchanged member that
 * starts at the same bit on both sides, from every start, keeps its place, and so does everything
 * after it up to the next run. Only the members before it can move: a bit inserted among
 * `task_struct`'s flag bits moves the flags after it, not the 150 members after the word that
 * holds them.
 *
 * A run whose followers never meet before the next run is judged together with it; one whose
 * followers meet nowhere before a member that cannot be sized (or is aligned beyond 8 bytes)
 * moves every member from the run to the end. Undefined when no run could be judged at all.
 */
function movedByRuns(before, after, resolve, enumSize) {
    const a = members(before);
    const b = members(after);
    const runs = changedRuns(a, b);
    if (runs.length === 0)
        return undefined;
    const moved = new Set();
    const removed = new Set();
    const added = new Set();
    let sizeKept = true;
    let judged = false;
    let unsized;
    for (let k = 0; k < runs.length; k++) {
        let run = runs[k];
        let tail;
        // The unchanged members before the run (and before the runs merged into it) begin here.
        const start = runs[k - 1]?.a1 ?? 0;
        for (;;) {
            const end = runs[k + 1]?.a0 ?? a.length;
            tail = judgeTail(a, b, run, start, end, resolve, enumSize);
            if (tail.kind !== 'apart' || k + 1 >= runs.length)
                break;
            // What this run shifts reaches the next one: judged as one run.
            k++;
            run = { a0: run.a0, b0: run.b0, a1: runs[k].a1, b1: runs[k].b1 };
        }
        if (tail.kind === 'unsized') {
            // From the run to the end: every old member may move, and the size with them.
            for (const m of a.slice(run.a0))
                for (const n of memberNames(m.text))
                    moved.add(n);
            for (const m of b.slice(run.b0))
                for (const n of memberNames(m.text))
                    added.add(n);
            const at = a[tail.at];
            if (at)
                unsized = memberNames(at.text)[0];
            sizeKept = false;
            break;
        }
        judged = true;
        for (const n of tail.moved)
            moved.add(n);
        for (const n of tail.removed)
            removed.add(n);
        for (const n of tail.added)
            added.add(n);
        if (tail.kind === 'apart' || !tail.alignKept)
            sizeKept = false;
    }
    if (!judged)
        return undefined;
    // A name one run drops and another brings back has moved.
    for (const n of removed)
        if (added.has(n))
            moved.add(n);
    const out = {
        moved: [...moved].sort(),
        sizeKept,
        removed: [...removed].filter(n => !added.has(n)).sort(),
        added: [...added].filter(n => !removed.has(n) && !moved.has(n)).sort()
    };
    return unsized === undefined ? out : { ...out, unsized };
}
/**
 * One run with up to WIDEN unchanged members before it (members that show where it may start:
 * `unsigned :0` before a word of flags) and the unchanged members after it up to `end`.
 */
function judgeTail(a, b, run, 
/** Where the unchanged members before the run begin. */
start, 
/** The next run's first old member, or the end. */
end, resolve, enumSize) {
    // Followers a layout can hold: sized alone, aligned no more than residues can place.
    const followers = a.slice(run.a1, end);
    // Each follower's names as its own layout gives them (`__DECLARE_FLEX_ARRAY(T, x)` is `x`).
    const names = [];
    while (names.length < followers.length) {
        const own = layoutOf(`${followers[names.length].text};`, 'struct', resolve, enumSize);
        if (!own || own.align > MAX_ALIGN)
            break;
        names.push([...own.members.keys()]);
    }
    const sized = names.length;
    // No window laid out: the run itself cannot be placed.
    let best = { kind: 'unsized', at: run.a0 };
    for (let back = 0; back <= Math.min(WIDEN, run.a0 - start); back++) {
        const t = tailFrom(a, b, run, back, followers.slice(0, sized), names, sized < followers.length, resolve, enumSize);
        if (!t)
            continue;
        if (t.kind === 'met' || best.kind === 'unsized')
            best = t;
        if (t.kind === 'met')
            break;
    }
    return best;
}
function tailFrom(a, b, run, back, followers, 
/** The names each follower declares. */
names, 
/** A follower after these could not be laid out. */
cut, resolve, enumSize) {
    const winA = [...a.slice(run.a0 - back, run.a1), ...followers].map(m => m.text);
    const winB = [...b.slice(run.b0 - back, run.b1), ...followers].map(m => m.text);
    const moved = new Set();
    let meet = 0;
    let alignKept = true;
    let removed;
    let added;
    for (const r of residues(a[run.a0 - back - 1])) {
        const la = laidOut(winA, r, resolve, enumSize);
        const lb = laidOut(winB, r, resolve, enumSize);
        if (!la || !lb || la.align > MAX_ALIGN || lb.align > MAX_ALIGN)
            return undefined;
        // The first follower at the same bit on both sides: from it on, the same text lays out alike.
        let at = names.findIndex(ns => sameStart(la, lb, ns));
        if (at < 0)
            at = followers.length;
        meet = Math.max(meet, at);
        const keep = new Set(names.slice(at).flat());
        for (const [name, m] of la.members) {
            const n = lb.members.get(name);
            if (n && !keep.has(name) && (n.bit !== m.bit || n.bits !== m.bits || n.type !== m.type))
                moved.add(name);
        }
        removed ??= [...la.members.keys()].filter(n => !lb.members.has(n));
        added ??= [...lb.members.keys()].filter(n => !la.members.has(n));
        if (la.align !== lb.align)
            alignKept = false;
    }
    if (removed === undefined || added === undefined)
        return undefined;
    const clean = (list) => list.filter(n => !n.startsWith('__klp_run_'));
    const lists = { moved: clean([...moved]), removed: clean(removed), added: clean(added) };
    if (meet < followers.length)
        return { kind: 'met', ...lists, alignKept };
    return cut ? { kind: 'unsized', at: run.a1 + followers.length } : { kind: 'apart', ...lists };
}

/**
 * Compile-context macros every kernel C file is built with (kbuild passes `-D__KERNEL__`; C, not
 * assembly; not sparse or genksyms): decided, so that `#ifndef __ASSEMBLY__` does not hide a branch.
 */
const CONTEXT = {
    __KERNEL__: true,
    __ASSEMBLY__: false,
    __CHECKER__: false,
    __GENKSYMS__: false
};
/**
 * Names as a `.config` defines them. `=m` defines `CONFIG_X_MODULE`, not `CONFIG_X`. Without a
 * config every CONFIG_ name is unknown; a name the file itself `#define`s is unknown either way.
 */
function kconfigEnv(config, localDefines) {
    const defined = (name) => {
        if (localDefines.has(name))
            return null;
        if (name in CONTEXT)
            return CONTEXT[name];
        if (!name.startsWith('CONFIG_') || !config)
            return null;
        const v = config.get(name);
        if (v !== undefined)
            return v !== 'm';
        const base = /^(CONFIG_\w+)_MODULE$/.exec(name);
        return base !== null && config.get(base[1]) === 'm';
    };
    return {
        defined,
        value(name) {
            const d = defined(name);
            if (d !== true)
                return d === false ? 0 : null;
            const v = name.startsWith('CONFIG_') ? config?.get(name) : undefined;
            if (v === undefined)
                return name in CONTEXT ? 1 : null;
            if (v === 'y' || v === 'm')
                return 1;
            const n = Number(v);
            return Number.isFinite(n) && /^(0x[0-9a-f]+|-?\d+)$/i.test(v) ? n : null;
        }
    };
}
const TOKEN$1 = /\s*(?:([A-Za-z_]\w*)|(0[xX][0-9a-fA-F]+|\d+)([uUlL]*)|('(?:\\.|[^'\\])')|(&&|\|\||==|!=|<=|>=|<<|>>|[-+*/%!~<>&|^()?:,]))/y;
/** Tokens of one directive's expression, or null when it holds something this reader does not know. */
function tokenize(text) {
    const out = [];
    const src = text.trim();
    let pos = 0;
    let unsigned = false;
    while (pos < src.length) {
        TOKEN$1.lastIndex = pos;
        const m = TOKEN$1.exec(src);
        if (!m)
            return null;
        pos = TOKEN$1.lastIndex;
        if (m[4] !== undefined)
            out.push(String(m[4].charCodeAt(1)));
        else if (m[2] !== undefined) {
            if (/[uU]/.test(m[3]))
                unsigned = true;
            // C reads a leading 0 as octal (`010` is 8).
            out.push(String(/^0\d/.test(m[2]) ? parseInt(m[2], 8) : Number(m[2])));
        }
        else
            out.push(m[1] ?? m[5]);
    }
    // An unsigned constant makes arithmetic unsigned (`-1 > 0u` holds), which is not modelled here:
    // with one, an expression that can go negative is not decided.
    if (unsigned && out.some(t => t === '-' || t === '~'))
        return null;
    return out;
}
/**
 * Evaluates an `#if`/`#elif` expression in three values: a number, or null when it depends on
 * something unknown. `&&`/`||`/`?:` short-circuit over unknowns, so `0 && FOO` is still 0.
 */
function evaluateCondition(expr, env) {
    const tokens = tokenize(expr);
    if (!tokens)
        return null;
    let i = 0;
    const peek = () => tokens[i];
    const take = () => tokens[i++];
    const fail = () => {
        throw new SyntaxError(expr);
    };
    const expect = (t) => {
        if (take() !== t)
            fail();
    };
    /** `IS_ENABLED(CONFIG_X)` and kin from include/linux/kconfig.h. */
    const kconfigMacro = (macro, name) => {
        const y = env.defined(name);
        const m = env.defined(`${name}_MODULE`);
        if (macro === 'IS_BUILTIN')
            return y === null ? null : Number(y);
        if (macro === 'IS_MODULE')
            return m === null ? null : Number(m);
        if (y === true)
            return 1;
        // IS_REACHABLE of an =m symbol depends on whether this file is built into a module.
        if (macro === 'IS_REACHABLE')
            return m === true || y === null || m === null ? null : 0;
        if (m === true)
            return 1;
        return y === null || m === null ? null : 0;
    };
    const primary = () => {
        const t = take();
        if (t === undefined)
            return fail();
        if (t === '(') {
            const v = ternary();
            expect(')');
            return v;
        }
        if (t === '!')
            return not(primary());
        if (t === '~') {
            const v = primary();
            return v === null || !INT32(v) ? null : ~v;
        }
        if (t === '-')
            return map1(primary(), v => -v);
        if (t === '+')
            return primary();
        if (/^\d/.test(t))
            return Number(t);
        if (t === 'defined') {
            const paren = peek() === '(';
            if (paren)
                take();
            const name = take() ?? fail();
            if (paren)
                expect(')');
            const d = env.defined(name);
            return d === null ? null : Number(d);
        }
        if (/^IS_(ENABLED|BUILTIN|MODULE|REACHABLE)$/.test(t) && peek() === '(') {
            take();
            const name = take() ?? fail();
            expect(')');
            return kconfigMacro(t, name);
        }
        if (peek() === '(') {
            // A function-like macro this reader cannot expand (__has_attribute, a header's helper).
            let depth = 0;
            do {
                const u = take() ?? fail();
                if (u === '(')
                    depth++;
                else if (u === ')')
                    depth--;
            } while (depth > 0);
            return null;
        }
        return env.value(t);
    };
    const binary = (level) => {
        if (level >= LEVELS.length)
            return primary();
        let left = binary(level + 1);
        for (;;) {
            const op = peek();
            if (op === undefined || !LEVELS[level].includes(op))
                return left;
            take();
            const right = binary(level + 1);
            left = apply(op, left, right);
        }
    };
    const ternary = () => {
        const cond = binary(0);
        if (peek() !== '?')
            return cond;
        take();
        const a = ternary();
        expect(':');
        const b = ternary();
        if (cond === null)
            return a === b ? a : null;
        return cond !== 0 ? a : b;
    };
    try {
        const v = ternary();
        return i === tokens.length ? v : null;
    }
    catch {
        return null;
    }
}
const LEVELS = [
    ['||'],
    ['&&'],
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%']
];
const not = (v) => (v === null ? null : Number(v === 0));
const map1 = (v, f) => (v === null ? null : f(v));
/** The preprocessor computes in 64 bits; JavaScript's bitwise operators in 32. */
const INT32 = (n) => n >= -2147483648 && n < 2 ** 31;
function apply(op, a, b) {
    if (op === '&&')
        return a === 0 || b === 0 ? 0 : a === null || b === null ? null : 1;
    if (op === '||') {
        if ((a !== null && a !== 0) || (b !== null && b !== 0))
            return 1;
        return a === null || b === null ? null : 0;
    }
    if (a === null || b === null)
        return null;
    const r = arithmetic(op, a, b);
    // Past what this reader computes exactly (`1 << 33`, a product past 2^53): not decided.
    if (r === null || !Number.isSafeInteger(r))
        return null;
    if ('|^&'.includes(op) && !(INT32(a) && INT32(b)))
        return null;
    return r;
}
function arithmetic(op, a, b) {
    switch (op) {
        case '|':
            return a | b;
        case '^':
            return a ^ b;
        case '&':
            return a & b;
        case '==':
            return Number(a === b);
        case '!=':
            return Number(a !== b);
        case '<':
            return Number(a < b);
        case '>':
            return Number(a > b);
        case '<=':
            return Number(a <= b);
        case '>=':
            return Number(a >= b);
        case '<<':
            return b < 0 || b > 62 ? null : a * 2 ** b;
        case '>>':
            return b < 0 || b > 62 ? null : Math.floor(a / 2 ** b);
        case '+':
            return a + b;
        case '-':
            return a - b;
        case '*':
            return a * b;
        case '/':
            return b === 0 ? null : Math.trunc(a / b);
        default:
            return b === 0 ? null : a % b;
    }
}

const DIRECTIVE$4 = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/;
/**
 * Nesting of `#if` blocks over a text whose comments are blanked (so a `#endif` in a comment is
 * not one). Continuation lines of a directive belong to it.
 */
function lineGuards(masked) {
    const lines = masked.split('\n');
    const guards = [];
    /** Per open block: earlier branches' conditions (false here) and this branch's (null: `#else`). */
    const stack = [];
    const terms = () => stack.flatMap(level => [
        ...level.prior.map(expr => ({ expr, positive: false })),
        ...(level.cur === null ? [] : [{ expr: level.cur, positive: true }])
    ]);
    // The lines between two directives share one list: made per line, it was most of the time to
    // map a change in a large header (skbuff.h's 5,000 lines under its include guard).
    let shared;
    const current = () => (shared ??= terms());
    for (let n = 0; n < lines.length; n++) {
        const { text, last } = logicalLine(lines, n);
        const m = DIRECTIVE$4.exec(text);
        if (!m) {
            const g = current();
            for (let k = n; k <= last; k++)
                guards.push(g);
            n = last;
            continue;
        }
        const [, word, rest] = m;
        const arg = rest.trim();
        if (word === 'if' || word === 'ifdef' || word === 'ifndef') {
            for (let k = n; k <= last; k++)
                guards.push(current());
            const cur = word === 'if' ? arg : word === 'ifdef' ? `defined(${arg})` : `!defined(${arg})`;
            stack.push({ prior: [], cur });
        }
        else {
            const level = stack[stack.length - 1];
            // The directive itself sits under the enclosing blocks, not under its own.
            const outer = () => {
                const saved = stack.pop();
                const g = terms();
                if (saved)
                    stack.push(saved);
                return g;
            };
            for (let k = n; k <= last; k++)
                guards.push(outer());
            if (word === 'endif')
                stack.pop();
            else if (level) {
                // Earlier branches become false conditions of this one: `#else` of `#if A` is `!(A)`.
                if (level.cur !== null)
                    level.prior.push(level.cur);
                level.cur = word === 'elif' ? arg : null;
            }
        }
        shared = undefined;
        n = last;
    }
    return guards;
}
function lineState(guard, env, build) {
    let unknown = false;
    for (const t of guard) {
        const v = evaluateCondition(t.expr, env);
        if (v === null)
            unknown = true;
        else if ((v !== 0) !== t.positive)
            return { state: 'out', reason: reasonOf(t, build) };
    }
    return unknown ? { state: 'unknown' } : { state: 'built' };
}
/** `CONFIG_X is not set` for a test of one symbol, else the condition with the symbols' values. */
function reasonOf(t, build) {
    const symbols = [...new Set(t.expr.match(/\bCONFIG_\w+/g) ?? [])];
    const base = (s) => s.replace(/_MODULE$/, '');
    const values = build.config
        ? [...new Set(symbols.map(base))].map(s => describeSymbol(build.config ?? new Map(), s))
        : [];
    const expr = t.expr.replace(/\s+/g, ' ');
    const condition = t.positive ? `#if ${expr}` : `#if !(${expr})`;
    if (values.length === 1 && symbols.length === 1)
        return values[0];
    return values.length > 0
        ? `${condition} is false (${values.join(', ')})`
        : `${condition} is false`;
}
/** Line `n` with the lines its trailing backslashes continue onto, and the last one it takes. */
function logicalLine(lines, n) {
    let text = lines[n];
    let last = n;
    while (/\\\r?$/.test(lines[last]) && last + 1 < lines.length) {
        last++;
        text = text.replace(/\\\r?$/, ' ') + lines[last];
    }
    return { text, last };
}

const DIRECTIVE$3 = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/;
/**
 * A struct's members under `#ifdef CONFIG_X` are laid out only when the build sets X: members the
 * `.config` compiles out are blanked, so that a member added under an unset option moves nothing.
 * See configuredText for what stays.
 */
function configuredDeclaration(span, config) {
    const { guards, env, build } = evaluator(span.masked, config);
    const whole = lineState(guards[span.start - 1] ?? [], env, build);
    if (whole.state === 'out')
        return { out: whole.reason };
    const lines = configuredText(span.masked, config).split('\n');
    return { text: lines.slice(span.start - 1, span.end).join('\n') };
}
const configured = new Map();
/**
 * The file as one build's preprocessor keeps it, as far as its `.config` decides: lines compiled
 * out are blanked, and so are the directives of every `#if` chain whose conditions the `.config`
 * decides. A chain it cannot decide (a macro of another header, an include guard) keeps its
 * directives, which the exact layout refuses: only what the `.config` decides is taken out.
 * Line numbers are kept.
 */
function configuredText(masked, config) {
    const hit = configured.get(masked);
    if (hit?.config === config)
        return hit.text;
    const { guards, env } = evaluator(masked, config);
    const lines = masked.split('\n');
    const values = new Map();
    const value = (expr) => {
        let v = values.get(expr);
        if (v === undefined) {
            v = evaluateCondition(expr, env);
            values.set(expr, v);
        }
        return v;
    };
    // Pass 1: each directive's chain (#if ... #endif), and whether every condition of it is decided.
    const chainOf = new Map();
    const decided = [];
    const open = [];
    for (let n = 0; n < lines.length; n++) {
        const { text, last } = logicalLine(lines, n);
        const m = DIRECTIVE$3.exec(text);
        if (m) {
            const [, word, rest] = m;
            const arg = rest.trim();
            if (word === 'if' || word === 'ifdef' || word === 'ifndef') {
                open.push(decided.length);
                decided.push(true);
            }
            const chain = open[open.length - 1];
            if (chain !== undefined) {
                for (let k = n; k <= last; k++)
                    chainOf.set(k, chain);
                const expr = word === 'if' || word === 'elif'
                    ? arg
                    : word === 'ifdef'
                        ? `defined(${arg})`
                        : word === 'ifndef'
                            ? `!defined(${arg})`
                            : '1';
                if (value(expr) === null)
                    decided[chain] = false;
            }
            if (word === 'endif')
                open.pop();
        }
        n = last;
    }
    // Pass 2: blank what is out, and the directives of decided chains.
    const out = lines.map((line, n) => {
        const chain = chainOf.get(n);
        if (chain !== undefined)
            return decided[chain] ? '' : line;
        const gone = (guards[n] ?? []).some(t => {
            const v = value(t.expr);
            return v !== null && (v !== 0) !== t.positive;
        });
        return gone ? '' : line;
    });
    const text = out.join('\n');
    configured.set(masked, { config, text });
    if (configured.size > 4096)
        configured.delete(configured.keys().next().value);
    return text;
}
/**
 * x86_64 is little-endian: the kernel's byteorder headers (uapi/linux/byteorder/little_endian.h,
 * which every TU gets through asm/byteorder.h) define these and never the big-endian names, and
 * structs choose their member order by them (qspinlock, iphdr's bitfields). The layout code is
 * x86_64's already (LP64).
 */
const X86_64 = {
    __LITTLE_ENDIAN: 1234,
    __LITTLE_ENDIAN_BITFIELD: 1,
    __BIG_ENDIAN: null,
    __BIG_ENDIAN_BITFIELD: null
};
function evaluator(masked, config) {
    // A CONFIG_ name the file defines itself is not the .config's.
    const local = new Set([...masked.matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)/gm)].map(m => m[1]));
    const base = kconfigEnv(config, local);
    const env = {
        value: name => (Object.hasOwn(X86_64, name) ? (X86_64[name] ?? 0) : base.value(name)),
        defined: name => (Object.hasOwn(X86_64, name) ? X86_64[name] !== null : base.defined(name))
    };
    return { guards: lineGuards(masked), env, build: { label: '', config } };
}
const INCLUDE$1 = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/;
/**
 * The files of a unit without those the `.config` keeps out: a header whose every `#include` line
 * in the unit's files is compiled out (`#else` of `CONFIG_SMP` includes spinlock_types_up.h, whose
 * empty `arch_spinlock_t` is not this build's). The unit's include closure is lexical; a file no
 * include line names (through a macro, resolved otherwise) stays, as does every file when in
 * doubt: only what the `.config` decides is taken out.
 */
function configuredFiles(files, textOf, configure) {
    /** Per file: the names its include lines give, and whether the `.config` keeps each line. */
    const lines = new Map();
    for (const file of files) {
        const raw = textOf(file);
        if (typeof raw !== 'string' || !raw.includes('include'))
            continue;
        const out = [];
        const configured = configure(maskCommentsAndStrings(raw)).split('\n');
        raw.split('\n').forEach((line, i) => {
            const m = INCLUDE$1.exec(line);
            // Blanked by configuredText: compiled out (a kept line keeps its `#include`).
            if (m)
                out.push({ name: m[1] ?? m[2], kept: configured[i]?.trim() !== '' });
        });
        lines.set(file, out);
    }
    const base = (p) => p.slice(p.lastIndexOf('/') + 1);
    // Transitively: a header only a dropped header includes is dropped too (pgtable-3level.h's).
    let current = new Set(files);
    for (;;) {
        const kept = new Map();
        const dropped = new Map();
        for (const [file, list] of lines) {
            for (const l of list) {
                const into = l.kept && current.has(file) ? kept : dropped;
                into.set(base(l.name), [...(into.get(base(l.name)) ?? []), l.name]);
            }
        }
        const named = (file, by) => (by.get(base(file)) ?? []).some(n => file === n || file.endsWith(`/${n}`));
        const next = new Set(files.filter((f, i) => i === 0 || named(f, kept) || !named(f, dropped)));
        if (next.size === current.size)
            return files.filter(f => next.has(f));
        current = next;
    }
}

// Conditions laid out both ways at most: 2^3 layouts of each image.
const MAX_CONDITIONS = 3;
/**
 * A struct's members under an `#if` the `.config` cannot decide (`#ifndef TIF_RESTORE_SIGMASK`
 * in struct task_struct: the architecture's header decides it): the text of both images for each
 * way the conditions may go, every combination, the directives blanked (line numbers kept). The
 * same condition goes the same way in both images. Undefined when there are more than a few
 * conditions, or the directives do not pair up; [texts] when there are none.
 */
function conditionVariants(texts) {
    const keys = new Set();
    let directives = 0;
    for (const text of [texts.before, texts.after])
        for (const line of text.split('\n')) {
            const d = directive(line);
            if (d)
                directives++;
            if (d?.key !== undefined)
                keys.add(d.key);
        }
    if (directives === 0)
        return [texts];
    if (keys.size > MAX_CONDITIONS)
        return undefined;
    const list = [...keys];
    const out = [];
    for (let bits = 0; bits < 1 << list.length; bits++) {
        const holds = (key) => ((bits >> list.indexOf(key)) & 1) === 1;
        const before = resolved(texts.before, holds);
        const after = resolved(texts.after, holds);
        if (before === undefined || after === undefined)
            return undefined;
        out.push({ before, after });
    }
    return out;
}
function directive(line) {
    const m = DIRECTIVE$3.exec(line);
    if (!m)
        return undefined;
    const [, word, rest] = m;
    const arg = rest.trim().replace(/\s+/g, ' ');
    if (word === 'ifdef' || word === 'ifndef')
        return { word, key: `defined(${arg})`, negated: word === 'ifndef' };
    if (word === 'if' || word === 'elif')
        return { word, key: arg, negated: false };
    return { word, negated: false };
}
/** The text with the lines `holds` keeps, directives blanked; undefined if they do not pair up. */
function resolved(text, holds) {
    // Per open #if: whether its lines are kept now, and whether a branch was taken already.
    const stack = [];
    const active = () => stack.every(f => f.active);
    const out = [];
    for (const line of text.split('\n')) {
        const d = directive(line);
        if (!d) {
            out.push(active() ? line : '');
            continue;
        }
        const cond = d.key !== undefined && holds(d.key) !== d.negated;
        const top = stack[stack.length - 1];
        if (d.word === 'if' || d.word === 'ifdef' || d.word === 'ifndef') {
            stack.push({ active: cond, taken: cond });
        }
        else if (!top) {
            return undefined;
        }
        else if (d.word === 'elif') {
            top.active = !top.taken && cond;
            top.taken ||= cond;
        }
        else if (d.word === 'else') {
            top.active = !top.taken;
            top.taken = true;
        }
        else
            stack.pop();
        out.push('');
    }
    return stack.length === 0 ? out.join('\n') : undefined;
}

/**
 * A struct/union change that keeps every remaining old member's place and the size (a member put
 * into padding, a pointer wrapped in a union with an alias, a member retyped at the same width):
 * code compiled against the old layout reads and writes the same bytes. Returns the finding saying
 * so; where the layout does change and both images lay out exactly, the members that move
 * (MovedMembers); undefined when the layout cannot be computed exactly (the caller then takes
 * every member after the change for moved).
 */
function keptLayout(label, texts, resolve) {
    const variants = conditionVariants(texts);
    if (!variants)
        return undefined;
    const each = variants.map(v => keptOne(label, v, resolve));
    if (each.length === 1)
        return each[0];
    // Kept only if kept every way; otherwise what any way moves.
    const kept = each.filter(v => v !== undefined && 'finding' in v);
    if (kept.length === each.length)
        return kept.every(v => v.finding.message === kept[0].finding.message) ? kept[0] : undefined;
    const moved = each.filter(v => v !== undefined && 'moved' in v);
    if (kept.length + moved.length < each.length || kept.some(v => v.retyped.length > 0))
        return undefined;
    return unionMoved(moved, texts.before);
}
function keptOne(label, texts, resolve) {
    const v = compareLayouts(texts.before, texts.after, resolve);
    if (v && !v.kept && v.before && v.after)
        return {
            moved: [...v.moved, ...v.retyped],
            sizeKept: v.before.size === v.after.size && v.before.align === v.after.align,
            removed: v.removed,
            added: v.added
        };
    if (v?.kept)
        return keptFinding(label, v);
    // Not laid out whole: from the start to where the offsets meet again (a plain struct only).
    const a = parts(texts.before);
    const b = parts(texts.after);
    const n = a && b ? ownAlignment(a, resolve) : undefined;
    const plain = a?.kind === 'struct' &&
        b?.kind === 'struct' &&
        n !== undefined &&
        n === ownAlignment(b, resolve) &&
        sameDirectives(a.body, b.body);
    if (!plain)
        return undefined;
    // Then change by change, where the members before the first one cannot be sized.
    const m = movedMembers(a.body, b.body, resolve, n) ?? byRuns(a.body, b.body, resolve);
    if (!m)
        return undefined;
    if (m.moved.length > 0 || !m.sizeKept)
        return m;
    // Nothing moves and the size stays (virtio_ring.c's `premapped`, into the padding before an int).
    return keptFinding(label, { retyped: [], removed: m.removed, added: m.added }, true);
}
function keptFinding(label, v, 
/** Laid out from the start to where the offsets meet (moved.ts), not as a rewritten run. */
fromStart = false) {
    const place = v.retyped.length === 0
        ? 'every existing member keeps its offset and type'
        : `every existing member keeps its offset and width (${v.retyped.join(', ')} change type)`;
    const effect = v.retyped.length === 0
        ? 'no existing code changes'
        : `only code touching ${v.retyped.join(', ')} can change`;
    const kept = v.before
        ? `size ${v.before.size} and alignment ${v.before.align} are kept (x86_64 layout)`
        : fromStart
            ? 'so are the size and alignment (x86_64 layout of the members up to the first one that stays where it was; the rest are the same text)'
            : `so are the size and alignment (x86_64 layout of the rewritten members${v.neighbours ? ` and the ${v.neighbours} unchanged one${v.neighbours === 1 ? '' : 's'} next to them` : ''}, wherever they start; the members around them are the same text)`;
    const common = `${label}: ${place}, ${kept}: ${effect}`;
    const notes = [];
    if (v.removed.length > 0)
        notes.push(`${v.removed.join(', ')} removed: code naming ${v.removed.length === 1 ? 'it' : 'them'} no longer compiles, so the fix changes that code itself`);
    if (v.added.length > 0)
        notes.push(`New ${v.added.join(', ')} sit in padding or alias an old member: objects the running kernel already holds have whatever was there (zero only if they were zero-allocated)`);
    const message = [common, ...notes].join('. ');
    const severity = v.added.length > 0 || v.retyped.length > 0 ? 'warning' : 'info';
    return { finding: { kind: 'type-change', severity, message }, retyped: v.retyped };
}
/** movedByRuns with enums of either size: what either moves. */
function byRuns(before, after, resolve) {
    const four = movedByRuns(before, after, resolve, 4);
    const eight = movedByRuns(before, after, resolve, 8);
    return four && eight ? unionMoved([four, eight], before) : undefined;
}
/** What any of `list` moves, the old members in the order `before` declares them. */
function unionMoved(list, before) {
    const all = (pick) => [...new Set(list.flatMap(pick))];
    const at = new Map();
    const place = (name) => {
        let i = at.get(name);
        if (i === undefined)
            at.set(name, (i = before.search(new RegExp(`\\b${name}\\b`))));
        return i;
    };
    const out = {
        moved: all(m => m.moved).sort((x, y) => place(x) - place(y) || x.localeCompare(y)),
        sizeKept: list.every(m => m.sizeKept),
        removed: all(m => m.removed).sort(),
        added: all(m => m.added).sort()
    };
    const unsized = list.find(m => m.unsized !== undefined)?.unsized;
    return unsized === undefined ? out : { ...out, unsized };
}

/** Without any dump set's `.config`, only literal conditions (`#if 0`) are decided. */
const NO_CONFIG = [{ label: '' }];
/** Which lines of one source image each build compiles, by its `#if` blocks and `.config`. */
class BuildView {
    builds;
    guards;
    envs;
    cache = new Map();
    /** `masked`: the text with comments blanked; `localDefines`: names the file `#define`s itself. */
    constructor(masked, localDefines, builds) {
        this.builds = builds.length > 0 ? builds : NO_CONFIG;
        this.guards = lineGuards(masked);
        this.envs = this.builds.map(b => kconfigEnv(b.config, localDefines));
    }
    /** Set label -> why that build compiles the 1-based line out; empty when every build may build it. */
    outIn(line) {
        let out = this.cache.get(line);
        if (!out) {
            out = new Map();
            const guard = this.guards[line - 1] ?? [];
            for (let i = 0; i < this.builds.length && guard.length > 0; i++) {
                const s = lineState(guard, this.envs[i], this.builds[i]);
                if (s.state === 'out')
                    out.set(this.builds[i].label, s.reason);
            }
            this.cache.set(line, out);
        }
        return out;
    }
    outEverywhere(line) {
        return this.outIn(line).size === this.builds.length;
    }
    /**
     * What decides whether the line is built, per build: `out`, or the conditions still unknown.
     * Equal keys on both sides of a fix mean the line's fate did not change.
     */
    key(line) {
        const guard = this.guards[line - 1] ?? [];
        const out = this.outIn(line);
        return this.builds
            .map((b, i) => {
            if (out.has(b.label))
                return 'out';
            return guard
                .filter(t => lineState([t], this.envs[i], b).state === 'unknown')
                .map(t => `${t.positive ? '' : '!'}(${t.expr.replace(/\s+/g, '')})`)
                .sort()
                .join('&&');
        })
            .join('|');
    }
}
/** `compiled out: CONFIG_X is not set in sets x86_64, arm64` for a line every build drops. */
function notBuiltMessage(reasons) {
    const byReason = new Map();
    for (const [label, why] of reasons) {
        const labels = byReason.get(why) ?? [];
        if (!labels.includes(label))
            byReason.set(why, [...labels, label]);
    }
    const parts = [...byReason].map(([why, labels]) => {
        const named = labels.filter(l => l !== '');
        if (named.length === 0)
            return why;
        return `${why} in set${named.length > 1 ? 's' : ''} ${named.join(', ')}`;
    });
    return `compiled out: ${parts.join('; ')}`;
}

/**
 * A changed type as one build compiles it: both declarations with the members its `.config`
 * compiles out blanked, compared again. `out`: the build compiles the whole declaration out on
 * both sides. Undefined when the declaration's spans are unknown, or it moves in or out of the
 * build (then the text as written is judged).
 */
function configuredSubject(subject, config) {
    if (!subject.spans)
        return undefined;
    const a = configuredDeclaration(subject.spans.before, config);
    const b = configuredDeclaration(subject.spans.after, config);
    if ('out' in a && 'out' in b)
        return { out: a.out };
    if ('out' in a || 'out' in b)
        return undefined;
    return {
        change: compareShapes(shapeOf(a.text), shapeOf(b.text)),
        texts: { before: a.text, after: b.text }
    };
}

/**
 * Names of a file through which code reaches a type spelled `spelling` without spelling it:
 * functions returning a pointer to it (the kernel's accessors, `pkt_sk(sk)`, `inet_sk(sk)`, cast
 * one object to the type that embeds it: `pkt_sk(sk)->ifindex`), and variables declared at file
 * scope with it (`extern struct key_type key_type_keyring;`: `key_type_keyring.link`).
 */
function accessorsIn(analysis, spelling) {
    const lines = analysis.code.split('\n');
    const word = `\\b${escapeRegExp(spelling)}\\b`;
    const returns = new RegExp(`${word}[^;{}()]*\\*[^;{}()]*$`);
    const out = [];
    for (const f of analysis.functions) {
        if (f.generatedBy)
            continue;
        const head = lines.slice(f.startLine - 1, f.bodyLine).join('\n');
        const call = new RegExp(`\\b${escapeRegExp(f.name)}\\s*\\(`).exec(head);
        if (call && returns.test(head.slice(0, call.index)))
            out.push(f.name);
    }
    // The type before the variable's name: an initializer that spells it makes no variable of it.
    const typed = new RegExp(`${word}[^;{}()=]*$`);
    for (const d of analysis.map.declarations) {
        if ((d.kind !== 'global' && d.kind !== 'extern') || d.name === undefined)
            continue;
        const text = lines.slice(d.startLine - 1, d.endLine).join('\n');
        const at = new RegExp(`\\b${escapeRegExp(d.name)}\\b`).exec(text);
        if (at && typed.test(text.slice(0, at.index)))
            out.push(d.name);
    }
    return out;
}

const POINTER_OR_CALL = /[*(]/;
/**
 * Where `shape` holds a `spelling` by value: directly (`struct obj o;`, `struct obj a[4];`), or
 * inside an anonymous or nested struct/union member (`union { long *map; struct obj o; };`, how
 * the kernel overlays ring variants). A grown member moves every later member of a struct and
 * of each enclosing struct, but nothing in a union (all at offset 0); its own offset is kept.
 */
function holding(shape, spelling) {
    if (shape.kind !== 'struct' && shape.kind !== 'union')
        return undefined;
    if (shape.tag === spelling)
        return undefined;
    return holdingIn(shape.kind, shape.members, spelling);
}
function holdingIn(kind, members, spelling) {
    for (let i = 0; i < members.length; i++) {
        const inner = heldBy(members[i], spelling);
        if (!inner)
            continue;
        const after = kind === 'struct' ? members.slice(i + 1).flatMap(m => m.names) : [];
        return { holder: inner.holder, moved: [...new Set([...inner.moved, ...after])] };
    }
    return undefined;
}
function heldBy(member, spelling) {
    const text = member.text;
    if (text.includes('{')) {
        const inner = shapeOf(text);
        if (inner.kind !== 'struct' && inner.kind !== 'union')
            return undefined;
        return holdingIn(inner.kind, inner.members, spelling);
    }
    const rest = typed(spelling).exec(text)?.[1];
    // `struct obj __rcu *p` and `struct obj (*fn)(void)` hold a pointer, not the type.
    if (rest === undefined || rest === '' || POINTER_OR_CALL.test(rest))
        return undefined;
    return { holder: member.names[0] ?? spelling, moved: [] };
}
/**
 * Members of `shape` (nested aggregates included) that point to a `spelling`: `tp->event->filter`
 * reaches `struct trace_probe_event` through `struct trace_probe`'s `event` without spelling it.
 */
function pointersTo(shape, spelling) {
    if (shape.kind !== 'struct' && shape.kind !== 'union')
        return [];
    const out = new Set();
    const visit = (members) => {
        for (const m of members) {
            if (m.text.includes('{')) {
                const inner = shapeOf(m.text);
                if (inner.kind === 'struct' || inner.kind === 'union')
                    visit(inner.members);
                continue;
            }
            const rest = typed(spelling).exec(m.text)?.[1];
            // A pointer, not a function pointer returning one (`struct obj *(*get)(void)`).
            if (rest !== undefined && rest.includes('*') && !rest.includes('('))
                for (const n of m.names)
                    out.add(n);
        }
    };
    visit(shape.members);
    return [...out];
}
function typed(spelling) {
    return new RegExp(`^(?:(?:const|volatile)\\s+)*(?:(?:struct|union)\\s+)?${escapeRegExp(spelling)}\\b\\s*([^;]*)$`);
}

const NAME$2 = /^[A-Za-z_]\w+$/;
const FAMILY = /[A-Za-z0-9]{2}/;
/** The `##` chains of a macro (`rest`: what follows its name) with one parameter in them. */
function pastesIn(rest) {
    if (!rest.includes('##'))
        return [];
    const open = /^\(([^)]*)\)/.exec(rest);
    if (!open)
        return [];
    const params = new Set(open[1].split(',').map(p => p.trim().replace(/\.\.\.$/, '')));
    const out = [];
    for (const m of rest.slice(open[0].length).matchAll(/\w+(?:\s*##\s*\w+)+/g)) {
        const parts = m[0].split('##').map(p => p.trim());
        const at = parts.filter(p => params.has(p));
        if (at.length !== 1)
            continue;
        const i = parts.indexOf(at[0]);
        const head = parts.slice(0, i).join('');
        const tail = parts.slice(i + 1).join('');
        // `__##x` or `x##_` would make any name a paste of some argument: a fragment says which
        // family it builds only with a word in it (`PFA_`, `BH_`, `_BIT`).
        if (FAMILY.test(head) || FAMILY.test(tail))
            out.push({ head, tail });
    }
    return out;
}
/**
 * The macros of a unit that name some identifiers, through other macros too (UseIndex.expand).
 * A wide header's units share most of their thousands of files and ask about hundreds of names
 * (a type's accessors, the macros around them): asking every file of every unit about every name
 * is TUs x names x files. Here each file's index is merged once into one index over all files, and
 * a unit only filters the few files whose macros name an identifier.
 */
class MacroReach {
    indexOf;
    pastesOf;
    byName = new Map();
    merged = new Set();
    /** Per list of files (units keep theirs): each file's first position. */
    orders = new WeakMap();
    /**
     * Pastes of the merged files, by their head ('' for a tail alone), then by their tail: a list
     * per head, walked for every needle of every unit, cost more than the rest of a wide header's
     * search (sched.h: 43 of 180 s in the '' list alone).
     */
    heads = new Map();
    /** Each (head, tail) of `heads` in the order it first appeared, with its (growing) files. */
    pasteKeys = [];
    /**
     * Per name asked about: the pastes that build it (the argument, the files pasting it), as of
     * the first `seen` of pasteKeys. A unit asks about the same names as every unit before it:
     * walking the index for every prefix and suffix of each, unit after unit, cost 22 of 140 s of
     * sched.h's search.
     */
    builds = new Map();
    constructor(indexOf, pastesOf = () => []) {
        this.indexOf = indexOf;
        this.pastesOf = pastesOf;
    }
    /**
     * The roots, then every macro of `files` whose body names a needle found so far, in the order
     * of a search of the files one after the other (file order, then the file's defines).
     */
    expand(files, roots) {
        const order = this.orderOf(files);
        const needles = [...roots];
        const known = new Set(needles);
        for (let i = 0; i < needles.length; i++) {
            const naming = this.byName.get(needles[i]);
            const here = naming?.filter(n => order.has(n.file)) ?? [];
            if (here.length > 1)
                here.sort((a, b) => order.get(a.file) - order.get(b.file));
            for (const n of here) {
                for (const m of n.macros) {
                    if (!known.has(m))
                        needles.push(m);
                    known.add(m);
                }
            }
            for (const x of this.pasted(needles[i], order)) {
                if (!known.has(x))
                    needles.push(x);
                known.add(x);
            }
        }
        return needles;
    }
    /**
     * The arguments that make a paste of `files` build `name`: `HOST_FIRST` for `ATA_LITER_HOST_FIRST`
     * and `ATA_LITER_##mode`. Spelled where the pasting macro is used, they are its uses.
     */
    pasted(name, order) {
        let known = this.builds.get(name);
        if (!known)
            this.builds.set(name, (known = this.buildsOf(name)));
        for (; known.seen < this.pasteKeys.length; known.seen++) {
            const { head, tail, files } = this.pasteKeys[known.seen];
            if (name.length - head.length - tail.length < 2)
                continue;
            if (!name.startsWith(head) || !name.endsWith(tail))
                continue;
            const x = name.slice(head.length, name.length - tail.length);
            if (NAME$2.test(x))
                known.found.push({ x, files });
        }
        const out = [];
        for (const { x, files } of known.found)
            if (files.some(f => order.has(f)))
                out.push(x);
        return out;
    }
    /** The pastes of the index so far that build `name`: by each prefix, then each suffix. */
    buildsOf(name) {
        const found = [];
        for (let k = 0; k < name.length - 1; k++) {
            const tails = this.heads.get(name.slice(0, k));
            if (!tails)
                continue;
            for (let j = k + 2; j <= name.length; j++) {
                const files = tails.get(name.slice(j));
                const x = name.slice(k, j);
                if (files && NAME$2.test(x))
                    found.push({ x, files });
            }
        }
        return { seen: this.pasteKeys.length, found };
    }
    /** Position of each file of `files`, merging the files not seen yet into the whole index. */
    orderOf(files) {
        let order = this.orders.get(files);
        if (order)
            return order;
        order = new Map();
        for (let i = 0; i < files.length; i++) {
            const file = files[i];
            if (!order.has(file))
                order.set(file, i);
            if (this.merged.has(file))
                continue;
            this.merged.add(file);
            for (const { head, tail } of this.pastesOf(file)) {
                let tails = this.heads.get(head);
                if (!tails)
                    this.heads.set(head, (tails = new Map()));
                const files = tails.get(tail);
                if (files)
                    files.push(file);
                else {
                    const fresh = [file];
                    tails.set(tail, fresh);
                    this.pasteKeys.push({ head, tail, files: fresh });
                }
            }
            for (const [name, macros] of this.indexOf(file)) {
                const list = this.byName.get(name);
                if (list)
                    list.push({ file, macros });
                else
                    this.byName.set(name, [{ file, macros }]);
            }
        }
        this.orders.set(files, order);
        return order;
    }
}

/**
 * The tracepoint definitions of a trace header (`TRACE_EVENT(name, TP_PROTO(...), ...)`), read
 * lexically from its text (comments and strings blanked). The kernel's define_trace.h expands each
 * into functions of the TU that defines CREATE_TRACE_POINTS, named after the event or its class.
 */
/**
 * A trace event's record field (`__entry->state`, declared by TP_STRUCT__entry): never a member
 * of a struct a fix changes, whatever its name.
 */
const RECORD_FIELD = /\b__entry\s*->\s*\w+/g;
/** The macros that define events (what a trace header spells). */
const EVENT_MACROS = [
    'TRACE_EVENT',
    'TRACE_EVENT_CONDITION',
    'TRACE_EVENT_FN',
    'TRACE_EVENT_FN_COND',
    'DECLARE_EVENT_CLASS',
    'DEFINE_EVENT',
    'DEFINE_EVENT_PRINT',
    'DEFINE_EVENT_CONDITION'
];
const INVOCATION = new RegExp(`^[ \\t]*(${EVENT_MACROS.join('|')})[ \\t]*\\(\\s*([A-Za-z_]\\w*)(?:\\s*,\\s*([A-Za-z_]\\w*))?`, 'gm');
const SECTION$1 = /\b(TP_PROTO|TP_ARGS|TP_CONDITION|TP_STRUCT__entry|TP_fast_assign|TP_printk)\s*\(/g;
function traceEvents(masked) {
    const lineAt = lineIndex(masked);
    const out = [];
    for (const m of masked.matchAll(INVOCATION)) {
        const open = masked.indexOf('(', m.index);
        const close = matchingParen(masked, open);
        if (close < 0)
            continue;
        // DEFINE_EVENT*(class, event, ...) name the class first; the others name the event.
        const definesOne = m[1].startsWith('DEFINE_EVENT');
        if (definesOne && m[3] === undefined)
            continue;
        const body = masked.slice(open, close);
        const sections = [];
        for (const s of body.matchAll(SECTION$1)) {
            const at = open + s.index;
            const end = matchingParen(masked, masked.indexOf('(', at));
            if (end < 0)
                continue;
            sections.push({ name: s[1], startLine: lineAt(at), endLine: lineAt(end) });
        }
        out.push({
            macro: m[1],
            className: m[2],
            ...(m[1] === 'DECLARE_EVENT_CLASS' ? {} : { event: definesOne ? m[3] : m[2] }),
            startLine: lineAt(m.index + m[0].length - m[0].trimStart().length),
            endLine: lineAt(close),
            sections
        });
    }
    return out;
}
function lineIndex(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text[i] === '\n')
            starts.push(i + 1);
    return offset => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
}
/**
 * The functions define_trace.h generates that a change to `section` of `ev` changes. The record
 * (`TP_STRUCT__entry`) is filled by trace_event_raw_event_<class> and perf_trace_<class> and read
 * by trace_raw_output_<class>; TP_fast_assign runs in the first two, TP_printk only in the output
 * (DEFINE_EVENT_PRINT has its own, named after the event); the prototype reaches every one of
 * them and each event's __traceiter_ and trace_ wrappers (`events`: the class's events).
 */
function generatedBy(ev, section, events) {
    const c = ev.className;
    const record = [`trace_event_raw_event_${c}`, `perf_trace_${c}`];
    const output = ev.macro === 'DEFINE_EVENT_PRINT' ? `trace_raw_output_${ev.event}` : `trace_raw_output_${c}`;
    const wrappers = (ev.event !== undefined ? [ev.event] : events).flatMap(e => [`__traceiter_${e}`]);
    const inline = (ev.event !== undefined ? [ev.event] : events).map(e => `trace_${e}`);
    switch (section) {
        case 'TP_fast_assign':
            return { tu: record, header: [] };
        case 'TP_printk':
            return { tu: [output], header: [] };
        case 'TP_STRUCT__entry':
            return { tu: [...record, output], header: [] };
        case 'TP_CONDITION':
            return { tu: [], header: inline };
        default:
            // The prototype, or a line between sections: everything the invocation generates.
            if (ev.macro.startsWith('DEFINE_EVENT') && ev.macro !== 'DEFINE_EVENT_PRINT')
                return { tu: wrappers, header: inline };
            return { tu: [...record, output, ...wrappers], header: inline };
    }
}

/** A member read; not the `.f` of a number (`1.f`). */
const MEMBER = /(?:->|(?<!\b\d+)\.)\s*([A-Za-z_]\w*)/g;
/**
 * Operators that read only a member's type or size, never its offset (`sizeof_field(T, m)`,
 * `typeof_member(T, m)`, struct_size's array check): a moved member keeps both.
 */
const TYPE_ONLY$1 = /\b(?:sizeof|typeof|__typeof__|__typeof|typeof_unqual|alignof|_Alignof|__alignof__|__must_be_array|__same_type)\s*\(/g;
const CALL$2 = /\b([A-Za-z_]\w*)\s*\(/g;
const NAME$1 = /^[A-Za-z_]\w*$/;
/** A chain of forwarding macros longer than this is not followed (each round is one link). */
const ROUNDS = 8;
/** One definition's own facts (kept per file by UseIndex: a header's types ask again and again). */
function macroFacts(define) {
    const code = codeOf(define.body);
    const named = new Set();
    for (const m of code.matchAll(MEMBER))
        named.add(m[1]);
    const direct = [];
    define.params.forEach((p, i) => {
        if (named.has(p) && NAME$1.test(p))
            direct.push(i);
    });
    const calls = callsIn$1(code).filter(c => c.args.some(a => define.params.includes(a)));
    return { define, direct, calls };
}
/** memberParams over facts already made: the direct positions, then forwarding, link by link. */
function propagate(facts) {
    const found = new Map();
    const forwarding = [];
    for (const f of facts) {
        for (const i of f.direct)
            at(found, f.define.name).add(i);
        if (f.calls.length > 0)
            forwarding.push(f);
    }
    for (let round = 0; round < ROUNDS; round++) {
        let grew = false;
        for (const { define, calls } of forwarding) {
            for (const call of calls) {
                for (const k of found.get(call.callee) ?? []) {
                    const i = define.params.indexOf(call.args[k] ?? '');
                    if (i < 0 || found.get(define.name)?.has(i))
                        continue;
                    at(found, define.name).add(i);
                    grew = true;
                }
            }
        }
        if (!grew)
            break;
    }
    return found;
}
/**
 * The body with its comments, strings, type-only operands and trace record fields (`__entry->f`,
 * which no struct of the fix holds) blanked.
 */
function codeOf(body) {
    let code = maskCommentsAndStrings(body).replace(RECORD_FIELD, m => ' '.repeat(m.length));
    for (const m of code.matchAll(TYPE_ONLY$1)) {
        const from = m.index + m[0].length;
        const close = matchingParen(code, from - 1);
        const to = close < 0 ? code.length : close;
        code = code.slice(0, from) + ' '.repeat(to - from) + code.slice(to);
    }
    return code;
}
function at(found, name) {
    let set = found.get(name);
    if (!set)
        found.set(name, (set = new Set()));
    return set;
}
/** The calls a macro body makes, each with its top-level arguments. */
function callsIn$1(body) {
    const out = [];
    for (const m of body.matchAll(CALL$2)) {
        const open = m.index + m[0].length - 1;
        const close = matchingParen(body, open);
        if (close >= 0)
            out.push({ callee: m[1], args: splitArgs(body.slice(open, close + 1)) });
    }
    return out;
}

/** `->name` or `.name` of one of `names`: an access of one of those members. */
function memberAccess(names) {
    return new RegExp(`(?:->|\\.)\\s*(?:${names.map(escapeRegExp).join('|')})\\b`);
}
// GCC takes `\` before CRLF as a continuation too.
const DEFINE$4 = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm;
const IDENT$4 = /[A-Za-z_]\w*/g;
/** A macro body that may access a member: `->m`, `.m`, or `m` as a last argument (`container_of`). */
const ACCESSING = /->|\.\s*[A-Za-z_]|,\s*[A-Za-z_]\w*\s*\)/;
const CONDITIONAL$1 = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b/;
/**
 * Parses kept, in characters of their sources: a wide header's TUs share most files, asked about
 * again TU after TU; a parse costs far more than keeping it (kernel units are 20-30 MB of text).
 */
const ANALYSES_KEPT$1 = 32_000_000;
/**
 * Lexical questions about the files of the tree, cached for a whole run: which macros of a file
 * name an identifier, and which functions (or data) of a file spell it. Files come through `textOf`
 * (pre-images of the fix's own files).
 */
class UseIndex {
    parser;
    textOf;
    macroRefs = new Map();
    /**
     * Per file with any: identifier -> the file's macros defined under an `#if` naming it (and not
     * naming it in their body), made in the same pass as macroRefs.
     */
    testedRefs = new Map();
    /** Per file with any: its macros' `##` pastes (made in the same pass as macroRefs). */
    pastes = new Map();
    /** Per file: the names asked about so far, and whether it spells each (never its whole vocabulary). */
    spelled = new Map();
    /** Whether one batch of names lies inside another (see opens). */
    subsets = new WeakMap();
    answers = new Map();
    summaries = new Map();
    /** usesWith: per file, name and pattern source. */
    filtered = new Map();
    analyses = new Map();
    analysed = 0;
    // Per name, then per file: a wide header's units ask the same files again and again.
    embedders = new Map();
    accessorNames = new Map();
    pointers = new Map();
    reach = new MacroReach(path => this.macrosNaming(path), path => this.pastesOf(path));
    testedReach = new MacroReach(path => {
        const body = this.macrosNaming(path);
        const tested = this.testedRefs.get(path);
        if (!tested)
            return body;
        // Made for the merge into the reach's own index, then dropped.
        const both = new Map(body);
        for (const [id, macros] of tested)
            both.set(id, [...(both.get(id) ?? []), ...macros]);
        return both;
    }, path => this.pastesOf(path));
    constructor(parser, textOf) {
        this.parser = parser;
        this.textOf = textOf;
    }
    /**
     * The identifiers whose use means using `roots` in a unit of `files`: the roots, and every macro
     * of those files whose body names one of them, through other macros too.
     */
    expand(files, roots) {
        return this.reach.expand(files, roots);
    }
    /**
     * `expand` for a changed macro: also every macro defined under an `#if` on a needle
     * (`#if SHIFT > 8` / `#define ALIGN 0x1000`): which definition is in force depends on it. Only
     * for macros: an `#if` reads a type, member or enumerator name as 0, whatever it is.
     */
    expandMacro(files, roots) {
        return this.testedReach.expand(files, roots);
    }
    /**
     * Answers `spells` for many files and names with one read of each file: a header's reach is
     * thousands of files, whose identifier sets would not fit in memory together. A file keeps the
     * names it spells and the batches of names it was asked about: recording a "no" for each of
     * thousands of names in each of thousands of files cost more than reading them.
     */
    prime(paths, names) {
        const batch = new Set(names);
        for (const path of paths) {
            let known = this.spelled.get(path);
            if (!known)
                this.spelled.set(path, (known = { hits: new Set(), asked: [], single: new Map() }));
            if (!this.opens(known, batch))
                continue;
            const text = this.textOf(path);
            if (batch.size <= SINGLES) {
                for (const n of batch) {
                    const hit = typeof text === 'string' && spellsIn(text, n);
                    known.single.set(n, hit);
                    if (hit)
                        known.hits.add(n);
                }
                continue;
            }
            const ids = new Set(typeof text === 'string' ? text.match(IDENT$4) : []);
            for (const id of ids)
                if (batch.has(id))
                    known.hits.add(id);
            known.asked.push(batch);
        }
    }
    /** Whether `batch` names something `known` was not asked about. */
    opens(known, batch) {
        // A batch inside one asked whole: decided once per pair of batches, not per file and name (a
        // wide header's thousands of needles, asked of each of its thousands of files: 11 of 140 s).
        for (const a of known.asked)
            if (this.inside(batch, a))
                return false;
        for (const n of batch)
            if (!isKnown(known, n))
                return true;
        return false;
    }
    inside(x, y) {
        if (x === y)
            return true;
        let byY = this.subsets.get(x);
        if (!byY)
            this.subsets.set(x, (byY = new WeakMap()));
        let v = byY.get(y);
        if (v === undefined) {
            v = x.size <= y.size && [...x].every(n => y.has(n));
            byY.set(y, v);
        }
        return v;
    }
    /** The text of `path` as the search reads it (undefined or false: none). */
    read(path) {
        return this.textOf(path);
    }
    /** Whether `path` spells `name` anywhere (comments included: this only narrows a search). */
    spells(path, name) {
        const known = this.spelled.get(path);
        if (known && isKnown(known, name))
            return known.hits.has(name);
        this.prime([path], new Set([name]));
        return this.spelled.get(path)?.hits.has(name) ?? false;
    }
    /**
     * The names of `names` that `path` spells, in no particular order: after `prime` with them, from
     * the file's hits alone (most files of a wide header's reach spell none of its names).
     */
    spelledAmong(path, names) {
        const known = this.spelled.get(path);
        if (!known || this.opens(known, names))
            this.prime([path], names);
        const out = [];
        for (const n of this.spelled.get(path)?.hits ?? [])
            if (names.has(n))
                out.push(n);
        return out;
    }
    /** Whether `path` has a `#define name` (anywhere, under any `#if`). */
    defines(path, name) {
        return this.firstDefine(path, name) !== undefined;
    }
    /**
     * The first line of `path`'s `#define name` when no `#include` follows it in `path`: a TU's
     * `.c` whose own macro (`#define done ...` in i915's intel_guc.c) can then be expanded in no
     * header the TU reads, only in the `.c` below that line. Undefined otherwise.
     */
    definedBelowIncludes(path, name) {
        const found = this.firstDefine(path, name);
        return found === undefined || found.lastInclude > found.line ? undefined : found.line;
    }
    /**
     * The first `#define name` of `path`, as the parser or the preprocessor's reading
     * (directiveSummary) finds it, with the line of the file's last `#include`.
     */
    firstDefine(path, name) {
        if (!this.spells(path, name))
            return undefined;
        const text = this.textOf(path);
        if (typeof text !== 'string')
            return undefined;
        const a = this.analysisOf(path, text);
        const parsed = a.map.macros.find(m => m.name === name)?.startLine;
        const { defines, lastInclude } = this.directiveSummary(path, a.masked);
        const raw = defines.get(name);
        if (parsed === undefined && raw === undefined)
            return undefined;
        return { line: Math.min(parsed ?? Infinity, raw ?? Infinity), lastInclude };
    }
    /**
     * Per file, read as the preprocessor reads it (continued lines joined, `%:` for `#`): each
     * name's first `#define` line and the line of the last `#include`. A `#\` + `include` split
     * over two lines still reads a header (a hostile review's case). Once per file: a wide
     * header's units ask it for every needle their `.c` spells.
     */
    directiveSummary(path, masked) {
        let known = this.summaries.get(path);
        if (!known) {
            const defines = new Map();
            let lastInclude = 0;
            for (const d of logicalDirectives(masked)) {
                const m = /^define ([A-Za-z_]\w*)/.exec(d.text);
                if (m && !defines.has(m[1]))
                    defines.set(m[1], d.line);
                if (/^(?:include|import)/.test(d.text))
                    lastInclude = d.line;
            }
            this.summaries.set(path, (known = { defines, lastInclude }));
        }
        return known;
    }
    /** The one `#define name` of `path` (its line, its text as macroDefinitions gives it), if one. */
    ownDefinition(path, name) {
        if (!this.spells(path, name))
            return undefined;
        const text = this.textOf(path);
        if (typeof text !== 'string')
            return undefined;
        const a = this.analysisOf(path, text);
        const defs = a.map.macros.filter(m => m.name === name);
        if (defs.length !== 1)
            return undefined;
        // One under `#ifdef` may not be in effect (a hostile review's case): only an unconditional one.
        let depth = 0;
        for (const line of a.masked.split('\n').slice(0, defs[0].startLine - 1)) {
            const d = /^\s*#\s*(if|ifdef|ifndef|endif)\b/.exec(line);
            if (d)
                depth += d[1] === 'endif' ? -1 : 1;
        }
        if (depth !== 0)
            return undefined;
        // Nor one the file takes back: below an `#undef` the header's definition is the one in force.
        if (new RegExp(`^\\s*#\\s*undef\\s+${name}\\b`, 'm').test(a.masked))
            return undefined;
        return { line: defs[0].startLine, text: macroDefinitions(a, name) };
    }
    /** Functions and data lines of `path` that spell `name`. */
    uses(path, name) {
        let known = this.answers.get(path);
        if (!known)
            this.answers.set(path, (known = new Map()));
        let found = known.get(name);
        if (!found) {
            found = { functions: [], data: [] };
            const text = this.textOf(path);
            if (typeof text === 'string' && this.spells(path, name))
                found = usesIn(this.analysisOf(path, text), name);
            known.set(name, found);
        }
        return found;
    }
    /**
     * Functions of `path` that spell `name` and whose code (signature and body, comments and
     * directives blanked) also matches `also`: `->b` on a function that names `struct obj`.
     */
    usesWith(path, name, also) {
        const found = this.uses(path, name).functions;
        if (found.length === 0)
            return found;
        // A regex's source (thousands of characters for a chain over many moved members) is a key
        // of its own: joining it to the name on every call cost more than the answer.
        let byName = this.filtered.get(path);
        if (!byName)
            this.filtered.set(path, (byName = new Map()));
        let bySource = byName.get(name);
        if (!bySource)
            byName.set(name, (bySource = new Map()));
        const known = bySource.get(also.source);
        if (known)
            return known;
        const text = this.textOf(path);
        if (typeof text !== 'string')
            return [];
        const analysis = this.analysisOf(path, text);
        const lines = analysis.code.split('\n');
        const functions = found.filter(f => also.test(lines.slice(f.startLine - 1, f.endLine).join('\n')));
        bySource.set(also.source, functions);
        return functions;
    }
    /** Functions of `files` returning a pointer to one of `spellings` (see accessorsIn). */
    accessors(files, spellings) {
        const out = new Set();
        for (const path of files) {
            for (const spelling of spellings) {
                const byFile = perName(this.accessorNames, spelling);
                let found = byFile.get(path);
                if (!found) {
                    const text = this.textOf(path);
                    found =
                        typeof text === 'string' && this.spells(path, spelling)
                            ? accessorsIn(this.analysisOf(path, text), spelling)
                            : [];
                    byFile.set(path, found);
                }
                for (const name of found)
                    out.add(name);
            }
        }
        return [...out];
    }
    /** Members of the structs/unions of `path` that point to a `spelling` (see pointersTo). */
    pointerMembers(path, spelling) {
        const byFile = perName(this.pointers, spelling);
        let found = byFile.get(path);
        if (!found) {
            found = [];
            const text = this.textOf(path);
            if (typeof text === 'string' && this.spells(path, spelling)) {
                const analysis = this.analysisOf(path, text);
                const lines = analysis.masked.split('\n');
                const names = new Set();
                for (const d of analysis.map.declarations) {
                    if (d.kind !== 'type' || !d.name)
                        continue;
                    const shape = shapeOf(lines.slice(d.startLine - 1, d.endLine).join('\n'));
                    for (const n of pointersTo(shape, spelling))
                        names.add(n);
                }
                found = [...names];
            }
            byFile.set(path, found);
        }
        return found;
    }
    /** Structs/unions of `path` with a member of type `spelling` by value (not a pointer). */
    typesEmbedding(path, spelling) {
        const byFile = perName(this.embedders, spelling);
        let found = byFile.get(path);
        if (!found)
            byFile.set(path, (found = this.findEmbedders(path, spelling)));
        return found;
    }
    findEmbedders(path, spelling) {
        const text = this.textOf(path);
        if (typeof text !== 'string' || !this.spells(path, spelling))
            return [];
        const analysis = this.analysisOf(path, text);
        const lines = analysis.masked.split('\n');
        const out = [];
        for (const d of analysis.map.declarations) {
            if (d.kind !== 'type' || !d.name || d.name === spelling)
                continue;
            const shape = shapeOf(lines.slice(d.startLine - 1, d.endLine).join('\n'));
            const held = holding(shape, spelling);
            if (!held)
                continue;
            const tag = shape.kind === 'struct' || shape.kind === 'union' ? shape.tag : undefined;
            out.push({
                name: d.name,
                spellings: [...new Set([d.name, ...(tag ? [tag] : [])])],
                moved: held.moved,
                holder: held.holder
            });
        }
        return out;
    }
    /**
     * Macros of `files` that stand for an access of one of `members` (`#define sk_state
     * __sk_common.skc_state`): `sk->sk_state` touches `skc_state` with no `.skc_state` written.
     */
    memberMacros(files, members) {
        const access = memberAccess(members);
        const out = new Set();
        for (const file of files)
            for (const name of this.accessMacros(file, access))
                out.add(name);
        return [...out].sort();
    }
    /** Macros of `file` whose body matches `access` (a member access pattern), cached per pattern. */
    accessMacros(file, access) {
        this.macrosNaming(file);
        const defines = this.accessDefines.get(file) ?? [];
        if (defines.length === 0)
            return [];
        let byPattern = this.accessing.get(file);
        if (!byPattern)
            this.accessing.set(file, (byPattern = new Map()));
        let found = byPattern.get(access.source);
        if (!found) {
            found = defines.filter(d => access.test(d.body)).map(d => d.name);
            byPattern.set(access.source, found);
        }
        return found;
    }
    /**
     * Of `candidates` (macros of `files`, callees first, as `expand` orders them from `offsetof`),
     * those whose last parameter is a member designator: passed last to offsetof or to another
     * such macro (`container_of(ptr, type, member)`, `list_for_each_entry(pos, head, member)`);
     * `rht_ptr(bkt, tbl, hash)` reaches offsetof too, but `hash` is a value there.
     */
    designatorMacros(files, candidates) {
        const wanted = new Set(candidates);
        const bodies = new Map();
        for (const file of files) {
            this.macrosNaming(file);
            for (const d of this.accessDefines.get(file) ?? [])
                if (d.last !== undefined && wanted.has(d.name) && !bodies.has(d.name))
                    bodies.set(d.name, { ...d, last: d.last });
        }
        const out = ['offsetof'];
        for (const name of candidates) {
            const d = bodies.get(name);
            if (!d || out.includes(name))
                continue;
            const passed = new RegExp(`\\b(?:${out.map(escapeRegExp).join('|')})\\s*\\([^;{}]*,\\s*${escapeRegExp(d.last)}\\s*\\)`);
            if (passed.test(d.body))
                out.push(name);
        }
        return out;
    }
    /**
     * Per argument position, the macros of `files` that take a member name there (see
     * memberParams): `ata_port_simple_attr(local_port_no, ...)` reads `ap->local_port_no`.
     */
    memberParamMacros(files) {
        const facts = [];
        for (const file of files) {
            let known = this.paramFacts.get(file);
            if (!known) {
                this.macrosNaming(file);
                known = [];
                for (const d of this.accessDefines.get(file) ?? []) {
                    if (!d.params)
                        continue;
                    const f = macroFacts({ name: d.name, params: d.params, body: d.body });
                    // Only what can take a member, or pass one on, is kept (every file of a header's reach).
                    if (f.direct.length > 0 || f.calls.length > 0)
                        known.push(f);
                }
                this.paramFacts.set(file, known);
            }
            append(facts, known);
        }
        const byIndex = new Map();
        for (const [name, positions] of propagate(facts))
            for (const i of positions) {
                const list = byIndex.get(i);
                if (list)
                    list.push(name);
                else
                    byIndex.set(i, [name]);
            }
        return byIndex;
    }
    /** memberParamMacros' per-file part: each of a file's macros as it reads by itself. */
    paramFacts = new Map();
    /** accessMacros' answers: per file, per pattern source. */
    accessing = new Map();
    /** Per file: its macros whose body may access a member (ACCESSING), found by macrosNaming's pass. */
    accessDefines = new Map();
    /** The `##` pastes of the file's macros (see MacroReach), found by macrosNaming's pass. */
    pastesOf(path) {
        this.macrosNaming(path);
        return this.pastes.get(path) ?? [];
    }
    /** Per file: identifier -> the file's macros whose body names it. */
    macrosNaming(path) {
        let index = this.macroRefs.get(path);
        if (!index) {
            index = new Map();
            const text = this.textOf(path);
            if (typeof text === 'string') {
                const pastes = [];
                const accessing = [];
                const conditions = conditionsAt(text);
                const tested = new Map();
                const add = (to, id, macro) => {
                    const list = to.get(id);
                    if (list)
                        list.push(macro);
                    else
                        to.set(id, [macro]);
                };
                for (const m of text.matchAll(DEFINE$4)) {
                    for (const p of pastesIn(m[2]))
                        pastes.push(p);
                    const named = macroReferences$1(m[2]);
                    for (const id of named)
                        add(index, id, m[1]);
                    // `#if X > 8` / `#define ALIGN 0x1000` / `#else` / `#define ALIGN 0x40`: which ALIGN is
                    // in force depends on X as much as a body naming X would (a hostile review's case).
                    for (const id of new Set(conditions(m.index)))
                        if (!named.has(id))
                            add(tested, id, m[1]);
                    const d = accessDefine(m[1], m[2]);
                    if (d)
                        accessing.push(d);
                }
                if (tested.size > 0)
                    this.testedRefs.set(path, tested);
                if (pastes.length > 0)
                    this.pastes.set(path, pastes);
                if (accessing.length > 0)
                    this.accessDefines.set(path, accessing);
            }
            this.macroRefs.set(path, index);
        }
        return index;
    }
    analysisOf(path, text) {
        let analysis = this.analyses.get(path);
        if (analysis) {
            // Least recently used goes first: the headers every TU includes stay.
            this.analyses.delete(path);
            this.analyses.set(path, analysis);
            return analysis;
        }
        analysis = analyseSource(this.parser, text);
        this.analyses.set(path, analysis);
        this.analysed += analysis.code.length;
        for (const [old, kept] of this.analyses) {
            if (this.analysed <= ANALYSES_KEPT$1 || old === path)
                break;
            this.analyses.delete(old);
            this.analysed -= kept.code.length;
        }
        return analysis;
    }
}
/** `rest` (what follows the macro's name) as an AccessDefine, or undefined when its body cannot access. */
function accessDefine(name, rest) {
    const params = /^\(([^)]*)\)/.exec(rest);
    const code = params ? rest.slice(params[0].length) : rest;
    if (!ACCESSING.test(code))
        return undefined;
    // Copies: a slice would keep the whole file's text alive (every file of a header's reach).
    const body = detached(code);
    const names = params?.[1].split(',').map(p => p.replace(/\\\r?\n/g, ' ').trim());
    const last = names?.[names.length - 1] ?? '';
    const define = { name, body };
    if (names)
        define.params = names;
    if (/^[A-Za-z_]\w*$/.test(last) && new RegExp(`,\\s*${last}\\s*\\)`).test(body))
        define.last = last;
    return define;
}
function detached(s) {
    return [...s].join('');
}
/** Batches up to this size are recorded name by name. */
const SINGLES = 16;
function isKnown(known, name) {
    return known.hits.has(name) || known.single.has(name) || known.asked.some(a => a.has(name));
}
const IDENT_NAME = /^[A-Za-z_]\w*$/;
function isWord(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
/**
 * Whether `text.match(IDENT)` holds `name`, without listing the text's identifiers: a header's
 * reach asks thousands of files about one name at a time, and cutting each file into its tens of
 * thousands of identifiers to answer cost seconds. IDENT's tokens are the \w runs from their first
 * letter or `_` on (a leading digit cannot start one: `12abc` holds `abc`).
 */
function spellsIn(text, name) {
    if (!IDENT_NAME.test(name))
        return false;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (isWord(text.charCodeAt(at + name.length)))
            continue;
        let before = at - 1;
        while (before >= 0 && text.charCodeAt(before) >= 48 && text.charCodeAt(before) <= 57)
            before--;
        if (before < 0 || !isWord(text.charCodeAt(before)))
            return true;
    }
    return false;
}
function perName(cache, name) {
    let byFile = cache.get(name);
    if (!byFile)
        cache.set(name, (byFile = new Map()));
    return byFile;
}
/**
 * Identifiers a macro body names. A member access (`->max`) counts too: cpp expands an
 * object-like macro wherever its name is spelled, and over-listing only widens the search.
 */
function macroReferences$1(body) {
    return new Set(body.match(IDENT$4));
}
const CONDITION = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b([^\n]*(?:\\\r?\n[^\n]*)*)/gm;
/**
 * For an offset of `text`, the identifiers of the conditions of every `#if` chain around it (all
 * of a chain's conditions so far: an `#else` branch is taken because of them). Comments in a
 * condition are dropped; `defined` and the include guard come along, which only widens.
 */
function conditionsAt(text) {
    const marks = [];
    const stack = [];
    const current = () => stack.flat();
    for (const m of text.matchAll(CONDITION)) {
        const kind = m[1];
        const ids = m[2].replace(/\/\*.*?\*\/|\/\/.*$/gs, ' ').match(IDENT$4) ?? [];
        if (kind === 'if' || kind === 'ifdef' || kind === 'ifndef')
            stack.push([...ids]);
        else if (kind === 'elif')
            append(stack[stack.length - 1] ?? [], ids);
        else if (kind === 'endif')
            stack.pop();
        marks.push({ at: m.index, ids: current() });
    }
    if (marks.length === 0)
        return () => [];
    return offset => {
        // The last directive before the offset says which chains are open there.
        let lo = 0;
        let hi = marks.length - 1;
        let found = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (marks[mid].at < offset) {
                found = mid;
                lo = mid + 1;
            }
            else
                hi = mid - 1;
        }
        return found < 0 ? [] : marks[found].ids;
    };
}
const annotated = new WeakMap();
/** The code outside directives with the annotations the parse's view blanks left in. */
function withAnnotations(analysis) {
    let code = annotated.get(analysis);
    if (code === undefined) {
        code = blankDirectives(analysis.masked, directiveRanges(analysis.masked));
        annotated.set(analysis, code);
    }
    return code;
}
function usesIn(analysis, name) {
    const fns = new Set();
    const data = new Set();
    const at = (line) => analysis.functions.filter(f => line >= f.startLine && line <= f.endLine);
    const re = new RegExp(`\\b${name}\\b`, 'g');
    // Code outside directives: a use inside a function is the function's, any other is data. The
    // parse's view blanks kernel annotations (`__read_mostly`, `__cacheline_aligned_in_smp`); a
    // change of one of them is looked for where it is written.
    const code = isAttributeMacro(name) ? withAnnotations(analysis) : analysis.code;
    for (const m of code.matchAll(re)) {
        const line = analysis.lines.lineOf(m.index);
        const owners = at(line);
        if (owners.length > 0)
            for (const f of owners)
                fns.add(f);
        else
            data.add(line);
    }
    // `#if`/`#ifdef`/`defined()` on it: every function its branches hold or cut is compiled anew.
    for (const [from, to] of conditionalGroups(analysis, name)) {
        for (const f of analysis.functions)
            if (f.startLine <= to && f.endLine >= from)
                fns.add(f);
    }
    return {
        functions: [...fns].sort((a, b) => a.startLine - b.startLine),
        data: [...data].sort((a, b) => a - b)
    };
}
/** Line ranges (1-based, inclusive) of the `#if` groups any of whose conditions names `name`. */
function conditionalGroups(analysis, name) {
    const word = new RegExp(`\\b${name}\\b`);
    return groupsOf(analysis)
        .filter(g => word.test(g.conditions))
        .map(g => [g.start, g.end]);
}
// Per parse: a unit's search asks each file about hundreds of names, and cutting the file into
// lines for each cost more than the rest of usesIn (sched.h: 9 of 140 s).
const groupCache = new WeakMap();
function groupsOf(analysis) {
    const hit = groupCache.get(analysis);
    if (hit)
        return hit;
    const lines = analysis.masked.split('\n');
    const stack = [];
    const groups = [];
    for (let i = 0; i < lines.length; i++) {
        let line = lines[i];
        const start = i;
        while (line.endsWith('\\') && i + 1 < lines.length)
            line = line.slice(0, -1) + lines[++i];
        const m = CONDITIONAL$1.exec(line);
        if (!m)
            continue;
        const kind = m[1];
        if (kind.startsWith('if'))
            stack.push({ start: start + 1, conditions: [line] });
        else if (kind === 'endif') {
            const g = stack.pop();
            if (g)
                groups.push({ start: g.start, end: i + 1, conditions: g.conditions.join('\n') });
        }
        else if (kind !== 'else' && stack.length > 0) {
            stack[stack.length - 1].conditions.push(line);
        }
    }
    groupCache.set(analysis, groups);
    return groups;
}
/**
 * The directives of a text (comments blanked) as the preprocessor reads them: a line ending in
 * `\` continues on the next, `%:` is `#`; each with the line it starts on and its text after
 * the `#`, its words joined by single spaces.
 */
function logicalDirectives(masked) {
    const out = [];
    const lines = masked.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const start = i;
        let joined = lines[i];
        // GCC joins a backslash and the newline even with blanks between them (with a warning).
        while (/\\\s*$/.test(joined) && i + 1 < lines.length)
            joined = joined.replace(/\\\s*$/, '') + lines[++i];
        const m = /^\s*(?:#|%:)\s*(.*)$/.exec(joined);
        if (m)
            out.push({ line: start + 1, text: m[1].replace(/\s+/g, ' ').trim() });
    }
    return out;
}

/**
 * Functions that touch members a fix retypes in place (same offset and width, another type: a
 * function pointer's parameters, `long` to `unsigned long`): the layout holds, so existing data
 * stays valid, but code reading or calling through the member may compile otherwise. Reached as
 * moved members are: through the type's spellings, its accessors and macros, and other types'
 * members on the way (`rdev->ops->tdls_mgmt`).
 */
function retypedUsers(subject, label, members, seeing, units, uses) {
    const lost = new Set(seeing.unknown);
    const { targets, add } = targetCollector('type-layout', {
        file: subject.header,
        line: subject.line ?? 0
    });
    const untyped = new Set();
    const why = `touches ${listed([...members])} of ${label}, whose type changes in place`;
    for (const tu of seeing.tus) {
        const unit = units.unit(tu);
        if (!unit)
            continue;
        // `sk->sk_state` is `sk->__sk_common.skc_state`: the macro's name is accessed as the member.
        const names = [...members, ...uses.memberMacros(unit.files, members)];
        const access = memberAccess(names);
        if (unit.lost.length > 0)
            lost.add(tu);
        for (const u of pathUsers(unit.files, subject.spellings, members, uses))
            if (u.why === 'touches moved members of')
                add(u.file, u.function, `${why} (through .${u.member})`);
        const reach = [...subject.spellings, ...uses.accessors(unit.files, subject.spellings)];
        for (const needle of uses.expand(unit.files, reach)) {
            for (const file of unit.files) {
                if (!uses.spells(file, needle))
                    continue;
                for (const f of uses.usesWith(file, needle, access))
                    add(file, f, why);
            }
        }
        // A member read through a global, a typedef or a call's result (`lookup(pid)->prio`) spells no
        // type on the way: a function that accesses a member of that name and was not reached above
        // may be this type's user or another's; only a human can tell.
        for (const member of names)
            for (const file of unit.files) {
                if (!uses.spells(file, member))
                    continue;
                for (const f of uses.usesWith(file, member, access))
                    if (!targets.has(`${file}\u0000${f.name}`))
                        untyped.add(f.name);
            }
    }
    const list = [...targets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return { targets: list, lost: [...lost].sort(), untyped: [...untyped].sort() };
}
/** ` N functions access the members through no spelling of the type (...)`, or nothing. */
function untypedNote(untyped, members) {
    if (untyped.length === 0)
        return '';
    return ` ${untyped.length} other function${untyped.length === 1 ? '' : 's'} access${untyped.length === 1 ? 'es' : ''} ${listed([...members])} through no spelling of the type (a global, a typedef, a call's result?): ${listed([...untyped])}; review them.`;
}
/** ` N TUs could not be searched (...): the list may be short.`, or nothing. */
function unsearchedNote(lost) {
    if (lost.length === 0)
        return '';
    return ` ${lost.length} TU${lost.length === 1 ? '' : 's'} could not be searched (${listed([...lost])}): the list may be short.`;
}

/**
 * Anonymous enums a fix changes (`enum { IFLA_HSR_UNSPEC, ..., __IFLA_HSR_MAX };` in uapi
 * headers): what matters is which enumerators they renumber, like a named enum's. Each is paired
 * with its other image by its first enumerator and named after it. Only when every anonymous type
 * the hunks touch is such a pair: anything else is left to the mapper's finding, which the
 * subjects answer as `(unnamed)`.
 */
function unnamedEnumSubjects(img) {
    const sides = { pre: img.pre, post: img.post };
    const lines = { pre: img.pre.masked.split('\n'), post: img.post.masked.split('\n') };
    const touched = { pre: new Map(), post: new Map() };
    for (const h of img.change.patch.hunks) {
        for (const l of h.lines) {
            const side = l.type === 'del' ? 'pre' : l.type === 'add' ? 'post' : undefined;
            const n = l.type === 'del' ? l.oldLine : l.newLine;
            if (!side || n === undefined)
                continue;
            for (const d of sides[side].map.declarations)
                if (d.kind === 'type' && !d.name && n >= d.startLine && n <= d.endLine)
                    touched[side].set(d, hunkLine$1(h));
        }
    }
    if (touched.pre.size === 0 && touched.post.size === 0)
        return [];
    const text = (side, d) => lines[side].slice(d.startLine - 1, d.endLine).join('\n');
    const firstOf = (side, d) => {
        const s = shapeOf(text(side, d));
        return s.kind === 'enum' ? s.enumerators[0]?.name : undefined;
    };
    const unnamed = (side) => sides[side].map.declarations.filter(d => d.kind === 'type' && !d.name);
    const out = new Map();
    const pair = (pre, post, line) => {
        const first = firstOf('pre', pre);
        if (first === undefined || firstOf('post', post) !== first)
            return false;
        const before = text('pre', pre);
        const after = text('post', post);
        out.set(first, {
            header: img.path,
            name: `{ ${first}, ... }`,
            spellings: [],
            line,
            change: compareShapes(shapeOf(before), shapeOf(after)),
            kind: 'enum',
            texts: { before, after },
            spans: {
                before: { masked: img.pre.masked, start: pre.startLine, end: pre.endLine },
                after: { masked: img.post.masked, start: post.startLine, end: post.endLine }
            },
            answers: '(unnamed)'
        });
        return true;
    };
    for (const [d, line] of touched.pre) {
        const first = firstOf('pre', d);
        const other = unnamed('post').find(p => first !== undefined && firstOf('post', p) === first);
        if (!other || !pair(d, other, touched.post.get(other) ?? line))
            return [];
    }
    for (const [d, line] of touched.post) {
        const first = firstOf('post', d);
        if (first !== undefined && out.has(first))
            continue;
        const other = unnamed('pre').find(p => first !== undefined && firstOf('pre', p) === first);
        if (!other || !pair(other, d, line))
            return [];
    }
    return [...out.values()];
}

const DECLARATOR = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*$/;
/** `__attribute__((...))` and the kernel's `__aligned(8)`-style attribute macros. */
const ATTRIBUTE = /\b__attribute__\s*\(\((?:[^()]|\([^()]*\))*\)\)|\b__\w+\s*\([^()]*\)/g;
/**
 * The names `masked` (a header, comments and strings blanked) gives `keyword tag` by typedef:
 * `typedef struct host host_t;`, `typedef struct host *host_p;`, `typedef struct host {...}
 * host_t;`. Code declared with them reads the members with no `struct host` written.
 */
function typedefAliases(masked, keyword, tag) {
    const out = new Set();
    const head = new RegExp(`\\btypedef\\s+(?:(?:const|volatile)\\s+)*${keyword}\\s+${escapeRegExp(tag)}\\b`, 'g');
    for (const m of masked.matchAll(head)) {
        let i = m.index + m[0].length;
        while (i < masked.length && /\s/.test(masked[i]))
            i++;
        if (masked[i] === '{') {
            const close = matchBrace(masked, i);
            if (close < 0)
                continue;
            i = close + 1;
        }
        const rest = /^([^;{}]*);/.exec(masked.slice(i, i + 500));
        if (!rest)
            continue;
        const declarators = rest[1].replace(ATTRIBUTE, ' ');
        // A function type returning the struct (`typedef struct blkg_policy_data *(alloc_pd_fn)(gfp_t
        // gfp, struct request_queue *q)`) names no alias: its parameters are no declarators of it.
        if (declarators.includes('('))
            continue;
        for (const d of declarators.split(',')) {
            const name = DECLARATOR.exec(d.trim());
            if (name)
                out.add(name[1]);
        }
    }
    return [...out];
}

const CREATE = /^[ \t]*#[ \t]*define[ \t]+CREATE_TRACE_POINTS\b/m;
const INCLUDE = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/gm;
/**
 * What a fix's hunks inside tracepoint definitions (TRACE_EVENT, DECLARE_EVENT_CLASS, ...) do to
 * the code: the functions define_trace.h generates from the changed section, in each TU that
 * defines CREATE_TRACE_POINTS before including the header (the only TU that emits them), and the
 * inline trace_<event>() wrappers in every TU when the prototype or condition changes.
 */
function traceEventImpact(img, units, textOf, set, mapped) {
    const result = { targets: [], findings: [], superseded: new Set() };
    const pre = traceEvents(img.pre.masked);
    const post = traceEvents(img.post.masked);
    if (pre.length === 0 && post.length === 0)
        return result;
    const touched = new Map();
    for (const h of img.change.patch.hunks) {
        for (const l of h.lines) {
            const [events, n] = l.type === 'del' ? [pre, l.oldLine] : l.type === 'add' ? [post, l.newLine] : [];
            if (!events || n === undefined)
                continue;
            const ev = events.find(e => n >= e.startLine && n <= e.endLine);
            if (!ev)
                continue;
            const section = ev.sections.find(s => n >= s.startLine && n <= s.endLine)?.name;
            const key = `${ev.macro}\u0000${ev.className}\u0000${ev.event ?? ''}\u0000${section ?? ''}`;
            if (!touched.has(key))
                touched.set(key, { ev, section, line: n });
        }
    }
    if (touched.size === 0)
        return result;
    const homes = units.seeing(img.path).tus.filter(tu => createsTracepoints(textOf(tu), img.path));
    if (homes.length === 0)
        return result;
    const seen = new Set();
    for (const { ev, section, line } of touched.values()) {
        const events = pre
            .filter(e => e.macro.startsWith('DEFINE_EVENT') && e.className === ev.className)
            .flatMap(e => (e.event ? [e.event] : []));
        const names = generatedBy(ev, section, events);
        const what = `${ev.macro}(${ev.event ?? ev.className}) ${section ?? 'invocation'} changed`;
        const add = (file, name) => {
            const key = `${file}\u0000${name}`;
            if (seen.has(key))
                return;
            seen.add(key);
            result.targets.push({
                name,
                symbols: [name],
                file,
                line: ev.startLine,
                change: 'modified',
                via: { kind: 'trace-event', macro: what },
                hunks: [{ file: img.path, line }]
            });
        };
        for (const tu of homes)
            for (const n of names.tu)
                add(tu, n);
        for (const n of names.header)
            add(img.path, n);
        const record = section === undefined || section === 'TP_STRUCT__entry';
        result.findings.push({
            kind: 'trace-event',
            severity: record ? 'unresolved' : 'warning',
            file: img.path,
            line,
            set,
            functions: [...names.tu, ...names.header].slice(0, 100),
            message: `${what}: define_trace.h generates ${[...names.tu, ...names.header].join(', ')} from it ` +
                `(in ${homes.join(', ')}, which define CREATE_TRACE_POINTS): each is required` +
                (record
                    ? '. The record layout changes too: the event format user space reads (tracefs, perf) is data a livepatch keeps as it was.'
                    : section === 'TP_printk'
                        ? '; the format text tracefs shows (print_fmt) is data and keeps the old text.'
                        : '')
        });
    }
    const within = (n) => [...pre, ...post].some(e => n >= e.startLine && n <= e.endLine);
    for (const f of mapped) {
        if (f.file !== img.path || f.line === undefined)
            continue;
        if ((f.kind === 'unmapped-hunk' || f.kind === 'global-change') && within(f.line))
            result.superseded.add(f);
    }
    return result;
}
/** Whether a changed header defines tracepoints (its reach is then per dump set). */
function hasTraceEvents(img) {
    return traceEvents(img.pre.masked).length > 0 || traceEvents(img.post.masked).length > 0;
}
/** Whether a TU's source defines CREATE_TRACE_POINTS and then includes `header`. */
function createsTracepoints(text, header) {
    if (typeof text !== 'string')
        return false;
    const at = CREATE.exec(text);
    if (!at)
        return false;
    for (const m of text.slice(at.index).matchAll(INCLUDE)) {
        const inc = m[1] ?? m[2];
        if (header === inc || header.endsWith(`/${inc}`))
            return true;
    }
    return false;
}

/**
 * The functions a TU that defines CREATE_TRACE_POINTS generates from the `events` of `header`
 * (`masked`: its text, comments and strings blanked) whose TP_fast_assign, TP_printk or record
 * code matches `access` while the invocation reaches the type (`reaches`: its spelling, a pointer
 * member to it...): `__entry->state = qc->ap->hsm_task_state` is code of
 * trace_event_raw_event_<class> and perf_trace_<class>, written outside any function of the header.
 */
function generatedUses(header, masked, events, access, reaches) {
    if (events.length === 0)
        return [];
    const lines = masked.split('\n');
    const slice = (from, to) => lines.slice(from - 1, to).join('\n');
    const out = new Map();
    for (const ev of events) {
        if (!reaches(slice(ev.startLine, ev.endLine)))
            continue;
        const members = classEvents(events, ev);
        for (const section of ev.sections) {
            if (section.name === 'TP_PROTO' || section.name === 'TP_ARGS')
                continue;
            const code = slice(section.startLine, section.endLine).replace(RECORD_FIELD, '');
            if (!access.test(code))
                continue;
            for (const name of generatedBy(ev, section.name, members).tu)
                if (!out.has(name))
                    out.set(name, { name, header, line: ev.startLine });
        }
    }
    return [...out.values()];
}
/** The events DEFINE_EVENT* makes of `ev`'s class (wrappers named after them). */
function classEvents(events, ev) {
    return events
        .filter(e => e.macro.startsWith('DEFINE_EVENT') && e.className === ev.className)
        .flatMap(e => (e.event ? [e.event] : []));
}
/** What define_trace.h's templates name each generated function (`trace_raw_output_##call`). */
const PREFIXES = [
    ['trace_raw_output_', 'TP_printk'],
    ['trace_event_raw_event_', 'TP_fast_assign'],
    ['perf_trace_', 'TP_fast_assign']
];
/** The function templates of a file (include/trace/trace_events.h, perf.h), read once per file. */
function templateBodies(text) {
    const out = [];
    for (const m of maskCommentsAndStrings(text).matchAll(DEFINE$4)) {
        const hit = PREFIXES.find(([p]) => new RegExp(`\\b${p}\\s*##`).test(m[2]));
        if (hit)
            out.push({ prefix: hit[0], body: m[2] });
    }
    return out;
}
/**
 * The prefixes of the functions whose template touches the changed type itself: `struct
 * trace_seq *s = &iter->seq;` is in every trace_raw_output_<class> of every TU that defines
 * CREATE_TRACE_POINTS, whatever its events say.
 */
function templatePrefixes(templates, access, reaches) {
    const out = new Set();
    for (const t of templates)
        if (access.test(t.body) && reaches(t.body))
            out.add(t.prefix);
    return [...out];
}
/** The functions `prefixes` name for the `events` of one trace header `header`. */
function generatedFrom(header, events, prefixes) {
    const out = new Map();
    for (const ev of events) {
        for (const prefix of prefixes) {
            const section = PREFIXES.find(([p]) => p === prefix)?.[1];
            for (const name of generatedBy(ev, section, classEvents(events, ev)).tu)
                if (name.startsWith(prefix) && !out.has(name))
                    out.set(name, { name, header, line: ev.startLine });
        }
    }
    return [...out.values()];
}

function typeSubjects(img) {
    const found = new Map();
    const preLines = img.pre.masked.split('\n');
    const postLines = img.post.masked.split('\n');
    const declText = (lines, d) => lines.slice(d.startLine - 1, d.endLine).join('\n');
    for (const h of img.change.patch.hunks) {
        const names = new Set();
        for (const l of h.lines) {
            const [a, n] = l.type === 'del' ? [img.pre, l.oldLine] : l.type === 'add' ? [img.post, l.newLine] : [];
            if (!a || n === undefined)
                continue;
            for (const d of a.map.declarations)
                if (d.kind === 'type' && d.name && n >= d.startLine && n <= d.endLine)
                    names.add(d.name);
        }
        for (const name of names) {
            if (found.has(name))
                continue;
            const before = definitionOf(img.pre.map.declarations, name, preLines);
            const after = definitionOf(img.post.map.declarations, name, postLines);
            if (!before && after) {
                const shape = shapeOf(declText(postLines, after));
                if (shape.kind === 'struct' || shape.kind === 'union' || shape.kind === 'enum')
                    found.set(name, {
                        header: img.path,
                        name,
                        spellings: [name],
                        line: hunkLine$1(h),
                        change: { kind: 'new', moved: [] },
                        kind: shape.kind
                    });
                continue;
            }
            if (!before || !after)
                continue;
            const preShape = shapeOf(declText(preLines, before));
            const postShape = shapeOf(declText(postLines, after));
            const tag = preShape.kind === 'struct' || preShape.kind === 'union' || preShape.kind === 'enum'
                ? preShape.tag
                : undefined;
            const aliases = tag && (preShape.kind === 'struct' || preShape.kind === 'union')
                ? typedefAliases(img.pre.masked, preShape.kind, tag)
                : [];
            found.set(name, {
                header: img.path,
                name,
                spellings: [...new Set([name, ...(tag ? [tag] : []), ...aliases])],
                line: hunkLine$1(h),
                change: compareShapes(preShape, postShape),
                kind: preShape.kind,
                texts: { before: declText(preLines, before), after: declText(postLines, after) },
                spans: {
                    before: { masked: img.pre.masked, start: before.startLine, end: before.endLine },
                    after: { masked: img.post.masked, start: after.startLine, end: after.endLine }
                }
            });
        }
    }
    for (const s of unnamedEnumSubjects(img))
        found.set(s.name, s);
    return [...found.values()];
}
/**
 * The declaration of `name` that defines it: a header often forward-declares a struct
 * (`struct mbox_chan;`) above the body the fix changes.
 */
function definitionOf(declarations, name, lines) {
    const named = declarations.filter(d => d.kind === 'type' && d.name === name);
    return (named.find(d => lines
        .slice(d.startLine - 1, d.endLine)
        .join('\n')
        .includes('{')) ?? named[0]);
}
const LAYOUT_WHY = 'not livepatchable as it is: shadow variables, or a fix that keeps the layout';
/** What one changed type does to the code of the TUs that see its header. */
function typeImpact(subject, units, uses, set, 
/** Sizes of the named types a TU's files define, for exact layouts (layout/type-sizes). */
sizesIn, 
/** The set's `.config`: members under `#ifdef CONFIG_X` are laid out as this build has them. */
config) {
    const { header, name } = subject;
    let { change } = subject;
    let texts = subject.texts;
    const result = {
        targets: [],
        layout: [],
        findings: [],
        answered: true,
        embedders: []
    };
    const finding = (f) => {
        const full = { ...f, file: header, set };
        if (subject.line !== undefined)
            full.line = subject.line;
        result.findings.push(full);
    };
    const label = `${subject.kind === 'other' || subject.kind === 'function-typedef' ? '' : `${subject.kind} `}${name}`;
    const configured = config ? configuredSubject(subject, config) : undefined;
    if (configured && 'out' in configured) {
        finding({
            kind: 'not-built',
            severity: 'info',
            message: `${label}: ${notBuiltMessage([[set, configured.out]])}: no code changes`
        });
        return result;
    }
    const onlyOut = configured !== undefined && configured.change.kind === 'same' && change.kind !== 'same';
    if (configured)
        ({ change, texts } = configured);
    switch (change.kind) {
        case 'same':
            finding({
                kind: 'type-change',
                severity: 'info',
                message: onlyOut
                    ? `${label}: only members this build compiles out change (its .config): no code changes`
                    : `${label}: only comments or layout of the text change: no code changes`
            });
            return result;
        case 'new':
            finding({
                kind: 'type-change',
                severity: 'info',
                message: `${label} is new in this header: code built before the fix cannot use it, so no existing code changes`
            });
            return result;
        case 'function-typedef':
            finding({
                kind: 'type-change',
                severity: 'info',
                message: `${label} is a typedef of a function type: it lays out no data; code changes only where its users change`
            });
            return result;
        case 'unknown':
            return { ...result, answered: false };
        case 'appended':
            if (subject.kind === 'enum') {
                finding({
                    kind: 'type-change',
                    severity: 'info',
                    message: `${label}: enumerators appended; existing values are kept, no existing code changes`
                });
                return result;
            }
    }
    const seeing = units.seeing(header);
    if (seeing.tus.length === 0 && seeing.unknown.length > 0)
        return { ...result, answered: false };
    // Sizes are read from one TU that sees the header; one with every file at hand, so that a
    // definition in a file that could not be read does not leave a wrong alternative alone.
    const files = seeing.tus
        .map(tu => units.unit(tu))
        .find(u => u !== null && u.lost.length === 0)?.files;
    const layout = texts && files && sizesIn && subject.kind !== 'enum'
        ? keptLayout(label, texts, sizesIn(files, config))
        : undefined;
    const kept = layout && 'finding' in layout ? layout : undefined;
    // Laid out exactly: only what moves is searched, and a kept size keeps its users and embedders.
    const exact = layout && 'moved' in layout ? layout : undefined;
    if (exact)
        change = { ...change, moved: exact.moved };
    if (kept) {
        if (kept.retyped.length === 0) {
            finding(kept.finding);
            return result;
        }
        const touching = retypedUsers(subject, label, kept.retyped, seeing, units, uses);
        result.targets = touching.targets;
        finding({
            ...kept.finding,
            severity: touching.lost.length > 0 || touching.untyped.length > 0
                ? 'unresolved'
                : kept.finding.severity,
            message: `${kept.finding.message}; ${plural(touching.targets.length, 'function')} touch ${listed(kept.retyped)} and are required.` +
                untypedNote(touching.untyped, kept.retyped) +
                unsearchedNote(touching.lost),
            functions: [...new Set(touching.targets.map(t => t.name))].sort().slice(0, 100)
        });
        return result;
    }
    const lost = new Set([...seeing.unknown]);
    const { targets, add } = targetCollector(subject.kind === 'enum' ? 'enum-value' : 'type-layout', {
        file: header,
        line: subject.line ?? 0
    });
    const data = new Set();
    const embedding = new Map();
    const known = seeing.tus.flatMap(tu => units.unit(tu) ?? []);
    const knownFiles = new Set(known.flatMap(u => u.files));
    uses.prime(knownFiles, new Set(known.flatMap(u => uses.expand(u.files, subject.kind === 'enum' ? change.moved : subject.spellings))));
    const members = change.moved.map(escapeRegExp).join('|');
    const fileList = [...knownFiles];
    const reach = members === '' ? undefined : memberReach(members, header, fileList, uses);
    const access = reach?.pattern;
    const paths = new PathSearch(subject.spellings, change.moved, uses, reach?.macros);
    const perUnit = subject.kind === 'enum'
        ? new Map()
        : unitNames(known, subject, paths, access, uses);
    // Each unit searches only what no earlier unit did (see unit-search): the rest adds nothing.
    const sized = new PairsOnce();
    const sizes = new Map(subject.spellings.map(s => [
        s,
        // By value (`struct obj v`, not `struct obj *p`), or with a sizeof: the size matters.
        new RegExp(`\\bsizeof\\b|\\b${escapeRegExp(s)}\\b(?!\\s*\\*)\\s*[A-Za-z_(]`)
    ]));
    const spells = (file, name) => uses.spells(file, name);
    const all = [...perUnit.values()];
    const pathUsers = new PathUsersOnce(paths, [...new Set(all.flatMap(n => [...n.paths.pointers, ...n.paths.holders]))], spells);
    const reaching = [...new Set(all.flatMap(n => n.reach))];
    const reached = new NeedlesOnce(reaching, (file, names) => uses.spelledAmong(file, names));
    // A macro that names the type and accesses a moved member in its own body (`#define
    // EA_BLOCK_CACHE(inode) (((struct ext4_sb_info *)...)->s_ea_block_cache)`) is the access
    // itself: its users spell no `->member`. So is a macro that uses one (`transport_class_to_port`
    // calls `tdev_to_port`, a container_of on a moved member; the functions `ata_port_simple_attr`
    // makes call it in turn).
    const accessing = new Set();
    const templates = new Map();
    if (access) {
        const reachSet = new Set(reaching);
        for (const file of fileList)
            for (const m of uses.accessMacros(file, access))
                if (reachSet.has(m))
                    accessing.add(m);
        if (accessing.size > 0)
            for (const m of uses.expand(fileList, [...accessing]))
                if (reachSet.has(m))
                    accessing.add(m);
    }
    for (const tu of seeing.tus) {
        const unit = units.unit(tu);
        if (!unit)
            continue;
        if (unit.lost.length > 0)
            lost.add(tu);
        if (subject.kind === 'enum') {
            for (const e of change.moved) {
                for (const needle of uses.expand(unit.files, [e])) {
                    for (const file of unit.files) {
                        if (!uses.spells(file, needle))
                            continue;
                        const found = uses.uses(file, needle);
                        for (const f of found.functions)
                            add(file, f, needle === e ? e : `${e} (through ${needle})`);
                        // The enum's own enumerator list spells them: that is the change itself, not data.
                        for (const l of found.data)
                            if (!ownLine(subject, file, l))
                                data.add(`${file}:${l}`);
                    }
                }
            }
            continue;
        }
        for (const spelling of exact?.sizeKept ? [] : subject.spellings) {
            const size = sizes.get(spelling);
            for (const file of unit.files) {
                if (!sized.first(spelling, file) || !uses.spells(file, spelling))
                    continue;
                for (const f of uses.usesWith(file, spelling, size))
                    add(file, f, `uses the size of ${label}`);
                for (const e of uses.typesEmbedding(file, spelling)) {
                    embedding.set(`${file}\u0000${e.name}`, {
                        header: file,
                        name: e.name,
                        spellings: e.spellings,
                        change: { kind: 'moved', moved: e.moved, at: `${e.holder} (holds ${label})` },
                        kind: 'struct'
                    });
                }
            }
        }
        // Members of other types that point to it or hold it reach it without naming it.
        const names = perUnit.get(unit.tu);
        const through = names ? pathUsers.users(unit.files, names.paths) : paths.users(unit.files);
        for (const u of through)
            add(u.file, u.function, `${u.why} ${label} (through .${u.member})`);
        if (!access)
            continue;
        for (const [needle, file] of reached.take(unit.files, names?.reach ?? [])) {
            if (accessing.has(needle)) {
                for (const f of uses.uses(file, needle).functions)
                    add(file, f, `touches moved members of ${label} (through ${needle})`);
                continue;
            }
            for (const f of uses.usesWith(file, needle, access))
                add(file, f, `touches moved members of ${label}`);
        }
        for (const g of tracepointUsers(unit, names, subject, change.moved, access, uses, templates))
            add(unit.tu, { name: g.name, symbols: [g.name], startLine: g.line }, `touches moved members of ${label} (tracepoint code of ${g.header})`);
    }
    const list = [...targets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const names = [...new Set(list.map(t => t.name))].sort();
    const unsearched = lost.size > 0
        ? ` ${plural(lost.size, 'TU')} could not be searched (${listed([...lost].sort())}): the list may be short.`
        : '';
    if (subject.kind === 'enum') {
        result.targets = list;
        const renamed = change.renamed?.map(r => `${r.from} is renamed ${r.to}`).join(', ');
        finding({
            kind: 'type-change',
            severity: lost.size > 0 ? 'unresolved' : 'warning',
            message: renamed
                ? `${label}: ${renamed}, at the same value: no stored value changes; ${plural(list.length, 'function')} ` +
                    `spell the old names and are required.${unsearched}`
                : `${label}: ${change.at ?? 'a change'} renumbers ${listed(change.moved)}; ${plural(list.length, 'function')} ` +
                    `use them and are required. Values the running kernel already stored keep the old numbering.${unsearched}`,
            functions: names.slice(0, 100)
        });
        // Renamed at the same value: data spelling the old name (through a compatibility #define,
        // judged as a macro of its own) holds what it held.
        if (data.size > 0 && !renamed)
            finding({
                kind: 'global-change',
                severity: 'unresolved',
                message: `${label}: renumbered enumerators are spelled outside functions at ${listed([...data].sort())}: data of the running kernel keeps the old values`
            });
        return result;
    }
    result.layout = list;
    const what = change.kind === 'appended'
        ? `members appended (${change.at ?? '?'}): offsets are kept, its size changes`
        : change.moved.length === 0
            ? `${change.at ?? 'a member'} resized: its size changes`
            : `${changedMembers(change.at, exact)}: ${listed(change.moved)} move` +
                (exact?.unsized
                    ? ` (x86_64 layout around each change; from ${exact.unsized} on, members are taken for moved: ${exact.unsized} cannot be placed without the whole struct)`
                    : exact
                        ? ` (exact x86_64 layout: the other members keep their offsets${exact.sizeKept ? ', and the size and alignment are kept' : ''})`
                        : '');
    result.embedders = [...embedding.values()];
    const embedders = embedding.size > 0
        ? ` Held by value in ${listed(result.embedders.map(e => e.name).sort())}, whose layout changes too.`
        : '';
    finding({
        kind: 'type-change',
        severity: 'unresolved',
        message: `${label}: ${what}; ${LAYOUT_WHY}. ${plural(list.length, 'function')} in ${seeing.tus.length} TUs touch ` +
            `${change.kind === 'appended' ? 'its size' : 'the moved members or its size'} (layout tier).${embedders}${unsearched}`,
        functions: names.slice(0, 100)
    });
    return result;
}
/**
 * An access of one of `members` (an alternation): `->m`, `.m`; `m` as the member designator a
 * macro built on offsetof takes last (`list_for_each_entry(t, &types, link)`, `container_of(p,
 * struct key_type, link)`), which reads the member's offset with no `->link` written; or a call
 * of a macro of the type's own header that accesses one through its parameter
 * (`blk_queue_pm_only(q)` is `atomic_read(&(q)->pm_only)`), or of a macro using such a macro
 * (`GRAPHICS_VER(i915)` is `RUNTIME_INFO(i915)->graphics.ip.ver`); or `m` passed where a macro
 * reads `->P` of its parameter P (`ata_port_simple_attr(local_port_no, port_no, ...)` makes a
 * function reading `ap->local_port_no`). `macros`: the header's accessing macros and those using
 * them, which PathSearch follows as well (`GRAPHICS_VER(engine->i915)`).
 */
function memberReach(members, header, files, uses) {
    const plain = `(?:->|\\.)\\s*(?:${members})\\b`;
    const designators = uses
        .designatorMacros(files, uses.expand(files, ['offsetof']))
        .map(escapeRegExp)
        .join('|');
    // A member name passed where a macro reads `->P` of its parameter, at that argument position:
    // the whole argument, or the start of a path into it (`cpuinfo.min_freq`, `data[1]`); earlier
    // arguments may hold parentheses one deep (`(struct host *)p`, `to_host(n)`).
    const arg = '(?:[^,;{}()]|\\([^;{}()]*\\))*';
    const named = [...uses.memberParamMacros(files)].map(([i, macros]) => `|\\b(?:${members})\\b(?=\\s*(?:[,)[.]|->))` +
        `(?<=\\b(?:${macros.map(escapeRegExp).join('|')})\\s*\\((?:${arg},){${i}}\\s*(?:${members}))`);
    // The member is matched first and the macro looked behind for: the alternation of a unit's
    // hundreds of designator macros, tried at every word, is slow (key.h's case: 82 -> 103 s).
    const direct = `${plain}|,\\s*(?:${members})\\s*\\)(?<=\\b(?:${designators})\\s*\\([^;{}]*)` + named.join('');
    // The header's own macros that access through their parameter, in any of those ways
    // (`#define host_nr2(h) host_field(h, nr)`).
    const own = uses.accessMacros(header, new RegExp(direct));
    if (own.length === 0)
        return { pattern: new RegExp(direct), macros: [] };
    // And the unit's macros using them, through other macros too: i915_drv.h's RUNTIME_INFO reads
    // `->__runtime`, and hundreds of i915 macros (GRAPHICS_VER, IS_GEN9_LP, HAS_DISPLAY) call it.
    // Matched at each `(` and looked behind for: an alternation of hundreds of names tried at every
    // word is slow (see above).
    const macros = uses.expand(files, own);
    return {
        pattern: new RegExp(`${direct}|\\((?<=\\b(?:${macros.map(escapeRegExp).join('|')})\\s*\\()`),
        macros
    };
}
/**
 * What a TU that defines CREATE_TRACE_POINTS generates from the trace headers it includes and
 * that touches the moved members: the events' code sits outside any function of the header.
 */
function tracepointUsers(unit, names, subject, moved, access, uses, 
/** define_trace.h's templates by file, read once for every TU of the type's reach. */
templates) {
    const traced = unit.files.filter(f => f !== unit.tu && EVENT_MACROS.some(m => uses.spells(f, m)));
    if (traced.length === 0)
        return [];
    const tu = uses.read(unit.tu);
    const homes = traced.filter(f => createsTracepoints(tu, f));
    if (homes.length === 0 || !names)
        return [];
    // Tracepoint code names the type itself (`TP_PROTO(struct ioc_gq *iocg)`, a template's `struct
    // trace_iterator *iter`) or goes through a member leading to it (`qc->ap->hsm_task_state`): the
    // names a unit's functions are searched by (macros, accessors) are too common in event code,
    // where `->type` or `->flags` mostly reads the record or another struct.
    const spelled = `\\b(?:struct|union)\\s+(?:${subject.spellings.map(escapeRegExp).join('|')})\\b`;
    const through = [...names.paths.pointers, ...names.paths.holders].map(escapeRegExp);
    const reach = new RegExp(through.length > 0
        ? `${spelled}|(?:->|\\.)\\s*(?:${through.join('|')})\\s*(?:->|\\.)\\s*(?:${moved.map(escapeRegExp).join('|')})\\b`
        : spelled);
    const reaches = (code) => reach.test(code);
    // define_trace.h's templates: their bodies are every event's code.
    const prefixes = new Set();
    for (const file of unit.files) {
        if (!TEMPLATE_NAMES.some(n => uses.spells(file, n)))
            continue;
        let bodies = templates.get(file);
        if (!bodies) {
            const text = uses.read(file);
            templates.set(file, (bodies = typeof text === 'string' ? templateBodies(text) : []));
        }
        for (const p of templatePrefixes(bodies, access, reaches))
            prefixes.add(p);
    }
    const out = [];
    for (const file of homes) {
        const text = uses.read(file);
        if (typeof text !== 'string')
            continue;
        const masked = maskCommentsAndStrings(text);
        const events = traceEvents(masked);
        append(out, generatedUses(file, masked, events, access, reaches));
        if (prefixes.size > 0)
            append(out, generatedFrom(file, events, [...prefixes]));
    }
    return out;
}
/** Identifiers of define_trace.h's function templates (`trace_raw_output_##call`). */
const TEMPLATE_NAMES = ['trace_raw_output_', 'trace_event_raw_event_', 'perf_trace_'];
/**
 * Each unit's members and reaching identifiers, found before any unit is searched, so that every
 * file is read once for all of them (UseIndex.prime): a unit asking its files about its own new
 * names would read the header's whole reach again for each of thousands of TUs.
 */
function unitNames(known, subject, paths, access, uses) {
    const out = new Map();
    const names = new Set();
    for (const unit of known) {
        const found = paths.members(unit.files);
        // A moved member is reached through the type's name, a macro of the unit that spells it
        // (`skb_shinfo(skb)->frags` names struct skb_shared_info only inside skb_shinfo), or a function
        // returning a pointer to it (`pkt_sk(sk)->num`).
        const reach = access
            ? uses.expand(unit.files, [
                ...subject.spellings,
                ...uses.accessors(unit.files, subject.spellings)
            ])
            : [];
        out.set(unit.tu, { paths: found, reach });
        for (const n of paths.names(found))
            names.add(n);
        for (const n of reach)
            names.add(n);
    }
    // And what tracepointUsers asks every file (whether it defines events or their templates).
    for (const n of [...EVENT_MACROS, ...TEMPLATE_NAMES])
        names.add(n);
    uses.prime(new Set(known.flatMap(u => u.files)), names);
    return out;
}
function ownLine(subject, file, line) {
    const span = subject.spans?.before;
    return file === subject.header && span !== undefined && line >= span.start && line <= span.end;
}
/**
 * What the fix does to the members, as far as the layout shows it: `kstack_offset,
 * user_dumpable added` when laid out, else the first member that differs.
 */
function changedMembers(at, exact) {
    const parts = [
        exact?.added.length ? `${listed(exact.added)} added` : '',
        exact?.removed.length ? `${listed(exact.removed)} removed` : ''
    ].filter(p => p !== '');
    return parts.length > 0 ? parts.join(', ') : `${at ?? 'a member'} inserted, removed or resized`;
}
function plural(n, one) {
    return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/**
 * Both images of each changed `.c` file, for its own struct/union/enum changes: a type private to
 * a TU (kernel/sched/fair.c's `struct lb_env`) moves members for every function of that TU and of
 * any `.c` that includes it, exactly as a header's would.
 */
function sourceImages(parser, changes) {
    return imagesOf(parser, changes, '.c');
}

/** A kernel TU pulls in 300 to 1,500 headers; past this the closure is cut and says so. */
const CLOSURE_MAX$2 = 8000;
/**
 * Which files make up each TU, and so which TUs see a header. kbuild's `-MD` lists are exact and
 * preferred; without them the include closure is walked over the source tree as kbuild's compiler
 * would resolve it (lexically: an `#include` in a disabled `#if` branch counts, which only widens).
 * Closures, resolutions and directive lists are cached for the whole run: the first header fix
 * walks every TU once, each later question is a lookup.
 */
class Units {
    input;
    arches;
    units = new Map();
    /** Per file: its includes, or why there are none to read. */
    directives = new Map();
    resolved = new Map();
    includes = new Map();
    seers;
    unknown = [];
    /** TUs whose files were read from their #include lines, not from a kbuild list. */
    guessed = [];
    constructor(input) {
        this.input = input;
        this.arches = archesOf(input.tus);
    }
    /** The TU's files; null when neither its deps nor its source is available. */
    unit(tu) {
        let unit = this.units.get(tu);
        if (unit === undefined) {
            const files = this.input.deps?.filesOf(tu);
            if (files) {
                const lost = files.filter(f => !generated(f) && !this.readable(f));
                unit = { tu, files, lost, from: 'deps' };
            }
            else
                unit = this.walk(tu);
            this.units.set(tu, unit);
        }
        return unit;
    }
    /** TUs whose unit holds `file`, and TUs whose unit is not known at all (not searchable). */
    seeing(file) {
        if (!this.seers) {
            const seers = new Map();
            for (const tu of this.input.tus) {
                const unit = this.unit(tu);
                if (!unit) {
                    this.unknown.push(tu);
                    continue;
                }
                if (unit.from === 'source')
                    this.guessed.push(tu);
                for (const f of unit.files) {
                    const list = seers.get(f);
                    if (list)
                        list.push(tu);
                    else
                        seers.set(f, [tu]);
                }
            }
            this.seers = seers;
        }
        const tus = [...(this.seers.get(file) ?? [])].sort();
        // Read from the #include lines (no kbuild list), "no TU sees it" is only what those tell: an
        // include through a macro (`#include CFG_HDR`), `-include`, an -I folder or an arch's asm/
        // they cannot resolve would be missed. Those TUs are then not known not to see it.
        if (tus.length === 0)
            return { tus, unknown: [...this.unknown, ...this.guessed] };
        return { tus, unknown: [...this.unknown] };
    }
    /**
     * The include closure of any file over the source tree (a script's source: `vmlinux.lds.S`),
     * kbuild's lists aside; null when the file is not in the tree.
     */
    closure(path) {
        const walked = this.walk(path);
        return walked && { files: walked.files, lost: walked.lost.filter(f => !generated(f)) };
    }
    readable(path) {
        const status = this.input.statusOf;
        return status ? status(path) === 'ok' : typeof this.directivesOf(path) !== 'string';
    }
    directivesOf(path) {
        let list = this.directives.get(path);
        if (list === undefined) {
            const text = this.input.textOf(path);
            list =
                typeof text === 'string'
                    ? includeDirectives(text)
                    : text === false
                        ? 'unreadable'
                        : 'missing';
            this.directives.set(path, list);
        }
        return list;
    }
    resolve(inc, from, tu) {
        const dir = (p) => p.slice(0, p.lastIndexOf('/') + 1);
        const key = inc.quoted ? `"${inc.name}\u0000${dir(from)}\u0000${dir(tu)}` : `<${inc.name}`;
        let hit = this.resolved.get(key);
        if (hit === undefined) {
            hit =
                includeCandidates(inc, from, tu, this.arches).find(
                // A file that is there but cannot be read resolves too: it is then named as lost.
                p => this.directivesOf(p) !== 'missing') ?? null;
            this.resolved.set(key, hit);
        }
        return hit;
    }
    /**
     * What one file's includes resolve to for a TU: the same for every TU unless the file has a
     * quoted include (which also looks in the TU's folders), so a whole-tree walk resolves each
     * header's includes about once.
     */
    includesOf(file, tu) {
        const list = this.directivesOf(file);
        if (typeof list === 'string')
            return null;
        const quoted = list.some(inc => inc.quoted);
        const key = quoted ? `${file}\u0000${tu.slice(0, tu.lastIndexOf('/') + 1)}` : file;
        let known = this.includes.get(key);
        if (!known) {
            known = { paths: [], lost: [] };
            for (const inc of list) {
                const path = this.resolve(inc, file, tu);
                if (path !== null)
                    known.paths.push(path);
                // As in the caller search: a quoted include written in or naming a `.c` is a file of
                // the tree; an unresolved header include is another platform's or a generated one.
                else if (inc.quoted && (inc.name.endsWith('.c') || file.endsWith('.c')))
                    known.lost.push(includeCandidates(inc, file, tu, this.arches)[0] ?? inc.name);
            }
            this.includes.set(key, known);
        }
        return known;
    }
    walk(tu) {
        if (typeof this.directivesOf(tu) === 'string')
            return null;
        const files = [tu];
        const seen = new Set(files);
        const lost = [];
        for (let i = 0; i < files.length; i++) {
            const own = this.includesOf(files[i], tu);
            if (!own) {
                lost.push(files[i]);
                continue;
            }
            append(lost, own.lost);
            for (const path of own.paths) {
                if (seen.has(path))
                    continue;
                seen.add(path);
                if (files.length >= CLOSURE_MAX$2) {
                    lost.push(`the includes past ${CLOSURE_MAX$2} files`);
                    return { tu, files, lost, from: 'source' };
                }
                files.push(path);
            }
        }
        return { tu, files, lost, from: 'source' };
    }
}
/** Headers kbuild generates at build time (`include/generated/`, `asm/generated`): not in a source tree. */
function generated(path) {
    return /(^|\/)generated\//.test(path) || path.startsWith('include/config/');
}

const RECORD = /\b(typedef\s+)?(struct|union)\s+([A-Za-z_]\w*\s*)?\{/g;
const ALIAS$1 = /\btypedef\s+([^;{}()#]+?)\s+([A-Za-z_]\w*)\s*;/g;
const FUNCTION_POINTER = /\btypedef\s+[^;{}#]*?\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\([^;{}]*\)\s*;/g;
/** An object-like macro on one line (`#define MAX_PHYS_ITEM_ID_LEN 32`). */
const CONSTANT = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(?:[ \t]+([^\n\\]*?))?[ \t]*$/gm;
const PLAIN_TRAILER = /^\s*(?:[A-Za-z]\w*\s*(?:,\s*[A-Za-z]\w*\s*)*)?$/;
/**
 * Sizes of the named types one TU sees (`struct list_head`, `refcount_t`), read from the TU's
 * files. A name defined more than once with different texts (alternatives under `#ifdef`, a struct
 * of the same tag in two headers) has no size here: only an unambiguous definition is used.
 */
class TypeSizes {
    files;
    textOf;
    configure;
    index;
    macros;
    constants = new Map();
    sizes = new Map();
    pending = new Set();
    constructor(files, textOf, 
    /**
     * A file (its text with comments blanked) as the build's `.config` keeps it (configuredText):
     * a definition in the other branch of an `#ifdef` is not one this build sees, nor a member.
     */
    configure) {
        this.files = files;
        this.textOf = textOf;
        this.configure = configure;
    }
    resolve = Object.assign((name, enumSize) => this.sized(name, enumSize), { constant: (expr) => this.constant(expr) });
    /**
     * The value of an array length (`MAX_PHYS_ITEM_ID_LEN`, `NFS4_MAX_MINOR_VERSION + 1`): literals
     * and object-like macros the TU's files define once, to one value, as the `.config` keeps them.
     */
    constant(expr) {
        this.definitions();
        const v = evaluateCondition(expr, {
            value: name => this.macroValue(name),
            defined: () => null
        });
        return v !== null && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
    }
    macroValue(name) {
        if (this.constants.has(name))
            return this.constants.get(name) ?? null;
        this.constants.set(name, null);
        const bodies = this.macros?.get(name);
        const v = bodies?.size === 1
            ? evaluateCondition([...bodies][0], {
                value: n => this.macroValue(n),
                defined: () => null
            })
            : null;
        this.constants.set(name, v);
        return v;
    }
    sized(name, enumSize) {
        const key = `${enumSize}\u0000${name}`;
        if (this.sizes.has(key))
            return this.sizes.get(key);
        if (this.pending.has(key))
            return undefined;
        this.pending.add(key);
        const size = this.measure(name, enumSize);
        this.pending.delete(key);
        this.sizes.set(key, size);
        return size;
    }
    measure(name, enumSize) {
        const defs = this.definitions().get(name) ?? [];
        // A tag renamed by a macro (`#define rcu_head callback_head`, include/linux/types.h).
        const tag = /^(struct|union) (\w+)$/.exec(name);
        const renamed = tag && defs.length === 0 ? this.macros?.get(tag[2]) : undefined;
        if (renamed?.size === 1) {
            const [to] = renamed;
            if (/^[A-Za-z_]\w*$/.test(to) && to !== tag?.[2])
                return this.resolve(`${tag?.[1]} ${to}`, enumSize);
        }
        const distinct = new Map(defs.map(d => [JSON.stringify(d), d]));
        if (distinct.size === 0)
            return defs.length === 0 ? this.alignedMacro(name, enumSize) : undefined;
        // Alternatives (another arch's header, the other branch of an `#if` the .config does not
        // decide) may stand: whichever the TU compiles, they must all measure alike.
        const measured = [...distinct.values()].map(d => this.measureOne(d, enumSize));
        const [first] = measured;
        if (!first)
            return undefined;
        const same = measured.every(m => m && m.size === first.size && m.align === first.align && m.type === first.type);
        return same ? first : undefined;
    }
    /**
     * A type spelled through an object-like macro that adds an alignment (`#define __aligned_u64
     * __u64 __attribute__((aligned(8)))`, include/uapi/linux/types.h): the member is the type,
     * aligned to N, its size kept. Only where N is at least the type's own alignment (see below).
     */
    alignedMacro(name, enumSize) {
        const bodies = /^[A-Za-z_]\w*$/.test(name) ? this.macros?.get(name) : undefined;
        if (bodies?.size !== 1)
            return undefined;
        const [body] = bodies;
        const at = body.search(/\s(?:__aligned\s*\(|__attribute__\s*\(\()/);
        if (at < 0)
            return undefined;
        const aligned = ALIGNED.exec(body.slice(at));
        if (!aligned || body.slice(at + aligned[0].length).trim() !== '')
            return undefined;
        const n = alignedValue(aligned[1] ?? aligned[2], expr => this.constant(expr));
        const layout = n && layoutOf(`${body.slice(0, at).trim()} x;`, 'struct', this.resolve, enumSize);
        const type = layout ? layout.members.get('x')?.type : undefined;
        // Below the type's own alignment the attribute lowers it through a typedef (the kernel's
        // `compat_u64`) but not on a member: which one a use is, this does not tell.
        if (!n || !layout || type === undefined || n < layout.align)
            return undefined;
        return { size: layout.size, align: n, type };
    }
    measureOne(def, enumSize) {
        if (def.kind === 'opaque')
            return undefined;
        if (def.kind === 'function-pointer')
            return { size: 8, align: 8 };
        if (def.kind === 'alias') {
            const layout = layoutOf(`${def.type} x;`, 'struct', this.resolve, enumSize);
            const type = layout?.members.get('x')?.type;
            return layout && { size: layout.size, align: layout.align, ...(type ? { type } : {}) };
        }
        const layout = layoutOf(def.body, def.kind, this.resolve, enumSize);
        if (!layout)
            return undefined;
        if (def.aligned === undefined)
            return { size: layout.size, align: layout.align };
        const n = alignedValue(def.aligned, expr => this.constant(expr));
        return n === undefined ? undefined : raised(layout, n);
    }
    definitions() {
        if (this.index)
            return this.index;
        const index = new Map();
        const macros = new Map();
        const add = (name, d) => {
            const list = index.get(name) ?? [];
            list.push(d);
            index.set(name, list);
        };
        for (const file of this.files()) {
            const raw = this.textOf(file);
            if (typeof raw !== 'string')
                continue;
            const masked = maskCommentsAndStrings(raw);
            const text = this.configure ? this.configure(masked) : masked;
            for (const m of text.matchAll(RECORD)) {
                const open = (m.index ?? 0) + m[0].length - 1;
                const close = matchBrace(text, open);
                if (close < 0)
                    continue;
                const semi = text.indexOf(';', close);
                const trailer = semi < 0 ? '' : text.slice(close + 1, semi);
                const kind = m[2];
                const aligned = ALIGNED.exec(trailer);
                const rest = aligned ? trailer.slice(aligned[0].length) : trailer;
                const plain = PLAIN_TRAILER.test(rest);
                const body = text.slice(open + 1, close).trim();
                const def = !plain
                    ? { kind: 'opaque' }
                    : aligned
                        ? { kind, body, aligned: aligned[1] ?? aligned[2] }
                        : { kind, body };
                const tag = m[3]?.trim();
                if (tag)
                    add(`${kind} ${tag}`, def);
                if (m[1]) {
                    const names = rest.match(/[A-Za-z_]\w*/g) ?? [];
                    for (const n of names)
                        add(n, def);
                }
            }
            for (const m of text.matchAll(FUNCTION_POINTER))
                add(m[1], { kind: 'function-pointer' });
            for (const m of text.matchAll(CONSTANT)) {
                const bodies = macros.get(m[1]) ?? new Set();
                bodies.add((m[2] ?? '').replace(/\s+/g, ' '));
                macros.set(m[1], bodies);
            }
            for (const m of text.matchAll(ALIAS$1)) {
                if (/\b(?:struct|union)\s*$/.test(m[1]) || /\{/.test(m[1]))
                    continue;
                add(m[2], { kind: 'alias', type: m[1].replace(/\s+/g, ' ').trim() });
            }
        }
        this.index = index;
        this.macros = macros;
        return index;
    }
}

const DIRECTIVE$2 = /^[ \t]*#[ \t]*(\w*)/;
const TESTS = new Set(['if', 'ifdef', 'ifndef', 'elif', 'elifdef', 'elifndef']);
/** What kbuild defines when it preprocesses a linker script (`cpp_lds_S`), and a `.S`. */
const LINKER = new Set(['__ASSEMBLY__', 'LINKER_SCRIPT']);
const ASSEMBLER = new Set(['__ASSEMBLY__']);
function scriptText(text) {
    const masked = maskCommentsAndStrings(text);
    return {
        lines: masked.split('\n'),
        guards: lineGuards(masked),
        local: new Set([...masked.matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)/gm)].map(m => m[1]))
    };
}
/**
 * How a script's preprocessor decides `#if`s: a linker script is read as assembly
 * (`-D__ASSEMBLY__ -DLINKER_SCRIPT`), a `.S` as assembly, an offset generator as C; all with the
 * set's `.config`.
 */
function scriptEnv(kind, config, text) {
    const base = kconfigEnv(config, text.local);
    if (kind === 'offsets')
        return base;
    const set = kind === 'linker-script' ? LINKER : ASSEMBLER;
    return {
        value: name => (set.has(name) ? 1 : base.value(name)),
        defined: name => (set.has(name) ? true : base.defined(name))
    };
}
/**
 * Lines (1-based) of a script's text where one of `names` is expanded or tested: spelled outside
 * comments and literals and outside `#define` bodies (a macro defined there is expanded only
 * where it is spelled, which `names` already follows), or in an `#if` condition; not on a line
 * `env` compiles out (`#ifndef __ASSEMBLY__` in a linker script's header; an unset option).
 * Lexical: a linker script is not C, and cpp reads it as text.
 */
function scriptSpellings(text, names, env) {
    const { lines, guards } = text;
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const start = i;
        let line = lines[i];
        while (line.endsWith('\\') && i + 1 < lines.length)
            line = line.slice(0, -1) + lines[++i];
        const directive = DIRECTIVE$2.exec(line);
        if (directive && !TESTS.has(directive[1]))
            continue;
        const word = (line.match(/(?<!\w)[A-Za-z_]\w*/g) ?? []).find(w => names.has(w));
        if (word === undefined)
            continue;
        if (env && lineState(guards[start] ?? [], env, { }).state === 'out')
            continue;
        out.push({ line: start + 1, name: word });
    }
    return out;
}
/**
 * A file as a script's preprocessor reads it, for following its `#include`s: the lines `kind`'s
 * preprocessor drops are blanked (a header's `#ifndef __ASSEMBLY__` part, whose includes bring C
 * that never reaches a linker script), the others kept as written.
 */
function scriptView(kind, config, text) {
    const prepared = scriptText(text);
    const env = scriptEnv(kind, config, prepared);
    const raw = text.split('\n');
    return raw
        .map((line, i) => lineState(prepared.guards[i] ?? [], env, { }).state === 'out' ? '' : line)
        .join('\n');
}

/**
 * The set's scripts, and which of them read a file. kbuild's lists are exact; without them the
 * fixed scripts of the running kernel are walked over the source tree (every `#include`, taken
 * or not: only wider), and a script whose source is not in the tree is another architecture's.
 */
class ScriptUnits {
    input;
    units;
    constructor(input) {
        this.input = input;
    }
    all() {
        if (this.units)
            return this.units;
        const lists = this.input.lists ?? [];
        const listed = lists.map(l => ({
            target: l.target,
            source: l.source,
            kind: l.kind,
            files: l.files,
            lost: l.complete ? [] : [`the rest of ${l.target}'s dependency list (cut short)`]
        }));
        // `.o.cmd` lists bring the `.S` objects; only an upload that packed `.*.lds.cmd`/`.*.s.cmd`
        // lists its linker scripts and offset generators.
        const walked = lists.some(l => l.kind !== 'assembler')
            ? []
            : knownScripts(this.input.arches).flatMap(s => {
                const w = this.input.closure(s.source, s.kind);
                return w ? [{ ...s, files: w.files, lost: w.lost }] : [];
            });
        this.units = [...listed, ...walked];
        return this.units;
    }
    /** The scripts made from `file` or from a file that includes it. */
    seeing(file) {
        return this.all().filter(u => u.files.includes(file));
    }
}
/**
 * The files of a script whose text is the script's own. A linker script is every file it reads:
 * what a header holds outside `#ifndef __ASSEMBLY__` is script text (`asm/vvar.h`'s
 * `DECLARE_VVAR` lines, which vmlinux.lds.S includes to lay out the vvar page). An offset
 * generator is compiled as C, and only what its source and the non-header files it includes
 * (`asm-offsets_64.c`) spell reaches the constants: a header's C reaches them through the macros
 * those files spell.
 */
function ownFiles(unit) {
    if (unit.kind !== 'offsets')
        return unit.files;
    return unit.files.filter((f, i) => i === 0 || !f.endsWith('.h'));
}
/**
 * A set's scripts, walked over `textOf`'s tree when the set carries no lists: an offset
 * generator as C, a linker script as assembly (the includes under `#ifndef __ASSEMBLY__` are not
 * followed: a lexical walk would bring kcsan-checks.h's C into vmlinux.lds).
 */
function scriptUnitsOf(set, textOf, 
/** The set's own units, when the caller has them: their directives are read already. */
units) {
    // Walks only: the objects' kbuild lists say nothing of the scripts' includes.
    const asC = units ?? new Units({ tus: set.tus, textOf });
    const asAssembly = new Units({
        tus: set.tus,
        textOf: path => {
            const text = textOf(path);
            return typeof text === 'string' ? scriptView('linker-script', set.config, text) : text;
        }
    });
    return new ScriptUnits({
        lists: set.scripts,
        arches: archesOf(set.tus),
        closure: (path, kind) => (kind === 'offsets' ? asC : asAssembly).closure(path)
    });
}

const WHAT = {
    'linker-script': target => `the linker script ${target}`,
    offsets: target => target,
    assembler: (target, source) => `the assembler code of ${target} (${source})`
};
const EFFECT = {
    'linker-script': 'the layout of what it links changes, which no function and no livepatch carries',
    offsets: 'the constants kbuild generates from it for assembler code may change, and no dump shows that code',
    assembler: 'its code may change, and no dump describes assembler code'
};
/**
 * What one changed `#define` of a header does to the set's scripts: a linker script, an offset
 * generator or a `.S` that expands it (directly, through the macros of its files, or in an `#if`)
 * makes something no dump shows: a link, the constants assembler code reads, assembler code. Each
 * is unresolved, named with the lines that spell it. `texts`: files prepared once per run.
 */
function scriptImpact(subject, scripts, uses, set, config, texts = new Map(), compiledOut = () => false) {
    const prepared = (file) => {
        let t = texts.get(file);
        if (t === undefined) {
            const text = uses.read(file);
            t = typeof text === 'string' ? scriptText(text) : null;
            texts.set(file, t);
        }
        return t;
    };
    const { header, name } = subject;
    const what = subject.status === 'added' ? 'is new' : subject.status === 'removed' ? 'is removed' : 'changed';
    const findings = [];
    for (const unit of scripts.seeing(header)) {
        // A definition this script's preprocessor drops (`CONFIG_ARCH_USES_CFI_TRAPS` unset around
        // vmlinux.lds.h's KCFI_TRAPS): the script expands the other one.
        if (compiledOut(unit.kind))
            continue;
        const needles = new Set(uses.expandMacro(unit.files, [name]));
        const spots = [];
        for (const file of ownFiles(unit)) {
            if (uses.spelledAmong(file, needles).length === 0)
                continue;
            const text = prepared(file);
            if (!text)
                continue;
            const env = scriptEnv(unit.kind, config, text);
            for (const s of scriptSpellings(text, needles, env))
                spots.push(`${file}:${s.line}`);
        }
        const lost = unit.lost.length > 0 ? `; ${listed(unit.lost)} could not be read` : '';
        if (spots.length === 0 && lost === '')
            continue;
        const through = spots.length > 0 ? `spells it at ${listed(spots)}` : 'may spell it';
        findings.push({
            kind: 'script-change',
            severity: 'unresolved',
            file: header,
            line: subject.line,
            set,
            message: `#define ${name} ${what}: ${WHAT[unit.kind](unit.target, unit.source)} ${through}${lost}: ${EFFECT[unit.kind]}`
        });
    }
    return findings;
}

/**
 * Whether every changed line of a macro's definitions is one that `kind`'s preprocessor drops: a
 * definition the build's `.config` compiles out (`#ifdef CONFIG_X86_VSMP` unset:
 * `__cacheline_aligned_in_smp` is linux/cache.h's there), or, for a linker script, one under
 * `#ifndef __ASSEMBLY__`. Its users then expand another definition, which the fix does not
 * touch. `view` keeps the line count and blanks what the preprocessor drops; a line that was blank
 * already (a comment) does not decide. Each header's view is made once per kind and side: a
 * header's macros are asked about for every script that reads it.
 */
function compiledOutTest(texts, view) {
    const views = new Map();
    const raws = new Map();
    const linesOf = (cache, key, make) => {
        let lines = cache.get(key);
        if (!lines)
            cache.set(key, (lines = make().split('\n')));
        return lines;
    };
    return (subject, kind) => {
        const t = texts.get(subject.header);
        if (!t || subject.changed.length === 0)
            return false;
        let decided = false;
        for (const { side, line } of subject.changed) {
            const key = `${subject.header}\u0000${side}`;
            const raw = linesOf(raws, key, () => t[side]);
            if ((raw[line - 1] ?? '').trim() === '')
                continue;
            const viewed = linesOf(views, `${kind}\u0000${key}`, () => view(kind, t[side]));
            if ((viewed[line - 1] ?? '').trim() !== '')
                return false;
            decided = true;
        }
        return decided;
    };
}

/**
 * What a fix's non-function header changes do to the code of one dump set. Everything read is
 * cached across sets: the second set's question about a header is mostly lookups.
 */
function makeImpact(ctx) {
    const pre = new Map();
    for (const c of ctx.changes)
        if (c.oldText !== null)
            pre.set(c.path, c.oldText);
    const deleted = deletedLines(ctx.changes);
    const rewritten = (file, line) => deleted.get(file)?.has(line) ?? false;
    const absent = new Map();
    const textOf = (path) => {
        const own = pre.get(path);
        if (own !== undefined)
            return own;
        // Texts are not kept (the caches above them keep what they need); misses are, since include
        // resolution asks for the same absent candidates again and again.
        if (absent.has(path))
            return absent.get(path);
        const text = ctx.sourceOf(path);
        if (typeof text !== 'string')
            absent.set(path, text);
        return text;
    };
    // Whether a file can be read, for the kbuild lists' files: reading each to know cost a pass
    // over a wide header's whole reach (6,000 files) before the searches read them again. Every
    // TU's list names the common headers again: each file is asked once.
    const readable = new Set();
    const statusOf = (path) => {
        if (pre.has(path) || readable.has(path))
            return 'ok';
        if (absent.has(path))
            return absent.get(path);
        const status = ctx.sourceStatus
            ? ctx.sourceStatus(path)
            : typeof textOf(path) === 'string'
                ? 'ok'
                : absent.get(path);
        if (status === 'ok')
            readable.add(path);
        else
            absent.set(path, status);
        return status;
    };
    const uses = new UseIndex(ctx.parser, textOf);
    const sizesIn = (files, config) => {
        if (!config)
            return new TypeSizes(() => files, textOf).resolve;
        const configure = (masked) => configuredText(masked, config);
        return new TypeSizes(() => configuredFiles(files, textOf, configure), textOf, configure).resolve;
    };
    let images;
    let subjects;
    let types;
    const known = new Set(ctx.mapped.changed.map(c => `${c.file}\u0000${c.name}`));
    const scriptTexts = new Map();
    return set => {
        images ??= headerImages(ctx.parser, ctx.changes);
        subjects ??= images.flatMap(macroSubjects);
        types ??= [...images, ...sourceImages(ctx.parser, ctx.changes)].flatMap(typeSubjects);
        const result = { targets: [], layout: [], findings: [], superseded: new Set() };
        const traced = images.filter(img => hasTraceEvents(img));
        if (subjects.length === 0 && types.length === 0 && traced.length === 0)
            return result;
        const units = new Units({ tus: set.tus, deps: set.deps, textOf, statusOf });
        const scripts = scriptUnitsOf(set, textOf, units);
        const seen = new Set(known);
        // One entry per function across macros and types: the first reason found is kept.
        const addTargets = (targets) => {
            for (const t of targets) {
                const key = `${t.file}\u0000${t.name}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                result.targets.push(t);
            }
        };
        const searches = subjects.map(s => planMacroSearch(s, units, uses));
        // One read of every file for every changed macro: a search each read a wide header's whole
        // reach again (bitfield.h: 12 macros, 2,148 TUs, 12 reads of each of their files).
        const { files, names } = searchedFiles(searches);
        uses.prime(files, names);
        const config = set.config;
        // The .config is the set's: made per set, each header's views once per kind.
        const outIn = compiledOutTest(new Map(images.map(i => [i.path, { pre: i.change.oldText ?? '', post: i.change.newText ?? '' }])), (kind, text) => scriptView(kind, config, text));
        for (const search of searches) {
            const { subject } = search;
            append(result.findings, scriptImpact(subject, scripts, uses, set.label, config, scriptTexts, kind => outIn(subject, kind)));
            // The mapper says `not-built` of those lines; the users expand another definition. Read
            // as C with the .config alone (no byte order assumed: the set may not be x86_64).
            if (outIn(subject, 'offsets'))
                continue;
            const impact = macroImpact(search, uses, set.label, rewritten);
            if (!impact.searched)
                continue;
            append(result.findings, impact.findings);
            addTargets(impact.targets);
            for (const f of ctx.mapped.findings) {
                if (f.kind === 'macro-change' &&
                    f.file === subject.header &&
                    f.message.startsWith(`#define ${subject.name} changed in a header`))
                    result.superseded.add(f);
            }
        }
        const answered = new Map();
        const queue = types.map(t => ({ subject: t, depth: 0 }));
        const followed = new Set(queue.map(q => `${q.subject.header}\u0000${q.subject.name}`));
        const layoutSeen = new Set();
        for (let i = 0; i < queue.length; i++) {
            const { subject, depth } = queue[i];
            const impact = typeImpact(subject, units, uses, set.label, sizesIn, set.config);
            if (!impact.answered)
                continue;
            if (subject.line !== undefined) {
                const names = answered.get(subject.header) ?? new Set();
                names.add(subject.name);
                if (subject.answers)
                    names.add(subject.answers);
                answered.set(subject.header, names);
            }
            append(result.findings, impact.findings);
            addTargets(impact.targets);
            for (const t of impact.layout) {
                const key = `${t.file}\u0000${t.name}`;
                if (layoutSeen.has(key))
                    continue;
                layoutSeen.add(key);
                result.layout.push(t);
            }
            // Embedding is followed a few levels: each level is a type a human must look at anyway.
            if (depth >= EMBED_DEPTH)
                continue;
            for (const e of impact.embedders) {
                const key = `${e.header}\u0000${e.name}`;
                if (followed.has(key))
                    continue;
                followed.add(key);
                queue.push({ subject: e, depth: depth + 1 });
            }
        }
        for (const img of traced) {
            const trace = traceEventImpact(img, units, textOf, set.label, ctx.mapped.findings);
            append(result.findings, trace.findings);
            addTargets(trace.targets);
            for (const f of trace.superseded)
                result.superseded.add(f);
        }
        for (const f of ctx.mapped.findings) {
            if (f.kind !== 'type-change' || f.file === undefined)
                continue;
            const names = answered.get(f.file);
            const listedNames = f.message.split(' changed: ')[0].split(', ');
            if (names && listedNames.every(n => names.has(n)))
                result.superseded.add(f);
        }
        return result;
    };
}
const EMBED_DEPTH = 3;
/**
 * Whether the fix changes a header's macros (or types) in a way whose reach is only known once the
 * dump set's TUs are: such a fix loads every dump (no focus), since its targets are not names yet.
 */
function reachesBeyondFunctions(parser, changes) {
    return (headerImages(parser, changes).some(img => macroSubjects(img).length > 0 || typeSubjects(img).length > 0 || hasTraceEvents(img)) || sourceImages(parser, changes).some(img => typeSubjects(img).length > 0));
}
/** Per file of the fix, the old image's lines its hunks delete. */
function deletedLines(changes) {
    const out = new Map();
    for (const c of changes) {
        const lines = new Set();
        for (const h of c.patch.hunks)
            for (const l of h.lines)
                if (l.type === 'del' && l.oldLine !== undefined)
                    lines.add(l.oldLine);
        if (lines.size > 0)
            out.set(c.path, lines);
    }
    return out;
}

/**
 * The `layout` tier: the roots (functions touching moved members or the size) with every function
 * GCC inlined them into or cloned them as, and the callers of their IPA-SRA clones. Other
 * review-tier callers and the out-of-line questions of header roots are left out: the type-change
 * finding already fails the gate, this is its reach.
 */
function layoutEntries(set, roots, options) {
    if (roots.length === 0)
        return { affected: [], findings: [] };
    const walked = computeAffected(set, roots, options);
    return {
        affected: walked.affected
            .filter(a => a.tier === 'required' || callsScalarised(a))
            .map(a => ({ ...a, tier: 'layout' })),
        findings: walked.findings.filter(f => f.kind === 'not-built' && f.severity === 'unresolved')
    };
}
/**
 * A caller of an `.isra` clone: IPA-SRA passes the members the clone reads instead of the pointer,
 * so the caller does the loads, at the offsets the layout change moves (`hid_start_in.isra.0`'s
 * callers load `hid->driver_data`). A constprop clone's callers pass the same arguments.
 */
function callsScalarised(a) {
    if (a.tier !== 'review')
        return false;
    const at = a.chain.findIndex(s => s.kind === 'caller-of');
    return at > 0 && /\.isra\.\d+$/.test(a.chain[at - 1].name);
}

/**
 * A livepatch entry under `#ifdef CONFIG_ARM64` is compiled only where that holds. When the
 * condition cannot be decided here, the entry still counts as declared (dropping it would fail
 * every build it is meant for) but a warning names the condition, so that an entry meant for
 * another architecture or configuration is never counted silently. A condition the build decides
 * false drops the entry, with an info finding.
 */
function applyConditions(declared, evaluate = () => undefined) {
    const out = [];
    const findings = [];
    for (const d of declared) {
        if (d.condition === undefined) {
            out.push(d);
            continue;
        }
        const v = evaluate(d.condition);
        const [file, line] = splitSource$1(d.source);
        if (v === true)
            out.push(d);
        else if (v === false) {
            findings.push({
                kind: 'declaration-unparsed',
                severity: 'info',
                message: `${d.object}:${d.name} is under #if ${d.condition}, which this build's .config does not satisfy: not compiled in, not counted`,
                file,
                line,
                functions: [d.name]
            });
        }
        else {
            out.push(d);
            findings.push({
                kind: 'declaration-unparsed',
                severity: 'warning',
                message: `${d.object}:${d.name} is declared only under #if ${d.condition}; without the build's .config that cannot be checked, and it is counted as declared`,
                file,
                line,
                functions: [d.name]
            });
        }
    }
    return { declared: out, findings };
}
function splitSource$1(source) {
    const m = /^(.*):(\d+)$/.exec(source);
    return m ? [m[1], Number(m[2])] : [source, undefined];
}

/**
 * Three-valued evaluation of a `#if` expression as far as one livepatch file can tell: integer
 * constants, operators, `defined` of macros the file itself defines or undefines, and its own
 * object-like macros. Anything else (CONFIG_ options, LINUX_VERSION_CODE, macros of headers) is
 * unknown, because the preprocessor would take it from headers or the build's `.config`, which a
 * livepatch file alone does not show: `undefined` means "depends on the build", never "false".
 * The expression grammar is the one the changed-file reader uses (`config/expr.ts`).
 */
/** `#define A B`, `#define B A`: a cycle the preprocessor would leave unexpanded. */
const MAX_EXPANSION$1 = 8;
function evalCondition(text, defined, objectMacro = () => undefined) {
    const env = (depth) => ({
        defined: name => defined(name) ?? null,
        value(name) {
            if (defined(name) === false)
                return 0;
            const body = objectMacro(name);
            if (body === undefined || depth >= MAX_EXPANSION$1)
                return null;
            // An empty object-like macro in `#if` is a syntax error for GCC: unknown here.
            return body.trim() === '' ? null : evaluateCondition(body, env(depth + 1));
        }
    });
    const v = evaluateCondition(text, env(0));
    return v === null ? undefined : v !== 0;
}

/**
 * Just enough of a C lexer to read livepatch initializers: tokens with lines, the file's own
 * `#define`s (so initializers written through local helper macros can be expanded), and the
 * `#if` conditions guarding each token (SUSE and distro livepatches guard entries per arch/config).
 * It is not a preprocessor: headers are not read. A condition the file alone decides (`#if (0)`,
 * `#if 1`'s `#else`, `#ifdef` of its own macros) is applied; any other is recorded on the tokens it
 * guards, since only the build's `.config` and headers can decide it.
 */
const ID_START = /[A-Za-z_]/;
const ID_CHAR = /[A-Za-z0-9_]/;
/**
 * `decide` settles the conditions of `#define`s and `#undef`s the file alone cannot (the build's
 * `.config`): a macro spelled once per architecture then reads as the build's.
 */
function lexC(text, decide) {
    const macros = new Map();
    const perBuild = new Map();
    const tokens = [];
    const conds = [];
    // Whether the file's own #define/#undef decide `defined(X)`: undefined when done under a condition.
    const ownDefined = new Map();
    let atLineStart = true;
    let line = 1;
    let i = 0;
    const n = text.length;
    const pushToken = (t) => {
        if (conds.some(c => c.dead))
            return;
        const cond = condText(conds);
        if (cond !== undefined)
            t.cond = cond;
        tokens.push(t);
    };
    while (i < n) {
        const c = text[i];
        if (c === '\n') {
            line++;
            i++;
            atLineStart = true;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
            i++;
            continue;
        }
        if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? n : end + 2;
            line += countNewlines(text, i, stop);
            i = stop;
            continue;
        }
        if (c === '/' && text[i + 1] === '/') {
            const end = lineCommentEnd(text, i);
            line += countNewlines(text, i, end);
            i = end;
            continue;
        }
        if (c === '#' && atLineStart) {
            const startLine = line;
            let directive = '';
            i++;
            while (i < n && text[i] !== '\n') {
                if (text[i] === '\\' && text[i + 1] === '\n') {
                    directive += ' ';
                    i += 2;
                    line++;
                    continue;
                }
                if (text[i] === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
                    directive += ' ';
                    i += 3;
                    line++;
                    continue;
                }
                if (text[i] === '/' && text[i + 1] === '*') {
                    const end = text.indexOf('*/', i + 2);
                    const stop = end < 0 ? n : end + 2;
                    line += countNewlines(text, i, stop);
                    directive += ' ';
                    i = stop;
                    continue;
                }
                if (text[i] === '/' && text[i + 1] === '/') {
                    const end = lineCommentEnd(text, i);
                    line += countNewlines(text, i, end);
                    i = end;
                    break;
                }
                directive += text[i];
                i++;
            }
            handleDirective(directive, startLine, conds, { macros, ownDefined, perBuild, decide });
            continue;
        }
        atLineStart = false;
        if (c === '"' || c === "'") {
            const startLine = line;
            let j = i + 1;
            while (j < n && text[j] !== c && text[j] !== '\n')
                j += text[j] === '\\' ? 2 : 1;
            const body = text.slice(i + 1, Math.min(j, n));
            line += countNewlines(text, i, Math.min(j, n));
            pushToken({ kind: c === '"' ? 'str' : 'char', text: body, line: startLine });
            i = j < n && text[j] === c ? j + 1 : j;
            continue;
        }
        if (ID_START.test(c)) {
            let j = i + 1;
            while (j < n && ID_CHAR.test(text[j]))
                j++;
            pushToken({ kind: 'id', text: text.slice(i, j), line });
            i = j;
            continue;
        }
        if (/[0-9]/.test(c)) {
            let j = i + 1;
            while (j < n && /[0-9A-Za-z_.]/.test(text[j]))
                j++;
            pushToken({ kind: 'num', text: text.slice(i, j), line });
            i = j;
            continue;
        }
        const two = text.slice(i, i + 2);
        if (two === '##') {
            pushToken({ kind: 'punct', text: two, line });
            i += 2;
            continue;
        }
        pushToken({ kind: 'punct', text: c, line });
        i++;
    }
    return { tokens, macros };
}
/**
 * Where a `//` comment at `from` ends: at the first newline no backslash splices away (the splice
 * comes before comments in C's translation phases, so `// old \` hides the next line too).
 */
function lineCommentEnd(text, from) {
    let i = from;
    for (;;) {
        const nl = text.indexOf('\n', i);
        if (nl < 0)
            return text.length;
        const back = text[nl - 1] === '\r' ? nl - 2 : nl - 1;
        if (back <= from + 1 || text[back] !== '\\')
            return nl;
        i = nl + 1;
    }
}
/** Tokens of a directive or macro body: no directives, one logical line. */
function lexLine(text, line) {
    const out = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === '"' || c === "'") {
            let j = i + 1;
            while (j < text.length && text[j] !== c)
                j += text[j] === '\\' ? 2 : 1;
            out.push({ kind: c === '"' ? 'str' : 'char', text: text.slice(i + 1, j), line });
            i = j + 1;
            continue;
        }
        if (ID_START.test(c)) {
            let j = i + 1;
            while (j < text.length && ID_CHAR.test(text[j]))
                j++;
            out.push({ kind: 'id', text: text.slice(i, j), line });
            i = j;
            continue;
        }
        if (/[0-9]/.test(c)) {
            let j = i + 1;
            while (j < text.length && /[0-9A-Za-z_.]/.test(text[j]))
                j++;
            out.push({ kind: 'num', text: text.slice(i, j), line });
            i = j;
            continue;
        }
        if (text.startsWith('##', i)) {
            out.push({ kind: 'punct', text: '##', line });
            i += 2;
            continue;
        }
        out.push({ kind: 'punct', text: c, line });
        i++;
    }
    return out;
}
function condText(conds) {
    const parts = conds.map(c => c.text).filter((t) => t !== undefined);
    return parts.length === 0 ? undefined : parts.join(' && ');
}
/** The condition of a branch reached when every undecided earlier branch was false. */
function branchText(prior, own) {
    const parts = prior.map(p => `!(${p})`);
    if (own !== undefined)
        parts.push(prior.length > 0 ? `(${own})` : own);
    return parts.length === 0 ? undefined : parts.join(' && ');
}
function openBranch(conds, cond, value) {
    conds.push({
        text: value === undefined ? cond : undefined,
        dead: value === false,
        prior: value === undefined ? [cond] : [],
        taken: value
    });
}
/** `#elif` (and `#else`, as `#elif 1`) of the innermost group. */
function nextBranch(frame, cond, value) {
    if (frame.taken === true) {
        frame.dead = true;
        frame.text = undefined;
        return;
    }
    frame.dead = value === false;
    frame.text = frame.dead
        ? undefined
        : branchText(frame.prior, value === undefined ? cond : undefined);
    if (value === undefined) {
        frame.prior.push(cond);
        frame.taken = undefined;
    }
    else if (value)
        frame.taken = true;
}
function handleDirective(raw, line, conds, state) {
    const { macros, ownDefined } = state;
    const m = /^\s*([a-z]+)\s*([\s\S]*)$/.exec(raw);
    if (!m)
        return;
    const [, name, rest] = m;
    const arg = rest.trim();
    const decided = conds.every(c => c.text === undefined);
    const evaluate = (expr) => evalCondition(expr, id => ownDefined.get(id), id => {
        const macro = macros.get(id);
        return macro && macro.params === undefined && ownDefined.get(id) === true
            ? tokensText(macro.body)
            : undefined;
    });
    switch (name) {
        case 'if':
            openBranch(conds, arg, evaluate(arg));
            return;
        case 'ifdef':
            openBranch(conds, `defined(${arg})`, ownDefined.get(arg));
            return;
        case 'ifndef': {
            const d = ownDefined.get(arg);
            openBranch(conds, `!defined(${arg})`, d === undefined ? undefined : !d);
            return;
        }
        case 'elif': {
            const top = conds[conds.length - 1];
            if (top)
                nextBranch(top, arg, evaluate(arg));
            return;
        }
        case 'else': {
            const top = conds[conds.length - 1];
            if (top)
                nextBranch(top, '1', true);
            return;
        }
        case 'endif':
            conds.pop();
            return;
        case 'define': {
            if (conds.some(c => c.dead))
                return;
            const d = /^([A-Za-z_][A-Za-z0-9_]*)(\(([^)]*)\))?([\s\S]*)$/.exec(arg);
            if (!d)
                return;
            const params = d[2] === undefined
                ? undefined
                : d[3]
                    .split(',')
                    .map(p => p.trim())
                    .filter(p => p !== '');
            const macro = { name: d[1], params, body: lexLine(d[4], line), line };
            const taken = buildTakes(state, conds, d[1]);
            if (taken === false)
                return;
            if (taken !== true)
                macro.perBuild = taken;
            macros.set(d[1], macro);
            ownDefined.set(d[1], taken === true && decided ? true : undefined);
            return;
        }
        case 'undef': {
            if (conds.some(c => c.dead))
                return;
            const taken = buildTakes(state, conds, arg);
            if (taken === false)
                return;
            const before = macros.get(arg);
            // Removed in some builds only: the last definition stays readable, marked per build.
            if (taken !== true && before)
                macros.set(arg, { ...before, perBuild: taken });
            else
                macros.delete(arg);
            ownDefined.set(arg, taken === true && decided ? false : undefined);
            return;
        }
        default:
            return;
    }
}
/**
 * Whether the build takes a `#define`/`#undef` of `name` under the open `#if`s: true (always, or
 * so `decide` says), false (never), or else the undecided conditions of the name's definitions so
 * far, this one included. One the build takes forgets them: it comes later, so it wins.
 */
function buildTakes(state, conds, name) {
    const cond = condText(conds);
    const verdict = cond === undefined ? true : state.decide?.(cond);
    if (verdict === true) {
        // Taken, and later than any earlier spelling: it is the one the build reads.
        state.perBuild.delete(name);
        return true;
    }
    if (verdict === false)
        return false;
    const list = [...(state.perBuild.get(name) ?? []), cond];
    state.perBuild.set(name, list);
    return list;
}
function countNewlines(text, from, to) {
    let k = 0;
    for (let i = from; i < to; i++)
        if (text[i] === '\n')
            k++;
    return k;
}
/** Splits a token run at top-level commas (parentheses, brackets and braces nest). */
function splitTopLevel(tokens) {
    const parts = [];
    let cur = [];
    let depth = 0;
    for (const t of tokens) {
        if (t.kind === 'punct') {
            if (t.text === '(' || t.text === '[' || t.text === '{')
                depth++;
            else if (t.text === ')' || t.text === ']' || t.text === '}')
                depth--;
            else if (t.text === ',' && depth === 0) {
                parts.push(cur);
                cur = [];
                continue;
            }
        }
        cur.push(t);
    }
    parts.push(cur);
    return parts;
}
/** Index of the token closing the bracket opened at `open`, or -1. */
function matchClose(tokens, open) {
    const o = tokens[open].text;
    const c = o === '(' ? ')' : o === '[' ? ']' : '}';
    let depth = 0;
    for (let i = open; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind !== 'punct')
            continue;
        if (t.text === o)
            depth++;
        else if (t.text === c && --depth === 0)
            return i;
    }
    return -1;
}
/**
 * Expands one invocation of a file-local macro. `#param` stringifies and `a ## b` pastes, which is
 * what helper macros such as `#define KLP_FUNC(f) { .old_name = #f, .new_func = klp_##f }` use.
 */
function expandMacro(macro, args) {
    const params = macro.params ?? [];
    const argOf = (name) => {
        const k = params.indexOf(name);
        if (k >= 0)
            return args[k] ?? [];
        if (name === '__VA_ARGS__' && params.includes('...')) {
            const rest = args.slice(params.length - 1);
            const out = [];
            rest.forEach((a, idx) => {
                if (idx > 0)
                    out.push({ kind: 'punct', text: ',', line: macro.line });
                append(out, a);
            });
            return out;
        }
        return undefined;
    };
    const out = [];
    const body = macro.body;
    for (let i = 0; i < body.length; i++) {
        const t = body[i];
        if (t.kind === 'punct' && t.text === '#' && body[i + 1]?.kind === 'id') {
            const a = argOf(body[i + 1].text);
            if (a) {
                out.push({ kind: 'str', text: tokensText(a), line: t.line });
                i++;
                continue;
            }
        }
        if (t.kind === 'punct' && t.text === '##') {
            const prev = out.pop();
            const next = body[i + 1];
            i++;
            if (!next) {
                if (prev)
                    out.push(prev);
                continue;
            }
            const nextTokens = next.kind === 'id' ? (argOf(next.text) ?? [next]) : [next];
            const glued = (prev?.text ?? '') + (nextTokens[0]?.text ?? '');
            out.push({ kind: /^[0-9]/.test(glued) ? 'num' : 'id', text: glued, line: t.line });
            append(out, nextTokens.slice(1));
            continue;
        }
        if (t.kind === 'id') {
            const a = argOf(t.text);
            if (a) {
                append(out, a);
                continue;
            }
        }
        out.push(t);
    }
    return out;
}
/** Token text joined as the preprocessor's `#` would (one space between tokens). */
function tokensText(tokens) {
    return tokens
        .map(t => (t.kind === 'str' ? `"${t.text}"` : t.kind === 'char' ? `'${t.text}'` : t.text))
        .join(' ');
}

/**
 * kernel/livepatch/core.c's `klp_init_object`: a name of MODULE_NAME_LEN (64 - sizeof(long)) or
 * more makes the patch fail to load.
 */
const MODULE_NAME_LEN = 56;
/**
 * Why the kernel would never match `klp_object.name` as written, or undefined when it can.
 * `klp_find_object_module` hands the string to `find_module`, which compares it byte for byte with
 * `module->name`: kbuild's KBUILD_MODNAME, where every `-` of the file name is already `_` and
 * there is no `.ko`. So `"foo-mod"`, `"foo_mod.ko"` or `" foo_mod "` name no module, and the
 * livepatch waits forever for it to load. vmlinux is `.name = NULL`; `"vmlinux"` is a module name
 * no module has.
 */
function objectNameProblem(name) {
    if (name === 'vmlinux')
        return 'vmlinux is written .name = NULL; "vmlinux" names a module';
    if (name.length === 0)
        return 'an empty name names no module (vmlinux is .name = NULL)';
    if (name.length >= MODULE_NAME_LEN)
        return `a name of ${MODULE_NAME_LEN} characters or more makes klp_init_object refuse the patch`;
    const bad = /[^A-Za-z0-9_]/.exec(name);
    if (!bad)
        return undefined;
    const hint = name.trim().replace(/\.ko$/, '').replace(/-/g, '_');
    const suggestion = /^[A-Za-z0-9_]+$/.test(hint) && hint !== 'vmlinux' ? ` (the module is "${hint}")` : '';
    return `module names have no ${JSON.stringify(bad[0])}: kbuild writes '-' as '_' and no .ko${suggestion}`;
}
function isZero(tokens) {
    const text = tokens.map(t => t.text).join('');
    return /^(NULL|false|\(\w*\*?\)0|\(void\*\)0|0+[uUlL]*|0[xX]0+[uUlL]*)$/.test(text);
}
/**
 * The kernel walks `klp_func[]` while `old_name || new_func || old_sympos` and `klp_object[]` while
 * `funcs || name` (`klp_for_each_func_static`, `klp_for_each_object_static`): an element whose
 * fields are all zero ends the array wherever it stands.
 */
function isSentinel(fields, walked) {
    for (const f of walked) {
        const v = fields.get(f);
        if (v !== undefined && v.length > 0 && !isZero(v))
            return false;
    }
    return true;
}
const FUNC_WALKED = ['old_name', 'new_func', 'old_sympos'];
const OBJECT_WALKED = ['name', 'funcs'];

/** Object written by a livepatch that did not name one: coverage matches it against any object. */
const ANY_OBJECT = '*';
/**
 * A symbol a livepatch can name: a C identifier, optionally with GCC clone suffixes
 * (`tcp_bar.constprop.0`) because livepatches do patch clones by their emitted names.
 */
const SYMBOL$1 = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
function isSymbolName(name) {
    return SYMBOL$1.test(name);
}
/**
 * `klp_object.name` wants module names with `_`; people write `nf-tables`, `nf_tables.ko` or
 * `vmlinux` in lists, and `NULL` in C means vmlinux.
 */
function normalizeObject(name) {
    const base = name.trim().replace(/\.ko$/, '');
    return base === ANY_OBJECT ? base : base.replace(/-/g, '_');
}
const MODULE = /^[A-Za-z0-9_-]+(\.ko)?$/;
function isObjectName(name) {
    return name === ANY_OBJECT || MODULE.test(name);
}
/** `old_sympos` is an unsigned position; 0 means "must be unique", i.e. no position given. */
function parseSympos(text) {
    const t = text.trim().replace(/[uUlL]+$/, '');
    if (!/^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(t))
        return 'invalid';
    const n = Number(t);
    return n === 0 ? undefined : n;
}
function unparsed(file, line, message, severity = 'unresolved') {
    return { kind: 'declaration-unparsed', severity, message, file, line };
}

/** Upstream `struct klp_func` field order, for positional initializers. */
const FUNC_FIELDS = ['old_name', 'new_func', 'old_sympos'];
const OBJECT_FIELDS = ['name', 'funcs'];
const MAX_EXPANSION = 8;
/** `decide` settles `#if` conditions for the build (its `.config`), see lexC. */
function readKlpC(file, text, decide) {
    const { tokens, macros } = lexC(text, decide);
    const out = {
        funcArrays: [],
        objects: [],
        declared: [],
        findings: [],
        recognized: false,
        registered: [],
        hasPatch: false
    };
    const kgrEnd = { until: -1, conds: [] };
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind === 'id' && t.text === 'struct' && tokens[i + 1]?.text === 'klp_patch') {
            const objs = patchObjects(tokens, i + 2);
            if (objs !== undefined) {
                out.hasPatch = true;
                if (objs !== '')
                    out.registered.push(objs);
            }
            continue;
        }
        if (t.kind === 'id' && t.text === 'struct' && tokens[i + 1]?.kind === 'id') {
            const type = tokens[i + 1].text;
            if (type !== 'klp_func' && type !== 'klp_object')
                continue;
            const decl = arrayInitializer(tokens, i + 2);
            if (!decl)
                continue;
            out.recognized = true;
            if (type === 'klp_func') {
                const arr = { file, name: decl.name, line: t.line, entries: [] };
                readFuncElements(file, decl.body, macros, arr, out.findings);
                unreachedFinding(arr, out.findings);
                out.funcArrays.push(arr);
            }
            else {
                readObjectElements(file, t.line, decl.name, decl.body, macros, out);
            }
            i = decl.end;
            continue;
        }
        if (t.kind === 'id' && t.text === 'KGR_PATCH_END') {
            // Written without parentheses: `{ }`, the entry kGraft stops at.
            out.recognized = true;
            if (i > kgrEnd.until) {
                kgrEnd.line = undefined;
                kgrEnd.conds = [];
            }
            noteKgrEnd(tokens, i, t, kgrEnd);
            continue;
        }
        if (t.kind === 'id' && /^KGR_PATCH/.test(t.text) && tokens[i + 1]?.text === '(') {
            out.recognized = true;
            const close = matchClose(tokens, i + 1);
            if (close < 0) {
                out.findings.push(unparsed(file, t.line, `unterminated ${t.text}(`));
                break;
            }
            if (i > kgrEnd.until) {
                kgrEnd.line = undefined;
                kgrEnd.conds = [];
            }
            readKgrPatch(file, t, splitTopLevel(tokens.slice(i + 2, close)), macros, out, kgrEnd);
            i = close;
        }
    }
    return out;
}
/**
 * The array a `struct klp_patch NAME = { ... .objs = ARRAY ... }` definition registers: its name,
 * '' when `.objs` is something else (a compound literal), undefined when this is no definition
 * (a declaration, a pointer, a parameter).
 */
function patchObjects(tokens, at) {
    if (tokens[at]?.kind !== 'id')
        return undefined;
    const init = initializer(tokens, at + 1, ')');
    if (!init)
        return undefined;
    const { open, close } = init;
    for (let j = open + 1; j < close; j++) {
        if (tokens[j].text !== '.' || tokens[j + 1]?.text !== 'objs' || tokens[j + 2]?.text !== '=')
            continue;
        const v = tokens[j + 3];
        const end = tokens[j + 4]?.text;
        return v?.kind === 'id' && (end === ',' || end === '}' || j + 4 === close) ? v.text : '';
    }
    return '';
}
/**
 * The `= { ... }` that follows `from` before a `;` (or `stop`): the braces' token indexes, or
 * undefined when the declaration has no initializer.
 */
function initializer(tokens, from, stop = ';') {
    let k = from;
    while (k < tokens.length &&
        tokens[k].text !== '=' &&
        tokens[k].text !== ';' &&
        tokens[k].text !== stop)
        k++;
    if (tokens[k]?.text !== '=' || tokens[k + 1]?.text !== '{')
        return undefined;
    const close = matchClose(tokens, k + 1);
    return close < 0 ? undefined : { open: k + 1, close };
}
/** `NAME [ ... ] <attributes> = { ... }` after `struct klp_xxx`. */
function arrayInitializer(tokens, at) {
    const name = tokens[at];
    if (name?.kind !== 'id' || tokens[at + 1]?.text !== '[')
        return undefined;
    const closeBracket = matchClose(tokens, at + 1);
    if (closeBracket < 0)
        return undefined;
    const init = initializer(tokens, closeBracket + 1);
    if (!init)
        return undefined;
    return { name: name.text, body: tokens.slice(init.open + 1, init.close), end: init.close };
}
/**
 * An element's `[3] =` designator: the slot it fills (NaN when the index is not a plain number),
 * and the element without it.
 */
function indexDesignator(el) {
    if (el[0]?.text !== '[')
        return undefined;
    const close = matchClose(el, 0);
    if (close < 0 || el[close + 1]?.text !== '=')
        return undefined;
    const index = el.slice(1, close);
    const text = index.length === 1 && index[0].kind === 'num' ? index[0].text : '';
    const slot = /^(0x[0-9a-f]+|[1-9][0-9]*|0[0-7]*)u?l{0,2}u?$/i.test(text)
        ? Number.parseInt(text, /^0x/i.test(text) ? 16 : /^0[0-7]/.test(text) ? 8 : 10)
        : Number.NaN;
    return { slot, rest: el.slice(close + 2) };
}
/** Expands an element that is a file-local macro use; undefined when it is not one. */
function expandElement(el, macros) {
    const head = el[0];
    if (head?.kind !== 'id')
        return undefined;
    const macro = macros.get(head.text);
    if (!macro)
        return undefined;
    if (macro.params === undefined)
        return el.length === 1 ? macro.body : undefined;
    if (el[1]?.text !== '(' || matchClose(el, 1) !== el.length - 1)
        return undefined;
    const args = el.length === 3 ? [] : splitTopLevel(el.slice(2, -1));
    return expandMacro(macro, args).map(t => ({ ...t, line: head.line, cond: head.cond }));
}
function braced(el) {
    if (el[0]?.text !== '{' || matchClose(el, 0) !== el.length - 1)
        return undefined;
    return el.slice(1, -1);
}
/** Splits an initializer into `field -> tokens`, by designator or by position. */
function fields(inner, order) {
    const map = new Map();
    let pos = 0;
    for (const part of splitTopLevel(inner)) {
        if (part.length === 0)
            continue;
        if (part[0].text === '.' && part[1]?.kind === 'id' && part[2]?.text === '=') {
            map.set(part[1].text, part.slice(3));
            continue;
        }
        if (part[0].text === '.')
            return `unsupported designator ${tokensText(part)}`;
        const field = order[pos++];
        if (field)
            map.set(field, part);
    }
    return map;
}
const ALL_ZERO = 'an all-zero entry';
function walkState() {
    return { endConds: [], slot: 0, guarded: false };
}
function elementWalk(state, cond) {
    const parts = state.endConds.map(c => `!(${c})`);
    if (cond !== undefined)
        parts.push(parts.length > 0 ? `(${cond})` : cond);
    const w = {};
    if (state.ended !== undefined) {
        w.afterEnd = state.ended;
        w.endWhat = state.endWhat ?? ALL_ZERO;
    }
    if (parts.length > 0)
        w.condition = parts.join(' && ');
    return w;
}
/**
 * Calls `visit` with the fields of every braced element of an initializer list, expanding the
 * file's own macros (`KLP_FUNC(x)`-style helpers) up to MAX_EXPANSION levels; anything else is an
 * `unparsed` finding. A sentinel (`{ }`, `{ NULL }`) ends the array for the kernel: later elements
 * are still visited, marked `afterEnd`, so that they can be named.
 */
function forEachElement(file, body, macros, what, known, findings, visit, walked, state = walkState(), depth = 0) {
    for (const raw of splitTopLevel(body)) {
        const designated = indexDesignator(raw);
        const el = designated?.rest ?? raw;
        if (el.length === 0)
            continue;
        const line = el[0].line;
        if (designated !== undefined) {
            const why = placeBySlot(state, designated.slot, line);
            if (why !== undefined) {
                findings.push(unparsed(file, line, `${what} entry ${why}`));
                continue;
            }
        }
        if (el[0].cond !== undefined)
            state.guarded = true;
        const spelled = perBuildUse(el, macros);
        if (spelled !== undefined) {
            findings.push(unparsed(file, line, `${what} entry ${spelled}`));
            state.slot++;
            continue;
        }
        const inner = braced(el);
        if (inner === undefined) {
            const expanded = depth < MAX_EXPANSION ? expandElement(el, macros) : undefined;
            if (expanded) {
                const next = depth + 1;
                forEachElement(file, expanded, macros, what, known, findings, visit, walked, state, next);
            }
            else {
                findings.push(unparsed(file, line, `${what} entry not understood: ${clip(el)}`));
                state.slot++;
            }
            continue;
        }
        state.slot++;
        // An #if inside the braces (`.old_name` spelled per architecture): the lexer keeps both
        // branches and the last spelling would win; which one the build takes is not decided here.
        const split = inner.find(t => t.cond !== el[0].cond);
        if (split !== undefined) {
            findings.push(unparsed(file, split.line, `${what} entry has an #if inside it (${split.cond ?? 'its #else'}): which fields the build compiles is not decided here`));
            continue;
        }
        const f = fields(inner, known);
        if (typeof f === 'string')
            findings.push(unparsed(file, line, f));
        else if (isSentinel(f, walked)) {
            if (state.ended !== undefined)
                continue;
            if (el[0].cond === undefined)
                state.ended = line;
            else
                state.endConds.push(el[0].cond);
        }
        else
            visit(f, line, elementWalk(state, el[0].cond));
    }
}
/**
 * Places a `[slot] =` element. Slots it skips are zero, and the kernel's walk stops at the first
 * of them (the element itself is then never reached). Undefined when placed; else why not: an
 * index that is not a number, a slot behind the walk (it fills a skipped slot or overrides one:
 * read in order, the array's end would be guessed), or slots that depend on earlier `#if`-guarded
 * elements.
 */
function placeBySlot(state, slot, line) {
    if (Number.isNaN(slot))
        return 'has an index designator that is not a plain number';
    if (state.guarded) {
        return `is placed by [${slot}] = after #if-guarded entries: its slot depends on the build`;
    }
    if (slot < state.slot) {
        return `is placed by [${slot}] = behind entries already given (index designators out of order): which entries the kernel walks is not decided here`;
    }
    if (slot > state.slot && state.ended === undefined) {
        state.ended = line;
        state.endWhat = `slot ${state.slot}, left all-zero by [${slot}] =`;
    }
    state.slot = slot;
    return undefined;
}
function readFuncElements(file, body, macros, arr, findings) {
    const visit = (f, line, walk) => {
        const oldName = f.get('old_name');
        const name = oldName ? symbolValue(oldName, macros) : undefined;
        if (!name) {
            const shown = oldName ? clip(oldName) : '(none)';
            findings.push(unparsed(file, line, `klp_func old_name not understood: ${shown}`));
            return;
        }
        const entry = { name, line: oldName?.[0]?.line ?? line };
        const newFunc = f.get('new_func')?.filter(t => t.kind === 'id');
        if (newFunc && newFunc.length > 0)
            entry.newName = newFunc[newFunc.length - 1].text;
        const posTokens = f.get('old_sympos');
        if (posTokens) {
            const expanded = expandValue(posTokens, macros);
            const pos = parseSympos(tokensText(expanded));
            if (pos === 'invalid') {
                findings.push(unparsed(file, line, `old_sympos of ${name} not understood: ${clip(posTokens)}`));
            }
            else if (pos !== undefined)
                entry.sympos = pos;
        }
        if (walk.condition !== undefined)
            entry.condition = walk.condition;
        if (walk.afterEnd === undefined)
            arr.entries.push(entry);
        else {
            arr.endLine = walk.afterEnd;
            arr.endWhat = walk.endWhat;
            (arr.unreached ??= []).push(entry);
        }
    };
    const state = walkState();
    forEachElement(file, body, macros, 'klp_func', FUNC_FIELDS, findings, visit, FUNC_WALKED, state);
    unterminated(file, arr.line, `klp_func array ${arr.name || '(compound literal)'}`, state, findings);
}
/**
 * Nothing stops the kernel's walk of an array without an all-zero entry: it reads past the end
 * (`klp_for_each_func_static`), so what it patches is not what the file says.
 */
function unterminated(file, line, what, state, findings) {
    if (state.ended !== undefined)
        return;
    const how = state.endConds.length > 0
        ? `ends with an all-zero entry only under #if ${state.endConds.join(' || ')}`
        : 'has no all-zero last entry ({ })';
    findings.push(unparsed(file, line, `${what} ${how}: the kernel walks past its end`, 'warning'));
}
function readObjectElements(file, arrayLine, array, body, macros, out) {
    const state = walkState();
    const visit = (f, line, walk) => {
        const nameTokens = f.get('name');
        let object = 'vmlinux';
        let unmatched;
        if (nameTokens) {
            const v = expandValue(nameTokens, macros);
            if (v.length === 1 && v[0].kind === 'id' && v[0].text === 'NULL')
                object = 'vmlinux';
            else if (v.length > 0 && v.every(t => t.kind === 'str')) {
                // The kernel compares the name as written: it is kept, not normalised into a match.
                object = v.map(t => t.text).join('');
                unmatched = objectNameProblem(object);
            }
            else {
                out.findings.push(unparsed(file, line, `klp_object name not understood: ${clip(nameTokens)}`));
                return;
            }
        }
        const funcs = objectFuncs(file, f.get('funcs'), macros, out);
        const entry = { file, line, object, funcs, array };
        if (walk.condition !== undefined)
            entry.condition = walk.condition;
        if (unmatched !== undefined)
            entry.unmatched = unmatched;
        if (walk.afterEnd !== undefined) {
            entry.afterEnd = walk.afterEnd;
            if (walk.endWhat !== ALL_ZERO)
                entry.afterEndWhat = walk.endWhat;
        }
        out.objects.push(entry);
    };
    forEachElement(file, body, macros, 'klp_object', OBJECT_FIELDS, out.findings, visit, OBJECT_WALKED, state);
    unterminated(file, arrayLine, 'klp_object array', state, out.findings);
}
function objectFuncs(file, tokens, macros, out) {
    if (!tokens || tokens.length === 0)
        return null;
    const v = expandValue(tokens, macros);
    if (v.length === 1 && v[0].kind === 'id')
        return v[0].text === 'NULL' ? null : { ref: v[0].text };
    // `(struct klp_func[]) { ... }`: a compound literal written in place.
    if (v[0]?.text === '(') {
        const close = matchClose(v, 0);
        const rest = close > 0 ? v.slice(close + 1) : [];
        const inner = braced(rest);
        if (inner) {
            const arr = { file, name: '', line: v[0].line, entries: [] };
            readFuncElements(file, inner, macros, arr, out.findings);
            unreachedFinding(arr, out.findings);
            return { inline: arr };
        }
    }
    out.findings.push(unparsed(file, v[0]?.line ?? 0, `klp_object funcs not understood: ${clip(v)}`));
    return null;
}
/**
 * Why `tokens` cannot be read without the build: they use, directly or through the file's other
 * macros, one that the file spells per `#if` it cannot decide (the lexer keeps only the last
 * spelling). Undefined when they do not.
 */
function perBuildUse(tokens, macros, seen = new Set()) {
    for (const t of tokens) {
        const m = t.kind === 'id' && !seen.has(t.text) ? macros.get(t.text) : undefined;
        if (m === undefined)
            continue;
        seen.add(m.name);
        if (m.perBuild !== undefined) {
            const where = m.perBuild.map(c => `#if ${c}`).join('; ');
            return `uses ${m.name}, which the file defines per build (${where}): which definition the build reads is not decided here (the build's .config decides it)`;
        }
        const inner = perBuildUse(m.body, macros, seen);
        if (inner !== undefined)
            return inner;
    }
    return undefined;
}
/** Object-like macros used as values (`.old_sympos = FOO_POS`) are expanded once or twice. */
function expandValue(tokens, macros) {
    let cur = tokens;
    for (let d = 0; d < MAX_EXPANSION; d++) {
        const next = expandElement(cur, macros);
        if (!next)
            return cur;
        cur = next;
    }
    return cur;
}
/** A symbol written as a string, as `__stringify(sym)`, or through a local macro. */
function symbolValue(tokens, macros) {
    const v = expandValue(tokens, macros);
    if (v.length > 0 && v.every(t => t.kind === 'str')) {
        const s = v.map(t => t.text).join('');
        return isSymbolName(s) ? s : undefined;
    }
    if (v[0]?.kind === 'id' && (v[0].text === '__stringify' || v[0].text === 'stringify')) {
        if (v[1]?.text !== '(' || matchClose(v, 1) !== v.length - 1)
            return undefined;
        // __stringify expands its argument first, so a local macro naming the symbol works too.
        const arg = expandValue(v.slice(2, -1), macros);
        const s = arg.map(t => t.text).join('');
        return arg.every(t => t.kind === 'id' || t.kind === 'num' || t.text === '.') && isSymbolName(s)
            ? s
            : undefined;
    }
    return undefined;
}
/**
 * kGraft (SLE 12): `KGR_PATCH(sym, new_fn)` patches vmlinux; early versions had a third
 * `abort_if_missing` bool; `KGR_PATCH_OBJ(sym, new_fn, "module")` names the object; SUSE trees also
 * carry position variants (`KGR_PATCH_POS`, `KGR_PATCH_OBJPOS`) whose last numeric argument is the
 * sympos. Read leniently: the first argument is the symbol, an `OBJ` macro's third is the object.
 */
function readKgrPatch(file, head, args, macros, out, end) {
    const macro = head.text;
    const spelled = perBuildUse(args.flat(), macros);
    if (spelled !== undefined) {
        out.findings.push(unparsed(file, head.line, `${macro} ${spelled}`));
        return;
    }
    const first = expandValue(args[0], macros);
    const name = first.length === 1 && (first[0].kind === 'id' || first[0].kind === 'str')
        ? first[0].text
        : symbolValue(first, macros);
    if (!name || !isSymbolName(name)) {
        out.findings.push(unparsed(file, head.line, `${macro} symbol not understood: ${clip(args[0])}`));
        return;
    }
    const decl = { object: 'vmlinux', name, source: `${file}:${head.line}` };
    const newFn = args[1]?.filter(t => t.kind === 'id');
    if (newFn && newFn.length > 0)
        decl.newName = newFn[newFn.length - 1].text;
    if (/OBJ/.test(macro)) {
        const obj = args[2] ? expandValue(args[2], macros) : [];
        if (obj.length !== 1 || (obj[0].kind !== 'str' && obj[0].kind !== 'id')) {
            out.findings.push(unparsed(file, head.line, `${macro} object not understood: ${clip(obj)}`));
            return;
        }
        if (obj[0].kind === 'str') {
            // kGraft hands a quoted object name to find_module as klp does: it is matched as written.
            const problem = objectNameProblem(obj[0].text);
            if (problem !== undefined) {
                out.findings.push({
                    ...unparsed(file, head.line, `${macro} object "${obj[0].text}" names no module the kernel can find (${problem}): ${name} is not patched`),
                    functions: [name]
                });
                return;
            }
            decl.object = obj[0].text;
        }
        else
            decl.object = obj[0].text === 'NULL' ? 'vmlinux' : normalizeObject(obj[0].text);
    }
    if (/POS/.test(macro)) {
        const last = args[args.length - 1];
        const pos = last && last.length === 1 ? parseSympos(last[0].text) : 'invalid';
        if (pos === 'invalid') {
            out.findings.push(unparsed(file, head.line, `${macro} position not understood`));
        }
        else if (pos !== undefined)
            decl.sympos = pos;
    }
    const condition = [...end.conds.map(c => `!(${c})`), ...(head.cond ? [head.cond] : [])];
    if (condition.length > 0)
        decl.condition = condition.join(' && ');
    if (end.line !== undefined) {
        out.findings.push({
            kind: 'declaration-unparsed',
            severity: 'warning',
            message: `${macro}(${name}) comes after KGR_PATCH_END at line ${end.line}: kGraft stops at the end marker, so ${name} is not patched`,
            file,
            line: head.line,
            functions: [name]
        });
        return;
    }
    out.declared.push(decl);
}
function noteKgrEnd(tokens, at, head, end) {
    let depth = 0;
    let k = at;
    for (; k < tokens.length; k++) {
        const x = tokens[k].text;
        if (tokens[k].kind !== 'punct')
            continue;
        if (x === '(' || x === '[' || x === '{')
            depth++;
        else if (x === ')' || x === ']' || x === '}') {
            if (depth === 0)
                break;
            depth--;
        }
    }
    end.until = Math.max(end.until, k);
    if (head.cond === undefined)
        end.line ??= head.line;
    else
        end.conds.push(head.cond);
}
/** Entries after a sentinel, named in one finding per array. */
function unreachedFinding(arr, findings) {
    if (!arr.unreached || arr.unreached.length === 0)
        return;
    const names = arr.unreached.map(e => e.name);
    const list = arr.unreached.map(e => `${e.name} (line ${e.line})`).join(', ');
    findings.push({
        kind: 'declaration-unparsed',
        severity: 'warning',
        message: `klp_func array ${arr.name || '(compound literal)'} ends at line ${arr.endLine} (${arr.endWhat ?? ALL_ZERO}): the kernel stops there and does not patch ${list}`,
        file: arr.file,
        line: arr.endLine,
        functions: names
    });
}
function clip(tokens) {
    const s = tokensText(tokens);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** `name[,sympos]`, shared by both line formats. */
function symbolWithPos(text) {
    const [name, pos, ...rest] = text.split(',');
    if (rest.length > 0 || !isSymbolName(name))
        return undefined;
    if (pos === undefined)
        return { name };
    const p = parseSympos(pos);
    if (p === 'invalid')
        return undefined;
    return p === undefined ? { name } : { name, sympos: p };
}
function* contentLines(text) {
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const hash = lines[i].indexOf('#');
        const body = (hash >= 0 ? lines[i].slice(0, hash) : lines[i]).trim();
        if (body !== '')
            yield { line: i + 1, text: body };
    }
}
/**
 * SUSE kernel-livepatch `patched_funcs.csv`: `obj old_func[,sympos] new_func [cpp condition]`,
 * whitespace separated; the condition is the rest of the line and may itself contain spaces.
 * A missing `new_func` is tolerated: only the patched symbol matters here.
 */
function readSuseCsv(file, text) {
    const out = { declared: [], findings: [] };
    const rejected = [];
    for (const { line, text: body } of contentLines(text)) {
        const [obj, sym, newFunc, ...cond] = body.split(/\s+/);
        const parsed = sym === undefined ? undefined : symbolWithPos(sym);
        if (!parsed || !isObjectName(obj) || obj === ANY_OBJECT) {
            rejected.push({ line, body });
            continue;
        }
        const decl = {
            object: normalizeObject(obj),
            ...parsed,
            source: `${file}:${line}`
        };
        if (newFunc !== undefined)
            decl.newName = newFunc;
        if (cond.length > 0)
            decl.condition = cond.join(' ');
        out.declared.push(decl);
    }
    return reportRejected(out, file, rejected, 'patched_funcs.csv line');
}
/**
 * Plain list: `[object:]function[,sympos]` per line. Without an object the entry matches the
 * function in any object (`*`): guessing `vmlinux` would hide module functions as missing.
 */
function readPlainList(file, text) {
    const out = { declared: [], findings: [] };
    const rejected = [];
    for (const { line, text: body } of contentLines(text)) {
        const colon = body.indexOf(':');
        const obj = colon >= 0 ? body.slice(0, colon).trim() : ANY_OBJECT;
        const parsed = symbolWithPos((colon >= 0 ? body.slice(colon + 1) : body).trim());
        if (!parsed || !isObjectName(obj)) {
            rejected.push({ line, body });
            continue;
        }
        out.declared.push({ object: normalizeObject(obj), ...parsed, source: `${file}:${line}` });
    }
    return reportRejected(out, file, rejected, 'declaration line');
}
/** Declaration lines are short (`object function,sympos`); a longer one is named, not quoted. */
const MAX_QUOTED = 80;
/**
 * One finding per line not understood. Its text is quoted only when the file is a declaration
 * file (some line of it declares a function) and the line is short: a file that parses as
 * nothing may be anything the PR pointed at (a credentials file behind a symlink, a binary), and a
 * prefix of a long line is where a token sits.
 */
function reportRejected(out, file, rejected, what) {
    const quote = out.declared.length > 0;
    for (const { line, body } of rejected) {
        const shown = !quote
            ? 'not quoted, since no line of the file declares a function'
            : body.length > MAX_QUOTED
                ? `a line of ${body.length} characters, not quoted`
                : body;
        out.findings.push(unparsed(file, line, `${what} not understood: ${shown}`));
    }
    return out;
}

const C_MARKERS = /\bstruct\s+klp_(func|object)\b|\bKGR_PATCH\w*\s*\(/;
/**
 * The name decides when it is unambiguous; otherwise the content: C markers first, then a
 * three-column layout means SUSE csv (a plain list has one field per line).
 */
function detectFormat(file) {
    const p = file.path.toLowerCase();
    if (/\.(c|h|inc)$/.test(p))
        return 'c';
    if (p.endsWith('.csv'))
        return 'suse-csv';
    if (C_MARKERS.test(file.text))
        return 'c';
    let wide = 0;
    let total = 0;
    for (const raw of file.text.split(/\r?\n/)) {
        const line = raw.replace(/#.*/, '').trim();
        if (line === '')
            continue;
        total++;
        if (line.split(/\s+/).length >= 3)
            wide++;
    }
    return total > 0 && wide * 2 > total ? 'suse-csv' : 'plain';
}
/**
 * Detects each file's format from name and content; returns every declared function. `evaluate`
 * decides the `#if` conditions of C entries for one build (its `.config`); without it conditional
 * entries are kept with a warning naming the condition.
 */
function readDeclarations(files, evaluate) {
    const sorted = [...files].sort((a, b) => cmp$1(a.path, b.path));
    const declared = [];
    const findings = [];
    const cResults = [];
    // A csv entry's cpp condition column is decided as a C entry's #if is.
    const listed = [];
    for (const file of sorted) {
        try {
            const format = detectFormat(file);
            if (format === 'c') {
                const r = readKlpC(file.path, file.text, evaluate);
                if (!r.recognized) {
                    findings.push(unparsed(file.path, 1, 'no klp_func/klp_object array or KGR_PATCH entry found'));
                }
                cResults.push(r);
                for (const f of r.findings)
                    findings.push(f);
                continue;
            }
            const r = format === 'suse-csv'
                ? readSuseCsv(file.path, file.text)
                : readPlainList(file.path, file.text);
            if (r.declared.length === 0 && r.findings.length === 0) {
                findings.push(unparsed(file.path, 1, 'declaration file declares no function', 'warning'));
            }
            for (const d of r.declared)
                listed.push(d);
            for (const f of r.findings)
                findings.push(f);
        }
        catch (e) {
            // A reader bug must not abort the whole run: the file is reported as not understood.
            findings.push(unparsed(file.path, 1, `declaration file could not be read: ${String(e)}`));
        }
    }
    const c = resolveObjects(cResults);
    const conditional = applyConditions([...listed, ...c.declared], evaluate);
    for (const d of conditional.declared)
        declared.push(d);
    for (const f of c.findings)
        findings.push(f);
    for (const f of conditional.findings)
        findings.push(f);
    return { declared: dedupe(declared, findings), findings: sortFindings$1(findings) };
}
/**
 * A livepatch may keep its `klp_func` arrays and its `klp_object` array in different files, so the
 * `.funcs = name` references are resolved across all C files, preferring the same file.
 */
function resolveObjects(results) {
    const declared = [];
    const findings = [];
    const arrays = results.flatMap(r => r.funcArrays);
    const used = new Set();
    // With the klp_patch in view, what it does not register is never walked by the kernel.
    const patched = results.some(r => r.hasPatch);
    const registered = new Set(results.flatMap(r => r.registered));
    const opaque = results.some(r => r.hasPatch && r.registered.length === 0);
    const emit = (arr, object, objCondition) => {
        for (const e of arr.entries) {
            const d = { object, name: e.name, source: `${arr.file}:${e.line}` };
            if (e.sympos !== undefined)
                d.sympos = e.sympos;
            if (e.newName !== undefined)
                d.newName = e.newName;
            const condition = joinConditions(objCondition, e.condition);
            if (condition !== undefined)
                d.condition = condition;
            declared.push(d);
        }
    };
    for (const r of results) {
        for (const d of r.declared)
            declared.push(d);
        for (const obj of r.objects) {
            if (obj.funcs === null)
                continue;
            const ref = 'inline' in obj.funcs ? undefined : obj.funcs.ref;
            const arr = 'inline' in obj.funcs
                ? obj.funcs.inline
                : (arrays.find(a => a.name === ref && a.file === obj.file) ??
                    arrays.find(a => a.name === ref));
            if (arr && (obj.unmatched !== undefined || obj.afterEnd !== undefined)) {
                used.add(arr);
                findings.push(notPatched(obj, arr));
                continue;
            }
            if (arr && patched && !opaque && !registered.has(obj.array)) {
                used.add(arr);
                findings.push(unregistered(obj, arr));
                continue;
            }
            if (arr && 'inline' in obj.funcs) {
                emit(arr, obj.object, obj.condition);
                continue;
            }
            if (!arr) {
                findings.push(unparsed(obj.file, obj.line, `klp_object ${obj.object} uses klp_func array ${ref}, not found`));
                continue;
            }
            used.add(arr);
            emit(arr, obj.object, obj.condition);
        }
    }
    for (const arr of arrays) {
        if (used.has(arr) || arr.entries.length === 0)
            continue;
        if (patched && !opaque) {
            findings.push({
                ...unparsed(arr.file, arr.line, `klp_func array ${arr.name} is not used by any klp_object the klp_patch registers: the kernel never patches ${arr.entries.map(e => e.name).join(', ')}`, 'warning'),
                functions: arr.entries.map(e => e.name)
            });
            continue;
        }
        findings.push(unparsed(arr.file, arr.line, `klp_func array ${arr.name} is not used by any klp_object: its functions match any object`, 'warning'));
        emit(arr, ANY_OBJECT);
    }
    return { declared, findings };
}
function joinConditions(a, b) {
    if (a === undefined || b === undefined)
        return a ?? b;
    return `(${a}) && (${b})`;
}
/** An object array no `klp_patch` registers: the kernel never walks it. */
function unregistered(obj, arr) {
    const names = arr.entries.map(e => e.name);
    return {
        ...unparsed(obj.file, obj.line, `klp_object array ${obj.array} is not the .objs of any klp_patch: the kernel never walks it, so ${names.length > 0 ? names.join(', ') : 'no function'} are not patched`, 'warning'),
        functions: names
    };
}
/** An object the kernel never reaches or never finds: its functions are named, not declared. */
function notPatched(obj, arr) {
    const names = arr.entries.map(e => e.name);
    const what = names.length > 0 ? names.join(', ') : 'no function';
    const message = obj.unmatched !== undefined
        ? `klp_object "${obj.object}" names no module the kernel can find (${obj.unmatched}): the livepatch patches nothing in it, so ${what} are not patched`
        : `klp_object ${obj.object} comes after the array's ${obj.afterEndWhat === undefined ? 'all-zero entry' : `${obj.afterEndWhat},`} at line ${obj.afterEnd}: the kernel stops there, so ${what} are not patched`;
    return {
        ...unparsed(obj.file, obj.line, message, obj.unmatched !== undefined ? 'unresolved' : 'warning'),
        functions: names
    };
}
/** The same symbol declared twice is legal for the reader but usually a copy-paste slip. */
function dedupe(declared, findings) {
    const seen = new Map();
    const out = [];
    for (const d of declared) {
        const key = `${d.object}\0${d.name}\0${d.sympos ?? ''}\0${d.condition ?? ''}`;
        const first = seen.get(key);
        if (first) {
            const [file, line] = splitSource(d.source);
            findings.push({
                kind: 'declaration-duplicate',
                severity: 'warning',
                message: `${d.object}:${d.name} is declared again (first at ${first.source})`,
                file,
                line,
                functions: [d.name]
            });
            continue;
        }
        seen.set(key, d);
        out.push(d);
    }
    return out;
}
function splitSource(source) {
    const m = /^(.*):(\d+)$/.exec(source);
    return m ? [m[1], Number(m[2])] : [source, undefined];
}
function sortFindings$1(findings) {
    return [...findings].sort((a, b) => cmp$1(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp$1(a.message, b.message));
}
function cmp$1(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Names of functions of an analysed source whose body spells `name` (a call, or its address
 * taken), for the review tier. Macros that expand to it are other names the caller search asks
 * about (see caller-search.ts).
 */
function callersIn(analysis, name) {
    const { functions, code } = analysis;
    const names = new Set();
    for (const f of functions) {
        if (f.name !== name && referencesIn(code.slice(f.bodyStart, f.bodyEnd), name))
            names.add(f.name);
    }
    return [...names].sort();
}
/**
 * Lexical on the masked view: identifiers in comments and strings are gone, and a member access
 * (`ops->callee`, `.callee =`) names a field, not the function.
 */
function referencesIn(body, name) {
    let at = body.indexOf(name);
    while (at >= 0) {
        const end = at + name.length;
        const before = body.slice(0, at).trimEnd();
        const boundary = !/\w$/.test(body.slice(0, at)) && !/^\w/.test(body.slice(end));
        if (boundary && !before.endsWith('.') && !before.endsWith('->'))
            return true;
        at = body.indexOf(name, end);
    }
    return false;
}

/** A kernel TU pulls in 300 to 1,500 headers; past this the closure is cut and says so. */
const CLOSURE_MAX$1 = 8000;
/** A kernel TU's closure has about 10,000 `#include` lines; a flood of them is cut and says so. */
const DIRECTIVES_MAX = 100000;
const ANALYSES_KEPT = 8;
const TU_TEXTS_KEPT = 8;
// GCC takes `\` before CRLF as a continuation too.
const DEFINE$3 = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm;
const IDENT$3 = /[A-Za-z_]\w*/g;
/**
 * Callers of a clone in its whole TU: the TU's `.c`, every file it includes (headers and `.c`,
 * resolved as kbuild does), and the files `also` names (the clone's defining file, the headers the
 * TU's dump names). A call may be spelled through macros of any of those files
 * (`TASK_SIZE` -> `test_thread_flag` -> `test_ti_thread_flag`).
 */
function makeCallerSearch(input) {
    // Headers serve every TU: kept. TUs are read once or twice each: a few recent ones kept.
    const headerTexts = new Map();
    const tuTexts = new Map();
    const textOf = (path) => {
        const changed = input.changed.get(path);
        if (changed !== undefined)
            return changed;
        const cache = path.endsWith('.h') ? headerTexts : tuTexts;
        if (cache.has(path))
            return cache.get(path);
        const text = input.sourceOf(path);
        if (cache === tuTexts && tuTexts.size >= TU_TEXTS_KEPT)
            tuTexts.delete(tuTexts.keys().next().value);
        cache.set(path, text);
        return text;
    };
    const resolved = new Map();
    const resolve = (inc, from, tu, arches) => {
        // Only a quoted include depends on where it is written (and on the TU's folder).
        const key = inc.quoted
            ? `"${inc.name}\u0000${dirOf(from)}\u0000${dirOf(tu)}\u0000${arches.join()}`
            : `<${inc.name}\u0000${arches.join()}`;
        let hit = resolved.get(key);
        if (hit === undefined) {
            // A file that is there but cannot be read resolves too: it is then named as not searched.
            hit = includeCandidates(inc, from, tu, arches).find(p => textOf(p) !== undefined) ?? null;
            resolved.set(key, hit);
        }
        return hit;
    };
    const directives = new Map();
    const closures = new Map();
    const closure = (tu, arches) => {
        const key = `${tu}\u0000${arches.join()}`;
        let unit = closures.get(key);
        if (!unit)
            closures.set(key, (unit = walkIncludes(tu, arches)));
        return unit;
    };
    /** The TU's files, with the `.c` includes it could not find (a real source that is missing). */
    const walkIncludes = (tu, arches) => {
        const files = [tu];
        const seen = new Set(files);
        const lost = [];
        let budget = DIRECTIVES_MAX;
        for (let i = 0; i < files.length; i++) {
            const text = textOf(files[i]);
            if (typeof text !== 'string')
                continue;
            let list = directives.get(files[i]);
            if (!list)
                directives.set(files[i], (list = includeDirectives(text)));
            budget -= list.length;
            if (budget < 0) {
                lost.push(`the includes past ${DIRECTIVES_MAX} #include lines`);
                return { files, lost };
            }
            for (const inc of list) {
                const path = resolve(inc, files[i], tu, arches);
                if (path === null) {
                    // A quoted include of a .c file, or written in one, is a file of the tree. Headers'
                    // quoted includes that resolve nowhere sit in branches for other platforms (acenv.h's
                    // "acmsvc.h"), and an angle one is a generated header (autoconf.h): neither is named.
                    if (inc.quoted && (inc.name.endsWith('.c') || files[i].endsWith('.c')))
                        lost.push(includeCandidates(inc, files[i], tu, arches)[0] ?? inc.name);
                    continue;
                }
                if (seen.has(path))
                    continue;
                seen.add(path);
                if (files.length >= CLOSURE_MAX$1) {
                    lost.push(`the includes past ${CLOSURE_MAX$1} files`);
                    return { files, lost };
                }
                files.push(path);
            }
        }
        return { files, lost };
    };
    // Per file: macro name -> identifiers of its body, for expanding a callee into its macros.
    const macroIndex = new Map();
    const macrosUsing = (path, text) => {
        let index = macroIndex.get(path);
        if (!index) {
            index = new Map();
            for (const m of text.matchAll(DEFINE$3)) {
                for (const id of macroReferences(m[2])) {
                    const list = index.get(id);
                    if (list)
                        list.push(m[1]);
                    else
                        index.set(id, [m[1]]);
                }
            }
            macroIndex.set(path, index);
        }
        return index;
    };
    const analyses = new Map();
    const analysisOf = (path, text) => {
        let analysis = analyses.get(path);
        if (analysis === undefined) {
            analysis = analyseSource(input.parser, text);
            if (analyses.size >= ANALYSES_KEPT)
                analyses.delete(analyses.keys().next().value);
            analyses.set(path, analysis);
        }
        return analysis;
    };
    // Per file and needle: TUs differ in which macros reach the callee, not in what a file says.
    const answers = new Map();
    // With many needles (a long macro chain) on a big file, one pass over its identifiers beats a
    // substring scan per needle; with a few, the scans are cheaper than tokenizing every TU.
    const identifiers = new Map();
    const spells = (path, text, needle, many) => {
        if (!many || text.length < 65536)
            return text.includes(needle);
        let ids = identifiers.get(path);
        if (!ids)
            identifiers.set(path, (ids = new Set(text.match(IDENT$3))));
        return ids.has(needle);
    };
    const callersInFile = (path, text, needle, many) => {
        let known = answers.get(path);
        if (!known)
            answers.set(path, (known = new Map()));
        let callers = known.get(needle);
        if (!callers) {
            // Exact: a caller's body spells the needle here (the unit's macros are needles too).
            callers = spells(path, text, needle, many) ? callersIn(analysisOf(path, text), needle) : [];
            known.set(needle, callers);
        }
        return callers;
    };
    return (tu, callee, also) => {
        const arches = archesOf([tu, ...also]);
        const { files: unit, lost } = closure(tu, arches);
        const files = [...new Set([...unit, ...also])];
        const unsearched = [...lost];
        const readable = [];
        for (const path of files) {
            const text = textOf(path);
            if (typeof text !== 'string')
                unsearched.push(path);
            else
                readable.push([path, text]);
        }
        if (readable.length === 0)
            return undefined;
        // The callee and every macro of the unit that expands to it, through other macros too.
        const needles = [callee];
        const known = new Set(needles);
        for (let i = 0; i < needles.length; i++) {
            for (const [path, text] of readable) {
                for (const m of macrosUsing(path, text).get(needles[i]) ?? []) {
                    if (!known.has(m))
                        needles.push(m);
                    known.add(m);
                }
            }
        }
        const callers = new Set();
        const many = needles.length > 32;
        for (const [path, text] of readable) {
            for (const n of needles)
                for (const c of callersInFile(path, text, n, many))
                    callers.add(c);
        }
        for (const n of needles)
            callers.delete(n);
        return { callers: [...callers].sort(), unsearched };
    };
}
/**
 * Identifiers a macro body can call or name: a member access (`(o)->pick`, `.pick =`) names a
 * field, not the function, as in `callersIn`.
 */
function macroReferences(body) {
    const ids = new Set();
    for (const m of body.matchAll(IDENT$3)) {
        let j = m.index - 1;
        while (j >= 0 && (body[j] === ' ' || body[j] === '\t'))
            j--;
        if (body[j] === '.' || (body[j] === '>' && body[j - 1] === '-'))
            continue;
        ids.add(m[0]);
    }
    return ids;
}

/**
 * What the kernel's annotations (6.1 `init.h`, `compiler_types.h`) do to a livepatch. A livepatch
 * (and kpatch, through its fentry check) redirects a function through its ftrace call site:
 * - `__init` (`.init.text`) runs at boot and is freed afterwards, with its ftrace records;
 * - `__exit` is `notrace` and runs only at module unload; built in, it never runs (dropped at link
 *   time, or freed with the init sections after boot: x86's vmlinux.lds.S);
 * - `noinstr` is `notrace` in `.noinstr.text`, like the `.entry.text` code, which must not be
 *   instrumented at all;
 * - `notrace`, `__naked` and `__meminit` (which adds `notrace`) have no ftrace call site.
 * `.sched.text`, `.kprobes.text`, `.irqentry.text`, `.cpuidle.text` (6.1) and `.ref.text` keep
 * their mcount records (scripts/recordmcount.c): patchable. `__always_inline` is never a symbol.
 */
function verdictOf(attributes) {
    const has = (names) => names.find(n => attributes.includes(n));
    const shown = (a) => a.replace(/^section:/, 'section ');
    const rules = [
        ['boot-only', ['__init', 'section:.init.text']],
        ['exit', ['__exit', 'section:.exit.text']],
        ['noinstr', ['noinstr', 'section:.noinstr.text', 'section:.entry.text']],
        ['notrace', ['notrace', 'no_instrument_function', '__naked', 'naked', '__meminit']]
    ];
    for (const [kind, names] of rules) {
        const found = has(names);
        if (found)
            return { kind, because: shown(found) };
    }
    return undefined;
}

/** Annotations that can make a definition unpatchable, to skip files that cannot have one. */
const ANNOTATION = /\b(?:__init|__exit|noinstr|notrace|__naked|naked|__meminit|no_instrument_function|__no_instrument_function__)\b|\.(?:init|exit|noinstr|entry)\.text/;
/**
 * Marks the affected functions a livepatch cannot replace (`unpatchable`, with a note) and says
 * why, one finding each. Only definitions that can be seen are judged: the changed files' images,
 * and a container's own TU when its source is given; a definition elsewhere (another header) is
 * not read.
 */
function judgePatchability(input) {
    const findings = [];
    const defs = new DefinitionFinder(input);
    const fileOf = new Map(input.changed.map(c => [c.name, c.file]));
    for (const a of input.affected) {
        if (a.symbol === 'removed')
            continue;
        const def = defs.find(a, fileOf.get(a.origin));
        let verdict = def?.def.attributes ? verdictOf(def.def.attributes) : undefined;
        let file = def?.file ?? a.tu;
        if (!verdict && input.untraced?.(a.set, a.tu)) {
            const object = `${a.tu.slice(a.tu.lastIndexOf('/') + 1, -2)}.o`;
            verdict = {
                kind: 'notrace',
                because: `in ${a.tu}, which kbuild compiled without ftrace's flags ` +
                    `(CFLAGS_REMOVE_${object} = $(CC_FLAGS_FTRACE))`
            };
            file = a.tu;
        }
        if (!verdict)
            continue;
        const declared = input.declared.filter(d => d.name === a.name && (d.object === '*' || a.object === null || d.object === a.object));
        findings.push(finding(a, verdict, file, declared));
    }
    return findings;
}
function finding(a, v, file, declared) {
    const own = a.chain.length <= 1;
    const what = own
        ? `${a.name} is ${v.because}`
        : `${a.name} (which contains ${a.origin}) is ${v.because}`;
    const loads = declared.length > 0
        ? ` It is declared (${declared.map(d => d.source).join(', ')}): the kernel cannot hook it, so the livepatch would fail to load.`
        : '';
    let severity;
    let message;
    let note;
    if (v.kind === 'boot-only') {
        severity = declared.length > 0 ? 'unresolved' : 'info';
        const when = a.object === null || a.object === 'vmlinux' ? 'at boot' : 'when its module loads';
        note = `runs only ${when}: nothing to patch in a running kernel`;
        message = `${what}: it runs only ${when} and is freed afterwards, so there is nothing to patch in a running kernel.${loads}`;
    }
    else if (v.kind === 'exit' && a.object === 'vmlinux') {
        severity = declared.length > 0 ? 'unresolved' : 'info';
        note = '__exit in vmlinux: never runs, nothing to patch';
        message = `${what}: exit code of a built-in object never runs (dropped at link time, or freed with the init sections after boot, as on x86), so there is nothing to patch.${loads}`;
    }
    else {
        severity = a.tier === 'required' ? 'unresolved' : 'warning';
        const why = v.kind === 'exit'
            ? 'exit code is notrace and runs only at module unload'
            : v.kind === 'noinstr'
                ? 'code that must not be instrumented (entry, idle) has no ftrace call site'
                : 'it has no ftrace call site (fentry)';
        note = `not patchable: ${v.because}`;
        message =
            `${what}: ${why}, so neither a livepatch nor kpatch can replace it. Carry the fix through ` +
                `its callers (replace them with copies that call a fixed ${baseName(a.name)}) or rework the fix.${loads}`;
    }
    a.unpatchable = v.kind;
    a.note = a.note ? `${a.note}; ${note}` : note;
    return {
        kind: 'not-patchable',
        severity,
        message,
        file,
        set: a.set,
        functions: [a.name]
    };
}
/** Definitions by file, each file located once, and only when it may hold an annotated one. */
class DefinitionFinder {
    input;
    located = new Map();
    candidates = new Map();
    constructor(input) {
        this.input = input;
    }
    /**
     * The entry's own TU decides first (a static of that name there is the one compiled); then a
     * changed header, or the changed `.c` its change comes from (a `.c` #included by the TU).
     */
    find(a, originFile) {
        const name = baseName(a.name);
        const own = this.defIn(a.tu, name);
        if (own)
            return { def: own, file: a.tu };
        for (const file of this.input.changedTexts.keys()) {
            if (file === a.tu || (file.endsWith('.c') && file !== originFile))
                continue;
            const def = this.defIn(file, name);
            if (def)
                return { def, file };
        }
        return undefined;
    }
    read(file) {
        const text = this.input.changedTexts.get(file) ?? this.input.sourceOf(file);
        return typeof text === 'string' ? text : undefined;
    }
    defIn(file, name) {
        let candidates = this.candidates.get(file);
        if (candidates === undefined) {
            const text = this.read(file);
            candidates = text === undefined ? null : annotatedNames(text);
            this.candidates.set(file, candidates);
        }
        if (!candidates?.has(name))
            return undefined;
        let defs = this.located.get(file);
        if (defs === undefined) {
            const text = this.read(file);
            defs = text === undefined ? null : locateSource(this.input.parser, text).functions;
            this.located.set(file, defs);
        }
        return defs?.find(d => d.name === name || d.symbols.includes(name));
    }
}
/**
 * A cheap look before parsing: every name followed by `(` in a declaration head that carries an
 * annotation (from the `;`, `{` or `}` before the annotation to the `{` or `;` after it). Once per
 * file: a header fix reaches hundreds of TUs and thousands of entries.
 */
function annotatedNames(text) {
    const names = new Set();
    const re = new RegExp(ANNOTATION.source, 'g');
    let m;
    while ((m = re.exec(text)) !== null) {
        const before = text.slice(Math.max(0, m.index - 400), m.index);
        const from = m.index - before.length + 1 + maxOf([';', '{', '}'].map(c => before.lastIndexOf(c)));
        const rest = text.slice(m.index, m.index + 400);
        const stops = ['{', ';'].map(c => rest.indexOf(c)).filter(i => i >= 0);
        const to = m.index + (stops.length > 0 ? -maxOf(stops.map(i => -i)) : rest.length);
        for (const n of text.slice(from, to).matchAll(/\b([A-Za-z_]\w*)\s*\(/g))
            names.add(n[1]);
        re.lastIndex = Math.max(re.lastIndex, to);
    }
    return names;
}

/**
 * A TU compiled without a dump (kbuild builds the real-mode code and the EFI stub with their own
 * flags, which drop KCFLAGS) hides GCC's decisions only for the files it reads. When kbuild's
 * dependency list shows it reads none of the files a fix changes, nothing of the fix is in it:
 * recorded, not a reason to fail every gate of the tree.
 */
function judgeNoDump(finding, deps, changedPaths) {
    if (finding.kind !== 'no-dump' || finding.severity !== 'unresolved' || !finding.file)
        return finding;
    const files = deps?.filesOf(finding.file);
    if (!files || files.some(f => changedPaths.has(f)))
        return finding;
    return {
        ...finding,
        severity: 'info',
        message: `${finding.message}; it reads none of the files this fix changes (kbuild's dependency list)`
    };
}
/**
 * A TU without a dump that the fix may reach, compiled into an object kbuild links into neither
 * vmlinux nor a module (`unheld`, from the archive lists: core/kbuild/linked.ts): the EFI stub's
 * `lib.a` goes into the compressed boot image and runs once, before the kernel. The running
 * kernel does not hold that code, so no livepatch replaces it whatever the fix does to it.
 */
function judgeUnheld(finding, unheld) {
    if (finding.kind !== 'no-dump' || finding.severity !== 'unresolved' || !finding.file)
        return finding;
    if (!unheld?.has(finding.file))
        return finding;
    return {
        ...finding,
        severity: 'warning',
        message: `${finding.message}; kbuild links it into neither vmlinux nor a module (the build's archive lists): the running kernel does not hold its code (boot code such as the EFI stub runs before the kernel), so a livepatch cannot and need not replace it, and a change to it takes effect at the next boot`
    };
}

/**
 * The fix's files whose changes can change compiled code: a changed (not added) function, a
 * function a header change reaches, or a finding about the file that is more than info (line
 * shifts count: embedded line numbers change). A header whose hunks are only comments, added
 * prototypes or functions, appended enumerators or layout-neutral struct changes is read by TUs
 * without changing a byte of them.
 */
function codeChangingFiles(paths, changed, findings) {
    const out = new Set();
    for (const c of changed) {
        if (c.change === 'added')
            continue;
        out.add(c.file);
        for (const h of c.hunks)
            out.add(h.file);
    }
    for (const f of findings) {
        if (f.file === undefined)
            continue;
        if (f.severity !== 'info' || f.kind === 'line-shift')
            out.add(f.file);
    }
    return new Set([...paths].filter(p => out.has(p)));
}
/**
 * judgeNoDump with the files that change code: a TU without a dump that reads only files whose
 * changes compile to nothing hides nothing of the fix.
 */
function judgeNoDumpByEffect(finding, deps, changedPaths, codePaths) {
    const byFiles = judgeNoDump(finding, deps, changedPaths);
    if (byFiles !== finding)
        return byFiles;
    const judged = judgeNoDump(finding, deps, codePaths);
    if (judged === finding)
        return finding;
    const read = (deps?.filesOf(finding.file ?? '') ?? []).filter(f => changedPaths.has(f));
    return {
        ...finding,
        severity: 'info',
        message: `${finding.message}; it reads ${read.join(', ')}, whose changes in this fix change no compiled code`
    };
}

const ADDED = /^#include (?:<([^>]+)>|"([^"]+)") added: it brings/;
/**
 * An `#include` a header or a `.c` file gains brings nothing to a TU that had read the included
 * file before reaching the new line: its include guard keeps the new inclusion empty. kbuild's
 * dependency lists (the compiler's own `-MD` output, `#if` branches decided) list each TU's files
 * in the order the compiler first opened them, so per TU: the included file came before the
 * changed header itself, or before a file an unconditional `#include` above the new line names.
 * When that holds in every TU of every set that reads the changed file: info. Anything less keeps
 * the mapper's unresolved finding: a TU without a list that may read the file, a TU that read the
 * included file only further down (the new line reads it first, with what is defined above it in
 * force: `#define DEBUG` above `printk.h`), an included file without a guard (a trace header read
 * again under TRACE_HEADER_MULTI_READ, an X-macro list), a changed file whose fixed text is not at
 * hand.
 */
function judgeIncludeByReaders(finding, sets, sourceOf, postOf = () => undefined) {
    if (finding.kind !== 'include-change' || finding.severity !== 'unresolved')
        return finding;
    const header = finding.file;
    const m = ADDED.exec(finding.message);
    if (!m || header === undefined || !/\.[ch]$/.test(header) || sets.length === 0)
        return finding;
    const inc = m[1] !== undefined ? { name: m[1], quoted: false } : { name: m[2], quoted: true };
    const post = postOf(header);
    if (typeof post !== 'string')
        return finding;
    const above = includesAbove(post, inc);
    if (!above)
        return finding;
    const counts = [];
    const targets = new Set();
    for (const set of sets) {
        const { deps } = set;
        if (!deps)
            return finding;
        // A TU without a list (asm-offsets.c, bounds.c: kbuild writes none) must be shown not to read
        // the header at all, by its include closure over the tree (every #if branch: it only widens).
        const listless = set.tus.filter(tu => !deps.has(tu));
        if (listless.length > 0) {
            const units = new Units({ tus: set.tus, deps, textOf: sourceOf });
            for (const tu of listless) {
                const unit = units.unit(tu);
                if (!unit || unit.lost.length > 0 || unit.files.includes(header))
                    return finding;
            }
        }
        const readers = deps.tusSeeing(header);
        const arches = archesOf(set.tus);
        const resolve = (d, tu) => includeCandidates(d, header, tu, arches).find(p => sourceOf(p) !== undefined);
        for (const tu of readers) {
            const order = new Map((deps.filesOf(tu) ?? []).map((f, i) => [f, i]));
            const target = resolve(inc, tu);
            const at = target === undefined ? undefined : order.get(target);
            if (target === undefined || at === undefined)
                return finding;
            const first = (f) => {
                const i = f === undefined ? undefined : order.get(f);
                return i !== undefined && at < i;
            };
            const before = (header.endsWith('.h') && first(header)) || above.some(d => first(resolve(d, tu)));
            if (!before)
                return finding;
            if (!targets.has(target) && !guarded(sourceOf(target)))
                return finding;
            targets.add(target);
        }
        counts.push(`${readers.length} in set ${set.label}`);
    }
    const written = inc.quoted ? `"${inc.name}"` : `<${inc.name}>`;
    return {
        ...finding,
        severity: 'info',
        message: `#include ${written} added: every TU that reads ${header} (${counts.join(', ')}) had read ${[...targets].join(', ') || inc.name} before reaching that line (kbuild's dependency lists, in the compiler's order), so its include guard leaves the line empty`
    };
}
/**
 * The `#include`s above the first line that is `inc` in `text`, outside any `#if` but an include
 * guard's (those always read); undefined when no line is `inc`.
 */
function includesAbove(text, inc) {
    const lines = maskCommentsAndStrings(text, false).split('\n');
    // Under an #ifndef guard, includes one level in are read whenever the file is; `#pragma once`
    // opens no level (a hostile review's case: its `#ifdef CONFIG_Y` include counted as read).
    const open = guardOf(text) === 'ifndef' ? 1 : 0;
    const out = [];
    let depth = 0;
    for (const line of lines) {
        const d = /^[ \t]*#[ \t]*(\w+)/.exec(line);
        if (!d)
            continue;
        if (/^if/.test(d[1]))
            depth++;
        else if (d[1] === 'endif')
            depth--;
        const found = includeOf(line);
        if (!found)
            continue;
        if (sameInclude(found, inc))
            return out;
        if (depth <= open)
            out.push(found);
    }
    return undefined;
}
/**
 * Whether a file's second inclusion makes nothing: all of it inside `#ifndef X` / `#define X` ...
 * `#endif`, or `#pragma once`. Read lexically: the first two directives and nothing but comments
 * outside the pair's `#if` (a nested `#endif` before the last one only narrows what passes).
 */
function guarded(text) {
    return guardOf(text) !== undefined;
}
/** How a file keeps its second inclusion empty (see guarded), if it does. */
function guardOf(text) {
    if (typeof text !== 'string')
        return undefined;
    const lines = maskCommentsAndStrings(text)
        .split('\n')
        .map(l => l.trim())
        .filter(l => l !== '');
    if (lines.length === 0)
        return undefined;
    if (/^#\s*pragma\s+once\b/.test(lines[0]))
        return 'pragma';
    const open = /^#\s*(?:ifndef\s+(\w+)|if\s+!\s*defined\s*\(?\s*(\w+)\s*\)?)\s*$/.exec(lines[0]);
    const name = open?.[1] ?? open?.[2];
    if (name === undefined || lines.length < 3)
        return undefined;
    if (!new RegExp(`^#\\s*define\\s+${name}\\b`).test(lines[1]))
        return undefined;
    if (!/^#\s*endif\b/.test(lines[lines.length - 1]))
        return undefined;
    // The #endif that closes the first #ifndef must be the last line, with no #else or #elif of
    // its own (read again, the file would make that branch: a hostile review's case) and no
    // #undef of the guard.
    let depth = 0;
    const undef = new RegExp(`^#\\s*undef\\s+${name}\\b`);
    for (let i = 0; i < lines.length; i++) {
        if (/^#\s*if(?:n?def)?\b/.test(lines[i]))
            depth++;
        else if (/^#\s*endif\b/.test(lines[i]) && --depth === 0)
            return i === lines.length - 1 ? 'ifndef' : undefined;
        else if (depth === 1 && /^#\s*el(?:se|if|ifdef|ifndef)\b/.test(lines[i]))
            return undefined;
        else if (undef.test(lines[i]))
            return undefined;
    }
    return undefined;
}

/**
 * Symbol tables decide where they cover the object. Otherwise every TU of the object whose dump
 * keeps a node of that name (not removed) holds a local copy: a header `static inline` kept out of
 * line in 25 TUs of vmlinux is 25 symbols of one name. Without kbuild's object map the TUs cannot
 * be grouped into objects, so nothing is said.
 */
function makeCopiesOf(sources, affected) {
    const byLabel = new Map(sources.map(s => [s.set.label, s]));
    const cache = new Map();
    return a => {
        const source = byLabel.get(a.set);
        if (!source || a.object === null)
            return undefined;
        const key = `${a.set}\0${a.object}\0${a.name}\0${a.tu}`;
        if (cache.has(key))
            return cache.get(key);
        const found = count(source, a, affected);
        cache.set(key, found);
        return found;
    };
}
function count(source, a, affected) {
    const object = a.object;
    const table = source.symbols?.positions(object, a.tu, a.name);
    if (table) {
        // A copy with no symbol has no position: the table's symbols of the name are all others'.
        if (a.symbol === 'removed')
            return { count: table.count, from: 'symbol-tables' };
        return { count: table.count, from: 'symbol-tables', candidates: table.candidates };
    }
    const { objectOf, set } = source;
    if (!objectOf)
        return undefined;
    const tus = new Set(affected
        .filter(x => x.set === a.set && x.object === object && x.name === a.name && x.symbol === 'present')
        .map(x => x.tu));
    for (const tu of mentioning(set, a.name)) {
        if (tus.has(tu) || objectOf(tu) !== object)
            continue;
        const g = set.graph(tu);
        if (g?.has(a.name) && !symbolRemoved(g, a.name))
            tus.add(tu);
    }
    return { count: tus.size, from: 'dumps', tus: [...tus].sort() };
}
/**
 * A set loaded with a focus answers only for the names it was loaded for (the pipeline adds the
 * declared names); asked for another, the affected list alone gives the lower bound.
 */
function mentioning(set, name) {
    try {
        return set.tusMentioning(name);
    }
    catch {
        return [];
    }
}

const ASSIGN = /^([A-Za-z0-9_.-]+?)-(y|m|objs|\$\((CONFIG_\w+)\))\s*(?::=|\+=|=)(.*)$/;
/** Every assignment, and the lines naming things this reader does not parse (kept to stay safe). */
function assignments(text) {
    const list = [];
    const other = [];
    for (const raw of text.replace(/\\\r?\n/g, ' ').split('\n')) {
        const line = raw.replace(/#.*/, '').trim();
        const m = ASSIGN.exec(line);
        if (!m) {
            if (line !== '')
                other.push(line);
            continue;
        }
        const items = m[4].trim().split(/\s+/).filter(Boolean);
        list.push({ target: m[1], gate: m[3] ?? null, items });
    }
    return { list, other };
}
const ON = { off: false };
const MAX_DEPTH = 8;
/**
 * Whether kbuild certainly does not compile `tu` in this `.config`: every line of its folder's
 * Makefile/Kbuild that names its object (directly or through a composite module) is gated by a
 * symbol that is not set, or its folder is, in the parent's Makefile. Anything this reader cannot
 * follow (variables, `$(if ...)`, a folder named nowhere) reads as built.
 */
function tuCompiledOut(tu, config, sourceOf) {
    const slash = tu.lastIndexOf('/');
    const dir = tu.slice(0, slash + 1);
    const fate = objectFate(dir, `${tu.slice(slash + 1, -2)}.o`, config, sourceOf, 0);
    if (!fate.off)
        return undefined;
    // `ens1371.c` does `#include "ens1370.c"`: its Makefile line being off does not mean unbuilt.
    return includedBySibling(dir, tu.slice(slash + 1), sourceOf) ? undefined : fate.reason;
}
/**
 * Whether a source of the folder's Makefile objects `#include`s `file` (a `.c` compiled inside
 * another, whatever its own line says). Sources the tree lacks are not searched.
 */
function includedBySibling(dir, file, sourceOf) {
    const mk = makefileOf(dir, sourceOf);
    if (!mk)
        return false;
    const include = new RegExp(`^[ \\t]*#[ \\t]*include[ \\t]*"(\\./)?${file.replace(/[.+]/g, '\\$&')}"`, 'm');
    const siblings = new Set([...mk.list.flatMap(a => a.items), ...mk.other.flatMap(l => l.split(/\s+/))]
        .filter(i => i.endsWith('.o') && !i.includes('/') && i !== `${file.slice(0, -2)}.o`)
        .map(i => `${dir}${i.slice(0, -2)}.c`));
    for (const path of siblings) {
        const text = sourceOf(path);
        if (typeof text === 'string' && include.test(text))
            return true;
    }
    return false;
}
function makefileOf(dir, sourceOf) {
    for (const name of ['Kbuild', 'Makefile']) {
        const text = sourceOf(`${dir}${name}`);
        if (typeof text === 'string')
            return { path: `${dir}${name}`, ...assignments(text) };
    }
    return undefined;
}
/** `object` (`emulate.o`, or `kvm/` for a folder) in `dir`'s Makefile. */
function objectFate(dir, object, config, sourceOf, depth) {
    if (depth > MAX_DEPTH)
        return ON;
    const mk = makefileOf(dir, sourceOf);
    if (!mk)
        return ON;
    const naming = mk.list.filter(a => a.items.includes(object));
    // Named in a line this reader does not follow (`$(if ...)`, a variable): may be built.
    const word = new RegExp(`(^|[\\s=])${object.replace(/[.]/g, '\\.')}(\\s|$)`);
    if (naming.length === 0 || mk.other.some(l => word.test(l)))
        return ON;
    const reasons = [];
    for (const a of naming) {
        const own = gateFate(a.gate, config, `${mk.path}: ${a.target}-$(${a.gate ?? ''}) += ${object}`);
        if (own.off) {
            reasons.push(own.reason);
            continue;
        }
        let up = ON;
        if (a.target === 'obj' || a.target === 'lib') {
            // Built if its folder is: the parent's Makefile names the folder (`obj-$(CONFIG_KVM) += kvm/`).
            if (dir !== '') {
                const parent = dir.slice(0, dir.slice(0, -1).lastIndexOf('/') + 1);
                up = objectFate(parent, dir.slice(parent.length), config, sourceOf, depth + 1);
            }
        }
        else {
            // A part of a composite object: built if the composite is.
            up = objectFate(dir, `${a.target}.o`, config, sourceOf, depth + 1);
        }
        if (!up.off)
            return ON;
        reasons.push(up.reason);
    }
    return { off: true, reason: [...new Set(reasons)].join('; ') };
}
function gateFate(gate, config, where) {
    if (gate === null)
        return ON;
    if (config.get(gate) !== undefined)
        return ON;
    return { off: true, reason: `${gate} is not set (${where})` };
}

/**
 * Predicted entries of a compared TU (or entries the post-fix dumps add) that name no function of its base build's object: inlined or
 * cloned everywhere (the dumps keep a node for it), or a symbol only one build has (the fix removes
 * it, or GCC emits it out of line only after the fix). A livepatch replaces symbols of the running kernel: the base build has none of
 * that name, or the callers that stop calling it are compared themselves. Each
 * returns an info finding saying so; the caller drops the entry.
 */
function absentFinding(entry, cmp, set) {
    if ((entry.exact !== 'predicted' && entry.exact !== 'found') || entry.tu !== cmp.tu)
        return undefined;
    const own = cmp.symbols.find(s => s.kind === 'function' && s.name === entry.name);
    if (own && own.verdict !== 'removed' && own.verdict !== 'added')
        return undefined;
    // A global definition only the patched build has (its text was compiled out before): the
    // running kernel's callers reach whatever other definition of the name it links, a `__weak`
    // default in another file (the one a livepatch must replace) or none (a hostile review's case).
    const global = own?.verdict === 'added' && own.bind !== undefined;
    const why = global
        ? `exists only in the patched build, and it is ${own.bind}: the running kernel's callers reach another definition of the name (a __weak default elsewhere, which the livepatch must replace with this code) or none, which the objects of ${cmp.tu} cannot tell`
        : own?.verdict === 'removed'
            ? 'exists only in the base build: the fix removes it, and its callers (compared with it) are what the livepatch replaces'
            : own
                ? 'exists only in the patched build (GCC no longer inlines it everywhere): the running kernel has no such symbol to replace, its callers are what changed'
                : `is no function of ${cmp.tu}'s object in either build (inlined or cloned wherever it is used): nothing to patch by this name, its containers are listed`;
    return {
        kind: global ? 'object-compare' : 'code-unchanged',
        severity: global ? 'unresolved' : 'info',
        set,
        file: cmp.tu,
        functions: [entry.name],
        message: `${entry.name}: ${entry.exact === 'found' ? 'named by the post-fix dumps' : 'predicted from the dumps'} (from ${entry.origin}), but it ${why}`
    };
}

const EXPORTED = /^__(?:ksymtab|kstrtab|kstrtabns|crc)_(?:gpl_)?(.+)$/;
/**
 * What a data object the patched build changed, added or removed means for the livepatch, by what
 * the object is (`objects/data-class.ts`): nothing for what never reaches the running kernel or
 * goes with the functions that use it; information for module metadata; a warning for boot-time
 * data (already consumed: the fix takes effect at the next boot or module load, and no livepatch
 * can change that); unresolved for what the running kernel keeps and a livepatch cannot change.
 */
function dataFinding(s, set, cmp) {
    if (s.kind !== 'data' || s.verdict === 'unchanged' || s.verdict === 'line-only')
        return undefined;
    const tu = cmp.tu;
    const how = s.verdict === 'added'
        ? 'is added'
        : s.verdict === 'removed'
            ? 'is removed'
            : `changed${s.detail ? ` (${s.detail})` : ''}`;
    const at = { set, file: tu };
    switch (s.dataClass) {
        case 'discarded':
            return undefined;
        case 'function-local':
        case 'call-site':
            // Folded into the functions that use it (objects/local-data.ts); new or dropped ones come
            // with a change of those functions' code.
            return undefined;
        case 'module-info':
            return {
                kind: 'module-info-change',
                severity: 'info',
                ...at,
                message: `module metadata ${s.name} (.modinfo) of ${tu} ${how} in the patched build: read from the .ko by modprobe, not by running code`
            };
        case 'export': {
            // A string entry comes and goes with its __ksymtab_ entry; changed alone, it is a rename or
            // a namespace move.
            if (/^__kstrtab/.test(s.name) && s.verdict !== 'changed')
                return undefined;
            const exported = EXPORTED.exec(s.name)?.[1];
            const fresh = cmp.symbols.some(f => f.kind === 'function' && f.name === exported && f.verdict === 'added');
            if (fresh || (s.verdict === 'changed' && s.name.startsWith('__crc_')))
                return undefined;
            return {
                kind: 'export-change',
                severity: 'unresolved',
                ...at,
                ...(exported ? { functions: [exported] } : {}),
                message: `export table entry ${s.name} of ${tu} ${how} in the patched build: modules resolve against the running kernel's __ksymtab, which a livepatch cannot change`
            };
        }
        case 'module-param':
            return {
                kind: 'module-param-change',
                severity: 'unresolved',
                ...at,
                message: `module parameter data ${s.name} of ${tu} ${how} in the patched build: a kernel_param is registered at load with its sysfs file, and a livepatch cannot change it`
            };
        case 'trace-event':
            if (s.verdict !== 'changed')
                return undefined;
            return {
                kind: 'global-change',
                severity: 'unresolved',
                ...at,
                message: `trace event data ${s.name} of ${tu} ${how} in the patched build: a trace event is registered at boot (its format and fields are what tracefs, perf and BPF read), and a livepatch cannot redefine it`
            };
        case 'init-only':
            // An initcall entry added or removed: the kernel ran its initcalls at boot, and a livepatch
            // adds none (the mapper says the same of one the diff spells).
            if (s.verdict !== 'changed' && /^__initcall_/.test(s.name))
                return {
                    kind: 'global-change',
                    severity: 'unresolved',
                    ...at,
                    message: `initcall entry ${s.name} of ${tu} ${how} in the patched build: the kernel runs its initcalls at boot (or module load), and a livepatch module cannot add or remove one (a human must decide how the fix is carried)`
                };
            if (s.verdict !== 'changed')
                return undefined;
            return {
                kind: 'global-change',
                severity: 'warning',
                ...at,
                message: `boot-time data ${s.name} of ${tu} ${how} in the patched build: it is read only during boot or module load and unload, then freed, so the running kernel keeps the old behaviour until the next boot (or module load) whatever the livepatch does`
            };
        default:
            if (s.verdict !== 'changed')
                return undefined;
            return {
                kind: 'global-change',
                severity: 'unresolved',
                ...at,
                message: `data object ${s.name} of ${tu} changed in the patched build${s.detail ? ` (${s.detail})` : ''}: a livepatch does not re-initialise data`
            };
    }
}

/**
 * Compares one TU's clone graphs before and after the fix.
 *
 * Inlined bodies are compared by base name: a callee inlined as `find_next_bit` before and as
 * `find_next_bit.constprop.0` after is the same code once inlined (GCC propagated the constant the
 * call site had anyway); on the accuracy benchmark's rebuilt objects such pairs never changed code.
 * A function counts only when it is a symbol in both builds: one newly kept out of line is new
 * code (its callers show as "no longer inlines"), one newly fully inlined is gone.
 */
function diffGraphs(pre, post) {
    const before = inlinedInto(pre);
    const after = inlinedInto(post);
    const flips = [];
    const names = [...new Set([...before.keys(), ...after.keys()])].sort();
    for (const name of names) {
        if (!wasSymbol(pre, name) || !wasSymbol(post, name))
            continue;
        const was = before.get(name) ?? new Set();
        const now = after.get(name) ?? new Set();
        const gained = [...now].filter(n => !was.has(n)).sort();
        const lost = [...was].filter(n => !now.has(n)).sort();
        if (gained.length === 0 && lost.length === 0)
            continue;
        const words = [];
        if (gained.length > 0)
            words.push(`now inlines ${gained.join(', ')}`);
        if (lost.length > 0)
            words.push(`no longer inlines ${lost.join(', ')} (calls it)`);
        flips.push({ name, kind: 'inline', reason: `after the fix GCC ${words.join('; ')}` });
    }
    const preClones = clonesOf(pre);
    const postClones = clonesOf(post);
    const clones = [];
    for (const [name, derived] of postClones) {
        const old = preClones.get(name);
        if (!old)
            clones.push({ name, ...derived, change: 'made' });
        else if (old.origin !== derived.origin || old.reason !== derived.reason) {
            if (!isSymbol(pre, name) || !isSymbol(post, name))
                continue;
            flips.push({
                name,
                kind: 'clone',
                reason: `after the fix GCC derives it from ${derived.origin} (${derived.reason}), before from ${old.origin} (${old.reason})`
            });
        }
    }
    for (const [name, derived] of preClones)
        if (!postClones.has(name))
            clones.push({ name, ...derived, change: 'dropped' });
    clones.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { flips, clones };
}
/**
 * Function name -> base names of every body its code ends up containing. Transitive, because the
 * order of GCC's decisions is not the code: `a` inlined into `b` and then `b` into `c` gives `c` the
 * same code as `b` inlined into `c` and then `a` into `c`, yet the dump lines differ. Edges are in
 * decision order, so a clone takes its origin's bodies as they were when it was made.
 */
function inlinedInto(g) {
    const into = new Map();
    for (const e of g.edges) {
        if (e.from === e.to || e.copy)
            continue;
        const to = g.nodes[e.to].name;
        const fromName = g.nodes[e.from].name;
        let set = into.get(to);
        if (!set)
            into.set(to, (set = new Set()));
        const carried = into.get(fromName) ?? [];
        if (e.kind === 'inline') {
            const from = baseName(fromName);
            if (from !== baseName(to))
                set.add(from);
        }
        for (const b of carried)
            if (b !== baseName(to))
                set.add(b);
    }
    return into;
}
function clonesOf(g) {
    const out = new Map();
    for (const e of g.edges) {
        if (e.kind !== 'clone' || e.copy)
            continue;
        const name = g.nodes[e.to].name;
        if (!out.has(name))
            out.set(name, { origin: g.nodes[e.from].name, reason: e.reason });
    }
    return out;
}
/**
 * A function whose body nothing was inlined into has no line in its TU's dump, yet it is a symbol:
 * absent from a dump counts as present, unless the name is a GCC clone's (then it is new).
 * Functions the fix adds are dropped by the caller, which knows the diff.
 */
function wasSymbol(g, name) {
    return g.byName.has(name) ? !symbolRemoved(g, name) : !name.includes('.');
}
function isSymbol(g, name) {
    return g.byName.has(name) && !symbolRemoved(g, name);
}

/**
 * A predicted entry whose object differs only in line numbers the fix's hunks shift (a WARN's
 * `__bug_table` line, a `__LINE__` immediate). The fix may have edited it, yet what it edited
 * compiles to nothing here (a branch on a predicate this configuration makes constant, a helper
 * inlined back to the same load), and the hunks above it moved its lines. kpatch's
 * create-diff-object ignores such a function, as the engine does for the unedited functions below a
 * hunk (`line-shift`): replacing it would only make a WARN in the running kernel report its new
 * line. The caller drops the entry.
 */
function lineOnlyFinding(entry, s, set, tu) {
    // The comparer's detail already says "line numbers only: ..."; the message says it once.
    const lines = s.detail?.replace(/^line numbers only: /, '');
    const what = lines ? ` (${lines})` : '';
    return {
        kind: 'line-shift',
        severity: 'info',
        set,
        file: tu,
        functions: [entry.name],
        message: `${entry.name}: predicted from the dumps (from ${entry.origin}), but in the patched build its machine code differs in line numbers only${what}; livepatch tools treat this as a line-only change (no need to replace it)`
    };
}

const key = (set, tu, name) => `${set}\0${tu}\0${name}`;
/**
 * Turns the predicted affected set into the exact one: adds what the post-fix dumps show GCC
 * decided differently, then lets the object comparison confirm, demote or add entries. Coverage and
 * the policy then run on the result, so an identical function no longer fails the gate and a
 * changed one nobody predicted does.
 */
function mergeExact(predicted, exact, bases, 
/** Names of functions the fix adds: new code, never a flip of an existing symbol. */
added) {
    // A function reached from two changed functions is two entries: both keep their chains.
    const entries = new Map();
    for (const a of predicted) {
        const k = key(a.set, a.tu, a.name);
        entries.set(k, [...(entries.get(k) ?? []), { ...a, exact: 'predicted' }]);
    }
    const findings = [];
    const summary = {
        graphsCompared: 0,
        objectsCompared: 0,
        confirmed: 0,
        lineOnly: 0,
        predicted: 0,
        found: 0,
        unchanged: 0
    };
    const add = (a) => {
        const k = key(a.set, a.tu, a.name);
        const known = entries.get(k);
        // A prediction put up for review (a caller GCC may stop inlining into) that the patched build
        // shows happened is required, for the reason that build gives.
        if (!known || (a.tier === 'required' && known.every(e => e.tier === 'review')))
            entries.set(k, [a]);
    };
    for (const e of exact) {
        const base = bases.find(b => b.set.label === e.label);
        if (!base)
            continue;
        const objectOf = (tu) => base.objectOf?.(tu) ?? null;
        const withObjects = new Set((e.objects ?? []).map(o => o.tu));
        if (e.post) {
            for (const tu of e.post.tus()) {
                const pre = base.set.hasTu(tu) ? base.set.graph(tu) : undefined;
                const post = e.post.graph(tu);
                if (!pre || !post)
                    continue;
                summary.graphsCompared++;
                const diff = diffGraphs(pre, post);
                for (const flip of diff.flips) {
                    if (added.has(flip.name))
                        continue;
                    const step = { kind: 'gcc-decision', name: flip.name, reason: flip.reason };
                    // A function nothing is inlined into after the fix has no node in the post-fix dump.
                    const reached = walkForward(post, post.byName.get(flip.name) ?? [], () => [step]);
                    const found = [
                        { name: flip.name, chain: [step] },
                        ...[...reached].map(([id, chain]) => ({ name: post.nodes[id].name, chain }))
                    ];
                    for (const { name, chain } of found) {
                        if (added.has(name))
                            continue;
                        add({
                            set: e.label,
                            name,
                            tu,
                            object: objectOf(tu),
                            tier: 'required',
                            symbol: post.byName.has(name) && symbolRemoved(post, name) ? 'removed' : 'present',
                            origin: flip.name,
                            chain,
                            exact: 'found'
                        });
                    }
                }
                for (const c of diff.clones)
                    findings.push(cloneFinding(c, e.label, tu, withObjects.has(tu)));
            }
        }
        // A function the fix moves to another file: removed from one object, added to another.
        const addedIn = new Map();
        for (const cmp of e.objects ?? [])
            for (const s of cmp.symbols)
                if (s.kind === 'function' && s.verdict === 'added')
                    addedIn.set(s.name, cmp.tu);
        for (const cmp of e.objects ?? []) {
            summary.objectsCompared++;
            append(findings, cmp.findings.map(f => ({ ...f, set: f.set ?? e.label })));
            for (const s of cmp.symbols) {
                const k = key(e.label, cmp.tu, s.name);
                const known = entries.get(k);
                if (s.kind === 'data') {
                    const finding = dataFinding(s, e.label, cmp);
                    if (finding)
                        findings.push(finding);
                    continue;
                }
                if (s.verdict === 'changed') {
                    if (!known)
                        add(foundEntry(s, e.label, cmp.tu, objectOf(cmp.tu)));
                    for (const a of known ?? [])
                        if (a.exact === 'predicted')
                            confirm(a, s);
                }
                else if (s.verdict === 'line-only' && known) {
                    entries.delete(k);
                    summary.lineOnly++;
                    findings.push(lineOnlyFinding(known[0], s, e.label, cmp.tu));
                }
                else if (s.verdict === 'unchanged' && known) {
                    entries.delete(k);
                    summary.unchanged++;
                    findings.push(unchangedFinding(known[0], e.label, cmp.tu));
                }
            }
            for (const [k, list] of entries) {
                if (!k.startsWith(key(e.label, cmp.tu, '')))
                    continue;
                const finding = list.every(a => a.exact === 'predicted' || a.exact === 'found') &&
                    absentFinding(list[0], cmp, e.label);
                if (!finding)
                    continue;
                const movedTo = addedIn.get(list[0].name);
                if (movedTo !== undefined && movedTo !== cmp.tu) {
                    // Callers in other files reach it by name: the running kernel's copy is this file's,
                    // and what the new one does is not compared with it here.
                    findings.push({
                        kind: 'removed-function',
                        severity: 'warning',
                        set: e.label,
                        file: cmp.tu,
                        functions: [list[0].name],
                        message: `${list[0].name} leaves ${cmp.tu} and is defined in ${movedTo} after the fix: the running kernel's copy is ${cmp.tu}'s, so it stays required`
                    });
                    continue;
                }
                entries.delete(k);
                summary.unchanged++;
                findings.push(finding);
            }
        }
    }
    const affected = [...entries.values()].flat();
    for (const a of affected) {
        if (a.exact === 'confirmed')
            summary.confirmed++;
        else if (a.exact === 'line-only')
            summary.lineOnly++;
        else if (a.exact === 'found')
            summary.found++;
        else
            summary.predicted++;
    }
    return { affected, findings, summary };
}
/**
 * A predicted entry whose code changed. One the dumps only put up for review (a caller of a clone
 * whose signature changed, a user of a changed layout) is required now: the object shows it changed.
 */
function confirm(a, s) {
    a.exact = 'confirmed';
    if (a.tier === 'required')
        return;
    a.tier = 'required';
    a.chain = [...a.chain, objectStep(s)];
}
function objectStep(s) {
    return {
        kind: 'object-diff',
        name: s.name,
        reason: `its machine code changed in the patched build${s.detail ? `: ${s.detail}` : ''}`
    };
}
function foundEntry(s, set, tu, object) {
    return {
        set,
        name: s.name,
        tu,
        object,
        tier: 'required',
        symbol: 'present',
        origin: s.name,
        chain: [objectStep(s)],
        exact: 'found'
    };
}
function unchangedFinding(a, set, tu) {
    return {
        kind: 'code-unchanged',
        severity: 'info',
        set,
        file: tu,
        functions: [a.name],
        message: `${a.name}: predicted from the dumps (from ${a.origin}), but its machine code is identical in the patched build: nothing to patch`
    };
}
/**
 * A clone made or dropped is a symbol of one build only: nothing to patch by its name, but its
 * callers now call another symbol. The dumps do not name callers; the object comparison does
 * (as `found` entries), so with objects this is only information.
 */
function cloneFinding(c, set, tu, objects) {
    const what = c.change === 'made'
        ? `after the fix GCC makes ${c.name}, a ${c.reason} clone of ${c.origin}`
        : `after the fix GCC no longer makes ${c.name} (${c.reason} clone of ${c.origin})`;
    return {
        kind: 'gcc-decision',
        severity: objects ? 'info' : 'warning',
        set,
        file: tu,
        functions: [c.name],
        message: objects
            ? `${what}: its callers changed, and the object comparison lists them`
            : `${what}: its callers call another symbol now; without the objects they are not named`
    };
}

/** Disagreements named one by one in a finding; the rest are counted. */
const SHOWN$1 = 3;
/**
 * GCC records each function at the line of its name in the definition, so a dump built from the
 * image the diff describes places every function of a changed `.c` between the first line of its
 * definition and its body's `{`. A dump that places one elsewhere was built from other source
 * (another release, an older cached build, another run's artifact): its inlining decisions are that
 * build's, and the affected set computed from them may lack functions. Only names the image
 * defines are compared (a name a macro generates that the locator does not know is skipped), and a
 * name defined twice (`#if` branches) agrees with either definition.
 */
function staleDumpFindings(checks) {
    const findings = [];
    for (const { set, side, functions } of checks) {
        for (const [path, defs] of functions) {
            if (!path.endsWith('.c') || defs.length === 0)
                continue;
            const byName = new Map();
            for (const d of defs)
                for (const name of new Set([d.name, ...d.symbols]))
                    byName.set(name, [...(byName.get(name) ?? []), d]);
            for (const tu of set.tusCompiling(path)) {
                const g = set.graph(tu, true);
                if (!g)
                    continue;
                const wrong = [];
                const seen = new Set();
                for (const node of g.nodes) {
                    if (node.file !== path || seen.has(node.name))
                        continue;
                    seen.add(node.name);
                    const at = byName.get(node.name);
                    if (!at || at.some(d => d.startLine <= node.line && node.line <= d.bodyLine))
                        continue;
                    const d = at[0];
                    wrong.push(`${node.name} at line ${node.line} (the source: ${span(d)})`);
                }
                if (wrong.length === 0)
                    continue;
                const more = wrong.length > SHOWN$1 ? `, and ${wrong.length - SHOWN$1} more` : '';
                findings.push({
                    kind: 'dump-stale',
                    severity: 'unresolved',
                    set: set.label,
                    file: path,
                    message: `${tu}'s dump in set ${set.label} (${side === 'pre' ? 'the base build' : 'the patched build'}) ` +
                        `places ${wrong.slice(0, SHOWN$1).join(', ')}${more}: it was not built from the ` +
                        `${side === 'pre' ? 'source the fix applies to' : 'fixed source'}, so its inlining ` +
                        `decisions may not be the running kernel's; rebuild the dumps from ` +
                        `${side === 'pre' ? 'the commit the fix applies to' : 'the fixed tree'}`
                });
            }
        }
    }
    return findings;
}
function span(d) {
    return d.startLine === d.bodyLine ? `line ${d.startLine}` : `lines ${d.startLine}-${d.bodyLine}`;
}

/** Header-level doubts about code: each says "the code of the TUs that read it may change". */
const HEADER_DOUBTS = new Set([
    'type-change',
    'prototype-change',
    'extern-change',
    'global-change',
    'macro-change',
    'include-change',
    'preprocessor-change',
    'header-out-of-line'
]);
/**
 * Doubts about a `.c` file that its readers' objects answer as they answer a header's: an
 * `#include` or an `#if` structure changed between functions. Not lines the mapper could not
 * place (`unmapped-hunk`, in a `.c` or a header): a top-level `asm()` writes into a section with
 * no symbol, which the comparison, symbol by symbol, does not see (a hostile review's case).
 */
const SOURCE_DOUBTS = new Set(['include-change', 'preprocessor-change']);
/**
 * Source-level doubts that the object comparison answers. The dumps and the source can only say
 * "the code of this TU may change"; the patched build's object of that TU says whether it did.
 * - `no-dump`: a TU built without a dump hides its inlining decisions, but every function of its
 *   object was compared, and each one that changed is an entry (`found` when nobody predicted it).
 * - `global-change` in a `.c` file: its data objects were compared; when none of them differs, the
 *   rewrite (an equivalent initializer, a macro that expands the same) left the data as it was.
 * - a header's type, prototype, macro, global or include change, and a `.c` file's include or
 *   `#if` change: when every TU that reads the file (kbuild's lists) was
 *   recompiled and compared, and none of them changed a function or a data object beyond shifted
 *   line numbers, the change reached no machine code. An added or removed `#include` (a header's
 *   or a `.c` file's) settles too when readers changed, each comparison accounting for every
 *   difference and every changed function one the fix's lines predicted: what it did is then in
 *   the entries and the data findings.
 * Only TUs whose objects were compared in every set the finding concerns settle anything: a TU
 * the patched build did not recompile, or a set without objects or lists, keeps its finding. A
 * file no object reads keeps it too: what reads it then (a linker script, a host program, a
 * generated file) leaves no object to compare, and "every reader unchanged" would hold of none.
 */
function settleByObjects(findings, exact, sets, 
/** Functions the diff itself defines or deletes: their objects' symbols come and go with it. */
own = new Set(), 
/** `set\0tu` of the TUs where a function changed that nothing predicted (exact: `found`). */
unpredicted = new Set()) {
    const compared = new Map();
    for (const e of exact)
        if (e.objects)
            compared.set(e.label, new Map(e.objects.map(o => [o.tu, o])));
    return findings.map(f => {
        if (f.severity !== 'unresolved' || !f.file)
            return f;
        const file = f.file;
        const concerned = f.set ? sets.filter(s => s.label === f.set) : sets;
        if (concerned.length === 0)
            return f;
        if (file.endsWith('.c')) {
            const pairs = concerned.map(s => compared.get(s.label)?.get(file));
            if (pairs.some(p => p === undefined))
                return f;
            if (f.kind === 'no-dump')
                return settled(f, 'its object was compared with the patched build’s instead, and every function whose code changed there is listed');
            if (f.kind === 'global-change' && pairs.every(sameData))
                return settled(f, `but every data object of ${file} that the linked kernel keeps is identical in the patched build: the change leaves the data as it was`);
            if (!SOURCE_DOUBTS.has(f.kind))
                return f;
        }
        else if (!HEADER_DOUBTS.has(f.kind))
            return f;
        // A header a linker script reads (asm/vvar.h, whose lines vmlinux.lds.S includes as script
        // text): no object shows what the link became.
        if (concerned.some(s => (s.linkers?.(file).length ?? 0) > 0))
            return f;
        // An added #include does nothing to the code beyond what the comparison of every reader
        // shows, when that comparison accounts for everything: each function whose code changed is
        // an entry, each data object that changed has its own finding, and what a top-level asm()
        // writes (labels, bytes no symbol holds) was compared too (see accounted). And only when
        // every function that changed is one the fix's own lines predicted: an include that changes
        // other functions' code may have re-laid out a type (a macro it defines sizes a struct:
        // `ctx_new` allocates more, `ctx_b` reads another offset), which no function replacement
        // carries for the objects the running kernel holds (a hostile review's case). Any other
        // doubt (a layout, a macro a table spells) says more than "the code may change", and
        // settles only when nothing changed.
        const shown = f.kind === 'include-change';
        let readers = 0;
        let changed = 0;
        for (const s of concerned) {
            const tus = s.readers(file);
            const objects = compared.get(s.label);
            if (!tus || !objects)
                return f;
            for (const tu of tus) {
                const o = objects.get(tu);
                if (!o)
                    return f;
                if (sameCode(o))
                    continue;
                if (!shown || unpredicted.has(`${s.label}\0${tu}`) || !accounted(o, s.label, own))
                    return f;
                changed++;
            }
            readers += tus.length;
        }
        if (readers === 0)
            return f;
        if (changed > 0)
            return settled(f, `but all ${readers} TU(s) that read ${file} were recompiled and compared: each function of theirs whose code changed is one the fix's own lines predicted, and listed; each data object that changed has its own finding`);
        return settled(f, `but all ${readers} TU(s) that read ${file} were recompiled and compared, and none of their functions or data objects changed: the change reaches no machine code`);
    });
}
function settled(f, why) {
    return { ...f, severity: 'info', message: `${f.message.replace(/\.$/, '')}; ${why}.` };
}
/**
 * Every difference of the comparison has a voice in the report: no comparison finding of its own
 * (a section it could not read, code a label without a type holds, bytes no symbol holds, a
 * definition turned weak or global), and each data object changed, added or removed either goes
 * with the functions that use it or has its own finding (an initcall entry, a label's, has one:
 * the `__init` function only it calls would otherwise pass unseen; an export entry has one, or
 * comes with a function the fix adds). A function only one build has is its changed callers' (a
 * static one GCC stops inlining), or a changed data object's, which this checks; not one other
 * files reach by name: a global definition an `#if` adds or drops overrides or uncovers another
 * file's `__weak` default, whose callers changed in no object (a hostile review's case), unless
 * the diff itself writes or deletes it.
 */
function accounted(o, set, own) {
    if (o.findings.length > 0)
        return false;
    return o.symbols.every(s => {
        if (s.verdict === 'unchanged' || s.verdict === 'line-only')
            return true;
        if (s.kind === 'function')
            return s.verdict === 'changed' || s.bind === undefined || own.has(s.name);
        return (s.dataClass === 'discarded' ||
            s.dataClass === 'function-local' ||
            s.dataClass === 'call-site' ||
            s.dataClass === 'export' ||
            dataFinding(s, set, o) !== undefined);
    });
}
/** Every data object the kernel keeps reads the same before and after (none added or removed). */
function sameData(o) {
    return (o.findings.length === 0 &&
        o.symbols.every(s => s.kind !== 'data' || s.verdict === 'unchanged' || s.dataClass === 'discarded'));
}
/**
 * No function or data object changed beyond shifted line numbers (a `pr_debug` descriptor's line
 * moves with the header's lines as a WARN's does).
 */
function sameCode(o) {
    return (o.findings.length === 0 &&
        o.symbols.every(s => s.verdict === 'unchanged' ||
            s.verdict === 'line-only' ||
            (s.kind === 'data' && s.dataClass === 'discarded')));
}

const VERB = /\bis (added|removed)\b|\b(changed)\b/;
function verb(f) {
    const m = VERB.exec(f.message);
    return m?.[1] ?? m?.[2];
}
/**
 * An export the diff adds, removes or changes (`EXPORT_SYMBOL(free_uid)` added) is named twice in
 * exact mode: by the mapper from the diff's text, and by the object comparison from the patched
 * build's `__ksymtab_free_uid`. A reviewer needs it once: the object's finding is dropped where
 * the mapper's names the same symbol the same way (every set), and the mapper's says the build
 * agrees. One the mapper did not see (an export a macro of a header writes) stays.
 */
function foldExportEchoes(source, objects) {
    const said = new Map();
    for (const f of source)
        if (f.kind === 'export-change' && f.severity === 'unresolved' && f.functions?.length === 1)
            said.set(`${f.functions[0]}\0${verb(f)}`, f);
    const confirmed = new Map();
    const rest = [];
    for (const f of objects) {
        const name = f.kind === 'export-change' && f.functions?.length === 1 ? f.functions[0] : undefined;
        const twin = name === undefined ? undefined : said.get(`${name}\0${verb(f)}`);
        if (!twin || !f.set) {
            rest.push(f);
            continue;
        }
        const sets = confirmed.get(twin) ?? new Set();
        sets.add(f.set);
        confirmed.set(twin, sets);
    }
    return {
        source: source.map(f => {
            const sets = confirmed.get(f);
            if (!sets)
                return f;
            const which = [...sets].sort().join(', ');
            return { ...f, message: `${f.message} (the patched build's export table agrees: ${which})` };
        }),
        objects: rest
    };
}

const NO_LOCAL_DEFINES = new Set();
/**
 * Decides a livepatch entry's `#if` against the `.config` of every dump set: declared only when
 * each build compiles it in, dropped when none does. One declaration list serves all sets, so a
 * set without a `.config`, or builds that disagree, leave it undecided (counted, with a warning).
 * Undefined when no set has a `.config`.
 */
function setsConditionEvaluator(configs) {
    if (configs.length === 0 || configs.some(c => c === undefined))
        return undefined;
    const envs = configs.map(c => kconfigEnv(c, NO_LOCAL_DEFINES));
    return condition => {
        let yes = 0;
        let no = 0;
        for (const env of envs) {
            let v;
            try {
                v = evaluateCondition(condition, env);
            }
            catch {
                v = null;
            }
            if (v === null)
                return undefined;
            if (v !== 0)
                yes++;
            else
                no++;
        }
        return no === 0 ? true : yes === 0 ? false : undefined;
    };
}

/**
 * Every symbol and `.c` file `analyze` (and the review tier's source search) will ask the dump sets
 * about, for the same changes: load the sets with it and they keep only the dumps that matter.
 */
function analysisFocus(changes, mapped, sourceOf, 
/** Declared names too: their same-name copies are counted for `old_sympos`. */
declared = []) {
    const names = new Set(declared);
    const files = new Set();
    const addFile = (file) => {
        if (file?.endsWith('.c'))
            files.add(file);
    };
    for (const fn of mapped.changed) {
        names.add(fn.name);
        for (const s of fn.symbols)
            names.add(s);
        addFile(fn.file);
    }
    // Every changed `.c` the mapper read: its dumps are checked against its functions' lines
    // (staleness/dump-lines.ts), whether or not a function of it changed.
    for (const file of mapped.preFunctions.keys())
        addFile(file);
    for (const f of lineShiftFindings(changes, mapped, sourceOf)) {
        for (const n of f.functions ?? [])
            names.add(n);
        addFile(f.file);
    }
    return { names, files };
}
/** The whole analysis, from loaded data to the report: pure and deterministic. */
function analyze(input) {
    const { mapped } = input;
    const impactOf = makeImpact({
        parser: input.parser,
        changes: input.changes,
        mapped,
        sourceOf: input.sourceOf,
        ...(input.sourceStatus ? { sourceStatus: input.sourceStatus } : {})
    });
    const impacts = input.sets.map(entry => impactOf({
        label: entry.set.label,
        tus: entry.set.tus(),
        deps: entry.deps,
        config: entry.config,
        scripts: entry.scripts
    }));
    const readers = input.sets.map(e => ({ label: e.set.label, tus: e.set.tus(), deps: e.deps }));
    const postOf = (path) => input.changes.find(c => c.path === path)?.newText;
    // A mapper finding an impact answers is replaced, when every set could answer it.
    const superseded = (f) => impacts.length > 0 && impacts.every(i => i.superseded.has(f));
    const findings = [
        ...input.findings,
        ...mapped.findings
            .filter(f => !superseded(f))
            .map(f => judgeIncludeByReaders(f, readers, input.sourceOf, postOf)),
        ...withContainers(lineShiftFindings(input.changes, mapped, input.sourceOf), input.sets),
        ...impacts.flatMap(i => i.findings)
    ];
    const changedTexts = new Map();
    for (const change of input.changes) {
        if (change.oldText !== null)
            changedTexts.set(change.path, change.oldText);
    }
    const search = makeCallerSearch({
        parser: input.parser,
        changed: changedTexts,
        sourceOf: input.sourceOf
    });
    const callersOf = input.wrapCallerSearch ? input.wrapCallerSearch(search) : search;
    const affected = [];
    const changed = sortChanged([...mapped.changed, ...impacts.flatMap(i => i.targets)]);
    const targets = sortChanged(mapped.changed).filter(c => c.change !== 'added');
    const changedPaths = new Set(input.changes.map(c => c.path));
    const codePaths = codeChangingFiles(changedPaths, changed, findings);
    for (const [si, entry] of input.sets.entries()) {
        append(findings, entry.set.findings);
        for (const f of entry.findings)
            findings.push(judgeUnheld(judgeNoDumpByEffect(f, entry.deps, changedPaths, codePaths), entry.unheld));
        const others = input.sets.filter(s => s !== entry);
        const options = {
            objectOf: entry.objectOf,
            callersOf,
            symbolInfo: entry.symbols ? (o, tu, n) => entry.symbols?.lookup(o, tu, n) : undefined,
            objects: entry.objects,
            functionFiles: entry.symbols ? (o, n) => entry.symbols?.functionFiles(o, n) : undefined,
            tuBuiltElsewhere: tu => others.some(s => s.set.hasTu(tu)),
            tusReading: entry.deps ? file => entry.deps?.tusSeeing(file) ?? [] : undefined,
            newCalls: mapped.newCalls
        };
        const label = entry.set.label;
        const built = targets.filter(c => !c.notBuiltIn?.includes(label));
        for (const c of targets.filter(c => c.notBuiltIn?.includes(label))) {
            findings.push({
                kind: 'not-built',
                severity: 'info',
                set: label,
                file: c.file,
                line: c.line,
                functions: [c.name],
                message: `${c.name}: every changed line of it is compiled out in set ${label} (its .config): nothing changes there`
            });
        }
        // A header change reaches functions per set (its TUs see different headers).
        const result = computeAffected(entry.set, [...built, ...impacts[si].targets], options);
        append(affected, result.affected);
        for (const f of result.findings)
            findings.push(compiledOutTu(f, entry, input.sourceOf));
        const layout = layoutEntries(entry.set, impacts[si].layout, options);
        append(affected, layout.affected);
        append(findings, layout.findings);
    }
    let exact;
    if (input.exact) {
        const added = new Set(changed.filter(c => c.change === 'added').flatMap(c => c.symbols));
        const own = new Set(changed.filter(c => c.change !== 'modified').flatMap(c => c.symbols));
        const merged = mergeExact(affected, input.exact, input.sets, added);
        affected.length = 0;
        append(affected, merged.affected);
        const settled = settleByObjects(findings, input.exact, input.sets.map(s => {
            const scripts = scriptUnitsOf({ tus: s.set.tus(), scripts: s.scripts, config: s.config }, input.sourceOf);
            return {
                label: s.set.label,
                readers: (file) => (s.deps?.complete() ? s.deps.tusSeeing(file) : undefined),
                linkers: (file) => scripts
                    .seeing(file)
                    .filter(u => u.kind === 'linker-script')
                    .map(u => u.target)
            };
        }), own, new Set(merged.affected.filter(a => a.exact === 'found').map(a => `${a.set}\0${a.tu}`)));
        const folded = foldExportEchoes(settled, merged.findings);
        findings.length = 0;
        append(findings, folded.source);
        append(findings, folded.objects);
        exact = merged.summary;
    }
    // After the objects settle what they can: a dump of other source is a doubt no object removes.
    append(findings, staleDumpFindings([
        ...input.sets.map(s => ({
            set: s.set,
            side: 'pre',
            functions: mapped.preFunctions
        })),
        ...(input.exact ?? []).flatMap(e => e.post ? [{ set: e.post, side: 'post', functions: mapped.postFunctions }] : [])
    ]));
    const read = input.declarations
        ? readDeclarations(input.declarations, setsConditionEvaluator(input.sets.map(s => s.config)))
        : undefined;
    append(findings, judgePatchability({
        affected,
        changed,
        changedTexts,
        parser: input.parser,
        sourceOf: input.sourceOf,
        declared: read?.declared ?? [],
        untraced: (set, tu) => input.sets.some(s => s.set.label === set && s.untraced?.has(tu))
    }));
    let coverage = null;
    if (read && input.declarations && input.declarations.length > 0) {
        append(findings, read.findings);
        coverage = computeCoverage(affected, read.declared, findings, makeCopiesOf(input.sets.map(s => ({ set: s.set, objectOf: s.objectOf, symbols: s.symbols })), affected));
    }
    const sorted = sortFindings(findings);
    const verdict = evaluatePolicy(input.policy, affected, coverage, sorted);
    return {
        schemaVersion: 1,
        tool: { name: 'klp-affected', version: input.version },
        sets: input.sets.map(summarize),
        changed,
        affected,
        coverage,
        findings: sorted,
        policy: input.policy,
        result: verdict.result,
        reasons: verdict.reasons,
        ...(exact ? { exact } : {})
    };
}
/** A TU without a dump whose Makefile line the set's .config switches off is not built: info. */
function compiledOutTu(f, entry, sourceOf) {
    if (f.kind !== 'not-built' || f.severity !== 'unresolved' || !f.file || !entry.config)
        return f;
    const reason = tuCompiledOut(f.file, entry.config, sourceOf);
    if (reason === undefined)
        return f;
    return {
        ...f,
        severity: 'info',
        message: `${f.file} is not built in set ${entry.set.label}: compiled out: ${reason}`
    };
}
/** A line-shifted function inlined elsewhere shifts its containers too (vfs_read in the validation). */
function withContainers(findings, sets) {
    for (const f of findings) {
        const names = new Set(f.functions);
        for (const name of f.functions ?? []) {
            for (const { set } of sets) {
                for (const a of explainSymbol(set, name, f.file).affected)
                    names.add(a.name);
            }
        }
        f.functions = [...names].sort(cmp);
    }
    return findings;
}
const SEVERITY_RANK = { unresolved: 0, warning: 1, info: 2 };
/**
 * Notes learnt once the report was made (a cache that could not be saved), in their sorted place.
 * Info only: a note never changes the verdict, which was judged without it.
 */
function withNotes(report, notes) {
    if (notes.length === 0)
        return report;
    if (notes.some(n => n.severity !== 'info'))
        throw new Error('withNotes takes info notes only');
    return { ...report, findings: sortFindings([...report.findings, ...notes]) };
}
function sortFindings(findings) {
    return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        cmp(a.set ?? '', b.set ?? '') ||
        cmp(a.file ?? '', b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        cmp(a.kind, b.kind) ||
        cmp(a.message, b.message));
}
/** One entry per function even when a patch series changes it in several steps. */
function sortChanged(changed) {
    const merged = new Map();
    for (const c of changed) {
        const key = `${c.file}\0${c.name}`;
        const known = merged.get(key);
        if (!known)
            merged.set(key, { ...c, hunks: [...c.hunks] });
        else {
            append(known.hunks, c.hunks);
            // Added by one step and modified by a later one is still new code.
            if (known.change !== c.change && c.change === 'removed')
                known.change = 'removed';
        }
    }
    return [...merged.values()].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.name, b.name));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** `store` over `folder`, with the folder's flush and counts. */
function keyedCache(folder, store) {
    return {
        store,
        flush: () => folder.flush(),
        get hits() {
            return folder.hits;
        },
        get made() {
            return folder.made;
        }
    };
}
function sha256(text) {
    return createHash('sha256').update(text).digest('hex');
}
/**
 * Bodies kept in `dir/<folder>/<engine>/`, one file per key (a hex digest of what the body was
 * made from). `engine` names the code that makes the bodies: it changes, the folder changes, and
 * another engine's bodies are never read (the older folders are removed when this one is
 * written). A file is a line with its engine, its key and its body's digest, then the body: a cut,
 * edited or misplaced file, or one whose body the reader refuses (a `set` after a `get`), is a
 * miss, counted in a note, and written again.
 */
function openKeyedFolder(dir, folder, engine, words) {
    const { what, again } = words;
    const note = (message) => ({
        kind: 'parse-cache',
        severity: 'info',
        message: `${words.cache}: ${message}`
    });
    const root = join(dir, folder);
    const here = join(root, engine);
    const magic = `klp-affected ${what.replace(/ /g, '-')}`;
    const pending = new Map();
    /** Keys answered from a file: a `set` of one means the reader refused what the file held. */
    const answered = new Set();
    let damaged = 0;
    const fileOf = (key) => join(here, key.slice(0, 2), key);
    const header = (key, body) => `${magic} ${engine} ${key} ${sha256(body)}\n`;
    return {
        get(key) {
            const raw = readEntry(fileOf(key));
            if (raw === undefined)
                return undefined;
            const cut = raw === false ? -1 : raw.indexOf('\n');
            const body = raw === false ? '' : raw.slice(cut + 1);
            if (raw === false || cut < 0 || raw.slice(0, cut + 1) !== header(key, body)) {
                damaged++;
                return undefined;
            }
            answered.add(key);
            return body;
        },
        set(key, body) {
            if (answered.delete(key))
                damaged++;
            pending.set(key, body);
        },
        get hits() {
            return answered.size;
        },
        get made() {
            return pending.size;
        },
        flush() {
            const findings = [];
            if (damaged > 0)
                findings.push(note(`${damaged} cached ${what}(s) in ${here} were damaged: ${again}`));
            if (pending.size === 0)
                return findings;
            let failed = 0;
            let first = '';
            for (const [key, body] of pending) {
                const file = fileOf(key);
                // Renamed into place: a concurrent run reads the old file or the whole new one.
                const tmp = `${file}.${process.pid}.tmp`;
                try {
                    mkdirSync(join(file, '..'), { recursive: true });
                    writeFileSync(tmp, header(key, body) + body);
                    renameSync(tmp, file);
                }
                catch (error) {
                    if (failed++ === 0)
                        first = error.message;
                    removeQuietly(tmp);
                }
            }
            const total = pending.size;
            pending.clear();
            if (failed > 0) {
                findings.push(note(`${failed} of ${total} ${what}(s) could not be written to ${here}: ${first}`));
                return findings;
            }
            try {
                for (const old of readdirSync(root))
                    if (old !== engine)
                        rmSync(join(root, old), { recursive: true, force: true });
            }
            catch (error) {
                findings.push(note(`older ${what}s in ${root} could not be removed: ${error.message}`));
            }
            return findings;
        }
    };
}
/** A temporary file left by a failed write, if any (where the folder was not made, none is). */
function removeQuietly(file) {
    try {
        rmSync(file, { force: true });
    }
    catch {
        // Nothing was written there.
    }
}
/**
 * An entry's text; undefined when there is none; false when something else is there (a folder,
 * a FIFO, which a plain read would wait on forever) or it cannot be read.
 */
function readEntry(file) {
    let fd;
    try {
        fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    }
    catch (error) {
        // No entry; or no folder for it (a file in its place: the write that follows says so).
        const code = error.code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : false;
    }
    try {
        return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : false;
    }
    catch {
        return false;
    }
    finally {
        closeSync(fd);
    }
}

/** The folder under the cache folder (`--index-cache`) that holds the parses. */
const PARSES_FOLDER = 'parses';
/**
 * Parses kept in `dir/parses/<engine>/` (see openKeyedFolder), one file per source text, named by
 * the text's SHA-256. `engine` is the tool's version, the locator's schema and the digest of the
 * parser's code (both wasm files and the bundle).
 */
function openParseCache(dir) {
    const engine = sha256(`${VERSION}\n${PARSE_CACHE_SCHEMA}\n${parserDigest()}`).slice(0, 16);
    const folder = openKeyedFolder(dir, PARSES_FOLDER, engine, {
        what: 'parse',
        cache: 'parse cache',
        again: 'the files were parsed again'
    });
    // The locator stores a text right after asking for it (a miss): its digest is not made twice.
    let asked = { text: '', key: sha256('') };
    const keyOf = (text) => text === asked.text ? asked.key : (asked = { text, key: sha256(text) }).key;
    return keyedCache(folder, {
        get: text => folder.get(keyOf(text)),
        set: (text, stored) => folder.set(keyOf(text), stored)
    });
}

/** Characters of new graphs one run keeps for the folder, in all its sets. */
const MAX_PENDING = 64 * 1024 * 1024;
/** The folder under the cache folder (`--index-cache`) that holds the dump graphs. */
const GRAPHS_FOLDER = 'graphs';
/**
 * Dump graphs kept in `dir/graphs/<engine>/` (see openKeyedFolder), one file per dump, named by
 * the SHA-256 of the dump's bytes that the scan index gives (base64 there, hex here). `engine` is
 * the tool's version and the graph schema.
 */
function openGraphCache(dir) {
    const engine = sha256(`${VERSION}\n${GRAPH_CACHE_SCHEMA}`).slice(0, 16);
    const folder = openKeyedFolder(dir, GRAPHS_FOLDER, engine, {
        what: 'dump graph',
        cache: 'graph cache',
        again: 'the dumps were read again'
    });
    let pending = 0;
    return keyedCache(folder, {
        get: digest => {
            const key = hexOf(digest);
            return key === undefined ? undefined : folder.get(key);
        },
        set: (digest, stored) => {
            const key = hexOf(digest);
            // Held until the run saves them: a header inline's thousands of TUs at distribution
            // scale, in every set of the run, would otherwise hold every graph.
            if (key === undefined || pending + stored.length > MAX_PENDING)
                return;
            pending += stored.length;
            folder.set(key, stored);
        }
    });
}
/** A SHA-256 given in base64 (the scan index's), in hex; undefined for anything else. */
function hexOf(digest) {
    if (!/^[A-Za-z0-9+/]{43}=$/.test(digest))
        return undefined;
    return Buffer.from(digest, 'base64').toString('hex');
}

var parseDiff$1;
var hasRequiredParseDiff;

function requireParseDiff () {
	if (hasRequiredParseDiff) return parseDiff$1;
	hasRequiredParseDiff = 1;
	parseDiff$1=n=>{if(!n)return [];if(typeof n!="string"||n.match(/^\s+$/))return [];const s=n.split(`
`);if(s.length===0)return [];const a=[];let o=null,d=null,u=0,m=0,l=null;const g=e=>{d?.changes.push({type:"normal",normal:true,ln1:u++,ln2:m++,content:e}),l.oldLines--,l.newLines--;},p=e=>{const[t,r]=parseFiles(e)??[];o={chunks:[],deletions:0,additions:0,from:t,to:r},a.push(o);},i=()=>{(!o||o.chunks.length)&&p();},$=(e,t)=>{i(),o.new=true,o.newMode=t[1],o.from="/dev/null";},N=(e,t)=>{i(),o.deleted=true,o.oldMode=t[1],o.to="/dev/null";},x=(e,t)=>{i(),o.oldMode=t[1];},F=(e,t)=>{i(),o.newMode=t[1];},S=(e,t)=>{i(),o.index=e.split(" ").slice(1),t[1]&&(o.oldMode=o.newMode=t[1].trim());},k=e=>{i(),o.from=parseOldOrNewFile(e);},y=e=>{i(),o.to=parseOldOrNewFile(e);},f=e=>+(e||1),M=(e,t)=>{o||p(e);const[r,c,w,L]=t.slice(1);u=+r,m=+w,d={content:e,changes:[],oldStart:+r,oldLines:f(c),newStart:+w,newLines:f(L)},l={oldLines:f(c),newLines:f(L)},o.chunks.push(d);},R=e=>{d&&(d.changes.push({type:"del",del:true,ln:u++,content:e}),o.deletions++,l.oldLines--);},b=e=>{d&&(d.changes.push({type:"add",add:true,ln:m++,content:e}),o.additions++,l.newLines--);},h=e=>{if(!d)return;const[t]=d.changes.slice(-1);d.changes.push({type:t.type,[t.type]:true,ln1:t.ln1,ln2:t.ln2,ln:t.ln,content:e});},_=[[/^diff\s/,p],[/^new file mode (\d+)$/,$],[/^deleted file mode (\d+)$/,N],[/^old mode (\d+)$/,x],[/^new mode (\d+)$/,F],[/^index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(\s(\d+))?$/,S],[/^---\s/,k],[/^\+\+\+\s/,y],[/^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/,M],[/^\\ No newline at end of file$/,h]],v=[[/^\\ No newline at end of file$/,h],[/^-/,R],[/^\+/,b],[/^\s*/,g]],C=e=>{for(const[t,r]of v){const c=e.match(t);if(c){r(e,c);break}}l.oldLines===0&&l.newLines===0&&(l=null);},H=e=>{for(const[t,r]of _){const c=e.match(t);if(c){r(e,c);break}}},O=e=>{l?C(e):H(e);};for(const e of s)O(e);return a};const fileNameDiffRegex=/(a|i|w|c|o|1|2)\/.*(?=["']? ["']?(b|i|w|c|o|1|2)\/)|(b|i|w|c|o|1|2)\/.*$/g,gitFileHeaderRegex=/^(a|b|i|w|c|o|1|2)\//,parseFiles=n=>n?.match(fileNameDiffRegex)?.map(a=>a.replace(gitFileHeaderRegex,"").replace(/("|')$/,"")),qoutedFileNameRegex=/^\\?['"]|\\?['"]$/g,parseOldOrNewFile=n=>{let s=leftTrimChars(n,"-+").trim();return s=removeTimeStamp(s),s.replace(qoutedFileNameRegex,"").replace(gitFileHeaderRegex,"")},leftTrimChars=(n,s)=>{if(n=makeString(n),!s);const a=formTrimmingString(s);return n.replace(new RegExp(`^${a}+`),"")},timeStampRegex=/\t.*|\d{4}-\d\d-\d\d\s\d\d:\d\d:\d\d(.\d+)?\s(\+|-)\d\d\d\d/,removeTimeStamp=n=>{const s=timeStampRegex.exec(n);return s&&(n=n.substring(0,s.index).trim()),n},formTrimmingString=n=>n instanceof RegExp?n.source:`[${makeString(n).replace(/([.*+?^=!:${}()|[\]/\\])/g,"\\$1")}]`,makeString=n=>`${n??""}`;
	return parseDiff$1;
}

var parseDiffExports = requireParseDiff();
var parseDiff = /*@__PURE__*/getDefaultExportFromCjs(parseDiffExports);

/**
 * `\ No newline at end of file` says the line before it has no newline. Written as a hunk's first
 * body line it follows no line, and parse-diff 0.12 then reads the type of a change that does not
 * exist and throws a TypeError. The marker is no line of either side (the hunk header does not
 * count it), so dropping it there changes nothing the hunk says; the diff is still damaged, and a
 * warning says so.
 */
const ORPHAN = /^(@@[^\n]*\n)\\ No newline at end of file\r?\n/gm;
/** The diff text without orphan markers; pushes one `diff-unparsed` warning when there were any. */
function withoutOrphanNoNewline(text, findings) {
    if (!text.includes('\\ No newline at end of file'))
        return text;
    let count = 0;
    let firstLine = 0;
    const out = text.replace(ORPHAN, (_m, header, offset) => {
        // The marker is the line after the header the match starts with.
        if (count++ === 0)
            firstLine = lineAt(text, offset) + 1;
        return header;
    });
    if (count > 0)
        findings.push({
            kind: 'diff-unparsed',
            severity: 'warning',
            message: `the diff has ${count} "\\ No newline at end of file" marker(s) right after a hunk header ` +
                `(first at line ${firstLine} of the diff), where they mark no line: ignored`,
            line: firstLine
        });
    return out;
}
/** 1-based line of `offset`. */
function lineAt(text, offset) {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}

/**
 * Whether a `---`/`+++` line carries the epoch as its time: `diff -N` writes a missing file (a new
 * one on the old side, a deleted one on the new side) as empty, dated 1970-01-01 in the local zone.
 */
function epochDated(rest) {
    const m = /(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d+)? ([+-])(\d\d)(\d\d)\s*$/.exec(rest);
    if (!m)
        return false;
    const local = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
    const offset = (m[7] === '-' ? -1 : 1) * (+m[8] * 60 + +m[9]) * 60000;
    return local - offset === 0;
}
/** A `---`/`+++` path as written: timestamp (diff -u) and quotes removed; null for /dev/null. */
function headerPath(rest) {
    let p = rest.replace(/\t.*$/, '');
    p = p.replace(/\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4}$/, '').trim();
    p = p.replace(/^"(.*)"$/, '$1');
    return p === '/dev/null' ? null : p;
}
/**
 * File headers in the order parse-diff creates its file records (a new record on `diff `, or on
 * a header line once the current record has hunks), with hunk bodies skipped by their counts so a
 * `--- ` line inside a hunk is never read as a header. parse-diff itself drops `a/`/`b/`
 * prefixes, which would make the strip level ambiguous; these keep the paths as written.
 */
function rawFiles(text) {
    const files = [];
    let cur = null;
    let oldLeft = 0;
    let newLeft = 0;
    // Per file: the sides dated at the epoch, and whether every hunk left that side empty (0,0).
    const missing = new Map();
    const open = () => {
        const f = { oldPath: null, newPath: null, binary: false, hunks: 0 };
        files.push(f);
        missing.set(f, { old: false, new: false });
        return f;
    };
    for (const line of text.split('\n')) {
        if (oldLeft > 0 || newLeft > 0) {
            if (line.startsWith('\\'))
                continue;
            if (line.startsWith('-'))
                oldLeft--;
            else if (line.startsWith('+'))
                newLeft--;
            else {
                oldLeft--;
                newLeft--;
            }
            continue;
        }
        let m;
        if (line.startsWith('diff ')) {
            cur = open();
            m = /^diff --git (?:"([^"]+)"|(\S+)) (?:"([^"]+)"|(\S+))$/.exec(line);
            if (m) {
                cur.oldPath = m[1] ?? m[2];
                cur.newPath = m[3] ?? m[4];
            }
            else {
                // `diff -Nupr old new`: the last two words.
                const words = line.split(/\s+/);
                if (words.length >= 3) {
                    cur.oldPath = words[words.length - 2];
                    cur.newPath = words[words.length - 1];
                }
            }
        }
        else if (/^(---|\+\+\+)\s/.test(line)) {
            if (!cur || cur.hunks > 0)
                cur = open();
            const side = missing.get(cur);
            if (line.startsWith('---')) {
                cur.oldPath = headerPath(line.slice(4));
                if (side)
                    side.old = epochDated(line.slice(4));
            }
            else {
                cur.newPath = headerPath(line.slice(4));
                if (side)
                    side.new = epochDated(line.slice(4));
            }
        }
        else if ((m = /^@@\s+-(\d+)(?:,(\d+))?\s+\+(\d+)(?:,(\d+))?\s@@/.exec(line))) {
            cur ??= open();
            cur.hunks++;
            oldLeft = m[2] === undefined ? 1 : Number(m[2]);
            newLeft = m[4] === undefined ? 1 : Number(m[4]);
            const side = missing.get(cur);
            if (side && (m[1] !== '0' || oldLeft !== 0))
                side.old = false;
            if (side && (m[3] !== '0' || newLeft !== 0))
                side.new = false;
        }
        else if (cur && (/^Binary files .* differ$/.test(line) || line === 'GIT binary patch')) {
            cur.binary = true;
        }
        else if (cur && /^new file mode /.test(line)) {
            cur.oldPath = null;
        }
        else if (cur && /^deleted file mode /.test(line)) {
            cur.newPath = null;
        }
    }
    return files.map(f => {
        // An epoch-dated side every hunk leaves empty is a file `diff -N` did not find there.
        const side = missing.get(f);
        const gone = (yes) => yes === true && f.hunks > 0;
        return {
            oldPath: gone(side?.old) ? null : f.oldPath,
            newPath: gone(side?.new) ? null : f.newPath,
            binary: f.binary
        };
    });
}
/** Drops `strip` leading components, like `patch -p<strip>`. */
function stripPath(path, strip) {
    const parts = path.replace(/^\.\//, '').split('/');
    return parts.slice(Math.min(strip, parts.length - 1)).join('/');
}
/** Every path the patch names, as written (no /dev/null), in order of appearance. */
function rawPatchPaths(text) {
    const seen = new Set();
    for (const f of rawFiles(text)) {
        for (const p of [f.oldPath, f.newPath])
            if (p !== null)
                seen.add(p);
    }
    return [...seen];
}
/** Strip level that makes the most paths exist (exists() from the caller); for git a/ b/ prefixes it is 1. */
function detectStrip(rawPaths, exists) {
    const maxDepth = maxOf(rawPaths.map(p => p.split('/').length - 1), 0);
    let best = -1;
    let bestCount = 0;
    for (let s = 0; s <= Math.min(maxDepth, 6); s++) {
        const count = rawPaths.filter(p => exists(stripPath(p, s))).length;
        if (count > bestCount) {
            best = s;
            bestCount = count;
        }
    }
    if (best >= 0)
        return best;
    // Nothing exists (no tree given): git and `diff -Nupr a/ b/` both want one level off.
    return rawPaths.length > 0 && rawPaths.every(p => p.includes('/')) ? 1 : 0;
}
function toHunk(chunk) {
    const lines = [];
    for (const c of chunk.changes) {
        // parse-diff keeps `\ No newline at end of file` as a change; it is no line of either side.
        if (c.content.startsWith('\\'))
            continue;
        const text = c.content.slice(1);
        if (c.type === 'add')
            lines.push({ type: 'add', text, newLine: c.ln });
        else if (c.type === 'del')
            lines.push({ type: 'del', text, oldLine: c.ln });
        else
            lines.push({ type: 'ctx', text, oldLine: c.ln1, newLine: c.ln2 });
    }
    return {
        oldStart: chunk.oldStart,
        oldLines: chunk.oldLines,
        newStart: chunk.newStart,
        newLines: chunk.newLines,
        lines
    };
}
/** Parses git diff / format-patch (several patches in one mbox too) / diff -Nupr output via parse-diff. Paths are returned as written minus the strip level (`strip` leading components, like patch -p). */
function parsePatch(text, strip) {
    const findings = [];
    const parsed = parseDiff(withoutOrphanNoNewline(text, findings));
    const raw = rawFiles(text);
    const aligned = raw.length === parsed.length;
    if (!aligned && parsed.length > 0) {
        findings.push({
            kind: 'diff-unparsed',
            severity: 'warning',
            message: `file headers (${raw.length}) and parsed files (${parsed.length}) disagree; paths taken from parse-diff`
        });
    }
    const files = parsed.map((f, i) => {
        const r = aligned ? raw[i] : undefined;
        const fallback = (p) => p === undefined || p === '/dev/null' ? null : p;
        const oldRaw = r ? r.oldPath : fallback(f.from);
        const newRaw = r ? r.newPath : fallback(f.to);
        return {
            oldPath: f.new ? null : oldRaw === null ? null : stripPath(oldRaw, aligned ? strip : 0),
            newPath: f.deleted ? null : newRaw === null ? null : stripPath(newRaw, aligned ? strip : 0),
            hunks: f.chunks.map(toHunk),
            binary: r?.binary ?? false
        };
    });
    append(append(findings, malformedHunks(text)), hunkCountMismatches(files));
    for (const f of files) {
        if (f.hunks.length === 0 && !f.binary && f.oldPath !== null && f.newPath !== null) {
            if (f.oldPath === f.newPath) {
                findings.push({
                    kind: 'diff-unparsed',
                    severity: 'unresolved',
                    file: f.newPath,
                    message: `the diff names ${f.newPath} but holds no hunk for it (truncated or malformed diff?)`
                });
            }
        }
    }
    if (files.length === 0 && text.trim() !== '') {
        findings.push({
            kind: 'diff-unparsed',
            severity: 'unresolved',
            message: 'no file changes found in the diff (not a unified diff?)'
        });
    }
    return { files, findings };
}
function splitLines(text) {
    const finalNewline = text.endsWith('\n');
    const body = finalNewline ? text.slice(0, -1) : text;
    return { lines: body === '' ? [] : body.split('\n'), finalNewline };
}
/** Rebuilds the other side of a file from one side + its hunks; null (never throw) when the hunks don't apply (context mismatch). */
function applyHunks(oldText, hunks) {
    const { lines, finalNewline } = splitLines(oldText);
    const out = [];
    let next = 0;
    for (const h of [...hunks].sort((a, b) => a.oldStart - b.oldStart)) {
        // An empty old side (`-0,0` or `-N,0`) inserts after line N.
        const at = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
        if (at < next || at > lines.length)
            return null;
        append(out, lines.slice(next, at));
        let i = at;
        for (const l of h.lines) {
            if (l.type === 'add') {
                out.push(l.text);
                continue;
            }
            if (i >= lines.length || lines[i].replace(/\r$/, '') !== l.text.replace(/\r$/, ''))
                return null;
            if (l.type === 'ctx')
                out.push(lines[i]);
            i++;
        }
        next = i;
    }
    append(out, lines.slice(next));
    if (out.length === 0)
        return '';
    // The trailing newline is kept as the input had it; `\ No newline` markers are not tracked.
    return out.join('\n') + (finalNewline ? '\n' : '');
}
/** The hunk read backwards: the post image to the pre image. */
function reversed(h) {
    return {
        oldStart: h.newStart,
        oldLines: h.newLines,
        newStart: h.oldStart,
        newLines: h.oldLines,
        lines: h.lines.map(l => ({
            type: l.type === 'add' ? 'del' : l.type === 'del' ? 'add' : 'ctx',
            text: l.text,
            oldLine: l.newLine,
            newLine: l.oldLine
        }))
    };
}
function reverseHunks(newText, hunks) {
    return applyHunks(newText, hunks.map(reversed));
}
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/;
/**
 * parse-diff skips what it cannot read without a word: a garbled hunk header, or a combined diff
 * (`diff --cc`, `@@@`) of a merge. Each is a change nobody looked at.
 */
function malformedHunks(text) {
    const findings = [];
    let lineNo = 0;
    // Lines a hunk header still promises; -1 outside hunks. A `+`/`-` line after a hunk ended and
    // before the next header is a change parse-diff drops (the header's counts are too small).
    let olds = -1;
    let news = -1;
    let strayReported = false;
    for (const line of text.split('\n')) {
        lineNo++;
        const header = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
        if (header) {
            olds = header[1] === undefined ? 1 : Number(header[1]);
            news = header[2] === undefined ? 1 : Number(header[2]);
            strayReported = false;
        }
        else if (olds > 0 || news > 0) {
            const c = line[0];
            if (c === ' ' || c === '' || c === undefined) {
                olds--;
                news--;
            }
            else if (c === '-')
                olds--;
            else if (c === '+')
                news--;
            else if (c !== '\\')
                olds = news = -1;
        }
        else if (olds === 0 && news === 0) {
            const stray = (line.startsWith('+') && !line.startsWith('+++ ')) ||
                (line.startsWith('-') && !line.startsWith('--- ') && line !== '-- ' && line !== '--');
            if (stray && !strayReported) {
                strayReported = true;
                findings.push({
                    kind: 'diff-unparsed',
                    severity: 'unresolved',
                    line: lineNo,
                    message: `line ${lineNo} of the diff changes a line after its hunk ended (the hunk header's counts are too small): that change is not read`
                });
            }
            else if (!stray && !line.startsWith(' '))
                olds = news = -1;
        }
        const combined = line.startsWith('diff --cc ') || line.startsWith('diff --combined ');
        const garbled = line.startsWith('@@') && !combined && !HUNK_HEADER.test(line);
        if (combined || garbled) {
            findings.push({
                kind: 'diff-unparsed',
                severity: 'unresolved',
                line: lineNo,
                message: combined
                    ? `line ${lineNo} of the diff starts a combined (merge) diff, which is not read: give the fix as a plain unified diff`
                    : `line ${lineNo} of the diff is not a valid hunk header: ${line.slice(0, 80)}`
            });
        }
    }
    return findings;
}
/** A hunk whose line counts disagree with its body was cut or edited by hand: its lines are not trusted. */
function hunkCountMismatches(files) {
    const findings = [];
    for (const f of files) {
        for (const h of f.hunks) {
            const olds = h.lines.filter(l => l.type !== 'add').length;
            const news = h.lines.filter(l => l.type !== 'del').length;
            if (olds !== h.oldLines || news !== h.newLines) {
                findings.push({
                    kind: 'diff-unparsed',
                    severity: 'unresolved',
                    file: f.newPath ?? f.oldPath ?? undefined,
                    line: h.newStart,
                    message: `hunk @@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@ has ${olds} old and ${news} new lines: the diff is truncated or was edited by hand`
                });
            }
        }
    }
    return findings;
}

/**
 * Lines the fix leaves alone but whose `#if` conditions it changes (an `#ifdef` added around them,
 * an `#endif` moved past them): pairs of old and new line numbers. A line's conditions are compared
 * as each build decides them, so a changed `#if` that moves nothing in or out of any build gives
 * no pair. Blank lines and directives, which compile to nothing, are skipped.
 */
/** A `#define` or `#undef` line, with the macro's name. */
const DEFINITION = /^[ \t]*#[ \t]*(?:define|undef)[ \t]+([A-Za-z_]\w*)/;
function linesMovedInOrOut(hunks, pre, post) {
    const moved = [];
    const check = (oldLine, newLine) => {
        const code = pre.uncommented[oldLine - 1] ?? '';
        // Directives do not move, but a `#define` or `#undef` that does changes what its macro is.
        if (code.trim() === '' || (/^[ \t]*#/.test(code) && !DEFINITION.test(code)))
            return;
        if (pre.view.key(oldLine) !== post.view.key(newLine))
            moved.push({ oldLine, newLine });
    };
    let oldNext = 1;
    let delta = 0;
    const sorted = [...hunks].sort((a, b) => a.oldStart - b.oldStart);
    for (const h of sorted) {
        const start = h.oldLines === 0 ? h.oldStart + 1 : h.oldStart;
        for (let n = oldNext; n < start; n++)
            check(n, n + delta);
        for (const l of h.lines) {
            if (l.type === 'ctx' && l.oldLine !== undefined && l.newLine !== undefined)
                check(l.oldLine, l.newLine);
        }
        oldNext = start + h.oldLines;
        const newNext = (h.newLines === 0 ? h.newStart + 1 : h.newStart) + h.newLines;
        delta = newNext - oldNext;
    }
    for (let n = oldNext; n <= pre.uncommented.length; n++)
        check(n, n + delta);
    return moved;
}

/**
 * `compiled out: ...` when no build compiles the changed `.c`: every set has a `.config` whose
 * kbuild line for it is off, and no set has a dump for it. Its hunks then change nothing.
 */
function fileCompiledOut(path, builds, sourceOf) {
    if (!path.endsWith('.c') || builds.length === 0 || !sourceOf)
        return undefined;
    const parts = [];
    for (const b of builds) {
        if (!b.config || b.hasTu?.(path) !== false)
            return undefined;
        const reason = tuCompiledOut(path, b.config, sourceOf);
        if (reason === undefined)
            return undefined;
        parts.push(`${reason} in set ${b.label}`);
    }
    return `compiled out: ${[...new Set(parts)].join('; ')}`;
}

const DEFINE_FLAG = /-D(CONFIG_\w+)/g;
/**
 * CONFIG_ names a Makefile defines on the compiler's command line (`ccflags-y += -DCONFIG_CAAM_QI`,
 * riscv's `-DCONFIG_PAGE_OFFSET`): not in `.config`, yet defined for the files it builds. They are
 * read from the Makefile/Kbuild of the file's folder and every parent, and of each arch, so that
 * such a name stays unknown instead of reading as unset.
 */
function kbuildDefines(path, arches, sourceOf) {
    const names = new Set();
    const folders = [];
    for (let d = path.slice(0, path.lastIndexOf('/') + 1); d !== '';) {
        folders.push(d);
        d = d.slice(0, d.slice(0, -1).lastIndexOf('/') + 1);
    }
    folders.push('');
    for (const a of arches)
        folders.push(`arch/${a}/`);
    for (const dir of folders) {
        for (const name of ['Makefile', 'Kbuild']) {
            const text = sourceOf(`${dir}${name}`);
            if (typeof text === 'string')
                for (const m of text.matchAll(DEFINE_FLAG))
                    names.add(m[1]);
        }
    }
    return names;
}
const QUOTED_INCLUDE = /^[ \t]*#[ \t]*include[ \t]*"([^"]+)"/gm;
const CONFIG_DEFINE = /^[ \t]*#[ \t]*(?:define|undef)[ \t]+(CONFIG_\w+)/gm;
/** A driver's private headers are a handful; past this the search stops (what it found stays). */
const MAX_LOCAL_HEADERS = 64;
/**
 * CONFIG_ names that the headers a file includes with quotes `#define` or `#undef` themselves
 * (`sound/soc/codecs/es8326.h` defines `CONFIG_HHTECH_MINIPMP`): not in `.config`, yet what the
 * file's `#ifdef` reads. Quoted includes are followed from each includer's folder, as GCC does
 * first; `<...>` headers are not (the kernel's own define no CONFIG_ name a driver tests).
 */
function localHeaderDefines(path, text, sourceOf) {
    const names = new Set();
    const seen = new Set([path]);
    const queue = [{ path, text }];
    while (queue.length > 0 && seen.size <= MAX_LOCAL_HEADERS) {
        const cur = queue.shift();
        if (cur.path !== path)
            for (const m of cur.text.matchAll(CONFIG_DEFINE))
                names.add(m[1]);
        const dir = cur.path.slice(0, cur.path.lastIndexOf('/') + 1);
        for (const m of cur.text.matchAll(QUOTED_INCLUDE)) {
            const next = normalizePath(`${dir}${m[1]}`);
            if (seen.has(next))
                continue;
            seen.add(next);
            const body = sourceOf(next);
            if (typeof body === 'string')
                queue.push({ path: next, text: body });
        }
    }
    return names;
}

/**
 * Whitespace the comment-only test drops but the preprocessor keeps: `#x` turns a macro argument
 * into a string whose spaces are where the argument had any (`__stringify(v>c)` is "v>c",
 * `__stringify(v > c)` is "v > c": another string, another length). Runs of whitespace read as
 * one space, so only a space appearing or vanishing between two tokens can change such a string.
 */
const TOKEN = /"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*'|[A-Za-z_]\w*|\d[\w.]*|\S/g;
function spacedTokens(code) {
    const tokens = [];
    const spaced = [];
    let last = 0;
    for (const m of code.matchAll(TOKEN)) {
        tokens.push(m[0]);
        spaced.push(m.index > last && /\s/.test(code.slice(last, m.index)));
        last = m.index + m[0].length;
    }
    return { tokens, spaced };
}
/**
 * The names of the calls (`NAME(` ... `)`) inside whose arguments a space appears or vanishes
 * between two tokens (every enclosing one: `f(g(v>c))` is f's argument too), for two texts whose
 * tokens are the same; empty when the spacing moves only outside calls or at an argument's ends,
 * or when the tokens differ (that is not a spacing question).
 */
function respacedCalls(before, after) {
    const a = spacedTokens(before);
    const b = spacedTokens(after);
    if (a.tokens.length !== b.tokens.length || a.tokens.some((t, i) => t !== b.tokens[i]))
        return [];
    const names = new Set();
    // Open parentheses: the identifier before each, or '' for a bare one.
    const open = [];
    for (let i = 0; i < a.tokens.length; i++) {
        const t = a.tokens[i];
        // The space before the first token of a line or before `)` of an empty list is not inside.
        if (i > 0 && a.spaced[i] !== b.spaced[i]) {
            // An argument is trimmed and split at its call's own commas: spaces there are no one's.
            const p = a.tokens[i - 1];
            const edge = p === '(' || p === ',' || t === ')' || t === ',';
            open.forEach((name, k) => {
                if (name !== '' && !(edge && k === open.length - 1))
                    names.add(name);
            });
        }
        if (t === '(') {
            const before = i > 0 ? a.tokens[i - 1] : '';
            open.push(/^[A-Za-z_]/.test(before) && !NOT_CALLEES.has(before) ? before : '');
        }
        else if (t === ')')
            open.pop();
    }
    return [...names].sort();
}
/**
 * Whether the macro whose bodies are given (`(params) body` as written after its name) turns an
 * argument into a string, itself or through the macros it uses (`__stringify` -> `__stringify_1`).
 * `bodiesOf` gives a name's bodies, undefined for a name that is no macro anyone can see.
 */
function stringifies(name, bodiesOf, seen = new Set()) {
    if (seen.has(name))
        return false;
    seen.add(name);
    for (const body of bodiesOf(name) ?? []) {
        // `#x` but not `##`.
        if (/(^|[^#])#(?!#)\s*[A-Za-z_]/.test(body.replace(/^\([^)]*\)/, '')))
            return true;
        for (const m of body.matchAll(/([A-Za-z_]\w*)\s*\(/g))
            if (m[1] !== name && stringifies(m[1], bodiesOf, seen))
                return true;
    }
    return false;
}

/**
 * A declaration's type as callers see it: parameter names, `extern` and layout dropped, so that
 * renaming a parameter or re-wrapping a line compares equal. Lexical: a parameter written without
 * a name whose type ends in an identifier (`unsigned long`) compares unequal to its named form,
 * which only errs towards reporting a change.
 */
function declarationShape(code) {
    let text = withoutDiagnostics(code.replace(/\bextern\b/g, ' ').replace(/;\s*$/, ''));
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    if (open >= 0 && close > open) {
        const params = splitTop(text.slice(open + 1, close)).map(dropName);
        text = `${text.slice(0, open)}(${params.join(',')})${text.slice(close + 1)}`;
    }
    return text
        .replace(/\s+/g, ' ')
        .replace(/\s*([*(),[\]])\s*/g, '$1')
        .trim();
}
/** Attributes that only steer GCC's warnings: a declaration gaining or losing one compiles alike. */
const DIAGNOSTIC = new Set(['format', 'format_arg', 'warn_unused_result', 'unused', 'deprecated']);
/**
 * `code` without annotations that make no code (`__must_check`, `__printf(4, 5)`, and inside
 * `__attribute__((...))` the diagnostic ones): `__printf(4, 5)` respelled as its attribute, or
 * `__must_check` added, leaves every caller's code as it was (checked with GCC 12 on 6.1's
 * netdevice.h and fs_context.h).
 */
function withoutDiagnostics(code) {
    let text = code
        .replace(/\b__(?:must_check|maybe_unused|always_unused|deprecated)\b/g, ' ')
        .replace(/\b__(?:printf|scanf)\s*\([^()]*\)/g, ' ');
    for (let at = text.search(/\b__attribute(?:__)?\s*\(\(/); at >= 0;) {
        const open = text.indexOf('((', at);
        const close = matchingParen(text, open);
        if (close < 0)
            break;
        const kept = splitTop(text.slice(open + 2, close - 1)).filter(a => !DIAGNOSTIC.has(attributeName(a)));
        const replacement = kept.length === 0 ? ' ' : `__attribute__((${kept.join(',')}))`;
        text = text.slice(0, at) + replacement + text.slice(close + 1);
        const next = text.slice(at + replacement.length).search(/\b__attribute(?:__)?\s*\(\(/);
        at = next < 0 ? -1 : at + replacement.length + next;
    }
    return text;
}
/** `format` for ` __format__ (printf, 1, 2)`: an attribute's name, without GCC's underscores. */
function attributeName(attribute) {
    return attribute
        .replace(/\(.*$/s, '')
        .trim()
        .replace(/^__(.*)__$/, '$1');
}
/** Splits at commas outside parentheses and brackets (a parameter list). */
function splitTop(s) {
    const out = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
        if (s[i] === '(' || s[i] === '[')
            depth++;
        else if (s[i] === ')' || s[i] === ']')
            depth--;
        else if (s[i] === ',' && depth === 0) {
            out.push(s.slice(start, i));
            start = i + 1;
        }
    }
    out.push(s.slice(start));
    return out;
}
const KEYWORD = /^(?:void|char|short|int|long|float|double|signed|unsigned|const|volatile|struct|union|enum|_Bool)$/;
/** `const struct foo *f` -> `const struct foo *`; `int (*cb)(int)` -> `int (*)(int)`. */
function dropName(param) {
    const p = param.trim();
    const fnPtr = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(p);
    if (fnPtr)
        return p.replace(fnPtr[0], '(*)');
    const m = /^(.*?[\s*])([A-Za-z_]\w*)(\s*(?:\[[^\]]*\]\s*)*)$/.exec(p);
    if (!m || KEYWORD.test(m[2]) || m[1].trim() === '' || /^(struct|union|enum)$/.test(m[1].trim()))
        return p;
    return `${m[1]}${m[3]}`;
}

const EXPORT$1 = /^EXPORT_(?:PER_CPU_)?SYMBOL(?:_NS)?(?:_GPL)?$/;
/** MODULE_ALIAS_FS, MODULE_ALIAS_CRYPTO, ... expand to MODULE_ALIAS. */
const MODINFO = /^(?:MODULE_(?:LICENSE|AUTHOR|DESCRIPTION|ALIAS\w*|DEVICE_TABLE|VERSION|SOFTDEP|FIRMWARE|IMPORT_NS|INFO|PARM_DESC)|__MODULE_INFO)$/;
const PARAM = /^(?:module_param\w*|core_param\w*)$/;
function statementRole(callee) {
    if (callee === undefined)
        return undefined;
    if (EXPORT$1.test(callee))
        return 'export';
    if (MODINFO.test(callee))
        return 'modinfo';
    if (PARAM.test(callee))
        return 'param';
    return undefined;
}
/** The symbol an export or parameter statement names: its first argument. */
function firstArgument(code) {
    return /^\s*\w+\s*\(\s*([A-Za-z_]\w*)/.exec(code)?.[1];
}

/**
 * What callers compiled against a prototype pass and expect, under the x86_64 System V calling
 * convention: every data pointer is one 8-byte INTEGER argument whatever it points to (`int *` and
 * `u32 *`, `struct x *` and `const struct x *`), an array parameter is a pointer, a function
 * pointer is a pointer, and qualifiers of the parameter itself change nothing. Scalars and structs
 * by value keep their canonical spelling (`int` and `unsigned int` stay apart: sign extension is
 * the caller's), but for a `long long` argument, passed as `long`. Undefined for text this does
 * not read (a function returning a function pointer).
 *
 * `shape` is declarationShape's form: `ret name(type,type)` without parameter names.
 */
function callAbi(shape) {
    const open = shape.indexOf('(');
    const close = shape.lastIndexOf(')');
    if (open < 0 || close < open || shape.slice(close + 1).trim() !== '')
        return undefined;
    const head = /^(.*?)([A-Za-z_]\w*)\s*$/.exec(shape.slice(0, open));
    if (!head)
        return undefined;
    const ret = passed(head[1], false);
    const params = splitTrimmed(shape.slice(open + 1, close)).map(p => passed(p, true));
    if (ret === undefined || params.some(p => p === undefined))
        return undefined;
    return `${ret} ${head[2]}(${params.join(',')})`;
}
function passed(type, argument) {
    if (/\(\s*\*/.test(type) || /[*[]/.test(type))
        return 'pointer';
    if (/[()]/.test(type))
        return undefined;
    const canon = canonicalTypeSpelling(type);
    if (canon === undefined)
        return undefined;
    const plain = canon
        .split(' ')
        .filter(w => w !== '' && w !== 'const' && w !== 'volatile')
        .join(' ');
    // LP64: `long long` and `long` are one 8-byte INTEGER argument, converted alike (audit.h's
    // `unsigned long` inode numbers made `u64` in 6.1.187). Not a result: the caller may dispatch
    // on its type (`_Generic(f(x), unsigned long: ...)`).
    return argument ? (LP64_SAME[plain] ?? plain) : plain;
}
const LP64_SAME = {
    'long long': 'long',
    'unsigned long long': 'unsigned long'
};
function splitTrimmed(s) {
    return splitTop(s).map(p => p.trim());
}
/** Whether every form of a declaration before and after passes and returns the same. */
function sameCallAbi(before, after) {
    const a = mapEvery(before, callAbi);
    const b = mapEvery(after, callAbi);
    return (a !== undefined && b !== undefined && a.size === 1 && b.size === 1 && [...a][0] === [...b][0]);
}
/**
 * How many arguments a call to `name` passes under the prototype `shape` (declarationShape's
 * form). Undefined where the count is not fixed or not read: `(...)` (variadic), `()` (no
 * prototype: any call compiles), a function returning a function pointer.
 */
function arity(shape, name, 
/** Whether an identifier is a typedef name the file or its headers declare. */
isType) {
    const close = shape.lastIndexOf(')');
    if (close < 0 || shape.slice(close + 1).trim() !== '')
        return undefined;
    let depth = 0;
    let open = -1;
    for (let i = close; i >= 0; i--) {
        if (shape[i] === ')')
            depth++;
        else if (shape[i] === '(' && --depth === 0) {
            open = i;
            break;
        }
    }
    if (open < 0 || !new RegExp(`(?:^|[^\\w])${name}\\s*$`).test(shape.slice(0, open)))
        return undefined;
    const params = splitTrimmed(shape.slice(open + 1, close));
    if (params.length === 1 && params[0] === '')
        return undefined;
    if (params.some(p => p === '...'))
        return undefined;
    // `int f_read(F_ARGS)` with `#define F_ARGS int fd, long off`: one parameter in the text, two
    // in the code, and old calls still compile against a list spelled out.
    // A function pointer's own parameters (`void (*)(struct sock *newsk)`) are not this list's:
    // only what each parameter spells outside parentheses is read.
    const ids = params.flatMap(p => outsideParens(p).match(/[A-Za-z_]\w*/g) ?? []);
    const tag = new Set(params.flatMap(p => [...p.matchAll(/\b(?:struct|union|enum)\s+(\w+)/g)].map(m => m[1])));
    // Every name must be known to be a type: a macro of that name may be defined by any file
    // that includes the header, before it (a hostile review's case).
    const unsure = (id) => !C_TYPE_WORD.test(id) && !isFixedTypedef(id) && !tag.has(id) && !isType?.(id);
    if (ids.some(unsure))
        return undefined;
    return params.length === 1 && params[0] === 'void' ? 0 : params.length;
}
const C_TYPE_WORD = /^(?:void|char|short|int|long|float|double|signed|unsigned|_Bool|const|volatile|restrict|struct|union|enum|__user)$/;
/** The one argument count every form of a prototype shares, if there is one. */
function sharedArity(forms, name, isType) {
    const counts = mapEvery(forms, f => arity(f, name, isType));
    return counts?.size === 1 ? [...counts][0] : undefined;
}
/** `p` without its parenthesised groups' contents (`int(*)(long x)` -> `int(*)()`). */
function outsideParens(p) {
    let depth = 0;
    let out = '';
    for (const c of p) {
        if (c === '(')
            depth++;
        if (depth === 0 || (depth === 1 && c === '('))
            out += c;
        if (c === ')')
            depth--;
    }
    return out;
}

const DIRECTIVE$1 = /^[ \t]*#[ \t]*(\w*)[ \t]*([A-Za-z_]\w*)?/;
/** What the 1-based `line` of `img` is, when it is one of the declarations this module judges. */
function topLevelAt(img, line) {
    const first = directiveStart(img, line);
    if (first !== undefined) {
        const m = DIRECTIVE$1.exec(img.uncommented[first - 1] ?? '');
        // #include and #define have their own findings.
        if (m && m[1] !== 'include' && m[1] !== 'define') {
            const t = { kind: 'directive', word: m[1] };
            if (m[2] !== undefined)
                t.name = m[2];
            return t;
        }
        return undefined;
    }
    const d = img.analysis.map.declarations.find(x => line >= x.startLine && line <= x.endLine);
    if (!d || d.name === undefined)
        return undefined;
    if (d.kind === 'prototype' || d.kind === 'extern')
        return { kind: d.kind, name: d.name };
    const role = d.kind === 'other' ? statementRole(d.name) : undefined;
    if (!role)
        return undefined;
    const t = { kind: role, callee: d.name };
    const name = firstArgument(textOf$1(img, d.startLine, d.endLine));
    if (name !== undefined)
        t.name = name;
    return t;
}
/** First line of the directive `line` belongs to (continuations included), if it is one. */
function directiveStart(img, line) {
    let n = line;
    while (n > 1 && /\\\r?$/.test(img.uncommented[n - 2] ?? ''))
        n--;
    return /^[ \t]*#/.test(img.uncommented[n - 1] ?? '') ? n : undefined;
}
function textOf$1(img, from, to) {
    return img.uncommented
        .slice(from - 1, to)
        .join(' ')
        .replace(/\s+/g, ' ')
        .replace(/\s*([^\w\s])\s*/g, '$1')
        .trim();
}
/** Declarations named `name` of one kind in a whole image, each as its normalized text or shape. */
function forms(img, item) {
    const out = new Set();
    for (const d of img.analysis.map.declarations) {
        if (item.kind === 'prototype' || item.kind === 'extern') {
            if (d.kind === item.kind && d.name === item.name)
                out.add(declarationShape(textOf$1(img, d.startLine, d.endLine)));
        }
        else if (d.kind === 'other' && d.name !== undefined && statementRole(d.name) === item.kind) {
            const text = textOf$1(img, d.startLine, d.endLine);
            if ('name' in item && firstArgument(text) === item.name)
                out.add(text);
        }
    }
    return out;
}
const same$1 = (a, b) => a.size === b.size && [...a].every(x => b.has(x));
/** Whether the pre-image defines or declares `name` at all (a function, a variable, a prototype). */
function known(img, name) {
    return (img.analysis.functions.some(f => f.name === name || f.symbols.includes(name)) ||
        img.analysis.map.declarations.some(d => d.name === name && d.kind !== 'other'));
}
/**
 * One finding per changed declaration: info where the compiled code cannot change, unresolved
 * where it can, with the reason. Conditional directives (`#if` ... `#endif`) are not judged here:
 * their effect is on the lines they enclose.
 */
function topLevelFinding(item, pre, post, header = false, 
/** Whether an identifier is a typedef name of the file or its headers (absent: unknown). */
isType) {
    switch (item.kind) {
        case 'modinfo':
            return {
                kind: 'module-info-change',
                severity: 'info',
                message: `${item.callee} changes module metadata (.modinfo) only: no code or data`
            };
        case 'export': {
            const name = item.name ?? '(unnamed)';
            const before = forms(pre, item);
            const after = forms(post, item);
            if (same$1(before, after))
                return {
                    kind: 'export-change',
                    severity: 'info',
                    message: `the export of ${name} only moves`
                };
            if (item.name !== undefined && before.size === 0 && !known(pre, item.name)) {
                return {
                    kind: 'export-change',
                    severity: 'info',
                    message: `${item.callee}(${name}) exports a symbol the fix adds: no existing export changes`,
                    functions: [name]
                };
            }
            const what = before.size === 0 ? 'added' : after.size === 0 ? 'removed' : 'changed';
            return {
                kind: 'export-change',
                severity: 'unresolved',
                message: `the export of existing symbol ${name} is ${what}: it changes the kernel's symbol table (__ksymtab), and a livepatch cannot add, remove or change exports`,
                functions: [name]
            };
        }
        case 'param': {
            const name = item.name ?? '(unnamed)';
            if (same$1(forms(pre, item), forms(post, item)))
                return {
                    kind: 'module-param-change',
                    severity: 'info',
                    message: `${item.callee}(${name}) only moves`
                };
            return {
                kind: 'module-param-change',
                severity: 'unresolved',
                message: `${item.callee}(${name}) changes a module parameter (a kernel_param in __param, its variable and sysfs file): a livepatch cannot add, remove or change module parameters`
            };
        }
        case 'prototype':
        case 'extern': {
            const kind = item.kind === 'prototype' ? 'prototype-change' : 'extern-change';
            const before = forms(pre, item);
            const after = forms(post, item);
            const what = item.kind === 'prototype' ? 'prototype of' : 'extern declaration of';
            if (item.kind === 'prototype' &&
                before.size > 0 &&
                after.size > 0 &&
                !same$1(before, after) &&
                sameCallAbi(before, after)) {
                return {
                    kind,
                    severity: 'info',
                    message: `the prototype of ${item.name} changes only types its callers pass alike (pointers, qualifiers; x86_64 calling convention): ${[...before].join(' / ')} -> ${[...after].join(' / ')}`,
                    functions: [item.name]
                };
            }
            if (before.size > 0 && after.size > 0 && !same$1(before, after)) {
                // `unsigned x[]` respelled `unsigned int x[]` (audit_arch.h): one type, one code.
                const a = mapEvery(before, canonicalTypeSpelling);
                const b = mapEvery(after, canonicalTypeSpelling);
                if (a && b && same$1(a, b))
                    return {
                        kind,
                        severity: 'info',
                        message: `the ${what} ${item.name} changes only how its types are spelled (${[...before].join(' / ')} -> ${[...after].join(' / ')}): they are the same types, compiled alike`,
                        functions: [item.name]
                    };
                const was = item.kind === 'prototype' ? sharedArity(before, item.name, isType) : undefined;
                const is = item.kind === 'prototype' ? sharedArity(after, item.name, isType) : undefined;
                // A call with the old count, a definition with the old list and a pointer to the old type
                // (-Werror=incompatible-pointer-types, kbuild's) no longer compile: every user of the
                // function changes in the fix's own text, where the diff maps it.
                if (was !== undefined && is !== undefined && was !== is)
                    return {
                        kind,
                        severity: 'info',
                        message: `the prototype of ${item.name} takes ${is} parameter${is === 1 ? '' : 's'}, not ${was} (${[...before].join(' / ')} -> ${[...after].join(' / ')}): no call, definition or function pointer written for the old list compiles against the new one, so every user of ${item.name} changes in the fix's own text, and those are its changed functions`,
                        functions: [item.name]
                    };
                return {
                    kind,
                    severity: 'unresolved',
                    message: `the ${what} ${item.name} changes its types or attributes (${[...before].join(' / ')} -> ${[...after].join(' / ')}): code using ${item.name} is compiled against it`,
                    functions: [item.name]
                };
            }
            const how = before.size === 0 ? 'added' : after.size === 0 ? 'removed' : 'moved or reworded';
            return {
                kind,
                severity: 'info',
                message: `${what} ${item.name} ${how}: a declaration compiles to nothing`
            };
        }
        case 'directive':
            return directiveFinding(item, pre, post, header);
    }
}
const CONDITIONAL = new Set(['if', 'ifdef', 'ifndef', 'elif', 'else', 'endif']);
const isConditional = (item) => item.kind === 'directive' && CONDITIONAL.has(item.word);
function directiveFinding(item, pre, post, header) {
    if (CONDITIONAL.has(item.word))
        return undefined;
    if (item.word === 'undef' && item.name !== undefined) {
        // A header's #undef holds in every file that includes it, for the code after the include.
        if (header)
            return {
                kind: 'preprocessor-change',
                severity: 'unresolved',
                message: `#undef ${item.name} changes in a header: files that include it may now see ${item.name} otherwise (#ifdef ${item.name} in them is not traced here)`
            };
        // `#ifdef NAME` is a use too: directives count, but not the name's own #define and #undef.
        const used = new RegExp(`\\b${item.name}\\b`);
        const own = new RegExp(`^[ \\t]*#[ \\t]*(?:define|undef)[ \\t]+${item.name}\\b.*$`, 'gm');
        const users = [pre, post].some(img => used.test(img.analysis.masked.replace(own, '')));
        return users
            ? {
                kind: 'preprocessor-change',
                severity: 'unresolved',
                message: `#undef ${item.name} changes: code of this file uses ${item.name} and may now see another definition`
            }
            : {
                kind: 'preprocessor-change',
                severity: 'info',
                message: `#undef ${item.name} changes: nothing in this file uses ${item.name}`
            };
    }
    if (item.word === 'error' || item.word === 'warning' || item.word === '') {
        return {
            kind: 'preprocessor-change',
            severity: 'info',
            message: `#${item.word} changes: it emits no code`
        };
    }
    return {
        kind: 'preprocessor-change',
        severity: 'unresolved',
        message: `#${item.word} changes: it can change how the code below is compiled`
    };
}

/** A kernel TU pulls in 300 to 1,500 headers; past this the walk stops. */
const CLOSURE_MAX = 8000;
const INCLUDE_LINE$1 = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/;
const DEFINE$2 = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm;
/**
 * `#ifndef FOO_H` / `#define FOO_H` opening a header: its condition holds on first inclusion,
 * which is the one that matters for what the header brings.
 */
function includeGuard(masked) {
    const m = /^\s*#[ \t]*ifndef[ \t]+(\w+)[ \t]*\n\s*#[ \t]*define[ \t]+(\w+)/.exec(masked);
    return m && m[1] === m[2] ? m[1] : undefined;
}
/** The includes of one text, each with whether every build certainly reaches it. */
function listIncludes(text, builds) {
    const masked = maskCommentsAndStrings(text);
    const raw = text.split('\n');
    const guards = lineGuards(masked);
    const guard = includeGuard(masked);
    const defines = new Set([...masked.matchAll(DEFINE$2)].map(m => m[1]));
    const envs = (builds.length > 0 ? builds : [{ label: '' }]).map(b => [kconfigEnv(b.config, defines), b]);
    const out = [];
    masked.split('\n').forEach((line, i) => {
        if (!/^[ \t]*#[ \t]*include/.test(line))
            return;
        // The path is a string literal for quoted includes, blanked in `masked`: read it raw.
        const m = INCLUDE_LINE$1.exec(raw[i] ?? '');
        if (!m)
            return;
        const terms = (guards[i] ?? []).filter((t) => !(guard !== undefined && t.positive && t.expr === `!defined(${guard})`));
        const certain = envs.every(([env, b]) => lineState(terms, env, b).state === 'built');
        const inc = m[1] !== undefined ? { name: m[1], quoted: true } : { name: m[2], quoted: false };
        out.push({ inc, certain });
    });
    return out;
}
/**
 * Every file `root` reaches through its includes, resolved as kbuild's compiler would. `certain`:
 * only through includes every build compiles (what the file surely gets); otherwise through every
 * include line, whatever its `#if` (what it may get).
 */
function includeClosure(root, rootText, tu, options) {
    const parent = new Map([[root, null]]);
    const unresolved = [];
    const queue = [root];
    for (let i = 0; i < queue.length && parent.size < CLOSURE_MAX; i++) {
        const file = queue[i];
        const text = i === 0 ? rootText : options.sourceOf(file);
        if (typeof text !== 'string')
            continue;
        let list = i === 0 ? undefined : options.cache?.get(file);
        if (!list) {
            list = listIncludes(text, options.builds);
            if (i > 0)
                options.cache?.set(file, list);
        }
        for (const { inc, certain } of list) {
            if (options.certain && !certain)
                continue;
            const path = resolveInclude(inc, file, tu, options);
            if (path === undefined) {
                unresolved.push(inc.name);
                continue;
            }
            if (parent.has(path))
                continue;
            parent.set(path, file);
            queue.push(path);
        }
    }
    return { parent, unresolved };
}
function resolveInclude(inc, from, tu, options) {
    return includeCandidates(inc, from, tu, options.arches).find(p => options.sourceOf(p) !== undefined);
}
/** `a.h <- b.h <- file.c`: how `path` is reached. */
function chainOf(closure, path) {
    const chain = [];
    for (let p = path; p; p = closure.parent.get(p))
        chain.push(p);
    return chain.reverse();
}
/**
 * What `read` makes of a file's text and of every header it may include (each include line
 * followed whatever its `#if`: every configuration's answer), the file's own first. Headers are
 * read once per run, across files.
 */
function readWithHeaders(ctx, read, unreadable) {
    const perFile = new Map();
    const at = (file) => {
        if (!perFile.has(file)) {
            const text = ctx.sourceOf(file);
            perFile.set(file, typeof text === 'string' ? read(text) : unreadable);
        }
        return perFile.get(file);
    };
    return (path, text) => {
        const closure = includeClosure(path, text, path, { ...ctx, certain: false });
        return [read(text), ...[...closure.parent.keys()].slice(1).map(at)];
    };
}

const DEFINE$1 = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm;
const INLINE = /\bstatic\s+(?:__always_inline|inline|__inline__|__inline)\b[^;{}()]*?\b([A-Za-z_]\w*)\s*\(/g;
const SHOWN = 12;
/** Macros and static inline functions a header defines: what an include can bring into code. */
function definitions(text) {
    const masked = maskCommentsAndStrings(text);
    return [
        ...[...masked.matchAll(DEFINE$1)].map(m => m[1]),
        ...[...masked.matchAll(INLINE)].map(m => m[1])
    ];
}
/**
 * `text` split at the first line that is `inc` (comments blanked to find it): the text above it,
 * and the lines below it as `maskCommentsAndStrings` reads them; undefined when no line is `inc`.
 */
function splitAt(text, inc) {
    const lines = maskCommentsAndStrings(text, false).split('\n');
    const at = lines.findIndex(l => {
        const d = includeOf(l);
        return d !== undefined && sameInclude(d, inc);
    });
    if (at < 0)
        return undefined;
    return { above: text.split('\n').slice(0, at).join('\n'), below: lines.slice(at + 1) };
}
/**
 * The closure of the first `#include` line of `below` that `brings` (a closure holding the file),
 * among lines that are only includes, blank or comments; undefined when a definition, a
 * conditional or code comes first, or none brings it.
 */
function firstBringing(below, brings) {
    for (const line of below) {
        if (line.trim() === '')
            continue;
        if (!includeOf(line))
            return undefined;
        const closure = brings(line);
        if (closure)
            return closure;
    }
    return undefined;
}
const DIRECTIVE = /^[ \t]*#.*$/gm;
/** The file's directives in order, spaces squeezed (comments blanked, strings kept). */
function directives(text) {
    return (maskCommentsAndStrings(text, false).match(DIRECTIVE) ?? [])
        .map(d => d.trim().replace(/\s+/g, ' '))
        .join('\n');
}
/** Caches file reads and definitions for one mapping run (a closure reads hundreds of headers). */
class IncludeJudge {
    ctx;
    texts = new Map();
    defs = new Map();
    lists = new Map();
    /** Each image's directives (`directives`), once per image for all its changed includes. */
    order = new Map();
    sourceOf;
    constructor(ctx) {
        this.ctx = ctx;
        this.sourceOf = path => {
            if (!this.texts.has(path))
                this.texts.set(path, ctx.sourceOf(path));
            return this.texts.get(path);
        };
    }
    closure(root, text, tu, certain) {
        const { arches, builds } = this.ctx;
        const options = { sourceOf: this.sourceOf, arches, builds, certain, cache: this.lists };
        return includeClosure(root, text, tu, options);
    }
    /** Names the files bring (their macros and inlines) that `used` holds. */
    brought(files, used) {
        const names = new Set();
        for (const f of files) {
            let d = this.defs.get(f);
            if (!d) {
                const text = this.sourceOf(f);
                d = typeof text === 'string' ? definitions(text) : [];
                this.defs.set(f, d);
            }
            for (const n of d)
                if (used.has(n))
                    names.add(n);
        }
        return [...names].sort();
    }
    directivesOf(text) {
        let d = this.order.get(text);
        if (d === undefined)
            this.order.set(text, (d = directives(text)));
        return d;
    }
    /** One finding per include the hunk adds or removes. */
    judge(subject, inc, side) {
        const { path } = subject;
        const written = inc.quoted ? `"${inc.name}"` : `<${inc.name}>`;
        const target = resolveInclude(inc, path, path, {
            sourceOf: this.sourceOf,
            arches: this.ctx.arches
        });
        if (target === undefined) {
            return {
                kind: 'include-change',
                severity: 'unresolved',
                message: `#include ${written} ${side === 'add' ? 'added' : 'removed'}, and it resolves to no file of the tree: what it brings is unknown`
            };
        }
        const keptText = side === 'add' ? subject.preText : subject.postText;
        // Moved: the same include on the other side, elsewhere among the directives. A header sees
        // the definitions and includes above it (`#define DEBUG` moved above printk.h turns
        // pr_debug on; swapped headers give one the other's macros), so the order is its input.
        const kept = includeDirectives(this.directivesOf(keptText)).some(d => d.name === inc.name && d.quoted === inc.quoted);
        if (kept && this.directivesOf(subject.preText) !== this.directivesOf(subject.postText)) {
            return {
                kind: 'include-change',
                severity: 'unresolved',
                message: `#include ${written} moved among the file's directives: the definitions and includes above a header decide what it makes, which is not traced`
            };
        }
        // Added: did the file get it before the fix, above the new line? (When the fix also drops the
        // include that brought it, that removal is judged on its own: what the file loses.) Removed:
        // does it still get it above the old line? Only the text above counts: an include moved above
        // a `#define DEBUG` (or `DISABLE_BRANCH_PROFILING`) makes the header with another definition
        // in force, which "already gets it further down" does not show (a hostile review's case).
        // Moved among code lines only (the directives' order kept): the header sees what it saw.
        const sideText = side === 'add' ? subject.postText : subject.preText;
        const split = kept ? undefined : splitAt(sideText, inc);
        const certain = this.closure(path, kept ? keptText : (split?.above ?? sideText), path, true);
        // Or just below the line, past nothing but other includes: moved up among includes, with no
        // definition of this file between (rom.c puts <linux/bits.h> above the <linux/kernel.h> that
        // brought it). A header that tests what another header defines is not traced.
        const found = certain.parent.has(target)
            ? certain
            : split &&
                firstBringing(split.below, line => {
                    const c = this.closure(path, line, path, true);
                    return c.parent.has(target) ? c : undefined;
                });
        if (found) {
            const via = chainOf(found, target).slice(1, -1);
            const where = kept
                ? ''
                : found === certain
                    ? ' above that line'
                    : ' just below it, past only includes';
            return {
                kind: 'include-change',
                severity: 'info',
                message: `#include ${written} ${side === 'add' ? 'added' : 'removed'}: the file ${side === 'add' ? 'already gets' : 'still gets'} ${target}${via.length > 0 ? ` through ${via.join(' -> ')}` : ''}${where} in every build, so nothing new reaches its code`
            };
        }
        const before = this.closure(path, subject.preText, path, false);
        const after = this.closure(path, subject.postText, path, false);
        const [from, to] = side === 'add' ? [after, before] : [before, after];
        const moved = [...from.parent.keys()].filter(f => !to.parent.has(f) && f !== path);
        const names = this.brought(moved, subject.used);
        const list = names.length === 0
            ? 'none of their macros or inline functions is named by this file'
            : `this file uses ${names.length} of their macros or inline functions: ${names.slice(0, SHOWN).join(', ')}${names.length > SHOWN ? ', ...' : ''}`;
        return {
            kind: 'include-change',
            severity: 'unresolved',
            message: `#include ${written} ${side === 'add' ? 'added: it brings' : 'removed: the file loses'} ${moved.length} header(s) (${target}${moved.length > 1 ? ' and what it includes' : ''}); ${list}`
        };
    }
}

const IDENT$2 = /[A-Za-z_]\w*/g;
const STRINGS = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g;
/** Words whose presence in an expansion means the object is more than plain data. */
const PLACED = /\b(?:__section__|section|constructor|destructor|asm|__asm__|__asm)\b/;
/** Reach cap: kernel initializer macros reach a few dozen others. */
const REACH_MAX = 3000;
/** Parenthesised words that are not calls of an unknown macro. */
const BUILTIN = /^(?:sizeof|typeof|__typeof__|__typeof|__attribute__|__attribute|_Alignof|__alignof__|_Static_assert|__builtin_\w+|__extension__)$/;
const MACRO_CALL = /^\s*(?:static\s+)?([A-Za-z_]\w*)\s*\(/;
const NAME = /^[A-Za-z_]\w*$/;
/** A function-like macro whose body is a static inline function's definition. */
const INLINE_DEFINITION = /^\([^)]*\)\s*static\s+(?:inline|__inline|__inline__|__always_inline)\b[^;{}=]*\([^;{}]*\)\s*\{/;
/**
 * The identifiers a function-like macro's bodies paste from the call's bare-name arguments:
 * cleanup.h's `DEFINE_FREE(_name, ...)` defines `__free_##_name`, so `DEFINE_FREE(fput, ...)`
 * defines `__free_fput` (fput itself is an old function). `bodies` as MacroBodies keeps them: the
 * parameter list first.
 */
function pastedNames(bodies, args) {
    const out = new Set();
    for (const body of bodies) {
        const head = /^\(([^)]*)\)/.exec(body);
        if (!head)
            continue;
        const params = head[1].split(',').map(p => p.trim());
        const text = body.slice(head[0].length);
        // A pasted piece may be another parameter: its argument then.
        const piece = (w) => {
            if (w === undefined)
                return '';
            const i = params.indexOf(w);
            return i < 0 ? w : NAME.test(args[i] ?? '') ? args[i] : undefined;
        };
        params.forEach((p, i) => {
            const arg = args[i];
            if (!NAME.test(p) || arg === undefined || !NAME.test(arg))
                return;
            const paste = new RegExp(`(?:(\\w+)\\s*##\\s*)?\\b${p}\\b(?:\\s*##\\s*(\\w+))?`, 'g');
            for (const m of text.matchAll(paste)) {
                if (m[1] === undefined && m[2] === undefined)
                    continue;
                const [before, after] = [piece(m[1]), piece(m[2])];
                if (before !== undefined && after !== undefined)
                    out.add(`${before}${arg}${after}`);
            }
        });
    }
    return [...out].filter(n => NAME.test(n));
}
/** Top-level comma-separated arguments of the call whose `(` is at `open`. */
function callArguments(code, open) {
    const args = [];
    let depth = 0;
    let start = open + 1;
    for (let i = open; i < code.length; i++) {
        const c = code[i];
        if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}') {
            depth--;
            if (depth === 0) {
                args.push(code.slice(start, i).trim());
                return args;
            }
        }
        else if (c === ',' && depth === 1) {
            args.push(code.slice(start, i).trim());
            start = i + 1;
        }
    }
    return undefined;
}
/**
 * Judges one declaration the fix adds whole. `code`: its text with comments blanked; `name`: the
 * locator's name for it (the declarator, or the callee of a top-level macro invocation);
 * `preIdentifiers`: identifiers the file's pre-image uses. Undefined when nothing it defines is
 * new to the file (a moved or reworded definition is judged as a change).
 */
function judgeNewGlobal(code, name, preIdentifiers, bodies) {
    const text = code.replace(STRINGS, '""');
    const call = MACRO_CALL.exec(text);
    let names;
    let pasted = [];
    let macro;
    if (call && bodies(call[1]) !== undefined) {
        macro = call[1];
        const args = callArguments(text, call[0].length - 1) ?? [];
        // The defined object is named by a bare argument that is no macro (`DEFINE_MUTEX(lock)`), or
        // pasted from one (`DEFINE_FREE(fput, ...)` defines `__free_fput`).
        names = args.filter(a => NAME.test(a) && bodies(a) === undefined);
        pasted = pastedNames(bodies(macro) ?? [], args).filter(n => !names.includes(n));
    }
    else if (call) {
        // `FOO(x);` at top level with FOO no macro of the file or its headers (a generated header).
        if (preIdentifiers.has(call[1]))
            return undefined;
        const reason = `${call[1]} is no macro of the file or its headers: what it expands to is unknown`;
        return { kind: 'unknown', names: [call[1]], label: `${call[1]}(...)`, reason };
    }
    else
        names = name !== undefined ? [name] : [];
    const named = names.filter(n => !preIdentifiers.has(n));
    const fresh = [...named, ...pasted.filter(n => !preIdentifiers.has(n))];
    if (fresh.length === 0)
        return undefined;
    // Named by its arguments where they are new (`DEFINE_CLASS(snd_hda_power)`), else by what the
    // expansion pastes (`DEFINE_FREE(__free_fput)`: fput is an old function).
    const shown = named.length > 0 ? named : fresh;
    const label = macro !== undefined ? `${macro}(${shown.join(', ')})` : shown.join(', ');
    // `static inline void __free_fput(void *p) { ... }`: what its body places (a branch-profiling
    // `if` puts data in a section) is emitted only where a caller inlines it, and no old code does.
    if (macro !== undefined && (bodies(macro) ?? []).every(b => INLINE_DEFINITION.test(b)))
        return { kind: 'new-inline', names: fresh, label };
    const own = PLACED.exec(text);
    if (own)
        return { kind: 'placed', names: fresh, label, via: [], what: own[0] };
    // In a plain definition a call is only valid as a macro; a macro's arguments are its business.
    for (const m of macro === undefined ? text.matchAll(/([A-Za-z_]\w*)\s*\(/g) : []) {
        if (BUILTIN.test(m[1]) || bodies(m[1]) !== undefined)
            continue;
        if (names.includes(m[1]))
            continue;
        return {
            kind: 'unknown',
            names: fresh,
            label,
            reason: `${m[1]}(...) is no macro of the file or its headers: what it expands to is unknown`
        };
    }
    // Every macro the definition may expand to, through every body each has (all #if branches).
    const parent = new Map();
    const queue = [];
    for (const id of new Set(text.match(IDENT$2) ?? [])) {
        if (bodies(id) === undefined)
            continue;
        parent.set(id, null);
        queue.push(id);
    }
    for (let i = 0; i < queue.length; i++) {
        if (parent.size > REACH_MAX)
            return { kind: 'unknown', names: fresh, label, reason: 'its macros reach too far to follow' };
        const macro = queue[i];
        for (const body of bodies(macro) ?? []) {
            const hit = PLACED.exec(body.replace(STRINGS, '""'));
            if (hit) {
                const via = [];
                for (let m = macro; m; m = parent.get(m))
                    via.unshift(m);
                return { kind: 'placed', names: fresh, label, via, what: hit[0] };
            }
            for (const id of body.match(IDENT$2) ?? []) {
                if (parent.has(id) || bodies(id) === undefined)
                    continue;
                parent.set(id, macro);
                queue.push(id);
            }
        }
    }
    return { kind: 'new-data', names: fresh, label };
}

/**
 * The finding for a definition the fix adds, or undefined when it is not new (a change to
 * existing data: the mapper's `global-change`).
 */
function addedGlobalFinding(def, preIdentifiers, bodies) {
    if (!def.whole || !bodies)
        return undefined;
    const verdict = judgeNewGlobal(def.code, def.name, preIdentifiers, bodies);
    if (!verdict)
        return undefined;
    const names = verdict.label;
    switch (verdict.kind) {
        case 'new-data':
            return {
                kind: 'added-data',
                severity: 'info',
                message: `${names} is new, and its expansion places nothing in a section and runs nothing at load (no section, constructor or asm): no existing code or data changes; a livepatch module carries what it defines, and the code that uses it is listed on its own`,
                functions: verdict.names
            };
        case 'new-inline':
            return {
                kind: 'added-data',
                severity: 'info',
                message: `${names} is new, and its expansion is a static inline function: code built before the fix cannot call it, and it is emitted only where a caller inlines it: no existing code or data changes`,
                functions: verdict.names
            };
        case 'placed': {
            const via = verdict.via.length > 0 ? ` through ${verdict.via.join(' -> ')}` : '';
            return {
                kind: 'global-change',
                severity: 'unresolved',
                message: `${names} is new, and its expansion${via} uses \`${verdict.what}\`: an entry of a table the kernel reads from its own image (initcalls, PCI fixups, __setup, parameters), or code run at load; a livepatch module cannot add it (a human must decide how the fix is carried)`,
                functions: verdict.names
            };
        }
        case 'unknown':
            return {
                kind: 'global-change',
                severity: 'unresolved',
                message: `${names} is new, but ${verdict.reason}: whether it is plain data cannot be told`,
                functions: verdict.names
            };
    }
}

// GCC takes `\` before CRLF as a continuation too.
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm;
function definesOf(text) {
    const out = new Map();
    for (const m of maskCommentsAndStrings(text).matchAll(DEFINE)) {
        const list = out.get(m[1]) ?? [];
        list.push(m[2].replace(/\\\r?\n/g, ' '));
        out.set(m[1], list);
    }
    return out;
}
/** The macros a text defines itself (without the tree, the only ones known). */
function ownMacroBodies(text) {
    const table = definesOf(text);
    return name => table.get(name);
}
/**
 * The macros `path` can see: its own and those of every header it may include (each include line
 * followed whatever its `#if`, so a macro defined differently per configuration has every body).
 * Headers are read once per run, across files.
 */
function makeMacroBodies(ctx) {
    const tablesOf = readWithHeaders(ctx, definesOf, new Map());
    return (path, text) => {
        const tables = tablesOf(path, text);
        return name => {
            const bodies = tables.flatMap(t => t.get(name) ?? []);
            return bodies.length > 0 ? bodies : undefined;
        };
    };
}

const IDENT$1 = /[A-Za-z_]\w*/g;
const lineCache = new WeakMap();
function linesOf$1(img) {
    let lines = lineCache.get(img);
    if (!lines)
        lineCache.set(img, (lines = img.masked.split('\n')));
    return lines;
}
/** The masked text of lines `from`..`to` (1-based, inclusive). */
function textOf(img, from, to) {
    return linesOf$1(img)
        .slice(from - 1, to)
        .join('\n');
}
function spellsAny(text, names) {
    for (const id of text.match(IDENT$1) ?? [])
        if (names.has(id))
            return true;
    return false;
}
/**
 * Whether a `##` in `definition` may paste a name of `names`: the literal fragment before a `##`
 * starts it, or the one after ends it (`REG_##n` builds `REG_A`). Parameters are no fragments.
 */
function pastes(definition, params, names) {
    if (!definition.includes('##'))
        return false;
    const fragments = (re) => [...definition.matchAll(re)].map(m => m[1]).filter(f => !params.includes(f));
    const heads = fragments(/(\w+)\s*##/g);
    const tails = fragments(/##\s*(\w+)/g);
    for (const n of names) {
        if (heads.some(h => n.startsWith(h)) || tails.some(t => n.endsWith(t)))
            return true;
    }
    return false;
}
/** Each macro's definition without its own name (computed once per image, kept with its lines). */
const bodyCache = new WeakMap();
function bodiesOf(img) {
    let bodies = bodyCache.get(img);
    if (!bodies) {
        bodies = img.macros.map(m => ({
            name: m.name,
            // The definition's own name is no use of itself.
            body: textOf(img, m.startLine, m.endLine).replace(/^\s*#\s*define\s+\w+/, ''),
            params: m.params ?? []
        }));
        bodyCache.set(img, bodies);
    }
    return bodies;
}
/**
 * `names` and every macro of the file whose definition spells a name already in, or may paste one,
 * on either side of the change: a changed `LIMIT` changes `FLAGS` defined as `(LIMIT | 0x100)`, and
 * every function spelling `FLAGS` with it. Images are read once each: pass the same objects again.
 */
function macroClosure(names, images) {
    const reach = new Set(typeof names === 'string' ? [names] : names);
    if (reach.size === 0)
        return reach;
    const all = images.flatMap(bodiesOf);
    for (let grew = true; grew;) {
        grew = false;
        for (const m of all) {
            if (reach.has(m.name))
                continue;
            if (spellsAny(m.body, reach) || pastes(m.body, m.params, reach)) {
                reach.add(m.name);
                grew = true;
            }
        }
    }
    return reach;
}
/**
 * Whether `f`'s whole definition spells a name of `reach`: its header (a type or attribute macro),
 * its body and the directives inside it (`#if USE_FAST`), not only the body's code.
 */
function functionSpells(img, f, reach) {
    return spellsAny(textOf(img, f.startLine, f.endLine), reach);
}
/**
 * Lines outside every function and macro definition that spell a name of `reach` (an enum value,
 * a table, a type, a top-level `#if`): what the change does there is not traced here. With
 * `valueOnly` (the macro is defined on both sides), `#ifdef`, `#ifndef`, `#undef` and `defined()`
 * do not count: they read whether it is defined, which did not change.
 */
function usesOutside(img, reach, valueOnly) {
    const inside = new Set();
    for (const r of [...img.functions, ...img.macros])
        for (let l = r.startLine; l <= r.endLine; l++)
            inside.add(l);
    const out = [];
    linesOf$1(img).forEach((line, i) => {
        if (inside.has(i + 1))
            return;
        let text = line;
        if (valueOnly) {
            text = text
                .replace(/^\s*#\s*(?:ifdef|ifndef|undef)\b.*/, '')
                .replace(/\bdefined\s*(?:\(\s*\w+\s*\)|\w+)/g, '');
        }
        if (spellsAny(text, reach))
            out.push(i + 1);
    });
    return out;
}

const builtKey = (img, line) => [...img.outIn(line).keys()].sort().join();
const IDENT = /[A-Za-z_]\w*/g;
function linesOf(img, from, to, normalize) {
    return normalize(img.uncommented.slice(from - 1, to).join('\n'));
}
/** Macros of the file whose definitions (all of them, in order) differ between the images. */
function changedMacros(pre, post, normalize) {
    const texts = (img) => {
        const out = new Map();
        for (const m of img.macros) {
            const text = linesOf(img, m.startLine, m.endLine, normalize);
            out.set(m.name, `${out.get(m.name) ?? ''}\n${text}`);
        }
        return out;
    };
    const a = texts(pre);
    const b = texts(post);
    const direct = [...a.keys(), ...b.keys()].filter(n => a.get(n) !== b.get(n));
    if (direct.length === 0)
        return new Set();
    // And the macros defined through them: `FLAGS` spelled `(LIMIT | 0x100)` changes with `LIMIT`.
    const images = [pre, post].map(img => ({
        masked: img.uncommented.join('\n'),
        macros: img.macros
    }));
    return macroClosure(direct, images);
}
/**
 * Functions whose code reads the same in both images although the diff's lines fall in them: git
 * aligns an inserted function with the `return NULL; }` that ends its neighbour, so the neighbour's
 * last lines show as added. Every definition of the name (an `#ifdef` pair counts twice) must read
 * the same, in order, with no macro of the file that it names changed; functions a macro generates
 * are left to the macro's own judgement. Whether the function moves against a `__LINE__` it uses is
 * the line-shift check's question, not this one.
 */
function sameTextFunctions(pre, post, names, normalize) {
    const macros = changedMacros(pre, post, normalize);
    const out = new Set();
    for (const name of names) {
        const a = pre.functions.filter(f => f.name === name);
        const b = post.functions.filter(f => f.name === name);
        if (a.length === 0 || a.length !== b.length)
            continue;
        if ([...a, ...b].some(f => f.generatedBy !== undefined))
            continue;
        const same = a.every((f, i) => {
            const text = linesOf(pre, f.startLine, f.endLine, normalize);
            if (text !== linesOf(post, b[i].startLine, b[i].endLine, normalize))
                return false;
            // Moved into or out of an `#ifdef`: the same text, built by other sets.
            if (builtKey(pre, f.startLine) !== builtKey(post, b[i].startLine))
                return false;
            return !(text.match(IDENT) ?? []).some(id => macros.has(id));
        });
        if (same)
            out.add(name);
    }
    return out;
}

/** `name(args);` alone on its line. */
const CALL_LINE = /^\s*([A-Za-z_]\w*)\s*\(([^;]*)\)\s*;\s*$/;
/**
 * An argument whose evaluation reads nothing that may be volatile: a constant, or the caller's own
 * parameter or local variable, a member of a local struct, or an address (`&p->lock`). A global may
 * be volatile (`jiffies`), and so may what a pointer points to (`*mmio`, `regs[i]`, `p->x`): GCC
 * keeps those reads though the callee is empty.
 */
const CONSTANT_ARG = /^(?:0[xX][0-9a-fA-F]+|\d+)[uUlL]*$|^(?:NULL|true|false)$/;
const PARAMETER_ARG = /^&?\s*([A-Za-z_]\w*)(?:\s*(?:->|\.)\s*[A-Za-z_]\w*)*$/;
function pureArguments(args, parameters) {
    if (args.trim() === '')
        return true;
    return args.split(',').every(a => {
        const arg = a.trim();
        if (CONSTANT_ARG.test(arg))
            return true;
        const m = PARAMETER_ARG.exec(arg);
        // `p->x` reads memory `p` points to; `&p->x` only adds an offset to `p`.
        return m !== null && parameters.has(m[1]) && (arg.startsWith('&') || !arg.includes('->'));
    });
}
/** A local's declaration: type words, maybe a `*`, the name, then `;`, `,`, `=` or `[`. */
const LOCAL = /^\s*(?:(?:const|struct|union|enum|unsigned|signed|long|short|static)\s+)*[A-Za-z_]\w*(?:\s+|\s*\*+\s*)([A-Za-z_]\w*)\s*[;,=[]/;
/**
 * The caller's parameters (every identifier of its header, up to its body's `{`) and the locals its
 * body declares before `line`, none declared volatile.
 */
function ownVariables(img, caller, line) {
    const header = img.uncommented.slice(caller.startLine - 1, caller.bodyLine).join('\n');
    const open = header.indexOf('(');
    const own = new Set(open < 0 || /\bvolatile\b/.test(header) ? [] : (header.slice(open).match(/[A-Za-z_]\w*/g) ?? []));
    for (const text of img.uncommented.slice(caller.bodyLine - 1, line - 1)) {
        const m = LOCAL.exec(text);
        if (m && !/\bvolatile\b/.test(text))
            own.add(m[1]);
    }
    return own;
}
/** Line-embedding macros by their usual names: a function holding one is left to the line check. */
const LINE_SENSITIVE = /\b[A-Z_]*(?:WARN|BUG|ASSERT)[A-Z_]*\s*\(|__LINE__|\bmight_(?:sleep|resched|fault)\b|\bcant_(?:sleep|migrate)\b/;
/**
 * Whether changed line `line` of `caller` only adds or drops a call that compiles to nothing: the
 * callee is a `static inline` function of the same file whose body, in the definition each build
 * compiles (`#ifdef CONFIG_DEBUG_OBJECTS_TIMERS` ... `#else` stubs), is empty, and the arguments
 * read nothing that may be volatile (see PARAMETER_ARG). GCC inlines such a call to no instruction. A caller that embeds line
 * numbers is not judged here: the added line moves them.
 */
function emptyCallAt(img, caller, line) {
    const m = CALL_LINE.exec(img.uncommented[line - 1] ?? '');
    if (!m || !pureArguments(m[2], ownVariables(img, caller, line)))
        return undefined;
    const callee = m[1];
    if (callee === caller.name)
        return undefined;
    if (LINE_SENSITIVE.test(img.code.slice(caller.bodyStart, caller.bodyEnd)))
        return undefined;
    const defs = img.functions.filter(f => f.name === callee);
    if (defs.length === 0 || defs.some(f => f.generatedBy !== undefined))
        return undefined;
    const definitions = [];
    for (const build of img.builds) {
        const built = defs.filter(f => !img.outIn(f.startLine).has(build));
        if (built.length !== 1)
            return undefined;
        const f = built[0];
        const whole = img.uncommented.slice(f.startLine - 1, f.endLine).join(' ');
        if (!/\bstatic\b/.test(whole) || !/\binline\b|__always_inline/.test(whole))
            return undefined;
        const body = img.code.slice(f.bodyStart, f.bodyEnd).trim();
        if (!/^\{\s*\}$/.test(body))
            return undefined;
        definitions.push(f.startLine);
    }
    return { callee, definitions: [...new Set(definitions)] };
}

/**
 * A writable function-scope static declared on one line, with its value or without (zero):
 * `static int budget = 10;`, `static int budget;`, `static DEFINE_RATELIMIT_STATE(_rs, 5 * HZ,
 * 10);`. `const` tables are the function's own copy.
 */
const STATIC_LOCAL = /^\s*static\s+(?!const\b)(?:DEFINE_\w+\s*\(\s*([A-Za-z_]\w*)|[^=;(]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*[=;])/;
function declared(img, line) {
    const text = img.uncommented[line - 1] ?? '';
    const m = STATIC_LOCAL.exec(text);
    if (!m)
        return undefined;
    const fn = img.analysis.functions.find(f => line > f.startLine && line <= f.endLine);
    return fn
        ? { fn: fn.name, name: m[1] ?? m[2], text: text.replace(/\s+/g, ' ').trim() }
        : undefined;
}
/**
 * Function-scope statics a hunk declares again with another value. kpatch and klp-build give a
 * replaced function the running kernel's static locals (so that their state survives): the new
 * initial value never takes effect, whatever the livepatch replaces. A static only one side
 * declares is new (the livepatch brings it) or gone.
 */
function restartedStatics(h, pre, post) {
    const before = new Map();
    for (const l of h.lines) {
        if (l.type !== 'del')
            continue;
        const d = declared(pre, l.oldLine ?? 0);
        if (d)
            before.set(`${d.fn}\0${d.name}`, d.text);
    }
    const out = [];
    for (const l of h.lines) {
        if (l.type !== 'add')
            continue;
        const d = declared(post, l.newLine ?? 0);
        const was = d ? before.get(`${d.fn}\0${d.name}`) : undefined;
        if (d && was !== undefined && was !== d.text)
            out.push({ fn: d.fn, name: d.name });
    }
    return out;
}

const CALL$1 = /\b([A-Za-z_]\w*)\s*\(/g;
/** Names called in a body, from the code with comments, strings and directives blanked. */
function callsIn(code, f) {
    const out = new Set();
    const body = code.slice(f.bodyStart, f.bodyEnd);
    for (const m of body.matchAll(CALL$1))
        if (!NOT_CALLEES.has(m[1]))
            out.add(m[1]);
    return out;
}
/**
 * The names each of `callers` (changed or added functions of `file`) calls in the post-image and
 * did not call in the pre-image. A static GCC inlined into its only caller is kept out of line once
 * it has two (the "called once" inlining): that one caller's code changes with no line of it
 * changed (the holdout update's `udp4_lib_lookup2` when `udp4_lib_lookup1` began to call
 * `compute_score`).
 */
function newCalls(file, callers, pre, post) {
    const out = [];
    for (const caller of callers) {
        const after = post.functions.find(f => f.name === caller);
        if (!after)
            continue;
        const before = pre.functions.find(f => f.name === caller);
        const had = before ? callsIn(pre.code, before) : new Set();
        for (const callee of callsIn(post.code, after))
            if (!had.has(callee) && callee !== caller)
                out.push({ file, caller, callee });
    }
    return out;
}

/**
 * Files no kernel build reads, by path: a change to them cannot reach the image or a module.
 * Repository metadata (MAINTAINERS, .mailmap, .gitignore anywhere, CI configuration), and
 * `tools/testing/` (selftests, KUnit's runner, ktest: built by `make kselftest` and friends, never
 * by the kernel's own build). The rest of `tools/` stays code: objtool rewrites every object, and
 * `resolve_btfids` patches vmlinux. Prose is the mapper's `isDocumentation`.
 */
const METADATA = /^(?:MAINTAINERS|CREDITS|README|COPYING|\.mailmap|\.clang-format|\.cocciconfig|\.get_maintainer\.ignore|\.gitattributes)$|(?:^|\/)\.gitignore$|^\.github\//;
/** Why nothing built reads `path`, or undefined when something may. */
function outsideBuild(path) {
    if (METADATA.test(path))
        return 'repository metadata: no build reads it';
    if (path.startsWith('tools/testing/'))
        return 'userspace test code (tools/testing/): not part of the kernel or its modules';
    return undefined;
}

const FORWARD = /^\s*(struct|union|enum)\s+([A-Za-z_]\w*)\s*;?\s*$/;
/**
 * `struct pt_regs;` as the fix adds or removes it: a tag declared without a body names an
 * incomplete type and lays out nothing. At most it changes which declaration a later
 * `struct pt_regs *` in a parameter list refers to, and a mismatch there is a compile error
 * (kbuild's -Werror=incompatible-pointer-types), never other code. Undefined for anything else.
 */
function forwardDeclaration(d, uncommented) {
    if (d.kind !== 'type')
        return undefined;
    const m = FORWARD.exec(uncommented.slice(d.startLine - 1, d.endLine).join(' '));
    return m ? `${m[1]} ${m[2]}` : undefined;
}

const ENUMERATOR = /([A-Za-z_]\w*)\s*(?:=[^,}]*)?(?=[,}])/g;
/** The enumerators of an `enum { ... }` definition's text, or undefined when it is none. */
function enumerators(text) {
    const m = /^\s*(?:typedef\s+)?enum\b[^{]*\{([\s\S]*)\}/.exec(text);
    return m ? [...(m[1] + ',').matchAll(ENUMERATOR)].map(e => e[1]) : undefined;
}
/**
 * An `enum` defined in a `.c` (`here`, the image `d` is in) that the other image neither defines
 * nor names, nor any of its enumerators: the fix adds or removes it. Its constants are new (or
 * gone with the code that used them), and an enum lays out no data but an integer. A struct or
 * union added or removed stays a type change: old data may be read through the new type (the benchmark's
 * `arch/x86/events/amd/uncore.c` replaced `struct amd_uncore` by two new structs over per-CPU data). Lines a diff
 * shares between two definitions (a `};` closing both) do not matter: the names decide.
 */
function localTypeAddedOrRemoved(d, here, other, 
/** Identifiers the fix's other files add or drop (an enum moved between headers). */
elsewhere = new Set()) {
    if (d.kind !== 'type')
        return false;
    const text = here.uncommented.slice(d.startLine - 1, d.endLine).join('\n');
    const names = enumerators(text);
    if (names === undefined || names.length === 0)
        return false;
    if (d.name !== undefined && (other.identifiers.has(d.name) || defines(other, d.name)))
        return false;
    return names.every(n => !other.identifiers.has(n) && !elsewhere.has(n));
}
function defines(img, name) {
    return img.declarations.some(o => o.kind === 'type' && o.name === name);
}

/** `typedef unsigned gfp_t;`, `typedef struct { ... } spinlock_t;`: the name before the `;`. */
const ALIAS = /\btypedef\b[^;{}]*?([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)?;/g;
const RECORD_NAME = /\btypedef\s+(?:struct|union|enum)\b[^{;]*\{/g;
/** `typedef void (*work_func_t)(struct work_struct *);` */
const FUNCTION_TYPE = /\btypedef\b[^;{}]*?\(\s*\*?\s*([A-Za-z_]\w*)\s*\)\s*\(/g;
/** The names a text declares with `typedef`. */
function typedefsOf(text) {
    const masked = maskCommentsAndStrings(text);
    const out = new Set();
    for (const m of masked.matchAll(ALIAS))
        out.add(m[1]);
    for (const m of masked.matchAll(FUNCTION_TYPE))
        out.add(m[1]);
    for (const m of masked.matchAll(RECORD_NAME)) {
        let depth = 0;
        for (let i = (m.index ?? 0) + m[0].length - 1; i < masked.length; i++) {
            if (masked[i] === '{')
                depth++;
            else if (masked[i] === '}' && --depth === 0) {
                const name = /^\s*([A-Za-z_]\w*)\s*;/.exec(masked.slice(i + 1));
                if (name)
                    out.add(name[1]);
                break;
            }
        }
    }
    return out;
}
/**
 * The typedef names `path` can see: its own and those of every header it may include. What a
 * parameter list spells is then known to be a type, not a macro standing for several parameters
 * (`int f_read(F_ARGS);`), wherever such a macro would come from.
 */
function makeTypeNames(ctx) {
    const namesOf = readWithHeaders(ctx, typedefsOf, new Set());
    return (path, text) => new Set(namesOf(path, text).flatMap(names => [...names]));
}

function typeImage(img) {
    return {
        declarations: img.analysis.map.declarations,
        uncommented: img.uncommented,
        identifiers: identifiersOf(img)
    };
}
function identifiersOf(img) {
    img.identifiers ??= new Set(img.analysis.masked.match(/[A-Za-z_]\w*/g) ?? []);
    return img.identifiers;
}
/**
 * Prose and metadata can't change the kernel image; anything else outside C may. A `.txt` is
 * prose only under Documentation/: elsewhere kbuild generates code from some (x86's
 * `arch/x86/lib/x86-opcode-map.txt` makes the instruction decoder's tables, `fs/unicode/*.txt`
 * the UTF-8 tables, `scripts/head-object-list.txt` orders vmlinux's objects).
 */
function isDocumentation(path) {
    return /^Documentation\//.test(path) || /\.(rst|md)$/.test(path) || /(^|\/)LICENSES\//.test(path);
}
const isC = (path) => /\.[ch]$/.test(path);
/** First changed line: in the new image, or in the old one for a deletion-only hunk. */
function hunkLine(h) {
    const add = h.lines.find(l => l.type === 'add');
    if (add?.newLine !== undefined)
        return add.newLine;
    return h.lines.find(l => l.type === 'del')?.oldLine ?? h.newStart;
}
function image(parser, text, builds, kbuildDefined) {
    const analysis = analyseSource(parser, text);
    const defines = new Set([...analysis.map.macros.map(m => m.name), ...kbuildDefined]);
    return {
        analysis,
        uncommented: maskCommentsAndStrings(text, false).split('\n'),
        view: new BuildView(analysis.masked, defines, builds),
        text
    };
}
/**
 * Lines the diff leaves alone whose code still changes: a comment the fix opens, closes or
 * continues (`// note \` swallows the next line, `/*` left open with `-U0` reaches past the hunk).
 * Each is returned as a one-line hunk of its own, so it is classified like a changed line.
 */
function recodedLines(hunks, pre, post) {
    const out = [];
    const compare = (o, n) => {
        const a = pre.uncommented[o - 1] ?? '';
        const b = post.uncommented[n - 1] ?? '';
        if (a === b || normalizeCode(a) === normalizeCode(b))
            return;
        out.push({
            oldStart: o,
            oldLines: 1,
            newStart: n,
            newLines: 1,
            lines: [
                { type: 'del', text: pre.text.split('\n', o)[o - 1] ?? '', oldLine: o },
                { type: 'add', text: post.text.split('\n', n)[n - 1] ?? '', newLine: n }
            ]
        });
    };
    let o = 1;
    let n = 1;
    for (const h of hunks) {
        // `@@ -5,0 +6,2 @@` inserts after old line 5: an empty side starts after its start line.
        const oldBefore = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
        for (; o <= oldBefore; o++, n++)
            compare(o, n);
        for (const l of h.lines) {
            if (l.type === 'ctx' && l.oldLine !== undefined && l.newLine !== undefined) {
                compare(l.oldLine, l.newLine);
            }
        }
        o = oldBefore + h.oldLines + 1;
        n = (h.newLines === 0 ? h.newStart : h.newStart - 1) + h.newLines + 1;
    }
    for (; o <= pre.uncommented.length && n <= post.uncommented.length; o++, n++)
        compare(o, n);
    return out;
}
/**
 * The uncommented text of `lines` and the lines a backslash joins to them, in order: whitespace
 * inside a string literal spliced over lines is code (`sizeof(MSG)`).
 */
function codeLines$1(img, lines) {
    const spliced = (n) => /\\\r?$/.test(img.uncommented[n - 1] ?? '');
    const all = new Set();
    for (const line of lines) {
        let from = line;
        while (from > 1 && spliced(from - 1))
            from--;
        let to = line;
        while (to < img.uncommented.length && spliced(to))
            to++;
        for (let n = from; n <= to; n++)
            all.add(n);
    }
    const ordered = [...all].sort((a, b) => a - b);
    return ordered.map(n => img.uncommented[n - 1] ?? '').join('\n');
}
// A backslash-newline inside a literal is part of it (the splice joins the lines first).
const LITERAL_OR_SPACE = /"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*'|\s+/g;
/** Two characters that start one C token when nothing separates them (`a + ++b` is not `a++ + b`). */
const JOINING = new Set([
    '++',
    '--',
    '->',
    '<<',
    '>>',
    '<=',
    '>=',
    '==',
    '!=',
    '&&',
    '||',
    '+=',
    '-=',
    '*=',
    '/=',
    '%=',
    '&=',
    '|=',
    '^=',
    '##',
    '..',
    '::'
]);
/**
 * Code with layout removed but meaning kept: whitespace inside string and char literals stays, and
 * a space that separates two identifier characters (`return x`, `unsigned int`) or two characters
 * that would otherwise read as one token (`- -x`) stays as one.
 */
function normalizeCode(text) {
    return text.replace(LITERAL_OR_SPACE, (m, offset) => {
        if (!/^\s/.test(m))
            return m;
        const before = text[offset - 1] ?? '';
        const after = text[offset + m.length] ?? '';
        return (/\w/.test(before) && /\w/.test(after)) || JOINING.has(before + after) ? ' ' : '';
    });
}
function functionsAt(img, line) {
    return img.analysis.functions.filter(f => line >= f.startLine && line <= f.endLine);
}
const macroAt = (img, line) => img.analysis.map.macros.find(m => line >= m.startLine && line <= m.endLine);
const declarationAt = (img, line) => img.analysis.map.declarations.find(d => line >= d.startLine && line <= d.endLine);
function record(acc, f, file, at, via, outIn = new Map()) {
    const key = `${file}\0${f.name}`;
    const out = acc.outSets.get(key);
    acc.outSets.set(key, new Set([...(out ?? outIn.keys())].filter(l => outIn.has(l))));
    let entry = acc.changed.get(key);
    if (!entry) {
        entry = {
            name: f.name,
            symbols: f.symbols,
            file,
            line: f.startLine,
            change: 'modified',
            hunks: [],
            direct: false
        };
        acc.changed.set(key, entry);
    }
    if (!via || via.kind === 'macro-invocation') {
        if (!entry.direct) {
            entry.direct = true;
            if (via)
                entry.via = via;
            else
                delete entry.via;
        }
    }
    else if (!entry.direct && !entry.via) {
        entry.via = via;
    }
    if (!entry.hunks.some(h => h.file === at.file && h.line === at.line))
        entry.hunks.push(at);
}
/** Which finding a change inside each kind of top-level declaration gives ('other': none). */
const DECLARATION_FINDING = {
    type: 'type-change',
    global: 'global-change',
    include: 'include-change'
};
const DECLARATION_WHY = {
    'type-change': 'data layout change: a livepatch cannot apply it directly (shadow variables?)',
    'global-change': 'global data change: a livepatch does not re-initialise data',
    'include-change': 'an include change can change any code of this file'
};
/** Adds findings at one place of a changed file. */
function findingAt(acc, at) {
    return (kind, severity, message, functions) => {
        const f = { kind, severity, message, file: at.file, line: at.line };
        if (functions)
            f.functions = functions;
        acc.findings.push(f);
    };
}
/** An image as the macro reach reads it: one object per image, so its line and body caches hold. */
function reachImage(img) {
    img.reach ??= {
        masked: img.analysis.masked,
        functions: img.analysis.functions,
        macros: img.analysis.map.macros
    };
    return img.reach;
}
/**
 * Of the calls whose arguments' spacing a hunk changes, those that are macros stringifying them,
 * and (without the tree, where a header's macro cannot be seen) those it cannot tell from a
 * function.
 */
function stringifiedSpacing(acc, path, post, calls) {
    const out = { stringified: [], unknown: [] };
    if (calls.length === 0)
        return out;
    const bodies = postBodies(acc, path, post) ?? ownMacroBodies(post.text);
    for (const name of calls) {
        if (bodies(name) === undefined) {
            if (!acc.macroBodies)
                out.unknown.push(name);
        }
        else if (stringifies(name, bodies))
            out.stringified.push(name);
    }
    return out;
}
/** Classifies every changed line of one hunk and records what it touches. */
function mapHunk(acc, path, h, pre, post) {
    const at = { file: path, line: hunkLine(h) };
    const finding = findingAt(acc, at);
    // Whole sides, context included: moving `kfree(x);` past `use(x);` is the classic
    // use-after-free fix, and its deleted and added lines alone compare equal.
    const oldSide = h.lines.filter(l => l.type !== 'add').map(l => l.oldLine ?? 0);
    const newSide = h.lines.filter(l => l.type !== 'del').map(l => l.newLine ?? 0);
    const oldCode = codeLines$1(pre, oldSide);
    const newCode = codeLines$1(post, newSide);
    const oldNormal = normalizeCode(oldCode);
    const newNormal = normalizeCode(newCode);
    const sameCode = oldNormal === newNormal;
    if (sameCode) {
        const respaced = stringifiedSpacing(acc, path, post, respacedCalls(oldCode, newCode));
        if (respaced.unknown.length > 0) {
            const names = respaced.unknown.join(', ');
            finding('macro-change', 'unresolved', `only whitespace changes, but between two tokens inside ${names}(...): a macro that stringifies its argument (#) would make another string; whether ${names} does is not known without the tree (--source)`);
            return;
        }
        if (respaced.stringified.length === 0) {
            finding('comment-only', 'info', 'only comments or whitespace change');
            return;
        }
        const names = respaced.stringified.join(', ');
        finding('macro-change', 'warning', `only whitespace changes, but inside ${names}(...), which stringifies its argument (#): the string it makes changes`);
    }
    if (!sameCode && sameTypeSpelling(oldNormal, newNormal)) {
        finding('same-type-spelling', 'info', SAME_TYPE_SPELLING);
        return;
    }
    for (const r of restartedStatics(h, pre, post))
        finding('global-change', 'unresolved', `${r.fn}: its static ${r.name} starts from another value: a livepatch's copy of ${r.fn} keeps using the running kernel's ${r.name} (kpatch and klp-build correlate static locals so that their state survives), so the new initial value never takes effect`, [r.fn]);
    const macros = new Set();
    const decl = new Map();
    const named = (kind, name) => {
        decl.set(kind, (decl.get(kind) ?? new Set()).add(name));
    };
    const tops = [];
    const includes = [];
    const compiledOut = [];
    const addedGlobals = new Set();
    const emptyCalls = [];
    let outLines = 0;
    let unmapped = 0;
    const localTypes = new Set();
    const forwards = new Set();
    const visit = (img, line) => {
        // A line whose code is blank only moves comments or whitespace: nothing to classify.
        if ((img.uncommented[line - 1] ?? '').trim() === '')
            return;
        const outIn = img.view.outIn(line);
        if (outIn.size === img.view.builds.length) {
            outLines++;
            for (const e of outIn)
                compiledOut.push(e);
            return;
        }
        const fns = functionsAt(img, line);
        if (fns.length > 0) {
            // A #define inside a body holds for the rest of the file: later functions may use it.
            const inner = macroAt(img, line);
            if (inner)
                macros.add(inner.name);
            for (const f of fns) {
                const call = f.generatedBy ? undefined : emptyCallAt(callImage(img), f, line);
                if (call) {
                    emptyCalls.push({ name: f.name, call });
                    continue;
                }
                const via = f.generatedBy
                    ? { kind: 'macro-invocation', macro: f.generatedBy }
                    : undefined;
                record(acc, f, path, at, via, outIn);
                // Its text reads the same but for a string the preprocessor makes: not to be dropped.
                if (sameCode)
                    acc.respaced.add(`${path}\0${f.name}`);
                if (f.guessed)
                    guessedDefinition(acc, path, f, line);
            }
            return;
        }
        const m = macroAt(img, line);
        if (m) {
            macros.add(m.name);
            return;
        }
        const top = topLevelAt(img, line);
        if (top) {
            tops.push(top);
            return;
        }
        const d = declarationAt(img, line);
        if (d?.kind === 'include' && acc.includes) {
            includes.push({ line: img.uncommented[line - 1] ?? '', side: img === pre ? 'del' : 'add' });
            return;
        }
        // A top-level macro call (`module_exit(rng_exit);`, `late_initcall(f);`) is judged by its
        // expansion as a definition is: plain data, a static inline, or an entry placed in a section.
        // Not a line of an X-macro list (`SCHED_FEAT(RT_PUSH_IPI, true)`, no `;`), whose includer's
        // definition decides what it is, nor an attribute macro on the line above a definition.
        const call = d?.kind === 'other' &&
            d.name !== undefined &&
            img.uncommented
                .slice(d.startLine - 1, d.endLine)
                .join('\n')
                .trimEnd()
                .endsWith(';');
        if ((d?.kind === 'global' || call) && img === post) {
            addedGlobals.add(d);
            return;
        }
        if (call && d.name !== undefined) {
            named('global-change', d.name);
            return;
        }
        if (d) {
            const [here, other] = img === pre ? [pre, post] : [post, pre];
            if (localTypeAddedOrRemoved(d, typeImage(here), typeImage(other), otherHunks(acc, path))) {
                localTypes.add(`${d.name ?? 'an anonymous enum'} ${img === pre ? 'removed' : 'added'}`);
                return;
            }
        }
        const forward = d ? forwardDeclaration(d, img.uncommented) : undefined;
        if (forward) {
            forwards.add(`${forward} ${img === pre ? 'removed' : 'added'}`);
            return;
        }
        const kind = d ? DECLARATION_FINDING[d.kind] : undefined;
        if (d && kind)
            named(kind, d.kind === 'include' ? `#include ${d.name ?? ''}` : (d.name ?? '(unnamed)'));
        else
            unmapped++;
    };
    for (const l of h.lines) {
        if (l.type === 'del')
            visit(pre, l.oldLine ?? 0);
        else if (l.type === 'add')
            visit(post, l.newLine ?? 0);
    }
    const judged = new Set();
    for (const { name, call } of emptyCalls) {
        if (acc.changed.has(`${path}\0${name}`))
            continue;
        const message = `${name}: the changed call ${call.callee}(...) compiles to nothing: ${call.callee} is a static inline function whose body is empty in every build (line ${call.definitions.join(', ')})`;
        if (judged.has(message))
            continue;
        judged.add(message);
        finding('empty-call', 'info', message, [name]);
    }
    const added = new Set(h.lines.flatMap(l => (l.type === 'add' ? [l.newLine ?? 0] : [])));
    for (const d of addedGlobals) {
        const lines = Array.from({ length: d.endLine - d.startLine + 1 }, (_, i) => d.startLine + i);
        const def = {
            code: lines.map(n => post.uncommented[n - 1] ?? '').join('\n'),
            name: d.name,
            whole: lines.every(n => added.has(n) || (post.uncommented[n - 1] ?? '').trim() === '')
        };
        const f = addedGlobalFinding(def, identifiersOf(pre), postBodies(acc, path, post));
        if (f && !judged.has(`${f.kind}\0${f.message}`)) {
            judged.add(`${f.kind}\0${f.message}`);
            finding(f.kind, f.severity, f.message, f.functions);
        }
        else if (!f)
            named('global-change', d.name ?? '(unnamed)');
    }
    for (const what of [...localTypes].sort()) {
        finding('type-change', 'info', path.endsWith('.c')
            ? `type ${what} with the code using it: an enum local to this file, its constants used only by its changed functions, lays out no data`
            : // In a header too: code elsewhere that named the constants before they existed (or after
                // they are gone) would not compile, so only the fix's own text uses them.
                `type ${what}: an enum the fix adds or removes whole, whose constants only code the fix writes or drops can name, lays out no data`);
    }
    for (const what of [...forwards].sort()) {
        finding('type-change', 'info', `forward declaration ${what}: a tag declared without a body lays out nothing and compiles to nothing (a mismatch it leaves is a compile error, not other code)`);
    }
    for (const [kind, names] of [...decl].sort(([a], [b]) => a.localeCompare(b))) {
        finding(kind, 'unresolved', `${[...names].sort().join(', ')} changed: ${DECLARATION_WHY[kind]}`);
    }
    for (const name of [...macros].sort())
        macroChange(acc, path, at, name, pre, post, finding);
    for (const top of tops) {
        const f = topLevelFinding(top, pre, post, path.endsWith('.h'), typeNames(acc, path, pre, post));
        if (!f || judged.has(`${f.kind}\0${f.message}`))
            continue;
        judged.add(`${f.kind}\0${f.message}`);
        finding(f.kind, f.severity, f.message, f.functions);
    }
    if (tops.some(isConditional))
        acc.conditionalHunks.push(at);
    for (const { line, side } of includes) {
        const m = /#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/.exec(line);
        const inc = m?.[1] !== undefined ? { name: m[1], quoted: true } : { name: m?.[2] ?? '', quoted: false };
        const subject = {
            path,
            preText: pre.text,
            postText: post.text,
            used: identifiersOf(post)
        };
        const f = acc.includes?.judge(subject, inc, side);
        // A moved include is a removal and an addition of one line, judged alike: said once.
        if (!f || judged.has(`${f.kind}\0${f.message}`))
            continue;
        judged.add(`${f.kind}\0${f.message}`);
        finding(f.kind, f.severity, f.message);
    }
    if (outLines > 0) {
        finding('not-built', 'info', `${outLines} changed line(s) ${notBuiltMessage(compiledOut)}`);
    }
    if (unmapped > 0) {
        finding('unmapped-hunk', 'unresolved', `${unmapped} changed line(s) outside any function, type, global or macro`);
    }
}
function callImage(img) {
    return {
        functions: img.analysis.functions,
        code: img.analysis.code,
        uncommented: img.uncommented,
        builds: img.view.builds.map(b => b.label),
        outIn: line => img.view.outIn(line)
    };
}
/**
 * Entries of `path` whose code reads the same before and after: the diff's alignment only. Only
 * those this change made (not in `earlier`): in a patch series touching the file again, a function
 * an earlier patch changed reads the same across a later one that leaves it alone.
 */
function dropSameText(acc, path, pre, post, earlier) {
    const names = [...acc.changed]
        .filter(([key, e]) => e.file === path && !earlier.has(key) && !acc.respaced.has(key))
        .map(([, e]) => e.name);
    const image = (img) => ({
        functions: img.analysis.functions,
        macros: img.analysis.map.macros,
        uncommented: img.uncommented,
        outIn: (line) => img.view.outIn(line)
    });
    for (const name of sameTextFunctions(image(pre), image(post), names, normalizeCode)) {
        const key = `${path}\0${name}`;
        const entry = acc.changed.get(key);
        acc.changed.delete(key);
        acc.outSets.delete(key);
        acc.findings.push({
            kind: 'comment-only',
            severity: 'info',
            message: `${name}: changed lines of the diff fall in it, but its code reads the same before and after the fix (comments, whitespace or the diff's alignment)`,
            file: path,
            line: entry?.hunks[0]?.line ?? entry?.line ?? 1,
            functions: [name]
        });
    }
}
/**
 * Identifiers the fix's other files add or drop: an enum moved from one header to another with
 * another value (a hostile review's case) is neither new nor gone. Read once per changed file.
 */
function otherHunks(acc, path) {
    if (acc.otherWords?.path === path)
        return acc.otherWords.words;
    const words = new Set();
    for (const c of acc.changes) {
        if (c.path === path)
            continue;
        for (const h of c.patch.hunks)
            for (const l of h.lines)
                if (l.type !== 'ctx')
                    for (const w of l.text.match(/[A-Za-z_]\w*/g) ?? [])
                        words.add(w);
    }
    acc.otherWords = { path, words };
    return words;
}
/**
 * Whether an identifier is a typedef name of the file (either image) or of its headers, or a
 * macro that is one type; undefined without the tree, where only the C keywords and fixed
 * typedefs are known types. The headers are read on the first question, once per changed file.
 */
function typeNames(acc, path, pre, post) {
    const { typeNames: namesOf, macroBodies } = acc;
    if (!namesOf || !macroBodies)
        return undefined;
    if (acc.isType?.path !== path) {
        let known;
        const ask = (name) => {
            if (!known) {
                const names = namesOf(path, post.text);
                for (const n of namesOf(path, pre.text))
                    names.add(n);
                const bodies = [postBodies(acc, path, post), macroBodies(path, pre.text)];
                // 6.1's `#define pgoff_t unsigned long` (include/linux/types.h): a macro that is one type.
                const typeMacro = (n) => {
                    const all = bodies.flatMap(b => b?.(n) ?? []);
                    return all.length > 0 && all.every(b => TYPE_ONLY.test(b) && !/,/.test(b));
                };
                known = n => names.has(n) || typeMacro(n);
            }
            return known(name);
        };
        acc.isType = { path, ask };
    }
    return acc.isType.ask;
}
/** A macro body that is only type words: `unsigned long`, `struct page`. */
const TYPE_ONLY = /^\s+(?:(?:const|volatile|unsigned|signed|char|short|int|long|_Bool|void|(?:struct|union|enum)\s+[A-Za-z_]\w*)\s*)+$/;
function postBodies(acc, path, post) {
    if (!acc.macroBodies)
        return undefined;
    if (acc.postBodies?.path !== path)
        acc.postBodies = { path, bodies: acc.macroBodies(path, post.text) };
    return acc.postBodies.bodies;
}
function macroChange(acc, path, at, name, pre, post, finding) {
    const images = [pre, post].map(reachImage);
    const header = path.endsWith('.h');
    // Through the file's other macros: `FLAGS` defined as `(LIMIT | 0x100)` changes with `LIMIT`.
    // A header's own are the header impact's (core/impact), which follows them into every TU.
    const reach = header ? new Set([name]) : macroClosure(name, images);
    const names = new Set();
    for (const img of images) {
        for (const f of img.functions) {
            if (f.generatedBy !== undefined && reach.has(f.generatedBy)) {
                record(acc, f, path, at, { kind: 'macro-body', macro: f.generatedBy });
                names.add(f.name);
            }
            else if (functionSpells(img, f, reach)) {
                record(acc, f, path, at, { kind: 'macro-use', macro: name });
                names.add(f.name);
            }
        }
    }
    const functions = [...names].sort();
    if (header) {
        const message = `#define ${name} changed in a header: users in other files are not visible here`;
        finding('macro-change', 'unresolved', message, functions);
        return;
    }
    // A definition above an #include is read by that header too: `pr_fmt` by printk.h's `pr_err`,
    // `DEBUG` by `pr_debug`, a template's parameters by the `.c` or `.h` it includes. Calls of the
    // header's macros in this file then change without spelling the name.
    const include = includeBelow([pre, post], name);
    if (include !== undefined) {
        const message = `#define ${name} changed above #include ${include}: what the headers included after it make of it (pr_fmt, DEBUG, a template's parameters) is not traced`;
        finding('macro-change', 'unresolved', message, functions);
        return;
    }
    // Defined on both sides: only its value changed, which `#ifdef` does not read.
    const valueOnly = images.every(img => img.macros.some(m => m.name === name));
    const after = usesOutside(images[1], reach, valueOnly)[0];
    const before = after === undefined ? usesOutside(images[0], reach, valueOnly)[0] : undefined;
    const where = after !== undefined
        ? `line ${after}`
        : before !== undefined
            ? `line ${before} before the fix`
            : '';
    if (where === '') {
        finding('macro-change', 'warning', `#define ${name} changed: its users in this file count as changed`, functions);
        return;
    }
    const message = `#define ${name} changed: its users in this file count as changed, but it is also used outside functions (${where}: a type, enum, table or #if), where what it changes is not traced`;
    finding('macro-change', 'unresolved', message, functions);
}
/**
 * `MACRO(name, ...) { body }` of a macro the engine does not expand: the body's function is named
 * by a guess (the first argument), while the macro decides the real names, how many functions
 * there are and their annotations (DEFINE_IDTENTRY_SYSVEC(x) puts the body in `__x`, inside a
 * `noinstr` `x`; DECLARE_RTL_COND(x) in `x_check` beside a struct `x`).
 */
function guessedDefinition(acc, path, f, line) {
    if (acc.findings.some(g => g.kind === 'unmapped-hunk' && g.file === path && g.functions?.[0] === f.name))
        return;
    acc.findings.push({
        kind: 'unmapped-hunk',
        severity: 'unresolved',
        message: `${f.name} is defined by ${f.generatedBy}(${f.name}, ...) { ... }, which is not expanded here: the functions it generates, their names and annotations are a guess (${f.name}); check the expansion`,
        file: path,
        line,
        functions: [f.name]
    });
}
// Any `#include` line, a computed one (`#include TRACE_INCLUDE(...)`) too, which
// includeDirectives (quoted and angle forms only) leaves out.
const INCLUDE_LINE = /^[ \t]*#[ \t]*include\b[ \t]*(.*?)[ \t]*$/;
/** The first `#include` below a definition of `name`, on either side (as written), if any. */
function includeBelow(images, name) {
    for (const img of images) {
        let first = Infinity;
        for (const m of img.analysis.map.macros)
            if (m.name === name)
                first = Math.min(first, m.startLine);
        if (first === Infinity)
            continue;
        const lines = img.uncommented;
        for (let i = first; i < lines.length; i++) {
            const m = INCLUDE_LINE.exec(lines[i]);
            if (m)
                return m[1] || '(empty)';
        }
    }
    return undefined;
}
function perHunk(acc, change, kind, severity, message) {
    for (const h of change.patch.hunks) {
        acc.findings.push({ kind, severity, message, file: change.path, line: hunkLine(h) });
    }
    if (change.patch.hunks.length === 0)
        acc.findings.push({ kind, severity, message, file: change.path });
}
function mapFile(parser, acc, change) {
    const { patch, path } = change;
    const outside = [patch.oldPath, patch.newPath].map(p => (p === null ? '' : outsideBuild(p)));
    if (outside.every(reason => reason !== undefined)) {
        perHunk(acc, change, 'not-built', 'info', outside.find(r => r !== '') ?? 'not built');
        return;
    }
    if (!isC(path) || patch.binary) {
        // Both sides of a rename: a C file moved to a `.txt` leaves the build.
        const doc = [patch.oldPath, patch.newPath].every(p => p === null || isDocumentation(p));
        const message = doc ? 'documentation change' : 'non-C file change: it can change the built code';
        perHunk(acc, change, 'non-c-file', doc ? 'info' : 'unresolved', message);
        return;
    }
    if (change.oldText === null &&
        change.newText === null &&
        (patch.oldPath ?? patch.newPath) !== null) {
        perHunk(acc, change, 'source-missing', 'unresolved', 'source of this file not available');
        return;
    }
    const oldText = patch.oldPath === null
        ? ''
        : (change.oldText ?? reverseHunks(change.newText ?? '', patch.hunks));
    const newText = patch.newPath === null ? '' : oldText === null ? null : applyHunks(oldText, patch.hunks);
    if (oldText === null ||
        newText === null ||
        (change.newText !== null &&
            patch.newPath !== null &&
            change.oldText !== null &&
            newText !== change.newText)) {
        perHunk(acc, change, 'source-mismatch', 'unresolved', 'the diff does not apply to the given source');
        return;
    }
    const out = fileCompiledOut(path, acc.builds, acc.tree?.sourceOf);
    if (out !== undefined) {
        perHunk(acc, change, 'not-built', 'info', out);
        return;
    }
    const tree = acc.tree;
    const kbuild = tree ? kbuildDefines(path, tree.arches, tree.sourceOf) : new Set();
    const defined = (text) => tree ? new Set([...kbuild, ...localHeaderDefines(path, text, tree.sourceOf)]) : kbuild;
    const pre = image(parser, oldText, acc.builds, defined(oldText));
    const post = image(parser, newText, acc.builds, defined(newText));
    acc.preFunctions.set(path, pre.analysis.functions);
    acc.postFunctions.set(path, post.analysis.functions);
    acc.conditionalHunks = [];
    const earlier = new Set([...acc.changed].filter(([, e]) => e.file === path).map(([k]) => k));
    for (const h of patch.hunks)
        mapHunk(acc, path, h, pre, post);
    for (const h of recodedLines(patch.hunks, pre, post))
        mapHunk(acc, path, h, pre, post);
    dropSameText(acc, path, pre, post, earlier);
    if (acc.conditionalHunks.length > 0)
        conditionalChange(acc, path, patch.hunks, pre, post);
    // Decide added/removed per function name: present in one image only.
    const preNames = new Set(pre.analysis.functions.map(f => f.name));
    const postNames = new Set(post.analysis.functions.map(f => f.name));
    const added = [];
    for (const entry of acc.changed.values()) {
        if (entry.file !== path)
            continue;
        if (!preNames.has(entry.name) && postNames.has(entry.name)) {
            entry.change = 'added';
            entry.line = post.analysis.functions.find(f => f.name === entry.name)?.startLine ?? entry.line;
            added.push({ name: entry.name, line: entry.line });
            acc.findings.push({
                kind: 'added-function',
                severity: 'info',
                message: `${entry.name} is new: nothing to patch in the running kernel, its callers are what changed`,
                file: path,
                line: entry.line,
                functions: [entry.name]
            });
        }
        else if (preNames.has(entry.name) && !postNames.has(entry.name)) {
            entry.change = 'removed';
            acc.findings.push({
                kind: 'removed-function',
                severity: 'warning',
                message: `${entry.name} is removed: its callers must be replaced too`,
                file: path,
                line: entry.line,
                functions: [entry.name]
            });
        }
        else {
            entry.line = pre.analysis.functions.find(f => f.name === entry.name)?.startLine ?? entry.line;
        }
    }
    for (const fn of added)
        callersOfAdded(acc, path, fn, pre, post);
    callersOfResigned(acc, path, pre, post);
    const callers = [...acc.changed.values()]
        .filter(e => e.file === path && e.change !== 'removed')
        .map(e => e.name);
    append(acc.newCalls, newCalls(path, callers, { code: pre.analysis.code, functions: pre.analysis.functions }, { code: post.analysis.code, functions: post.analysis.functions }));
}
/** A definition's header (return type, attributes, name, parameters) with spaces normalised. */
function headerOf(img, f) {
    const text = img.uncommented.slice(f.startLine - 1, f.bodyLine).join(' ');
    const cut = text.indexOf('{');
    return (cut < 0 ? text : text.slice(0, cut))
        .replace(/\s+/g, ' ')
        .replace(/ ?([^\w\s]) ?/g, '$1')
        .trim();
}
/**
 * A definition whose header changed (`int` to `bool` parameter, `unsigned` to `int` return,
 * `__noreturn` or `__pure` dropped) changes how its callers call it: they pass, extend or test
 * values differently, or no longer assume it never returns. Its callers in this file count as
 * changed; a function other files can call leaves callers this file does not show.
 */
function callersOfResigned(acc, path, pre, post) {
    const first = (img) => {
        const m = new Map();
        for (const f of img.analysis.functions)
            if (f.generatedBy === undefined && !m.has(f.name))
                m.set(f.name, f);
        return m;
    };
    const before = first(pre);
    const after = first(post);
    const image = reachImage(pre);
    for (const [name, f] of after) {
        const old = before.get(name);
        if (!old || !acc.changed.has(`${path}\0${name}`))
            continue;
        if (headerOf(pre, old) === headerOf(post, f))
            continue;
        const spelled = new Set([name]);
        const callers = [];
        for (const [caller, g] of after) {
            const was = before.get(caller);
            if (caller === name || !was || !functionSpells(image, was, spelled))
                continue;
            record(acc, g, path, { file: path, line: f.startLine });
            callers.push(caller);
        }
        const global = !f.isStatic || !old.isStatic;
        if (callers.length === 0 && !global)
            continue;
        const here = callers.length > 0 ? `its callers here count as changed (${callers.join(', ')})` : '';
        const shapes = [declarationShape(headerOf(pre, old)), declarationShape(headerOf(post, f))];
        const isType = typeNames(acc, path, pre, post);
        const [was, is] = shapes.map(s => arity(s, name, isType));
        // Callers elsewhere that pass the old count no longer compile: the fix's own text changes them.
        const recounted = was !== undefined && is !== undefined && was !== is;
        const alike = sameCallAbi(new Set([shapes[0]]), new Set([shapes[1]]));
        // Made global: callers in other files that reached another definition of the name (an
        // arch's `__weak` default) reach this one at the next link, whatever the signature (a hostile
        // review's case: the fix's own text shows no such caller).
        const exported = old.isStatic && !f.isStatic;
        const there = !global
            ? ''
            : exported
                ? 'it was static and is global after the fix: callers in other files that reached another definition of this name (a __weak default) reach this one now'
                : recounted
                    ? `callers in other files, which cannot pass ${was} arguments to its ${is} parameters (a compile error), change in the fix's own text`
                    : alike
                        ? 'callers in other files pass and receive alike (x86_64 calling convention)'
                        : 'callers in other files are not visible here';
        acc.findings.push({
            kind: 'prototype-change',
            severity: exported || (global && !recounted && !alike) ? 'unresolved' : 'warning',
            message: `${name}: its definition's return type, parameters or attributes changed, so calls to it compile differently: ${[here, there].filter(Boolean).join('; ')}`,
            file: path,
            line: f.startLine,
            functions: callers
        });
    }
}
/**
 * Functions that called `fn` before it was defined in this file (a prototype, an extern): their
 * text is the same, but the call now reaches a definition GCC can inline into them.
 */
function callersOfAdded(acc, path, fn, pre, post) {
    const before = reachImage(pre);
    const name = new Set([fn.name]);
    // The first definition of each name (an #ifdef pair has two), as a search of the list finds it.
    const preByName = new Map();
    for (const f of pre.analysis.functions)
        if (!preByName.has(f.name))
            preByName.set(f.name, f);
    const callers = [];
    for (const f of post.analysis.functions) {
        if (f.name === fn.name || acc.changed.has(`${path}\0${f.name}`))
            continue;
        const old = preByName.get(f.name);
        if (!old || !functionSpells(before, old, name))
            continue;
        record(acc, f, path, { file: path, line: fn.line });
        callers.push(f.name);
    }
    if (callers.length === 0)
        return;
    acc.findings.push({
        kind: 'added-function',
        severity: 'warning',
        message: `${fn.name} is now defined here, and ${callers.join(', ')} called it before (declared only): GCC can inline it into them now, so they count as changed`,
        file: path,
        line: fn.line,
        functions: callers
    });
}
/**
 * `#if`/`#endif` lines changed between functions: the functions whose unchanged lines move in or
 * out of a build count as changed; any other such line is a data or declaration change to look at.
 */
function conditionalChange(acc, path, hunks, pre, post) {
    const at = acc.conditionalHunks[0];
    const outside = [];
    const moved = linesMovedInOrOut(hunks, pre, post);
    const redefined = new Set();
    for (const { oldLine, newLine } of moved) {
        const fns = [...functionsAt(pre, oldLine), ...functionsAt(post, newLine)];
        for (const f of fns)
            record(acc, f, path, at);
        // A definition moved in or out of a build: the macro now means something else there.
        const def = DEFINITION.exec(pre.uncommented[oldLine - 1] ?? '');
        if (def)
            redefined.add(def[1]);
        else if (fns.length === 0)
            outside.push(newLine);
    }
    for (const name of [...redefined].sort())
        macroChange(acc, path, at, name, pre, post, findingAt(acc, at));
    const base = { kind: 'preprocessor-change', file: path, line: at.line };
    if (outside.length > 0) {
        acc.findings.push({
            ...base,
            severity: 'unresolved',
            message: `the #if structure changes which builds compile ${outside.length} unchanged line(s) outside functions (from line ${outside[0]})`
        });
    }
    else if (moved.length === 0) {
        for (const h of acc.conditionalHunks) {
            acc.findings.push({
                ...base,
                line: h.line,
                severity: 'info',
                message: 'the #if structure changes, but moves no unchanged code in or out of any build'
            });
        }
    }
}
function mapChanges(parser, changes, options = {}) {
    const acc = {
        changed: new Map(),
        findings: [],
        preFunctions: new Map(),
        postFunctions: new Map(),
        newCalls: [],
        builds: options.builds ?? [],
        ...(options.includes
            ? {
                includes: new IncludeJudge({ ...options.includes, builds: options.builds ?? [] }),
                tree: options.includes,
                macroBodies: makeMacroBodies({ ...options.includes, builds: options.builds ?? [] }),
                typeNames: makeTypeNames({ ...options.includes, builds: options.builds ?? [] })
            }
            : {}),
        conditionalHunks: [],
        outSets: new Map(),
        respaced: new Set(),
        changes
    };
    for (const change of changes)
        mapFile(parser, acc, change);
    for (const [key, entry] of acc.changed) {
        const out = acc.outSets.get(key);
        if (out && out.size > 0)
            entry.notBuiltIn = [...out].sort();
    }
    const changed = [...acc.changed.values()]
        .map(({ direct: _d, ...c }) => c)
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.name.localeCompare(b.name));
    for (const c of changed)
        c.hunks.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const findings = acc.findings.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.kind.localeCompare(b.kind) ||
        a.message.localeCompare(b.message));
    return {
        changed,
        findings,
        preFunctions: acc.preFunctions,
        postFunctions: acc.postFunctions,
        newCalls: acc.newCalls
    };
}

/**
 * Whether a diff text can be analysed at all. An empty file, a file that holds no unified diff
 * (a log, the wrong file) or one cut off mid-hunk is a mistake in the input, not a finding about
 * the fix: analysing it would either report nothing or trust a hunk whose end is missing.
 * Returns the one message to stop with, or undefined when the text is a diff.
 */
function diffInputProblem(text, parsedFiles) {
    if (text.trim() === '')
        return 'the diff is empty: give the fix as a unified diff';
    const cut = truncation(text);
    if (cut)
        return cut;
    if (parsedFiles === 0) {
        const first = text.split('\n').find(l => l.trim() !== '') ?? '';
        return `the diff is not a unified diff: no file header (diff --git, ---/+++) and hunk (@@) in it; it starts with '${first.slice(0, 60)}'`;
    }
    return undefined;
}
/**
 * The text ends inside a hunk (fewer lines than its header counts) or right after a file header
 * whose hunks never come: what a download, a paste or `head` that stopped early leaves.
 */
function truncation(text) {
    const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
    let olds = 0;
    let news = 0;
    let hunk = '';
    let hunkLine = 0;
    let headerWithoutHunk;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (olds > 0 || news > 0) {
            const c = line[0];
            if (c === '\\')
                continue;
            if (c === '-')
                olds--;
            else if (c === '+')
                news--;
            else if (c === ' ' || c === undefined) {
                olds--;
                news--;
            }
            else {
                // Anything else ends the hunk early: a hand edit mid-file, reported by the parser's checks.
                olds = news = 0;
            }
            continue;
        }
        const header = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
        if (header) {
            olds = header[1] === undefined ? 1 : Number(header[1]);
            news = header[2] === undefined ? 1 : Number(header[2]);
            hunk = line.slice(0, line.indexOf('@@', 2) + 2);
            hunkLine = i + 1;
            headerWithoutHunk = undefined;
        }
        else if (line.startsWith('+++ ')) {
            headerWithoutHunk = { line: i + 1, path: line.slice(4).replace(/\t.*$/, '').trim() };
        }
        else if (line.startsWith('diff ')) {
            headerWithoutHunk = undefined;
        }
    }
    if (olds > 0 || news > 0) {
        return `the diff is truncated: it ends inside the hunk ${hunk} (line ${hunkLine} of the diff), ${olds > 0 ? `${olds} old` : ''}${olds > 0 && news > 0 ? ' and ' : ''}${news > 0 ? `${news} new` : ''} line(s) short of its header`;
    }
    if (headerWithoutHunk) {
        return `the diff is truncated: it ends after the file header of ${headerWithoutHunk.path} (line ${headerWithoutHunk.line}) with no hunk`;
    }
    return undefined;
}

/** Context lines `patch` may ignore at each end of a hunk by default (`patch -F2`). */
const MAX_FUZZ = 2;
const same = (a, b) => a.replace(/\r$/, '') === b.replace(/\r$/, '');
/** 0-based index the hunk's old side starts at (an empty old side inserts after line oldStart). */
const startIndex = (h) => (h.oldLines === 0 ? h.oldStart : h.oldStart - 1);
function matchesAt(lines, old, at) {
    if (at < 0 || at + old.length > lines.length)
        return false;
    for (let k = 0; k < old.length; k++)
        if (!same(lines[at + k], old[k]))
            return false;
    return true;
}
/** Drops up to `fuzz` context lines at each end, as `patch` does; null when nothing would anchor it. */
function trimmed(h, fuzz) {
    let lead = 0;
    while (lead < fuzz && h.lines[lead]?.type === 'ctx')
        lead++;
    let trail = 0;
    while (trail < fuzz && h.lines[h.lines.length - 1 - trail]?.type === 'ctx')
        trail++;
    if (lead + trail === 0 && fuzz > 0)
        return null;
    const lines = h.lines.slice(lead, h.lines.length - trail);
    // A hunk left without a context or deleted line would match anywhere.
    if (fuzz > 0 && !lines.some(l => l.type !== 'add'))
        return null;
    return { lines, lead };
}
/**
 * Nearest start for `old` to `expected` in [from, lines.length], trying the expected line, then
 * one line further, one line back, and so on, like `patch` and `git apply`.
 */
function nearest(lines, old, expected, from) {
    const last = lines.length - old.length;
    if (old.length === 0)
        return expected >= from && expected <= lines.length ? expected : -1;
    const span = Math.max(expected - from, last - expected);
    for (let d = 0; d <= span; d++) {
        if (expected + d >= from && matchesAt(lines, old, expected + d))
            return expected + d;
        if (d > 0 && expected - d >= from && matchesAt(lines, old, expected - d))
            return expected - d;
    }
    return -1;
}
/** Renumbers hunks (sorted, each with its 0-based old start) so that they describe the text as placed. */
function renumber(hunks) {
    let delta = 0;
    return hunks.map(({ lines, at }) => {
        const oldLines = lines.filter(l => l.type !== 'add').length;
        const newLines = lines.filter(l => l.type !== 'del').length;
        let o = at + 1;
        let n = at + delta + 1;
        const out = lines.map(l => {
            if (l.type === 'add')
                return { type: 'add', text: l.text, newLine: n++ };
            if (l.type === 'del')
                return { type: 'del', text: l.text, oldLine: o++ };
            return { type: 'ctx', text: l.text, oldLine: o++, newLine: n++ };
        });
        const hunk = {
            oldStart: oldLines === 0 ? at : at + 1,
            oldLines,
            newStart: newLines === 0 ? at + delta : at + delta + 1,
            newLines,
            lines: out
        };
        delta += newLines - oldLines;
        return hunk;
    });
}
/**
 * Places each hunk's old side in `text` as `patch` and `git apply` do: exact context first, at the
 * written line or the nearest offset (the previous hunk's offset carried on), hunks in order and not
 * overlapping; failing that, with up to `maxFuzz` context lines ignored at the hunk's ends. Null
 * when a hunk does not apply anywhere.
 */
function placeHunks(text, hunks, maxFuzz = MAX_FUZZ) {
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    const lines = body === '' ? [] : body.split('\n');
    const order = hunks.map((h, index) => ({ h, index })).sort((a, b) => a.h.oldStart - b.h.oldStart);
    const placed = [];
    const placements = [];
    let from = 0;
    let carried = 0;
    for (const { h, index } of order) {
        let found;
        for (let fuzz = 0; fuzz <= maxFuzz && !found; fuzz++) {
            const t = trimmed(h, fuzz);
            if (!t)
                continue;
            const old = t.lines.filter(l => l.type !== 'add').map(l => l.text);
            const expected = Math.max(0, startIndex(h) + t.lead + carried);
            const at = nearest(lines, old, expected, from);
            if (at >= 0)
                found = { ...t, at, fuzz };
        }
        if (!found)
            return null;
        const oldCount = found.lines.filter(l => l.type !== 'add').length;
        const writtenAt = startIndex(h) + found.lead;
        carried = found.at - writtenAt;
        from = found.at + oldCount;
        placed.push({ lines: found.lines, at: found.at });
        placements.push({ index, written: writtenAt + 1, placed: found.at + 1, fuzz: found.fuzz });
    }
    return { hunks: renumber(placed), placements };
}
/** Places the hunks' new sides in `text` (the tree after the fix); the hunks come back forward. */
function placeReversed(text, hunks, maxFuzz = MAX_FUZZ) {
    const placed = placeHunks(text, hunks.map(reversed), maxFuzz);
    return placed && { hunks: placed.hunks.map(reversed), placements: placed.placements };
}

/** Exact at the written lines, then exact at an offset, then fuzzed: the first two are routine. */
function cost(p) {
    if (p.placements.some(x => x.fuzz > 0))
        return 2;
    return p.placements.some(x => x.placed !== x.written) ? 1 : 0;
}
/**
 * Places a file's hunks in the text given for one side of the fix (`side`, or the other one when
 * the hunks only fit that way) as `patch` would, and rebuilds the other image. A backport applies
 * to the patched kernel at other line numbers: each offset is an info finding, fuzz a warning.
 * Null when some hunk applies on neither side.
 */
function placeImages(path, patch, text, side) {
    // A deleted file is read from the pre side; it has nothing to place.
    if (patch.newPath === null)
        return { patch, oldText: text, newText: '', side: 'pre', findings: [] };
    const tries = [];
    const forward = placeHunks(text, patch.hunks);
    const backward = placeReversed(text, patch.hunks);
    if (forward)
        tries.push({ side: 'pre', placed: forward });
    if (backward)
        tries.push({ side: 'post', placed: backward });
    const best = tries.sort((a, b) => cost(a.placed) - cost(b.placed) || Number(a.side !== side) - Number(b.side !== side))[0];
    if (!best)
        return null;
    const placedPatch = { ...patch, hunks: best.placed.hunks };
    const other = best.side === 'pre'
        ? applyHunks(text, best.placed.hunks)
        : applyHunks(text, best.placed.hunks.map(reversed));
    if (other === null)
        return null;
    return {
        patch: placedPatch,
        oldText: best.side === 'pre' ? text : other,
        newText: best.side === 'pre' ? other : text,
        side: best.side,
        findings: placementFindings(path, patch, best.placed, best.side)
    };
}
/** Places a later patch of a series on the image the earlier ones left (forward only). */
function placeNext(path, patch, previous) {
    if (patch.newPath === null)
        return { patch, newText: '', findings: [] };
    const placed = placeHunks(previous, patch.hunks);
    const newText = placed && applyHunks(previous, placed.hunks);
    if (!placed || newText === null)
        return null;
    return {
        patch: { ...patch, hunks: placed.hunks },
        newText,
        findings: placementFindings(path, patch, placed, 'pre')
    };
}
function placementFindings(path, patch, placed, side) {
    const findings = [];
    const image = side === 'pre' ? 'pre-image' : 'post-image';
    for (const p of placed.placements) {
        const offset = p.placed - p.written;
        if (offset === 0 && p.fuzz === 0)
            continue;
        const h = patch.hunks[p.index];
        const header = `hunk ${p.index + 1} (@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@)`;
        const shift = offset === 0
            ? ''
            : ` (offset ${offset > 0 ? '+' : ''}${offset} line${Math.abs(offset) === 1 ? '' : 's'})`;
        const as = placed.hunks[placed.placements.indexOf(p)];
        const at = side === 'pre' ? as.oldStart : as.newStart;
        findings.push(p.fuzz === 0
            ? {
                kind: 'hunk-offset',
                severity: 'info',
                file: path,
                line: at,
                message: `${header} applies to the ${image} of ${path} at line ${p.placed}${shift}, its context exact: the fix was made against other line numbers (a backport); the placed lines are used`
            }
            : {
                kind: 'hunk-fuzz',
                severity: 'warning',
                file: path,
                line: at,
                message: `${header} applies to the ${image} of ${path} at line ${p.placed}${shift} only with fuzz ${p.fuzz}: up to ${p.fuzz} context line(s) at its ends differ from the tree, as \`patch -F${p.fuzz}\` would accept; check that the change lands where it was meant to`
            });
    }
    return findings;
}

/** The declaration formats the readers understand, as an input error names them. */
const KNOWN_FORMATS = 'a C file with klp_func/klp_object arrays or KGR_PATCH entries (.c, .h, .inc), ' +
    "SUSE's patched_funcs.csv (obj func[,sympos] new_func per line), or a plain list " +
    '([object:]function[,sympos] per line)';
/**
 * Names the format of a declaration file that is none of the known ones, by its shape: JSON,
 * YAML or a patch would otherwise be read as a plain list, every line an unparsed entry or, worse,
 * a junk `extra` declaration. Undefined when the file may be one of the known formats.
 */
function foreignFormat(file) {
    const p = file.path.toLowerCase();
    const text = file.text.replace(/^\uFEFF/, '');
    // C is judged by its own reader (a label line `out:` is no YAML key).
    if (/\.(c|h|inc)$/.test(p) || /\bstruct\s+klp_(func|object)\b|\bKGR_PATCH\w*\s*\(/.test(text))
        return undefined;
    const first = text.trimStart();
    if (/\.json$/.test(p) || (/^[[{]/.test(first) && parsesAsJson(first)))
        return 'JSON';
    if (/\.ya?ml$/.test(p) ||
        /^---\s*$/m.test(text.split('\n', 1)[0]) ||
        /^\s*[\w.-]+:\s*$/m.test(text))
        return 'YAML';
    if (/\.(patch|diff)$/.test(p) || /^(diff --git |--- \S|\+\+\+ \S|@@ -\d)/m.test(text))
        return 'a patch';
    return undefined;
}
/** A leading `[` is also an INI section (`[http]` of a git config): only real JSON is JSON. */
function parsesAsJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
function foreignFormatMessage(file, format) {
    return `livepatch '${file.path}' looks like ${format}, which is no declaration format: use ${KNOWN_FORMATS}`;
}

/**
 * Numbered local names: GCC numbers function-local statics and string labels (`__func__.3`,
 * `__already_done.12`, `.LC7`), the kernel's `__UNIQUE_ID_` macro appends `__COUNTER__`. Any
 * definition added above them renumbers them all, so a name compares without its number. Clone
 * suffixes keep theirs: `foo.constprop.0` and `foo.constprop.1` are different functions.
 */
const CLONE_SUFFIX = new Set([
    'constprop',
    'isra',
    'part',
    'cold',
    'lto_priv',
    'localalias',
    'clone'
]);
function normaliseName(name) {
    return (name
        // __UNIQUE_ID(prefix) pastes __COUNTER__ after the prefix, which may hold digits of its own
        // (`__UNIQUE_ID_dma_64bit412`, `__UNIQUE_ID___addressable_quirk_dma_func0_alias517`).
        .replace(/^(__UNIQUE_ID_\w*?)\d+$/, '$1N')
        .replace(/^\.L([A-Za-z]*)\d+$/, '.L$1N')
        .replace(/([A-Za-z_][\w.]*?)\.(\d+)\b/g, (all, stem) => CLONE_SUFFIX.has(stem.split('.').pop() ?? '') ? all : `${stem}.N`));
}
/** Whether a symbol's name carries such a number (it pairs with its counterpart by content, not name). */
function isNumbered(name) {
    return normaliseName(name) !== name;
}

/** Bytes a relocation patches, by type; the machine's instruction-field relocations patch 4. */
function relocWidth(type) {
    if (/_NONE$/.test(type))
        return 0;
    if (/(_64|PC64|GOTOFF64|ABS64|PREL64)$/.test(type))
        return 8;
    if (/(_16|PC16|ABS16|PREL16)$/.test(type))
        return 2;
    if (/(_8|PC8)$/.test(type))
        return 1;
    return 4;
}
function isPcRelative(type) {
    return /PC|PLT|PREL/.test(type);
}
/** Immediate bytes after a ModRM memory operand, by one-byte opcode (`reg`: the ModRM's /digit). */
function immediateOf(op, reg, wide) {
    if (op === 0x80 || op === 0x83 || op === 0xc6 || op === 0x6b || op === 0xc0 || op === 0xc1)
        return 1;
    if (op === 0x81 || op === 0xc7 || op === 0x69)
        return wide;
    if (op === 0xf6)
        return reg < 2 ? 1 : 0;
    if (op === 0xf7)
        return reg < 2 ? wide : 0;
    return 0;
}
/**
 * Where a RIP-relative operand's target is counted from: the end of its instruction, which is the
 * 4-byte displacement at `at` plus any immediate after it (`cmpb $0x0,x(%rip)` ends one byte past
 * the field, `movl $1,x(%rip)` four). The addend is the target minus that distance, so adding back
 * only 4 lands an instruction with an immediate on the object before its target (a static that a
 * `WARN_ONCE` tests was put on its neighbour).
 */
function ripTail(code, at) {
    if (!code || at < 2)
        return 4;
    const modrm = code[at - 1];
    // mod 00, r/m 101: RIP-relative.
    if ((modrm & 0xc7) !== 0x05)
        return 4;
    const op = code[at - 2];
    const reg = (modrm >> 3) & 7;
    if (at >= 3 && code[at - 3] === 0x0f)
        return 4 + (op === 0xba || op === 0xa4 || op === 0xac ? 1 : 0);
    let p = at - 3;
    while (p >= 0 && (code[p] & 0xf0) === 0x40)
        p--;
    const wide = p >= 0 && code[p] === 0x66 ? 2 : 4;
    return 4 + immediateOf(op, reg, wide);
}
function isStringSection(s) {
    return s.flags.includes('M') && s.flags.includes('S');
}
function signed(n) {
    return n === 0 ? '' : n > 0 ? `+${n}` : `${n}`;
}
/**
 * A string literal's text at `at`, whole: units of the section's entry size (`.rodata.str2.2`
 * holds `u"..."` literals, whose second byte is 0) up to a zero unit.
 */
function stringAt(s, at) {
    if (!s.bytes || at < 0 || at >= s.bytes.length)
        return undefined;
    const unit = s.entsize > 1 ? s.entsize : 1;
    let text = '';
    for (let i = at; i + unit <= s.bytes.length; i += unit) {
        let v = 0;
        for (let k = unit - 1; k >= 0; k--)
            v = v * 256 + s.bytes[i + k];
        if (v === 0)
            break;
        text += unit === 1 ? String.fromCharCode(v) : `\\u{${v.toString(16)}}`;
    }
    return text;
}
const referenceCache = new WeakMap();
/**
 * Every offset of each section that a relocation of the object points at through the section's
 * own symbol (a RIP-relative field counted from the end of its instruction): where GCC's
 * anonymous constants (`.LC0`) and a top-level asm()'s unlabelled code start.
 */
function sectionReferences(obj) {
    let out = referenceCache.get(obj);
    if (out)
        return out;
    out = new Map();
    for (const [from, relocs] of obj.relocs) {
        const section = obj.sections[from];
        const code = section?.flags.includes('X') ? section.bytes : undefined;
        for (const r of relocs) {
            const sym = obj.symbols[r.symbol];
            if (sym?.type !== 'SECTION' || typeof sym.shndx !== 'number')
                continue;
            const set = out.get(sym.shndx) ?? new Set();
            set.add(r.addend + (code && isPcRelative(r.type) ? ripTail(code, r.offset) : 0));
            out.set(sym.shndx, set);
        }
    }
    referenceCache.set(obj, out);
    return out;
}
const boundaryCache = new WeakMap();
/**
 * Where anonymous objects of each section can start: every offset a section-relative relocation
 * of the object points at, and every symbol's start. GCC's local constants (`.LC0`: a local
 * array's initial values, a string with a NUL inside) have no symbol; the next such point ends one.
 */
function boundaries(obj, index) {
    let all = boundaryCache.get(obj);
    if (!all) {
        const sets = new Map([...sectionReferences(obj)].map(([sec, set]) => [sec, new Set(set)]));
        for (const [sec, symbols] of bySection(obj)) {
            const set = sets.get(sec) ?? new Set();
            for (const s of symbols)
                set.add(s.value);
            sets.set(sec, set);
        }
        all = new Map([...sets].map(([sec, set]) => [sec, [...set].sort((a, b) => a - b)]));
        boundaryCache.set(obj, all);
    }
    return all.get(index) ?? [];
}
/**
 * The bytes (trailing zeros, which alignment varies, left out) and relocation targets of the
 * anonymous read-only object or code at `at`: what a reference to it reads, so that a changed value is a
 * change and the same value at another offset (another constant grew before it) is not.
 */
function anonymousAt(obj, sec, at) {
    // Code no symbol holds (`static_cpu_has`'s test in `.altinstr_aux`, a `.fixup` stub) is read
    // as a constant is: a function that jumps there runs it, so its bytes are the function's.
    if (!sec.bytes || sec.flags.includes('W'))
        return undefined;
    if (at < 0 || at >= sec.bytes.length)
        return undefined;
    const next = boundaries(obj, sec.index).find(b => b > at) ?? sec.bytes.length;
    let end = next;
    while (end > at && sec.bytes[end - 1] === 0)
        end--;
    const inner = (obj.relocs.get(sec.index) ?? [])
        .filter(r => r.offset >= at && r.offset < next)
        .map(r => `${r.offset - at}:${relocTarget(obj, r, undefined, 1)}`);
    const hex = Array.from(sec.bytes.subarray(at, end), b => b.toString(16).padStart(2, '0')).join('');
    return inner.length > 0 ? `${hex}{${inner.join(';')}}` : hex;
}
/** The sized function or data symbol that covers `at` in section `index`, the latest start first. */
function symbolAt(obj, index, at) {
    let best;
    for (const s of bySection(obj).get(index) ?? []) {
        if (s.value <= at && at < s.value + Math.max(s.size, 1) && (!best || s.value > best.value))
            best = s;
    }
    return best;
}
const sectionIndex = new WeakMap();
/** Function and data symbols by section index. */
function bySection(obj) {
    let map = sectionIndex.get(obj);
    if (map)
        return map;
    map = new Map();
    for (const s of obj.symbols) {
        if (!s || typeof s.shndx !== 'number' || !/^(FUNC|OBJECT|TLS)$/.test(s.type))
            continue;
        const list = map.get(s.shndx) ?? [];
        list.push(s);
        map.set(s.shndx, list);
    }
    sectionIndex.set(obj, map);
    return map;
}
/**
 * What a relocation points at, in terms that survive a rebuild: a symbol by its normalised name
 * and the offset into it, a string literal by its content (GCC merges literals into
 * `.rodata.str1.*` and any added literal moves the others), a section-relative reference by the
 * symbol that covers it. `code`: the bytes of the code section the relocation is in, whose
 * PC-relative fields are relative to the end of their instruction (`ripTail`); in data a field is
 * relative to itself.
 */
function relocTarget(obj, r, code, depth = 0) {
    const sym = obj.symbols[r.symbol];
    if (!sym || r.symbol === 0)
        return `${r.type} ${signed(r.addend) || '0'}`;
    const sec = typeof sym.shndx === 'number' ? obj.sections[sym.shndx] : undefined;
    const adj = code && isPcRelative(r.type) ? ripTail(code, r.offset) : 0;
    const base = sym.type === 'SECTION' ? 0 : sym.value;
    if (sec && isStringSection(sec)) {
        const text = stringAt(sec, base + r.addend + adj);
        if (text !== undefined)
            return `${r.type} ${JSON.stringify(text)}${signed(-adj)}`;
    }
    // A constant pool entry (`.rodata.cst16`, `.LC12`): by its bytes, as a string by its text.
    if (sec?.flags.includes('M') && sec.bytes && sec.entsize > 0) {
        const at = Math.floor((base + r.addend + adj) / sec.entsize) * sec.entsize;
        const hex = Array.from(sec.bytes.subarray(at, at + sec.entsize), b => b.toString(16).padStart(2, '0')).join('');
        return `${r.type} const:${hex}${signed(base + r.addend - at)}`;
    }
    if (sym.type === 'SECTION' && sec) {
        const owner = symbolAt(obj, sec.index, r.addend + adj);
        if (owner)
            return `${r.type} ${normaliseName(owner.name)}${signed(r.addend - owner.value)}`;
        // One level: an anonymous table of pointers to anonymous constants names them by offset.
        const piece = depth === 0 ? anonymousAt(obj, sec, r.addend + adj) : undefined;
        if (piece !== undefined)
            return `${r.type} ${normaliseName(sec.name)}:${piece}${signed(-adj)}`;
        return `${r.type} ${normaliseName(sec.name)}${signed(r.addend)}`;
    }
    // Named the same, another file's definition is not this file's static one: a fix that drops
    // a local `helper` for an external one leaves `.fn = helper` spelled alike (a hostile review's
    // case), so a symbol the object does not define says so.
    const where = sym.shndx === 'UND' ? 'extern ' : '';
    return `${r.type} ${where}${normaliseName(sym.name)}${signed(r.addend)}`;
}

/**
 * The kernel's `__bug_table` (CONFIG_GENERIC_BUG_RELATIVE_POINTERS with BUGVERBOSE, as on x86-64
 * and arm64): 12-byte entries `{ s32 bug_addr_disp; s32 file_disp; u16 line; u16 flags; }`, the
 * two displacements relocated. The entries live outside the functions they describe, so a WARN
 * whose line moved changes no byte of its function: each entry is given to the function its
 * address points into. Returns undefined when the section has another layout.
 */
function bugEntries(obj) {
    const out = new Map();
    const table = obj.sections.find(s => s?.name === '__bug_table');
    if (!table)
        return out;
    const relocs = obj.relocs.get(table.index) ?? [];
    if (!table.bytes || relocs.length * 6 !== table.size)
        return undefined;
    const byOffset = new Map(relocs.map(r => [r.offset, r]));
    const view = new DataView(table.bytes.buffer, table.bytes.byteOffset, table.bytes.byteLength);
    for (let e = 0; e + 12 <= table.size; e += 12) {
        const addr = byOffset.get(e);
        const file = byOffset.get(e + 4);
        if (!addr || !file)
            return undefined;
        const sym = obj.symbols[addr.symbol];
        if (!sym || typeof sym.shndx !== 'number')
            continue;
        const pos = (sym.type === 'SECTION' ? 0 : sym.value) + addr.addend;
        const fn = symbolAt(obj, sym.shndx, pos);
        if (!fn)
            continue;
        const list = out.get(fn.name) ?? [];
        list.push({
            at: pos - fn.value,
            file: relocTarget(obj, file, undefined),
            line: view.getUint16(e + 8, true),
            flags: view.getUint16(e + 10, true)
        });
        out.set(fn.name, list);
    }
    for (const list of out.values())
        list.sort((a, b) => a.at - b.at);
    return out;
}

/** `probe.cold`, `probe.part.0.cold` (GCC 8+), `probe.cold.3` (older GCC numbered them). */
const COLD = /\.cold(\.\d+)?$/;
/** The function a `.cold` part was split from, or undefined for any other name. */
function coldParent(name) {
    return COLD.test(name) ? name.replace(COLD, '') : undefined;
}
const RANK = {
    unchanged: 0,
    'line-only': 1,
    changed: 2,
    added: 2,
    removed: 2
};
/** What a cold part's own verdict means for its parent, in the parent's terms. */
function asParent(cold) {
    if (cold.verdict === 'unchanged')
        return cold;
    if (cold.verdict === 'line-only')
        return { verdict: 'line-only', detail: `${cold.detail ?? ''} (in ${cold.name})` };
    if (cold.verdict === 'added')
        return { verdict: 'changed', detail: `now has a cold part ${cold.name}` };
    if (cold.verdict === 'removed')
        return { verdict: 'changed', detail: `no longer has a cold part ${cold.name}` };
    return { verdict: 'changed', detail: `its cold part ${cold.name} changed: ${cold.detail ?? ''}` };
}
/**
 * GCC's hot/cold splitting moves a function's unlikely paths into `foo.cold`, a part with its own
 * symbol that only `foo` jumps into and that jumps back into `foo`: not a function anybody calls,
 * and not one a livepatch replaces on its own (kpatch patches it as a child of its parent, and
 * klp's ftrace hook sits on `foo`'s entry only). Its verdict is folded into its parent's: the
 * parent changed when either part did. A cold part whose parent is not in the object either (it
 * cannot happen with GCC) stays as it is.
 */
function foldColdParts(symbols) {
    const functions = new Map();
    for (const s of symbols)
        if (s.kind === 'function')
            functions.set(s.name, s);
    const out = [];
    const folded = new Map();
    for (const s of symbols) {
        const parentName = s.kind === 'function' ? coldParent(s.name) : undefined;
        const parent = parentName === undefined ? undefined : functions.get(parentName);
        if (!parent) {
            out.push(s);
            continue;
        }
        // A parent added or removed takes its cold part with it.
        if (parent.verdict === 'added' || parent.verdict === 'removed')
            continue;
        const current = folded.get(parent) ?? parent;
        const part = asParent(s);
        if (RANK[part.verdict] > RANK[current.verdict])
            folded.set(parent, { ...current, ...part });
        else if (part.verdict === 'line-only' && current.verdict === 'line-only')
            folded.set(parent, { ...current, detail: `${current.detail ?? ''}; ${part.detail ?? ''}` });
    }
    return out.map(s => folded.get(s) ?? s);
}

/** The objects TRACE_EVENT and DEFINE_EVENT generate (include/trace/trace_events.h, tracepoint.h). */
const TRACE_EVENT = /^(__tracepoint_|__tpstrtab_|__event_|__bpf_trace_tp_map_|print_fmt_|trace_event_fields_|trace_event_type_funcs_|event_class_|__trace_event_)|^str__\w+__trace_system_name$/;
const TRACE_SECTION = /^(_ftrace_events|__tracepoints|__tracepoints_strings|__tracepoints_ptrs|__bpf_raw_tp_map|_ftrace_eval_map)$/;
const EXPORT = /^__(ksymtab|kstrtab|kstrtabns|crc)_/;
const INIT_ONLY = /^\.(init|exit|meminit|memexit)\.(data|rodata|bss)(\.|$)/;
/** The initcall tables (`.initcall6.init`, `.con_initcall.init`): run at boot, then freed. */
const INITCALL = /^\.(\w*initcall\w*)\.init$/;
/**
 * `names`: every symbol of the object, to tell `event_foo` (a trace event's `trace_event_call`,
 * with its `__event_foo` pointer beside it) from a variable that is merely called `event_foo`.
 */
function dataClass(name, section, names) {
    // vmlinux.lds.h's DISCARDS drops a built-in object's exitcalls (module_exit's entry: built-in
    // code is never unloaded); a module's module_exit is an alias, not an entry.
    if (section.startsWith('.discard') || section === '.exitcall.exit')
        return 'discarded';
    if (section === '.modinfo')
        return 'module-info';
    if (EXPORT.test(name) || /^_{2,3}ksymtab/.test(section))
        return 'export';
    if (name.startsWith('__param_') || section === '__param')
        return 'module-param';
    if (TRACE_EVENT.test(name) || TRACE_SECTION.test(section))
        return 'trace-event';
    if (name.startsWith('event_') && names.has(`__${name}`))
        return 'trace-event';
    if (INIT_ONLY.test(section) || INITCALL.test(section))
        return 'init-only';
    if (section === '__dyndbg')
        return 'call-site';
    if (isNumbered(name) && !name.startsWith('__UNIQUE_ID_'))
        return 'function-local';
    return 'global';
}

/**
 * The functions whose code references each data symbol, by the data symbol's name. The assembler
 * turns a reference to a local symbol into one to its section plus an offset, so a section-relative
 * relocation counts for the data symbol that covers it. A `.cold` part counts as its parent.
 */
function referrers(obj) {
    const out = new Map();
    for (const fn of obj.symbols) {
        if (!fn || fn.type !== 'FUNC' || fn.size === 0 || typeof fn.shndx !== 'number')
            continue;
        const owner = coldParent(fn.name) ?? fn.name;
        for (const r of obj.relocs.get(fn.shndx) ?? []) {
            if (r.offset < fn.value || r.offset >= fn.value + fn.size)
                continue;
            const sym = obj.symbols[r.symbol];
            if (!sym || typeof sym.shndx !== 'number')
                continue;
            const adj = isPcRelative(r.type) ? ripTail(obj.sections[fn.shndx]?.bytes, r.offset) : 0;
            const data = sym.type === 'SECTION' ? symbolAt(obj, sym.shndx, r.addend + adj) : sym;
            if (!data || !/^(OBJECT|TLS)$/.test(data.type))
                continue;
            const set = out.get(data.name) ?? new Set();
            set.add(owner);
            out.set(data.name, set);
        }
    }
    return out;
}
const OWNED = new Set(['function-local', 'call-site']);
/**
 * A function-scope static (`static DEFINE_RATELIMIT_STATE(_rs, ...)`) or a `pr_debug` call site's
 * descriptor belongs to the functions that use it: when its initial value changes, those
 * functions must be replaced (a livepatch's copy of them carries the new value), even when their
 * instructions are identical. The change is folded into theirs; one that no function uses stays a
 * data change of its own (`global`).
 */
function foldLocalData(symbols, users) {
    const functions = new Map();
    symbols.forEach((s, i) => {
        if (s.kind === 'function')
            functions.set(s.name, i);
    });
    const out = [...symbols];
    for (let i = 0; i < out.length; i++) {
        const s = out[i];
        if (s.kind !== 'data' || !OWNED.has(s.dataClass ?? ''))
            continue;
        if (s.verdict !== 'changed' && s.verdict !== 'line-only')
            continue;
        const owners = [...(users[1].get(s.name) ?? users[0].get(s.name) ?? [])].filter(n => functions.has(n));
        if (owners.length === 0) {
            if (s.verdict === 'changed')
                out[i] = { ...s, dataClass: 'global' };
            continue;
        }
        out[i] = { ...s, owners: owners.sort() };
        for (const name of owners) {
            const at = functions.get(name);
            const fn = out[at];
            const what = `${s.dataClass === 'call-site' ? 'its call-site descriptor' : 'its static'} ${s.name}`;
            if (s.verdict === 'changed' && (fn.verdict === 'unchanged' || fn.verdict === 'line-only'))
                out[at] = { ...fn, verdict: 'changed', detail: `${what} changed: ${s.detail ?? ''}` };
            else if (s.verdict === 'line-only' && fn.verdict === 'unchanged')
                out[at] = { ...fn, verdict: 'line-only', detail: `${s.detail ?? ''} (in ${what})` };
        }
    }
    return out;
}

function sliceOf(obj, section, start, end) {
    const inCode = section.flags.includes('X');
    const code = section.bytes ?? new Uint8Array(0);
    const bytes = section.bytes ? section.bytes.slice(start, end) : undefined;
    const relocs = [];
    for (const r of obj.relocs.get(section.index) ?? []) {
        if (r.offset < start || r.offset >= end)
            continue;
        const at = r.offset - start;
        if (bytes)
            bytes.fill(0, at, Math.min(bytes.length, at + relocWidth(r.type)));
        relocs.push({ at, target: relocTarget(obj, r, inCode ? code : undefined) });
    }
    relocs.sort((a, b) => a.at - b.at);
    return { bytes, relocs };
}
/** Every sized function and data object of the object, with its bytes and relocations. */
function symbolSlices(obj) {
    const out = [];
    for (const symbol of obj.symbols) {
        if (!symbol || typeof symbol.shndx !== 'number')
            continue;
        const kind = symbol.type === 'FUNC' ? 'function' : /^(OBJECT|TLS)$/.test(symbol.type) ? 'data' : undefined;
        // Unsized, it is a label (labels.ts).
        if (!kind || symbol.size === 0)
            continue;
        const section = obj.sections[symbol.shndx];
        if (!section)
            continue;
        out.push({
            symbol,
            section,
            kind,
            ...sliceOf(obj, section, symbol.value, symbol.value + symbol.size)
        });
    }
    return out;
}

/**
 * `__initcall_id` pastes `__COUNTER__` and `__LINE__` between the module name and the function
 * (`__initcall__kmod_vt__325_4335_vtconsole_class_init2`): a line added above renames it.
 */
const INITCALL_ID = /^(__initcall__kmod_\w+?__)\d+_\d+_/;
function keyOf$1(name) {
    return normaliseName(name.replace(INITCALL_ID, '$1'));
}
/** A NOTYPE symbol, or a function or data object a top-level asm() typed but did not size. */
function isLabel(s) {
    return s.type === 'NOTYPE' || ((s.type === 'FUNC' || s.type === 'OBJECT') && s.size === 0);
}
function labelKind(s) {
    return s.type === 'NOTYPE' ? 'a label without a symbol type' : 'a label without a size';
}
function labelSlices(obj) {
    const bySection = new Map();
    for (const s of obj.symbols) {
        if (!s || typeof s.shndx !== 'number' || s.type === 'SECTION' || s.type === 'FILE')
            continue;
        const list = bySection.get(s.shndx);
        if (list)
            list.push(s);
        else
            bySection.set(s.shndx, [s]);
    }
    const out = [];
    for (const [index, symbols] of bySection) {
        const section = obj.sections[index];
        if (!section?.flags.includes('A'))
            continue;
        const sized = symbols.filter(s => s.type !== 'NOTYPE' && s.size > 0);
        const starts = [...new Set(symbols.map(s => s.value))].sort((a, b) => a - b);
        for (const symbol of symbols) {
            // Assembler-local names (`.LC3`) are GCC's own: what points at them is compared. A typed
            // symbol without a size (`.type thunk,@function` and no `.size`) holds what a label holds.
            if (!isLabel(symbol) || symbol.name === '' || symbol.name.startsWith('.L'))
                continue;
            const inside = sized.some(s => symbol.value >= s.value && symbol.value < s.value + s.size);
            if (inside)
                continue;
            const next = starts.find(v => v > symbol.value) ?? section.size;
            out.push({
                symbol,
                section,
                key: keyOf$1(symbol.name),
                ...sliceOf(obj, section, symbol.value, next)
            });
        }
    }
    return out;
}
function byKey(labels) {
    const map = new Map();
    for (const l of labels) {
        const list = map.get(l.key);
        if (list)
            list.push(l);
        else
            map.set(l.key, [l]);
    }
    return map;
}
function sameSlice(a, b) {
    if (a.bytes?.length !== b.bytes?.length || a.relocs.length !== b.relocs.length)
        return false;
    if (a.bytes && b.bytes && a.bytes.some((x, i) => x !== b.bytes?.[i]))
        return false;
    return a.relocs.every((r, i) => r.at === b.relocs[i].at && r.target === b.relocs[i].target);
}
/**
 * The labels of one TU's object before and after a fix, paired by key: those of data sections as
 * data objects (an initcall entry is boot-time data, an export entry the export table's: see
 * dataClass), those of code sections as findings, since no function replacement carries code
 * that no function holds.
 */
function compareLabels(pre, post, file, 
/** Every symbol name of both objects (see dataClass). */
names) {
    const before = byKey(labelSlices(pre));
    const after = byKey(labelSlices(post));
    const symbols = [];
    const findings = [];
    for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
        const left = before.get(key) ?? [];
        const right = after.get(key) ?? [];
        for (let i = 0; i < Math.max(left.length, right.length); i++) {
            const [x, y] = [left[i], right[i]];
            const s = y ?? x;
            const verdict = !x ? 'added' : !y ? 'removed' : sameSlice(x, y) ? 'unchanged' : 'changed';
            if (verdict === 'unchanged')
                continue;
            const where = `${s.symbol.name} in ${s.section.name}`;
            if (s.section.flags.includes('X')) {
                const how = verdict === 'added' ? 'is new' : verdict === 'removed' ? 'is gone' : 'differs';
                findings.push({
                    kind: 'object-compare',
                    severity: 'unresolved',
                    file,
                    message: `${file}: code at ${where}, ${labelKind(s.symbol)} (a top-level asm()), ${how} in the patched build: no function holds it, so no function replacement carries it`
                });
                continue;
            }
            symbols.push({
                name: s.symbol.name,
                kind: 'data',
                verdict,
                detail: `${labelKind(s.symbol)}, in ${s.section.name}`,
                dataClass: dataClass(s.symbol.name, s.section.name, names)
            });
        }
    }
    for (const f of absoluteFindings(pre, post, file))
        findings.push(f);
    return { symbols, findings };
}
/**
 * Symbols a top-level asm() sets to a value (`.set limit, 2`) hold no bytes: code that reads
 * `(long)&limit` gets the value at link time, through a relocation naming the symbol alike.
 */
function absoluteFindings(pre, post, file) {
    const values = (obj) => new Map(obj.symbols
        // A module version CRC (`__crc_*`, kbuild's `ld -r` before 5.19) follows the types an
        // export's prototype names, not the code: the running kernel keeps its own.
        .filter(s => s !== undefined &&
        s.shndx === 'ABS' &&
        s.type !== 'FILE' &&
        s.name !== '' &&
        !s.name.startsWith('__crc_'))
        .map(s => [s.name, s.value]));
    const [a, b] = [values(pre), values(post)];
    const out = [];
    for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const [x, y] = [a.get(name), b.get(name)];
        if (x === y)
            continue;
        const hex = (v) => v === undefined ? 'none' : `0x${v.toString(16)}`;
        out.push({
            kind: 'object-compare',
            severity: 'unresolved',
            file,
            message: `${file}: absolute symbol ${name} (a value a top-level asm() sets) is ${hex(y)} in the patched build (${hex(x)} before): code reading it gets it at link time, and no function replacement carries that`
        });
    }
    return out;
}

/** Maximal runs [from, to) of offsets where two equally long byte arrays differ. */
function diffRuns(a, b) {
    const runs = [];
    for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i])
            continue;
        let j = i;
        while (j < a.length && a[j] !== b[j])
            j++;
        runs.push([i, j]);
        i = j;
    }
    return runs;
}
function readLe(bytes, at, width) {
    let v = 0;
    for (let i = width - 1; i >= 0; i--)
        v = v * 256 + bytes[at + i];
    return v;
}
/** Starts of the `width`-byte windows inside [0, size) that cover the run [from, to). */
function windows(from, to, width, size) {
    const out = [];
    for (let s = Math.max(0, to - width); s <= from && s + width <= size; s++)
        out.push(s);
    return out;
}
/**
 * Where a branch whose displacement starts at `s` lands, for x86 rel32 and rel8 forms. Not one
 * whose displacement a relocation patches (a tail call `jmp nid_of` assembles to `e9 00 00 00 00`:
 * read as it stands, it lands on the next function of a shared section); the relocations are
 * compared on their own.
 */
function branchAt(side, s, width) {
    const b = side.raw;
    if (s < 1 || s + width > b.length)
        return undefined;
    if (relocatedAt(side, side.start + s))
        return undefined;
    if (width === 4) {
        const call = b[s - 1] === 0xe8 || b[s - 1] === 0xe9;
        const jcc = s >= 2 && b[s - 2] === 0x0f && (b[s - 1] & 0xf0) === 0x80;
        if (!call && !jcc)
            return undefined;
        return side.start + s + 4 + (readLe(b, s, 4) | 0);
    }
    // jmp rel8 (EB), jcc rel8 (70-7F): a short tail jump to a neighbour in a shared section.
    if (b[s - 1] !== 0xeb && (b[s - 1] & 0xf0) !== 0x70)
        return undefined;
    return side.start + s + 1 + ((b[s] << 24) >> 24);
}
const patched = new WeakMap();
/** Whether a relocation of the side's section patches the field at `offset`. */
function relocatedAt(side, offset) {
    let bySection = patched.get(side.obj);
    if (!bySection)
        patched.set(side.obj, (bySection = new Map()));
    let offsets = bySection.get(side.section);
    if (!offsets) {
        offsets = new Set((side.obj.relocs.get(side.section) ?? []).map(r => r.offset));
        bySection.set(side.section, offsets);
    }
    return offsets.has(offset);
}
function branchTarget(side, s, width = 4) {
    const target = branchAt(side, s, width);
    if (target === undefined)
        return undefined;
    const sym = symbolAt(side.obj, side.section, target);
    if (!sym || (sym.value <= side.start && side.start < sym.value + sym.size))
        return undefined;
    return `${normaliseName(sym.name)}+${target - sym.value}`;
}
/**
 * A call or jump to another function of the same section (`.init.text`, `.noinstr.text`,
 * `.sched.text`, or `.text` without -ffunction-sections) carries no relocation: the assembler
 * resolves it, so its displacement moves with the layout. Such a difference is no change when
 * both displacements (x86 `call`/`jmp`/`jcc`, rel32 or rel8) land on the same function at the
 * same offset.
 */
function sameBranchTarget(pre, post, from, to) {
    for (const s of windows(from, to, 4, pre.raw.length)) {
        const a = branchTarget(pre, s);
        if (a !== undefined && a === branchTarget(post, s))
            return a;
    }
    for (let s = from; s < to; s++) {
        const a = branchTarget(pre, s, 1);
        if (a !== undefined && a === branchTarget(post, s, 1))
            return a;
    }
    return undefined;
}
/**
 * Calls and jumps of a function in a shared section whose target is the start of another
 * function there, by offset: with the same bytes on both sides, a neighbour of another name at
 * that start (a helper the fix replaced by one of the same size) is another callee.
 */
function neighbourCalls(side) {
    const out = new Map();
    for (let s = 1; s < side.raw.length; s++) {
        for (const width of [4, 1]) {
            const target = branchAt(side, s, width);
            if (target === undefined)
                continue;
            const sym = symbolAt(side.obj, side.section, target);
            if (sym?.type === 'FUNC' && sym.value === target && sym.value !== side.start)
                out.set(s, normaliseName(sym.name));
        }
    }
    return out;
}
/** The first call whose neighbour differs between two same-byte sides, as the report says it. */
function otherNeighbour(pre, post) {
    const a = neighbourCalls(pre);
    const b = neighbourCalls(post);
    for (const s of [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)) {
        if (a.get(s) !== b.get(s))
            return `calls ${b.get(s) ?? 'another address'} instead of ${a.get(s) ?? 'another address'} at +0x${(s - 1).toString(16)}`;
    }
    return undefined;
}
/**
 * No kernel source reaches this line (dynamic debug keeps lines in 18 bits): a larger immediate
 * that moved by the fix's line delta is a hash or a mask that changed, not a line.
 */
const MAX_LINE = 0x3ffff;
/** Bytes a `C7 /0` instruction's ModRM (and SIB, displacement) take before its immediate. */
function modrmLength(modrm, sib) {
    const mod = modrm >> 6;
    const rm = modrm & 7;
    if (mod === 3)
        return 1;
    const withSib = rm === 4 ? 1 : 0;
    if (mod === 1)
        return 1 + withSib + 1;
    if (mod === 2)
        return 1 + withSib + 4;
    if (rm === 5)
        return 1 + 4;
    return rm === 4 && sib !== undefined && (sib & 7) === 5 ? 1 + 1 + 4 : 1 + withSib;
}
/**
 * Whether the 4 bytes at `s` are the immediate of a `mov $imm32` into a register or a memory slot,
 * or of a `push $imm32`: how GCC passes a `__LINE__` (`mov $0x1a2,%edx` before `__might_sleep`,
 * ext4's `__ext4_error`, `movl $0x1a2,0x8(%rsp)` or `push $0xb43` for an argument on the stack).
 * Any other changed 4-byte window, the operand of a `cmp`, a `jcc` opcode with the byte after
 * it, a displacement, is no line.
 */
function isLineOperand(code, s) {
    const op = code[s - 1];
    // 68: push $imm32, an argument past the sixth (ext4's __ext4_new_inode takes __LINE__ so).
    if (op === 0x68)
        return true;
    // B8+r: mov $imm32, %r32 (a REX.B before it selects r8d-r15d); 0F B8-BF are other opcodes
    // (popcnt, bsf, movsx).
    if (op !== undefined && op >= 0xb8 && op <= 0xbf)
        return s < 2 || code[s - 2] !== 0x0f;
    // C7 /0: mov $imm32, r/m32 (or r/m64 sign-extended with REX.W).
    for (let k = 2; k <= 7 && k <= s; k++) {
        const at = s - k;
        if (code[at] !== 0xc7)
            continue;
        const modrm = code[at + 1];
        if (((modrm >> 3) & 7) === 0 && 1 + modrmLength(modrm, code[at + 2]) === k)
            return true;
    }
    return false;
}
/**
 * A `__LINE__` the fix shifted, inside the differing run [from, to): a 4-byte window where the
 * symbol's kind keeps lines (`LineFields`) whose two values are a line and its place after the
 * fix. Returns `pre→post`.
 */
function lineImmediate(pre, post, from, to, isLineShift, fields) {
    if (fields === 'none')
        return undefined;
    for (const s of windows(from, to, 4, pre.length)) {
        let a = readLe(pre, s, 4);
        let b = readLe(post, s, 4);
        if (fields === 'code') {
            if (!isLineOperand(pre, s) || !isLineOperand(post, s))
                continue;
        }
        else {
            if (s % 4 !== 0 || (a ^ b) >>> 0 > MAX_LINE)
                continue;
            a &= MAX_LINE;
            b &= MAX_LINE;
        }
        if (a !== b && a <= MAX_LINE && b <= MAX_LINE && isLineShift(a, b))
            return `line ${a}→${b} at +0x${s.toString(16)}`;
    }
    return undefined;
}

/**
 * Tables whose entries say what a function's code does without being in its bytes, by entry size
 * (x86-64, Linux 6.1): a static branch's key and target (`struct jump_entry`: code, target, key),
 * an exception fixup and its type (`struct exception_table_entry`: insn, fixup, data), an
 * alternative's feature and replacement (`struct alt_instr`: instr, replacement, cpuid, lengths),
 * a paravirt site's type, a static call's key. kpatch and klp-build compare these per function
 * too: a fix that switches a static branch to another key changes no byte of the function.
 */
const TABLES = new Map([
    ['__jump_table', 16],
    ['__ex_table', 12],
    ['.altinstructions', 12],
    ['.parainstructions', 16],
    ['.static_call_sites', 8]
]);
function inFunction(obj, r) {
    const sym = obj.symbols[r.symbol];
    if (!sym || typeof sym.shndx !== 'number')
        return undefined;
    const section = obj.sections[sym.shndx];
    if (!section?.flags.includes('X'))
        return undefined;
    // A data field's PC-relative value is relative to the field itself: the target is S + A.
    const target = (sym.type === 'SECTION' ? 0 : sym.value) + r.addend;
    const fn = symbolAt(obj, sym.shndx, target);
    return fn?.type === 'FUNC' ? { name: fn.name, at: target - fn.value } : undefined;
}
/** The code a target points at in a section without symbols (`.altinstr_replacement`). */
function replacement(obj, r, length) {
    const sym = obj.symbols[r.symbol];
    if (sym?.type !== 'SECTION' || typeof sym.shndx !== 'number')
        return undefined;
    const section = obj.sections[sym.shndx];
    if (!section?.bytes || !section.flags.includes('X'))
        return undefined;
    const at = r.addend;
    const inside = (obj.relocs.get(section.index) ?? [])
        .filter(x => x.offset >= at && x.offset < at + length)
        .map(x => `${x.offset - at}:${relocTarget(obj, x, section.bytes)}`);
    const bytes = Array.from(section.bytes.subarray(at, at + length), b => b.toString(16).padStart(2, '0'));
    return `${bytes.join('')}${inside.length > 0 ? `{${inside.join(';')}}` : ''}`;
}
/**
 * Every entry of the object's tables, put on the function whose code its first field points
 * into, written so that two builds compare: targets inside the owner as offsets into it, other
 * functions by name, keys and strings as `relocTarget` names them, the rest of the entry's bytes
 * as they are. Entries no function owns go under `''`.
 */
function specialEntries(obj) {
    const out = new Map();
    for (const section of obj.sections) {
        const size = section ? TABLES.get(section.name) : undefined;
        if (!section || size === undefined || !section.bytes)
            continue;
        const relocs = [...(obj.relocs.get(section.index) ?? [])].sort((a, b) => a.offset - b.offset);
        const entries = [];
        for (let e = 0; e + size <= section.bytes.length; e += size) {
            const fields = relocs.filter(r => r.offset >= e && r.offset < e + size);
            const bytes = section.bytes.slice(e, e + size);
            for (const r of fields)
                bytes.fill(0, r.offset - e, r.offset - e + relocWidth(r.type));
            const wheres = fields.map(r => inFunction(obj, r));
            const first = wheres[0];
            const owner = first?.name ?? '';
            const parts = fields.map((r, f) => {
                const where = wheres[f];
                if (where)
                    return where.name === owner ? `+${where.at}` : `${where.name}+${where.at}`;
                // .altinstructions: the replacement's length is the entry's last byte.
                const code = replacement(obj, r, section.name === '.altinstructions' ? bytes[size - 1] : 0);
                return code ?? relocTarget(obj, r, undefined);
            });
            const raw = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
            entries.push({
                owner,
                at: first?.at ?? e,
                text: `${normaliseName(section.name)} ${parts.join(',')} ${raw}`
            });
        }
        entries.sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : a.at - b.at));
        for (const { owner, text } of entries) {
            const list = out.get(owner) ?? [];
            list.push(text);
            out.set(owner, list);
        }
    }
    return out;
}
/** What differs between a function's entries before and after, or undefined when nothing does. */
function specialDifference(pre, post, name) {
    const a = pre.get(name) ?? [];
    const b = post.get(name) ?? [];
    if (a.length === b.length && a.every((x, i) => x === b[i]))
        return undefined;
    const section = (b.find((x, i) => x !== a[i]) ?? a.find((x, i) => x !== b[i]) ?? '').split(' ')[0];
    return a.length === b.length
        ? `its ${section} entries differ`
        : `${a.length} → ${b.length} ${section} entries`;
}

/**
 * Sections whose contents mirror the code of the functions beside them, compared with those
 * functions or not kept at all: the tables special-sections and bug-table read per function, the
 * lists objtool and GCC make of call sites, returns, lock prefixes and fentry calls (each entry
 * points into a function, and moves when that function's code does), ORC unwind data, and the
 * out-of-line code of alternatives and exception fixups (`.altinstr_replacement`, read through
 * `.altinstructions`; `static_cpu_has`'s test in `.altinstr_aux` and a `.fixup` stub, read
 * through the function that jumps there or the `__ex_table` entry that names them: relocTarget
 * writes such code by its bytes; each jumps back into its function, so it moves when that
 * function's code does). kpatch's create-diff-object treats the same list as metadata of the
 * functions it patches.
 */
const MIRRORS = new Set([
    '__jump_table',
    '__ex_table',
    '.altinstructions',
    '.parainstructions',
    '.static_call_sites',
    '__bug_table',
    '__mcount_loc',
    '__patchable_function_entries',
    '.smp_locks',
    '.retpoline_sites',
    '.return_sites',
    '.call_sites',
    '.ibt_endbr_seal',
    '.kcfi_traps',
    '.orc_unwind',
    '.orc_unwind_ip',
    '.orc_header',
    '.altinstr_replacement',
    '.altinstr_aux',
    '.fixup'
]);
function compared(section) {
    if (!section?.bytes || !section.flags.includes('A'))
        return false;
    // Mergeable strings and constants are read through what points at them (relocTarget).
    if (section.flags.includes('M'))
        return false;
    if (/^\.(discard|note|eh_frame)/.test(section.name))
        return false;
    return !MIRRORS.has(section.name);
}
/** `[start, end)` ranges of each section that a named symbol holds (a label: to the next symbol). */
function covered(obj) {
    const starts = new Map();
    const named = obj.symbols.filter(s => s !== undefined &&
        typeof s.shndx === 'number' &&
        s.type !== 'SECTION' &&
        s.type !== 'FILE' &&
        s.name !== '' &&
        !s.name.startsWith('.L'));
    for (const s of named) {
        const list = starts.get(s.shndx) ?? [];
        list.push(s.value);
        starts.set(s.shndx, list);
    }
    for (const list of starts.values())
        list.sort((a, b) => a - b);
    const out = new Map();
    for (const s of named) {
        const index = s.shndx;
        const end = s.size > 0
            ? s.value + s.size
            : (starts.get(index)?.find(v => v > s.value) ?? obj.sections[index]?.size ?? s.value);
        const list = out.get(index) ?? [];
        list.push([s.value, end]);
        out.set(index, list);
    }
    return out;
}
/** GCC's and gas's padding between functions (nops of every length, int3) and between data. */
const PADDING = new Set([0x00, 0x90, 0xcc, 0x66, 0x0f, 0x1f, 0x2e, 0x40, 0x44, 0x80, 0x84]);
function isPadding(bytes, code) {
    return code ? bytes.length < 64 && bytes.every(b => PADDING.has(b)) : bytes.every(b => b === 0);
}
/**
 * The pieces of each section that no symbol holds and nothing compares through a reference,
 * written so that two builds compare (bytes with relocation fields zeroed, then what each
 * relocation points at), by section name. What a top-level `asm()` writes after an assembler-local
 * label only (`.Lthunk: ret`), or into a table no label names, is nowhere else: a fix that changes
 * it through an `#if` or a macro changes no function and no data object. A read-only anonymous
 * object that something points at (a switch table, a local array's initial values) is compared
 * as part of what points at it (relocTarget); one in code or writable data only by its offset,
 * so it is compared here too.
 */
function unownedPieces(obj) {
    const refs = sectionReferences(obj);
    const cover = covered(obj);
    const out = new Map();
    for (const section of obj.sections) {
        if (!compared(section))
            continue;
        const ranges = (cover.get(section.index) ?? []).sort((a, b) => a[0] - b[0]);
        const points = [...(refs.get(section.index) ?? [])];
        const cuts = [...new Set([...points, ...ranges.map(r => r[0])])].sort((a, b) => a - b);
        const readOnly = !section.flags.includes('X') && !section.flags.includes('W');
        const pointed = new Set(points);
        const code = section.flags.includes('X');
        let at = 0;
        const gaps = [];
        for (const [start, end] of [...ranges, [section.size, section.size]]) {
            if (start > at)
                gaps.push([at, start]);
            at = Math.max(at, end);
        }
        for (const [gapStart, gapEnd] of gaps) {
            let from = gapStart;
            while (from < gapEnd) {
                const to = Math.min(gapEnd, cuts.find(c => c > from) ?? gapEnd);
                if (!(readOnly && pointed.has(from))) {
                    const slice = sliceOf(obj, section, from, to);
                    const bytes = slice.bytes ?? new Uint8Array(0);
                    if (slice.relocs.length > 0 || !isPadding(bytes, code)) {
                        const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
                        const inner = slice.relocs.map(r => `${r.at}:${r.target}`).join(';');
                        const name = normaliseName(section.name);
                        const list = out.get(name) ?? [];
                        list.push(inner ? `${hex}{${inner}}` : hex);
                        out.set(name, list);
                    }
                }
                from = to;
            }
        }
    }
    return out;
}
/**
 * The sections whose unowned pieces differ between the builds (as multisets: a piece that moved
 * is the same piece), each with how many pieces only one build has.
 */
function unownedDifferences(pre, post) {
    const a = unownedPieces(pre);
    const b = unownedPieces(post);
    const out = [];
    for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const left = new Map();
        for (const p of a.get(name) ?? [])
            left.set(p, (left.get(p) ?? 0) + 1);
        let added = 0;
        for (const p of b.get(name) ?? []) {
            const n = left.get(p) ?? 0;
            if (n > 0)
                left.set(p, n - 1);
            else
                added++;
        }
        const removed = [...left.values()].reduce((s, n) => s + n, 0);
        if (added + removed === 0)
            continue;
        const counts = [
            removed > 0 ? `${removed} only before` : '',
            added > 0 ? `${added} only after` : ''
        ];
        out.push(`${name} (piece(s): ${counts.filter(Boolean).join(', ')})`);
    }
    return out;
}

const hex = (n) => `+0x${n.toString(16)}`;
const target = (t) => t.slice(t.indexOf(' ') + 1);
/** The section a symbol lives in, without its own name: `.text.*`, `.text.unlikely.*`, `.init.text`. */
function placement(s) {
    const own = `.${s.symbol.name}`;
    const name = s.section.name;
    return normaliseName(name.endsWith(own) ? `${name.slice(0, -own.length)}.*` : name);
}
function rawOf(s) {
    return s.section.bytes?.subarray(s.symbol.value, s.symbol.value + s.symbol.size);
}
function compareBytes(pre, post, objs, isLineShift, fields, lines) {
    if (pre.symbol.size !== post.symbol.size) {
        return `size ${pre.symbol.size} → ${post.symbol.size} bytes`;
    }
    if (!pre.bytes !== !post.bytes)
        return pre.bytes ? 'now zero-initialised' : 'now initialised';
    for (let i = 0; i < Math.max(pre.relocs.length, post.relocs.length); i++) {
        const a = pre.relocs[i];
        const b = post.relocs[i];
        if (a?.at === b?.at && a?.target === b?.target)
            continue;
        if (a && b && a.at === b.at)
            return `references ${target(b.target)} instead of ${target(a.target)} at ${hex(a.at)}`;
        return `relocations differ from ${hex(Math.min(a?.at ?? Infinity, b?.at ?? Infinity))}`;
    }
    if (!pre.bytes || !post.bytes)
        return undefined;
    const rawPre = rawOf(pre);
    const rawPost = rawOf(post);
    const sides = pre.kind === 'function' && rawPre && rawPost
        ? [
            { obj: objs[0], section: pre.section.index, start: pre.symbol.value, raw: rawPre },
            { obj: objs[1], section: post.section.index, start: post.symbol.value, raw: rawPost }
        ]
        : undefined;
    const runs = diffRuns(pre.bytes, post.bytes);
    // In a section shared with other functions a call to one of them has no relocation: the same
    // bytes may call another function, when the fix put another of the same size at that place.
    if (runs.length === 0 && sides && shares(objs, pre, post))
        return otherNeighbour(sides[0], sides[1]);
    for (const [from, to] of runs) {
        if (sides && sameBranchTarget(sides[0], sides[1], from, to) !== undefined)
            continue;
        const line = lineImmediate(pre.bytes, post.bytes, from, to, isLineShift, fields);
        if (line === undefined)
            return `bytes differ at ${hex(from)}`;
        lines.push(line);
    }
    return undefined;
}
/** Whether either side's section holds other functions than this one. */
function shares(objs, pre, post) {
    const many = (obj, s) => (bySection(obj).get(s.section.index) ?? []).some(x => x !== s.symbol && x.type === 'FUNC' && x.size > 0);
    return many(objs[0], pre) || many(objs[1], post);
}
function compareBugs(pre, post, isLineShift, lines) {
    if (pre.length !== post.length)
        return `${pre.length} → ${post.length} WARN/BUG sites`;
    for (let i = 0; i < pre.length; i++) {
        const [a, b] = [pre[i], post[i]];
        if (a.at !== b.at || a.flags !== b.flags || a.file !== b.file)
            return `WARN/BUG site at ${hex(a.at)} differs`;
        if (a.line === b.line)
            continue;
        if (!isLineShift(a.line, b.line))
            return `WARN/BUG at ${hex(a.at)} reports line ${b.line} instead of ${a.line}`;
        lines.push(`WARN/BUG line ${a.line}→${b.line}`);
    }
    return undefined;
}
function compareSlices(pre, post, objs, bugs, isLineShift, fields) {
    const lines = [];
    const changed = compareBytes(pre, post, objs, isLineShift, fields, lines) ??
        compareBugs(bugs[0], bugs[1], isLineShift, lines);
    if (changed !== undefined)
        return { verdict: 'changed', detail: changed };
    if (placement(pre) !== placement(post)) {
        return { verdict: 'changed', detail: `moved from ${pre.section.name} to ${post.section.name}` };
    }
    if (lines.length > 0)
        return { verdict: 'line-only', detail: `line numbers only: ${lines.join(', ')}` };
    return { verdict: 'unchanged' };
}
/** The subsections GCC writes without -ffunction-sections: not a function's own section. */
const SUBSECTIONS = new Set(['.text.unlikely', '.text.hot', '.text.startup', '.text.exit']);
/**
 * Built without -ffunction-sections, every function shares `.text` and references between them
 * are resolved by the assembler: a difference cannot be pinned to a function. A `.cold` part in
 * `.text.unlikely` does not make an object built with them.
 */
function sharedText(obj) {
    const fns = obj.symbols.filter(s => s?.type === 'FUNC' && s.size > 0 && typeof s.shndx === 'number');
    const names = fns.map(s => obj.sections[s.shndx]?.name ?? '');
    return names.includes('.text') && !names.some(n => n.startsWith('.text.') && !SUBSECTIONS.has(n));
}
/** Pairs numbered data (`__func__.3`, `__key.12`) by content first, then by order. */
function pairNumbered(pre, post) {
    const sig = (s) => `${s.symbol.size}|${s.bytes?.join(',') ?? 'bss'}|${s.relocs.map(r => `${r.at}:${r.target}`).join(';')}`;
    const waiting = new Map();
    for (const b of post) {
        const k = sig(b);
        waiting.set(k, [...(waiting.get(k) ?? []), b]);
    }
    const pairs = [];
    const left = [];
    const matched = new Set();
    for (const a of pre) {
        const b = waiting.get(sig(a))?.shift();
        if (b) {
            pairs.push([a, b]);
            matched.add(b);
        }
        else
            left.push(a);
    }
    const rest = post.filter(b => !matched.has(b));
    for (let i = 0; i < Math.max(left.length, rest.length); i++)
        pairs.push([left[i], rest[i]]);
    return pairs;
}
/**
 * Numbered data (`_rs.1`, `__func__.3`) by its name without the number and the functions that use
 * it: two functions' rate limits are told apart by whose they are, not by their contents (paired
 * by content, two statics whose values the fix swapped read as unchanged, and a changed one was
 * put on the other function).
 */
function keyOf(s, users) {
    if (s.kind !== 'data' || !isNumbered(s.symbol.name))
        return s.symbol.name;
    return `#${normaliseName(s.symbol.name)}@${[...(users.get(s.symbol.name) ?? [])].sort().join(',')}`;
}
function groups(slices, users) {
    const map = new Map();
    for (const s of slices) {
        const key = `${s.kind}:${keyOf(s, users)}`;
        const list = map.get(key);
        if (list)
            list.push(s);
        else
            map.set(key, [s]);
    }
    return map;
}
/** A function-scope static the function writes (`_rs`, a ratelimit state; not a `const` table). */
function stateful(s, cls) {
    return cls === 'function-local' && s.section.flags.includes('W');
}
/**
 * Its initial value changed. kpatch and klp-build correlate a function's static locals with the
 * running kernel's, so that a replaced function keeps their state (kpatch's patch author guide):
 * the copy uses the old variable, whose value the new initializer never reaches.
 */
function restarted(file, name, owners) {
    const of = owners && owners.size > 0 ? ` of ${[...owners].sort().join(', ')}` : '';
    return {
        kind: 'global-change',
        severity: 'unresolved',
        file,
        ...(owners && owners.size > 0 ? { functions: [...owners].sort() } : {}),
        message: `${file}: the function-local static ${name}${of} starts from another value in the patched build: a livepatch's copy of the function keeps using the running kernel's variable (kpatch and klp-build correlate static locals so that their state survives), so the new initial value never takes effect`
    };
}
/**
 * A definition that turns weak, strong, local or global: which definition the link picks (a
 * `__weak` default against another file's strong one) or who can reach it changes, and no
 * function replacement carries that. The kernel's prototypes have spelled `__weak` by mistake.
 */
function rebound(file, pre, post) {
    const what = `${pre.kind === 'function' ? 'function' : 'data object'} ${post.symbol.name}`;
    const [was, now] = [pre.symbol.bind, post.symbol.bind];
    const why = was === 'LOCAL'
        ? `is ${now} in the patched build (static before): other files can reach it by name, while the running kernel has it as a local symbol (a livepatch reaches that only through a klp relocation), and it may override a __weak definition at the next link`
        : now === 'LOCAL'
            ? `is static in the patched build (${was} before): other files no longer reach it, and another definition of the name may take their calls at the next link`
            : `is ${now} in the patched build (${was} before): which definition the link picks changes`;
    return {
        kind: 'object-compare',
        severity: 'unresolved',
        file,
        message: `${file}: ${what} ${why}; no function replacement carries that`
    };
}
/**
 * Compares one TU's object built before and after a fix, function by function and data object by
 * data object (kpatch's create-diff-object and klp-build do the same per section; here per symbol,
 * so that functions sharing `.init.text` are told apart).
 */
function compareObjects(tu, pre, post, isLineShift) {
    const findings = [];
    const file = tu.replace(/\.c$/, '.o');
    const shared = sharedText(pre) || sharedText(post);
    const bugPre = bugEntries(pre);
    const bugPost = bugEntries(post);
    if (!bugPre || !bugPost) {
        findings.push({
            kind: 'object-compare',
            severity: 'unresolved',
            file,
            message: `${file}: __bug_table is not in the 12-byte relative layout: WARN/BUG lines were not compared`
        });
    }
    const objs = [pre, post];
    const users = [
        referrers(pre),
        referrers(post)
    ];
    const a = groups(symbolSlices(pre), users[0]);
    const b = groups(symbolSlices(post), users[1]);
    const symbols = [];
    const names = new Set([...pre.symbols, ...post.symbols].map(x => x?.name ?? ''));
    for (const key of new Set([...a.keys(), ...b.keys()])) {
        const left = a.get(key) ?? [];
        const right = b.get(key) ?? [];
        const pairs = left.length === 1 && right.length <= 1 ? [[left[0], right[0]]] : pairNumbered(left, right);
        for (const [x, y] of pairs) {
            const s = (y ?? x);
            const bind = s.symbol.bind;
            const base = {
                name: s.symbol.name,
                kind: s.kind,
                ...(bind === 'GLOBAL' || bind === 'WEAK' ? { bind } : {}),
                ...(s.kind === 'data' ? { dataClass: dataClass(s.symbol.name, s.section.name, names) } : {})
            };
            if (x && y && x.symbol.bind !== y.symbol.bind)
                findings.push(rebound(file, x, y));
            if (!x)
                symbols.push({
                    ...base,
                    verdict: 'added',
                    detail: `only after the fix, in ${s.section.name}`
                });
            else if (!y)
                symbols.push({
                    ...base,
                    verdict: 'removed',
                    detail: `only before the fix, in ${s.section.name}`
                });
            else {
                const bugs = s.kind === 'function'
                    ? [bugPre?.get(x.symbol.name) ?? [], bugPost?.get(y.symbol.name) ?? []]
                    : [[], []];
                const fields = s.kind === 'function' ? 'code' : base.dataClass === 'call-site' ? 'descriptor' : 'none';
                const compared = { ...base, ...compareSlices(x, y, objs, bugs, isLineShift, fields) };
                symbols.push(compared);
                if (compared.verdict === 'changed' && stateful(y, base.dataClass))
                    findings.push(restarted(file, y.symbol.name, users[1].get(y.symbol.name)));
            }
        }
    }
    // A function whose bytes are the same may still be marked differently by the tables beside it.
    const special = [specialEntries(pre), specialEntries(post)];
    symbols.forEach((s, i) => {
        if (s.kind !== 'function' || (s.verdict !== 'unchanged' && s.verdict !== 'line-only'))
            return;
        const detail = specialDifference(special[0], special[1], s.name);
        if (detail !== undefined)
            symbols[i] = { ...s, verdict: 'changed', detail };
    });
    const unowned = specialDifference(special[0], special[1], '');
    if (unowned !== undefined) {
        findings.push({
            kind: 'object-compare',
            severity: 'unresolved',
            file,
            message: `${file}: ${unowned.replace(/^its /, '')} in entries that point into no function: what they change is not pinned to one`
        });
    }
    symbols.sort((p, q) => p.kind === q.kind
        ? p.name < q.name
            ? -1
            : p.name > q.name
                ? 1
                : 0
        : p.kind === 'function'
            ? -1
            : 1);
    const labels = compareLabels(pre, post, file, names);
    for (const f of labels.findings)
        findings.push(f);
    const pieces = unownedDifferences(pre, post);
    if (pieces.length > 0) {
        findings.push({
            kind: 'object-compare',
            severity: 'unresolved',
            file,
            message: `${file}: bytes that no symbol holds differ in ${pieces.join(', ')}: entries of a table the kernel walks by its bounds (a PCI fixup, a constructor) or code after an assembler-local label, which a top-level asm() or an attribute writes; no function or data object holds them, so no function replacement carries them`
        });
    }
    const folded = [...foldLocalData(foldColdParts(symbols), users), ...labels.symbols];
    const differing = folded.filter(s => s.kind === 'function' && s.verdict !== 'unchanged');
    if (shared && differing.length > 0) {
        findings.push({
            kind: 'object-compare',
            severity: 'unresolved',
            file,
            functions: differing.map(s => s.name),
            message: `${file}: all functions are in .text (built without -ffunction-sections) and its code differs: the per-function verdicts are a guess`
        });
    }
    return { tu, symbols: folded, findings };
}

/**
 * An ELF relocatable object as binutils' `readelf -W -S -s -r` and `readelf -W -x N...` print it.
 * Text, not bytes: every runner that builds a kernel has binutils, and readelf already decodes the
 * header fields, the symbol index of each relocation and the relocation names of every
 * architecture, so nothing here depends on the ELF class or the machine.
 */
const SECTION = /^\s*\[\s*(\d+)\]\s(.*)$/;
const SYMBOL = /^\s*(\d+):\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+\[[^\]]*\])?\s+(\S+)(?: (.*))?$/;
const RELOC_HEAD = /^Relocation section '.*' at offset 0x([0-9a-f]+) contains/;
const RELOC = /^([0-9a-f]+)\s+([0-9a-f]+)\s+(\S+)(?:\s+[0-9a-f]+\s+.*?\s([+-])\s([0-9a-f]+)|\s+([0-9a-f]+))?\s*$/;
function parseSection(index, rest) {
    const t = rest.trim().split(/\s+/);
    // Section 0 has an empty name; every other row: name type addr off size es [flags] lk inf al.
    if (index === 0 && t[0] === 'NULL')
        t.unshift('');
    if (t.length !== 9 && t.length !== 10)
        return undefined;
    return {
        index,
        name: t[0],
        type: t[1],
        offset: parseInt(t[3], 16),
        size: parseInt(t[4], 16),
        entsize: parseInt(t[5], 16),
        flags: t.length === 10 ? t[6] : '',
        info: Number(t[t.length - 2])
    };
}
/** The symbol index of a relocation's info word: the upper half of r_info (ELF64) or 24 bits (ELF32). */
function symbolOfInfo(info) {
    return info.length > 8 ? parseInt(info.slice(0, info.length - 8), 16) : parseInt(info, 16) >>> 8;
}
/** Parses `readelf -W -S -s -r` of one object. Throws on text that is not that output. */
function parseReadelf(text) {
    const sections = [];
    const symbols = [];
    const relocs = new Map();
    let mode = 'none';
    let inSymtab = false;
    let current;
    for (const line of text.split('\n')) {
        if (line.startsWith('Section Headers:')) {
            mode = 'sections';
            continue;
        }
        if (line.startsWith("Symbol table '")) {
            mode = 'symbols';
            inSymtab = line.startsWith("Symbol table '.symtab'");
            continue;
        }
        const head = RELOC_HEAD.exec(line);
        if (head) {
            mode = 'relocs';
            const offset = parseInt(head[1], 16);
            const rela = sections.find(s => s.offset === offset && /^(RELA|REL)$/.test(s.type));
            if (!rela)
                throw new Error(`relocation section at offset 0x${head[1]} not in the section headers`);
            current = relocs.get(rela.info) ?? [];
            relocs.set(rela.info, current);
            continue;
        }
        if (mode === 'sections') {
            const m = SECTION.exec(line);
            if (m) {
                const s = parseSection(Number(m[1]), m[2]);
                if (!s)
                    throw new Error(`unreadable section header: ${line.trim()}`);
                sections[s.index] = s;
            }
            else if (line.startsWith('Key to Flags'))
                mode = 'none';
        }
        else if (mode === 'symbols' && inSymtab) {
            const m = SYMBOL.exec(line);
            if (!m)
                continue;
            const ndx = m[7];
            symbols[Number(m[1])] = {
                index: Number(m[1]),
                value: parseInt(m[2], 16),
                size: m[3].startsWith('0x') ? parseInt(m[3], 16) : Number(m[3]),
                type: m[4],
                bind: m[5],
                shndx: /^\d+$/.test(ndx) ? Number(ndx) : ndx,
                name: m[8] ?? ''
            };
        }
        else if (mode === 'relocs' && current) {
            const m = RELOC.exec(line);
            if (!m)
                continue;
            const addend = m[5] !== undefined
                ? parseInt(m[5], 16) * (m[4] === '-' ? -1 : 1)
                : m[6] !== undefined
                    ? parseInt(m[6], 16)
                    : 0;
            current.push({ offset: parseInt(m[1], 16), type: m[3], symbol: symbolOfInfo(m[2]), addend });
        }
    }
    if (sections.length === 0)
        throw new Error('no section headers in the readelf output');
    return { sections, symbols, relocs };
}
/** Sections with bytes: constructors' tables (`.init_array`) hold pointers as data does. */
const DUMPED = /^(PROGBITS|INIT_ARRAY|FINI_ARRAY|PREINIT_ARRAY)$/;
/** The sections whose bytes the comparison reads: every allocated section with contents. */
function sectionsToDump(obj) {
    return obj.sections
        .filter(s => s !== undefined && DUMPED.test(s.type) && s.size > 0 && s.flags.includes('A'))
        .map(s => s.index);
}
const DUMP_HEAD = /^Hex dump of section '(.*)':$/;
function hexValue(c) {
    return c <= 57 ? c - 48 : c - 87;
}
/**
 * Fills `bytes` of the sections `sectionsToDump` names from readelf's hex dump (`-x N` of those
 * sections, or of every section: the others are skipped). readelf prints the dumps in index
 * order, and names repeat, so each dump goes to the next wanted section of that name.
 */
function parseHexDump(text, obj) {
    const wanted = sectionsToDump(obj);
    let k = 0;
    let bytes;
    let size = 0;
    for (const line of text.split('\n')) {
        if (line.startsWith('Hex dump of section ')) {
            const name = DUMP_HEAD.exec(line)?.[1];
            let j = k;
            while (j < wanted.length && obj.sections[wanted[j]].name !== name)
                j++;
            const section = j < wanted.length ? obj.sections[wanted[j]] : undefined;
            if (section)
                k = j + 1;
            bytes = section ? new Uint8Array(section.size) : undefined;
            if (section)
                section.bytes = bytes;
            size = section?.size ?? 0;
            continue;
        }
        // `  0x00000010 00e80000 0000eb89 ...  ........`: 16 bytes a row in four words, then ASCII.
        if (!bytes || !line.startsWith('  0x'))
            continue;
        const at = parseInt(line.slice(4, 12), 16);
        const n = Math.min(16, size - at);
        for (let i = 0, p = 13; i < n; i++, p += 2) {
            if (line.charCodeAt(p) === 32)
                p++;
            bytes[at + i] = hexValue(line.charCodeAt(p)) * 16 + hexValue(line.charCodeAt(p + 1));
        }
    }
    for (const i of wanted) {
        if (!obj.sections[i].bytes)
            throw new Error(`no hex dump of section ${obj.sections[i].name}`);
    }
}

const run = promisify(execFile);
/** readelf's text for one object is ~2x its size; the largest kernel objects are tens of MB. */
const MAX_OUTPUT = 512 * 1024 ** 2;
/** readelf is missing (binutils not installed, or `READELF` names nothing). */
class ReadelfMissingError extends Error {
}
async function readelf(args) {
    const tool = process.env.READELF ?? 'readelf';
    try {
        const { stdout } = await run(tool, args, { maxBuffer: MAX_OUTPUT, encoding: 'latin1' });
        return stdout;
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new ReadelfMissingError(`${tool} not found: comparing objects needs binutils' readelf (apt-get install binutils, or set READELF)`, { cause: error });
        }
        const stderr = error.stderr?.trim();
        throw new Error(`${tool} failed on ${args[args.length - 1]}: ${stderr || String(error)}`, {
            cause: error
        });
    }
}
/**
 * The number of sections from the ELF header (e_shnum), so that one readelf run can dump them all;
 * undefined when the header does not say (not ELF, or 65280+ sections kept in section 0).
 */
async function sectionCount(path) {
    const file = await open(path, 'r');
    try {
        const { buffer, bytesRead } = await file.read(Buffer.alloc(64), 0, 64, 0);
        if (bytesRead < 52 || buffer.readUInt32BE(0) !== 0x7f454c46)
            return undefined;
        const little = buffer[5] === 1;
        const at = buffer[4] === 2 ? 0x3c : 0x30;
        const n = little ? buffer.readUInt16LE(at) : buffer.readUInt16BE(at);
        return n > 0 ? n : undefined;
    }
    finally {
        await file.close();
    }
}
/**
 * One object's sections, symbols, relocations and the bytes of its allocated sections. One readelf
 * run when the header gives the section count (`-x` of every section, by number: names repeat),
 * else a second run for the hex dump; a process start costs more than parsing the extra dumps.
 */
async function readObject(path) {
    const count = await sectionCount(path);
    const all = count === undefined ? [] : Array.from({ length: count - 1 }, (_, i) => ['-x', String(i + 1)]);
    const text = await readelf(['-W', '-S', '-s', '-r', ...all.flat(), path]);
    const obj = parseReadelf(text);
    if (count !== undefined)
        parseHexDump(text, obj);
    else {
        const dump = sectionsToDump(obj);
        if (dump.length > 0)
            parseHexDump(await readelf(['-W', ...dump.flatMap(i => ['-x', String(i)]), path]), obj);
    }
    return obj;
}

async function objectsUnder(root) {
    const out = [];
    for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
        // `foo.mod.o` is modpost's generated module info, not a TU of the fix.
        if ((e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.o') && !e.name.endsWith('.mod.o')) {
            out.push(relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
        }
    }
    return out.sort();
}
/**
 * The source an object was compiled from, by its FILE symbols: one `x.c` is a TU; several are an
 * `ld -r` composite of TUs (a module's `foo.o`), whose parts are compared on their own; none is
 * assembler output.
 */
function sourceOf(path, obj) {
    const files = obj.symbols.filter(s => s?.type === 'FILE').map(s => s.name);
    if (files.length > 1)
        return null;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    return files.length === 1 ? dir + files[0] : path.replace(/\.o$/, '.S');
}
async function mapLimit(items, limit, fn) {
    const out = [];
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
/**
 * Compares the `.o` files found under `postRoot` (may hold only the recompiled TUs) with the ones
 * at the same repository path under `preRoot`. A post object without a pre one cannot be compared:
 * an unresolved finding. Throws ReadelfMissingError when readelf is not installed.
 */
async function compareObjectPairs(preRoot, postRoot, isLineShift) {
    const post = await objectsUnder(postRoot);
    const pre = new Set(await objectsUnder(preRoot));
    const results = await mapLimit(post, 2, async (path) => {
        const tu = path.replace(/\.o$/, '.c');
        if (!pre.has(path)) {
            return uncompared(tu, path, `${path} was rebuilt after the fix but has no pre-fix object to compare with`);
        }
        let a;
        let b;
        try {
            ;
            [a, b] = [await readObject(join(preRoot, path)), await readObject(join(postRoot, path))];
        }
        catch (error) {
            if (error instanceof ReadelfMissingError)
                throw error;
            return uncompared(tu, path, `${path}: ${error.message}`);
        }
        const source = sourceOf(path, b);
        return source === null ? null : compareObjects(source, a, b, isLineShift);
    });
    return results.filter((r) => r !== null);
}
/** An object that cannot be compared: its TU's code is unknown, so the gate must not pass on it. */
function uncompared(tu, path, message) {
    return {
        tu,
        symbols: [],
        findings: [{ kind: 'object-compare', severity: 'unresolved', file: path, message }]
    };
}

/**
 * The fix's line moves: an immediate that was line `pre` of a changed file and is `post` after the
 * fix, where the hunks above it moved it by exactly that much, is a `__LINE__` the fix shifted (a
 * WARN_ON's or BUG_ON's line), not a change of logic. Lines inside a hunk map through its context
 * lines; a deleted line maps nowhere.
 */
function makeLineShiftTest(changes) {
    return lineShiftTest(changes.map(c => ({ hunks: c.patch.hunks, oldText: c.oldText })));
}
/**
 * A line `__LINE__` can name: one of the file's lines (a constant past its end that moved by the
 * fix's delta is a constant, `cmp $0xe` read as line 32526 of a 25-line file), holding code: not
 * blank, not a directive (`#define QUEUE_MAX 7` on line 7: the macro's users expand `__LINE__` on
 * their own lines, so a 7 there is the value, not a line).
 */
function codeLines(text) {
    const lines = text.split('\n');
    return line => {
        const l = lines[line - 1];
        return l !== undefined && /\S/.test(l) && !/^\s*#/.test(l);
    };
}
/**
 * The same from each changed file's hunks. Files are not told apart: the object does not say which
 * file a `__LINE__` came from. Without a file's old text its lines are not bounded (tests of the
 * line map alone).
 */
function lineShiftTest(files) {
    const sorted = files
        .map(f => ({
        hunks: [...f.hunks].sort((a, b) => a.oldStart - b.oldStart),
        holdsCode: typeof f.oldText === 'string' ? codeLines(f.oldText) : () => true
    }))
        .filter(f => f.hunks.length > 0);
    return (pre, post) => pre !== post &&
        sorted.some(f => f.holdsCode(pre) && (newLineOf(f.hunks, pre) === post || movedLine(f.hunks, pre, post)));
}
/** A statement a `__LINE__` can come from: a call (`WARN_ON(...)`, `BUG()`, `pr_warn(...)`). */
const CALL = /[A-Za-z_]\w*\s*\(/;
/**
 * Whether old line `pre` is deleted and new line `post` added with the same text, a call: the
 * fix moved that statement (a function moved up the file, as kernel/sched/rt.c's
 * pick_next_pushable_task in 6.1.190), and its WARN's line moved with it by no hunk's delta.
 */
function movedLine(hunks, pre, post) {
    let deleted;
    let added;
    for (const h of hunks)
        for (const l of h.lines) {
            if (l.type === 'del' && l.oldLine === pre)
                deleted = l.text.trim();
            if (l.type === 'add' && l.newLine === post)
                added = l.text.trim();
        }
    return deleted !== undefined && deleted === added && CALL.test(deleted);
}
/** The new image's line of old line `line`, or undefined when the fix deletes it. */
function newLineOf(hunks, line) {
    let delta = 0;
    for (const h of hunks) {
        // `-10,0`: an insertion after old line 10; `+9,0`: a deletion after new line 9.
        const oldNext = h.oldLines > 0 ? h.oldStart + h.oldLines : h.oldStart + 1;
        const newNext = h.newLines > 0 ? h.newStart + h.newLines : h.newStart + 1;
        if (line < (h.oldLines > 0 ? h.oldStart : oldNext))
            break;
        if (line < oldNext)
            return insideHunk(h, line);
        delta = newNext - oldNext;
    }
    return line + delta;
}
function insideHunk(h, line) {
    let oldLine = h.oldStart;
    let newLine = h.newStart;
    for (const l of h.lines) {
        if (l.type === 'add')
            newLine++;
        else if (l.type === 'del') {
            if (oldLine === line)
                return undefined;
            oldLine++;
        }
        else {
            if (oldLine === line)
                return newLine;
            oldLine++;
            newLine++;
        }
    }
    return undefined;
}

/** True when exact mode was asked for: without these inputs the analysis is exactly as before. */
function wantsExact(inputs) {
    return (inputs.postDumps?.length ?? 0) > 0 || (inputs.objects?.length ?? 0) > 0;
}
/** Loads the patched build's dumps (whole: they are the recompiled TUs only), checked by label. */
async function loadPostDumps(inputs) {
    const labels = new Set(inputs.dumps.map(d => d.label));
    const sets = new Map();
    for (const source of [...(inputs.postDumps ?? []), ...(inputs.objects ?? [])]) {
        if (!labels.has(source.label)) {
            throw new Error(`post-fix set '${source.label}' has no base dump set of that label (base labels: ${[...labels].join(', ')})`);
        }
    }
    for (const source of inputs.postDumps ?? []) {
        inputs.progress(`loading post-fix dump set ${source.label} from ${source.paths.join(', ')}`);
        const loaded = await loadDumpSet(source.label, source.paths, inputs.progress);
        sets.set(source.label, loaded.set);
    }
    return sets;
}
/** The base sets must keep the dumps of every recompiled TU: the focus grows by those files. */
function focusWithPost(focus, post) {
    if (!focus)
        return undefined;
    const files = new Set(focus.files);
    for (const set of post.values())
        for (const tu of set.tus())
            files.add(tu);
    return { names: focus.names, files };
}
/**
 * Compares the objects of each set (named roots, or `.o` files inside single-folder dump sets,
 * paired by label) and joins them with the post-fix dumps.
 */
async function exactSets(inputs, post, changes) {
    const isLineShift = makeLineShiftTest(changes);
    const roots = [...(inputs.objects ?? [])];
    for (const source of inputs.postDumps ?? []) {
        if (roots.some(r => r.label === source.label))
            continue;
        const base = inputs.dumps.find(d => d.label === source.label);
        if (base?.paths.length !== 1 || source.paths.length !== 1)
            continue;
        if ((await hasObjects(source.paths[0])) && (await hasObjects(base.paths[0])))
            roots.push({ label: source.label, pre: base.paths[0], post: source.paths[0] });
    }
    const labels = [...new Set([...post.keys(), ...roots.map(r => r.label)])];
    const out = [];
    for (const label of labels) {
        const root = roots.find(r => r.label === label);
        let objects;
        if (root) {
            inputs.progress(`comparing objects of set ${label}: ${root.pre} against ${root.post}`);
            objects = await inputs.compare(root.pre, root.post, isLineShift);
        }
        out.push({
            label,
            ...(post.has(label) ? { post: post.get(label) } : {}),
            ...(objects ? { objects } : {})
        });
    }
    return out;
}
/** A folder (not an archive) with a `.o` somewhere below it. */
async function hasObjects(dir) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
    if (!entries)
        return false;
    for (const e of entries)
        if (e.isFile() && e.name.endsWith('.o'))
            return true;
    for (const e of entries) {
        if (e.isDirectory() && !e.name.startsWith('.') && (await hasObjects(join(dir, e.name))))
            return true;
    }
    return false;
}

/**
 * The kernel's largest hand-written C files are a few hundred KB; beyond this are generated
 * register headers, whose changes are #defines anyway. Locating functions in a file of millions of
 * lines would take minutes and gigabytes, so such a file is an unresolved finding instead.
 */
const MAX_SOURCE_BYTES = 4 << 20;
/** A diff this large is not a livepatch fix: refuse it as an input error rather than run out of memory. */
const MAX_DIFF_BYTES = 64 << 20;
function tooLarge(change, findings) {
    const size = Math.max(change.oldText?.length ?? 0, change.newText?.length ?? 0);
    if (size <= MAX_SOURCE_BYTES)
        return false;
    findings.push({
        kind: 'unmapped-hunk',
        severity: 'unresolved',
        file: change.path,
        message: `${change.path} is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_SOURCE_BYTES >> 20} MB the engine locates functions in: its hunks were not mapped`
    });
    return true;
}
/** Runs the whole analysis from files on disk: the one entry the CLI and the action share. */
async function runPipeline(options) {
    const progress = options.progress ?? (() => undefined);
    if (options.diff.length > MAX_DIFF_BYTES) {
        throw new Error(`the diff is ${(options.diff.length / 1048576).toFixed(0)} MB, over the ${MAX_DIFF_BYTES >> 20} MB limit: not a livepatch fix`);
    }
    // V8 compiles the grammar's wasm off the main thread: started now, it is ready by the map.
    const parserLoad = loadCParser();
    // Awaited below; a run that fails before then must not also report this promise as unhandled.
    parserLoad.catch(() => undefined);
    if (options.source !== undefined)
        await requireDirectory(options.source, 'source');
    const reader = options.source ? makeSourceReader(options.source) : undefined;
    if (options.build !== undefined)
        await requireDirectory(options.build, 'build');
    const built = options.build ? makeSourceReader(options.build) : undefined;
    const findings = [...(options.findings ?? [])];
    const strip = options.strip ??
        (reader
            ? detectStrip(rawPatchPaths(options.diff), p => reader.exists(p))
            : defaultStrip(options.diff));
    const parsed = parsePatch(options.diff, strip);
    // An empty diff that comes with the caller's findings (files GitHub gave no patch for) is
    // explained by them; otherwise an empty, foreign or cut-off text is an input error.
    const problem = diffInputProblem(options.diff, parsed.files.length);
    if (problem && !(options.diff.trim() === '' && findings.length > 0))
        throw new Error(problem);
    append(findings, parsed.findings);
    if (parsed.files.length === 0) {
        findings.push({
            kind: 'diff-unparsed',
            severity: 'unresolved',
            message: 'the diff contains no file changes that could be parsed'
        });
    }
    const changes = [];
    const sized = (change) => change && tooLarge(change, findings) ? undefined : change;
    // A format-patch series may touch one file several times: later patches apply to the image the
    // earlier ones made, not to the tree on disk.
    const images = new Map();
    for (const patch of parsed.files) {
        const path = patch.newPath ?? patch.oldPath ?? '';
        const change = sized(images.has(path)
            ? nextStep(patch, path, images.get(path) ?? null, findings)
            : await rebuildImages(patch, reader, options.sourceSide ?? 'pre', findings));
        images.set(path, change?.newText ?? null);
        if (change)
            changes.push(change);
    }
    progress('locating changed functions');
    // The dumps are scanned once the diff is mapped: a thread boots meanwhile on the idle core.
    // With a scan index, it takes the dumps' stats as well (what a warm load answers most from).
    if (options.dumps.length > 0)
        prewarmScanThread(options.dumps.flatMap(d => d.paths), new Set(options.dumps.flatMap(d => (d.indexCache === undefined ? [] : d.paths))));
    const times = options.times ?? new StageTimes();
    const parser = await times.time('parser', () => parserLoad);
    // The parses are kept beside the scan index: the tree's files parse the same in every run.
    const cacheDir = options.dumps.find(d => d.indexCache !== undefined)?.indexCache;
    if (cacheDir === undefined)
        return mapAndAnalyse(parser);
    const parses = openParseCache(cacheDir);
    // And so are the dump graphs the analysis reads: a dump's graph is a function of its bytes.
    const graphs = openGraphCache(cacheDir);
    keepParses(parser, parses.store);
    try {
        const report = await mapAndAnalyse(parser, graphs.store);
        return withNotes(report, [...parses.flush(), ...graphs.flush()]);
    }
    finally {
        forgetParses(parser);
    }
    async function mapAndAnalyse(parser, graphs) {
        const unconfigured = times.sync('map', () => mapChanges(parser, changes));
        // Past the locator's limit a file is not searched (it is named as such), never parsed.
        // Once loaded, the sets' generated sources answer for what the checkout and --build lack.
        let sets = [];
        const generated = (path) => generatedOf(sets, path, MAX_SOURCE_BYTES) ?? undefined;
        const sourceOf = (path) => reader?.readSync(path, MAX_SOURCE_BYTES) ??
            built?.readSync(path, MAX_SOURCE_BYTES) ??
            generated(path);
        const sourceStatus = (path) => {
            const status = reader?.statusSync(path, MAX_SOURCE_BYTES) ?? built?.statusSync(path, MAX_SOURCE_BYTES);
            if (status !== null && status !== undefined)
                return status;
            const text = generated(path);
            return typeof text === 'string' ? 'ok' : text;
        };
        const declarations = await Promise.all(options.livepatch.map(async (path) => ({
            path,
            text: await readDeclarationFile(path, options.workspace)
        })));
        for (const file of declarations) {
            const foreign = foreignFormat(file);
            if (foreign)
                throw new Error(foreignFormatMessage(file, foreign));
        }
        // Mapped first: the sets then keep only the dumps this fix's functions appear in.
        // A header's macro or type change reaches functions no name in the diff tells: every dump is kept.
        const declared = readDeclarations(declarations).declared.map(d => d.name);
        const whole = options.keepAllDumps || reachesBeyondFunctions(parser, changes);
        const exactInputs = {
            dumps: options.dumps,
            postDumps: options.postDumps,
            objects: options.objects,
            compare: options.compareObjects ?? compareObjectPairs,
            progress
        };
        const exact = wantsExact(exactInputs);
        const post = exact ? await loadPostDumps(exactInputs) : undefined;
        const baseFocus = whole ? undefined : analysisFocus(changes, unconfigured, sourceOf, declared);
        const focus = post ? focusWithPost(baseFocus, post) : baseFocus;
        sets = await times.time('load', () => loadSets(options.dumps, { progress, focus, graphs }));
        // Mapped again against each set's .config (fewer functions, never more: the focus holds) and
        // with the tree at hand, where added and removed includes are judged by what they bring.
        const mapped = sets.some(s => s.config) || reader
            ? times.sync('remap', () => mapChanges(parser, changes, {
                builds: sets.map(s => ({
                    label: s.set.label,
                    config: s.config,
                    hasTu: (tu) => s.set.hasTu(tu)
                })),
                ...(reader
                    ? { includes: { sourceOf, arches: archesOf(sets.flatMap(s => s.set.tus())) } }
                    : {})
            }))
            : unconfigured;
        progress('computing the affected set');
        // The review tier's caller search reads TUs and headers on demand: on a wide header it is the
        // long stage, so its counter climbs on the same progress line as the loader's.
        const searched = new Set();
        const searchedSourceOf = (path) => {
            if (!searched.has(path)) {
                searched.add(path);
                if (searched.size % (options.searchProgressEvery ?? 500) === 0)
                    progress(`review tier: ${searched.size} source files searched`);
            }
            return sourceOf(path);
        };
        const exactSet = post ? await exactSets(exactInputs, post, changes) : undefined;
        const input = {
            sets,
            changes,
            mapped,
            parser,
            sourceOf: searchedSourceOf,
            sourceStatus,
            declarations,
            policy: options.policy,
            findings,
            version: VERSION,
            ...(exactSet ? { exact: exactSet } : {}),
            wrapCallerSearch: (search) => (tu, callee, also) => times.sync('review-search', () => search(tu, callee, also))
        };
        return times.sync('analyze', () => analyze(input));
    }
}
async function requireDirectory(path, what) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
        throw new Error(`${what} '${path}' is ${info ? 'not a directory' : 'missing'}: give the kernel tree`);
    }
}
/** git and `diff -Nupr a/ b/` both put one leading folder on every path. */
function defaultStrip(diff) {
    const paths = rawPatchPaths(diff);
    return paths.length > 0 && paths.every(p => p.includes('/')) ? 1 : 0;
}
async function rebuildImages(patch, reader, side, findings) {
    const path = patch.newPath ?? patch.oldPath ?? '';
    if (!/\.[ch]$/.test(path))
        return { patch, path, oldText: null, newText: null };
    if (patch.oldPath === null) {
        return { patch, path, oldText: null, newText: applyHunks('', patch.hunks) };
    }
    const onDisk = reader ? await reader.read(side === 'pre' ? patch.oldPath : path) : null;
    if (onDisk === null) {
        // Without either image nothing can be located: the mapper reports every hunk as source-missing.
        return { patch, path, oldText: null, newText: null };
    }
    const placed = placeImages(path, patch, onDisk, side);
    if (placed) {
        append(findings, placed.findings);
        // The tree given is the other side of the fix (a common mix-up): still usable, but say so.
        if (placed.side !== side)
            findings.push(sideNote(path, placed.side));
        return { patch: placed.patch, path, oldText: placed.oldText, newText: placed.newText };
    }
    findings.push({
        kind: 'source-mismatch',
        severity: 'unresolved',
        file: path,
        line: patch.hunks[0]?.oldStart,
        message: `the diff does not apply to ${path} in the source tree (context differs, even at other lines and with fuzz ${MAX_FUZZ}): its functions could not be located`
    });
    return undefined;
}
function nextStep(patch, path, previous, findings) {
    if (!/\.[ch]$/.test(path))
        return { patch, path, oldText: null, newText: null };
    const next = previous === null ? null : placeNext(path, patch, previous);
    if (previous !== null && next !== null) {
        append(findings, next.findings);
        return { patch: next.patch, path, oldText: previous, newText: next.newText };
    }
    findings.push({
        kind: 'source-mismatch',
        severity: 'unresolved',
        file: path,
        line: patch.hunks[0]?.oldStart,
        message: `a later patch of the series does not apply to ${path} as the earlier ones left it: its functions could not be located`
    });
    return undefined;
}
function sideNote(path, found) {
    return {
        kind: 'source-mismatch',
        severity: 'info',
        file: path,
        message: `${path} in the source tree is the ${found === 'pre' ? 'pre' : 'post'}-image of the fix; used it as such`
    };
}

export { runPipeline };
