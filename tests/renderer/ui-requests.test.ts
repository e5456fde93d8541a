// A window key runs its command only when the UI it asks for is on screen: requestUi says
// whether anything took the request, so the key is otherwise left to the browser.
import { describe, expect, it, vi } from 'vitest';
import { onUiRequest, requestUi } from '../../src/renderer/src/editor/ui-requests';

describe('UI requests', () => {
  it('reach only listeners of their kind, and say whether any took them', () => {
    expect(requestUi({ kind: 'quick-open' })).toBe(false);
    const find = vi.fn();
    const quickOpen = vi.fn();
    const offFind = onUiRequest('find', find);
    const offQuickOpen = onUiRequest('quick-open', quickOpen);
    expect(requestUi({ kind: 'find', replace: true })).toBe(true);
    expect(find).toHaveBeenCalledWith({ kind: 'find', replace: true });
    expect(quickOpen).not.toHaveBeenCalled();
    expect(requestUi({ kind: 'show-shortcuts' })).toBe(false);
    offQuickOpen();
    expect(requestUi({ kind: 'quick-open' })).toBe(false);
    expect(quickOpen).not.toHaveBeenCalled();
    offFind();
    expect(requestUi({ kind: 'find', replace: false })).toBe(false);
    expect(find).toHaveBeenCalledTimes(1);
  });
});
