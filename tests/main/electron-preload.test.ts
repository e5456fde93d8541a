// Proves the sandboxed preload bridge: it exposes exactly window.casebook (one function per
// contract method) and window.casebookShell, routes calls over the contract's IPC channels to
// the real main-process handlers and core, and turns an error envelope into a thrown error.
// `electron` is replaced by a recorder because the real binary cannot run here; the IPC
// handlers on the other side are the real ones, over a real temporary workspace.
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { methodNames, type CasebookBridge } from '../../src/core/pure/contract';
import { registerContractHandlers } from '../../src/main/ipc';
import { shellChannels } from '../../src/core/pure/transport';
import type { CasebookShellBridge as CasebookShell } from '../../src/core/pure/shell-api';

const bridge = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a recorder of Electron's loosely typed listeners
  type Listener = (...args: any[]) => any;
  const state = {
    exposed: new Map<string, unknown>(),
    mainHandlers: new Map<string, Listener>(),
    rendererListeners: new Map<string, Listener[]>(),
    sent: [] as unknown[][],
    invoked: [] as string[],
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        state.invoked.push(channel);
        const handler = state.mainHandlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        // The window that asked: what main sends back to it reaches the preload's listeners.
        const sender = {
          isDestroyed: () => false,
          send: (ch: string, ...sent: unknown[]) => {
            for (const fn of state.rendererListeners.get(ch) ?? []) fn({ sender: 'main' }, ...sent);
          },
        };
        return handler({ sender }, ...args);
      },
      send: (channel: string, ...args: unknown[]) => state.sent.push([channel, ...args]),
      on: (channel: string, fn: Listener) =>
        state.rendererListeners.set(channel, [...(state.rendererListeners.get(channel) ?? []), fn]),
      removeListener: (channel: string, fn: Listener) =>
        state.rendererListeners.set(
          channel,
          (state.rendererListeners.get(channel) ?? []).filter((f) => f !== fn),
        ),
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...bridge.electron, default: bridge.electron }));

const { state } = bridge;
let workspace: string;
let casebook: CasebookBridge;
let shell: CasebookShell;

/** What the main process does when it sends a shell event to the window. */
function mainSends(event: string): void {
  for (const fn of state.rendererListeners.get(shellChannels.event) ?? []) fn({ sender: 'main' }, event);
}

beforeAll(async () => {
  workspace = await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-preload-'));
  const service = await openWorkspace(workspace);
  registerContractHandlers(
    { handle: (channel, fn) => state.mainHandlers.set(channel, fn) },
    () => service,
    () => true,
  );
  await import('../../src/preload/index');
  casebook = state.exposed.get('casebook') as CasebookBridge;
  shell = state.exposed.get('casebookShell') as CasebookShell;
});

afterAll(async () => {
  await fsp.rm(workspace, { recursive: true, force: true });
});

describe('preload bridge', () => {
  it('exposes exactly casebook and casebookShell', () => {
    expect([...state.exposed.keys()].sort()).toEqual(['casebook', 'casebookShell']);
    expect(Object.keys(casebook).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect(typeof casebook[name]).toBe('function');
    expect(Object.keys(shell).sort()).toEqual([
      'chooseFolder',
      'gitIdentity',
      'gitTokenState',
      'onEvent',
      'openPath',
      'readyToClose',
      'setGitIdentity',
      'setGitToken',
    ]);
  });

  it('calls the core through the contract channels and answers the envelope', async () => {
    const created = await casebook.createStudy({ title: 'Queue backlog after failover' });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.title).toBe('Queue backlog after failover');
    const fetched = await casebook.getStudy({ id: created.value.id });
    expect(fetched).toMatchObject({ ok: true, value: { id: created.value.id } });
    const listed = await casebook.listStudies({});
    expect(listed.ok && listed.value.map((s) => s.title)).toEqual(['Queue backlog after failover']);
    expect(state.invoked).toEqual(['casebook:createStudy', 'casebook:getStudy', 'casebook:listStudies']);
  });

  it('answers failures as plain data that keeps the error code across contextBridge', async () => {
    const missing = await casebook.getStudy({ id: 'no-such-study' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // contextBridge copies plain objects intact (Errors lose everything but the message).
    expect(structuredClone(missing)).toEqual(missing);

    const invalid = await casebook.createStudy({ title: 7 as unknown as string });
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('title') },
    });
  });

  it('delivers only the subscribed shell event and stops after unsubscribe', () => {
    const seen: string[] = [];
    const stop = shell.onEvent('new-study', () => seen.push('new-study'));
    shell.onEvent('open-export', () => seen.push('open-export'));
    mainSends('new-study');
    mainSends('open-export');
    stop();
    mainSends('new-study');
    expect(seen).toEqual(['new-study', 'open-export']);
  });

  it('passes a call its own progress reports, and none to a call without a listener', async () => {
    const folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-preload-md-'));
    try {
      for (const n of [1, 2])
        await fsp.writeFile(path.join(folder, `s${n}.md`), `# Imported ${n}\n\n## Problem\n\nText.\n`);
      const seen: Array<{ done: number; total: number }> = [];
      const report = await casebook.importMarkdown({ paths: [folder] }, (p) => seen.push(p));
      expect(report.ok && report.value.imported).toHaveLength(2);
      expect(seen.map((p) => `${p.done}/${p.total}`)).toEqual(['0/2', '1/2', '2/2']);
      // The same call without a listener asks main for no progress at all.
      const before = state.rendererListeners.get(shellChannels.progress)?.length;
      const quiet = await casebook.listStudies({ verify: true });
      expect(quiet.ok).toBe(true);
      expect(state.rendererListeners.get(shellChannels.progress)?.length).toBe(before);
    } finally {
      await fsp.rm(folder, { recursive: true, force: true });
    }
  });

  it('reports readyToClose on the shell channel', () => {
    shell.readyToClose();
    expect(state.sent).toEqual([[shellChannels.readyToClose]]);
  });
});
