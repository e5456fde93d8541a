// The filter bar under the search box: status, category, outcome, tag and featured, each value
// with the number of studies picking it would give (the core's facet counts). Shown on demand
// so the list keeps its room; an active filter stays visible on the toggle.
import { useId } from 'react';
import { NO_OUTCOME, type FacetCounts, type LibraryFilters } from '../../../core/pure/library/filters';
import { outcomeLabels, outcomeSchema, statusLabels, statusSchema } from '../../../core/pure/schemas/study';
import { facetCount } from './facet-count';

const statusNames: Record<string, string> = statusLabels;
const outcomeNames: Record<string, string> = { ...outcomeLabels, [NO_OUTCOME]: 'No outcome' };

interface FilterBarProps {
  filters: LibraryFilters;
  counts: FacetCounts | null;
  /** The site's categories, in the order the index shows them: the Category menu follows it. */
  siteCategories?: readonly string[];
  onChange: (next: LibraryFilters) => void;
}

export function activeFilterCount(filters: LibraryFilters): number {
  return Object.values(filters).filter((v) => v !== undefined).length;
}

export function LibraryFilterBar({ filters, counts, siteCategories = [], onChange }: FilterBarProps) {
  const set = (patch: Partial<LibraryFilters>) => {
    const next = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof LibraryFilters)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const count = (facet: keyof FacetCounts, value: string) => facetCount(counts, facet, value);
  const categories = inSiteOrder(valuesWithSelected(counts?.category, filters.category), siteCategories);
  const tags = valuesWithSelected(counts?.tag, filters.tag);

  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <FacetSelect
        label="Status"
        value={filters.status ?? ''}
        options={statusSchema.options.map((s) => ({ value: s, text: statusNames[s]!, count: count('status', s) }))}
        onChange={(v) => set({ status: v === '' ? undefined : statusSchema.parse(v) })}
      />
      <FacetSelect
        label="Category"
        value={filters.category ?? ''}
        options={categories.map((c) => ({ value: c, text: c, count: count('category', c) }))}
        onChange={(v) => set({ category: v || undefined })}
      />
      <FacetSelect
        label="Outcome"
        value={filters.outcome ?? ''}
        options={[...outcomeSchema.options, NO_OUTCOME].map((o) => ({
          value: o,
          text: outcomeNames[o]!,
          count: count('outcome', o),
        }))}
        onChange={(v) =>
          set({ outcome: v === '' ? undefined : v === NO_OUTCOME ? NO_OUTCOME : outcomeSchema.parse(v) })
        }
      />
      <FacetSelect
        label="Tag"
        value={filters.tag ?? ''}
        options={tags.map((t) => ({ value: t, text: t, count: count('tag', t) }))}
        onChange={(v) => set({ tag: v || undefined })}
      />
      <label className="check filter-featured">
        <input
          type="checkbox"
          checked={filters.featured === true}
          onChange={(e) => set({ featured: e.target.checked ? true : undefined })}
        />
        Featured only <span className="facet-count">({count('featured', 'yes')})</span>
      </label>
      {activeFilterCount(filters) > 0 ? (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

interface FacetOption {
  value: string;
  text: string;
  count: number;
}

function FacetSelect(props: {
  label: string;
  value: string;
  options: FacetOption[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="facet">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Any</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text} ({o.count})
          </option>
        ))}
      </select>
    </div>
  );
}

/** The site's categories first, in its order; categories it does not list after them. */
function inSiteOrder(values: string[], site: readonly string[]): string[] {
  const rank = new Map(site.map((name, i) => [name, i]));
  const known = values.filter((v) => rank.has(v)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  return [...known, ...values.filter((v) => !rank.has(v))];
}

/** Facet values found in the results, alphabetical, keeping the selected one even at zero. */
function valuesWithSelected(counts: Record<string, number> | undefined, selected: string | undefined): string[] {
  const values = Object.keys(counts ?? {});
  if (selected !== undefined && !values.includes(selected)) values.push(selected);
  return values.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
