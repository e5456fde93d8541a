// Worker entry: parses Markdown files (and template sections) sent by markdown-parser.ts, one
// message each, and
// answers with plain data (the study draft, its images and warnings, or the reason it was
// refused). It never touches the disk; the main thread reads files and writes the workspace.
import { parentPort } from 'node:worker_threads';
import { parseTemplateSection } from '../../pure/templates/template-draft';
import { parseMarkdownFile } from './markdown-file-parse';
import type { ParseReply, ParseRequest } from './markdown-parser';

const port = parentPort;
if (port) {
  port.on('message', (request: ParseRequest) => {
    const result =
      request.kind === 'file'
        ? parseMarkdownFile(request.bytes, request.fileName)
        : parseTemplateSection(request.markdown);
    const reply: ParseReply = { id: request.id, result };
    port.postMessage(reply);
  });
  // Sent once every module above has loaded, so loading never counts against a file's time.
  port.postMessage('ready');
}
