import { expect } from 'vitest';
import { CasebookError } from '../../src/core/pure/errors';

/** The CasebookError `promise` rejects with; the test fails if it resolves or throws another. */
export async function casebookFailure(promise: Promise<unknown>): Promise<CasebookError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CasebookError);
  return err as CasebookError;
}

/** The CasebookError `run` throws; the test fails if it returns or throws another. */
export function casebookRefusal(run: () => unknown): CasebookError {
  let err: unknown = null;
  try {
    run();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(CasebookError);
  return err as CasebookError;
}
