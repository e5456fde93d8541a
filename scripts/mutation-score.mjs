// Merges the mutation reports of every chunk (reports/mutation/*.json, newest report wins for a
// file measured twice) into one table: the score of each folder of src/core and of src/core as
// a whole, as Stryker counts it — (killed + timeout) / (killed + timeout + survived + no coverage).
// `npm run mutation:score [-- --files]` (--files: one row per file as well).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const dir = 'reports/mutation';
const reports = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => path.join(dir, name))
  .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);

const files = new Map();
for (const report of reports) {
  for (const [file, result] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
    files.set(file.replaceAll('\\', '/'), { ...result, report });
  }
}

const empty = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 });
const add = (into, status) => {
  const key = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage' }[status];
  into[key ?? 'ignored']++;
};
const score = (c) => {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return valid === 0 ? '—' : `${((100 * detected) / valid).toFixed(1)} %`;
};
const row = (name, c) =>
  `${name.padEnd(52)} ${String(c.killed + c.timeout).padStart(6)} ${String(c.survived).padStart(6)} ` +
  `${String(c.noCoverage).padStart(6)} ${String(c.ignored).padStart(7)} ${score(c).padStart(8)}`;

const byFolder = new Map();
const total = empty();
const perFile = [];
for (const [file, result] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const counts = empty();
  for (const mutant of result.mutants) add(counts, mutant.status);
  perFile.push([file, counts]);
  const folder = path.posix.dirname(file);
  const into = byFolder.get(folder) ?? empty();
  for (const key of Object.keys(counts)) {
    into[key] += counts[key];
    total[key] += counts[key];
  }
  byFolder.set(folder, into);
}

console.log(
  `${'where'.padEnd(52)} ${'killed'.padStart(6)} ${'surv.'.padStart(6)} ${'no cov'.padStart(6)} ${'ignored'.padStart(7)} ${'score'.padStart(8)}`,
);
for (const [folder, counts] of byFolder) console.log(row(`${folder}/`, counts));
if (process.argv.includes('--files')) {
  console.log('');
  for (const [file, counts] of perFile) console.log(row(file, counts));
}
console.log('');
console.log(row(`all ${files.size} files measured`, total));
