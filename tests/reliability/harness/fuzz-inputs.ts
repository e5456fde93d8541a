// Random inputs for the API contract: anything at all, JSON values, and near misses built
// from the contract's own field names (right names, wrong values), so the validation of
// every field is exercised, not only the top-level "is it an object" check.
import fc from 'fast-check';
import { contract, methodNames, type MethodName } from '../../../src/core/pure/contract';

/** Every top-level field name the contract's inputs know, read from the contract itself. */
const fieldNames = [
  ...new Set(
    methodNames.flatMap((name) => {
      const shape = (contract[name].input as unknown as { shape?: Record<string, unknown> }).shape;
      return shape ? Object.keys(shape) : [];
    }),
  ),
  'patch',
  'id',
];
const patchFields = [
  'title',
  'summary',
  'slug',
  'status',
  'outcome',
  'categories',
  'tags',
  'featured',
  'date',
  'problem',
  'decisions',
  'tradeoffs',
  'lessons',
  'tagline',
  'description',
  'author',
  'baseUrl',
  'language',
  'schemaVersion',
  'createdAt',
  'updatedAt',
  '__proto__',
  'constructor',
];

const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '../../etc/passwd',
  'study-1/../../casebook',
  'a'.repeat(5000),
  '\u0000',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  'NaN',
  '-1',
  'draft ',
  'PUBLISHED',
  '\ud800',
  'CON',
  '.trash',
  '.quarantine',
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  nastyStrings,
  fc.string({ maxLength: 400 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, [], {}, { type: 'doc' }, { type: 'doc', content: 'x' }),
);

const patch = fc.dictionary(fc.constantFrom(...patchFields), value, { maxKeys: 5 });

/** Objects with the contract's field names and random (mostly wrong) values. */
const nearMiss = fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(value, patch), { maxKeys: 4 });

export const anyInput: fc.Arbitrary<unknown> = fc.oneof(fc.anything({ maxDepth: 4 }), nearMiss, patch, nastyStrings);

/** Input as JSON, as the HTTP transport receives it (the body may also be not JSON at all). */
export const anyBody: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  nearMiss.map((v) => JSON.stringify(v) ?? ''),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', '{', 'null', '[]', '{"__proto__":{"polluted":1}}', '{"id":"x","id":"y"}', '\u0000'),
);

export const methodName: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...methodNames) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'rmrf') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** What the receiving side will validate: dispatch treats a missing input as {}. */
export function isValidInput(name: string, input: unknown): boolean {
  if (!Object.hasOwn(contract, name)) return false;
  return contract[name as MethodName].input.safeParse(input ?? {}).success;
}

/**
 * Methods that write outside the workspace although they leave it unchanged (an export
 * writes its output folder): a valid call is never made with random input.
 */
const writesElsewhere = new Set<string>(['exportWorkspace']);

/** True when a valid call could change the workspace or write anywhere else. */
export function mayChangeWorkspace(name: string, input: unknown): boolean {
  return isValidInput(name, input) && (contract[name as MethodName].mutates || writesElsewhere.has(name));
}

/**
 * Codes that mean "your input was refused": never internal, never io_error. not_configured: a
 * git method asked of a workspace that is no repository (the fuzzed one is none).
 */
export const refusalCodes = ['invalid_input', 'unknown_method', 'not_found', 'not_configured'];
