import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { downloadsDeclined, saveFile } from '@/lib/popup/save-file';

const blob = () => new Blob(['a;b\r\n'], { type: 'text/csv' });

describe('saveFile', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    URL.createObjectURL = vi.fn(() => 'blob:civiscope/1');
    URL.revokeObjectURL = vi.fn();
  });

  it('asks for the downloads permission and, granted, saves through the downloads API', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const download = vi.fn().mockResolvedValue(1);
    (fakeBrowser as unknown as { downloads: { download: typeof download } }).downloads = { download };
    expect(await saveFile('civiscope_x.csv', blob())).toBe('downloads');
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    expect(download).toHaveBeenCalledWith({ url: 'blob:civiscope/1', filename: 'civiscope_x.csv', saveAs: false });
  });

  it('refused: falls back to a download link and does not ask again', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    expect(await saveFile('a.csv', blob())).toBe('link');
    expect(await downloadsDeclined.getValue()).toBe(true);
    expect(await saveFile('b.csv', blob())).toBe('link');
    expect(request).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(2);
  });

  it('no permissions API at all: the link still saves the file', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('not supported'));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    expect(await saveFile('a.csv', blob())).toBe('link');
    expect(click).toHaveBeenCalledTimes(1);
  });
});
