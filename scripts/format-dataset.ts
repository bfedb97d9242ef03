/** Rewrites lib/dataset/data/*.json in canonical form (`npm run dataset:format`). */
import fs from 'node:fs';
import path from 'node:path';
import { formatDataFile, shapeForFile } from '../lib/dataset/format';

const DATA = path.resolve(import.meta.dirname, '../lib/dataset/data');
let changed = 0;
for (const name of fs.readdirSync(DATA).filter((f) => f.endsWith('.json'))) {
  const file = path.join(DATA, name);
  const text = fs.readFileSync(file, 'utf8');
  const out = formatDataFile(JSON.parse(text), shapeForFile(name));
  if (out !== text) {
    fs.writeFileSync(file, out);
    changed++;
    console.log(`formatted ${name}`);
  }
}
console.log(changed ? `${changed} file(s) rewritten` : 'All data files already canonical.');
