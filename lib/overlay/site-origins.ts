import type { Dataset } from '../dataset/schema';
import { originPatterns } from './group-search';

/** Match patterns for the origins of every official website in the dataset (the manifest's optional hosts). */
export function websiteOrigins(dataset: Dataset): string[] {
  return originPatterns(dataset.entities.flatMap((e) => (e.websites ?? []).map((w) => w.url)));
}
