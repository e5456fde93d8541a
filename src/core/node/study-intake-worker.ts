// Worker entry: reads study files for the library's first full read of a large workspace
// (study-intake.ts) and answers with what the index and the badges keep of each (plain data).
// A file is read as the store reads it (no link followed, size and depth bounded, parsed and
// validated in full by parseJsonFile, older formats upgraded); one it cannot use in any way is
// answered `null`, and the main thread reads it through the store, which sets damage aside.
import { parentPort, workerData } from 'node:worker_threads';
import { checkStudy } from '../pure/checks/publish-checks';
import { StudyNames } from '../pure/checks/study-names';
import { TemplatePrompts } from '../pure/checks/template-prompts';
import { studyWordsOf } from '../pure/library/study-words';
import { STUDY_FORMAT } from '../pure/schemas/study-fields';
import { studyFileSchema } from '../pure/schemas/study-migrations';
import { statOrNull } from './file-exists';
import { parseJsonFile } from './json-file';
import { readRegularFileStatSync } from './regular-file';
import { countsOf } from './library-badges';
import { sameStamp, stampOf } from './study-files';
import type { IntakeContext, IntakeReply, IntakeRequest, IntakeResult } from './study-intake';

const context = workerData as IntakeContext;
const names = StudyNames.of(context.names);
const prompts = context.templates ? TemplatePrompts.withWorkspace(context.templates) : null;
const schema = studyFileSchema.nullable();

function readOne(id: string, file: string): IntakeResult {
  try {
    return { id, read: readStudyWords(id, file) };
  } catch {
    return { id, read: null };
  }
}

function readStudyWords(id: string, file: string): IntakeResult['read'] {
  // Synchronous reads: this thread has nothing else to do, and five awaited file calls per
  // study cost more waiting than the study's whole parse and validation.
  const opened = readRegularFileStatSync(file, context.maxBytes);
  if (!opened) return null;
  const after = statOrNull(file);
  const study = parseJsonFile(file, opened.bytes, schema, STUDY_FORMAT);
  if (!study || study.id !== id) return null;
  const stamp = after && sameStamp(opened.stat, after) ? stampOf(after) : null;
  const counts = prompts ? countsOf(checkStudy(study, { site: context.site, names, prompts })) : null;
  return { ...studyWordsOf(study), stamp, counts };
}

const port = parentPort;
if (port) {
  port.on('message', ({ seq, items }: IntakeRequest) => {
    // Each study answered as soon as it is read: the thread holds one study's words at a time.
    for (const { id, file } of items) port.postMessage({ seq, result: readOne(id, file) } satisfies IntakeReply);
  });
  port.postMessage('ready');
}
