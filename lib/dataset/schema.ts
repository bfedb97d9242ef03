import * as v from 'valibot';
import { PLATFORM_IDS } from '../platforms/types';

/**
 * The benchmark dataset's schema. Data files are validated against it in tests, by
 * `civiscope dataset check` and before any imported dataset is used.
 *
 * Dates are ISO strings: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the source is only that precise.
 */
export const GROUPS = ['ministry', 'minister', 'region', 'city', 'executive'] as const;
export type Group = (typeof GROUPS)[number];

const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD'),
);
const Url = v.pipe(v.string(), v.url('must be an absolute URL'));
const LocalText = v.strictObject({ fr: v.pipe(v.string(), v.minLength(1)), en: v.optional(v.string()) });

/** Id of an entry in `sources`. */
const SourceId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a source id (kebab-case)'));

/** Source families. `user` only appears in a dataset merged with the user's own additions (lib/overlay). */
export const SOURCE_KINDS = ['official', 'press', 'third-party', 'reference', 'study', 'user'] as const;

export const SourceSchema = v.strictObject({
  /** What the source is, in words ("AFP via techniques-ingenieur.fr, 2025-01-16"). */
  title: v.pipe(v.string(), v.minLength(1)),
  url: v.optional(v.string()),
  /** Publication or capture date of the source, when known. */
  date: v.optional(IsoDate),
  /** Source family for the README's licence section; `user`: added by the user of this browser (the overlay). */
  kind: v.picklist(SOURCE_KINDS),
});

/**
 * confirmed: the institution's own site or repository; press: named by the press; third-party: only
 * in third-party material; user: added by hand by the user of this browser (lib/overlay), never bundled.
 */
export const CONFIDENCES = ['confirmed', 'press', 'third-party', 'user'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const FigureSchema = v.strictObject({
  metric: v.picklist(['followers', 'subscribers', 'page-likes']),
  value: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Date of observation. With `onOrBefore`, the figure was seen no later than this date. */
  date: v.optional(IsoDate),
  onOrBefore: v.optional(v.boolean()),
  precision: v.picklist(['exact', 'rounded', 'lower-bound']),
  source: SourceId,
  /** Figure of the 2012 study edition. */
  edition: v.optional(v.literal('2012')),
  note: v.optional(v.string()),
});

export const AccountSchema = v.strictObject({
  platform: v.picklist(PLATFORM_IDS),
  key: v.pipe(v.string(), v.minLength(1)),
  url: Url,
  status: v.picklist(['active', 'unused', 'closed']),
  statusSince: v.optional(IsoDate),
  statusNote: v.optional(LocalText),
  confidence: v.picklist(CONFIDENCES),
  sources: v.pipe(v.array(SourceId), v.minLength(1, 'every account needs a source')),
  figures: v.optional(v.array(FigureSchema)),
  note: v.optional(v.string()),
});

const SourcedUrl = v.strictObject({
  url: Url,
  confidence: v.picklist(CONFIDENCES),
  sources: v.pipe(v.array(SourceId), v.minLength(1)),
});

export const CheckedAbsentSchema = v.strictObject({
  platform: v.picklist(PLATFORM_IDS),
  date: IsoDate,
  /** The page that was read (the institution's official site). */
  url: Url,
  source: SourceId,
});

export const EntitySchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^(city|region|ministry|minister|executive)-[a-z0-9-]+$/, 'must be <group>-<slug or code>'),
  ),
  group: v.picklist(GROUPS),
  name: LocalText,
  /** Short name for charts ("Lille", "Intérieur"). */
  shortName: v.optional(LocalText),
  /** Official code: INSEE commune or region code. */
  code: v.optional(v.strictObject({ scheme: v.picklist(['insee-commune', 'insee-region']), value: v.string() })),
  population: v.optional(
    v.strictObject({
      value: v.pipe(v.number(), v.integer(), v.minValue(1)),
      vintage: v.string(),
      source: SourceId,
    }),
  ),
  /** Member of the 2012 study's cohort (ten largest cities, ten most populous regions). */
  cohort2012: v.optional(v.boolean()),
  /** Ministers: their role; ministries: portfolio wording. */
  role: v.optional(LocalText),
  validFrom: v.optional(IsoDate),
  validTo: v.optional(IsoDate),
  /** Sources of the role and validity dates (ministers named in a reshuffle); optional, added after the first edition. */
  sources: v.optional(v.array(SourceId)),
  websites: v.optional(v.array(SourcedUrl)),
  participation: v.optional(
    v.array(
      v.strictObject({
        url: Url,
        software: v.optional(v.string()),
        since: v.optional(IsoDate),
        confidence: v.picklist(CONFIDENCES),
        sources: v.pipe(v.array(SourceId), v.minLength(1)),
      }),
    ),
  ),
  related: v.optional(
    v.array(
      v.strictObject({
        entity: v.string(),
        relation: v.picklist(['metropole-of', 'has-metropole', 'minister-of', 'has-minister']),
      }),
    ),
  ),
  accounts: v.array(AccountSchema),
  /**
   * "Absent as of a date": the institution's official site was read on `date` (page `url`) and
   * linked no account on `platform`. Evidence, not a verdict; never alongside an active or unused
   * account on the same platform. Platforms with neither an account nor a check are unknown.
   */
  checkedAbsent: v.optional(v.array(CheckedAbsentSchema)),
});

export const StudySchema = v.strictObject({
  id: v.literal('da12-2012'),
  title: LocalText,
  date: IsoDate,
  source: SourceId,
  groups: v.array(v.picklist(GROUPS)),
  findings: v.array(
    v.strictObject({ groups: v.array(v.picklist(GROUPS)), text: v.strictObject({ fr: v.string(), en: v.string() }) }),
  ),
  /**
   * Figures quoted by the study whose account is not known (the post names the city, not the page):
   * they belong to the study, not to an account of the dataset.
   */
  figures2012: v.optional(
    v.array(
      v.strictObject({
        entity: v.string(),
        platform: v.picklist(PLATFORM_IDS),
        metric: v.picklist(['followers', 'subscribers', 'page-likes']),
        value: v.pipe(v.number(), v.integer(), v.minValue(0)),
        date: v.optional(IsoDate),
        onOrBefore: v.optional(v.boolean()),
        precision: v.picklist(['exact', 'rounded', 'lower-bound']),
        source: SourceId,
        note: v.optional(v.string()),
      }),
    ),
  ),
});

export const DatasetSchema = v.strictObject({
  edition: v.strictObject({
    id: v.string(),
    date: IsoDate,
    ministersAsOf: v.optional(IsoDate),
    ministersSource: v.optional(SourceId),
  }),
  sources: v.record(SourceId, SourceSchema),
  study: v.optional(StudySchema),
  entities: v.array(EntitySchema),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type Account = v.InferOutput<typeof AccountSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type CheckedAbsent = v.InferOutput<typeof CheckedAbsentSchema>;
export type Study = v.InferOutput<typeof StudySchema>;
export type StudyFigure = NonNullable<Study['figures2012']>[number];
export type Dataset = v.InferOutput<typeof DatasetSchema>;
