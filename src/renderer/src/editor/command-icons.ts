// What each command's button shows. The accessible name is always the command's label; these
// are short visible marks for a compact toolbar.
export const commandIcons: Record<string, string> = {
  heading2: 'H2',
  heading3: 'H3',
  heading4: 'H4',
  bold: 'B',
  italic: 'I',
  underline: 'U',
  strike: 'S',
  code: '</>',
  link: 'Link',
  bulletList: '•',
  orderedList: '1.',
  taskList: '☑',
  blockquote: '❝',
  codeBlock: '{ }',
  callout: 'Note',
  table: '▦',
  image: 'Image',
  horizontalRule: '―',
  undo: '↶',
  redo: '↷',
};
