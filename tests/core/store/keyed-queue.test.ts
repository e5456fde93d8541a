// Saves of one study run one after another (each reads, patches and writes the file), even
// when one fails; saves of different studies do not wait for each other.
import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../../src/core/pure/keyed-queue';

/** A task that records when it starts and ends and finishes only when released. */
function gate(log: string[], name: string, fail = false) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const task = async (): Promise<string> => {
    log.push(`${name} start`);
    await released;
    log.push(`${name} end`);
    if (fail) throw new Error(`${name} failed`);
    return name;
  };
  return { task, release };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('KeyedQueue', () => {
  it('runs tasks of one key strictly one after another, in order', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const c = gate(log, 'c');
    const results = [queue.run('study', a.task), queue.run('study', b.task), queue.run('study', c.task)];
    await settle();
    expect(log).toEqual(['a start']);
    c.release();
    b.release();
    await settle();
    expect(log).toEqual(['a start']);
    a.release();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('a failed task passes its error to its caller and the next task still runs after it', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const a = gate(log, 'a', true);
    const b = gate(log, 'b');
    const first = queue.run('study', a.task);
    const second = queue.run('study', b.task);
    b.release();
    await settle();
    expect(log).toEqual(['a start']);
    a.release();
    await expect(first).rejects.toThrow('a failed');
    expect(await second).toBe('b');
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('a task queued after an earlier one has finished still waits for the one running', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const c = gate(log, 'c');
    const first = queue.run('study', a.task);
    const second = queue.run('study', b.task);
    a.release();
    expect(await first).toBe('a');
    await settle();
    // b runs now; c arrives after a's turn is over and must queue behind b.
    const third = queue.run('study', c.task);
    c.release();
    await settle();
    expect(log).toEqual(['a start', 'a end', 'b start']);
    b.release();
    expect([await second, await third]).toEqual(['b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('tasks of different keys run at the same time', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const results = [queue.run('one', a.task), queue.run('two', b.task)];
    await settle();
    expect(log).toEqual(['a start', 'b start']);
    b.release();
    a.release();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
  });

  it('a key whose queue has run empty starts its next task at once', async () => {
    const queue = new KeyedQueue();
    expect(await queue.run('study', async () => 1)).toBe(1);
    await settle();
    const log: string[] = [];
    const a = gate(log, 'a');
    const result = queue.run('study', a.task);
    await settle();
    expect(log).toEqual(['a start']);
    a.release();
    expect(await result).toBe('a');
  });
});
