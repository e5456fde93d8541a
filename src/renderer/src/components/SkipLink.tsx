// "Skip to editor": the window's first Tab stop (shown only when focused), past the library to
// the open study's title, else its first section, else the pane that says no study is open.
import type { MouseEvent } from 'react';
import '../styles/keyboard.css';

function editorTarget(): HTMLElement | null {
  const main = document.querySelector('main');
  return (
    document.getElementById('study-title') ??
    main?.querySelector<HTMLElement>('[contenteditable="true"]') ??
    (main instanceof HTMLElement ? main : null)
  );
}

export function SkipLink() {
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    const target = editorTarget();
    if (!target) return;
    e.preventDefault();
    target.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to editor
    </a>
  );
}
