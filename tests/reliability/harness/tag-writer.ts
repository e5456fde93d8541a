// A second process saving the same study as the app (as the CLI or a second window would):
// adds tags <name>-0 … <name>-<rounds-1>, each save based on the version it read
// (baseUpdatedAt), retrying after a conflict. Prints "ack <tag>" once a save has resolved.
import { writeSync } from 'node:fs';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { addTags } from './tag-writing';

const [workspace, id, name, rounds] = process.argv.slice(2);
if (!workspace || !id || !name || !rounds) throw new Error('usage: tag-writer <workspace> <id> <name> <rounds>');

const service = await openWorkspace(workspace);
writeSync(1, 'ready\n');
const conflicts = await addTags(service, id, name, Number(rounds), (tag) => writeSync(1, `ack ${tag}\n`));
writeSync(1, `done ${conflicts}\n`);
