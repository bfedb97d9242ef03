/**
 * Small hand-made datasets for the comparison tests: every number in them is chosen so that the
 * expected ranks, medians and ratios can be worked out by hand.
 */
import type { Account, Dataset, Entity, Figure, Group } from '@/lib/dataset';
import type { Observation } from '@/lib/history/observation';
import type { PlatformId } from '@/lib/platforms/types';

export const NOW = '2026-06-15';

/** A dated, exact, sourced figure unless told otherwise. */
export function fig(value: number, date: string | null = '2026-06-01', extra: Partial<Figure> = {}): Figure {
  return { metric: 'followers', value, ...(date ? { date } : {}), precision: 'exact', source: 'test-source', ...extra };
}

export function acct(
  platform: PlatformId,
  figures: Figure[] = [],
  extra: Partial<Omit<Account, 'platform' | 'figures'>> = {},
): Account {
  const key = extra.key ?? `${platform}-account`;
  return {
    platform,
    key,
    url: `https://example.org/${platform}/${key}`,
    status: 'active',
    confidence: 'confirmed',
    sources: ['test-source'],
    ...(figures.length > 0 ? { figures } : {}),
    ...extra,
  };
}

export interface EntitySpec {
  pop?: number;
  vintage?: string;
  /** cohort2012 */
  study?: boolean;
  validFrom?: string;
  validTo?: string;
  participation?: string[];
  accounts?: Account[];
  /** Platforms checked absent on the official site (dated 2026-05-01, source test-source). */
  checkedAbsent?: PlatformId[];
}

/** `ent('city-lille', …)`: the group comes from the id's prefix, the name from its slug. */
export function ent(id: string, spec: EntitySpec = {}): Entity {
  const group = id.split('-')[0] as Group;
  const slug = id.slice(group.length + 1);
  const name = slug.charAt(0).toUpperCase() + slug.slice(1);
  return {
    id,
    group,
    name: { fr: name, en: name },
    ...(spec.pop
      ? { population: { value: spec.pop, vintage: spec.vintage ?? '2023', source: 'test-population' } }
      : {}),
    ...(spec.study !== undefined ? { cohort2012: spec.study } : {}),
    ...(spec.validFrom ? { validFrom: spec.validFrom } : {}),
    ...(spec.validTo ? { validTo: spec.validTo } : {}),
    ...(spec.participation
      ? {
          participation: spec.participation.map((url) => ({
            url,
            confidence: 'confirmed' as const,
            sources: ['test-source'],
          })),
        }
      : {}),
    accounts: spec.accounts ?? [],
    ...(spec.checkedAbsent
      ? {
          checkedAbsent: spec.checkedAbsent.map((platform) => ({
            platform,
            date: '2026-05-01',
            url: `https://www.${slug}.example.fr/`,
            source: 'test-source',
          })),
        }
      : {}),
  };
}

/** A city with one X account holding one figure (or no account when value is null). */
export function xCity(slug: string, value: number | null, spec: EntitySpec & { date?: string } = {}): Entity {
  const accounts = value === null ? [] : [acct('x', [fig(value, spec.date ?? '2026-06-01')])];
  return ent(`city-${slug}`, { study: true, ...spec, accounts: [...accounts, ...(spec.accounts ?? [])] });
}

export function dataset(entities: Entity[], study?: Record<string, unknown>): Dataset {
  return {
    edition: { id: 'test-edition', date: '2026-06-01' },
    sources: {
      'test-source': { title: 'Test source', kind: 'reference' },
      'test-population': { title: 'Test population', kind: 'official' },
    },
    ...(study ? { study: study as unknown as Dataset['study'] } : {}),
    entities,
  };
}

export function obs(entityId: string, value: number, at: string, extra: Partial<Observation> = {}): Observation {
  return {
    entityId,
    platform: 'x',
    key: 'x-account',
    metric: 'followers',
    value,
    precision: 'exact',
    at,
    url: 'https://x.com/example',
    ...extra,
  };
}
