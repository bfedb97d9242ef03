import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { DATE_SPAN_DAYS, FLAG_CODES, METHOD_SUMMARY, METHOD_VERSION } from '@/lib/compare';
import type { FlagCode } from '@/lib/compare/types';

const methodDoc = readFileSync(path.resolve(__dirname, '../../METHOD.md'), 'utf8');

describe('METHOD.md and the method constants agree', () => {
  it('states the same method version', () => {
    expect(methodDoc).toContain(`Method version **${METHOD_VERSION}**`);
  });

  it('documents every flag code, and the code list matches the Flag type', () => {
    expectTypeOf<(typeof FLAG_CODES)[number]>().toEqualTypeOf<FlagCode>();
    const missing = FLAG_CODES.filter((code) => !methodDoc.includes(`\`${code}\``));
    expect(missing, 'add these codes to the table in METHOD.md, section 9').toEqual([]);
  });

  it('states the date-span threshold', () => {
    expect(methodDoc).toContain(`more than ${DATE_SPAN_DAYS} days (\`DATE_SPAN_DAYS\`)`);
  });

  it('has as many French as English summary bullets', () => {
    expect(METHOD_SUMMARY.fr.length).toBe(METHOD_SUMMARY.en.length);
    expect(METHOD_SUMMARY.fr.length).toBeGreaterThan(0);
  });
});
