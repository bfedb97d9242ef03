import { describe, expect, it } from 'vitest';
import { indexDataset } from '@/lib/dataset';
import type { AccountRef } from '@/lib/platforms/types';
import { findResemblances } from '@/lib/popup/lookalike';
import { tinyDataset } from '../helpers/tiny-dataset';

const index = indexDataset(tinyDataset());
const x = (key: string): AccountRef => ({ platform: 'x', page: 'profile', key });

describe('findResemblances', () => {
  it.each([
    [
      'bio links to the official site',
      x('parisjetaime'),
      { links: ['https://www.paris.fr/agenda'] },
      ['links-to-site city-75056'],
    ],
    ['bio links to the site without www', x('someone'), { links: ['http://paris.fr'] }, ['links-to-site city-75056']],
    ['handle contains the listed handle', x('paris_officiel'), {}, ['looks-like city-75056 paris']],
    ['handle one letter away', x('pariss'), {}, ['looks-like city-75056 paris']],
    ['display name is the institution’s', x('xyz123'), { displayName: 'Paris' }, ['looks-like city-75056 paris']],
    ['handle close to a ministry', x('interieur_gouv_'), {}, ['looks-like ministry-interieur interieur_gouv']],
    ['unrelated account', x('cuisine_du_monde'), { links: ['https://example.org'], displayName: 'Cuisine' }, []],
    ['a short handle is not compared', x('par'), {}, []],
    [
      'another platform is not compared',
      { platform: 'instagram', page: 'profile', key: 'paris' } as AccountRef,
      {},
      [],
    ],
  ])('%s', (_what, account, page, expected) => {
    const found = findResemblances(index, account, page).map((r) =>
      r.kind === 'links-to-site' ? `${r.kind} ${r.entity.id}` : `${r.kind} ${r.entity.id} ${r.listedKey}`,
    );
    expect(found).toEqual(expected);
  });
});
