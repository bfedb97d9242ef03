import type { TabState } from '../background/tab-state';
import type { Account, DatasetIndex, Entity } from '../dataset';
import type { AccountRef, AudienceReading } from '../platforms/types';
import { findResemblances, type Resemblance } from './lookalike';

/** What the popup shows, decided from the active tab alone. */
export type PopupModel =
  | {
      kind: 'listed';
      url: string;
      account: AccountRef;
      entity: Entity;
      record: Account;
      reading?: AudienceReading;
      readAt?: number;
    }
  | {
      kind: 'unlisted';
      url: string;
      account: AccountRef;
      reading?: AudienceReading;
      readAt?: number;
      resemblances: Resemblance[];
    }
  | { kind: 'website'; url: string; entity: Entity; site: string }
  | { kind: 'other'; url?: string };

/**
 * Pure: the tab's URL and the tab's last page report → popup state. The report is only
 * trusted when it is about the URL the tab shows now; otherwise `detect` parses the URL, which
 * covers tabs opened before the extension was installed.
 */
export function resolvePopupModel(
  index: DatasetIndex,
  tabUrl: string | undefined,
  state: TabState | null,
  detect?: (url: string) => AccountRef | undefined,
): PopupModel {
  if (!tabUrl) return { kind: 'other' };
  const report = state && state.url === tabUrl ? state.report : undefined;
  const account = report ? report.account : detect?.(tabUrl);
  if (account) {
    const reading = report?.reading;
    const readAt = report?.readAt;
    const match = index.account(account.platform, account.key);
    if (match)
      return { kind: 'listed', url: tabUrl, account, entity: match.entity, record: match.account, reading, readAt };
    const resemblances = findResemblances(index, account, reading ?? {});
    return { kind: 'unlisted', url: tabUrl, account, reading, readAt, resemblances };
  }
  const site = index.website(tabUrl);
  if (site) return { kind: 'website', url: tabUrl, entity: site.entity, site: site.url };
  return { kind: 'other', url: tabUrl };
}
