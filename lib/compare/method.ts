import type { Metric, PlatformId } from '../platforms/types';

/**
 * The comparison method, in short, for the popup and the exports. METHOD.md at the repository
 * root is the full version; bump METHOD_VERSION whenever a rule there changes, so that an export
 * says which rules produced it.
 */
export const METHOD_VERSION = '2';

/** Ranked figures further apart than this are flagged as compared across dates. */
export const DATE_SPAN_DAYS = 30;

/**
 * Metric order per platform: which one to rank on when the account on screen has several.
 * Facebook shows followers on new pages and page likes on old ones: they are never mixed.
 */
export const METRIC_PREFERENCE: Record<PlatformId, readonly Metric[]> = {
  x: ['followers', 'subscribers', 'page-likes'],
  facebook: ['followers', 'page-likes', 'subscribers'],
  youtube: ['subscribers', 'followers', 'page-likes'],
  dailymotion: ['followers', 'subscribers', 'page-likes'],
  instagram: ['followers', 'subscribers', 'page-likes'],
  linkedin: ['followers', 'subscribers', 'page-likes'],
  tiktok: ['followers', 'subscribers', 'page-likes'],
  threads: ['followers', 'subscribers', 'page-likes'],
  bluesky: ['followers', 'subscribers', 'page-likes'],
  mastodon: ['followers', 'subscribers', 'page-likes'],
  flickr: ['followers', 'subscribers', 'page-likes'],
};

export const METHOD_SUMMARY: Record<'fr' | 'en', readonly string[]> = {
  fr: [
    'Le groupe de comparaison est celui du compte : pour les villes et les régions, celles de l’étude de 2012 (ou toutes, au choix) ; pour les ministres et les ministères, ceux en fonction aujourd’hui.',
    'Pour chaque compte, on retient le chiffre le plus récent : celui de la page affichée, sinon le plus récent entre vos relevés précédents et le jeu de données. Les chiffres de 2012 ne servent jamais de chiffre actuel.',
    'Rang : 1 = la plus grande audience ; les ex aequo partagent le rang (1, 2, 2, 4). Médiane : valeur du milieu, ou moyenne des deux valeurs du milieu.',
    'Percentile : part des autres comptes classés ayant un chiffre strictement inférieur, plus la moitié des ex aequo.',
    'Par habitant : abonnés pour 1 000 habitants (population municipale INSEE, millésime indiqué).',
    'On ne mélange pas les mesures (abonnés et mentions J’aime sur Facebook) : les comptes mesurés autrement sont écartés et signalés.',
    'Les comptes fermés ne sont pas classés ; un chiffre manquant reste manquant, rien n’est estimé.',
    'Avertissements : chiffres de plus d’un an, dates éloignées de plus de 30 jours, chiffres arrondis, minimums, non datés ou « au plus tard à ».',
    'Présence en trois états : présent (compte actif ou inutilisé), absent à une date (le site officiel lu ce jour-là ne lie aucun compte, ou le compte est fermé), inconnu (aucune source ne le dit). Un compte absent du jeu de données est « inconnu », jamais « non ».',
    'Les parts ne comptent que les pairs connus (« 7 sur 9 pairs connus ») ; la médiane des plateformes utilisées ne porte que sur les membres connus sur les 11 plateformes.',
  ],
  en: [
    'The comparison group is the account’s own: for cities and regions, those of the 2012 study (or all of them, on request); for ministers and ministries, those in office today.',
    'For each account the newest figure is used: the one on the page on screen, otherwise the newest of your earlier readings and the dataset. 2012 figures are never used as current figures.',
    'Rank: 1 = largest audience; ties share a rank (1, 2, 2, 4). Median: the middle value, or the mean of the two middle values.',
    'Percentile: share of the other ranked accounts with a strictly smaller figure, plus half of the ties.',
    'Per inhabitant: followers per 1,000 inhabitants (INSEE municipal population, vintage shown).',
    'Metrics are never mixed (followers and page likes on Facebook): accounts measured otherwise are set aside and flagged.',
    'Closed accounts are not ranked; a missing figure stays missing, nothing is estimated.',
    'Warnings: figures over a year old, dates more than 30 days apart, rounded figures, lower bounds, undated or “on or before” figures.',
    'Presence has three states: present (active or unused account), absent as of a date (the official site read that day links no account, or the account is closed), unknown (no source says). An account missing from the dataset is “unknown”, never “no”.',
    'Shares count known peers only (“7 of 9 known peers”); the median of platforms used covers only the members known on all 11 platforms.',
  ],
};

/** Every honesty flag code (see the Flag type and METHOD.md, section 9), for exports and docs. */
export const FLAG_CODES = [
  'no-figure',
  'missing-figures',
  'stale',
  'dates-differ',
  'rounded',
  'lower-bound',
  'undated',
  'on-or-before',
  'metric-mismatch',
  'account-closed',
  'account-unused',
  'peers-closed',
  'single-member',
  'population-vintages-differ',
  'live-ignored',
  'study2012-metric-differs',
] as const;
