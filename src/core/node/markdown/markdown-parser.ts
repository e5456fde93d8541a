// Parses Markdown files in a worker thread that is stopped when a file takes too long or needs
// too much memory, so one hostile file (micromark is quadratic on some inputs) costs at most
// PARSE_TIME_LIMIT_MS, is reported, and never blocks the process: the server keeps answering.
//
// Where the worker's code is: beside this module in every build (module-worker.ts).
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker';
import { CasebookError } from '../../pure/errors';
import { PARSE_TIME_LIMIT_MS, PARSE_WORKER_HEAP_MB } from '../../pure/markdown/import-limits';
import type { RichTextDoc } from '../../pure/schemas/rich-text';
import type { ParseResult } from './markdown-study-parse';

/** A section of a template file, as Markdown, read into a document or refused. */
export type SectionResult = { ok: true; doc: RichTextDoc } | { ok: false; reason: string };

type ParsePayload = { kind: 'file'; bytes: Uint8Array; fileName: string } | { kind: 'section'; markdown: string };
export type ParseRequest = ParsePayload & { id: number };
export type ParseReply = { id: number; result: ParseResult | SectionResult };

const WORKER_NAME = 'markdown-parse-worker';
/** Starting the worker (loading the parser) is not a file's fault; only a broken build takes this long. */
const START_TIME_LIMIT_MS = 60_000;

function startWorker(): Worker {
  return startModuleWorker(WORKER_NAME, import.meta.url, {
    resourceLimits: { maxOldGenerationSizeMb: PARSE_WORKER_HEAP_MB },
  });
}

export class MarkdownParser {
  private worker: Worker | null = null;
  private started: Promise<Worker> | null = null;
  private nextId = 1;

  constructor(private readonly timeLimitMs = PARSE_TIME_LIMIT_MS) {}

  /** One file at a time: the import reads its files in order. */
  parse(bytes: Uint8Array, fileName: string): Promise<ParseResult> {
    return this.run({ kind: 'file', bytes, fileName }, (reason) => ({
      ok: false,
      line: 1,
      reason,
    })) as Promise<ParseResult>;
  }

  /** A template section's Markdown (a template comes with the workspace: as hostile as a file). */
  parseSection(markdown: string): Promise<SectionResult> {
    return this.run({ kind: 'section', markdown }, (reason) => ({ ok: false, reason })) as Promise<SectionResult>;
  }

  private async run(
    payload: ParsePayload,
    refused: (reason: string) => ParseResult | SectionResult,
  ): Promise<ParseResult | SectionResult> {
    const worker = await this.start();
    const id = this.nextId++;
    const what = payload.kind === 'file' ? 'file' : 'Markdown';
    return new Promise((resolve) => {
      const finish = (result: ParseResult | SectionResult, stop: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) this.stop(worker);
        resolve(result);
      };
      const onMessage = (reply: ParseReply) => {
        if (reply.id === id) finish(reply.result, false);
      };
      const onError = (err: Error & { code?: string }) =>
        finish(
          refused(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `Reading this ${what} needs more than ${PARSE_WORKER_HEAP_MB} MB of memory; it is too large or too complex.`
              : `The Markdown reader stopped on this file: ${err.message}`,
          ),
          true,
        );
      const onExit = () => onError(new Error('it exited'));
      const timer = setTimeout(
        () =>
          finish(
            refused(
              `Reading this ${what} took longer than ${this.timeLimitMs / 1000} s, so it was stopped; it is too large or too complex (runs of *, _ or [ can make Markdown very slow to read).`,
            ),
            true,
          ),
        this.timeLimitMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...payload, id } satisfies ParseRequest);
    });
  }

  /** Stops the worker; the next parse starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.started = null;
    if (worker) await worker.terminate();
  }

  private stop(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = null;
      this.started = null;
    }
    void worker.terminate();
  }

  private start(): Promise<Worker> {
    this.started ??= new Promise<Worker>((resolve, reject) => {
      const worker = startWorker();
      // Never the reason a process stays alive; a parse in flight holds its own timer.
      worker.unref();
      const fail = (err: Error) => {
        settle();
        this.started = null;
        void worker.terminate();
        reject(new CasebookError('internal', `The Markdown reader could not start: ${err.message}`));
      };
      const onExit = () => fail(new Error('it exited'));
      const onReady = () => {
        settle();
        this.worker = worker;
        resolve(worker);
      };
      // Only our own listeners: the Worker keeps internal ones that must stay.
      const settle = () => {
        clearTimeout(timer);
        worker.off('error', fail);
        worker.off('exit', onExit);
        worker.off('message', onReady);
      };
      const timer = setTimeout(() => fail(new Error('it did not answer within 60 s')), START_TIME_LIMIT_MS);
      worker.once('error', fail);
      worker.once('exit', onExit);
      worker.once('message', onReady);
    });
    return this.started;
  }
}
