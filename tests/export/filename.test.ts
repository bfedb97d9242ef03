import { describe, expect, it } from 'vitest';
import { exportFileName, groupExportFileName } from '@/lib/export/filename';

describe('exportFileName', () => {
  it.each([
    [['city-75056', 'x', '2026-06-15', 'csv'], 'civiscope_city-75056_x_2026-06-15.csv'],
    [
      ['ministry-interieur', 'facebook', '2026-06-15T09:30:00.000Z', '.JSON'],
      'civiscope_ministry-interieur_facebook_2026-06-15.json',
    ],
    [['../../etc/passwd', 'x', '2026-06-15', 'md'], 'civiscope_etc-passwd_x_2026-06-15.md'],
    [['city é/è:*?"<>|', 'x y', '2026-06-15', 'p n g'], 'civiscope_city-e-e_x-y_2026-06-15.png'],
    [['', '', 'someday', ''], 'civiscope_entity_platform_someday.txt'],
    [['...', 'x', '2026/06/15', 'csv'], 'civiscope_entity_x_2026-06-15.csv'],
  ])('%j → %s', (args, expected) => {
    expect(exportFileName(...(args as [string, string, string, string]))).toBe(expected);
  });

  it('names group exports', () => {
    expect(groupExportFileName('city', '2026-06-15', 'csv')).toBe('civiscope_group-city_2026-06-15.csv');
    expect(groupExportFileName('a b', '2026-06-15T23:59:59Z', 'json')).toBe('civiscope_group-a-b_2026-06-15.json');
  });

  it('only ever yields safe characters', () => {
    for (const s of ['\u0000', '\\\\server\\share', 'CON', 'a'.repeat(500), '😀', ' .hidden']) {
      expect(exportFileName(s, s, s, s)).toMatch(/^civiscope_[A-Za-z0-9.-]+_[A-Za-z0-9.-]+_[A-Za-z0-9.-]+\.[a-z0-9]+$/);
    }
  });
});
