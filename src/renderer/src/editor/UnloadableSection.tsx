// A section the editor cannot load as stored (a node or mark this version does not know):
// its text is shown read-only (unknown nodes named where they stand) under a notice saying what could not be shown and how to get
// it back. Nothing here can edit, so nothing here is ever saved; the file keeps it as it is.
import { previewLines, type LoadProblem } from '../../../core/pure/rich-text/loadable';
import type { RichTextDoc } from '../../../core/pure/schemas/rich-text';
import { sectionLabels, type SectionKey } from '../../../core/pure/schemas/study';

interface UnloadableSectionProps {
  studyId: string;
  section: SectionKey;
  content: RichTextDoc;
  problem: LoadProblem;
}

export function UnloadableSection({ studyId, section, content, problem }: UnloadableSectionProps) {
  const label = sectionLabels[section];
  const headingId = `section-${section}-heading`;
  const noticeId = `section-${section}-unloadable`;
  const lines = previewLines(content);
  return (
    <section className="section section-unloadable" aria-labelledby={headingId} aria-describedby={noticeId}>
      <div className="section-head">
        <h2 id={headingId} className="section-heading">
          {label}
        </h2>
      </div>
      <div id={noticeId} className="banner unloadable-notice" role="note">
        <p>
          <strong>This section holds content this version of Casebook cannot show ({problem.what}).</strong> It is kept
          as it is; editing is off for this section, and nothing you type elsewhere changes it.
        </p>
        <p>
          To edit it, open the study in the Casebook version that wrote it, or remove that content from{' '}
          <code>studies/{studyId}.json</code> in a text editor.
        </p>
        <details>
          <summary>Details</summary>
          <p>{problem.detail}</p>
        </details>
      </div>
      <div className="rich-text section-body section-readonly" data-section={section}>
        {lines.length > 0 ? lines.map((line, i) => <p key={i}>{line}</p>) : <p className="muted">No text to show.</p>}
      </div>
    </section>
  );
}
