/**
 * A look at a JSON text's structure before JSON.parse ever sees it: nesting depth, keys that
 * could reach an object's prototype, and keys written twice in one object (JSON.parse silently
 * keeps the last one, so a file could show a reviewer one value and give the parser another).
 * One linear pass, no recursion, so a hostile file cannot exhaust the stack here either.
 */

export interface ScanProblem {
  path: string;
  message: string;
}

/** Keys that mean something to JavaScript objects; no Civiscope data file uses them. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  type: 'object' | 'array';
  keys: Set<string>;
  /** Object: the current key; array: the current index. */
  key: string | null;
  index: number;
  expectingKey: boolean;
}

function pathOf(stack: readonly Frame[]): string {
  let out = '';
  for (const f of stack) {
    if (f.type === 'array') out += `[${f.index}]`;
    else if (f.key !== null) out += out ? `.${f.key}` : f.key;
  }
  return out || '(root)';
}

/**
 * Problems of structure, at most `limit` (a hostile file could otherwise make the list itself
 * huge). Syntax errors are left to JSON.parse, which says where they are.
 */
export function scanJson(text: string, options: { maxDepth: number; limit?: number }): ScanProblem[] {
  const limit = options.limit ?? 20;
  const problems: ScanProblem[] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && problems.length < limit) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      const top = stack[stack.length - 1];
      if (top?.type === 'object' && top.expectingKey) {
        let key: string;
        try {
          // Decode escapes: "\u005f_proto__" is "__proto__".
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          return problems;
        }
        top.key = key;
        top.expectingKey = false;
        if (FORBIDDEN_KEYS.has(key))
          problems.push({ path: pathOf(stack), message: `forbidden key "${key}" (it could alter JavaScript objects)` });
        else if (top.keys.has(key)) problems.push({ path: pathOf(stack), message: `key "${key}" appears twice` });
        top.keys.add(key);
      }
      i++;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= options.maxDepth) {
        problems.push({ path: pathOf(stack), message: `nested deeper than ${options.maxDepth} levels` });
        return problems;
      }
      stack.push({
        type: c === 0x7b ? 'object' : 'array',
        keys: new Set(),
        key: null,
        index: 0,
        expectingKey: c === 0x7b,
      });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.type === 'object') top.expectingKey = true;
      else if (top) top.index++;
    }
    i++;
  }
  return problems;
}
