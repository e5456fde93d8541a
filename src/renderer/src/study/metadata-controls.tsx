// One form control per author field of the study-field table (core/pure/schemas/study-fields.ts).
// The record is typed by the table's author keys, so a field added there is a compile error
// here until it gets a control (or `null`: not edited in this form). Record order is the
// form's order; consecutive controls marked `inRow` share one row. Each control keeps its own
// state, so typing in one does not re-render the others or the rich-text editors.
import { useState, type ReactNode } from 'react';
import {
  limits,
  outcomeLabels,
  outcomeSchema,
  statusLabels,
  statusSchema,
  type FieldKey,
  type Outcome,
  type StoreKey,
} from '../../../core/pure/schemas/study-fields';
import type { Study, StudyPatch } from '../../../core/pure/schemas/study';
import type { SiteAuthor } from '../../../core/pure/schemas/site';
import { AuthorPicker } from './AuthorPicker';
import { CategoryPicker } from './CategoryPicker';
import { KeyResultsPanel } from './KeyResultsPanel';
import { CoverPicker } from './CoverPicker';
import type { SaveAsset } from '../editor/image-upload';
import { formatTagList, parseTagList } from './tag-list';
import { languageTagSchema } from '../../../core/pure/schemas/language-tag';

export interface ControlProps {
  study: Study;
  readOnly: boolean;
  edit: (patch: StudyPatch) => void;
  siteCategories: readonly string[];
  /** The site's authors (Site settings), whom a study names as its authors. */
  siteAuthors: readonly SiteAuthor[];
  onAddCategory: (name: string) => Promise<void>;
  /** The Summary's placeholder for a study just created from a template (its prompt). */
  summaryPrompt?: string;
  /** Stores a picked image (the cover) in the workspace: the App's client's saveAsset. */
  saveAsset?: SaveAsset;
}

export interface MetadataControl {
  Control: (props: ControlProps) => ReactNode;
  /** Shares a row with the neighbouring controls that are also `inRow`. */
  inRow?: boolean;
  /** Shown at the head of the study (title, summary), not in the Properties panel. */
  inHead?: boolean;
}

type AuthorKey = Exclude<FieldKey, StoreKey>;

/**
 * Title and Summary: the study's heading and subtitle, typed in place rather than in boxes.
 * One line each (a pasted line break becomes a space); Enter moves on to the next part, as
 * the author would expect at the end of a heading.
 */
function TextControl(props: ControlProps & { field: 'title' | 'summary'; label: string; placeholder: string }) {
  const { study, edit, field, label, placeholder } = props;
  const [value, setValue] = useState(study[field]);
  return (
    <div className={`field field-${field}`}>
      <label htmlFor={`study-${field}`} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={`study-${field}`}
        rows={1}
        dir="auto"
        lang={study.language ?? undefined}
        value={value}
        maxLength={limits[field]}
        placeholder={placeholder}
        disabled={props.readOnly}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
          e.preventDefault();
          nextAfter(field);
        }}
        onChange={(e) => {
          const text = e.target.value.replace(/\r?\n/g, ' ');
          setValue(text);
          edit({ [field]: text });
        }}
      />
    </div>
  );
}

/** Enter in the title goes to the summary; in the summary, to the start of the first section. */
function nextAfter(field: 'title' | 'summary'): void {
  const next =
    field === 'title'
      ? document.getElementById('study-summary')
      : document.querySelector<HTMLElement>('.study-sections [role="textbox"][contenteditable="true"]');
  next?.focus();
}

/** A choice among a field's values; `none` stands for null where the field may be empty. */
function ChoiceControl<V extends string>(props: {
  field: 'status' | 'outcome';
  label: string;
  value: V | 'none';
  labels: Record<V, string>;
  none?: string;
  onChoose: (value: string) => void;
}) {
  const [value, setValue] = useState<string>(props.value);
  const id = `study-${props.field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          props.onChoose(e.target.value);
        }}
      >
        {props.none === undefined ? null : <option value="none">{props.none}</option>}
        {(Object.keys(props.labels) as V[]).map((option) => (
          <option key={option} value={option}>
            {props.labels[option]}
          </option>
        ))}
      </select>
    </div>
  );
}

const StatusControl = ({ study, edit }: ControlProps) => (
  <ChoiceControl
    field="status"
    label="Status"
    value={study.status}
    labels={statusLabels}
    onChoose={(value) => edit({ status: statusSchema.parse(value) })}
  />
);

const OutcomeControl = ({ study, edit }: ControlProps) => (
  <ChoiceControl<Outcome>
    field="outcome"
    label="Outcome"
    value={study.outcome ?? 'none'}
    labels={outcomeLabels}
    none="None"
    onChoose={(value) => edit({ outcome: value === 'none' ? null : outcomeSchema.parse(value) })}
  />
);

function DateControl({ study, edit }: ControlProps) {
  const [date, setDate] = useState(study.date ?? '');
  return (
    <div className="field">
      <label htmlFor="study-date">Date</label>
      <input
        id="study-date"
        type="date"
        value={date}
        onChange={(e) => {
          // A date input reports '' until the date is complete and real.
          setDate(e.target.value);
          edit({ date: e.target.value === '' ? null : e.target.value });
        }}
      />
    </div>
  );
}

function FeaturedControl({ study, edit }: ControlProps) {
  const [featured, setFeatured] = useState(study.featured);
  return (
    <label className="check field-featured">
      <input
        type="checkbox"
        checked={featured}
        onChange={(e) => {
          setFeatured(e.target.checked);
          edit({ featured: e.target.checked });
        }}
      />
      Featured
    </label>
  );
}

function TagsControl({ study, edit }: ControlProps) {
  const [text, setText] = useState(formatTagList(study.tags));
  return (
    <div className="field">
      <label htmlFor="study-tags">Tags</label>
      <input
        id="study-tags"
        type="text"
        value={text}
        placeholder="Comma-separated, e.g. aws, cost, postgres"
        aria-describedby="study-tags-hint"
        onChange={(e) => {
          setText(e.target.value);
          edit({ tags: parseTagList(e.target.value) });
        }}
      />
      <span id="study-tags-hint" className="hint">
        Separate tags with commas.
      </span>
    </div>
  );
}

function CategoriesControl({ study, edit, readOnly, siteCategories, onAddCategory }: ControlProps) {
  const [categories, setCategories] = useState<string[]>(study.categories);
  return (
    <CategoryPicker
      siteCategories={siteCategories}
      selected={categories}
      disabled={readOnly}
      onAddToSite={onAddCategory}
      onChange={(next) => {
        setCategories(next);
        edit({ categories: next });
      }}
    />
  );
}

const AuthorsControl = ({ study, edit, readOnly, siteAuthors }: ControlProps) => (
  <AuthorPicker
    siteAuthors={siteAuthors}
    initial={study.authors}
    disabled={readOnly}
    onChange={(authors) => edit({ authors })}
  />
);

/** The study's language tag; empty for the site's. Saved only once it is a valid tag. */
function LanguageControl({ study, edit, readOnly }: ControlProps) {
  const [value, setValue] = useState(study.language ?? '');
  const trimmed = value.trim();
  const result = languageTagSchema.safeParse(trimmed);
  const error = trimmed === '' || result.success ? null : (result.error.issues[0]?.message ?? 'Not valid');
  return (
    <div className="field field-language">
      <label htmlFor="study-language">Language</label>
      <input
        id="study-language"
        type="text"
        value={value}
        maxLength={35}
        placeholder="The site's language"
        spellCheck={false}
        disabled={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'study-language-hint study-language-error' : 'study-language-hint'}
        onChange={(e) => {
          setValue(e.target.value);
          const next = e.target.value.trim();
          if (next === '') edit({ language: null });
          else if (languageTagSchema.safeParse(next).success) edit({ language: next });
        }}
      />
      <span className="hint" id="study-language-hint">
        A tag such as en, pt-BR or ar, when this study is not in the site&rsquo;s language.
      </span>
      {error ? (
        <span className="field-error" id="study-language-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

const KeyResultsControl = ({ study, edit }: ControlProps) => (
  <KeyResultsPanel metrics={study.metrics} onChange={(metrics) => edit({ metrics })} />
);

export const metadataControls: Record<AuthorKey, MetadataControl | null> = {
  title: {
    Control: (props) => (
      <TextControl
        {...props}
        field="title"
        label="Title"
        placeholder="A headline that names the system and the result"
      />
    ),
    inHead: true,
  },
  summary: {
    Control: (props) => (
      <TextControl
        {...props}
        field="summary"
        label="Summary"
        placeholder={props.summaryPrompt || 'One line: what changed, and what it achieved'}
      />
    ),
    inHead: true,
  },
  status: { Control: StatusControl, inRow: true },
  outcome: { Control: OutcomeControl, inRow: true },
  date: { Control: DateControl, inRow: true },
  featured: { Control: FeaturedControl, inRow: true },
  tags: { Control: TagsControl },
  categories: { Control: CategoriesControl },
  authors: { Control: AuthorsControl },
  metrics: { Control: KeyResultsControl },
  cover: {
    Control: ({ study, edit, saveAsset }) => (
      <CoverPicker cover={study.cover} saveAsset={saveAsset} onChange={(cover) => edit({ cover })} />
    ),
  },
  language: { Control: LanguageControl },
  // The slug follows the title (core/pure/slug.ts); it is changed by renaming, not typed here.
  slug: null,
};
