/**
 * One-off conversion of the research files (../shared/research/*.json) into lib/dataset/data/*.json.
 * Run once with `npx tsx scripts/import-research.ts`; since then the data files are the source of
 * truth and are edited by hand. Kept in the repository so the conversion rules can be reviewed.
 */
import fs from 'node:fs';
import path from 'node:path';
import communesJson from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { formatDataFile, shapeForFile } from '../lib/dataset/format';
import {
  type Commune,
  largeCities,
  POPULATION_SOURCE,
  POPULATION_VINTAGE,
  REGION_CODES,
  regionPopulations,
} from '../lib/dataset/populations';
import type { Account, Confidence, Dataset, Entity, Figure, Source, Study } from '../lib/dataset/schema';
import type { PlatformId } from '../lib/platforms/types';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESEARCH = path.resolve(ROOT, '../shared/research');
const OUT = path.join(ROOT, 'lib/dataset/data');
const communes = communesJson as Commune[];

type Obj = Record<string, unknown>;
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(RESEARCH, f), 'utf8'));
const facts = read('benchmark-facts.json') as { meta: Obj; entities: Obj[]; records: Obj[] };
const facts2 = read('benchmark-facts-2.json') as Obj[];
const metaSources = facts.meta.sources as Record<string, string>;

// ---------------------------------------------------------------- sources

const sources: Record<string, Source> = {};
const byCitation = new Map<string, string>();
const used = new Set<string>();

/** Source families of the first pass, by its citation key. */
const KIND1: Record<string, Source['kind']> = {
  DECOUP: 'reference',
  LUTECE_CORE: 'official',
  LUTECE_BP: 'official',
  STRAS_NEXT: 'official',
  STRAS_PARTICIP: 'official',
  LYON_APP: 'official',
  OSP_LYON_REPO: 'official',
  OSP_TOU_REPO: 'official',
  OSP_BRDX_REPO: 'official',
  OSP_MEL_REPO: 'official',
  OSP_NAQ_REPO: 'official',
  MARSEILLE_REGL: 'official',
  MONTP_BP: 'official',
  MONTP_TEST: 'official',
  NANTES_DC: 'official',
  LILLE_FR: 'official',
  BETAGOUV_SOCIAL: 'official',
  RC_HEAD: 'reference',
  RC_2017_2022: 'reference',
  RC_2012_2017: 'reference',
  STUDY_2012: 'study',
  PLASMA: 'third-party',
  // A verbatim copy of gouvernement.fr pages: the Government's own header links.
  COROGOV: 'official',
  GOUV_CLONE: 'third-party',
  APP_2026: 'third-party',
  LIST_FIABLE: 'third-party',
  ELYSEE_ARCHIVE: 'third-party',
  AI_PLAN_GOV: 'third-party',
  SEBLECORNU_HITS: 'third-party',
  TOULOUSE_APP_FOOTER: 'third-party',
};

/** Titles in words for third-party files the code index cited only by a hit id. */
const HIT_TITLES: Record<string, string> = {
  '7336986214':
    'Third-party code file (search index hit 7336986214): COVID-19 tweet bot, c. 2020–2021, mapping each metropolitan region to the X account it tags',
  '55516698095':
    'Third-party code file (search index hit 55516698095): "Trouve ton artisan" training project for the Auvergne-Rhône-Alpes region, footer of official social links supplied with the brief',
  '3955194046':
    'Third-party code file (search index hit 3955194046): another copy of the "Trouve ton artisan" training project (Auvergne-Rhône-Alpes), footer social links',
  '71320451777':
    'Third-party code file (search index hit 71320451777): database seed of local authorities with social links (looks hand- or AI-written)',
  '69542166158':
    'Third-party code file (search index hit 69542166158): project "Discute avec ton Président" (2026), list of followed official accounts',
  '46144938018': 'Third-party code file (search index hit 46144938018): Python list of reliable X screen names',
  '61564902773':
    'Third-party code file (search index hit 61564902773): seed data of French State actors with their websites',
  '71581102611': 'Third-party code file (search index hit 71581102611): list of official portals per INSEE region code',
  '25046082040': 'Third-party code file (search index hit 25046082040): stored tweet of @EPSI_Nantes, 2018-06-26',
  '55073614386': 'Third-party code file (search index hit 55073614386): directory entry for the Ville de Nice (2025)',
};

function slug(s: string, max = 48): string {
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out.slice(0, max).replace(/-+$/, '');
}

/** The first ISO date in a citation, or the /YYYY/MM/ of its URL. Never guessed beyond that. */
function citationDate(text: string): string | undefined {
  const iso = text.match(/(?<!\d)(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?!\d)/);
  if (iso) return iso[0];
  const inUrl = text.match(/\/(20\d\d|19\d\d)\/(0[1-9]|1[0-2])\//);
  return inUrl ? `${inUrl[1]}-${inUrl[2]}` : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function splitCitation(text: string): { url?: string; title: string } {
  const gh = text.match(/^github ([\w.-]+\/[\w.-]+)(?:@([0-9a-f]{7,40}))?\s*(.*)$/i);
  if (gh) {
    const url = `https://github.com/${gh[1]}${gh[2] ? `/tree/${gh[2]}` : ''}`;
    return { url, title: `GitHub ${gh[1]}: ${(gh[3] ?? '').trim()}`.replace(/:\s*$/, '') };
  }
  const u = text.match(/^(https?:\/\/\S+)\s*(.*)$/);
  if (u) {
    const link = u[1] ?? '';
    const host = new URL(link).hostname.replace(/^www\./, '');
    const rest = (u[2] ?? '').replace(/^\((.*)\)$/s, '$1').trim();
    return { url: link, title: rest ? `${host}: ${rest}` : host };
  }
  const hitId = text.match(/hit ids? (\d+)/)?.[1];
  if (hitId) {
    const known = HIT_TITLES[hitId];
    if (known) return { title: known };
    const desc = text
      .replace(/\s*\(find_string hit ids? [^)]*\)/, '')
      .replace(/^GitHub (?:files?|README)\s*(?:\([^)]*\))?[\s,:]*/, '')
      .replace(/^of /, '');
    return { title: `Third-party code file (search index hit ${hitId}): ${desc}` };
  }
  return { title: text };
}

function guessKind(text: string): Source['kind'] {
  if (
    /stored page of (the site itself|a Région sub-site)|StrasbourgEurometropole|lutece|OpenSourcePolitics|GouvernementFR|villedelyon-android/i.test(
      text,
    )
  )
    return 'official';
  if (/^GitHub file|hit ids? \d|^github /i.test(text)) return 'third-party';
  if (/wiki/i.test(text)) return 'reference';
  return 'press';
}

/** Source id for a citation string (first-pass citations keep their key). */
function sourceId(citation: string, date?: string): string {
  const known = byCitation.get(citation);
  if (known) return known;
  const firstUrl = citation.match(/^https?:\/\/\S+/)?.[0];
  const sameUrl = firstUrl && Object.entries(sources).find(([, s]) => s.url === firstUrl)?.[0];
  if (sameUrl) {
    byCitation.set(citation, sameUrl);
    return sameUrl;
  }
  const hit = citation.match(/hit ids? (\d+)/);
  const parts = splitCitation(citation);
  let base: string;
  if (hit && !/^https?:/.test(citation)) base = `hit-${hit[1]}`;
  else if (parts.url?.startsWith('https://github.com/')) base = `gh-${slug(parts.url.split('/')[4] ?? 'repo', 40)}`;
  else if (parts.url) {
    const u = new URL(parts.url);
    base = slug(
      `${u.hostname.replace(/^www\./, '').replace(/\.(fr|com|eu|info|net|org|media|be)$/, '')}-${safeDecode(u.pathname)}`,
      40,
    );
  } else base = slug(citation, 40);
  // Same hit id cited with another quote: one source.
  if (base.startsWith('hit-') && sources[base]) {
    byCitation.set(citation, base);
    return base;
  }
  let id = base;
  for (let n = 2; sources[id]; n++) id = `${base}-${n}`;
  sources[id] = {
    title: parts.title,
    ...(parts.url ? { url: parts.url } : {}),
    ...(date ? { date } : {}),
    kind: guessKind(citation),
  };
  byCitation.set(citation, id);
  return id;
}

for (const [key, citation] of Object.entries(metaSources)) {
  const id = slug(key.replace(/_/g, '-'));
  const parts = splitCitation(citation);
  const date = citationDate(citation);
  sources[id] = {
    title: parts.title,
    ...(parts.url ? { url: parts.url } : {}),
    ...(date ? { date } : {}),
    kind: KIND1[key] ?? guessKind(citation),
  };
  byCitation.set(citation, id);
}
// Launch date of the instance, not of the page: no date rather than a wrong one.
delete sources['betagouv-social']?.date;
const POP = POPULATION_SOURCE;
sources[POP] = {
  title:
    'INSEE population municipale, populations légales 2023 (Mayotte: 2017 census), via the npm package @etalab/decoupage-administratif 6.0.0 (Etalab, data under Licence Ouverte)',
  url: 'https://www.npmjs.com/package/@etalab/decoupage-administratif',
  kind: 'reference',
};
delete sources.decoup;

// Lecornu II composition (checked for this dataset; the research lists only part of it).
const extraSources: Record<string, Source> = {
  'lcp-lecornu-2': {
    title: 'LCP: the Élysée communiqué naming the Lecornu II government, full list',
    url: 'https://lcp.fr/actualites/darmanin-farandou-dati-nunez-le-gouvernement-lecornu-2-a-ete-nomme-408266',
    date: '2025-10-12',
    kind: 'press',
  },
  'levif-lecornu-2': {
    title: 'Le Vif: list of the Lecornu II ministers (Montchalin at Comptes publics; Tabarot among the LR ministers)',
    url: 'https://www.levif.be/international/europe/france/le-gouvernement-lecornu-ii-a-peine-connu-le-rn-annonce-deja-le-depot-dune-motion-de-censure',
    date: '2025-10-12',
    kind: 'press',
  },
  'sportmag-ferrari': {
    title: 'Sportmag: Marina Ferrari reappointed Minister for Sport, Youth and Community Life in Lecornu II',
    url: 'https://www.sportmag.fr/marina-ferrari-le-sport-a-besoin-de-stabilite-et-dengagement',
    kind: 'press',
  },
  'figaro-lecornu-2': {
    title: 'Le Figaro (copy): the 34 ministers of Lecornu II; Tabarot keeps Transports, Montchalin Comptes publics',
    url: 'https://web.lifelines.name/read/7018ef0c-b2bf-5908-86e9-b283bf7e0ba4',
    kind: 'press',
  },
};
Object.assign(sources, extraSources);

const sid = (citation: string) => {
  const id = sourceId(citation);
  used.add(id);
  return id;
};
const key1 = (k: string) => {
  const id = slug(k.replace(/_/g, '-'));
  if (!sources[id]) throw new Error(`unknown source ${k}`);
  used.add(id);
  return id;
};

// ---------------------------------------------------------------- confidence

/**
 * Research scale → schema scale, decided by what the sources are rather than by the research label
 * alone. confirmed: an institution's own site, repository, app or contractor repository (research
 * level medium or better), or a Regards Citoyens record (matched to the official parliament lists)
 * rated high. press: medium or better with a press article naming it. third-party: everything else,
 * including Wikipedia copies and low-confidence leads, which are kept but marked.
 */
function confidence(level: string | null | undefined, sourceIds: string[]): Confidence {
  const l = (level ?? '').replace(/\s*\(.*\)$/, '');
  const solid = l === 'high' || l === 'medium-high' || l === 'medium';
  const kinds = sourceIds.map((s) => sources[s]?.kind);
  if (solid && kinds.includes('official')) return 'confirmed';
  if (l === 'high' && sourceIds.some((s) => s.startsWith('rc-'))) return 'confirmed';
  if (solid && kinds.includes('press')) return 'press';
  return 'third-party';
}
const RANK: Record<Confidence, number> = { confirmed: 0, press: 1, 'third-party': 2, user: 3 };

// ---------------------------------------------------------------- account keys

const PLATFORM: Record<string, PlatformId> = {
  x_twitter: 'x',
  facebook: 'facebook',
  instagram: 'instagram',
  youtube: 'youtube',
  dailymotion: 'dailymotion',
  linkedin: 'linkedin',
  tiktok: 'tiktok',
  bluesky: 'bluesky',
  mastodon: 'mastodon',
  threads: 'threads',
  flickr: 'flickr',
};

function accountOf(platform: PlatformId, seen: string): { key: string; url: string } {
  const raw = seen.trim();
  switch (platform) {
    case 'x':
      return { key: raw.replace(/^@/, '').toLowerCase(), url: `https://x.com/${raw.replace(/^@/, '')}` };
    case 'facebook': {
      const id = raw.match(/page id (\d+)/);
      if (id) return { key: `id:${id[1]}`, url: `https://www.facebook.com/pages/Ville-de-Lyon/${id[1]}` };
      const vanity = raw.replace(/\s*\(.*\)$/, '');
      return { key: vanity.toLowerCase(), url: `https://www.facebook.com/${vanity}` };
    }
    case 'instagram':
      return { key: raw.toLowerCase(), url: `https://www.instagram.com/${raw}/` };
    case 'linkedin':
      return { key: `company/${raw.toLowerCase()}`, url: `https://www.linkedin.com/company/${raw}/` };
    case 'youtube':
      if (raw.startsWith('@')) return { key: raw.toLowerCase(), url: `https://www.youtube.com/${raw}` };
      return { key: raw, url: `https://www.youtube.com/${raw}` };
    case 'tiktok': {
      const u = raw.replace(/^@/, '');
      return { key: u.toLowerCase(), url: `https://www.tiktok.com/@${u}` };
    }
    case 'bluesky':
      return { key: raw.toLowerCase(), url: `https://bsky.app/profile/${raw}` };
    case 'dailymotion':
      return { key: raw.toLowerCase(), url: `https://www.dailymotion.com/${raw}` };
    default:
      return { key: raw.toLowerCase(), url: raw };
  }
}

// ---------------------------------------------------------------- entity ids

function entityId(researchId: string): string {
  if (researchId.startsWith('min-')) return `ministry-${researchId.slice(4)}`;
  if (researchId.startsWith('mp-')) return `minister-${researchId.slice(3)}`;
  if (researchId === 'gov-gouvernement') return 'executive-gouvernement';
  if (researchId === 'gov-elysee') return 'executive-elysee';
  if (researchId === 'person-macron') return 'executive-macron';
  return researchId;
}

// ---------------------------------------------------------------- figures

const METRIC: Record<string, Figure['metric'] | undefined> = {
  followers: 'followers',
  facebook_likes: 'page-likes',
  facebook_fans: 'page-likes',
  facebook_followers: 'followers',
};
let droppedFigures = 0;
const dropReasons: string[] = [];

function precisionOf(note: string): Figure['precision'] {
  if (/plus de|more than|lower bound|>/i.test(note)) return 'lower-bound';
  if (/million|près de|rounded|quelque|environ|~/i.test(note)) return 'rounded';
  return 'exact';
}

function figureOf(o: Obj, where: string): Figure | undefined {
  const metric = METRIC[String(o.metric)];
  if (!o.account_identified_in_source || !metric) {
    droppedFigures++;
    dropReasons.push(
      `${where}: ${o.metric} ${o.value} (${!metric ? 'metric not mapped' : 'source does not name the account'})`,
    );
    return undefined;
  }
  const note = String(o.note ?? '');
  const f: Figure = { metric, value: Number(o.value), precision: precisionOf(note), source: sid(String(o.source)) };
  if (o.observed_date) f.date = String(o.observed_date);
  else if (o.observed_on_or_before) {
    f.date = String(o.observed_on_or_before);
    f.onOrBefore = true;
  }
  if (note) f.note = note;
  return f;
}

// ---------------------------------------------------------------- accounts

interface Draft {
  account: Account;
  level: number;
  notes: string[];
}
const drafts = new Map<string, Map<string, Draft>>(); // entity → platform key → draft

function addAccount(
  entity: string,
  platform: PlatformId,
  seen: string,
  level: string,
  srcIds: string[],
  note?: string | null,
  figures: Figure[] = [],
) {
  const { key, url } = accountOf(platform, seen);
  const map = drafts.get(entity) ?? new Map<string, Draft>();
  drafts.set(entity, map);
  const k = `${platform} ${key}`;
  const conf = confidence(level, srcIds);
  const existing = map.get(k);
  if (existing) {
    for (const s of srcIds) if (!existing.account.sources.includes(s)) existing.account.sources.push(s);
    if (RANK[conf] < RANK[existing.account.confidence]) existing.account.confidence = conf;
    if (note && !existing.notes.includes(note)) existing.notes.push(note);
    if (figures.length) existing.account.figures = [...(existing.account.figures ?? []), ...figures];
    return;
  }
  map.set(k, {
    account: {
      platform,
      key,
      url,
      status: 'active',
      confidence: conf,
      sources: [...new Set(srcIds)],
      ...(figures.length ? { figures } : {}),
    },
    level: RANK[conf],
    notes: note ? [note] : [],
  });
}

const webs = new Map<string, Entity['websites']>();
const particip = new Map<string, NonNullable<Entity['participation']>>();

for (const r of facts.records) {
  const entity = entityId(String(r.entity_id));
  const where = `${entity} ${r.platform}`;
  const handleSources = ((r.handle_sources as string[]) ?? []).map(sid);
  if (r.platform === 'participatory_platform') {
    if (!r.canonical_url) continue;
    const list = particip.get(entity) ?? [];
    // "Online since 19 May 2021" / "Launched 1 Jan 2025": the only start dates the research states.
    const m = String(r.notes ?? '').match(/(?:Online since|Launched) (\d{1,2}) (Jan|May)\w* (\d{4})/);
    const since = m ? `${m[3]}-${m[2] === 'Jan' ? '01' : '05'}-${(m[1] ?? '').padStart(2, '0')}` : undefined;
    list.push({
      url: String(r.canonical_url),
      ...(r.software ? { software: String(r.software) } : {}),
      ...(since ? { since } : {}),
      confidence: confidence(String(r.confidence), handleSources),
      sources: handleSources,
    });
    particip.set(entity, list);
    continue;
  }
  const platform = PLATFORM[String(r.platform)];
  const observations = (r.observations as Obj[]) ?? [];
  if (!platform || !r.handle) {
    for (const o of observations) {
      // The study's two figures go to the study itself (below), not to an unknown account.
      if (String(o.source).includes('pierremiceli')) continue;
      droppedFigures++;
      dropReasons.push(`${where}: ${o.metric} ${o.value} (no account known)`);
    }
    continue;
  }
  const figures = observations
    .filter((o) => !String(o.source).includes('pierremiceli'))
    .map((o) => figureOf(o, where))
    .filter((f): f is Figure => !!f);
  addAccount(
    entity,
    platform,
    String(r.handle),
    String(r.confidence),
    handleSources,
    r.notes as string | null,
    figures,
  );
}

for (const f of facts2) {
  const entity = entityId(String(f.entity_id));
  const citations = String(f.source).split(' || ');
  // A pass-2 citation often bundles several documents; its date is kept only when the research
  // gave one clean date for a single citation.
  const cleanDate =
    /^\d{4}-\d{2}(-\d{2})?$/.test(String(f.source_date ?? '')) && citations.length === 1
      ? String(f.source_date)
      : undefined;
  const srcIds = citations.map((c) => {
    const id = sourceId(c, cleanDate);
    used.add(id);
    return id;
  });
  if (f.kind === 'website') {
    const list = webs.get(entity) ?? [];
    list.push({ url: String(f.canonical_url), confidence: confidence(String(f.confidence), srcIds), sources: srcIds });
    webs.set(entity, list);
  } else if (f.kind === 'handle') {
    const platform = PLATFORM[String(f.platform)];
    if (!platform) throw new Error(`platform ${f.platform}`);
    addAccount(entity, platform, String(f.value), String(f.confidence), srcIds, f.note as string | null);
  }
}

// Status changes (January 2025), with the sources that report them.
interface StatusChange {
  entity: string;
  key: string;
  since: string;
  sources: string[];
  fr: string;
  en: string;
}
const STATUS: StatusChange[] = [
  {
    entity: 'city-75056',
    key: 'paris',
    since: '2025-01-20',
    sources: [key1('AFP_PARIS_X'), key1('BFM_PARIS_X')],
    fr: 'La Ville de Paris a quitté X le 20 janvier 2025 : compte rendu inactif, non supprimé.',
    en: 'The City of Paris left X on 20 January 2025: the account was made inactive, not deleted.',
  },
  {
    entity: 'city-69123',
    key: 'villedelyon',
    since: '2025-01-20',
    sources: [sid(String(facts2.find((f) => f.fact_id === 'P2-058')?.source))],
    fr: 'La Ville de Lyon ne publie plus sur X depuis le 20 janvier 2025, sauf communication de crise ; compte non supprimé (la presse ne cite pas l’identifiant).',
    en: 'The City of Lyon stopped posting on X on 20 January 2025, except for crisis communication; account not deleted (the press does not quote the handle).',
  },
  {
    entity: 'region-44',
    key: 'regiongrandest',
    since: '2025-01-18',
    sources: [sid(String(facts2.find((f) => f.fact_id === 'P2-059')?.source)), key1('AFP_GRANDEST_X')],
    fr: 'La Région Grand Est n’utilise plus son compte X depuis le 18 janvier 2025 ; il reste actif pour éviter l’usurpation (le communiqué ne cite pas l’identifiant).',
    en: 'The Grand Est region stopped using its X account on 18 January 2025; it stays active to prevent impersonation (the statement does not quote the handle).',
  },
  {
    entity: 'region-53',
    key: 'regionbretagne',
    since: '2025-01',
    sources: [key1('SORTIR_BRETAGNE_X')],
    fr: 'La Région Bretagne a annoncé quitter X à la mi-janvier 2025 (la source ne cite pas l’identifiant).',
    en: 'The Brittany region announced it was leaving X in mid-January 2025 (the source does not quote the handle).',
  },
];
for (const s of STATUS) {
  const d = drafts.get(s.entity)?.get(`x ${s.key}`);
  if (!d) throw new Error(`status: no account ${s.entity} ${s.key}`);
  d.account.status = 'unused';
  d.account.statusSince = s.since;
  d.account.statusNote = { fr: s.fr, en: s.en };
  for (const id of s.sources) if (!d.account.sources.includes(id)) d.account.sources.push(id);
}

// Seen in passing by the second pass: La Dépêche names @Toulouse with its Dec-2014 barometer count.
{
  const d = drafts.get('city-31555')?.get('x toulouse');
  const src = byCitation.get(String(facts2.find((f) => f.fact_id === 'P2-049')?.source));
  if (!d || !src) throw new Error('Toulouse X account or source missing');
  d.account.figures = [
    {
      metric: 'followers',
      value: 60153,
      date: '2014-12',
      precision: 'exact',
      source: src,
      note: 'Institut Edgar Quinet barometer of December 2014, quoted by La Dépêche with the handle @Toulouse',
    },
  ];
}

function accountsOf(entity: string): Account[] {
  const map = drafts.get(entity);
  if (!map) return [];
  const list = [...map.values()];
  const perPlatform = new Map<string, string[]>();
  for (const d of list)
    perPlatform.set(d.account.platform, [...(perPlatform.get(d.account.platform) ?? []), d.account.key]);
  return list.map((d) => {
    const notes = [...d.notes];
    const others = (perPlatform.get(d.account.platform) ?? []).filter((k) => k !== d.account.key);
    if (others.length) notes.push(`Sources disagree: also recorded for this platform: ${others.join(', ')}.`);
    const a: Account = { ...d.account };
    if (notes.length) a.note = notes.map((n) => (/[.!?)]$/.test(n) ? n : `${n}.`)).join(' ');
    return a;
  });
}

// ---------------------------------------------------------------- cities and regions

const bigCities = largeCities(communes);
const nameCount = new Map<string, number>();
for (const c of bigCities) nameCount.set(c.nom, (nameCount.get(c.nom) ?? 0) + 1);
const cities: Entity[] = bigCities.map((c, i) => ({
  id: `city-${c.code}`,
  group: 'city',
  name: { fr: c.nom },
  // Two Saint-Denis are above 100,000: the département tells them apart.
  ...((nameCount.get(c.nom) ?? 0) > 1
    ? { shortName: { fr: `${c.nom} (${c.departement === '974' || c.code.startsWith('974') ? '974' : c.departement})` } }
    : {}),
  code: { scheme: 'insee-commune', value: c.code },
  population: { value: c.population ?? 0, vintage: POPULATION_VINTAGE, source: POP },
  ...(i < 10 ? { cohort2012: true } : {}),
  ...(webs.get(`city-${c.code}`) ? { websites: webs.get(`city-${c.code}`) } : {}),
  ...(particip.get(`city-${c.code}`) ? { participation: particip.get(`city-${c.code}`) } : {}),
  accounts: accountsOf(`city-${c.code}`),
}));

const REGION_EN: Record<string, string> = {
  '03': 'French Guiana',
  '04': 'Réunion',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandy',
  '53': 'Brittany',
  '76': 'Occitania',
  '94': 'Corsica',
};
const regionNames = new Map(
  (
    JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules/@etalab/decoupage-administratif/data/regions.json'), 'utf8'),
    ) as { code: string; nom: string }[]
  ).map((r) => [r.code, r.nom]),
);
const regionPops = regionPopulations(communes);
const regionRank = [...regionPops.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
const regions: Entity[] = REGION_CODES.map((code) => {
  const id = `region-${code}`;
  return {
    id,
    group: 'region',
    name: { fr: regionNames.get(code) ?? code, ...(REGION_EN[code] ? { en: REGION_EN[code] } : {}) },
    code: { scheme: 'insee-region', value: code },
    population: { value: regionPops.get(code) ?? 0, vintage: code === '06' ? '2017' : POPULATION_VINTAGE, source: POP },
    ...(regionRank.indexOf(code) < 10 ? { cohort2012: true } : {}),
    ...(webs.get(id) ? { websites: webs.get(id) } : {}),
    ...(particip.get(id) ? { participation: particip.get(id) } : {}),
    accounts: accountsOf(id),
  } as Entity;
});

// ---------------------------------------------------------------- ministries, ministers, executive

const MINISTRIES: Record<
  string,
  { fr: string; en: string; short: string; shortEn?: string; from?: string; to?: string }
> = {
  interieur: {
    fr: "Ministère de l'Intérieur",
    en: 'Ministry of the Interior',
    short: 'Intérieur',
    shortEn: 'Interior',
  },
  armees: {
    fr: 'Ministère des Armées et des Anciens combattants',
    en: 'Ministry of the Armed Forces and Veterans',
    short: 'Armées',
    shortEn: 'Armed Forces',
  },
  meae: {
    fr: "Ministère de l'Europe et des Affaires étrangères",
    en: 'Ministry for Europe and Foreign Affairs',
    short: 'Affaires étrangères',
    shortEn: 'Foreign Affairs',
  },
  economie: {
    fr: "Ministère de l'Économie et des Finances",
    en: 'Ministry of the Economy and Finance',
    short: 'Économie',
    shortEn: 'Economy',
  },
  education: {
    fr: "Ministère de l'Éducation nationale",
    en: 'Ministry of National Education',
    short: 'Éducation',
    shortEn: 'Education',
  },
  justice: { fr: 'Ministère de la Justice', en: 'Ministry of Justice', short: 'Justice' },
  culture: { fr: 'Ministère de la Culture', en: 'Ministry of Culture', short: 'Culture' },
  travail: { fr: 'Ministère du Travail', en: 'Ministry of Labour', short: 'Travail', shortEn: 'Labour' },
  sante: { fr: 'Ministère de la Santé', en: 'Ministry of Health', short: 'Santé', shortEn: 'Health' },
  agriculture: { fr: "Ministère de l'Agriculture", en: 'Ministry of Agriculture', short: 'Agriculture' },
  ecologie: {
    fr: 'Ministère de la Transition écologique',
    en: 'Ministry for the Ecological Transition',
    short: 'Écologie',
    shortEn: 'Ecology',
  },
  sports: { fr: 'Ministère des Sports', en: 'Ministry of Sport', short: 'Sports', shortEn: 'Sport' },
  mer: { fr: 'Ministère de la Mer', en: 'Ministry of the Sea', short: 'Mer', shortEn: 'Sea', from: '2020', to: '2024' },
  territoires: {
    fr: 'Ministère de la Cohésion des territoires',
    en: 'Ministry for Territorial Cohesion',
    short: 'Territoires',
    shortEn: 'Territories',
  },
  outremer: {
    fr: 'Ministère des Outre-mer',
    en: 'Ministry for Overseas France',
    short: 'Outre-mer',
    shortEn: 'Overseas',
  },
  esr: {
    fr: "Ministère de l'Enseignement supérieur et de la Recherche",
    en: 'Ministry of Higher Education and Research',
    short: 'Enseignement supérieur',
    shortEn: 'Higher Education',
  },
  egalite: {
    fr: "Ministère chargé de l'Égalité entre les femmes et les hommes",
    en: 'Ministry for Gender Equality',
    short: 'Égalité',
    shortEn: 'Equality',
  },
};

interface MinisterInfo {
  fr: string;
  en: string;
  ministry?: string[];
  /** Lecornu II (12 Oct 2025) member; otherwise Lecornu I only, ended 12 Oct 2025. */
  current: boolean;
  sources: string[];
}
const L2 = ['lcp-lecornu-2'];
const L1 = [key1('GOV_LECORNU1')];
const MINISTERS: Record<string, MinisterInfo> = {
  lecornu: { fr: 'Premier ministre', en: 'Prime Minister', current: true, sources: [...L2, key1('GOV_LECORNU2_B')] },
  nunez: {
    fr: "Ministre de l'Intérieur",
    en: 'Minister of the Interior',
    ministry: ['interieur'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_A')],
  },
  vautrin: {
    fr: 'Ministre des Armées et des Anciens combattants',
    en: 'Minister of the Armed Forces and Veterans',
    ministry: ['armees'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_A')],
  },
  farandou: {
    fr: 'Ministre du Travail et des Solidarités',
    en: 'Minister of Labour and Solidarity',
    ministry: ['travail'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_B')],
  },
  barbut: {
    fr: 'Ministre de la Transition écologique, de la Biodiversité et des Négociations internationales sur le climat et la nature',
    en: 'Minister for the Ecological Transition, Biodiversity and International Climate and Nature Negotiations',
    ministry: ['ecologie'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_B')],
  },
  geffray: {
    fr: "Ministre de l'Éducation nationale",
    en: 'Minister of National Education',
    ministry: ['education'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_B')],
  },
  moutchou: {
    fr: 'Ministre des Outre-mer',
    en: 'Minister for Overseas France',
    ministry: ['outremer'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_B')],
  },
  dati: {
    fr: 'Ministre de la Culture',
    en: 'Minister of Culture',
    ministry: ['culture'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_B')],
  },
  darmanin: {
    fr: 'Garde des Sceaux, ministre de la Justice',
    en: 'Keeper of the Seals, Minister of Justice',
    ministry: ['justice'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_B')],
  },
  lescure: {
    fr: "Ministre de l'Économie, des Finances et de la Souveraineté industrielle, énergétique et numérique",
    en: 'Minister of the Economy, Finance and Industrial, Energy and Digital Sovereignty',
    ministry: ['economie'],
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_C')],
  },
  fournier: {
    fr: 'Ministre délégué chargé de la Ruralité',
    en: 'Minister Delegate for Rural Affairs',
    current: true,
    sources: [...L2, key1('GOV_LECORNU2_B')],
  },
  barrot: {
    fr: "Ministre de l'Europe et des Affaires étrangères",
    en: 'Minister for Europe and Foreign Affairs',
    ministry: ['meae'],
    current: true,
    sources: L2,
  },
  genevard: {
    fr: "Ministre de l'Agriculture, de l'Agro-alimentaire et de la Souveraineté alimentaire",
    en: 'Minister of Agriculture, Agri-food and Food Sovereignty',
    ministry: ['agriculture'],
    current: true,
    sources: L2,
  },
  montchalin: {
    fr: "Ministre de l'Action et des Comptes publics",
    en: 'Minister of Public Action and Accounts',
    current: true,
    sources: ['levif-lecornu-2', 'figaro-lecornu-2'],
  },
  tabarot: {
    fr: 'Ministre des Transports',
    en: 'Minister of Transport',
    current: true,
    sources: ['figaro-lecornu-2', 'levif-lecornu-2'],
  },
  berge: {
    fr: "Ministre déléguée chargée de l'Égalité entre les femmes et les hommes et de la Lutte contre les discriminations",
    en: 'Minister Delegate for Gender Equality and the Fight against Discrimination',
    ministry: ['egalite'],
    current: true,
    sources: L2,
  },
  ferrari: {
    fr: 'Ministre des Sports, de la Jeunesse et de la Vie associative',
    en: 'Minister for Sport, Youth and Community Life',
    ministry: ['sports'],
    current: true,
    sources: ['sportmag-ferrari'],
  },
  lefevre: {
    fr: 'Ministre délégué chargé de la Transition écologique',
    en: 'Minister Delegate for the Ecological Transition',
    ministry: ['ecologie'],
    current: true,
    sources: L2,
  },
  retailleau: {
    fr: "Ministre d'État, ministre de l'Intérieur (Lecornu I)",
    en: 'Minister of State, Minister of the Interior (Lecornu I)',
    current: false,
    sources: L1,
  },
  borne: {
    fr: "Ministre d'État, ministre de l'Éducation nationale, de l'Enseignement supérieur et de la Recherche (Lecornu I)",
    en: 'Minister of State, Minister of Education, Higher Education and Research (Lecornu I)',
    current: false,
    sources: L1,
  },
  valls: {
    fr: "Ministre d'État, ministre des Outre-mer (Lecornu I)",
    en: 'Minister of State, Minister for Overseas France (Lecornu I)',
    current: false,
    sources: L1,
  },
  pannier: {
    fr: 'Ministre de la Transition écologique (Lecornu I)',
    en: 'Minister for the Ecological Transition (Lecornu I)',
    current: false,
    sources: L1,
  },
  lemaire: {
    fr: 'Ministre des Armées (Lecornu I)',
    en: 'Minister of the Armed Forces (Lecornu I)',
    current: false,
    sources: L1,
  },
  woerth: {
    fr: "Ministre de l'Aménagement du territoire et de la Décentralisation, du Logement (Lecornu I)",
    en: 'Minister for Regional Planning, Decentralisation and Housing (Lecornu I)',
    current: false,
    sources: L1,
  },
};
for (const info of Object.values(MINISTERS)) for (const s of info.sources) used.add(s);

const ministerOf = new Map<string, string[]>(); // ministry slug → minister ids
for (const [slugName, info] of Object.entries(MINISTERS))
  for (const m of info.ministry ?? []) ministerOf.set(m, [...(ministerOf.get(m) ?? []), `minister-${slugName}`]);

const ministries: Entity[] = Object.entries(MINISTRIES).map(([s, m]) => {
  const id = `ministry-${s}`;
  const related = (ministerOf.get(s) ?? []).map((entity) => ({ entity, relation: 'has-minister' as const }));
  return {
    id,
    group: 'ministry',
    name: { fr: m.fr, en: m.en },
    shortName: { fr: m.short, ...(m.shortEn ? { en: m.shortEn } : {}) },
    ...(m.from ? { validFrom: m.from } : {}),
    ...(m.to ? { validTo: m.to } : {}),
    ...(webs.get(id) ? { websites: webs.get(id) } : {}),
    ...(related.length ? { related } : {}),
    accounts: accountsOf(id),
  };
});

const researchName = new Map(facts.entities.map((e) => [entityId(String(e.entity_id)), String(e.entity_name)]));
const ministers: Entity[] = Object.entries(MINISTERS).map(([s, info]) => {
  const id = `minister-${s}`;
  const name = researchName.get(id);
  if (!name) throw new Error(`no research entity for ${id}`);
  return {
    id,
    group: 'minister',
    name: { fr: name },
    role: { fr: info.fr, en: info.en },
    ...(info.current ? { validFrom: '2025-10-12' } : { validFrom: '2025-10-05', validTo: '2025-10-12' }),
    ...(info.ministry
      ? { related: info.ministry.map((m) => ({ entity: `ministry-${m}`, relation: 'minister-of' as const })) }
      : {}),
    accounts: accountsOf(id),
  };
});

const executive: Entity[] = [
  {
    id: 'executive-gouvernement',
    group: 'executive',
    name: {
      fr: 'Gouvernement (Service d’information du Gouvernement)',
      en: 'French Government (Government Information Service)',
    },
    shortName: { fr: 'Gouvernement', en: 'Government' },
    websites: webs.get('executive-gouvernement'),
    accounts: accountsOf('executive-gouvernement'),
  },
  {
    id: 'executive-elysee',
    group: 'executive',
    name: { fr: 'Présidence de la République (Élysée)', en: 'Presidency of the Republic (Élysée)' },
    shortName: { fr: 'Élysée' },
    websites: webs.get('executive-elysee'),
    accounts: accountsOf('executive-elysee'),
  },
  {
    id: 'executive-macron',
    group: 'executive',
    name: { fr: 'Emmanuel Macron' },
    role: { fr: 'Président de la République', en: 'President of the Republic' },
    accounts: accountsOf('executive-macron'),
  },
];

// ---------------------------------------------------------------- study

const study: Study = {
  id: 'da12-2012',
  title: {
    fr: 'Les médias sociaux et le secteur public (Social Media Kapital pour l’initiative européenne DA12)',
    en: 'Social media and the public sector (Social Media Kapital for the EU DA12 initiative)',
  },
  date: '2012-07',
  source: key1('STUDY_2012'),
  groups: ['ministry', 'minister', 'region', 'city'],
  findings: [
    {
      groups: ['ministry', 'minister', 'region', 'city'],
      text: {
        fr: 'Twitter était la plateforme la plus utilisée dans chacun des quatre groupes.',
        en: 'Twitter was the platform used most in each of the four groups.',
      },
    },
    {
      groups: ['ministry', 'minister'],
      text: {
        fr: 'Ministères et ministres recouraient beaucoup à la vidéo, Dailymotion en tête, pour des entretiens et pour faire connaître leur action.',
        en: 'Ministries and ministers relied heavily on video, Dailymotion first, for interviews and to publicise their work.',
      },
    },
    {
      groups: ['minister'],
      text: {
        fr: 'Le blog était surtout l’outil des ministres à titre personnel ; ministères, régions et villes y recouraient peu.',
        en: 'Blogs were mainly a tool of ministers as individuals; ministries, regions and cities seldom used them.',
      },
    },
    {
      groups: ['city'],
      text: {
        fr: 'Les écarts étaient forts à l’intérieur d’un même groupe : près de 75 000 fans Facebook pour Lille, 6 500 pour Toulouse.',
        en: 'Gaps inside one group were wide: close to 75,000 Facebook fans for Lille, 6,500 for Toulouse.',
      },
    },
    {
      groups: ['city'],
      text: {
        fr: 'Parmi les dix villes, seules Montpellier et Bordeaux disposaient d’une véritable plateforme participative.',
        en: 'Of the ten cities, only Montpellier and Bordeaux had a genuine participatory platform.',
      },
    },
    {
      groups: ['ministry', 'minister', 'region', 'city'],
      text: {
        fr: 'L’État (ministères, ministres) communiquait surtout de façon descendante ; les collectivités penchaient davantage vers l’échange avec les citoyens.',
        en: 'The State (ministries, ministers) mostly broadcast; local authorities leaned more towards exchange with citizens.',
      },
    },
  ],
  figures2012: [
    {
      entity: 'city-59350',
      platform: 'facebook',
      metric: 'page-likes',
      value: 75000,
      date: '2012-07',
      onOrBefore: true,
      precision: 'rounded',
      source: key1('STUDY_2012'),
      note: '« près de 75 000 fans » ; the post does not name the page, and a May 2013 barometer calls Lille a new Facebook entrant, so the page may differ from today’s.',
    },
    {
      entity: 'city-31555',
      platform: 'facebook',
      metric: 'page-likes',
      value: 6500,
      date: '2012-07',
      onOrBefore: true,
      precision: 'exact',
      source: key1('STUDY_2012'),
      note: '« seulement 6500 » as written in the post; the page is not named.',
    },
  ],
};

// ---------------------------------------------------------------- write

const sourcesUsed: Record<string, Source> = {};
for (const id of [...used, POP].sort()) {
  if (!sources[id]) throw new Error(`missing source ${id}`);
  sourcesUsed[id] = sources[id];
}

const dataset: Dataset = {
  edition: { id: '2026-11-28', date: '2026-11-28', ministersAsOf: '2025-10-12', ministersSource: 'lcp-lecornu-2' },
  sources: sourcesUsed,
  study,
  entities: [...cities, ...regions, ...ministries, ...ministers, ...executive],
};

const files: Record<string, unknown> = {
  'edition.json': dataset.edition,
  'sources.json': dataset.sources,
  'study.json': dataset.study,
  'cities.json': cities,
  'regions.json': regions,
  'ministries.json': ministries,
  'ministers.json': ministers,
  'executive.json': executive,
};
fs.mkdirSync(OUT, { recursive: true });
for (const [name, content] of Object.entries(files))
  fs.writeFileSync(path.join(OUT, name), formatDataFile(content, shapeForFile(name)));
if (fs.existsSync(path.join(OUT, 'dataset.json'))) fs.unlinkSync(path.join(OUT, 'dataset.json'));

console.log(`entities: ${dataset.entities.length}, sources: ${Object.keys(sourcesUsed).length}`);
console.log(`figures dropped (source does not name the account, or no account): ${droppedFigures}`);
for (const r of dropReasons) console.log(`  - ${r}`);
