import { open, stat, readFile as readFile$1, mkdir, writeFile, rename, rm } from 'node:fs/promises';
import { crc32, createGunzip, inflateRaw } from 'node:zlib';
import { readFileSync, openSync, readSync, closeSync, statfsSync, statSync, existsSync, readdirSync, readFile, createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Transform, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import require$$0 from 'events';
import require$$0$1 from 'stream/web';
import { promisify } from 'node:util';

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
        : `the dumps show ${copies.count} copies of ${a.name} in ${where} (TUs whose dump keeps one: ${listed$2(copies.tus ?? [])})`;
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
    if (copies.from !== 'symbol-tables')
        return undefined;
    if (pos > copies.count) {
        return {
            ...base,
            reason: 'out-of-range',
            message: `${d.name} is declared with old_sympos ${pos}, but ${seen}: the kernel refuses to load ` +
                `the livepatch (symbol position not found); ${which}.`
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
function listed$2(xs) {
    return xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', ');
}

/** Declarations without an object (`*`) and affected functions without one match any object. */
function declares(d, a) {
    if (d.name !== a.name)
        return false;
    if (a.object !== null && d.object !== '*' && d.object !== a.object)
        return false;
    return a.sympos === undefined || d.sympos === undefined || a.sympos === d.sympos;
}
/** One function per set: the same symbol reached from two changed functions is one entry. */
/**
 * Without a sympos, same-name statics of different TUs are different functions: each is judged
 * (a declaration by name alone then covers both, as the loader would resolve it).
 */
function functionKey(a) {
    const where = a.sympos === undefined ? a.tu : String(a.sympos);
    return `${a.set}\0${a.object ?? ''}\0${a.name}\0${where}`;
}
function cmp$3(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareAffected$1(a, b) {
    return (cmp$3(a.set, b.set) ||
        cmp$3(a.object ?? '', b.object ?? '') ||
        cmp$3(a.name, b.name) ||
        (a.sympos ?? 0) - (b.sympos ?? 0) ||
        cmp$3(a.tier, b.tier) ||
        cmp$3(a.origin, b.origin) ||
        cmp$3(a.tu, b.tu));
}
function compareDeclared(a, b) {
    return (cmp$3(a.object, b.object) ||
        cmp$3(a.name, b.name) ||
        (a.sympos ?? 0) - (b.sympos ?? 0) ||
        cmp$3(a.source, b.source));
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
    (a, b) => tierRank(a) - tierRank(b) || symbolRank(a) - symbolRank(b) || compareAffected$1(a, b));
    const decls = [...declared].sort(compareDeclared);
    const seen = new Set();
    const used = new Set();
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
        const matches = decls.filter(d => declares(d, a));
        if (a.symbol === 'removed') {
            // No symbol by this name exists: a declaration of it cannot resolve at load time.
            for (const d of matches)
                declaredRemoved.push({ declared: d, affected: a });
            continue;
        }
        if (matches.length > 0) {
            for (const d of matches)
                used.add(d);
            // A name with several symbols in the object needs the right old_sympos to load at all.
            const copies = copiesOf?.(a);
            const problems = matches.map(d => judgeSympos(a, d, copies));
            const ok = problems.findIndex(p => p === undefined);
            if (ok >= 0)
                coverage.covered.push({ affected: a, declared: matches[ok] });
            else if (problems[0])
                ambiguous.push(problems[0]);
        }
        else if (a.tier === 'required')
            coverage.missing.push(a);
        else if (a.tier === 'review')
            coverage.review.push(a);
        // A layout entry undeclared is not "missing": the type-change finding is what fails.
    }
    coverage.missing.sort(compareAffected$1);
    coverage.review.sort(compareAffected$1);
    coverage.covered.sort((x, y) => compareAffected$1(x.affected, y.affected));
    coverage.extra = decls.filter(d => !used.has(d));
    coverage.unresolved = findings.filter(f => f.severity === 'unresolved');
    if (declaredRemoved.length > 0) {
        coverage.declaredRemoved = declaredRemoved.sort((x, y) => compareDeclared(x.declared, y.declared) || compareAffected$1(x.affected, y.affected));
    }
    if (ambiguous.length > 0) {
        coverage.ambiguous = ambiguous.sort((x, y) => compareAffected$1(x.affected, y.affected) || compareDeclared(x.declared, y.declared));
    }
    return coverage;
}
function symbolRank(a) {
    return a.symbol === 'present' ? 0 : 1;
}
function tierRank(a) {
    return a.tier === 'required' ? 0 : a.tier === 'review' ? 1 : 2;
}

/**
 * Decides pass/fail from the policy items, always in the order missing, review, unresolved.
 * Without a declaration (`coverage` null) the run only reports what must be patched: `missing` and
 * `review` cannot be judged and never trip; `unresolved` still does, since the list itself may be
 * incomplete. Under `review`, a clone whose callers could not all be searched fails too. Under `missing`, an analysis that found no affected function while some input could
 * not be analysed fails too: the gate must not pass because it saw nothing.
 */
function evaluatePolicy(policy, affected, coverage, findings) {
    const items = new Set(policy);
    const reasons = [];
    const setCount = new Set(affected.map(a => a.set)).size;
    if (items.has('missing') && coverage && coverage.missing.length > 0) {
        const n = coverage.missing.length;
        reasons.push(`${plural$2(n, 'required function is', 'required functions are')} not declared by the livepatch` +
            perSet(n, coverage.missing.map(a => a.set), setCount));
    }
    const ambiguous = coverage?.ambiguous?.length ?? 0;
    if (items.has('missing') && ambiguous > 0) {
        reasons.push(`${plural$2(ambiguous, 'declaration does', 'declarations do')} not say which of several ` +
            'same-name symbols to replace (old_sympos missing or wrong): the kernel would refuse to ' +
            'load the livepatch');
    }
    if (items.has('review') && coverage && coverage.review.length > 0) {
        const n = coverage.review.length;
        reasons.push(`${plural$2(n, 'review-tier function is', 'review-tier functions are')} not declared by the livepatch` +
            perSet(n, coverage.review.map(a => a.set), setCount));
    }
    // Gating on review judges a list: a caller search that could not read part of a TU leaves that
    // list short, so it cannot pass for a complete one.
    const unknownCallers = findings.filter(f => f.kind === 'review-callers-unknown').length;
    if (items.has('review') && coverage && unknownCallers > 0) {
        reasons.push(`${plural$2(unknownCallers, 'clone has', 'clones have')} callers that could not be listed ` +
            '(review-callers-unknown): the review tier may be incomplete');
    }
    const unresolved = findings.filter(f => f.severity === 'unresolved').length;
    if (items.has('unresolved') && unresolved > 0) {
        reasons.push(`${plural$2(unresolved, 'input could not be analysed', 'inputs could not be analysed')}` +
            ' (unresolved findings)');
    }
    else if (items.has('missing') && unresolved > 0 && affected.length === 0) {
        // A gate must not pass on an analysis that found nothing because it could analyse nothing.
        reasons.push(`no affected function was found and ${plural$2(unresolved, 'input', 'inputs')} could not be ` +
            'analysed: an empty analysis cannot pass the gate (see the unresolved findings)');
    }
    return { result: reasons.length > 0 ? 'fail' : 'pass', reasons };
}
function plural$2(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
/** Entries are per dump set, so the count says so when several sets contribute. */
function perSet(n, sets, setCount) {
    const distinct = new Set(sets).size;
    return setCount > 1 && distinct > 1 && n > 0 ? ' (counted once per dump set)' : '';
}

/**
 * Turns a path as GCC or an archive spelled it (`./include/linux/skbuff.h`, `a/b/../c.c`) into a
 * repository-relative one. Absolute paths and build-dir prefixes are stripped by the caller, which
 * knows the prefix (see dumps); this only removes `.`/`..` segments and duplicate slashes.
 */
function normalizePath(path) {
    // Most paths are already normal; the loader asks for every file of 27,000-dump sets.
    if (isNormal(path))
        return path;
    const out = [];
    for (const seg of path.replace(/\\/g, '/').split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else
                out.push('..');
            continue;
        }
        out.push(seg);
    }
    return out.join('/');
}
/** The last segment of a path: what a FILE symbol names a TU by (`net/core/dev.c` is `dev.c`). */
function fileName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
const SLASH$3 = 47;
const DOT$3 = 46;
const BACKSLASH$1 = 92;
/** No `\\`, no empty, `.` or `..` segment: what the loop above would return unchanged. */
function isNormal(path) {
    let segStart = 0;
    for (let i = 0; i <= path.length; i++) {
        const c = i < path.length ? path.charCodeAt(i) : SLASH$3;
        if (c === BACKSLASH$1)
            return false;
        if (c !== SLASH$3)
            continue;
        const len = i - segStart;
        if (len === 0)
            return false;
        if (path.charCodeAt(segStart) === DOT$3 &&
            (len === 1 || (len === 2 && path.charCodeAt(segStart + 1) === DOT$3)))
            return false;
        segStart = i + 1;
    }
    return true;
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
            while (j < n && text[j] !== c && text[j] !== '\n')
                j += text[j] === '\\' ? 2 : 1;
            if (strings)
                ranges.push([i + 1, Math.min(j, n)]);
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
const CALL = new Set(CALL_ATTRIBUTES);
/** Attribute macro names (both kinds), for callers that skip them while reading tokens. */
function isAttributeMacro(name) {
    return BARE.has(name) || CALL.has(name);
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
        else if (CALL.has(word)) {
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
const CLOSURE_MAX$2 = 8000;
// GCC takes `\` before CRLF as a continuation too.
const DEFINE$2 = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm;
const IDENT$4 = /[A-Za-z_]\w*/g;
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
    for (const m of code.matchAll(IDENT$4)) {
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
            for (const m of maskCommentsAndStrings(text).matchAll(DEFINE$2)) {
                const at = index.defines.push({ name: m[1], body: m[2] }) - 1;
                for (const id of new Set(m[2].match(IDENT$4) ?? [])) {
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
    for (let i = 0; i < files.length && files.length < CLOSURE_MAX$2; i++) {
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
const LINE_SENSITIVE = /\b[A-Z_]*(?:WARN|BUG|ASSERT)[A-Z_]*\s*\(|__LINE__|\bmight_(?:sleep|resched|fault)\b|\bcant_(?:sleep|migrate)\b/;
const IDENT$3 = /[A-Za-z_]\w*/g;
/** The focus and the analysis ask for the same changes: their headers are read and expanded once. */
const cache$1 = new WeakMap();
function lineMacrosFor(changes, mapped, sourceOf) {
    const hit = cache$1.get(mapped);
    if (hit && hit.sourceOf === sourceOf)
        return hit.macros;
    const texts = new Map();
    for (const c of changes)
        if (c.oldText !== null)
            texts.set(c.path, c.oldText);
    const macros = makeLineMacros(texts, sourceOf ?? (() => undefined));
    cache$1.set(mapped, { sourceOf, macros });
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
            const used = (body.match(IDENT$3) ?? []).filter(id => macros.names.has(id));
            for (const id of used)
                through.add(id);
            if (used.length > 0 && namesLine(body, macros.names, macros.pasting))
                return true;
            // No header was there to tell (only the changed files given): the usual names.
            return !macros.fromHeaders && LINE_SENSITIVE.test(body);
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

/**
 * Every node whose code contains a start node's code, with the shortest explanation chain.
 *
 * GCC writes the dump as it decides, so the edges are in time order, and that order matters: a
 * line `A;..;B;..;inlining to` copies A's body as it is at that moment into B (`B` being the
 * outermost function at that moment, hence the transitive walk). A clone made of B *before* A was
 * inlined into B does not contain A (the later inlining into the clone gets its own line). One pass
 * over the edges in dump order therefore follows exactly the paths GCC took; a plain closure over
 * the edges would also report such clones.
 *
 * Same-name copies (`(null)`: the master clone of recursive inlining, an ltrans partition's copy)
 * are followed without adding a step: they are the same function.
 */
function walkForward(g, starts, chainOf) {
    const reached = new Map();
    for (const s of starts)
        reached.set(s, chainOf(s));
    for (const e of g.edges) {
        const from = reached.get(e.from);
        if (!from || e.from === e.to)
            continue;
        const known = reached.get(e.to);
        // Only a shorter chain is kept: building the others first made deep inline nests quadratic.
        if (known && known.length <= from.length + (e.copy ? 0 : 1))
            continue;
        const to = g.nodes[e.to];
        // concat, not a spread: a spread array keeps ~17 slots of slack, and a header inline's
        // hundreds of thousands of entries each hold one chain (32 MB of slack at distribution scale).
        const chain = e.copy
            ? from
            : from.concat(e.kind === 'inline'
                ? { kind: 'inlined-into', name: to.name }
                : { kind: 'cloned-as', name: to.name, reason: e.reason });
        reached.set(e.to, chain);
    }
    return reached;
}
/** A symbol name is gone from its TU only when every node of that name was removed. */
function symbolRemoved(g, name) {
    const ids = g.byName.get(name);
    return ids !== undefined && ids.every(id => g.nodes[id].removed);
}
/** `foo.isra.0.constprop.1` -> `foo`: C identifiers have no dot, GCC's suffixes all start with one. */
function baseName$1(name) {
    const dot = name.indexOf('.');
    return dot < 0 ? name : name.slice(0, dot);
}
/** `foo.lto_priv.0` and `foo` name the same function across LTO stages. */
function ltoJoinName(name) {
    return name.replace(/\.lto_priv\.\d+/g, '');
}

/**
 * `into.push(...from)` passes every element as an argument: V8 throws RangeError (call stack size)
 * somewhere past ~120,000 of them, which a distribution-scale report reaches. A loop has no limit.
 */
function append(into, from) {
    for (let i = 0; i < from.length; i++)
        into.push(from[i]);
    return into;
}
/** `Math.max(...values)` without the argument limit; `empty` when there is no value. */
function maxOf(values, empty = -Infinity) {
    let m = empty;
    for (let i = 0; i < values.length; i++)
        if (values[i] > m)
            m = values[i];
    return m;
}

const cache = new WeakMap();
/**
 * Names that are the origin of a constprop/isra clone in `graph`. Asked once per affected function:
 * scanning the edges each time made a dump where one function is inlined into N others cost N^2
 * (16,000 inline edges took 4 s, 64,000 took 32 s), so the answer is built once per graph.
 */
function specializedOriginals(graph) {
    let names = cache.get(graph);
    if (!names) {
        const found = new Set();
        for (const e of graph.edges) {
            if (e.kind === 'clone' && !e.copy && (e.reason === 'constprop' || e.reason === 'isra'))
                found.add(graph.nodes[e.from].name);
        }
        names = found;
        cache.set(graph, names);
    }
    return names;
}

/** Suffixes of clones whose signature GCC changed: their callers were rewritten to match. */
const SIGNATURE_CLONE = /\.(isra|constprop)\.\d+/;
/**
 * Every function of `set` whose machine code contains one of the changed functions (tier
 * `required`), plus the callers of signature-changing clones (tier `review`). Pure: reads the dump
 * set's graphs, never files.
 */
function computeAffected(set, changed, options = {}) {
    const acc = new Accumulator(set, options);
    const queries = [];
    for (const fn of changed) {
        // An added function has no node in dumps of the unpatched build; its callers are changed too.
        if (fn.change === 'added')
            continue;
        const symbols = fn.symbols.length > 0 ? fn.symbols : [fn.name];
        const reason = viaReason(fn);
        for (const name of symbols)
            queries.push({ origin: fn.name, name, file: fn.file, reason });
        if (!fn.file.endsWith('.c'))
            acc.headerFinding(fn.name, fn.file);
    }
    affectSymbols(acc, queries);
    return acc.result();
}
/** For the `explain <function>` command: everything affected by one symbol, optionally restricted to the definition file. */
function explainSymbol(set, name, file, options = {}) {
    const acc = new Accumulator(set, options);
    const [found] = affectSymbols(acc, [{ origin: name, name, file }]);
    if (!found)
        acc.finding({
            kind: 'no-dump',
            severity: 'info',
            message: `${name}${file ? ` (${file})` : ''} is not mentioned in any dump of set ${set.label}: ` +
                'GCC neither inlined nor cloned it (an ordinary out-of-line function), or it is not built.',
            file,
            functions: [name]
        });
    return acc.result();
}
/**
 * Walks every symbol through every TU that holds a copy of it; per query, false when nothing was
 * found. TU-major: a TU is parsed once for all the symbols it holds (header inlines of one fix share
 * hundreds of TUs, and the set keeps only a bounded number of parsed graphs).
 */
function affectSymbols(acc, queries) {
    const { set } = acc;
    const found = queries.map(() => false);
    const ltoSeeds = queries.map(() => new Map());
    const byTu = new Map();
    // The TUs that compile each query's file: the file itself, or the TUs that #include it.
    const homes = queries.map(q => homeTus(acc, q));
    queries.forEach((q, qi) => {
        const tus = new Set([...set.tusMentioning(q.name), ...homes[qi]]);
        for (const tu of tus)
            byTu.set(tu, [...(byTu.get(tu) ?? []), qi]);
    });
    for (const tu of [...byTu.keys()].sort()) {
        const g = set.graph(tu, true);
        if (!g)
            continue;
        for (const qi of byTu.get(tu) ?? []) {
            const { origin, name, file, reason } = queries[qi];
            const first = [
                reason ? { kind: 'changed', name, reason } : { kind: 'changed', name }
            ];
            const starts = (g.byName.get(name) ?? []).filter(id => file === undefined || g.nodes[id].file === file);
            if (starts.length === 0) {
                if (!homes[qi].includes(tu))
                    continue;
                // GCC took no decision about it: an ordinary out-of-line function of its own TU.
                acc.add(g, tu, name, 'required', first, origin);
                ltoSeeds[qi].set(joinKey(tu, name), first);
                found[qi] = true;
                continue;
            }
            found[qi] = true;
            for (const [id, chain] of walkForward(g, starts, () => first)) {
                const node = g.nodes[id];
                acc.add(g, tu, node.name, 'required', chain, origin);
                seed(ltoSeeds[qi], joinKey(node.file, node.name), chain);
            }
        }
    }
    if (set.lto)
        queries.forEach((q, qi) => acc.followLinkStages(ltoSeeds[qi], q.origin));
    return found;
}
function viaReason(fn) {
    if (fn.via?.kind === 'header-macro')
        return `uses macro ${fn.via.macro}`;
    if (fn.via?.kind === 'enum-value')
        return `uses enumerator ${fn.via.macro}`;
    if (fn.via?.kind === 'type-layout')
        return fn.via.macro;
    if (fn.via?.kind === 'trace-event')
        return fn.via.macro;
    return undefined;
}
const includers = new WeakMap();
function homeTus(acc, q) {
    const { set } = acc;
    if (q.file === undefined || !q.file.endsWith('.c'))
        return [];
    if (set.hasTu(q.file))
        return [q.file];
    let known = includers.get(set);
    if (!known)
        includers.set(set, (known = new Map()));
    let tus = known.get(q.file);
    if (!tus)
        known.set(q.file, (tus = set.tusDeclaring(q.file)));
    if (tus.length === 0)
        acc.notBuilt(q.file, q.origin);
    return tus;
}
function joinKey(file, name) {
    return `${file}\u0000${ltoJoinName(name)}`;
}
function seed(seeds, key, chain) {
    const known = seeds.get(key);
    if (!known || chain.length < known.length)
        seeds.set(key, chain);
}
/**
 * GCC keeps the original of a constprop/isra clone as the clone's origin and writes no removal line
 * even when every caller was redirected to the clone and no symbol is emitted (seen in the
 * validation builds: `__parse_nl_addr`, `rtm_to_ipmr_mfcc`). It stays required (fail closed), with
 * this note, unless symbol tables decide.
 */
const ORIGINAL_NOTE = 'original of a constprop/isra clone: GCC may have emitted no symbol for it (no removal line is written then); check with nm or give symbol tables';
/**
 * A function only the source search named (a user of a changed header macro, an ordinary function
 * GCC took no decision about) that neither its TU's dump nor the symbol tables have: this build
 * does not compile it (an `#if` the `.config` leaves out, or a static function nothing calls), so
 * there is nothing to patch. With a dump node, a missing symbol is a conflict instead (see result).
 */
function notCompiled(entry) {
    entry.symbol = 'removed';
    entry.note =
        "neither its TU's dump nor the symbol tables have it: not compiled in this build (an #if the .config leaves out, or nothing calls it)";
}
function isSpecializedOriginal(graph, name) {
    return specializedOriginals(graph).has(name);
}
class Accumulator {
    set;
    options;
    entries = new Map();
    findings = [];
    findingKeys = new Set();
    headers = [];
    constructor(set, options) {
        this.set = set;
        this.options = options;
    }
    add(graph, tu, name, tier, chain, origin) {
        const key = `${tu}\u0000${name}\u0000${tier}`;
        const known = this.entries.get(key);
        if (known && known.entry.chain.length <= chain.length)
            return;
        const removed = graph !== undefined && symbolRemoved(graph, name);
        this.entries.set(key, {
            // TU graphs are parsed again on demand (the set's cache is bounded); only link-stage graphs,
            // which the set cannot hand out by TU, are kept.
            graph: graph?.stage === 'tu' ? undefined : graph,
            specializedOriginal: !removed && graph !== undefined && isSpecializedOriginal(graph, name),
            inDump: graph !== undefined && graph.byName.has(name),
            entry: {
                set: this.set.label,
                name,
                tu,
                object: this.options.objectOf ? this.options.objectOf(tu) : null,
                tier,
                symbol: removed ? 'removed' : 'present',
                origin,
                chain
            }
        });
    }
    finding(f) {
        const key = `${f.kind}\u0000${f.file ?? ''}\u0000${f.message}`;
        if (this.findingKeys.has(key))
            return;
        this.findingKeys.add(key);
        this.findings.push({ ...f, set: this.set.label });
    }
    notBuilt(tu, origin) {
        const elsewhere = this.options.tuBuiltElsewhere?.(tu) ?? false;
        this.finding({
            kind: 'not-built',
            severity: elsewhere ? 'info' : 'unresolved',
            file: tu,
            functions: [origin],
            message: elsewhere
                ? `${tu} is not built in set ${this.set.label} (other sets build it): nothing to patch there.`
                : `no dump for TU ${tu} in set ${this.set.label}: not built in this configuration, or the dump was not uploaded.`
        });
    }
    /** A changed header function: its invisible out-of-line copies are judged in `result`. */
    headerFinding(name, file) {
        this.headers.push({ name, file });
    }
    /**
     * A TU that includes a header but never inlined its function may hold an out-of-line copy that no
     * dump line shows. Symbol tables of every object settle it only when each function symbol of that
     * name is attributed (readelf FILE symbols) to a TU the report has a present entry for: a bare
     * count could pair an invisible copy with an entry whose symbol GCC silently dropped (see
     * ORIGINAL_NOTE). Anything less stays unresolved, with what the tables show, for a human to check.
     */
    headerFindings(affected) {
        const { objects, functionFiles } = this.options;
        for (const { name, file } of this.headers) {
            const base = `${name} is defined in header ${file}: a TU that includes it but never inlined it may ` +
                'hold an out-of-line copy, which the dumps do not show';
            let verdict;
            if (objects && functionFiles) {
                const uncovered = [];
                const open = [];
                for (const o of objects) {
                    const syms = functionFiles(o, name);
                    if (syms === undefined) {
                        uncovered.push(o);
                        continue;
                    }
                    const present = affected
                        .filter(a => a.object === o && a.name === name && a.symbol === 'present')
                        .map(a => fileName(a.tu));
                    const unmatched = syms.filter(f => {
                        const at = f === null ? -1 : present.indexOf(f);
                        if (at >= 0)
                            present.splice(at, 1);
                        return at < 0 && !(f !== null && this.tableCopy(affected, o, f, name));
                    });
                    if (unmatched.length > 0) {
                        const where = unmatched.every(f => f === null)
                            ? 'its table does not say which TU each is from'
                            : `not from a TU the report lists: ${unmatched.map(f => f ?? '?').join(', ')}`;
                        open.push(`${o} has ${syms.length} function symbol(s) named ${name} (${where})`);
                    }
                }
                if (uncovered.length === 0 && open.length === 0) {
                    this.finding({
                        kind: 'header-out-of-line',
                        severity: 'info',
                        file,
                        functions: [name],
                        message: `${base}; the symbol tables of all ${objects.length} object(s) show no copy the report lacks (a copy in a TU no dump names is listed as an entry there).`
                    });
                    continue;
                }
                verdict = [
                    ...open,
                    ...(uncovered.length > 0 ? [`no symbol table for ${listed$1(uncovered)}`] : [])
                ].join('; ');
            }
            this.finding({
                kind: 'header-out-of-line',
                severity: 'unresolved',
                file,
                functions: [name],
                message: `${base}; ` +
                    (verdict ??
                        `check the built objects for local symbols named ${name} (nm) in TUs not listed here, or give symbol tables of every object`) +
                    '.'
            });
        }
    }
    /**
     * A copy the table attributes to a TU the report lacks (its dump never names the function: the
     * TU called it out of line): when one TU of the object has that basename, the copy is an entry
     * there, required like any copy of a changed function, rather than a doubt for a human.
     */
    tableCopy(affected, object, file, name) {
        const tus = this.set
            .tus()
            .filter(tu => fileName(tu) === file)
            .filter(tu => (this.options.objectOf?.(tu) ?? null) === object);
        if (tus.length !== 1)
            return false;
        const copy = {
            set: this.set.label,
            name,
            tu: tus[0],
            object,
            tier: 'required',
            symbol: 'present',
            origin: name,
            chain: [
                {
                    kind: 'changed',
                    name,
                    reason: 'an out-of-line copy in this TU, which its symbol table shows and no dump line does'
                }
            ]
        };
        const sympos = this.options.symbolInfo?.(object, tus[0], name)?.sympos;
        if (sympos !== undefined)
            copy.sympos = sympos;
        affected.push(copy);
        return true;
    }
    /** LTO: carries what the TU stage reached into the WPA dump, then into every ltrans partition. */
    followLinkStages(seeds, origin) {
        for (const g of this.set.linkGraphs()) {
            const starts = new Map();
            for (const node of g.nodes) {
                const chain = seeds.get(joinKey(node.file, node.name));
                if (chain)
                    starts.set(node.id, chain);
            }
            if (starts.size === 0)
                continue;
            for (const [id, chain] of walkForward(g, starts.keys(), s => starts.get(s) ?? [])) {
                const node = g.nodes[id];
                this.add(g, node.file.endsWith('.c') ? node.file : g.tu, node.name, 'required', chain, origin);
                seed(seeds, joinKey(node.file, node.name), chain);
            }
        }
    }
    result() {
        this.addReviewTier();
        const affected = [];
        const info = this.options.symbolInfo;
        for (const { entry, specializedOriginal, inDump } of this.entries.values()) {
            if (info && entry.object !== null) {
                const s = info(entry.object, entry.tu, entry.name);
                if (s) {
                    if (!s.exists && entry.tier === 'required' && entry.symbol === 'present') {
                        if (specializedOriginal) {
                            // GCC drops the original of an isra/constprop clone without a removal line: this
                            // is the question the tables are for.
                            entry.symbol = 'removed';
                        }
                        else if (!inDump) {
                            notCompiled(entry);
                        }
                        else if (s.absentFromTu) {
                            // A readelf table that lists the TU and no such function anywhere in the object is
                            // this build's answer: a node inlined into its last caller is no removal line.
                            entry.symbol = 'removed';
                            entry.note = `no symbol in the symbol table of ${entry.object}, which lists its TU: GCC inlined every call`;
                        }
                        else {
                            // The dump kept this copy; a table without it is of another build, or cut (an
                            // old readelf without -W): it cannot overrule the dump.
                            this.finding({
                                kind: 'symbols-mode',
                                severity: 'unresolved',
                                file: entry.tu,
                                functions: [entry.name],
                                message: `the dump keeps ${entry.name}, but the symbol tables of ${entry.object} have no ` +
                                    'such symbol: kept as required. The tables may come from another build or have ' +
                                    'cut names; check them.'
                            });
                        }
                    }
                    else if (!s.exists) {
                        // A review-tier caller found in the source may be compiled out (#ifdef) of this build.
                        entry.symbol = 'removed';
                    }
                    if (s.sympos !== undefined && entry.symbol === 'present')
                        entry.sympos = s.sympos;
                    affected.push(entry);
                    continue;
                }
            }
            if (entry.symbol === 'present' && specializedOriginal) {
                entry.note = ORIGINAL_NOTE;
            }
            affected.push(entry);
        }
        this.headerFindings(affected);
        // After headerFindings: it adds the copies the symbol tables show.
        affected.sort(compareAffected);
        return { affected, findings: this.findings };
    }
    /**
     * An isra/constprop clone has a signature GCC chose from the body: if the change alters what the
     * body does with its parameters, the next build may clone differently and every caller changes.
     */
    addReviewTier() {
        const required = [...this.entries.values()].filter(e => e.entry.tier === 'required');
        const isRequired = new Set(required.map(e => `${e.entry.tu}\u0000${e.entry.name}`));
        for (const { entry, graph: linkGraph } of required) {
            if (!SIGNATURE_CLONE.test(entry.name))
                continue;
            // Without a source to search, the graph would be parsed again (the set's cache is bounded:
            // a header inline's thousands of TUs thrash it) only to build a search nobody runs.
            const graph = this.options.callersOf ? (linkGraph ?? this.set.graph(entry.tu)) : undefined;
            const base = baseName$1(entry.name);
            const own = graph?.byName.get(entry.name)?.[0];
            const file = own === undefined ? undefined : graph?.nodes[own].file;
            const also = file === undefined || file === entry.tu ? [] : [file];
            // The search follows the TU's includes; the headers its dump names are searched whatever
            // the include resolution finds, and tell which arch/*/include folders apply.
            if (graph)
                append(also, headersOf(graph));
            const callers = this.options.callersOf?.(entry.tu, base, [...new Set(also)]);
            if (callers === undefined || callers.unsearched.length > 0) {
                const why = callers === undefined
                    ? 'the source is not available to list them.'
                    : `${listed$1(callers.unsearched)} could not be searched (not in the source tree, or not readable there): the ` +
                        'callers listed may be incomplete.';
                this.finding({
                    kind: 'review-callers-unknown',
                    severity: 'warning',
                    file: entry.tu,
                    functions: [entry.name],
                    message: `${entry.name} changes the signature of ${base}; its callers in ${entry.tu} should be ` +
                        `reviewed, but ${why}`
                });
            }
            if (callers === undefined)
                continue;
            for (const caller of callers.callers) {
                if (isRequired.has(`${entry.tu}\u0000${caller}`))
                    continue;
                const chain = entry.chain.concat({ kind: 'caller-of', name: caller });
                const ids = graph?.byName.get(caller);
                if (!graph || !ids) {
                    this.add(graph, entry.tu, caller, 'review', chain, entry.origin);
                    continue;
                }
                // A caller that was itself inlined away is reviewed in the functions that contain it.
                for (const [id, c] of walkForward(graph, ids, () => chain)) {
                    const name = graph.nodes[id].name;
                    if (!isRequired.has(`${entry.tu}\u0000${name}`))
                        this.add(graph, entry.tu, name, 'review', c, entry.origin);
                }
            }
        }
    }
}
const headerLists = new WeakMap();
function headersOf(graph) {
    let headers = headerLists.get(graph);
    if (!headers) {
        headers = [...new Set(graph.nodes.map(n => n.file).filter(f => f.endsWith('.h')))].sort();
        headerLists.set(graph, headers);
    }
    return headers;
}
function listed$1(files) {
    const shown = files.slice(0, 5).join(', ');
    return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown;
}
function compareAffected(a, b) {
    return (cmp$2(a.set, b.set) ||
        cmp$2(a.object ?? '', b.object ?? '') ||
        cmp$2(a.name, b.name) ||
        cmp$2(a.tu, b.tu) ||
        cmp$2(a.tier, b.tier));
}
function cmp$2(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
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

const SHOWN = 100;
/**
 * What one changed `#define` of a header does to the code: every function, in every TU that sees
 * the header, that spells it or a macro of that TU's files expanding to it. A function of a `.c`
 * is looked up in that TU's dump; a header inline in every dump that has it.
 */
function macroImpact(subject, units, uses, set) {
    const { header, name } = subject;
    const seeing = units.seeing(header);
    const findings = [];
    const finding = (f) => {
        findings.push({ ...f, file: header, line: subject.line, set });
    };
    if (seeing.tus.length === 0 && seeing.unknown.length > 0) {
        return { targets: [], findings, searched: false };
    }
    const targets = new Map();
    const data = new Set();
    const lost = new Map();
    const userTus = new Set();
    // Needles per TU first, then one read of every file for all of them.
    const plan = [];
    for (const tu of seeing.tus) {
        const unit = units.unit(tu);
        if (!unit)
            continue;
        if (unit.lost.length > 0)
            lost.set(tu, unit.lost);
        plan.push({ tu, files: unit.files, needles: uses.expand(unit.files, [name]) });
    }
    uses.prime(new Set(plan.flatMap(p => p.files)), new Set(plan.flatMap(p => p.needles)));
    for (const { tu, files, needles } of plan) {
        for (const file of files) {
            for (const needle of needles) {
                if (!uses.spells(file, needle))
                    continue;
                const found = uses.uses(file, needle);
                for (const f of found.functions) {
                    userTus.add(tu);
                    const key = `${file}\u0000${f.name}`;
                    if (targets.has(key))
                        continue;
                    const macro = needle === name ? name : `${name} (through ${needle})`;
                    targets.set(key, impactTarget(file, f, { kind: 'header-macro', macro }, { file: header, line: subject.line }));
                }
                for (const l of found.data)
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
            functions: names.slice(0, SHOWN)
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
                    ? `: ${listed(files)} not in the source tree or not readable`
                    : ': no kbuild dependency list and no source')
        });
    }
    return { targets: list, findings, searched: true };
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
        return { name: first, symbols: [first] };
    return null;
}

/**
 * Reads a function definition's header backwards from its body's `{`, on a view where comments,
 * strings, directives and attribute macros are blanked. tree-sitter finds the bodies; the header is
 * read here because tree-sitter mis-parses kernel headers (macro declarators, unknown annotations).
 */
const KEYWORDS = new Set([
    'if',
    'while',
    'for',
    'switch',
    'return',
    'sizeof',
    'typeof',
    '__typeof__',
    'do',
    'else',
    'case',
    'alignof',
    '_Alignof',
    'defined',
    '__builtin_expect'
]);
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
            if (KEYWORDS.has(word) || /^\d/.test(word))
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
 * The last few analyses of each parser, by text. One run analyses the same image many times: the
 * diff mapper twice (before the dumps are loaded, then again with each set's .config), the header
 * impact, the review tier's caller search; on `skbuff.h` (150 KB) each costs 0.3-0.7 s of
 * tree-sitter. An analysis is read-only data derived from the text alone, so equal text gives an
 * equal answer; the key is the whole text, never a path (an image differs from the file on disk).
 */
const KEPT = 8;
const byParser = new WeakMap();
function recall(parser, text, compute) {
    let recent = byParser.get(parser);
    if (!recent)
        byParser.set(parser, (recent = new Map()));
    let value = recent.get(text);
    if (value === undefined) {
        value = compute();
        if (recent.size >= KEPT)
            recent.delete(recent.keys().next().value);
    }
    else
        recent.delete(text);
    // Map order is the LRU order: a hit moves to the back.
    recent.set(text, value);
    return value;
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
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (offsets[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < offsets.length ? offsets[lo] : -1;
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
        let lo = 0;
        let hi = functions.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (functions[mid].startLine <= line)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo > 0 ? reach[lo - 1] : -Infinity;
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
    const parseText = blankAttributes(text, masked, directives, attributes);
    const code = blankDirectives(blankAttributes(masked, masked, directives, attributes), directives);
    const tree = parser.parse(parseText);
    if (!tree)
        throw new Error('tree-sitter returned no tree');
    try {
        const view = blankDirectives(masked, directives);
        const bodies = collectBodies(tree, code, lines, { view, text });
        const { macros, templates } = collectMacros(masked, directives, lines);
        const ranges = bodies.map((f) => [f.bodyStart, f.bodyEnd]);
        const generated = generatedFunctions(code, templates, ranges, lines);
        const functions = [...bodies, ...generated].sort((a, b) => a.startLine - b.startLine || a.name.localeCompare(b.name));
        const declarations = collectDeclarations(tree, functions);
        const map = {
            functions: functions.map(({ bodyStart: _s, bodyEnd: _e, ...f }) => f),
            macros,
            declarations
        };
        return { map, functions, code, masked, lines };
    }
    finally {
        tree.delete();
    }
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
function hunkLine(h) {
    const add = h.lines.find(l => l.type === 'add');
    if (add?.newLine !== undefined)
        return add.newLine;
    return h.lines.find(l => l.type === 'del')?.oldLine ?? h.newStart;
}
/** Text of every definition of `name` in one image, comments and layout gone. */
function definitions(a, name) {
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
        const line = hunkLine(h);
        const names = new Set();
        for (const l of h.lines) {
            const [a, n] = l.type === 'del' ? [img.pre, l.oldLine] : l.type === 'add' ? [img.post, l.newLine] : [];
            if (!a || n === undefined)
                continue;
            for (const m of a.map.macros)
                if (n >= m.startLine && n <= m.endLine)
                    names.add(m.name);
        }
        for (const name of names) {
            if (found.has(name))
                continue;
            const before = definitions(img.pre, name);
            const after = definitions(img.post, name);
            if (before === after)
                continue;
            const status = before === '' ? 'added' : after === '' ? 'removed' : 'changed';
            found.set(name, { header: img.path, name, status, line });
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
const TOKEN$1 = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|[A-Za-z_]\w*|\s+|[\s\S]/g;
/**
 * One canonical spelling of `code` (comments already removed): equal results compile to the same
 * machine code. Literals are kept as written. Returns undefined for text this cannot judge: the
 * preprocessor's `#` and `##` turn spellings into strings and identifiers.
 */
function canonicalTypeSpelling(code) {
    const words = [];
    for (const line of code.split('\n')) {
        const directive = /^\s*#\s*(\w+)/.exec(line);
        if (directive?.[1] === 'include') {
            words.push(line.trim(), '\n');
            continue;
        }
        const body = directive ? line.slice(directive[0].length) : line;
        for (const m of body.match(TOKEN$1) ?? []) {
            if (m === '#')
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
    for (const decl of splitTop(members, ';')) {
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
                if (Math.floor(bit / unit) !== Math.floor((bit + item.width - 1) / unit))
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
    return declarators(t.slice(split).trim(), sized(baseText, resolve, enumSize), baseText, resolve);
}
/** `*p`, `a[4]`, `(*fn)(int)`, `x, y`, `f : 3`: each placed with the base type or as a pointer. */
function declarators(text, base, baseText, resolve) {
    const out = [];
    const spelled = base?.type ?? baseText;
    for (const d of splitTop(text, ',')) {
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
        const p = /^((?:\*\s*(?:const\s+|volatile\s+)?)*)([A-Za-z_]\w*)((?:\s*\[[^\]]+\])*)$/.exec(d);
        if (!p)
            return undefined;
        const lengths = [];
        for (const x of p[3].matchAll(/\[([^\]]+)\]/g)) {
            const n = /^\s*\d+\s*$/.test(x[1]) ? Number(x[1]) : resolve.constant?.(x[1]);
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
    for (const item of splitTop(body, ',')) {
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
/** Offset of the `}` matching the `{` at `open`, or -1 (callers mask comments and strings first). */
function matchBrace(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '{')
            depth++;
        else if (text[i] === '}' && --depth === 0)
            return i;
    }
    return -1;
}
/** Splits at `sep` outside parentheses, brackets and braces. */
function splitTop(body, sep) {
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

const IDENT$2 = /[A-Za-z_]\w*/g;
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
        return { kind, tag: head[2], enumerators: enumerators(body) };
    return { kind, tag: head[2], members: members$1(body) };
}
function members$1(body) {
    // Members compare by canonical spelling: `u8` for `unsigned char`, `__rcu` dropped, lay out alike.
    return splitTop(body, ';').map(text => ({
        text: canonicalTypeSpelling(text) ?? text,
        names: memberNames(text)
    }));
}
/** `int a, b[4]`, `int (*fn)(int)`, `unsigned f : 3`, `union { int x; long y; } u`. */
function memberNames(text) {
    const names = [];
    const brace = text.indexOf('{');
    if (brace >= 0) {
        const close = matchBrace(text, brace);
        for (const m of members$1(text.slice(brace + 1, close)))
            append(names, m.names);
        const rest = text.slice(close + 1);
        for (const d of splitTop(rest, ','))
            append(names, declaratorName(d));
        return names;
    }
    const parts = splitTop(text, ',');
    append(names, declaratorName(parts[0]));
    for (const d of parts.slice(1))
        append(names, declaratorName(d));
    return names;
}
function declaratorName(decl) {
    const pointer = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(decl);
    if (pointer)
        return [pointer[1]];
    const bare = decl
        .replace(/\[[^\]]*\]/g, '')
        .replace(/:[^:]*$/, '')
        .replace(/\([^)]*\)/g, '');
    const ids = bare.match(IDENT$2);
    return ids ? [ids[ids.length - 1]] : [];
}
function enumerators(body) {
    const out = [];
    let base = '0';
    let offset = 0;
    for (const item of splitTop(body, ',')) {
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
            return { kind: 'renumbered', moved, at: after.enumerators[i]?.name ?? moved[0] };
        }
        return {
            kind: after.enumerators.length === before.enumerators.length ? 'same' : 'appended',
            moved: []
        };
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
    chains = new Map();
    scales = new Map();
    movedIn = new Map();
    movedPattern;
    constructor(spellings, moved, uses) {
        this.spellings = spellings;
        this.moved = moved;
        this.uses = uses;
        this.movedPattern = moved.map(escape$4).join('|');
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
        return [...found.pointers, ...found.holders, ...this.moved];
    }
    users(files, found = this.members(files)) {
        const { pointers, holders } = found;
        const out = [];
        if (pointers.size === 0 && holders.size === 0)
            return out;
        const through = [...new Set([...pointers, ...holders])];
        // File by file: one parse of a file answers every member (common member names such as `dev`
        // are spelled by most files of a unit; a moved member must be spelled too for a chain).
        for (const file of files) {
            const here = through.filter(m => this.uses.spells(file, m));
            if (here.length > 0)
                append(out, this.usersIn(file, here, pointers));
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
                    if (chained.has(keyOf(f)))
                        out.push({ file, function: f, member, why: 'touches moved members of' });
            if (scaled && pointers.has(member))
                for (const f of spelling)
                    if (scaled.has(keyOf(f)))
                        out.push({ file, function: f, member, why: 'uses the size of' });
        }
        return out;
    }
    movesIn(file) {
        let found = this.movedIn.get(file);
        if (found === undefined)
            this.movedIn.set(file, (found = this.moved.some(m => this.uses.spells(file, m))));
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
                out.add(keyOf(f));
        }
        return out;
    }
    /** `->member.moved`, `.member[i]->moved`. */
    chain(member) {
        return new RegExp(`(?:->|\\.)\\s*(?:${escape$4(member)})\\s*(?:\\[[^\\]]*\\]\\s*)?(?:->|\\.)\\s*(?:${this.movedPattern})\\b`);
    }
    /** `->member[i]`, `->member + n`, `n - a->member`: scaled by the type's size. */
    scaled(member) {
        const p = escape$4(member);
        return new RegExp(`(?:->|\\.)\\s*(?:${p})\\s*(?:\\[|[-+](?![->=+]))|[-+]\\s*(?:[A-Za-z_]\\w*\\s*(?:->|\\.)\\s*)+(?:${p})\\b`);
    }
}
/** A function of a file, the same whichever parse of the file found it. */
function keyOf(f) {
    return `${f.startLine}:${f.endLine}:${f.bodyStart}:${f.name}`;
}
/** The users of one unit's files (see PathSearch; a search per call). */
function pathUsers(files, spellings, moved, uses) {
    const search = new PathSearch(spellings, moved, uses);
    const found = search.members(files);
    uses.prime(files, new Set(search.names(found)));
    return search.users(files, found);
}
function escape$4(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    all;
    spells;
    pending = new Map();
    constructor(
    /** Every needle any unit asks about. */
    all, spells) {
        this.all = all;
        this.spells = spells;
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
            this.pending.set(file, (open = new Set(this.all.filter(n => this.spells(file, n)))));
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
        return out;
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
 * struct at least the larger one. Undefined when any of this cannot be shown: the caller keeps
 * its conservative verdict.
 */
function compareRuns(before, after, resolve, enumSize) {
    const a = members(before);
    const b = members(after);
    let p = 0;
    while (p < a.length && p < b.length && a[p].key === b[p].key)
        p++;
    let q = 0;
    while (q < a.length - p &&
        q < b.length - p &&
        a[a.length - 1 - q].key === b[b.length - 1 - q].key)
        q++;
    const runA = a.slice(p, a.length - q).map(m => m.text);
    const runB = b.slice(p, b.length - q).map(m => m.text);
    if (runA.length === 0 && runB.length === 0)
        return { retyped: [], removed: [], added: [] };
    if (p > 0 && isBitfield(a[p - 1].key))
        return undefined;
    let verdict;
    for (let r = 0; r < MAX_ALIGN; r++) {
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
            const others = [...a.slice(0, p), ...a.slice(a.length - q)];
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
    return splitTop(bare, ';').map(text => ({ text, key: text.replace(/\s+/g, ' ').trim() }));
}
/** A bitfield declaration: a `:` outside braces and brackets (its next member may share bits). */
function isBitfield(decl) {
    return /(?<!:):(?!:)/.test(decl.replace(/\{[^]*\}/g, '').replace(/\[[^\]]*\]/g, ''));
}
function laidOut(run, pad, resolve, enumSize) {
    // A one-bit bitfield after the run lands on the run's first free bit: where the next member starts.
    const body = [...(pad > 0 ? [`char ${PAD}[${pad}]`] : []), ...run, `unsigned char ${END}:1`];
    return layoutOf(body.join('; ') + ';', 'struct', resolve, enumSize);
}

/**
 * Compares the exact layouts of two images of one struct or union declaration (`struct x { ... };`
 * with its head and trailer). Undefined when either cannot be laid out exactly (see layoutOf), or
 * when the head or trailer carries attributes (`__packed`, `__randomize_layout`) this does not read.
 */
function compareLayouts(before, after, resolve) {
    let verdict;
    // Enums are 4 bytes unless a value needs 8: both must give the same verdict.
    for (const enumSize of [4, 8]) {
        const a = parts(before);
        const b = parts(after);
        if (!a || !b || a.kind !== b.kind)
            return undefined;
        const la = layoutOf(a.body, a.kind, resolve, enumSize);
        const lb = layoutOf(b.body, b.kind, resolve, enumSize);
        if (!la || !lb) {
            const run = a.kind === 'struct' ? compareRuns(a.body, b.body, resolve, enumSize) : undefined;
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
        const kept = moved.length === 0 && la.size === lb.size && la.align === lb.align;
        const v = {
            kept,
            before: { size: la.size, align: la.align },
            after: { size: lb.size, align: lb.align },
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
    // Only names may follow (a typedef name, a variable): no attribute that changes the layout.
    if (!/^\s*(?:[A-Za-z]\w*\s*(?:,\s*[A-Za-z]\w*\s*)*)?;?\s*$/.test(text.slice(close + 1)))
        return undefined;
    return { kind: head[1], body: text.slice(open + 1, close) };
}

/**
 * A struct/union change that keeps every remaining old member's place and the size (a member put
 * into padding, a pointer wrapped in a union with an alias, a member retyped at the same width):
 * code compiled against the old layout reads and writes the same bytes. Returns the finding saying
 * so, or undefined when the layout cannot be computed exactly or does change (the caller then
 * lists the layout reach as before).
 */
function keptLayout(label, texts, resolve) {
    const v = compareLayouts(texts.before, texts.after, resolve);
    if (!v?.kept)
        return undefined;
    const place = v.retyped.length === 0
        ? 'every existing member keeps its offset and type'
        : `every existing member keeps its offset and width (${v.retyped.join(', ')} change type)`;
    const effect = v.retyped.length === 0
        ? 'no existing code changes'
        : `only code touching ${v.retyped.join(', ')} can change`;
    const kept = v.before
        ? `size ${v.before.size} and alignment ${v.before.align} are kept (x86_64 layout)`
        : 'so are the size and alignment (x86_64 layout of the rewritten members, wherever they start; the members around them are the same text)';
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
const TOKEN = /\s*(?:([A-Za-z_]\w*)|(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|('(?:\\.|[^'\\])')|(&&|\|\||==|!=|<=|>=|<<|>>|[-+*/%!~<>&|^()?:,]))/y;
/** Tokens of one directive's expression, or null when it holds something this reader does not know. */
function tokenize(text) {
    const out = [];
    const src = text.trim();
    let pos = 0;
    while (pos < src.length) {
        TOKEN.lastIndex = pos;
        const m = TOKEN.exec(src);
        if (!m)
            return null;
        pos = TOKEN.lastIndex;
        if (m[3] !== undefined)
            out.push(String(m[3].charCodeAt(1)));
        // C reads a leading 0 as octal (`010` is 8).
        else if (m[2] !== undefined)
            out.push(String(/^0\d/.test(m[2]) ? parseInt(m[2], 8) : Number(m[2])));
        else
            out.push(m[1] ?? m[4]);
    }
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
        if (t === '~')
            return map1(primary(), v => ~v);
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
            return a << b;
        case '>>':
            return a >> b;
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

const SET = /^(CONFIG_\w+)=(.*)$/;
function parseKconfig(text) {
    const values = new Map();
    for (const raw of text.split('\n')) {
        const m = SET.exec(raw.trim());
        if (m && m[2] !== 'n')
            values.set(m[1], m[2]);
    }
    return values;
}
/** How `.config` reads for a human: `CONFIG_X is not set`, `CONFIG_X=m`. */
function describeSymbol(config, name) {
    const value = config.get(name);
    return value === undefined ? `${name} is not set` : `${name}=${value}`;
}

const DIRECTIVE$1 = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/;
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
        const m = DIRECTIVE$1.exec(text);
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

const DIRECTIVE = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/;
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
        const m = DIRECTIVE.exec(text);
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
    const why = `touches ${listed([...members])} of ${label}, whose type changes in place`;
    const access = new RegExp(`(?:->|\\.)\\s*(?:${members.map(escape$3).join('|')})\\b`);
    for (const tu of seeing.tus) {
        const unit = units.unit(tu);
        if (!unit)
            continue;
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
    }
    const list = [...targets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return { targets: list, lost: [...lost].sort() };
}
/** ` N TUs could not be searched (...): the list may be short.`, or nothing. */
function unsearchedNote(lost) {
    if (lost.length === 0)
        return '';
    return ` ${lost.length} TU${lost.length === 1 ? '' : 's'} could not be searched (${listed([...lost])}): the list may be short.`;
}
function escape$3(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
                    touched[side].set(d, hunkLine(h));
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
                        line: hunkLine(h),
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
            found.set(name, {
                header: img.path,
                name,
                spellings: [...new Set([name, ...(tag ? [tag] : [])])],
                line: hunkLine(h),
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
    const kept = texts && files && sizesIn && subject.kind !== 'enum'
        ? keptLayout(label, texts, sizesIn(files, config))
        : undefined;
    if (kept) {
        if (kept.retyped.length === 0) {
            finding(kept.finding);
            return result;
        }
        const touching = retypedUsers(subject, label, kept.retyped, seeing, units, uses);
        result.targets = touching.targets;
        finding({
            ...kept.finding,
            severity: touching.lost.length > 0 ? 'unresolved' : kept.finding.severity,
            message: `${kept.finding.message}; ${plural(touching.targets.length, 'function')} touch ${listed(kept.retyped)} and are required.` +
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
    uses.prime(new Set(known.flatMap(u => u.files)), new Set(known.flatMap(u => uses.expand(u.files, subject.kind === 'enum' ? change.moved : subject.spellings))));
    const members = change.moved.map(escape$2).join('|');
    const access = members === '' ? undefined : new RegExp(`(?:->|\\.)\\s*(?:${members})\\b`);
    const paths = new PathSearch(subject.spellings, change.moved, uses);
    const perUnit = subject.kind === 'enum'
        ? new Map()
        : unitNames(known, subject, paths, access, uses);
    // Each unit searches only what no earlier unit did (see unit-search): the rest adds nothing.
    const sized = new PairsOnce();
    const sizes = new Map(subject.spellings.map(s => [
        s,
        // By value (`struct obj v`, not `struct obj *p`), or with a sizeof: the size matters.
        new RegExp(`\\bsizeof\\b|\\b${escape$2(s)}\\b(?!\\s*\\*)\\s*[A-Za-z_(]`)
    ]));
    const spells = (file, name) => uses.spells(file, name);
    const all = [...perUnit.values()];
    const pathUsers = new PathUsersOnce(paths, [...new Set(all.flatMap(n => [...n.paths.pointers, ...n.paths.holders]))], spells);
    const reached = new NeedlesOnce([...new Set(all.flatMap(n => n.reach))], spells);
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
        for (const spelling of subject.spellings) {
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
            for (const f of uses.usesWith(file, needle, access))
                add(file, f, `touches moved members of ${label}`);
        }
    }
    const list = [...targets.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const names = [...new Set(list.map(t => t.name))].sort();
    const unsearched = lost.size > 0
        ? ` ${plural(lost.size, 'TU')} could not be searched (${listed([...lost].sort())}): the list may be short.`
        : '';
    if (subject.kind === 'enum') {
        result.targets = list;
        finding({
            kind: 'type-change',
            severity: lost.size > 0 ? 'unresolved' : 'warning',
            message: `${label}: ${change.at ?? 'a change'} renumbers ${listed(change.moved)}; ${plural(list.length, 'function')} ` +
                `use them and are required. Values the running kernel already stored keep the old numbering.${unsearched}`,
            functions: names.slice(0, 100)
        });
        if (data.size > 0)
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
            : `${change.at ?? 'a member'} inserted, removed or resized: ${listed(change.moved)} move`;
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
    uses.prime(new Set(known.flatMap(u => u.files)), names);
    return out;
}
function ownLine(subject, file, line) {
    const span = subject.spans?.before;
    return file === subject.header && span !== undefined && line >= span.start && line <= span.end;
}
function escape$2(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
const CLOSURE_MAX$1 = 8000;
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
                const lost = files.filter(f => !generated(f) && typeof this.directivesOf(f) === 'string');
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
        return { tus: [...(this.seers.get(file) ?? [])].sort(), unknown: [...this.unknown] };
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
                if (files.length >= CLOSURE_MAX$1) {
                    lost.push(`the includes past ${CLOSURE_MAX$1} files`);
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

/**
 * Functions of a file that return a pointer to a type spelled `spelling`: the kernel's accessors
 * (`pkt_sk(sk)`, `inet_sk(sk)`, `tcp_sk(sk)`) cast one object to the type that embeds it. Their
 * callers reach members (`pkt_sk(sk)->ifindex`) without ever spelling the type.
 */
function accessorsIn(analysis, spelling) {
    const lines = analysis.code.split('\n');
    const returns = new RegExp(`\\b${escape$1(spelling)}\\b[^;{}()]*\\*[^;{}()]*$`);
    const out = [];
    for (const f of analysis.functions) {
        if (f.generatedBy)
            continue;
        const head = lines.slice(f.startLine - 1, f.bodyLine).join('\n');
        const call = new RegExp(`\\b${escape$1(f.name)}\\s*\\(`).exec(head);
        if (call && returns.test(head.slice(0, call.index)))
            out.push(f.name);
    }
    return out;
}
function escape$1(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    return new RegExp(`^(?:(?:const|volatile)\\s+)*(?:(?:struct|union)\\s+)?${escape(spelling)}\\b\\s*([^;]*)$`);
}
function escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    byName = new Map();
    merged = new Set();
    /** Per list of files (units keep theirs): each file's first position. */
    orders = new WeakMap();
    constructor(indexOf) {
        this.indexOf = indexOf;
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
            if (!naming)
                continue;
            const here = naming.filter(n => order.has(n.file));
            if (here.length > 1)
                here.sort((a, b) => order.get(a.file) - order.get(b.file));
            for (const n of here) {
                for (const m of n.macros) {
                    if (!known.has(m))
                        needles.push(m);
                    known.add(m);
                }
            }
        }
        return needles;
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

// GCC takes `\` before CRLF as a continuation too.
const DEFINE$1 = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm;
const IDENT$1 = /[A-Za-z_]\w*/g;
const CONDITIONAL = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b/;
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
    /** Per file: the names asked about so far, and whether it spells each (never its whole vocabulary). */
    spelled = new Map();
    answers = new Map();
    /** usesWith: per file, name and pattern source. */
    filtered = new Map();
    analyses = new Map();
    analysed = 0;
    // Per name, then per file: a wide header's units ask the same files again and again.
    embedders = new Map();
    accessorNames = new Map();
    pointers = new Map();
    reach = new MacroReach(path => this.macrosNaming(path));
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
            if (!opens(known, batch))
                continue;
            const text = this.textOf(path);
            const ids = new Set(typeof text === 'string' ? text.match(IDENT$1) : []);
            if (batch.size <= SINGLES) {
                for (const n of batch) {
                    known.single.set(n, ids.has(n));
                    if (ids.has(n))
                        known.hits.add(n);
                }
                continue;
            }
            for (const id of ids)
                if (batch.has(id))
                    known.hits.add(id);
            known.asked.push(batch);
        }
    }
    /** Whether `path` spells `name` anywhere (comments included: this only narrows a search). */
    spells(path, name) {
        const known = this.spelled.get(path);
        if (known && isKnown(known, name))
            return known.hits.has(name);
        this.prime([path], new Set([name]));
        return this.spelled.get(path)?.hits.has(name) ?? false;
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
    /** Per file: identifier -> the file's macros whose body names it. */
    macrosNaming(path) {
        let index = this.macroRefs.get(path);
        if (!index) {
            index = new Map();
            const text = this.textOf(path);
            if (typeof text === 'string') {
                for (const m of text.matchAll(DEFINE$1)) {
                    for (const id of macroReferences$1(m[2])) {
                        const list = index.get(id);
                        if (list)
                            list.push(m[1]);
                        else
                            index.set(id, [m[1]]);
                    }
                }
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
/** Batches up to this size are recorded name by name. */
const SINGLES = 16;
function isKnown(known, name) {
    return known.hits.has(name) || known.single.has(name) || known.asked.some(a => a.has(name));
}
/** Whether `batch` names something `known` was not asked about. */
function opens(known, batch) {
    for (const n of batch)
        if (!isKnown(known, n))
            return true;
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
    return new Set(body.match(IDENT$1));
}
function usesIn(analysis, name) {
    const fns = new Set();
    const data = new Set();
    const at = (line) => analysis.functions.filter(f => line >= f.startLine && line <= f.endLine);
    const re = new RegExp(`\\b${name}\\b`, 'g');
    // Code outside directives: a use inside a function is the function's, any other is data.
    for (const m of analysis.code.matchAll(re)) {
        const line = analysis.lines.lineOf(m.index);
        const owners = at(line);
        if (owners.length > 0)
            for (const f of owners)
                fns.add(f);
        else
            data.add(line);
    }
    // `#if`/`#ifdef`/`defined()` on it: every function its branches hold or cut is compiled anew.
    for (const [from, to] of conditionalGroups(analysis.masked, name)) {
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
function conditionalGroups(masked, name) {
    const lines = masked.split('\n');
    const word = new RegExp(`\\b${name}\\b`);
    const stack = [];
    const groups = [];
    for (let i = 0; i < lines.length; i++) {
        let line = lines[i];
        const start = i;
        while (line.endsWith('\\') && i + 1 < lines.length)
            line = line.slice(0, -1) + lines[++i];
        const m = CONDITIONAL.exec(line);
        if (!m)
            continue;
        const kind = m[1];
        if (kind.startsWith('if'))
            stack.push({ start: start + 1, hit: word.test(line) });
        else if (kind === 'endif') {
            const g = stack.pop();
            if (g?.hit)
                groups.push([g.start, i + 1]);
        }
        else if (kind !== 'else' && stack.length > 0 && word.test(line)) {
            stack[stack.length - 1].hit = true;
        }
    }
    return groups;
}

const INVOCATION = /^[ \t]*(TRACE_EVENT|TRACE_EVENT_CONDITION|TRACE_EVENT_FN|TRACE_EVENT_FN_COND|DECLARE_EVENT_CLASS|DEFINE_EVENT|DEFINE_EVENT_PRINT|DEFINE_EVENT_CONDITION)[ \t]*\(\s*([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?/gm;
const SECTION = /\b(TP_PROTO|TP_ARGS|TP_CONDITION|TP_STRUCT__entry|TP_fast_assign|TP_printk)\s*\(/g;
function traceEvents(masked) {
    const lineAt = lineIndex(masked);
    const out = [];
    for (const m of masked.matchAll(INVOCATION)) {
        const open = masked.indexOf('(', m.index);
        const close = matching(masked, open);
        if (close < 0)
            continue;
        // DEFINE_EVENT*(class, event, ...) name the class first; the others name the event.
        const definesOne = m[1].startsWith('DEFINE_EVENT');
        if (definesOne && m[3] === undefined)
            continue;
        const body = masked.slice(open, close);
        const sections = [];
        for (const s of body.matchAll(SECTION)) {
            const at = open + s.index;
            const end = matching(masked, masked.indexOf('(', at));
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
function matching(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '(')
            depth++;
        else if (text[i] === ')' && --depth === 0)
            return i;
    }
    return -1;
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

const RECORD = /\b(typedef\s+)?(struct|union)\s+([A-Za-z_]\w*\s*)?\{/g;
const ALIAS = /\btypedef\s+([^;{}()#]+?)\s+([A-Za-z_]\w*)\s*;/g;
const FUNCTION_POINTER = /\btypedef\s+[^;{}#]*?\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\([^;{}]*\)\s*;/g;
/** An object-like macro on one line (`#define MAX_PHYS_ITEM_ID_LEN 32`). */
const CONSTANT = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(?:[ \t]+([^\n\\]*?))?[ \t]*$/gm;
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
            return undefined;
        // Alternatives (another arch's header, the other branch of an `#if` the .config does not
        // decide) may stand: whichever the TU compiles, they must all measure alike.
        const measured = [...distinct.values()].map(d => this.measureOne(d, enumSize));
        const [first] = measured;
        if (!first)
            return undefined;
        const same = measured.every(m => m && m.size === first.size && m.align === first.align && m.type === first.type);
        return same ? first : undefined;
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
        // GCC raises the type's alignment (never lowers it without `packed`) and pads the size to it.
        const n = this.constant(def.aligned.replace(SIZEOF, (_, t) => String(SIZEOF_OF[t.replace(/\s+/g, ' ').trim()] ?? 'x')));
        if (n === undefined || n === 0 || (n & (n - 1)) !== 0)
            return undefined;
        const align = Math.max(layout.align, n);
        return { size: Math.ceil(layout.size / align) * align, align };
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
            for (const m of text.matchAll(ALIAS)) {
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

/**
 * What a fix's non-function header changes do to the code of one dump set. Everything read is
 * cached across sets: the second set's question about a header is mostly lookups.
 */
function makeImpact(ctx) {
    const pre = new Map();
    for (const c of ctx.changes)
        if (c.oldText !== null)
            pre.set(c.path, c.oldText);
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
    return set => {
        images ??= headerImages(ctx.parser, ctx.changes);
        subjects ??= images.flatMap(macroSubjects);
        types ??= [...images, ...sourceImages(ctx.parser, ctx.changes)].flatMap(typeSubjects);
        const result = { targets: [], layout: [], findings: [], superseded: new Set() };
        const traced = images.filter(img => hasTraceEvents(img));
        if (subjects.length === 0 && types.length === 0 && traced.length === 0)
            return result;
        const units = new Units({ tus: set.tus, deps: set.deps, textOf });
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
        for (const subject of subjects) {
            const impact = macroImpact(subject, units, uses, set.label);
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
function lexC(text) {
    const macros = new Map();
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
            while (i < n && text[i] !== '\n')
                i++;
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
                    while (i < n && text[i] !== '\n')
                        i++;
                    break;
                }
                directive += text[i];
                i++;
            }
            handleDirective(directive, startLine, conds, macros, ownDefined);
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
function handleDirective(raw, line, conds, macros, ownDefined) {
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
            macros.set(d[1], { name: d[1], params, body: lexLine(d[4], line), line });
            ownDefined.set(d[1], decided ? true : undefined);
            return;
        }
        case 'undef':
            if (conds.some(c => c.dead))
                return;
            macros.delete(arg);
            ownDefined.set(arg, decided ? false : undefined);
            return;
        default:
            return;
    }
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
const SYMBOL = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
function isSymbolName(name) {
    return SYMBOL.test(name);
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
function readKlpC(file, text) {
    const { tokens, macros } = lexC(text);
    const out = {
        funcArrays: [],
        objects: [],
        declared: [],
        findings: [],
        recognized: false
    };
    const kgrEnd = { until: -1, conds: [] };
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
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
                readObjectElements(file, t.line, decl.body, macros, out);
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
/** `NAME [ ... ] <attributes> = { ... }` after `struct klp_xxx`. */
function arrayInitializer(tokens, at) {
    const name = tokens[at];
    if (name?.kind !== 'id' || tokens[at + 1]?.text !== '[')
        return undefined;
    const closeBracket = matchClose(tokens, at + 1);
    if (closeBracket < 0)
        return undefined;
    let k = closeBracket + 1;
    while (k < tokens.length && tokens[k].text !== '=' && tokens[k].text !== ';')
        k++;
    if (tokens[k]?.text !== '=' || tokens[k + 1]?.text !== '{')
        return undefined;
    const close = matchClose(tokens, k + 1);
    if (close < 0)
        return undefined;
    return { name: name.text, body: tokens.slice(k + 2, close), end: close };
}
/** Strips `[3] =` array designators. */
function dropIndexDesignator(el) {
    if (el[0]?.text !== '[')
        return el;
    const close = matchClose(el, 0);
    return close > 0 && el[close + 1]?.text === '=' ? el.slice(close + 2) : el;
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
function elementWalk(state, cond) {
    const parts = state.endConds.map(c => `!(${c})`);
    if (cond !== undefined)
        parts.push(parts.length > 0 ? `(${cond})` : cond);
    const w = {};
    if (state.ended !== undefined)
        w.afterEnd = state.ended;
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
function forEachElement(file, body, macros, what, known, findings, visit, walked, state = { endConds: [] }, depth = 0) {
    for (const raw of splitTopLevel(body)) {
        const el = dropIndexDesignator(raw);
        if (el.length === 0)
            continue;
        const line = el[0].line;
        const inner = braced(el);
        if (inner === undefined) {
            const expanded = depth < MAX_EXPANSION ? expandElement(el, macros) : undefined;
            if (expanded) {
                const next = depth + 1;
                forEachElement(file, expanded, macros, what, known, findings, visit, walked, state, next);
            }
            else
                findings.push(unparsed(file, line, `${what} entry not understood: ${clip$1(el)}`));
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
function readFuncElements(file, body, macros, arr, findings) {
    const visit = (f, line, walk) => {
        const oldName = f.get('old_name');
        const name = oldName ? symbolValue(oldName, macros) : undefined;
        if (!name) {
            const shown = oldName ? clip$1(oldName) : '(none)';
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
                findings.push(unparsed(file, line, `old_sympos of ${name} not understood: ${clip$1(posTokens)}`));
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
            (arr.unreached ??= []).push(entry);
        }
    };
    const state = { endConds: [] };
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
function readObjectElements(file, arrayLine, body, macros, out) {
    const state = { endConds: [] };
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
                out.findings.push(unparsed(file, line, `klp_object name not understood: ${clip$1(nameTokens)}`));
                return;
            }
        }
        const funcs = objectFuncs(file, f.get('funcs'), macros, out);
        const entry = { file, line, object, funcs };
        if (walk.condition !== undefined)
            entry.condition = walk.condition;
        if (unmatched !== undefined)
            entry.unmatched = unmatched;
        if (walk.afterEnd !== undefined)
            entry.afterEnd = walk.afterEnd;
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
    out.findings.push(unparsed(file, v[0]?.line ?? 0, `klp_object funcs not understood: ${clip$1(v)}`));
    return null;
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
    const first = expandValue(args[0], macros);
    const name = first.length === 1 && (first[0].kind === 'id' || first[0].kind === 'str')
        ? first[0].text
        : symbolValue(first, macros);
    if (!name || !isSymbolName(name)) {
        out.findings.push(unparsed(file, head.line, `${macro} symbol not understood: ${clip$1(args[0])}`));
        return;
    }
    const decl = { object: 'vmlinux', name, source: `${file}:${head.line}` };
    const newFn = args[1]?.filter(t => t.kind === 'id');
    if (newFn && newFn.length > 0)
        decl.newName = newFn[newFn.length - 1].text;
    if (/OBJ/.test(macro)) {
        const obj = args[2] ? expandValue(args[2], macros) : [];
        if (obj.length !== 1 || (obj[0].kind !== 'str' && obj[0].kind !== 'id')) {
            out.findings.push(unparsed(file, head.line, `${macro} object not understood: ${clip$1(obj)}`));
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
        message: `klp_func array ${arr.name || '(compound literal)'} ends at line ${arr.endLine} (an all-zero entry): the kernel stops there and does not patch ${list}`,
        file: arr.file,
        line: arr.endLine,
        functions: names
    });
}
function clip$1(tokens) {
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
    for (const file of sorted) {
        try {
            const format = detectFormat(file);
            if (format === 'c') {
                const r = readKlpC(file.path, file.text);
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
                declared.push(d);
            for (const f of r.findings)
                findings.push(f);
        }
        catch (e) {
            // A reader bug must not abort the whole run: the file is reported as not understood.
            findings.push(unparsed(file.path, 1, `declaration file could not be read: ${String(e)}`));
        }
    }
    const c = resolveObjects(cResults);
    const conditional = applyConditions(c.declared, evaluate);
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
/** An object the kernel never reaches or never finds: its functions are named, not declared. */
function notPatched(obj, arr) {
    const names = arr.entries.map(e => e.name);
    const what = names.length > 0 ? names.join(', ') : 'no function';
    const message = obj.unmatched !== undefined
        ? `klp_object "${obj.object}" names no module the kernel can find (${obj.unmatched}): the livepatch patches nothing in it, so ${what} are not patched`
        : `klp_object ${obj.object} comes after the array's all-zero entry at line ${obj.afterEnd}: the kernel stops there, so ${what} are not patched`;
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
const CLOSURE_MAX = 8000;
/** A kernel TU's closure has about 10,000 `#include` lines; a flood of them is cut and says so. */
const DIRECTIVES_MAX = 100000;
const ANALYSES_KEPT = 8;
const TU_TEXTS_KEPT = 8;
// GCC takes `\` before CRLF as a continuation too.
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm;
const IDENT = /[A-Za-z_]\w*/g;
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
                if (files.length >= CLOSURE_MAX) {
                    lost.push(`the includes past ${CLOSURE_MAX} files`);
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
            for (const m of text.matchAll(DEFINE)) {
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
            identifiers.set(path, (ids = new Set(text.match(IDENT))));
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
    for (const m of body.matchAll(IDENT)) {
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
                `its callers (replace them with copies that call a fixed ${baseName$1(a.name)}) or rework the fix.${loads}`;
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
        const name = baseName$1(a.name);
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
 * An `#include` a header gains brings nothing to a TU that already read the included file: kbuild's
 * dependency lists (the compiler's own `-MD` output, `#if` branches decided) say so per TU. When
 * every TU of every set that reads the changed header already read it, the include only moves
 * earlier among each TU's includes (include guards keep the second inclusion empty): info. Anything
 * less (a TU without a list that may read the header, a TU that did not read it) keeps the mapper's unresolved finding.
 */
function judgeIncludeByReaders(finding, sets, sourceOf) {
    if (finding.kind !== 'include-change' || finding.severity !== 'unresolved')
        return finding;
    const header = finding.file;
    const m = ADDED.exec(finding.message);
    if (!m || header === undefined || !header.endsWith('.h') || sets.length === 0)
        return finding;
    const inc = m[1] !== undefined ? { name: m[1], quoted: false } : { name: m[2], quoted: true };
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
        for (const tu of readers) {
            const target = includeCandidates(inc, header, tu, arches).find(p => sourceOf(p) !== undefined);
            if (target === undefined || !(deps.filesOf(tu) ?? []).includes(target))
                return finding;
            targets.add(target);
        }
        counts.push(`${readers.length} in set ${set.label}`);
    }
    const written = inc.quoted ? `"${inc.name}"` : `<${inc.name}>`;
    return {
        ...finding,
        severity: 'info',
        message: `#include ${written} added: every TU that reads ${header} (${counts.join(', ')}) already read ${[...targets].join(', ') || inc.name} before the fix (kbuild's dependency lists), so nothing new reaches their code; the include only moves earlier among their includes`
    };
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
        if (!source || a.object === null || a.symbol === 'removed')
            return undefined;
        const key = `${a.set}\0${a.object}\0${a.name}\0${a.tu}`;
        if (cache.has(key))
            return cache.get(key);
        const found = count$1(source, a, affected);
        cache.set(key, found);
        return found;
    };
}
function count$1(source, a, affected) {
    const object = a.object;
    const table = source.symbols?.positions(object, a.tu, a.name);
    if (table)
        return { count: table.count, from: 'symbol-tables', candidates: table.candidates };
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
        if (g?.byName.has(a.name) && !symbolRemoved(g, a.name))
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
    const fate = objectFate(tu.slice(0, slash + 1), `${tu.slice(slash + 1, -2)}.o`, config, sourceOf, 0);
    return fate.off ? fate.reason : undefined;
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
    const why = own?.verdict === 'removed'
        ? 'exists only in the base build: the fix removes it, and its callers (compared with it) are what the livepatch replaces'
        : own
            ? 'exists only in the patched build (GCC no longer inlines it everywhere): the running kernel has no such symbol to replace, its callers are what changed'
            : `is no function of ${cmp.tu}'s object in either build (inlined or cloned wherever it is used): nothing to patch by this name, its containers are listed`;
    return {
        kind: 'code-unchanged',
        severity: 'info',
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
            const from = baseName$1(fromName);
            if (from !== baseName$1(to))
                set.add(from);
        }
        for (const b of carried)
            if (b !== baseName$1(to))
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
        if (!entries.has(k))
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
 * Source-level doubts that the object comparison answers. The dumps and the source can only say
 * "the code of this TU may change"; the patched build's object of that TU says whether it did.
 * - `no-dump`: a TU built without a dump hides its inlining decisions, but every function of its
 *   object was compared, and each one that changed is an entry (`found` when nobody predicted it).
 * - `global-change` in a `.c` file: its data objects were compared; when none of them differs, the
 *   rewrite (an equivalent initializer, a macro that expands the same) left the data as it was.
 * - a header's type, prototype, macro, global or include change: when every TU that reads the
 *   header (kbuild's lists) was recompiled and compared, and none of them changed a function or a
 *   data object beyond shifted line numbers, the change reached no machine code.
 * Only TUs whose objects were compared in every set the finding concerns settle anything: a TU
 * the patched build did not recompile, or a set without objects or lists, keeps its finding.
 */
function settleByObjects(findings, exact, sets) {
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
                return settled(f, `but every data object of ${file} is identical in the patched build: the change leaves the data as it was`);
            return f;
        }
        if (!HEADER_DOUBTS.has(f.kind))
            return f;
        let readers = 0;
        for (const s of concerned) {
            const tus = s.readers(file);
            const objects = compared.get(s.label);
            if (!tus || !objects)
                return f;
            for (const tu of tus) {
                const o = objects.get(tu);
                if (!o || !sameCode(o))
                    return f;
            }
            readers += tus.length;
        }
        return settled(f, `but all ${readers} TU(s) that read ${file} were recompiled and compared, and none of their functions or data objects changed: the change reaches no machine code`);
    });
}
function settled(f, why) {
    return { ...f, severity: 'info', message: `${f.message.replace(/\.$/, '')}; ${why}.` };
}
/** Every data object the kernel keeps reads the same before and after (none added or removed). */
function sameData(o) {
    return (o.findings.length === 0 &&
        o.symbols.every(s => s.kind !== 'data' || s.verdict === 'unchanged' || s.dataClass === 'discarded'));
}
/** No function changed beyond shifted line numbers, and the data reads the same. */
function sameCode(o) {
    return (sameData(o) &&
        o.symbols.every(s => s.kind !== 'function' || s.verdict === 'unchanged' || s.verdict === 'line-only'));
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
        sourceOf: input.sourceOf
    });
    const impacts = input.sets.map(entry => impactOf({
        label: entry.set.label,
        tus: entry.set.tus(),
        deps: entry.deps,
        config: entry.config
    }));
    const readers = input.sets.map(e => ({ label: e.set.label, tus: e.set.tus(), deps: e.deps }));
    // A mapper finding an impact answers is replaced, when every set could answer it.
    const superseded = (f) => impacts.length > 0 && impacts.every(i => i.superseded.has(f));
    const findings = [
        ...input.findings,
        ...mapped.findings
            .filter(f => !superseded(f))
            .map(f => judgeIncludeByReaders(f, readers, input.sourceOf)),
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
            findings.push(judgeNoDumpByEffect(f, entry.deps, changedPaths, codePaths));
        const others = input.sets.filter(s => s !== entry);
        const options = {
            objectOf: entry.objectOf,
            callersOf,
            symbolInfo: entry.symbols ? (o, tu, n) => entry.symbols?.lookup(o, tu, n) : undefined,
            objects: entry.objects,
            functionFiles: entry.symbols ? (o, n) => entry.symbols?.functionFiles(o, n) : undefined,
            tuBuiltElsewhere: tu => others.some(s => s.set.hasTu(tu))
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
        const merged = mergeExact(affected, input.exact, input.sets, added);
        affected.length = 0;
        append(affected, merged.affected);
        const settled = settleByObjects(findings, input.exact, input.sets.map(s => ({
            label: s.set.label,
            readers: (file) => (s.deps?.complete() ? s.deps.tusSeeing(file) : undefined)
        })));
        findings.length = 0;
        append(findings, settled);
        append(findings, merged.findings);
        exact = merged.summary;
    }
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
/** The report's view of one dump set. */
function summarize(entry) {
    return {
        label: entry.set.label,
        dumps: entry.set.dumpCount,
        lines: entry.set.lineCount,
        lto: entry.set.lto,
        symbolsMode: entry.symbols ? 'symbol-tables' : 'dump-only',
        objectsKnown: entry.objectOf !== undefined
    };
}
const SEVERITY_RANK = { unresolved: 0, warning: 1, info: 2 };
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

/** Kept equal to package.json's version by a test (bundles cannot read package.json at run time). */
const VERSION = '0.1.0';

const DUMP_SUFFIX$1 = /\.\d{3}i\.ipa-clones$/;
const WPA = /\.wpa$/;
const LTRANS = /\.ltrans(\d+)\.ltrans$/;
function classifyDumpPath(path) {
    const name = normalizePath(path).replace(DUMP_SUFFIX$1, '');
    if (WPA.test(name))
        return { stage: 'wpa', name, partition: -1 };
    const m = LTRANS.exec(name);
    if (m)
        return { stage: 'ltrans', name, partition: Number(m[1]) };
    return { stage: 'tu', name, partition: -1 };
}
/**
 * How many leading components of `tu` are not part of the tree the dump's own file names are
 * relative to (an archive's top folder such as `linux-6.1/`), judged by the file GCC wrote for the
 * TU's own functions. Returns undefined when the dump does not name its own TU (empty dumps, dumps
 * with header functions only).
 */
function foreignPrefixDepth(tu, text) {
    if (text.length === 0)
        return undefined;
    const parts = tu.split('/');
    let slashMatch;
    for (let k = 0; k < parts.length; k++) {
        const cand = parts.slice(k).join('/') + ';';
        // `;net/ipv4/tcp.c;` or `;./net/ipv4/tcp.c;`: GCC ran from the tree root, spelled relative.
        if (text.includes(';' + cand) || text.includes(';./' + cand))
            return k;
        // `/abs/linux/net/ipv4/tcp.c;`: the root is unknown; keep the longest suffix that fits.
        if (slashMatch === undefined && text.includes('/' + cand))
            slashMatch = k;
    }
    return slashMatch;
}

/** Occurrences of the TU's base name looked at: every node of the TU repeats one spelling. */
const MAX_LOOKS = 8;
/**
 * The rename the dump's own lines ask for. GCC writes the file of each node as its command line
 * spelled the source: run from the project root, that is the TU's path relative to the root
 * (`src/net.c`), wherever the build put the dump (`build/src/net.c.000i.ipa-clones`, or
 * `net.c.000i.ipa-clones` when the build folder itself is the input). A spelling through `..` or
 * an absolute one does not say where the root is: then only a foreign leading folder of the dump
 * path is learned (an archive's top folder), as far as the spelling shows it. Undefined when the
 * dump does not name its own file.
 */
function ownRename(tu, text) {
    const spelled = cleanSpelling(tu, text);
    if (spelled === undefined) {
        const drop = foreignPrefixDepth(tu, text);
        return drop === undefined ? undefined : { drop, prepend: '' };
    }
    const have = tu.split('/');
    const want = spelled.split('/');
    let shared = 0;
    while (shared < have.length &&
        shared < want.length &&
        have[have.length - 1 - shared] === want[want.length - 1 - shared])
        shared++;
    return { drop: have.length - shared, prepend: want.slice(0, want.length - shared).join('/') };
}
/** The TU's own file as a relative, `..`-free spelling (`./` and `a/../` resolved), if the dump has one. */
function cleanSpelling(tu, text) {
    const base = tu.slice(tu.lastIndexOf('/') + 1);
    let looks = 0;
    for (const needle of [`;${base};`, `/${base};`]) {
        for (let at = text.indexOf(needle); at >= 0 && looks < MAX_LOOKS; looks++) {
            const start = needle[0] === ';' ? at + 1 : text.lastIndexOf(';', at) + 1;
            const field = text.slice(start, at + needle.length - 1);
            if (start > 0 && !field.includes('\n') && !field.startsWith('/')) {
                const path = normalizePath(field);
                if (!path.startsWith('..'))
                    return path;
            }
            at = text.indexOf(needle, at + 1);
        }
    }
    return undefined;
}
function renameKey(rename) {
    return `${rename.drop}:${rename.prepend}`;
}
/** Applies a rename to a dump's path; a path too short to drop from is kept. */
function applyRename(name, rename) {
    let parts = name.split('/');
    if (rename.drop > 0 && parts.length > rename.drop)
        parts = parts.slice(rename.drop);
    return rename.prepend === '' ? parts.join('/') : `${rename.prepend}/${parts.join('/')}`;
}

/** Names this long or longer skip the bitmap (none in a kernel build; still matched, by the set). */
const MAX_NAME = 256;
const SLASH$2 = 47;
const DOT$2 = 46;
/**
 * Tells, per dump-line field, whether it names a focus symbol or file. Runs on every line of every
 * dump, so the common miss costs a typed-array read: names are keyed by length and first character,
 * files by the two characters before their extension.
 */
class FocusMatcher {
    names;
    files;
    longNames;
    nameBits = new Uint8Array(MAX_NAME * 128);
    fileBits = new Uint8Array(128 * 128);
    constructor(focus) {
        this.names = new Set(focus.names);
        this.files = new Set([...focus.files].map(normalizePath));
        this.longNames = [...this.names].some(n => n.length >= MAX_NAME);
        for (const n of this.names) {
            if (n.length > 0 && n.length < MAX_NAME)
                this.nameBits[n.length * 128 + (n.charCodeAt(0) & 127)] = 1;
        }
        for (const f of this.files)
            this.fileBits[tailKey(f, 0, f.length)] = 1;
    }
    /** `text[s, e)` is a name field without its `*`. */
    name(text, s, e) {
        const len = e - s;
        if (len >= MAX_NAME)
            return this.longNames && this.names.has(text.slice(s, e));
        if (this.nameBits[len * 128 + (text.charCodeAt(s) & 127)] === 0)
            return false;
        return this.names.has(text.slice(s, e));
    }
    /** `text[s, e)` is a file field as GCC spelled it (`./`, `../`, absolute in out-of-tree builds). */
    file(text, s, e) {
        if (e - s < 3 || this.fileBits[tailKey(text, s, e)] === 0)
            return false;
        for (const f of this.files) {
            const at = e - f.length;
            if (at >= s && text.startsWith(f, at) && (at === s || text.charCodeAt(at - 1) === SLASH$2))
                return true;
        }
        // `drivers/x/../y.c` (a relative #include) needs normalizing; plain spellings do not.
        return hasDotSegment(text, s, e) && this.path(text.slice(s, e));
    }
    /**
     * A dump's or a field's path names a focus file, whatever leading folders it carries (and, for
     * the compile-stage dumps of a one-shot LTO build, `prog-a.c`, whatever output name).
     */
    path(spelled) {
        const n = normalizePath(spelled);
        if (this.files.has(n))
            return true;
        const slash = n.lastIndexOf('/');
        const dir = n.slice(0, slash + 1);
        const base = n.slice(slash + 1);
        for (const f of this.files) {
            if (n.length > f.length && n.endsWith(f) && n.charCodeAt(n.length - f.length - 1) === SLASH$2)
                return true;
            // `sub/prog-a.c` is the compile-stage dump of `sub/a.c` in `gcc -flto sub/a.c -o sub/prog`.
            const fSlash = f.lastIndexOf('/');
            const fDir = f.slice(0, fSlash + 1);
            if (base.endsWith('-' + f.slice(fSlash + 1)) && (dir === fDir || dir.endsWith('/' + fDir)))
                return true;
        }
        return false;
    }
}
function hasDotSegment(text, s, e) {
    for (let i = s + 1; i < e; i++) {
        if (text.charCodeAt(i) === DOT$2 && text.charCodeAt(i - 1) === SLASH$2)
            return true;
    }
    return false;
}
/**
 * `net/ipv4/route.c` -> key of `t` and `e` (the stem's last two characters; 0 past the start of
 * the stem, so `./a.c`, `/abs/a.c` and `a.c` share the key of `a.c`).
 */
function tailKey(text, s, e) {
    const dot = e - 2;
    const b = stemChar(text, s, dot - 1);
    const a = b === 0 ? 0 : stemChar(text, s, dot - 2);
    return a * 128 + b;
}
function stemChar(text, s, i) {
    if (i < s)
        return 0;
    const c = text.charCodeAt(i);
    return c === SLASH$2 ? 0 : c & 127;
}

/**
 * Scanner for the lines of a GCC `-fdump-ipa-clones` dump, written for speed: it works on offsets into
 * the dump's text and fills a caller-owned array, so scanning a 700 MB dump set allocates nothing per
 * line beyond the names the index keeps.
 *
 * GCC 8+ (cgraphclones.cc `dump_callgraph_transformation`, cgraph.cc `cgraph_node::remove`) writes
 *   Callgraph clone;<orig>;<order>;<file>;<line>;<col>;<new>;<order>;<file>;<line>;<col>;<reason>
 *   Callgraph removal;<name>;<order>;<file>;<line>;<col>
 * and the GCC 7 patches that introduced the dump wrote the clone line with two extra marker fields:
 *   Callgraph clone;<orig>;<order>;<file>;<line>;<col>;<-;<new>;<order>;<file>;<line>;<col>;optimization:;<reason>
 * Both are accepted; the markers are checked, not assumed.
 */
const LINE_CLONE = 1;
const LINE_REMOVAL = 2;
const LAYOUT_12 = {
    origName: 1,
    origOrder: 2,
    origFile: 3,
    origLine: 4,
    newName: 6,
    newOrder: 7,
    newFile: 8,
    newLine: 9,
    reason: 11
};
const LAYOUT_14 = {
    origName: 1,
    origOrder: 2,
    origFile: 3,
    origLine: 4,
    newName: 7,
    newOrder: 8,
    newFile: 9,
    newLine: 10,
    reason: 13
};
const CLONE_PREFIX_LEN = 'Callgraph clone;'.length;
const REMOVAL_PREFIX_LEN = 'Callgraph removal;'.length;
const C_UPPER = 67;
const C_LOWER = 99;
const R_LOWER = 114;
const SPACE = 32;
/** Character codes both line readers (this one and raw-accept.ts on bytes) test. */
const SEMI$1 = 59;
const ZERO = 48;
const NINE = 57;
/** Largest field count any accepted line has; a `cuts` array must hold this many entries. */
const MAX_FIELDS = 14;
/**
 * Scans `text[start, end)` (one line, without its newline). `cuts[i]` receives the offset of the
 * `;` that ends field i (the last field ends at `end`). Reuses `out` to avoid an allocation per line.
 */
function scanLine(text, start, end, cuts, out) {
    out.kind = 0;
    out.error = '';
    // Spot checks of the prefix instead of a full compare: this runs once per line of every dump.
    let expected;
    const kindChar = text.charCodeAt(start + 10);
    if (text.charCodeAt(start) !== C_UPPER || text.charCodeAt(start + 9) !== SPACE)
        expected = 0;
    else if (kindChar === C_LOWER && text.charCodeAt(start + CLONE_PREFIX_LEN - 1) === SEMI$1)
        expected = 12;
    else if (kindChar === R_LOWER && text.charCodeAt(start + REMOVAL_PREFIX_LEN - 1) === SEMI$1)
        expected = 6;
    else
        expected = 0;
    if (expected === 0) {
        out.error = 'not a "Callgraph clone" or "Callgraph removal" line';
        return out;
    }
    let n = 0;
    let p = start;
    for (;;) {
        const q = text.indexOf(';', p);
        if (q < 0 || q >= end)
            break;
        if (n === MAX_FIELDS) {
            out.error = `more than ${MAX_FIELDS} fields`;
            return out;
        }
        cuts[n++] = q;
        p = q + 1;
    }
    cuts[n] = end;
    const fields = n + 1;
    if (expected === 6) {
        if (fields !== 6)
            return fail(out, `removal line has ${fields} fields, expected 6`);
        if (!checkNode(text, start, cuts, 1, out))
            return out;
        out.kind = LINE_REMOVAL;
        out.layout = LAYOUT_12;
        return out;
    }
    let layout = LAYOUT_12;
    if (fields === 14) {
        if (!fieldIs(text, start, cuts, 6, '<-') || !fieldIs(text, start, cuts, 12, 'optimization:'))
            return fail(out, 'clone line has 14 fields but not the GCC 7 "<-" and "optimization:" markers');
        layout = LAYOUT_14;
    }
    else if (fields !== 12)
        return fail(out, `clone line has ${fields} fields, expected 12`);
    if (!checkNode(text, start, cuts, layout.origName, out))
        return out;
    if (!checkNode(text, start, cuts, layout.newName, out))
        return out;
    if (cuts[layout.reason] === fieldStart(start, cuts, layout.reason))
        return fail(out, 'empty clone reason');
    out.kind = LINE_CLONE;
    out.layout = layout;
    return out;
}
function fieldStart(lineStart, cuts, field) {
    return field === 0 ? lineStart : cuts[field - 1] + 1;
}
/** Start offset of a symbol name field, past the `*` GCC prints for asm names. */
function nameStart(text, lineStart, cuts, field) {
    const s = fieldStart(lineStart, cuts, field);
    return text.charCodeAt(s) === 42 ? s + 1 : s;
}
/** Parses the leading decimal digits of a field (a line or column may carry garbage after them). */
function fieldInt(text, lineStart, cuts, field) {
    let v = 0;
    for (let i = fieldStart(lineStart, cuts, field); i < cuts[field]; i++) {
        const c = text.charCodeAt(i);
        if (c < ZERO || c > NINE)
            break;
        v = v * 10 + c - ZERO;
    }
    return v;
}
function fail(out, error) {
    out.error = error;
    return out;
}
function fieldIs(text, lineStart, cuts, field, value) {
    const s = fieldStart(lineStart, cuts, field);
    return cuts[field] - s === value.length && text.startsWith(value, s);
}
/**
 * A node is `name;order;file;line;col` starting at `field`. The order (the node's identity) must be
 * all digits; line and column only need to start with one: checking every character of every field
 * would cost more than reading the dump, and a damaged line or column does not change the graph.
 */
function checkNode(text, lineStart, cuts, field, out) {
    const nameS = nameStart(text, lineStart, cuts, field);
    if (cuts[field] <= nameS)
        return !fail(out, `empty symbol name in field ${field + 1}`);
    const orderS = cuts[field] + 1;
    if (cuts[field + 1] === orderS)
        return !fail(out, `empty order in field ${field + 2}`);
    for (let i = orderS; i < cuts[field + 1]; i++) {
        const c = text.charCodeAt(i);
        if (c < ZERO || c > NINE)
            return !fail(out, `order in field ${field + 2} is not a number`);
    }
    if (cuts[field + 2] === cuts[field + 1] + 1)
        return !fail(out, `empty file name in field ${field + 3}`);
    if (!isDigit(text.charCodeAt(cuts[field + 2] + 1)))
        return !fail(out, `line in field ${field + 4} is not a number`);
    if (!isDigit(text.charCodeAt(cuts[field + 3] + 1)))
        return !fail(out, `column in field ${field + 5} is not a number`);
    return true;
}
function isDigit(c) {
    return c >= ZERO && c <= NINE;
}
/**
 * Calls `visit` with the start, end and 1-based number of each line of `text` that `scanLine`
 * accepts (its fields in `cuts`, its kind in `res`), until `visit` returns true; returns whether
 * one did. For the occasional pass over a decoded dump; the load's hot loop keeps its own.
 */
function someWellFormedLine(text, cuts, res, visit) {
    let pos = 0;
    let lineNo = 0;
    while (pos < text.length) {
        let end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.length;
        const next = end + 1;
        if (end > pos && text.charCodeAt(end - 1) === 13)
            end--;
        lineNo++;
        if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0 && visit(pos, end, lineNo))
            return true;
        pos = next;
    }
    return false;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a slice of 13 or more
 * characters a view into its parent string: a node name cut from a dump kept the whole dump in
 * memory for as long as a report entry named it (a header inline at distribution scale: every dump
 * it is in). Flattening a concatenation copies the characters; the slice then points into that copy.
 */
function detach(s) {
    return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/**
 * Answers "which dumps mention symbol X" without paying for an index at load time: indexing every
 * name of every line costs about twice as much as reading the dumps, while a query for one name is a
 * native substring search. After `FULL_INDEX_AFTER` distinct names the whole index is built once,
 * so a query about hundreds of functions (a changed macro) stays linear.
 */
const FULL_INDEX_AFTER = 8;
class NameIndex {
    texts;
    include;
    textAt;
    known;
    memo = new Map();
    full;
    cuts = new Int32Array(MAX_FIELDS + 1);
    res = {
        kind: 0,
        layout: undefined,
        error: ''
    };
    /**
     * `texts[i]` is dump i's text; only dumps for which `include(i)` holds are answered. `textAt`,
     * when given, is asked instead (a set that re-reads dumps it did not keep in memory). `known(i)`:
     * the names dump i was found to hold when it was scanned, if listed (every name a lookup can be
     * asked for is among what the scan looked for); its text is then not read.
     */
    constructor(texts, include, textAt = i => texts[i], known = () => undefined) {
        this.texts = texts;
        this.include = include;
        this.textAt = textAt;
        this.known = known;
    }
    /** Indexes (ascending) of the dumps that have a node named `name` (without `*`). */
    lookup(name) {
        if (this.full)
            return this.full.get(name) ?? [];
        let hit = this.memo.get(name);
        if (hit)
            return hit;
        if (this.memo.size >= FULL_INDEX_AFTER) {
            this.full = this.buildFull();
            return this.full.get(name) ?? [];
        }
        hit = [];
        for (let i = 0; i < this.texts.length; i++) {
            if (!this.include(i))
                continue;
            const known = this.known(i);
            if (known ? known.includes(name) : this.mentions(this.textAt(i), name))
                hit.push(i);
        }
        this.memo.set(name, hit);
        return hit;
    }
    /**
     * `;name;` can only be a name field (names are never digits, files have a `/` or an extension),
     * but each hit is still checked to sit in a name field of a well-formed line.
     */
    mentions(text, name) {
        for (const pat of [`;${name};`, `;*${name};`]) {
            let at = text.indexOf(pat);
            while (at >= 0) {
                const start = text.lastIndexOf('\n', at) + 1;
                let end = text.indexOf('\n', at);
                if (end < 0)
                    end = text.length;
                if (end > start && text.charCodeAt(end - 1) === 13)
                    end--;
                const r = scanLine(text, start, end, this.cuts, this.res);
                if (r.kind !== 0) {
                    if (this.cuts[r.layout.origName - 1] === at)
                        return true;
                    if (r.kind === LINE_CLONE && this.cuts[r.layout.newName - 1] === at)
                        return true;
                }
                at = text.indexOf(pat, at + 1);
            }
        }
        return false;
    }
    buildFull() {
        const names = new Map();
        const { cuts, res } = this;
        for (let idx = 0; idx < this.texts.length; idx++) {
            if (!this.include(idx))
                continue;
            const known = this.known(idx);
            if (known) {
                for (const name of known)
                    add(names, name, idx);
                continue;
            }
            const text = this.textAt(idx);
            const len = text.length;
            let pos = 0;
            while (pos < len) {
                let end = text.indexOf('\n', pos);
                if (end < 0)
                    end = len;
                const next = end + 1;
                if (end > pos && text.charCodeAt(end - 1) === 13)
                    end--;
                if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0) {
                    const f = res.layout.origName;
                    add(names, text.slice(nameStart(text, pos, cuts, f), cuts[f]), idx);
                    if (res.kind === LINE_CLONE) {
                        const n = res.layout.newName;
                        add(names, text.slice(nameStart(text, pos, cuts, n), cuts[n]), idx);
                    }
                }
                pos = next;
            }
        }
        return names;
    }
}
function add(names, name, idx) {
    const list = names.get(name);
    // A slice would keep its dump's text alive for as long as the index lives.
    if (list === undefined)
        names.set(detach(name), [idx]);
    else if (list[list.length - 1] !== idx)
        list.push(idx);
}

const INLINE_REASON$1 = 'inlining to';
const COPY_REASON = '(null)';
/**
 * Parses a dump's text into its clone graph. Malformed lines are skipped here: the dump set reported
 * them when the dump was added.
 */
function parseTuGraph(tu, stage, text) {
    const g = { tu, stage, nodes: [], edges: [], byName: new Map() };
    // A node is its (order, name): the order alone finds it without cutting the name out of the line
    // again; the name is compared in place, and a clash (never seen from GCC) falls back to both.
    const byOrder = new Map();
    const byKey = new Map();
    const files = new FileNamer(tu);
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    let lineNo = 0;
    let pos = 0;
    const len = text.length;
    const node = (field) => {
        const ns = nameStart(text, pos, cuts, field);
        const nameLen = cuts[field] - ns;
        const order = fieldInt(text, pos, cuts, field + 1);
        const known = byOrder.get(order);
        if (known !== undefined) {
            const n = g.nodes[known].name;
            if (n.length === nameLen && text.startsWith(n, ns))
                return known;
        }
        const name = detach(text.slice(ns, cuts[field]));
        // Only a second name for a known order needs the (order, name) key: most nodes skip building it.
        const key = known === undefined ? '' : `${order}\u0000${name}`;
        let id = known === undefined ? undefined : byKey.get(key);
        if (id === undefined) {
            id = g.nodes.length;
            const file = files.name(text.slice(fieldStart(pos, cuts, field + 2), cuts[field + 2]));
            g.nodes.push({
                id,
                name,
                order,
                file,
                line: fieldInt(text, pos, cuts, field + 3),
                removed: false
            });
            if (known === undefined)
                byOrder.set(order, id);
            else
                byKey.set(key, id);
            const same = g.byName.get(name);
            if (same)
                same.push(id);
            else
                g.byName.set(name, [id]);
        }
        return id;
    };
    while (pos < len) {
        let end = text.indexOf('\n', pos);
        if (end < 0)
            end = len;
        const next = end + 1;
        if (end > pos && text.charCodeAt(end - 1) === 13)
            end--;
        lineNo++;
        if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0) {
            if (res.kind === LINE_REMOVAL)
                g.nodes[node(1)].removed = true;
            else if (res.kind === LINE_CLONE) {
                const l = res.layout;
                const from = node(l.origName);
                const to = node(l.newName);
                const rs = fieldStart(pos, cuts, l.reason);
                // Most edges are inlines: reuse the constant rather than cut the same words out each time.
                const reason = cuts[l.reason] - rs === INLINE_REASON$1.length && text.startsWith(INLINE_REASON$1, rs)
                    ? INLINE_REASON$1
                    : detach(text.slice(rs, cuts[l.reason]));
                const copy = reason === COPY_REASON;
                if (copy && g.nodes[to].copyOf === undefined && to !== from)
                    g.nodes[to].copyOf = g.nodes[from].copyOf ?? from;
                const kind = reason === INLINE_REASON$1 ? 'inline' : 'clone';
                g.edges.push({ from, to, kind, reason, copy, line: lineNo });
            }
        }
        pos = next;
    }
    files.finish(g.nodes);
    return g;
}
/**
 * Turns the file names GCC wrote into repository-relative paths. GCC writes them as given on its
 * command line: `./include/linux/skbuff.h`, `net/ipv4/tcp.c`, or absolute / `../`-prefixed in
 * out-of-tree builds. The TU's own file tells the prefix: its spelling ends with the TU path, and
 * whatever precedes that is the build's view of the tree root, stripped from every file of the dump.
 */
class FileNamer {
    tu;
    raw = new Map();
    constructor(tu) {
        this.tu = tu;
    }
    name(spelled) {
        let n = this.raw.get(spelled);
        if (n === undefined) {
            n = detach(normalizePath(spelled));
            this.raw.set(spelled, n);
        }
        return n;
    }
    finish(nodes) {
        let prefix;
        for (const spelled of this.raw.keys()) {
            const n = normalizePath(spelled);
            if (n !== this.tu && n.endsWith('/' + this.tu)) {
                prefix = n.slice(0, n.length - this.tu.length);
                break;
            }
        }
        if (prefix === undefined)
            return;
        for (const node of nodes)
            if (node.file.startsWith(prefix))
                node.file = node.file.slice(prefix.length);
    }
}

const INLINE_REASON = 'inlining to';
const MAX_INDEXED = 1 << 20;
const REPLACEMENT_CHAR = 0xfffd;
/**
 * Checks across the lines of one dump what a single line cannot show. GCC gives every cgraph node
 * of a TU its own `order` (symtab_node::order), so one order names one symbol in one file; and a
 * clone line (reason other than `inlining to`, whose second node is the existing caller) creates
 * its clone, so the clone's order appears nowhere before it. Both held on every line of the 2,711
 * dumps of a Debian 6.1 build. A dump edited by hand, damaged or reordered breaks them while every
 * line still parses, and reading it anyway would drop or misjoin edges silently. Text decoded from
 * invalid UTF-8 carries U+FFFD, which GCC never writes. Works on offsets into the dump's text, like
 * the line scanner, so a clean line allocates nothing.
 */
class DumpConsistency {
    text = '';
    /**
     * Orders are small (a TU's symbol count), so the nodes seen are indexed by order in typed arrays:
     * `stamp[order] === dump` marks one seen in the current dump, without clearing between dumps.
     */
    stamp = new Int32Array(1024);
    /** Per order: name start, name end, file start, file end, first line. */
    data = new Int32Array(5 * 1024);
    /** Orders too large to index (never seen from GCC, but a damaged dump may have them). */
    large = new Map();
    dump = 0;
    nextBad = -1;
    /** Starts a new dump. */
    reset(text) {
        this.text = text;
        this.dump++;
        this.large.clear();
        this.nextBad = text.indexOf(String.fromCharCode(REPLACEMENT_CHAR));
    }
    /** The error of a line that scanned well but contradicts the dump (or its encoding), or ''. */
    check(start, end, cuts, res, lineNo) {
        const { text } = this;
        if (this.nextBad >= 0 && this.nextBad < start)
            this.nextBad = text.indexOf(String.fromCharCode(REPLACEMENT_CHAR), start);
        if (this.nextBad >= start && this.nextBad < end)
            return 'invalid UTF-8 (decoded as U+FFFD), which GCC never writes';
        if (res.kind !== LINE_CLONE)
            return this.node(start, cuts, 1, lineNo, false);
        const l = res.layout;
        const rs = fieldStart(start, cuts, l.reason);
        const inline = cuts[l.reason] - rs === INLINE_REASON.length && text.startsWith(INLINE_REASON, rs);
        return (this.node(start, cuts, l.origName, lineNo, false) ||
            this.node(start, cuts, l.newName, lineNo, !inline));
    }
    node(start, cuts, field, lineNo, creates) {
        const { text } = this;
        const order = fieldInt(text, start, cuts, field + 1);
        const ns = nameStart(text, start, cuts, field);
        const ne = cuts[field];
        const fs = cuts[field + 1] + 1;
        const fe = cuts[field + 2];
        let d = this.data;
        let at = order * 5;
        if (order >= MAX_INDEXED) {
            const big = this.large.get(order);
            if (big === undefined) {
                this.add(order, ns, ne, fs, fe, lineNo);
                return '';
            }
            d = big;
            at = 0;
        }
        else if (order >= this.stamp.length || this.stamp[order] !== this.dump) {
            this.add(order, ns, ne, fs, fe, lineNo);
            return '';
        }
        if (creates)
            return (`clone ${text.slice(ns, ne)} (order ${order}) is created here but already used at line ` +
                `${d[at + 4]}: lines out of order`);
        // `name;order;file` is one run of text and the orders are equal: one compare for the common case.
        if (same$1(text, d[at], d[at + 3], ns, fe))
            return '';
        if (!same$1(text, d[at], d[at + 1], ns, ne))
            return (`order ${order} names ${text.slice(ns, ne)} here but ${text.slice(d[at], d[at + 1])} at ` +
                `line ${d[at + 4]}: one order is one symbol in a dump`);
        if (!same$1(text, d[at + 2], d[at + 3], fs, fe))
            return (`order ${order} (${text.slice(ns, ne)}) is in ${text.slice(fs, fe)} here but in ` +
                `${text.slice(d[at + 2], d[at + 3])} at line ${d[at + 4]}: one order is one file in a dump`);
        return '';
    }
    add(order, ns, ne, fs, fe, line) {
        let d;
        let at = 0;
        if (order >= MAX_INDEXED) {
            d = new Int32Array(5);
            this.large.set(order, d);
        }
        else {
            if (order >= this.stamp.length)
                this.grow(order);
            this.stamp[order] = this.dump;
            d = this.data;
            at = order * 5;
        }
        d[at] = ns;
        d[at + 1] = ne;
        d[at + 2] = fs;
        d[at + 3] = fe;
        d[at + 4] = line;
    }
    grow(order) {
        let size = this.stamp.length;
        while (size <= order)
            size *= 2;
        const stamp = new Int32Array(size);
        stamp.set(this.stamp);
        const data = new Int32Array(size * 5);
        data.set(this.data);
        this.stamp = stamp;
        this.data = data;
    }
}
function same$1(text, as, ae, bs, be) {
    if (ae - as !== be - bs)
        return false;
    for (let i = 0; i < ae - as; i++)
        if (text.charCodeAt(as + i) !== text.charCodeAt(bs + i))
            return false;
    return true;
}

const NL = 10;
const CR = 13;
const STAR$1 = 42;
const CLONE = 'Callgraph clone;';
const REMOVAL = 'Callgraph removal;';
/**
 * How many non-empty lines `bytes` has when every one of them is a line `scanLine` accepts in its
 * GCC 8+ form and none may name a `focus` symbol or file, else -1. The undecoded fast path of
 * `DumpScanner.scanBytes`, for the dumps a query does not read: decoding 700 MB of text only to
 * validate it cost more than reading it, and searching the bytes for the names apart from this
 * pass cost a third of it again.
 *
 * Stricter than `scanLine`, never laxer, so -1 only sends a dump to the full scan, which words the
 * findings: the prefix is compared whole instead of spot-checked, GCC 7's 14-field lines and
 * carriage returns are left to the full scan. Every test is on an ASCII byte (`;`, digits, `*`)
 * or on a field being empty, and UTF-8 decoding keeps each ASCII byte as that character and
 * turns no other byte into one, so a byte test answers as the same test on the decoded text.
 */
function acceptRaw(bytes, cuts, focus) {
    const len = bytes.length;
    let lines = 0;
    let pos = 0;
    while (pos < len) {
        let end = bytes.indexOf(NL, pos);
        if (end < 0)
            end = len;
        if (end > pos) {
            if (bytes[end - 1] === CR || !acceptLine(bytes, pos, end, cuts))
                return -1;
            if (focus && mentions(bytes, cuts, focus, bytes[pos + 10] === 114))
                return -1;
            lines++;
        }
        pos = end + 1;
    }
    return lines;
}
function acceptLine(b, start, end, cuts) {
    const removal = b[start + 10] === 114;
    const prefix = removal ? REMOVAL : CLONE;
    if (end - start < prefix.length)
        return false;
    for (let i = 0; i < prefix.length; i++)
        if (b[start + i] !== prefix.charCodeAt(i))
            return false;
    let n = 0;
    for (let i = start + prefix.length - 1; i < end; i++) {
        if (b[i] !== SEMI$1)
            continue;
        if (n === MAX_FIELDS)
            return false;
        cuts[n++] = i;
    }
    cuts[n] = end;
    if (removal)
        return n === 5 && node(b, cuts, 1);
    // An empty reason (the last field) is malformed.
    return n === 11 && node(b, cuts, 1) && node(b, cuts, 6) && cuts[10] + 1 < end;
}
/** A node (fields 1 and, on a clone line, 6) whose name or file may be in the focus. */
function mentions(b, cuts, focus, removal) {
    return nodeMentions(b, cuts, focus, 1) || (!removal && nodeMentions(b, cuts, focus, 6));
}
function nodeMentions(b, cuts, focus, field) {
    let name = cuts[field - 1] + 1;
    if (b[name] === STAR$1)
        name++;
    return focus.name(b, name, cuts[field]) || focus.file(b, cuts[field + 1] + 1, cuts[field + 2]);
}
/** `name;order;file;line;col` from `field`, checked as `scanLine`'s checkNode does. */
function node(b, cuts, field) {
    let name = cuts[field - 1] + 1;
    if (b[name] === STAR$1)
        name++;
    if (cuts[field] <= name)
        return false;
    const order = cuts[field] + 1;
    if (cuts[field + 1] === order)
        return false;
    for (let i = order; i < cuts[field + 1]; i++)
        if (b[i] < ZERO || b[i] > NINE)
            return false;
    if (cuts[field + 2] === cuts[field + 1] + 1)
        return false;
    return digit(b[cuts[field + 2] + 1]) && digit(b[cuts[field + 3] + 1]);
}
function digit(c) {
    return c >= ZERO && c <= NINE;
}

/** More names than this and a native search per name costs more than validating the dump. */
const MAX_PREFILTER_NAMES = 32;
const SEMI = 59;
const STAR = 42;
/**
 * A test on a dump's raw bytes that is true whenever the focus could match one of its lines (and
 * sometimes when it cannot): kgraft-analysis-tool's grep before parsing. Only a dump it rules out
 * skips decoding. A name field is `;name;` or `;*name;` (dump-line.ts); a file field that matches
 * ends with the focus file's base name, and normalizing (FocusMatcher.path) keeps that base name,
 * so its bytes are in the dump. Decoded text holds an ASCII needle exactly where the bytes do; a
 * needle that is not printable ASCII turns the test off (always true).
 */
class RawPrefilter {
    names;
    bases;
    /** False: every dump must be decoded. */
    active;
    constructor(focus) {
        const needles = rawNeedles(focus);
        this.names = needles.names.map(n => `${n};`);
        this.bases = needles.bases;
        this.active = needles.ascii && focus.names.size <= MAX_PREFILTER_NAMES;
    }
    /** False only when no line of these bytes can name a focus symbol or file. */
    mayMention(bytes) {
        if (!this.active)
            return true;
        for (const needle of this.names) {
            for (let at = bytes.find(needle, 0); at >= 0; at = bytes.find(needle, at + 1)) {
                const before = bytes.at(at - 1);
                if (before === SEMI || (before === STAR && bytes.at(at - 2) === SEMI))
                    return true;
            }
        }
        return this.bases.some(base => bytes.find(base, 0) >= 0);
    }
}
/**
 * What a test on a dump's raw bytes looks for: the focus names, and the base names of the focus
 * files (normalizing keeps a path's base name, so a field that matches ends with it). `ascii`: all
 * are printable ASCII (and the base names non-empty), so each sits in the bytes exactly where the
 * decoded text has it; otherwise no raw test can stand in for the decoded one.
 */
function rawNeedles(focus) {
    const names = [...focus.names];
    const bases = [...focus.files].map(f => fileName(normalizePath(f)));
    return { names, bases, ascii: names.every(ascii) && bases.every(b => b !== '' && ascii(b)) };
}
function ascii(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 32 || c > 126)
            return false;
    }
    return true;
}

/**
 * FocusMatcher's test on undecoded fields, for `acceptRaw`: true whenever the matcher could say
 * yes for the decoded field (and sometimes when it would not). A name field matches when its bytes
 * are a focus name's (decoding maps ASCII bytes to themselves and no other byte to ASCII, so for an
 * ASCII name that is the matcher's own test); a file field may match when it ends with a focus
 * file's base name, which normalizing keeps (the prefilter's rule, see raw-prefilter.ts). A focus
 * with a name or base name that is not printable ASCII turns the test off (`active` false).
 */
class RawFocus {
    /** Focus names as bytes, by length. */
    byLength = [];
    bases = [];
    active;
    constructor(focus) {
        const needles = rawNeedles(focus);
        for (const n of needles.names)
            (this.byLength[n.length] ??= []).push(bytesOf(n));
        for (const base of needles.bases)
            this.bases.push(bytesOf(base));
        this.active = needles.ascii;
    }
    /** `b[s, e)` is a name field past its `*`. */
    name(b, s, e) {
        const names = this.byLength[e - s];
        if (names === undefined)
            return false;
        for (const n of names)
            if (same(b, s, n))
                return true;
        return false;
    }
    /** `b[s, e)` is a file field. */
    file(b, s, e) {
        if (this.bases.length === 0)
            return false;
        // `route.c/`, `route.c/.`, `route.c/x/..`: normalizing drops what follows the base name.
        const last = b[e - 1];
        if (last === SLASH$1 || last === BACKSLASH)
            return true;
        if (last === DOT$1 && (b[e - 2] === SLASH$1 || b[e - 2] === BACKSLASH || b[e - 2] === DOT$1))
            return true;
        for (const base of this.bases) {
            const at = e - base.length;
            if (at >= s && b[e - 1] === base[base.length - 1] && same(b, at, base))
                return true;
        }
        return false;
    }
}
const SLASH$1 = 47;
const BACKSLASH = 92;
const DOT$1 = 46;
function same(b, at, n) {
    for (let i = 0; i < n.length; i++)
        if (b[at + i] !== n[i])
            return false;
    return true;
}
function bytesOf(s) {
    return Uint8Array.from(s, c => c.charCodeAt(0));
}

/** Malformed lines reported one by one per dump before a single summary finding takes over. */
const MALFORMED_DETAIL_LIMIT = 20;
/** Non-empty dumps sampled to learn a foreign leading folder of the dump paths (see DumpSet). */
const PREFIX_SAMPLE = 64;
/**
 * Validates every line of a dump and tells whether the focus wants its text. Holds no state across
 * dumps but scratch space and how many prefix samples it took, so scanners on several threads,
 * each fed its dumps in path order, give the same answers as one (see DumpSet.addScanned).
 */
class DumpScanner {
    label;
    focus;
    rawFocus;
    cuts = new Int32Array(MAX_FIELDS + 1);
    consistency = new DumpConsistency();
    res = {
        kind: 0,
        layout: undefined,
        error: ''
    };
    samples = 0;
    constructor(label, focus) {
        this.label = label;
        this.focus = focus && new FocusMatcher(focus);
        this.rawFocus = this.focus && new RawFocus(this.focus);
    }
    /**
     * `scan` of a dump read as bytes. A dump the focus cannot want, whose lines all pass `acceptRaw`
     * and none of which may name a focus symbol or file, is answered undecoded, as `scan` would: not
     * kept, no finding. Any other is decoded and scanned.
     */
    scanBytes(path, bytes, decode) {
        const { focus, rawFocus } = this;
        if (focus && rawFocus?.active && bytes.length > 0 && this.samples >= PREFIX_SAMPLE) {
            const lines = wantsWhole(focus, path) ? -1 : acceptRaw(bytes, this.cuts, rawFocus);
            if (lines >= 0)
                return { path, text: '', kept: false, lines, findings: [], sampled: false, names: [] };
        }
        return this.scan(path, decode());
    }
    /** path: relative to the dump-set root (e.g. 'net/ipv4/tcp.c.000i.ipa-clones'). */
    scan(path, input) {
        // Editors and some archivers prepend a byte-order mark; GCC never writes one.
        const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
        const info = classifyDumpPath(path);
        const out = { path, text: '', kept: false, lines: 0, findings: [], sampled: false };
        if (this.focus)
            out.names = [];
        // The first PREFIX_SAMPLE non-empty TU dumps with an answer vote; this scanner's first ones
        // include every one of them it was given.
        if (this.samples < PREFIX_SAMPLE && info.stage === 'tu' && text.length > 0) {
            out.sampled = true;
            out.rename = ownRename(info.name, text);
            if (out.rename !== undefined)
                this.samples++;
        }
        const wanted = wantsWhole(this.focus, path);
        // An empty dump has nothing to drop: its (empty) graph is a true answer.
        out.kept = this.lines(out, text, wanted || text.length === 0);
        if (out.kept)
            out.text = text;
        return out;
    }
    /**
     * Counts and validates every line, reporting malformed ones; true when the dump is `wanted` or
     * one of its lines names a focus symbol or file.
     */
    lines(out, text, wanted) {
        const { cuts, res, focus, consistency } = this;
        let keep = wanted;
        const len = text.length;
        let pos = 0;
        let lineNo = 0;
        let bad = 0;
        if (wanted)
            consistency.reset(text);
        while (pos < len) {
            let end = text.indexOf('\n', pos);
            if (end < 0)
                end = len;
            const next = end + 1;
            if (end > pos && text.charCodeAt(end - 1) === 13)
                end--;
            lineNo++;
            if (end > pos) {
                out.lines++;
                if (scanLine(text, pos, end, cuts, res).kind !== 0) {
                    if (out.names)
                        noteNames(focus, out.names, text, pos, cuts, res);
                    if (wanted)
                        res.error = consistency.check(pos, end, cuts, res, lineNo);
                    else if (!keep)
                        keep = mentionsFocus(focus, text, pos, cuts, res);
                    if (res.error !== '' && ++bad <= MALFORMED_DETAIL_LIMIT)
                        this.malformed(out, lineNo, text, pos, end);
                }
                else if (++bad <= MALFORMED_DETAIL_LIMIT)
                    this.malformed(out, lineNo, text, pos, end);
            }
            pos = next;
        }
        // Only a dump whose text is kept is ever read into a graph: the cross-line checks are spent on
        // those, and one that a focus name made kept halfway is checked in a second pass.
        if (keep && !wanted)
            bad += this.checkConsistency(out, text, bad);
        if (bad > MALFORMED_DETAIL_LIMIT)
            out.findings.push({
                kind: 'dump-malformed-line',
                severity: 'unresolved',
                set: this.label,
                file: out.path,
                message: `${out.path}: ${bad} malformed lines in all; the first ${MALFORMED_DETAIL_LIMIT} are ` +
                    `reported one by one, ${bad - MALFORMED_DETAIL_LIMIT} more are not`
            });
        return keep;
    }
    malformed(out, lineNo, text, pos, end) {
        out.findings.push({
            kind: 'dump-malformed-line',
            severity: 'unresolved',
            set: this.label,
            file: out.path,
            line: lineNo,
            message: `${out.path}:${lineNo}: ${this.res.error}: ${clip(text.slice(pos, end))}`
        });
    }
    /**
     * Lines that parse alone but contradict the rest of the dump (see DumpConsistency) are malformed
     * too: reordered lines, one order naming two symbols or files, invalid UTF-8. Returns how many;
     * `before` malformed lines were already reported one by one.
     */
    checkConsistency(out, text, before) {
        const { cuts, res, consistency } = this;
        consistency.reset(text);
        let bad = 0;
        someWellFormedLine(text, cuts, res, (pos, end, lineNo) => {
            res.error = consistency.check(pos, end, cuts, res, lineNo);
            if (res.error !== '' && before + ++bad <= MALFORMED_DETAIL_LIMIT)
                this.malformed(out, lineNo, text, pos, end);
        });
        return bad;
    }
}
/** The focus names `text`'s well-formed lines have a node of, as `DumpScanner.scan` lists them. */
function focusNames(focus, text) {
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    const names = [];
    someWellFormedLine(text, cuts, res, pos => noteNames(focus, names, text, pos, cuts, res));
    return names;
}
/** Adds to `names` the focus names of a well-formed line's nodes (field 1, and a clone's new node). */
function noteNames(focus, names, text, pos, cuts, res) {
    noteName(focus, names, text, nameStart(text, pos, cuts, 1), cuts[1]);
    if (res.kind === LINE_CLONE) {
        const f = res.layout.newName;
        noteName(focus, names, text, nameStart(text, pos, cuts, f), cuts[f]);
    }
}
function noteName(focus, names, text, s, e) {
    if (!focus.name(text, s, e))
        return;
    const name = text.slice(s, e);
    // A handful per dump at most (the focus's own names): a list beats a set.
    if (!names.includes(name))
        names.push(detach(name));
}
/**
 * The query reads this dump whole (its text kept, its cross-line checks run): no focus, a
 * link-stage dump (few, and every LTO query walks them all), or the dump of a focus file. Without
 * focus files no path matches, and normalizing every dump's path to learn it costs more.
 */
function wantsWhole(focus, path) {
    const info = classifyDumpPath(path);
    if (!focus || info.stage !== 'tu')
        return true;
    return focus.files.size > 0 && focus.path(info.name);
}
/** Removal lines name their node in field 1, like the origin of a clone line. */
function mentionsFocus(focus, text, pos, cuts, res) {
    if (nodeInFocus(focus, text, pos, cuts, 1))
        return true;
    return res.kind === LINE_CLONE && nodeInFocus(focus, text, pos, cuts, res.layout.newName);
}
/** A node is `name;order;file;...` from field `f`. */
function nodeInFocus(focus, text, pos, cuts, f) {
    return (focus.name(text, nameStart(text, pos, cuts, f), cuts[f]) ||
        focus.file(text, cuts[f + 1] + 1, cuts[f + 2]));
}
function clip(line) {
    return line.length > 120 ? `${line.slice(0, 120)}...` : line;
}

/**
 * Text kept in memory per dump set before kept dumps are re-read instead. A header inline is named
 * in half the dumps of a distribution build: keeping their text was ~600 MB at 27,000 dumps, while a
 * query reads each of them once (TU-major), so re-reading costs one more read of those files.
 */
const KEPT_TEXT_BUDGET = 96 * 1024 * 1024;

/**
 * A header inline is in thousands of TUs of a distribution build; keeping every parsed graph cost
 * ~100 MB at 27,000 dumps. Re-parsing one is cheap (~0.5 ms), so only the recent ones stay.
 */
const MAX_CACHED_GRAPHS = 512;
/**
 * The `-fdump-ipa-clones` dumps of one build (one configuration, one architecture). Adding a dump
 * validates every line and keeps its text; a TU's graph is parsed on first use, because a query
 * touches a few hundred TUs of the tens of thousands a distro build has. With a focus, only the
 * dumps that mention a focus name or file keep their text (every dump is still validated and known
 * as a TU), and asking outside the focus is an error rather than a silently short answer.
 */
class DumpSet {
    label;
    keptTextBudget;
    findings = [];
    dumps = [];
    names;
    byTu = new Map();
    graphs = new Map();
    linkStage = [];
    lines = 0;
    keptBytes = 0;
    finished = false;
    isLto = false;
    focus;
    prefixVotes = new Map();
    prefixSampled = 0;
    scanner;
    /** What another thread needs to scan dumps for this set (see `addScanned`). */
    scanSpec;
    constructor(label, focus, keptTextBudget = KEPT_TEXT_BUDGET) {
        this.label = label;
        this.keptTextBudget = keptTextBudget;
        this.focus = focus && new FocusMatcher(focus);
        this.scanner = new DumpScanner(label, focus);
        this.scanSpec = {
            label,
            keptTextBudget,
            ...(focus ? { focus: { names: [...focus.names], files: [...focus.files] } } : {})
        };
    }
    get lto() {
        return this.isLto;
    }
    get dumpCount() {
        return this.dumps.length;
    }
    /** Dumps whose text is kept (in memory or to re-read): all of them without a focus. */
    get keptCount() {
        return this.dumps.reduce((n, d) => n + (d.kept && (d.text.length > 0 || d.reread) ? 1 : 0), 0);
    }
    get lineCount() {
        return this.lines;
    }
    /**
     * path: the dump's path relative to the dump-set root (e.g. 'net/ipv4/tcp.c.000i.ipa-clones').
     * `rereadable`: the dump can be read again, so past `KEPT_TEXT_BUDGET` its text is not kept.
     */
    addDump(path, input, rereadable) {
        if (this.finished)
            throw new Error('DumpSet.addDump after finish()');
        this.addScanned(this.scanner.scan(path, input), rereadable);
    }
    /**
     * A dump scanned elsewhere (a worker thread) by a DumpScanner made from `scanSpec`. Dumps must
     * come in path order, as to `addDump`; each scanner must have been fed its share in that order.
     * `held`: a kept dump whose text came as bytes (`scanned.text` is then '').
     */
    addScanned(scanned, rereadable, held) {
        if (this.finished)
            throw new Error('DumpSet.addDump after finish()');
        const { path, text, kept } = scanned;
        const info = classifyDumpPath(path);
        // Every scanner samples its first non-empty TU dumps, so the set's first ones are all sampled.
        if (this.prefixSampled < PREFIX_SAMPLE && scanned.sampled)
            this.vote(scanned.rename);
        this.lines += scanned.lines;
        for (const f of scanned.findings)
            this.findings.push(f);
        let reread;
        if (kept && held) {
            if (!held.read || this.keptBytes + held.size > this.keptTextBudget)
                reread = held.spill();
            else {
                this.keptBytes += held.size;
                reread = held.read;
            }
        }
        else if (kept && rereadable && this.keptBytes + text.length > this.keptTextBudget)
            reread = rereadable(text);
        else if (kept)
            this.keptBytes += text.length;
        const dump = { path, info, text: kept && !reread ? text : '', kept, key: info.name };
        if (reread)
            dump.reread = reread;
        if (scanned.names)
            dump.names = scanned.names;
        this.dumps.push(dump);
        // Taken: the loader's settled promises hold `scanned` until the whole load ends, and with it
        // every dump's text (590 MB at 27,000 dumps for a header inline's focus).
        scanned.text = '';
    }
    /** Call once after all addDump calls. */
    finish() {
        if (this.finished)
            return;
        this.finished = true;
        this.resolveTuNames();
        for (let i = 0; i < this.dumps.length; i++) {
            const d = this.dumps[i];
            if (d.info.stage === 'tu') {
                const first = this.byTu.get(d.key);
                if (first === undefined)
                    this.byTu.set(d.key, i);
                else {
                    // Two dumps claim one TU (two builds mixed in one set, or prefixes that resolved alike):
                    // only one can be read, and which one is right is not knowable here.
                    this.findings.push({
                        kind: 'dump-duplicate',
                        severity: 'unresolved',
                        set: this.label,
                        file: d.path,
                        message: `${d.path} is a second dump of TU ${d.key} in set ${this.label} (first: ${this.dumps[first].path}); only the first is used`
                    });
                }
            }
            else
                this.linkStage.push(i);
        }
        this.names = new NameIndex(this.dumps.map(d => d.text), i => this.byTu.get(this.dumps[i].key) === i, i => this.textAt(i), i => this.dumps[i].names);
        this.linkStage.sort((a, b) => stageRank(this.dumps[a].info) - stageRank(this.dumps[b].info));
        if (this.linkStage.length > 0) {
            this.isLto = true;
            this.findings.push({
                kind: 'lto-build',
                severity: 'warning',
                set: this.label,
                message: `Dump set ${this.label} comes from an LTO build (${this.linkStage.length} link-time dumps): ` +
                    'GCC rejects -flive-patching with -flto, so IPA effects other than inlining and cloning ' +
                    '(IPA-RA, IPA-pure-const, ...) are not recorded; functions were joined across TUs by ' +
                    'source file and name.'
            });
        }
    }
    /**
     * TUs whose dump names `file` as a declaration's file: for a `.c` compiled only as part of
     * another (`kernel/sched/rt.c` inside `build_policy.c`), the TUs that really build it. A text
     * search: asked only for changed files that have no dump of their own.
     */
    tusDeclaring(file) {
        const path = normalizePath(file);
        if (this.focus && !this.focus.files.has(path))
            this.outsideFocus(`file ${file}`);
        // `;kernel/sched/rt.c;`, `;./kernel/...;`, out of tree `/src/linux/kernel/...;`, or through a
        // relative include `kernel/x/../sched/rt.c;`: the text search on the file's base name finds
        // candidates, the parsed graph (its files normalised, the build's prefix stripped) decides.
        const base = path.slice(path.lastIndexOf('/') + 1);
        const needles = [`;${base};`, `/${base};`];
        const tus = [];
        for (const [tu, i] of this.byTu) {
            const text = this.textAt(i);
            if (!needles.some(n => text.includes(n)))
                continue;
            if (this.graphAt(i).nodes.some(n => n.file === path))
                tus.push(tu);
        }
        return tus.sort();
    }
    /** TU paths ('net/ipv4/tcp.c') that have a dump (empty ones included). */
    hasTu(tu) {
        return this.byTu.has(tu);
    }
    tus() {
        return [...this.byTu.keys()].sort();
    }
    /** TUs whose dump mentions a node with this exact symbol name (as orig or new). */
    tusMentioning(name) {
        if (!this.names)
            throw new Error('DumpSet.tusMentioning before finish()');
        const bare = name.startsWith('*') ? name.slice(1) : name;
        if (this.focus && !this.focus.names.has(bare))
            this.outsideFocus(`symbol ${bare}`);
        const idx = this.names.lookup(bare);
        return idx.map(i => this.dumps[i].key).sort();
    }
    /**
     * Parsed graph of one TU (parsed on first use, then kept among the recent ones). `once`: the
     * caller reads each TU once (a query's TU-major pass), so a graph not already kept is not kept:
     * kept, every graph of a header inline's thousands of TUs outlived the young generation and was
     * then dropped from the old one, which grew the heap by gigabytes at distribution scale.
     */
    graph(tu, once = false) {
        const i = this.byTu.get(tu);
        if (i === undefined)
            return undefined;
        if (once && !this.graphs.has(i))
            return this.parse(i);
        return this.graphAt(i);
    }
    /** LTO only: the WPA dump's graph first, then the ltrans partitions', in partition order. */
    linkGraphs() {
        return this.linkStage.map(i => this.graphAt(i));
    }
    graphAt(i) {
        let g = this.graphs.get(i);
        if (g) {
            // Map order is the LRU order: a hit moves to the back.
            this.graphs.delete(i);
        }
        else {
            g = this.parse(i);
            if (this.graphs.size >= MAX_CACHED_GRAPHS) {
                this.graphs.delete(this.graphs.keys().next().value);
            }
        }
        this.graphs.set(i, g);
        return g;
    }
    parse(i) {
        const d = this.dumps[i];
        if (!d.kept)
            this.outsideFocus(`TU ${d.key}`);
        return parseTuGraph(d.key, d.info.stage, this.textAt(i));
    }
    textAt(i) {
        const d = this.dumps[i];
        return d.reread ? d.reread() : d.text;
    }
    outsideFocus(what) {
        throw new Error(`internal: ${what} is outside the focus dump set ${this.label} was loaded with`);
    }
    /** A vote for the foreign leading folder of dump paths (see `resolveTuNames`). */
    vote(rename) {
        if (rename === undefined)
            return;
        this.prefixSampled++;
        const key = renameKey(rename);
        const vote = this.prefixVotes.get(key) ?? { rename, votes: 0 };
        vote.votes++;
        this.prefixVotes.set(key, vote);
    }
    /**
     * Dump paths may carry a leading folder that is not part of the tree (an archive's top folder),
     * or lack the folders the sources sit in (a build folder given as the input). GCC wrote the
     * TU's own file as compiled, so a sample of non-empty dumps tells how to rename them (see
     * `ownRename`); the most common answer is applied to every dump. One-shot LTO builds name
     * compile-stage dumps `<out>-<src>`: that `<out>-` is dropped when a link-stage dump `<out>.wpa`
     * sits beside them.
     */
    resolveTuNames() {
        let rename = { drop: 0, prepend: '' };
        let best = 0;
        for (const v of this.prefixVotes.values()) {
            const fewer = v.votes === best &&
                (v.rename.drop < rename.drop ||
                    (v.rename.drop === rename.drop && v.rename.prepend.length < rename.prepend.length));
            if (v.votes > best || fewer)
                [rename, best] = [v.rename, v.votes];
        }
        const outs = new Set();
        for (const d of this.dumps)
            if (d.info.stage === 'wpa')
                outs.add(d.info.name.replace(/\.wpa$/, '') + '-');
        for (const d of this.dumps) {
            d.key = applyRename(d.info.name, rename);
            if (d.info.stage !== 'tu')
                continue;
            const dir = d.info.name.slice(0, d.info.name.lastIndexOf('/') + 1);
            for (const out of outs) {
                const base = out.slice(out.lastIndexOf('/') + 1);
                if (out === dir + base && d.info.name.startsWith(out)) {
                    d.key = d.key.replace(new RegExp(`(^|/)${escapeRe(base)}`), '$1');
                    break;
                }
            }
        }
    }
}
function stageRank(info) {
    return info.stage === 'wpa' ? -1 : info.partition;
}
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Artifact names say little (`dumps (3).zip`), so the magic bytes decide, the name only for old tars. */
async function sniffArchive(path) {
    const fh = await open(path, 'r');
    const head = Buffer.alloc(512);
    let n;
    try {
        n = (await fh.read(head, 0, 512, 0)).bytesRead;
    }
    finally {
        await fh.close();
    }
    const starts = (...bytes) => bytes.every((b, i) => head[i] === b);
    if (starts(0x1f, 0x8b))
        return 'tar.gz';
    if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00))
        return 'tar.xz';
    if (starts(0x50, 0x4b) && (head[2] === 3 || head[2] === 5 || head[2] === 7))
        return 'zip';
    if (n >= 262 && head.toString('latin1', 257, 262) === 'ustar')
        return 'tar';
    if (/\.tar$/i.test(path) && n >= 512)
        return 'tar';
    if (starts(0x28, 0xb5, 0x2f, 0xfd))
        throw new Error(`${path}: zstd archives are not supported; use .tar.xz, .tar.gz or .zip`);
    if (starts(0x42, 0x5a, 0x68))
        throw new Error(`${path}: bzip2 archives are not supported; use .tar.xz, .tar.gz or .zip`);
    throw new Error(`${path}: not a directory, .zip, .tar, .tar.gz/.tgz or .tar.xz archive`);
}

/**
 * The files each TU was compiled from, as fixdep wrote them into kbuild's `.<obj>.o.cmd`
 * (`deps_<obj> := \` then one path per line). Exact where it exists: the compiler's own `-MD`
 * list, `#if` branches already decided. At kernel scale (2,700 TUs x ~600 files) the paths are
 * interned and each TU keeps an array of ids: a few MB instead of the ~60 MB of text.
 */
class HeaderDeps {
    paths = [];
    ids = new Map();
    byTu = new Map();
    cut = new Set();
    seers;
    /** Reads one `.cmd` file's text; returns the TU it describes, or undefined (no C compile, no deps). */
    add(text) {
        const parsed = parseDeps(text);
        if (!parsed)
            return undefined;
        const ids = new Uint32Array(parsed.files.length);
        parsed.files.forEach((p, i) => {
            let id = this.ids.get(p);
            if (id === undefined) {
                id = this.paths.length;
                this.paths.push(p);
                this.ids.set(p, id);
            }
            ids[i] = id;
        });
        this.byTu.set(parsed.tu, ids);
        if (!parsed.complete)
            this.cut.add(parsed.tu);
        else
            this.cut.delete(parsed.tu);
        this.seers = undefined;
        return parsed.tu;
    }
    get size() {
        return this.byTu.size;
    }
    /** The TU has a complete list (a list cut by a size cap counts as none). */
    has(tu) {
        return this.byTu.has(tu) && !this.cut.has(tu);
    }
    /** Every file the TU was compiled from (its `.c` first), tree-relative; undefined when not known. */
    filesOf(tu) {
        if (!this.has(tu))
            return undefined;
        return [...(this.byTu.get(tu) ?? [])].map(i => this.paths[i]);
    }
    /** Every TU's list is complete: `tusSeeing` then names every TU that reads a file. */
    complete() {
        return this.cut.size === 0;
    }
    /** TUs with a complete list that name `file` among their dependencies. */
    tusSeeing(file) {
        if (!this.seers) {
            const seers = new Map();
            for (const [tu, ids] of this.byTu) {
                if (this.cut.has(tu))
                    continue;
                for (const id of ids) {
                    const list = seers.get(id);
                    if (list)
                        list.push(tu);
                    else
                        seers.set(id, [tu]);
                }
            }
            this.seers = seers;
        }
        const id = this.ids.get(normalizePath(file));
        return id === undefined ? [] : [...(this.seers.get(id) ?? [])].sort();
    }
}
const DEPS_HEAD = /^deps_(\S+?\.o)\s*:=\s*\\?\s*$/;
const SOURCE = /^source_\S+?\s*:=\s*(\S+)/;
/**
 * One `.cmd` file's dependency list. Kconfig entries (`$(wildcard include/config/FOO)`) are not
 * files. In an O= build the paths are absolute under the source tree: the `source_` line tells
 * that prefix, and any other absolute path (the compiler's own headers) is outside the tree.
 */
function parseDeps(text) {
    const lines = text.split('\n');
    let source;
    let at = -1;
    let object = '';
    for (let i = 0; i < lines.length; i++) {
        const s = SOURCE.exec(lines[i]);
        if (s && source === undefined)
            source = s[1];
        const d = DEPS_HEAD.exec(lines[i]);
        if (d) {
            at = i;
            object = d[1];
            break;
        }
    }
    if (at < 0)
        return undefined;
    const tu = `${normalizePath(object).slice(0, -2)}.c`;
    const prefix = source?.startsWith('/') && source.endsWith(tu) ? source.slice(0, -tu.length) : undefined;
    if (source !== undefined && !source.endsWith('.c'))
        return undefined;
    const files = [tu];
    let complete = false;
    for (let i = at + 1; i < lines.length; i++) {
        const raw = lines[i].replace(/\r$/, '');
        const more = /\\\s*$/.test(raw);
        const entry = raw.replace(/\\\s*$/, '').trim();
        if (entry !== '' && !entry.startsWith('$(')) {
            if (entry.startsWith('/')) {
                if (prefix !== undefined && entry.startsWith(prefix))
                    files.push(normalizePath(entry.slice(prefix.length)));
            }
            else
                files.push(normalizePath(entry));
        }
        if (!more) {
            // fixdep ends the list with a blank line; a read cut at the cap ends anywhere.
            complete = entry === '' && i < lines.length - 1;
            break;
        }
    }
    return { tu, files: [...new Set(files)], complete };
}

/** GCC numbers the dump after the pass (`000i` in GCC 8 to 14); any number is accepted. */
const DUMP_SUFFIX = /\.\d{3}i\.ipa-clones$/;
function roleOf(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (DUMP_SUFFIX.test(base))
        return 'dump';
    if (base === 'modules.order')
        return 'modules-order';
    if (base === '.config')
        return 'config';
    if (base.endsWith('.mod'))
        return 'mod';
    // Only object compiles matter for the flag checks; `.vmlinux.cmd`, `.foo.ko.cmd` are link steps.
    if (base.startsWith('.') && base.endsWith('.o.cmd'))
        return 'cmd';
    if (base === 'System.map' || base === 'kallsyms' || /\.(nm|syms|kallsyms)$/.test(base)) {
        return 'symbols';
    }
    return undefined;
}
/**
 * fixdep puts `cmd_`/`source_` first and the header dependency list after (up to ~75 KB in a 6.1
 * distribution build: selinux/hooks.o). The list is read whole, up to this cap, and kept compactly
 * (see HeaderDeps); a list cut by the cap counts as absent.
 */
const CMD_HEAD_BYTES = 1024 * 1024;
function trimCmd(text) {
    return text
        .split('\n')
        .filter(l => /^(?:saved)?cmd_|^source_/.test(l))
        .join('\n');
}

/** Top-level directories of a kernel tree: the first one on a path marks where the tree starts. */
const KERNEL_TOP_DIRS = new Set('arch block certs crypto drivers fs include init io_uring ipc kernel lib mm net rust samples scripts security sound tools usr virt'.split(' '));
/** Leading folders before the first kernel top-level directory of a file's folder part. */
function prefixOf(parts) {
    for (let i = 0; i < parts.length - 1; i++) {
        if (KERNEL_TOP_DIRS.has(parts[i]))
            return parts.slice(0, i);
    }
    return undefined;
}
function startsWith(parts, prefix) {
    return prefix.length <= parts.length && prefix.every((p, i) => parts[i] === p);
}
/**
 * Finds where the kernel tree starts inside one directory or archive (`build/linux/` in
 * `build/linux/net/ipv4/tcp.c.000i.ipa-clones`). Archives stream, so the root is decided by the
 * first file under a kernel top-level directory; files seen before that (root-level `.config`,
 * `modules.order`) wait in `pending`. A build folder itself named like a kernel directory
 * (`/home/kernel/obj`) would be taken for the tree: the documented limit of this heuristic.
 */
class RootDetector {
    prefix;
    /** The prefix as a path with its trailing `/` ('' for none), once known. */
    under;
    pending = [];
    /** Returns the files (possibly earlier ones) whose root-relative path is now known. */
    offer(path, item) {
        const normal = normalizePath(path);
        // Once the root is known, most paths are under it: a string test, not a split and join per
        // file (the loader offers every file of a 27,000-dump set twice).
        if (this.under !== undefined && normal.startsWith(this.under))
            return [{ path: normal.slice(this.under.length), item }];
        const parts = normal.split('/');
        if (this.prefix === undefined) {
            const found = prefixOf(parts);
            if (found === undefined) {
                this.pending.push({ parts, item });
                return [];
            }
            this.prefix = found;
            this.under = found.length === 0 ? '' : `${found.join('/')}/`;
            const out = this.pending.map(p => ({ path: this.strip(p.parts), item: p.item }));
            this.pending.length = 0;
            out.push({ path: this.strip(parts), item });
            return out;
        }
        return [{ path: this.strip(parts), item }];
    }
    /**
     * No file under a kernel directory: not a kernel tree (an out-of-tree module, a build folder).
     * Paths stay relative to the input: stripping their common folder would turn
     * `build/src/net.c.000i.ipa-clones` into `net.c`, which nothing names; the dumps' own lines
     * tell the TU paths (the dump set renames by them).
     */
    finish() {
        if (this.prefix === undefined) {
            this.prefix = [];
            this.under = '';
        }
        const out = this.pending.map(p => ({ path: this.strip(p.parts), item: p.item }));
        this.pending.length = 0;
        return out;
    }
    get root() {
        return this.prefix?.join('/');
    }
    strip(parts) {
        const prefix = this.prefix ?? [];
        if (startsWith(parts, prefix))
            return parts.slice(prefix.length).join('/');
        // A second tree in the same input: place it by its own kernel directories.
        const own = prefixOf(parts);
        return parts.slice(own?.length ?? 0).join('/');
    }
}

/**
 * Re-reads a dump file the set chose not to keep in memory. The text must be the one validated on
 * the first read: a dump rebuilt or replaced meanwhile would silently answer for another build.
 */
function rereadFrom(file, path) {
    return (text) => {
        const length = text.length;
        const print = crc32(text);
        return () => {
            const again = readFileSync(file, 'utf8');
            const now = again.charCodeAt(0) === 0xfeff ? again.slice(1) : again;
            if (now.length !== length || crc32(now) !== print)
                throw new Error(`${path} changed on disk while it was being analysed (${file})`);
            return now;
        };
    };
}
/** A kept dump's text as decoded from its bytes, as the scanner decoded it (byte-order mark dropped). */
function decoded(bytes) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/**
 * A kept dump whose bytes a scan thread handed over: held as they are, or, past the set's budget,
 * re-read from `file` and checked against them (by length and CRC of the bytes, as `rereadFrom`
 * checks the text), without holding them.
 */
function heldBytes(bytes, file, path) {
    return {
        size: bytes.byteLength,
        read: () => decoded(bytes),
        spill: () => bytesReread(file, path, { length: bytes.byteLength, crc: crc32(bytes) })
    };
}
/** A kept dump a thread sent no bytes of: re-read from `file`, checked against `print`. */
function spilledBytes(print, file, path) {
    return { size: print.length, spill: () => bytesReread(file, path, print) };
}
function bytesReread(file, path, print) {
    return () => {
        const again = readFileSync(file);
        if (again.byteLength !== print.length || crc32(again) !== print.crc)
            throw new Error(`${path} changed on disk while it was being analysed (${file})`);
        return decoded(again);
    };
}

const PROGRESS_EVERY = 1000;
/** Routes each file of one dump set, found in any of its inputs, to the DumpSet or the kbuild side. */
class Collector {
    label;
    sink;
    onProgress;
    inputs;
    index;
    kbuild = { mods: new Map(), cmds: new Map(), symbols: new Map() };
    findings = [];
    /** Path -> the input it came from, and a fingerprint of its text when several inputs are joined. */
    seen = new Map();
    subOrders = [];
    root;
    origin = '';
    files = 0;
    /**
     * `inputs` > 1: several inputs joined into one set may hold the same file (a modules.order in
     * both artifacts), so each file is fingerprinted to tell an identical copy from a different one.
     * A single input costs nothing: a path twice in one archive is refused whatever its content.
     */
    constructor(label, sink, onProgress, inputs = 1, index) {
        this.label = label;
        this.sink = sink;
        this.onProgress = onProgress;
        this.inputs = inputs;
        this.index = index;
    }
    /** The persistent scan index, when the set is read through one (directories only). */
    get scanIndex() {
        return this.sink.addScanned ? this.index : undefined;
    }
    beginInput(origin) {
        this.origin = origin;
        this.root = new RootDetector();
    }
    /** `path` is relative to the input (directory or archive); the text is decoded once, here or by the reader. */
    add(path, text, file) {
        this.offer(path, { text, file });
    }
    /** How dumps are to be scanned elsewhere, when the sink takes them so. */
    get scanSpec() {
        const spec = this.sink.addScanned ? this.sink.scanSpec : undefined;
        return spec && { ...spec, ...(this.inputs > 1 ? { print: true } : {}) };
    }
    /**
     * A dump of a directory already read and scanned (see scan-pool.ts), under the root-relative
     * path it was scanned as; `print` as `route` would make it, when several inputs are joined.
     */
    addScanned(path, scanned, file, print, bytes, spilled) {
        this.offer(path, { scanned, file, print, bytes, spilled });
    }
    offer(path, item) {
        for (const f of this.root?.offer(path, item) ?? [])
            this.route(f.path, f.item);
    }
    endInput() {
        for (const f of this.root?.finish() ?? [])
            this.route(f.path, f.item);
        this.root = undefined;
    }
    refuse(entry, reason) {
        this.findings.push({
            kind: 'archive-refused',
            severity: 'unresolved',
            message: `${this.origin}: entry ${JSON.stringify(entry)} refused: ${reason}`,
            file: entry,
            set: this.label
        });
    }
    unreadable(entry, reason) {
        this.findings.push({
            kind: 'dump-unreadable',
            severity: 'unresolved',
            message: `${this.origin}: ${entry} could not be read: ${reason}`,
            file: entry,
            set: this.label
        });
    }
    finish() {
        if (this.kbuild.modulesOrder === undefined && this.subOrders.length > 0) {
            // Each folder's modules.order names modules by their full tree path, so the union is the top one.
            const lines = new Set(this.subOrders.flatMap(t => t.split('\n')).filter(l => l.trim() !== ''));
            this.kbuild.modulesOrder = [...lines].join('\n') + '\n';
        }
        return this.kbuild;
    }
    route(path, item) {
        const role = roleOf(path);
        if (!role)
            return;
        if ('scanned' in item) {
            // Scanned under the path the reader computed with this same root detection.
            if (role !== 'dump' || item.scanned.path !== path || !this.sink.addScanned)
                throw new Error(`internal: ${path} was scanned as ${item.scanned.path}`);
            if (!this.first(path, item.print))
                return;
            const held = item.bytes
                ? heldBytes(item.bytes, item.file, path)
                : item.spilled && spilledBytes(item.spilled, item.file, path);
            this.sink.addScanned(item.scanned, rereadFrom(item.file, path), held);
            this.counted();
            return;
        }
        const { text, file } = item;
        if (!this.first(path, this.inputs > 1 ? `${text.length}:${crc32(text)}` : undefined))
            return;
        switch (role) {
            case 'dump':
                this.sink.addDump(path, text, file === undefined ? undefined : rereadFrom(file, path));
                break;
            case 'mod':
                this.kbuild.mods.set(path, text);
                break;
            case 'modules-order':
                if (path === 'modules.order')
                    this.kbuild.modulesOrder = text;
                else
                    this.subOrders.push(text);
                break;
            case 'cmd':
                this.kbuild.cmds.set(path, trimCmd(text));
                (this.kbuild.deps ??= new HeaderDeps()).add(text);
                break;
            case 'symbols':
                this.kbuild.symbols.set(path, text);
                break;
            case 'config':
                if (path === '.config')
                    this.kbuild.config = text;
                break;
        }
        this.counted();
    }
    /** False, with a finding, when `path` was already given (by this input or an earlier one). */
    first(path, print) {
        const first = this.seen.get(path);
        if (first !== undefined) {
            const same = print !== undefined && first.print === print;
            // Which of two different copies the build really made is not knowable here (a stale
            // artifact, `tar rf` appending a newer file): using either could drop a function.
            this.findings.push({
                kind: 'dump-duplicate',
                severity: same ? 'info' : 'unresolved',
                message: same
                    ? `${path} is in both ${first.origin} and ${this.origin}, identical; one copy is used`
                    : `${path} is ${first.origin === this.origin ? 'twice in' : `in both ${first.origin} and`} ` +
                        `${this.origin}${print === undefined ? '' : ' with different contents'}; which one the ` +
                        'build made is not knowable here, the first one is used',
                file: path,
                set: this.label
            });
            return false;
        }
        this.seen.set(path, { origin: this.origin, print });
        return true;
    }
    counted() {
        this.files++;
        if (this.files % PROGRESS_EVERY === 0) {
            this.onProgress?.(`${this.label}: ${this.files} files read`);
        }
    }
}

/** The malformed-line findings DumpScanner.scan gives for this dump in this mode, in its order. */
function entryFindings(entry, path, label, mode) {
    const limit = MALFORMED_DETAIL_LIMIT;
    let shown;
    let bad;
    if (mode === 'wanted') {
        shown = merge(entry.lineErrors, entry.crossErrors).slice(0, limit);
        bad = entry.lineErrorCount + entry.crossErrorCount;
    }
    else if (mode === 'mentioned') {
        shown = [
            ...entry.lineErrors,
            ...entry.crossErrors.slice(0, Math.max(0, limit - entry.lineErrorCount))
        ];
        bad = entry.lineErrorCount + entry.crossErrorCount;
    }
    else {
        shown = entry.lineErrors;
        bad = entry.lineErrorCount;
    }
    const findings = shown.map(([line, text]) => ({
        kind: 'dump-malformed-line',
        severity: 'unresolved',
        set: label,
        file: path,
        line,
        message: `${path}:${line}: ${text}`
    }));
    if (bad > limit)
        findings.push({
            kind: 'dump-malformed-line',
            severity: 'unresolved',
            set: label,
            file: path,
            message: `${path}: ${bad} malformed lines in all; the first ${limit} are ` +
                `reported one by one, ${bad - limit} more are not`
        });
    return findings;
}
/** Two line-ordered lists (a line is in at most one) as one. */
function merge(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (j >= b.length || (i < a.length && a[i][0] < b[j][0]))
            out.push(a[i++]);
        else
            out.push(b[j++]);
    }
    return out;
}

/**
 * A Bloom filter of the symbol names and file base names one dump's well-formed lines hold, kept in
 * its index entry: with it, a later query rules a dump out without reading it (kgraft greps every
 * file; an entry that answers "not here" saves the read itself). A filter can say "maybe" for a
 * name the dump lacks (the dump is then read and searched as before), never "no" for one it holds.
 *
 * Stored as text, six bits per character (JSON keeps it as it is), and tested without decoding.
 */
/** Bits per distinct key: with K hashes, about one false "maybe" in a hundred. */
const BITS_PER_KEY = 10;
const K = 4;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++)
    VALUE[ALPHABET.charCodeAt(i)] = i;
/** FNV-1a over the UTF-16 code units of `text[s, e)`: the same key, sliced or not. */
function keyHash(text, s, e) {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++)
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 0;
}
/** murmur3's finaliser: FNV-1a's low bits alone follow a name's last characters too closely. */
function mix(h) {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}
/** The filter's first bit for a key hash, and the step to the next (double hashing). */
function first(h, bits) {
    return mix(h) % bits;
}
function step(h, bits) {
    return (mix(h ^ 0x9e3779b9) % (bits - 1)) + 1;
}
/**
 * Collects one dump's keys (deduplicated, so the filter is sized by what is distinct), then makes
 * the filter. Reused from dump to dump: its table grows to the largest dump and stays.
 */
class SummaryBuilder {
    table = new Uint32Array(1024);
    used = [];
    add(text, s, e) {
        this.place(summaryKey(text, s, e));
        if (this.used.length * 2 > this.table.length)
            this.grow();
    }
    /** The filter of the keys added since the last `finish`, which starts the next dump. */
    finish() {
        const keys = this.used.map(i => this.table[i]);
        for (const i of this.used)
            this.table[i] = 0;
        this.used = [];
        const chars = Math.max(4, Math.ceil((keys.length * BITS_PER_KEY) / 6));
        const bits = chars * 6;
        const cells = new Uint8Array(chars);
        for (const h of keys) {
            const d = step(h, bits);
            for (let k = 0, at = first(h, bits); k < K; k++, at = (at + d) % bits)
                cells[(at / 6) | 0] |= 1 << (at % 6);
        }
        let out = '';
        for (const c of cells)
            out += ALPHABET[c];
        return out;
    }
    /** Into the table unless there already (open addressing; 0 is an empty slot). */
    place(h) {
        const mask = this.table.length - 1;
        let i = h & mask;
        for (; this.table[i] !== 0; i = (i + 1) & mask)
            if (this.table[i] === h)
                return;
        this.table[i] = h;
        this.used.push(i);
    }
    grow() {
        const old = this.used.map(i => this.table[i]);
        this.table = new Uint32Array(this.table.length * 2);
        this.used = [];
        for (const h of old)
            this.place(h);
    }
}
/**
 * A key as the filter holds it: `keyHash`, never 0 (the table's empty slot: the one key hashing to
 * 0 shares its value with the one hashing to 1). Made once per focus key, tested on every entry.
 */
function summaryKey(text, s = 0, e = text.length) {
    return keyHash(text, s, e) || 1;
}
/** False only when the key of `h` (`summaryKey`) was not among the keys `summary` was made of. */
function summaryMayHold(summary, h) {
    const bits = summary.length * 6;
    const d = step(h, bits);
    for (let k = 0, at = first(h, bits); k < K; k++, at = (at + d) % bits) {
        if (((cell(summary, (at / 6) | 0) >> (at % 6)) & 1) === 0)
            return false;
    }
    return true;
}
/** Whether `s` is a summary `summaryMayHold` can read (the index file is not trusted). */
function isSummary(s) {
    if (s.length < 2)
        return false;
    for (let i = 0; i < s.length; i++)
        if (cell(s, i) < 0)
            return false;
    return true;
}
function cell(s, i) {
    const c = s.charCodeAt(i);
    return c < 128 ? VALUE[c] : -1;
}

/**
 * Validates every line of `text` (byte-order mark already dropped) completely, cross-line checks
 * included, whatever the focus: an entry must serve every later query. `focus`, when given, is also
 * asked whether a well-formed line names one of its symbols or files (one pass for both).
 */
function recordDump(path, text, hash, focus) {
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    const consistency = new DumpConsistency();
    consistency.reset(text);
    const info = classifyDumpPath(path);
    const entry = {
        hash,
        lines: 0,
        empty: text.length === 0,
        lineErrors: [],
        lineErrorCount: 0,
        crossErrors: [],
        crossErrorCount: 0,
        summary: ''
    };
    if (info.stage === 'tu' && text.length > 0)
        entry.rename = ownRename(info.name, text) ?? null;
    let mentions = false;
    const len = text.length;
    let pos = 0;
    let lineNo = 0;
    while (pos < len) {
        let end = text.indexOf('\n', pos);
        if (end < 0)
            end = len;
        const next = end + 1;
        if (end > pos && text.charCodeAt(end - 1) === 13)
            end--;
        lineNo++;
        if (end > pos) {
            entry.lines++;
            if (scanLine(text, pos, end, cuts, res).kind === 0) {
                if (++entry.lineErrorCount <= MALFORMED_DETAIL_LIMIT)
                    entry.lineErrors.push([lineNo, `${res.error}: ${clip(text.slice(pos, end))}`]);
            }
            else {
                if (focus && !mentions)
                    mentions = mentionsFocus(focus, text, pos, cuts, res);
                addNodeKeys(keys, text, pos, cuts, 1);
                if (res.kind === LINE_CLONE)
                    addNodeKeys(keys, text, pos, cuts, res.layout.newName);
                const error = consistency.check(pos, end, cuts, res, lineNo);
                if (error !== '' && ++entry.crossErrorCount <= MALFORMED_DETAIL_LIMIT)
                    entry.crossErrors.push([lineNo, `${error}: ${clip(text.slice(pos, end))}`]);
            }
        }
        pos = next;
    }
    entry.summary = keys.finish();
    return { entry, mentions };
}
/** One per thread: its table grows to the largest dump. */
const keys = new SummaryBuilder();
const SLASH = 47;
const DOT = 46;
const DASH = 45;
/**
 * The keys FocusMatcher can match a node by (`name;order;file;...` from field `f`): its name; the
 * base name of its file field, which a matching focus file shares; and, for a field FocusMatcher
 * normalizes (a `/.` in it), the normalized base name and each tail after a `-` in it (a one-shot
 * LTO build's `prog-a.c` matches `a.c`).
 */
function addNodeKeys(into, text, pos, cuts, f) {
    into.add(text, nameStart(text, pos, cuts, f), cuts[f]);
    const s = cuts[f + 1] + 1;
    const e = cuts[f + 2];
    let base = s;
    let dotted = false;
    for (let i = s; i < e; i++) {
        const c = text.charCodeAt(i);
        if (c === SLASH)
            base = i + 1;
        else if (c === DOT && i > s && text.charCodeAt(i - 1) === SLASH)
            dotted = true;
    }
    into.add(text, base, e);
    if (!dotted)
        return;
    const n = normalizePath(text.slice(s, e));
    const b = n.lastIndexOf('/') + 1;
    into.add(n, b, n.length);
    for (let i = b; i < n.length; i++)
        if (n.charCodeAt(i) === DASH)
            into.add(n, i + 1, n.length);
}
/** Whether a well-formed line of `text` names a focus symbol or file (no validation). */
function textMentions(text, focus) {
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    return someWellFormedLine(text, cuts, res, pos => mentionsFocus(focus, text, pos, cuts, res));
}

/**
 * DumpScanner's answers, given from an index entry where the run has one for the dump's bytes: the
 * same `ScannedDump` (findings, kept text, line count, path-prefix sample) as `DumpScanner.scan`
 * with the same label and focus, fed the same dumps in the same order. Where there is no entry,
 * the dump is validated completely and the entry made. Like DumpScanner, one per thread, fed its
 * dumps in path order (the prefix samples count across dumps).
 */
class IndexedScanner {
    label;
    focus;
    prefilter;
    samples = 0;
    /** What `ruledOut` looks for (`summaryKey`s); undefined when a summary cannot rule a dump out. */
    summaryKeys;
    constructor(label, focus) {
        this.label = label;
        this.focus = focus && new FocusMatcher(focus);
        this.prefilter = this.focus && new RawPrefilter(this.focus);
        if (this.focus) {
            const { names, bases } = rawNeedles(this.focus);
            // A file with no base name (never a TU's) matches fields the summary has no key for.
            if (bases.every(b => b !== ''))
                this.summaryKeys = names.concat(bases).map(k => summaryKey(k));
        }
    }
    /**
     * True when this dump, with a valid entry, must still be decoded: the focus wants all of it (no
     * focus, a link-stage dump, the dump of a focus file) or its bytes may name a focus symbol or
     * file. False: `fromEntry` answers from the entry alone.
     */
    needsText(path, entry, bytes) {
        if (entry.empty || wantsWhole(this.focus, path))
            return true;
        return this.prefilter.mayMention(bytes);
    }
    /**
     * True when the entry alone says the focus cannot want this dump (its summary holds none of the
     * focus names and file base names): the adapter may then skip reading it, when it knows the
     * file is unchanged since the entry was made. False whenever reading could tell otherwise.
     */
    ruledOut(path, entry) {
        if (!this.summaryKeys || entry.empty || wantsWhole(this.focus, path))
            return false;
        return !this.summaryKeys.some(k => summaryMayHold(entry.summary, k));
    }
    /** A dump `needsText` or `ruledOut` ruled out: not kept, its malformed lines from the entry. */
    fromEntry(path, entry) {
        return this.answer(path, entry, 'none', '');
    }
    /**
     * A dump read as text (`input` as decoded, byte-order mark included). `entry`: the index's entry
     * for these very bytes, if any; else one is made (returned) from a complete validation.
     */
    scan(path, input, hash, entry) {
        // Editors and some archivers prepend a byte-order mark; GCC never writes one (as DumpScanner).
        const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
        const wanted = wantsWhole(this.focus, path) || text.length === 0;
        const focus = wanted ? undefined : this.focus;
        let made;
        let mentions;
        if (entry)
            mentions = focus !== undefined && textMentions(text, focus);
        else
            ({ entry: made, mentions } = recordDump(path, text, hash, focus));
        const mode = wanted ? 'wanted' : mentions ? 'mentioned' : 'none';
        const scanned = this.answer(path, (entry ?? made), mode, text);
        return made ? { scanned, made } : { scanned };
    }
    answer(path, entry, mode, text) {
        const kept = mode !== 'none' || entry.empty;
        const out = {
            path,
            text: kept ? text : '',
            kept,
            lines: entry.lines,
            findings: entryFindings(entry, path, this.label, mode),
            sampled: false
        };
        // Not kept for its names: none of them is in it.
        if (this.focus)
            out.names = mode === 'none' ? [] : focusNames(this.focus, text);
        if (this.samples < PREFIX_SAMPLE && classifyDumpPath(path).stage === 'tu' && !entry.empty) {
            out.sampled = true;
            if (entry.rename) {
                out.rename = entry.rename;
                this.samples++;
            }
        }
        return out;
    }
}

/**
 * `path`: the path the file was scanned as (the chunk's); `focused`: the scan had a focus (its
 * dumps then list the focus names they hold, none for a dump posted as a number).
 */
function received(posted, path, focused) {
    if (typeof posted !== 'number')
        return posted;
    const scanned = {
        path,
        text: '',
        kept: false,
        lines: posted,
        findings: [],
        sampled: false,
        ...(focused ? { names: [] } : {})
    };
    return { scanned };
}

/** One buffer per thread for every file read: a fresh Buffer per dump cost more in GC than the read. */
let scratch = Buffer.allocUnsafe(1 << 20);
/**
 * The file's bytes, valid until the next call (they are hashed, searched, decoded, then dropped).
 * No fstat for the size: the read that returns 0 is needed anyway, and a syscall per dump counts
 * at 27,000 dumps.
 */
function readBytes(abs) {
    const fd = openSync(abs, 'r');
    try {
        let n = 0;
        for (;;) {
            if (n === scratch.length)
                scratch = Buffer.concat([scratch, Buffer.allocUnsafe(n)]);
            const got = readSync(fd, scratch, n, scratch.length - n, null);
            if (got === 0)
                break;
            n += got;
        }
        return scratch.subarray(0, n);
    }
    finally {
        closeSync(fd);
    }
}
/** Needles are a handful of ASCII names, met once per dump: their Buffers are made once. */
const needles = new Map();
function rawBytes(bytes) {
    return {
        find(needle, from) {
            let b = needles.get(needle);
            if (!b)
                needles.set(needle, (b = Buffer.from(needle, 'latin1')));
            return bytes.indexOf(b, from);
        },
        at: i => (i >= 0 && i < bytes.length ? bytes[i] : -1)
    };
}

/**
 * How old (ms) a file's last change must be before its size, times and inode may stand for its bytes:
 * a change within the same tick of a coarse clock (1 s on some filesystems, 2 s on FAT) as the
 * read would leave them as they were (git's "racy" entries).
 */
const STABLE_MS = 3000;
/** KLP_AFFECTED_INDEX_STABLE_MS overrides STABLE_MS (tests, which cannot wait for old files). */
function stableWindow() {
    const v = process.env.KLP_AFFECTED_INDEX_STABLE_MS;
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : STABLE_MS;
}
/**
 * Filesystems (statfs `f_type`) whose change time is the inode's last change as this machine's
 * kernel set it, which no tool sets back: ext2/3/4, xfs, btrfs, tmpfs, overlayfs, zfs, f2fs.
 * Elsewhere it is not: squashfs, erofs and ISO 9660 report the stored mtime (and give the same tree
 * the same inodes), vfat the creation time, sshfs and object-store FUSE mounts the mtime, and an
 * NFS client cached attributes for up to a minute (only `open` asks the server again). There a
 * same-size copy that keeps the mtime (`cp -p`, `rsync -t`, reproducible images) would look
 * unchanged, so every dump is read.
 */
const CHANGE_TIME_KEPT = new Set([
    0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x794c7630, 0x2fc12fc1, 0xf2f52010
]);
/** By device: one statfs per filesystem. */
const keepsChangeTime = new Map();
function changeTimeKept(abs, dev) {
    let kept = keepsChangeTime.get(dev);
    if (kept === undefined) {
        try {
            kept = CHANGE_TIME_KEPT.has(Number(statfsSync(abs).type) >>> 0);
        }
        catch {
            kept = false;
        }
        keepsChangeTime.set(dev, kept);
    }
    return kept;
}
/**
 * What an entry's `stat` holds: the file's device, inode, size, and modification and change times
 * (ns), as seen before its bytes were read; undefined where they cannot stand for the bytes: on a
 * filesystem that does not keep the change time (above), or while the change time is too recent
 * to tell a later change from this one (`stableMs`). A change after the read moves the change
 * time, so an equal `stat` means the bytes the entry was made from.
 */
function statKey(st, stableMs, abs) {
    const changed = st.ctimeNs > st.mtimeNs ? st.ctimeNs : st.mtimeNs;
    if (Number(changed / 1000000n) > Date.now() - stableMs)
        return undefined;
    if (!changeTimeKept(abs, st.dev))
        return undefined;
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * The digest an entry is keyed by: of the file's bytes, so a dump rebuilt with other contents never
 * reuses its old answers, whatever its timestamps say. SHA-256 costs ~1 ms per MB here (less than
 * decoding the text), and no accidental or crafted change of the bytes keeps it.
 */
function digestOf(bytes) {
    return createHash('sha256').update(bytes).digest('base64');
}
/**
 * Reads one dump file and scans it with the index's help. An entry whose `stat` the file still
 * has, and whose summary holds no focus name or file, answers without a read. Else, with an entry
 * for these bytes, a dump the focus cannot want is neither decoded nor validated (kgraft's grep,
 * then the recorded answer); any other is decoded, and validated unless the entry already says
 * what validation finds. `print`: the fingerprint Collector compares copies with, made from the
 * text as it does. `made`: a new entry, or one whose `stat` changed.
 */
function scanIndexedFile(scanner, abs, path, entry, print, stableMs) {
    let bytes;
    let stat;
    let unchanged;
    try {
        stat = statKey(statSync(abs, { bigint: true }), stableMs, abs);
        unchanged = stat !== undefined && entry?.stat === stat ? entry : undefined;
        if (unchanged && !print && scanner.ruledOut(path, unchanged))
            return { scanned: scanner.fromEntry(path, unchanged) };
        bytes = readBytes(abs);
    }
    catch (error) {
        return { error: error.message };
    }
    // Unchanged: the bytes are the entry's (the premise of not reading at all), not hashed again.
    const hash = unchanged ? unchanged.hash : digestOf(bytes);
    const valid = entry?.hash === hash ? entry : undefined;
    const restated = valid && valid.stat !== stat ? withStat(valid, stat) : undefined;
    if (valid && !print && !scanner.needsText(path, valid, rawBytes(bytes)))
        return { scanned: scanner.fromEntry(path, valid), ...(restated ? { made: restated } : {}) };
    const text = bytes.toString('utf8');
    const { scanned, made } = scanner.scan(path, text, hash, valid);
    const fresh = made && withStat(made, stat);
    return {
        scanned,
        ...(print ? { print: `${text.length}:${crc32(text)}` } : {}),
        ...(fresh || restated ? { made: fresh ?? restated } : {})
    };
}
function withStat(entry, stat) {
    const out = { ...entry };
    if (stat === undefined)
        delete out.stat;
    else
        out.stat = stat;
    return out;
}

/**
 * Scans dump files as one scan thread does, for one dump set: a worker thread, or the main thread
 * when it lends the pool a hand (see ScanPool.lend). Files must come in path order.
 */
class FileScanner {
    spec;
    scanner;
    indexed;
    /** Bytes of kept dumps sent so far (see ScanSpec.share). */
    held = 0;
    stableMs;
    constructor(spec) {
        this.spec = spec;
        this.scanner = new DumpScanner(spec.label, spec.focus);
        this.indexed = spec.index ? new IndexedScanner(spec.label, spec.focus) : undefined;
        this.stableMs = spec.stableMs ?? stableWindow();
    }
    scan(f) {
        const spec = this.spec;
        if (this.indexed) {
            const print = spec.print ?? false;
            return scanIndexedFile(this.indexed, f.abs, f.path, f.entry, print, this.stableMs);
        }
        let bytes;
        try {
            // Synchronous on purpose: per file, fs.readFile's callback machinery cost more than the read.
            bytes = readBytes(f.abs);
        }
        catch (error) {
            return { error: error.message };
        }
        if (spec.print) {
            const text = bytes.toString('utf8');
            return { scanned: this.scanner.scan(f.path, text), print: `${text.length}:${crc32(text)}` };
        }
        const scanned = this.scanner.scanBytes(f.path, bytes, () => bytes.toString('utf8'));
        if (!scanned.kept || scanned.text === '')
            return { scanned };
        return this.hold(scanned, bytes);
    }
    /**
     * The kept text goes back as its bytes, moved, not copied, while this scanner's share of the
     * set's budget lasts; past it, as what checks a re-read (see HeldText).
     */
    hold(scanned, bytes) {
        scanned.text = '';
        if (this.held + bytes.byteLength > (this.spec.share ?? 0))
            return { scanned, spilled: { length: bytes.byteLength, crc: crc32(bytes) } };
        this.held += bytes.byteLength;
        return { scanned, bytes: new Uint8Array(bytes) };
    }
}

/** Files per message: large enough that messaging is noise, small enough to balance the threads. */
const CHUNK = 48;
/**
 * Below MIN_FILES dumps a thread's start (~50 ms, ~0.1 s of CPU) costs more than it saves; below
 * MORE_FILES one thread beside the main one does best on two cores (a kernel's 2,711 dumps:
 * 0.57-0.60 s with one, 0.59-0.61 s and a fifth more CPU with two, 0.74 s with none; 27,110
 * dumps: 2.7-3.0 s with one, 2.0-2.1 s with two).
 */
const MIN_FILES = 256;
const MORE_FILES = 4096;
/** Chunks handed to a worker ahead, so it never waits for the main thread (busy walking, say). */
const AHEAD = 4;
/** The worker script beside this module: in dist/ and build/, not in the TypeScript sources. */
const SCRIPT = new URL('./scan-worker.js', import.meta.url);
/**
 * Threads to use for `files` dumps: KLP_AFFECTED_SCAN_THREADS forces a count (0: none; tests use it
 * to compare both paths), else one per core when there are at least two and enough files.
 */
function scanThreads(files) {
    const forced = process.env.KLP_AFFECTED_SCAN_THREADS;
    if (forced !== undefined && /^\d+$/.test(forced))
        return Number(forced);
    if (files < MIN_FILES)
        return 0;
    const cores = availableParallelism();
    if (cores < 2)
        return 0;
    return files < MORE_FILES ? 1 : Math.min(cores, 4);
}
/**
 * Whether the `dumps`-th dump found is where `scanThreads` may change its answer: the first (a
 * forced count), the MIN_FILES-th or the MORE_FILES-th. The walk asks at each dump; reading the
 * environment each time would not be free.
 */
function poolCheckpoint(dumps) {
    return dumps === 1 || dumps === MIN_FILES || dumps === MORE_FILES;
}
function scanWorkerAvailable() {
    return SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(SCRIPT));
}
/**
 * Starts `threads` scan threads for dumps scanned as `spec` says, fed while the caller still walks
 * the tree: a thread takes ~40 ms to boot and the walk of 27,000 dumps ~400 ms, during which the
 * threads would otherwise wait. Files go out in chunks, AHEAD per thread; a thread gets its next
 * chunk when it answers, so a slow one (its dumps kept and decoded) takes fewer.
 */
function startScanPool(spec, threads) {
    // Shares of the most threads the pool can grow to, so that together they stay in the budget.
    const share = Math.floor((spec.keptTextBudget ?? 0) / Math.max(threads, scanThreads(Infinity)));
    const workers = [];
    const focused = spec.focus !== undefined;
    const pending = new Map();
    const queue = [];
    let head = 0;
    let ended = false;
    let nextId = 0;
    let failure = new Error('no dump scan thread is running');
    let closed = false;
    let lender;
    const fail = (waits, error) => {
        for (const w of waits)
            w.reject(error);
    };
    /** The next `n` queued files, off the front. */
    const take = (n) => {
        const batch = queue.slice(head, head + n);
        head += n;
        // The queue's front is spent: drop it now and then rather than shift one by one.
        if (head > 4096) {
            queue.splice(0, head);
            head = 0;
        }
        return batch;
    };
    const give = (worker) => {
        const mine = pending.get(worker);
        while (mine && mine.size < AHEAD) {
            const left = queue.length - head;
            const n = left >= CHUNK ? CHUNK : ended ? left : 0;
            if (n === 0)
                break;
            const batch = take(n);
            const id = nextId++;
            mine.set(id, batch.map(b => b.wait));
            const chunk = { id, files: batch.map(b => b.file) };
            worker.postMessage(chunk);
        }
    };
    const giveAll = () => {
        for (const w of pending.keys())
            give(w);
    };
    // With every thread gone, queued files would wait forever.
    const orphan = () => {
        if (pending.size > 0)
            return;
        fail(queue.slice(head).map(q => q.wait), failure);
        queue.length = 0;
        head = 0;
    };
    const spawn = () => {
        const worker = new Worker(SCRIPT, { workerData: { ...spec, share } });
        workers.push(worker);
        pending.set(worker, new Map());
        worker.on('message', ({ id, out }) => {
            const waits = pending.get(worker)?.get(id);
            if (!waits)
                return;
            pending.get(worker)?.delete(id);
            out.forEach((r, k) => waits[k].resolve(received(r, waits[k].path, focused)));
            give(worker);
        });
        const lost = (error) => {
            if (pending.has(worker))
                failure = error;
            const mine = pending.get(worker);
            pending.delete(worker);
            for (const waits of mine?.values() ?? [])
                fail(waits, error);
            orphan();
        };
        worker.on('error', lost);
        worker.on('exit', code => lost(new Error(`dump scan thread exited (${code}) with files pending`)));
        give(worker);
    };
    for (let t = 0; t < threads; t++)
        spawn();
    return {
        grow(more) {
            // Only while files are still coming: a thread started at the end would only boot.
            while (!ended && workers.length < more && pending.size === workers.length)
                spawn();
        },
        add(file) {
            const result = new Promise((resolve, reject) => {
                const wait = { path: file.path, resolve, reject };
                if (pending.size === 0)
                    reject(failure);
                else
                    queue.push({ file, wait });
            });
            // A reader that stops early (its consumer threw) leaves results nobody awaits; their
            // failure when the threads are stopped is not news.
            result.catch(() => undefined);
            if (queue.length - head >= CHUNK)
                giveAll();
            return result;
        },
        end() {
            ended = true;
            giveAll();
        },
        lend() {
            const left = queue.length - head;
            if (!ended || closed || left === 0 || pending.size === 0)
                return false;
            if (workers.length >= availableParallelism())
                return false;
            const batch = take(Math.min(CHUNK, left));
            lender ??= new FileScanner({ ...spec, share });
            for (const b of batch) {
                try {
                    b.wait.resolve(lender.scan(b.file));
                }
                catch (error) {
                    b.wait.reject(error);
                }
            }
            return true;
        },
        async close() {
            closed = true;
            await Promise.all(workers.map(w => w.terminate()));
        }
    };
}

/**
 * Hands the dumps of one directory to scan threads as the walk finds them (in path order), under
 * the root-relative path the collector will give each (the same root detection, fed the same
 * files in the same order). The threads start at the dump that makes them worth it
 * (`scanThreads`); the dumps found before wait for them. Without threads, dumps are read where
 * the collector asks (`result` undefined), or through the scan index here, in path order.
 */
class DumpFeed {
    index;
    root = new RootDetector();
    results = new Map();
    /** Dumps placed while no thread runs, with their root-relative paths. */
    waiting = [];
    pathOf = new Map();
    dumps = 0;
    pool;
    indexed;
    spec;
    constructor(spec, index) {
        this.index = index;
        this.spec = spec && index ? { ...spec, index: true, stableMs: stableWindow() } : spec;
    }
    offer(f) {
        if (!this.spec)
            return;
        if (f.role === 'dump' && poolCheckpoint(++this.dumps)) {
            const threads = scanThreads(this.dumps);
            if (this.pool)
                this.pool.grow(threads);
            else if (threads > 0 && scanWorkerAvailable()) {
                this.pool = startScanPool(this.spec, threads);
                for (const w of this.waiting)
                    this.add(w.item, w.path);
                this.waiting = [];
            }
        }
        this.place(this.root.offer(f.rel, f));
    }
    /** The walk is over: every dump goes out. */
    end() {
        if (!this.spec)
            return;
        this.place(this.root.finish());
        if (this.pool)
            this.pool.end();
        else if (this.index) {
            this.indexed = new IndexedScanner(this.spec.label, this.spec.focus);
            for (const w of this.waiting)
                this.pathOf.set(w.item, w.path);
        }
        this.waiting = [];
    }
    /**
     * The scan of a walked dump, or undefined to read it as any other file. Asked once per file,
     * in path order, as a scanner must be fed (the indexed scan here runs then).
     */
    result(f) {
        const pooled = this.results.get(f);
        // Asked once: kept, every scanned dump would live until the whole load ends.
        this.results.delete(f);
        const path = this.pathOf.get(f);
        if (pooled || !this.indexed || path === undefined)
            return pooled;
        // Set with the index (see the constructor).
        const { print, stableMs } = this.spec;
        return Promise.resolve(scanIndexedFile(this.indexed, f.abs, path, this.index?.lookup(path), !!print, stableMs));
    }
    /** After `end`: `f` is at the root of the kernel tree the walk found (e.g. its modules.order). */
    atRoot(f) {
        const root = this.spec ? this.root.root : undefined;
        if (root === undefined)
            return false;
        const base = fileName(f.rel);
        return normalizePath(f.rel) === (root === '' ? base : `${root}/${base}`);
    }
    /**
     * After `end`: this thread scans queued dumps too, while the threads leave a core idle (one
     * thread on two cores: a kernel's 2,711 dumps). Yields between chunks, so results flow meanwhile.
     */
    async lend() {
        const pool = this.pool;
        if (!pool)
            return;
        while (pool.lend())
            await new Promise(resolve => setImmediate(resolve));
    }
    async close() {
        await this.pool?.close();
    }
    place(out) {
        for (const { path, item } of out) {
            if (item.role !== 'dump')
                continue;
            if (this.pool)
                this.add(item, path);
            else
                this.waiting.push({ item, path });
        }
    }
    add(item, path) {
        const pool = this.pool;
        const entry = this.index?.lookup(path);
        this.results.set(item, pool.add(entry ? { abs: item.abs, path, entry } : { abs: item.abs, path }));
    }
}

/**
 * Runs `work` over `items` with at most `width` in flight and hands results back in input order,
 * so what is fed downstream (and every finding) does not depend on disk timing.
 */
async function inOrder(items, width, work, each) {
    // Settled, never rejected: a rejection waiting in the queue would be reported as unhandled.
    const start = (item) => work(item).then(value => ({ ok: true, value }), (error) => ({ ok: false, error }));
    const queue = [];
    let next = 0;
    for (const item of items) {
        while (next < items.length && queue.length < width)
            queue.push(start(items[next++]));
        const head = queue.shift();
        if (!head)
            break;
        each(item, await head);
    }
}

/** Folders read between two turns of the event loop (a scan thread's answer waits for one). */
const FOLDERS_PER_TURN = 32;
/**
 * What a path of interest is when it is not a regular file. A FIFO would hang the read and a
 * device could stream forever, so neither is opened; but skipping them quietly would drop a dump
 * from the set, so each is named.
 */
function special(e) {
    if (e.isFIFO())
        return 'a FIFO';
    if (e.isSocket())
        return 'a socket';
    if (e.isCharacterDevice())
        return 'a character device';
    if (e.isBlockDevice())
        return 'a block device';
    return 'of an unknown file type';
}
/**
 * Every file of interest under `root`, handed to `onFile` in path order (the order of `rel` as
 * strings) while the walk goes on, so the dumps can be scanned meanwhile. A folder sorts as its
 * name plus `/`, which makes the depth-first order the order of the whole paths. Folders are read
 * synchronously, yielding now and then: on 27,000 cached dumps in 6,700 folders
 * `fs.promises.readdir` spent 300 ms in its per-folder promises, `readdirSync` 90 ms.
 */
async function walkTree(root, onFile) {
    const out = { files: [], links: [], errors: [] };
    let folders = 0;
    const visit = async (dir, rel) => {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch (error) {
            out.errors.push({ rel: rel || '.', message: error.message });
            return;
        }
        if (++folders % FOLDERS_PER_TURN === 0)
            await new Promise(resolve => setImmediate(resolve));
        const keyed = entries.map(e => ({ e, key: e.isDirectory() ? `${e.name}/` : e.name }));
        keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        for (const { e } of keyed) {
            const path = rel ? `${rel}/${e.name}` : e.name;
            const role = roleOf(path);
            if (e.isDirectory()) {
                if (role)
                    out.errors.push({ rel: path, message: 'it is a directory, not a file' });
                await visit(join(dir, e.name), path);
                continue;
            }
            if (!role)
                continue;
            if (e.isFile()) {
                const f = { abs: join(dir, e.name), rel: path, role };
                out.files.push(f);
                onFile(f);
            }
            // Followed links could pull in any file on the runner; O= build trees also carry a `source`
            // link to the whole source tree, which must not be walked. Links of no interest are ignored.
            else if (e.isSymbolicLink())
                out.links.push(path);
            else
                out.errors.push({ rel: path, message: `it is ${special(e)}, not a regular file` });
        }
    };
    await visit(root, '');
    return out;
}

/** Enough reads in flight to keep the disk queue full; more only costs memory. */
const READS_IN_FLIGHT = 32;
/**
 * The callback API on purpose: on 27,000 cached dumps `fs.promises.readFile` spent ~4 s in its
 * per-call promise and FileHandle machinery, the callback one ~1.5 s (readFileSync ~0.8 s, but it
 * would serialise a cold disk).
 */
function readText(path) {
    return new Promise((resolve, reject) => {
        readFile(path, 'utf8', (error, text) => (error ? reject(error) : resolve(text)));
    });
}
async function readHead(path, bytes) {
    const fh = await open(path, 'r');
    try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.toString('utf8', 0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
/** Feeds every file of interest under `root` to the collector, in path order. */
async function readDirectory(root, collector) {
    const feed = new DumpFeed(collector.scanSpec, collector.scanIndex);
    try {
        const found = await walkTree(root, f => feed.offer(f));
        feed.end();
        for (const rel of found.links.sort())
            collector.refuse(rel, 'it is a symbolic link');
        for (const e of found.errors)
            collector.unreadable(e.rel, e.message);
        // The per-folder modules.order files count only when there is no top-level one (see
        // Collector.finish): a kernel build tree has 650 of them, each a read on this thread.
        const top = found.files.find(f => f.role === 'modules-order' && feed.atRoot(f));
        const files = top
            ? found.files.filter(f => f.role !== 'modules-order' || f === top)
            : found.files;
        const lending = feed.lend();
        await inOrder(files, READS_IN_FLIGHT, (f) => feed.result(f) ?? (f.role === 'cmd' ? readHead(f.abs, CMD_HEAD_BYTES) : readText(f.abs)), (f, r) => {
            if (!r.ok)
                collector.unreadable(f.rel, r.error.message);
            else if (typeof r.value === 'string')
                collector.add(f.rel, r.value, f.abs);
            else if ('error' in r.value)
                collector.unreadable(f.rel, r.value.error);
            else {
                if (r.value.made)
                    collector.scanIndex?.record(r.value.scanned.path, r.value.made);
                const { scanned, print, bytes, spilled } = r.value;
                collector.addScanned(f.rel, scanned, f.abs, print, bytes, spilled);
            }
        });
        await lending;
    }
    finally {
        await feed.close();
    }
}

var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var tarStream = {};

var _default;
var hasRequired_default;

function require_default () {
	if (hasRequired_default) return _default;
	hasRequired_default = 1;
	_default = require$$0;
	return _default;
}

var fixedSize;
var hasRequiredFixedSize;

function requireFixedSize () {
	if (hasRequiredFixedSize) return fixedSize;
	hasRequiredFixedSize = 1;
	fixedSize = class FixedFIFO {
	  constructor (hwm) {
	    if (!(hwm > 0) || ((hwm - 1) & hwm) !== 0) throw new Error('Max size for a FixedFIFO should be a power of two')
	    this.buffer = new Array(hwm);
	    this.mask = hwm - 1;
	    this.top = 0;
	    this.btm = 0;
	    this.next = null;
	  }

	  clear () {
	    this.top = this.btm = 0;
	    this.next = null;
	    this.buffer.fill(undefined);
	  }

	  push (data) {
	    if (this.buffer[this.top] !== undefined) return false
	    this.buffer[this.top] = data;
	    this.top = (this.top + 1) & this.mask;
	    return true
	  }

	  shift () {
	    const last = this.buffer[this.btm];
	    if (last === undefined) return undefined
	    this.buffer[this.btm] = undefined;
	    this.btm = (this.btm + 1) & this.mask;
	    return last
	  }

	  peek () {
	    return this.buffer[this.btm]
	  }

	  isEmpty () {
	    return this.buffer[this.btm] === undefined
	  }
	};
	return fixedSize;
}

var fastFifo;
var hasRequiredFastFifo;

function requireFastFifo () {
	if (hasRequiredFastFifo) return fastFifo;
	hasRequiredFastFifo = 1;
	const FixedFIFO = requireFixedSize();

	fastFifo = class FastFIFO {
	  constructor (hwm) {
	    this.hwm = hwm || 16;
	    this.head = new FixedFIFO(this.hwm);
	    this.tail = this.head;
	    this.length = 0;
	  }

	  clear () {
	    this.head = this.tail;
	    this.head.clear();
	    this.length = 0;
	  }

	  push (val) {
	    this.length++;
	    if (!this.head.push(val)) {
	      const prev = this.head;
	      this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length);
	      this.head.push(val);
	    }
	  }

	  shift () {
	    if (this.length !== 0) this.length--;
	    const val = this.tail.shift();
	    if (val === undefined && this.tail.next) {
	      const next = this.tail.next;
	      this.tail.next = null;
	      this.tail = next;
	      return this.tail.shift()
	    }

	    return val
	  }

	  peek () {
	    const val = this.tail.peek();
	    if (val === undefined && this.tail.next) return this.tail.next.peek()
	    return val
	  }

	  isEmpty () {
	    return this.length === 0
	  }
	};
	return fastFifo;
}

var b4a;
var hasRequiredB4a;

function requireB4a () {
	if (hasRequiredB4a) return b4a;
	hasRequiredB4a = 1;
	function isBuffer(value) {
	  return Buffer.isBuffer(value) || value instanceof Uint8Array
	}

	function isEncoding(encoding) {
	  return Buffer.isEncoding(encoding)
	}

	function alloc(size, fill, encoding) {
	  return Buffer.alloc(size, fill, encoding)
	}

	function allocUnsafe(size) {
	  return Buffer.allocUnsafe(size)
	}

	function allocUnsafeSlow(size) {
	  return Buffer.allocUnsafeSlow(size)
	}

	function byteLength(string, encoding) {
	  return Buffer.byteLength(string, encoding)
	}

	function compare(a, b) {
	  return Buffer.compare(a, b)
	}

	function concat(buffers, totalLength) {
	  return Buffer.concat(buffers, totalLength)
	}

	function copy(source, target, targetStart, start, end) {
	  return toBuffer(source).copy(target, targetStart, start, end)
	}

	function equals(a, b) {
	  return toBuffer(a).equals(b)
	}

	function fill(buffer, value, offset, end, encoding) {
	  return toBuffer(buffer).fill(value, offset, end, encoding)
	}

	function from(value, encodingOrOffset, length) {
	  return Buffer.from(value, encodingOrOffset, length)
	}

	function includes(buffer, value, byteOffset, encoding) {
	  return toBuffer(buffer).includes(value, byteOffset, encoding)
	}

	function indexOf(buffer, value, byfeOffset, encoding) {
	  return toBuffer(buffer).indexOf(value, byfeOffset, encoding)
	}

	function lastIndexOf(buffer, value, byteOffset, encoding) {
	  return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding)
	}

	function swap16(buffer) {
	  return toBuffer(buffer).swap16()
	}

	function swap32(buffer) {
	  return toBuffer(buffer).swap32()
	}

	function swap64(buffer) {
	  return toBuffer(buffer).swap64()
	}

	function toBuffer(buffer) {
	  if (Buffer.isBuffer(buffer)) return buffer
	  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
	}

	function toString(buffer, encoding, start, end) {
	  return toBuffer(buffer).toString(encoding, start, end)
	}

	function toHex(buffer, start, end) {
	  return toBuffer(buffer).toString('hex', start, end)
	}

	function write(buffer, string, offset, length, encoding) {
	  return toBuffer(buffer).write(string, offset, length, encoding)
	}

	function readDoubleBE(buffer, offset) {
	  return toBuffer(buffer).readDoubleBE(offset)
	}

	function readDoubleLE(buffer, offset) {
	  return toBuffer(buffer).readDoubleLE(offset)
	}

	function readFloatBE(buffer, offset) {
	  return toBuffer(buffer).readFloatBE(offset)
	}

	function readFloatLE(buffer, offset) {
	  return toBuffer(buffer).readFloatLE(offset)
	}

	function readInt32BE(buffer, offset) {
	  return toBuffer(buffer).readInt32BE(offset)
	}

	function readInt32LE(buffer, offset) {
	  return toBuffer(buffer).readInt32LE(offset)
	}

	function readUInt32BE(buffer, offset) {
	  return toBuffer(buffer).readUInt32BE(offset)
	}

	function readUInt32LE(buffer, offset) {
	  return toBuffer(buffer).readUInt32LE(offset)
	}

	function writeDoubleBE(buffer, value, offset) {
	  return toBuffer(buffer).writeDoubleBE(value, offset)
	}

	function writeDoubleLE(buffer, value, offset) {
	  return toBuffer(buffer).writeDoubleLE(value, offset)
	}

	function writeFloatBE(buffer, value, offset) {
	  return toBuffer(buffer).writeFloatBE(value, offset)
	}

	function writeFloatLE(buffer, value, offset) {
	  return toBuffer(buffer).writeFloatLE(value, offset)
	}

	function writeInt32BE(buffer, value, offset) {
	  return toBuffer(buffer).writeInt32BE(value, offset)
	}

	function writeInt32LE(buffer, value, offset) {
	  return toBuffer(buffer).writeInt32LE(value, offset)
	}

	function writeUInt32BE(buffer, value, offset) {
	  return toBuffer(buffer).writeUInt32BE(value, offset)
	}

	function writeUInt32LE(buffer, value, offset) {
	  return toBuffer(buffer).writeUInt32LE(value, offset)
	}

	b4a = {
	  isBuffer,
	  isEncoding,
	  alloc,
	  allocUnsafe,
	  allocUnsafeSlow,
	  byteLength,
	  compare,
	  concat,
	  copy,
	  equals,
	  fill,
	  from,
	  includes,
	  indexOf,
	  lastIndexOf,
	  swap16,
	  swap32,
	  swap64,
	  toBuffer,
	  toString,
	  toHex,
	  write,
	  readDoubleBE,
	  readDoubleLE,
	  readFloatBE,
	  readFloatLE,
	  readInt32BE,
	  readInt32LE,
	  readUInt32BE,
	  readUInt32LE,
	  writeDoubleBE,
	  writeDoubleLE,
	  writeFloatBE,
	  writeFloatLE,
	  writeInt32BE,
	  writeInt32LE,
	  writeUInt32BE,
	  writeUInt32LE
	};
	return b4a;
}

var passThroughDecoder;
var hasRequiredPassThroughDecoder;

function requirePassThroughDecoder () {
	if (hasRequiredPassThroughDecoder) return passThroughDecoder;
	hasRequiredPassThroughDecoder = 1;
	const b4a = requireB4a();

	passThroughDecoder = class PassThroughDecoder {
	  constructor(encoding) {
	    this.encoding = encoding;
	  }

	  get remaining() {
	    return 0
	  }

	  decode(data) {
	    return b4a.toString(data, this.encoding)
	  }

	  flush() {
	    return ''
	  }
	};
	return passThroughDecoder;
}

var utf8Decoder;
var hasRequiredUtf8Decoder;

function requireUtf8Decoder () {
	if (hasRequiredUtf8Decoder) return utf8Decoder;
	hasRequiredUtf8Decoder = 1;
	const b4a = requireB4a();

	/**
	 * https://encoding.spec.whatwg.org/#utf-8-decoder
	 */
	utf8Decoder = class UTF8Decoder {
	  constructor() {
	    this._reset();
	  }

	  get remaining() {
	    return this.bytesSeen
	  }

	  decode(data) {
	    if (data.byteLength === 0) return ''

	    if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
	      this.bytesSeen = trailingBytesSeen(data);
	      return b4a.toString(data, 'utf8')
	    }

	    let result = '';
	    let start = 0;

	    if (this.bytesNeeded > 0) {
	      while (start < data.byteLength) {
	        const byte = data[start];

	        if (byte < this.lowerBoundary || byte > this.upperBoundary) {
	          result += '\ufffd';
	          this._reset();
	          break
	        }

	        this.lowerBoundary = 0x80;
	        this.upperBoundary = 0xbf;
	        this.codePoint = (this.codePoint << 6) | (byte & 0x3f);
	        this.bytesSeen++;
	        start++;

	        if (this.bytesSeen === this.bytesNeeded) {
	          result += String.fromCodePoint(this.codePoint);
	          this._reset();
	          break
	        }
	      }

	      if (this.bytesNeeded > 0) return result
	    }

	    const trailing = trailingIncomplete(data, start);
	    const end = data.byteLength - trailing;

	    if (end > start) result += b4a.toString(data, 'utf8', start, end);

	    for (let i = end; i < data.byteLength; i++) {
	      const byte = data[i];

	      if (this.bytesNeeded === 0) {
	        if (byte <= 0x7f) {
	          this.bytesSeen = 0;
	          result += String.fromCharCode(byte);
	        } else if (byte >= 0xc2 && byte <= 0xdf) {
	          this.bytesNeeded = 2;
	          this.bytesSeen = 1;
	          this.codePoint = byte & 0x1f;
	        } else if (byte >= 0xe0 && byte <= 0xef) {
	          if (byte === 0xe0) this.lowerBoundary = 0xa0;
	          else if (byte === 0xed) this.upperBoundary = 0x9f;
	          this.bytesNeeded = 3;
	          this.bytesSeen = 1;
	          this.codePoint = byte & 0xf;
	        } else if (byte >= 0xf0 && byte <= 0xf4) {
	          if (byte === 0xf0) this.lowerBoundary = 0x90;
	          else if (byte === 0xf4) this.upperBoundary = 0x8f;
	          this.bytesNeeded = 4;
	          this.bytesSeen = 1;
	          this.codePoint = byte & 0x7;
	        } else {
	          this.bytesSeen = 1;
	          result += '\ufffd';
	        }

	        continue
	      }

	      if (byte < this.lowerBoundary || byte > this.upperBoundary) {
	        result += '\ufffd';
	        i--;
	        this._reset();

	        continue
	      }

	      this.lowerBoundary = 0x80;
	      this.upperBoundary = 0xbf;

	      this.codePoint = (this.codePoint << 6) | (byte & 0x3f);
	      this.bytesSeen++;

	      if (this.bytesSeen === this.bytesNeeded) {
	        result += String.fromCodePoint(this.codePoint);
	        this._reset();
	      }
	    }

	    return result
	  }

	  flush() {
	    const result = this.bytesNeeded > 0 ? '\ufffd' : '';
	    this._reset();
	    return result
	  }

	  _reset() {
	    this.codePoint = 0;
	    this.bytesNeeded = 0;
	    this.bytesSeen = 0;
	    this.lowerBoundary = 0x80;
	    this.upperBoundary = 0xbf;
	  }
	};

	function trailingIncomplete(data, start) {
	  const len = data.byteLength;
	  if (len <= start) return 0

	  const limit = Math.max(start, len - 4);

	  let i = len - 1;
	  while (i > limit && (data[i] & 0xc0) === 0x80) i--;

	  if (i < start) return 0

	  const byte = data[i];

	  let needed;
	  if (byte <= 0x7f) return 0
	  if (byte >= 0xc2 && byte <= 0xdf) needed = 2;
	  else if (byte >= 0xe0 && byte <= 0xef) needed = 3;
	  else if (byte >= 0xf0 && byte <= 0xf4) needed = 4;
	  else return 0

	  const available = len - i;
	  return available < needed ? available : 0
	}

	function trailingBytesSeen(data) {
	  const len = data.byteLength;
	  if (len === 0) return 0

	  const last = data[len - 1];

	  if (last <= 0x7f) return 0
	  if ((last & 0xc0) !== 0x80) return 1

	  const limit = Math.max(0, len - 4);

	  let i = len - 2;
	  while (i >= limit && (data[i] & 0xc0) === 0x80) i--;

	  if (i < 0) return 1

	  const first = data[i];

	  let needed;
	  if (first >= 0xc2 && first <= 0xdf) needed = 2;
	  else if (first >= 0xe0 && first <= 0xef) needed = 3;
	  else if (first >= 0xf0 && first <= 0xf4) needed = 4;
	  else return 1

	  if (len - i !== needed) return 1

	  if (needed >= 3) {
	    const second = data[i + 1];
	    if (first === 0xe0 && second < 0xa0) return 1
	    if (first === 0xed && second > 0x9f) return 1
	    if (first === 0xf0 && second < 0x90) return 1
	    if (first === 0xf4 && second > 0x8f) return 1
	  }

	  return 0
	}
	return utf8Decoder;
}

var textDecoder;
var hasRequiredTextDecoder;

function requireTextDecoder () {
	if (hasRequiredTextDecoder) return textDecoder;
	hasRequiredTextDecoder = 1;
	const PassThroughDecoder = requirePassThroughDecoder();
	const UTF8Decoder = requireUtf8Decoder();

	textDecoder = class TextDecoder {
	  constructor(encoding = 'utf8') {
	    this.encoding = normalizeEncoding(encoding);

	    switch (this.encoding) {
	      case 'utf8':
	        this.decoder = new UTF8Decoder();
	        break
	      case 'utf16le':
	      case 'base64':
	        throw new Error('Unsupported encoding: ' + this.encoding)
	      default:
	        this.decoder = new PassThroughDecoder(this.encoding);
	    }
	  }

	  get remaining() {
	    return this.decoder.remaining
	  }

	  push(data) {
	    if (typeof data === 'string') return data
	    return this.decoder.decode(data)
	  }

	  // For Node.js compatibility
	  write(data) {
	    return this.push(data)
	  }

	  end(data) {
	    let result = '';
	    if (data) result = this.push(data);
	    result += this.decoder.flush();
	    return result
	  }
	};

	function normalizeEncoding(encoding) {
	  encoding = encoding.toLowerCase();

	  switch (encoding) {
	    case 'utf8':
	    case 'utf-8':
	      return 'utf8'
	    case 'ucs2':
	    case 'ucs-2':
	    case 'utf16le':
	    case 'utf-16le':
	      return 'utf16le'
	    case 'latin1':
	    case 'binary':
	      return 'latin1'
	    case 'base64':
	    case 'ascii':
	    case 'hex':
	      return encoding
	    default:
	      throw new Error('Unknown encoding: ' + encoding)
	  }
	}
	return textDecoder;
}

var errors$1;
var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors$1;
	hasRequiredErrors = 1;
	errors$1 = class StreamError extends Error {
	  constructor(msg, code, fn = StreamError) {
	    super(msg);

	    this.code = code;

	    if (Error.captureStackTrace) {
	      Error.captureStackTrace(this, fn);
	    }
	  }

	  static isStreamDestroyed(err) {
	    return err && err.code === 'STREAM_DESTROYED'
	  }

	  static isPrematureClose(err) {
	    return err && err.code === 'PREMATURE_CLOSE'
	  }

	  static isAborted(err) {
	    return err && err.code === 'ABORTED'
	  }

	  static isBadArgument(err) {
	    return err && err.code === 'BAD_ARGUMENT'
	  }

	  get name() {
	    return 'StreamError'
	  }

	  static STREAM_DESTROYED() {
	    return new StreamError('Stream was destroyed', 'STREAM_DESTROYED', StreamError.STREAM_DESTROYED)
	  }

	  static PREMATURE_CLOSE(msg = 'Premature close') {
	    return new StreamError(msg, 'PREMATURE_CLOSE', StreamError.PREMATURE_CLOSE)
	  }

	  static ABORTED() {
	    return new StreamError('Stream aborted', 'ABORTED', StreamError.ABORTED)
	  }

	  static BAD_ARGUMENT(msg = 'Bad argument') {
	    return new StreamError(msg, 'BAD_ARGUMENT', StreamError.BAD_ARGUMENT)
	  }
	};
	return errors$1;
}

var streamx;
var hasRequiredStreamx;

function requireStreamx () {
	if (hasRequiredStreamx) return streamx;
	hasRequiredStreamx = 1;
	const { EventEmitter } = require_default();
	const FIFO = requireFastFifo();
	const TextDecoder = requireTextDecoder();

	const StreamError = requireErrors();

	// if we do a future major, expect queue microtask to be there always, for now a bit defensive
	const qmt =
	  typeof queueMicrotask === 'undefined' ? (fn) => commonjsGlobal.process.nextTick(fn) : queueMicrotask;

	// 29 bits used total (4 from shared, 14 from read, and 11 from write)
	const MAX = (1 << 29) - 1;

	// Shared state
	const OPENING = 0b0001;
	const PREDESTROYING = 0b0010;
	const DESTROYING = 0b0100;
	const DESTROYED = 0b1000;

	const NOT_OPENING = MAX ^ OPENING;
	const NOT_PREDESTROYING = MAX ^ PREDESTROYING;

	// Read state (4 bit offset from shared state)
	const READ_ACTIVE = 0b00000000000001 << 4;
	const READ_UPDATING = 0b00000000000010 << 4;
	const READ_PRIMARY = 0b00000000000100 << 4;
	const READ_QUEUED = 0b00000000001000 << 4;
	const READ_RESUMED = 0b00000000010000 << 4;
	const READ_PIPE_DRAINED = 0b00000000100000 << 4;
	const READ_ENDING = 0b00000001000000 << 4;
	const READ_EMIT_DATA = 0b00000010000000 << 4;
	const READ_EMIT_READABLE = 0b00000100000000 << 4;
	const READ_EMITTED_READABLE = 0b00001000000000 << 4;
	const READ_DONE = 0b00010000000000 << 4;
	const READ_NEXT_TICK = 0b00100000000000 << 4;
	const READ_NEEDS_PUSH = 0b01000000000000 << 4;
	const READ_READ_AHEAD = 0b10000000000000 << 4;

	// Combined read state
	const READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED;
	const READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH;
	const READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE;
	const READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED;
	const READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD;

	const READ_NOT_ACTIVE = MAX ^ READ_ACTIVE;
	const READ_NON_PRIMARY = MAX ^ READ_PRIMARY;
	const READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH);
	const READ_PUSHED = MAX ^ READ_NEEDS_PUSH;
	const READ_PAUSED = MAX ^ READ_RESUMED;
	const READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE);
	const READ_NOT_ENDING = MAX ^ READ_ENDING;
	const READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING;
	const READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK;
	const READ_NOT_UPDATING = MAX ^ READ_UPDATING;
	const READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD;
	const READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD;

	// Write state (18 bit offset, 4 bit offset from shared state and 14 from read state)
	const WRITE_ACTIVE = 0b00000000001 << 18;
	const WRITE_UPDATING = 0b00000000010 << 18;
	const WRITE_PRIMARY = 0b00000000100 << 18;
	const WRITE_QUEUED = 0b00000001000 << 18;
	const WRITE_UNDRAINED = 0b00000010000 << 18;
	const WRITE_DONE = 0b00000100000 << 18;
	const WRITE_EMIT_DRAIN = 0b00001000000 << 18;
	const WRITE_NEXT_TICK = 0b00010000000 << 18;
	const WRITE_WRITING = 0b00100000000 << 18;
	const WRITE_FINISHING = 0b01000000000 << 18;
	const WRITE_CORKED = 0b10000000000 << 18;

	const WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING);
	const WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY;
	const WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING);
	const WRITE_DRAINED = MAX ^ WRITE_UNDRAINED;
	const WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED;
	const WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK;
	const WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING;
	const WRITE_NOT_CORKED = MAX ^ WRITE_CORKED;

	// Combined shared state
	const ACTIVE = READ_ACTIVE | WRITE_ACTIVE;
	const NOT_ACTIVE = MAX ^ ACTIVE;
	const DONE = READ_DONE | WRITE_DONE;
	const DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING;
	const OPEN_STATUS = DESTROY_STATUS | OPENING;
	const AUTO_DESTROY = DESTROY_STATUS | DONE;
	const NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY;
	const ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK;
	const TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE;
	const IS_OPENING = OPEN_STATUS | TICKING;

	// Combined shared state and read state
	const READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE;
	const READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED;
	const READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED;
	const READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE;
	const SHOULD_NOT_READ =
	  OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD;
	const READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE;
	const READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY;
	const READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING;

	// Combined write state
	const WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE;
	const WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED;
	const WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE;
	const WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE;
	const WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED;
	const WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE;
	const WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING;
	const WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE;
	const WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE;
	const WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY;
	const WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS;

	const asyncIterator = Symbol.asyncIterator || Symbol('asyncIterator');

	class WritableState {
	  constructor(
	    stream,
	    { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}
	  ) {
	    this.stream = stream;
	    this.queue = new FIFO();
	    this.highWaterMark = highWaterMark;
	    this.buffered = 0;
	    this.error = null;
	    this.pipeline = null;
	    this.drains = null; // if we add more seldomly used helpers we might them into a subobject so its a single ptr
	    this.byteLength = byteLengthWritable || byteLength || defaultByteLength;
	    this.map = mapWritable || map;
	    this.afterWrite = afterWrite.bind(this);
	    this.afterUpdateNextTick = updateWriteNT.bind(this);
	  }

	  get ending() {
	    return (this.stream._duplexState & WRITE_FINISHING) !== 0
	  }

	  get ended() {
	    return (this.stream._duplexState & WRITE_DONE) !== 0
	  }

	  push(data) {
	    if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false
	    if (this.map !== null) data = this.map(data);

	    this.buffered += this.byteLength(data);
	    this.queue.push(data);

	    if (this.buffered < this.highWaterMark) {
	      this.stream._duplexState |= WRITE_QUEUED;
	      return true
	    }

	    this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED;
	    return false
	  }

	  shift() {
	    const data = this.queue.shift();

	    this.buffered -= this.byteLength(data);
	    if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED;

	    return data
	  }

	  end(data) {
	    if (typeof data === 'function') {
	      this.stream.once('finish', data);
	    } else if (data !== undefined && data !== null) {
	      this.push(data);
	    }

	    this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY;
	  }

	  autoBatch(data, cb) {
	    const buffer = [];
	    const stream = this.stream;

	    buffer.push(data);
	    while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
	      buffer.push(stream._writableState.shift());
	    }

	    if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null)
	    stream._writev(buffer, cb);
	  }

	  update() {
	    const stream = this.stream;

	    stream._duplexState |= WRITE_UPDATING;

	    do {
	      while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
	        const data = this.shift();
	        stream._duplexState |= WRITE_ACTIVE_AND_WRITING;
	        stream._write(data, this.afterWrite);
	      }

	      if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary();
	    } while (this.continueUpdate() === true)

	    stream._duplexState &= WRITE_NOT_UPDATING;
	  }

	  updateNonPrimary() {
	    const stream = this.stream;

	    if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
	      stream._duplexState = stream._duplexState | WRITE_ACTIVE;
	      stream._final(afterFinal.bind(this));
	      return
	    }

	    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
	      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
	        stream._duplexState |= ACTIVE;
	        stream._destroy(afterDestroy.bind(this));
	      }
	      return
	    }

	    if ((stream._duplexState & IS_OPENING) === OPENING) {
	      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING;
	      stream._open(afterOpen.bind(this));
	    }
	  }

	  continueUpdate() {
	    if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false
	    this.stream._duplexState &= WRITE_NOT_NEXT_TICK;
	    return true
	  }

	  updateCallback() {
	    if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
	      this.update();
	    } else {
	      this.updateNextTick();
	    }
	  }

	  updateNextTick() {
	    if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return
	    this.stream._duplexState |= WRITE_NEXT_TICK;
	    if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick);
	  }
	}

	class ReadableState {
	  constructor(
	    stream,
	    { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}
	  ) {
	    this.stream = stream;
	    this.queue = new FIFO();
	    this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark;
	    this.buffered = 0;
	    this.readAhead = highWaterMark > 0;
	    this.error = null;
	    this.pipeline = null;
	    this.byteLength = byteLengthReadable || byteLength || defaultByteLength;
	    this.map = mapReadable || map;
	    this.pipeTo = null;
	    this.afterRead = afterRead.bind(this);
	    this.afterUpdateNextTick = updateReadNT.bind(this);
	  }

	  get ending() {
	    return (this.stream._duplexState & READ_ENDING) !== 0
	  }

	  get ended() {
	    return (this.stream._duplexState & READ_DONE) !== 0
	  }

	  pipe(pipeTo, cb) {
	    if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT('Can only pipe to one destination')
	    if (typeof cb !== 'function') cb = null;

	    this.stream._duplexState |= READ_PIPE_DRAINED;
	    this.pipeTo = pipeTo;
	    this.pipeline = new Pipeline(this.stream, pipeTo, cb);

	    if (cb) this.stream.on('error', noop); // We already error handle this so supress crashes

	    if (isStreamx(pipeTo)) {
	      pipeTo._writableState.pipeline = this.pipeline;
	      if (cb) pipeTo.on('error', noop); // We already error handle this so supress crashes
	      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline)); // TODO: just call finished from pipeTo itself
	    } else {
	      const onerror = this.pipeline.done.bind(this.pipeline, pipeTo);
	      const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null); // onclose has a weird bool arg
	      pipeTo.on('error', onerror);
	      pipeTo.on('close', onclose);
	      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline));
	    }

	    pipeTo.on('drain', afterDrain.bind(this));
	    this.stream.emit('piping', pipeTo);
	    pipeTo.emit('pipe', this.stream);
	  }

	  push(data) {
	    const stream = this.stream;

	    if (data === null) {
	      this.highWaterMark = 0;
	      stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED;
	      return false
	    }

	    if (this.map !== null) {
	      data = this.map(data);
	      if (data === null) {
	        stream._duplexState &= READ_PUSHED;
	        return this.buffered < this.highWaterMark
	      }
	    }

	    this.buffered += this.byteLength(data);
	    this.queue.push(data);

	    stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED;

	    return this.buffered < this.highWaterMark
	  }

	  shift() {
	    const data = this.queue.shift();

	    this.buffered -= this.byteLength(data);
	    if (this.buffered === 0) {
	      this.stream._duplexState &= READ_NOT_QUEUED;
	    }

	    return data
	  }

	  unshift(data) {
	    const pending = [this.map !== null ? this.map(data) : data];
	    while (this.buffered > 0) pending.push(this.shift());

	    for (let i = 0; i < pending.length - 1; i++) {
	      const data = pending[i];
	      this.buffered += this.byteLength(data);
	      this.queue.push(data);
	    }

	    this.push(pending[pending.length - 1]);
	  }

	  read() {
	    const stream = this.stream;

	    if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
	      const data = this.shift();

	      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
	        stream._duplexState &= READ_PIPE_NOT_DRAINED;
	      }

	      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
	        stream.emit('data', data);
	      }

	      return data
	    }

	    if (this.readAhead === false) {
	      stream._duplexState |= READ_READ_AHEAD;
	      this.updateNextTick();
	    }

	    return null
	  }

	  drain() {
	    const stream = this.stream;

	    while (
	      (stream._duplexState & READ_STATUS) === READ_QUEUED &&
	      (stream._duplexState & READ_FLOWING) !== 0
	    ) {
	      const data = this.shift();

	      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
	        stream._duplexState &= READ_PIPE_NOT_DRAINED;
	      }

	      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
	        stream.emit('data', data);
	      }
	    }
	  }

	  update() {
	    const stream = this.stream;

	    stream._duplexState |= READ_UPDATING;

	    do {
	      this.drain();

	      while (
	        this.buffered < this.highWaterMark &&
	        (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD
	      ) {
	        stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH;
	        stream._read(this.afterRead);
	        this.drain();
	      }

	      if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
	        stream._duplexState |= READ_EMITTED_READABLE;
	        stream.emit('readable');
	      }

	      if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
	        this.updateNonPrimary();
	      }
	    } while (this.continueUpdate() === true)

	    stream._duplexState &= READ_NOT_UPDATING;
	  }

	  updateNonPrimary() {
	    const stream = this.stream;

	    if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
	      stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING;
	      stream.emit('end');

	      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
	        stream._duplexState |= DESTROYING;
	      }

	      if (this.pipeTo !== null) {
	        this.pipeTo.end();
	      }
	    }

	    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
	      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
	        stream._duplexState |= ACTIVE;
	        stream._destroy(afterDestroy.bind(this));
	      }
	      return
	    }

	    if ((stream._duplexState & IS_OPENING) === OPENING) {
	      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING;
	      stream._open(afterOpen.bind(this));
	    }
	  }

	  continueUpdate() {
	    if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false
	    this.stream._duplexState &= READ_NOT_NEXT_TICK;
	    return true
	  }

	  updateCallback() {
	    if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
	      this.update();
	    } else {
	      this.updateNextTick();
	    }
	  }

	  updateNextTickIfOpen() {
	    if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return
	    this.stream._duplexState |= READ_NEXT_TICK;
	    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick);
	  }

	  updateNextTick() {
	    if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return
	    this.stream._duplexState |= READ_NEXT_TICK;
	    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick);
	  }
	}

	class TransformState {
	  constructor(stream) {
	    this.data = null;
	    this.afterTransform = afterTransform.bind(stream);
	    this.afterFinal = null;
	  }
	}

	class Pipeline {
	  constructor(src, dst, cb) {
	    this.from = src;
	    this.to = dst;
	    this.afterPipe = cb;
	    this.error = null;
	    this.pipeToFinished = false;
	  }

	  finished() {
	    this.pipeToFinished = true;
	  }

	  done(stream, err) {
	    if (err) this.error = err;

	    if (stream === this.to) {
	      this.to = null;

	      if (this.from !== null) {
	        if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
	          this.from.destroy(this.error || StreamError.PREMATURE_CLOSE('Writable stream closed'));
	        }
	        return
	      }
	    }

	    if (stream === this.from) {
	      this.from = null;

	      if (this.to !== null) {
	        if ((stream._duplexState & READ_DONE) === 0) {
	          this.to.destroy(this.error || StreamError.PREMATURE_CLOSE('Readable stream closed'));
	        }
	        return
	      }
	    }

	    if (this.afterPipe !== null) this.afterPipe(this.error);
	    this.to = this.from = this.afterPipe = null;
	  }
	}

	function afterDrain() {
	  this.stream._duplexState |= READ_PIPE_DRAINED;
	  this.updateCallback();
	}

	function afterFinal(err) {
	  const stream = this.stream;
	  if (err) stream.destroy(err);

	  if ((stream._duplexState & DESTROY_STATUS) === 0) {
	    stream._duplexState |= WRITE_DONE;
	    stream.emit('finish');
	  }

	  if ((stream._duplexState & AUTO_DESTROY) === DONE) {
	    stream._duplexState |= DESTROYING;
	  }

	  stream._duplexState &= WRITE_NOT_FINISHING;

	  // no need to wait the extra tick here, so we short circuit that
	  if ((stream._duplexState & WRITE_UPDATING) === 0) {
	    this.update();
	  } else {
	    this.updateNextTick();
	  }
	}

	function afterDestroy(err) {
	  const stream = this.stream;

	  if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error;
	  if (err) stream.emit('error', err);

	  stream._duplexState |= DESTROYED;
	  stream.emit('close');

	  const rs = stream._readableState;
	  const ws = stream._writableState;

	  if (rs !== null && rs.pipeline !== null) {
	    rs.pipeline.done(stream, err);
	  }

	  if (ws !== null) {
	    while (ws.drains !== null && ws.drains.length > 0) {
	      ws.drains.shift().resolve(false);
	    }

	    if (ws.pipeline !== null) {
	      ws.pipeline.done(stream, err);
	    }
	  }
	}

	function afterWrite(err) {
	  const stream = this.stream;

	  if (err) stream.destroy(err);
	  stream._duplexState &= WRITE_NOT_ACTIVE;

	  if (this.drains !== null) tickDrains(this.drains);

	  if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
	    stream._duplexState &= WRITE_DRAINED;

	    if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
	      stream.emit('drain');
	    }
	  }

	  this.updateCallback();
	}

	function afterRead(err) {
	  if (err) this.stream.destroy(err);
	  this.stream._duplexState &= READ_NOT_ACTIVE;

	  if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
	    this.stream._duplexState &= READ_NO_READ_AHEAD;
	  }

	  this.updateCallback();
	}

	function updateReadNT() {
	  if ((this.stream._duplexState & READ_UPDATING) === 0) {
	    this.stream._duplexState &= READ_NOT_NEXT_TICK;
	    this.update();
	  }
	}

	function updateWriteNT() {
	  if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
	    this.stream._duplexState &= WRITE_NOT_NEXT_TICK;
	    this.update();
	  }
	}

	function tickDrains(drains) {
	  for (let i = 0; i < drains.length; i++) {
	    // drains.writes are monotonic, so if one is 0 its always the first one
	    if (--drains[i].writes === 0) {
	      drains.shift().resolve(true);
	      i--;
	    }
	  }
	}

	function afterOpen(err) {
	  const stream = this.stream;

	  if (err) stream.destroy(err);

	  if ((stream._duplexState & DESTROYING) === 0) {
	    if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
	      stream._duplexState |= READ_PRIMARY;
	    }

	    if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
	      stream._duplexState |= WRITE_PRIMARY;
	    }

	    stream.emit('open');
	  }

	  stream._duplexState &= NOT_ACTIVE;

	  if (stream._writableState !== null) {
	    stream._writableState.updateCallback();
	  }

	  if (stream._readableState !== null) {
	    stream._readableState.updateCallback();
	  }
	}

	function afterTransform(err, data) {
	  if (data !== undefined && data !== null) this.push(data);
	  this._writableState.afterWrite(err);
	}

	function newListener(name) {
	  if (this._readableState !== null) {
	    if (name === 'data') {
	      this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD;
	      this._readableState.updateNextTick();
	    }
	    if (name === 'readable') {
	      this._duplexState |= READ_EMIT_READABLE;
	      this._readableState.updateNextTick();
	    }
	  }

	  if (this._writableState !== null) {
	    if (name === 'drain') {
	      this._duplexState |= WRITE_EMIT_DRAIN;
	      this._writableState.updateNextTick();
	    }
	  }
	}

	class Stream extends EventEmitter {
	  constructor(opts) {
	    super();

	    this._duplexState = 0;
	    this._readableState = null;
	    this._writableState = null;

	    if (opts) {
	      if (opts.open) this._open = opts.open;
	      if (opts.destroy) this._destroy = opts.destroy;
	      if (opts.predestroy) this._predestroy = opts.predestroy;
	      if (opts.signal) opts.signal.addEventListener('abort', abort.bind(this));
	    }

	    this.on('newListener', newListener);
	  }

	  _open(cb) {
	    cb(null);
	  }

	  _destroy(cb) {
	    cb(null);
	  }

	  _predestroy() {
	    // does nothing
	  }

	  get readable() {
	    return this._readableState !== null ? true : undefined
	  }

	  get writable() {
	    return this._writableState !== null ? true : undefined
	  }

	  get destroyed() {
	    return (this._duplexState & DESTROYED) !== 0
	  }

	  get destroying() {
	    return (this._duplexState & DESTROY_STATUS) !== 0
	  }

	  destroy(err) {
	    if ((this._duplexState & DESTROY_STATUS) === 0) {
	      if (!err) err = StreamError.STREAM_DESTROYED();
	      this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY;

	      if (this._readableState !== null) {
	        this._readableState.highWaterMark = 0;
	        this._readableState.error = err;
	      }

	      if (this._writableState !== null) {
	        this._writableState.highWaterMark = 0;
	        this._writableState.error = err;
	      }

	      this._duplexState |= PREDESTROYING;
	      this._predestroy();
	      this._duplexState &= NOT_PREDESTROYING;

	      if (this._readableState !== null) {
	        this._readableState.updateNextTick();
	      }

	      if (this._writableState !== null) {
	        this._writableState.updateNextTick();
	      }
	    }
	  }
	}

	class Readable extends Stream {
	  constructor(opts) {
	    super(opts);

	    this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD;
	    this._readableState = new ReadableState(this, opts);

	    if (opts) {
	      if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD;
	      if (opts.read) this._read = opts.read;
	      if (opts.eagerOpen) this._readableState.updateNextTick();
	      if (opts.encoding) this.setEncoding(opts.encoding);
	    }
	  }

	  static deferred(fn, opts) {
	    const out = new PassThrough(opts);

	    fn()
	      .then((src) => {
	        if (src === null) return out.end()
	        if (out.destroying) return
	        pipeline(src, out, noop);
	      })
	      .catch((err) => out.destroy(err));

	    return out
	  }

	  setEncoding(encoding) {
	    const dec = new TextDecoder(encoding);
	    const map = this._readableState.map || echo;
	    this._readableState.map = mapOrSkip;
	    return this

	    function mapOrSkip(data) {
	      const next = dec.push(data);
	      return next === '' && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next)
	    }
	  }

	  _read(cb) {
	    cb(null);
	  }

	  pipe(dest, cb) {
	    this._readableState.updateNextTick();
	    this._readableState.pipe(dest, cb);
	    return dest
	  }

	  read() {
	    this._readableState.updateNextTick();
	    return this._readableState.read()
	  }

	  push(data) {
	    this._readableState.updateNextTickIfOpen();
	    return this._readableState.push(data)
	  }

	  unshift(data) {
	    this._readableState.updateNextTickIfOpen();
	    return this._readableState.unshift(data)
	  }

	  resume() {
	    this._duplexState |= READ_RESUMED_READ_AHEAD;
	    this._readableState.updateNextTick();
	    return this
	  }

	  pause() {
	    this._duplexState &=
	      this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED;
	    return this
	  }

	  static _fromAsyncIterator(ite, opts) {
	    let destroy;

	    const rs = new Readable({
	      ...opts,
	      read(cb) {
	        ite.next().then(push).then(cb.bind(null, null)).catch(cb);
	      },
	      predestroy() {
	        destroy = ite.return();
	      },
	      destroy(cb) {
	        if (!destroy) return cb(null)
	        destroy.then(cb.bind(null, null)).catch(cb);
	      }
	    });

	    return rs

	    function push(data) {
	      if (data.done) rs.push(null);
	      else rs.push(data.value);
	    }
	  }

	  static from(data, opts) {
	    if (isReadStreamx(data)) return data
	    if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts)
	    if (!Array.isArray(data)) data = data === undefined ? [] : [data];

	    let i = 0;
	    return new Readable({
	      ...opts,
	      read(cb) {
	        this.push(i === data.length ? null : data[i++]);
	        cb(null);
	      }
	    })
	  }

	  static isBackpressured(rs) {
	    return (
	      (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 ||
	      rs._readableState.buffered >= rs._readableState.highWaterMark
	    )
	  }

	  static isPaused(rs) {
	    return (rs._duplexState & READ_RESUMED) === 0
	  }

	  [asyncIterator]() {
	    const stream = this;

	    let error = null;
	    let promiseResolve = null;
	    let promiseReject = null;

	    this.on('error', (err) => {
	      error = err;
	    });
	    this.on('readable', onreadable);
	    this.on('close', onclose);

	    return {
	      [asyncIterator]() {
	        return this
	      },
	      next() {
	        return new Promise(function (resolve, reject) {
	          promiseResolve = resolve;
	          promiseReject = reject;
	          const data = stream.read();
	          if (data !== null) ondata(data);
	          else if ((stream._duplexState & DESTROYED) !== 0) ondata(null);
	        })
	      },
	      return() {
	        return destroy(null)
	      },
	      throw(err) {
	        return destroy(err)
	      }
	    }

	    function onreadable() {
	      if (promiseResolve !== null) ondata(stream.read());
	    }

	    function onclose() {
	      if (promiseResolve !== null) ondata(null);
	    }

	    function ondata(data) {
	      if (promiseReject === null) return
	      if (error) {
	        promiseReject(error);
	      } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
	        promiseReject(StreamError.STREAM_DESTROYED());
	      } else {
	        promiseResolve({ value: data, done: data === null });
	      }
	      promiseReject = promiseResolve = null;
	    }

	    function destroy(err) {
	      stream.destroy(err);
	      return new Promise((resolve, reject) => {
	        if (stream._duplexState & DESTROYED) return resolve({ value: undefined, done: true })
	        stream.once('close', function () {
	          if (err) reject(err);
	          else resolve({ value: undefined, done: true });
	        });
	      })
	    }
	  }
	}

	class Writable extends Stream {
	  constructor(opts) {
	    super(opts);

	    this._duplexState |= OPENING | READ_DONE;
	    this._writableState = new WritableState(this, opts);

	    if (opts) {
	      if (opts.writev) this._writev = opts.writev;
	      if (opts.write) this._write = opts.write;
	      if (opts.final) this._final = opts.final;
	      if (opts.eagerOpen) this._writableState.updateNextTick();
	    }
	  }

	  cork() {
	    this._duplexState |= WRITE_CORKED;
	  }

	  uncork() {
	    this._duplexState &= WRITE_NOT_CORKED;
	    this._writableState.updateNextTick();
	  }

	  _writev(batch, cb) {
	    cb(null);
	  }

	  _write(data, cb) {
	    this._writableState.autoBatch(data, cb);
	  }

	  _final(cb) {
	    cb(null);
	  }

	  static isBackpressured(ws) {
	    return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0
	  }

	  static drained(ws) {
	    if (ws.destroyed) return Promise.resolve(false)

	    const state = ws._writableState;
	    const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length;
	    const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0);
	    if (writes === 0) return Promise.resolve(true)

	    if (state.drains === null) state.drains = [];
	    return new Promise((resolve) => {
	      state.drains.push({ writes, resolve });
	    })
	  }

	  write(data) {
	    this._writableState.updateNextTick();
	    return this._writableState.push(data)
	  }

	  end(data) {
	    this._writableState.updateNextTick();
	    this._writableState.end(data);
	    return this
	  }
	}

	class Duplex extends Readable {
	  // and Writable
	  constructor(opts) {
	    super(opts);

	    this._duplexState = OPENING | (this._duplexState & READ_READ_AHEAD);
	    this._writableState = new WritableState(this, opts);

	    if (opts) {
	      if (opts.writev) this._writev = opts.writev;
	      if (opts.write) this._write = opts.write;
	      if (opts.final) this._final = opts.final;
	    }
	  }

	  cork() {
	    this._duplexState |= WRITE_CORKED;
	  }

	  uncork() {
	    this._duplexState &= WRITE_NOT_CORKED;
	    this._writableState.updateNextTick();
	  }

	  _writev(batch, cb) {
	    cb(null);
	  }

	  _write(data, cb) {
	    this._writableState.autoBatch(data, cb);
	  }

	  _final(cb) {
	    cb(null);
	  }

	  write(data) {
	    this._writableState.updateNextTick();
	    return this._writableState.push(data)
	  }

	  end(data) {
	    this._writableState.updateNextTick();
	    this._writableState.end(data);
	    return this
	  }
	}

	class Transform extends Duplex {
	  constructor(opts) {
	    super(opts);
	    this._transformState = new TransformState(this);

	    if (opts) {
	      if (opts.transform) this._transform = opts.transform;
	      if (opts.flush) this._flush = opts.flush;
	    }
	  }

	  _write(data, cb) {
	    if (this._readableState.buffered >= this._readableState.highWaterMark) {
	      this._transformState.data = data;
	    } else {
	      this._transform(data, this._transformState.afterTransform);
	    }
	  }

	  _read(cb) {
	    if (this._transformState.data !== null) {
	      const data = this._transformState.data;
	      this._transformState.data = null;
	      cb(null);
	      this._transform(data, this._transformState.afterTransform);
	    } else {
	      cb(null);
	    }
	  }

	  destroy(err) {
	    super.destroy(err);
	    if (this._transformState.data !== null) {
	      this._transformState.data = null;
	      this._transformState.afterTransform();
	    }
	  }

	  _transform(data, cb) {
	    cb(null, data);
	  }

	  _flush(cb) {
	    cb(null);
	  }

	  _final(cb) {
	    this._transformState.afterFinal = cb;
	    this._flush(transformAfterFlush.bind(this));
	  }
	}

	class PassThrough extends Transform {}

	function transformAfterFlush(err, data) {
	  const cb = this._transformState.afterFinal;
	  if (err) return cb(err)

	  if (data !== null && data !== undefined) this.push(data);
	  this.push(null);
	  cb(null);
	}

	function pipelinePromise(...streams) {
	  return new Promise((resolve, reject) => {
	    return pipeline(...streams, (err) => {
	      if (err) return reject(err)
	      resolve();
	    })
	  })
	}

	function pipeline(stream, ...streams) {
	  const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams];
	  const done = all.length && typeof all[all.length - 1] === 'function' ? all.pop() : null;

	  if (all.length < 2) throw StreamError.BAD_ARGUMENT('Pipeline requires at least 2 streams')

	  let src = all[0];
	  let dest = null;
	  let error = null;

	  for (let i = 1; i < all.length; i++) {
	    dest = all[i];

	    if (isStreamx(src)) {
	      src.pipe(dest, onerror);
	    } else {
	      errorHandle(src, true, i > 1, onerror);
	      src.pipe(dest);
	    }

	    src = dest;
	  }

	  if (done) {
	    let fin = false;

	    const autoDestroy =
	      isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy);

	    dest.on('error', (err) => {
	      if (error === null) error = err;
	    });

	    dest.on('finish', () => {
	      fin = true;
	      if (!autoDestroy) done(error);
	    });

	    if (autoDestroy) {
	      dest.on('close', () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())));
	    }
	  }

	  return dest

	  function errorHandle(s, rd, wr, onerror) {
	    s.on('error', onerror);
	    s.on('close', onclose);

	    function onclose() {
	      if (s._readableState && !s._readableState.ended) {
	        return onerror(StreamError.PREMATURE_CLOSE())
	      }
	      if (wr && s._writableState && !s._writableState.ended) {
	        return onerror(StreamError.PREMATURE_CLOSE())
	      }
	    }
	  }

	  function onerror(err) {
	    if (!err || error) return
	    error = err;

	    for (const s of all) {
	      s.destroy(err);
	    }
	  }
	}

	function echo(s) {
	  return s
	}

	function isStream(stream) {
	  return !!stream._readableState || !!stream._writableState
	}

	function isStreamx(stream) {
	  return typeof stream._duplexState === 'number' && isStream(stream)
	}

	function isEnding(stream) {
	  return !!stream._readableState && stream._readableState.ending
	}

	function isEnded(stream) {
	  return !!stream._readableState && stream._readableState.ended
	}

	function isFinishing(stream) {
	  return !!stream._writableState && stream._writableState.ending
	}

	function isFinished(stream) {
	  return !!stream._writableState && stream._writableState.ended
	}

	function getStreamError(stream, opts = {}) {
	  const err =
	    (stream._readableState && stream._readableState.error) ||
	    (stream._writableState && stream._writableState.error);

	  // avoid implicit errors by default
	  return !opts.all && StreamError.isStreamDestroyed(err) ? null : err
	}

	function isReadStreamx(stream) {
	  return isStreamx(stream) && stream.readable
	}

	function isDisturbed(stream) {
	  return (
	    (stream._duplexState & OPENING) !== OPENING ||
	    (stream._duplexState & DESTROYING) === DESTROYING ||
	    (stream._duplexState & ACTIVE_OR_TICKING) !== 0
	  )
	}

	function isTypedArray(data) {
	  return typeof data === 'object' && data !== null && typeof data.byteLength === 'number'
	}

	function defaultByteLength(data) {
	  return isTypedArray(data) ? data.byteLength : 1024
	}

	function noop() {}

	function abort() {
	  this.destroy(StreamError.ABORTED());
	}

	function isWritev(s) {
	  return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev
	}

	streamx = {
	  pipeline,
	  pipelinePromise,
	  isStream,
	  isStreamx,
	  isEnding,
	  isEnded,
	  isFinishing,
	  isFinished,
	  isDisturbed,
	  getStreamError,
	  Stream,
	  Writable,
	  Readable,
	  Duplex,
	  Transform,
	  // Export PassThrough for compatibility with Node.js core's stream module
	  PassThrough
	};
	return streamx;
}

var headers = {};

var hasRequiredHeaders;

function requireHeaders () {
	if (hasRequiredHeaders) return headers;
	hasRequiredHeaders = 1;
	const b4a = requireB4a();

	const ZEROS = '0000000000000000000';
	const SEVENS = '7777777777777777777';
	const ZERO_OFFSET = '0'.charCodeAt(0);
	const USTAR_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00]); // ustar\x00
	const USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET]);
	const GNU_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x20]); // ustar\x20
	const GNU_VER = b4a.from([0x20, 0x00]);
	const MASK = 0o7777;
	const MAGIC_OFFSET = 257;
	const VERSION_OFFSET = 263;

	headers.decodeLongPath = function decodeLongPath (buf, encoding) {
	  return decodeStr(buf, 0, buf.length, encoding)
	};

	headers.encodePax = function encodePax (opts) { // TODO: encode more stuff in pax
	  let result = '';
	  if (opts.name) result += addLength(' path=' + opts.name + '\n');
	  if (opts.linkname) result += addLength(' linkpath=' + opts.linkname + '\n');
	  const pax = opts.pax;
	  if (pax) {
	    for (const key in pax) {
	      result += addLength(' ' + key + '=' + pax[key] + '\n');
	    }
	  }
	  return b4a.from(result)
	};

	headers.decodePax = function decodePax (buf) {
	  const result = {};

	  while (buf.length) {
	    let i = 0;
	    while (i < buf.length && buf[i] !== 32) i++;
	    const len = parseInt(b4a.toString(buf.subarray(0, i)), 10);
	    if (!len) return result

	    const b = b4a.toString(buf.subarray(i + 1, len - 1));
	    const keyIndex = b.indexOf('=');
	    if (keyIndex === -1) return result
	    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1);

	    buf = buf.subarray(len);
	  }

	  return result
	};

	headers.encode = function encode (opts) {
	  const buf = b4a.alloc(512);
	  let name = opts.name;
	  let prefix = '';

	  if (opts.typeflag === 5 && name[name.length - 1] !== '/') name += '/';
	  if (b4a.byteLength(name) !== name.length) return null // utf-8

	  while (b4a.byteLength(name) > 100) {
	    const i = name.indexOf('/');
	    if (i === -1) return null
	    prefix += prefix ? '/' + name.slice(0, i) : name.slice(0, i);
	    name = name.slice(i + 1);
	  }

	  if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null
	  if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null

	  b4a.write(buf, name);
	  b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100);
	  b4a.write(buf, encodeOct(opts.uid, 6), 108);
	  b4a.write(buf, encodeOct(opts.gid, 6), 116);
	  encodeSize(opts.size, buf, 124);
	  b4a.write(buf, encodeOct((opts.mtime.getTime() / 1000) | 0, 11), 136);

	  buf[156] = ZERO_OFFSET + toTypeflag(opts.type);

	  if (opts.linkname) b4a.write(buf, opts.linkname, 157);

	  b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET);
	  b4a.copy(USTAR_VER, buf, VERSION_OFFSET);
	  if (opts.uname) b4a.write(buf, opts.uname, 265);
	  if (opts.gname) b4a.write(buf, opts.gname, 297);
	  b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329);
	  b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337);

	  if (prefix) b4a.write(buf, prefix, 345);

	  b4a.write(buf, encodeOct(cksum(buf), 6), 148);

	  return buf
	};

	headers.decode = function decode (buf, filenameEncoding, allowUnknownFormat) {
	  let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET;

	  let name = decodeStr(buf, 0, 100, filenameEncoding);
	  const mode = decodeOct(buf, 100, 8);
	  const uid = decodeOct(buf, 108, 8);
	  const gid = decodeOct(buf, 116, 8);
	  const size = decodeOct(buf, 124, 12);
	  const mtime = decodeOct(buf, 136, 12);
	  const type = toType(typeflag);
	  const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding);
	  const uname = decodeStr(buf, 265, 32);
	  const gname = decodeStr(buf, 297, 32);
	  const devmajor = decodeOct(buf, 329, 8);
	  const devminor = decodeOct(buf, 337, 8);

	  const c = cksum(buf);

	  // checksum is still initial value if header was null.
	  if (c === 8 * 32) return null

	  // valid checksum
	  if (c !== decodeOct(buf, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?')

	  if (isUSTAR(buf)) {
	    // ustar (posix) format.
	    // prepend prefix, if present.
	    if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + '/' + name;
	  } else if (isGNU(buf)) ; else {
	    if (!allowUnknownFormat) {
	      throw new Error('Invalid tar header: unknown format.')
	    }
	  }

	  // to support old tar versions that use trailing / to indicate dirs
	  if (typeflag === 0 && name && name[name.length - 1] === '/') typeflag = 5;

	  return {
	    name,
	    mode,
	    uid,
	    gid,
	    size,
	    byteOffset: 0,
	    mtime: new Date(1000 * mtime),
	    type,
	    linkname,
	    uname,
	    gname,
	    devmajor,
	    devminor,
	    pax: null
	  }
	};

	function isUSTAR (buf) {
	  return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6))
	}

	function isGNU (buf) {
	  return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) &&
	    b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2))
	}

	function clamp (index, len, defaultValue) {
	  if (typeof index !== 'number') return defaultValue
	  index = ~~index; // Coerce to integer.
	  if (index >= len) return len
	  if (index >= 0) return index
	  index += len;
	  if (index >= 0) return index
	  return 0
	}

	function toType (flag) {
	  switch (flag) {
	    case 0:
	      return 'file'
	    case 1:
	      return 'link'
	    case 2:
	      return 'symlink'
	    case 3:
	      return 'character-device'
	    case 4:
	      return 'block-device'
	    case 5:
	      return 'directory'
	    case 6:
	      return 'fifo'
	    case 7:
	      return 'contiguous-file'
	    case 72:
	      return 'pax-header'
	    case 55:
	      return 'pax-global-header'
	    case 27:
	      return 'gnu-long-link-path'
	    case 28:
	    case 30:
	      return 'gnu-long-path'
	  }

	  return null
	}

	function toTypeflag (flag) {
	  switch (flag) {
	    case 'file':
	      return 0
	    case 'link':
	      return 1
	    case 'symlink':
	      return 2
	    case 'character-device':
	      return 3
	    case 'block-device':
	      return 4
	    case 'directory':
	      return 5
	    case 'fifo':
	      return 6
	    case 'contiguous-file':
	      return 7
	    case 'pax-header':
	      return 72
	  }

	  return 0
	}

	function indexOf (block, num, offset, end) {
	  for (; offset < end; offset++) {
	    if (block[offset] === num) return offset
	  }
	  return end
	}

	function cksum (block) {
	  let sum = 8 * 32;
	  for (let i = 0; i < 148; i++) sum += block[i];
	  for (let j = 156; j < 512; j++) sum += block[j];
	  return sum
	}

	function encodeOct (val, n) {
	  val = val.toString(8);
	  if (val.length > n) return SEVENS.slice(0, n) + ' '
	  return ZEROS.slice(0, n - val.length) + val + ' '
	}

	function encodeSizeBin (num, buf, off) {
	  buf[off] = 0x80;
	  for (let i = 11; i > 0; i--) {
	    buf[off + i] = num & 0xff;
	    num = Math.floor(num / 0x100);
	  }
	}

	function encodeSize (num, buf, off) {
	  if (num.toString(8).length > 11) {
	    encodeSizeBin(num, buf, off);
	  } else {
	    b4a.write(buf, encodeOct(num, 11), off);
	  }
	}

	/* Copied from the node-tar repo and modified to meet
	 * tar-stream coding standard.
	 *
	 * Source: https://github.com/npm/node-tar/blob/51b6627a1f357d2eb433e7378e5f05e83b7aa6cd/lib/header.js#L349
	 */
	function parse256 (buf) {
	  // first byte MUST be either 80 or FF
	  // 80 for positive, FF for 2's comp
	  let positive;
	  if (buf[0] === 0x80) positive = true;
	  else if (buf[0] === 0xFF) positive = false;
	  else return null

	  // build up a base-256 tuple from the least sig to the highest
	  const tuple = [];
	  let i;
	  for (i = buf.length - 1; i > 0; i--) {
	    const byte = buf[i];
	    if (positive) tuple.push(byte);
	    else tuple.push(0xFF - byte);
	  }

	  let sum = 0;
	  const l = tuple.length;
	  for (i = 0; i < l; i++) {
	    sum += tuple[i] * Math.pow(256, i);
	  }

	  return positive ? sum : -1 * sum
	}

	function decodeOct (val, offset, length) {
	  val = val.subarray(offset, offset + length);
	  offset = 0;

	  // If prefixed with 0x80 then parse as a base-256 integer
	  if (val[offset] & 0x80) {
	    return parse256(val)
	  } else {
	    // Older versions of tar can prefix with spaces
	    while (offset < val.length && val[offset] === 32) offset++;
	    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length);
	    while (offset < end && val[offset] === 0) offset++;
	    if (end === offset) return 0
	    return parseInt(b4a.toString(val.subarray(offset, end)), 8)
	  }
	}

	function decodeStr (val, offset, length, encoding) {
	  return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding)
	}

	function addLength (str) {
	  const len = b4a.byteLength(str);
	  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1;
	  if (len + digits >= Math.pow(10, digits)) digits++;

	  return (len + digits) + str
	}
	return headers;
}

var extract;
var hasRequiredExtract;

function requireExtract () {
	if (hasRequiredExtract) return extract;
	hasRequiredExtract = 1;
	const { Writable, Readable, getStreamError } = requireStreamx();
	const FIFO = requireFastFifo();
	const b4a = requireB4a();
	const headers = requireHeaders();

	const EMPTY = b4a.alloc(0);
	const MAX_HEADER_SIZE = 4 * 1024 * 1024; // arbitrary big number

	class BufferList {
	  constructor () {
	    this.buffered = 0;
	    this.shifted = 0;
	    this.queue = new FIFO();

	    this._offset = 0;
	  }

	  push (buffer) {
	    this.buffered += buffer.byteLength;
	    this.queue.push(buffer);
	  }

	  shiftFirst (size) {
	    return this.buffered === 0 ? null : this._next(size)
	  }

	  shift (size) {
	    if (size > this.buffered) return null
	    if (size === 0) return EMPTY

	    let chunk = this._next(size);

	    if (size === chunk.byteLength) return chunk // likely case

	    const chunks = [chunk];

	    while ((size -= chunk.byteLength) > 0) {
	      chunk = this._next(size);
	      chunks.push(chunk);
	    }

	    return b4a.concat(chunks)
	  }

	  _next (size) {
	    const buf = this.queue.peek();
	    const rem = buf.byteLength - this._offset;

	    if (size >= rem) {
	      const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf;
	      this.queue.shift();
	      this._offset = 0;
	      this.buffered -= rem;
	      this.shifted += rem;
	      return sub
	    }

	    this.buffered -= size;
	    this.shifted += size;

	    return buf.subarray(this._offset, (this._offset += size))
	  }
	}

	class Source extends Readable {
	  constructor (self, header, offset) {
	    super();

	    this.header = header;
	    this.offset = offset;

	    this._parent = self;
	  }

	  _read (cb) {
	    if (this.header.size === 0) {
	      this.push(null);
	    }
	    if (this._parent._stream === this) {
	      this._parent._update();
	    }
	    cb(null);
	  }

	  _predestroy () {
	    this._parent.destroy(getStreamError(this));
	  }

	  _detach () {
	    if (this._parent._stream === this) {
	      this._parent._stream = null;
	      this._parent._missing = overflow(this.header.size);
	      this._parent._update();
	    }
	  }

	  _destroy (cb) {
	    this._detach();
	    cb(null);
	  }
	}

	class Extract extends Writable {
	  constructor (opts) {
	    super(opts);

	    if (!opts) opts = {};

	    this._buffer = new BufferList();
	    this._offset = 0;
	    this._header = null;
	    this._stream = null;
	    this._missing = 0;
	    this._longHeader = false;
	    this._callback = noop;
	    this._locked = false;
	    this._finished = false;
	    this._pax = null;
	    this._paxGlobal = null;
	    this._gnuLongPath = null;
	    this._gnuLongLinkPath = null;
	    this._filenameEncoding = opts.filenameEncoding || 'utf-8';
	    this._allowUnknownFormat = !!opts.allowUnknownFormat;
	    this._unlockBound = this._unlock.bind(this);
	  }

	  _unlock (err) {
	    this._locked = false;

	    if (err) {
	      this.destroy(err);
	      this._continueWrite(err);
	      return
	    }

	    this._update();
	  }

	  _consumeHeader () {
	    if (this._locked) return false

	    this._offset = this._buffer.shifted;

	    try {
	      this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat);
	    } catch (err) {
	      this._continueWrite(err);
	      return false
	    }

	    if (!this._header) return true

	    this._header.byteOffset = this._buffer.shifted;

	    switch (this._header.type) {
	      case 'gnu-long-path':
	      case 'gnu-long-link-path':
	      case 'pax-global-header':
	      case 'pax-header':
	        this._longHeader = true;
	        this._missing = this._header.size;
	        if (this._missing > MAX_HEADER_SIZE) {
	          this._continueWrite(new Error('Header exceeds max size'));
	          return false
	        }
	        return true
	    }

	    this._locked = true;
	    this._applyLongHeaders();

	    if (!(this._header.size >= 0)) {
	      this._continueWrite(new Error('Invalid header'));
	      return false
	    }

	    if (this._header.size === 0 || this._header.type === 'directory') {
	      this.emit('entry', this._header, this._createStream(), this._unlockBound);
	      return true
	    }

	    this._stream = this._createStream();
	    this._missing = this._header.size;

	    this.emit('entry', this._header, this._stream, this._unlockBound);
	    return true
	  }

	  _applyLongHeaders () {
	    if (this._gnuLongPath) {
	      this._header.name = this._gnuLongPath;
	      this._gnuLongPath = null;
	    }

	    if (this._gnuLongLinkPath) {
	      this._header.linkname = this._gnuLongLinkPath;
	      this._gnuLongLinkPath = null;
	    }

	    if (this._pax) {
	      if (this._pax.path) this._header.name = this._pax.path;
	      if (this._pax.linkpath) this._header.linkname = this._pax.linkpath;
	      if (this._pax.size) this._header.size = parseInt(this._pax.size, 10);
	      this._header.pax = this._pax;
	      this._pax = null;
	    }
	  }

	  _decodeLongHeader (buf) {
	    switch (this._header.type) {
	      case 'gnu-long-path':
	        this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding);
	        break
	      case 'gnu-long-link-path':
	        this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding);
	        break
	      case 'pax-global-header':
	        this._paxGlobal = headers.decodePax(buf);
	        break
	      case 'pax-header':
	        this._pax = this._paxGlobal === null
	          ? headers.decodePax(buf)
	          : Object.assign({}, this._paxGlobal, headers.decodePax(buf));
	        break
	    }
	  }

	  _consumeLongHeader () {
	    this._longHeader = false;
	    this._missing = overflow(this._header.size);

	    const buf = this._buffer.shift(this._header.size);

	    try {
	      this._decodeLongHeader(buf);
	    } catch (err) {
	      this._continueWrite(err);
	      return false
	    }

	    return true
	  }

	  _consumeStream () {
	    const buf = this._buffer.shiftFirst(this._missing);
	    if (buf === null) return false

	    this._missing -= buf.byteLength;
	    const drained = this._stream.push(buf);

	    if (this._missing === 0) {
	      this._stream.push(null);
	      if (drained) this._stream._detach();
	      return drained && this._locked === false
	    }

	    return drained
	  }

	  _createStream () {
	    return new Source(this, this._header, this._offset)
	  }

	  _update () {
	    while (this._buffer.buffered > 0 && !this.destroying) {
	      if (this._missing > 0) {
	        if (this._stream !== null) {
	          if (this._consumeStream() === false) return
	          continue
	        }

	        if (this._longHeader === true) {
	          if (this._missing > this._buffer.buffered) break
	          if (this._consumeLongHeader() === false) return false
	          continue
	        }

	        const ignore = this._buffer.shiftFirst(this._missing);
	        if (ignore !== null) this._missing -= ignore.byteLength;
	        continue
	      }

	      if (this._buffer.buffered < 512) break
	      if (this._stream !== null || this._consumeHeader() === false) return
	    }

	    this._continueWrite(null);
	  }

	  _continueWrite (err) {
	    const cb = this._callback;
	    this._callback = noop;
	    cb(err);
	  }

	  _write (data, cb) {
	    this._callback = cb;
	    this._buffer.push(data);
	    this._update();
	  }

	  _final (cb) {
	    this._finished = this._missing === 0 && this._buffer.buffered === 0;
	    cb(this._finished ? null : new Error('Unexpected end of data'));
	  }

	  _predestroy () {
	    this._continueWrite(null);
	  }

	  _destroy (cb) {
	    if (this._stream) this._stream.destroy(getStreamError(this));
	    cb(null);
	  }

	  [Symbol.asyncIterator] () {
	    let error = null;

	    let promiseResolve = null;
	    let promiseReject = null;

	    let entryStream = null;
	    let entryCallback = null;

	    const extract = this;

	    this.on('entry', onentry);
	    this.on('error', (err) => { error = err; });
	    this.on('close', onclose);

	    return {
	      [Symbol.asyncIterator] () {
	        return this
	      },
	      next () {
	        return new Promise(onnext)
	      },
	      return () {
	        return destroy(null)
	      },
	      throw (err) {
	        return destroy(err)
	      }
	    }

	    function consumeCallback (err) {
	      if (!entryCallback) return
	      const cb = entryCallback;
	      entryCallback = null;
	      cb(err);
	    }

	    function onnext (resolve, reject) {
	      if (error) {
	        return reject(error)
	      }

	      if (entryStream) {
	        resolve({ value: entryStream, done: false });
	        entryStream = null;
	        return
	      }

	      promiseResolve = resolve;
	      promiseReject = reject;

	      consumeCallback(null);

	      if (extract._finished && promiseResolve) {
	        promiseResolve({ value: undefined, done: true });
	        promiseResolve = promiseReject = null;
	      }
	    }

	    function onentry (header, stream, callback) {
	      entryCallback = callback;
	      stream.on('error', noop); // no way around this due to tick sillyness

	      if (promiseResolve) {
	        promiseResolve({ value: stream, done: false });
	        promiseResolve = promiseReject = null;
	      } else {
	        entryStream = stream;
	      }
	    }

	    function onclose () {
	      consumeCallback(error);
	      if (!promiseResolve) return
	      if (error) promiseReject(error);
	      else promiseResolve({ value: undefined, done: true });
	      promiseResolve = promiseReject = null;
	    }

	    function destroy (err) {
	      extract.destroy(err);
	      consumeCallback(err);
	      return new Promise((resolve, reject) => {
	        if (extract.destroyed) return resolve({ value: undefined, done: true })
	        extract.once('close', function () {
	          if (err) reject(err);
	          else resolve({ value: undefined, done: true });
	        });
	      })
	    }
	  }
	}

	extract = function extract (opts) {
	  return new Extract(opts)
	};

	function noop () {}

	function overflow (size) {
	  size &= 511;
	  return size && 512 - size
	}
	return extract;
}

var constants = {exports: {}};

var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants.exports;
	hasRequiredConstants = 1;
	const constants$1 = { // just for envs without fs
	  S_IFMT: 61440,
	  S_IFDIR: 16384,
	  S_IFCHR: 8192,
	  S_IFBLK: 24576,
	  S_IFIFO: 4096,
	  S_IFLNK: 40960
	};

	try {
	  constants.exports = require('fs').constants || constants$1;
	} catch {
	  constants.exports = constants$1;
	}
	return constants.exports;
}

var pack;
var hasRequiredPack;

function requirePack () {
	if (hasRequiredPack) return pack;
	hasRequiredPack = 1;
	const { Readable, Writable, getStreamError } = requireStreamx();
	const b4a = requireB4a();

	const constants = requireConstants();
	const headers = requireHeaders();

	const DMODE = 0o755;
	const FMODE = 0o644;

	const END_OF_TAR = b4a.alloc(1024);

	class Sink extends Writable {
	  constructor (pack, header, callback) {
	    super({ mapWritable, eagerOpen: true });

	    this.written = 0;
	    this.header = header;

	    this._callback = callback;
	    this._linkname = null;
	    this._isLinkname = header.type === 'symlink' && !header.linkname;
	    this._isVoid = header.type !== 'file' && header.type !== 'contiguous-file';
	    this._finished = false;
	    this._pack = pack;
	    this._openCallback = null;

	    if (this._pack._stream === null) this._pack._stream = this;
	    else this._pack._pending.push(this);
	  }

	  _open (cb) {
	    this._openCallback = cb;
	    if (this._pack._stream === this) this._continueOpen();
	  }

	  _continuePack (err) {
	    if (this._callback === null) return

	    const callback = this._callback;
	    this._callback = null;

	    callback(err);
	  }

	  _continueOpen () {
	    if (this._pack._stream === null) this._pack._stream = this;

	    const cb = this._openCallback;
	    this._openCallback = null;
	    if (cb === null) return

	    if (this._pack.destroying) return cb(new Error('pack stream destroyed'))
	    if (this._pack._finalized) return cb(new Error('pack stream is already finalized'))

	    this._pack._stream = this;

	    if (!this._isLinkname) {
	      this._pack._encode(this.header);
	    }

	    if (this._isVoid) {
	      this._finish();
	      this._continuePack(null);
	    }

	    cb(null);
	  }

	  _write (data, cb) {
	    if (this._isLinkname) {
	      this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data;
	      return cb(null)
	    }

	    if (this._isVoid) {
	      if (data.byteLength > 0) {
	        return cb(new Error('No body allowed for this entry'))
	      }
	      return cb()
	    }

	    this.written += data.byteLength;
	    if (this._pack.push(data)) return cb()
	    this._pack._drain = cb;
	  }

	  _finish () {
	    if (this._finished) return
	    this._finished = true;

	    if (this._isLinkname) {
	      this.header.linkname = this._linkname ? b4a.toString(this._linkname, 'utf-8') : '';
	      this._pack._encode(this.header);
	    }

	    overflow(this._pack, this.header.size);

	    this._pack._done(this);
	  }

	  _final (cb) {
	    if (this.written !== this.header.size) { // corrupting tar
	      return cb(new Error('Size mismatch'))
	    }

	    this._finish();
	    cb(null);
	  }

	  _getError () {
	    return getStreamError(this) || new Error('tar entry destroyed')
	  }

	  _predestroy () {
	    this._pack.destroy(this._getError());
	  }

	  _destroy (cb) {
	    this._pack._done(this);

	    this._continuePack(this._finished ? null : this._getError());

	    cb();
	  }
	}

	class Pack extends Readable {
	  constructor (opts) {
	    super(opts);
	    this._drain = noop;
	    this._finalized = false;
	    this._finalizing = false;
	    this._pending = [];
	    this._stream = null;
	  }

	  entry (header, buffer, callback) {
	    if (this._finalized || this.destroying) throw new Error('already finalized or destroyed')

	    if (typeof buffer === 'function') {
	      callback = buffer;
	      buffer = null;
	    }

	    if (!callback) callback = noop;

	    if (!header.size || header.type === 'symlink') header.size = 0;
	    if (!header.type) header.type = modeToType(header.mode);
	    if (!header.mode) header.mode = header.type === 'directory' ? DMODE : FMODE;
	    if (!header.uid) header.uid = 0;
	    if (!header.gid) header.gid = 0;
	    if (!header.mtime) header.mtime = new Date();

	    if (typeof buffer === 'string') buffer = b4a.from(buffer);

	    const sink = new Sink(this, header, callback);

	    if (b4a.isBuffer(buffer)) {
	      header.size = buffer.byteLength;
	      sink.write(buffer);
	      sink.end();
	      return sink
	    }

	    if (sink._isVoid) {
	      return sink
	    }

	    return sink
	  }

	  finalize () {
	    if (this._stream || this._pending.length > 0) {
	      this._finalizing = true;
	      return
	    }

	    if (this._finalized) return
	    this._finalized = true;

	    this.push(END_OF_TAR);
	    this.push(null);
	  }

	  _done (stream) {
	    if (stream !== this._stream) return

	    this._stream = null;

	    if (this._finalizing) this.finalize();
	    if (this._pending.length) this._pending.shift()._continueOpen();
	  }

	  _encode (header) {
	    if (!header.pax) {
	      const buf = headers.encode(header);
	      if (buf) {
	        this.push(buf);
	        return
	      }
	    }
	    this._encodePax(header);
	  }

	  _encodePax (header) {
	    const paxHeader = headers.encodePax({
	      name: header.name,
	      linkname: header.linkname,
	      pax: header.pax
	    });

	    const newHeader = {
	      name: 'PaxHeader',
	      mode: header.mode,
	      uid: header.uid,
	      gid: header.gid,
	      size: paxHeader.byteLength,
	      mtime: header.mtime,
	      type: 'pax-header',
	      linkname: header.linkname && 'PaxHeader',
	      uname: header.uname,
	      gname: header.gname,
	      devmajor: header.devmajor,
	      devminor: header.devminor
	    };

	    this.push(headers.encode(newHeader));
	    this.push(paxHeader);
	    overflow(this, paxHeader.byteLength);

	    newHeader.size = header.size;
	    newHeader.type = header.type;
	    this.push(headers.encode(newHeader));
	  }

	  _doDrain () {
	    const drain = this._drain;
	    this._drain = noop;
	    drain();
	  }

	  _predestroy () {
	    const err = getStreamError(this);

	    if (this._stream) this._stream.destroy(err);

	    while (this._pending.length) {
	      const stream = this._pending.shift();
	      stream.destroy(err);
	      stream._continueOpen();
	    }

	    this._doDrain();
	  }

	  _read (cb) {
	    this._doDrain();
	    cb();
	  }
	}

	pack = function pack (opts) {
	  return new Pack(opts)
	};

	function modeToType (mode) {
	  switch (mode & constants.S_IFMT) {
	    case constants.S_IFBLK: return 'block-device'
	    case constants.S_IFCHR: return 'character-device'
	    case constants.S_IFDIR: return 'directory'
	    case constants.S_IFIFO: return 'fifo'
	    case constants.S_IFLNK: return 'symlink'
	  }

	  return 'file'
	}

	function noop () {}

	function overflow (self, size) {
	  size &= 511;
	  if (size) self.push(END_OF_TAR.subarray(0, 512 - size));
	}

	function mapWritable (buf) {
	  return b4a.isBuffer(buf) ? buf : b4a.from(buf)
	}
	return pack;
}

var hasRequiredTarStream;

function requireTarStream () {
	if (hasRequiredTarStream) return tarStream;
	hasRequiredTarStream = 1;
	tarStream.extract = requireExtract();
	tarStream.pack = requirePack();
	return tarStream;
}

var tarStreamExports = requireTarStream();
var tar = /*@__PURE__*/getDefaultExportFromCjs(tarStreamExports);

var xzDecompress$1 = {exports: {}};

/*!
 * Based on xzwasm (c) Steve Sanderson. License: MIT - https://github.com/SteveSanderson/xzwasm
 * Contains xz-embedded by Lasse Collin and Igor Pavlov. License: Public domain - https://tukaani.org/xz/embedded.html
 * and walloc (c) 2020 Igalia, S.L. License: MIT - https://github.com/wingo/walloc
 */
var xzDecompress = xzDecompress$1.exports;

var hasRequiredXzDecompress;

function requireXzDecompress () {
	if (hasRequiredXzDecompress) return xzDecompress$1.exports;
	hasRequiredXzDecompress = 1;
	(function (module, exports) {
		(function webpackUniversalModuleDefinition(root, factory) {
			module.exports = factory(require$$0$1);
		})(xzDecompress, (__WEBPACK_EXTERNAL_MODULE__2__) => {
		return /******/ (() => { // webpackBootstrap
		/******/ 	var __webpack_modules__ = ([
		/* 0 */,
		/* 1 */
		/***/ ((module) => {

		module.exports = "data:application/wasm;base64,AGFzbQEAAAABOApgAX8Bf2ABfwBgAABgA39/fwF/YAABf2ACf38AYAN/f34BfmACf38Bf2AEf39/fwF/YAN/f38AAyEgAAABAgMDAwMEAQUAAgMCBgcIBwUDAAMHAQcABwcBAwkFAwEAAgYIAX8BQfCgBAsHTgUGbWVtb3J5AgAOY3JlYXRlX2NvbnRleHQACA9kZXN0cm95X2NvbnRleHQACQxzdXBwbHlfaW5wdXQACg9nZXRfbmV4dF9vdXRwdXQACwqQYCDfAgEFf0EAIQECQCAAQQdqIgJBEEkNAEEBIQEgAkEDdiIDQQJGDQBBAiEBIAJBIEkNAEEDIQEgA0EERg0AQQQhASACQTBJDQBBBSEBIANBBkYNAEEGIQEgAkHIAEkNAEEHIQEgAkHYAEkNAEEIIQEgAkGIAUkNAEEJIQEgAkGIAkkNACAAEIGAgIAAIgBBCGpBACAAGw8LAkACQCABQQJ0QcCIgIAAaiIEKAIAIgANAEEAIQACQAJAQQAoAuSIgIAAIgJFDQBBACACKAIANgLkiICAAAwBC0EAEIGAgIAAIgJFDQILIAJBgIB8cSIAIAJBCHZB/wFxIgJyIAE6AAAgACACQQh0ckGAAmohAEEAIQJBACABQQJ0QYCIgIAAaigCACIDayEFIAMhAQNAIAAgBWoiACACNgIAIAAhAiABIANqIgFBgQJJDQALIAQgADYCAAsgBCAAKAIANgIACyAAC/QHAQh/QQAoArCIgIAAIQECQAJAAkACQAJAQQAtALSIgIAARQ0AQQBBADoAtIiAgAAgAUUNAUGwiICAACECA0ACQAJAIAFBCGoiAyABKAIEIgRqIgVBCHZB/wFxIgYNACABIQIMAQsCQANAIAVBgIB8cSAGai0AAEH+AUcNAUGwiICAACEGA0AgBiIHKAIAIgYgBUcNAAsgByAFKAIANgIAIAEgBCAFKAIEakEIaiIENgIEIAcgAiACIAVGGyECIAMgBGoiBUEIdkH/AXEiBg0ACwsgAigCACECCyACKAIAIgENAAtBACgCsIiAgAAhAQsgAUUNACAAQYcCakGAfnEhCEF/IQJBsIiAgAAhBEEAIQNBsIiAgAAhBgNAIAYhBwJAIAEiBigCBCIFIABJDQAgBSACTw0AIAUhAiAHIQQgBiEDIAVBCGogCEcNACAHIQQgBSECIAYhAwwECyAGKAIAIgENAAsgAw0CDAELQbCIgIAAIQQLPwBBEHQhASAAQYgCaiEHQQAhAwJAAkBBACgCuIiAgAAiAkUNAEEAIQUgASEGDAELQQAgAUHwoISAAEH//wNqQYCAfHEiBmsiAjYCuIiAgAAgAiEFCwJAIAcgBU0NACACQQF2IgIgByAFayIHIAIgB0sbQf//A2oiB0EQdkAAQX9GDQJBAEEAKAK4iICAACAHQYCAfHEiA2o2AriIgIAACyAGRQ0BIAZB/wE6AAEgBkEAKAKwiICAADYCgAIgBkGEAmogAyAFakGAgHxxQfh9aiICNgIAIAZBgAJqIQMLIANBgIB8cSIGIANBCHZB/wFxckH/AToAACAEIAMoAgA2AgACQCACIABrQYB+cSIFDQAgAw8LIAMhAQJAIAYgBUF/cyADQQhqIgQgAmoiB2pBgIB8cUYNACAEQf//A3EhBQJAIABB9/0DSw0AIAYgBEEIdkH/AXFqQf4BOgAAIANBACgCsIiAgAA2AgAgA0GAgAQgBWsiBTYCBEEAIAM2ArCIgIAAEIOAgIAAIAZBhIIEaiACIAVrQfh9aiIFNgIAIAZBgYAEakH/AToAACAGQYCCBGohASAFIABrQYB+cSEFDAELIAIgBWogACAFakH//3tqQYCAfHFrQYCAeGohBSADIQELIAEgASgCBCAFazYCBCAFQfgBaiEGIAcgBWtBCHZB/wFxIQUCQANAIAYiB0GAfmohBiAFIgQNAUEBIQUgB0H4AUcNAAsLAkAgB0H4AUYNACACIANqIAZrQYCAfHEiBSAEakH+AToAACAFIARBCHRqIgVBACgCsIiAgAA2AgAgBSAGNgIEQQAgBTYCsIiAgAAQg4CAgAALIAEPC0EAC3wBAn8CQCAARQ0AAkAgAEGAgHxxIABBCHZB/wFxciIBLQAAIgJB/wFHDQAgAEF4aiIAQQAoArCIgIAANgIAQQAgADYCsIiAgAAgAUH+AToAAEEAQQE6ALSIgIAADwsgACACQQJ0QcCIgIAAaiICKAIANgIAIAIgADYCAAsLawECfwJAQQAoArCIgIAAIgAoAgRB/wFLDQAgAEGAgHxxIgEgAEEIdkH/AXEiAHJBCToAAEEAQQAoArCIgIAAKAIANgKwiICAACABIABBCHRyIgBBACgC5IiAgAA2AgBBACAANgLkiICAAAsLTgECfwJAIAAgAUYNACACRQ0AA0ACQCAALQAAIgMgAS0AACIERg0AQQFBfyADIARLGw8LIAFBAWohASAAQQFqIQAgAkF/aiICDQALC0EAC3gBAX8CQAJAIAAgAU8NACACRQ0BIAAhAwNAIAMgAS0AADoAACABQQFqIQEgA0EBaiEDIAJBf2oiAg0ADAILCyAAIAFNDQAgAkUNACABQX9qIQEgAEF/aiEDA0AgAyACaiABIAJqLQAAOgAAIAJBf2oiAg0ACwsgAAssAQF/AkAgAkUNACAAIQMDQCADIAE6AAAgA0EBaiEDIAJBf2oiAg0ACwsgAAt/AQF/AkACQCABIAByIAJyQQNxRQ0AIAJFDQEgACEDA0AgAyABLQAAOgAAIAFBAWohASADQQFqIQMgAkF/aiICDQAMAgsLIAJBBEkNACACQQJ2IQIgACEDA0AgAyABKAIANgIAIAFBBGohASADQQRqIQMgAkF/aiICDQALCyAAC4gBAQJ/AkBBAC0A6IiAgAANAEEAQQE6AOiIgIAAEIyAgIAAEI6AgIAAC0GggAgQgICAgAAiAEGAgAQ2AgBBAkGAgIAgEJeAgIAAIQEgAEEUakKAgICAgIDAADcCACAAQRBqIABBoIAEajYCACAAQQhqQgA3AgAgACAAQSBqNgIEIAAgATYCHCAACxUAIAAoAhwQmICAgAAgABCCgICAAAsWACAAQQxqIAE2AgAgAEEIakEANgIACxsAIAAoAhwgAEEEaiAAQQxqKAIARRCWgICAAAtUAQN/QQAhAANAQQghASAAIQIDQEEAIAJBAXFrQaCG4u1+cSACQQF2cyECIAFBf2oiAQ0ACyAAQQJ0QfCIgIAAaiACNgIAIABBAWoiAEGAAkcNAAsLTgACQCABRQ0AIAJBf3MhAgNAIAJB/wFxIAAtAABzQQJ0QfCIgIAAaigCACACQQh2cyECIABBAWohACABQX9qIgENAAsgAkF/cyECCyACC10DAX4BfwF+QgAhAANAQQghASAAIQIDQEIAIAJCAYN9QsKenLzd8pW2SYMgAkIBiIUhAiABQX9qIgENAAsgAKdBA3RB8JCAgABqIAI3AwAgAEIBfCIAQoACUg0ACwtPAAJAIAFFDQAgAkJ/hSECA0AgAkL/AYMgADEAAIWnQQN0QfCQgIAAaikDACACQgiIhSECIABBAWohACABQX9qIgENAAsgAkJ/hSECCyACC8oQAgx/An4CQAJAIAAoAiRFDQAgACgCACECDAELQQAhAiAAQQA6ACggAEIANwMAIABCADcDGCAAQcgAakEAQeQAEIaAgIAAGiAAQawBakEMNgIACyAAIAEoAgQiAzYCECAAQeAAaiEEIABByABqIQUgAEG2AWohBiAAQbABaiEHIABBqAFqIQggASgCECEJAkACQAJAAkADQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCACDgoBAgAEBQYHCAkKDwsgASgCACEKIAAoAqgBIQIgACgCrAEhCyABKAIEIQwgASgCCCENDAILIAcgACgCqAEiDGogASgCACABKAIEIgJqIAEoAgggAmsiAiAAKAKsASAMayIMIAIgDEkbIgIQh4CAgAAaIAEgASgCBCACajYCBEEAIQwgAEEAIAAoAqgBIAJqIgIgAiAAKAKsASILRhs2AqgBIAIgC0cNESAAQQE2AgACQCAHQaiIgIAAQQYQhICAgABFDQBBBSEMDBILIAZBAkEAEI2AgIAAIAAoALgBRw0QQQYhDCAGLQAADREgACAALQC3ASICNgIgIAJBBEsNEUEBIAJ0QRNxRQ0RCyABKAIEIgwgASgCCCINRg0OAkAgASgCACIKIAxqLQAAIgsNACAAIAw2AhAgASAMQQFqNgIEQQYhAgwMC0EAIQIgAEEANgKoASAAQQI2AgAgACALQQJ0QQRqIgs2AqwBIAAgCzYCQAsgByACaiAKIAxqIA0gDGsiDCALIAJrIgIgDCACSRsiAhCHgICAABogASABKAIEIAJqNgIEQQAhDCAAQQAgACgCqAEgAmoiAiACIAAoAqwBIgtGGzYCqAEgAiALRw0PIAAgAkF8aiICNgKsAUEHIQwgByACQQAQjYCAgAAgByAAKAKsASICaigAAEcNDyAAQQI2AqgBIAAtALEBIgtBP3ENDAJAAkAgC0HAAHFFDQAgACAHIAggAhCRgICAAEEBRw0RIAAgACkDCDcDMCAAKAKsASECIAAtALEBIQsMAQsgAEJ/NwMwC0J/IQ4CQCALwEF/Sg0AIAAgByAIIAIQkYCAgABBAUcNECAAKAKsASECIAApAwghDgsgACAONwM4IAIgACgCqAEiC2tBAkkNDyAAIAtBAWoiCjYCqAEgCCALakEIai0AAEEhRw0MIAAgC0ECaiINNgKoASAIIApqQQhqLQAAQQFHDQwgAiANRg0PIAAgC0EDajYCqAEgACgCsAkgCCANakEIai0AABCcgICAACIMDQ8gACgCrAEiAiAAKAKoASIMIAIgDEsbIQ0CQANAIA0gDEYNASAAIAxBAWoiAjYCqAEgACAMaiELIAIhDCALQbABai0AAA0ODAALCyAFQgA3AwAgAEEANgKoASAAQQM2AgAgBUEIakIANwMACyAAIAEoAgQ2AhAgACABKAIQNgIUIAAoArAJIAEQmYCAgAAhDCAAIAApA0ggASgCBCAAKAIQa618Ig43A0ggACAAKQNQIAEoAhAgACgCFCICayILrXwiDzcDUCAOIAApAzBWDQ0gDyAAKQM4Vg0NAkACQAJAAkAgACgCIEF/ag4EAAMDAQMLIAEoAgwgAmogCyAAKAIYEI2AgIAArSEODAELIAEoAgwgAmogCyAAKQMYEI+AgIAAIQ4LIAAgDjcDGAsgDEEBRw0OAkAgACkDMCIOQn9RDQAgDiAFKQMAUg0OCwJAIAApAzgiDkJ/UQ0AQQchDCAOIAApA1BSDQ8LIAAgACkDSCAANQJAfCAAKQNgfCIPNwNgQgQhDgJAAkACQCAAKAIgQX9qDgQBAgIAAgtCCCEOCyAEIA4gD3w3AwALIAAgACkDaCAAKQNQfDcDaCAAIARBGCAAKAJwEI2AgIAANgJwIABBBDYCACAAIAApA1hCAXw3A1gLAkAgBSkDACIOQgODUA0AIA5CAXwhDiABKAIEIQwgASgCCCELA0AgCyAMRg0NIAEgDEEBaiICNgIEIAEoAgAgDGotAAANDiAFIA43AwAgDkIDgyEPIA5CAXwhDiACIQwgD0IAUg0ACwsgAEEFNgIAC0EBIQIgACgCIEF/ag4EBgcHBQcLIAAgARCSgICAACIMQQFHDQsgAEEHNgIAC0EAIAAoAhBrIQUgAEGAAWopAwAhDiABKAIEIQwCQANAIA4gBSAMaq18QgODUA0BAkAgDCABKAIIRw0AIAAgARCTgICAAAwLCyABIAxBAWoiAjYCBCABKAIAIAxqIQsgAiEMIAstAAANCwwACwsgACABEJOAgIAAQQchDCAEIABBkAFqQRgQhICAgAANCiAAQQg2AgALIAAgAUEgEJSAgIAAIgxBAUcNCSAAQQk2AgBBDCELIABBDDYCrAEMAQsgACgCrAEhCwsgByAAKAKoASIMaiABKAIAIAEoAgQiAmogASgCCCACayICIAsgDGsiDCACIAxJGyICEIeAgIAAGiABIAEoAgQgAmo2AgRBACEMIABBACAAKAKoASACaiICIAIgACgCrAEiC0YbNgKoASACIAtHDQcgABCVgICAACEMDAcLQQEhAiAAIAFBwAAQlICAgAAiDEEBRw0GDAELQQEhAiAAIAFBIBCUgICAACIMQQFHDQULIAAgAjYCAAwACwtBBiEMDAILQQAhDAwBC0EHIQwLAkACQCAAKAIkDQACQAJAIAwOAgADAQtBB0EIIAEoAgQgASgCCEYbIQwLIAEgCTYCECABIAM2AgQgDA8LAkAgDA0AIAMgASgCBEcNACAJIAEoAhBHDQAgAC0AKCEBIABBAToAKCABQQN0DwsgAEEAOgAoCyAMC6YBAQN/AkAgACgCBCIEDQAgAEIANwMICyACKAIAIgUgAyAFIANLGyEGA0ACQCAGIAVHDQBBAA8LIAEgBWotAAAhAyACIAVBAWoiBTYCACAAIANB/wBxrSAErYYgACkDCIQ3AwgCQAJAIAPAIgNBAEgNAAJAIAMNAEEHIQMgBA0CCyAAQQA2AgRBAQ8LQQchAyAAIARBB2oiBDYCBCAEQT9HDQELCyADC6ECAgN/AX4gAEGQAWohAiABQQRqIQMDQAJAIAAgASgCACADIAEoAggQkYCAgAAiBEEBRg0AIABBgAFqIgMgAykDACABKAIEIAAoAhAiA2siAq18NwMAIAAgAyABKAIAaiACIAAoAhgQjYCAgACtNwMYIAQPCwJAAkACQAJAAkAgACgCeA4DAAIBAwsgACAAKQMIIgU3A4gBAkAgBSAAKQNYUQ0AQQcPCyAAQQE2AngMAwsgACAAKQOYASAAKQMIfDcDmAEgACACQRggACgCoAEQjYCAgAA2AqABIABBATYCeCAAIAApA4gBQn98IgU3A4gBDAILIABBAjYCeCAAIAApA5ABIAApAwh8NwOQAQsgACkDiAEhBQsgBUIAUg0AC0EBC0ABAn8gAEGAAWoiAiACKQMAIAEoAgQgACgCECICayIDrXw3AwAgACACIAEoAgBqIAMgACgCGBCNgICAAK03AxgLfAEEfyABKAIEIQMgASgCCCEEA0ACQCAEIANHDQBBAA8LIAEgA0EBaiIFNgIEAkAgASgCACADai0AACAAKQMYIAAoAgQiA62Ip0H/AXFGDQBBBw8LIAAgA0EIaiIGNgIEIAUhAyAGIAJJDQALIABBADYCBCAAQgA3AxhBAQtvAQF/QQchAQJAIABBugFqLwAAQdm0AUcNACAAQbQBakEGQQAQjYCAgAAgAEGwAWooAABHDQAgAEGAAWopAwBCAoggADUAtAFSDQAgAEG4AWotAAANAEEBQQcgACgCICAAQbkBai0AAEYbIQELIAELwAIBA38CQAJAAkAgACgCJA0AIABBADoAKCAAQQA2AgBBASECDAELAkAgACgCAEEKRw0AQQAhAwwCC0ECIQMMAQtBASEDCwJAAkADQAJAAkACQAJAIAMOAwABAwMLIAEoAgQiAyABKAIIIgRGDQQgASgCACEFAkADQCAFIANqLQAADQEgASADQQFqIgM2AgQgACAAKAIEQQFqQQNxNgIEIAQgA0YNBgwACwsCQCAAKAIERQ0AQQcPCyAAKAIkRQ0BIABBADoAKCAAQQA2AgBBASEDDAMLIABCADcDGCAAQQA2AgQgAEHIAGpBAEHkABCGgICAABogAEGsAWpBDDYCAAtBAiEDDAELIAAgARCQgICAACIDQQFHDQIgAEEKNgIAQQAhAwwACwsCQCACDQBBAA8LQQdBASAAKAIEGyEDCyADC3UBAX8CQEG4CRCAgICAACICRQ0AIAIgADYCJCACIAAgARCbgICAACIANgKwCQJAIABFDQAgAkEAOgAoIAJCADcDACACQgA3AxggAkHIAGpBAEHkABCGgICAABogAkGsAWpBDDYCACACDwsgAhCCgICAAAtBAAseAAJAIABFDQAgACgCsAkQnYCAgAAgABCCgICAAAsL3RABCn8gAEHo3QFqIQIgAEHUAGohAyAAQRxqIgRBCGohBQJAAkADQCAAKAJAIQYCQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkAgASgCBCIHIAEoAghJDQAgBkEHRg0BDBELIAYOCQECAwQFBgcACQ4LIAAoAkwhBgwHC0EBIQYgASAHQQFqNgIEIAEoAgAgB2otAAAiB0UNCAJAAkAgB0HfAUsNACAHQQFHDQELIABBgAI7AVACQCAAKAI8DQAgACABKAIMIAEoAhAiBmo2AhggACABKAIUIAZrNgIsCyAEQgA3AgAgBUIANwIADAoLIAAtAFBFDQkMDQsgASAHQQFqNgIEIAEoAgAgB2otAAAhByAAQQI2AkAgACAHQQh0IAAoAkhqNgJIDAsLIAEgB0EBajYCBCABKAIAIAdqLQAAIQcgAEEDNgJAIAAgByAAKAJIakEBajYCSAwKCyABIAdBAWo2AgQgASgCACAHai0AACEHIABBBDYCQCAAIAdBCHQ2AkwMCQsgASAHQQFqNgIEIAEoAgAgB2otAAAhByAAIAAoAkQ2AkAgACAHIAAoAkxqQQFqNgJMDAgLIAEgB0EBajYCBEEHIQYgASgCACAHai0AACIHQeABSw0DQQAhCAJAAkAgB0EtTw0AQQAhCQwBCyAHQVNqIgcgB0H/AXFBLW4iCUEtbGshByAJQQFqIQkLIABBfyAJdEF/czYCdAJAIAdB/wFxQQlJDQAgB0F3aiIHIAdB/wFxQQluIghBCWxrIQcgCEEBaiEICyAAIAg2AnAgACAHQf8BcSIHNgJsIAggB2pBBEsNAyADQgA3AgAgA0EIakIANwIAIANBEGpBADYCACAAQX8gCHRBf3M2AnBB+AAhBwNAIAAgB2pBgAg7AQAgB0ECaiIHQeTdAUcNAAsgAEEGNgJAIABBBTYCCCAAQv////8PNwIACyAAKAJMIgpBBUkNBwJAIAAoAggiB0UNACAHQX9qIQYgASgCBCEHIAEoAgghCQNAIAkgB0YNCiABIAdBAWoiCDYCBCABKAIAIAdqLQAAIQcgACAGNgIIIAAgByAAKAIEQQh0cjYCBCAIIQcgBkF/aiIGQX9HDQALCyAAQQc2AkAgACAKQXtqIgY2AkwLIAAgACgCICIHIAEoAhQgASgCEGsiCCAAKAJIIgkgCCAJSRsiCGogACgCLCIJIAkgB2sgCEsbNgIoIAEoAggiCiABKAIEIghrIQcCQAJAAkAgACgC5N0BIgkNACAGDQFBACEGCyACIAlqIAEoAgAgCGpBKiAJayIIIAYgCWsiBiAIIAZJGyIGIAcgBiAHSRsiBxCHgICAABoCQAJAIAAoAuTdASIIIAdqIgYgACgCTEcNACACIAhqIAdqQQBBPyAGaxCGgICAABogACgC5N0BIAdqIQYMAQsCQCAGQRRLDQAgACAGNgLk3QEgASABKAIEIAdqNgIEDAMLIAZBa2ohBgsgAEEANgIQIAAgAjYCDCAAIAY2AhRBByEGIAAQmoCAgABFDQMgACgCECIIIAAoAuTdASIJIAdqSw0DIAAgACgCTCAIayIGNgJMAkAgCCAJTw0AIAAgCSAIayIHNgLk3QEgAiACIAhqIAcQhYCAgAAaDAILIABBADYC5N0BIAEgASgCBCAIIAlraiIINgIEIAEoAggiCiAIayEHCwJAIAdBFUkNACAAIAg2AhAgACABKAIANgIMIAAgCkFraiAIIAZqIAcgBkEVakkbNgIUQQchBiAAEJqAgIAARQ0DIAAoAkwiByAAKAIQIgggASgCBGsiCUkNAyABIAg2AgQgACAHIAlrIgY2AkwgASgCCCAIayIHQRRLDQELIAIgASgCACAIaiAHIAYgByAGSRsiBxCHgICAABogACAHNgLk3QEgASABKAIEIAdqNgIECyAAKAIgIgYgACgCHCIIayEHAkAgACgCPEUNAAJAIAYgACgCLEcNACAAQQA2AiALIAEoAgwgASgCEGogACgCGCAIaiAHEIeAgIAAGiAAKAIgIQYLIAAgBjYCHCABIAEoAhAgB2oiCDYCECAAIAAoAkgiBiAHazYCSAJAIAYgB0cNAEEHIQYgACgCTA0CIAAoAmgNAiAAKAIEDQIgAEEANgJADAQLQQAhBiAIIAEoAhRGDQEgASgCBCABKAIIRw0FIAAoAuTdASAAKAJMTw0FDAELAkADQCAAKAJMIghFDQFBACEGIAEoAggiCSAHTQ0CIAEoAhQiCiABKAIQIgtNDQIgACAIIAkgB2siBiAKIAtrIgkgBiAJSRsiBiAAKAIsIAAoAiAiCWsiCiAGIApJGyIGIAggBiAISRsiBms2AkwgCSAAKAIYaiABKAIAIAdqIAYQhYCAgAAaIAAgACgCICAGaiIHNgIgAkAgACgCJCAHTw0AIAAgBzYCJAsCQCAAKAI8RQ0AAkAgByAAKAIsRw0AIABBADYCIAsgASgCDCABKAIQaiABKAIAIAEoAgRqIAYQhYCAgAAaIAAoAiAhBwsgACAHNgIcIAEgASgCECAGajYCECABIAEoAgQgBmoiBzYCBAwACwsgAEEANgJADAQLIAYPCyAHwEF/Sg0BIABBATYCQCAAIAdBEHRBgID8AHE2AkgCQCAHQcABSQ0AIABBBTYCRCAAQQA6AFEMAwsgAC0AUQ0DIABBBjYCRCAHQaABSQ0CIANCADcCACADQRBqQQA2AgAgA0EIakIANwIAQfgAIQcDQCAAIAdqQYAIOwEAIAdBAmoiB0Hk3QFHDQALCyAAQQU2AgggAEL/////DzcCAAwBCyAHQQJLDQEgAEKDgICAgAE3AkAMAAsLQQcPC0EAC5wYARR/IABBGGohAQJAIABBIGooAgAiAiAAQShqKAIAIgNPDQAgAEHoAGoiBCgCAEUNACABIAQgACgCVBCegICAABogACgCKCEDIAAoAiAhAgsCQCACIANPDQAgAEHYC2ohBSAAQbwNaiEGIABB3A1qIQcgAEHoAGohCCAAQeAVaiEJIABB1ABqIQoDQCAAKAIQIgsgACgCFEsNASAAIAAoAmQiDEEFdGogACgCdCACcSINQQF0aiIOQfgAaiEPAkACQCAAKAIAIgNBgICACEkNACAAKAIEIRAMAQsgACADQQh0IgM2AgAgACALQQFqIgQ2AhAgACAAKAIEQQh0IAAoAgwgC2otAAByIhA2AgQgBCELCwJAAkAgECADQQt2IA8vAQAiEWwiBE8NACAAIAQ2AgAgDyARQYAQIBFrQQV2ajsBACACQX9qIQMCQCACDQAgACgCLCADaiEDCwJAAkAgACgCJCIRDQBBACEDDAELIAEoAgAgA2otAAAhAwsgACAAKAJwIAJxIAAoAmwiD3QgA0EIIA9rdmpBgAxsakHkHWohDgJAAkAgDEEGSw0AQQEhAwNAIA4gA0EBdCIDaiEQAkACQCAAKAIAIgRBgICACEkNACAAKAIEIQwMAQsgACAEQQh0IgQ2AgAgACAAKAIQIg9BAWo2AhAgACAAKAIEQQh0IA8gACgCDGotAAByIgw2AgQLAkACQCAMIARBC3YgEC8BACIRbCIPSQ0AIAAgDCAPazYCBCAEIA9rIQ8gA0EBciEDIBEgEUEFdmshBAwBCyARQYAQIBFrQQV2aiEECyAAIA82AgAgECAEOwEAIANBgAJJDQALIAAoAiAhAgwBCyACIAAoAlQiD0F/c2ohAwJAIAIgD0sNACAAKAIsIANqIQMLAkACQCARDQBBACESDAELIAEoAgAgA2otAAAhEgtBASEDQYACIQ8DQCAOIBJBAXQiEiAPcSITIA9qIANqQQF0aiERAkACQCAEQf///wdNDQAgBCENDAELIAAgBEEIdCINNgIAIAAgC0EBaiIENgIQIAAgEEEIdCAAKAIMIAtqLQAAciIQNgIEIAQhCwsCQAJAIBAgDUELdiARLwEAIgxsIgRPIhQNACAMQYAQIAxrQQV2aiEMDAELIAAgECAEayIQNgIEIA0gBGshBCAMIAxBBXZrIQxBACEPCyAAIAQ2AgAgESAMOwEAIA8gE3MhDyADQQF0IBRyIgNBgAJJDQALCyAAIAJBAWo2AiAgACgCGCACaiADOgAAAkAgACgCJCAAKAIgIgJPDQAgACACNgIkC0EAIQMCQCAAKAJkIgRBBEkNAAJAIARBCUsNACAEQX1qIQMMAQsgBEF6aiEDCyAAIAM2AmQMAQsgACADIARrIgM2AgAgACAQIARrIgQ2AgQgDyARIBFBBXZrOwEAIAAgDEEBdGoiEkH4A2ohDwJAAkAgA0H///8HTQ0AIAshEwwBCyAAIANBCHQiAzYCACAAIAtBAWoiEzYCECAAIARBCHQgACgCDCALai0AAHIiBDYCBAsCQAJAIAQgA0ELdiAPLwEAIhBsIhFJDQAgACADIBFrIgw2AgAgACAEIBFrIgM2AgQgDyAQIBBBBXZrOwEAIBJBkARqIQ8CQAJAIAxB////B00NACATIREMAQsgACAMQQh0Igw2AgAgACATQQFqIhE2AhAgACADQQh0IAAoAgwgE2otAAByIgM2AgQLAkACQCADIAxBC3YgDy8BACIQbCIETw0AIAAgBDYCACAPIBBBgBAgEGtBBXZqOwEAIA5B2ARqIQ8CQCAEQf///wdLDQAgACAEQQh0IgQ2AgAgACARQQFqNgIQIAAgA0EIdCAAKAIMIBFqLQAAciIDNgIECwJAIAMgBEELdiAPLwEAIhBsIhFJDQAgACAEIBFrNgIAIAAgAyARazYCBCAPIBAgEEEFdms7AQAMAgsgACARNgIAIA8gEEGAECAQa0EFdmo7AQAgAEEBNgJoIABBCUELIAAoAmRBB0kbNgJkDAMLIAAgDCAEayIMNgIAIAAgAyAEayIDNgIEIA8gECAQQQV2azsBACASQagEaiEEAkACQCAMQf///wdNDQAgESEODAELIAAgDEEIdCIMNgIAIAAgEUEBaiIONgIQIAAgA0EIdCAAKAIMIBFqLQAAciIDNgIECwJAAkAgAyAMQQt2IAQvAQAiD2wiEE8NACAAIBA2AgAgBCAPQYAQIA9rQQV2ajsBACAAKAJYIQMMAQsgACAMIBBrIhE2AgAgACADIBBrIgM2AgQgBCAPIA9BBXZrOwEAIBJBwARqIQ8CQCARQf///wdLDQAgACARQQh0IhE2AgAgACAOQQFqNgIQIAAgA0EIdCAAKAIMIA5qLQAAciIDNgIECwJAAkAgAyARQQt2IA8vAQAiEGwiBE8NACAQQYAQIBBrQQV2aiEQIAAoAlwhAwwBCyAAIAMgBGs2AgQgACgCYCEDIAAgACgCXDYCYCARIARrIQQgECAQQQV2ayEQCyAAIAQ2AgAgDyAQOwEAIAAgACgCWDYCXAsgACAAKAJUNgJYIAAgAzYCVAsgAEEIQQsgACgCZEEHSRs2AmQgACAJIA0Qn4CAgAAMAQsgACARNgIAIA8gEEGAECAQa0EFdmo7AQAgACAAKAJcNgJgIAAgACkCVDcCWCAAQQdBCiAAKAJkQQdJGzYCZCAAIAcgDRCfgICAACAKIAAoAmgiA0F+akEDIANBBkkbQQd0akGEB2ohDUEBIQMDQCANIANBAXQiA2ohEAJAAkAgACgCACIEQYCAgAhJDQAgACgCBCEMDAELIAAgBEEIdCIENgIAIAAgACgCECIPQQFqNgIQIAAgACgCBEEIdCAPIAAoAgxqLQAAciIMNgIECwJAAkAgDCAEQQt2IBAvAQAiEWwiD0kNACAAIAwgD2s2AgQgBCAPayEPIANBAXIhAyARIBFBBXZrIQQMAQsgEUGAECARa0EFdmohBAsgACAPNgIAIBAgBDsBACADQcAASQ0ACwJAIANBQGoiBEEDSw0AIAAgBDYCVAwBCyAAIANBAXFBAnIiDzYCVCAEQQF2IRACQCAEQQ1LDQAgACAPIBBBf2oiDnQiBDYCVEEBIQ8gBSAEQQF0akHAACADa0EBdGpBfmohEkEAIQwDQCASIA9BAXQiD2ohEAJAAkAgACgCACIDQYCAgAhJDQAgACgCBCENDAELIAAgA0EIdCIDNgIAIAAgACgCECIEQQFqNgIQIAAgACgCBEEIdCAEIAAoAgxqLQAAciINNgIECwJAAkAgDSADQQt2IBAvAQAiEWwiBEkNACAAIA0gBGs2AgQgACAAKAJUQQEgDHRqNgJUIAMgBGshBCAPQQFyIQ8gESARQQV2ayEDDAELIBFBgBAgEWtBBXZqIQMLIAAgBDYCACAQIAM7AQAgDiAMQQFqIgxHDQAMAgsLIBBBe2ohECAAKAIEIQQgACgCACEDA0ACQCADQf///wdLDQAgACADQQh0IgM2AgAgACAAKAIQIhFBAWo2AhAgBEEIdCARIAAoAgxqLQAAciEECyAAIANBAXYiAzYCACAAIAQgA2siBEEfdSIRIA9BAXRqQQFqIg82AlQgACARIANxIARqIgQ2AgQgEEF/aiIQDQALIAAgD0EEdDYCVEEAIQxBASEPA0AgBiAPQQF0Ig9qIRACQAJAIAAoAgAiA0GAgIAISQ0AIAAoAgQhDQwBCyAAIANBCHQiAzYCACAAIAAoAhAiBEEBajYCECAAIAAoAgRBCHQgBCAAKAIMai0AAHIiDTYCBAsCQAJAIA0gA0ELdiAQLwEAIhFsIgRJDQAgACANIARrNgIEIAAgACgCVEEBIAx0ajYCVCADIARrIQQgD0EBciEPIBEgEUEFdmshAwwBCyARQYAQIBFrQQV2aiEDCyAAIAQ2AgAgECADOwEAIAxBAWoiDEEERw0ACwsCQCABIAggACgCVBCegICAAA0AQQAPCyAAKAIgIQILIAIgACgCKEkNAAsLQQEhAwJAIAAoAgAiBEH///8HSw0AIAAgBEEIdDYCAEEBIQMgACAAKAIQIgRBAWo2AhAgACAAKAIEQQh0IAQgACgCDGotAAByNgIECyADC3ABAX8CQEGo3gEQgICAgAAiAkUNACACQTRqIAE2AgAgAkE8aiAANgIAAkACQAJAIABBf2oOAgABAgsgAiABEICAgIAAIgA2AhggAA0BIAIQgoCAgAAMAgsgAkEANgIYIAJBOGpBADYCAAsgAg8LQQAL0gEBAn9BBiECAkAgAUEnSw0AIABBMGogAUEBcUECciABQQF2QQtqdCIBNgIAAkACQCAAQTxqKAIAIgNFDQBBBCECIAEgAEE0aigCAEsNAiAAQSxqIAE2AgAgA0ECRw0AIABBOGoiAygCACABTw0AIAAgATYCOCAAKAIYEIKAgIAAIAAgACgCMBCAgICAACIBNgIYIAENAEEDIQIMAQtBACECIABBADYCQCAAQdAAakEBOgAAIABB6ABqQQA2AgAgAEHk3QFqIQMLIANBADYCAAsgAgsjAAJAIABBPGooAgBFDQAgACgCGBCCgICAAAsgABCCgICAAAvHAQEDf0EAIQMCQCAAKAIMIAJNDQAgACgCGCACTQ0AIAEgASgCACIDIAAoAhAgACgCCCIEayIFIAMgBSADSRsiBWs2AgAgBCACQX9zaiEDAkAgBCACSw0AIAAoAhQgA2ohAwsDQCAAKAIAIgIgA2otAAAhASAAIAAoAggiBEEBajYCCCACIARqIAE6AABBACADQQFqIgMgAyAAKAIURhshAyAFQX9qIgUNAAtBASEDIAAoAgwgACgCCCIFTw0AIAAgBTYCDAsgAwvoBAEGfwJAAkAgACgCACIDQYCAgAhJDQAgACgCBCEEDAELIAAgA0EIdCIDNgIAIAAgACgCECIFQQFqNgIQIAAgACgCBEEIdCAFIAAoAgxqLQAAciIENgIECwJAAkAgBCADQQt2IAEvAQAiBWwiBk8NACAAIAY2AgAgASAFQYAQIAVrQQV2ajsBACABIAJBBHRqQQRqIQdBCCEIQQIhAQwBCyAAIAMgBmsiAzYCACAAIAQgBmsiBDYCBCABIAUgBUEFdms7AQACQCADQf///wdLDQAgACADQQh0IgM2AgAgACAAKAIQIgVBAWo2AhAgACAEQQh0IAUgACgCDGotAAByIgQ2AgQLAkAgBCADQQt2IAEvAQIiBWwiBk8NACAAIAY2AgAgASAFQYAQIAVrQQV2ajsBAiABIAJBBHRqQYQCaiEHQQghCEEKIQEMAQsgACADIAZrNgIAIAAgBCAGazYCBCABIAUgBUEFdms7AQIgAUGEBGohB0GAAiEIQRIhAQsgAEHoAGogATYCAEEBIQEDQCAHIAFBAXQiAWohBAJAAkAgACgCACIDQYCAgAhJDQAgACgCBCECDAELIAAgA0EIdCIDNgIAIAAgACgCECIFQQFqNgIQIAAgACgCBEEIdCAFIAAoAgxqLQAAciICNgIECwJAAkAgAiADQQt2IAQvAQAiBmwiBUkNACAAIAIgBWs2AgQgAyAFayEFIAFBAXIhASAGIAZBBXZrIQMMAQsgBkGAECAGa0EFdmohAwsgACAFNgIAIAQgAzsBACABIAhJDQALIABB6ABqIgAgASAIayAAKAIAajYCAAsLNQEAQYAICy4IAAAAEAAAABgAAAAgAAAAKAAAADAAAABAAAAAUAAAAIAAAAAAAQAA/Td6WFoA";

		/***/ }),
		/* 2 */
		/***/ ((module) => {

		module.exports = __WEBPACK_EXTERNAL_MODULE__2__;

		/***/ })
		/******/ 	]);
		/************************************************************************/
		/******/ 	// The module cache
		/******/ 	var __webpack_module_cache__ = {};
		/******/ 	
		/******/ 	// The require function
		/******/ 	function __webpack_require__(moduleId) {
		/******/ 		// Check if module is in cache
		/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
		/******/ 		if (cachedModule !== undefined) {
		/******/ 			return cachedModule.exports;
		/******/ 		}
		/******/ 		// Create a new module (and put it into the cache)
		/******/ 		var module = __webpack_module_cache__[moduleId] = {
		/******/ 			// no module.id needed
		/******/ 			// no module.loaded needed
		/******/ 			exports: {}
		/******/ 		};
		/******/ 	
		/******/ 		// Execute the module function
		/******/ 		__webpack_modules__[moduleId](module, module.exports, __webpack_require__);
		/******/ 	
		/******/ 		// Return the exports of the module
		/******/ 		return module.exports;
		/******/ 	}
		/******/ 	
		/************************************************************************/
		/******/ 	/* webpack/runtime/define property getters */
		/******/ 	(() => {
		/******/ 		// define getter functions for harmony exports
		/******/ 		__webpack_require__.d = (exports, definition) => {
		/******/ 			for(var key in definition) {
		/******/ 				if(__webpack_require__.o(definition, key) && !__webpack_require__.o(exports, key)) {
		/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
		/******/ 				}
		/******/ 			}
		/******/ 		};
		/******/ 	})();
		/******/ 	
		/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
		/******/ 	(() => {
		/******/ 		__webpack_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop));
		/******/ 	})();
		/******/ 	
		/******/ 	/* webpack/runtime/make namespace object */
		/******/ 	(() => {
		/******/ 		// define __esModule on exports
		/******/ 		__webpack_require__.r = (exports) => {
		/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
		/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
		/******/ 			}
		/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
		/******/ 		};
		/******/ 	})();
		/******/ 	
		/************************************************************************/
		var __webpack_exports__ = {};
		// This entry need to be wrapped in an IIFE because it need to be isolated against other modules in the chunk.
		(() => {
		__webpack_require__.r(__webpack_exports__);
		/* harmony export */ __webpack_require__.d(__webpack_exports__, {
		/* harmony export */   XzReadableStream: () => (/* binding */ XzReadableStream)
		/* harmony export */ });
		/* harmony import */ var _dist_native_xz_decompress_wasm__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1);


		const ReadableStream = globalThis.ReadableStream
		    // Node < 18 support web streams, but it's not available as a global, so we need to require it.
		    // This won't be reached in modern browsers, and bundlers will ignore due to 'browser' field in package.json:
		    || (__webpack_require__(2).ReadableStream);

		const XZ_OK = 0;
		const XZ_STREAM_END = 1;

		class XzContext {
		    constructor(moduleInstance) {
		        this.exports = moduleInstance.exports;
		        this.memory = this.exports.memory;
		        this.ptr = this.exports.create_context();
		        this._refresh();
		        this.bufSize = this.mem32[0];
		        this.inStart = this.mem32[1] - this.ptr;
		        this.inEnd = this.inStart + this.bufSize;
		        this.outStart = this.mem32[4] - this.ptr;
		    }

		    supplyInput(sourceDataUint8Array) {
		        this._refresh();
		        const inBuffer = this.mem8.subarray(this.inStart, this.inEnd);
		        inBuffer.set(sourceDataUint8Array, 0);
		        this.exports.supply_input(this.ptr, sourceDataUint8Array.byteLength);
		        this._refresh();
		    }

		    getNextOutput() {
		        const result = this.exports.get_next_output(this.ptr);
		        this._refresh();
		        if (result !== XZ_OK && result !== XZ_STREAM_END) {
		            throw new Error(`get_next_output failed with error code ${result}`);
		        }
		        const outChunk = this.mem8.slice(this.outStart, this.outStart + /* outPos */ this.mem32[5]);
		        return { outChunk, finished: result === XZ_STREAM_END };
		    }

		    needsMoreInput() {
		        return /* inPos */ this.mem32[2] === /* inSize */ this.mem32[3];
		    }

		    outputBufferIsFull() {
		        return /* outPos */ this.mem32[5] === this.bufSize;
		    }

		    resetOutputBuffer() {
		        this.outPos = this.mem32[5] = 0;
		    }

		    dispose() {
		        this.exports.destroy_context(this.ptr);
		        this.exports = null;
		    }

		    _refresh() {
		        if (this.memory.buffer !== this.mem8?.buffer) {
		            this.mem8 = new Uint8Array(this.memory.buffer, this.ptr);
		            this.mem32 = new Uint32Array(this.memory.buffer, this.ptr);
		        }
		    }
		}

		// Simple mutex to serialize context creation and prevent resource exhaustion
		class ContextMutex {
		    constructor() {
		        this.locked = false;
		        this.waitQueue = [];
		    }

		    async acquire() {
		        if (!this.locked) {
		            this.locked = true;
		            return;
		        }

		        // Wait in queue
		        return new Promise((resolve) => {
		            this.waitQueue.push(resolve);
		        });
		    }

		    release() {
		        if (this.waitQueue.length > 0) {
		            const next = this.waitQueue.shift();
		            next();
		        } else {
		            this.locked = false;
		        }
		    }
		}

		class XzReadableStream extends ReadableStream {
		    static _moduleInstancePromise;
		    static _moduleInstance;
		    static _contextMutex = new ContextMutex();

		    static async _getModuleInstance() {
		        const base64Wasm = _dist_native_xz_decompress_wasm__WEBPACK_IMPORTED_MODULE_0__.replace('data:application/wasm;base64,', '');
		        const wasmBytes = Uint8Array.from(atob(base64Wasm), c => c.charCodeAt(0)).buffer;
		        const wasmOptions = {};
		        const module = await WebAssembly.instantiate(wasmBytes, wasmOptions);
		        XzReadableStream._moduleInstance = module.instance;
		    }

		    constructor(compressedStream) {
		        let xzContext;
		        let unconsumedInput = null;
		        const compressedReader = compressedStream.getReader();

		        super({
		            async start(controller) {
		                await XzReadableStream._contextMutex.acquire();

		                try {
		                    if (!XzReadableStream._moduleInstance) {
		                        await (XzReadableStream._moduleInstancePromise || (XzReadableStream._moduleInstancePromise = XzReadableStream._getModuleInstance()));
		                    }
		                    xzContext = new XzContext(XzReadableStream._moduleInstance);
		                } catch (error) {
		                    XzReadableStream._contextMutex.release();
		                    throw error;
		                }
		            },

		            async pull(controller) {
		                try {
		                    if (xzContext.needsMoreInput()) {
		                        if (unconsumedInput === null || unconsumedInput.byteLength === 0) {
		                            const { done, value } = await compressedReader.read();
		                            if (!done) {
		                                unconsumedInput = value;
		                            }
		                        }
		                        const nextInputLength = Math.min(xzContext.bufSize, unconsumedInput.byteLength);
		                        xzContext.supplyInput(unconsumedInput.subarray(0, nextInputLength));
		                        unconsumedInput = unconsumedInput.subarray(nextInputLength);
		                    }

		                    const nextOutputResult = xzContext.getNextOutput();
		                    controller.enqueue(nextOutputResult.outChunk);
		                    xzContext.resetOutputBuffer();

		                    if (nextOutputResult.finished) {
		                        xzContext.dispose();
		                        XzReadableStream._contextMutex.release();
		                        controller.close();
		                    }
		                } catch (error) {
		                    if (xzContext) {
		                        xzContext.dispose();
		                    }
		                    XzReadableStream._contextMutex.release();
		                    throw error;
		                }
		            },
		            cancel() {
		                try {
		                    if (xzContext) {
		                        xzContext.dispose();
		                    }
		                    return compressedReader.cancel();
		                } finally {
		                    XzReadableStream._contextMutex.release();
		                }
		            }
		        });
		    }
		}

		})();

		/******/ 	return __webpack_exports__;
		/******/ })()
		;
		}); 
	} (xzDecompress$1));
	return xzDecompress$1.exports;
}

var xzDecompressExports = requireXzDecompress();
var xz = /*@__PURE__*/getDefaultExportFromCjs(xzDecompressExports);

/**
 * Why an archive entry name must not be used, or undefined when it is a plain relative path.
 * Nothing is ever written to disk, but a name that escapes the root would still let an untrusted
 * artifact pose as a file elsewhere in the tree (or in another set), so it is refused outright
 * rather than normalized.
 */
function unsafeEntryName(name) {
    if (name.includes('\0'))
        return 'its name contains a NUL byte';
    const slashed = name.replace(/\\/g, '/');
    if (slashed.startsWith('/'))
        return 'it is an absolute path';
    if (/^[A-Za-z]:/.test(slashed))
        return 'it starts with a drive letter';
    if (slashed.split('/').includes('..'))
        return 'it climbs out of the archive root (`..`)';
    return undefined;
}

const LIMITS = {
    totalBytes: 8 * 1024 ** 3,
    entries: 1_000_000,
    // V8 strings end at 2^29 - 24 characters: a 512 MiB entry could not even be decoded.
    entryBytes: 256 * 1024 ** 2,
    heldBytes: 2 * 1024 ** 3,
    // A dump artifact is dumps and kbuild text files; a whole build folder's objects would pass this.
    skippedBytes: 1024 ** 3
};
class Budget {
    archive;
    limits;
    bytes = 0;
    count = 0;
    held = 0;
    skipped = 0;
    constructor(archive, limits = LIMITS) {
        this.archive = archive;
        this.limits = limits;
    }
    /** Throws (an input error) when the archive would unpack past the limits. */
    take(bytes) {
        this.count++;
        this.bytes += bytes;
        if (this.count > this.limits.entries) {
            throw new Error(`${this.archive}: more than ${this.limits.entries} entries; refusing to unpack it`);
        }
        if (this.bytes > this.limits.totalBytes) {
            throw new Error(`${this.archive}: unpacks to more than ${this.limits.totalBytes} bytes; refusing to unpack it (archive bomb?)`);
        }
    }
    /** Throws (an input error) when skipping `bytes` more would pass `skippedBytes`. */
    skip(bytes) {
        const limit = this.limits.skippedBytes ?? LIMITS.skippedBytes;
        this.skipped += bytes;
        if (this.skipped > limit)
            throw new Error(`${this.archive}: more than ${limit} bytes of entries that are not dumps or kbuild files; ` +
                'refusing to decompress them only to skip them (archive bomb?)');
    }
    /**
     * Reserves `bytes` of what stays in memory, before the entry is decompressed; a reason to refuse
     * the entry when the archive's held budget is spent, else undefined.
     */
    hold(bytes) {
        const limit = this.limits.heldBytes ?? LIMITS.heldBytes;
        if (this.held + bytes > limit)
            return `keeping its ${bytes} bytes would hold more than ${limit} bytes of this archive in memory (archive bomb?)`;
        this.held += bytes;
        return undefined;
    }
}

const BLOCK = 512;
const END_BLOCKS = 2 * BLOCK;
const EXTENDED = 8 * BLOCK;
/**
 * Sits between the decompressor and the tar parser and watches the decompressed bytes, which the
 * parser does not report:
 * - a tar ends with two zero blocks. tar-stream ends quietly at the end of its input, so an
 *   archive cut at an entry boundary (an upload that stopped, `head -c`) would read as complete
 *   and drop every later dump (on the 6.1 corpus, 1,442 of 2,711);
 * - the parser skips zero blocks without a bound, so a few hundred KB of xz holding gigabytes of
 *   zeros after (or between) the entries cost minutes. Bytes beyond what the entries account for
 *   (their headers and data, counted by the reader) are refused past `slack`.
 */
class TarGuard extends Transform {
    slack;
    total = 0;
    accounted = 0;
    tail = Buffer.alloc(END_BLOCKS);
    tailLength = 0;
    constructor(slack) {
        super();
        this.slack = slack;
    }
    /**
     * The reader saw an entry of `size` bytes: its header and padded data are expected, and room for
     * the extended headers the parser consumes itself (a GNU long name, a pax record).
     */
    account(size) {
        this.accounted += EXTENDED + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    }
    /** Whether the stream ended on the end-of-archive blocks (checked once it has ended). */
    endsCleanly() {
        return (this.tailLength === END_BLOCKS && this.total % BLOCK === 0 && this.tail.every(b => b === 0));
    }
    get bytes() {
        return this.total;
    }
    _transform(chunk, _encoding, done) {
        this.total += chunk.length;
        if (this.total > this.accounted + this.slack) {
            done(new Error(`more than ${this.slack} decompressed bytes that no entry accounts for (zero blocks or ` +
                'padding): refusing to unpack it (archive bomb?)'));
            return;
        }
        if (chunk.length >= END_BLOCKS) {
            chunk.copy(this.tail, 0, chunk.length - END_BLOCKS);
            this.tailLength = END_BLOCKS;
        }
        else {
            const keep = Math.min(this.tailLength, END_BLOCKS - chunk.length);
            this.tail.copy(this.tail, 0, this.tailLength - keep, this.tailLength);
            chunk.copy(this.tail, keep);
            this.tailLength = keep + chunk.length;
        }
        done(null, chunk);
    }
}

function source(path, kind) {
    const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
    if (kind === 'tar.gz')
        return [file, createGunzip({ chunkSize: 256 * 1024 })];
    if (kind === 'tar.xz') {
        const web = Readable.toWeb(file);
        const unxz = new xz.XzReadableStream(web);
        return [Readable.fromWeb(unxz)];
    }
    return [file];
}
/** Reading to the end is how a tar stream moves on to the next entry. */
async function drain(entry) {
    for await (const _ of entry)
        void _;
}
/** Zero blocks and padding beyond what the entries account for; real tars pad to 10 KB records. */
const TAR_SLACK = 64 * 1024 * 1024;
/** The guard sees the bytes before the entry loop accounts for them: the streams' buffers. */
const READ_AHEAD = 8 * 1024 * 1024;
/** Streams a tar (plain, gzip or xz) and feeds the files of interest; nothing touches the disk. */
async function readTar(path, kind, collector, limits = LIMITS) {
    const budget = new Budget(path, limits);
    const extract = tar.extract();
    const guard = new TarGuard(Math.max(READ_AHEAD, Math.min(TAR_SLACK, limits.skippedBytes ?? LIMITS.skippedBytes)));
    const feeding = pipeline([...source(path, kind), guard, extract]);
    const skip = async (entry, size) => {
        budget.skip(size);
        await drain(entry);
    };
    let last;
    // Reported through the iterator below; this only keeps the rejection from going unhandled.
    feeding.catch(() => undefined);
    try {
        for await (const entry of extract) {
            const { name, type } = entry.header;
            const size = entry.header.size ?? 0;
            budget.take(size);
            guard.account(size);
            last = name;
            if (type === 'directory') {
                await drain(entry);
                continue;
            }
            const role = roleOf(name);
            if (type !== 'file' && type !== 'contiguous-file') {
                // Links and devices are refused whatever their name: a link named like a dump could
                // alias another entry, and nothing from the archive is ever materialised or executed.
                collector.refuse(name, `it is a ${type ?? 'special'} entry`);
                await skip(entry, size);
                continue;
            }
            const unsafe = unsafeEntryName(name);
            if (unsafe) {
                collector.refuse(name, unsafe);
                await skip(entry, size);
                continue;
            }
            if (!role) {
                await skip(entry, size);
                continue;
            }
            if (size > limits.entryBytes) {
                collector.refuse(name, `it is ${size} bytes, over the ${limits.entryBytes}-byte limit per file`);
                await skip(entry, size);
                continue;
            }
            const over = budget.hold(role === 'cmd' ? Math.min(size, CMD_HEAD_BYTES) : size);
            if (over) {
                collector.refuse(name, over);
                await skip(entry, size);
                continue;
            }
            const chunks = [];
            let kept = 0;
            for await (const chunk of entry) {
                if (role === 'cmd' && kept >= CMD_HEAD_BYTES)
                    continue;
                chunks.push(chunk);
                kept += chunk.length;
            }
            collector.add(name, Buffer.concat(chunks).toString('utf8'));
        }
        await feeding;
        if (!guard.endsCleanly()) {
            collector.unreadable('(end of archive)', `it ends ${last === undefined ? 'before any entry' : `after ${JSON.stringify(last)}`} ` +
                'without the two zero blocks that end a tar: it was cut, and any dump after that point is missing');
        }
    }
    catch (error) {
        extract.destroy();
        const message = error.message;
        if (message.startsWith(path))
            throw error;
        throw new Error(`${path}: cannot read ${kind} archive: ${message}`, { cause: error });
    }
}

const inflate = promisify(inflateRaw);
const INFLATES_IN_FLIGHT = 8;
async function readAt(fh, offset, length) {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    if (bytesRead < length)
        throw new Error('unexpected end of file');
    return buf;
}
function u64(buf, at) {
    const v = buf.readBigUInt64LE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
        throw new Error('zip64 field out of range');
    return Number(v);
}
/** The central directory is authoritative (local headers may defer sizes to a data descriptor). */
async function centralDirectory(fh, fileSize) {
    const tailLen = Math.min(fileSize, 22 + 0xffff);
    const tail = await readAt(fh, fileSize - tailLen, tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        throw new Error('no end-of-central-directory record (truncated or not a zip)');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    const locator = eocd - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === 0x07064b50) {
        const rec = await readAt(fh, u64(tail, locator + 8), 56);
        if (rec.readUInt32LE(0) !== 0x06064b50)
            throw new Error('bad zip64 end-of-central-directory');
        count = u64(rec, 32);
        cdSize = u64(rec, 40);
        cdOffset = u64(rec, 48);
    }
    if (cdOffset + cdSize > fileSize)
        throw new Error('central directory beyond end of file');
    const cd = await readAt(fh, cdOffset, cdSize);
    const entries = [];
    let at = 0;
    // The directory is walked to its declared size, not to the entry count: writers without zip64
    // wrap the 16-bit count past 65,535 entries, and trusting it would drop the dumps beyond it.
    while (at < cd.length) {
        if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) {
            throw new Error('corrupt central directory');
        }
        const madeBy = cd.readUInt16LE(at + 4) >> 8;
        const nameLen = cd.readUInt16LE(at + 28);
        const extraLen = cd.readUInt16LE(at + 30);
        const commentLen = cd.readUInt16LE(at + 32);
        let compressedSize = cd.readUInt32LE(at + 20);
        let size = cd.readUInt32LE(at + 24);
        let localOffset = cd.readUInt32LE(at + 42);
        const extra = cd.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
        for (let e = 0; e + 4 <= extra.length;) {
            const id = extra.readUInt16LE(e);
            const len = extra.readUInt16LE(e + 2);
            if (id === 0x0001) {
                // Only the fields whose 32-bit slot is saturated are present, in this order.
                let f = e + 4;
                if (size === 0xffffffff) {
                    size = u64(extra, f);
                    f += 8;
                }
                if (compressedSize === 0xffffffff) {
                    compressedSize = u64(extra, f);
                    f += 8;
                }
                if (localOffset === 0xffffffff)
                    localOffset = u64(extra, f);
            }
            e += 4 + len;
        }
        entries.push({
            name: cd.toString('utf8', at + 46, at + 46 + nameLen),
            method: cd.readUInt16LE(at + 10),
            flags: cd.readUInt16LE(at + 8),
            compressedSize,
            size,
            localOffset,
            crc: cd.readUInt32LE(at + 16),
            unixType: madeBy === 3 ? (cd.readUInt32LE(at + 38) >>> 16) & 0o170000 : 0
        });
        at += 46 + nameLen + extraLen + commentLen;
    }
    if (at !== cd.length || entries.length % 0x10000 !== count % 0x10000) {
        throw new Error(`corrupt central directory: ${entries.length} entries in it, ${count} in the end record`);
    }
    return entries;
}
/** A local header is at least this long: its signature and fixed fields. */
const LOCAL_HEADER = 30;
/**
 * Every entry's local header and data must lie apart from the others' and before the central
 * directory. Entries sharing or overlapping their data (the "non-recursive zip bomb": a 105 KB file
 * that declares gigabytes by pointing many entries into one deflate stream) are refused as a
 * whole, as unzip does ("overlapped components"). The extent used is a lower bound (header without
 * name and extra fields), so a well-formed zip never trips it.
 */
function refuseOverlaps(entries, fileSize) {
    const sorted = entries
        .map(e => ({ start: e.localOffset, end: e.localOffset + LOCAL_HEADER + e.compressedSize, e }))
        .sort((a, b) => a.start - b.start);
    for (let i = 0; i < sorted.length; i++) {
        const cur = sorted[i];
        const next = sorted[i + 1];
        if (cur.end > fileSize)
            throw new Error(`entry ${JSON.stringify(cur.e.name)} extends past the end of the file`);
        if (next && next.start < cur.end)
            throw new Error(`entries ${JSON.stringify(cur.e.name)} and ${JSON.stringify(next.e.name)} overlap ` +
                '(invalid zip with overlapped components; possible zip bomb): refusing it');
    }
}
async function entryData(fh, e, limit) {
    const local = await readAt(fh, e.localOffset, 30);
    if (local.readUInt32LE(0) !== 0x04034b50)
        throw new Error('bad local header');
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const raw = await readAt(fh, start, e.compressedSize);
    // The declared size was checked against the budget; inflating past it means the header lies.
    const data = e.method === 0 ? raw : await inflate(raw, { maxOutputLength: Math.max(e.size, 1) });
    // A stored entry has no deflate stream to fail on, and a flipped bit in a dump line could still
    // scan as a valid line with another name or number: the CRC is what catches a damaged upload.
    if (data.length !== e.size)
        throw new Error(`${data.length} bytes, ${e.size} declared`);
    if (crc32(data) >>> 0 !== e.crc >>> 0)
        throw new Error('CRC-32 mismatch (damaged archive)');
    return data.subarray(0, limit);
}
/** Reads a zip by random access: the central directory, then only the entries of interest. */
async function readZip(path, collector, limits = LIMITS) {
    const budget = new Budget(path, limits);
    let fh;
    try {
        fh = await open(path, 'r');
        const handle = fh;
        const { size } = await fh.stat();
        const wanted = [];
        const entries = await centralDirectory(fh, size);
        refuseOverlaps(entries, size);
        for (const e of entries) {
            budget.take(e.size);
            // No writer stores a nameless entry; a damaged directory record (bytes inserted or lost)
            // decodes as one, and skipping it would drop whatever file it was (`unzip -l` warns).
            if (e.name === '') {
                collector.unreadable(`(entry at offset ${e.localOffset})`, 'its central-directory record has an empty name (damaged zip): the file it holds is unknown');
                continue;
            }
            if (e.name.endsWith('/'))
                continue;
            const unsafe = unsafeEntryName(e.name);
            if (e.unixType !== 0 && e.unixType !== 0o100000) {
                collector.refuse(e.name, e.unixType === 0o120000 ? 'it is a symlink' : 'it is not a regular file');
            }
            else if (unsafe)
                collector.refuse(e.name, unsafe);
            else if (!roleOf(e.name))
                continue;
            else if (e.flags & 1)
                collector.refuse(e.name, 'it is encrypted');
            else if (e.method !== 0 && e.method !== 8) {
                collector.refuse(e.name, `compression method ${e.method} is not supported (deflate or store only)`);
            }
            else if (e.size > limits.entryBytes) {
                collector.refuse(e.name, `it is ${e.size} bytes, over the ${limits.entryBytes}-byte limit per file`);
            }
            else {
                const over = budget.hold(roleOf(e.name) === 'cmd' ? Math.min(e.size, CMD_HEAD_BYTES) : e.size);
                if (over)
                    collector.refuse(e.name, over);
                else
                    wanted.push(e);
            }
        }
        await inOrder(wanted, INFLATES_IN_FLIGHT, e => entryData(handle, e, roleOf(e.name) === 'cmd' ? CMD_HEAD_BYTES : e.size), (e, r) => {
            if (r.ok)
                collector.add(e.name, r.value.toString('utf8'));
            else
                collector.refuse(e.name, `it does not unpack: ${r.error.message}`);
        });
    }
    catch (error) {
        const message = error.message;
        if (message.startsWith(path))
            throw error;
        throw new Error(`${path}: cannot read zip archive: ${message}`, { cause: error });
    }
    finally {
        await fh?.close();
    }
}

/**
 * Feeds every input of one dump set to `sink` and gathers the kbuild side files. Throws, naming
 * the path, when an input is missing or is not a readable archive: that is the caller's mistake.
 */
async function collectInputs(label, paths, sink, onProgress, index) {
    const collector = new Collector(label, sink, onProgress, paths.length, index);
    for (const path of paths) {
        let isDir;
        try {
            const info = await stat(path);
            isDir = info.isDirectory();
            // Opening a FIFO waits for a writer and a device never ends: only files are archives.
            if (!isDir && !info.isFile())
                throw new Error(`${path}: not a directory or a regular file`);
        }
        catch (error) {
            const code = error.code;
            if (code === undefined)
                throw error;
            throw new Error(code === 'ENOENT'
                ? `${path}: no such file or directory`
                : `${path}: ${error.message}`, { cause: error });
        }
        collector.beginInput(path);
        if (isDir)
            await readDirectory(path, collector);
        else {
            const kind = await sniffArchive(path);
            if (kind === 'zip')
                await readZip(path, collector);
            else
                await readTar(path, kind, collector);
        }
        collector.endInput();
    }
    return { kbuild: collector.finish(), findings: collector.findings };
}

/**
 * The entries of one dump set's index, by the dump's root-relative path. An entry is only a
 * candidate: the reader compares its digest with the bytes it read before using it. What the run
 * looked up or made is what gets saved, so dumps that left the set leave the index too.
 */
class ScanIndex {
    entries;
    next = new Map();
    changed = false;
    constructor(entries = []) {
        this.entries = new Map(entries);
    }
    /** The entry recorded for `path`, to be checked against the bytes read now. */
    lookup(path) {
        const entry = this.entries.get(path);
        if (entry)
            this.next.set(path, entry);
        return entry;
    }
    /** A fresh entry for `path` (its bytes were validated in this run). */
    record(path, entry) {
        this.next.set(path, entry);
        this.changed = true;
    }
    /** The index to save after this run: the dumps it met, each with its latest entry. */
    get saved() {
        return this.next;
    }
    /** Whether saving would change the file this index was read from. */
    get dirty() {
        return this.changed || this.next.size !== this.entries.size;
    }
    get size() {
        return this.entries.size;
    }
}

/**
 * What the validator checks and how it words its findings. An entry holds the validator's answer,
 * so a change to the dump scanner (scanner.ts, dump-line.ts, consistency.ts, own-path.ts), or to
 * what its summary's keys are (entry.ts, name-summary.ts, focus.ts, paths.ts), must bump this: a
 * test pins it to those files' digest and fails until it is bumped.
 */
const SCAN_INDEX_SCHEMA = 4;
const MAGIC = 'klp-affected scan index';
/**
 * The index file: a magic line, a header line (schema, engine version, entry count, the body's
 * length and checksum), then the entries as one JSON array. `engine` is the tool's version: an
 * index written by another version is foreign, whatever its schema.
 */
function encodeScanIndex(entries, engine, digest) {
    const rows = [];
    for (const [p, d] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        const s = { p, h: d.hash, n: d.lines, b: d.summary };
        if (d.stat !== undefined)
            s.s = d.stat;
        if (d.empty)
            s.e = 1;
        if (d.rename !== undefined)
            s.r = d.rename && [d.rename.drop, d.rename.prepend];
        if (d.lineErrorCount > 0)
            [s.lc, s.le] = [d.lineErrorCount, d.lineErrors];
        if (d.crossErrorCount > 0)
            [s.cc, s.ce] = [d.crossErrorCount, d.crossErrors];
        rows.push(s);
    }
    const body = JSON.stringify(rows);
    const header = {
        schema: SCAN_INDEX_SCHEMA,
        engine,
        entries: rows.length,
        length: body.length,
        digest: digest(body)
    };
    return `${MAGIC}\n${JSON.stringify(header)}\n${body}`;
}
/** Never trusts the file: any doubt and the whole index is refused. */
function parseScanIndex(text, engine, digest) {
    const nl1 = text.indexOf('\n');
    const nl2 = nl1 < 0 ? -1 : text.indexOf('\n', nl1 + 1);
    if (nl2 < 0 || text.slice(0, nl1) !== MAGIC)
        return { ok: false, problem: 'foreign', reason: 'not a klp-affected scan index' };
    let header;
    try {
        header = JSON.parse(text.slice(nl1 + 1, nl2));
    }
    catch {
        return { ok: false, problem: 'corrupt', reason: 'its header is not JSON' };
    }
    if (typeof header !== 'object' || header === null)
        return { ok: false, problem: 'corrupt', reason: 'its header is not an object' };
    if (header.schema !== SCAN_INDEX_SCHEMA || header.engine !== engine)
        return {
            ok: false,
            problem: 'foreign',
            reason: `written by klp-affected ${String(header.engine)} (scan schema ${String(header.schema)}), this is ${engine} (schema ${SCAN_INDEX_SCHEMA})`
        };
    const body = text.slice(nl2 + 1);
    if (body.length !== header.length || digest(body) !== header.digest)
        return { ok: false, problem: 'corrupt', reason: 'its entries do not match their checksum' };
    let rows;
    try {
        rows = JSON.parse(body);
    }
    catch {
        return { ok: false, problem: 'corrupt', reason: 'its entries are not JSON' };
    }
    if (!Array.isArray(rows) || rows.length !== header.entries)
        return { ok: false, problem: 'corrupt', reason: 'its entry count is wrong' };
    const entries = [];
    for (const row of rows) {
        const entry = entryOf(row);
        if (!entry)
            return { ok: false, problem: 'corrupt', reason: 'an entry is malformed' };
        entries.push(entry);
    }
    return { ok: true, index: new ScanIndex(entries) };
}
function entryOf(row) {
    if (typeof row !== 'object' || row === null)
        return undefined;
    const s = row;
    if (typeof s.p !== 'string' || typeof s.h !== 'string' || s.h === '' || !count(s.n))
        return undefined;
    if (s.e !== undefined && s.e !== 1)
        return undefined;
    if (typeof s.b !== 'string' || !isSummary(s.b))
        return undefined;
    if (s.s !== undefined && (typeof s.s !== 'string' || s.s === ''))
        return undefined;
    let rename;
    if (s.r === null)
        rename = null;
    else if (s.r !== undefined) {
        if (!Array.isArray(s.r) || s.r.length !== 2 || !count(s.r[0]) || typeof s.r[1] !== 'string')
            return undefined;
        rename = { drop: s.r[0], prepend: s.r[1] };
    }
    const lineErrors = errors(s.lc, s.le);
    const crossErrors = errors(s.cc, s.ce);
    if (!lineErrors || !crossErrors)
        return undefined;
    const entry = {
        hash: s.h,
        lines: s.n,
        empty: s.e === 1,
        lineErrors,
        lineErrorCount: s.lc ?? 0,
        crossErrors,
        crossErrorCount: s.cc ?? 0,
        summary: s.b
    };
    if (s.s !== undefined)
        entry.stat = s.s;
    if (rename !== undefined)
        entry.rename = rename;
    return [s.p, entry];
}
/** A count and its first MALFORMED_DETAIL_LIMIT lines, ascending, as the scanner records them. */
function errors(n, list) {
    if (n === undefined && list === undefined)
        return [];
    if (!count(n) || n === 0 || !Array.isArray(list))
        return undefined;
    if (list.length !== Math.min(n, MALFORMED_DETAIL_LIMIT))
        return undefined;
    let last = 0;
    for (const e of list) {
        if (!Array.isArray(e) || e.length !== 2 || !count(e[0]) || typeof e[1] !== 'string')
            return undefined;
        if (e[0] <= last)
            return undefined;
        last = e[0];
    }
    return list;
}
function count(v) {
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** The index file's own digest, over its entries' text. */
function textDigest(text) {
    return createHash('sha256').update(text).digest('base64');
}
/** The file of set `label` in `dir`: one per set, so sets of several architectures share a folder. */
function scanIndexFile(dir, label) {
    return join(dir, `scan-index.${label.replace(/[^A-Za-z0-9._-]/g, '_')}.klpidx`);
}
/**
 * Reads the set's index. A missing file is a first run; a file that is not a valid index of this
 * version is not trusted in any part (a note says so) and is replaced when the run saves.
 */
async function openScanIndex(dir, label) {
    const file = scanIndexFile(dir, label);
    let text;
    try {
        text = await readFile$1(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return { index: new ScanIndex(), file, findings: [] };
        return { index: new ScanIndex(), file, findings: [note(label, file, error.message)] };
    }
    const parsed = parseScanIndex(text, VERSION, textDigest);
    if (parsed.ok)
        return { index: parsed.index, file, findings: [] };
    const finding = note(label, file, `${parsed.reason}; ignored, every dump is validated`);
    // A foreign index (another version) is routine after an upgrade; a corrupt one is worth a look.
    if (parsed.problem === 'corrupt')
        finding.severity = 'warning';
    return { index: new ScanIndex(), file, findings: [finding] };
}
/**
 * Writes the index when the run changed it, through a temporary file renamed over the old one, so
 * a concurrent reader sees the old index or the new one, never half of one. A failure is a note:
 * the analysis itself is complete without the index.
 */
async function saveScanIndex(opened, label) {
    const { index, file } = opened;
    if (!index.dirty)
        return [];
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        await mkdir(join(file, '..'), { recursive: true });
        await writeFile(tmp, encodeScanIndex(index.saved, VERSION, textDigest));
        await rename(tmp, file);
        return [];
    }
    catch (error) {
        await rm(tmp, { force: true }).catch(() => undefined);
        return [note(label, file, `could not be written: ${error.message}`)];
    }
}
function note(label, file, what) {
    return {
        kind: 'scan-index',
        severity: 'info',
        set: label,
        message: `scan index ${file}: ${what}`
    };
}

/**
 * KLP_AFFECTED_KEPT_TEXT_BUDGET (bytes) overrides the set's budget of kept text: tests use it to
 * send every kept dump down the re-read path.
 */
function keptTextBudget() {
    const forced = process.env.KLP_AFFECTED_KEPT_TEXT_BUDGET;
    return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : KEPT_TEXT_BUDGET;
}
/**
 * Loads one dump set from directories and/or archives (.zip, .tar, .tar.gz/.tgz, .tar.xz), each
 * rooted where its kernel tree starts. Progress every ~1,000 files read. With a focus, only the
 * dumps that can answer it keep their text (see DumpSet). `indexCache`: a folder holding the
 * set's persistent scan index (read, then updated), which spares unchanged dumps their validation.
 */
async function loadDumpSet(label, paths, onProgress, focus, indexCache) {
    const set = new DumpSet(label, focus, keptTextBudget());
    const opened = indexCache === undefined ? undefined : await openScanIndex(indexCache, label);
    const { kbuild, findings } = await collectInputs(label, paths, set, onProgress, opened?.index);
    set.finish();
    if (opened) {
        append(findings, opened.findings);
        // The index serves dump folders: an archive's entries are validated on every run.
        if (opened.index.saved.size === 0 && set.dumpCount > 0)
            findings.push({
                kind: 'scan-index',
                severity: 'info',
                set: label,
                message: `scan index of ${label} not used: its dumps come from archives, and the index serves dump folders (extract the archive to use it)`
            });
        else
            append(findings, await saveScanIndex(opened, label));
    }
    return { set, kbuild, findings };
}

/** `klp_object.name` spells modules with `_` where kbuild file names may use `-`. */
function moduleName(fileStem) {
    return fileStem.replace(/-/g, '_');
}
function stem(path, ext) {
    return path.endsWith(ext) ? path.slice(0, -ext.length) : undefined;
}
function baseName(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.slice(slash + 1);
}
/**
 * Module paths (`net/netfilter/xt_LOG`, no extension) named by modules.order. Kernels up to 6.1
 * write `.ko` there, later ones `.o`; both name the same module.
 */
function orderedModules(modulesOrder) {
    const out = new Set();
    for (const raw of modulesOrder.split('\n')) {
        const line = normalizePath(raw.trim());
        const base = stem(line, '.ko') ?? stem(line, '.o');
        if (base)
            out.add(base);
    }
    return out;
}
/**
 * Every object of the build: `vmlinux` and each module (`_` spelling), from the same files as
 * `buildObjectMap`: modules.order when given, else the `.mod` files.
 */
function buildObjectList(mods, modulesOrder) {
    const listed = modulesOrder === undefined ? undefined : orderedModules(modulesOrder);
    const paths = new Set(listed ?? []);
    if (!listed) {
        for (const path of mods.keys()) {
            const modPath = stem(normalizePath(path), '.mod');
            if (modPath)
                paths.add(modPath);
        }
    }
    return ['vmlinux', ...new Set([...paths].map(p => moduleName(baseName(p))).sort())];
}
/**
 * tu ('net/netfilter/xt_LOG.c') -> 'vmlinux' or module name ('xt_LOG', '-' as '_'), from *.mod
 * files (each lists the module's .o files) and modules.order.
 */
function buildObjectMap(mods, modulesOrder) {
    const listed = modulesOrder === undefined ? undefined : orderedModules(modulesOrder);
    const byObject = new Map();
    const modulePaths = new Set();
    for (const [path, text] of mods) {
        const modPath = stem(normalizePath(path), '.mod');
        if (!modPath)
            continue;
        // A .mod left over from an older configuration (module now built in) would misname its
        // objects; modules.order is what the last build really linked as modules.
        if (listed && !listed.has(modPath))
            continue;
        modulePaths.add(modPath);
        const name = moduleName(baseName(modPath));
        // Tokens, not lines: kernels before 6.0 put all objects on line one and the undefined
        // symbols (never ending in .o) on line two.
        for (const token of text.split(/\s+/)) {
            if (token.endsWith('.o'))
                byObject.set(normalizePath(token), name);
        }
    }
    // Without a .mod, a listed module is most likely the single object of the same name.
    for (const modPath of listed ?? []) {
        if (!modulePaths.has(modPath) && !byObject.has(`${modPath}.o`)) {
            byObject.set(`${modPath}.o`, moduleName(baseName(modPath)));
        }
    }
    const moduleByPath = new Map();
    for (const modPath of [...modulePaths, ...(listed ?? [])]) {
        moduleByPath.set(modPath, moduleName(baseName(modPath)));
    }
    return (tu) => {
        const path = normalizePath(tu);
        // modpost's generated `<module>.mod.c` is linked into that module only.
        const modC = stem(path, '.mod.c');
        if (modC !== undefined)
            return moduleByPath.get(modC) ?? 'vmlinux';
        const base = stem(path, '.c') ?? stem(path, '.S') ?? path;
        return byObject.get(`${base}.o`) ?? 'vmlinux';
    };
}
/** Modules named one by one in the finding about missing `.mod` files. */
const MISSING_MOD_NAMED = 10;
/**
 * Modules that modules.order lists but whose `.mod` file is not in the set. `buildObjectMap` then
 * guesses that the module is the single object of its own name; the other objects of a
 * multi-object module (`foo-y := a.o b.o`) would be counted as vmlinux, so this is said, not
 * assumed. An empty list when every listed module has its `.mod`.
 */
function modulesWithoutMod(mods, modulesOrder) {
    if (modulesOrder === undefined)
        return [];
    const have = new Set();
    for (const path of mods.keys()) {
        const modPath = stem(normalizePath(path), '.mod');
        if (modPath)
            have.add(modPath);
    }
    return [...orderedModules(modulesOrder)].filter(m => !have.has(m)).sort();
}
/** The finding for `modulesWithoutMod`, or none. */
function objectMapFindings(mods, modulesOrder, set) {
    const missing = modulesWithoutMod(mods, modulesOrder);
    if (missing.length === 0)
        return [];
    const named = missing.slice(0, MISSING_MOD_NAMED).map(m => `${m}.mod`);
    const more = missing.length > named.length ? ` and ${missing.length - named.length} more` : '';
    const finding = {
        kind: 'module-objects-unknown',
        severity: 'warning',
        message: `modules.order lists ${missing.length} module(s) without their .mod file (${named.join(', ')}${more}): ` +
            'each is taken to be the single object of its own name, and any other object file of such ' +
            'a module is counted as vmlinux. Include the .mod files with the dumps to name objects exactly.'
    };
    return [finding];
}

const REQUIRED_FLAGS = [
    {
        flag: '-flive-patching=inline-clone',
        why: 'without it GCC may apply IPA optimizations (ipa-ra, ipa-icf, ...) the clone dump does not record'
    },
    { flag: '-fdump-ipa-clones', why: 'it writes the dump this analysis reads' }
];
/** Per-object findings past this count say the same thing thousands of times. */
const MAX_PER_OBJECT = 20;
/**
 * Kbuild writes `cmd_<target> := <command>` (6.1; `savedcmd_` from 6.3 on) and, through fixdep,
 * `source_<target> := <source>`. Only kernel C compiles count: host tools lack `-D__KERNEL__` and
 * assembler sources never get a dump.
 */
function parseCmdFile(text) {
    let target;
    let command;
    let source;
    for (const line of text.split('\n')) {
        const cmd = /^(?:saved)?cmd_(\S+?)\s*:=\s*(.*)$/.exec(line);
        if (cmd && target === undefined) {
            target = cmd[1];
            command = cmd[2];
            continue;
        }
        const src = /^source_(\S+?)\s*:=\s*(\S+)/.exec(line);
        if (src)
            source = src[2];
    }
    if (target === undefined || command === undefined || !target.endsWith('.o'))
        return undefined;
    const args = command.split(/\s+/).filter(a => a !== '');
    if (!args.includes('-c') || !args.some(a => a === '-D__KERNEL__'))
        return undefined;
    source ??= [...args].reverse().find(a => a.endsWith('.c') || a.endsWith('.S'));
    if (!source?.endsWith('.c'))
        return undefined;
    const object = normalizePath(target);
    // GCC names the dump after the output's directory and stem, so the TU follows the object even in
    // O= builds where the source path is `../linux/net/ipv4/tcp.c` or absolute.
    return { object, tu: `${object.slice(0, -2)}.c`, args };
}
function lastOf(args, on, off) {
    let state = false;
    for (const a of args) {
        if (on(a))
            state = true;
        else if (off(a))
            state = false;
    }
    return state;
}
/**
 * From kbuild .cmd files ('cmd_net/ipv4/tcp.o := gcc ... '): per object the compile flags;
 * findings: 'build-flags' warning when -flive-patching=inline-clone is missing, or
 * -fdump-ipa-clones missing; 'no-dump' (unresolved) when an object was compiled from a .c (per
 * .cmd) but has no dump; lto when -flto.
 */
function checkBuildFlags(cmds, hasDump) {
    const compiles = [...cmds.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, text]) => parseCmdFile(text))
        .filter((c) => c !== undefined);
    const findings = [];
    let lto = false;
    for (const { flag, why } of REQUIRED_FLAGS) {
        const lacking = compiles.filter(c => !c.args.includes(flag));
        if (lacking.length === 0)
            continue;
        if (lacking.length === compiles.length || lacking.length > MAX_PER_OBJECT) {
            const examples = lacking.slice(0, 5).map(c => c.object);
            findings.push({
                kind: 'build-flags',
                severity: 'warning',
                message: `${lacking.length} of ${compiles.length} C objects were compiled without ${flag} ` +
                    `(${why}); e.g. ${examples.join(', ')}`
            });
            continue;
        }
        for (const c of lacking) {
            findings.push({
                kind: 'build-flags',
                severity: 'warning',
                message: `${c.object} was compiled without ${flag} (${why})`,
                file: c.tu
            });
        }
    }
    for (const c of compiles) {
        const cLto = lastOf(c.args, a => a === '-flto' || a.startsWith('-flto='), a => a === '-fno-lto');
        lto ||= cLto;
        if (!hasDump(c.tu)) {
            findings.push({
                kind: 'no-dump',
                severity: 'unresolved',
                message: `${c.object} was compiled from ${c.tu} but the dump set has no ${c.tu}.000i.ipa-clones`,
                file: c.tu
            });
        }
    }
    return { findings, lto };
}

/**
 * TUs kbuild compiled without ftrace's call sites: a Makefile's
 * `CFLAGS_REMOVE_tsc.o = $(CC_FLAGS_FTRACE)` (arch/x86/kernel/tsc.c, cpu/common.c, kernel/locking/
 * lockdep.c, ...) drops `-pg` (x86, s390, powerpc) or `-fpatchable-function-entry` (arm64,
 * riscv) for the whole file, so none of its functions can be hooked. Undefined when no compile has
 * them: a kernel without ftrace (nothing is livepatchable there, and it is not this check's to say)
 * or no `.cmd` files.
 */
function untracedTus(cmds) {
    const untraced = new Set();
    let traced = 0;
    for (const text of cmds.values()) {
        const c = parseCmdFile(text);
        if (!c)
            continue;
        if (c.args.some(isFtraceFlag))
            traced++;
        else
            untraced.add(c.tu);
    }
    return traced > 0 ? untraced : undefined;
}
function isFtraceFlag(arg) {
    if (arg === '-pg')
        return true;
    const m = /^-fpatchable-function-entry=(\d+)/.exec(arg);
    return m !== null && Number(m[1]) > 0;
}

const SOURCE_RANK = {
    'system-map': 0,
    nm: 1,
    kallsyms: 2,
    readelf: 3
};
/**
 * nm letters kallsyms keeps: undefined (U, v/w without address), absolute (a/A) and debug (N)
 * symbols never reach the kernel's symbol table, so they do not count for `old_sympos`.
 */
const KALLSYMS_TYPES = /^[tTwWdDbBrRvVgGsSiu]$/;
/** `[addr [size]] type name` as `nm`, `nm -S`, System.map and /proc/kallsyms print it. */
function parseNmLines(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^([0-9a-fA-F]+)(?:\s+[0-9a-fA-F]+)?\s+([A-Za-z?-])\s+(\S+)(?:\s+\[(\S+)\])?\s*$/.exec(line);
        if (!m)
            continue;
        const type = m[2];
        if (!KALLSYMS_TYPES.test(type))
            continue;
        out.push({
            name: m[3],
            addr: BigInt(`0x${m[1]}`),
            func: /^[tTwW]$/.test(type),
            global: type === type.toUpperCase(),
            module: m[4]
        });
    }
    return out;
}
/**
 * `readelf -sW` of the `.symtab`. Symbol-table order is what module kallsyms walks, and the FILE
 * symbol opening each run of locals says which TU they came from.
 */
function parseReadelf(text) {
    const out = [];
    const files = new Map();
    let truncated = false;
    let inSymtab = false;
    let file;
    for (const line of text.split('\n')) {
        if (line.startsWith('Symbol table ')) {
            inSymtab = line.includes("'.symtab'");
            file = undefined;
            continue;
        }
        if (!inSymtab)
            continue;
        const m = /^\s*\d+:\s+([0-9a-fA-F]+)\s+(?:0x)?[0-9a-fA-F]+\s+(\w+)\s+(\w+)\s+\S+\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
        if (!m)
            continue;
        const [, value, type, bind, ndx, rawName] = m;
        const name = rawName.replace(/@.*$/, '');
        if (name.endsWith('[...]'))
            truncated = true;
        if (type === 'FILE') {
            file = name;
            files.set(name, (files.get(name) ?? 0) + 1);
            continue;
        }
        // The kernel drops undefined, absolute and unnamed (section) symbols from kallsyms.
        if (ndx === 'UND' || ndx === 'ABS' || type === 'SECTION')
            continue;
        const global = bind !== 'LOCAL';
        out.push({
            name,
            addr: BigInt(`0x${value}`),
            func: type === 'FUNC' || type === 'IFUNC',
            global,
            file: global ? undefined : file
        });
    }
    return { syms: out, files, truncated };
}

function kindOf(path) {
    const base = fileName(path);
    if (base === 'System.map')
        return { source: 'system-map', object: 'vmlinux' };
    if (base === 'kallsyms' || base.endsWith('.kallsyms'))
        return { source: 'kallsyms' };
    const m = /^(.+?)(?:\.ko|\.o)?\.(nm|syms)$/.exec(base);
    if (!m)
        return undefined;
    return { source: m[2] === 'nm' ? 'nm' : 'readelf', object: moduleName(m[1]) };
}
/**
 * A table that would judge symbols wrongly is not used at all: the objects it names fall back to
 * the dumps alone, which keeps every copy the dumps cannot rule out.
 */
function refused(path, why) {
    return {
        kind: 'symbols-mode',
        severity: 'warning',
        message: `${path}: not used as a symbol table: ${why}; its objects are judged from the dumps alone`,
        file: path
    };
}
function index(syms, byAddress) {
    // vmlinux kallsyms is sorted by address; a module's kallsyms walks its ELF symtab in order.
    const ordered = byAddress
        ? syms
            .map((s, i) => ({ s, i }))
            .sort((a, b) => (a.s.addr < b.s.addr ? -1 : a.s.addr > b.s.addr ? 1 : a.i - b.i))
            .map(x => x.s)
        : syms;
    const byName = new Map();
    for (const s of ordered) {
        const list = byName.get(s.name);
        if (list)
            list.push(s);
        else
            byName.set(s.name, [s]);
    }
    return byName;
}
function lookupIn(table, tu, name) {
    const all = table.byName.get(name) ?? [];
    const funcs = all.filter(s => s.func);
    if (funcs.length === 0)
        return (table.files.get(fileName(tu)) ?? 0) > 0
            ? { exists: false, absentFromTu: true }
            : { exists: false };
    // kallsyms counts every symbol of that name, data included, so the position is among `all`.
    const pick = (s) => all.length > 1 ? { exists: true, sympos: all.indexOf(s) + 1 } : { exists: true };
    const globals = funcs.filter(s => s.global);
    const file = fileName(tu);
    const sameBase = table.files.get(file) ?? 0;
    if (sameBase > 0) {
        const mine = funcs.filter(s => !s.global && s.file === file);
        // FILE symbols carry no directory: with two `core.c` TUs in the object, a `core.c` static may
        // be the other one's, so it settles nothing.
        if (mine.length > 0 && sameBase > 1)
            return { exists: true, candidates: mine.length };
        if (mine.length === 1)
            return pick(mine[0]);
        if (mine.length > 1)
            return { exists: true, candidates: mine.length };
        if (globals.length === 1)
            return pick(globals[0]);
        // Only other TUs' statics carry the name: this TU's copy was inlined away.
        if (globals.length === 0)
            return { exists: false, absentFromTu: true };
        return { exists: true, candidates: globals.length };
    }
    if (funcs.length === 1)
        return pick(funcs[0]);
    return { exists: true, candidates: funcs.length };
}
/** Same attribution as `lookupIn`; where it cannot pick one copy, every copy it could be. */
function positionsIn(table, tu, name) {
    const all = table.byName.get(name) ?? [];
    const funcs = all.filter(s => s.func);
    const at = (list) => list.map(s => all.indexOf(s) + 1);
    const found = lookupIn(table, tu, name);
    if (found.sympos !== undefined)
        return { count: all.length, candidates: [found.sympos] };
    const file = fileName(tu);
    if ((table.files.get(file) ?? 0) > 0) {
        const mine = funcs.filter(s => !s.global && s.file === file);
        if (mine.length > 0)
            return { count: all.length, candidates: at(mine) };
        const globals = funcs.filter(s => s.global);
        if (globals.length > 0)
            return { count: all.length, candidates: at(globals) };
    }
    return { count: all.length, candidates: at(funcs) };
}
/**
 * Accepts `<object>.nm` / `vmlinux.nm` / `System.map` (nm lines), `<object>.syms` (`readelf -sW`,
 * whose FILE symbols attribute locals to their TU) and `kallsyms` (/proc/kallsyms, `[module]`
 * suffixes). For modules, nm must keep symbol-table order (`nm -p`), which is kallsyms order.
 */
function parseSymbolFiles(files) {
    const findings = [];
    const tables = new Map();
    const offer = (object, table) => {
        const have = tables.get(object);
        if (!have || SOURCE_RANK[table.source] > SOURCE_RANK[have.source])
            tables.set(object, table);
    };
    for (const path of [...files.keys()].sort()) {
        const text = files.get(path) ?? '';
        const kind = kindOf(path);
        if (!kind) {
            findings.push({
                kind: 'symbols-mode',
                severity: 'warning',
                message: `${path}: not a symbol file name this tool reads (System.map, <object>.nm, <object>.syms, kallsyms)`,
                file: path
            });
            continue;
        }
        let count;
        if (kind.source === 'readelf' && kind.object) {
            const { syms, files: tus, truncated } = parseReadelf(text);
            count = syms.length;
            if (truncated) {
                findings.push(refused(path, 'names are cut to `...[...]` (readelf -s without -W)'));
                continue;
            }
            if (count > 0 && syms.every(s => s.global)) {
                findings.push(refused(path, 'it holds no local symbols (a globals-only listing)'));
                continue;
            }
            const byAddress = kind.object === 'vmlinux';
            if (count > 0)
                offer(kind.object, { source: 'readelf', path, byName: index(syms, byAddress), files: tus });
        }
        else {
            const lines = parseNmLines(text);
            count = lines.length;
            const groups = new Map();
            for (const s of lines) {
                const object = kind.object ?? (s.module ? moduleName(s.module) : 'vmlinux');
                const list = groups.get(object);
                if (list)
                    list.push(s);
                else
                    groups.set(object, [s]);
            }
            if (count > 0 && lines.every(s => s.global)) {
                findings.push(refused(path, 'it holds no local symbols (`nm -g`?)'));
                continue;
            }
            for (const [object, syms] of groups) {
                const byAddress = object === 'vmlinux' && kind.source !== 'kallsyms';
                offer(object, {
                    source: kind.source,
                    path,
                    byName: index(syms, byAddress),
                    files: new Map()
                });
            }
        }
        if (count === 0) {
            findings.push({
                kind: 'symbols-mode',
                severity: 'warning',
                message: `${path}: no symbols could be read from it`,
                file: path
            });
        }
    }
    if (tables.size === 0)
        return { tables: undefined, findings };
    const objects = [...tables.keys()].sort();
    findings.push({
        kind: 'symbols-mode',
        severity: 'info',
        message: `symbol tables given for ${objects.length} object(s): ${objects.slice(0, 10).join(', ')}${objects.length > 10 ? ', ...' : ''}; other objects are judged from the dumps alone`
    });
    return {
        tables: {
            mode: 'symbol-tables',
            objects,
            lookup(object, tu, name) {
                const table = tables.get(object);
                return table ? lookupIn(table, tu, name) : undefined;
            },
            functionFiles(object, name) {
                const table = tables.get(object);
                if (!table)
                    return undefined;
                // A basename two TUs of the object share attributes nothing (see lookupIn).
                return (table.byName.get(name) ?? [])
                    .filter(s => s.func)
                    .map(s => (s.file !== undefined && table.files.get(s.file) === 1 ? s.file : null));
            },
            positions(object, tu, name) {
                const table = tables.get(object);
                return table ? positionsIn(table, tu, name) : undefined;
            }
        },
        findings
    };
}

/** Loads every dump set with its kbuild side files (objects, flags, symbol tables). */
async function loadSets(sources, progress, focus) {
    const sets = [];
    for (const source of sources) {
        progress(`loading dump set ${source.label} from ${source.paths.join(', ')}`);
        const loaded = await loadDumpSet(source.label, source.paths, progress, focus, source.indexCache);
        if (loaded.set.dumpCount === 0) {
            // An empty set would make every TU "not built here": a broken upload must not read as clean.
            throw new Error(`dump set ${source.label} (${source.paths.join(', ')}) holds no *.000i.ipa-clones file`);
        }
        const findings = [...loaded.findings];
        const { kbuild, set } = loaded;
        const kbuildKnown = kbuild.mods.size > 0 || kbuild.modulesOrder !== undefined;
        const objectOf = kbuildKnown ? buildObjectMap(kbuild.mods, kbuild.modulesOrder) : undefined;
        const objects = kbuildKnown ? buildObjectList(kbuild.mods, kbuild.modulesOrder) : undefined;
        append(findings, objectMapFindings(kbuild.mods, kbuild.modulesOrder));
        let untraced;
        if (kbuild.cmds.size > 0) {
            append(findings, checkBuildFlags(kbuild.cmds, tu => set.hasTu(tu)).findings);
            untraced = untracedTus(kbuild.cmds);
        }
        let symbols;
        if (kbuild.symbols.size > 0) {
            const parsed = parseSymbolFiles(kbuild.symbols);
            symbols = parsed.tables;
            append(findings, parsed.findings);
        }
        for (const f of findings)
            f.set ??= source.label;
        const config = kbuild.config === undefined ? undefined : parseKconfig(kbuild.config);
        sets.push({
            set,
            objectOf,
            objects,
            symbols,
            findings,
            untraced,
            deps: kbuild.deps,
            ...(config ? { config } : {})
        });
        const kept = focus ? `, ${set.keptCount} of them kept for this query` : '';
        progress(`dump set ${source.label}: ${set.dumpCount} dumps, ${set.lineCount} lines${kept}`);
    }
    return sets;
}

/**
 * Wall time per stage of one run, for the benchmark (`KLP_AFFECTED_TIMINGS=1` prints it on
 * stderr): the review tier's source search reads and parses TUs and headers from the tree, which
 * the dump scan's floor does not cover, so the benchmark reports it apart. Never part of a report.
 */
class StageTimes {
    ms = new Map();
    add(stage, ms) {
        this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms);
    }
    sync(stage, run) {
        const start = performance.now();
        try {
            return run();
        }
        finally {
            this.add(stage, performance.now() - start);
        }
    }
    async time(stage, run) {
        const start = performance.now();
        try {
            return await run();
        }
        finally {
            this.add(stage, performance.now() - start);
        }
    }
    /** `map=120 load=900 ...`: stages in the order first timed, whole milliseconds. */
    line() {
        return [...this.ms].map(([stage, ms]) => `${stage}=${Math.round(ms)}`).join(' ');
    }
}

export { analysisFocus as A, BuildView as B, archesOf as C, analyze as D, StageTimes as S, VERSION as V, append as a, evaluatePolicy as b, collectInputs as c, compareAffected$1 as d, explainSymbol as e, functionKey as f, cmp$3 as g, getDefaultExportFromCjs as h, canonicalTypeSpelling as i, includeCandidates as j, maskCommentsAndStrings as k, loadSets as l, maxOf as m, normalizePath as n, lineGuards as o, kconfigEnv as p, lineState as q, analyseSource as r, summarize as s, tuCompiledOut as t, sameTypeSpelling as u, SAME_TYPE_SPELLING as v, notBuiltMessage as w, loadDumpSet as x, readDeclarations as y, reachesBeyondFunctions as z };
