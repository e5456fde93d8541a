// The code blocks' copy button, added by assets/site.js (site-script.ts): without the script
// there is no button, and the code is still there to select. The button copies the block's
// text as written (highlighting spans carry no text of their own) and says so twice: its own
// label for sighted users, a status message for screen readers.
import type { SiteScriptFeature } from './site-script';

export const CODE_COPY_FEATURE: SiteScriptFeature = {
  name: 'code copy buttons',
  source: String.raw`function () {
  var blocks = document.querySelectorAll('.code-block');
  function fallbackCopy(text) {
    // Where the Clipboard API is missing or refused: copy a selected, off-screen textarea.
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'code-copy-source';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }
  function setUp(block) {
    var pre = block.querySelector('pre');
    var code = pre && pre.querySelector('code');
    if (!code || block.querySelector('.code-copy')) return;
    var head = block.querySelector('.code-head');
    if (!head) {
      head = document.createElement('div');
      head.className = 'code-head';
      block.insertBefore(head, pre);
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = 'Copy code';
    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    head.appendChild(button);
    head.appendChild(status);
    var timer = 0;
    function report(ok) {
      button.textContent = ok ? 'Copied' : 'Copy failed';
      status.textContent = ok ? 'Code copied to the clipboard' : 'Could not copy the code; select it instead';
      clearTimeout(timer);
      timer = setTimeout(function () {
        button.textContent = 'Copy code';
        status.textContent = '';
      }, 2000);
    }
    button.addEventListener('click', function () {
      var text = code.textContent || '';
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { report(true); },
          function () { report(fallbackCopy(text)); }
        );
      } else {
        report(fallbackCopy(text));
      }
    });
  }
  for (var i = 0; i < blocks.length; i++) setUp(blocks[i]);
}`,
};
