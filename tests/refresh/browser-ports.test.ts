import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserPorts } from '@/lib/refresh/browser-ports';

describe('the refresh’s browser ports', () => {
  beforeEach(() => fakeBrowser.reset());

  it('say the job’s tab is about to move before sending it to the next peer', async () => {
    const order: string[] = [];
    const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/sante_gouv' });
    vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation(async (id) => {
      order.push(`update ${id}`);
      return tab;
    });
    const ports = browserPorts(
      () => new Date(),
      () => {},
      (tabId) => order.push(`before ${tabId}`),
    );
    await ports.navigateTab(tab.id ?? -1, 'https://x.com/ecologie_gouv');
    expect(order).toEqual([`before ${tab.id}`, `update ${tab.id}`]);
  });
});
