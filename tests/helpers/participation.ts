import type { OverlayParticipation } from '@/lib/overlay/types';

/**
 * Participatory platforms found on official sites, as the popup stores them: Rennes's Fabrique
 * citoyenne (a Decidim the dataset does not list) and Lille's platform (which the dataset lists).
 */
export const RENNES_FABRIQUE: OverlayParticipation = {
  entityId: 'city-35238',
  url: 'https://fabriquecitoyenne.rennes.fr/',
  software: 'decidim',
  source: { kind: 'official-site', url: 'https://metropole.rennes.fr/', readAt: '2026-11-28T14:00:00.000Z' },
};

export const LILLE_PARTICIPEZ: OverlayParticipation = {
  entityId: 'city-59350',
  url: 'https://participez.lille.fr/',
  source: { kind: 'official-site', url: 'https://www.lille.fr/', readAt: '2026-11-30T10:11:12.000Z' },
};
