// The study's metadata: one control per author field (metadata-controls.tsx), in that record's
// order. The title and summary make the head of the study (part "head"); the rest is the form
// in the Properties panel. Every change goes into the autosave queue tagged with the id of
// the study this form was opened for.
import { memo, type ReactNode } from 'react';
import type { StudyPatch } from '../../../core/pure/schemas/study';
import { metadataControls, type ControlProps, type MetadataControl } from './metadata-controls';

interface MetadataFormProps extends Omit<ControlProps, 'edit'> {
  onEdit: (id: string, patch: StudyPatch) => void;
  part: 'head' | 'properties';
}

const controls = Object.entries(metadataControls).filter(
  (entry): entry is [string, MetadataControl] => entry[1] !== null,
);

function MetadataFormView({ onEdit, part, ...props }: MetadataFormProps) {
  const id = props.study.id;
  const control: ControlProps = { ...props, edit: (patch) => onEdit(id, patch) };
  const out: ReactNode[] = [];
  let row: ReactNode[] = [];
  const endRow = () => {
    if (row.length > 0)
      out.push(
        <div className="field-row" key={`row-${out.length}`}>
          {row}
        </div>,
      );
    row = [];
  };
  for (const [key, { Control, inRow, inHead = false }] of controls) {
    if (inHead !== (part === 'head')) continue;
    const element = <Control key={key} {...control} />;
    if (inRow) row.push(element);
    else {
      endRow();
      out.push(element);
    }
  }
  endRow();
  if (part === 'head') return <header className="study-head">{out}</header>;
  return (
    <form className="metadata" onSubmit={(e) => e.preventDefault()} aria-label="Case study details">
      <fieldset disabled={props.readOnly} className="metadata-fields">
        {out}
      </fieldset>
    </form>
  );
}

export const MetadataForm = memo(MetadataFormView);
