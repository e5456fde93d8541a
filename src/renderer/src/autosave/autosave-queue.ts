// Autosave: one pending patch per study id, sent ~600 ms after the last edit, on demand
// (switching studies, blur, close) and, when the page unloads, as a keepalive request.
// Rich-text sections are only marked dirty while typing; each is serialized (getJSON) once,
// when its patch is captured, so typing never pays for serializing a whole document.
// Each save names the version it was typed over (baseUpdatedAt): if the file changed on disk
// meanwhile (git pull, sync, another window) the store refuses, and the author chooses.
// Saves made as the page closes stay compare-and-swaps: with nobody left to choose, a
// conflict keeps both (saveOnExit writes the edits as a conflict copy beside theirs).
import type { CasebookApi, MethodInput, MethodName } from '../../../core/pure/contract';
import type { RichTextDoc } from '../../../core/pure/schemas/rich-text';
import type { SectionKey, Study, StudyPatch } from '../../../core/pure/schemas/study';
import { errorMessage } from '../api/api-error';
import { hasErrorCode } from '../../../core/pure/errors';

export const AUTOSAVE_DELAY_MS = 600;

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** `conflictId`: the study whose file changed on disk under unsaved edits, if that is the failure. */
  | { kind: 'error'; message: string; conflictId: string | null };

interface Failure {
  message: string;
  conflict: boolean;
}

interface Pending {
  patch: StudyPatch;
  /** Sections edited since the last capture, read from their editor only when captured. */
  dirtySections: Map<SectionKey, () => RichTextDoc>;
}

export interface AutosaveOptions {
  api: Pick<CasebookApi, 'updateStudy' | 'saveOnExit'>;
  sendOnExit: (method: MethodName, input: unknown) => boolean;
  /** Called with what the store wrote, so the library list can follow. */
  onSaved?: (study: Study) => void;
  delayMs?: number;
  /** This window's (or tab's) name as an editor: made up when not given. */
  editor?: string;
}

export class AutosaveQueue {
  private pending = new Map<string, Pending>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private inFlight = new Map<string, Promise<void>>();
  private failures = new Map<string, Failure>();
  /** updatedAt of the version on disk that the unsaved edits of each study were typed over. */
  private bases = new Map<string, string>();
  private listeners = new Set<() => void>();
  private state: SaveState = { kind: 'saved' };

  /**
   * Sent with each read for editing and each save: the store checks this editor's saves
   * against the file as this editor read it, whatever other windows read (edit-bases.ts).
   */
  readonly editor: string;

  constructor(private readonly options: AutosaveOptions) {
    this.editor = options.editor ?? crypto.randomUUID();
  }

  /** Study `id` was loaded (or created) at version `updatedAt`; edits are typed over it. */
  opened(id: string, updatedAt: string): void {
    // With edits still unsaved, they stay based on the version they were typed over.
    if (!this.pending.has(id)) this.bases.set(id, updatedAt);
  }

  /** After a conflict: save the author's edits over the version on disk. */
  keepMine(id: string): Promise<void> {
    this.bases.delete(id);
    return this.flush(id);
  }

  /** After a conflict: drop the author's unsaved edits of study `id` (it is reloaded from disk). */
  discard(id: string): void {
    this.clearTimer(id);
    this.pending.delete(id);
    this.failures.delete(id);
    this.bases.delete(id);
    this.update();
  }

  /** Records metadata typed into study `id`; later edits to a field win. */
  edit(id: string, patch: StudyPatch): void {
    const entry = this.entry(id);
    Object.assign(entry.patch, patch);
    this.schedule(id);
  }

  /** Marks a rich-text section of study `id` as changed; `read` serializes it when needed. */
  markSectionDirty(id: string, key: SectionKey, read: () => RichTextDoc): void {
    const entry = this.entry(id);
    entry.dirtySections.set(key, read);
    this.schedule(id);
  }

  /** Serializes dirty sections of study `id` now (call before its editors go away). */
  capture(id: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    for (const [key, read] of entry.dirtySections) entry.patch[key] = read();
    entry.dirtySections.clear();
  }

  /** Unsaved edits of study `id` (captured), to lay over a copy loaded from disk. */
  pendingPatch(id: string): StudyPatch {
    this.capture(id);
    return { ...this.pending.get(id)?.patch };
  }

  /** Saves study `id` now; resolves once everything typed into it so far has been answered. */
  flush(id: string): Promise<void> {
    this.clearTimer(id);
    this.capture(id); // synchronously, while the editors still exist
    const previous = this.inFlight.get(id) ?? Promise.resolve();
    const run = previous.then(() => this.send(id));
    this.inFlight.set(id, run);
    this.update();
    void run.finally(() => {
      if (this.inFlight.get(id) === run) this.inFlight.delete(id);
      this.update();
    });
    return run;
  }

  /** Saves every study with pending edits (also the retry after a failure). */
  async flushAll(): Promise<void> {
    const ids = new Set([...this.pending.keys(), ...this.inFlight.keys()]);
    await Promise.all([...ids].map((id) => this.flush(id)));
  }

  /**
   * The page is unloading: hand every pending patch to a request that outlives the page.
   * Returns false if some patch could not be sent that way (too large), so the caller can
   * ask the user to stay while a normal save runs.
   */
  flushOnExit(): boolean {
    let allSent = true;
    for (const id of [...this.pending.keys()]) {
      this.clearTimer(id);
      this.capture(id);
      const [method, input] = this.exitCall(id);
      if (this.options.sendOnExit(method, input)) this.pending.delete(id);
      else allSent = false;
    }
    if (!allSent) void this.flushAll();
    this.update();
    return allSent;
  }

  /**
   * The desktop window is closing (it waits for this): save everything, then keep both for
   * each study whose save was refused as a conflict, since the author can no longer choose.
   */
  async flushBeforeClose(): Promise<void> {
    await this.flushAll();
    for (const [id, failure] of [...this.failures]) {
      if (!failure.conflict || !this.pending.has(id)) continue;
      const [method, input] = this.exitCall(id);
      if (method !== 'saveOnExit') continue;
      try {
        const { conflictCopy } = await this.options.api.saveOnExit(input);
        this.pending.delete(id);
        this.failures.delete(id);
        if (conflictCopy) this.options.onSaved?.(conflictCopy);
      } catch {
        // Still unsaved: the window closes anyway after its wait, as before.
      }
    }
    this.update();
  }

  /** The one request that saves study `id`'s pending edits as the page goes away. */
  private exitCall(
    id: string,
  ): ['saveOnExit', MethodInput<'saveOnExit'>] | ['updateStudy', MethodInput<'updateStudy'>] {
    this.capture(id);
    const { patch } = this.pending.get(id)!;
    const base = this.bases.get(id);
    // Without a base the author chose "Keep mine" (or the study is new here): a plain save.
    return base === undefined
      ? ['updateStudy', { id, patch, editor: this.editor }]
      : ['saveOnExit', { id, patch, baseUpdatedAt: base, editor: this.editor }];
  }

  /** Forgets every unsaved edit (the workspace they belong to is no longer open). */
  discardAll(): void {
    for (const id of [...this.timers.keys()]) this.clearTimer(id);
    this.pending.clear();
    this.failures.clear();
    this.bases.clear();
    this.update();
  }

  hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inFlight.size > 0;
  }

  /** Whether study `id` has edits not yet on disk (waiting, being sent, or refused). */
  hasUnsavedEdits(id: string): boolean {
    return this.pending.has(id) || this.inFlight.has(id) || this.failures.has(id);
  }

  /** Whether a save of study `id` is on its way (the version on disk may be about to change). */
  isSaving(id: string): boolean {
    return this.inFlight.has(id);
  }

  /** updatedAt of the version on disk that study `id` was loaded at or last saved as, if known. */
  baseOf(id: string): string | undefined {
    return this.bases.get(id);
  }

  /**
   * The file of study `id` was seen changed on disk under unsaved edits: hold them (no save
   * is sent) and report the conflict now, so the author chooses before typing on.
   */
  changedOnDisk(id: string, message: string): void {
    if (!this.pending.has(id)) return;
    this.clearTimer(id);
    this.failures.set(id, { message, conflict: true });
    this.update();
  }

  getState(): SaveState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async send(id: string): Promise<void> {
    this.capture(id);
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    try {
      const base = this.bases.get(id);
      const study = await this.options.api.updateStudy(
        base === undefined
          ? { id, patch: entry.patch, editor: this.editor }
          : { id, patch: entry.patch, baseUpdatedAt: base, editor: this.editor },
      );
      this.bases.set(id, study.updatedAt);
      this.failures.delete(id);
      this.options.onSaved?.(study);
    } catch (err) {
      // Keep what failed, under anything typed meanwhile, so Retry (or the next edit) sends it.
      const newer = this.pending.get(id);
      this.pending.set(id, {
        patch: { ...entry.patch, ...newer?.patch },
        dirtySections: newer?.dirtySections ?? new Map(),
      });
      this.failures.set(id, {
        message: errorMessage(err),
        // Every transport throws the core's CasebookError, carrying the contract's code.
        conflict: hasErrorCode(err, 'conflict'),
      });
    }
  }

  private entry(id: string): Pending {
    let entry = this.pending.get(id);
    if (!entry) {
      entry = { patch: {}, dirtySections: new Map() };
      this.pending.set(id, entry);
    }
    return entry;
  }

  private schedule(id: string): void {
    this.clearTimer(id);
    this.timers.set(
      id,
      setTimeout(() => void this.flush(id), this.options.delayMs ?? AUTOSAVE_DELAY_MS),
    );
    this.update();
  }

  private clearTimer(id: string): void {
    const timer = this.timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(id);
  }

  private update(): void {
    // A conflict needs the author's choice, so it is shown before any other failure.
    const failures = [...this.failures].sort(([, a], [, b]) => Number(b.conflict) - Number(a.conflict));
    const [failedId, failure] = failures[0] ?? [];
    const next: SaveState = failure
      ? { kind: 'error', message: failure.message, conflictId: failure.conflict ? failedId! : null }
      : this.hasUnsaved()
        ? { kind: 'saving' }
        : { kind: 'saved' };
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
