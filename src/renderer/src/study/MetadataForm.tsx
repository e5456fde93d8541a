// The study's metadata as a form. Every change goes into the autosave queue tagged with the
// id of the study this form was opened for; the form keeps its own state so typing here does
// not re-render the rich-text editors.
import { memo, useState } from 'react';
import { outcomeSchema, statusSchema, type Study, type StudyPatch } from '../../../core/pure/schemas/study';
import { CategoryPicker } from './CategoryPicker';
import { formatTagList, parseTagList } from './tag-list';

type Outcome = NonNullable<Study['outcome']>;

interface MetadataFormProps {
  study: Study;
  siteCategories: readonly string[];
  readOnly: boolean;
  onEdit: (id: string, patch: StudyPatch) => void;
  onAddCategory: (name: string) => Promise<void>;
  /** The Summary's placeholder for a study just created from a template (its prompt). */
  summaryPrompt?: string;
}

function MetadataFormView(props: MetadataFormProps) {
  const { study, siteCategories, readOnly, onEdit, onAddCategory, summaryPrompt } = props;
  const id = study.id;
  const [title, setTitle] = useState(study.title);
  const [summary, setSummary] = useState(study.summary);
  const [status, setStatus] = useState(study.status);
  const [outcome, setOutcome] = useState<Outcome | null>(study.outcome);
  const [date, setDate] = useState(study.date ?? '');
  const [categories, setCategories] = useState<string[]>(study.categories);
  const [tagsText, setTagsText] = useState(formatTagList(study.tags));
  const [featured, setFeatured] = useState(study.featured);

  return (
    <form className="metadata" onSubmit={(e) => e.preventDefault()} aria-label="Case study details">
      <fieldset disabled={readOnly} className="metadata-fields">
        <div className="field field-title">
          <label htmlFor="study-title">Title</label>
          <input
            id="study-title"
            type="text"
            value={title}
            maxLength={300}
            placeholder="A headline that names the system and the result"
            onChange={(e) => {
              setTitle(e.target.value);
              onEdit(id, { title: e.target.value });
            }}
          />
        </div>
        <div className="field field-summary">
          <label htmlFor="study-summary">Summary</label>
          <input
            id="study-summary"
            type="text"
            value={summary}
            maxLength={1000}
            placeholder={summaryPrompt || 'One line: what changed, and what it achieved'}
            onChange={(e) => {
              setSummary(e.target.value);
              onEdit(id, { summary: e.target.value });
            }}
          />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="study-status">Status</label>
            <select
              id="study-status"
              value={status}
              onChange={(e) => {
                const next = statusSchema.parse(e.target.value);
                setStatus(next);
                onEdit(id, { status: next });
              }}
            >
              <option value="draft">Draft</option>
              <option value="published">Published</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="study-outcome">Outcome</label>
            <select
              id="study-outcome"
              value={outcome ?? 'none'}
              onChange={(e) => {
                const next = e.target.value === 'none' ? null : outcomeSchema.parse(e.target.value);
                setOutcome(next);
                onEdit(id, { outcome: next });
              }}
            >
              <option value="none">None</option>
              <option value="succeeded">Succeeded</option>
              <option value="failed">Failed</option>
              <option value="mixed">Mixed</option>
              <option value="ongoing">Ongoing</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="study-date">Date</label>
            <input
              id="study-date"
              type="date"
              value={date}
              onChange={(e) => {
                // A date input reports '' until the date is complete and real.
                setDate(e.target.value);
                onEdit(id, { date: e.target.value === '' ? null : e.target.value });
              }}
            />
          </div>
          <label className="check field-featured">
            <input
              type="checkbox"
              checked={featured}
              onChange={(e) => {
                setFeatured(e.target.checked);
                onEdit(id, { featured: e.target.checked });
              }}
            />
            Featured
          </label>
        </div>
        <div className="field">
          <label htmlFor="study-tags">Tags</label>
          <input
            id="study-tags"
            type="text"
            value={tagsText}
            placeholder="Comma-separated, e.g. aws, cost, postgres"
            aria-describedby="study-tags-hint"
            onChange={(e) => {
              setTagsText(e.target.value);
              onEdit(id, { tags: parseTagList(e.target.value) });
            }}
          />
          <span id="study-tags-hint" className="hint">
            Separate tags with commas.
          </span>
        </div>
        <CategoryPicker
          siteCategories={siteCategories}
          selected={categories}
          disabled={readOnly}
          onAddToSite={onAddCategory}
          onChange={(next) => {
            setCategories(next);
            onEdit(id, { categories: next });
          }}
        />
      </fieldset>
    </form>
  );
}

export const MetadataForm = memo(MetadataFormView);
