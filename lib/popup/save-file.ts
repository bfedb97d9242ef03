import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** Set when the user refused the downloads permission: they are not asked again at every export. */
export const downloadsDeclined = storage.defineItem<boolean>('local:downloadsDeclined', {
  fallback: false,
  version: 1,
});

export type SaveMethod = 'downloads' | 'link';

/**
 * Saves a file the popup made. The `downloads` permission is optional: it is asked for the first
 * time the user exports (this runs in the click's gesture), and once granted the browser's
 * downloads API saves the file reliably. Refused (then not asked again) or unavailable, a plain
 * download link does it.
 */
export async function saveFile(name: string, blob: Blob, doc: Document = document): Promise<SaveMethod> {
  const url = URL.createObjectURL(blob);
  // The popup may close right after: leave the browser time to read the blob before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  try {
    if (!(await downloadsDeclined.getValue())) {
      if (await browser.permissions.request({ permissions: ['downloads'] })) {
        await browser.downloads.download({ url, filename: name, saveAs: false });
        return 'downloads';
      }
      await downloadsDeclined.setValue(true);
    }
  } catch {
    // No downloads API here, or the request could not be made: the link below still works.
  }
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  return 'link';
}

/** A canvas's picture as PNG. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png'),
  );
}
