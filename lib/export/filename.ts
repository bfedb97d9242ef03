/**
 * File names for exports: `civiscope_<entity>_<platform>_<YYYY-MM-DD>.<ext>` and
 * `civiscope_group-<group>_<YYYY-MM-DD>.<ext>`. Parts come from ids and URLs, so anything outside
 * a safe set (letters, digits, `-`, `.` inside) becomes `-`: no path separators, no spaces, no
 * characters Windows refuses, no leading dot.
 */

function safePart(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned.slice(0, 80) || fallback;
}

/** The date part: a `YYYY-MM-DD` prefix of what is given (a datetime is cut to its day). */
function safeDate(date: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0];
  return day ?? safePart(date, 'undated');
}

function safeExt(ext: string): string {
  return (
    ext
      .replace(/^\./, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') || 'txt'
  );
}

export function exportFileName(entityId: string, platform: string, date: string, ext: string): string {
  return `civiscope_${safePart(entityId, 'entity')}_${safePart(platform, 'platform')}_${safeDate(date)}.${safeExt(ext)}`;
}

export function groupExportFileName(group: string, date: string, ext: string): string {
  return `civiscope_group-${safePart(group, 'group')}_${safeDate(date)}.${safeExt(ext)}`;
}
