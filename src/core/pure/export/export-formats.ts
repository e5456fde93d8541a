// The export formats' table (export-format-table.ts) and the schema of a format id, which the
// contract, the CLI's --format and the export marker check against.
import { z } from 'zod';
import { exportFormatIds } from './export-format-table';

export * from './export-format-table';

const quoted = exportFormatIds.map((id) => `"${id}"`);
// Stryker disable next-line StringLiteral: the '' branch is for a table of one format; there are two
const choices = `${quoted.slice(0, -1).join(', ')}${quoted.length > 1 ? ' or ' : ''}${quoted.at(-1)}`;

/** A format id: anything else is refused with the list of formats. */
export const exportFormatSchema = z.enum(exportFormatIds, { error: `the format must be ${choices}` });
