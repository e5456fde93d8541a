// Site settings → Branding: accent colour, logo image, body font and a custom CSS file. Part
// of the settings form (saved as typed). The accent is never refused: the hint says
// which colour links get on light and on dark pages, adjusted for 4.5:1 (site-theme-brand.ts).
import { useState, type ChangeEvent } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import { accentColours } from '../../../core/pure/export/site-theme-brand';
import {
  siteFontLabels,
  siteSettingLabels,
  siteFonts,
  siteSettingsSchema,
  type SiteFont,
  type SiteSettings,
} from '../../../core/pure/schemas/site';
import { errorMessage } from '../api/api-error';
import { isSiteImageFile, SITE_IMAGE_ACCEPT, storeImageFile } from '../editor/image-upload';

export type Branding = Pick<SiteSettings, 'accent' | 'logo' | 'font' | 'customCss'>;

export const brandingOf = (site: SiteSettings): Branding => ({
  accent: site.accent,
  logo: site.logo,
  font: site.font,
  customCss: site.customCss,
});

/** The problem with the custom CSS path as typed, or null. */
export function customCssError(path: string): string | null {
  const result = siteSettingsSchema.shape.customCss.safeParse(path.trim());
  return result.success ? null : (result.error.issues[0]?.message ?? 'Not valid');
}

/** The theme's own accent, shown in the colour picker while none is chosen. */
const THEME_ACCENT = '#0a58ca';

interface BrandingFieldsProps {
  api: CasebookApi;
  value: Branding;
  onChange: (next: Branding) => void;
  showErrors: boolean;
}

export function BrandingFields({ api, value, onChange, showErrors }: BrandingFieldsProps) {
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const colours = accentColours(value.accent || THEME_ACCENT);
  const cssError = showErrors || value.customCss ? customCssError(value.customCss) : null;

  const pickLogo = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setLogoProblem(null);
    if (!isSiteImageFile(file)) {
      setLogoProblem('Choose a PNG, JPEG, WebP or GIF image (SVG can carry scripts, so the site never publishes it).');
      return;
    }
    try {
      const src = await storeImageFile(api.saveAsset, file);
      onChange({ ...value, logo: src });
    } catch (err) {
      setLogoProblem(`Could not store the logo: ${errorMessage(err)}`);
    }
  };

  return (
    <fieldset className="branding">
      <legend>Branding</legend>
      <div className="field">
        <label htmlFor="site-accent">{siteSettingLabels.accent}</label>
        <input
          id="site-accent"
          type="color"
          value={value.accent || THEME_ACCENT}
          aria-describedby="site-accent-hint"
          onChange={(e) => onChange({ ...value, accent: e.target.value.toLowerCase() })}
        />
        <span className="hint" id="site-accent-hint">
          {value.accent ? '' : 'The theme’s blue. '}Links use {colours.light} on light pages and {colours.dark} on dark
          pages{colours.lightAdjusted || colours.darkAdjusted ? ' (adjusted to a contrast of 4.5:1)' : ''}.
        </span>
        {value.accent ? (
          <button type="button" onClick={() => onChange({ ...value, accent: '' })}>
            Use the theme’s accent
          </button>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="site-logo">{siteSettingLabels.logo}</label>
        <input
          id="site-logo"
          type="file"
          accept={SITE_IMAGE_ACCEPT}
          aria-describedby="site-logo-hint"
          onChange={(e) => void pickLogo(e)}
        />
        <span className="hint" id="site-logo-hint">
          {value.logo
            ? 'A logo is set: it shows beside the title in the header.'
            : 'Shown beside the title in the header.'}
        </span>
        {value.logo ? (
          <button type="button" onClick={() => onChange({ ...value, logo: '' })}>
            Remove logo
          </button>
        ) : null}
        {logoProblem ? (
          <span className="field-error" role="alert">
            {logoProblem}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="site-font">{siteSettingLabels.font}</label>
        <select
          id="site-font"
          value={value.font}
          onChange={(e) => onChange({ ...value, font: e.target.value as SiteFont })}
        >
          {siteFonts.map((f) => (
            <option key={f} value={f}>
              {siteFontLabels[f]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="site-custom-css">{siteSettingLabels.customCss}</label>
        <input
          id="site-custom-css"
          type="text"
          value={value.customCss}
          aria-invalid={cssError ? true : undefined}
          aria-describedby={cssError ? 'site-custom-css-hint site-custom-css-error' : 'site-custom-css-hint'}
          onChange={(e) => onChange({ ...value, customCss: e.target.value })}
        />
        <span className="hint" id="site-custom-css-hint">
          A .css file in the workspace, e.g. theme/site.css, added last to the site’s stylesheet (up to 128 KB).
        </span>
        {cssError ? (
          <span className="field-error" id="site-custom-css-error">
            {cssError}
          </span>
        ) : null}
      </div>
    </fieldset>
  );
}
