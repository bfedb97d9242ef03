import type { DatasetIndex } from '../dataset';
import { detectAccount } from '../platforms/registry';
import type { CommandResult } from './args';

/** `detect <url>...`: one JSON object per URL, the same recognition the extension runs. */
export function detectCommand(index: DatasetIndex, urls: readonly string[]): CommandResult {
  if (urls.length === 0) return { stdout: '', stderr: 'usage: civiscope detect <url>...\n', exitCode: 2 };
  const lines = urls.map((url) => {
    const account = detectAccount(url);
    const match = account ? index.account(account.platform, account.key) : undefined;
    const site = account ? undefined : index.website(url);
    return JSON.stringify({
      url,
      platform: account?.platform ?? null,
      page: account?.page ?? null,
      key: account?.key ?? null,
      entity: match?.entity.id ?? site?.entity.id ?? null,
    });
  });
  return { stdout: `${lines.join('\n')}\n`, exitCode: 0 };
}
