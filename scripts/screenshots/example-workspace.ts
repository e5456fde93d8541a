// The workspace the screenshots show: the four studies of docs/example imported through the
// contract (as the CLI does), with the site settings a real team would set.
import path from 'node:path';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { dispatchingApi } from '../../src/core/pure/dispatch';

const BIOS = new Map([
  ['Dana Kim', 'Platform lead. Runs the on-call rotation and the migration programme.'],
  ['Luis Ortega', 'Staff engineer on search and data infrastructure.'],
  ['Priya Raman', 'Engineering manager for infrastructure cost and reliability.'],
]);

export async function exampleWorkspace(root: string, workspace: string) {
  const api = dispatchingApi(await openWorkspace(workspace));
  await api.importMarkdown({ paths: [path.join(root, 'docs', 'example')] });
  const site = await api.getSite({});
  await api.updateSite({
    patch: {
      title: 'Northwind Engineering',
      tagline: 'How we build and run Northwind',
      description:
        'Case studies from the teams that run our production systems: what broke, what we chose and what we learned.',
      baseUrl: 'https://engineering.northwind.example/',
      authors: site.authors.map((a) => ({ ...a, bio: BIOS.get(a.name) ?? a.bio })),
    },
  });
  return api;
}
