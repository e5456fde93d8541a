// The process the interrupted-export test kills: writes a generated site of `pages` pages
// into the output folder with the real writer, as `casebook export` does, and says "ready"
// just before it starts writing so the parent can kill it part way.
import { writeSync } from 'node:fs';
import { writeOutput } from '../../../src/core/node/export/output-writer';
import { generatedSite } from './export-content';

const [outDir, pages, round] = process.argv.slice(2);
if (!outDir || !pages || !round) throw new Error('usage: export-writer <out> <pages> <round>');
writeSync(1, 'ready\n');
await writeOutput(outDir, generatedSite(Number(pages), Number(round)), { format: 'site' });
writeSync(1, 'done\n');
