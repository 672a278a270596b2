import { realpath, stat, readFile, open, readdir } from 'node:fs/promises';
import { readFileSync, existsSync, realpathSync, statSync, openSync, constants, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { n as normalizePath, h as getDefaultExportFromCjs, m as maxOf, a as append, t as tuCompiledOut, i as canonicalTypeSpelling, j as includeCandidates, k as maskCommentsAndStrings, o as lineGuards, p as kconfigEnv, q as lineState, r as analyseSource, B as BuildView, u as sameTypeSpelling, v as SAME_TYPE_SPELLING, w as notBuiltMessage, x as loadDumpSet, S as StageTimes, y as readDeclarations, z as reachesBeyondFunctions, A as analysisFocus, l as loadSets, C as archesOf, D as analyze, V as VERSION } from './cli-shared.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import 'node:zlib';
import 'node:os';
import 'node:worker_threads';
import 'node:crypto';
import 'node:stream';
import 'node:stream/promises';
import 'events';
import 'stream/web';

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
async function load() {
    const runtimeWasm = findWasm('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
    const cWasm = findWasm('tree-sitter-c.wasm', 'tree-sitter-c/tree-sitter-c.wasm');
    // Emscripten looks for its wasm relative to its own script; after bundling that script is gone.
    await Parser.init({ locateFile: () => runtimeWasm });
    const parser = new Parser();
    // Bytes rather than a path: Language.load's path branch depends on how the runtime was bundled.
    parser.setLanguage(await Language.load(new Uint8Array(readFileSync(cWasm))));
    return parser;
}
/** The C parser, loaded once per process. */
function loadCParser() {
    cached ??= load().catch((err) => {
        cached = undefined;
        throw err;
    });
    return cached;
}

/**
 * Over this a file is not read at all: the pipeline refuses to locate functions past 4 MB anyway,
 * and a PR can place anything in the checkout the tree is read from.
 */
const MAX_READ_BYTES = 64 << 20;
/**
 * Reads repo-relative files from a source root; null when absent or not readable as a source.
 * The tree is the PR's checkout in the action, so a path (from the diff or a dump) must not climb
 * out, a symlink must not lead out, and only a regular file is read: a FIFO would hang the run and
 * `/dev/zero` would fill the memory.
 */
function makeSourceReader(root) {
    const base = resolve(root);
    let realBase;
    const inside = (abs) => {
        realBase ??= realpathSync(base);
        return abs.startsWith(realBase + sep);
    };
    const locate = (path) => {
        const rel = normalizePath(path);
        if (rel === '' || rel === '..' || rel.startsWith('../'))
            return undefined;
        const abs = resolve(base, rel);
        return abs.startsWith(base + sep) ? abs : undefined;
    };
    const readSync = (path, maxBytes = MAX_READ_BYTES) => {
        const abs = locate(path);
        if (!abs)
            return null;
        let fd;
        try {
            const real = realpathSync(abs);
            if (!inside(real))
                return false;
            const kind = statSync(real);
            if (kind.isDirectory())
                return null;
            if (!kind.isFile() || kind.size > maxBytes)
                return false;
            fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
            return readFileSync(fd, 'utf8');
        }
        catch (error) {
            const code = error.code;
            return code === 'ENOENT' || code === 'ENOTDIR' ? null : false;
        }
        finally {
            if (fd !== undefined)
                closeSync(fd);
        }
    };
    return {
        // The changed files are a handful: the same checks as the review tier's reads, synchronously.
        read(path) {
            const text = readSync(path);
            return Promise.resolve(typeof text === 'string' ? text : null);
        },
        readSync,
        exists(path) {
            const abs = locate(path);
            if (!abs || !existsSync(abs))
                return false;
            try {
                const real = realpathSync(abs);
                return inside(real) && statSync(real).isFile();
            }
            catch {
                return false;
            }
        }
    };
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
    const open = () => {
        const f = { oldPath: null, newPath: null, binary: false, hunks: 0 };
        files.push(f);
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
            if (line.startsWith('---'))
                cur.oldPath = headerPath(line.slice(4));
            else
                cur.newPath = headerPath(line.slice(4));
        }
        else if ((m = /^@@\s+-(\d+)(?:,(\d+))?\s+\+(\d+)(?:,(\d+))?\s@@/.exec(line))) {
            cur ??= open();
            cur.hunks++;
            oldLeft = m[2] === undefined ? 1 : Number(m[2]);
            newLeft = m[4] === undefined ? 1 : Number(m[4]);
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
    return files.map(({ oldPath, newPath, binary }) => ({ oldPath, newPath, binary }));
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
function linesMovedInOrOut(hunks, pre, post) {
    const moved = [];
    const check = (oldLine, newLine) => {
        const code = pre.uncommented[oldLine - 1] ?? '';
        if (code.trim() === '' || /^[ \t]*#/.test(code))
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

/**
 * A declaration's type as callers see it: parameter names, `extern` and layout dropped, so that
 * renaming a parameter or re-wrapping a line compares equal. Lexical: a parameter written without
 * a name whose type ends in an identifier (`unsigned long`) compares unequal to its named form,
 * which only errs towards reporting a change.
 */
function declarationShape(code) {
    let text = code.replace(/\bextern\b/g, ' ').replace(/;\s*$/, '');
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
 * the caller's). Undefined for text this does not read (a function returning a function pointer).
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
    const ret = passed(head[1]);
    const params = splitTrimmed(shape.slice(open + 1, close)).map(passed);
    if (ret === undefined || params.some(p => p === undefined))
        return undefined;
    return `${ret} ${head[2]}(${params.join(',')})`;
}
function passed(type) {
    if (/\(\s*\*/.test(type) || /[*[]/.test(type))
        return 'pointer';
    if (/[()]/.test(type))
        return undefined;
    const canon = canonicalTypeSpelling(type);
    if (canon === undefined)
        return undefined;
    return canon
        .split(' ')
        .filter(w => w !== '' && w !== 'const' && w !== 'volatile')
        .join(' ');
}
function splitTrimmed(s) {
    return splitTop(s).map(p => p.trim());
}
/** Whether every form of a declaration before and after passes and returns the same. */
function sameCallAbi(before, after) {
    const abi = (forms) => {
        const out = new Set();
        for (const f of forms) {
            const a = callAbi(f);
            if (a === undefined)
                return undefined;
            out.add(a);
        }
        return out;
    };
    const a = abi(before);
    const b = abi(after);
    return (a !== undefined && b !== undefined && a.size === 1 && b.size === 1 && [...a][0] === [...b][0]);
}

const DIRECTIVE = /^[ \t]*#[ \t]*(\w*)[ \t]*([A-Za-z_]\w*)?/;
/** What the 1-based `line` of `img` is, when it is one of the declarations this module judges. */
function topLevelAt(img, line) {
    const first = directiveStart(img, line);
    if (first !== undefined) {
        const m = DIRECTIVE.exec(img.uncommented[first - 1] ?? '');
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
    const name = firstArgument(textOf(img, d.startLine, d.endLine));
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
function textOf(img, from, to) {
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
                out.add(declarationShape(textOf(img, d.startLine, d.endLine)));
        }
        else if (d.kind === 'other' && d.name !== undefined && statementRole(d.name) === item.kind) {
            const text = textOf(img, d.startLine, d.endLine);
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
function topLevelFinding(item, pre, post) {
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
            return directiveFinding(item, pre, post);
    }
}
const CONDITIONAL = new Set(['if', 'ifdef', 'ifndef', 'elif', 'else', 'endif']);
const isConditional = (item) => item.kind === 'directive' && CONDITIONAL.has(item.word);
function directiveFinding(item, pre, post) {
    if (CONDITIONAL.has(item.word))
        return undefined;
    if (item.word === 'undef' && item.name !== undefined) {
        const used = new RegExp(`\\b${item.name}\\b`);
        const users = [pre, post].some(img => used.test(img.analysis.code));
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
const INCLUDE_LINE = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/;
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
        const m = INCLUDE_LINE.exec(raw[i] ?? '');
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
/** Caches file reads and definitions for one mapping run (a closure reads hundreds of headers). */
class IncludeJudge {
    ctx;
    texts = new Map();
    defs = new Map();
    lists = new Map();
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
        // Added: did the file get it before the fix? (When the fix also drops the include that brought
        // it, that removal is judged on its own: what the file loses.) Removed: does it still get it?
        const keptText = side === 'add' ? subject.preText : subject.postText;
        const certain = this.closure(path, keptText, path, true);
        if (certain.parent.has(target)) {
            const via = chainOf(certain, target).slice(1, -1);
            return {
                kind: 'include-change',
                severity: 'info',
                message: `#include ${written} ${side === 'add' ? 'added' : 'removed'}: the file ${side === 'add' ? 'already gets' : 'still gets'} ${target}${via.length > 0 ? ` through ${via.join(' -> ')}` : ''} in every build, so nothing new reaches its code`
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

const IDENT$1 = /[A-Za-z_]\w*/g;
const STRINGS = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g;
/** Words whose presence in an expansion means the object is more than plain data. */
const PLACED = /\b(?:__section__|section|constructor|destructor|asm|__asm__|__asm)\b/;
/** Reach cap: kernel initializer macros reach a few dozen others. */
const REACH_MAX = 3000;
/** Parenthesised words that are not calls of an unknown macro. */
const BUILTIN = /^(?:sizeof|typeof|__typeof__|__typeof|__attribute__|__attribute|_Alignof|__alignof__|_Static_assert|__builtin_\w+|__extension__)$/;
const MACRO_CALL = /^\s*(?:static\s+)?([A-Za-z_]\w*)\s*\(/;
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
    let macro;
    if (call && bodies(call[1]) !== undefined) {
        macro = call[1];
        const args = callArguments(text, call[0].length - 1) ?? [];
        // The defined object is named by a bare argument that is no macro (`DEFINE_MUTEX(lock)`).
        names = args.filter(a => /^[A-Za-z_]\w*$/.test(a) && bodies(a) === undefined);
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
    const fresh = names.filter(n => !preIdentifiers.has(n));
    if (fresh.length === 0)
        return undefined;
    const label = macro !== undefined ? `${macro}(${fresh.join(', ')})` : fresh.join(', ');
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
    for (const id of new Set(text.match(IDENT$1) ?? [])) {
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
            for (const id of body.match(IDENT$1) ?? []) {
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
/**
 * The macros `path` can see: its own and those of every header it may include (each include line
 * followed whatever its `#if`, so a macro defined differently per configuration has every body).
 * Headers are read once per run, across files.
 */
function makeMacroBodies(ctx) {
    const perFile = new Map();
    const definesAt = (file) => {
        let d = perFile.get(file);
        if (!d) {
            const text = ctx.sourceOf(file);
            d = typeof text === 'string' ? definesOf(text) : new Map();
            perFile.set(file, d);
        }
        return d;
    };
    return (path, text) => {
        const closure = includeClosure(path, text, path, {
            sourceOf: ctx.sourceOf,
            arches: ctx.arches,
            builds: ctx.builds,
            certain: false
        });
        const tables = [definesOf(text), ...[...closure.parent.keys()].slice(1).map(definesAt)];
        return name => {
            const bodies = tables.flatMap(t => t.get(name) ?? []);
            return bodies.length > 0 ? bodies : undefined;
        };
    };
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
    return new Set([...a.keys(), ...b.keys()].filter(n => a.get(n) !== b.get(n)));
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
/** Arguments without calls, assignments or increments: names, members, addresses, constants. */
const PURE_ARGS = /^[\w\s,.&*[\]]*(?:->[\w\s,.&*[\]]*)*$/;
/** Line-embedding macros by their usual names: a function holding one is left to the line check. */
const LINE_SENSITIVE = /\b[A-Z_]*(?:WARN|BUG|ASSERT)[A-Z_]*\s*\(|__LINE__|\bmight_(?:sleep|resched|fault)\b|\bcant_(?:sleep|migrate)\b/;
/**
 * Whether changed line `line` of `caller` only adds or drops a call that compiles to nothing: the
 * callee is a `static inline` function of the same file whose body, in the definition each build
 * compiles (`#ifdef CONFIG_DEBUG_OBJECTS_TIMERS` ... `#else` stubs), is empty, and the arguments
 * have no side effects. GCC inlines such a call to no instruction. A caller that embeds line
 * numbers is not judged here: the added line moves them.
 */
function emptyCallAt(img, caller, line) {
    const m = CALL_LINE.exec(img.uncommented[line - 1] ?? '');
    if (!m || !PURE_ARGS.test(m[2]))
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

function identifiersOf(img) {
    img.identifiers ??= new Set(img.analysis.masked.match(/[A-Za-z_]\w*/g) ?? []);
    return img.identifiers;
}
/** Prose and metadata can't change the kernel image; anything else outside C may. */
function isDocumentation(path) {
    return (/^Documentation\//.test(path) || /\.(txt|rst|md)$/.test(path) || /(^|\/)LICENSES\//.test(path));
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
/** Code of the changed lines with comments and whitespace gone. */
function codeOf(img, lines) {
    return normalizeCode(lines.map(n => img.uncommented[n - 1] ?? '').join('\n'));
}
const LITERAL_OR_SPACE = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\s+/g;
/**
 * Code with layout removed but meaning kept: whitespace inside string and char literals stays, and
 * a space that separates two identifier characters (`return x`, `unsigned int`) stays as one.
 */
function normalizeCode(text) {
    return text.replace(LITERAL_OR_SPACE, (m, offset) => {
        if (!/^\s/.test(m))
            return m;
        const before = text[offset - 1] ?? '';
        const after = text[offset + m.length] ?? '';
        return /\w/.test(before) && /\w/.test(after) ? ' ' : '';
    });
}
function functionsAt(img, line) {
    return img.analysis.functions.filter(f => line >= f.startLine && line <= f.endLine);
}
const macroAt = (img, line) => img.analysis.map.macros.find(m => line >= m.startLine && line <= m.endLine);
const declarationAt = (img, line) => img.analysis.map.declarations.find(d => line >= d.startLine && line <= d.endLine);
function usesIdentifier(img, f, name) {
    if (f.generatedBy !== undefined)
        return false;
    return new RegExp(`\\b${name}\\b`).test(img.analysis.code.slice(f.bodyStart, f.bodyEnd));
}
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
/** Classifies every changed line of one hunk and records what it touches. */
function mapHunk(acc, path, h, pre, post) {
    const at = { file: path, line: hunkLine(h) };
    const finding = (kind, severity, message, functions) => {
        const f = { kind, severity, message, file: path, line: at.line };
        if (functions)
            f.functions = functions;
        acc.findings.push(f);
    };
    // Whole sides, context included: moving `kfree(x);` past `use(x);` is the classic
    // use-after-free fix, and its deleted and added lines alone compare equal.
    const oldSide = h.lines.filter(l => l.type !== 'add').map(l => l.oldLine ?? 0);
    const newSide = h.lines.filter(l => l.type !== 'del').map(l => l.newLine ?? 0);
    if (codeOf(pre, oldSide) === codeOf(post, newSide)) {
        finding('comment-only', 'info', 'only comments or whitespace change');
        return;
    }
    if (sameTypeSpelling(codeOf(pre, oldSide), codeOf(post, newSide))) {
        finding('same-type-spelling', 'info', SAME_TYPE_SPELLING);
        return;
    }
    const macros = new Set();
    const decl = new Map();
    const tops = [];
    const includes = [];
    const compiledOut = [];
    const addedGlobals = new Set();
    const emptyCalls = [];
    let outLines = 0;
    let unmapped = 0;
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
        if (d?.kind === 'global' && img === post) {
            addedGlobals.add(d);
            return;
        }
        const kind = d ? DECLARATION_FINDING[d.kind] : undefined;
        if (d && kind) {
            const names = decl.get(kind) ?? new Set();
            names.add(d.kind === 'include' ? `#include ${d.name ?? ''}` : (d.name ?? '(unnamed)'));
            decl.set(kind, names);
        }
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
            decl.set('global-change', (decl.get('global-change') ?? new Set()).add(d.name ?? '(unnamed)'));
    }
    for (const [kind, names] of [...decl].sort(([a], [b]) => a.localeCompare(b))) {
        finding(kind, 'unresolved', `${[...names].sort().join(', ')} changed: ${DECLARATION_WHY[kind]}`);
    }
    for (const name of [...macros].sort())
        macroChange(acc, path, at, name, pre, post, finding);
    for (const top of tops) {
        const f = topLevelFinding(top, pre, post);
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
        if (f)
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
/** Entries of `path` whose code reads the same before and after: the diff's alignment only. */
function dropSameText(acc, path, pre, post) {
    const names = [...acc.changed.values()].filter(e => e.file === path).map(e => e.name);
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
function postBodies(acc, path, post) {
    if (!acc.macroBodies)
        return undefined;
    if (acc.postBodies?.path !== path)
        acc.postBodies = { path, bodies: acc.macroBodies(path, post.text) };
    return acc.postBodies.bodies;
}
function macroChange(acc, path, at, name, pre, post, finding) {
    const names = new Set();
    for (const img of [pre, post]) {
        for (const f of img.analysis.functions) {
            if (f.generatedBy === name) {
                record(acc, f, path, at, { kind: 'macro-body', macro: name });
                names.add(f.name);
            }
            else if (usesIdentifier(img, f, name)) {
                record(acc, f, path, at, { kind: 'macro-use', macro: name });
                names.add(f.name);
            }
        }
    }
    const header = path.endsWith('.h');
    const message = header
        ? `#define ${name} changed in a header: users in other files are not visible here`
        : `#define ${name} changed: its users in this file count as changed`;
    finding('macro-change', header ? 'unresolved' : 'warning', message, [...names].sort());
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
    if (!isC(path) || patch.binary) {
        const doc = isDocumentation(path);
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
    const kbuild = acc.tree
        ? kbuildDefines(path, acc.tree.arches, acc.tree.sourceOf)
        : new Set();
    const pre = image(parser, oldText, acc.builds, kbuild);
    const post = image(parser, newText, acc.builds, kbuild);
    acc.preFunctions.set(path, pre.analysis.functions);
    acc.conditionalHunks = [];
    for (const h of patch.hunks)
        mapHunk(acc, path, h, pre, post);
    dropSameText(acc, path, pre, post);
    if (acc.conditionalHunks.length > 0)
        conditionalChange(acc, path, patch.hunks, pre, post);
    // Decide added/removed per function name: present in one image only.
    const preNames = new Set(pre.analysis.functions.map(f => f.name));
    const postNames = new Set(post.analysis.functions.map(f => f.name));
    for (const entry of acc.changed.values()) {
        if (entry.file !== path)
            continue;
        if (!preNames.has(entry.name) && postNames.has(entry.name)) {
            entry.change = 'added';
            entry.line = post.analysis.functions.find(f => f.name === entry.name)?.startLine ?? entry.line;
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
}
/**
 * `#if`/`#endif` lines changed between functions: the functions whose unchanged lines move in or
 * out of a build count as changed; any other such line is a data or declaration change to look at.
 */
function conditionalChange(acc, path, hunks, pre, post) {
    const at = acc.conditionalHunks[0];
    const outside = [];
    const moved = linesMovedInOrOut(hunks, pre, post);
    for (const { oldLine, newLine } of moved) {
        const fns = [...functionsAt(pre, oldLine), ...functionsAt(post, newLine)];
        for (const f of fns)
            record(acc, f, path, at);
        if (fns.length === 0)
            outside.push(newLine);
    }
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
        builds: options.builds ?? [],
        ...(options.includes
            ? {
                includes: new IncludeJudge({ ...options.includes, builds: options.builds ?? [] }),
                tree: options.includes,
                macroBodies: makeMacroBodies({ ...options.includes, builds: options.builds ?? [] })
            }
            : {}),
        conditionalHunks: [],
        outSets: new Map()
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
    return { changed, findings, preFunctions: acc.preFunctions };
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
function isStringSection(s) {
    return s.flags.includes('M') && s.flags.includes('S');
}
function signed(n) {
    return n === 0 ? '' : n > 0 ? `+${n}` : `${n}`;
}
function stringAt(s, at) {
    if (!s.bytes || at < 0 || at >= s.bytes.length)
        return undefined;
    let end = at;
    while (end < s.bytes.length && end - at < 4096 && s.bytes[end] !== 0)
        end++;
    let text = '';
    for (let i = at; i < end; i++)
        text += String.fromCharCode(s.bytes[i]);
    return text;
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
 * symbol that covers it. `inCode`: a PC-relative field in an instruction is relative to the end
 * of the 4-byte field (addend -4); in data it is relative to the field itself.
 */
function relocTarget(obj, r, inCode) {
    const sym = obj.symbols[r.symbol];
    if (!sym || r.symbol === 0)
        return `${r.type} ${signed(r.addend) || '0'}`;
    const sec = typeof sym.shndx === 'number' ? obj.sections[sym.shndx] : undefined;
    const adj = inCode && isPcRelative(r.type) ? 4 : 0;
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
        return `${r.type} ${normaliseName(sec.name)}${signed(r.addend)}`;
    }
    return `${r.type} ${normaliseName(sym.name)}${signed(r.addend)}`;
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
            file: relocTarget(obj, file, false),
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
/**
 * `names`: every symbol of the object, to tell `event_foo` (a trace event's `trace_event_call`,
 * with its `__event_foo` pointer beside it) from a variable that is merely called `event_foo`.
 */
function dataClass(name, section, names) {
    if (section.startsWith('.discard'))
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
    if (INIT_ONLY.test(section))
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
            const adj = isPcRelative(r.type) ? 4 : 0;
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
function branchTarget(side, s) {
    const b = side.raw;
    const call = b[s - 1] === 0xe8 || b[s - 1] === 0xe9;
    const jcc = s >= 2 && b[s - 2] === 0x0f && (b[s - 1] & 0xf0) === 0x80;
    if (!call && !jcc)
        return undefined;
    const disp = readLe(b, s, 4) | 0;
    const target = side.start + s + 4 + disp;
    const sym = symbolAt(side.obj, side.section, target);
    if (!sym || (sym.value <= side.start && side.start < sym.value + sym.size))
        return undefined;
    return `${normaliseName(sym.name)}+${target - sym.value}`;
}
/**
 * A call or jump to another function of the same section (`.init.text`, `.noinstr.text`, or
 * `.text` without -ffunction-sections) carries no relocation: the assembler resolves it, so its
 * displacement moves with the layout. Such a difference is no change when both displacements
 * (x86 `call`/`jmp`/`jcc` rel32) land on the same function at the same offset.
 */
function sameBranchTarget(pre, post, from, to) {
    for (const s of windows(from, to, 4, pre.raw.length)) {
        if (s < 1)
            continue;
        const a = branchTarget(pre, s);
        if (a !== undefined && a === branchTarget(post, s))
            return a;
    }
    return undefined;
}
/**
 * No kernel source reaches this line (dynamic debug keeps lines in 18 bits): a larger immediate
 * that moved by the fix's line delta is a hash or a mask that changed, not a line.
 */
const MAX_LINE = 0x3ffff;
/**
 * A `__LINE__` immediate (might_sleep(), lockdep, dynamic-debug descriptors' 18-bit line field):
 * a little-endian 4- or 2-byte window over the differing bytes whose two values are a line the
 * fix shifted. Returns `pre→post`.
 */
function lineImmediate(pre, post, from, to, isLineShift) {
    for (const width of [4, 2]) {
        for (const s of windows(from, to, width, pre.length)) {
            const a = readLe(pre, s, width);
            const b = readLe(post, s, width);
            if (a !== b && a <= MAX_LINE && b <= MAX_LINE && isLineShift(a, b))
                return `line ${a}→${b} at +0x${s.toString(16)}`;
        }
    }
    return undefined;
}

/** Every sized function and data object of the object, with its bytes and relocations. */
function symbolSlices(obj) {
    const out = [];
    for (const symbol of obj.symbols) {
        if (!symbol || typeof symbol.shndx !== 'number')
            continue;
        const kind = symbol.type === 'FUNC' ? 'function' : /^(OBJECT|TLS)$/.test(symbol.type) ? 'data' : undefined;
        if (!kind || (kind === 'function' && symbol.size === 0))
            continue;
        const section = obj.sections[symbol.shndx];
        if (!section)
            continue;
        const inCode = section.flags.includes('X');
        const start = symbol.value;
        const end = start + symbol.size;
        const bytes = section.bytes ? section.bytes.slice(start, end) : undefined;
        const relocs = [];
        for (const r of obj.relocs.get(section.index) ?? []) {
            if (r.offset < start || r.offset >= end)
                continue;
            const at = r.offset - start;
            if (bytes)
                bytes.fill(0, at, Math.min(bytes.length, at + relocWidth(r.type)));
            relocs.push({ at, target: relocTarget(obj, r, inCode) });
        }
        relocs.sort((a, b) => a.at - b.at);
        out.push({ symbol, section, kind, bytes, relocs });
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
function compareBytes(pre, post, objs, isLineShift, lines) {
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
    for (const [from, to] of diffRuns(pre.bytes, post.bytes)) {
        if (pre.kind === 'function' && rawPre && rawPost) {
            const sides = [
                { obj: objs[0], section: pre.section.index, start: pre.symbol.value, raw: rawPre },
                { obj: objs[1], section: post.section.index, start: post.symbol.value, raw: rawPost }
            ];
            if (sameBranchTarget(sides[0], sides[1], from, to) !== undefined)
                continue;
        }
        const line = lineImmediate(pre.bytes, post.bytes, from, to, isLineShift);
        if (line === undefined)
            return `bytes differ at ${hex(from)}`;
        lines.push(line);
    }
    return undefined;
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
function compareSlices(pre, post, objs, bugs, isLineShift) {
    const lines = [];
    const changed = compareBytes(pre, post, objs, isLineShift, lines) ??
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
/**
 * Built without -ffunction-sections, every function shares `.text` and references between them
 * are resolved by the assembler: a difference cannot be pinned to a function.
 */
function sharedText(obj) {
    const fns = obj.symbols.filter(s => s?.type === 'FUNC' && s.size > 0 && typeof s.shndx === 'number');
    const names = fns.map(s => obj.sections[s.shndx]?.name ?? '');
    return names.includes('.text') && !names.some(n => n.startsWith('.text.'));
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
function keyOf(s) {
    return s.kind === 'data' && isNumbered(s.symbol.name)
        ? `#${normaliseName(s.symbol.name)}`
        : s.symbol.name;
}
function groups(slices) {
    const map = new Map();
    for (const s of slices) {
        const key = `${s.kind}:${keyOf(s)}`;
        const list = map.get(key);
        if (list)
            list.push(s);
        else
            map.set(key, [s]);
    }
    return map;
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
    const a = groups(symbolSlices(pre));
    const b = groups(symbolSlices(post));
    const symbols = [];
    const names = new Set([...pre.symbols, ...post.symbols].map(x => x?.name ?? ''));
    for (const key of new Set([...a.keys(), ...b.keys()])) {
        const left = a.get(key) ?? [];
        const right = b.get(key) ?? [];
        const pairs = left.length === 1 && right.length <= 1 ? [[left[0], right[0]]] : pairNumbered(left, right);
        for (const [x, y] of pairs) {
            const s = (y ?? x);
            const base = {
                name: s.symbol.name,
                kind: s.kind,
                ...(s.kind === 'data' ? { dataClass: dataClass(s.symbol.name, s.section.name, names) } : {})
            };
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
                symbols.push({ ...base, ...compareSlices(x, y, objs, bugs, isLineShift) });
            }
        }
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
    const folded = foldLocalData(foldColdParts(symbols), [referrers(pre), referrers(post)]);
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
/** The sections whose bytes the comparison reads: every allocated section with contents. */
function sectionsToDump(obj) {
    return obj.sections
        .filter(s => s !== undefined && s.type === 'PROGBITS' && s.size > 0 && s.flags.includes('A'))
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
    return lineShiftTest(changes.map(c => c.patch.hunks));
}
/**
 * The same from each changed file's hunks. Files are not told apart: the object does not say which
 * file a `__LINE__` came from.
 */
function lineShiftTest(files) {
    const sorted = files
        .map(h => [...h].sort((a, b) => a.oldStart - b.oldStart))
        .filter(h => h.length > 0);
    return (pre, post) => pre !== post && sorted.some(hunks => newLineOf(hunks, pre) === post);
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
    const times = options.times ?? new StageTimes();
    const parser = await times.time('parser', loadCParser);
    const unconfigured = times.sync('map', () => mapChanges(parser, changes));
    // Past the locator's limit a file is not searched (it is named as such), never parsed.
    const sourceOf = (path) => reader?.readSync(path, MAX_SOURCE_BYTES) ?? built?.readSync(path, MAX_SOURCE_BYTES) ?? undefined;
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
    const sets = await times.time('load', () => loadSets(options.dumps, progress, focus));
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
        declarations,
        policy: options.policy,
        findings,
        version: VERSION,
        ...(exactSet ? { exact: exactSet } : {}),
        wrapCallerSearch: (search) => (tu, callee, also) => times.sync('review-search', () => search(tu, callee, also))
    };
    return times.sync('analyze', () => analyze(input));
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
