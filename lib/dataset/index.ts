import * as v from 'valibot';
import { type Dataset, DatasetSchema } from './schema';

export type { Account, Dataset, Entity, Figure, Group, Source } from './schema';

/** A problem found while validating a dataset, with the path of the record and field. */
export interface DatasetProblem {
  path: string;
  message: string;
}

/** Validates unknown JSON as a dataset. Never throws: problems are returned, one per field. */
export function parseDataset(input: unknown): { dataset?: Dataset; problems: DatasetProblem[] } {
  const result = v.safeParse(DatasetSchema, input);
  if (result.success) return { dataset: result.output, problems: [] };
  return { problems: result.issues.map((issue) => ({ path: describePath(input, issue), message: issue.message })) };
}

/** `entities[3] (city-59350).accounts[0].key` — the record's id makes a path readable. */
function describePath(input: unknown, issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  let node: unknown = input;
  let out = '';
  for (const key of keys) {
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : String(key);
    const rec = node && typeof node === 'object' ? (node as { id?: unknown; platform?: unknown; key?: unknown }) : {};
    if (typeof key === 'number' && typeof rec.id === 'string') out += ` (${rec.id})`;
    // Accounts have no id: platform and key name them.
    else if (typeof key === 'number' && typeof rec.platform === 'string' && typeof rec.key === 'string')
      out += ` (${rec.platform}:${rec.key})`;
  }
  return out || '(root)';
}

export { type AccountMatch, type DatasetIndex, indexDataset } from './lookup';
