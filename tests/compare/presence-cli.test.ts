import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '@/lib/cli/civiscope';
import { BUNDLED } from '@/lib/dataset/bundled';

const NOW = '2026-11-30T12:00:00Z';

describe('civiscope compare: presence in three states', () => {
  it('says « inconnu » for platforms no source covers, never « 0 sur 9 pairs »', () => {
    const result = run(['compare', 'https://x.com/Marseille'], NOW);
    expect(result.exitCode).toBe(0);
    const youtube = result.stdout.split('\n').find((l) => l.includes('YouTube'));
    expect(youtube).toMatch(/\? YouTube\s+inconnu\s+— aucun pair connu/);
    expect(result.stdout).not.toMatch(/0 sur 9 pairs/);
    expect(result.stdout).toContain('méthode v2');
  });

  it('counts checked-absent peers as known, and shares are over known peers (JSON and English text)', () => {
    const d = structuredClone(BUNDLED);
    d.sources['test-site-read'] = {
      title: 'Homepages read by civiscope discover (test)',
      date: '2026-11-30',
      kind: 'official',
    };
    const peers = d.entities.filter((e) => e.group === 'city' && e.cohort2012 && e.id !== 'city-13055').slice(0, 3);
    for (const e of peers)
      e.checkedAbsent = [
        { platform: 'youtube', date: '2026-11-30', url: 'https://www.example.fr/', source: 'test-site-read' },
      ];
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'civiscope-presence-')), 'dataset.json');
    writeFileSync(file, JSON.stringify(d));
    const json = run(['compare', 'https://x.com/Marseille', '--format', 'json', '--dataset', file], NOW);
    const youtube = JSON.parse(json.stdout).presence.platforms.find(
      (p: { platform: string }) => p.platform === 'youtube',
    );
    expect(youtube).toMatchObject({ state: 'unknown', peersWith: 0, peersKnown: 3, peers: 9, share: 0 });
    const text = run(['compare', 'https://x.com/Marseille', '--lang', 'en', '--dataset', file], NOW);
    expect(text.stdout).toMatch(/\? YouTube\s+unknown\s+— 0 of 3 known peers/);
  });
});
