// The study's cover image (study field `cover`): pick an image file (stored in the workspace's
// assets/ like any image of a section), write its alt text (the publish check asks for it),
// or remove it. The site shows it at the top of the study page and shares it as the card.
import { useState } from 'react';
import { COVER_ALT_MAX, type Cover } from '../../../core/pure/schemas/cover';
import { assetDisplayUrl } from '../api/asset-url';
import { errorMessage } from '../api/api-error';
import {
  altFromFileName,
  isSiteImageFile,
  SITE_IMAGE_ACCEPT,
  storeImageFile,
  type SaveAsset,
} from '../editor/image-upload';
import '../styles/cover-picker.css';

// SVG is left out: the exports never carry it (it can hold script).

export function CoverPicker(props: { cover: Cover; saveAsset?: SaveAsset; onChange: (cover: Cover) => void }) {
  const [cover, setCover] = useState<Cover>(props.cover);
  const [problem, setProblem] = useState('');
  const change = (next: Cover) => {
    setCover(next);
    props.onChange(next);
  };
  const pick = async (file: File | undefined) => {
    setProblem('');
    if (!file || !props.saveAsset) return;
    if (!isSiteImageFile(file)) {
      setProblem('Choose a PNG, JPEG, GIF or WebP image.');
      return;
    }
    try {
      const src = await storeImageFile(props.saveAsset, file);
      change({ src, alt: altFromFileName(file.name).slice(0, COVER_ALT_MAX) });
    } catch (err) {
      setProblem(`Could not add the image: ${errorMessage(err)}`);
    }
  };
  return (
    <div className="field cover-picker">
      {cover ? (
        <>
          <span className="cover-picker-label" id="study-cover-label">
            Cover image
          </span>
          <div className="cover-picker-row">
            <img className="cover-picker-thumb" src={assetDisplayUrl(cover.src)} alt={cover.alt} />
            <div className="cover-picker-alt">
              <label htmlFor="study-cover-alt">Cover alt text</label>
              <input
                id="study-cover-alt"
                type="text"
                value={cover.alt}
                maxLength={COVER_ALT_MAX}
                placeholder="What the image shows, for readers who cannot see it"
                onChange={(e) => change({ ...cover, alt: e.target.value })}
              />
              <button type="button" onClick={() => change(null)}>
                Remove cover
              </button>
            </div>
          </div>
        </>
      ) : (
        <>
          <label htmlFor="study-cover">Cover image</label>
          <input
            id="study-cover"
            type="file"
            accept={SITE_IMAGE_ACCEPT}
            aria-describedby="study-cover-hint"
            onChange={(e) => {
              const input = e.currentTarget;
              void pick(input.files?.[0]).then(() => (input.value = ''));
            }}
          />
          <span id="study-cover-hint" className="hint">
            Shown at the top of the published page and when the link is shared.
          </span>
        </>
      )}
      {problem && (
        <p role="alert" className="cover-picker-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
