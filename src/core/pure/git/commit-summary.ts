// The default commit message of a sync: what changed, named as the author knows it —
// "Edit 'Title A', add 'Title B', delete 'Title C'". Titles come from files that came through
// git: control characters and line breaks are flattened so a title cannot forge message lines.

export interface ChangedFile {
  path: string;
  kind: 'add' | 'edit' | 'delete';
  /** The study's title (of the version deleted, for a delete), when the file is a study. */
  title: string | null;
}

const MAX_NAMED = 5;
const MAX_TITLE = 60;

const verbs = { add: 'add', edit: 'edit', delete: 'delete' } as const;
const STUDY_FILE = /^studies\/[^/]+\.json$/;

export function cleanTitle(title: string): string {
  const flat = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!flat) return 'Untitled';
  return flat.length > MAX_TITLE ? `${flat.slice(0, MAX_TITLE - 1)}…` : flat;
}

function describe(file: ChangedFile): string | null {
  const verb = verbs[file.kind];
  if (STUDY_FILE.test(file.path)) return `${verb} '${cleanTitle(file.title ?? '')}'`;
  if (file.path === 'casebook.json') return 'edit the site settings';
  const template = /^templates\/([^/]+)\.json$/.exec(file.path);
  if (template) return `${verb} the template '${cleanTitle(template[1])}'`;
  return null;
}

/** The message for a commit of `files` (never empty). */
export function commitSummary(files: readonly ChangedFile[]): string {
  const studies: string[] = [];
  const settings: string[] = [];
  const others = { images: 0, files: 0 };
  for (const file of files) {
    const said = describe(file);
    if (said && STUDY_FILE.test(file.path)) studies.push(said);
    else if (said) settings.push(said);
    else if (file.path.startsWith('assets/')) others.images++;
    else others.files++;
  }
  const parts =
    studies.length > MAX_NAMED + 1
      ? [...studies.slice(0, MAX_NAMED), `${studies.length - MAX_NAMED} more studies`]
      : studies;
  parts.push(...settings);
  if (others.images) parts.push(`update ${others.images} ${others.images === 1 ? 'image' : 'images'}`);
  if (others.files) parts.push(`update ${others.files} other ${others.files === 1 ? 'file' : 'files'}`);
  if (parts.length === 0) return 'Update the workspace';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
